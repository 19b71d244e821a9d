"""The engines of both dialects, and what copies and upgrades need of an open database.

SQLite: WAL, foreign keys, a busy timeout, ``synchronous = FULL``, and BEGIN IMMEDIATE for a
writer (``WRITE_OPTION``). PostgreSQL: psycopg, READ COMMITTED, a connect timeout.
``OpenDatabase`` is what ``backup`` and ``migrate`` take: ``database.Database`` is one, and
opening it upgrades it, so they cannot name that class without an import cycle.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import NoSuchModuleError
from sqlalchemy.pool import ConnectionPoolEntry

from ..domain.errors import (
    CustodyError,
    DatabaseError,
    DatabaseMissingError,
    DatabaseReadOnlyError,
    NotADatabaseError,
)
from ..domain.wording import Words
from .location import APP_NAME

logger = logging.getLogger(__name__)
_domain_storage_engine = Words("_domain_storage_engine")

DEFAULT_BUSY_TIMEOUT_MS = 10_000
# Seconds to wait for a PostgreSQL server before saying it cannot be reached.
PG_CONNECT_TIMEOUT_S = 10

# Execution option that makes the SQLite "begin" hook take the write lock at once.
WRITE_OPTION = "lc_write"


class OpenDatabase(Protocol):
    """An open database as copies and upgrades use it (``database.Database``)."""

    url: str
    engine: Engine
    dialect: str  # "sqlite" or "postgresql"
    path: Path | None  # the SQLite file
    name: str  # for messages: the file name, or db@host

    def translate(self, error: BaseException) -> CustodyError | None:
        """The typed error a person should see for a driver's ``error``, or None."""
        ...


# ---------------------------------------------------------------------- SQLite


def prepare_sqlite_file(url: URL, *, create: bool) -> Path:
    """The absolute path of the database file; its folder is made when ``create``."""
    if not url.database or url.database == ":memory:":
        raise DatabaseError(
            _domain_storage_engine.said(
                "An in-memory database cannot hold custody records; give a file."
            )
        )
    path = Path(os.path.abspath(Path(url.database).expanduser()))
    if path.is_dir():
        raise NotADatabaseError(
            _domain_storage_engine.said(
                "{path} is a folder, not a Lunar Custody database file.", path=path
            )
        )
    if path.exists():
        return path
    if not create:
        raise DatabaseMissingError(
            _domain_storage_engine.said("There is no database at {path}.", path=path)
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseReadOnlyError(
            _domain_storage_engine.said(
                "Cannot create the folder {folder} for the database {file}: {reason}.",
                folder=path.parent,
                file=path.name,
                reason=error.strerror or error,
            )
        ) from error
    return path


def sqlite_engine(url: URL, busy_timeout_ms: int) -> Engine:
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


def postgresql_engine(url: URL) -> Engine:
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
            _domain_storage_engine.said(
                "The PostgreSQL driver '{driver}' is not available; "
                "use a postgresql+psycopg:// URL.",
                driver=url.drivername,
            )
        ) from error
