"""The Loans view: the editor with scanning, the lifecycle signed through real dialogs,
role- and state-disabled actions, the overdue filter and the export."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from lunar_custody.domain import loans, queries, registry
from lunar_custody.domain.loans import TERMS_HOLD, TERMS_SUPERSEDED
from lunar_custody.domain.models import Loan, Signature
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.loans import (
    CancelLoanDialog,
    CloseLoanDialog,
    ExtendLoanDialog,
    LoanEditor,
    LoansView,
)
from tests.gui.conftest import Messages, Signer, when_modal
from tests.worlds import A1, A2, A3, A4, World

UNKNOWN = "CE5C0400YJFM09999"


def view_for(qtbot: QtBot, ctx: AppContext) -> LoansView:
    view = LoansView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    return view


def scan(qtbot: QtBot, editor: LoanEditor, code: str) -> None:
    """What a keyboard-wedge scanner does: the code's keys, then Enter."""
    qtbot.keyClicks(editor.scan_field, code)
    qtbot.keyClick(editor.scan_field, Qt.Key.Key_Return)


def draft(world: World, aliquots: list[str], *, pi: str = "brown_lm") -> str:
    loan = loans.create_loan(
        world.db,
        world["zhang"],
        borrower_code="BROWN",
        principal_investigator=pi,
        purpose="Noble gases in Chang'e-5 soil",
        starts_on=world.today,
        due_on=world.today + timedelta(days=200),
        destructive_analysis_allowed=True,
    )
    if aliquots:
        loans.add_loan_items(world.db, world["zhang"], loan.number, aliquots)
    return loan.number


def table_text(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def signatures(world: World, number: str) -> list[Signature]:
    def read(session: Session) -> list[Signature]:
        loan_id = session.scalars(select(Loan.id).where(Loan.number == number)).one()
        return list(
            session.scalars(
                select(Signature)
                .where(Signature.record_type == "loan", Signature.record_id == loan_id)
                .order_by(Signature.id)
            )
        )

    return world.read(read)


def test_new_loan_through_the_editor_with_scanning(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext], messages: Messages
) -> None:
    view = view_for(qtbot, ctx_for("zhang"))
    assert view.new_action.isEnabled()
    checked: dict[str, object] = {}

    def fill(editor: LoanEditor) -> None:
        editor.borrower_box.setCurrentIndex(editor.borrower_box.findData("BROWN"))
        assert {editor.pi_box.itemData(i) for i in range(editor.pi_box.count())} == {
            "brown_lm",
            "brown_pi",
        }
        editor.pi_box.setCurrentIndex(editor.pi_box.findData("brown_pi"))
        qtbot.keyClicks(editor.purpose_edit, "Space weathering rims")
        qtbot.keyClicks(editor.co_investigators_edit, "Carle Pieters")
        editor.starts_edit.setDate(QDate(2026, 3, 1))
        editor.due_edit.setDate(QDate(2027, 2, 28))
        editor.destructive_box.setChecked(True)
        qtbot.keyClicks(editor.notes_edit, "NASA SSERVI grant; export licence 2026-17")
        scan(qtbot, editor, A1.lower())  # scanners may send lower case
        scan(qtbot, editor, f" {A2} ")
        assert editor.isVisible(), "Enter from the scanner must not close the editor"
        scan(qtbot, editor, UNKNOWN)
        checked["unknown"] = editor.scan_message.text()
        scan(qtbot, editor, A1)
        checked["twice"] = editor.scan_message.text()
        # Found by searching: A3, added then removed again.
        editor.search_pane.search_field.setText(A3)
        editor.search_pane.search_field.flush()
        assert editor.search_pane.model.rowCount() == 1
        editor.search_pane.table.selectRow(0)
        editor.add_button.click()
        assert [item.number for item in editor.items] == [A1, A2, A3]
        editor.items_table.selectRow(2)
        editor.remove_button.click()
        checked["items"] = [item.number for item in editor.items]
        checked["total"] = editor.total_label.text()
        editor.save_button.click()

    seen = when_modal(LoanEditor, fill)
    view.new_action.trigger()
    assert seen and not messages.errors
    assert checked["unknown"] == f"There is no aliquot '{UNKNOWN}'."
    assert checked["twice"] == f"Aliquot {A1} is on this loan already."
    assert checked["items"] == [A1, A2]
    assert checked["total"] == "2 aliquots, 800.000 mg"

    number = view.current_number()
    assert number is not None
    detail = queries.loan_detail(world.db, number)
    assert detail.summary.status == "draft" and detail.summary.borrower_code == "BROWN"
    assert detail.summary.principal_investigator == "James Head"
    assert detail.summary.purpose == "Space weathering rims"
    assert (detail.summary.starts_on, detail.summary.due_on) == (
        date(2026, 3, 1),
        date(2027, 2, 28),
    )
    assert detail.summary.destructive_analysis_allowed
    assert detail.co_investigators == "Carle Pieters"
    assert detail.notes == "NASA SSERVI grant; export licence 2026-17"
    assert [item.aliquot_number for item in detail.items] == [A1, A2]
    # The detail pane shows what was saved.
    assert view.detail_pane.heading.text() == f"Loan {number}"
    assert [row[0] for row in table_text(view.detail_pane.items_table)] == [A1, A2, "Total"]
    assert view.edit_action.isEnabled() and not view.approve_action.isEnabled()
    assert view.approve_action.toolTip().startswith("Clearance is not complete: 6 items open")


def test_edit_a_draft_and_refuse_what_cannot_be_lent(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext], messages: Messages
) -> None:
    number = draft(world, [A1, A2])
    other = draft(world, [A3])
    world.ship([A4], loan=world.active_loan([A4]))
    view = view_for(qtbot, ctx_for("zhang"))
    assert view.select_loan(number)
    editor = view.make_editor(number)
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.borrower_box.isEnabled()
    assert "fixed" in editor.pi_box.toolTip()
    assert [item.number for item in editor.items] == [A1, A2]
    scan(qtbot, editor, A3)
    assert editor.scan_message.text() == f"Aliquot {A3} is already on open loan {other}."
    scan(qtbot, editor, A4)
    assert editor.scan_message.text() == (
        f"Aliquot {A4} is held by Brown University; only an aliquot in your storage can be lent."
    )
    # Only what is lendable is offered in the search list: A1, A2 (this loan), A3 and A4 not.
    assert editor.search_pane.model.rowCount() == 0
    editor.items_table.selectRow(0)
    editor.remove_button.click()
    editor.purpose_edit.setText("Noble gases, revised")
    loans.cancel_loan(world.db, world["zhang"], other, reason="superseded")
    editor.search_pane.refresh()
    assert editor.search_pane.model.value(0, "number") == A3  # free again
    editor.search_pane.table.selectRow(0)
    editor.add_button.click()
    assert [item.number for item in editor.items] == [A2, A3]
    # Escape with changes asks first; No keeps the editor and what was scanned.
    messages.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.isVisible() and messages.texts[-1].startswith("Close the loan editor")
    messages.answer = QMessageBox.StandardButton.Yes
    assert editor.save()
    assert not messages.errors
    detail = queries.loan_detail(world.db, number)
    assert [item.aliquot_number for item in detail.items] == [A2, A3]
    assert detail.summary.purpose == "Noble gases, revised"


def test_lifecycle_approve_countersign_extend_close(
    qtbot: QtBot,
    world: World,
    ctx_for: Callable[[str], AppContext],
    messages: Messages,
    signer: Signer,
) -> None:
    number = draft(world, [A1, A2])
    world.clear(number)
    curator = view_for(qtbot, ctx_for("zhang"))
    assert curator.select_loan(number)
    assert not curator.countersign_action.isEnabled()

    signer.next(world.PASSWORD)
    curator.approve_action.trigger()
    assert not messages.errors
    assert queries.loan_detail(world.db, number).summary.status == "approved"
    (approval,) = signatures(world, number)
    assert (approval.meaning, approval.printed_name) == ("approved", "Zhang Wei")
    assert approval.drawing_png is not None and approval.drawing_png.startswith(b"\x89PNG")
    meaning, content = signer.seen[0]
    assert meaning == "approved"
    for words in (number, "Brown University", "Carla Pieters", f"{A1}  500.000 mg", "800.000 mg"):
        assert words in content
    assert curator.current_number() == number  # still selected after the operation
    assert table_text(curator.detail_pane.signatures_table)[0][:3] == [
        "Zhang Wei",
        "CNSA Lunar Sample Laboratory",
        "approved (lender)",
    ]

    borrower = view_for(qtbot, ctx_for("brown_lm"))
    assert borrower.select_loan(number)
    assert not borrower.approve_action.isEnabled()
    assert borrower.approve_action.toolTip() == "Only a curator may approve loans."
    signer.next(world.PASSWORD)
    borrower.countersign_action.trigger()
    assert not messages.errors
    assert queries.loan_detail(world.db, number).summary.status == "active"
    assert [s.meaning for s in signatures(world, number)] == ["approved", "countersigned"]
    assert signatures(world, number)[1].printed_name == "Carla Pieters"

    # Extend: a new due date and the reason, then the signature.
    curator.refresh()
    old_due = queries.loan_detail(world.db, number).summary.due_on
    new_due = old_due + timedelta(days=90)

    def extend(dialog: ExtendLoanDialog) -> None:
        dialog.due_edit.setDate(QDate(new_due.year, new_due.month, new_due.day))
        qtbot.keyClicks(dialog.reason_edit, "Beam time moved to autumn")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    when_modal(ExtendLoanDialog, extend)
    signer.next(world.PASSWORD)
    curator.extend_action.trigger()
    assert not messages.errors
    detail = queries.loan_detail(world.db, number)
    assert detail.summary.due_on == new_due
    assert "Beam time moved to autumn" in detail.notes
    assert signatures(world, number)[-1].meaning == "extended"
    assert f"to {new_due.isoformat()}" in signer.seen[-1][1]

    # Material goes out and part of it comes back; A1 is still out.
    world.ship([A1, A2], loan=number)
    world.send_back([A2])
    curator.refresh()
    assert curator.close_action.isEnabled()
    assert not curator.cancel_action.isEnabled()
    assert (
        curator.cancel_action.toolTip()
        == f"Loan {number} cannot be cancelled: it has shipped items (close it instead)."
    )
    shown: dict[str, object] = {}

    def look(dialog: CloseLoanDialog) -> None:
        shown["rows"] = table_text(dialog.table)
        shown["problem"] = dialog.problem.text()
        shown["can_sign"] = dialog.sign_button.isEnabled()
        dialog.reject()

    when_modal(CloseLoanDialog, look)
    curator.close_action.trigger()
    assert shown["can_sign"] is False
    assert f"still out ({A1})" in str(shown["problem"])
    rows = {row[0]: row for row in shown["rows"]}  # type: ignore[attr-defined]
    assert rows[A1][2] == "500.000 mg" and rows[A1][7] == "500.000 mg"
    assert rows[A2][2] == "300.000 mg" and rows[A2][6] == "300.000 mg" and rows[A2][7] == "0 µg"
    assert queries.loan_detail(world.db, number).summary.status == "active"

    # The borrower consumes part of A1 and returns the rest: now it reconciles.
    registry.consume(world.db, world["brown_lm"], A1, 120_000, note="laser ablation")
    world.send_back([A1])

    def sign_close(dialog: CloseLoanDialog) -> None:
        shown["rows"] = table_text(dialog.table)
        assert dialog.sign_button.isEnabled() and not dialog.problem.isVisible()
        dialog.sign_button.click()

    when_modal(CloseLoanDialog, sign_close)
    signer.next(world.PASSWORD)
    curator.close_action.trigger()
    assert not messages.errors
    rows = {row[0]: row for row in shown["rows"]}  # type: ignore[attr-defined]
    # at loan, issued, split off, consumed, lost, returned, outstanding, status
    assert rows[A1][1:] == [
        "500.000 mg",
        "500.000 mg",
        "0 µg",
        "120.000 mg",
        "0 µg",
        "380.000 mg",
        "0 µg",
        "returned",
    ]
    assert rows["Total"][2] == "800.000 mg" and rows["Total"][6] == "680.000 mg"
    assert queries.loan_detail(world.db, number).summary.status == "closed"
    assert [s.meaning for s in signatures(world, number)] == [
        "approved",
        "countersigned",
        "extended",
        "closed",
    ]
    assert curator.current_number() == number
    assert curator.detail_pane.fields["status"].text() == "closed"
    assert not curator.close_action.isEnabled() and not curator.extend_action.isEnabled()
    # the extension signed new terms: the first two signatures are bound to the old ones
    assert [row[6] for row in table_text(curator.detail_pane.signatures_table)] == [
        TERMS_SUPERSEDED,
        TERMS_SUPERSEDED,
        TERMS_HOLD,
        TERMS_HOLD,
    ]
    world.check_rules()


def test_wrong_password_changes_nothing_and_cancelled_signature_neither(
    qtbot: QtBot,
    world: World,
    ctx_for: Callable[[str], AppContext],
    messages: Messages,
    signer: Signer,
) -> None:
    number = draft(world, [A1])
    world.clear(number)
    view = view_for(qtbot, ctx_for("zhang"))
    view.select_loan(number)
    signer.cancel_next()
    view.approve_action.trigger()
    signer.next("not-the-password")
    view.approve_action.trigger()
    assert messages.errors == ["Wrong password for Zhang Wei."]
    assert queries.loan_detail(world.db, number).summary.status == "draft"
    assert signatures(world, number) == []


def test_cancel_a_draft(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext], messages: Messages
) -> None:
    number = draft(world, [A1])
    view = view_for(qtbot, ctx_for("li"))
    view.select_loan(number)
    assert view.cancel_action.isEnabled()

    def give_reason(dialog: CancelLoanDialog) -> None:
        qtbot.keyClicks(dialog.reason_edit, "Borrower withdrew the proposal")
        dialog.cancel_button.click()

    when_modal(CancelLoanDialog, give_reason)
    view.cancel_action.trigger()
    assert not messages.errors
    detail = queries.loan_detail(world.db, number)
    assert detail.summary.status == "cancelled"
    assert detail.notes.endswith("Cancelled: Borrower withdrew the proposal")
    assert view.current_number() == number
    assert not view.cancel_action.isEnabled()
    assert view.cancel_action.toolTip().startswith(f"Loan {number} is cancelled; only a draft")
    # A1 is free again for another loan.
    editor = view.make_editor()
    qtbot.addWidget(editor)
    scan(qtbot, editor, A1)
    assert [item.number for item in editor.items] == [A1]


def test_viewer_and_lab_manager_see_actions_disabled_with_the_reason(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext], messages: Messages
) -> None:
    number = draft(world, [A1])
    world.clear(number)
    loans.approve_loan(world.db, world["zhang"], number, world.cred("zhang"))
    auditor = view_for(qtbot, ctx_for("auditor"))
    tip = auditor.toolbar.widgetForAction(auditor.new_action).toolTip()
    assert not auditor.new_action.isEnabled()
    assert tip == auditor.new_action.toolTip() == "Only a curator may prepare loans."
    # the role first; a selection is asked for only of what the role allows
    assert auditor.edit_action.toolTip() == "Only a curator may prepare loans."
    assert auditor.agreement_action.toolTip() == "Select a loan first."
    assert auditor.export_action.isEnabled()
    auditor.select_loan(number)
    expected = {
        auditor.approve_action: "Only a curator may approve loans.",
        auditor.countersign_action: "Only a curator or lab manager may countersign loans.",
        auditor.extend_action: "Only a curator may extend loans.",
        auditor.close_action: "Only a curator may close loans.",
        auditor.cancel_action: "Only a curator may prepare loans.",
        auditor.edit_action: "Only a curator may prepare loans.",
    }
    for action, reason in expected.items():
        assert not action.isEnabled() and action.toolTip() == reason
        assert auditor.toolbar.widgetForAction(action).toolTip() == reason
    # The main window's Ctrl+N reaches new_loan() even for a viewer: it explains, opens nothing.
    auditor.new_loan()
    assert messages.texts == ["Only a curator may prepare loans."]

    koln = view_for(qtbot, ctx_for("koln_lm"))
    koln.select_loan(number)
    assert not koln.countersign_action.isEnabled()
    assert (
        koln.countersign_action.toolTip()
        == f"Only Brown University, the borrower, countersigns loan {number}."
    )
    assert not koln.new_action.isEnabled() and not koln.approve_action.isEnabled()
    brown = view_for(qtbot, ctx_for("brown_lm"))
    brown.select_loan(number)
    assert brown.countersign_action.isEnabled()
    assert not brown.extend_action.isEnabled()
    # A curator sees the state as the reason: an approved loan is no longer edited.
    curator = view_for(qtbot, ctx_for("zhang"))
    curator.select_loan(number)
    assert curator.extend_action.isEnabled() and curator.cancel_action.isEnabled()
    assert not curator.edit_action.isEnabled()
    assert curator.edit_action.toolTip() == (
        f"Loan {number} is approved; only a draft loan can be edited."
    )
    assert curator.close_action.toolTip() == (
        f"Loan {number} is approved; only an active loan can be closed."
    )


def test_overdue_filter_shows_only_the_overdue_loan(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext]
) -> None:
    today = date.today()
    late = world.active_loan(
        [A1], starts_on=today - timedelta(days=300), due_on=today - timedelta(days=10)
    )
    world.ship([A1], loan=late)
    on_time = world.active_loan([A2])
    world.ship([A2], loan=on_time)
    # Past due but nothing shipped yet: not overdue.
    idle = world.active_loan(
        [A3], starts_on=today - timedelta(days=400), due_on=today - timedelta(days=5)
    )
    draft(world, [A4])
    view = view_for(qtbot, ctx_for("auditor"))
    assert view.pane.model.total() == 4
    view.status_filter.setCurrentIndex(view.status_filter.findData("overdue"))
    model = view.pane.model
    assert [model.value(r, "number") for r in range(model.rowCount())] == [late]
    assert view.pane.count_label.text() == "1 loan"
    view.status_filter.setCurrentIndex(view.status_filter.findData("active"))
    assert {model.value(r, "number") for r in range(model.rowCount())} == {late, on_time, idle}
    # The detail of the overdue loan says so in red; the others do not.
    view.select_loan(late)
    assert view.detail_pane.overdue_badge.isVisibleTo(view)
    assert "overdue by 10 days" in view.detail_pane.fields["period"].text()
    view.select_loan(idle)
    assert not view.detail_pane.overdue_badge.isVisibleTo(view)
    # Searching by borrower and PI.
    view.status_filter.setCurrentIndex(0)
    view.pane.search_field.setText("Pieters")
    view.pane.search_field.flush()
    assert model.rowCount() == 4


def test_export_loans_to_csv_and_json(
    qtbot: QtBot,
    world: World,
    ctx_for: Callable[[str], AppContext],
    messages: Messages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    number = world.active_loan([A1, A2])
    view = view_for(qtbot, ctx_for("auditor"))
    target = tmp_path / "loans.csv"
    monkeypatch.setattr(view, "ask_export_path", lambda: target)
    view.export_action.trigger()
    assert not messages.errors
    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["loan"], r["aliquot"]) for r in rows] == [(number, A1), (number, A2)]
    assert messages.texts[-1] == f"2 loan items written to {target}."
    assert view.export_to(tmp_path / "loans.json") == 2
    records = json.loads((tmp_path / "loans.json").read_text(encoding="utf-8"))
    assert {r["aliquot"] for r in records} == {A1, A2}
    # A refused export leaves no file behind, not even a partial one.
    monkeypatch.setattr(view, "ask_export_path", lambda: tmp_path / "loans.txt")
    view.export_action.trigger()
    assert messages.errors == ["'txt' is not an export format; choose csv or json."]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["loans.csv", "loans.json"]


def test_a_refused_save_says_why_beside_the_fields_and_keeps_the_draft(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext], messages: Messages
) -> None:
    view = view_for(qtbot, ctx_for("zhang"))
    shown: dict[str, object] = {}

    def fill(editor: LoanEditor) -> None:
        editor.borrower_box.setCurrentIndex(editor.borrower_box.findData("BROWN"))
        editor.pi_box.setCurrentIndex(editor.pi_box.findData("brown_lm"))
        qtbot.keyClicks(editor.purpose_edit, "Noble gases")
        scan(qtbot, editor, A1)
        # Another workstation puts A1 on its own draft meanwhile: the Save drafts the loan,
        # then the service refuses A1.
        other = draft(world, [A1])
        editor.save_button.click()
        shown["error"] = editor.error_label.text()
        shown["title"] = editor.windowTitle()
        shown["other"] = other
        shown["open"] = editor.isVisible()
        shown["borrower fixed"] = not editor.borrower_box.isEnabled()
        messages.answer = QMessageBox.StandardButton.Yes
        editor.reject()  # discard the wish list: the draft stays

    when_modal(LoanEditor, fill)
    view.new_action.trigger()
    assert not messages.errors  # beside the fields, not in a dialog
    assert shown["error"] == f"Aliquot {A1} is already on open loan {shown['other']}."
    assert shown["open"] and shown["borrower fixed"]
    number = view.current_number()
    assert number is not None and number != shown["other"]
    assert shown["title"] == f"Edit loan {number}"
    detail = queries.loan_detail(world.db, number)
    assert detail.summary.status == "draft" and detail.items == []
