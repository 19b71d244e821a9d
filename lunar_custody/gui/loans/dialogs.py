"""The loan's signed steps after approval: close (after reading the reconciliation), extend
(a new due date and the reason) and cancel (the reason). Each reads its fields in
``prepare``, asks for the signature where one is due, and runs one service call through the
operation runner; a refusal is shown beside the fields and nothing typed is lost."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QLabel, QWidget

from ...domain import loans, rules
from ...domain.identity import Credential
from ...domain.queries import LoanDetail
from ..context import AppContext
from ..dialogs import FormDialog, ReasonDialog, fit_to_screen, reason_edit
from ..locale_format import date_text, mass_text
from ..operations import Work
from ..tables import read_only_table
from ..translation import Translator
from ..widgets import FieldChecks, problem_of
from .deliverables import close_refusal
from .detail import (
    RED,
    fill_reconciliation,
    loan_summary_text,
    period_line,
    period_text,
    reconciliation_columns,
)
from .editor import date_edit, from_qdate, to_qdate

_loans_dialogs = Translator("_loans_dialogs")


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
        super().__init__(
            ctx,
            parent,
            _loans_dialogs.tr("Close loan {number}").format(number=number),
            "closeLoanDialog",
            _loans_dialogs.tr("&Sign and close…"),
        )
        self.detail = detail
        intro = QLabel(
            _loans_dialogs.tr(
                "Reconciliation of loan {number} ({borrower}). Every microgram "
                "issued must be consumed, lost or returned before the loan can be closed."
            ).format(number=number, borrower=detail.summary.borrower)
        )
        intro.setWordWrap(True)
        self.table = read_only_table("reconciliationTable", reconciliation_columns())
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
        return rules.why_not_close_reconciled(
            self.detail.summary.number, self.detail.items
        ) or close_refusal(self.detail)

    def prepare(self) -> Work[str]:
        detail = self.detail
        number = detail.summary.number
        lines = [
            _loans_dialogs.tr("Reconciliation and closing of loan {number} ({borrower})").format(
                number=number, borrower=detail.summary.borrower
            )
        ]
        for item in detail.items:
            line = _loans_dialogs.tr(
                "{number}: issued {issued}, consumed {consumed}, lost {lost}, "
                "returned {returned}, outstanding {outstanding}"
            ).format(
                number=item.aliquot_number,
                issued=mass_text(item.issued_ug),
                consumed=mass_text(item.consumed_ug),
                lost=mass_text(item.lost_ug),
                returned=mass_text(item.returned_ug),
                outstanding=mass_text(item.outstanding_ug),
            )
            lines.append(f"  {line}")
        credential = self.sign("closed", "\n".join(lines))
        db, actor = self.ctx.db, self.ctx.actor
        return lambda _progress: loans.close_loan(db, actor, number, credential).number


class ExtendLoanDialog(LoanForm):
    """A new end date and the reason (the borrower's written request), then the signature."""

    def __init__(self, ctx: AppContext, detail: LoanDetail, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            _loans_dialogs.tr("Extend loan {number}").format(number=detail.summary.number),
            "extendLoanDialog",
            _loans_dialogs.tr("Continue to &signature…"),
        )
        self.detail = detail
        due = detail.summary.due_on
        self.ok_button.setObjectName("extendOkButton")
        self.due_edit = date_edit(max(due + timedelta(days=180), date.today()), "newDueOnEdit")
        self.due_edit.setMinimumDate(to_qdate(due + timedelta(days=1)))
        self.reason_edit = reason_edit(
            _loans_dialogs.tr("e.g. Borrower's request of 2026-03-02: beam time moved")
        )
        self.form.addRow(_loans_dialogs.tr("Due now:"), QLabel(date_text(due)))
        self.form.addRow(_loans_dialogs.tr("&New due date:"), self.due_edit)
        self.form.addRow(_loans_dialogs.tr("&Reason:"), self.reason_edit)
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
        agreement = loan_summary_text(
            self.ctx.db, self.detail, _loans_dialogs.tr("Extension of the loan")
        )
        extended = _loans_dialogs.tr("Period: {period} (extended from {due})\nReason: {reason}")
        signed = agreement.replace(
            period_line(summary.starts_on, summary.due_on),
            extended.format(
                period=period_text(summary.starts_on, new_due),
                due=date_text(summary.due_on),
                reason=reason,
            ),
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
            _loans_dialogs.tr("Cancel loan {number}").format(number=number),
            _loans_dialogs.tr(
                "Cancel loan {number}? Its items go back to being available for other loans. "
                "The reason is kept with the loan."
            ).format(number=number),
            lambda reason: (
                lambda _progress: loans.cancel_loan(db, actor, number, reason=reason).number
            ),
            name="cancelLoanDialog",
            ok_text=_loans_dialogs.tr("Cancel &loan"),
            keep_text=_loans_dialogs.tr("&Keep loan"),
        )
        self.cancel_button = self.ok_button
        self.cancel_button.setObjectName("cancelLoanButton")
