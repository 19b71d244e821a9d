"""Reminders: what is owed by a date (loans due back, and what other features add as
sources), grouped by escalation tier, each with the person to write to; ``--json`` for a
mail merge."""

from __future__ import annotations

import argparse
from datetime import date

from ..domain import queries
from ..domain.reminders import (
    Reminder,
    ReminderKind,
    ReminderTier,
    kind_label,
    tier_label,
)
from .common import Commands, Session, command, iso_date
from .output import table_lines

# The keys of each --json object: a stable interface for mail merges (README says it too).
JSON_FIELDS = """\
--json prints a list of objects, most overdue first, with these keys:
  tier         in_30_days, in_7_days, due, late_7_days, late_30_days, late_over_60_days
  tier_label   the tier in words ("7 days late")
  kind         loan_due, inventory_due, deliverable_owed, clearance_expiring
  kind_label   the kind in words ("Loan due back")
  loan         the loan's number
  subject      what is owed, a sentence
  due_on       the due date (YYYY-MM-DD)
  days_late    days past the due date; negative: the days left
  institution  the institution that owes it
  contact_name, contact_email  the person to write to

A tier is the last milestone reached: 30 and 7 days before the due date, the day itself,
7, 30 and 61 days after it."""


def when_text(days_late: int) -> str:
    """'12 days late', '3 days left', 'due today'."""
    if days_late == 0:
        return "due today"
    days = abs(days_late)
    unit = "day" if days == 1 else "days"
    return f"{days} {unit} late" if days_late > 0 else f"{days} {unit} left"


def chosen(
    found: list[Reminder], tier: str | None = None, kind: str | None = None
) -> list[Reminder]:
    """The reminders of ``tier`` and ``kind`` (None: any)."""
    return [
        r
        for r in found
        if (tier is None or r.tier == tier) and (kind is None or r.item.kind == kind)
    ]


def cmd_reminders(args: argparse.Namespace, s: Session) -> int:
    today: date = args.today or date.today()
    found = chosen(queries.reminders(s.db, today), args.tier, args.kind)
    s.data([r.as_json() for r in found], lambda: _print_reminders(s, found, today))
    return 0


def _print_reminders(s: Session, found: list[Reminder], today: date) -> None:
    if not found:
        s.say("Nothing due.")
        return
    s.say(f"Reminders as of {today.isoformat()}, most overdue first.")
    for tier in reversed(ReminderTier):  # the latest tier first, as the rows are sorted
        in_tier = [r for r in found if r.tier == tier]
        if not in_tier:
            continue
        s.say()
        s.say(f"{tier_label(tier)} ({len(in_tier)})")
        lines = table_lines(
            ["kind", "loan", "subject", "due", "when", "institution", "contact"],
            [
                (
                    kind_label(r.item.kind),
                    r.item.loan_number,
                    r.item.subject,
                    r.item.due_on,
                    when_text(r.days_late),
                    r.item.institution,
                    r.item.contact,
                )
                for r in in_tier
            ],
        )
        for line in lines:
            s.say(f"  {line}")  # under its tier's heading


def register(commands: Commands) -> None:
    p = command(
        commands,
        "reminders",
        cmd_reminders,
        "what is owed by a date (loans due back, inventories, deliverables, clearance items), "
        "by tier, with the person to contact",
    )
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.epilog = JSON_FIELDS
    p.add_argument(
        "--tier", choices=[str(t) for t in ReminderTier], help="only reminders in this tier"
    )
    p.add_argument(
        "--kind", choices=[str(k) for k in ReminderKind], help="only reminders of this kind"
    )
    p.add_argument(
        "--today",
        type=iso_date,
        metavar="DATE",
        help="tier as of this date instead of today (planning), e.g. 2026-12-31",
    )
