"""Audit entries for every change to a non-ledger record, written by one flush hook.

The services never write audit entries by hand: whatever they change, the hook records
who (``session.info["actor_id"]``), when, which record and field, old and new value.
Ledger-derived columns are skipped (the ledger records those changes). Secrets never enter
the audit trail, only a digest of what is stored (``audit_text``), so a password hash or a
sealed key replaced outside the program still shows as a change.

The entries are hash-chained (``chain.audit_hash``) under the lock of the ledger head's row,
so ``verify`` replays them and compares the result with every audited table
(domain/record_check.py); an entry changed, removed or inserted breaks the chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Table, event, insert, inspect, select, update
from sqlalchemy.orm import Mapper, Session, UOWTransaction

from .chain import AUDIT_HASHED_COLUMNS, audit_hash
from .models import AuditEntry, Base, CustodyEvent, LedgerHead, utc_now
from .wording import plural

# The ledger covers its own rows and head; the audit trail cannot record itself.
NOT_AUDITED: tuple[type[Base], ...] = (AuditEntry, CustodyEvent, LedgerHead)
SECRET_COLUMNS = frozenset({"password_hash", "pin_hash", "sealed_key"})
# Counters the program moves on its own; a change to them outside the program changes no
# custody, mass, signature or permission (numbers stay unique by their constraints).
NOISE_COLUMNS = frozenset({"failed_attempts", "next_split_number", "next_child_number"})

# The record noun of each audited table (and of the tables its foreign keys point at).
RECORD_NOUNS: dict[str, str] = {
    "aliquots": "Aliquot",
    "certificates": "Certificate",
    "clearance_items": "Clearance item",
    "custody_events": "Custody event",
    "discrepancies": "Discrepancy",
    "deliverables": "Deliverable",
    "documents": "Document",
    "event_origins": "Event origin",
    "exchange_files": "Exchange file",
    "installation_settings": "Installation setting",
    "inventories": "Inventory",
    "inventory_lines": "Inventory line",
    "institutions": "Institution",
    "loan_items": "Loan item",
    "loan_receivers": "Authorised receiver",
    "loans": "Loan",
    "people": "Person",
    "samples": "Sample",
    "signatures": "Signature",
    "transfer_items": "Transfer item",
    "transfer_legs": "Transfer leg",
    "transfers": "Transfer",
}

# Field labels where the column's name, without its _id or _ug, does not say it.
FIELD_LABELS: dict[str, str] = {
    "borrower_institution_id": "Borrower",
    "certificate_pem": "Certificate",
    "co_investigators": "Co-investigators",
    "crypto_signature": "Digital signature",
    "destructive_analysis_allowed": "Destructive analysis allowed",
    "drawing_png": "Drawn signature",
    "due_on": "Due date",
    "email": "E-mail",
    "from_institution_id": "From",
    "lender_institution_id": "Lender",
    "local_name": "Local-script name",
    "owner_institution_id": "Owner",
    "parent_id": "Parent aliquot",
    "parent_item_id": "Parent item",
    "partner_institution_id": "Partner",
    "password_hash": "Password",
    "pin_hash": "PIN",
    "sealed_key": "Private key (sealed)",
    "seq": "Leg",
    "sha256": "SHA-256",
    "starts_on": "Start date",
    "to_institution_id": "To",
    "uuid": "UUID",
}


def field_label(field: str) -> str:
    """'courier_id' as 'Courier', 'due_on' as 'Due date', 'expected_mass_ug' as 'Expected mass'."""
    if field in FIELD_LABELS:
        return FIELD_LABELS[field]
    words = field.removesuffix("_id").removesuffix("_ug").replace("_", " ")
    return words[:1].upper() + words[1:]


def table_of_noun(text: str) -> str | None:
    """The table a person means by "loan", "Loans", "loan items" or "loan_items"."""
    words = " ".join(text.lower().replace("_", " ").split())
    for table, noun in RECORD_NOUNS.items():
        if words in (noun.lower(), plural(noun.lower()), table.replace("_", " ")):
            return table
    return None


def text_of(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        return f"sha256:{hashlib.sha256(value).hexdigest()} ({len(value)} bytes)"
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def audit_text(key: str, value: Any) -> str | None:
    """How the audit trail writes a column's value: secrets as a digest, never themselves."""
    if key in SECRET_COLUMNS:
        if value is None:
            return None
        stored = str(value)
        # an argon2 hash names its parameters ("$argon2id$v=19$m=19456,t=2,p=1$salt$hash"):
        # keep them, so a rehash at sign-in reads as what it is
        scheme = "$".join(stored.split("$")[1:4]) if stored.startswith("$") else "sealed"
        return f"(set: {scheme}; sha256 {hashlib.sha256(stored.encode()).hexdigest()[:32]})"
    return text_of(value)


def audited_columns(mapper: Mapper[Any]) -> list[str]:
    """The columns of a table whose every change the audit trail records."""
    return [
        attr.key
        for attr in mapper.column_attrs
        if not attr.columns[0].info.get("derived") and attr.key not in NOISE_COLUMNS
    ]


def audited_models() -> list[type[Base]]:
    """Every table the audit trail covers, in a stable order."""
    return sorted(
        (
            mapper.class_
            for mapper in Base.registry.mappers
            if not issubclass(mapper.class_, NOT_AUDITED)
        ),
        key=lambda model: model.__tablename__,
    )


def row_values(obj: Base) -> dict[str, str | None]:
    return {k: audit_text(k, getattr(obj, k)) for k in audited_columns(inspect(obj).mapper)}


def _after_flush(session: Session, context: UOWTransaction) -> None:
    actor_id = session.info.get("actor_id")
    now = utc_now()
    rows: list[dict[str, Any]] = []

    def entry(obj: Base, action: str, field: str | None, old: Any, new: Any) -> None:
        rows.append(
            {
                "occurred_at": now,
                "actor_id": actor_id,
                "table_name": obj.__tablename__,
                # every audited table has an integer id; Base itself declares no column
                "record_id": obj.id,  # type: ignore[attr-defined]
                "action": action,
                "field": field,
                "old_value": old,
                "new_value": new,
            }
        )

    for obj in session.new:
        if isinstance(obj, Base) and not isinstance(obj, NOT_AUDITED):
            entry(obj, "create", None, None, _json(row_values(obj)))
    for obj in session.dirty:
        if not isinstance(obj, Base) or isinstance(obj, NOT_AUDITED):
            continue
        state = inspect(obj)
        for key in audited_columns(state.mapper):
            history = state.attrs[key].history
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                entry(obj, "update", key, audit_text(key, old), audit_text(key, new))
    # the unit of work also deletes orphans (delete-orphan cascades) that session.deleted misses
    deleted = [
        state.obj()
        for state, (is_delete, list_only) in context.states.items()
        if is_delete and not list_only
    ]
    for obj in deleted:
        if isinstance(obj, Base) and not isinstance(obj, NOT_AUDITED):
            entry(obj, "delete", None, _json(row_values(obj)), None)
    if rows:
        append_entries(session, rows)


def append_entries(session: Session, rows: list[dict[str, Any]]) -> None:
    """Number and chain ``rows`` after the last entry, holding the head's row lock."""
    connection = session.connection()
    head = LedgerHead.__table__
    assert isinstance(head, Table)
    seq, prev = connection.execute(
        select(head.c.audit_seq, head.c.audit_hash).where(head.c.id == 1).with_for_update()
    ).one()
    for row in rows:
        seq += 1
        row["id"] = seq
        row["prev_hash"] = prev
        prev = row["hash"] = audit_hash(prev, [row[c] for c in AUDIT_HASHED_COLUMNS])
    connection.execute(insert(AuditEntry), rows)
    connection.execute(update(head).where(head.c.id == 1).values(audit_seq=seq, audit_hash=prev))


def write_baseline(
    session: Session, batch: int = 5_000, only: Mapping[str, Sequence[int]] | None = None
) -> int:
    """Record every row of every audited table as it stands (action ``baseline``): for rows
    written in bulk outside the services (the benchmark generator), as migration 0002 did
    for the rows of its day; ``only``: just these ids of these tables. Returns the number
    of entries written."""
    now = utc_now()
    written = 0
    for model in audited_models():
        last_id = 0
        key = model.id  # type: ignore[attr-defined]
        ids = None if only is None else sorted(only.get(model.__tablename__, ()))
        while ids is None or ids:
            chosen = select(model).where(key > last_id)
            if ids is not None:
                chosen, ids = chosen.where(key.in_(ids[:batch])), ids[batch:]
            rows = session.scalars(chosen.order_by(key).limit(batch))
            entries: list[dict[str, Any]] = [
                {
                    "occurred_at": now,
                    "actor_id": None,
                    "table_name": model.__tablename__,
                    "record_id": row.id,  # type: ignore[attr-defined]
                    "action": "baseline",
                    "field": None,
                    "old_value": None,
                    "new_value": _json(row_values(row)),
                }
                for row in rows
            ]
            if not entries:
                break
            append_entries(session, entries)
            written += len(entries)
            last_id = entries[-1]["record_id"]
            session.expunge_all()
    return written


def _json(values: dict[str, Any]) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def install() -> None:
    """Register the hook once for every Session (idempotent)."""
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)


install()
