"""The workstation: signing in, then the main window until it is closed (the application
object and the database come from startup.py, which the courier window shares)."""

from __future__ import annotations

from collections.abc import Callable

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


def switch_user_of(
    current: MainWindow,
    windows: list[MainWindow],
    open_window: Callable[[Actor], None],
    ask: Callable[[], Actor | None],
) -> None:
    """File ▸ Switch user: the window is hidden while the next person signs in, so the
    previous person's records are not left on the screen; cancelled, it comes back."""
    current.hide()
    person = ask()
    if person is None:
        current.show()
        return
    current.close()
    windows.remove(current)
    open_window(person)


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
        switch_user_of(current, windows, open_window, lambda: sign_in(db))

    open_window(actor)
    try:
        return app.exec()
    finally:
        db.dispose()
