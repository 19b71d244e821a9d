"""Institutions ▸ Keys: this installation's certificate and its fingerprint (to read aloud
to a partner), whether this computer can sign with it, and every certificate the database
knows. Administrators export ours, import a partner's, revoke a person's key, make or rotate
the institution key; everyone else sees the same with the actions disabled, saying why."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...domain import key_admin
from ...domain.keys import (
    INSTITUTION,
    PARTNER,
    PERSON,
    CertificateInfo,
    home_certificate_info,
    institution_key_problem,
    list_certificates,
)
from ..context import AppContext
from ..dialogs import OK_STYLE, action_button, fit_to_screen, set_allowed
from ..errors import confirm, inform
from ..locale_format import date_text
from ..tablemodel import local_time
from ..tables import Cell, SearchableTable, monospace
from ..translation import Translator, translated
from ..widgets import write_text_file
from .dialogs import ImportCertificateDialog, RevokeKeyDialog

_keys_window = Translator("_keys_window")

CERTIFICATE_COLUMNS = (
    _keys_window.noop("Kind"),
    _keys_window.noop("Holder"),
    _keys_window.noop("Institution"),
    _keys_window.noop("Fingerprint"),
    _keys_window.noop("Valid from"),
    _keys_window.noop("Valid until"),
    _keys_window.noop("State"),
    _keys_window.noop("Revocation reason"),
)
KIND_LABELS = {
    INSTITUTION: _keys_window.noop("our institution"),
    PARTNER: _keys_window.noop("partner", "certificate kind"),
    PERSON: _keys_window.noop("person"),
}
# A certificate's state (CertificateInfo.state) as the window says it.
STATE_LABELS = {
    "current": _keys_window.noop("current", "certificate state"),
    "retired": _keys_window.noop("retired", "certificate state"),
    "revoked": _keys_window.noop("revoked", "certificate state"),
}
FINGERPRINT_COLUMN = CERTIFICATE_COLUMNS.index("Fingerprint")
WARNING_STYLE = "color: #b00020; font-weight: bold;"


def grouped(fingerprint: str) -> str:
    """The whole SHA-256 fingerprint in groups of four, as the short one is written."""
    upper = fingerprint.upper()
    return " ".join(upper[i : i + 4] for i in range(0, len(upper), 4))


def local_date(moment: datetime) -> str:
    """The day of a stored (UTC) moment in this computer's time zone, the locale's way."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return date_text(aware.astimezone().date())


def certificate_row(info: CertificateInfo) -> list[Cell]:
    holder = f"{info.holder} ({info.username})" if info.username else info.holder
    return [
        translated(KIND_LABELS.get(info.kind, info.kind)),
        holder,
        info.institution_code,
        info.short_fingerprint,
        local_date(info.valid_from),  # the date: certificates last years
        local_date(info.valid_until),
        translated(STATE_LABELS.get(info.state, info.state)),
        info.revocation_reason or "",
    ]


def _selectable(name: str, *, mono: int | None = None) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if mono is not None:
        label.setFont(monospace(mono))
    return label


class KeysWindow(QDialog):
    """Not modal: it stays open beside the main window, and reads again after a change."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keysWindow")
        self.setWindowTitle(_keys_window.tr("Institution keys"))
        self.ctx = ctx
        self.home: CertificateInfo | None = None
        self.key_problem: str | None = None
        self.certificates: list[CertificateInfo] = []
        fit_to_screen(self, 1200, 700)

        self.institution_label = _selectable("institutionLabel")
        self.short_label = _selectable("shortFingerprint", mono=20)
        font = self.short_label.font()
        font.setBold(True)
        self.short_label.setFont(font)
        self.full_label = _selectable("fullFingerprint", mono=0)
        self.validity_label = _selectable("validityLabel")
        self.key_label = _selectable("privateKeyLabel")
        facts = QFormLayout()
        facts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        facts.addRow(_keys_window.tr("Institution:"), self.institution_label)
        facts.addRow(_keys_window.tr("Fingerprint:"), self.short_label)
        facts.addRow("SHA-256:", self.full_label)
        facts.addRow(_keys_window.tr("Valid:"), self.validity_label)
        facts.addRow(_keys_window.tr("Private key:"), self.key_label)
        hint = QLabel(
            _keys_window.tr(
                "Read the fingerprint aloud to a partner when you send them the certificate: "
                "they type what they hear when they import it."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        home_box = QGroupBox(_keys_window.tr("This installation's certificate"))
        home_layout = QVBoxLayout(home_box)
        home_layout.addLayout(facts)
        home_layout.addWidget(hint)

        def make(text: str, name: str, slot: Callable[[], object]) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            action.triggered.connect(lambda _=False: slot())
            return action

        self.export_action = make(
            _keys_window.tr("&Export our certificate…"), "exportAction", self.export
        )
        self.import_action = make(
            _keys_window.tr("&Import a partner's certificate…"), "importAction", self.import_partner
        )
        self.revoke_action = make(
            _keys_window.tr("&Revoke a person's key…"), "revokeAction", self.revoke
        )
        self.create_action = make(
            _keys_window.tr("&Make the institution key"), "createKeyAction", self.create_key
        )
        self.rotate_action = make(
            _keys_window.tr("R&otate the institution key…"), "rotateAction", self.rotate
        )
        self.action_buttons = {
            action: action_button(action, f"{action.objectName().removesuffix('Action')}Button")
            for action in (
                self.export_action,
                self.import_action,
                self.revoke_action,
                self.create_action,
                self.rotate_action,
            )
        }
        bar = QHBoxLayout()
        for button in self.action_buttons.values():
            bar.addWidget(button)
        bar.addStretch(1)

        self.table = SearchableTable(
            "certificates",
            [translated(column) for column in CERTIFICATE_COLUMNS],
            nouns=(
                _keys_window.tr("certificate", "counted"),
                _keys_window.tr("certificates", "counted"),
            ),
            search_hint=_keys_window.tr("Search: holder, institution, fingerprint, state, reason"),
            fixed_width=(FINGERPRINT_COLUMN,),
        )
        self.table.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_actions()
        )
        list_box = QGroupBox(_keys_window.tr("Every certificate this database knows"))
        list_layout = QVBoxLayout(list_box)
        list_layout.addLayout(bar)
        list_layout.addWidget(self.table, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(home_box)
        layout.addWidget(list_box, 1)
        layout.addWidget(buttons)
        ctx.changed.connect(self._records_changed)
        self.refresh()

    # ------------------------------------------------------------------ reading

    def _records_changed(self) -> None:
        """After any operation (here or in the main window): read again, if open."""
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the certificates, and whether this computer holds the key, again."""
        store = self.ctx.db
        self.home = home_certificate_info(store)
        self.key_problem = institution_key_problem(store)
        self.certificates = list_certificates(store)
        home = self.home
        if home is None:
            self.institution_label.setText(
                _keys_window.tr("This installation has no institution certificate yet.")
            )
            for label in (self.short_label, self.full_label, self.validity_label):
                label.setText("—")
        else:
            self.institution_label.setText(
                f"<b>{home.institution_name}</b> ({home.institution_code})"
            )
            self.short_label.setText(home.short_fingerprint)
            self.full_label.setText(grouped(home.fingerprint))
            self.validity_label.setText(
                _keys_window.tr("from {start} until {end}").format(
                    start=local_time(home.valid_from), end=local_time(home.valid_until)
                )
            )
        if self.key_problem is None:
            self.key_label.setText(
                _keys_window.tr(
                    "This computer holds the institution's private key: it signs documents and "
                    "couriers' confirmations here."
                )
            )
            self.key_label.setStyleSheet(OK_STYLE)
        else:
            self.key_label.setText(translated(self.key_problem))
            self.key_label.setStyleSheet(WARNING_STYLE)
        self.table.set_rows([certificate_row(info) for info in self.certificates])
        self._update_actions()

    def selected(self) -> CertificateInfo | None:
        row = self.table.current_row()
        return self.certificates[row] if row is not None else None

    def _update_actions(self) -> None:
        institutions = self.ctx.why_not("manage_institutions")
        people = self.ctx.why_not("manage_people")
        home = self.home
        no_home = _keys_window.tr("This installation has no institution certificate yet.")
        set_allowed(
            self.export_action,
            None if home else no_home,
            _keys_window.tr(
                "Save our certificate as a .pem file for partners and for verify-pdf --certificate"
            ),
        )
        set_allowed(
            self.import_action,
            institutions,
            _keys_window.tr(
                "Trust a partner institution's certificate once its fingerprint is confirmed"
            ),
        )
        revocable = any(c.kind == PERSON and c.revoked_at is None for c in self.certificates)
        set_allowed(
            self.revoke_action,
            people or (None if revocable else _keys_window.tr("Nobody has a signing key yet.")),
            _keys_window.tr(
                "Refuse a person's signatures from a moment on (they left, a key was lost)"
            ),
        )
        # Make is for a database from before keys; once there is a key it is rotated instead.
        self.action_buttons[self.create_action].setVisible(home is None)
        self.action_buttons[self.rotate_action].setVisible(home is not None)
        set_allowed(
            self.create_action,
            institutions,
            _keys_window.tr("Make this installation's institution key and certificate"),
        )
        set_allowed(
            self.rotate_action,
            institutions or (self.key_problem if home else no_home),
            _keys_window.tr("Replace the institution key with a new one, endorsed by the old"),
        )

    # ------------------------------------------------------------------ actions

    def export(self, path: Path | None = None) -> Path | None:
        """Save our certificate as PEM (asking where when ``path`` is None)."""
        home = self.home
        if home is None or not self.export_action.isEnabled():
            return None
        if path is None:
            start = Path.home() / (
                f"{home.institution_code}-certificate-{home.fingerprint[:8].upper()}.pem"
            )
            name, _ = QFileDialog.getSaveFileName(
                self,
                _keys_window.tr("Export our certificate"),
                str(start),
                _keys_window.tr("Certificates (*.pem)"),
            )
            if not name:
                return None
            path = Path(name)
            if path.suffix.lower() != ".pem":
                path = path.with_name(path.name + ".pem")
        target, pem = path, home.pem
        written = self.ctx.ops.value(
            self,
            _keys_window.tr("Export our certificate"),
            lambda _progress: write_text_file(target, pem),
            changes=False,
        )
        if written is not None:
            inform(
                self,
                _keys_window.tr("Certificate exported"),
                _keys_window.tr(
                    "Our certificate is in {file}.\n\nWhen you send it, read its fingerprint "
                    "aloud to the partner:\n{fingerprint}"
                ).format(file=written, fingerprint=home.short_fingerprint),
            )
        return written

    def import_partner(self) -> None:
        if not self.import_action.isEnabled():
            return
        home_code = self.home.institution_code if self.home else None
        self._form(ImportCertificateDialog(self.ctx, home_code, self))

    def revoke(self) -> None:
        if not self.revoke_action.isEnabled():
            return
        chosen = self.selected()
        username = chosen.username if chosen is not None else None
        self._form(RevokeKeyDialog(self.ctx, self.certificates, self, username=username))

    def _form(self, dialog: QDialog) -> None:
        """A form whose work, once done, emits ``changed``: this window reads again then."""
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def create_key(self) -> None:
        if not self.create_action.isEnabled():
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.ctx.ops.run(
            self,
            _keys_window.tr("Make the institution key"),
            lambda _progress: key_admin.create_institution_key(db, actor),
        )

    def rotate(self) -> None:
        home = self.home
        if home is None or not self.rotate_action.isEnabled():
            return
        if not confirm(
            self,
            _keys_window.tr("Rotate the institution key"),
            _keys_window.tr(
                "Make a new institution key for {institution}?\n\n"
                "The current certificate ({fingerprint}) is retired and endorses the "
                "new one; what it signed stays valid. Every person's signing certificate is "
                "retired with it, and each person gets a new one at their next signature.\n\n"
                "Afterwards, export the new certificate for your partners and read them its "
                "fingerprint. Other workstations of this installation need a copy of the new key."
            ).format(institution=home.institution_name, fingerprint=home.short_fingerprint),
        ):
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.ctx.ops.run(
            self,
            _keys_window.tr("Rotate the institution key"),
            lambda _progress: key_admin.rotate_institution_key(db, actor),
        )
