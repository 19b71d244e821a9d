"""Where resources/ (icons, fonts, templates) are: installed, in a bundle, or in the checkout.

resources/ stays at the top of the repository; the wheel ships it as the package
``lunar_custody.resources`` (the package-dir mapping in pyproject.toml and setup.py), and
build_spec.py puts it beside the bundle's program.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

RESOURCES_ENV = "LUNAR_CUSTODY_RESOURCES"
_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller unpacks data beside the program
    if bundle:
        return Path(bundle) / "resources"
    installed = _PACKAGE / "resources"  # an installed wheel
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "resources"  # a source checkout (an editable install)


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
