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
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from lunar_custody.domain import custody, identity, registry
from lunar_custody.domain.errors import CustodyError
from lunar_custody.domain.identity import PIN, Credential
from lunar_custody.domain.models import Transfer
from lunar_custody.storage import Database
from tests.worlds import PASSWORD, PINS, _remembering, actor

REPO = Path(__file__).resolve().parents[2]


# ---------------------------------------------------------------------- the test's side


def start(*args: str) -> subprocess.Popen[str]:
    """Start ``python -m tests.reliability.workers ARGS``: a workstation of its own.

    Its stdin and stdout are pipes of text lines; stderr is kept for failure messages.
    """
    return subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.workers", *args],
        cwd=REPO,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_ready(worker: subprocess.Popen[str]) -> None:
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
