"""The Help menu: the user guide, the keyboard shortcuts read from the window's own
actions, and where the log is."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from lunar_custody.gui.app import switch_user_of
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.help import GuideWindow, LogDialog, ShortcutsDialog
from tests.gui.conftest import open_window, when_modal


def _native(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def test_the_help_menu_guides_lists_the_shortcuts_and_names_the_log(
    qtbot: QtBot, ctx_for: Callable[[str], AppContext]
) -> None:
    window = open_window(qtbot, ctx_for("zhang"))
    titles = [a.text().replace("&", "") for a in window.help_menu.actions() if a.text()]
    assert titles == [
        "User guide",
        "Keyboard shortcuts…",
        "Where is the log?",
        "About Lunar Custody",
    ]

    guide = window.show_guide()
    assert isinstance(guide, GuideWindow) and guide.isVisible()
    text = guide.browser.toPlainText()
    for words in ("Import exchange file", "Partners", "Verify ledger", "Courier mode"):
        assert words in text
    assert window.show_guide() is guide  # one guide, raised again

    window.show_view("ledger")
    seen: list[list[list[str]]] = []

    def read(dialog: ShortcutsDialog) -> None:
        seen.append([list(row) for row in dialog.table.rows])
        dialog.reject()

    when_modal(ShortcutsDialog, read)
    window.show_shortcuts()
    rows = {(key, action) for key, action, _ in seen[0]}
    assert (_native("Ctrl+I"), "Import exchange file") in rows
    assert (_native("Ctrl+Shift+P"), "Partners") in rows
    assert (_native("Ctrl+1"), "Dashboard") in rows
    assert (_native("Ctrl+/"), "Keyboard shortcuts") in rows
    assert [_native("Ctrl+Shift+V"), "Verify ledger", "View"] in seen[0]

    paths: list[str] = []

    def look(dialog: LogDialog) -> None:
        paths.append(dialog.path_label.text())
        dialog.reject()

    when_modal(LogDialog, look)
    window.show_log()
    assert paths == [os.environ["LUNAR_CUSTODY_LOG"]] or paths[0].endswith("lunar-custody.log")


def test_switch_user_hides_the_window_while_the_next_person_signs_in(
    qtbot: QtBot, ctx_for: Callable[[str], AppContext]
) -> None:
    window = open_window(qtbot, ctx_for("zhang"))
    windows = [window]
    opened: list[str] = []
    visible_while_asked: list[bool] = []

    def ask_and_cancel() -> None:
        visible_while_asked.append(window.isVisible())
        return None

    switch_user_of(window, windows, lambda a: opened.append(a.username), ask_and_cancel)
    assert visible_while_asked == [False] and window.isVisible() and opened == []

    next_person = ctx_for("li").actor

    def ask_and_sign_in() -> object:
        visible_while_asked.append(window.isVisible())
        return next_person

    switch_user_of(window, windows, lambda a: opened.append(a.username), ask_and_sign_in)  # type: ignore[arg-type]
    assert visible_while_asked == [False, False]
    assert opened == ["li"] and windows == [] and not window.isVisible()


def test_verify_ledger_works_from_every_view(
    qtbot: QtBot, ctx_for: Callable[[str], AppContext]
) -> None:
    window = open_window(qtbot, ctx_for("zhang"))
    window.show_view("samples")
    qtbot.keyClick(
        window,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    ledger = window.current_view
    assert ledger is window.views["ledger"]
    qtbot.waitUntil(lambda: ledger.last_report is not None, timeout=20_000)
    assert ledger.verify_result.text().startswith("OK: the ledger of")


def test_a_viewer_sees_why_new_loan_is_not_theirs(
    qtbot: QtBot, ctx_for: Callable[[str], AppContext]
) -> None:
    window = open_window(qtbot, ctx_for("auditor"))
    assert not window.new_loan_action.isEnabled()
    assert "curator" in window.new_loan_action.toolTip()
    shown = window.current_view
    window._new_loan()  # even called directly: nothing opens, the view stays
    assert window.current_view is shown
    curator = open_window(qtbot, ctx_for("zhang"))
    assert curator.new_loan_action.isEnabled()
