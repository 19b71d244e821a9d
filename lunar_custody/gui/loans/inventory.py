"""The annual inventory of a loan, taken at the borrower's bench: a scan field that keeps the
focus (a barcode scanner types the number and Enter), the expected aliquots ticked as they are
found, the counts, weighing, a missing aliquot reported lost, and the PI's signature.

A scan changes one row: the list is not read again, so a 500-aliquot inventory answers each
scan at once. The other views read again once, when the dialog closes.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import inventory
from ...domain.inventory import InventoryView, LineView, Scanned
from ...domain.masses import parse_mass
from ...domain.states import LoanStatus
from ..context import AppContext
from ..locale_format import mass_text
from ..signature import ask_signature
from ..tables import cell, read_only_table
from ..translation import Translator, translated

_loans_inventory = Translator("_loans_inventory")

GREEN, RED, AMBER = "#1e8e3e", "#b00020", "#b06000"
OUTCOME_WORDS = {
    inventory.PENDING: _loans_inventory.noop("not checked"),
    inventory.FOUND: _loans_inventory.noop("found"),
    inventory.MISSING: _loans_inventory.noop("missing"),
    inventory.UNEXPECTED: _loans_inventory.noop("unexpected"),
}
OUTCOME_COLOURS = {inventory.FOUND: GREEN, inventory.MISSING: RED, inventory.UNEXPECTED: AMBER}
COLUMNS = (
    _loans_inventory.noop("Aliquot"),
    _loans_inventory.noop("Expected"),
    _loans_inventory.noop("Outcome"),
    _loans_inventory.noop("Book mass"),
    _loans_inventory.noop("Measured"),
    _loans_inventory.noop("Resolution"),
)


def outcome_text(outcome: str) -> str:
    return translated(OUTCOME_WORDS.get(outcome, outcome))


class MissingDialog(QDialog):
    """What was searched (the loss report's note), and whether to report it lost now."""

    def __init__(self, aliquot: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            _loans_inventory.tr("Aliquot {aliquot} missing").format(aliquot=aliquot)
        )
        self.note = QLineEdit()
        self.note.setObjectName("missingNote")
        self.note.setPlaceholderText(_loans_inventory.tr("Where it was searched, what is known"))
        self.report_lost = QCheckBox(_loans_inventory.tr("Report it lost now (a loss report)"))
        self.report_lost.setObjectName("missingReportLost")
        self.report_lost.setChecked(True)
        form = QFormLayout(self)
        form.addRow(_loans_inventory.tr("Note:"), self.note)
        form.addRow(self.report_lost)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)


class InventoryDialog(QDialog):
    """One loan's inventory in progress (or the last one), scanned and signed here."""

    def __init__(self, ctx: AppContext, loan_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inventoryDialog")
        self.ctx, self.loan_number = ctx, loan_number
        self.view: InventoryView | None = None
        self.rows: dict[str, int] = {}  # aliquot number -> table row
        self.outcomes: dict[str, str] = {}
        self.expected: set[str] = set()
        self.changed = False
        self.setWindowTitle(
            _loans_inventory.tr("Inventory of loan {loan}").format(loan=loan_number)
        )
        self.heading = QLabel()
        self.heading.setObjectName("inventoryHeading")
        self.heading.setWordWrap(True)
        self.standing = QLabel()
        self.standing.setObjectName("inventoryStanding")
        self.standing.setWordWrap(True)
        self.standing.setStyleSheet(f"color: {RED}; font-weight: bold;")
        self.counts = QLabel()
        self.counts.setObjectName("inventoryCounts")
        self.start_button = QPushButton(_loans_inventory.tr("&Start inventory"))
        self.start_button.setObjectName("inventoryStart")
        self.start_button.clicked.connect(self.start)
        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("inventoryScanField")
        self.scan_field.setPlaceholderText(
            _loans_inventory.tr("Scan or type an aliquot number, then Enter")
        )
        self.scan_field.returnPressed.connect(self.scan_entered)
        self.last_scan = QLabel()
        self.last_scan.setObjectName("inventoryLastScan")
        self.table: QTableWidget = read_only_table(
            "inventoryTable", [translated(c) for c in COLUMNS]
        )
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.tick_button = QPushButton(_loans_inventory.tr("&Found"))
        self.tick_button.setObjectName("inventoryTick")
        self.tick_button.setToolTip(_loans_inventory.tr("Tick the selected aliquot as found"))
        self.tick_button.clicked.connect(self.tick)
        self.weigh_button = QPushButton(_loans_inventory.tr("&Weigh…"))
        self.weigh_button.setObjectName("inventoryWeigh")
        self.weigh_button.clicked.connect(self.weigh)
        self.weigh_field = QLineEdit()
        self.weigh_field.setObjectName("inventoryWeighField")
        self.weigh_field.setPlaceholderText(_loans_inventory.tr("mass, e.g. 12.5 mg"))
        self.weigh_field.setMaximumWidth(140)
        self.missing_button = QPushButton(_loans_inventory.tr("&Missing…"))
        self.missing_button.setObjectName("inventoryMissing")
        self.missing_button.clicked.connect(self.mark_missing)
        self.certify_button = QPushButton(_loans_inventory.tr("&Certify…"))
        self.certify_button.setObjectName("inventoryCertify")
        self.certify_button.clicked.connect(self.certify)
        self.certificate_button = QPushButton(_loans_inventory.tr("Certificate &PDF…"))
        self.certificate_button.setObjectName("inventoryCertificate")
        self.certificate_button.clicked.connect(self.certificate)
        close = QPushButton(_loans_inventory.tr("Close"))
        close.clicked.connect(self.accept)

        scan_row = QHBoxLayout()
        scan_row.addWidget(QLabel(_loans_inventory.tr("Scan:")))
        scan_row.addWidget(self.scan_field, 1)
        scan_row.addWidget(self.start_button)
        actions = QHBoxLayout()
        for widget in (self.tick_button, self.weigh_field, self.weigh_button, self.missing_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        for button in (self.certify_button, self.certificate_button, close):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.standing)
        layout.addLayout(scan_row)
        layout.addWidget(self.last_scan)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.resize(900, 600)
        self.reload()

    # ------------------------------------------------------------------ reading

    @property
    def number(self) -> str | None:
        return self.view.number if self.view is not None else None

    @property
    def is_open(self) -> bool:
        return self.view is not None and self.view.status == inventory.OPEN

    def reload(self) -> None:
        """Read the loan's open inventory (else its latest) and show it whole."""
        db = self.ctx.db
        number = inventory.open_inventory_of(db, self.loan_number)
        if number is None:
            latest = inventory.list_inventories(db, self.loan_number)
            number = latest[0].number if latest else None
        self.view = inventory.show(db, number) if number else None
        overdue = [
            due for due in inventory.owed(db) if due.loan_number == self.loan_number and due.overdue
        ]
        self.standing.setVisible(bool(overdue))
        if overdue:
            self.standing.setText(
                _loans_inventory.tr(
                    "The annual inventory due on {day} is overdue: no new loan or shipment "
                    "to {pi} until one is certified."
                ).format(day=overdue[0].anniversary.isoformat(), pi=overdue[0].pi_name)
            )
        self._fill()

    def _fill(self) -> None:
        view = self.view
        self.rows.clear()
        self.outcomes.clear()
        self.expected.clear()
        self.table.setRowCount(0)
        if view is None:
            self.heading.setText(
                _loans_inventory.tr("Loan {loan} has no inventory yet.").format(
                    loan=self.loan_number
                )
            )
        else:
            answers = (
                _loans_inventory.tr("answers the anniversary of {day}").format(
                    day=view.due_on.isoformat()
                )
                if view.due_on
                else _loans_inventory.tr("on demand")
            )
            self.heading.setText(
                _loans_inventory.tr(
                    "Inventory {number} of loan {loan} ({status}), {answers}. "
                    "Principal investigator: {pi}."
                ).format(
                    number=view.number,
                    loan=view.loan_number,
                    status=translated(view.status),
                    answers=answers,
                    pi=view.principal_investigator,
                )
            )
            self.table.setRowCount(len(view.lines))
            for row, line in enumerate(view.lines):
                self._set_row(row, line)
            self.table.resizeColumnsToContents()
        self.scan_field.setEnabled(self.is_open)
        self.start_button.setVisible(not self.is_open)
        self._update_counts()
        self._update_buttons()
        if self.is_open:
            self.scan_field.setFocus()

    def _set_row(self, row: int, line: LineView) -> None:
        self.rows[line.aliquot_number] = row
        self.outcomes[line.aliquot_number] = line.outcome
        if line.expected:
            self.expected.add(line.aliquot_number)
        values = (
            line.aliquot_number,
            _loans_inventory.tr("yes") if line.expected else _loans_inventory.tr("no"),
            outcome_text(line.outcome),
            mass_text(line.book_mass_ug) if line.book_mass_ug is not None else "—",
            mass_text(line.measured_mass_ug) if line.measured_mass_ug is not None else "—",
            _loans_inventory.tr("reported lost") if line.resolution else "",
        )
        for column, value in enumerate(values):
            item = cell(value)
            if column == 2 and line.outcome in OUTCOME_COLOURS:
                item.setForeground(QColor(OUTCOME_COLOURS[line.outcome]))
            self.table.setItem(row, column, item)

    def _update_counts(self) -> None:
        found = list(self.outcomes.values())
        self.counts.setText(
            _loans_inventory.tr(
                "Expected {expected} · found {found} · missing {missing} · "
                "not checked {pending} · unexpected {unexpected}"
            ).format(
                expected=len(self.expected),
                found=found.count(inventory.FOUND),
                missing=found.count(inventory.MISSING),
                pending=found.count(inventory.PENDING),
                unexpected=found.count(inventory.UNEXPECTED),
            )
        )

    def selected_aliquot(self) -> str | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1:
            return None
        item = self.table.item(rows.pop(), 0)
        return item.text() if item is not None else None

    def _update_buttons(self) -> None:
        chosen = self.selected_aliquot()
        expected = self.is_open and chosen in self.expected
        select = _loans_inventory.tr("Select an expected aliquot first.")
        for button in (self.tick_button, self.weigh_button, self.missing_button):
            button.setEnabled(expected)
            button.setToolTip("" if expected else select)
        pending = list(self.outcomes.values()).count(inventory.PENDING)
        self.certify_button.setEnabled(self.is_open and pending == 0)
        self.certify_button.setToolTip(
            _loans_inventory.tr(
                "{count} expected aliquot(s) are neither found nor missing."
            ).format(count=pending)
            if pending
            else _loans_inventory.tr("The principal investigator signs the inventory.")
        )
        certified = self.view is not None and self.view.status == inventory.CERTIFIED
        self.certificate_button.setEnabled(certified)

    # ------------------------------------------------------------------ acting

    def _call(self, title: str, work: object) -> object | None:
        """A service call through the runner; other views read again when the dialog closes."""
        result = self.ctx.ops.value(self, title, lambda _progress: work(), changes=False)  # type: ignore[operator]
        if result is not None:
            self.changed = True
        return result

    def start(self) -> None:
        db, actor, loan = self.ctx.db, self.ctx.actor, self.loan_number
        if self._call(
            _loans_inventory.tr("Start inventory"),
            lambda: inventory.start_inventory(db, actor, loan).number,
        ):
            self.reload()

    def scan_entered(self) -> None:
        text = self.scan_field.text().strip()
        self.scan_field.clear()
        if text:
            self.scan(text)
        self.scan_field.setFocus()

    def scan(self, aliquot_number: str) -> Scanned | None:
        """One scan: one service call, one row changed (or added)."""
        number = self.number
        if number is None or not self.is_open:
            return None
        db, actor = self.ctx.db, self.ctx.actor
        result = self._call(
            _loans_inventory.tr("Scan"),
            lambda: inventory.scan(db, actor, number, aliquot_number),
        )
        if not isinstance(result, Scanned):
            return None
        self._show_scanned(result)
        return result

    def _show_scanned(self, scanned: Scanned) -> None:
        row = self.rows.get(scanned.aliquot_number)
        if row is None:
            row = self.table.rowCount()
            self.table.insertRow(row)
        line = LineView(
            scanned.line_id,
            scanned.aliquot_number,
            scanned.expected,
            scanned.outcome,
            self._book_mass(row),
            self._measured(row),
            None,
            "",
            None,
        )
        self._set_row(row, line)
        shown = self.table.item(row, 0)
        if shown is not None:
            self.table.scrollToItem(shown)
        colour = OUTCOME_COLOURS.get(scanned.outcome, GREEN)
        said = (
            _loans_inventory.tr("{aliquot}: scanned already")
            if scanned.already
            else _loans_inventory.tr("{aliquot}: {outcome}")
        ).format(aliquot=scanned.aliquot_number, outcome=outcome_text(scanned.outcome))
        style = f"color: {colour}; font-weight: bold;"
        if self.last_scan.styleSheet() != style:  # a new style sheet re-polishes the label
            self.last_scan.setStyleSheet(style)
        self.last_scan.setText(said)
        self._update_counts()
        self._update_buttons()

    def _book_mass(self, row: int) -> int | None:
        if self.view is None or row >= len(self.view.lines):
            return None
        return self.view.lines[row].book_mass_ug

    def _measured(self, row: int) -> int | None:
        if self.view is None or row >= len(self.view.lines):
            return None
        return self.view.lines[row].measured_mass_ug

    def tick(self) -> None:
        chosen = self.selected_aliquot()
        if chosen is not None:
            self.scan(chosen)

    def weigh(self) -> None:
        chosen, number = self.selected_aliquot(), self.number
        if chosen is None or number is None:
            return
        db, actor, text = self.ctx.db, self.ctx.actor, self.weigh_field.text()
        if self._call(
            _loans_inventory.tr("Weigh"),
            lambda: inventory.weigh(
                db, actor, number, chosen, parse_mass(text, what="measured mass")
            ),
        ):
            self.weigh_field.clear()
            self.reload()

    def make_missing_dialog(self, aliquot: str) -> MissingDialog:
        return MissingDialog(aliquot, self)

    def mark_missing(self) -> None:
        chosen, number = self.selected_aliquot(), self.number
        if chosen is None or number is None:
            return
        dialog = self.make_missing_dialog(chosen)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            note, lost = dialog.note.text(), dialog.report_lost.isChecked()
        finally:
            dialog.deleteLater()
        db, actor = self.ctx.db, self.ctx.actor
        if self._call(
            _loans_inventory.tr("Missing aliquot"),
            lambda: inventory.mark_missing(db, actor, number, chosen, note=note, report_lost=lost),
        ):
            self.reload()

    def certify(self) -> None:
        view, number = self.view, self.number
        if view is None or number is None:
            return
        summary = _loans_inventory.tr(
            "Inventory {number} of loan {loan}: {expected} aliquot(s) expected, {found} found, "
            "{missing} missing (reported lost), {unexpected} unexpected."
        ).format(
            number=number,
            loan=view.loan_number,
            expected=len(self.expected),
            found=list(self.outcomes.values()).count(inventory.FOUND),
            missing=list(self.outcomes.values()).count(inventory.MISSING),
            unexpected=list(self.outcomes.values()).count(inventory.UNEXPECTED),
        )
        credential = ask_signature(
            self, meaning="certified", summary=summary, username=self.ctx.actor.username
        )
        if credential is None:
            return
        db, actor = self.ctx.db, self.ctx.actor
        if self._call(
            _loans_inventory.tr("Certify inventory"),
            lambda: inventory.certify(db, actor, number, credential).number,
        ):
            self.reload()

    def certificate(self) -> None:
        """The certificate as a signed PDF, previewed like the loan's other documents."""
        number = self.number
        if number is None:
            return
        # The PDF side (reportlab, QtPdf) loads with the first document, not at start-up.
        from ...documents.service import write_inventory_certificate
        from ..pdf_preview import show_document

        db, actor = self.ctx.db, self.ctx.actor
        show_document(
            self.ctx.ops,
            self,
            _loans_inventory.tr("Inventory certificate"),
            f"inventory-{number}.pdf",
            lambda path: write_inventory_certificate(db, actor, number, path),
        )

    def done(self, result: int) -> None:
        if self.changed:
            self.ctx.ops.changed.emit()
            self.changed = False
        super().done(result)


class InventoryLauncher(QPushButton):
    """The loan detail's "Inventory…" button: shown for an active loan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_loans_inventory.tr("&Inventory…"), parent)
        self.setObjectName("loanInventoryButton")
        self.setToolTip(
            _loans_inventory.tr("Take or read the loan's annual inventory (scan what is held)")
        )
        self.ctx: AppContext | None = None
        self.loan_number: str | None = None
        self.clicked.connect(self.open_dialog)
        self.hide()

    def bind(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def show_for(self, number: str, status: str) -> None:
        self.loan_number = number
        self.setVisible(self.ctx is not None and status == LoanStatus.ACTIVE)

    def make_dialog(self) -> InventoryDialog:
        assert self.ctx is not None and self.loan_number is not None
        return InventoryDialog(self.ctx, self.loan_number, self.window())

    def open_dialog(self) -> None:
        if self.ctx is None or self.loan_number is None:
            return
        dialog = self.make_dialog()
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
