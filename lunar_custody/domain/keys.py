"""The installation's keys as records: institution, partner and person certificates, and the
cryptographic half of every signature the program records.

- This installation's **institution certificate** is made by ``init`` (``registry.bootstrap``)
  or, for a database from before keys, by ``lunar-custody keys init``. Its private key lives in
  a file outside the database (trust/keyring.py), so a copy of the database alone cannot sign
  as the institution (T2).
- A **person's certificate** is issued by it the first time the person signs with their
  password, which is then at hand to seal the new private key (trust/sealing.py). A password
  reset retires it (the key sealed under the forgotten password is lost); the next signature
  gets a new one. Earlier signatures stay valid under the retired certificate.
- A **courier's PIN** never seals a key (a PIN is guessed offline in minutes): the program
  checks the PIN and the institution key attests the confirmation, naming the courier and
  the method (README: "Signatures").
- **Revoking** a person (T4) revokes their certificates from a moment on: what they signed
  before stays valid, what claims to be signed from then on is refused, and the program lets
  them sign again only after an administrator resets their password.
- **Rotating** the institution key retires the old certificate, endorses the new one with the
  old key, and retires every person's certificate issued by the old one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..trust import keyring, sealing
from ..trust import keys as trust_keys
from ..trust.keys import Holder, PrivateKey
from ..trust.statements import sign_statement, signature_holds, utc_text
from . import clock
from .errors import CustodyError, DuplicateError, NotFoundError, RuleViolation
from .models import Certificate, Institution, Person, Signature
from .store import Store
from .wording import Said, Words

_domain_keys = Words("_domain_keys")

INSTITUTION, PARTNER, PERSON = "institution", "partner", "person"
PIN_METHOD = "pin"
STATEMENT_TYPE = "lunar-custody/signature"
REVOCATION_TYPE = "lunar-custody/revocation"
ENDORSEMENT_TYPE = "lunar-custody/endorsement"


class KeyUnavailable(CustodyError):
    """This machine does not hold the institution's private key, or nobody made one yet."""


@dataclass(frozen=True)
class InstitutionKey:
    """This installation's institution certificate with its private key, ready to sign."""

    certificate_id: int
    fingerprint: str
    certificate: x509.Certificate
    private_key: PrivateKey
    institution_code: str
    institution_name: str

    @property
    def pem(self) -> str:
        return trust_keys.certificate_pem(self.certificate)


# ---------------------------------------------------------------- the institution key


def home_certificate(session: Session) -> Certificate | None:
    """This installation's current institution certificate (None before ``keys init``)."""
    return session.scalars(
        select(Certificate)
        .where(
            Certificate.kind == INSTITUTION,
            Certificate.retired_at.is_(None),
            Certificate.revoked_at.is_(None),
        )
        .order_by(Certificate.id.desc())
    ).first()


def institution_certificates(session: Session) -> list[Certificate]:
    """Every institution certificate this installation ever had, oldest first."""
    return list(
        session.scalars(
            select(Certificate).where(Certificate.kind == INSTITUTION).order_by(Certificate.id)
        )
    )


def institution_key(session: Session) -> InstitutionKey:
    """The current institution certificate and its private key from this machine's keyring."""
    row = home_certificate(session)
    if row is None:
        raise KeyUnavailable(
            _domain_keys.said(
                "This database has no institution key yet: an administrator makes one with "
                "'{command}' (or Institutions > Keys).",
                command="lunar-custody keys init",  # a command, never translated
            )
        )
    try:
        private = keyring.load_key(row.fingerprint)
    except keyring.KeyringError as error:
        raise KeyUnavailable(str(error)) from None
    certificate = trust_keys.load_certificate(row.certificate_pem)
    if private is None or not trust_keys.same_public_key(private, certificate):
        raise KeyUnavailable(
            _domain_keys.said(
                "This computer does not hold the institution key of {institution} "
                "(certificate {fingerprint}): copy it here with '{command}', or work on the "
                "computer that holds it.",
                institution=row.institution.name,
                fingerprint=trust_keys.short_fingerprint(row.fingerprint),
                command="lunar-custody keys import-institution-key",
            )
        )
    return InstitutionKey(
        row.id, row.fingerprint, certificate, private, row.institution.code, row.institution.name
    )


def certificate_row(
    kind: str,
    certificate: x509.Certificate,
    institution: Institution,
    person: Person | None = None,
    sealed_key: str | None = None,
    endorsement: str | None = None,
) -> Certificate:
    return Certificate(
        kind=kind,
        institution=institution,
        person=person,
        fingerprint=trust_keys.fingerprint(certificate),
        certificate_pem=trust_keys.certificate_pem(certificate),
        sealed_key=sealed_key,
        valid_from=certificate.not_valid_before_utc,
        valid_until=certificate.not_valid_after_utc,
        endorsement=endorsement,
        created_at=clock.now(),
    )


def new_institution_certificate(
    session: Session, institution: Institution, now: datetime, replaces: InstitutionKey | None
) -> Certificate:
    private = trust_keys.new_private_key()
    holder = Holder(institution.uuid, institution.name, institution.name, institution.code)
    certificate = trust_keys.institution_certificate(private, holder, now)
    fingerprint = trust_keys.fingerprint(certificate)
    endorsement = None
    if replaces is not None:
        endorsement = sign_statement(replaces.private_key, endorsement_statement(fingerprint))
    # the key file first: a certificate the program cannot sign with is never recorded
    keyring.store_key(private, fingerprint, certificate=certificate)
    row = certificate_row(INSTITUTION, certificate, institution, endorsement=endorsement)
    session.add(row)
    return row


def create_institution_key_in(session: Session, institution: Institution) -> Certificate:
    """The first institution certificate (``init``); refused once there is one."""
    if institution_certificates(session):
        raise DuplicateError(
            _domain_keys.said(
                "This installation has an institution key already; rotate it to replace it."
            )
        )
    row = new_institution_certificate(session, institution, clock.now(), None)
    session.flush()
    return row


def endorsement_statement(new_fingerprint: str) -> dict[str, Any]:
    return {"type": ENDORSEMENT_TYPE, "v": 1, "certificate": new_fingerprint}


# ---------------------------------------------------------------- people's keys


def person_certificates(session: Session, person: Person) -> list[Certificate]:
    return list(
        session.scalars(
            select(Certificate)
            .where(Certificate.kind == PERSON, Certificate.person_id == person.id)
            .order_by(Certificate.id)
        )
    )


def refuse_if_revoked(person: Person, rows: Sequence[Certificate]) -> None:
    """A person whose latest certificate is revoked, with no password reset since (a reset
    retires the revoked certificate too), signs nothing: not even with a PIN."""
    latest = rows[-1] if rows else None
    if latest is not None and latest.revoked_at is not None and latest.retired_at is None:
        raise RuleViolation(
            _domain_keys.said(
                "The signing key of {name} was revoked on {date}: an administrator must reset "
                "their password before they can sign again.",
                name=person.full_name,
                date=f"{latest.revoked_at:%Y-%m-%d}",
            )
        )


def _signing_key(
    session: Session, person: Person, password: str, now: datetime
) -> tuple[Certificate, PrivateKey]:
    """The person's current certificate and key, issued now if they have none usable."""
    rows = person_certificates(session, person)
    refuse_if_revoked(person, rows)
    current = next(
        (r for r in reversed(rows) if r.retired_at is None and r.revoked_at is None), None
    )
    if current is not None and current.sealed_key is not None:
        try:
            return current, sealing.unseal(current.sealed_key, password)
        except sealing.WrongSecret:
            # sealed under a password since replaced outside a reset: a new key below
            current.retired_at = now
    issuer = institution_key(session)
    private = trust_keys.new_private_key()
    holder = Holder(person.uuid, person.full_name, person.institution.name)
    certificate = trust_keys.person_certificate(
        issuer.private_key, issuer.certificate, private.public_key(), holder, now
    )
    row = certificate_row(
        PERSON, certificate, person.institution, person, sealing.seal(private, password)
    )
    session.add(row)
    session.flush()
    return row, private


def retire_person_keys(session: Session, person: Person) -> None:
    """A password reset: the key sealed under the old password can no longer be opened."""
    now = clock.now()
    for row in person_certificates(session, person):
        if row.retired_at is None:  # a revoked one too: the reset lets them sign again
            row.retired_at = now


class SignedRecord(Protocol):
    """The columns of a signature its statement covers: a ``Signature`` row, or a row of
    them read by ``verify`` without the ORM."""

    @property
    def uuid(self) -> str: ...
    @property
    def printed_name(self) -> str: ...
    @property
    def institution_name(self) -> str: ...
    @property
    def meaning(self) -> str: ...
    @property
    def signed_at(self) -> datetime: ...
    @property
    def method(self) -> str: ...
    @property
    def record_type(self) -> str: ...
    @property
    def record_number(self) -> str: ...
    @property
    def content_hash(self) -> str: ...
    @property
    def drawing_png(self) -> bytes | None: ...


def signature_statement(
    signature: SignedRecord, signer_uuid: str, fingerprint: str
) -> dict[str, Any]:
    """What a signature's ECDSA value covers: the signature record itself (signer, meaning,
    time, method, the record and the hash of its content) and the certificate it is made
    with. Canonical by RFC 8785, so it can be rebuilt and checked outside this program."""
    drawing = signature.drawing_png
    return {
        "type": STATEMENT_TYPE,
        "v": 1,
        "uuid": signature.uuid,
        "signer": signer_uuid,
        "printed_name": signature.printed_name,
        "institution": signature.institution_name,
        "meaning": signature.meaning,
        "signed_at": utc_text(signature.signed_at),
        "method": signature.method,
        "record_type": signature.record_type,
        "record_number": signature.record_number,
        "content_hash": signature.content_hash,
        "drawing_sha256": hashlib.sha256(drawing).hexdigest() if drawing else None,
        "certificate": fingerprint,
    }


def seal_signature(session: Session, signature: Signature, person: Person, secret: str) -> None:
    """Make the cryptographic half of a signature whose secret was just checked: by the
    person's key for a password, attested by the institution key for a courier's PIN."""
    if signature.method == PIN_METHOD:
        refuse_if_revoked(person, person_certificates(session, person))
        issuer = institution_key(session)
        certificate_id, fingerprint, private = (
            issuer.certificate_id,
            issuer.fingerprint,
            issuer.private_key,
        )
    else:
        # issued at the signature's own moment, which the operation took before it got here
        row, private = _signing_key(session, person, secret, signature.signed_at)
        certificate_id, fingerprint = row.id, row.fingerprint
    signature.certificate_id = certificate_id
    signature.crypto_signature = sign_statement(
        private, signature_statement(signature, person.uuid, fingerprint)
    )


# ---------------------------------------------------------------- revocation


def revocation_statement(row: Certificate) -> dict[str, Any]:
    assert row.revoked_at is not None
    return {
        "type": REVOCATION_TYPE,
        "v": 1,
        "certificate": row.fingerprint,
        "revoked_at": utc_text(row.revoked_at),
        "reason": row.revocation_reason,
    }


def certificate_by_fingerprint(session: Session, fingerprint: str) -> Certificate:
    wanted = "".join(fingerprint.split()).lower()
    rows = session.scalars(
        select(Certificate).where(Certificate.fingerprint.startswith(wanted))
    ).all()
    if len(rows) != 1:
        raise NotFoundError(
            _domain_keys.said(
                "No single certificate has the fingerprint {fingerprint}.",
                fingerprint=fingerprint,
            )
        )
    return rows[0]


# ---------------------------------------------------------------- read model


@dataclass(frozen=True)
class CertificateInfo:
    """One certificate as the Keys window and ``keys list`` show it."""

    fingerprint: str
    short_fingerprint: str
    kind: str
    institution_code: str
    institution_name: str
    holder: str  # the person's full name, or the institution's name
    username: str | None
    valid_from: datetime
    valid_until: datetime
    retired_at: datetime | None
    revoked_at: datetime | None
    revocation_reason: str
    pem: str

    @property
    def state(self) -> str:
        if self.revoked_at is not None:
            return "revoked"
        if self.retired_at is not None:
            return "retired"
        return "current"


def _info(row: Certificate) -> CertificateInfo:
    return CertificateInfo(
        fingerprint=row.fingerprint,
        short_fingerprint=trust_keys.short_fingerprint(row.fingerprint),
        kind=row.kind,
        institution_code=row.institution.code,
        institution_name=row.institution.name,
        holder=row.person.full_name if row.person else row.institution.name,
        username=row.person.username if row.person else None,
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        retired_at=row.retired_at,
        revoked_at=row.revoked_at,
        revocation_reason=row.revocation_reason,
        pem=row.certificate_pem,
    )


def list_certificates(
    store: Store, kinds: Sequence[str] = (INSTITUTION, PARTNER, PERSON)
) -> list[CertificateInfo]:
    with store.read() as session:
        rows = session.scalars(
            select(Certificate).where(Certificate.kind.in_(kinds)).order_by(Certificate.id)
        ).all()
        return [_info(row) for row in rows]


def home_certificate_info(store: Store) -> CertificateInfo | None:
    with store.read() as session:
        row = home_certificate(session)
        return _info(row) if row is not None else None


@dataclass(frozen=True)
class KeyFile:
    """Where this computer keeps the key of an institution certificate, and whether it does."""

    path: str
    held: bool


def institution_key_problem(store: Store) -> str | None:
    """Why this computer cannot sign as the institution, in plain words (None: it can)."""
    with store.read() as session:
        try:
            institution_key(session)
        except KeyUnavailable as error:
            said = error.args[0] if len(error.args) == 1 else None
            return said if isinstance(said, Said) else str(error)  # a Said the window translates
    return None


def key_file(info: CertificateInfo) -> KeyFile:
    """Whether this computer holds the key of the institution certificate ``info`` (a file
    that is there but holds another key does not count)."""
    path = keyring.key_path(info.fingerprint)
    try:
        private = keyring.load_key(info.fingerprint)
    except keyring.KeyringError:
        return KeyFile(str(path), False)
    certificate = trust_keys.load_certificate(info.pem)
    return KeyFile(
        str(path), private is not None and trust_keys.same_public_key(private, certificate)
    )


def institution_fingerprint(session: Session, institution_id: int) -> str | None:
    """The current certificate fingerprint of an institution (ours or a partner's), if any."""
    row = session.scalars(
        select(Certificate)
        .where(
            Certificate.institution_id == institution_id,
            Certificate.kind.in_((INSTITUTION, PARTNER)),
            Certificate.retired_at.is_(None),
            Certificate.revoked_at.is_(None),
        )
        .order_by(Certificate.id.desc())
    ).first()
    return row.fingerprint if row else None


__all__ = [
    "INSTITUTION",
    "PARTNER",
    "PERSON",
    "CertificateInfo",
    "InstitutionKey",
    "KeyUnavailable",
    "signature_holds",
]
