"""A principal investigator's standing: why no new loan or shipment may go to them now.

Each reason source answers for one PI on one day (None: nothing against them). Loans and
custody refuse with the first reason found; the windows and the CLI show that same sentence.
A feature that can block a PI (an overdue inventory, overdue deliverables) adds its source to
``PI_REASONS``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from .deliverables import why_not_deliverables_overdue
from .inventory_schedule import overdue_loans
from .models import Loan, Person
from .store import Store
from .wording import Words

_domain_standing = Words("_domain_standing")

PiReason = Callable[[Session, int, date], str | None]


def overdue_inventory(session: Session, pi_id: int, today: date) -> str | None:
    """An annual inventory of one of the PI's loans is past its grace period."""
    for due in overdue_loans(session, today, pi_id):
        return _domain_standing.said(
            "The annual inventory of loan {loan} ({pi}) is overdue since {day}: no new loan "
            "or shipment to this principal investigator until it is certified.",
            loan=due.loan_number,
            pi=due.pi_name,
            day=due.overdue_since.isoformat(),
        )
    return None


# Every source of a reason to hold a PI's new loans and shipments.
PI_REASONS: list[PiReason] = [overdue_inventory, why_not_deliverables_overdue]


def why_not_new_loan_for_pi(session: Session, pi_id: int, today: date) -> str | None:
    """Why no new loan may be drafted or approved for this PI (None: it may)."""
    for reason in PI_REASONS:
        said = reason(session, pi_id, today)
        if said is not None:
            return said
    return None


def why_not_ship_to(session: Session, loan: Loan, today: date) -> str | None:
    """Why the lender may not ship material of ``loan`` to its PI now (None: it may)."""
    return why_not_new_loan_for_pi(session, loan.principal_investigator_id, today)


def why_not_loan_to(session: Session, username: str, today: date) -> str | None:
    """``why_not_new_loan_for_pi`` for a PI named by user name (None also when unknown)."""
    pi_id = session.scalar(select(Person.id).where(Person.username == username.strip()))
    return None if pi_id is None else why_not_new_loan_for_pi(session, pi_id, today)


def why_not_loan_for(store: Store, username: str, today: date) -> str | None:
    """``why_not_loan_to`` as a window asks it (the loan editor, as the PI is chosen)."""
    with store.read() as session:
        return why_not_loan_to(session, username, today)


def why_not_approve(store: Store, loan_number: str, today: date) -> str | None:
    """``why_not_new_loan_for_pi`` for the PI of a loan, as the loans view's Approve asks
    (None also for a loan not found: the service says that)."""
    with store.read() as session:
        pi_id = session.scalar(
            select(Loan.principal_investigator_id).where(Loan.number == loan_number)
        )
        return None if pi_id is None else why_not_new_loan_for_pi(session, pi_id, today)
