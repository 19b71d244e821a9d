"""loan receivers

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 21:00:00.000000

Written once and never edited after a release: a database upgraded by it stays upgraded.
Do not import the models here; spell out every table, column and type.

The authorised receivers of each loan (domain/receivers.py): the people of the borrowing
institution who may receive and open its packages. Every existing loan gets its principal
investigator alone, as the one receiver it had before. The rows are written here, not by
the services, so each gets a ``baseline`` entry in the audit trail (as 0002 wrote for the
rows of its day), chained after the last entry: ``verify`` then knows them.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AUDIT_COLUMNS = (
    "id",
    "occurred_at",
    "actor_id",
    "table_name",
    "record_id",
    "action",
    "field",
    "old_value",
    "new_value",
)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


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
    if not rows:
        return
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
    _write_baseline(connection)


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _entry_hash(prev_hash: str, row: dict[str, Any]) -> str:
    values = [row[c] for c in AUDIT_COLUMNS]
    values[1] = (_utc(values[1]) - _EPOCH) // timedelta(microseconds=1)
    return hashlib.sha256(f"{prev_hash}\n{_ENCODER.encode(values)}".encode()).hexdigest()


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return _utc(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _write_baseline(bind: sa.Connection) -> None:
    """Every new loan_receivers row as it stands, one ``baseline`` entry each."""
    head = sa.Table("ledger_head", sa.MetaData(), autoload_with=bind)
    seq, prev = bind.execute(sa.select(head.c.audit_seq, head.c.audit_hash)).one()
    audit = sa.Table("audit_entries", sa.MetaData(), autoload_with=bind)
    table = sa.Table("loan_receivers", sa.MetaData(), autoload_with=bind)
    now = datetime.now(UTC)
    entries = []
    for row in bind.execute(sa.select(*table.c).order_by(table.c.id)):
        values = {c.name: _text(v) for c, v in zip(table.c, row, strict=True)}
        seq += 1
        entry: dict[str, Any] = {
            "id": seq,
            "occurred_at": now,
            "actor_id": None,
            "table_name": "loan_receivers",
            "record_id": row.id,
            "action": "baseline",
            "field": None,
            "old_value": None,
            "new_value": json.dumps(values, ensure_ascii=False, sort_keys=True),
        }
        entry["prev_hash"] = prev
        prev = entry["hash"] = _entry_hash(prev, entry)
        entries.append(entry)
    bind.execute(audit.insert(), entries)
    bind.execute(head.update().where(head.c.id == 1).values(audit_seq=seq, audit_hash=prev))


def downgrade() -> None:
    with op.batch_alter_table("loan_receivers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_receivers_person_id"))
        batch_op.drop_index(batch_op.f("ix_loan_receivers_loan_id"))
    op.drop_table("loan_receivers")
