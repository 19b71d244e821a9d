"""Loans, transfers (packages) and the discrepancies found on receipt."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import aliased

from ..models import (
    Aliquot,
    Deliverable,
    Discrepancy,
    Institution,
    Loan,
    LoanItem,
    Person,
    Transfer,
)
from ..numbering import normalize
from ..rules import AWAITING_DELIVERABLES
from ..states import AliquotStatus, LoanStatus
from .core import DATE, DATETIME, INT, MASS, STATUS, Column, Listing, contains, prefix

# ---------------------------------------------------------------------- loans

_borrower = aliased(Institution, name="borrower")
_pi = aliased(Person, name="pi")


def outstanding_items() -> ColumnElement[int]:
    """How many of a loan's aliquots are still out (not consumed, lost or emptied)."""
    return (
        select(func.count())
        .select_from(Aliquot)
        .where(
            Aliquot.loan_id == Loan.id,
            Aliquot.status.notin_((AliquotStatus.CONSUMED, AliquotStatus.LOST)),
            Aliquot.current_mass_ug > 0,
        )
        .correlate(Loan)
        .scalar_subquery()
    )


def _loan_items() -> ColumnElement[int]:
    return (
        select(func.count())
        .select_from(LoanItem)
        .where(LoanItem.loan_id == Loan.id)
        .correlate(Loan)
        .scalar_subquery()
    )


def _loan_source() -> Select[*tuple[Any, ...]]:
    return (
        select()
        .select_from(Loan)
        .join(_borrower, _borrower.id == Loan.borrower_institution_id)
        .join(_pi, _pi.id == Loan.principal_investigator_id)
    )


def overdue_clause(today: date) -> ColumnElement[bool]:
    """An active loan past its due date with material still out."""
    return and_(Loan.status == LoanStatus.ACTIVE, Loan.due_on < today, outstanding_items() > 0)


def awaiting_deliverables_clause() -> ColumnElement[bool]:
    """An active loan that shipped, has nothing out and still owes a deliverable: what
    rules.loan_display_state calls "awaiting deliverables", asked in SQL."""
    shipped = (
        select(LoanItem.id)
        .where(LoanItem.loan_id == Loan.id, LoanItem.shipped_at.is_not(None))
        .correlate(Loan)
        .exists()
    )
    owed = (
        select(Deliverable.id)
        .where(
            Deliverable.loan_id == Loan.id,
            Deliverable.delivered_at.is_(None),
            Deliverable.waived_at.is_(None),
        )
        .correlate(Loan)
        .exists()
    )
    return and_(Loan.status == LoanStatus.ACTIVE, outstanding_items() == 0, shipped, owed)


def _display_state() -> ColumnElement[str]:
    return case((awaiting_deliverables_clause(), AWAITING_DELIVERABLES), else_=Loan.status)


LOANS = Listing(
    name="loans",
    columns=(
        Column("number", "Loan", Loan.number),
        Column("status", "Status", _display_state(), STATUS),
        Column("borrower", "Borrower", _borrower.name),
        Column("pi", "Principal investigator", _pi.full_name),
        Column("starts_on", "Starts", Loan.starts_on, DATE),
        Column("due_on", "Due", Loan.due_on, DATE),
        Column("items", "Items", _loan_items(), INT),
        Column("outstanding", "Outstanding", outstanding_items(), INT),
        Column("purpose", "Purpose", Loan.purpose),
        Column("id", "#", Loan.id, INT),
    ),
    source=_loan_source,
    search=lambda text: or_(
        prefix(Loan.number, text.strip().upper()),
        contains(_borrower.name, text),
        _borrower.code == text.strip().upper(),
        contains(_pi.full_name, text),
        contains(Loan.purpose, text),
    ),
    default_sort="number",
    default_descending=True,
    tiebreak=Loan.id,
    filters={
        "status": lambda value: Loan.status == value,
        "overdue_on": overdue_clause,
        "awaiting_deliverables": lambda _: awaiting_deliverables_clause(),
        "borrower": lambda code: _borrower.code == code,
    },
)


# ---------------------------------------------------------------------- transfers

_from = aliased(Institution, name="from_institution")
_to = aliased(Institution, name="to_institution")
_receiver = aliased(Person, name="receiver")
_transfer_courier = aliased(Person, name="transfer_courier")


def _transfer_source() -> Select[*tuple[Any, ...]]:
    return (
        select()
        .select_from(Transfer)
        .join(_from, _from.id == Transfer.from_institution_id)
        .join(_to, _to.id == Transfer.to_institution_id)
        .join(_receiver, _receiver.id == Transfer.receiver_id)
        .join(_transfer_courier, _transfer_courier.id == Transfer.courier_id)
        .outerjoin(Loan, Loan.id == Transfer.loan_id)
    )


TRANSFERS = Listing(
    name="transfers",
    columns=(
        Column("number", "Transfer", Transfer.number),
        Column("kind", "Kind", Transfer.kind, STATUS),
        Column("status", "Status", Transfer.status, STATUS),
        Column("from", "From", _from.name),
        Column("to", "To", _to.name),
        Column("receiver", "Receiver", _receiver.full_name),
        Column("courier", "Courier", _transfer_courier.full_name),
        Column("seal_number", "Seal", Transfer.seal_number),
        Column("loan", "Loan", Loan.number),
        Column("released_at", "Released", Transfer.released_at, DATETIME),
        Column("received_at", "Received", Transfer.received_at, DATETIME),
        Column("id", "#", Transfer.id, INT),
    ),
    source=_transfer_source,
    search=lambda text: or_(
        prefix(Transfer.number, text.strip().upper()),
        Loan.number == text.strip().upper(),
        Transfer.seal_number == text.strip(),
        contains(_from.name, text),
        contains(_to.name, text),
        contains(_transfer_courier.full_name, text),
        contains(_receiver.full_name, text),
    ),
    default_sort="number",
    default_descending=True,
    tiebreak=Transfer.id,
    filters={
        "status": lambda value: Transfer.status == value,
        "courier_id": lambda person_id: Transfer.courier_id == person_id,
        "loan": lambda number: Loan.number == number,
    },
)


# ---------------------------------------------------------------------- discrepancies

_disc_transfer = aliased(Transfer, name="disc_transfer")
_disc_aliquot = aliased(Aliquot, name="disc_aliquot")

DISCREPANCIES = Listing(
    name="discrepancies",
    columns=(
        Column("id", "#", Discrepancy.id, INT),
        Column("transfer", "Transfer", _disc_transfer.number),
        Column("aliquot", "Aliquot", _disc_aliquot.number),
        Column("kind", "Kind", Discrepancy.kind, STATUS),
        Column("expected_mass_ug", "Expected", Discrepancy.expected_mass_ug, MASS),
        Column("measured_mass_ug", "Measured", Discrepancy.measured_mass_ug, MASS),
        Column("raised_at", "Raised", Discrepancy.raised_at, DATETIME),
        Column(
            "resolution",
            "Resolution",
            case((Discrepancy.resolution.is_(None), "open"), else_=Discrepancy.resolution),
            STATUS,
        ),
        Column("note", "Note", Discrepancy.note),
    ),
    source=lambda: (
        select()
        .select_from(Discrepancy)
        .join(_disc_transfer, _disc_transfer.id == Discrepancy.transfer_id)
        .outerjoin(_disc_aliquot, _disc_aliquot.id == Discrepancy.aliquot_id)
    ),
    search=lambda text: or_(
        prefix(_disc_transfer.number, text.strip().upper()),
        prefix(_disc_aliquot.number, normalize(text)),
    ),
    default_sort="id",
    default_descending=True,
    tiebreak=Discrepancy.id,
    filters={
        "open": lambda yes: (
            Discrepancy.resolved_at.is_(None) if yes else Discrepancy.resolved_at.isnot(None)
        )
    },
)
