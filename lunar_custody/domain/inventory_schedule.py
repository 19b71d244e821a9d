"""When a loan's annual inventory is owed, and when it is overdue.

An inventory is owed on each anniversary of the loan's start while the loan is active with
material out. A certified inventory answers its anniversary (``Inventory.due_on``) and every
one before it; the earliest anniversary not answered is the one owed. It is overdue once the
installation's grace period (``grace_days``, 30 days unless an administrator set another)
has passed after it. Read in one query over the loans with material out: the dashboard, the
reminders and the refusals of ``standing.py`` all ask here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session, aliased

from .listings import outstanding_items
from .models import InstallationSetting, Institution, Inventory, Loan, Person
from .states import LoanStatus

GRACE_DAYS_KEY = "inventory_grace_days"
DEFAULT_GRACE_DAYS = 30
# an inventory taken up to this many days before an anniversary answers it
EARLY_DAYS = 30
CERTIFIED = "certified"


def grace_days(session: Session) -> int:
    """The days after an anniversary before its inventory is overdue (the setting, or 30)."""
    value = session.scalar(
        select(InstallationSetting.value).where(InstallationSetting.key == GRACE_DAYS_KEY)
    )
    try:
        return int(value) if value is not None else DEFAULT_GRACE_DAYS
    except ValueError:
        return DEFAULT_GRACE_DAYS


def anniversary(starts_on: date, years: int) -> date:
    """``starts_on`` plus ``years`` years (29 February: the 28th in a common year)."""
    try:
        return starts_on.replace(year=starts_on.year + years)
    except ValueError:
        return date(starts_on.year + years, 2, 28)


def latest_anniversary_by(starts_on: date, day: date) -> date | None:
    """The latest anniversary (one year or more after the start) on or before ``day``."""
    years = day.year - starts_on.year
    while years >= 1:
        candidate = anniversary(starts_on, years)
        if candidate <= day:
            return candidate
        years -= 1
    return None


def answering(starts_on: date, started_on: date) -> date | None:
    """The anniversary an inventory started on ``started_on`` answers (None: on demand)."""
    return latest_anniversary_by(starts_on, started_on + timedelta(days=EARLY_DAYS))


def owed_anniversary(starts_on: date, answered_through: date | None) -> date:
    """The earliest anniversary after the last one a certified inventory answered."""
    years = 1
    while True:
        candidate = anniversary(starts_on, years)
        if answered_through is None or candidate > answered_through:
            return candidate
        years += 1


@dataclass(frozen=True, slots=True)
class InventoryDue:
    """A loan whose annual inventory is owed within EARLY_DAYS, or overdue."""

    loan_id: int
    loan_number: str
    borrower: str
    starts_on: date
    anniversary: date  # the anniversary owed
    overdue_since: date  # the anniversary plus the grace period
    overdue: bool
    outstanding_items: int
    pi_id: int
    pi_name: str
    pi_email: str


def answered_through() -> ColumnElement[date | None]:
    """The latest anniversary a certified inventory of the (correlated) loan answered."""
    return (
        select(func.max(Inventory.due_on))
        .where(Inventory.loan_id == Loan.id, Inventory.status == CERTIFIED)
        .correlate(Loan)
        .scalar_subquery()
    )


def inventories_owed(
    session: Session,
    today: date,
    *,
    last_day: date | None = None,
    pi_id: int | None = None,
    overdue_only: bool = False,
) -> list[InventoryDue]:
    """Active loans with material out whose inventory is owed by ``last_day`` (default:
    EARLY_DAYS from today) or overdue, nearest anniversary first; of one PI if given."""
    last_day = last_day or today + timedelta(days=EARLY_DAYS)
    grace = grace_days(session)
    borrower = aliased(Institution)
    pi = aliased(Person)
    outstanding = outstanding_items()
    statement = (
        select(
            Loan.id,
            Loan.number,
            borrower.name,
            Loan.starts_on,
            answered_through(),
            outstanding,
            pi.id,
            pi.full_name,
            pi.email,
        )
        .join(borrower, borrower.id == Loan.borrower_institution_id)
        .join(pi, pi.id == Loan.principal_investigator_id)
        .where(
            and_(
                Loan.status == LoanStatus.ACTIVE,
                # a first anniversary by the last day: younger loans owe nothing yet
                Loan.starts_on <= anniversary(last_day, -1),
                outstanding > 0,
            )
        )
        .order_by(Loan.id)
    )
    if pi_id is not None:
        statement = statement.where(Loan.principal_investigator_id == pi_id)
    found = []
    for loan_id, number, who, starts_on, answered, out, person, name, email in session.execute(
        statement
    ):
        owed = owed_anniversary(starts_on, answered)
        overdue_since = owed + timedelta(days=grace)
        overdue = today > overdue_since
        if owed > last_day or (overdue_only and not overdue):
            continue
        found.append(
            InventoryDue(
                loan_id,
                number,
                who,
                starts_on,
                owed,
                overdue_since,
                overdue,
                out,
                person,
                name,
                email,
            )
        )
    found.sort(key=lambda row: (row.anniversary, row.loan_id))
    return found


def overdue_loans(
    session: Session, today: date, pi_id: int | None = None
) -> Iterable[InventoryDue]:
    return inventories_owed(session, today, pi_id=pi_id, overdue_only=True)
