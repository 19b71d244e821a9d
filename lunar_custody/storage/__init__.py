"""Storage: the database URL, engine and sessions, migrations (Alembic) and backups.

What the windows and the command line use is imported from here; the modules behind it are
storage's own (an import-linter contract keeps the GUI to this face). ``restore`` stays out:
it loads Alembic, so callers import it when a restore is asked for. ``verify_database``
loads every rule that verify checks: it is imported when first asked for (``__getattr__``),
not by each command that only opens the database.
"""

from typing import TYPE_CHECKING, Any

from .backup import backup_database, backup_postgresql, backup_sqlite, backup_suffix
from .database import Database
from .engine import DEFAULT_BUSY_TIMEOUT_MS
from .location import (
    DATABASE_ENV,
    check_workable_file,
    data_directory,
    database_display_name,
    default_database_path,
    resolve_database_url,
)
from .migrate import head_revision, upgrade_database
from .stamp import current_revision

if TYPE_CHECKING:
    from .integrity import verify_database

__all__ = [
    "DATABASE_ENV",
    "DEFAULT_BUSY_TIMEOUT_MS",
    "Database",
    "backup_database",
    "backup_postgresql",
    "backup_sqlite",
    "backup_suffix",
    "check_workable_file",
    "current_revision",
    "data_directory",
    "database_display_name",
    "default_database_path",
    "head_revision",
    "resolve_database_url",
    "upgrade_database",
    "verify_database",
]


def __getattr__(name: str) -> Any:
    if name == "verify_database":
        from .integrity import verify_database

        return verify_database
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
