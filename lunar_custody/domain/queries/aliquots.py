"""An aliquot as the samples view and the courier see it, and as a package takes it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import operation as op
from ..ledger import STATUS_LABELS
from ..models import Aliquot, Institution, Loan, LoanItem, Person, Transfer, TransferItem
from ..states import OPEN_LOAN_STATES, LoanStatus, TransferStatus
from ..store import Store


@dataclass(frozen=True, slots=True)
class AliquotDetail:
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
    # the draft, approved or active loan that lists it (it is on one at a time)
    open_loan_number: str | None = None


def aliquot_status(store: Store, number: str) -> AliquotDetail:
    with store.read() as session:
        row = op.aliquot(session, number)
        return _status_of(session, row)


def _status_of(session: Session, row: Aliquot) -> AliquotDetail:
    def name(model: type[Institution] | type[Person], key: int | None) -> str | None:
        if key is None:
            return None
        found = session.get(model, key)
        if isinstance(found, Institution):
            return found.name
        return found.full_name if isinstance(found, Person) else None

    children = session.scalars(
        select(Aliquot.number).where(Aliquot.parent_id == row.id).order_by(Aliquot.id)
    ).all()
    transfer = session.get(Transfer, row.transfer_id) if row.transfer_id else None
    loan = session.get(Loan, row.loan_id) if row.loan_id else None
    return AliquotDetail(
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
        open_loan_number=session.scalar(
            select(Loan.number)
            .join(LoanItem, LoanItem.loan_id == Loan.id)
            .where(LoanItem.aliquot_id == row.id, Loan.status.in_(OPEN_LOAN_STATES))
            .limit(1)
        ),
    )


@dataclass(frozen=True, slots=True)
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
                    Loan.status == LoanStatus.ACTIVE,
                )
                .order_by(Loan.id)
                .limit(1)
            )
        packed_in = session.scalar(
            select(Transfer.number)
            .join(TransferItem, TransferItem.transfer_id == Transfer.id)
            .where(TransferItem.aliquot_id == row.id, Transfer.status == TransferStatus.PREPARED)
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
