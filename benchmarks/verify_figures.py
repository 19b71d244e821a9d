"""The verify figures of issue 18: routine verify after new events, full verify on one core.

    python benchmarks/verify_figures.py --db /tmp/verify/quick.db [--events 10000]

``routine_after`` and ``full_one_core`` are what ``run.py`` calls; each returns
``(seconds, note)``. The institution key of the database must be on this computer
(``LUNAR_CUSTODY_KEYS``, as the generator printed): a checkpoint is signed with it.

- ``routine_after(db, new_events)``: a copy of the database (SQLite's backup API, outside
  the timing) is verified once with ``--full``, which leaves this computer's checkpoint of
  it; then ``new_events`` custody events are recorded through the real services (internal
  packages of 500 aliquots to the backup repository, released and received: two events an
  aliquot, each package one transaction a step with its signatures), and the routine
  ``verify`` (``storage.integrity.verify_database``, what ``lunar-custody verify`` runs) is
  timed. The note gives its parts, each timed alone afterwards on the same copy.
- ``full_one_core(db)``: ``verify --full --workers 1`` with this process pinned to one CPU
  (``os.sched_setaffinity``; the storage and records threads share it), so the figure does
  not depend on an idle second core.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from benchmarks.generate import CURATOR, PASSWORD, internal_transfer_people
from lunar_custody.domain import checkpoints, custody, identity, listings
from lunar_custody.domain.identity import PIN, Credential
from lunar_custody.domain.record_check import check_records
from lunar_custody.domain.routine_verify import verify_ledger_since
from lunar_custody.domain.signature_check import check_signatures
from lunar_custody.storage.backup import backup_sqlite
from lunar_custody.storage.database import Database
from lunar_custody.storage.integrity import (
    database_location,
    guard_stamp,
    integrity_problems,
    verify_database,
)

LENDER = "CNSA"
PACKAGE = 500  # aliquots a package: 1,000 events (released, received)


def _timed(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


@contextmanager
def _one_core() -> Iterator[None]:
    """This process (and what it starts) on one CPU while the block runs."""
    if not hasattr(os, "sched_setaffinity"):
        yield
        return
    allowed = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(allowed)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, allowed)


def append_events(db: Database, count: int) -> int:
    """Record about ``count`` custody events through the real services: packages of
    ``PACKAGE`` aliquots from the lender to its backup repository, released and received.
    The number of events written."""
    curator = identity.authenticate(db, CURATOR, PASSWORD)
    receiver, courier = internal_transfer_people(db)
    receiving = identity.authenticate(db, receiver, PASSWORD)
    written = 0
    while written < count:
        size = min(PACKAGE, (count - written) // 2) or 1
        with db.read() as session:
            rows = listings.page(
                session, listings.ALIQUOTS, filters={"lendable_by": LENDER}, limit=size
            )
        keys = listings.ALIQUOTS.keys
        numbers = [r[keys.index("number")] for r in rows]
        masses = {r[keys.index("number")]: r[keys.index("current_mass_ug")] for r in rows}
        transfer = custody.prepare_transfer(
            db, curator, aliquot_numbers=numbers, receiver=receiver, courier=courier,
            seal_number=f"VERIFY-{time.time_ns()}",
        )  # fmt: skip
        custody.release_transfer(
            db, curator, transfer.number, sender=Credential(CURATOR, PASSWORD),
            courier=Credential(courier, "2468", PIN),
        )  # fmt: skip
        custody.confirm_receipt(
            db, receiving, transfer.number, credential=Credential(receiver, PASSWORD),
            seal_intact=True, measured_ug=masses,
        )  # fmt: skip
        written += 2 * len(numbers)
    return written


def _records_since(db: Database, audit: tuple[int, str]) -> None:
    with db.scan_records(workers=0) as scan:
        check_records(scan, since=audit)


def routine_after(db_path: Path, new_events: int = 10_000) -> tuple[float, str]:
    """Seconds of the routine verify of a copy of ``db_path`` after ``new_events`` events
    recorded since its checkpoint, and a note with its parts (see the module docstring)."""
    with tempfile.TemporaryDirectory(prefix="verify-figures-", dir=db_path.parent) as scratch:
        with Database.open(str(db_path), create=False) as source:
            copy_path = backup_sqlite(source, Path(scratch) / "routine.db")
        with Database.open(str(copy_path), create=False) as db:
            full_s, full = _timed(lambda: verify_database(db, full=True))
            if not full.ok:
                return float("nan"), "the copy does not verify: " + full.summary()
            location = database_location(db)
            found = checkpoints.trusted_checkpoint(location, guard_stamp(db))
            if found.checkpoint is None:
                return float("nan"), f"no checkpoint was written: {found.why_not or ''}"
            written = append_events(db, new_events)
            value, report = _timed(lambda: verify_database(db))
            if not report.ok or report.mode != "routine":
                return float("nan"), f"routine verify {report.mode}: {report.summary()}"
            held = found.checkpoint
            heads = held.heads
            since = (db, heads.ledger_seq, heads.ledger_hash, held.aliquots, held.digest)
            ledger_s, _ = _timed(lambda: verify_ledger_since(*since))
            audit = (heads.audit_seq, heads.audit_hash)
            records_s, _ = _timed(lambda: _records_since(db, audit))
            after = held.signatures_last_id
            signatures_s, _ = _timed(lambda: check_signatures(db, after_id=after))
            storage_s, _ = _timed(lambda: integrity_problems(db, pages=False))
        note = (
            f"{written:,} events through the services since a checkpoint of "
            f"{heads.ledger_seq:,}, {report.replayed_aliquots:,} aliquots replayed; parts "
            f"alone: ledger {ledger_s:.2f} s, audit trail and records {records_s:.2f} s, "
            f"signatures since {signatures_s:.2f} s, schema {storage_s:.2f} s; the full "
            f"verify before {full_s:.1f} s"
        )
        return value, note


def full_one_core(db_path: Path) -> tuple[float, str]:
    """Seconds of ``verify --full --workers 1`` on ``db_path``, pinned to one CPU."""
    with Database.open(str(db_path), create=False) as db, _one_core():
        value, report = _timed(lambda: verify_database(db, full=True, workers=0))
    if not report.ok:
        return float("nan"), "verify --full FAILED: " + report.summary()
    return value, (
        f"lunar-custody verify --full --workers 1 on one CPU: {report.events:,} events, "
        f"{report.aliquots:,} aliquots replayed, audit trail, records, signatures, SQLite "
        "integrity_check"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path, help="a generated SQLite database")
    parser.add_argument("--events", type=int, default=10_000, help="new events (10,000)")
    args = parser.parse_args(argv)
    seconds, note = routine_after(args.db, args.events)
    print(f"routine verify after {args.events:,} new events  {seconds:.3f} s  # {note}")
    seconds, note = full_one_core(args.db)
    print(f"full verify, one core                  {seconds:.3f} s  # {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
