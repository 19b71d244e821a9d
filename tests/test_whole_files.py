"""Files written whole or not at all (lunar_custody.whole_files), also when the writer is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from lunar_custody.whole_files import (
    building_folder,
    remove_stale_partials,
    write_whole,
    writing_whole,
)

# A writer that has written half its file under the temporary name, then waits to be killed.
KILLED_WRITER = """
import sys, time
from pathlib import Path
from lunar_custody.whole_files import writing_whole
with writing_whole(Path(sys.argv[1]), overwrite=False) as partial:
    partial.write_bytes(b"half a")
    print(partial, flush=True)
    time.sleep(60)
"""


def test_a_file_replaces_the_old_one_whole_and_leaves_nothing_beside(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_bytes(b"old")
    write_whole(target, b"new content", mode=0o600)
    assert target.read_bytes() == b"new content"
    assert target.stat().st_mode & 0o777 == 0o600
    assert os.listdir(tmp_path) == ["report.csv"]


def test_an_existing_file_is_kept_when_it_may_not_be_replaced(tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    target.write_bytes(b"an earlier copy")
    with pytest.raises(FileExistsError):
        write_whole(target, b"another", overwrite=False)
    assert target.read_bytes() == b"an earlier copy"
    assert os.listdir(tmp_path) == ["copy.db"]


def test_a_failed_write_leaves_no_file_at_all(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    with pytest.raises(RuntimeError), writing_whole(target, overwrite=False) as partial:
        partial.write_bytes(b"half")
        (tmp_path / f"{partial.name}-journal").write_bytes(b"sqlite's")
        raise RuntimeError("the disk is full")
    assert os.listdir(tmp_path) == []


def test_a_killed_writer_leaves_a_hidden_partial_that_the_next_write_removes(
    tmp_path: Path,
) -> None:
    target = tmp_path / "custody.db"
    writer = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(target)], stdout=subprocess.PIPE, text=True
    )
    with writer:
        assert writer.stdout is not None
        partial = Path(writer.stdout.readline().strip())
        writer.kill()  # SIGKILL: no clean-up of its own
    assert writer.returncode == -signal.SIGKILL
    assert not target.exists(), "half a file must never carry the name"
    assert partial.parent == tmp_path and partial.name.startswith(".custody.db.")
    write_whole(target, b"whole", overwrite=False)
    assert target.read_bytes() == b"whole"
    assert os.listdir(tmp_path) == ["custody.db"]


def test_the_partial_file_of_a_running_writer_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "custody.dump"
    running = tmp_path / f".custody.dump.{os.getppid()}.partial"  # our parent runs
    running.write_bytes(b"being written")
    assert remove_stale_partials(target) == []
    assert running.exists()


# A builder of a folder that has made part of it, then waits to be killed.
KILLED_BUILDER = """
import sys, time
from pathlib import Path
from lunar_custody.whole_files import building_folder
with building_folder(Path(sys.argv[1])) as staging:
    (staging / "cnsa.db").write_bytes(b"half a database")
    print(staging, flush=True)
    time.sleep(60)
"""


@pytest.mark.parametrize("exists", [False, True], ids=["new folder", "empty folder"])
def test_a_killed_folder_build_blocks_no_later_one(tmp_path: Path, exists: bool) -> None:
    folder = tmp_path / "installations"
    if exists:
        folder.mkdir()
    before = folder.stat().st_ino if exists else None
    with subprocess.Popen(
        [sys.executable, "-c", KILLED_BUILDER, str(folder)], stdout=subprocess.PIPE, text=True
    ) as builder:
        assert builder.stdout is not None
        staging = Path(builder.stdout.readline().strip())
        builder.kill()
    assert staging.is_dir() and staging.name.endswith(".partial")
    assert not (folder / "cnsa.db").exists()
    with building_folder(folder) as again:
        (again / "cnsa.db").write_bytes(b"whole")
        (again / "exchange").mkdir()
    assert sorted(os.listdir(folder)) == ["cnsa.db", "exchange"]
    assert sorted(os.listdir(tmp_path)) == ["installations"]
    if exists:  # the folder a shell may stand in is the same folder
        assert folder.stat().st_ino == before


def test_a_folder_with_something_in_it_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError), building_folder(tmp_path):
        pytest.fail("nothing is built in a folder that holds something")
    assert os.listdir(tmp_path) == ["notes.txt"]
