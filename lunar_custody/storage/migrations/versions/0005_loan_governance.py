"""loan governance

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 03:00:00.000000

Written once and never edited after a release: a database upgraded by it stays upgraded.
Do not import the models here; spell out every table, column and type.

The loan as curators practise it (issue 17), in one release's schema:

- ``clearance_items``: the clearance checklist of each loan (domain/clearance.py), made from
  the clearance template (resources/clearance/clearance-vN.json) when a loan is drafted.
  Existing loans get no rows here. A migration cannot write audit entries for them, and
  verify names every row the audit trail never saw inserted; so an existing DRAFT loan's
  checklist is created on first use (until then the read model shows the current template's
  items as pending and its approval is refused the same way; the first attestation or waiver
  writes the whole checklist, audited), and loans already approved, active, closed or
  cancelled keep no checklist and are not blocked retroactively.
- ``loan_receivers``: the authorised receivers of each loan (domain/receivers.py), the people
  of the borrowing institution who may receive and open its packages. Every existing loan gets
  its principal investigator alone, the one receiver it had before. These rows are written
  here, so each gets a ``baseline`` entry in the audit trail (as 0002 wrote for the rows of its
  day), chained after the last entry: ``verify`` then knows them.
- ``installation_settings``, ``inventories`` and ``inventory_lines``: annual inventories of the
  material a borrower holds under a loan (domain/inventory.py), and a small key/value table of
  installation settings (the inventory's grace period).
- ``deliverables``: what each loan owes the lender besides custody (domain/deliverables.py).
  Existing loans get none: they were agreed without such a list, and inventing one would owe
  the borrower something it never signed for; a curator may add deliverables to an open loan
  by hand. Loans drafted from now on get the standard list of
  resources/templates/deliverables-vN.json.

New tables only: no existing table is rebuilt, so no trigger is touched.
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

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
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
    _clearance()
    _receivers()
    _inventories()
    _deliverables()


def _clearance() -> None:
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


def _receivers() -> None:
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


def _inventories() -> None:
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


def _deliverables() -> None:
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
    with op.batch_alter_table("deliverables", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deliverables_loan_id"))
        batch_op.drop_index(batch_op.f("ix_deliverables_due_on"))
    op.drop_table("deliverables")
    op.drop_table("inventory_lines")
    op.drop_table("inventories")
    op.drop_table("installation_settings")
    with op.batch_alter_table("loan_receivers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_receivers_person_id"))
        batch_op.drop_index(batch_op.f("ix_loan_receivers_loan_id"))
    op.drop_table("loan_receivers")
    with op.batch_alter_table("clearance_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clearance_items_loan_id"))
    op.drop_table("clearance_items")
