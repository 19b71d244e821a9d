"""The domain tests start from the shared world (tests/worlds.py)."""

from tests.worlds import world, world_builder

__all__ = ["world", "world_builder"]
