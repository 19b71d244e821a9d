"""One loan on screen: its terms, items with their reconciliation, and its signatures; and
the loan in words, as a signature binds it."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import queries, rules
from ...domain.identity import PASSWORD, PIN, SIGNATURE_MEANINGS
from ...domain.loans import TERMS_HOLD, ItemReconciliation
from ...domain.queries import LoanDetail
from ...domain.store import Store
from ..context import AppContext
from ..locale_format import date_text, mass_text
from ..tablemodel import local_time, status_label
from ..tables import cell, read_only_table
from ..translation import Translator, translated
from ..vocabulary import word
from .clearance import ClearancePanel
from .deliverables import DeliverablesBox, ReturnAccountingBox
from .inventory import InventoryLauncher
from .receivers import ReceiversSection

_loans_detail = Translator("_loans_detail")

RED = "#b00020"
NARROW_DETAIL = 1000  # px: below this the terms and the tables are tabs, not side by side

RECONCILIATION_COLUMNS = (
    _loans_detail.noop("Aliquot"),
    _loans_detail.noop("At loan"),
    _loans_detail.noop("Issued"),
    _loans_detail.noop("Split off"),
    _loans_detail.noop("Consumed"),
    _loans_detail.noop("Lost"),
    _loans_detail.noop("Returned"),
    _loans_detail.noop("Outstanding"),
    _loans_detail.noop("Status"),
)
# How a signature was given (identity.PASSWORD, identity.PIN), as the window names it.
SIGNATURE_METHODS = {PASSWORD: _loans_detail.noop("password"), PIN: _loans_detail.noop("PIN")}


# The states of a loan item that are no aliquot status (loans.reconciliation names them).
ITEM_STATES = {
    "at borrower": _loans_detail.noop("at borrower"),
    "returned": _loans_detail.noop("returned", "a loan item's state"),
    "not shipped": _loans_detail.noop("not shipped"),
}


def item_state(state: str) -> str:
    """A loan item's state in the reconciliation, in the window's language."""
    return translated(ITEM_STATES[state]) if state in ITEM_STATES else status_label(state)


def reconciliation_columns() -> list[str]:
    """The reconciliation table's headings in the window's language."""
    return [translated(title) for title in RECONCILIATION_COLUMNS]


def period_text(starts_on: date, due_on: date) -> str:
    return _loans_detail.tr("{start} to {end}").format(
        start=date_text(starts_on), end=date_text(due_on)
    )


def loan_facts(detail: LoanDetail) -> rules.LoanFacts:
    """The loan on screen as rules.py reads it."""
    summary = detail.summary
    return rules.LoanFacts(
        number=summary.number,
        status=summary.status,
        borrower_code=summary.borrower_code,
        borrower=summary.borrower,
        items=len(detail.items),
        shipped=any(item.issued_ug for item in detail.items),
        open_clearance=detail.open_clearance,
    )


def lent_masses(store: Store, number: str) -> dict[str, int]:
    """The mass each item had when put on the loan (what the agreement names)."""
    return queries.loan_content(store, number).lent_masses()


def fill_reconciliation(
    table: QTableWidget, items: list[ItemReconciliation], lent: dict[str, int]
) -> None:
    """Mass at loan, issued, split off, consumed, lost, returned and outstanding per item,
    and their totals."""
    table.setRowCount(len(items) + (1 if items else 0))
    for row, item in enumerate(items):
        at_loan = lent.get(item.aliquot_number)
        masses = (
            at_loan,
            item.issued_ug,
            item.split_off_ug,
            item.consumed_ug,
            item.lost_ug,
            item.returned_ug,
            item.outstanding_ug,
        )
        if item.derived_from:
            # A child split at the borrower: indented under the lineage it came from.
            name = cell(f"↳ {item.aliquot_number}")
            name.setToolTip(
                _loans_detail.tr("Split at the borrower from {parent}").format(
                    parent=item.derived_from
                )
            )
        else:
            name = cell(item.aliquot_number)
        table.setItem(row, 0, name)
        for column, mass in enumerate(masses, start=1):
            text = "" if mass is None else mass_text(mass)  # children were not lent as such
            table.setItem(row, column, cell(text, number=True))
        table.setItem(row, 8, cell(item_state(item.status)))
    if items:
        # Split-off mass reappears in the children's rows, so it has no total.
        row = len(items)
        table.setItem(row, 0, cell(_loans_detail.tr("Total"), bold=True))
        sums = {
            1: sum(lent.values()),
            2: sum(i.issued_ug for i in items),
            4: sum(i.consumed_ug for i in items),
            5: sum(i.lost_ug for i in items),
            6: sum(i.returned_ug for i in items),
            7: sum(i.outstanding_ug for i in items),
        }
        for column in range(1, 8):
            text = mass_text(sums[column]) if column in sums else ""
            table.setItem(row, column, cell(text, number=True, bold=True))
        table.setItem(row, 8, cell(""))


def loan_summary_text(store: Store, detail: LoanDetail, heading: str) -> str:
    """What a signature on the loan is bound to, in words: terms and items with masses."""
    summary = detail.summary
    content = queries.loan_content(store, summary.number)
    lines = [
        heading,
        _loans_detail.tr("Loan {number}").format(number=summary.number),
        _loans_detail.tr("Lender: {name}").format(name=detail.lender),
        _loans_detail.tr("Borrower: {name} ({code})").format(
            name=summary.borrower, code=summary.borrower_code
        ),
        _loans_detail.tr("Principal investigator: {name}").format(
            name=summary.principal_investigator
        ),
    ]
    if detail.co_investigators.strip():
        names = ", ".join(n.strip() for n in detail.co_investigators.splitlines() if n.strip())
        lines.append(_loans_detail.tr("Co-investigators: {names}").format(names=names))
    lines += [
        _loans_detail.tr("Purpose: {purpose}").format(purpose=summary.purpose),
        period_line(summary.starts_on, summary.due_on),
        _loans_detail.tr("Destructive analysis allowed: {answer}").format(
            answer=word("answer", "yes" if summary.destructive_analysis_allowed else "no")
        ),
        _loans_detail.tr("Items (%n, {mass} in all):", "", len(content.items)).format(
            mass=mass_text(content.total_mass_ug)
        ),
    ]
    lines += [
        f"  {item.aliquot_number}  {mass_text(item.mass_at_loan_ug)}" for item in content.items
    ]
    return "\n".join(lines)


def period_line(starts_on: date, due_on: date) -> str:
    """The period as the signed summary states it."""
    return _loans_detail.tr("Period: {period}").format(period=period_text(starts_on, due_on))


class LoanDetailPane(QWidget):
    """One loan: its terms, items with their reconciliation, and its signatures."""

    def __init__(self, parent: QWidget | None = None, *, ctx: AppContext | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loanDetail")
        self.heading = QLabel()
        self.heading.setObjectName("loanHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.overdue_badge = QLabel(_loans_detail.tr("OVERDUE"))
        self.overdue_badge.setObjectName("overdueBadge")
        self.overdue_badge.setStyleSheet(
            f"color: white; background: {RED}; font-weight: bold; padding: 2px 8px;"
            " border-radius: 3px;"
        )
        self.overdue_badge.setToolTip(_loans_detail.tr("Past its due date with material still out"))
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading)
        heading_row.addWidget(self.overdue_badge)
        heading_row.addStretch(1)
        self.inventory_launcher = InventoryLauncher()  # the annual inventory (inventory.py)
        heading_row.addWidget(self.inventory_launcher)

        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, title in (
            ("status", _loans_detail.tr("Status:")),
            ("lender", _loans_detail.tr("Lender:")),
            ("borrower", _loans_detail.tr("Borrower:")),
            ("pi", _loans_detail.tr("Principal investigator:")),
            ("co_investigators", _loans_detail.tr("Co-investigators:")),
            ("purpose", _loans_detail.tr("Purpose:")),
            ("period", _loans_detail.tr("Period:")),
            ("destructive", _loans_detail.tr("Destructive analysis:")),
            ("notes", _loans_detail.tr("Notes:")),
        ):
            label = QLabel()
            label.setObjectName(f"{key}Field")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # borrowers' text is never markup
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.fields[key] = label
            form.addRow(title, label)
        terms = QGroupBox(_loans_detail.tr("Terms"))
        terms.setLayout(form)
        terms.setMinimumWidth(300)

        self.items_table = read_only_table("loanItemsTable", reconciliation_columns())
        items_box = QGroupBox(_loans_detail.tr("Items and reconciliation"))
        QVBoxLayout(items_box).addWidget(self.items_table)
        self.signatures_table = read_only_table(
            "signaturesTable",
            (
                _loans_detail.tr("Signed by"),
                _loans_detail.tr("Institution"),
                _loans_detail.tr("Meaning"),
                _loans_detail.tr("Date and time"),
                _loans_detail.tr("Method"),
                _loans_detail.tr("Drawn"),
                _loans_detail.tr("Terms"),
            ),
        )
        signatures_box = QGroupBox(_loans_detail.tr("Signatures"))
        QVBoxLayout(signatures_box).addWidget(self.signatures_table)
        self.clearance = ClearancePanel()  # its own module: gui/loans/clearance.py
        tables = QSplitter(Qt.Orientation.Vertical)
        self.accounting_box = ReturnAccountingBox()
        self.deliverables = DeliverablesBox()
        # the sections of other features, each its own module (a ctx: they act)
        self.receivers_section = ReceiversSection(ctx) if ctx is not None else None
        # in the order of a loan's life: what is lent, cleared, signed, who receives it,
        # and at the end what came back and what is owed; the clearance shows its six items
        # whole, the accounting a few lines and its total
        sections: list[tuple[QWidget | None, int]] = [
            (items_box, 220),
            (self.clearance, 250),
            (signatures_box, 130),
            (self.receivers_section, 170),
            (self.accounting_box, 200),
            (self.deliverables, 200),
        ]
        heights: list[int] = []
        for section, height in sections:
            if section is not None:
                tables.addWidget(section)
                heights.append(height)
        tables.setSizes(heights)
        tables.setChildrenCollapsible(False)
        tables.setMinimumHeight(sum(heights))  # each section shows several rows, not one
        # Six sections need more height than a 800-pixel screen gives the pane: they scroll
        # together rather than push the window taller than the screen.
        scroller = QScrollArea()
        scroller.setObjectName("loanSections")
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(tables)

        # Wide, the terms beside the tables; narrow (a 1024-pixel screen), the two as tabs,
        # so the reconciliation's masses show whole instead of cut at the pane's edge.
        self.terms_box, self.tables = terms, scroller
        self.body = QSplitter(Qt.Orientation.Horizontal)
        self.body.setStretchFactor(1, 1)
        self.body.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("loanDetailTabs")
        self.arrangement = QStackedWidget()
        self.arrangement.addWidget(self.body)
        self.arrangement.addWidget(self.tabs)
        self._narrow: bool | None = None
        self._arrange(narrow=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(heading_row)
        layout.addWidget(self.arrangement, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW_DETAIL
        if narrow != self._narrow:
            self._arrange(narrow=narrow)

    def _arrange(self, *, narrow: bool) -> None:
        self._narrow = narrow
        if narrow:
            self.tabs.addTab(self.tables, _loans_detail.tr("Items and signatures"))
            self.tabs.addTab(self.terms_box, _loans_detail.tr("Terms"))
            self.arrangement.setCurrentWidget(self.tabs)
        else:
            self.body.addWidget(self.terms_box)
            self.body.addWidget(self.tables)
            self.body.setSizes([330, 910])
            self.arrangement.setCurrentWidget(self.body)

    def show_detail(self, detail: LoanDetail, lent: dict[str, int]) -> None:
        summary = detail.summary
        self.heading.setText(_loans_detail.tr("Loan {number}").format(number=summary.number))
        self.overdue_badge.setVisible(summary.overdue)
        self.inventory_launcher.show_for(summary.number, summary.status)
        status = status_label(summary.display_state or summary.status)
        self.fields["status"].setText(status)
        self.fields["lender"].setText(detail.lender)
        self.fields["borrower"].setText(f"{summary.borrower} ({summary.borrower_code})")
        self.fields["pi"].setText(summary.principal_investigator)
        co = ", ".join(n.strip() for n in detail.co_investigators.splitlines() if n.strip())
        self.fields["co_investigators"].setText(co or "—")
        self.fields["purpose"].setText(summary.purpose)
        period = html.escape(period_text(summary.starts_on, summary.due_on))
        if summary.overdue:
            days = (date.today() - summary.due_on).days
            overdue = _loans_detail.tr("overdue by %n day(s)", "", days)
            period += f" — <b style='color:{RED}'>{html.escape(overdue)}</b>"
        self.fields["period"].setTextFormat(Qt.TextFormat.RichText)
        self.fields["period"].setText(period)
        self.fields["destructive"].setText(
            _loans_detail.tr("allowed")
            if summary.destructive_analysis_allowed
            else _loans_detail.tr("not allowed")
        )
        self.fields["notes"].setText(detail.notes or "—")
        fill_reconciliation(self.items_table, detail.items, lent)
        if self.receivers_section is not None:
            self.receivers_section.show_loan(summary.number)
        self.accounting_box.show_detail(detail)
        self.deliverables.show_detail(detail)
        table = self.signatures_table
        table.setRowCount(len(detail.signatures))
        for row, signature in enumerate(detail.signatures):
            values = (
                signature.printed_name,
                signature.institution_name,
                word("signature", SIGNATURE_MEANINGS.get(signature.meaning, signature.meaning)),
                local_time(signature.signed_at),
                translated(SIGNATURE_METHODS.get(signature.method, signature.method)),
                word("answer", "yes" if signature.has_drawing else "no"),
                translated(signature.verdict or ""),
            )
            items = [cell(value) for value in values]
            if signature.verdict and not signature.verdict.startswith(TERMS_HOLD):
                items[-1].setForeground(QColor(RED))
            items[0].setToolTip(
                _loans_detail.tr("Bound to content hash {hash}").format(hash=signature.content_hash)
            )
            for column, item in enumerate(items):
                table.setItem(row, column, item)
