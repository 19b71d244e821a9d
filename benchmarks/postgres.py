"""The benchmark database on PostgreSQL: a throwaway server, and a generated SQLite
database loaded into it with COPY.

    python benchmarks/postgres.py --db /tmp/bench/big.db --url postgresql+psycopg://...
    python benchmarks/run.py --postgres [--db /tmp/bench/big.db]   # all of it, see run.py

``load`` makes the schema from the program's own migrations (``Database.open`` on the
empty database), then copies every table's rows from the SQLite file with psycopg's
``cursor.copy`` (COPY ... FROM STDIN: psycopg writes each value in COPY's text format,
escaping tabs, newlines and backslashes), with the triggers and foreign keys off while it
loads (``session_replication_role = replica``; the rows come from a database that passed
``verify``) and the secondary indexes dropped and built again after. The sequences are then
set past each table's largest id and the tables VACUUMed and ANALYZEd. The values go over as SQLite
holds them (times as naive UTC text read in a UTC session, booleans as 0/1), so what
PostgreSQL holds is what the program would have written there: ``verify`` on it passes.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg
from sqlalchemy.engine import make_url

from lunar_custody.domain.models import Base
from lunar_custody.storage.database import Database
from tests.pg_cluster import PostgresCluster, postgres_bindir

# A server for a benchmark, not for the test suite: room to sort while indexes are built.
BENCH_SETTINGS = {
    "shared_buffers": "512MB",
    "maintenance_work_mem": "512MB",
    "work_mem": "32MB",
    "max_wal_size": "8GB",
    "checkpoint_timeout": "30min",
}
_BATCH = 20_000
BENCH_DATABASE = "lunar_bench"  # the database run.py --postgres loads


@contextmanager
def throwaway_server(parent: str | None = None) -> Iterator[PostgresCluster]:
    """A PostgreSQL server started for the block, then stopped and removed."""
    bindir = postgres_bindir()
    if bindir is None:
        raise SystemExit(
            "The PostgreSQL server programs (initdb, pg_ctl) are not installed: run .ci/run "
            "(it installs them) or give run.py an existing server with --db postgresql+psycopg://..."
        )
    cluster = PostgresCluster(bindir, prefix="lc-bench-pg-", parent=parent)
    try:
        cluster.init(BENCH_SETTINGS)
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
        cluster.remove()


def libpq_url(url: str) -> str:
    """A SQLAlchemy URL (postgresql+psycopg://...) as psycopg.connect takes it."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def create_database(server_url: str, name: str, template: str | None = None) -> str:
    """A new database on the server of ``server_url`` (any database of it); its URL."""
    with psycopg.connect(libpq_url(server_url), dbname="postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def copy_database(url: str, name: str) -> str:
    """A new database ``name`` made from the database of ``url`` (CREATE DATABASE ...
    TEMPLATE: nobody may be connected to it meanwhile); its URL."""
    return create_database(url, name, template=make_url(url).database)


def drop_database(server_url: str, name: str) -> None:
    with psycopg.connect(libpq_url(server_url), dbname="postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def copy_tables(
    source: sqlite3.Connection,
    target: psycopg.Connection[Any],
    tables: list[str],
    report: Callable[[str], None] = lambda _: None,
) -> dict[str, int]:
    """Every row of ``tables`` from SQLite into the same (empty) tables of PostgreSQL by
    COPY, in one transaction of ``target``'s, triggers and foreign keys off meanwhile; the
    rows copied per table."""
    copied: dict[str, int] = {}
    with target.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("SET LOCAL TIME ZONE 'UTC'")  # SQLite's times are naive UTC
        for table in tables:
            columns = [row[1] for row in source.execute(f'PRAGMA table_info("{table}")')]
            names = ", ".join(f'"{c}"' for c in columns)
            count = 0
            started = time.perf_counter()
            rows = source.execute(f'SELECT {names} FROM "{table}"')
            with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                while batch := rows.fetchmany(_BATCH):
                    for row in batch:
                        copy.write_row(row)
                    count += len(batch)
            copied[table] = count
            report(f"  {table}: {count:,} rows ({time.perf_counter() - started:.1f} s)")
    return copied


def _secondary_indexes(cursor: psycopg.Cursor[Any]) -> list[tuple[str, str]]:
    """The indexes no constraint owns (a unique or primary key stays: COPY checks them)."""
    return cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
        "AND indexname NOT IN (SELECT conname FROM pg_constraint)"
    ).fetchall()


def reset_sequences(cursor: psycopg.Cursor[Any]) -> None:
    """Every id sequence past its table's largest id, so the program's next insert fits."""
    owned = cursor.execute(
        "SELECT s.relname, t.relname, a.attname FROM pg_class s "
        "JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass "
        "JOIN pg_class t ON t.oid = d.refobjid "
        "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid "
        "WHERE s.relkind = 'S'"
    ).fetchall()
    for sequence, table, column in owned:
        cursor.execute(
            f'SELECT setval(\'"{sequence}"\', coalesce(max("{column}"), 1), '
            f'max("{column}") IS NOT NULL) FROM "{table}"'
        )


def load(sqlite_path: Path, url: str, report: Callable[[str], None] = print) -> dict[str, int]:
    """The SQLite benchmark database at ``sqlite_path`` into the empty PostgreSQL database
    of ``url``; the rows copied per table."""
    started = time.perf_counter()
    Database.open(url).dispose()  # the schema, by the program's migrations
    report(f"  schema migrated ({time.perf_counter() - started:.1f} s)")
    source = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    in_source = {
        row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    tables = [t.name for t in Base.metadata.sorted_tables if t.name in in_source]
    try:
        with psycopg.connect(libpq_url(url)) as target:
            with target.cursor() as cursor:
                # what the migrations wrote (the ledger head's row) makes way for the copy
                cursor.execute("SET LOCAL session_replication_role = replica")
                for table in reversed(tables):
                    cursor.execute(f'DELETE FROM "{table}"')
                indexes = _secondary_indexes(cursor)
                for name, _ in indexes:
                    cursor.execute(f'DROP INDEX "{name}"')
            copied = copy_tables(source, target, tables, report)
            report(f"  rows copied ({time.perf_counter() - started:.1f} s)")
            with target.cursor() as cursor:
                for _, definition in indexes:
                    cursor.execute(definition)
                reset_sequences(cursor)
            target.commit()
            report(f"  indexes built ({time.perf_counter() - started:.1f} s)")
            target.autocommit = True
            # VACUUM too, as autovacuum would soon: without the visibility map the planner's
            # probes of index ends read the heap, and a 7-table join took 48 ms to plan
            target.execute("VACUUM (ANALYZE)")
    finally:
        source.close()
    report(f"Loaded {sum(copied.values()):,} rows in {time.perf_counter() - started:.0f} s")
    return copied


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the generated SQLite database")
    parser.add_argument(
        "--url", required=True, help="an empty PostgreSQL database: postgresql+psycopg://..."
    )
    args = parser.parse_args(argv)
    load(Path(args.db), args.url)


if __name__ == "__main__":
    main()
