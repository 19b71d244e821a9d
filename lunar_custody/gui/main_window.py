"""The workstation's main window: a sidebar of views, menus, shortcuts, remembered layout."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QMouseEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..domain import courier, listings, queries
from ..domain.demo import is_demo
from ..domain.errors import NotFoundError
from ..domain.numbering import normalize
from ..storage import backup_database, backup_suffix, data_directory
from .actions import allow, plain_text
from .context import AppContext
from .dashboard import DashboardView
from .errors import confirm, error_text, inform, reported
from .exchange import PartnersWindow, import_file, show_partners
from .exchange.files import dropped_exchange_file
from .help import GuideWindow, LogDialog, ShortcutsDialog
from .ledger import LedgerView
from .loans import LoansView
from .people import AdminView
from .resources import icon
from .samples import SamplesView
from .settings import PreferencesDialog
from .tablemodel import role_labels
from .transfers import TransfersView
from .translation import Translator, translated
from .view import View
from .widgets import FIELD_PROBLEM_STYLE, ScanField

if TYPE_CHECKING:
    from ..exchange.importer import ImportReport
    from ..storage.restore import RestoreResult

_main_window = Translator("_main_window")

APP_TITLE = "Lunar Custody"
# Restoring replaces every record, people included: an administrator's job.
RESTORE_PERMISSION = "manage_people"
STATUS_MESSAGE_MS = 15_000
# Sidebar order; Ctrl+1... follow it.
VIEW_CLASSES: list[tuple[str, type[View], str]] = [
    ("dashboard", DashboardView, "dashboard"),
    ("samples", SamplesView, "samples"),
    ("loans", LoansView, "loans"),
    ("transfers", TransfersView, "transfers"),
    ("admin", AdminView, "people"),
    ("ledger", LedgerView, "ledger"),
]
VIEW_KEYS = [key for key, _, _ in VIEW_CLASSES]


def window_title(database: str, person: str) -> str:
    return f"{APP_TITLE} — {database} — {person}"


def backup_filter() -> str:
    """The file dialogs' filter of backups (its words translated, its patterns not)."""
    return _main_window.tr("Lunar Custody backups (*.db *.dump *.lcexport);;All files (*)")


class GoToDialog(QDialog):
    """Go to number: a scan field from any view; an unknown code is named as such and the
    dialog stays for the next try."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("goToDialog")
        self.setWindowTitle(_main_window.tr("Go to number"))
        self.setMinimumWidth(460)
        self.field = ScanField(
            _main_window.tr("Aliquot, sample, loan or package number, or a seal; then Enter")
        )
        self.field.setObjectName("goToField")
        self.field.scanned.connect(self.go)
        self.message = QLabel()
        self.message.setObjectName("goToMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(FIELD_PROBLEM_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_main_window.tr("Scan a label or type a number:")))
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.field.setFocus()

    def go(self, code: str) -> None:
        problem = self.window_.open_number(code)
        if problem is None:
            self.accept()
        else:
            self.message.setText(problem)
            self.adjustSize()  # the message's lines, whole


class MainWindow(QMainWindow):
    """Views in a stack chosen from the sidebar; the menus follow the current view.

    A view is built, and so reads its records, the first time it is shown: the window opens
    after one view's queries, not all of them. ``views`` holds the views built so far.
    """

    switch_user_requested = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.setWindowTitle(window_title(ctx.db.name, ctx.actor.full_name))
        self.setWindowIcon(icon("lunar-custody"))
        self.setAcceptDrops(True)  # an exchange file dropped here is imported (previewed)
        self.views: dict[str, View] = {}
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setMaximumWidth(230)
        self.stack = QStackedWidget()
        for key, view_class, icon_name in VIEW_CLASSES:
            item = QListWidgetItem(icon(icon_name), translated(view_class.title))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sidebar.addItem(item)
        splitter = QSplitter()
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes([190, 1090])  # the sidebar's labels, and no more, at 1280 wide
        self.setCentralWidget(splitter)
        self.sidebar.currentRowChanged.connect(self._show_view)
        ctx.changed.connect(self._records_changed)

        self._build_menus()
        roles = role_labels(",".join(sorted(ctx.actor.roles)))
        self.statusBar().addPermanentWidget(
            QLabel(
                _main_window.tr("{person} ({roles}) · {institution}").format(
                    person=ctx.actor.full_name, roles=roles, institution=ctx.actor.institution_code
                )
            )
        )
        if is_demo(ctx.db):
            demo = QLabel(_main_window.tr("  DEMO DATA — not real samples  "))
            demo.setObjectName("demoBadge")
            demo.setStyleSheet("background: #fde293; color: #5f4300; font-weight: bold;")
            self.statusBar().addWidget(demo)
        self._restore()

    # ------------------------------------------------------------------ views

    @property
    def current_view(self) -> View:
        widget = self.stack.currentWidget()
        assert isinstance(widget, View)
        return widget

    def view(self, key: str) -> View:
        """The view ``key``, built the first time it is asked for (it reads its records then)."""
        view = self.views.get(key)
        if view is None:
            view = VIEW_CLASSES[VIEW_KEYS.index(key)][1](self.ctx)
            view.setObjectName(f"{key}View")
            self.stack.addWidget(view)
            self.views[key] = view
            link = getattr(view, "open_record", None)  # dashboard rows, detail links
            if link is not None and hasattr(link, "connect"):
                link.connect(self.open_record)
        return view

    def show_view(self, key: str) -> View:
        self.sidebar.setCurrentRow(VIEW_KEYS.index(key))
        return self.view(key)

    def _show_view(self, row: int) -> None:
        if row < 0:
            return
        view: View | None = None
        with reported(self):
            view = self.view(VIEW_KEYS[row])
        if view is None:
            return
        self.stack.setCurrentWidget(view)
        if view.stale:
            view.stale = False
            with reported(self):
                view.refresh()
        self._fill_actions_menu()

    def _records_changed(self) -> None:
        """After an operation: the visible view reads again now, the others built so far
        when shown (a view built later reads as it is built)."""
        for view in self.views.values():
            view.stale = True
        current = self.current_view
        current.stale = False
        with reported(self):
            current.refresh()

    def refresh(self) -> None:
        """F5: another workstation may have changed any record, so every view reads again
        (the visible one now, the others when shown)."""
        self._records_changed()

    def open_record(self, kind: str, number: str) -> None:
        """Show a record named on the dashboard in its own view."""
        key = {
            "loan": "loans",
            "transfer": "transfers",
            "discrepancy": "transfers",
            "aliquot": "samples",
            "sample": "samples",
        }.get(kind)
        if key is None:
            return
        view = self.show_view(key)
        show: Callable[..., object] | None = getattr(view, "show_record", None)
        if show is not None:
            with reported(self):
                show(kind, number)

    # ------------------------------------------------------------------ menus

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        name: str = "",
        tip: str = "",
        operation: str | None = None,
    ) -> QAction:
        """A window action with its help ``tip``; ``operation`` names what the domain must
        allow the signed-in person (permissions.OPERATIONS) for it to be enabled."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        self._tips[action] = tip or plain_text(text)
        self._operations[action] = operation
        return action

    def reasons(self) -> dict[QAction, str | None]:
        """Why each of the window's own actions is unavailable to the signed-in person
        (None: available): the domain's answer, never restated here."""
        return {
            action: self.ctx.why_not(operation) if operation is not None else None
            for action, operation in self._operations.items()
        }

    def _update_actions(self) -> None:
        for action, reason in self.reasons().items():
            allow(action, reason, self._tips[action])

    def _build_menus(self) -> None:
        self._tips: dict[QAction, str] = {}
        self._operations: dict[QAction, str | None] = {}
        bar = self.menuBar()
        file_menu = bar.addMenu(_main_window.tr("&File"))
        self.new_loan_action = self._action(
            _main_window.tr("&New loan…"),
            self._new_loan,
            QKeySequence.StandardKey.New,
            "newLoanAction",
            _main_window.tr("From any view: draft a loan of aliquots to a borrower"),
            "draft_loan",
        )
        file_menu.addAction(self.new_loan_action)
        file_menu.addSeparator()
        self.import_exchange_action = self._action(
            _main_window.tr("&Import exchange file…"),
            self.import_exchange,
            "Ctrl+I",
            "importExchangeAction",
            _main_window.tr(
                "Preview, then import, a signed file from a partner installation (or drop the "
                "file on this window)"
            ),
            "exchange",
        )
        file_menu.addAction(self.import_exchange_action)
        self.partners_action = self._action(
            _main_window.tr("&Partners…"),
            self.open_partners,
            "Ctrl+Shift+P",
            "partnersAction",
            _main_window.tr(
                "Partner installations, their introductions, and every exchange file sent or "
                "received"
            ),
        )
        file_menu.addAction(self.partners_action)
        file_menu.addSeparator()
        self.switch_user_action = self._action(
            _main_window.tr("&Switch user…"),
            self.switch_user_requested.emit,
            "Ctrl+Shift+U",
            "switchUserAction",
            _main_window.tr("Hand this workstation to the next person, who signs in"),
        )
        file_menu.addAction(self.switch_user_action)
        self.courier_action = self._action(
            _main_window.tr("&Courier mode…"),
            self.open_courier_mode,
            name="courierModeAction",
            tip=_main_window.tr("The courier's full-screen window, for a handoff at this desk"),
        )
        file_menu.addAction(self.courier_action)
        file_menu.addSeparator()
        # the copy holds every record: it is an administrator's, like Restore
        self.backup_action = self._action(
            _main_window.tr("&Back up…"),
            self.back_up,
            name="backupAction",
            tip=_main_window.tr("Copy the whole database to a file"),
            operation=RESTORE_PERMISSION,
        )
        file_menu.addAction(self.backup_action)
        self.restore_action = self._action(
            _main_window.tr("&Restore…"),
            self.restore,
            name="restoreAction",
            tip=_main_window.tr("Replace the records with a backup's"),
            operation=RESTORE_PERMISSION,
        )
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                _main_window.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "quitAction"
            )
        )

        edit_menu = bar.addMenu(_main_window.tr("&Edit"))
        edit_menu.addAction(
            self._action(
                _main_window.tr("&Preferences…"),
                self.open_preferences,
                "Ctrl+,",
                "preferencesAction",
                _main_window.tr("Language, and the label format the print dialogs offer first"),
            )
        )

        view_menu = bar.addMenu(_main_window.tr("&View"))
        for position, (key, view_class, icon_name) in enumerate(VIEW_CLASSES, start=1):
            title = translated(view_class.title)
            action = self._action(
                title,
                partial(self.show_view, key),
                f"Ctrl+{position}",
                f"show_{key}",
                _main_window.tr("Show {view}").format(view=title.lower()),
            )
            action.setIcon(icon(icon_name))
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(
            self._action(
                _main_window.tr("&Refresh"),
                self.refresh,
                QKeySequence.StandardKey.Refresh,
                "refresh",
                _main_window.tr("Read every record again (another workstation may have written)"),
            )
        )
        self.find_action = self._action(
            _main_window.tr("&Find…"),
            self.find_in_view,
            QKeySequence.StandardKey.Find,
            "find",
            _main_window.tr("The current list's search box (on the dashboard: go to a number)"),
        )
        view_menu.addAction(self.find_action)
        self.go_to_action = self._action(
            _main_window.tr("&Go to number…"),
            self.go_to,
            "Ctrl+G",
            "goToAction",
            _main_window.tr(
                "From any view: open the aliquot, sample, loan or package with a number, a "
                "seal or a scanned label"
            ),
        )
        view_menu.addAction(self.go_to_action)
        view_menu.addSeparator()
        self.verify_action = self._action(
            _main_window.tr("&Verify ledger…"),
            self.verify_ledger,
            "Ctrl+Shift+V",
            "verifyLedgerAction",
            _main_window.tr(
                "From any view: check the hash chain, every record and signature, and the database"
            ),
        )
        view_menu.addAction(self.verify_action)
        self.actions_menu = bar.addMenu(_main_window.tr("&Actions"))
        self.actions_menu.setObjectName("actionsMenu")
        help_menu = bar.addMenu(_main_window.tr("&Help"))
        self.help_menu = help_menu
        help_menu.addAction(
            self._action(
                _main_window.tr("&User guide"),
                self.show_guide,
                QKeySequence.StandardKey.HelpContents,
                "guide",
                _main_window.tr("A short guide to the views and what each role does"),
            )
        )
        help_menu.addAction(
            self._action(
                _main_window.tr("&Keyboard shortcuts…"),
                self.show_shortcuts,
                "Ctrl+/",
                "shortcuts",
                _main_window.tr("Every shortcut of this window and the current view"),
            )
        )
        help_menu.addAction(
            self._action(
                _main_window.tr("&Where is the log?"),
                self.show_log,
                name="logAction",
                tip=_main_window.tr("The log file's place"),
            )
        )
        help_menu.addSeparator()
        help_menu.addAction(
            self._action(
                _main_window.tr("&About Lunar Custody"),
                self.about,
                name="about",
                tip=_main_window.tr("Version and database"),
            )
        )
        for menu in (file_menu, edit_menu, view_menu, self.actions_menu, help_menu):
            menu.setToolTipsVisible(True)  # a greyed-out entry says why
            menu.installEventFilter(self)  # ... in the status bar too
        self._update_actions()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A menu shows an entry's status tip only while it is enabled; a greyed-out one
        pointed at says why in the status bar too."""
        moved = isinstance(event, QMouseEvent) and event.type() == QEvent.Type.MouseMove
        if moved and isinstance(watched, QMenu) and isinstance(event, QMouseEvent):
            action = watched.actionAt(event.position().toPoint())
            if action is not None and not action.isEnabled() and action.statusTip():
                self.statusBar().showMessage(action.statusTip())
        return super().eventFilter(watched, event)

    def _fill_actions_menu(self) -> None:
        menu: QMenu = self.actions_menu
        menu.clear()
        actions = self.current_view.menu_actions()
        menu.setEnabled(bool(actions))
        for action in actions:
            menu.addAction(action)

    def find_in_view(self) -> None:
        """View ▸ Find… (Ctrl+F): the current list's search box; a view without one (the
        dashboard) goes to a number instead, so the key does something in every view."""
        view = self.current_view
        if type(view).focus_search is View.focus_search:
            self.go_to()
        else:
            view.focus_search()

    def go_to(self) -> None:
        """View ▸ Go to number… (Ctrl+G), from any view: type or scan a number."""
        dialog = GoToDialog(self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def open_number(self, code: str) -> str | None:
        """Show the record ``code`` names (an aliquot, sample, loan or package number, or a
        package's seal) in its view; None when shown, else why not in plain words."""
        db = self.ctx.db
        try:
            label = courier.identify(db, code)
        except NotFoundError as unknown:
            # loans and samples carry no label a courier scans: asked for by number
            number = normalize(code)
            try:
                queries.loan_detail(db, number)
            except NotFoundError:
                if listings.fetch_lineage_path(db, number) is None:
                    return error_text(unknown)  # the domain's sentence, translated
                self.open_record("sample", number)
            else:
                self.open_record("loan", number)
            return None
        kind = "aliquot" if label.kind == courier.ALIQUOT else "transfer"
        self.open_record(kind, label.number)
        return None

    def open_courier_mode(self) -> QWidget:
        """The courier window on this database, for a handoff at this desk; the courier
        signs in there with their own name and PIN."""
        from .courier import CourierWindow  # its screens are not needed to open the workstation

        window = CourierWindow(self.ctx.db, self)
        window.setWindowFlag(Qt.WindowType.Window)  # its own window, closed with this one
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.showMaximized()
        return window

    # ------------------------------------------------------------------ between installations

    def import_exchange(self, path: Path | None = None) -> ImportReport | None:
        """File ▸ Import exchange file…: preview the file (asked for when None), then import
        it if the person says so. An introduction opens Add partner instead."""
        report = import_file(self.ctx, self, path)
        if report is not None:
            self.statusBar().showMessage(translated(report.summary()), STATUS_MESSAGE_MS)
        return report

    def open_partners(self) -> PartnersWindow:
        """File ▸ Partners…: one window beside this one, read again when shown."""
        return show_partners(self.ctx, self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() and dropped_exchange_file(mime.urls()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_exchange_file(event.mimeData().urls())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        # after the drop returns: the preview is modal, and the dragging program waits
        QTimer.singleShot(0, lambda: self.import_exchange(path))

    # ------------------------------------------------------------------ backup and restore

    def back_up(self, path: Path | None = None) -> Path | None:
        """File ▸ Back up…: copy the database to a new file (asked for when None); the copy."""
        db = self.ctx.db
        if not self.backup_action.isEnabled():
            return None
        if path is None:
            default = (
                data_directory()
                / "backups"
                / (f"{Path(db.name).stem}-{date.today().isoformat()}{backup_suffix(db)}")
            )
            chosen, _ = QFileDialog.getSaveFileName(
                self, _main_window.tr("Back up the database"), str(default), backup_filter()
            )
            if not chosen:
                return None
            path = Path(chosen)
        target = path
        copy = self.ctx.ops.value(
            self,
            _main_window.tr("Back up"),
            lambda progress: backup_database(db, target, progress),
            label=_main_window.tr("Copying {database}…").format(database=db.name),
            changes=False,
        )
        if copy is not None:
            self.statusBar().showMessage(
                _main_window.tr("Backed up {database} to {file}.").format(
                    database=db.name, file=copy
                ),
                STATUS_MESSAGE_MS,
            )
        return copy

    def restore(self, path: Path | None = None) -> RestoreResult | None:
        """File ▸ Restore…: replace the records with a backup's, after asking.

        The backup is checked (and verified) before anything changes; the records replaced
        are kept in a copy. The restored database has its own people, so sign in again.
        """
        from ..storage.restore import restore_database  # Alembic, loaded when it is needed

        db = self.ctx.db
        if not self.restore_action.isEnabled():  # a direct call: the same answer as the menu
            return None
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                _main_window.tr("Restore a backup"),
                str(data_directory() / "backups"),
                backup_filter(),
            )
            if not chosen:
                return None
            path = Path(chosen)
        source = path
        if not confirm(
            self,
            _main_window.tr("Restore a backup"),
            _main_window.tr(
                "Replace every record in {database} with those of the backup {file}?\n\n"
                "The backup is checked first. The records the database holds now are kept in "
                "a copy, and everyone signs in again afterwards."
            ).format(database=db.name, file=source.name),
        ):
            return None
        # ``changed`` makes every view read the restored records.
        result = self.ctx.ops.value(
            self,
            _main_window.tr("Restore"),
            lambda progress: restore_database(source, db.url, replace=True, progress=progress),
            label=_main_window.tr("Restoring {file} into {database}…").format(
                file=source.name, database=db.name
            ),
        )
        if result is not None:
            summary = "\n".join(translated(line) for line in result.summary_lines())
            inform(self, _main_window.tr("Backup restored"), summary)
            self.switch_user_requested.emit()
        return result

    def _new_loan(self) -> None:
        if not self.new_loan_action.isEnabled():
            return
        view = self.show_view("loans")
        new_loan = getattr(view, "new_loan", None)
        if new_loan is not None:
            with reported(self):
                new_loan()

    def verify_ledger(self) -> None:
        """View ▸ Verify ledger… (Ctrl+Shift+V) from any view: the Ledger view's verify."""
        view = self.show_view("ledger")
        assert isinstance(view, LedgerView)
        view.verify()

    def show_guide(self) -> GuideWindow:
        """Help ▸ User guide (F1): beside the window, not in its way."""
        guide = self.findChild(GuideWindow)
        if guide is None:
            guide = GuideWindow(self)
        guide.show()
        guide.activateWindow()
        return guide

    def show_shortcuts(self) -> None:
        menus = [a.menu() for a in self.menuBar().actions() if a.menu() is not None]
        dialog = ShortcutsDialog(
            [m for m in menus if isinstance(m, QMenu)], self.current_view.menu_actions(), self
        )
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def open_preferences(self) -> None:
        """Edit ▸ Preferences… (Ctrl+,): language and label format, kept per user."""
        dialog = PreferencesDialog(self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def show_log(self) -> None:
        dialog = LogDialog(self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def about(self) -> None:
        inform(
            self,
            _main_window.tr("About Lunar Custody"),
            _main_window.tr(
                "Lunar Custody {version}\n\nChain of custody for loaned lunar samples: every "
                "microgram, every handoff, every signature, in an append-only hash-chained "
                "ledger.\n\nDatabase: {database}"
            ).format(version=__version__, database=self.ctx.db.name),
        )

    # ------------------------------------------------------------------ layout memory

    def _restore(self) -> None:
        settings = QSettings()
        geometry = settings.value("main/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1280, 800)
        last = settings.value("main/view", "dashboard")
        first = last if isinstance(last, str) and last in VIEW_KEYS else "dashboard"
        self.view(first)  # built here, so that an error opening it reaches the caller
        self.show_view(first)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        key = [k for k, view in self.views.items() if view is self.current_view]
        if key:
            settings.setValue("main/view", key[0])
        super().closeEvent(event)
