"""Storage: the database URL, engine and sessions, migrations (Alembic) and backups."""

from .backup import backup_postgresql, backup_sqlite
from .database import Database
from .engine import DEFAULT_BUSY_TIMEOUT_MS
from .location import (
    DATABASE_ENV,
    data_directory,
    database_display_name,
    default_database_path,
    resolve_database_url,
)
from .migrate import head_revision, upgrade_database
from .stamp import current_revision

__all__ = [
    "DATABASE_ENV",
    "DEFAULT_BUSY_TIMEOUT_MS",
    "Database",
    "backup_postgresql",
    "backup_sqlite",
    "current_revision",
    "data_directory",
    "database_display_name",
    "default_database_path",
    "head_revision",
    "resolve_database_url",
    "upgrade_database",
]
