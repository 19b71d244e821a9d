"""Writing an exchange file: everything a partner needs about a loan, a transfer or a set
of aliquots, signed by this installation's institution key.

A file carries the whole story of what it is about (records, and every custody event of
its aliquots the receiver did not record itself), so the receiver can import it whatever
it already holds: what it holds already is recognised and skipped. Its kind (offer,
answer, shipment, legs, receipt, report, return) says which step it carries, for people.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import operation as op
from ..domain.anchors import chain_heads
from ..domain.errors import RuleViolation, ValidationError
from ..domain.installation import home_institution
from ..domain.keys import INSTITUTION, PARTNER, institution_key
from ..domain.ledger import Ledger
from ..domain.models import (
    Aliquot,
    Base,
    Certificate,
    CustodyEvent,
    Discrepancy,
    EventOrigin,
    ExchangeFile,
    Institution,
    Inventory,
    InventoryLine,
    Loan,
    LoanItem,
    LoanReceiver,
    Person,
    Sample,
    Signature,
    Transfer,
    TransferItem,
    TransferLeg,
    new_uuid,
)
from ..domain.numbering import normalize
from ..domain.operation import Context, operation
from ..domain.origins import RefReader, event_statement
from ..domain.permissions import Actor
from ..domain.states import LoanStatus, TransferKind, TransferStatus
from ..domain.store import Store
from ..domain.wording import Words, counted
from ..trust.statements import sign_statement, utc_text
from .format import FORMAT, SUFFIX, VERSION, pack
from .records import LATE_SECTIONS, SECTIONS, counted_records, key_of, to_dict

SENT, RECEIVED = "sent", "received"


_domain_exchange_export = Words("_domain_exchange_export")


@dataclass(frozen=True)
class Exported:
    """A file written: its bytes, and what it holds, for the person who sends it."""

    filename: str
    content: bytes
    kind: str
    sequence: int
    partner: str  # the receiving institution's name
    subject: str
    counts: dict[str, int]
    events: int

    @property
    def summary(self) -> str:
        records = counted_records(self.counts) or _domain_exchange_export.said("no records")
        count = f"{self.events:,}"
        if self.events == 1:
            return _domain_exchange_export.said(
                "{count} custody event; {records}", count=count, records=records
            )
        return _domain_exchange_export.said(
            "{count} custody events; {records}", count=count, records=records
        )


@dataclass
class _Scope:
    """What goes into a file, as local ids per model, and the events, in ledger order."""

    rows: dict[type[Base], dict[int, Any]] = field(default_factory=dict)
    events: list[CustodyEvent] = field(default_factory=list)

    def add(self, model: type[Base], row: Any) -> None:
        if row is not None:
            self.rows.setdefault(model, {})[row.id] = row

    def add_all(self, model: type[Base], rows: Iterable[Any]) -> None:
        for row in rows:
            self.add(model, row)

    def ids(self, model: type[Base]) -> list[int]:
        return list(self.rows.get(model, {}))


def _partner(session: Session, code: str) -> tuple[Institution, Certificate]:
    institution = op.institution(session, code)
    home = home_institution(session)
    if home is not None and institution.id == home.id:
        raise ValidationError(
            _domain_exchange_export.said(
                "{institution} is this installation's own institution.",
                institution=institution.name,
            )
        )
    certificate = session.scalars(
        select(Certificate)
        .where(
            Certificate.kind == PARTNER,
            Certificate.institution_id == institution.id,
            Certificate.revoked_at.is_(None),
        )
        .order_by(Certificate.id.desc())
    ).first()
    if certificate is None:
        raise RuleViolation(
            _domain_exchange_export.said(
                "{institution} is not a trusted partner yet: import its introduction file and "
                "confirm its fingerprint first ({command}).",
                institution=institution.name,
                command="lunar-custody partners add",
            )
        )
    return institution, certificate


def _events_of(
    session: Session, aliquot_ids: Sequence[int], loan_id: int | None
) -> list[CustodyEvent]:
    """Every event of these aliquots: their whole history, up to where a later loan of
    the lender took them (what happened to them under another loan is not this one's)."""
    if not aliquot_ids:
        return []
    events = session.scalars(
        select(CustodyEvent)
        .where(CustodyEvent.aliquot_id.in_(aliquot_ids))
        .order_by(CustodyEvent.id)
    ).all()
    if loan_id is None:
        return list(events)
    last_ours: dict[int, int] = {}
    for event in events:
        if event.loan_id == loan_id:
            last_ours[event.aliquot_id] = event.id
    kept = []
    ended: set[int] = set()
    for event in events:
        aliquot = event.aliquot_id
        if aliquot in ended:
            continue
        if (
            event.loan_id not in (None, loan_id)
            and event.id > last_ours.get(aliquot, 0)
            and aliquot in last_ours
        ):
            ended.add(aliquot)
            continue
        kept.append(event)
    return kept


def _loan_scope(session: Session, loan: Loan) -> _Scope:
    scope = _Scope()
    scope.add(Loan, loan)
    items = session.scalars(select(LoanItem).where(LoanItem.loan_id == loan.id)).all()
    scope.add_all(LoanItem, items)
    aliquots = session.scalars(
        select(Aliquot).where(Aliquot.id.in_([i.aliquot_id for i in items]))
    ).all()
    scope.add_all(Aliquot, aliquots)
    transfers = session.scalars(select(Transfer).where(Transfer.loan_id == loan.id)).all()
    _add_transfers(session, scope, transfers)
    _add_receivers(session, scope, loan)
    scope.events = _events_of(session, [a.id for a in aliquots], loan.id)
    _add_inventories(session, scope, loan)
    return scope


def _add_receivers(session: Session, scope: _Scope, loan: Loan) -> None:
    """The loan's authorised receivers, removed ones too, with the people they name: the
    borrower learns them from the offer, the lender from the answer and later reports."""
    rows = session.scalars(select(LoanReceiver).where(LoanReceiver.loan_id == loan.id)).all()
    scope.add_all(LoanReceiver, rows)
    named = {p for r in rows for p in (r.person_id, r.added_by_id, r.removed_by_id) if p}
    scope.add_all(Person, session.scalars(select(Person).where(Person.id.in_(named))))


def _add_inventories(session: Session, scope: _Scope, loan: Loan) -> None:
    """The loan's annual inventories, their lines and the people who took them: the
    borrower reports them to the lender with their ``inventoried`` and ``lost`` events."""
    inventories = session.scalars(select(Inventory).where(Inventory.loan_id == loan.id)).all()
    if not inventories:
        return
    scope.add_all(Inventory, inventories)
    lines = session.scalars(
        select(InventoryLine).where(InventoryLine.inventory_id.in_([i.id for i in inventories]))
    ).all()
    scope.add_all(InventoryLine, lines)
    people = {i.started_by_id for i in inventories} | {
        i.certified_by_id for i in inventories if i.certified_by_id
    }
    people.update(line.checked_by_id for line in lines if line.checked_by_id)
    scope.add_all(Person, session.scalars(select(Person).where(Person.id.in_(people))))


def _add_transfers(session: Session, scope: _Scope, transfers: Sequence[Transfer]) -> None:
    scope.add_all(Transfer, transfers)
    ids = [t.id for t in transfers]
    if not ids:
        return
    scope.add_all(
        TransferItem, session.scalars(select(TransferItem).where(TransferItem.transfer_id.in_(ids)))
    )
    scope.add_all(
        TransferLeg, session.scalars(select(TransferLeg).where(TransferLeg.transfer_id.in_(ids)))
    )
    scope.add_all(
        Discrepancy, session.scalars(select(Discrepancy).where(Discrepancy.transfer_id.in_(ids)))
    )


def _transfer_scope(session: Session, transfer: Transfer) -> _Scope:
    if transfer.loan is not None:
        return _loan_scope(session, transfer.loan)
    scope = _Scope()
    _add_transfers(session, scope, [transfer])
    aliquot_ids = [i.aliquot_id for i in transfer.items]
    scope.add_all(Aliquot, session.scalars(select(Aliquot).where(Aliquot.id.in_(aliquot_ids))))
    scope.events = _events_of(session, aliquot_ids, None)
    return scope


def _aliquot_scope(session: Session, numbers: Sequence[str]) -> _Scope:
    scope = _Scope()
    wanted = [op.aliquot(session, n) for n in numbers]
    # with the children split off them since, and theirs
    frontier = [a.id for a in wanted]
    scope.add_all(Aliquot, wanted)
    while frontier:
        children = session.scalars(select(Aliquot).where(Aliquot.parent_id.in_(frontier))).all()
        scope.add_all(Aliquot, children)
        frontier = [c.id for c in children]
    ids = scope.ids(Aliquot)
    scope.events = list(
        session.scalars(
            select(CustodyEvent).where(CustodyEvent.aliquot_id.in_(ids)).order_by(CustodyEvent.id)
        )
    )
    return scope


def _kind(session: Session, home: Institution, loan: Loan | None, transfer: Transfer | None) -> str:
    """Which step of a loan's journey the file carries, as the sender sees it."""
    if transfer is not None:
        if transfer.courier.institution_id == home.id and transfer.from_institution_id != home.id:
            return "legs"
        if transfer.to_institution_id == home.id and transfer.status == TransferStatus.RECEIVED:
            return "receipt"
        if transfer.from_institution_id == home.id:
            return "return" if transfer.kind == TransferKind.RETURN else "shipment"
        return "report"
    if loan is not None:
        if loan.lender_institution_id == home.id and loan.status == LoanStatus.APPROVED:
            return "offer"
        if loan.borrower_institution_id == home.id and loan.status == LoanStatus.ACTIVE:
            latest = session.scalar(
                select(func.count())
                .select_from(CustodyEvent)
                .where(CustodyEvent.loan_id == loan.id)
            )
            if not latest:
                return "answer"
    return "report"


def _complete(session: Session, scope: _Scope) -> None:
    """Add what the records point at: samples, institutions, people, person certificates
    (never an institution's: a partner's key is trusted only by confirming it)."""
    for aliquot in list(scope.rows.get(Aliquot, {}).values()):
        scope.add(Sample, aliquot.sample)
    people: set[int] = set()
    institutions: set[int] = set()
    for _model, rows in list(scope.rows.items()):
        for row in rows.values():
            for name in ("person_id", "principal_investigator_id", "created_by_id",
                         "sender_id", "receiver_id", "courier_id", "received_by_id",
                         "handed_over_by_id", "raised_by_id", "resolved_by_id",
                         "registered_by_id"):  # fmt: skip
                value = getattr(row, name, None)
                if value is not None:
                    people.add(value)
            for name in ("lender_institution_id", "borrower_institution_id",
                         "from_institution_id", "to_institution_id",
                         "owner_institution_id"):  # fmt: skip
                value = getattr(row, name, None)
                if value is not None:
                    institutions.add(value)
    for event in scope.events:
        people.update(p for p in (event.actor_id, event.custodian_person_id, event.courier_id) if p)
        if event.institution_id:
            institutions.add(event.institution_id)
    signatures = _signatures(session, scope)
    scope.add_all(Signature, signatures)
    people.update(s.person_id for s in signatures)
    certificates = session.scalars(
        select(Certificate).where(
            Certificate.id.in_([s.certificate_id for s in signatures if s.certificate_id]),
            Certificate.kind.not_in((INSTITUTION, PARTNER)),
        )
    ).all()
    scope.add_all(Certificate, certificates)
    person_rows = session.scalars(select(Person).where(Person.id.in_(people))).all()
    scope.add_all(Person, person_rows)
    institutions.update(p.institution_id for p in person_rows)
    scope.add_all(
        Institution, session.scalars(select(Institution).where(Institution.id.in_(institutions)))
    )


def _signatures(session: Session, scope: _Scope) -> list[Signature]:
    found: list[Signature] = []
    for record_type, model in (
        ("loan", Loan),
        ("transfer", Transfer),
        ("discrepancy", Discrepancy),
        ("inventory", Inventory),
    ):
        ids = scope.ids(model)
        if ids:
            found.extend(
                session.scalars(
                    select(Signature)
                    .where(Signature.record_type == record_type, Signature.record_id.in_(ids))
                    .order_by(Signature.id)
                )
            )
    return found


def _event_entries(
    session: Session, home: Institution, receiver: Institution, scope: _Scope, key: Any
) -> list[dict[str, Any]]:
    """The events as signed statements: ours signed now, imported ones with the origin's
    signature they came with; none the receiver recorded itself."""
    origins = {
        o.event_id: o
        for o in session.scalars(
            select(EventOrigin).where(EventOrigin.event_id.in_([e.id for e in scope.events]))
        )
    }
    reader = RefReader(session)
    entries: list[dict[str, Any]] = []
    for event in scope.events:
        origin = origins.get(event.id)
        imported = origin is not None and origin.institution_id != home.id
        if imported and origin is not None and origin.institution_id == receiver.id:
            continue
        statement = event_statement(
            origin=origin.institution if imported and origin else home,
            origin_seq=origin.origin_seq if imported and origin else event.id,
            origin_hash=origin.origin_hash if imported and origin else event.hash,
            event=event,
            refs=reader.refs(event, origin),
            transcribed=bool(origin and origin.transcribed),
        )
        signature = (
            origin.origin_signature
            if imported and origin and origin.origin_signature
            else sign_statement(key, statement)
        )
        entries.append({"statement": statement, "signature": signature})
    return entries


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")


def export_exchange(
    store: Store,
    actor: Actor,
    *,
    partner: str,
    loan: str | None = None,
    transfer: str | None = None,
    aliquots: Sequence[str] = (),
) -> Exported:
    """The exchange file for ``partner`` about one loan, one transfer or some aliquots,
    recorded here as sent (its number and our chain head are kept as an anchor)."""
    if sum(bool(x) for x in (loan, transfer, aliquots)) != 1:
        raise ValidationError(
            _domain_exchange_export.said(
                "Say what the file is about: one loan, one transfer or aliquots."
            )
        )
    with operation(store, actor, "exchange") as ctx:
        session = ctx.session
        receiver, receiver_certificate = _partner(session, partner)
        home = home_institution(session)
        assert home is not None
        key = institution_key(session)
        loan_row = op.loan(session, loan) if loan else None
        transfer_row = op.transfer(session, transfer) if transfer else None
        if loan_row is not None:
            scope = _loan_scope(session, loan_row)
            subject = f"loan {loan_row.number}"
        elif transfer_row is not None:
            scope = _transfer_scope(session, transfer_row)
            subject = f"transfer {transfer_row.number}"
        else:
            scope = _aliquot_scope(session, aliquots)
            first = ", ".join(normalize(a) for a in aliquots[:3])
            subject = f"{counted(len(aliquots), 'aliquot')}: {first}"
        _complete(session, scope)
        kind = _kind(session, home, loan_row, transfer_row)
        return _write(ctx, home, receiver, receiver_certificate, key, scope, kind, subject)


def _write(
    ctx: Context,
    home: Institution,
    receiver: Institution,
    receiver_certificate: Certificate,
    key: Any,
    scope: _Scope,
    kind: str,
    subject: str,
) -> Exported:
    session = ctx.session
    # two workstations writing a file for the same partner take numbers one after the other
    # (the ledger head's row lock, which the heads below must be read under anyway)
    Ledger(session).head()
    sequence = 1 + (
        session.scalar(
            select(func.max(ExchangeFile.sequence)).where(
                ExchangeFile.direction == SENT, ExchangeFile.partner_institution_id == receiver.id
            )
        )
        or 0
    )
    seen = session.scalars(
        select(ExchangeFile)
        .where(
            ExchangeFile.direction == RECEIVED, ExchangeFile.partner_institution_id == receiver.id
        )
        .order_by(ExchangeFile.sequence.desc())
    ).first()
    events = _event_entries(session, home, receiver, scope, key.private_key)
    session.flush()
    heads = chain_heads(session)

    def ref(model: type[Base], row_id: int) -> str:
        row = session.get(model, row_id)
        assert row is not None
        return key_of(model, row)

    records: dict[str, list[dict[str, Any]]] = {}
    for section, model in {**SECTIONS, **LATE_SECTIONS}.items():
        rows = sorted(scope.rows.get(model, {}).values(), key=lambda r: r.id)
        records[section] = [to_dict(model, row, ref) for row in rows]
    content: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "kind": kind,
        "id": new_uuid(),
        "made_at": utc_text(ctx.now),
        "made_by": {"uuid": ctx.person.uuid, "name": ctx.person.full_name},
        "sequence": sequence,
        "subject": subject,
        "sender": _party(home, key.fingerprint),
        "receiver": _party(receiver, receiver_certificate.fingerprint),
        "sender_head": heads.as_dict(),
        "seen_head": (
            {"ledger": {"seq": seen.sender_seq, "hash": seen.sender_hash}} if seen else None
        ),
        "records": records,
        "events": events,
    }
    data = pack(content, key.private_key, key.pem)
    counts = {section: len(rows) for section, rows in records.items()}
    exported = Exported(
        filename=f"{_safe(home.code)}-to-{_safe(receiver.code)}-{sequence:04d}-{kind}-"
        f"{_safe(subject.split(':')[0].replace(' ', '-'))}{SUFFIX}",
        content=data,
        kind=kind,
        sequence=sequence,
        partner=receiver.name,
        subject=subject,
        counts=counts,
        events=len(events),
    )
    session.add(
        ExchangeFile(
            uuid=content["id"],
            kind=kind,
            direction=SENT,
            partner_institution_id=receiver.id,
            sequence=sequence,
            sha256=hashlib.sha256(data).hexdigest(),
            made_at=ctx.now,
            recorded_at=ctx.now,
            recorded_by_id=ctx.person.id,
            subject=subject,
            summary=str(exported.summary),  # kept as plain English
            sender_seq=heads.ledger_seq,
            sender_hash=heads.ledger_hash,
            sender_audit_seq=heads.audit_seq,
            sender_audit_hash=heads.audit_hash,
            seen_seq=seen.sender_seq if seen else None,
            seen_hash=seen.sender_hash if seen else None,
            content=data,
        )
    )
    return exported


def _party(institution: Institution, fingerprint: str) -> dict[str, str]:
    return {
        "uuid": institution.uuid,
        "code": institution.code,
        "name": institution.name,
        "fingerprint": fingerprint,
    }
