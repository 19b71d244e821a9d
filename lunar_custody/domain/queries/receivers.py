"""The authorised receivers of a loan (``domain/receivers.py``): who may receive its packages
now, who could before, and whom the borrower could add."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import operation as op
from .. import rules
from ..models import Loan, LoanReceiver, Person
from ..receivers import PI_FUNCTION, candidate, current_receivers, loan_facts
from ..store import Store


@dataclass(frozen=True, slots=True)
class ReceiverRow:
    """One authorised receiver of a loan, now or before (``removed_at`` set)."""

    username: str
    full_name: str
    local_name: str | None
    function: str
    institution: str
    institution_local: str | None
    principal_investigator: bool
    added_at: datetime | None
    added_by: str | None
    removed_at: datetime | None = None
    removed_by: str | None = None


@dataclass(frozen=True, slots=True)
class ReceiverChoice:
    """A person of the borrower the chooser offers, with why they cannot be added."""

    username: str
    full_name: str
    why_not: str | None  # None: they can be added


@dataclass(frozen=True, slots=True)
class LoanReceivers:
    """A loan's authorised receivers (the PI first) and every change to the list."""

    loan_number: str
    facts: rules.ReceiversLoanFacts
    current: list[ReceiverRow]
    history: list[ReceiverRow]  # every row, removed ones too, in the order they were added

    @property
    def usernames(self) -> list[str]:
        return [r.username for r in self.current]

    def why_not_remove(self, username: str) -> str | None:
        """rules.why_not_remove_receiver for one row of the list."""
        row = next((r for r in self.current if r.username == username), None)
        name = row.full_name if row else username
        return rules.why_not_remove_receiver(username, name, self.facts, self.usernames)


def _name(session: Session, person_id: int | None) -> str | None:
    person = session.get(Person, person_id) if person_id is not None else None
    return person.full_name if person else None


def _row(session: Session, person: Person, function: str, row: LoanReceiver | None) -> ReceiverRow:
    loan_pi = row.loan.principal_investigator_id if row else person.id
    return ReceiverRow(
        username=person.username,
        full_name=person.full_name,
        local_name=person.local_name,
        function=function,
        institution=person.institution.name,
        institution_local=person.institution.local_name,
        principal_investigator=person.id == loan_pi,
        added_at=row.added_at if row else None,
        added_by=_name(session, row.added_by_id) if row else None,
        removed_at=row.removed_at if row else None,
        removed_by=_name(session, row.removed_by_id) if row else None,
    )


def receivers_of(session: Session, loan: Loan) -> LoanReceivers:
    rows = list(
        session.scalars(
            select(LoanReceiver).where(LoanReceiver.loan_id == loan.id).order_by(LoanReceiver.id)
        )
    )
    active = {r.person_id: r for r in rows if r.removed_at is None}
    # a loan from a partner's offer without a list still has its PI (no row: no "added")
    current = [
        _row(session, person, function, active.get(person.id))
        for person, function in current_receivers(session, loan)
    ]
    history = [_row(session, r.person, r.function, r) for r in rows]
    return LoanReceivers(loan.number, loan_facts(loan), current, history)


def loan_receivers(store: Store, number: str) -> LoanReceivers:
    """Who may receive the packages of loan ``number`` now, and every change to the list."""
    with store.read() as session:
        return receivers_of(session, op.loan(session, number))


def receiver_choices(store: Store, number: str) -> list[ReceiverChoice]:
    """The active people of the loan's borrower, each with why they cannot be added."""
    with store.read() as session:
        loan = op.loan(session, number)
        facts = loan_facts(loan)
        usernames = [p.username for p, _function in current_receivers(session, loan)]
        people = session.scalars(
            select(Person)
            .where(Person.institution_id == loan.borrower_institution_id, Person.active)
            .order_by(Person.full_name)
        ).all()
        return [
            ReceiverChoice(
                p.username,
                p.full_name,
                rules.why_not_authorise(candidate(p), facts, usernames),
            )
            for p in people
        ]


@dataclass(frozen=True, slots=True)
class StandIn:
    """Who received a package addressed to someone else, as an authorised receiver."""

    full_name: str
    local_name: str | None
    function: str  # "co-official", as the loan's list names them ('' if not on it)


def received_instead(store: Store, transfer_number: str) -> StandIn | None:
    """The person who confirmed the receipt of ``transfer_number`` when that is not its
    addressee (a co-official who received while the PI travelled); None otherwise."""
    with store.read() as session:
        transfer = op.transfer(session, transfer_number)
        if transfer.received_by_id is None or transfer.received_by_id == transfer.receiver_id:
            return None
        person = session.get(Person, transfer.received_by_id)
        if person is None:
            return None
        function = ""
        if transfer.loan is not None:
            if person.id == transfer.loan.principal_investigator_id:
                function = PI_FUNCTION
            for row in session.scalars(
                select(LoanReceiver)
                .where(
                    LoanReceiver.loan_id == transfer.loan.id,
                    LoanReceiver.person_id == person.id,
                )
                .order_by(LoanReceiver.id)
            ):
                function = row.function or function  # the latest appointment's words
        return StandIn(person.full_name, person.local_name, function)
