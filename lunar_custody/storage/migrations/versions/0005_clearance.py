"""clearance

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 21:05:00.000000

Written once and never edited after a release: a database upgraded by it stays upgraded.
Do not import the models here; spell out every table, column and type.

The clearance checklist of each loan (domain/clearance.py): one row per item, made from the
clearance template (resources/clearance/clearance-vN.json) when a loan is drafted.

Existing loans get no rows here. A migration cannot write audit entries, and verify names
every row the audit trail never saw as inserted outside the program; so:
- an existing DRAFT loan's checklist is created on first use: until then the read model
  shows the current template's items as pending (its approval is refused the same way), and
  the first attestation or waiver writes the whole checklist, audited, in its transaction;
- loans already approved, active, closed or cancelled keep no checklist and are not
  blocked retroactively.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "clearance_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("template_version", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("can_expire", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attested_by_id", sa.Integer(), nullable=True),
        sa.Column("attested_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=True),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("file_content", sa.LargeBinary(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("waived_by_id", sa.Integer(), nullable=True),
        sa.Column("waived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("waiver_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["attested_by_id"],
            ["people.id"],
            name=op.f("fk_clearance_items_attested_by_id_people"),
        ),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_clearance_items_loan_id_loans")
        ),
        sa.ForeignKeyConstraint(
            ["waived_by_id"],
            ["people.id"],
            name=op.f("fk_clearance_items_waived_by_id_people"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clearance_items")),
        sa.UniqueConstraint("loan_id", "key", name=op.f("uq_clearance_items_loan_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_clearance_items_uuid")),
    )
    with op.batch_alter_table("clearance_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_clearance_items_loan_id"), ["loan_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("clearance_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clearance_items_loan_id"))
    op.drop_table("clearance_items")
