"""The Ledger view: custody events and audit trail (lazy lists), and Verify."""

from __future__ import annotations

import csv
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from lunar_custody.domain import checkpoints, custody, ledger, queries
from lunar_custody.domain.listings import EVENTS
from lunar_custody.gui import tablemodel
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.ledger import LedgerView
from lunar_custody.gui.ledger.findings import FINDING_COLUMNS
from lunar_custody.gui.tablemodel import ListingModel
from lunar_custody.storage import Database, ledger_scan
from lunar_custody.storage.integrity import database_location
from tests.conftest import screenshot_path
from tests.gui.conftest import Messages
from tests.worlds import A2, World

Ctx = Callable[[str], AppContext]
MakeView = Callable[[AppContext], LedgerView]


@pytest.fixture
def make_view(qtbot: QtBot, world: World) -> Iterator[Callable[[AppContext], LedgerView]]:
    """Open views, closed before the world's database goes (no late fetch from a closed one)."""
    views: list[LedgerView] = []

    def make(ctx: AppContext) -> LedgerView:
        view = LedgerView(ctx)
        qtbot.addWidget(view)
        view.resize(1280, 800)
        view.show()
        views.append(view)
        return view

    yield make
    for view in views:
        view.close()
    qtbot.wait(20)  # the views' pending fetch timers fire while the database is still there


def column(view: LedgerView, key: str) -> list[Any]:
    model = view.events.model
    return [model.value(row, key) for row in range(model.rowCount())]


def search(view: LedgerView, text: str) -> None:
    view.events.search_field.setText(text)
    view.events.search_field.flush()


def test_events_show_their_number_and_filter_by_kind_and_search(
    qtbot: QtBot, world: World, ctx_for: Ctx, make_view: MakeView
) -> None:
    numbers = world.rich_scenario()
    view = make_view(ctx_for("auditor"))
    model = view.events.model
    total = queries.totals(world.db).events
    assert model.total() == total
    assert model.headerData(0, tablemodel.Qt.Orientation.Horizontal) == "#"
    assert column(view, "id") == list(range(total, 0, -1))  # newest first
    assert view.events.count_label.text() == f"{total} events"

    kind = view.events.filter_boxes["kind"]
    consumed = kind.findData("consumed")
    assert kind.itemText(consumed) == "consumed by analysis"
    kind.setCurrentIndex(consumed)
    assert column(view, "kind") == ["consumed"]
    kind.setCurrentIndex(0)
    search(view, "#3")
    assert column(view, "id") == [3]
    search(view, A2.lower())
    assert set(column(view, "aliquot")) == {A2}
    assert column(view, "id") == sorted((e.id for e in queries.history(world.db, A2)), reverse=True)
    search(view, numbers["koln"])
    assert set(column(view, "transfer")) == {numbers["koln"]}
    search(view, "Klaus")
    assert set(column(view, "actor")) == {"Klaus Mezger"}
    search(view, "nobody at all")
    assert model.rowCount() == 0 and view.events.count_label.text() == "0 events"


def test_audit_trail_tab(qtbot: QtBot, world: World, ctx_for: Ctx, make_view: MakeView) -> None:
    world.active_loan([A2])
    view = make_view(ctx_for("auditor"))
    view.tabs.setCurrentWidget(view.audit)
    model = view.audit.model
    assert model.total() > 0 and model.rowCount() > 0
    tables = {model.value(row, "table_name") for row in range(model.rowCount())}
    assert "loans" in tables
    view.audit.search_field.setText("loans")
    view.audit.search_field.flush()
    assert {model.value(r, "table_name") for r in range(model.rowCount())} == {"loans"}


def test_the_lists_fetch_a_page_at_a_time(
    qtbot: QtBot, world: World, ctx_for: Ctx, make_view: MakeView, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.rich_scenario()
    monkeypatch.setattr(tablemodel, "PAGE_SIZE", 4)
    view = make_view(ctx_for("auditor"))
    view.resize(1280, 200)
    model = view.events.model
    total = model.total()
    assert total > 20 and model.rowCount() < total
    before = model.rowCount()
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == before + 4


def test_verify_passes_on_a_clean_ledger(
    qtbot: QtBot, world: World, ctx_for: Ctx, make_view: MakeView, messages: Messages
) -> None:
    world.rich_scenario()
    view = make_view(ctx_for("auditor"))
    view.verify_button.click()
    findings = view.findings
    assert findings is not None and findings.isVisible()
    assert findings.windowTitle() == "Ledger verified"
    assert findings.banner.text().endswith("Verified: nothing found out of place")
    report = view.last_report
    assert report is not None and report.ok and not messages.shown
    assert findings.events_label.text() == (
        f"{report.events:,} custody events, {report.aliquots:,} aliquots"
    )
    assert findings.head_label.text() == report.last_hash
    assert findings.integrity_label.text().startswith("ok (")
    assert "OK: hash chain intact" in findings.checked_label.text()  # what was checked
    assert not findings.findings.isVisible() and not findings.save_button.isVisible()
    findings.grab().save(str(screenshot_path("verify_ok.png")))
    assert view.verify_result.text().startswith("OK: the ledger of")
    assert view.menu_actions() == [view.verify_action, view.full_verify_action]
    assert view.verify_action.shortcut().isEmpty()  # the main window's, from every view
    assert report.mode == "full"  # the first verify on this computer: no checkpoint yet
    view.verify_button.click()
    assert view.last_report is not report and view.last_report.mode == "routine"
    view.full_verify_action.trigger()
    assert view.last_report.mode == "full" and view.last_report.ok and not messages.shown


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_verify_lists_every_finding_with_its_table_and_record(
    qtbot: QtBot,
    world: World,
    ctx_for: Ctx,
    make_view: MakeView,
    messages: Messages,
    tmp_path: Path,
) -> None:
    world.rich_scenario()
    ctx = ctx_for("auditor")
    assert isinstance(world.db, Database) and world.db.path is not None
    world.db.dispose()
    with sqlite3.connect(world.db.path) as raw:
        raw.execute("DROP TRIGGER custody_events_no_update")
        raw.execute("UPDATE custody_events SET mass_ug = 1 WHERE id = 7")
        raw.execute(
            "UPDATE aliquots SET current_mass_ug = current_mass_ug - 1 WHERE number = ?", (A2,)
        )
    raw.close()
    view = make_view(ctx)
    view.verify_action.trigger()
    report = view.last_report
    assert report is not None and report.first_bad_event == 7 and not messages.shown
    assert view.verify_result.text() == "FAILED: the first bad event is #7."
    # the bad event is shown and selected in the list
    assert view.tabs.currentWidget() is view.events
    assert view.events.search_field.text() == "#7"
    assert view.events.current_value("id") == 7

    findings = view.findings
    assert findings is not None and findings.isVisible()
    assert findings.windowTitle() == "Ledger verification FAILED"
    count = len(report.problems)
    assert findings.banner.text().endswith(f"Verification FAILED: {count} findings")
    assert findings.first_event_label.text() == '<a href="7">#7</a>'
    assert findings.integrity_label.text().startswith("problems found (sqlite")
    table = findings.findings
    assert table.count_label.text() == f"{count} findings"
    model = table.proxy
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headings == list(FINDING_COLUMNS)
    rows = [
        [model.index(line, column).data() for column in range(model.columnCount())]
        for line in range(model.rowCount())
    ]
    by_place = {(kind, name, record): text for kind, name, record, _, _, text in rows}
    assert ("changed", "custody_events", "#7") in by_place
    assert "does not match its ledger" in by_place["state", "aliquots", A2]
    assert any("custody_events_no_update has been removed" in row[5] for row in rows)

    # searched, sorted, copied, saved
    table.search_field.setText(A2.lower())
    table.search_field.flush()
    assert 0 < model.rowCount() < count
    assert table.count_label.text() == f"{model.rowCount()} of {count} findings"
    assert {table.rows[row][2] for row in table.shown_rows()} == {A2}
    table.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    kinds = [table.rows[row][0] for row in table.shown_rows()]
    assert kinds == sorted(kinds, reverse=True)
    copied = table.copy()
    assert copied.splitlines()[0] == "\t".join(FINDING_COLUMNS)
    assert len(copied.splitlines()) == 1 + model.rowCount()
    assert QApplication.clipboard().text() == copied
    saved = findings.save(tmp_path / "findings.csv")
    assert saved == tmp_path / "findings.csv"
    with saved.open(newline="", encoding="utf-8") as file:
        written = list(csv.reader(file))
    assert written[0] == list(FINDING_COLUMNS) and {r[2] for r in written[1:]} == {A2}

    table.search_field.clear()
    table.search_field.flush()
    findings.grab().save(str(screenshot_path("verify_findings.png")))
    # a double click on a finding about an aliquot asks the main window to show it
    line = next(n for n in range(model.rowCount()) if model.index(n, 2).data() == A2)
    spot = table.table.visualRect(model.index(line, 0)).center()
    with qtbot.waitSignal(view.open_record) as opened:
        qtbot.mouseClick(table.table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
        qtbot.mouseDClick(table.table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert opened.args == ["aliquot", A2]


def test_listing_and_event_models_pass_the_qt_model_tester(
    qtbot: QtBot, world: World, qtmodeltester: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.rich_scenario()
    monkeypatch.setattr(tablemodel, "PAGE_SIZE", 7)
    model = ListingModel(world.db, EVENTS)
    model.refresh()
    qtmodeltester.check(model)
    assert 7 < model.rowCount() <= model.total()


def test_verify_reports_progress_and_can_be_cancelled(
    qtbot: QtBot,
    world: World,
    ctx_for: Ctx,
    make_view: MakeView,
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world.rich_scenario()
    view = make_view(ctx_for("auditor"))
    # progress after every event: going on is not mistaken for a Cancel
    monkeypatch.setattr(ledger_scan, "_BATCH", 1)
    assert view.verify() is not None and view.verify_result.text().startswith("OK")
    # without the checkpoint that verify left, the next one replays every event again
    assert isinstance(world.db, Database)
    checkpoints.checkpoint_path(database_location(world.db)).unlink()

    replay = ledger._replay

    def slow_replay(*args: Any) -> None:
        time.sleep(0.02)
        replay(*args)

    monkeypatch.setattr(ledger, "_replay", slow_replay)

    def cancel() -> None:
        dialog = view.findChild(QProgressDialog, "progressDialog")
        if dialog is None:
            QTimer.singleShot(10, cancel)
            return
        dialog.findChild(QPushButton).click()  # its Cancel button

    QTimer.singleShot(60, cancel)
    view.verify_button.click()
    assert messages.errors == ["Verify ledger cancelled."]
    assert view.last_report is not None and view.last_report.ok  # the earlier one


def test_the_audit_trail_reads_in_words_with_the_raw_values_behind_a_toggle(
    qtbot: QtBot,
    world: World,
    ctx_for: Ctx,
    make_view: MakeView,
    time_zone: Callable[[str], None],
) -> None:
    time_zone("Asia/Shanghai")
    loan = world.active_loan([A2])
    number = world.release([A2], loan=loan)
    custody.hand_over(
        world.db,
        world["courier1"],
        number,
        to_courier="courier2",
        from_credential=world.pin("courier1"),
        to_credential=world.pin("courier2"),
    )
    view = make_view(ctx_for("auditor"))
    view.tabs.setCurrentWidget(view.audit)
    pane = view.audit
    model = pane.model
    keys = [c.key for c in model.columns]

    def shown(row: int) -> dict[str, str]:
        return {key: model.index(row, col).data() for col, key in enumerate(keys)}

    def titles() -> list[str]:
        return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(keys))]

    (row,) = [r for r in range(model.rowCount()) if model.value(r, "field") == "courier_id"]
    words = shown(row)
    assert words["table_name"] == f"Transfer {number}"
    assert (words["field"], words["old_value"], words["new_value"]) == (
        "Courier",
        "Chen Courier",
        "Dana Courier",
    )
    assert (words["actor"], words["action"]) == ("Chen Courier", "changed")
    # the local time of Shanghai, with its zone
    moment = model.value(row, "occurred_at")
    assert words["occurred_at"] == f"{moment + timedelta(hours=8):%Y-%m-%d %H:%M} CST"
    assert titles()[keys.index("table_name")] == "Record"
    assert pane.table.isColumnHidden(keys.index("record_id"))
    pane.table.selectRow(row)
    assert "Courier: Chen Courier → Dana Courier" in pane.detail.toPlainText()
    assert "Raw entry" not in pane.detail.toPlainText()

    qtbot.mouseClick(pane.raw_toggle, Qt.MouseButton.LeftButton)
    assert pane.raw_toggle.isChecked()
    raw = shown(row)
    one, two = world["courier1"].person_id, world["courier2"].person_id
    assert (raw["table_name"], raw["field"], raw["old_value"], raw["new_value"]) == (
        "transfers",
        "courier_id",
        str(one),
        str(two),
    )
    assert raw["action"] == "update" and raw["occurred_at"] == moment.isoformat()
    assert not pane.table.isColumnHidden(keys.index("record_id"))
    assert titles()[keys.index("table_name")] == "Table"
    detail = pane.detail.toPlainText()
    assert "Courier: Chen Courier → Dana Courier" in detail
    assert "field courier_id" in detail and f"old value: {one}" in detail

    qtbot.mouseClick(pane.raw_toggle, Qt.MouseButton.LeftButton)
    assert shown(row)["field"] == "Courier"
    assert pane.table.isColumnHidden(keys.index("record_id"))
    # a record found by its number, as the list names it
    pane.search_field.setText(f"transfer {number.lower()}")
    pane.search_field.flush()
    records = {shown(r)["table_name"] for r in range(model.rowCount())}
    assert records == {f"Transfer {number}"}
    pane.search_field.setText("transfer legs")
    pane.search_field.flush()
    assert {model.value(r, "table_name") for r in range(model.rowCount())} == {"transfer_legs"}


def test_list_times_carry_the_local_zone(
    qtbot: QtBot,
    world: World,
    ctx_for: Ctx,
    make_view: MakeView,
    time_zone: Callable[[str], None],
) -> None:
    time_zone("Europe/Paris")
    world.active_loan([A2])
    view = make_view(ctx_for("auditor"))
    model = view.events.model
    when = model.column_of("occurred_at")
    moment = model.value(0, "occurred_at")
    paris = moment.astimezone(ZoneInfo("Europe/Paris"))
    assert model.index(0, when).data() == f"{paris:%Y-%m-%d %H:%M} {paris.tzname()}"
    assert paris.tzname() in ("CET", "CEST")
