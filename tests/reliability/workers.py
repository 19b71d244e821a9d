"""Workstations the reliability tests start as separate programs (and kill).

    python -m tests.reliability.workers hand-over URL TRANSFER
    python -m tests.reliability.workers receive URL TRANSFER USER
    python -m tests.reliability.workers split URL ALIQUOT USER MASS_UG...

Each one opens the database, signs its people in and prints ``ready``. ``hand-over`` then
hands the package back and forth between courier1 and courier2 for ever, printing
``confirmed <leg>`` as soon as each hand-over has committed (the crash test kills it).
``receive`` and ``split`` wait for a ``go`` line on stdin, so that the test can start two of
them at the same moment, do their one operation and print ``ok ...`` or
``refused <ErrorClass>: <message>``.

The people are those of tests/worlds.py; each distinct secret is checked with argon2 once
per program (``RememberingHasher``), so that the database, not the hashing, sets the pace.

The tests start each program with ``start``: a process forked from multiprocessing's fork
server, which imported this module (and with it the package) once. Each program is still a
process of its own with its own database connections, standard streams and environment,
killed with SIGKILL and seen to die of it; it only skips the half second a new interpreter
spends importing, which the crash test would otherwise pay thirty times.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import threading
from collections.abc import Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TextIO

from sqlalchemy import select

from lunar_custody.domain import custody, identity, registry
from lunar_custody.domain.errors import CustodyError
from lunar_custody.domain.identity import PIN, Credential
from lunar_custody.domain.models import Transfer
from lunar_custody.storage import Database
from tests.worlds import PASSWORD, PINS, _remembering, actor

REPO = Path(__file__).resolve().parents[2]


# ---------------------------------------------------------------------- the test's side


# A server process that imported this module forks every program; started at the first one.
_forks = multiprocessing.get_context("forkserver")
_forks.set_forkserver_preload([__name__])


class Program:
    """A workstation program forked from the server, with the face of ``subprocess.Popen``
    that the tests use: text pipes ``stdin`` and ``stdout``, ``kill``, ``poll``,
    ``communicate`` (stdout and stderr) and ``returncode`` (``-SIGKILL`` once killed)."""

    def __init__(self, args: Sequence[str]) -> None:
        self.args = list(args)
        stdin_r, stdin_w = _forks.Pipe(duplex=False)
        stdout_r, stdout_w = _forks.Pipe(duplex=False)
        stderr_r, stderr_w = _forks.Pipe(duplex=False)
        self._process = _forks.Process(
            target=_run_program,
            args=(self.args, dict(os.environ), stdin_r, stdout_w, stderr_w),
            name=f"workstation {' '.join(self.args[:1])}",
            daemon=True,  # a program a failed test left running ends with the test session
        )
        self._process.start()
        for child_end in (stdin_r, stdout_w, stderr_w):  # the program holds its own copies
            child_end.close()
        self.stdin: TextIO = _text(stdin_w, "w")
        self.stdout: TextIO = _text(stdout_r, "r")
        self._stderr: list[str] = []
        # read as it comes, so that a long traceback never blocks the program
        self._drain = threading.Thread(target=self._read_stderr, args=(_text(stderr_r, "r"),))
        self._drain.start()

    def _read_stderr(self, stream: TextIO) -> None:
        with stream:
            self._stderr.append(stream.read())

    @property
    def returncode(self) -> int | None:
        return self._process.exitcode

    def poll(self) -> int | None:
        return self._process.exitcode

    def kill(self) -> None:
        self._process.kill()

    def communicate(self, timeout: float | None = None) -> tuple[str, str]:
        """Close stdin, wait for the program to end; what it printed (stdout, stderr)."""
        if not self.stdin.closed:
            self.stdin.close()
        self._process.join(timeout)
        if self._process.exitcode is None:
            raise subprocess.TimeoutExpired(self.args, timeout or 0)
        out = "" if self.stdout.closed else self.stdout.read()
        self.stdout.close()
        self._drain.join()
        return out, "".join(self._stderr)


def _text(end: Connection, mode: str) -> TextIO:
    """One end of a pipe as a text file (the Connection's own descriptor is closed)."""
    descriptor = os.dup(end.fileno())
    end.close()
    return open(descriptor, mode, encoding="utf-8")


def _run_program(
    args: list[str],
    environment: dict[str, str],
    stdin: Connection,
    stdout: Connection,
    stderr: Connection,
) -> None:
    """In the forked process: the test's environment and the pipes as standard streams, as
    a program started by the test would have them, then ``main``."""
    os.environ.clear()
    os.environ.update(environment)
    os.chdir(REPO)
    for end, standard in ((stdin, 0), (stdout, 1), (stderr, 2)):
        os.dup2(end.fileno(), standard)
        end.close()
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    main(args)


def start(*args: str) -> Program:
    """Start a workstation program (the arguments of ``python -m tests.reliability.workers``).

    Its stdin and stdout are pipes of text lines; stderr is kept for failure messages.
    """
    return Program(args)


def wait_ready(worker: Program) -> None:
    """Block until the worker printed ``ready``; fail with its stderr if it died instead."""
    assert worker.stdout is not None
    line = worker.stdout.readline()
    if line.strip() != "ready":
        worker.kill()
        _out, err = worker.communicate()
        raise AssertionError(f"the worker did not start: {line!r}\n{err}")


# ---------------------------------------------------------------------- the workstations


def _say(line: str) -> None:
    print(line, flush=True)


def _wait_for_go() -> None:
    if sys.stdin.readline().strip() != "go":
        raise SystemExit("expected 'go' on stdin")


def hand_over_forever(db: Database, number: str) -> None:
    couriers = {name: actor(db, name) for name in PINS}
    with db.read() as session:
        holder = (
            session.scalars(select(Transfer).where(Transfer.number == number))
            .one()
            .courier.username
        )
    _say("ready")
    while True:
        nxt = "courier2" if holder == "courier1" else "courier1"
        transfer = custody.hand_over(
            db,
            couriers[holder],
            number,
            to_courier=nxt,
            from_credential=Credential(holder, PINS[holder], PIN),
            to_credential=Credential(nxt, PINS[nxt], PIN),
        )
        _say(f"confirmed {len(transfer.legs)}")
        holder = nxt


def receive_once(db: Database, number: str, username: str) -> None:
    receiver = actor(db, username)
    _say("ready")
    _wait_for_go()
    try:
        custody.confirm_receipt(
            db,
            receiver,
            number,
            credential=Credential(username, PASSWORD),
            seal_intact=True,
        )
    except CustodyError as error:
        _say(f"refused {type(error).__name__}: {error}")
    else:
        _say(f"ok received {number}")


def split_once(db: Database, number: str, username: str, masses: list[int]) -> None:
    curator = actor(db, username)
    _say("ready")
    _wait_for_go()
    try:
        children = registry.split_aliquot(db, curator, number, masses)
    except CustodyError as error:
        _say(f"refused {type(error).__name__}: {error}")
    else:
        _say("ok split " + " ".join(child.number for child in children))


def main(argv: list[str]) -> None:
    command, url, *rest = argv
    identity._hasher = _remembering  # type: ignore[assignment]
    db = Database.open(url, create=False)
    try:
        if command == "hand-over":
            hand_over_forever(db, rest[0])
        elif command == "receive":
            receive_once(db, rest[0], rest[1])
        elif command == "split":
            split_once(db, rest[0], rest[1], [int(m) for m in rest[2:]])
        else:
            raise SystemExit(f"unknown command {command}")
    finally:
        db.dispose()


if __name__ == "__main__":
    main(sys.argv[1:])
