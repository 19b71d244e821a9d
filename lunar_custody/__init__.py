"""Lunar Custody: chain of custody for loaned lunar samples."""

from typing import Any


def __getattr__(name: str) -> Any:
    # __version__ is looked up when first asked for: importlib.metadata takes a noticeable
    # part of a short command's start-up.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("lunar-custody")
        except PackageNotFoundError:  # running from a source tree that was never installed
            found = "0.0.0"
        globals()["__version__"] = found
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
