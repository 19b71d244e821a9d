"""The schema revision a database is stamped with (Alembic's version table).

Read by ``migrate`` before an upgrade, by ``backup`` for an export's header, by ``restore``
and ``integrity``; on its own so a copy can name its schema without depending on upgrades.
"""

from __future__ import annotations

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

VERSION_TABLE = "alembic_version"


def revision_of(connection: Connection) -> str | None:
    """The revision the database of ``connection`` is stamped with (None: never migrated)."""
    # Read as Alembic's MigrationContext.get_current_revision reads it, without importing
    # Alembic (a third of a second), which verify and every opening would pay otherwise.
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    stamped = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(stamped) > 1:  # our migrations have one head; Alembic refuses this too
        raise RuntimeError(f"{VERSION_TABLE} holds {len(stamped)} revisions: {stamped}")
    return stamped[0] if stamped else None


def current_revision(engine: Engine) -> str | None:
    """The revision the database is stamped with (None for a database never migrated)."""
    with engine.connect() as connection:
        return revision_of(connection)
