"""`lunar-custody demo` and `backup` killed part-way leave nothing that blocks the next run.

Each program is the real command line in a process of its own, killed with SIGKILL at a
random moment of its run (a backup as soon as its partial file appears, if that comes
first). Afterwards the target name is either free or holds a whole file, and the next run
to the same name succeeds and leaves nothing beside it. On PostgreSQL the demo is one
transaction: killed while it writes, it leaves the database empty for the next run.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from lunar_custody.storage import Database
from lunar_custody.whole_files import PARTIAL_SUFFIX

LUNAR_CUSTODY = str(Path(sys.executable).with_name("lunar-custody"))
KILLS = 3


def _start(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [LUNAR_CUSTODY, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def _kill_when(
    program: subprocess.Popen[bytes], deadline: float, folder: Path | None = None
) -> bool:
    """SIGKILL ``program`` at ``deadline`` or once a partial file appears in ``folder``;
    whether it was still running (and so was killed)."""
    while time.monotonic() < deadline and program.poll() is None:
        if folder and any(name.endswith(PARTIAL_SUFFIX) for name in os.listdir(folder)):
            break
        time.sleep(0.002)
    if program.poll() is not None:
        return False
    program.kill()
    program.wait()
    assert program.returncode == -signal.SIGKILL
    return True


def _whole(path: Path) -> bool:
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        raw.close()


def _run(*args: str) -> None:
    done = subprocess.run([LUNAR_CUSTODY, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
def test_a_killed_demo_or_backup_blocks_no_later_one(tmp_path: Path) -> None:
    chance = random.Random()
    demo_folder, backups = tmp_path / "demo", tmp_path / "backups"
    demo_folder.mkdir()
    backups.mkdir()
    demo_db = demo_folder / "demo.db"
    killed = 0
    for _ in range(KILLS):
        program = _start("--db", str(demo_db), "demo")
        if _kill_when(program, time.monotonic() + chance.uniform(0.5, 2.5)):
            killed += 1
            assert not demo_db.exists(), "a killed demo left a database under the name"
        else:
            demo_db.unlink()  # it finished first: start again from nothing
    assert killed, "no demo run was killed part-way"
    _run("--db", str(demo_db), "demo")
    assert os.listdir(demo_folder) == ["demo.db"]
    with Database.open(str(demo_db), create=False) as opened:
        assert opened.path == demo_db

    copy = backups / "custody-copy.db"
    for _ in range(KILLS + 1):
        program = _start("--db", str(demo_db), "backup", str(copy))
        if _kill_when(program, time.monotonic() + chance.uniform(0.3, 1.5), backups):
            if copy.exists():  # killed after the rename: what has the name is whole
                assert _whole(copy)
                copy.unlink()
        else:
            assert _whole(copy)
            copy.unlink()
    _run("--db", str(demo_db), "backup", str(copy))
    assert os.listdir(backups) == ["custody-copy.db"]
    assert _whole(copy)


def _writing_backends(db: Database) -> int:
    """Other connections to ``db``'s database in a transaction that has written."""
    with db.engine.connect() as connection:
        return int(
            connection.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()"
                )
            ).scalar_one()
        )


def _people(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM people")).scalar_one())


@pytest.mark.slow
def test_a_demo_killed_on_postgresql_leaves_the_database_empty(pg_db: Database) -> None:
    chance = random.Random()
    killed = 0
    for _ in range(2):
        program = _start("--db", pg_db.url, "demo")
        started = time.monotonic()
        while not _writing_backends(pg_db) and program.poll() is None:
            assert time.monotonic() - started < 60, "the demo never started writing"
            time.sleep(0.01)
        # killed a random moment into its writing (the whole build takes seconds)
        if _kill_when(program, time.monotonic() + chance.uniform(0.05, 1.5)):
            killed += 1
        while _writing_backends(pg_db):  # the server notices the lost client, rolls back
            assert time.monotonic() - started < 60, "the killed demo's transaction stayed"
            time.sleep(0.01)
        assert _people(pg_db) == 0, "a killed demo left records in the database"
    assert killed == 2, "a demo run ended before it was killed"
    _run("--db", pg_db.url, "demo")
    assert _people(pg_db) == 14
    _run("--db", pg_db.url, "verify")
