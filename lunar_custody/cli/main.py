"""The top of the command line: global options, the commands in the order --help lists
them, and the exit-code policy."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any, NoReturn, TextIO

from ..domain.errors import CustodyError
from ..logfile import record_crash
from . import windows
from .common import EXIT_BUG, Handler, Session, common_options

# Each feature module adds its own commands, named here so that a run imports only the module
# of its command (importing every module took most of a short command's time); this order is
# the order of --help.
FEATURES: dict[str, tuple[str, ...]] = {
    "windows": ("gui", "courier"),
    "admin": ("init", "demo", "institution-add", "user-add", "user-pin"),
    "keys": ("keys",),
    "exchange": ("partners", "exchange"),
    "database": ("verify", "anchor", "audit", "backup", "restore", "export"),
    "samples": (
        "status",
        "history",
        "import",
        "register",
        "split",
        "consume",
        "report-lost",
        "correct",
    ),
    "loans": (
        "loans",
        "loan",
        "loan-create",
        "loan-add",
        "loan-remove",
        "loan-approve",
        "loan-countersign",
        "loan-extend",
        "loan-close",
        "loan-cancel",
    ),
    "clearance": ("clearance",),
    "receivers": ("receivers",),
    "inventory": ("inventory",),
    "deliverables": ("deliverables", "return-accounting"),
    "reminders": ("reminders",),
    "transfers": (
        "transfers",
        "discrepancies",
        "release",
        "return",
        "hand-over",
        "transcribe-handover",
        "receive",
        "resolve",
        "cancel-transfer",
    ),
    "documents": (
        "agreement",
        "custody-form",
        "manifest",
        "labels",
        "institution-languages",
        "verify-pdf",
    ),
}


def feature_module(feature: str) -> ModuleType:
    """The module of one of FEATURES (imported on first use)."""
    return importlib.import_module(f"{__package__}.{feature}")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line with every command; with ``only`` (a key of FEATURES), with only
    that feature's commands: enough to parse and run one of them (feature_run_by)."""
    parser = argparse.ArgumentParser(
        prog="lunar-custody",
        description="Chain of custody for loaned lunar samples. Without a command, opens "
        "the workstation window.",
        parents=[common_options(None)],
    )
    _add_global_options(parser)
    parser.set_defaults(handler=windows.cmd_gui, creates=True)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for feature in FEATURES:
        if only is None or feature == only:
            feature_module(feature).register(commands)
    return parser


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    """The options before any command, besides --db and --json (common_options)."""
    windows.add_language_option(parser)
    parser.add_argument(
        "--version", action=_PrintVersion, help="show program's version number and exit"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation on a temporary database (demo, verify, the window "
        "offscreen) and exit",
    )


class _PrintVersion(argparse.Action):
    """argparse's "version" action with the version looked up only when asked for."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        from .. import __version__

        print(f"{parser.prog} {__version__}")
        parser.exit()


class _Unparsed(Exception):
    """The probe cannot tell the command: the whole command line parses it and reports."""


class _ProbeParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _Unparsed(message)


def feature_run_by(argv: list[str] | None) -> str | None:
    """The feature (a key of FEATURES) whose command ``argv`` runs, found as the command
    line finds it (the same options before the command, so that e.g. the value of --db is
    never taken for a command): "windows" without a command (the window opens); None when
    help is asked before any command or the line does not parse (every feature is needed)."""
    probe = _ProbeParser(prog="lunar-custody", add_help=False, parents=[common_options(None)])
    _add_global_options(probe)
    probe.add_argument("-h", "--help", action="store_true", dest="wants_help")
    commands = probe.add_subparsers(dest="command")
    feature_of: dict[str, str] = {}
    for feature, names in FEATURES.items():
        for name in names:
            commands.add_parser(name, add_help=False)
            feature_of[name] = feature
    try:
        found, _rest = probe.parse_known_args(argv)
    except _Unparsed:
        return None
    if found.wants_help:
        return None
    return feature_of[found.command] if found.command else "windows"


def main(
    argv: list[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run one command; its exit code: 0 done, 1 refused, 2 usage, 3 database unusable,
    130 interrupted, 70 a bug (its traceback in the log file, never on the terminal)."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser(feature_run_by(argv))
    args = parser.parse_args(argv)
    if args.self_test:
        from ..selftest import self_test

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
