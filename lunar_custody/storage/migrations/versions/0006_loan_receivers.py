"""loan receivers

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-05 21:00:00.000000

Written once and never edited after a release: a database upgraded by it stays upgraded.
Do not import the models here; spell out every table, column and type.

The authorised receivers of each loan (domain/receivers.py): the people of the borrowing
institution who may receive and open its packages. Every existing loan gets its principal
investigator alone, as the one receiver it had before; the rows are written here, not by
the services, so they carry no audit entry (verify compares only what the trail names).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    receivers = op.create_table(
        "loan_receivers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("function", sa.String(length=200), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("removed_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["added_by_id"], ["people.id"], name=op.f("fk_loan_receivers_added_by_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_loan_receivers_loan_id_loans")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_loan_receivers_person_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["removed_by_id"], ["people.id"], name=op.f("fk_loan_receivers_removed_by_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_receivers")),
        sa.UniqueConstraint("uuid", name=op.f("uq_loan_receivers_uuid")),
    )
    with op.batch_alter_table("loan_receivers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_receivers_loan_id"), ["loan_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_loan_receivers_person_id"), ["person_id"], unique=False
        )

    if op.get_context().as_sql:
        return  # a schema written out as SQL makes a new database: it has no loans yet
    # every existing loan: its PI alone, added when the loan was drafted, by whoever drafted it
    loans = sa.table(
        "loans",
        sa.column("id", sa.Integer()),
        sa.column("principal_investigator_id", sa.Integer()),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("created_by_id", sa.Integer()),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(
            loans.c.id, loans.c.principal_investigator_id, loans.c.created_at, loans.c.created_by_id
        ).order_by(loans.c.id)
    ).all()
    if rows:
        op.bulk_insert(
            receivers,
            [
                {
                    "uuid": str(uuid.uuid4()),
                    "loan_id": loan_id,
                    "person_id": pi_id,
                    "function": "principal investigator",
                    "added_at": created_at,
                    "added_by_id": created_by_id,
                    "removed_at": None,
                    "removed_by_id": None,
                }
                for loan_id, pi_id, created_at, created_by_id in rows
            ],
        )


def downgrade() -> None:
    with op.batch_alter_table("loan_receivers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_receivers_person_id"))
        batch_op.drop_index(batch_op.f("ix_loan_receivers_loan_id"))
    op.drop_table("loan_receivers")
