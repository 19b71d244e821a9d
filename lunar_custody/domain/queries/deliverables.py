"""A loan's deliverables and its return accounting (NASA form F-75), as read models."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .. import operation as op
from ..deliverables import DeliverableRow, deliverables_of, overdue_deliverables
from ..loans import ReturnAccounting, return_accounting
from ..store import Store


def loan_deliverables(store: Store, number: str, today: date | None = None) -> list[DeliverableRow]:
    with store.read() as session:
        loan = op.loan(session, number)
        return deliverables_of(session, loan.id, today or date.today())


@dataclass(frozen=True, slots=True)
class ReturnAccountingData:
    """What the return accounting form prints: the loan's parties and its accounting."""

    loan_number: str
    lender: str
    lender_local_name: str | None
    borrower: str
    borrower_local_name: str | None
    principal_investigator: str
    starts_on: date
    due_on: date
    status: str
    accounting: ReturnAccounting


def loan_return_accounting(store: Store, number: str) -> ReturnAccountingData:
    """The loan's return accounting (form F-75) from the ledger, with its parties."""
    with store.read() as session:
        loan = op.loan(session, number)
        return ReturnAccountingData(
            loan_number=loan.number,
            lender=loan.lender.name,
            lender_local_name=loan.lender.local_name,
            borrower=loan.borrower.name,
            borrower_local_name=loan.borrower.local_name,
            principal_investigator=loan.principal_investigator.full_name,
            starts_on=loan.starts_on,
            due_on=loan.due_on,
            status=loan.status,
            accounting=return_accounting(session, loan),
        )


def person_overdue_deliverables(
    store: Store, person_id: int, today: date | None = None
) -> list[DeliverableRow]:
    with store.read() as session:
        return overdue_deliverables(session, person_id, today or date.today())
