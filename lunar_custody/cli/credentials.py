"""Who acts: --user and the password or PIN that signs them in and signs what they do.

A secret is read from the first line of a file (--password-file and the like), typed at a
prompt on a terminal, or piped in by a script; never taken from the command line itself.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from ..domain.errors import ValidationError
from ..domain.identity import PASSWORD, PIN, Credential


def signer_options(required: bool = True) -> argparse.ArgumentParser:
    """--user, --password-file and --pin, for the commands a person signs (or, not
    ``required``, may sign to do more)."""
    signer = argparse.ArgumentParser(add_help=False)
    signer.add_argument("--user", required=required, help="who acts (and signs)")
    signer.add_argument(
        "--password-file",
        metavar="FILE",
        help="read the password (or PIN) from the first line of FILE instead of asking",
    )
    signer.add_argument("--pin", action="store_true", help="the secret is a courier's PIN")
    return signer


def read_secret(path: str | None, prompt: str, option: str = "--password-file") -> str:
    """A password or PIN: the first line of ``path``, else typed at a prompt (or piped in);
    ``option`` is how the command names the file, for the message when there is none."""
    if path:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise ValidationError(f"Cannot read {path}: {error.strerror}.") from None
        return lines[0] if lines else ""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()  # a script piping the secret in
    if not line:
        raise ValidationError(f"{prompt.rstrip(': ')} is needed: use {option} FILE.")
    return line.rstrip("\r\n")


def own_credential(args: argparse.Namespace) -> Credential:
    """The secret of the person named by --user (read before the database is opened)."""
    username = args.user
    if not username:
        raise ValidationError("Say who you are with --user NAME.")
    return credential(username, args.password_file, args.pin, "--password-file")


def credential(username: str, path: str | None, use_pin: bool, option: str) -> Credential:
    """The secret ``username`` signs with: a PIN with ``use_pin``, else a password."""
    method = PIN if use_pin else PASSWORD
    what = "PIN" if method == PIN else "Password"
    return Credential(username, read_secret(path, f"{what} for {username}: ", option), method)
