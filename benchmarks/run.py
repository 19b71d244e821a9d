"""Measure the figures of the scale issue against their targets, each beside its floor.

    python benchmarks/run.py --quick          # small generated database, cached; < 1 minute
    python benchmarks/run.py --db /tmp/bench/big.db   # the 200,000 / 2,000,000 database

Each figure is measured several times and the median printed, with the baseline measured
in the same run (what the same work costs without the program: the same SELECT through
sqlite3, a bare PySide6 window, hashlib over the same bytes), as one line

    name  value  unit  target  baseline  ratio  met|missed

and a last line ``N of M targets met``. The figures that write (a receipt, a PDF) write
into the benchmark database: it stays a valid database that passes ``verify``. The import
goes into a copy made for each run. Nothing here is part of the test suite.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from platformdirs import user_cache_path
from sqlalchemy import event, func, select, text
from sqlalchemy.engine import Engine

from benchmarks import postgres
from benchmarks.generate import ADMIN, CURATOR, PASSWORD, Size, generate
from lunar_custody.domain import custody, identity, importer, listings, queries
from lunar_custody.domain.identity import PIN, Credential
from lunar_custody.domain.models import Aliquot, Institution, Loan, LoanItem, Person
from lunar_custody.domain.permissions import Actor
from lunar_custody.storage.backup import backup_sqlite
from lunar_custody.storage.database import Database
from lunar_custody.storage.integrity import integrity_problems, verify_database
from lunar_custody.storage.migrate import head_revision
from lunar_custody.storage.verify_workers import PARALLEL_FROM, default_workers

ROOT = Path(__file__).resolve().parent.parent
APOLLO_CSV = ROOT / "tests" / "fixtures" / "apollo_samples.csv"
QUICK = Size(aliquots=20_000, events=200_000, loans=500)
FULL = Size(aliquots=200_000, events=2_000_000, loans=5_000)
BACKUP_SITE = "CNSA-SS"
LENDER = "CNSA"
_ = ADMIN  # the other account the generator makes


@dataclass
class Figure:
    name: str
    unit: str
    target: float
    value: float | None
    baseline: float | None = None
    note: str = ""

    @property
    def met(self) -> bool:
        return self.value is not None and self.value <= self.target

    def cells(self) -> list[str]:
        def number(x: float | None) -> str:
            if x is None:
                return "—"
            return f"{x:,.0f}" if x >= 100 else f"{x:.3g}" if x < 10 else f"{x:.1f}"

        ratio = (
            f"{self.value / self.baseline:.1f}x"
            if self.value is not None and self.baseline
            else "—"
        )
        return [
            self.name.replace(" ", "_"),
            "n/a" if self.value is None else number(self.value),
            self.unit,
            f"<={number(self.target)}",
            number(self.baseline),
            ratio,
            "met" if self.met else "missed",
        ]


def median_time(
    work: Callable[[Any], object], runs: int, setup: Callable[[int], Any] | None = None
) -> float:
    """Median seconds of ``work(setup(i))`` over ``runs`` runs; setup is not timed."""
    times = []
    for index in range(runs):
        argument = setup(index) if setup else None
        started = time.perf_counter()
        work(argument)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


@contextmanager
def captured_selects(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """The SELECT statements SQLAlchemy sends, with their bound parameters."""
    statements: list[tuple[str, Any]] = []

    def before(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before)


def replay(connection: Any, statements: list[tuple[str, Any]]) -> None:
    """The captured statements again through the driver alone (sqlite3 or psycopg)."""
    cursor = connection.cursor()
    try:
        for statement, parameters in statements:
            cursor.execute(statement, parameters)
            cursor.fetchall()
    finally:
        cursor.close()


class Bench:
    def __init__(self, path: Path | str, runs: int, slow_runs: int) -> None:
        """``path``: a SQLite file, or a PostgreSQL URL (``postgresql+psycopg://...``)."""
        self.path = path
        self.runs = runs
        self.slow_runs = slow_runs
        self.db = Database.open(str(path), create=False)
        self.postgresql = self.db.dialect == "postgresql"
        # the baselines' driver connection, of the engine's own dialect (sqlite3, psycopg)
        self.raw: Any = self._raw_connection()
        self.curator = identity.authenticate(self.db, CURATOR, PASSWORD)
        self.scratch = Path(tempfile.mkdtemp(prefix="lunar-bench-"))

    def _raw_connection(self) -> Any:
        connection = self.db.engine.raw_connection().driver_connection
        if self.postgresql:
            connection.autocommit = True  # each replayed SELECT on its own, as SQLite's
        return connection

    def close(self) -> None:
        self.raw.close()
        self.db.dispose()

    # ------------------------------------------------------------------ launch

    def launch(self) -> tuple[Figure, Figure]:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(self.scratch / "config"),  # the user's settings stay alone
        }

        def once(*args: str) -> tuple[float, float]:
            started = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-m", "benchmarks.launch", *args],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            assert child.stdout is not None
            line = child.stdout.readline()
            painted = time.perf_counter() - started
            rest, _ = child.communicate(timeout=120)
            if line.strip() != "painted" or child.returncode:
                raise RuntimeError(f"the launch failed: {line}{rest}")
            return painted, float(json.loads(rest)["peak_mb"])

        app = [once("--db", str(self.path), "--user", CURATOR, "--password", PASSWORD)
               for _ in range(self.slow_runs)]  # fmt: skip
        bare = [once("--bare") for _ in range(self.slow_runs)]

        def median(values: list[tuple[float, float]], index: int) -> float:
            return statistics.median(v[index] for v in values)

        return (
            Figure(
                "launch to painted main window", "s", 1.5, median(app, 0), median(bare, 0),
                "process start to first paint, sign-in included",
            ),
            Figure("main window peak memory", "MB", 400, median(app, 1), median(bare, 1)),
        )  # fmt: skip

    # ------------------------------------------------------------------ reading

    def _numbers(self, count: int) -> list[str]:
        """Aliquot numbers spread over the collection (the same ones every run)."""
        with self.db.read() as session:
            total = session.scalar(select(func.max(Aliquot.id))) or 1
            ids = [1 + (i * 7919 * 31) % total for i in range(count)]
            return list(session.scalars(select(Aliquot.number).where(Aliquot.id.in_(ids))))

    def search(self) -> Figure:
        """The aliquot list's search box: first page of 200 and the count, for a prefix."""
        prefixes = [n[:length] for n in self._numbers(self.runs) for length in (6, 9, 13)]

        def work(prefix: str) -> None:
            with self.db.read() as session:
                listings.count(session, listings.ALIQUOTS, search=prefix)
                listings.page(session, listings.ALIQUOTS, search=prefix, limit=200)

        value = statistics.median(median_time(work, 1, lambda _, p=p: p) for p in prefixes)
        baselines = []
        for prefix in prefixes:
            with captured_selects(self.db.engine) as statements:
                work(prefix)
            baselines.append(median_time(lambda _: replay(self.raw, statements), 1))
        return Figure(
            "search aliquots by number prefix",
            "ms",
            50,
            value * 1000,
            statistics.median(baselines) * 1000,
            "count + first page of 200, prefixes of 6, 9 and 13 characters",
        )

    def history(self) -> Figure:
        """What the samples view shows for a selected aliquot: queries.history."""
        numbers = self._numbers(self.runs)
        values, baselines = [], []
        for number in numbers:
            queries.history(self.db, number)  # warm, as a second click would be
            values.append(median_time(lambda _, n=number: queries.history(self.db, n), 3))
            with captured_selects(self.db.engine) as statements:
                queries.history(self.db, number)
            baselines.append(median_time(lambda _: replay(self.raw, statements), 3))
        return Figure(
            "one aliquot's history",
            "ms",
            10,
            statistics.median(values) * 1000,
            statistics.median(baselines) * 1000,
        )

    # ------------------------------------------------------------------ writing

    def receipt(self) -> Figure:
        """custody.confirm_receipt of a released 20-aliquot package (internal transfer)."""
        with self.db.read() as session:
            backup_curator = session.scalars(
                select(Person.username)
                .join(Institution, Institution.id == Person.institution_id)
                .where(Institution.code == BACKUP_SITE, Person.roles.like("%curator%"))
                .order_by(Person.id)
            ).first()
            courier = session.scalars(
                select(Person.username).where(Person.roles == "courier").order_by(Person.id)
            ).first()
            assert backup_curator and courier
        # Signing in rehashes a password hashed with older argon2 parameters (the generator's
        # database may predate them), as a receiver's first sign-in after an upgrade does.
        receiver = identity.authenticate(self.db, backup_curator, PASSWORD)

        def setup(index: int) -> tuple[str, dict[str, int]]:
            with self.db.read() as session:
                rows = listings.page(
                    session, listings.ALIQUOTS, filters={"lendable_by": LENDER}, limit=20,
                    offset=1000 + 40 * index,
                )  # fmt: skip
            keys = listings.ALIQUOTS.keys
            numbers = [r[keys.index("number")] for r in rows]
            masses = {r[keys.index("number")]: r[keys.index("current_mass_ug")] for r in rows}
            transfer = custody.prepare_transfer(
                self.db, self.curator, aliquot_numbers=numbers, receiver=backup_curator,
                courier=courier, seal_number=f"BENCH-{time.time_ns()}",
            )  # fmt: skip
            custody.release_transfer(
                self.db, self.curator, transfer.number,
                sender=Credential(CURATOR, PASSWORD),
                courier=Credential(courier, "2468", PIN),
            )  # fmt: skip
            return transfer.number, masses

        def work(package: tuple[str, dict[str, int]]) -> None:
            number, masses = package
            custody.confirm_receipt(
                self.db, receiver, number, credential=Credential(backup_curator, PASSWORD),
                seal_intact=True, measured_ug=masses,
            )  # fmt: skip

        value = median_time(work, self.runs, setup)
        with self.db.read() as session:
            stored = identity.find_person(session, backup_curator).password_hash
        hasher = identity.password_hasher()
        check = median_time(lambda _: hasher.verify(stored, PASSWORD), self.runs)
        return Figure(
            "confirm receipt of a 20-aliquot package", "ms", 100, value * 1000, None,
            f"includes the receiver's argon2id password check, alone {check * 1000:.0f} ms",
        )  # fmt: skip

    def verify(self) -> Figure:
        reports = []

        def work(_: object) -> None:
            reports.append(verify_database(self.db))

        value = median_time(work, self.slow_runs)
        ok = all(r.ok for r in reports)
        storage = median_time(lambda _: integrity_problems(self.db), 1)
        # The floor: one SHA-256 per event over the event's stored bytes, read beforehand.
        hashing = 0.0
        cursor = self.raw.execute("SELECT * FROM custody_events ORDER BY id")
        while batch := cursor.fetchmany(100_000):
            blobs = ["|".join(map(str, row)).encode() for row in batch]
            started = time.perf_counter()
            for blob in blobs:
                hashlib.sha256(blob).hexdigest()
            hashing += time.perf_counter() - started
        events = reports[-1].events if reports else 0
        workers = default_workers() if events >= PARALLEL_FROM else 0
        return Figure(
            "verify the whole ledger", "s", 10, value if ok else None, hashing,
            f"lunar-custody verify: {events:,} events, hashes checked by {workers} worker "
            f"process(es) beside the replay; the storage checks (quick_check, foreign keys) "
            f"alone {storage:.1f} s, on a thread meanwhile" if ok else "verify FAILED",
        )  # fmt: skip

    def agreement(self) -> Figure:
        try:
            from lunar_custody.documents.service import write_agreement
        except ImportError as error:
            return Figure("500-item loan agreement PDF", "s", 1, None, None, f"n/a: {error}")
        with self.db.read() as session:
            loan, items = session.execute(
                select(Loan.number, func.count(LoanItem.id))
                .join(LoanItem, LoanItem.loan_id == Loan.id)
                .where(LoanItem.parent_item_id.is_(None))
                .group_by(Loan.id)
                .order_by(func.count(LoanItem.id).desc())
                .limit(1)
            ).one()
        pages: list[int] = []

        def work(index: int) -> None:
            written = write_agreement(self.db, self.curator, loan, self.scratch / f"a{index}.pdf")
            pages.append(written.pages)

        value = median_time(work, self.slow_runs, lambda i: i)
        return Figure(
            "500-item loan agreement PDF", "s", 1, value, None,
            f"loan {loan}: {items} items, {pages[-1]} pages",
        )  # fmt: skip

    def import_apollo(self) -> Figure:
        copies: list[Database] = []

        def setup(index: int) -> tuple[Database, Actor]:
            if self.postgresql:  # a new database made from this one (no connection open)
                self.raw.close()
                self.db.engine.dispose()
                url = postgres.copy_database(str(self.path), f"import_{index}")
                self.raw = self._raw_connection()
                copy = Database.open(url)
            else:
                target = backup_sqlite(self.db, self.scratch / f"import-{index}.db")
                copy = Database.open(str(target), create=False)
            copies.append(copy)
            return copy, identity.authenticate(copy, CURATOR, PASSWORD)

        results = []

        def work(arg: tuple[Database, Actor]) -> None:
            copy, actor = arg
            results.append(importer.import_samples(copy, actor, APOLLO_CSV))
            copy.dispose()
            if self.postgresql:
                postgres.drop_database(str(self.path), str(copy.engine.url.database))
            else:
                Path(str(copy.path)).unlink()

        value = median_time(work, self.slow_runs, setup)
        for copy in copies:
            copy.dispose()
        result = results[-1]
        return Figure(
            "import apollo_samples.csv", "s", 2, value, None,
            f"{result.samples} samples, {result.aliquots} aliquots, into a copy of the database",
        )  # fmt: skip


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    import PySide6
    import sqlalchemy

    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"SQLAlchemy {sqlalchemy.__version__}, PySide6 {PySide6.__version__}"
    )


def quick_database() -> Path:
    """The quick run's database, generated once per schema version and kept in the cache."""
    size = QUICK
    folder = user_cache_path("lunar-custody", appauthor=False) / "benchmarks"
    path = folder / (f"quick-{size.aliquots}-{size.events}-{size.loans}-schema{head_revision()}.db")
    if not path.exists():
        partial = path.with_suffix(".partial.db")
        for leftover in folder.glob(f"{partial.name}*"):
            leftover.unlink()
        generate(partial, size, report=lambda line: print(f"# {line}"))
        for suffix in ("-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        partial.rename(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small database, under a minute")
    parser.add_argument(
        "--db",
        help="the benchmark database: a SQLite file (generated when missing) or a PostgreSQL "
        "URL, postgresql+psycopg://user@host:port/database, loaded already",
    )
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="start a throwaway PostgreSQL server, load --db (a SQLite file; without it the "
        "quick database) into it, measure there, stop it",
    )
    parser.add_argument(
        "--scratch", help="--postgres: the folder of the server's files (default: /tmp)"
    )
    parser.add_argument("--runs", type=int, help="runs of the fast figures (default 5 or 7)")
    parser.add_argument("--only", help="comma-separated figure keys, e.g. history,search")
    args = parser.parse_args(argv)
    if args.postgres:
        if args.db and "://" in args.db:
            parser.error("--postgres loads a SQLite file; give an existing server with --db")
        source = Path(args.db) if args.db else quick_database()
        with postgres.throwaway_server(args.scratch) as server:
            print(f"# PostgreSQL server on port {server.port}, loading {source}")
            url = postgres.create_database(f"{server.url}postgres", postgres.BENCH_DATABASE)
            postgres.load(source, url, report=lambda line: print(f"# {line}"))
            return measure(args, url, quick=args.quick or not args.db)
    if args.db and "://" in args.db:
        return measure(args, args.db, quick=args.quick)
    if args.quick and not args.db:
        path = quick_database()
    else:
        path = Path(args.db or "/tmp/bench/big.db")
        if not path.exists():
            generate(path, FULL, report=lambda line: print(f"# {line}"))
    return measure(args, path, quick=args.quick)


def measure(args: argparse.Namespace, path: Path | str, *, quick: bool) -> int:
    """The figures on the database of ``path`` (a SQLite file or a PostgreSQL URL)."""
    runs = args.runs or (5 if quick else 7)
    slow = 3
    started = time.perf_counter()
    bench = Bench(path, runs, slow)
    counts = queries.totals(bench.db)
    print(f"# machine: {machine()}")
    if isinstance(path, Path):
        where = f"{path} ({path.stat().st_size / 1e6:,.0f} MB)"
    else:
        with bench.db.read() as session:
            size = session.scalar(text("SELECT pg_database_size(current_database())")) or 0
            version = session.scalar(text("SHOW server_version"))
        where = f"PostgreSQL {version}, {bench.db.name} ({size / 1e6:,.0f} MB)"
    print(
        f"# database: {where}: {counts.aliquots:,} "
        f"aliquots, {counts.events:,} custody events, {sum(counts.loans_by_status.values()):,}"
        f" loans; {runs} runs ({slow} of the slow figures), median"
    )
    steps: dict[str, Callable[[], Figure | tuple[Figure, ...]]] = {
        "launch": bench.launch,
        "search": bench.search,
        "history": bench.history,
        "receipt": bench.receipt,
        "verify": bench.verify,
        "agreement": bench.agreement,
        "import": bench.import_apollo,
    }
    wanted = args.only.split(",") if args.only else list(steps)
    figures: list[Figure] = []
    try:
        for key in wanted:
            result = steps[key]()
            figures += list(result) if isinstance(result, tuple) else [result]
    finally:
        bench.close()
    order = [
        "launch to painted main window",
        "search aliquots by number prefix",
        "one aliquot's history",
        "confirm receipt of a 20-aliquot package",
        "verify the whole ledger",
        "500-item loan agreement PDF",
        "import apollo_samples.csv",
        "main window peak memory",
    ]
    figures.sort(key=lambda f: order.index(f.name))
    header = ["name", "value", "unit", "target", "baseline", "ratio", "result"]
    rows = [f.cells() for f in figures]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print("# " + "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for figure, row in zip(figures, rows, strict=True):
        line = "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True))
        print(f"{line}  # {figure.note}" if figure.note else line)
    met = sum(f.met for f in figures)
    print(f"# whole run: {time.perf_counter() - started:.0f} s")
    print(f"{met} of {len(figures)} targets met")
    return 0 if met == len(figures) else 1


if __name__ == "__main__":
    sys.exit(main())
