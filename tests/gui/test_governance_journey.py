"""Loan governance as a curator, a PI and her co-official live it, through three workstations.

Zhang Wei (the lender's curator), Carla Pieters (brown_lm, Brown's lab manager and the loan's
PI) and James Head (brown_pi, named co-official) each sit at their own MainWindow. Approve
waits for the clearance checklist; James receives the package while Carla travels; Carla's
annual inventory by scanning finds one aliquot missing, which becomes a loss report; a new
loan to Carla is refused while that inventory is overdue and allowed once it is certified;
the loan closes only when its return accounting balances and nothing is owed.

The scene that is not the point is set with domain calls: the loan is drafted with a start
400 days back (so its first anniversary has passed, with its 30 days of grace: time passing,
without moving the clock), the lender's release, and the return, weighed 50 mg light at the
lender (a discrepancy the curator resolves in the window). Pictures of the moments that
matter go to LUNAR_CUSTODY_SHOTS when set.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableWidget, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from lunar_custody.domain import loans, queries
from lunar_custody.domain.errors import RuleViolation
from lunar_custody.domain.ledger import LOST
from lunar_custody.domain.models import Signature
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.dialogs import ReasonDialog
from lunar_custody.gui.ledger.view import LedgerView
from lunar_custody.gui.loans import CloseLoanDialog, LoanEditor, LoansView
from lunar_custody.gui.loans.clearance import AttestDialog, WaiveDialog
from lunar_custody.gui.loans.deliverables import DeliverDialog
from lunar_custody.gui.loans.inventory import InventoryDialog, MissingDialog
from lunar_custody.gui.main_window import MainWindow
from lunar_custody.gui.transfers import TransfersView
from lunar_custody.gui.transfers.dialogs import ReceiptDialog, ResolveDialog
from lunar_custody.gui.widgets import ListPane
from tests.conftest import screenshot_path
from tests.gui.conftest import Messages, Signer, activate, open_window, when_modal
from tests.worlds import A1, A2, A3, A4, World, standard_deliverables

__all__ = ["standard_deliverables"]

PURPOSE = "Space weathering of Chang'e-5 regolith"
F75 = "Return accounting (form F-75) signed by the principal investigator"


def scan(qtbot: QtBot, field: QLineEdit, code: str) -> None:
    """What a keyboard-wedge scanner does: the code's keys, then Enter."""
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def at_desk(qtbot: QtBot, window: MainWindow) -> None:
    """Sit down at this workstation: click it active and press F5 (another one wrote)."""
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F5)


def menu_action(window: MainWindow, text: str) -> QAction:
    """The current view's action called ``text`` in the window's Actions menu (any state)."""
    found = [a for a in window.actions_menu.actions() if a.text().replace("&", "") == text]
    assert found, f"no {text!r} in {[a.text() for a in window.actions_menu.actions()]}"
    (action,) = found
    return action


def enabled(window: MainWindow, text: str) -> QAction:
    action = menu_action(window, text)
    assert action.isEnabled(), f"{text}: {action.toolTip()}"
    return action


def loans_at(qtbot: QtBot, window: MainWindow, loan: str) -> LoansView:
    """This desk's Loans view with ``loan`` selected (read again first)."""
    at_desk(qtbot, window)
    window.open_record("loan", loan)
    view = window.current_view
    assert isinstance(view, LoansView) and view.current_number() == loan
    return view


def cells(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def signed(world: World) -> list[tuple[str, str, str, str]]:
    """Every signature so far: record type and number, meaning, printed name."""
    return list(
        world.read(
            lambda s: [
                (x.record_type, x.record_number, x.meaning, x.printed_name)
                for x in s.scalars(select(Signature).order_by(Signature.id))
            ]
        )
    )


def list_rows(pane: ListPane) -> list[dict[str, str]]:
    """A lazily filled list's rows as shown, by column heading."""
    model = pane.model
    headings = [
        str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())
    ]
    return [
        {headings[c]: str(model.index(r, c).data() or "") for c in range(model.columnCount())}
        for r in range(model.rowCount())
    ]


def shot(window: MainWindow, name: str, section: QWidget | None = None) -> None:
    """The window as the person sees it (scrolled to the loan's ``section`` they work in)."""
    view = window.current_view
    if section is not None and isinstance(view, LoansView):
        view.detail_pane.tables.ensureWidgetVisible(section)
    QApplication.processEvents()  # the columns' fitting, queued after the last change
    window.grab().save(str(screenshot_path(f"governance-{name}.png")))


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_clearance_co_official_inventory_standing_and_accounting_through_three_desks(
    qtbot: QtBot,
    standard_deliverables: World,
    ctx_for: Callable[[str], AppContext],
    messages: Messages,
    signer: Signer,
    tmp_path: Path,
) -> None:
    world = standard_deliverables
    db, today = world.db, world.today
    zhang = open_window(qtbot, ctx_for("zhang"))
    carla = open_window(qtbot, ctx_for("brown_lm"))
    james = open_window(qtbot, ctx_for("brown_pi"))

    # The scene: Carla's loan of A1, A2, A3, its start 400 days back.
    loan = loans.create_loan(
        db,
        world["zhang"],
        borrower_code="BROWN",
        principal_investigator="brown_lm",
        purpose=PURPOSE,
        starts_on=today - timedelta(days=400),
        due_on=today + timedelta(days=300),
        destructive_analysis_allowed=True,
    ).number
    loans.add_loan_items(db, world["zhang"], loan, [A1, A2, A3])

    # ---- 1. Approve is refused until the clearance checklist is complete.
    view = loans_at(qtbot, zhang, loan)
    approve = menu_action(zhang, "Approve…")
    assert not approve.isEnabled()
    assert approve.toolTip().startswith("Clearance is not complete: ")
    panel = view.detail_pane.clearance
    assert panel.state_label.text().startswith("Not complete: ")
    assert view.detail_pane.accounting_box.verdict.text() == (
        "Nothing issued yet: the accounting starts at shipping."
    )
    shot(zhang, "1-clearance-open", panel)

    def attest_first_open(dialog: AttestDialog) -> None:
        open_items = [
            dialog.item_box.itemText(i)
            for i in range(dialog.item_box.count())
            if dialog.item_box.itemText(i).endswith("(open)")
        ]
        dialog.item_box.setCurrentIndex(dialog.item_box.findText(open_items[0]))
        qtbot.keyClicks(dialog.note_edit, "seen, filed with the agreement")
        dialog.ok_button.click()

    def waive_insurance(dialog: WaiveDialog) -> None:
        dialog.item_box.setCurrentIndex(dialog.item_box.findText("Insurance (open)"))
        qtbot.keyClicks(dialog.reason_edit, "Covered by the lender's policy")
        dialog.ok_button.click()

    when_modal(WaiveDialog, waive_insurance)
    panel.waive_button.click()
    while panel.state_label.text().startswith("Not complete"):
        assert not approve.isEnabled()
        assert approve.toolTip().startswith("Clearance is not complete: ")
        when_modal(AttestDialog, attest_first_open)
        panel.attest_button.click()
        assert messages.errors == []
    assert panel.state_label.text() == "Complete."
    assert approve.isEnabled(), approve.toolTip()
    rows = {row[0]: row for row in cells(panel.table)}
    assert rows["Insurance"][1:3] == ["waived", "Zhang Wei"]
    assert {row[1] for name, row in rows.items() if name != "Insurance"} == {"attested"}
    shot(zhang, "1-clearance-complete", panel)
    signer.next(world.PASSWORD)
    approve.trigger()
    assert messages.errors == []
    assert queries.loan_detail(db, loan).summary.status == "approved"

    # ---- 2. Carla countersigns and names James Head her co-official.
    view = loans_at(qtbot, carla, loan)
    signer.next(world.PASSWORD)
    enabled(carla, "Countersign…").trigger()
    assert messages.errors == []
    assert queries.loan_detail(db, loan).summary.status == "active"
    section = view.detail_pane.receivers_section
    assert section is not None
    section.person_box.setCurrentIndex(section.person_box.findData("brown_pi"))
    qtbot.keyClicks(section.function_edit, "co-official")
    section.add_button.click()
    assert messages.errors == []
    names = [section.table.item(r, 0).text() for r in range(section.table.rowCount())]
    assert names == ["Carla Pieters", "James Head"]

    # ---- 3. The package goes to Carla; she travels, James receives it and signs.
    outbound = world.release([A1, A2, A3], loan=loan)  # addressed to Carla
    at_desk(qtbot, james)
    james.open_record("transfer", outbound)
    assert isinstance(james.current_view, TransfersView)

    def receive(dialog: ReceiptDialog) -> None:
        assert set(dialog.mass_edits) == {A1, A2, A3}
        signer.next(world.PASSWORD)
        dialog.sign_button.click()

    opened = when_modal(ReceiptDialog, receive)
    enabled(james, "Confirm receipt…").trigger()
    assert opened and messages.errors == []
    assert signer.seen[-1][0] == "received"
    detail = queries.transfer_detail(db, outbound)
    assert (detail.receiver, detail.received_by) == ("Carla Pieters", "James Head")
    assert signed(world)[-1] == ("transfer", outbound, "received", "James Head")
    assert world.status(A1).custodian_person == "James Head"
    shot(james, "3-received-by-co-official")

    # ---- 4. The first anniversary is 35 days past: a new loan for Carla is refused.
    held = f"The annual inventory of loan {loan} (Carla Pieters) is overdue since"

    def draft_for_carla(editor: LoanEditor) -> None:
        editor.borrower_box.setCurrentIndex(editor.borrower_box.findData("BROWN"))
        editor.pi_box.setCurrentIndex(editor.pi_box.findData("brown_lm"))
        qtbot.keyClicks(editor.purpose_edit, "Noble gases in CE-5 glass beads")
        due = today + timedelta(days=120)
        editor.due_edit.setDate(QDate(due.year, due.month, due.day))
        scan(qtbot, editor.scan_field, A4)
        said.append(
            (editor.save_button.isEnabled(), editor.save_button.toolTip(), pi_message(editor))
        )
        if editor.save_button.isEnabled():
            editor.save_button.click()

    def pi_message(editor: LoanEditor) -> str:
        """The message under the principal investigator's field ("" when none shows)."""
        message = editor.findChild(QLabel, "piBoxMessage")
        assert isinstance(message, QLabel)
        return message.text() if message.isVisibleTo(editor) else ""

    # said as Carla is chosen (Save disabled, the reason under her name), not after Save
    said: list[tuple[bool, str, str]] = []  # Save enabled, its tooltip, the PI's message
    at_desk(qtbot, zhang)
    when_modal(LoanEditor, draft_for_carla, close_after=True)  # Close: discard, Yes
    enabled(zhang, "New loan…").trigger()
    ((can_save, why, under_pi),) = said
    assert not can_save and why.startswith(held) and under_pi == why
    assert [s.number for s in queries.loans(db)] == [loan]  # nothing drafted

    # ---- 5. Carla takes the inventory: two scanned, one missing becomes a loss report.
    view = loans_at(qtbot, carla, loan)
    launcher = view.detail_pane.inventory_launcher
    assert launcher.isVisible()

    def take_inventory(dialog: InventoryDialog) -> None:
        assert dialog.standing.isVisible() and "overdue" in dialog.standing.text()
        dialog.start_button.click()
        assert dialog.is_open and dialog.table.rowCount() == 3
        assert not dialog.certify_button.isEnabled()
        for number in (A1, A2.lower()):  # the second typed by hand
            scan(qtbot, dialog.scan_field, number)
            assert dialog.scan_field.text() == "" and dialog.scan_field.hasFocus()
        states = {row[0]: row[2] for row in cells(dialog.table)}
        assert states == {A1: "found", A2: "found", A3: "not checked"}
        dialog.grab().save(str(screenshot_path("governance-5-inventory-scanned.png")))
        dialog.table.selectRow(dialog.rows[A3])

        def missing(box: MissingDialog) -> None:
            qtbot.keyClicks(box.note, "not in the vault, not in the glove box")
            assert box.report_lost.isChecked()
            box.buttons.button(box.buttons.StandardButton.Ok).click()

        when_modal(MissingDialog, missing)
        dialog.missing_button.click()
        assert dialog.table.item(dialog.rows[A3], 5).text() == "reported lost"  # type: ignore[union-attr]
        assert dialog.certify_button.isEnabled()
        signer.next(world.PASSWORD)
        dialog.certify_button.click()
        assert not dialog.standing.isVisible() and not dialog.scan_field.isEnabled()
        dialog.grab().save(str(screenshot_path("governance-5-inventory-certified.png")))
        dialog.accept()

    opened = when_modal(InventoryDialog, take_inventory)
    launcher.click()
    assert opened and messages.errors == []
    assert world.status(A3).status == LOST
    assert signed(world)[-1][2:] == ("certified", "Carla Pieters")

    # the loss report in the lender's ledger
    at_desk(qtbot, zhang)
    ledger = zhang.show_view("ledger")
    assert isinstance(ledger, LedgerView)
    ledger.events.search_field.setText(A3)
    ledger.events.search_field.flush()
    lost = [row for row in list_rows(ledger.events) if row["Event"] == "reported lost"]
    assert [(r["Aliquot"], r["Mass"], r["By"]) for r in lost] == [
        (A3, "200.000 mg", "Carla Pieters")
    ]
    assert lost[0]["Note"].startswith("Missing at inventory ")
    shot(zhang, "5-loss-in-ledger")

    # ---- 6. Certified: the new loan for Carla is drafted.
    at_desk(qtbot, zhang)
    zhang.show_view("loans")
    said.clear()
    when_modal(LoanEditor, draft_for_carla)
    enabled(zhang, "New loan…").trigger()
    assert said == [(True, "Save the draft (Ctrl+S)", "")]
    assert messages.errors == []
    assert len(queries.loans(db)) == 2

    # ---- 7. The loan closes only when its return accounting balances and nothing is owed.
    # While A1 and A2 are at Brown, the close dialog says what is still out.
    view = loans_at(qtbot, zhang, loan)
    close = menu_action(zhang, "Close loan…")
    seen: list[str] = []

    def look(dialog: CloseLoanDialog) -> None:
        seen.append(dialog.problem.text())
        assert not dialog.sign_button.isEnabled()
        dialog.reject()

    when_modal(CloseLoanDialog, look)
    enabled(zhang, "Close loan…").trigger()
    assert seen == [
        f"Loan {loan} cannot be closed: 2 items are still out ({A1}, {A2}). "
        "Return them, or record consumption or loss first."
    ]

    # Carla sends them back; at the lender A1 weighs 50 mg less than it left.
    back = world.release([A1, A2], sender="brown_lm", receiver="zhang", seal="SEAL-RET", loan=loan)
    world.receive(back, receiver="zhang", measured={A1: 450_000})
    (difference,) = queries.discrepancies(db)
    view = loans_at(qtbot, zhang, loan)
    assert not close.isEnabled()
    assert close.toolTip() == (
        f"Loan {loan} cannot be closed: the return accounting does not balance until the "
        f"discrepancy found at receipt ({A1}) is resolved. Resolve it first."
    )
    with world.refused(RuleViolation, "does not balance until the discrepancy found at receipt"):
        loans.close_loan(db, world["zhang"], loan, world.cred("zhang"))  # the service says so too
    verdict = view.detail_pane.accounting_box.verdict
    assert verdict.text() == close.toolTip()  # not "Balances to the microgram"
    balances = {row[0]: row[7] for row in cells(view.detail_pane.accounting_box.table)}
    assert balances == {A1: "no", A2: "yes", A3: "yes", "Total": "no"}
    shot(zhang, "7-accounting-unbalanced", view.detail_pane.accounting_box)

    zhang.open_record("discrepancy", str(difference.id))

    def record_loss(dialog: ResolveDialog) -> None:
        dialog.choose("record_loss")
        qtbot.keyClicks(dialog.note, "Weighed twice: 50 mg lost in the return")
        signer.next(world.PASSWORD)
        dialog.resolve_button.click()

    opened = when_modal(ResolveDialog, record_loss)
    enabled(zhang, "Resolve…").trigger()
    assert opened and messages.errors == []
    view = loans_at(qtbot, zhang, loan)
    assert verdict.text() == "Balances to the microgram; nothing left to account for."
    assert not close.isEnabled()
    assert close.toolTip().startswith(f"Loan {loan} cannot be closed: deliverables still open (")
    assert view.detail_pane.fields["status"].text() == "awaiting deliverables"

    # The signed F-75 is delivered; the data report and the publication are waived.
    box = view.detail_pane.deliverables
    form = tmp_path / "F75-signed.pdf"
    form.write_bytes(b"%PDF-1.4 the F-75 signed by Carla Pieters")

    def deliver(dialog: DeliverDialog) -> None:
        dialog.attach(form)
        dialog.ok_button.click()

    def waive(dialog: ReasonDialog) -> None:
        qtbot.keyClicks(dialog.reason_edit, "Not expected within the loan")
        dialog.ok_button.click()

    titles = [row[0] for row in cells(box.table)]
    box.table.selectRow(titles.index(F75))
    when_modal(DeliverDialog, deliver)
    box.deliver_button.click()
    for _ in range(2):
        rows = cells(box.table)
        box.table.selectRow(next(i for i, row in enumerate(rows) if row[3] == "open"))
        when_modal(ReasonDialog, waive)
        box.waive_button.click()
    assert messages.errors == []
    assert sorted(row[3] for row in cells(box.table)) == ["delivered", "waived", "waived"]
    shot(zhang, "7-ready-to-close", box)

    rows_signed: list[list[list[str]]] = []

    def sign_close(dialog: CloseLoanDialog) -> None:
        rows_signed.append(cells(dialog.table))
        assert dialog.sign_button.isEnabled() and not dialog.problem.isVisible()
        signer.next(world.PASSWORD)
        dialog.sign_button.click()

    when_modal(CloseLoanDialog, sign_close)
    enabled(zhang, "Close loan…").trigger()
    assert messages.errors == []
    # at loan, issued, split off, consumed, lost, returned, outstanding, status
    (signed_rows,) = rows_signed
    by_aliquot = {row[0]: row for row in signed_rows}
    assert by_aliquot[A3][5:] == ["200.000 mg", "0 µg", "0 µg", "lost"]
    # the 50 mg missing from the return were written off: lost, not returned
    assert by_aliquot[A1][5:7] == ["50.000 mg", "450.000 mg"]
    assert by_aliquot["Total"][1:3] == ["1.000 g", "1.000 g"] and by_aliquot["Total"][7] == "0 µg"
    assert queries.loan_detail(db, loan).summary.status == "closed"
    assert view.detail_pane.fields["status"].text() == "closed"
    assert not close.isEnabled()
    shot(zhang, "7-closed", view.detail_pane.accounting_box)
    report = queries.verify(db)
    assert report.ok, report.summary()
    world.check_rules()
