"""Messages to the person at the screen: plain words for refusals, a crash dialog for bugs,
questions and notices. Every message box goes through ``present`` (tests replace it)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.errors import (
    AuthenticationError,
    CustodyError,
    DatabaseError,
    DatabaseLockedError,
    DatabaseMissingError,
    DatabaseReadOnlyError,
    ImportRejected,
    NewerSchemaError,
    NotADatabaseError,
    PermissionDenied,
)
from ..domain.wording import Said
from ..logfile import record_crash
from .translation import MarkedText, Translator, translated

_errors = Translator("_errors")


def present(box: QMessageBox) -> QMessageBox.StandardButton:
    """Show a message box and wait for an answer (tests replace this to read it instead)."""
    return QMessageBox.StandardButton(box.exec())


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; True for Yes."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setObjectName("confirmDialog")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return present(box) == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.setObjectName("infoDialog")
    if details:
        box.setDetailedText(details)
    present(box)


def error_text(error: BaseException) -> str:
    """An error in the window's language: the domain's sentences (``Said``) and the window's
    own (marked with ``noop``, like widgets.PASSWORDS_DIFFER); any other as it is. A refused
    import is its headline and then one indented line per refused row, as in English."""
    if isinstance(error, ImportRejected):
        rows = (f"\n  {translated(row)}" for row in error.row_lines)
        return "".join([translated(error.headline), *rows])
    said = error.args[0] if len(error.args) == 1 else None
    return translated(said) if isinstance(said, MarkedText | Said) else str(error)


def error_title(error: CustodyError) -> str:
    titles: list[tuple[type[CustodyError], str]] = [
        (DatabaseLockedError, _errors.tr("Database busy")),
        (DatabaseReadOnlyError, _errors.tr("Database is read-only")),
        (DatabaseMissingError, _errors.tr("Database not found")),
        (NewerSchemaError, _errors.tr("Database from a newer version")),
        (NotADatabaseError, _errors.tr("Not a Lunar Custody database")),
        (DatabaseError, _errors.tr("Database problem")),
        (AuthenticationError, _errors.tr("Not signed")),
        (PermissionDenied, _errors.tr("Not allowed")),
        (ImportRejected, _errors.tr("Import refused")),
    ]
    for kind, title in titles:
        if isinstance(error, kind):
            return title
    return _errors.tr("Cannot do that")


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """A domain error in its own words; anything else is a bug: logged, with a crash dialog."""
    if isinstance(error, CustodyError):
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(error_title(error))
        text = error_text(error)
        if isinstance(error, ImportRejected):
            box.setText(text.splitlines()[0])
            box.setDetailedText(text)
        else:
            box.setText(text)
        box.setObjectName("errorDialog")
        present(box)
        return
    show_crash(parent, error)


def show_crash(parent: QWidget | None, error: BaseException) -> None:
    path = record_crash(error)
    box = QMessageBox(parent)
    box.setObjectName("crashDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_errors.tr("Unexpected error"))
    box.setText(
        _errors.tr(
            "Something went wrong inside Lunar Custody. What you were doing was not saved "
            "half-way: every operation is one transaction."
        )
    )
    box.setInformativeText(
        _errors.tr(
            "The details are in the log file:\n{path}\nPlease send it to whoever looks after "
            "the program."
        ).format(path=path)
    )

    present(box)


@contextmanager
def reported(parent: QWidget | None) -> Iterator[None]:
    """``with reported(self):`` around a user action: errors become dialogs."""
    try:
        yield
    except Exception as error:  # the action is over; the window must stay usable
        show_error(parent, error)


def install_excepthook() -> None:
    """Exceptions that reach Qt's event loop get the crash dialog instead of a dead window."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        show_error(None, error.with_traceback(tb))

    sys.excepthook = hook
