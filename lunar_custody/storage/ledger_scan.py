"""The ledger as verify reads it, fast: the ``LedgerScan`` of ``Database.scan_ledger``.

Two million events pass through here, so the rows come through plain DB-API cursors (tuples
without SQLAlchemy's result processing, most of verify's time otherwise), in batches (a
server-side cursor on PostgreSQL). While the domain replays them, the hash chain is checked:

- SQLite builds each event's canonical content itself (``SQLITE_HASHED_TEXT``) while it reads
  the row, so no column becomes a Python object first; on a large ledger worker processes
  (``verify_workers``) check id ranges of the file meanwhile.
- PostgreSQL: the typed columns and the reference encoding (``chain.chain_hash``).

A row whose hash does not match the fast path's content is only a suspect: the domain
re-checks it with the reference encoding (``hashed_rows``) before reporting it.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Generator, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ..domain.chain import GENESIS_HASH, HASHED_COLUMNS, RangeCheck, chain_hash, check_rows
from ..domain.ledger import COMPARED_COLUMNS, REPLAY_COLUMNS
from ..domain.models import Aliquot, CustodyEvent, LedgerHead
from . import verify_workers
from .verify_workers import PARALLEL_FROM

_BATCH = 20_000
_REPLAY_SQL = f"SELECT {', '.join(REPLAY_COLUMNS)} FROM custody_events ORDER BY id"
_ALIQUOTS_SQL = f"SELECT id, number, {', '.join(COMPARED_COLUMNS)} FROM aliquots ORDER BY id"
_cursor_names = itertools.count(1)
# A routine verify (domain/routine_verify.py): the events after a checkpoint; the histories
# of the aliquots they touched by the (aliquot_id, id) index, and the "derived" events of
# the children of those that split (by aliquots.parent_id), which say what a split gave;
# the links of the chain below the checkpoint, by the stored values.
_REPLAY_AFTER_SQL = (
    f"SELECT {', '.join(REPLAY_COLUMNS)} FROM custody_events WHERE id > ? ORDER BY id"
)
_HISTORIES_SQL = (
    f"SELECT {', '.join(REPLAY_COLUMNS)} FROM custody_events WHERE aliquot_id IN ({{ids}})"
)
_DERIVED_SQL = (
    f"SELECT {', '.join(REPLAY_COLUMNS)} FROM custody_events WHERE kind = 'derived' "
    "AND aliquot_id IN (SELECT id FROM aliquots WHERE parent_id IN ({ids}))"
)
_IDS_PER_QUERY = 500
_FIRST_UNLINKED = text(
    "SELECT min(e.id) FROM custody_events e LEFT JOIN custody_events p ON p.id = e.id - 1 "
    "WHERE e.id <= :up_to AND CASE WHEN e.id = 1 THEN e.prev_hash <> :genesis "
    "ELSE p.hash IS NULL OR e.prev_hash <> p.hash END"
)

# SQLite stores a UTC time as 'YYYY-MM-DD HH:MM:SS.ffffff' (SQLAlchemy's format). The
# seconds are taken from the first 19 characters: strftime would round .9999995 upwards.
# unixepoch() (SQLite 3.38) is the same number, a third cheaper than strftime's text.
_SQLITE_SECONDS = (
    "unixepoch(substr(occurred_at, 1, 19))"
    if sqlite3.sqlite_version_info >= (3, 38)
    else "CAST(strftime('%s', substr(occurred_at, 1, 19)) AS INTEGER)"
)
SQLITE_MICROSECONDS = f"{_SQLITE_SECONDS} * 1000000 + CAST(substr(occurred_at, 21) AS INTEGER)"
_SQLITE_VALUES = {
    "occurred_at": SQLITE_MICROSECONDS,
    "seal_intact": "CASE seal_intact WHEN 1 THEN json('true') WHEN 0 THEN json('false') END",
}
# json_array escapes strings as Python's json does with ensure_ascii=False ("\\" and '"',
# \b \f \n \r \t, other control characters as \\u00xx): the test suite holds the two to it.
SQLITE_HASHED_TEXT = (
    "CAST(prev_hash || char(10) || json_array("
    + ", ".join(_SQLITE_VALUES.get(c, c) for c in HASHED_COLUMNS)
    + ") AS BLOB)"
)
RANGE_SQL = (
    f"SELECT id, prev_hash, {SQLITE_HASHED_TEXT}, hash FROM custody_events "
    "WHERE id >= ? AND id < ? ORDER BY id"
)


def check_sqlite_range(connection: sqlite3.Connection, lo: int, hi: int) -> RangeCheck:
    """Hash every event with ``lo`` <= id < ``hi`` through a plain sqlite3 connection."""
    return RangeCheck(**verify_workers.hash_range(connection, RANGE_SQL, lo, hi))


def _typed_range(session: Session, lo: int, hi: int) -> RangeCheck:
    """Hash one range by the reference encoding of the typed columns, as the services do."""
    result = RangeCheck(lo, hi)
    columns = [getattr(CustodyEvent, c) for c in HASHED_COLUMNS]
    statement = (
        select(*columns, CustodyEvent.prev_hash, CustodyEvent.hash)
        .where(CustodyEvent.id >= lo, CustodyEvent.id < hi)
        .order_by(CustodyEvent.id)
    )
    rows = session.connection().execution_options(yield_per=_BATCH).execute(statement)
    try:
        return check_rows(result, rows, len(HASHED_COLUMNS), chain_hash)
    finally:
        rows.close()


class SessionScan:
    """The ``LedgerScan`` over one read session (see the module docstring)."""

    def __init__(self, session: Session, sqlite_file: str | None, workers: int | None) -> None:
        self.session = session
        self.sqlite = session.connection().dialect.name == "sqlite"
        self._bounds: tuple[int | None, int | None, int] | None = None
        self.workers: verify_workers.Workers | None = None
        if workers != 0:  # a routine verify (workers=0) reads no bounds it does not need
            first_id, last_id, total = self.bounds()
            if workers is None:
                workers = verify_workers.default_workers() if total >= PARALLEL_FROM else 0
            if workers and sqlite_file and total:
                assert first_id is not None and last_id is not None
                self.workers = verify_workers.Workers(
                    sqlite_file, RANGE_SQL, first_id, last_id, workers
                )
        self._checks: list[RangeCheck] = []
        self._readers: list[Generator[Any, None, None]] = []

    def bounds(self) -> tuple[int | None, int | None, int]:
        if self._bounds is None:
            first_id, last_id, total = self.session.execute(
                select(func.min(CustodyEvent.id), func.max(CustodyEvent.id), func.count())
            ).one()
            self._bounds = (first_id, last_id, total or 0)
        return self._bounds

    def events(self) -> Iterator[Sequence[tuple[Any, ...]]]:
        first_id = self.bounds()[0]
        checked_to = 1 if first_id is None else min(first_id, 1)
        for rows in self._read(_REPLAY_SQL):
            yield rows
            if self.workers is None:  # the batch's hashes, here
                end = rows[-1][0] + 1
                self._checks.append(self._check_range(checked_to, end))
                checked_to = end

    def range_checks(self) -> list[RangeCheck]:
        checks = list(self._checks)
        if self.workers is not None:
            for lo, hi, found in self.workers.results():
                checks.append(RangeCheck(**found) if found else self._check_range(lo, hi))
        return checks

    def aliquots(self) -> Iterator[Sequence[tuple[Any, ...]]]:
        return self._read(_ALIQUOTS_SQL)

    def hashed_rows(self, event_ids: Sequence[int]) -> Iterator[tuple[Any, ...]]:
        columns = [getattr(CustodyEvent, c) for c in HASHED_COLUMNS]
        statement = select(*columns, CustodyEvent.prev_hash, CustodyEvent.hash).where(
            CustodyEvent.id.in_(event_ids)
        )
        return (tuple(row) for row in self.session.execute(statement))

    def event_hash(self, event_id: int) -> str | None:
        return self.session.scalar(select(CustodyEvent.hash).where(CustodyEvent.id == event_id))

    def head(self) -> tuple[int, str] | None:
        head = self.session.get(LedgerHead, 1)
        return None if head is None else (head.last_seq, head.last_hash)

    def last_named_event(self) -> int | None:
        return self.session.scalar(select(func.max(Aliquot.last_event_id)))

    def events_after(self, seq: int) -> Iterator[Sequence[tuple[Any, ...]]]:
        return self._read(_REPLAY_AFTER_SQL, (seq,))

    def range_check(self, lo: int, hi: int) -> RangeCheck:
        return self._check_range(lo, hi)

    def first_unlinked(self, up_to: int) -> int | None:
        first: int | None = self.session.execute(
            _FIRST_UNLINKED, {"up_to": up_to, "genesis": GENESIS_HASH}
        ).scalar()
        return first

    def histories(self, aliquot_ids: Sequence[int]) -> Iterator[Sequence[tuple[Any, ...]]]:
        return self._by_ids(_HISTORIES_SQL, aliquot_ids)

    def children_derived(self, parent_ids: Sequence[int]) -> Iterator[Sequence[tuple[Any, ...]]]:
        return self._by_ids(_DERIVED_SQL, parent_ids)

    def _by_ids(self, sql: str, ids: Sequence[int]) -> Iterator[Sequence[tuple[Any, ...]]]:
        ordered = sorted(ids)
        for start in range(0, len(ordered), _IDS_PER_QUERY):
            chunk = ordered[start : start + _IDS_PER_QUERY]
            marks = ", ".join(str(int(i)) for i in chunk)  # integers: nothing to escape
            yield from self._read(sql.format(ids=marks))

    def close(self) -> None:
        """Close the cursors still open (a cancelled scan) and stop the workers."""
        for reader in self._readers:
            reader.close()
        if self.workers is not None:
            self.workers.stop()

    def _check_range(self, lo: int, hi: int) -> RangeCheck:
        """Check one range in this process, in the session's transaction."""
        if self.sqlite:
            driver = self.session.connection().connection.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            return check_sqlite_range(driver, lo, hi)
        return _typed_range(self.session, lo, hi)

    def _read(self, sql: str, parameters: tuple[Any, ...] = ()) -> Generator[Any, None, None]:
        reader = self._batches(sql, parameters)
        self._readers.append(reader)
        return reader

    def _batches(self, sql: str, parameters: tuple[Any, ...] = ()) -> Generator[Any, None, None]:
        """Rows of ``sql`` in batches, through a DB-API cursor in the session's transaction."""
        connection = self.session.connection()
        dbapi = connection.connection.driver_connection
        assert dbapi is not None
        if self.sqlite:
            cursor = dbapi.cursor()
        else:  # a server-side cursor: two million rows never sit in memory at once
            cursor = dbapi.cursor(name=f"lc_verify_{next(_cursor_names)}")
        try:
            if parameters:
                marker = "?" if self.sqlite else "%s"
                cursor.execute(sql.replace("?", marker), parameters)
            else:
                cursor.execute(sql)
            while rows := cursor.fetchmany(_BATCH):
                yield rows
        finally:
            cursor.close()


@contextmanager
def scanning(
    session: Session, sqlite_file: str | None, workers: int | None
) -> Iterator[SessionScan]:
    """A ``SessionScan`` whose cursors and workers end with the block."""
    scan = SessionScan(session, sqlite_file, workers)
    try:
        yield scan
    finally:
        scan.close()
