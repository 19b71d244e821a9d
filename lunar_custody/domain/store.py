"""What the services need from storage: one transaction per operation.

``storage.Database`` implements this; the domain only knows the protocol, so the
dependency points from storage to domain and never back.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Protocol

from sqlalchemy.orm import Session

from .errors import Cancelled

# Long work reports progress(done, total) now and then; a True answer asks it to stop
# (and roll back). A callback that only displays progress returns None and changes nothing.
ProgressCallback = Callable[[int, int], bool | None]


def report_progress(
    progress: ProgressCallback | None, done: int, total: int, *, cancelled: str
) -> None:
    """Tell ``progress`` how far the work is; raise Cancelled(``cancelled``) if asked to stop."""
    if progress is not None and progress(done, total):
        raise Cancelled(cancelled)


class Store(Protocol):
    dialect: str  # "sqlite" or "postgresql"

    def write(self) -> AbstractContextManager[Session]:
        """A session inside one write transaction: committed on success, rolled back on error.

        On SQLite the transaction starts with BEGIN IMMEDIATE so two writers queue on the
        busy timeout instead of failing half-way; on PostgreSQL rows are locked with
        ``with_for_update`` by the services.
        """
        ...

    def read(self) -> AbstractContextManager[Session]:
        """A session for reading only (never committed)."""
        ...
