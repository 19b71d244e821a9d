"""Rules once: the Samples view's tooltip (rules.py over the lineage row it shows) and the
registry's refusal say the same words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from lunar_custody.domain import listings, registry, rules
from lunar_custody.domain.errors import CustodyError, PermissionDenied, RuleViolation
from lunar_custody.domain.listings import LINEAGE_ALIQUOTS
from lunar_custody.domain.permissions import Actor
from tests.worlds import A1, A2, A3, A4, World


def lineage_row(world: World, number: str) -> dict[str, Any]:
    """Aliquot ``number`` as the Samples view's tree holds it."""
    path = listings.fetch_lineage_path(world.db, number)
    assert path is not None
    parents = path.aliquots[:-1]
    filters = {"parent_id": parents[-1][0]} if parents else {"roots_of_sample": path.sample_id}
    rows = listings.fetch_page(world.db, LINEAGE_ALIQUOTS, filters=filters, limit=1000)
    found = [dict(zip(LINEAGE_ALIQUOTS.keys, row, strict=True)) for row in rows]
    return next(values for values in found if values["number"] == number)


def tooltip(
    world: World, rule: Callable[[Actor, rules.AliquotFacts], str | None], who: str, number: str
) -> str:
    reason = rule(world[who], rules.AliquotFacts.from_listing(lineage_row(world, number)))
    assert reason is not None, f"{who} may act on {number}"
    return reason


def refusal(world: World, error: type[CustodyError], call: Callable[[], Any]) -> str:
    with world.refused(error) as info:
        call()
    return str(info.value)


def test_reporting_an_aliquot_lost_twice(world: World) -> None:
    registry.report_lost(world.db, world["zhang"], A3, note="dropped")
    shown = tooltip(world, rules.why_not_report_lost, "zhang", A3)
    assert shown == f"Aliquot {A3} is reported lost already."
    said = refusal(
        world, RuleViolation, lambda: registry.report_lost(world.db, world["zhang"], A3, note="x")
    )
    assert said == shown


def test_only_the_holder_or_the_lenders_curator_reports_it_lost(world: World) -> None:
    shown = tooltip(world, rules.why_not_report_lost, "brown_lm", A1)
    assert shown == f"Only the holder of {A1} or the lender's curator may report it lost."
    said = refusal(
        world,
        PermissionDenied,
        lambda: registry.report_lost(world.db, world["brown_lm"], A1, note="not mine"),
    )
    assert said == shown


def test_a_lost_aliquot_is_not_split(world: World) -> None:
    registry.report_lost(world.db, world["zhang"], A4, note="dropped")
    shown = tooltip(world, rules.why_not_split, "zhang", A4)
    assert shown == f"Aliquot {A4} is lost; only an aliquot in storage can be split."
    said = refusal(
        world, RuleViolation, lambda: registry.split_aliquot(world.db, world["zhang"], A4, [10])
    )
    assert said == shown


@pytest.mark.parametrize("destructive", [False, True])
def test_the_loan_decides_whether_a_borrower_consumes(world: World, destructive: bool) -> None:
    loan = world.active_loan([A2], destructive=destructive)
    world.ship([A2], loan=loan)
    facts = rules.AliquotFacts.from_listing(lineage_row(world, A2))
    reason = rules.why_not_consume(world["brown_lm"], facts)
    if destructive:
        assert reason is None  # and the registry agrees:
        registry.consume(world.db, world["brown_lm"], A2, 10_000, note="laser ablation")
        return
    assert reason == f"Loan {loan} does not allow destructive analysis of {A2}."
    said = refusal(
        world, RuleViolation, lambda: registry.consume(world.db, world["brown_lm"], A2, 10_000)
    )
    assert said == reason
