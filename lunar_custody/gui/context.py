"""What every view and dialog of a signed-in window shares: the database and who acts."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..domain.permissions import Actor, why_not
from ..storage import Database
from .operations import Operations


class AppContext(QObject):
    """The open database, the signed-in person, and a signal that records changed.

    Windows run every service call and long task through ``ops`` (gui/operations.py); after
    work that changed records it emits ``changed`` and every view reads again from the
    database (the visible one at once, the others when next shown).
    """

    changed = Signal()

    def __init__(self, db: Database, actor: Actor) -> None:
        super().__init__()
        self.db = db
        self.actor = actor
        self.ops = Operations(self)
        self.ops.changed.connect(self.changed)

    def why_not(self, operation: str) -> str | None:
        """Why the signed-in person may not do ``operation`` (None: they may)."""
        return why_not(self.actor.roles, operation)

    def may(self, operation: str) -> bool:
        return self.why_not(operation) is None
