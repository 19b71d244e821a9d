"""The dashboard: packages in transit, loans by due tier, open discrepancies and annual
inventories, counted in SQL; a double click asks the main window to open the record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lunar_custody.domain import queries
from lunar_custody.domain.reminders import TIER_STARTS, ReminderTier, reminder_tier, tier_span
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.dashboard import DashboardView, RecordTable, age_text
from lunar_custody.gui.dashboard.widgets import TIER_COLOURS
from tests.conftest import screenshot_path
from tests.gui.conftest import open_window
from tests.worlds import A1, A2, A3, A4, World


def test_due_tiers_are_the_reminder_tiers_and_ages() -> None:
    today = date(2025, 6, 15)
    tiers = {
        days: reminder_tier(today + timedelta(days=days), today)
        for days in (31, 30, 8, 7, 1, 0, -6, -7, -29, -30, -60, -61, -400)
    }
    assert tiers == {
        31: None,
        30: ReminderTier.IN_30_DAYS,
        8: ReminderTier.IN_30_DAYS,
        7: ReminderTier.IN_7_DAYS,
        1: ReminderTier.IN_7_DAYS,
        0: ReminderTier.DUE,
        -6: ReminderTier.DUE,
        -7: ReminderTier.LATE_7_DAYS,
        -29: ReminderTier.LATE_7_DAYS,
        -30: ReminderTier.LATE_30_DAYS,
        -60: ReminderTier.LATE_30_DAYS,
        -61: ReminderTier.LATE_OVER_60_DAYS,
        -400: ReminderTier.LATE_OVER_60_DAYS,
    }
    # the tiles' short words are made from the same days
    assert [tier_span(tier) for tier, _first_day in TIER_STARTS] == [
        "due in 8–30 days",
        "due in 1–7 days",
        "due today or up to 6 days late",
        "7–29 days late",
        "30–60 days late",
        "over 60 days late",
    ]
    assert age_text(timedelta(days=2, hours=5, minutes=3)) == "2 d 5 h"
    assert age_text(timedelta(minutes=75)) == "1 h 15 min"


def double_click(qtbot: QtBot, table: RecordTable, row: int) -> None:
    """As a mouse does it: a press and release, then the double click on the same cell."""
    centre = table.visualItemRect(table.item(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_dashboard_counts_lists_and_opens_records(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext]
) -> None:
    today = world.today
    # Overdue by 10 days with material at Brown, received with a broken seal.
    late = world.active_loan(
        [A1], starts_on=today - timedelta(days=100), due_on=today - timedelta(days=10)
    )
    broken = world.release([A1], loan=late)
    world.receive(broken, seal_intact=False)
    # Started almost a year ago: its annual inventory is due; its package is in transit.
    yearly = world.active_loan(
        [A2], starts_on=today - timedelta(days=360), due_on=today + timedelta(days=200)
    )
    moving = world.release([A2], loan=yearly)
    # Due in 5 days, nothing shipped yet: no material out, so not listed.
    world.active_loan([A3], due_on=today + timedelta(days=5))
    # Long overdue but everything came back (awaiting publication): not overdue.
    back = world.active_loan(
        [A4], starts_on=today - timedelta(days=200), due_on=today - timedelta(days=40)
    )
    world.ship([A4], loan=back)
    world.send_back([A4])

    data = queries.dashboard(world.db, today)
    assert data.in_transit_count == 1 and data.in_transit[0].number == moving
    assert data.in_transit[0].courier == "Chen Courier"
    assert data.due_counts == {
        ReminderTier.IN_30_DAYS: 0,
        ReminderTier.IN_7_DAYS: 0,
        ReminderTier.DUE: 0,
        ReminderTier.LATE_7_DAYS: 1,
        ReminderTier.LATE_30_DAYS: 0,
        ReminderTier.LATE_OVER_60_DAYS: 0,
    }
    assert data.overdue_count == 1
    assert [(r.number, r.days_left, r.tier) for r in data.due_loans] == [
        (late, -10, ReminderTier.LATE_7_DAYS)
    ]
    assert data.open_discrepancy_count == 1
    assert data.open_discrepancies[0].transfer_number == broken
    assert [r.number for r in data.inventories] == [yearly] and data.inventory_count == 1
    assert 0 <= (data.inventories[0].anniversary - today).days <= 6

    view = DashboardView(ctx_for("zhang"), today=lambda: today)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    assert view.transit_card.number.text() == "1"
    assert view.overdue_card.number.text() == "1"
    assert view.discrepancy_card.number.text() == "1"
    assert view.inventory_card.number.text() == "1"
    late_tile = view.tiers[ReminderTier.LATE_7_DAYS]
    assert late_tile.text() == "<b style='font-size:15pt'>1</b><br>7–29 days late"
    assert late_tile.toolTip() == "7 days late"  # the reminders' own name of the tier
    # the loan's row is tinted as its reminder below
    assert view.due.item(0, 0).background().color().name() == TIER_COLOURS[ReminderTier.LATE_7_DAYS]
    assert view.in_transit.item(0, 0).text() == moving
    assert view.in_transit.item(0, 1).text() == "Chen Courier"
    assert view.due.item(0, 2).text() == "10 days overdue"
    assert view.discrepancies.item(0, 3).text() == "seal broken"
    view.grab().save(str(screenshot_path("dashboard.png")))

    opened: list[tuple[str, str]] = []
    view.open_record.connect(lambda kind, number: opened.append((kind, number)))
    double_click(qtbot, view.in_transit, 0)
    double_click(qtbot, view.due, 0)
    double_click(qtbot, view.discrepancies, 0)
    view.inventories.setCurrentCell(0, 0)
    qtbot.keyClick(view.inventories, Qt.Key.Key_Return)
    found = data.open_discrepancies[0].id
    assert opened == [
        ("transfer", moving),
        ("loan", late),
        ("discrepancy", str(found)),
        ("loan", yearly),
    ]

    world.receive(moving)  # arrives: the dashboard follows on refresh
    view.refresh()
    assert view.transit_card.number.text() == "0"
    assert view.in_transit.rowCount() == 0
    assert view.footers["inTransitTable"].text() == "Nothing in transit."


def busy(world: World) -> None:
    """A package in transit, an overdue loan with a broken seal, an inventory due."""
    today = world.today
    late = world.active_loan(
        [A1], starts_on=today - timedelta(days=100), due_on=today - timedelta(days=10)
    )
    world.receive(world.release([A1], loan=late), seal_intact=False)
    yearly = world.active_loan(
        [A2], starts_on=today - timedelta(days=360), due_on=today + timedelta(days=200)
    )
    world.release([A2], loan=yearly)


def whole_in_view(table: RecordTable) -> None:
    """Every column in the viewport: nothing to scroll sideways to, the key column and the
    numbers and times whole (a name may be shortened, its whole text in the tooltip)."""
    header = table.horizontalHeader()
    where = table.objectName()
    assert table.isVisible(), where
    assert table.horizontalScrollBar().maximum() == 0, where
    last = header.count() - 1
    end = header.sectionViewportPosition(last) + header.sectionSize(last)
    assert end <= table.viewport().width(), where
    for column in range(header.count()):
        if column in table.elide:
            continue
        needed = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
        assert header.sectionSize(column) >= needed, (where, column)


def test_dashboard_at_a_laptops_size_shows_every_table_whole(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext]
) -> None:
    busy(world)
    window = open_window(qtbot, ctx_for("zhang"))
    window.resize(1024, 700)
    window.show_view("dashboard")
    QApplication.processEvents()
    view = window.findChild(DashboardView)
    assert view is not None
    # narrow: two rows of two tabs, each table the whole width, each tab with its count
    assert view.wide is False and all(tabs.isVisible() for tabs in view.panel_tabs)
    upper, lower = view.panel_tabs
    assert [upper.tabText(i) for i in range(2)] == ["In transit (1)", "Loans by due date (1)"]
    assert [lower.tabText(i) for i in range(2)] == ["Discrepancies (1)", "Inventories due (1)"]
    seen = set()
    for index in range(2):
        for tabs in view.panel_tabs:
            tabs.setCurrentIndex(index)
        QApplication.processEvents()
        for table in view.tables():
            if table.isVisible():
                whole_in_view(table)
                seen.add(table.objectName())
    assert seen == {table.objectName() for table in view.tables()}
    window.grab().save(str(screenshot_path("dashboard-1024x700.png")))

    # wide enough: the four panels side by side in two columns, still whole
    window.resize(1366, 768)
    QApplication.processEvents()
    assert view.width() >= view.wide_width()
    assert view.wide is True and not any(tabs.isVisible() for tabs in view.panel_tabs)
    for table in view.tables():
        whole_in_view(table)
    boxes = [box for box, _title, _tab in view.panels]
    assert boxes[0].geometry().top() == boxes[1].geometry().top()
    assert boxes[0].geometry().right() < boxes[1].geometry().left()
    assert boxes[0].title() == "Packages in transit, oldest first"
    window.grab().save(str(screenshot_path("dashboard-1366x768.png")))

    window.resize(1024, 700)  # and back
    QApplication.processEvents()
    assert view.wide is False and upper.isVisible()
