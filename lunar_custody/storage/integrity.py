"""The database's own health, checked by ``verify`` beside the ledger.

The ledger's hash chain proves the events are the ones written; this proves the file or
server underneath is sound and still refuses to rewrite history: SQLite's integrity and
foreign-key checks, the append-only triggers in place, the schema at the expected version.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from ..domain import queries
from ..domain.errors import NotADatabaseError
from ..domain.ledger import Problem, VerifyReport
from ..domain.store import ProgressCallback
from .database import Database
from .migrate import current_revision, head_revision

APPEND_ONLY_TABLES = ("custody_events", "audit_entries", "signatures")
_SQLITE_TRIGGERS = {f"{t}_no_{a}" for t in APPEND_ONLY_TABLES for a in ("update", "delete")}
_PG_TRIGGERS = {f"{t}_{s}" for t in APPEND_ONLY_TABLES for s in ("append_only", "no_truncate")}
# integrity_check stops after this many messages; more would only repeat the damage.
_MAX_MESSAGES = 20


def integrity_problems(db: Database) -> list[str]:
    """What is wrong with the database itself, in plain words (empty when sound)."""
    problems: list[str] = []
    revision = current_revision(db.engine)
    if revision != head_revision():
        problems.append(
            f"The schema is at version {revision}, this program expects {head_revision()}."
        )
    with db.engine.connect() as connection:
        if db.dialect == "sqlite":
            try:
                messages = [
                    row[0]
                    for row in connection.exec_driver_sql(
                        f"PRAGMA integrity_check({_MAX_MESSAGES})"
                    )
                ]
            except DBAPIError as error:
                # So damaged that the check itself stops: that is its finding, not a crash.
                if not isinstance(db.translate(error), NotADatabaseError):
                    raise
                return [*problems, f"SQLite integrity check: the file is damaged ({error.orig})."]
            if messages != ["ok"]:
                problems.extend(f"SQLite integrity check: {m}" for m in messages)
            for table, rowid, parent, _ in connection.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(f"Row {rowid} of {table} points at a missing record in {parent}.")
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


def verify_database(db: Database, progress: ProgressCallback | None = None) -> VerifyReport:
    """The whole ``verify``: the ledger (``queries.verify``) and the database underneath.

    The command line and the GUI both show this one report. A cancelled ledger check is
    returned as it is, without the storage checks.
    """
    report = queries.verify(db, progress)
    if any(p.kind == "cancelled" for p in report.problems):
        return report
    storage = integrity_problems(db)
    report.problems.extend(Problem("storage", message) for message in storage)
    report.storage_checked = f"{'problems found' if storage else 'ok'} ({db.dialect}, {db.name})"
    return report
