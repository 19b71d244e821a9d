"""DESIGN.md's rules as scenarios: one custodian, mass balance, who may act, one transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import select

from lunar_custody.domain import custody, ledger, loans, queries, registry
from lunar_custody.domain.errors import (
    AuthenticationError,
    ConflictError,
    NotFoundError,
    PermissionDenied,
    RuleViolation,
)
from lunar_custody.domain.models import CustodyEvent, Signature, Transfer
from lunar_custody.domain.permissions import (
    OPERATION_LABELS,
    OPERATIONS,
    ROLE_LABELS,
    ROLES,
    require,
    why_not,
)

if TYPE_CHECKING:
    from .conftest import World

A1, A2, A3, A4 = (f"CE5C0400YJFM0050{n}" for n in (1, 2, 3, 4))


# ------------------------------------------------------------------ rule 5: roles


def test_every_operation_has_a_label_and_at_least_one_role() -> None:
    assert set(OPERATION_LABELS) == set(OPERATIONS)
    for operation, roles in OPERATIONS.items():
        assert roles and roles <= set(ROLES), operation
    assert set(ROLE_LABELS) == set(ROLES)


def test_why_not_explains_in_plain_words() -> None:
    assert why_not(frozenset({"curator"}), "split") is None
    assert why_not(frozenset({"viewer", "lab_manager"}), "split") is None
    assert why_not(frozenset({"courier"}), "split") == (
        "Only a curator or lab manager may split aliquots."
    )
    assert why_not(frozenset({"viewer"}), "accept_as_courier") == (
        "Only a courier may carry packages as a courier."
    )
    # an administrator, not "a administrator"
    assert why_not(frozenset({"curator"}), "manage_people") == (
        "Only an administrator may manage people."
    )
    for operation in OPERATIONS:
        for role in ROLES:
            reason = why_not(frozenset({role}), operation)
            if role in OPERATIONS[operation]:
                assert reason is None
                require(frozenset({role}), operation)
            else:
                assert reason is not None and reason.endswith(f"{OPERATION_LABELS[operation]}.")
                assert " a a" not in reason and " a e" not in reason
                with pytest.raises(PermissionDenied):
                    require(frozenset({role}), operation)


def _in_the_middle_of_things(world: World) -> dict[str, str]:
    """A1 at Brown (with an open seal discrepancy), A2 in transit to Brown, A3 at the lender."""
    loan = world.active_loan([A1, A2])
    first = world.release([A1], loan=loan)
    world.receive(first, seal_intact=False)
    second = world.release([A2], loan=loan, seal="SEAL-0002")
    (discrepancy,) = queries.discrepancies(world.db)
    return {"loan": loan, "first": first, "second": second, "discrepancy": str(discrepancy.id)}


def _every_service(world: World, names: dict[str, str]) -> dict[str, Callable[[Any], Any]]:
    """Every service that changes something, as operation -> call(actor)."""
    db, c = world.db, world.cred
    loan, second, discrepancy = names["loan"], names["second"], int(names["discrepancy"])
    today = world.today
    return {
        "register_sample": lambda a: registry.register_sample(
            db, a, registry.NewSample("CE5C0401", None)
        ),
        "register_aliquot": lambda a: registry.register_aliquot(
            db, a, "CE5C0400", registry.NewAliquot("CE5C0400YJFM00599", 10)
        ),
        "split": lambda a: registry.split_aliquot(db, a, A3, [10]),
        "consume": lambda a: registry.consume(db, a, A3, 10),
        "report_lost": lambda a: registry.report_lost(db, a, A3, note="gone"),
        "correct": lambda a: registry.correct_event(db, a, 1, note="typo", mass_delta_ug=1),
        "draft_loan": lambda a: loans.create_loan(
            db,
            a,
            borrower_code="KOLN",
            principal_investigator="koln_lm",
            purpose="x",
            starts_on=today,
            due_on=today + timedelta(days=9),
        ),
        "update_loan": lambda a: loans.update_loan(db, a, loan, purpose="y"),
        "add_loan_items": lambda a: loans.add_loan_items(db, a, loan, [A3]),
        "remove_loan_item": lambda a: loans.remove_loan_item(db, a, loan, A1),
        "approve_loan": lambda a: loans.approve_loan(db, a, loan, c(a.username)),
        "countersign_loan": lambda a: loans.countersign_loan(db, a, loan, c(a.username)),
        "extend_loan": lambda a: loans.extend_loan(
            db, a, loan, today + timedelta(days=900), reason="r", credential=c(a.username)
        ),
        "close_loan": lambda a: loans.close_loan(db, a, loan, c(a.username)),
        "cancel_loan": lambda a: loans.cancel_loan(db, a, loan, reason="r"),
        "prepare_transfer": lambda a: custody.prepare_transfer(
            db, a, aliquot_numbers=[A3], receiver="li", courier="courier1", seal_number="S"
        ),
        "release_transfer": lambda a: custody.release_transfer(
            db, a, second, sender=c(a.username), courier=world.pin("courier1")
        ),
        "release_package": lambda a: custody.release_package(
            db,
            a,
            aliquot_numbers=[A3],
            receiver="koln_lm",
            courier="courier1",
            seal_number="S",
            sender_credential=c(a.username),
            courier_credential=world.pin("courier1"),
        ),
        "cancel_transfer": lambda a: custody.cancel_transfer(db, a, second, reason="r"),
        "hand_over": lambda a: custody.hand_over(
            db,
            a,
            second,
            to_courier="courier2",
            from_credential=c(a.username),
            to_credential=world.pin("courier2"),
        ),
        "receive": lambda a: custody.confirm_receipt(
            db, a, second, credential=c(a.username), seal_intact=True
        ),
        "resolve_discrepancy": lambda a: custody.resolve_discrepancy(
            db, a, discrepancy, resolution="accept", note="ok", credential=c(a.username)
        ),
        "create_institution": lambda a: registry.create_institution(
            db, a, code="IPGP", name="IPGP", kind="borrower"
        ),
        "update_institution": lambda a: registry.update_institution(db, a, "BROWN", name="B"),
        "create_person": lambda a: registry.create_person(
            db,
            a,
            username="x",
            full_name="X",
            institution_code="CNSA",
            roles="viewer",
            password="long-enough",
        ),
        "update_person": lambda a: registry.update_person(db, a, "zhang", email="z@x"),
    }


# the permission each service checks (services not named in OPERATIONS use a related one)
SERVICE_PERMISSION = {
    "register_aliquot": "register_sample",
    "update_loan": "draft_loan",
    "add_loan_items": "draft_loan",
    "remove_loan_item": "draft_loan",
    "cancel_loan": "draft_loan",
    "release_transfer": "release",
    "release_package": "release",
    "cancel_transfer": "prepare_transfer",
    "hand_over": "accept_as_courier",
    "create_institution": "manage_institutions",
    "update_institution": "manage_institutions",
    "create_person": "manage_people",
    "update_person": "manage_people",
}


def test_each_service_checks_the_role_of_the_actor(world: World) -> None:
    """Every service refuses a role that may not do it, before looking at anything else."""
    names = _in_the_middle_of_things(world)
    services = _every_service(world, names)
    assert len(services) == 26
    refusals: dict[str, int] = {}
    for username in ("auditor", "courier2", "admin", "brown_pi", "zhang"):
        actor = world[username]
        refusals[username] = 0
        for service, call in services.items():
            reason = why_not(actor.roles, SERVICE_PERMISSION.get(service, service))
            if reason is None:
                continue
            refusals[username] += 1
            with world.refused(PermissionDenied, reason.split(" may ")[1]):
                call(actor)
    assert refusals == {"auditor": 26, "courier2": 24, "admin": 22, "brown_pi": 17, "zhang": 5}
    world.check_rules()


def test_only_the_custodians_side_may_act_on_an_aliquot(world: World) -> None:
    names = _in_the_middle_of_things(world)
    db = world.db
    held_by_brown = "is not held by CNSA Lunar Sample Laboratory; only its custodian may do this"
    with world.refused(PermissionDenied, f"Aliquot {A1} {held_by_brown}"):
        custody.prepare_transfer(
            db,
            world["zhang"],
            aliquot_numbers=[A1],
            receiver="koln_lm",
            courier="courier1",
            seal_number="S",
        )
    with world.refused(PermissionDenied, f"Aliquot {A1} is not held by University of Cologne"):
        registry.split_aliquot(db, world["koln_lm"], A1, [10])
    with world.refused(PermissionDenied, f"Aliquot {A1} is not held by University of Cologne"):
        registry.consume(db, world["koln_lm"], A1, 10)
    with world.refused(PermissionDenied, f"Aliquot {A3} is not held by Brown University"):
        registry.split_aliquot(db, world["brown_lm"], A3, [10])
    with world.refused(PermissionDenied, "Only the holder of", "or the lender's curator"):
        registry.report_lost(db, world["koln_lm"], A1, note="not mine")
    with world.refused(PermissionDenied, "is carried by Chen Courier, not by you"):
        custody.hand_over(
            db,
            world["courier2"],
            names["second"],
            to_courier="courier2",
            from_credential=world.pin("courier2"),
            to_credential=world.pin("courier2"),
        )
    with world.refused(PermissionDenied, "Only an authorised receiver of loan", "(Carla Pieters)"):
        custody.confirm_receipt(
            db,
            world["brown_pi"],
            names["second"],
            credential=world.cred("brown_pi"),
            seal_intact=True,
        )
    with world.refused(PermissionDenied, "(Carla Pieters) may confirm this receipt."):
        custody.confirm_receipt(
            db, world["zhang"], names["second"], credential=world.cred("zhang"), seal_intact=True
        )
    # a colleague on the custodian's side may act: the side is the institution
    registry.split_aliquot(db, world["brown_pi"], A1, [1_000])
    returning = custody.prepare_transfer(
        db,
        world["brown_lm"],
        aliquot_numbers=[A1],
        receiver="zhang",
        courier="courier2",
        seal_number="R-1",
    )
    with world.refused(
        PermissionDenied, f"Only Brown University, the sender, releases transfer {returning.number}"
    ):
        custody.release_transfer(
            db,
            world["li"],
            returning.number,
            sender=world.cred("li"),
            courier=world.pin("courier2"),
        )
    custody.release_transfer(
        db,
        world["brown_pi"],
        returning.number,
        sender=world.cred("brown_pi"),
        courier=world.pin("courier2"),
    )
    world.check_rules()


# ------------------------------------------------------------------ rule 1: one custodian


def _holder(world: World, number: str) -> tuple[str, str | None, str | None, str | None]:
    status = world.status(number)
    return (status.status, status.custodian_institution, status.custodian_person, status.courier)


def test_one_custodian_or_one_courier_at_every_step(world: World) -> None:
    db = world.db
    assert _holder(world, A1) == ("in_storage", "CNSA Lunar Sample Laboratory", "Zhang Wei", None)
    loan = world.active_loan([A1])
    assert _holder(world, A1) == ("in_storage", "CNSA Lunar Sample Laboratory", "Zhang Wei", None)
    transfer = world.release([A1], loan=loan)
    courier_org = "Sino-Euro Secure Logistics"
    assert _holder(world, A1) == ("in_transit", courier_org, "Chen Courier", "Chen Courier")
    world.check_rules()
    custody.hand_over(
        db,
        world["courier1"],
        transfer,
        to_courier="courier2",
        from_credential=world.pin("courier1"),
        to_credential=world.pin("courier2"),
    )
    assert _holder(world, A1) == ("in_transit", courier_org, "Dana Courier", "Dana Courier")
    world.check_rules()
    with pytest.raises(PermissionDenied):  # courier1 no longer carries it
        custody.hand_over(
            db,
            world["courier1"],
            transfer,
            to_courier="courier2",
            from_credential=world.pin("courier1"),
            to_credential=world.pin("courier2"),
        )
    world.receive(transfer)
    assert _holder(world, A1) == ("in_storage", "Brown University", "Carla Pieters", None)
    assert world.status(A1).loan_number == loan
    world.check_rules()
    back = world.release([A1], sender="brown_pi", receiver="li", courier="courier2", seal="R")
    assert _holder(world, A1) == ("in_transit", courier_org, "Dana Courier", "Dana Courier")
    world.receive(back, receiver="li")
    assert _holder(world, A1) == ("in_storage", "CNSA Lunar Sample Laboratory", "Li Na", None)
    assert world.status(A1).loan_number is None
    world.check_rules()
    # each event names the holder after it; the table agrees with the last one
    rows = queries.history(db, A1)
    assert [r.kind for r in rows] == [
        "registered",
        "released",
        "handed_over",
        "received",
        "released",
        "returned",
    ]
    assert [(r.institution, r.custodian, r.courier) for r in rows] == [
        ("CNSA", "Zhang Wei", None),
        ("SECURE", "Chen Courier", "Chen Courier"),
        ("SECURE", "Dana Courier", "Dana Courier"),
        ("BROWN", "Carla Pieters", None),
        ("SECURE", "Dana Courier", "Dana Courier"),
        ("CNSA", "Li Na", None),
    ]
    assert world.status(A1).last_event_id == rows[-1].id


# ------------------------------------------------------------------ rule 2: mass balance


def _balance(world: World, number: str) -> tuple[int, int, int, int, int]:
    s = world.status(number)
    assert s.initial_mass_ug == (
        s.current_mass_ug + s.children_mass_ug + s.consumed_mass_ug + s.lost_mass_ug
    )
    return (
        s.initial_mass_ug,
        s.current_mass_ug,
        s.children_mass_ug,
        s.consumed_mass_ug,
        s.lost_mass_ug,
    )


def test_mass_balance_through_split_consume_loss_correction_and_resolution(world: World) -> None:
    db, zhang = world.db, world["zhang"]
    registry.split_aliquot(db, zhang, A1, [100_000, 50_000])
    assert _balance(world, A1) == (500_000, 350_000, 150_000, 0, 0)
    registry.consume(db, zhang, A1, 25_000, note="ICP-MS at home")
    assert _balance(world, A1) == (500_000, 325_000, 150_000, 25_000, 0)
    # a loss found on receipt, written off by the curator
    loan = world.active_loan([A1, f"{A1}-G1"])
    transfer = world.release([A1, f"{A1}-G1"], loan=loan)
    receipt = world.receive(transfer, measured={A1: 320_000, f"{A1}-G1": 100_040})
    (mass,) = receipt.discrepancies  # 100_040 is within 0.5 %: no discrepancy
    custody.resolve_discrepancy(
        db, zhang, mass.id, resolution="record_loss", note="spilled", credential=world.cred("zhang")
    )
    assert _balance(world, A1) == (500_000, 320_000, 150_000, 25_000, 5_000)
    # a correction of the book mass changes initial and current alike
    event = queries.history(db, A1)[0].id
    registry.correct_event(db, zhang, event, note="balance was off", mass_delta_ug=-1_000)
    assert _balance(world, A1) == (499_000, 319_000, 150_000, 25_000, 5_000)
    registry.consume(db, world["brown_lm"], A1, 19_000)
    registry.split_aliquot(db, world["brown_lm"], A1, [300_000])
    assert _balance(world, A1) == (499_000, 0, 450_000, 44_000, 5_000)
    assert world.status(A1).status == "depleted"
    assert _balance(world, f"{A1}-G1") == (100_000, 100_000, 0, 0, 0)
    assert _balance(world, f"{A1}-G3") == (300_000, 300_000, 0, 0, 0)
    registry.report_lost(db, world["brown_lm"], f"{A1}-G3", note="vial cracked")
    assert _balance(world, f"{A1}-G3") == (300_000, 0, 0, 0, 300_000)
    with world.refused(RuleViolation, "holds 100.000 mg; the children would take 100.001 mg"):
        registry.split_aliquot(db, world["brown_lm"], f"{A1}-G1", [50_000, 50_001])
    with world.refused(RuleViolation, "holds only 100.000 mg; 100.001 mg cannot be consumed"):
        registry.consume(db, world["brown_lm"], f"{A1}-G1", 100_001)
    with world.refused(RuleViolation, "would make it negative"):
        registry.correct_event(db, zhang, event, note="x", mass_delta_ug=-1)  # A1 holds nothing
    registry.consume(db, world["brown_lm"], f"{A1}-G1", 100_000)
    assert world.status(f"{A1}-G1").status == "consumed"
    world.check_rules()


# ------------------------------------------------------------------ rule 7: one transaction


TWENTY = [f"CE5C0401YJFM{n:05d}" for n in range(1, 21)]


def _twenty_on_loan(world: World) -> str:
    registry.register_sample(
        world.db,
        world["zhang"],
        registry.NewSample(
            "CE5C0401", 100_000, aliquots=[registry.NewAliquot(n, 1_000) for n in TWENTY]
        ),
    )
    return world.active_loan(TWENTY)


def test_a_package_of_twenty_writes_twenty_events_in_one_go(world: World) -> None:
    loan = _twenty_on_loan(world)
    before = world.count(CustodyEvent)
    number = world.release(TWENTY, loan=loan)
    with world.db.read() as session:
        released = session.scalars(
            select(CustodyEvent).where(CustodyEvent.id > before).order_by(CustodyEvent.id)
        ).all()
        transfer_id = session.scalars(select(Transfer.id).where(Transfer.number == number)).one()
    assert [e.id for e in released] == list(range(before + 1, before + 21))
    assert {e.kind for e in released} == {"released"}
    assert {e.transfer_id for e in released} == {transfer_id}
    assert len({e.occurred_at for e in released}) == 1  # one operation, one time
    assert all(world.status(n).status == "in_transit" for n in TWENTY)
    world.receive(number, measured={n: 1_000 for n in TWENTY})
    assert world.count(CustodyEvent) == before + 40
    assert all(world.status(n).custodian_institution == "Brown University" for n in TWENTY)
    world.check_rules()


def test_when_the_twentieth_cannot_go_none_goes(world: World) -> None:
    loan = _twenty_on_loan(world)
    transfer = custody.prepare_transfer(
        world.db,
        world["zhang"],
        aliquot_numbers=TWENTY,
        receiver="brown_lm",
        courier="courier1",
        seal_number="S-20",
        loan_number=loan,
    )
    registry.report_lost(world.db, world["zhang"], TWENTY[-1], note="fell behind the shelf")
    with world.refused(ConflictError, f"Aliquot {TWENTY[-1]} is no longer in the sender's storage"):
        custody.release_transfer(
            world.db,
            world["zhang"],
            transfer.number,
            sender=world.cred("zhang"),
            courier=world.pin("courier1"),
        )
    assert all(world.status(n).status == "in_storage" for n in TWENTY[:-1])


def test_a_crash_while_writing_the_twentieth_event_leaves_nothing(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    loan = _twenty_on_loan(world)
    appended: list[str] = []
    real_append = ledger.Ledger.append

    def failing_append(self: ledger.Ledger, aliquot: Any, kind: str, **kwargs: Any) -> Any:
        appended.append(kind)
        if len(appended) == 20:
            raise OSError("disk unplugged")
        return real_append(self, aliquot, kind, **kwargs)

    before = world.snapshot()
    monkeypatch.setattr(ledger.Ledger, "append", failing_append)
    with pytest.raises(OSError, match="disk unplugged"):
        world.release(TWENTY, loan=loan)
    monkeypatch.undo()
    assert appended == ["released"] * 20
    assert world.snapshot() == before
    world.release(TWENTY, loan=loan)  # and the next attempt goes through whole
    assert world.count(CustodyEvent, CustodyEvent.kind == "released") == 20


def test_a_wrong_secret_at_the_end_undoes_the_twenty_events(world: World) -> None:
    loan = _twenty_on_loan(world)
    number = world.release(TWENTY, loan=loan)
    signatures = world.count(Signature)
    with world.refused(
        AuthenticationError, "Wrong password for Carla Pieters", ignore=world.SECRET_COUNTERS
    ):
        custody.confirm_receipt(
            world.db,
            world["brown_lm"],
            number,
            credential=world.cred("brown_lm", "wrong-password"),
            seal_intact=True,
        )
    assert world.count(Signature) == signatures
    assert world.count(CustodyEvent, CustodyEvent.kind == "received") == 0
    assert world.person("brown_lm").failed_attempts == 1


# ------------------------------------------------------------------ rule 8: typed errors


def test_records_that_do_not_exist_are_not_found(world: World) -> None:
    """Whatever names the missing record (a number, a user name, an id), it is NotFoundError."""
    db, zhang = world.db, world["zhang"]
    calls: list[tuple[Callable[[], Any], str]] = [
        (lambda: registry.split_aliquot(db, zhang, "CE5C0400YJFM00999", [1]), "no aliquot"),
        (lambda: loans.approve_loan(db, zhang, "L2000-0001", world.cred("zhang")), "no loan"),
        (lambda: custody.cancel_transfer(db, zhang, "T2000-0001", reason="x"), "no transfer"),
        (lambda: registry.update_person(db, world["admin"], "nobody", email=""), "no person"),
        (
            lambda: registry.update_institution(db, world["admin"], "NOPE", name="x"),
            "no institution",
        ),
        (
            lambda: registry.register_aliquot(
                db, zhang, "CE5C0999", registry.NewAliquot("CE5C0999YJFM00001", 10)
            ),
            "no sample 'CE5C0999'",
        ),
        (
            lambda: registry.correct_event(db, zhang, 9_999, note="typo"),
            "no custody event #9999",
        ),
        (
            lambda: custody.resolve_discrepancy(
                db, zhang, 9_999, resolution="accept", note="x", credential=world.cred("zhang")
            ),
            "no discrepancy #9999",
        ),
    ]
    wrong: list[str] = []
    for call, words in calls:
        try:
            with world.refused(NotFoundError, words):
                call()
        except AssertionError as error:
            wrong.append(str(error).splitlines()[0])
    assert not wrong
