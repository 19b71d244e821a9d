"""Long work started and cancelled at random moments, 18 times, in a real main window on a
generated database: verify, export of the inventory and import of a CSV.

No crash (the old task runner fed QProgressDialog.setValue a flood of progress signals and
died in re-entrant painting), no Qt warning, a timer that keeps ticking while the work runs,
and a cancelled import leaves the database as it was.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from benchmarks.generate import Size, generate
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.ledger import LedgerView
from lunar_custody.gui.samples import SamplesView
from lunar_custody.storage import Database
from tests.gui.conftest import Messages, open_window
from tests.worlds import actor

ROUNDS = 18
IMPORT_ROWS = 8_000

pytestmark = [pytest.mark.slow, pytest.mark.qt_log_level_fail("WARNING")]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 120,000 custody events over 50,000 aliquots (a few seconds to write)."""
    path = tmp_path_factory.mktemp("generated") / "generated.db"
    generate(path, Size(aliquots=50_000, events=120_000, loans=200), report=lambda _: None)
    return path


def ledger_fingerprint(path: Path) -> tuple[object, ...]:
    """What a cancelled import must leave as it was: the counts and the chain head."""
    with sqlite3.connect(path) as raw:
        counts = tuple(
            raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("samples", "aliquots", "custody_events", "audit_entries")
        )
        head = raw.execute("SELECT id, hash FROM custody_events ORDER BY id DESC LIMIT 1")
        return (*counts, head.fetchone())


def write_import(folder: Path, round_number: int) -> Path:
    """A CSV in our own layout whose samples are new in every round (Chang'e-style numbers
    of missions 7 to 9, which the generator never makes)."""
    path = folder / f"import-{round_number}.csv"
    lines = ["sample,aliquot,mass,form,container"]
    for row in range(IMPORT_ROWS):
        index = round_number * IMPORT_ROWS // 20 + row // 20
        sample = f"CE{7 + index // 10_000}Z{index % 10_000:04d}"
        lines.append(f"{sample},{sample}TEST{row % 20:05d},{1 + row % 50} mg,powder,vial")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_long_work_started_and_cancelled_at_random_moments(
    qtbot: QtBot, generated: Path, tmp_path: Path, messages: Messages
) -> None:
    db = Database.open(str(generated))
    try:
        window = open_window(qtbot, AppContext(db, actor(db, "curator")))
        samples = window.show_view("samples")
        ledger = window.show_view("ledger")
        assert isinstance(samples, SamplesView) and isinstance(ledger, LedgerView)
        chance = random.Random(20261204)
        ticks: list[int] = []
        ticker = QTimer()
        ticker.timeout.connect(lambda: ticks.append(1))
        ticker.start(20)
        outcomes: dict[str, list[str]] = {"verify": [], "export": [], "import": []}

        def press_cancel_after(delay_ms: int) -> None:
            def press() -> None:
                dialog = window.findChild(QProgressDialog, "progressDialog")
                if dialog is not None and dialog.isVisible():
                    dialog.findChild(QPushButton).click()  # Cancel

            QTimer.singleShot(delay_ms, press)

        def verify() -> None:
            if ledger.verify() is not None:  # done: the findings window shows the report
                findings = ledger.findings
                assert findings is not None and findings.isVisible()
                messages.shown.append((findings.objectName(), findings.windowTitle(), "done"))

        def export() -> None:
            target = tmp_path / "inventory.csv"
            target.unlink(missing_ok=True)
            samples.ask_export_path = lambda: str(target)  # type: ignore[method-assign]
            samples.export_inventory()
            # finished or not, no half-written file is left beside it
            assert [p.name for p in tmp_path.glob(".inventory.csv.*")] == []

        def import_csv(round_number: int) -> Callable[[], None]:
            csv = write_import(tmp_path, round_number)

            def run() -> None:
                before = ledger_fingerprint(generated)
                shown_before = len(messages.shown)
                samples.ask_import_path = lambda: str(csv)  # type: ignore[method-assign]
                samples.import_csv()
                _name, _title, text = messages.shown[shown_before]
                if text == "Import samples cancelled.":
                    assert ledger_fingerprint(generated) == before
                else:
                    assert ledger_fingerprint(generated) != before

            return run

        for round_number in range(ROUNDS):
            kind = chance.choice(["verify", "export", "import"])
            work = {"verify": verify, "export": export, "import": import_csv(round_number)}[kind]
            shown_before = len(messages.shown)
            ticks_before = len(ticks)
            press_cancel_after(chance.randint(0, 900))
            work()
            qtbot.wait(30)  # the Cancel timer of a round that finished first goes off here
            news = messages.shown[shown_before:]
            assert news, f"round {round_number}: {kind} said nothing"
            name, _title, text = news[-1]
            assert name != "crashDialog", text
            assert name != "errorDialog" or text.endswith("cancelled."), text
            outcomes[kind].append("cancelled" if text.endswith("cancelled.") else "done")
            assert len(ticks) > ticks_before  # the event loop kept running
            assert window.findChild(QProgressDialog, "progressDialog") is None or not (
                window.findChild(QProgressDialog, "progressDialog").isVisible()
            )
        ticker.stop()
        # Both ends were reached: some work was cancelled part-way, some finished.
        every = [outcome for kind in outcomes.values() for outcome in kind]
        assert "cancelled" in every and "done" in every, outcomes
        assert ledger.verify() is not None and ledger.last_report is not None
        assert ledger.last_report.ok, ledger.last_report.summary()
        window.close()
    finally:
        db.dispose()
