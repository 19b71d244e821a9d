"""The dashboard's partner panel: exchanges waiting for a partner's answer, and partners'
chain heads that disagree with what they said before (in red: a rewritten ledger)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from ...exchange.partners import WAITING_AFTER, PartnerStatus, Waiting
from ..locale_format import date_text
from ..tablemodel import local_time
from ..translation import Translator, translated
from .widgets import RecordTable, age_text

OK_STYLE = "color: #0d652d;"
PROBLEM_STYLE = (
    "QLabel { color: #a50e0e; background: #fce8e6; border: 1px solid #f28b82; "
    "border-radius: 4px; padding: 6px; font-weight: bold; }"
)

_dashboard_partners = Translator("_dashboard_partners")

NO_PARTNERS = _dashboard_partners.noop("No partner installations: custody stays in this database.")
WAITING_ROWS_SHOWN = 4


class PartnerPanel(QGroupBox):
    """``show_status`` fills it; hidden by the dashboard when there is no partner."""

    def __init__(self) -> None:
        super().__init__(_dashboard_partners.tr("Partner installations"))
        self.setObjectName("partnerPanel")
        self.summary = QLabel()
        self.summary.setObjectName("partnerSummary")
        self.summary.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setObjectName("partnerHeadProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(PROBLEM_STYLE)
        self.waiting = RecordTable(
            "partnerWaitingTable",
            [
                _dashboard_partners.tr("Partner"),
                _dashboard_partners.tr("Waiting for"),
                _dashboard_partners.tr("Since"),
                _dashboard_partners.tr("Waiting"),
            ],
            stretch=1,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(self.waiting)

    def show_status(self, partners: int, status: PartnerStatus, now: datetime) -> None:
        problems, waiting = status.head_problems, status.waiting
        self.problems.setText(
            _dashboard_partners.tr(
                "Partner ledgers that disagree with what they said before (a rewritten ledger, "
                "here or there; run Verify ledger and call the partner):"
            )
            + "\n"
            + "\n".join(f"• {translated(problem)}" for problem in problems)
        )
        self.problems.setVisible(bool(problems))
        self.waiting.set_rows(
            [
                (
                    ("transfer", w.transfer),  # double-click opens the package
                    [w.partner, _waiting_for(w), local_time(w.since), age_text(now - w.since)],
                )
                for w in waiting
            ]
        )
        self.waiting.setVisible(bool(waiting))
        # as tall as its rows (a few; more scroll): the tables above keep the room
        shown = min(max(len(waiting), 1), WAITING_ROWS_SHOWN)
        row = self.waiting.verticalHeader().defaultSectionSize()
        heading = self.waiting.horizontalHeader().sizeHint().height()
        self.waiting.setFixedHeight(shown * row + heading + 2 * self.waiting.frameWidth())
        counted = _dashboard_partners.tr("%n partner(s)", "", partners)
        days = WAITING_AFTER.days  # a week: always "days"
        if waiting:
            text = _dashboard_partners.tr(
                "{partners}. Waiting more than {days} days for a receipt back ({count}): "
                "ask the partner to export it."
            ).format(partners=counted, days=days, count=len(waiting))
        else:
            text = _dashboard_partners.tr(
                "{partners}; no shipment has waited more than {days} days for a receipt."
            ).format(partners=counted, days=days)
        self.summary.setText(text)
        self.summary.setStyleSheet("" if waiting or problems else OK_STYLE)


def _waiting_for(waiting: Waiting) -> str:
    """What a shipment waits for, in the window's language (the domain's sentence else)."""
    if not waiting.transfer:
        return waiting.what
    return _dashboard_partners.tr("transfer {number}: shipped {date}, no receipt back").format(
        number=waiting.transfer, date=date_text(waiting.since.astimezone().date())
    )
