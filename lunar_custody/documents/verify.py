"""Is this PDF a document the program wrote, is it unchanged, and does the ledger it saw stand?

How a document proves itself:

1. Before drawing, the document gets a number (``AGR-260314-K7Q2MX``) and the SHA-256 of
   its content: the canonical JSON of exactly the data it prints (content.content_dict). The
   QR code on every page holds both and the ledger head when it was made
   (``LCDOC:<number>:SHA256:<content hash>:HEAD:<event>:<hash>``), and so does the footer, so
   a paper copy names its record, what it said and the chain it saw.
2. The PDF is signed (PAdES) by the institution key; its metadata (/Keywords) carries the
   number, the content hash and the ledger's and audit trail's heads, under the signature.
3. The hash of the whole signed file cannot be inside the file it hashes, so it is recorded
   beside it instead: its SHA-256 goes into the ``documents`` table with the number.

``verify_file`` (with the database) hashes a file and looks the hash up. Found: the file is
that record, byte for byte. Not found: the file was changed or was never written by this
database; to tell the two apart it reads the number the file claims to be, from the PDF's
metadata or, if an editor dropped it, from its text. It also checks the PAdES signature
against this installation's institution certificates, and that the ledger still holds the
head the document carries: a document written before the chain was rewritten names the
rewrite (domain/anchors.py).

``verify_offline`` (a partner, without our database) checks the signature against the
institution certificate given, and says what the document claims.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from ..domain import anchors, keys
from ..domain import documents as register
from ..domain.anchors import ChainHeads
from ..domain.documents import NUMBER_PATTERN, DocumentRecord
from ..domain.errors import ValidationError
from ..domain.ledger import Problem
from ..domain.store import Store
from ..domain.wording import moment_text
from ..trust import keys as trust_keys
from .signing import SignatureCheck, check_signature

UNCHANGED, ALTERED, UNKNOWN = "unchanged", "altered", "unknown"
_NUMBER = rb"(?:AGR|COC|MAN|LBL)-\d{6}-[0-9A-Z]{6}"
_CLAIM = re.compile(rb"lunar-custody-document=(" + _NUMBER + rb")")
_CONTENT = re.compile(rb"content-sha256=([0-9a-f]{64})")
_HEADS = re.compile(rb"ledger-head=(\d+):([0-9a-f]{64}), audit-head=(\d+):([0-9a-f]{64})")


@dataclass(frozen=True)
class Claims:
    """What a PDF says it is, from its metadata (signed with it) or, failing that, its text."""

    number: str | None
    content_hash: str | None = None
    heads: ChainHeads | None = None  # None: a document from before heads were carried

    def describe(self) -> str:
        if self.number is None:
            return "It names no Lunar Custody document."
        parts = [f"It claims to be document {self.number}"]
        if self.content_hash:
            parts.append(f"content SHA-256 {self.content_hash}")
        if self.heads is not None:
            parts.append(
                f"written when the ledger ended at event #{self.heads.ledger_seq} "
                f"(SHA-256 {self.heads.ledger_hash}) and the audit trail at entry "
                f"#{self.heads.audit_seq}"
            )
        return ", ".join(parts) + "."


def read_claims(pdf: bytes) -> Claims:
    """The document number, content hash and chain heads a PDF claims."""
    # reportlab writes the info dictionary uncompressed, and pyHanko's signature copies it
    found = _CLAIM.search(pdf)
    if found:
        content = _CONTENT.search(pdf)
        heads = _HEADS.search(pdf)
        return Claims(
            found.group(1).decode(),
            content.group(1).decode() if content else None,
            ChainHeads(
                int(heads.group(1)), heads.group(2).decode(), int(heads.group(3)),
                heads.group(4).decode(),
            ) if heads else None,
        )  # fmt: skip
    return Claims(_claimed_by_pypdf(pdf))


def claimed_number(pdf: bytes) -> str | None:
    """The document number a PDF says it is: metadata first, then its text."""
    return read_claims(pdf).number


def _claimed_by_pypdf(pdf: bytes) -> str | None:
    if pdf.lstrip()[:5] != b"%PDF-":
        return None
    # A file re-saved by another program: ask pypdf, quietly (damage is expected here).
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _claim_read_by_pypdf(pdf)
    except Exception:  # not a readable PDF at all: it claims nothing
        return None
    finally:
        logger.setLevel(level)


def _claim_read_by_pypdf(pdf: bytes) -> str | None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    meta = reader.metadata
    for value in (meta.subject, meta.get("/Keywords")) if meta else ():
        match = NUMBER_PATTERN.search(str(value or ""))
        if match:
            return match.group(0)
    for page in reader.pages[:2]:
        match = NUMBER_PATTERN.search(page.extract_text() or "")
        if match:
            return match.group(0)
    return None


def _read(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise ValidationError(f"Cannot read {path}: {error.strerror}.") from None


def _signed_by(check: SignatureCheck) -> str:
    return f"{check.signer} (certificate {trust_keys.short_fingerprint(check.signer_fingerprint)})"


@dataclass(frozen=True)
class Verification:
    path: Path
    sha256: str
    outcome: str  # unchanged | altered | unknown: the file against the register
    record: DocumentRecord | None  # the record it is, or claims to be
    claimed_number: str | None
    signature: SignatureCheck | None = None
    claims: Claims = field(default_factory=lambda: Claims(None))
    problems: tuple[Problem, ...] = ()  # the ledger no longer holds the head it carries

    @property
    def authentic(self) -> bool:
        """Signed by this installation's institution key and not changed since."""
        return self.signature is not None and self.signature.ok

    @property
    def unsigned(self) -> bool:
        return self.signature is not None and not self.signature.signed

    @property
    def ok(self) -> bool:
        # a recorded file written before documents were signed stands on the register alone
        sound = self.authentic or self.unsigned
        return self.outcome == UNCHANGED and sound and not self.problems

    def message(self) -> str:
        lines = [self._file_message()]
        lines += [problem.message for problem in self.problems]
        return "\n".join(lines)

    def _file_message(self) -> str:
        name = self.path.name
        record = self.record
        check = self.signature
        if record is not None:
            about = f"{record.kind_label} {record.number}" + (
                f" for {record.record_type} {record.record_number}" if record.record_number else ""
            )
            made = moment_text(record.created_at)
            by = f" by {record.created_by}" if record.created_by else ""
        if self.outcome == UNCHANGED and record is not None:
            if self.authentic and check is not None:
                return (
                    f"{name} is {about}, written {made}{by}; the file is unchanged and signed "
                    f"by {_signed_by(check)}."
                )
            if self.unsigned:
                return (
                    f"{name} is {about}, written {made}{by}; the file is unchanged. It was "
                    "written before documents were signed, so only this database vouches "
                    "for it."
                )
            return (
                f"{name} is {about}, written {made}{by}, and its SHA-256 is recorded, but its "
                f"signature does not check: {check.problem if check else 'not checked'}."
            )
        if self.outcome == ALTERED and record is not None:
            if self.authentic and check is not None:
                return (
                    f"{name} is {about}, intact and signed by {_signed_by(check)}, but the "
                    f"register records SHA-256 {record.sha256} for it, not {self.sha256}: "
                    "the register's record was changed."
                )
            return (
                f"{name} claims to be {about}, written {made}{by}, but it is not the file that "
                f"was written: its SHA-256 is {self.sha256}, the record says {record.sha256}. "
                "The file was altered."
                + (f" Its signature: {check.problem}." if check and check.problem else "")
            )
        if self.claimed_number:
            unknown = (
                f"{name} names document {self.claimed_number}, which this database has no record of"
            )
            if self.authentic:
                return (
                    f"{unknown}, yet it is intact and signed with this installation's "
                    "institution key: its record was removed from the register, or it was "
                    "written from a copy of this database."
                )
            if check is not None and check.signed and check.intact and check.valid:
                return f"{unknown}: it was written by another installation ({check.problem})."
            return f"{unknown}: it was not written from this database, or the file was altered."
        return (
            f"{name} is not a document written by Lunar Custody from this database "
            f"(SHA-256 {self.sha256} is not recorded)."
        )


def verify_file(store: Store, path: Path) -> Verification:
    """Recognise a PDF (unchanged, altered or unknown), check its signature against this
    installation's institution certificates, and the ledger head it carries."""
    path = Path(path)
    pdf = _read(path)
    sha256 = hashlib.sha256(pdf).hexdigest()
    claims = read_claims(pdf)
    record = register.find_by_hash(store, sha256)
    if record is not None:
        outcome = UNCHANGED
    else:
        record = register.find_by_number(store, claims.number) if claims.number else None
        outcome = ALTERED if record is not None else UNKNOWN
    roots = [
        trust_keys.load_certificate(info.pem)
        for info in keys.list_certificates(store, (keys.INSTITUTION,))
    ]
    signature = None
    if pdf.lstrip()[:5] == b"%PDF-":
        signature = check_signature(pdf, roots, "this installation's institution certificate")
    problems: list[Problem] = []
    # Only a signed claim of ours is evidence about our ledger.
    if signature is not None and signature.ok and claims.heads is not None:
        written = record.created_at if record is not None else signature.signed_at
        when = f" of {moment_text(written)}" if written else ""
        what = f"document {claims.number}{when} was written"
        problems = anchors.held_heads_problems(store, claims.heads, what)
    number = record.number if outcome == UNCHANGED and record is not None else claims.number
    return Verification(path, sha256, outcome, record, number, signature, claims, tuple(problems))


@dataclass(frozen=True)
class OfflineVerification:
    """A PDF checked against an institution certificate alone, without a database."""

    path: Path
    sha256: str
    certificate_fingerprint: str
    signature: SignatureCheck
    claims: Claims

    @property
    def ok(self) -> bool:
        return self.signature.ok

    def message(self) -> str:
        name = self.path.name
        given = trust_keys.short_fingerprint(self.certificate_fingerprint)
        check = self.signature
        if check.ok:
            when = f" on {moment_text(check.signed_at)}" if check.signed_at else ""
            verdict = (
                f"{name} is intact and signed{when} by {_signed_by(check)}, the institution "
                f"whose certificate ({given}) was given."
            )
        else:
            verdict = (
                f"{name} is NOT a document intact and signed by the institution whose "
                f"certificate ({given}) was given: {check.problem}."
            )
        return f"{verdict}\n{self.claims.describe()}"


def verify_offline(path: Path, certificate_path: Path) -> OfflineVerification:
    """Check a PDF's PAdES signature with the institution certificate in ``certificate_path``
    as the only trust root (``keys export`` writes it)."""
    pdf = _read(path)
    try:
        certificate = trust_keys.load_certificate(_read(certificate_path))
    except trust_keys.CertificateError as error:
        raise ValidationError(f"{certificate_path} is not a certificate: {error}.") from None
    return OfflineVerification(
        Path(path),
        hashlib.sha256(pdf).hexdigest(),
        trust_keys.fingerprint(certificate),
        check_signature(pdf, [certificate]),
        read_claims(pdf),
    )
