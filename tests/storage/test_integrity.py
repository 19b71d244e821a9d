"""``verify``'s storage checks: SQLite's quick check routinely, the full check with --full."""

from __future__ import annotations

import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from lunar_custody import cli
from lunar_custody.domain.models import Signature
from lunar_custody.storage.database import Database
from lunar_custody.storage.integrity import integrity_problems, verify_database
from tests.worlds import World, world

__all__ = ["world"]  # the shared world fixture (tests/worlds.py)


def _run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue() + err.getvalue()


def _index_out_of_step(world: World, tmp_path: Path) -> Path:
    """A copy whose ledger index no longer holds what its table holds (the schema text of
    the index edited in place): what a crash with unsafe settings or an edited file leaves."""
    assert isinstance(world.db, Database) and world.db.path is not None
    world.db.dispose()
    copy = tmp_path / "index.db"
    shutil.copy(world.db.path, copy)
    with sqlite3.connect(copy) as raw:
        raw.execute("PRAGMA writable_schema = ON")
        raw.execute(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_custody_events_aliquot_seq "
            "ON custody_events (actor_id, id)' WHERE name = 'ix_custody_events_aliquot_seq'"
        )
    return copy


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_only_the_full_check_compares_indexes_with_their_tables(
    world: World, tmp_path: Path
) -> None:
    world.rich_scenario()
    copy = _index_out_of_step(world, tmp_path)
    with Database.open(str(copy), create=False) as db:
        assert integrity_problems(db) == []
        full = integrity_problems(db, full=True)
        assert full and all("missing from index ix_custody_events_aliquot_seq" in p for p in full)
        routine = verify_database(db)
        assert routine.ok, [p.message for p in routine.problems]
        assert routine.storage_checked.endswith("; quick check)")  # no checkpoint yet
        thorough = verify_database(db, full=True)
        assert not thorough.ok and thorough.storage_checked.startswith("problems found")
        assert "integrity check" in thorough.storage_checked
        assert {p.kind for p in thorough.problems} == {"storage"}
    # since the checkpoint the first verify left, the routine one reads no whole file
    code, said = _run("verify", "--db", str(copy))
    assert code == 0 and "schema and guards only, routine" in said, said
    code, said = _run("verify", "--full", "--db", str(copy))
    assert code == 1 and "missing from index ix_custody_events_aliquot_seq" in said, said


def test_the_storage_checks_run_beside_the_ledger_and_stop_with_it(world: World) -> None:
    world.rich_scenario()
    report = verify_database(world.db)
    assert report.ok and report.storage_checked.startswith("ok")
    cancelled = verify_database(world.db, lambda done, total: True)
    assert [p.kind for p in cancelled.problems] == ["cancelled"]
    assert cancelled.storage_checked == ""
    code, said = _run("verify", "--full", "--db", world.db.url)
    assert code == 0 and "OK: hash chain intact" in said, said


def test_progress_runs_on_through_the_records_and_cancel_stops_them(world: World) -> None:
    world.rich_scenario()
    seen: list[tuple[int, int]] = []
    report = verify_database(world.db, lambda done, total: seen.append((done, total)) and None)
    assert report.ok and report.audit_checked and report.records > 0
    # events, then the records and audit entries, then the signatures: one bar, to the end
    signatures = world.count(Signature)
    assert signatures > 0
    whole = report.events + report.records + report.audit_entries + signatures
    assert seen[-1][0] == seen[-1][1] == whole
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    # the first verify left a checkpoint: the whole ledger is replayed again with --full
    cancelled = verify_database(world.db, lambda done, total: done > report.events, full=True)
    assert [p.kind for p in cancelled.problems] == ["cancelled"]
