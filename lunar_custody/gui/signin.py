"""Before the main window: the first-run dialog of a new database, and signing in."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..domain import identity, registry
from ..domain.errors import ValidationError
from ..domain.permissions import Actor
from ..domain.store import Store
from .dialogs import FormDialog
from .operations import Work
from .translation import Translator
from .widgets import PASSWORDS_DIFFER, FieldChecks, text_problem, watch_passwords

_signin = Translator("_signin")


class FirstRunDialog(FormDialog):
    """A new database: the lending institution and its first administrator."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent, _signin.tr("Lunar Custody — new database"), "firstRunDialog")
        self.ok_button.setDefault(True)
        self.store = store
        self.actor: Actor | None = None
        intro = QLabel(
            _signin.tr(
                "This database is new. Name the lending curation facility and create its "
                "first administrator, who will then add the other institutions and people."
            )
        )
        intro.setWordWrap(True)
        self.body.insertWidget(0, intro)
        self.code = _named(QLineEdit(), "lenderCode")
        self.code.setPlaceholderText(_signin.tr("e.g. CNSA"))
        self.name = _named(QLineEdit(), "lenderName")
        self.local_name = _named(QLineEdit(), "lenderLocalName")
        self.local_name.setPlaceholderText(_signin.tr("e.g. 国家航天局 (optional)"))
        self.country = _named(QLineEdit(), "lenderCountry")
        self.address = _named(QPlainTextEdit(), "lenderAddress")
        self.address.setMaximumHeight(70)
        self.username = _named(QLineEdit(), "adminUsername")
        self.full_name = _named(QLineEdit(), "adminFullName")
        self.password = _named(QLineEdit(), "adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            _signin.tr("at least %n characters", "", identity.MIN_PASSWORD_LENGTH)
        )
        self.repeat = _named(QLineEdit(), "adminRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        for label, widget in [
            (_signin.tr("Lender code:"), self.code),
            (_signin.tr("Lender name:"), self.name),
            (_signin.tr("Name in local script:"), self.local_name),
            (_signin.tr("Country:"), self.country),
            (_signin.tr("Address:"), self.address),
            (_signin.tr("Administrator user name:"), self.username),
            (_signin.tr("Administrator full name:"), self.full_name),
            (_signin.tr("Password:"), self.password),
            (_signin.tr("Repeat password:"), self.repeat),
        ]:
            self.form.addRow(label, widget)
        # each field as registry.bootstrap checks it, under the field as it is typed
        self.checks = FieldChecks(self.ok_button)
        fields: list[tuple[QLineEdit | QPlainTextEdit, Callable[[str], str]]] = [
            (self.code, registry.clean_institution_code),
            (self.name, registry.clean_institution_name),
            (self.local_name, registry.clean_local_name),
            (self.country, registry.clean_country),
            (self.address, registry.clean_address),
            (self.username, registry.clean_username),
            (self.full_name, registry.clean_full_name),
        ]
        for field, check in fields:
            self.checks.watch(field, text_problem(field, check), self.form)
        watch_passwords(self.checks, self.form, self.password, self.repeat)

    def prepare(self) -> Work[Actor]:
        if self.password.text() != self.repeat.text():
            raise ValidationError(PASSWORDS_DIFFER)  # FormDialog.refuse translates it
        store = self.store
        fields = {
            "lender_code": self.code.text(),
            "lender_name": self.name.text(),
            "lender_local_name": self.local_name.text(),
            "country": self.country.text(),
            "address": self.address.toPlainText(),
            "admin_username": self.username.text(),
            "admin_full_name": self.full_name.text(),
            "admin_password": self.password.text(),
        }
        return lambda _progress: registry.bootstrap(store, **fields)

    def succeeded(self, result: Actor) -> None:
        self.actor = result


class SignInDialog(FormDialog):
    """User name and password (a courier may use the PIN)."""

    def __init__(
        self,
        store: Store,
        database_name: str,
        parent: QWidget | None = None,
        *,
        username: str = "",
        method: str = identity.PASSWORD,
    ) -> None:
        # Qt adds " — Lunar Custody" (the application's display name) to a window's title
        super().__init__(
            parent,
            _signin.tr("Sign in — {database}").format(database=database_name),
            "signInDialog",
        )
        self.ok_button.setDefault(True)
        self.store = store
        self.method = method
        self.actor: Actor | None = None
        heading = QLabel(
            _signin.tr("Sign in to <b>{database}</b>").format(database=_escape(database_name))
        )
        heading.setTextFormat(Qt.TextFormat.RichText)
        self.body.insertWidget(0, heading)
        self.username = _named(QLineEdit(username), "username")
        self.secret = _named(QLineEdit(), "password")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(_signin.tr("User name:"), self.username)
        self.form.addRow(
            _signin.tr("PIN:") if method == identity.PIN else _signin.tr("Password:"), self.secret
        )

        (self.secret if username else self.username).setFocus()

    def prepare(self) -> Work[Actor]:
        store, username, secret, method = (
            self.store,
            self.username.text(),
            self.secret.text(),
            self.method,
        )
        self.secret.clear()
        self.secret.setFocus()
        return lambda _progress: identity.authenticate(store, username, secret, method)

    def succeeded(self, result: Actor) -> None:
        self.actor = result


W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    """``widget`` with its object name (what the tests find it by)."""
    widget.setObjectName(name)
    return widget


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
