"""Accounts, passwords and PINs (argon2id), sign-in with lockout, and signatures.

A signature re-checks the signer's secret inside the operation's transaction and is bound to
the SHA-256 of the signed record's content, so a later change to the record is visible.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from .errors import AuthenticationError, ValidationError
from .keys import seal_signature
from .models import Person, Signature, new_uuid, utc_now
from .permissions import Actor
from .store import Store
from .wording import Words

_domain_identity = Words("_domain_identity")

# argon2id at the first of the equivalent configurations in OWASP's Password Storage Cheat
# Sheet (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html):
# m=19 MiB, t=2, p=1. A check takes 20-40 ms on the benchmark machine, where argon2-cffi's
# defaults (RFC 9106 low-memory profile: 64 MiB, t=3, p=4) took 120-155 ms, more than a
# whole receipt may. Stored hashes carry their own parameters: older ones still verify and
# are rehashed with these at the next correct entry (``check_secret``).
ARGON2_MEMORY_KIB = 19 * 1024
ARGON2_TIME_COST = 2
ARGON2_PARALLELISM = 1


def password_hasher() -> PasswordHasher:
    """argon2id with the program's parameters, for passwords and PINs alike."""
    return PasswordHasher(
        time_cost=ARGON2_TIME_COST, memory_cost=ARGON2_MEMORY_KIB, parallelism=ARGON2_PARALLELISM
    )


_hasher = password_hasher()

MIN_PASSWORD_LENGTH = 8
PIN_PATTERN = re.compile(r"\d{4,8}")
MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)

PASSWORD = "password"
PIN = "pin"

SIGNATURE_MEANINGS = {
    "approved": "approved (lender)",
    "countersigned": "countersigned (borrower)",
    "extended": "extension approved",
    "closed": "reconciled and closed",
    "relinquished": "relinquished custody",
    "accepted": "accepted custody",
    "received": "received",
    "resolved": "discrepancy resolved",
    "certified": "inventory certified",
}


WRONG_SIGN_IN = _domain_identity.said("Wrong user name or password.")


class SignerRejected(AuthenticationError):
    """A wrong secret; carries the person so the failure can be counted after rollback."""

    def __init__(self, message: str, person_id: int) -> None:
        super().__init__(message)
        self.person_id = person_id


def check_password(password: str) -> str:
    """The password, if it may be one (a form asks as it is typed; hashing asks again)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            _domain_identity.said(
                "A password needs at least {count} characters.", count=MIN_PASSWORD_LENGTH
            )
        )
    return password


def check_pin(pin: str) -> str:
    """The PIN, if it may be one."""
    if not PIN_PATTERN.fullmatch(pin):
        raise ValidationError(_domain_identity.said("A PIN is 4 to 8 digits."))
    return pin


def hash_password(password: str) -> str:
    return _hasher.hash(check_password(password))


def hash_pin(pin: str) -> str:
    return _hasher.hash(check_pin(pin))


def actor_of(person: Person) -> Actor:
    return Actor(
        person_id=person.id,
        username=person.username,
        full_name=person.full_name,
        institution_id=person.institution_id,
        institution_code=person.institution.code,
        roles=person.role_set,
    )


def check_secret(person: Person, secret: str, method: str = PASSWORD) -> None:
    """Raise SignerRejected unless ``secret`` is the person's password (or PIN).

    Inactive and locked accounts are refused before the secret is looked at; a success
    clears the failure count and rehashes a hash made with older argon2 parameters.
    """
    name = person.full_name
    if not person.active:
        raise AuthenticationError(
            _domain_identity.said("The account of {name} is deactivated.", name=name)
        )
    now = utc_now()
    if person.locked_until is not None and person.locked_until > now:
        minutes = max(1, int((person.locked_until - now).total_seconds() // 60) + 1)
        raise AuthenticationError(
            _domain_identity.said(
                "The account of {name} is locked after repeated wrong entries; try again in "
                "{count} minute or ask an administrator.",
                name=name,
                count=f"{minutes:,}",
            )
            if minutes == 1
            else _domain_identity.said(
                "The account of {name} is locked after repeated wrong entries; try again in "
                "{count} minutes or ask an administrator.",
                name=name,
                count=f"{minutes:,}",
            )
        )
    if method == PIN:
        stored = person.pin_hash
        if stored is None:
            raise AuthenticationError(
                _domain_identity.said("{name} has no PIN; use the password.", name=name)
            )
    elif method == PASSWORD:
        stored = person.password_hash
    else:
        raise ValidationError(
            _domain_identity.said("Unknown signing method '{method}'.", method=method)
        )
    try:
        _hasher.verify(stored, secret)
    except (VerificationError, InvalidHashError):
        wrong = (
            _domain_identity.said("Wrong PIN for {name}.", name=name)
            if method == PIN
            else _domain_identity.said("Wrong password for {name}.", name=name)
        )
        raise SignerRejected(wrong, person.id) from None
    if _hasher.check_needs_rehash(stored):
        # Hashed with older parameters: the secret is at hand only now, so hash it again
        # (the same secret; the audit trail records the column as changed, never its value).
        if method == PIN:
            person.pin_hash = _hasher.hash(secret)
        else:
            person.password_hash = _hasher.hash(secret)
    if person.failed_attempts or person.locked_until:
        person.failed_attempts = 0
        person.locked_until = None


def record_failed_attempt(session: Session, person_id: int) -> None:
    """Count a wrong secret; lock the account after MAX_FAILED_ATTEMPTS in a row."""
    person = session.get(Person, person_id, with_for_update=True)
    if person is None:
        return
    person.failed_attempts += 1
    if person.failed_attempts >= MAX_FAILED_ATTEMPTS:
        person.locked_until = utc_now() + LOCKOUT
        person.failed_attempts = 0


def find_person(session: Session, username: str) -> Person:
    person = session.scalars(select(Person).where(Person.username == username.strip())).first()
    if person is None:
        raise AuthenticationError(
            _domain_identity.said("There is no user '{username}'.", username=username.strip())
        )
    return person


@dataclass(frozen=True)
class Credential:
    """What a signer types (and optionally draws) to sign."""

    username: str
    secret: str
    method: str = PASSWORD
    drawing_png: bytes | None = None


def content_hash(content: dict[str, Any]) -> str:
    """SHA-256 of a record's canonical JSON: what a signature is bound to."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def sign(
    session: Session,
    credential: Credential,
    *,
    meaning: str,
    record_type: str,
    record_id: int,
    record_number: str,
    content: dict[str, Any],
    signed_at: datetime | None = None,
) -> tuple[Person, Signature]:
    """Check the signer's secret and write the signature bound to ``content``, with its
    cryptographic half (keys.seal_signature): the signer's key, or for a courier's PIN the
    institution's attestation."""

    if meaning not in SIGNATURE_MEANINGS:
        raise ValidationError(
            _domain_identity.said("Unknown signature meaning '{meaning}'.", meaning=meaning)
        )
    person = find_person(session, credential.username)
    check_secret(person, credential.secret, credential.method)
    signature = Signature(
        uuid=new_uuid(),
        person_id=person.id,
        printed_name=person.full_name,
        institution_name=person.institution.name,
        meaning=meaning,
        signed_at=signed_at or utc_now(),
        method=credential.method,
        record_type=record_type,
        record_id=record_id,
        record_number=record_number,
        content_hash=content_hash(content),
        drawing_png=credential.drawing_png,
    )
    seal_signature(session, signature, person, credential.secret)
    session.add(signature)
    return person, signature


def authenticate(store: Store, username: str, secret: str, method: str = PASSWORD) -> Actor:
    """Sign in. A wrong secret is counted (and locks the account after a few in a row)."""
    with counting_failures(store), store.write() as session:
        person = session.scalars(select(Person).where(Person.username == username.strip())).first()
        if person is None:
            raise AuthenticationError(WRONG_SIGN_IN)
        try:
            check_secret(person, secret, method)
        except SignerRejected as rejected:
            # Same words as for an unknown name: sign-in must not reveal who has an account.
            raise SignerRejected(WRONG_SIGN_IN, rejected.person_id) from None
        return actor_of(person)


@contextmanager
def counting_failures(store: Store) -> Iterator[None]:
    """Around a transaction that checks secrets: a wrong one rolls the transaction back and
    is then counted against the signer in a transaction of its own."""
    try:
        yield
    except SignerRejected as rejected:
        with store.write() as session:
            record_failed_attempt(session, rejected.person_id)
        raise
