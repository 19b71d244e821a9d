"""Documents: a loan agreement, a chain-of-custody form, a manifest, labels as PDF, and
checking a PDF against the register of documents."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import ValidationError
from .common import Commands, Session, command

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..documents.service import GeneratedDocument
    from ..documents.signing import SignatureCheck
    from ..documents.verify import Claims
    from ..documents.wording import Languages
    from ..domain.permissions import Actor


def report_written(s: Session, doc: GeneratedDocument, remembered: str = "") -> None:
    """What every command that writes a PDF says: the file, its pages, the registered
    document's number and SHA-256, the languages (and the choice remembered, if any)."""
    from ..domain.document_languages import languages_text

    languages = languages_text(doc.languages)
    s.data(
        {
            "number": doc.number,
            "kind": doc.kind,
            "file": str(doc.path),
            "languages": languages,
            "pages": doc.pages,
            "sha256": doc.sha256,
            "content_sha256": doc.content_hash,
            "ledger_head": {"seq": doc.heads.ledger_seq, "hash": doc.heads.ledger_hash},
            "audit_head": {"seq": doc.heads.audit_seq, "hash": doc.heads.audit_hash},
            "signed_by": doc.signer_fingerprint,
            "remembered_for": remembered or None,
        },
        lambda: s.say(
            f"Wrote {doc.path} ({doc.pages} page{'s' if doc.pages != 1 else ''}): "
            f"document {doc.number}, signed, SHA-256 {doc.sha256}; in {languages}."
            + (f" {languages} remembered for {remembered}." if remembered else "")
        ),
    )


def write_record_pdf(
    s: Session,
    write: Callable[..., GeneratedDocument],
    record: str,
    output: str,
    lang: str | None,
) -> int:
    """``-o FILE`` of a command that shows a record (an inventory, a loan's F-75): the
    record's signed PDF, written by ``write(store, None, record, path, languages=...)`` and
    reported as every document command reports it."""
    from ..domain.document_languages import parse_languages

    languages: Languages | None = parse_languages(lang) if lang else None
    report_written(s, write(s.db, None, record, Path(output), languages=languages))
    return 0


def _languages(args: argparse.Namespace) -> tuple[str, ...] | None:
    """--lang as a choice of languages; None: the partner's remembered choice."""
    from ..domain.document_languages import parse_languages
    from ..domain.errors import ValidationError

    if args.lang is None:
        if args.remember:
            raise ValidationError("--remember stores the languages given with --lang: add it.")
        return None
    return parse_languages(args.lang)


def _who_remembers(args: argparse.Namespace, s: Session) -> Actor | None:
    """With --remember, the person who stores the choice, signed in and allowed to, before
    anything is written (a curator or an administrator)."""
    from ..domain.errors import ValidationError
    from ..domain.permissions import require

    if not args.remember:
        return None
    if not args.user:
        raise ValidationError("--remember needs --user: a curator or an administrator.")
    actor, _ = s.signer()
    require(actor.roles, "choose_document_languages")
    return actor


def _remember(s: Session, actor: Actor | None, partner: str, doc: GeneratedDocument) -> str:
    """Store the document's languages for its partner institution when ``actor`` remembers
    them; the institution's code, or ''."""
    from ..domain import document_languages

    if actor is None:
        return ""
    if not partner:
        from ..domain.errors import ValidationError

        raise ValidationError(
            f"Document {doc.number} is written, but it is for no one partner institution: "
            "there is no choice to remember (use institution-languages CODE --lang)."
        )
    document_languages.set_document_languages(s.db, actor, partner, doc.languages)
    return partner


# documents.service loads reportlab, slow to import: only the commands that write a PDF do.


def cmd_agreement(args: argparse.Namespace, s: Session) -> int:
    from ..documents import service
    from ..domain.document_languages import loan_partner

    languages = _languages(args)
    actor = _who_remembers(args, s)
    doc = service.write_agreement(s.db, None, args.loan, Path(args.output), languages=languages)
    report_written(s, doc, _remember(s, actor, loan_partner(s.db, args.loan), doc))
    return 0


def cmd_custody_form(args: argparse.Namespace, s: Session) -> int:
    from ..documents import service
    from ..domain import document_languages

    languages = _languages(args)
    actor = _who_remembers(args, s)
    doc = service.write_custody_form(
        s.db,
        None,
        Path(args.output),
        transfer=args.transfer,
        aliquot=args.aliquot,
        blank=args.blank,
        languages=languages,
    )
    partner = (
        document_languages.transfer_partner(s.db, args.transfer)
        if args.transfer
        else document_languages.aliquots_partner(s.db, [args.aliquot])
    )
    report_written(s, doc, _remember(s, actor, partner, doc))
    return 0


def cmd_manifest(args: argparse.Namespace, s: Session) -> int:
    from ..documents import service
    from ..domain.document_languages import transfer_partner

    languages = _languages(args)
    actor = _who_remembers(args, s)
    doc = service.write_manifest(s.db, None, args.transfer, Path(args.output), languages=languages)
    report_written(s, doc, _remember(s, actor, transfer_partner(s.db, args.transfer), doc))
    return 0


def cmd_labels(args: argparse.Namespace, s: Session) -> int:
    from ..documents import service
    from ..domain.document_languages import aliquots_partner

    if args.job_label and args.format != "roll":
        raise ValidationError("A job label starts a roll: give --job-label with --format roll.")
    languages = _languages(args)
    actor = _who_remembers(args, s)
    doc = service.write_labels(
        s.db,
        None,
        args.numbers,
        Path(args.output),
        layout=args.format,
        job_label=args.job_label,
        languages=languages,
    )
    report_written(s, doc, _remember(s, actor, aliquots_partner(s.db, args.numbers), doc))
    return 0


def cmd_institution_languages(args: argparse.Namespace, s: Session) -> int:
    """Show, or with --lang set, the languages a partner's documents print in."""
    from ..domain import document_languages as chosen

    if args.lang is None:
        languages = chosen.document_languages(s.db, args.code)
        code = args.code.strip().upper()
        text = chosen.languages_text(languages)
        s.data(
            {"institution": code, "languages": text},
            lambda: s.say(f"Documents for {code} print in {text}."),
        )
        return 0
    actor, _ = s.signer()
    languages = chosen.set_document_languages(
        s.db, actor, args.code, chosen.parse_languages(args.lang)
    )
    code, text = args.code.strip().upper(), chosen.languages_text(languages)
    s.done(f"Documents for {code} now print in {text}.", institution=code, languages=text)
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


LANG_HELP = (
    "en (English), zh (Chinese) or en,zh (both, as parallel text); default: the languages "
    "remembered for the partner institution the document is for, else en"
)


def _language_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", metavar="en|zh|en,zh", help=LANG_HELP)
    p.add_argument(
        "--remember",
        action="store_true",
        help="remember --lang for the partner institution, for its next documents "
        "(a curator or an administrator: --user)",
    )


def register(commands: Commands) -> None:
    p = command(
        commands,
        "agreement",
        cmd_agreement,
        "write a loan agreement as PDF",
        signs=True,
        signer_required=False,
    )
    p.add_argument("loan")
    _language_options(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write")

    p = command(
        commands,
        "custody-form",
        cmd_custody_form,
        "write a chain-of-custody form (a transfer, or one aliquot's history) as PDF",
        signs=True,
        signer_required=False,
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--transfer", metavar="NUMBER", help="the form that travels with this package"
    )
    which.add_argument("--aliquot", metavar="NUMBER", help="this aliquot's custody so far")
    p.add_argument(
        "--blank", action="store_true", help="every handoff row left blank for ink signatures"
    )
    _language_options(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write")

    p = command(
        commands,
        "manifest",
        cmd_manifest,
        "write a package's manifest (packing list) as PDF",
        signs=True,
        signer_required=False,
    )
    p.add_argument("transfer")
    _language_options(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write")

    p = command(
        commands,
        "labels",
        cmd_labels,
        "write aliquot labels (QR code, number, sample, mass)",
        signs=True,
        signer_required=False,
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
    _language_options(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write")

    p = command(
        commands,
        "institution-languages",
        cmd_institution_languages,
        "show the languages an institution's documents print in, or set them with --lang",
        signs=True,
        signer_required=False,
    )
    p.add_argument("code", help="the institution's code")
    p.add_argument(
        "--lang",
        metavar="en|zh|en,zh",
        help="set them (with --user: a curator or an administrator)",
    )

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
