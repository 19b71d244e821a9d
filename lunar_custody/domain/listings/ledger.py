"""The custody events of the ledger and the audit trail."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import aliased

from ..audit import table_of_noun
from ..models import (
    Aliquot,
    AuditEntry,
    CustodyEvent,
    Document,
    Institution,
    Loan,
    Person,
    Sample,
    Transfer,
)
from ..numbering import normalize
from .core import (
    DATETIME,
    EVENT,
    INT,
    MASS,
    STATUS,
    Column,
    Listing,
    contains,
    looks_like_number,
    prefix,
)

# ---------------------------------------------------------------------- custody events

_event_aliquot = aliased(Aliquot, name="event_aliquot")
_actor = aliased(Person, name="actor")
_event_institution = aliased(Institution, name="event_institution")
_event_courier = aliased(Person, name="event_courier")
_event_transfer = aliased(Transfer, name="event_transfer")


def _event_source() -> Select[*tuple[Any, ...]]:
    return (
        select()
        .select_from(CustodyEvent)
        .join(_event_aliquot, _event_aliquot.id == CustodyEvent.aliquot_id)
        .join(_actor, _actor.id == CustodyEvent.actor_id)
        .outerjoin(_event_institution, _event_institution.id == CustodyEvent.institution_id)
        .outerjoin(_event_courier, _event_courier.id == CustodyEvent.courier_id)
        .outerjoin(_event_transfer, _event_transfer.id == CustodyEvent.transfer_id)
    )


def _event_search(text: str) -> ColumnElement[bool] | None:
    value = text.strip()
    if value.startswith("#") and value[1:].isdigit():
        return CustodyEvent.id == int(value[1:])
    if looks_like_number(value):
        # An aliquot's events through the (aliquot_id, id) index, not a scan of the ledger.
        ids = select(Aliquot.id).where(prefix(Aliquot.number, normalize(value)))
        return CustodyEvent.aliquot_id.in_(ids)
    return or_(
        _event_transfer.number == value.upper(),
        contains(_actor.full_name, value),
        contains(_event_institution.name, value),
    )


EVENTS = Listing(
    name="events",
    columns=(
        Column("id", "#", CustodyEvent.id, INT),
        Column("occurred_at", "When", CustodyEvent.occurred_at, DATETIME),
        Column("kind", "Event", CustodyEvent.kind, EVENT),
        Column("aliquot", "Aliquot", _event_aliquot.number),
        Column("mass_ug", "Mass", CustodyEvent.mass_ug, MASS),
        Column("actor", "By", _actor.full_name),
        Column("institution", "Institution", _event_institution.name),
        Column("courier", "Courier", _event_courier.full_name),
        Column("transfer", "Transfer", _event_transfer.number),
        Column("note", "Note", CustodyEvent.note),
        Column("hash", "Hash", CustodyEvent.hash),
    ),
    source=_event_source,
    search=_event_search,
    default_sort="id",
    default_descending=True,
    tiebreak=CustodyEvent.id,
    filters={
        "kind": lambda value: CustodyEvent.kind == value,
        "aliquot_id": lambda aliquot_id: CustodyEvent.aliquot_id == aliquot_id,
        "since": lambda moment: CustodyEvent.occurred_at >= moment,
        "until": lambda moment: CustodyEvent.occurred_at < moment,
    },
)


# ---------------------------------------------------------------------- audit trail

_audit_actor = aliased(Person, name="audit_actor")

# the records a person names by number, as the audit list shows them ("Loan L2026-0003")
_NUMBERED = {model.__tablename__: model for model in (Sample, Aliquot, Loan, Transfer, Document)}


def _audit_search(text: str) -> ColumnElement[bool]:
    """A table by its noun ("loans", "loan item"), a record by its number with or without
    its noun ("L2026-0003", "Transfer T2026-0004"), a person, or a new value."""
    value = text.strip()
    noun, _, rest = value.partition(" ")
    named = table_of_noun(noun) if rest else None
    number = normalize(rest if named else value)
    tables = [named] if named in _NUMBERED else list(_NUMBERED) if not named else []
    by_number = [
        and_(
            AuditEntry.table_name == table,
            AuditEntry.record_id.in_(
                select(_NUMBERED[table].id).where(_NUMBERED[table].number == number)
            ),
        )
        for table in tables
    ]
    return or_(
        AuditEntry.table_name == (table_of_noun(value) or value),
        *by_number,
        contains(_audit_actor.full_name, value),
        contains(func.coalesce(AuditEntry.new_value, ""), value),
    )


AUDIT = Listing(
    name="audit",
    columns=(
        Column("id", "#", AuditEntry.id, INT),
        Column("occurred_at", "When", AuditEntry.occurred_at, DATETIME),
        Column("actor", "By", _audit_actor.full_name),
        Column("table_name", "Record", AuditEntry.table_name),
        Column("record_id", "Id", AuditEntry.record_id, INT),
        Column("action", "Action", AuditEntry.action, STATUS),
        Column("field", "Field", AuditEntry.field),
        Column("old_value", "Old value", AuditEntry.old_value),
        Column("new_value", "New value", AuditEntry.new_value),
    ),
    source=lambda: (
        select()
        .select_from(AuditEntry)
        .outerjoin(_audit_actor, _audit_actor.id == AuditEntry.actor_id)
    ),
    search=lambda text: _audit_search(text),
    default_sort="id",
    default_descending=True,
    tiebreak=AuditEntry.id,
)
