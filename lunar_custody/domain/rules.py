"""Why not: custody rule 5, asked by the windows, the courier's screens and the services.

Only the sending side releases or cancels a package, and only while it is prepared; only
the named receiver confirms its receipt, while it is in transit; discrepancies are resolved
by the lender's curators. Each ``why_not_*`` answers, in the words a person reads, why
``actor`` may not do that now (None: they may). The workstation shows the answer as the
disabled action's tooltip, the courier screen says it in red, and the service raises it, so
the command line prints the same words.

Pure functions over an ``Actor`` and a read model: ``queries.TransferDetail`` and
``queries.DiscrepancyDetail`` carry the fields read here, and so do the ``TransferFacts`` and
``DiscrepancyFacts`` a service builds from its rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from .permissions import Actor, why_not
from .states import TransferStatus


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
        reason = f"Transfer {transfer.number} is released by {transfer.from_institution}."
    return reason


def why_not_cancel_transfer(actor: Actor, transfer: TransferLike) -> str | None:
    """Why ``actor`` may not cancel (unpack) ``transfer`` (None: they may)."""
    reason = why_not(actor.roles, "prepare_transfer") or _unless_prepared(transfer, "cancelled")
    if reason is None and transfer.from_code != actor.institution_code:
        reason = f"Transfer {transfer.number} belongs to {transfer.from_institution}."
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
        reason = "Discrepancies are resolved by the lender's curators."
    return reason
