"""The loan's Clearance section: Approve stays disabled with the domain's reason until the
checklist is complete; an item attested through the Attest dialog with a file, another
waived through the Waive dialog; then the loan is approved."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from lunar_custody.domain import clearance, queries
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.loans.clearance import AttestDialog, WaiveDialog
from tests.domain.test_clearance import PERMIT, _draft
from tests.gui.conftest import Messages, Signer, when_modal
from tests.gui.test_loans_view import table_text, view_for
from tests.worlds import World


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_approve_is_refused_until_the_clearance_is_complete(
    qtbot: QtBot,
    world: World,
    ctx_for: Callable[[str], AppContext],
    messages: Messages,
    signer: Signer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    number = _draft(world, borrower="KOLN", pi="koln_lm")
    permit = tmp_path / "permit.pdf"
    permit.write_bytes(PERMIT)
    view = view_for(qtbot, ctx_for("zhang"))
    assert view.select_loan(number)
    panel = view.detail_pane.clearance
    assert not view.approve_action.isEnabled()
    assert view.approve_action.toolTip() == (
        "Clearance is not complete: 5 items open: Security plan, Co-investigators' "
        "signatures under the security plan, Export licence (or 'not required'), "
        "Import permit, Insurance."
    )
    assert panel.state_label.text().startswith("Not complete: 5 items open")

    def attest(dialog: AttestDialog) -> None:
        dialog.item_box.setCurrentIndex(dialog.item_box.findText("Import permit (open)"))
        assert dialog.expires_check.isEnabled()
        dialog.file_edit.setText(str(permit))
        dialog.expires_check.setChecked(True)
        qtbot.keyClicks(dialog.note_edit, "Permit 17")
        dialog.grab().save(str(tmp_path / "attest.png"))
        dialog.ok_button.click()

    when_modal(AttestDialog, attest)
    panel.attest_button.click()

    def waive(dialog: WaiveDialog) -> None:
        dialog.item_box.setCurrentIndex(dialog.item_box.findText("Insurance (open)"))
        assert not dialog.ok_button.isEnabled()  # a reason is required
        qtbot.keyClicks(dialog.reason_edit, "Covered by the lender's policy")
        dialog.ok_button.click()

    when_modal(WaiveDialog, waive)
    panel.waive_button.click()
    assert not messages.errors
    rows = {row[0]: row for row in table_text(panel.table)}
    assert rows["Import permit"][1:3] == ["attested", "Zhang Wei"]
    assert rows["Import permit"][4:6] == ["permit.pdf", hashlib.sha256(PERMIT).hexdigest()[:12]]
    assert rows["Insurance"][1:3] == ["waived", "Zhang Wei"]
    assert rows["Insurance"][7] == "Covered by the lender's policy"
    assert view.approve_action.toolTip().startswith("Clearance is not complete: 3 items open")
    panel.grab().save(str(tmp_path / "panel.png"))

    # Save file…: the permit back, byte for byte, from the item that keeps it
    asked: list[str] = []

    def save_as(_parent: object, _title: str, default: str) -> tuple[str, str]:
        asked.append(default)
        return str(tmp_path / "saved" / "permit-copy.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    (tmp_path / "saved").mkdir()
    assert not panel.save_file_button.isEnabled()  # nothing selected yet
    panel.table.selectRow(list(rows).index("Insurance"))
    assert not panel.save_file_button.isEnabled()  # waived: no file
    panel.table.selectRow(list(rows).index("Import permit"))
    assert panel.save_file_button.isEnabled()
    panel.save_file_button.click()
    assert not messages.errors and Path(asked[0]).name == "permit.pdf"
    saved = (tmp_path / "saved" / "permit-copy.pdf").read_bytes()
    recorded = queries.clearance_list(world.db, number).lines[3].file_sha256
    assert hashlib.sha256(saved).hexdigest() == recorded

    borrower = view_for(qtbot, ctx_for("koln_lm"))
    assert borrower.select_loan(number)
    other = borrower.detail_pane.clearance
    assert other.attest_button.isEnabled()
    assert not other.waive_button.isEnabled()
    assert other.waive_button.toolTip() == "Only a curator may waive clearance items."

    clearance.attest_open_items(world.db, world["koln_lm"], number, note="received")
    view.refresh()
    assert view.approve_action.isEnabled()
    assert panel.state_label.text() == "Complete."
    signer.next(world.PASSWORD)
    view.approve_action.trigger()
    assert not messages.errors
    assert queries.loan_detail(world.db, number).summary.status == "approved"
