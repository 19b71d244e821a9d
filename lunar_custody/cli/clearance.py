"""A loan's clearance checklist: list it, attest an item (with a file), waive an item."""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from ..domain import clearance, queries
from ..domain.errors import NotFoundError, ValidationError
from ..whole_files import write_whole
from .common import Commands, Session, command, iso_date
from .output import cell


def cmd_clearance_list(args: argparse.Namespace, s: Session) -> int:
    checklist = queries.clearance_list(s.db, args.loan)
    s.data(checklist.as_json(), lambda: _print_checklist(s, checklist))
    return 0


def _print_checklist(s: Session, checklist: queries.ClearanceList) -> None:
    loan = checklist.loan
    open_titles = checklist.open_titles
    state = "complete" if not open_titles else f"{len(open_titles)} open"
    s.say(f"Clearance of loan {loan.number} ({loan.status}): {state}")
    if not checklist.lines:
        s.say("No checklist: the loan was approved before clearance was recorded.")
        return
    rows = []
    for line in checklist.lines:
        if line.status == clearance.WAIVED:
            by, when, detail = line.waived_by, line.waived_at, f"waived: {line.waiver_reason}"
        else:
            by, when, detail = line.attested_by, line.attested_at, line.note
        file = f"{line.file_name} sha256:{line.file_sha256}" if line.file_name else ""
        rows.append((line.key, line.title, line.status, by, when, line.expires_on, file, detail))
    s.table(["key", "item", "status", "by", "when", "expires", "file", "note"], rows)
    if not checklist.recorded:
        s.say("(From the current template: recorded at the first attestation or waiver.)")


def _file(path: str | None) -> tuple[str | None, bytes | None]:
    if path is None:
        return None, None
    try:
        return Path(path).name, Path(path).read_bytes()
    except OSError as error:
        raise ValidationError(f"The file {path} cannot be read: {error.strerror}.") from None


def cmd_clearance_attest(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    name, content = _file(args.file)
    item = clearance.attest_item(
        s.db,
        actor,
        args.loan,
        args.key,
        note=args.note,
        file_name=name,
        file_content=content,
        expires_on=args.expires,
    )
    s.done(
        f"'{item.title}' of loan {args.loan} attested by {args.user}"
        + (f", file {item.file_name} sha256:{item.file_sha256}" if item.file_name else "")
        + (f", expires {item.expires_on}" if item.expires_on else "")
        + ".",
        loan=args.loan,
        key=item.key,
        status=item.status,
        file_sha256=item.file_sha256,
        expires_on=cell(item.expires_on) if item.expires_on else None,
    )
    return 0


def cmd_clearance_waive(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    item = clearance.waive_item(s.db, actor, args.loan, args.key, reason=args.reason)
    s.done(
        f"'{item.title}' of loan {args.loan} waived by {args.user}.",
        loan=args.loan,
        key=item.key,
        status=item.status,
    )
    return 0


def cmd_clearance_file(args: argparse.Namespace, s: Session) -> int:
    kept = queries.clearance_file(s.db, args.loan, args.key)
    if kept is None:
        raise NotFoundError(f"Item '{args.key}' of loan {args.loan} has no file.")
    name, content = kept
    target = Path(args.output)
    try:
        write_whole(target, content)
    except OSError as error:
        raise ValidationError(f"Cannot write {target}: {error.strerror or error}.") from None
    sha256 = hashlib.sha256(content).hexdigest()
    s.done(
        f"{name} of item '{args.key}' of loan {args.loan} written to {target} "
        f"({len(content):,} bytes, sha256:{sha256}).",
        loan=args.loan,
        key=args.key,
        file_name=name,
        path=str(target),
        file_sha256=sha256,
    )
    return 0


def cmd_clearance_usage(args: argparse.Namespace, s: Session) -> int:
    s.err.write("lunar-custody clearance: name one of list, attest, waive, file (see --help).\n")
    return 2


def register(commands: Commands) -> None:
    p = command(
        commands, "clearance", cmd_clearance_usage, "a loan's clearance checklist before approval"
    )
    nested = p.add_subparsers(title="clearance commands", metavar="ACTION")

    p = command(
        nested,
        "list",
        cmd_clearance_list,
        "the checklist of a loan, item by item",
        signs=True,
        signer_required=False,
    )
    p.add_argument("loan")

    p = command(
        nested,
        "attest",
        cmd_clearance_attest,
        "attest an item (lender's or borrower's curator or lab manager)",
        signs=True,
    )
    p.add_argument("loan")
    p.add_argument("key", help="the item's key, as 'clearance list' shows it")
    p.add_argument("--file", help="a document to keep with it (stored with its SHA-256)")
    p.add_argument("--expires", type=iso_date, help="its expiry date (permits, insurance)")
    p.add_argument("--note", default="", help="what was checked")

    p = command(
        nested, "waive", cmd_clearance_waive, "waive an item (the lender's curator)", signs=True
    )
    p.add_argument("loan")
    p.add_argument("key")
    p.add_argument("--reason", required=True, help="why, kept with the waiver")

    p = command(
        nested,
        "file",
        cmd_clearance_file,
        "write the file kept with an item, as it was attested (its SHA-256 printed)",
    )
    p.add_argument("loan")
    p.add_argument("key", help="the item's key, as 'clearance list' shows it")
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="where to write it")
