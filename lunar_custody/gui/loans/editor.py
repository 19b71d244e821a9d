"""The loan editor: a draft's terms, and its aliquots picked by scanning or by searching.

Items are collected in the dialog and written when the curator presses Save, so Cancel
leaves the database as it was. Each scanned code is checked at once against what a draft
may take (rules.why_not_lend: the lender's storage, on no other open loan); a code that
cannot be lent says why in plain words and adds nothing. The services check everything
again on Save, which runs through the operation runner; a refusal is shown beside the
fields.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import listings, loans, queries, rules, standing
from ...domain.errors import CustodyError, NotFoundError
from ...domain.listings import ALIQUOTS, INSTITUTIONS, PEOPLE
from ...domain.numbering import normalize
from ...domain.registry import MAX_TEXT, clean_text
from ...domain.signed_content import LoanContent
from ...domain.store import ProgressCallback
from ..context import AppContext
from ..dialogs import FormDialog, fit_to_screen
from ..errors import confirm, error_text
from ..locale_format import mass_text
from ..operations import Work
from ..translation import Translator, translated
from ..widgets import FieldChecks, ListPane, ScanField, problem_of

_loans_editor = Translator("_loans_editor")

# The lender's aliquots a draft may take; its own name keeps its column layout apart from
# the samples view's aliquot list.
LENDABLE = replace(ALIQUOTS, name="lendable_aliquots")
MAX_CHOICES = 500  # borrowers and their people: a short list, never the whole table
DEFAULT_PERIOD_DAYS = 365


@dataclass(frozen=True)
class EditorItem:
    number: str
    mass_ug: int


@dataclass
class _Saving:
    """How far a Save got, written by the worker and read back on the GUI thread: a Save
    that stopped half-way may have drafted the loan and written its terms."""

    number: str | None
    terms: dict[str, Any]
    terms_saved: bool = False
    created: bool = False


def _saved_items(content: LoanContent) -> dict[str, EditorItem]:
    return {
        i.aliquot_number: EditorItem(i.aliquot_number, i.mass_at_loan_ug) for i in content.items
    }


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def date_edit(day: date, name: str) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class LoanEditor(FormDialog):
    """Draft a new loan (``number`` None) or edit a draft; ``number`` is set once saved."""

    def __init__(
        self, ctx: AppContext, number: str | None = None, parent: QWidget | None = None
    ) -> None:
        title = (
            _loans_editor.tr("Edit loan {number}").format(number=number)
            if number
            else _loans_editor.tr("New loan")
        )
        super().__init__(
            parent, title, "loanEditor", ops=ctx.ops, ok_text=_loans_editor.tr("&Save")
        )
        self.ctx = ctx
        self.store = ctx.db
        self.number = number
        self.lender_code = ctx.actor.institution_code
        self.items: list[EditorItem] = []  # what the loan should hold after Save
        self.saved_items: dict[str, EditorItem] = {}  # what the database holds now
        self._original: dict[str, Any] = {}
        self._saving: _Saving | None = None

        self.borrower_box = QComboBox()
        self.borrower_box.setObjectName("borrowerBox")
        self.borrower_box.setPlaceholderText(_loans_editor.tr("Choose the borrower…"))
        self.pi_box = QComboBox()
        self.pi_box.setObjectName("piBox")
        self.pi_box.setPlaceholderText(_loans_editor.tr("Choose the principal investigator…"))
        self.co_investigators_edit = QPlainTextEdit()
        self.co_investigators_edit.setObjectName("coInvestigatorsEdit")
        self.co_investigators_edit.setPlaceholderText(_loans_editor.tr("One name a line"))
        self.co_investigators_edit.setTabChangesFocus(True)
        self.co_investigators_edit.setMaximumHeight(64)
        self.purpose_edit = QLineEdit()
        self.purpose_edit.setObjectName("purposeEdit")
        self.purpose_edit.setPlaceholderText(
            _loans_editor.tr("e.g. Space weathering of Chang'e-5 regolith")
        )
        today = date.today()
        self.starts_edit = date_edit(today, "startsOnEdit")
        self.due_edit = date_edit(today + timedelta(days=DEFAULT_PERIOD_DAYS), "dueOnEdit")
        self.destructive_box = QCheckBox(_loans_editor.tr("Destructive analysis allowed"))
        self.destructive_box.setObjectName("destructiveBox")
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.setPlaceholderText(
            _loans_editor.tr("Funding, legal clearance, export permits…")
        )
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(64)
        self.period_box = QWidget()
        period = QHBoxLayout(self.period_box)
        period.setContentsMargins(0, 0, 0, 0)
        period.addWidget(self.starts_edit)
        period.addWidget(QLabel(_loans_editor.tr("to", "from a date to a date")))
        period.addWidget(self.due_edit)
        period.addStretch(1)
        form = QFormLayout()
        form.addRow(_loans_editor.tr("&Borrower:"), self.borrower_box)
        form.addRow(_loans_editor.tr("&Principal investigator:"), self.pi_box)
        form.addRow(_loans_editor.tr("Co-&investigators:"), self.co_investigators_edit)
        form.addRow(_loans_editor.tr("P&urpose:"), self.purpose_edit)
        form.addRow(_loans_editor.tr("Period:"), self.period_box)
        form.addRow("", self.destructive_box)
        form.addRow(_loans_editor.tr("N&otes:"), self.notes_edit)
        terms = QGroupBox(_loans_editor.tr("Terms"))
        terms.setLayout(form)

        # Items: scanned, or found in the list of lendable aliquots.
        self.scan_field = ScanField(
            _loans_editor.tr("Scan an aliquot label (or type its number), then Enter")
        )
        self.scan_message = QLabel()
        self.scan_message.setObjectName("scanMessage")
        self.scan_message.setWordWrap(True)
        self.scan_field.scanned.connect(self.scan)
        self.items_table = QTableWidget(0, 3)
        self.items_table.setObjectName("editorItemsTable")
        self.items_table.setHorizontalHeaderLabels(
            [_loans_editor.tr("Aliquot"), _loans_editor.tr("Mass"), ""]
        )
        self.items_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items_table.verticalHeader().setVisible(False)
        header = self.items_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.total_label = QLabel()
        self.total_label.setObjectName("itemsTotal")
        self.remove_button = QPushButton(_loans_editor.tr("&Remove item"))
        self.remove_button.setObjectName("removeItemButton")
        self.remove_button.clicked.connect(self.remove_selected)
        item_buttons = QHBoxLayout()
        item_buttons.addWidget(self.total_label, 1)
        item_buttons.addWidget(self.remove_button)
        chosen = QGroupBox(_loans_editor.tr("Items on this loan"))
        chosen_layout = QVBoxLayout(chosen)
        chosen_layout.addWidget(self.scan_field)
        chosen_layout.addWidget(self.scan_message)
        chosen_layout.addWidget(self.items_table, 1)
        chosen_layout.addLayout(item_buttons)

        self.search_pane = ListPane(
            self.store,
            LENDABLE,
            search_hint=_loans_editor.tr("Find an aliquot in storage: number, sample…"),
            hidden=("id", "status", "initial_mass_ug", "custodian", "holder", "loan"),
            fixed_filters={"lendable_by": self.lender_code},
            noun=_loans_editor.tr("in storage"),
        )
        self.search_pane.activated.connect(lambda _row: self.add_found())
        self.add_button = QPushButton(_loans_editor.tr("&Add to loan"))
        self.add_button.setObjectName("addAliquotButton")
        self.add_button.clicked.connect(self.add_found)
        found = QGroupBox(_loans_editor.tr("Lendable aliquots in your storage"))
        found_layout = QVBoxLayout(found)
        found_layout.addWidget(self.search_pane, 1)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        found_layout.addLayout(add_row)

        picking = QSplitter(Qt.Orientation.Horizontal)
        picking.addWidget(chosen)
        picking.addWidget(found)
        picking.setChildrenCollapsible(False)
        picking.setSizes([420, 560])

        self.save_button = self.ok_button
        self.save_button.setObjectName("saveLoanButton")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(_loans_editor.tr("Save the draft (Ctrl+S)"))
        for button in self.buttons.buttons():
            # Enter belongs to the scanner and the search box, never to the dialog.
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)

        self.body.insertWidget(0, terms)
        self.body.insertWidget(1, picking, 1)
        fit_to_screen(self, 1040, 760)

        self._fill_borrowers()
        self.borrower_box.currentIndexChanged.connect(lambda _=0: self._fill_people())
        if number is None:
            # the person chooses the borrower: none is picked for them
            self.borrower_box.setCurrentIndex(-1)
            self._fill_people()
        else:
            self._load(number)
        self._held: dict[str, str | None] = {}  # by PI: why no new loan for them
        self.checks = FieldChecks(self.save_button)
        self.checks.watch(self.borrower_box, self._borrower_problem, form)
        self.checks.watch(self.pi_box, self._pi_problem, form)
        self.checks.watch(self.purpose_edit, self._purpose_problem, form)
        self.checks.watch(self.due_edit, self._period_problem, form, row_of=self.period_box)
        self.starts_edit.dateChanged.connect(lambda _day: self.checks.update())
        self._show_items()
        self._opened_with = self._terms()
        self.scan_field.setFocus()

    # ------------------------------------------------------------------ field checks

    def _borrower_problem(self) -> str | None:
        if self.borrower_box.currentData():
            return None
        return _loans_editor.tr("Choose the borrowing institution.")

    def _pi_problem(self) -> str | None:
        pi = self.pi_box.currentData()
        if pi and self.number is None:
            # an overdue inventory or deliverables hold the PI's new loans (domain/standing.py):
            # said as the PI is chosen, not after the loan is typed and its Save refused
            return self._pi_held(str(pi))
        if pi or not self.borrower_box.currentData():
            return None  # without a borrower, the borrower's message says it
        if self.pi_box.count() == 0:
            return _loans_editor.tr("{borrower} has no active person to name.").format(
                borrower=self.borrower_box.currentText()
            )
        return _loans_editor.tr("Choose the principal investigator.")

    def _pi_held(self, username: str) -> str | None:
        """Asked once per PI while the editor is open (the checks run at every key)."""
        if username not in self._held:
            self._held[username] = standing.why_not_loan_for(self.store, username, date.today())
        return self._held[username]

    def _purpose_problem(self) -> str | None:
        text = self.purpose_edit.text()
        return problem_of(
            lambda: clean_text(text, _loans_editor.noop("purpose"), required=True, limit=MAX_TEXT)
        )

    def _period_problem(self) -> str | None:
        starts, due = from_qdate(self.starts_edit.date()), from_qdate(self.due_edit.date())
        return problem_of(lambda: loans.check_period(starts, due))

    # ------------------------------------------------------------------ choices

    def _fill_borrowers(self) -> None:
        rows = listings.fetch_page(
            self.store, INSTITUTIONS, filters={"kind": "borrower"}, limit=MAX_CHOICES
        )
        keys = INSTITUTIONS.keys
        self.borrower_box.blockSignals(True)
        self.borrower_box.clear()
        for row in rows:
            values = dict(zip(keys, row, strict=True))
            if values["active"]:
                self.borrower_box.addItem(f"{values['name']} ({values['code']})", values["code"])
        self.borrower_box.blockSignals(False)

    def _fill_people(self) -> None:
        code = self.borrower_box.currentData()
        self.pi_box.clear()
        if not code:
            return
        rows = listings.fetch_page(
            self.store,
            PEOPLE,
            filters={"institution": code, "active": True},
            sort="full_name",
            limit=MAX_CHOICES,
        )
        keys = PEOPLE.keys
        for row in rows:
            values = dict(zip(keys, row, strict=True))
            self.pi_box.addItem(values["full_name"], values["username"])
        self.pi_box.setCurrentIndex(-1)  # the borrower's people: the person chooses one

    def _load(self, number: str) -> None:
        """A saved draft's terms and items, as the database holds them."""
        draft = queries.loan_draft(self.store, number)
        content = draft.content
        self.number = content.number
        borrower_code = content.borrower
        pi = (draft.principal_investigator_name, content.principal_investigator)
        index = self.borrower_box.findData(borrower_code)
        if index < 0:  # an inactive borrower: still shown, it is the draft's
            self.borrower_box.addItem(borrower_code, borrower_code)
            index = self.borrower_box.count() - 1
        self.borrower_box.setCurrentIndex(index)
        self.pi_box.clear()
        self.pi_box.addItem(*pi)
        self.pi_box.setCurrentIndex(0)  # a combo with a placeholder picks nothing by itself
        fixed = _loans_editor.tr(
            "The borrower and principal investigator of a draft are fixed; cancel the "
            "draft and prepare a new loan to change them."
        )
        for box in (self.borrower_box, self.pi_box):
            box.setEnabled(False)
            box.setToolTip(fixed)
        self.co_investigators_edit.setPlainText(content.co_investigators)
        self.purpose_edit.setText(content.purpose)
        self.starts_edit.setDate(to_qdate(content.starts_on))
        self.due_edit.setDate(to_qdate(content.due_on))
        self.destructive_box.setChecked(content.destructive_analysis_allowed)
        self.notes_edit.setPlainText(content.notes)
        self._original = self._terms()
        self.saved_items = _saved_items(content)
        self.items = list(self.saved_items.values())

    def _reload_saved_items(self) -> None:
        """After a Save that stopped half-way: what is saved now (the wish list stays)."""
        assert self.number is not None
        self.saved_items = _saved_items(queries.loan_content(self.store, self.number))
        self._original = self._terms()
        self._show_items()

    # ------------------------------------------------------------------ items

    def scan(self, code: str) -> bool:
        """Add the scanned aliquot, or say plainly why it cannot be lent (adding nothing)."""
        try:
            item, problem = self._lendable(code)
        except NotFoundError as error:
            item, problem = None, error_text(error)
        if item is None:
            self._say(problem, error=True)
            QApplication.beep()
            return False
        self.items.append(item)
        self._show_items(select=item.number)
        self._say(
            _loans_editor.tr("Added {number} ({mass}).").format(
                number=item.number, mass=mass_text(item.mass_ug)
            )
        )
        return True

    def _lendable(self, code: str) -> tuple[EditorItem | None, str]:
        number = normalize(code)
        if any(item.number == number for item in self.items):
            return None, _loans_editor.tr("Aliquot {number} is on this loan already.").format(
                number=number
            )
        if number in self.saved_items:  # removed in this session, scanned back
            return self.saved_items[number], ""
        status = queries.aliquot_status(self.store, number)
        lendable = listings.fetch_count(
            self.store, LENDABLE, filters={"number": number, "lendable_by": self.lender_code}
        )
        ours = listings.fetch_count(
            self.store, LENDABLE, filters={"number": number, "custodian": self.lender_code}
        )
        problem = rules.why_not_lend(status, in_lenders_storage=bool(ours), lendable=bool(lendable))
        if problem is not None:
            return None, problem
        return EditorItem(status.number, status.current_mass_ug), ""

    def add_found(self) -> bool:
        """Add the aliquot selected in the search list."""
        number = self.search_pane.current_value("number")
        if number is None:
            self._say(_loans_editor.tr("Select an aliquot in the list first."), error=True)
            return False
        return self.scan(number)

    def remove_selected(self) -> None:
        row = self.items_table.currentRow()
        if not 0 <= row < len(self.items):
            self._say(_loans_editor.tr("Select an item to remove."), error=True)
            return
        removed = self.items.pop(row)
        self._show_items()
        self._say(_loans_editor.tr("Removed {number}.").format(number=removed.number))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.scan_message.setStyleSheet("color: #b00020; font-weight: bold;" if error else "")
        self.scan_message.setText(translated(text))  # the domain's reasons said here too

    def _show_items(self, select: str | None = None) -> None:
        table = self.items_table
        table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            mass = QTableWidgetItem(mass_text(item.mass_ug))
            mass.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            note = "" if item.number in self.saved_items else _loans_editor.tr("added on Save")
            table.setItem(row, 0, QTableWidgetItem(item.number))
            table.setItem(row, 1, mass)
            table.setItem(row, 2, QTableWidgetItem(note))
            if item.number == select:
                table.selectRow(row)
        pending_removal = len(set(self.saved_items) - {i.number for i in self.items})
        total = sum(item.mass_ug for item in self.items)
        text = _loans_editor.tr("%n aliquot(s), {mass}", "", len(self.items)).format(
            mass=mass_text(total)
        )
        if pending_removal:
            text += _loans_editor.tr("; %n removed on Save", "", pending_removal)
        self.total_label.setText(text)

    # ------------------------------------------------------------------ saving

    def _terms(self) -> dict[str, Any]:
        return {
            "purpose": self.purpose_edit.text(),
            "co_investigators": self.co_investigators_edit.toPlainText(),
            "notes": self.notes_edit.toPlainText(),
            "starts_on": from_qdate(self.starts_edit.date()),
            "due_on": from_qdate(self.due_edit.date()),
            "destructive_analysis_allowed": self.destructive_box.isChecked(),
        }

    def save(self) -> bool:
        """Save as the Save button does; True when written and the editor closed."""
        self.save_button.click()
        return self.result() == self.DialogCode.Accepted

    def prepare(self) -> Work[str]:
        """The terms and items read here; the worker drafts or updates the loan, then
        removes and adds items (each service checks its own rules again)."""
        store, actor = self.store, self.ctx.actor
        terms = self._terms()
        saving = self._saving = _Saving(self.number, terms)
        borrower_code = str(self.borrower_box.currentData() or "")
        pi = str(self.pi_box.currentData() or "")
        changes = {k: v for k, v in terms.items() if self._original.get(k) != v}
        wanted = [item.number for item in self.items]
        removed = [n for n in self.saved_items if n not in wanted]
        added = [n for n in wanted if n not in self.saved_items]

        def write(_progress: ProgressCallback) -> str:
            loan_number = saving.number
            if loan_number is None:
                loan = loans.create_loan(
                    store, actor, borrower_code=borrower_code, principal_investigator=pi, **terms
                )
                loan_number = saving.number = loan.number
                saving.created = True
            elif changes:
                loans.update_loan(store, actor, loan_number, **changes)
            saving.terms_saved = True
            for number in removed:
                loans.remove_loan_item(store, actor, loan_number, number)
            if added:
                loans.add_loan_items(store, actor, loan_number, added)
            return loan_number

        return write

    def succeeded(self, result: str) -> None:
        self._took(self._saving)
        self.result_value = result

    def refuse(self, error: CustodyError) -> None:
        """Say why beside the fields and stay open (nothing typed lost); what a Save that
        stopped half-way did write is saved now."""
        super().refuse(error)
        self._took(self._saving)
        if self.number is not None:
            self._reload_saved_items()

    def _took(self, saving: _Saving | None) -> None:
        """What the last Save wrote, on the GUI thread."""
        if saving is None:
            return
        if saving.created:
            # From here on a retry edits this draft instead of drafting another.
            self.number = saving.number
            self.setWindowTitle(_loans_editor.tr("Edit loan {number}").format(number=saving.number))
            for box in (self.borrower_box, self.pi_box):
                box.setEnabled(False)
        if saving.terms_saved:
            self._original = saving.terms
        self._saving = None

    def has_changes(self) -> bool:
        """Anything typed or scanned that Save has not written yet."""
        wanted = {item.number for item in self.items}
        return wanted != set(self.saved_items) or self._terms() != (
            self._original or self._opened_with
        )

    def reject(self) -> None:
        # Twenty scanned vials are not lost to a stray Escape.
        if self.has_changes() and not confirm(
            self,
            _loans_editor.tr("Discard changes?"),
            _loans_editor.tr("Close the loan editor without saving your changes?"),
        ):
            return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A scanner ends every code with Enter; it must never press Save or Cancel.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
