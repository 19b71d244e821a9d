"""First run on a new database, and signing in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from lunar_custody.domain import identity, queries
from lunar_custody.domain.identity import PIN
from lunar_custody.gui.signin import FirstRunDialog, SignInDialog
from lunar_custody.gui.widgets import PASSWORDS_DIFFER
from lunar_custody.storage import Database
from tests.worlds import World


def test_first_run_creates_the_lender_and_administrator(qtbot: QtBot, db: Database) -> None:
    assert not queries.has_users(db)
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code, "cnsa")
    qtbot.keyClicks(dialog.name, "Lunar Sample Laboratory")
    dialog.local_name.setText("国家航天局探月与航天工程中心")
    qtbot.keyClicks(dialog.username, "wang")
    qtbot.keyClicks(dialog.full_name, "Wang Jun")
    qtbot.keyClicks(dialog.password, "first-admin-1")
    qtbot.keyClicks(dialog.repeat, "first-admin-2")
    # said under the field as it is typed, and OK waits
    assert dialog.findChild(QLabel, "adminRepeatMessage").text() == PASSWORDS_DIFFER
    assert not dialog.ok_button.isEnabled()
    assert dialog.ok_button.toolTip() == PASSWORDS_DIFFER
    dialog.buttons.accepted.emit()  # and the dialog says it again should OK come anyway
    assert dialog.error_label.text() == PASSWORDS_DIFFER
    assert not queries.has_users(db)
    dialog.repeat.setText("first-admin-1")
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.roles == frozenset({"admin"})
    assert identity.authenticate(db, "wang", "first-admin-1").institution_code == "CNSA"
    # Typed values survive a refusal: the code was kept while the passwords were fixed.
    assert dialog.code.text() == "cnsa"


def test_sign_in_refuses_then_accepts(qtbot: QtBot, world: World) -> None:
    assert isinstance(world.db, Database)
    dialog = SignInDialog(world.db, world.db.name)
    qtbot.addWidget(dialog)
    dialog.show()
    # the program's name once: Qt adds it after the title (its application display name)
    assert dialog.windowTitle() == f"Sign in — {world.db.name}"
    qtbot.keyClicks(dialog.username, "zhang")
    qtbot.keyClicks(dialog.secret, "wrong-password")
    qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
    assert dialog.error_label.text() == "Wrong user name or password."
    assert dialog.secret.text() == "" and dialog.actor is None
    assert world.person("zhang").failed_attempts == 1
    qtbot.keyClicks(dialog.secret, world.PASSWORD)
    qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
    assert dialog.actor == world["zhang"]
    courier = SignInDialog(world.db, world.db.name, username="courier1", method=PIN)
    qtbot.addWidget(courier)
    courier.show()
    qtbot.keyClicks(courier.secret, world.PINS["courier1"])
    qtbot.keyClick(courier.secret, Qt.Key.Key_Return)
    assert courier.actor == world["courier1"]
