"""GUI tests: real widgets under QT_QPA_PLATFORM=offscreen, driven with qtbot.

- ``world``: the shared test world (tests/worlds.py) on SQLite and PostgreSQL.
- ``ctx_for(username)``: an AppContext signed in as that person of the world.
- ``messages``: every message box (errors, questions, notices) is recorded instead of
  blocking; questions are answered with ``messages.answer`` (Yes by default).
- ``signer``: ``signer.next(secret)`` fills and signs the next signature dialog that opens
  (with a drawn signature), ``signer.cancel_next()`` cancels it.

Helpers: ``when_modal(kind, act)`` acts on the next modal dialog of ``kind`` once it is
exec'd; ``open_window(qtbot, ctx)`` shows a MainWindow and makes it the active window.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from lunar_custody.domain.demo import build_demo
from lunar_custody.gui import errors
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.signature import SignatureDialog
from lunar_custody.gui.startup import add_shipped_fonts
from lunar_custody.gui.translation import LANGUAGE_ENV, install_translations, remove_translations
from lunar_custody.storage import Database
from tests.conftest import _new_sqlite_database
from tests.worlds import World, actor, fast_secrets, world

if TYPE_CHECKING:
    from lunar_custody.gui.main_window import MainWindow

__all__ = ["world"]

D = TypeVar("D", bound=QDialog)


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """QSettings (window geometry, column widths) in a throwaway place, not the user's."""
    from PySide6.QtCore import QSettings

    QCoreApplication.setOrganizationName("LunarCustodyTests")
    QCoreApplication.setApplicationName("lunar-custody-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        str(tmp_path_factory.mktemp("settings")),
    )
    yield


@pytest.fixture
def ctx_for(world: World) -> Callable[[str], AppContext]:
    assert isinstance(world.db, Database)

    def make(username: str) -> AppContext:
        return AppContext(world.db, actor(world.db, username))  # type: ignore[arg-type]

    return make


@dataclass
class Messages:
    """Message boxes shown, as (object name, title, text); questions answered from a queue."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes
    informative: list[str] = field(default_factory=list)  # each box's informative text

    def present(self, box: QMessageBox) -> QMessageBox.StandardButton:
        self.shown.append((box.objectName(), box.windowTitle(), box.text()))
        self.informative.append(box.informativeText())
        if box.standardButtons() & QMessageBox.StandardButton.Yes:
            return self.answer
        return QMessageBox.StandardButton.Ok

    @property
    def errors(self) -> list[str]:
        return [text for name, _, text in self.shown if name in ("errorDialog", "crashDialog")]

    @property
    def texts(self) -> list[str]:
        return [text for _, _, text in self.shown]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    recorder = Messages()
    monkeypatch.setattr(errors, "present", recorder.present)
    return recorder


def draw_on(qtbot: QtBot, pad: QWidget) -> None:
    """A short signature: press, a few moves, release."""
    from PySide6.QtTest import QTest

    points = [QPoint(20, 60), QPoint(60, 30), QPoint(100, 80), QPoint(140, 40), QPoint(180, 70)]
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    for point in points[1:]:
        QTest.mouseMove(pad, point)
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])


@dataclass
class Signer:
    """Answers signature dialogs as they open (each one a queued instruction)."""

    qtbot: QtBot
    queue: list[tuple[str | None, str | None, bool]] = field(default_factory=list)
    seen: list[tuple[str, str]] = field(default_factory=list)  # (meaning, signed content)

    def next(self, secret: str, *, user: str | None = None, draw: bool = True) -> None:
        self.queue.append((secret, user, draw))
        QTimer.singleShot(0, self._answer)

    def cancel_next(self) -> None:
        self.queue.append((None, None, False))
        QTimer.singleShot(0, self._answer)

    def _answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SignatureDialog):
            QTimer.singleShot(20, self._answer)  # not open yet
            return
        secret, user, draw = self.queue.pop(0)
        self.seen.append((dialog.meaning, dialog.summary.toPlainText()))
        if secret is None:
            dialog.reject()
            return
        if user is not None:
            dialog.user_edit.setReadOnly(False)
            dialog.user_edit.setText(user)
        dialog.secret_edit.setText(secret)
        if draw and dialog.pad_box is not None:
            draw_on(self.qtbot, dialog.pad_box.pad)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()


@pytest.fixture
def signer(qtbot: QtBot) -> Signer:
    return Signer(qtbot)


def when_modal(
    kind: type[D], act: Callable[[D], None], *, tries: int = 250, close_after: bool = False
) -> list[D]:
    """Run ``act`` on the next modal dialog of ``kind`` once it is open (it is exec'd): the
    one way the tests act on a dialog that blocks them.

    Should ``act`` fail, the dialog is rejected so the test does not hang; the error still
    reaches pytest-qt, which fails the test. ``close_after``: reject the dialog when ``act``
    leaves it open (a refused form stays open), so the test goes on to its checks. The list
    receives the dialog, for later checks.
    """
    seen: list[D] = []

    def check(left: int = tries) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            if left > 0:
                QTimer.singleShot(20, lambda: check(left - 1))
                return
            if isinstance(dialog, QDialog):  # another dialog waits: close it, do not hang
                dialog.reject()
                raise AssertionError(f"{type(dialog).__name__} opened, not {kind.__name__}")
            return
        seen.append(dialog)
        try:
            act(dialog)
        except BaseException:
            dialog.reject()
            raise
        if close_after and dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, check)
    return seen


def open_window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    """A workstation's main window, shown and active (shortcuts go to the active window)."""
    from lunar_custody.gui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    window.sidebar.setFocus()
    return window


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active one, as a click on it would (offscreen needs asking)."""
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@pytest.fixture(scope="module")
def demo_db(_scratch: Path, _sqlite_template: Path) -> Iterator[Database]:
    """The demo database on SQLite, built once for the test file that asks for it."""
    for url in _new_sqlite_database(_scratch, _sqlite_template):
        database = Database.open(url)
        try:
            with fast_secrets():
                build_demo(database)
            yield database
        finally:
            database.dispose()


@pytest.fixture
def chinese(qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """The window in Simplified Chinese, as LUNAR_CUSTODY_LANG=zh_CN starts it (the .qm built
    into this test's cache folder, the shipped Chinese font added); English afterwards."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv(LANGUAGE_ENV, "zh_CN")
    add_shipped_fonts()
    assert install_translations(qapp) == "zh_CN"
    yield
    remove_translations(qapp)
