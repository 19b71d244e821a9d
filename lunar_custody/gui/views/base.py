"""The View base class, now ``gui/view.py``: kept for the views not yet in a feature package."""

from __future__ import annotations

from ..view import View

__all__ = ["View"]
