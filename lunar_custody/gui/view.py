"""What the main window needs from a view."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from .context import AppContext


class View(QWidget):
    """One page of the main window (Dashboard, Samples, Loans...).

    ``refresh`` reads again from the database; ``focus_search`` puts the cursor in the
    view's search box (Ctrl+F); ``menu_actions`` go into the window's menu for this view.
    """

    title = "View"
    # Shown in the sidebar and the View menu with Ctrl+<position>.

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stale = False

    def refresh(self) -> None:
        """Read again from the database."""

    def focus_search(self) -> None:
        """Put the cursor in the search box, if the view has one."""

    def menu_actions(self) -> list[QAction]:
        return []
