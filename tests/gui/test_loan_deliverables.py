"""The loan's deliverables and return accounting in the Loans view: closing waits until the
accounting balances and nothing is owed."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from lunar_custody.domain import queries, registry
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.dialogs import ReasonDialog
from lunar_custody.gui.loans import CloseLoanDialog, LoansView
from lunar_custody.gui.loans.deliverables import AddDeliverableDialog, DeliverDialog
from tests.gui.conftest import Messages, Signer, when_modal
from tests.gui.test_loans_view import table_text, view_for
from tests.worlds import A1, World, standard_deliverables

__all__ = ["standard_deliverables"]


def test_the_loan_closes_only_when_accounted_for_and_nothing_is_owed(
    qtbot: QtBot,
    standard_deliverables: World,
    ctx_for: ...,
    messages: Messages,
    signer: Signer,
    tmp_path: Path,
) -> None:
    world = standard_deliverables
    number = world.active_loan([A1])
    world.ship([A1], loan=number)
    registry.consume(world.db, world["brown_lm"], A1, 100_000, note="laser ablation")
    ctx: AppContext = ctx_for("zhang")
    view: LoansView = view_for(qtbot, ctx)
    view.refresh()
    assert view.select_loan(number)
    pane = view.detail_pane
    accounting = table_text(pane.accounting_box.table)
    # aliquot, issued, split, consumed, lost, returned, accountable, balances
    assert accounting[-1] == [
        "Total", "500.000 mg", "0 µg", "100.000 mg", "0 µg", "0 µg", "400.000 mg", "yes",
    ]  # fmt: skip
    world.send_back([A1])
    view.refresh()
    assert pane.fields["status"].text() == "awaiting deliverables"
    assert not view.close_action.isEnabled()
    assert "deliverables still open" in view.close_action.toolTip()
    assert table_text(pane.accounting_box.table)[-1][5:] == ["400.000 mg", "0 µg", "yes"]
    box = pane.deliverables
    assert not box.deliver_button.isEnabled()  # nothing selected yet

    def add(dialog: AddDeliverableDialog) -> None:
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("other"))
        qtbot.keyClicks(dialog.title_edit, "Thin-section photographs")
        dialog.ok_button.click()

    when_modal(AddDeliverableDialog, add)
    box.add_button.click()
    assert "Thin-section photographs" in [row[0] for row in table_text(box.table)]

    report = tmp_path / "F75.pdf"
    report.write_bytes(b"%PDF-1.4 signed F-75")

    def deliver(dialog: DeliverDialog) -> None:
        dialog.attach(report)
        dialog.ok_button.click()

    box.table.selectRow(0)
    when_modal(DeliverDialog, deliver)
    box.deliver_button.click()
    assert not messages.errors
    first = table_text(box.table)[0]
    assert (first[3], first[4], first[6]) == ("delivered", "Zhang Wei", "F75.pdf")
    box.table.selectRow(0)
    assert box.deliver_button.toolTip() == "This deliverable is delivered already."

    def waive(dialog: ReasonDialog) -> None:
        qtbot.keyClicks(dialog.reason_edit, "Not needed for this loan")
        dialog.ok_button.click()

    for _ in range(3):  # the photographs, the data report, the publication
        rows = table_text(box.table)
        box.table.selectRow(next(i for i, row in enumerate(rows) if row[3] == "open"))
        when_modal(ReasonDialog, waive)
        box.waive_button.click()
    assert [row[3] for row in table_text(box.table)] == ["delivered", "waived", "waived", "waived"]
    assert view.close_action.isEnabled()

    def sign_close(dialog: CloseLoanDialog) -> None:
        assert dialog.sign_button.isEnabled()
        dialog.sign_button.click()

    when_modal(CloseLoanDialog, sign_close)
    signer.next(world.PASSWORD)
    view.close_action.trigger()
    assert not messages.errors
    assert queries.loan_detail(world.db, number).summary.status == "closed"
