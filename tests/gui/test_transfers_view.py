"""The Transfers view: a package built by scanning and released with two signatures, a
receipt with discrepancies, their resolution, and the actions each person may take."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QToolButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from lunar_custody.domain import clock, custody, queries
from lunar_custody.domain.models import Discrepancy, Signature, Transfer
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.dialogs import ReasonDialog
from lunar_custody.gui.transfers import TransfersView
from lunar_custody.gui.transfers.dialogs import (
    CHOOSE_COURIER,
    ReceiptDialog,
    ResolveDialog,
    TranscribeDialog,
)
from lunar_custody.gui.transfers.package import PackageDialog
from tests.conftest import screenshot_path
from tests.gui.conftest import Messages, Signer, when_modal
from tests.worlds import A1, A2, A3, A4, KOLN, World


def scan(qtbot: QtBot, dialog: PackageDialog, code: str) -> str:
    qtbot.keyClicks(dialog.scan, code)
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    return dialog.scan_message.text()


def view_for(qtbot: QtBot, ctx: AppContext) -> TransfersView:
    view = TransfersView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    return view


def test_package_scanned_released_received_and_resolved(
    tmp_path: Path,
    qtbot: QtBot,
    world: World,
    ctx_for: Callable[[str], AppContext],
    signer: Signer,
    messages: Messages,
) -> None:
    loan = world.active_loan([A1, A2])
    # A4 is held in Cologne: not ours to pack.
    koln_loan = world.active_loan([A4], borrower=KOLN, pi="koln_lm")
    world.ship([A4], receiver="koln_lm", loan=koln_loan)

    zhang = view_for(qtbot, ctx_for("zhang"))
    assert zhang.new_action.isEnabled()
    changed: list[bool] = []
    zhang.ctx.changed.connect(lambda: changed.append(True))

    def build(dialog: PackageDialog) -> None:
        assert "There is no aliquot 'CE5C0400YJFM09999'" in scan(qtbot, dialog, "CE5C0400YJFM09999")
        assert "held by University of Cologne" in scan(qtbot, dialog, A4)
        assert dialog.numbers() == []
        assert "Added" in scan(qtbot, dialog, A1.lower())  # typed by hand, lower case
        assert dialog.loan_combo.currentData() == loan  # suggested from the item
        assert dialog.receiver_combo.currentData() == "brown_lm"  # the loan's PI
        assert "already in this package" in scan(qtbot, dialog, A1)
        assert "is not an item of loan" in scan(qtbot, dialog, A3)
        scan(qtbot, dialog, A2)
        assert dialog.numbers() == [A1, A2]
        dialog.manifest.selectRow(1)
        dialog.remove_button.click()
        assert dialog.numbers() == [A1]
        scan(qtbot, dialog, A2)
        assert dialog.manifest.rowCount() == 2
        assert dialog.total_label.text() == "2 aliquots, 800.000 mg"
        dialog.release_button.click()  # no courier yet: said, nothing signed
        assert "Choose the courier" in dialog.scan_message.text()
        dialog.courier_combo.setCurrentIndex(dialog.courier_combo.findData("courier1"))
        qtbot.keyClicks(dialog.seal_edit, "SEAL-0100")
        qtbot.keyClicks(dialog.container_edit, "dry shipper DS-3")
        dialog.grab().save(str(screenshot_path("package_dialog.png")))
        signer.next(World.PASSWORD)
        signer.next(World.PINS["courier1"], user="courier1")
        dialog.release_button.click()

    when_modal(PackageDialog, build)
    zhang.new_action.trigger()
    assert [meaning for meaning, _ in signer.seen] == ["relinquished", "accepted"]
    assert A1 in signer.seen[0][1] and "SEAL-0100" in signer.seen[1][1]
    assert messages.errors == []
    assert changed

    (moved,) = queries.transfers(world.db, status="in_transit")
    assert (moved.courier, moved.seal_number, moved.items) == ("Chen Courier", "SEAL-0100", 2)
    assert moved.loan_number == loan
    assert world.status(A1).courier == "Chen Courier"
    signed = world.read(
        lambda s: [(x.printed_name, x.meaning, x.method) for x in s.scalars(select(Signature))]
    )
    assert ("Zhang Wei", "relinquished", "password") in signed
    assert ("Chen Courier", "accepted", "pin") in signed
    # The new package is selected and shown; only an authorised receiver may confirm it.
    assert zhang.transfers.current_value("number") == moved.number
    assert "dry shipper DS-3" in zhang.transfer_view.toPlainText()
    assert not zhang.receive_action.isEnabled()
    receive_button = zhang.findChild(QToolButton, "confirmReceiptButton")
    assert receive_button is not None
    assert receive_button.toolTip() == (
        f"Only an authorised receiver of loan {loan} (Carla Pieters) may confirm this receipt."
    )

    brown = view_for(qtbot, ctx_for("brown_lm"))
    assert brown.open_transfer(moved.number)
    assert brown.receive_action.isEnabled()

    def receive(dialog: ReceiptDialog) -> None:
        assert set(dialog.mass_edits) == {A1, A2}
        dialog.seal_intact.setChecked(False)
        qtbot.keyClicks(dialog.seal_seen, "SEAL-0100")
        qtbot.keyClicks(dialog.mass_edits[A1], "500.02")  # within the tolerance
        qtbot.keyClicks(dialog.mass_edits[A2], "250 mg")  # 50 mg short
        qtbot.keyClicks(dialog.note, "tape torn at one corner")
        photo = QImage(64, 48, QImage.Format.Format_RGB32)
        photo.fill(QColor("orange"))
        photo.save(str(tmp_path / "seal.png"))
        dialog.set_photo(str(tmp_path / "seal.png"))  # what the file dialog would pick
        assert dialog.photo_label.text().startswith("seal.png")
        dialog.grab().save(str(screenshot_path("receipt_dialog.png")))
        signer.next(World.PASSWORD)
        dialog.sign_button.click()

    when_modal(ReceiptDialog, receive)
    brown.receive_action.trigger()
    assert messages.errors == []
    (notice,) = [t for name, _, t in messages.shown if name == "infoDialog"]
    assert "2 discrepancies recorded" in notice and "seal broken" in notice
    assert f"{A2} weighed 250.000 mg" in notice
    found = world.read(
        lambda s: {d.kind: (d.id, d.measured_mass_ug) for d in s.scalars(select(Discrepancy))}
    )
    assert found["mass"][1] == 250_000 and "seal_broken" in found
    shown = brown.transfer_view.toPlainText()
    assert "Discrepancies (2)" in shown and "seal broken" in shown
    assert world.status(A1).custodian_institution == "Brown University"
    assert not brown.receive_action.isEnabled()  # received now
    brown.tabs.setCurrentIndex(1)
    assert brown.discrepancies.model.total() == 2
    assert brown.discrepancies.select_value("id", found["mass"][0])
    assert brown.resolve_action.toolTip() == "Only a curator may resolve discrepancies."
    assert brown.photo.isVisible() and not brown.photo.pixmap().isNull()

    zhang.refresh()
    zhang.tabs.setCurrentIndex(1)
    for kind, resolution in (("mass", "record_loss"), ("seal_broken", "accept")):
        assert zhang.discrepancies.select_value("id", found[kind][0])
        assert zhang.resolve_action.isEnabled()

        def settle(dialog: ResolveDialog, resolution: str = resolution) -> None:
            dialog.choose(resolution)
            qtbot.keyClicks(dialog.note, "checked with the borrower")
            signer.next(World.PASSWORD)
            dialog.resolve_button.click()

        when_modal(ResolveDialog, settle)
        zhang.resolve_action.trigger()
        assert messages.errors == []
    assert zhang.discrepancies.model.total() == 0  # the open filter: nothing left
    a2 = world.status(A2)
    assert (a2.current_mass_ug, a2.lost_mass_ug) == (250_000, 50_000)
    assert world.status(A1).current_mass_ug == 500_000  # within the tolerance: unchanged
    assert queries.discrepancies(world.db) == []
    world.check_rules()


def test_prepared_packages_are_released_or_cancelled(
    qtbot: QtBot,
    world: World,
    ctx_for: Callable[[str], AppContext],
    signer: Signer,
    messages: Messages,
) -> None:
    loan = world.active_loan([A3, A4], borrower=KOLN, pi="koln_lm")
    packages = [
        custody.prepare_transfer(
            world.db,
            world["zhang"],
            aliquot_numbers=[number],
            receiver="koln_lm",
            courier="courier2",
            seal_number=f"SEAL-{number[-1]}",
            loan_number=loan,
        ).number
        for number in (A3, A4)
    ]
    view = view_for(qtbot, ctx_for("zhang"))
    assert view.open_transfer(packages[0])
    assert view.release_action.isEnabled() and view.cancel_action.isEnabled()
    signer.next(World.PASSWORD)
    signer.next(World.PINS["courier2"])
    view.release_action.trigger()
    assert messages.errors == []
    assert world.status(A3).courier == "Dana Courier"
    assert not view.cancel_action.isEnabled()
    assert "in transit" in view.cancel_action.toolTip()

    assert view.open_transfer(packages[1])

    def give_reason(dialog: ReasonDialog) -> None:
        dialog.ok_button.click()  # no reason: stays open
        assert dialog.isVisible()
        qtbot.keyClicks(dialog.reason_edit, "flight cancelled")
        dialog.ok_button.click()

    when_modal(ReasonDialog, give_reason)
    view.cancel_action.trigger()
    status = world.read(
        lambda s: s.scalars(select(Transfer.status).where(Transfer.number == packages[1])).one()
    )
    assert status == "cancelled"
    assert "Cancelled: flight cancelled" in view.transfer_view.toPlainText()
    assert world.status(A4).status == "in_storage"


def test_a_viewer_sees_why_not_and_the_view_is_readable(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext]
) -> None:
    numbers = world.rich_scenario()
    view = view_for(qtbot, ctx_for("auditor"))
    assert not view.new_action.isEnabled()
    assert view.new_action.toolTip() == "Only a curator or lab manager may release packages."
    assert view.transfers.model.total() >= 3
    assert view.open_transfer(numbers["outbound"])
    text = view.transfer_view.toPlainText()
    assert "Dana Courier" in text and "Chen Courier" in text  # both legs
    assert "relinquished" in text and "received" in text
    view.tabs.setCurrentIndex(1)
    view.discrepancies.filter_boxes["open"].setCurrentIndex(2)
    assert view.discrepancies.model.total() == 3
    opened: list[tuple[str, str]] = []
    view.open_record.connect(lambda kind, number: opened.append((kind, number)))
    view._follow(QUrl(f"loan:{numbers['brown_loan']}"))  # a link in the detail pane
    assert opened == [("loan", numbers["brown_loan"])]
    assert view.show_record("discrepancy", "2") and view.tabs.currentIndex() == 1
    assert view.discrepancy is not None and view.discrepancy.kind == "mass"
    assert view.show_record("transfer", numbers["koln"].lower())
    assert view.transfers.current_value("number") == numbers["koln"]
    view.tabs.setCurrentIndex(1)
    view.discrepancies.select_value("id", 1)
    view.grab().save(str(screenshot_path("transfers_discrepancies.png")))
    view.tabs.setCurrentIndex(0)
    view.transfers.search_field.clear()
    view.transfers.search_field.flush()
    assert view.transfers.select_value("number", numbers["outbound"])
    view.grab().save(str(screenshot_path("transfers.png")))


def test_a_handover_on_paper_is_transcribed_at_delivery(
    qtbot: QtBot,
    world: World,
    ctx_for: Callable[[str], AppContext],
    messages: Messages,
) -> None:
    number = world.release([A1], loan=world.active_loan([A1]))
    lender = view_for(qtbot, ctx_for("zhang"))
    assert lender.open_transfer(number)
    assert not lender.transcribe_action.isEnabled()  # the sender does not transcribe it
    assert "Only Brown University, the receiver" in lender.transcribe_action.toolTip()
    view = view_for(qtbot, ctx_for("brown_lm"))
    assert view.open_transfer(number) and view.transcribe_action.isEnabled()
    assert view.transcribe_action in view.menu_actions()
    met = clock.now() + timedelta(minutes=30)  # at the airport, after the release

    def transcribe(dialog: TranscribeDialog) -> None:
        # no courier chosen: said at the field, and OK waits
        assert dialog.findChild(QLabel, "toCourierComboMessage").text() == CHOOSE_COURIER
        assert not dialog.ok_button.isEnabled()
        dialog.courier_combo.setCurrentIndex(dialog.courier_combo.findData("courier2"))
        assert dialog.courier_combo.findData("courier1") == -1  # who carries it now
        dialog.when_edit.setDateTime(QDateTime(met.astimezone().replace(tzinfo=None)))
        qtbot.keyClicks(dialog.form_edit, "CF-0042")
        dialog.ok_button.click()

    with clock.using(lambda: met + timedelta(minutes=30)):
        when_modal(TranscribeDialog, transcribe)
        view.transcribe_action.trigger()
    assert messages.errors == []
    status = world.status(A1)
    assert status.courier == "Dana Courier" and status.status == "in_transit"
    (handover,) = [e for e in queries.history(world.db, A1) if e.kind == "handed_over"]
    assert handover.transcribed and "CF-0042" in handover.note
