"""Schema versions: create, keep, refuse, back up then upgrade, and roll back on failure.

"A database one revision behind" is made by adding a revision after the last one shipped to
a copy of the migrations folder for the test (``newer_migrations``): the real database at
0005 is then behind that copy's head 0006, exactly as a database of today will be behind the
next release. (tests/reliability/test_schema_fixtures.py upgrades stored older databases.)
"""

from __future__ import annotations

import io
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import insert, inspect, text

from lunar_custody.domain.errors import NewerSchemaError, NotADatabaseError
from lunar_custody.domain.models import Institution
from lunar_custody.storage import Database, current_revision, head_revision, migrate
from lunar_custody.storage.export_format import EXPORT_SUFFIX, export_header, export_rows
from lunar_custody.storage.migrate import alembic_config, schema_differences

NEXT_REVISION = '''"""A probe table (test only)."""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("upgrade_probe", sa.Column("id", sa.Integer(), primary_key=True))
    {failure}


def downgrade() -> None:
    op.drop_table("upgrade_probe")
'''


@pytest.fixture
def newer_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """Make the program ship a revision 0006 (its upgrade() ends with ``failure``)."""

    def install(failure: str = "") -> Path:
        folder = tmp_path / "migrations"
        shutil.copytree(
            migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__")
        )
        (folder / "versions" / "0006_probe.py").write_text(NEXT_REVISION.format(failure=failure))
        monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
        return folder

    return install


def _tables(db: Database) -> set[str]:
    with db.engine.connect() as connection:
        return set(inspect(connection).get_table_names())


def _count(db: Database, table: str) -> int:
    with db.read() as session:
        return int(session.scalar(text(f"SELECT count(*) FROM {table}")) or 0)


def _stamp(db: Database, revision: str) -> None:
    with db.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})


# ---------------------------------------------------------------------- head


def test_the_program_knows_one_head() -> None:
    assert head_revision() == "0005"


def test_an_empty_database_gets_the_whole_schema(empty_database_url: str) -> None:
    with Database.open(empty_database_url) as db:
        assert current_revision(db.engine) == "0005"
        assert {"custody_events", "audit_entries", "signatures", "ledger_head"} <= _tables(db)
        assert "certificates" in _tables(db)
        with db.read() as session:
            head = session.execute(
                text("SELECT id, last_seq, last_hash, audit_seq, audit_hash FROM ledger_head")
            ).all()
        assert head == [(1, 0, "0" * 64, 0, "0" * 64)]
        if db.path is not None:  # nothing to lose, so no copy
            assert [p.name for p in db.path.parent.iterdir() if ".before-" in p.name] == []


def test_migrate_false_leaves_an_empty_database_empty(empty_database_url: str) -> None:
    with Database.open(empty_database_url, migrate=False) as db:
        assert current_revision(db.engine) is None
        assert _tables(db) == set()


def test_the_migrations_build_exactly_the_models(db: Database) -> None:
    """Fails when models.py changed without a migration: add one (storage.new_revision)."""
    assert schema_differences(db.engine) == []


def test_a_database_at_head_is_left_alone(db: Database) -> None:
    with db.write() as session:
        session.execute(text("UPDATE ledger_head SET last_seq = 7"))
    with Database.open(db.url) as again:
        assert current_revision(again.engine) == "0005"
        assert _count(again, "ledger_head") == 1
        with again.read() as session:
            assert session.scalar(text("SELECT last_seq FROM ledger_head")) == 7


def test_the_migration_goes_down_and_up_again(db: Database) -> None:
    with db.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    assert _tables(db) <= {"alembic_version"}
    if db.dialect == "postgresql":
        with db.read() as session:
            functions = session.scalar(
                text("SELECT count(*) FROM pg_proc WHERE proname = 'refuse_append_only_change'")
            )
        assert functions == 0
    with db.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    assert current_revision(db.engine) == "0005"
    assert schema_differences(db.engine) == []


@pytest.mark.parametrize("url", ["sqlite://", "postgresql+psycopg://"])
def test_the_schema_can_be_written_out_as_sql_for_an_administrator(url: str) -> None:
    config = alembic_config()
    config.output_buffer = io.StringIO()
    config.set_main_option("sqlalchemy.url", url)
    command.upgrade(config, "head", sql=True)
    sql = config.output_buffer.getvalue()
    assert "CREATE TABLE custody_events" in sql
    # UPDATE+DELETE (SQLite) or row+TRUNCATE (PG), for custody_events, audit_entries and
    # signatures (0001), documents and certificates (0002), exchange_files and event_origins
    # (0003); 0004 adds a column only
    assert sql.count("CREATE TRIGGER") == 14
    assert "is append-only: corrections are new entries" in sql


# ---------------------------------------------------------------------- refusals


def test_a_newer_schema_is_refused_and_left_alone(db: Database) -> None:
    _stamp(db, "9999")
    with pytest.raises(NewerSchemaError) as info:
        Database.open(db.url)
    assert str(info.value) == (
        "This database was written by a newer version of Lunar Custody (schema 9999); "
        "this version understands up to 0005. Install the newer version."
    )
    assert current_revision(db.engine) == "9999"


def test_tables_without_a_schema_version_are_not_a_lunar_custody_database(
    empty_database_url: str,
) -> None:
    with Database.open(empty_database_url, migrate=False) as other:
        with other.write() as session:
            session.execute(text("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)"))
        with pytest.raises(NotADatabaseError) as info:
            Database.open(empty_database_url)
        assert str(info.value) == (
            f"{other.name} holds tables of another program; it is not a Lunar Custody database."
        )
        assert _tables(other) == {"recipes"}


# ---------------------------------------------------------------------- upgrades


def test_a_database_behind_head_is_copied_then_upgraded(
    db: Database,
    newer_migrations: Callable[[str], Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # PostgreSQL dumps go here
    with db.write() as session:
        session.execute(insert(Institution).values(code="CNSA", name="CNSA", kind="lender"))
    newer_migrations("")
    assert head_revision() == "0006"
    with Database.open(db.url) as upgraded:
        assert current_revision(upgraded.engine) == "0006"
        assert "upgrade_probe" in _tables(upgraded)
        assert _count(upgraded, "institutions") == 1
    if db.dialect == "sqlite":
        assert db.path is not None
        (copy,) = [p for p in db.path.parent.iterdir() if ".before-" in p.name]
        assert copy.name.startswith(f"{db.path.stem}.before-0006.")
        assert copy.suffix == ".db"
        raw = sqlite3.connect(copy)
        try:
            assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [("0005",)]
            assert raw.execute("SELECT code FROM institutions").fetchall() == [("CNSA",)]
        finally:
            raw.close()
    else:
        (dump,) = (tmp_path / "data" / "lunar-custody" / "backups").iterdir()
        assert dump.name.startswith(f"{db.name}.before-0006.") and dump.suffix == ".dump"
        assert dump.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format


@pytest.mark.postgres
def test_without_pg_dump_the_upgrade_exports_first(
    pg_db: Database,
    newer_migrations: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with pg_db.write() as session:
        session.execute(insert(Institution).values(code="CNSA", name="CNSA", kind="lender"))
    newer_migrations("")
    monkeypatch.setenv("PATH", "")
    with Database.open(pg_db.url) as upgraded:
        assert current_revision(upgraded.engine) == "0006"
    (export,) = (tmp_path / "data" / "lunar-custody" / "backups").iterdir()
    assert export.name.startswith(f"{pg_db.name}.before-0006.")
    assert export.suffix == EXPORT_SUFFIX
    header = export_header(export)
    assert header["schema"] == "0005"
    rows = {table.name: found for table, found in export_rows(export)}
    assert [row["code"] for row in rows["institutions"]] == ["CNSA"]


def test_a_failing_upgrade_changes_nothing(
    db: Database, newer_migrations: Callable[[str], Path]
) -> None:
    newer_migrations('raise RuntimeError("the upgrade broke")')
    with pytest.raises(RuntimeError, match="the upgrade broke"):
        Database.open(db.url)
    assert current_revision(db.engine) == "0005"
    assert "upgrade_probe" not in _tables(db)


def test_foreign_keys_are_back_on_after_an_upgrade(
    sqlite_db: Database, newer_migrations: Callable[[str], Path]
) -> None:
    newer_migrations("")
    upgraded = Database.open(sqlite_db.url)
    # every pooled connection, including the one that ran the migration
    with upgraded, upgraded.write() as first, upgraded.read() as second:
        assert first.scalar(text("PRAGMA foreign_keys")) == 1
        assert second.scalar(text("PRAGMA foreign_keys")) == 1
