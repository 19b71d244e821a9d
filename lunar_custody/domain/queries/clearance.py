"""A loan's clearance checklist as the Clearance tab, the ``clearance`` command and the
agreement's annex read it; and the clearance items about to expire, for the reminders."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from .. import operation as op
from .. import rules
from ..clearance import PENDING, checklist_for, loan_facts, loan_items, named_title
from ..models import ClearanceItem, Institution, Loan, Person
from ..reminders import DueItem, ReminderKind
from ..states import OPEN_LOAN_STATES, LoanStatus
from ..store import Store
from ..wording import Words

_domain_queries_clearance = Words("_domain_queries_clearance")


@dataclass(frozen=True, slots=True)
class ClearanceLine:
    """One item of a loan's checklist."""

    key: str
    title: str  # English, as the template said it (clearance.item_text translates it)
    template_version: int
    status: str  # pending | attested | waived
    can_expire: bool
    attested_by: str | None  # full name
    attested_at: datetime | None
    note: str
    file_name: str | None
    file_sha256: str | None
    file_size: int | None
    expires_on: date | None
    waived_by: str | None
    waived_at: datetime | None
    waiver_reason: str | None

    @property
    def done(self) -> bool:
        return self.status != PENDING

    def as_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "title": self.title,
            "template_version": self.template_version,
            "status": self.status,
            "attested_by": self.attested_by,
            "attested_at": self.attested_at.isoformat() if self.attested_at else None,
            "note": self.note,
            "file_name": self.file_name,
            "file_sha256": self.file_sha256,
            "file_size": self.file_size,
            "expires_on": self.expires_on.isoformat() if self.expires_on else None,
            "waived_by": self.waived_by,
            "waived_at": self.waived_at.isoformat() if self.waived_at else None,
            "waiver_reason": self.waiver_reason,
        }


@dataclass(frozen=True, slots=True)
class ClearanceList:
    """A loan's checklist, with what the rules read of the loan."""

    loan: rules.ClearanceFacts
    lines: tuple[ClearanceLine, ...]
    recorded: bool  # False: a draft from before migration 0005, shown from the template

    @property
    def open_titles(self) -> tuple[str, ...]:
        return tuple(line.title for line in self.lines if not line.done)

    def as_json(self) -> dict[str, object]:
        return {
            "loan": self.loan.number,
            "status": self.loan.status,
            "complete": not self.open_titles,
            "items": [line.as_json() for line in self.lines],
        }


def _line(row: ClearanceItem) -> ClearanceLine:
    return ClearanceLine(
        key=row.key,
        title=row.title,
        template_version=row.template_version,
        status=row.status,
        can_expire=row.can_expire,
        attested_by=row.attested_by.full_name if row.attested_by else None,
        attested_at=row.attested_at,
        note=row.note,
        file_name=row.file_name,
        file_sha256=row.file_sha256,
        file_size=len(row.file_content) if row.file_content is not None else None,
        expires_on=row.expires_on,
        waived_by=row.waived_by.full_name if row.waived_by else None,
        waived_at=row.waived_at,
        waiver_reason=row.waiver_reason,
    )


def checklist_lines(session: Session, loan: Loan) -> tuple[tuple[ClearanceLine, ...], bool]:
    """``loan``'s lines and whether they are recorded (see ``ClearanceList.recorded``)."""
    rows = loan_items(session, loan.id)
    if rows or loan.status != LoanStatus.DRAFT:
        return tuple(_line(row) for row in rows), True
    template = checklist_for(loan.lender.country, loan.borrower.country)
    pending = (
        ClearanceLine(
            key=item.key,
            title=item.title,
            template_version=template.version,
            status=PENDING,
            can_expire=item.can_expire,
            attested_by=None,
            attested_at=None,
            note="",
            file_name=None,
            file_sha256=None,
            file_size=None,
            expires_on=None,
            waived_by=None,
            waived_at=None,
            waiver_reason=None,
        )
        for item in template.items
    )
    return tuple(pending), False


def clearance_list(store: Store, number: str) -> ClearanceList:
    """Loan ``number``'s clearance checklist."""
    with store.read() as session:
        loan = op.loan(session, number)
        lines, recorded = checklist_lines(session, loan)
        return ClearanceList(loan=loan_facts(loan), lines=lines, recorded=recorded)


def clearance_file(store: Store, number: str, key: str) -> tuple[str, bytes] | None:
    """The file attached to item ``key`` of loan ``number``: (name, bytes), or None."""
    with store.read() as session:
        loan = op.loan(session, number)
        row = session.scalars(
            select(ClearanceItem).where(
                ClearanceItem.loan_id == loan.id, ClearanceItem.key == key.strip()
            )
        ).first()
        if row is None or row.file_name is None or row.file_content is None:
            return None
        return row.file_name, row.file_content


def clearance_expiring(session: Session, today: date, last_day: date) -> Iterable[DueItem]:
    """Attested clearance items of open loans whose expiry date falls by ``last_day`` (or
    has passed): renewing a permit or a policy is the PI's to arrange."""
    borrower = aliased(Institution)
    pi = aliased(Person)
    rows = session.execute(
        select(
            Loan.number,
            ClearanceItem.title,
            ClearanceItem.template_version,
            ClearanceItem.key,
            ClearanceItem.expires_on,
            borrower.name,
            pi.full_name,
            pi.email,
        )
        .join(Loan, Loan.id == ClearanceItem.loan_id)
        .join(borrower, borrower.id == Loan.borrower_institution_id)
        .join(pi, pi.id == Loan.principal_investigator_id)
        .where(
            ClearanceItem.status == "attested",
            ClearanceItem.expires_on.is_not(None),
            ClearanceItem.expires_on <= last_day,
            Loan.status.in_(OPEN_LOAN_STATES),
        )
        .order_by(ClearanceItem.expires_on, Loan.id, ClearanceItem.position)
    )
    for number, english, version, key, expires_on, who, name, email in rows:
        if expires_on is None:  # the query's own condition, said to the type checker
            continue
        yield DueItem(
            kind=ReminderKind.CLEARANCE_EXPIRING,
            loan_number=number,
            subject=_domain_queries_clearance.said(
                "Renew '{title}' of loan {number} before it expires.",
                title=named_title(version, key, english),
                number=number,
            ),
            due_on=expires_on,
            institution=who,
            contact_name=name,
            contact_email=email,
        )
