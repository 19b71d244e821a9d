"""The database's own health, checked by ``verify`` beside the ledger.

The ledger's hash chain proves the events are the ones written; this proves the file or
server underneath is sound and still refuses to rewrite history: SQLite's structure and
foreign-key checks, the append-only triggers in place, the schema at the expected version.

Which SQLite check runs when: the routine ``verify`` (the command without ``--full``, the
GUI's Verify, restore, the self-test) runs ``PRAGMA quick_check``: every page, record,
NOT NULL and CHECK constraint, in one pass over the file (about 2 s on the 1.1 GB benchmark
database). ``verify --full`` runs ``PRAGMA integrity_check``, which also proves every index
holds exactly its table's rows and that UNIQUE holds: an index lookup on a damaged index
could miss a row (half a minute on that database). Damage shows in both as a broken page or
record; only a file whose indexes alone were damaged (by a crash with unsafe settings or by
editing the file) passes the quick check and fails the full one. The storage checks run on
their own connection while the ledger is recomputed.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from ..domain.errors import NotADatabaseError
from ..domain.ledger import Problem, VerifyReport, verify_ledger
from ..domain.signature_check import add_signature_check
from ..domain.store import ProgressCallback
from .database import Database
from .migrate import head_revision
from .stamp import current_revision

APPEND_ONLY_TABLES = ("custody_events", "audit_entries", "signatures")
_SQLITE_TRIGGERS = {f"{t}_no_{a}" for t in APPEND_ONLY_TABLES for a in ("update", "delete")}
_PG_TRIGGERS = {f"{t}_{s}" for t in APPEND_ONLY_TABLES for s in ("append_only", "no_truncate")}
# integrity_check stops after this many messages; more would only repeat the damage.
_MAX_MESSAGES = 20
_FOREIGN_KEY_CACHE_KIB = 256 * 1024


class _Check:
    """The storage checks running on a thread beside the ledger's, so they can be stopped."""

    def __init__(self, db: Database, full: bool) -> None:
        self.db = db
        self.full = full
        self.problems: list[str] = []
        self.error: BaseException | None = None
        self.driver_connection: Any = None
        self.stopped = False
        self.thread = threading.Thread(target=self._run, name="verify-storage", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.problems = integrity_problems(self.db, full=self.full, check=self)
        except BaseException as error:  # handed to the caller's thread
            self.error = error

    def stop(self) -> None:
        self.stopped = True
        if self.driver_connection is not None and hasattr(self.driver_connection, "interrupt"):
            self.driver_connection.interrupt()  # sqlite3: the running PRAGMA stops
        self.thread.join()

    def result(self) -> list[str]:
        self.thread.join()
        if self.error is not None:
            raise self.error
        return self.problems


def integrity_problems(
    db: Database, *, full: bool = False, check: _Check | None = None
) -> list[str]:
    """What is wrong with the database itself, in plain words (empty when sound).

    ``full``: SQLite's integrity_check instead of quick_check (see the module's docstring).
    """
    problems: list[str] = []
    pragma = "integrity_check" if full else "quick_check"
    revision = current_revision(db.engine)
    if revision != head_revision():
        problems.append(
            f"The schema is at version {revision}, this program expects {head_revision()}."
        )
    with db.engine.connect() as connection:
        if check is not None:
            check.driver_connection = connection.connection.driver_connection
        if db.dialect == "sqlite":
            try:
                messages = [
                    row[0]
                    for row in connection.exec_driver_sql(f"PRAGMA {pragma}({_MAX_MESSAGES})")
                ]
            except DBAPIError as error:
                if check is not None and check.stopped:
                    return problems
                # So damaged that the check itself stops: that is its finding, not a crash.
                if not isinstance(db.translate(error), NotADatabaseError):
                    raise
                return [*problems, f"SQLite integrity check: the file is damaged ({error.orig})."]
            if messages != ["ok"]:
                problems.extend(f"SQLite integrity check: {m}" for m in messages)
            if check is not None and check.stopped:
                return problems
            # Every reference is a lookup in its parent table: with the default 2 MB page
            # cache most of them read the file again (4.4 s -> 3.0 s on the benchmark).
            (cache_size,) = connection.exec_driver_sql("PRAGMA cache_size").one()
            connection.exec_driver_sql(f"PRAGMA cache_size = -{_FOREIGN_KEY_CACHE_KIB}")
            try:
                for table, rowid, parent, _ in connection.exec_driver_sql(
                    "PRAGMA foreign_key_check"
                ):
                    problems.append(
                        f"Row {rowid} of {table} points at a missing record in {parent}."
                    )
            finally:
                connection.exec_driver_sql(f"PRAGMA cache_size = {int(cache_size)}")
            present = set(
                connection.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            )
            expected = _SQLITE_TRIGGERS
        else:
            present = set(
                connection.scalars(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"))
            )
            expected = _PG_TRIGGERS
    problems.extend(
        f"The append-only guard {name} has been removed: the ledger can be rewritten."
        for name in sorted(expected - present)
    )
    return problems


def verify_database(
    db: Database, progress: ProgressCallback | None = None, *, full: bool = False
) -> VerifyReport:
    """The whole ``verify``: the ledger (``ledger.verify_ledger``) and the database underneath.

    The command line and the GUI both show this one report. The storage checks run on a
    thread meanwhile (SQLite's checks run without holding Python's lock); ``full`` makes
    them SQLite's integrity_check. A cancelled ledger check stops them and is returned as it
    is, without them.
    """
    check = _Check(db, full)
    try:
        report = verify_ledger(db, progress)
        add_signature_check(db, report, progress)
    except BaseException:
        check.stop()
        raise
    if any(p.kind == "cancelled" for p in report.problems):
        check.stop()
        return report
    storage = check.result()
    report.problems.extend(Problem("storage", message) for message in storage)
    which = ("integrity check" if full else "quick check") if db.dialect == "sqlite" else ""
    report.storage_checked = (
        f"{'problems found' if storage else 'ok'} ({db.dialect}, {db.name}"
        f"{'; ' + which if which else ''})"
    )
    return report
