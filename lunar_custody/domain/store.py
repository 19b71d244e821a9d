"""What the services need from storage: one transaction per operation, and the ledger
as verify reads it.

``storage.Database`` implements this; the domain only knows the protocol, so the
dependency points from storage to domain and never back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from sqlalchemy.orm import Session

from .chain import RangeCheck
from .errors import Cancelled

# Long work reports progress(done, total) now and then; a True answer asks it to stop
# (and roll back). A callback that only displays progress returns None and changes nothing.
ProgressCallback = Callable[[int, int], bool | None]


def report_progress(
    progress: ProgressCallback | None, done: int, total: int, *, cancelled: str
) -> None:
    """Tell ``progress`` how far the work is; raise Cancelled(``cancelled``) if asked to stop."""
    if progress is not None and progress(done, total):
        raise Cancelled(cancelled)


class LedgerScan(Protocol):
    """One read snapshot of the ledger as ``ledger.verify_ledger`` reads it.

    Storage reads it the fastest way its database allows (plain cursors, hashes built by
    SQLite, worker processes); the domain decides what the rows mean.
    """

    def bounds(self) -> tuple[int | None, int | None, int]:
        """The first and the last event id (None for an empty ledger) and the number of events."""
        ...

    def events(self) -> Iterator[Sequence[tuple[Any, ...]]]:
        """Every event as a tuple of ``ledger.REPLAY_COLUMNS``, in id order, in batches.

        Meanwhile the hash chain of what it reads is checked, here or by worker processes.
        """
        ...

    def range_checks(self) -> list[RangeCheck]:
        """After ``events``: the chain checks of consecutive ranges covering every event read
        (waits for the worker processes; a range whose worker failed is checked here)."""
        ...

    def aliquots(self) -> Iterator[Sequence[tuple[Any, ...]]]:
        """Every aliquot as ``(id, number, *ledger.COMPARED_COLUMNS)``, in id order, in batches."""
        ...

    def hashed_rows(self, event_ids: Sequence[int]) -> Iterator[tuple[Any, ...]]:
        """The events ``event_ids`` as ``(*chain.HASHED_COLUMNS, prev_hash, hash)``, each value
        as the model holds it (what ``chain.chain_hash`` takes)."""
        ...

    def event_hash(self, event_id: int) -> str | None:
        """The stored hash of one event."""
        ...

    def head(self) -> tuple[int, str] | None:
        """The ledger head: the last sequence number and hash the program wrote."""
        ...

    def last_named_event(self) -> int | None:
        """The latest event any aliquot names as its last one."""
        ...

    # What a routine verify since a checkpoint reads (domain/routine_verify.py).

    def events_after(self, seq: int) -> Iterator[Sequence[tuple[Any, ...]]]:
        """The events after ``seq`` as tuples of ``ledger.REPLAY_COLUMNS``, in id order, in
        batches (nothing is hashed meanwhile: see ``range_check``)."""
        ...

    def range_check(self, lo: int, hi: int) -> RangeCheck:
        """The chain check of the events ``lo`` <= id < ``hi``, in this process."""
        ...

    def first_unlinked(self, up_to: int) -> int | None:
        """The first event up to ``up_to`` whose ``prev_hash`` is not the stored hash of the
        event before it (or whose predecessor is missing; event 1: not the genesis hash),
        by the stored values alone, without hashing; None when every link holds."""
        ...

    def histories(self, aliquot_ids: Sequence[int]) -> Iterator[Sequence[tuple[Any, ...]]]:
        """Every event of these aliquots as tuples of ``ledger.REPLAY_COLUMNS``, in batches
        in no particular order (read by index)."""
        ...

    def children_derived(self, parent_ids: Sequence[int]) -> Iterator[Sequence[tuple[Any, ...]]]:
        """The ``derived`` events of these aliquots' children (what each split gave), as
        ``histories`` gives events."""
        ...


class RecordScan(Protocol):
    """One read snapshot of the audit trail and the audited tables, as
    ``record_check.verify_records`` reads them (everything it reads goes through ``session``,
    in that snapshot).

    Storage checks the audit trail's chain and compares most rows with their audit history
    the fastest way its database allows (hashes built by SQLite and checked by a worker
    process; whole rows written out as the audit trail writes them, by SQL); the domain
    re-checks what it flags by the reference definitions before reporting anything.
    """

    session: Session

    def audit_bounds(self) -> tuple[int | None, int | None, int]:
        """The first and the last audit entry id (None when there are none) and the count."""
        ...

    def audit_range_checks(self) -> list[RangeCheck]:
        """The chain checks of consecutive id ranges covering every audit entry up to the
        last one ``audit_bounds`` names (waits for the worker processes). A suspect is only
        a suspect: its hash did not match the content storage built."""
        ...

    def audit_checks_since(self, seq: int, head_hash: str) -> list[RangeCheck] | None:
        """A routine verify's: the chain checks of the entries after ``seq`` (hashed), when
        entry ``seq`` still has ``head_hash`` and every link up to it holds by the stored
        hashes; None when not (then ``audit_range_checks`` checks the whole trail)."""
        ...

    def unmatched(self, model: type[Any]) -> list[int]:
        """The ids of ``model``'s rows that may differ from their audit history: no entry,
        a latest entry that is not a ``create`` or ``baseline``, or one whose whole-row
        value is not the row as it stands. Rows not named match their history exactly."""
        ...


class Store(Protocol):
    dialect: str  # "sqlite" or "postgresql"

    def write(self) -> AbstractContextManager[Session]:
        """A session inside one write transaction: committed on success, rolled back on error.

        On SQLite the transaction starts with BEGIN IMMEDIATE so two writers queue on the
        busy timeout instead of failing half-way; on PostgreSQL rows are locked with
        ``with_for_update`` by the services.
        """
        ...

    def read(self) -> AbstractContextManager[Session]:
        """A session for reading only (never committed)."""
        ...

    def scan_ledger(self, *, workers: int | None = None) -> AbstractContextManager[LedgerScan]:
        """The ledger in one read transaction, for verify.

        ``workers``: processes that check hashes beside the replay (None: as many as suit the
        database and its size). Leaving the block stops them, finished or not.
        """
        ...

    def scan_records(self, *, workers: int | None = None) -> AbstractContextManager[RecordScan]:
        """The audit trail and every audited table in one read snapshot, for verify.

        ``workers``: processes that check the audit trail's hashes meanwhile (None: as many
        as suit the database and the trail's size). Leaving the block stops them.
        """
        ...
