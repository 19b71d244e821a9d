"""The dashboard: what needs attention today, counted in big numbers with the most urgent
records listed underneath. A double click asks the main window to open the record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import queries
from ...domain.masses import format_mass
from ...domain.queries import DUE_TIERS, Dashboard
from ..context import AppContext
from ..tablemodel import local_time, status_label
from .base import View

# Row tints by urgency: the later a loan is, the redder its row.
TIER_COLOURS = {
    "due_30": None,
    "due_7": "#fff8e1",
    "overdue_7": "#ffe0b2",
    "overdue_30": "#ffcdd2",
    "overdue_more": "#ef9a9a",
}
# The tiles are narrow: short words, the full sentence in the tooltip.
TIER_SHORT = {
    "due_30": "due in 8–30 days",
    "due_7": "due in 1–7 days",
    "overdue_7": "due today or 1–7 days late",
    "overdue_30": "8–30 days late",
    "overdue_more": "over 30 days late",
}
RECORD = Qt.ItemDataRole.UserRole  # (kind, number) of the record a row opens


def age_text(age: timedelta) -> str:
    """'3 d 4 h', '5 h 10 min', '12 min': how long something has waited."""
    minutes = max(0, int(age.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min"


def days_text(days_left: int) -> str:
    if days_left == 0:
        return "due today"
    if days_left < 0:
        return f"{-days_left} day{'s' if days_left != -1 else ''} overdue"
    return f"in {days_left} day{'s' if days_left != 1 else ''}"


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
        self.number.setText(f"{count:,}")
        colour = "#b00020" if alarm and count else "#202124"
        self.number.setStyleSheet(f"color: {colour};")


class RecordTable(QTableWidget):
    """A short read-only list whose rows open a record on double click or Enter."""

    opened = Signal(str, str)

    def __init__(
        self, name: str, headers: list[str], *, stretch: int, right: tuple[int, ...] = ()
    ) -> None:
        super().__init__(0, len(headers))
        self.setObjectName(name)
        self.right = right
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        # Numbers and dates keep their width; one text column takes what is left.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.cellDoubleClicked.connect(lambda row, _column: self.open_row(row))

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


class DashboardView(View):
    """Packages in transit, loans by due tier, open discrepancies, annual inventories.

    ``open_record(kind, number)`` (kind: "loan", "transfer", "discrepancy" or "aliquot")
    asks the main window to show that record.
    """

    title = "Dashboard"
    open_record = Signal(str, str)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("dashboardView")
        self.today = today
        self.data: Dashboard | None = None

        self.transit_card = Card("In transit", "inTransit", "packages with a courier")
        self.overdue_card = Card("Overdue loans", "overdue", "past due with material out")
        self.discrepancy_card = Card(
            "Open discrepancies", "discrepancies", "receipts for a curator to resolve"
        )
        self.inventory_card = Card(
            "Inventories due", "inventories", "annual inventories in the next 30 days"
        )
        cards = QHBoxLayout()
        for card in (
            self.transit_card,
            self.overdue_card,
            self.discrepancy_card,
            self.inventory_card,
        ):
            cards.addWidget(card)

        self.in_transit = RecordTable(
            "inTransitTable",
            ["Transfer", "Courier", "Since release", "From", "To", "Items"],
            stretch=3,
            right=(2, 5),
        )
        self.due = RecordTable(
            "dueTable",
            ["Loan", "Due", "When", "Borrower", "Principal investigator", "Items out"],
            stretch=3,
            right=(5,),
        )
        self.discrepancies = RecordTable(
            "discrepancyTable",
            ["#", "Transfer", "Aliquot", "Kind", "Raised", "Waiting"],
            stretch=3,
            right=(0, 5),
        )
        self.inventories = RecordTable(
            "inventoryTable",
            ["Loan", "Anniversary", "In", "Borrower", "Started", "Items out"],
            stretch=3,
            right=(5,),
        )
        for table in (self.in_transit, self.due, self.discrepancies, self.inventories):
            table.opened.connect(self.open_record)

        self.tiers: dict[str, QLabel] = {}
        tier_bar = QHBoxLayout()
        tier_bar.setSpacing(6)
        for key, label, _low, _high in DUE_TIERS:
            tile = QLabel()
            tile.setObjectName(f"tier_{key}")
            tile.setToolTip(label)
            tile.setAlignment(Qt.AlignmentFlag.AlignCenter)
            tile.setWordWrap(True)
            tile.setMinimumHeight(48)
            background = TIER_COLOURS[key] or "#f1f3f4"
            tile.setStyleSheet(
                f"background: {background}; border: 1px solid #dadce0; border-radius: 4px; "
                "padding: 2px 4px;"
            )
            self.tiers[key] = tile
            tier_bar.addWidget(tile, 1)

        self.footers: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setSpacing(10)
        grid.addWidget(self._box("Packages in transit, oldest first", self.in_transit), 0, 0)
        grid.addWidget(self._box("Loans by due date", self.due, tier_bar), 0, 1)
        grid.addWidget(self._box("Open discrepancies, oldest first", self.discrepancies), 1, 0)
        grid.addWidget(self._box("Annual inventories due", self.inventories), 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.as_of = QLabel()
        self.as_of.setObjectName("asOfLabel")
        self.as_of.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addLayout(cards)
        layout.addLayout(grid, 1)
        layout.addWidget(self.as_of)
        self.refresh()

    def _box(self, title: str, table: RecordTable, above: QHBoxLayout | None = None) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        if above is not None:
            layout.addLayout(above)
        layout.addWidget(table, 1)
        footer = QLabel()
        footer.setObjectName(f"{table.objectName()}Footer")
        footer.setStyleSheet("color: #5f6368;")
        footer.setVisible(False)
        layout.addWidget(footer)
        self.footers[table.objectName()] = footer
        return box

    def _footer(self, table: RecordTable, shown: int, total: int, empty: str) -> None:
        footer = self.footers[table.objectName()]
        if total == 0:
            footer.setText(empty)
        elif shown < total:
            footer.setText(f"The {shown} most urgent of {total:,}.")
        footer.setVisible(total == 0 or shown < total)

    # ------------------------------------------------------------------ View

    def refresh(self) -> None:
        today = self.today()
        data = queries.dashboard(self.ctx.db, today)
        self.data = data
        self.transit_card.set_count(data.in_transit_count)
        self.overdue_card.set_count(data.overdue_count, alarm=True)
        self.discrepancy_card.set_count(data.open_discrepancy_count, alarm=True)
        self.inventory_card.set_count(data.inventory_count)

        self.in_transit.set_rows(
            [
                (
                    ("transfer", row.number),
                    [
                        row.number,
                        row.courier,
                        age_text(row.age),
                        row.from_institution,
                        row.to_institution,
                        str(row.items),
                    ],
                )
                for row in data.in_transit
            ]
        )
        self._footer(
            self.in_transit, len(data.in_transit), data.in_transit_count, "Nothing in transit."
        )

        for key, *_ in DUE_TIERS:
            self.tiers[key].setText(
                f"<b style='font-size:15pt'>{data.due_counts[key]}</b><br>{TIER_SHORT[key]}"
            )
        self.due.set_rows(
            [
                (
                    ("loan", row.number),
                    [
                        row.number,
                        row.due_on.isoformat(),
                        days_text(row.days_left),
                        row.borrower,
                        row.principal_investigator,
                        str(row.outstanding_items),
                    ],
                )
                for row in data.due_loans
            ],
            [TIER_COLOURS[row.tier] for row in data.due_loans],
        )
        self._footer(
            self.due,
            len(data.due_loans),
            sum(data.due_counts.values()),
            "No loan with material out is due within 30 days.",
        )

        self.discrepancies.set_rows(
            [
                (
                    ("discrepancy", str(row.id)),
                    [
                        str(row.id),
                        row.transfer_number,
                        row.aliquot_number or "whole package",
                        self._kind(row),
                        local_time(row.raised_at),
                        f"{(today - row.raised_at.astimezone().date()).days} d",
                    ],
                )
                for row in data.open_discrepancies
            ]
        )
        self._footer(
            self.discrepancies,
            len(data.open_discrepancies),
            data.open_discrepancy_count,
            "No discrepancy is waiting.",
        )

        self.inventories.set_rows(
            [
                (
                    ("loan", row.number),
                    [
                        row.number,
                        row.anniversary.isoformat(),
                        days_text((row.anniversary - today).days).replace("due today", "today"),
                        row.borrower,
                        row.starts_on.isoformat(),
                        str(row.outstanding_items),
                    ],
                )
                for row in data.inventories
            ]
        )
        self._footer(
            self.inventories,
            len(data.inventories),
            data.inventory_count,
            "No annual inventory falls in the next 30 days.",
        )
        self.as_of.setText(
            f"As of {today.isoformat()}. Double-click a row to open the record; "
            "annual inventories follow the anniversary of each loan's start date."
        )
        self.stale = False

    @staticmethod
    def _kind(row: queries.DiscrepancyRow) -> str:
        if row.kind == "mass" and row.expected_mass_ug is not None:
            difference = (row.measured_mass_ug or 0) - row.expected_mass_ug
            sign = "+" if difference > 0 else ""
            return f"mass {sign}{format_mass(difference)}"
        return status_label(row.kind)
