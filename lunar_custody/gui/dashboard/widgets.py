"""The dashboard's pieces: big-number cards, short record tables that open a record, and
the words for ages and due dates."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QStyle,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...domain.reminders import ReminderTier
from ..columns import NARROWEST_TEXT, RowTableWidget, fit_columns
from ..locale_format import count_text
from ..translation import Translator

_dashboard_widgets = Translator("_dashboard_widgets")

# Row tints by reminder tier (domain/reminders.py): the later, the redder.
TIER_COLOURS: dict[ReminderTier, str | None] = {
    ReminderTier.IN_30_DAYS: None,
    ReminderTier.IN_7_DAYS: "#fff8e1",
    ReminderTier.DUE: "#ffe0b2",
    ReminderTier.LATE_7_DAYS: "#ffcdd2",
    ReminderTier.LATE_30_DAYS: "#ef9a9a",
    ReminderTier.LATE_OVER_60_DAYS: "#e57373",
}
RECORD = Qt.ItemDataRole.UserRole  # (kind, number) of the record a row opens


def age_text(age: timedelta) -> str:
    """'3 d 4 h', '5 h 10 min', '12 min': how long something has waited."""
    minutes = max(0, int(age.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return _dashboard_widgets.tr("{days} d {hours} h").format(days=days, hours=hours)
    if hours:
        return _dashboard_widgets.tr("{hours} h {minutes} min").format(hours=hours, minutes=minutes)
    return _dashboard_widgets.tr("{minutes} min").format(minutes=minutes)


def days_text(days_left: int, *, due: bool = True) -> str:
    """'in 3 day(s)', '2 day(s) overdue'; day 0 is 'due today' (``due``) or 'today'."""
    if days_left == 0:
        return _dashboard_widgets.tr("due today") if due else _dashboard_widgets.tr("today")
    if days_left < 0:
        return _dashboard_widgets.tr("%n day(s) overdue", "", -days_left)
    return _dashboard_widgets.tr("in %n day(s)", "", days_left)


class Card(QFrame):
    """A big number with what it counts."""

    def __init__(self, title: str, name: str, hint: str) -> None:
        super().__init__()
        self.setObjectName(f"{name}Card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#{name}Card {{ background: white; border: 1px solid #dadce0; "
            "border-radius: 6px; }"
        )
        self.number = QLabel("0")
        self.number.setObjectName(f"{name}Count")
        font = QFont(self.number.font())
        font.setPointSizeF(font.pointSizeF() * 2.6)
        font.setBold(True)
        self.number.setFont(font)
        caption = QLabel(title)
        caption.setStyleSheet("color: #3c4043; font-weight: bold;")
        self.hint = QLabel(hint)
        self.hint.setStyleSheet("color: #5f6368;")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(caption)
        layout.addWidget(self.number)
        layout.addWidget(self.hint)

    def set_count(self, count: int, *, alarm: bool = False) -> None:
        self.number.setText(count_text(count))
        colour = "#b00020" if alarm and count else "#202124"
        self.number.setStyleSheet(f"color: {colour};")


class RecordTable(RowTableWidget):
    """A short read-only list whose rows open a record on double click or Enter."""

    opened = Signal(str, str)

    def __init__(
        self,
        name: str,
        headers: list[str],
        *,
        stretch: int,
        right: tuple[int, ...] = (),
        elide: tuple[int, ...] | None = None,
    ) -> None:
        super().__init__(0, len(headers))
        self.setObjectName(name)
        self.right = right
        self.elide = tuple(elide or ())
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        # Numbers and dates keep their width (``elide``: the names that may shorten); the
        # ``stretch`` column takes what is left.
        fit_columns(self, spare=stretch, elide=elide)
        self.cellDoubleClicked.connect(lambda row, _column: self.open_row(row))

    def least_width(self) -> int:
        """The narrowest this table shows all its columns without scrolling sideways: the
        key column, numbers and times whole, the names (``elide``) shortened as the column
        fitter shortens them; room kept for a vertical scroll bar."""
        header = self.horizontalHeader()
        total = 0
        for column in range(self.columnCount()):
            wanted = max(self.sizeHintForColumn(column), header.sectionSizeHint(column))
            total += min(wanted, NARROWEST_TEXT) if column in self.elide else wanted
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return total + 2 * self.frameWidth() + scroll_bar

    def set_rows(
        self,
        rows: list[tuple[tuple[str, str], list[str]]],
        tints: list[str | None] | None = None,
    ) -> None:
        """``rows``: ((kind, number) to open, cell texts); ``tints``: row backgrounds."""
        self.setRowCount(0)
        self.setRowCount(len(rows))
        for r, (record, cells) in enumerate(rows):
            tint = tints[r] if tints else None
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # whole, when its column elides it
                if c in self.right:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if c == 0:
                    item.setData(RECORD, record)
                if tint:
                    item.setBackground(QBrush(QColor(tint)))
                self.setItem(r, c, item)

    def record(self, row: int) -> tuple[str, str] | None:
        item = self.item(row, 0)
        value = item.data(RECORD) if item is not None else None
        return (str(value[0]), str(value[1])) if value else None

    def open_row(self, row: int) -> None:
        record = self.record(row)
        if record is not None:
            self.opened.emit(*record)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.open_row(self.currentRow())
            return
        super().keyPressEvent(event)
