"""Verify's report in a window of its own: what was checked, the result, and every finding
with its table and record — sorted, searched, copied or saved as CSV. A double click on a
finding about an aliquot or an event shows it in its view."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.ledger import CHAIN_PROBLEMS, Problem, VerifyReport
from ..dialogs import fit_to_screen
from ..locale_format import count_text
from ..operations import Operations
from ..tables import Cell, SearchableTable, monospace
from ..translation import Translator, translated
from ..widgets import write_text_file

_ledger_findings = Translator("_ledger_findings")

FINDING_COLUMNS = (
    _ledger_findings.noop("Kind"),
    _ledger_findings.noop("Table"),
    _ledger_findings.noop("Record"),
    _ledger_findings.noop("Field"),
    _ledger_findings.noop("Event"),
    _ledger_findings.noop("Finding"),
)
OK_BANNER = "background: #e6f4ea; color: #0d652d; border: 1px solid #81c995;"
FAILED_BANNER = "background: #fce8e6; color: #a50e0e; border: 1px solid #f28b82;"
# The summary's lines the header shows as fields of their own.
_SHOWN_APART = ("Ledger:", "Chain head:", "Database integrity:")


def where(problem: Problem) -> tuple[str, str]:
    """The table and record a finding names. One that names only an aliquot is about that
    aliquot's row; a break in the chain is about that custody event."""
    if problem.table:
        return problem.table, problem.record or ""
    if problem.aliquot_number:
        return "aliquots", problem.aliquot_number
    if problem.event_id is not None and problem.kind in CHAIN_PROBLEMS:
        return "custody_events", f"#{problem.event_id}"
    return "", problem.record or ""


def finding_row(problem: Problem) -> list[Cell]:
    table, record = where(problem)
    event = problem.event_id
    return [
        problem.kind,
        table,
        record,
        problem.field or "",
        (f"#{event}", event) if event is not None else ("", 0),
        translated(problem.message),  # the domain's sentence (Said) in the window's language
    ]


def first_bad_audit_entry(report: VerifyReport) -> str | None:
    """The earliest audit entry whose place in the audit trail's chain is wrong."""
    records = [p.record for p in report.problems if p.kind == "audit" and p.record]
    numbers = [int(r.lstrip("#")) for r in records if r.lstrip("#").isdigit()]
    if numbers:
        return f"#{min(numbers)}"
    return records[0] if records else None


def checked_lines(report: VerifyReport) -> list[str]:
    """What verify says it checked, besides the counts the header shows."""
    return [
        translated(line)
        for line in report.summary_lines()
        if line and not line.startswith(_SHOWN_APART) and not line.startswith("  ")
    ]


def _value_label(name: str, *, mono: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if mono:
        label.setFont(monospace())
    return label


class FindingsDialog(QDialog):
    """The last verify: a green "verified" with what was checked, or every finding."""

    open_event = Signal(int)
    open_aliquot = Signal(str)

    def __init__(self, ops: Operations, database_name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyFindings")
        self.ops = ops
        self.database_name = database_name
        self.report: VerifyReport | None = None

        self.banner = QLabel()
        self.banner.setObjectName("verifyBanner")
        self.banner.setWordWrap(True)
        font = self.banner.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.banner.setFont(font)
        self.banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.events_label = _value_label("eventsLabel")
        self.head_label = _value_label("headLabel", mono=True)
        self.integrity_label = _value_label("integrityLabel")
        self.first_event_label = _value_label("firstEventLabel")
        self.first_event_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.first_event_label.linkActivated.connect(lambda link: self.open_event.emit(int(link)))
        self.first_audit_label = _value_label("firstAuditLabel")
        self.checked_label = _value_label("checkedLabel")
        self.facts = QFormLayout()
        self.facts.addRow(_ledger_findings.tr("Ledger:"), self.events_label)
        self.facts.addRow(_ledger_findings.tr("Chain head:"), self.head_label)
        self.facts.addRow(_ledger_findings.tr("Database integrity:"), self.integrity_label)
        self.facts.addRow(_ledger_findings.tr("First bad event:"), self.first_event_label)
        self.facts.addRow(_ledger_findings.tr("First bad audit entry:"), self.first_audit_label)
        self.facts.addRow(_ledger_findings.tr("Checked:"), self.checked_label)

        self.findings = SearchableTable(
            "findings",
            [translated(column) for column in FINDING_COLUMNS],
            nouns=("finding", "findings"),
            search_hint=_ledger_findings.tr(
                "Search: table, record, aliquot number, #event, words of the finding"
            ),
        )
        self.findings.activated.connect(self._open)
        self.findings.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._show_selected()
        )
        self.selected_label = _value_label("selectedFinding")
        self.selected_label.setMinimumHeight(2 * self.fontMetrics().lineSpacing())

        self.copy_button = QPushButton(_ledger_findings.tr("&Copy"))
        self.copy_button.setObjectName("copyFindingsButton")
        self.copy_button.setToolTip(
            _ledger_findings.tr("Copy the selected findings, or all shown, as text")
        )
        self.copy_button.clicked.connect(lambda _=False: self.findings.copy())
        self.save_button = QPushButton(_ledger_findings.tr("&Save…"))
        self.save_button.setObjectName("saveFindingsButton")
        self.save_button.setToolTip(_ledger_findings.tr("Save the findings shown as a CSV file"))
        self.save_button.clicked.connect(lambda _=False: self.save())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self.facts)
        layout.addWidget(self.findings, 1)
        layout.addWidget(self.selected_label)
        layout.addStretch(0)  # takes the room of the findings when there are none
        layout.addWidget(buttons)

    # ------------------------------------------------------------------ the report

    def show_report(self, report: VerifyReport) -> None:
        self.report = report
        ok = report.ok
        count = len(report.problems)
        self.setWindowTitle(
            _ledger_findings.tr("Ledger verified")
            if ok
            else _ledger_findings.tr("Ledger verification FAILED")
        )
        if ok:
            self.banner.setText(_ledger_findings.tr("✔  Verified: nothing found out of place"))
        elif count == 1:
            self.banner.setText(
                _ledger_findings.tr("✘  Verification FAILED: %n finding", "", count)
            )
        else:
            self.banner.setText(
                _ledger_findings.tr("✘  Verification FAILED: %n findings", "", count)
            )
        self.banner.setStyleSheet(
            f"QLabel {{ {OK_BANNER if ok else FAILED_BANNER} padding: 8px; border-radius: 4px; }}"
        )
        events = (
            _ledger_findings.tr("{count} custody event")
            if report.events == 1
            else _ledger_findings.tr("{count} custody events")
        )
        aliquots = (
            _ledger_findings.tr("{count} aliquot")
            if report.aliquots == 1
            else _ledger_findings.tr("{count} aliquots")
        )
        self.events_label.setText(
            # two counts in a row: custody events, then aliquots
            _ledger_findings.tr("{first}, {second}").format(
                first=events.format(count=count_text(report.events)),
                second=aliquots.format(count=count_text(report.aliquots)),
            )
        )
        self.head_label.setText(report.last_hash)
        self.integrity_label.setText(
            translated(report.storage_checked) or _ledger_findings.tr("not checked")
        )
        first_event = report.first_bad_event
        self.first_event_label.setText(
            f'<a href="{first_event}">#{first_event}</a>' if first_event is not None else ""
        )
        self.first_audit_label.setText(first_bad_audit_entry(report) or "")
        self.checked_label.setText("\n".join(checked_lines(report)))
        self.facts.setRowVisible(self.first_event_label, first_event is not None)
        self.facts.setRowVisible(self.first_audit_label, bool(self.first_audit_label.text()))
        self.facts.setRowVisible(self.checked_label, ok)
        self.findings.set_rows([finding_row(problem) for problem in report.problems])
        for widget in (self.findings, self.selected_label, self.copy_button, self.save_button):
            widget.setVisible(not ok)
        if not self.isVisible():  # a size for what it shows; once open, the person's
            fit_to_screen(self, *((820, self.sizeHint().height()) if ok else (1100, 640)))
        self.selected_label.setText(
            _ledger_findings.tr("Double-click a finding about an aliquot or an event to show it.")
        )

    def _show_selected(self) -> None:
        row = self.findings.current_row()
        if self.report is not None and row is not None:
            self.selected_label.setText(translated(self.report.problems[row].message))

    def _open(self, row: int) -> None:
        if self.report is None:
            return
        problem = self.report.problems[row]
        if problem.aliquot_number:
            self.open_aliquot.emit(problem.aliquot_number)
        elif problem.event_id is not None:
            self.open_event.emit(problem.event_id)

    # ------------------------------------------------------------------ saving

    def save(self, path: Path | None = None) -> Path | None:
        """Save the findings shown as CSV (asking where when ``path`` is None)."""
        if path is None:
            start = Path.home() / f"verify-{Path(self.database_name).stem}-{date.today()}.csv"
            name, _ = QFileDialog.getSaveFileName(
                self,
                _ledger_findings.tr("Save the findings"),
                str(start),
                _ledger_findings.tr("CSV files (*.csv)"),
            )
            if not name:
                return None
            path = Path(name)
            if path.suffix.lower() != ".csv":
                path = path.with_name(path.name + ".csv")
        text = self.findings.csv_text()
        target = path
        return self.ops.value(
            self,
            _ledger_findings.tr("Save the findings"),
            lambda _progress: write_text_file(target, text),
            changes=False,
        )
