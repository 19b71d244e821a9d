"""The domain tests start from the shared world (tests/worlds.py)."""

from tests.worlds import standard_deliverables, world, world_builder

__all__ = ["standard_deliverables", "world", "world_builder"]
