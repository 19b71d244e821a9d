"""Annual inventories: ``inventory start|scan|weigh|missing|certify|cancel|list|show|settings``."""

from __future__ import annotations

import argparse
import sys

from ..domain import inventory
from ..domain.masses import parse_mass
from ..domain.wording import counted
from .common import Commands, Session, command, common_options
from .output import cell, mass


def cmd_start(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    taken = inventory.start_inventory(s.db, actor, args.loan, note=args.note)
    view = inventory.show(s.db, taken.number)
    s.done(
        f"Inventory {view.number} of loan {view.loan_number} started: "
        f"{counted(view.expected, 'aliquot')} expected.",
        number=view.number,
        loan=view.loan_number,
        expected=view.expected,
    )
    return 0


def cmd_scan(args: argparse.Namespace, s: Session) -> int:
    """Numbers as arguments, or one a line on stdin (what a barcode scanner types)."""
    numbers = list(args.aliquots) or [line.strip() for line in sys.stdin if line.strip()]
    actor, _ = s.signer()
    scanned = inventory.scan_many(s.db, actor, args.number, numbers)

    def render() -> None:
        for r in scanned:
            s.say(f"{r.aliquot_number}: {r.outcome}{' (again)' if r.already else ''}")

    s.data(
        [{"aliquot": r.aliquot_number, "outcome": r.outcome, "again": r.already} for r in scanned],
        render,
    )
    return 0


def cmd_weigh(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    measured = parse_mass(args.mass, what="measured mass")
    inventory.weigh(s.db, actor, args.number, args.aliquot, measured)
    s.done(f"{args.aliquot} weighed {mass(measured)}.", aliquot=args.aliquot, measured_ug=measured)
    return 0


def cmd_missing(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    inventory.mark_missing(
        s.db, actor, args.number, args.aliquot, note=args.note, report_lost=args.as_ == "lost"
    )
    said = "reported lost" if args.as_ == "lost" else "missing (report it lost before certifying)"
    s.done(f"{args.aliquot}: {said}.", aliquot=args.aliquot, outcome="missing", report=args.as_)
    return 0


def cmd_certify(args: argparse.Namespace, s: Session) -> int:
    actor, credential = s.signer()
    certified = inventory.certify(
        s.db,
        actor,
        args.number,
        credential,
        missing_as_lost=args.missing_as_lost,
        missing_note=args.note,
    )
    s.done(
        f"Inventory {certified.number} certified and signed by {args.user}.",
        number=certified.number,
        status=certified.status,
    )
    return 0


def cmd_cancel(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    inventory.cancel(s.db, actor, args.number, reason=args.reason)
    s.done(f"Inventory {args.number} cancelled.", number=args.number, status="cancelled")
    return 0


def cmd_list(args: argparse.Namespace, s: Session) -> int:
    if args.overdue or args.due:
        owed = inventory.owed(s.db, overdue_only=args.overdue)
        s.data(
            owed,
            lambda: s.table(
                ["loan", "borrower", "PI", "anniversary", "overdue since", "overdue", "items out"],
                [
                    (
                        d.loan_number,
                        d.borrower,
                        d.pi_name,
                        d.anniversary,
                        d.overdue_since,
                        cell(d.overdue),
                        d.outstanding_items,
                    )
                    for d in owed
                ],
            ),
        )
        return 0
    rows = inventory.list_inventories(s.db, args.loan)
    s.data(
        rows,
        lambda: s.table(
            ["inventory", "loan", "borrower", "answers", "status", "started", "certified"],
            [
                (
                    r.number,
                    r.loan_number,
                    r.borrower,
                    r.due_on,
                    r.status,
                    r.started_at,
                    r.certified_at,
                )
                for r in rows
            ],
        ),
    )
    return 0


def cmd_show(args: argparse.Namespace, s: Session) -> int:
    if args.output:
        from ..documents import service
        from .documents import write_record_pdf

        return write_record_pdf(
            s, service.write_inventory_certificate, args.number, args.output, args.lang
        )
    view = inventory.show(s.db, args.number)
    s.data(view.as_json(), lambda: _print(s, view))
    return 0


def _print(s: Session, v: inventory.InventoryView) -> None:
    s.say(f"Inventory {v.number} of loan {v.loan_number} ({v.status})")
    s.say(f"Borrower:  {v.borrower}")
    s.say(f"PI:        {v.principal_investigator}")
    s.say(f"Answers:   {cell(v.due_on) if v.due_on else 'on demand'}")
    s.say(f"Started:   {cell(v.started_at)} by {v.started_by}")
    if v.certified_at:
        s.say(f"Certified: {cell(v.certified_at)} by {v.certified_by}")
    s.say(
        f"Expected {v.expected}: found {v.count('found')}, missing {v.count('missing')}, "
        f"not checked {v.count('pending')}; unexpected {v.count('unexpected')}"
    )
    s.say()
    s.table(
        ["aliquot", "expected", "outcome", "book mass", "measured", "resolution"],
        [
            (
                line.aliquot_number,
                cell(line.expected),
                line.outcome,
                mass(line.book_mass_ug),
                mass(line.measured_mass_ug),
                line.resolution or "-",
            )
            for line in v.lines
        ],
    )


def cmd_settings(args: argparse.Namespace, s: Session) -> int:
    if args.grace_days is None:
        days = inventory.grace(s.db)
    else:
        actor, _ = s.signer()
        days = inventory.set_grace_days(s.db, actor, args.grace_days)
    s.done(f"Grace period of an annual inventory: {days} days.", grace_days=days)
    return 0


def register(commands: Commands) -> None:
    group = commands.add_parser(
        "inventory",
        parents=[common_options(argparse.SUPPRESS)],
        help="annual inventories of what a borrower holds under a loan",
        description="Annual inventories: start one for a loan, scan or tick what is there, "
        "report what is missing as lost, and certify it (the PI signs). Without an action, "
        "lists them.",
    )
    group.set_defaults(handler=cmd_list, creates=False, overdue=False, due=False, loan=None)
    actions = group.add_subparsers(title="actions", metavar="ACTION")

    p = command(actions, "start", cmd_start, "start an inventory of a loan", signs=True)
    p.add_argument("loan")
    p.add_argument("--note", default="", help="kept with the inventory")

    p = command(
        actions,
        "scan",
        cmd_scan,
        "aliquots seen (as a barcode scanner types them; none given: one a line on stdin)",
        signs=True,
    )
    p.add_argument("number", help="the inventory")
    p.add_argument("aliquots", nargs="*")

    p = command(actions, "weigh", cmd_weigh, "the mass weighed at the inventory", signs=True)
    p.add_argument("number")
    p.add_argument("aliquot")
    p.add_argument("mass", help="e.g. 12.5mg or 12500ug")

    p = command(actions, "missing", cmd_missing, "an expected aliquot not found", signs=True)
    p.add_argument("number")
    p.add_argument("aliquot")
    p.add_argument("--note", required=True, help="what was searched, what is known")
    p.add_argument(
        "--as",
        dest="as_",
        choices=("lost", "unresolved"),
        default="lost",
        help="report it lost now (default), or leave it to resolve when certifying",
    )

    p = command(actions, "certify", cmd_certify, "the PI signs the inventory", signs=True)
    p.add_argument("number")
    p.add_argument(
        "--missing-as-lost",
        action="store_true",
        help="report the missing aliquots not yet reported lost, in the same transaction",
    )
    p.add_argument("--note", default="", help="the loss report's note for them")

    p = command(actions, "cancel", cmd_cancel, "abandon an open inventory", signs=True)
    p.add_argument("number")
    p.add_argument("--reason", required=True, help="why it is abandoned")

    p = command(actions, "list", cmd_list, "inventories, or the loans owing one")
    p.add_argument("--loan", help="of this loan only")
    p.add_argument("--overdue", action="store_true", help="loans whose inventory is overdue")
    p.add_argument("--due", action="store_true", help="loans owing one within 30 days or late")

    p = command(actions, "show", cmd_show, "an inventory with its lines, or its certificate")
    p.add_argument("number")
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write the signed inventory certificate as this PDF"
    )
    p.add_argument("--lang", metavar="en|zh|en,zh", help="the PDF's languages")

    p = command(
        actions,
        "settings",
        cmd_settings,
        "the grace period (an administrator changes it)",
        signs=True,
        signer_required=False,
    )
    p.add_argument("--grace-days", type=int, help="days after an anniversary before overdue")
