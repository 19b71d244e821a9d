"""Storage: the database URL, engine and sessions, migrations (Alembic) and backups."""

from .backup import backup_postgresql, backup_sqlite
from .database import (
    DATABASE_ENV,
    DEFAULT_BUSY_TIMEOUT_MS,
    Database,
    data_directory,
    database_display_name,
    default_database_path,
    resolve_database_url,
)
from .migrate import current_revision, head_revision, upgrade_database

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
