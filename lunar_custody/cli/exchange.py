"""Between installations: exchange files (export, import, show, list, resend), the partners
they are exchanged with (list, add, revoke, introduce), and the three-installation demo.

A file is written whole or not at all and never replaces one silently (--force does).
README.md "Between installations" walks a loan through three installations with these.
"""

from __future__ import annotations

import argparse
import hashlib
import shlex
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..domain.errors import ValidationError
from ..domain.wording import counted, moment_text
from ..exchange import journey
from ..exchange.export import Exported, export_exchange
from ..exchange.format import Envelope, ExchangeFileError, unpack
from ..exchange.importer import ExchangeRefused, ImportReport, check_exchange, import_exchange
from ..exchange.partners import (
    Introduction,
    add_partner,
    export_introduction,
    file_content,
    list_files,
    list_partners,
    read_introduction,
    revoke_partner,
)
from ..exchange.records import counted_records
from ..storage.database import Database
from ..trust.keys import short_fingerprint
from ..whole_files import PARTIAL_SUFFIX, building_folder, write_whole
from .common import EXIT_USAGE, Commands, Session, command, common_options
from .output import plain

# ---------------------------------------------------------------------- files


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise ValidationError(f"Cannot read {path}: {error.strerror}.") from None


def _check_target(path: Path, force: bool) -> None:
    """Refuse before anything is recorded: an existing file (without --force), no folder."""
    if path.is_dir():
        raise ValidationError(f"{path} is a folder; give the file to write.")
    if path.exists() and not force:
        raise ValidationError(
            f"{path} exists already; give another name, or --force to replace it."
        )
    if not path.parent.is_dir():
        raise ValidationError(f"There is no folder {path.parent} to write {path.name} in.")


def _write_whole(path: Path, data: bytes) -> None:
    """The file appears whole or not at all (a crash leaves no half an exchange file)."""
    try:
        write_whole(path, data)
    except OSError as error:
        raise ValidationError(f"Cannot write {path}: {error.strerror}.") from None


def _unpacked(path: str, data: bytes) -> Envelope:
    """The file opened and its signature checked, or an error that names the file."""
    try:
        return unpack(data)
    except ExchangeFileError as error:
        raise ExchangeFileError(f"{path}: {error}") from None


def _refused(s: Session, path: str, refused: ExchangeRefused) -> int:
    """Every reason, not only the first forty the exception's own message holds."""
    heading = str(refused).split("\n", 1)[0].rstrip(":")
    print(f"lunar-custody: {path}: {heading}:", file=s.err)
    for reason in refused.reasons:
        print(f"  - {reason}", file=s.err)
    return refused.exit_code


def _moment(text: object) -> str:
    """A file's UTC time as people read it; the text itself if it is not one."""
    try:
        moment = datetime.strptime(str(text), "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return str(text)
    return moment_text(moment)


def _people(count: int) -> str:
    return counted(count, "person")


def _size(count: int) -> str:
    return f"{count} bytes" if count < 1024 else f"{count / 1024:,.1f} kB"


# ---------------------------------------------------------------------- exchange export


def cmd_export(args: argparse.Namespace, s: Session) -> int:
    target = Path(args.output) if args.output else None
    if target is not None:
        _check_target(target, args.force)
    actor, _ = s.signer()
    exported = export_exchange(
        s.db,
        actor,
        partner=args.to,
        loan=args.loan,
        transfer=args.transfer,
        aliquots=args.aliquots or (),
    )
    # The file is recorded as sent now, with its number: it is never lost, and if it cannot
    # be written here, 'exchange resend' writes the same bytes elsewhere.
    path = target or Path(exported.filename)
    if target is None and path.exists() and not args.force:
        raise ValidationError(
            f"{path} exists already and was not replaced. {_recorded(s, exported)}"
        )
    try:
        _write_whole(path, exported.content)
    except ValidationError as error:
        raise ValidationError(f"{error} {_recorded(s, exported)}") from None
    s.data(
        {
            "file": str(path),
            "kind": exported.kind,
            "sequence": exported.sequence,
            "partner": exported.partner,
            "subject": exported.subject,
            "counts": exported.counts,
            "events": exported.events,
            "bytes": len(exported.content),
            "sha256": hashlib.sha256(exported.content).hexdigest(),
        },
        lambda: s.say(
            f"Wrote {path}: {exported.kind} no. {exported.sequence} to {exported.partner} "
            f"about {exported.subject} ({exported.summary}). Carry it to them; they import it "
            "with 'lunar-custody exchange import'."
        ),
    )
    return 0


def _recorded(s: Session, exported: Exported) -> str:
    digest = hashlib.sha256(exported.content).hexdigest()
    found = next((f for f in list_files(s.db) if f.sha256 == digest), None)
    where = f"'lunar-custody exchange resend {found.id} -o FILE'" if found else "exchange resend"
    return (
        f"The file ({exported.kind} no. {exported.sequence} to {exported.partner}) is recorded "
        f"as sent: write it elsewhere with {where}."
    )


# ---------------------------------------------------------------------- exchange import


def cmd_import(args: argparse.Namespace, s: Session) -> int:
    data = _read(args.file)
    envelope = _unpacked(args.file, data)  # a damaged file is named before a password is asked
    if envelope.content.get("kind") == "introduction":
        raise ValidationError(
            f"{args.file} is an introduction: an administrator adds it with "
            "'lunar-custody partners add FILE --fingerprint FP'."
        )
    actor, _ = s.signer()
    try:
        report = import_exchange(s.db, actor, data)
    except ExchangeRefused as refused:
        return _refused(s, args.file, refused)
    s.data(
        {"file": args.file, **_report_data(report)},
        lambda: _print_report(
            s, report, f"{args.file}: " if report.already_imported else f"Imported {args.file}: "
        ),
    )
    return 0


def _report_data(report: ImportReport) -> dict[str, Any]:
    data: dict[str, Any] = plain(report)
    data["summary"] = report.summary()
    data["changed"] = report.changed
    return data


def _print_report(s: Session, report: ImportReport, prefix: str) -> None:
    s.say(prefix + report.summary())
    for line in report.details:
        s.say(f"  {line}")
    for warning in report.warnings:
        s.say(f"Warning: {warning}")


# ---------------------------------------------------------------------- exchange show


def _envelope_data(path: str, data: bytes, envelope: Envelope) -> dict[str, Any]:
    content = envelope.content
    sender, receiver = content.get("sender"), content.get("receiver")
    made_by = content.get("made_by")
    records = content.get("records")
    events = content.get("events")
    return {
        "file": path,
        "bytes": len(data),
        "sha256": envelope.sha256,
        "kind": content.get("kind"),
        "id": content.get("id"),
        "sequence": content.get("sequence"),
        "subject": content.get("subject"),
        "sender": sender if isinstance(sender, dict) else None,
        "receiver": receiver if isinstance(receiver, dict) else None,
        "made_at": content.get("made_at"),
        "made_by": made_by.get("name") if isinstance(made_by, dict) else None,
        "signer_fingerprint": envelope.fingerprint,
        "signer_short_fingerprint": short_fingerprint(envelope.fingerprint),
        "records": {
            section: len(rows) if isinstance(rows, list) else 0
            for section, rows in (records.items() if isinstance(records, dict) else ())
        },
        "events": len(events) if isinstance(events, list) else 0,
    }


def _party(value: object) -> str:
    if not isinstance(value, dict):
        return "-"
    return f"{value.get('name', '?')} ({value.get('code', '?')})"


def _print_envelope(s: Session, info: dict[str, Any]) -> None:
    held = counted_records(info["records"])
    s.say(f"File:       {info['file']} ({_size(info['bytes'])}, SHA-256 {info['sha256']})")
    number = "" if info["kind"] == "introduction" else f" no. {info['sequence']}"
    s.say(f"Kind:       {info['kind']}{number}: {info['subject']}")
    s.say(f"From:       {_party(info['sender'])}")
    s.say(f"To:         {_party(info['receiver'])}")
    s.say(f"Made:       {_moment(info['made_at'])} by {info['made_by'] or '?'}")
    s.say(f"Signed by:  the key {info['signer_short_fingerprint']}")
    s.say(f"  (SHA-256) {info['signer_fingerprint']}")
    s.say(f"Holds:      {counted(info['events'], 'custody event')}; {held or 'no records'}")


def cmd_show(args: argparse.Namespace, s: Session) -> int:
    data = _read(args.file)
    envelope = _unpacked(args.file, data)
    info = _envelope_data(args.file, data, envelope)
    if info["kind"] == "introduction":
        intro = read_introduction(data)
        known = any(p.fingerprint == intro.fingerprint for p in list_partners(s.db))
        s.data(
            {"envelope": info, "introduction": plain(intro), "trusted": known},
            lambda: _print_introduction(s, info, intro, known),
        )
        return 0
    if not args.user:
        # what the file says is checked (its signature holds); what it would do here is
        # for someone who may import it
        def unchecked() -> None:
            _print_envelope(s, info)
            s.say()
            s.say("Give --user to see what importing it here would record, or why not.")

        s.data({"envelope": info, "checked": False, "would_import": None, "refused": []}, unchecked)
        return 0
    actor, _ = s.signer()
    report: ImportReport | None = None
    reasons: list[dict[str, str]] = []
    try:
        report = check_exchange(s.db, actor, data)
    except ExchangeRefused as refused:
        reasons = [{"record": r.record, "message": r.message} for r in refused.reasons]
    s.data(
        {
            "envelope": info,
            "checked": True,
            "would_import": _report_data(report) if report else None,
            "refused": reasons,
        },
        lambda: _print_show(s, info, report, reasons),
    )
    return 1 if reasons else 0


def _print_introduction(s: Session, info: dict[str, Any], intro: Introduction, known: bool) -> None:
    _print_envelope(s, info)
    s.say()
    if known:
        s.say(
            f"The introduction of {intro.name} ({intro.code}), a trusted partner here: "
            f"adding it again brings its new people (lunar-custody partners add {info['file']})."
        )
        return
    s.say(
        f"The introduction of {intro.name} ({intro.code}): its institution key and "
        f"{_people(intro.people)}. Confirm the fingerprint {intro.short_fingerprint} with them "
        "by another way, then an administrator adds it: lunar-custody partners add "
        f'{info["file"]} --fingerprint "{intro.short_fingerprint}"'
    )


def _print_show(
    s: Session, info: dict[str, Any], report: ImportReport | None, reasons: list[dict[str, str]]
) -> None:
    _print_envelope(s, info)
    s.say()
    if report is not None and report.already_imported:
        s.say("It was imported here before: importing it again changes nothing.")
        return
    if report is not None:
        _print_report(s, report, "Importing it would record: ")
        return
    s.say(
        f"Importing it would be refused ({counted(len(reasons), 'reason')}); nothing would change:"
    )
    for reason in reasons:
        record = f"{reason['record']}: " if reason["record"] else ""
        s.say(f"  - {record}{reason['message']}")


# ---------------------------------------------------------------------- exchange list, resend


def cmd_list(args: argparse.Namespace, s: Session) -> int:
    rows = list_files(s.db, args.partner)
    s.data(
        rows,
        lambda: s.table(
            ["id", "direction", "partner", "kind", "no.", "subject", "recorded", "size"],
            [
                (
                    r.id,
                    r.direction,
                    r.partner_code,
                    r.kind,
                    r.sequence,
                    r.subject,
                    r.recorded_at,
                    _size(r.size),
                )
                for r in rows
            ],
        ),
    )
    return 0


def cmd_resend(args: argparse.Namespace, s: Session) -> int:
    name, data = file_content(s.db, args.id)
    path = Path(args.output or name)
    _check_target(path, args.force)
    _write_whole(path, data)
    s.data(
        {"file": str(path), "id": args.id, "bytes": len(data)},
        lambda: s.say(
            f"Wrote {path}: exchange file #{args.id} byte for byte as it was first written "
            "(the partner imports it, or recognises it as imported already)."
        ),
    )
    return 0


# ---------------------------------------------------------------------- partners


def cmd_partners_list(args: argparse.Namespace, s: Session) -> int:
    rows = list_partners(s.db)
    s.data(
        [{**plain(r), "short_fingerprint": r.short_fingerprint, "state": r.state} for r in rows],
        lambda: s.table(
            ["code", "name", "kind", "fingerprint", "state", "since", "people", "sent", "received"],
            [
                (
                    r.code,
                    r.name,
                    r.kind,
                    r.short_fingerprint,
                    r.state,
                    r.revoked_at or r.trusted_since,
                    r.people,
                    r.files_sent,
                    r.files_received,
                )
                for r in rows
            ],
        ),
    )
    return 0


def cmd_partners_add(args: argparse.Namespace, s: Session) -> int:
    data = _read(args.file)
    _unpacked(args.file, data)
    intro = read_introduction(data)
    known = any(p.fingerprint == intro.fingerprint for p in list_partners(s.db))
    if not args.fingerprint and not known:
        # A key is trusted only on a fingerprint confirmed by another way than the file.
        s.data(
            {"added": False, "introduction": plain(intro)},
            lambda: s.say(
                f"The introduction of {intro.name} ({intro.code}), {_people(intro.people)}.\n"
                f"Its key's fingerprint: {intro.short_fingerprint}"
            ),
        )
        print(
            f"lunar-custody: Nothing was added. Confirm this fingerprint with {intro.name} by "
            "another way than the file (read aloud on the telephone, printed on a signed "
            "agreement), then run this again with "
            f'--fingerprint "{intro.short_fingerprint}".',
            file=s.err,
        )
        return 1
    actor, _ = s.signer()
    try:
        added = add_partner(s.db, actor, data, args.fingerprint)
    except ExchangeRefused as refused:
        return _refused(s, args.file, refused)
    what = (
        f"Trusted {added.name} ({added.code}) with the key {short_fingerprint(added.fingerprint)}"
        if added.new
        else f"Read the new introduction of {added.name} ({added.code})"
    )
    s.data(
        {**plain(added), "added": True},
        lambda: s.say(
            f"{what}: {_people(added.people_added)} added, {added.people_changed} changed. "
            "Its exchange files can be imported now."
        ),
    )
    return 0


def cmd_partners_revoke(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    count = revoke_partner(s.db, actor, args.code, reason=args.reason)
    s.done(
        f"Revoked {counted(count, 'key')} of {args.code.upper()}: its files are refused "
        "from now on; what was imported from it before stays as it was.",
        code=args.code.upper(),
        revoked=count,
    )
    return 0


def cmd_partners_introduce(args: argparse.Namespace, s: Session) -> int:
    target = Path(args.output) if args.output else None
    if target is not None:
        _check_target(target, args.force)
    actor, _ = s.signer()
    exported = export_introduction(s.db, actor)
    path = target or Path(exported.filename)
    _check_target(path, args.force)  # nothing is recorded for an introduction
    _write_whole(path, exported.content)
    intro = read_introduction(exported.content)
    s.data(
        {
            "file": str(path),
            "counts": exported.counts,
            "fingerprint": intro.fingerprint,
            "short_fingerprint": intro.short_fingerprint,
        },
        lambda: s.say(
            f"Wrote {path}: the introduction of {intro.name}, its institution key and "
            f"{_people(intro.people)}. Send it to each partner; before they add it they confirm "
            f"with you, by another way than the file, the fingerprint {intro.short_fingerprint}"
        ),
    )
    return 0


# ---------------------------------------------------------------------- the demo


@dataclass(frozen=True)
class _Carried:
    step: str
    sender: str
    receiver: str
    path: Path
    exported: Exported
    report: ImportReport


DEMO_DATABASES = {
    journey.LENDER: "cnsa.db",
    journey.BORROWER: "brown.db",
    journey.COURIERS: "sll.db",
}


def demo_installations(args: argparse.Namespace, s: Session) -> int:
    """``demo --installations DIR``: the lender, the borrower and the courier firm each with
    their own database, and the exchange files of a loan's whole journey between them."""
    if args.open:
        raise ValidationError(
            "demo --installations makes three databases: open one with "
            f"'lunar-custody --db {Path(args.installations) / 'brown.db'}'."
        )
    if args.db:
        raise ValidationError("Give --db (one demo database) or --installations DIR, not both.")
    folder = Path(args.installations)
    if folder.exists() and not folder.is_dir():
        raise ValidationError(f"{folder} is a file, not a folder.")
    present = {p.name for p in folder.iterdir()} if folder.exists() else set()
    ours = [*DEMO_DATABASES.values(), "exchange"]
    taken = [n for n in ours if n in present] + sorted(
        n for n in present - set(ours) if not n.endswith(PARTIAL_SUFFIX)
    )
    if taken:
        raise ValidationError(
            f"{folder} holds {', '.join(taken)} already: give an empty or new folder. "
            "Nothing was changed."
        )
    progress = (lambda text: print(f"  {text}", file=s.err)) if s.err.isatty() else None
    # Built in a folder beside and renamed into place whole: a run stopped part-way leaves
    # nothing that would refuse the next one (whole_files).
    try:
        with building_folder(folder) as staging:
            places, carried = _build_installations(staging, progress)
    except FileExistsError:
        raise ValidationError(f"{folder} filled up meanwhile; it was left as it is.") from None
    carried = [replace(c, path=folder / c.path.relative_to(staging)) for c in carried]
    s.data(_demo_data(folder, places, carried), lambda: _print_demo(s, folder, places, carried))
    return 0


def _build_installations(
    folder: Path, progress: Callable[[str], None] | None
) -> tuple[list[journey.Installation], list[_Carried]]:
    """The three demo databases and the exchange files in the new folder ``folder``."""
    paths = [folder / name for name in DEMO_DATABASES.values()]
    files = folder / "exchange"
    databases: list[Database] = []
    carried: list[_Carried] = []
    try:
        databases = [Database.open(str(path), create=True) for path in paths]
        files.mkdir()

        def observe(exchange: journey.Exchange) -> None:
            path = files / f"{len(carried) + 1:02d}-{exchange.file.filename}"
            _write_whole(path, exchange.file.content)
            carried.append(
                _Carried(
                    exchange.step,
                    exchange.sender.code,
                    exchange.receiver.code,
                    path,
                    exchange.file,
                    exchange.report,
                )
            )
            if progress:
                progress(f"{exchange.step}: {exchange.sender.code} -> {exchange.receiver.code}")

        lender, borrower, couriers = databases
        places = journey.run_journey(lender, borrower, couriers, observe=observe)
        # introductions as each installation would send them now, for a fourth partner
        for place in places:
            admin = next(a for a in place.people.values() if "admin" in a.roles)
            intro = export_introduction(place.store, admin)
            _write_whole(files / f"00-{intro.filename}", intro.content)
    finally:
        for database in databases:
            database.dispose()
    return places, carried


def _open_command(path: Path) -> str:
    return f"lunar-custody --db {shlex.quote(str(path))}"


def _demo_data(
    folder: Path, places: list[journey.Installation], carried: list[_Carried]
) -> dict[str, Any]:
    return {
        "folder": str(folder),
        "installations": [
            {
                "code": place.code,
                "name": place.name,
                "kind": place.kind,
                "database": str(folder / DEMO_DATABASES[place.code]),
                "open": _open_command(folder / DEMO_DATABASES[place.code]),
                "people": [
                    {"username": a.username, "full_name": a.full_name, "roles": sorted(a.roles)}
                    for a in place.people.values()
                ],
            }
            for place in places
        ],
        "password": journey.PASSWORD,
        "pins": journey.PINS,
        "files": [
            {
                "step": c.step,
                "sender": c.sender,
                "receiver": c.receiver,
                "file": str(c.path),
                "kind": c.exported.kind,
                "sequence": c.exported.sequence,
                "subject": c.exported.subject,
                "events": c.exported.events,
                "events_added": c.report.events_added,
            }
            for c in carried
        ],
    }


def _print_demo(
    s: Session, folder: Path, places: list[journey.Installation], carried: list[_Carried]
) -> None:
    s.say(
        "Demo data (not real samples or people): one loan's whole journey across three "
        "installations, each with its own database, through exchange files only."
    )
    for place in places:
        path = folder / DEMO_DATABASES[place.code]
        s.say()
        s.say(f"{place.name} ({place.code}, {place.kind}): {path}")
        for actor in place.people.values():
            s.say(f"  {actor.username:<15} {actor.full_name:<15} {', '.join(sorted(actor.roles))}")
        s.say(f"  open it:  {_open_command(path)}")
    pins = ", ".join(f"{user} {pin}" for user, pin in journey.PINS.items())
    s.say()
    s.say(
        f"Everyone's password is {journey.PASSWORD!r}; couriers' PINs: {pins} (each also "
        "signs with it at the partner's dock where they took or left the package)."
    )
    s.say()
    s.say(f"The exchange files, in the order they were carried ({folder / 'exchange'}):")
    s.table(
        ["step", "from", "to", "file", "events added there"],
        [(c.step, c.sender, c.receiver, c.path.name, c.report.events_added) for c in carried],
    )
    s.say(
        "(00-*-introduction.lcx: each installation's introduction as it would send it now.) "
        "Check each database with: lunar-custody verify --db DATABASE"
    )


# ---------------------------------------------------------------------- registering


def _usage(parser: argparse.ArgumentParser, s: Session, name: str) -> int:
    parser.print_usage(s.err)
    print(f"lunar-custody {name}: say which action (see --help).", file=s.err)
    return EXIT_USAGE


def _group(commands: Commands, name: str, help: str, description: str) -> Commands:
    group = commands.add_parser(
        name, parents=[common_options(argparse.SUPPRESS)], help=help, description=description
    )

    def usage(args: argparse.Namespace, s: Session) -> int:
        return _usage(group, s, name)

    group.set_defaults(handler=usage, creates=False)
    return group.add_subparsers(title="actions", metavar="ACTION")


def _output_options(p: argparse.ArgumentParser, default: str) -> None:
    p.add_argument("-o", "--output", metavar="FILE", help=f"the file to write (default: {default})")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")


def register(commands: Commands) -> None:
    partners = commands.add_parser(
        "partners",
        parents=[common_options(argparse.SUPPRESS)],
        help="the partner installations exchange files come from and go to",
        description="Partners: the institutions whose installations we exchange files with. "
        "Without an action, lists them. README: 'Between installations'.",
    )
    partners.set_defaults(handler=cmd_partners_list, creates=False)
    actions = partners.add_subparsers(title="actions", metavar="ACTION")
    command(actions, "list", cmd_partners_list, "every partner: key, state, files exchanged")
    p = command(
        actions,
        "add",
        cmd_partners_add,
        "trust a partner from its introduction file, once its fingerprint is confirmed",
        signs=True,
    )
    p.add_argument("file", metavar="FILE", help="the partner's introduction (.lcx)")
    p.add_argument(
        "--fingerprint",
        metavar="FP",
        help="the fingerprint the partner confirmed by another way (at least its first 32 "
        "hex digits); without it, the file's fingerprint is shown and nothing is added",
    )
    p = command(
        actions,
        "revoke",
        cmd_partners_revoke,
        "stop trusting a partner's key: its files are refused from now on",
        signs=True,
    )
    p.add_argument("code", help="the partner institution's code")
    p.add_argument("--reason", required=True, help="why, kept in the audit trail")
    p = command(
        actions,
        "introduce",
        cmd_partners_introduce,
        "write this installation's introduction (institution, key, people) for partners",
        signs=True,
    )
    _output_options(p, "CODE-introduction.lcx")

    exchange = _group(
        commands,
        "exchange",
        "exchange files with partner installations",
        "Exchange files: signed files that carry custody between installations. "
        "README: 'Between installations' and 'Exchange files'.",
    )
    p = command(
        exchange,
        "export",
        cmd_export,
        "write the exchange file about a loan, a transfer or aliquots for a partner",
        signs=True,
    )
    p.add_argument("--to", required=True, metavar="CODE", help="the partner institution's code")
    about = p.add_mutually_exclusive_group(required=True)
    about.add_argument("--loan", metavar="NUMBER", help="the loan, its items and signatures")
    about.add_argument(
        "--transfer", metavar="NUMBER", help="the transfer (package) and its custody events"
    )
    about.add_argument(
        "--aliquots",
        nargs="+",
        metavar="NUMBER",
        help="aliquot numbers, separated by spaces (Apollo numbers hold commas)",
    )
    _output_options(p, "the name it suggests, in this folder")
    p = command(
        exchange,
        "import",
        cmd_import,
        "import a partner's exchange file: all of it or, refused, nothing",
        signs=True,
    )
    p.add_argument("file", metavar="FILE")
    p = command(
        exchange,
        "show",
        cmd_show,
        "what a file is and, with --user, what importing it would do (or why it would be "
        "refused), changing nothing",
        signs=True,
        signer_required=False,
    )
    p.add_argument("file", metavar="FILE")
    p = command(exchange, "list", cmd_list, "the exchange files sent and received, newest first")
    p.add_argument("--partner", metavar="CODE", help="only files to or from this partner")
    p = command(exchange, "resend", cmd_resend, "write a kept exchange file again, as it was")
    p.add_argument("id", type=int, help="its id in 'exchange list'")
    _output_options(p, "its name, in this folder")
