"""The hash chain: what an event's hash covers, and what a check of a range of it says.

``canonical_content`` is the one definition of the bytes an event's hash covers and
``chain_hash`` the hash itself. Storage may build the same bytes faster (SQLite builds them
while it reads the row: ``storage.ledger_scan``), but a row whose hash does not match there
is always re-checked with ``chain_hash`` before verify reports it, so a different SQLite can
make verify slower but never wrong.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

GENESIS_HASH = "0" * 64

# The columns that make up an event's content, in hashing order.
HASHED_COLUMNS: tuple[str, ...] = (
    "id",
    "uuid",
    "aliquot_id",
    "kind",
    "occurred_at",
    "actor_id",
    "institution_id",
    "custodian_person_id",
    "courier_id",
    "transfer_id",
    "loan_id",
    "mass_ug",
    "related_aliquot_id",
    "corrects_event_id",
    "seal_number",
    "seal_intact",
    "note",
)
OCCURRED_AT = HASHED_COLUMNS.index("occurred_at")

# Built once: json.dumps with options builds a new encoder on every call.
_CANONICAL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def canonical_content(prev_hash: str, values: Sequence[Any]) -> bytes:
    """What an event's hash covers: ``prev_hash``, a newline and the JSON array (UTF-8, no
    spaces) of HASHED_COLUMNS in order, ``occurred_at`` already integer microseconds since
    1970-01-01 UTC and ``seal_intact`` a bool or None."""
    return f"{prev_hash}\n{_CANONICAL.encode(list(values))}".encode()


def epoch_microseconds(moment: datetime) -> int:
    return (moment - _EPOCH) // _MICROSECOND


def chain_hash(prev_hash: str, values: tuple[Any, ...] | list[Any]) -> str:
    """SHA-256 over ``prev_hash``, a newline and the event's canonical content.

    ``values`` are HASHED_COLUMNS in order as the model holds them (``occurred_at`` an aware
    datetime), so anyone can recompute a hash with any JSON library.
    """
    content = list(values)
    content[OCCURRED_AT] = epoch_microseconds(content[OCCURRED_AT])
    return hashlib.sha256(canonical_content(prev_hash, content)).hexdigest()


# The audit trail is chained the same way: an entry's hash covers the previous entry's hash,
# a newline and the JSON array of these columns (``occurred_at`` as integer microseconds).
AUDIT_HASHED_COLUMNS: tuple[str, ...] = (
    "id",
    "occurred_at",
    "actor_id",
    "table_name",
    "record_id",
    "action",
    "field",
    "old_value",
    "new_value",
)
_AUDIT_OCCURRED_AT = AUDIT_HASHED_COLUMNS.index("occurred_at")


def audit_hash(prev_hash: str, values: tuple[Any, ...] | list[Any]) -> str:
    """SHA-256 of an audit entry: ``values`` are AUDIT_HASHED_COLUMNS as the model holds them."""
    content = list(values)
    content[_AUDIT_OCCURRED_AT] = epoch_microseconds(content[_AUDIT_OCCURRED_AT])
    return hashlib.sha256(canonical_content(prev_hash, content)).hexdigest()


@dataclass
class RangeCheck:
    """What one range of the ledger (ids ``lo`` <= id < ``hi``) says about the chain.

    ``suspect``: events whose hash does not match the content storage built (re-checked
    with ``chain_hash`` before being reported); ``unlinked``: events whose ``prev_hash`` is
    not the stored hash of the row before them in the range. The first row's link is checked
    by whoever joins the ranges, from ``first_prev`` and the previous range's ``last_hash``.
    """

    lo: int
    hi: int
    count: int = 0
    first_id: int | None = None
    first_prev: str | None = None
    last_hash: str | None = None
    suspect: list[int] = field(default_factory=list)
    unlinked: list[int] = field(default_factory=list)


def check_rows(
    result: RangeCheck,
    rows: Iterable[Sequence[Any]],
    width: int,
    digest: Callable[[str, tuple[Any, ...] | list[Any]], str],
) -> RangeCheck:
    """Check consecutive chained rows into ``result``: each row is its ``width`` hashed
    values (id first), then ``prev_hash`` and the stored hash; ``digest`` is ``chain_hash``
    or ``audit_hash``. The ledger's and the audit trail's ranges are checked alike."""
    running: str | None = None
    for row in rows:
        values, prev_hash, stored = tuple(row[:width]), row[-2], row[-1]
        if running is None:
            result.first_id, result.first_prev, running = row[0], prev_hash, prev_hash
        if digest(prev_hash, values) != stored:
            result.suspect.append(row[0])
        if prev_hash != running:
            result.unlinked.append(row[0])
        running = stored
        result.count += 1
    result.last_hash = running
    return result
