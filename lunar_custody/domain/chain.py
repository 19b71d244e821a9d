"""The hash chain's canonical content, and checking it fast over ranges of the ledger.

``canonical_content`` is the one definition of the bytes an event's hash covers (see
``ledger.chain_hash``). ``SQLITE_HASHED_TEXT`` lets SQLite build the same bytes while it
reads the row, so verifying two million events does not turn every column into a Python
object first; a row whose hash does not match is always re-checked with
``canonical_content`` before it is reported (``ledger.verify_ledger``), so a different
SQLite can make verify slower but never wrong.

This module imports only the standard library: ``python -m lunar_custody.domain.chain``
is the worker process that checks one range of a SQLite ledger beside the replay.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

GENESIS_HASH = "0" * 64

# The columns that make up an event's content, in hashing order.
HASHED_COLUMNS: tuple[str, ...] = (
    "id",
    "uuid",
    "aliquot_id",
    "kind",
    "occurred_at",
    "actor_id",
    "institution_id",
    "custodian_person_id",
    "courier_id",
    "transfer_id",
    "loan_id",
    "mass_ug",
    "related_aliquot_id",
    "corrects_event_id",
    "seal_number",
    "seal_intact",
    "note",
)
OCCURRED_AT = HASHED_COLUMNS.index("occurred_at")

# Built once: json.dumps with options builds a new encoder on every call.
_CANONICAL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def canonical_content(prev_hash: str, values: Sequence[Any]) -> bytes:
    """What an event's hash covers: ``prev_hash``, a newline and the JSON array (UTF-8, no
    spaces) of HASHED_COLUMNS in order, ``occurred_at`` already integer microseconds since
    1970-01-01 UTC and ``seal_intact`` a bool or None."""
    return f"{prev_hash}\n{_CANONICAL.encode(list(values))}".encode()


# SQLite stores a UTC time as 'YYYY-MM-DD HH:MM:SS.ffffff' (SQLAlchemy's format). The
# seconds are taken from the first 19 characters: strftime would round .9999995 upwards.
# unixepoch() (SQLite 3.38) is the same number, a third cheaper than strftime's text.
_SQLITE_SECONDS = (
    "unixepoch(substr(occurred_at, 1, 19))"
    if sqlite3.sqlite_version_info >= (3, 38)
    else "CAST(strftime('%s', substr(occurred_at, 1, 19)) AS INTEGER)"
)
_SQLITE_MICROSECONDS = f"{_SQLITE_SECONDS} * 1000000 + CAST(substr(occurred_at, 21) AS INTEGER)"
_SQLITE_VALUES = {
    "occurred_at": _SQLITE_MICROSECONDS,
    "seal_intact": "CASE seal_intact WHEN 1 THEN json('true') WHEN 0 THEN json('false') END",
}
# json_array escapes strings as Python's json does with ensure_ascii=False ("\\" and '"',
# \b \f \n \r \t, other control characters as \\u00xx): the test suite holds the two to it.
SQLITE_HASHED_TEXT = (
    "CAST(prev_hash || char(10) || json_array("
    + ", ".join(_SQLITE_VALUES.get(c, c) for c in HASHED_COLUMNS)
    + ") AS BLOB)"
)


@dataclass
class RangeCheck:
    """What one range of the ledger (ids ``lo`` <= id < ``hi``) says about the chain.

    ``suspect``: events whose hash does not match the content SQLite built (re-checked
    before being reported); ``unlinked``: events whose ``prev_hash`` is not the stored hash of
    the row before them in the range. The first row's link is checked by whoever joins the
    ranges, from ``first_prev`` and the previous range's ``last_hash``.
    """

    lo: int
    hi: int
    count: int = 0
    first_id: int | None = None
    first_prev: str | None = None
    last_hash: str | None = None
    suspect: list[int] = field(default_factory=list)
    unlinked: list[int] = field(default_factory=list)


RANGE_SQL = (
    f"SELECT id, prev_hash, {SQLITE_HASHED_TEXT}, hash FROM custody_events "
    "WHERE id >= ? AND id < ? ORDER BY id"
)


def check_sqlite_range(connection: sqlite3.Connection, lo: int, hi: int) -> RangeCheck:
    """Hash every event with ``lo`` <= id < ``hi`` through a plain sqlite3 connection."""
    result = RangeCheck(lo, hi)
    sha256 = hashlib.sha256
    suspect, unlinked = result.suspect, result.unlinked
    running: str | None = None
    cursor = connection.execute(RANGE_SQL, (lo, hi))
    try:
        while rows := cursor.fetchmany(5000):
            if running is None:
                result.first_id, result.first_prev = rows[0][0], rows[0][1]
                running = rows[0][1]
            for event_id, prev_hash, content, stored in rows:
                if sha256(content).hexdigest() != stored:
                    suspect.append(event_id)
                if prev_hash != running:
                    unlinked.append(event_id)
                running = stored
            result.count += len(rows)
    finally:
        cursor.close()
    result.last_hash = running
    return result


def _worker(argv: list[str]) -> int:
    """``python -m lunar_custody.domain.chain PATH LO HI``: one RangeCheck as JSON on stdout."""
    path, lo, hi = argv[0], int(argv[1]), int(argv[2])
    connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        connection.execute("BEGIN")  # one snapshot for the range
        result = check_sqlite_range(connection, lo, hi)
    finally:
        connection.close()
    json.dump(asdict(result), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(_worker(sys.argv[1:]))
