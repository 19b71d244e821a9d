"""What courier mode records for the custody form: the seal the couriers checked at a
hand-over ("Seal intact: yes" on the form), and the delivering courier's PIN signature at
delivery (printed on the form instead of lines for ink); the workstation's receipt takes
that signature too, when the courier is at the desk. The forms are read back as PDFs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lunar_custody.documents import service
from lunar_custody.domain import custody, queries
from lunar_custody.domain.errors import RuleViolation
from lunar_custody.domain.models import Transfer
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.courier.check import CheckScreen
from lunar_custody.gui.courier.delivery import MassScreen, SealScreen
from lunar_custody.gui.courier.screens import (
    CourierChoiceScreen,
    DoneScreen,
    HomeScreen,
    PackageScreen,
)
from lunar_custody.gui.courier.sign import SignScreen
from lunar_custody.gui.transfers.dialogs import ReceiptDialog
from tests.conftest import screenshot_path
from tests.documents.conftest import text_of
from tests.gui.conftest import Messages, Signer, when_modal
from tests.gui.test_courier import (
    SEAL,
    assert_verified,
    current,
    open_courier_window,
    scan,
    shot,
    sign,
    sign_in,
    signatures_of,
    tap,
    type_pin,
)
from tests.gui.test_courier_errors import said
from tests.gui.test_transfers_view import view_for
from tests.worlds import A1, A2, World

INK = "Write the date, the time and the time zone"  # the hint under every block left for ink


def custody_form_text(world: World, number: str, path: Path) -> str:
    service.write_custody_form(world.db, None, path, transfer=number)
    return text_of(path)


def status_of(world: World, number: str) -> str:
    return str(world.read(lambda s: s.query(Transfer).filter_by(number=number).one().status))


def test_a_hand_over_records_the_seal_checked_and_refuses_another(
    qtbot: QtBot, world: World, tmp_path: Path, messages: Messages
) -> None:
    number = world.release([A1, A2], loan=world.active_loan([A1, A2]), seal=SEAL)
    window = open_courier_window(qtbot, world)
    sign_in(qtbot, window, "courier1", World.PINS["courier1"])
    home = current(window, HomeScreen)
    assert isinstance(home, HomeScreen)
    tap(qtbot, home.buttons[number])
    package = current(window, PackageScreen)
    assert isinstance(package, PackageScreen)
    tap(qtbot, package.hand_button)
    choice = current(window, CourierChoiceScreen)
    assert isinstance(choice, CourierChoiceScreen)
    tap(qtbot, choice.buttons["courier2"])
    check = current(window, CheckScreen)
    assert isinstance(check, CheckScreen)
    before = world.snapshot()

    # Another seal: refused on the screen in the words the service refuses it with.
    scan(qtbot, check.seal_edit, "SEAL-0002")
    with world.refused(RuleViolation, "Seal SEAL-0002 is not the seal of this package"):
        custody.hand_over(
            world.db,
            world["courier1"],
            number,
            to_courier="courier2",
            from_credential=world.pin("courier1"),
            to_credential=world.pin("courier2"),
            seal_number_checked="SEAL-0002",
        )
    assert said(check) == (
        f"Seal SEAL-0002 is not the seal of this package ({SEAL}). "
        "Do not take the package; call the sender."
    )
    assert check.seal_state.text() == "✗ WRONG SEAL" and not check.primary.isEnabled()
    qtbot.keyClick(check.scan, Qt.Key.Key_Return)  # "go on": still refused, still here
    assert window.current_screen is check
    assert world.snapshot() == before

    # The package's own seal: the couriers sign and the check is recorded with the events.
    check.seal_edit.clear()
    scan(qtbot, check.seal_edit, SEAL)
    assert check.check.seal_ok
    tap(qtbot, check.primary)
    sign(qtbot, window, World.PINS["courier1"], pin=True)
    sign(qtbot, window, World.PINS["courier2"], pin=True)
    done = current(window, DoneScreen)
    assert done.title_label.text() == "✓ Package handed over"
    handed = [e for e in queries.history(world.db, A1) if e.kind == "handed_over"]
    assert [(e.seal_number, e.seal_intact) for e in handed] == [(SEAL, True)]
    legs = queries.transfer_form_data(world.db, number).handoffs
    assert [(h.title, h.seal_intact) for h in legs] == [
        ("Release by CNSA", True),
        ("Hand-over", True),
    ]
    text = custody_form_text(world, number, tmp_path / "handed.pdf")
    assert "Hand-over" in text and "Dana Courier" in text
    assert text.count("Seal intact: yes") == 2
    assert "not checked in the program" not in text
    assert_verified(world)
    assert messages.shown == []


def test_the_delivering_courier_signs_with_their_pin_and_the_form_prints_it(
    qtbot: QtBot, world: World, tmp_path: Path, messages: Messages
) -> None:
    number = world.release([A1], loan=world.active_loan([A1]), seal=SEAL)
    window = open_courier_window(qtbot, world)
    sign_in(qtbot, window, "courier1", World.PINS["courier1"])
    scan(qtbot, current(window, HomeScreen).scan, A1)  # type: ignore[attr-defined]
    tap(qtbot, current(window, PackageScreen).primary)  # Deliver to Carla Pieters
    seal = current(window, SealScreen)
    assert isinstance(seal, SealScreen)
    scan(qtbot, seal.seal_edit, SEAL)
    tap(qtbot, seal.intact_button)
    tap(qtbot, seal.primary)
    tap(qtbot, current(window, MassScreen).primary)  # nothing weighed

    courier = current(window, SignScreen)
    assert isinstance(courier, SignScreen)
    assert courier.title_label.text() == "Courier signs: relinquished custody"
    assert courier.user_edit.text() == "courier1" and courier.user_edit.isReadOnly()
    assert courier.pin_pad.isVisible()
    assert f"Seal {SEAL}: intact" in courier.hint_label.text()
    shot(window, "sign_delivering_courier_pin")
    sign(qtbot, window, "9999", pin=True)  # a wrong PIN: found when the receipt is signed
    receiver = current(window, SignScreen)
    assert receiver is not courier and receiver.user_edit.text() == "brown_lm"
    sign(qtbot, window, World.PASSWORD)
    # refused in the one transaction: back on the courier's screen, nothing received
    assert window.current_screen is courier
    assert said(courier) == "Wrong PIN for Chen Courier. 4 more wrong entries lock the account."
    assert status_of(world, number) == "in_transit"
    type_pin(qtbot, courier, World.PINS["courier1"])
    tap(qtbot, courier.primary)  # the receiver signed already: the receipt is recorded
    assert current(window, DoneScreen).title_label.text() == "✓ Package delivered"

    assert signatures_of(world, number)[-2:] == [
        ("Chen Courier", "relinquished", "pin", True),
        ("Carla Pieters", "received", "password", True),
    ]
    delivery = queries.transfer_form_data(world.db, number).handoffs[-1]
    assert delivery.title == "Delivery to BROWN"
    assert delivery.relinquished.mark is not None
    assert delivery.relinquished.mark.printed_name == "Chen Courier"
    text = custody_form_text(world, number, tmp_path / "delivered.pdf")
    # the release (Zhang Wei) and the delivery (Chen Courier) both printed as signed
    assert text.count("Meaning: relinquished custody") == 2
    assert "Meaning: received" in text and "signer's PIN" in text
    assert INK not in text  # no block is left for ink
    assert_verified(world)
    assert messages.shown == []


def test_the_receipt_at_a_desk_takes_the_couriers_pin_when_they_sign(
    qtbot: QtBot,
    world: World,
    tmp_path: Path,
    ctx_for: Callable[[str], AppContext],
    signer: Signer,
    messages: Messages,
) -> None:
    loan = world.active_loan([A1, A2])
    signed = world.release([A1], loan=loan, seal="SEAL-0001")
    unsigned = world.release([A2], loan=loan, seal="SEAL-0002")
    brown = view_for(qtbot, ctx_for("brown_lm"))

    def receive_with_the_courier(dialog: ReceiptDialog) -> None:
        assert dialog.courier_signs.isVisible() and not dialog.courier_signs.isChecked()
        assert "Chen Courier, the courier, signs" in dialog.courier_signs.text()
        dialog.courier_signs.setChecked(True)
        dialog.grab().save(str(screenshot_path("receipt_dialog_courier_signs.png")))
        signer.next(World.PINS["courier1"])  # the courier first: they give the package up
        signer.next(World.PASSWORD)
        dialog.sign_button.click()

    assert brown.open_transfer(signed)
    when_modal(ReceiptDialog, receive_with_the_courier)
    brown.receive_action.trigger()
    assert [meaning for meaning, _ in signer.seen] == ["relinquished", "received"]
    assert "Delivered by Chen Courier" in signer.seen[0][1]
    assert signatures_of(world, signed)[-2:] == [
        ("Chen Courier", "relinquished", "pin", True),
        ("Carla Pieters", "received", "password", True),
    ]
    assert INK not in custody_form_text(world, signed, tmp_path / "signed.pdf")

    # Without the courier (the box left empty) the receipt is the receiver's alone.
    def receive_alone(dialog: ReceiptDialog) -> None:
        signer.next(World.PASSWORD)
        dialog.sign_button.click()

    assert brown.open_transfer(unsigned)
    when_modal(ReceiptDialog, receive_alone)
    brown.receive_action.trigger()
    assert [meaning for meaning, _ in signer.seen] == ["relinquished", "received", "received"]
    assert signatures_of(world, unsigned)[-1] == ("Carla Pieters", "received", "password", True)
    text = custody_form_text(world, unsigned, tmp_path / "ink.pdf")
    assert text.count(INK) == 1  # the courier's block waits for ink
    assert_verified(world)
