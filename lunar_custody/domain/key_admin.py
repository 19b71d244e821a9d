"""What an administrator does with keys: make the institution key of a database from before
keys, rotate it, revoke a person's key (T4), trust a partner's certificate, carry the
institution key to another workstation. The records and the signing itself are in keys.py."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from ..trust import keyring
from ..trust import keys as trust_keys
from ..trust.statements import sign_statement
from . import operation as op
from .errors import DuplicateError, RuleViolation, ValidationError
from .keys import (
    PARTNER,
    PERSON,
    KeyUnavailable,
    certificate_row,
    create_institution_key_in,
    home_certificate,
    institution_key,
    new_institution_certificate,
    person_certificates,
    revocation_statement,
)
from .models import Certificate
from .operation import operation
from .permissions import Actor
from .store import Store
from .wording import Words

_domain_key_admin = Words("_domain_key_admin")


def create_institution_key(store: Store, actor: Actor) -> Certificate:
    """``keys init`` for a database made before keys: the administrator's institution."""
    with operation(store, actor, "manage_institutions") as ctx:
        return create_institution_key_in(ctx.session, ctx.person.institution)


def rotate_institution_key(store: Store, actor: Actor) -> Certificate:
    """A new institution key, endorsed by the old one, which is retired with the person
    certificates it issued (their holders get new ones at their next signature)."""
    with operation(store, actor, "manage_institutions") as ctx:
        old = institution_key(ctx.session)
        old_row = ctx.session.get(Certificate, old.certificate_id)
        assert old_row is not None
        row = new_institution_certificate(ctx.session, old_row.institution, ctx.now, old)
        old_row.retired_at = ctx.now
        # a revoked certificate stays as it is: retired, it would let its holder sign again
        for person_row in ctx.session.scalars(
            select(Certificate).where(
                Certificate.kind == PERSON,
                Certificate.retired_at.is_(None),
                Certificate.revoked_at.is_(None),
            )
        ):
            person_row.retired_at = ctx.now
        ctx.session.flush()
        return row


def revoke_person(
    store: Store, actor: Actor, username: str, *, reason: str, at: datetime | None = None
) -> list[Certificate]:
    """Revoke every certificate of a person from ``at`` (default now), signed by the
    institution key. Signatures made before stay valid; none can be made after."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_domain_key_admin.said("Say why the key is revoked."))
    with operation(store, actor, "manage_people") as ctx:
        person = op.person(ctx.session, username)
        when = at or ctx.now
        if when > ctx.now:
            raise ValidationError(
                _domain_key_admin.said("A revocation takes effect now or from a past moment.")
            )
        issuer = institution_key(ctx.session)
        revoked = []
        for row in person_certificates(ctx.session, person):
            if row.revoked_at is not None:
                continue
            row.revoked_at, row.revocation_reason = when, reason
            row.revocation_signature = sign_statement(issuer.private_key, revocation_statement(row))
            revoked.append(row)
        if not revoked:
            raise RuleViolation(
                _domain_key_admin.said(
                    "{name} has no signing key to revoke.", name=person.full_name
                )
            )
        ctx.session.flush()
        return revoked


def import_partner_certificate(
    store: Store, actor: Actor, institution_code: str, pem: str | bytes, confirmed: str
) -> Certificate:
    """Trust a partner institution's certificate once its fingerprint has been confirmed
    (read aloud, or compared with the one printed on a signed agreement)."""
    try:
        certificate = trust_keys.load_certificate(pem)
    except trust_keys.CertificateError as error:
        # the reason stays English: trust/ is below the translated domain
        raise ValidationError(
            _domain_key_admin.said("That file is {problem}.", problem=str(error))
        ) from None
    fingerprint = trust_keys.fingerprint(certificate)
    wanted = "".join(confirmed.split()).replace(":", "").lower()
    if len(wanted) < 32 or not fingerprint.startswith(wanted):
        raise ValidationError(
            _domain_key_admin.said(
                "The certificate's fingerprint is {fingerprint}, not the one confirmed: do not "
                "trust it until the partner confirms it.",
                fingerprint=trust_keys.short_fingerprint(fingerprint),
            )
        )
    if not trust_keys.issued_by(certificate, certificate):
        raise ValidationError(
            _domain_key_admin.said(
                "That is not an institution certificate (it is not self-signed)."
            )
        )
    with operation(store, actor, "manage_institutions") as ctx:
        institution = op.institution(ctx.session, institution_code)
        home = home_certificate(ctx.session)
        if home is not None and home.institution_id == institution.id:
            raise RuleViolation(
                _domain_key_admin.said(
                    "{institution} is this installation's own institution.",
                    institution=institution.name,
                )
            )
        known = ctx.session.scalars(
            select(Certificate).where(Certificate.fingerprint == fingerprint)
        ).first()
        if known is not None:
            raise DuplicateError(
                _domain_key_admin.said(
                    "This certificate is already trusted for {institution}.",
                    institution=known.institution.name,
                )
            )
        row = certificate_row(PARTNER, certificate, institution)
        ctx.session.add(row)
        ctx.session.flush()
        return row


# A passphrase guards the exported key while it travels (by USB stick, by mail): it must
# resist guessing offline, unlike a password the program checks and locks.
MIN_PASSPHRASE = 10


def export_institution_key(store: Store, actor: Actor, passphrase: str) -> bytes:
    """The institution private key, encrypted under ``passphrase`` (PKCS#8 PEM), for another
    workstation of this institution that works on the same database."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            _domain_key_admin.said(
                "Choose a passphrase of at least {count} characters: whoever finds the "
                "exported file can try passphrases as fast as their computer allows.",
                count=MIN_PASSPHRASE,
            )
        )
    with operation(store, actor, "manage_institutions") as ctx:
        return keyring.export_key(institution_key(ctx.session).private_key, passphrase)


def import_institution_key(store: Store, actor: Actor, exported: bytes, passphrase: str) -> Path:
    """Put the institution key exported on another workstation into this computer's keyring,
    once it is shown to be the key of this database's institution certificate. The file
    written (the key, owner-only, and its certificate beside it)."""
    try:
        key = keyring.import_key(exported, passphrase)
    except keyring.KeyringError as error:
        raise ValidationError(str(error)) from None
    with operation(store, actor, "manage_institutions") as ctx:
        row = home_certificate(ctx.session)
        if row is None:
            raise KeyUnavailable(
                _domain_key_admin.said(
                    "This database has no institution certificate yet: make one with "
                    "'{command}' instead.",
                    command="lunar-custody keys init",  # a command, never translated
                )
            )
        certificate = trust_keys.load_certificate(row.certificate_pem)
        if not trust_keys.same_public_key(key, certificate):
            raise ValidationError(
                _domain_key_admin.said(
                    "That key is not the institution key of this database (certificate "
                    "{fingerprint}); nothing was written.",
                    fingerprint=trust_keys.short_fingerprint(row.fingerprint),
                )
            )
        try:
            return keyring.store_key(key, row.fingerprint, certificate=certificate)
        except OSError as error:
            raise KeyUnavailable(
                _domain_key_admin.said(
                    "Cannot write the key into {directory}: {problem}.",
                    directory=str(keyring.key_directory()),
                    problem=error.strerror,
                )
            ) from None
