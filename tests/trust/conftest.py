"""The trust tests start from the shared world (tests/worlds.py)."""

from tests.worlds import world

__all__ = ["world"]
