"""annual inventories

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 21:10:00.000000

Written once and never edited after a release: a database upgraded by it stays upgraded.
Do not import the models here; spell out every table, column and type.

Annual inventories of the material a borrower holds under a loan (domain/inventory.py), their
lines, and a small key/value table of installation settings (the inventory's grace period).
New tables only: no existing table is rebuilt, so no trigger is touched.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "installation_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_installation_settings")),
        sa.UniqueConstraint("key", name=op.f("uq_installation_settings_key")),
    )
    op.create_table(
        "inventories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_by_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("certified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("certified_by_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_inventories_loan_id_loans")
        ),
        sa.ForeignKeyConstraint(
            ["started_by_id"], ["people.id"], name=op.f("fk_inventories_started_by_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["certified_by_id"], ["people.id"], name=op.f("fk_inventories_certified_by_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inventories")),
        sa.UniqueConstraint("uuid", name=op.f("uq_inventories_uuid")),
        sa.UniqueConstraint("number", name=op.f("uq_inventories_number")),
    )
    op.create_index(op.f("ix_inventories_loan_id"), "inventories", ["loan_id"])
    op.create_index(op.f("ix_inventories_status"), "inventories", ["status"])
    op.create_table(
        "inventory_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("inventory_id", sa.Integer(), nullable=False),
        sa.Column("aliquot_id", sa.Integer(), nullable=True),
        sa.Column("scanned_number", sa.String(length=60), nullable=False),
        sa.Column("expected", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("measured_mass_ug", sa.BigInteger(), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("checked_by_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("resolution", sa.String(length=16), nullable=True),
        sa.Column("resolution_event_id", sa.Integer(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["inventory_id"],
            ["inventories.id"],
            name=op.f("fk_inventory_lines_inventory_id_inventories"),
        ),
        sa.ForeignKeyConstraint(
            ["aliquot_id"], ["aliquots.id"], name=op.f("fk_inventory_lines_aliquot_id_aliquots")
        ),
        sa.ForeignKeyConstraint(
            ["checked_by_id"], ["people.id"], name=op.f("fk_inventory_lines_checked_by_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["resolution_event_id"],
            ["custody_events.id"],
            name=op.f("fk_inventory_lines_resolution_event_id_custody_events"),
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["custody_events.id"],
            name=op.f("fk_inventory_lines_event_id_custody_events"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inventory_lines")),
        sa.UniqueConstraint("uuid", name=op.f("uq_inventory_lines_uuid")),
    )
    op.create_index(op.f("ix_inventory_lines_inventory_id"), "inventory_lines", ["inventory_id"])
    op.create_index(op.f("ix_inventory_lines_aliquot_id"), "inventory_lines", ["aliquot_id"])


def downgrade() -> None:
    op.drop_table("inventory_lines")
    op.drop_table("inventories")
    op.drop_table("installation_settings")
