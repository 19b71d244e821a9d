"""Read-only questions the GUI, the CLI and the documents ask, answered as plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from . import operation as op
from .ledger import (
    CONSUMED,
    EVENT_KINDS,
    LOST,
    STATUS_LABELS,
    VerifyReport,
    verify_ledger,
)
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


def _event_rows(
    session: Session, where: list[object], limit: int | None = None, offset: int = 0
) -> list[EventRow]:
    actor = aliased(Person)
    custodian = aliased(Person)
    courier = aliased(Person)
    related = aliased(Aliquot)
    statement = (
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
        .where(*where)
        .order_by(CustodyEvent.id)
        .offset(offset)
    )
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


def _outstanding_count(loan_id_column: object) -> object:
    return (
        select(func.count())
        .select_from(Aliquot)
        .where(
            Aliquot.loan_id == loan_id_column,
            Aliquot.status.notin_((CONSUMED, LOST)),
            Aliquot.current_mass_ug > 0,
        )
        .scalar_subquery()
    )


def loans(
    store: Store, *, status: str | None = None, today: date | None = None, search: str = ""
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
    outstanding = _outstanding_count(Loan.id)
    statement = (
        select(Loan, Institution.name, Institution.code, pi.full_name, item_count, outstanding)
        .join(Institution, Institution.id == Loan.borrower_institution_id)
        .join(pi, pi.id == Loan.principal_investigator_id)
        .order_by(Loan.number)
    )
    if status:
        statement = statement.where(Loan.status == status)
    if search:
        term = f"%{search.strip()}%"
        statement = statement.where(
            Loan.number.ilike(term)
            | Institution.name.ilike(term)
            | pi.full_name.ilike(term)
            | Institution.code.ilike(term)
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
    return [loan for loan in loans(store, status=ACTIVE, today=today) if loan.overdue]


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
        summary = next(s for s in loans(store, today=today) if s.number == loan.number)
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
    with store.read() as session:
        return verify_ledger(session, progress)


def has_users(store: Store) -> bool:
    """False for a new database: the first run creates the lender and its administrator."""
    with store.read() as session:
        return session.scalar(select(Person.id).limit(1)) is not None
