"""Partners: the installations this one exchanges files with, and every file sent or received.

A partner is trusted by its **introduction** (a signed file with its institution, key and
people) once the fingerprint the partner read out by another way matches the file's;
administrators add and revoke partners and export our own introduction. Every exchange file
is kept, so a lost one is sent again as it was (Save a copy…). Everyone else sees the same
with the administrator's actions disabled, saying why.
"""

from __future__ import annotations

import html
import weakref
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import ValidationError
from ...domain.keys import CertificateInfo, home_certificate_info
from ...exchange.partners import (
    FileRow,
    Introduction,
    PartnerAdded,
    PartnerInfo,
    add_partner,
    check_revocation_reason,
    export_introduction,
    file_content,
    list_files,
    list_partners,
    read_introduction,
    revoke_partner,
)
from ...trust import keys as trust_keys
from ..context import AppContext
from ..dialogs import FormDialog, ReasonDialog, action_button, fit_to_screen, set_allowed
from ..errors import error_text, inform
from ..locale_format import count_text, date_text
from ..operations import Work
from ..tablemodel import local_time
from ..tables import Cell, SearchableTable, monospace
from ..translation import Translator, translated
from ..vocabulary import word
from ..widgets import write_bytes_file
from . import files

_exchange_partners = Translator("_exchange_partners")

PARTNER_COLUMNS = (
    _exchange_partners.noop("Code"),
    _exchange_partners.noop("Institution"),
    _exchange_partners.noop("Kind"),
    _exchange_partners.noop("Fingerprint"),
    _exchange_partners.noop("State"),
    _exchange_partners.noop("People"),
    _exchange_partners.noop("Files sent"),
    _exchange_partners.noop("Files received"),
    _exchange_partners.noop("Last received"),
    _exchange_partners.noop("Trusted since"),
)
FILE_COLUMNS = (
    _exchange_partners.noop("Direction"),
    _exchange_partners.noop("Partner"),
    _exchange_partners.noop("Kind"),
    _exchange_partners.noop("No."),
    _exchange_partners.noop("About"),
    _exchange_partners.noop("Made"),
    _exchange_partners.noop("Recorded here"),
    _exchange_partners.noop("Summary"),
)
# A partner's state (exchange.partners.PartnerInfo.state), as the window names it.
STATES = {
    "trusted": _exchange_partners.noop("trusted"),
    "revoked": _exchange_partners.noop("revoked"),
}
FINGERPRINT_COLUMN = PARTNER_COLUMNS.index("Fingerprint")
ADMINISTER = "manage_institutions"
HINT_STYLE = "color: #5f6368;"


def partner_row(info: PartnerInfo) -> list[Cell]:
    last = info.last_received
    return [
        info.code,
        info.name,
        word("kind", info.kind),
        info.short_fingerprint,
        translated(STATES.get(info.state, info.state))
        + (f" {date_text(info.revoked_at.date())}" if info.revoked_at else ""),
        (count_text(info.people), info.people),
        (count_text(info.files_sent), info.files_sent),
        (count_text(info.files_received), info.files_received),
        (local_time(last), int(last.timestamp())) if last else (_exchange_partners.tr("never"), 0),
        local_time(info.trusted_since),
    ]


def file_row(row: FileRow) -> list[Cell]:
    return [
        direction_text(row.direction),
        f"{row.partner} ({row.partner_code})",
        files.kind_text(row.kind),
        (str(row.sequence), row.sequence),
        row.subject,
        (local_time(row.made_at), int(row.made_at.timestamp())),
        (local_time(row.recorded_at), int(row.recorded_at.timestamp())),
        row.summary,
    ]


def direction_text(direction: str) -> str:
    if direction == "sent":
        return _exchange_partners.tr("sent to")
    return _exchange_partners.tr("received from")


def _label(name: str, *, mono: int | None = None, bold: bool = False) -> QLabel:
    label = QLabel("—")
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if mono is not None:
        label.setFont(monospace(mono))
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class AddPartnerDialog(FormDialog):
    """A partner's introduction, trusted once the person types the fingerprint the partner
    read out (the domain compares them and refuses a mismatch). A trusted partner's later
    introduction (new people, revocations) needs no confirmation: its key signed it."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        data: bytes | None = None,
        source: str = "",
    ) -> None:
        super().__init__(
            parent,
            _exchange_partners.tr("Add a partner installation"),
            "addPartnerDialog",
            ops=ctx.ops,
            ok_text=_exchange_partners.tr("Trust this partner"),
        )
        self.ctx = ctx
        self.data: bytes | None = None
        self.introduction: Introduction | None = None
        self.known = False
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("pathEdit")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(
            _exchange_partners.tr("the introduction file (.lcx) the partner sent")
        )
        choose = QPushButton(_exchange_partners.tr("&Choose…"))
        choose.setObjectName("chooseFileButton")
        choose.clicked.connect(lambda _=False: self.choose_file())
        file_row_widget = QWidget()
        row = QHBoxLayout(file_row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_edit, 1)
        row.addWidget(choose)
        self.institution_label = _label("introducedInstitution", bold=True)
        self.fingerprint_label = _label("introducedFingerprint", mono=15, bold=True)
        self.people_label = _label("introducedPeople")
        self.note = QLabel(
            _exchange_partners.tr(
                "Telephone the partner (or read the fingerprint printed on an agreement they "
                "signed) and type the fingerprint they read out. The partner is trusted only if "
                "it matches the file's: a file alone proves nothing about who made it."
            )
        )
        self.note.setObjectName("confirmNote")
        self.note.setWordWrap(True)
        self.confirmed_edit = QLineEdit()
        self.confirmed_edit.setObjectName("confirmedEdit")
        self.confirmed_edit.setFont(monospace())
        self.confirmed_edit.setPlaceholderText(
            _exchange_partners.tr("e.g. 3F2A 91C0 7B1D E004 55AA 1234 ABCD 9F00")
        )
        self.form.addRow(_exchange_partners.tr("Introduction &file:"), file_row_widget)
        self.form.addRow(_exchange_partners.tr("Institution:"), self.institution_label)
        self.form.addRow(_exchange_partners.tr("The file's fingerprint:"), self.fingerprint_label)
        self.form.addRow(_exchange_partners.tr("People:"), self.people_label)
        self.form.addRow(self.note)
        self.form.addRow(
            _exchange_partners.tr("Fingerprint the &partner read out:"), self.confirmed_edit
        )
        refusal = ctx.why_not(ADMINISTER)
        if refusal is not None:
            self.ok_button.setEnabled(False)
            self.ok_button.setToolTip(refusal)
            self.error_label.setText(
                _exchange_partners.tr("{refusal} Ask an administrator to add this partner.").format(
                    refusal=refusal
                )
            )
        self.setMinimumWidth(680)
        if data is not None:
            self.load_data(data, source)

    def choose_file(self) -> None:
        path = files.ask_open_path(self, _exchange_partners.tr("The partner's introduction"))
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path) -> None:
        try:
            data = files.read_exchange_file(path)
        except ValidationError as error:
            self.error_label.setText(error_text(error))
            return
        self.load_data(data, str(path))

    def load_data(self, data: bytes, source: str) -> None:
        """Show what the introduction says and whether its key is trusted already."""
        self.data = self.introduction = None
        self.path_edit.setText(source)
        for label in (self.institution_label, self.fingerprint_label, self.people_label):
            label.setText("—")
        try:
            intro = read_introduction(data)
        except ValidationError as error:
            self.error_label.setText(error_text(error))
            return
        if self.ok_button.isEnabled():
            self.error_label.clear()
        self.data, self.introduction = data, intro
        self.institution_label.setText(f"{intro.name} ({intro.code})")
        self.fingerprint_label.setText(intro.short_fingerprint)
        self.people_label.setText(count_text(intro.people))  # the row says "People:"
        trusted = {p.fingerprint: p for p in list_partners(self.ctx.db)}
        partner = trusted.get(intro.fingerprint)
        self.known = partner is not None and partner.revoked_at is None
        self.form.setRowVisible(self.confirmed_edit, not self.known)
        if self.known:
            self.note.setText(
                _exchange_partners.tr(
                    "{name}'s key is trusted already: this later introduction brings its "
                    "new people and revocations, checked against that key."
                ).format(name=intro.name)
            )
        self.confirmed_edit.setFocus()

    def prepare(self) -> Work[PartnerAdded]:
        if self.data is None:
            raise ValidationError(
                _exchange_partners.tr("Choose the introduction file the partner sent.")
            )
        db, actor, data = self.ctx.db, self.ctx.actor, self.data
        confirmed = None if self.known else self.confirmed_edit.text().strip() or None
        return lambda _progress: add_partner(db, actor, data, confirmed)


class PartnersWindow(QDialog):
    """Not modal: it stays open beside the main window, and reads again after a change."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnersWindow")
        self.setWindowTitle(_exchange_partners.tr("Partner installations"))
        self.ctx = ctx
        self.partners: list[PartnerInfo] = []
        self.files: list[FileRow] = []
        self.home: CertificateInfo | None = None
        fit_to_screen(self, 1200, 760)

        self.home_label = _label("homeLabel")
        self.home_fingerprint = _label("homeFingerprint", mono=14, bold=True)
        hint = QLabel(
            _exchange_partners.tr(
                "Partners are other institutions' installations. Custody crosses to them in "
                "signed exchange files: Export to partner… on a loan, a transfer or aliquots, "
                "and File ▸ Import exchange file… (or drop the file on the window) on the other "
                "side."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)

        def make(text: str, name: str, slot: Callable[[], object]) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            action.triggered.connect(lambda _=False: slot())
            return action

        self.add_action = make(
            _exchange_partners.tr("&Add partner…"), "addPartnerAction", self.add_partner
        )
        self.revoke_action = make(
            _exchange_partners.tr("&Revoke…"), "revokePartnerAction", self.revoke
        )
        self.introduction_action = make(
            _exchange_partners.tr("&Export our introduction…"),
            "exportIntroductionAction",
            self.export_introduction,
        )
        self.save_copy_action = make(
            _exchange_partners.tr("&Save a copy…"), "saveCopyAction", self.save_copy
        )
        bar = QHBoxLayout()
        for action in (self.add_action, self.revoke_action, self.introduction_action):
            bar.addWidget(action_button(action, action.objectName().replace("Action", "Button")))
        bar.addStretch(1)

        self.table = SearchableTable(
            "partners",
            [translated(title) for title in PARTNER_COLUMNS],
            nouns=(_exchange_partners.tr("partner"), _exchange_partners.tr("partners")),
            search_hint=_exchange_partners.tr("Search: code, institution, fingerprint, state"),
            fixed_width=(FINGERPRINT_COLUMN,),
        )
        self.table.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_actions()
        )
        self.empty_label = QLabel(
            _exchange_partners.tr(
                "No partner installation yet. An administrator adds one from the introduction "
                "file the partner sends (Add partner…), after confirming its fingerprint with "
                "them."
            )
        )
        self.empty_label.setObjectName("noPartnersLabel")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(HINT_STYLE)
        partners_box = QGroupBox(_exchange_partners.tr("Partners"))
        partners_layout = QVBoxLayout(partners_box)
        partners_layout.addWidget(self.home_label)
        partners_layout.addWidget(self.home_fingerprint)
        partners_layout.addWidget(hint)
        partners_layout.addLayout(bar)
        partners_layout.addWidget(self.empty_label)
        partners_layout.addWidget(self.table, 1)

        self.file_table = SearchableTable(
            "exchangeFiles",
            [translated(title) for title in FILE_COLUMNS],
            nouns=(_exchange_partners.tr("file"), _exchange_partners.tr("files")),
            search_hint=_exchange_partners.tr("Search: partner, kind, loan or transfer number"),
        )
        self.file_table.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_actions()
        )
        self.file_table.activated.connect(lambda _row: self.save_copy())
        files_bar = QHBoxLayout()
        files_bar.addWidget(action_button(self.save_copy_action, "saveCopyButton"))
        files_note = QLabel(
            _exchange_partners.tr("A file lost on the way is sent again as it was.")
        )
        files_note.setStyleSheet(HINT_STYLE)
        files_bar.addWidget(files_note)
        files_bar.addStretch(1)
        files_box = QGroupBox(_exchange_partners.tr("Exchange files sent and received"))
        files_layout = QVBoxLayout(files_box)
        files_layout.addLayout(files_bar)
        files_layout.addWidget(self.file_table, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(partners_box)
        splitter.addWidget(files_box)
        splitter.setSizes([380, 380])
        splitter.setChildrenCollapsible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        ctx.changed.connect(self._records_changed)
        self.refresh()

    # ------------------------------------------------------------------ reading

    def _records_changed(self) -> None:
        """After any operation (here or in the main window): read again, if open."""
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        store = self.ctx.db
        self.home = home = home_certificate_info(store)
        if home is None:
            self.home_label.setText(
                _exchange_partners.tr("This installation has no institution key yet.")
            )
            self.home_fingerprint.setText("—")
        else:
            self.home_label.setText(
                _exchange_partners.tr(
                    "This installation: <b>{name}</b> ({code}). Our fingerprint, to read aloud "
                    "to a partner who adds our introduction:"
                ).format(
                    name=html.escape(home.institution_name),
                    code=html.escape(home.institution_code),
                )
            )
            self.home_fingerprint.setText(home.short_fingerprint)
        self.partners = list_partners(store)
        self.files = list_files(store)
        self.table.set_rows([partner_row(p) for p in self.partners])
        self.file_table.set_rows([file_row(f) for f in self.files])
        self.empty_label.setVisible(not self.partners)
        self._update_actions()

    def selected_partner(self) -> PartnerInfo | None:
        row = self.table.current_row()
        return self.partners[row] if row is not None else None

    def selected_file(self) -> FileRow | None:
        row = self.file_table.current_row()
        return self.files[row] if row is not None else None

    def _update_actions(self) -> None:
        administer = self.ctx.why_not(ADMINISTER)
        set_allowed(
            self.add_action,
            administer,
            _exchange_partners.tr(
                "Trust a partner installation from its introduction file and confirmed fingerprint"
            ),
        )
        partner = self.selected_partner()
        if partner is None:
            revocable = _exchange_partners.tr("Select the partner whose key is no longer trusted.")
        elif partner.revoked_at is not None:
            revocable = _exchange_partners.tr("{name}'s key is revoked already.").format(
                name=partner.name
            )
        else:
            revocable = None
        set_allowed(
            self.revoke_action,
            administer or revocable,
            _exchange_partners.tr(
                "Refuse the selected partner's files from now on (what was imported stays)"
            ),
        )
        set_allowed(
            self.introduction_action,
            administer,
            _exchange_partners.tr(
                "Save our institution, key and people as an introduction file for a partner"
            ),
        )
        set_allowed(
            self.save_copy_action,
            None
            if self.selected_file()
            else _exchange_partners.tr("Select an exchange file first."),
            _exchange_partners.tr(
                "Write the selected exchange file again, exactly as it was sent or received"
            ),
        )

    # ------------------------------------------------------------------ actions

    def _exec(self, dialog: QDialog) -> bool:
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def add_partner(self, data: bytes | None = None, source: str = "") -> PartnerAdded | None:
        """Add partner…: the introduction (asked for in the dialog when ``data`` is None)."""
        if not self.add_action.isEnabled():
            return None
        dialog = AddPartnerDialog(self.ctx, self, data=data, source=source)
        if not self._exec(dialog):
            return None
        added: PartnerAdded = dialog.result_value
        self.refresh()
        inform(self, _exchange_partners.tr("Partner added"), added_text(added))
        return added

    def revoke(self) -> None:
        partner = self.selected_partner()
        if partner is None or not self.revoke_action.isEnabled():
            return
        db, actor, code = self.ctx.db, self.ctx.actor, partner.code

        def work(reason: str) -> Work[int]:
            return lambda _progress: revoke_partner(db, actor, code, reason=reason)

        dialog = ReasonDialog(
            self.ctx.ops,
            self,
            _exchange_partners.tr("Revoke {name}").format(name=partner.name),
            _exchange_partners.tr(
                "Stop trusting {name}'s key ({fingerprint})? Its files are refused from now on; "
                "what was imported from it stays, signed as it was. A new key is trusted again "
                "only from a new introduction with a confirmed fingerprint."
            ).format(name=partner.name, fingerprint=partner.short_fingerprint),
            work,
            name="revokePartnerDialog",
            ok_text=_exchange_partners.tr("Revoke"),
            check=check_revocation_reason,
            placeholder=_exchange_partners.tr(
                "e.g. the partner reported its key stolen; the agreement ended"
            ),
        )
        if self._exec(dialog):
            self.refresh()

    def export_introduction(self) -> Path | None:
        """Our introduction, saved where the person says (for the partner to add)."""
        if not self.introduction_action.isEnabled():
            return None
        db, actor = self.ctx.db, self.ctx.actor
        exported = self.ctx.ops.value(
            self,
            _exchange_partners.tr("Export our introduction"),
            lambda _progress: export_introduction(db, actor),
            changes=False,
        )
        if exported is None:
            return None
        path = files.ask_save_path(
            self, _exchange_partners.tr("Save our introduction"), exported.filename
        )
        if path is None:
            return None
        written = self.ctx.ops.value(
            self,
            _exchange_partners.tr("Save our introduction"),
            lambda _progress: write_bytes_file(path, exported.content),
            changes=False,
        )
        if written is not None:
            short = self.home.short_fingerprint if self.home else ""
            inform(
                self,
                _exchange_partners.tr("Introduction written"),
                _exchange_partners.tr(
                    "Our introduction is in {path}.\n\nSend it to the partner, then read them "
                    "our fingerprint by another way (telephone), for them to type:\n{fingerprint}"
                ).format(path=written, fingerprint=short),
            )
        return written

    def save_copy(self) -> Path | None:
        """Save a copy…: the selected file as it was sent or received."""
        row = self.selected_file()
        if row is None:
            return None
        db, file_id = self.ctx.db, row.id
        kept = self.ctx.ops.value(
            self,
            _exchange_partners.tr("Read the exchange file"),
            lambda _progress: file_content(db, file_id),
            changes=False,
        )
        if kept is None:
            return None
        name, data = kept
        path = files.ask_save_path(
            self, _exchange_partners.tr("Save a copy of the exchange file"), name
        )
        if path is None:
            return None
        written = self.ctx.ops.value(
            self,
            _exchange_partners.tr("Save a copy"),
            lambda _progress: write_bytes_file(path, data),
            changes=False,
        )
        if written is not None:
            inform(
                self,
                _exchange_partners.tr("Copy saved"),
                _exchange_partners.tr(
                    "{kind} no. {sequence} {direction} {partner} ({subject}) is in {path}."
                ).format(
                    kind=files.kind_text(row.kind, capital=True),
                    sequence=row.sequence,
                    direction=direction_text(row.direction),
                    partner=row.partner,
                    subject=row.subject,
                    path=written,
                ),
            )
        return written


# One partners window per signed-in context, whether opened from File ▸ Partners… or from
# the Institutions view.
_windows: weakref.WeakKeyDictionary[AppContext, PartnersWindow] = weakref.WeakKeyDictionary()


def show_partners(ctx: AppContext, parent: QWidget | None) -> PartnersWindow:
    """The partners window of ``ctx``, made the first time, read again when shown again."""
    window = _windows.get(ctx)
    if window is None or not shiboken6.isValid(window):
        window = _windows[ctx] = PartnersWindow(ctx, parent)
    else:
        window.refresh()
    window.show()
    window.activateWindow()
    return window


def added_text(added: PartnerAdded) -> str:
    """What adding an introduction did, in words."""
    short = trust_keys.short_fingerprint(added.fingerprint)
    people = _exchange_partners.tr("{added} new, {changed} changed").format(
        added=added.people_added, changed=added.people_changed
    )
    if added.new:
        return _exchange_partners.tr(
            "{name} ({code}) is a trusted partner: its key {fingerprint} signs the "
            "exchange files it sends. People: {people}."
        ).format(name=added.name, code=added.code, fingerprint=short, people=people)
    return _exchange_partners.tr(
        "{name}'s introduction is imported (key {fingerprint}). People: {people}."
    ).format(name=added.name, fingerprint=short, people=people)
