"""The database as a whole: verify the ledger (against anchors too), write an anchor, read the
audit trail, back up, restore, export."""

from __future__ import annotations

import argparse
import os
import shutil
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from ..domain import anchors, export, queries
from ..domain.errors import DatabaseError, ValidationError
from ..domain.queries.audit import RECORD_NOUNS
from ..domain.wording import counted
from ..storage.backup import backup_database
from ..storage.integrity import verify_database
from ..whole_files import partial_path, remove_stale_partials, write_whole, writing_whole
from .common import Commands, Session, command


def cmd_verify(args: argparse.Namespace, s: Session) -> int:
    def progress(done: int, total: int) -> None:
        if s.err.isatty():
            print(f"\r  {done:,} of {total:,} events", end="", file=s.err, flush=True)
        return None

    # Every anchor file is read (and refused if damaged) before the long check starts.
    held = [_read_anchor(Path(name)) for name in args.anchor or ()]
    workers = None if args.workers is None else args.workers - 1
    report = verify_database(s.db, progress, full=args.full, workers=workers)
    if s.err.isatty():
        print(file=s.err)
    if held and not any(p.kind == "cancelled" for p in report.problems):
        report.problems.extend(anchors.anchor_problems(s.db, held))
    s.data(
        {
            "ok": report.ok,
            "events": report.events,
            "aliquots": report.aliquots,
            "last_hash": report.last_hash,
            "mode": report.mode,
            "mode_said": report.mode_said,
            "replayed_aliquots": report.replayed_aliquots,
            "first_bad_event": report.first_bad_event,
            "problems": report.problems,
            "anchors": [_anchor_data(anchor) for anchor in held],
        },
        lambda: s.say(_with_anchors(report.summary(), held, report.ok)),
    )
    return 0 if report.ok else 1


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("at least 1")
    return value


def _read_anchor(path: Path) -> anchors.Anchor:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError(f"Cannot read the anchor {path}: {error.strerror}.") from None
    return anchors.read_anchor(data, path.name)


def _anchor_data(anchor: anchors.Anchor) -> dict[str, object]:
    return {
        "file": anchor.source,
        "made_at": anchor.made_at,
        "institution": anchor.institution_code,
        "certificate": anchor.fingerprint,
        **anchor.heads.as_dict(),
    }


def _with_anchors(summary: str, held: list[anchors.Anchor], ok: bool) -> str:
    if not held:
        return summary
    names = ", ".join(f"{a.source} (event #{a.heads.ledger_seq})" for a in held)
    verdict = "checked" if ok else "checked (see above)"
    return f"{summary}\nAnchors {verdict}: {names}."


def cmd_anchor(args: argparse.Namespace, s: Session) -> int:
    path = Path(args.output)
    if path.exists():
        raise ValidationError(f"{path} exists already; an anchor never replaces a file.")
    if not path.parent.is_dir():
        raise ValidationError(f"There is no folder {path.parent} to write {path.name} in.")
    anchor = anchors.make_anchor(s.db)
    try:
        write_whole(path, anchor.to_json(), overwrite=False)
    except FileExistsError:
        raise ValidationError(f"{path} exists already; an anchor never replaces a file.") from None
    except OSError as error:
        raise ValidationError(f"Cannot write {path}: {error.strerror or error}.") from None
    heads = anchor.heads
    s.data(
        {"file": str(path), **_anchor_data(anchor)},
        lambda: s.say(
            f"Wrote the anchor {path}: the ledger ends at event #{heads.ledger_seq} "
            f"(SHA-256 {heads.ledger_hash}) and the audit trail at entry #{heads.audit_seq}, "
            f"signed by the {anchor.institution_code} institution key. Keep it away from this "
            f"database (another computer, a partner, paper); later check the database "
            f"against it with: lunar-custody verify --anchor {path}"
        ),
    )
    return 0


def cmd_backup(args: argparse.Namespace, s: Session) -> int:
    # storage.restore loads Alembic, slow to import: only the commands that need it do.
    from ..storage.restore import backup_kind

    progress = _terminal_progress(s, "pages")
    dest = Path(args.file)
    if dest.exists() and not args.overwrite:
        raise ValidationError(
            f"{dest} exists already; a backup replaces a file only with --overwrite. "
            "Nothing was written."
        )
    copy = _backup_over(s, dest, progress) if args.overwrite else _backup(s, dest, progress)
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


def _backup(s: Session, dest: Path, progress: Callable[[int, int], None] | None) -> Path:
    try:
        return backup_database(s.db, dest, progress)
    except DatabaseError:
        if dest.exists():  # it appeared meanwhile: a refusal, not an unusable database
            raise ValidationError(
                f"{dest} appeared while the backup was made; it was left as it is."
            ) from None
        raise


def _backup_over(s: Session, dest: Path, progress: Callable[[int, int], None] | None) -> Path:
    """A new copy made in a hidden folder beside ``dest``, then renamed over it in one step:
    the old file stays whole until the new one is (a killed run's folder goes next time)."""
    dest = Path(os.path.abspath(dest))
    remove_stale_partials(dest)
    staging = partial_path(dest)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        made = backup_database(s.db, staging / dest.name, progress)
        final = dest.with_name(made.name)  # an export gets its suffix (.lcexport)
        os.replace(made, final)
        return final
    finally:
        shutil.rmtree(staging, ignore_errors=True)


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
            # written whole or not at all: a run stopped part-way leaves no half a table
            partial = stack.enter_context(writing_whole(Path(args.output), overwrite=True))
            out = stack.enter_context(open(partial, "w", encoding="utf-8", newline=""))
        if args.what == "inventory":
            count = export.export_inventory(s.db, out, fmt)
        elif args.what == "loans":
            count = export.export_loans(s.db, out, fmt)
        else:
            count = export.export_custody(s.db, out, fmt, number=args.aliquot)
    if args.output:
        print(f"Wrote {counted(count, 'row')} to {args.output}.", file=s.err)
    return 0


def cmd_audit(args: argparse.Namespace, s: Session) -> int:
    lines = queries.audit_trail(s.db, table=args.table, record_id=args.id, limit=args.limit)

    def render() -> None:
        if args.raw:  # each entry in full, then as stored
            s.say("\n\n".join(line.text(raw=True) for line in lines) or "(none)")
            return
        s.table(
            ["#", "when", "by", "record", "change"],
            [(line.entry_id, line.when, line.by, line.record, line.change) for line in lines],
        )

    s.data(lines, render)
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
        help="replay every event and re-hash the whole chain, even when this computer holds "
        "a checkpoint of an earlier verify (the routine verify checks what changed since); "
        "SQLite: PRAGMA integrity_check (every index against its table, UNIQUE) instead of "
        "the quick check. Slower on a large database",
    )
    p.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="processes that check the ledger's and the audit trail's hashes, this one "
        "included (1: this process alone, one core; default: by the ledger's size)",
    )
    p.add_argument(
        "--anchor",
        action="append",
        metavar="FILE",
        help="an anchor file ('lunar-custody anchor'): check that the ledger and the audit "
        "trail still hold the heads it recorded (repeatable)",
    )

    p = command(
        commands,
        "anchor",
        cmd_anchor,
        "write a signed statement of the ledger's and the audit trail's current heads, to "
        "keep outside the database and check later with verify --anchor",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the anchor to write")

    p = command(
        commands,
        "audit",
        cmd_audit,
        "the latest changes to records (loans, transfers, people...), newest first, in words",
    )
    p.add_argument("--table", choices=sorted(RECORD_NOUNS), help="only this table's records")
    p.add_argument("--id", type=int, help="only the record with this id (with --table)")
    p.add_argument("--limit", type=int, default=50, help="how many entries (default 50)")
    p.add_argument(
        "--raw",
        action="store_true",
        help="each entry in full and as stored (table, record id, field, ids, JSON, UTC)",
    )

    p = command(
        commands,
        "backup",
        cmd_backup,
        "copy the database to FILE (SQLite: a database file; PostgreSQL: pg_dump, or an "
        "export without it)",
    )
    p.add_argument(
        "file",
        metavar="FILE",
        help="the new file; an existing one is refused (exit 1) unless --overwrite",
    )
    p.add_argument(
        "--overwrite",
        action="store_true",
        help="replace FILE if it exists (the old file stays whole until the new copy is)",
    )

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
    p.add_argument(
        "--format",
        choices=["csv", "json"],
        help="default: from the file's suffix, else json with --json, else csv",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--aliquot", help="custody: only this aliquot's events")
