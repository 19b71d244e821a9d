"""Handoffs on the command line as courier mode makes them: ``return`` (a release by the
borrower back to the lender), the seal checked at a hand-over, the courier's signature at
delivery, and split children with their own containers and seals. Each command runs
in-process as a script would, on SQLite and PostgreSQL; exit codes and the database are
read back."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from lunar_custody import cli
from lunar_custody.domain import queries
from lunar_custody.domain.models import LoanItem, Person, Signature, Transfer
from tests.cli.test_cli import Run, as_user, run, secrets, url
from tests.worlds import A1, A2, A3, A4, World

__all__ = ["secrets"]  # the fixture, shared with test_cli.py


def _courier_signs(secrets: dict[str, str], courier: str) -> list[str]:
    return ["--courier", courier, "--courier-pin", "--courier-secret-file", secrets[courier]]


def _transfer(world: World, number: str) -> Transfer:
    return world.read(lambda s: s.scalars(select(Transfer).where(Transfer.number == number)).one())


def _signatures(world: World, number: str) -> list[tuple[str, str]]:
    """(signer's user name, meaning) of a transfer's signatures, in the order given."""
    transfer = _transfer(world, number)
    return world.read(
        lambda s: [
            tuple(row)
            for row in s.execute(
                select(Person.username, Signature.meaning)
                .join(Person, Person.id == Signature.person_id)
                .where(Signature.record_type == "transfer", Signature.record_id == transfer.id)
                .order_by(Signature.id)
            )
        ]
    )


def _return(world: World, secrets: dict[str, str], user: str, *argv: str) -> Run:
    return as_user(world, secrets, user, "return", *argv, *_courier_signs(secrets, "courier1"))


# ---------------------------------------------------------------------- return


def test_return_sends_a_loan_back_to_the_lender_as_a_release_by_the_borrower(
    world: World, secrets: dict[str, str]
) -> None:
    loan = world.active_loan([A1, A2])
    world.ship([A1, A2], loan=loan)
    before = world.snapshot(ignore=world.SECRET_COUNTERS)

    by_lender = _return(world, secrets, "zhang", A1, "--loan", loan, "--receiver", "li",
                        "--seal", "CNSA-R1")  # fmt: skip
    assert by_lender.code == 1
    assert f"Only Brown University, the borrower, returns the material of loan {loan}" in (
        by_lender.err
    )
    elsewhere = _return(world, secrets, "brown_lm", A1, "--loan", loan, "--receiver",
                        "koln_lm", "--seal", "BRN-R1")  # fmt: skip
    assert elsewhere.code == 1 and "returned to CNSA Lunar Sample Laboratory" in elsewhere.err
    assert world.snapshot(ignore=world.SECRET_COUNTERS) == before
    with pytest.raises(SystemExit) as usage:  # a return names its loan
        _return(world, secrets, "brown_lm", A1, "--receiver", "zhang", "--seal", "BRN-R1")
    assert usage.value.code == 2

    returned = _return(world, secrets, "brown_lm", A1, "--loan", loan, "--receiver", "zhang",
                       "--seal", "BRN-R1", "--container", "N2 case", "--json")  # fmt: skip
    assert returned.code == 0, returned.err
    number = returned.json()["number"]  # type: ignore[index]
    transfer = _transfer(world, number)
    assert (transfer.kind, transfer.status, transfer.seal_number, transfer.container) == (
        "return",
        "in_transit",
        "BRN-R1",
        "N2 case",
    )
    assert _signatures(world, number) == [("brown_lm", "relinquished"), ("courier1", "accepted")]
    assert world.status(A1).courier == "Chen Courier"
    assert world.status(A2).custodian_institution == "Brown University"  # not returned

    received = as_user(world, secrets, "zhang", "receive", number, "--seal-seen", "BRN-R1")
    assert received.code == 0, received.err
    assert world.status(A1).custodian_institution == "CNSA Lunar Sample Laboratory"
    item = world.read(
        lambda s: s.scalars(
            select(LoanItem).join(LoanItem.aliquot).where(LoanItem.aliquot.has(number=A1))
        ).one()
    )
    assert item.returned_at is not None and item.returned_mass_ug == world.MASSES[A1]
    assert run("--db", url(world), "verify").code == 0


def test_the_help_of_release_and_return_says_which_is_which() -> None:
    parser = cli.build_parser()
    text = parser.format_help()
    assert "return" in text
    sub = {
        name: p
        for action in parser._actions
        if hasattr(action, "choices") and isinstance(action.choices, dict)
        for name, p in action.choices.items()
    }
    assert "uses 'return'" in sub["release"].format_help().replace("\n", " ")
    returning = " ".join(sub["return"].format_help().split())
    assert "return aliquots of a loan to the lender" in returning
    for option in ("--loan", "--receiver", "--courier", "--seal", "--container"):
        assert option in returning


# ---------------------------------------------------------------------- hand-over, delivery


def test_a_hand_over_checks_the_seal_seen(world: World, secrets: dict[str, str]) -> None:
    package = world.release([A3], seal="CNSA-77", loan=world.active_loan([A3]))
    before = world.snapshot(ignore=world.SECRET_COUNTERS)
    hand = ["hand-over", package, "--to-courier", "courier2", "--to-pin", "--to-secret-file",
            secrets["courier2"]]  # fmt: skip

    wrong = as_user(world, secrets, "courier1", *hand, "--seal-seen", "CNSA-78")
    assert wrong.code == 1
    assert "Seal CNSA-78 is not the seal of this package (CNSA-77)" in wrong.err
    assert world.snapshot(ignore=world.SECRET_COUNTERS) == before

    checked = as_user(world, secrets, "courier1", *hand, "--seal-seen", " CNSA-77 ")
    assert checked.code == 0, checked.err
    assert world.status(A3).courier == "Dana Courier"
    assert _signatures(world, package)[-2:] == [
        ("courier1", "relinquished"),
        ("courier2", "accepted"),
    ]
    back = ["--to-courier", "courier1", "--to-pin", "--to-secret-file", secrets["courier1"]]
    unchecked = as_user(world, secrets, "courier2", "hand-over", package, *back)
    assert unchecked.code == 0, unchecked.err
    # the form says which hand-overs had their seal checked in the program
    legs = queries.transfer_form_data(world.db, package).handoffs
    assert [(h.title, h.seal_intact) for h in legs] == [
        ("Release by CNSA", True),
        ("Hand-over", True),
        ("Hand-over", None),
    ]
    assert run("--db", url(world), "verify").code == 0


def test_the_delivering_courier_signs_and_the_form_prints_it(
    world: World, secrets: dict[str, str]
) -> None:
    loan = world.active_loan([A1, A2])
    signed = world.release([A1], seal="S-1", loan=loan)
    unsigned = world.release([A2], seal="S-2", loan=loan)
    receive = ["receive", signed, "--seal-seen", "S-1", "--courier-pin"]

    wrong_pin = as_user(world, secrets, "brown_lm", *receive, "--courier-secret-file",
                        secrets["courier2"])  # fmt: skip
    assert wrong_pin.code == 1 and "PIN" in wrong_pin.err
    assert _transfer(world, signed).status == "in_transit"  # nothing of the receipt written

    delivered = as_user(world, secrets, "brown_lm", *receive, "--courier-secret-file",
                        secrets["courier1"])  # fmt: skip
    assert delivered.code == 0, delivered.err
    assert _signatures(world, signed)[-2:] == [
        ("courier1", "relinquished"),
        ("brown_lm", "received"),
    ]
    delivery = queries.transfer_form_data(world.db, signed).handoffs[-1]
    assert delivery.title.startswith("Delivery")
    assert delivery.relinquished.name == "Chen Courier"
    assert delivery.relinquished.mark is not None  # printed, not ink lines
    assert delivery.relinquished.mark.meaning == "relinquished custody"
    assert delivery.received.mark is not None

    # without the courier's secret the receipt is the receiver's alone; the form leaves ink
    assert as_user(world, secrets, "brown_lm", "receive", unsigned).code == 0
    ink = queries.transfer_form_data(world.db, unsigned).handoffs[-1]
    assert ink.relinquished.name == "Chen Courier" and ink.relinquished.mark is None
    assert run("--db", url(world), "verify").code == 0


# ---------------------------------------------------------------------- split


def test_split_children_get_their_own_container_and_seal(
    world: World, secrets: dict[str, str]
) -> None:
    before = world.snapshot(ignore=world.SECRET_COUNTERS)
    three_seals = as_user(world, secrets, "zhang", "split", A4, "10mg", "20mg",
                          "--seal", "S-1", "--seal", "S-2", "--seal", "S-3")  # fmt: skip
    assert three_seals.code == 1 and "2 seal numbers, not 3" in three_seals.err
    assert world.snapshot(ignore=world.SECRET_COUNTERS) == before

    each = as_user(world, secrets, "zhang", "split", A4, "10mg", "20mg",
                   "--container", "N2 vial B1", "--container", "N2 vial B2",
                   "--seal", "CNSA-S-1", "--seal", "CNSA-S-2", "--json")  # fmt: skip
    assert each.code == 0, each.err
    first, second = each.json()  # type: ignore[misc]
    assert (world.status(first).container, world.status(first).seal_number) == (
        "N2 vial B1",
        "CNSA-S-1",
    )
    assert (world.status(second).container, world.status(second).seal_number) == (
        "N2 vial B2",
        "CNSA-S-2",
    )
    shared = as_user(world, secrets, "zhang", "split", A4, "5mg", "5mg",
                     "--container", "N2 vial", "--seal", "CNSA-S-3")  # fmt: skip
    assert shared.code == 0, shared.err
    assert "(5.000 mg, N2 vial, seal CNSA-S-3)" in shared.out
    lines = queries.aliquot_form_data(world.db, first).items
    assert (lines[0].container, lines[0].seal) == ("N2 vial B1", "CNSA-S-1")
    assert run("--db", url(world), "verify").code == 0
