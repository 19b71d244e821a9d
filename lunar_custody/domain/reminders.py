"""Reminders: what is owed by a date (a loan's return, an annual inventory, a deliverable, a
clearance item's renewal), sorted into the escalation tiers a curation office writes by.

Each feature that owes something by a date offers a source: a function
``(session, today, horizon) -> Iterable[DueItem]`` listing what falls due on or before
``horizon`` (and everything already late). ``queries.reminders`` asks every source and tiers
what they answer, for the dashboard, the ``reminders`` command and its ``--json``.

A tier is the last milestone a date has reached: 30 and 7 days before, the day itself, and
7, 30 and 61 days after. A reminder is sent when an item enters a tier, so an item 12 days
late is in "7 days late" until it is 30 days late.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy.orm import Session

from .wording import Said, Words

_domain_reminders = Words("_domain_reminders")


class ReminderTier(StrEnum):
    IN_30_DAYS = "in_30_days"
    IN_7_DAYS = "in_7_days"
    DUE = "due"
    LATE_7_DAYS = "late_7_days"
    LATE_30_DAYS = "late_30_days"
    LATE_OVER_60_DAYS = "late_over_60_days"


# (tier, the first day of it counted from the due date: negative is before it)
TIER_STARTS: tuple[tuple[ReminderTier, int], ...] = (
    (ReminderTier.IN_30_DAYS, -30),
    (ReminderTier.IN_7_DAYS, -7),
    (ReminderTier.DUE, 0),
    (ReminderTier.LATE_7_DAYS, 7),
    (ReminderTier.LATE_30_DAYS, 30),
    (ReminderTier.LATE_OVER_60_DAYS, 61),
)
HORIZON_DAYS = -TIER_STARTS[0][1]


def tier_label(tier: str) -> str:
    """A tier as a heading says it."""
    labels: dict[str, str] = {
        ReminderTier.IN_30_DAYS: _domain_reminders.said("Due within 30 days"),
        ReminderTier.IN_7_DAYS: _domain_reminders.said("Due within 7 days"),
        ReminderTier.DUE: _domain_reminders.said("Due now"),
        ReminderTier.LATE_7_DAYS: _domain_reminders.said("7 days late"),
        ReminderTier.LATE_30_DAYS: _domain_reminders.said("30 days late"),
        ReminderTier.LATE_OVER_60_DAYS: _domain_reminders.said("More than 60 days late"),
    }
    return labels.get(tier) or tier


def tier_days(tier: ReminderTier) -> tuple[int, int | None]:
    """The days after the due date a tier spans, first and last (negative: before it;
    None: open-ended)."""
    starts = [first_day for _tier, first_day in TIER_STARTS]
    index = [t for t, _first_day in TIER_STARTS].index(tier)
    last = starts[index + 1] - 1 if index + 1 < len(starts) else None
    return starts[index], last


def tier_span(tier: ReminderTier) -> Said:
    """The days a tier spans, said short for a narrow tile ("due in 8–30 days"), made from
    TIER_STARTS so the numbers live in one place."""
    first, last = tier_days(tier)
    if last is None:
        return _domain_reminders.said("over {over} days late", over=first - 1)
    if last < 0:
        return _domain_reminders.said(
            "due in {nearest}–{farthest} days", nearest=-last, farthest=-first
        )
    if first == 0:
        return _domain_reminders.said("due today or up to {last} days late", last=last)
    return _domain_reminders.said("{first}–{last} days late", first=first, last=last)


def reminder_tier(due_on: date, today: date) -> ReminderTier | None:
    """The tier of something due on ``due_on`` (None: due beyond the horizon)."""
    late_by = (today - due_on).days
    found: ReminderTier | None = None
    for tier, first_day in TIER_STARTS:
        if late_by >= first_day:
            found = tier
    return found


def horizon(today: date) -> date:
    """The last due date a reminder is made for today."""
    return today + timedelta(days=HORIZON_DAYS)


class ReminderKind(StrEnum):
    LOAN_DUE = "loan_due"
    INVENTORY_DUE = "inventory_due"
    DELIVERABLE_OWED = "deliverable_owed"
    CLEARANCE_EXPIRING = "clearance_expiring"


def kind_label(kind: str) -> str:
    labels: dict[str, str] = {
        ReminderKind.LOAN_DUE: _domain_reminders.said("Loan due back"),
        ReminderKind.INVENTORY_DUE: _domain_reminders.said("Annual inventory"),
        ReminderKind.DELIVERABLE_OWED: _domain_reminders.said("Deliverable owed"),
        ReminderKind.CLEARANCE_EXPIRING: _domain_reminders.said("Clearance item expiring"),
    }
    return labels.get(kind) or kind


@dataclass(frozen=True, slots=True)
class DueItem:
    """One thing owed by a date, and the person to write to about it."""

    kind: ReminderKind
    loan_number: str
    subject: str  # what is owed, a sentence (a ``Said`` where the domain words it)
    due_on: date
    institution: str  # the institution that owes it
    contact_name: str
    contact_email: str

    @property
    def contact(self) -> str:
        """The person to write to as a mail client takes them: "Name <address>"."""
        if not self.contact_email:
            return self.contact_name
        return f"{self.contact_name} <{self.contact_email}>"


ReminderSource = Callable[[Session, date, date], Iterable[DueItem]]


@dataclass(frozen=True, slots=True)
class Reminder:
    item: DueItem
    tier: ReminderTier
    days_late: int  # negative: days left

    def as_json(self) -> dict[str, object]:
        """The fields a mail merge needs, in plain JSON types (English words; the keys are
        a stable interface: README, ``reminders --help``). ``days_late`` is negative for the
        days left."""
        return {
            "tier": str(self.tier),
            "tier_label": str(tier_label(self.tier)),
            "kind": str(self.item.kind),
            "kind_label": str(kind_label(self.item.kind)),
            "loan": self.item.loan_number,
            "subject": str(self.item.subject),
            "due_on": self.item.due_on.isoformat(),
            "days_late": self.days_late,
            "institution": self.item.institution,
            "contact_name": self.item.contact_name,
            "contact_email": self.item.contact_email,
        }


def tiered(items: Iterable[DueItem], today: date) -> list[Reminder]:
    """The items due by the horizon as reminders, most overdue first."""
    found = []
    for item in items:
        tier = reminder_tier(item.due_on, today)
        if tier is not None:
            found.append(Reminder(item, tier, (today - item.due_on).days))
    found.sort(key=lambda r: (-r.days_late, r.item.loan_number, r.item.kind, str(r.item.subject)))
    return found
