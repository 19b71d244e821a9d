"""Institutions and people: details for administration and choices for combo boxes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import literal, or_, select

from .. import clock
from .. import operation as op
from ..models import Institution, Person
from ..store import Store


def has_users(store: Store) -> bool:
    """False for a new database: the first run creates the lender and its administrator."""
    with store.read() as session:
        return session.scalar(select(Person.id).limit(1)) is not None


# Combo boxes list at most this many choices (a search box is the tool beyond that).
CHOICE_LIMIT = 500


@dataclass(frozen=True, slots=True)
class PersonChoice:
    username: str
    full_name: str
    institution_code: str
    institution: str


def people_choices(
    store: Store,
    *,
    roles: tuple[str, ...],
    institution_code: str | None = None,
    exclude_institution_code: str | None = None,
    limit: int = CHOICE_LIMIT,
) -> list[PersonChoice]:
    """Active people having one of ``roles``, by institution and name."""
    padded = literal(",") + Person.roles + literal(",")
    statement = (
        select(Person.username, Person.full_name, Institution.code, Institution.name)
        .join(Institution, Institution.id == Person.institution_id)
        .where(Person.active.is_(True), or_(*(padded.like(f"%,{role},%") for role in roles)))
        .order_by(Institution.code, Person.full_name, Person.username)
        .limit(limit)
    )
    if institution_code is not None:
        statement = statement.where(Institution.code == institution_code)
    if exclude_institution_code is not None:
        statement = statement.where(Institution.code != exclude_institution_code)
    with store.read() as session:
        return [PersonChoice(*row) for row in session.execute(statement)]


@dataclass(frozen=True, slots=True)
class InstitutionDetail:
    code: str
    name: str
    local_name: str | None
    kind: str
    country: str
    address: str
    active: bool


def institution_detail(store: Store, code: str) -> InstitutionDetail:
    with store.read() as session:
        row = op.institution(session, code)
        return InstitutionDetail(
            row.code, row.name, row.local_name, row.kind, row.country, row.address, row.active
        )


def institution_choices(store: Store, *, limit: int = CHOICE_LIMIT) -> list[tuple[str, str]]:
    """(code, name) of the active institutions, by code."""
    with store.read() as session:
        return [
            (code, name)
            for code, name in session.execute(
                select(Institution.code, Institution.name)
                .where(Institution.active.is_(True))
                .order_by(Institution.code)
                .limit(limit)
            )
        ]


@dataclass(frozen=True, slots=True)
class PersonDetail:
    username: str
    full_name: str
    local_name: str | None
    email: str
    institution_code: str
    institution: str
    roles: frozenset[str]
    active: bool
    has_pin: bool
    locked_until: datetime | None

    def locked(self, now: datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or clock.now())


def person_detail(store: Store, username: str) -> PersonDetail:
    with store.read() as session:
        row = op.person(session, username)
        return PersonDetail(
            username=row.username,
            full_name=row.full_name,
            local_name=row.local_name,
            email=row.email,
            institution_code=row.institution.code,
            institution=row.institution.name,
            roles=row.role_set,
            active=row.active,
            has_pin=row.pin_hash is not None,
            locked_until=row.locked_until,
        )
