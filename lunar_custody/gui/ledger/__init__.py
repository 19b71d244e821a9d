"""The ledger: custody events, the audit trail, and Verify."""

from .view import LedgerView

__all__ = ["LedgerView"]
