"""Custody rule 5 asked once (domain/rules.py): the Transfers view's tooltip, the courier's
screen, the service and so the command line refuse in the same words.

The first tests are pure (the rules over plain facts); the last ones put the workstation,
the courier window and the command line side by side on the same package.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from pytestqt.qtbot import QtBot

from lunar_custody.domain import custody, queries, rules
from lunar_custody.domain.errors import (
    ConflictError,
    CustodyError,
    PermissionDenied,
    RuleViolation,
)
from lunar_custody.domain.permissions import Actor
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.courier.delivery import MassScreen, SealScreen
from lunar_custody.gui.courier.screens import HomeScreen, PackageScreen
from lunar_custody.gui.courier.sign import SignScreen
from lunar_custody.gui.transfers import TransfersView
from tests.gui.conftest import _isolated_settings, ctx_for, messages
from tests.gui.test_courier import (
    SEAL,
    current,
    open_courier_window,
    scan,
    sign,
    sign_in,
    tap,
)
from tests.gui.test_courier_errors import checked_package, said
from tests.worlds import A1, PASSWORD, World, command_line

__all__ = ["_isolated_settings", "ctx_for", "messages"]  # the GUI tests' fixtures

CNSA = "CNSA Lunar Sample Laboratory"


def person(username: str, institution: str, *roles: str) -> Actor:
    return Actor(1, username, username.title(), 1, institution, frozenset(roles))


def package(status: str = "prepared") -> rules.TransferFacts:
    return rules.TransferFacts(
        number="T2026-0001",
        status=status,
        from_code="CNSA",
        from_institution=CNSA,
        receiver_username="brown_lm",
        receiver="Carla Pieters",
    )


ZHANG = person("zhang", "CNSA", "curator")
CARLA = person("brown_lm", "BROWN", "lab_manager")
JAMES = person("brown_pi", "BROWN", "lab_manager")
DANA = person("courier2", "SECURE", "courier")


# ---------------------------------------------------------------------- the rules alone


def test_release_and_cancel_only_a_prepared_package_by_its_sending_side() -> None:
    assert rules.why_not_release(ZHANG, package()) is None
    assert rules.why_not_cancel_transfer(ZHANG, package()) is None
    assert rules.why_not_release(DANA, package()) == (
        "Only a curator or lab manager may release packages."
    )
    assert rules.why_not_cancel_transfer(DANA, package()) == (
        "Only a curator or lab manager may prepare packages."
    )
    assert rules.why_not_release(ZHANG, package("in_transit")) == (
        "Transfer T2026-0001 is in transit; only a prepared one can be released."
    )
    assert rules.why_not_cancel_transfer(CARLA, package("received")) == (
        "Transfer T2026-0001 is received; only a prepared one can be cancelled."
    )
    assert rules.why_not_release(CARLA, package()) == (
        f"Only {CNSA}, the sender, releases transfer T2026-0001."
    )
    assert rules.why_not_cancel_transfer(CARLA, package()) == (
        f"Only {CNSA}, the sender, cancels transfer T2026-0001."
    )


def test_receive_only_in_transit_and_by_the_named_receiver() -> None:
    moving = package("in_transit")
    assert rules.why_not_receive(CARLA, moving) is None
    assert rules.why_not_receive(DANA, moving) == (
        "Only a curator or lab manager may confirm receipts."
    )
    assert rules.why_not_receive(CARLA, package("prepared")) == (
        "Transfer T2026-0001 is prepared, not in transit."
    )
    assert rules.why_not_receive(JAMES, moving) == (
        "Only the named receiver, Carla Pieters, may confirm this receipt."
    )


def test_discrepancies_are_resolved_once_by_the_lenders_curators() -> None:
    open_one = rules.DiscrepancyFacts(id=3, resolved_at=None, lender_code="CNSA")
    assert rules.why_not_resolve(ZHANG, open_one) is None
    assert rules.why_not_resolve(CARLA, open_one) == "Only a curator may resolve discrepancies."
    assert rules.why_not_resolve(person("curator", "BROWN", "curator"), open_one) == (
        "Only the lender's curators resolve discrepancies."
    )
    settled = rules.DiscrepancyFacts(id=3, resolved_at=datetime.now(UTC), lender_code="CNSA")
    assert rules.why_not_resolve(ZHANG, settled) == "Discrepancy #3 was resolved already."


def test_the_read_models_are_what_the_rules_read(world: World) -> None:
    """The view asks with queries.TransferDetail and DiscrepancyDetail as they are."""
    number = world.release([A1], loan=world.active_loan([A1]))
    world.receive(number, seal_intact=False)
    detail = queries.transfer_detail(world.db, number)
    assert rules.why_not_receive(world["brown_lm"], detail) == (
        f"Transfer {number} is received, not in transit."
    )
    (found,) = detail.discrepancies
    assert rules.why_not_resolve(world["zhang"], found) is None
    assert rules.why_not_resolve(world["li"], found) is None
    assert rules.why_not_resolve(world["brown_lm"], found) == (
        "Only a curator may resolve discrepancies."
    )


# ---------------------------------------------------------------------- the services


def refusal(error: type[CustodyError], act: Callable[[], object]) -> str:
    with pytest.raises(error) as raised:
        act()
    return str(raised.value)


def test_the_services_refuse_with_the_rules_words(world: World, tmp_path: Path) -> None:
    loan = world.active_loan([A1])
    number = custody.prepare_transfer(
        world.db,
        world["zhang"],
        aliquot_numbers=[A1],
        receiver="brown_lm",
        courier="courier1",
        seal_number=SEAL,
        loan_number=loan,
    ).number

    def asked(rule: Callable[[Actor, queries.TransferDetail], str | None], who: str) -> str:
        answer = rule(world[who], queries.transfer_detail(world.db, number))
        assert answer is not None
        return answer

    assert refusal(
        PermissionDenied,
        lambda: custody.release_transfer(
            world.db,
            world["brown_lm"],
            number,
            sender=world.cred("brown_lm"),
            courier=world.pin("courier1"),
        ),
    ) == asked(rules.why_not_release, "brown_lm")
    assert refusal(
        PermissionDenied,
        lambda: custody.cancel_transfer(world.db, world["brown_lm"], number, reason="not ours"),
    ) == asked(rules.why_not_cancel_transfer, "brown_lm")
    assert command_line(
        world, tmp_path, "brown_lm", "cancel-transfer", number, "--reason", "not ours"
    ) == asked(rules.why_not_cancel_transfer, "brown_lm")
    assert refusal(
        RuleViolation,
        lambda: world.receive(number),
    ) == asked(rules.why_not_receive, "brown_lm")

    custody.release_transfer(
        world.db, world["zhang"], number, sender=world.cred("zhang"), courier=world.pin("courier1")
    )
    assert refusal(
        RuleViolation,
        lambda: custody.cancel_transfer(world.db, world["zhang"], number, reason="too late"),
    ) == asked(rules.why_not_cancel_transfer, "zhang")
    assert refusal(PermissionDenied, lambda: world.receive(number, receiver="brown_pi")) == asked(
        rules.why_not_receive, "brown_pi"
    )

    world.receive(number, seal_intact=False)
    (found,) = queries.transfer_detail(world.db, number).discrepancies

    def resolve(who: str) -> None:
        custody.resolve_discrepancy(
            world.db,
            world[who],
            found.id,
            resolution="accept",
            note="checked",
            credential=world.cred(who),
        )

    resolve("zhang")
    settled = queries.discrepancy_detail(world.db, found.id)
    assert refusal(ConflictError, lambda: resolve("li")) == rules.why_not_resolve(
        world["li"], settled
    )


# ---------------------------------------------------------------------- side by side


def tooltip(qtbot: QtBot, ctx: AppContext, number: str) -> TransfersView:
    view = TransfersView(ctx)
    qtbot.addWidget(view)
    assert view.open_transfer(number)
    return view


def test_receive_by_the_wrong_person_in_the_same_words_everywhere(
    qtbot: QtBot,
    world: World,
    tmp_path: Path,
    ctx_for: Callable[[str], AppContext],
    messages: object,
) -> None:
    loan = world.active_loan([A1])
    number = world.release([A1], loan=loan)  # carried by courier1
    answer = rules.why_not_receive(world["brown_pi"], queries.transfer_detail(world.db, number))
    assert answer == (
        f"Only an authorised receiver of loan {loan} (Carla Pieters) may confirm this receipt."
    )

    # The workstation: James Head's Confirm receipt is disabled, the answer its tooltip.
    view = tooltip(qtbot, ctx_for("brown_pi"), number)
    assert not view.receive_action.isEnabled()
    assert view.receive_action.toolTip() == answer

    # The command line refuses him in the same words (the service's refusal).
    assert command_line(world, tmp_path, "brown_pi", "receive", number) == answer

    # The courier's tablet at Brown: James types his name on the receiver's screen.
    window = open_courier_window(qtbot, world)
    sign_in(qtbot, window, "courier1", World.PINS["courier1"])
    home = current(window, HomeScreen)
    scan(qtbot, home.scan, A1)  # type: ignore[attr-defined]
    tap(qtbot, current(window, PackageScreen).primary)
    seal = current(window, SealScreen)
    scan(qtbot, seal.seal_edit, SEAL)  # type: ignore[attr-defined]
    tap(qtbot, seal.intact_button)  # type: ignore[attr-defined]
    tap(qtbot, seal.primary)
    tap(qtbot, current(window, MassScreen).primary)  # nothing weighed
    sign(qtbot, window, World.PINS["courier1"], pin=True)  # the courier gives it up first
    receiver = current(window, SignScreen)
    sign(qtbot, window, PASSWORD, user="brown_pi")
    assert said(receiver) == f"James Head cannot sign here. {answer}"
    assert world.status(A1).status == "in_transit"  # nothing was received


def test_release_by_the_wrong_side_in_the_same_words_everywhere(
    qtbot: QtBot,
    world: World,
    ctx_for: Callable[[str], AppContext],
    messages: object,
) -> None:
    window = checked_package(qtbot, world, [A1])  # courier1 at CNSA, the package checked
    number = window.handoff.package.number  # type: ignore[union-attr]
    answer = rules.why_not_release(world["brown_lm"], queries.transfer_detail(world.db, number))
    assert answer == f"Only {CNSA}, the sender, releases transfer {number}."

    # The workstation: Carla (Brown) sees CNSA's package; Release is disabled, saying why.
    view = tooltip(qtbot, ctx_for("brown_lm"), number)
    assert not view.release_action.isEnabled()
    assert view.release_action.toolTip() == answer

    # The service (the command line prints what it raises; it has no command that releases
    # a prepared package, the courier's pick-up does) refuses in the same words.
    with pytest.raises(PermissionDenied) as raised:
        custody.release_transfer(
            world.db,
            world["brown_lm"],
            number,
            sender=world.cred("brown_lm"),
            courier=world.pin("courier1"),
        )
    assert str(raised.value) == answer

    # The courier's pick-up: Carla types her name on the sender's screen.
    tap(qtbot, window.current_screen.primary)
    sender = current(window, SignScreen)
    sign(qtbot, window, PASSWORD, user="brown_lm")
    assert said(sender) == f"Carla Pieters cannot sign here. {answer}"
    assert world.status(A1).status == "in_storage"  # nothing was released
