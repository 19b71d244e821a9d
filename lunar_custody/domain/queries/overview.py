"""Counts and the dashboard: what needs attention now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, case, func, select
from sqlalchemy.orm import aliased

from .. import clock
from ..inventory_schedule import inventories_owed
from ..listings import outstanding_items
from ..models import (
    Aliquot,
    Base,
    CustodyEvent,
    Discrepancy,
    Institution,
    Loan,
    Person,
    Sample,
    Transfer,
    TransferItem,
)
from ..reminders import TIER_STARTS, ReminderTier, horizon, reminder_tier, tier_days
from ..states import LoanStatus, TransferStatus
from ..store import Store
from .shipping import DiscrepancyRow


@dataclass(frozen=True, slots=True)
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

        def count(model: type[Base]) -> int:
            return session.scalar(select(func.count()).select_from(model)) or 0

        def by(column: SQLColumnExpression[str]) -> dict[str, int]:
            return dict(session.execute(select(column, func.count()).group_by(column)).all())

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


INVENTORY_HORIZON_DAYS = 30
DASHBOARD_LIMIT = 50


def _tier_clause(today: date, tier: ReminderTier) -> ColumnElement[bool]:
    """Loans due on a day in ``tier`` (reminders.tier_days: days late, first and last)."""
    first, last = tier_days(tier)
    latest_due = Loan.due_on <= today - timedelta(days=first)
    if last is None:
        return latest_due
    return and_(Loan.due_on >= today - timedelta(days=last), latest_due)


@dataclass(frozen=True, slots=True)
class InTransitRow:
    number: str
    released_at: datetime
    age: timedelta
    courier: str
    from_institution: str
    to_institution: str
    items: int
    loan_number: str | None


@dataclass(frozen=True, slots=True)
class DueLoanRow:
    number: str
    borrower: str
    principal_investigator: str
    due_on: date
    days_left: int  # negative: overdue by that many days
    tier: ReminderTier
    outstanding_items: int


@dataclass(frozen=True, slots=True)
class InventoryRow:
    number: str
    borrower: str
    starts_on: date
    anniversary: date  # the earliest one no certified inventory answered
    outstanding_items: int
    overdue: bool = False  # past the anniversary and the grace period
    overdue_since: date | None = None


@dataclass(frozen=True, slots=True)
class Dashboard:
    """What needs attention, each list the ``limit`` most urgent rows with a full count."""

    today: date
    limit: int
    in_transit_count: int
    in_transit: list[InTransitRow]  # oldest release first
    due_counts: dict[ReminderTier, int]  # every reminder tier, mildest first
    overdue_count: int  # past the due date (a loan due today is not overdue yet)
    due_loans: list[DueLoanRow]  # earliest due date first
    open_discrepancy_count: int
    open_discrepancies: list[DiscrepancyRow]  # oldest first
    inventory_count: int
    inventories: list[InventoryRow]  # overdue first, then nearest anniversary first


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
    for an active loan with material out whose earliest anniversary of ``starts_on`` not
    answered by a certified inventory falls within INVENTORY_HORIZON_DAYS, or has passed
    (overdue after the grace period): inventory_schedule.inventories_owed.
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
    carrying = Transfer.status == TransferStatus.IN_TRANSIT
    loans_out = and_(Loan.status == LoanStatus.ACTIVE, outstanding > 0)

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

        # the reminders' tiers (domain/reminders.py), as the reminders panel and command
        tiers = [tier for tier, _first_day in TIER_STARTS]
        sums = [
            func.coalesce(func.sum(case((_tier_clause(today, tier), 1), else_=0)), 0)
            for tier in tiers
        ]
        sums.append(func.coalesce(func.sum(case((Loan.due_on < today, 1), else_=0)), 0))
        due_by = Loan.due_on <= horizon(today)
        *counted, overdue_count = session.execute(
            select(*sums).select_from(Loan).where(loans_out, due_by)
        ).one()
        due_counts = {tier: int(n) for tier, n in zip(tiers, counted, strict=True)}
        due_loans = []
        for number, who, pi_name, due_on, out in session.execute(
            select(Loan.number, borrower.name, pi.full_name, Loan.due_on, outstanding)
            .join(borrower, borrower.id == Loan.borrower_institution_id)
            .join(pi, pi.id == Loan.principal_investigator_id)
            .where(loans_out, due_by)
            .order_by(Loan.due_on, Loan.id)
            .limit(limit)
        ):
            tier = reminder_tier(due_on, today)
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

        # the last certified inventory answers an anniversary (inventory_schedule.py)
        owed = inventories_owed(
            session, today, last_day=today + timedelta(days=INVENTORY_HORIZON_DAYS)
        )
        inventory_count = len(owed)
        inventories = [
            InventoryRow(
                due.loan_number,
                due.borrower,
                due.starts_on,
                due.anniversary,
                due.outstanding_items,
                due.overdue,
                due.overdue_since,
            )
            for due in sorted(owed, key=lambda due: (not due.overdue, due.anniversary))[:limit]
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
