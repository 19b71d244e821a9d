"""Packages: prepare, release, hand over, receive; discrepancies and their resolution; loss."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from lunar_custody.domain import custody, loans, queries, registry
from lunar_custody.domain.errors import (
    AuthenticationError,
    ConflictError,
    NotFoundError,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from lunar_custody.domain.models import (
    Aliquot,
    CustodyEvent,
    Discrepancy,
    LoanItem,
    Signature,
    Transfer,
)
from lunar_custody.domain.wording import moment_text

if TYPE_CHECKING:
    from .conftest import World

A1, A2, A3, A4 = (f"CE5C0400YJFM0050{n}" for n in (1, 2, 3, 4))


def _prepare(world: World, aliquots: list[str], loan: str | None, **changes: object) -> str:
    fields: dict[str, object] = {
        "aliquot_numbers": aliquots,
        "receiver": "brown_lm",
        "courier": "courier1",
        "seal_number": "SEAL-1",
        "loan_number": loan,
        "container": "double-bagged vial in Pelican case",
    } | changes
    return custody.prepare_transfer(world.db, world["zhang"], **fields).number  # type: ignore[arg-type]


def _transfer(world: World, number: str) -> Transfer:
    def load(session: Session) -> Transfer:
        row = session.scalars(select(Transfer).where(Transfer.number == number)).one()
        _ = (row.items, row.legs)  # load while the session is open
        return row

    return world.read(load)


def _events(world: World, after: int) -> list[CustodyEvent]:
    return world.read(
        lambda s: s.scalars(
            select(CustodyEvent).where(CustodyEvent.id > after).order_by(CustodyEvent.id)
        ).all()
    )


def _last_event_id(world: World) -> int:
    return world.count(CustodyEvent)


def test_mass_tolerance() -> None:
    assert custody.mass_tolerance_ug(0) == 50
    assert custody.mass_tolerance_ug(10_000) == 50
    assert custody.mass_tolerance_ug(20_000) == 100
    assert custody.mass_tolerance_ug(500_000) == 2_500
    assert custody.mass_tolerance_ug(1_000_000) == 5_000


# ------------------------------------------------------------------ prepare and release


def test_prepare_moves_no_custody_and_release_hands_the_package_to_the_courier(
    world: World,
) -> None:
    loan = world.active_loan([A1, A2])
    events = _last_event_id(world)
    number = _prepare(world, [A1, A2], loan)
    assert number.startswith("T") and number.endswith("-0001")
    prepared = _transfer(world, number)
    assert (prepared.kind, prepared.status, prepared.seal_number) == (
        "outbound",
        "prepared",
        "SEAL-1",
    )
    assert [(i.expected_mass_ug, i.measured_mass_ug) for i in prepared.items] == [
        (500_000, None),
        (300_000, None),
    ]
    assert prepared.legs == [] and prepared.released_at is None
    assert _last_event_id(world) == events
    assert world.status(A1).status == "in_storage"
    (summary,) = queries.transfers(world.db, status="prepared")
    assert (summary.number, summary.items, summary.courier, summary.receiver) == (
        number,
        2,
        "Chen Courier",
        "Carla Pieters",
    )
    custody.release_transfer(
        world.db,
        world["li"],  # any curator of the sending side may hand it over
        number,
        sender=world.cred("li"),
        courier=world.pin("courier1"),
        seal_number_checked=" SEAL-1 ",
    )
    released = _transfer(world, number)
    assert released.status == "in_transit" and released.released_at is not None
    assert [
        (leg.seq, leg.courier_id, leg.handed_over_by_id, leg.ended_at) for leg in released.legs
    ] == [(1, world["courier1"].person_id, world["li"].person_id, None)]
    new = _events(world, events)
    assert [(e.kind, e.aliquot_id, e.seal_number, e.courier_id, e.transfer_id) for e in new] == [
        (
            "released",
            released.items[0].aliquot_id,
            "SEAL-1",
            world["courier1"].person_id,
            released.id,
        ),
        (
            "released",
            released.items[1].aliquot_id,
            "SEAL-1",
            world["courier1"].person_id,
            released.id,
        ),
    ]
    assert all(e.occurred_at == released.released_at for e in new)
    with world.db.read() as session:
        shipped = session.scalars(select(LoanItem).order_by(LoanItem.id)).all()
        assert [(i.shipped_mass_ug, i.shipped_at) for i in shipped] == [
            (500_000, released.released_at),
            (300_000, released.released_at),
        ]
    assert world.status(A2).transfer_number == number
    world.check_rules()


def test_prepare_refusals(world: World) -> None:
    loan = world.active_loan([A1, A2])
    draft = _draft_loan(world)
    packed = _prepare(world, [A2], loan)
    cases: list[tuple[list[str], dict[str, object], type, str]] = [
        ([], {}, ValidationError, "A package needs at least one aliquot."),
        ([A1, A1.lower()], {}, ValidationError, "An aliquot is listed twice in the package."),
        ([A1], {"receiver": "courier2"}, ValidationError, "Dana Courier cannot receive samples."),
        ([A1], {"receiver": "auditor"}, ValidationError, "Olga Auditor cannot receive samples."),
        (
            [A1],
            {"receiver": "li"},
            ValidationError,
            "The receiver works at the sending institution.",
        ),
        ([A1], {"receiver": "ghost"}, NotFoundError, "no person with the user name 'ghost'"),
        ([A1], {"courier": "brown_lm"}, ValidationError, "Carla Pieters is not an active courier."),
        ([A1], {"seal_number": "  "}, ValidationError, "The seal number is required."),
        (["CE5C0400YJFM00599"], {}, NotFoundError, "There is no aliquot 'CE5C0400YJFM00599'."),
        ([A3], {"loan_number": None}, RuleViolation, "only under an active loan"),
        ([A3], {}, RuleViolation, f"Aliquot {A3} is not an item of loan {loan}."),
        (
            [A1],
            {"receiver": "koln_lm"},
            ValidationError,
            "The receiver must work at Brown University.",
        ),
        ([A1], {"loan_number": "L1999-0001"}, NotFoundError, "There is no loan 'L1999-0001'."),
        (
            [A1],
            {"loan_number": draft},
            RuleViolation,
            f"Loan {draft} is draft; material moves only",
        ),
        ([A1, A2], {}, RuleViolation, f"Aliquot {A2} is already packed in transfer {packed}."),
    ]
    for aliquots, changes, error, words in cases:
        with world.refused(error, words):
            _prepare(world, aliquots, loan, **changes)
    with world.refused(PermissionDenied, "Only a curator or lab manager may prepare packages."):
        custody.prepare_transfer(
            world.db,
            world["auditor"],
            aliquot_numbers=[A1],
            receiver="brown_lm",
            courier="courier1",
            seal_number="S",
        )
    world.ship([A1], loan=loan)
    with world.refused(
        PermissionDenied, f"Aliquot {A1} is not held by CNSA Lunar Sample Laboratory"
    ):
        _prepare(world, [A1], loan)
    world.send_back([A1])
    with world.refused(RuleViolation, f"Aliquot {A1} was shipped under this loan already."):
        _prepare(world, [A1], loan)
    registry.split_aliquot(world.db, world["zhang"], A4, [100_000])
    with world.refused(RuleViolation, f"Aliquot {A4} is not in storage."):
        _prepare(world, [A4], None, receiver="koln_lm")


def _draft_loan(world: World) -> str:
    return loans.create_loan(
        world.db,
        world["zhang"],
        borrower_code="BROWN",
        principal_investigator="brown_lm",
        purpose="x",
        starts_on=world.today,
        due_on=world.today + timedelta(days=9),
    ).number


def test_return_refusals(world: World) -> None:
    first = world.active_loan([A1])
    second = world.active_loan([A2])
    world.ship([A1], loan=first)
    world.ship([A2], loan=second)

    def back(aliquots: list[str], **changes: object) -> None:
        fields: dict[str, object] = {
            "aliquot_numbers": aliquots,
            "receiver": "zhang",
            "courier": "courier2",
            "seal_number": "R-1",
        } | changes
        custody.prepare_transfer(world.db, world["brown_lm"], **fields)  # type: ignore[arg-type]

    with world.refused(
        ValidationError, "Loaned material is returned to CNSA Lunar Sample Laboratory."
    ):
        back([A1], receiver="koln_lm")
    with world.refused(RuleViolation, "The package mixes aliquots of different loans."):
        back([A1, A2])
    with world.refused(RuleViolation, f"Aliquot {A1} is not out on loan {second}."):
        back([A1], loan_number=second)
    back([A1])
    (transfer,) = queries.transfers(world.db, status="prepared")
    assert (transfer.kind, transfer.loan_number, transfer.to_institution) == (
        "return",
        first,
        "CNSA Lunar Sample Laboratory",
    )


def test_internal_transfer_between_lender_sites(world: World) -> None:
    registry.create_institution(
        world.db, world["admin"], code="VAULT", name="CNSA Backup Vault", kind="lender"
    )
    world.add_person("vault_cur", "VAULT", "curator")
    number = world.release([A3], receiver="vault_cur", seal="V-1")
    assert _transfer(world, number).kind == "internal"
    assert _transfer(world, number).loan_id is None
    world.receive(number, receiver="vault_cur")
    assert world.status(A3).custodian_institution == "CNSA Backup Vault"
    # the vault holds it now; the lender's own curators are not its custodian any more
    with world.refused(PermissionDenied, "is not held by CNSA Lunar Sample Laboratory"):
        registry.split_aliquot(world.db, world["zhang"], A3, [10])
    registry.split_aliquot(world.db, world["vault_cur"], A3, [10])
    world.check_rules()


def test_release_refusals(world: World) -> None:
    loan = world.active_loan([A1, A2])
    number = _prepare(world, [A1], loan)

    def release(
        actor: str = "zhang", courier_pin: str | None = None, seal: str | None = None
    ) -> None:
        custody.release_transfer(
            world.db,
            world[actor],
            number,
            sender=world.cred(actor),
            courier=world.pin("courier1", courier_pin),
            seal_number_checked=seal,
        )

    with world.refused(RuleViolation, "Seal SEAL-9 is not the seal of this package (SEAL-1)."):
        release(seal="SEAL-9")
    with world.refused(
        PermissionDenied,
        f"Only CNSA Lunar Sample Laboratory, the sender, releases transfer {number}.",
    ):
        release("brown_lm")
    with world.refused(PermissionDenied, "Only a curator or lab manager may release packages."):
        release("courier1")
    with world.refused(
        AuthenticationError, "Wrong PIN for Chen Courier.", ignore=world.SECRET_COUNTERS
    ):
        release(courier_pin="1111")
    with world.refused(NotFoundError, "There is no transfer 'T1999-0001'."):
        custody.release_transfer(
            world.db,
            world["zhang"],
            "T1999-0001",
            sender=world.cred("zhang"),
            courier=world.pin("courier1"),
        )
    # consumption at the lender between packing and pick-up: the package carries the new mass
    registry.consume(world.db, world["zhang"], A1, 1_000)
    release()
    assert _transfer(world, number).items[0].expected_mass_ug == 499_000
    with world.refused(ConflictError, f"Transfer {number} is in_transit, not waiting for pick-up."):
        release()
    assert world.count(Signature, Signature.record_type == "transfer") == 2


def test_cancel_a_prepared_package(world: World) -> None:
    loan = world.active_loan([A1])
    number = _prepare(world, [A1], loan)
    with world.refused(
        PermissionDenied,
        f"Only CNSA Lunar Sample Laboratory, the sender, cancels transfer {number}.",
    ):
        custody.cancel_transfer(world.db, world["brown_lm"], number, reason="no")
    with world.refused(ValidationError, "The reason is required."):
        custody.cancel_transfer(world.db, world["zhang"], number, reason="")
    cancelled = custody.cancel_transfer(world.db, world["zhang"], number, reason="flight cancelled")
    assert cancelled.status == "cancelled" and cancelled.notes == "Cancelled: flight cancelled"
    with world.refused(RuleViolation, "only a prepared one can be cancelled"):
        custody.cancel_transfer(world.db, world["zhang"], number, reason="again")
    with world.refused(ConflictError, f"Transfer {number} is cancelled, not waiting for pick-up."):
        custody.release_transfer(
            world.db,
            world["zhang"],
            number,
            sender=world.cred("zhang"),
            courier=world.pin("courier1"),
        )
    again = _prepare(world, [A1], loan)  # the aliquot may be packed again
    assert again != number


# ------------------------------------------------------------------ courier to courier


def test_hand_over_between_couriers(world: World) -> None:
    loan = world.active_loan([A1, A2])
    number = world.release([A1, A2], loan=loan)

    def hand(actor: str, to: str, *, frm: str | None = None, to_pin: str | None = None) -> Transfer:
        return custody.hand_over(
            world.db,
            world[actor],
            number,
            to_courier=to,
            from_credential=world.pin(frm or actor),
            to_credential=world.pin(to, to_pin) if to in world.PINS else world.cred(to),
        )

    with world.refused(ValidationError, "A courier cannot hand a package to themselves."):
        hand("courier1", "courier1")
    with world.refused(ValidationError, "Carla Pieters is not an active courier."):
        hand("courier1", "brown_lm")
    with world.refused(PermissionDenied, "is carried by Chen Courier, not by you"):
        hand("courier2", "courier1")
    with world.refused(PermissionDenied, "Only a courier may carry packages as a courier."):
        custody.hand_over(
            world.db,
            world["zhang"],
            number,
            to_courier="courier2",
            from_credential=world.cred("zhang"),
            to_credential=world.pin("courier2"),
        )
    with world.refused(PermissionDenied, "This signature must be given by Chen Courier."):
        hand("courier1", "courier2", frm="courier2")
    with world.refused(
        AuthenticationError, "Wrong PIN for Dana Courier.", ignore=world.SECRET_COUNTERS
    ):
        hand("courier1", "courier2", to_pin="999999")
    events = _last_event_id(world)
    hand("courier1", "courier2")
    moved = _transfer(world, number)
    assert moved.courier_id == world["courier2"].person_id
    assert [
        (leg.seq, leg.courier_id, leg.handed_over_by_id, leg.ended_at is not None)
        for leg in moved.legs
    ] == [
        (1, world["courier1"].person_id, world["zhang"].person_id, True),
        (2, world["courier2"].person_id, world["courier1"].person_id, False),
    ]
    assert [(e.kind, e.custodian_person_id, e.actor_id) for e in _events(world, events)] == [
        ("handed_over", world["courier2"].person_id, world["courier1"].person_id)
    ] * 2
    assert [t.number for t in queries.transfers(world.db, courier="courier2")] == [number]
    assert queries.transfers(world.db, courier="courier1") == []
    with world.db.read() as session:
        signed = session.scalars(
            select(Signature).where(Signature.record_type == "transfer").order_by(Signature.id)
        ).all()
        assert [(s.printed_name, s.meaning, s.method) for s in signed][2:] == [
            ("Chen Courier", "relinquished", "pin"),
            ("Dana Courier", "accepted", "pin"),
        ]
    world.receive(number)
    with world.refused(ConflictError, f"Transfer {number} is received, not in transit."):
        hand("courier2", "courier1")
    assert all(leg.ended_at is not None for leg in _transfer(world, number).legs)
    world.check_rules()


# ------------------------------------------------------------------ receipt


def test_receipt_by_the_named_receiver(world: World) -> None:
    loan = world.active_loan([A1, A2])
    number = world.release([A1, A2], loan=loan)
    events = _last_event_id(world)
    receipt = world.receive(number, measured={A1.lower(): 499_000})  # within 0.5 %
    assert receipt.discrepancies == []
    received = _transfer(world, number)
    assert (received.status, received.received_by_id) == ("received", world["brown_lm"].person_id)
    assert [i.measured_mass_ug for i in received.items] == [499_000, None]
    new = _events(world, events)
    assert [(e.kind, e.mass_ug, e.seal_intact, e.seal_number, e.institution_id) for e in new] == [
        ("received", 499_000, True, "SEAL-0001", world["brown_lm"].institution_id),
        ("received", None, True, "SEAL-0001", world["brown_lm"].institution_id),
    ]
    assert {e.transfer_id for e in new} == {received.id}  # the receipt names its transfer
    in_transfer = world.read(
        lambda s: s.scalar(select(Aliquot.transfer_id).where(Aliquot.number == A1))
    )
    assert in_transfer is None  # ... but the aliquot is in no transfer any more
    assert world.status(A1).current_mass_ug == 500_000  # within tolerance the book mass stands
    assert world.status(A1).loan_number == loan
    signature = world.read(
        lambda s: s.scalars(select(Signature).where(Signature.meaning == "received")).one()
    )
    assert (signature.printed_name, signature.record_number) == ("Carla Pieters", number)
    when = moment_text(received.received_at)
    with world.refused(
        ConflictError, f"Transfer {number} was already received by Carla Pieters at {when}."
    ):
        world.receive(number)
    world.check_rules()


def test_receipt_refusals(world: World) -> None:
    loan = world.active_loan([A1, A2])
    prepared = _prepare(world, [A2], loan)
    with world.refused(RuleViolation, f"Transfer {prepared} is prepared, not in transit."):
        world.receive(prepared)
    number = world.release([A1], loan=loan)
    with world.refused(ValidationError, f"{A2} is not in transfer {number}."):
        world.receive(number, measured={A2: 1})
    with world.refused(ValidationError, f"The measured mass of {A1} must be more than zero"):
        world.receive(number, measured={A1: -1})
    with world.refused(PermissionDenied, "Only a curator or lab manager may confirm receipts."):
        custody.confirm_receipt(
            world.db, world["courier1"], number, credential=world.pin("courier1"), seal_intact=True
        )
    with world.refused(PermissionDenied, "This signature must be given by Carla Pieters."):
        custody.confirm_receipt(
            world.db, world["brown_lm"], number, credential=world.cred("brown_pi"), seal_intact=True
        )
    with world.refused(
        AuthenticationError, "Wrong password for Carla Pieters.", ignore=world.SECRET_COUNTERS
    ):
        custody.confirm_receipt(
            world.db,
            world["brown_lm"],
            number,
            credential=world.cred("brown_lm", "x" * 9),
            seal_intact=True,
        )
    receipt = world.receive(number, measured={A1: 0})  # an empty vial is a fact, recorded
    assert [(d.kind, d.expected_mass_ug, d.measured_mass_ug) for d in receipt.discrepancies] == [
        ("mass", 500_000, 0)
    ]


def test_a_broken_or_wrong_seal_is_recorded_not_refused(world: World) -> None:
    loan = world.active_loan([A1, A2])
    first = world.release([A1], loan=loan, seal="SEAL-A")
    receipt = world.receive(first, seal_intact=False)
    (seal,) = receipt.discrepancies
    assert (seal.kind, seal.aliquot_id, seal.note) == ("seal_broken", None, "seal broken.")
    assert world.status(A1).custodian_institution == "Brown University"
    event = queries.history(world.db, A1)[-1]
    assert (event.kind, event.seal_intact, event.seal_number) == ("received", False, "SEAL-A")
    second = world.release([A2], loan=loan, seal="SEAL-B")
    receipt = world.receive(second, seal_seen=" SEAL-X ")
    (wrong,) = receipt.discrepancies
    assert wrong.kind == "seal_broken" and "seal SEAL-X instead of SEAL-B" in wrong.note
    event = queries.history(world.db, A2)[-1]
    assert (event.seal_intact, event.seal_number) == (False, "SEAL-X")
    rows = queries.discrepancies(world.db)
    assert [(r.transfer_number, r.kind, r.resolved) for r in rows] == [
        (first, "seal_broken", False),
        (second, "seal_broken", False),
    ]
    world.check_rules()


def test_mass_outside_the_tolerance_is_a_discrepancy(world: World) -> None:
    loan = world.active_loan([A1, A2, A3])
    number = world.release([A1, A2, A3], loan=loan)
    receipt = world.receive(
        number,
        measured={
            A1: 500_000 - 2_500,  # exactly at the tolerance: fine
            A2: 300_000 + 1_501,  # 1 500 µg allowed
            A3: 200_000 - 1_001,  # 1 000 µg allowed
        },
    )
    numbers = dict(world.read(lambda s: s.execute(select(Aliquot.id, Aliquot.number)).all()))
    found = sorted(
        (numbers[d.aliquot_id], d.kind, d.expected_mass_ug, d.measured_mass_ug)
        for d in receipt.discrepancies
        if d.aliquot_id is not None
    )
    assert found == [(A2, "mass", 300_000, 301_501), (A3, "mass", 200_000, 198_999)]
    assert len(receipt.discrepancies) == 2
    assert world.status(A2).current_mass_ug == 300_000  # the book mass waits for a curator
    assert len(queries.discrepancies(world.db)) == 2


# ------------------------------------------------------------------ resolving discrepancies


def _mass_discrepancy(world: World, measured: int) -> tuple[int, str]:
    loan = world.active_loan([A1])
    number = world.release([A1], loan=loan)
    (found,) = world.receive(number, measured={A1: measured}).discrepancies
    return found.id, number


def test_resolve_by_recording_the_loss(world: World) -> None:
    found, number = _mass_discrepancy(world, 490_000)
    receipt_event = queries.history(world.db, A1)[-1]
    resolved = custody.resolve_discrepancy(
        world.db,
        world["zhang"],
        found,
        resolution="record_loss",
        note="spill in glovebox",
        credential=world.cred("zhang"),
    )
    assert (resolved.resolution, resolved.resolved_by_id) == (
        "record_loss",
        world["zhang"].person_id,
    )
    loss = queries.history(world.db, A1)[-1]
    assert (loss.kind, loss.mass_ug, loss.corrects_event_id, loss.note) == (
        "mass_lost",
        10_000,
        receipt_event.id,
        "spill in glovebox",
    )
    assert resolved.resolution_event_id == loss.id
    status = world.status(A1)
    assert (status.current_mass_ug, status.lost_mass_ug, status.initial_mass_ug) == (
        490_000,
        10_000,
        500_000,
    )
    assert status.custodian_institution == "Brown University"  # a loss moves no custody
    signature = world.read(
        lambda s: s.scalars(select(Signature).where(Signature.meaning == "resolved")).one()
    )
    assert (signature.record_type, signature.record_id, signature.record_number) == (
        "discrepancy",
        found,
        f"{number}/{found}",
    )
    assert queries.discrepancies(world.db) == []
    assert queries.discrepancies(world.db, open_only=False)[0].resolution == "record_loss"
    with world.refused(ConflictError, f"Discrepancy #{found} was resolved already."):
        custody.resolve_discrepancy(
            world.db,
            world["zhang"],
            found,
            resolution="accept",
            note="again",
            credential=world.cred("zhang"),
        )
    world.check_rules()


def test_resolve_by_correcting_the_book_mass(world: World) -> None:
    found, _ = _mass_discrepancy(world, 510_000)
    with world.refused(
        RuleViolation, "weighed more than its book mass (10.000 mg); correct the book mass"
    ):
        custody.resolve_discrepancy(
            world.db,
            world["zhang"],
            found,
            resolution="record_loss",
            note="n",
            credential=world.cred("zhang"),
        )
    receipt_event = queries.history(world.db, A1)[-1]
    custody.resolve_discrepancy(
        world.db,
        world["li"],
        found,
        resolution="correct_book_mass",
        note="old balance",
        credential=world.cred("li"),
    )
    correction = queries.history(world.db, A1)[-1]
    assert (correction.kind, correction.mass_ug, correction.corrects_event_id) == (
        "corrected",
        10_000,
        receipt_event.id,
    )
    assert correction.note == "Book mass corrected to the measured mass: old balance"
    status = world.status(A1)
    assert (status.initial_mass_ug, status.current_mass_ug, status.lost_mass_ug) == (
        510_000,
        510_000,
        0,
    )
    world.check_rules()


def test_resolve_a_lighter_receipt_by_correcting_the_book_mass(world: World) -> None:
    found, _ = _mass_discrepancy(world, 480_000)
    custody.resolve_discrepancy(
        world.db,
        world["zhang"],
        found,
        resolution="correct_book_mass",
        note="tare",
        credential=world.cred("zhang"),
    )
    status = world.status(A1)
    assert (status.initial_mass_ug, status.current_mass_ug) == (480_000, 480_000)
    world.check_rules()


def test_resolve_by_accepting(world: World) -> None:
    found, _ = _mass_discrepancy(world, 490_000)
    events = _last_event_id(world)
    resolved = custody.resolve_discrepancy(
        world.db,
        world["zhang"],
        found,
        resolution="accept",
        note="within method error",
        credential=world.cred("zhang"),
    )
    assert resolved.resolution_event_id is None
    assert _last_event_id(world) == events
    assert world.status(A1).current_mass_ug == 500_000


def test_resolution_refusals(world: World) -> None:
    loan = world.active_loan([A1, A2])
    number = world.release([A1, A2], loan=loan)
    receipt = world.receive(number, seal_intact=False, measured={A1: 490_000})
    seal, mass = sorted(receipt.discrepancies, key=lambda d: d.kind != "seal_broken")
    brown_curator = world.add_person("brown_cur", "BROWN", "curator")

    def resolve(
        actor: str,
        found: int,
        resolution: str = "accept",
        note: str = "n",
        signer: str | None = None,
    ) -> None:
        custody.resolve_discrepancy(
            world.db,
            world[actor],
            found,
            resolution=resolution,
            note=note,
            credential=world.cred(signer or actor),
        )

    cases: list[tuple[str, int, str, str, str | None, type, str]] = [
        (
            "zhang",
            seal.id,
            "shrug",
            "n",
            None,
            ValidationError,
            "A resolution is one of: record_loss, correct_book_mass, accept.",
        ),
        ("zhang", seal.id, "accept", " ", None, ValidationError, "The note is required."),
        (
            "zhang",
            seal.id,
            "record_loss",
            "n",
            None,
            RuleViolation,
            "Only a mass discrepancy changes masses; accept a seal report.",
        ),
        (
            "zhang",
            seal.id,
            "correct_book_mass",
            "n",
            None,
            RuleViolation,
            "Only a mass discrepancy changes masses",
        ),
        (
            "brown_lm",
            seal.id,
            "accept",
            "n",
            None,
            PermissionDenied,
            "Only a curator may resolve discrepancies.",
        ),
        (
            "brown_cur",
            seal.id,
            "accept",
            "n",
            None,
            PermissionDenied,
            "Only the lender's curators resolve discrepancies.",
        ),
        (
            "zhang",
            mass.id,
            "record_loss",
            "n",
            "li",
            PermissionDenied,
            "You sign with your own password",
        ),
    ]
    assert brown_curator.roles == frozenset({"curator"})
    for actor, found, resolution, note, signer, error, words in cases:
        with world.refused(error, words):
            resolve(actor, found, resolution, note, signer)
    # the aliquot no longer holds the mass to write off
    registry.consume(world.db, world["brown_lm"], A1, 495_000)
    with world.refused(RuleViolation, f"Aliquot {A1} no longer holds the mass to write off."):
        resolve("zhang", mass.id, "record_loss")
    with world.refused(RuleViolation, "a correction of -10.000 mg would make it negative"):
        resolve("zhang", mass.id, "correct_book_mass")
    resolve("zhang", seal.id)
    resolve("zhang", mass.id, "accept")
    status = world.status(A1)
    assert (status.initial_mass_ug, status.current_mass_ug, status.consumed_mass_ug) == (
        500_000,
        5_000,
        495_000,
    )
    world.check_rules()


# ------------------------------------------------------------------ loss


def test_report_lost_in_storage(world: World) -> None:
    loan = world.active_loan([A1, A2])
    world.ship([A1, A2], loan=loan)
    with world.refused(ValidationError, "The note is required."):
        registry.report_lost(world.db, world["brown_lm"], A1, note="")
    with world.refused(PermissionDenied, "may report an aliquot lost."):
        registry.report_lost(world.db, world["auditor"], A1, note="x")
    lost = registry.report_lost(world.db, world["brown_lm"], A1, note="vial dropped in the sink")
    assert lost.status == "lost"
    event = queries.history(world.db, A1)[-1]
    assert (event.kind, event.mass_ug, event.institution, event.note) == (
        "lost",
        500_000,
        "BROWN",
        "vial dropped in the sink",
    )
    status = world.status(A1)
    assert (status.current_mass_ug, status.lost_mass_ug, status.status_label) == (
        0,
        500_000,
        "lost",
    )
    with world.refused(RuleViolation, f"Aliquot {A1} is reported lost already."):
        registry.report_lost(world.db, world["brown_lm"], A1, note="again")
    # the lender's curator may report what its borrower lost track of
    registry.report_lost(world.db, world["zhang"], A2, note="borrower cannot find it")
    assert world.status(A2).status == "lost"
    registry.consume(world.db, world["zhang"], A3, 200_000)
    with world.refused(RuleViolation, f"Aliquot {A3} is consumed; nothing is left to lose."):
        registry.report_lost(world.db, world["zhang"], A3, note="x")
    items = {i.aliquot_number: i for i in queries.loan_detail(world.db, loan).items}
    assert (items[A1].lost_ug, items[A1].outstanding_ug, items[A1].status) == (500_000, 0, "lost")
    world.check_rules()


def test_report_lost_in_transit(world: World) -> None:
    loan = world.active_loan([A1, A2])
    number = world.release([A1, A2], loan=loan)
    with world.refused(
        PermissionDenied, f"Only the holder of {A1} or the lender's curator may report it lost."
    ):
        registry.report_lost(world.db, world["courier2"], A1, note="not mine")
    with world.refused(PermissionDenied, f"Only the holder of {A1}"):
        registry.report_lost(world.db, world["brown_lm"], A1, note="never came")
    registry.report_lost(world.db, world["courier1"], A1, note="fell off the truck")
    event = queries.history(world.db, A1)[-1]
    assert (event.kind, event.mass_ug, event.transfer_number) == ("lost", 500_000, number)
    assert world.status(A1).courier is None
    # the rest of the package still arrives; the lost aliquot does not
    receipt = world.receive(number, measured={A2: 300_000})
    assert receipt.discrepancies == []
    assert world.status(A2).custodian_institution == "Brown University"
    assert world.status(A1).status == "lost"
    assert [e.kind for e in queries.history(world.db, A1)] == ["registered", "released", "lost"]
    world.send_back([A2])
    closed = loans.close_loan(world.db, world["zhang"], loan, world.cred("zhang"))
    assert closed.status == "closed"
    world.check_rules()


def test_a_package_lost_whole_can_still_be_closed_out(world: World) -> None:
    loan = world.active_loan([A1])
    number = world.release([A1], loan=loan)
    registry.report_lost(world.db, world["zhang"], A1, note="courier van stolen")
    events = _last_event_id(world)
    receipt = world.receive(number)
    assert receipt.discrepancies == [] and _last_event_id(world) == events
    assert _transfer(world, number).status == "received"
    assert world.count(Discrepancy) == 0


def test_transfer_numbers_keep_counting_past_9999(world: World) -> None:
    """'T2026-10000' sorts before 'T2026-9999' as text; the next number must still be new."""
    zhang, li, courier = (world[n].person_id for n in ("zhang", "li", "courier1"))
    year = datetime.now(UTC).year
    with world.db.write() as session:  # the year's 9 999th package, long since cancelled
        session.add(
            Transfer(
                number=f"T{year}-9999",
                kind="internal",
                from_institution_id=world["zhang"].institution_id,
                to_institution_id=world["zhang"].institution_id,
                sender_id=zhang,
                receiver_id=li,
                courier_id=courier,
                status="cancelled",
            )
        )
    registry.create_institution(world.db, world["admin"], code="VAULT", name="Vault", kind="lender")
    world.add_person("vault_cur", "VAULT", "curator")
    numbers = [
        custody.prepare_transfer(
            world.db,
            world["zhang"],
            aliquot_numbers=[aliquot],
            receiver="vault_cur",
            courier="courier1",
            seal_number="V",
        ).number
        for aliquot in (A3, A4)
    ]
    assert numbers == [f"T{year}-10000", f"T{year}-10001"]


# ---------------------------------------------------------------- issue 15: return, seals


def test_a_return_is_a_release_by_the_borrower_to_the_lender(world: World) -> None:
    loan = world.active_loan([A1, A2])
    world.ship([A1, A2], loan=loan)

    def give_back(actor: str, receiver: str = "zhang") -> Transfer:
        return custody.return_package(
            world.db,
            world[actor],
            loan_number=loan,
            aliquot_numbers=[A1],
            receiver=receiver,
            courier="courier1",
            seal_number="BRN-R1",
            sender_credential=world.cred(actor),
            courier_credential=world.pin("courier1"),
        )

    with world.refused(PermissionDenied, "Only Brown University, the borrower, returns"):
        give_back("zhang", receiver="li")
    with world.refused(ValidationError, "Loaned material is returned to CNSA"):
        give_back("brown_lm", receiver="koln_lm")
    returned = give_back("brown_lm")
    assert (returned.kind, returned.status) == ("return", "in_transit")
    world.receive(returned.number, receiver="zhang")
    assert world.status(A1).custodian_institution == "CNSA Lunar Sample Laboratory"
    assert world.status(A2).custodian_institution == "Brown University"
    world.check_rules()


def test_a_hand_over_refuses_another_seal_and_delivery_takes_the_courier_signature(
    world: World,
) -> None:
    loan = world.active_loan([A1])
    number = world.release([A1], loan=loan, seal="SEAL-7")

    def hand(seal: str) -> Transfer:
        return custody.hand_over(
            world.db,
            world["courier1"],
            number,
            to_courier="courier2",
            from_credential=world.pin("courier1"),
            to_credential=world.pin("courier2"),
            seal_number_checked=seal,
        )

    with world.refused(RuleViolation, "Seal SEAL-8 is not the seal of this package (SEAL-7)."):
        hand("SEAL-8")
    hand("SEAL-7")
    with world.refused(PermissionDenied, "This signature must be given by Dana Courier."):
        custody.confirm_receipt(
            world.db,
            world["brown_lm"],
            number,
            credential=world.cred("brown_lm"),
            seal_intact=True,
            courier_credential=world.pin("courier1"),
        )
    receipt = custody.confirm_receipt(
        world.db,
        world["brown_lm"],
        number,
        credential=world.cred("brown_lm"),
        seal_intact=True,
        courier_credential=world.pin("courier2"),
    )
    with world.db.read() as session:
        signed = session.scalars(
            select(Signature)
            .where(Signature.record_type == "transfer", Signature.record_id == receipt.transfer.id)
            .order_by(Signature.id)
        ).all()
        assert [(s.printed_name, s.meaning, s.method) for s in signed][-2:] == [
            ("Dana Courier", "relinquished", "pin"),
            ("Carla Pieters", "received", "password"),
        ]
        assert signed[-2].signed_at == receipt.transfer.received_at
    world.check_rules()


def test_split_children_carry_their_container_and_seal(world: World) -> None:
    zhang = world["zhang"]
    with world.refused(ValidationError, "one for each child in the order of their masses"):
        registry.split_aliquot(
            world.db, zhang, A4, [1_000, 2_000], container=["a", "b", "c"], seal_number="S"
        )
    each = registry.split_aliquot(
        world.db,
        zhang,
        A4,
        [1_000, 2_000],
        container=["vial 1", "vial 2"],
        seal_number=["S1", "S2"],
    )
    assert [(c.container, c.seal_number) for c in each] == [("vial 1", "S1"), ("vial 2", "S2")]
    shared = registry.split_aliquot(
        world.db, zhang, A4, [1_000, 1_000], container="vial", seal_number=["S3"]
    )
    assert [(c.container, c.seal_number) for c in shared] == [("vial", "S3")] * 2
    bare = registry.split_aliquot(world.db, zhang, A4, [1_000])
    assert [(c.container, c.seal_number) for c in bare] == [("", "")]
    world.check_rules()
