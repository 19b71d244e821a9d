"""Copies of a database: SQLite's online backup, pg_dump for PostgreSQL, or an export.

``backup_database`` picks the copy for the database: a SQLite file is copied with SQLite's
online backup API (a SQLite file again); a PostgreSQL database is dumped with ``pg_dump``
(its custom format) when pg_dump is installed, otherwise written as a Lunar Custody export.
``storage.restore`` reads all three back.

The Lunar Custody export (``.lcexport``) is gzip-compressed UTF-8 text, one JSON value a line:

1. a header object: ``{"format": "lunar-custody-export", "version": 1, "schema": "0001",
   "dialect": "postgresql", "exported_at": "2025-06-01T08:00:00+00:00", "program": "0.1.0"}``
   (``schema`` is the Alembic revision of the database it was taken from);
2. for every table, parents before children: ``{"table": NAME, "columns": [...], "rows": N}``
   followed by N lines, each a JSON array of one row's values in that column order. Times
   are ISO 8601 in UTC with their offset, dates ISO 8601, binary columns (photos, drawn
   signatures) base64; everything else is the JSON number, string, boolean or null.

It is read in one snapshot of the database (REPEATABLE READ on PostgreSQL, one read
transaction on SQLite), so it never holds half an operation. Anyone can read it with a
JSON library; ``storage.restore`` loads it into an empty database of the same schema.
"""

from __future__ import annotations

import base64
import gzip
import json
import logging
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import Date, LargeBinary, Table, func, inspect, select
from sqlalchemy.engine import Connection, make_url

from ..domain.errors import DatabaseError, DatabaseReadOnlyError
from ..domain.models import Base, UTCDateTime
from ..domain.store import ProgressCallback, report_progress

if TYPE_CHECKING:
    from .database import Database

logger = logging.getLogger(__name__)

PG_DUMP_TIMEOUT_S = 3600

EXPORT_FORMAT = "lunar-custody-export"
EXPORT_VERSION = 1
EXPORT_SUFFIX = ".lcexport"
SQLITE_SUFFIX = ".db"
PG_DUMP_SUFFIX = ".dump"
# Rows fetched and written at a time (progress is reported per batch).
_BATCH = 5_000


def backup_suffix(db: Database) -> str:
    """The file suffix of the copy ``backup_database`` makes of ``db`` now."""
    if db.dialect == "sqlite":
        return SQLITE_SUFFIX
    return PG_DUMP_SUFFIX if shutil.which("pg_dump") else EXPORT_SUFFIX


def backup_database(db: Database, dest: Path, progress: ProgressCallback | None = None) -> Path:
    """Copy ``db`` to the new file ``dest`` the best way its kind allows; the copy's path.

    SQLite: the online backup API. PostgreSQL: pg_dump, or without it an export (see the
    module docstring); ``dest`` then gets the suffix ``.lcexport`` if it has another, so a
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


def copy_before(db: Database, change: str) -> Path:
    """The copy of ``db`` taken before ``change`` (an upgrade's revision, "restore"); its path.

    SQLite: ``<name>.before-<change>.<UTC time>.db`` beside the database file. PostgreSQL:
    ``<db@host>.before-<change>.<UTC time>`` in the user data directory's ``backups``
    folder, as ``backup_database`` makes it (pg_dump, or the export without it).
    """
    from .database import data_directory

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


def backup_sqlite(db: Database, dest: Path, progress: ProgressCallback | None = None) -> Path:
    """Copy the SQLite database of ``db`` to the new file ``dest``; the copy's path.

    Uses SQLite's online backup API, so the copy is consistent even while other programs
    read or write the database. An existing ``dest`` is never overwritten (DatabaseError).
    ``progress(done_pages, total_pages)`` may cancel (Cancelled; the copy is removed).
    """
    if db.dialect != "sqlite":
        raise DatabaseError(f"{db.name} is not a SQLite database; it cannot be copied as a file.")
    dest = claim_file(dest, f"the copy of {db.name}")

    def pages(_status: int, remaining: int, total: int) -> None:
        report_progress(progress, total - remaining, total, cancelled="The backup was cancelled.")

    try:
        raw = db.engine.raw_connection()
        try:
            source = raw.driver_connection
            assert isinstance(source, sqlite3.Connection)
            target = sqlite3.connect(dest)
            try:
                source.backup(target, pages=1024, progress=pages)
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


def claim_file(dest: Path, what: str) -> Path:
    """Create the new empty file ``dest`` (and its folder); its absolute path.

    O_EXCL claims the name atomically, so two copies never write the same file, and an
    existing file is never overwritten (DatabaseError).
    """
    dest = Path(os.path.abspath(Path(dest).expanduser()))
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError as error:
        raise DatabaseError(
            f"Will not overwrite {dest}: a file of that name exists already."
        ) from error
    except OSError as error:
        raise DatabaseReadOnlyError(
            f"Cannot write {what} to {dest}: {error.strerror or error}."
        ) from error
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
            f"pg_dump could not copy {db.name}, so nothing was changed: "
            f"{reason[-1] if reason else 'exit status ' + str(error.returncode)}"
        ) from error
    except subprocess.TimeoutExpired as error:
        dest.unlink(missing_ok=True)
        raise DatabaseError(
            f"pg_dump did not finish copying {db.name}, so nothing was changed."
        ) from error
    logger.info("dumped %s to %s", db.name, dest)
    return dest


# ---------------------------------------------------------------------- the export


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def export_tables() -> list[Table]:
    """The tables an export holds, parents before children (the models' metadata)."""
    return list(Base.metadata.sorted_tables)


def export_database(db: Database, dest: Path, progress: ProgressCallback | None = None) -> Path:
    """Write every row of ``db`` to the new file ``dest`` as an export (module docstring)."""
    from .. import __version__
    from .migrate import current_revision

    dest = claim_file(dest, f"the export of {db.name}")
    try:
        with db.engine.connect() as connection:
            if db.dialect == "postgresql":
                connection = connection.execution_options(
                    isolation_level="REPEATABLE READ", postgresql_readonly=True
                )
            with connection.begin(), gzip.open(dest, "wt", encoding="utf-8") as out:
                header = {
                    "format": EXPORT_FORMAT,
                    "version": EXPORT_VERSION,
                    "schema": current_revision(db.engine),
                    "dialect": db.dialect,
                    "exported_at": datetime.now(UTC).isoformat(),
                    "program": __version__,
                }
                _line(out, header)
                _write_tables(connection, out, progress)
    except BaseException as error:
        dest.unlink(missing_ok=True)
        translated = db.translate(error)
        if translated is not None:
            raise translated from error
        if isinstance(error, OSError):
            raise DatabaseReadOnlyError(
                f"Cannot write the export of {db.name} to {dest}: {error.strerror or error}."
            ) from error
        raise
    logger.info("exported %s to %s", db.name, dest)
    return dest


def _line(out: IO[str], value: Any) -> None:
    out.write(json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_encode))
    out.write("\n")


def _write_tables(connection: Connection, out: IO[str], progress: ProgressCallback | None) -> None:
    # What the database holds, not what the models describe: the copy taken before an
    # upgrade is of the older schema, which lacks the newer tables and columns.
    schema = inspect(connection)
    stored = set(schema.get_table_names())
    tables = [t for t in export_tables() if t.name in stored]
    columns = {
        t.name: [t.c[c["name"]] for c in schema.get_columns(t.name) if c["name"] in t.c]
        for t in tables
    }
    counts = {
        t.name: int(connection.scalar(select(func.count()).select_from(t)) or 0) for t in tables
    }
    total, done = sum(counts.values()), 0
    for table in tables:
        _line(
            out,
            {
                "table": table.name,
                "columns": [c.name for c in columns[table.name]],
                "rows": counts[table.name],
            },
        )
        order = list(table.primary_key.columns)
        result = connection.execute(
            select(*columns[table.name]).order_by(*order).execution_options(yield_per=_BATCH)
        )
        written = 0
        for partition in result.partitions():
            for row in partition:
                _line(out, [_encode(v) for v in row])
            written += len(partition)
            done += len(partition)
            report_progress(progress, done, total, cancelled="The export was cancelled.")
        if written != counts[table.name]:  # a snapshot cannot change under us
            raise DatabaseError(f"{table.name} changed while it was exported.")


def export_header(path: Path) -> dict[str, Any]:
    """The header of the export ``path``; DatabaseError if it is not one this program reads."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            header = json.loads(stream.readline())
    except (OSError, EOFError, ValueError) as error:
        raise DatabaseError(f"{path} is not a Lunar Custody export.") from error
    if not isinstance(header, dict) or header.get("format") != EXPORT_FORMAT:
        raise DatabaseError(f"{path} is not a Lunar Custody export.")
    if header.get("version") != EXPORT_VERSION:
        raise DatabaseError(
            f"{path} is an export of format version {header.get('version')}; this program "
            f"reads version {EXPORT_VERSION}."
        )
    return header


def export_rows(path: Path) -> Iterator[tuple[Table, list[dict[str, Any]]]]:
    """The rows of the export ``path``, table by table (parents first), in batches."""
    tables = {t.name: t for t in export_tables()}
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        stream.readline()  # the header: export_header
        for text in stream:
            meta = json.loads(text)
            table = tables.get(meta.get("table"))
            if table is None:
                raise DatabaseError(f"{path} holds a table {meta.get('table')!r} unknown here.")
            columns = [table.c[name] for name in meta["columns"]]
            decoders = [_decoder(c.type) for c in columns]
            rows: list[dict[str, Any]] = []
            for _ in range(int(meta["rows"])):
                values = json.loads(stream.readline())
                rows.append(
                    {
                        c.name: (decode(v) if v is not None else None)
                        for c, decode, v in zip(columns, decoders, values, strict=True)
                    }
                )
                if len(rows) == _BATCH:
                    yield table, rows
                    rows = []
            yield table, rows


def _decoder(kind: Any) -> Callable[[Any], Any]:
    if isinstance(kind, UTCDateTime):
        return datetime.fromisoformat
    if isinstance(kind, LargeBinary):
        return base64.b64decode
    if isinstance(kind, Date):
        return date.fromisoformat
    return _same


def _same(value: Any) -> Any:
    return value
