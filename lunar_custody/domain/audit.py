"""Audit entries for every change to a non-ledger record, written by one flush hook.

The services never write audit entries by hand: whatever they change, the hook records
who (``session.info["actor_id"]``), when, which record and field, old and new value.
Ledger-derived columns are skipped (the ledger records those changes) and secrets are
never copied into the audit trail.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction

from .models import AuditEntry, Base, CustodyEvent, LedgerHead, Signature, utc_now

_NOT_AUDITED = (AuditEntry, CustodyEvent, Signature, LedgerHead)
_SECRET_COLUMNS = frozenset({"password_hash", "pin_hash"})
_NOISE_COLUMNS = frozenset({"failed_attempts", "next_split_number", "next_child_number"})


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _audited_columns(obj: Base) -> list[str]:
    mapper = inspect(obj).mapper
    return [
        attr.key
        for attr in mapper.column_attrs
        if not attr.columns[0].info.get("derived") and attr.key not in _NOISE_COLUMNS
    ]


def _value(key: str, value: Any) -> str | None:
    if key in _SECRET_COLUMNS:
        if value is None:
            return None
        # Never the hash, but its parameters: so a rehash at sign-in reads as what it is
        # ("$argon2id$v=19$m=19456,t=2,p=1$salt$hash": the first three fields).
        scheme = "$".join(str(value).split("$")[1:4])
        return f"(set: {scheme})" if scheme else "(set)"
    return _text(value)


def _after_flush(session: Session, _context: UOWTransaction) -> None:
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
        if isinstance(obj, Base) and not isinstance(obj, _NOT_AUDITED):
            values = {k: _value(k, getattr(obj, k)) for k in _audited_columns(obj)}
            entry(obj, "create", None, None, _json(values))
    for obj in session.dirty:
        if not isinstance(obj, Base) or isinstance(obj, _NOT_AUDITED):
            continue
        state = inspect(obj)
        for key in _audited_columns(obj):
            history = state.attrs[key].history
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                entry(obj, "update", key, _value(key, old), _value(key, new))
    # the unit of work also deletes orphans (delete-orphan cascades) that session.deleted misses
    deleted = [
        state.obj()
        for state, (is_delete, list_only) in _context.states.items()
        if is_delete and not list_only
    ]
    for obj in deleted:
        if isinstance(obj, Base) and not isinstance(obj, _NOT_AUDITED):
            values = {k: _value(k, getattr(obj, k)) for k in _audited_columns(obj)}
            entry(obj, "delete", None, _json(values), None)
    if rows:
        session.connection().execute(insert(AuditEntry), rows)


def _json(values: dict[str, Any]) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def install() -> None:
    """Register the hook once for every Session (idempotent)."""
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)


install()
