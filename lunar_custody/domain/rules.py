"""Why not: the rules a window would otherwise restate to enable an action, answered once.

Each ``why_not_*`` answers, in the words a person reads, why ``actor`` may not do that now
(None: they may). The workstation shows the answer as the disabled action's tooltip, the
courier screen says it in red, and the service raises it, so the command line prints the
same words. Pure functions over an ``Actor`` and a read model (or the small facts record a
service builds from its rows), one section per feature.

Custody rule 5: only the sending side releases or cancels a package, and only while it is
prepared; only an authorised receiver of the receiving institution confirms its receipt,
while it is in transit (any authorised receiver of the loan for a package to the borrower,
the named receiver otherwise);
discrepancies are resolved by the lender's curators. ``queries.TransferDetail`` and
``queries.DiscrepancyDetail`` carry the fields read here, and so do the ``TransferFacts``
and ``DiscrepancyFacts`` a service builds from its rows.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, Protocol

from .permissions import Actor, why_not
from .states import AliquotStatus, LoanStatus, Role, TransferStatus
from .wording import Listed, Words

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
    @property
    def loan_number(self) -> str | None: ...
    # (username, full name) of the loan's authorised receivers when the package goes to the
    # borrower under a loan (any of them receives it); empty: the named receiver alone
    @property
    def authorised_receivers(self) -> tuple[tuple[str, str], ...]: ...


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
    loan_number: str | None = None
    authorised_receivers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class DiscrepancyFacts:
    """A discrepancy as a service reads it from its row, for the rules."""

    id: int
    resolved_at: datetime | None
    lender_code: str


def transfer_state(status: str) -> str:
    """A package's status as a sentence says it ("in transit"), a sentence of its own so
    the window says it in its language inside the sentence."""
    words: dict[str, str] = {
        TransferStatus.PREPARED: _domain_rules.said("prepared"),
        TransferStatus.IN_TRANSIT: _domain_rules.said("in transit"),
        TransferStatus.RECEIVED: _domain_rules.said("received"),
        TransferStatus.CANCELLED: _domain_rules.said("cancelled"),
    }
    return words.get(status) or status.replace("_", " ")


def _unless_prepared(transfer: TransferLike, done: Literal["released", "cancelled"]) -> str | None:
    if transfer.status == TransferStatus.PREPARED:
        return None
    number, status = transfer.number, transfer_state(transfer.status)
    if done == "released":
        return _domain_rules.said(
            "Transfer {number} is {status}; only a prepared one can be released.",
            number=number,
            status=status,
        )
    return _domain_rules.said(
        "Transfer {number} is {status}; only a prepared one can be cancelled.",
        number=number,
        status=status,
    )


def _not_in_transit(transfer: TransferLike | ArrivingLike) -> str | None:
    if transfer.status == TransferStatus.IN_TRANSIT:
        return None
    return _domain_rules.said(
        "Transfer {number} is {status}, not in transit.",
        number=transfer.number,
        status=transfer_state(transfer.status),
    )


def why_not_release(actor: Actor, transfer: TransferLike) -> str | None:
    """Why ``actor`` may not release ``transfer`` to its courier (None: they may)."""
    reason = why_not(actor.roles, "release") or _unless_prepared(transfer, "released")
    if reason is None and transfer.from_code != actor.institution_code:
        reason = _domain_rules.said(
            "Only {institution}, the sender, releases transfer {number}.",
            institution=transfer.from_institution,
            number=transfer.number,
        )
    return reason


def why_not_cancel_transfer(actor: Actor, transfer: TransferLike) -> str | None:
    """Why ``actor`` may not cancel (unpack) ``transfer`` (None: they may)."""
    reason = why_not(actor.roles, "prepare_transfer") or _unless_prepared(transfer, "cancelled")
    if reason is None and transfer.from_code != actor.institution_code:
        reason = _domain_rules.said(
            "Only {institution}, the sender, cancels transfer {number}.",
            institution=transfer.from_institution,
            number=transfer.number,
        )
    return reason


def why_not_transcribe(actor: Actor, transfer: ArrivingLike) -> str | None:
    """Why ``actor`` may not type in a courier handover from the paper custody form (None:
    they may): the receiving side does it, at delivery, while the package is in transit."""
    reason = why_not(actor.roles, "receive") or _not_in_transit(transfer)
    if reason is None and transfer.to_code != actor.institution_code:
        reason = _domain_rules.said(
            "Only {institution}, the receiver, transcribes the custody form of transfer {number}.",
            institution=transfer.to_institution,
            number=transfer.number,
        )
    return reason


def why_not_receive(actor: Actor, transfer: TransferLike) -> str | None:
    """Why ``actor`` may not confirm the receipt of ``transfer`` (None: they may)."""
    reason = why_not(actor.roles, "receive") or _not_in_transit(transfer)
    authorised = transfer.authorised_receivers
    if reason is None and authorised:
        if actor.username not in {username for username, _name in authorised}:
            reason = _domain_rules.said(
                "Only an authorised receiver of loan {loan} ({receivers}) may confirm this "
                "receipt.",
                loan=transfer.loan_number or "",
                receivers=", ".join(name for _username, name in authorised),
            )
    elif reason is None and transfer.receiver_username != actor.username:
        reason = _domain_rules.said(
            "Only the named receiver, {receiver}, may confirm this receipt.",
            receiver=transfer.receiver,
        )
    return reason


def why_not_resolve(actor: Actor, discrepancy: DiscrepancyLike) -> str | None:
    """Why ``actor`` may not resolve ``discrepancy`` (None: they may)."""
    reason = why_not(actor.roles, "resolve_discrepancy")
    if reason is None and discrepancy.resolved_at is not None:
        reason = _domain_rules.said("Discrepancy #{id} was resolved already.", id=discrepancy.id)
    if reason is None and discrepancy.lender_code != actor.institution_code:
        reason = _domain_rules.said("Only the lender's curators resolve discrepancies.")
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
    # the titles of its clearance items still pending (domain/clearance.py)
    open_clearance: tuple[str, ...] = ()


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
    def custodian_institution(self) -> str | None: ...  # its custodian's name
    @property
    def open_loan_number(self) -> str | None: ...  # the open loan that lists it


def loan_status_word(status: str) -> str:
    """A loan's status as a sentence says it ("draft"), a sentence of its own so the window
    says it in its language inside the sentence."""
    words: dict[str, str] = {
        LoanStatus.DRAFT: _domain_rules.said("draft"),
        LoanStatus.APPROVED: _domain_rules.said("approved"),
        LoanStatus.ACTIVE: _domain_rules.said("active"),
        LoanStatus.CLOSED: _domain_rules.said("closed"),
        LoanStatus.CANCELLED: _domain_rules.said("cancelled"),
    }
    return words.get(status) or status


def loan_state(loan: LoanFacts, allowed: Sequence[str], doing: str) -> str | None:
    """Why the loan's state forbids ``doing`` ("edited", "approved"...); None: it allows it."""
    if loan.status in allowed:
        return None
    number, status = loan.number, loan_status_word(loan.status)
    # one whole sentence for each state and act the services and windows ask about
    match tuple(allowed), doing:
        case (LoanStatus.DRAFT,), "edited":
            return _domain_rules.said(
                "Loan {number} is {status}; only a draft loan can be edited.",
                number=number,
                status=status,
            )
        case (LoanStatus.DRAFT,), "changed":
            return _domain_rules.said(
                "Loan {number} is {status}; only a draft loan can be changed.",
                number=number,
                status=status,
            )
        case (LoanStatus.DRAFT,), "approved":
            return _domain_rules.said(
                "Loan {number} is {status}; only a draft loan can be approved.",
                number=number,
                status=status,
            )
        case (LoanStatus.APPROVED,), "countersigned":
            return _domain_rules.said(
                "Loan {number} is {status}; only an approved loan can be countersigned.",
                number=number,
                status=status,
            )
        case (LoanStatus.ACTIVE,), "closed":
            return _domain_rules.said(
                "Loan {number} is {status}; only an active loan can be closed.",
                number=number,
                status=status,
            )
        case (LoanStatus.DRAFT, LoanStatus.APPROVED, LoanStatus.ACTIVE), "cancelled":
            return _domain_rules.said(
                "Loan {number} is {status}; only a draft, approved or active loan can be "
                "cancelled.",
                number=number,
                status=status,
            )
    kinds = " or ".join([", ".join(allowed[:-1]), allowed[-1]] if allowed[:-1] else allowed)
    article = "an" if kinds[0] in "aeiou" else "a"
    return f"Loan {loan.number} is {loan.status}; only {article} {kinds} loan can be {doing}."


def extend_state(loan: LoanFacts) -> str | None:
    if loan.status in (LoanStatus.APPROVED, LoanStatus.ACTIVE):
        return None
    return _domain_rules.said(
        "Loan {number} is {status}; it cannot be extended.",
        number=loan.number,
        status=loan_status_word(loan.status),
    )


def nothing_to_lend(loan: LoanFacts) -> str | None:
    if loan.items:
        return None
    return _domain_rules.said(
        "Loan {number} cannot be approved: it has no items yet.", number=loan.number
    )


def borrower_side(actor: Actor, loan: LoanFacts) -> str | None:
    """Only the borrowing institution countersigns."""
    if actor.institution_code == loan.borrower_code:
        return None
    return _domain_rules.said(
        "Only {borrower}, the borrower, countersigns loan {number}.",
        borrower=loan.borrower,
        number=loan.number,
    )


def shipped_already(loan: LoanFacts) -> str | None:
    if not loan.shipped:
        return None
    return _domain_rules.said(
        "Loan {number} cannot be cancelled: it has shipped items (close it instead).",
        number=loan.number,
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
        or clearance_incomplete(loan)
    )


def clearance_incomplete(loan: LoanFacts) -> str | None:
    """A loan is approved only when its clearance checklist is complete."""
    # each title in the reader's language where shown (a window translates a Listed's parts)
    count, titles = f"{len(loan.open_clearance):,}", Listed(loan.open_clearance)
    if not loan.open_clearance:
        return None
    if len(loan.open_clearance) == 1:
        return _domain_rules.said(
            "Clearance is not complete: {count} item open: {titles}.", count=count, titles=titles
        )
    return _domain_rules.said(
        "Clearance is not complete: {count} items open: {titles}.", count=count, titles=titles
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
        count, listed = f"{len(outstanding):,}", ", ".join(outstanding[:10])
        if len(outstanding) == 1:
            return _domain_rules.said(
                "Loan {number} cannot be closed: {count} item is still out ({items}). "
                "Return them, or record consumption or loss first.",
                number=number,
                count=count,
                items=listed,
            )
        return _domain_rules.said(
            "Loan {number} cannot be closed: {count} items are still out ({items}). "
            "Return them, or record consumption or loss first.",
            number=number,
            count=count,
            items=listed,
        )
    if not any(item.issued_ug for item in items if item.derived_from is None):
        return _domain_rules.said(
            "Loan {number} never shipped anything; cancel it instead.", number=number
        )
    return None


class AccountingLine(Protocol):
    """What the closing rule reads of a line of the return accounting
    (``loans.ReturnLine``, NASA form F-75)."""

    @property
    def aliquot_number(self) -> str: ...
    @property
    def expected_ug(self) -> int: ...  # issued, with the book-mass corrections since
    @property
    def accounted_ug(self) -> int: ...  # consumed + lost + returned + accountable


def why_not_close_unresolved(number: str, unresolved: Sequence[str]) -> str | None:
    """Why loan ``number`` cannot be closed while discrepancies found at the receipt of its
    packages are open (``unresolved``: their aliquots or transfers); None: none is."""
    if not unresolved:
        return None
    return _domain_rules.said(
        "Loan {number} cannot be closed: the return accounting does not balance until the "
        "discrepancy found at receipt ({items}) is resolved. Resolve it first.",
        number=number,
        items=", ".join(unresolved[:10]),
    )


def why_not_close_accounted(
    number: str, lines: Sequence[AccountingLine], open_deliverables: Sequence[str]
) -> str | None:
    """Why loan ``number`` cannot be closed once nothing is out (None: it can): its return
    accounting must balance to the microgram on every line, and every deliverable
    (``open_deliverables``: their titles) must be delivered or waived."""
    for line in lines:
        if line.expected_ug != line.accounted_ug:
            return _domain_rules.said(
                "Loan {number} cannot be closed: the return accounting of {aliquot} does not "
                "balance (issued {issued} µg, accounted for {accounted} µg). Resolve the "
                "difference with a recorded loss or correction first.",
                number=number,
                aliquot=line.aliquot_number,
                issued=f"{line.expected_ug:,}",
                accounted=f"{line.accounted_ug:,}",
            )
    if open_deliverables:
        return _domain_rules.said(
            "Loan {number} cannot be closed: deliverables still open ({titles}). Record them "
            "delivered or waive them first.",
            number=number,
            titles="; ".join(open_deliverables[:5]),
        )
    return None


# A loan's state as the lists show it: derived from facts, never stored. An active loan
# whose material is all accounted for but which still owes deliverables is "awaiting
# deliverables" (what Arctos users asked for).
AWAITING_DELIVERABLES = "awaiting_deliverables"


def loan_display_state(
    status: str, shipped: bool, outstanding_items: int, open_deliverables: int
) -> str:
    """The loan's status, or ``AWAITING_DELIVERABLES`` for an active loan with nothing out
    after shipping that still owes something."""
    if status == LoanStatus.ACTIVE and shipped and not outstanding_items and open_deliverables:
        return AWAITING_DELIVERABLES
    return status


def loan_display_state_word(state: str) -> str:
    """A display state as a list or sentence says it."""
    if state == AWAITING_DELIVERABLES:
        return _domain_rules.said("awaiting deliverables")
    return loan_status_word(state)


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
        return _domain_rules.said(
            "Aliquot {aliquot} is {status}; only an aliquot in storage can be lent.",
            aliquot=aliquot.number,
            status=aliquot_state(aliquot.status),
        )
    if not in_lenders_storage:
        holder = aliquot.custodian_institution or _domain_rules.said("another institution")
        return _domain_rules.said(
            "Aliquot {aliquot} is held by {holder}; only an aliquot in your storage can be lent.",
            aliquot=aliquot.number,
            holder=holder,
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
    """An aliquot's status as a sentence says it ("Aliquot X is fully split"), a sentence of
    its own so the window says it in its language inside the sentence."""
    words: dict[str, str] = {
        AliquotStatus.IN_STORAGE: _domain_rules.said("in storage"),
        AliquotStatus.IN_TRANSIT: _domain_rules.said("in transit"),
        AliquotStatus.DEPLETED: _domain_rules.said("fully split"),
        AliquotStatus.CONSUMED: _domain_rules.said("consumed"),
        AliquotStatus.LOST: _domain_rules.said("lost"),
    }
    return words.get(status) or status.replace("_", " ")


def not_in_storage(aliquot: AliquotFacts, done: Literal["split", "consumed"]) -> str | None:
    """Why ``aliquot`` cannot be ``done`` ("split", "consumed") where it is now."""
    if aliquot.status == AliquotStatus.IN_STORAGE:
        return None
    number, status = aliquot.number, aliquot_state(aliquot.status)
    if done == "split":
        return _domain_rules.said(
            "Aliquot {aliquot} is {status}; only an aliquot in storage can be split.",
            aliquot=number,
            status=status,
        )
    return _domain_rules.said(
        "Aliquot {aliquot} is {status}; only an aliquot in storage can be consumed.",
        aliquot=number,
        status=status,
    )


def _not_custodian(
    actor: Actor, aliquot: AliquotFacts, doing: Literal["split it", "record its consumption"]
) -> str | None:
    if aliquot.custodian_id == actor.institution_id:
        return None
    if doing == "split it":
        return _domain_rules.said(
            "Aliquot {aliquot} is held by {custodian}; only its custodian may split it.",
            aliquot=aliquot.number,
            custodian=aliquot.custodian,
        )
    return _domain_rules.said(
        "Aliquot {aliquot} is held by {custodian}; only its custodian may record its consumption.",
        aliquot=aliquot.number,
        custodian=aliquot.custodian,
    )


def loan_forbids_consuming(aliquot: AliquotFacts) -> str | None:
    """Away from its lender, an aliquot is consumed only under an active loan that allows
    destructive analysis."""
    if aliquot.custodian_id == aliquot.owner_id:
        return None
    if aliquot.loan_number is None or aliquot.loan_status != LoanStatus.ACTIVE:
        return _domain_rules.said(
            "Aliquot {aliquot} cannot be consumed here: it is on no active loan.",
            aliquot=aliquot.number,
        )
    if not aliquot.destructive_analysis_allowed:
        return _domain_rules.said(
            "Loan {loan} does not allow destructive analysis of {aliquot}.",
            loan=aliquot.loan_number,
            aliquot=aliquot.number,
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
        return _domain_rules.said(
            "Aliquot {aliquot} is reported lost already.", aliquot=aliquot.number
        )
    if aliquot.status not in (
        AliquotStatus.IN_STORAGE,
        AliquotStatus.IN_TRANSIT,
        AliquotStatus.DEPLETED,
    ):
        return _domain_rules.said(
            "Aliquot {aliquot} is {status}; nothing is left to lose.",
            aliquot=aliquot.number,
            status=aliquot_state(aliquot.status),
        )
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
        return _domain_rules.said(
            "Only the holder of {aliquot} or the lender's curator may report it lost.",
            aliquot=aliquot.number,
        )
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


# ---------------------------------------------------------------------- clearance
#
# A loan's clearance checklist (domain/clearance.py), asked by the loan's Clearance tab,
# the clearance command and the service. Attested by a curator or lab manager of the
# lender or of the borrower (its own documents), waived by a curator of the lender, while
# the loan is open.


@dataclass(frozen=True, slots=True)
class ClearanceFacts:
    """What the clearance rules read of a loan (``queries.ClearanceList`` or its row)."""

    number: str
    status: str
    lender_code: str
    lender: str  # the lending institution's name
    borrower_code: str
    borrower: str


def clearance_state(loan: ClearanceFacts) -> str | None:
    """The checklist changes while the loan is open (a permit is renewed while it runs)."""
    if loan.status in (LoanStatus.DRAFT, LoanStatus.APPROVED, LoanStatus.ACTIVE):
        return None
    return _domain_rules.said(
        "Loan {number} is {status}; its clearance can no longer change.",
        number=loan.number,
        status=loan_status_word(loan.status),
    )


def clearance_side(actor: Actor, loan: ClearanceFacts, *, lender_only: bool) -> str | None:
    """Attesting: the lender's or the borrower's people; waiving: the lender's alone."""
    if actor.institution_code == loan.lender_code:
        return None
    if lender_only:
        return _domain_rules.said(
            "Only {lender}, the lender, waives clearance items of loan {number}.",
            lender=loan.lender,
            number=loan.number,
        )
    if actor.institution_code == loan.borrower_code:
        return None
    return _domain_rules.said(
        "Only {lender} or {borrower} attest clearance items of loan {number}.",
        lender=loan.lender,
        borrower=loan.borrower,
        number=loan.number,
    )


def why_not_attest_clearance(actor: Actor, loan: ClearanceFacts) -> str | None:
    """Why ``actor`` may not attest an item of ``loan``'s checklist (None: they may)."""
    return (
        why_not(actor.roles, "attest_clearance")
        or clearance_state(loan)
        or clearance_side(actor, loan, lender_only=False)
    )


def why_not_waive_clearance(actor: Actor, loan: ClearanceFacts) -> str | None:
    """Why ``actor`` may not waive an item of ``loan``'s checklist (None: they may)."""
    return (
        why_not(actor.roles, "waive_clearance")
        or clearance_state(loan)
        or clearance_side(actor, loan, lender_only=True)
    )


# ---------------------------------------------------------------------- authorised receivers
#
# Who may receive and open a loan's packages at the borrower (domain/receivers.py), asked by
# the loan's receivers section, the `receivers` command and the service alike.


@dataclass(frozen=True, slots=True)
class ReceiversLoanFacts:
    """What the receivers rules read of a loan."""

    number: str
    status: str
    lender_code: str
    borrower_code: str
    borrower: str  # the borrowing institution's name
    pi_username: str


@dataclass(frozen=True, slots=True)
class ReceiverCandidate:
    """What the receivers rules read of a person named as a receiver."""

    username: str
    full_name: str
    institution_code: str
    active: bool
    roles: frozenset[str]


_RECEIVERS_FROZEN = (LoanStatus.CLOSED, LoanStatus.CANCELLED)


def why_not_change_receivers(actor: Actor, loan: ReceiversLoanFacts) -> str | None:
    """Why ``actor`` may not change the authorised receivers of ``loan`` (None: they may):
    the borrower's curators, lab managers and administrators for their own loan, and the
    lender's curators, while the loan is open."""
    borrower_side = actor.institution_code == loan.borrower_code and bool(
        actor.roles & {Role.CURATOR, Role.LAB_MANAGER, Role.ADMIN}
    )
    lender_side = actor.institution_code == loan.lender_code and Role.CURATOR in actor.roles
    if not (borrower_side or lender_side):
        return _domain_rules.said(
            "Only the curators, lab managers or administrators of {borrower}, or the "
            "lender's curators, change the authorised receivers of loan {number}.",
            borrower=loan.borrower,
            number=loan.number,
        )
    if loan.status in _RECEIVERS_FROZEN:
        return _domain_rules.said(
            "Loan {number} is {status}; its authorised receivers can no longer change.",
            number=loan.number,
            status=loan_status_word(loan.status),
        )
    return None


def why_not_authorise(
    person: ReceiverCandidate, loan: ReceiversLoanFacts, current: Collection[str]
) -> str | None:
    """Why ``person`` cannot become an authorised receiver of ``loan`` (None: they can);
    ``current``: the usernames on the list now."""
    if person.username in current:
        return _domain_rules.said(
            "{person} is already an authorised receiver of loan {number}.",
            person=person.full_name,
            number=loan.number,
        )
    if person.institution_code != loan.borrower_code:
        return _domain_rules.said(
            "{person} does not work at {borrower}; only its people receive its packages.",
            person=person.full_name,
            borrower=loan.borrower,
        )
    if not person.active:
        return _domain_rules.said("{person}'s account is not active.", person=person.full_name)
    if why_not(person.roles, "receive") is not None:
        return _domain_rules.said(
            "{person} has no role that confirms receipts (a curator or lab manager does).",
            person=person.full_name,
        )
    return None


def why_not_remove_receiver(
    username: str, full_name: str, loan: ReceiversLoanFacts, current: Collection[str]
) -> str | None:
    """Why ``username`` cannot leave the authorised receivers of ``loan`` (None: they can).
    The PI stays, so the list is never empty."""
    if username == loan.pi_username:
        return _domain_rules.said(
            "{person} is the principal investigator of loan {number} and stays an authorised "
            "receiver.",
            person=full_name,
            number=loan.number,
        )
    if username not in current:
        return _domain_rules.said(
            "{person} is not an authorised receiver of loan {number}.",
            person=full_name,
            number=loan.number,
        )
    if len(current) <= 1:
        return _domain_rules.said(
            "Loan {number} needs at least one authorised receiver.", number=loan.number
        )
    return None
