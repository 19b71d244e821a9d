"""The database's own health, checked by ``verify`` beside the ledger.

The ledger's hash chain proves the events are the ones written, and the audit trail's
(domain/record_check.py) that every other record is what the program last wrote; this proves
the file or server underneath is sound and still refuses to rewrite history: SQLite's
structure and foreign-key checks, the append-only triggers in place (and, on PostgreSQL,
enabled), the schema at the expected version. A database owner can drop or disable any
trigger, so a guard finding is a warning sign; the hashes, signatures and anchors are what
prove a record.

Which SQLite check runs when: a routine ``verify`` since a checkpoint this computer trusts
(domain/checkpoints.py) reads no whole file, only the schema's version and the append-only
guards (the checkpoint keeps their stamp, ``guard_stamp``). Without one (the first verify
on this computer, after a restore, the self-test), ``verify`` runs ``PRAGMA quick_check``:
every page, record, NOT NULL and CHECK constraint, in one pass over the file (about 2 s on
the 1.1 GB benchmark database), and the foreign-key check. ``verify --full`` runs
``PRAGMA integrity_check``, which also proves every index holds exactly its table's rows
and that UNIQUE holds: an index lookup on a damaged index could miss a row (half a minute
on that database). Damage shows in both as a broken page or
record; only a file whose indexes alone were damaged (by a crash with unsafe settings or by
editing the file) passes the quick check and fails the full one. The storage checks run on
their own connection while the ledger is recomputed, and so does the audit trail's check
(``_Records``); the ledger's replay, in this thread, is the longest of the three.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import make_url, text
from sqlalchemy.exc import DBAPIError

from ..domain import checkpoints
from ..domain.errors import NotADatabaseError
from ..domain.ledger import Problem, VerifyReport, counted_aliquots, verify_ledger
from ..domain.origins import origin_problems
from ..domain.record_check import check_records
from ..domain.routine_verify import verify_ledger_since
from ..domain.signature_check import add_signature_check, certificates_stamp
from ..domain.store import ProgressCallback
from ..domain.wording import Said, Words
from .database import Database
from .migrate import head_revision
from .record_scan import SessionRecordScan
from .stamp import current_revision

# Tables whose rows the database refuses to change in place (migrations 0001 to 0003; a
# certificate's retirement and revocation columns stay updatable).
APPEND_ONLY_TABLES = (
    "custody_events",
    "audit_entries",
    "signatures",
    "documents",
    "certificates",
    "exchange_files",
    "event_origins",
)
_SQLITE_TRIGGERS = {f"{t}_no_{a}": t for t in APPEND_ONLY_TABLES for a in ("update", "delete")}
_PG_TRIGGERS = {f"{t}_{s}": t for t in APPEND_ONLY_TABLES for s in ("append_only", "no_truncate")}
# pg_trigger.tgenabled: 'D' disabled; 'R' fires only while replicating, i.e. never in use
_PG_NOT_FIRING = {"D": "disabled", "R": "replica"}
# integrity_check stops after this many messages; more would only repeat the damage.
_MAX_MESSAGES = 20
_FOREIGN_KEY_CACHE_KIB = 256 * 1024

_domain_storage_integrity = Words("_domain_storage_integrity")


class _Check:
    """The storage checks running on a thread beside the ledger's, so they can be stopped."""

    def __init__(self, db: Database, full: bool, pages: bool = True) -> None:
        self.db = db
        self.full = full
        self.pages = pages
        self.problems: list[str] = []
        self.guards: list[Problem] = []
        self.error: BaseException | None = None
        self.driver_connection: Any = None
        self.stopped = False
        self.thread = threading.Thread(target=self._run, name="verify-storage", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.guards = guard_problems(self.db)
            self.problems = integrity_problems(
                self.db, full=self.full, pages=self.pages, check=self
            )
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
    db: Database, *, full: bool = False, pages: bool = True, check: _Check | None = None
) -> list[str]:
    """What is wrong with the database itself, in plain words (empty when sound).

    ``full``: SQLite's integrity_check instead of quick_check (see the module's docstring);
    ``pages=False``: the schema's version alone (a routine verify since a checkpoint).
    """
    problems: list[str] = []
    pragma = "integrity_check" if full else "quick_check"
    revision = current_revision(db.engine)
    if revision != head_revision():
        problems.append(
            _domain_storage_integrity.said(
                "The schema is at version {revision}, this program expects {expected}.",
                revision=revision,
                expected=head_revision(),
            )
        )
    with db.engine.connect() as connection:
        if check is not None:
            check.driver_connection = connection.connection.driver_connection
        if db.dialect == "sqlite" and pages:
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
                damaged = _domain_storage_integrity.said(
                    "SQLite integrity check: the file is damaged ({error}).", error=str(error.orig)
                )
                return [*problems, damaged]
            if messages != ["ok"]:
                problems.extend(
                    _domain_storage_integrity.said("SQLite integrity check: {message}", message=m)
                    for m in messages
                )
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
                        _domain_storage_integrity.said(
                            "Row {row} of {table} points at a missing record in {parent}.",
                            row=rowid,
                            table=table,
                            parent=parent,
                        )
                    )
            finally:
                connection.exec_driver_sql(f"PRAGMA cache_size = {int(cache_size)}")
    return problems


def guard_problems(db: Database) -> list[Problem]:
    """The append-only guards that are missing, disabled or no longer refuse a change."""
    found: list[tuple[str, str, str]] = []  # (table, trigger, what is wrong)
    with db.engine.connect() as connection:
        if db.dialect == "sqlite":
            present = {
                name: (table, sql or "")
                for name, table, sql in connection.execute(
                    text("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
                )
            }
            for name, table in sorted(_SQLITE_TRIGGERS.items()):
                on, sql = present.get(name, (None, ""))
                if on != table:
                    found.append((table, name, "removed"))
                elif "RAISE(ABORT" not in sql.upper().replace(" ", ""):
                    found.append((table, name, "replaced"))
        else:
            rows = connection.execute(
                text(
                    "SELECT t.tgname, c.relname, t.tgenabled, p.prosrc FROM pg_trigger t "
                    "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid "
                    "WHERE NOT t.tgisinternal"
                )
            )
            triggers = {name: (table, enabled, source) for name, table, enabled, source in rows}
            for name, table in sorted(_PG_TRIGGERS.items()):
                on, enabled, source = triggers.get(name, (None, "O", ""))
                if on != table:
                    found.append((table, name, "removed"))
                elif enabled in _PG_NOT_FIRING:
                    found.append((table, name, _PG_NOT_FIRING[enabled]))
                elif "RAISE EXCEPTION" not in (source or "").upper():
                    found.append((table, name, "replaced"))
    return [
        Problem("guard", _guard_finding(table, name, what), table=table, record=name)
        for table, name, what in found
    ]


def _guard_finding(table: str, trigger: str, what: str) -> Said:
    """What is wrong with an append-only guard (``what``: removed, replaced, disabled,
    replica), in one sentence each."""
    named = {"table": table, "trigger": trigger}
    if what == "removed":
        return _domain_storage_integrity.said(
            "The append-only guard {trigger} has been removed: the database no longer refuses "
            "to change {table} in place.",
            **named,
        )
    if what == "disabled":
        return _domain_storage_integrity.said(
            "The append-only guard {trigger} is disabled: the database no longer refuses to "
            "change {table} in place.",
            **named,
        )
    if what == "replica":
        return _domain_storage_integrity.said(
            "The append-only guard {trigger} is set to fire only on a replica: the database no "
            "longer refuses to change {table} in place.",
            **named,
        )
    return _domain_storage_integrity.said(
        "The append-only guard {trigger} no longer refuses a change (it was replaced): the "
        "database no longer refuses to change {table} in place.",
        **named,
    )


class _Records:
    """The audit trail and the records against it (``record_check.check_records``) on a
    thread beside the ledger: most of its work is SQL, which runs without Python's lock."""

    def __init__(
        self, db: Database, workers: int | None, since: tuple[int, str] | None = None
    ) -> None:
        self.db = db
        self.since = since
        # a routine verify hashes only what is new: no worker for the whole trail
        self.workers = 0 if since else workers
        self.done = self.total = 0
        self.stopped = False
        self.scan: SessionRecordScan | None = None
        self.report: VerifyReport | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="verify-records", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            with self.db.scan_records(workers=self.workers) as scan:
                assert isinstance(scan, SessionRecordScan)
                self.scan = scan
                if not self.stopped:
                    self.report = check_records(scan, self._progress, since=self.since)
        except BaseException as error:  # handed to the caller's thread
            self.error = error

    def _progress(self, done: int, total: int) -> bool:
        self.done, self.total = done, total
        return self.stopped

    def stop(self) -> None:
        self.stopped = True
        if self.scan is not None:
            self.scan.interrupt()
        self.thread.join()

    def wait(self, progress: Callable[[int, int], bool]) -> VerifyReport | None:
        """The report, reporting progress meanwhile; None when ``progress`` cancels."""
        while self.thread.is_alive():
            if progress(self.done, self.total):
                self.stop()
                return None
            self.thread.join(0.1)
        if self.error is not None:
            raise self.error
        assert self.report is not None
        return self.report


def guard_stamp(db: Database) -> str:
    """What changes whenever the schema, and so an append-only guard, changes: SQLite's
    schema cookie (every CREATE or DROP, a trigger's too), PostgreSQL's trigger rows and
    their functions by oid and row version (a dropped and remade or disabled trigger is a
    new row version). A checkpoint keeps it: tampering in place needs a guard out of the way
    first, and a routine verify under a changed stamp replays everything."""
    with db.engine.connect() as connection:
        if db.dialect == "sqlite":
            (version,) = connection.exec_driver_sql("PRAGMA schema_version").one()
            return f"sqlite:{int(version)}"
        rows = connection.execute(
            text(
                "SELECT t.tgname, t.oid::text, t.xmin::text, t.tgenabled::text, "
                "p.oid::text, p.xmin::text FROM pg_trigger t JOIN pg_proc p "
                "ON p.oid = t.tgfoid WHERE NOT t.tgisinternal ORDER BY t.tgname, t.oid"
            )
        ).all()
    listed = "\n".join("\t".join(row) for row in rows)
    return "postgresql:" + hashlib.sha256(listed.encode()).hexdigest()


def database_location(db: Database) -> str:
    """Where the database is, as a checkpoint names it: the SQLite file's absolute path, or
    the PostgreSQL server and database (without a password)."""
    if db.path is not None:
        return str(db.path.resolve())
    url = make_url(db.url).set(password=None, query={})
    return url.render_as_string(hide_password=False)


def verify_database(
    db: Database,
    progress: ProgressCallback | None = None,
    *,
    full: bool = False,
    workers: int | None = None,
    checkpoint: bool = True,
) -> VerifyReport:
    """The whole ``verify``: the ledger (``ledger.verify_ledger``), the audit trail and every
    record it covers (``record_check.check_records``), and the database underneath.

    The command line and the GUI both show this one report. The storage checks and the
    records run on threads meanwhile; ``progress`` sees events, audit entries and rows
    together. ``full`` replays every event (else only what changed since this computer's
    checkpoint, when it holds one it trusts: domain/checkpoints.py, routine_verify.py) and
    makes the storage check SQLite's integrity_check. ``workers``: processes that check the
    ledger's hashes beside the replay (0: none, one core; None: by the ledger's size).
    ``checkpoint=False`` neither reads nor writes a checkpoint (a scratch copy). A cancelled
    check stops the others and is returned as it is, without them.
    """
    location = database_location(db) if checkpoint else ""
    stamp = guard_stamp(db) if checkpoint else ""
    found = checkpoints.Found(None)
    if checkpoint and not full:
        found = checkpoints.trusted_checkpoint(location, stamp)
    # a routine verify since a checkpoint reads no whole file: see the module's docstring
    check = _Check(db, full, pages=found.checkpoint is None)
    trusted = found.checkpoint
    since = (trusted.heads.audit_seq, trusted.heads.audit_hash) if trusted else None
    records = _Records(db, workers, since)
    ledger = [0, 0]  # how far the ledger's replay is, of how many events

    def together(done: int, total: int) -> bool:
        ledger[:] = done, total
        return bool(progress and progress(done + records.done, total + records.total))

    try:
        report, held = _ledger(db, found.checkpoint, together if progress else None, workers)
        cancelled = any(p.kind == "cancelled" for p in report.problems)
        checked = None if cancelled else records.wait(lambda done, total: together(*ledger))
    except BaseException:
        check.stop()
        records.stop()
        raise
    report.mode_said = _mode(report, found, held)
    if checked is None:
        check.stop()
        records.stop()
        if not cancelled:
            stopped = _domain_storage_integrity.said("Verification was cancelled.")
            report.problems.append(Problem("cancelled", stopped))
        return report
    report.include(checked)
    before = ledger[1] + records.total  # the signatures come last, counted after the rest

    def signatures(done: int, total: int) -> bool:
        return bool(progress and progress(before + done, before + total))

    with db.read() as session:
        certificates = certificates_stamp(session)
    after_id = 0  # a routine verify checks the signatures since, if no certificate changed
    kept = found.checkpoint
    if report.mode == "routine" and kept is not None and kept.certificates == certificates:
        after_id = kept.signatures_last_id
    try:
        add_signature_check(db, report, signatures if progress else None, after_id=after_id)
        with db.read() as session:
            # events imported from partners, and the heads exchange files carried
            report.problems.extend(origin_problems(session))
    except BaseException:
        check.stop()
        raise
    if any(p.kind == "cancelled" for p in report.problems):
        check.stop()
        return report
    storage = check.result()
    report.problems.extend(Problem("storage", message) for message in storage)
    report.problems.extend(check.guards)
    report.storage_checked = _storage_checked(
        db, bool(storage or check.guards), full=full, pages=check.pages
    )
    if checkpoint and report.ok:
        checkpoints.write_checkpoint(db, location, stamp, report, certificates)
    return report


def _ledger(
    db: Database,
    checkpoint: checkpoints.Checkpoint | None,
    progress: ProgressCallback | None,
    workers: int | None,
) -> tuple[VerifyReport, bool]:
    """The ledger's report: since ``checkpoint`` if it holds and what changed since checks
    out, else every event replayed; and whether the checkpoint held."""
    if checkpoint is None:
        return verify_ledger(db, progress, workers=workers), False
    rewritten = checkpoints.checkpoint_problems(db, checkpoint)
    if not rewritten:
        heads = checkpoint.heads
        since = verify_ledger_since(
            db, heads.ledger_seq, heads.ledger_hash, checkpoint.aliquots, checkpoint.digest
        )
        if since is not None:
            if progress is not None and progress(since.events, since.events):
                stopped = _domain_storage_integrity.said("Verification was cancelled.")
                since.problems.append(Problem("cancelled", stopped))
            return since, True
    report = verify_ledger(db, progress, workers=workers)
    report.problems[:0] = rewritten
    return report, not rewritten


def _mode(report: VerifyReport, found: checkpoints.Found, held: bool) -> Said:
    """The report's "Mode:" line."""
    if report.mode == "routine":
        assert found.checkpoint is not None
        return _domain_storage_integrity.said(
            "routine, since {checkpoint} (event #{event}): {aliquots} touched since, replayed.",
            checkpoint=found.checkpoint.name,
            event=found.checkpoint.heads.ledger_seq,
            aliquots=counted_aliquots(report.replayed_aliquots),
        )
    if found.checkpoint is not None and held:
        return _domain_storage_integrity.said(
            "full: what changed since {checkpoint} did not check out, so every event was replayed.",
            checkpoint=found.checkpoint.name,
        )
    if found.checkpoint is not None:
        return _domain_storage_integrity.said(
            "full: the ledger no longer holds the heads of {checkpoint}, so every event was "
            "replayed.",
            checkpoint=found.checkpoint.name,
        )
    if found.why_not is not None:
        return _domain_storage_integrity.said(
            "full (every event replayed). {why}", why=found.why_not
        )
    return _domain_storage_integrity.said("full (every event replayed).")


def _storage_checked(db: Database, found: bool, *, full: bool, pages: bool = True) -> Said:
    """'ok (sqlite, custody.db; quick check)' or 'problems found (postgresql, custody)'."""
    where = {"dialect": db.dialect, "database": db.name}
    if db.dialect == "sqlite" and not pages:
        if found:
            return _domain_storage_integrity.said(
                "problems found ({dialect}, {database}; schema and guards only, routine)",
                **where,
            )
        return _domain_storage_integrity.said(
            "ok ({dialect}, {database}; schema and guards only, routine)", **where
        )
    if db.dialect != "sqlite":
        if found:
            return _domain_storage_integrity.said("problems found ({dialect}, {database})", **where)
        return _domain_storage_integrity.said("ok ({dialect}, {database})", **where)
    which = (
        _domain_storage_integrity.said("integrity check")
        if full
        else _domain_storage_integrity.said("quick check")
    )
    if found:
        return _domain_storage_integrity.said(
            "problems found ({dialect}, {database}; {check})", check=which, **where
        )
    return _domain_storage_integrity.said(
        "ok ({dialect}, {database}; {check})", check=which, **where
    )
