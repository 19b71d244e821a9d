"""Institutions and the people who work there."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from ..models import Institution, Person
from .core import BOOL, DATETIME, INT, STATUS, Column, Listing, contains

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
