"""Copies of a database: SQLite's online backup, pg_dump for PostgreSQL, or an export.

``backup_database`` picks the copy for the database: a SQLite file is copied with SQLite's
online backup API (a SQLite file again); a PostgreSQL database is dumped with ``pg_dump``
(its custom format) when pg_dump is installed, otherwise written as a Lunar Custody export
(``export_format``). ``storage.restore`` reads all three back.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from sqlalchemy.engine import make_url

from ..domain.errors import DatabaseError, DatabaseReadOnlyError
from ..domain.store import ProgressCallback, report_progress
from ..domain.wording import Said, Words
from ..whole_files import writing_whole
from .engine import OpenDatabase
from .export_format import EXPORT_SUFFIX, write_export
from .location import data_directory
from .stamp import current_revision

logger = logging.getLogger(__name__)
_domain_storage_backup = Words("_domain_storage_backup")

PG_DUMP_TIMEOUT_S = 3600

SQLITE_SUFFIX = ".db"
PG_DUMP_SUFFIX = ".dump"


def backup_suffix(db: OpenDatabase) -> str:
    """The file suffix of the copy ``backup_database`` makes of ``db`` now."""
    if db.dialect == "sqlite":
        return SQLITE_SUFFIX
    return PG_DUMP_SUFFIX if shutil.which("pg_dump") else EXPORT_SUFFIX


def backup_database(db: OpenDatabase, dest: Path, progress: ProgressCallback | None = None) -> Path:
    """Copy ``db`` to the new file ``dest`` the best way its kind allows; the copy's path.

    SQLite: the online backup API. PostgreSQL: pg_dump, or without it an export
    (``export_format``); ``dest`` then gets the suffix ``.lcexport`` if it has another, so a
    file's name says what it holds. An existing file is never overwritten.
    """
    if db.dialect == "sqlite":
        return backup_sqlite(db, dest, progress)
    if shutil.which("pg_dump"):
        dumped = backup_postgresql(db, dest)
        assert dumped is not None
        return dumped
    dest = Path(dest)
    if dest.suffix != EXPORT_SUFFIX:
        dest = dest.with_name(dest.name + EXPORT_SUFFIX)
    logger.info("pg_dump is not on PATH: exporting %s to %s instead", db.name, dest)
    return export_database(db, dest, progress)


def copy_before(db: OpenDatabase, change: str) -> Path:
    """The copy of ``db`` taken before ``change`` (an upgrade's revision, "restore"); its path.

    SQLite: ``<name>.before-<change>.<UTC time>.db`` beside the database file. PostgreSQL:
    ``<db@host>.before-<change>.<UTC time>`` in the user data directory's ``backups``
    folder, as ``backup_database`` makes it (pg_dump, or the export without it).
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    if db.path is not None:
        folder, base = db.path.parent, f"{db.path.stem}.before-{change}.{stamp}"
    else:
        folder, base = data_directory() / "backups", f"{db.name}.before-{change}.{stamp}"
    candidate, number = folder / f"{base}{backup_suffix(db)}", 1
    while candidate.exists():
        number += 1
        candidate = folder / f"{base}-{number}{backup_suffix(db)}"
    return backup_database(db, candidate)


def backup_sqlite(db: OpenDatabase, dest: Path, progress: ProgressCallback | None = None) -> Path:
    """Copy the SQLite database of ``db`` to the new file ``dest``; the copy's path.

    Uses SQLite's online backup API, so the copy is consistent even while other programs
    read or write the database. An existing ``dest`` is never overwritten (DatabaseError).
    ``progress(done_pages, total_pages)`` may cancel (Cancelled; no copy is left).
    """
    if db.dialect != "sqlite":
        raise DatabaseError(
            _domain_storage_backup.said(
                "{database} is not a SQLite database; it cannot be copied as a file.",
                database=db.name,
            )
        )
    dest = absolute(dest)

    def pages(_status: int, remaining: int, total: int) -> None:
        cancelled = _domain_storage_backup.said("The backup was cancelled.")
        report_progress(progress, total - remaining, total, cancelled=cancelled)

    try:
        with new_file(dest, "copy", db.name) as partial:
            raw = db.engine.raw_connection()
            try:
                source = raw.driver_connection
                assert isinstance(source, sqlite3.Connection)
                target = sqlite3.connect(partial)
                try:
                    source.backup(target, pages=1024, progress=pages)
                finally:
                    target.close()
            finally:
                raw.close()
    except sqlite3.Error as error:
        translated = db.translate(error)
        if translated is not None:
            raise translated from error
        raise DatabaseError(
            _domain_storage_backup.said(
                "Copying {database} to {dest} failed: {error}.",
                database=db.name,
                dest=dest,
                error=error,
            )
        ) from error
    logger.info("copied %s to %s", db.name, dest)
    return dest


def absolute(dest: Path) -> Path:
    return Path(os.path.abspath(Path(dest).expanduser()))


# What new_file writes, for its refusal
NewFileKind = Literal["copy", "dump", "export"]


@contextmanager
def new_file(dest: Path, kind: NewFileKind, database: str) -> Iterator[Path]:
    """The temporary path to write the new file ``dest`` (a ``kind`` of ``database``) to;
    it gets its name only once written whole (``whole_files``), so a copy killed part-way
    blocks no later one. An existing ``dest`` is never overwritten (DatabaseError)."""
    try:
        with writing_whole(dest, overwrite=False) as partial:
            yield partial
    except FileExistsError as error:
        raise DatabaseError(
            _domain_storage_backup.said(
                "Will not overwrite {dest}: a file of that name exists already.", dest=dest
            )
        ) from error
    except OSError as error:
        reason = error.strerror or error
        raise DatabaseReadOnlyError(_cannot_write(kind, database, dest, reason)) from error


def _cannot_write(kind: NewFileKind, database: str, dest: Path, reason: object) -> Said:
    names = {"database": database, "dest": dest, "reason": reason}
    if kind == "copy":
        return _domain_storage_backup.said(
            "Cannot write the copy of {database} to {dest}: {reason}.", **names
        )
    if kind == "dump":
        return _domain_storage_backup.said(
            "Cannot write the dump of {database} to {dest}: {reason}.", **names
        )
    return _domain_storage_backup.said(
        "Cannot write the export of {database} to {dest}: {reason}.", **names
    )


def backup_postgresql(db: OpenDatabase, dest: Path) -> Path | None:
    """Dump the PostgreSQL database of ``db`` with pg_dump (custom format) to ``dest``.

    Returns None, after logging why, when pg_dump is not on PATH: a PostgreSQL server is
    usually backed up by its administrator. A dump that fails raises DatabaseError.
    """
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        logger.warning(
            "No automatic copy of %s is made before the upgrade: pg_dump is not on PATH.",
            db.name,
        )
        return None
    url = make_url(db.url)
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)  # never on the command line, where ps shows it
    # libpq understands the URL without the SQLAlchemy driver name; the password stays out.
    conninfo = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    dest = absolute(dest)
    with new_file(dest, "dump", db.name) as partial:
        try:
            subprocess.run(
                [pg_dump, "--format=custom", f"--file={partial}", f"--dbname={conninfo}"],
                env=env,
                check=True,
                capture_output=True,
                text=True,
                timeout=PG_DUMP_TIMEOUT_S,
            )
        except subprocess.CalledProcessError as error:
            reason = (error.stderr or "").strip().splitlines()
            raise DatabaseError(
                _domain_storage_backup.said(
                    "pg_dump could not copy {database}, so nothing was changed: {reason}",
                    database=db.name,
                    reason=reason[-1],
                )
                if reason
                else _domain_storage_backup.said(
                    "pg_dump could not copy {database}, so nothing was changed: "
                    "exit status {status}",
                    database=db.name,
                    status=error.returncode,
                )
            ) from error
        except subprocess.TimeoutExpired as error:
            raise DatabaseError(
                _domain_storage_backup.said(
                    "pg_dump did not finish copying {database}, so nothing was changed.",
                    database=db.name,
                )
            ) from error
    logger.info("dumped %s to %s", db.name, dest)
    return dest


# ---------------------------------------------------------------------- the export


def export_database(db: OpenDatabase, dest: Path, progress: ProgressCallback | None = None) -> Path:
    """Write every row of ``db`` to the new file ``dest`` as an export (``export_format``).

    It is read in one snapshot of the database (REPEATABLE READ on PostgreSQL, one read
    transaction on SQLite), so it never holds half an operation.
    """
    dest = absolute(dest)
    try:
        with new_file(dest, "export", db.name) as partial:
            schema = current_revision(db.engine)
            with db.engine.connect() as connection:
                if db.dialect == "postgresql":
                    connection = connection.execution_options(
                        isolation_level="REPEATABLE READ", postgresql_readonly=True
                    )
                with connection.begin():
                    write_export(connection, partial, schema=schema, progress=progress)
    except Exception as error:
        translated = db.translate(error)
        if translated is not None:
            raise translated from error
        raise
    logger.info("exported %s to %s", db.name, dest)
    return dest
