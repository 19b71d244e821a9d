"""Authorised receivers of a loan: `receivers LOAN` lists them, `receivers add LOAN USER --as
FUNCTION` and `receivers remove LOAN USER` change the list (domain/receivers.py)."""

from __future__ import annotations

import argparse

from ..domain import queries, receivers
from ..domain.errors import ValidationError
from .common import Commands, Session, command

_USAGE = (
    "Give a loan number (receivers L2026-0001), or add LOAN USER --as FUNCTION, "
    "or remove LOAN USER."
)


def cmd_receivers(args: argparse.Namespace, s: Session) -> int:
    words: list[str] = args.words
    if words[0] in ("add", "remove"):
        if len(words) != 3:
            raise ValidationError(_USAGE)
        return _change(args, s, words[0], words[1], words[2])
    if len(words) != 1:
        raise ValidationError(_USAGE)
    listed = queries.loan_receivers(s.db, words[0])
    s.data(listed, lambda: _print(s, listed))
    return 0


def _print(s: Session, listed: queries.LoanReceivers) -> None:
    s.say(f"Authorised receivers of loan {listed.loan_number}:")
    s.table(
        ["user", "name", "function", "institution", "added", "by"],
        [
            (r.username, r.full_name, r.function, r.institution, r.added_at, r.added_by)
            for r in listed.current
        ],
    )
    removed = [r for r in listed.history if r.removed_at is not None]
    if removed:
        s.say()
        s.say("Removed:")
        s.table(
            ["user", "name", "function", "removed", "by"],
            [(r.username, r.full_name, r.function, r.removed_at, r.removed_by) for r in removed],
        )


def _change(args: argparse.Namespace, s: Session, verb: str, loan: str, username: str) -> int:
    if not args.user:
        raise ValidationError("Say who changes the list with --user.")
    actor, _ = s.signer()
    if verb == "add":
        if not args.function:
            raise ValidationError('Say what the receiver is with --as, e.g. --as "co-official".')
        receivers.add_receiver(s.db, actor, loan, username, args.function)
        s.done(
            f"{username} is now an authorised receiver of loan {loan} ({args.function}).",
            loan=loan,
            added=username,
            function=args.function,
        )
    else:
        receivers.remove_receiver(s.db, actor, loan, username)
        s.done(
            f"{username} is no longer an authorised receiver of loan {loan}.",
            loan=loan,
            removed=username,
        )
    return 0


def register(commands: Commands) -> None:
    p = command(
        commands,
        "receivers",
        cmd_receivers,
        "a loan's authorised receivers: list them, add or remove one",
        signs=True,
        signer_required=False,
    )
    p.add_argument(
        "words",
        nargs="+",
        metavar="LOAN | add LOAN USER | remove LOAN USER",
        help="the loan to list, or add/remove, the loan and the receiver's user name",
    )
    p.add_argument(
        "--as",
        dest="function",
        default="",
        help='what the receiver is for the loan, e.g. "co-official" (with add)',
    )
