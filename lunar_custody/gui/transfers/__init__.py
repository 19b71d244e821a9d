"""The Transfers feature: the view (view.py), its detail panes (detail.py), the new-package
dialog (package.py), the receipt, resolution and reason dialogs (dialogs.py) and their table
helpers (tables.py)."""

from .view import TransfersView

__all__ = ["TransfersView"]
