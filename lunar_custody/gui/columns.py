"""The one way a list sizes its columns and keeps its key column in view (every list view,
tree and detail table uses it)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTreeView,
)

FIT_ROWS = 200  # rows measured beyond those in view (one page of a lazy list)
FEW_ROWS = 20  # cells changed in so many rows or fewer are measured alone (see _cells_changed)
NARROWEST_TEXT = 90  # px: a text column elides no narrower than this

# The header data a model answers True for a column that may elide (names, free text) and
# False for one that must not (numbers of records, times); unanswered, a column may elide
# unless it is the first or holds numbers.
ELIDABLE_ROLE = Qt.ItemDataRole.UserRole + 40

ItemView = QTableView | QTreeView


class ColumnFitter(QObject):
    """The one way a list sizes its columns, so every column a person reads stays readable.

    Every column gets the width its content and heading need when the view is wide enough.
    When it is not, the first column (the record's number, its key) and the numbers (masses
    with their unit, counts) keep theirs, and the text columns (names, purposes, notes)
    share what is left, the longest eliding (their whole text is in the tooltip). Widths
    follow the content and the view's width until the person drags a column; then theirs
    stay. A click on a row never scrolls the view sideways (see ``RowTableView``), so the
    key column is not scrolled away. The view has its model before the fitter is made.
    """

    def __init__(
        self, view: ItemView, *, spare: int | None = None, elide: Collection[int] | None = None
    ) -> None:
        super().__init__(view)
        self.view = view
        self.spare = spare  # the column that takes the width left over (None: the last)
        self.elide = elide  # the columns that may elide (None: as the model says)
        self.header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        self.hand_sized = False  # the person dragged a column: stop fitting
        self._wanted: list[int] = []
        self._squeezable: list[int] = []
        self._fitting = False
        self._measure_pending = False
        # A lazy list of 200,000 rows is measured on its rows in view and FIT_ROWS more,
        # not Qt's 1,000, so fetching the next page while scrolling stays quick.
        self.header.setResizeContentsPrecision(FIT_ROWS)
        self.header.setStretchLastSection(False)
        self.header.setTextElideMode(Qt.TextElideMode.ElideRight)  # "Principal inv…"
        self.header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.header.sectionResized.connect(self._resized)
        view.viewport().installEventFilter(self)
        self._watch(view.model())
        if isinstance(view, QTreeView):  # rows shown change without the model changing
            view.expanded.connect(self._changed)
            view.collapsed.connect(self._changed)
        self.remeasure()

    def _watch(self, model: Any) -> None:
        """Refit when ``model``'s rows or cells change."""
        if model is None:
            return
        signals = (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged)
        for signal in signals:
            signal.connect(self._changed)
        model.dataChanged.connect(self._cells_changed)

    def remeasure(self) -> None:
        """Measure the content again, once the current burst of changes is over."""
        if not self._measure_pending:
            self._measure_pending = True
            QTimer.singleShot(0, self, self.fit_now)  # not at all once the view is gone

    def _changed(self, *_: Any) -> None:
        self.remeasure()

    def _cells_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_: Any) -> None:
        """A few cells changed (a scan ticks one row of 500): a column grows to fit them,
        without measuring every row again; more cells, before a fit, or a tree (its first
        column's width includes each row's indentation), measure all."""
        rows = range(top_left.row(), bottom_right.row() + 1)
        columns = range(top_left.column(), bottom_right.column() + 1)
        wanted = self._wanted
        if (
            self._measure_pending
            or self.hand_sized
            or len(rows) > FEW_ROWS
            or isinstance(self.view, QTreeView)
            or len(wanted) != self.header.count()
        ):
            self.remeasure()
            return
        grid = 1 if self.view.showGrid() else 0  # QTableView's sizeHintForColumn adds it
        grown = False
        for column in columns:
            if self.header.isSectionHidden(column):
                continue
            for row in rows:
                index = top_left.siblingAtRow(row).siblingAtColumn(column)
                width = self.view.sizeHintForIndex(index).width() + grid
                if width > wanted[column]:
                    wanted[column], grown = width, True
        if grown:
            self._lay_out_wanted(self.view.model())

    def fit_now(self) -> None:
        self._measure_pending = False
        model = self.view.model()
        if self.hand_sized or model is None:
            return
        header = self.header
        self._wanted = [
            0
            if header.isSectionHidden(column)
            else max(self.view.sizeHintForColumn(column), header.sectionSizeHint(column))
            for column in range(header.count())
        ]
        self._lay_out_wanted(model)

    def _lay_out_wanted(self, model: QAbstractItemModel) -> None:
        """Lay the columns out at their wanted widths; the wide text ones may be squeezed."""
        self._squeezable = [
            column
            for column in range(1, self.header.count())
            if self._wanted[column] > NARROWEST_TEXT and self._may_elide(model, column)
        ]
        self._lay_out()

    def _may_elide(self, model: QAbstractItemModel, column: int) -> bool:
        """Names and free text may elide; the key column, numbers of records, times and
        masses (with their unit) never do."""
        if self.elide is not None:
            return column in self.elide
        said = model.headerData(column, Qt.Orientation.Horizontal, ELIDABLE_ROLE)
        if said is not None:
            return bool(said)
        return not _right_aligned(model, column)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and not self.hand_sized:
            self._lay_out()
        return False

    def _lay_out(self) -> None:
        wanted = self._wanted
        if not wanted or len(wanted) != self.header.count():
            return
        widths = list(wanted)
        extra = self.view.viewport().width() - sum(wanted)
        if extra >= 0:  # all fit: the spare column (or the last shown) takes the rest
            shown = [c for c, w in enumerate(wanted) if w > 0]
            if self.spare in shown:
                widths[self.spare] += extra
            elif shown:
                widths[shown[-1]] += extra
        else:
            # The text columns share the room the others leave, the narrowest whole first,
            # so only the longest names elide (each to no less than NARROWEST_TEXT).
            room = sum(wanted[c] for c in self._squeezable) + extra
            pending = sorted(self._squeezable, key=lambda c: wanted[c])
            while pending:
                share = room // len(pending)
                column = pending.pop(0)
                widths[column] = max(NARROWEST_TEXT, min(wanted[column], share))
                room -= widths[column]
        self._fitting = True
        try:
            for column, width in enumerate(widths):
                if width > 0 and self.header.sectionSize(column) != width:
                    self.header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _resized(self, _column: int, _old: int, _new: int) -> None:
        # a drag by the person (not the fitter, nor Qt laying out the header)
        if not self._fitting and QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self.hand_sized = True


def _right_aligned(model: QAbstractItemModel, column: int) -> bool:
    """Whether ``column`` holds numbers (its first cell is right-aligned)."""
    alignment = model.index(0, column).data(Qt.ItemDataRole.TextAlignmentRole)
    return alignment is not None and bool(
        Qt.AlignmentFlag(int(alignment)) & Qt.AlignmentFlag.AlignRight
    )


def fit_columns(
    view: ItemView, *, spare: int | None = None, elide: Collection[int] | None = None
) -> ColumnFitter:
    """Size ``view``'s columns with a ``ColumnFitter`` (see there); the fitter."""
    return ColumnFitter(view, spare=spare, elide=elide)


ENSURE_VISIBLE = QAbstractItemView.ScrollHint.EnsureVisible
# Keys that move along a row: only they scroll a row sideways (to the cell they reach).
SIDEWAYS_KEYS = frozenset({Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End})
SIDEWAYS = "sidewaysAllowed"  # the view's property while such a key is handled


def _keep_sideways(view: QAbstractItemView, scroll: Any, index: Any, hint: Any) -> None:
    """Scroll to ``index``'s row but not sideways: a row is selected whole, so a click on
    its far cell (or Up and Down after it) must not push the key column off the left edge.
    Left and Right, which move along the row, do scroll to the cell they reach."""
    if view.property(SIDEWAYS):
        scroll(index, hint)
        return
    bar = view.horizontalScrollBar()
    position = bar.value()
    scroll(index, hint)
    bar.setValue(position)


def _key_pressed(view: QAbstractItemView, press: Any, event: QKeyEvent) -> None:
    view.setProperty(SIDEWAYS, event.key() in SIDEWAYS_KEYS)
    try:
        press(event)
    finally:
        view.setProperty(SIDEWAYS, False)


class RowTableView(QTableView):
    """A table of whole rows whose key column a click never scrolls away."""

    def scrollTo(self, index: Any, hint: QAbstractItemView.ScrollHint = ENSURE_VISIBLE) -> None:
        _keep_sideways(self, super().scrollTo, index, hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        _key_pressed(self, super().keyPressEvent, event)


class RowTableWidget(QTableWidget):
    """``RowTableView`` for a table filled item by item."""

    def scrollTo(self, index: Any, hint: QAbstractItemView.ScrollHint = ENSURE_VISIBLE) -> None:
        _keep_sideways(self, super().scrollTo, index, hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        _key_pressed(self, super().keyPressEvent, event)


class RowTreeView(QTreeView):
    """``RowTableView`` for a tree."""

    def scrollTo(self, index: Any, hint: QAbstractItemView.ScrollHint = ENSURE_VISIBLE) -> None:
        _keep_sideways(self, super().scrollTo, index, hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        _key_pressed(self, super().keyPressEvent, event)
