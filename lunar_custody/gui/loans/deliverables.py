"""A loan's deliverables and its return accounting (form F-75), in the loan's detail.

The deliverables table (status, due, delivered or waived by whom and when, the reference),
with Add…, Mark delivered… and Waive…, each disabled with the domain's reason
(domain/deliverables.py); and the return accounting per aliquot as lent, with its totals and
whether it balances. Closing asks ``close_refusal``: the domain's rule, never restated here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import deliverables, rules
from ...domain.deliverables import DeliverableRow
from ...domain.loans import ReturnAccounting
from ...domain.queries import LoanDetail
from ..context import AppContext
from ..dialogs import FormDialog, ReasonDialog, fit_to_screen
from ..locale_format import date_text, mass_text
from ..operations import Work
from ..tablemodel import local_time
from ..tables import cell, read_only_table
from ..translation import Translator, translated
from ..vocabulary import word
from ..widgets import FieldChecks, problem_of
from .editor import date_edit, from_qdate

_loans_deliverables = Translator("_loans_deliverables")

RED = "#b00020"

# Runs a dialog whose OK changes the loan, then shows the loan again (the view's ``_form``).
RunForm = Callable[[FormDialog], None]


def close_refusal(detail: LoanDetail) -> str | None:
    """Why the loan cannot be closed for its accounting or its deliverables (None: as far
    as they go, it can): the domain's rule, as close_loan applies it."""
    if detail.accounting is None:
        return None
    return rules.why_not_close_unresolved(
        detail.summary.number, detail.unresolved
    ) or rules.why_not_close_accounted(
        detail.summary.number, detail.accounting.lines, detail.open_deliverable_titles
    )


# ---------------------------------------------------------------- return accounting


def accounting_columns() -> list[str]:
    return [
        _loans_deliverables.tr("Aliquot"),
        _loans_deliverables.tr("Issued"),
        _loans_deliverables.tr("Split"),
        _loans_deliverables.tr("Consumed"),
        _loans_deliverables.tr("Lost"),
        _loans_deliverables.tr("Returned"),
        _loans_deliverables.tr("Accountable"),
        _loans_deliverables.tr("Balances"),
    ]


def fill_accounting(
    table: QTableWidget, accounting: ReturnAccounting, unresolved: Collection[str] = ()
) -> None:
    """One row per aliquot as lent (its split children folded in), then the totals;
    ``unresolved``: aliquots with a receipt's discrepancy open, whose lines (and the
    total) do not balance yet whatever the books say."""
    rows = [*accounting.lines, accounting.total] if accounting.lines else []
    table.setRowCount(len(rows))
    for at, line in enumerate(rows):
        total = at == len(rows) - 1
        name = _loans_deliverables.tr("Total") if total else line.aliquot_number
        first = cell(name, bold=total)
        if line.children:
            first.setToolTip(
                _loans_deliverables.tr("With the aliquots split from it: {children}").format(
                    children=", ".join(line.children)
                )
            )
        table.setItem(at, 0, first)
        masses = (
            line.issued_ug,
            line.split_ug,
            line.consumed_ug,
            line.lost_ug,
            line.returned_ug,
            line.accountable_ug,
        )
        for column, value in enumerate(masses, start=1):
            table.setItem(at, column, cell(mass_text(value), number=True, bold=total))
        if line.corrected_ug:
            issued = table.item(at, 1)
            assert issued is not None  # set just above
            issued.setText(f"{issued.text()} *")
            issued.setToolTip(
                _loans_deliverables.tr("Book mass corrected by {mass} while on loan").format(
                    mass=("+" if line.corrected_ug > 0 else "−") + mass_text(abs(line.corrected_ug))
                )
            )
        open_here = {line.aliquot_number, *line.children} & set(unresolved)
        balances = line.balances and not (open_here or (total and unresolved))
        balanced = cell(word("answer", "yes" if balances else "no"), bold=total)
        if not balances:
            balanced.setForeground(QColor(RED))
        table.setItem(at, 7, balanced)


class ReturnAccountingBox(QGroupBox):
    """The return accounting (form F-75): issued = consumed + lost + returned + accountable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_loans_deliverables.tr("Return accounting (form F-75)"), parent)
        self.setObjectName("returnAccountingBox")
        self.table = read_only_table("returnAccountingTable", accounting_columns())
        self.ctx: AppContext | None = None
        self.number: str | None = None
        self.verdict = QLabel()
        self.verdict.setObjectName("returnAccountingVerdict")
        self.verdict.setWordWrap(True)
        self.pdf_button = QPushButton(_loans_deliverables.tr("Form F-75 &PDF…"))
        self.pdf_button.setObjectName("returnAccountingPdfButton")
        self.pdf_button.setToolTip(
            _loans_deliverables.tr("The return accounting form, signed, to preview, print or save")
        )
        self.pdf_button.clicked.connect(self.write_pdf)
        self.pdf_button.setEnabled(False)
        below = QHBoxLayout()
        below.addWidget(self.verdict, 1)
        below.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(below)

    def attach(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def write_pdf(self) -> None:
        """Write the loan's form F-75 and preview it (in the borrower's languages)."""
        if self.ctx is None or self.number is None:
            return
        # The PDF side (reportlab, QtPdf) loads with the first document, not at start-up.
        from ...documents import service
        from ..pdf_preview import show_document

        db, actor, number = self.ctx.db, self.ctx.actor, self.number
        show_document(
            self.ctx.ops,
            self,
            _loans_deliverables.tr("Return accounting (form F-75)"),
            f"return-accounting-{number}.pdf",
            lambda path: service.write_return_accounting(db, actor, number, path),
        )

    def show_detail(self, detail: LoanDetail) -> None:
        accounting = detail.accounting
        if accounting is None:
            return
        self.number = detail.summary.number
        self.pdf_button.setEnabled(self.ctx is not None)
        fill_accounting(self.table, accounting, detail.unresolved)
        # a difference found at a receipt and not yet resolved: the books still hold the
        # mass as sent, so "balances" would be the books' word, not the bench's
        unresolved = rules.why_not_close_unresolved(detail.summary.number, detail.unresolved)
        balanced = accounting.balances and unresolved is None
        if unresolved is not None:
            text = translated(unresolved)
        elif not accounting.total.issued_ug:
            text = _loans_deliverables.tr("Nothing issued yet: the accounting starts at shipping.")
        elif not accounting.balances:
            text = _loans_deliverables.tr(
                "Does not balance: issued differs from consumed, lost, returned and accountable."
            )
        elif accounting.total.accountable_ug:
            text = _loans_deliverables.tr("Balances; {mass} still to be accounted for.").format(
                mass=mass_text(accounting.total.accountable_ug)
            )
        else:
            text = _loans_deliverables.tr("Balances to the microgram; nothing left to account for.")
        self.verdict.setText(text)
        self.verdict.setStyleSheet("" if balanced else f"color: {RED};")


# ---------------------------------------------------------------------- deliverables


def deliverable_columns() -> list[str]:
    return [
        _loans_deliverables.tr("Deliverable"),
        _loans_deliverables.tr("Kind"),
        _loans_deliverables.tr("Due"),
        _loans_deliverables.tr("Status"),
        _loans_deliverables.tr("By"),
        _loans_deliverables.tr("When"),
        _loans_deliverables.tr("Reference"),
    ]


class DeliverablesBox(QGroupBox):
    """The loan's deliverables, and the three acts on them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_loans_deliverables.tr("Deliverables"), parent)
        self.setObjectName("deliverablesBox")
        self.ctx: AppContext | None = None
        self.run_form: RunForm | None = None
        self.detail: LoanDetail | None = None
        self.flag = QLabel()
        self.flag.setObjectName("deliverablesFlag")
        self.flag.setStyleSheet(f"color: {RED}; font-weight: bold;")
        self.table = read_only_table("deliverablesTable", deliverable_columns())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(_loans_deliverables.tr("&Add…"))
        self.add_button.setObjectName("addDeliverableButton")
        self.deliver_button = QPushButton(_loans_deliverables.tr("Mark &delivered…"))
        self.deliver_button.setObjectName("deliverButton")
        self.waive_button = QPushButton(_loans_deliverables.tr("&Waive…"))
        self.waive_button.setObjectName("waiveButton")
        self.add_button.clicked.connect(self.add)
        self.deliver_button.clicked.connect(self.deliver)
        self.waive_button.clicked.connect(self.waive)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.deliver_button, self.waive_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.flag)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._update_buttons()

    def attach(self, ctx: AppContext, run_form: RunForm) -> None:
        """The context its acts run in, and how the view runs a form on the loan."""
        self.ctx, self.run_form = ctx, run_form
        self._update_buttons()

    def show_detail(self, detail: LoanDetail) -> None:
        self.detail = detail
        rows = detail.deliverables
        self.table.setRowCount(len(rows))
        for at, row in enumerate(rows):
            settled = row.delivered_at or row.waived_at
            values = (
                row.title,
                translated(deliverables.kind_label(row.kind)),
                date_text(row.due_on),
                translated(deliverables.status_label(row.status)),
                row.delivered_by or row.waived_by or "",
                local_time(settled) if settled is not None else "",
                row.reference or row.waiver_reason,
            )
            items = [cell(value) for value in values]
            if row.status == deliverables.DeliverableStatus.OVERDUE:
                items[3].setForeground(QColor(RED))
            if row.file_sha256:
                items[6].setToolTip(
                    _loans_deliverables.tr("File SHA-256: {sha}").format(sha=row.file_sha256)
                )
            for column, item in enumerate(items):
                self.table.setItem(at, column, item)
        late = detail.summary.overdue_deliverables
        # red for what is late; awaiting deliverables is a state, said plainly
        self.flag.setStyleSheet(
            f"color: {RED}; font-weight: bold;" if late else "font-weight: bold;"
        )
        if late:
            self.flag.setText(_loans_deliverables.tr("%n deliverable(s) overdue", "", late))
        elif detail.summary.display_state == rules.AWAITING_DELIVERABLES:
            self.flag.setText(
                _loans_deliverables.tr("Material all accounted for: awaiting deliverables")
            )
        else:
            self.flag.setText("")
        self.flag.setVisible(bool(self.flag.text()))
        self._update_buttons()

    def selected(self) -> DeliverableRow | None:
        if self.detail is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.detail.deliverables):
            return None
        return self.detail.deliverables[rows[0].row()]

    def reasons(self) -> dict[QPushButton, str | None]:
        """Why each act is unavailable now (None: available), in the domain's words."""
        select_first = _loans_deliverables.tr("Select a deliverable first.")
        if self.ctx is None or self.detail is None:
            return {self.add_button: select_first, self.deliver_button: select_first,
                    self.waive_button: select_first}  # fmt: skip
        actor, status = self.ctx.actor, self.detail.summary.status
        row = self.selected()
        reasons: dict[QPushButton, str | None] = {
            self.add_button: deliverables.why_not_add_deliverable(actor, status)
        }
        for button, waive in ((self.deliver_button, False), (self.waive_button, True)):
            reasons[button] = (
                deliverables.why_not_settle_deliverable(actor, status, row.status, waive=waive)
                if row is not None
                else select_first
            )
        return reasons

    def _update_buttons(self) -> None:
        tips = {
            self.add_button: _loans_deliverables.tr("Write down something more the loan owes"),
            self.deliver_button: _loans_deliverables.tr(
                "Record the selected deliverable delivered, with a reference or a file"
            ),
            self.waive_button: _loans_deliverables.tr(
                "Release the borrower from the selected deliverable, with a reason"
            ),
        }
        for button, reason in self.reasons().items():
            button.setEnabled(reason is None)
            button.setToolTip(translated(reason) if reason is not None else tips[button])

    def add(self) -> None:
        if self.ctx is None or self.detail is None or self.run_form is None:
            return
        self.run_form(AddDeliverableDialog(self.ctx, self.detail, self))

    def deliver(self) -> None:
        row = self.selected()
        if self.ctx is None or self.detail is None or self.run_form is None or row is None:
            return
        self.run_form(DeliverDialog(self.ctx, self.detail.summary.number, row, self))

    def waive(self) -> None:
        row = self.selected()
        if self.ctx is None or self.detail is None or self.run_form is None or row is None:
            return
        self.run_form(make_waive_dialog(self.ctx, self.detail.summary.number, row, self))


class AddDeliverableDialog(FormDialog):
    """Something more the loan owes: its kind, title, due date and a description."""

    def __init__(self, ctx: AppContext, detail: LoanDetail, parent: QWidget | None = None) -> None:
        number = detail.summary.number
        super().__init__(
            parent,
            _loans_deliverables.tr("Add a deliverable to loan {number}").format(number=number),
            "addDeliverableDialog",
            ops=ctx.ops,
            ok_text=_loans_deliverables.tr("&Add"),
        )
        self.ctx, self.number = ctx, number
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("deliverableKindBox")
        for kind in deliverables.KINDS:
            self.kind_box.addItem(translated(deliverables.kind_label(kind)), kind)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("deliverableTitleEdit")
        self.due_edit = date_edit(
            max(detail.summary.due_on, date.today()) + timedelta(days=90), "deliverableDueEdit"
        )
        self.description_edit = QLineEdit()
        self.description_edit.setObjectName("deliverableDescriptionEdit")
        self.form.addRow(_loans_deliverables.tr("&Kind:"), self.kind_box)
        self.form.addRow(_loans_deliverables.tr("&Title:"), self.title_edit)
        self.form.addRow(_loans_deliverables.tr("&Due:"), self.due_edit)
        self.form.addRow(_loans_deliverables.tr("D&escription:"), self.description_edit)
        fit_to_screen(self, 480, 240)

    def prepare(self) -> Work[str]:
        db, actor, number = self.ctx.db, self.ctx.actor, self.number
        kind, title = str(self.kind_box.currentData()), self.title_edit.text()
        due_on, description = from_qdate(self.due_edit.date()), self.description_edit.text()

        def work(_progress: object) -> str:
            deliverables.add_deliverable(
                db, actor, number, kind=kind, title=title, due_on=due_on, description=description
            )
            return number

        return work


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class DeliverDialog(FormDialog):
    """A deliverable received: a reference (DOI, report number) and optionally the file,
    whose SHA-256 is recorded."""

    def __init__(
        self, ctx: AppContext, number: str, row: DeliverableRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            parent,
            _loans_deliverables.tr("Mark delivered: {title}").format(title=row.title),
            "deliverDialog",
            ops=ctx.ops,
            ok_text=_loans_deliverables.tr("Mark &delivered"),
        )
        self.ctx, self.number, self.row = ctx, number, row
        self.file_sha256: str | None = None
        self.reference_edit = QLineEdit()
        self.reference_edit.setObjectName("deliverableReferenceEdit")
        self.reference_edit.setPlaceholderText(
            _loans_deliverables.tr("e.g. doi:10.1029/2026JE008123 or the report's number")
        )
        self.file_label = QLabel(_loans_deliverables.tr("No file attached"))
        self.file_label.setObjectName("deliverableFileLabel")
        self.file_button = QPushButton(_loans_deliverables.tr("Attach &file…"))
        self.file_button.setObjectName("attachFileButton")
        self.file_button.clicked.connect(self.choose_file)
        files = QHBoxLayout()
        files.addWidget(self.file_label, 1)
        files.addWidget(self.file_button)
        self.form.addRow(_loans_deliverables.tr("&Reference:"), self.reference_edit)
        self.form.addRow(_loans_deliverables.tr("File:"), files)
        self.checks = FieldChecks(self.ok_button)
        self.checks.watch(self.reference_edit, self._reference_problem, self.form)
        fit_to_screen(self, 500, 200)

    def _reference_problem(self) -> str | None:
        text = self.reference_edit.text()
        return problem_of(lambda: deliverables.clean_reference(text))

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, _loans_deliverables.tr("Delivered file"))
        if name:
            self.attach(Path(name))

    def attach(self, path: Path) -> None:
        """Record ``path``'s SHA-256 (the file itself stays where it is)."""
        self.file_sha256 = file_sha256(path)
        self.file_label.setText(f"{path.name} (SHA-256 {self.file_sha256[:16]}…)")
        if not self.reference_edit.text().strip():
            self.reference_edit.setText(path.name)

    def prepare(self) -> Work[str]:
        db, actor, number = self.ctx.db, self.ctx.actor, self.number
        deliverable_id, reference, sha = self.row.id, self.reference_edit.text(), self.file_sha256

        def work(_progress: object) -> str:
            deliverables.deliver(
                db, actor, number, deliverable_id, reference=reference, file_sha256=sha
            )
            return number

        return work


def make_waive_dialog(
    ctx: AppContext, number: str, row: DeliverableRow, parent: QWidget | None = None
) -> ReasonDialog:
    db, actor = ctx.db, ctx.actor

    def work(reason: str) -> Work[str]:
        def waive(_progress: object) -> str:
            deliverables.waive(db, actor, number, row.id, reason=reason)
            return number

        return waive

    return ReasonDialog(
        ctx.ops,
        parent,
        _loans_deliverables.tr("Waive: {title}").format(title=row.title),
        _loans_deliverables.tr(
            "Release the borrower of loan {number} from this deliverable? The reason is kept "
            "with it."
        ).format(number=number),
        work,
        name="waiveDeliverableDialog",
        ok_text=_loans_deliverables.tr("&Waive"),
    )
