"""The database as a whole: verify the ledger, back up, restore, export."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from ..domain import export
from ..storage.backup import backup_database
from ..storage.integrity import verify_database
from .common import Commands, Session, command


def cmd_verify(args: argparse.Namespace, s: Session) -> int:
    def progress(done: int, total: int) -> None:
        if s.err.isatty():
            print(f"\r  {done:,} of {total:,} events", end="", file=s.err, flush=True)
        return None

    report = verify_database(s.db, progress, full=args.full)
    if s.err.isatty():
        print(file=s.err)
    s.data(
        {
            "ok": report.ok,
            "events": report.events,
            "aliquots": report.aliquots,
            "last_hash": report.last_hash,
            "first_bad_event": report.first_bad_event,
            "problems": report.problems,
        },
        lambda: s.say(report.summary()),
    )
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace, s: Session) -> int:
    # storage.restore loads Alembic, slow to import: only the commands that need it do.
    from ..storage.restore import backup_kind

    progress = _terminal_progress(s, "pages")
    copy = backup_database(s.db, Path(args.file), progress)
    if s.err.isatty():
        print(file=s.err)
    s.data(
        {"database": s.db.name, "backup": str(copy), "kind": backup_kind(copy)},
        lambda: s.say(
            f"Backed up {s.db.name} to {copy} ({backup_kind(copy)}). "
            f"Restore it with: lunar-custody restore {copy} --db ..."
        ),
    )
    return 0


def cmd_restore(args: argparse.Namespace, s: Session) -> int:
    # storage.restore loads Alembic, slow to import: only the commands that need it do.
    from ..storage.restore import restore_database

    result = restore_database(
        Path(args.file), args.db, replace=args.replace, progress=_terminal_progress(s, "rows")
    )
    if s.err.isatty():
        print(file=s.err)
    s.data(
        {
            "database": result.database,
            "kind": result.source_kind,
            "kept": str(result.kept) if result.kept else None,
            "ok": result.report.ok,
            "events": result.report.events,
            "problems": result.report.problems,
        },
        lambda: s.say(result.summary()),
    )
    return 0 if result.report.ok else 1


def _terminal_progress(s: Session, what: str) -> Callable[[int, int], None] | None:
    if not s.err.isatty():
        return None

    def progress(done: int, total: int) -> None:
        shown = f"{done:,} of {total:,}" if total else f"{done:,}"
        print(f"\r  {shown} {what}", end="", file=s.err, flush=True)

    return progress


def cmd_export(args: argparse.Namespace, s: Session) -> int:
    suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
    fmt = args.format or (suffix if suffix in ("csv", "json") else "json" if args.json else "csv")
    with ExitStack() as stack:
        out = s.out
        if args.output:
            out = stack.enter_context(open(args.output, "w", encoding="utf-8", newline=""))
        if args.what == "inventory":
            count = export.export_inventory(s.db, out, fmt)
        elif args.what == "loans":
            count = export.export_loans(s.db, out, fmt)
        else:
            count = export.export_custody(s.db, out, fmt, number=args.aliquot)
    if args.output:
        print(f"Wrote {count} rows to {args.output}.", file=s.err)
    return 0


def register(commands: Commands) -> None:
    p = command(
        commands,
        "verify",
        cmd_verify,
        "recompute the ledger and check the database; exit 1 naming the first bad event",
    )
    p.add_argument(
        "--full",
        action="store_true",
        help="SQLite: PRAGMA integrity_check (every index against its table, UNIQUE) instead "
        "of the quick check; slower on a large file",
    )

    p = command(
        commands,
        "backup",
        cmd_backup,
        "copy the database to FILE (SQLite: a database file; PostgreSQL: pg_dump, or an "
        "export without it)",
    )
    p.add_argument("file", metavar="FILE", help="the new file; an existing one is never replaced")

    p = command(
        commands,
        "restore",
        cmd_restore,
        "restore a backup into the database (checked first, verified after)",
    )
    p.add_argument("file", metavar="FILE", help="a SQLite copy, a pg_dump file or an export")
    p.add_argument(
        "--replace",
        action="store_true",
        help="replace the records the database holds (a copy of them is kept first)",
    )

    p = command(commands, "export", cmd_export, "export inventory, loans or chain of custody")
    p.add_argument("what", choices=["inventory", "loans", "custody"])
    p.add_argument("--format", choices=["csv", "json"])
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--aliquot", help="custody: only this aliquot's events")
