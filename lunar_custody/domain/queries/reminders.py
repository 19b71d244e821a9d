"""Reminders across the features that owe something by a date (``domain/reminders.py``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, aliased

from ..deliverables import deliverables_owed
from ..inventory_schedule import inventories_owed
from ..listings import outstanding_items
from ..models import Institution, Loan, Person
from ..reminders import (
    DueItem,
    Reminder,
    ReminderKind,
    ReminderSource,
    horizon,
    tiered,
)
from ..states import LoanStatus
from ..store import Store
from ..wording import Words
from .clearance import clearance_expiring

_domain_queries_reminders = Words("_domain_queries_reminders")


def loans_due(session: Session, today: date, last_day: date) -> Iterable[DueItem]:
    """Active loans with material still out, due back by ``last_day``: the PI answers."""
    borrower = aliased(Institution)
    pi = aliased(Person)
    rows = session.execute(
        select(Loan.number, Loan.due_on, borrower.name, pi.full_name, pi.email)
        .join(borrower, borrower.id == Loan.borrower_institution_id)
        .join(pi, pi.id == Loan.principal_investigator_id)
        .where(
            and_(
                Loan.status == LoanStatus.ACTIVE,
                outstanding_items() > 0,
                Loan.due_on <= last_day,
            )
        )
        .order_by(Loan.due_on, Loan.id)
    )
    for number, due_on, who, name, email in rows:
        yield DueItem(
            kind=ReminderKind.LOAN_DUE,
            loan_number=number,
            subject=_domain_queries_reminders.said(
                "Return the material of loan {number} or ask for an extension.", number=number
            ),
            due_on=due_on,
            institution=who,
            contact_name=name,
            contact_email=email,
        )


def inventories_due(session: Session, today: date, last_day: date) -> Iterable[DueItem]:
    """Annual inventories owed by ``last_day`` (or overdue): the PI answers."""
    for due in inventories_owed(session, today, last_day=last_day):
        yield DueItem(
            kind=ReminderKind.INVENTORY_DUE,
            loan_number=due.loan_number,
            subject=_domain_queries_reminders.said(
                "Take and certify the annual inventory of loan {number}.", number=due.loan_number
            ),
            due_on=due.anniversary,
            institution=due.borrower,
            contact_name=due.pi_name,
            contact_email=due.pi_email,
        )


# Every feature that owes something by a date adds its source here.
SOURCES: tuple[ReminderSource, ...] = (
    loans_due,
    inventories_due,
    deliverables_owed,
    clearance_expiring,
)


def reminders(
    store: Store, today: date | None = None, sources: Sequence[ReminderSource] = SOURCES
) -> list[Reminder]:
    """Everything owed by the reminder horizon or late, tiered, most overdue first."""
    today = today or date.today()
    last_day = horizon(today)
    with store.read() as session:
        items = [item for source in sources for item in source(session, today, last_day)]
    return tiered(items, today)
