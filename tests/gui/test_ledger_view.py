"""The Ledger view: custody events and audit trail (lazy lists), and Verify."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from lunar_custody.domain import ledger, queries
from lunar_custody.domain.listings import EVENTS
from lunar_custody.gui import tablemodel
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.ledger import LedgerView
from lunar_custody.gui.tablemodel import ListingModel
from lunar_custody.storage import Database, ledger_scan
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
    name, title, text = messages.shown[-1]
    assert (name, title) == ("verifyReport", "Ledger verified")
    assert text.startswith("OK: the ledger of") and "is intact" in text
    assert view.last_report is not None and view.last_report.ok
    assert "Database integrity: ok" in view.last_report.summary()
    assert view.verify_result.text() == text
    assert view.menu_actions() == [view.verify_action]
    assert view.verify_action.shortcut().toString() == "Ctrl+Shift+V"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_verify_names_the_first_bad_event_after_tampering(
    qtbot: QtBot, world: World, ctx_for: Ctx, make_view: MakeView, messages: Messages
) -> None:
    world.rich_scenario()
    ctx = ctx_for("auditor")
    assert isinstance(world.db, Database) and world.db.path is not None
    world.db.dispose()
    with sqlite3.connect(world.db.path) as raw:
        raw.execute("DROP TRIGGER custody_events_no_update")
        raw.execute("UPDATE custody_events SET mass_ug = 1 WHERE id = 7")
    raw.close()
    view = make_view(ctx)
    view.verify_action.trigger()
    name, title, text = messages.shown[-1]
    assert (name, title) == ("verifyReport", "Ledger verification FAILED")
    assert text == "FAILED: the first bad event is #7."
    report = view.last_report
    assert report is not None and report.first_bad_event == 7
    summary = report.summary()
    assert "custody_events_no_update has been removed" in summary
    assert "Database integrity: problems found" in summary
    # the bad event is shown and selected in the list
    assert view.tabs.currentWidget() is view.events
    assert view.events.search_field.text() == "#7"
    assert view.events.current_value("id") == 7
    assert view.verify_result.text() == text


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
    assert view.verify() is not None and messages.shown[-1][2].startswith("OK")

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
