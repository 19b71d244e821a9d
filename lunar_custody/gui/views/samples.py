"""Samples and aliquots: the lineage tree, one aliquot's detail and chain of custody, and
the registry's operations (register, split, consume, report lost, correct, import, export).

Each operation is one dialog that calls one service function when OK is pressed; a refused
operation shows the service's message and leaves the dialog open to fix the input.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...domain import export, importer, queries, registry
from ...domain.errors import CustodyError, ImportRejected, ValidationError
from ...domain.ledger import DEPLETED, IN_STORAGE, IN_TRANSIT, LOST
from ...domain.masses import format_mass, parse_mass
from ...domain.permissions import Actor
from ...domain.queries import AliquotStatus, EventRow
from ...domain.store import Store
from .. import errors
from ..context import AppContext
from ..lineage import ALIQUOT, COLUMNS, SAMPLE, LineageModel, Node
from ..tablemodel import local_time
from ..widgets import ScanField, SearchField
from .base import View

MISSIONS = ("Chang'e-5", "Chang'e-6", *(f"Apollo {n}" for n in (11, 12, 14, 15, 16, 17)))


def parse_signed_mass(text: str) -> int:
    """'+0.5 mg' or '-1.2 mg' (empty: 0) as signed micrograms, for corrections."""
    raw = text.strip().replace("\u2212", "-")  # a typographic minus pasted from a report
    if not raw:
        return 0
    sign = -1 if raw.startswith("-") else 1
    return sign * parse_mass(raw.lstrip("+-").strip(), "mg")


def signed_mass(mass_ug: int) -> str:
    return ("+" if mass_ug > 0 else "") + format_mass(mass_ug)


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


# ---------------------------------------------------------------------- dialogs


class OperationDialog(QDialog):
    """A form whose OK button performs one service call; an error keeps the form open."""

    def __init__(self, parent: QWidget | None, title: str, ok_text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName(type(self).__name__)
        self.result_value: Any = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button.setText(ok_text)
        self.ok_button.setObjectName("okButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def finish_layout(self) -> None:
        self.body.addWidget(self.buttons)

    def perform(self) -> Any:
        """Do the operation (one service call); return what the view needs afterwards."""
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.result_value = self.perform()
        except Exception as error:  # the service's refusal, in its own words
            errors.show_error(self, error)
            return
        super().accept()


class RegisterSampleDialog(OperationDialog):
    """A new sample with its first aliquots (registry.register_sample)."""

    ALIQUOT_COLUMNS = ("Aliquot number", "Mass", "Form", "Container", "Seal")

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, "Register sample", "&Register")
        self.store, self.actor = store, actor
        self.number_edit = _edit("sampleNumber", "e.g. CE5C0400 or 70017")
        self.mass_edit = _edit("originalMass", "e.g. 1.5 g or 1500 mg; empty if not recorded")
        self.mission_box = QComboBox()
        self.mission_box.setObjectName("mission")
        self.mission_box.setEditable(True)
        self.mission_box.addItems(["", *MISSIONS])
        self.type_edit = _edit("sampleType", "e.g. regolith, basalt, breccia")
        self.description_edit = _note_edit("description", "What the sample is and where from")
        self.form.addRow("Sample &number:", self.number_edit)
        self.form.addRow("&Original mass:", self.mass_edit)
        self.form.addRow("&Mission:", self.mission_box)
        self.form.addRow("&Type:", self.type_edit)
        self.form.addRow("&Description:", self.description_edit)

        self.table = QTableWidget(0, len(self.ALIQUOT_COLUMNS))
        self.table.setObjectName("aliquotTable")
        self.table.setHorizontalHeaderLabels(list(self.ALIQUOT_COLUMNS))
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(90)
        self.table.setMinimumHeight(140)
        self.add_button = QPushButton("&Add aliquot")
        self.add_button.setObjectName("addAliquot")
        self.add_button.clicked.connect(lambda: self.add_aliquot_row())
        self.remove_button = QPushButton("Re&move aliquot")
        self.remove_button.setObjectName("removeAliquot")
        self.remove_button.clicked.connect(self.remove_aliquot_row)
        box = QGroupBox("Aliquots registered with it (masses in mg unless a unit is given)")
        inner = QVBoxLayout(box)
        inner.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        inner.addLayout(row)
        self.body.addWidget(box, 1)
        self.finish_layout()
        self.resize(720, 560)

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
                raise ValidationError(f"Aliquot {number or f'row {row + 1}'} needs a mass.")
            aliquots.append(
                registry.NewAliquot(
                    number, parse_mass(mass, "mg"), form=form, container=container, seal_number=seal
                )
            )
        return registry.NewSample(
            number=self.number_edit.text(),
            original_mass_ug=parse_mass(mass_text, "mg") if mass_text else None,
            mission=self.mission_box.currentText().strip(),
            sample_type=self.type_edit.text().strip(),
            description=self.description_edit.toPlainText().strip(),
            aliquots=aliquots,
        )

    def perform(self) -> str:
        return registry.register_sample(self.store, self.actor, self.new_sample()).number


class SplitDialog(OperationDialog):
    """Child aliquots of chosen masses split off one aliquot (registry.split_aliquot)."""

    def __init__(
        self, store: Store, actor: Actor, status: AliquotStatus, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, f"Split {status.number}", "&Split")
        self.store, self.actor, self.status = store, actor, status
        heading = QLabel(
            f"<b>{status.number}</b> holds <b>{format_mass(status.current_mass_ug)}</b>. "
            "Give the mass of each child aliquot (mg unless a unit is given)."
        )
        heading.setWordWrap(True)
        self.body.insertWidget(0, heading)
        self.rows_layout = QVBoxLayout()
        self.mass_edits: list[QLineEdit] = []
        self.add_button = QPushButton("&Add child")
        self.add_button.setObjectName("addChild")
        self.add_button.clicked.connect(lambda: self.add_child())
        self.remaining_label = QLabel()
        self.remaining_label.setObjectName("remainingMass")
        self.form_edit = _edit("childForm", f"as the parent ({status.form or 'not given'})")
        self.container_edit = _edit("childContainer", "e.g. vial 12")
        self.note_edit = _note_edit("note", "Why, and where the children go (optional)")
        children = QGroupBox("Children")
        inner = QVBoxLayout(children)
        inner.addLayout(self.rows_layout)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        inner.addLayout(add_row)
        self.body.insertWidget(1, children)
        self.form.addRow("Remaining in the parent:", self.remaining_label)
        self.form.addRow("&Form of the children:", self.form_edit)
        self.form.addRow("&Container:", self.container_edit)
        self.form.addRow("&Note:", self.note_edit)
        self.finish_layout()
        self.add_child()
        self.add_child()
        self.resize(480, 420)

    def add_child(self, text: str = "") -> QLineEdit:
        edit = _edit("childMass", "e.g. 50 mg", text)
        edit.textChanged.connect(lambda _=None: self.update_remaining())
        remove = QPushButton("Remove")
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
                    label.setText(f"Child {position + 1}:")

    def masses(self) -> list[int]:
        """The children's masses; a ValidationError names the first unreadable one."""
        masses = []
        for position, edit in enumerate(self.mass_edits, start=1):
            text = edit.text().strip()
            if not text:
                raise ValidationError(f"Give the mass of child {position}.")
            masses.append(parse_mass(text, "mg"))
        return masses

    def update_remaining(self) -> None:
        """The parent's mass after the split, live; OK only when it can be done."""
        try:
            masses = self.masses()
        except ValidationError as problem:
            self.remaining_label.setText(str(problem))
            self.remaining_label.setStyleSheet("color: #c01c28;")
            self.ok_button.setEnabled(False)
            return
        remaining = self.status.current_mass_ug - sum(masses)
        self.remaining_label.setText(format_mass(remaining))
        self.remaining_label.setStyleSheet("color: #c01c28;" if remaining < 0 else "")
        self.ok_button.setEnabled(remaining >= 0)

    def perform(self) -> list[str]:
        children = registry.split_aliquot(
            self.store,
            self.actor,
            self.status.number,
            self.masses(),
            form=self.form_edit.text(),
            container=self.container_edit.text(),
            note=self.note_edit.toPlainText(),
        )
        return [child.number for child in children]


class ConsumeDialog(OperationDialog):
    """Mass used up by destructive analysis (registry.consume)."""

    def __init__(
        self, store: Store, actor: Actor, status: AliquotStatus, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, f"Record consumption of {status.number}", "&Record")
        self.store, self.actor, self.status = store, actor, status
        self.mass_edit = _edit("consumedMass", "e.g. 10 mg")
        self.note_edit = _note_edit("note", "The analysis, e.g. noble gas extraction")
        self.form.addRow("Holds now:", QLabel(format_mass(status.current_mass_ug)))
        self.form.addRow("&Consumed mass:", self.mass_edit)
        self.form.addRow("&Note:", self.note_edit)
        self.finish_layout()
        self.resize(440, 220)

    def perform(self) -> int:
        text = self.mass_edit.text().strip()
        if not text:
            raise ValidationError("Give the consumed mass.")
        mass = parse_mass(text, "mg")
        registry.consume(
            self.store, self.actor, self.status.number, mass, note=self.note_edit.toPlainText()
        )
        return mass


class ReportLostDialog(OperationDialog):
    """A whole aliquot reported lost, after a confirmation (registry.report_lost)."""

    def __init__(
        self, store: Store, actor: Actor, status: AliquotStatus, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, f"Report {status.number} lost", "Report &lost")
        self.store, self.actor, self.status = store, actor, status
        warning = QLabel(
            f"All of its {format_mass(status.current_mass_ug)} will be recorded as lost. "
            "The ledger keeps this for good; a mistake can only be corrected by a new event."
        )
        warning.setWordWrap(True)
        self.body.insertWidget(0, warning)
        self.note_edit = _note_edit("note", "What happened (required)")
        self.note_edit.textChanged.connect(self._update_ok)
        self.form.addRow("&What happened:", self.note_edit)
        self.finish_layout()
        self._update_ok()
        self.resize(440, 220)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.note_edit.toPlainText().strip()))

    def accept(self) -> None:
        if not errors.confirm(
            self,
            "Report lost",
            f"Report aliquot {self.status.number} lost, with all of its "
            f"{format_mass(self.status.current_mass_ug)}?",
        ):
            self.reject()
            return
        super().accept()

    def perform(self) -> str:
        registry.report_lost(
            self.store, self.actor, self.status.number, note=self.note_edit.toPlainText()
        )
        return self.status.number


class CorrectEventDialog(OperationDialog):
    """A correcting event for an earlier one, with a mass change (registry.correct_event)."""

    def __init__(
        self,
        store: Store,
        actor: Actor,
        status: AliquotStatus,
        events: list[EventRow],
        selected_event: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, f"Correct an event of {status.number}", "&Record correction")
        self.store, self.actor, self.status = store, actor, status
        self.event_box = QComboBox()
        self.event_box.setObjectName("eventChoice")
        for event in events:
            mass = f" · {format_mass(event.mass_ug)}" if event.mass_ug is not None else ""
            self.event_box.addItem(
                f"#{event.id} · {local_time(event.occurred_at)} · {event.label}{mass}", event.id
            )
        if selected_event is not None:
            self.event_box.setCurrentIndex(max(0, self.event_box.findData(selected_event)))
        else:
            self.event_box.setCurrentIndex(self.event_box.count() - 1)
        self.delta_edit = _edit("massDelta", "+0.5 mg or -1.2 mg; empty to correct only a note")
        self.after_label = QLabel()
        self.after_label.setObjectName("massAfter")
        self.delta_edit.textChanged.connect(lambda _=None: self._update_after())
        self.note_edit = _note_edit("note", "Why the event was wrong (required)")
        self.note_edit.textChanged.connect(self._update_after)
        self.form.addRow("&Event:", self.event_box)
        self.form.addRow("&Mass change:", self.delta_edit)
        self.form.addRow("Book mass after:", self.after_label)
        self.form.addRow("&Reason:", self.note_edit)
        self.finish_layout()
        self._update_after()
        self.resize(560, 260)

    def _update_after(self) -> None:
        current = self.status.current_mass_ug
        try:
            delta = parse_signed_mass(self.delta_edit.text())
        except ValidationError as problem:
            self.after_label.setText(str(problem))
            self.after_label.setStyleSheet("color: #c01c28;")
            self.ok_button.setEnabled(False)
            return
        after = current + delta
        self.after_label.setText(f"{format_mass(current)} → {format_mass(after)}")
        self.after_label.setStyleSheet("color: #c01c28;" if after < 0 else "")
        self.ok_button.setEnabled(
            after >= 0 and bool(self.note_edit.toPlainText().strip()) and self.event_box.count() > 0
        )

    def perform(self) -> int:
        event = registry.correct_event(
            self.store,
            self.actor,
            int(self.event_box.currentData()),
            note=self.note_edit.toPlainText(),
            mass_delta_ug=parse_signed_mass(self.delta_edit.text()),
        )
        return event.id


# ---------------------------------------------------------------------- detail pane


class AliquotDetail(QWidget):
    """The selected aliquot: where it is, its mass balance, and its chain of custody."""

    TIMELINE_COLUMNS = (
        "#",
        "When",
        "Event",
        "Mass",
        "By",
        "Custodian",
        "Courier",
        "Transfer",
        "Note",
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aliquotDetail")
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("detailSubtitle")
        self.subtitle.setWordWrap(True)

        self.fields_box = QWidget()
        self.fields = QGridLayout(self.fields_box)
        self.fields.setContentsMargins(0, 0, 0, 0)
        self.fields.setHorizontalSpacing(12)
        self.fields.setColumnStretch(1, 1)
        self.fields.setColumnStretch(3, 1)
        self.values: dict[str, QLabel] = {}

        self.balance_box = QGroupBox("Mass balance")
        self.balance_box.setObjectName("massBalance")
        balance = QHBoxLayout(self.balance_box)
        self.balance: dict[str, QLabel] = {}
        terms = [
            ("initial", "Initial"),
            ("=", ""),
            ("current", "Current"),
            ("+", ""),
            ("children", "In children"),
            ("+", ""),
            ("consumed", "Consumed"),
            ("+", ""),
            ("lost", "Lost"),
        ]
        for key, caption in terms:
            if not caption:
                sign = QLabel(key)
                sign.setAlignment(Qt.AlignmentFlag.AlignCenter)
                balance.addWidget(sign)
                continue
            cell = QVBoxLayout()
            value = QLabel()
            value.setObjectName(f"balance_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            bold = QFont(value.font())
            bold.setBold(True)
            value.setFont(bold)
            name = QLabel(caption)
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            name.setStyleSheet("color: palette(mid);")
            cell.addWidget(value)
            cell.addWidget(name)
            balance.addLayout(cell, 1)
            self.balance[key] = value
        self.balance_check = QLabel()
        self.balance_check.setObjectName("balanceCheck")

        self.timeline = QTableWidget(0, len(self.TIMELINE_COLUMNS))
        self.timeline.setObjectName("timeline")
        self.timeline.setHorizontalHeaderLabels(list(self.TIMELINE_COLUMNS))
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.verticalHeader().setDefaultSectionSize(24)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setWordWrap(False)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.timeline_label = QLabel("Chain of custody")
        self.timeline_label.setObjectName("timelineLabel")
        heading = QFont(self.timeline_label.font())
        heading.setBold(True)
        self.timeline_label.setFont(heading)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.fields_box)
        layout.addWidget(self.balance_box)
        layout.addWidget(self.balance_check)
        layout.addStretch(1)
        # The chain of custody has many columns: the view lays it out across the full width.
        self.timeline_panel = QWidget()
        self.timeline_panel.setObjectName("timelinePanel")
        panel = QVBoxLayout(self.timeline_panel)
        panel.setContentsMargins(0, 4, 0, 0)
        panel.addWidget(self.timeline_label)
        panel.addWidget(self.timeline, 1)
        self.events: list[EventRow] = []
        self.clear("Select an aliquot to see where it is and its chain of custody.")

    # ------------------------------------------------------------------ filling

    def _set_fields(self, rows: list[tuple[str, str, str]]) -> None:
        """(key, caption, value) pairs in two columns of caption: value."""
        while self.fields.count():
            item = self.fields.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.values = {}
        half = (len(rows) + 1) // 2
        for position, (key, caption, value) in enumerate(rows):
            row, column = (position, 0) if position < half else (position - half, 2)
            name = QLabel(f"{caption}:")
            name.setStyleSheet("color: palette(mid);")
            shown = QLabel(value or "—")
            shown.setObjectName(f"detail_{key}")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            self.fields.addWidget(name, row, column, Qt.AlignmentFlag.AlignTop)
            self.fields.addWidget(shown, row, column + 1, Qt.AlignmentFlag.AlignTop)
            self.values[key] = shown

    def clear(self, message: str) -> None:
        self.title.setText("")
        self.subtitle.setText(message)
        self._set_fields([])
        self.balance_box.hide()
        self.balance_check.hide()
        self.timeline_label.setText("Chain of custody: select an aliquot")
        self.events = []
        self.timeline.setRowCount(0)

    def show_sample(self, node: Node) -> None:
        v = node.values
        self.title.setText(f"Sample {node.number}")
        count = v["aliquots"]
        self.subtitle.setText(
            f"{count:,} aliquot{'s' if count != 1 else ''}; expand it in the tree to see them."
        )
        original = v["original_mass_ug"]
        self._set_fields(
            [
                ("mission", "Mission", v["mission"]),
                ("type", "Type", v["sample_type"]),
                ("owner", "Owner", v["owner"]),
                ("original", "Original mass", format_mass(original) if original else ""),
                ("remaining", "Held in aliquots", format_mass(v["remaining_ug"])),
                ("container", "Collection container", v["container"]),
            ]
        )
        self.balance_box.hide()
        self.balance_check.hide()
        self.timeline_label.setText("Chain of custody: select an aliquot")
        self.events = []
        self.timeline.setRowCount(0)

    def show_aliquot(self, status: AliquotStatus, events: list[EventRow]) -> None:
        self.title.setText(status.number)
        self.subtitle.setText(status.status_label)
        children = status.children
        shown_children = ", ".join(children[:8]) + (
            f" and {len(children) - 8} more" if len(children) > 8 else ""
        )
        holder = status.custodian_institution or ""
        if status.custodian_person and status.status != IN_TRANSIT:
            holder = f"{holder} — {status.custodian_person}"
        self._set_fields(
            [
                ("sample", "Sample", status.sample_number),
                ("parent", "Parent", status.parent_number or ""),
                ("children", "Children", shown_children),
                ("form", "Form", status.form),
                ("container", "Container", status.container),
                ("seal", "Seal", status.seal_number),
                ("custodian", "Custodian", holder),
                ("courier", "Courier", status.courier or ""),
                ("transfer", "Transfer", status.transfer_number or ""),
                ("loan", "Loan", status.loan_number or ""),
                ("last_event", "Last event", f"#{status.last_event_id}"),
            ]
        )
        amounts = {
            "initial": status.initial_mass_ug,
            "current": status.current_mass_ug,
            "children": status.children_mass_ug,
            "consumed": status.consumed_mass_ug,
            "lost": status.lost_mass_ug,
        }
        for key, amount in amounts.items():
            self.balance[key].setText(format_mass(amount))
        parts = sum(amounts[k] for k in ("current", "children", "consumed", "lost"))
        if parts == status.initial_mass_ug:
            self.balance_check.setText("✓ The mass balance holds.")
            self.balance_check.setStyleSheet("color: #26a269;")
        else:
            self.balance_check.setText(
                f"✗ The parts add up to {format_mass(parts)}, not "
                f"{format_mass(status.initial_mass_ug)}: run Verify ledger."
            )
            self.balance_check.setStyleSheet("color: #c01c28;")
        self.balance_box.show()
        self.balance_check.show()
        self._fill_timeline(events)
        self.timeline_label.setText(f"Chain of custody ({len(events)} events)")

    def _fill_timeline(self, events: list[EventRow]) -> None:
        self.events = events
        table = self.timeline
        table.setRowCount(len(events))
        for row, event in enumerate(events):
            mass = ""
            if event.mass_ug is not None:
                corrected = event.kind == "corrected"
                mass = signed_mass(event.mass_ug) if corrected else format_mass(event.mass_ug)
            custodian = " · ".join(p for p in (event.institution, event.custodian) if p)
            cells = (
                str(event.id),
                local_time(event.occurred_at),
                event.label,
                mass,
                event.actor,
                custodian,
                event.courier or "",
                event.transfer_number or "",
                self._note(event),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (0, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setData(Qt.ItemDataRole.UserRole, event.id)
                if column == 8:
                    item.setToolTip(text)
                table.setItem(row, column, item)
        for column in range(table.columnCount() - 1):  # the note stretches to the edge
            table.resizeColumnToContents(column)
            table.setColumnWidth(column, min(table.columnWidth(column), 220))
        if events:
            table.scrollToBottom()

    @staticmethod
    def _note(event: EventRow) -> str:
        parts = []
        if event.related_aliquot:
            parts.append(
                f"child {event.related_aliquot}"
                if event.kind == "split"
                else f"from {event.related_aliquot}"
            )
        if event.corrects_event_id is not None:
            parts.append(f"corrects #{event.corrects_event_id}")
        if event.seal_number:
            state = {True: "intact", False: "BROKEN", None: ""}[event.seal_intact]
            parts.append(f"seal {event.seal_number} {state}".strip())
        if event.loan_number:
            parts.append(f"loan {event.loan_number}")
        if event.note:
            parts.append(event.note)
        return " · ".join(parts)

    def selected_event(self) -> int | None:
        row = self.timeline.currentRow()
        if row < 0 or row >= len(self.events):
            return None
        return self.events[row].id


# ---------------------------------------------------------------------- the view


class SamplesView(View):
    """The lineage tree on the left, the selected aliquot on the right."""

    title = "Samples and aliquots"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("samplesView")
        self.store: Store = ctx.db
        self.model = LineageModel(ctx.db)
        self._status: AliquotStatus | None = None

        self.scan_field = ScanField("Scan or type an aliquot or sample number, then Enter")
        self.scan_field.scanned.connect(self.scan)
        self.scan_message = QLabel()
        self.scan_message.setObjectName("scanMessage")
        self.scan_message.setStyleSheet("color: #c01c28; font-weight: bold;")
        self.scan_message.hide()
        self.search_field = SearchField(
            "Search samples: number, custodian institution, PI or mission"
        )
        self.search_field.search.connect(self.model.set_search)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.model.totalChanged.connect(
            lambda total: self.count_label.setText(f"{total:,} sample{'s' * (total != 1)}")
        )

        self.actions: dict[str, QAction] = {}
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("samplesToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._add_action("register", "&Register sample…", self.register_sample, "Ctrl+Shift+N")
        self._add_action("split", "&Split…", self.split)
        self._add_action("consume", "Record &consumption…", self.consume)
        self._add_action("lost", "Report &lost…", self.report_lost)
        self._add_action("correct", "C&orrect event…", self.correct)
        self.toolbar.addSeparator()
        self._add_action("import", "&Import CSV…", self.import_csv)
        self._add_action("export", "&Export inventory…", self.export_inventory)
        self._tips = {
            "register": "Register a new sample with its first aliquots",
            "split": "Split child aliquots off the selected aliquot",
            "consume": "Record mass used up by destructive analysis",
            "lost": "Report the selected aliquot lost",
            "correct": "Record a correction of one of the selected aliquot's events",
            "import": "Register samples and aliquots from a CSV file (all or nothing)",
            "export": "Write every aliquot's place and mass to a CSV or JSON file",
        }

        self.tree = QTreeView()
        self.tree.setObjectName("lineageTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((250, 90, 100, 200, 90, 140)[: len(COLUMNS)]):
            self.tree.setColumnWidth(column, width)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        # Qt fetches more top-level rows as the view scrolls; rows of an expanded node in
        # the middle of the tree are fetched here, when its last fetched row comes into view.
        self.tree.verticalScrollBar().valueChanged.connect(lambda _=0: self._fetch_later())
        self.tree.verticalScrollBar().rangeChanged.connect(lambda *_: self._fetch_later())
        self.tree.expanded.connect(lambda _=None: self._fetch_later())
        self.model.rowsInserted.connect(lambda *_: self._fetch_later())
        self._fetch_pending = False

        self.detail = AliquotDetail()
        self.detail.timeline.itemSelectionChanged.connect(self._update_actions)
        detail_scroll = QScrollArea()
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail_scroll.setWidget(self.detail)

        bar = QHBoxLayout()
        bar.addWidget(self.scan_field, 2)
        bar.addWidget(self.search_field, 3)
        bar.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("samplesSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(detail_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 560])
        self.splitter.setChildrenCollapsible(False)
        # The tree and the detail above, the chain of custody across the whole width below.
        self.vertical = QSplitter(Qt.Orientation.Vertical)
        self.vertical.setObjectName("samplesVerticalSplitter")
        self.vertical.addWidget(self.splitter)
        self.vertical.addWidget(self.detail.timeline_panel)
        self.vertical.setStretchFactor(0, 3)
        self.vertical.setStretchFactor(1, 2)
        self.vertical.setSizes([420, 280])
        self.vertical.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addLayout(bar)
        layout.addWidget(self.scan_message)
        layout.addWidget(self.vertical, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.model.reload(keep_rows=False)
        self._update_actions()

    # ------------------------------------------------------------------ View

    def refresh(self) -> None:
        """Read again, keeping expanded nodes expanded and the same record selected."""
        current = self.current_node()
        selected = current.number if current is not None else None
        expanded = {
            (node.kind, node.id)
            for node in self.model.loaded_nodes()
            if node.children and self.tree.isExpanded(self.model.index_of(node))
        }
        self.model.reload()
        pending = list(self.model.loaded_nodes())
        while pending:
            node = pending.pop(0)
            if (node.kind, node.id) in expanded:
                index = self.model.index_of(node)
                if not node.children and self.model.canFetchMore(index):
                    self.model.fetchMore(index)
                self.tree.expand(index)
                pending.extend(node.children)
        if selected is None or not self.select_number(selected, clear_search=False):
            self._show_current()
        self.stale = False

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def menu_actions(self) -> list[QAction]:
        return list(self.actions.values())

    # ------------------------------------------------------------------ selection

    def current_node(self) -> Node | None:
        return self.model.node(self.tree.currentIndex())

    def current_aliquot(self) -> str | None:
        node = self.current_node()
        return node.number if node is not None and node.kind == ALIQUOT else None

    def show_record(self, kind: str, number: str) -> bool:
        """Links from other views: an aliquot (or sample) number."""
        return self.select_number(number)

    def select_number(self, number: str, *, clear_search: bool = True) -> bool:
        """Select aliquot or sample ``number`` in the tree, expanding the path to it.

        When the search box hides it, the search is cleared (``clear_search``) so the scan
        still finds it. False when there is no such record.
        """
        path = self.model.path_of(number)
        if path is None:
            return False
        index = self.model.locate(path)
        if not index.isValid() and clear_search and self.model.search:
            self.search_field.setText("")
            self.search_field.flush()
            index = self.model.locate(path)
        if not index.isValid():
            return False
        ancestors = []
        parent = index.parent()
        while parent.isValid():
            ancestors.append(parent)
            parent = parent.parent()
        for ancestor in reversed(ancestors):
            self.tree.expand(ancestor)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def scan(self, code: str) -> None:
        """A scanned (or typed) number: select it, or say plainly that it is unknown."""
        # The focus stays in the scan field: a scanner types the next code wherever it is.
        if self.select_number(code):
            self.scan_message.hide()
            self.scan_message.setText("")
        else:
            self.scan_message.setText(f"No aliquot or sample with the number {code}.")
            self.scan_message.show()
        self.scan_field.setFocus()

    def _show_current(self) -> None:
        node = self.current_node()
        self._status = None
        if node is None:
            self.detail.clear("Select an aliquot to see where it is and its chain of custody.")
        elif node.kind == SAMPLE:
            self.detail.show_sample(node)
        else:
            with errors.reported(self):
                self._status = queries.aliquot_status(self.store, node.number)
                self.detail.show_aliquot(self._status, queries.history(self.store, node.number))
        self._update_actions()

    def _fetch_later(self) -> None:
        if not self._fetch_pending:
            self._fetch_pending = True
            QTimer.singleShot(0, self._fetch_visible)

    def _fetch_visible(self) -> None:
        """Fetch more children of any expanded node whose last fetched row is on screen."""
        self._fetch_pending = False
        index = self.tree.indexAt(QPoint(1, 1))
        bottom = self.tree.viewport().height()
        while index.isValid() and self.tree.visualRect(index).top() <= bottom:
            node = self.model.node(index)
            parent = index.parent()
            if (
                node is not None
                and node.parent is not None
                and parent.isValid()
                and node.row == len(node.parent.children) - 1
                and self.model.canFetchMore(parent)
            ):
                self.model.fetchMore(parent)
            index = self.tree.indexBelow(index)

    # ------------------------------------------------------------------ actions

    def _add_action(
        self, key: str, text: str, slot: Callable[[], None], shortcut: str = ""
    ) -> None:
        action = QAction(text, self)
        action.setObjectName(f"{key}Action")
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        self.toolbar.addAction(action)
        widget = self.toolbar.widgetForAction(action)
        if widget is not None:
            widget.setObjectName(f"{key}Button")
        self.actions[key] = action

    def why_not(self, key: str) -> str | None:
        """Why the action ``key`` cannot be done now (the role, then the aliquot's state)."""
        operation = {
            "register": "register_sample",
            "split": "split",
            "consume": "consume",
            "lost": "report_lost",
            "correct": "correct",
            "import": "import",
        }.get(key)
        if operation is not None:
            reason = self.ctx.why_not(operation)
            if reason is not None:
                return reason
        if key in ("register", "import", "export"):
            return None
        node = self.current_node()
        if node is None or node.kind != ALIQUOT:
            return "Select an aliquot first."
        v, actor = node.values, self.ctx.actor
        number, status = node.number, v["status"]
        label = self._state_label(status)
        if key in ("split", "consume"):
            doing = "split" if key == "split" else "consumed"
            if status != IN_STORAGE:
                return f"Aliquot {number} is {label}; only an aliquot in storage can be {doing}."
            if v["custodian_id"] != actor.institution_id:
                return (
                    f"Aliquot {number} is held by {v['custodian']}; only its custodian may "
                    f"{'split it' if key == 'split' else 'record its consumption'}."
                )
        if key == "lost":
            if status == LOST:
                return f"Aliquot {number} is reported lost already."
            if status not in (IN_STORAGE, IN_TRANSIT, DEPLETED):
                return f"Aliquot {number} is {label}; nothing is left to lose."
            holder = (
                v["courier_id"] == actor.person_id
                if status == IN_TRANSIT
                else v["custodian_id"] == actor.institution_id
            )
            lender = "curator" in actor.roles and v["owner_id"] == actor.institution_id
            if not (holder or lender):
                return f"Only the holder of {number} or the lender's curator may report it lost."
        if key == "correct" and v["owner_id"] != actor.institution_id:
            return "Only the lender's curators may correct the ledger."
        return None

    @staticmethod
    def _state_label(status: str) -> str:
        return {IN_TRANSIT: "in transit", DEPLETED: "fully split"}.get(
            status, status.replace("_", " ")
        )

    def _update_actions(self) -> None:
        for key, action in self.actions.items():
            reason = self.why_not(key)
            action.setEnabled(reason is None)
            action.setToolTip(reason if reason is not None else self._tips[key])
            action.setStatusTip(action.toolTip())

    def _after(self, select: str | None, *, expand: bool = False, announce: bool = True) -> None:
        """After an operation: read again, select ``select``, tell the other views (unless
        the operation runner has told them already: ``announce`` False)."""
        self.refresh()
        if select is not None and self.select_number(select) and expand:
            self.tree.expand(self.tree.currentIndex())
        if announce:
            self.ctx.changed.emit()

    def _run(self, dialog: OperationDialog) -> Any:
        """Show ``dialog`` until it is done; what it performed, or None if cancelled."""
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.result_value if accepted else None
        finally:
            dialog.deleteLater()

    def _need(self, key: str) -> AliquotStatus | None:
        """The selected aliquot, if ``key`` may be done on it now (else the reason, shown)."""
        reason = self.why_not(key)
        if reason is not None:
            errors.inform(self, "Not possible now", reason)
            return None
        return self._status

    def register_sample(self) -> None:
        if (reason := self.why_not("register")) is not None:
            errors.inform(self, "Not possible now", reason)
            return
        number = self._run(RegisterSampleDialog(self.store, self.ctx.actor, self))
        if number is not None:
            self._after(number, expand=True)

    def split(self) -> None:
        status = self._need("split")
        if status is not None and self._run(SplitDialog(self.store, self.ctx.actor, status, self)):
            self._after(status.number, expand=True)

    def consume(self) -> None:
        status = self._need("consume")
        if status is not None and self._run(
            ConsumeDialog(self.store, self.ctx.actor, status, self)
        ):
            self._after(status.number)

    def report_lost(self) -> None:
        status = self._need("lost")
        if status is not None and self._run(
            ReportLostDialog(self.store, self.ctx.actor, status, self)
        ):
            self._after(status.number)

    def correct(self) -> None:
        status = self._need("correct")
        if status is None:
            return
        dialog = CorrectEventDialog(
            self.store,
            self.ctx.actor,
            status,
            self.detail.events,
            self.detail.selected_event(),
            self,
        )
        if self._run(dialog) is not None:
            self._after(status.number)

    # ------------------------------------------------------------------ files

    def ask_import_path(self) -> str:
        """The CSV file to import ('' if cancelled); tests replace this."""
        path, _ = QFileDialog.getOpenFileName(
            self, "Import samples from CSV", "", "CSV files (*.csv);;All files (*)"
        )
        return path

    def ask_export_path(self) -> str:
        """Where to write the inventory ('' if cancelled); tests replace this."""
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export inventory", "inventory.csv", "CSV (*.csv);;JSON (*.json)"
        )
        if path and not Path(path).suffix:
            path += ".json" if "json" in chosen.lower() else ".csv"
        return path

    def import_csv(self) -> None:
        if (reason := self.why_not("import")) is not None:
            errors.inform(self, "Not possible now", reason)
            return
        path = self.ask_import_path()
        if not path:
            return
        store, actor = self.store, self.ctx.actor

        def refused(error: CustodyError) -> None:
            if isinstance(error, ImportRejected):
                self._show_rejected(error)
            else:
                errors.show_error(self, error)

        self.ctx.ops.run(
            self,
            "Import samples",
            lambda progress: importer.import_samples(store, actor, Path(path), progress=progress),
            done=self._imported,
            refused=refused,
            label=f"Registering the samples of {Path(path).name}",
            unit="rows",
        )

    def _imported(self, result: importer.ImportResult) -> None:
        details = [
            f"Samples registered: {result.samples:,}",
            f"Aliquots registered: {result.aliquots:,}",
            f"Total aliquot mass: {format_mass(result.total_mass_ug)}",
        ]
        if result.without_mass:
            details.append(f"Catalogued without an aliquot (no mass): {result.without_mass:,}")
        if result.skipped_blank:
            details.append(f"Blank lines skipped: {result.skipped_blank:,}")
        if result.layout:
            details.append(f"File layout: {result.layout}")
        errors.inform(
            self,
            "Import finished",
            f"{result.samples:,} samples with {result.aliquots:,} aliquots "
            f"({format_mass(result.total_mass_ug)}) were registered.",
            "\n".join(details),
        )
        self._after(None, announce=False)

    def _show_rejected(self, rejected: ImportRejected) -> None:
        """Every refused line, not only the first fifty the message itself lists."""
        box = QMessageBox(self)
        box.setObjectName("errorDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Import refused")
        box.setText(str(rejected).splitlines()[0])
        box.setInformativeText("Correct these lines in the file and import it again.")
        box.setDetailedText(
            "\n".join(f"line {line}: {reason}" for line, reason in rejected.problems)
        )
        errors.present(box)

    def export_inventory(self) -> None:
        path = self.ask_export_path()
        if not path:
            return
        target = Path(path)
        fmt = "json" if target.suffix.lower() == ".json" else "csv"
        # Written beside the target and renamed at the end: a cancelled or failed export
        # never leaves a half-written file under the chosen name.
        partial = target.with_name(target.name + ".part")
        store = self.store

        def work(progress: Callable[[int, int], bool | None]) -> int:
            with partial.open("w", encoding="utf-8", newline="") as out:
                return export.export_inventory(store, out, fmt, progress=progress)

        try:
            written = self.ctx.ops.value(
                self,
                "Export inventory",
                work,
                label="Writing the inventory",
                unit="aliquots",
                changes=False,
            )
            if written is not None:
                os.replace(partial, target)
        finally:
            with contextlib.suppress(OSError):
                partial.unlink()
        if written is not None:
            errors.inform(
                self,
                "Inventory exported",
                f"{written:,} aliquots were written to {target.name} ({fmt.upper()}).",
                str(target),
            )
