"""Listings: the paged, sorted, searched lists the windows show, checked against the records."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from lunar_custody.domain import listings, queries
from lunar_custody.domain.listings import ALIQUOTS, EVENTS, LOANS, TRANSFERS, Listing
from lunar_custody.domain.models import Aliquot
from tests.worlds import A1, A2, A3, A4, KOLN, LENDER, World


def rows(world: World, listing: Listing, **options: object) -> list[dict[str, object]]:
    with world.db.read() as session:
        found = listings.page(session, listing, **options)  # type: ignore[arg-type]
    return [dict(zip(listing.keys, row, strict=True)) for row in found]


def total(world: World, listing: Listing, **options: object) -> int:
    with world.db.read() as session:
        return listings.count(session, listing, **options)  # type: ignore[arg-type]


def test_every_listing_runs_sorted_both_ways_on_every_column(world: World) -> None:
    world.rich_scenario()
    for listing in listings.ALL:
        everything = total(world, listing)
        for column in listing.columns:
            for descending in (False, True):
                got = rows(world, listing, sort=column.key, descending=descending, limit=1000)
                assert len(got) == everything, (listing.name, column.key)
                values = [r[column.key] for r in got if r[column.key] is not None]
                assert values == sorted(values, reverse=descending), (listing.name, column.key)


def test_aliquots_by_number_prefix_custodian_and_status(world: World) -> None:
    numbers = world.rich_scenario()
    everything = [r["number"] for r in rows(world, ALIQUOTS, limit=1000)]
    assert everything == sorted(everything) and A1 in everything
    family = [r["number"] for r in rows(world, ALIQUOTS, search=A1.lower())]
    assert family == sorted(n for n in everything if n.startswith(A1))
    assert {numbers["child"], numbers["grandchild"]} < set(family)
    prefixed = rows(world, ALIQUOTS, search="ce5c0400yjfm0050")
    assert {r["number"] for r in prefixed} == set(everything)
    at_koln = rows(world, ALIQUOTS, search="cologne")
    assert [r["number"] for r in at_koln] == [A3]
    assert rows(world, ALIQUOTS, search="KOLN")[0]["custodian"] == at_koln[0]["custodian"]
    lost = rows(world, ALIQUOTS, filters={"status": "lost"})
    assert [r["number"] for r in lost] == [numbers["grandchild"]]
    assert total(world, ALIQUOTS, search="no such place") == 0


def test_a_count_is_the_number_of_rows_whether_or_not_it_needs_the_joins(world: World) -> None:
    """A count filtered on the aliquots' own columns is taken from their table alone, one
    that names a joined table (a custodian, a loan, the lendable subquery) over the joins:
    both must agree with the rows listed."""
    numbers = world.rich_scenario()
    with world.db.read() as session:
        parent_id = session.scalar(select(Aliquot.id).where(Aliquot.number == A1))
    cases: list[dict[str, object]] = [
        {},
        {"search": "CE5C04"},
        {"search": A1},
        {"search": "cologne"},
        {"filters": {"status": "lost"}},
        {"filters": {"number": numbers["child"]}},
        {"filters": {"roots": True}},
        {"filters": {"roots": False}, "search": "CE5C"},
        {"filters": {"parent_id": parent_id}},
        {"filters": {"custodian": KOLN}},
        {"filters": {"lendable_by": LENDER}},
        {"filters": {"status": "in_storage", "custodian": LENDER}, "search": "CE5"},
    ]
    for options in cases:
        listed = rows(world, ALIQUOTS, limit=10_000, **options)
        assert total(world, ALIQUOTS, **options) == len(listed), options
    assert total(world, ALIQUOTS, filters={"status": "lost"}) == 1


def test_search_takes_percent_and_underscore_literally(world: World) -> None:
    assert total(world, ALIQUOTS, search="%") == 0
    assert total(world, ALIQUOTS, search="_") == 0
    assert total(world, LOANS, search="%") == 0


def test_paging_covers_everything_once(world: World) -> None:
    world.rich_scenario()
    everything = rows(world, EVENTS, limit=10_000)
    pages = [rows(world, EVENTS, offset=offset, limit=7) for offset in range(0, 70, 7)]
    assert [r["id"] for page in pages for r in page] == [r["id"] for r in everything]
    assert [r["id"] for r in everything] == sorted((r["id"] for r in everything), reverse=True)


def test_events_of_one_aliquot_match_its_history(world: World) -> None:
    world.rich_scenario()
    history = queries.history(world.db, A2)
    listed = rows(world, EVENTS, search=A2, sort="id")
    assert [r["id"] for r in listed] == [e.id for e in history]
    assert rows(world, EVENTS, search=f"#{history[0].id}")[0]["aliquot"] == A2


def test_loans_overdue_and_outstanding(world: World) -> None:
    late = world.active_loan(
        [A4], starts_on=world.today - timedelta(days=300), due_on=world.today - timedelta(days=3)
    )
    world.ship([A4], loan=late)
    on_time = world.active_loan([A2])
    overdue = rows(world, LOANS, filters={"overdue_on": world.today})
    assert [r["number"] for r in overdue] == [late]
    listed = {r["number"]: r for r in rows(world, LOANS)}
    assert (listed[late]["items"], listed[late]["outstanding"]) == (1, 1)
    assert listed[on_time]["status"] == "active"
    assert {r["number"] for r in rows(world, LOANS, search="brown")} == {late, on_time}
    assert {r["number"] for r in rows(world, LOANS, search="Carla")} == {late, on_time}


@pytest.mark.parametrize("status", ["received", "in_transit"])
def test_transfers_by_status(world: World, status: str) -> None:
    numbers = world.rich_scenario()
    loan = world.active_loan([A4], borrower=KOLN, pi="koln_lm")
    pending = world.release([A4], receiver="koln_lm", seal="SEAL-9", loan=loan)
    found = {r["number"] for r in rows(world, TRANSFERS, filters={"status": status})}
    if status == "in_transit":
        assert found == {pending}
    else:
        assert {numbers["outbound"], numbers["inbound"], numbers["koln"]} == found
    assert [r["number"] for r in rows(world, TRANSFERS, search="SEAL-9")] == [pending]
