"""The audit trail: every change to a non-ledger record, who made it, old and new value."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from lunar_custody.domain import custody, loans, registry
from lunar_custody.domain.errors import PermissionDenied
from lunar_custody.domain.models import AuditEntry, Institution, Person

if TYPE_CHECKING:
    from .conftest import World

A1, A2, A3, A4 = (f"CE5C0400YJFM0050{n}" for n in (1, 2, 3, 4))
# A secret in the audit trail: its argon2 parameters and a digest, never the hash itself.
SET = re.compile(r"\(set: argon2id\$v=19\$m=19456,t=2,p=1; sha256 [0-9a-f]{32}\)")


def _set(value: str | None) -> bool:
    return value is not None and SET.fullmatch(value) is not None


DERIVED = {
    "status",
    "initial_mass_ug",
    "current_mass_ug",
    "children_mass_ug",
    "consumed_mass_ug",
    "lost_mass_ug",
    "custodian_institution_id",
    "custodian_person_id",
    "courier_id",
    "transfer_id",
    "loan_id",
    "last_event_id",
}


def _entries(world: World, *where: object) -> list[AuditEntry]:
    return world.read(
        lambda s: s.scalars(select(AuditEntry).where(*where).order_by(AuditEntry.id)).all()
    )


def _last_id(world: World) -> int:
    entries = _entries(world)
    return entries[-1].id if entries else 0


def _id_of(world: World, model: type[Person] | type[Institution], **where: str) -> int:
    column, value = next(iter(where.items()))
    return world.read(
        lambda s: s.scalars(select(model.id).where(getattr(model, column) == value)).one()
    )


def test_what_is_audited_and_what_is_not(world: World) -> None:
    _creation_is_audited_with_every_plain_field(world)
    _ledger_derived_columns_and_ledger_tables_are_not_audited(world)


def _creation_is_audited_with_every_plain_field(world: World) -> None:
    admin = world["admin"].person_id
    brown = _entries(
        world,
        AuditEntry.table_name == "institutions",
        AuditEntry.record_id == _id_of(world, Institution, code="BROWN"),
    )
    assert [(e.action, e.field, e.old_value, e.actor_id) for e in brown] == [
        ("create", None, None, admin)
    ]
    values = json.loads(brown[0].new_value)
    assert values["code"] == "BROWN" and values["name"] == "Brown University"
    assert values["kind"] == "borrower" and values["active"] == "True"
    (courier,) = _entries(
        world,
        AuditEntry.table_name == "people",
        AuditEntry.record_id == world["courier1"].person_id,
    )
    person = json.loads(courier.new_value)
    assert person["username"] == "courier1" and person["roles"] == "courier"
    assert _set(person["password_hash"]) and _set(person["pin_hash"])
    assert person["password_hash"] != person["pin_hash"]  # a digest tells them apart
    assert "failed_attempts" not in person  # counting is noise, not a change of record
    (curator,) = _entries(
        world, AuditEntry.table_name == "people", AuditEntry.record_id == world["zhang"].person_id
    )
    assert json.loads(curator.new_value)["pin_hash"] is None
    assert all(e.occurred_at.tzinfo is not None for e in [*brown, courier])


def _ledger_derived_columns_and_ledger_tables_are_not_audited(world: World) -> None:
    zhang = world["zhang"].person_id
    aliquots = _entries(world, AuditEntry.table_name == "aliquots")
    assert [e.action for e in aliquots] == ["create"] * 4
    assert all(e.actor_id == zhang for e in aliquots)
    created = json.loads(aliquots[0].new_value)
    assert created["number"] == A1 and created["container"] == "vial 1"
    assert not DERIVED & set(created)
    start = _last_id(world)
    loan = world.active_loan([A1])
    world.ship([A1], loan=loan)
    registry.split_aliquot(world.db, world["brown_lm"], A1, [1_000])
    registry.consume(world.db, world["brown_lm"], A1, 1_000)
    new = _entries(world, AuditEntry.id > start)
    tables = {e.table_name for e in new}
    assert tables - {"signatures", "certificates"} == {
        "clearance_items",
        "loans",
        "loan_items",
        "loan_receivers",
        "transfers",
        "transfer_items",
        "transfer_legs",
        "aliquots",
    }
    # signatures and the certificates issued at a person's first signature are audited too
    assert {"signatures", "certificates"} <= tables
    assert not {"custody_events", "audit_entries", "ledger_head"} & tables
    aliquot_fields = {e.field for e in new if e.table_name == "aliquots"}
    assert aliquot_fields == {None}  # only the child's creation: custody moves are in the ledger
    assert not {e.field for e in new} & {"next_child_number", "next_split_number"}
    transfer_status = [
        (e.old_value, e.new_value)
        for e in new
        if e.table_name == "transfers" and e.field == "status"
    ]
    assert transfer_status == [("prepared", "in_transit"), ("in_transit", "received")]
    shipped = [e for e in new if e.table_name == "loan_items" and e.field == "shipped_mass_ug"]
    assert [(e.old_value, e.new_value, e.actor_id) for e in shipped] == [(None, "500000", zhang)]


def test_updates_and_secrets(world: World) -> None:
    _updates_name_who_which_field_old_and_new(world)
    _secrets_are_never_copied(world)


def _updates_name_who_which_field_old_and_new(world: World) -> None:
    admin = world["admin"].person_id
    start = _last_id(world)
    registry.update_person(
        world.db, world["admin"], "zhang", roles="curator,viewer", email="zw@cnsa.example"
    )
    registry.update_institution(world.db, world["admin"], "KOLN", name="Universität zu Köln")
    new = _entries(world, AuditEntry.id > start)
    assert [
        (e.table_name, e.record_id, e.action, e.field, e.old_value, e.new_value, e.actor_id)
        for e in new
    ] == [
        ("people", world["zhang"].person_id, "update", "email", "", "zw@cnsa.example", admin),
        ("people", world["zhang"].person_id, "update", "roles", "curator", "curator,viewer", admin),
        (
            "institutions",
            _id_of(world, Institution, code="KOLN"),
            "update",
            "name",
            "University of Cologne",
            "Universität zu Köln",
            admin,
        ),
    ]


def _secrets_are_never_copied(world: World) -> None:
    start = _last_id(world)
    registry.update_person(world.db, world["admin"], "zhang", password="another-secret-1")
    registry.update_person(world.db, world["admin"], "courier1", pin=None)
    registry.update_person(world.db, world["admin"], "courier2", pin="97531")
    new = [e for e in _entries(world, AuditEntry.id > start) if e.table_name == "people"]
    assert [(e.field, _set(e.old_value), e.new_value and _set(e.new_value)) for e in new] == [
        ("password_hash", True, True),
        ("pin_hash", True, None),
        ("pin_hash", True, True),
    ]
    # a replaced secret shows as a change of its digest
    assert all(e.old_value != e.new_value for e in new)
    hashes = world.read(lambda s: s.scalars(select(Person.password_hash)).all())
    text = " ".join(f"{e.old_value} {e.new_value}" for e in _entries(world))
    assert "$argon2" not in text
    for secret in ("another-secret-1", world.PASSWORD, *hashes):
        assert secret not in text
    assert not [
        e
        for e in _entries(world)
        if e.field in ("password_hash", "pin_hash")
        and not (e.new_value is None or _set(e.new_value))
    ]


def test_loan_changes_are_audited(world: World) -> None:
    zhang = world["zhang"].person_id
    loan = loans.create_loan(
        world.db,
        world["zhang"],
        borrower_code="BROWN",
        principal_investigator="brown_lm",
        purpose="Volatiles",
        starts_on=world.today,
        due_on=world.today + timedelta(days=30),
    )
    loans.add_loan_items(world.db, world["zhang"], loan.number, [A1, A2])
    start = _last_id(world)
    loans.remove_loan_item(world.db, world["zhang"], loan.number, A2)
    (removed,) = _entries(world, AuditEntry.id > start)
    assert (removed.table_name, removed.action, removed.actor_id, removed.new_value) == (
        "loan_items",
        "delete",
        zhang,
        None,
    )
    assert json.loads(removed.old_value)["mass_at_loan_ug"] == "300000"
    world.clear(loan.number)
    start = _last_id(world)
    loans.approve_loan(world.db, world["li"], loan.number, world.cred("li"))
    changes = {(e.field, e.old_value): e for e in _entries(world, AuditEntry.id > start)}
    assert changes[("status", "draft")].new_value == "approved"
    assert changes[("status", "draft")].actor_id == world["li"].person_id
    assert changes[("approved_at", None)].new_value is not None


def test_a_photo_is_summarised_not_copied(world: World) -> None:
    loan = world.active_loan([A1])
    number = world.release([A1], loan=loan)
    photo = b"\xff\xd8\xff" + b"\x00" * 997
    custody.confirm_receipt(
        world.db,
        world["brown_lm"],
        number,
        credential=world.cred("brown_lm"),
        seal_intact=False,
        photo=photo,
    )
    (entry,) = _entries(world, AuditEntry.table_name == "discrepancies")
    summary = json.loads(entry.new_value)["photo"]
    assert re.fullmatch(r"sha256:[0-9a-f]{64} \(1000 bytes\)", summary), summary


def test_a_refused_operation_leaves_no_audit_entry(world: World) -> None:
    before = _last_id(world)
    with world.refused(PermissionDenied, "may manage people"):
        registry.update_person(world.db, world["zhang"], "li", roles="admin")
    assert _last_id(world) == before


def test_a_hand_over_is_audited_on_the_transfer(world: World) -> None:
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
    new = _entries(world, AuditEntry.id > start)
    one, two = world["courier1"].person_id, world["courier2"].person_id
    assert ("transfers", "update", "courier_id", str(one), str(two), one) in [
        (e.table_name, e.action, e.field, e.old_value, e.new_value, e.actor_id) for e in new
    ]
    assert {(e.table_name, e.action) for e in new} == {
        ("transfers", "update"),
        ("transfer_legs", "create"),
        ("transfer_legs", "update"),
        ("signatures", "create"),  # the two couriers' PIN confirmations
    }
