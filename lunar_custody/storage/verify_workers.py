"""Worker processes that check the hashes of id ranges of a SQLite ledger beside the replay.

Each event's hash depends only on its own row and the stored previous hash, so on a large
ledger ``Workers`` checks consecutive id ranges in other processes while verify replays the
aliquots in this one. A worker is this file run as a script with an isolated interpreter
(``python -I verify_workers.py PATH LO HI SQL``): it imports only the standard library, so it
starts in a few hundredths of a second and needs neither the package nor its dependencies.

The workers are safe to start from a process that runs other threads (the GUI runs verify on
a QThread beside Qt's own): ``subprocess`` starts them with fork and exec (vfork or
posix_spawn where it can), and between the two the child runs no Python code and takes no
lock, so a lock some other thread held at the fork cannot deadlock it. What is unsafe from
a threaded process is multiprocessing's "fork" start method, which goes on running Python
in the forked copy; it is not used here.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

# From this many events a SQLite ledger's hashes are checked by worker processes while this
# one replays the aliquots; below it, starting them costs more than they save.
PARALLEL_FROM = 200_000
_SCRIPT = str(Path(__file__).resolve())
_FETCH = 5000


def default_workers() -> int:
    """Worker processes that check hashes beside the replay: none inside a frozen bundle
    (its executable is the program, not a Python to run this script with)."""
    if getattr(sys, "frozen", False):
        return 0
    return max(1, min(2, (os.cpu_count() or 1) - 1))


def hash_range(connection: sqlite3.Connection, sql: str, lo: int, hi: int) -> dict[str, Any]:
    """Hash every event with ``lo`` <= id < ``hi``: the fields of a ``chain.RangeCheck``.

    ``sql`` selects ``(id, prev_hash, content, hash)`` in id order for the bounds ``?, ?``,
    ``content`` being the bytes the hash covers (``ledger_scan.RANGE_SQL``).
    """
    sha256 = hashlib.sha256
    suspect: list[int] = []
    unlinked: list[int] = []
    result: dict[str, Any] = {"lo": lo, "hi": hi, "count": 0, "first_id": None}
    result.update(first_prev=None, last_hash=None, suspect=suspect, unlinked=unlinked)
    running: str | None = None
    cursor = connection.execute(sql, (lo, hi))
    try:
        while rows := cursor.fetchmany(_FETCH):
            if running is None:
                result["first_id"], result["first_prev"] = rows[0][0], rows[0][1]
                running = rows[0][1]
            for event_id, prev_hash, content, stored in rows:
                if sha256(content).hexdigest() != stored:
                    suspect.append(event_id)
                if prev_hash != running:
                    unlinked.append(event_id)
                running = stored
            result["count"] += len(rows)
    finally:
        cursor.close()
    result["last_hash"] = running
    return result


class Workers:
    """One worker process per consecutive id range of the SQLite file ``path``."""

    def __init__(self, path: str, sql: str, first_id: int, last_id: int, count: int) -> None:
        bounds = [first_id + (last_id + 1 - first_id) * k // count for k in range(count)]
        self.ranges = list(zip(bounds, [*bounds[1:], last_id + 1], strict=True))
        self.processes = [
            subprocess.Popen(
                [sys.executable, "-I", _SCRIPT, path, str(lo), str(hi), sql],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for lo, hi in self.ranges
        ]

    def results(self) -> Iterator[tuple[int, int, dict[str, Any] | None]]:
        """Each range with its worker's ``hash_range``, or None if the worker failed."""
        for (lo, hi), process in zip(self.ranges, self.processes, strict=True):
            out, err = process.communicate()
            if process.returncode == 0:
                yield lo, hi, json.loads(out)
            else:
                logger.warning(
                    "The ledger worker for events %s to %s failed (%s); checking them here: %s",
                    lo, hi - 1, process.returncode, err.decode(errors="replace")[-2000:],
                )  # fmt: skip
                yield lo, hi, None

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
            process.communicate()


def main(argv: list[str]) -> int:
    """The worker: ``PATH LO HI SQL``; one ``hash_range`` as JSON on stdout."""
    path, lo, hi, sql = argv[0], int(argv[1]), int(argv[2]), argv[3]
    connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        connection.execute("BEGIN")  # one snapshot for the range
        result = hash_range(connection, sql, lo, hi)
    finally:
        connection.close()
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
