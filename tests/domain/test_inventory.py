"""Annual inventory: scan, a missing aliquot reported lost, certify; an overdue inventory
holds new loans and shipments to the PI until it is certified."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from lunar_custody.domain import inventory, loans, queries
from lunar_custody.domain.errors import PermissionDenied, RuleViolation
from lunar_custody.domain.inventory_schedule import inventories_owed
from lunar_custody.domain.ledger import LOST
from lunar_custody.domain.models import CustodyEvent
from lunar_custody.domain.queries.reminders import inventories_due
from lunar_custody.domain.reminders import ReminderKind
from lunar_custody.domain.states import EventKind
from tests.worlds import World


def overdue_loan(world: World) -> str:
    """A loan of A1, A2 and A3 started 400 days ago, at Brown since: its inventory is owed."""
    start = world.today - timedelta(days=400)
    loan = world.active_loan(
        [world.aliquots[0], world.aliquots[1], world.aliquots[2]],
        starts_on=start,
        due_on=world.today + timedelta(days=300),
    )
    world.ship(list(world.aliquots[:3]), loan=loan)
    return loan


def test_inventory_blocks_until_certified_and_a_missing_aliquot_is_reported_lost(
    world: World,
) -> None:
    a1, a2, a3, a4 = world.aliquots
    loan = overdue_loan(world)
    (due,) = world.read(lambda s: inventories_owed(s, world.today))
    assert due.overdue and due.loan_number == loan
    (reminder,) = world.read(lambda s: list(inventories_due(s, world.today, world.today)))
    assert reminder.kind == ReminderKind.INVENTORY_DUE and reminder.contact_name == "Carla Pieters"

    # a new loan for the PI, and a new shipment under the loan, are refused with the reason
    with world.refused(RuleViolation, f"annual inventory of loan {loan}"):
        loans.create_loan(
            world.db,
            world["zhang"],
            borrower_code="BROWN",
            principal_investigator="brown_lm",
            purpose="more",
            starts_on=world.today,
            due_on=world.today + timedelta(days=30),
        )

    # the lender cannot take the borrower's inventory
    with pytest.raises(PermissionDenied):
        inventory.start_inventory(world.db, world["zhang"], loan)
    started = inventory.start_inventory(world.db, world["brown_lm"], loan)
    assert started.due_on == due.anniversary
    number = started.number
    found = inventory.scan_many(world.db, world["brown_lm"], number, [a1, a1.lower(), a4])
    assert [s.outcome for s in found] == ["found", "found", "unexpected"]
    assert found[1].already
    inventory.weigh(world.db, world["brown_lm"], number, a2, 299_000)
    with pytest.raises(RuleViolation, match="neither found nor marked missing"):
        inventory.certify(world.db, world["brown_lm"], number, world.cred("brown_lm"))
    inventory.mark_missing(
        world.db, world["brown_lm"], number, a3, note="not in the vault", report_lost=False
    )
    with pytest.raises(RuleViolation, match="not reported lost"):
        inventory.certify(world.db, world["brown_lm"], number, world.cred("brown_lm"))
    assert world.status(a3).status != LOST  # a refusal changed nothing
    inventory.certify(
        world.db, world["brown_lm"], number, world.cred("brown_lm"), missing_as_lost=True
    )

    assert world.status(a3).status == LOST
    view = inventory.show(world.db, number)
    assert (view.status, view.count("found"), view.count("missing"), view.count("unexpected")) == (
        "certified",
        2,
        1,
        1,
    )
    kinds = world.read(
        lambda s: list(s.scalars(select(CustodyEvent.kind).where(CustodyEvent.loan_id.isnot(None))))
    )
    assert kinds.count(EventKind.INVENTORIED) == 2 and kinds.count(EventKind.LOST) == 1
    assert world.status(a1).status == "in_storage"  # an inventory moves nothing
    assert queries.verify(world.db).ok

    # certified: nothing overdue, a new loan for the PI may be drafted again
    assert world.read(lambda s: inventories_owed(s, world.today)) == []
    loans.create_loan(
        world.db,
        world["zhang"],
        borrower_code="BROWN",
        principal_investigator="brown_lm",
        purpose="more",
        starts_on=world.today,
        due_on=world.today + timedelta(days=30),
    )


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_grace_period_is_an_administrators_setting(world: World) -> None:
    overdue_loan(world)
    assert inventory.grace(world.db) == 30
    with pytest.raises(PermissionDenied):
        inventory.set_grace_days(world.db, world["zhang"], 90)
    inventory.set_grace_days(world.db, world["admin"], 90)
    (due,) = world.read(lambda s: inventories_owed(s, world.today))
    assert not due.overdue


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_an_aliquot_returned_after_its_scan_is_not_certified_as_found(world: World) -> None:
    """Found by the scan, then sent back and received by the lender before the PI signs:
    the certificate's ``inventoried`` events name only what Brown still holds."""
    a1, a2, *_ = world.aliquots
    loan = world.active_loan([a1, a2])
    world.ship([a1, a2], loan=loan)
    number = inventory.start_inventory(world.db, world["brown_lm"], loan).number
    inventory.scan_many(world.db, world["brown_lm"], number, [a1, a2])
    world.send_back([a1])  # in the lender's storage again
    inventory.certify(world.db, world["brown_lm"], number, world.cred("brown_lm"))
    inventoried = queries.events(world.db, kind=EventKind.INVENTORIED)
    assert [(e.aliquot_number, e.institution) for e in inventoried] == [(a2, "BROWN")]
    world.check_rules()
