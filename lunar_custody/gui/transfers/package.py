"""A new package: aliquots scanned into a manifest, the loan, receiver, courier and seal
chosen, then released with the sender's and the courier's signatures in one operation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...domain import custody, queries
from ...domain.errors import CustodyError, NotFoundError
from ...domain.identity import PIN
from ...domain.numbering import normalize
from ...domain.queries import PackageCandidate
from ...domain.states import AliquotStatus
from ..context import AppContext
from ..dialogs import ERROR_STYLE, OK_STYLE, Withdrawn, fit_to_screen
from ..errors import error_text
from ..locale_format import date_text, mass_text
from ..operations import Work
from ..tablemodel import status_label
from ..tables import cell, read_only_table
from ..translation import Translator
from ..widgets import ScanField
from .dialogs import ScanningForm

_transfers_package = Translator("_transfers_package")


class PackageDialog(ScanningForm):
    """Build a package by scanning aliquots, choose loan, receiver, courier and seal, then
    release it: the sender signs (password), the courier signs (PIN), one transaction."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            _transfers_package.tr("New package"),
            "packageDialog",
            ops=ctx.ops,
            ok_text=_transfers_package.tr("Release to courier…"),
        )
        fit_to_screen(self, 820, 640)
        self.ctx = ctx
        self.transfer_number: str | None = None
        self.candidates: list[PackageCandidate] = []
        self._loan_chosen = False  # the person picked the loan: scans no longer suggest one
        self.release_button = self.ok_button
        self.release_button.setObjectName("releaseButton")

        self.scan = ScanField(
            _transfers_package.tr("Scan an aliquot label, or type its number and press Enter")
        )
        self.scan.scanned.connect(self.add_code)
        self.scan_message = QLabel(
            _transfers_package.tr("Scan the aliquots that go into the package.")
        )
        self.scan_message.setObjectName("scanMessage")
        self.scan_message.setWordWrap(True)

        self.manifest = read_only_table(
            "manifest",
            [
                _transfers_package.tr("Aliquot"),
                _transfers_package.tr("Mass"),
                _transfers_package.tr("Container"),
                _transfers_package.tr("Loan"),
            ],
        )
        self.remove_button = QPushButton(_transfers_package.tr("&Remove item"))
        self.remove_button.setObjectName("removeItemButton")
        self.remove_button.clicked.connect(self.remove_selected)
        self.total_label = QLabel()
        self.total_label.setObjectName("manifestTotal")
        below = QHBoxLayout()
        below.addWidget(self.total_label, 1)
        below.addWidget(self.remove_button)

        self.loan_combo = QComboBox()
        self.loan_combo.setObjectName("loanCombo")
        self.loan_combo.addItem(
            _transfers_package.tr("(none: transfer between custodians without a loan)"), None
        )
        self._loans = {c.number: c for c in queries.active_loan_choices(ctx.db, self._own_code())}
        for choice in self._loans.values():
            self.loan_combo.addItem(self._loan_label(choice), choice.number)
        self.loan_combo.activated.connect(lambda _i: setattr(self, "_loan_chosen", True))
        self.loan_combo.currentIndexChanged.connect(lambda _i: self._fill_receivers())
        self.receiver_combo = QComboBox()
        self.receiver_combo.setObjectName("receiverCombo")
        self.courier_combo = QComboBox()
        self.courier_combo.setObjectName("courierCombo")
        self.courier_combo.addItem(_transfers_package.tr("(choose the courier)"), None)
        for person in queries.people_choices(ctx.db, roles=("courier",)):
            self.courier_combo.addItem(
                f"{person.full_name} — {person.institution}", person.username
            )
        self.seal_edit = QLineEdit()
        self.seal_edit.setObjectName("sealEdit")
        self.seal_edit.setPlaceholderText(
            _transfers_package.tr("the number printed on the tamper-evident seal")
        )
        self.container_edit = QLineEdit()
        self.container_edit.setObjectName("containerEdit")
        self.container_edit.setPlaceholderText(
            _transfers_package.tr("e.g. dry shipper DS-3, nitrogen-purged box")
        )
        self.notes_edit = QLineEdit()
        self.notes_edit.setObjectName("notesEdit")
        self.form.addRow(_transfers_package.tr("&Loan:"), self.loan_combo)
        self.form.addRow(_transfers_package.tr("Re&ceiver:"), self.receiver_combo)
        self.form.addRow(_transfers_package.tr("C&ourier:"), self.courier_combo)
        self.form.addRow(_transfers_package.tr("&Seal number:"), self.seal_edit)
        self.form.addRow(_transfers_package.tr("Co&ntainer:"), self.container_edit)
        self.form.addRow(_transfers_package.tr("No&tes:"), self.notes_edit)

        for position, widget in enumerate(
            [
                QLabel(_transfers_package.tr("<b>1.</b> Scan each aliquot into the manifest")),
                self.scan,
                self.scan_message,
            ]
        ):
            self.body.insertWidget(position, widget)
        self.body.insertWidget(3, self.manifest, 1)
        self.body.insertLayout(4, below)
        self.body.insertWidget(
            5, QLabel(_transfers_package.tr("<b>2.</b> Where it goes and who carries it"))
        )
        self._fill_receivers()
        self._show_total()
        self.scan.setFocus()

    # ------------------------------------------------------------------ choices

    def _own_code(self) -> str:
        return self.ctx.actor.institution_code

    @staticmethod
    def _loan_label(choice: queries.LoanChoice) -> str:
        return _transfers_package.tr("{number} — {borrower} (due {due})").format(
            number=choice.number, borrower=choice.borrower, due=date_text(choice.due_on)
        )

    def loan_number(self) -> str | None:
        value = self.loan_combo.currentData()
        return str(value) if value else None

    def _fill_receivers(self) -> None:
        """Receivers at the loan's other side (its PI first chosen), else anyone elsewhere."""
        previous = self.receiver_combo.currentData()
        loan = self._loans.get(self.loan_number() or "")
        if loan is not None:
            other = loan.borrower_code if loan.lender_code == self._own_code() else loan.lender_code
            people = queries.people_choices(
                self.ctx.db, roles=("curator", "lab_manager"), institution_code=other
            )
        else:
            people = queries.people_choices(
                self.ctx.db,
                roles=("curator", "lab_manager"),
                exclude_institution_code=self._own_code(),
            )
        self.receiver_combo.clear()
        self.receiver_combo.addItem(_transfers_package.tr("(choose the receiver)"), None)
        for person in people:
            self.receiver_combo.addItem(
                f"{person.full_name} — {person.institution}", person.username
            )
        wanted = previous
        if loan is not None and loan.borrower_code != self._own_code():
            wanted = previous if self.receiver_combo.findData(previous) > 0 else None
            wanted = wanted or loan.principal_investigator
        index = self.receiver_combo.findData(wanted) if wanted else -1
        self.receiver_combo.setCurrentIndex(max(index, 0))

    # ------------------------------------------------------------------ the manifest

    def numbers(self) -> list[str]:
        return [c.number for c in self.candidates]

    def _say(self, text: str, *, problem: bool) -> None:
        self.scan_message.setText(text)
        self.scan_message.setStyleSheet(ERROR_STYLE if problem else OK_STYLE)
        if problem:
            QApplication.beep()  # someone at a loading dock may not be looking at the screen

    def add_code(self, code: str) -> None:
        """One scanned code: added to the manifest, or refused with the reason."""
        number = normalize(code)
        if number in self.numbers():
            self._say(
                _transfers_package.tr("{number} is already in this package.").format(number=number),
                problem=True,
            )
            return
        db = self.ctx.db
        found = self.ops.value(
            self,
            _transfers_package.tr("Scan"),
            lambda _progress: queries.package_candidate(db, number),
            refused=lambda error: self._scan_refused(code, error),
            changes=False,
        )
        if found is None:
            return
        problem = self._refusal(found)
        if problem:
            self._say(
                _transfers_package.tr("{problem} Nothing was added.").format(problem=problem),
                problem=True,
            )
            return
        self.candidates.append(found)
        row = self.manifest.rowCount()
        self.manifest.insertRow(row)
        self.manifest.setItem(row, 0, cell(found.number))
        self.manifest.setItem(row, 1, cell(mass_text(found.mass_ug), number=True))
        self.manifest.setItem(row, 2, cell(found.container))
        self.manifest.setItem(row, 3, cell(found.loan_number or ""))
        if found.loan_number and not self._loan_chosen and not self.loan_number():
            self._suggest_loan(found.loan_number)
        self._say(
            _transfers_package.tr("Added {number} ({mass}).").format(
                number=found.number, mass=mass_text(found.mass_ug)
            ),
            problem=False,
        )
        self._show_total()

    def _scan_refused(self, code: str, error: CustodyError) -> None:
        if isinstance(error, NotFoundError):
            self._say(
                _transfers_package.tr("There is no aliquot '{code}'. Nothing was added.").format(
                    code=code.strip()
                ),
                problem=True,
            )
        else:
            self._say(error_text(error), problem=True)

    def _refusal(self, found: PackageCandidate) -> str | None:
        if found.status != AliquotStatus.IN_STORAGE:
            return _transfers_package.tr(
                "{number} is {status}; only an aliquot in storage can be packed."
            ).format(number=found.number, status=status_label(found.status))
        if found.holder_code != self._own_code():
            holder = found.holder or _transfers_package.tr("nobody")
            return _transfers_package.tr(
                "{number} is held by {holder}, not by your institution; only its custodian "
                "can pack it."
            ).format(number=found.number, holder=holder)
        if found.packed_in:
            return _transfers_package.tr(
                "{number} is already packed in transfer {transfer}."
            ).format(number=found.number, transfer=found.packed_in)
        loan = self.loan_number()
        if loan and found.loan_number and found.loan_number != loan:
            return _transfers_package.tr(
                "{number} belongs to loan {loan}; this package is for {chosen}."
            ).format(number=found.number, loan=found.loan_number, chosen=loan)
        if loan and not found.loan_number:
            return _transfers_package.tr("{number} is not an item of loan {loan}.").format(
                number=found.number, loan=loan
            )
        return None

    def _suggest_loan(self, number: str) -> None:
        index = self.loan_combo.findData(number)
        if index < 0:  # a loan of another institution: the release will say why not
            return
        self.loan_combo.setCurrentIndex(index)

    def remove_selected(self) -> None:
        row = self.manifest.currentRow()
        if row < 0:
            self._say(_transfers_package.tr("Select the item to remove first."), problem=True)
            return
        removed = self.candidates.pop(row)
        self.manifest.removeRow(row)
        self._say(
            _transfers_package.tr("Removed {number} from the package.").format(
                number=removed.number
            ),
            problem=False,
        )
        self._show_total()

    def _show_total(self) -> None:
        total = sum(c.mass_ug for c in self.candidates)
        count = len(self.candidates)
        self.total_label.setText(
            _transfers_package.tr("%n aliquot(s), {mass}", "", count).format(mass=mass_text(total))
            if count
            else _transfers_package.tr("The package is empty.")
        )

    # ------------------------------------------------------------------ release

    def _missing(self) -> str | None:
        if not self.candidates:
            return _transfers_package.tr("Scan at least one aliquot into the package.")
        if not self.receiver_combo.currentData():
            return _transfers_package.tr("Choose the receiver.")
        if not self.courier_combo.currentData():
            return _transfers_package.tr("Choose the courier who takes the package.")
        if not self.seal_edit.text().strip():
            return _transfers_package.tr("Type or scan the seal number.")
        return None

    def summary(self) -> str:
        loan = self.loan_number()
        seal, container = self.seal_edit.text().strip(), self.container_edit.text().strip()
        lines = [
            _transfers_package.tr("Package for {receiver}").format(
                receiver=self.receiver_combo.currentText()
            ),
            _transfers_package.tr("Loan: {loan}").format(loan=loan)
            if loan
            else _transfers_package.tr("No loan (transfer between custodians)"),
            _transfers_package.tr("Seal: {seal}, container: {container}").format(
                seal=seal, container=container
            )
            if container
            else _transfers_package.tr("Seal: {seal}").format(seal=seal),
            _transfers_package.tr("Courier: {courier}").format(
                courier=self.courier_combo.currentText()
            ),
            "",
            *(f"{c.number}    {mass_text(c.mass_ug)}" for c in self.candidates),
        ]
        return "\n".join(lines)

    def prepare(self) -> Work[custody.Transfer]:
        """The manifest and choices, both signatures, then the one release (a refusal keeps
        the dialog open with everything scanned)."""
        missing = self._missing()
        if missing:
            self._say(missing, problem=True)
            raise Withdrawn(missing)  # said in the scan message, where the person looks
        summary = self.summary()
        sender = self.signature(
            meaning="relinquished", summary=summary, username=self.ctx.actor.username
        )
        courier_name = str(self.courier_combo.currentData())
        courier = self.signature(
            meaning="accepted", summary=summary, username=courier_name, method=PIN
        )
        db, actor = self.ctx.db, self.ctx.actor
        numbers, receiver = self.numbers(), str(self.receiver_combo.currentData())
        seal, loan = self.seal_edit.text(), self.loan_number()
        container, notes = self.container_edit.text(), self.notes_edit.text()
        return lambda _progress: custody.release_package(
            db,
            actor,
            aliquot_numbers=numbers,
            receiver=receiver,
            courier=courier_name,
            seal_number=seal,
            sender_credential=sender,
            courier_credential=courier,
            loan_number=loan,
            container=container,
            notes=notes,
        )

    def succeeded(self, result: custody.Transfer) -> None:
        self.transfer_number = result.number
