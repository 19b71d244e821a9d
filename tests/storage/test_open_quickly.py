"""Opening a database whose schema is current decides so without Alembic (the quick check
``schema_is_current``); anything else still goes through Alembic."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from lunar_custody.storage import Database, head_revision, migrate
from lunar_custody.storage.migrate import schema_is_current


def test_the_shipped_heads_read_without_alembic_are_alembics(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert migrate._shipped_heads(migrate.MIGRATIONS_DIR) == {head_revision()}
    # A merge revision over two branches, annotated as the template writes it.
    versions = tmp_path / "migrations" / "versions"
    versions.mkdir(parents=True)
    for name, body in {
        "a.py": 'revision = "a"\ndown_revision = None\n',
        "b.py": 'import sqlalchemy as sa\nrevision: str = "b"\ndown_revision = "a"\nT = sa.Text\n',
        "c.py": 'revision = "c"\ndown_revision = ("a",)\n',
        "m.py": 'revision: str = "m"\ndown_revision: tuple[str, ...] = ("b", "c")\n',
    }.items():
        (versions / name).write_text(body)
    assert migrate._shipped_heads(tmp_path / "migrations") == {"m"}
    (versions / "d.py").write_text('revision = "d"\ndown_revision = "m"\n')
    (versions / "e.py").write_text('revision = "e"\ndown_revision = "m"\n')
    assert migrate._shipped_heads.__wrapped__(tmp_path / "migrations") == {"d", "e"}


def test_schema_is_current_only_at_the_head(db: Database) -> None:
    assert schema_is_current(db.engine)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0000'"))
    assert not schema_is_current(db.engine)


def test_an_empty_database_is_not_current(empty_database_url: str) -> None:
    with Database.open(empty_database_url, migrate=False) as db:
        assert not schema_is_current(db.engine)
