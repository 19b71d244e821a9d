"""The frame of every service function: one transaction, the actor re-checked inside it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import (
    audit,  # noqa: F401  (installs the audit hook for every session)
    clock,
)
from .errors import AuthenticationError, NotFoundError, PermissionDenied
from .identity import counting_failures
from .models import Aliquot, Institution, Loan, Person, Transfer
from .numbering import normalize
from .permissions import Actor, require
from .store import Store
from .wording import Words

_domain_operation = Words("_domain_operation")


@dataclass
class Context:
    """What a service body works with: the session, the re-loaded actor and one clock."""

    session: Session
    person: Person
    now: datetime

    @property
    def institution(self) -> Institution:
        return self.person.institution


@contextmanager
def operation(store: Store, actor: Actor, permission: str | None) -> Iterator[Context]:
    """Run one user action in one write transaction.

    The actor's account is re-read so a deactivated person or a removed role takes effect
    at once. A wrong signing secret rolls the action back and is then counted against the
    signer in a transaction of its own, so lockout works even though the action failed.
    """
    with counting_failures(store), store.write() as session:
        session.info["actor_id"] = actor.person_id
        person = session.get(Person, actor.person_id)
        if person is None or not person.active:
            raise AuthenticationError(
                _domain_operation.said("Your account is no longer active; sign in again.")
            )
        if permission is not None:
            require(person.role_set, permission)
        yield Context(session=session, person=person, now=clock.now())


def aliquot(session: Session, number: str, *, lock: bool = False) -> Aliquot:
    statement = select(Aliquot).where(Aliquot.number == normalize(number))
    if lock:
        statement = statement.with_for_update()
    row = session.scalars(statement).first()
    if row is None:
        raise NotFoundError(
            _domain_operation.said("There is no aliquot '{aliquot}'.", aliquot=number.strip())
        )
    return row


def loan(session: Session, number: str, *, lock: bool = False) -> Loan:
    statement = select(Loan).where(Loan.number == normalize(number))
    if lock:
        statement = statement.with_for_update()
    row = session.scalars(statement).first()
    if row is None:
        raise NotFoundError(
            _domain_operation.said("There is no loan '{loan}'.", loan=number.strip())
        )
    return row


def transfer(session: Session, number: str, *, lock: bool = False) -> Transfer:
    statement = select(Transfer).where(Transfer.number == normalize(number))
    if lock:
        statement = statement.with_for_update()
    row = session.scalars(statement).first()
    if row is None:
        raise NotFoundError(
            _domain_operation.said("There is no transfer '{transfer}'.", transfer=number.strip())
        )
    return row


def person(session: Session, username: str) -> Person:
    row = session.scalars(select(Person).where(Person.username == username.strip())).first()
    if row is None:
        raise NotFoundError(
            _domain_operation.said(
                "There is no person with the user name '{username}'.", username=username.strip()
            )
        )
    return row


def institution(session: Session, code: str) -> Institution:
    row = session.scalars(
        select(Institution).where(Institution.code == code.strip().upper())
    ).first()
    if row is None:
        raise NotFoundError(
            _domain_operation.said(
                "There is no institution with the code '{code}'.", code=code.strip()
            )
        )
    return row


def require_side(ctx: Context, institution_id: int | None, what: str) -> None:
    """Rule 5: only the holder's side may act on what it holds."""
    if institution_id != ctx.person.institution_id:
        raise PermissionDenied(
            _domain_operation.said(
                "{what} is not held by {institution}; only its custodian may do this.",
                what=what,
                institution=ctx.institution.name,
            )
        )
