"""The ledger: every custody event (two million open at once: paged in SQL), the audit
trail of the other records in words (audit.py), and Verify, which recomputes the hash chain
and checks the database underneath; its findings, each with its table and record, in a
window of their own (findings.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import Cancelled
from ...domain.ledger import EVENT_KINDS, VerifyReport
from ...domain.queries.installation import events_listing, home_code
from ...domain.store import ProgressCallback
from ...storage import verify_database
from ..actions import allow
from ..context import AppContext
from ..locale_format import count_text
from ..translation import Translator, translated
from ..view import View
from ..vocabulary import word
from ..widgets import ListPane
from .audit import AuditPane
from .findings import FindingsDialog

_ledger_view = Translator("_ledger_view")


def verify_headline(report: VerifyReport) -> str:
    """One line a person reads first: OK, or FAILED naming the first bad event."""
    if report.ok:
        return _ledger_view.tr(
            "OK: the ledger of {count} custody events is intact and the database is sound."
        ).format(count=count_text(report.events))
    first = report.first_bad_event
    if first is not None:
        return _ledger_view.tr("FAILED: the first bad event is #{event}.").format(event=first)
    return _ledger_view.tr("FAILED: {finding}").format(
        finding=translated(report.problems[0].message)
    )


class LedgerView(View):
    """Custody events and audit trail, each a searchable lazily fetched list; Verify."""

    title = _ledger_view.noop("Ledger")
    open_record = Signal(str, str)  # ("aliquot", number): the main window shows it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("ledgerView")
        self.last_report: VerifyReport | None = None
        self.findings: FindingsDialog | None = None  # made at the first verify
        kinds = [
            (_ledger_view.tr("All events"), None),
            *((word("event", label), kind) for kind, label in EVENT_KINDS.items()),
        ]
        # every event with the installation that recorded it first ("Recorded at")
        self.events = ListPane(
            ctx.db,
            events_listing(home_code(ctx.db)),
            search_hint=_ledger_view.tr(
                "Search: aliquot number (or its start), #event, transfer number, person"
            ),
            hidden=(),
            filters={"kind": kinds},
            noun=_ledger_view.tr("events"),
        )
        self.audit = AuditPane(ctx.db)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("ledgerTabs")
        self.tabs.addTab(self.events, _ledger_view.tr("Custody events"))
        self.tabs.addTab(self.audit, _ledger_view.tr("Audit trail"))
        self._stale_tabs: set[int] = set()
        self.tabs.currentChanged.connect(self._tab_shown)

        self.verify_action = QAction(_ledger_view.tr("&Verify ledger…"), self)
        self.verify_action.setObjectName("verifyAction")
        # Ctrl+Shift+V is the main window's View ▸ Verify ledger…, which works from every
        # view (two actions with one shortcut would leave the key doing nothing here)
        allow(
            self.verify_action,
            None,
            _ledger_view.tr(
                "Recompute the hash chain and every aliquot's mass balance, and check the database"
            ),
        )
        self.verify_action.triggered.connect(lambda _=False: self.verify())
        # the routine verify checks what changed since this computer's last checkpoint;
        # before an audit a curator replays everything, as `verify --full` does
        self.full_verify_action = QAction(_ledger_view.tr("Verify &everything (full)…"), self)
        self.full_verify_action.setObjectName("fullVerifyAction")
        allow(
            self.full_verify_action,
            None,
            _ledger_view.tr(
                "Replay every custody event and check the whole database file, not only "
                "what changed since the last verify (slower; before an audit)"
            ),
        )
        self.full_verify_action.triggered.connect(lambda _=False: self.verify(full=True))
        self.verify_button = QPushButton(_ledger_view.tr("Verify ledger…"))
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.setToolTip(self.verify_action.toolTip())
        self.verify_button.clicked.connect(lambda _=False: self.verify())
        self.verify_result = QLabel()
        self.verify_result.setObjectName("verifyResult")

        bar = QHBoxLayout()
        bar.addWidget(self.verify_button)
        bar.addWidget(self.verify_result, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)

    # ------------------------------------------------------------------ View

    def refresh(self) -> None:
        """Read the visible list again; the other one when its tab is next shown."""
        current = self.tabs.currentIndex()
        pane = self.tabs.widget(current)
        if isinstance(pane, ListPane):
            pane.refresh()
        self._stale_tabs = set(range(self.tabs.count())) - {current}
        self.stale = False

    def _tab_shown(self, index: int) -> None:
        pane = self.tabs.widget(index)
        if index in self._stale_tabs and isinstance(pane, ListPane):
            self._stale_tabs.discard(index)
            pane.refresh()

    def focus_search(self) -> None:
        pane = self.tabs.currentWidget()
        if isinstance(pane, ListPane):
            pane.search_field.setFocus()
            pane.search_field.selectAll()

    def menu_actions(self) -> list[QAction]:
        return [self.verify_action, self.full_verify_action]

    # ------------------------------------------------------------------ verify

    def verify(self, *, full: bool = False) -> VerifyReport | None:
        """Recompute the ledger in the background, then show the report (None: cancelled).
        Routine (since this computer's checkpoint) unless ``full``."""
        db = self.ctx.db

        def work(progress: ProgressCallback) -> VerifyReport:
            report = verify_database(db, progress, full=full)
            if any(problem.kind == "cancelled" for problem in report.problems):
                raise Cancelled(_ledger_view.tr("Verification was cancelled."))
            return report

        verified = self.ctx.ops.run(
            self,
            _ledger_view.tr("Verify ledger"),
            work,
            done=self._show_report,
            label=_ledger_view.tr("Recomputing the hash chain and replaying every aliquot"),
            unit=_ledger_view.tr("events", "progress unit"),
            changes=False,
        )
        return self.last_report if verified else None

    def _show_report(self, report: VerifyReport) -> None:
        self.last_report = report
        headline = verify_headline(report)
        self.verify_result.setText(headline)
        color = "#26a269" if report.ok else "#c01c28"
        self.verify_result.setStyleSheet(f"color: {color}; font-weight: bold;")
        if report.first_bad_event is not None:
            self.show_event(report.first_bad_event)
        if self.findings is None:
            self.findings = FindingsDialog(self.ctx.ops, self.ctx.db.name, self)
            self.findings.open_event.connect(self.show_event)
            self.findings.open_aliquot.connect(
                lambda number: self.open_record.emit("aliquot", number)
            )
        self.findings.show_report(report)
        self.findings.show()
        # in front again when open from an earlier verify (minimised, or behind this window)
        state = self.findings.windowState() & ~Qt.WindowState.WindowMinimized
        self.findings.setWindowState(state | Qt.WindowState.WindowActive)
        self.findings.activateWindow()

    def show_event(self, event_id: int) -> None:
        """Select event ``event_id`` in the list: searched by its #number, not scrolled to
        (the list may hold two million events above it)."""
        self.tabs.setCurrentWidget(self.events)
        for box in self.events.filter_boxes.values():
            box.setCurrentIndex(0)
        self.events.search_field.setText(f"#{event_id}")
        self.events.search_field.flush()
        self.events.select_value("id", event_id)
