"""What every command shares: the session it works with, the exit codes, how it registers."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, TextIO, TypeAlias

from ..domain import identity
from ..domain.errors import ValidationError
from ..domain.identity import Credential
from ..domain.masses import parse_mass
from ..domain.permissions import Actor
from ..storage.database import Database
from . import output
from .credentials import credential, own_credential, read_secret, signer_options

# Exit codes besides a CustodyError's own (1 refused, 3 database unusable).
EXIT_USAGE = 2
EXIT_BUG = 70

# What add_subparsers returns; argparse gives its type no public name.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
Handler: TypeAlias = Callable[[argparse.Namespace, "Session"], int]


class Session:
    """What a command works with: the open database, how to print, who is acting."""

    def __init__(self, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
        self.args = args
        self.out = out
        self.err = err
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = Database.open(self.args.db, create=getattr(self.args, "creates", False))
        return self._db

    @property
    def opened(self) -> bool:
        """Whether a handler has opened the database yet."""
        return self._db is not None

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()

    # ------------------------------------------------------------------ output

    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def data(self, value: Any, render: Callable[[], None]) -> None:
        """Print ``value`` as JSON with --json, else call ``render`` for people."""
        if self.args.json:
            output.write_json(value, self.out)
        else:
            render()

    def done(self, message: str, **fields: Any) -> None:
        """Report what a command did: the sentence for people, or with --json one object
        holding it as "message" beside ``fields`` (what a script needs next)."""
        self.data({"message": message, **fields}, lambda: self.say(message))

    def table(self, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        for line in output.table_lines(headers, rows):
            self.say(line)

    # ------------------------------------------------------------------ who acts

    def secret(self, path: str | None, prompt: str, *, option: str = "--password-file") -> str:
        """A password or PIN: the first line of ``path`` (given with ``option``), else typed
        at a prompt."""
        return read_secret(path, prompt, option)

    def signer(self) -> tuple[Actor, Credential]:
        """Sign in the person named by --user; their secret also signs what they do."""
        own = own_credential(self.args)
        return identity.authenticate(self.db, own.username, own.secret, own.method), own

    def other_signer(
        self, username: str, path: str | None, use_pin: bool, *, option: str
    ) -> Credential:
        """Another person's secret, from the file given with ``option`` or typed."""
        return credential(username, path, use_pin, option)


# ---------------------------------------------------------------------- registering


def common_options(default: object) -> argparse.ArgumentParser:
    """--db and --json, accepted before and after the command. The sub-commands' copies
    default to SUPPRESS so that they do not overwrite what was given before the command
    (separate copies: argparse shares action objects between a parent and its children)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=default,
        help="database file or postgresql+psycopg:// URL (default: $LUNAR_CUSTODY_DB, "
        "else lunar_custody.db in the user data directory)",
    )
    common.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if default is argparse.SUPPRESS else False,
        help="print data as JSON",
    )
    return common


def command(
    commands: Commands,
    name: str,
    handler: Handler,
    help: str,
    *,
    signs: bool = False,
    signer_required: bool = True,
    creates: bool = False,
) -> argparse.ArgumentParser:
    """Add the sub-command ``name``: --db and --json, and --user etc. when a person ``signs``
    (optional if not ``signer_required``); ``creates`` lets it make a new database."""
    parents = [common_options(argparse.SUPPRESS)]
    if signs:
        parents.append(signer_options(signer_required))
    sub = commands.add_parser(name, help=help, description=help, parents=parents)
    sub.set_defaults(handler=handler, creates=creates)
    return sub


def iso_date(text: str) -> date:
    """An argument type: a date like 2026-12-31."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-12-31") from None


def parse_aliquot_masses(pairs: list[str], what: str) -> list[tuple[str, int]]:
    """NUMBER=MASS arguments (--aliquot, --measured) as (aliquot number, micrograms)."""
    parsed = []
    for pair in pairs:
        number, sep, mass = pair.partition("=")
        if not sep:
            raise ValidationError(f"Give each {what} as NUMBER=MASS, e.g. 70017,125=250mg.")
        parsed.append((number.strip(), parse_mass(mass)))
    return parsed
