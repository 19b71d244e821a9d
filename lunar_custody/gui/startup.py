"""What every window of the program needs before it opens: the application object with its
fonts, the log and the crash dialog, and the database (or plain words why it cannot be
opened). Both the workstation (app.py) and the courier window start here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ..domain.errors import CustodyError, DatabaseMissingError, DatabaseReadOnlyError
from ..logfile import configure_logging, enable_fault_log, take_last_crash
from ..resources_path import resource
from ..storage.database import Database, default_database_path, resolve_database_url
from .errors import confirm, inform, install_excepthook, show_error
from .resources import icon

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
    add_shipped_fonts()
    return app


def add_shipped_fonts() -> None:
    """The fonts the PDFs embed serve the window too: a workstation without a Chinese font
    would otherwise show 国家航天局 as boxes. The system's fonts still come first."""
    for font in sorted(resource("fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font))


def open_database(url: str | None) -> Database | None:
    """The database, or None after telling the person plainly why it cannot be opened."""
    try:
        resolved = resolve_database_url(url)
        _check_sqlite_file(resolved)
        return Database.open(resolved)
    except CustodyError as error:
        show_error(None, error)
        return None


def _check_sqlite_file(url: str) -> None:
    """Refuse, before anything is created, what the workstation cannot work with.

    A new file is made only in a folder that exists (or at the default place): a missing
    folder is a mistyped path or a network drive not connected, and a new empty database
    there would split the records. SQLite opens a read-only file without complaint, but
    signing in already writes, so that is said now, not at the first signature.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # Database.open explains what a database URL looks like
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    path = Path(os.path.abspath(Path(str(parsed.database)).expanduser()))
    if not path.exists():
        default = Path(os.path.abspath(default_database_path()))
        if path != default and not path.parent.is_dir():
            raise DatabaseMissingError(
                f"There is no database at {path}: the folder {path.parent} does not exist. "
                "Check the path, and that its network drive is connected."
            )
        return
    effective = os.access in os.supports_effective_ids  # root may write a read-only file
    if path.is_file() and not os.access(path, os.W_OK, effective_ids=effective):
        raise DatabaseReadOnlyError(
            f"The database {path} is read-only: you may read it but not record anything. "
            "Ask for write permission on the file, or open a copy of it."
        )


def offer_last_crash() -> None:
    """After a native crash (nothing Python could catch), say so and offer what was recorded."""
    trace = take_last_crash()
    if trace and confirm(
        None,
        "Lunar Custody stopped unexpectedly",
        "Lunar Custody stopped unexpectedly the last time it ran. Every confirmed operation "
        "was saved: each is one transaction.\n\nShow what was recorded about the crash?",
    ):
        inform(
            None,
            "What was recorded about the crash",
            "Python's stacks at the moment of the crash are below, and in the log file. "
            "Please send them to whoever looks after the program.",
            trace,
        )


def start(url: str | None) -> tuple[QApplication, Database] | None:
    """The application with its log and crash dialog, and the database open; None when the
    database cannot be used (the person has been told why)."""
    app = application()
    configure_logging()
    install_excepthook()
    offer_last_crash()
    enable_fault_log()
    db = open_database(url)
    return None if db is None else (app, db)
