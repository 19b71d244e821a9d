"""The top of the command line: global options, the commands in the order --help lists
them, and the exit-code policy."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from .. import __version__
from ..domain.errors import CustodyError
from ..logfile import record_crash
from ..selftest import self_test
from . import (
    admin,
    clearance,
    database,
    deliverables,
    documents,
    exchange,
    inventory,
    keys,
    loans,
    receivers,
    reminders,
    samples,
    transfers,
    windows,
)
from .common import EXIT_BUG, Handler, Session, common_options

# Each feature module adds its own commands; this order is the order of --help.
FEATURES = (
    windows,
    admin,
    keys,
    exchange,
    database,
    samples,
    loans,
    clearance,
    receivers,
    inventory,
    deliverables,
    reminders,
    transfers,
    documents,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lunar-custody",
        description="Chain of custody for loaned lunar samples. Without a command, opens "
        "the workstation window.",
        parents=[common_options(None)],
    )
    parser.set_defaults(handler=windows.cmd_gui, creates=True)
    windows.add_language_option(parser)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation on a temporary database (demo, verify, the window "
        "offscreen) and exit",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for feature in FEATURES:
        feature.register(commands)
    return parser


def main(
    argv: list[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run one command; its exit code: 0 done, 1 refused, 2 usage, 3 database unusable,
    130 interrupted, 70 a bug (its traceback in the log file, never on the terminal)."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        return self_test(out, err)
    handler: Handler = args.handler
    session = Session(args, out, err)
    try:
        return handler(args, session)
    except CustodyError as error:
        print(f"lunar-custody: {error}", file=err)
        return error.exit_code
    except KeyboardInterrupt:
        print("lunar-custody: interrupted.", file=err)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:
        path = record_crash(error)
        print(
            f"lunar-custody: unexpected error ({type(error).__name__}); the details are in "
            f"{path}. Nothing was half written: each operation is one transaction.",
            file=err,
        )
        return EXIT_BUG
    finally:
        session.close()
