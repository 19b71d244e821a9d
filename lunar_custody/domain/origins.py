"""Events that crossed between installations: the statement an origin installation signs
for each event it sends, and what ``verify`` checks of the events and files received.

An event travels as ``event_statement``: canonical JSON (RFC 8785) naming every record by
UUID and number, never by a local id, with the origin's own sequence number and hash. The
origin institution key signs it; the receiver keeps that signature with the event
(``event_origins``), so verify can check later, with the partner's certificate alone, that
each imported event is still what the partner sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..trust import keys as trust_keys
from ..trust.statements import signature_holds, utc_text
from .anchors import ChainHeads, head_problems
from .keys import PARTNER
from .ledger import Problem
from .models import (
    Aliquot,
    Certificate,
    CustodyEvent,
    EventOrigin,
    ExchangeFile,
    Institution,
    Loan,
    Person,
    Transfer,
)
from .wording import Words

_domain_origins = Words("_domain_origins")

EVENT_STATEMENT = "lunar-custody custody event"


@dataclass(frozen=True)
class Ref:
    """A record as another installation knows it."""

    uuid: str
    label: str  # its number, user name or code

    def as_dict(self) -> dict[str, str]:
        return {"uuid": self.uuid, "label": self.label}


def event_statement(
    *,
    origin: Institution,
    origin_seq: int,
    origin_hash: str,
    event: CustodyEvent,
    refs: dict[str, Ref | None],
    transcribed: bool,
) -> dict[str, Any]:
    """What the origin installation signs for one event. ``refs`` names the records the
    event points at: aliquot, actor, holder_institution, custodian_person, courier,
    transfer, loan, related_aliquot, corrects (None where the event names none)."""
    return {
        "type": EVENT_STATEMENT,
        "v": 1,
        "origin": {"uuid": origin.uuid, "code": origin.code},
        "seq": origin_seq,
        "hash": origin_hash,
        "uuid": event.uuid,
        "kind": event.kind,
        "occurred_at": utc_text(event.occurred_at),
        **{name: (ref.as_dict() if ref else None) for name, ref in sorted(refs.items())},
        "mass_ug": event.mass_ug,
        "seal_number": event.seal_number,
        "seal_intact": event.seal_intact,
        "note": event.note,
        "transcribed": transcribed,
    }


REF_NAMES = (
    "aliquot",
    "actor",
    "holder_institution",
    "custodian_person",
    "courier",
    "transfer",
    "loan",
    "related_aliquot",
    "corrects",
)


class RefReader:
    """Names the records local events point at, as ``event_statement`` wants them."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._cache: dict[tuple[type[Any], int], Ref] = {}

    def ref(self, model: type[Any], row_id: int | None) -> Ref | None:
        if row_id is None:
            return None
        key = (model, row_id)
        found = self._cache.get(key)
        if found is None:
            row = self.session.get(model, row_id)
            assert row is not None, f"{model.__name__} {row_id} is missing"
            # never a local id: the label must read the same at every installation
            label = (
                row.number
                if hasattr(row, "number")
                else row.username
                if isinstance(row, Person)
                else row.code
                if isinstance(row, Institution)
                else row.kind
            )
            found = self._cache[key] = Ref(row.uuid, label)
        return found

    def refs(self, event: CustodyEvent, origin: EventOrigin | None) -> dict[str, Ref | None]:
        related = self.ref(Aliquot, event.related_aliquot_id)
        if related is None and origin is not None and origin.related_uuid:
            related = Ref(origin.related_uuid, origin.related_number or "")
        return {
            "aliquot": self.ref(Aliquot, event.aliquot_id),
            "actor": self.ref(Person, event.actor_id),
            "holder_institution": self.ref(Institution, event.institution_id),
            "custodian_person": self.ref(Person, event.custodian_person_id),
            "courier": self.ref(Person, event.courier_id),
            "transfer": self.ref(Transfer, event.transfer_id),
            "loan": self.ref(Loan, event.loan_id),
            "related_aliquot": related,
            "corrects": self.ref(CustodyEvent, event.corrects_event_id),
        }


def partner_certificates(session: Session, institution_id: int) -> list[Certificate]:
    return list(
        session.scalars(
            select(Certificate).where(
                Certificate.kind == PARTNER, Certificate.institution_id == institution_id
            )
        )
    )


def origin_signature_holds(
    certificates: Sequence[Certificate], statement: dict[str, Any], signature: str
) -> bool:
    return any(
        signature_holds(trust_keys.load_certificate(row.certificate_pem), statement, signature)
        for row in certificates
    )


def origin_problems(session: Session) -> list[Problem]:
    """Every imported event whose origin signature no longer holds for what this database
    says of it, and every chain head an exchange file carried that our chains no longer
    hold (ours as we sent it, ours as a partner last saw it)."""
    problems: list[Problem] = []
    reader = RefReader(session)
    rows = session.execute(
        select(EventOrigin, CustodyEvent)
        .join(CustodyEvent, CustodyEvent.id == EventOrigin.event_id)
        .where(EventOrigin.origin_signature.is_not(None))
        .order_by(EventOrigin.event_id)
    ).all()
    certificates: dict[int, list[Certificate]] = {}
    for origin, event in rows:
        institution = session.get(Institution, origin.institution_id)
        assert institution is not None
        if origin.institution_id not in certificates:
            certificates[origin.institution_id] = partner_certificates(
                session, origin.institution_id
            )
        statement = event_statement(
            origin=institution,
            origin_seq=origin.origin_seq,
            origin_hash=origin.origin_hash,
            event=event,
            refs=reader.refs(event, origin),
            transcribed=origin.transcribed,
        )
        assert origin.origin_signature is not None
        if not origin_signature_holds(
            certificates[origin.institution_id], statement, origin.origin_signature
        ):
            problems.append(
                Problem(
                    "signature",
                    _domain_origins.said(
                        "Event #{event} was imported from {institution} (their "
                        "#{their_event}), and {code}'s signature no longer holds for it: "
                        "it was changed here after it was imported.",
                        event=event.id,
                        institution=institution.name,
                        their_event=origin.origin_seq,
                        code=institution.code,
                    ),
                    event.id,
                    reader.ref(Aliquot, event.aliquot_id).label,  # type: ignore[union-attr]
                    table="custody_events",
                    record=str(event.id),
                )
            )
    for sent in session.scalars(select(ExchangeFile).order_by(ExchangeFile.id)):
        partner = sent.partner.name
        if sent.direction == "sent":
            heads = ChainHeads(
                sent.sender_seq, sent.sender_hash, sent.sender_audit_seq, sent.sender_audit_hash
            )
            what = _domain_origins.said(
                "the exchange file {kind} no. {number} to {partner} was sent",
                kind=sent.kind,
                number=sent.sequence,
                partner=partner,
            )
        elif sent.seen_seq is not None and sent.seen_hash is not None:
            heads = ChainHeads(sent.seen_seq, sent.seen_hash, 0, "")
            what = _domain_origins.said(
                "{partner} last saw this ledger (their exchange file {kind} no. {number})",
                partner=partner,
                kind=sent.kind,
                number=sent.sequence,
            )
        else:
            continue
        problems.extend(head_problems(session, heads, what))
    return problems
