"""Anchors: the chain heads recorded outside this database, so a rewritten chain is named.

Someone who can write the database can rewrite an event and recompute every hash after it
(the definition is published: chain.py); the chain then checks, and only something outside
the database still remembers the old head. Two things carry it out:

- an **anchor file** (``lunar-custody anchor -o FILE``): a statement of the ledger's and the
  audit trail's heads (number and hash), signed by the institution key (RFC 8785 JSON, so
  another program can check it with the certificate it carries);
- every **document** the program writes: its QR code and its signed metadata carry the
  ledger head at the time it was made (documents/).

``anchor_problems`` (``verify --anchor FILE``) and ``head_problems`` (``verify-pdf``) check
that the ledger still holds event #seq with the hash the anchor saw, and the audit trail
entry #seq with its hash. Whether the chain up to that event is intact is verify's own
chain check: together they prove the ledger an anchor saw is still a prefix of this one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cryptography import x509
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..trust import keys as trust_keys
from ..trust.statements import sign_statement, signature_holds, utc_text
from . import clock
from .chain import GENESIS_HASH
from .errors import ValidationError
from .keys import INSTITUTION, PARTNER, InstitutionKey, home_certificate, institution_key
from .ledger import Problem
from .models import AuditEntry, Certificate, CustodyEvent, LedgerHead
from .store import Store
from .wording import Said, Words, moment_text

ANCHOR_TYPE = "lunar-custody/anchor"
ANCHOR_VERSION = 1
_HASH = re.compile(r"[0-9a-f]{64}")

_domain_anchors = Words("_domain_anchors")


class AnchorError(ValidationError):
    """A file that is not a readable, signed anchor."""


@dataclass(frozen=True)
class ChainHeads:
    """The last event of the ledger and the last entry of the audit trail, number and hash."""

    ledger_seq: int
    ledger_hash: str
    audit_seq: int
    audit_hash: str

    def as_dict(self) -> dict[str, dict[str, Any]]:
        return {
            "ledger": {"seq": self.ledger_seq, "hash": self.ledger_hash},
            "audit": {"seq": self.audit_seq, "hash": self.audit_hash},
        }


GENESIS = ChainHeads(0, GENESIS_HASH, 0, GENESIS_HASH)


def chain_heads(session: Session) -> ChainHeads:
    """The heads as the ledger head row names them now."""
    head = session.get(LedgerHead, 1)
    if head is None:
        return GENESIS
    return ChainHeads(head.last_seq, head.last_hash, head.audit_seq, head.audit_hash)


@dataclass(frozen=True)
class DocumentSeal:
    """What a document is signed with and the heads it carries, read in one transaction."""

    key: InstitutionKey
    heads: ChainHeads


def document_seal(store: Store) -> DocumentSeal:
    """The institution key and the current heads; KeyUnavailable if this machine lacks it."""
    with store.read() as session:
        return DocumentSeal(institution_key(session), chain_heads(session))


# ---------------------------------------------------------------------- anchor files


@dataclass(frozen=True)
class SignedHeads:
    """A statement of the chain heads signed by the institution key, with its certificate:
    an anchor file's, or this computer's checkpoint of a verify (checkpoints.py)."""

    statement: dict[str, Any]
    signature: str
    certificate_pem: str

    @property
    def heads(self) -> ChainHeads:
        ledger, audit = self.statement["ledger"], self.statement["audit"]
        return ChainHeads(ledger["seq"], ledger["hash"], audit["seq"], audit["hash"])

    @property
    def made_at(self) -> datetime:
        return datetime.fromisoformat(self.statement["made_at"].replace("Z", "+00:00"))

    def to_json(self) -> bytes:
        document = {
            "statement": self.statement,
            "signature": self.signature,
            "certificate": self.certificate_pem,
        }
        return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


@dataclass(frozen=True)
class Anchor(SignedHeads):
    """A signed statement of the chain heads, as written to and read from an anchor file."""

    source: str = ""  # the file it was read from, to name it in messages
    certificate: x509.Certificate = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "certificate", trust_keys.load_certificate(self.certificate_pem))

    @property
    def fingerprint(self) -> str:
        return str(self.statement["certificate"])

    @property
    def institution_code(self) -> str:
        return str(self.statement["institution"]["code"])

    @property
    def name(self) -> Said:
        """'the anchor anchor.json of 2026-03-14 09:12 UTC'."""
        made = moment_text(self.made_at)
        if self.source:
            return _domain_anchors.said("the anchor {file} of {made}", file=self.source, made=made)
        return _domain_anchors.said("the anchor of {made}", made=made)


def anchor_statement(
    key: InstitutionKey, institution_uuid: str, heads: ChainHeads, made_at: datetime
) -> dict[str, Any]:
    return {
        "type": ANCHOR_TYPE,
        "v": ANCHOR_VERSION,
        "institution": {"code": key.institution_code, "uuid": institution_uuid},
        "certificate": key.fingerprint,
        "made_at": utc_text(made_at),
        **heads.as_dict(),
    }


def make_anchor(store: Store) -> Anchor:
    """A statement of the current heads signed by the institution key (KeyUnavailable if
    this computer does not hold it)."""
    with store.read() as session:
        key = institution_key(session)
        row = home_certificate(session)
        assert row is not None  # institution_key found it
        statement = anchor_statement(key, row.institution.uuid, chain_heads(session), clock.now())
    return Anchor(statement, sign_statement(key.private_key, statement), key.pem)


def read_anchor(data: bytes, source: str = "") -> Anchor:
    """The anchor in an anchor file, its signature checked against the certificate it
    carries; AnchorError naming what is wrong with a damaged, unsigned or foreign file."""
    name = source or _domain_anchors.said("The file")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise AnchorError(
            _domain_anchors.said(
                "{file} is not an anchor file: it is not JSON (damaged?).", file=name
            )
        ) from None
    if not isinstance(document, dict) or not isinstance(document.get("statement"), dict):
        raise AnchorError(
            _domain_anchors.said("{file} is not an anchor file: it holds no statement.", file=name)
        )
    statement: dict[str, Any] = document["statement"]
    if statement.get("type") != ANCHOR_TYPE:
        raise AnchorError(
            _domain_anchors.said(
                "{file} is not an anchor file: its statement is of type {type}, not {anchor}.",
                file=name,
                type=repr(statement.get("type")),
                anchor=repr(ANCHOR_TYPE),
            )
        )
    if statement.get("v") != ANCHOR_VERSION:
        raise AnchorError(
            _domain_anchors.said(
                "{file} is an anchor of version {version}; this program reads version {known}.",
                file=name,
                version=repr(statement.get("v")),
                known=ANCHOR_VERSION,
            )
        )
    problem = _malformed(statement)
    if problem:
        raise AnchorError(
            _domain_anchors.said("{file} is damaged: {problem}.", file=name, problem=problem)
        )
    signature = document.get("signature")
    if not isinstance(signature, str) or not signature.strip():
        raise AnchorError(
            _domain_anchors.said(
                "{file} is not signed: it has no signature, so it proves nothing.", file=name
            )
        )
    pem = document.get("certificate")
    if not isinstance(pem, str):
        raise AnchorError(
            _domain_anchors.said(
                "{file} is damaged: it carries no certificate to check it with.", file=name
            )
        )
    try:
        anchor = Anchor(statement, signature, pem, source)
    except (ValueError, UnicodeError) as error:  # CertificateError is a ValueError
        raise AnchorError(
            _domain_anchors.said(
                "{file} is damaged: its certificate cannot be read ({error}).",
                file=name,
                error=str(error),
            )
        ) from None
    if trust_keys.fingerprint(anchor.certificate) != statement["certificate"]:
        raise AnchorError(
            _domain_anchors.said(
                "{file} is damaged: the certificate it carries is not the one its statement names.",
                file=name,
            )
        )
    if trust_keys.holder_uuid(anchor.certificate) != statement["institution"]["uuid"]:
        raise AnchorError(
            _domain_anchors.said(
                "{file} is not an anchor of {institution}: its certificate belongs to another "
                "institution.",
                file=name,
                institution=statement["institution"]["code"],
            )
        )
    if not signature_holds(anchor.certificate, statement, signature):
        raise AnchorError(
            _domain_anchors.said(
                "{file} is not validly signed: its signature does not hold for its statement "
                "(the file was changed after it was signed).",
                file=name,
            )
        )
    return anchor


def _malformed(statement: dict[str, Any]) -> Said | None:
    """What is missing or mistyped in an anchor statement, None if nothing."""
    institution = statement.get("institution")
    if not (
        isinstance(institution, dict)
        and isinstance(institution.get("code"), str)
        and isinstance(institution.get("uuid"), str)
    ):
        return _domain_anchors.said("it names no institution")
    if not isinstance(statement.get("certificate"), str) or not _HASH.fullmatch(
        statement["certificate"]
    ):
        return _domain_anchors.said("it names no certificate fingerprint")
    try:
        made = datetime.fromisoformat(str(statement.get("made_at")).replace("Z", "+00:00"))
    except ValueError:
        return _domain_anchors.said("it has no time it was made")
    if made.tzinfo is None:
        return _domain_anchors.said("the time it was made names no time zone")
    for chain in ("ledger", "audit"):
        head = statement.get(chain)
        if not (
            isinstance(head, dict)
            and type(head.get("seq")) is int
            and head["seq"] >= 0
            and isinstance(head.get("hash"), str)
            and _HASH.fullmatch(head["hash"])
        ):
            if chain == "ledger":
                return _domain_anchors.said("its ledger head is not a number and a SHA-256")
            return _domain_anchors.said("its audit head is not a number and a SHA-256")
    return None


# ---------------------------------------------------------------------- checking


def head_problems(session: Session, heads: ChainHeads, what: str) -> list[Problem]:
    """Whether the ledger and the audit trail still hold the heads ``what`` saw ('the
    anchor X of DATE', 'document AGR-… of DATE'): one problem per chain that does not."""
    problems: list[Problem] = []
    if heads.ledger_seq > 0:
        stored = session.scalar(
            select(CustodyEvent.hash).where(CustodyEvent.id == heads.ledger_seq)
        )
        if stored != heads.ledger_hash:
            last = session.scalar(select(func.max(CustodyEvent.id))) or 0
            if stored is None:
                message = _domain_anchors.said(
                    "The ledger was rewritten at or before event #{event} since {what}: it saw "
                    "event #{event}, and the ledger has no such event now (it ends at #{last}): "
                    "events were removed.",
                    event=heads.ledger_seq,
                    what=what,
                    last=last,
                )
            else:
                message = _domain_anchors.said(
                    "The ledger was rewritten at or before event #{event} since {what}: it saw "
                    "event #{event} with hash {saw}…, the ledger now has {now}….",
                    event=heads.ledger_seq,
                    what=what,
                    saw=heads.ledger_hash[:16],
                    now=stored[:16],
                )
            problems.append(
                Problem(
                    "anchor",
                    message,
                    table="custody_events",
                    record=str(heads.ledger_seq),
                    field="hash",
                )
            )
    if heads.audit_seq > 0:
        stored = session.scalar(select(AuditEntry.hash).where(AuditEntry.id == heads.audit_seq))
        if stored != heads.audit_hash:
            if stored is None:
                message = _domain_anchors.said(
                    "The audit trail was rewritten at or before entry #{entry} since {what}: it "
                    "saw entry #{entry} with hash {saw}…, the trail has no such entry now.",
                    entry=heads.audit_seq,
                    what=what,
                    saw=heads.audit_hash[:16],
                )
            else:
                message = _domain_anchors.said(
                    "The audit trail was rewritten at or before entry #{entry} since {what}: it "
                    "saw entry #{entry} with hash {saw}…, the trail now has {now}….",
                    entry=heads.audit_seq,
                    what=what,
                    saw=heads.audit_hash[:16],
                    now=stored[:16],
                )
            problems.append(
                Problem(
                    "anchor",
                    message,
                    table="audit_entries",
                    record=str(heads.audit_seq),
                    field="hash",
                )
            )
    return problems


def signer_problem(
    session: Session, certificate: x509.Certificate, made_at: datetime
) -> Said | None:
    """Why ``certificate`` may not vouch for a chain head of this installation (None if it
    may): it must be one of our institution certificates or a trusted partner's, not revoked
    by then."""
    fingerprint = trust_keys.fingerprint(certificate)
    row = session.scalars(
        select(Certificate).where(
            Certificate.fingerprint == fingerprint, Certificate.kind.in_((INSTITUTION, PARTNER))
        )
    ).first()
    short = trust_keys.short_fingerprint(fingerprint)
    if row is None:
        return _domain_anchors.said(
            "it is signed by certificate {certificate}, which is neither this installation's "
            "nor a trusted partner's",
            certificate=short,
        )
    if row.revoked_at is not None and made_at >= row.revoked_at:
        return _domain_anchors.said(
            "it is signed by certificate {certificate}, revoked on {date}",
            certificate=short,
            date=f"{row.revoked_at:%Y-%m-%d}",
        )
    return None


def anchor_problems(store: Store, anchors: Sequence[Anchor]) -> list[Problem]:
    """What the anchors say about this database: for each one, whether its signer is ours
    (or a trusted partner's) and whether the ledger and the audit trail still hold the heads
    it saw. Where an older anchor still holds, the rewrite is placed after its event."""
    problems: list[Problem] = []
    with store.read() as session:
        results: list[tuple[Anchor, list[Problem]]] = []
        for anchor in anchors:
            refused = signer_problem(session, anchor.certificate, anchor.made_at)
            if refused:
                problems.append(
                    Problem(
                        "anchor",
                        _not_ours(anchor, refused),
                        table="certificates",
                        record=anchor.fingerprint,
                    )
                )
                continue
            results.append((anchor, head_problems(session, anchor.heads, anchor.name)))
    holding = [a for a, found in results if not _ledger_rewritten(found)]
    for anchor, found in results:
        seq = anchor.heads.ledger_seq
        if _ledger_rewritten(found):
            older = [a for a in holding if a.heads.ledger_seq < seq]
            if older:
                held = max(older, key=lambda a: a.heads.ledger_seq)
                found = [_placed(p, held, seq) for p in found]
        problems.extend(found)
    return problems


def _not_ours(anchor: Anchor, why: Said) -> Said:
    made = moment_text(anchor.made_at)
    if anchor.source:
        return _domain_anchors.said(
            "The anchor {file} of {made} is not an anchor of this database: {why}.",
            file=anchor.source,
            made=made,
            why=why,
        )
    return _domain_anchors.said(
        "The anchor of {made} is not an anchor of this database: {why}.", made=made, why=why
    )


def _ledger_rewritten(problems: list[Problem]) -> bool:
    return any(p.table == "custody_events" for p in problems)


def _placed(problem: Problem, held: Anchor, seq: int) -> Problem:
    """The problem of a later anchor, placed after the last event an older one still holds."""
    if problem.table != "custody_events":
        return problem
    after = held.heads.ledger_seq
    if after + 1 == seq:
        where = _domain_anchors.said("the rewritten event is #{event}", event=seq)
    else:
        where = _domain_anchors.said(
            "the rewrite is between events #{first} and #{last}", first=after + 1, last=seq
        )
    made = moment_text(held.made_at)
    if held.source:
        message = _domain_anchors.said(
            "{finding} The anchor {file} of {made} still holds event #{event}: {where}.",
            finding=problem.message,
            file=held.source,
            made=made,
            event=after,
            where=where,
        )
    else:
        message = _domain_anchors.said(
            "{finding} The anchor of {made} still holds event #{event}: {where}.",
            finding=problem.message,
            made=made,
            event=after,
            where=where,
        )
    return Problem(
        problem.kind,
        message,
        problem.event_id,
        problem.aliquot_number,
        problem.table,
        problem.record,
        problem.field,
    )


def held_heads_problems(store: Store, heads: ChainHeads, what: str) -> list[Problem]:
    """``head_problems`` in a read transaction of its own (verify-pdf)."""
    with store.read() as session:
        return head_problems(session, heads, what)
