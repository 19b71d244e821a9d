"""The time the services stamp on what they record.

Normally the wall clock in UTC. The demo and tests may set another clock to write a
realistic history spread over past months. The ledger's order is its sequence number, not
this clock: workstations sharing a database may disagree by a few seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

_clock: Callable[[], datetime] = lambda: datetime.now(UTC)  # noqa: E731


def now() -> datetime:
    return _clock()


@contextmanager
def using(clock: Callable[[], datetime]) -> Iterator[None]:
    """Stamp operations inside the block with ``clock()`` (aware datetimes)."""
    global _clock
    previous = _clock
    _clock = clock
    try:
        yield
    finally:
        _clock = previous
