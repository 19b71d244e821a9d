"""Trust: certificates, cryptographic signatures, a hash-chained audit trail.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 18:30:00

- ``certificates``: institution, partner and person certificates (keys themselves are made
  by the program: ``lunar-custody keys init``, or at a person's next signature).
- ``signatures`` gain the certificate and the ECDSA signature; older ones have neither.
- ``audit_entries`` become a hash chain (its head beside the ledger's in ``ledger_head``):
  the entries already written are chained in id order, and then every record of every
  audited table is written down as it stands (action ``baseline``), so ``verify`` can tell a
  later change made outside the program from what was there at the upgrade.
- Append-only guards for ``documents``, and for ``certificates`` but their retirement and
  revocation.

Written once and never edited after a release. Do not import the models here: the tables are
read as this revision finds them, and the hash and the value texts are spelled out.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS_HASH = "0" * 64
PG_FUNCTION = "refuse_append_only_change"
OLD_GUARDED = ("audit_entries",)
NEW_APPEND_ONLY = ("documents",)
CERTIFICATE_IDENTITY = (
    "uuid",
    "kind",
    "institution_id",
    "person_id",
    "fingerprint",
    "certificate_pem",
    "sealed_key",
    "valid_from",
    "valid_until",
    "created_at",
    "endorsement",
)
# domain/audit.py as of this revision: what the audit trail records of each table
AUDITED_TABLES = (
    "aliquots",
    "certificates",
    "discrepancies",
    "documents",
    "institutions",
    "loan_items",
    "loans",
    "people",
    "samples",
    "signatures",
    "transfer_items",
    "transfer_legs",
    "transfers",
)
DERIVED = {
    "aliquots": {
        "status",
        "initial_mass_ug",
        "current_mass_ug",
        "children_mass_ug",
        "consumed_mass_ug",
        "lost_mass_ug",
        "custodian_institution_id",
        "custodian_person_id",
        "courier_id",
        "transfer_id",
        "loan_id",
        "last_event_id",
    }
}
NOISE = {"failed_attempts", "next_split_number", "next_child_number"}
SECRETS = {"password_hash", "pin_hash", "sealed_key"}
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
BATCH = 5_000


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _entry_hash(prev_hash: str, row: dict[str, Any]) -> str:
    values = [row[c] for c in AUDIT_COLUMNS]
    values[1] = (_utc(values[1]) - _EPOCH) // timedelta(microseconds=1)
    return hashlib.sha256(f"{prev_hash}\n{_ENCODER.encode(values)}".encode()).hexdigest()


def _text(key: str, value: Any) -> str | None:
    if value is None:
        return None
    if key in SECRETS:
        stored = str(value)
        scheme = "$".join(stored.split("$")[1:4]) if stored.startswith("$") else "sealed"
        return f"(set: {scheme}; sha256 {hashlib.sha256(stored.encode()).hexdigest()[:32]})"
    if isinstance(value, bytes | memoryview):
        data = bytes(value)
        return f"sha256:{hashlib.sha256(data).hexdigest()} ({len(data)} bytes)"
    if isinstance(value, datetime):
        return _utc(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value)
    return str(value)


def upgrade() -> None:
    bind = op.get_bind()
    postgres = op.get_context().dialect.name == "postgresql"
    op.create_table(
        "certificates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("institution_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("certificate_pem", sa.Text(), nullable=False),
        sa.Column("sealed_key", sa.Text(), nullable=True),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("valid_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("endorsement", sa.Text(), nullable=True),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revocation_reason", sa.Text(), nullable=False),
        sa.Column("revocation_signature", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["institution_id"],
            ["institutions.id"],
            name=op.f("fk_certificates_institution_id_institutions"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_certificates_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificates")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_certificates_fingerprint")),
        sa.UniqueConstraint("uuid", name=op.f("uq_certificates_uuid")),
    )
    op.create_index(op.f("ix_certificates_institution_id"), "certificates", ["institution_id"])
    op.create_index(op.f("ix_certificates_person_id"), "certificates", ["person_id"])

    reference = "fk_signatures_certificate_id_certificates"
    if postgres:
        op.add_column("signatures", sa.Column("certificate_id", sa.Integer(), nullable=True))
        op.create_foreign_key(reference, "signatures", "certificates", ["certificate_id"], ["id"])
    else:
        # SQLite adds a column with its reference in place: no table copy, so the guards stay
        op.execute(
            "ALTER TABLE signatures ADD COLUMN certificate_id INTEGER "
            f"CONSTRAINT {reference} REFERENCES certificates (id)"
        )
    op.add_column("signatures", sa.Column("crypto_signature", sa.Text(), nullable=True))
    op.add_column(
        "ledger_head", sa.Column("audit_seq", sa.Integer(), nullable=False, server_default="0")
    )
    op.add_column(
        "ledger_head",
        sa.Column("audit_hash", sa.String(length=64), nullable=False, server_default=GENESIS_HASH),
    )
    op.add_column(
        "audit_entries",
        sa.Column("prev_hash", sa.String(length=64), nullable=False, server_default=""),
    )
    op.add_column(
        "audit_entries", sa.Column("hash", sa.String(length=64), nullable=False, server_default="")
    )

    if not op.get_context().as_sql:  # an administrator's SQL script starts from no data
        _without_audit_guards(postgres, lambda: _chain_existing_entries(bind))
        _write_baseline(bind)
    op.create_index(op.f("uq_audit_entries_hash"), "audit_entries", ["hash"], unique=True)
    _create_new_guards(postgres)


def _without_audit_guards(postgres: bool, work: Any) -> None:
    """The entries written before this revision get their hashes: the one UPDATE ever made to
    the audit trail, with its guard lifted for the moment and put back as it was."""
    if postgres:
        op.execute("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only")
        work()
        op.execute("ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only")
        return
    op.execute("DROP TRIGGER audit_entries_no_update")
    work()
    op.execute(
        "CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries "
        "BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only: corrections are new "
        "entries'); END"
    )


def _audit_table(bind: sa.Connection) -> sa.Table:
    return sa.Table("audit_entries", sa.MetaData(), autoload_with=bind)


def _chain_existing_entries(bind: sa.Connection) -> None:
    table = _audit_table(bind)
    prev, seq, last_id = GENESIS_HASH, 0, 0
    while True:
        rows = bind.execute(
            sa.select(*(table.c[c] for c in AUDIT_COLUMNS))
            .where(table.c.id > last_id)
            .order_by(table.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        updates = []
        for row in rows:
            values = dict(row._mapping)
            digest = _entry_hash(prev, values)
            updates.append({"key": values["id"], "p": prev, "h": digest})
            prev, seq, last_id = digest, values["id"], values["id"]
        bind.execute(
            table.update()
            .where(table.c.id == sa.bindparam("key"))
            .values(prev_hash=sa.bindparam("p"), hash=sa.bindparam("h")),
            updates,
        )
    head = sa.Table("ledger_head", sa.MetaData(), autoload_with=bind)
    bind.execute(head.update().where(head.c.id == 1).values(audit_seq=seq, audit_hash=prev))


def _write_baseline(bind: sa.Connection) -> None:
    """Every record of every audited table as it stands, one ``baseline`` entry each."""
    head = sa.Table("ledger_head", sa.MetaData(), autoload_with=bind)
    seq, prev = bind.execute(sa.select(head.c.audit_seq, head.c.audit_hash)).one()
    audit = _audit_table(bind)
    now = datetime.now(UTC)
    for name in AUDITED_TABLES:
        table = sa.Table(name, sa.MetaData(), autoload_with=bind)
        skipped = DERIVED.get(name, set()) | NOISE
        columns = [c for c in table.c if c.name not in skipped]
        last_id = 0
        while True:
            rows = bind.execute(
                sa.select(*columns).where(table.c.id > last_id).order_by(table.c.id).limit(BATCH)
            ).all()
            if not rows:
                break
            entries = []
            for row in rows:
                values = {c.name: _text(c.name, v) for c, v in zip(columns, row, strict=True)}
                seq += 1
                entry = {
                    "id": seq,
                    "occurred_at": now,
                    "actor_id": None,
                    "table_name": name,
                    "record_id": row.id,
                    "action": "baseline",
                    "field": None,
                    "old_value": None,
                    "new_value": json.dumps(values, ensure_ascii=False, sort_keys=True),
                }
                entry["prev_hash"] = prev
                prev = entry["hash"] = _entry_hash(prev, entry)
                entries.append(entry)
                last_id = row.id
            bind.execute(audit.insert(), entries)
    bind.execute(head.update().where(head.c.id == 1).values(audit_seq=seq, audit_hash=prev))


def _create_new_guards(postgres: bool) -> None:
    identity = ", ".join(CERTIFICATE_IDENTITY)
    if postgres:
        for table in NEW_APPEND_ONLY:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {PG_FUNCTION}()"
            )
        op.execute(
            f"CREATE TRIGGER certificates_append_only BEFORE DELETE OR UPDATE OF {identity} "
            f"ON certificates FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()"
        )
        op.execute(
            "CREATE TRIGGER certificates_no_truncate BEFORE TRUNCATE ON certificates "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {PG_FUNCTION}()"
        )
        return
    for table in NEW_APPEND_ONLY:
        message = f"{table} is append-only: corrections are new entries"
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )
    message = "a certificate is never changed or removed: it is retired or revoked"
    op.execute(
        f"CREATE TRIGGER certificates_no_update BEFORE UPDATE OF {identity} ON certificates "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )
    op.execute(
        "CREATE TRIGGER certificates_no_delete BEFORE DELETE ON certificates "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        for table in (*NEW_APPEND_ONLY, "certificates"):
            op.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
            op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
    else:
        for table in (*NEW_APPEND_ONLY, "certificates"):
            for action in ("update", "delete"):
                op.execute(f"DROP TRIGGER {table}_no_{action}")
    op.drop_index(op.f("uq_audit_entries_hash"), table_name="audit_entries")
    with op.batch_alter_table("audit_entries") as batch:
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
    with op.batch_alter_table("ledger_head") as batch:
        batch.drop_column("audit_hash")
        batch.drop_column("audit_seq")
    with op.batch_alter_table("signatures") as batch:
        batch.drop_column("crypto_signature")
        batch.drop_column("certificate_id")
    if not postgres:
        # SQLite's batch mode copied audit_entries and signatures without their triggers:
        # put back the guards revision 0001 gave them
        for table in ("audit_entries", "signatures"):
            message = f"{table} is append-only: corrections are new entries"
            for action in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
                )
    op.drop_index(op.f("ix_certificates_person_id"), table_name="certificates")
    op.drop_index(op.f("ix_certificates_institution_id"), table_name="certificates")
    op.drop_table("certificates")
