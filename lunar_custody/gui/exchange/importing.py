"""File ▸ Import exchange file… (and a .lcx file dropped on the window).

First a preview: the importer does everything and rolls back (``check_exchange``), and the
person reads what the file would add before anything is written; Import then runs
``import_exchange``. A refused file lists every reason with the record it concerns; a file
that is no exchange file at all says so; an introduction opens Add partner instead.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import CustodyError
from ...exchange.format import ExchangeFileError, unpack
from ...exchange.importer import ExchangeRefused, ImportReport, check_exchange, import_exchange
from ...exchange.records import counted_records
from ...trust import keys as trust_keys
from .. import errors
from ..context import AppContext
from ..dialogs import fit_to_screen
from ..locale_format import count_text
from ..tablemodel import local_time
from ..tables import Cell, SearchableTable, monospace
from ..translation import Translator, translated
from . import files
from .partners import AddPartnerDialog, added_text

_exchange_importing = Translator("_exchange_importing")

INTRODUCTION = "introduction"
DETAIL_COLUMNS = (_exchange_importing.noop("Change"), _exchange_importing.noop("Record"))
REASON_COLUMNS = (_exchange_importing.noop("Record"), _exchange_importing.noop("Reason"))
# The first word of a line of ImportReport.details, as the window names it.
CHANGES = {"new": _exchange_importing.noop("new"), "changed": _exchange_importing.noop("changed")}
REFUSED_TITLE = _exchange_importing.noop("Refused: nothing was imported")
UNREADABLE_TITLE = _exchange_importing.noop("Not a readable exchange file")
OK_BANNER = "background: #e6f4ea; color: #0d652d; border: 1px solid #81c995;"
SAME_BANNER = "background: #e8f0fe; color: #174ea6; border: 1px solid #8ab4f8;"
FAILED_BANNER = "background: #fce8e6; color: #a50e0e; border: 1px solid #f28b82;"
WARNING_STYLE = "color: #b00020; font-weight: bold;"
RECORD_WIDTH = 480  # px: the widest a refused record's column starts


def shown_time(text: str) -> str:
    """A file's UTC time stamp in the workstation's local time (as written when unreadable)."""
    try:
        return local_time(datetime.fromisoformat(text))
    except ValueError:
        return text


def detail_row(line: str) -> list[Cell]:
    """'new aliquot CE5…' as ('new', 'aliquot CE5…'): what changes, in the window's
    language, and the record (as the file names it)."""
    change, _, record = line.partition(" ")
    if not record:
        return ["", line]
    return [translated(CHANGES[change]) if change in CHANGES else change, record]


def warning_lines(report: ImportReport) -> str:
    """The importer's warnings in the window's language, one marked line each."""
    return "\n".join(f"⚠ {translated(warning)}" for warning in report.warnings)


def _banner(text: str, style: str) -> QLabel:
    banner = QLabel(text)
    banner.setObjectName("importBanner")
    banner.setWordWrap(True)
    font = banner.font()
    font.setPointSize(font.pointSize() + 2)
    font.setBold(True)
    banner.setFont(font)
    banner.setStyleSheet(f"QLabel {{ {style} padding: 8px; border-radius: 4px; }}")
    banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    return banner


def _value(name: str, text: str, *, mono: bool = False) -> QLabel:
    label = QLabel(text or "—")
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if mono:
        label.setFont(monospace())
    return label


class ImportPreviewDialog(QDialog):
    """What the file would add, checked in full and rolled back; Import or Cancel."""

    def __init__(self, report: ImportReport, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(
            _exchange_importing.tr("Import {source}: preview").format(source=source)
        )
        self.report = report
        kind = files.kind_text(report.kind)
        what = _exchange_importing.tr("{kind} no. {sequence} from {sender}").format(
            kind=kind, sequence=report.sequence, sender=report.sender
        )
        if report.already_imported:
            headline = _exchange_importing.tr("Imported before: {what}. Nothing would change.")
            style = SAME_BANNER
        elif report.changed:
            headline, style = _exchange_importing.tr("Ready to import {what}"), OK_BANNER
        else:
            headline = _exchange_importing.tr(
                "Nothing new in {what}: this installation holds it all"
            )
            style = SAME_BANNER
        headline = headline.format(what=what)
        self.banner = _banner(headline, style)

        facts = QFormLayout()
        number = _exchange_importing.tr("{kind} no. {sequence}").format(
            kind=kind, sequence=report.sequence
        )
        facts.addRow(_exchange_importing.tr("File:"), _value("fileLabel", source))
        facts.addRow(_exchange_importing.tr("Kind:"), _value("kindLabel", number))
        facts.addRow(
            _exchange_importing.tr("From:"),
            _value("senderLabel", f"{report.sender} ({report.sender_code})"),
        )
        facts.addRow(
            _exchange_importing.tr("Signed with:"),
            _value("fingerprintLabel", trust_keys.short_fingerprint(report.fingerprint), mono=True),
        )
        facts.addRow(_exchange_importing.tr("About:"), _value("subjectLabel", report.subject))
        made = shown_time(report.made_at)
        if report.made_by:
            made = _exchange_importing.tr("{when} by {person}").format(
                when=made, person=report.made_by
            )
        facts.addRow(_exchange_importing.tr("Made:"), _value("madeLabel", made))
        events = _exchange_importing.tr("{count} added").format(
            count=count_text(report.events_added)
        )
        if report.events_known:
            events += _exchange_importing.tr(", {count} already held here").format(
                count=count_text(report.events_known)
            )
        facts.addRow(_exchange_importing.tr("Custody events:"), _value("eventsLabel", events))
        facts.addRow(
            _exchange_importing.tr("New records:"),
            _value("addedLabel", translated(counted_records(report.added))),
        )
        facts.addRow(
            _exchange_importing.tr("Changed records:"),
            _value("updatedLabel", translated(counted_records(report.updated))),
        )

        self.warnings = QLabel(warning_lines(report))
        self.warnings.setObjectName("importWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings.setVisible(bool(report.warnings))

        self.details = SearchableTable(
            "importDetails",
            [translated(title) for title in DETAIL_COLUMNS],
            nouns=(_exchange_importing.tr("record"), _exchange_importing.tr("records")),
            search_hint=_exchange_importing.tr(
                "Search: record kind or number (aliquot, loan, signature…)"
            ),
        )
        self.details.set_rows([detail_row(line) for line in report.details])
        self.details.setVisible(bool(report.details))

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(_exchange_importing.tr("&Import"))
        self.import_button.setObjectName("importButton")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        if report.already_imported:
            self.import_button.setEnabled(False)
            self.import_button.setToolTip(
                _exchange_importing.tr("This file was imported before: nothing would change.")
            )
            cancel.setText(_exchange_importing.tr("Close"))
        else:
            self.import_button.setToolTip(
                _exchange_importing.tr("Write what is listed here, in one transaction")
            )
        # Enter in the search box searches: importing takes a deliberate click (or Alt+I)
        for button in (self.import_button, cancel):
            button.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(facts)
        layout.addWidget(self.warnings)
        layout.addWidget(self.details, 1)
        layout.addStretch(0)  # takes the room of the details when there are none
        layout.addWidget(self.buttons)
        fit_to_screen(self, 900, 640 if report.details else self.sizeHint().height())


class RefusedDialog(QDialog):
    """Every reason a file was refused, with the record each concerns; copied as text."""

    def __init__(self, error: ExchangeRefused, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refusedDialog")
        self.setWindowTitle(translated(REFUSED_TITLE))
        self.error = error
        count = len(error.reasons)
        self.banner = _banner(
            _exchange_importing.tr("✘  {source} was refused: nothing was imported").format(
                source=source
            ),
            FAILED_BANNER,
        )
        self.banner.setObjectName("refusedBanner")
        intro = QLabel(
            _exchange_importing.tr(
                "%n reason(s). The file was checked as a whole and nothing of it was written; "
                "ask the sender about what is listed, or send them this list (Copy).",
                "",
                count,
            )
        )
        intro.setObjectName("refusedIntro")
        intro.setWordWrap(True)
        tampering = len(error.tampering)
        self.tampering = QLabel(
            _exchange_importing.tr(
                "⚠ %n of the reasons are evidence that a ledger was rewritten at the "
                "origin: keep the file, and tell the sender's administrator.",
                "",
                tampering,
            )
        )
        self.tampering.setObjectName("tamperingLabel")
        self.tampering.setWordWrap(True)
        self.tampering.setStyleSheet(WARNING_STYLE)
        self.tampering.setVisible(bool(tampering))
        self.reasons = SearchableTable(
            "refusedReasons",
            [translated(title) for title in REASON_COLUMNS],
            nouns=(_exchange_importing.tr("reason"), _exchange_importing.tr("reasons")),
            search_hint=_exchange_importing.tr("Search: record or words of the reason"),
        )
        whole = _exchange_importing.tr("the whole file")
        self.reasons.set_rows([[r.record or whole, translated(r.message)] for r in error.reasons])
        # an event's record names its aliquot, kind and origin: wider than most columns
        self.reasons.table.resizeColumnToContents(0)
        width = self.reasons.table.columnWidth(0)
        self.reasons.table.setColumnWidth(0, min(width, RECORD_WIDTH))
        self.copy_button = QPushButton(_exchange_importing.tr("&Copy"))
        self.copy_button.setObjectName("copyReasonsButton")
        self.copy_button.setToolTip(
            _exchange_importing.tr("Copy the selected reasons, or all shown, as text")
        )
        self.copy_button.clicked.connect(lambda _=False: self.reasons.copy())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(intro)
        layout.addWidget(self.tampering)
        layout.addWidget(self.reasons, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 1040, 480)


def _exec(dialog: QDialog) -> bool:
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def show_refusal(parent: QWidget | None, error: CustodyError, source: str) -> None:
    """A refused file with every reason; an unreadable one in plain words; anything else as
    every refusal is shown."""
    if isinstance(error, ExchangeRefused):
        _exec(RefusedDialog(error, source, parent))
    elif isinstance(error, ExchangeFileError):
        box = QMessageBox(QMessageBox.Icon.Warning, translated(UNREADABLE_TITLE), "", parent=parent)
        box.setObjectName("errorDialog")
        box.setText(
            _exchange_importing.tr("{source} cannot be imported: {error}").format(
                source=source, error=errors.error_text(error)
            )
        )
        errors.present(box)
    else:
        errors.show_error(parent, error)


def import_file(
    ctx: AppContext,
    parent: QWidget | None,
    path: Path | None = None,
) -> ImportReport | None:
    """Preview the exchange file at ``path`` (asked for when None), then import it if the
    person says so; what was imported (None: nothing was)."""
    if path is None:
        path = files.ask_open_path(parent, _exchange_importing.tr("Import an exchange file"))
        if path is None:
            return None
    source = path.name
    db, actor = ctx.db, ctx.actor

    def look(_progress: object) -> tuple[bytes, ImportReport | None]:
        data = files.read_exchange_file(path)
        if unpack(data).content.get("kind") == INTRODUCTION:
            return data, None  # trusted by an administrator, with a confirmed fingerprint
        return data, check_exchange(db, actor, data)

    def refused(error: CustodyError) -> None:
        show_refusal(parent, error, source)

    looked = ctx.ops.value(
        parent,
        _exchange_importing.tr("Check {source}").format(source=source),
        look,
        refused=refused,
        changes=False,
    )
    if looked is None:
        return None
    data, preview = looked
    if preview is None:
        dialog = AddPartnerDialog(ctx, parent, data=data, source=source)
        added = dialog.result_value if _exec(dialog) else None
        if added is not None:
            errors.inform(parent, _exchange_importing.tr("Partner added"), added_text(added))
        return None
    if not _exec(ImportPreviewDialog(preview, source, parent)):
        return None
    report = ctx.ops.value(
        parent,
        _exchange_importing.tr("Import {source}").format(source=source),
        lambda _progress: import_exchange(db, actor, data),
        refused=refused,
    )
    if report is None:
        return None
    text = translated(report.summary())
    if report.warnings:
        text += "\n\n" + warning_lines(report)
    errors.inform(
        parent, _exchange_importing.tr("Exchange file imported"), text, "\n".join(report.details)
    )
    return report
