"""The append-only, hash-chained custody ledger.

Each event's hash is SHA-256 over the previous event's hash and the event's canonical
content, so changing, removing, inserting or reordering any event breaks the chain from
that event on. ``apply_event`` is the one definition of how an event changes an aliquot;
the services use it when they write and ``verify`` uses it when it replays.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import operator
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .chain import (
    GENESIS_HASH,
    HASHED_COLUMNS,
    OCCURRED_AT,
    RangeCheck,
    canonical_content,
    check_sqlite_range,
)
from .errors import RuleViolation
from .models import Aliquot, CustodyEvent, LedgerHead, new_uuid
from .store import ProgressCallback

logger = logging.getLogger(__name__)

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

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def epoch_microseconds(moment: datetime) -> int:
    return (moment - _EPOCH) // _MICROSECOND


def chain_hash(prev_hash: str, values: tuple[Any, ...] | list[Any]) -> str:
    """SHA-256 over ``prev_hash``, a newline and the event's canonical content.

    The canonical content (``chain.canonical_content``) is the JSON array (UTF-8, no
    spaces) of HASHED_COLUMNS in order, with ``occurred_at`` as integer microseconds since
    1970-01-01 UTC, so anyone can recompute a hash with any JSON library.
    """
    content = list(values)
    content[OCCURRED_AT] = epoch_microseconds(content[OCCURRED_AT])
    return hashlib.sha256(canonical_content(prev_hash, content)).hexdigest()


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
# From this many events a SQLite ledger's hashes are checked by worker processes while this
# one replays the aliquots; below it, starting them costs more than they save.
PARALLEL_FROM = 200_000
_REPLAY_SQL = (
    "SELECT id, aliquot_id, kind, mass_ug, institution_id, custodian_person_id, courier_id, "
    "transfer_id, loan_id, related_aliquot_id FROM custody_events ORDER BY id"
)
_cursor_names = itertools.count(1)


def _stream(session: Session, statement: Any) -> Iterator[Any]:
    """Typed rows in batches, so two million events never sit in memory at once."""
    connection = session.connection().execution_options(yield_per=_BATCH)
    result = connection.execute(statement)
    try:
        yield from result
    finally:
        result.close()


@contextmanager
def _raw_cursor(session: Session, sql: str) -> Iterator[Any]:
    """A DB-API cursor over ``sql`` in the session's transaction: plain tuples without
    SQLAlchemy's result processing (most of verify's time on two million events), read
    in batches (a server-side cursor on PostgreSQL)."""
    connection = session.connection()
    dbapi = connection.connection.driver_connection
    if connection.dialect.name == "postgresql":
        cursor = dbapi.cursor(name=f"lc_verify_{next(_cursor_names)}")
    else:
        cursor = dbapi.cursor()
    try:
        cursor.execute(sql)
        yield cursor
    finally:
        cursor.close()


def _sqlite_file(session: Session) -> str | None:
    url = session.get_bind().url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return url.database


def default_workers() -> int:
    """Worker processes that check hashes beside the replay: none inside a frozen bundle
    (its executable is the program, not a Python to run the worker module with)."""
    if getattr(sys, "frozen", False):
        return 0
    return max(1, min(2, (os.cpu_count() or 1) - 1))


class _Workers:
    """``python -m lunar_custody.domain.chain`` over consecutive id ranges of a SQLite file."""

    def __init__(self, path: str, first_id: int, last_id: int, count: int) -> None:
        bounds = [first_id + (last_id + 1 - first_id) * k // count for k in range(count)]
        self.ranges = list(zip(bounds, [*bounds[1:], last_id + 1], strict=True))
        package_root = str(Path(__file__).resolve().parents[2])  # a source tree works too
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (package_root, os.environ.get("PYTHONPATH")) if p
        )}  # fmt: skip
        self.processes = [
            subprocess.Popen(
                [sys.executable, "-m", "lunar_custody.domain.chain", path, str(lo), str(hi)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
            )
            for lo, hi in self.ranges
        ]

    def results(self, session: Session) -> list[RangeCheck]:
        """Each range's check; a range whose worker failed is checked here instead."""
        checks = []
        for (lo, hi), process in zip(self.ranges, self.processes, strict=True):
            out, err = process.communicate()
            if process.returncode == 0:
                checks.append(RangeCheck(**json.loads(out)))
            else:
                logger.warning(
                    "The ledger worker for events %s to %s failed (%s); checking them here: %s",
                    lo, hi - 1, process.returncode, err.decode(errors="replace")[-2000:],
                )  # fmt: skip
                checks.append(_check_range(session, lo, hi))
        return checks

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
            process.communicate()


def _check_range(session: Session, lo: int, hi: int) -> RangeCheck:
    """Check one range in this process, in the session's transaction."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        return check_sqlite_range(connection.connection.driver_connection, lo, hi)
    # PostgreSQL: the typed columns and the reference encoding, as the services hash them.
    result = RangeCheck(lo, hi)
    columns = [getattr(CustodyEvent, c) for c in HASHED_COLUMNS]
    statement = (
        select(*columns, CustodyEvent.prev_hash, CustodyEvent.hash)
        .where(CustodyEvent.id >= lo, CustodyEvent.id < hi)
        .order_by(CustodyEvent.id)
    )
    running: str | None = None
    for row in _stream(session, statement):
        values, prev_hash, stored = row[: len(HASHED_COLUMNS)], row[-2], row[-1]
        if running is None:
            result.first_id, result.first_prev, running = row[0], prev_hash, prev_hash
        if chain_hash(prev_hash, values) != stored:
            result.suspect.append(row[0])
        if prev_hash != running:
            result.unlinked.append(row[0])
        running = stored
        result.count += 1
    result.last_hash = running
    return result


def _confirmed(session: Session, suspects: list[int]) -> set[int]:
    """The suspects whose content really does not match their hash, by the reference
    encoding of the typed columns (the fast path's SQLite JSON only ever adds suspects)."""
    columns = [getattr(CustodyEvent, c) for c in HASHED_COLUMNS]
    bad: set[int] = set()
    for start in range(0, len(suspects), 500):
        rows = session.execute(
            select(*columns, CustodyEvent.prev_hash, CustodyEvent.hash).where(
                CustodyEvent.id.in_(suspects[start : start + 500])
            )
        )
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
                    f"Event #{expected_id} is missing (deleted): the ledger jumps "
                    f"from #{expected_id - 1} to #{event_id}.",
                    expected_id,
                )))  # fmt: skip
            broken = True
        if event_id in unlinked and not broken:
            if event_id > 1 and event_id not in bad:
                # this event is intact and names its predecessor's original hash: the
                # predecessor was changed (or put in its place) and its hash recomputed
                problems.append((event_id, Problem(
                    "changed",
                    f"Event #{event_id - 1} was changed and its hash recomputed: event "
                    f"#{event_id} was chained to different content.",
                    event_id - 1,
                )))  # fmt: skip
            else:
                problems.append((event_id, Problem(
                    "reordered",
                    f"Event #{event_id} does not follow event #{event_id - 1}: an event "
                    "was removed, inserted or moved before it.",
                    event_id,
                )))  # fmt: skip
            broken = True
        if event_id in bad:
            problems.append((event_id, Problem(
                "changed" if not broken else "inserted",
                f"Event #{event_id} was changed or forged: its content does not match "
                "its hash.",
                event_id,
            )))  # fmt: skip
            broken = True
    return problems, broken


def verify_ledger(
    session: Session, progress: ProgressCallback | None = None, *, workers: int | None = None
) -> VerifyReport:
    """Recompute the chain, replay every aliquot and compare with the stored state.

    ``progress(done, total)`` is called every batch; returning True cancels.
    Problems name the event or aliquot concerned; the first broken event is ``first_bad_event``.
    This process replays the events in order; each event's hash depends only on its own row
    and the stored previous hash, so on a large SQLite ledger ``workers`` processes (default
    ``default_workers()``) recompute the hashes of id ranges meanwhile.
    """
    report = VerifyReport()
    first_id, last_id_now, total = session.execute(
        select(func.min(CustodyEvent.id), func.max(CustodyEvent.id), func.count())
    ).one()
    total = total or 0
    path = _sqlite_file(session)
    if workers is None:
        workers = default_workers() if total >= PARALLEL_FROM else 0
    pool = _Workers(path, first_id, last_id_now, workers) if workers and path and total else None
    states: dict[int, ReplayState] = {}
    replayed = VerifyReport()  # the replay's problems, each at the event it was read at
    gaps: dict[int, int] = {}  # event id -> the id that should have come instead
    checks: list[RangeCheck] = []
    expected_id = 1
    checked_to = 1 if first_id is None else min(first_id, 1)
    try:
        with _raw_cursor(session, _REPLAY_SQL) as cursor:
            while rows := cursor.fetchmany(_BATCH):
                # ids are unique and ascending: a batch without a gap spans exactly its length
                if rows[0][0] != expected_id or rows[-1][0] - expected_id != len(rows) - 1:
                    for row in rows:
                        if row[0] != expected_id:
                            gaps[row[0]] = expected_id
                        expected_id = row[0] + 1
                expected_id = rows[-1][0] + 1
                _replay(states, replayed, rows)
                report.events += len(rows)
                if pool is None:
                    checks.append(_check_range(session, checked_to, expected_id))
                    checked_to = expected_id
                if progress and progress(report.events, total):
                    report.problems = [
                        *replayed.problems,
                        Problem("cancelled", "Verification was cancelled."),
                    ]
                    return report
        compared = VerifyReport()  # the aliquot table against the replay, while workers finish
        _compare_states(session, states, compared)
        if pool is not None:
            checks += pool.results(session)
    finally:
        if pool is not None:
            pool.stop()
    suspects, unlinked = _joined(checks)
    chain, chain_broken = _chain_problems(gaps, _confirmed(session, suspects), unlinked)
    merged = [(event_id, 0, p) for event_id, p in chain]
    merged += [(p.event_id or 0, 1, p) for p in replayed.problems]
    report.problems = [p for _, _, p in sorted(merged, key=lambda m: m[:2])]
    last_id = expected_id - 1
    if report.events:
        report.last_hash = (
            session.scalar(select(CustodyEvent.hash).where(CustodyEvent.id == last_id))
            or GENESIS_HASH
        )
    running = report.last_hash
    head = session.get(LedgerHead, 1)
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
    report.aliquots = compared.aliquots
    report.problems += compared.problems
    if progress:
        progress(total, total)
    return report


def _replay(
    states: dict[int, ReplayState], report: VerifyReport, rows: list[tuple[Any, ...]]
) -> None:
    """Apply a batch of events (rows of _REPLAY_SQL) to their aliquots' replayed states."""
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
            report.problems.append(
                Problem("state", f"Event #{event_id} is impossible here: {error}", event_id)
            )
        if kind == "derived" and related_id is not None:
            parent = get(related_id)
            if parent is None:
                parent = states[related_id] = new_state()
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


_compared = operator.attrgetter(*_COMPARED)


def _compare_states(session: Session, states: dict[int, ReplayState], report: VerifyReport) -> None:
    sql = f"SELECT id, number, {', '.join(_COMPARED)} FROM aliquots ORDER BY id"
    seen: set[int] = set()
    with _raw_cursor(session, sql) as cursor:
        while rows := cursor.fetchmany(_BATCH):
            for row in rows:
                aliquot_id, number = row[0], row[1]
                seen.add(aliquot_id)
                report.aliquots += 1
                state = states.get(aliquot_id)
                if state is None:
                    report.problems.append(
                        Problem("state", f"Aliquot {number} has no custody events.", None, number)
                    )
                    continue
                stored = row[2:]
                replayed = _compared(state)
                if stored != replayed:
                    detail = ", ".join(
                        f"{c}: ledger {mine!r}, table {theirs!r}"
                        for c, mine, theirs in zip(_COMPARED, replayed, stored, strict=True)
                        if mine != theirs
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
