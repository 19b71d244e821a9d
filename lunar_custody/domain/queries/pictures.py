"""Pictures of custody as plain values: an aliquot's custody timeline and a mass flow.

The samples view paints them with Qt and the aliquot's custody form draws them with
reportlab; both read these dataclasses and nothing else, so the screen and the paper show
the same lanes, handoffs and masses.

- The timeline's mass after each step is the aliquot's events replayed with
  ``ledger.apply_event``, the one definition of what an event does; its seals come from the
  events and its signatures from the custody form's handoffs (``aliquot_form_data``).
- The mass flow adds up the aliquots' ledger figures (the replayed state ``verify`` checks):
  each aliquot's current, consumed and lost mass, sorted by where it is now. The bands sum
  exactly to the original mass, to the microgram.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import operation as op
from ..errors import NotFoundError, RuleViolation
from ..ledger import EVENT_KINDS, ReplayState, apply_event
from ..masses import format_mass
from ..models import Aliquot, CustodyEvent, Institution, Sample
from ..numbering import normalize
from ..states import AliquotStatus, EventKind
from ..store import Store
from ..wording import Words
from .documents import Handoff, aliquot_form_data
from .ledger import EventRow, history

_domain_queries_pictures = Words("_domain_queries_pictures")

# The events that move an aliquot from one holder to another: the timeline's arrows.
HANDOFF_KINDS = (
    EventKind.RELEASED,
    EventKind.HANDED_OVER,
    EventKind.RECEIVED,
    EventKind.RETURNED,
)
# A mass flow with more parts than this merges the smallest into one band: a picture of
# forty slivers is read by nobody.
MAX_PARTS = 10


# ---------------------------------------------------------------------- timeline


@dataclass(frozen=True, slots=True)
class Lane:
    """One holder of the aliquot: an institution, or a courier (a person of a courier firm)."""

    key: str  # the institution's code, or 'code/courier name'
    name: str  # 'CNSA Lunar Sample Laboratory', 'Courier One (SECURE)'
    courier: bool


@dataclass(frozen=True, slots=True)
class TimelineStep:
    """One custody event, placed on the lanes: who held the aliquot before it and after."""

    event_id: int
    occurred_at: datetime
    kind: str
    label: str  # 'released to courier', as the ledger listing says
    from_lane: int | None  # index into the lanes; None for the first event
    to_lane: int
    mass_ug: int | None  # the aliquot's mass after the event (None: the replay refused it)
    mass_label: str
    seal: str  # '' when the event names no seal
    seal_intact: bool | None  # None: not checked at this step
    signatures: tuple[str, ...]  # 'Relinquished by Zhang Wei', 'Received by Emma Carter'
    transfer_number: str | None

    @property
    def handoff(self) -> bool:
        return self.kind in HANDOFF_KINDS


@dataclass(frozen=True, slots=True)
class CustodyTimeline:
    aliquot_number: str
    lanes: tuple[Lane, ...]  # in the order each first held the aliquot
    steps: tuple[TimelineStep, ...]

    @property
    def handoffs(self) -> tuple[TimelineStep, ...]:
        return tuple(step for step in self.steps if step.handoff)


def custody_timeline(store: Store, number: str) -> CustodyTimeline:
    """The custody timeline of aliquot ``number``: lanes, steps, seals, signatures, masses."""
    events = history(store, number)
    form = aliquot_form_data(store, number)
    with store.read() as session:
        found = session.execute(select(Institution.code, Institution.name))
        names = {code: name for code, name in found}
    return timeline_of(normalize(number), events, form.handoffs, names)


def timeline_of(
    number: str, events: list[EventRow], handoffs: tuple[Handoff, ...], names: dict[str, str]
) -> CustodyTimeline:
    """The timeline built from the ledger's events and the custody form's handoffs.

    A transfer's handoffs are, in order, its release, its courier hand-overs and its
    delivery: the same order as its events of the aliquot, so the n-th event of a transfer
    carries the n-th handoff's signatures.
    """
    by_transfer: dict[str, list[Handoff]] = defaultdict(list)
    for handoff in handoffs:
        by_transfer[handoff.transfer_number].append(handoff)
    lanes: list[Lane] = []
    index: dict[str, int] = {}
    steps: list[TimelineStep] = []
    state = ReplayState()
    replay_ok = True
    current: int | None = None
    for event in events:
        lane = _lane(event, names)
        if lane is None:  # an event that names no holder leaves it where it was
            to_lane = current if current is not None else 0
            if not lanes:
                lanes.append(Lane("", _domain_queries_pictures.said("unknown holder"), False))
                index[""] = 0
        else:
            if lane.key not in index:
                index[lane.key] = len(lanes)
                lanes.append(lane)
            to_lane = index[lane.key]
        if replay_ok:
            try:
                apply_event(
                    state, event.id, event.kind, event.mass_ug, None, None, None, None, None
                )
            except RuleViolation:
                replay_ok = False  # a ledger verify refuses: no masses from here on
        mass = state.current_mass_ug if replay_ok else None
        signatures: tuple[str, ...] = ()
        seal = event.seal_number or ""
        if event.kind in HANDOFF_KINDS and event.transfer_number:
            queue = by_transfer.get(event.transfer_number)
            if queue:
                handoff = queue.pop(0)
                signatures = tuple(
                    f"{slot.role} {slot.mark.printed_name}"
                    for slot in (handoff.relinquished, handoff.received)
                    if slot.mark is not None
                )
                seal = seal or handoff.seal
        steps.append(
            TimelineStep(
                event_id=event.id,
                occurred_at=event.occurred_at,
                kind=event.kind,
                label=EVENT_KINDS.get(event.kind, event.kind),
                from_lane=current,
                to_lane=to_lane,
                mass_ug=mass,
                mass_label=format_mass(mass),
                seal=seal,
                seal_intact=event.seal_intact,
                signatures=signatures,
                transfer_number=event.transfer_number,
            )
        )
        current = to_lane
    return CustodyTimeline(number, tuple(lanes), tuple(steps))


def _lane(event: EventRow, names: dict[str, str]) -> Lane | None:
    code = event.institution
    if event.courier:
        firm = f" ({code})" if code else ""
        return Lane(f"{code or ''}/{event.courier}", f"{event.courier}{firm}", True)
    if code:
        return Lane(code, names.get(code, code), False)
    return None


# ---------------------------------------------------------------------- mass flow


@dataclass(frozen=True, slots=True)
class FlowBand:
    key: str  # 'part:CE5C0400YJFM00501', 'consumed', 'held:BROWN'...
    name: str  # 'CE5C0400YJFM00501', 'consumed', 'held by Brown University'
    mass_ug: int

    @property
    def mass_label(self) -> str:
        return format_mass(self.mass_ug)

    @property
    def label(self) -> str:
        return f"{self.name}: {self.mass_label}"


@dataclass(frozen=True, slots=True)
class FlowLink:
    part: int  # index into MassFlow.parts
    outcome: int  # index into MassFlow.outcomes
    mass_ug: int


@dataclass(frozen=True, slots=True)
class MassFlow:
    """Where a sample's (or an aliquot's) mass went: into parts, and each part to outcomes.

    ``parts`` and ``outcomes`` each sum to ``total_ug`` exactly; ``links`` say how much of
    each part ended in each outcome (only links with mass).
    """

    subject: str  # 'sample CE5C0400', 'aliquot CE5C0400YJFM00501'
    total_name: str  # 'original mass', 'initial mass'
    total_ug: int
    parts: tuple[FlowBand, ...]
    outcomes: tuple[FlowBand, ...]
    links: tuple[FlowLink, ...]

    @property
    def total_label(self) -> str:
        return f"{self.total_name}: {format_mass(self.total_ug)}"


@dataclass(frozen=True, slots=True)
class _Row:
    id: int
    parent_id: int | None
    number: str
    status: str
    initial_ug: int
    current_ug: int
    children_ug: int
    consumed_ug: int
    lost_ug: int
    custodian_id: int | None


# The picture's words are said, so a window or a document can say them in its language.
_NOT_SPLIT = _domain_queries_pictures.said("not split into aliquots")
_CHILDREN_ELSEWHERE = _domain_queries_pictures.said("children recorded elsewhere")


def _kept_in(number: str) -> str:
    return _domain_queries_pictures.said("kept in {number}", number=number)


_CONSUMED, _LOST, _RETURNED = "consumed", "lost", "returned"
_IN_TRANSIT, _ELSEWHERE, _UNSPLIT = "in_transit", "elsewhere", "unsplit"


def sample_mass_flow(store: Store, number: str) -> MassFlow:
    """Sample ``number``'s original mass into its aliquots (and what was never split off),
    and where each went: consumed, lost, returned, held by whom, in transit."""
    with store.read() as session:
        sample = session.scalars(select(Sample).where(Sample.number == normalize(number))).first()
        if sample is None:
            raise NotFoundError(
                _domain_queries_pictures.said("There is no sample {sample}.", sample=number.strip())
            )
        rows, returned, names = _lineage(session, sample.id)
        tops = [r for r in rows.values() if r.parent_id is None]
        aliquoted = sum(r.initial_ug for r in tops)
        total = sample.original_mass_ug if sample.original_mass_ug is not None else aliquoted
        parts: list[tuple[FlowBand, dict[str, int]]] = [
            (FlowBand(f"part:{r.number}", r.number, r.initial_ug), _outcomes(r, rows, returned))
            for r in sorted(tops, key=_made)
        ]
        if total > aliquoted:
            unsplit = total - aliquoted
            parts.append((FlowBand("part:unsplit", _NOT_SPLIT, unsplit), {_UNSPLIT: unsplit}))
        subject = _domain_queries_pictures.said("sample {number}", number=sample.number)
        total_name = _domain_queries_pictures.said("original mass")
        return _flow(subject, total_name, total, parts, names)


def aliquot_mass_flow(store: Store, number: str) -> MassFlow:
    """Aliquot ``number``'s initial mass into what it kept and its children, and where each
    went: consumed, lost, returned, held by whom, in transit."""
    with store.read() as session:
        aliquot = op.aliquot(session, number)
        rows, returned, names = _lineage(session, aliquot.sample_id)
        root = rows[aliquot.id]
        own = _outcomes(root, rows, returned, descend=False)
        parts: list[tuple[FlowBand, dict[str, int]]] = [
            (FlowBand(f"part:{root.number}", _kept_in(root.number), sum(own.values())), own)
        ]
        children = sorted((r for r in rows.values() if r.parent_id == root.id), key=_made)
        parts += [
            (FlowBand(f"part:{r.number}", r.number, r.initial_ug), _outcomes(r, rows, returned))
            for r in children
        ]
        elsewhere = root.children_ug - sum(r.initial_ug for r in children)
        if elsewhere > 0:  # a split whose child another installation's ledger holds
            band = FlowBand("part:elsewhere", _CHILDREN_ELSEWHERE, elsewhere)
            parts.append((band, {_ELSEWHERE: elsewhere}))
        subject = _domain_queries_pictures.said("aliquot {number}", number=root.number)
        total_name = _domain_queries_pictures.said("initial mass")
        return _flow(subject, total_name, root.initial_ug, parts, names)


def _made(row: _Row) -> int:
    """In the order they were made (G2 before G10), as the aliquot's children are listed."""
    return row.id


def _lineage(session: Session, sample_id: int) -> tuple[dict[int, _Row], set[int], dict[int, str]]:
    """Every aliquot of a sample with its ledger figures, those back at the lender after a
    return, and the institutions' names."""
    rows = {
        row[0]: _Row(*tuple(row))
        for row in session.execute(
            select(
                Aliquot.id,
                Aliquot.parent_id,
                Aliquot.number,
                Aliquot.status,
                Aliquot.initial_mass_ug,
                Aliquot.current_mass_ug,
                Aliquot.children_mass_ug,
                Aliquot.consumed_mass_ug,
                Aliquot.lost_mass_ug,
                Aliquot.custodian_institution_id,
            ).where(Aliquot.sample_id == sample_id)
        )
    }
    returned = set(
        session.scalars(
            select(CustodyEvent.aliquot_id)
            .join(Aliquot, Aliquot.id == CustodyEvent.aliquot_id)
            .where(Aliquot.sample_id == sample_id, CustodyEvent.kind == EventKind.RETURNED)
            .distinct()
        )
    )
    names = {key: name for key, name in session.execute(select(Institution.id, Institution.name))}
    return rows, returned, names


def _outcomes(
    top: _Row, rows: dict[int, _Row], returned: set[int], *, descend: bool = True
) -> dict[str, int]:
    """Where the mass of ``top`` (and, with ``descend``, of every aliquot split off it) is now:
    outcome key -> micrograms. 'held:<institution id>' for mass in storage."""
    children: dict[int | None, list[_Row]] = defaultdict(list)
    for row in rows.values():
        children[row.parent_id].append(row)
    found: dict[str, int] = defaultdict(int)
    pending = [top]
    while pending:
        row = pending.pop()
        found[_CONSUMED] += row.consumed_ug
        found[_LOST] += row.lost_ug
        if row.current_ug:
            if row.status == AliquotStatus.IN_TRANSIT:
                found[_IN_TRANSIT] += row.current_ug
            elif row.id in returned:
                found[_RETURNED] += row.current_ug
            else:
                found[f"held:{row.custodian_id}"] += row.current_ug
        if descend:
            kids = children.get(row.id, [])
            missing = row.children_ug - sum(k.initial_ug for k in kids)
            if missing > 0:
                found[_ELSEWHERE] += missing
            pending.extend(kids)
    return {key: mass for key, mass in found.items() if mass}


def _flow(
    subject: str,
    total_name: str,
    total: int,
    parts: list[tuple[FlowBand, dict[str, int]]],
    names: dict[int, str],
) -> MassFlow:
    if len(parts) > MAX_PARTS:
        kept, merged = parts[: MAX_PARTS - 1], parts[MAX_PARTS - 1 :]
        together: dict[str, int] = defaultdict(int)
        for _, found in merged:
            for key, mass in found.items():
                together[key] += mass
        mass = sum(band.mass_ug for band, _ in merged)
        count = f"{len(merged):,}"
        if len(merged) == 1:
            more = _domain_queries_pictures.said("{count} more part", count=count)
        else:
            more = _domain_queries_pictures.said("{count} more parts", count=count)
        parts = [*kept, (FlowBand("part:more", more, mass), together)]
    keys: set[str] = {key for _, outcomes in parts for key in outcomes}
    # consumed, lost and returned always show (a zero says so); then who holds the rest
    order = [_CONSUMED, _LOST, _RETURNED]
    held = sorted((k for k in keys if k.startswith("held:")), key=lambda k: _held_name(k, names))
    order += held + [k for k in (_IN_TRANSIT, _ELSEWHERE, _UNSPLIT) if k in keys]
    outcome_names = {
        _CONSUMED: _domain_queries_pictures.said("consumed"),
        _LOST: _domain_queries_pictures.said("lost"),
        _RETURNED: _domain_queries_pictures.said("returned"),
        _IN_TRANSIT: _domain_queries_pictures.said("in transit"),
        _ELSEWHERE: _domain_queries_pictures.said("in aliquots recorded elsewhere"),
        _UNSPLIT: _NOT_SPLIT,
    }
    outcomes = tuple(
        FlowBand(
            key,
            outcome_names.get(key)
            or _domain_queries_pictures.said("held by {holder}", holder=_held_name(key, names)),
            sum(o.get(key, 0) for _, o in parts),
        )
        for key in order
    )
    position = {band.key: i for i, band in enumerate(outcomes)}
    links = tuple(
        FlowLink(p, position[key], mass)
        for p, (_, found) in enumerate(parts)
        for key, mass in sorted(found.items(), key=lambda item: position[item[0]])
    )
    return MassFlow(subject, total_name, total, tuple(b for b, _ in parts), outcomes, links)


def _held_name(key: str, names: dict[int, str]) -> str:
    raw = key.removeprefix("held:")
    if not raw.isdigit():
        return _domain_queries_pictures.said("no custodian")
    return names.get(int(raw)) or _domain_queries_pictures.said("an unknown holder")
