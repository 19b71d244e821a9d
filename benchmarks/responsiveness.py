"""How the workstation behaves while long work runs: verify, export and import, each started
in a real main window (offscreen) through the operation runner and cancelled part-way.

    python benchmarks/responsiveness.py --db /tmp/bench/big.db [--runs 5]

Prints, per kind of work, the median and worst of:
- the time until the progress dialog is visible, and until it shows counts ("412,000 of
  ... events"; an import counts once its file is read);
- the time from pressing Cancel until the work has stopped and the window is usable again;
- the longest pause between two ticks of a 20 ms timer while the work ran (the window kept
  painting and answering when this stays small).
Targets: the dialog within 0.5 s, Cancel within 0.5 s. The database is copied first, so
the imports cancelled here change nothing anyway.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from lunar_custody.domain import identity
from lunar_custody.domain.demo import DEMO_PASSWORD
from lunar_custody.gui import errors
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.main_window import MainWindow
from lunar_custody.storage import Database

TARGET_S = 0.5
COUNTS = re.compile(r"\b[\d,]+ of [\d,]+\b")  # "412,000 of 2,046,035 events"


@dataclass
class Watch:
    """Times one run: when the dialog showed counts, when Cancel was pressed, the ticks."""

    started: float = 0.0
    shown: float | None = None
    counted: float | None = None
    pressed: float | None = None
    ticks: list[float] = field(default_factory=list)

    def longest_pause(self) -> float:
        gaps = [b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False)]
        return max(gaps, default=0.0)


def watch_run(window: MainWindow, start: Callable[[], None], cancel_after_s: float) -> Watch:
    """Start the work; press Cancel ``cancel_after_s`` after the dialog showed counts."""
    watch = Watch()
    ticker = QTimer()
    ticker.timeout.connect(lambda: watch.ticks.append(time.perf_counter()))

    def look() -> None:
        dialog = window.findChild(QProgressDialog, "progressDialog")
        now = time.perf_counter()
        if dialog is not None and dialog.isVisible() and watch.shown is None:
            watch.shown = now
        if dialog is not None and dialog.isVisible() and COUNTS.search(dialog.labelText()):
            if watch.counted is None:
                watch.counted = now
            if now - watch.counted >= cancel_after_s and watch.pressed is None:
                watch.pressed = now
                button = dialog.findChild(QPushButton)
                if button is not None:
                    button.click()
                return
        QTimer.singleShot(5, look)

    ticker.start(20)
    QTimer.singleShot(0, look)
    watch.started = time.perf_counter()
    start()
    ticker.stop()
    watch.ticks.append(time.perf_counter())
    return watch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="a generated database (generate.py)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--user", default="curator")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    errors.present = lambda box: box.standardButtons()  # no modal boxes in a benchmark
    scratch = Path(tempfile.mkdtemp(prefix="lc-responsiveness-"))
    copy = scratch / "copy.db"
    shutil.copyfile(args.db, copy)
    db = Database.open(str(copy))
    try:
        actor = identity.authenticate(db, args.user, DEMO_PASSWORD)
        window = MainWindow(AppContext(db, actor))
        window.show()
        samples, ledger = window.show_view("samples"), window.show_view("ledger")
        csv = scratch / "import.csv"
        rows = ["sample,aliquot,mass,form,container"]
        for row in range(40_000):  # 2,000 new samples of 20 aliquots (mission numbers 7-9)
            sample = f"CE{7 + row // 200_000}Z{row // 20 % 10_000:04d}"
            rows.append(f"{sample},{sample}BNCH{row % 20:05d},{1 + row % 50} mg,powder,vial")
        csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
        export_path = scratch / "inventory.csv"
        samples.ask_import_path = lambda: str(csv)  # type: ignore[attr-defined]
        samples.ask_export_path = lambda: str(export_path)  # type: ignore[attr-defined]
        kinds: dict[str, Callable[[], None]] = {
            "verify": lambda: ledger.verify(),  # type: ignore[attr-defined]
            "export": lambda: samples.export_inventory(),  # type: ignore[attr-defined]
            "import": lambda: samples.import_csv(),  # type: ignore[attr-defined]
        }
        print(f"# {args.db}: {args.runs} runs each, Cancel pressed 0.2-1.0 s after the counts")
        print(
            "# work     dialog_shown_s  dialog_with_counts_s  cancel_to_stopped_s  "
            "longest_pause_s  (median/max)"
        )
        worst_ok = True
        for name, start in kinds.items():
            watches = [
                watch_run(window, start, 0.2 + 0.8 * run / max(args.runs - 1, 1))
                for run in range(args.runs)
            ]
            visible = [w.shown - w.started for w in watches if w.shown is not None]
            shown = [w.counted - w.started for w in watches if w.counted is not None]
            stopped = [w.ticks[-1] - w.pressed for w in watches if w.pressed is not None]
            pauses = [w.longest_pause() for w in watches]

            def cell(values: list[float]) -> str:
                if not values:
                    return "n/a"
                return f"{statistics.median(values):.3f}/{max(values):.3f}"

            print(
                f"{name:<9}  {cell(visible):<14}  {cell(shown):<20}  {cell(stopped):<19}  "
                f"{cell(pauses)}"
            )
            worst_ok &= bool(shown) and max(shown) <= TARGET_S
            worst_ok &= bool(stopped) and max(stopped) <= TARGET_S
        window.close()
        app.processEvents()
    finally:
        db.dispose()
        shutil.rmtree(scratch, ignore_errors=True)
    print("targets met" if worst_ok else "targets missed")
    return 0 if worst_ok else 1


if __name__ == "__main__":
    sys.exit(main())
