"""The dashboard: what needs attention today, counted in big numbers with the most urgent
records listed underneath. A double click asks the main window to open the record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import clock, queries
from ...domain.queries import Dashboard, InventoryRow
from ...domain.reminders import TIER_STARTS, ReminderTier, tier_label, tier_span
from ...exchange.partners import list_partners, partner_status
from ..context import AppContext
from ..locale_format import count_text, date_text, mass_text
from ..tablemodel import local_time, status_label
from ..translation import Translator, translated
from ..view import View
from .partners import PartnerPanel
from .reminders import RemindersPanel
from .widgets import (
    TIER_COLOURS,
    Card,
    RecordTable,
    age_text,
    days_text,
)

PANEL_FRAME = 4  # px: a group box's frame, on both sides
VIEW_MARGIN = 10  # px: around the dashboard

_dashboard_view = Translator("_dashboard_view")


class DashboardView(View):
    """Packages in transit, loans by due tier, open discrepancies, annual inventories, and
    the reminders of everything owed by a date (reminders.py).

    ``open_record(kind, number)`` (kind: "loan", "transfer", "discrepancy" or "aliquot")
    asks the main window to show that record.
    """

    title = _dashboard_view.noop("Dashboard")
    open_record = Signal(str, str)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = clock.now,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("dashboardView")
        self.today = today
        self.now = now
        self.data: Dashboard | None = None

        self.transit_card = Card(
            _dashboard_view.tr("In transit"),
            "inTransit",
            _dashboard_view.tr("packages with a courier"),
        )
        self.overdue_card = Card(
            _dashboard_view.tr("Overdue loans"),
            "overdue",
            _dashboard_view.tr("past due with material out"),
        )
        self.discrepancy_card = Card(
            _dashboard_view.tr("Open discrepancies"),
            "discrepancies",
            _dashboard_view.tr("receipts for a curator to resolve"),
        )
        self.inventory_card = Card(
            _dashboard_view.tr("Inventories due"),
            "inventories",
            _dashboard_view.tr("annual inventories due or overdue"),
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
            [
                _dashboard_view.tr("Transfer"),
                _dashboard_view.tr("Courier"),
                _dashboard_view.tr("Since release"),
                _dashboard_view.tr("From"),
                _dashboard_view.tr("To"),
                _dashboard_view.tr("Items"),
            ],
            stretch=3,
            right=(2, 5),
            elide=(1, 3, 4),  # names shorten; numbers and times stay whole
        )
        self.due = RecordTable(
            "dueTable",
            [
                _dashboard_view.tr("Loan"),
                _dashboard_view.tr("Due"),
                _dashboard_view.tr("When"),
                _dashboard_view.tr("Borrower"),
                _dashboard_view.tr("Principal investigator"),
                _dashboard_view.tr("Items out"),
            ],
            stretch=3,
            right=(5,),
            elide=(3, 4),
        )
        self.discrepancies = RecordTable(
            "discrepancyTable",
            [
                "#",
                _dashboard_view.tr("Transfer"),
                _dashboard_view.tr("Aliquot"),
                _dashboard_view.tr("Kind"),
                _dashboard_view.tr("Raised"),
                _dashboard_view.tr("Waiting"),
            ],
            stretch=3,
            right=(0, 5),
            elide=(3,),
        )
        self.inventories = RecordTable(
            "inventoryTable",
            [
                _dashboard_view.tr("Loan"),
                _dashboard_view.tr("Anniversary"),
                _dashboard_view.tr("In", "time until"),
                _dashboard_view.tr("Borrower"),
                _dashboard_view.tr("Started"),
                _dashboard_view.tr("Items out"),
            ],
            stretch=3,
            right=(5,),
            elide=(3,),
        )
        for table in (self.in_transit, self.due, self.discrepancies, self.inventories):
            table.opened.connect(self.open_record)

        # a tile per reminder tier (domain/reminders.py): the tiers of the reminders below
        self.tiers: dict[ReminderTier, QLabel] = {}
        tier_bar = QHBoxLayout()
        tier_bar.setSpacing(6)
        for key, _first_day in TIER_STARTS:
            tile = QLabel()
            tile.setObjectName(f"tier_{key}")
            tile.setToolTip(translated(tier_label(key)))
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
        # (box, its title beside the others, its tab's name when the window is narrow)
        self.panels: list[tuple[QGroupBox, str, str]] = [
            (
                self._box(self.in_transit),
                _dashboard_view.tr("Packages in transit, oldest first"),
                _dashboard_view.tr("In transit"),
            ),
            (
                self._box(self.due, tier_bar),
                _dashboard_view.tr("Loans by due date"),
                _dashboard_view.tr("Loans by due date"),
            ),
            (
                self._box(self.discrepancies),
                _dashboard_view.tr("Open discrepancies, oldest first"),
                _dashboard_view.tr("Discrepancies"),
            ),
            (
                self._box(self.inventories),
                _dashboard_view.tr("Annual inventories due"),
                _dashboard_view.tr("Inventories due"),
            ),
        ]
        # Narrow (a 1024 px laptop): two rows of two tabs, each table the whole width, so
        # no table scrolls sideways; wide: the four panels in two columns.
        self.panel_tabs = (QTabWidget(), QTabWidget())
        for tabs, name in zip(self.panel_tabs, ("upperPanelTabs", "lowerPanelTabs"), strict=True):
            tabs.setObjectName(name)
            tabs.setVisible(False)
        self.grid = grid = QGridLayout()
        grid.setSpacing(10)
        self.wide: bool | None = None
        self._arrange(wide=True)
        # what is owed by a date, all kinds together, the whole width under the panels
        self.reminders_panel = RemindersPanel(ctx.ops)
        self.reminders_panel.opened.connect(self.open_record)
        grid.addWidget(self.reminders_panel, 2, 0, 1, 2)
        for row in range(3):  # the two rows of panels and the reminders share the height
            grid.setRowStretch(row, 1)
        # shown when this installation exchanges files with partners
        self.partner_panel = PartnerPanel()
        self.partner_panel.setVisible(False)
        grid.addWidget(self.partner_panel, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.as_of = QLabel()
        self.as_of.setObjectName("asOfLabel")
        self.as_of.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(VIEW_MARGIN, VIEW_MARGIN, VIEW_MARGIN, VIEW_MARGIN)
        layout.addLayout(cards)
        layout.addLayout(grid, 1)
        layout.addWidget(self.as_of)
        self.refresh()

    # ------------------------------------------------------------------ layout

    def tables(self) -> list[RecordTable]:
        return [self.in_transit, self.due, self.discrepancies, self.inventories]

    def wide_width(self) -> int:
        """The width from which the four panels stand in two columns with every table's
        columns in view (names shortened, numbers and times whole)."""
        box = self.panels[0][0]
        inside = PANEL_FRAME + box.contentsMargins().left() + box.contentsMargins().right()
        box_layout = box.layout()
        if box_layout is not None:
            inside += box_layout.contentsMargins().left() + box_layout.contentsMargins().right()
        widest = max(table.least_width() for table in self.tables())
        return 2 * VIEW_MARGIN + 2 * (widest + inside) + self.grid.horizontalSpacing()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(wide=self.width() >= self.wide_width())

    def _arrange(self, *, wide: bool) -> None:
        """The panels in two columns (``wide``) or as two rows of two tabs."""
        if wide == self.wide:
            return
        self.wide = wide
        for tabs in self.panel_tabs:
            tabs.clear()  # the pages stay, to be placed again
            self.grid.removeWidget(tabs)
            tabs.setVisible(not wide)
        for position, (box, title, _tab) in enumerate(self.panels):
            row, column = divmod(position, 2)
            self.grid.removeWidget(box)
            box.setTitle(title if wide else "")  # a tab says it
            box.setFlat(not wide)
            if wide:
                self.grid.addWidget(box, row, column)
                box.setVisible(True)
            else:
                self.panel_tabs[row].addTab(box, "")
        if not wide:
            for row, tabs in enumerate(self.panel_tabs):
                self.grid.addWidget(tabs, row, 0, 1, 2)
            self._name_tabs()

    def _name_tabs(self) -> None:
        """Each tab's name with its count, so what waits on a hidden tab is not missed."""
        data = self.data
        if data is None:
            return
        counts = (
            data.in_transit_count,
            sum(data.due_counts.values()),
            data.open_discrepancy_count,
            data.inventory_count,
        )
        for position, ((box, _title, tab), count) in enumerate(
            zip(self.panels, counts, strict=True)
        ):
            tabs = self.panel_tabs[position // 2]
            index = tabs.indexOf(box)
            if index >= 0:
                tabs.setTabText(
                    index,
                    _dashboard_view.tr("{tab} ({count})").format(tab=tab, count=count_text(count)),
                )

    def _box(self, table: RecordTable, above: QHBoxLayout | None = None) -> QGroupBox:
        box = QGroupBox()
        box.setObjectName(f"{table.objectName()}Panel")
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
            footer.setText(
                _dashboard_view.tr("The {shown} most urgent of {total}.").format(
                    shown=shown, total=count_text(total)
                )
            )
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
            self.in_transit,
            len(data.in_transit),
            data.in_transit_count,
            _dashboard_view.tr("Nothing in transit."),
        )

        for key, count in data.due_counts.items():
            self.tiers[key].setText(
                f"<b style='font-size:15pt'>{count}</b><br>{translated(tier_span(key))}"
            )
        self.due.set_rows(
            [
                (
                    ("loan", row.number),
                    [
                        row.number,
                        date_text(row.due_on),
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
            _dashboard_view.tr("No loan with material out is due within 30 days."),
        )

        self.discrepancies.set_rows(
            [
                (
                    ("discrepancy", str(row.id)),
                    [
                        str(row.id),
                        row.transfer_number,
                        row.aliquot_number or _dashboard_view.tr("whole package"),
                        self._kind(row),
                        local_time(row.raised_at),
                        _dashboard_view.tr("{days} d").format(
                            days=(today - row.raised_at.astimezone().date()).days
                        ),
                    ],
                )
                for row in data.open_discrepancies
            ]
        )
        self._footer(
            self.discrepancies,
            len(data.open_discrepancies),
            data.open_discrepancy_count,
            _dashboard_view.tr("No discrepancy is waiting."),
        )

        self.inventories.set_rows(
            [
                (
                    ("loan", row.number),
                    [
                        row.number,
                        date_text(row.anniversary),
                        _inventory_when(row, today),
                        row.borrower,
                        date_text(row.starts_on),
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
            _dashboard_view.tr("No annual inventory is due in the next 30 days or overdue."),
        )
        self.reminders_panel.show_reminders(queries.reminders(self.ctx.db, today), today)
        self._show_partners()
        self._name_tabs()
        self._arrange(wide=self.width() >= self.wide_width())
        self.as_of.setText(
            _dashboard_view.tr(
                "As of {date}. Double-click a row to open the record; "
                "annual inventories follow the anniversary of each loan's start date."
            ).format(date=date_text(today))
        )
        self.stale = False

    def _show_partners(self) -> None:
        partners = list_partners(self.ctx.db)
        self.partner_panel.setVisible(bool(partners))
        if partners:
            now = self.now()
            self.partner_panel.show_status(len(partners), partner_status(self.ctx.db, now), now)

    @staticmethod
    def _kind(row: queries.DiscrepancyRow) -> str:
        if row.kind == "mass" and row.expected_mass_ug is not None:
            difference = (row.measured_mass_ug or 0) - row.expected_mass_ug
            sign = "+" if difference > 0 else ""
            return _dashboard_view.tr("mass {difference}").format(
                difference=f"{sign}{mass_text(difference)}"
            )
        return status_label(row.kind)


def _inventory_when(row: InventoryRow, today: date) -> str:
    """When an annual inventory is due: ahead, in its grace period, or overdue."""
    if row.overdue and row.overdue_since is not None:
        return _dashboard_view.tr("OVERDUE since {date}").format(date=date_text(row.overdue_since))
    if row.anniversary < today and row.overdue_since is not None:
        return _dashboard_view.tr("grace period until {date}").format(
            date=date_text(row.overdue_since)
        )
    return days_text((row.anniversary - today).days, due=False)
