"""Where the database is, how to connect to it, and one transaction per operation.

A database is either one SQLite file (the default, in the user's data directory) or a
PostgreSQL database shared by several workstations. ``Database`` implements the domain's
``Store`` protocol: ``write()`` and ``read()`` hand out a short-lived Session inside one
transaction, and failures of the database itself (locked, missing, not a database, server
unreachable) come out as the domain's ``DatabaseError`` family with a message naming the
database, never as a driver traceback.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from platformdirs import user_data_path
from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

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
from ..domain.store import LedgerScan
from .ledger_scan import scanning

logger = logging.getLogger(__name__)

APP_NAME = "lunar-custody"
DATABASE_FILE_NAME = "lunar_custody.db"
DATABASE_ENV = "LUNAR_CUSTODY_DB"
DEFAULT_BUSY_TIMEOUT_MS = 10_000
# Seconds to wait for a PostgreSQL server before saying it cannot be reached.
PG_CONNECT_TIMEOUT_S = 10

# Execution option that makes the SQLite "begin" hook take the write lock at once.
WRITE_OPTION = "lc_write"


def data_directory() -> Path:
    """The user's data directory for Lunar Custody (the default database, backups)."""
    return user_data_path(APP_NAME, appauthor=False)


def default_database_path() -> Path:
    """The SQLite file used when neither ``--db`` nor ``LUNAR_CUSTODY_DB`` names one."""
    return data_directory() / DATABASE_FILE_NAME


def resolve_database_url(arg: str | None = None) -> str:
    """The SQLAlchemy URL of the database to use.

    ``arg`` (from ``--db``) wins, then the environment variable ``LUNAR_CUSTODY_DB``, then
    the default file. A value containing ``://`` is a SQLAlchemy URL used as is (e.g.
    ``postgresql+psycopg://user@host:5432/custody``); anything else is a file path, made
    absolute (``~`` expanded) and turned into a ``sqlite:///`` URL.
    """
    value = arg if arg else os.environ.get(DATABASE_ENV) or None
    if value is None:
        return _sqlite_url(default_database_path())
    value = value.strip()
    if "://" in value:
        return value
    return _sqlite_url(Path(value))


def _sqlite_url(path: Path) -> str:
    absolute = Path(os.path.abspath(path.expanduser()))
    # URL.create escapes characters such as '?' and '#' that a file name may contain.
    return URL.create("sqlite", database=str(absolute)).render_as_string(hide_password=False)


def database_display_name(url: str) -> str:
    """A short name for window titles and messages: the file name, or ``db@host``.

    Never contains the password of a PostgreSQL URL.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        return "the database"
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            return "in-memory database"
        return Path(parsed.database).name
    host = parsed.host or _query_value(parsed, "host") or "localhost"
    if parsed.database:
        return f"{parsed.database}@{host}"
    return host


def _query_value(url: URL, key: str) -> str | None:
    value = url.query.get(key)
    if isinstance(value, tuple):
        return value[0] if value else None
    return value


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
                "That is not a database URL; a PostgreSQL one looks like "
                "postgresql+psycopg://user@host:5432/database."
            ) from error
        backend = parsed.get_backend_name()
        if backend == "sqlite":
            path = _prepare_sqlite_file(parsed, create=create)
            parsed = parsed.set(database=str(path))
            engine = _sqlite_engine(parsed, busy_timeout_ms)
        elif backend == "postgresql":
            path = None
            engine = _postgresql_engine(parsed)
        else:
            raise DatabaseError(
                f"Lunar Custody keeps its records in a SQLite file or a PostgreSQL database; "
                f"'{parsed.drivername}' ({name}) is not supported."
            )
        db = cls(url, engine, path)
        try:
            with db._translated():
                with engine.connect():
                    pass  # connecting runs the pragmas, which read the file header
                if migrate:
                    from .migrate import upgrade_database

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
                "The text contains a NUL character (\\x00), which cannot be stored or "
                "looked up; remove it."
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
                f"The database {self.name} is locked by another program; try again in a moment."
            )
        if (
            primary in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT)
            or "not a database" in message
            or "malformed" in message
        ):
            return NotADatabaseError(
                f"The file {where} is not a Lunar Custody database, or it is damaged."
            )
        if (
            primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM)
            or "readonly" in message
            or "read-only" in message
        ):
            return DatabaseReadOnlyError(
                f"The database {where} cannot be written: check that you may write the file "
                "and its folder."
            )
        if primary == sqlite3.SQLITE_CANTOPEN or "unable to open" in message:
            if self.path is not None and not self.path.parent.is_dir():
                return DatabaseMissingError(f"The folder of the database {where} does not exist.")
            return DatabaseReadOnlyError(
                f"The database {where} cannot be opened: check that you may read and write "
                "the file and its folder."
            )
        if primary == sqlite3.SQLITE_FULL or "disk is full" in message:
            return DatabaseError(f"The disk holding the database {where} is full.")
        if primary == sqlite3.SQLITE_IOERR or "disk i/o error" in message:
            return DatabaseError(
                f"The database {where} could not be read or written (a disk or network "
                "drive error)."
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
                f"The PostgreSQL server refused the login to {self.name}: check the user name "
                "and password."
            )
        if state == "3D000" or ("database" in message and "does not exist" in message):
            return DatabaseMissingError(f"The PostgreSQL database {self.name} does not exist.")
        if state in ("25006", "42501"):
            return DatabaseReadOnlyError(
                f"The PostgreSQL database {self.name} does not let this user make that change."
            )
        if state in ("55P03", "40P01", "40001"):
            return DatabaseLockedError(
                f"The database {self.name} is busy with another user's change; "
                "try again in a moment."
            )
        if isinstance(error, _loaded_psycopg().OperationalError) and not state:
            if lost:
                return DatabaseError(
                    f"The connection to the PostgreSQL database {self.name} was lost; try again."
                )
            return DatabaseError(
                f"Cannot connect to the PostgreSQL database {self.name}: check that the server "
                "is running and that the host and port are right."
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


# ---------------------------------------------------------------------- SQLite


def _prepare_sqlite_file(url: URL, *, create: bool) -> Path:
    """The absolute path of the database file; its folder is made when ``create``."""
    if not url.database or url.database == ":memory:":
        raise DatabaseError("An in-memory database cannot hold custody records; give a file.")
    path = Path(os.path.abspath(Path(url.database).expanduser()))
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a Lunar Custody database file.")
    if path.exists():
        return path
    if not create:
        raise DatabaseMissingError(f"There is no database at {path}.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseReadOnlyError(
            f"Cannot create the folder {path.parent} for the database {path.name}: "
            f"{error.strerror or error}."
        ) from error
    return path


def _sqlite_engine(url: URL, busy_timeout_ms: int) -> Engine:
    # The driver's own transaction handling is switched off (isolation_level None below):
    # it would not BEGIN before SELECT or DDL. SQLAlchemy's documented recipe emits BEGIN
    # from the "begin" event instead, which also lets writers take the lock up front.
    engine = create_engine(url, connect_args={"timeout": busy_timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute("PRAGMA foreign_keys = ON")
            (mode,) = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
            if str(mode).lower() != "wal":
                logger.warning("SQLite kept journal mode %s for %s", mode, url.database)
            # WAL with synchronous=NORMAL survives a crash of the program but may lose the
            # last commits on power loss or an OS crash; rule 7 (a crash loses nothing that
            # was confirmed) needs FULL, which syncs the WAL at every commit.
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        if connection.get_execution_options().get(WRITE_OPTION):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")

    return engine


# ---------------------------------------------------------------------- PostgreSQL


def _postgresql_engine(url: URL) -> Engine:
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")  # the driver we ship
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = PG_CONNECT_TIMEOUT_S
    if "application_name" not in url.query:
        connect_args["application_name"] = APP_NAME
    try:
        return create_engine(
            url,
            isolation_level="READ COMMITTED",
            pool_pre_ping=True,
            connect_args=connect_args,
        )
    except NoSuchModuleError as error:
        raise DatabaseError(
            f"The PostgreSQL driver '{url.drivername}' is not available; "
            "use a postgresql+psycopg:// URL."
        ) from error


def _rollback_quietly(session: Session) -> None:
    """Roll back, but never let a failing rollback hide the error that caused it."""
    try:
        session.rollback()
    except Exception:  # the connection may be gone; the original error says why
        logger.debug("rollback after an error failed", exc_info=True)
