"""Loans: the list, one loan's terms, items and signatures, and the loan's lifecycle.

draft -> approved (the lender's curator signs) -> active (the borrower countersigns) ->
closed once reconciled; extended on a written request; cancelled before anything shipped.
Every action is disabled with the reason as tooltip, in the words of domain/rules.py, which
the services raise too; the services decide in the end. Every service call runs through the
operation runner (ctx.ops), which tells every view to read again after a change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...domain import document_languages, export, loans, queries, rules, standing
from ...domain.document_languages import Languages
from ...domain.errors import Cancelled, CustodyError, NotFoundError
from ...domain.identity import Credential
from ...domain.listings import LOANS
from ...domain.queries import LoanDetail
from ...domain.states import LoanStatus
from ...domain.store import ProgressCallback
from ...whole_files import writing_whole
from ..actions import SELECT_LOAN, allow
from ..context import AppContext
from ..dialogs import FormDialog
from ..errors import inform, show_error
from ..exchange import export_to_partner
from ..exchange.languages import offer_languages, remember_choice
from ..signature import ask_signature
from ..translation import Translator, translated
from ..view import View
from ..widgets import ListPane
from .deliverables import close_refusal
from .detail import LoanDetailPane, lent_masses, loan_facts, loan_summary_text
from .dialogs import CancelLoanDialog, CloseLoanDialog, ExtendLoanDialog
from .editor import LoanEditor

_loans_view = Translator("_loans_view")

OVERDUE = "overdue"  # the status filter's extra choice: active, past due, material out
STATUS_CHOICES: list[tuple[str, Any]] = [
    (_loans_view.noop("All statuses"), None),
    (_loans_view.noop("Draft"), LoanStatus.DRAFT),
    (_loans_view.noop("Approved"), LoanStatus.APPROVED),
    (_loans_view.noop("Active"), LoanStatus.ACTIVE),
    (_loans_view.noop("Overdue"), OVERDUE),
    (_loans_view.noop("Awaiting deliverables"), rules.AWAITING_DELIVERABLES),
    (_loans_view.noop("Closed"), LoanStatus.CLOSED),
    (_loans_view.noop("Cancelled"), LoanStatus.CANCELLED),
]


class LoanListPane(ListPane):
    """The loans list; the status filter's "overdue" choice asks for today's overdue loans."""

    def apply_filters(self) -> None:
        chosen = {name: box.currentData() for name, box in self.filter_boxes.items()}
        if chosen.get("status") == OVERDUE:
            chosen["status"] = None
            chosen["overdue_on"] = date.today()
        elif chosen.get("status") == rules.AWAITING_DELIVERABLES:
            chosen["status"], chosen["awaiting_deliverables"] = None, True
        self.model.set_filters({**self.fixed_filters, **chosen})


class LoansView(View):
    """The loans list with one loan's detail below and the lifecycle actions."""

    title = _loans_view.noop("Loans")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail: LoanDetail | None = None
        self.held: str | None = None  # why the PI may get no new loan now
        self._pending_select: str | None = None
        self._refreshed = False

        self.new_action = self._action(
            _loans_view.tr("&New loan…"), "loansNewAction", self.new_loan
        )
        self.edit_action = self._action(
            _loans_view.tr("&Edit loan…"), "loansEditAction", self.edit_loan
        )
        self.approve_action = self._action(
            _loans_view.tr("&Approve…"), "loansApproveAction", self.approve
        )
        self.countersign_action = self._action(
            _loans_view.tr("Co&untersign…"), "loansCountersignAction", self.countersign
        )
        self.extend_action = self._action(
            _loans_view.tr("E&xtend…"), "loansExtendAction", self.extend
        )
        self.close_action = self._action(
            _loans_view.tr("&Close loan…"), "loansCloseAction", self.close_loan
        )
        self.cancel_action = self._action(
            _loans_view.tr("Cancel &loan…"), "loansCancelAction", self.cancel_loan
        )
        self.export_action = self._action(
            _loans_view.tr("Ex&port loans…"), "loansExportAction", self.export_loans
        )
        self.agreement_action = self._action(
            _loans_view.tr("A&greement PDF…"), "loansAgreementAction", self.agreement_pdf
        )
        self.labels_action = self._action(
            _loans_view.tr("La&bels…"), "loansLabelsAction", self.loan_labels
        )
        self.exchange_action = self._action(
            _loans_view.tr("Export to &partner…"), "loansExchangeAction", self.export_to_partner
        )
        self._help = {
            self.new_action: _loans_view.tr("Prepare a new loan agreement (a draft)"),
            self.edit_action: _loans_view.tr("Change the terms and items of this draft"),
            self.approve_action: _loans_view.tr(
                "Sign the agreement for the lender: draft → approved"
            ),
            self.countersign_action: _loans_view.tr(
                "Sign the agreement for the borrower: approved → active"
            ),
            self.extend_action: _loans_view.tr(
                "Move the due date on the borrower's written request"
            ),
            self.close_action: _loans_view.tr("Check the reconciliation and sign the loan closed"),
            self.cancel_action: _loans_view.tr("Withdraw a loan before anything was shipped"),
            self.export_action: _loans_view.tr("Write every loan item to a CSV or JSON file"),
            self.agreement_action: _loans_view.tr(
                "The loan agreement as a PDF to preview, print or save"
            ),
            self.labels_action: _loans_view.tr(
                "Labels (QR code, number, sample, mass) for the loan's items"
            ),
            self.exchange_action: _loans_view.tr(
                "Write a signed exchange file about this loan (terms, items, "
                "signatures, custody events) for a partner installation"
            ),
        }

        toolbar = QToolBar(_loans_view.tr("Loan actions"))
        toolbar.setObjectName("loansToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in self.menu_actions():
            if action in (self.export_action, self.agreement_action, self.exchange_action):
                toolbar.addSeparator()
            toolbar.addAction(action)
        self.toolbar = toolbar
        # the agreement in the borrower's languages; the arrow beside its button chooses
        self.agreement_languages = offer_languages(
            toolbar.widgetForAction(self.agreement_action),
            self._agreement_languages,
            lambda languages: self.agreement_pdf(languages),
        )

        self.pane = LoanListPane(
            ctx.db,
            LOANS,
            search_hint=_loans_view.tr(
                "Search loans: number, borrower, principal investigator, purpose"
            ),
            filters={"status": [(translated(label), value) for label, value in STATUS_CHOICES]},
            noun=_loans_view.tr("loans"),
        )
        self.pane.currentChanged.connect(lambda _row: self._show_current())
        self.pane.activated.connect(lambda _row: self._open_current())
        self.status_filter = self.pane.filter_boxes["status"]
        self.detail_pane = LoanDetailPane(ctx=ctx)
        self.detail_pane.clearance.bind(ctx, self._form)
        self.detail_pane.inventory_launcher.bind(ctx)
        self.detail_pane.deliverables.attach(ctx, self._form)
        self.detail_pane.accounting_box.attach(ctx)
        placeholder = QLabel(
            _loans_view.tr("Select a loan to see its terms, items and signatures.")
        )
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
            self.exchange_action,
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
            try:
                self.detail = queries.loan_detail(self.ctx.db, number)
                lent = lent_masses(self.ctx.db, number)
                # an overdue annual inventory holds the PI's new loans (domain/standing.py)
                self.held = standing.why_not_approve(self.ctx.db, number, date.today())
            except NotFoundError:
                self.detail = None
        if self.detail is None:
            self.detail_stack.setCurrentIndex(0)
        else:
            self.detail_pane.show_detail(self.detail, lent)
            self.detail_pane.clearance.show_checklist(
                queries.clearance_list(self.ctx.db, self.detail.summary.number)
            )
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
        allow(action, reason, self._help[action])

    def reasons(self) -> dict[QAction, str | None]:
        """Why each action is unavailable now (None: available): rules.py's answer, role
        first, then the loan's state."""
        detail = self.detail
        reasons: dict[QAction, str | None] = {
            self.new_action: self.ctx.why_not("draft_loan"),
            self.export_action: None,
        }
        exchange = self.ctx.why_not("exchange")
        if detail is None:
            # the role first: "select a loan" only to someone who could then act on it
            needs = {
                self.edit_action: "draft_loan",
                self.approve_action: "approve_loan",
                self.countersign_action: "countersign_loan",
                self.extend_action: "extend_loan",
                self.close_action: "close_loan",
                self.cancel_action: "draft_loan",
                self.exchange_action: "exchange",
            }
            for action in self.menu_actions():
                operation = needs.get(action)
                refusal = self.ctx.why_not(operation) if operation is not None else None
                reasons.setdefault(action, refusal or SELECT_LOAN)
            return reasons
        actor, loan = self.ctx.actor, loan_facts(detail)
        reasons[self.exchange_action] = exchange
        reasons[self.agreement_action] = None
        reasons[self.labels_action] = (
            None
            if detail.items
            else _loans_view.tr("Loan {number} has no items to label yet.").format(
                number=loan.number
            )
        )
        reasons[self.edit_action] = rules.why_not_edit_loan(actor, loan)
        reasons[self.approve_action] = rules.why_not_approve_loan(actor, loan) or (
            self.held if detail.summary.status == LoanStatus.DRAFT else None
        )
        reasons[self.countersign_action] = rules.why_not_countersign_loan(actor, loan)
        reasons[self.extend_action] = rules.why_not_extend_loan(actor, loan)
        # While material is out, Close stays available: its dialog shows the reconciliation
        # and what is still out (close_loan's first refusal), not the deliverables owed later.
        still_out = rules.why_not_close_reconciled(loan.number, detail.items)
        reasons[self.close_action] = rules.why_not_close_loan(actor, loan) or (
            None if still_out else close_refusal(detail)
        )
        reasons[self.cancel_action] = rules.why_not_cancel_loan(actor, loan)
        return reasons

    def _update_actions(self) -> None:
        for action, reason in self.reasons().items():
            self._allow(action, reason)

    def _done(self, number: str) -> None:
        """After an operation: this loan stays selected. The runner's ``changed`` has made
        the main window read this view again; a view on its own (a test), or one after a
        refused Save that had drafted the loan already, reads again here."""
        if self._refreshed:
            self.select_loan(number)
        else:
            self._pending_select = number
            self.refresh()

    def _run(self, title: str, work: Callable[[ProgressCallback], str]) -> None:
        """One loan service through the runner; the loan it names is selected after."""
        self._refreshed = False
        self.ctx.ops.run(self, title, work, done=self._done)

    def _form(self, dialog: FormDialog) -> None:
        """A loan form, whose OK runs its service through the runner and keeps the number."""
        self._refreshed = False
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            number = dialog.result_value
        finally:
            dialog.deleteLater()
        if accepted and number is not None:
            self._done(str(number))

    def _refused(self, action: QAction) -> bool:
        """Say why an action cannot run now (a shortcut may fire it while disabled)."""
        reason = self.reasons().get(action)
        if reason is not None:
            inform(self, action.text().replace("&", "").rstrip("…"), translated(reason))
            return True
        return False

    # ------------------------------------------------------------------ editing

    def make_editor(self, number: str | None = None) -> LoanEditor:
        return LoanEditor(self.ctx, number, self)

    def _run_editor(self, number: str | None) -> None:
        editor = self.make_editor(number)
        self._refreshed = False
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
            self._run_editor(None)

    def edit_loan(self) -> None:
        number = self.current_number()
        if number is not None and not self._refused(self.edit_action):
            self._run_editor(number)

    # ------------------------------------------------------------------ signing

    def _signature(self, meaning: str, heading: str) -> Credential | None:
        """The signed-in person's signature on the loan in words (None: not given)."""
        assert self.detail is not None
        summary = loan_summary_text(self.ctx.db, self.detail, heading)
        return ask_signature(
            self, meaning=meaning, summary=summary, username=self.ctx.actor.username
        )

    def approve(self) -> None:
        if self.detail is None or self._refused(self.approve_action):
            return
        number = self.detail.summary.number
        credential = self._signature(
            "approved", _loans_view.tr("Approval of the loan agreement by the lender")
        )
        if credential is None:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self._run(
            _loans_view.tr("Approve loan"),
            lambda _progress: loans.approve_loan(db, actor, number, credential).number,
        )

    def countersign(self) -> None:
        if self.detail is None or self._refused(self.countersign_action):
            return
        number = self.detail.summary.number
        credential = self._signature(
            "countersigned",
            _loans_view.tr("Countersignature of the loan agreement by the borrower"),
        )
        if credential is None:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self._run(
            _loans_view.tr("Countersign loan"),
            lambda _progress: loans.countersign_loan(db, actor, number, credential).number,
        )

    def make_extend_dialog(self, detail: LoanDetail) -> ExtendLoanDialog:
        return ExtendLoanDialog(self.ctx, detail, self)

    def extend(self) -> None:
        if self.detail is None or self._refused(self.extend_action):
            return
        self._form(self.make_extend_dialog(self.detail))

    def make_close_dialog(self, detail: LoanDetail) -> CloseLoanDialog:
        lent = lent_masses(self.ctx.db, detail.summary.number)
        return CloseLoanDialog(self.ctx, detail, lent, self)

    def close_loan(self) -> None:
        if self.detail is None or self._refused(self.close_action):
            return
        # Read again: the reconciliation signed must be today's, not the screen's.
        detail = queries.loan_detail(self.ctx.db, self.detail.summary.number)
        self._form(self.make_close_dialog(detail))

    def make_cancel_dialog(self, number: str) -> CancelLoanDialog:
        return CancelLoanDialog(self.ctx, number, self)

    def cancel_loan(self) -> None:
        if self.detail is None or self._refused(self.cancel_action):
            return
        self._form(self.make_cancel_dialog(self.detail.summary.number))

    # ------------------------------------------------------------------ export

    def ask_export_path(self) -> Path | None:
        """Where to write the export (the suffix picks CSV or JSON); None if cancelled."""
        start = str(Path.home() / f"loans-{date.today().isoformat()}.csv")
        name, chosen = QFileDialog.getSaveFileName(
            self,
            _loans_view.tr("Export loans"),
            start,
            _loans_view.tr("CSV files (*.csv);;JSON files (*.json)"),
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".csv", ".json"):
            path = path.with_name(path.name + (".json" if "json" in chosen.lower() else ".csv"))
        return path

    # ------------------------------------------------------------------ documents

    def _agreement_languages(self) -> Languages:
        """What the selected loan's agreement prints in unless chosen: its borrower's."""
        number = self.current_number()
        partner = document_languages.loan_partner(self.ctx.db, number) if number else ""
        return document_languages.languages_for(self.ctx.db, partner)

    def agreement_pdf(self, languages: Languages | None = None) -> None:
        """Write the selected loan's agreement and preview it: in ``languages`` (then
        remembered for the borrower), else in the borrower's remembered ones."""
        number = self.current_number()
        if number is None or self._refused(self.agreement_action):
            return
        # The PDF side (reportlab, QtPdf) loads with the first document, not at start-up.
        from ...documents import service
        from ..pdf_preview import show_document

        ctx, db, actor = self.ctx, self.ctx.db, self.ctx.actor
        partner = document_languages.loan_partner(db, number)

        def write(path: Path) -> service.GeneratedDocument:
            doc = service.write_agreement(db, actor, number, path, languages=languages)
            remember_choice(ctx, partner, languages)
            return doc

        show_document(
            self.ctx.ops,
            self,
            _loans_view.tr("Loan agreement"),
            f"agreement-{number}.pdf",
            write,
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
            _loans_view.tr("Labels"),
            f"labels-{number}-{layout}.pdf",
            lambda path: service.write_labels(db, actor, numbers, path, layout=layout),
        )

    def export_to_partner(self) -> None:
        """The selected loan in an exchange file for a partner (the borrower, at the lender)."""
        if self.detail is None or self._refused(self.exchange_action):
            return
        summary = self.detail.summary
        export_to_partner(
            self.ctx,
            self,
            _loans_view.tr(
                "Loan {number} to {borrower}: its terms, items, signatures and "
                "the custody events of its aliquots"
            ).format(number=summary.number, borrower=summary.borrower),
            loan=summary.number,
            suggested=[summary.borrower_code],
        )

    def export_loans(self) -> None:
        path = self.ask_export_path()
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> int:
        """Write every loan item to ``path`` (CSV or JSON by suffix) off the GUI thread.

        The file appears only when complete (``whole_files``), so a cancelled or failed
        export leaves nothing half-written behind.
        """
        fmt = path.suffix.lower().lstrip(".")
        store = self.ctx.db

        def work(progress: ProgressCallback) -> int:
            with (
                writing_whole(path, overwrite=True) as partial,
                partial.open("w", encoding="utf-8", newline="") as out,
            ):
                return export.export_loans(store, out, fmt, progress=progress)

        def refused(error: CustodyError) -> None:
            if isinstance(error, Cancelled):
                inform(
                    self,
                    _loans_view.tr("Export cancelled"),
                    _loans_view.tr("The export was cancelled; no file was written."),
                )
            else:
                show_error(self, error)

        written = self.ctx.ops.value(
            self,
            _loans_view.tr("Export loans"),
            work,
            refused=refused,
            label=_loans_view.tr("Writing {name}").format(name=path.name),
            unit=_loans_view.tr("loan items"),
            changes=False,
        )
        if written is None:
            return 0
        inform(
            self,
            _loans_view.tr("Loans exported"),
            _loans_view.tr("%n loan item(s) written to {path}.", "", written).format(path=path),
        )
        return written
