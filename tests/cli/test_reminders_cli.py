"""``lunar-custody reminders``: grouped by tier for people, a stable list for mail merges."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from lunar_custody.domain import registry
from tests.cli.test_cli import run, url
from tests.worlds import A1, A2, KOLN, World


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_reminders_by_tier_as_json_filtered_and_planned_ahead(world: World) -> None:
    db = url(world)
    today = world.today
    assert (run("reminders", "--db", db).code, run("reminders", "--db", db).out) == (
        0,
        "Nothing due.\n",
    )
    registry.update_person(world.db, world["admin"], "brown_lm", email="pieters@brown.example")
    late = world.active_loan(
        [A1], starts_on=today - timedelta(days=120), due_on=today - timedelta(days=35)
    )
    world.ship([A1], loan=late)
    soon = world.active_loan([A2], borrower=KOLN, pi="koln_lm", due_on=today + timedelta(days=5))
    world.ship([A2], receiver="koln_lm", loan=soon)

    shown = run("reminders", "--db", db)
    assert shown.code == 0, shown.err
    lines = shown.out.splitlines()
    assert lines[0] == f"Reminders as of {today.isoformat()}, most overdue first."
    late_heading, soon_heading = (
        lines.index("30 days late (1)"),
        lines.index("Due within 7 days (1)"),
    )
    assert late_heading < soon_heading
    row = lines[late_heading + 2].split()
    assert row[:4] == ["Loan", "due", "back", late]
    assert "35 days late" in lines[late_heading + 2]
    assert "Carla Pieters <pieters@brown.example>" in lines[late_heading + 2]
    assert "5 days left" in lines[soon_heading + 2] and "Klaus Mezger" in lines[soon_heading + 2]

    data = json.loads(run("reminders", "--db", db, "--json").out)
    assert [(r["loan"], r["tier"], r["days_late"]) for r in data] == [
        (late, "late_30_days", 35),
        (soon, "in_7_days", -5),
    ]
    assert data[0]["contact_email"] == "pieters@brown.example"
    assert set(data[0]) == {
        "tier", "tier_label", "kind", "kind_label", "loan", "subject", "due_on", "days_late",
        "institution", "contact_name", "contact_email",
    }  # fmt: skip
    only = run("reminders", "--db", db, "--json", "--tier", "in_7_days", "--kind", "loan_due")
    assert [r["loan"] for r in json.loads(only.out)] == [soon]
    assert run("reminders", "--db", db, "--kind", "inventory_due").out == "Nothing due.\n"
    ahead = run("reminders", "--db", db, "--json", "--today", str(today + timedelta(days=30)))
    assert [(r["loan"], r["tier"]) for r in json.loads(ahead.out)] == [
        (late, "late_over_60_days"),
        (soon, "late_7_days"),
    ]
