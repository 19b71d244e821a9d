"""The audit trail and the audited tables as verify reads them, fast: the ``RecordScan`` of
``Database.scan_records`` (``domain.record_check`` decides what the rows mean).

A large database holds more than a million audit entries and as many rows, so neither side
becomes Python objects in bulk:

- the chain: SQLite builds each entry's canonical content (``AUDIT_HASHED_TEXT``) while it
  reads the row, and on a long trail a worker process (``verify_workers``) hashes it beside
  everything else; PostgreSQL hashes the typed columns by the reference encoding here;
- the rows: one query per table writes every row out as the audit trail writes a whole row
  (``audit.audit_text`` values, JSON with sorted keys) and compares it with the record's
  latest entry, in the database; only the rows that differ, or whose latest entry is not a
  whole row, come back (``unmatched``). Secrets and binary columns are not written out
  here (their digests are Python's): a row holding one always comes back.

Whatever these fast paths flag, the domain decides by the reference definitions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Integer,
    String,
    TypeDecorator,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.type_api import TypeEngine

from ..domain.audit import SECRET_COLUMNS, audited_columns
from ..domain.chain import (
    AUDIT_HASHED_COLUMNS,
    GENESIS_HASH,
    RangeCheck,
    audit_hash,
    check_rows,
)
from ..domain.models import AuditEntry, Base
from . import verify_workers
from .ledger_scan import SQLITE_MICROSECONDS
from .verify_workers import PARALLEL_FROM

_BATCH = 20_000
AUDIT_HASHED_TEXT = (
    "CAST(prev_hash || char(10) || json_array("
    + ", ".join(SQLITE_MICROSECONDS if c == "occurred_at" else c for c in AUDIT_HASHED_COLUMNS)
    + ") AS BLOB)"
)
AUDIT_RANGE_SQL = (
    f"SELECT id, prev_hash, {AUDIT_HASHED_TEXT}, hash FROM audit_entries "
    "WHERE id >= ? AND id < ? ORDER BY id"
)
# The links of the trail up to an entry, by the stored hashes (a routine verify's).
_FIRST_UNLINKED = text(
    "SELECT min(e.id) FROM audit_entries e LEFT JOIN audit_entries p ON p.id = e.id - 1 "
    "WHERE e.id <= :up_to AND CASE WHEN e.id = :first THEN e.prev_hash <> :genesis "
    "ELSE p.hash IS NULL OR e.prev_hash <> p.hash END"
)
# Never an audit text (those of secrets and bytes start "(set:" and "sha256:"): a row with
# such a value is always handed to the domain.
NOT_WRITTEN_HERE = '"(checked by the program)"'
_NOT_WRITTEN_HERE = "'" + NOT_WRITTEN_HERE + "'"


def _kind(key: str, column_type: TypeEngine[Any]) -> str:
    """How the audit trail writes the column's values: int, text, bool, datetime, date, or
    opaque (a secret or bytes, whose digest only Python makes)."""
    if key in SECRET_COLUMNS:
        return "opaque"
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    for kind, types in (
        ("datetime", DateTime),
        ("date", Date),
        ("bool", Boolean),
        ("int", Integer),
        ("text", String),
    ):
        if isinstance(column_type, types):
            return kind
    return "opaque"


def _sqlite_value(kind: str, column: str, nullable: bool) -> tuple[str, str]:
    """How printf writes the column as audit.audit_text writes it, as a JSON value: (the
    format's placeholder, its argument)."""
    if kind == "text":
        return "%s", f"json_quote({column})"
    if kind == "opaque":
        return "%s", f"CASE WHEN {column} IS NULL THEN 'null' ELSE {_NOT_WRITTEN_HERE} END"
    if kind == "bool":
        return "%s", (
            f"CASE {column} WHEN 1 THEN '\"True\"' WHEN 0 THEN '\"False\"' ELSE "
            f"CASE WHEN {column} IS NULL THEN 'null' ELSE {_NOT_WRITTEN_HERE} END END"
        )
    if kind == "datetime":
        # SQLAlchemy stores 'YYYY-MM-DD HH:MM:SS.ffffff'; isoformat() writes a 'T' for the
        # space and leaves out a zero fraction. Every character but the space is kept, so a
        # row written out equal to its entry holds the very time the entry recorded.
        return "%s", (
            f"CASE WHEN substr({column}, 11, 1) = ' ' THEN printf('\"%.10sT%s+00:00\"', "
            f"{column}, CASE WHEN substr({column}, 20) = '.000000' THEN substr({column}, 12, 8) "
            f"ELSE substr({column}, 12) END) WHEN {column} IS NULL THEN 'null' "
            f"ELSE {_NOT_WRITTEN_HERE} END"
        )
    # int, date: text that needs no escaping ('%s' writes a number as CAST AS TEXT does;
    # quick_check holds a NOT NULL column to it)
    if nullable:
        return "%s", f"CASE WHEN {column} IS NULL THEN 'null' ELSE '\"' || {column} || '\"' END"
    return '"%s"', column


def _postgresql_value(kind: str, column: str, nullable: bool) -> tuple[str, str]:
    if kind == "text":
        return "%s", f"coalesce(to_json({column})::text, 'null')"
    if kind == "opaque":
        return "%s", f"CASE WHEN {column} IS NULL THEN 'null' ELSE {_NOT_WRITTEN_HERE} END"
    if kind == "bool":
        return "%s", (
            f"CASE WHEN {column} IS NULL THEN 'null' WHEN {column} THEN '\"True\"' "
            "ELSE '\"False\"' END"
        )
    if kind == "datetime":
        utc = f"({column} AT TIME ZONE 'UTC')"
        value = (
            f"to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN "
            f"date_part('microseconds', {utc})::bigint % 1000000 = 0 THEN '' "
            f"ELSE to_char({utc}, '.US') END || '+00:00'"
        )
    elif kind == "date":
        value = f"to_char({column}, 'YYYY-MM-DD')"
    else:
        value = f"{column}::text"
    return "%s", f"coalesce('\"' || {value} || '\"', 'null')"


def row_text_sql(model: type[Base], dialect: str, quote: Any) -> str:
    """The SQL expression that writes a row of ``model`` (as ``t``) out as the audit trail
    writes a whole row, by one printf (format() on PostgreSQL): a chain of || costs SQLite
    four times as much. A secret or binary value comes out as ``NOT_WRITTEN_HERE``."""
    mapper = inspect(model)
    value = _sqlite_value if dialect == "sqlite" else _postgresql_value
    fields, arguments = [], []
    for key in sorted(audited_columns(mapper)):
        column = mapper.columns[key]
        placeholder, argument = value(
            _kind(key, column.type), "t." + quote(column.name), bool(column.nullable)
        )
        fields.append(f'"{key}": {placeholder}')
        arguments.append(argument)
    template = "{" + ", ".join(fields) + "}"
    return f"{'printf' if dialect == 'sqlite' else 'format'}('{template}', {', '.join(arguments)})"


def unmatched_sql(model: type[Base], dialect: str, quote: Any) -> str:
    """The ids of ``model``'s rows that are not exactly their latest audit entry's whole row
    (``:name`` is the table's name in the audit trail)."""
    row = row_text_sql(model, dialect, quote)
    table = quote(model.__tablename__)
    return (
        f"SELECT t.id FROM {table} AS t LEFT JOIN audit_entries AS a ON a.id = "
        "(SELECT max(e.id) FROM audit_entries AS e WHERE e.table_name = :name "
        "AND e.record_id = t.id) "
        "WHERE a.id IS NULL OR a.action NOT IN ('create', 'baseline') "
        f"OR coalesce(a.new_value, '') <> {row}"
    )


def _typed_range(session: Session, lo: int, hi: int) -> RangeCheck:
    """The chain of one id range by the reference encoding of the typed columns."""
    result = RangeCheck(lo, hi)
    columns = [getattr(AuditEntry, c) for c in AUDIT_HASHED_COLUMNS]
    statement = (
        select(*columns, AuditEntry.prev_hash, AuditEntry.hash)
        .where(AuditEntry.id >= lo, AuditEntry.id < hi)
        .order_by(AuditEntry.id)
    )
    rows = session.connection().execution_options(yield_per=_BATCH).execute(statement)
    try:
        return check_rows(result, rows, len(columns), audit_hash)
    finally:
        rows.close()


class SessionRecordScan:
    """The ``RecordScan`` over one read session (see the module docstring)."""

    def __init__(self, session: Session, sqlite_file: str | None, workers: int | None) -> None:
        self.session = session
        connection = session.connection()
        self.dialect = connection.dialect.name
        self._quote = connection.dialect.identifier_preparer.quote
        # kept for interrupt(), which another thread calls
        self.driver_connection: Any = connection.connection.driver_connection
        first_id, last_id, total = session.execute(
            select(func.min(AuditEntry.id), func.max(AuditEntry.id), func.count())
        ).one()
        self._bounds: tuple[int | None, int | None, int] = (first_id, last_id, total or 0)
        if workers is None:
            # one process: the ledger's workers are hashing beside it already
            workers = min(1, verify_workers.default_workers()) if total >= PARALLEL_FROM else 0
        self.workers: verify_workers.Workers | None = None
        self.stopped = False
        if workers and sqlite_file and total:
            self.workers = verify_workers.Workers(
                sqlite_file, AUDIT_RANGE_SQL, first_id, last_id, workers
            )

    def audit_bounds(self) -> tuple[int | None, int | None, int]:
        return self._bounds

    def audit_range_checks(self) -> list[RangeCheck]:
        first_id, last_id, total = self._bounds
        if self.stopped or not total or first_id is None or last_id is None:
            return []
        if self.workers is None:
            return [self._check_range(first_id, last_id + 1)]
        return [
            RangeCheck(**found) if found else self._check_range(lo, hi)
            for lo, hi, found in self.workers.results()
        ]

    def audit_checks_since(self, seq: int, head_hash: str) -> list[RangeCheck] | None:
        first_id, last_id, _ = self._bounds
        if seq > 0:
            stored = self.session.scalar(select(AuditEntry.hash).where(AuditEntry.id == seq))
            if stored != head_hash:
                return None
            linked = {"up_to": seq, "first": first_id, "genesis": GENESIS_HASH}
            if self.session.execute(_FIRST_UNLINKED, linked).scalar() is not None:
                return None  # a broken link (or ids with a gap: from before migration 0002)
        if last_id is None or last_id <= seq:
            return []
        return [self._check_range(seq + 1, last_id + 1)]

    def unmatched(self, model: type[Any]) -> list[int]:
        sql = unmatched_sql(model, self.dialect, self._quote)
        return list(self.session.scalars(text(sql), {"name": model.__tablename__}))

    def interrupt(self) -> None:
        """Stop the statement running and the worker (called from another thread)."""
        self.stopped = True
        for process in self.workers.processes if self.workers is not None else ():
            if process.poll() is None:
                process.kill()
        if isinstance(self.driver_connection, sqlite3.Connection):
            self.driver_connection.interrupt()
        elif hasattr(self.driver_connection, "cancel"):
            self.driver_connection.cancel()  # psycopg: the server stops the statement

    def close(self) -> None:
        if self.workers is not None:
            self.workers.stop()

    def _check_range(self, lo: int, hi: int) -> RangeCheck:
        if isinstance(self.driver_connection, sqlite3.Connection):
            return RangeCheck(
                **verify_workers.hash_range(self.driver_connection, AUDIT_RANGE_SQL, lo, hi)
            )
        return _typed_range(self.session, lo, hi)


@contextmanager
def record_scanning(
    session: Session, sqlite_file: str | None, workers: int | None
) -> Iterator[SessionRecordScan]:
    """A ``SessionRecordScan`` whose worker ends with the block."""
    scan = SessionRecordScan(session, sqlite_file, workers)
    try:
        yield scan
    finally:
        scan.close()
