"""The names of states, kinds and roles, defined once.

Each is a ``StrEnum``: a member equals its old string (``LoanStatus.ACTIVE == "active"``),
is stored in the database as that text, and hashes and prints as it, so the stored data,
the ledger's hashes and the signatures' content stay exactly as before.
"""

from __future__ import annotations

from enum import StrEnum


class AliquotStatus(StrEnum):
    """An aliquot's status after its latest custody event."""

    IN_STORAGE = "in_storage"
    IN_TRANSIT = "in_transit"
    DEPLETED = "depleted"  # all of its mass went into children
    CONSUMED = "consumed"
    LOST = "lost"


class LoanStatus(StrEnum):
    """draft -> approved (lender signs) -> active (borrower countersigns) -> closed."""

    DRAFT = "draft"
    APPROVED = "approved"
    ACTIVE = "active"
    CLOSED = "closed"
    CANCELLED = "cancelled"


# A loan that still binds its items: no other loan may take them.
OPEN_LOAN_STATES = (LoanStatus.DRAFT, LoanStatus.APPROVED, LoanStatus.ACTIVE)


class TransferStatus(StrEnum):
    PREPARED = "prepared"
    IN_TRANSIT = "in_transit"
    RECEIVED = "received"
    CANCELLED = "cancelled"


# A package still under way: packed or with a courier.
UNDER_WAY = (TransferStatus.PREPARED, TransferStatus.IN_TRANSIT)


class TransferKind(StrEnum):
    OUTBOUND = "outbound"  # lender to borrower
    RETURN = "return"  # back to the lender
    INTERNAL = "internal"  # under no loan


class InstitutionKind(StrEnum):
    LENDER = "lender"
    BORROWER = "borrower"
    COURIER = "courier"


class Role(StrEnum):
    ADMIN = "admin"
    CURATOR = "curator"
    LAB_MANAGER = "lab_manager"
    COURIER = "courier"
    VIEWER = "viewer"


class EventKind(StrEnum):
    """The kinds of custody event the ledger records."""

    REGISTERED = "registered"
    DERIVED = "derived"
    SPLIT = "split"
    RELEASED = "released"
    HANDED_OVER = "handed_over"
    RECEIVED = "received"
    RETURNED = "returned"
    CONSUMED = "consumed"
    MASS_LOST = "mass_lost"
    LOST = "lost"
    CORRECTED = "corrected"
    # an annual inventory found the aliquot where the books say (changes nothing)
    INVENTORIED = "inventoried"
