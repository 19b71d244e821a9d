"""Lunar Custody: chain of custody for loaned lunar samples."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("lunar-custody")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
