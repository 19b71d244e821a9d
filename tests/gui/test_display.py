"""Without a display, or without Qt's xcb libraries, the program says what is missing in words
and exits 1, instead of Qt's abort (a core dump)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lunar_custody.gui import display

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the display check is for Linux (X11, Wayland)"
)
X11_SOCKETS = Path("/tmp/.X11-unix")


def a_display_nobody_runs() -> str:
    """An X display number with no server behind it on this computer."""
    number = 87
    while (X11_SOCKETS / f"X{number}").exists():
        number += 1
    return f":{number}"


def open_the_window(
    environment: dict[str, str], tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    """``lunar-custody --db FILE`` (the workstation window) with these display settings."""
    base = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return subprocess.run(
        [sys.executable, "-m", "lunar_custody", "--db", str(tmp_path / "custody.db")],
        env={**base, **environment},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_without_a_display_the_program_says_so_and_exits_1(tmp_path: Path) -> None:
    done = open_the_window({}, tmp_path)

    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("lunar-custody: No display: neither DISPLAY nor WAYLAND_DISPLAY")
    assert "desktop session" in done.stderr
    assert not (tmp_path / "custody.db").exists()  # nothing was opened or made


def test_a_display_nobody_runs_is_named_in_words_not_a_core_dump(tmp_path: Path) -> None:
    where = a_display_nobody_runs()

    done = open_the_window({"QT_QPA_PLATFORM": "xcb", "DISPLAY": where}, tmp_path)

    assert done.returncode == 1, done.stderr  # not -6 (SIGABRT)
    # Which words depends on this computer: the xcb libraries first, then the display.
    missing = display.missing_xcb_libraries()
    if missing:
        assert "Qt cannot load its xcb platform plugin" in done.stderr
        assert f"sudo apt-get install {' '.join(sorted(set(missing.values())))}" in done.stderr
    else:
        assert f"Cannot connect to the display {where} (DISPLAY)" in done.stderr
    assert "core dumped" not in done.stderr and "Aborted" not in done.stderr


def test_wayland_asked_for_without_a_wayland_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "wayland")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)

    message = display.why_no_window()

    assert message is not None and message.startswith("No display: QT_QPA_PLATFORM asks for")


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "vnc:size=800x600"])
def test_a_platform_without_a_screen_needs_no_display(
    platform: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", platform)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)

    assert display.why_no_window() is None


def test_xcb_asked_for_without_display_names_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.delenv("DISPLAY", raising=False)

    message = display.why_no_window()

    assert message is not None and message.startswith("No display: DISPLAY is not set")


def test_each_missing_library_is_named_with_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", a_display_nobody_runs())
    libraries = {
        "libc.so.6": "libc6",  # always there
        "libxcb-not-installed.so.4": "libxcb-not-installed4",
        "libxcb-not-either.so.1": "libxcb-not-either1",
    }
    monkeypatch.setattr(display, "XCB_PLUGIN_LIBRARIES", libraries)

    message = display.why_no_window()

    assert message is not None
    assert (
        "the system libraries libxcb-not-installed.so.4 (package libxcb-not-installed4), "
        "libxcb-not-either.so.1 (package libxcb-not-either1) are missing" in message
    )
    assert "sudo apt-get install libxcb-not-either1 libxcb-not-installed4" in message
    assert 'README.md, "System libraries"' in message
    assert "libc6" not in message


def test_a_plugin_that_does_not_load_is_named_with_the_loaders_words(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", a_display_nobody_runs())
    monkeypatch.setattr(display, "missing_xcb_libraries", dict)
    (tmp_path / "libqxcb.so").write_bytes(b"not a shared library")
    monkeypatch.setenv("QT_QPA_PLATFORM_PLUGIN_PATH", str(tmp_path))

    message = display.why_no_window()

    assert message is not None
    assert message.startswith("Qt cannot load its xcb platform plugin")
    assert str(tmp_path / "libqxcb.so") in message


def test_a_display_nobody_runs_cannot_be_connected_to() -> None:
    assert display.can_connect_to_x_display(a_display_nobody_runs()) is False


def test_the_shipped_plugins_are_found() -> None:
    folders = display.platform_plugin_folders()

    assert any((folder / "libqoffscreen.so").exists() for folder in folders)
    assert display.plugin_load_error("libqoffscreen.so") is None


def test_a_wayland_session_with_its_plugin_needs_no_x_display(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setattr(display, "plugin_load_error", lambda plugin: None)

    assert display.why_no_window() is None


def test_a_wayland_display_outside_a_wayland_session_is_not_what_qt_uses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setenv("XDG_SESSION_TYPE", "tty")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")

    message = display.why_no_window()

    assert message is not None and message.startswith("No display: DISPLAY is not set")
