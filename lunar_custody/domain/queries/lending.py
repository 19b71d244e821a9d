"""Loans: lists, a loan in detail, and the active loans a package may travel under."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from .. import operation as op
from .. import rules
from ..clearance import open_titles
from ..deliverables import DeliverableRow, deliverables_of
from ..listings import contains, outstanding_items, overdue_clause
from ..listings.lending import awaiting_deliverables_clause
from ..loans import (
    ItemReconciliation,
    ReturnAccounting,
    fold_return_accounting,
    reconciliation,
    signed_terms,
    unresolved_discrepancies,
)
from ..loans import loan_content as signed_loan_content
from ..models import Deliverable, Institution, Loan, LoanItem, Person
from ..signed_content import LoanContent
from ..states import OPEN_LOAN_STATES, LoanStatus
from ..store import Store
from .people import CHOICE_LIMIT
from .records import SignatureRow, signatures


@dataclass(frozen=True, slots=True)
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
    open_deliverables: int = 0  # neither delivered nor waived
    overdue_deliverables: int = 0  # ... and past their due date
    # rules.loan_display_state: the status, or "awaiting_deliverables"
    display_state: str = ""


def loans(
    store: Store,
    *,
    status: str | None = None,
    today: date | None = None,
    search: str = "",
    number: str | None = None,
    overdue_only: bool = False,
    awaiting_deliverables_only: bool = False,
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
    open_deliverables = (
        select(func.count())
        .select_from(Deliverable)
        .where(Deliverable.loan_id == Loan.id, Deliverable.delivered_at.is_(None))
        .where(Deliverable.waived_at.is_(None))
        .scalar_subquery()
    )
    late_deliverables = (
        select(func.count())
        .select_from(Deliverable)
        .where(Deliverable.loan_id == Loan.id, Deliverable.delivered_at.is_(None))
        .where(Deliverable.waived_at.is_(None), Deliverable.due_on < today)
        .scalar_subquery()
    )
    shipped = (
        select(LoanItem.id)
        .where(LoanItem.loan_id == Loan.id, LoanItem.shipped_at.is_not(None))
        .exists()
    )
    statement = (
        select(
            Loan,
            Institution.name,
            Institution.code,
            pi.full_name,
            item_count,
            outstanding,
            open_deliverables,
            late_deliverables,
            shipped,
        )
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
    if awaiting_deliverables_only:
        statement = statement.where(awaiting_deliverables_clause())
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
                overdue=loan.status == LoanStatus.ACTIVE and loan.due_on < today and out > 0,
                destructive_analysis_allowed=loan.destructive_analysis_allowed,
                open_deliverables=owed,
                overdue_deliverables=late if loan.status in OPEN_LOAN_STATES else 0,
                display_state=rules.loan_display_state(loan.status, bool(sent), out, owed),
            )
            for loan, borrower, code, pi_name, items, out, owed, late, sent in session.execute(
                statement
            )
        ]


def overdue_loans(store: Store, today: date | None = None) -> list[LoanSummary]:
    return loans(store, today=today, overdue_only=True)


@dataclass(frozen=True, slots=True)
class LoanDetail:
    summary: LoanSummary
    lender: str
    co_investigators: str
    notes: str
    items: list[ItemReconciliation]
    signatures: list[SignatureRow]
    # the titles of its clearance items still pending (rules.LoanFacts.open_clearance)
    open_clearance: tuple[str, ...] = ()
    accounting: ReturnAccounting | None = None  # the return accounting (form F-75)
    deliverables: tuple[DeliverableRow, ...] = ()
    # aliquots (or transfers) of its packages with a discrepancy not resolved yet
    unresolved: tuple[str, ...] = ()

    @property
    def open_deliverable_titles(self) -> list[str]:
        return [row.title for row in self.deliverables if row.is_open]


def loan_detail(store: Store, number: str, today: date | None = None) -> LoanDetail:
    with store.read() as session:
        loan = op.loan(session, number)
        (summary,) = loans(store, today=today, number=loan.number)
        # the one check verify makes too: are the terms still those signed?
        verdicts = {
            s.signature_id: terms.verdict(s.signature_id)
            for terms in signed_terms(session, [loan.id])
            for s in terms.signatures
        }
        items = reconciliation(session, loan)
        return LoanDetail(
            summary=summary,
            lender=loan.lender.name,
            co_investigators=loan.co_investigators,
            notes=loan.notes,
            items=items,
            signatures=signatures(session, "loan", loan.id, verdicts),
            open_clearance=open_titles(loan),
            accounting=fold_return_accounting(loan.number, items),
            deliverables=tuple(deliverables_of(session, loan.id, today or date.today())),
            unresolved=tuple(unresolved_discrepancies(session, loan.id)),
        )


@dataclass(frozen=True, slots=True)
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
            Loan.status == LoanStatus.ACTIVE,
            or_(lender.code == institution_code, borrower.code == institution_code),
        )
        .order_by(Loan.id.desc())
        .limit(limit)
    )
    with store.read() as session:
        return [LoanChoice(*row) for row in session.execute(statement)]


def loan_content(store: Store, number: str) -> LoanContent:
    """The loan's signed content as it stands now: its terms and items with their masses."""
    with store.read() as session:
        return signed_loan_content(session, op.loan(session, number))


@dataclass(frozen=True, slots=True)
class LoanDraft:
    """A draft as the loan editor opens it: the content and the PI's name to show."""

    content: LoanContent
    principal_investigator_name: str


def loan_draft(store: Store, number: str) -> LoanDraft:
    with store.read() as session:
        loan = op.loan(session, number)
        return LoanDraft(
            content=signed_loan_content(session, loan),
            principal_investigator_name=loan.principal_investigator.full_name,
        )
