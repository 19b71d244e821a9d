"""The custody pictures' values against the ledger: lanes, handoffs, seals, signatures and
masses of a timeline; a mass flow that sums to the microgram (SQLite and PostgreSQL)."""

from __future__ import annotations

from lunar_custody.domain import queries, registry
from lunar_custody.domain.masses import format_mass
from lunar_custody.domain.queries.pictures import HANDOFF_KINDS, MAX_PARTS
from tests.worlds import A1, A2, A3, A4, World


def test_the_timeline_shows_each_holder_handoff_seal_signature_and_mass(world: World) -> None:
    world.rich_scenario()
    events = queries.history(world.db, A2)
    timeline = queries.custody_timeline(world.db, A2)

    # one lane per holder, in the order each first held it: the lender, two couriers, Brown
    assert [lane.name for lane in timeline.lanes] == [
        "CNSA Lunar Sample Laboratory",
        "Chen Courier (SECURE)",
        "Dana Courier (SECURE)",
        "Brown University",
    ]
    assert [lane.courier for lane in timeline.lanes] == [False, True, True, False]
    # every event a step, every change of hands the ledger records an arrow
    assert [step.event_id for step in timeline.steps] == [e.id for e in events]
    assert len(timeline.handoffs) == sum(e.kind in HANDOFF_KINDS for e in events) == 5
    moves = [(s.kind, s.from_lane, s.to_lane) for s in timeline.handoffs]
    assert moves == [
        ("released", 0, 1),
        ("handed_over", 1, 2),
        ("received", 2, 3),
        ("released", 3, 1),
        ("returned", 1, 0),
    ]
    release, handover, receipt, *_ = timeline.handoffs
    assert release.seal == "SEAL-0001"
    assert release.signatures == ("Relinquished by Zhang Wei", "Received by Chen Courier")
    assert handover.signatures == ("Relinquished by Chen Courier", "Received by Dana Courier")
    assert receipt.seal_intact is False  # it arrived with a broken seal
    assert receipt.signatures == ("Received by Carla Pieters",)
    # the mass after each step: the recorded loss on arrival (10 mg), then 10 mg consumed
    masses = [(s.kind, s.mass_label) for s in timeline.steps]
    assert ("mass_lost", "290.000 mg") in masses
    assert ("consumed", "280.000 mg") in masses
    status = queries.aliquot_status(world.db, A2)
    assert timeline.steps[-1].mass_ug == status.current_mass_ug == 280_000


def test_the_sample_mass_flow_sums_to_the_original_mass_by_the_ledger(world: World) -> None:
    numbers = world.rich_scenario()
    flow = queries.sample_mass_flow(world.db, world.SAMPLE)
    statuses = [
        queries.aliquot_status(world.db, n)
        for n in (A1, A2, A3, A4, numbers["child"], numbers["grandchild"])
    ] + [queries.aliquot_status(world.db, c) for c in queries.aliquot_status(world.db, A1).children]
    statuses = list({s.number: s for s in statuses}.values())

    assert flow.total_ug == world.SAMPLE_MASS_UG
    assert sum(p.mass_ug for p in flow.parts) == flow.total_ug
    assert sum(o.mass_ug for o in flow.outcomes) == flow.total_ug
    for index, part in enumerate(flow.parts):
        assert sum(k.mass_ug for k in flow.links if k.part == index) == part.mass_ug
    for index, outcome in enumerate(flow.outcomes):
        assert sum(k.mass_ug for k in flow.links if k.outcome == index) == outcome.mass_ug
    by_name = {o.name: o.mass_ug for o in flow.outcomes}
    parts = {p.name: p.mass_ug for p in flow.parts}
    # the top-level aliquots at their initial masses, and what was never split off
    tops = {n: queries.aliquot_status(world.db, n).initial_mass_ug for n in (A1, A2, A3, A4)}
    assert parts == {**tops, "not split into aliquots": world.SAMPLE_MASS_UG - sum(tops.values())}
    assert by_name["consumed"] == sum(s.consumed_mass_ug for s in statuses) == 10_000
    assert by_name["lost"] == sum(s.lost_mass_ug for s in statuses) == 10_000 + 20_000
    assert by_name["returned"] == queries.aliquot_status(world.db, A2).current_mass_ug
    assert by_name["held by University of Cologne"] == 201_500  # its book mass corrected
    assert by_name["held by Brown University"] == 30_000  # the child, less its lost split
    lender = (
        sum(
            s.current_mass_ug
            for s in statuses
            if s.custodian_institution == "CNSA Lunar Sample Laboratory"
        )
        - by_name["returned"]
    )
    assert by_name["held by CNSA Lunar Sample Laboratory"] == lender
    labels = {o.label for o in flow.outcomes}
    assert f"consumed: {format_mass(10_000)}" in labels


def test_an_aliquot_mass_flow_follows_its_children(world: World) -> None:
    numbers = world.rich_scenario()
    flow = queries.aliquot_mass_flow(world.db, A1)
    a1 = queries.aliquot_status(world.db, A1)
    assert flow.total_ug == a1.initial_mass_ug == 500_000
    assert [(p.name, p.mass_ug) for p in flow.parts] == [
        (f"kept in {A1}", a1.current_mass_ug + a1.consumed_mass_ug + a1.lost_mass_ug),
        *((c, queries.aliquot_status(world.db, c).initial_mass_ug) for c in a1.children),
    ]
    assert sum(o.mass_ug for o in flow.outcomes) == flow.total_ug
    outcomes = {o.name: o.mass_ug for o in flow.outcomes}
    assert outcomes["lost"] == queries.aliquot_status(world.db, numbers["grandchild"]).lost_mass_ug
    assert outcomes["held by Brown University"] == 30_000


def test_a_flow_of_many_children_merges_the_last_into_one_band(world: World) -> None:
    children = registry.split_aliquot(world.db, world["zhang"], A4, [1_000] * 12)
    registry.consume(world.db, world["zhang"], children[-1].number, 400, note="tested")
    flow = queries.aliquot_mass_flow(world.db, A4)
    assert len(flow.parts) == MAX_PARTS
    assert [p.name for p in flow.parts[1:-1]] == [c.number for c in children[: MAX_PARTS - 2]]
    merged = len(children) - (MAX_PARTS - 2)
    assert (flow.parts[-1].name, flow.parts[-1].mass_ug) == (f"{merged} more parts", merged * 1_000)
    assert sum(p.mass_ug for p in flow.parts) == sum(o.mass_ug for o in flow.outcomes) == 100_000
    assert {o.name: o.mass_ug for o in flow.outcomes}["consumed"] == 400
