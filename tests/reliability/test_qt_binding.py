"""The Qt binding the program runs on must keep Python's own objects alive.

PySide6 6.12.0 on Python 3.11 loses a reference to None on every call of a method that
returns nothing (QLineEdit.setText, QWidget.update, QCoreApplication.postEvent...): after some
5,000 such calls the interpreter aborts ("deallocating None"). A workstation makes that many
in minutes, and the verify progress label did so within one run. pyproject.toml keeps that
version out; this test fails if an upgrade brings the fault back.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

CALLS = 20_000

PROGRAM = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QLineEdit

    app = QApplication([])
    field = QLineEdit()
    before = sys.getrefcount(None)
    for _ in range({CALLS}):
        field.setText("x")
        field.update()
        QCoreApplication.postEvent(
            field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)
        )
    app.processEvents()
    print(sys.getrefcount(None) - before)
    """
)


def test_methods_that_return_nothing_keep_none_alive() -> None:
    ran = subprocess.run(
        [sys.executable, "-c", PROGRAM],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert ran.returncode == 0, ran.stderr[-2000:]
    lost = -int(ran.stdout.strip().splitlines()[-1])
    assert lost < CALLS // 10, f"None lost {lost} references in {CALLS:,} calls"
