"""Where the database is, how it is opened, and how its failures are told to a person."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import IntegrityError

from lunar_custody.domain.errors import (
    CustodyError,
    DatabaseError,
    DatabaseLockedError,
    DatabaseMissingError,
    DatabaseReadOnlyError,
    NotADatabaseError,
    ValidationError,
)
from lunar_custody.domain.models import Institution
from lunar_custody.storage import (
    DATABASE_ENV,
    Database,
    database_display_name,
    default_database_path,
    resolve_database_url,
)

# ---------------------------------------------------------------------- naming the database


def test_a_path_becomes_an_absolute_sqlite_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_database_url("custody.db") == f"sqlite:///{tmp_path}/custody.db"
    assert resolve_database_url("sub/../c.db") == f"sqlite:///{tmp_path}/c.db"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert resolve_database_url("~/x.db") == f"sqlite:///{tmp_path}/home/x.db"


def test_a_url_is_used_as_is() -> None:
    url = "postgresql+psycopg://curator:secret@db.example.org:5433/custody"
    assert resolve_database_url(url) == url
    assert resolve_database_url("sqlite:///relative.db") == "sqlite:///relative.db"


def test_the_argument_wins_then_the_environment_then_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv(DATABASE_ENV, raising=False)
    default = tmp_path / "data" / "lunar-custody" / "lunar_custody.db"
    assert default_database_path() == default
    assert resolve_database_url(None) == f"sqlite:///{default}"
    monkeypatch.setenv(DATABASE_ENV, "")  # set but empty counts as unset
    assert resolve_database_url(None) == f"sqlite:///{default}"
    monkeypatch.setenv(DATABASE_ENV, str(tmp_path / "env.db"))
    assert resolve_database_url(None) == f"sqlite:///{tmp_path}/env.db"
    assert resolve_database_url(str(tmp_path / "arg.db")) == f"sqlite:///{tmp_path}/arg.db"
    monkeypatch.setenv(DATABASE_ENV, "postgresql+psycopg://u@h/db")
    assert resolve_database_url(None) == "postgresql+psycopg://u@h/db"


def test_odd_file_names_survive_the_url(tmp_path: Path) -> None:
    path = tmp_path / "what? #1.db"
    with Database.open(str(path)) as db:
        assert db.path == path
    assert path.exists()


def test_display_names_never_show_a_password() -> None:
    assert database_display_name("sqlite:////home/zhang/lab/custody.db") == "custody.db"
    named = database_display_name("postgresql+psycopg://curator:s3cret@db.lab.cn:5433/custody")
    assert named == "custody@db.lab.cn"
    assert database_display_name("postgresql+psycopg://u@/custody?host=/run/pg") == (
        "custody@/run/pg"
    )
    assert database_display_name("postgresql+psycopg:///custody") == "custody@localhost"
    assert "s3cret" not in database_display_name("postgresql+psycopg://u:s3cret@h/")


# ---------------------------------------------------------------------- opening


def test_a_new_file_is_created_with_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "custody.db"
    with Database.open(str(path)) as db:
        assert (db.dialect, db.path, db.name) == ("sqlite", path, "custody.db")
    assert path.is_file()


def test_create_false_refuses_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "custody.db"
    with pytest.raises(DatabaseMissingError) as info:
        Database.open(str(path), create=False)
    assert str(info.value) == f"There is no database at {path}."
    assert not path.parent.exists()


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"Sample, mass\nCE5C0400, 1.5 g\n" * 200, id="text"),
        pytest.param(os.urandom(8192), id="random-bytes"),
    ],
)
def test_a_file_that_is_not_a_database_is_refused_and_left_alone(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(NotADatabaseError) as info:
        Database.open(str(path))
    assert str(info.value) == f"The file {path} is not a Lunar Custody database, or it is damaged."
    assert path.read_bytes() == content
    assert not path.with_name("notes.db-wal").exists()


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(NotADatabaseError, match="is a folder"):
        Database.open(str(tmp_path))


def test_other_database_kinds_are_refused() -> None:
    with pytest.raises(DatabaseError, match=r"'mysql' \(db@host\) is not supported"):
        Database.open("mysql://user@host/db")


def test_an_unreachable_server_gets_a_plain_message_without_the_password() -> None:
    import socket

    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(DatabaseError) as info:
        Database.open(f"postgresql+psycopg://curator:s3cret@127.0.0.1:{port}/custody")
    message = str(info.value)
    assert type(info.value) is DatabaseError
    assert message.startswith("Cannot connect to the PostgreSQL database custody@127.0.0.1")
    assert "s3cret" not in message and "Traceback" not in message


@pytest.mark.postgres
def test_a_missing_postgresql_database_is_named(pg_server: str) -> None:
    with pytest.raises(DatabaseMissingError) as info:
        Database.open(f"{pg_server}no_such_db")
    assert str(info.value) == "The PostgreSQL database no_such_db@127.0.0.1 does not exist."


def test_the_database_knows_its_dialect(db: Database) -> None:
    assert db.dialect in ("sqlite", "postgresql")
    assert (db.path is None) == (db.dialect == "postgresql")
    assert db.name in repr(db)


# ---------------------------------------------------------------------- SQLite settings


def test_every_sqlite_connection_has_wal_foreign_keys_and_a_busy_timeout(
    sqlite_db: Database,
) -> None:
    expected = {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 10_000, "synchronous": 2}
    # two sessions at once: two pooled connections, each set up by the connect hook
    with sqlite_db.read() as reader, sqlite_db.write() as writer:
        for session in (reader, writer):
            seen = {name: session.scalar(text(f"PRAGMA {name}")) for name in expected}
            assert seen == expected


def test_write_takes_the_write_lock_at_once_and_read_does_not(sqlite_db: Database) -> None:
    assert sqlite_db.path is not None
    other = sqlite3.connect(sqlite_db.path, timeout=0, isolation_level=None)
    try:
        with sqlite_db.write(), pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        with sqlite_db.read() as session:
            session.execute(select(Institution.id)).all()
            other.execute("BEGIN IMMEDIATE")  # a reader leaves writing to others
            other.execute("ROLLBACK")
    finally:
        other.close()


def test_a_held_write_lock_gives_a_locked_error_after_the_busy_timeout(
    sqlite_db: Database,
) -> None:
    assert sqlite_db.path is not None
    holder = sqlite3.connect(sqlite_db.path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with Database.open(sqlite_db.url, busy_timeout_ms=300) as db:
            with db.read() as session:  # WAL: reading goes on meanwhile
                assert session.scalar(text("SELECT count(*) FROM institutions")) == 0
            started = time.monotonic()
            with pytest.raises(DatabaseLockedError) as info, db.write():
                pytest.fail("the body must not run without the lock")
            waited = time.monotonic() - started
        assert str(info.value) == (
            f"The database {db.name} is locked by another program; try again in a moment."
        )
        assert 0.25 <= waited < 5
    finally:
        holder.execute("ROLLBACK")
        holder.close()


# ---------------------------------------------------------------------- transactions


def _institution(code: str) -> dict[str, str]:
    return {"code": code, "name": f"Institution {code}", "kind": "borrower"}


def _codes(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(Institution.code).order_by(Institution.code)))


def test_write_commits_and_objects_stay_readable(db: Database) -> None:
    with db.write() as session:
        row = Institution(**_institution("BROWN"))
        session.add(row)
    assert row.code == "BROWN" and row.id is not None  # expire_on_commit=False
    assert _codes(db) == ["BROWN"]


def test_a_domain_error_rolls_back_and_passes_unchanged(db: Database) -> None:
    refusal = ValidationError("That mass is negative.")
    with pytest.raises(ValidationError) as info, db.write() as session:
        session.add(Institution(**_institution("KOLN")))
        session.flush()
        raise refusal
    assert info.value is refusal
    assert _codes(db) == []


def test_database_errors_of_the_records_themselves_are_not_translated(db: Database) -> None:
    with db.write() as session:
        session.execute(insert(Institution), [_institution("OSAKA")])
    with pytest.raises(IntegrityError), db.write() as session:
        session.execute(insert(Institution), [_institution("IPGP"), _institution("OSAKA")])
    assert _codes(db) == ["OSAKA"]


def test_read_never_commits(db: Database) -> None:
    with db.read() as session:
        session.add(Institution(**_institution("SUPARCO")))
        session.flush()
        assert session.scalar(select(Institution.code)) == "SUPARCO"
    assert _codes(db) == []


def test_postgresql_reads_committed_and_pings_its_pool(pg_db: Database) -> None:
    with pg_db.write() as session:
        assert session.scalar(text("SHOW transaction_isolation")) == "read committed"
    assert pg_db.engine.pool._pre_ping  # a server restart costs one retry, not an error


# ---------------------------------------------------------------------- translation


@pytest.mark.parametrize(
    ("error", "expected", "words"),
    [
        (sqlite3.OperationalError("database is locked"), DatabaseLockedError, "is locked"),
        (sqlite3.DatabaseError("file is not a database"), NotADatabaseError, "not a Lunar"),
        (
            sqlite3.DatabaseError("database disk image is malformed"),
            NotADatabaseError,
            "damaged",
        ),
        (
            sqlite3.OperationalError("attempt to write a readonly database"),
            DatabaseReadOnlyError,
            "cannot be written",
        ),
        (
            sqlite3.OperationalError("unable to open database file"),
            DatabaseReadOnlyError,
            "cannot be opened",
        ),
        (sqlite3.OperationalError("database or disk is full"), DatabaseError, "is full"),
        (sqlite3.OperationalError("disk I/O error"), DatabaseError, "disk or network"),
    ],
)
def test_sqlite_failures_are_told_in_plain_words(
    sqlite_db: Database, error: sqlite3.Error, expected: type[CustodyError], words: str
) -> None:
    translated = sqlite_db.translate(error)
    assert type(translated) is expected
    assert words in str(translated) and sqlite_db.name in str(translated)


def test_other_sqlite_errors_are_not_translated(sqlite_db: Database) -> None:
    assert sqlite_db.translate(sqlite3.IntegrityError("UNIQUE constraint failed")) is None
    assert sqlite_db.translate(ValueError("not a database error")) is None
