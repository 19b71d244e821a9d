"""Deliverables (what a loan owes besides custody) and the return accounting (form F-75)."""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from ..domain import deliverables, queries
from ..domain.errors import ValidationError
from ..domain.loans import ReturnAccounting, ReturnLine
from .common import EXIT_USAGE, Commands, Session, command, common_options, iso_date
from .output import cell, mass


def cmd_list(args: argparse.Namespace, s: Session) -> int:
    rows = queries.loan_deliverables(s.db, args.loan)
    s.data(
        [row.as_json() for row in rows],
        lambda: s.table(
            ["id", "kind", "title", "due", "status", "by", "when", "reference"],
            [
                (
                    r.id,
                    r.kind,
                    r.title,
                    r.due_on,
                    r.status,
                    r.delivered_by or r.waived_by or "",
                    cell(r.delivered_at or r.waived_at),
                    r.reference or r.waiver_reason,
                )
                for r in rows
            ],
        ),
    )
    return 0


def cmd_add(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    made = deliverables.add_deliverable(
        s.db,
        actor,
        args.loan,
        kind=args.kind,
        title=args.title,
        due_on=args.due,
        description=args.description,
    )
    s.done(f"Deliverable {made} added to loan {args.loan}.", id=made, loan=args.loan)
    return 0


def file_sha256(path: str) -> str:
    """The SHA-256 of a delivered file (read here: the domain records only its digest)."""
    file = Path(path)
    if not file.is_file():
        raise ValidationError(f"There is no file {file}.")
    digest = hashlib.sha256()
    with file.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def cmd_deliver(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    sha = file_sha256(args.file) if args.file else None
    reference = args.reference or (Path(args.file).name if args.file else "")
    deliverables.deliver(s.db, actor, args.loan, args.id, reference=reference, file_sha256=sha)
    s.done(
        f"Deliverable {args.id} of loan {args.loan} recorded delivered.",
        id=args.id,
        loan=args.loan,
        file_sha256=sha,
    )
    return 0


def cmd_waive(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    deliverables.waive(s.db, actor, args.loan, args.id, reason=args.reason)
    s.done(f"Deliverable {args.id} of loan {args.loan} waived.", id=args.id, loan=args.loan)
    return 0


def accounting_json(accounting: ReturnAccounting) -> dict[str, object]:
    def line(row: ReturnLine) -> dict[str, object]:
        return {
            "aliquot_number": row.aliquot_number,
            "issued_ug": row.issued_ug,
            "split_ug": row.split_ug,
            "consumed_ug": row.consumed_ug,
            "lost_ug": row.lost_ug,
            "returned_ug": row.returned_ug,
            "accountable_ug": row.accountable_ug,
            "corrected_ug": row.corrected_ug,
            "children": list(row.children),
            "balances": row.balances,
        }

    return {
        "loan": accounting.loan_number,
        "lines": [line(row) for row in accounting.lines],
        "total": line(accounting.total),
        "balances": accounting.balances,
        "settled": accounting.settled,
    }


def cmd_accounting(args: argparse.Namespace, s: Session) -> int:
    if args.output:
        from ..documents import service
        from .documents import write_record_pdf

        return write_record_pdf(
            s, service.write_return_accounting, args.loan, args.output, args.lang
        )
    accounting = queries.loan_return_accounting(s.db, args.loan).accounting

    def show() -> None:
        s.say(f"Return accounting (form F-75) of loan {accounting.loan_number}")
        columns = ["aliquot", "issued", "split", "consumed", "lost", "returned", "accountable"]
        rows = [
            (
                r.aliquot_number + (f" (+{len(r.children)} split)" if r.children else ""),
                *(mass(v) for v in (r.issued_ug, r.split_ug, r.consumed_ug, r.lost_ug)),
                mass(r.returned_ug),
                mass(r.accountable_ug),
                (f"book mass corrected by {r.corrected_ug:+,} µg; " if r.corrected_ug else "")
                + ("" if r.balances else "DOES NOT BALANCE"),
            )
            for r in (*accounting.lines, accounting.total)
        ]
        rows[-1] = ("TOTAL", *rows[-1][1:])
        s.table([*columns, ""], rows)
        if not accounting.balances:
            s.say(
                "It does NOT balance: issued differs from consumed + lost + returned + accountable."
            )
        elif accounting.total.accountable_ug:
            s.say("It balances; material is still to be accounted for.")
        else:
            s.say("It balances to the microgram; nothing is left to account for.")

    s.data(accounting_json(accounting), show)
    return 0


def register(commands: Commands) -> None:
    group = commands.add_parser(
        "deliverables",
        parents=[common_options(argparse.SUPPRESS)],
        help="what a loan owes besides custody: publications, data reports, the F-75",
        description="Deliverables of a loan: list, add, record delivered, waive; and the "
        "return accounting (form F-75).",
    )
    group.set_defaults(handler=lambda args, s: _usage(group, s), creates=False)
    actions = group.add_subparsers(title="actions", metavar="ACTION")

    p = command(actions, "list", cmd_list, "a loan's deliverables and their state")
    p.add_argument("loan")

    p = command(actions, "add", cmd_add, "write down something more a loan owes", signs=True)
    p.add_argument("loan")
    p.add_argument("--kind", required=True, choices=deliverables.KINDS, help="what is owed")
    p.add_argument("--title", required=True, help="what is owed, e.g. 'Raman spectra'")
    p.add_argument("--due", required=True, type=iso_date, help="owed by, e.g. 2027-06-30")
    p.add_argument("--description", default="", help="anything more to say about it")

    p = command(actions, "deliver", cmd_deliver, "record a deliverable delivered", signs=True)
    p.add_argument("loan")
    p.add_argument("id", type=int, help="the deliverable's id (deliverables list)")
    p.add_argument("--reference", default="", help="a DOI, a file name, a report number")
    p.add_argument("--file", help="the delivered file: its SHA-256 is recorded")

    p = command(actions, "waive", cmd_waive, "release the borrower from a deliverable", signs=True)
    p.add_argument("loan")
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True, help="why, kept with the waiver")

    for where, name in ((actions, "accounting"), (commands, "return-accounting")):
        p = command(
            where, name, cmd_accounting, "the return accounting (form F-75) and whether it balances"
        )
        p.add_argument("loan")
        p.add_argument(
            "-o", "--output", metavar="FILE", help="write the signed form (F-75) as this PDF"
        )
        p.add_argument("--lang", metavar="en|zh|en,zh", help="the PDF's languages")


def _usage(parser: argparse.ArgumentParser, s: Session) -> int:
    parser.print_usage(s.err)
    print("lunar-custody deliverables: say which action (see --help).", file=s.err)
    return EXIT_USAGE
