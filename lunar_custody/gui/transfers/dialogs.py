"""The transfers dialogs that sign and submit one operation: the receipt of a package, the
resolution of a discrepancy, and the reason a package is cancelled. Each is a FormDialog:
its fields are read on the GUI thread, the service call runs through the operation runner,
and a refusal is shown beside the fields."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import custody, queries
from ...domain.errors import ValidationError
from ...domain.identity import PIN
from ...domain.masses import parse_mass
from ...domain.queries import DiscrepancyDetail, TransferDetail
from ...domain.registry import MAX_TEXT, clean_text
from ..context import AppContext
from ..dialogs import FormDialog
from ..errors import error_text
from ..locale_format import mass_text
from ..operations import Work
from ..tablemodel import status_label
from ..tables import cell, read_only_table
from ..translation import Translator, translated
from ..widgets import FieldChecks, choose_photo_file, problem_of, read_photo
from .detail import discrepancy_sentence, e

_transfers_dialogs = Translator("_transfers_dialogs")

CHOOSE_COURIER = _transfers_dialogs.noop("Choose the courier who took the package.")


class ScanningForm(FormDialog):
    """A form where Enter never presses a button: scanners end each code with Enter, and a
    mass typed into a field must not sign the form. Buttons are clicked on purpose."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)


# ---------------------------------------------------------------------- receipt


class ReceiptDialog(ScanningForm):
    """An authorised receiver checks the package: seal, masses, a note and a photo, then signs;
    the delivering courier, when at the desk, signs first that they gave it up (PIN)."""

    def __init__(
        self, ctx: AppContext, detail: TransferDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            parent,
            _transfers_dialogs.tr("Confirm receipt of {number}").format(number=detail.number),
            "receiptDialog",
            ops=ctx.ops,
            ok_text=_transfers_dialogs.tr("Sign receipt…"),
        )
        self.resize(720, 600)
        self.ctx = ctx
        self.detail = detail
        self.receipt: custody.Receipt | None = None
        self.photo: bytes | None = None
        self.sign_button = self.ok_button
        self.sign_button.setObjectName("signReceiptButton")

        heading = QLabel(
            _transfers_dialogs.tr(
                "<b>{number}</b> from {sender}, carried by {courier}. Seal recorded at "
                "release: <b>{seal}</b>."
            ).format(
                number=e(detail.number),
                sender=e(detail.from_institution),
                courier=e(detail.courier),
                seal=e(detail.seal_number),
            )
        )
        heading.setWordWrap(True)
        self.table = read_only_table(
            "receipt",
            [
                _transfers_dialogs.tr("Aliquot"),
                _transfers_dialogs.tr("Expected"),
                _transfers_dialogs.tr("Measured (optional)"),
            ],
        )
        self.mass_edits: dict[str, QLineEdit] = {}
        for item in detail.items:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, cell(item.aliquot_number))
            self.table.setItem(row, 1, cell(mass_text(item.expected_mass_ug), number=True))
            edit = QLineEdit()
            edit.setObjectName(f"measured:{item.aliquot_number}")
            edit.setPlaceholderText(_transfers_dialogs.tr("e.g. 299.8 mg"))
            self.table.setCellWidget(row, 2, edit)
            self.mass_edits[item.aliquot_number] = edit
        self.table.horizontalHeader().setMinimumSectionSize(140)
        # a mass that cannot be read is named below the table as it is typed
        self.checks = FieldChecks(self.sign_button)
        self.mass_messages = QVBoxLayout()
        for number, edit in self.mass_edits.items():
            check = partial(self._mass_problem, number, edit)
            self.mass_messages.addWidget(self.checks.watch(edit, check, None))

        self.seal_intact = QCheckBox(_transfers_dialogs.tr("The seal is &intact"))
        self.seal_intact.setObjectName("sealIntact")
        self.seal_intact.setChecked(True)
        self.seal_seen = QLineEdit()
        self.seal_seen.setObjectName("sealSeen")
        self.seal_seen.setPlaceholderText(
            _transfers_dialogs.tr("the number printed on the seal you see")
        )
        self.note = QPlainTextEdit()
        self.note.setObjectName("receiptNote")
        self.note.setMaximumHeight(80)
        self.photo_label = QLabel(_transfers_dialogs.tr("No photo"))
        self.photo_label.setObjectName("photoLabel")
        self.photo_button = QPushButton(_transfers_dialogs.tr("Attach &photo…"))
        self.photo_button.setObjectName("photoButton")
        self.photo_button.clicked.connect(self.choose_photo)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_label, 1)
        photo_row.addWidget(self.photo_button)
        self.form.addRow("", self.seal_intact)
        self.form.addRow(_transfers_dialogs.tr("Seal number &seen:"), self.seal_seen)
        self.form.addRow(_transfers_dialogs.tr("&Note:"), self.note)
        self.form.addRow(_transfers_dialogs.tr("Photo:"), photo_row)
        # optional, as receive --courier-pin: without it the custody form leaves ink lines
        self.courier_signs = QCheckBox(
            _transfers_dialogs.tr(
                "{courier}, the courier, signs that they &delivered it (PIN)"
            ).format(courier=detail.courier.replace("&", "&&"))
        )
        self.courier_signs.setObjectName("courierSigns")
        self.courier_signs.setVisible(bool(detail.courier_username))
        self.form.addRow("", self.courier_signs)
        self.body.insertWidget(0, heading)
        self.body.insertWidget(1, self.table, 1)
        self.body.insertLayout(2, self.mass_messages)
        never_refused = QLabel(
            _transfers_dialogs.tr(
                "A broken or different seal, or a mass outside the tolerance, is recorded "
                "as a discrepancy for the lender's curators; the receipt is never refused."
            )
        )
        never_refused.setWordWrap(True)
        self.body.insertWidget(4, never_refused)

    def choose_photo(self) -> None:
        path = choose_photo_file(self)
        if path:
            self.set_photo(path)

    def set_photo(self, path: str) -> None:
        try:
            self.photo = read_photo(path)
        except ValidationError as error:
            self.error_label.setText(error_text(error))
            return
        self.photo_label.setText(
            _transfers_dialogs.tr("{name} ({size} KB)").format(
                name=Path(path).name, size=len(self.photo) // 1024
            )
        )

    @staticmethod
    def _mass_problem(number: str, edit: QLineEdit) -> str | None:
        text = edit.text().strip()  # empty: not weighed
        problem = problem_of(lambda: text and parse_mass(text, "mg"))
        return f"{number}: {translated(problem)}" if problem else None

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
                raise ValidationError(f"{number}: {error_text(error)}") from None
        return masses

    def summary(self, masses: dict[str, int]) -> str:
        seen = self.seal_seen.text().strip() or self.detail.seal_number
        seal = (
            _transfers_dialogs.tr("Seal {seal}: intact")
            if self.seal_intact.isChecked()
            else _transfers_dialogs.tr("Seal {seal}: BROKEN")
        )
        lines = [
            _transfers_dialogs.tr("Receipt of {number} from {sender}").format(
                number=self.detail.number, sender=self.detail.from_institution
            ),
            seal.format(seal=seen),
            "",
        ]
        for item in self.detail.items:
            weighed = masses.get(item.aliquot_number)
            measured = (
                _transfers_dialogs.tr(", measured {mass}").format(mass=mass_text(weighed))
                if weighed is not None
                else ""
            )
            lines.append(f"{item.aliquot_number}    {mass_text(item.expected_mass_ug)}{measured}")
        return "\n".join(lines)

    def prepare(self) -> Work[custody.Receipt]:
        masses = self.measured()
        summary = self.summary(masses)
        courier = None
        if self.courier_signs.isChecked() and self.detail.courier_username:
            courier = self.signature(
                meaning="relinquished",
                summary=f"{summary}\n\n"
                + _transfers_dialogs.tr("Delivered by {courier}").format(
                    courier=self.detail.courier
                ),
                username=self.detail.courier_username,
                method=PIN,
            )
        credential = self.signature(
            meaning="received", summary=summary, username=self.ctx.actor.username
        )
        db, actor, number = self.ctx.db, self.ctx.actor, self.detail.number
        seal_intact = self.seal_intact.isChecked()
        seen = self.seal_seen.text().strip() or None
        note, photo = self.note.toPlainText(), self.photo
        return lambda _progress: custody.confirm_receipt(
            db,
            actor,
            number,
            credential=credential,
            seal_intact=seal_intact,
            seal_number_seen=seen,
            measured_ug=masses,
            note=note,
            photo=photo,
            courier_credential=courier,
        )

    def succeeded(self, result: custody.Receipt) -> None:
        self.receipt = result


# ---------------------------------------------------------------------- discrepancies


class ResolveDialog(ScanningForm):
    """A lender's curator settles a discrepancy: a resolution, a note and a signature."""

    def __init__(
        self, ctx: AppContext, found: DiscrepancyDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            parent,
            _transfers_dialogs.tr("Resolve discrepancy #{id}").format(id=found.id),
            "resolveDialog",
            ops=ctx.ops,
            ok_text=_transfers_dialogs.tr("Resolve and sign…"),
        )
        self.ctx = ctx
        self.found = found
        self.resolved = False
        self.resolve_button = self.ok_button
        self.resolve_button.setObjectName("resolveButton")
        about = QLabel(discrepancy_sentence(found))
        about.setWordWrap(True)
        self.resolution = QComboBox()
        self.resolution.setObjectName("resolutionCombo")
        for key in custody.RESOLUTIONS:
            label = status_label(key)
            self.resolution.addItem(label[:1].upper() + label[1:], key)
        if found.kind != "mass":
            # Only a mass difference changes masses; a seal report is accepted with a note.
            for index in range(self.resolution.count()):
                if self.resolution.itemData(index) != "accept":
                    self.resolution.model().item(index).setEnabled(False)  # type: ignore[attr-defined]
            self.resolution.setCurrentIndex(self.resolution.findData("accept"))
        self.note = QPlainTextEdit()
        self.note.setObjectName("resolutionNote")
        self.note.setPlaceholderText(
            _transfers_dialogs.tr("What was checked, with whom (required)")
        )
        self.form.addRow(_transfers_dialogs.tr("&Resolution:"), self.resolution)
        self.form.addRow(_transfers_dialogs.tr("&Note:"), self.note)
        self.body.insertWidget(0, about)
        self.checks = FieldChecks(self.resolve_button)
        self.checks.watch(self.note, self._note_problem, self.form)

    def _note_problem(self) -> str | None:
        # the service's own check of the note (custody.resolve_discrepancy)
        note = self.note.toPlainText()
        return problem_of(
            lambda: clean_text(note, _transfers_dialogs.noop("note"), required=True, limit=MAX_TEXT)
        )

    def choose(self, resolution: str) -> None:
        self.resolution.setCurrentIndex(self.resolution.findData(resolution))

    def prepare(self) -> Work[object]:
        note = self.note.toPlainText().strip()
        if not note:
            raise ValidationError(
                _transfers_dialogs.tr("Write down what was checked before resolving.")
            )
        resolution = str(self.resolution.currentData())
        credential = self.signature(
            meaning="resolved",
            summary=f"{discrepancy_sentence(self.found)}\n\n"
            + _transfers_dialogs.tr("Resolution: {resolution}\nNote: {note}").format(
                resolution=status_label(resolution), note=note
            ),
            username=self.ctx.actor.username,
        )
        db, actor, found_id = self.ctx.db, self.ctx.actor, self.found.id
        return lambda _progress: custody.resolve_discrepancy(
            db, actor, found_id, resolution=resolution, note=note, credential=credential
        )

    def succeeded(self, result: object) -> None:
        self.resolved = True


class TranscribeDialog(FormDialog):
    """At delivery, a courier-to-courier handover made where no installation was present,
    typed in from the paper custody form the couriers signed; marked as transcribed."""

    def __init__(self, ctx: AppContext, detail: TransferDetail, parent: QWidget | None) -> None:
        super().__init__(
            parent,
            _transfers_dialogs.tr("Transcribe a handover of {number}").format(number=detail.number),
            "transcribeDialog",
            ops=ctx.ops,
            ok_text=_transfers_dialogs.tr("Record the handover"),
        )
        self.ctx, self.detail = ctx, detail
        intro = QLabel(
            _transfers_dialogs.tr(
                "{number} is with {courier}. If the couriers handed it over where "
                "no installation was (an airport, a border), type that handover in from the "
                "paper custody form they signed: it is recorded as transcribed, here and in the "
                "exchange files that carry it."
            ).format(number=detail.number, courier=detail.courier)
        )
        intro.setWordWrap(True)
        self.courier_combo = QComboBox()
        self.courier_combo.setObjectName("toCourierCombo")
        self.courier_combo.addItem(
            _transfers_dialogs.tr("(the courier who took the package)"), None
        )
        for person in queries.people_choices(ctx.db, roles=("courier",)):
            if person.username != detail.courier_username:
                self.courier_combo.addItem(
                    f"{person.full_name} — {person.institution}", person.username
                )
        self.when_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.when_edit.setObjectName("whenEdit")
        self.when_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when_edit.setCalendarPopup(True)
        self.form_edit = QLineEdit()
        self.form_edit.setObjectName("formReferenceEdit")
        self.form_edit.setPlaceholderText(
            _transfers_dialogs.tr("the number or reference on the paper form")
        )
        self.form.addRow(intro)
        self.form.addRow(_transfers_dialogs.tr("&To courier:"), self.courier_combo)
        self.form.addRow(_transfers_dialogs.tr("&When (local time):"), self.when_edit)
        self.form.addRow(_transfers_dialogs.tr("Paper &form:"), self.form_edit)
        self.checks = FieldChecks(self.ok_button)
        self.checks.watch(self.courier_combo, self._courier_problem, self.form)

    def _courier_problem(self) -> str | None:
        return None if self.courier_combo.currentData() else translated(CHOOSE_COURIER)

    def prepare(self) -> Work[object]:
        courier = self.courier_combo.currentData()
        if not courier:
            raise ValidationError(translated(CHOOSE_COURIER))
        when = self.when_edit.dateTime().toPython()
        assert isinstance(when, datetime)
        moment = when.astimezone(UTC)  # a naive time is the computer's local time
        db, actor, number = self.ctx.db, self.ctx.actor, self.detail.number
        form = self.form_edit.text()
        return lambda _progress: custody.transcribe_handover(
            db, actor, number, to_courier=str(courier), occurred_at=moment, form_reference=form
        )
