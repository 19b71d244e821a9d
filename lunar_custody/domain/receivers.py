"""Authorised receivers: the people of the borrowing institution who may receive and open a
loan's packages (the PI, and for example a co-official or the lab manager), as STFC's loans
name an authorised official and a co-official.

A new loan gets its PI; the borrower's curators, lab managers and administrators, or the
lender's curators, add and remove others (rules.py says who and whom). A removal is recorded
on the row, never deleted, and the audit trail records every change, so who could receive
on which day stays readable. The PI stays on the list, so it is never empty; a loan that
came from a partner's offer without a list still has its PI.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import operation as op
from . import rules
from .errors import ConflictError, PermissionDenied, ValidationError
from .identity import actor_of
from .models import Loan, LoanReceiver, Person, Transfer
from .operation import Context, operation
from .permissions import Actor
from .registry import clean_text
from .states import LoanStatus, TransferKind
from .store import Store
from .wording import Words

_domain_receivers = Words("_domain_receivers")

PI_FUNCTION = "principal investigator"
MAX_FUNCTION = 200


def active_rows(session: Session, loan: Loan) -> list[LoanReceiver]:
    """The loan's receiver rows not removed, oldest first."""
    return list(
        session.scalars(
            select(LoanReceiver)
            .where(LoanReceiver.loan_id == loan.id, LoanReceiver.removed_at.is_(None))
            .order_by(LoanReceiver.id)
        )
    )


def current_receivers(session: Session, loan: Loan) -> list[tuple[Person, str]]:
    """(person, function) of each authorised receiver of ``loan``: the PI first, always."""
    pi = loan.principal_investigator
    found: list[tuple[Person, str]] = [(pi, PI_FUNCTION)]
    for row in active_rows(session, loan):
        if row.person_id == pi.id:
            found[0] = (pi, row.function or PI_FUNCTION)
        else:
            found.append((row.person, row.function))
    return found


def authorised_for_transfer(session: Session, transfer: Transfer) -> tuple[tuple[str, str], ...]:
    """(username, full name) of whoever may receive ``transfer`` as an authorised receiver
    of its loan: a package going to the borrower under a loan. Its addressee (the named
    receiver the sender chose) stays one of them, so a package addressed to the lab manager
    of a lender that has not yet learnt the borrower's list is still received. Empty for
    returns and internal packages, which their named receiver alone receives."""
    loan = transfer.loan
    if (
        loan is None
        or transfer.kind != TransferKind.OUTBOUND
        or transfer.to_institution_id != loan.borrower_institution_id
    ):
        return ()
    people = [p for p, _function in current_receivers(session, loan)]
    if transfer.receiver not in people:
        people.append(transfer.receiver)
    return tuple((p.username, p.full_name) for p in people)


def may_have_received(session: Session, transfer: Transfer, person: Person, at: datetime) -> bool:
    """Whether ``person`` was one of those who may receive ``transfer`` at ``at``: its named
    receiver, or under a loan an authorised receiver on that day (authorised_for_transfer
    says who may now). An importer asks it of a receipt made at another installation."""
    if person.id == transfer.receiver_id:
        return True
    loan = transfer.loan
    if (
        loan is None
        or transfer.kind != TransferKind.OUTBOUND
        or transfer.to_institution_id != loan.borrower_institution_id
    ):
        return False
    if person.id == loan.principal_investigator_id:
        return True
    rows = session.scalars(
        select(LoanReceiver).where(
            LoanReceiver.loan_id == loan.id, LoanReceiver.person_id == person.id
        )
    )
    return any(
        row.added_at <= at and (row.removed_at is None or at < row.removed_at) for row in rows
    )


def loan_facts(loan: Loan) -> rules.ReceiversLoanFacts:
    return rules.ReceiversLoanFacts(
        number=loan.number,
        status=loan.status,
        lender_code=loan.lender.code,
        borrower_code=loan.borrower.code,
        borrower=loan.borrower.name,
        pi_username=loan.principal_investigator.username,
    )


def candidate(person: Person) -> rules.ReceiverCandidate:
    return rules.ReceiverCandidate(
        username=person.username,
        full_name=person.full_name,
        institution_code=person.institution.code,
        active=person.active,
        roles=person.role_set,
    )


def on_loan_created(session: Session, loan: Loan, by: Person, now: datetime) -> None:
    """The hook of loans.create_loan: the PI is the new loan's first authorised receiver."""
    session.add(
        LoanReceiver(
            loan_id=loan.id,
            person_id=loan.principal_investigator_id,
            function=PI_FUNCTION,
            added_at=now,
            added_by_id=by.id,
        )
    )


def _usernames(session: Session, loan: Loan) -> list[str]:
    return [p.username for p, _function in current_receivers(session, loan)]


def _may_change(ctx: Context, loan: Loan) -> rules.ReceiversLoanFacts:
    facts = loan_facts(loan)
    why = rules.why_not_change_receivers(actor_of(ctx.person), facts)
    if why is not None:
        closed = loan.status in (LoanStatus.CLOSED, LoanStatus.CANCELLED)
        raise (ConflictError if closed else PermissionDenied)(why)
    return facts


def add_receiver(
    store: Store, actor: Actor, loan_number: str, username: str, function: str
) -> LoanReceiver:
    """Authorise ``username`` (an active person of the borrower who may receive) to receive
    the packages of the loan, as ``function`` ("co-official", "lab manager")."""
    with operation(store, actor, None) as ctx:
        session = ctx.session
        loan = op.loan(session, loan_number, lock=True)
        facts = _may_change(ctx, loan)
        what = clean_text(
            function, _domain_receivers.said("function"), required=True, limit=MAX_FUNCTION
        )
        person = op.person(session, username)
        why = rules.why_not_authorise(candidate(person), facts, _usernames(session, loan))
        if why is not None:
            raise ValidationError(why)
        row = LoanReceiver(
            loan_id=loan.id,
            person_id=person.id,
            function=what,
            added_at=ctx.now,
            added_by_id=ctx.person.id,
        )
        session.add(row)
        session.flush()
        return row


def remove_receiver(store: Store, actor: Actor, loan_number: str, username: str) -> LoanReceiver:
    """Take ``username`` off the loan's authorised receivers (never the PI); the row stays,
    marked removed, by whom and when."""
    with operation(store, actor, None) as ctx:
        session = ctx.session
        loan = op.loan(session, loan_number, lock=True)
        facts = _may_change(ctx, loan)
        person = op.person(session, username)
        current = _usernames(session, loan)
        why = rules.why_not_remove_receiver(person.username, person.full_name, facts, current)
        if why is not None:
            raise ValidationError(why)
        row = next(r for r in active_rows(session, loan) if r.person_id == person.id)
        row.removed_at, row.removed_by_id = ctx.now, ctx.person.id
        session.flush()
        return row
