"""Measure the figures of issue 18 (performance) against their targets, each beside its floor.

    python benchmarks/run.py --quick          # small generated database, cached; minutes
    python benchmarks/run.py --db /tmp/bench/big.db   # the 200,000 / 2,000,000 database

Each figure is measured several times and the median printed, with the baseline measured
in the same run (what the same work costs without the program: the same SELECT through
sqlite3, a bare PySide6 window, hashlib over the same bytes), as one line

    name  value  unit  target  baseline  ratio  met|missed|info

and a last line ``N of M targets met`` (an ``info`` line has no target and is not counted:
each view's first paint). Every figure is held to the issue's target on every database,
the quick one included. The figures that write (a receipt, a PDF, the inventory's loan and
scans) write into the benchmark database: it stays a valid database that passes
``verify``. The CSV import goes into a copy made for each run; the exchange shipment is
exported and imported between installations of its own in the scratch folder. The test
suite's own figure (<= 6 min) is measured outside: ``python -m pytest -n 2``. Nothing here
is part of the test suite.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import io
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from platformdirs import user_cache_path
from sqlalchemy import event, func, select, text
from sqlalchemy.engine import Engine

from benchmarks import postgres
from benchmarks.generate import (
    ADMIN,
    CURATOR,
    PASSWORD,
    Size,
    generate,
    internal_transfer_people,
)
from lunar_custody.domain import (
    clearance,
    custody,
    identity,
    importer,
    listings,
    loans,
    queries,
    standing,
)
from lunar_custody.domain.identity import PIN, Credential
from lunar_custody.domain.models import Aliquot, Institution, Loan, LoanItem, Person
from lunar_custody.domain.permissions import Actor
from lunar_custody.domain.states import LoanStatus
from lunar_custody.storage.backup import backup_sqlite
from lunar_custody.storage.database import Database
from lunar_custody.storage.integrity import integrity_problems, verify_database
from lunar_custody.storage.migrate import head_revision
from lunar_custody.storage.verify_workers import PARALLEL_FROM, default_workers

ROOT = Path(__file__).resolve().parent.parent
APOLLO_CSV = ROOT / "tests" / "fixtures" / "apollo_samples.csv"
QUICK = Size(aliquots=20_000, events=200_000, loans=500)
FULL = Size(aliquots=200_000, events=2_000_000, loans=5_000)
LENDER = "CNSA"
# The workstation's views after the one shown at launch (the dashboard), sidebar order;
# gui.main_window.VIEW_KEYS is not imported here: run.py stays free of the GUI until needed.
VIEWS = ("samples", "loans", "transfers", "admin", "ledger")
SHIPMENT_ALIQUOTS = 500
INVENTORY_ITEMS = 500
INVENTORY_PURPOSE = "(benchmark) The annual inventory's scan figure: 500 aliquots held."
_ = ADMIN  # the other account the generator makes

# Issue 18's table, in the order printed: each figure's target in its unit (None: shown for
# information, not counted). The test suite's figure (<= 6 min) is measured outside run.py.
TARGETS: dict[str, float | None] = {
    "launch to painted main window": 0.6,
    "search aliquots by number prefix": 5,
    "one aliquot's history": 2,
    "confirm receipt of a 20-aliquot package": 40,
    "routine verify after 10,000 new events": 1,
    "full verify, one core": 10,
    "full verify": 60,
    "500-item loan agreement PDF": 0.3,
    "export of a 500-aliquot shipment": 1,
    "import of a 500-aliquot shipment": 1,
    "inventory scan of one item": 30,
    "main window peak memory": 200,
    "import apollo_samples.csv": 2,  # the first wave's target, kept
    **{f"first paint of the {key} view": None for key in VIEWS},
}


@dataclass
class Figure:
    name: str
    unit: str
    target: float | None  # None: informational, not counted
    value: float | None
    baseline: float | None = None
    note: str = ""

    @property
    def counted(self) -> bool:
        return self.target is not None

    @property
    def met(self) -> bool:
        return self.target is not None and self.value is not None and self.value <= self.target

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
            "—" if self.target is None else f"<={number(self.target)}",
            number(self.baseline),
            ratio,
            "info" if self.target is None else "met" if self.met else "missed",
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
        self._hashing: tuple[float, int] | None = None

    def _raw_connection(self) -> Any:
        # A connection of its own, outside the engine's pool: a pooled one kept past its proxy
        # went back to the pool while in use here, and a session then found it mid-transaction
        # (PostgreSQL: "can't change 'autocommit' now" at the next checkout's ping).
        dialect = self.db.engine.dialect
        arguments, options = dialect.create_connect_args(self.db.engine.url)
        connection = dialect.connect(*arguments, **options)
        if self.postgresql:
            connection.autocommit = True  # each replayed SELECT on its own, as SQLite's
        return connection

    def close(self) -> None:
        self.raw.close()
        self.db.dispose()

    # ------------------------------------------------------------------ launch

    def launch(self) -> tuple[Figure, Figure]:
        env = launch_environment(self.scratch / "config")

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
                "launch to painted main window", "s", TARGETS["launch to painted main window"],
                median(app, 0), median(bare, 0),
                "process start to first paint, sign-in included",
            ),
            Figure(
                "main window peak memory", "MB", TARGETS["main window peak memory"],
                median(app, 1), median(bare, 1),
            ),
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
            TARGETS["search aliquots by number prefix"],
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
            TARGETS["one aliquot's history"],
            statistics.median(values) * 1000,
            statistics.median(baselines) * 1000,
        )

    # ------------------------------------------------------------------ writing

    def _packable(self, count: int, offset: int = 0) -> dict[str, int]:
        """``count`` aliquots the lender may put in a new package, with their masses: from the
        aliquot list's ``lendable_by`` (in storage at the lender, on no open loan), skipping
        those the domain says are packed in a prepared transfer already (the package
        dialog's own check, ``queries.package_candidate``), which ``prepare_transfer``
        refuses. The ×10 database has such aliquots among the lendable ones."""
        keys = listings.ALIQUOTS.keys
        number, mass = keys.index("number"), keys.index("current_mass_ug")
        found: dict[str, int] = {}
        while len(found) < count:
            with self.db.read() as session:
                rows = listings.page(
                    session, listings.ALIQUOTS, filters={"lendable_by": LENDER},
                    limit=count, offset=offset,
                )  # fmt: skip
            if not rows:
                raise RuntimeError(f"fewer than {count} aliquots the lender may pack")
            offset += len(rows)
            for row in rows:
                if queries.package_candidate(self.db, row[number]).packed_in is None:
                    found[row[number]] = row[mass]
                    if len(found) == count:
                        break
        return found

    def receipt(self) -> Figure:
        """custody.confirm_receipt of a released 20-aliquot package (internal transfer)."""
        backup_curator, courier = internal_transfer_people(self.db)
        # Signing in rehashes a password hashed with older argon2 parameters (the generator's
        # database may predate them), as a receiver's first sign-in after an upgrade does.
        receiver = identity.authenticate(self.db, backup_curator, PASSWORD)

        def setup(index: int) -> tuple[str, dict[str, int]]:
            masses = self._packable(20, offset=1000 + 40 * index)
            numbers = list(masses)
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
            "confirm receipt of a 20-aliquot package", "ms",
            TARGETS["confirm receipt of a 20-aliquot package"], value * 1000, None,
            f"includes the receiver's argon2id password check, alone {check * 1000:.0f} ms",
        )  # fmt: skip

    def hashing_floor(self) -> tuple[float, int]:
        """Seconds of one SHA-256 per event over the event's stored bytes (read beforehand),
        and the number of events: the floor of every verify figure. Measured once a run."""
        if self._hashing is None:
            hashing, events = 0.0, 0
            cursor = self.raw.execute("SELECT * FROM custody_events ORDER BY id")
            while batch := cursor.fetchmany(100_000):
                blobs = ["|".join(map(str, row)).encode() for row in batch]
                started = time.perf_counter()
                for blob in blobs:
                    hashlib.sha256(blob).hexdigest()
                hashing += time.perf_counter() - started
                events += len(batch)
            self._hashing = (hashing, events)
        return self._hashing

    def verify(self) -> Figure:
        """``lunar-custody verify --full``: every event replayed, every check."""
        reports = []

        def work(_: object) -> None:
            reports.append(verify_database(self.db, full=True))

        name = "full verify"
        value = median_time(work, self.slow_runs)
        ok = all(r.ok for r in reports)
        storage = median_time(lambda _: integrity_problems(self.db, full=True), 1)
        hashing, _ = self.hashing_floor()
        events = reports[-1].events if reports else 0
        workers = default_workers() if events >= PARALLEL_FROM else 0
        return Figure(
            name, "s", TARGETS[name], value if ok else None, hashing,
            f"lunar-custody verify --full: {events:,} events, hashes checked by {workers} worker "
            f"process(es) beside the replay; the storage checks (integrity_check, foreign keys) "
            f"alone {storage:.1f} s, on a thread meanwhile" if ok else "verify FAILED",
        )  # fmt: skip

    def _verify_figure(self, name: str, measure: str, floor_events: int | None) -> Figure:
        """A figure of ``benchmarks/verify_figures.py`` (``measure`` names its function): n/a
        and missed while that module or the function is not there."""
        try:
            from benchmarks import verify_figures
        except ImportError as error:
            return Figure(name, "s", TARGETS[name], None, None, f"n/a: {error}")
        function = getattr(verify_figures, measure, None)
        if function is None:
            return Figure(name, "s", TARGETS[name], None, None, f"n/a: no {measure}")
        hashing, events = self.hashing_floor()
        if floor_events is not None and events:
            hashing *= floor_events / events
        results = [function(self.path) for _ in range(self.slow_runs)]
        value = statistics.median(seconds for seconds, _ in results)
        return Figure(name, "s", TARGETS[name], value, hashing, results[-1][1])

    def routine_verify(self) -> Figure:
        """Routine ``verify`` after 10,000 new events since its last checkpoint."""
        return self._verify_figure(
            "routine verify after 10,000 new events", "routine_after", 10_000
        )

    def full_verify_one_core(self) -> Figure:
        return self._verify_figure("full verify, one core", "full_one_core", None)

    def agreement(self) -> Figure:
        try:
            from lunar_custody.documents.service import write_agreement
        except ImportError as error:
            return Figure(
                "500-item loan agreement PDF", "s", TARGETS["500-item loan agreement PDF"],
                None, None, f"n/a: {error}",
            )  # fmt: skip
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
            "500-item loan agreement PDF", "s", TARGETS["500-item loan agreement PDF"],
            value, None,
            f"loan {loan}: {items} items, {pages[-1]} pages",
        )  # fmt: skip

    # ------------------------------------------------------------------ exchange

    def exchange(self) -> tuple[Figure, Figure]:
        """A shipment of 500 aliquots exported at the lender and imported at the borrower.

        Its installations (benchmarks/exchange.py: lender, borrower, courier firm, each
        introduced to the others) are SQLite files of their own in the scratch folder, made
        outside the timing with their keys there too; each import goes into a fresh copy of
        the borrower's database. Floors: the same content as JSON in a zip with one ECDSA
        P-256 signature, written; and read back with the signature checked.
        """
        from benchmarks.exchange import set_up_shipment
        from lunar_custody.exchange.export import export_exchange
        from lunar_custody.exchange.importer import import_exchange
        from lunar_custody.trust.keyring import ENVIRONMENT

        folder = self.scratch / "exchange"
        keys_before = os.environ.get(ENVIRONMENT)
        os.environ[ENVIRONMENT] = str(folder / "keys")  # not the benchmark database's keys
        try:
            shipment = set_up_shipment(folder, SHIPMENT_ALIQUOTS)
            lender = Database.open(str(shipment.lender), create=False)
            files: list[bytes] = []

            def export(_: object) -> None:
                files.append(
                    export_exchange(
                        lender, shipment.sender, partner=shipment.partner,
                        transfer=shipment.transfer,
                    ).content
                )  # fmt: skip

            exported = median_time(export, self.runs)
            lender.dispose()
            data = files[0]  # the file the borrower expects next: the first one made
            copies: list[Database] = []

            def fresh(index: int) -> Database:
                copy = folder / f"borrower-{index}.db"
                shutil.copyfile(shipment.borrower, copy)
                copies.append(Database.open(str(copy), create=False))
                return copies[-1]

            reports = []

            def bring_in(borrower: Database) -> None:
                reports.append(import_exchange(borrower, shipment.receiver, data))

            imported = median_time(bring_in, self.runs, fresh)
            for copy in copies:
                copy.dispose()
        finally:
            if keys_before is None:
                os.environ.pop(ENVIRONMENT, None)
            else:
                os.environ[ENVIRONMENT] = keys_before
        write_floor, read_floor = signed_zip_floors(data, self.runs)
        shutil.rmtree(folder, ignore_errors=True)
        export_name, import_name = (
            "export of a 500-aliquot shipment",
            "import of a 500-aliquot shipment",
        )
        return (
            Figure(
                export_name, "s", TARGETS[export_name], exported, write_floor,
                f"export_exchange at the lender: {len(data) / 1024:,.0f} KiB file",
            ),
            Figure(
                import_name, "s", TARGETS[import_name], imported, read_floor,
                f"import_exchange at the borrower (fresh copy each run): "
                f"{reports[-1].events_added} events added",
            ),
        )  # fmt: skip

    # ------------------------------------------------------------------ inventory

    def _inventory_loan(self) -> tuple[str, str]:
        """An active loan of 500 aliquots held by its borrower, and its PI's username: made
        once through the services (draft to receipt), kept in the database for later runs."""
        with self.db.read() as session:
            kept = session.execute(
                select(Loan.number, Person.username)
                .join(Person, Person.id == Loan.principal_investigator_id)
                .where(Loan.purpose == INVENTORY_PURPOSE, Loan.status == LoanStatus.ACTIVE)
            ).first()
            if kept is not None:
                return kept[0], kept[1]
            today = date.today()
            pi, borrower = next(
                (username, code)
                for person_id, username, code in session.execute(
                    select(Person.id, Person.username, Institution.code)
                    .join(Institution, Institution.id == Person.institution_id)
                    .where(Institution.kind == "borrower", Person.roles.like("%lab_manager%"))
                    .order_by(Person.id)
                )
                if standing.why_not_new_loan_for_pi(session, person_id, today) is None
            )
            courier = session.scalars(
                select(Person.username).where(Person.roles == "courier").order_by(Person.id)
            ).first()
            assert courier
        numbers = list(self._packable(INVENTORY_ITEMS))
        loan = loans.create_loan(
            self.db, self.curator, borrower_code=borrower, principal_investigator=pi,
            purpose=INVENTORY_PURPOSE, starts_on=today, due_on=today + timedelta(days=365),
        )  # fmt: skip
        loans.add_loan_items(self.db, self.curator, loan.number, numbers)
        clearance.attest_open_items(self.db, self.curator, loan.number, note="cleared")
        loans.approve_loan(self.db, self.curator, loan.number, Credential(CURATOR, PASSWORD))
        pi_actor = identity.authenticate(self.db, pi, PASSWORD)
        loans.countersign_loan(self.db, pi_actor, loan.number, Credential(pi, PASSWORD))
        package = custody.release_package(
            self.db, self.curator, aliquot_numbers=numbers, receiver=pi, courier=courier,
            seal_number=f"BENCH-INV-{time.time_ns()}", loan_number=loan.number,
            sender_credential=Credential(CURATOR, PASSWORD),
            courier_credential=Credential(courier, "2468", PIN),
        )  # fmt: skip
        custody.confirm_receipt(
            self.db, pi_actor, package.number, credential=Credential(pi, PASSWORD),
            seal_intact=True,
        )  # fmt: skip
        return loan.number, pi

    def inventory(self) -> Figure:
        """One scan in the inventory dialog (gui/loans/inventory.py), offscreen: the number
        typed into the scan field, then Enter, timed to the first paint of the table after
        its row changed. The inventory is started before and cancelled after (untimed).
        Floor: a bare QTableWidget of as many rows, one row's cells set, painted."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

        from lunar_custody.domain import inventory
        from lunar_custody.gui.context import AppContext
        from lunar_custody.gui.loans.inventory import COLUMNS, InventoryDialog
        from lunar_custody.gui.startup import application

        # The dialog is measured offscreen, as the launch is: a shell without a display
        # (or with one) gives the same figure.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = application()
        loan, pi = self._inventory_loan()
        pi_actor = identity.authenticate(self.db, pi, PASSWORD)
        open_one = inventory.open_inventory_of(self.db, loan)
        if open_one is not None:  # left by an interrupted run
            inventory.cancel(self.db, pi_actor, open_one, reason="benchmark run interrupted")
        number = inventory.start_inventory(self.db, pi_actor, loan).number
        dialog = InventoryDialog(AppContext(self.db, pi_actor), loan)
        dialog.show()
        lines = [line.aliquot_number for line in dialog.view.lines] if dialog.view else []
        picks = [lines[(i * 97) % len(lines)] for i in range(self.runs)]

        def scan(aliquot: str) -> None:
            with painted_after_change(app, dialog.table):
                QTest.keyClick(dialog.scan_field, Qt.Key.Key_Return)
            assert dialog.outcomes[aliquot] == inventory.FOUND

        def typed(index: int) -> str:
            settle(app)
            QTest.keyClicks(dialog.scan_field, picks[index])  # the scanner's characters
            return picks[index]

        value = median_time(scan, self.runs, typed)
        dialog.close()
        dialog.deleteLater()
        inventory.cancel(self.db, pi_actor, number, reason="benchmark run")

        table = QTableWidget(len(lines), len(COLUMNS))
        table.resize(900, 500)
        for row, aliquot in enumerate(lines):
            table.setItem(row, 0, QTableWidgetItem(aliquot))
        table.show()

        def tick(row: int) -> None:
            with painted_after_change(app, table):
                for column in range(len(COLUMNS)):
                    table.setItem(row, column, QTableWidgetItem(f"found {column}"))
                table.scrollToItem(table.item(row, 0))

        def row_of(index: int) -> int:
            settle(app)
            return (index * 97) % len(lines)

        floor = median_time(tick, self.runs, row_of)
        table.close()
        table.deleteLater()
        name = "inventory scan of one item"
        return Figure(
            name, "ms", TARGETS[name], value * 1000, floor * 1000,
            f"scan field + Enter to the row ticked and painted; inventory of loan {loan}, "
            f"{len(lines)} aliquots",
        )  # fmt: skip

    # ------------------------------------------------------------------ views

    def views(self) -> tuple[Figure, ...]:
        """Each view's first paint after switching to it (``benchmarks.launch --views``), in
        a fresh workstation process on the benchmark database; informational. Floor: a
        bare QStackedWidget switched to a new QTableWidget of 200 rows."""
        runs = [self._launch("--db", str(self.path), "--user", CURATOR, "--password",
                             PASSWORD, "--views", settings=f"views-{index}")
                for index in range(self.slow_runs)]  # fmt: skip
        bare = [self._launch("--bare", "--views") for _ in range(self.slow_runs)]
        floor = statistics.median(t for run in bare for t in run["views"].values())
        return tuple(
            Figure(
                f"first paint of the {key} view", "ms", TARGETS[f"first paint of the {key} view"],
                statistics.median(run["views"][key] for run in runs) * 1000, floor * 1000,
                "switch to first paint, the view built and its first page read then"
                if key == VIEWS[0] else "",
            )
            for key in VIEWS
        )  # fmt: skip

    def _launch(self, *args: str, settings: str = "config") -> dict[str, Any]:
        """One ``benchmarks.launch`` process's JSON (after its ``painted`` line). The window's
        settings go to the scratch folder's ``settings``: a new one opens on the dashboard
        (the window opens on the view it showed last)."""
        env = launch_environment(self.scratch / settings)
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.launch", *args], cwd=ROOT, env=env,
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        lines = done.stdout.splitlines()
        if done.returncode or not lines or lines[0] != "painted":
            raise RuntimeError(f"the launch failed: {done.stdout}{done.stderr[-2000:]}")
        result: dict[str, Any] = json.loads(lines[-1])
        return result

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
            "import apollo_samples.csv", "s", TARGETS["import apollo_samples.csv"], value, None,
            f"{result.samples} samples, {result.aliquots} aliquots, into a copy of the database",
        )  # fmt: skip


def launch_environment(settings: Path) -> dict[str, str]:
    """The environment of a workstation process: offscreen, the window's settings in
    ``settings`` (the user's stay alone), and the program's modules compiled to bytecode, as
    in an installed program (pip compiles them at install, the bundle holds them so).
    Without it a shell's PYTHONDONTWRITEBYTECODE makes every start compile every module of
    the program again: about a quarter of the launch on this machine."""
    compileall.compile_dir(ROOT / "lunar_custody", quiet=1)
    compileall.compile_dir(ROOT / "benchmarks", quiet=1, maxlevels=0)
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(settings)}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def settle(app: Any) -> None:
    """Let pending events (paints, deferred work) run before the next timed step."""
    for _ in range(3):
        app.processEvents()


@contextmanager
def painted_after_change(app: Any, table: Any) -> Iterator[None]:
    """On leaving: the events run until ``table`` paints after one of its cells changed."""
    from PySide6.QtCore import QEvent, QObject

    state = {"changed": False, "painted": False}

    class Watch(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and state["changed"]:
                state["painted"] = True
            return False

    def changed(*_: object) -> None:
        state["changed"] = True

    watch = Watch()
    table.viewport().installEventFilter(watch)
    table.model().dataChanged.connect(changed)
    try:
        yield
        deadline = time.perf_counter() + 5
        while not state["painted"] and time.perf_counter() < deadline:
            app.processEvents()
        if not state["painted"]:
            raise RuntimeError("the table did not paint within 5 s of the change")
    finally:
        table.model().dataChanged.disconnect(changed)
        table.viewport().removeEventFilter(watch)


def signed_zip_floors(data: bytes, runs: int) -> tuple[float, float]:
    """Seconds to write ``data``'s content as sorted JSON in a deflated zip with one ECDSA
    P-256 signature over it, and to read it back and check that signature (medians)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = json.loads(archive.read(archive.namelist()[0]))
    key = ec.generate_private_key(ec.SECP256R1())
    algorithm = ec.ECDSA(hashes.SHA256())
    written: list[bytes] = []

    def write(_: object) -> None:
        body = json.dumps(content, sort_keys=True, separators=(",", ":")).encode()
        signature = key.sign(body, algorithm)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("content.json", body)
            archive.writestr("signature", signature)
        written.append(buffer.getvalue())

    def read(_: object) -> None:
        with zipfile.ZipFile(io.BytesIO(written[0])) as archive:
            body, signature = archive.read("content.json"), archive.read("signature")
        json.loads(body)
        key.public_key().verify(signature, body, algorithm)

    return median_time(write, runs), median_time(read, runs)


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


def load_average() -> str:
    """The machine's load (1, 5, 15 minutes): other work on the cores moves every figure."""
    try:
        return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "load average unknown"


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
    print(f"# machine: {machine()}; {load_average()}")
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
        "routine": bench.routine_verify,
        "onecore": bench.full_verify_one_core,
        "verify": bench.verify,
        "agreement": bench.agreement,
        "exchange": bench.exchange,
        "inventory": bench.inventory,
        "import": bench.import_apollo,
        "views": bench.views,
    }
    wanted = args.only.split(",") if args.only else list(steps)
    figures: list[Figure] = []
    try:
        for key in wanted:
            result = steps[key]()
            figures += list(result) if isinstance(result, tuple) else [result]
    finally:
        bench.close()
    figures.sort(key=lambda f: list(TARGETS).index(f.name))
    header = ["name", "value", "unit", "target", "baseline", "ratio", "result"]
    rows = [f.cells() for f in figures]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print("# " + "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for figure, row in zip(figures, rows, strict=True):
        line = "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True))
        print(f"{line}  # {figure.note}" if figure.note else line)
    counted = [f for f in figures if f.counted]
    met = sum(f.met for f in counted)
    print("# test suite on this machine (<= 6 min): not measured here; python -m pytest -n 2")
    print(f"# whole run: {time.perf_counter() - started:.0f} s; {load_average()}")
    print(f"{met} of {len(counted)} targets met")
    return 0 if met == len(counted) else 1


if __name__ == "__main__":
    sys.exit(main())
