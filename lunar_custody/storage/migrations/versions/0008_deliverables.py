"""deliverables

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 21:05:00.000000

Written once and never edited after a release: a database upgraded by it stays upgraded.
Do not import the models here; spell out every table, column and type.

What each loan owes the lender besides custody (domain/deliverables.py): publications, data
reports, the return of unused material and the return accounting (NASA form F-75). Existing
loans get none: they were agreed without such a list, and inventing one would owe the
borrower something it never signed for; a curator may add deliverables to an open loan by
hand. Loans drafted from now on get the standard list of resources/templates/deliverables-vN.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "deliverables",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("template", sa.String(length=40), nullable=False),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("delivered_by_id", sa.Integer(), nullable=True),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("waived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("waived_by_id", sa.Integer(), nullable=True),
        sa.Column("waiver_reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["people.id"], name=op.f("fk_deliverables_created_by_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["delivered_by_id"], ["people.id"], name=op.f("fk_deliverables_delivered_by_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_deliverables_loan_id_loans")
        ),
        sa.ForeignKeyConstraint(
            ["waived_by_id"], ["people.id"], name=op.f("fk_deliverables_waived_by_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliverables")),
        sa.UniqueConstraint("uuid", name=op.f("uq_deliverables_uuid")),
    )
    with op.batch_alter_table("deliverables", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deliverables_due_on"), ["due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_deliverables_loan_id"), ["loan_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("deliverables", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deliverables_loan_id"))
        batch_op.drop_index(batch_op.f("ix_deliverables_due_on"))
    op.drop_table("deliverables")
