"""Courier mode when something is wrong: every refusal is a large message in plain words on
the screen where it happened, and nothing is written. Also: how the window is opened (the
command line, the workstation's menu) and using it with the keyboard alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lunar_custody import cli, logfile
from lunar_custody.domain import custody, identity
from lunar_custody.domain.models import CustodyEvent, Signature, Transfer
from lunar_custody.gui import startup
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.courier import CourierWindow
from lunar_custody.gui.courier import window as courier_window
from lunar_custody.gui.courier.check import CheckScreen
from lunar_custody.gui.courier.screens import DoneScreen, HomeScreen
from lunar_custody.gui.courier.sign import SignScreen
from lunar_custody.gui.courier.signin import WRONG_NAME_OR_PIN
from lunar_custody.storage import Database
from tests.gui.conftest import Messages, open_window
from tests.gui.test_courier import (
    SEAL,
    assert_verified,
    current,
    open_courier_window,
    prepared_package,
    scan,
    shot,
    sign,
    sign_in,
    tap,
    type_pin,
)
from tests.worlds import A1, A2, A3, A4, World


def signed_in(qtbot: QtBot, world: World, username: str = "courier1") -> CourierWindow:
    """A courier window with ``username`` signed in, on their packages."""
    window = open_courier_window(qtbot, world)
    sign_in(qtbot, window, username, World.PINS[username])
    assert isinstance(current(window, HomeScreen), HomeScreen)
    return window


def said(screen: object) -> str:
    """The red message a screen shows (and that it is red)."""
    assert screen.message_kind == "error", screen.message.text()  # type: ignore[attr-defined]
    return str(screen.message.text())  # type: ignore[attr-defined]


def checked_package(qtbot: QtBot, world: World, aliquots: list[str]) -> CourierWindow:
    """courier1 at the sender, every item scanned and the seal checked."""
    number = prepared_package(world, aliquots)
    window = signed_in(qtbot, world)
    assert window.home is not None
    scan(qtbot, window.home.scan, number)
    check = current(window, CheckScreen)
    assert isinstance(check, CheckScreen)
    for aliquot in aliquots:
        scan(qtbot, check.scan, aliquot)
    scan(qtbot, check.seal_edit, SEAL)
    assert check.primary.isEnabled()
    return window


# ---------------------------------------------------------------------- scanning at home


def test_wrong_code_received_item_and_someone_elses_package(
    qtbot: QtBot, world: World, messages: Messages
) -> None:
    delivered = world.ship([A4], loan=world.active_loan([A4]))  # carried last week
    dana = prepared_package(world, [A2], courier="courier2")
    window = signed_in(qtbot, world)
    home = window.home
    assert home is not None
    before = world.snapshot()

    scan(qtbot, home.scan, "CE5C0400YJFM0099")
    assert "Wrong code: nothing is labelled 'CE5C0400YJFM0099'" in said(home)
    shot(window, "home_wrong_code")

    scan(qtbot, home.scan, A4)
    text = said(home)
    assert text.startswith(f"Already received: {A4} (package {delivered}) was received by")
    assert "Carla Pieters" in text
    scan(qtbot, home.scan, delivered)
    assert f"Already received: {delivered}" in said(home)

    scan(qtbot, home.scan, dana)
    assert said(home) == (
        f"Not your package: {dana} is assigned to Dana Courier, not to Chen Courier. "
        "Do not take it."
    )
    scan(qtbot, home.scan, A2)  # the aliquot label of Dana's package: the same answer
    assert "Not your package" in said(home)

    scan(qtbot, home.scan, A3)
    assert said(home) == (
        f"Aliquot {A3} is not packed in any package. Ask the sender which package to take."
    )
    assert window.current_screen is home
    assert world.snapshot() == before
    assert messages.shown == []


def test_items_not_on_the_manifest_and_a_wrong_seal_block_the_pick_up(
    qtbot: QtBot, world: World
) -> None:
    other = prepared_package(world, [A3])
    number = prepared_package(world, [A1, A2])
    window = signed_in(qtbot, world)
    assert window.home is not None
    scan(qtbot, window.home.scan, A1)  # an aliquot label opens its package
    check = current(window, CheckScreen)
    assert isinstance(check, CheckScreen) and check.package.number == number
    scan(qtbot, check.scan, A1)
    scan(qtbot, check.scan, A1)
    assert check.message_kind == "info" and "ticked off already" in check.message.text()
    scan(qtbot, check.scan, "no-such-label")
    assert said(check).startswith("Wrong code")
    scan(qtbot, check.scan, other)  # another package's label
    assert said(check) == f"That label belongs to package {other}, not to this one."
    scan(qtbot, check.scan, A3)  # an aliquot of another package
    assert f"{A3} is not on this manifest" in said(check)
    scan(qtbot, check.scan, A2)
    scan(qtbot, check.seal_edit, "SEAL-9999")
    assert said(check) == (
        "Seal SEAL-9999 is not the seal of this package (SEAL-0001). "
        "Do not take the package; call the sender."
    )
    assert check.seal_state.text() == "✗ WRONG SEAL"
    assert not check.primary.isEnabled()
    tap(qtbot, check.aside_button)
    assert not check.primary.isEnabled()  # the seal is still wrong
    check.seal_edit.clear()
    scan(qtbot, check.seal_edit, SEAL)
    assert check.primary.isEnabled()
    assert world.count(CustodyEvent, CustodyEvent.kind == "released") == 0


# ---------------------------------------------------------------------- PINs


def test_wrong_pin_at_sign_in_and_lockout(qtbot: QtBot, world: World) -> None:
    window = open_courier_window(qtbot, world)
    screen = window.signin
    for attempt in range(identity.MAX_FAILED_ATTEMPTS - 1):
        sign_in(qtbot, window, "courier1", "0000")
        assert said(screen) == WRONG_NAME_OR_PIN
        assert screen.pin_edit.text() == ""  # typed again, not corrected
        assert world.person("courier1").failed_attempts == attempt + 1
        screen.user_edit.clear()
    shot(window, "signin_wrong_pin")
    sign_in(qtbot, window, "nobody", "2468")  # an unknown name: the same words
    assert said(screen) == WRONG_NAME_OR_PIN
    screen.user_edit.clear()
    sign_in(qtbot, window, "courier1", "0000")  # the fifth wrong PIN in a row locks
    assert world.person("courier1").locked_until is not None
    screen.user_edit.clear()
    sign_in(qtbot, window, "courier1", World.PINS["courier1"])  # right, but too late
    assert said(screen).startswith(
        "The account of Chen Courier is locked after repeated wrong entries"
    )
    assert window.current_screen is screen and window.me is None


def test_sign_in_is_for_couriers(qtbot: QtBot, world: World) -> None:
    world.add_person("brown_courier", "BROWN", "lab_manager", full_name="Bo Brown", pin="1357")
    window = open_courier_window(qtbot, world)
    sign_in(qtbot, window, "brown_courier", "1357")
    assert said(window.signin) == "Courier mode is for couriers. Bo Brown works at the workstation."
    assert window.me is None


def test_a_wrong_pin_at_pick_up_returns_to_that_signer_and_writes_nothing(
    qtbot: QtBot, world: World, messages: Messages
) -> None:
    window = checked_package(qtbot, world, [A1])
    tap(qtbot, window.current_screen.primary)
    sender = sign(qtbot, window, World.PASSWORD)
    courier = sign(qtbot, window, "9999", pin=True)
    # Refused in the one transaction: back on the courier's screen, nothing written.
    assert window.current_screen is courier
    assert said(courier) == ("Wrong PIN for Chen Courier. 4 more wrong entries lock the account.")
    assert courier.secret_edit.text() == "" and not courier.pad.is_empty()
    assert world.count(Signature) == 2  # the loan's approval and countersignature only
    assert world.read(lambda s: s.query(Transfer).one().status) == "prepared"
    shot(window, "sign_wrong_pin")
    type_pin(qtbot, courier, World.PINS["courier1"])
    tap(qtbot, courier.primary)
    assert isinstance(window.current_screen, DoneScreen)
    assert window.current_screen is not sender
    assert world.read(lambda s: s.query(Transfer).one().status) == "in_transit"
    assert world.person("courier1").failed_attempts == 0  # a success clears the count
    assert_verified(world)
    assert messages.shown == []


def test_who_may_sign_for_the_sender_and_the_receiver(qtbot: QtBot, world: World) -> None:
    window = checked_package(qtbot, world, [A1])
    tap(qtbot, window.current_screen.primary)
    sender = current(window, SignScreen)
    sign(qtbot, window, World.PASSWORD, user="brown_lm")
    number = window.handoff.package.number  # type: ignore[union-attr]
    assert said(sender) == (
        "Carla Pieters cannot sign here. Only CNSA Lunar Sample Laboratory, the sender, "
        f"releases transfer {number}."
    )
    sign(qtbot, window, World.PASSWORD, user="courier2", draw=False)
    assert said(sender) == (
        "Dana Courier cannot sign here. Only a curator or lab manager may release packages."
    )
    sign(qtbot, window, World.PASSWORD, user="li", draw=False)  # another CNSA curator
    sign(qtbot, window, World.PINS["courier1"], pin=True)
    done = current(window, DoneScreen)
    signed = world.read(
        lambda s: [(x.printed_name, x.meaning) for x in s.query(Signature).order_by(Signature.id)]
    )
    assert signed[-2:] == [("Li Na", "relinquished"), ("Chen Courier", "accepted")]

    # At delivery only an authorised receiver of the loan signs; a colleague is refused.
    tap(qtbot, done.primary)
    home = current(window, HomeScreen)
    scan(qtbot, home.scan, A1)  # type: ignore[attr-defined]
    tap(qtbot, window.current_screen.primary)  # type: ignore[attr-defined]
    seal = window.current_screen
    scan(qtbot, seal.seal_edit, SEAL)  # type: ignore[attr-defined]
    tap(qtbot, seal.intact_button)  # type: ignore[attr-defined]
    tap(qtbot, seal.primary)
    tap(qtbot, window.current_screen.primary)  # nothing weighed
    sign(qtbot, window, World.PINS["courier1"], pin=True)  # the courier gives it up
    receiver = current(window, SignScreen)
    sign(qtbot, window, World.PASSWORD, user="brown_pi")
    refusal = said(receiver)
    assert refusal.startswith("James Head cannot sign here. Only an authorised receiver of loan")
    assert refusal.endswith(" (Carla Pieters) may confirm this receipt.")
    sign(qtbot, window, World.PASSWORD, user="brown_lm", draw=False)
    assert isinstance(window.current_screen, DoneScreen)
    assert world.status(A1).custodian_person == "Carla Pieters"
    assert not window.current_screen.findChildren(object, "doneProblem")  # type: ignore[arg-type]
    assert_verified(world)


# ---------------------------------------------------------------------- keyboard alone


def test_a_pick_up_with_the_keyboard_and_scanner_alone(qtbot: QtBot, world: World) -> None:
    """No pointer at all: codes and Enter, Tab, and Sign pressed twice without a drawing."""
    number = prepared_package(world, [A1, A2])
    window = open_courier_window(qtbot, world)
    screen = window.signin
    assert screen.user_edit.hasFocus()
    qtbot.keyClicks(screen.user_edit, "courier1")
    qtbot.keyClick(screen.user_edit, Qt.Key.Key_Return)
    assert screen.pin_edit.hasFocus()
    qtbot.keyClicks(screen.pin_edit, World.PINS["courier1"])
    qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    home = current(window, HomeScreen)
    assert home.scan.hasFocus()  # type: ignore[attr-defined]
    scan(qtbot, QApplication.focusWidget(), number)
    check = current(window, CheckScreen)
    for code in (A1, A2):
        scan(qtbot, QApplication.focusWidget(), code)
    assert check.seal_edit.hasFocus()  # type: ignore[attr-defined]  # all here: the seal next
    scan(qtbot, QApplication.focusWidget(), SEAL)
    assert check.primary.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    sender = current(window, SignScreen)
    assert sender.secret_edit.hasFocus()  # type: ignore[attr-defined]
    qtbot.keyClicks(sender.secret_edit, World.PASSWORD)  # type: ignore[attr-defined]
    qtbot.keyClick(sender.secret_edit, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert "press Sign again" in said(sender)  # no drawing: asked once
    qtbot.keyClick(sender.secret_edit, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    courier = current(window, SignScreen)
    assert courier is not sender
    qtbot.keyClicks(courier.secret_edit, World.PINS["courier1"])  # type: ignore[attr-defined]
    qtbot.keyClick(courier.secret_edit, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    qtbot.keyClick(courier.secret_edit, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    done = current(window, DoneScreen)
    drawn = world.read(lambda s: [x.drawing_png for x in s.query(Signature)][-2:])
    assert drawn == [None, None]  # the secrets alone signed
    assert done.primary.hasFocus()
    qtbot.keyClick(done.primary, Qt.Key.Key_Return)
    assert isinstance(window.current_screen, HomeScreen)
    qtbot.keyClick(window.current_screen.scan, Qt.Key.Key_Escape)  # nothing to go back to at home
    assert isinstance(window.current_screen, HomeScreen)
    assert_verified(world)


# ---------------------------------------------------------------------- opening the window


def test_courier_mode_from_the_workstation_menu(
    qtbot: QtBot, world: World, ctx_for: object
) -> None:
    main = open_window(qtbot, ctx_for("zhang"))  # type: ignore[operator]
    assert isinstance(main.ctx, AppContext)
    action = main.courier_action
    assert action.text() == "&Courier mode…"
    assert action in main.menuBar().actions()[0].menu().actions()
    action.trigger()
    (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, CourierWindow)]
    assert window.db is main.ctx.db and window.isVisible()
    assert window.me is None  # the courier signs in with their own PIN
    window.close()


def test_lunar_custody_courier_opens_the_window_on_the_database(
    qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch, messages: Messages
) -> None:
    assert isinstance(world.db, Database)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_courier installs its own
    monkeypatch.setattr(logfile, "configure_logging", lambda: None)  # not the user's log
    opened: list[tuple[str, bool]] = []

    class Application:
        """The test's QApplication, whose event loop "runs" by looking at the window."""

        def exec(self) -> int:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, CourierWindow) and widget.isVisible():
                    opened.append((widget.windowTitle(), widget.isFullScreen()))
                    widget.close()
            return 0

    monkeypatch.setattr(startup, "application", Application)
    assert cli.main(["courier", "--db", world.db.url]) == 0
    assert opened == [("Lunar Custody — Courier", True)]
    assert courier_window.WINDOW_TITLE == "Lunar Custody — Courier"
    assert messages.shown == []


def test_lunar_custody_courier_refuses_what_is_not_a_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: Messages, qapp: QApplication
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(logfile, "configure_logging", lambda: None)
    garbage = tmp_path / "custody.db"
    garbage.write_bytes(b"\x00not sqlite\x00" * 64)
    assert cli.main(["courier", "--db", str(garbage)]) == 3
    assert messages.errors == [
        f"The file {garbage} is not a Lunar Custody database, or it is damaged."
    ]


def test_a_package_too_big_for_a_screen_still_fits(qtbot: QtBot, world: World) -> None:
    """Twenty aliquots: the manifest scrolls, the buttons stay on screen."""
    from lunar_custody.domain import registry

    children = [c.number for c in registry.split_aliquot(world.db, world["zhang"], A1, [1000] * 20)]
    number = custody.prepare_transfer(
        world.db,
        world["zhang"],
        aliquot_numbers=children,
        receiver="koln_lm",
        courier="courier1",
        seal_number=SEAL,
        loan_number=world.active_loan(children, borrower="KOLN", pi="koln_lm"),
    ).number
    window = signed_in(qtbot, world)
    assert window.home is not None
    scan(qtbot, window.home.scan, number)
    check = current(window, CheckScreen)
    shot(window, "pickup_twenty")
    assert check.table.rowCount() == 20  # type: ignore[attr-defined]
    assert check.primary.geometry().bottom() < check.height()
