"""What a signature on a loan agreement, a transfer or a discrepancy's resolution is bound
to, as one typed definition.

The services build it from the database rows when a person signs, the GUI and the documents
read it, and the benchmark generator builds the very same objects from its own records.
``as_dict`` is the canonical form whose SHA-256 (``identity.content_hash``) a signature
stores: its keys and value types must never change, or every stored signature stops
matching what it was given on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class LoanItemContent:
    """One aliquot as lent: its number and its mass when put on the loan."""

    aliquot_number: str
    mass_at_loan_ug: int


@dataclass(frozen=True, slots=True)
class LoanContent:
    """The terms of a loan agreement and its items (not the children split at the borrower)."""

    number: str
    lender: str  # institution code
    borrower: str  # institution code
    principal_investigator: str  # user name
    co_investigators: str
    purpose: str
    starts_on: date
    due_on: date
    destructive_analysis_allowed: bool
    notes: str
    items: tuple[LoanItemContent, ...]  # by aliquot number

    @property
    def total_mass_ug(self) -> int:
        return sum(item.mass_at_loan_ug for item in self.items)

    def lent_masses(self) -> dict[str, int]:
        """The mass each item had when put on the loan, by aliquot number."""
        return {item.aliquot_number: item.mass_at_loan_ug for item in self.items}

    def as_dict(self) -> dict[str, Any]:
        """The canonical content a signature's hash covers."""
        return {
            "number": self.number,
            "lender": self.lender,
            "borrower": self.borrower,
            "principal_investigator": self.principal_investigator,
            "co_investigators": self.co_investigators,
            "purpose": self.purpose,
            "starts_on": self.starts_on.isoformat(),
            "due_on": self.due_on.isoformat(),
            "destructive_analysis_allowed": bool(self.destructive_analysis_allowed),
            "notes": self.notes,
            "items": [[item.aliquot_number, item.mass_at_loan_ug] for item in self.items],
        }


@dataclass(frozen=True, slots=True)
class TransferItemContent:
    aliquot_number: str
    expected_mass_ug: int
    measured_mass_ug: int | None


@dataclass(frozen=True, slots=True)
class LegContent:
    seq: int
    courier: str  # user name


@dataclass(frozen=True, slots=True)
class TransferContent:
    """A package and who holds it: what the signatures on each handoff are bound to."""

    number: str
    from_institution: str  # institution code
    to_institution: str  # institution code
    receiver: str  # user name
    courier: str  # user name
    container: str
    seal_number: str
    status: str
    items: tuple[TransferItemContent, ...]  # in the order they were packed
    legs: tuple[LegContent, ...]  # by seq

    def as_dict(self) -> dict[str, Any]:
        """The canonical content a signature's hash covers."""
        return {
            "number": self.number,
            "from": self.from_institution,
            "to": self.to_institution,
            "receiver": self.receiver,
            "courier": self.courier,
            "container": self.container,
            "seal_number": self.seal_number,
            "status": str(self.status),
            "items": [
                [item.aliquot_number, item.expected_mass_ug, item.measured_mass_ug]
                for item in self.items
            ],
            "legs": [[leg.seq, leg.courier] for leg in self.legs],
        }


@dataclass(frozen=True, slots=True)
class ResolutionContent:
    """A curator's resolution of a discrepancy flagged at receipt."""

    transfer: str  # transfer number
    aliquot: str | None  # None for a seal report on the whole package
    kind: str  # "mass" or "seal"
    expected: int | None  # book mass, micrograms
    measured: int | None
    resolution: str
    note: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "transfer": self.transfer,
            "aliquot": self.aliquot,
            "kind": self.kind,
            "expected": self.expected,
            "measured": self.measured,
            "resolution": self.resolution,
            "note": self.note,
        }
