"""Loans: the list and one loan's detail (view, detail), the loan editor (editor), and the
signed steps after approval (dialogs)."""

from .dialogs import CancelLoanDialog, CloseLoanDialog, ExtendLoanDialog
from .editor import LoanEditor
from .view import LoansView

__all__ = ["CancelLoanDialog", "CloseLoanDialog", "ExtendLoanDialog", "LoanEditor", "LoansView"]
