"""Courier mode, driven as a courier would: a scanner types each code and Enter, fingers tap
the PIN pad and draw on the signature pad. The journey CNSA laboratory -> courier A ->
courier B -> Brown University, with a missing item caught at pick-up and a broken seal at
delivery; the ledger and ``verify`` are checked after every handoff. Screenshots of every
screen go to tests.conftest.screenshot_path at 1280x800."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QPushButton, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from lunar_custody.domain import custody, queries
from lunar_custody.domain.models import CustodyEvent, Discrepancy, Signature, Transfer
from lunar_custody.gui.courier import CourierWindow
from lunar_custody.gui.courier.check import CheckScreen
from lunar_custody.gui.courier.delivery import MassScreen, SealScreen
from lunar_custody.gui.courier.screens import (
    CourierChoiceScreen,
    DoneScreen,
    HomeScreen,
    PackageScreen,
)
from lunar_custody.gui.courier.sign import SignScreen
from lunar_custody.gui.courier.widgets import RED, Screen
from lunar_custody.storage import Database
from lunar_custody.storage.integrity import verify_database
from tests.conftest import screenshot_path
from tests.gui.conftest import Messages, activate, draw_on
from tests.worlds import A1, A2, A3, A4, World

SEAL = "SEAL-0001"


# ---------------------------------------------------------------------- driving the window


def scan(qtbot: QtBot, field: object, code: str) -> None:
    """A keyboard-wedge scanner: the code typed fast, then Enter."""
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def tap(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_pin(qtbot: QtBot, screen: Screen, pin: str) -> None:
    """The PIN tapped on the on-screen pad."""
    for digit in pin:
        key = screen.findChild(QPushButton, f"pinKey{digit}")
        assert key is not None
        tap(qtbot, key)


def open_courier_window(qtbot: QtBot, world: World) -> CourierWindow:
    window = CourierWindow(world.db)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)  # keys and focus go to the active window
    return window


def sign_in(qtbot: QtBot, window: CourierWindow, username: str, pin: str) -> None:
    screen = window.signin
    scan(qtbot, screen.user_edit, username)  # a badge scan, or typed
    type_pin(qtbot, screen, pin)
    qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)


def current(window: CourierWindow, kind: type[Screen]) -> Screen:
    screen = window.current_screen
    assert isinstance(screen, kind), (type(screen).__name__, screen.message.text())
    return screen


def sign(
    qtbot: QtBot,
    window: CourierWindow,
    secret: str,
    *,
    pin: bool = False,
    user: str | None = None,
    draw: bool = True,
) -> SignScreen:
    screen = current(window, SignScreen)
    assert isinstance(screen, SignScreen)
    if user is not None:
        screen.user_edit.clear()
        qtbot.keyClicks(screen.user_edit, user)
    if pin:
        type_pin(qtbot, screen, secret)
    else:
        qtbot.keyClicks(screen.secret_edit, secret)
    if draw:
        draw_on(qtbot, screen.pad)
        assert not screen.pad.is_empty()
    tap(qtbot, screen.primary)
    return screen


def shot(window: CourierWindow, name: str) -> Path:
    path = screenshot_path(f"courier_{name}.png")
    image = window.grab().toImage()
    assert (image.width(), image.height()) == (1280, 800)
    assert image.save(str(path))
    return path


def table_rows(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def row_is_red(table: QTableWidget, row: int) -> bool:
    item = table.item(row, table.columnCount() - 1)
    return item.foreground().color() == QColor(RED)


# ---------------------------------------------------------------------- ledger checks


def events_of(world: World, number: str) -> list[tuple[str, str]]:
    """(kind, aliquot number) of the custody events written for a transfer, in order."""

    def read(session: object) -> list[tuple[str, str]]:
        from lunar_custody.domain.models import Aliquot

        transfer_id = session.scalar(select(Transfer.id).where(Transfer.number == number))  # type: ignore[attr-defined]
        rows = session.execute(  # type: ignore[attr-defined]
            select(CustodyEvent.kind, Aliquot.number)
            .join(Aliquot, Aliquot.id == CustodyEvent.aliquot_id)
            .where(CustodyEvent.transfer_id == transfer_id)
            .order_by(CustodyEvent.id)
        )
        return [(kind, aliquot) for kind, aliquot in rows]

    return world.read(read)


def signatures_of(world: World, number: str) -> list[tuple[str, str, str, bool]]:
    """(printed name, meaning, method, drawn?) of a transfer's signatures, in order."""
    return world.read(
        lambda s: [
            (x.printed_name, x.meaning, x.method, x.drawing_png is not None)
            for x in s.scalars(
                select(Signature)
                .where(Signature.record_type == "transfer", Signature.record_number == number)
                .order_by(Signature.id)
            )
        ]
    )


def assert_verified(world: World) -> None:
    assert isinstance(world.db, Database)
    report = verify_database(world.db)
    assert report.ok, report.summary()
    world.check_rules()


def prepared_package(world: World, aliquots: list[str], *, courier: str = "courier1") -> str:
    loan = world.active_loan(aliquots)
    transfer = custody.prepare_transfer(
        world.db,
        world["zhang"],
        aliquot_numbers=aliquots,
        receiver="brown_lm",
        courier=courier,
        seal_number=SEAL,
        loan_number=loan,
        container="dry shipper DS-3",
    )
    return transfer.number


# ---------------------------------------------------------------------- the journey


def test_journey_cnsa_to_courier_a_to_courier_b_to_brown(
    qtbot: QtBot, world: World, messages: Messages, tmp_path: Path
) -> None:
    number = prepared_package(world, [A1, A2, A3])
    window = open_courier_window(qtbot, world)
    assert window.windowTitle() == "Lunar Custody — Courier"
    shot(window, "signin")

    # ---- courier A signs in and finds the package waiting at the laboratory
    sign_in(qtbot, window, "courier1", World.PINS["courier1"])
    home = current(window, HomeScreen)
    assert isinstance(home, HomeScreen)
    assert window.who.text() == "Chen Courier · SECURE"
    assert home.collect_title.text() == "To collect (1)"
    assert number in home.buttons
    shot(window, "home")
    scan(qtbot, home.scan, number)

    # ---- pick-up: the manifest, a missing item, an unexpected one, the seal
    check = current(window, CheckScreen)
    assert isinstance(check, CheckScreen)
    assert "seal SEAL-0001 · dry shipper DS-3" in check.hint_label.text()
    scan(qtbot, check.scan, A1)
    assert check.message_kind == "ok" and "1 of 3" in check.message.text()
    scan(qtbot, check.scan, A2.lower())  # typed by hand, lower case
    scan(qtbot, check.scan, A4)  # lying on the same bench: not in this package
    assert check.message_kind == "error"
    assert f"{A4} is not on this manifest" in check.message.text()
    rows = table_rows(check.table)
    assert [r[1] for r in rows] == [A1, A2, A3, A4]
    assert rows[2][4] == "MISSING — scan it" and row_is_red(check.table, 2)
    assert rows[3][4] == "NOT ON MANIFEST" and row_is_red(check.table, 3)
    assert not row_is_red(check.table, 0)
    scan(qtbot, check.seal_edit, SEAL)
    assert check.seal_state.text() == "✓ matches"
    # Confirming is refused while A3 is missing and A4 unexplained.
    assert not check.primary.isEnabled()
    shot(window, "pickup_missing")
    qtbot.keyClick(check.scan, Qt.Key.Key_Return)  # Enter on the empty field: "go on"
    assert window.current_screen is check
    assert "missing: " + A3 in check.message.text() and A4 in check.message.text()
    tap(qtbot, check.aside_button)
    assert [r[1] for r in table_rows(check.table)] == [A1, A2, A3]
    assert not check.primary.isEnabled()  # A3 still missing
    scan(qtbot, check.scan, A3)  # found in the glove box
    assert "all 3 are here" in check.message.text()
    assert check.primary.isEnabled()
    shot(window, "pickup_complete")
    assert world.count(CustodyEvent, CustodyEvent.kind == "released") == 0
    qtbot.keyClick(check.scan, Qt.Key.Key_Return)

    # ---- the sender relinquishes (password), courier A accepts (PIN)
    sender = current(window, SignScreen)
    assert isinstance(sender, SignScreen)
    assert sender.user_edit.text() == "zhang" and not sender.user_edit.isReadOnly()
    assert sender.title_label.text() == "Sender signs: relinquished custody"
    shot(window, "sign_sender")
    sign(qtbot, window, World.PASSWORD)
    accepting = current(window, SignScreen)
    assert accepting is not sender and accepting.user_edit.isReadOnly()
    assert accepting.pin_pad.isVisible()
    shot(window, "sign_courier")
    sign(qtbot, window, World.PINS["courier1"], pin=True)
    done = current(window, DoneScreen)
    assert done.title_label.text() == "✓ Package collected"
    shot(window, "pickup_done")

    assert events_of(world, number) == [("released", A1), ("released", A2), ("released", A3)]
    assert signatures_of(world, number) == [
        ("Zhang Wei", "relinquished", "password", True),
        ("Chen Courier", "accepted", "pin", True),
    ]
    assert world.status(A3).courier == "Chen Courier"
    assert_verified(world)

    # ---- courier A hands the package to courier B at the airport
    tap(qtbot, done.primary)
    home = current(window, HomeScreen)
    assert isinstance(home, HomeScreen)
    assert home.hand_title.text() == "In hand — to deliver (1)"
    tap(qtbot, home.buttons[number])
    package = current(window, PackageScreen)
    assert isinstance(package, PackageScreen)
    shot(window, "package")
    tap(qtbot, package.hand_button)
    choice = current(window, CourierChoiceScreen)
    assert isinstance(choice, CourierChoiceScreen)
    assert "courier1" not in choice.buttons  # not to oneself
    shot(window, "handover_choose")
    tap(qtbot, choice.buttons["courier2"])
    seal_check = current(window, CheckScreen)
    assert isinstance(seal_check, CheckScreen)
    assert not seal_check.primary.isEnabled()
    assert table_rows(seal_check.table)[0][4] == "sealed inside"
    scan(qtbot, seal_check.scan, SEAL)  # the seal label, scanned
    assert seal_check.check.seal_ok and seal_check.primary.isEnabled()
    shot(window, "handover_seal")
    tap(qtbot, seal_check.primary)
    sign(qtbot, window, World.PINS["courier1"], pin=True)
    receiving = current(window, SignScreen)
    assert receiving.user_edit.text() == "courier2"
    sign(qtbot, window, World.PINS["courier2"], pin=True)
    done = current(window, DoneScreen)
    assert done.title_label.text() == "✓ Package handed over"

    assert events_of(world, number)[3:] == [
        ("handed_over", A1),
        ("handed_over", A2),
        ("handed_over", A3),
    ]
    assert signatures_of(world, number)[2:] == [
        ("Chen Courier", "relinquished", "pin", True),
        ("Dana Courier", "accepted", "pin", True),
    ]
    assert world.status(A1).courier == "Dana Courier"
    assert_verified(world)
    tap(qtbot, done.primary)
    assert current(window, HomeScreen).hand_title.text() == "In hand — to deliver (0)"  # type: ignore[attr-defined]

    # ---- courier B signs in on the same tablet and delivers to Brown University
    tap(qtbot, window.sign_out_button)
    current(window, type(window.signin))
    sign_in(qtbot, window, "courier2", World.PINS["courier2"])
    home = current(window, HomeScreen)
    assert isinstance(home, HomeScreen)
    scan(qtbot, home.scan, A2)  # any aliquot label finds its package
    package = current(window, PackageScreen)
    assert isinstance(package, PackageScreen)
    tap(qtbot, package.primary)  # "Deliver to Carla Pieters"

    seal = current(window, SealScreen)
    assert isinstance(seal, SealScreen)
    scan(qtbot, seal.seal_edit, SEAL)
    assert not seal.primary.isEnabled()  # intact or broken: say which
    tap(qtbot, seal.broken_button)
    assert seal.message_kind == "error" and "discrepancy" in seal.message.text()
    assert not seal.primary.isEnabled()  # a broken seal needs a note
    qtbot.keyClicks(seal.note_edit, "tape cut at one corner")
    photo = tmp_path / "seal.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("orange"))
    assert image.save(str(photo))
    seal.set_photo(str(photo))
    assert seal.photo == photo.read_bytes()
    shot(window, "delivery_seal")
    tap(qtbot, seal.primary)

    masses = current(window, MassScreen)
    assert isinstance(masses, MassScreen)
    qtbot.keyClicks(masses.edits[A1], "500.2")
    qtbot.keyClick(masses.edits[A1], Qt.Key.Key_Return)  # on to the next field
    assert masses.edits[A2].hasFocus()
    qtbot.keyClicks(masses.edits[A2], "290")  # 10 mg short: outside the tolerance
    assert masses.states[A1].text().startswith("✓")
    assert masses.states[A2].text() == "✗ -10.000 mg: discrepancy"
    shot(window, "delivery_masses")
    tap(qtbot, masses.primary)

    # courier B gives the package up (PIN), then hands the tablet to the receiver
    giving = current(window, SignScreen)
    assert isinstance(giving, SignScreen)
    assert giving.title_label.text() == "Courier signs: relinquished custody"
    assert giving.user_edit.text() == "courier2" and giving.user_edit.isReadOnly()
    assert "NOT INTACT" in giving.hint_label.text()
    shot(window, "sign_delivering_courier")
    sign(qtbot, window, World.PINS["courier2"], pin=True)
    receiver = current(window, SignScreen)
    assert isinstance(receiver, SignScreen) and receiver is not giving
    assert receiver.user_edit.text() == "brown_lm"
    assert "NOT INTACT" in receiver.hint_label.text()
    shot(window, "sign_receiver")
    sign(qtbot, window, World.PASSWORD)
    done = current(window, DoneScreen)
    assert done.title_label.text() == "✓ Package delivered"
    problems = [label.text() for label in done.findChildren(object, "doneProblem")]  # type: ignore[arg-type]
    assert any("seal broken" in p and "tape cut" in p for p in problems)
    assert any(A2 in p and "290.000 mg" in p for p in problems)
    shot(window, "delivery_done")

    # released, handed over, then received: the receipt names the transfer it ends
    assert [kind for kind, _ in events_of(world, number)] == ["released"] * 3 + [
        "handed_over"
    ] * 3 + ["received"] * 3
    for aliquot, weighed in ((A1, 500_200), (A2, 290_000), (A3, None)):
        last = queries.history(world.db, aliquot)[-1]
        assert (last.kind, last.custodian, last.mass_ug) == ("received", "Carla Pieters", weighed)
        assert (last.seal_number, last.seal_intact, last.note) == (
            SEAL,
            False,
            "tape cut at one corner",
        )
    assert signatures_of(world, number)[4:] == [
        ("Dana Courier", "relinquished", "pin", True),
        ("Carla Pieters", "received", "password", True),
    ]
    found = world.read(
        lambda s: [
            (d.kind, d.photo is not None, d.measured_mass_ug)
            for d in s.scalars(select(Discrepancy).order_by(Discrepancy.id))
        ]
    )
    assert found == [("seal_broken", True, None), ("mass", True, 290_000)]
    assert world.status(A1).custodian_institution == "Brown University"
    assert_verified(world)
    assert messages.shown == []


def test_screens_are_large_enough_to_use_standing_up(qtbot: QtBot, world: World) -> None:
    number = prepared_package(world, [A1])
    window = open_courier_window(qtbot, world)
    sign_in(qtbot, window, "courier1", World.PINS["courier1"])
    home = current(window, HomeScreen)
    scan(qtbot, home.scan, number)  # type: ignore[attr-defined]
    check = current(window, CheckScreen)
    for button in check.findChildren(QPushButton):
        if button.isVisible():
            assert button.height() >= 64, button.text()
    assert check.scan.font().pointSize() >= 20
    assert check.title_label.font().pointSize() >= 20
    assert check.scan.hasFocus()  # a scanner types without a tap first
