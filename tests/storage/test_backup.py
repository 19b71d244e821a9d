"""Copies of a database that open and hold the same records."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from lunar_custody.domain.errors import DatabaseError
from lunar_custody.domain.models import Institution
from lunar_custody.storage import (
    Database,
    backup_postgresql,
    backup_sqlite,
    current_revision,
    head_revision,
)

CODES = ["BROWN", "CNSA", "KOLN", "OSAKA"]


def _fill(db: Database) -> None:
    with db.write() as session:
        session.execute(
            insert(Institution), [{"code": c, "name": c, "kind": "borrower"} for c in CODES]
        )


def _codes(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(Institution.code).order_by(Institution.code)))


def test_the_copy_opens_and_has_the_same_records(sqlite_db: Database, tmp_path: Path) -> None:
    _fill(sqlite_db)
    copy = backup_sqlite(sqlite_db, tmp_path / "copies" / "custody-copy.db")
    assert copy == tmp_path / "copies" / "custody-copy.db"
    with Database.open(str(copy), create=False) as opened:
        assert _codes(opened) == CODES
        assert current_revision(opened.engine) == head_revision()
    raw = sqlite3.connect(copy)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        raw.close()


def test_the_copy_holds_only_what_was_committed(sqlite_db: Database, tmp_path: Path) -> None:
    _fill(sqlite_db)
    assert sqlite_db.path is not None
    writer = sqlite3.connect(sqlite_db.path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM institutions WHERE code = 'KOLN'")
        copy = backup_sqlite(sqlite_db, tmp_path / "during-a-write.db")
        writer.execute("ROLLBACK")
    finally:
        writer.close()
    with Database.open(str(copy), create=False) as opened:
        assert _codes(opened) == CODES


def test_an_existing_file_is_never_overwritten(sqlite_db: Database, tmp_path: Path) -> None:
    dest = tmp_path / "precious.db"
    dest.write_bytes(b"an earlier copy")
    with pytest.raises(DatabaseError) as info:
        backup_sqlite(sqlite_db, dest)
    assert str(info.value) == f"Will not overwrite {dest}: a file of that name exists already."
    assert dest.read_bytes() == b"an earlier copy"


def test_only_sqlite_is_copied_as_a_file(db: Database, tmp_path: Path) -> None:
    if db.dialect == "sqlite":
        assert backup_sqlite(db, tmp_path / "fine.db").exists()
    else:
        with pytest.raises(DatabaseError, match="not a SQLite database"):
            backup_sqlite(db, tmp_path / "nope.db")
        assert not (tmp_path / "nope.db").exists()


def test_pg_dump_copies_a_postgresql_database(pg_db: Database, tmp_path: Path) -> None:
    if shutil.which("pg_dump") is None:
        pytest.fail("pg_dump is not installed; run .ci/run")
    _fill(pg_db)
    dump = backup_postgresql(pg_db, tmp_path / "custody.dump")
    assert dump == tmp_path / "custody.dump"
    assert dump.read_bytes()[:5] == b"PGDMP"
    with pytest.raises(DatabaseError, match="Will not overwrite"):
        backup_postgresql(pg_db, dump)
