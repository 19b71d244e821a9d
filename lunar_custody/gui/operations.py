"""The one way a window runs a service call or long work (in the spirit of Anki's
CollectionOp)::

    ctx.ops.run(self, "Approve loan", lambda _: loans.approve(db, actor, number, secret),
                done=lambda loan: self.select(loan.number))

The work runs on a worker thread, where each service opens its own session. The GUI thread
waits in a local event loop that keeps painting and ticking timers but passes no input to the
windows, so nobody starts a second action half-way through the first: clicks and shortcuts
are dropped, typed keys are held and delivered afterwards (a barcode scanner types the next
code while the last one is looked up). Long work, which counts its steps through
``progress``, shows a progress dialog after ``PROGRESS_DELAY_MS`` with counts ("412,000 of
2,046,035 events") and a Cancel button; a service call that takes that long shows the wait
cursor.

The worker never touches a widget, not even through a signal per progress step: it writes its
counts into a ``_Progress`` that the GUI thread reads on a timer. (A flood of queued progress
signals into ``QProgressDialog.setValue``, which processes events itself when the dialog is
modal, re-entered painting and killed the window with a segmentation fault.) Nor does it
collect garbage: Python's cycle collector runs on whichever thread allocates past its
threshold, and a closed dialog or a timer left in a reference cycle would then be destroyed
on the worker thread, which crashed the program (seen while signing in on PostgreSQL). While
work runs, automatic collection is paused and the GUI thread's poll collects instead.

A refusal (a ``CustodyError``) is shown in plain words, by the error dialog or by the caller's
``refused`` (a form shows it beside its fields); a bug gets the crash dialog naming the log.
After work that changed records, ``changed`` tells every view to read again.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QProgressBar, QProgressDialog, QWidget

from ..domain.errors import Cancelled, CustodyError
from ..domain.store import ProgressCallback
from . import errors
from .locale_format import count_text
from .translation import Translator

_operations = Translator("_operations")

T = TypeVar("T")
Work = Callable[[ProgressCallback], T]

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 250  # long work shows its progress dialog after this
POLL_MS = 50  # how often the dialog reads the worker's counts

# What a person does to a window; swallowed while an operation runs (painting, timers and
# the progress dialog go on).
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.Shortcut,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.Wheel,
        QEvent.Type.ContextMenu,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletRelease,
        QEvent.Type.Drop,
    }
)


_KEYS = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease})


def _copy(event: QKeyEvent) -> QKeyEvent:
    """A key event to post later (Qt reuses the one it delivers)."""
    return QKeyEvent(
        event.type(),
        event.key(),
        event.modifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )


class _Progress:
    """Counts the worker writes and the GUI thread reads (plain attributes: no widget, no
    signal crosses the threads per step). ``report`` is the work's ``ProgressCallback``."""

    __slots__ = ("cancel_requested", "done", "reported", "total")

    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self.reported = False  # the work counts its steps: it is long work, with a dialog
        self.cancel_requested = False

    def report(self, done: int, total: int) -> bool | None:
        self.done, self.total, self.reported = done, total, True
        return True if self.cancel_requested else None


def _collect_when_due() -> None:
    """What Python's automatic collection would do at this point, here on the GUI thread:
    the oldest generation whose count passed its threshold (CPython's own rule)."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return
    generation = 2 if counts[2] > thresholds[2] else 1 if counts[1] > thresholds[1] else 0
    gc.collect(generation)


class _Worker(QThread, Generic[T]):
    def __init__(self, work: Work[T], progress: _Progress) -> None:
        super().__init__()
        self.work = work
        self.progress = progress
        self.result: T | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.work(self.progress.report)
        except BaseException as error:  # handed to the GUI thread
            self.error = error


class _InputBlocker(QObject):
    """Holds input back from every window but the progress dialog, and keeps windows open.

    Typed keys are kept, in order, for ``release`` to deliver once the work is over; the
    rest (clicks, wheels, shortcuts) is dropped: acting later on a click aimed at a screen
    that has changed meanwhile would be worse than ignoring it.
    """

    def __init__(self, dialog: QWidget) -> None:
        super().__init__()
        self.dialog = dialog
        self.held: list[tuple[QWidget, QKeyEvent]] = []

    def release(self) -> None:
        """Deliver the held keys to their widgets (those still there), in order."""
        held, self.held = self.held, []
        for widget, event in held:
            if shiboken6.isValid(widget):
                QCoreApplication.postEvent(widget, event)

    def _is_dialog(self, target: QObject) -> bool:
        if isinstance(target, QWindow):
            return target is self.dialog.windowHandle()
        return isinstance(target, QWidget) and (
            target is self.dialog or self.dialog.isAncestorOf(target)
        )

    def eventFilter(self, target: QObject, event: QEvent) -> bool:
        kind = event.type()
        blocked = kind in _INPUT_EVENTS or (
            kind == QEvent.Type.Close and isinstance(target, QWidget | QWindow)
        )
        if not blocked or self._is_dialog(target):
            return False
        if isinstance(event, QKeyEvent) and kind in _KEYS:
            if isinstance(target, QWindow):
                return False  # the window hands it to its focus widget: held there
            if isinstance(target, QWidget):
                self.held.append((target, _copy(event)))
        event.ignore()
        return True


class Operations(QObject):
    """Runs the work a window starts; ``changed`` after work that changed records."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.running = 0  # operations under way (nested ones count too)

    def run(
        self,
        parent: QWidget | None,
        title: str,
        work: Work[T],
        *,
        done: Callable[[T], Any] | None = None,
        refused: Callable[[CustodyError], Any] | None = None,
        label: str = "",
        unit: str = "",
        changes: bool = True,
    ) -> bool:
        """Run ``work(progress)`` off the GUI thread; True when it succeeded.

        On success ``changed`` is emitted (unless ``changes`` is False: work that only reads
        or writes a file), then ``done(result)`` is called on the GUI thread. A refusal goes
        to ``refused`` (default: the error dialog); a bug to the crash dialog. ``label`` and
        ``unit`` word the progress dialog: "Recomputing…\\n412,000 of 2,046,035 events".
        """
        try:
            result = self._execute(parent, title, work, label=label, unit=unit)
        except CustodyError as error:
            if refused is not None:
                refused(error)
            else:
                errors.show_error(parent, error)
            return False
        except Exception as error:  # a bug: the window stays usable, the log has it
            errors.show_crash(parent, error)
            return False
        if changes:
            self.changed.emit()
        if done is not None:
            try:
                done(result)
            except Exception as error:
                errors.show_error(parent, error)
                return False
        return True

    def value(
        self,
        parent: QWidget | None,
        title: str,
        work: Work[T],
        *,
        refused: Callable[[CustodyError], Any] | None = None,
        label: str = "",
        unit: str = "",
        changes: bool = True,
    ) -> T | None:
        """``run`` for a caller that goes on with the work's result: the result, or None when
        the work was refused, cancelled or failed (the person has been told)."""
        results: list[T] = []
        self.run(
            parent,
            title,
            work,
            done=results.append,
            refused=refused,
            label=label,
            unit=unit,
            changes=changes,
        )
        return results[0] if results else None

    def _execute(
        self, parent: QWidget | None, title: str, work: Work[T], *, label: str, unit: str
    ) -> T:
        progress = _Progress()
        worker: _Worker[T] = _Worker(work, progress)
        dialog = _progress_dialog(parent, title, label)
        blocker = _InputBlocker(dialog)
        loop = QEventLoop()
        started = time.monotonic()
        waiting: list[bool] = []  # the wait cursor is up

        def look() -> None:
            """Long work (it counts its steps) gets the progress dialog; a service call that
            takes a while only the wait cursor: a dialog flashing up would take the focus
            from where the person works (a courier's next field)."""
            _collect_when_due()
            if time.monotonic() - started < PROGRESS_DELAY_MS / 1000:
                return
            if progress.reported:
                if not dialog.isVisible():
                    dialog.show()
                _show_progress(dialog, progress, label or title, unit)
            elif not waiting:
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                waiting.append(True)

        poll = QTimer()
        poll.setInterval(POLL_MS)
        poll.timeout.connect(look)

        def cancel() -> None:
            progress.cancel_requested = True
            dialog.setLabelText(_operations.tr("Cancelling…"))
            dialog.setCancelButtonText(_operations.tr("Cancelling…"))

        dialog.canceled.connect(cancel)
        worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(blocker)
        self.running += 1
        collecting = gc.isenabled()  # False inside nested work: the outer run turns it back
        gc.disable()
        try:
            worker.start()
            poll.start()
            if not worker.isFinished():
                loop.exec()
        finally:
            worker.wait()
            if collecting:
                gc.enable()
            self.running -= 1
            poll.stop()
            if waiting:
                QApplication.restoreOverrideCursor()
            if app is not None:
                app.removeEventFilter(blocker)
            blocker.release()
            dialog.canceled.disconnect(cancel)  # closing a QProgressDialog emits canceled
            dialog.close()
            dialog.deleteLater()
        if isinstance(worker.error, Cancelled):
            log.info("%s: cancelled by the person at the screen", title)
            raise Cancelled(
                _operations.tr("{work} cancelled.").format(work=title)
            ) from worker.error
        if worker.error is not None:
            raise worker.error
        # Cancel pressed after the work's last look at it: the work is done (an import is
        # committed), and saying "cancelled" would be untrue.
        return worker.result  # type: ignore[return-value]


def _progress_dialog(parent: QWidget | None, title: str, label: str) -> QProgressDialog:
    """A progress dialog, hidden until the caller shows it.

    Its bar is our own so that the GUI thread sets it directly: ``QProgressDialog.setValue``
    would process events inside the caller (re-entrant painting).
    """
    dialog = QProgressDialog(label or title, _operations.tr("Cancel"), 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(
        Qt.WindowModality.WindowModal if parent is not None else Qt.WindowModality.ApplicationModal
    )
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    bar = QProgressBar(dialog)
    bar.setObjectName("progressBar")
    bar.setRange(0, 0)  # busy until the first count arrives
    bar.setTextVisible(False)
    dialog.setBar(bar)
    dialog.setMinimumWidth(420)
    # The dialog's own cancel() would hide it: only our handler answers (it says
    # "Cancelling…" until the work has stopped).
    dialog.canceled.disconnect(dialog.cancel)
    dialog.hide()
    return dialog


def _show_progress(dialog: QProgressDialog, progress: _Progress, label: str, unit: str) -> None:
    if progress.cancel_requested:
        return
    bar = dialog.findChild(QProgressBar, "progressBar")
    done, total = progress.done, progress.total
    if total > 0 and bar is not None:
        bar.setRange(0, total)
        bar.setValue(min(done, total))
        counted = (
            _operations.tr("{done} of {total} {unit}")
            .format(done=count_text(done), total=count_text(total), unit=unit)
            .rstrip()
        )

        dialog.setLabelText(f"{label}\n{counted}")
