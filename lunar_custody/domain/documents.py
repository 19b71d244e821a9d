"""The register of generated documents (PDFs), so a file can be recognised later.

Each PDF the program writes gets a document number before it is drawn (it is printed on
every page and in the QR code); once the file's bytes exist, their SHA-256 is recorded here
with the number. ``find_by_hash`` then says which record a file is, and ``find_by_number``
finds the record a changed file claims to be (see documents/verify.py).

Numbers are ``KIND-YYMMDD-XXXXXX`` (six random Crockford base-32 characters) rather than a
counter: they are drawn before the PDF is rendered, so no lock is held while it is drawn,
and two workstations never wait on each other. A clash is refused by the unique constraint.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from . import clock
from . import operation as op
from .errors import DuplicateError, ValidationError
from .models import Aliquot, Document, Inventory, Loan, Person, Transfer
from .operation import operation
from .permissions import Actor
from .store import Store
from .wording import Words

_domain_documents = Words("_domain_documents")

# kind -> the prefix of its numbers
KINDS = {
    "agreement": "AGR",
    "custody_form": "COC",
    "manifest": "MAN",
    "labels": "LBL",
    "inventory_certificate": "INC",
    "return_accounting": "RAF",
}
KIND_LABELS = {
    "agreement": "loan agreement",
    "custody_form": "chain-of-custody form",
    "manifest": "manifest",
    "labels": "labels",
    "inventory_certificate": "inventory certificate",
    "return_accounting": "return accounting form",
}
RECORD_TYPES = ("loan", "transfer", "aliquot", "aliquots", "inventory")

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
NUMBER_PATTERN = re.compile(r"\b(?:AGR|COC|MAN|LBL|RAF)-\d{6}-[0-9A-HJKMNP-TV-Z]{6}\b")
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class DocumentRecord:
    """One generated PDF as recorded."""

    number: str
    kind: str
    kind_label: str
    record_type: str
    record_id: int | None
    record_number: str | None  # the loan, transfer or aliquot it is about, when one
    sha256: str
    filename: str
    created_at: datetime
    created_by: str | None


def new_number(kind: str, when: datetime | None = None) -> str:
    """A fresh document number such as 'AGR-260314-K7Q2MX' (not yet recorded)."""
    if kind not in KINDS:
        raise ValidationError(_domain_documents.said("Unknown document kind '{kind}'.", kind=kind))
    day = (when or clock.now()).strftime("%y%m%d")
    tail = "".join(secrets.choice(_CROCKFORD) for _ in range(6))
    return f"{KINDS[kind]}-{day}-{tail}"


def record_document(
    store: Store,
    actor: Actor | None,
    *,
    number: str,
    kind: str,
    record_type: str,
    record_number: str | None,
    sha256: str,
    filename: str = "",
) -> DocumentRecord:
    """Record a written PDF: its number, what it is about and the SHA-256 of the file.

    ``record_type`` is 'loan', 'transfer' or 'aliquot' with that record's number, or
    'aliquots' (labels for several) with ``record_number`` None.

    ``actor`` is None for the command line, which writes documents without signing in
    (reading commands never ask for a password); the GUI passes the signed-in person.
    """
    if kind not in KINDS or not number.startswith(KINDS[kind] + "-"):
        raise ValidationError(
            _domain_documents.said(
                "'{number}' is not a number for a {kind} document.", number=number, kind=kind
            )
        )
    if record_type not in RECORD_TYPES:
        raise ValidationError(
            _domain_documents.said("Unknown record type '{record_type}'.", record_type=record_type)
        )
    if not _SHA256.fullmatch(sha256):
        raise ValidationError(
            _domain_documents.said("A document's SHA-256 is 64 lower-case hexadecimal digits.")
        )
    try:
        with _writing(store, actor) as (session, person_id):
            record_id = _record_id(session, record_type, record_number)
            row = Document(
                number=number,
                kind=kind,
                record_type=record_type,
                record_id=record_id,
                sha256=sha256,
                filename=filename[-260:],
                created_at=clock.now(),
                created_by_id=person_id,
            )
            session.add(row)
            session.flush()
            return _record_of(session, row)
    except IntegrityError:
        raise DuplicateError(
            _domain_documents.said("Document number {number} is already recorded.", number=number)
        ) from None


@contextmanager
def _writing(store: Store, actor: Actor | None) -> Iterator[tuple[Session, int | None]]:
    """The transaction of a recording: an operation for a signed-in actor, else a plain one."""
    if actor is None:
        with store.write() as session:
            yield session, None
    else:
        with operation(store, actor, None) as ctx:
            yield ctx.session, ctx.person.id


def _record_id(session: Session, record_type: str, number: str | None) -> int | None:
    if number is None:
        return None
    from .inventory import find as inventory  # an inventory's certificate

    finders: dict[str, Callable[[Session, str], Loan | Transfer | Aliquot | Inventory]]
    finders = {
        "loan": op.loan,
        "transfer": op.transfer,
        "aliquot": op.aliquot,
        "inventory": inventory,
    }
    finder = finders.get(record_type)
    if finder is None:
        raise ValidationError(
            _domain_documents.said(
                "A {record_type} document is not about one numbered record.",
                record_type=record_type,
            )
        )
    return finder(session, number).id


def find_by_hash(store: Store, sha256: str) -> DocumentRecord | None:
    """The document whose recorded file has exactly this SHA-256, if any."""
    with store.read() as session:
        row = session.scalars(
            select(Document).where(Document.sha256 == sha256.lower()).order_by(Document.id)
        ).first()
        return _record_of(session, row) if row is not None else None


def find_by_number(store: Store, number: str) -> DocumentRecord | None:
    with store.read() as session:
        row = session.scalars(select(Document).where(Document.number == number.strip())).first()
        return _record_of(session, row) if row is not None else None


def _record_of(session: Session, row: Document) -> DocumentRecord:
    subject: str | None = None
    if row.record_id is not None:
        model = {"loan": Loan, "transfer": Transfer, "aliquot": Aliquot}.get(row.record_type)
        found = session.get(model, row.record_id) if model is not None else None
        subject = found.number if isinstance(found, Loan | Transfer | Aliquot) else None
    person = session.get(Person, row.created_by_id) if row.created_by_id else None
    return DocumentRecord(
        number=row.number,
        kind=row.kind,
        kind_label=KIND_LABELS.get(row.kind, row.kind),
        record_type=row.record_type,
        record_id=row.record_id,
        record_number=subject,
        sha256=row.sha256,
        filename=row.filename,
        created_at=row.created_at,
        created_by=person.full_name if person else None,
    )
