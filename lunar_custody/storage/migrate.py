"""Schema versions: Alembic driven from code, with the migrations shipped in the package.

``upgrade_database`` runs when a database is opened: an empty database gets the whole
schema, an older one is copied first and then upgraded, a newer one is refused.

Developers add a revision after changing the models with ``storage.new_revision``.

Alembic itself is imported only where a migration or a schema comparison runs: opening a
database whose schema is current (every start of the program but the first after an
upgrade) reads the stamped revision and the shipped ones without it.
"""

from __future__ import annotations

import ast
import functools
import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from ..domain.errors import DatabaseError, NewerSchemaError, NotADatabaseError
from ..domain.wording import Words
from .backup import copy_before
from .engine import WRITE_OPTION, OpenDatabase
from .stamp import VERSION_TABLE

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

logger = logging.getLogger(__name__)
_domain_storage_migrate = Words("_domain_storage_migrate")

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")
# Serialises programs that open the same PostgreSQL database at the same moment.
PG_MIGRATION_LOCK = 0x4C43_4D49_4752  # "LCMIGR"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic Config built in code; ``connection`` is handed to env.py."""
    from alembic.config import Config

    config = Config()
    # ConfigParser interpolation would read a '%' in the path as a placeholder.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.cache
def _script_directory(location: Path) -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    config = alembic_config()
    config.set_main_option("script_location", str(location).replace("%", "%%"))
    return ScriptDirectory.from_config(config)


def script_directory() -> ScriptDirectory:
    """The migrations shipped with this version of the program (loaded once)."""
    return _script_directory(MIGRATIONS_DIR)


def head_revision() -> str:
    """The newest schema revision this program knows."""
    heads = script_directory().get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads: {heads}")  # a packaging bug
    return heads[0]


def known_revisions() -> set[str]:
    """Every revision id this program ships."""
    return {script.revision for script in script_directory().walk_revisions()}


@functools.cache
def _shipped_heads(location: Path) -> frozenset[str]:
    """The head revisions in ``location``, from each revision file's ``revision`` and
    ``down_revision`` assignments, read without importing Alembic or the revisions."""
    revisions: set[str] = set()
    below: set[str] = set()
    for path in sorted((location / "versions").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                target, value = node.target, node.value
            else:
                continue
            if not isinstance(target, ast.Name):
                continue
            if target.id == "revision":
                revisions.add(ast.literal_eval(value))
            elif target.id == "down_revision":
                found = ast.literal_eval(value)  # None, one revision or a merge's tuple
                below.update([] if found is None else [found] if isinstance(found, str) else found)
    return frozenset(revisions - below)


def schema_is_current(engine: Engine) -> bool:
    """Whether the database is stamped with the one head this program ships.

    The quick check made on every open; anything else (no version table, an older or newer
    revision, a file that is not a database) is left to ``upgrade_database``'s Alembic path.
    """
    heads = _shipped_heads(MIGRATIONS_DIR)
    try:
        with engine.connect() as connection:
            stamped = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))
            return len(heads) == 1 and {row[0] for row in stamped} == heads
    except DBAPIError:
        return False


def upgrade_database(db: OpenDatabase) -> None:
    """Bring ``db`` to the head revision, as described in the module docstring.

    Raises NewerSchemaError for a database stamped with a revision this program does not
    know, and NotADatabaseError for one that holds tables but no schema version. Everything
    happens in one transaction: on any failure the database is left as it was.
    """
    if schema_is_current(db.engine):
        return  # the usual case, decided without waiting for another program's write lock
    sqlite = db.dialect == "sqlite"
    with db.engine.execution_options(**{WRITE_OPTION: True}).connect() as connection:
        if sqlite:
            # SQLite's documented way to rebuild a table (what batch migrations do) has
            # foreign keys off; the pragma is ignored inside a transaction, so it goes first,
            # and foreign_key_check below verifies the result before the commit.
            _driver_connection(connection).execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():  # BEGIN IMMEDIATE on SQLite: one upgrader at a time
                if not sqlite:
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_MIGRATION_LOCK})")
                _upgrade_in_transaction(db, connection, sqlite=sqlite)
        finally:
            if sqlite:
                _restore_foreign_keys(connection)


def _upgrade_in_transaction(db: OpenDatabase, connection: Connection, *, sqlite: bool) -> None:
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    head = head_revision()
    heads = MigrationContext.configure(connection).get_current_heads()
    if heads == (head,):
        return
    unknown = [revision for revision in heads if revision not in known_revisions()]
    if unknown:
        raise NewerSchemaError(
            _domain_storage_migrate.said(
                "This database was written by a newer version of Lunar Custody (schema "
                "{revisions}); this version understands up to {head}. "
                "Install the newer version.",
                revisions=", ".join(unknown),
                head=head,
            )
        )
    if not heads:
        tables = set(inspect(connection).get_table_names()) - {VERSION_TABLE}
        if tables:
            raise NotADatabaseError(
                _domain_storage_migrate.said(
                    "{database} holds tables of another program; it is not a Lunar Custody "
                    "database.",
                    database=db.name,
                )
            )
        logger.info("creating the Lunar Custody schema %s in %s", head, db.name)
    else:
        logger.info("upgrading %s from schema %s to %s", db.name, ", ".join(heads), head)
        copy_before(db, head)
    command.upgrade(alembic_config(connection), "head")
    if sqlite:
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            where = ", ".join(sorted({str(row[0]) for row in broken}))
            raise DatabaseError(
                _domain_storage_migrate.said(
                    "Upgrading {database} would break references between records in "
                    "{tables}; nothing was changed.",
                    database=db.name,
                    tables=where,
                )
            )


def _restore_foreign_keys(connection: Connection) -> None:
    try:
        _driver_connection(connection).execute("PRAGMA foreign_keys = ON")
    except Exception:  # never hand a connection without foreign keys back to the pool
        logger.debug("could not switch foreign keys back on", exc_info=True)
        connection.invalidate()


def _driver_connection(connection: Connection) -> sqlite3.Connection:
    driver = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


def schema_differences(engine: Engine) -> list[object]:
    """What the models declare that the database's schema lacks, or the other way round.

    Empty when the migrations and ``models.py`` agree; a test keeps it so.
    """
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from lunar_custody.domain.models import Base

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))
