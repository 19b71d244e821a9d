"""The Help menu's windows: the user guide (resources/help/guide.md), the keyboard
shortcuts read from the window's own actions (so the list never drifts from them), and
where the log is."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..logfile import log_path
from ..resources_path import resource
from .actions import plain_text
from .dialogs import fit_to_screen
from .tables import SearchableTable
from .translation import Translator, languages

_help = Translator("_help")


def guide_text(locale: QLocale | None = None) -> str:
    """The guide in the window's language (guide.<language>.md, for the locales that read
    that translation: zh_CN serves zh_SG) when there is one, else the English guide.md,
    which is the source."""
    locale = locale or QLocale()
    for language in languages():
        target = QLocale(language)
        if (locale.language(), locale.script()) == (target.language(), target.script()):
            guide = resource("help", f"guide.{language}.md")
            if guide.is_file():
                return guide.read_text(encoding="utf-8")
    return resource("help", "guide.md").read_text(encoding="utf-8")


class GuideWindow(QDialog):
    """The short user guide, beside the main window (not modal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setWindowTitle(_help.tr("Lunar Custody: user guide"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(guide_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 640)


def _shortcut_rows(menus: Iterable[QMenu], extra: Iterable[QAction]) -> list[list[str]]:
    """(Shortcut, Action, Where) for every action with a shortcut, menu by menu."""
    rows: list[list[str]] = []
    seen: set[int] = set()

    def add(action: QAction, where: str) -> None:
        key = action.shortcut()
        if key.isEmpty() or id(action) in seen:
            return
        seen.add(id(action))
        text = plain_text(action.text())
        rows.append([key.toString(QKeySequence.SequenceFormat.NativeText), text, where])

    for menu in menus:
        for action in menu.actions():
            add(action, plain_text(menu.title()))
    for action in extra:
        add(action, _help.tr("the current view"))
    return rows


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the window and of the current view, searchable."""

    def __init__(
        self, menus: Iterable[QMenu], view_actions: Iterable[QAction], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(_help.tr("Keyboard shortcuts"))
        self.table = SearchableTable(
            "shortcutsTable",
            [_help.tr("Shortcut"), _help.tr("Action"), _help.tr("Menu")],
            nouns=(_help.tr("shortcut"), _help.tr("shortcuts")),
            search_hint=_help.tr("Search: a key or an action"),
        )
        self.table.set_rows(_shortcut_rows(menus, view_actions))
        hint = QLabel(
            _help.tr(
                "A barcode scanner types the code and Enter in any field that picks items; "
                "Escape closes a dialog without doing anything."
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        fit_to_screen(self, 620, 520)


class LogDialog(QDialog):
    """Where the log is, to send it to whoever looks after the installation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logDialog")
        self.setWindowTitle(_help.tr("Where is the log?"))
        self.path = log_path()
        text = QLabel(
            _help.tr(
                "Lunar Custody writes what goes wrong (and the start of each session) to this "
                "file. Send it to whoever looks after the installation when something fails:"
            )
        )
        text.setWordWrap(True)
        self.path_label = QLabel(str(self.path))
        self.path_label.setObjectName("logPath")
        self.path_label.setStyleSheet("font-family: monospace;")
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        copy = QPushButton(_help.tr("&Copy the path"))

        copy.setObjectName("copyLogPath")
        copy.clicked.connect(lambda: QApplication.clipboard().setText(str(self.path)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.path_label)
        layout.addWidget(buttons)
