"""benchmarks/postgres.py's COPY loader carries every value across as SQLite holds it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import psycopg

from benchmarks.postgres import copy_tables, libpq_url
from lunar_custody.storage import Database

AWKWARD = [
    "tab\there",
    "back\\slash \\N \\t and \\\\",
    "line\nfeed\r\nand return\r",
    "",
    "Mons Rümker 月球样品 \U0001f311 \u2028",
    "\x01\x1f control, 'quotes' \"double\"",
    None,
]


def test_copy_keeps_escapes_nulls_unicode_bytes_times_and_booleans(pg_db: Database) -> None:
    columns = "id INTEGER PRIMARY KEY, note TEXT, blob {}, flag {}, at {}"
    source = sqlite3.connect(":memory:")
    source.execute(f"CREATE TABLE probe ({columns.format('BLOB', 'BOOLEAN', 'DATETIME')})")
    rows = [
        (n, text, bytes([0, 9, 10, 92, n]) if text else None, n % 2, "2026-01-02 03:04:05.000006")
        for n, text in enumerate(AWKWARD, start=1)
    ]
    source.executemany("INSERT INTO probe VALUES (?, ?, ?, ?, ?)", rows)
    with psycopg.connect(libpq_url(str(pg_db.engine.url))) as target:
        target.execute(f"CREATE TABLE probe ({columns.format('bytea', 'boolean', 'timestamptz')})")
        assert copy_tables(source, target, ["probe"]) == {"probe": len(AWKWARD)}
        target.commit()
        copied = target.execute("SELECT id, note, blob, flag, at FROM probe ORDER BY id").fetchall()
    moment = datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC)
    assert copied == [(n, t, b, bool(f), moment) for n, t, b, f, _ in rows]
