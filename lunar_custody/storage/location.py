"""Where a database is: its URL (a SQLite file or a PostgreSQL server), the default file in
the user's data directory, and the short name messages and window titles show."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from ..domain.errors import DatabaseMissingError, DatabaseReadOnlyError
from ..domain.wording import Words

_domain_storage_location = Words("_domain_storage_location")

APP_NAME = "lunar-custody"
DATABASE_FILE_NAME = "lunar_custody.db"
DATABASE_ENV = "LUNAR_CUSTODY_DB"


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


def check_workable_file(url: str) -> None:
    """Refuse, before anything is created, a SQLite file a workstation cannot work with.

    A new file is made only in a folder that exists (or at the default place): a missing
    folder is a mistyped path or a network drive not connected, and a new empty database
    there would split the records. SQLite opens a read-only file without complaint, but
    signing in already writes, so that is said now, not at the first signature.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # Database.open explains what a database URL looks like
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    path = Path(os.path.abspath(Path(str(parsed.database)).expanduser()))
    if not path.exists():
        default = Path(os.path.abspath(default_database_path()))
        if path != default and not path.parent.is_dir():
            raise DatabaseMissingError(
                _domain_storage_location.said(
                    "There is no database at {path}: the folder {folder} does not exist. "
                    "Check the path, and that its network drive is connected.",
                    path=path,
                    folder=path.parent,
                )
            )
        return
    effective = os.access in os.supports_effective_ids  # root may write a read-only file
    if path.is_file() and not os.access(path, os.W_OK, effective_ids=effective):
        raise DatabaseReadOnlyError(
            _domain_storage_location.said(
                "The database {path} is read-only: you may read it but not record anything. "
                "Ask for write permission on the file, or open a copy of it.",
                path=path,
            )
        )
