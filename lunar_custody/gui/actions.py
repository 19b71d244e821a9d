"""How every menu item, toolbar button and shortcut shows whether it may be used now.

The reason an action is unavailable is the domain's answer (permissions.why_not, the
rules.why_not_* functions); what an action still needs from the screen (a selection) is
worded here, once, so every view asks for it in the same words.
"""

from __future__ import annotations

from PySide6.QtGui import QAction


def allow(action: QAction, reason: str | None, tip: str) -> None:
    """Enable ``action`` with its help ``tip``, or disable it with ``reason``: shown as the
    tooltip of its menu entry and button, and in the status bar when pointed at."""
    action.setEnabled(reason is None)
    text = reason if reason is not None else tip
    action.setToolTip(text)
    action.setStatusTip(text)


def select_first(what: str) -> str:
    """The reason an action that works on a selection is unavailable while none is made."""
    return f"Select {what} first."


SELECT_LOAN = select_first("a loan")
SELECT_ALIQUOT = select_first("an aliquot")
SELECT_ALIQUOTS = select_first("one or more aliquots")
SELECT_PACKAGE = select_first("a package")
SELECT_PREPARED_PACKAGE = select_first("a prepared package")
SELECT_ARRIVED_PACKAGE = select_first("the package that arrived")
SELECT_DISCREPANCY = select_first("an open discrepancy")
SELECT_INSTITUTION = select_first("an institution")
SELECT_PERSON = select_first("a person")
