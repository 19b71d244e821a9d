"""``verify``'s check of every signature: its certificate, the chain of that certificate to
this installation's institution certificate, and the ECDSA value over what it signs.

What a signature row must show to pass (README: "Signatures"):

- its certificate is a row of ``certificates`` whose PEM reads and whose stored fingerprint
  is the PEM's own;
- that certificate chains to one of this installation's institution certificates: a person
  certificate is issued by one of them; the first institution certificate signs itself,
  every later one is endorsed by the key it replaced (``keys.endorsement_statement``);
- on a computer that holds the institution key file, the current institution certificate is
  the one of that key: someone who replaced the institution certificate (and re-issued and
  re-signed everything under their own key) is named here. Without the key file this cannot
  be confirmed, and the report says so once;
- a password signature is made with a person certificate naming the signer (by UUID); a
  courier's PIN signature is attested by an institution certificate;
- the ECDSA value holds over ``keys.signature_statement`` (RFC 8785 canonical JSON);
- it was signed while its certificate was valid: within the certificate's dates, before
  the certificate was retired (a password reset, a new institution key) and before it was
  revoked. A revocation itself must be signed by an institution key.

Signatures recorded before this installation had keys carry no ECDSA value: they are
counted, not failed (the audit trail's baseline covers them). Any other signature without
one fails.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..trust import keyring
from ..trust import keys as trust_keys
from ..trust.statements import canonical, signature_holds
from .keys import (
    INSTITUTION,
    PARTNER,
    PERSON,
    PIN_METHOD,
    SignedRecord,
    endorsement_statement,
    revocation_statement,
    signature_statement,
)
from .ledger import Problem, VerifyReport
from .models import Certificate, Institution, Person, Signature
from .store import ProgressCallback, Store
from .wording import Said, Words, moment_text

BATCH = 5_000
# Below this many signatures the checks run inline: threads would cost more than they save.
THREADED_FROM = 2_000
_ECDSA = ec.ECDSA(hashes.SHA256())

_domain_signature_check = Words("_domain_signature_check")
_COLUMNS = (
    Signature.id,
    Signature.uuid,
    Signature.person_id,
    Signature.printed_name,
    Signature.institution_name,
    Signature.meaning,
    Signature.signed_at,
    Signature.method,
    Signature.record_type,
    Signature.record_number,
    Signature.content_hash,
    Signature.drawing_png,
    Signature.certificate_id,
    Signature.crypto_signature,
)


@dataclass
class SignatureCheck:
    """What the signature check found: its problems and the counts the report shows."""

    problems: list[Problem] = field(default_factory=list)
    total: int = 0  # signatures read
    before_keys: int = 0  # signatures recorded before this installation had keys
    note: str = ""  # the institution certificate could not be confirmed on this computer
    last_id: int = 0  # the last signature read
    after_id: int = 0  # only those after this one were read (a routine verify)

    @property
    def refused(self) -> int:
        return sum(1 for p in self.problems if p.table == "signatures")

    def summary(self) -> str:
        counts = {
            "total": self.total,
            "held": self.total - self.before_keys - self.refused,
            "before": self.before_keys,
            "refused": self.refused,
        }
        if self.before_keys and self.refused:
            text = _domain_signature_check.said(
                "{total} checked, {held} hold, {before} made before keys (covered by the audit "
                "baseline), {refused} refused",
                **counts,
            )
        elif self.before_keys:
            text = _domain_signature_check.said(
                "{total} checked, {held} hold, {before} made before keys (covered by the audit "
                "baseline)",
                **counts,
            )
        elif self.refused:
            text = _domain_signature_check.said(
                "{total} checked, {held} hold, {refused} refused", **counts
            )
        else:
            text = _domain_signature_check.said("{total} checked, {held} hold", **counts)
        if self.after_id:
            text = _domain_signature_check.said(
                "{counts} (those recorded after signature #{after})",
                counts=text,
                after=self.after_id,
            )
        return (
            _domain_signature_check.said("{counts}. {note}", counts=text, note=self.note)
            if self.note
            else text
        )


@dataclass
class _Trusted:
    """One certificate as the signatures see it: usable, or why not."""

    row_id: int
    kind: str
    fingerprint: str
    holder: str  # who it names, for messages
    certificate: x509.Certificate | None
    public_key: ec.EllipticCurvePublicKey | None
    distrust: str = ""  # why signatures made with it are refused ("" when it is trusted)
    revoked_at: datetime | None = None
    retired_at: datetime | None = None

    @property
    def short(self) -> str:
        return trust_keys.short_fingerprint(self.fingerprint)


def _not_trusted(kind: str, entry: _Trusted, why: Said) -> Said:
    """'The person certificate 1a2b… of Li Na is not trusted: …', one sentence per kind."""
    shown = {"certificate": entry.short, "holder": entry.holder, "why": why}
    if kind == PERSON:
        return _domain_signature_check.said(
            "The person certificate {certificate} of {holder} is not trusted: {why}.", **shown
        )
    if kind == INSTITUTION:
        return _domain_signature_check.said(
            "The institution certificate {certificate} of {holder} is not trusted: {why}.", **shown
        )
    if kind == PARTNER:
        return _domain_signature_check.said(
            "The partner certificate {certificate} of {holder} is not trusted: {why}.", **shown
        )
    return _domain_signature_check.said(
        "The {kind} certificate {certificate} of {holder} is not trusted: {why}.",
        kind=kind,
        **shown,
    )


def _certificate_problem(row: Certificate, holder: str, message: str) -> Problem:
    short = trust_keys.short_fingerprint(row.fingerprint)
    return Problem(
        "signature",
        message,
        table="certificates",
        record=f"{row.kind} certificate {short} ({holder})",
    )


class _Certificates:
    """Every certificate of the database, read and judged once."""

    def __init__(self, session: Session, check: SignatureCheck) -> None:
        self.check = check
        people = session.execute(select(Person.id, Person.uuid, Person.full_name)).all()
        self.people = {pid: uuid for pid, uuid, _ in people}
        names = {pid: name for pid, _, name in people}
        self.institutions = {
            iid: (uuid, name)
            for iid, uuid, name in session.execute(
                select(Institution.id, Institution.uuid, Institution.name)
            )
        }
        rows = list(session.scalars(select(Certificate).order_by(Certificate.id)))
        self.by_id: dict[int, _Trusted] = {}
        for row in rows:
            if row.kind == PERSON and row.person_id is not None:
                holder = names.get(row.person_id) or _domain_signature_check.said(
                    "person #{id}", id=row.person_id
                )
            else:
                holder = self.institutions.get(row.institution_id, ("", "?"))[1]
            self.by_id[row.id] = self._read(row, holder)
        self.institution_rows = [r for r in rows if r.kind == INSTITUTION]
        self.partner_rows = [r for r in rows if r.kind == PARTNER]
        self.partner_issuers: dict[int, list[_Trusted]] = {}
        self.issuers = self._institution_chain()
        self._confirm_on_this_computer()
        self.issuers = [i for i in self.issuers if not i.distrust]
        for row in self.partner_rows:
            entry = self.by_id[row.id]
            if entry.certificate is not None and not trust_keys.issued_by(
                entry.certificate, entry.certificate
            ):
                self._distrust(
                    row,
                    entry,
                    _domain_signature_check.said("it is not a self-signed institution certificate"),
                )
        for row in rows:
            if row.kind == PERSON:
                self._person(row, self.by_id[row.id])
        self.first_made = self._first_made()

    def _read(self, row: Certificate, holder: str) -> _Trusted:
        entry = _Trusted(row.id, row.kind, row.fingerprint, holder, None, None)
        entry.revoked_at, entry.retired_at = row.revoked_at, row.retired_at
        try:
            certificate = trust_keys.load_certificate(row.certificate_pem)
        except trust_keys.CertificateError as error:
            self._distrust(
                row,
                entry,
                _domain_signature_check.said(
                    "its certificate cannot be read ({error})", error=str(error)
                ),
            )
            return entry
        if trust_keys.fingerprint(certificate) != row.fingerprint:
            self._distrust(
                row,
                entry,
                _domain_signature_check.said(
                    "its stored fingerprint is not its certificate's: the certificate was "
                    "replaced outside the program"
                ),
            )
            return entry
        public = certificate.public_key()
        assert isinstance(public, ec.EllipticCurvePublicKey)  # load_certificate checks it
        entry.certificate, entry.public_key = certificate, public
        return entry

    def _distrust(self, row: Certificate, entry: _Trusted, why: Said) -> None:
        if not entry.distrust:
            entry.distrust = why
            self.check.problems.append(
                _certificate_problem(row, entry.holder, _not_trusted(row.kind, entry, why))
            )

    def _institution_chain(self) -> list[_Trusted]:
        """The trusted institution certificates: the first signs itself, each later one is
        endorsed by its predecessor's key."""
        trusted: list[_Trusted] = []
        previous: _Trusted | None = None
        home = self.institution_rows[0].institution_id if self.institution_rows else None
        for row in self.institution_rows:
            entry = self.by_id[row.id]
            certificate = entry.certificate
            institution_uuid = self.institutions.get(row.institution_id, ("", ""))[0]
            if certificate is None:
                pass  # named by _read
            elif row.institution_id != home:
                self._distrust(
                    row,
                    entry,
                    _domain_signature_check.said(
                        "it belongs to another institution than the first"
                    ),
                )
            elif not trust_keys.issued_by(certificate, certificate):
                self._distrust(row, entry, _domain_signature_check.said("it is not self-signed"))
            elif trust_keys.holder_uuid(certificate) != institution_uuid:
                self._distrust(
                    row, entry, _domain_signature_check.said("it names another institution")
                )
            elif previous is not None and previous.distrust:
                self._distrust(
                    row,
                    entry,
                    _domain_signature_check.said("it was endorsed by an untrusted certificate"),
                )
            elif previous is not None and not (
                row.endorsement
                and previous.certificate is not None
                and signature_holds(
                    previous.certificate, endorsement_statement(row.fingerprint), row.endorsement
                )
            ):
                self._distrust(
                    row,
                    entry,
                    _domain_signature_check.said(
                        "it is not endorsed by the key of the certificate it replaced "
                        "({certificate})",
                        certificate=previous.short,
                    ),
                )
            if not entry.distrust:
                trusted.append(entry)
            previous = entry
        return trusted

    def _person(self, row: Certificate, entry: _Trusted) -> None:
        certificate = entry.certificate
        if certificate is None:
            return
        issuers = self.issuers_of(row.institution_id)
        issuer = next(
            (
                i
                for i in issuers
                if i.certificate is not None and trust_keys.issued_by(certificate, i.certificate)
            ),
            None,
        )
        if issuer is None:
            self._distrust(
                row,
                entry,
                _domain_signature_check.said(
                    "it was not issued by its institution's key (ours or a trusted partner's)"
                ),
            )
        elif row.person_id is None or trust_keys.holder_uuid(certificate) != self.people.get(
            row.person_id
        ):
            self._distrust(
                row, entry, _domain_signature_check.said("it names another person than its holder")
            )
        if row.revoked_at is None:
            return
        statement = revocation_statement(row)
        signed = row.revocation_signature
        if not signed or not any(
            i.certificate is not None and signature_holds(i.certificate, statement, signed)
            for i in issuers
        ):
            # the revocation still counts from its stated date (the cautious reading)
            self.check.problems.append(
                _certificate_problem(
                    row,
                    entry.holder,
                    _domain_signature_check.said(
                        "The revocation of the certificate {certificate} of {holder} is not "
                        "signed by the institution key: its date or reason was changed outside "
                        "the program.",
                        certificate=entry.short,
                        holder=entry.holder,
                    ),
                )
            )

    def issuers_of(self, institution_id: int) -> list[_Trusted]:
        """Who may issue a person certificate of that institution: our institution key, for
        whoever signs at this installation (people of other institutions too, where they
        work in our database), and a trusted partner's key for that partner's people (their
        certificates came in exchange files)."""
        if institution_id not in self.partner_issuers:
            self.partner_issuers[institution_id] = [
                self.by_id[r.id]
                for r in self.partner_rows
                if r.institution_id == institution_id and not self.by_id[r.id].distrust
            ]
        return self.issuers + self.partner_issuers[institution_id]

    def _first_made(self) -> datetime | None:
        """When this installation got its first institution certificate."""
        if not self.institution_rows:
            return None
        first = self.institution_rows[0]
        certificate = self.by_id[first.id].certificate
        if certificate is None:
            return first.created_at
        return certificate.not_valid_before_utc + trust_keys.CLOCK_SKEW

    def _confirm_on_this_computer(self) -> None:
        """The current institution certificate against the key file on this computer."""
        if not self.institution_rows:
            return
        row = self.institution_rows[-1]
        entry = self.by_id[row.id]
        if entry.distrust:
            return  # named already
        institution_uuid, name = self.institutions.get(row.institution_id, ("", "?"))
        try:
            key = keyring.load_key(row.fingerprint)
        except keyring.KeyringError as error:
            self.check.note = _domain_signature_check.said(
                "The institution certificate could not be confirmed: {error}", error=str(error)
            )
            return
        if key is not None:
            if entry.certificate is not None and not trust_keys.same_public_key(
                key, entry.certificate
            ):
                self._distrust(
                    row,
                    entry,
                    _domain_signature_check.said(
                        "it is not the certificate of this computer's key"
                    ),
                )
            return
        known = {r.fingerprint for r in self.institution_rows}
        for held in keyring.held_certificates():
            fingerprint = trust_keys.fingerprint(held)
            if trust_keys.holder_uuid(held) != institution_uuid or fingerprint in known:
                continue
            try:
                held_key = keyring.load_key(fingerprint)
            except keyring.KeyringError:
                continue
            if held_key is not None and trust_keys.same_public_key(held_key, held):
                self._distrust(
                    row,
                    entry,
                    _domain_signature_check.said(
                        "this computer holds the institution key of {institution} for the "
                        "certificate {certificate}, which this database does not have: its "
                        "institution certificate was replaced (or the database is a copy from "
                        "before a new key was made)",
                        institution=name,
                        certificate=trust_keys.short_fingerprint(fingerprint),
                    ),
                )
                return
        self.check.note = _domain_signature_check.said(
            "The institution certificate {certificate} could not be confirmed on this computer, "
            "which does not hold its key file.",
            certificate=entry.short,
        )


_Item = tuple[int, ec.EllipticCurvePublicKey, bytes, bytes]  # index, key, value, statement


def _verify_batch(items: Sequence[_Item]) -> list[int]:
    """The indexes of the items whose ECDSA value does not hold (runs without Python's lock)."""
    failed = []
    for index, public, raw, data in items:
        try:
            public.verify(raw, data, _ECDSA)
        except InvalidSignature:
            failed.append(index)
    return failed


def _where(row: Any) -> str:
    return f"{row.record_type} {row.record_number} / {row.meaning} / {row.printed_name}"


def _refused(row: Any, why: Said) -> Problem:
    return Problem(
        "signature",
        _domain_signature_check.said(
            "The signature of {signer} ({meaning}) on {record_type} {record}, {moment}, is "
            "refused: {why}.",
            signer=row.printed_name,
            meaning=row.meaning,
            record_type=row.record_type,
            record=row.record_number,
            moment=moment_text(row.signed_at),
            why=why,
        ),
        table="signatures",
        record=_where(row),
    )


def _row_problem(row: Any, certificates: _Certificates) -> Said | None:
    """Why the signature cannot hold whatever its ECDSA value (None when it may)."""
    if row.certificate_id is None:
        return _domain_signature_check.said("it names no certificate")
    entry = certificates.by_id.get(row.certificate_id)
    if entry is None:
        return _domain_signature_check.said(
            "its certificate #{id} does not exist", id=row.certificate_id
        )
    if entry.distrust:
        return _domain_signature_check.said(
            "its certificate {certificate} ({holder}) is not trusted",
            certificate=entry.short,
            holder=entry.holder,
        )
    signer = certificates.people.get(row.person_id)
    if signer is None:
        return _domain_signature_check.said("its signer is not in the database")
    certificate = entry.certificate
    assert certificate is not None  # a trusted certificate was read
    if row.method == PIN_METHOD:
        # attested by the key of the installation where the courier confirmed: ours, or a
        # partner's for a confirmation that came in an exchange file
        if entry.kind not in (INSTITUTION, PARTNER):
            return _domain_signature_check.said(
                "a PIN confirmation must be attested by an institution key"
            )
    elif entry.kind == INSTITUTION:
        return _domain_signature_check.said(
            "it is made with the institution certificate {certificate}, not the signer's",
            certificate=entry.short,
        )
    elif entry.kind == PARTNER:
        return _domain_signature_check.said(
            "it is made with the partner certificate {certificate}, not the signer's",
            certificate=entry.short,
        )
    elif entry.kind != PERSON:
        return _domain_signature_check.said(
            "it is made with the {kind} certificate {certificate}, not the signer's",
            kind=entry.kind,
            certificate=entry.short,
        )
    elif trust_keys.holder_uuid(certificate) != signer:
        return _domain_signature_check.said(
            "its certificate {certificate} is {holder}'s, not the signer's",
            certificate=entry.short,
            holder=entry.holder,
        )
    signed_at = row.signed_at
    if entry.revoked_at is not None and signed_at >= entry.revoked_at:
        return _domain_signature_check.said(
            "its certificate {certificate} was revoked on {moment}, before it was made",
            certificate=entry.short,
            moment=moment_text(entry.revoked_at),
        )
    if entry.retired_at is not None and signed_at >= entry.retired_at:
        return _domain_signature_check.said(
            "its certificate {certificate} was retired on {moment}, before it was made",
            certificate=entry.short,
            moment=moment_text(entry.retired_at),
        )
    if not certificate.not_valid_before_utc <= signed_at <= certificate.not_valid_after_utc:
        return _domain_signature_check.said(
            "it is dated outside its certificate's validity ({certificate})",
            certificate=entry.short,
        )
    return None


def certificates_stamp(session: Session) -> str:
    """A digest of every certificate as the signature check judges it (kind, holder, dates
    of retirement and revocation, endorsement): a routine verify checks only the signatures
    recorded since its checkpoint while this stays as the checkpoint saw it."""
    rows = session.execute(
        select(
            Certificate.id, Certificate.kind, Certificate.institution_id, Certificate.person_id,
            Certificate.fingerprint, Certificate.retired_at, Certificate.revoked_at,
            Certificate.revocation_signature, Certificate.endorsement,
        ).order_by(Certificate.id)
    ).all()  # fmt: skip
    return hashlib.sha256(repr([tuple(row) for row in rows]).encode()).hexdigest()


def check_signatures(
    store: Store, progress: ProgressCallback | None = None, *, after_id: int = 0
) -> SignatureCheck:
    """Check every signature of the database (see the module's docstring), or only those
    after ``after_id`` (a routine verify since a checkpoint: ``certificates_stamp``).

    ``progress(done, total)`` counts signatures; a True answer stops the check, which then
    ends with a ``cancelled`` problem.
    """
    check = SignatureCheck(last_id=after_id, after_id=after_id)
    pending: list[tuple[Future[list[int]], Sequence[Any]]] = []
    workers = max(1, min(4, os.cpu_count() or 1))
    with store.read() as session, ThreadPoolExecutor(workers, "verify-signatures") as pool:
        certificates = _Certificates(session, check)
        total = session.scalar(select(func.count()).where(Signature.id > after_id)) or 0
        threaded = total >= THREADED_FROM
        done, last_id = 0, after_id
        while True:
            rows = session.execute(
                select(*_COLUMNS).where(Signature.id > last_id).order_by(Signature.id).limit(BATCH)
            ).all()
            if not rows:
                break
            last_id = rows[-1].id
            items: list[_Item] = []
            for index, row in enumerate(rows):
                if row.crypto_signature is None:
                    first = certificates.first_made
                    if row.certificate_id is None and (first is None or row.signed_at < first):
                        check.before_keys += 1
                    else:
                        check.problems.append(
                            _refused(
                                row,
                                _domain_signature_check.said("it has no cryptographic signature"),
                            )
                        )
                    continue
                why = _row_problem(row, certificates)
                if why:
                    check.problems.append(_refused(row, why))
                    continue
                entry = certificates.by_id[row.certificate_id]
                assert entry.public_key is not None
                try:
                    raw = base64.b64decode(row.crypto_signature, validate=True)
                except (binascii.Error, ValueError):
                    check.problems.append(
                        _refused(
                            row,
                            _domain_signature_check.said("its cryptographic signature is damaged"),
                        )
                    )
                    continue
                statement = signature_statement(
                    cast(SignedRecord, row), certificates.people[row.person_id], entry.fingerprint
                )
                items.append((index, entry.public_key, raw, canonical(statement)))
            if threaded:
                pending.append((pool.submit(_verify_batch, items), rows))
            else:
                _collect(check, _verify_batch(items), rows)
            done += len(rows)
            check.total = done
            if progress is not None and progress(done, total):
                for future, _ in pending:
                    future.cancel()
                check.problems.append(
                    Problem(
                        "cancelled", _domain_signature_check.said("Verification was cancelled.")
                    )
                )
                return check
        for future, batch in pending:
            _collect(check, future.result(), batch)
        check.last_id = last_id
    return check


def _collect(check: SignatureCheck, failed: list[int], rows: Sequence[Any]) -> None:
    check.problems.extend(
        _refused(
            rows[i],
            _domain_signature_check.said(
                "its cryptographic signature does not hold over what it signs"
            ),
        )
        for i in failed
    )


def signature_problems(store: Store, progress: ProgressCallback | None = None) -> list[Problem]:
    """Every signature that fails its check, and every certificate problem behind them."""
    return check_signatures(store, progress).problems


def add_signature_check(
    store: Store,
    report: VerifyReport,
    progress: ProgressCallback | None = None,
    *,
    after_id: int = 0,
) -> None:
    """``verify``'s part: the signature check's problems and counts in ``report`` (nothing
    when the ledger's check was cancelled). ``progress`` counts signatures; ``after_id``: see
    ``check_signatures``."""
    if any(p.kind == "cancelled" for p in report.problems):
        return
    check = check_signatures(store, progress, after_id=after_id)
    report.problems.extend(check.problems)
    report.signatures_checked = check.summary()
    report.signatures_last_id = check.last_id
