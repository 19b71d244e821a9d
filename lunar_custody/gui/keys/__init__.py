"""Institutions ▸ Keys: this installation's certificate, partners' and people's."""

from .dialogs import ImportCertificateDialog, RevokeKeyDialog
from .window import KeysWindow

__all__ = ["ImportCertificateDialog", "KeysWindow", "RevokeKeyDialog"]
