"""The schema revision a database is stamped with (Alembic's version table).

Read by ``migrate`` before an upgrade, by ``backup`` for an export's header, by ``restore``
and ``integrity``; on its own so a copy can name its schema without depending on upgrades.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection, Engine

VERSION_TABLE = "alembic_version"


def revision_of(connection: Connection) -> str | None:
    """The revision the database of ``connection`` is stamped with (None: never migrated)."""
    # Alembic is imported only where it is needed: opening a current database never is.
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is stamped with (None for a database never migrated)."""
    with engine.connect() as connection:
        return revision_of(connection)
