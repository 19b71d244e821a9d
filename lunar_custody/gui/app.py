"""Starting the desktop program: the application object, the database, signing in."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog

from ..domain import queries
from ..domain.errors import CustodyError
from ..domain.permissions import Actor
from ..logfile import configure_logging
from ..storage.database import Database
from .context import AppContext
from .errors import install_excepthook, show_error
from .resources import icon
from .signin import FirstRunDialog, SignInDialog

ORGANIZATION = "LunarCustody"
APPLICATION = "lunar-custody"


def application() -> QApplication:
    """The one QApplication, named so that QSettings has a home."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName("Lunar Custody")
    app.setWindowIcon(icon("lunar-custody"))
    return app


def open_database(url: str | None) -> Database | None:
    """The database, or None after telling the person plainly why it cannot be opened."""
    try:
        return Database.open(url)
    except CustodyError as error:
        show_error(None, error)
        return None


def sign_in(db: Database, *, username: str = "") -> Actor | None:
    """First run on a new database, else the sign-in dialog; None if cancelled."""
    if not queries.has_users(db):
        first = FirstRunDialog(db)
        return first.actor if first.exec() == QDialog.DialogCode.Accepted else None
    dialog = SignInDialog(db, db.name, username=username)
    return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None


def run_workstation(url: str | None) -> int:
    """``lunar-custody`` without a command: the main window until it is closed."""
    from .main_window import MainWindow

    app = application()
    configure_logging()
    install_excepthook()
    db = open_database(url)
    if db is None:
        return 3
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
