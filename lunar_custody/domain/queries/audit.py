"""The audit trail in words: which record ("Loan L2026-0003"), which field ("Due date"), what
it was and what it became, with names instead of ids, masses in mg or g and moments in the
reader's time zone; the raw entry (table, id, field, stored text) travels beside it.

The GUI's audit list and the command line's ``audit`` read the same lines.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Column, Table, select
from sqlalchemy.orm import Session

from ..audit import RECORD_NOUNS, SECRET_COLUMNS, field_label, text_of
from ..masses import format_mass
from ..models import AuditEntry, Base
from ..store import Store
from ..wording import moment_text

# The column that names a record of these tables; a record of another table is named from
# its fields (_NAMED_FROM) or by its id.
_NAME_COLUMN = {
    "aliquots": "number",
    "documents": "number",
    "institutions": "name",
    "loans": "number",
    "people": "full_name",
    "samples": "number",
    "transfers": "number",
}
Words = Mapping[str, str]  # a record's fields in words, foreign keys as the names they point at
_NAMED_FROM: dict[str, tuple[tuple[str, ...], Callable[[Words], str]]] = {
    "loan_items": (
        ("aliquot_id", "loan_id"),
        lambda v: f"{v['aliquot_id']} on loan {v['loan_id']}",
    ),
    "loan_receivers": (
        ("person_id", "loan_id"),
        lambda v: f"{v['person_id']} for loan {v['loan_id']}",
    ),
    "transfer_items": (
        ("aliquot_id", "transfer_id"),
        lambda v: f"{v['aliquot_id']} in transfer {v['transfer_id']}",
    ),
    "transfer_legs": (
        ("seq", "transfer_id"),
        lambda v: f"{v['seq']} of transfer {v['transfer_id']}",
    ),
    "discrepancies": (
        ("kind", "transfer_id"),
        lambda v: f"({v['kind']}) on transfer {v['transfer_id']}",
    ),
    "signatures": (
        ("printed_name", "meaning", "record_type", "record_number"),
        lambda v: (
            f"of {v['printed_name']} ({v['meaning']}) on {v['record_type']} {v['record_number']}"
        ),
    ),
    "certificates": (
        ("kind", "person_id", "institution_id"),
        lambda v: (
            f"({v['kind']}) of {v['person_id'] if v['person_id'] != NONE else v['institution_id']}"
        ),
    ),
    "event_origins": (("event_id",), lambda v: f"of {v['event_id']}"),
    "exchange_files": (
        ("kind", "sequence", "direction", "partner_institution_id"),
        lambda v: (
            f"{v['kind']} no. {v['sequence']} ({v['direction']}, {v['partner_institution_id']})"
        ),
    ),
}
ACTIONS = {
    "create": "created",
    "update": "changed",
    "delete": "deleted",
    "baseline": "recorded as found",
}
# stored codes shown as words ("in_transit" as "in transit")
_CODE_FIELDS = frozenset({"status", "kind", "meaning", "resolution", "direction", "method"})
# fields a whole-row summary leaves to the details: ids, and hashes and signatures nobody
# reads in a line
_NOT_SUMMARISED = frozenset(
    {
        "id",
        "uuid",
        "record_id",
        "certificate_pem",
        "content",
        "content_hash",
        "crypto_signature",
        "endorsement",
        "origin_hash",
        "origin_signature",
        "revocation_signature",
        "seen_hash",
        "sender_audit_hash",
        "sender_hash",
        "sha256",
    }
)
_DIGEST = re.compile(r"^sha256:[0-9a-f]{64} \((\d+) bytes\)$")
_SHOWN = 60  # characters of a long text a line shows
NONE = "(none)"
PROGRAM = "the program"  # an entry no signed-in person made (a baseline, a migration)


@dataclass(frozen=True, slots=True)
class AuditRaw:
    """The entry as stored: what the "Show raw values" toggle reveals."""

    table_name: str
    record_id: int
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    occurred_at: str  # ISO 8601 in UTC


@dataclass(frozen=True, slots=True)
class AuditLine:
    """One audit entry in words."""

    entry_id: int
    occurred_at: datetime
    when: str  # "2026-12-05 09:14 CET"
    by: str
    record: str  # "Loan L2026-0003"
    action: str  # "changed"
    field: str  # "Due date"; "" for a whole record created, found or deleted
    before: str  # "2027-01-01"; a deleted record's fields
    after: str  # "2027-06-01"; a created record's fields
    fields: tuple[tuple[str, str], ...]  # a whole record's fields, label and value
    raw: AuditRaw

    @property
    def change(self) -> str:
        """'Due date: 2027-01-01 → 2027-06-01', or 'created: Number L2026-0003; ...'."""
        if self.field:
            return f"{self.field}: {self.before} → {self.after}"
        summary = self.after or self.before
        return f"{self.action}: {summary}" if summary else self.action

    def text(self, *, raw: bool = False) -> str:
        """The entry in full, a line a field; with ``raw`` the stored entry after it."""
        lines = [f"{self.record}: {self.action} by {self.by}, {self.when}"]
        if self.field:
            lines.append(self.change)
        else:
            lines.extend(f"  {label}: {value}" for label, value in self.fields)
        if raw:
            r = self.raw
            lines += [
                "",
                f"Raw entry #{self.entry_id}: table {r.table_name}, record id {r.record_id}, "
                f"action {r.action}" + (f", field {r.field}" if r.field else ""),
                f"at {r.occurred_at}",
                f"old value: {NONE if r.old_value is None else r.old_value}",
                f"new value: {NONE if r.new_value is None else r.new_value}",
            ]
        return "\n".join(lines)

    @property
    def sentence(self) -> str:
        """'Loan L2026-0003, Due date: ... (Zhang Wei, 2026-12-05 09:14 CET)'."""
        return f"{self.record}, {self.change} ({self.by}, {self.when})"


def audit_lines(store: Store, entry_ids: Iterable[int]) -> list[AuditLine]:
    """The entries ``entry_ids`` in words, in the order given (an unknown id is left out)."""
    wanted = list(entry_ids)
    with store.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.id.in_(wanted))).all()
        lines = {line.entry_id: line for line in lines_of(session, entries)}
    return [lines[i] for i in wanted if i in lines]


def audit_trail(
    store: Store,
    *,
    table: str | None = None,
    record_id: int | None = None,
    limit: int = 50,
) -> list[AuditLine]:
    """The latest ``limit`` entries, newest first, of one table or one record if given."""
    statement = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if table is not None:
        statement = statement.where(AuditEntry.table_name == table)
    if record_id is not None:
        statement = statement.where(AuditEntry.record_id == record_id)
    with store.read() as session:
        return lines_of(session, session.scalars(statement).all())


def lines_of(session: Session, entries: Sequence[AuditEntry]) -> list[AuditLine]:
    """``entries`` in words; the names they need are read in a few queries for all of them."""
    rows = {e.id: _whole_row(e) for e in entries}
    names = _Names(session)
    own = _own_fields(session, entries, rows)
    # first every id the lines point at, then one query per table for their names
    for entry in entries:
        if entry.actor_id is not None:
            names.want("people", entry.actor_id)
        row = rows[entry.id]
        if row is not None:
            for key, value in row.items():
                names.want_value(entry.table_name, key, value)
        if entry.field:
            names.want_value(entry.table_name, entry.field, entry.old_value)
            names.want_value(entry.table_name, entry.field, entry.new_value)
        for key, value in own.get((entry.table_name, entry.record_id), {}).items():
            names.want_value(entry.table_name, key, value)
    names.read()
    return [_line(entry, rows[entry.id], own, names) for entry in entries]


def value_words(table: str, field: str, value: str | None, names: _Names) -> str:
    """A stored value as people read it: a name for an id, a mass, a local time, yes/no."""
    if value is None:
        return NONE
    if value == "":
        return "(empty)"
    if field in SECRET_COLUMNS:
        return "(set)"
    column = _column(table, field)
    target = _target(column)
    if target is not None and value.isdigit():
        return names.name(target, int(value))
    if field.endswith("_ug") and value.lstrip("-").isdigit():
        return format_mass(int(value))
    kind = _python_type(column)
    if kind is bool:
        return {"True": "yes", "False": "no"}.get(value, value)
    if kind is datetime:
        try:
            return moment_text(datetime.fromisoformat(value))
        except ValueError:
            return value
    digest = _DIGEST.match(value)
    if digest:
        return f"{int(digest.group(1)):,} bytes"
    if field in _CODE_FIELDS:
        return value.replace("_", " ")
    first = value.strip().splitlines()[0] if value.strip() else value
    if len(first) > _SHOWN or first != value.strip():
        return first[: _SHOWN - 1].rstrip() + "…"
    return value


# ---------------------------------------------------------------------- inside


class _Names:
    """The names of records that ids point at, read per table in one query each."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.wanted: dict[str, set[int]] = defaultdict(set)
        self.known: dict[tuple[str, int], str] = {}

    def want(self, table: str, record_id: int) -> None:
        self.wanted[table].add(record_id)

    def want_value(self, table: str, field: str, value: str | None) -> None:
        target = _target(_column(table, field))
        if target is not None and value is not None and value.isdigit():
            self.want(target, int(value))

    def read(self) -> None:
        for table, ids in self.wanted.items():
            column_name = _NAME_COLUMN.get(table)
            if column_name is None:
                continue
            found = _table(table)
            assert found is not None  # a foreign key's target table is in the metadata
            key, name = found.c["id"], found.c[column_name]
            for chunk in _chunks(sorted(ids)):
                for record_id, text in self.session.execute(
                    select(key, name).where(key.in_(chunk))
                ):
                    self.known[(table, record_id)] = str(text)

    def name(self, table: str, record_id: int) -> str:
        """'Li Wei', 'L2026-0003'; 'custody event #12' where the table names no record or
        the record is gone."""
        known = self.known.get((table, record_id))
        if known is not None:
            return known
        return f"{RECORD_NOUNS.get(table, table).lower()} #{record_id}"


def _line(
    entry: AuditEntry,
    row: dict[str, str | None] | None,
    own: Mapping[tuple[str, int], Mapping[str, str | None]],
    names: _Names,
) -> AuditLine:
    table = entry.table_name
    fields: tuple[tuple[str, str], ...] = ()
    summary = ""
    if row is not None:
        row = _in_column_order(table, row)
        fields = tuple(
            (field_label(key), value_words(table, key, value, names))
            for key, value in row.items()
            if key != "id"  # the raw entry's record id
        )
        summary = "; ".join(
            f"{field_label(key)} {value_words(table, key, value, names)}"
            for key, value in row.items()
            if key not in _NOT_SUMMARISED and key not in SECRET_COLUMNS and value not in (None, "")
        )
    field = before = after = ""
    if entry.field:
        field = field_label(entry.field)
        before = value_words(table, entry.field, entry.old_value, names)
        after = value_words(table, entry.field, entry.new_value, names)
        if entry.field in SECRET_COLUMNS:  # digests say only that it changed
            before, after = _secret_change(entry.old_value, entry.new_value)
        elif _appended(entry.old_value, entry.new_value):  # a note added to a text
            added = (entry.new_value or "")[len(entry.old_value or "") :]
            after = "… " + value_words(table, entry.field, added.strip(), names)
    elif entry.action == "delete":
        before = summary
    else:
        after = summary
    return AuditLine(
        entry_id=entry.id,
        occurred_at=entry.occurred_at,
        when=moment_text(entry.occurred_at),
        by=names.name("people", entry.actor_id) if entry.actor_id is not None else PROGRAM,
        record=_record_name(table, entry.record_id, own, names),
        action=ACTIONS.get(entry.action, entry.action),
        field=field,
        before=before,
        after=after,
        fields=fields,
        raw=AuditRaw(
            table_name=table,
            record_id=entry.record_id,
            action=entry.action,
            field=entry.field,
            old_value=entry.old_value,
            new_value=entry.new_value,
            occurred_at=entry.occurred_at.isoformat(),
        ),
    )


def _appended(old: str | None, new: str | None) -> bool:
    """Whether ``new`` is a long ``old`` text with more written after it."""
    return bool(old and new and len(old) > _SHOWN // 2 and new.startswith(old) and new != old)


def _secret_change(old: str | None, new: str | None) -> tuple[str, str]:
    if old is None:
        return NONE, "set"
    if new is None:
        return "set", "removed"
    return "set", "replaced"


def _record_name(
    table: str,
    record_id: int,
    own: Mapping[tuple[str, int], Mapping[str, str | None]],
    names: _Names,
) -> str:
    noun = RECORD_NOUNS.get(table, table.replace("_", " ").capitalize())
    values = own.get((table, record_id))
    if table in _NAME_COLUMN:
        name = names.known.get((table, record_id))
        if name is None and values:
            name = values.get(_NAME_COLUMN[table])
        return f"{noun} {name}" if name else f"{noun} #{record_id}"
    if table in _NAMED_FROM and values:
        keys, named = _NAMED_FROM[table]
        words = {key: value_words(table, key, values.get(key), names) for key in keys}
        return f"{noun} {named(words)}"
    return f"{noun} #{record_id}"


def _own_fields(
    session: Session,
    entries: Sequence[AuditEntry],
    rows: Mapping[int, dict[str, str | None] | None],
) -> dict[tuple[str, int], dict[str, str | None]]:
    """The fields that name each entry's record: from the record as it stands, else (a
    deleted record) from the entry's own copy of the row, else from the record's last
    whole-row entry."""
    own: dict[tuple[str, int], dict[str, str | None]] = {}
    by_table: dict[str, set[int]] = defaultdict(set)
    for entry in entries:
        by_table[entry.table_name].add(entry.record_id)
    for table, ids in by_table.items():
        keys = (_NAME_COLUMN[table],) if table in _NAME_COLUMN else _NAMED_FROM.get(table, ((),))[0]
        found = _table(table)
        if not keys or found is None:
            continue
        for chunk in _chunks(sorted(ids)):
            statement = select(found.c["id"], *(found.c[k] for k in keys)).where(
                found.c["id"].in_(chunk)
            )
            for record_id, *values in session.execute(statement):
                own[(table, record_id)] = {k: text_of(v) for k, v in zip(keys, values, strict=True)}
        gone = [i for i in ids if (table, i) not in own]
        for entry in entries:  # a deleted record: its entry holds the row
            row = rows.get(entry.id)
            if entry.table_name == table and entry.record_id in gone and row is not None:
                own[(table, entry.record_id)] = row
        missing = [i for i in gone if (table, i) not in own]
        for chunk in _chunks(missing):
            earlier = session.scalars(
                select(AuditEntry)
                .where(
                    AuditEntry.table_name == table,
                    AuditEntry.record_id.in_(chunk),
                    AuditEntry.action.in_(("create", "baseline", "delete")),
                )
                .order_by(AuditEntry.id)
            )
            for entry in earlier:
                row = _whole_row(entry)
                if row is not None:
                    own[(table, entry.record_id)] = row
    return own


def _whole_row(entry: AuditEntry) -> dict[str, str | None] | None:
    """A created, found or deleted record's fields as the entry stored them (JSON)."""
    text = entry.old_value if entry.action == "delete" else entry.new_value
    if entry.field is not None or text is None:
        return None
    try:
        values = json.loads(text)
    except ValueError:
        return None
    return (
        {str(k): None if v is None else str(v) for k, v in values.items()}
        if isinstance(values, dict)
        else None
    )


def _in_column_order(table: str, row: Mapping[str, str | None]) -> dict[str, str | None]:
    """A stored row (JSON, its keys sorted) in the order of the table's columns: the number
    and the names first, as the table declares them."""
    found = _table(table)
    order = [c.name for c in found.c] if found is not None else []
    ranked = sorted(row, key=lambda key: order.index(key) if key in order else len(order))
    return {key: row[key] for key in ranked}


def _table(name: str) -> Table | None:
    table = Base.metadata.tables.get(name)
    return table if isinstance(table, Table) else None


def _column(table: str, field: str) -> Column[object] | None:
    found = _table(table)
    return found.c.get(field) if found is not None else None


def _python_type(column: Column[object] | None) -> type | None:
    """What a column holds in Python (datetime, bool, ...), through the stored UTC type."""
    if column is None:
        return None
    try:
        return getattr(column.type, "impl", column.type).python_type
    except NotImplementedError:
        return None


def _target(column: Column[object] | None) -> str | None:
    """The table a foreign key column points at (None for any other column)."""
    if column is None or not column.foreign_keys:
        return None
    return next(iter(column.foreign_keys)).column.table.name


def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])
