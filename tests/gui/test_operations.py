"""The operation runner (gui/operations.py): work off the GUI thread, progress with counts,
Cancel, refusals in plain words, bugs in the crash dialog, ``changed`` after a change, no
input to the windows meanwhile; and the native-crash trace offered at the next start."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import threading
import time
import weakref
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from lunar_custody import logfile
from lunar_custody.domain.errors import CustodyError, RuleViolation
from lunar_custody.domain.store import ProgressCallback, report_progress
from lunar_custody.gui import startup
from lunar_custody.gui.operations import Operations
from tests.gui.conftest import Messages

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def counting(steps: int, pause: float) -> tuple[list[int], object]:
    """Work that counts ``steps`` with a pause each, honouring Cancel; and what it reached."""
    reached: list[int] = []

    def work(progress: ProgressCallback) -> int:
        for step in range(1, steps + 1):
            time.sleep(pause)
            reached.append(step)
            report_progress(progress, step * 1000, steps * 1000, cancelled="stopped")
        return steps

    return reached, work


def test_work_runs_off_the_gui_thread_and_done_gets_its_result(
    window: QWidget, messages: Messages
) -> None:
    ops = Operations()
    changed: list[bool] = []
    ops.changed.connect(lambda: changed.append(True))
    threads: list[threading.Thread] = []
    results: list[str] = []

    def work(_progress: ProgressCallback) -> str:
        threads.append(threading.current_thread())
        return "written"

    assert ops.run(window, "Write", work, done=results.append)
    assert threads and threads[0] is not threading.main_thread()
    assert results == ["written"] and changed == [True]
    assert ops.value(window, "Write", work, changes=False) == "written"
    assert changed == [True]  # work that changed nothing does not make the views read again
    assert messages.shown == [] and ops.running == 0


def test_qt_objects_left_in_reference_cycles_are_destroyed_on_the_gui_thread(
    window: QWidget, messages: Messages
) -> None:
    """A closed dialog left in a reference cycle is freed by Python's cycle collector, on
    whichever thread allocates past the threshold; destroyed on the worker thread it
    crashed the program. While work runs, collection happens on the GUI thread only."""
    ops = Operations()
    destroyed_on: list[threading.Thread] = []

    def leave_garbage() -> None:  # on the GUI thread, while the work runs
        for _ in range(20):
            garbage = QObject()
            garbage.cycle = garbage  # type: ignore[attr-defined]  # only the collector frees it
            weakref.finalize(garbage, lambda: destroyed_on.append(threading.current_thread()))

    def allocating(_progress: ProgressCallback) -> int:
        time.sleep(0.1)  # the garbage is left meanwhile
        cycles = []
        for index in range(20 * gc.get_threshold()[0]):  # past every threshold
            cycle: list[object] = [index]
            cycle.append(cycle)
            cycles.append(cycle)
        time.sleep(0.2)  # the GUI thread's poll meanwhile
        return len(cycles)

    QTimer.singleShot(0, leave_garbage)
    assert ops.run(window, "Allocate", allocating)
    gc.collect()
    assert len(destroyed_on) == 20
    assert set(destroyed_on) == {threading.main_thread()} and gc.isenabled()
    assert messages.shown == []


def test_a_refusal_is_shown_in_its_own_words_and_nothing_is_announced(
    window: QWidget, messages: Messages
) -> None:
    ops = Operations()
    changed: list[bool] = []
    ops.changed.connect(lambda: changed.append(True))

    def refuse(_progress: ProgressCallback) -> None:
        raise RuleViolation("Loan L2026-0001 has a package under way.")

    assert not ops.run(window, "Close loan", refuse)
    assert messages.errors == ["Loan L2026-0001 has a package under way."]
    at_the_field: list[CustodyError] = []
    assert ops.value(window, "Close loan", refuse, refused=at_the_field.append) is None
    assert [str(error) for error in at_the_field] == ["Loan L2026-0001 has a package under way."]
    assert len(messages.errors) == 1 and changed == []


def test_a_bug_gets_the_crash_dialog_and_the_log_its_traceback(
    window: QWidget, messages: Messages
) -> None:
    ops = Operations()

    def broken(_progress: ProgressCallback) -> None:
        raise ZeroDivisionError("a bug")

    assert not ops.run(window, "Report", broken)
    assert [name for name, _, _ in messages.shown] == ["crashDialog"]
    assert "ZeroDivisionError: a bug" in logfile.log_path().read_text(encoding="utf-8")


def test_progress_shows_counts_and_cancel_stops_the_work(
    qtbot: QtBot, window: QWidget, messages: Messages
) -> None:
    ops = Operations()
    reached, work = counting(steps=400, pause=0.01)
    seen: list[str] = []

    def watch() -> None:
        dialog = window.findChild(QProgressDialog, "progressDialog")
        if (
            dialog is None
            or not dialog.isVisible()
            or "of 400,000 events" not in (dialog.labelText())
        ):
            QTimer.singleShot(20, watch)
            return
        bar = dialog.findChild(QProgressBar, "progressBar")
        assert bar is not None and bar.maximum() == 400_000 and 0 < bar.value() < 400_000
        seen.append(dialog.labelText())
        dialog.findChild(QPushButton).click()  # Cancel

    QTimer.singleShot(0, watch)
    assert not ops.run(window, "Count", work, label="Counting", unit="events")  # type: ignore[arg-type]
    assert seen and seen[0].startswith("Counting\n") and seen[0].endswith("of 400,000 events")
    assert messages.errors == ["Count cancelled."]
    assert len(reached) < 400  # stopped part-way
    stopped_at = len(reached)
    qtbot.wait(50)
    assert len(reached) == stopped_at  # and nothing runs on behind the screen
    assert window.findChild(QProgressDialog, "progressDialog") is None or not (
        window.findChild(QProgressDialog, "progressDialog").isVisible()
    )


def test_no_input_reaches_the_window_while_work_runs_but_timers_tick(
    qtbot: QtBot, window: QWidget, messages: Messages
) -> None:
    """Clicks are dropped, the window stays open, typed keys (a scanner's next code) wait
    until the work is over and then arrive in order."""
    field = QLineEdit(window)
    field.show()
    field.setFocus()
    button = QPushButton("Act", window)
    button.show()
    clicked: list[bool] = []
    button.clicked.connect(lambda: clicked.append(True))
    ops = Operations()
    ticks: list[int] = []
    ticker = QTimer()
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start(10)
    seen_meanwhile: list[str] = []

    def act_meanwhile() -> None:
        QTest.keyClicks(field, "CE5C0400")
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        window.close()
        seen_meanwhile.append(field.text())

    def work(_progress: ProgressCallback) -> None:
        time.sleep(0.3)

    QTimer.singleShot(50, act_meanwhile)
    assert ops.run(window, "Wait", work)
    ticker.stop()
    assert seen_meanwhile == [""] and clicked == [] and window.isVisible()
    assert len(ticks) >= 5  # the event loop went on
    qtbot.waitUntil(lambda: field.text() == "CE5C0400")  # the held keys, in order
    QTest.keyClicks(field, "-G1")  # and input goes straight through again
    assert field.text() == "CE5C0400-G1"


def test_work_that_finished_before_it_saw_cancel_is_done_not_cancelled(
    window: QWidget, messages: Messages
) -> None:
    """Cancel pressed after the work's last look at it: the work is done (an import is
    committed), and the person is not told it was cancelled."""
    ops = Operations()

    def work(progress: ProgressCallback) -> int:
        progress(0, 10)
        time.sleep(0.6)
        return 10

    def cancel() -> None:
        dialog = window.findChild(QProgressDialog, "progressDialog")
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, cancel)
            return
        dialog.findChild(QPushButton).click()

    QTimer.singleShot(0, cancel)
    assert ops.value(window, "Wait", work) == 10
    assert messages.errors == []


CRASHING_PROGRAM = textwrap.dedent(
    """
    import faulthandler
    from lunar_custody.logfile import enable_fault_log
    enable_fault_log()
    faulthandler._sigsegv()
    """
)


def test_a_native_crash_leaves_its_trace_and_the_next_start_offers_it(
    tmp_path: Path, messages: Messages
) -> None:
    crashed = subprocess.run(
        [sys.executable, "-c", CRASHING_PROGRAM], capture_output=True, text=True, timeout=60
    )
    assert crashed.returncode != 0
    trace = logfile.fault_log_path().read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in trace
    startup.offer_last_crash()
    assert [name for name, _, _ in messages.shown] == ["confirmDialog", "infoDialog"]
    assert "stopped unexpectedly" in messages.texts[0]
    log = logfile.log_path().read_text(encoding="utf-8")
    assert "native crash" in log and "Segmentation fault" in log
    assert logfile.fault_log_path().read_text(encoding="utf-8") == ""
    startup.offer_last_crash()  # asked once only
    assert len(messages.shown) == 2


def test_a_slow_service_call_shows_the_wait_cursor_not_a_dialog(
    window: QWidget, messages: Messages
) -> None:
    """Only long work (it counts its steps) gets the progress dialog: one flashing up over a
    slow signature would take the focus from the courier's next field."""
    field = QLineEdit(window)
    field.show()
    field.setFocus()
    seen: list[tuple[bool, bool]] = []

    def look() -> None:
        dialog = window.findChild(QProgressDialog, "progressDialog")
        shown = dialog is not None and dialog.isVisible()
        seen.append((shown, QApplication.overrideCursor() is not None))

    def work(_progress: ProgressCallback) -> str:
        time.sleep(0.6)
        return "signed"

    QTimer.singleShot(450, look)
    assert Operations().value(window, "Sign", work) == "signed"
    assert seen == [(False, True)]
    assert QApplication.overrideCursor() is None and field.hasFocus()
