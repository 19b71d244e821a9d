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
from .wording import Said, Words, moment_text

AUDIT_TABLE = AuditEntry.__tablename__
# What names a record in a finding, when its table has one; else its id.
NAME_COLUMNS = ("number", "username", "code")
WHOLE_ROW = ("create", "baseline")
_CHUNK = 500  # ids per IN (...) list
_SHOWN = 60  # characters of a value a message shows

_domain_record_check = Words("_domain_record_check")


def verify_records(
    store: Store, progress: ProgressCallback | None = None, *, workers: int | None = None
) -> VerifyReport:
    """The audit trail, every audited table against it, and signed loan terms and
    resolutions, in one read snapshot (``check_records``)."""
    with store.scan_records(workers=workers) as scan:
        return check_records(scan, progress)


def check_records(
    scan: RecordScan,
    progress: ProgressCallback | None = None,
    *,
    since: tuple[int, str] | None = None,
) -> VerifyReport:
    """A report with what was checked of the audit trail and the records, and their
    problems only (``VerifyReport.include`` adds it to the ledger's).

    ``progress(done, total)`` counts table rows and audit entries; returning True cancels.
    ``since``: a checkpoint's audit head (number, hash): the entries after it are hashed
    and those up to it checked by their links (``RecordScan.audit_checks_since``); any
    finding then, or a head no longer there, and the whole trail is hashed to name it.
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
        report.problems.append(
            Problem("cancelled", _domain_record_check.said("Verification was cancelled."))
        )
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
    checks = scan.audit_checks_since(*since) if since else None
    if checks is not None and since is not None:
        chain, report.audit_hash = _chain_problems(session, checks, last_id, since[1])
        if chain:
            checks = None
    if checks is None:
        chain, report.audit_hash = _chain_problems(session, scan.audit_range_checks(), last_id)
    report.audit_entries = entries
    report.audit_last_id = last_id or 0
    done = total
    if cancelled():
        return report
    report.problems = chain + records + signatures
    return report


# ---------------------------------------------------------------- the chain


def _chain_problems(
    session: Session, checks: list[RangeCheck], last_id: int | None, running: str = GENESIS_HASH
) -> tuple[list[Problem], str]:
    """The audit trail's chain problems (in id order) and the hash of its last entry;
    ``running``: the hash before the first range's first entry."""
    suspects: list[int] = []
    unlinked: list[int] = []
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


def _audit_problem(entry_id: int, message: Said) -> Problem:
    return Problem(
        "audit", message, table=AUDIT_TABLE, record=f"#{entry_id}", audit_entry_id=entry_id
    )


def _changed(entry_id: int) -> Problem:
    return _audit_problem(
        entry_id,
        _domain_record_check.said(
            "Audit entry #{entry} was changed or forged: its content does not match its hash.",
            entry=entry_id,
        ),
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
            _domain_record_check.said(
                "Audit entry #{entry} was moved: it was written after entry #{followed}.",
                entry=entry_id,
                followed=followed,
            ),
        )
    if followed is not None:
        return _audit_problem(
            followed + 1,
            _domain_record_check.said(
                "Audit entry {entries} was inserted: entry #{entry} was written right after "
                "entry #{followed}.",
                entries=_span(followed + 1, entry_id - 1),
                entry=entry_id,
                followed=followed,
            ),
        )
    if before is None:
        return _audit_problem(
            entry_id,
            _domain_record_check.said(
                "Audit entries before #{entry} were removed: it was written after an entry that "
                "is gone.",
                entry=entry_id,
            ),
        )
    if entry_id - before > 1:
        return _audit_problem(
            before + 1,
            _domain_record_check.said(
                "Audit entry {entries} was removed (deleted): entry #{entry} was written after an "
                "entry that is gone.",
                entries=_span(before + 1, entry_id - 1),
                entry=entry_id,
            ),
        )
    return _audit_problem(
        before,
        _domain_record_check.said(
            "Audit entry #{before} was changed and its hash recomputed (or one after it was "
            "removed): entry #{entry} was written after different content.",
            before=before,
            entry=entry_id,
        ),
    )


def _span(first: int, last: int) -> str:
    if first >= last:
        return f"#{first}"
    return _domain_record_check.said("#{first} to #{last}", first=first, last=last)


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
        if last:
            gone = _domain_record_check.said(
                "Audit entries after #{last} were removed: the audit trail's head names entry "
                "#{head}.",
                last=last,
                head=seq,
            )
        else:
            gone = _domain_record_check.said(
                "Audit entries (all of them) were removed: the audit trail's head names entry "
                "#{head}.",
                head=seq,
            )
        return [_audit_problem(last + 1, gone)]
    if last > seq:
        extra = session.scalar(select(func.min(AuditEntry.id)).where(AuditEntry.id > seq))
        return [
            _audit_problem(
                extra or last,
                _domain_record_check.said(
                    "Audit entry #{entry} was inserted after the last entry the program wrote "
                    "(#{head}).",
                    entry=extra,
                    head=seq,
                ),
            )
        ]
    if last and last_hash != head_hash:
        return [
            _audit_problem(
                last,
                _domain_record_check.said(
                    "Audit entry #{entry} was changed and its hash recomputed: the audit "
                    "trail's head names another hash.",
                    entry=last,
                ),
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

    def sentence(self) -> Said:
        """'audit entry #12, update on 2026-03-14 09:12 CET', one sentence per action of the
        trail (create, baseline, update, delete)."""
        entry, moment = self.entry_id, moment_text(self.at)
        if self.action == "create":
            return _domain_record_check.said(
                "audit entry #{entry}, create on {moment}", entry=entry, moment=moment
            )
        if self.action == "baseline":
            return _domain_record_check.said(
                "audit entry #{entry}, baseline on {moment}", entry=entry, moment=moment
            )
        if self.action == "update":
            return _domain_record_check.said(
                "audit entry #{entry}, update on {moment}", entry=entry, moment=moment
            )
        if self.action == "delete":
            return _domain_record_check.said(
                "audit entry #{entry}, delete on {moment}", entry=entry, moment=moment
            )
        return _domain_record_check.said(
            "audit entry #{entry}, {action} on {moment}",
            entry=entry,
            action=self.action,
            moment=moment,
        )


@dataclass
class _Replayed:
    """One record as its audit history leaves it."""

    values: dict[str, str | None] | None = None  # None: deleted, or never created
    whole: bool = False  # values came from a create or baseline entry
    set_by: dict[str, _Setter] = field(default_factory=dict)
    last: _Setter | None = None
    problems: list[tuple[str | None, Said]] = field(default_factory=list)  # (field, message)


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
    # Core, not the ORM: thousands of rows changed since a checkpoint come through here
    for record_id, *entry in session.connection().execute(
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
        for row in session.connection().execute(statement)
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
                state.problems.append((None, _unreadable(entry_id, action)))
                state.values = {}
            state.whole = True
            state.set_by = dict.fromkeys(state.values, setter)
        elif action == "update" and name is not None:
            if state.values is None:  # an update of a record the trail never saw created
                state.values, state.whole = {}, False
            elif name in state.values and old != state.values[name]:
                state.problems.append((name, _changed_between(entry_id, name, old, state)))
            state.values[name] = new
            state.set_by[name] = setter
        elif action == "delete":
            state.values, state.whole, state.set_by = None, False, {}
    return state


def _unreadable(entry_id: int, action: str) -> Said:
    """A create or baseline entry whose row is not a JSON object (rewritten by hand)."""
    if action == "create":
        return _domain_record_check.said(
            "audit entry #{entry} does not hold a readable row (create).", entry=entry_id
        )
    return _domain_record_check.said(
        "audit entry #{entry} does not hold a readable row (baseline).", entry=entry_id
    )


def _changed_between(entry_id: int, name: str, old: str | None, state: _Replayed) -> Said:
    """An update whose old value is not the one the trail held: changed outside in between."""
    assert state.values is not None
    before = state.set_by.get(name)
    field_name, was, had = field_label(name), _shown(name, old), _shown(name, state.values[name])
    if before is None:
        return _domain_record_check.said(
            "audit entry #{entry} changed {field} from {old}, but the audit trail had {had}: it "
            "was changed outside the program in between.",
            entry=entry_id,
            field=field_name,
            old=was,
            had=had,
        )
    return _domain_record_check.said(
        "audit entry #{entry} changed {field} from {old}, but the audit trail had {had} "
        "({setter}): it was changed outside the program in between.",
        entry=entry_id,
        field=field_name,
        old=was,
        had=had,
        setter=before.sentence(),
    )


def _record_problems(
    table: str, record_id: int, replayed: _Replayed, row: dict[str, Any] | None
) -> list[Problem]:
    values = replayed.values
    if (
        row is not None
        and values is not None
        and not replayed.problems
        and all(k not in row or v == row[k] for k, v in values.items())
    ):
        return []  # the usual case, a row the program changed: no sentence to build
    name = _record_name(record_id, row or replayed.values or {})

    def problem(message: Said, field_name: str | None = None, at: _Setter | None = None) -> Problem:
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
    found = [
        problem(
            _domain_record_check.said("In {record}, {finding}", record=what, finding=message), f
        )
        for f, message in replayed.problems
    ]
    last = replayed.last.sentence() if replayed.last else None
    if row is None:
        if replayed.values is not None:
            found.append(
                problem(
                    _domain_record_check.said(
                        "{record} was deleted outside the program: the audit trail's last entry "
                        "for it ({setter}) does not delete it.",
                        record=what_first,
                        setter=last,
                    ),
                    at=replayed.last,
                )
            )
        return found
    if replayed.values is None:
        if last is None:
            message = _domain_record_check.said(
                "{record} was inserted outside the program: the audit trail has no record of it.",
                record=what_first,
            )
        else:
            message = _domain_record_check.said(
                "{record} was inserted outside the program: the audit trail deleted it "
                "({setter}) and never recorded it again.",
                record=what_first,
                setter=last,
            )
        return [*found, problem(message, at=replayed.last)]
    for key in sorted(replayed.values):
        expected, actual = replayed.values[key], row.get(key)
        if key not in row or expected == actual:
            continue  # a column the table no longer has is the schema's business
        setter = replayed.set_by.get(key)
        found.append(problem(_field_changed(what, key, actual, expected, setter), key, setter))
    return found


def _field_changed(
    what: str, key: str, actual: str | None, expected: str | None, setter: _Setter | None
) -> Said:
    """A field of a record that is not what the audit trail says (a secret: not shown)."""
    label = field_label(key)
    if key in SECRET_COLUMNS:
        if setter is None:
            return _domain_record_check.said(
                "In {record}, {field} was replaced outside the program: it is not the one the "
                "audit trail recorded.",
                record=what,
                field=label,
            )
        return _domain_record_check.said(
            "In {record}, {field} was replaced outside the program: it is not the one the "
            "audit trail recorded ({setter}).",
            record=what,
            field=label,
            setter=setter.sentence(),
        )
    now, then = _shown(key, actual), _shown(key, expected)
    if setter is None:
        return _domain_record_check.said(
            "In {record}, {field} is {actual} but the audit trail says {expected}: changed "
            "outside the program.",
            record=what,
            field=label,
            actual=now,
            expected=then,
        )
    return _domain_record_check.said(
        "In {record}, {field} is {actual} but the audit trail says {expected} ({setter}): "
        "changed outside the program.",
        record=what,
        field=label,
        actual=now,
        expected=then,
        setter=setter.sentence(),
    )


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
        return _domain_record_check.said("empty")
    if key in SECRET_COLUMNS:
        return _domain_record_check.said("(a secret)")
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
                    _domain_record_check.said(
                        "The resolution of discrepancy {number} is not the one signed by "
                        "{signer} (resolved) on {moment}: it was changed outside the program "
                        "after that signature.",
                        number=number,
                        signer=signer,
                        moment=moment_text(signed_at),
                    ),
                    table="discrepancies",
                    record=number,
                )
            )
    return problems, len(rows)
