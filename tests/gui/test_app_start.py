"""Starting the workstation: opening the database, the first run, signing in, and the
crash dialog for a bug.

Every database that cannot be used is refused with its own plain message (through
errors.present, recorded by ``messages``) and no Database is returned: never a traceback.
"""

from __future__ import annotations

import logging
import os
import pwd
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from lunar_custody import logfile
from lunar_custody.domain import queries
from lunar_custody.domain.errors import RuleViolation
from lunar_custody.gui import app, errors, startup
from lunar_custody.gui.signin import FirstRunDialog, SignInDialog
from lunar_custody.storage import Database
from tests.gui.conftest import Messages, when_modal
from tests.worlds import World

NOT_A_DATABASE = "Not a Lunar Custody database"

pytestmark = pytest.mark.usefixtures("qapp")  # message boxes need the application object


@pytest.fixture
def crash_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The log file in a throwaway place; the excepthook and the root logger put back after."""
    log = tmp_path / "logs" / "lunar-custody.log"
    monkeypatch.setenv(logfile.LOG_ENV, str(log))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    level = root.level
    yield log
    handler = logfile._handler
    if handler is not None and Path(handler.baseFilename) == log.absolute():
        root.removeHandler(handler)
        handler.close()
        logfile._handler = None
    root.setLevel(level)


def only_file(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ---------------------------------------------------------------------- refused databases


def test_a_folder_that_does_not_exist_is_named_and_not_created(
    tmp_path: Path, messages: Messages
) -> None:
    path = tmp_path / "custody share" / "custody.db"  # e.g. a network drive not connected
    assert startup.open_database(str(path)) is None
    assert messages.shown == [
        (
            "errorDialog",
            "Database not found",
            f"There is no database at {path}: the folder {path.parent} does not exist. "
            "Check the path, and that its network drive is connected.",
        )
    ]
    assert only_file(tmp_path) == []


def test_a_folder_given_as_the_database(tmp_path: Path, messages: Messages) -> None:
    assert startup.open_database(str(tmp_path)) is None
    assert messages.shown == [
        (
            "errorDialog",
            NOT_A_DATABASE,
            f"{tmp_path} is a folder, not a Lunar Custody database file.",
        )
    ]


def test_a_file_that_is_not_a_database(tmp_path: Path, messages: Messages) -> None:
    path = tmp_path / "inventory.db"
    path.write_text("sample,aliquot,mass\nCE5C0400,CE5C0400YJFM00501,500 mg\n" * 100)
    before = path.read_bytes()
    assert startup.open_database(str(path)) is None
    assert messages.shown == [
        (
            "errorDialog",
            NOT_A_DATABASE,
            f"The file {path} is not a Lunar Custody database, or it is damaged.",
        )
    ]
    assert path.read_bytes() == before and only_file(tmp_path) == ["inventory.db"]


def test_a_database_of_a_newer_schema(db: Database, messages: Messages) -> None:
    with db.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    assert startup.open_database(db.url) is None
    assert messages.shown == [
        (
            "errorDialog",
            "Database from a newer version",
            "This database was written by a newer version of Lunar Custody (schema 9999); "
            "this version understands up to 0005. Install the newer version.",
        )
    ]
    with db.read() as session:  # left alone
        assert session.scalar(text("SELECT version_num FROM alembic_version")) == "9999"


@contextmanager
def unprivileged(folder: Path) -> Iterator[None]:
    """Root writes a read-only file (and into a read-only folder) regardless: as root, act as
    'nobody' meanwhile, owning the folder but not the file. Skipped, with the reason in the
    test report, where that cannot be done."""
    if os.geteuid() != 0:
        yield
        return
    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip(
            "running as root without a 'nobody' account to act as: root may write a "
            "read-only file, so a read-only database cannot be shown here"
        )
    os.chown(folder, nobody.pw_uid, nobody.pw_gid)
    try:
        os.setegid(nobody.pw_gid)
        os.seteuid(nobody.pw_uid)
    except PermissionError as error:
        os.setegid(0)
        pytest.skip(
            f"running as root but cannot act as 'nobody' ({error}): root may write a "
            "read-only file, so a read-only database cannot be shown here"
        )
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def test_a_read_only_database_file(_sqlite_template: Path, messages: Messages) -> None:
    # Not under tmp_path: its parents are closed to anyone but root.
    folder = Path(tempfile.mkdtemp(prefix="lc-read-only-"))
    try:
        path = folder / "custody.db"
        shutil.copyfile(_sqlite_template, path)
        path.chmod(0o444)
        before = path.read_bytes()
        with unprivileged(folder):
            assert not os.access(path, os.W_OK, effective_ids=True)
            opened = startup.open_database(str(path))
        assert opened is None
        assert messages.shown == [
            (
                "errorDialog",
                "Database is read-only",
                f"The database {path} is read-only: you may read it but not record anything. "
                "Ask for write permission on the file, or open a copy of it.",
            )
        ]
        assert path.read_bytes() == before and only_file(folder) == ["custody.db"]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_a_new_file_in_an_existing_folder_is_created(tmp_path: Path, messages: Messages) -> None:
    opened = startup.open_database(str(tmp_path / "custody.db"))
    assert opened is not None and messages.shown == []
    try:
        assert not queries.has_users(opened)
    finally:
        opened.dispose()


# ---------------------------------------------------------------------- signing in


def test_first_run_on_a_new_database_makes_the_administrator(
    qtbot: QtBot, empty_database_url: str, messages: Messages
) -> None:
    db = startup.open_database(empty_database_url)
    assert db is not None
    try:

        def fill(dialog: FirstRunDialog) -> None:
            qtbot.keyClicks(dialog.code, "CNSA")
            qtbot.keyClicks(dialog.name, "Lunar Sample Laboratory")
            qtbot.keyClicks(dialog.country, "China")
            qtbot.keyClicks(dialog.username, "wang")
            qtbot.keyClicks(dialog.full_name, "Wang Jun")
            qtbot.keyClicks(dialog.password, "first-admin-1")
            qtbot.keyClicks(dialog.repeat, "first-admin-1")
            dialog.ok_button.click()

        opened = when_modal(FirstRunDialog, fill)
        admin = app.sign_in(db)
        assert opened and messages.shown == []
        assert admin is not None and admin.username == "wang"
        assert admin.roles == frozenset({"admin"}) and admin.institution_code == "CNSA"
        assert queries.has_users(db)
    finally:
        db.dispose()


def test_a_database_with_users_asks_to_sign_in(
    qtbot: QtBot, world: World, messages: Messages
) -> None:
    assert isinstance(world.db, Database)
    said: list[str] = []

    def sign(dialog: SignInDialog) -> None:
        assert dialog.username.text() == "zhang"  # remembered from the last session
        qtbot.keyClicks(dialog.secret, "not-my-password")
        dialog.ok_button.click()
        said.append(dialog.error_label.text())
        qtbot.keyClicks(dialog.secret, world.PASSWORD)
        dialog.ok_button.click()

    opened = when_modal(SignInDialog, sign)
    assert app.sign_in(world.db, username="zhang") == world["zhang"]
    assert opened and said == ["Wrong user name or password."]
    when_modal(SignInDialog, lambda dialog: dialog.reject())
    assert app.sign_in(world.db) is None
    assert messages.shown == []


def test_the_workstation_stops_plainly_or_when_sign_in_is_cancelled(
    tmp_path: Path, world: World, messages: Messages, crash_log: Path
) -> None:
    assert isinstance(world.db, Database)
    garbage = tmp_path / "custody.db"
    garbage.write_bytes(b"\x00not sqlite\x00" * 64)
    assert app.run_workstation(str(garbage)) == 3
    assert messages.errors == [
        f"The file {garbage} is not a Lunar Custody database, or it is damaged."
    ]
    when_modal(SignInDialog, lambda dialog: dialog.reject())
    assert app.run_workstation(world.db.url) == 0


# ---------------------------------------------------------------------- a bug


def test_an_unexpected_error_shows_the_crash_dialog_and_logs_the_traceback(
    qtbot: QtBot, messages: Messages, crash_log: Path
) -> None:
    errors.install_excepthook()

    def broken_slot() -> None:
        raise ZeroDivisionError("mass balance divided by zero")

    QTimer.singleShot(0, broken_slot)  # reaches the hook the way a slot's error does
    qtbot.waitUntil(lambda: bool(messages.shown))
    assert messages.shown == [
        (
            "crashDialog",
            "Unexpected error",
            "Something went wrong inside Lunar Custody. What you were doing was not saved "
            "half-way: every operation is one transaction.",
        )
    ]
    assert f"The details are in the log file:\n{crash_log}\n" in messages.informative[0]
    logged = crash_log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged and "in broken_slot" in logged
    assert "ZeroDivisionError: mass balance divided by zero" in logged
    # A refusal that escapes an action is still shown in its own words, not as a crash.
    try:
        raise RuleViolation("Loan L2026-0001 has a package under way; receive or cancel it first.")
    except RuleViolation as refusal:
        sys.excepthook(type(refusal), refusal, refusal.__traceback__)
    assert messages.shown[-1] == (
        "errorDialog",
        "Cannot do that",
        "Loan L2026-0001 has a package under way; receive or cancel it first.",
    )
