"""Why not: the rules a window restates to enable an action, answered once in the domain.

Each ``why_not_*`` answers, in the words a person reads, why ``actor`` may not do that now
(None: they may). The workstation shows the answer as the disabled action's tooltip and the
service raises it, so the command line prints the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from .permissions import Actor, why_not
from .states import AliquotStatus, LoanStatus

# ---------------------------------------------------------------------- loans
#
# A loan's lifecycle (draft -> approved -> active -> closed; cancelled before anything was
# shipped), asked by the Loans view, the loan editor and domain/loans.py. Pure functions over
# an ``Actor`` and ``LoanFacts``, which the view builds from ``queries.LoanDetail`` and a
# service from its row.


@dataclass(frozen=True, slots=True)
class LoanFacts:
    """What the loan rules read of a loan."""

    number: str
    status: str
    borrower_code: str
    borrower: str  # the borrowing institution's name
    items: int  # aliquots on the loan
    shipped: bool  # anything shipped under it


class ReconciledItem(Protocol):
    """What the closing rule reads of a reconciliation row (``loans.ItemReconciliation``)."""

    @property
    def aliquot_number(self) -> str: ...
    @property
    def derived_from(self) -> str | None: ...
    @property
    def issued_ug(self) -> int: ...
    @property
    def outstanding_ug(self) -> int: ...


class LendableAliquot(Protocol):
    """What the lending rule reads of an aliquot (``queries.AliquotDetail``)."""

    @property
    def number(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def status_label(self) -> str: ...
    @property
    def custodian_institution(self) -> str | None: ...  # its custodian's name


def loan_state(loan: LoanFacts, allowed: Sequence[str], doing: str) -> str | None:
    """Why the loan's state forbids ``doing`` ("edited", "approved"...); None: it allows it."""
    if loan.status in allowed:
        return None
    kinds = " or ".join([", ".join(allowed[:-1]), allowed[-1]] if allowed[:-1] else allowed)
    article = "an" if kinds[0] in "aeiou" else "a"
    return f"Loan {loan.number} is {loan.status}; only {article} {kinds} loan can be {doing}."


def extend_state(loan: LoanFacts) -> str | None:
    if loan.status in (LoanStatus.APPROVED, LoanStatus.ACTIVE):
        return None
    return f"Loan {loan.number} is {loan.status}; it cannot be extended."


def nothing_to_lend(loan: LoanFacts) -> str | None:
    return None if loan.items else f"Loan {loan.number} has no items to lend yet."


def borrower_side(actor: Actor, loan: LoanFacts) -> str | None:
    """Only the borrowing institution countersigns."""
    if actor.institution_code == loan.borrower_code:
        return None
    return f"Loan {loan.number} is countersigned by {loan.borrower}."


def shipped_already(loan: LoanFacts) -> str | None:
    return f"Loan {loan.number} has shipped items; close it instead." if loan.shipped else None


def why_not_edit_loan(actor: Actor, loan: LoanFacts) -> str | None:
    """Why ``actor`` may not change the terms of ``loan`` (None: they may)."""
    return why_not(actor.roles, "draft_loan") or loan_state(loan, (LoanStatus.DRAFT,), "edited")


def why_not_approve_loan(actor: Actor, loan: LoanFacts) -> str | None:
    """Why ``actor`` may not sign ``loan`` for the lender (None: they may)."""
    return (
        why_not(actor.roles, "approve_loan")
        or loan_state(loan, (LoanStatus.DRAFT,), "approved")
        or nothing_to_lend(loan)
    )


def why_not_countersign_loan(actor: Actor, loan: LoanFacts) -> str | None:
    """Why ``actor`` may not sign ``loan`` for the borrower (None: they may)."""
    return (
        why_not(actor.roles, "countersign_loan")
        or loan_state(loan, (LoanStatus.APPROVED,), "countersigned")
        or borrower_side(actor, loan)
    )


def why_not_extend_loan(actor: Actor, loan: LoanFacts) -> str | None:
    """Why ``actor`` may not move the due date of ``loan`` (None: they may)."""
    return why_not(actor.roles, "extend_loan") or extend_state(loan)


def why_not_close_loan(actor: Actor, loan: LoanFacts) -> str | None:
    """Why ``actor`` may not start closing ``loan`` (None: they may; the reconciliation
    then has its say, see ``why_not_close_reconciled``)."""
    return why_not(actor.roles, "close_loan") or loan_state(loan, (LoanStatus.ACTIVE,), "closed")


def why_not_close_reconciled(number: str, items: Sequence[ReconciledItem]) -> str | None:
    """Why loan ``number`` with this reconciliation cannot be closed (None: it can)."""
    outstanding = [item.aliquot_number for item in items if item.outstanding_ug]
    if outstanding:
        return (
            f"Loan {number} cannot be closed: {len(outstanding)} item(s) are still out "
            f"({', '.join(outstanding[:10])}). Return them, or record consumption or loss first."
        )
    if not any(item.issued_ug for item in items if item.derived_from is None):
        return f"Loan {number} never shipped anything; cancel it instead."
    return None


def why_not_cancel_loan(actor: Actor, loan: LoanFacts) -> str | None:
    """Why ``actor`` may not withdraw ``loan`` (None: they may)."""
    open_states = (LoanStatus.DRAFT, LoanStatus.APPROVED, LoanStatus.ACTIVE)
    return (
        why_not(actor.roles, "draft_loan")
        or loan_state(loan, open_states, "cancelled")
        or shipped_already(loan)
    )


def on_open_loan(aliquot_number: str, loan_number: str | None = None) -> str:
    """An aliquot is on one open loan at a time (the other's number, when known)."""
    where = f"open loan {loan_number}" if loan_number else "another open loan"
    return f"Aliquot {aliquot_number} is already on {where}."


def why_not_lend(
    aliquot: LendableAliquot, *, in_lenders_storage: bool, lendable: bool
) -> str | None:
    """Why the lender may not put ``aliquot`` on a draft (None: it may). ``lendable``: the
    lender's lendable list holds it; ``in_lenders_storage``: the lender holds it at all."""
    if lendable:
        return None
    if aliquot.status != AliquotStatus.IN_STORAGE:
        return (
            f"Aliquot {aliquot.number} is {aliquot.status_label}; "
            "only an aliquot in storage can be lent."
        )
    if not in_lenders_storage:
        holder = aliquot.custodian_institution or "another institution"
        return f"Aliquot {aliquot.number} is held by {holder}, not in your storage."
    return on_open_loan(aliquot.number)
