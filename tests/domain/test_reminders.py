"""Reminders: the tiers a date falls in, and the loans-due source on the test world."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from lunar_custody.domain import queries, registry
from lunar_custody.domain.reminders import (
    HORIZON_DAYS,
    TIER_STARTS,
    DueItem,
    ReminderKind,
    ReminderTier,
    reminder_tier,
    tiered,
)
from tests.worlds import A1, A2, A3, A4, World

TODAY = date(2026, 3, 1)
ORDER = [tier for tier, _first_day in TIER_STARTS]


def test_a_date_is_in_the_last_milestone_it_has_reached() -> None:
    # days late (negative: days before the due date) -> tier
    expected = {
        -31: None,
        -30: ReminderTier.IN_30_DAYS,
        -8: ReminderTier.IN_30_DAYS,
        -7: ReminderTier.IN_7_DAYS,
        -1: ReminderTier.IN_7_DAYS,
        0: ReminderTier.DUE,
        6: ReminderTier.DUE,
        7: ReminderTier.LATE_7_DAYS,
        29: ReminderTier.LATE_7_DAYS,
        30: ReminderTier.LATE_30_DAYS,
        60: ReminderTier.LATE_30_DAYS,
        61: ReminderTier.LATE_OVER_60_DAYS,
        4000: ReminderTier.LATE_OVER_60_DAYS,
    }
    found = {late: reminder_tier(TODAY - timedelta(days=late), TODAY) for late in expected}
    assert found == expected


@settings(max_examples=150, deadline=None)
@given(
    today=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
    late=st.integers(min_value=-HORIZON_DAYS, max_value=5000),
    later=st.integers(min_value=0, max_value=400),
)
def test_every_date_up_to_the_horizon_has_one_tier_and_lateness_only_escalates(
    today: date, late: int, later: int
) -> None:
    tier = reminder_tier(today - timedelta(days=late), today)
    assert tier is not None
    # exactly one tier: the one whose span holds the lateness
    starts = [first_day for _tier, first_day in TIER_STARTS]
    spans = [
        t
        for (t, first), end in zip(TIER_STARTS, [*starts[1:], None], strict=True)
        if first <= late and (end is None or late < end)
    ]
    assert spans == [tier]
    # the same item seen later (or the due date earlier) is never in a milder tier
    escalated = reminder_tier(today - timedelta(days=late), today + timedelta(days=later))
    assert escalated is not None and ORDER.index(escalated) >= ORDER.index(tier)
    # beyond the horizon: no reminder yet
    assert reminder_tier(today + timedelta(days=HORIZON_DAYS + 1 + later), today) is None


def test_tiered_keeps_what_is_in_a_tier_most_overdue_first() -> None:
    def item(loan: str, late: int) -> DueItem:
        return DueItem(
            ReminderKind.LOAN_DUE, loan, "s", TODAY - timedelta(days=late), "U", "P", "p@u"
        )

    found = tiered([item("A", -40), item("B", 3), item("C", 90), item("D", -30)], TODAY)
    assert [(r.item.loan_number, r.tier, r.days_late) for r in found] == [
        ("C", ReminderTier.LATE_OVER_60_DAYS, 90),
        ("B", ReminderTier.DUE, 3),
        ("D", ReminderTier.IN_30_DAYS, -30),
    ]
    assert found[0].as_json() == {
        "tier": "late_over_60_days",
        "tier_label": "More than 60 days late",
        "kind": "loan_due",
        "kind_label": "Loan due back",
        "loan": "C",
        "subject": "s",
        "due_on": (TODAY - timedelta(days=90)).isoformat(),
        "days_late": 90,
        "institution": "U",
        "contact_name": "P",
        "contact_email": "p@u",
    }


def test_loans_due_back_remind_their_pi_while_material_is_out(world: World) -> None:
    """On SQLite and PostgreSQL: active loans with material out, due by the horizon."""
    today = world.today
    registry.update_person(world.db, world["admin"], "brown_lm", email="pieters@brown.example")
    late = world.active_loan(
        [A1], starts_on=today - timedelta(days=120), due_on=today - timedelta(days=35)
    )
    world.ship([A1], loan=late)
    soon = world.active_loan([A2], borrower="KOLN", pi="koln_lm", due_on=today + timedelta(days=5))
    world.ship([A2], receiver="koln_lm", loan=soon)
    # due within the horizon but nothing shipped: nothing is out, nothing to remind
    world.active_loan([A3], due_on=today + timedelta(days=2))
    # late, but everything came back
    back = world.active_loan(
        [A4], starts_on=today - timedelta(days=200), due_on=today - timedelta(days=3)
    )
    world.ship([A4], loan=back)
    world.send_back([A4])

    found = queries.reminders(world.db, today)
    assert [(r.item.loan_number, r.tier, r.days_late) for r in found] == [
        (late, ReminderTier.LATE_30_DAYS, 35),
        (soon, ReminderTier.IN_7_DAYS, -5),
    ]
    first = found[0].item
    assert first.kind == ReminderKind.LOAN_DUE
    assert (first.institution, first.contact_name) == ("Brown University", "Carla Pieters")
    assert first.contact_email == "pieters@brown.example"
    assert first.subject == f"Return the material of loan {late} or ask for an extension."
    assert first.subject.template.startswith("Return the material")  # type: ignore[attr-defined]
    # planning ahead: six weeks on, the Köln loan is 37 days late; today's none before it
    ahead = queries.reminders(world.db, today + timedelta(days=42))
    assert [(r.item.loan_number, r.tier) for r in ahead] == [
        (late, ReminderTier.LATE_OVER_60_DAYS),
        (soon, ReminderTier.LATE_30_DAYS),
    ]
