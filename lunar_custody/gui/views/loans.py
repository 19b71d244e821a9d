"""Loans: the list, one loan's terms, items and signatures, and the loan's lifecycle.

draft -> approved (the lender's curator signs) -> active (the borrower countersigns) ->
closed once reconciled; extended on a written request; cancelled before anything shipped.
Every action mirrors the services' rules by disabling itself with the reason as tooltip;
the services decide in the end.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...domain import export, loans, queries
from ...domain.errors import Cancelled, CustodyError
from ...domain.identity import SIGNATURE_MEANINGS
from ...domain.listings import LOANS
from ...domain.loans import ItemReconciliation
from ...domain.masses import format_mass
from ...domain.queries import LoanDetail
from ...domain.states import LoanStatus
from ...domain.store import ProgressCallback, Store
from ..context import AppContext
from ..errors import inform, reported, show_error
from ..loan_editor import LoanEditor, date_edit, from_qdate, to_qdate
from ..signature import ask_signature
from ..tablemodel import local_time, status_label
from ..widgets import ListPane
from .base import View

OVERDUE = "overdue"  # the status filter's extra choice: active, past due, material out
STATUS_CHOICES: list[tuple[str, Any]] = [
    ("All statuses", None),
    ("Draft", LoanStatus.DRAFT),
    ("Approved", LoanStatus.APPROVED),
    ("Active", LoanStatus.ACTIVE),
    ("Overdue", OVERDUE),
    ("Closed", LoanStatus.CLOSED),
    ("Cancelled", LoanStatus.CANCELLED),
]
NO_LOAN = "Select a loan first."
RED = "#b00020"

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


class LoanListPane(ListPane):
    """The loans list; the status filter's "overdue" choice asks for today's overdue loans."""

    def apply_filters(self) -> None:
        chosen = {name: box.currentData() for name, box in self.filter_boxes.items()}
        if chosen.get("status") == OVERDUE:
            chosen["status"] = None
            chosen["overdue_on"] = date.today()
        self.model.set_filters({**self.fixed_filters, **chosen})


def _cell(text: str, *, number: bool = False, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


def _table(name: str, headers: tuple[str, ...] | list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setStretchLastSection(True)
    return table


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
            name = _cell(f"↳ {item.aliquot_number}")
            name.setToolTip(f"Split at the borrower from {item.derived_from}")
        else:
            name = _cell(item.aliquot_number)
        table.setItem(row, 0, name)
        for column, mass in enumerate(masses, start=1):
            text = "" if mass is None else format_mass(mass)  # children were not lent as such
            table.setItem(row, column, _cell(text, number=True))
        table.setItem(row, 8, _cell(item.status))
    if items:
        # Split-off mass reappears in the children's rows, so it has no total.
        row = len(items)
        table.setItem(row, 0, _cell("Total", bold=True))
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
            table.setItem(row, column, _cell(text, number=True, bold=True))
        table.setItem(row, 8, _cell(""))
    fit_columns(table)


def fit_columns(table: QTableWidget) -> None:
    """Columns as wide as their contents, the last one taking the room that is left."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    table.resizeColumnsToContents()
    header.setStretchLastSection(True)


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


# ---------------------------------------------------------------------- dialogs


class CloseLoanDialog(QDialog):
    """The reconciliation, read before the curator signs the loan closed."""

    def __init__(
        self, detail: LoanDetail, lent: dict[str, int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("closeLoanDialog")
        number = detail.summary.number
        self.setWindowTitle(f"Close loan {number}")
        intro = QLabel(
            f"Reconciliation of loan {number} ({detail.summary.borrower}). Every microgram "
            "issued must be consumed, lost or returned before the loan can be closed."
        )
        intro.setWordWrap(True)
        self.table = _table("reconciliationTable", RECONCILIATION_COLUMNS)
        fill_reconciliation(self.table, detail.items, lent)
        self.problem = QLabel()
        self.problem.setObjectName("closeProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {RED}; font-weight: bold;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = QPushButton("&Sign and close…")
        self.sign_button.setObjectName("signCloseButton")
        self.buttons.addButton(self.sign_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        out = [i.aliquot_number for i in detail.items if i.outstanding_ug]
        if out:
            self.problem.setText(
                f"{len(out)} item(s) are still out ({', '.join(out[:10])}): return them, or "
                "record their consumption or loss, before closing."
            )
        elif not any(i.issued_ug for i in detail.items):
            self.problem.setText("Nothing was ever shipped under this loan; cancel it instead.")
        self.sign_button.setEnabled(not self.problem.text())
        self.problem.setVisible(bool(self.problem.text()))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(900, 420)


class ExtendLoanDialog(QDialog):
    """A new end date and the reason (the borrower's written request)."""

    def __init__(self, detail: LoanDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("extendLoanDialog")
        due = detail.summary.due_on
        self.setWindowTitle(f"Extend loan {detail.summary.number}")
        self.due_edit = date_edit(max(due + timedelta(days=180), date.today()), "newDueOnEdit")
        self.due_edit.setMinimumDate(to_qdate(due + timedelta(days=1)))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText(
            "e.g. Borrower's request of 2026-03-02: beam time moved"
        )
        self.reason_edit.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow("Due now:", QLabel(due.isoformat()))
        form.addRow("&New due date:", self.due_edit)
        form.addRow("&Reason:", self.reason_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Continue to &signature…")
        ok.setObjectName("extendOkButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(480, 260)

    def new_due_on(self) -> date:
        return from_qdate(self.due_edit.date())

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()


class CancelLoanDialog(QDialog):
    """Why the loan is withdrawn (kept in its notes)."""

    def __init__(self, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelLoanDialog")
        self.setWindowTitle(f"Cancel loan {number}")
        text = QLabel(
            f"Cancel loan {number}? Its items go back to being available for other loans. "
            "The reason is kept with the loan."
        )
        text.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.cancel_button = QPushButton("Cancel &loan")
        self.cancel_button.setObjectName("cancelLoanButton")
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Keep loan")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(QLabel("&Reason:"))
        layout.addWidget(self.reason_edit, 1)
        layout.addWidget(self.buttons)
        self.resize(460, 260)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()


# ---------------------------------------------------------------------- the view


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

        self.items_table = _table("loanItemsTable", RECONCILIATION_COLUMNS)
        items_box = QGroupBox("Items and reconciliation")
        QVBoxLayout(items_box).addWidget(self.items_table)
        self.signatures_table = _table(
            "signaturesTable",
            ("Signed by", "Institution", "Meaning", "Date and time", "Method", "Drawn"),
        )
        signatures_box = QGroupBox("Signatures")
        QVBoxLayout(signatures_box).addWidget(self.signatures_table)
        tables = QSplitter(Qt.Orientation.Vertical)
        tables.addWidget(items_box)
        tables.addWidget(signatures_box)
        tables.setSizes([300, 160])
        tables.setChildrenCollapsible(False)

        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(terms)
        body.addWidget(tables)
        body.setStretchFactor(1, 1)
        body.setSizes([330, 910])
        body.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(heading_row)
        layout.addWidget(body, 1)

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
            period += f" — <b style='color:{RED}'>overdue by {days} day(s)</b>"
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
            )
            for column, value in enumerate(values):
                table.setItem(row, column, _cell(value))
            table.item(row, 0).setToolTip(f"Bound to content hash {signature.content_hash}")
        fit_columns(table)


class LoansView(View):
    """The loans list with one loan's detail below and the lifecycle actions."""

    title = "Loans"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail: LoanDetail | None = None
        self._pending_select: str | None = None
        self._refreshed = False

        self.new_action = self._action("&New loan…", "loansNewAction", self.new_loan)
        self.edit_action = self._action("&Edit loan…", "loansEditAction", self.edit_loan)
        self.approve_action = self._action("&Approve…", "loansApproveAction", self.approve)
        self.countersign_action = self._action(
            "Co&untersign…", "loansCountersignAction", self.countersign
        )
        self.extend_action = self._action("E&xtend…", "loansExtendAction", self.extend)
        self.close_action = self._action("&Close loan…", "loansCloseAction", self.close_loan)
        self.cancel_action = self._action("Cancel &loan…", "loansCancelAction", self.cancel_loan)
        self.export_action = self._action("Ex&port loans…", "loansExportAction", self.export_loans)
        self.agreement_action = self._action(
            "A&greement PDF…", "loansAgreementAction", self.agreement_pdf
        )
        self.labels_action = self._action("La&bels…", "loansLabelsAction", self.loan_labels)
        self._help = {
            self.new_action: "Prepare a new loan agreement (a draft)",
            self.edit_action: "Change the terms and items of this draft",
            self.approve_action: "Sign the agreement for the lender: draft → approved",
            self.countersign_action: "Sign the agreement for the borrower: approved → active",
            self.extend_action: "Move the due date on the borrower's written request",
            self.close_action: "Check the reconciliation and sign the loan closed",
            self.cancel_action: "Withdraw a loan before anything was shipped",
            self.export_action: "Write every loan item to a CSV or JSON file",
            self.agreement_action: "The loan agreement as a PDF to preview, print or save",
            self.labels_action: "Labels (QR code, number, sample, mass) for the loan's items",
        }

        toolbar = QToolBar("Loan actions")
        toolbar.setObjectName("loansToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in self.menu_actions():
            if action in (self.export_action, self.agreement_action):
                toolbar.addSeparator()
            toolbar.addAction(action)
        self.toolbar = toolbar

        self.pane = LoanListPane(
            ctx.db,
            LOANS,
            search_hint="Search loans: number, borrower, principal investigator, purpose",
            filters={"status": STATUS_CHOICES},
            noun="loans",
        )
        self.pane.currentChanged.connect(lambda _row: self._show_current())
        self.pane.activated.connect(lambda _row: self._open_current())
        self.status_filter = self.pane.filter_boxes["status"]
        self.detail_pane = LoanDetailPane()
        placeholder = QLabel("Select a loan to see its terms, items and signatures.")
        placeholder.setObjectName("loanPlaceholder")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder.setStyleSheet("color: #5f6368;")
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(placeholder)
        self.detail_stack.addWidget(self.detail_pane)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.pane)
        splitter.addWidget(self.detail_stack)
        splitter.setSizes([320, 480])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addWidget(splitter, 1)
        self._update_actions()

    # ------------------------------------------------------------------ View

    def refresh(self) -> None:
        self._refreshed = True
        self.pane.refresh()
        if self._pending_select is not None:
            number, self._pending_select = self._pending_select, None
            self.select_loan(number)
        self._show_current()

    def focus_search(self) -> None:
        self.pane.search_field.setFocus()
        self.pane.search_field.selectAll()

    def menu_actions(self) -> list[QAction]:
        return [
            self.new_action,
            self.edit_action,
            self.approve_action,
            self.countersign_action,
            self.extend_action,
            self.close_action,
            self.cancel_action,
            self.export_action,
            self.agreement_action,
            self.labels_action,
        ]

    def show_record(self, kind: str, number: str) -> None:
        """Select a loan named elsewhere (the dashboard)."""
        if kind == "loan":
            self.select_loan(number)

    def select_loan(self, number: str) -> bool:
        """Select the loan, clearing the search and filter if they hide it."""
        if self.pane.select_value("number", number):
            return True
        self.pane.search_field.clear()
        self.pane.search_field.flush()
        self.status_filter.setCurrentIndex(0)
        return self.pane.select_value("number", number)

    # ------------------------------------------------------------------ selection

    def current_number(self) -> str | None:
        value = self.pane.current_value("number")
        return str(value) if value is not None else None

    def _show_current(self) -> None:
        number = self.current_number()
        self.detail = None
        lent: dict[str, int] = {}
        if number is not None:
            with reported(self):
                self.detail = queries.loan_detail(self.ctx.db, number)
                lent = lent_masses(self.ctx.db, number)
        if self.detail is None:
            self.detail_stack.setCurrentIndex(0)
        else:
            self.detail_pane.show_detail(self.detail, lent)
            self.detail_stack.setCurrentIndex(1)
        self._update_actions()

    def _open_current(self) -> None:
        if self.edit_action.isEnabled():
            self.edit_loan()

    # ------------------------------------------------------------------ actions

    def _action(self, text: str, name: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _allow(self, action: QAction, reason: str | None) -> None:
        """Enabled with its help text, or disabled with the reason as tooltip."""
        action.setEnabled(reason is None)
        tip = reason if reason is not None else self._help[action]
        action.setToolTip(tip)
        action.setStatusTip(tip)

    def reasons(self) -> dict[QAction, str | None]:
        """Why each action is unavailable now (None: available): role first, then state."""
        why = self.ctx.why_not
        detail = self.detail
        reasons: dict[QAction, str | None] = {
            self.new_action: why("draft_loan"),
            self.export_action: None,
        }
        if detail is None:
            for action in self.menu_actions():
                reasons.setdefault(action, NO_LOAN)
            return reasons
        summary = detail.summary
        number, status = summary.number, summary.status
        reasons[self.agreement_action] = None
        reasons[self.labels_action] = (
            None if detail.items else f"Loan {number} has no items to label yet."
        )

        def state(allowed: tuple[str, ...], doing: str) -> str | None:
            if status in allowed:
                return None
            kinds = " or ".join([", ".join(allowed[:-1]), allowed[-1]] if allowed[:-1] else allowed)
            article = "an" if kinds[0] in "aeiou" else "a"
            return f"Loan {number} is {status}; only {article} {kinds} loan can be {doing}."

        reasons[self.edit_action] = why("draft_loan") or state((LoanStatus.DRAFT,), "edited")
        reasons[self.approve_action] = (
            why("approve_loan")
            or state((LoanStatus.DRAFT,), "approved")
            or (None if detail.items else f"Loan {number} has no items to lend yet.")
        )
        reasons[self.countersign_action] = (
            why("countersign_loan")
            or state((LoanStatus.APPROVED,), "countersigned")
            or (
                None
                if self.ctx.actor.institution_code == summary.borrower_code
                else f"Loan {number} is countersigned by {summary.borrower}."
            )
        )
        reasons[self.extend_action] = why("extend_loan") or state(
            (LoanStatus.APPROVED, LoanStatus.ACTIVE), "extended"
        )
        reasons[self.close_action] = why("close_loan") or state((LoanStatus.ACTIVE,), "closed")
        shipped = any(item.issued_ug for item in detail.items)
        reasons[self.cancel_action] = (
            why("draft_loan")
            or state((LoanStatus.DRAFT, LoanStatus.APPROVED, LoanStatus.ACTIVE), "cancelled")
            or (f"Loan {number} has shipped items; close it instead." if shipped else None)
        )
        return reasons

    def _update_actions(self) -> None:
        for action, reason in self.reasons().items():
            self._allow(action, reason)

    def _done(self, number: str) -> None:
        """After an operation: every view reads again; this loan stays selected."""
        self._pending_select = number
        self._refreshed = False
        self.ctx.changed.emit()  # the main window refreshes the visible view
        if not self._refreshed:
            self.refresh()

    def _refused(self, action: QAction) -> bool:
        """Say why an action cannot run now (a shortcut may fire it while disabled)."""
        reason = self.reasons().get(action)
        if reason is not None:
            inform(self, action.text().replace("&", "").rstrip("…"), reason)
            return True
        return False

    # ------------------------------------------------------------------ editing

    def make_editor(self, number: str | None = None) -> LoanEditor:
        return LoanEditor(self.ctx, number, self)

    def _run_editor(self, number: str | None) -> None:
        editor = self.make_editor(number)
        try:
            editor.exec()
            saved = editor.number
        finally:
            editor.deleteLater()
        # A Save that stopped half-way still drafted the loan: show it either way.
        if saved is not None:
            self._done(saved)

    def new_loan(self) -> None:
        if not self._refused(self.new_action):
            with reported(self):
                self._run_editor(None)

    def edit_loan(self) -> None:
        number = self.current_number()
        if number is not None and not self._refused(self.edit_action):
            with reported(self):
                self._run_editor(number)

    # ------------------------------------------------------------------ signing

    def approve(self) -> None:
        if self.detail is None or self._refused(self.approve_action):
            return
        detail = self.detail
        with reported(self):
            summary = loan_summary_text(
                self.ctx.db, detail, "Approval of the loan agreement by the lender"
            )
            credential = ask_signature(
                self, meaning="approved", summary=summary, username=self.ctx.actor.username
            )
            if credential is None:
                return
            loans.approve_loan(self.ctx.db, self.ctx.actor, detail.summary.number, credential)
            self._done(detail.summary.number)

    def countersign(self) -> None:
        if self.detail is None or self._refused(self.countersign_action):
            return
        detail = self.detail
        with reported(self):
            summary = loan_summary_text(
                self.ctx.db, detail, "Countersignature of the loan agreement by the borrower"
            )
            credential = ask_signature(
                self, meaning="countersigned", summary=summary, username=self.ctx.actor.username
            )
            if credential is None:
                return
            loans.countersign_loan(self.ctx.db, self.ctx.actor, detail.summary.number, credential)
            self._done(detail.summary.number)

    def make_extend_dialog(self, detail: LoanDetail) -> ExtendLoanDialog:
        return ExtendLoanDialog(detail, self)

    def extend(self) -> None:
        if self.detail is None or self._refused(self.extend_action):
            return
        detail = self.detail
        number = detail.summary.number
        dialog = self.make_extend_dialog(detail)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            new_due, reason = dialog.new_due_on(), dialog.reason()
        finally:
            dialog.deleteLater()
        with reported(self):
            summary = loan_summary_text(self.ctx.db, detail, "Extension of the loan")
            summary = summary.replace(
                f"Period: {detail.summary.starts_on.isoformat()} to "
                f"{detail.summary.due_on.isoformat()}",
                f"Period: {detail.summary.starts_on.isoformat()} to {new_due.isoformat()} "
                f"(extended from {detail.summary.due_on.isoformat()})\nReason: {reason}",
            )
            credential = ask_signature(
                self, meaning="extended", summary=summary, username=self.ctx.actor.username
            )
            if credential is None:
                return
            loans.extend_loan(
                self.ctx.db,
                self.ctx.actor,
                number,
                new_due,
                reason=reason,
                credential=credential,
            )
            self._done(number)

    def make_close_dialog(self, detail: LoanDetail) -> CloseLoanDialog:
        return CloseLoanDialog(detail, lent_masses(self.ctx.db, detail.summary.number), self)

    def close_loan(self) -> None:
        if self.detail is None or self._refused(self.close_action):
            return
        number = self.detail.summary.number
        with reported(self):
            # Read again: the reconciliation signed must be today's, not the screen's.
            detail = queries.loan_detail(self.ctx.db, number)
            dialog = self.make_close_dialog(detail)
            try:
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return
            finally:
                dialog.deleteLater()
            lines = [f"Reconciliation and closing of loan {number} ({detail.summary.borrower})"]
            for item in detail.items:
                lines.append(
                    f"  {item.aliquot_number}: issued {format_mass(item.issued_ug)}, consumed "
                    f"{format_mass(item.consumed_ug)}, lost {format_mass(item.lost_ug)}, "
                    f"returned {format_mass(item.returned_ug)}, outstanding "
                    f"{format_mass(item.outstanding_ug)}"
                )
            credential = ask_signature(
                self, meaning="closed", summary="\n".join(lines), username=self.ctx.actor.username
            )
            if credential is None:
                return
            loans.close_loan(self.ctx.db, self.ctx.actor, number, credential)
            self._done(number)

    def make_cancel_dialog(self, number: str) -> CancelLoanDialog:
        return CancelLoanDialog(number, self)

    def cancel_loan(self) -> None:
        if self.detail is None or self._refused(self.cancel_action):
            return
        number = self.detail.summary.number
        dialog = self.make_cancel_dialog(number)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            reason = dialog.reason()
        finally:
            dialog.deleteLater()
        with reported(self):
            loans.cancel_loan(self.ctx.db, self.ctx.actor, number, reason=reason)
            self._done(number)

    # ------------------------------------------------------------------ export

    def ask_export_path(self) -> Path | None:
        """Where to write the export (the suffix picks CSV or JSON); None if cancelled."""
        start = str(Path.home() / f"loans-{date.today().isoformat()}.csv")
        name, chosen = QFileDialog.getSaveFileName(
            self, "Export loans", start, "CSV files (*.csv);;JSON files (*.json)"
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".csv", ".json"):
            path = path.with_name(path.name + (".json" if "json" in chosen.lower() else ".csv"))
        return path

    # ------------------------------------------------------------------ documents

    def agreement_pdf(self) -> None:
        """Write the selected loan's agreement and preview it."""
        number = self.current_number()
        if number is None or self._refused(self.agreement_action):
            return
        # The PDF side (reportlab, QtPdf) loads with the first document, not at start-up.
        from ...documents import service
        from ..pdf_preview import show_document

        db, actor = self.ctx.db, self.ctx.actor
        show_document(
            self.ctx.ops,
            self,
            "Loan agreement",
            f"agreement-{number}.pdf",
            lambda path: service.write_agreement(db, actor, number, path),
        )

    def loan_labels(self) -> None:
        """Labels for every item of the selected loan, on a roll or an A4 sheet."""
        if self.detail is None or self._refused(self.labels_action):
            return
        from ...documents import service
        from ..pdf_preview import ask_label_layout, show_document

        layout = ask_label_layout(self)
        if layout is None:
            return
        numbers = [item.aliquot_number for item in self.detail.items]
        number = self.detail.summary.number
        db, actor = self.ctx.db, self.ctx.actor
        show_document(
            self.ctx.ops,
            self,
            "Labels",
            f"labels-{number}-{layout}.pdf",
            lambda path: service.write_labels(db, actor, numbers, path, layout=layout),
        )

    def export_loans(self) -> None:
        path = self.ask_export_path()
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> int:
        """Write every loan item to ``path`` (CSV or JSON by suffix) off the GUI thread.

        The file appears only when complete: the rows go to a sibling file first, so a
        cancelled or failed export leaves nothing half-written behind.
        """
        fmt = path.suffix.lower().lstrip(".")
        store = self.ctx.db
        partial = path.with_name(f".{path.name}.part")

        def work(progress: ProgressCallback) -> int:
            with partial.open("w", encoding="utf-8", newline="") as out:
                return export.export_loans(store, out, fmt, progress=progress)

        def refused(error: CustodyError) -> None:
            if isinstance(error, Cancelled):
                inform(self, "Export cancelled", "The export was cancelled; no file was written.")
            else:
                show_error(self, error)

        try:
            written = self.ctx.ops.value(
                self,
                "Export loans",
                work,
                refused=refused,
                label=f"Writing {path.name}",
                unit="loan items",
                changes=False,
            )
            if written is not None:
                os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
        if written is None:
            return 0
        inform(self, "Loans exported", f"{written:,} loan item(s) written to {path}.")
        return written
