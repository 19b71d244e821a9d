"""The loan's Clearance section: its checklist (what is attested, by whom and when, the file
kept with its SHA-256, the expiry, what was waived and why), and the Attest… and Waive…
dialogs. Whether a person may attest or waive is rules.py's answer, shown as the disabled
button's tooltip; the loan cannot be approved until the checklist is complete (the Approve
action says so, asked of the domain too)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import clearance, queries, rules
from ...domain.errors import NotFoundError, ValidationError
from ...domain.queries import ClearanceLine, ClearanceList
from ...domain.registry import MAX_TEXT, clean_reason, clean_text
from ..context import AppContext
from ..dialogs import FormDialog, fit_to_screen, reason_edit
from ..locale_format import date_text
from ..operations import Work
from ..tablemodel import local_time
from ..tables import cell, read_only_table
from ..translation import Translator, translated
from ..widgets import FieldChecks, problem_of, write_bytes_file
from .editor import date_edit, from_qdate

_loans_clearance = Translator("_loans_clearance")

RED, GREEN = "#b00020", "#1b5e20"
STATUS_MESSAGE_MS = 8000  # how long the status bar says a file was saved
SHORT_HASH = 12  # hex digits of a file's SHA-256 the table shows (the tooltip: all 64)

STATES = {
    clearance.PENDING: _loans_clearance.noop("open"),
    clearance.ATTESTED: _loans_clearance.noop("attested"),
    clearance.WAIVED: _loans_clearance.noop("waived"),
}
COLUMNS = (
    _loans_clearance.noop("Item"),
    _loans_clearance.noop("Status"),
    _loans_clearance.noop("By"),
    _loans_clearance.noop("When"),
    _loans_clearance.noop("File"),
    _loans_clearance.noop("SHA-256"),
    _loans_clearance.noop("Expires"),
    _loans_clearance.noop("Note or reason"),
)


def _chinese_window() -> bool:
    """The window speaks Chinese (translation.install_translations sets the locale)."""
    return QLocale().language() == QLocale.Language.Chinese


def item_title(line: ClearanceLine) -> str:
    """The item's title in the window's language (the template's translation, by key)."""
    if _chinese_window():
        found = clearance.item_text(line.template_version, line.key, "zh")
        if found and found[0]:
            return found[0]
    return line.title


def item_help(line: ClearanceLine) -> str:
    language = "zh" if _chinese_window() else "en"
    found = clearance.item_text(line.template_version, line.key, language)
    return found[1] if found else ""


class ClearancePanel(QGroupBox):
    """A loan's clearance checklist, with Attest… and Waive…"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_loans_clearance.tr("Clearance"), parent)
        self.setObjectName("clearancePanel")
        self.ctx: AppContext | None = None
        self.run_form: Callable[[FormDialog], None] = lambda dialog: None
        self.checklist: ClearanceList | None = None
        self.state_label = QLabel()
        self.state_label.setObjectName("clearanceState")
        self.state_label.setWordWrap(True)
        self.table = read_only_table("clearanceTable", [translated(c) for c in COLUMNS])
        self.attest_button = QPushButton(_loans_clearance.tr("&Attest…"))
        self.attest_button.setObjectName("attestClearanceButton")
        self.attest_button.clicked.connect(self.attest)
        self.waive_button = QPushButton(_loans_clearance.tr("&Waive…"))
        self.waive_button.setObjectName("waiveClearanceButton")
        self.waive_button.clicked.connect(self.waive)
        self.save_file_button = QPushButton(_loans_clearance.tr("Save &file…"))
        self.save_file_button.setObjectName("saveClearanceFileButton")
        self.save_file_button.clicked.connect(lambda _=False: self.save_file())
        self.table.itemSelectionChanged.connect(self._update_save_button)
        row = QHBoxLayout()
        row.addWidget(self.state_label, 1)
        row.addWidget(self.save_file_button)
        row.addWidget(self.attest_button)
        row.addWidget(self.waive_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def bind(self, ctx: AppContext, run_form: Callable[[FormDialog], None]) -> None:
        """The workstation's context, and the loans view's way to run a loan's form (it
        opens the dialog and reads the loan again after it, still selected)."""
        self.ctx, self.run_form = ctx, run_form

    def show_checklist(self, checklist: ClearanceList) -> None:
        self.checklist = checklist
        open_count = len(checklist.open_titles)
        if not checklist.lines:
            text = _loans_clearance.tr("No checklist (approved before clearance was recorded).")
            colour = "#5f6368"
        elif open_count:
            text = _loans_clearance.tr(
                "Not complete: %n item(s) open; the loan cannot be approved yet.", "", open_count
            )
            colour = RED
        else:
            text, colour = _loans_clearance.tr("Complete."), GREEN
        self.state_label.setText(text)
        self.state_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        table = self.table
        table.setRowCount(len(checklist.lines))
        for row, line in enumerate(checklist.lines):
            waived = line.status == clearance.WAIVED
            when = line.waived_at if waived else line.attested_at
            values = (
                item_title(line),
                translated(STATES.get(line.status, line.status)),
                (line.waived_by if waived else line.attested_by) or "",
                local_time(when) if when else "",
                line.file_name or "",
                (line.file_sha256 or "")[:SHORT_HASH],
                date_text(line.expires_on) if line.expires_on else "",
                (line.waiver_reason if waived else line.note) or "",
            )
            items = [cell(value) for value in values]
            items[0].setToolTip(item_help(line) or items[0].text())
            if line.file_sha256:
                items[5].setToolTip(f"SHA-256 {line.file_sha256}")
            if not line.done:
                items[1].setForeground(QColor(RED))
            for column, item in enumerate(items):
                table.setItem(row, column, item)
        self._update_buttons()
        self._update_save_button()

    def reasons(self) -> tuple[str | None, str | None]:
        """Why Attest… and Waive… are unavailable (None: available), in rules.py's words."""
        if self.ctx is None or self.checklist is None:
            return "", ""
        if not self.checklist.lines:
            nothing = _loans_clearance.tr("This loan has no clearance checklist.")
            return nothing, nothing
        actor, loan = self.ctx.actor, self.checklist.loan
        return (
            rules.why_not_attest_clearance(actor, loan),
            rules.why_not_waive_clearance(actor, loan),
        )

    def _update_buttons(self) -> None:
        for button, reason, tip in zip(
            (self.attest_button, self.waive_button),
            self.reasons(),
            (
                _loans_clearance.tr("Record an item as done, with its document"),
                _loans_clearance.tr("Waive an item, with the reason (the lender's curator)"),
            ),
            strict=True,
        ):
            button.setEnabled(reason is None)
            button.setToolTip(translated(reason) if reason else tip)

    def selected_line(self) -> ClearanceLine | None:
        rows = self.table.selectionModel().selectedRows() if self.checklist else []
        if not rows or self.checklist is None or rows[0].row() >= len(self.checklist.lines):
            return None
        return self.checklist.lines[rows[0].row()]

    def _update_save_button(self) -> None:
        line = self.selected_line()
        has_file = line is not None and line.file_name is not None
        self.save_file_button.setEnabled(has_file)
        self.save_file_button.setToolTip(
            _loans_clearance.tr("Save the file kept with the selected item, as it was attested")
            if has_file
            else _loans_clearance.tr("Select an item that has a file to save it")
        )

    def save_file(self) -> Path | None:
        """Save the selected item's file where the person chooses: the bytes kept with it,
        whose SHA-256 the table shows."""
        line = self.selected_line()
        if self.ctx is None or self.checklist is None or line is None or not line.file_name:
            return None
        name, _ = QFileDialog.getSaveFileName(
            self,
            _loans_clearance.tr("Save the file of '{item}'").format(item=item_title(line)),
            str(Path.home() / line.file_name),
        )
        if not name:
            return None
        db, number, key, path = self.ctx.db, self.checklist.loan.number, line.key, Path(name)

        def work(_progress: object) -> Path:
            kept = queries.clearance_file(db, number, key)
            if kept is None:
                raise NotFoundError(
                    _loans_clearance.tr("The item '{item}' has no file any more.").format(
                        item=item_title(line)
                    )
                )
            return write_bytes_file(path, kept[1])

        written = self.ctx.ops.value(
            self, _loans_clearance.tr("Save the file"), work, changes=False
        )
        window = self.window()
        if written is not None and isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                _loans_clearance.tr("Saved {file}.").format(file=written), STATUS_MESSAGE_MS
            )
        return written

    def make_attest_dialog(self) -> AttestDialog:
        assert self.ctx is not None and self.checklist is not None
        return AttestDialog(self.ctx, self.checklist, self)

    def make_waive_dialog(self) -> WaiveDialog:
        assert self.ctx is not None and self.checklist is not None
        return WaiveDialog(self.ctx, self.checklist, self)

    def attest(self) -> None:
        if self.reasons()[0] is None:
            self.run_form(self.make_attest_dialog())

    def waive(self) -> None:
        if self.reasons()[1] is None:
            self.run_form(self.make_waive_dialog())


def _item_box(checklist: ClearanceList) -> QComboBox:
    """The checklist's items, the open ones first."""
    box = QComboBox()
    box.setObjectName("clearanceItemBox")
    lines = sorted(checklist.lines, key=lambda line: line.done)
    for line in lines:
        state = translated(STATES.get(line.status, line.status))
        box.addItem(f"{item_title(line)} ({state})", line)
    return box


class AttestDialog(FormDialog):
    """Attest one item: an optional file (kept with its SHA-256), expiry date, note."""

    def __init__(self, ctx: AppContext, checklist: ClearanceList, parent: QWidget | None) -> None:
        number = checklist.loan.number
        super().__init__(
            parent,
            _loans_clearance.tr("Attest a clearance item of loan {number}").format(number=number),
            "attestClearanceDialog",
            ops=ctx.ops,
            ok_text=_loans_clearance.tr("&Attest"),
        )
        self.ctx, self.number = ctx, number
        self.item_box = _item_box(checklist)
        self.help_label = QLabel()
        self.help_label.setWordWrap(True)
        self.help_label.setStyleSheet("color: #5f6368;")
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("clearanceFileEdit")
        self.file_edit.setPlaceholderText(_loans_clearance.tr("optional: a scan or PDF"))
        browse = QPushButton(_loans_clearance.tr("&Browse…"))
        browse.setObjectName("clearanceBrowseButton")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        self.expires_check = QCheckBox(_loans_clearance.tr("Expires on"))
        self.expires_check.setObjectName("clearanceExpiresCheck")
        self.expires_edit = date_edit(date.today() + timedelta(days=365), "clearanceExpiresEdit")
        expires_row = QHBoxLayout()
        expires_row.addWidget(self.expires_check)
        expires_row.addWidget(self.expires_edit, 1)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("clearanceNoteEdit")
        self.note_edit.setPlaceholderText(_loans_clearance.tr("e.g. permit no. and issuer"))
        self.form.addRow(_loans_clearance.tr("&Item:"), self.item_box)
        self.form.addRow("", self.help_label)
        file_label = QLabel(_loans_clearance.tr("&File:"))
        file_label.setBuddy(self.file_edit)  # a row of two widgets: the label needs its buddy
        self.form.addRow(file_label, file_row)
        self.form.addRow(_loans_clearance.tr("Expiry:"), expires_row)
        self.form.addRow(_loans_clearance.tr("&Note:"), self.note_edit)
        self.item_box.currentIndexChanged.connect(lambda _index: self._item_changed())
        self.expires_check.toggled.connect(lambda _on: self._item_changed())
        self.checks = FieldChecks(self.ok_button)
        self.checks.watch(self.note_edit, self._note_problem, self.form)
        self._item_changed()
        fit_to_screen(self, 560, 300)

    def line(self) -> ClearanceLine:
        line = self.item_box.currentData()
        assert isinstance(line, ClearanceLine)
        return line

    def _item_changed(self) -> None:
        line = self.line()
        self.help_label.setText(item_help(line))
        self.expires_check.setEnabled(line.can_expire)
        if not line.can_expire:
            self.expires_check.setChecked(False)
        self.expires_edit.setEnabled(line.can_expire and self.expires_check.isChecked())

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, _loans_clearance.tr("Document for the clearance item"), str(Path.home())
        )
        if path:
            self.file_edit.setText(path)

    def _note_problem(self) -> str | None:
        note = self.note_edit.text()
        return problem_of(lambda: clean_text(note, "note", limit=MAX_TEXT))

    def prepare(self) -> Work[str]:
        line, path = self.line(), self.file_edit.text().strip()
        name: str | None = None
        content: bytes | None = None
        if path:
            try:
                name, content = Path(path).name, Path(path).read_bytes()
            except OSError as error:
                raise ValidationError(
                    _loans_clearance.tr("The file {path} cannot be read: {error}.").format(
                        path=path, error=error.strerror
                    )
                ) from None
        expires = from_qdate(self.expires_edit.date()) if self.expires_edit.isEnabled() else None
        db, actor, number, note = self.ctx.db, self.ctx.actor, self.number, self.note_edit.text()

        def work(_progress: object) -> str:
            clearance.attest_item(
                db,
                actor,
                number,
                line.key,
                note=note,
                file_name=name,
                file_content=content,
                expires_on=expires,
            )
            return number

        return work


class WaiveDialog(FormDialog):
    """Waive one item, with the reason (the lender's curator)."""

    def __init__(self, ctx: AppContext, checklist: ClearanceList, parent: QWidget | None) -> None:
        number = checklist.loan.number
        super().__init__(
            parent,
            _loans_clearance.tr("Waive a clearance item of loan {number}").format(number=number),
            "waiveClearanceDialog",
            ops=ctx.ops,
            ok_text=_loans_clearance.tr("&Waive"),
        )
        self.ctx, self.number = ctx, number
        self.item_box = _item_box(checklist)
        self.reason_edit = reason_edit(
            _loans_clearance.tr("e.g. No import permit is required for research samples")
        )
        self.form.addRow(_loans_clearance.tr("&Item:"), self.item_box)
        self.form.addRow(_loans_clearance.tr("&Reason:"), self.reason_edit)
        self.checks = FieldChecks(self.ok_button)
        self.checks.watch(self.reason_edit, self._reason_problem, self.form)
        fit_to_screen(self, 520, 260)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _reason_problem(self) -> str | None:
        reason = self.reason()
        return problem_of(lambda: clean_reason(reason))

    def prepare(self) -> Work[str]:
        line = self.item_box.currentData()
        assert isinstance(line, ClearanceLine)
        db, actor, number, reason = self.ctx.db, self.ctx.actor, self.number, self.reason()

        def work(_progress: object) -> str:
            clearance.waive_item(db, actor, number, line.key, reason=reason)
            return number

        return work


__all__ = ["AttestDialog", "ClearancePanel", "WaiveDialog", "item_title"]
