"""One launch of the workstation, in a fresh process, for ``run.py``.

    python -m benchmarks.launch --db PATH --user curator --password ...
    python -m benchmarks.launch --bare

Does what ``lunar-custody`` does after the sign-in dialog (open the database, sign in with
``identity.authenticate``, build the AppContext and the MainWindow, show it), prints
``painted`` the moment the first paint event reaches the window, lets the event loop run a
moment longer (views load their first pages), then prints the peak resident memory (VmHWM) as JSON.
``--bare`` shows a bare QMainWindow holding an empty QTableView instead: the baseline.
The parent process times from starting this process to reading ``painted``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QWidget

SETTLE_MS = 1000


class FirstPaint(QObject):
    """Reports the first paint of anything inside ``window``, then quits a little later."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.window = window
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.seen
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            self.seen = True
            print("painted", flush=True)
            QTimer.singleShot(SETTLE_MS, QApplication.quit)
        return False


def peak_kb() -> int:
    """This process's peak resident memory in kB.

    Linux's VmHWM belongs to the memory image started by exec; ru_maxrss would carry over
    the parent's peak (the benchmark runner's) into the child.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux, bytes on macOS


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    parser.add_argument("--user", default="curator")
    parser.add_argument("--password", default="")
    parser.add_argument("--bare", action="store_true")
    args = parser.parse_args()
    if args.bare:
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.setCentralWidget(QTableView())
        window.resize(1280, 800)
        db = None
    else:
        from lunar_custody.domain import identity
        from lunar_custody.gui.app import application
        from lunar_custody.gui.context import AppContext
        from lunar_custody.gui.main_window import MainWindow
        from lunar_custody.storage.database import Database

        app = application()
        db = Database.open(args.db, create=False)
        actor = identity.authenticate(db, args.user, args.password)
        window = MainWindow(AppContext(db, actor))
    watcher = FirstPaint(window)
    app.installEventFilter(watcher)
    window.show()
    app.exec()
    print(json.dumps({"painted": watcher.seen, "peak_mb": peak_kb() / 1024}), flush=True)
    window.close()
    if db is not None:
        db.dispose()


if __name__ == "__main__":
    main()
