"""A Store whose operations all run in one database transaction, committed at the end.

Each operation's ``write`` is a savepoint inside it (its error rolls back that operation
only, as on its own); reads see what the operations before wrote. Work that must appear
whole or not at all on a database that cannot be built beside and renamed into place (a
PostgreSQL database, an existing SQLite file) runs here: a run killed part-way leaves the
database as it was, since the server rolls back the transaction of a connection that is gone.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ..domain.store import LedgerScan, RecordScan
from .database import Database
from .engine import WRITE_OPTION
from .ledger_scan import scanning
from .record_scan import record_scanning


class OneTransaction:
    """The ``Store`` of ``one_transaction``: every session joins one connection's transaction."""

    def __init__(self, db: Database, connection: Connection) -> None:
        self.db = db
        self.dialect = db.dialect
        self.connection = connection

    def _session(self) -> Session:
        return Session(
            bind=self.connection,
            join_transaction_mode="create_savepoint",
            expire_on_commit=False,
        )

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One operation: a savepoint, released on success, else rolled back."""
        session = self._session()
        try:
            yield session
            session.commit()
        except DBAPIError as error:
            session.rollback()
            translated = self.db.translate(error)
            if translated is None:
                raise
            raise translated from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._session()
        try:
            yield session
        finally:
            session.close()

    @contextmanager
    def scan_ledger(self, *, workers: int | None = None) -> Iterator[LedgerScan]:
        # Workers would read the file, which holds none of this transaction: none here.
        with self.read() as session, scanning(session, None, 0) as scan:
            yield scan

    @contextmanager
    def scan_records(self, *, workers: int | None = None) -> Iterator[RecordScan]:
        with self.read() as session, record_scanning(session, None, 0) as scan:
            yield scan


@contextmanager
def one_transaction(db: Database) -> Iterator[OneTransaction]:
    """A Store over ``db`` whose operations commit together when the block ends normally,
    and not at all otherwise (an error, an interruption, a killed process)."""
    engine = db.engine.execution_options(**{WRITE_OPTION: True})
    with engine.connect() as connection, connection.begin():
        yield OneTransaction(db, connection)
