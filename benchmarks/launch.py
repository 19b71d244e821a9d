"""One launch of the workstation, in a fresh process, for ``run.py``.

    python -m benchmarks.launch --db PATH --user curator --password ...
    python -m benchmarks.launch --bare
    python -m benchmarks.launch --db PATH ... --views     # then each view's first paint

Does what ``lunar-custody`` does after the sign-in dialog (open the database, sign in with
``identity.authenticate``, build the AppContext and the MainWindow, show it), prints
``painted`` the moment the first paint event reaches the window, lets the event loop run a
moment longer (views load their first pages), then prints the peak resident memory (VmHWM) as JSON.
``--bare`` shows a bare QMainWindow holding an empty QTableView instead: the baseline.
The parent process times from starting this process to reading ``painted``.

``--views`` then switches to each view not shown yet, in the sidebar's order, and times
from the switch (the view is built and reads its records then) to the first paint inside
it; the JSON gains ``views``: {key: seconds}. With ``--bare`` the floor: switching a
QStackedWidget to a new QTableWidget of 200 rows.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

SETTLE_MS = 1000
BETWEEN_VIEWS_MS = 300  # a view's deferred work settles before the next switch
BARE_VIEWS = [f"table{n}" for n in range(5)]


class FirstPaint(QObject):
    """Reports the first paint of anything inside ``window``, then quits a little later."""

    def __init__(self, window: QWidget, then: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.window = window
        self.then = then or (lambda: QTimer.singleShot(SETTLE_MS, QApplication.quit))
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
            self.then()
        return False


class ViewPaints(QObject):
    """Switches to each view in turn and times the switch to the first paint inside it."""

    def __init__(self, switch: Callable[[str], QWidget], keys: list[str]) -> None:
        super().__init__()
        self.switch, self.keys = switch, list(keys)
        self.times: dict[str, float] = {}
        self.current: tuple[str, QWidget, float] | None = None

    def start(self) -> None:
        QTimer.singleShot(BETWEEN_VIEWS_MS, self.next)

    def next(self) -> None:
        if not self.keys:
            QApplication.quit()
            return
        key = self.keys.pop(0)
        started = time.perf_counter()
        self.current = (key, self.switch(key), started)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        current = self.current
        if (
            current is not None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and (watched is current[1] or current[1].isAncestorOf(watched))
        ):
            key, _, started = current
            self.times[key] = time.perf_counter() - started
            self.current = None
            QTimer.singleShot(BETWEEN_VIEWS_MS, self.next)
        return False


def bare_table(rows: int = 200, columns: int = 8) -> QTableWidget:
    table = QTableWidget(rows, columns)
    for row in range(rows):
        for column in range(columns):
            table.setItem(row, column, QTableWidgetItem(f"CE5C0400YJFM{row:05d}/{column}"))
    return table


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
    parser.add_argument("--views", action="store_true", help="then each view's first paint")
    args = parser.parse_args()
    switch: Callable[[str], QWidget]
    if args.bare:
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        stack = QStackedWidget()
        stack.addWidget(QTableView())
        window.setCentralWidget(stack)
        window.resize(1280, 800)
        db = None
        keys = BARE_VIEWS

        def switch(_key: str) -> QWidget:
            table = bare_table()
            stack.addWidget(table)
            stack.setCurrentWidget(table)
            return table
    else:
        from lunar_custody.domain import identity
        from lunar_custody.gui.context import AppContext
        from lunar_custody.gui.main_window import VIEW_KEYS, MainWindow
        from lunar_custody.gui.startup import application
        from lunar_custody.storage.database import Database

        app = application()
        db = Database.open(args.db, create=False)
        actor = identity.authenticate(db, args.user, args.password)
        main = MainWindow(AppContext(db, actor))
        window = main
        keys = [key for key in VIEW_KEYS if key not in main.views]

        def switch(key: str) -> QWidget:
            return main.show_view(key)

    views = ViewPaints(switch, keys) if args.views else None
    watcher = FirstPaint(window, views.start if views else None)
    app.installEventFilter(watcher)
    if views is not None:
        app.installEventFilter(views)
    window.show()
    app.exec()
    result: dict[str, object] = {"painted": watcher.seen, "peak_mb": peak_kb() / 1024}
    if views is not None:
        result["views"] = views.times
    print(json.dumps(result), flush=True)
    window.close()
    if db is not None:
        db.dispose()


if __name__ == "__main__":
    main()
