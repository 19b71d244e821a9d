"""An open database: one transaction per operation, and opening it (then upgrading it).

A database is either one SQLite file (the default, in the user's data directory) or a
PostgreSQL database shared by several workstations (where it is: ``location``; its engine:
``engine``). ``Database`` implements the domain's ``Store`` protocol: ``write()`` and
``read()`` hand out a short-lived Session inside one transaction, and failures of the
database itself (locked, missing, not a database, server unreachable) come out as the
domain's ``DatabaseError`` family with a message naming the database, never as a driver
traceback.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    import psycopg

from ..domain.errors import (
    CustodyError,
    DatabaseError,
    DatabaseLockedError,
    DatabaseMissingError,
    DatabaseReadOnlyError,
    NotADatabaseError,
    ValidationError,
)
from ..domain.store import LedgerScan, RecordScan
from ..domain.wording import Words
from .engine import (
    DEFAULT_BUSY_TIMEOUT_MS,
    WRITE_OPTION,
    postgresql_engine,
    prepare_sqlite_file,
    sqlite_engine,
)
from .ledger_scan import scanning
from .location import (
    data_directory,
    database_display_name,
    default_database_path,
    resolve_database_url,
)
from .migrate import upgrade_database
from .record_scan import record_scanning

logger = logging.getLogger(__name__)
_domain_storage_database = Words("_domain_storage_database")

# Where a database is (``location``) is named here too: the GUI and the command line open a
# database and ask where the default one is in the same breath.
__all__ = [
    "DEFAULT_BUSY_TIMEOUT_MS",
    "Database",
    "data_directory",
    "database_display_name",
    "default_database_path",
    "resolve_database_url",
]


class Database:
    """An open database: the engine plus one transaction per operation (the ``Store``).

    Build it with ``Database.open``; ``dispose()`` closes every pooled connection (or use
    it as a context manager).
    """

    url: str
    engine: Engine
    dialect: str
    path: Path | None
    name: str

    def __init__(self, url: str, engine: Engine, path: Path | None) -> None:
        self.url = url
        self.engine = engine
        self.dialect = engine.dialect.name
        self.path = path
        self.name = database_display_name(url)
        self._write_sessions = sessionmaker(
            bind=engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )
        self._read_sessions = sessionmaker(bind=engine, expire_on_commit=False)

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(
        cls,
        arg: str | None = None,
        *,
        create: bool = True,
        migrate: bool = True,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    ) -> Database:
        """Open the database named by ``arg`` (see ``resolve_database_url``).

        ``create=False`` refuses a SQLite file that does not exist (DatabaseMissingError)
        instead of creating it with its folder. ``migrate=True`` brings the schema up to
        date (see ``migrate.upgrade_database``: a backup copy first, a newer schema
        refused). ``busy_timeout_ms`` is how long a SQLite writer waits for another one.
        """
        url = resolve_database_url(arg)
        name = database_display_name(url)
        try:
            parsed = make_url(url)
        except ArgumentError as error:  # not echoed: it may hold a password
            raise DatabaseError(
                _domain_storage_database.said(
                    "That is not a database URL; a PostgreSQL one looks like "
                    "postgresql+psycopg://user@host:5432/database."
                )
            ) from error
        backend = parsed.get_backend_name()
        if backend == "sqlite":
            path = prepare_sqlite_file(parsed, create=create)
            parsed = parsed.set(database=str(path))
            engine = sqlite_engine(parsed, busy_timeout_ms)
        elif backend == "postgresql":
            path = None
            engine = postgresql_engine(parsed)
        else:
            raise DatabaseError(
                _domain_storage_database.said(
                    "Lunar Custody keeps its records in a SQLite file or a PostgreSQL "
                    "database; '{driver}' ({name}) is not supported.",
                    driver=parsed.drivername,
                    name=name,
                )
            )
        db = cls(url, engine, path)
        try:
            with db._translated():
                with engine.connect():
                    pass  # connecting runs the pragmas, which read the file header
                if migrate:
                    upgrade_database(db)
        except BaseException:
            db.dispose()
            raise
        return db

    def dispose(self) -> None:
        """Close every pooled connection (the object is unusable afterwards)."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.dispose()

    def __repr__(self) -> str:
        return f"<Database {self.dialect} {self.name}>"

    # ------------------------------------------------------------------ the Store

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session inside one write transaction: committed on success, else rolled back.

        On SQLite the transaction starts with BEGIN IMMEDIATE before the body runs, so a
        second writer waits here (up to the busy timeout) instead of failing half-way.
        Domain errors raised in the body pass through unchanged after the rollback.
        """
        session = self._write_sessions()
        try:
            session.connection()  # BEGIN (IMMEDIATE) now, before any work
            yield session
            session.commit()
        except DBAPIError as error:
            _rollback_quietly(session)
            translated = self.translate(error)
            if translated is None:
                raise
            raise translated from error
        except BaseException:  # domain errors included: rolled back, passed on unchanged
            _rollback_quietly(session)
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only; its transaction is rolled back, never committed."""
        session = self._read_sessions()
        try:
            with self._translated():
                yield session
        finally:
            session.close()

    @contextmanager
    def scan_ledger(self, *, workers: int | None = None) -> Iterator[LedgerScan]:
        """The ledger in one read transaction, read fast for verify (``storage.ledger_scan``).

        ``workers`` processes check the hashes of a SQLite file beside the replay (None: by
        the ledger's size); they stop with the block.
        """
        sqlite_file = str(self.path) if self.dialect == "sqlite" and self.path else None
        with self.read() as session, scanning(session, sqlite_file, workers) as scan:
            yield scan

    @contextmanager
    def scan_records(self, *, workers: int | None = None) -> Iterator[RecordScan]:
        """The audit trail and the audited tables in one read snapshot, read fast for verify
        (``storage.record_scan``): on PostgreSQL a REPEATABLE READ transaction, so a change
        committed meanwhile cannot show as one made outside the program."""
        sqlite_file = str(self.path) if self.dialect == "sqlite" and self.path else None
        with self.read() as session:
            if self.dialect == "postgresql":
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            with record_scanning(session, sqlite_file, workers) as scan:
                yield scan

    # ------------------------------------------------------------------ errors

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except _driver_errors() as error:
            translated = self.translate(error)
            if translated is None:
                raise
            raise translated from error

    def translate(self, error: BaseException) -> CustodyError | None:
        """The typed error a person should see for ``error``, or None to let it through.

        A DatabaseError, or a ValidationError for typed text PostgreSQL cannot hold (NUL).

        Only failures of the database itself are translated (locked, missing, read-only,
        not a database, server unreachable); everything else, e.g. a constraint or an
        append-only trigger refusing a statement, is left alone.
        """
        original = error.orig if isinstance(error, DBAPIError) else error
        if isinstance(original, sqlite3.Error):
            return self._translate_sqlite(original)
        pg = _loaded_psycopg()
        if pg is None:
            return None
        if isinstance(original, pg.DataError) and "NUL (0x00)" in str(original):
            # PostgreSQL text cannot hold NUL: typed input (a number, a user name, a search)
            # that the services would refuse anyway, met by a query before they could.
            return ValidationError(
                _domain_storage_database.said(
                    "The text contains a NUL character (\\x00), which cannot be stored or "
                    "looked up; remove it."
                )
            )
        if isinstance(original, pg.Error):
            lost = isinstance(error, DBAPIError) and error.connection_invalidated
            return self._translate_postgresql(original, lost=lost)
        return None

    def _translate_sqlite(self, error: sqlite3.Error) -> DatabaseError | None:
        code = getattr(error, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        message = str(error).lower()
        where = str(self.path) if self.path else self.name
        if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "is locked" in message:
            return DatabaseLockedError(
                _domain_storage_database.said(
                    "The database {database} is locked by another program; try again in a moment.",
                    database=self.name,
                )
            )
        if (
            primary in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT)
            or "not a database" in message
            or "malformed" in message
        ):
            return NotADatabaseError(
                _domain_storage_database.said(
                    "The file {where} is not a Lunar Custody database, or it is damaged.",
                    where=where,
                )
            )
        if (
            primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM)
            or "readonly" in message
            or "read-only" in message
        ):
            return DatabaseReadOnlyError(
                _domain_storage_database.said(
                    "The database {where} cannot be written: check that you may write the "
                    "file and its folder.",
                    where=where,
                )
            )
        if primary == sqlite3.SQLITE_CANTOPEN or "unable to open" in message:
            if self.path is not None and not self.path.parent.is_dir():
                return DatabaseMissingError(
                    _domain_storage_database.said(
                        "The folder of the database {where} does not exist.", where=where
                    )
                )
            return DatabaseReadOnlyError(
                _domain_storage_database.said(
                    "The database {where} cannot be opened: check that you may read and "
                    "write the file and its folder.",
                    where=where,
                )
            )
        if primary == sqlite3.SQLITE_FULL or "disk is full" in message:
            return DatabaseError(
                _domain_storage_database.said(
                    "The disk holding the database {where} is full.", where=where
                )
            )
        if primary == sqlite3.SQLITE_IOERR or "disk i/o error" in message:
            return DatabaseError(
                _domain_storage_database.said(
                    "The database {where} could not be read or written (a disk or network "
                    "drive error).",
                    where=where,
                )
            )
        return None

    def _translate_postgresql(self, error: psycopg.Error, *, lost: bool) -> DatabaseError | None:
        state = getattr(error, "sqlstate", None) or ""
        message = str(error).lower()
        if (
            state in ("28P01", "28000")
            or "password authentication failed" in message
            or ("no password supplied" in message)
        ):
            return DatabaseError(
                _domain_storage_database.said(
                    "The PostgreSQL server refused the login to {database}: check the user "
                    "name and password.",
                    database=self.name,
                )
            )
        if state == "3D000" or ("database" in message and "does not exist" in message):
            return DatabaseMissingError(
                _domain_storage_database.said(
                    "The PostgreSQL database {database} does not exist.", database=self.name
                )
            )
        if state in ("25006", "42501"):
            return DatabaseReadOnlyError(
                _domain_storage_database.said(
                    "The PostgreSQL database {database} does not let this user make that change.",
                    database=self.name,
                )
            )
        if state in ("55P03", "40P01", "40001"):
            return DatabaseLockedError(
                _domain_storage_database.said(
                    "The database {database} is busy with another user's change; "
                    "try again in a moment.",
                    database=self.name,
                )
            )
        if isinstance(error, _loaded_psycopg().OperationalError) and not state:
            if lost:
                return DatabaseError(
                    _domain_storage_database.said(
                        "The connection to the PostgreSQL database {database} was lost; try again.",
                        database=self.name,
                    )
                )
            return DatabaseError(
                _domain_storage_database.said(
                    "Cannot connect to the PostgreSQL database {database}: check that the "
                    "server is running and that the host and port are right.",
                    database=self.name,
                )
            )
        return None


def _loaded_psycopg() -> Any:
    """The PostgreSQL driver if it is loaded, else None.

    SQLAlchemy imports it with the first PostgreSQL engine, so an error can only be one of
    its own once it is; a workstation on a SQLite file never pays for importing it.
    """
    return sys.modules.get("psycopg")


def _driver_errors() -> tuple[type[BaseException], ...]:
    """What ``Database._translated`` looks at: SQLAlchemy's and the drivers' errors."""
    pg = _loaded_psycopg()
    return (DBAPIError, sqlite3.Error) if pg is None else (DBAPIError, sqlite3.Error, pg.Error)


def _rollback_quietly(session: Session) -> None:
    """Roll back, but never let a failing rollback hide the error that caused it."""
    try:
        session.rollback()
    except Exception:  # the connection may be gone; the original error says why
        logger.debug("rollback after an error failed", exc_info=True)
