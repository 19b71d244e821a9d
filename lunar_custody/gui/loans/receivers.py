"""The "Authorised receivers" section of a loan's detail: who may receive and open its
packages (the PI and, for example, a co-official), with add and remove. Who may change the
list, and whom, is the domain's answer (rules.py), shown as the buttons' tooltips."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import queries, receivers, rules
from ...domain.errors import NotFoundError
from ..context import AppContext
from ..tablemodel import local_time
from ..tables import cell, read_only_table
from ..translation import Translator, translated

_loans_receivers = Translator("_loans_receivers")

# the function the PI is listed with (receivers.PI_FUNCTION), as the window says it
PI_FUNCTION = _loans_receivers.noop("principal investigator")


def function_text(function: str) -> str:
    return translated(PI_FUNCTION) if function == receivers.PI_FUNCTION else function


class ReceiversSection(QGroupBox):
    """A loan's authorised receivers with add (a person of the borrower, a function) and
    remove (the selected one)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_loans_receivers.tr("Authorised receivers"), parent)
        self.setObjectName("receiversSection")
        self.ctx = ctx
        self.number: str | None = None
        self.listed: queries.LoanReceivers | None = None
        self.choices: list[queries.ReceiverChoice] = []
        self.table = read_only_table(
            "receiversTable",
            (
                _loans_receivers.tr("Name"),
                _loans_receivers.tr("Function"),
                _loans_receivers.tr("Institution"),
                _loans_receivers.tr("Added"),
            ),
        )
        self.table.itemSelectionChanged.connect(self._update_buttons)
        # who was on the list before: the list's history stays readable here
        self.removed_label = QLabel()
        self.removed_label.setObjectName("removedReceivers")
        self.removed_label.setWordWrap(True)
        self.removed_label.setTextFormat(Qt.TextFormat.PlainText)
        self.removed_label.setStyleSheet("color: #5f6368;")
        self.person_box = QComboBox()
        self.person_box.setObjectName("receiverPerson")
        self.person_box.setToolTip(_loans_receivers.tr("A person of the borrowing institution"))
        self.person_box.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.function_edit = QLineEdit()
        self.function_edit.setObjectName("receiverFunction")
        self.function_edit.setPlaceholderText(_loans_receivers.tr("Function, e.g. co-official"))
        self.function_edit.textChanged.connect(lambda _t: self._update_buttons())
        self.add_button = QPushButton(_loans_receivers.tr("Add"))
        self.add_button.setObjectName("addReceiverButton")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(_loans_receivers.tr("Remove"))
        self.remove_button.setObjectName("removeReceiverButton")
        self.remove_button.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(self.person_box, 2)
        row.addWidget(self.function_edit, 2)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.removed_label)
        layout.addLayout(row)

    # ------------------------------------------------------------------ reading

    def show_loan(self, number: str) -> None:
        """Read the loan's list and the people who could join it."""
        self.number = number
        try:
            self.listed = queries.loan_receivers(self.ctx.db, number)
            self.choices = queries.receiver_choices(self.ctx.db, number)
        except NotFoundError:
            self.listed, self.choices = None, []
        current = self.listed.current if self.listed else []
        self.table.setRowCount(len(current))
        for index, receiver in enumerate(current):
            values = (
                receiver.full_name,
                function_text(receiver.function),
                receiver.institution,
                local_time(receiver.added_at) if receiver.added_at else "—",
            )
            for column, value in enumerate(values):
                item = cell(value)
                item.setData(Qt.ItemDataRole.UserRole, receiver.username)
                self.table.setItem(index, column, item)
        removed = [r for r in (self.listed.history if self.listed else []) if r.removed_at]
        self.removed_label.setText(
            "\n".join(
                _loans_receivers.tr("Removed: {name} ({function}), by {by} on {when}").format(
                    name=r.full_name,
                    function=function_text(r.function),
                    by=r.removed_by or "—",
                    when=local_time(r.removed_at),
                )
                for r in removed
                if r.removed_at is not None
            )
        )
        self.removed_label.setVisible(bool(removed))
        self.person_box.blockSignals(True)
        self.person_box.clear()
        for choice in self.choices:
            self.person_box.addItem(choice.full_name, choice.username)
            if choice.why_not:
                self.person_box.setItemData(
                    self.person_box.count() - 1,
                    translated(choice.why_not),
                    Qt.ItemDataRole.ToolTipRole,
                )
        # the first person who could be added, not someone already on the list
        addable = next((i for i, c in enumerate(self.choices) if c.why_not is None), 0)
        self.person_box.setCurrentIndex(addable if self.choices else -1)
        self.person_box.blockSignals(False)
        self._update_buttons()

    def selected_username(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    # ------------------------------------------------------------------ rules

    def _change_refusal(self) -> str | None:
        if self.listed is None:
            return None
        return rules.why_not_change_receivers(self.ctx.actor, self.listed.facts)

    def why_not_add(self) -> str | None:
        refusal = self._change_refusal()
        if refusal is None:
            index = self.person_box.currentIndex()
            if index < 0:
                return _loans_receivers.tr("Choose a person of the borrowing institution.")
            refusal = self.choices[index].why_not
        if refusal is None and not self.function_edit.text().strip():
            return _loans_receivers.tr("Say what they are for the loan, e.g. co-official.")
        return refusal

    def why_not_remove(self) -> str | None:
        refusal = self._change_refusal()
        if refusal is None:
            username = self.selected_username()
            if username is None or self.listed is None:
                return _loans_receivers.tr("Select a receiver to remove.")
            refusal = self.listed.why_not_remove(username)
        return refusal

    def _update_buttons(self) -> None:
        for button, refusal, tip in (
            (
                self.add_button,
                self.why_not_add(),
                _loans_receivers.tr("Authorise the chosen person to receive this loan's packages"),
            ),
            (
                self.remove_button,
                self.why_not_remove(),
                _loans_receivers.tr("Take the selected receiver off the list"),
            ),
        ):
            button.setEnabled(refusal is None)
            button.setToolTip(translated(refusal) if refusal is not None else tip)

    # ------------------------------------------------------------------ acting

    def add(self) -> None:
        if self.number is None or self.why_not_add() is not None:
            return
        db, actor, number = self.ctx.db, self.ctx.actor, self.number
        username = str(self.person_box.currentData())
        function = self.function_edit.text()
        if self.ctx.ops.run(
            self,
            _loans_receivers.tr("Add an authorised receiver"),
            lambda _progress: receivers.add_receiver(db, actor, number, username, function),
        ):
            self.function_edit.clear()
        self.show_loan(number)

    def remove(self) -> None:
        username = self.selected_username()
        if self.number is None or username is None or self.why_not_remove() is not None:
            return
        db, actor, number = self.ctx.db, self.ctx.actor, self.number
        self.ctx.ops.run(
            self,
            _loans_receivers.tr("Remove an authorised receiver"),
            lambda _progress: receivers.remove_receiver(db, actor, number, username),
        )
        self.show_loan(number)
