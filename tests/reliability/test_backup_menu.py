"""File ▸ Back up… and File ▸ Restore… in the workstation window (real widgets, offscreen).

Both run on a worker behind a progress dialog (gui/tasks.run_task); restore asks first,
keeps a copy of what it replaces, tells what it did, and asks everyone to sign in again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from lunar_custody.gui.context import AppContext
from lunar_custody.gui.main_window import MainWindow
from lunar_custody.storage import Database
from lunar_custody.storage.restore import PG_DUMP, SQLITE_COPY, backup_kind
from tests.gui.conftest import Messages, open_window
from tests.gui.conftest import _isolated_settings as _isolated_settings
from tests.gui.conftest import chinese as chinese
from tests.gui.conftest import messages as messages
from tests.worlds import World, actor


@pytest.fixture
def admin_window(
    qtbot: QtBot, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # default folder, kept copies
    db = world.db
    assert isinstance(db, Database)
    return open_window(qtbot, AppContext(db, actor(db, "admin")))


def test_back_up_from_the_file_menu(
    admin_window: MainWindow,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = world.db
    assert isinstance(db, Database)
    asked: list[str] = []

    def save_as(_parent: object, _title: str, default: str, _filter: str) -> tuple[str, str]:
        asked.append(default)
        return str(tmp_path / "from-the-menu.db"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    admin_window.backup_action.trigger()
    copy = tmp_path / "from-the-menu.db"
    assert backup_kind(copy) == (SQLITE_COPY if db.dialect == "sqlite" else PG_DUMP)
    (default,) = asked
    assert Path(default).parent == tmp_path / "data" / "lunar-custody" / "backups"
    assert admin_window.statusBar().currentMessage() == f"Backed up {db.name} to {copy}."


def test_restore_from_the_file_menu_after_asking(
    admin_window: MainWindow,
    world: World,
    tmp_path: Path,
    qtbot: QtBot,
    messages: Messages,
) -> None:
    copy = admin_window.back_up(tmp_path / "before.db")
    assert copy is not None
    before = world.snapshot()
    world.rich_scenario()
    after = world.snapshot()

    messages.answer = QMessageBox.StandardButton.No
    assert admin_window.restore(copy) is None
    assert world.snapshot() == after

    messages.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(admin_window.switch_user_requested):
        result = admin_window.restore(copy)
    assert result is not None and result.report.ok
    assert world.snapshot() == before
    names = [name for name, _title, _text in messages.shown]
    assert names == ["confirmDialog", "confirmDialog", "infoDialog"]
    _name, title, text = messages.shown[-1]
    assert title == "Backup restored"
    assert text.startswith(f"Restored {result.database} from a ")
    assert result.kept is not None and f"What it held before is kept in {result.kept}." in text


def test_a_bad_file_is_refused_in_plain_words(
    admin_window: MainWindow,
    world: World,
    tmp_path: Path,
    messages: Messages,
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list")
    before = world.snapshot()
    assert admin_window.restore(notes) is None
    assert messages.errors == [
        f"{notes} is not a Lunar Custody backup (a SQLite copy, a pg_dump file or an export)."
    ]
    assert world.snapshot() == before


def test_only_an_administrator_may_back_up_or_restore(qtbot: QtBot, world: World) -> None:
    db = world.db
    assert isinstance(db, Database)
    window = open_window(qtbot, AppContext(db, actor(db, "zhang")))
    assert not window.backup_action.isEnabled()
    assert "administrator" in window.backup_action.toolTip()
    assert window.back_up() is None  # no save dialog, nothing written
    assert not window.restore_action.isEnabled()
    assert "administrator" in window.restore_action.toolTip()


def test_the_restore_box_reads_chinese(
    chinese: None,
    admin_window: MainWindow,
    tmp_path: Path,
    qtbot: QtBot,
    messages: Messages,
) -> None:
    copy = admin_window.back_up(tmp_path / "before.db")
    assert copy is not None
    messages.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(admin_window.switch_user_requested):
        result = admin_window.restore(copy)
    assert result is not None and result.kept is not None
    _name, title, text = messages.shown[-1]
    assert title == "备份已恢复"
    restored, kept, *checked = text.split("\n")
    assert restored.startswith("已从 ") and restored.endswith(f"恢复 {result.database}。")
    assert kept == f"其原有内容保存在 {result.kept}。"
    assert len(checked) == len(result.report.summary_lines())  # what verify found, a line each
    assert "Restored" not in text and "custody event" not in text and "Ledger:" not in text
    assert result.summary().startswith("Restored ")  # English below the window
