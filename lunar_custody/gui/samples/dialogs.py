"""The registry's operations on samples and aliquots: register, split, consume, report lost,
correct. Each is a ``FormDialog``: ``prepare`` reads the fields on the GUI thread and returns
one registry call that the operation runner runs; a refusal is shown beside the fields and
nothing typed is lost."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import registry
from ...domain.errors import ValidationError
from ...domain.masses import parse_mass
from ...domain.numbering import normalize, sample_scheme
from ...domain.queries import AliquotDetail, EventRow
from ...domain.registry import MAX_TEXT, clean_text
from ...domain.store import ProgressCallback
from .. import errors
from ..context import AppContext
from ..dialogs import FormDialog, Withdrawn
from ..locale_format import mass_text
from ..operations import Work
from ..tablemodel import local_time
from ..translation import Translator, translated
from ..vocabulary import word
from ..widgets import FieldChecks, problem_of

_samples_dialogs = Translator("_samples_dialogs")

_RED = "color: #c01c28;"
CONSUMED_MASS_NEEDED = _samples_dialogs.noop("Give the consumed mass.")
MISSIONS = ("Chang'e-5", "Chang'e-6", *(f"Apollo {n}" for n in (11, 12, 14, 15, 16, 17)))


def parse_signed_mass(text: str) -> int:
    """'+0.5 mg' or '-1.2 mg' (empty: 0) as signed micrograms, for corrections."""
    raw = text.strip().replace("\u2212", "-")  # a typographic minus pasted from a report
    if not raw:
        return 0
    sign = -1 if raw.startswith("-") else 1
    return sign * parse_mass(raw.lstrip("+-").strip(), "mg")


def signed_mass(mass_ug: int) -> str:
    return ("+" if mass_ug > 0 else "") + mass_text(mass_ug)


def _edit(name: str, placeholder: str = "", text: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def _note_edit(name: str = "note", placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(70)
    return edit


class _SampleForm(FormDialog):
    """A FormDialog named after its class, its fields growing with the window."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, title: str, ok_text: str) -> None:
        super().__init__(parent, title, type(self).__name__, ops=ctx.ops, ok_text=ok_text)
        self.ctx = ctx
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)


class RegisterSampleDialog(_SampleForm):
    """A new sample with its first aliquots (registry.register_sample)."""

    ALIQUOT_COLUMNS = (
        _samples_dialogs.noop("Aliquot number"),
        _samples_dialogs.noop("Mass"),
        _samples_dialogs.noop("Form"),
        _samples_dialogs.noop("Container"),
        _samples_dialogs.noop("Seal"),
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, parent, _samples_dialogs.tr("Register sample"), _samples_dialogs.tr("&Register")
        )
        self.number_edit = _edit("sampleNumber", _samples_dialogs.tr("e.g. CE5C0400 or 70017"))
        self.mass_edit = _edit(
            "originalMass", _samples_dialogs.tr("e.g. 1.5 g or 1500 mg; empty if not recorded")
        )
        self.mission_box = QComboBox()
        self.mission_box.setObjectName("mission")
        self.mission_box.setEditable(True)
        self.mission_box.addItems(["", *MISSIONS])
        self.type_edit = _edit("sampleType", _samples_dialogs.tr("e.g. regolith, basalt, breccia"))
        self.description_edit = _note_edit(
            "description", _samples_dialogs.tr("What the sample is and where from")
        )
        self.form.addRow(_samples_dialogs.tr("Sample &number:"), self.number_edit)
        self.form.addRow(_samples_dialogs.tr("&Original mass:"), self.mass_edit)
        self.form.addRow(_samples_dialogs.tr("&Mission:"), self.mission_box)
        self.form.addRow(_samples_dialogs.tr("&Type:"), self.type_edit)
        self.form.addRow(_samples_dialogs.tr("&Description:"), self.description_edit)
        self.checks = FieldChecks(self.ok_button)
        self.checks.watch(self.number_edit, self._number_problem, self.form)
        self.checks.watch(self.mass_edit, self._mass_problem, self.form)

        self.table = QTableWidget(0, len(self.ALIQUOT_COLUMNS))
        self.table.setObjectName("aliquotTable")
        self.table.setHorizontalHeaderLabels([translated(c) for c in self.ALIQUOT_COLUMNS])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(90)
        self.table.setMinimumHeight(140)
        self.add_button = QPushButton(_samples_dialogs.tr("&Add aliquot"))
        self.add_button.setObjectName("addAliquot")
        self.add_button.clicked.connect(lambda: self.add_aliquot_row())
        self.remove_button = QPushButton(_samples_dialogs.tr("Re&move aliquot"))
        self.remove_button.setObjectName("removeAliquot")
        self.remove_button.clicked.connect(self.remove_aliquot_row)
        box = QGroupBox(
            _samples_dialogs.tr("Aliquots registered with it (masses in mg unless a unit is given)")
        )
        inner = QVBoxLayout(box)
        inner.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        inner.addLayout(row)
        self.body.insertWidget(1, box, 1)  # below the fields, above the error and buttons
        self.resize(720, 560)

    def _number_problem(self) -> str | None:
        number = normalize(self.number_edit.text())
        return problem_of(
            lambda: sample_scheme(
                clean_text(number, _samples_dialogs.noop("sample number"), required=True)
            )
        )

    def _mass_problem(self) -> str | None:
        text = self.mass_edit.text().strip()  # empty: not recorded
        what = _samples_dialogs.noop("original mass")
        return problem_of(lambda: text and parse_mass(text, "mg", what=what, allow_zero=True))

    def add_aliquot_row(self, values: tuple[str, ...] = ()) -> int:
        """A new aliquot row, its number started with the sample's (filled from ``values``)."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        sample = self.number_edit.text().strip().upper()
        start = f"{sample}," if sample.isdigit() else sample
        cells = values or (start, "", "", "", "")
        for column in range(len(self.ALIQUOT_COLUMNS)):
            text = cells[column] if column < len(cells) else ""
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setCurrentCell(row, 0)
        return row

    def remove_aliquot_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def new_sample(self) -> registry.NewSample:
        mass_text = self.mass_edit.text().strip()
        aliquots = []
        for row in range(self.table.rowCount()):
            number, mass, form, container, seal = (
                self._cell(row, c) for c in range(len(self.ALIQUOT_COLUMNS))
            )
            if not number and not mass:
                continue  # an empty row left over
            if not mass:
                raise ValidationError(
                    _samples_dialogs.tr("Aliquot {number} needs a mass.").format(number=number)
                    if number
                    else _samples_dialogs.tr("Aliquot row {row} needs a mass.").format(row=row + 1)
                )
            aliquots.append(
                registry.NewAliquot(
                    number, parse_mass(mass, "mg"), form=form, container=container, seal_number=seal
                )
            )
        return registry.NewSample(
            number=self.number_edit.text(),
            original_mass_ug=parse_mass(mass_text, "mg", allow_zero=True) if mass_text else None,
            mission=self.mission_box.currentText().strip(),
            sample_type=self.type_edit.text().strip(),
            description=self.description_edit.toPlainText().strip(),
            aliquots=aliquots,
        )

    def prepare(self) -> Work[str]:
        db, actor, sample = self.ctx.db, self.ctx.actor, self.new_sample()
        return lambda _progress: registry.register_sample(db, actor, sample).number


class SplitDialog(_SampleForm):
    """Child aliquots of chosen masses split off one aliquot (registry.split_aliquot)."""

    def __init__(
        self, ctx: AppContext, status: AliquotDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx,
            parent,
            _samples_dialogs.tr("Split {number}").format(number=status.number),
            _samples_dialogs.tr("&Split"),
        )
        self.status = status
        heading = QLabel(
            _samples_dialogs.tr(
                "<b>{number}</b> holds <b>{mass}</b>. "
                "Give the mass of each child aliquot (mg unless a unit is given)."
            ).format(number=status.number, mass=mass_text(status.current_mass_ug))
        )
        heading.setWordWrap(True)
        self.body.insertWidget(0, heading)
        self.rows_layout = QVBoxLayout()
        self.mass_edits: list[QLineEdit] = []
        self.add_button = QPushButton(_samples_dialogs.tr("&Add child"))
        self.add_button.setObjectName("addChild")
        self.add_button.clicked.connect(lambda: self.add_child())
        self.remaining_label = QLabel()
        self.remaining_label.setObjectName("remainingMass")
        parent_form = status.form or _samples_dialogs.tr("not given")
        self.form_edit = _edit(
            "childForm", _samples_dialogs.tr("as the parent ({form})").format(form=parent_form)
        )
        self.container_edit = _edit("childContainer", _samples_dialogs.tr("e.g. vial 12"))
        self.note_edit = _note_edit(
            "note", _samples_dialogs.tr("Why, and where the children go (optional)")
        )
        children = QGroupBox(_samples_dialogs.tr("Children"))
        inner = QVBoxLayout(children)
        inner.addLayout(self.rows_layout)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        inner.addLayout(add_row)
        self.body.insertWidget(1, children)
        self.form.addRow(_samples_dialogs.tr("Remaining in the parent:"), self.remaining_label)
        self.form.addRow(_samples_dialogs.tr("&Form of the children:"), self.form_edit)
        self.form.addRow(_samples_dialogs.tr("&Container:"), self.container_edit)
        self.form.addRow(_samples_dialogs.tr("&Note:"), self.note_edit)
        self.add_child()
        self.add_child()
        self.resize(480, 420)

    def add_child(self, text: str = "") -> QLineEdit:
        edit = _edit("childMass", _samples_dialogs.tr("e.g. 50 mg"), text)
        edit.textChanged.connect(lambda _=None: self.update_remaining())
        remove = QPushButton(_samples_dialogs.tr("Remove"))
        remove.setObjectName("removeChild")
        line = QWidget()
        row = QHBoxLayout(line)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel()
        label.setMinimumWidth(60)
        row.addWidget(label)
        row.addWidget(edit, 1)
        row.addWidget(remove)
        remove.clicked.connect(lambda: self.remove_child(edit, line))
        self.rows_layout.addWidget(line)
        self.mass_edits.append(edit)
        self._renumber()
        self.update_remaining()
        edit.setFocus()
        return edit

    def remove_child(self, edit: QLineEdit, line: QWidget) -> None:
        if len(self.mass_edits) <= 1:
            return  # a split makes at least one child
        self.mass_edits.remove(edit)
        self.rows_layout.removeWidget(line)
        line.deleteLater()
        self._renumber()
        self.update_remaining()

    def _renumber(self) -> None:
        for position in range(self.rows_layout.count()):
            item = self.rows_layout.itemAt(position)
            line = item.widget() if item is not None else None
            if line is not None:
                label = line.findChild(QLabel)
                if label is not None:
                    label.setText(
                        _samples_dialogs.tr("Child {position}:").format(position=position + 1)
                    )

    def masses(self) -> list[int]:
        """The children's masses; a ValidationError names the first unreadable one."""
        masses = []
        for position, edit in enumerate(self.mass_edits, start=1):
            text = edit.text().strip()
            if not text:
                raise ValidationError(
                    _samples_dialogs.tr("Give the mass of child {position}.").format(
                        position=position
                    )
                )
            masses.append(parse_mass(text, "mg"))
        return masses

    def update_remaining(self) -> None:
        """The parent's mass after the split, live; OK only when it can be done."""
        try:
            masses = self.masses()
        except ValidationError as problem:  # typing in progress: said beside the fields
            self.remaining_label.setText(errors.error_text(problem))
            self.remaining_label.setStyleSheet(_RED)
            self.ok_button.setEnabled(False)
            return
        remaining = self.status.current_mass_ug - sum(masses)
        self.remaining_label.setText(mass_text(remaining))
        self.remaining_label.setStyleSheet(_RED if remaining < 0 else "")
        self.ok_button.setEnabled(remaining >= 0)

    def prepare(self) -> Work[list[str]]:
        db, actor, number = self.ctx.db, self.ctx.actor, self.status.number
        masses = self.masses()
        form, container = self.form_edit.text(), self.container_edit.text()
        note = self.note_edit.toPlainText()

        def split(_progress: ProgressCallback) -> list[str]:
            children = registry.split_aliquot(
                db, actor, number, masses, form=form, container=container, note=note
            )
            return [child.number for child in children]

        return split


class ConsumeDialog(_SampleForm):
    """Mass used up by destructive analysis (registry.consume)."""

    def __init__(
        self, ctx: AppContext, status: AliquotDetail, parent: QWidget | None = None
    ) -> None:
        title = _samples_dialogs.tr("Record consumption of {number}").format(number=status.number)
        super().__init__(ctx, parent, title, _samples_dialogs.tr("&Record"))
        self.status = status
        self.mass_edit = _edit("consumedMass", _samples_dialogs.tr("e.g. 10 mg"))
        self.note_edit = _note_edit(
            "note", _samples_dialogs.tr("The analysis, e.g. noble gas extraction")
        )
        self.form.addRow(
            _samples_dialogs.tr("Holds now:"), QLabel(mass_text(status.current_mass_ug))
        )
        self.form.addRow(_samples_dialogs.tr("&Consumed mass:"), self.mass_edit)
        self.form.addRow(_samples_dialogs.tr("&Note:"), self.note_edit)
        self.checks = FieldChecks(self.ok_button)
        self.checks.watch(self.mass_edit, self._mass_problem, self.form)
        self.resize(440, 220)

    def _mass_problem(self) -> str | None:
        text = self.mass_edit.text().strip()
        if not text:
            return translated(CONSUMED_MASS_NEEDED)
        return problem_of(
            lambda: parse_mass(text, "mg", what=_samples_dialogs.noop("consumed mass"))
        )

    def prepare(self) -> Work[int]:
        db, actor, number = self.ctx.db, self.ctx.actor, self.status.number
        text = self.mass_edit.text().strip()
        if not text:
            raise ValidationError(translated(CONSUMED_MASS_NEEDED))
        mass = parse_mass(text, "mg")
        note = self.note_edit.toPlainText()

        def consume(_progress: ProgressCallback) -> int:
            registry.consume(db, actor, number, mass, note=note)
            return mass

        return consume


class ReportLostDialog(_SampleForm):
    """A whole aliquot reported lost, after a confirmation (registry.report_lost)."""

    def __init__(
        self, ctx: AppContext, status: AliquotDetail, parent: QWidget | None = None
    ) -> None:
        title = _samples_dialogs.tr("Report {number} lost").format(number=status.number)
        super().__init__(ctx, parent, title, _samples_dialogs.tr("Report &lost"))
        self.status = status
        warning = QLabel(
            _samples_dialogs.tr(
                "All of its {mass} will be recorded as lost. The ledger keeps this for good; "
                "a mistake can only be corrected by a new event."
            ).format(mass=mass_text(status.current_mass_ug))
        )
        warning.setWordWrap(True)
        self.body.insertWidget(0, warning)
        self.note_edit = _note_edit("note", _samples_dialogs.tr("What happened (required)"))
        self.form.addRow(_samples_dialogs.tr("&What happened:"), self.note_edit)
        self.checks = FieldChecks(self.ok_button)
        self.checks.watch(self.note_edit, self._note_problem, self.form)
        self.resize(440, 220)

    def _note_problem(self) -> str | None:
        # the service's own check of the note (registry.report_lost)
        note = self.note_edit.toPlainText()
        return problem_of(
            lambda: clean_text(note, _samples_dialogs.noop("note"), required=True, limit=MAX_TEXT)
        )

    def prepare(self) -> Work[str]:
        db, actor, number = self.ctx.db, self.ctx.actor, self.status.number
        note = self.note_edit.toPlainText()
        # Asked before anything runs; No closes the form and reports nothing.
        if not errors.confirm(
            self,
            _samples_dialogs.tr("Report lost"),
            _samples_dialogs.tr("Report aliquot {number} lost, with all of its {mass}?").format(
                number=number, mass=mass_text(self.status.current_mass_ug)
            ),
        ):
            self.reject()
            raise Withdrawn(_samples_dialogs.tr("Not reported lost."))

        def report(_progress: ProgressCallback) -> str:
            registry.report_lost(db, actor, number, note=note)
            return number

        return report


class CorrectEventDialog(_SampleForm):
    """A correcting event for an earlier one, with a mass change (registry.correct_event)."""

    def __init__(
        self,
        ctx: AppContext,
        status: AliquotDetail,
        events: list[EventRow],
        selected_event: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = _samples_dialogs.tr("Correct an event of {number}").format(number=status.number)
        super().__init__(ctx, parent, title, _samples_dialogs.tr("&Record correction"))
        self.status = status
        self.event_box = QComboBox()
        self.event_box.setObjectName("eventChoice")
        for event in events:
            mass = f" · {mass_text(event.mass_ug)}" if event.mass_ug is not None else ""
            when = local_time(event.occurred_at)
            self.event_box.addItem(
                f"#{event.id} · {when} · {word('event', event.label)}{mass}", event.id
            )
        if selected_event is not None:
            self.event_box.setCurrentIndex(max(0, self.event_box.findData(selected_event)))
        else:
            self.event_box.setCurrentIndex(self.event_box.count() - 1)
        self.delta_edit = _edit(
            "massDelta", _samples_dialogs.tr("+0.5 mg or -1.2 mg; empty to correct only a note")
        )
        self.after_label = QLabel()
        self.after_label.setObjectName("massAfter")
        self.delta_edit.textChanged.connect(lambda _=None: self._update_after())
        self.note_edit = _note_edit(
            "note", _samples_dialogs.tr("Why the event was wrong (required)")
        )
        self.note_edit.textChanged.connect(self._update_after)
        self.form.addRow(_samples_dialogs.tr("&Event:"), self.event_box)
        self.form.addRow(_samples_dialogs.tr("&Mass change:"), self.delta_edit)
        self.form.addRow(_samples_dialogs.tr("Book mass after:"), self.after_label)
        self.form.addRow(_samples_dialogs.tr("&Reason:"), self.note_edit)
        self._update_after()
        self.resize(560, 260)

    def _update_after(self) -> None:
        current = self.status.current_mass_ug
        try:
            delta = parse_signed_mass(self.delta_edit.text())
        except ValidationError as problem:  # typing in progress: said beside the fields
            self.after_label.setText(errors.error_text(problem))
            self.after_label.setStyleSheet(_RED)
            self.ok_button.setEnabled(False)
            return
        after = current + delta
        self.after_label.setText(f"{mass_text(current)} → {mass_text(after)}")
        self.after_label.setStyleSheet(_RED if after < 0 else "")
        self.ok_button.setEnabled(
            after >= 0 and bool(self.note_edit.toPlainText().strip()) and self.event_box.count() > 0
        )

    def prepare(self) -> Work[int]:
        db, actor = self.ctx.db, self.ctx.actor
        event_id = int(self.event_box.currentData())
        note, delta = self.note_edit.toPlainText(), parse_signed_mass(self.delta_edit.text())

        def correct(_progress: ProgressCallback) -> int:
            return registry.correct_event(db, actor, event_id, note=note, mass_delta_ug=delta).id

        return correct
