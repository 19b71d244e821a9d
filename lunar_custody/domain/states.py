"""The names of states, defined once.

Each is a ``StrEnum``: a member equals its old string (``TransferStatus.PREPARED ==
"prepared"``), is stored in the database as that text, and hashes and prints as it.
"""

from __future__ import annotations

from enum import StrEnum


class TransferStatus(StrEnum):
    PREPARED = "prepared"
    IN_TRANSIT = "in_transit"
    RECEIVED = "received"
    CANCELLED = "cancelled"
