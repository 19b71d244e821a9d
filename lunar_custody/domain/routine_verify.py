"""The routine ``verify`` of the ledger: only what changed since a trusted checkpoint.

``verify_ledger_since`` proves, from a checkpoint (domain/checkpoints.py) whose signature
holds with a key this computer holds:

1. the checkpoint's head event still has the hash it saw, and every link of the chain up to
   it holds by the stored values (each event's ``prev_hash`` is its predecessor's stored
   ``hash``; one indexed join in SQL, no hashing);
2. every event after the head hashes to its stored hash and links to the one before;
3. the aliquots those events touched are replayed from their whole history (read by
   index) and match their rows, mass balance and custodian rules included;
4. every aliquot's derived columns, with the touched ones as they were at the head (from
   their replay), give the digest the checkpoint signed: nothing else changed.

Anything that does not check out is not reported here: the caller replays everything
(``ledger.verify_ledger``), which names the first bad record exactly as always.

What the routine check cannot see and ``verify --full`` does: an event at or before the
checkpoint's head whose content was edited in place while its stored hash was left as it
was (its links still hold; only re-hashing it shows the edit) and that changed no aliquot
the routine replays (the aliquot rows keep what the original said, so the digest holds).
Rewriting such an event *and* its hash breaks the next link (1), and rewriting every hash
up to the head changes the head (the checkpoint, like an anchor). ``verify --full``
re-hashes every event; run it before an audit, and after anything unusual.
"""

from __future__ import annotations

import hashlib
from typing import Any

from .chain import GENESIS_HASH
from .errors import RuleViolation
from .ledger import (
    ReplayState,
    VerifyReport,
    apply_event,
    check_invariants,
    compared_values,
    digest_lines,
    state_line,
)
from .states import EventKind
from .store import LedgerScan, Store

_DERIVED, _SPLIT = EventKind.DERIVED, EventKind.SPLIT
_ALIQUOT, _RELATED, _KIND = 1, 9, 2  # places in ledger.REPLAY_COLUMNS


def verify_ledger_since(
    store: Store, seq: int, head_hash: str, aliquots: int, digest: str
) -> VerifyReport | None:
    """The ledger's report from the checkpoint at event ``seq`` (hash ``head_hash``, the
    ``aliquots`` count and derived-state ``digest`` it signed), or None when anything does
    not check out (then replay everything). See the module's docstring."""
    with store.scan_ledger(workers=0) as scan:
        if seq > 0 and scan.event_hash(seq) != head_hash:
            return None
        if seq > 0 and scan.first_unlinked(seq) is not None:
            return None
        touched: set[int] = set()
        last_id = seq
        for rows in scan.events_after(seq):
            if rows[0][0] != last_id + 1 or rows[-1][0] - last_id != len(rows):
                return None  # a gap: an event removed, or ids not as the ledger gives them
            last_id = rows[-1][0]
            for row in rows:
                touched.add(row[_ALIQUOT])
                if row[_KIND] == _DERIVED and row[_RELATED] is not None:
                    touched.add(row[_RELATED])
        report = VerifyReport(events=last_id, mode="routine")
        report.last_hash = head_hash if seq else GENESIS_HASH
        if last_id > seq:
            check = scan.range_check(seq + 1, last_id + 1)
            if check.suspect or check.unlinked or check.first_prev != report.last_hash:
                return None
            report.last_hash = check.last_hash or report.last_hash
        head = scan.head()
        if head is not None and head != (last_id, report.last_hash):
            return None
        named = scan.last_named_event()
        if named is not None and named > last_id:
            return None
        states, before = _replayed(scan, touched, seq)
        if states is None:
            return None
        if not _rows_hold(scan, report, states, before, aliquots, digest):
            return None
    report.replayed_aliquots = len(touched)
    return report


def _replayed(
    scan: LedgerScan, touched: set[int], seq: int
) -> tuple[dict[int, ReplayState] | None, dict[int, tuple[Any, ...]]]:
    """The touched aliquots replayed, and each one's line as it stood at event ``seq``
    (absent for an aliquot registered after it); None if an event cannot happen."""
    states: dict[int, ReplayState] = {}
    before: dict[int, tuple[Any, ...]] = {}
    events = {row[0]: row for rows in scan.histories(sorted(touched)) for row in rows}
    # what their splits gave, as their children's "derived" events say (a touched child's
    # comes twice: once each, by id)
    split = {row[_ALIQUOT] for row in events.values() if row[_KIND] == _SPLIT}
    if split:
        events.update(
            (row[0], row) for rows in scan.children_derived(sorted(split)) for row in rows
        )
    for event_id in sorted(events):
        (
            _, aliquot_id, kind, mass_ug, institution_id, person_id, courier_id, transfer_id,
            loan_id, related_id,
        ) = events[event_id]  # fmt: skip
        if kind == _DERIVED and related_id in touched:
            parent = states.setdefault(related_id, ReplayState())
            parent.derived_children_ug += mass_ug or 0
        if aliquot_id not in touched:
            continue  # a child's "derived" event, read for its parent
        state = states.setdefault(aliquot_id, ReplayState())
        if event_id > seq and aliquot_id not in before and state.status:
            before[aliquot_id] = state_line(aliquot_id, state)
        try:
            apply_event(
                state, event_id, kind, mass_ug, institution_id, person_id, courier_id,
                transfer_id, loan_id,
            )  # fmt: skip
        except RuleViolation:
            return None, before
        if kind == _SPLIT and related_id is None:
            state.derived_children_ug += mass_ug or 0  # as ledger._replay
    for aliquot_id, state in states.items():
        if aliquot_id not in before and state.status and (state.last_event_id or 0) <= seq:
            before[aliquot_id] = state_line(aliquot_id, state)  # untouched since (a parent)
    return states, before


def _rows_hold(
    scan: LedgerScan,
    report: VerifyReport,
    states: dict[int, ReplayState],
    before: dict[int, tuple[Any, ...]],
    aliquots: int,
    digest: str,
) -> bool:
    """Whether the touched aliquots' rows match their replay and every row, the touched as
    they were at the checkpoint, gives its digest; ``report`` gets the counts and the digest
    of the rows now."""
    now, then = hashlib.sha256(), hashlib.sha256()
    then_count = 0
    seen = 0
    found = VerifyReport()
    for rows in scan.aliquots():
        digest_lines(now, rows)
        report.aliquots += len(rows)
        old: list[tuple[Any, ...]] = []
        for row in rows:
            state = states.get(row[0])
            if state is None:
                old.append(row)
                continue
            seen += 1
            if tuple(row[2:]) != compared_values(state):
                return False
            check_invariants(state, row[1], found)
            line = before.get(row[0])
            if line is not None:
                old.append(line)
        digest_lines(then, old)
        then_count += len(old)
    if found.problems or seen != len(states):
        return False
    report.derived_digest = now.hexdigest()
    return then_count == aliquots and then.hexdigest() == digest
