"""Putting a copy back: a SQLite copy, a pg_dump file or an export (see ``storage.backup``).

``restore_database`` never loses what the database held: the backup is checked first (it
must open, be of a schema this program knows and pass ``verify``) and, when the database
already holds records, they are copied aside before anything is replaced (``--replace`` on
the command line; the window asks). The restored database is verified again at the end.

- SQLite target: the backup becomes a staged database in a temporary folder (copied, or
  loaded from an export or a pg_dump-less PostgreSQL copy), is upgraded and verified there,
  then copied over the target with SQLite's online backup API.
- PostgreSQL target: a pg_dump file goes through ``pg_restore --clean --single-transaction``;
  an export or a SQLite copy is loaded row by row in one transaction after the schema is
  rebuilt, so a failure leaves the database as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from alembic import command
from sqlalchemy import Table, func, inspect, select, text
from sqlalchemy.engine import Connection, make_url

from ..domain.checkpoints import set_aside
from ..domain.errors import DatabaseError, DatabaseMissingError, RuleViolation
from ..domain.ledger import VerifyReport
from ..domain.models import CustodyEvent, Person
from ..domain.store import ProgressCallback, report_progress
from ..domain.wording import Said, Words
from .backup import PG_DUMP_SUFFIX, copy_before
from .database import Database
from .export_format import export_header, export_rows, export_tables
from .integrity import APPEND_ONLY_TABLES, database_location, verify_database
from .location import resolve_database_url
from .migrate import (
    PG_MIGRATION_LOCK,
    alembic_config,
    head_revision,
    known_revisions,
    upgrade_database,
)
from .stamp import current_revision, revision_of

logger = logging.getLogger(__name__)
_domain_storage_restore = Words("_domain_storage_restore")

SQLITE_COPY, PG_DUMP, EXPORT = "SQLite copy", "pg_dump file", "Lunar Custody export"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_PG_DUMP_MAGIC = b"PGDMP"
_GZIP_MAGIC = b"\x1f\x8b"
PG_RESTORE_TIMEOUT_S = 3600
_BATCH = 5_000


@dataclass
class RestoreResult:
    database: str  # the restored database's display name
    source_kind: str  # SQLITE_COPY, PG_DUMP or EXPORT
    kept: Path | None  # the copy of what the database held before, if it held records
    report: VerifyReport  # verify of the restored database

    def summary(self) -> str:
        return "\n".join(self.summary_lines())

    def summary_lines(self) -> list[str]:
        """The summary's sentences, each whole (a window translates them one by one)."""
        lines: list[str] = [_restored(self.database, self.source_kind)]
        if self.kept is not None:
            lines.append(
                _domain_storage_restore.said(
                    "What it held before is kept in {path}.", path=self.kept
                )
            )
        lines += self.report.summary_lines()  # verify's, a sentence a line
        return lines


def _restored(database: str, kind: str) -> Said:
    if kind == SQLITE_COPY:
        return _domain_storage_restore.said(
            "Restored {database} from a SQLite copy.", database=database
        )
    if kind == PG_DUMP:
        return _domain_storage_restore.said(
            "Restored {database} from a pg_dump file.", database=database
        )
    return _domain_storage_restore.said(
        "Restored {database} from a Lunar Custody export.", database=database
    )


def backup_kind(path: Path) -> str:
    """What the file ``path`` holds: SQLITE_COPY, PG_DUMP or EXPORT (by its first bytes)."""
    path = Path(path).expanduser()
    try:
        with path.open("rb") as stream:
            start = stream.read(len(_SQLITE_MAGIC))
    except FileNotFoundError as error:
        raise DatabaseMissingError(
            _domain_storage_restore.said("There is no backup at {path}.", path=path)
        ) from error
    except OSError as error:
        raise DatabaseError(
            _domain_storage_restore.said(
                "Cannot read {path}: {reason}.", path=path, reason=error.strerror or error
            )
        ) from error
    if start.startswith(_SQLITE_MAGIC):
        return SQLITE_COPY
    if start.startswith(_PG_DUMP_MAGIC):
        return PG_DUMP
    if start.startswith(_GZIP_MAGIC):
        export_header(path)  # refuses a gzip file of anything else
        return EXPORT
    raise DatabaseError(
        _domain_storage_restore.said(
            "{path} is not a Lunar Custody backup (a SQLite copy, a pg_dump file or an export).",
            path=path,
        )
    )


def restore_database(
    source: Path,
    target: str | None,
    *,
    replace: bool = False,
    progress: ProgressCallback | None = None,
) -> RestoreResult:
    """Restore the backup ``source`` into the database ``target`` (a path or URL, as --db).

    Refuses (DatabaseError, nothing changed) a file that is not a backup, a backup that does
    not verify or comes from a newer version, and a target that holds records unless
    ``replace``. ``progress(done, total)`` may cancel before the target is touched.
    """
    source = Path(os.path.abspath(Path(source).expanduser()))
    kind = backup_kind(source)
    url = resolve_database_url(target)
    if make_url(url).get_backend_name() == "sqlite":
        return _restore_into_sqlite(source, kind, url, replace, progress)
    return _restore_into_postgresql(source, kind, url, replace, progress)


# ---------------------------------------------------------------------- checks


def _holds_records(db: Database) -> bool:
    with db.engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
    if not {"people", "custody_events"} <= tables:
        return False
    with db.read() as session:
        people = session.scalar(select(func.count()).select_from(Person))
        events = session.scalar(select(func.count()).select_from(CustodyEvent))
    return bool(people or events)


def _refuse_unless_replacing(db: Database, replace: bool) -> bool:
    """Whether ``db`` holds records (then ``replace`` must have been asked for)."""
    holds = _holds_records(db)
    if holds and not replace:
        # a refusal (exit 1), not a database that cannot be used (exit 3)
        raise RuleViolation(
            _domain_storage_restore.said(
                "{database} already holds custody records; restoring would replace them. "
                "Restore into a new database, or confirm the replacement (--replace): "
                "a copy of the current records is kept first.",
                database=db.name,
            )
        )
    return holds


def _check_schema(revision: str | None, source: Path) -> None:
    if revision is not None and revision not in known_revisions():
        raise DatabaseError(
            _domain_storage_restore.said(
                "{source} was made by a newer version of Lunar Custody (schema {revision}); "
                "this version understands up to {head}. Install the newer version.",
                source=source,
                revision=revision,
                head=head_revision(),
            )
        )


def _verified(db: Database, source: Path) -> VerifyReport:
    report = verify_database(db, checkpoint=False)  # a staged copy: no checkpoint of its own
    if not report.ok:
        raise DatabaseError(
            _domain_storage_restore.said(
                "The backup {source} does not verify, so nothing was restored.\n{report}",
                source=source,
                report=report.summary(),
            )
        )
    return report


# ---------------------------------------------------------------------- into SQLite


def _restore_into_sqlite(
    source: Path, kind: str, url: str, replace: bool, progress: ProgressCallback | None
) -> RestoreResult:
    database = make_url(url).database
    assert database
    target = Path(database)
    if kind == PG_DUMP:
        raise DatabaseError(
            _domain_storage_restore.said(
                "{source} is a pg_dump file of a PostgreSQL database: restore it into a "
                "PostgreSQL database (--db postgresql+psycopg://...), or make an export of it.",
                source=source,
            )
        )
    holds = False
    if target.exists():
        with Database.open(str(target), create=False, migrate=False) as current:
            holds = _refuse_unless_replacing(current, replace)
    with tempfile.TemporaryDirectory(prefix="lunar-custody-restore-") as scratch:
        stage = Path(scratch) / "restored.db"
        if kind == SQLITE_COPY:
            _copy_sqlite_file(source, stage)
            with Database.open(str(stage), create=False, migrate=False) as staged:
                _check_schema(current_revision(staged.engine), source)
        else:
            header = export_header(source)
            _check_schema(header.get("schema"), source)
            with Database.open(str(stage), migrate=False) as staged:
                _load(staged, header.get("schema"), export_rows(source), progress)
        with Database.open(str(stage), create=False) as staged:  # upgrades an older copy
            _verified(staged, source)
        report_progress(progress, 0, 0, cancelled=_cancelled())
        kept = None
        if holds:
            with Database.open(str(target), create=False, migrate=False) as current:
                kept = copy_before(current, "restore")
        _copy_sqlite_file(stage, target)
    with Database.open(str(target), create=False) as restored:
        # the database changed under this computer's checkpoint: the verify replays it all
        set_aside(database_location(restored))
        report = verify_database(restored)
        logger.info("restored %s from %s (%s)", restored.name, source, kind)
        return RestoreResult(restored.name, kind, kept, report)


def _cancelled() -> Said:
    return _domain_storage_restore.said("The restore was cancelled.")


def _reading(source: Path) -> str:
    """How to open a copy only to read it. Read-only, a WAL-mode file would get -wal and
    -shm files beside it that the reader cannot remove; without a -wal file there is no
    log to read, so it opens as immutable and nothing is written beside it."""
    log = source.with_name(source.name + "-wal")
    return "mode=ro" if log.exists() else "mode=ro&immutable=1"


def _copy_sqlite_file(source: Path, target: Path) -> None:
    """Copy one SQLite database over another (or a new file) with the online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        reader = sqlite3.connect(f"file:{quote(str(source))}?{_reading(source)}", uri=True)
        try:
            writer = sqlite3.connect(target, timeout=30)
            try:
                reader.backup(writer)
            finally:
                writer.close()
        finally:
            reader.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseError(
            _domain_storage_restore.said(
                "Cannot copy {source} to {target}: {error}.",
                source=source,
                target=target,
                error=error,
            )
        ) from error


# ---------------------------------------------------------------------- into PostgreSQL


def _restore_into_postgresql(
    source: Path, kind: str, url: str, replace: bool, progress: ProgressCallback | None
) -> RestoreResult:
    with Database.open(url, migrate=False) as db:
        holds = _refuse_unless_replacing(db, replace)
        pg_restore, header = "", {}
        if kind == PG_DUMP:
            pg_restore = _pg_program("pg_restore", source)
        elif kind == EXPORT:
            header = export_header(source)
            _check_schema(header.get("schema"), source)
        with tempfile.TemporaryDirectory(prefix="lunar-custody-restore-") as scratch:
            staged_copy: Database | None = None
            if kind == SQLITE_COPY:
                # Checked and upgraded in a scratch copy, then loaded row by row.
                stage = Path(scratch) / "restored.db"
                _copy_sqlite_file(source, stage)
                with Database.open(str(stage), create=False, migrate=False) as staged:
                    _check_schema(current_revision(staged.engine), source)
                staged_copy = Database.open(str(stage), create=False)
            try:
                if staged_copy is not None:
                    _verified(staged_copy, source)
                report_progress(progress, 0, 0, cancelled=_cancelled())
                kept = None
                if holds:
                    kept = copy_before(db, "restore")
                if kind == PG_DUMP:
                    _pg_restore(pg_restore, source, db)
                elif staged_copy is not None:
                    revision = current_revision(staged_copy.engine)
                    _load(db, revision, _database_rows(staged_copy), progress)
                else:
                    _load(db, header.get("schema"), export_rows(source), progress)
            finally:
                if staged_copy is not None:
                    staged_copy.dispose()
        upgrade_database(db)
        set_aside(database_location(db))  # as for SQLite
        report = verify_database(db)
        logger.info("restored %s from %s (%s)", db.name, source, kind)
        return RestoreResult(db.name, kind, kept, report)


def _pg_program(name: str, source: Path) -> str:
    found = shutil.which(name)
    if found is None:
        raise DatabaseError(
            _domain_storage_restore.said(
                "{source} is a pg_dump file and {program} is not installed: install "
                "PostgreSQL's client programs, or ask the server's administrator to restore it.",
                source=source,
                program=name,
            )
        )
    return found


def _pg_restore(pg_restore: str, source: Path, db: Database) -> None:
    url = make_url(db.url)
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)  # never on the command line, where ps shows it
    conninfo = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    db.dispose()  # pg_restore --clean drops the tables our pooled connections may hold
    try:
        subprocess.run(
            [
                pg_restore,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={conninfo}",
                str(source),
            ],
            env=env,
            check=True,
            capture_output=True,
            text=True,
            timeout=PG_RESTORE_TIMEOUT_S,
        )
    except subprocess.CalledProcessError as error:
        reason = (error.stderr or "").strip().splitlines()
        names = {"source": source, "database": db.name}
        raise DatabaseError(
            _domain_storage_restore.said(
                "pg_restore could not restore {source} into {database}, so nothing was "
                "changed: {reason}",
                reason=reason[-1],
                **names,
            )
            if reason
            else _domain_storage_restore.said(
                "pg_restore could not restore {source} into {database}, so nothing was "
                "changed: exit status {status}",
                status=error.returncode,
                **names,
            )
        ) from error
    except subprocess.TimeoutExpired as error:
        raise DatabaseError(
            _domain_storage_restore.said(
                "pg_restore did not finish restoring {source}, so nothing was changed.",
                source=source,
            )
        ) from error


# ---------------------------------------------------------------------- loading rows


def _database_rows(db: Database) -> Iterator[tuple[Table, list[dict[str, Any]]]]:
    """Every row of ``db``, table by table (parents first), in batches (as export_rows)."""
    with db.read() as session:
        for table in export_tables():
            result = session.execute(
                select(*table.columns)
                .order_by(*table.primary_key.columns)
                .execution_options(yield_per=_BATCH)
            )
            for partition in result.partitions():
                yield table, [dict(row._mapping) for row in partition]


def _load(
    db: Database,
    revision: str | None,
    batches: Iterator[tuple[Table, list[dict[str, Any]]]],
    progress: ProgressCallback | None,
) -> None:
    """Rebuild ``db``'s schema at ``revision`` and insert the rows, in one transaction."""
    postgresql = db.dialect == "postgresql"
    with db.engine.connect() as connection, connection.begin():
        if postgresql:
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_MIGRATION_LOCK})")
        if revision_of(connection) is not None:
            command.downgrade(alembic_config(connection), "base")
        command.upgrade(alembic_config(connection), revision or head_revision())
        for table in export_tables():
            if table.name not in APPEND_ONLY_TABLES:  # rows the migration seeds (ledger head)
                connection.execute(table.delete())
        done = 0
        for table, rows in batches:
            if rows:
                connection.execute(table.insert(), rows)
            done += len(rows)
            report_progress(progress, done, 0, cancelled=_cancelled())
        if postgresql:
            _reset_sequences(connection)


def _reset_sequences(connection: Connection) -> None:
    """Rows came with their ids: move each id sequence past the largest one."""
    for table in export_tables():
        if "id" not in table.c:
            continue
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table.name}"
            )
        )


__all__ = [
    "EXPORT",
    "PG_DUMP",
    "PG_DUMP_SUFFIX",
    "SQLITE_COPY",
    "RestoreResult",
    "backup_kind",
    "restore_database",
]
