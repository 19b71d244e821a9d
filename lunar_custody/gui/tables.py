"""The one set of helpers for the small read-only tables of detail panes and dialogs, and
the searchable in-memory table of findings and certificates (the long lists are lazy
models: tablemodel.py)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Collection, Sequence

from PySide6.QtCore import QMetaMethod, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .columns import RowTableWidget, fit_columns
from .locale_format import count_text
from .translation import Translator
from .widgets import SearchField, list_count

_tables = Translator("_tables")

ROW_HEIGHT = 24


def read_only_table(
    name: str, columns: Sequence[str], *, elide: Collection[int] | None = None
) -> QTableWidget:
    """A table of whole rows, one selected at a time, nothing edited in place; its columns
    sized by a ``ColumnFitter`` (``elide``: the columns of names and free text that may
    elide in a narrow pane; None: all but the first and the numbers)."""
    table = RowTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(columns))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    fit_columns(table, elide=elide)
    return table


def cell(text: str, *, number: bool = False, bold: bool = False) -> QTableWidgetItem:
    """A cell; ``number`` right-aligns it (masses), ``bold`` for totals. Its tooltip is its
    text, whole when the column elides it."""
    item = QTableWidgetItem(text)
    if text:
        item.setToolTip(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


# A cell: its text, or its text and the key it sorts by (a number sorts as a number).
Cell = str | tuple[str, int]
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
WIDEST_COLUMN = 360  # px: a fitted column leaves room for the last one's text
FIT_SAMPLE = 2000  # rows measured to fit the columns
CELL_PADDING = 16  # px: a cell's margins
SORT_ARROW = 28  # px: a heading's room for the sort indicator


def monospace(point_size: int = 0) -> QFont:
    """The fixed-width font fingerprints and hashes are shown in (read aloud, compared)."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    if point_size:
        font.setPointSize(point_size)
    return font


class _OpeningTableView(QTableView):
    """Enter on the current row opens it as a double click does (the dashboard's other
    tables do the same), when ``opens`` says someone opens rows; otherwise Enter goes on
    to the dialog around it (its default button)."""

    entered = Signal(QModelIndex)

    def __init__(self, opens: Callable[[], bool]) -> None:
        super().__init__()
        self.opens = opens

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and index.isValid() and self.opens():
            self.entered.emit(index)
            return
        super().keyPressEvent(event)


class SearchableTable(QWidget):
    """A small table held in memory (findings, certificates): sorted by a click on any
    column, filtered by a search box over every column, with a count, and copied or saved
    as text. ``activated`` gives the row (as given to ``set_rows``) double-clicked, or the
    current one on Enter."""

    activated = Signal(int)

    def __init__(
        self,
        name: str,
        columns: Sequence[str],
        *,
        nouns: tuple[str, str],
        search_hint: str,
        fixed_width: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.columns = list(columns)
        self.fixed_width = frozenset(fixed_width)  # columns in monospace (fingerprints)
        self.nouns = nouns  # ("finding", "findings")
        self.rows: list[list[str]] = []
        self.model = QStandardItemModel(0, len(columns), self)
        self.model.setHorizontalHeaderLabels(self.columns)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)  # a match in any column keeps the row
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SORT_ROLE)
        self.search_field = SearchField(search_hint)
        self.search_field.search.connect(self._search)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.table = _OpeningTableView(self._opens_rows)
        self.table.setObjectName(f"{name}Table")
        self.table.setModel(self.proxy)
        # in the order given until a heading is clicked
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        self.table.doubleClicked.connect(self._activated)
        self.table.entered.connect(self._activated)
        copy = QAction(_tables.tr("Copy"), self.table)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(lambda _=False: self.copy())
        self.table.addAction(copy)

        bar = QHBoxLayout()
        bar.addWidget(self.search_field, 1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def set_rows(self, rows: Sequence[Sequence[Cell]]) -> None:
        """Show ``rows`` (the sort and the search stay as they are)."""
        self.rows = []
        self.model.removeRows(0, self.model.rowCount())
        for number, row in enumerate(rows):
            items = []
            texts = []
            for column, value in enumerate(row):
                text, key = value if isinstance(value, tuple) else (value, value.casefold())
                item = QStandardItem(text)
                if column in self.fixed_width:
                    item.setFont(monospace())
                item.setData(key, SORT_ROLE)
                item.setToolTip(text)
                items.append(item)
                texts.append(text)
            items[0].setData(number, ROW_ROLE)
            self.model.appendRow(items)
            self.rows.append(texts)
        self._fit_columns()
        self._show_count()

    def _fit_columns(self) -> None:
        """Every column but the last as wide as its widest text (of the first rows, all of
        them, not only those the search shows), within WIDEST_COLUMN."""
        header = self.table.horizontalHeader()
        plain = self.table.fontMetrics()
        fixed = QFontMetrics(monospace())
        sample = self.rows[:FIT_SAMPLE]
        for column in range(len(self.columns) - 1):
            metrics = fixed if column in self.fixed_width else plain
            widest = max((metrics.horizontalAdvance(row[column]) for row in sample), default=0)
            heading = header.fontMetrics().horizontalAdvance(self.columns[column]) + SORT_ARROW
            header.resizeSection(column, min(max(widest + CELL_PADDING, heading), WIDEST_COLUMN))

    def _search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._show_count()

    def _show_count(self) -> None:
        shown, total = self.proxy.rowCount(), len(self.rows)
        noun = self.nouns[0] if total == 1 else self.nouns[1]
        if shown == total:
            self.count_label.setText(list_count(total, noun))
        else:
            self.count_label.setText(
                _tables.tr("{shown} of {total} {noun}").format(
                    shown=count_text(shown), total=count_text(total), noun=noun
                )
            )

    def _opens_rows(self) -> bool:
        return self.isSignalConnected(QMetaMethod.fromSignal(self.activated))

    def _activated(self, index: QModelIndex) -> None:
        self.activated.emit(self.row_of(index.row()))

    def row_of(self, shown: int) -> int:
        """The row (as given) shown at line ``shown`` of the table."""
        return int(self.proxy.index(shown, 0).data(ROW_ROLE))

    def shown_rows(self) -> list[int]:
        """The rows the search keeps, in the table's order."""
        return [self.row_of(line) for line in range(self.proxy.rowCount())]

    def selected_rows(self) -> list[int]:
        lines = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.row_of(line) for line in lines]

    def current_row(self) -> int | None:
        index = self.table.currentIndex()
        return self.row_of(index.row()) if index.isValid() else None

    def as_text(self, rows: Sequence[int]) -> str:
        """The heading and ``rows``, tab-separated, a line each (pastes into a spreadsheet)."""
        lines = [self.columns, *(self.rows[row] for row in rows)]
        return "\n".join("\t".join(cells) for cells in lines) + "\n"

    def copy(self) -> str:
        """Copy the selected rows, or all shown when none is selected; the text copied."""
        text = self.as_text(self.selected_rows() or self.shown_rows())
        QApplication.clipboard().setText(text)
        return text

    def csv_text(self) -> str:
        """The rows shown (searched, sorted) as CSV with a heading (read on the GUI thread,
        written by the caller's work)."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(self.columns)
        writer.writerows(self.rows[row] for row in self.shown_rows())
        return out.getvalue()
