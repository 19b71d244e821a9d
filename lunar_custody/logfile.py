"""The log file: where the command line and the windows put what a person cannot act on.

Expected failures are shown in plain words; a bug's traceback goes here, and the message a
person sees names this file so that it can be sent to whoever maintains the program.
"""

from __future__ import annotations

import logging
import os
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from .storage.location import data_directory

LOG_ENV = "LUNAR_CUSTODY_LOG"
_handler: RotatingFileHandler | None = None


def log_path() -> Path:
    override = os.environ.get(LOG_ENV)
    return Path(override) if override else data_directory() / "logs" / "lunar-custody.log"


def configure_logging() -> Path:
    """Send informational messages and errors to the rotating log file."""
    global _handler
    path = log_path()
    root = logging.getLogger()
    if _handler is not None and Path(_handler.baseFilename) != path.absolute():
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    if _handler is None:
        path.parent.mkdir(parents=True, exist_ok=True)
        _handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(_handler)
        if root.level > logging.INFO or root.level == logging.NOTSET:
            root.setLevel(logging.INFO)
    return path


def record_crash(error: BaseException) -> Path:
    """Write the traceback of an unexpected error to the log; return the log's path."""
    path = configure_logging()
    logging.getLogger("lunar_custody").error(
        "Unexpected error:\n%s",
        "".join(traceback.format_exception(type(error), error, error.__traceback__)),
    )
    return path
