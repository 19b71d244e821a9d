"""Copies of a database: SQLite's online backup, pg_dump for PostgreSQL."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url

from ..domain.errors import DatabaseError, DatabaseReadOnlyError

if TYPE_CHECKING:
    from .database import Database

logger = logging.getLogger(__name__)

PG_DUMP_TIMEOUT_S = 3600


def backup_sqlite(db: Database, dest: Path) -> Path:
    """Copy the SQLite database of ``db`` to the new file ``dest``; the copy's path.

    Uses SQLite's online backup API, so the copy is consistent even while other programs
    read or write the database. An existing ``dest`` is never overwritten (DatabaseError).
    """
    if db.dialect != "sqlite":
        raise DatabaseError(f"{db.name} is not a SQLite database; it cannot be copied as a file.")
    dest = Path(os.path.abspath(Path(dest).expanduser()))
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        # O_EXCL claims the name atomically, so two copies can never write the same file.
        os.close(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError as error:
        raise DatabaseError(
            f"Will not overwrite {dest}: a file of that name exists already."
        ) from error
    except OSError as error:
        raise DatabaseReadOnlyError(
            f"Cannot write the copy of {db.name} to {dest}: {error.strerror or error}."
        ) from error
    try:
        raw = db.engine.raw_connection()
        try:
            source = raw.driver_connection
            assert isinstance(source, sqlite3.Connection)
            target = sqlite3.connect(dest)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            raw.close()
    except BaseException as error:
        dest.unlink(missing_ok=True)
        if isinstance(error, sqlite3.Error):
            translated = db.translate(error)
            if translated is not None:
                raise translated from error
            raise DatabaseError(f"Copying {db.name} to {dest} failed: {error}.") from error
        raise
    logger.info("copied %s to %s", db.name, dest)
    return dest


def backup_postgresql(db: Database, dest: Path) -> Path | None:
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
    dest = Path(os.path.abspath(Path(dest).expanduser()))
    if dest.exists():
        raise DatabaseError(f"Will not overwrite {dest}: a file of that name exists already.")
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [pg_dump, "--format=custom", f"--file={dest}", f"--dbname={conninfo}"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
            timeout=PG_DUMP_TIMEOUT_S,
        )
    except subprocess.CalledProcessError as error:
        dest.unlink(missing_ok=True)
        reason = (error.stderr or "").strip().splitlines()
        raise DatabaseError(
            f"pg_dump could not copy {db.name} before the upgrade, so nothing was changed: "
            f"{reason[-1] if reason else 'exit status ' + str(error.returncode)}"
        ) from error
    except subprocess.TimeoutExpired as error:
        dest.unlink(missing_ok=True)
        raise DatabaseError(
            f"pg_dump did not finish copying {db.name}, so nothing was changed."
        ) from error
    logger.info("dumped %s to %s", db.name, dest)
    return dest
