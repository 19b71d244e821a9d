"""Read-only questions the GUI, the CLI and the documents ask, answered as typed read models.

One module per feature; this facade re-exports them, so callers write
``queries.loan_detail(store, number)`` and never need to know which module answers.
Every read model is a frozen dataclass of plain values (never an ORM row), safe to hand to
another thread or a document.
"""

from .aliquots import AliquotDetail, PackageCandidate, aliquot_status, package_candidate
from .ledger import EventRow, events, history, verify
from .lending import (
    LoanChoice,
    LoanDetail,
    LoanDraft,
    LoanSummary,
    active_loan_choices,
    loan_content,
    loan_detail,
    loan_draft,
    loans,
    overdue_loans,
)
from .overview import (
    DASHBOARD_LIMIT,
    DUE_HORIZON_DAYS,
    DUE_TIERS,
    INVENTORY_HORIZON_DAYS,
    Dashboard,
    DueLoanRow,
    InTransitRow,
    InventoryRow,
    Totals,
    dashboard,
    due_tier,
    totals,
)
from .people import (
    CHOICE_LIMIT,
    InstitutionDetail,
    PersonChoice,
    PersonDetail,
    has_users,
    institution_choices,
    institution_detail,
    people_choices,
    person_detail,
)
from .records import SignatureRow, signatures
from .shipping import (
    DiscrepancyDetail,
    DiscrepancyRow,
    LegRow,
    TransferDetail,
    TransferItemRow,
    TransferSummary,
    discrepancies,
    discrepancy_detail,
    discrepancy_photo,
    transfer_content,
    transfer_detail,
    transfers,
)

# The read model's old name, still written by cli.py and tests/worlds.py; the state names
# themselves are states.AliquotStatus.
AliquotStatus = AliquotDetail

__all__ = [
    "CHOICE_LIMIT",
    "DASHBOARD_LIMIT",
    "DUE_HORIZON_DAYS",
    "DUE_TIERS",
    "INVENTORY_HORIZON_DAYS",
    "AliquotDetail",
    "AliquotStatus",
    "Dashboard",
    "DiscrepancyDetail",
    "DiscrepancyRow",
    "DueLoanRow",
    "EventRow",
    "InTransitRow",
    "InstitutionDetail",
    "InventoryRow",
    "LegRow",
    "LoanChoice",
    "LoanDetail",
    "LoanDraft",
    "LoanSummary",
    "PackageCandidate",
    "PersonChoice",
    "PersonDetail",
    "SignatureRow",
    "Totals",
    "TransferDetail",
    "TransferItemRow",
    "TransferSummary",
    "active_loan_choices",
    "aliquot_status",
    "dashboard",
    "discrepancies",
    "discrepancy_detail",
    "discrepancy_photo",
    "due_tier",
    "events",
    "has_users",
    "history",
    "institution_choices",
    "institution_detail",
    "loan_content",
    "loan_detail",
    "loan_draft",
    "loans",
    "overdue_loans",
    "package_candidate",
    "people_choices",
    "person_detail",
    "signatures",
    "totals",
    "transfer_content",
    "transfer_detail",
    "transfers",
    "verify",
]
