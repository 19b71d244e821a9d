"""The audit trail in words: record nouns, field labels, names for ids, local times; the
raw entry beside each line."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from lunar_custody.domain import custody, loans, queries, registry
from lunar_custody.domain.models import AuditEntry
from lunar_custody.domain.queries.audit import field_label

if TYPE_CHECKING:
    from .conftest import World

A1 = "CE5C0400YJFM00501"


def _after(world: World, start: int) -> list[queries.AuditLine]:
    ids = world.read(lambda s: s.scalars(select(AuditEntry.id).where(AuditEntry.id > start)).all())
    return queries.audit_lines(world.db, ids)


def _last_id(world: World) -> int:
    return world.read(
        lambda s: s.scalars(select(AuditEntry.id).order_by(AuditEntry.id.desc())).first()
    )


def test_a_hand_over_reads_as_the_couriers_names(
    world: World, time_zone: Callable[[str], None]
) -> None:
    time_zone("Asia/Shanghai")
    loan = world.active_loan([A1])
    number = world.release([A1], loan=loan)
    start = _last_id(world)
    custody.hand_over(
        world.db,
        world["courier1"],
        number,
        to_courier="courier2",
        from_credential=world.pin("courier1"),
        to_credential=world.pin("courier2"),
    )
    lines = _after(world, start)
    (courier,) = [line for line in lines if line.raw.field == "courier_id"]
    assert courier.record == f"Transfer {number}"
    assert (courier.action, courier.field) == ("changed", "Courier")
    assert (courier.before, courier.after) == ("Chen Courier", "Dana Courier")
    assert courier.change == "Courier: Chen Courier → Dana Courier"
    assert courier.by == "Chen Courier"
    # the raw entry behind the words: table, id, field and the stored ids
    one, two = world["courier1"].person_id, world["courier2"].person_id
    transfer_id = courier.raw.record_id
    assert (courier.raw.table_name, courier.raw.action) == ("transfers", "update")
    assert (courier.raw.old_value, courier.raw.new_value) == (str(one), str(two))
    # the time in Shanghai's zone, eight hours after UTC
    local = courier.occurred_at + timedelta(hours=8)
    assert courier.when == f"{local:%Y-%m-%d %H:%M} CST"
    assert courier.raw.occurred_at == courier.occurred_at.isoformat()
    assert courier.raw.occurred_at.endswith("+00:00")
    # the new leg is named by its transfer, its courier by name, its start in local time
    (leg,) = [
        line
        for line in lines
        if line.raw.table_name == "transfer_legs" and line.raw.action == "create"
    ]
    assert leg.record == f"Transfer leg 2 of transfer {number}"
    assert leg.action == "created" and leg.field == ""
    details = dict(leg.fields)
    assert details["Courier"] == "Dana Courier"
    assert details["Handed over by"] == "Chen Courier"
    assert details["Transfer"] == number
    assert details["Started at"].endswith(" CST")
    assert "Courier Dana Courier" in leg.after and "Transfer " + number in leg.after
    assert json.loads(leg.raw.new_value or "")["courier_id"] == str(two)
    # the leg that ended
    ended = [line for line in lines if line.raw.table_name == "transfer_legs" and line.raw.field]
    assert [(line.record, line.field, line.before) for line in ended] == [
        (f"Transfer leg 1 of transfer {number}", "Ended at", "(none)")
    ]
    signatures = [line.record for line in lines if line.raw.table_name == "signatures"]
    assert signatures == [
        f"Signature of Chen Courier (relinquished) on transfer {number}",
        f"Signature of Dana Courier (accepted) on transfer {number}",
    ]
    assert transfer_id > 0


def test_an_extended_loan_reads_as_its_dates(
    world: World, time_zone: Callable[[str], None]
) -> None:
    time_zone("Europe/Paris")
    old_due = world.today + timedelta(days=100)
    new_due = world.today + timedelta(days=400)
    loan = world.active_loan([A1], due_on=old_due)
    start = _last_id(world)
    loans.extend_loan(
        world.db,
        world["zhang"],
        loan,
        new_due,
        reason="Instrument down",
        credential=world.cred("zhang"),
    )
    lines = {
        line.raw.field: line for line in _after(world, start) if line.raw.table_name == "loans"
    }
    due = lines["due_on"]
    assert due.record == f"Loan {loan}"
    assert (
        due.change == f"Due date: {old_due.isoformat()} → {new_due.isoformat()}"
    )  # dates stay dates
    assert due.by == "Zhang Wei"
    assert due.when.endswith((" CET", " CEST"))
    assert lines["extension_count"].change == "Extension count: 0 → 1"
    assert lines["notes"].field == "Notes"


def test_created_and_changed_records_in_words(
    world: World, time_zone: Callable[[str], None]
) -> None:
    time_zone("UTC")
    start = _last_id(world)
    loan = world.active_loan([A1])
    registry.update_person(world.db, world["admin"], "zhang", password="another-secret-1")
    lines = _after(world, start)
    created = next(
        line for line in lines if line.raw.table_name == "loans" and line.raw.action == "create"
    )
    assert created.record == f"Loan {loan}" and created.action == "created"
    details = dict(created.fields)
    assert details["Borrower"] == "Brown University"
    assert details["Principal investigator"] == "Carla Pieters"
    assert details["Destructive analysis allowed"] == "yes"
    assert details["Status"] == "draft"
    assert created.change.startswith(f"created: Number {loan}; ")
    item = next(line for line in lines if line.raw.table_name == "loan_items")
    assert item.record == f"Loan item {A1} on loan {loan}"
    assert dict(item.fields)["Mass at loan"] == "500.000 mg"
    status = [
        line.change
        for line in lines
        if line.raw.table_name == "loans" and line.raw.field == "status"
    ]
    assert status == ["Status: draft → approved", "Status: approved → active"]
    # a password is never shown, only that it was replaced
    (password,) = [line for line in lines if line.raw.field == "password_hash"]
    assert (password.record, password.change) == ("Person Zhang Wei", "Password: set → replaced")
    assert password.by == "Ada Admin"


def test_labels_of_fields() -> None:
    assert field_label("courier_id") == "Courier"
    assert field_label("due_on") == "Due date"
    assert field_label("expected_mass_ug") == "Expected mass"
    assert field_label("borrower_institution_id") == "Borrower"
    assert field_label("released_at") == "Released at"
