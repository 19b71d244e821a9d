"""The desktop windows started from the command line: the workstation and the courier's."""

from __future__ import annotations

import argparse
import os

from ..storage.database import resolve_database_url
from .common import EXIT_USAGE, Commands, Session, command

EXIT_NO_WINDOW = 1  # refused, as a CustodyError is: this computer cannot show a window
LANGUAGE_HELP = (
    "the window's language, e.g. zh_CN or en, for this run (default: $LUNAR_CUSTODY_LANG, "
    "else Edit > Preferences, else the system's)"
)


def cmd_gui(args: argparse.Namespace, s: Session) -> int:
    return open_window(s, args)


def cmd_courier(args: argparse.Namespace, s: Session) -> int:
    return open_window(s, args, courier=True)


def open_window(s: Session, args: argparse.Namespace, *, courier: bool = False) -> int:
    """Run a window on the database until it closes; its exit code."""
    # Asked before Qt starts: without a display or its xcb libraries Qt aborts the process.
    from ..gui.display import why_no_window

    missing = why_no_window()
    if missing:
        print(f"lunar-custody: {missing}", file=s.err)
        return EXIT_NO_WINDOW
    # PySide6 is imported only here: it is slow to load, and without it (a server install)
    # every other command still works.
    try:
        if courier:
            from ..gui.courier import run_courier as run
        else:
            from ..gui.app import run_workstation as run
    except ImportError as error:
        print(
            f"The desktop window cannot start: {error}. The command-line commands still work "
            "(lunar-custody --help).",
            file=s.err,
        )
        return EXIT_USAGE
    language = getattr(args, "lang", None)
    if language:
        from ..gui.translation import LANGUAGE_ENV

        os.environ[LANGUAGE_ENV] = language  # read where the window starts, as if exported
    url = s.db.url if s.opened else resolve_database_url(args.db)
    s.close()
    return run(url)


def add_language_option(parser: argparse.ArgumentParser, default: object = None) -> None:
    """--lang: the window's language for this run (lunar-custody --lang zh_CN, or after gui
    or courier)."""
    parser.add_argument("--lang", metavar="LANGUAGE", default=default, help=LANGUAGE_HELP)


def register(commands: Commands) -> None:
    # SUPPRESS: a --lang given before the command is not overwritten by the command's default
    gui = command(commands, "gui", cmd_gui, "open the workstation window", creates=True)
    add_language_option(gui, argparse.SUPPRESS)
    courier = command(
        commands, "courier", cmd_courier, "open the courier window (full screen, for handoffs)"
    )
    add_language_option(courier, argparse.SUPPRESS)
