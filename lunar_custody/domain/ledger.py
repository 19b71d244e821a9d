"""The append-only, hash-chained custody ledger.

Each event's hash is SHA-256 over the previous event's hash and the event's canonical
content, so changing, removing, inserting or reordering any event breaks the chain from
that event on. ``apply_event`` is the one definition of how an event changes an aliquot;
the services use it when they write and ``verify`` uses it when it replays.

``verify_ledger`` reads the ledger through the ``Store``'s ``LedgerScan`` (how it is read
fast, in which processes, is storage's business) and decides here what the rows mean. It
stays in this module beside ``apply_event``, hence a little over 600 lines: the replay is
the other half of the one definition of an event.
"""

from __future__ import annotations

import hashlib
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from .chain import (
    GENESIS_HASH,
    HASHED_COLUMNS,
    RangeCheck,
    chain_hash,
)
from .errors import RuleViolation
from .models import Aliquot, CustodyEvent, LedgerHead, new_uuid
from .states import AliquotStatus, EventKind
from .store import LedgerScan, ProgressCallback, Store
from .wording import Words

_domain_ledger = Words("_domain_ledger")

# Labels for people: what the views, the ledger listing and the demo's printout show.
STATUS_LABELS: dict[str, str] = {
    AliquotStatus.IN_STORAGE: "in storage",
    AliquotStatus.IN_TRANSIT: "in transit",
    AliquotStatus.DEPLETED: "fully split",
    AliquotStatus.CONSUMED: "consumed",
    AliquotStatus.LOST: "lost",
}
EVENT_KINDS: dict[str, str] = {
    EventKind.REGISTERED: "registered",
    EventKind.DERIVED: "split off its parent",
    EventKind.SPLIT: "split (child made)",
    EventKind.RELEASED: "released to courier",
    EventKind.HANDED_OVER: "handed over between couriers",
    EventKind.RECEIVED: "received",
    EventKind.RETURNED: "returned to lender",
    EventKind.CONSUMED: "consumed by analysis",
    EventKind.MASS_LOST: "loss recorded",
    EventKind.LOST: "reported lost",
    EventKind.CORRECTED: "correction",
    EventKind.INVENTORIED: "found at inventory",
}

# apply_event runs once per event when verify replays millions of them, and looking up an
# enum member (EventKind.SPLIT) costs about as much as the rest of the call on Python 3.11:
# its hot path compares with these module-level names, bound once. The status names are
# also the old ones, still imported by the samples and transfers views, the benchmark
# generator and the tests' worlds.
IN_STORAGE = AliquotStatus.IN_STORAGE
IN_TRANSIT = AliquotStatus.IN_TRANSIT
DEPLETED = AliquotStatus.DEPLETED
CONSUMED = AliquotStatus.CONSUMED
LOST = AliquotStatus.LOST
_REGISTERED = EventKind.REGISTERED
_DERIVED = EventKind.DERIVED
_SPLIT = EventKind.SPLIT
_RELEASED = EventKind.RELEASED
_HANDED_OVER = EventKind.HANDED_OVER
_RECEIVED = EventKind.RECEIVED
_RETURNED = EventKind.RETURNED
_CONSUMED_EVENT = EventKind.CONSUMED
_MASS_LOST = EventKind.MASS_LOST
_LOST_EVENT = EventKind.LOST
_CORRECTED = EventKind.CORRECTED


class AliquotState(Protocol):
    """What an event changes: an ``Aliquot`` row, or a ``ReplayState`` inside verify."""

    status: str
    initial_mass_ug: int
    current_mass_ug: int
    children_mass_ug: int
    consumed_mass_ug: int
    lost_mass_ug: int
    custodian_institution_id: int | None
    custodian_person_id: int | None
    courier_id: int | None
    transfer_id: int | None
    loan_id: int | None
    last_event_id: int | None


@dataclass(slots=True)
class ReplayState:
    status: str = ""
    initial_mass_ug: int = 0
    current_mass_ug: int = 0
    children_mass_ug: int = 0
    consumed_mass_ug: int = 0
    lost_mass_ug: int = 0
    custodian_institution_id: int | None = None
    custodian_person_id: int | None = None
    courier_id: int | None = None
    transfer_id: int | None = None
    loan_id: int | None = None
    last_event_id: int | None = None
    derived_children_ug: int = 0  # what the children's "derived" events say they took


_NEEDS_STATUS: dict[str, tuple[str, ...]] = {
    EventKind.REGISTERED: ("",),
    EventKind.DERIVED: ("",),
    EventKind.SPLIT: (AliquotStatus.IN_STORAGE,),
    EventKind.RELEASED: (AliquotStatus.IN_STORAGE,),
    EventKind.HANDED_OVER: (AliquotStatus.IN_TRANSIT,),
    EventKind.RECEIVED: (AliquotStatus.IN_TRANSIT,),
    EventKind.RETURNED: (AliquotStatus.IN_TRANSIT,),
    EventKind.CONSUMED: (AliquotStatus.IN_STORAGE,),
    EventKind.MASS_LOST: (AliquotStatus.IN_STORAGE, AliquotStatus.IN_TRANSIT),
    EventKind.LOST: (AliquotStatus.IN_STORAGE, AliquotStatus.IN_TRANSIT, AliquotStatus.DEPLETED),
    EventKind.CORRECTED: tuple(AliquotStatus),
    # an inventory finds what its holder keeps: nothing in transit, nothing gone
    EventKind.INVENTORIED: (AliquotStatus.IN_STORAGE,),
}


def apply_event(
    state: AliquotState,
    event_id: int,
    kind: str,
    mass_ug: int | None,
    institution_id: int | None,
    custodian_person_id: int | None,
    courier_id: int | None,
    transfer_id: int | None,
    loan_id: int | None,
) -> None:
    """Change ``state`` as the event says, or raise RuleViolation if it cannot happen."""
    allowed = _NEEDS_STATUS.get(kind)
    if allowed is None:
        raise RuleViolation(_domain_ledger.said("Unknown custody event kind '{kind}'.", kind=kind))
    current_status = state.status or ""
    if current_status not in allowed:
        raise RuleViolation(
            _domain_ledger.said(
                "A '{kind}' event cannot follow status '{status}'.",
                kind=kind,
                status=current_status or "unregistered",
            )
        )
    mass = mass_ug or 0
    if kind in (_REGISTERED, _DERIVED):
        state.initial_mass_ug = state.current_mass_ug = mass
        state.children_mass_ug = state.consumed_mass_ug = state.lost_mass_ug = 0
        state.status = IN_STORAGE
    elif kind == _SPLIT:
        state.current_mass_ug -= mass
        state.children_mass_ug += mass
        if state.current_mass_ug == 0:
            state.status = DEPLETED
    elif kind in (_RELEASED, _HANDED_OVER):
        state.status = IN_TRANSIT
    elif kind in (_RECEIVED, _RETURNED):
        state.status = IN_STORAGE
    elif kind == _CONSUMED_EVENT:
        state.current_mass_ug -= mass
        state.consumed_mass_ug += mass
        if state.current_mass_ug == 0:
            state.status = CONSUMED
    elif kind == _MASS_LOST:
        state.current_mass_ug -= mass
        state.lost_mass_ug += mass
        if state.current_mass_ug == 0:
            state.status = LOST
    elif kind == _LOST_EVENT:
        state.lost_mass_ug += state.current_mass_ug
        state.current_mass_ug = 0
        state.status = LOST
    elif kind == _CORRECTED:
        state.initial_mass_ug += mass
        state.current_mass_ug += mass
        if state.status in (CONSUMED, DEPLETED) and state.current_mass_ug > 0:
            # The books said nothing was left, but there was: it is back on the shelf.
            state.status = IN_STORAGE
        elif state.status == LOST and mass > 0:
            raise RuleViolation(
                _domain_ledger.said("A lost aliquot's mass cannot be corrected upwards.")
            )
    if state.current_mass_ug < 0 or state.initial_mass_ug < 0:
        raise RuleViolation(_domain_ledger.said("That would leave a negative mass."))
    state.custodian_institution_id = institution_id
    state.custodian_person_id = custodian_person_id
    state.courier_id = courier_id
    # A receipt names the transfer it ends, but the aliquot is no longer in one.
    state.transfer_id = transfer_id if state.status == IN_TRANSIT else None
    state.loan_id = loan_id
    state.last_event_id = event_id


@dataclass
class Ledger:
    """Appends events inside one transaction; holds the locked head while it does."""

    session: Session
    _head: LedgerHead | None = field(default=None, init=False)

    def head(self) -> LedgerHead:
        if self._head is None:
            # FOR UPDATE serialises appenders on PostgreSQL; SQLite's BEGIN IMMEDIATE already did.
            head = self.session.scalars(
                select(LedgerHead).where(LedgerHead.id == 1).with_for_update()
            ).one_or_none()
            if head is None:
                raise RuleViolation(
                    _domain_ledger.said(
                        "The ledger head is missing: the database was not migrated."
                    )
                )
            self._head = head
        return self._head

    def append(
        self,
        aliquot: Aliquot,
        kind: str,
        *,
        actor_id: int,
        occurred_at: datetime,
        institution_id: int | None,
        custodian_person_id: int | None,
        courier_id: int | None = None,
        transfer_id: int | None = None,
        loan_id: int | None = None,
        mass_ug: int | None = None,
        related_aliquot_id: int | None = None,
        corrects_event_id: int | None = None,
        seal_number: str | None = None,
        seal_intact: bool | None = None,
        note: str = "",
        uuid: str | None = None,
    ) -> CustodyEvent:
        """Write one event (holder fields describe the state after it) and update the aliquot.

        ``uuid`` is given for an event imported from another installation: the same event
        keeps its UUID in every ledger that holds it."""
        if aliquot.id is None:
            self.session.flush()
        head = self.head()
        seq = head.last_seq + 1
        event = CustodyEvent(
            id=seq,
            uuid=uuid or new_uuid(),
            aliquot_id=aliquot.id,
            kind=kind,
            occurred_at=occurred_at.astimezone(UTC),
            actor_id=actor_id,
            institution_id=institution_id,
            custodian_person_id=custodian_person_id,
            courier_id=courier_id,
            transfer_id=transfer_id,
            loan_id=loan_id,
            mass_ug=mass_ug,
            related_aliquot_id=related_aliquot_id,
            corrects_event_id=corrects_event_id,
            seal_number=seal_number,
            seal_intact=seal_intact,
            note=note,
            prev_hash=head.last_hash,
        )
        event.hash = chain_hash(head.last_hash, [getattr(event, c) for c in HASHED_COLUMNS])
        apply_event(
            aliquot,
            seq,
            kind,
            mass_ug,
            institution_id,
            custodian_person_id,
            courier_id,
            transfer_id,
            loan_id,
        )
        head.last_seq = seq
        head.last_hash = event.hash
        self.session.add(event)
        return event


# ---------------------------------------------------------------- verification


CHAIN_PROBLEMS = ("changed", "missing", "inserted", "reordered")


@dataclass
class Problem:
    """One finding of ``verify``: what kind, in plain words, and where.

    ``kind``: changed | missing | inserted | reordered (the ledger's chain), state | balance |
    custodian (the replay), storage (the database), guard (an append-only trigger missing or
    disabled), audit (the audit trail's chain), record (a table against its audit trail),
    signature, anchor, cancelled. ``table``, ``record`` (its number, user name or code, else
    its id) and ``field`` say where, when known; ``audit_entry_id`` names the audit entry
    concerned (the first bad one for ``audit``, the one that last set the value for
    ``record``).
    """

    kind: str
    message: str
    event_id: int | None = None
    aliquot_number: str | None = None
    table: str | None = None
    record: str | None = None
    field: str | None = None
    audit_entry_id: int | None = None

    @property
    def where(self) -> str:
        """'table record field' as far as known, e.g. 'loans L2026-0001 notes'."""
        return " ".join(part for part in (self.table, self.record, self.field) if part)


# Said once in a report with a guard finding: the triggers stop mistakes, not an owner.
GUARD_NOTE = _domain_ledger.said(
    "A database owner can drop or disable any trigger: the append-only guards stop "
    "mistakes, while the hashes, signatures and anchors are the real protection."
)


@dataclass
class VerifyReport:
    events: int = 0
    aliquots: int = 0
    last_hash: str = GENESIS_HASH
    problems: list[Problem] = field(default_factory=list)
    storage_checked: str = ""
    signatures_checked: str = ""  # domain/signature_check.py's counts
    # the audit trail and the records it covers (record_check.verify_records), when checked
    audit_checked: bool = False
    audit_entries: int = 0
    audit_hash: str = GENESIS_HASH
    records: int = 0
    tables: int = 0
    signed_terms: int = 0  # loans and resolutions whose signed content was compared
    audit_last_id: int = 0  # the last audit entry checked (ids may have gaps)
    signatures_last_id: int = 0  # the last signature checked
    # what a checkpoint keeps (domain/checkpoints.py): the aliquots' derived state's digest
    derived_digest: str | None = None
    mode: str = "full"  # "full": every event replayed; "routine": since a checkpoint
    mode_said: str = ""  # the report's "Mode:" line, in words
    replayed_aliquots: int = 0  # aliquots whose events were replayed

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_bad_event(self) -> int | None:
        """The first event whose place in the chain is wrong (state problems follow from it)."""
        ids = [p.event_id for p in self.problems if p.kind in CHAIN_PROBLEMS and p.event_id]
        if not ids:
            ids = [p.event_id for p in self.problems if p.event_id is not None]
        return min(ids) if ids else None

    @property
    def first_bad_audit_entry(self) -> int | None:
        """The first audit entry whose place in the audit trail's chain is wrong."""
        ids = [p.audit_entry_id for p in self.problems if p.kind == "audit" and p.audit_entry_id]
        return min(ids) if ids else None

    def include(self, other: VerifyReport) -> None:
        """Take in what ``other`` checked of the audit trail and the records, and its problems."""
        self.audit_checked = self.audit_checked or other.audit_checked
        self.audit_entries += other.audit_entries
        if other.audit_checked:
            self.audit_hash = other.audit_hash
            self.audit_last_id = other.audit_last_id
        self.records += other.records
        self.tables += other.tables
        self.signed_terms += other.signed_terms
        self.problems += other.problems

    def summary(self) -> str:
        return "\n".join(self.summary_lines())

    def summary_lines(self) -> list[str]:
        """What verify checked and found, a sentence a line (each said, so a window shows
        it in its language; the problems' lines start with two spaces)."""
        events, aliquots = _counted_events(self.events), counted_aliquots(self.aliquots)
        records, tables = _counted_records(self.records), _counted_tables(self.tables)
        lines: list[str] = [
            _domain_ledger.said("Ledger: {events}, {aliquots}.", events=events, aliquots=aliquots),
            _domain_ledger.said("Chain head: {hash}", hash=self.last_hash),
        ]
        if self.audit_checked:
            lines.append(
                _domain_ledger.said(
                    "Audit trail: {entries}, head {hash}; {records} in {tables} compared with it.",
                    entries=_counted_entries(self.audit_entries),
                    hash=self.audit_hash,
                    records=records,
                    tables=tables,
                )
            )
        if self.storage_checked:
            lines.append(
                _domain_ledger.said("Database integrity: {checked}", checked=self.storage_checked)
            )
        if self.signatures_checked:
            lines.append(
                _domain_ledger.said("Signatures: {checked}", checked=self.signatures_checked)
            )
        if self.mode_said:
            lines.append(_domain_ledger.said("Mode: {mode}", mode=self.mode_said))
        if self.ok:
            lines.append(self._ok_line(records, tables))
            return lines
        event, entry = self.first_bad_event, self.first_bad_audit_entry
        if event is not None and entry is not None:
            lines.append(
                _domain_ledger.said(
                    "FAILED: first bad event is #{event}; first bad audit entry is #{entry}.",
                    event=event,
                    entry=entry,
                )
            )
        elif event is not None:
            lines.append(_domain_ledger.said("FAILED: first bad event is #{event}.", event=event))
        elif entry is not None:
            lines.append(
                _domain_ledger.said("FAILED: first bad audit entry is #{entry}.", entry=entry)
            )
        else:
            lines.append(_domain_ledger.said("FAILED."))
        shown = self.problems[:100]
        lines += [
            _domain_ledger.said("  - [{where}] {finding}", where=p.where, finding=p.message)
            if p.where
            else _domain_ledger.said("  - {finding}", finding=p.message)
            for p in shown
        ]
        if len(self.problems) > len(shown):
            more = len(self.problems) - len(shown)
            lines.append(_domain_ledger.said("  ... and {count} more problems", count=more))
        if any(p.kind == "guard" for p in self.problems):
            lines.append(GUARD_NOTE)
        return lines

    def _ok_line(self, records: str, tables: str) -> str:
        terms = f"{self.signed_terms:,}"
        if self.audit_checked and self.signed_terms:
            return _domain_ledger.said(
                "OK: hash chain intact, mass balance holds, one custodian per aliquot; audit "
                "trail chain intact and {records} in {tables} as it says; {terms} signed loan "
                "terms and resolutions as signed.",
                records=records,
                tables=tables,
                terms=terms,
            )
        if self.audit_checked:
            return _domain_ledger.said(
                "OK: hash chain intact, mass balance holds, one custodian per aliquot; audit "
                "trail chain intact and {records} in {tables} as it says.",
                records=records,
                tables=tables,
            )
        if self.signed_terms:
            return _domain_ledger.said(
                "OK: hash chain intact, mass balance holds, one custodian per aliquot; {terms} "
                "signed loan terms and resolutions as signed.",
                terms=terms,
            )
        return _domain_ledger.said(
            "OK: hash chain intact, mass balance holds, one custodian per aliquot."
        )


# Counted nouns inside the summary's sentences: said too, so a window says them in its language.
def _counted_events(count: int) -> str:
    if count == 1:
        return _domain_ledger.said("{count} custody event", count=f"{count:,}")
    return _domain_ledger.said("{count} custody events", count=f"{count:,}")


def counted_aliquots(count: int) -> str:
    if count == 1:
        return _domain_ledger.said("{count} aliquot", count=f"{count:,}")
    return _domain_ledger.said("{count} aliquots", count=f"{count:,}")


def _counted_entries(count: int) -> str:
    if count == 1:
        return _domain_ledger.said("{count} entry", count=f"{count:,}")
    return _domain_ledger.said("{count} entries", count=f"{count:,}")


def _counted_records(count: int) -> str:
    if count == 1:
        return _domain_ledger.said("{count} record", count=f"{count:,}")
    return _domain_ledger.said("{count} records", count=f"{count:,}")


def _counted_tables(count: int) -> str:
    if count == 1:
        return _domain_ledger.said("{count} table", count=f"{count:,}")
    return _domain_ledger.said("{count} tables", count=f"{count:,}")


# The columns verify replays, in the order ``LedgerScan.events`` gives them.
REPLAY_COLUMNS = (
    "id",
    "aliquot_id",
    "kind",
    "mass_ug",
    "institution_id",
    "custodian_person_id",
    "courier_id",
    "transfer_id",
    "loan_id",
    "related_aliquot_id",
)


def _confirmed(scan: LedgerScan, suspects: list[int]) -> set[int]:
    """The suspects whose content really does not match their hash, by the reference
    encoding of the typed columns (storage's fast path only ever adds suspects)."""
    bad: set[int] = set()
    for start in range(0, len(suspects), 500):
        rows = scan.hashed_rows(suspects[start : start + 500])
        bad.update(r[0] for r in rows if chain_hash(r[-2], r[: len(HASHED_COLUMNS)]) != r[-1])
    return bad


def _joined(checks: list[RangeCheck]) -> tuple[list[int], set[int]]:
    """Suspect and unlinked events over consecutive ranges, the links between them included."""
    suspects: list[int] = []
    unlinked: set[int] = set()
    running = GENESIS_HASH
    for check in sorted(checks, key=lambda c: c.lo):
        suspects += check.suspect
        unlinked.update(check.unlinked)
        if check.first_id is None:
            continue
        if check.first_prev != running:
            unlinked.add(check.first_id)
        running = check.last_hash or GENESIS_HASH
    return suspects, unlinked


def _chain_problems(
    gaps: dict[int, int], bad: set[int], unlinked: set[int]
) -> tuple[list[tuple[int, Problem]], bool]:
    """The chain's problems, each with the event being read when it shows (the order of
    one pass over the ledger), and whether the chain is broken."""
    problems: list[tuple[int, Problem]] = []
    broken = False
    for event_id in sorted(gaps.keys() | bad | unlinked):
        expected_id = gaps.get(event_id)
        if expected_id is not None and not broken:
            if event_id > expected_id:
                problems.append((event_id, Problem(
                    "missing",
                    _domain_ledger.said(
                        "Event #{missing} is missing (deleted): the ledger jumps "
                        "from #{before} to #{after}.",
                        missing=expected_id,
                        before=expected_id - 1,
                        after=event_id,
                    ),
                    expected_id,
                )))  # fmt: skip
            broken = True
        if event_id in unlinked and not broken:
            if event_id > 1 and event_id not in bad:
                # this event is intact and names its predecessor's original hash: the
                # predecessor was changed (or put in its place) and its hash recomputed
                problems.append((event_id, Problem(
                    "changed",
                    _domain_ledger.said(
                        "Event #{changed} was changed and its hash recomputed: event "
                        "#{event} was chained to different content.",
                        changed=event_id - 1,
                        event=event_id,
                    ),
                    event_id - 1,
                )))  # fmt: skip
            else:
                problems.append((event_id, Problem(
                    "reordered",
                    _domain_ledger.said(
                        "Event #{event} does not follow event #{before}: an event "
                        "was removed, inserted or moved before it.",
                        event=event_id,
                        before=event_id - 1,
                    ),
                    event_id,
                )))  # fmt: skip
            broken = True
        if event_id in bad:
            problems.append((event_id, Problem(
                "changed" if not broken else "inserted",
                _domain_ledger.said(
                    "Event #{event} was changed or forged: its content does not match its hash.",
                    event=event_id,
                ),
                event_id,
            )))  # fmt: skip
            broken = True
    return problems, broken


def verify_ledger(
    store: Store, progress: ProgressCallback | None = None, *, workers: int | None = None
) -> VerifyReport:
    """Recompute the chain, replay every aliquot and compare with the stored state.

    ``progress(done, total)`` is called every batch; returning True cancels.
    Problems name the event or aliquot concerned; the first broken event is ``first_bad_event``.
    This process replays the events in order while storage checks the hashes (each depends
    only on its own row and the stored previous hash), on a large ledger in ``workers``
    processes (``Store.scan_ledger``).
    """
    report = VerifyReport()
    states: dict[int, ReplayState] = {}
    replayed = VerifyReport()  # the replay's problems, each at the event it was read at
    gaps: dict[int, int] = {}  # event id -> the id that should have come instead
    expected_id = 1

    def cancelled() -> bool:
        """Report how far the replay is; True (the report says so) when asked to stop."""
        if not (progress and progress(report.events, total)):
            return False
        report.problems = [
            *replayed.problems,
            Problem("cancelled", _domain_ledger.said("Verification was cancelled.")),
        ]
        return True

    with store.scan_ledger(workers=workers) as scan:
        total = scan.bounds()[2]
        if cancelled():  # the counts show at once, before the first batch is read
            return report
        for rows in scan.events():
            # ids are unique and ascending: a batch without a gap spans exactly its length
            if rows[0][0] != expected_id or rows[-1][0] - expected_id != len(rows) - 1:
                for row in rows:
                    if row[0] != expected_id:
                        gaps[row[0]] = expected_id
                    expected_id = row[0] + 1
            expected_id = rows[-1][0] + 1
            _replay(states, replayed, rows)
            report.events += len(rows)
            if cancelled():
                return report
        compared = VerifyReport()  # the aliquot table against the replay, while workers finish
        _compare_states(scan, states, compared)
        if cancelled():  # a Cancel pressed after the last batch need not wait for the workers
            return report
        suspects, unlinked = _joined(scan.range_checks())
        chain, chain_broken = _chain_problems(gaps, _confirmed(scan, suspects), unlinked)
        merged = [(event_id, 0, p) for event_id, p in chain]
        merged += [(p.event_id or 0, 1, p) for p in replayed.problems]
        report.problems = [p for _, _, p in sorted(merged, key=lambda m: m[:2])]
        last_id = expected_id - 1
        if report.events:
            report.last_hash = scan.event_hash(last_id) or GENESIS_HASH
        head = scan.head()
        cached = scan.last_named_event()
    running = report.last_hash
    if not chain_broken and cached is not None and cached > last_id:
        chain_broken = True
        report.problems.append(
            Problem(
                "missing",
                _domain_ledger.said(
                    "Aliquots name event #{named} but the ledger ends at #{last}: events at "
                    "the end were removed.",
                    named=cached,
                    last=last_id,
                ),
                last_id + 1,
            )
        )
    if head is not None and not chain_broken:
        last_seq, last_hash = head
        if last_seq > last_id or (last_seq == last_id and last_hash != running):
            report.problems.append(
                Problem(
                    "missing",
                    _domain_ledger.said(
                        "The ledger head names event #{named} but the ledger ends at "
                        "#{last}: events at the end were removed.",
                        named=last_seq,
                        last=last_id,
                    ),
                    last_id + 1,
                )
            )
        elif last_seq < last_id:
            report.problems.append(
                Problem(
                    "inserted",
                    _domain_ledger.said(
                        "Event #{event} was inserted after the last event the program wrote.",
                        event=last_seq + 1,
                    ),
                    last_seq + 1,
                )
            )
    report.aliquots = compared.aliquots
    report.derived_digest = compared.derived_digest
    report.problems += compared.problems
    if progress:
        progress(total, total)
    return report


def _replay(
    states: dict[int, ReplayState], report: VerifyReport, rows: Sequence[tuple[Any, ...]]
) -> None:
    """Apply a batch of events (REPLAY_COLUMNS) to their aliquots' replayed states."""
    get, apply, new_state = states.get, apply_event, ReplayState  # the loop's hot names
    for (
        event_id,
        aliquot_id,
        kind,
        mass_ug,
        institution_id,
        person_id,
        courier_id,
        transfer_id,
        loan_id,
        related_id,
    ) in rows:
        state = get(aliquot_id)
        if state is None:
            state = states[aliquot_id] = new_state()
        try:
            apply(
                state,
                event_id,
                kind,
                mass_ug,
                institution_id,
                person_id,
                courier_id,
                transfer_id,
                loan_id,
            )
        except RuleViolation as error:
            why = error.args[0] if len(error.args) == 1 else str(error)  # a Said stays one
            report.problems.append(
                Problem(
                    "state",
                    _domain_ledger.said(
                        "Event #{event} is impossible here: {why}", event=event_id, why=why
                    ),
                    event_id,
                )
            )
        if kind == EventKind.DERIVED and related_id is not None:
            parent = get(related_id)
            if parent is None:
                parent = states[related_id] = new_state()
            parent.derived_children_ug += mass_ug or 0
        elif kind == EventKind.SPLIT and related_id is None:
            # a split imported from another installation whose child is not held here:
            # the origin's ledger holds the child's half
            state.derived_children_ug += mass_ug or 0


# The aliquot columns that cache what the ledger says, compared with the replay.
COMPARED_COLUMNS = (
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
)


# A replayed state's COMPARED_COLUMNS as a tuple, in the aliquot row's order.
compared_values = operator.attrgetter(*COMPARED_COLUMNS)


def digest_lines(digest: Any, rows: Sequence[tuple[Any, ...]]) -> None:
    """Add aliquot rows ``(id, number, *COMPARED_COLUMNS)`` to a SHA-256 of the aliquots'
    derived state: one line an aliquot in id order, the repr of ``(id, *COMPARED_COLUMNS)``
    with plain ``str`` and ``int`` values (a checkpoint keeps it; only this program reads it)."""
    if rows:
        digest.update("\n".join([repr((row[0], *row[2:])) for row in rows]).encode())
        digest.update(b"\n")


def state_line(aliquot_id: int, state: ReplayState) -> tuple[Any, ...]:
    """A replayed state as the aliquot row ``digest_lines`` reads: ``(id, number, ...)``."""
    values = compared_values(state)
    return (aliquot_id, None, str(values[0]), *values[1:])


def _compare_states(scan: LedgerScan, states: dict[int, ReplayState], report: VerifyReport) -> None:
    """Every aliquot row against its replayed state; the digest of the rows as stored in
    ``report.derived_digest`` (a checkpoint keeps it, see checkpoints.StateDigest)."""
    seen: set[int] = set()
    digest = hashlib.sha256()
    for rows in scan.aliquots():
        digest_lines(digest, rows)
        for row in rows:
            aliquot_id, number = row[0], row[1]
            seen.add(aliquot_id)
            report.aliquots += 1
            state = states.get(aliquot_id)
            if state is None:
                report.problems.append(
                    Problem(
                        "state",
                        _domain_ledger.said(
                            "Aliquot {aliquot} has no custody events.", aliquot=number
                        ),
                        None,
                        number,
                    )
                )
                continue
            stored = row[2:]
            replayed = compared_values(state)
            if stored != replayed:
                detail = ", ".join(
                    f"{c}: ledger {mine!r}, table {theirs!r}"
                    for c, mine, theirs in zip(COMPARED_COLUMNS, replayed, stored, strict=True)
                    if mine != theirs
                )
                report.problems.append(
                    Problem(
                        "state",
                        _domain_ledger.said(
                            "Aliquot {aliquot} does not match its ledger ({detail}).",
                            aliquot=number,
                            detail=detail,
                        ),
                        state.last_event_id,
                        number,
                    )
                )
            check_invariants(state, number, report)
    report.derived_digest = digest.hexdigest()
    for aliquot_id in states.keys() - seen:
        report.problems.append(
            Problem(
                "state",
                _domain_ledger.said(
                    "Events name aliquot id {id}, which does not exist.", id=aliquot_id
                ),
            )
        )


def check_invariants(state: ReplayState, number: str, report: VerifyReport) -> None:
    """Add to ``report`` what a replayed aliquot breaks: mass balance, what its splits gave
    against what its children record, one custodian, a courier exactly while in transit."""
    masses = (
        state.current_mass_ug,
        state.children_mass_ug,
        state.consumed_mass_ug,
        state.lost_mass_ug,
    )
    if any(m < 0 for m in masses) or state.initial_mass_ug != sum(masses):
        report.problems.append(
            Problem(
                "balance",
                _domain_ledger.said(
                    "Aliquot {aliquot}: mass balance broken (initial {initial} µg "
                    "!= current {current} + children {children} + consumed {consumed} "
                    "+ lost {lost}).",
                    aliquot=number,
                    initial=state.initial_mass_ug,
                    current=masses[0],
                    children=masses[1],
                    consumed=masses[2],
                    lost=masses[3],
                ),
                state.last_event_id,
                number,
            )
        )
    if state.children_mass_ug != state.derived_children_ug:
        report.problems.append(
            Problem(
                "balance",
                _domain_ledger.said(
                    "Aliquot {aliquot}: its split events give {given} µg to "
                    "children, its children record {recorded} µg.",
                    aliquot=number,
                    given=state.children_mass_ug,
                    recorded=state.derived_children_ug,
                ),
                state.last_event_id,
                number,
            )
        )
    held = state.status not in (AliquotStatus.CONSUMED, AliquotStatus.LOST)
    if held and state.custodian_institution_id is None:
        report.problems.append(
            Problem(
                "custodian",
                _domain_ledger.said("Aliquot {aliquot} has no custodian.", aliquot=number),
                None,
                number,
            )
        )
    if (state.status == AliquotStatus.IN_TRANSIT) != (state.courier_id is not None):
        report.problems.append(
            Problem(
                "custodian",
                _domain_ledger.said(
                    "Aliquot {aliquot}: status {status} but courier {courier}.",
                    aliquot=number,
                    status=state.status,
                    courier=state.courier_id,
                ),
                None,
                number,
            )
        )
