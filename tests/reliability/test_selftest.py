"""``lunar-custody --self-test``: the installed program checks itself (the bundle runs it too)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _self_test(**env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lunar_custody", "--self-test"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_self_test_passes_and_touches_nothing_of_the_user(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = _self_test(
        HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config")
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Lunar Custody ") and lines[0].endswith(" self-test")
    steps = [line.split()[1] for line in lines[1:-1]]
    assert [line.split()[0] for line in lines[1:-1]] == ["ok"] * 8
    assert steps == [
        "resources:",
        "database:",
        "PostgreSQL",
        "demo",
        "verify:",
        "backup:",
        "documents:",
        "main",
    ]
    assert "custody events" in lines[5]
    assert lines[7].endswith("9 PDFs, 15 pages, each verifies")
    assert lines[-1].startswith("self-test passed in ")
    assert not home.exists()  # no database, settings or log of the user's


def test_a_missing_resource_fails_the_self_test(tmp_path: Path) -> None:
    done = _self_test(LUNAR_CUSTODY_RESOURCES=str(tmp_path))
    assert done.returncode == 1
    assert f"  FAILED  resources: missing from {tmp_path}: icons/lunar-custody.svg" in done.stdout
