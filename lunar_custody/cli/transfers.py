"""Transfers (packages): listing them and their discrepancies, releasing a package to a
courier, handing it over, receiving it, resolving a discrepancy, cancelling."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from ..domain import courier as courier_mode
from ..domain import custody, queries
from ..domain.errors import ValidationError
from ..domain.identity import Credential
from ..domain.wording import counted
from .common import Commands, Session, command, parse_aliquot_masses
from .output import mass


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
                    mass(r.expected_mass_ug),
                    mass(r.measured_mass_ug),
                    r.raised_at,
                    r.resolution or "OPEN",
                )
                for r in rows
            ],
        ),
    )
    return 0


def cmd_release(args: argparse.Namespace, s: Session) -> int:
    actor, credential = s.signer()
    courier = s.other_signer(
        args.courier,
        args.courier_secret_file,
        args.courier_pin,
        option="--courier-secret-file",
    )
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


def cmd_return(args: argparse.Namespace, s: Session) -> int:
    actor, credential = s.signer()
    courier = s.other_signer(
        args.courier,
        args.courier_secret_file,
        args.courier_pin,
        option="--courier-secret-file",
    )
    transfer = custody.return_package(
        s.db,
        actor,
        loan_number=args.loan,
        aliquot_numbers=args.aliquots,
        receiver=args.receiver,
        courier=args.courier,
        seal_number=args.seal,
        sender_credential=credential,
        courier_credential=courier,
        container=args.container,
        notes=args.notes,
    )
    s.data(
        {"number": transfer.number, "loan": args.loan},
        lambda: s.say(
            f"Package {transfer.number} returns {counted(len(args.aliquots), 'aliquot')} of "
            f"loan {args.loan}: released to {args.courier} for {args.receiver}."
        ),
    )
    return 0


def cmd_hand_over(args: argparse.Namespace, s: Session) -> int:
    actor, credential = s.signer()
    to = s.other_signer(
        args.to_courier, args.to_secret_file, args.to_pin, option="--to-secret-file"
    )
    custody.hand_over(
        s.db,
        actor,
        args.transfer,
        to_courier=args.to_courier,
        from_credential=credential,
        to_credential=to,
        seal_number_checked=args.seal_seen,
    )
    s.done(
        f"Package {args.transfer} handed over to {args.to_courier}.",
        number=args.transfer,
        courier=args.to_courier,
    )
    return 0


def _moment(text: str) -> datetime:
    """'2026-12-05 14:30' (local time) or with an offset ('...T14:30+08:00'), as UTC."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            f"'{text}' is not a date and time: write it as 2026-12-05 14:30 (local time)."
        ) from None
    return (moment if moment.tzinfo else moment.astimezone()).astimezone(UTC)


def cmd_transcribe_handover(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    transfer = custody.transcribe_handover(
        s.db,
        actor,
        args.transfer,
        to_courier=args.to_courier,
        occurred_at=_moment(args.at),
        form_reference=args.form,
    )
    s.done(
        f"Handover of {transfer.number} to {args.to_courier} transcribed from {args.form} "
        "(marked as transcribed).",
        number=transfer.number,
        courier=args.to_courier,
        form=args.form,
    )
    return 0


def _read_photo(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:  # a refusal naming the file, not a crash (exit 70)
        raise ValidationError(f"Cannot read the photo {path}: {error.strerror}.") from None


def _delivering_courier(args: argparse.Namespace, s: Session) -> Credential | None:
    """The secret of the courier who hands the package over at delivery, when they sign
    (--courier-secret-file or --courier-pin); None leaves their signature to ink."""
    if not (args.courier_secret_file or args.courier_pin):
        return None
    carrier = courier_mode.package(s.db, args.transfer).courier_username
    return s.other_signer(
        carrier, args.courier_secret_file, args.courier_pin, option="--courier-secret-file"
    )


def cmd_receive(args: argparse.Namespace, s: Session) -> int:
    actor, credential = s.signer()
    photo = _read_photo(args.photo) if args.photo else None
    carrier = _delivering_courier(args, s)
    receipt = custody.confirm_receipt(
        s.db,
        actor,
        args.transfer,
        credential=credential,
        seal_intact=not args.seal_broken,
        seal_number_seen=args.seal_seen,
        measured_ug=dict(parse_aliquot_masses(args.measured or [], "measured mass")),
        note=args.note,
        photo=photo,
        courier_credential=carrier,
    )
    flagged = receipt.discrepancies
    s.data(
        {"number": args.transfer, "discrepancies": [d.id for d in flagged]},
        lambda: s.say(
            f"Package {args.transfer} received."
            + (
                f" {counted(len(flagged), 'discrepancy')} flagged for a curator: "
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
    s.done(
        f"Discrepancy #{args.id} resolved: {custody.RESOLUTIONS[args.resolution]}.",
        discrepancy=args.id,
        resolution=args.resolution,
    )
    return 0


def cmd_cancel_transfer(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    custody.cancel_transfer(s.db, actor, args.transfer, reason=args.reason)
    s.done(f"Transfer {args.transfer} cancelled.", number=args.transfer)
    return 0


def register(commands: Commands) -> None:
    p = command(commands, "transfers", cmd_transfers, "list transfers (packages)")
    p.add_argument(
        "--status",
        choices=["prepared", "in_transit", "received", "cancelled"],
        help="only transfers in this state",
    )
    p.add_argument("--courier", help="user name of the courier")

    p = command(commands, "discrepancies", cmd_discrepancies, "discrepancies flagged at receipt")
    p.add_argument("--all", action="store_true", help="resolved ones too")

    p = command(
        commands,
        "release",
        cmd_release,
        "release a package to a courier: the sender and the courier sign (a borrower "
        "sending loaned material back to the lender uses 'return')",
        signs=True,
    )
    p.add_argument("aliquots", nargs="+", metavar="ALIQUOT", help="the aliquots packed")
    p.add_argument("--receiver", required=True, help="user name of the named receiver")
    _courier_options(p, "the courier who takes the package")
    p.add_argument("--seal", required=True, help="seal number on the package")
    p.add_argument("--loan", help="the loan the package goes out under")
    p.add_argument("--container", default="", help="the package's container")
    p.add_argument("--notes", default="", help="anything the receiver should know")

    p = command(
        commands,
        "return",
        cmd_return,
        "return aliquots of a loan to the lender: the borrower releases the package to a "
        "courier for the lender's receiver, who confirms it with 'receive'",
        signs=True,
    )
    p.add_argument("aliquots", nargs="+", metavar="ALIQUOT", help="the aliquots returned")
    p.add_argument("--loan", required=True, help="the loan they were lent under")
    p.add_argument(
        "--receiver", required=True, help="user name of the lender's person who receives them"
    )
    _courier_options(p, "the courier who takes the package")
    p.add_argument("--seal", required=True, help="seal number on the package")
    p.add_argument("--container", default="", help="the package's container")
    p.add_argument("--notes", default="", help="anything the receiver should know")

    p = command(
        commands, "hand-over", cmd_hand_over, "hand a package to the next courier", signs=True
    )
    p.add_argument("transfer")
    p.add_argument("--to-courier", required=True, help="user name of the next courier")
    p.add_argument(
        "--to-secret-file",
        metavar="FILE",
        help="the next courier's password (or PIN) from the first line of FILE instead of asking",
    )
    p.add_argument("--to-pin", action="store_true", help="the next courier signs with a PIN")
    p.add_argument(
        "--seal-seen",
        metavar="SEAL",
        help="the seal number read on the package; refused (exit 1) if it is not the "
        "package's seal",
    )

    p = command(
        commands,
        "transcribe-handover",
        cmd_transcribe_handover,
        "at delivery, type in a courier handover from the paper custody form",
        signs=True,
    )
    p.add_argument("transfer")
    p.add_argument("--to-courier", required=True, help="the courier who took the package")
    p.add_argument("--at", required=True, help="when, as on the form: 2026-12-05 14:30")
    p.add_argument("--form", required=True, help="which paper form: its number or reference")

    p = command(commands, "receive", cmd_receive, "confirm receipt of a package", signs=True)
    p.add_argument("transfer")
    p.add_argument(
        "--seal-broken",
        action="store_true",
        help="the seal is broken (recorded as a discrepancy; the receipt is not refused)",
    )
    p.add_argument(
        "--seal-seen",
        metavar="SEAL",
        help="the seal number read on the package; another number than the package's is "
        "recorded as a discrepancy",
    )
    p.add_argument(
        "--courier-secret-file",
        metavar="FILE",
        help="the delivering courier signs too (relinquished), with the password (or PIN, "
        "with --courier-pin) on the first line of FILE; without it and --courier-pin the "
        "custody form leaves the courier's signature to ink",
    )
    p.add_argument(
        "--courier-pin",
        action="store_true",
        help="the delivering courier signs with a PIN (asked for when no file is given)",
    )
    p.add_argument(
        "--measured",
        action="append",
        metavar="ALIQUOT=MASS",
        help="an aliquot's mass weighed on arrival, e.g. 70017,125=249.8mg (repeat for each); "
        "a difference from the book mass is flagged",
    )
    p.add_argument("--note", default="", help="what the receiver noticed")
    p.add_argument(
        "--photo",
        metavar="FILE",
        help="a picture of the package, kept with any discrepancy flagged",
    )

    p = command(commands, "resolve", cmd_resolve, "resolve a discrepancy", signs=True)
    p.add_argument("id", type=int)
    p.add_argument(
        "--resolution",
        required=True,
        choices=list(custody.RESOLUTIONS),
        help="; ".join(f"{key}: {what}" for key, what in custody.RESOLUTIONS.items()),
    )
    p.add_argument("--note", required=True, help="why, kept with the resolution")

    p = command(
        commands,
        "cancel-transfer",
        cmd_cancel_transfer,
        "cancel a package not yet released",
        signs=True,
    )
    p.add_argument("transfer")
    p.add_argument("--reason", required=True, help="why, kept in the audit trail")


def _courier_options(p: argparse.ArgumentParser, who: str) -> None:
    """--courier and how that courier signs (release and return alike)."""
    p.add_argument("--courier", required=True, help=f"user name of {who}")
    p.add_argument(
        "--courier-secret-file",
        metavar="FILE",
        help="the courier's password (or PIN) from the first line of FILE instead of asking",
    )
    p.add_argument("--courier-pin", action="store_true", help="the courier signs with a PIN")
