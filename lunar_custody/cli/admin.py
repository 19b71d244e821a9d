"""Setting up: the lender and its first administrator, the demo data, institutions, users."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from ..domain import demo, keys, queries, registry
from ..domain.errors import RuleViolation, ValidationError
from ..domain.permissions import ROLES
from ..storage.database import Database, resolve_database_url
from ..storage.one_transaction import one_transaction
from ..whole_files import writing_whole
from .common import Commands, Session, command
from .exchange import demo_installations
from .windows import open_window


def cmd_init(args: argparse.Namespace, s: Session) -> int:
    password = s.secret(args.password_file, f"New password for {args.admin}: ")
    typed = not args.password_file and sys.stdin.isatty()
    if typed and getpass.getpass("Repeat it: ") != password:
        raise ValidationError("The two passwords differ; nothing was created.")
    admin = registry.bootstrap(
        s.db,
        lender_code=args.lender_code,
        lender_name=args.lender_name,
        lender_local_name=args.lender_local_name,
        country=args.country,
        address=args.address,
        admin_username=args.admin,
        admin_full_name=args.admin_name,
        admin_password=password,
        kind=args.kind,
    )
    info = keys.home_certificate_info(s.db)
    key_path = keys.key_file(info).path if info is not None else None

    def render() -> None:
        s.say(f"Created {s.db.name}: {args.lender_name} with the administrator {args.admin}.")
        if info is not None:
            s.say(f"Institution certificate: {info.short_fingerprint}")
            s.say(f"  its key file: {key_path} (keep it safe; not in the database)")

    s.data(
        {
            "database": s.db.name,
            "institution": admin.institution_code,
            "administrator": admin.username,
            "fingerprint": info.fingerprint if info is not None else None,
            "key_file": str(key_path) if key_path is not None else None,
        },
        render,
    )
    return 0


def cmd_demo(args: argparse.Namespace, s: Session) -> int:
    if args.installations:
        return demo_installations(args, s)
    target = make_url(resolve_database_url(args.db))
    path = (
        Path(target.database) if target.get_backend_name() == "sqlite" and target.database else None
    )
    fresh = path is not None and not path.exists()
    if args.open and not fresh and queries.has_users(s.db) and demo.is_demo(s.db):
        # Running the README's first command again just opens the demo already built.
        print(f"{s.db.name} already holds the demo data; opening it.", file=s.err)
        return open_window(s, args)
    progress = (lambda step: print(f"  {step}", file=s.err)) if s.err.isatty() else None
    if fresh and path is not None:
        try:
            summary = _build_demo_beside(path, progress)
        except FileExistsError:
            raise RuleViolation(
                f"{path} appeared while the demo was built; it was left as it is."
            ) from None
    else:
        # An existing file or a PostgreSQL database: built in place (refused if not empty),
        # in one transaction, so a run killed part-way leaves it empty for the next one.
        with one_transaction(s.db) as store:
            summary = demo.build_demo(store, progress=progress)
    users = [dataclasses.asdict(u) for u in demo.DEMO_USERS]
    s.data(
        {
            "database": s.db.name,
            "summary": summary,
            "users": users,
            "password": demo.DEMO_PASSWORD,
            "courier_pin": demo.DEMO_PIN,
        },
        lambda: _print_demo(s, summary),
    )
    if args.open:
        return open_window(s, args)
    return 0


def _build_demo_beside(path: Path, progress: Callable[[str], None] | None) -> demo.DemoSummary:
    """Build the demo in a new SQLite file beside ``path`` and move it into place whole:
    a run killed part-way leaves no half-made database to refuse the next one."""
    with writing_whole(path, overwrite=False) as partial:
        building = Database.open(str(partial), create=True)
        try:
            summary = demo.build_demo(building, progress=progress)
        finally:
            building.dispose()
        # The last connection has closed; fold any write-ahead log left into the file itself.
        folding = sqlite3.connect(partial)
        try:
            folding.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            folding.close()
    return summary


def _print_demo(s: Session, summary: Any) -> None:
    for line in summary.lines():
        s.say(line)
    s.say()
    s.say(f"Demo users (password {demo.DEMO_PASSWORD!r}; couriers' PIN {demo.DEMO_PIN!r}):")
    s.table(
        ["user", "name", "institution", "roles", "does"],
        [
            (u.username, u.full_name, u.institution_code, ", ".join(u.roles), u.does)
            for u in demo.DEMO_USERS
        ],
    )
    s.say()
    s.say(f"Database: {s.db.url if s.db.path is None else s.db.path}")


def cmd_institution_add(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    row = registry.create_institution(
        s.db,
        actor,
        code=args.code,
        name=args.name,
        kind=args.kind,
        local_name=args.local_name,
        country=args.country,
        address=args.address,
    )
    s.done(f"Institution {row.code} created.", code=row.code, kind=row.kind)
    return 0


def cmd_user_add(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    # A courier may come with a PIN only (the domain decides who may); else a password.
    password = (
        s.secret(
            args.new_password_file,
            f"Password for the new user {args.username}: ",
            option="--new-password-file",
        )
        if args.new_password_file or not args.new_pin_file
        else None
    )
    pin = s.secret(args.new_pin_file, "PIN: ") if args.new_pin_file else None
    row = registry.create_person(
        s.db,
        actor,
        username=args.username,
        full_name=args.full_name,
        institution_code=args.institution,
        roles=args.roles.split(","),
        password=password,
        pin=pin,
        email=args.email,
    )
    s.done(f"User {row.username} created.", username=row.username, roles=args.roles.split(","))
    return 0


def cmd_user_pin(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    pin = s.secret(args.new_pin_file, f"New PIN for {args.username}: ", option="--new-pin-file")
    registry.update_person(s.db, actor, args.username, pin=pin)
    s.done(f"{args.username} signs with the new PIN here from now on.", username=args.username)
    return 0


def register(commands: Commands) -> None:
    p = command(
        commands,
        "init",
        cmd_init,
        "create this installation's institution and its first administrator",
        creates=True,
    )
    p.add_argument(
        "--code",
        "--lender-code",
        dest="lender_code",
        metavar="CODE",
        required=True,
        help="short code of this installation's institution, e.g. CNSA or BROWN",
    )
    p.add_argument(
        "--name",
        "--lender-name",
        dest="lender_name",
        metavar="NAME",
        required=True,
        help="its name, e.g. 'Brown University'",
    )
    p.add_argument(
        "--local-name",
        "--lender-local-name",
        dest="lender_local_name",
        metavar="NAME",
        default="",
        help="its name in the local script",
    )
    p.add_argument(
        "--kind",
        default="lender",
        choices=list(registry.INSTITUTION_KINDS),
        help="what the institution is: a lender (the default), a borrower or a courier firm",
    )
    p.add_argument("--country", default="", help="its country")
    p.add_argument("--address", default="", help="its postal address")
    p.add_argument("--admin", required=True, help="user name of the first administrator")
    p.add_argument("--admin-name", required=True, help="full name of the first administrator")
    p.add_argument(
        "--password-file",
        metavar="FILE",
        help="read the administrator's password from the first line of FILE instead of asking",
    )

    p = command(
        commands,
        "demo",
        cmd_demo,
        "fill a new database with demo data (not real samples)",
        creates=True,
    )
    p.add_argument("--open", action="store_true", help="then open the workstation window")
    p.add_argument(
        "--installations",
        metavar="DIR",
        help="instead: three installations (DIR/cnsa.db, brown.db, sll.db) and the exchange "
        "files of a loan's journey between them (DIR/exchange)",
    )

    p = command(
        commands, "institution-add", cmd_institution_add, "create an institution", signs=True
    )
    p.add_argument("code")
    p.add_argument("name")
    p.add_argument(
        "--kind",
        required=True,
        choices=list(registry.INSTITUTION_KINDS),
        help="what it is: a lender, a borrower or a courier firm",
    )
    p.add_argument("--local-name", default="", help="its name in the local script")
    p.add_argument("--country", default="", help="its country")
    p.add_argument("--address", default="", help="its postal address")

    p = command(commands, "user-add", cmd_user_add, "create a user", signs=True)
    p.add_argument("username")
    p.add_argument("full_name")
    p.add_argument("--institution", required=True, help="institution code")
    p.add_argument("--roles", required=True, help=f"comma-separated: {', '.join(ROLES)}")
    p.add_argument("--email", default="", help="the person's e-mail address")
    p.add_argument(
        "--new-password-file",
        metavar="FILE",
        help="read the new user's password from the first line of FILE instead of asking "
        "(a courier given --new-pin-file needs none)",
    )
    p.add_argument(
        "--new-pin-file",
        metavar="FILE",
        help="read a courier's PIN (4-8 digits) from the first line of FILE",
    )

    p = command(
        commands,
        "user-pin",
        cmd_user_pin,
        "set or reset a person's PIN here (a partner's courier signs with it at our dock)",
        signs=True,
    )
    p.add_argument("username")
    p.add_argument("--new-pin-file", metavar="FILE", help="read the PIN (4-8 digits) from FILE")
