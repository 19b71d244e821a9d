"""``verify`` beyond the ledger: the audit trail's chain, every audited table replayed from
it, and the content that signatures on loans and resolutions are bound to.

The audit trail (audit.py) records every change the program makes to a record that is not a
custody event: ``create`` and ``baseline`` entries hold the whole row, ``update`` one field
with its old and new value, ``delete`` the row as it was. ``verify_records``:

1. checks the chain: each entry's hash (``chain.audit_hash``) and its link to the entry
   before it, in id order (entries written before migration 0002 may leave gaps in the
   ids), and the last entry against the head in ``ledger_head``. The first bad entry is
   named (changed, removed, inserted or moved), and entries cut off at the end too;
2. replays it: the values every record should have now, compared with the table as
   ``audit.audit_text`` writes them. A field changed outside the program is named with its
   table, record, both values and the entry that last set it; a row the trail never saw was
   inserted outside the program, a row it did not see deleted was deleted outside it. A
   secret is compared by its digest and never shown. The ledger-derived aliquot columns are
   the ledger replay's business;
3. checks that a loan's terms and a discrepancy's resolution are still the content their
   latest signature is bound to.

Storage does the bulk of 1 and 2 fast (``RecordScan``); whatever it flags is decided here by
the reference definitions before anything is reported, so a fast path can make verify
slower, never wrong.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from .audit import (
    RECORD_NOUNS,
    SECRET_COLUMNS,
    audit_text,
    audited_columns,
    audited_models,
    field_label,
)
from .chain import AUDIT_HASHED_COLUMNS, GENESIS_HASH, RangeCheck, audit_hash
from .identity import content_hash
from .ledger import Problem, VerifyReport
from .loans import signed_terms
from .models import (
    Aliquot,
    AuditEntry,
    Base,
    Discrepancy,
    LedgerHead,
    Signature,
    Transfer,
)
from .signed_content import ResolutionContent
from .store import ProgressCallback, RecordScan, Store
from .wording import moment_text

AUDIT_TABLE = AuditEntry.__tablename__
# What names a record in a finding, when its table has one; else its id.
NAME_COLUMNS = ("number", "username", "code")
WHOLE_ROW = ("create", "baseline")
_CHUNK = 500  # ids per IN (...) list
_SHOWN = 60  # characters of a value a message shows


def verify_records(
    store: Store, progress: ProgressCallback | None = None, *, workers: int | None = None
) -> VerifyReport:
    """The audit trail, every audited table against it, and signed loan terms and
    resolutions, in one read snapshot (``check_records``)."""
    with store.scan_records(workers=workers) as scan:
        return check_records(scan, progress)


def check_records(scan: RecordScan, progress: ProgressCallback | None = None) -> VerifyReport:
    """A report with what was checked of the audit trail and the records, and their
    problems only (``VerifyReport.include`` adds it to the ledger's).

    ``progress(done, total)`` counts table rows and audit entries; returning True cancels.
    """
    report = VerifyReport(audit_checked=True)
    session = scan.session
    _, last_id, entries = scan.audit_bounds()
    models = audited_models()
    counts = {m: session.scalar(select(func.count()).select_from(m)) or 0 for m in models}
    total = entries + sum(counts.values())
    done = 0

    def cancelled() -> bool:
        if progress is None or not progress(done, total):
            return False
        report.problems.append(Problem("cancelled", "Verification was cancelled."))
        return True

    if cancelled():
        return report
    records: list[Problem] = []
    for model in models:
        records += _compare_table(scan, model)
        report.records += counts[model]
        report.tables += 1
        done += counts[model]
        if cancelled():
            return report
    signatures, report.signed_terms = _signed_content_problems(session)
    if cancelled():
        return report
    chain, report.audit_hash = _chain_problems(session, scan.audit_range_checks(), last_id)
    report.audit_entries = entries
    done = total
    if cancelled():
        return report
    report.problems = chain + records + signatures
    return report


# ---------------------------------------------------------------- the chain


def _chain_problems(
    session: Session, checks: list[RangeCheck], last_id: int | None
) -> tuple[list[Problem], str]:
    """The audit trail's chain problems (in id order) and the hash of its last entry."""
    suspects: list[int] = []
    unlinked: list[int] = []
    running = GENESIS_HASH
    for check in sorted(checks, key=lambda c: c.lo):
        suspects += check.suspect
        unlinked += check.unlinked
        if check.first_id is None:
            continue
        if check.first_prev != running:
            unlinked.append(check.first_id)
        running = check.last_hash or GENESIS_HASH
    changed = _confirmed(session, suspects)
    problems = [(entry_id, _changed(entry_id)) for entry_id in sorted(changed)]
    for entry_id in sorted(set(unlinked) - changed):
        problems.append((entry_id, _unlinked(session, entry_id)))
    problems.sort(key=lambda p: p[0])
    found = [p for _, p in problems]
    found += _head_problems(session, last_id, running)
    return found, running


def _confirmed(session: Session, suspects: Sequence[int]) -> set[int]:
    """The suspects whose content really does not match their hash (``chain.audit_hash``)."""
    columns = [getattr(AuditEntry, c) for c in AUDIT_HASHED_COLUMNS]
    bad: set[int] = set()
    for start in range(0, len(suspects), _CHUNK):
        rows = session.execute(
            select(*columns, AuditEntry.prev_hash, AuditEntry.hash).where(
                AuditEntry.id.in_(suspects[start : start + _CHUNK])
            )
        )
        bad.update(r[0] for r in rows if audit_hash(r[-2], r[: len(columns)]) != r[-1])
    return bad


def _audit_problem(entry_id: int, message: str) -> Problem:
    return Problem(
        "audit", message, table=AUDIT_TABLE, record=f"#{entry_id}", audit_entry_id=entry_id
    )


def _changed(entry_id: int) -> Problem:
    return _audit_problem(
        entry_id,
        f"Audit entry #{entry_id} was changed or forged: its content does not match its hash.",
    )


def _unlinked(session: Session, entry_id: int) -> Problem:
    """An intact entry that names another predecessor than the entry before it: say what
    happened between them, as far as the stored hashes tell."""
    prev_hash = session.scalar(select(AuditEntry.prev_hash).where(AuditEntry.id == entry_id))
    before = session.scalar(select(func.max(AuditEntry.id)).where(AuditEntry.id < entry_id))
    followed = session.scalar(select(AuditEntry.id).where(AuditEntry.hash == prev_hash))
    if followed is not None and followed > entry_id:
        return _audit_problem(
            entry_id,
            f"Audit entry #{entry_id} was moved: it was written after entry #{followed}.",
        )
    if followed is not None:
        return _audit_problem(
            followed + 1,
            f"Audit entry {_span(followed + 1, entry_id - 1)} was inserted: entry #{entry_id} "
            f"was written right after entry #{followed}.",
        )
    if before is None:
        return _audit_problem(
            entry_id,
            f"Audit entries before #{entry_id} were removed: it was written after an entry "
            "that is gone.",
        )
    if entry_id - before > 1:
        return _audit_problem(
            before + 1,
            f"Audit entry {_span(before + 1, entry_id - 1)} was removed (deleted): entry "
            f"#{entry_id} was written after an entry that is gone.",
        )
    return _audit_problem(
        before,
        f"Audit entry #{before} was changed and its hash recomputed (or one after it was "
        f"removed): entry #{entry_id} was written after different content.",
    )


def _span(first: int, last: int) -> str:
    return f"#{first}" if first >= last else f"#{first} to #{last}"


def _head_problems(session: Session, last_id: int | None, last_hash: str) -> list[Problem]:
    """The last entry against the head the program moved when it wrote it."""
    head = session.execute(
        select(LedgerHead.audit_seq, LedgerHead.audit_hash).where(LedgerHead.id == 1)
    ).one_or_none()
    if head is None:
        return []
    seq, head_hash = head
    last = last_id or 0
    if last < seq:
        gone = f"after #{last}" if last else "(all of them)"
        return [
            _audit_problem(
                last + 1,
                f"Audit entries {gone} were removed: the audit trail's head names entry #{seq}.",
            )
        ]
    if last > seq:
        extra = session.scalar(select(func.min(AuditEntry.id)).where(AuditEntry.id > seq))
        return [
            _audit_problem(
                extra or last,
                f"Audit entry #{extra} was inserted after the last entry the program wrote "
                f"(#{seq}).",
            )
        ]
    if last and last_hash != head_hash:
        return [
            _audit_problem(
                last,
                f"Audit entry #{last} was changed and its hash recomputed: the audit trail's "
                "head names another hash.",
            )
        ]
    return []


# ---------------------------------------------------------------- the rows


@dataclass
class _Setter:
    """The audit entry that last wrote a value."""

    entry_id: int
    at: datetime
    action: str

    def __str__(self) -> str:
        return f"audit entry #{self.entry_id}, {self.action} on {moment_text(self.at)}"


@dataclass
class _Replayed:
    """One record as its audit history leaves it."""

    values: dict[str, str | None] | None = None  # None: deleted, or never created
    whole: bool = False  # values came from a create or baseline entry
    set_by: dict[str, _Setter] = field(default_factory=dict)
    last: _Setter | None = None
    problems: list[tuple[str | None, str]] = field(default_factory=list)  # (field, message)


def _compare_table(scan: RecordScan, model: type[Base]) -> list[Problem]:
    """The table's rows storage flagged, and its records that are gone, decided here."""
    session = scan.session
    table = model.__tablename__
    flagged = scan.unmatched(model)
    problems: list[Problem] = []
    for ids in _chunks(sorted(set(flagged) | set(_vanished(session, table, model)))):
        histories = _histories(session, table, ids)
        rows = _rows(session, model, ids)
        for record_id in ids:
            problems += _record_problems(
                table, record_id, _replay(histories.get(record_id, ())), rows.get(record_id)
            )
    return problems


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _vanished(session: Session, table: str, model: type[Base]) -> list[int]:
    """Records the audit trail names whose row is gone (deleted by the program or not: the
    replay tells)."""
    key = model.id  # type: ignore[attr-defined]
    gone = ~select(key).where(key == AuditEntry.record_id).exists()
    return list(
        session.scalars(
            select(AuditEntry.record_id).distinct().where(AuditEntry.table_name == table, gone)
        )
    )


def _histories(
    session: Session, table: str, ids: Sequence[int]
) -> dict[int, list[tuple[Any, ...]]]:
    found: dict[int, list[tuple[Any, ...]]] = {}
    for record_id, *entry in session.execute(
        select(
            AuditEntry.record_id,
            AuditEntry.id,
            AuditEntry.occurred_at,
            AuditEntry.action,
            AuditEntry.field,
            AuditEntry.old_value,
            AuditEntry.new_value,
        )
        .where(AuditEntry.table_name == table, AuditEntry.record_id.in_(ids))
        .order_by(AuditEntry.record_id, AuditEntry.id)
    ):
        found.setdefault(record_id, []).append(tuple(entry))
    return found


def _rows(session: Session, model: type[Base], ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The rows as the audit trail writes them (``audit.audit_text``), by id."""
    keys = audited_columns(inspect(model))
    key = model.id  # type: ignore[attr-defined]
    statement = select(key, *(getattr(model, k) for k in keys)).where(key.in_(ids))
    return {
        row[0]: {k: audit_text(k, v) for k, v in zip(keys, row[1:], strict=True)}
        for row in session.execute(statement)
    }


def _whole_row(text: str | None) -> dict[str, Any] | None:
    """A create, baseline or delete entry's row: a JSON object of column texts."""
    if not text:
        return {}
    try:
        values = json.loads(text)
    except ValueError:
        return None
    return values if isinstance(values, dict) else None


def _replay(entries: Iterable[tuple[Any, ...]]) -> _Replayed:
    """The record's values as its entries (in order) leave them; an update whose old value
    is not what the trail held then says the value was changed outside the program before."""
    state = _Replayed()
    for entry_id, at, action, name, old, new in entries:
        setter = _Setter(entry_id, at, action)
        state.last = setter
        if action in WHOLE_ROW:
            state.values = _whole_row(new)
            if state.values is None:  # rewritten by hand, hashes recomputed: say so, go on
                state.problems.append(
                    (None, f"audit entry #{entry_id} does not hold a readable row ({action}).")
                )
                state.values = {}
            state.whole = True
            state.set_by = dict.fromkeys(state.values, setter)
        elif action == "update" and name is not None:
            if state.values is None:  # an update of a record the trail never saw created
                state.values, state.whole = {}, False
            elif name in state.values and old != state.values[name]:
                before = state.set_by.get(name)
                had = _shown(name, state.values[name]) + (f" ({before})" if before else "")
                state.problems.append(
                    (
                        name,
                        f"audit entry #{entry_id} changed {field_label(name)} from "
                        f"{_shown(name, old)}, but "
                        f"the audit trail had {had}: it was changed outside the program in "
                        "between.",
                    )
                )
            state.values[name] = new
            state.set_by[name] = setter
        elif action == "delete":
            state.values, state.whole, state.set_by = None, False, {}
    return state


def _record_problems(
    table: str, record_id: int, replayed: _Replayed, row: dict[str, Any] | None
) -> list[Problem]:
    name = _record_name(record_id, row or replayed.values or {})

    def problem(message: str, field_name: str | None = None, at: _Setter | None = None) -> Problem:
        return Problem(
            "record",
            message,
            table=table,
            record=name,
            field=field_name,
            audit_entry_id=at.entry_id if at else None,
        )

    noun = RECORD_NOUNS.get(table, table).lower()
    what = f"{noun} {name}{_context(table, row or replayed.values or {})}"
    what_first = what[:1].upper() + what[1:]  # at the start of a sentence
    found = [problem(f"In {what}, {message}", f) for f, message in replayed.problems]
    if row is None:
        if replayed.values is not None:
            found.append(
                problem(
                    f"{what_first} was deleted outside the program: the audit trail's last entry "
                    f"for it ({replayed.last}) does not delete it.",
                    at=replayed.last,
                )
            )
        return found
    if replayed.values is None:
        if replayed.last is None:
            message = (
                f"{what_first} was inserted outside the program: the audit trail has no record "
                "of it."
            )
        else:
            message = (
                f"{what_first} was inserted outside the program: the audit trail deleted it "
                f"({replayed.last}) and never recorded it again."
            )
        return [*found, problem(message, at=replayed.last)]
    for key in sorted(replayed.values):
        expected, actual = replayed.values[key], row.get(key)
        if key not in row or expected == actual:
            continue  # a column the table no longer has is the schema's business
        setter = replayed.set_by.get(key)
        when = f" ({setter})" if setter else ""
        if key in SECRET_COLUMNS:
            message = (
                f"In {what}, {field_label(key)} was replaced outside the program: it is not the "
                f"one the audit trail recorded{when}."
            )
        else:
            message = (
                f"In {what}, {field_label(key)} is {_shown(key, actual)} but the audit trail says "
                f"{_shown(key, expected)}{when}: changed outside the program."
            )
        found.append(problem(message, key, setter))
    return found


# What tells a person which record a numberless row is, in a message.
_CONTEXT = {
    "signatures": "({meaning} by {printed_name} on {record_type} {record_number})",
    "certificates": "({kind} certificate {fingerprint:.16})",
}


def _context(table: str, values: dict[str, Any]) -> str:
    template = _CONTEXT.get(table)
    if template is None:
        return ""
    try:
        return " " + template.format(**{k: v or "" for k, v in values.items()})
    except (KeyError, ValueError):
        return ""


def _record_name(record_id: int, values: dict[str, Any]) -> str:
    for key in NAME_COLUMNS:
        if values.get(key):
            return str(values[key])
    return f"#{record_id}"


def _shown(key: str, value: str | None) -> str:
    if value is None:
        return "empty"
    if key in SECRET_COLUMNS:
        return "(a secret)"
    text = value if len(value) <= _SHOWN else value[: _SHOWN - 1] + "…"
    return f"'{text}'"


# ---------------------------------------------------------------- signed content


def _signed_content_problems(session: Session) -> tuple[list[Problem], int]:
    """Loans whose terms, and resolutions whose content, are not what their latest
    signature is bound to; and how many were compared."""
    problems = []
    checked = 0
    for terms in signed_terms(session):
        checked += terms.checked
        message = terms.problem()
        if message is not None:
            problems.append(Problem("signature", message, table="loans", record=terms.number))
    resolutions, count = _resolution_problems(session)
    return problems + resolutions, checked + count


def _resolution_problems(session: Session) -> tuple[list[Problem], int]:
    """A resolved discrepancy against its latest "resolved" signature (ResolutionContent, as
    custody.resolve_discrepancy builds it: the resolution is given once and never changed)."""
    latest = (
        select(func.max(Signature.id))
        .where(Signature.record_type == "discrepancy", Signature.meaning == "resolved")
        .group_by(Signature.record_id)
    )
    rows = session.execute(
        select(
            Signature.record_number,
            Signature.printed_name,
            Signature.signed_at,
            Signature.content_hash,
            Transfer.number,
            Aliquot.number,
            Discrepancy.kind,
            Discrepancy.expected_mass_ug,
            Discrepancy.measured_mass_ug,
            Discrepancy.resolution,
            Discrepancy.resolution_note,
        )
        .join(Discrepancy, Discrepancy.id == Signature.record_id)
        .join(Transfer, Transfer.id == Discrepancy.transfer_id)
        .outerjoin(Aliquot, Aliquot.id == Discrepancy.aliquot_id)
        .where(Signature.id.in_(latest))
        .order_by(Signature.record_id)
    ).all()
    problems = []
    for number, signer, signed_at, signed_hash, *fields in rows:
        transfer, aliquot, kind, expected, measured, resolution, note = fields
        content = ResolutionContent(
            transfer, aliquot, kind, expected, measured, resolution or "", note
        )
        if content_hash(content.as_dict()) != signed_hash:
            problems.append(
                Problem(
                    "signature",
                    f"The resolution of discrepancy {number} is not the one signed by "
                    f"{signer} (resolved) on {moment_text(signed_at)}: it was changed "
                    "outside the program after that signature.",
                    table="discrepancies",
                    record=number,
                )
            )
    return problems, len(rows)
