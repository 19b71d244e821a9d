"""Samples and aliquots: the lineage tree, the selected record's detail and chain of custody,
and the registry's operations (register, split, consume, report lost, correct, import, export).

Each operation is a dialog (dialogs.py) whose registry call runs through the operation
runner; the runner's ``changed`` tells the other views, and this view then reads again and
selects what the operation made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...domain import queries, rules
from ...domain.errors import NotFoundError
from ...domain.permissions import Actor
from ...domain.queries import AliquotDetail
from ...domain.queries.installation import home_code
from ...domain.store import Store
from .. import errors
from ..actions import SELECT_ALIQUOT, SELECT_ALIQUOTS, allow
from ..columns import RowTreeView, fit_columns
from ..context import AppContext
from ..dialogs import FormDialog
from ..exchange import export_to_partner
from ..locale_format import count_text
from ..translation import Translator
from ..view import View
from ..widgets import ScanField, SearchField
from . import io
from .detail import AliquotPane
from .dialogs import (
    ConsumeDialog,
    CorrectEventDialog,
    RegisterSampleDialog,
    ReportLostDialog,
    SplitDialog,
)
from .lineage import ALIQUOT, SAMPLE, LineageModel, Node
from .pictures import CustodyPictures

_samples_view = Translator("_samples_view")

# What each action on the selected aliquot asks of the rules (the services ask the same).
_RULES: dict[str, Callable[[Actor, rules.AliquotFacts], str | None]] = {
    "split": rules.why_not_split,
    "consume": rules.why_not_consume,
    "lost": rules.why_not_report_lost,
    "correct": rules.why_not_correct,
}


class SamplesView(View):
    """The lineage tree on the left, the selected aliquot on the right."""

    title = _samples_view.noop("Samples and aliquots")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("samplesView")
        self.store: Store = ctx.db
        self.model = LineageModel(ctx.db)
        self._status: AliquotDetail | None = None

        self.scan_field = ScanField(
            _samples_view.tr("Scan or type an aliquot or sample number, then Enter")
        )
        self.scan_field.scanned.connect(self.scan)
        self.scan_message = QLabel()
        self.scan_message.setObjectName("scanMessage")
        self.scan_message.setStyleSheet("color: #c01c28; font-weight: bold;")
        self.scan_message.hide()
        self.search_field = SearchField(
            _samples_view.tr("Search samples: number, custodian institution, PI or mission")
        )
        self.search_field.search.connect(self._search)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.model.totalChanged.connect(
            lambda total: self.count_label.setText(
                _samples_view.tr("{count} sample(s)", "", total).format(count=count_text(total))
            )
        )

        self.named_actions: dict[str, QAction] = {}
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("samplesToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._add_action(
            "register", _samples_view.tr("&Register sample…"), self.register_sample, "Ctrl+Shift+N"
        )
        self._add_action("split", _samples_view.tr("&Split…"), self.split)
        self._add_action("consume", _samples_view.tr("Record &consumption…"), self.consume)
        self._add_action("lost", _samples_view.tr("Report &lost…"), self.report_lost)
        self._add_action("correct", _samples_view.tr("C&orrect event…"), self.correct)
        self.toolbar.addSeparator()
        self._add_action("import", _samples_view.tr("&Import CSV…"), self.import_csv)
        self._add_action("export", _samples_view.tr("&Export inventory…"), self.export_inventory)
        self.toolbar.addSeparator()
        self._add_action(
            "exchange", _samples_view.tr("Export to &partner…"), self.export_to_partner
        )
        self._tips = {
            "register": _samples_view.tr("Register a new sample with its first aliquots"),
            "split": _samples_view.tr("Split child aliquots off the selected aliquot"),
            "consume": _samples_view.tr("Record mass used up by destructive analysis"),
            "lost": _samples_view.tr("Report the selected aliquot lost"),
            "correct": _samples_view.tr(
                "Record a correction of one of the selected aliquot's events"
            ),
            "import": _samples_view.tr(
                "Register samples and aliquots from a CSV file (all or nothing)"
            ),
            "export": _samples_view.tr(
                "Write every aliquot's place and mass to a CSV or JSON file"
            ),
            "exchange": _samples_view.tr(
                "Write a signed exchange file about the selected aliquots (with "
                "their history) for a partner installation"
            ),
        }

        self.tree = RowTreeView()
        self.tree.setObjectName("lineageTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # several aliquots go into one exchange file (Ctrl+click, Shift+click)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_columns(self.tree)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        # Qt fetches more top-level rows as the view scrolls; rows of an expanded node in
        # the middle of the tree are fetched here, when its last fetched row comes into view.
        self.tree.verticalScrollBar().valueChanged.connect(lambda _=0: self._fetch_later())
        self.tree.verticalScrollBar().rangeChanged.connect(lambda *_: self._fetch_later())
        self.tree.expanded.connect(lambda _=None: self._fetch_later())
        self.model.rowsInserted.connect(lambda *_: self._fetch_later())
        self._fetch_pending = False

        self.detail = AliquotPane(home=home_code(ctx.db))
        self.detail.timeline.itemSelectionChanged.connect(self._update_actions)
        detail_scroll = QScrollArea()
        detail_scroll.setWidgetResizable(True)
        # the detail wraps to the pane's width (see AliquotPane), never cut at its right edge
        detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail_scroll.setWidget(self.detail)

        bar = QHBoxLayout()
        bar.addWidget(self.scan_field, 2)
        bar.addWidget(self.search_field, 3)
        bar.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("samplesSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(detail_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 560])
        self.splitter.setChildrenCollapsible(False)
        # The tree and the detail above, the chain of custody across the whole width below.
        self.vertical = QSplitter(Qt.Orientation.Vertical)
        self.vertical.setObjectName("samplesVerticalSplitter")
        self.vertical.addWidget(self.splitter)
        # the chain of custody's table, and its pictures in tabs beside it
        self.pictures = CustodyPictures(ctx.db, self.detail.timeline_panel)
        self.vertical.addWidget(self.pictures.tabs)
        self.vertical.setStretchFactor(0, 3)
        self.vertical.setStretchFactor(1, 2)
        self.vertical.setSizes([420, 280])
        self.vertical.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addLayout(bar)
        layout.addWidget(self.scan_message)
        layout.addWidget(self.vertical, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.model.reload(keep_rows=False)
        self._update_actions()

    # ------------------------------------------------------------------ View

    def refresh(self) -> None:
        """Read again, keeping expanded nodes expanded and the same record selected."""
        self.detail.home = home_code(self.store)  # a restored backup may be another's
        current = self.current_node()
        selected = current.number if current is not None else None
        expanded = {
            (node.kind, node.id)
            for node in self.model.loaded_nodes()
            if node.children and self.tree.isExpanded(self.model.index_of(node))
        }
        self.model.reload()
        pending = list(self.model.loaded_nodes())
        while pending:
            node = pending.pop(0)
            if (node.kind, node.id) in expanded:
                index = self.model.index_of(node)
                if not node.children and self.model.canFetchMore(index):
                    self.model.fetchMore(index)
                self.tree.expand(index)
                pending.extend(node.children)
        if selected is None or not self.select_number(selected, clear_search=False):
            self._show_current()
        self.stale = False

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def menu_actions(self) -> list[QAction]:
        return list(self.named_actions.values())

    # ------------------------------------------------------------------ selection

    def current_node(self) -> Node | None:
        return self.model.node(self.tree.currentIndex())

    def current_aliquot(self) -> str | None:
        node = self.current_node()
        return node.number if node is not None and node.kind == ALIQUOT else None

    def selected_aliquots(self) -> list[str]:
        """The aliquots selected in the tree, in the order chosen (samples left out)."""
        nodes = (self.model.node(index) for index in self.tree.selectionModel().selectedRows())
        return [node.number for node in nodes if node is not None and node.kind == ALIQUOT]

    def show_record(self, kind: str, number: str) -> bool:
        """Links from other views: an aliquot (or sample) number."""
        return self.select_number(number)

    def select_number(self, number: str, *, clear_search: bool = True) -> bool:
        """Select aliquot or sample ``number`` in the tree, expanding the path to it.

        When the search box hides it, the search is cleared (``clear_search``) so the scan
        still finds it. False when there is no such record.
        """
        path = self.model.path_of(number)
        if path is None:
            return False
        index = self.model.locate(path)
        if not index.isValid() and clear_search and self.model.search:
            self.search_field.setText("")
            self.search_field.flush()
            index = self.model.locate(path)
        if not index.isValid():
            return False
        ancestors = []
        parent = index.parent()
        while parent.isValid():
            ancestors.append(parent)
            parent = parent.parent()
        for ancestor in reversed(ancestors):
            self.tree.expand(ancestor)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def scan(self, code: str) -> None:
        """A scanned (or typed) number: select it, or say plainly that it is unknown."""
        # The focus stays in the scan field: a scanner types the next code wherever it is.
        if self.select_number(code):
            self.scan_message.hide()
            self.scan_message.setText("")
        else:
            self.scan_message.setText(
                _samples_view.tr("No aliquot or sample with the number {code}.").format(code=code)
            )
            self.scan_message.show()
        self.scan_field.setFocus()

    def _search(self, text: str) -> None:
        """A new search starts afresh: the last scan's error goes, and the detail shows
        what is selected now (a reset tree has nothing selected, and says no signal)."""
        self.scan_message.hide()
        self.scan_message.setText("")
        self.model.set_search(text)
        self._show_current()

    def _show_current(self) -> None:
        node = self.current_node()
        self._status = None
        if node is None:
            self.detail.clear(
                _samples_view.tr("Select an aliquot to see where it is and its chain of custody.")
            )
        elif node.kind == SAMPLE:
            self.detail.show_sample(node)
        else:
            try:
                self._status = queries.aliquot_status(self.store, node.number)
                events = queries.history(self.store, node.number)
            except NotFoundError as gone:  # removed since the tree was read
                self._status = None
                self.detail.clear(str(gone))
            else:
                self.detail.show_aliquot(self._status, events)
        self.pictures.select(node.kind if node else None, node.number if node else None)
        self._update_actions()

    def _fetch_later(self) -> None:
        if not self._fetch_pending:
            self._fetch_pending = True
            QTimer.singleShot(0, self._fetch_visible)

    def _fetch_visible(self) -> None:
        """Fetch more children of any expanded node whose last fetched row is on screen."""
        self._fetch_pending = False
        index = self.tree.indexAt(QPoint(1, 1))
        bottom = self.tree.viewport().height()
        while index.isValid() and self.tree.visualRect(index).top() <= bottom:
            node = self.model.node(index)
            parent = index.parent()
            if (
                node is not None
                and node.parent is not None
                and parent.isValid()
                and node.row == len(node.parent.children) - 1
                and self.model.canFetchMore(parent)
            ):
                self.model.fetchMore(parent)
            index = self.tree.indexBelow(index)

    # ------------------------------------------------------------------ actions

    def _add_action(
        self, key: str, text: str, slot: Callable[[], None], shortcut: str = ""
    ) -> None:
        action = QAction(text, self)
        action.setObjectName(f"{key}Action")
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        self.toolbar.addAction(action)
        widget = self.toolbar.widgetForAction(action)
        if widget is not None:
            widget.setObjectName(f"{key}Button")
        self.named_actions[key] = action

    def why_not(self, key: str) -> str | None:
        """Why the action ``key`` cannot be done now (the role, then the aliquot: rules.py)."""
        operation = {
            "register": "register_sample",
            "split": "split",
            "consume": "consume",
            "lost": "report_lost",
            "correct": "correct",
            "import": "import",
            "exchange": "exchange",
        }.get(key)
        if operation is not None:
            reason = self.ctx.why_not(operation)
            if reason is not None:
                return reason
        if key == "exchange":
            return None if self.selected_aliquots() else SELECT_ALIQUOTS
        rule = _RULES.get(key)
        if rule is None:
            return None
        node = self.current_node()
        if node is None or node.kind != ALIQUOT:
            return SELECT_ALIQUOT
        return rule(self.ctx.actor, rules.AliquotFacts.from_listing(node.values))

    def _update_actions(self) -> None:
        for key, action in self.named_actions.items():
            reason = self.why_not(key)
            allow(action, reason, self._tips[key])

    def _after(self, select: str | None, *, expand: bool = False) -> None:
        """After an operation: read again and select ``select``. The runner has told the
        other views already (``ctx.changed``)."""
        self.refresh()
        if select is not None and self.select_number(select) and expand:
            self.tree.expand(self.tree.currentIndex())

    def _run(self, dialog: FormDialog) -> Any:
        """Show ``dialog`` until it is done; what it performed, or None if cancelled."""
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.result_value if accepted else None
        finally:
            dialog.deleteLater()

    def _need(self, key: str) -> AliquotDetail | None:
        """The selected aliquot, if ``key`` may be done on it now (else the reason, shown)."""
        reason = self.why_not(key)
        if reason is not None:
            errors.inform(self, _samples_view.tr("Not possible now"), reason)
            return None
        return self._status

    def register_sample(self) -> None:
        if (reason := self.why_not("register")) is not None:
            errors.inform(self, _samples_view.tr("Not possible now"), reason)
            return
        number = self._run(RegisterSampleDialog(self.ctx, self))
        if number is not None:
            self._after(number, expand=True)

    def split(self) -> None:
        status = self._need("split")
        if status is not None and self._run(SplitDialog(self.ctx, status, self)):
            self._after(status.number, expand=True)

    def consume(self) -> None:
        status = self._need("consume")
        if status is not None and self._run(ConsumeDialog(self.ctx, status, self)):
            self._after(status.number)

    def report_lost(self) -> None:
        status = self._need("lost")
        if status is not None and self._run(ReportLostDialog(self.ctx, status, self)):
            self._after(status.number)

    def correct(self) -> None:
        status = self._need("correct")
        if status is None:
            return
        events, selected = self.detail.events, self.detail.selected_event()
        if self._run(CorrectEventDialog(self.ctx, status, events, selected, self)) is not None:
            self._after(status.number)

    # ------------------------------------------------------------------ files

    def ask_import_path(self) -> str:
        """The CSV file to import ('' if cancelled); tests replace this."""
        return io.ask_import_path(self)

    def ask_export_path(self) -> str:
        """Where to write the inventory ('' if cancelled); tests replace this."""
        return io.ask_export_path(self)

    def import_csv(self) -> None:
        if (reason := self.why_not("import")) is not None:
            errors.inform(self, _samples_view.tr("Not possible now"), reason)
            return
        path = self.ask_import_path()
        if path:
            io.import_csv(self.ctx, self, path, after=lambda: self._after(None))

    def export_to_partner(self) -> None:
        """The selected aliquots, with their history, in an exchange file for a partner."""
        if (reason := self.why_not("exchange")) is not None:
            errors.inform(self, _samples_view.tr("Not possible now"), reason)
            return
        numbers = self.selected_aliquots()
        more = len(numbers) - 3
        shown = _samples_view.tr(", ", "between numbers").join(numbers[:3])
        if more > 0:
            shown = _samples_view.tr("{numbers} and %n more", "", more).format(numbers=shown)
        export_to_partner(
            self.ctx,
            self,
            _samples_view.tr(
                "%n aliquot(s): {numbers}, with their history and the aliquots split off them",
                "",
                len(numbers),
            ).format(numbers=shown),
            aliquots=numbers,
        )

    def export_inventory(self) -> None:
        path = self.ask_export_path()
        if path:
            io.export_inventory(self.ctx, self, path)
