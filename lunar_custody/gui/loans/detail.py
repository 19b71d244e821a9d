"""One loan on screen: its terms, items with their reconciliation, and its signatures; and
the loan in words, as a signature binds it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import queries, rules
from ...domain.identity import SIGNATURE_MEANINGS
from ...domain.loans import TERMS_HOLD, ItemReconciliation
from ...domain.masses import format_mass
from ...domain.queries import LoanDetail
from ...domain.store import Store
from ...domain.wording import counted
from ..tablemodel import local_time, status_label
from ..tables import cell, read_only_table

RED = "#b00020"
NARROW_DETAIL = 1000  # px: below this the terms and the tables are tabs, not side by side

RECONCILIATION_COLUMNS = (
    "Aliquot",
    "At loan",
    "Issued",
    "Split off",
    "Consumed",
    "Lost",
    "Returned",
    "Outstanding",
    "Status",
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
            name.setToolTip(f"Split at the borrower from {item.derived_from}")
        else:
            name = cell(item.aliquot_number)
        table.setItem(row, 0, name)
        for column, mass in enumerate(masses, start=1):
            text = "" if mass is None else format_mass(mass)  # children were not lent as such
            table.setItem(row, column, cell(text, number=True))
        table.setItem(row, 8, cell(item.status))
    if items:
        # Split-off mass reappears in the children's rows, so it has no total.
        row = len(items)
        table.setItem(row, 0, cell("Total", bold=True))
        sums = {
            1: sum(lent.values()),
            2: sum(i.issued_ug for i in items),
            4: sum(i.consumed_ug for i in items),
            5: sum(i.lost_ug for i in items),
            6: sum(i.returned_ug for i in items),
            7: sum(i.outstanding_ug for i in items),
        }
        for column in range(1, 8):
            text = format_mass(sums[column]) if column in sums else ""
            table.setItem(row, column, cell(text, number=True, bold=True))
        table.setItem(row, 8, cell(""))


def loan_summary_text(store: Store, detail: LoanDetail, heading: str) -> str:
    """What a signature on the loan is bound to, in words: terms and items with masses."""
    summary = detail.summary
    content = queries.loan_content(store, summary.number)
    lines = [
        heading,
        f"Loan {summary.number}",
        f"Lender: {detail.lender}",
        f"Borrower: {summary.borrower} ({summary.borrower_code})",
        f"Principal investigator: {summary.principal_investigator}",
    ]
    if detail.co_investigators.strip():
        names = ", ".join(n.strip() for n in detail.co_investigators.splitlines() if n.strip())
        lines.append(f"Co-investigators: {names}")
    lines += [
        f"Purpose: {summary.purpose}",
        f"Period: {summary.starts_on.isoformat()} to {summary.due_on.isoformat()}",
        "Destructive analysis allowed: "
        + ("yes" if summary.destructive_analysis_allowed else "no"),
        f"Items ({len(content.items)}, {format_mass(content.total_mass_ug)} in all):",
    ]
    lines += [
        f"  {item.aliquot_number}  {format_mass(item.mass_at_loan_ug)}" for item in content.items
    ]
    return "\n".join(lines)


class LoanDetailPane(QWidget):
    """One loan: its terms, items with their reconciliation, and its signatures."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loanDetail")
        self.heading = QLabel()
        self.heading.setObjectName("loanHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.overdue_badge = QLabel("OVERDUE")
        self.overdue_badge.setObjectName("overdueBadge")
        self.overdue_badge.setStyleSheet(
            f"color: white; background: {RED}; font-weight: bold; padding: 2px 8px;"
            " border-radius: 3px;"
        )
        self.overdue_badge.setToolTip("Past its due date with material still out")
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading)
        heading_row.addWidget(self.overdue_badge)
        heading_row.addStretch(1)

        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, title in (
            ("status", "Status:"),
            ("lender", "Lender:"),
            ("borrower", "Borrower:"),
            ("pi", "Principal investigator:"),
            ("co_investigators", "Co-investigators:"),
            ("purpose", "Purpose:"),
            ("period", "Period:"),
            ("destructive", "Destructive analysis:"),
            ("notes", "Notes:"),
        ):
            label = QLabel()
            label.setObjectName(f"{key}Field")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # borrowers' text is never markup
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.fields[key] = label
            form.addRow(title, label)
        terms = QGroupBox("Terms")
        terms.setLayout(form)
        terms.setMinimumWidth(300)

        self.items_table = read_only_table("loanItemsTable", RECONCILIATION_COLUMNS)
        items_box = QGroupBox("Items and reconciliation")
        QVBoxLayout(items_box).addWidget(self.items_table)
        self.signatures_table = read_only_table(
            "signaturesTable",
            ("Signed by", "Institution", "Meaning", "Date and time", "Method", "Drawn", "Terms"),
        )
        signatures_box = QGroupBox("Signatures")
        QVBoxLayout(signatures_box).addWidget(self.signatures_table)
        tables = QSplitter(Qt.Orientation.Vertical)
        tables.addWidget(items_box)
        tables.addWidget(signatures_box)
        tables.setSizes([300, 160])
        tables.setChildrenCollapsible(False)

        # Wide, the terms beside the tables; narrow (a 1024-pixel screen), the two as tabs,
        # so the reconciliation's masses show whole instead of cut at the pane's edge.
        self.terms_box, self.tables = terms, tables
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
            self.tabs.addTab(self.tables, "Items and signatures")
            self.tabs.addTab(self.terms_box, "Terms")
            self.arrangement.setCurrentWidget(self.tabs)
        else:
            self.body.addWidget(self.terms_box)
            self.body.addWidget(self.tables)
            self.body.setSizes([330, 910])
            self.arrangement.setCurrentWidget(self.body)

    def show_detail(self, detail: LoanDetail, lent: dict[str, int]) -> None:
        summary = detail.summary
        self.heading.setText(f"Loan {summary.number}")
        self.overdue_badge.setVisible(summary.overdue)
        status = status_label(summary.status)
        self.fields["status"].setText(status)
        self.fields["lender"].setText(detail.lender)
        self.fields["borrower"].setText(f"{summary.borrower} ({summary.borrower_code})")
        self.fields["pi"].setText(summary.principal_investigator)
        co = ", ".join(n.strip() for n in detail.co_investigators.splitlines() if n.strip())
        self.fields["co_investigators"].setText(co or "—")
        self.fields["purpose"].setText(summary.purpose)
        period = f"{summary.starts_on.isoformat()} to {summary.due_on.isoformat()}"
        if summary.overdue:
            days = (date.today() - summary.due_on).days
            period += f" — <b style='color:{RED}'>overdue by {counted(days, 'day')}</b>"
        self.fields["period"].setTextFormat(Qt.TextFormat.RichText)
        self.fields["period"].setText(period)
        self.fields["destructive"].setText(
            "allowed" if summary.destructive_analysis_allowed else "not allowed"
        )
        self.fields["notes"].setText(detail.notes or "—")
        fill_reconciliation(self.items_table, detail.items, lent)
        table = self.signatures_table
        table.setRowCount(len(detail.signatures))
        for row, signature in enumerate(detail.signatures):
            values = (
                signature.printed_name,
                signature.institution_name,
                SIGNATURE_MEANINGS.get(signature.meaning, signature.meaning),
                local_time(signature.signed_at),
                signature.method,
                "yes" if signature.has_drawing else "no",
                signature.verdict or "",
            )
            items = [cell(value) for value in values]
            if signature.verdict and not signature.verdict.startswith(TERMS_HOLD):
                items[-1].setForeground(QColor(RED))
            items[0].setToolTip(f"Bound to content hash {signature.content_hash}")
            for column, item in enumerate(items):
                table.setItem(row, column, item)
