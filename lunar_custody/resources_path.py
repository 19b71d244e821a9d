"""Where resources/ (icons, fonts, templates) are: in the source tree, or in a bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

RESOURCES_ENV = "LUNAR_CUSTODY_RESOURCES"


def resources_dir() -> Path:
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller unpacks data beside the program
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
