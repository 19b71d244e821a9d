"""The log file: where the command line and the windows put what a person cannot act on.

Expected failures are shown in plain words; a bug's traceback goes here, and the message a
person sees names this file so that it can be sent to whoever maintains the program.
"""

from __future__ import annotations

import atexit
import faulthandler
import logging
import os
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

from .storage.location import data_directory

LOG_ENV = "LUNAR_CUSTODY_LOG"
_handler: RotatingFileHandler | None = None
_fault_file: TextIO | None = None


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


def fault_log_path() -> Path:
    """Where a native crash (a segmentation fault in Qt, an abort) leaves Python's stacks.

    A file of its own beside the log: faulthandler writes to a file descriptor at the moment
    of the crash, and the rotating log's descriptor changes when it rolls over.
    """
    return log_path().with_name("lunar-custody-crash.log")


def enable_fault_log() -> Path:
    """From now on a native crash writes every thread's stack to ``fault_log_path()``."""
    global _fault_file
    path = fault_log_path()
    if _fault_file is None or Path(_fault_file.name) != path:
        path.parent.mkdir(parents=True, exist_ok=True)
        previous = _fault_file
        _fault_file = path.open("a", encoding="utf-8")
        if previous is not None:
            previous.close()
        else:
            atexit.register(_close_fault_log)
    faulthandler.enable(_fault_file, all_threads=True)
    return path


def _close_fault_log() -> None:
    """At exit: the file is closed rather than left to the interpreter's teardown."""
    global _fault_file
    if _fault_file is not None:
        faulthandler.disable()
        _fault_file.close()
        _fault_file = None


def take_last_crash() -> str:
    """What the last native crash wrote (empty if none), moved into the log file so that the
    next start does not ask again."""
    path = fault_log_path()
    try:
        trace = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""
    if trace:
        configure_logging()
        logging.getLogger("lunar_custody").error(
            "The previous run stopped with a native crash:\n%s", trace
        )
        with path.open("w", encoding="utf-8"):
            pass  # emptied: faulthandler keeps appending to the same file
    return trace
