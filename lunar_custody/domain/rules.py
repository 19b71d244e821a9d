"""Why not: the rules a window would otherwise restate to enable an action, answered once.

Each ``why_not_*`` answers, in the words a person reads, why ``actor`` may not do that now
(None: they may). The workstation shows the answer as the disabled action's tooltip, the
courier screen says it in red, and the service raises it, so the command line prints the
same words. Pure functions over an ``Actor`` and a read model (or the small facts record a
service builds from its rows), one section per feature.

Custody rule 5: only the sending side releases or cancels a package, and only while it is
prepared; only the named receiver confirms its receipt, while it is in transit;
discrepancies are resolved by the lender's curators. ``queries.TransferDetail`` and
``queries.DiscrepancyDetail`` carry the fields read here, and so do the ``TransferFacts``
and ``DiscrepancyFacts`` a service builds from its rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from .permissions import Actor, why_not
from .states import AliquotStatus, LoanStatus, Role, TransferStatus
from .wording import Words, counted

_domain_rules = Words("_domain_rules")

# ---------------------------------------------------------------------- transfers


class TransferLike(Protocol):
    """What the rules read of a package (transfer)."""

    @property
    def number(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def from_code(self) -> str: ...  # the sending institution's code
    @property
    def from_institution(self) -> str: ...  # ... and its name
    @property
    def receiver_username(self) -> str: ...
    @property
    def receiver(self) -> str: ...  # the named receiver's full name


class ArrivingLike(Protocol):
    """What the rules read of a package on its way to its receiver's institution."""

    @property
    def number(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def to_code(self) -> str: ...  # the receiving institution's code
    @property
    def to_institution(self) -> str: ...  # ... and its name


@dataclass(frozen=True, slots=True)
class ArrivingFacts:
    number: str
    status: str
    to_code: str
    to_institution: str


class DiscrepancyLike(Protocol):
    """What the rules read of a discrepancy."""

    @property
    def id(self) -> int: ...
    @property
    def resolved_at(self) -> datetime | None: ...
    @property
    def lender_code(self) -> str: ...  # the institution whose curators resolve it


@dataclass(frozen=True, slots=True)
class TransferFacts:
    """A package as a service reads it from its row, for the rules."""

    number: str
    status: str
    from_code: str
    from_institution: str
    receiver_username: str
    receiver: str


@dataclass(frozen=True, slots=True)
class DiscrepancyFacts:
    """A discrepancy as a service reads it from its row, for the rules."""

    id: int
    resolved_at: datetime | None
    lender_code: str


def _state(status: str) -> str:
    return status.replace("_", " ")


def _unless_prepared(transfer: TransferLike, done: str) -> str | None:
    if transfer.status != TransferStatus.PREPARED:
        return (
            f"Transfer {transfer.number} is {_state(transfer.status)}; "
            f"only a prepared one can be {done}."
        )
    return None


def why_not_release(actor: Actor, transfer: TransferLike) -> str | None:
    """Why ``actor`` may not release ``transfer`` to its courier (None: they may)."""
    reason = why_not(actor.roles, "release") or _unless_prepared(transfer, "released")
    if reason is None and transfer.from_code != actor.institution_code:
        reason = (
            f"Only {transfer.from_institution}, the sender, releases transfer {transfer.number}."
        )
    return reason


def why_not_cancel_transfer(actor: Actor, transfer: TransferLike) -> str | None:
    """Why ``actor`` may not cancel (unpack) ``transfer`` (None: they may)."""
    reason = why_not(actor.roles, "prepare_transfer") or _unless_prepared(transfer, "cancelled")
    if reason is None and transfer.from_code != actor.institution_code:
        reason = (
            f"Only {transfer.from_institution}, the sender, cancels transfer {transfer.number}."
        )
    return reason


def why_not_transcribe(actor: Actor, transfer: ArrivingLike) -> str | None:
    """Why ``actor`` may not type in a courier handover from the paper custody form (None:
    they may): the receiving side does it, at delivery, while the package is in transit."""
    reason = why_not(actor.roles, "receive")
    if reason is None and transfer.status != TransferStatus.IN_TRANSIT:
        reason = f"Transfer {transfer.number} is {_state(transfer.status)}, not in transit."
    if reason is None and transfer.to_code != actor.institution_code:
        reason = (
            f"Only {transfer.to_institution}, the receiver, transcribes the custody form of "
            f"transfer {transfer.number}."
        )
    return reason


def why_not_receive(actor: Actor, transfer: TransferLike) -> str | None:
    """Why ``actor`` may not confirm the receipt of ``transfer`` (None: they may)."""
    reason = why_not(actor.roles, "receive")
    if reason is None and transfer.status != TransferStatus.IN_TRANSIT:
        reason = f"Transfer {transfer.number} is {_state(transfer.status)}, not in transit."
    if reason is None and transfer.receiver_username != actor.username:
        reason = f"Only the named receiver, {transfer.receiver}, may confirm this receipt."
    return reason


def why_not_resolve(actor: Actor, discrepancy: DiscrepancyLike) -> str | None:
    """Why ``actor`` may not resolve ``discrepancy`` (None: they may)."""
    reason = why_not(actor.roles, "resolve_discrepancy")
    if reason is None and discrepancy.resolved_at is not None:
        reason = f"Discrepancy #{discrepancy.id} was resolved already."
    if reason is None and discrepancy.lender_code != actor.institution_code:
        reason = "Only the lender's curators resolve discrepancies."
    return reason


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
    @property
    def open_loan_number(self) -> str | None: ...  # the open loan that lists it


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
    return None if loan.items else f"Loan {loan.number} cannot be approved: it has no items yet."


def borrower_side(actor: Actor, loan: LoanFacts) -> str | None:
    """Only the borrowing institution countersigns."""
    if actor.institution_code == loan.borrower_code:
        return None
    return f"Only {loan.borrower}, the borrower, countersigns loan {loan.number}."


def shipped_already(loan: LoanFacts) -> str | None:
    return (
        f"Loan {loan.number} cannot be cancelled: it has shipped items (close it instead)."
        if loan.shipped
        else None
    )


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
            f"Loan {number} cannot be closed: {counted(len(outstanding), 'item')} "
            f"{'is' if len(outstanding) == 1 else 'are'} still out "
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
    if loan_number:
        return _domain_rules.said(
            "Aliquot {aliquot} is already on open loan {loan}.",
            aliquot=aliquot_number,
            loan=loan_number,
        )
    return _domain_rules.said(
        "Aliquot {aliquot} is already on another open loan.", aliquot=aliquot_number
    )


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
        return (
            f"Aliquot {aliquot.number} is held by {holder}; "
            "only an aliquot in your storage can be lent."
        )
    return on_open_loan(aliquot.number, aliquot.open_loan_number)


# ---------------------------------------------------------------------- samples and aliquots
#
# What may be done to an aliquot in storage: split it, record its consumption, report it
# lost, correct its ledger. Pure functions over an ``Actor`` and ``AliquotFacts``: the
# Samples view builds them from its lineage row (listings.LINEAGE_ALIQUOTS), the registry
# from the aliquot's row.


@dataclass(frozen=True, slots=True)
class AliquotFacts:
    """An aliquot as the rules read it."""

    number: str
    status: str
    custodian_id: int | None  # the institution that holds it
    custodian: str | None  # ... and its name
    courier_id: int | None  # the person carrying it, while in transit
    owner_id: int  # the lender: the institution that owns its sample
    loan_number: str | None = None  # the loan it is on
    loan_status: str | None = None
    destructive_analysis_allowed: bool = False  # by that loan

    @classmethod
    def from_listing(cls, row: Mapping[str, Any]) -> AliquotFacts:
        """From a row of ``listings.LINEAGE_ALIQUOTS`` (its keys as a mapping)."""
        return cls(
            number=row["number"],
            status=row["status"],
            custodian_id=row["custodian_id"],
            custodian=row["custodian"],
            courier_id=row["courier_id"],
            owner_id=row["owner_id"],
            loan_number=row["loan"],
            loan_status=row["loan_status"],
            destructive_analysis_allowed=bool(row["destructive"]),
        )


def aliquot_state(status: str) -> str:
    """An aliquot's status as a sentence says it ("Aliquot X is fully split")."""
    labels: dict[str, str] = {
        AliquotStatus.IN_TRANSIT: "in transit",
        AliquotStatus.DEPLETED: "fully split",
    }
    return labels.get(status, status.replace("_", " "))


def not_in_storage(aliquot: AliquotFacts, done: str) -> str | None:
    """Why ``aliquot`` cannot be ``done`` ("split", "consumed") where it is now."""
    if aliquot.status != AliquotStatus.IN_STORAGE:
        return (
            f"Aliquot {aliquot.number} is {aliquot_state(aliquot.status)}; "
            f"only an aliquot in storage can be {done}."
        )
    return None


def _not_custodian(actor: Actor, aliquot: AliquotFacts, doing: str) -> str | None:
    if aliquot.custodian_id != actor.institution_id:
        return (
            f"Aliquot {aliquot.number} is held by {aliquot.custodian}; "
            f"only its custodian may {doing}."
        )
    return None


def loan_forbids_consuming(aliquot: AliquotFacts) -> str | None:
    """Away from its lender, an aliquot is consumed only under an active loan that allows
    destructive analysis."""
    if aliquot.custodian_id == aliquot.owner_id:
        return None
    if aliquot.loan_number is None or aliquot.loan_status != LoanStatus.ACTIVE:
        return f"Aliquot {aliquot.number} cannot be consumed here: it is on no active loan."
    if not aliquot.destructive_analysis_allowed:
        return (
            f"Loan {aliquot.loan_number} does not allow destructive analysis of {aliquot.number}."
        )
    return None


def why_not_split(actor: Actor, aliquot: AliquotFacts) -> str | None:
    """Why ``actor`` may not split children off ``aliquot`` (None: they may)."""
    return (
        why_not(actor.roles, "split")
        or not_in_storage(aliquot, "split")
        or _not_custodian(actor, aliquot, "split it")
    )


def why_not_consume(actor: Actor, aliquot: AliquotFacts) -> str | None:
    """Why ``actor`` may not record a consumption of ``aliquot`` (None: they may)."""
    return (
        why_not(actor.roles, "consume")
        or not_in_storage(aliquot, "consumed")
        or _not_custodian(actor, aliquot, "record its consumption")
        or loan_forbids_consuming(aliquot)
    )


def nothing_to_lose(aliquot: AliquotFacts) -> str | None:
    """Why ``aliquot`` cannot be reported lost, whoever asks."""
    if aliquot.status == AliquotStatus.LOST:
        return f"Aliquot {aliquot.number} is reported lost already."
    if aliquot.status not in (
        AliquotStatus.IN_STORAGE,
        AliquotStatus.IN_TRANSIT,
        AliquotStatus.DEPLETED,
    ):
        state = aliquot_state(aliquot.status)
        return f"Aliquot {aliquot.number} is {state}; nothing is left to lose."
    return None


def why_not_report_lost(actor: Actor, aliquot: AliquotFacts) -> str | None:
    """Why ``actor`` may not report ``aliquot`` lost: its holder (the courier carrying it,
    or its custodian) or the lender's curator may."""
    reason = why_not(actor.roles, "report_lost") or nothing_to_lose(aliquot)
    if reason is not None:
        return reason
    holder = (
        aliquot.courier_id == actor.person_id
        if aliquot.status == AliquotStatus.IN_TRANSIT
        else aliquot.custodian_id == actor.institution_id
    )
    lender = Role.CURATOR in actor.roles and aliquot.owner_id == actor.institution_id
    if not (holder or lender):
        return f"Only the holder of {aliquot.number} or the lender's curator may report it lost."
    return None


def not_the_lender(actor: Actor, aliquot: AliquotFacts) -> str | None:
    """Only the lender corrects an aliquot's ledger (also a discrepancy's resolution)."""
    if aliquot.owner_id != actor.institution_id:
        return _domain_rules.said("Only the lender's curators may correct the ledger.")
    return None


def why_not_correct(actor: Actor, aliquot: AliquotFacts) -> str | None:
    """Why ``actor`` may not record a correction of one of ``aliquot``'s events."""
    return why_not(actor.roles, "correct") or not_the_lender(actor, aliquot)


def why_not_deactivate(actor: Actor, username: str) -> str | None:
    """Nobody locks themselves out: an account is deactivated by another administrator."""
    if username == actor.username:
        return _domain_rules.said("You cannot deactivate your own account.")
    return None
