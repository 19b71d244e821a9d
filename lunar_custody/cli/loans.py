"""Loans: listing and reading them, drafting, signing, extending, closing, cancelling."""

from __future__ import annotations

import argparse

from ..domain import loans, queries
from ..domain.rules import AWAITING_DELIVERABLES
from ..domain.wording import counted
from .common import Commands, Session, command, iso_date
from .output import cell, mass


def cmd_loans(args: argparse.Namespace, s: Session) -> int:
    rows = (
        queries.overdue_loans(s.db)
        if args.overdue
        else queries.loans(
            s.db,
            status=None if args.status == AWAITING_DELIVERABLES else args.status,
            awaiting_deliverables_only=args.status == AWAITING_DELIVERABLES,
            search=args.search or "",
        )
    )
    s.data(
        rows,
        lambda: s.table(
            ["loan", "status", "borrower", "PI", "due", "items", "outstanding", "overdue"],
            [
                (
                    r.number,
                    r.display_state.replace("_", " ")
                    + (f" ({r.overdue_deliverables} owed late)" if r.overdue_deliverables else ""),
                    r.borrower_code,
                    r.principal_investigator,
                    r.due_on,
                    r.items,
                    r.outstanding_items,
                    r.overdue,
                )
                for r in rows
            ],
        ),
    )
    return 0


def cmd_loan(args: argparse.Namespace, s: Session) -> int:
    detail = queries.loan_detail(s.db, args.number)
    s.data(detail, lambda: _print_loan(s, detail))
    return 0


def _print_loan(s: Session, d: queries.LoanDetail) -> None:
    loan = d.summary
    state = loan.display_state.replace("_", " ")
    s.say(f"Loan {loan.number} ({state}{', OVERDUE' if loan.overdue else ''})")
    s.say(f"Lender:    {d.lender}")
    s.say(f"Borrower:  {loan.borrower}")
    s.say(f"PI:        {loan.principal_investigator}")
    if d.co_investigators:
        s.say(f"Co-investigators: {d.co_investigators}")
    s.say(f"Purpose:   {loan.purpose}")
    s.say(f"Period:    {loan.starts_on} to {loan.due_on}")
    s.say(f"Destructive analysis: {cell(loan.destructive_analysis_allowed)}")
    s.say()
    s.table(
        ["aliquot", "issued", "split off", "consumed", "lost", "returned", "outstanding"],
        [
            (
                i.aliquot_number,
                mass(i.issued_ug),
                mass(i.split_off_ug),
                mass(i.consumed_ug),
                mass(i.lost_ug),
                mass(i.returned_ug),
                mass(i.outstanding_ug),
            )
            for i in d.items
        ],
    )
    if d.deliverables:
        s.say()
        s.say("Deliverables:")
        for row in d.deliverables:
            s.say(f"  {row.id}. {row.title} ({row.kind}), due {row.due_on}: {row.status}")
    if d.signatures:
        s.say()
        s.say("Signatures:")
        for sig in d.signatures:
            s.say(
                f"  {sig.meaning}: {sig.printed_name} ({sig.institution_name}), "
                f"{cell(sig.signed_at)}, {sig.method}"
                + (f" — {sig.verdict}" if sig.verdict else "")
            )


def cmd_loan_create(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    loan = loans.create_loan(
        s.db,
        actor,
        borrower_code=args.borrower,
        principal_investigator=args.pi,
        purpose=args.purpose,
        starts_on=args.starts,
        due_on=args.due,
        destructive_analysis_allowed=args.destructive,
        co_investigators=args.co_investigators,
        notes=args.notes,
    )
    if args.items:
        loans.add_loan_items(s.db, actor, loan.number, args.items)
    s.data({"number": loan.number}, lambda: s.say(f"Loan {loan.number} drafted."))
    return 0


def cmd_loan_add(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    loans.add_loan_items(s.db, actor, args.loan, args.aliquots)
    s.done(
        f"Added {counted(len(args.aliquots), 'item')} to {args.loan}.",
        loan=args.loan,
        added=args.aliquots,
    )
    return 0


def cmd_loan_remove(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    loans.remove_loan_item(s.db, actor, args.loan, args.aliquot)
    s.done(f"Removed {args.aliquot} from {args.loan}.", loan=args.loan, removed=args.aliquot)
    return 0


def cmd_loan_approve(args: argparse.Namespace, s: Session) -> int:
    actor, credential = s.signer()
    loan = loans.approve_loan(s.db, actor, args.loan, credential)
    s.done(
        f"Loan {loan.number} approved and signed by {args.user}.",
        number=loan.number,
        status=loan.status,
    )
    return 0


def cmd_loan_countersign(args: argparse.Namespace, s: Session) -> int:
    actor, credential = s.signer()
    loan = loans.countersign_loan(s.db, actor, args.loan, credential)
    s.done(
        f"Loan {loan.number} countersigned by {args.user}; status {loan.status}.",
        number=loan.number,
        status=loan.status,
    )
    return 0


def cmd_loan_extend(args: argparse.Namespace, s: Session) -> int:
    actor, credential = s.signer()
    loan = loans.extend_loan(
        s.db, actor, args.loan, args.due, reason=args.reason, credential=credential
    )
    s.done(f"Loan {loan.number} now due {loan.due_on}.", number=loan.number, due_on=loan.due_on)
    return 0


def cmd_loan_close(args: argparse.Namespace, s: Session) -> int:
    actor, credential = s.signer()
    loan = loans.close_loan(s.db, actor, args.loan, credential)
    s.done(f"Loan {loan.number} closed.", number=loan.number, status=loan.status)
    return 0


def cmd_loan_cancel(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    loan = loans.cancel_loan(s.db, actor, args.loan, reason=args.reason)
    s.done(f"Loan {loan.number} cancelled.", number=loan.number, status=loan.status)
    return 0


def register(commands: Commands) -> None:
    p = command(commands, "loans", cmd_loans, "list loans")
    p.add_argument(
        "--status",
        choices=["draft", "approved", "active", AWAITING_DELIVERABLES, "closed", "cancelled"],
        help="only loans in this state",
    )
    p.add_argument("--overdue", action="store_true", help="only overdue active loans")
    p.add_argument("--search", help="loan number, borrower or PI contains this")

    p = command(commands, "loan", cmd_loan, "a loan with its items, reconciliation and signatures")
    p.add_argument("number")

    p = command(commands, "loan-create", cmd_loan_create, "draft a loan", signs=True)
    p.add_argument("--borrower", required=True, help="institution code")
    p.add_argument("--pi", required=True, help="principal investigator (user name)")
    p.add_argument("--purpose", required=True, help="what the samples are borrowed for")
    p.add_argument("--starts", required=True, type=iso_date, help="first day, e.g. 2026-01-15")
    p.add_argument("--due", required=True, type=iso_date, help="return due by, e.g. 2026-12-31")
    p.add_argument("--destructive", action="store_true", help="destructive analysis allowed")
    p.add_argument("--co-investigators", default="", help="their names, as on the agreement")
    p.add_argument("--notes", default="", help="anything else the agreement should say")
    p.add_argument(
        "--items",
        nargs="*",
        default=[],
        metavar="ALIQUOT",
        help="aliquots to lend (or loan-add later)",
    )

    p = command(commands, "loan-add", cmd_loan_add, "add items to a draft loan", signs=True)
    p.add_argument("loan")
    p.add_argument("aliquots", nargs="+")

    p = command(
        commands, "loan-remove", cmd_loan_remove, "remove an item from a draft loan", signs=True
    )
    p.add_argument("loan")
    p.add_argument("aliquot")

    p = command(
        commands,
        "loan-approve",
        cmd_loan_approve,
        "approve a loan (the lender signs)",
        signs=True,
    )
    p.add_argument("loan")

    p = command(
        commands,
        "loan-countersign",
        cmd_loan_countersign,
        "countersign a loan (the borrower signs)",
        signs=True,
    )
    p.add_argument("loan")

    p = command(commands, "loan-extend", cmd_loan_extend, "extend a loan's due date", signs=True)
    p.add_argument("loan")
    p.add_argument("due", type=iso_date)
    p.add_argument("--reason", required=True, help="why, kept with the signed extension")

    p = command(commands, "loan-close", cmd_loan_close, "close a reconciled loan", signs=True)
    p.add_argument("loan")

    p = command(
        commands, "loan-cancel", cmd_loan_cancel, "cancel a loan not yet shipped", signs=True
    )
    p.add_argument("loan")
    p.add_argument("--reason", required=True, help="why, kept in the audit trail")
