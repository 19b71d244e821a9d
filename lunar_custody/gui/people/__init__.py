"""Institutions and people: the administrator's page and its dialogs."""

from .dialogs import InstitutionDialog, PasswordDialog, PersonDialog
from .view import AdminView

__all__ = ["AdminView", "InstitutionDialog", "PasswordDialog", "PersonDialog"]
