"""Every list on the demo database, at 1024x700 and 1280x800: the key column (the record's
number, first) is whole in view, every mass is shown with its unit, and a cell the column
elides has its whole text in the tooltip. A click on a row does not scroll the key column
away, a dialog fits the screen and opens centred on the window, and a new search clears the
last scan's error and the detail."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableView,
    QTreeView,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from lunar_custody.domain.listings import LOANS
from lunar_custody.domain.models import Loan
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.dashboard import DashboardView
from lunar_custody.gui.dialogs import SCREEN_MARGIN, fit_to_screen
from lunar_custody.gui.loans.editor import LoanEditor
from lunar_custody.gui.main_window import VIEW_CLASSES, MainWindow
from lunar_custody.gui.samples.view import SamplesView
from lunar_custody.gui.widgets import ListPane
from lunar_custody.storage import Database
from tests.gui.conftest import open_window
from tests.worlds import actor

# A mass as format_mass writes it, and a number that lost its unit on the way to the screen.
WITH_UNIT = re.compile(r"^-?[\d,]+(\.\d+)? (g|mg|µg)$")
UNIT_LESS = re.compile(r"^-?[\d,]+\.\d{3,6}$")


def shown_views(window: MainWindow) -> list[QAbstractItemView]:
    """The lists and trees the person sees now (those of hidden views left out)."""
    views = window.findChildren(QTableView) + window.findChildren(QTreeView)
    return [
        v
        for v in views
        if v.isVisible() and v.model() is not None and v.model().rowCount() > 0
        and v.viewport().width() > 0 and v.viewport().height() > 0
    ]  # fmt: skip


def header_of(view: QAbstractItemView) -> QHeaderView:
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()  # type: ignore[attr-defined]


def visible_rows(view: QAbstractItemView) -> Iterator[QModelIndex]:
    """Column 0 of every row whose line is (at least partly) in the viewport."""
    model = view.model()
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            rect = view.visualRect(index)
            if rect.isValid() and rect.bottom() >= 0 and rect.top() < view.viewport().height():
                yield index
            if isinstance(view, QTreeView) and view.isExpanded(index):
                pending.append(index)


def needed_width(view: QAbstractItemView, index: QModelIndex) -> int:
    """How wide the cell must be to show its text whole (its delegate's size hint)."""
    return view.sizeHintForIndex(index).width()


def check_view(view: QAbstractItemView, where: str) -> None:
    header = header_of(view)
    width = view.viewport().width()
    # The key column: first on screen, whole, and as wide as its widest shown number.
    assert header.visualIndex(0) == 0, where
    left = header.sectionViewportPosition(0)
    assert left == 0 and header.sectionSize(0) <= width, (where, left, header.sectionSize(0))
    needed = view.sizeHintForColumn(0)
    assert header.sectionSize(0) >= needed, (where, "key column", header.sectionSize(0), needed)
    for first in visible_rows(view):
        for column in range(header.count()):
            if header.isSectionHidden(column):
                continue
            index = first.siblingAtColumn(column)
            text = str(index.data() or "")
            assert not UNIT_LESS.match(text), (where, "a mass without its unit", text)
            if not WITH_UNIT.match(text):
                if column == 0 or not text:
                    continue
                # a text column may elide, but then its tooltip holds the whole text
                if header.sectionSize(column) < needed_width(view, index):
                    tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
                    assert text in tip, (where, "elided without a tooltip", text)
                continue
            start = header.sectionViewportPosition(column)
            end = start + header.sectionSize(column)
            if end <= 0 or start >= width:
                continue  # scrolled out of view entirely: not shown, not cut
            # a mass in view is whole: its column is in the viewport and wide enough
            assert start >= 0 and end <= width, (where, "a mass cut at the edge", text)
            assert header.sectionSize(column) >= needed_width(view, index), (
                where,
                "a mass too narrow for its unit",
                text,
                header.sectionSize(column),
            )


# A 1920x1080 screen at 150 % scaling lays out in 1280x720 logical pixels (Qt scales the
# pixels, not the layout), so that size stands for it.
SIZES = {"1024x700": (1024, 700), "1280x800": (1280, 800), "1920x1080@150%": (1280, 720)}


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_every_list_keeps_its_key_column_and_units(
    qtbot: QtBot, demo_db: Database, size: tuple[int, int]
) -> None:
    with demo_db.read() as session:
        loan = session.scalar(select(Loan.number).where(Loan.status == "active").limit(1))
    assert loan
    window = open_window(qtbot, AppContext(demo_db, actor(demo_db, "zhang")))
    window.resize(*size)
    checked = 0
    for key, _, _ in VIEW_CLASSES:
        window.show_view(key)
        if key == "loans":
            window.open_record("loan", loan)
        if key == "samples":
            view = window.findChild(SamplesView)
            assert view is not None
            view.tree.expandAll()
        # a narrow dashboard shows its panels as tabs: each tab's table is looked at
        dashboard = window.findChild(DashboardView) if key == "dashboard" else None
        tabs = [t for t in dashboard.panel_tabs if t.isVisible()] if dashboard else []
        for page in range(max([t.count() for t in tabs], default=1)):
            for tab in tabs:
                tab.setCurrentIndex(page)
            QApplication.processEvents()
            QApplication.processEvents()  # the fitter measures once the rows are in
            for item_view in shown_views(window):
                check_view(item_view, f"{key}/{item_view.objectName()}@{size[0]}x{size[1]}")
                checked += 1
    assert checked >= 8  # lists, trees and detail tables of every view were looked at


def test_a_click_on_a_far_cell_does_not_scroll_the_key_column_away(
    qtbot: QtBot, demo_db: Database
) -> None:
    window = open_window(qtbot, AppContext(demo_db, actor(demo_db, "zhang")))
    window.resize(1024, 700)
    window.show_view("transfers")
    QApplication.processEvents()
    QApplication.processEvents()
    table = window.findChild(QTableView, "transfersTable")
    assert table is not None and table.isVisible()
    header = table.horizontalHeader()
    last = header.logicalIndex(header.count() - 1)
    # the person clicks the row where the last column begins (partly off to the right)
    x = min(header.sectionViewportPosition(last) + 4, table.viewport().width() - 2)
    y = table.visualRect(table.model().index(1, 0)).center().y()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    # Qt scrolls a clicked cell into view a double-click interval later
    qtbot.wait(QApplication.doubleClickInterval() + 300)
    assert table.currentIndex().row() == 1
    assert table.horizontalScrollBar().value() == 0
    assert header.sectionViewportPosition(0) == 0
    qtbot.keyClick(table, Qt.Key.Key_Down)  # down the far column: still not sideways
    assert table.currentIndex().row() == 2
    assert table.horizontalScrollBar().value() == 0
    assert table.horizontalScrollBar().maximum() > 0  # there is a way to go sideways:
    for _ in range(header.count()):  # Right, along the row, goes to the cell it reaches
        qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.horizontalScrollBar().value() > 0


def test_dialogs_fit_the_screen_and_open_centred_on_the_window(
    qtbot: QtBot, demo_db: Database
) -> None:
    ctx = AppContext(demo_db, actor(demo_db, "zhang"))
    window = open_window(qtbot, ctx)
    screen = window.screen().availableGeometry()
    window.resize(min(1280, screen.width()), min(800, screen.height()))
    editor = LoanEditor(ctx, parent=window)  # asks for 1040x760
    qtbot.addWidget(editor)
    editor.show()
    QApplication.processEvents()
    frame = editor.frameGeometry()
    assert frame.width() <= screen.width() and frame.height() <= screen.height()
    assert editor.size().boundedTo(QSize(1040, 760)) == editor.size()
    assert (frame.center() - window.frameGeometry().center()).manhattanLength() <= 2
    # and on a smaller screen than asked for, the size is the screen's less the frame
    fit_to_screen(editor, 5000, 5000)
    assert editor.width() == screen.width() - SCREEN_MARGIN
    assert editor.height() == screen.height() - SCREEN_MARGIN
    editor.reject()


def test_a_new_search_clears_the_scan_error_and_the_detail(qtbot: QtBot, demo_db: Database) -> None:
    window = open_window(qtbot, AppContext(demo_db, actor(demo_db, "zhang")))
    window.show_view("samples")
    view = window.findChild(SamplesView)
    assert view is not None
    view.scan("CE5C0400YJFM00503")
    assert view.detail.title.text() == "CE5C0400YJFM00503"
    view.scan("NO-SUCH-NUMBER")
    assert view.scan_message.isVisible()
    view.search_field.setText("CE5C0600")
    view.search_field.flush()
    assert not view.scan_message.isVisible() and view.scan_message.text() == ""
    assert view.detail.title.text() == ""  # the tree was searched afresh: nothing selected


def test_widths_the_person_dragged_are_kept_and_the_fitters_are_not(
    qtbot: QtBot, demo_db: Database
) -> None:
    def pane() -> ListPane:
        made = ListPane(demo_db, LOANS, search_hint="Search loans")
        qtbot.addWidget(made)
        made.resize(900, 300)
        made.show()
        QApplication.processEvents()
        return made

    first = pane()
    assert not first.columns.hand_sized
    fitted = first.table.horizontalHeader().sectionSize(1)
    assert pane().table.horizontalHeader().sectionSize(1) == fitted  # fitted again, not kept
    first.columns.hand_sized = True  # as a drag on the header's edge sets it
    first.table.horizontalHeader().resizeSection(1, fitted + 77)
    again = pane()
    assert again.columns.hand_sized
    assert again.table.horizontalHeader().sectionSize(1) == fitted + 77
