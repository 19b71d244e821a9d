"""The administrator's key dialogs: trust a partner's certificate once its fingerprint has
been confirmed, and revoke a person's key. Each reads its fields in ``prepare`` and runs one
``key_admin`` call through the operation runner; a refusal is shown beside the fields."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...domain import key_admin, queries
from ...domain.errors import ValidationError
from ...domain.keys import PERSON, CertificateInfo
from ...trust import keys as trust_keys
from ..context import AppContext
from ..dialogs import FormDialog, reason_edit
from ..errors import error_text
from ..operations import Work
from ..tables import monospace
from ..translation import Translator, translated

_keys_dialogs = Translator("_keys_dialogs")

CERTIFICATE_FILTER = _keys_dialogs.noop("Certificates (*.pem *.crt *.cer *.der);;All files (*)")
CERTIFICATE_LIMIT = 64 * 1024  # bytes: an X.509 certificate is a few hundred


def read_certificate_file(path: Path) -> bytes:
    """A certificate file's bytes; ValidationError in plain words when it cannot be one."""
    try:
        if path.stat().st_size > CERTIFICATE_LIMIT:
            raise ValidationError(
                _keys_dialogs.tr("{file} is too large to be a certificate.").format(file=path.name)
            )
        return path.read_bytes()
    except OSError as error:
        raise ValidationError(
            _keys_dialogs.tr("Cannot read {file}: {reason}").format(
                file=path.name, reason=error.strerror or error
            )
        ) from error


class ImportCertificateDialog(FormDialog):
    """A partner's institution certificate, trusted once the person confirms the
    fingerprint the partner read out (the domain compares them and refuses a mismatch)."""

    def __init__(
        self, ctx: AppContext, home_code: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            parent,
            _keys_dialogs.tr("Import a partner's certificate"),
            "importCertificateDialog",
            ops=ctx.ops,
            ok_text=_keys_dialogs.tr("Trust this certificate"),
        )
        self.ctx = ctx
        self.pem: bytes | None = None
        self.institution_combo = QComboBox()
        self.institution_combo.setObjectName("institutionCombo")
        for code, name in queries.institution_choices(ctx.db):
            if code != home_code:  # our own certificate is made here, not imported
                self.institution_combo.addItem(f"{code} — {name}", code)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("pathEdit")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(_keys_dialogs.tr("the .pem file the partner sent"))
        choose = QPushButton(_keys_dialogs.tr("&Choose…"))
        choose.setObjectName("chooseFileButton")
        choose.clicked.connect(lambda _=False: self.choose_file())
        file_row = QWidget()
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_edit, 1)
        row.addWidget(choose)
        self.file_fingerprint = QLabel("—")
        self.file_fingerprint.setObjectName("fileFingerprint")
        self.file_fingerprint.setFont(monospace(13))
        self.file_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(
            _keys_dialogs.tr(
                "Ask the partner to read their certificate's fingerprint aloud (or compare it "
                "with the one printed on an agreement they signed) and type what they read. The "
                "certificate is trusted only if the two match."
            )
        )
        note.setWordWrap(True)
        self.confirmed_edit = QLineEdit()
        self.confirmed_edit.setObjectName("confirmedEdit")
        self.confirmed_edit.setFont(monospace())
        self.confirmed_edit.setPlaceholderText(
            _keys_dialogs.tr("e.g. 3F2A 91C0 7B1D E004 55AA 1234 ABCD 9F00")
        )
        self.form.addRow(_keys_dialogs.tr("&Institution:"), self.institution_combo)
        self.form.addRow(_keys_dialogs.tr("Certificate &file:"), file_row)
        self.form.addRow(_keys_dialogs.tr("The file's fingerprint:"), self.file_fingerprint)
        self.form.addRow(note)
        self.form.addRow(
            _keys_dialogs.tr("Fingerprint the &partner read out:"), self.confirmed_edit
        )
        self.setMinimumWidth(640)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            _keys_dialogs.tr("The partner's certificate"),
            str(Path.home()),
            translated(CERTIFICATE_FILTER),
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        """Read the certificate at ``path`` and show its fingerprint to compare."""
        self.error_label.clear()
        self.pem = None
        self.path_edit.setText(str(path))
        self.file_fingerprint.setText("—")
        try:
            data = read_certificate_file(path)
            certificate = trust_keys.load_certificate(data)
        except ValidationError as error:
            self.error_label.setText(error_text(error))
            return
        except trust_keys.CertificateError as error:
            self.error_label.setText(
                _keys_dialogs.tr("That file is {problem}.").format(problem=error)
            )
            return
        self.pem = data
        self.file_fingerprint.setText(
            trust_keys.short_fingerprint(trust_keys.fingerprint(certificate))
        )
        self.confirmed_edit.setFocus()

    def prepare(self) -> Work[object]:
        if self.pem is None:
            raise ValidationError(_keys_dialogs.tr("Choose the certificate file the partner sent."))
        db, actor, pem = self.ctx.db, self.ctx.actor, self.pem
        code = str(self.institution_combo.currentData() or "")
        confirmed = self.confirmed_edit.text()
        return lambda _progress: key_admin.import_partner_certificate(
            db, actor, code, pem, confirmed
        )


class RevokeKeyDialog(FormDialog):
    """Revoke every signing certificate of a person from a moment on (default: now)."""

    def __init__(
        self,
        ctx: AppContext,
        certificates: list[CertificateInfo],
        parent: QWidget | None = None,
        *,
        username: str | None = None,
    ) -> None:
        super().__init__(
            parent,
            _keys_dialogs.tr("Revoke a person's key"),
            "revokeKeyDialog",
            ops=ctx.ops,
            ok_text=_keys_dialogs.tr("Revoke"),
        )
        self.ctx = ctx
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("personCombo")
        holders: dict[str, str] = {}
        for info in certificates:
            if info.kind == PERSON and info.username and info.revoked_at is None:
                holders[info.username] = f"{info.holder} ({info.username}, {info.institution_code})"
        for name, label in sorted(holders.items(), key=lambda item: item[1].casefold()):
            self.person_combo.addItem(label, name)
        if username is not None:
            self.person_combo.setCurrentIndex(max(0, self.person_combo.findData(username)))
        self.reason_edit = reason_edit(
            _keys_dialogs.tr("e.g. left the laboratory on 30 June; laptop stolen")
        )
        self.reason_edit.setMaximumHeight(90)
        self.opened_at = QDateTime.currentDateTime()
        self.from_edit = QDateTimeEdit(self.opened_at)
        self.from_edit.setObjectName("fromEdit")
        self.from_edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.from_edit.setCalendarPopup(True)
        self.from_edit.setToolTip(
            _keys_dialogs.tr("Local time. A past moment when the key was lost or they left.")
        )
        note = QLabel(
            _keys_dialogs.tr(
                "What they signed before this moment stays valid; a signature claiming to be "
                "made from then on is refused."
            )
        )
        note.setWordWrap(True)
        self.form.addRow(_keys_dialogs.tr("&Person:"), self.person_combo)
        self.form.addRow(note)
        self.form.addRow(_keys_dialogs.tr("&From:"), self.from_edit)
        self.form.addRow(_keys_dialogs.tr("&Reason:"), self.reason_edit)

    def revoked_from(self) -> datetime | None:
        """The moment chosen, in UTC (None: now, as the service stamps it)."""
        chosen = self.from_edit.dateTime()
        if chosen == self.opened_at:
            return None
        return datetime.fromtimestamp(chosen.toSecsSinceEpoch(), UTC)

    def prepare(self) -> Work[object]:
        username = self.person_combo.currentData()
        if not username:
            raise ValidationError(_keys_dialogs.tr("Choose whose key to revoke."))
        db, actor = self.ctx.db, self.ctx.actor
        reason, at = self.reason_edit.toPlainText(), self.revoked_from()
        return lambda _progress: key_admin.revoke_person(
            db, actor, str(username), reason=reason, at=at
        )
