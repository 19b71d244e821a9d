"""Can a window be shown here? Asked before the QApplication is made.

Without a display, or without the system libraries of Qt's xcb platform plugin, Qt prints a
line about plugins and aborts the process (a core dump). On Linux the program asks first
and says in words what is missing: no DISPLAY / WAYLAND_DISPLAY, a display that cannot be
connected to, or the plugin's libraries with the Debian/Ubuntu packages that hold them
(README.md, "System libraries"). Other systems, and platforms that need no display
(QT_QPA_PLATFORM=offscreen, minimal, vnc, eglfs...), are not asked about.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from pathlib import Path

PLATFORM_VARIABLE = "QT_QPA_PLATFORM"
PLUGIN_PATH_VARIABLE = "QT_QPA_PLATFORM_PLUGIN_PATH"
XCB = "libqxcb.so"
WAYLAND = "libqwayland.so"
README_SECTION = 'README.md, "System libraries"'

# What Qt 6's xcb plugin (and the Qt libraries it pulls in) loads from the system, with the
# Debian 12 / Ubuntu package of each: `objdump -p libqxcb.so libQt6XcbQpa.so.6 libQt6Gui.so.6`.
XCB_PLUGIN_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}


def why_no_window() -> str | None:
    """None when Qt can show a window here; else what is missing and what to do, in words."""
    if not sys.platform.startswith("linux"):
        return None
    requested = requested_platform()
    if requested == "wayland":
        return _why_no_wayland_window()
    if requested not in ("", "xcb"):
        return None  # offscreen, minimal, vnc, eglfs, linuxfb...: no display to look for
    if not requested and in_a_wayland_session() and not plugin_load_error(WAYLAND):
        return None  # Qt takes wayland in a Wayland session, and xcb only if that fails
    display = os.environ.get("DISPLAY", "")
    if not display:
        neither = not requested and not os.environ.get("WAYLAND_DISPLAY")
        unset = "neither DISPLAY nor WAYLAND_DISPLAY is set" if neither else "DISPLAY is not set"
        return (
            f"No display: {unset}, so there is no screen to open the window on. Run Lunar "
            "Custody in a desktop session (or over ssh -X); the command-line commands work "
            "without one (lunar-custody --help)."
        )
    missing = missing_xcb_libraries()
    if missing:
        one = len(missing) == 1
        names = ", ".join(f"{library} (package {package})" for library, package in missing.items())
        return (
            "Qt cannot load its xcb platform plugin, which draws the window on X11: the system "
            f"{'library' if one else 'libraries'} {names} {'is' if one else 'are'} missing. "
            f"Install {'it' if one else 'them'} with: sudo apt-get install "
            f"{' '.join(sorted(set(missing.values())))} (what a desktop needs: {README_SECTION})."
        )
    plugin_error = plugin_load_error(XCB)
    if plugin_error:
        return (
            "Qt cannot load its xcb platform plugin, which draws the window on X11: "
            f"{plugin_error}. What a desktop needs: {README_SECTION}."
        )
    if not can_connect_to_x_display(display):
        return (
            f"Cannot connect to the display {display} (DISPLAY): no X server answers there, "
            "or this user may not use it (XAUTHORITY). Run Lunar Custody in a desktop "
            "session, or set DISPLAY to a display that is running."
        )
    return None


def requested_platform() -> str:
    """The platform plugin QT_QPA_PLATFORM asks for first (without its options), or ""."""
    requested = os.environ.get(PLATFORM_VARIABLE, "")
    return requested.split(";")[0].split(":")[0].strip().lower()


def in_a_wayland_session() -> bool:
    """Whether Qt, asked for no platform, tries wayland first: a Wayland session's variables."""
    session = os.environ.get("XDG_SESSION_TYPE", "").lower()
    return session == "wayland" and bool(os.environ.get("WAYLAND_DISPLAY"))


def _why_no_wayland_window() -> str | None:
    if not os.environ.get("WAYLAND_DISPLAY"):
        return (
            "No display: QT_QPA_PLATFORM asks for wayland but WAYLAND_DISPLAY is not set. "
            "Run Lunar Custody in a desktop session; the command-line commands work without "
            "one (lunar-custody --help)."
        )
    plugin_error = plugin_load_error(WAYLAND)
    if plugin_error:
        return (
            f"Qt cannot load its wayland platform plugin: {plugin_error}. Unset "
            f"QT_QPA_PLATFORM to use X11 (xcb), and see {README_SECTION}."
        )
    return None


def missing_xcb_libraries() -> dict[str, str]:
    """The xcb plugin's system libraries that cannot be loaded, with their packages."""
    missing: dict[str, str] = {}
    for library, package in XCB_PLUGIN_LIBRARIES.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing[library] = package
    return missing


def platform_plugin_folders() -> list[Path]:
    """Where Qt looks for its platform plugins: the folders the environment names, then
    PySide6's own (inside a bundle too)."""
    folders: list[Path] = []
    override = os.environ.get(PLUGIN_PATH_VARIABLE)
    if override:
        folders.append(Path(override))
    for entry in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep):
        if entry:
            folders.append(Path(entry) / "platforms")
    try:
        from PySide6.QtCore import QLibraryInfo
    except ImportError:
        return folders  # PySide6 itself is missing: the window's import says so
    plugins = QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)
    if plugins:
        folders.append(Path(plugins) / "platforms")
    return folders


def plugin_load_error(file_name: str) -> str | None:
    """Why the platform plugin ``file_name`` cannot be loaded (the loader's words); None when
    it loads, or when it is not found where we look (Qt may know better: it will say)."""
    for folder in platform_plugin_folders():
        plugin = folder / file_name
        if plugin.exists():
            try:
                ctypes.CDLL(str(plugin))
            except OSError as error:
                return str(error)
            return None
    return None


def can_connect_to_x_display(display: str) -> bool:
    """Whether an X server answers at ``display`` and lets us in (libxcb's own connect)."""
    try:
        xcb = ctypes.CDLL(ctypes.util.find_library("xcb") or "libxcb.so.1")
    except OSError:
        return True  # cannot ask; Qt will say
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.restype = ctypes.c_int
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.restype = None
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return connection is not None and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection is not None:
            xcb.xcb_disconnect(connection)
