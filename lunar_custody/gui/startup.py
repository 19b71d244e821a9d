"""What every window of the program needs before it opens: the application object with its
fonts, the log and the crash dialog, and the database (or plain words why it cannot be
opened). Both the workstation (app.py) and the courier window start here."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from ..domain.errors import CustodyError
from ..logfile import configure_logging, enable_fault_log, take_last_crash
from ..resources_path import resource
from ..storage import Database, check_workable_file, resolve_database_url
from .errors import confirm, inform, install_excepthook, show_error
from .resources import icon
from .translation import Translator, install_translations

_startup = Translator("_startup")

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
    install_translations(app)  # before any window: LUNAR_CUSTODY_LANG, else Preferences
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
        check_workable_file(resolved)
        return Database.open(resolved)
    except CustodyError as error:
        show_error(None, error)
        return None


def offer_last_crash() -> None:
    """After a native crash (nothing Python could catch), say so and offer what was recorded."""
    trace = take_last_crash()
    if trace and confirm(
        None,
        _startup.tr("Lunar Custody stopped unexpectedly"),
        _startup.tr(
            "Lunar Custody stopped unexpectedly the last time it ran. Every confirmed "
            "operation was saved: each is one transaction.\n\nShow what was recorded about "
            "the crash?"
        ),
    ):
        inform(
            None,
            _startup.tr("What was recorded about the crash"),
            _startup.tr(
                "Python's stacks at the moment of the crash are below, and in the log file. "
                "Please send them to whoever looks after the program."
            ),
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
