"""The inventory dialog at the borrower's bench: scans tick rows (the field keeps the focus),
the one aliquot not found becomes a loss report, the PI certifies; while the inventory is
overdue a new loan for the PI is refused with the reason, after certifying it is allowed."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lunar_custody.domain import inventory, loans
from lunar_custody.domain.errors import RuleViolation
from lunar_custody.domain.ledger import LOST
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.loans.detail import LoanDetailPane
from lunar_custody.gui.loans.inventory import InventoryDialog, MissingDialog
from lunar_custody.gui.loans.view import LoansView
from tests.domain.test_inventory import overdue_loan
from tests.gui.conftest import Signer, when_modal
from tests.worlds import World


def new_loan_for_brown_pi(world: World) -> str:
    return loans.create_loan(
        world.db,
        world["zhang"],
        borrower_code="BROWN",
        principal_investigator="brown_lm",
        purpose="more regolith",
        starts_on=world.today,
        due_on=world.today + timedelta(days=60),
    ).number


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_scan_report_the_missing_one_lost_and_certify(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext], signer: Signer
) -> None:
    a1, a2, a3, a4 = world.aliquots
    waiting = new_loan_for_brown_pi(world)  # drafted before the inventory fell overdue
    loans.add_loan_items(world.db, world["zhang"], waiting, [a4])
    world.clear(waiting)  # only the inventory holds it
    loan = overdue_loan(world)
    with pytest.raises(RuleViolation, match=f"annual inventory of loan {loan}"):
        new_loan_for_brown_pi(world)
    lender_view = LoansView(ctx_for("zhang"))
    qtbot.addWidget(lender_view)
    lender_view.refresh()
    assert lender_view.select_loan(waiting)
    assert not lender_view.approve_action.isEnabled()
    assert f"annual inventory of loan {loan}" in lender_view.approve_action.toolTip()

    # the loan detail offers the inventory of an active loan
    view = LoansView(ctx_for("brown_lm"))
    qtbot.addWidget(view)
    view.refresh()
    assert view.select_loan(loan)
    pane: LoanDetailPane = view.detail_pane
    assert not pane.inventory_launcher.isHidden()

    dialog = InventoryDialog(ctx_for("brown_lm"), loan)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.standing.isVisible() and loan in dialog.windowTitle()
    assert "overdue" in dialog.standing.text()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.is_open and dialog.table.rowCount() == 3
    assert not dialog.certify_button.isEnabled()

    for number in (a1, a2):
        started = time.perf_counter()
        qtbot.keyClicks(dialog.scan_field, number)
        qtbot.keyClick(dialog.scan_field, Qt.Key.Key_Return)
        assert time.perf_counter() - started < 2  # one row changed, nothing read again
        assert dialog.scan_field.text() == ""
    assert dialog.table.item(dialog.rows[a1], 2).text() == "found"  # type: ignore[union-attr]
    assert "found 2" in dialog.counts.text() and "not checked 1" in dialog.counts.text()

    dialog.table.selectRow(dialog.rows[a3])

    def missing(box: MissingDialog) -> None:
        box.note.setText("not in the vault, not in the glove box")
        assert box.report_lost.isChecked()
        box.buttons.button(box.buttons.StandardButton.Ok).click()

    when_modal(MissingDialog, missing)
    qtbot.mouseClick(dialog.missing_button, Qt.MouseButton.LeftButton)
    assert world.status(a3).status == LOST  # the loss report, in the ledger
    assert dialog.table.item(dialog.rows[a3], 5).text() == "reported lost"  # type: ignore[union-attr]

    assert dialog.certify_button.isEnabled()
    signer.next(world.PASSWORD)
    qtbot.mouseClick(dialog.certify_button, Qt.MouseButton.LeftButton)
    number = dialog.number
    assert number is not None
    assert inventory.show(world.db, number).status == "certified"
    assert not dialog.standing.isVisible() and dialog.certificate_button.isEnabled()
    assert not dialog.scan_field.isEnabled()
    dialog.accept()

    new_loan_for_brown_pi(world)  # allowed again
    lender_view.refresh()
    assert lender_view.select_loan(waiting)
    assert lender_view.approve_action.isEnabled()
