"""Long work (import, export, verify, a batch of PDFs) off the GUI thread, with a progress
dialog that can cancel, so that the window never stops repainting.

``run_task`` starts the work in a QThread and waits in a local event loop: the caller gets
the result (or the error, raised in the caller's thread) as if the call were synchronous,
while Qt keeps painting and the Cancel button keeps working.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..domain.errors import Cancelled
from ..domain.store import ProgressCallback

T = TypeVar("T")
# The domain's convention (store.ProgressCallback): progress(done, total) answers True when
# the person pressed Cancel (the work stops), None otherwise.
Progress = ProgressCallback


class _Worker(QObject, Generic[T]):
    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, work: Callable[[Progress], T]) -> None:
        super().__init__()
        self.work = work
        self.cancelled = False
        self.result: T | None = None
        self.error: BaseException | None = None

    def progress(self, done: int, total: int) -> bool | None:
        self.progressed.emit(done, total)
        return True if self.cancelled else None

    @Slot()
    def run(self) -> None:
        try:
            self.result = self.work(self.progress)
        except BaseException as error:  # handed to the GUI thread, raised there
            self.error = error
        finally:
            self.finished.emit()


def run_task(
    parent: QWidget | None,
    title: str,
    work: Callable[[Progress], T],
    *,
    label: str = "",
    minimum_duration_ms: int = 400,
) -> T:
    """Run ``work(progress)`` in a worker thread behind a cancellable progress dialog.

    Raises ``Cancelled`` when the person cancels (and the work honoured it), or the work's
    own error. ``work`` must not touch widgets: it runs in another thread.
    """
    dialog = QProgressDialog(label or title, "Cancel", 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(minimum_duration_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    worker: _Worker[T] = _Worker(work)
    thread = QThread()
    worker.moveToThread(thread)
    loop = QEventLoop()

    def on_progress(done: int, total: int) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        if label:
            dialog.setLabelText(f"{label}\n{done:,} of {total:,}" if total else label)

    def on_cancel() -> None:
        worker.cancelled = True
        dialog.setLabelText("Cancelling…")

    worker.progressed.connect(on_progress, Qt.ConnectionType.QueuedConnection)
    worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(on_cancel)
    thread.started.connect(worker.run)
    thread.start()
    try:
        loop.exec()
    finally:
        thread.quit()
        thread.wait()
        dialog.canceled.disconnect(on_cancel)  # closing a QProgressDialog emits canceled
        dialog.close()
        dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    if worker.cancelled:
        raise Cancelled(f"{title} cancelled.")
    return worker.result  # type: ignore[return-value]
