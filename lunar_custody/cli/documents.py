"""Documents: a loan agreement, a chain-of-custody form, a manifest, labels as PDF, and
checking a PDF against the register of documents."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import ValidationError
from .common import Commands, Session, command

if TYPE_CHECKING:
    from ..documents.service import GeneratedDocument
    from ..documents.signing import SignatureCheck
    from ..documents.verify import Claims


def _written(s: Session, doc: GeneratedDocument) -> None:
    s.data(
        {
            "number": doc.number,
            "kind": doc.kind,
            "file": str(doc.path),
            "pages": doc.pages,
            "sha256": doc.sha256,
            "content_sha256": doc.content_hash,
            "ledger_head": {"seq": doc.heads.ledger_seq, "hash": doc.heads.ledger_hash},
            "audit_head": {"seq": doc.heads.audit_seq, "hash": doc.heads.audit_hash},
            "signed_by": doc.signer_fingerprint,
        },
        lambda: s.say(
            f"Wrote {doc.path} ({doc.pages} page{'s' if doc.pages != 1 else ''}): "
            f"document {doc.number}, signed, SHA-256 {doc.sha256}."
        ),
    )


# documents.service loads reportlab, slow to import: only the commands that write a PDF do.


def cmd_agreement(args: argparse.Namespace, s: Session) -> int:
    from ..documents import service

    _written(s, service.write_agreement(s.db, None, args.loan, Path(args.output)))
    return 0


def cmd_custody_form(args: argparse.Namespace, s: Session) -> int:
    from ..documents import service

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
    from ..documents import service

    _written(s, service.write_manifest(s.db, None, args.transfer, Path(args.output)))
    return 0


def cmd_labels(args: argparse.Namespace, s: Session) -> int:
    from ..documents import service

    if args.job_label and args.format != "roll":
        raise ValidationError("A job label starts a roll: give --job-label with --format roll.")
    doc = service.write_labels(
        s.db,
        None,
        args.numbers,
        Path(args.output),
        layout=args.format,
        job_label=args.job_label,
    )
    _written(s, doc)
    return 0


def cmd_verify_pdf(args: argparse.Namespace, s: Session) -> int:
    # pyHanko, like reportlab, is slow to import: only verify-pdf loads it.
    from ..documents.verify import verify_file

    if args.certificate:
        return _verify_pdf_offline(args, s)
    result = verify_file(s.db, Path(args.file))
    record = result.record
    s.data(
        {
            "file": str(result.path),
            "outcome": result.outcome,
            "ok": result.ok,
            "sha256": result.sha256,
            "number": record.number if record else result.claimed_number,
            "kind": record.kind if record else None,
            "record_type": record.record_type if record else None,
            "record_number": record.record_number if record else None,
            "recorded_sha256": record.sha256 if record else None,
            "created_at": record.created_at if record else None,
            "signature": _signature(result.signature),
            "claims": _claims(result.claims),
            "problems": list(result.problems),
            "message": result.message(),
        },
        lambda: s.say(result.message()),
    )
    return 0 if result.ok else 1


def _verify_pdf_offline(args: argparse.Namespace, s: Session) -> int:
    """A partner's check: the signature against our certificate, no database opened."""
    from ..documents.verify import verify_offline

    result = verify_offline(Path(args.file), Path(args.certificate))
    s.data(
        {
            "file": str(result.path),
            "ok": result.ok,
            "sha256": result.sha256,
            "certificate": result.certificate_fingerprint,
            "signature": _signature(result.signature),
            "claims": _claims(result.claims),
            "message": result.message(),
        },
        lambda: s.say(result.message()),
    )
    return 0 if result.ok else 1


def _signature(check: SignatureCheck | None) -> dict[str, object] | None:
    if check is None:
        return None
    return {
        "ok": check.ok,
        "signed": check.signed,
        "intact": check.intact,
        "valid": check.valid,
        "trusted": check.trusted,
        "whole_file": check.whole_file,
        "signer": check.signer,
        "signer_fingerprint": check.signer_fingerprint,
        "signed_at": check.signed_at,
        "problem": check.problem,
    }


def _claims(claims: Claims) -> dict[str, object]:
    heads = claims.heads
    return {
        "number": claims.number,
        "content_sha256": claims.content_hash,
        "ledger_head": {"seq": heads.ledger_seq, "hash": heads.ledger_hash} if heads else None,
        "audit_head": {"seq": heads.audit_seq, "hash": heads.audit_hash} if heads else None,
    }


def register(commands: Commands) -> None:
    p = command(commands, "agreement", cmd_agreement, "write a loan agreement as PDF")
    p.add_argument("loan")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write")

    p = command(
        commands,
        "custody-form",
        cmd_custody_form,
        "write a chain-of-custody form (a transfer, or one aliquot's history) as PDF",
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--transfer", metavar="NUMBER", help="the form that travels with this package"
    )
    which.add_argument("--aliquot", metavar="NUMBER", help="this aliquot's custody so far")
    p.add_argument(
        "--blank", action="store_true", help="every handoff row left blank for ink signatures"
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write")

    p = command(
        commands, "manifest", cmd_manifest, "write a package's manifest (packing list) as PDF"
    )
    p.add_argument("transfer")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write")

    p = command(
        commands, "labels", cmd_labels, "write aliquot labels (QR code, number, sample, mass)"
    )
    p.add_argument("numbers", nargs="+", metavar="NUMBER", help="aliquot numbers")
    p.add_argument(
        "--format",
        choices=["roll", "a4"],
        default="roll",
        help="roll: 2 x 1 inch labels, one a page (default); a4: a sheet of 4 x 10",
    )
    p.add_argument(
        "--job-label",
        action="store_true",
        help="start the roll with one more label naming this print (its document number "
        "and QR code), to keep with the archive copy",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write")

    p = command(
        commands,
        "verify-pdf",
        cmd_verify_pdf,
        "say which recorded document a PDF is, whether it is unchanged and signed by this "
        "institution, and whether the ledger still holds the head it carries (exit 1 if not)",
    )
    p.add_argument("file")
    p.add_argument(
        "--certificate",
        metavar="CERT.pem",
        help="without the database: check the PDF's signature against this institution "
        "certificate (from 'keys export') and say what the document claims",
    )
