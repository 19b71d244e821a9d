"""The collection: aliquots, samples, and the lineage tree (samples, then aliquots)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Select, and_, cast, func, or_, select
from sqlalchemy.orm import Session, aliased

from ..models import Aliquot, Institution, Loan, LoanItem, Person, Sample
from ..numbering import normalize
from ..states import OPEN_LOAN_STATES, AliquotStatus
from ..store import Store
from .core import BOOL, INT, MASS, STATUS, Column, Listing, contains, looks_like_number, prefix

# ---------------------------------------------------------------------- aliquots

_custodian = aliased(Institution, name="custodian")
_holder = aliased(Person, name="holder")
_courier = aliased(Person, name="courier")
_parent = aliased(Aliquot, name="parent")


def _aliquot_source() -> Select[*tuple[Any, ...]]:
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


def _sample_source() -> Select[*tuple[Any, ...]]:
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
        # what rules.why_not_consume reads of the loan
        Column("loan_status", "Loan status", Loan.status),
        Column("destructive", "Destructive analysis", Loan.destructive_analysis_allowed, BOOL),
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
