"""Is this PDF a document the program wrote, and is it unchanged?

How a document proves itself:

1. Before drawing, the document gets a number (``AGR-260314-K7Q2MX``) and the SHA-256 of
   its content: the canonical JSON of exactly the data it prints (content.content_dict). The
   QR code on every page holds both (``LCDOC:<number>:SHA256:<content hash>``), and so does
   the footer, so a paper copy names its record and what it said.
2. The hash of the whole file cannot be inside the file it hashes, so it is recorded
   beside it instead: after the PDF's bytes exist, their SHA-256 goes into the
   ``documents`` table with the number.
3. ``verify_file`` hashes a file and looks the hash up. Found: the file is that record,
   byte for byte. Not found: the file was changed or was never written by this database.
   To tell the two apart it reads the number the file claims to be, from the PDF's
   metadata (/Subject and /Keywords name it) or, if an editor dropped those, from its text;
   a known number with a different hash means the file was altered.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from ..domain import documents as register
from ..domain.documents import NUMBER_PATTERN, DocumentRecord
from ..domain.errors import ValidationError
from ..domain.store import Store

UNCHANGED, ALTERED, UNKNOWN = "unchanged", "altered", "unknown"
_CLAIM = re.compile(rb"lunar-custody-document=((?:AGR|COC|MAN|LBL)-\d{6}-[0-9A-Z]{6})")


@dataclass(frozen=True)
class Verification:
    path: Path
    sha256: str
    outcome: str  # unchanged | altered | unknown
    record: DocumentRecord | None  # the record it is, or claims to be
    claimed_number: str | None

    @property
    def ok(self) -> bool:
        return self.outcome == UNCHANGED

    def message(self) -> str:
        name = self.path.name
        record = self.record
        if record is not None:
            about = f"{record.kind_label} {record.number}" + (
                f" for {record.record_type} {record.record_number}" if record.record_number else ""
            )
            made = record.created_at.strftime("%Y-%m-%d %H:%M UTC")
            by = f" by {record.created_by}" if record.created_by else ""
        if self.outcome == UNCHANGED and record is not None:
            return f"{name} is {about}, written {made}{by}; the file is unchanged."
        if self.outcome == ALTERED and record is not None:
            return (
                f"{name} claims to be {about}, written {made}{by}, but it is not the file that "
                f"was written: its SHA-256 is {self.sha256}, the record says {record.sha256}. "
                "The file was altered."
            )
        if self.claimed_number:
            return (
                f"{name} names document {self.claimed_number}, which this database has no "
                "record of: it was not written from this database, or the file was altered."
            )
        return (
            f"{name} is not a document written by Lunar Custody from this database "
            f"(SHA-256 {self.sha256} is not recorded)."
        )


def claimed_number(pdf: bytes) -> str | None:
    """The document number a PDF says it is: metadata first, then its text."""
    found = _CLAIM.search(pdf)  # reportlab writes the info dictionary uncompressed
    if found:
        return found.group(1).decode()
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
    for field in (meta.subject, meta.get("/Keywords")) if meta else ():
        match = NUMBER_PATTERN.search(str(field or ""))
        if match:
            return match.group(0)
    for page in reader.pages[:2]:
        match = NUMBER_PATTERN.search(page.extract_text() or "")
        if match:
            return match.group(0)
    return None


def verify_file(store: Store, path: Path) -> Verification:
    """Recognise a PDF: unchanged (its hash is recorded), altered, or unknown."""
    path = Path(path)
    try:
        pdf = path.read_bytes()
    except OSError as error:
        raise ValidationError(f"Cannot read {path}: {error.strerror}.") from None
    sha256 = hashlib.sha256(pdf).hexdigest()
    record = register.find_by_hash(store, sha256)
    if record is not None:
        return Verification(path, sha256, UNCHANGED, record, record.number)
    number = claimed_number(pdf)
    claimed = register.find_by_number(store, number) if number else None
    return Verification(path, sha256, ALTERED if claimed else UNKNOWN, claimed, number)
