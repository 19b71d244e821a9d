"""Databases written by every released schema (tests/fixtures/schema-*.db) open in this one.

Each stored file is upgraded to today's head on a copy: every row of every table it held is
still there, unchanged, and ``verify`` passes (an upgrade may append audit entries: 0002
writes a ``baseline`` of every record it found). On PostgreSQL the same records are restored
into a server database at their schema, then upgraded. A probe revision 9000 added on top of
the shipped migrations makes the upgrade real even while the released schema is the head.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from lunar_custody.domain.models import Base
from lunar_custody.storage import Database, current_revision, head_revision, migrate
from lunar_custody.storage.integrity import verify_database
from lunar_custody.storage.restore import restore_database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
STORED = sorted(FIXTURES.glob("schema-*.db"))

PROBE = '''"""A later schema (test only): one more table."""

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("upgrade_probe", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("upgrade_probe")
'''


def test_every_released_schema_has_a_stored_database() -> None:
    revisions = {path.stem.removeprefix("schema-") for path in STORED}
    assert revisions == migrate.known_revisions(), (
        "run python tests/fixtures/make_schema_fixtures.py for the new schema and commit it"
    )


@pytest.fixture(params=["today", "next release"])
def head(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Today's head, or a probe revision after it (the next release's upgrade)."""
    if request.param == "today":
        yield head_revision()
        return
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    today = head_revision()
    (folder / "versions" / "9000_probe.py").write_text(PROBE.format(revision="9000", down=today))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrate, "MIGRATIONS_DIR", folder)
        yield "9000"


def _rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the stored file, read with sqlite3 (no ORM, no upgrade)."""
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if name != "alembic_version"
        ]
        return {
            table: raw.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            for table in tables
        }
    finally:
        raw.close()


def _columns(path: Path, table: str) -> list[str]:
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[1] for row in raw.execute(f"PRAGMA table_info({table})")]
    finally:
        raw.close()


@pytest.mark.parametrize("stored", STORED, ids=lambda p: p.stem)
def test_a_stored_sqlite_database_upgrades_with_every_record(
    stored: Path, head: str, tmp_path: Path
) -> None:
    copy = tmp_path / "custody.db"
    shutil.copyfile(stored, copy)
    before = _rows(stored)
    assert before["custody_events"], "the stored database holds custody events"
    with Database.open(str(copy), create=False) as db:
        assert current_revision(db.engine) == head
        report = verify_database(db)
        assert report.ok, report.summary()
        assert report.events == len(before["custody_events"])
    after = _rows(copy)
    for table, rows in before.items():
        columns = _columns(stored, table)
        now = [dict(zip(_columns(copy, table), row, strict=True)) for row in after[table]]
        kept = [tuple(r[c] for c in columns) for r in now]
        if table == "audit_entries":  # the audit trail only grows
            assert {r["action"] for r in now[len(rows) :]} <= {"baseline"}
            kept = kept[: len(rows)]
        if table == "ledger_head":  # ... and its head with it (0005's baseline entries)
            moved = [i for i, c in enumerate(columns) if c in ("audit_seq", "audit_hash")]
            kept = [tuple(v for i, v in enumerate(r) if i not in moved) for r in kept]
            rows = [tuple(v for i, v in enumerate(r) if i not in moved) for r in rows]
        assert kept == rows, table
    stamp = stored.stem.removeprefix("schema-")
    copies = sorted(tmp_path.glob(f"custody.before-{head}.*.db"))
    if stamp != head:  # a real upgrade: the database was copied first, as it was
        (kept,) = copies
        assert _rows(kept) == before
    else:
        assert copies == []


@pytest.mark.parametrize("stored", STORED, ids=lambda p: p.stem)
def test_a_stored_database_moves_to_postgresql_and_upgrades(
    stored: Path, head: str, pg_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    empty = pg_db.url
    with pg_db.engine.begin() as connection:  # a server database that was never migrated
        connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    pg_db.dispose()
    result = restore_database(stored, empty)
    assert result.report.ok, result.report.summary()
    before = _rows(stored)
    with Database.open(empty, create=False) as db:
        assert current_revision(db.engine) == head
        assert verify_database(db).ok
        with db.read() as session:
            for table in Base.metadata.sorted_tables:
                if table.name not in before:  # a table of a later schema
                    continue
                ids = list(session.scalars(select(table.c.id).order_by(table.c.id)))
                stored_ids = sorted(row[0] for row in before[table.name])
                if table.name == "audit_entries":  # the audit trail only grows
                    ids = ids[: len(stored_ids)]
                assert ids == stored_ids, table.name
