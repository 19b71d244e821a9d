"""One loan from draft to closed, through two workstations' main windows.

Zhang Wei (the lender's curator) and Carla Pieters (brown_lm, Brown's lab manager and the
loan's PI) each sit at their own MainWindow. Everything goes through what a person at the
screen uses: shortcuts on the active window, the sidebar, the Actions menu, scanning into
fields (the code's keys, then Enter), the dialogs' buttons and the signature dialog. After
each step the test reads what the database holds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from lunar_custody.domain import queries
from lunar_custody.domain.models import Signature
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.loans import CloseLoanDialog, LoanEditor, LoansView
from lunar_custody.gui.main_window import MainWindow
from lunar_custody.gui.samples import SamplesView
from lunar_custody.gui.samples.dialogs import ConsumeDialog, SplitDialog
from lunar_custody.gui.transfers import TransfersView
from lunar_custody.gui.transfers.dialogs import ReceiptDialog, ResolveDialog
from lunar_custody.gui.transfers.package import PackageDialog
from tests.gui.conftest import Messages, Signer, activate, open_window, when_modal
from tests.worlds import A1, A2, World

CNSA = "CNSA Lunar Sample Laboratory"
BROWN = "Brown University"
G1, G2 = f"{A1}-G1", f"{A1}-G2"


def scan(qtbot: QtBot, field: QLineEdit, code: str) -> None:
    """What a keyboard-wedge scanner does: the code's keys, then Enter."""
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def at_desk(qtbot: QtBot, window: MainWindow) -> None:
    """Sit down at this workstation: click it active and press F5 (the other one wrote)."""
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F5)


def shortcut(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A key combination on the window, made active first (a closed dialog may have taken
    the activation with it: the offscreen platform does not hand it back)."""
    activate(qtbot, window)
    qtbot.keyClick(window, key, modifiers)


def menu_action(window: MainWindow, text: str) -> QAction:
    """The current view's action called ``text`` in the window's Actions menu, enabled."""
    found = [a for a in window.actions_menu.actions() if a.text().replace("&", "") == text]
    assert found, f"no {text!r} in {[a.text() for a in window.actions_menu.actions()]}"
    (action,) = found
    assert action.isEnabled(), f"{text}: {action.toolTip()}"
    return action


def signed(world: World) -> list[tuple[str, str, str, str, str]]:
    """Every signature so far: record type and number, meaning, printed name, method."""
    rows = world.read(
        lambda s: [
            (x.record_type, x.record_number, x.meaning, x.printed_name, x.method)
            for x in s.scalars(select(Signature).order_by(Signature.id))
        ]
    )
    return list(rows)


def table_rows(table: QTableWidget) -> dict[str, list[str]]:
    """A reconciliation table by aliquot (the arrow of a child split at the borrower dropped)."""
    rows: dict[str, list[str]] = {}
    for r in range(table.rowCount()):
        cells = [table.item(r, c).text() if table.item(r, c) else "" for c in range(9)]
        rows[cells[0].removeprefix("↳ ")] = cells
    return rows


def test_a_loan_from_draft_to_closed_through_two_workstations(
    qtbot: QtBot,
    world: World,
    ctx_for: Callable[[str], AppContext],
    messages: Messages,
    signer: Signer,
) -> None:
    db = world.db
    zhang = open_window(qtbot, ctx_for("zhang"))
    carla = open_window(qtbot, ctx_for("brown_lm"))

    # ---- 1. Zhang drafts the loan: Ctrl+N, the terms, two aliquots scanned, Save.
    due = world.today + timedelta(days=180)

    def draft(editor: LoanEditor) -> None:
        editor.borrower_box.setCurrentIndex(editor.borrower_box.findData("BROWN"))
        editor.pi_box.setCurrentIndex(editor.pi_box.findData("brown_lm"))
        qtbot.keyClicks(editor.purpose_edit, "Space weathering of Chang'e-5 regolith")
        editor.due_edit.setDate(QDate(due.year, due.month, due.day))
        editor.destructive_box.setChecked(True)
        scan(qtbot, editor.scan_field, A1)
        scan(qtbot, editor.scan_field, A2.lower())  # typed by hand, lower case
        assert editor.total_label.text() == "2 aliquots, 800.000 mg"
        editor.save_button.click()

    opened = when_modal(LoanEditor, draft)
    shortcut(qtbot, zhang, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened and messages.errors == []
    loans_view = zhang.current_view
    assert isinstance(loans_view, LoansView)
    loan = loans_view.current_number()
    assert loan is not None
    detail = queries.loan_detail(db, loan)
    assert detail.summary.status == "draft"
    assert (detail.summary.borrower_code, detail.summary.principal_investigator) == (
        "BROWN",
        "Carla Pieters",
    )
    assert detail.summary.destructive_analysis_allowed and detail.summary.due_on == due
    assert [item.aliquot_number for item in detail.items] == [A1, A2]

    # ---- 2. The borrower's clearance is attested (tests/gui/test_governance_journey.py does it
    # through the window); Zhang approves the loan with his signature, from the Actions menu.
    world.clear(loan)
    at_desk(qtbot, zhang)
    signer.next(world.PASSWORD)
    menu_action(zhang, "Approve…").trigger()
    assert messages.errors == []
    assert queries.loan_detail(db, loan).summary.status == "approved"
    assert signed(world) == [("loan", loan, "approved", "Zhang Wei", "password")]

    # ---- 3. Carla countersigns at Brown (Ctrl+3 shows the loans).
    at_desk(qtbot, carla)
    shortcut(qtbot, carla, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    borrower_loans = carla.current_view
    assert isinstance(borrower_loans, LoansView)
    assert borrower_loans.select_loan(loan)
    signer.next(world.PASSWORD)
    menu_action(carla, "Countersign…").trigger()
    assert messages.errors == []
    assert queries.loan_detail(db, loan).summary.status == "active"
    assert signed(world)[-1] == ("loan", loan, "countersigned", "Carla Pieters", "password")

    # ---- 4. Zhang packs both aliquots by scanning; he and courier1 sign the release.
    at_desk(qtbot, zhang)
    zhang.sidebar.setCurrentRow(3)  # Transfers
    assert isinstance(zhang.current_view, TransfersView)

    def pack_outbound(dialog: PackageDialog) -> None:
        scan(qtbot, dialog.scan, A1)
        scan(qtbot, dialog.scan, A2)
        assert dialog.numbers() == [A1, A2]
        assert dialog.loan_combo.currentData() == loan  # suggested by the first item
        assert dialog.receiver_combo.currentData() == "brown_lm"  # the loan's PI
        dialog.courier_combo.setCurrentIndex(dialog.courier_combo.findData("courier1"))
        qtbot.keyClicks(dialog.seal_edit, "SEAL-7001")
        qtbot.keyClicks(dialog.container_edit, "dry shipper DS-3")
        signer.next(world.PASSWORD)
        signer.next(world.PINS["courier1"])
        dialog.release_button.click()

    opened = when_modal(PackageDialog, pack_outbound)
    menu_action(zhang, "New package…").trigger()
    assert opened and messages.errors == []
    (outbound,) = queries.transfers(db, status="in_transit")
    assert (outbound.kind, outbound.loan_number, outbound.items) == ("outbound", loan, 2)
    assert (outbound.courier, outbound.receiver, outbound.seal_number) == (
        "Chen Courier",
        "Carla Pieters",
        "SEAL-7001",
    )
    for number in (A1, A2):
        status = world.status(number)
        assert (status.status, status.courier) == ("in_transit", "Chen Courier")
    assert signed(world)[-2:] == [
        ("transfer", outbound.number, "relinquished", "Zhang Wei", "password"),
        ("transfer", outbound.number, "accepted", "Chen Courier", "pin"),
    ]

    # ---- 5. Carla receives it: the seal is broken; she signs for it anyway.
    at_desk(qtbot, carla)
    carla.open_record("transfer", outbound.number)
    assert isinstance(carla.current_view, TransfersView)

    def receive_broken(dialog: ReceiptDialog) -> None:
        assert set(dialog.mass_edits) == {A1, A2}
        dialog.seal_intact.setChecked(False)
        qtbot.keyClicks(dialog.seal_seen, "SEAL-7001")
        qtbot.keyClicks(dialog.mass_edits[A1], "500.0")
        qtbot.keyClicks(dialog.note, "seal tape torn at one corner")
        signer.next(world.PASSWORD)
        dialog.sign_button.click()

    opened = when_modal(ReceiptDialog, receive_broken)
    menu_action(carla, "Confirm receipt…").trigger()
    assert opened and messages.errors == []
    assert "seal broken" in messages.texts[-1]
    (found,) = queries.discrepancies(db)
    assert (found.kind, found.transfer_number) == ("seal_broken", outbound.number)
    for number, mass in ((A1, 500_000), (A2, 300_000)):
        status = world.status(number)
        assert (status.status, status.custodian_institution) == ("in_storage", BROWN)
        assert (status.current_mass_ug, status.loan_number) == (mass, loan)
    assert signed(world)[-1] == (
        "transfer",
        outbound.number,
        "received",
        "Carla Pieters",
        "password",
    )

    # ---- 6. Zhang resolves the broken seal (accepted, with a note and his signature).
    at_desk(qtbot, zhang)
    zhang.open_record("discrepancy", str(found.id))

    def accept_seal(dialog: ResolveDialog) -> None:
        dialog.choose("accept")
        qtbot.keyClicks(dialog.note, "Called Brown: the tape tore in customs, contents intact")
        signer.next(world.PASSWORD)
        dialog.resolve_button.click()

    opened = when_modal(ResolveDialog, accept_seal)
    menu_action(zhang, "Resolve…").trigger()
    assert opened and messages.errors == []
    assert queries.discrepancies(db) == []
    (settled,) = queries.discrepancies(db, open_only=False)
    assert settled.resolved and settled.resolution == "accept"
    assert signed(world)[-1][2:4] == ("resolved", "Zhang Wei")

    # ---- 7. Carla splits A1 in two and records the consumption of part of A2.
    at_desk(qtbot, carla)
    shortcut(qtbot, carla, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    samples = carla.current_view
    assert isinstance(samples, SamplesView)
    scan(qtbot, samples.scan_field, A1)
    assert samples.current_aliquot() == A1

    def split(dialog: SplitDialog) -> None:
        first, second = dialog.mass_edits
        qtbot.keyClicks(first, "100")
        qtbot.keyClicks(second, "50 mg")
        assert dialog.remaining_label.text() == "350.000 mg"
        qtbot.keyClicks(dialog.note_edit, "for the noble gas line")
        dialog.ok_button.click()

    opened = when_modal(SplitDialog, split)
    menu_action(carla, "Split…").trigger()
    assert opened and messages.errors == []
    a1 = world.status(A1)
    assert a1.children == [G1, G2]
    assert (a1.current_mass_ug, a1.children_mass_ug) == (350_000, 150_000)
    for child, mass in ((G1, 100_000), (G2, 50_000)):
        status = world.status(child)
        assert (status.initial_mass_ug, status.custodian_institution) == (mass, BROWN)
        assert status.loan_number == loan

    scan(qtbot, samples.scan_field, A2)
    assert samples.current_aliquot() == A2

    def consume(dialog: ConsumeDialog) -> None:
        qtbot.keyClicks(dialog.mass_edit, "20")
        qtbot.keyClicks(dialog.note_edit, "noble gas extraction")
        dialog.ok_button.click()

    opened = when_modal(ConsumeDialog, consume)
    menu_action(carla, "Record consumption…").trigger()
    assert opened and messages.errors == []
    a2 = world.status(A2)
    assert (a2.current_mass_ug, a2.consumed_mass_ug) == (280_000, 20_000)

    # ---- 8. Carla sends part back: A1 and its first child, with courier2 (Ctrl+Shift+N).
    def pack_return(numbers: list[str], courier: str, seal: str) -> Callable[[PackageDialog], None]:
        def pack(dialog: PackageDialog) -> None:
            for number in numbers:
                scan(qtbot, dialog.scan, number)
            assert dialog.numbers() == numbers
            assert dialog.loan_combo.currentData() == loan
            dialog.receiver_combo.setCurrentIndex(dialog.receiver_combo.findData("zhang"))
            dialog.courier_combo.setCurrentIndex(dialog.courier_combo.findData(courier))
            qtbot.keyClicks(dialog.seal_edit, seal)
            signer.next(world.PASSWORD)
            signer.next(world.PINS[courier])
            dialog.release_button.click()

        return pack

    shortcut(qtbot, carla, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(carla.current_view, TransfersView)
    opened = when_modal(PackageDialog, pack_return([A1, G1], "courier2", "SEAL-R1"))
    shortcut(
        qtbot,
        carla,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert opened and messages.errors == []
    (first_back,) = queries.transfers(db, status="in_transit")
    assert (first_back.kind, first_back.courier, first_back.items) == ("return", "Dana Courier", 2)
    assert first_back.receiver == "Zhang Wei" and first_back.loan_number == loan
    assert world.status(A1).status == world.status(G1).status == "in_transit"
    assert world.status(A2).status == world.status(G2).status == "in_storage"
    assert signed(world)[-2:] == [
        ("transfer", first_back.number, "relinquished", "Carla Pieters", "password"),
        ("transfer", first_back.number, "accepted", "Dana Courier", "pin"),
    ]

    # ---- 9. Zhang receives it: seal intact, masses as sent.
    def receive_intact(masses: dict[str, str]) -> Callable[[ReceiptDialog], None]:
        def receive(dialog: ReceiptDialog) -> None:
            assert dialog.seal_intact.isChecked()
            for number, mass in masses.items():
                qtbot.keyClicks(dialog.mass_edits[number], mass)
            signer.next(world.PASSWORD)
            dialog.sign_button.click()

        return receive

    at_desk(qtbot, zhang)
    zhang.open_record("transfer", first_back.number)
    opened = when_modal(ReceiptDialog, receive_intact({A1: "350", G1: "100 mg"}))
    menu_action(zhang, "Confirm receipt…").trigger()
    assert opened and messages.errors == []
    assert queries.discrepancies(db) == []
    for number in (A1, G1):
        status = world.status(number)
        assert (status.status, status.custodian_institution) == ("in_storage", CNSA)
    outstanding = {i.aliquot_number: i.outstanding_ug for i in queries.loan_detail(db, loan).items}
    assert outstanding == {A1: 0, G1: 0, G2: 50_000, A2: 280_000}

    # ---- 10. The rest comes back (courier1), and Zhang receives it.
    at_desk(qtbot, carla)
    carla.show_view("transfers")
    opened = when_modal(PackageDialog, pack_return([A2, G2], "courier1", "SEAL-R2"))
    menu_action(carla, "New package…").trigger()
    assert opened and messages.errors == []
    (second_back,) = queries.transfers(db, status="in_transit")
    assert (second_back.courier, second_back.items) == ("Chen Courier", 2)

    at_desk(qtbot, zhang)
    zhang.open_record("transfer", second_back.number)
    opened = when_modal(ReceiptDialog, receive_intact({A2: "280"}))
    menu_action(zhang, "Confirm receipt…").trigger()
    assert opened and messages.errors == []
    for number in (A1, A2, G1, G2):
        assert world.status(number).custodian_institution == CNSA
    assert {t.status for t in queries.transfers(db)} == {"received"}
    assert [t.number for t in queries.transfers(db)] == sorted(
        [outbound.number, first_back.number, second_back.number]
    )

    # ---- 11. Zhang reads the reconciliation and signs the loan closed.
    zhang.open_record("loan", loan)
    assert isinstance(zhang.current_view, LoansView) and zhang.current_view.current_number() == loan
    shown: dict[str, dict[str, list[str]]] = {}

    def close(dialog: CloseLoanDialog) -> None:
        shown["rows"] = table_rows(dialog.table)
        assert dialog.sign_button.isEnabled() and not dialog.problem.isVisible()
        signer.next(world.PASSWORD)
        dialog.sign_button.click()

    opened = when_modal(CloseLoanDialog, close)
    menu_action(zhang, "Close loan…").trigger()
    assert opened and messages.errors == []
    rows = shown["rows"]
    # at loan, issued, split off, consumed, lost, returned, outstanding, status
    assert rows[A1][1:8] == [
        "500.000 mg",
        "500.000 mg",
        "150.000 mg",
        "0 µg",
        "0 µg",
        "350.000 mg",
        "0 µg",
    ]
    assert rows[A2][4] == "20.000 mg" and rows[A2][6] == "280.000 mg"
    assert rows[G1][6] == "100.000 mg" and rows[G2][6] == "50.000 mg"
    assert rows["Total"][2] == "800.000 mg" and rows["Total"][6] == "780.000 mg"
    assert rows["Total"][7] == "0 µg"

    final = queries.loan_detail(db, loan)
    assert final.summary.status == "closed"
    assert all(item.outstanding_ug == 0 for item in final.items)
    assert [(s.meaning, s.printed_name) for s in final.signatures] == [
        ("approved", "Zhang Wei"),
        ("countersigned", "Carla Pieters"),
        ("closed", "Zhang Wei"),
    ]
    assert [(r[0], r[2]) for r in signed(world)] == [
        ("loan", "approved"),
        ("loan", "countersigned"),
        ("transfer", "relinquished"),
        ("transfer", "accepted"),
        ("transfer", "received"),
        ("discrepancy", "resolved"),
        ("transfer", "relinquished"),
        ("transfer", "accepted"),
        ("transfer", "received"),
        ("transfer", "relinquished"),
        ("transfer", "accepted"),
        ("transfer", "received"),
        ("loan", "closed"),
    ]
    assert not zhang.current_view.close_action.isEnabled()  # type: ignore[attr-defined]
    report = queries.verify(db)
    assert report.ok, report.summary()
    world.check_rules()
    assert messages.errors == []
