"""The dashboard's reminders: what is owed by a date (loans due back, and whatever other
features add as sources in domain/queries/reminders.py), by escalation tier, each with the
person to write to. Sorted by a click on a heading, searched over every column; a double
click or Enter opens the loan; the addresses shown copy as one e-mail list, the rows save as CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.reminders import TIER_STARTS, Reminder, kind_label, tier_label
from ..columns import fit_columns
from ..locale_format import date_text
from ..operations import Operations
from ..tables import Cell, SearchableTable
from ..translation import Translator, translated
from ..widgets import write_text_file
from .widgets import TIER_COLOURS, days_text

_dashboard_reminders = Translator("_dashboard_reminders")

# Escalation order, mildest first: a click on the Tier heading sorts by it.
TIER_ORDER = [tier for tier, _first_day in TIER_STARTS]
SUBJECT_COLUMN = 7
ELIDED_COLUMNS = (5, 6, SUBJECT_COLUMN)  # institution, contact, what is owed


class RemindersPanel(QGroupBox):
    """``show_reminders`` fills it; ``opened("loan", number)`` on a double click or Enter."""

    opened = Signal(str, str)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remindersPanel")
        self.ops = ops
        self.found: list[Reminder] = []
        self.today: date | None = None
        self.table = SearchableTable(
            "reminders",
            [
                _dashboard_reminders.tr("Tier"),
                _dashboard_reminders.tr("Kind"),
                _dashboard_reminders.tr("Loan"),
                _dashboard_reminders.tr("Due"),
                _dashboard_reminders.tr("When"),
                _dashboard_reminders.tr("Institution"),
                _dashboard_reminders.tr("Contact"),
                _dashboard_reminders.tr("What is owed"),
            ],
            nouns=(
                _dashboard_reminders.tr("reminder", "counted"),
                _dashboard_reminders.tr("reminders", "counted"),
            ),
            search_hint=_dashboard_reminders.tr(
                "Search: tier, kind, loan, institution, person, e-mail"
            ),
        )
        self.table.activated.connect(self._open)
        # as the dashboard's other tables: nothing scrolls sideways on a laptop; the names,
        # the addresses and what is owed shorten (whole in the tooltip), the rest stays whole
        fit_columns(self.table.table, spare=SUBJECT_COLUMN, elide=ELIDED_COLUMNS)
        self.copy_button = QPushButton(_dashboard_reminders.tr("Copy e-mail list"))
        self.copy_button.setObjectName("copyReminderEmails")
        self.copy_button.setToolTip(
            _dashboard_reminders.tr(
                "Copy the addresses of the people to contact (the rows shown), one list to "
                "paste into a message"
            )
        )
        self.copy_button.clicked.connect(lambda _=False: self.copy_emails())
        self.save_button = QPushButton(_dashboard_reminders.tr("Export CSV…"))
        self.save_button.setObjectName("exportRemindersCsv")
        self.save_button.setToolTip(
            _dashboard_reminders.tr("Save the reminders shown as a CSV file")
        )
        self.save_button.clicked.connect(lambda _=False: self.save())
        # the buttons beside the table's search box and count: one row less on a laptop
        table_layout = self.table.layout()
        search_bar = table_layout.itemAt(0) if table_layout is not None else None
        bar = search_bar.layout() if search_bar is not None else None
        if not isinstance(bar, QHBoxLayout):
            raise TypeError("SearchableTable's first row is its search bar")
        bar.addWidget(self.copy_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)

    def show_reminders(self, found: list[Reminder], today: date) -> None:
        """``found``: most overdue first (the order until a heading is clicked)."""
        self.found = found
        self.today = today
        self.table.set_rows([_row(reminder) for reminder in found])
        for row, reminder in enumerate(found):
            tint = TIER_COLOURS.get(reminder.tier)
            if tint:
                for column in range(self.table.model.columnCount()):
                    item = self.table.model.item(row, column)
                    if item is not None:
                        item.setBackground(QBrush(QColor(tint)))
        counts = [
            _dashboard_reminders.tr("{tier}: {count}").format(
                tier=translated(tier_label(tier)),
                count=sum(1 for r in found if r.tier == tier),
            )
            for tier in reversed(TIER_ORDER)
            if any(r.tier == tier for r in found)
        ]
        # the counts by tier in the title, so a glance at the box says how bad it is
        self.setTitle(
            _dashboard_reminders.tr("Reminders: {counts}").format(counts=" · ".join(counts))
            if counts
            else _dashboard_reminders.tr(
                "Reminders: nothing is owed within 30 days, and nothing is late."
            )
        )
        self.copy_button.setEnabled(bool(found))
        self.save_button.setEnabled(bool(found))

    def _open(self, row: int) -> None:
        self.opened.emit("loan", self.found[row].item.loan_number)

    def emails(self) -> str:
        """The people to contact of the rows shown, each once, as a mail client takes them:
        "Name <address>, Name <address>"."""
        seen: dict[str, str] = {}
        for row in self.table.shown_rows():
            item = self.found[row].item
            if item.contact_email and item.contact_email not in seen:
                seen[item.contact_email] = item.contact
        return ", ".join(seen.values())

    def copy_emails(self) -> str:
        text = self.emails()
        QApplication.clipboard().setText(text)
        return text

    def save(self, path: Path | None = None) -> Path | None:
        """Save the rows shown as CSV (asking where when ``path`` is None)."""
        if path is None:
            start = Path.home() / f"reminders-{self.today or date.today()}.csv"
            name, _ = QFileDialog.getSaveFileName(
                self,
                _dashboard_reminders.tr("Export the reminders"),
                str(start),
                _dashboard_reminders.tr("CSV files (*.csv)"),
            )
            if not name:
                return None
            path = Path(name)
            if path.suffix.lower() != ".csv":
                path = path.with_name(path.name + ".csv")
        text = self.table.csv_text()
        target = path
        return self.ops.value(
            self,
            _dashboard_reminders.tr("Export the reminders"),
            lambda _progress: write_text_file(target, text),
            changes=False,
        )


def _row(reminder: Reminder) -> list[Cell]:
    item = reminder.item
    return [
        (translated(tier_label(reminder.tier)), TIER_ORDER.index(reminder.tier)),
        translated(kind_label(item.kind)),
        item.loan_number,
        (date_text(item.due_on), item.due_on.toordinal()),
        (days_text(-reminder.days_late), reminder.days_late),
        item.institution,
        item.contact,
        translated(item.subject),
    ]
