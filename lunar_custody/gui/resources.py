"""Icons from resources/icons (SVG, drawn for this program)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from ..resources_path import resource


@cache
def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
