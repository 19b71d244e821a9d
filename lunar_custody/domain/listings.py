"""Lists of records, paged, sorted and searched in SQL.

A collection of 200,000 aliquots and 2,000,000 custody events must open at once: views
never load every row. Each ``Listing`` says which columns a list shows and how its search
box and filters translate into SQL; ``page`` fetches one slice in the requested order and
``count`` says how many rows match. The GUI's table models and the benchmarks use these;
the rules live elsewhere (listings only read).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Select, and_, case, cast, false, func, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.selectable import Join

from .models import (
    Aliquot,
    AuditEntry,
    CustodyEvent,
    Discrepancy,
    Institution,
    Loan,
    LoanItem,
    Person,
    Sample,
    Transfer,
)
from .numbering import normalize
from .states import OPEN_LOAN_STATES, AliquotStatus, LoanStatus
from .store import Store

# Column kinds tell a view how to show a value (masses in µg become mg or g, and so on).
TEXT, MASS, DATETIME, DATE, INT, BOOL, STATUS, EVENT = (
    "text",
    "mass",
    "datetime",
    "date",
    "int",
    "bool",
    "status",
    "event",
)
# The highest code point: "prefix <= x < prefix + TOP" is a prefix match that uses the index.
_TOP = "\U0010ffff"
_NUMBER_LIKE = re.compile(r"^(CE\d|\d)[0-9A-Z,\-]*$")


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    expr: ColumnElement[Any]
    kind: str = TEXT


@dataclass(frozen=True)
class Listing:
    name: str
    columns: tuple[Column, ...]
    source: Callable[[], Select[Any]]  # FROM and JOINs; the columns are added by page()
    search: Callable[[str], ColumnElement[bool] | None]
    default_sort: str
    default_descending: bool = False
    tiebreak: ColumnElement[Any] | None = None
    filters: Mapping[str, Callable[[Any], ColumnElement[bool]]] = field(default_factory=dict)

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]


def like_escaped(text: str) -> str:
    """``%text%`` for LIKE with the user's own % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains(expr: ColumnElement[Any], text: str) -> ColumnElement[bool]:
    return func.lower(expr).like(like_escaped(text.lower()), escape="\\")


def prefix(expr: ColumnElement[Any], text: str) -> ColumnElement[bool]:
    return and_(expr >= text, expr < text + _TOP)


def looks_like_number(text: str) -> bool:
    return bool(_NUMBER_LIKE.match(normalize(text)))


def _where(
    listing: Listing, search: str, filters: Mapping[str, Any] | None
) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    text = search.strip()
    if text:
        clause = listing.search(text)
        clauses.append(clause if clause is not None else false())
    for name, value in (filters or {}).items():
        if value is None or value == "":
            continue
        if name not in listing.filters:
            raise KeyError(f"{listing.name} has no filter {name!r}")
        clauses.append(listing.filters[name](value))
    return clauses


def page(
    session: Session,
    listing: Listing,
    *,
    search: str = "",
    filters: Mapping[str, Any] | None = None,
    sort: str | None = None,
    descending: bool | None = None,
    offset: int = 0,
    limit: int = 200,
) -> list[tuple[Any, ...]]:
    """One slice of the listing: tuples in the order of ``listing.columns``."""
    sort_column = listing.column(sort or listing.default_sort)
    if descending is None:
        descending = listing.default_descending if sort is None else False
    order = [sort_column.expr.desc() if descending else sort_column.expr.asc()]
    if listing.tiebreak is not None:
        order.append(listing.tiebreak.desc() if descending else listing.tiebreak.asc())
    statement = (
        listing.source()
        .add_columns(*(c.expr for c in listing.columns))
        .where(*_where(listing, search, filters))
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    return [tuple(row) for row in session.execute(statement)]


def count(
    session: Session,
    listing: Listing,
    *,
    search: str = "",
    filters: Mapping[str, Any] | None = None,
) -> int:
    where = _where(listing, search, filters)
    source = listing.source().add_columns(func.count())
    if not where:
        # A listing's joins keep one row per row of its base table (inner joins follow
        # non-null foreign keys, the others are outer joins), so an unfiltered count is the
        # base table's: two million custody events are counted without joining them.
        base = source.get_final_froms()[0]
        while isinstance(base, Join):
            base = base.left
        return int(session.scalar(select(func.count()).select_from(base)) or 0)
    return int(session.scalar(source.where(*where)) or 0)


def fetch_page(
    store: Store,
    listing: Listing,
    *,
    search: str = "",
    filters: Mapping[str, Any] | None = None,
    sort: str | None = None,
    descending: bool | None = None,
    offset: int = 0,
    limit: int = 200,
) -> list[tuple[Any, ...]]:
    """``page`` in its own read transaction: what the GUI's lazy models call."""
    with store.read() as session:
        return page(
            session,
            listing,
            search=search,
            filters=filters,
            sort=sort,
            descending=descending,
            offset=offset,
            limit=limit,
        )


def fetch_count(
    store: Store,
    listing: Listing,
    *,
    search: str = "",
    filters: Mapping[str, Any] | None = None,
) -> int:
    """``count`` in its own read transaction."""
    with store.read() as session:
        return count(session, listing, search=search, filters=filters)


# ---------------------------------------------------------------------- aliquots

_custodian = aliased(Institution, name="custodian")
_holder = aliased(Person, name="holder")
_courier = aliased(Person, name="courier")
_parent = aliased(Aliquot, name="parent")


def _aliquot_source() -> Select[Any]:
    return (
        select()
        .select_from(Aliquot)
        .join(Sample, Sample.id == Aliquot.sample_id)
        .outerjoin(_parent, _parent.id == Aliquot.parent_id)
        .outerjoin(_custodian, _custodian.id == Aliquot.custodian_institution_id)
        .outerjoin(_holder, _holder.id == Aliquot.custodian_person_id)
        .outerjoin(_courier, _courier.id == Aliquot.courier_id)
        .outerjoin(Loan, Loan.id == Aliquot.loan_id)
    )


_open_loan = aliased(Loan, name="open_loan")


def _lendable_by(code: str) -> ColumnElement[bool]:
    """In storage at institution ``code`` and on no open loan: what a draft loan may take."""
    on_open_loan = (
        select(LoanItem.id)
        .join(_open_loan, _open_loan.id == LoanItem.loan_id)
        .where(
            LoanItem.aliquot_id == Aliquot.id,
            _open_loan.status.in_(OPEN_LOAN_STATES),
        )
        .exists()
    )
    return and_(Aliquot.status == AliquotStatus.IN_STORAGE, _custodian.code == code, ~on_open_loan)


def _aliquot_search(text: str) -> ColumnElement[bool] | None:
    if looks_like_number(text):
        return prefix(Aliquot.number, normalize(text))
    return or_(
        contains(_custodian.name, text),
        _custodian.code == text.upper(),
        contains(_holder.full_name, text),
        Loan.number == text.upper(),
    )


ALIQUOTS = Listing(
    name="aliquots",
    columns=(
        Column("number", "Aliquot", Aliquot.number),
        Column("sample", "Sample", Sample.number),
        Column("parent", "Parent", _parent.number),
        Column("status", "Status", Aliquot.status, STATUS),
        Column("current_mass_ug", "Mass", Aliquot.current_mass_ug, MASS),
        Column("initial_mass_ug", "Initial", Aliquot.initial_mass_ug, MASS),
        Column("custodian", "Custodian", _custodian.name),
        Column("holder", "Held by", func.coalesce(_courier.full_name, _holder.full_name)),
        Column("loan", "Loan", Loan.number),
        Column("container", "Container", Aliquot.container),
        Column("seal_number", "Seal", Aliquot.seal_number),
        Column("id", "#", Aliquot.id, INT),
    ),
    source=_aliquot_source,
    search=_aliquot_search,
    default_sort="number",
    tiebreak=Aliquot.id,
    filters={
        "status": lambda value: Aliquot.status == value,
        "custodian": lambda code: _custodian.code == code,
        "sample": lambda number: Sample.number == number,
        "loan": lambda number: Loan.number == number,
        "roots": lambda yes: Aliquot.parent_id.is_(None) if yes else Aliquot.parent_id.isnot(None),
        "parent_id": lambda parent_id: Aliquot.parent_id == parent_id,
        "lendable_by": _lendable_by,
        "number": lambda number: Aliquot.number == normalize(number),
    },
)


# ---------------------------------------------------------------------- samples


def _sample_source() -> Select[Any]:
    return (
        select()
        .select_from(Sample)
        .join(Institution, Institution.id == Sample.owner_institution_id)
    )


_aliquot_count = (
    select(func.count())
    .select_from(Aliquot)
    .where(Aliquot.sample_id == Sample.id)
    .correlate(Sample)
    .scalar_subquery()
)

SAMPLES = Listing(
    name="samples",
    columns=(
        Column("number", "Sample", Sample.number),
        Column("mission", "Mission", Sample.mission),
        Column("sample_type", "Type", Sample.sample_type),
        Column("original_mass_ug", "Original mass", Sample.original_mass_ug, MASS),
        Column("aliquots", "Aliquots", _aliquot_count, INT),
        Column("owner", "Owner", Institution.code),
        Column("id", "#", Sample.id, INT),
    ),
    source=_sample_source,
    search=lambda text: (
        prefix(Sample.number, normalize(text))
        if looks_like_number(text)
        else or_(contains(Sample.mission, text), contains(Sample.sample_type, text))
    ),
    default_sort="number",
    tiebreak=Sample.id,
)


# ---------------------------------------------------------------------- loans

_borrower = aliased(Institution, name="borrower")
_pi = aliased(Person, name="pi")


def outstanding_items() -> ColumnElement[int]:
    """How many of a loan's aliquots are still out (not consumed, lost or emptied)."""
    return (
        select(func.count())
        .select_from(Aliquot)
        .where(
            Aliquot.loan_id == Loan.id,
            Aliquot.status.notin_((AliquotStatus.CONSUMED, AliquotStatus.LOST)),
            Aliquot.current_mass_ug > 0,
        )
        .correlate(Loan)
        .scalar_subquery()
    )


def _loan_items() -> ColumnElement[int]:
    return (
        select(func.count())
        .select_from(LoanItem)
        .where(LoanItem.loan_id == Loan.id)
        .correlate(Loan)
        .scalar_subquery()
    )


def _loan_source() -> Select[Any]:
    return (
        select()
        .select_from(Loan)
        .join(_borrower, _borrower.id == Loan.borrower_institution_id)
        .join(_pi, _pi.id == Loan.principal_investigator_id)
    )


def overdue_clause(today: date) -> ColumnElement[bool]:
    """An active loan past its due date with material still out."""
    return and_(Loan.status == LoanStatus.ACTIVE, Loan.due_on < today, outstanding_items() > 0)


LOANS = Listing(
    name="loans",
    columns=(
        Column("number", "Loan", Loan.number),
        Column("status", "Status", Loan.status, STATUS),
        Column("borrower", "Borrower", _borrower.name),
        Column("pi", "Principal investigator", _pi.full_name),
        Column("starts_on", "Starts", Loan.starts_on, DATE),
        Column("due_on", "Due", Loan.due_on, DATE),
        Column("items", "Items", _loan_items(), INT),
        Column("outstanding", "Outstanding", outstanding_items(), INT),
        Column("purpose", "Purpose", Loan.purpose),
        Column("id", "#", Loan.id, INT),
    ),
    source=_loan_source,
    search=lambda text: or_(
        prefix(Loan.number, text.strip().upper()),
        contains(_borrower.name, text),
        _borrower.code == text.strip().upper(),
        contains(_pi.full_name, text),
        contains(Loan.purpose, text),
    ),
    default_sort="number",
    default_descending=True,
    tiebreak=Loan.id,
    filters={
        "status": lambda value: Loan.status == value,
        "overdue_on": overdue_clause,
        "borrower": lambda code: _borrower.code == code,
    },
)


# ---------------------------------------------------------------------- transfers

_from = aliased(Institution, name="from_institution")
_to = aliased(Institution, name="to_institution")
_receiver = aliased(Person, name="receiver")
_transfer_courier = aliased(Person, name="transfer_courier")


def _transfer_source() -> Select[Any]:
    return (
        select()
        .select_from(Transfer)
        .join(_from, _from.id == Transfer.from_institution_id)
        .join(_to, _to.id == Transfer.to_institution_id)
        .join(_receiver, _receiver.id == Transfer.receiver_id)
        .join(_transfer_courier, _transfer_courier.id == Transfer.courier_id)
        .outerjoin(Loan, Loan.id == Transfer.loan_id)
    )


TRANSFERS = Listing(
    name="transfers",
    columns=(
        Column("number", "Transfer", Transfer.number),
        Column("kind", "Kind", Transfer.kind, STATUS),
        Column("status", "Status", Transfer.status, STATUS),
        Column("from", "From", _from.name),
        Column("to", "To", _to.name),
        Column("receiver", "Receiver", _receiver.full_name),
        Column("courier", "Courier", _transfer_courier.full_name),
        Column("seal_number", "Seal", Transfer.seal_number),
        Column("loan", "Loan", Loan.number),
        Column("released_at", "Released", Transfer.released_at, DATETIME),
        Column("received_at", "Received", Transfer.received_at, DATETIME),
        Column("id", "#", Transfer.id, INT),
    ),
    source=_transfer_source,
    search=lambda text: or_(
        prefix(Transfer.number, text.strip().upper()),
        Loan.number == text.strip().upper(),
        Transfer.seal_number == text.strip(),
        contains(_from.name, text),
        contains(_to.name, text),
        contains(_transfer_courier.full_name, text),
        contains(_receiver.full_name, text),
    ),
    default_sort="number",
    default_descending=True,
    tiebreak=Transfer.id,
    filters={
        "status": lambda value: Transfer.status == value,
        "courier_id": lambda person_id: Transfer.courier_id == person_id,
        "loan": lambda number: Loan.number == number,
    },
)


# ---------------------------------------------------------------------- custody events

_event_aliquot = aliased(Aliquot, name="event_aliquot")
_actor = aliased(Person, name="actor")
_event_institution = aliased(Institution, name="event_institution")
_event_courier = aliased(Person, name="event_courier")
_event_transfer = aliased(Transfer, name="event_transfer")


def _event_source() -> Select[Any]:
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


# ---------------------------------------------------------------------- people, institutions

_person_institution = aliased(Institution, name="person_institution")

PEOPLE = Listing(
    name="people",
    columns=(
        Column("username", "User", Person.username),
        Column("full_name", "Name", Person.full_name),
        Column("institution", "Institution", _person_institution.name),
        Column("roles", "Roles", Person.roles),
        Column("email", "E-mail", Person.email),
        Column("active", "Active", Person.active, BOOL),
        Column("locked_until", "Locked until", Person.locked_until, DATETIME),
        Column("id", "#", Person.id, INT),
    ),
    source=lambda: (
        select()
        .select_from(Person)
        .join(_person_institution, _person_institution.id == Person.institution_id)
    ),
    search=lambda text: or_(
        contains(Person.username, text),
        contains(Person.full_name, text),
        contains(_person_institution.name, text),
        _person_institution.code == text.strip().upper(),
    ),
    default_sort="username",
    tiebreak=Person.id,
    filters={
        "institution": lambda code: _person_institution.code == code,
        "active": lambda yes: Person.active.is_(bool(yes)),
    },
)

INSTITUTIONS = Listing(
    name="institutions",
    columns=(
        Column("code", "Code", Institution.code),
        Column("name", "Name", Institution.name),
        Column("local_name", "Local name", Institution.local_name),
        Column("kind", "Kind", Institution.kind, STATUS),
        Column("country", "Country", Institution.country),
        Column("active", "Active", Institution.active, BOOL),
        Column("id", "#", Institution.id, INT),
    ),
    source=lambda: select().select_from(Institution),
    search=lambda text: or_(
        contains(Institution.code, text),
        contains(Institution.name, text),
        contains(func.coalesce(Institution.local_name, ""), text),
        contains(Institution.country, text),
    ),
    default_sort="code",
    tiebreak=Institution.id,
    filters={"kind": lambda value: Institution.kind == value},
)


# ---------------------------------------------------------------------- discrepancies

_disc_transfer = aliased(Transfer, name="disc_transfer")
_disc_aliquot = aliased(Aliquot, name="disc_aliquot")

DISCREPANCIES = Listing(
    name="discrepancies",
    columns=(
        Column("id", "#", Discrepancy.id, INT),
        Column("transfer", "Transfer", _disc_transfer.number),
        Column("aliquot", "Aliquot", _disc_aliquot.number),
        Column("kind", "Kind", Discrepancy.kind, STATUS),
        Column("expected_mass_ug", "Expected", Discrepancy.expected_mass_ug, MASS),
        Column("measured_mass_ug", "Measured", Discrepancy.measured_mass_ug, MASS),
        Column("raised_at", "Raised", Discrepancy.raised_at, DATETIME),
        Column(
            "resolution",
            "Resolution",
            case((Discrepancy.resolution.is_(None), "open"), else_=Discrepancy.resolution),
            STATUS,
        ),
        Column("note", "Note", Discrepancy.note),
    ),
    source=lambda: (
        select()
        .select_from(Discrepancy)
        .join(_disc_transfer, _disc_transfer.id == Discrepancy.transfer_id)
        .outerjoin(_disc_aliquot, _disc_aliquot.id == Discrepancy.aliquot_id)
    ),
    search=lambda text: or_(
        prefix(_disc_transfer.number, text.strip().upper()),
        prefix(_disc_aliquot.number, normalize(text)),
    ),
    default_sort="id",
    default_descending=True,
    tiebreak=Discrepancy.id,
    filters={
        "open": lambda yes: (
            Discrepancy.resolved_at.is_(None) if yes else Discrepancy.resolved_at.isnot(None)
        )
    },
)


# ---------------------------------------------------------------------- audit trail

_audit_actor = aliased(Person, name="audit_actor")

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
    search=lambda text: or_(
        AuditEntry.table_name == text.strip(),
        contains(_audit_actor.full_name, text),
        contains(func.coalesce(AuditEntry.new_value, ""), text),
    ),
    default_sort="id",
    default_descending=True,
    tiebreak=AuditEntry.id,
)

# ---------------------------------------------------------------------- lineage tree

# The Samples view's tree: samples at the top, then root aliquots, then their children,
# each level paged on its own so that a collection of 200,000 aliquots opens at once.

_lineage_owner = aliased(Institution, name="lineage_owner")


def _lineage_sample_search(text: str) -> ColumnElement[bool] | None:
    """A sample number prefix (or a whole aliquot number: its sample), else the mission,
    the type, the institution holding one of its aliquots or the PI of a loan of one."""
    value = normalize(text)
    if looks_like_number(value):
        heads = [value[:n] for n in range(5, len(value))]  # a scanned aliquot's sample
        return or_(prefix(Sample.number, value), Sample.number.in_(heads))
    held_by = select(Institution.id).where(
        or_(contains(Institution.name, text), Institution.code == value)
    )
    pis = select(Person.id).where(contains(Person.full_name, text))
    with_pi = select(Loan.id).where(Loan.principal_investigator_id.in_(pis))
    return or_(
        contains(Sample.mission, text),
        contains(Sample.sample_type, text),
        Sample.id.in_(
            select(Aliquot.sample_id).where(Aliquot.custodian_institution_id.in_(held_by))
        ),
        Sample.id.in_(select(Aliquot.sample_id).where(Aliquot.loan_id.in_(with_pi))),
    )


def _of_sample(aggregate: Any) -> ColumnElement[Any]:
    return (
        select(aggregate)
        .select_from(Aliquot)
        .where(Aliquot.sample_id == Sample.id)
        .correlate(Sample)
        .scalar_subquery()
    )


LINEAGE_SAMPLES = Listing(
    name="lineage_samples",
    columns=(
        Column("number", "Sample", Sample.number),
        Column("id", "#", Sample.id, INT),
        Column("mission", "Mission", Sample.mission),
        Column("sample_type", "Type", Sample.sample_type),
        Column("original_mass_ug", "Original mass", Sample.original_mass_ug, MASS),
        Column(
            "remaining_ug",
            "Held in aliquots",
            # PostgreSQL sums a bigint as numeric (a Decimal): cast back to whole µg
            _of_sample(cast(func.coalesce(func.sum(Aliquot.current_mass_ug), 0), BigInteger)),
            MASS,
        ),
        Column("aliquots", "Aliquots", _of_sample(func.count()), INT),
        Column("owner", "Owner", _lineage_owner.name),
        Column("owner_id", "Owner #", Sample.owner_institution_id, INT),
        Column("container", "Collection container", Sample.collection_container),
    ),
    source=lambda: (
        select()
        .select_from(Sample)
        .join(_lineage_owner, _lineage_owner.id == Sample.owner_institution_id)
    ),
    search=_lineage_sample_search,
    default_sort="number",
    tiebreak=Sample.id,
    filters={"number_below": lambda number: Sample.number < number},
)

LINEAGE_ALIQUOTS = Listing(
    name="lineage_aliquots",
    columns=(
        Column("id", "#", Aliquot.id, INT),
        Column("number", "Aliquot", Aliquot.number),
        Column("status", "Status", Aliquot.status, STATUS),
        Column("current_mass_ug", "Mass", Aliquot.current_mass_ug, MASS),
        Column("initial_mass_ug", "Initial", Aliquot.initial_mass_ug, MASS),
        Column("children_mass_ug", "In children", Aliquot.children_mass_ug, MASS),
        Column("custodian", "Custodian", _custodian.name),
        Column("custodian_id", "Custodian #", Aliquot.custodian_institution_id, INT),
        Column("holder", "Held by", func.coalesce(_courier.full_name, _holder.full_name)),
        Column("courier_id", "Courier #", Aliquot.courier_id, INT),
        Column("owner_id", "Owner #", Sample.owner_institution_id, INT),
        Column("loan", "Loan", Loan.number),
        Column("form", "Form", Aliquot.form),
        Column("container", "Container", Aliquot.container),
        Column("seal_number", "Seal", Aliquot.seal_number),
    ),
    source=_aliquot_source,
    search=_aliquot_search,
    # creation order: a split's children come as -G1, -G2 ... -G10, not -G1, -G10, -G2
    default_sort="id",
    tiebreak=Aliquot.id,
    filters={
        "roots_of_sample": lambda sample_id: and_(
            Aliquot.sample_id == sample_id, Aliquot.parent_id.is_(None)
        ),
        "parent_id": lambda parent_id: Aliquot.parent_id == parent_id,
        "id_below": lambda aliquot_id: Aliquot.id < aliquot_id,
    },
)


@dataclass(frozen=True, slots=True)
class LineagePath:
    """Where a scanned number sits in the tree: its sample and the aliquots down to it."""

    sample_id: int
    sample_number: str
    aliquots: tuple[tuple[int, str], ...]  # (id, number) from the root aliquot down


def lineage_path(session: Session, number: str) -> LineagePath | None:
    """The path to aliquot or sample ``number`` (None when there is neither)."""
    value = normalize(number)
    found = session.execute(
        select(Aliquot.id, Aliquot.number, Aliquot.parent_id, Aliquot.sample_id).where(
            Aliquot.number == value
        )
    ).first()
    if found is None:
        sample = session.execute(
            select(Sample.id, Sample.number).where(Sample.number == value)
        ).first()
        return None if sample is None else LineagePath(sample.id, sample.number, ())
    chain = [(found.id, found.number)]
    parent_id = found.parent_id
    while parent_id is not None:  # lineages are a few generations deep
        parent = session.execute(
            select(Aliquot.id, Aliquot.number, Aliquot.parent_id).where(Aliquot.id == parent_id)
        ).one()
        chain.append((parent.id, parent.number))
        parent_id = parent.parent_id
    sample = session.execute(
        select(Sample.id, Sample.number).where(Sample.id == found.sample_id)
    ).one()
    return LineagePath(sample.id, sample.number, tuple(reversed(chain)))


def fetch_lineage_path(store: Store, number: str) -> LineagePath | None:
    """``lineage_path`` in its own read transaction."""
    with store.read() as session:
        return lineage_path(session, number)


ALL: Sequence[Listing] = (
    ALIQUOTS,
    SAMPLES,
    LOANS,
    TRANSFERS,
    EVENTS,
    PEOPLE,
    INSTITUTIONS,
    DISCREPANCIES,
    AUDIT,
)
