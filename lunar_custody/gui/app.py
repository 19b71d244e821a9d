"""The workstation: signing in, then the main window until it is closed (the application
object and the database come from startup.py, which the courier window shares)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from ..domain import queries
from ..domain.permissions import Actor
from ..storage import Database
from .context import AppContext
from .main_window import MainWindow
from .signin import FirstRunDialog, SignInDialog
from .startup import start


def sign_in(db: Database, *, username: str = "") -> Actor | None:
    """First run on a new database, else the sign-in dialog; None if cancelled."""
    if not queries.has_users(db):
        first = FirstRunDialog(db)
        return first.actor if first.exec() == QDialog.DialogCode.Accepted else None
    dialog = SignInDialog(db, db.name, username=username)
    return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None


def run_workstation(url: str | None) -> int:
    """``lunar-custody`` without a command: the main window until it is closed."""
    started = start(url)
    if started is None:
        return 3
    app, db = started
    actor = sign_in(db)
    if actor is None:
        db.dispose()
        return 0
    windows: list[MainWindow] = []

    def open_window(person: Actor) -> None:
        window = MainWindow(AppContext(db, person))
        window.switch_user_requested.connect(lambda: switch_user(window))
        windows.append(window)
        window.show()

    def switch_user(current: MainWindow) -> None:
        person = sign_in(db)
        if person is not None:
            current.close()
            windows.remove(current)
            open_window(person)

    open_window(actor)
    try:
        return app.exec()
    finally:
        db.dispose()
