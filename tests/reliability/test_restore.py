"""Backup and restore: every record comes back, the copy verifies, nothing is lost on the way.

The source database holds the world's rich scenario (every kind of event, signatures with
drawings, discrepancies); a restored database must hold exactly the same rows.
"""

from __future__ import annotations

import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from lunar_custody import cli
from lunar_custody.domain import identity
from lunar_custody.domain.errors import DatabaseError, RuleViolation
from lunar_custody.storage import Database, head_revision
from lunar_custody.storage.backup import backup_database
from lunar_custody.storage.export_format import export_header
from lunar_custody.storage.restore import (
    EXPORT,
    PG_DUMP,
    SQLITE_COPY,
    backup_kind,
    restore_database,
)
from tests.worlds import World, _remembering, build_world, snapshot


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def rich(world: World) -> World:
    world.rich_scenario()
    return world


def _world_on(db: Database, monkeypatch: pytest.MonkeyPatch) -> World:
    """The world on a database of the test's choosing (as the ``world`` fixture builds it)."""
    monkeypatch.setattr(identity, "_hasher", _remembering)
    return build_world(db)


def test_backup_then_verify_the_copy_from_the_command_line(rich: World, tmp_path: Path) -> None:
    db: Database = rich.db  # type: ignore[assignment]
    copy = tmp_path / "copies" / "custody-backup.db"
    code, out, err = run_cli("backup", "--db", db.url, str(copy))
    assert code == 0, err
    kind = SQLITE_COPY if db.dialect == "sqlite" else PG_DUMP
    assert out.startswith(f"Backed up {db.name} to {copy} ({kind})")
    assert backup_kind(copy) == kind
    if db.dialect == "sqlite":
        code, out, err = run_cli("verify", "--db", str(copy))
        assert code == 0, err
        assert "OK: hash chain intact" in out
    # and once more to the same name: refused (without --overwrite), the first copy untouched
    before = copy.read_bytes()
    code, _out, err = run_cli("backup", "--db", db.url, str(copy))
    assert code == 1 and "exists already; a backup replaces a file only with --overwrite" in err
    assert copy.read_bytes() == before


def test_a_backup_restores_every_record(
    rich: World, empty_database_url: str, tmp_path: Path
) -> None:
    """Every pair of dialects: SQLite and PostgreSQL sources into SQLite and PostgreSQL."""
    source: Database = rich.db  # type: ignore[assignment]
    copy = backup_database(source, tmp_path / "custody.backup")
    target_sqlite = empty_database_url.startswith("sqlite")
    if backup_kind(copy) == PG_DUMP and target_sqlite:
        with pytest.raises(DatabaseError, match="is a pg_dump file of a PostgreSQL database"):
            restore_database(copy, empty_database_url)
        return
    code, out, err = run_cli("restore", str(copy), "--db", empty_database_url)
    assert code == 0, err
    assert "OK: hash chain intact" in out
    with Database.open(empty_database_url, create=False) as restored:
        assert snapshot(restored) == rich.snapshot()


@pytest.mark.postgres
def test_without_pg_dump_postgresql_is_exported_and_restored_anywhere(
    pg_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = _world_on(pg_db, monkeypatch)
    world.rich_scenario()
    monkeypatch.setenv("PATH", "")
    code, out, err = run_cli("backup", "--db", pg_db.url, str(tmp_path / "custody.dump"))
    assert code == 0, err
    export = tmp_path / "custody.dump.lcexport"
    assert f"to {export} ({EXPORT}" in out
    header = export_header(export)
    assert header["schema"] == head_revision() and header["dialect"] == "postgresql"
    # into a new SQLite file: the records move between kinds of database
    moved = tmp_path / "moved.db"
    result = restore_database(export, str(moved))
    assert result.report.ok and result.kept is None
    with Database.open(str(moved), create=False) as restored:
        assert snapshot(restored) == world.snapshot()
    # and back over the PostgreSQL database itself, which then keeps a copy of its records
    with pytest.raises(RuleViolation, match="already holds custody records"):
        restore_database(export, pg_db.url)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    result = restore_database(export, pg_db.url, replace=True)
    assert result.report.ok
    assert result.kept is not None and result.kept.suffix == ".lcexport"
    with Database.open(str(moved), create=False) as moved_db:
        assert snapshot(pg_db) == snapshot(moved_db)


def test_replacing_keeps_a_copy_of_what_was_there(world: World, tmp_path: Path) -> None:
    db: Database = world.db  # type: ignore[assignment]
    copy = backup_database(db, tmp_path / "before-the-split.db")
    world.rich_scenario()
    later = world.snapshot()
    code, _out, err = run_cli("restore", str(copy), "--db", db.url)
    assert code == 1  # refused, as the README says; 3 is for a database that cannot be used
    assert "already holds custody records; restoring would replace them" in err
    assert world.snapshot() == later
    if db.dialect == "postgresql":
        return  # the PostgreSQL replacement is tested with and without pg_dump above
    code, out, err = run_cli("restore", str(copy), "--db", db.url, "--replace")
    assert code == 0, err
    assert db.path is not None
    (kept,) = db.path.parent.glob("custody.before-restore.*.db")
    assert f"What it held before is kept in {kept}." in out
    with Database.open(str(kept), create=False) as old:
        assert snapshot(old) == later
    with Database.open(str(copy), create=False) as restored_from:
        assert world.snapshot() == snapshot(restored_from)


def test_a_tampered_backup_is_refused_and_changes_nothing(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _world_on(sqlite_db, monkeypatch)
    copy = backup_database(sqlite_db, tmp_path / "tampered.db")
    raw = sqlite3.connect(copy)
    try:  # someone removes the guard and edits a mass in the copy
        raw.execute("DROP TRIGGER custody_events_no_update")
        raw.execute("UPDATE custody_events SET mass_ug = mass_ug + 1 WHERE id = 2")
        raw.commit()
    finally:
        raw.close()
    target = tmp_path / "target.db"
    code, _out, err = run_cli("restore", str(copy), "--db", str(target))
    assert code == 3
    assert f"The backup {copy} does not verify, so nothing was restored." in err
    assert "first bad event is #2" in err
    assert not target.exists()


def test_files_that_are_not_backups_get_a_clear_message(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a backup")
    code, _out, err = run_cli("restore", str(notes), "--db", str(tmp_path / "t.db"))
    assert code == 3
    assert err.strip() == (
        f"lunar-custody: {notes} is not a Lunar Custody backup "
        "(a SQLite copy, a pg_dump file or an export)."
    )
    code, _out, err = run_cli("restore", str(tmp_path / "missing.db"), "--db", str(notes))
    assert code == 3 and f"There is no backup at {tmp_path / 'missing.db'}." in err


def test_a_backup_from_a_newer_version_is_refused(sqlite_db: Database, tmp_path: Path) -> None:
    copy = backup_database(sqlite_db, tmp_path / "from-the-future.db")
    raw = sqlite3.connect(copy)
    try:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
        raw.commit()
    finally:
        raw.close()
    with pytest.raises(DatabaseError) as info:
        restore_database(copy, str(tmp_path / "t.db"))
    assert str(info.value) == (
        f"{copy} was made by a newer version of Lunar Custody (schema 9999); this version "
        f"understands up to {head_revision()}. Install the newer version."
    )
    assert not (tmp_path / "t.db").exists()


def test_a_pg_dump_restores_over_postgresql_keeping_a_copy(
    pg_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("pg_restore") is None or shutil.which("pg_dump") is None:
        pytest.fail("pg_dump and pg_restore are not installed; run .ci/run")
    world = _world_on(pg_db, monkeypatch)
    dump = backup_database(pg_db, tmp_path / "custody.dump")
    before = world.snapshot()
    world.rich_scenario()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    code, out, err = run_cli("restore", str(dump), "--db", pg_db.url, "--replace")
    assert code == 0, err
    assert world.snapshot() == before
    (kept,) = (tmp_path / "data" / "lunar-custody" / "backups").iterdir()
    assert f"What it held before is kept in {kept}." in out
    assert backup_kind(kept) == PG_DUMP
