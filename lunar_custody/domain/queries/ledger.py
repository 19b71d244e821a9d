"""The ledger read: events with the names they refer to, an aliquot's history, verify."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session, aliased

from .. import operation as op
from ..installation import home_institution
from ..ledger import EVENT_KINDS, VerifyReport, verify_ledger
from ..listings import joins_as_written
from ..models import Aliquot, CustodyEvent, EventOrigin, Institution, Loan, Person, Transfer
from ..numbering import normalize
from ..store import ProgressCallback, Store


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    occurred_at: datetime
    kind: str
    label: str
    aliquot_number: str
    actor: str
    institution: str | None
    custodian: str | None
    courier: str | None
    transfer_number: str | None
    loan_number: str | None
    mass_ug: int | None
    related_aliquot: str | None
    corrects_event_id: int | None
    seal_number: str | None
    seal_intact: bool | None
    note: str
    hash: str
    # Where the event was first recorded: None here; else the partner installation's
    # institution code and its own number for it (an event imported from an exchange file).
    origin: str | None = None
    origin_seq: int | None = None
    transcribed: bool = False  # typed in from a paper custody form


def _home_id(session: Session) -> int | None:
    home = home_institution(session)
    return home.id if home is not None else None


@functools.cache
def _event_statement() -> Select[*tuple[Any, ...]]:
    """The events with the names they refer to, built once: building this select costs
    more than running it for one aliquot's history (the profile of the samples view)."""
    actor = aliased(Person)
    custodian = aliased(Person)
    courier = aliased(Person)
    related = aliased(Aliquot)
    origin_institution = aliased(Institution)
    return (
        select(
            CustodyEvent,
            Aliquot.number,
            actor.full_name,
            Institution.code,
            custodian.full_name,
            courier.full_name,
            Transfer.number,
            Loan.number,
            related.number,
            EventOrigin,
            origin_institution.code,
        )
        .join(Aliquot, Aliquot.id == CustodyEvent.aliquot_id)
        .join(actor, actor.id == CustodyEvent.actor_id)
        .outerjoin(Institution, Institution.id == CustodyEvent.institution_id)
        .outerjoin(custodian, custodian.id == CustodyEvent.custodian_person_id)
        .outerjoin(courier, courier.id == CustodyEvent.courier_id)
        .outerjoin(Transfer, Transfer.id == CustodyEvent.transfer_id)
        .outerjoin(Loan, Loan.id == CustodyEvent.loan_id)
        .outerjoin(related, related.id == CustodyEvent.related_aliquot_id)
        .outerjoin(EventOrigin, EventOrigin.event_id == CustodyEvent.id)
        .outerjoin(origin_institution, origin_institution.id == EventOrigin.institution_id)
        .order_by(CustodyEvent.id)
    )


def _event_rows(
    session: Session, where: list[ColumnElement[bool]], limit: int | None = None, offset: int = 0
) -> list[EventRow]:
    statement = _event_statement().where(*where).offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    rows = []
    with joins_as_written(session):
        result = session.execute(statement).all()
    # Only an event with an origin asks whether it was first recorded here (two queries less
    # for one aliquot's history, which seldom holds one).
    home_id = _home_id(session) if any(r.EventOrigin is not None for r in result) else None
    for (
        event,
        number,
        actor_name,
        inst,
        cust,
        cour,
        transfer,
        loan,
        rel,
        origin,
        origin_code,
    ) in result:
        imported = origin is not None and origin.institution_id != home_id
        rows.append(
            EventRow(
                id=event.id,
                occurred_at=event.occurred_at,
                kind=event.kind,
                label=EVENT_KINDS.get(event.kind, event.kind),
                aliquot_number=number,
                actor=actor_name,
                institution=inst,
                custodian=cust,
                courier=cour,
                transfer_number=transfer,
                loan_number=loan,
                mass_ug=event.mass_ug,
                related_aliquot=rel or (origin.related_number if origin else None),
                corrects_event_id=event.corrects_event_id,
                seal_number=event.seal_number,
                seal_intact=event.seal_intact,
                note=event.note,
                hash=event.hash,
                origin=origin_code if imported else None,
                origin_seq=origin.origin_seq if imported and origin else None,
                transcribed=bool(origin and origin.transcribed),
            )
        )
    return rows


def history(store: Store, number: str, *, with_ancestors: bool = False) -> list[EventRow]:
    """The chain of custody of one aliquot (and, if asked, of the aliquots it came from)."""
    with store.read() as session:
        if with_ancestors:
            row = op.aliquot(session, number)
            ids = [row.id]
            parent = row.parent
            while parent is not None:
                ids.append(parent.id)
                parent = parent.parent
            return _event_rows(session, [CustodyEvent.aliquot_id.in_(ids)])
        rows = _event_rows(session, [Aliquot.number == normalize(number)])
        if not rows:
            op.aliquot(session, number)  # every aliquot has its registration: say there is none
        return rows


def events(
    store: Store,
    *,
    kind: str | None = None,
    aliquot_prefix: str | None = None,
    after_id: int = 0,
    limit: int = 500,
) -> list[EventRow]:
    """A page of the ledger, oldest first, for the ledger view and exports."""
    where: list[ColumnElement[bool]] = [CustodyEvent.id > after_id]
    if kind:
        where.append(CustodyEvent.kind == kind)
    if aliquot_prefix:
        where.append(Aliquot.number.startswith(normalize(aliquot_prefix), autoescape=True))
    with store.read() as session:
        return _event_rows(session, where, limit=limit)


def verify(store: Store, progress: ProgressCallback | None = None) -> VerifyReport:
    """Recompute the ledger (see ledger.verify_ledger)."""
    return verify_ledger(store, progress)
