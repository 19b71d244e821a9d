"""Read-only questions the GUI, the CLI and the documents ask, answered as plain dataclasses."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, case, extract, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from . import clock
from . import operation as op
from .custody import IN_TRANSIT_T, PREPARED
from .errors import NotFoundError
from .ledger import (
    EVENT_KINDS,
    STATUS_LABELS,
    VerifyReport,
    verify_ledger,
)
from .listings import contains, outstanding_items, overdue_clause
from .loans import ACTIVE, ItemReconciliation, reconciliation
from .models import (
    Aliquot,
    CustodyEvent,
    Discrepancy,
    Institution,
    Loan,
    LoanItem,
    Person,
    Sample,
    Signature,
    Transfer,
    TransferItem,
)
from .numbering import normalize
from .store import ProgressCallback, Store


@dataclass(frozen=True)
class AliquotStatus:
    number: str
    sample_number: str
    parent_number: str | None
    children: list[str]
    form: str
    container: str
    seal_number: str
    status: str
    status_label: str
    initial_mass_ug: int
    current_mass_ug: int
    children_mass_ug: int
    consumed_mass_ug: int
    lost_mass_ug: int
    custodian_institution: str | None
    custodian_person: str | None
    courier: str | None
    transfer_number: str | None
    loan_number: str | None
    last_event_id: int | None


@dataclass(frozen=True)
class EventRow:
    id: int
    occurred_at: datetime
    kind: str
    label: str
    aliquot_number: str
    actor: str
    institution: str | None
    custodian: str | None
    courier: str | None
    transfer_number: str | None
    loan_number: str | None
    mass_ug: int | None
    related_aliquot: str | None
    corrects_event_id: int | None
    seal_number: str | None
    seal_intact: bool | None
    note: str
    hash: str


def aliquot_status(store: Store, number: str) -> AliquotStatus:
    with store.read() as session:
        row = op.aliquot(session, number)
        return _status_of(session, row)


def _status_of(session: Session, row: Aliquot) -> AliquotStatus:
    def name(model: type[Institution] | type[Person], key: int | None) -> str | None:
        if key is None:
            return None
        found = session.get(model, key)
        return found.name if isinstance(found, Institution) else found.full_name if found else None

    children = session.scalars(
        select(Aliquot.number).where(Aliquot.parent_id == row.id).order_by(Aliquot.id)
    ).all()
    transfer = session.get(Transfer, row.transfer_id) if row.transfer_id else None
    loan = session.get(Loan, row.loan_id) if row.loan_id else None
    return AliquotStatus(
        number=row.number,
        sample_number=row.sample.number,
        parent_number=row.parent.number if row.parent else None,
        children=list(children),
        form=row.form,
        container=row.container,
        seal_number=row.seal_number,
        status=row.status,
        status_label=STATUS_LABELS.get(row.status, row.status),
        initial_mass_ug=row.initial_mass_ug,
        current_mass_ug=row.current_mass_ug,
        children_mass_ug=row.children_mass_ug,
        consumed_mass_ug=row.consumed_mass_ug,
        lost_mass_ug=row.lost_mass_ug,
        custodian_institution=name(Institution, row.custodian_institution_id),
        custodian_person=name(Person, row.custodian_person_id),
        courier=name(Person, row.courier_id),
        transfer_number=transfer.number if transfer else None,
        loan_number=loan.number if loan else None,
        last_event_id=row.last_event_id,
    )


@functools.cache
def _event_statement() -> Select[Any]:
    """The events with the names they refer to, built once: building this select costs
    more than running it for one aliquot's history (the profile of the samples view)."""
    actor = aliased(Person)
    custodian = aliased(Person)
    courier = aliased(Person)
    related = aliased(Aliquot)
    return (
        select(
            CustodyEvent,
            Aliquot.number,
            actor.full_name,
            Institution.code,
            custodian.full_name,
            courier.full_name,
            Transfer.number,
            Loan.number,
            related.number,
        )
        .join(Aliquot, Aliquot.id == CustodyEvent.aliquot_id)
        .join(actor, actor.id == CustodyEvent.actor_id)
        .outerjoin(Institution, Institution.id == CustodyEvent.institution_id)
        .outerjoin(custodian, custodian.id == CustodyEvent.custodian_person_id)
        .outerjoin(courier, courier.id == CustodyEvent.courier_id)
        .outerjoin(Transfer, Transfer.id == CustodyEvent.transfer_id)
        .outerjoin(Loan, Loan.id == CustodyEvent.loan_id)
        .outerjoin(related, related.id == CustodyEvent.related_aliquot_id)
        .order_by(CustodyEvent.id)
    )


def _event_rows(
    session: Session, where: list[object], limit: int | None = None, offset: int = 0
) -> list[EventRow]:
    statement = _event_statement().where(*where).offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    rows = []
    for event, number, actor_name, inst, cust, cour, transfer, loan, rel in session.execute(
        statement
    ):
        rows.append(
            EventRow(
                id=event.id,
                occurred_at=event.occurred_at,
                kind=event.kind,
                label=EVENT_KINDS.get(event.kind, event.kind),
                aliquot_number=number,
                actor=actor_name,
                institution=inst,
                custodian=cust,
                courier=cour,
                transfer_number=transfer,
                loan_number=loan,
                mass_ug=event.mass_ug,
                related_aliquot=rel,
                corrects_event_id=event.corrects_event_id,
                seal_number=event.seal_number,
                seal_intact=event.seal_intact,
                note=event.note,
                hash=event.hash,
            )
        )
    return rows


def history(store: Store, number: str, *, with_ancestors: bool = False) -> list[EventRow]:
    """The chain of custody of one aliquot (and, if asked, of the aliquots it came from)."""
    with store.read() as session:
        row = op.aliquot(session, number)
        ids = [row.id]
        parent = row.parent
        while with_ancestors and parent is not None:
            ids.append(parent.id)
            parent = parent.parent
        return _event_rows(session, [CustodyEvent.aliquot_id.in_(ids)])


def events(
    store: Store,
    *,
    kind: str | None = None,
    aliquot_prefix: str | None = None,
    after_id: int = 0,
    limit: int = 500,
) -> list[EventRow]:
    """A page of the ledger, oldest first, for the ledger view and exports."""
    where: list[object] = [CustodyEvent.id > after_id]
    if kind:
        where.append(CustodyEvent.kind == kind)
    if aliquot_prefix:
        where.append(Aliquot.number.startswith(normalize(aliquot_prefix), autoescape=True))
    with store.read() as session:
        return _event_rows(session, where, limit=limit)


@dataclass(frozen=True)
class LoanSummary:
    number: str
    status: str
    borrower: str
    borrower_code: str
    principal_investigator: str
    purpose: str
    starts_on: date
    due_on: date
    items: int
    outstanding_items: int
    overdue: bool
    destructive_analysis_allowed: bool


def loans(
    store: Store,
    *,
    status: str | None = None,
    today: date | None = None,
    search: str = "",
    number: str | None = None,
    overdue_only: bool = False,
) -> list[LoanSummary]:
    """Loans with their outstanding items and whether they are overdue."""
    today = today or date.today()
    pi = aliased(Person)
    item_count = (
        select(func.count())
        .select_from(LoanItem)
        .where(LoanItem.loan_id == Loan.id)
        .scalar_subquery()
    )
    outstanding = outstanding_items()
    statement = (
        select(Loan, Institution.name, Institution.code, pi.full_name, item_count, outstanding)
        .join(Institution, Institution.id == Loan.borrower_institution_id)
        .join(pi, pi.id == Loan.principal_investigator_id)
        .order_by(Loan.number)
    )
    if status:
        statement = statement.where(Loan.status == status)
    if number is not None:
        statement = statement.where(Loan.number == number)
    if overdue_only:
        statement = statement.where(overdue_clause(today))
    if search.strip():
        text = search.strip()
        statement = statement.where(
            contains(Loan.number, text)
            | contains(Institution.name, text)
            | contains(pi.full_name, text)
            | contains(Institution.code, text)
        )
    with store.read() as session:
        return [
            LoanSummary(
                number=loan.number,
                status=loan.status,
                borrower=borrower,
                borrower_code=code,
                principal_investigator=pi_name,
                purpose=loan.purpose,
                starts_on=loan.starts_on,
                due_on=loan.due_on,
                items=items,
                outstanding_items=out,
                overdue=loan.status == ACTIVE and loan.due_on < today and out > 0,
                destructive_analysis_allowed=loan.destructive_analysis_allowed,
            )
            for loan, borrower, code, pi_name, items, out in session.execute(statement)
        ]


def overdue_loans(store: Store, today: date | None = None) -> list[LoanSummary]:
    return loans(store, today=today, overdue_only=True)


@dataclass(frozen=True)
class SignatureRow:
    printed_name: str
    institution_name: str
    meaning: str
    signed_at: datetime
    method: str
    content_hash: str
    has_drawing: bool


def signatures(session: Session, record_type: str, record_id: int) -> list[SignatureRow]:
    return [
        SignatureRow(
            s.printed_name,
            s.institution_name,
            s.meaning,
            s.signed_at,
            s.method,
            s.content_hash,
            s.drawing_png is not None,
        )
        for s in session.scalars(
            select(Signature)
            .where(Signature.record_type == record_type, Signature.record_id == record_id)
            .order_by(Signature.id)
        )
    ]


@dataclass(frozen=True)
class LoanDetail:
    summary: LoanSummary
    lender: str
    co_investigators: str
    notes: str
    items: list[ItemReconciliation]
    signatures: list[SignatureRow]


def loan_detail(store: Store, number: str, today: date | None = None) -> LoanDetail:
    with store.read() as session:
        loan = op.loan(session, number)
        (summary,) = loans(store, today=today, number=loan.number)
        return LoanDetail(
            summary=summary,
            lender=loan.lender.name,
            co_investigators=loan.co_investigators,
            notes=loan.notes,
            items=reconciliation(session, loan),
            signatures=signatures(session, "loan", loan.id),
        )


@dataclass(frozen=True)
class TransferSummary:
    number: str
    kind: str
    status: str
    loan_number: str | None
    from_institution: str
    to_institution: str
    receiver: str
    courier: str
    seal_number: str
    items: int
    prepared_at: datetime
    released_at: datetime | None
    received_at: datetime | None
    legs: int


def transfers(
    store: Store, *, status: str | None = None, courier: str | None = None
) -> list[TransferSummary]:
    with store.read() as session:
        statement = select(Transfer).order_by(Transfer.number)
        if status:
            statement = statement.where(Transfer.status == status)
        if courier:
            statement = statement.join(Person, Person.id == Transfer.courier_id).where(
                Person.username == courier
            )
        return [
            TransferSummary(
                number=t.number,
                kind=t.kind,
                status=t.status,
                loan_number=t.loan.number if t.loan else None,
                from_institution=t.from_institution.name,
                to_institution=t.to_institution.name,
                receiver=t.receiver.full_name,
                courier=t.courier.full_name,
                seal_number=t.seal_number,
                items=len(t.items),
                prepared_at=t.prepared_at,
                released_at=t.released_at,
                received_at=t.received_at,
                legs=len(t.legs),
            )
            for t in session.scalars(statement)
        ]


@dataclass(frozen=True)
class DiscrepancyRow:
    id: int
    transfer_number: str
    aliquot_number: str | None
    kind: str
    expected_mass_ug: int | None
    measured_mass_ug: int | None
    note: str
    raised_at: datetime
    resolved: bool
    resolution: str | None


def discrepancies(store: Store, *, open_only: bool = True) -> list[DiscrepancyRow]:
    with store.read() as session:
        statement = select(Discrepancy).order_by(Discrepancy.id)
        if open_only:
            statement = statement.where(Discrepancy.resolved_at.is_(None))
        return [
            DiscrepancyRow(
                id=d.id,
                transfer_number=d.transfer.number,
                aliquot_number=d.aliquot.number if d.aliquot else None,
                kind=d.kind,
                expected_mass_ug=d.expected_mass_ug,
                measured_mass_ug=d.measured_mass_ug,
                note=d.note,
                raised_at=d.raised_at,
                resolved=d.resolved_at is not None,
                resolution=d.resolution,
            )
            for d in session.scalars(statement)
        ]


@dataclass(frozen=True)
class Totals:
    institutions: int
    people: int
    samples: int
    aliquots: int
    events: int
    loans_by_status: dict[str, int]
    transfers_by_status: dict[str, int]
    open_discrepancies: int
    aliquots_by_status: dict[str, int]


def totals(store: Store) -> Totals:
    """Counts for summaries (the demo's printout, the dashboard)."""
    with store.read() as session:

        def count(model: type[object]) -> int:
            return session.scalar(select(func.count()).select_from(model)) or 0  # type: ignore[arg-type]

        def by(column: object) -> dict[str, int]:
            return dict(session.execute(select(column, func.count()).group_by(column)).all())  # type: ignore[arg-type]

        return Totals(
            institutions=count(Institution),
            people=count(Person),
            samples=count(Sample),
            aliquots=count(Aliquot),
            events=count(CustodyEvent),
            loans_by_status=by(Loan.status),
            transfers_by_status=by(Transfer.status),
            open_discrepancies=session.scalar(
                select(func.count())
                .select_from(Discrepancy)
                .where(Discrepancy.resolved_at.is_(None))
            )
            or 0,
            aliquots_by_status=by(Aliquot.status),
        )


def verify(store: Store, progress: ProgressCallback | None = None) -> VerifyReport:
    """Recompute the ledger (see ledger.verify_ledger) in one read transaction."""
    return verify_ledger(store, progress)


def has_users(store: Store) -> bool:
    """False for a new database: the first run creates the lender and its administrator."""
    with store.read() as session:
        return session.scalar(select(Person.id).limit(1)) is not None


# ---------------------------------------------------------------------- a transfer in detail


@dataclass(frozen=True)
class TransferItemRow:
    aliquot_number: str
    expected_mass_ug: int
    measured_mass_ug: int | None
    status: str  # the aliquot's status now


@dataclass(frozen=True)
class LegRow:
    seq: int
    courier: str
    handed_over_by: str
    started_at: datetime
    ended_at: datetime | None


@dataclass(frozen=True)
class DiscrepancyDetail:
    id: int
    transfer_number: str
    aliquot_number: str | None
    kind: str
    expected_mass_ug: int | None
    measured_mass_ug: int | None
    note: str
    raised_at: datetime
    raised_by: str
    resolved_at: datetime | None
    resolved_by: str | None
    resolution: str | None
    resolution_note: str
    lender_code: str  # the institution whose curators resolve it
    has_photo: bool


@dataclass(frozen=True)
class TransferDetail:
    number: str
    kind: str
    status: str
    loan_number: str | None
    from_code: str
    from_institution: str
    to_code: str
    to_institution: str
    sender: str
    receiver: str
    receiver_username: str
    courier: str
    courier_username: str
    container: str
    seal_number: str
    notes: str
    prepared_at: datetime
    released_at: datetime | None
    received_at: datetime | None
    received_by: str | None
    items: list[TransferItemRow]
    legs: list[LegRow]
    signatures: list[SignatureRow]
    discrepancies: list[DiscrepancyDetail]


def _discrepancy_detail(session: Session, found: Discrepancy) -> DiscrepancyDetail:
    def name(person_id: int | None) -> str | None:
        person = session.get(Person, person_id) if person_id is not None else None
        return person.full_name if person else None

    transfer = found.transfer
    lender = transfer.loan.lender if transfer.loan else transfer.from_institution
    return DiscrepancyDetail(
        id=found.id,
        transfer_number=transfer.number,
        aliquot_number=found.aliquot.number if found.aliquot else None,
        kind=found.kind,
        expected_mass_ug=found.expected_mass_ug,
        measured_mass_ug=found.measured_mass_ug,
        note=found.note,
        raised_at=found.raised_at,
        raised_by=name(found.raised_by_id) or "",
        resolved_at=found.resolved_at,
        resolved_by=name(found.resolved_by_id),
        resolution=found.resolution,
        resolution_note=found.resolution_note,
        lender_code=lender.code,
        has_photo=found.photo is not None,
    )


def transfer_detail(store: Store, number: str) -> TransferDetail:
    """One package: its items and masses, the couriers' legs, signatures, discrepancies."""
    with store.read() as session:
        t = op.transfer(session, number)
        items = [
            TransferItemRow(aliquot, expected, measured, status)
            for aliquot, expected, measured, status in session.execute(
                select(
                    Aliquot.number,
                    TransferItem.expected_mass_ug,
                    TransferItem.measured_mass_ug,
                    Aliquot.status,
                )
                .join(Aliquot, Aliquot.id == TransferItem.aliquot_id)
                .where(TransferItem.transfer_id == t.id)
                .order_by(TransferItem.id)
            )
        ]
        legs = [
            LegRow(
                leg.seq,
                leg.courier.full_name,
                leg.handed_over_by.full_name,
                leg.started_at,
                leg.ended_at,
            )
            for leg in t.legs
        ]
        found = session.scalars(
            select(Discrepancy).where(Discrepancy.transfer_id == t.id).order_by(Discrepancy.id)
        ).all()
        received_by = session.get(Person, t.received_by_id) if t.received_by_id else None
        return TransferDetail(
            number=t.number,
            kind=t.kind,
            status=t.status,
            loan_number=t.loan.number if t.loan else None,
            from_code=t.from_institution.code,
            from_institution=t.from_institution.name,
            to_code=t.to_institution.code,
            to_institution=t.to_institution.name,
            sender=t.sender.full_name,
            receiver=t.receiver.full_name,
            receiver_username=t.receiver.username,
            courier=t.courier.full_name,
            courier_username=t.courier.username,
            container=t.container,
            seal_number=t.seal_number,
            notes=t.notes,
            prepared_at=t.prepared_at,
            released_at=t.released_at,
            received_at=t.received_at,
            received_by=received_by.full_name if received_by else None,
            items=items,
            legs=legs,
            signatures=signatures(session, "transfer", t.id),
            discrepancies=[_discrepancy_detail(session, d) for d in found],
        )


def discrepancy_detail(store: Store, discrepancy_id: int) -> DiscrepancyDetail:
    with store.read() as session:
        found = session.get(Discrepancy, discrepancy_id)
        if found is None:
            raise NotFoundError(f"There is no discrepancy #{discrepancy_id}.")
        return _discrepancy_detail(session, found)


def discrepancy_photo(store: Store, discrepancy_id: int) -> bytes | None:
    """The photo taken at receipt (loaded only when someone looks at it)."""
    with store.read() as session:
        return session.scalar(select(Discrepancy.photo).where(Discrepancy.id == discrepancy_id))


# ---------------------------------------------------------------------- building a package


@dataclass(frozen=True)
class PackageCandidate:
    """A scanned aliquot as a package sees it: who holds it and under which loan."""

    number: str
    status: str
    mass_ug: int
    container: str
    holder_code: str | None
    holder: str | None
    # The loan it is out on or, at the lender, the active loan that lists it unshipped.
    loan_number: str | None
    packed_in: str | None  # a prepared transfer that holds it already


def package_candidate(store: Store, number: str) -> PackageCandidate:
    with store.read() as session:
        row = op.aliquot(session, number)
        holder = (
            session.get(Institution, row.custodian_institution_id)
            if row.custodian_institution_id is not None
            else None
        )
        if row.loan_id is not None:
            loan_number = session.scalar(select(Loan.number).where(Loan.id == row.loan_id))
        else:
            loan_number = session.scalar(
                select(Loan.number)
                .join(LoanItem, LoanItem.loan_id == Loan.id)
                .where(
                    LoanItem.aliquot_id == row.id,
                    LoanItem.shipped_at.is_(None),
                    Loan.status == ACTIVE,
                )
                .order_by(Loan.id)
                .limit(1)
            )
        packed_in = session.scalar(
            select(Transfer.number)
            .join(TransferItem, TransferItem.transfer_id == Transfer.id)
            .where(TransferItem.aliquot_id == row.id, Transfer.status == PREPARED)
            .limit(1)
        )
        return PackageCandidate(
            number=row.number,
            status=row.status,
            mass_ug=row.current_mass_ug,
            container=row.container,
            holder_code=holder.code if holder else None,
            holder=holder.name if holder else None,
            loan_number=loan_number,
            packed_in=packed_in,
        )


# Combo boxes list at most this many choices (a search box is the tool beyond that).
CHOICE_LIMIT = 500


@dataclass(frozen=True)
class PersonChoice:
    username: str
    full_name: str
    institution_code: str
    institution: str


def people_choices(
    store: Store,
    *,
    roles: tuple[str, ...],
    institution_code: str | None = None,
    exclude_institution_code: str | None = None,
    limit: int = CHOICE_LIMIT,
) -> list[PersonChoice]:
    """Active people having one of ``roles``, by institution and name."""
    padded = literal(",") + Person.roles + literal(",")
    statement = (
        select(Person.username, Person.full_name, Institution.code, Institution.name)
        .join(Institution, Institution.id == Person.institution_id)
        .where(Person.active.is_(True), or_(*(padded.like(f"%,{role},%") for role in roles)))
        .order_by(Institution.code, Person.full_name, Person.username)
        .limit(limit)
    )
    if institution_code is not None:
        statement = statement.where(Institution.code == institution_code)
    if exclude_institution_code is not None:
        statement = statement.where(Institution.code != exclude_institution_code)
    with store.read() as session:
        return [PersonChoice(*row) for row in session.execute(statement)]


@dataclass(frozen=True)
class LoanChoice:
    number: str
    lender_code: str
    borrower_code: str
    borrower: str
    principal_investigator: str  # user name
    due_on: date


def active_loan_choices(
    store: Store, institution_code: str, *, limit: int = CHOICE_LIMIT
) -> list[LoanChoice]:
    """Active loans the institution lends or borrows under, newest first."""
    lender = aliased(Institution)
    borrower = aliased(Institution)
    statement = (
        select(Loan.number, lender.code, borrower.code, borrower.name, Person.username, Loan.due_on)
        .join(lender, lender.id == Loan.lender_institution_id)
        .join(borrower, borrower.id == Loan.borrower_institution_id)
        .join(Person, Person.id == Loan.principal_investigator_id)
        .where(
            Loan.status == ACTIVE,
            or_(lender.code == institution_code, borrower.code == institution_code),
        )
        .order_by(Loan.id.desc())
        .limit(limit)
    )
    with store.read() as session:
        return [LoanChoice(*row) for row in session.execute(statement)]


# ---------------------------------------------------------------------- administration


@dataclass(frozen=True)
class InstitutionDetail:
    code: str
    name: str
    local_name: str | None
    kind: str
    country: str
    address: str
    active: bool


def institution_detail(store: Store, code: str) -> InstitutionDetail:
    with store.read() as session:
        row = op.institution(session, code)
        return InstitutionDetail(
            row.code, row.name, row.local_name, row.kind, row.country, row.address, row.active
        )


def institution_choices(store: Store, *, limit: int = CHOICE_LIMIT) -> list[tuple[str, str]]:
    """(code, name) of the active institutions, by code."""
    with store.read() as session:
        return [
            (code, name)
            for code, name in session.execute(
                select(Institution.code, Institution.name)
                .where(Institution.active.is_(True))
                .order_by(Institution.code)
                .limit(limit)
            )
        ]


@dataclass(frozen=True)
class PersonDetail:
    username: str
    full_name: str
    local_name: str | None
    email: str
    institution_code: str
    institution: str
    roles: frozenset[str]
    active: bool
    has_pin: bool
    locked_until: datetime | None

    def locked(self, now: datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or clock.now())


def person_detail(store: Store, username: str) -> PersonDetail:
    with store.read() as session:
        row = op.person(session, username)
        return PersonDetail(
            username=row.username,
            full_name=row.full_name,
            local_name=row.local_name,
            email=row.email,
            institution_code=row.institution.code,
            institution=row.institution.name,
            roles=row.role_set,
            active=row.active,
            has_pin=row.pin_hash is not None,
            locked_until=row.locked_until,
        )


# ---------------------------------------------------------------------- dashboard

# Tiers of active loans with material still out, by days left until the due date
# (negative: overdue). (key, label, fewest days left, most days left); None is open-ended.
DUE_TIERS: tuple[tuple[str, str, int | None, int], ...] = (
    ("due_30", "Due within 30 days", 8, 30),
    ("due_7", "Due within 7 days", 1, 7),
    ("overdue_7", "Due today or overdue up to 7 days", -7, 0),
    ("overdue_30", "Overdue 8 to 30 days", -30, -8),
    ("overdue_more", "Overdue more than 30 days", None, -31),
)
DUE_HORIZON_DAYS = 30
INVENTORY_HORIZON_DAYS = 30
DASHBOARD_LIMIT = 50


def due_tier(due_on: date, today: date) -> str | None:
    """The DUE_TIERS key of a loan due on ``due_on`` (None: due later than the horizon)."""
    left = (due_on - today).days
    for key, _label, low, high in DUE_TIERS:
        if (low is None or left >= low) and left <= high:
            return key
    return None


def _tier_clause(today: date, low: int | None, high: int) -> object:
    upper = Loan.due_on <= today + timedelta(days=high)
    return upper if low is None else and_(Loan.due_on >= today + timedelta(days=low), upper)


@dataclass(frozen=True)
class InTransitRow:
    number: str
    released_at: datetime
    age: timedelta
    courier: str
    from_institution: str
    to_institution: str
    items: int
    loan_number: str | None


@dataclass(frozen=True)
class DueLoanRow:
    number: str
    borrower: str
    principal_investigator: str
    due_on: date
    days_left: int  # negative: overdue by that many days
    tier: str
    outstanding_items: int


@dataclass(frozen=True)
class InventoryRow:
    number: str
    borrower: str
    starts_on: date
    anniversary: date
    outstanding_items: int


@dataclass(frozen=True)
class Dashboard:
    """What needs attention, each list the ``limit`` most urgent rows with a full count."""

    today: date
    limit: int
    in_transit_count: int
    in_transit: list[InTransitRow]  # oldest release first
    due_counts: dict[str, int]  # DUE_TIERS key -> count
    overdue_count: int  # past the due date (a loan due today is not overdue yet)
    due_loans: list[DueLoanRow]  # earliest due date first
    open_discrepancy_count: int
    open_discrepancies: list[DiscrepancyRow]  # oldest first
    inventory_count: int
    inventories: list[InventoryRow]  # nearest anniversary first


def _mmdd(day: date) -> int:
    return day.month * 100 + day.day


def _anniversary(starts_on: date, today: date) -> date:
    """The first anniversary of ``starts_on`` on or after ``today`` (29 February: the 28th)."""
    for year in (today.year, today.year + 1):
        try:
            candidate = starts_on.replace(year=year)
        except ValueError:
            candidate = date(year, 2, 28)
        if candidate >= today:
            return candidate
    return date(today.year + 1, starts_on.month, min(starts_on.day, 28))


def dashboard(
    store: Store,
    today: date | None = None,
    *,
    now: datetime | None = None,
    limit: int = DASHBOARD_LIMIT,
) -> Dashboard:
    """Packages in transit, loans by due tier, open discrepancies and annual inventories.

    Loans count only while active with material outstanding: a loan whose material is all
    back (returned, awaiting publication and closing) is not due. An annual inventory is due
    for an active loan with material out whose next anniversary of ``starts_on`` falls within
    INVENTORY_HORIZON_DAYS (no inventory is recorded yet, so the start date is the reference).
    """
    today = today or date.today()
    now = now or clock.now()
    outstanding = outstanding_items()
    courier = aliased(Person)
    source = aliased(Institution)
    target = aliased(Institution)
    borrower = aliased(Institution)
    pi = aliased(Person)
    item_count = (
        select(func.count())
        .select_from(TransferItem)
        .where(TransferItem.transfer_id == Transfer.id)
        .scalar_subquery()
    )
    carrying = Transfer.status == IN_TRANSIT_T
    loans_out = and_(Loan.status == ACTIVE, outstanding > 0)

    window_end = today + timedelta(days=INVENTORY_HORIZON_DAYS)
    start, end = _mmdd(today), _mmdd(window_end)
    mmdd = extract("month", Loan.starts_on) * 100 + extract("day", Loan.starts_on)
    in_window = (mmdd >= start) & (mmdd <= end) if start <= end else (mmdd >= start) | (mmdd <= end)
    try:
        year_before_end = window_end.replace(year=window_end.year - 1)
    except ValueError:  # 29 February
        year_before_end = date(window_end.year - 1, 2, 28)
    # The anniversary in the window is at least one year after the start, not the start itself.
    inventory_due = and_(loans_out, in_window, Loan.starts_on <= year_before_end)

    with store.read() as session:
        in_transit_count = (
            session.scalar(select(func.count()).select_from(Transfer).where(carrying)) or 0
        )
        in_transit = [
            InTransitRow(number, released, now - released, who, frm, to, items, loan)
            for number, released, who, frm, to, items, loan in session.execute(
                select(
                    Transfer.number,
                    Transfer.released_at,
                    courier.full_name,
                    source.name,
                    target.name,
                    item_count,
                    Loan.number,
                )
                .join(courier, courier.id == Transfer.courier_id)
                .join(source, source.id == Transfer.from_institution_id)
                .join(target, target.id == Transfer.to_institution_id)
                .outerjoin(Loan, Loan.id == Transfer.loan_id)
                .where(carrying)
                .order_by(Transfer.released_at, Transfer.id)
                .limit(limit)
            )
        ]

        sums = [
            func.coalesce(func.sum(case((_tier_clause(today, low, high), 1), else_=0)), 0)
            for _key, _label, low, high in DUE_TIERS
        ]
        sums.append(func.coalesce(func.sum(case((Loan.due_on < today, 1), else_=0)), 0))
        *counted, overdue_count = session.execute(
            select(*sums)
            .select_from(Loan)
            .where(loans_out, Loan.due_on <= today + timedelta(days=DUE_HORIZON_DAYS))
        ).one()
        due_counts = {key: int(n) for (key, *_), n in zip(DUE_TIERS, counted, strict=True)}
        due_loans = []
        for number, who, pi_name, due_on, out in session.execute(
            select(Loan.number, borrower.name, pi.full_name, Loan.due_on, outstanding)
            .join(borrower, borrower.id == Loan.borrower_institution_id)
            .join(pi, pi.id == Loan.principal_investigator_id)
            .where(loans_out, Loan.due_on <= today + timedelta(days=DUE_HORIZON_DAYS))
            .order_by(Loan.due_on, Loan.id)
            .limit(limit)
        ):
            tier = due_tier(due_on, today)
            assert tier is not None
            due_loans.append(
                DueLoanRow(number, who, pi_name, due_on, (due_on - today).days, tier, out)
            )

        open_only = Discrepancy.resolved_at.is_(None)
        open_count = (
            session.scalar(select(func.count()).select_from(Discrepancy).where(open_only)) or 0
        )
        open_rows = [
            DiscrepancyRow(
                id=d.id,
                transfer_number=number,
                aliquot_number=aliquot,
                kind=d.kind,
                expected_mass_ug=d.expected_mass_ug,
                measured_mass_ug=d.measured_mass_ug,
                note=d.note,
                raised_at=d.raised_at,
                resolved=False,
                resolution=None,
            )
            for d, number, aliquot in session.execute(
                select(Discrepancy, Transfer.number, Aliquot.number)
                .join(Transfer, Transfer.id == Discrepancy.transfer_id)
                .outerjoin(Aliquot, Aliquot.id == Discrepancy.aliquot_id)
                .where(open_only)
                .order_by(Discrepancy.raised_at, Discrepancy.id)
                .limit(limit)
            )
        ]

        inventory_count = (
            session.scalar(select(func.count()).select_from(Loan).where(inventory_due)) or 0
        )
        wrapped_first = case((mmdd < start, 1), else_=0)
        inventories = [
            InventoryRow(number, who, starts_on, _anniversary(starts_on, today), out)
            for number, who, starts_on, out in session.execute(
                select(Loan.number, borrower.name, Loan.starts_on, outstanding)
                .join(borrower, borrower.id == Loan.borrower_institution_id)
                .where(inventory_due)
                .order_by(wrapped_first, mmdd, Loan.id)
                .limit(limit)
            )
        ]
    return Dashboard(
        today=today,
        limit=limit,
        in_transit_count=in_transit_count,
        in_transit=in_transit,
        due_counts=due_counts,
        overdue_count=int(overdue_count),
        due_loans=due_loans,
        open_discrepancy_count=open_count,
        open_discrepancies=open_rows,
        inventory_count=inventory_count,
        inventories=inventories,
    )
