"""Transfers: packages built by scanning, released with the sender's and the courier's
signatures, received by the named receiver; and the discrepancies receipts raise, which the
lender's curators resolve."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain import custody, queries
from ...domain.errors import CustodyError, NotFoundError, ValidationError
from ...domain.identity import PIN
from ...domain.ledger import IN_STORAGE
from ...domain.listings import DISCREPANCIES, TRANSFERS
from ...domain.masses import format_mass, parse_mass
from ...domain.numbering import normalize
from ...domain.queries import DiscrepancyDetail, PackageCandidate, TransferDetail
from ..context import AppContext
from ..dialogs import ERROR_STYLE, OK_STYLE, action_button, set_allowed
from ..errors import inform, show_error
from ..signature import ask_signature
from ..tablemodel import local_time, status_label
from ..widgets import ListPane, ScanField, choose_photo_file, read_photo
from .base import View

if TYPE_CHECKING:
    from ...documents.service import GeneratedDocument

# A photo of a broken seal is evidence, not an archive: keep the database reasonable.


class ScanningDialog(QDialog):
    """A dialog where Enter never presses a button: scanners end each code with Enter, and
    a mass typed into a field must not sign the form. Buttons are clicked on purpose."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)


def _mass(value: int | None) -> str:
    return "" if value is None else format_mass(value)


def _when(value: object) -> str:
    return local_time(value) if isinstance(value, datetime) else ""


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text))


def _read_only_table(columns: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _cell(text: str, *, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


# ---------------------------------------------------------------------- new package


class PackageDialog(ScanningDialog):
    """Build a package by scanning aliquots, choose loan, receiver, courier and seal, then
    release it: the sender signs (password), the courier signs (PIN), one transaction."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packageDialog")
        self.setWindowTitle("New package")
        self.resize(820, 640)
        self.ctx = ctx
        self.transfer_number: str | None = None
        self.candidates: list[PackageCandidate] = []
        self._loan_chosen = False  # the person picked the loan: scans no longer suggest one

        self.scan = ScanField("Scan an aliquot label, or type its number and press Enter")
        self.scan.scanned.connect(self.add_code)
        self.scan_message = QLabel("Scan the aliquots that go into the package.")
        self.scan_message.setObjectName("scanMessage")
        self.scan_message.setWordWrap(True)

        self.manifest = _read_only_table(["Aliquot", "Mass", "Container", "Loan"], "manifest")
        self.remove_button = QPushButton("&Remove item")
        self.remove_button.setObjectName("removeItemButton")
        self.remove_button.clicked.connect(self.remove_selected)
        self.total_label = QLabel()
        self.total_label.setObjectName("manifestTotal")
        below = QHBoxLayout()
        below.addWidget(self.total_label, 1)
        below.addWidget(self.remove_button)

        self.loan_combo = QComboBox()
        self.loan_combo.setObjectName("loanCombo")
        self.loan_combo.addItem("(none: transfer between custodians without a loan)", None)
        self._loans = {c.number: c for c in queries.active_loan_choices(ctx.db, self._own_code())}
        for choice in self._loans.values():
            self.loan_combo.addItem(self._loan_label(choice), choice.number)
        self.loan_combo.activated.connect(lambda _i: setattr(self, "_loan_chosen", True))
        self.loan_combo.currentIndexChanged.connect(lambda _i: self._fill_receivers())
        self.receiver_combo = QComboBox()
        self.receiver_combo.setObjectName("receiverCombo")
        self.courier_combo = QComboBox()
        self.courier_combo.setObjectName("courierCombo")
        self.courier_combo.addItem("(choose the courier)", None)
        for person in queries.people_choices(ctx.db, roles=("courier",)):
            self.courier_combo.addItem(
                f"{person.full_name} — {person.institution}", person.username
            )
        self.seal_edit = QLineEdit()
        self.seal_edit.setObjectName("sealEdit")
        self.seal_edit.setPlaceholderText("the number printed on the tamper-evident seal")
        self.container_edit = QLineEdit()
        self.container_edit.setObjectName("containerEdit")
        self.container_edit.setPlaceholderText("e.g. dry shipper DS-3, nitrogen-purged box")
        self.notes_edit = QLineEdit()
        self.notes_edit.setObjectName("notesEdit")
        form = QFormLayout()
        form.addRow("&Loan:", self.loan_combo)
        form.addRow("Re&ceiver:", self.receiver_combo)
        form.addRow("C&ourier:", self.courier_combo)
        form.addRow("&Seal number:", self.seal_edit)
        form.addRow("Co&ntainer:", self.container_edit)
        form.addRow("No&tes:", self.notes_edit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.release_button = self.buttons.addButton(
            "Release to courier…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.release_button.setObjectName("releaseButton")
        self.buttons.accepted.connect(self.release)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>1.</b> Scan each aliquot into the manifest"))
        layout.addWidget(self.scan)
        layout.addWidget(self.scan_message)
        layout.addWidget(self.manifest, 1)
        layout.addLayout(below)
        layout.addWidget(QLabel("<b>2.</b> Where it goes and who carries it"))
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._fill_receivers()
        self._show_total()
        self.scan.setFocus()

    # ------------------------------------------------------------------ choices

    def _own_code(self) -> str:
        return self.ctx.actor.institution_code

    @staticmethod
    def _loan_label(choice: queries.LoanChoice) -> str:
        return f"{choice.number} — {choice.borrower} (due {choice.due_on.isoformat()})"

    def loan_number(self) -> str | None:
        value = self.loan_combo.currentData()
        return str(value) if value else None

    def _fill_receivers(self) -> None:
        """Receivers at the loan's other side (its PI first chosen), else anyone elsewhere."""
        previous = self.receiver_combo.currentData()
        loan = self._loans.get(self.loan_number() or "")
        if loan is not None:
            other = loan.borrower_code if loan.lender_code == self._own_code() else loan.lender_code
            people = queries.people_choices(
                self.ctx.db, roles=("curator", "lab_manager"), institution_code=other
            )
        else:
            people = queries.people_choices(
                self.ctx.db,
                roles=("curator", "lab_manager"),
                exclude_institution_code=self._own_code(),
            )
        self.receiver_combo.clear()
        self.receiver_combo.addItem("(choose the receiver)", None)
        for person in people:
            self.receiver_combo.addItem(
                f"{person.full_name} — {person.institution}", person.username
            )
        wanted = previous
        if loan is not None and loan.borrower_code != self._own_code():
            wanted = previous if self.receiver_combo.findData(previous) > 0 else None
            wanted = wanted or loan.principal_investigator
        index = self.receiver_combo.findData(wanted) if wanted else -1
        self.receiver_combo.setCurrentIndex(max(index, 0))

    # ------------------------------------------------------------------ the manifest

    def numbers(self) -> list[str]:
        return [c.number for c in self.candidates]

    def _say(self, text: str, *, problem: bool) -> None:
        self.scan_message.setText(text)
        self.scan_message.setStyleSheet(ERROR_STYLE if problem else OK_STYLE)
        if problem:
            QApplication.beep()  # someone at a loading dock may not be looking at the screen

    def add_code(self, code: str) -> None:
        """One scanned code: added to the manifest, or refused with the reason."""
        number = normalize(code)
        if number in self.numbers():
            self._say(f"{number} is already in this package.", problem=True)
            return
        try:
            found = queries.package_candidate(self.ctx.db, number)
        except NotFoundError:
            self._say(f"There is no aliquot '{code.strip()}'. Nothing was added.", problem=True)
            return
        except CustodyError as error:
            self._say(str(error), problem=True)
            return
        problem = self._refusal(found)
        if problem:
            self._say(f"{problem} Nothing was added.", problem=True)
            return
        self.candidates.append(found)
        row = self.manifest.rowCount()
        self.manifest.insertRow(row)
        self.manifest.setItem(row, 0, _cell(found.number))
        self.manifest.setItem(row, 1, _cell(format_mass(found.mass_ug), right=True))
        self.manifest.setItem(row, 2, _cell(found.container))
        self.manifest.setItem(row, 3, _cell(found.loan_number or ""))
        if found.loan_number and not self._loan_chosen and not self.loan_number():
            self._suggest_loan(found.loan_number)
        self._say(f"Added {found.number} ({format_mass(found.mass_ug)}).", problem=False)
        self._show_total()

    def _refusal(self, found: PackageCandidate) -> str | None:
        if found.status != IN_STORAGE:
            return (
                f"{found.number} is {status_label(found.status)}; "
                "only an aliquot in storage can be packed."
            )
        if found.holder_code != self._own_code():
            return (
                f"{found.number} is held by {found.holder or 'nobody'}, not by your "
                "institution; only its custodian can pack it."
            )
        if found.packed_in:
            return f"{found.number} is already packed in transfer {found.packed_in}."
        loan = self.loan_number()
        if loan and found.loan_number and found.loan_number != loan:
            return (
                f"{found.number} belongs to loan {found.loan_number}; this package is for {loan}."
            )
        if loan and not found.loan_number:
            return f"{found.number} is not an item of loan {loan}."
        return None

    def _suggest_loan(self, number: str) -> None:
        index = self.loan_combo.findData(number)
        if index < 0:  # a loan of another institution: the release will say why not
            return
        self.loan_combo.setCurrentIndex(index)

    def remove_selected(self) -> None:
        row = self.manifest.currentRow()
        if row < 0:
            self._say("Select the item to remove first.", problem=True)
            return
        removed = self.candidates.pop(row)
        self.manifest.removeRow(row)
        self._say(f"Removed {removed.number} from the package.", problem=False)
        self._show_total()

    def _show_total(self) -> None:
        total = sum(c.mass_ug for c in self.candidates)
        count = len(self.candidates)
        self.total_label.setText(
            f"{count} aliquot{'s' if count != 1 else ''}, {format_mass(total)}"
            if count
            else "The package is empty."
        )

    # ------------------------------------------------------------------ release

    def _missing(self) -> str | None:
        if not self.candidates:
            return "Scan at least one aliquot into the package."
        if not self.receiver_combo.currentData():
            return "Choose the receiver."
        if not self.courier_combo.currentData():
            return "Choose the courier who takes the package."
        if not self.seal_edit.text().strip():
            return "Type or scan the seal number."
        return None

    def summary(self) -> str:
        loan = self.loan_number()
        lines = [
            f"Package for {self.receiver_combo.currentText()}",
            f"Loan: {loan}" if loan else "No loan (transfer between custodians)",
            f"Seal: {self.seal_edit.text().strip()}"
            + (
                f", container: {self.container_edit.text().strip()}"
                if self.container_edit.text().strip()
                else ""
            ),
            f"Courier: {self.courier_combo.currentText()}",
            "",
            *(f"{c.number}    {format_mass(c.mass_ug)}" for c in self.candidates),
        ]
        return "\n".join(lines)

    def release(self) -> None:
        missing = self._missing()
        if missing:
            self._say(missing, problem=True)
            return
        summary = self.summary()
        sender = ask_signature(
            self, meaning="relinquished", summary=summary, username=self.ctx.actor.username
        )
        if sender is None:
            return
        courier_name = str(self.courier_combo.currentData())
        courier = ask_signature(
            self, meaning="accepted", summary=summary, username=courier_name, method=PIN
        )
        if courier is None:
            return
        try:
            transfer = custody.release_package(
                self.ctx.db,
                self.ctx.actor,
                aliquot_numbers=self.numbers(),
                receiver=str(self.receiver_combo.currentData()),
                courier=courier_name,
                seal_number=self.seal_edit.text(),
                sender_credential=sender,
                courier_credential=courier,
                loan_number=self.loan_number(),
                container=self.container_edit.text(),
                notes=self.notes_edit.text(),
            )
        except Exception as error:  # shown; the dialog stays open with everything scanned
            show_error(self, error)
            return
        self.transfer_number = transfer.number
        self.accept()


# ---------------------------------------------------------------------- receipt


class ReceiptDialog(ScanningDialog):
    """The named receiver checks the package: seal, masses, a note and a photo, then signs."""

    def __init__(
        self, ctx: AppContext, detail: TransferDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("receiptDialog")
        self.setWindowTitle(f"Confirm receipt of {detail.number}")
        self.resize(720, 600)
        self.ctx = ctx
        self.detail = detail
        self.receipt: custody.Receipt | None = None
        self.photo: bytes | None = None

        heading = QLabel(
            f"<b>{_e(detail.number)}</b> from {_e(detail.from_institution)}, carried by "
            f"{_e(detail.courier)}. Seal recorded at release: <b>{_e(detail.seal_number)}</b>."
        )
        heading.setWordWrap(True)
        self.table = _read_only_table(["Aliquot", "Expected", "Measured (optional)"], "receipt")
        self.mass_edits: dict[str, QLineEdit] = {}
        for item in detail.items:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, _cell(item.aliquot_number))
            self.table.setItem(row, 1, _cell(format_mass(item.expected_mass_ug), right=True))
            edit = QLineEdit()
            edit.setObjectName(f"measured:{item.aliquot_number}")
            edit.setPlaceholderText("e.g. 299.8 mg")
            self.table.setCellWidget(row, 2, edit)
            self.mass_edits[item.aliquot_number] = edit
        self.table.horizontalHeader().setMinimumSectionSize(140)

        self.seal_intact = QCheckBox("The seal is &intact")
        self.seal_intact.setObjectName("sealIntact")
        self.seal_intact.setChecked(True)
        self.seal_seen = QLineEdit()
        self.seal_seen.setObjectName("sealSeen")
        self.seal_seen.setPlaceholderText("the number printed on the seal you see")
        self.note = QPlainTextEdit()
        self.note.setObjectName("receiptNote")
        self.note.setMaximumHeight(80)
        self.photo_label = QLabel("No photo")
        self.photo_label.setObjectName("photoLabel")
        self.photo_button = QPushButton("Attach &photo…")
        self.photo_button.setObjectName("photoButton")
        self.photo_button.clicked.connect(self.choose_photo)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_label, 1)
        photo_row.addWidget(self.photo_button)
        form = QFormLayout()
        form.addRow("", self.seal_intact)
        form.addRow("Seal number &seen:", self.seal_seen)
        form.addRow("&Note:", self.note)
        form.addRow("Photo:", photo_row)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.addButton(
            "Sign receipt…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_button.setObjectName("signReceiptButton")
        self.buttons.accepted.connect(self.sign)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                "A broken or different seal, or a mass outside the tolerance, is recorded "
                "as a discrepancy for the lender's curators; the receipt is never refused."
            )
        )
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def choose_photo(self) -> None:
        path = choose_photo_file(self)
        if path:
            self.set_photo(path)

    def set_photo(self, path: str) -> None:
        try:
            self.photo = read_photo(path)
        except ValidationError as error:
            self.error_label.setText(str(error))
            return
        self.photo_label.setText(f"{Path(path).name} ({len(self.photo) // 1024} KB)")

    def measured(self) -> dict[str, int]:
        """The masses typed (parse_mass, mg by default); a ValidationError names the item."""
        masses: dict[str, int] = {}
        for number, edit in self.mass_edits.items():
            text = edit.text().strip()
            if not text:
                continue
            try:
                masses[number] = parse_mass(text, "mg")
            except ValidationError as error:
                edit.setFocus()
                raise ValidationError(f"{number}: {error}") from None
        return masses

    def summary(self, masses: dict[str, int]) -> str:
        seal = "intact" if self.seal_intact.isChecked() else "BROKEN"
        seen = self.seal_seen.text().strip() or self.detail.seal_number
        lines = [
            f"Receipt of {self.detail.number} from {self.detail.from_institution}",
            f"Seal {seen}: {seal}",
            "",
        ]
        for item in self.detail.items:
            weighed = masses.get(item.aliquot_number)
            measured = f", measured {format_mass(weighed)}" if weighed is not None else ""
            lines.append(f"{item.aliquot_number}    {format_mass(item.expected_mass_ug)}{measured}")
        return "\n".join(lines)

    def sign(self) -> None:
        try:
            masses = self.measured()
        except ValidationError as error:
            self.error_label.setText(str(error))
            return
        self.error_label.clear()
        credential = ask_signature(
            self,
            meaning="received",
            summary=self.summary(masses),
            username=self.ctx.actor.username,
        )
        if credential is None:
            return
        try:
            self.receipt = custody.confirm_receipt(
                self.ctx.db,
                self.ctx.actor,
                self.detail.number,
                credential=credential,
                seal_intact=self.seal_intact.isChecked(),
                seal_number_seen=self.seal_seen.text().strip() or None,
                measured_ug=masses,
                note=self.note.toPlainText(),
                photo=self.photo,
            )
        except Exception as error:
            show_error(self, error)
            return
        self.accept()


# ---------------------------------------------------------------------- discrepancies


class ResolveDialog(ScanningDialog):
    """A lender's curator settles a discrepancy: a resolution, a note and a signature."""

    def __init__(
        self, ctx: AppContext, found: DiscrepancyDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("resolveDialog")
        self.setWindowTitle(f"Resolve discrepancy #{found.id}")
        self.ctx = ctx
        self.found = found
        self.resolved = False
        about = QLabel(_discrepancy_sentence(found))
        about.setWordWrap(True)
        self.resolution = QComboBox()
        self.resolution.setObjectName("resolutionCombo")
        for key, label in custody.RESOLUTIONS.items():
            self.resolution.addItem(label[0].upper() + label[1:], key)
        if found.kind != "mass":
            # Only a mass difference changes masses; a seal report is accepted with a note.
            for index in range(self.resolution.count()):
                if self.resolution.itemData(index) != "accept":
                    self.resolution.model().item(index).setEnabled(False)  # type: ignore[attr-defined]
            self.resolution.setCurrentIndex(self.resolution.findData("accept"))
        self.note = QPlainTextEdit()
        self.note.setObjectName("resolutionNote")
        self.note.setPlaceholderText("What was checked, with whom (required)")
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow("&Resolution:", self.resolution)
        form.addRow("&Note:", self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.resolve_button = self.buttons.addButton(
            "Resolve and sign…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.resolve_button.setObjectName("resolveButton")
        self.buttons.accepted.connect(self.resolve)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def choose(self, resolution: str) -> None:
        self.resolution.setCurrentIndex(self.resolution.findData(resolution))

    def resolve(self) -> None:
        note = self.note.toPlainText().strip()
        if not note:
            self.error_label.setText("Write down what was checked before resolving.")
            return
        resolution = str(self.resolution.currentData())
        credential = ask_signature(
            self,
            meaning="resolved",
            summary=f"{_discrepancy_sentence(self.found)}\n\n"
            f"Resolution: {custody.RESOLUTIONS[resolution]}\nNote: {note}",
            username=self.ctx.actor.username,
        )
        if credential is None:
            return
        try:
            custody.resolve_discrepancy(
                self.ctx.db,
                self.ctx.actor,
                self.found.id,
                resolution=resolution,
                note=note,
                credential=credential,
            )
        except Exception as error:
            show_error(self, error)
            return
        self.resolved = True
        self.accept()


def _discrepancy_sentence(found: DiscrepancyDetail) -> str:
    if found.kind == "mass":
        return (
            f"#{found.id} on transfer {found.transfer_number}: {found.aliquot_number} weighed "
            f"{_mass(found.measured_mass_ug)} at receipt; its book mass was "
            f"{_mass(found.expected_mass_ug)}."
        )
    what = status_label(found.kind)
    note = f" ({found.note})" if found.note else ""
    return f"#{found.id} on transfer {found.transfer_number}: {what}{note}."


class ReasonDialog(QDialog):
    """Asks for the reason of an operation (a required text)."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.text = QPlainTextEdit()
        self.text.setObjectName("reasonEdit")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        buttons.accepted.connect(self._accept_if_given)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def reason(self) -> str:
        return self.text.toPlainText().strip()

    def _accept_if_given(self) -> None:
        if self.reason():
            self.accept()
        else:
            self.text.setFocus()


# ---------------------------------------------------------------------- the view


def _table(headers: list[str], rows: list[list[str]], nowrap: tuple[int, ...] = ()) -> str:
    """An HTML table for the detail pane; ``nowrap`` columns (times) stay on one line."""
    head = "".join(f"<th align='left'>{h}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td style='white-space:nowrap'>{c}</td>" if i in nowrap else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        "<table cellspacing='0' cellpadding='3' border='0' width='100%'>"
        f"<tr style='background:#e8eaed'>{head}</tr>{body}</table>"
    )


def _link(kind: str, value: str) -> str:
    return f"<a href='{kind}:{html.escape(value, quote=True)}'>{html.escape(value)}</a>"


class TransfersView(View):
    """The list of transfers with the selected package in detail, and the discrepancies.

    ``open_record(kind, number)`` asks the main window to show an aliquot or a loan (links
    in the detail); ``show_record(kind, number)`` shows a transfer or a discrepancy here.
    """

    title = "Transfers"
    open_record = Signal(str, str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("transfersView")
        self.detail: TransferDetail | None = None
        self.discrepancy: DiscrepancyDetail | None = None

        self.new_action = QAction("&New package…", self)
        self.new_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_action.triggered.connect(self.new_package)
        self.release_action = QAction("&Release…", self)
        self.release_action.triggered.connect(self.release_prepared)
        self.receive_action = QAction("Confirm &receipt…", self)
        self.receive_action.triggered.connect(self.confirm_receipt)
        self.cancel_action = QAction("&Cancel package…", self)
        self.cancel_action.triggered.connect(self.cancel_package)
        self.resolve_action = QAction("Re&solve…", self)
        self.resolve_action.triggered.connect(self.resolve)
        self.custody_form_action = QAction("Custody &form…", self)
        self.custody_form_action.triggered.connect(self.custody_form)
        self.manifest_action = QAction("&Manifest…", self)
        self.manifest_action.triggered.connect(self.manifest)
        self.labels_action = QAction("La&bels…", self)
        self.labels_action.triggered.connect(self.package_labels)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("transferTabs")
        self.tabs.addTab(self._transfers_tab(), "Transfers")
        self.tabs.addTab(self._discrepancies_tab(), "Discrepancies")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)
        self._show_transfer(-1)
        self._show_discrepancy(-1)

    def _transfers_tab(self) -> QWidget:
        statuses = [("All statuses", None)] + [
            (status_label(s).capitalize(), s) for s in custody.TRANSFER_STATES
        ]
        self.transfers = ListPane(
            self.ctx.db,
            TRANSFERS,
            search_hint="Search transfer number, loan, seal, institution, courier",
            filters={"status": statuses},
            noun="transfers",
        )
        self.transfers.currentChanged.connect(self._show_transfer)
        self.transfer_view = QTextBrowser()
        self.transfer_view.setObjectName("transferDetail")
        self.transfer_view.setOpenLinks(False)
        self.transfer_view.anchorClicked.connect(self._follow)
        bar = QHBoxLayout()
        for action, name in (
            (self.new_action, "newPackageButton"),
            (self.release_action, "releaseButton"),
            (self.receive_action, "confirmReceiptButton"),
            (self.cancel_action, "cancelPackageButton"),
        ):
            bar.addWidget(action_button(action, name))
        bar.addSpacing(16)
        for action, name in (
            (self.custody_form_action, "custodyFormButton"),
            (self.manifest_action, "manifestButton"),
            (self.labels_action, "packageLabelsButton"),
        ):
            bar.addWidget(action_button(action, name))
        bar.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.transfers)
        splitter.addWidget(self.transfer_view)
        # Shares, not pixels: the detail's tables of legs and signatures need half the width.
        splitter.setSizes([550, 500])
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        return page

    def _discrepancies_tab(self) -> QWidget:
        self.discrepancies = ListPane(
            self.ctx.db,
            DISCREPANCIES,
            search_hint="Search transfer or aliquot number",
            hidden=(),
            filters={"open": [("Open", True), ("Resolved", False), ("All", None)]},
            noun="discrepancies",
        )
        self.discrepancies.currentChanged.connect(self._show_discrepancy)
        self.discrepancy_view = QTextBrowser()
        self.discrepancy_view.setObjectName("discrepancyDetail")
        self.discrepancy_view.setOpenLinks(False)
        self.discrepancy_view.anchorClicked.connect(self._follow)
        self.photo = QLabel()
        self.photo.setObjectName("discrepancyPhoto")
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setVisible(False)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.discrepancy_view, 1)
        side_layout.addWidget(self.photo)
        bar = QHBoxLayout()
        bar.addWidget(action_button(self.resolve_action, "resolveButton"))
        bar.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.discrepancies)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        return page

    # ------------------------------------------------------------------ View

    def refresh(self) -> None:
        self.transfers.refresh()
        self.discrepancies.refresh()
        self._show_transfer(self.transfers.current_row())
        self._show_discrepancy(self.discrepancies.current_row())

    def focus_search(self) -> None:
        pane = self.transfers if self.tabs.currentIndex() == 0 else self.discrepancies
        pane.search_field.setFocus()
        pane.search_field.selectAll()

    def menu_actions(self) -> list[QAction]:
        return [
            self.new_action,
            self.release_action,
            self.receive_action,
            self.cancel_action,
            self.resolve_action,
            self.custody_form_action,
            self.manifest_action,
            self.labels_action,
        ]

    def show_record(self, kind: str, number: str) -> bool:
        """The main window's way in: ``kind`` "transfer" or "discrepancy" (its id)."""
        if kind == "transfer":
            return self.open_transfer(number)
        if kind == "discrepancy" and number.strip().lstrip("#").isdigit():
            return self.open_discrepancy(int(number.strip().lstrip("#")))
        return False

    def open_transfer(self, number: str) -> bool:
        """Select transfer ``number``: among the rows shown, else with every status, else by
        searching for it (an old transfer would otherwise take many pages to reach)."""
        self.tabs.setCurrentIndex(0)
        number = normalize(number)
        pane = self.transfers
        if pane.model.find("number", number) is None:
            pane.filter_boxes["status"].setCurrentIndex(0)
            if pane.model.find("number", number) is None:
                pane.search_field.setText(number)
                pane.search_field.flush()
        return pane.select_value("number", number)

    def open_discrepancy(self, discrepancy_id: int) -> bool:
        self.tabs.setCurrentIndex(1)
        try:
            found = queries.discrepancy_detail(self.ctx.db, discrepancy_id)
        except NotFoundError:
            return False
        self.discrepancies.filter_boxes["open"].setCurrentIndex(2)  # All
        self.discrepancies.search_field.setText(found.transfer_number)
        self.discrepancies.search_field.flush()
        return self.discrepancies.select_value("id", discrepancy_id)

    # ------------------------------------------------------------------ detail panes

    def _show_transfer(self, row: int) -> None:
        number = self.transfers.model.value(row, "number") if row >= 0 else None
        self.detail = None
        if number is not None:
            try:
                self.detail = queries.transfer_detail(self.ctx.db, number)
            except NotFoundError:
                self.detail = None
        if self.detail is None:
            self.transfer_view.setHtml(
                "<p style='color:#5f6368'>Select a transfer to see its items, couriers, "
                "signatures and discrepancies.</p>"
            )
        else:
            self.transfer_view.setHtml(self._transfer_html(self.detail))
        self._update_actions()

    # ------------------------------------------------------------------ documents

    def _document(
        self, title: str, filename: str, write: Callable[[Path], GeneratedDocument]
    ) -> None:
        # The PDF side (reportlab, QtPdf) loads with the first document, not at start-up.
        from ..pdf_preview import show_document

        show_document(self.ctx.ops, self, title, filename, write)

    def custody_form(self) -> None:
        """The selected package's chain-of-custody form, previewed."""
        if self.detail is None:
            return
        from ...documents import service

        number, db, actor = self.detail.number, self.ctx.db, self.ctx.actor
        self._document(
            "Chain-of-custody form",
            f"custody-form-{number}.pdf",
            lambda path: service.write_custody_form(db, actor, path, transfer=number),
        )

    def manifest(self) -> None:
        """The selected package's manifest (packing list), previewed."""
        if self.detail is None:
            return
        from ...documents import service

        number, db, actor = self.detail.number, self.ctx.db, self.ctx.actor
        self._document(
            "Manifest",
            f"manifest-{number}.pdf",
            lambda path: service.write_manifest(db, actor, number, path),
        )

    def package_labels(self) -> None:
        """Labels for the selected package's aliquots, on a roll or an A4 sheet."""
        if self.detail is None:
            return
        from ...documents import service
        from ..pdf_preview import ask_label_layout

        layout = ask_label_layout(self)
        if layout is None:
            return
        number, db, actor = self.detail.number, self.ctx.db, self.ctx.actor
        numbers = [item.aliquot_number for item in self.detail.items]
        self._document(
            "Labels",
            f"labels-{number}-{layout}.pdf",
            lambda path: service.write_labels(db, actor, numbers, path, layout=layout),
        )

    def _transfer_html(self, d: TransferDetail) -> str:
        facts = [
            ("From", f"{_e(d.from_institution)} ({_e(d.sender)})"),
            ("To", f"{_e(d.to_institution)} ({_e(d.receiver)})"),
            ("Courier now", _e(d.courier)),
            ("Loan", _link("loan", d.loan_number) if d.loan_number else "none"),
            ("Seal", _e(d.seal_number)),
            ("Container", _e(d.container) or "—"),
            ("Prepared", _when(d.prepared_at)),
            ("Released", _when(d.released_at) or "—"),
            (
                "Received",
                f"{_when(d.received_at)} by {_e(d.received_by)}" if d.received_at else "—",
            ),
        ]
        if d.notes:
            facts.append(("Notes", _e(d.notes).replace("\n", "<br>")))
        head = "".join(
            f"<tr><td style='color:#5f6368;padding-right:12px'>{k}</td><td>{v}</td></tr>"
            for k, v in facts
        )
        items = []
        for item in d.items:
            measured = _mass(item.measured_mass_ug)
            if item.measured_mass_ug is not None and abs(
                item.measured_mass_ug - item.expected_mass_ug
            ) > custody.mass_tolerance_ug(item.expected_mass_ug):
                measured = f"<span style='color:#b00020'><b>{measured}</b></span>"
            items.append(
                [
                    _link("aliquot", item.aliquot_number),
                    format_mass(item.expected_mass_ug),
                    measured,
                    _e(status_label(item.status)),
                ]
            )
        legs = [
            [
                str(leg.seq),
                _e(leg.courier),
                _e(leg.handed_over_by),
                _when(leg.started_at),
                _when(leg.ended_at) or "carrying",
            ]
            for leg in d.legs
        ]
        signed = [
            [
                f"{_e(s.printed_name)}<br><span style='color:#5f6368'>"
                f"{_e(s.institution_name)}</span>",
                _e(s.meaning),
                _when(s.signed_at),
                _e(s.method),
            ]
            for s in d.signatures
        ]
        found = [
            [
                _link("discrepancy", str(x.id)),
                _e(status_label(x.kind)),
                _e(x.aliquot_number or "package"),
                _mass(x.expected_mass_ug),
                _mass(x.measured_mass_ug),
                _e(status_label(x.resolution or "open")),
            ]
            for x in d.discrepancies
        ]
        parts = [
            f"<h2>{_e(d.number)} <span style='font-weight:normal;color:#5f6368'>"
            f"{_e(status_label(d.kind))} · {_e(status_label(d.status))}</span></h2>",
            f"<table cellspacing='0' cellpadding='2'>{head}</table>",
            f"<h3>Items ({len(d.items)})</h3>",
            _table(["Aliquot", "Expected", "Measured", "Now"], items, (0, 1, 2)),
            "<h3>Couriers</h3>",
            _table(["Leg", "Courier", "Handed over by", "Started", "Ended"], legs, (0, 3, 4))
            if legs
            else "<p>Not picked up yet.</p>",
            "<h3>Signatures</h3>",
            _table(["Signed by", "Meaning", "When", "Method"], signed, (2,))
            if signed
            else "<p>None yet.</p>",
        ]
        if found:
            parts += [
                f"<h3 style='color:#b00020'>Discrepancies ({len(found)})</h3>",
                _table(["#", "Kind", "Aliquot", "Expected", "Measured", "Resolution"], found),
            ]
        return "".join(parts)

    def _show_discrepancy(self, row: int) -> None:
        key = self.discrepancies.model.value(row, "id") if row >= 0 else None
        self.discrepancy = None
        if key is not None:
            try:
                self.discrepancy = queries.discrepancy_detail(self.ctx.db, int(key))
            except NotFoundError:
                self.discrepancy = None
        self.photo.clear()
        self.photo.setVisible(False)
        found = self.discrepancy
        if found is None:
            self.discrepancy_view.setHtml(
                "<p style='color:#5f6368'>Select a discrepancy to see what was found at "
                "receipt and how it was resolved.</p>"
            )
        else:
            rows = [
                ("Transfer", _link("transfer", found.transfer_number)),
                (
                    "Aliquot",
                    _link("aliquot", found.aliquot_number)
                    if found.aliquot_number
                    else "the whole package",
                ),
                ("Expected", _mass(found.expected_mass_ug) or "—"),
                ("Measured", _mass(found.measured_mass_ug) or "—"),
                ("Raised", f"{_when(found.raised_at)} by {_e(found.raised_by)}"),
                ("Note", _e(found.note) or "—"),
            ]
            if found.resolved_at is not None:
                rows += [
                    ("Resolution", _e(custody.RESOLUTIONS.get(found.resolution or "", ""))),
                    ("Resolved", f"{_when(found.resolved_at)} by {_e(found.resolved_by)}"),
                    ("Resolution note", _e(found.resolution_note)),
                ]
            else:
                rows.append(("Resolution", "<b style='color:#b00020'>open</b>"))
            body = "".join(
                f"<tr><td style='color:#5f6368;padding-right:12px'>{k}</td><td>{v}</td></tr>"
                for k, v in rows
            )
            self.discrepancy_view.setHtml(
                f"<h2>Discrepancy #{found.id}: {_e(status_label(found.kind))}</h2>"
                f"<table cellspacing='0' cellpadding='2'>{body}</table>"
            )
            if found.has_photo:
                self._show_photo(found.id)
        self._update_actions()

    def _show_photo(self, discrepancy_id: int) -> None:
        data = queries.discrepancy_photo(self.ctx.db, discrepancy_id)
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.photo.setPixmap(
                pixmap.scaled(
                    360,
                    240,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.photo.setText("A photo is attached (not an image this computer can show).")
        self.photo.setVisible(True)

    def _follow(self, url: QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "discrepancy" and value.isdigit():
            self.open_discrepancy(int(value))
        elif kind == "transfer":
            self.open_transfer(value)
        elif kind in ("aliquot", "loan"):
            self.open_record.emit(kind, value)

    # ------------------------------------------------------------------ what may be done

    def _update_actions(self) -> None:
        ctx, d = self.ctx, self.detail
        own = ctx.actor.institution_code
        set_allowed(
            self.new_action,
            ctx.why_not("release"),
            "Scan aliquots into a package and release it to a courier",
        )

        def prepared_here(operation: str, doing: str) -> str | None:
            reason = ctx.why_not(operation)
            if reason or d is None:
                return reason or "Select a prepared package first."
            if d.status != custody.PREPARED:
                state = status_label(d.status)
                return f"Transfer {d.number} is {state}; only a prepared one can be {doing}."
            if d.from_code != own:
                return f"Transfer {d.number} belongs to {d.from_institution}."
            return None

        set_allowed(
            self.release_action,
            prepared_here("release", "released"),
            "The sender and the courier sign the hand-over of the selected package",
        )
        set_allowed(
            self.cancel_action,
            prepared_here("prepare_transfer", "cancelled"),
            "Unpack the selected package, which was never picked up",
        )
        receive = ctx.why_not("receive")
        if receive is None:
            if d is None:
                receive = "Select the package that arrived first."
            elif d.status != custody.IN_TRANSIT_T:
                receive = f"Transfer {d.number} is {status_label(d.status)}, not in transit."
            elif d.receiver_username != ctx.actor.username:
                receive = f"Only the named receiver, {d.receiver}, may confirm this receipt."
        set_allowed(
            self.receive_action,
            receive,
            "Check the seal and masses of the selected package and sign for it",
        )
        pick = None if d is not None else "Select a package first."
        for action, tip in (
            (self.custody_form_action, "The package's chain-of-custody form to print and sign"),
            (self.manifest_action, "The packing list that travels inside the package"),
            (self.labels_action, "Labels (QR code, number, sample, mass) for the package"),
        ):
            set_allowed(action, pick, tip)
        found = self.discrepancy
        resolve = ctx.why_not("resolve_discrepancy")
        if resolve is None:
            if found is None:
                resolve = "Select an open discrepancy first."
            elif found.resolved_at is not None:
                resolve = f"Discrepancy #{found.id} is resolved already."
            elif found.lender_code != own:
                resolve = "Discrepancies are resolved by the lender's curators."
        set_allowed(
            self.resolve_action,
            resolve,
            "Record a loss, correct the book mass or accept, with your signature",
        )

    # ------------------------------------------------------------------ actions

    def _done(self, select: str | None = None) -> None:
        """After an operation: read again, select what it made, tell the other views."""
        self.refresh()
        if select:
            self.open_transfer(select)
        self.ctx.changed.emit()

    def package_dialog(self) -> PackageDialog:
        return PackageDialog(self.ctx, self)

    def new_package(self) -> None:
        if not self.new_action.isEnabled():
            return
        dialog = self.package_dialog()
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.transfer_number:
                self._done(dialog.transfer_number)
        finally:
            dialog.deleteLater()

    def release_prepared(self) -> None:
        d = self.detail
        if d is None or not self.release_action.isEnabled():
            return
        summary = "\n".join(
            [
                f"Package {d.number} for {d.receiver} ({d.to_institution})",
                f"Seal: {d.seal_number}",
                f"Courier: {d.courier}",
                "",
                *(f"{i.aliquot_number}    {format_mass(i.expected_mass_ug)}" for i in d.items),
            ]
        )
        sender = ask_signature(
            self, meaning="relinquished", summary=summary, username=self.ctx.actor.username
        )
        if sender is None:
            return
        courier = ask_signature(
            self, meaning="accepted", summary=summary, username=d.courier_username, method=PIN
        )
        if courier is None:
            return
        try:
            custody.release_transfer(
                self.ctx.db, self.ctx.actor, d.number, sender=sender, courier=courier
            )
        except Exception as error:
            show_error(self, error)
            return
        self._done(d.number)

    def receipt_dialog(self) -> ReceiptDialog | None:
        return ReceiptDialog(self.ctx, self.detail, self) if self.detail else None

    def confirm_receipt(self) -> None:
        if not self.receive_action.isEnabled():
            return
        dialog = self.receipt_dialog()
        if dialog is None:
            return
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.receipt is None:
                return
            number = dialog.detail.number
            raised = {found.id for found in dialog.receipt.discrepancies}
        finally:
            dialog.deleteLater()
        self._done(number)
        if raised:
            detail = queries.transfer_detail(self.ctx.db, number)
            lines = [_discrepancy_sentence(x) for x in detail.discrepancies if x.id in raised]
            inform(
                self,
                "Received, with discrepancies",
                f"{number} is received and in your custody. "
                + (
                    "One discrepancy was"
                    if len(raised) == 1
                    else f"{len(raised)} discrepancies were"
                )
                + " recorded for the lender's curators to resolve:\n\n"
                + "\n".join(lines),
            )

    def cancel_package(self) -> None:
        d = self.detail
        if d is None or not self.cancel_action.isEnabled():
            return
        dialog = ReasonDialog(
            f"Cancel package {d.number}",
            f"Why is {d.number} cancelled? Its aliquots stay in your storage.",
            self,
        )
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            reason = dialog.reason()
        finally:
            dialog.deleteLater()
        try:
            custody.cancel_transfer(self.ctx.db, self.ctx.actor, d.number, reason=reason)
        except Exception as error:
            show_error(self, error)
            return
        self._done(d.number)

    def resolve(self) -> None:
        found = self.discrepancy
        if found is None or not self.resolve_action.isEnabled():
            return
        dialog = ResolveDialog(self.ctx, found, self)
        try:
            resolved = dialog.exec() == QDialog.DialogCode.Accepted and dialog.resolved
        finally:
            dialog.deleteLater()
        if resolved:
            self.refresh()
            self.ctx.changed.emit()
