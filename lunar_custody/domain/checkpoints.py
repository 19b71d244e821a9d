"""Checkpoints: what the last successful ``verify`` proved, signed and kept by this computer,
so the next routine ``verify`` checks only what changed since (``routine_verify``).

A checkpoint is a file in the institution keys folder (trust/keyring.py),
``checkpoints/<32 hex>.json`` named by the database's location (its SQLite file or its
PostgreSQL server and database: two copies of one database are two databases, each with its
own history from the copy on). It holds a statement signed by the institution key
(RFC 8785 JSON, ECDSA P-256, as anchors): the ledger's and the audit trail's heads (number
and hash), a digest of every aliquot's derived state (``ledger.digest_lines``: one line
per aliquot of ``ledger.COMPARED_COLUMNS`` in id order, SHA-256 over the lines), the last
signature checked, counts, when and by which program version.

It is trusted only if its certificate is one whose private key this computer holds and the
signature holds: a checkpoint copied from another computer, made with another key, or edited
is ignored (verify says so and replays everything). A trusted checkpoint is also checked like
an anchor: the ledger and the audit trail must still hold its heads with the same hashes, or
the chain was rewritten under it. It keeps the database's guard stamp (storage's
``guard_stamp``: SQLite's schema cookie, PostgreSQL's trigger rows): changing a custody event
in place takes an append-only guard out of the way first, so under a changed stamp the next
verify replays everything. A restore sets the checkpoint aside (``set_aside``): the database
changed under it.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509

from .. import __version__
from ..trust import keyring
from ..trust import keys as trust_keys
from ..trust.statements import sign_statement, signature_holds, utc_text
from ..whole_files import write_whole
from . import clock
from .anchors import SignedHeads, head_problems
from .keys import KeyUnavailable, home_certificate, institution_key
from .ledger import Problem, VerifyReport
from .store import Store
from .wording import Said, Words, moment_text

CHECKPOINT_TYPE = "lunar-custody/checkpoint"
CHECKPOINT_VERSION = 1
FOLDER = "checkpoints"

_domain_checkpoints = Words("_domain_checkpoints")


def checkpoint_path(location: str, directory: Path | None = None) -> Path:
    """Where this computer keeps the checkpoint of the database at ``location``."""
    key = hashlib.sha256(f"lunar-custody/database\n{location}".encode()).hexdigest()[:32]
    return (directory or keyring.key_directory()) / FOLDER / f"{key}.json"


@dataclass(frozen=True)
class Checkpoint(SignedHeads):
    """A signed checkpoint as read from its file."""

    @property
    def aliquots(self) -> int:
        return int(self.statement["aliquots"]["count"])

    @property
    def digest(self) -> str:
        return str(self.statement["aliquots"]["digest"])

    @property
    def signatures_last_id(self) -> int:
        return int(self.statement["signatures"]["last_id"])

    @property
    def certificates(self) -> str:
        """The ``signature_check.certificates_stamp`` the signatures were checked under."""
        return str(self.statement["signatures"]["certificates"])

    @property
    def name(self) -> Said:
        """'the checkpoint of 2026-12-05 09:14 CET'."""
        return _domain_checkpoints.said("the checkpoint of {made}", made=moment_text(self.made_at))


@dataclass(frozen=True)
class Found:
    """The trusted checkpoint of a database, or why there is none to use."""

    checkpoint: Checkpoint | None
    why_not: Said | None = None  # None with no checkpoint: there was none yet


def trusted_checkpoint(location: str, stamp: str, directory: Path | None = None) -> Found:
    """The checkpoint of the database at ``location`` if this computer may trust it (see the
    module's docstring) and the database's guards are as they were (``stamp``: storage's
    ``guard_stamp``), else why not."""
    path = checkpoint_path(location, directory)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Found(None)
    except OSError as error:
        return Found(None, _ignored(path, _domain_checkpoints.said(
            "it cannot be read ({error})", error=error.strerror or str(error)
        )))  # fmt: skip
    try:
        document = json.loads(data.decode("utf-8"))
        statement, signature = document["statement"], document["signature"]
        pem = document["certificate"]
        checkpoint = Checkpoint(statement, signature, pem)
        malformed = (
            statement.get("type") != CHECKPOINT_TYPE
            or statement.get("v") != CHECKPOINT_VERSION
            or not isinstance(signature, str)
            or not isinstance(pem, str)
        )
        if not malformed:
            _ = checkpoint.heads, checkpoint.made_at, checkpoint.aliquots, checkpoint.digest
            _ = checkpoint.signatures_last_id, checkpoint.certificates
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        malformed = True
    if malformed:
        return Found(None, _ignored(path, _domain_checkpoints.said("it is damaged")))
    try:
        certificate = trust_keys.load_certificate(checkpoint.certificate_pem)
    except ValueError:
        return Found(None, _ignored(path, _domain_checkpoints.said("its certificate is damaged")))
    if not _held_here(certificate, directory):
        return Found(None, _ignored(path, _domain_checkpoints.said(
            "it is signed by certificate {certificate}, whose private key this computer does "
            "not hold",
            certificate=trust_keys.short_fingerprint(trust_keys.fingerprint(certificate)),
        )))  # fmt: skip
    if not signature_holds(certificate, checkpoint.statement, checkpoint.signature):
        return Found(None, _ignored(path, _domain_checkpoints.said(
            "its signature does not hold (it was changed after it was signed)"
        )))  # fmt: skip
    if checkpoint.statement.get("database") != location:
        return Found(None, _ignored(path, _domain_checkpoints.said(
            "it was made for another database"
        )))  # fmt: skip
    if checkpoint.statement.get("guards") != stamp:
        return Found(None, _domain_checkpoints.said(
            "The database's schema or its append-only guards changed since {checkpoint} "
            "(a migration, or a guard removed to change records in place).",
            checkpoint=checkpoint.name,
        ))  # fmt: skip
    return Found(checkpoint)


def _held_here(certificate: x509.Certificate, directory: Path | None) -> bool:
    """Whether this computer holds the private key of ``certificate``."""
    fingerprint = trust_keys.fingerprint(certificate)
    try:
        key = keyring.load_key(fingerprint, directory)
    except keyring.KeyringError:
        return False
    return key is not None and trust_keys.same_public_key(key, certificate)


def _ignored(path: Path, why: Said) -> Said:
    return _domain_checkpoints.said(
        "The checkpoint {file} was ignored: {why}.", file=path.name, why=why
    )


def checkpoint_problems(store: Store, checkpoint: Checkpoint) -> list[Problem]:
    """Whether the ledger and the audit trail still hold the checkpoint's heads, as for an
    anchor: a trusted checkpoint whose head changed proves the chain was rewritten."""
    with store.read() as session:
        return head_problems(session, checkpoint.heads, checkpoint.name)


def write_checkpoint(
    store: Store,
    location: str,
    stamp: str,
    report: VerifyReport,
    certificates: str,
    directory: Path | None = None,
) -> Checkpoint | None:
    """Sign and keep what ``report`` (a verify that found nothing) proved, with the guards'
    ``stamp`` and the ``certificates`` stamp its signatures were checked under; None when
    this computer does not hold the institution key (nothing is written then)."""
    if not report.ok or report.derived_digest is None:
        return None
    with store.read() as session:
        try:
            key = institution_key(session)
        except KeyUnavailable:
            return None
        row = home_certificate(session)
        assert row is not None  # institution_key found it
        institution = {"code": key.institution_code, "uuid": row.institution.uuid}
    statement = {
        "type": CHECKPOINT_TYPE,
        "v": CHECKPOINT_VERSION,
        "database": location,
        "guards": stamp,
        "institution": institution,
        "certificate": key.fingerprint,
        "made_at": utc_text(clock.now()),
        "program": __version__,
        "ledger": {"seq": report.events, "hash": report.last_hash},
        "audit": {"seq": report.audit_last_id, "hash": report.audit_hash},
        "aliquots": {"count": report.aliquots, "digest": report.derived_digest},
        "signatures": {"last_id": report.signatures_last_id, "certificates": certificates},
    }
    checkpoint = Checkpoint(statement, sign_statement(key.private_key, statement), key.pem)
    path = checkpoint_path(location, directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_whole(path, checkpoint.to_json(), mode=0o600)
    return checkpoint


def set_aside(location: str, directory: Path | None = None) -> Path | None:
    """Rename the checkpoint of the database at ``location`` (after a restore: the database
    changed under it) so the next verify replays everything; the new name, or None."""
    path = checkpoint_path(location, directory)
    if not path.exists():
        return None
    aside = path.with_name(f"{path.stem}.set-aside-{clock.now():%Y%m%dT%H%M%S%f}.json")
    os.replace(path, aside)
    return aside
