"""How every menu item, toolbar button and shortcut shows whether it may be used now.

The reason an action is unavailable is the domain's answer (permissions.why_not, the
rules.why_not_* functions); what an action still needs from the screen (a selection) is
worded here, once, so every view asks for it in the same words.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QAction

from .translation import Translator, translated

_actions = Translator("_actions")

# "&Quit" and its Chinese "退出(&Q)": the accelerator, in either way of writing it
_ACCELERATOR = re.compile(r"\(&[^)]\)|&(?=.)")


def allow(action: QAction, reason: str | None, tip: str) -> None:
    """Enable ``action`` with its help ``tip``, or disable it with ``reason``: shown as the
    tooltip of its menu entry and button, and in the status bar when pointed at. A reason
    marked with ``noop`` (the SELECT_* below) is shown in the window's language."""
    action.setEnabled(reason is None)
    text = translated(reason) if reason is not None else translated(tip)
    action.setToolTip(text)
    action.setStatusTip(text)


def plain_text(text: str) -> str:
    """A menu entry's words without its accelerator or ellipsis: "&Find…" -> "Find"."""
    return _ACCELERATOR.sub("", text).rstrip("…").rstrip(".")


# The reason an action that works on a selection is unavailable while none is made: whole
# sentences, each translated as one (allow() shows them in the window's language).
SELECT_LOAN = _actions.noop("Select a loan first.")
SELECT_ALIQUOT = _actions.noop("Select an aliquot first.")
SELECT_ALIQUOTS = _actions.noop("Select one or more aliquots first.")
SELECT_PACKAGE = _actions.noop("Select a package first.")
SELECT_PREPARED_PACKAGE = _actions.noop("Select a prepared package first.")
SELECT_ARRIVED_PACKAGE = _actions.noop("Select the package that arrived first.")
SELECT_DISCREPANCY = _actions.noop("Select an open discrepancy first.")
SELECT_INSTITUTION = _actions.noop("Select an institution first.")
SELECT_PERSON = _actions.noop("Select a person first.")
