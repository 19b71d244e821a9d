"""Files the command line writes and reads: a backup never replaces a file unless asked, a
restore leaves nothing beside the copy it read, labels start with a job label on request."""

from __future__ import annotations

import os
from pathlib import Path

from lunar_custody.storage import Database
from tests.cli.test_cli import run, url
from tests.worlds import A1, A2, World


def test_a_backup_refuses_an_existing_file_unless_told_to_overwrite(
    sqlite_db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    copy = folder / "custody.db"
    first = run("--db", sqlite_db.url, "backup", str(copy))
    assert first.code == 0, first.err
    made = copy.read_bytes()

    copy.write_bytes(b"the file someone keeps here")
    again = run("--db", sqlite_db.url, "backup", str(copy))
    assert again.code == 1
    assert again.err == (
        f"lunar-custody: {copy} exists already; a backup replaces a file only with "
        "--overwrite. Nothing was written.\n"
    )
    assert copy.read_bytes() == b"the file someone keeps here"

    replaced = run("--db", sqlite_db.url, "backup", str(copy), "--overwrite", "--json")
    assert replaced.code == 0, replaced.err
    assert replaced.json()["backup"] == str(copy)  # type: ignore[index]
    assert copy.read_bytes()[:16] == b"SQLite format 3\x00"
    assert len(copy.read_bytes()) == len(made)
    assert os.listdir(folder) == ["custody.db"]  # no partial file or folder beside it


def test_a_restore_leaves_nothing_beside_the_backup_it_read(
    sqlite_db: Database, tmp_path: Path
) -> None:
    backups, restored = tmp_path / "backups", tmp_path / "restored"
    copy = backups / "custody.db"
    assert run("--db", sqlite_db.url, "backup", str(copy)).code == 0
    assert copy.read_bytes()[18] == 2  # a WAL-mode file, which a reader could leave -wal by
    done = run("--db", str(restored / "custody.db"), "restore", str(copy))
    assert done.code == 0, done.err
    assert os.listdir(backups) == ["custody.db"]
    assert run("--db", str(restored / "custody.db"), "verify").code == 0


def test_labels_start_with_a_job_label_when_asked(world: World, tmp_path: Path) -> None:
    def labels(*options: str) -> int:
        done = run("--db", url(world), "labels", A1, A2, *options, "--json")
        assert done.code == 0, done.err
        return int(done.json()["pages"])  # type: ignore[index]

    assert labels("-o", str(tmp_path / "plain.pdf")) == 2
    assert labels("--job-label", "-o", str(tmp_path / "job.pdf")) == 3
    sheet = run("--db", url(world), "labels", A1, "--job-label", "--format", "a4", "-o",
                str(tmp_path / "sheet.pdf"))  # fmt: skip
    assert sheet.code == 1 and "--job-label with --format roll" in sheet.err
    assert not (tmp_path / "sheet.pdf").exists()
