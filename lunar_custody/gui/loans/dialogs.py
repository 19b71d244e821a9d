"""The loan's signed steps after approval: close (after reading the reconciliation), extend
(a new due date and the reason) and cancel (the reason). Each reads its fields in
``prepare``, asks for the signature where one is due, and runs one service call through the
operation runner; a refusal is shown beside the fields and nothing typed is lost."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QLabel, QWidget

from ...domain import loans, rules
from ...domain.identity import Credential
from ...domain.masses import format_mass
from ...domain.queries import LoanDetail
from ..context import AppContext
from ..dialogs import FormDialog, ReasonDialog, fit_to_screen, reason_edit
from ..operations import Work
from ..tables import read_only_table
from ..widgets import FieldChecks, problem_of
from .detail import (
    RECONCILIATION_COLUMNS,
    RED,
    fill_reconciliation,
    loan_summary_text,
)
from .editor import date_edit, from_qdate, to_qdate


class LoanForm(FormDialog):
    """A form on one loan whose OK runs one loan service (its number is ``result_value``)."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None, title: str, name: str, ok_text: str
    ) -> None:
        super().__init__(parent, title, name, ops=ctx.ops, ok_text=ok_text)
        self.ctx = ctx

    def sign(self, meaning: str, summary: str) -> Credential:
        """The signed-in person's signature on ``summary``; Withdrawn when not given."""
        return self.signature(meaning=meaning, summary=summary, username=self.ctx.actor.username)


class CloseLoanDialog(LoanForm):
    """The reconciliation, read before the curator signs the loan closed."""

    def __init__(
        self,
        ctx: AppContext,
        detail: LoanDetail,
        lent: dict[str, int],
        parent: QWidget | None = None,
    ) -> None:
        number = detail.summary.number
        super().__init__(ctx, parent, f"Close loan {number}", "closeLoanDialog", "&Sign and close…")
        self.detail = detail
        intro = QLabel(
            f"Reconciliation of loan {number} ({detail.summary.borrower}). Every microgram "
            "issued must be consumed, lost or returned before the loan can be closed."
        )
        intro.setWordWrap(True)
        self.table = read_only_table("reconciliationTable", RECONCILIATION_COLUMNS)
        fill_reconciliation(self.table, detail.items, lent)
        self.sign_button = self.ok_button
        self.sign_button.setObjectName("signCloseButton")
        # Nothing to type: the reconciliation is the one check, shown in red from the start
        # under the table, and the sign button's tooltip says it too.
        self.checks = FieldChecks(self.sign_button)
        self.problem = self.checks.watch(self.table, self._unreconciled, None)
        self.problem.setObjectName("closeProblem")
        self.checks.touch(self.problem)
        self.problem.setStyleSheet(f"color: {RED}; font-weight: bold;")
        self.body.insertWidget(0, intro)
        self.body.insertWidget(1, self.table, 1)
        self.body.insertWidget(2, self.problem)
        fit_to_screen(self, 900, 420)

    def _unreconciled(self) -> str | None:
        return rules.why_not_close_reconciled(self.detail.summary.number, self.detail.items)

    def prepare(self) -> Work[str]:
        detail = self.detail
        number = detail.summary.number
        lines = [f"Reconciliation and closing of loan {number} ({detail.summary.borrower})"]
        for item in detail.items:
            lines.append(
                f"  {item.aliquot_number}: issued {format_mass(item.issued_ug)}, consumed "
                f"{format_mass(item.consumed_ug)}, lost {format_mass(item.lost_ug)}, "
                f"returned {format_mass(item.returned_ug)}, outstanding "
                f"{format_mass(item.outstanding_ug)}"
            )
        credential = self.sign("closed", "\n".join(lines))
        db, actor = self.ctx.db, self.ctx.actor
        return lambda _progress: loans.close_loan(db, actor, number, credential).number


class ExtendLoanDialog(LoanForm):
    """A new end date and the reason (the borrower's written request), then the signature."""

    def __init__(self, ctx: AppContext, detail: LoanDetail, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            f"Extend loan {detail.summary.number}",
            "extendLoanDialog",
            "Continue to &signature…",
        )
        self.detail = detail
        due = detail.summary.due_on
        self.ok_button.setObjectName("extendOkButton")
        self.due_edit = date_edit(max(due + timedelta(days=180), date.today()), "newDueOnEdit")
        self.due_edit.setMinimumDate(to_qdate(due + timedelta(days=1)))
        self.reason_edit = reason_edit("e.g. Borrower's request of 2026-03-02: beam time moved")
        self.form.addRow("Due now:", QLabel(due.isoformat()))
        self.form.addRow("&New due date:", self.due_edit)
        self.form.addRow("&Reason:", self.reason_edit)
        self.checks = FieldChecks(self.ok_button)
        self.checks.watch(self.due_edit, self._due_problem, self.form)
        self.checks.watch(self.reason_edit, self._reason_problem, self.form)
        fit_to_screen(self, 480, 300)

    def new_due_on(self) -> date:
        return from_qdate(self.due_edit.date())

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    # the service's own checks (loans.extend_loan)
    def _due_problem(self) -> str | None:
        summary, new_due = self.detail.summary, self.new_due_on()
        return problem_of(lambda: loans.check_extension(summary.starts_on, summary.due_on, new_due))

    def _reason_problem(self) -> str | None:
        reason = self.reason()
        return problem_of(lambda: loans.clean_extension_reason(reason))

    def prepare(self) -> Work[str]:
        summary = self.detail.summary
        number, new_due, reason = summary.number, self.new_due_on(), self.reason()
        agreement = loan_summary_text(self.ctx.db, self.detail, "Extension of the loan")
        signed = agreement.replace(
            f"Period: {summary.starts_on.isoformat()} to {summary.due_on.isoformat()}",
            f"Period: {summary.starts_on.isoformat()} to {new_due.isoformat()} "
            f"(extended from {summary.due_on.isoformat()})\nReason: {reason}",
        )
        credential = self.sign("extended", signed)
        db, actor = self.ctx.db, self.ctx.actor
        return lambda _progress: (
            loans.extend_loan(
                db, actor, number, new_due, reason=reason, credential=credential
            ).number
        )


class CancelLoanDialog(ReasonDialog):
    """Why the loan is withdrawn (kept in its notes)."""

    def __init__(self, ctx: AppContext, number: str, parent: QWidget | None = None) -> None:
        db, actor = ctx.db, ctx.actor
        super().__init__(
            ctx.ops,
            parent,
            f"Cancel loan {number}",
            f"Cancel loan {number}? Its items go back to being available for other loans. "
            "The reason is kept with the loan.",
            lambda reason: (
                lambda _progress: loans.cancel_loan(db, actor, number, reason=reason).number
            ),
            name="cancelLoanDialog",
            ok_text="Cancel &loan",
            keep_text="&Keep loan",
        )
        self.cancel_button = self.ok_button
        self.cancel_button.setObjectName("cancelLoanButton")
