"""The command line: the same service functions as the windows, for scripts and terminals.

``lunar-custody`` with no command opens the workstation window. Every command takes
``--db PATH_OR_URL`` (before or after the command name); commands whose output is data take
``--json``. Expected failures print one plain sentence on stderr and exit non-zero
(1 refused, 2 usage, 3 database); anything unexpected is logged and exits 70.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import glob
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy.engine import make_url

from . import __version__
from .domain import custody, identity, loans, queries, registry
from .domain.errors import CustodyError, ValidationError
from .domain.identity import PASSWORD, PIN, Credential
from .domain.masses import format_mass, parse_mass
from .domain.permissions import ROLES, Actor
from .storage.database import Database, resolve_database_url
from .storage.integrity import verify_database

EXIT_USAGE = 2
EXIT_BUG = 70

Handler = Callable[[argparse.Namespace, "Session"], int]


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

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()

    # ------------------------------------------------------------------ output

    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def data(self, value: Any, render: Callable[[], None]) -> None:
        """Print ``value`` as JSON with --json, else call ``render`` for people."""
        if self.args.json:
            json.dump(_plain(value), self.out, ensure_ascii=False, indent=2)
            self.out.write("\n")
        else:
            render()

    def table(self, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        cells = [[_cell(v) for v in row] for row in rows]
        widths = [len(h) for h in headers]
        for row in cells:
            widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
        line = "  ".join(f"{{:<{w}}}" for w in widths)
        self.say(line.format(*headers).rstrip())
        for row in cells:
            self.say(line.format(*row).rstrip())
        if not cells:
            self.say("(none)")

    # ------------------------------------------------------------------ who acts

    def secret(self, path: str | None, prompt: str) -> str:
        """A password or PIN: the first line of ``path``, else typed at a prompt."""
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
            raise ValidationError(f"{prompt.rstrip(': ')} is needed: use --password-file.")
        return line.rstrip("\r\n")

    def signer(self) -> tuple[Actor, Credential]:
        """Sign in the person named by --user; their secret also signs what they do."""
        username = self.args.user
        if not username:
            raise ValidationError("Say who you are with --user NAME.")
        method = PIN if self.args.pin else PASSWORD
        what = "PIN" if method == PIN else "Password"
        secret = self.secret(self.args.password_file, f"{what} for {username}: ")
        actor = identity.authenticate(self.db, username, secret, method)
        return actor, Credential(username, secret, method)

    def other_signer(self, username: str, path: str | None, use_pin: bool) -> Credential:
        method = PIN if use_pin else PASSWORD
        what = "PIN" if method == PIN else "Password"
        return Credential(username, self.secret(path, f"{what} for {username}: "), method)


# ---------------------------------------------------------------------- formatting


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).replace("\n", " ")


def _mass(value: int | None) -> str:
    return "-" if value is None else format_mass(value)


# ---------------------------------------------------------------------- setting up


def cmd_init(args: argparse.Namespace, s: Session) -> int:
    password = s.secret(args.password_file, f"New password for {args.admin}: ")
    typed = not args.password_file and sys.stdin.isatty()
    if typed and getpass.getpass("Repeat it: ") != password:
        raise ValidationError("The two passwords differ; nothing was created.")
    registry.bootstrap(
        s.db,
        lender_code=args.lender_code,
        lender_name=args.lender_name,
        lender_local_name=args.lender_local_name,
        country=args.country,
        address=args.address,
        admin_username=args.admin,
        admin_full_name=args.admin_name,
        admin_password=password,
    )
    s.say(f"Created {s.db.name}: {args.lender_name} with the administrator {args.admin}.")
    return 0


def cmd_demo(args: argparse.Namespace, s: Session) -> int:
    from .domain import demo

    if args.open and queries.has_users(s.db) and demo.is_demo(s.db):
        # Running the README's first command again just opens the demo already built.
        print(f"{s.db.name} already holds the demo data; opening it.", file=s.err)
        return _open_window(s, args)
    progress = (lambda step: print(f"  {step}", file=s.err)) if s.err.isatty() else None
    target = make_url(resolve_database_url(args.db))
    path = (
        Path(target.database) if target.get_backend_name() == "sqlite" and target.database else None
    )
    fresh = path is not None and not path.exists()
    try:
        summary = demo.build_demo(s.db, progress=progress)
    except BaseException:
        # A half-built demo would refuse a second attempt: a file made just now goes away.
        if fresh and path is not None:
            s.close()
            for leftover in (path, *path.parent.glob(glob.escape(path.name) + "-*")):
                leftover.unlink(missing_ok=True)
        raise
    users = [dataclasses.asdict(u) for u in demo.DEMO_USERS]
    s.data(
        {
            "database": s.db.name,
            "summary": summary,
            "users": users,
            "password": demo.DEMO_PASSWORD,
            "courier_pin": demo.DEMO_PIN,
        },
        lambda: _print_demo(s, summary, demo),
    )
    if args.open:
        return _open_window(s, args)
    return 0


def _print_demo(s: Session, summary: Any, demo: Any) -> None:
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


def cmd_import(args: argparse.Namespace, s: Session) -> int:
    from .domain.importer import import_samples

    actor, _ = s.signer()
    result = import_samples(s.db, actor, Path(args.file))
    s.data(
        result,
        lambda: s.say(
            f"Imported {result.samples} samples and {result.aliquots} aliquots "
            f"({format_mass(result.total_mass_ug)}) from {args.file}; "
            f"{result.without_mass} samples without mass catalogued without an aliquot, "
            f"{result.skipped_blank} blank rows skipped."
        ),
    )
    return 0


def cmd_export(args: argparse.Namespace, s: Session) -> int:
    from .domain import export

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


# ---------------------------------------------------------------------- reading


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
    from .storage.backup import backup_database
    from .storage.restore import backup_kind

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
    from .storage.restore import restore_database

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


def cmd_status(args: argparse.Namespace, s: Session) -> int:
    status = queries.aliquot_status(s.db, args.number)
    s.data(status, lambda: _print_status(s, status))
    return 0


def _print_status(s: Session, a: queries.AliquotStatus) -> None:
    holder = a.courier if a.status == "in_transit" else a.custodian_person
    rows: list[tuple[str, object]] = [
        ("Aliquot", a.number),
        ("Sample", a.sample_number),
        ("Parent", a.parent_number),
        ("Children", ", ".join(a.children) or None),
        ("Status", a.status_label),
        ("Held by", f"{a.custodian_institution or '-'} / {holder or '-'}"),
        ("Loan", a.loan_number),
        ("Transfer", a.transfer_number),
        ("Form", a.form or None),
        ("Container", a.container or None),
        ("Seal", a.seal_number or None),
        ("Current mass", _mass(a.current_mass_ug)),
        ("Initial mass", _mass(a.initial_mass_ug)),
        ("In children", _mass(a.children_mass_ug)),
        ("Consumed", _mass(a.consumed_mass_ug)),
        ("Lost", _mass(a.lost_mass_ug)),
        ("Last event", f"#{a.last_event_id}" if a.last_event_id else None),
    ]
    for label, value in rows:
        s.say(f"{label + ':':<14}{_cell(value)}")


def cmd_history(args: argparse.Namespace, s: Session) -> int:
    rows = queries.history(s.db, args.number, with_ancestors=args.ancestors)
    s.data(
        rows,
        lambda: s.table(
            ["#", "when", "event", "aliquot", "mass", "by", "custodian", "courier", "note"],
            [
                (
                    r.id,
                    r.occurred_at,
                    r.label,
                    r.aliquot_number,
                    _mass(r.mass_ug),
                    r.actor,
                    r.custodian,
                    r.courier,
                    r.note,
                )
                for r in rows
            ],
        ),
    )
    return 0


def cmd_loans(args: argparse.Namespace, s: Session) -> int:
    rows = (
        queries.overdue_loans(s.db)
        if args.overdue
        else queries.loans(s.db, status=args.status, search=args.search or "")
    )
    s.data(
        rows,
        lambda: s.table(
            ["loan", "status", "borrower", "PI", "due", "items", "outstanding", "overdue"],
            [
                (
                    r.number,
                    r.status,
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
    s.say(f"Loan {loan.number} ({loan.status}{', OVERDUE' if loan.overdue else ''})")
    s.say(f"Lender:    {d.lender}")
    s.say(f"Borrower:  {loan.borrower}")
    s.say(f"PI:        {loan.principal_investigator}")
    if d.co_investigators:
        s.say(f"Co-investigators: {d.co_investigators}")
    s.say(f"Purpose:   {loan.purpose}")
    s.say(f"Period:    {loan.starts_on} to {loan.due_on}")
    s.say(f"Destructive analysis: {_cell(loan.destructive_analysis_allowed)}")
    s.say()
    s.table(
        ["aliquot", "issued", "split off", "consumed", "lost", "returned", "outstanding"],
        [
            (
                i.aliquot_number,
                _mass(i.issued_ug),
                _mass(i.split_off_ug),
                _mass(i.consumed_ug),
                _mass(i.lost_ug),
                _mass(i.returned_ug),
                _mass(i.outstanding_ug),
            )
            for i in d.items
        ],
    )
    if d.signatures:
        s.say()
        s.say("Signatures:")
        for sig in d.signatures:
            s.say(
                f"  {sig.meaning}: {sig.printed_name} ({sig.institution_name}), "
                f"{_cell(sig.signed_at)}, {sig.method}"
            )


def cmd_transfers(args: argparse.Namespace, s: Session) -> int:
    rows = queries.transfers(s.db, status=args.status, courier=args.courier)
    s.data(
        rows,
        lambda: s.table(
            [
                "transfer",
                "kind",
                "status",
                "from",
                "to",
                "receiver",
                "courier",
                "items",
                "legs",
                "released",
            ],
            [
                (
                    r.number,
                    r.kind,
                    r.status,
                    r.from_institution,
                    r.to_institution,
                    r.receiver,
                    r.courier,
                    r.items,
                    r.legs,
                    r.released_at,
                )
                for r in rows
            ],
        ),
    )
    return 0


def cmd_discrepancies(args: argparse.Namespace, s: Session) -> int:
    rows = queries.discrepancies(s.db, open_only=not args.all)
    s.data(
        rows,
        lambda: s.table(
            ["id", "transfer", "aliquot", "kind", "expected", "measured", "raised", "resolution"],
            [
                (
                    r.id,
                    r.transfer_number,
                    r.aliquot_number,
                    r.kind,
                    _mass(r.expected_mass_ug),
                    _mass(r.measured_mass_ug),
                    r.raised_at,
                    r.resolution or "OPEN",
                )
                for r in rows
            ],
        ),
    )
    return 0


# ---------------------------------------------------------------------- acting


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
    s.say(f"Institution {row.code} created.")
    return 0


def cmd_user_add(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    password = s.secret(args.new_password_file, f"Password for the new user {args.username}: ")
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
    s.say(f"User {row.username} created.")
    return 0


def _parse_aliquot_masses(pairs: list[str], what: str) -> list[tuple[str, int]]:
    parsed = []
    for pair in pairs:
        number, sep, mass = pair.partition("=")
        if not sep:
            raise ValidationError(f"Give each {what} as NUMBER=MASS, e.g. 70017,125=250mg.")
        parsed.append((number.strip(), parse_mass(mass)))
    return parsed


def cmd_register(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    aliquots = [
        registry.NewAliquot(number, mass, form=args.form, container=args.container)
        for number, mass in _parse_aliquot_masses(args.aliquot, "aliquot")
    ]
    sample = registry.register_sample(
        s.db,
        actor,
        registry.NewSample(
            number=args.sample,
            original_mass_ug=parse_mass(args.mass) if args.mass else None,
            mission=args.mission,
            description=args.description,
            aliquots=aliquots,
        ),
    )
    s.say(f"Sample {sample.number} registered with {len(aliquots)} aliquot(s).")
    return 0


def cmd_split(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    children = registry.split_aliquot(
        s.db, actor, args.number, [parse_mass(m) for m in args.masses]
    )
    s.data(
        [c.number for c in children],
        lambda: s.say(
            "Split into " + ", ".join(f"{c.number} ({_mass(c.initial_mass_ug)})" for c in children)
        ),
    )
    return 0


def cmd_consume(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    row = registry.consume(s.db, actor, args.number, parse_mass(args.mass), note=args.note)
    s.say(f"{row.number}: {_mass(row.current_mass_ug)} left.")
    return 0


def cmd_report_lost(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    row = registry.report_lost(s.db, actor, args.number, note=args.note)
    s.say(f"{row.number} reported lost ({_mass(row.lost_mass_ug)}).")
    return 0


def cmd_correct(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    delta = args.delta.strip()
    sign = -1 if delta.startswith("-") else 1
    event = registry.correct_event(
        s.db,
        actor,
        args.event,
        note=args.note,
        mass_delta_ug=sign * parse_mass(delta.lstrip("+-")),
    )
    s.say(f"Event #{event.id} corrects event #{args.event}.")
    return 0


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
    s.say(f"Added {len(args.aliquots)} item(s) to {args.loan}.")
    return 0


def cmd_loan_remove(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    loans.remove_loan_item(s.db, actor, args.loan, args.aliquot)
    s.say(f"Removed {args.aliquot} from {args.loan}.")
    return 0


def cmd_loan_approve(args: argparse.Namespace, s: Session) -> int:
    actor, credential = s.signer()
    loan = loans.approve_loan(s.db, actor, args.loan, credential)
    s.say(f"Loan {loan.number} approved and signed by {args.user}.")
    return 0


def cmd_loan_countersign(args: argparse.Namespace, s: Session) -> int:
    actor, credential = s.signer()
    loan = loans.countersign_loan(s.db, actor, args.loan, credential)
    s.say(f"Loan {loan.number} countersigned by {args.user}; status {loan.status}.")
    return 0


def cmd_loan_extend(args: argparse.Namespace, s: Session) -> int:
    actor, credential = s.signer()
    loan = loans.extend_loan(
        s.db, actor, args.loan, args.due, reason=args.reason, credential=credential
    )
    s.say(f"Loan {loan.number} now due {loan.due_on}.")
    return 0


def cmd_loan_close(args: argparse.Namespace, s: Session) -> int:
    actor, credential = s.signer()
    loan = loans.close_loan(s.db, actor, args.loan, credential)
    s.say(f"Loan {loan.number} closed.")
    return 0


def cmd_loan_cancel(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    loan = loans.cancel_loan(s.db, actor, args.loan, reason=args.reason)
    s.say(f"Loan {loan.number} cancelled.")
    return 0


def cmd_release(args: argparse.Namespace, s: Session) -> int:
    actor, credential = s.signer()
    courier = s.other_signer(args.courier, args.courier_secret_file, args.courier_pin)
    transfer = custody.release_package(
        s.db,
        actor,
        aliquot_numbers=args.aliquots,
        receiver=args.receiver,
        courier=args.courier,
        seal_number=args.seal,
        sender_credential=credential,
        courier_credential=courier,
        loan_number=args.loan,
        container=args.container,
        notes=args.notes,
    )
    s.data(
        {"number": transfer.number},
        lambda: s.say(f"Package {transfer.number} released to {args.courier}."),
    )
    return 0


def cmd_hand_over(args: argparse.Namespace, s: Session) -> int:
    actor, credential = s.signer()
    to = s.other_signer(args.to_courier, args.to_secret_file, args.to_pin)
    custody.hand_over(
        s.db,
        actor,
        args.transfer,
        to_courier=args.to_courier,
        from_credential=credential,
        to_credential=to,
    )
    s.say(f"Package {args.transfer} handed over to {args.to_courier}.")
    return 0


def cmd_receive(args: argparse.Namespace, s: Session) -> int:
    actor, credential = s.signer()
    photo = Path(args.photo).read_bytes() if args.photo else None
    receipt = custody.confirm_receipt(
        s.db,
        actor,
        args.transfer,
        credential=credential,
        seal_intact=not args.seal_broken,
        seal_number_seen=args.seal_seen,
        measured_ug=dict(_parse_aliquot_masses(args.measured or [], "measured mass")),
        note=args.note,
        photo=photo,
    )
    flagged = receipt.discrepancies
    s.data(
        {"number": args.transfer, "discrepancies": [d.id for d in flagged]},
        lambda: s.say(
            f"Package {args.transfer} received."
            + (
                f" {len(flagged)} discrepancy(ies) flagged for a curator: "
                + ", ".join(f"#{d.id} {d.kind}" for d in flagged)
                if flagged
                else ""
            )
        ),
    )
    return 0


def cmd_resolve(args: argparse.Namespace, s: Session) -> int:
    actor, credential = s.signer()
    custody.resolve_discrepancy(
        s.db, actor, args.id, resolution=args.resolution, note=args.note, credential=credential
    )
    s.say(f"Discrepancy #{args.id} resolved: {custody.RESOLUTIONS[args.resolution]}.")
    return 0


def cmd_cancel_transfer(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    custody.cancel_transfer(s.db, actor, args.transfer, reason=args.reason)
    s.say(f"Transfer {args.transfer} cancelled.")
    return 0


# ---------------------------------------------------------------------- documents


def _written(s: Session, doc: Any) -> None:
    s.data(
        {
            "number": doc.number,
            "kind": doc.kind,
            "file": str(doc.path),
            "pages": doc.pages,
            "sha256": doc.sha256,
            "content_sha256": doc.content_hash,
        },
        lambda: s.say(
            f"Wrote {doc.path} ({doc.pages} page{'s' if doc.pages != 1 else ''}): "
            f"document {doc.number}, SHA-256 {doc.sha256}."
        ),
    )


def cmd_agreement(args: argparse.Namespace, s: Session) -> int:
    from .documents import service

    _written(s, service.write_agreement(s.db, None, args.loan, Path(args.output)))
    return 0


def cmd_custody_form(args: argparse.Namespace, s: Session) -> int:
    from .documents import service

    doc = service.write_custody_form(
        s.db,
        None,
        Path(args.output),
        transfer=args.transfer,
        aliquot=args.aliquot,
        blank=args.blank,
    )
    _written(s, doc)
    return 0


def cmd_manifest(args: argparse.Namespace, s: Session) -> int:
    from .documents import service

    _written(s, service.write_manifest(s.db, None, args.transfer, Path(args.output)))
    return 0


def cmd_labels(args: argparse.Namespace, s: Session) -> int:
    from .documents import service

    doc = service.write_labels(s.db, None, args.numbers, Path(args.output), layout=args.format)
    _written(s, doc)
    return 0


def cmd_verify_pdf(args: argparse.Namespace, s: Session) -> int:
    from .documents.verify import verify_file

    result = verify_file(s.db, Path(args.file))
    record = result.record
    s.data(
        {
            "file": str(result.path),
            "outcome": result.outcome,
            "sha256": result.sha256,
            "number": record.number if record else result.claimed_number,
            "kind": record.kind if record else None,
            "record_type": record.record_type if record else None,
            "record_number": record.record_number if record else None,
            "recorded_sha256": record.sha256 if record else None,
            "created_at": record.created_at if record else None,
            "message": result.message(),
        },
        lambda: s.say(result.message()),
    )
    return 0 if result.ok else 1


# ---------------------------------------------------------------------- windows


def cmd_gui(args: argparse.Namespace, s: Session) -> int:
    return _open_window(s, args)


def cmd_courier(args: argparse.Namespace, s: Session) -> int:
    return _open_window(s, args, courier=True)


def _open_window(s: Session, args: argparse.Namespace, *, courier: bool = False) -> int:
    try:
        if courier:
            from .gui.courier import run_courier as run
        else:
            from .gui.app import run_workstation as run
    except ImportError as error:
        print(
            f"The desktop window cannot start: {error}. The command-line commands still work "
            "(lunar-custody --help).",
            file=s.err,
        )
        return EXIT_USAGE
    url = s.db.url if s._db is not None else resolve_database_url(args.db)
    s.close()
    return run(url)


# ---------------------------------------------------------------------- the parser


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-12-31") from None


def _common_options(default: object) -> argparse.ArgumentParser:
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


def build_parser() -> argparse.ArgumentParser:
    common = _common_options(argparse.SUPPRESS)
    signer = argparse.ArgumentParser(add_help=False)
    signer.add_argument("--user", required=True, help="who acts (and signs)")
    signer.add_argument(
        "--password-file",
        metavar="FILE",
        help="read the password (or PIN) from the first line of FILE instead of asking",
    )
    signer.add_argument("--pin", action="store_true", help="the secret is a courier's PIN")

    parser = argparse.ArgumentParser(
        prog="lunar-custody",
        description="Chain of custody for loaned lunar samples. Without a command, opens "
        "the workstation window.",
        parents=[_common_options(None)],
    )
    parser.set_defaults(handler=cmd_gui, creates=True)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation on a temporary database (demo, verify, the window "
        "offscreen) and exit",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(
        name: str, handler: Handler, help: str, *, signs: bool = False, creates: bool = False
    ) -> argparse.ArgumentParser:
        parents = [common, signer] if signs else [common]
        sub = commands.add_parser(name, help=help, description=help, parents=parents)
        sub.set_defaults(handler=handler, creates=creates)
        return sub

    command("gui", cmd_gui, "open the workstation window", creates=True)
    command("courier", cmd_courier, "open the courier window (full screen, for handoffs)")

    p = command(
        "init", cmd_init, "create the lender institution and the first administrator", creates=True
    )
    p.add_argument("--lender-code", required=True, help="short code, e.g. CNSA")
    p.add_argument("--lender-name", required=True)
    p.add_argument("--lender-local-name", default="", help="name in the local script")
    p.add_argument("--country", default="")
    p.add_argument("--address", default="")
    p.add_argument("--admin", required=True, help="user name of the first administrator")
    p.add_argument("--admin-name", required=True, help="full name of the first administrator")
    p.add_argument("--password-file", metavar="FILE")

    p = command(
        "demo", cmd_demo, "fill a new database with demo data (not real samples)", creates=True
    )
    p.add_argument("--open", action="store_true", help="then open the workstation window")

    p = command(
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
        "backup",
        cmd_backup,
        "copy the database to FILE (SQLite: a database file; PostgreSQL: pg_dump, or an "
        "export without it)",
    )
    p.add_argument("file", metavar="FILE", help="the new file; an existing one is never replaced")
    p = command(
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
    p = command("status", cmd_status, "where an aliquot is, who holds it, its masses")
    p.add_argument("number")
    p = command("history", cmd_history, "an aliquot's chain of custody")
    p.add_argument("number")
    p.add_argument(
        "--ancestors", action="store_true", help="include the events of its parent aliquots"
    )
    p = command("loans", cmd_loans, "list loans")
    p.add_argument("--status", choices=["draft", "approved", "active", "closed", "cancelled"])
    p.add_argument("--overdue", action="store_true", help="only overdue active loans")
    p.add_argument("--search", help="loan number, borrower or PI contains this")
    p = command("loan", cmd_loan, "a loan with its items, reconciliation and signatures")
    p.add_argument("number")
    p = command("transfers", cmd_transfers, "list transfers (packages)")
    p.add_argument("--status", choices=["prepared", "in_transit", "received", "cancelled"])
    p.add_argument("--courier", help="user name of the courier")
    p = command("discrepancies", cmd_discrepancies, "discrepancies flagged at receipt")
    p.add_argument("--all", action="store_true", help="resolved ones too")

    p = command("export", cmd_export, "export inventory, loans or chain of custody")
    p.add_argument("what", choices=["inventory", "loans", "custody"])
    p.add_argument("--format", choices=["csv", "json"])
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--aliquot", help="custody: only this aliquot's events")
    p = command(
        "import", cmd_import, "import samples and aliquots from CSV (all or nothing)", signs=True
    )
    p.add_argument("file")

    p = command("institution-add", cmd_institution_add, "create an institution", signs=True)
    p.add_argument("code")
    p.add_argument("name")
    p.add_argument("--kind", required=True, choices=list(registry.INSTITUTION_KINDS))
    p.add_argument("--local-name", default="")
    p.add_argument("--country", default="")
    p.add_argument("--address", default="")
    p = command("user-add", cmd_user_add, "create a user", signs=True)
    p.add_argument("username")
    p.add_argument("full_name")
    p.add_argument("--institution", required=True, help="institution code")
    p.add_argument("--roles", required=True, help=f"comma-separated: {', '.join(ROLES)}")
    p.add_argument("--email", default="")
    p.add_argument("--new-password-file", metavar="FILE")
    p.add_argument("--new-pin-file", metavar="FILE", help="a courier's PIN (4-8 digits)")

    p = command("register", cmd_register, "register a sample with its aliquots", signs=True)
    p.add_argument("sample", help="e.g. CE5C0400 or 70017")
    p.add_argument("--mass", help="the sample's original mass, e.g. 1.5g")
    p.add_argument("--aliquot", action="append", default=[], metavar="NUMBER=MASS")
    p.add_argument("--form", default="")
    p.add_argument("--container", default="")
    p.add_argument("--mission", default="")
    p.add_argument("--description", default="")
    p = command("split", cmd_split, "split an aliquot into children", signs=True)
    p.add_argument("number")
    p.add_argument("masses", nargs="+", metavar="MASS", help="each child's mass, e.g. 20mg")
    p = command("consume", cmd_consume, "record destructive analysis", signs=True)
    p.add_argument("number")
    p.add_argument("mass")
    p.add_argument("--note", default="")
    p = command("report-lost", cmd_report_lost, "report an aliquot lost", signs=True)
    p.add_argument("number")
    p.add_argument("--note", required=True)
    p = command("correct", cmd_correct, "correct an event's mass with a new event", signs=True)
    p.add_argument("event", type=int)
    p.add_argument(
        "--delta", required=True, help="mass change, e.g. --delta=-2.5mg or --delta=+100ug"
    )
    p.add_argument("--note", required=True)

    p = command("loan-create", cmd_loan_create, "draft a loan", signs=True)
    p.add_argument("--borrower", required=True, help="institution code")
    p.add_argument("--pi", required=True, help="principal investigator (user name)")
    p.add_argument("--purpose", required=True)
    p.add_argument("--starts", required=True, type=_date)
    p.add_argument("--due", required=True, type=_date)
    p.add_argument("--destructive", action="store_true", help="destructive analysis allowed")
    p.add_argument("--co-investigators", default="")
    p.add_argument("--notes", default="")
    p.add_argument("--items", nargs="*", default=[], metavar="ALIQUOT")
    p = command("loan-add", cmd_loan_add, "add items to a draft loan", signs=True)
    p.add_argument("loan")
    p.add_argument("aliquots", nargs="+")
    p = command("loan-remove", cmd_loan_remove, "remove an item from a draft loan", signs=True)
    p.add_argument("loan")
    p.add_argument("aliquot")
    p = command("loan-approve", cmd_loan_approve, "approve a loan (the lender signs)", signs=True)
    p.add_argument("loan")
    p = command(
        "loan-countersign",
        cmd_loan_countersign,
        "countersign a loan (the borrower signs)",
        signs=True,
    )
    p.add_argument("loan")
    p = command("loan-extend", cmd_loan_extend, "extend a loan's due date", signs=True)
    p.add_argument("loan")
    p.add_argument("due", type=_date)
    p.add_argument("--reason", required=True)
    p = command("loan-close", cmd_loan_close, "close a reconciled loan", signs=True)
    p.add_argument("loan")
    p = command("loan-cancel", cmd_loan_cancel, "cancel a loan not yet shipped", signs=True)
    p.add_argument("loan")
    p.add_argument("--reason", required=True)

    p = command("release", cmd_release, "release a package to a courier", signs=True)
    p.add_argument("aliquots", nargs="+")
    p.add_argument("--receiver", required=True, help="user name of the named receiver")
    p.add_argument("--courier", required=True, help="user name of the courier")
    p.add_argument("--courier-secret-file", metavar="FILE")
    p.add_argument("--courier-pin", action="store_true", help="the courier signs with a PIN")
    p.add_argument("--seal", required=True, help="seal number on the package")
    p.add_argument("--loan")
    p.add_argument("--container", default="")
    p.add_argument("--notes", default="")
    p = command("hand-over", cmd_hand_over, "hand a package to the next courier", signs=True)
    p.add_argument("transfer")
    p.add_argument("--to-courier", required=True)
    p.add_argument("--to-secret-file", metavar="FILE")
    p.add_argument("--to-pin", action="store_true")
    p = command("receive", cmd_receive, "confirm receipt of a package", signs=True)
    p.add_argument("transfer")
    p.add_argument("--seal-broken", action="store_true", help="the seal is broken")
    p.add_argument("--seal-seen", help="the seal number read on the package")
    p.add_argument("--measured", action="append", metavar="ALIQUOT=MASS")
    p.add_argument("--note", default="")
    p.add_argument("--photo", metavar="FILE")
    p = command("resolve", cmd_resolve, "resolve a discrepancy", signs=True)
    p.add_argument("id", type=int)
    p.add_argument("--resolution", required=True, choices=list(custody.RESOLUTIONS))
    p.add_argument("--note", required=True)
    p = command(
        "cancel-transfer", cmd_cancel_transfer, "cancel a package not yet released", signs=True
    )
    p.add_argument("transfer")
    p.add_argument("--reason", required=True)

    p = command("agreement", cmd_agreement, "write a loan agreement as PDF")
    p.add_argument("loan")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write")
    p = command(
        "custody-form",
        cmd_custody_form,
        "write a chain-of-custody form (a transfer, or one aliquot's history) as PDF",
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--transfer", metavar="NUMBER")
    which.add_argument("--aliquot", metavar="NUMBER")
    p.add_argument(
        "--blank", action="store_true", help="every handoff row left blank for ink signatures"
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write")
    p = command("manifest", cmd_manifest, "write a package's manifest (packing list) as PDF")
    p.add_argument("transfer")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write")
    p = command("labels", cmd_labels, "write aliquot labels (QR code, number, sample, mass)")
    p.add_argument("numbers", nargs="+", metavar="NUMBER", help="aliquot numbers")
    p.add_argument(
        "--format",
        choices=["roll", "a4"],
        default="roll",
        help="roll: 2 x 1 inch labels, one a page (default); a4: a sheet of 4 x 10",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write")
    p = command(
        "verify-pdf",
        cmd_verify_pdf,
        "say which recorded document a PDF is and whether it is unchanged (exit 1 if not)",
    )
    p.add_argument("file")
    return parser


def main(
    argv: list[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from .selftest import self_test

        return self_test(out, err)
    session = Session(args, out, err)
    try:
        return args.handler(args, session)
    except CustodyError as error:
        print(f"lunar-custody: {error}", file=err)
        return error.exit_code
    except KeyboardInterrupt:
        print("lunar-custody: interrupted.", file=err)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:
        from .logfile import record_crash

        path = record_crash(error)
        print(
            f"lunar-custody: unexpected error ({type(error).__name__}); the details are in "
            f"{path}. Nothing was half written: each operation is one transaction.",
            file=err,
        )
        return EXIT_BUG
    finally:
        session.close()
