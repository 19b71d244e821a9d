"""The append-only, hash-chained custody ledger.

Each event's hash is SHA-256 over the previous event's hash and the event's canonical
content, so changing, removing, inserting or reordering any event breaks the chain from
that event on. ``apply_event`` is the one definition of how an event changes an aliquot;
the services use it when they write and ``verify`` uses it when it replays.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .errors import RuleViolation
from .models import Aliquot, CustodyEvent, LedgerHead, new_uuid
from .store import ProgressCallback

GENESIS_HASH = "0" * 64

# Status of an aliquot after an event.
IN_STORAGE = "in_storage"
IN_TRANSIT = "in_transit"
DEPLETED = "depleted"  # all of its mass went into children
CONSUMED = "consumed"
LOST = "lost"
STATUSES = (IN_STORAGE, IN_TRANSIT, DEPLETED, CONSUMED, LOST)
STATUS_LABELS = {
    IN_STORAGE: "in storage",
    IN_TRANSIT: "in transit",
    DEPLETED: "fully split",
    CONSUMED: "consumed",
    LOST: "lost",
}

EVENT_KINDS = {
    "registered": "registered",
    "derived": "split off its parent",
    "split": "split (child made)",
    "released": "released to courier",
    "handed_over": "handed over between couriers",
    "received": "received",
    "returned": "returned to lender",
    "consumed": "consumed by analysis",
    "mass_lost": "loss recorded",
    "lost": "reported lost",
    "corrected": "correction",
}

# The columns that make up an event's content, in hashing order.
HASHED_COLUMNS: tuple[str, ...] = (
    "id",
    "uuid",
    "aliquot_id",
    "kind",
    "occurred_at",
    "actor_id",
    "institution_id",
    "custodian_person_id",
    "courier_id",
    "transfer_id",
    "loan_id",
    "mass_ug",
    "related_aliquot_id",
    "corrects_event_id",
    "seal_number",
    "seal_intact",
    "note",
)


# Built once: json.dumps with options builds a new encoder on every call, which doubles the
# cost of verifying two million events.
_CANONICAL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def epoch_microseconds(moment: datetime) -> int:
    return (moment - _EPOCH) // _MICROSECOND


def chain_hash(prev_hash: str, values: tuple[Any, ...] | list[Any]) -> str:
    """SHA-256 over ``prev_hash``, a newline and the event's canonical content.

    The canonical content is the JSON array (UTF-8, no spaces) of HASHED_COLUMNS in order,
    with ``occurred_at`` as integer microseconds since 1970-01-01 UTC, so anyone can
    recompute a hash with any JSON library.
    """
    content = list(values)
    content[4] = epoch_microseconds(content[4])
    return hashlib.sha256(f"{prev_hash}\n{_CANONICAL.encode(content)}".encode()).hexdigest()


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
    "registered": ("",),
    "derived": ("",),
    "split": (IN_STORAGE,),
    "released": (IN_STORAGE,),
    "handed_over": (IN_TRANSIT,),
    "received": (IN_TRANSIT,),
    "returned": (IN_TRANSIT,),
    "consumed": (IN_STORAGE,),
    "mass_lost": (IN_STORAGE, IN_TRANSIT),
    "lost": (IN_STORAGE, IN_TRANSIT, DEPLETED),
    "corrected": STATUSES,
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
        raise RuleViolation(f"Unknown custody event kind '{kind}'.")
    current_status = state.status or ""
    if current_status not in allowed:
        raise RuleViolation(
            f"A '{kind}' event cannot follow status '{current_status or 'unregistered'}'."
        )
    mass = mass_ug or 0
    if kind in ("registered", "derived"):
        state.initial_mass_ug = state.current_mass_ug = mass
        state.children_mass_ug = state.consumed_mass_ug = state.lost_mass_ug = 0
        state.status = IN_STORAGE
    elif kind == "split":
        state.current_mass_ug -= mass
        state.children_mass_ug += mass
        if state.current_mass_ug == 0:
            state.status = DEPLETED
    elif kind in ("released", "handed_over"):
        state.status = IN_TRANSIT
    elif kind in ("received", "returned"):
        state.status = IN_STORAGE
    elif kind == "consumed":
        state.current_mass_ug -= mass
        state.consumed_mass_ug += mass
        if state.current_mass_ug == 0:
            state.status = CONSUMED
    elif kind == "mass_lost":
        state.current_mass_ug -= mass
        state.lost_mass_ug += mass
        if state.current_mass_ug == 0:
            state.status = LOST
    elif kind == "lost":
        state.lost_mass_ug += state.current_mass_ug
        state.current_mass_ug = 0
        state.status = LOST
    elif kind == "corrected":
        state.initial_mass_ug += mass
        state.current_mass_ug += mass
        if state.status in (CONSUMED, DEPLETED) and state.current_mass_ug > 0:
            # The books said nothing was left, but there was: it is back on the shelf.
            state.status = IN_STORAGE
        elif state.status == LOST and mass > 0:
            raise RuleViolation("A lost aliquot's mass cannot be corrected upwards.")
    if state.current_mass_ug < 0 or state.initial_mass_ug < 0:
        raise RuleViolation("That would leave a negative mass.")
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
                raise RuleViolation("The ledger head is missing: the database was not migrated.")
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
    ) -> CustodyEvent:
        """Write one event (holder fields describe the state after it) and update the aliquot."""
        if aliquot.id is None:
            self.session.flush()
        head = self.head()
        seq = head.last_seq + 1
        event = CustodyEvent(
            id=seq,
            uuid=new_uuid(),
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
    kind: str  # changed | missing | inserted | reordered | state | balance | custodian | storage
    message: str
    event_id: int | None = None
    aliquot_number: str | None = None


@dataclass
class VerifyReport:
    events: int = 0
    aliquots: int = 0
    last_hash: str = GENESIS_HASH
    problems: list[Problem] = field(default_factory=list)
    storage_checked: str = ""

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

    def summary(self) -> str:
        lines = [
            f"Ledger: {self.events} custody events, {self.aliquots} aliquots.",
            f"Chain head: {self.last_hash}",
        ]
        if self.storage_checked:
            lines.append(f"Database integrity: {self.storage_checked}")
        if self.ok:
            lines.append("OK: hash chain intact, mass balance holds, one custodian per aliquot.")
        else:
            first = self.first_bad_event
            if first is not None:
                lines.append(f"FAILED: first bad event is #{first}.")
            else:
                lines.append("FAILED.")
            shown = self.problems[:100]
            lines += [f"  - {p.message}" for p in shown]
            if len(self.problems) > len(shown):
                lines.append(f"  ... and {len(self.problems) - len(shown)} more problems")
        return "\n".join(lines)


_BATCH = 20_000


def _stream(session: Session, statement: Any) -> Iterator[Any]:
    """Rows in batches, so two million events never sit in memory at once.

    Plain columns through the session's Connection: the ORM's row handling would cost
    more than hashing the event (the profile of verify on two million events).
    """
    connection = session.connection().execution_options(yield_per=_BATCH)
    result = connection.execute(statement)
    try:
        yield from result
    finally:
        result.close()


def verify_ledger(session: Session, progress: ProgressCallback | None = None) -> VerifyReport:
    """Recompute the chain, replay every aliquot and compare with the stored state.

    ``progress(done, total)`` is called every batch; returning True cancels.
    Problems name the event or aliquot concerned; the first broken event is ``first_bad_event``.
    """
    report = VerifyReport()
    total = session.scalar(select(func.count()).select_from(CustodyEvent)) or 0
    states: dict[int, ReplayState] = {}
    columns = [getattr(CustodyEvent, c) for c in HASHED_COLUMNS]
    statement = select(*columns, CustodyEvent.prev_hash, CustodyEvent.hash).order_by(
        CustodyEvent.id
    )
    running = GENESIS_HASH
    expected_id = 1
    chain_broken = False
    rows = _stream(session, statement)
    for row in rows:
        values = tuple(row[: len(HASHED_COLUMNS)])
        event_id: int = row[0]
        prev_hash: str = row[-2]
        stored_hash: str = row[-1]
        if event_id != expected_id and not chain_broken:
            if event_id > expected_id:
                report.problems.append(
                    Problem(
                        "missing",
                        f"Event #{expected_id} is missing (deleted): the ledger jumps "
                        f"from #{expected_id - 1} to #{event_id}.",
                        expected_id,
                    )
                )
            chain_broken = True
        if prev_hash != running and not chain_broken:
            if event_id > 1 and chain_hash(prev_hash, values) == stored_hash:
                # this event is intact and names its predecessor's original hash: the
                # predecessor was changed (or put in its place) and its hash recomputed
                report.problems.append(
                    Problem(
                        "changed",
                        f"Event #{event_id - 1} was changed and its hash recomputed: event "
                        f"#{event_id} was chained to different content.",
                        event_id - 1,
                    )
                )
            else:
                report.problems.append(
                    Problem(
                        "reordered",
                        f"Event #{event_id} does not follow event #{event_id - 1}: an event "
                        "was removed, inserted or moved before it.",
                        event_id,
                    )
                )
            chain_broken = True
        recomputed = chain_hash(prev_hash, values)
        if recomputed != stored_hash:
            report.problems.append(
                Problem(
                    "changed" if not chain_broken else "inserted",
                    f"Event #{event_id} was changed or forged: its content does not match "
                    "its hash.",
                    event_id,
                )
            )
            chain_broken = True
        running = stored_hash
        expected_id = event_id + 1
        report.events += 1
        _replay(states, report, values)
        if progress and report.events % _BATCH == 0 and progress(report.events, total):
            report.problems.append(Problem("cancelled", "Verification was cancelled."))
            rows.close()
            return report
    report.last_hash = running
    head = session.get(LedgerHead, 1)
    last_id = expected_id - 1
    cached = session.scalar(select(func.max(Aliquot.last_event_id)))
    if not chain_broken and cached is not None and cached > last_id:
        chain_broken = True
        report.problems.append(
            Problem(
                "missing",
                f"Aliquots name event #{cached} but the ledger ends at #{last_id}: events at "
                "the end were removed.",
                last_id + 1,
            )
        )
    if head is not None and not chain_broken:
        if head.last_seq > last_id or (head.last_seq == last_id and head.last_hash != running):
            report.problems.append(
                Problem(
                    "missing",
                    f"The ledger head names event #{head.last_seq} but the ledger ends at "
                    f"#{last_id}: events at the end were removed.",
                    last_id + 1,
                )
            )
        elif head.last_seq < last_id:
            report.problems.append(
                Problem(
                    "inserted",
                    f"Event #{head.last_seq + 1} was inserted after the last event the "
                    "program wrote.",
                    head.last_seq + 1,
                )
            )
    _compare_states(session, states, report)
    if progress:
        progress(total, total)
    return report


def _replay(states: dict[int, ReplayState], report: VerifyReport, row: tuple[Any, ...]) -> None:
    (
        event_id,
        _uuid,
        aliquot_id,
        kind,
        _at,
        _actor,
        institution_id,
        person_id,
        courier_id,
        transfer_id,
        loan_id,
        mass_ug,
        related_id,
    ) = row[:13]
    state = states.get(aliquot_id)
    if state is None:
        state = states[aliquot_id] = ReplayState()
    try:
        apply_event(
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
        report.problems.append(
            Problem("state", f"Event #{event_id} is impossible here: {error}", event_id)
        )
    if kind == "derived" and related_id is not None:
        parent = states.get(related_id)
        if parent is None:
            parent = states[related_id] = ReplayState()
        parent.derived_children_ug += mass_ug or 0


_COMPARED = (
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


def _compare_states(session: Session, states: dict[int, ReplayState], report: VerifyReport) -> None:
    statement = select(Aliquot.id, Aliquot.number, *[getattr(Aliquot, c) for c in _COMPARED])
    seen: set[int] = set()
    for row in _stream(session, statement.order_by(Aliquot.id)):
        aliquot_id, number = row[0], row[1]
        seen.add(aliquot_id)
        report.aliquots += 1
        state = states.get(aliquot_id)
        if state is None:
            report.problems.append(
                Problem("state", f"Aliquot {number} has no custody events.", None, number)
            )
            continue
        stored = dict(zip(_COMPARED, row[2:], strict=True))
        differing = [c for c in _COMPARED if stored[c] != getattr(state, c)]
        if differing:
            detail = ", ".join(
                f"{c}: ledger {getattr(state, c)!r}, table {stored[c]!r}" for c in differing
            )
            report.problems.append(
                Problem(
                    "state",
                    f"Aliquot {number} does not match its ledger ({detail}).",
                    state.last_event_id,
                    number,
                )
            )
        _check_invariants(state, number, report)
    for aliquot_id in states.keys() - seen:
        report.problems.append(
            Problem("state", f"Events name aliquot id {aliquot_id}, which does not exist.")
        )


def _check_invariants(state: ReplayState, number: str, report: VerifyReport) -> None:
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
                f"Aliquot {number}: mass balance broken (initial {state.initial_mass_ug} µg "
                f"!= current {masses[0]} + children {masses[1]} + consumed {masses[2]} "
                f"+ lost {masses[3]}).",
                state.last_event_id,
                number,
            )
        )
    if state.children_mass_ug != state.derived_children_ug:
        report.problems.append(
            Problem(
                "balance",
                f"Aliquot {number}: its split events give {state.children_mass_ug} µg to "
                f"children, its children record {state.derived_children_ug} µg.",
                state.last_event_id,
                number,
            )
        )
    held = state.status not in (CONSUMED, LOST)
    if held and state.custodian_institution_id is None:
        report.problems.append(
            Problem("custodian", f"Aliquot {number} has no custodian.", None, number)
        )
    if (state.status == IN_TRANSIT) != (state.courier_id is not None):
        report.problems.append(
            Problem(
                "custodian",
                f"Aliquot {number}: status {state.status} but courier {state.courier_id}.",
                None,
                number,
            )
        )
