"""Deliverables: what a loan owes the lender besides custody.

A publication, a data report, the return accounting (NASA form F-75) signed by the principal
investigator, or anything else a curator writes down. Each is open until it is delivered
(who recorded it, when, a reference such as a DOI or a file name, and the SHA-256 of an
attached file) or waived by a curator with a reason. New loans owe the standard list of the
newest ``resources/templates/deliverables-vN.json``, due a number of days after the loan's due
date (they follow the due date when it moves while they are open).

Closing a loan requires every deliverable delivered or waived (rules.why_not_close_accounted);
an active loan whose material is all accounted for but which still owes something is shown as
"awaiting deliverables" (rules.loan_display_state). A principal investigator with an overdue
deliverable is flagged like one with an overdue inventory (``why_not_deliverables_overdue``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from ..resources_path import resources_dir
from . import operation as op
from .errors import NotFoundError, PermissionDenied, RuleViolation, ValidationError
from .models import Deliverable, Institution, Loan, Person
from .operation import Context, operation
from .permissions import Actor, why_not
from .registry import MAX_TEXT, clean_reason, clean_text
from .reminders import DueItem, ReminderKind
from .states import OPEN_LOAN_STATES, LoanStatus
from .store import Store
from .wording import Said, Words

_domain_deliverables = Words("_domain_deliverables")


class DeliverableKind(StrEnum):
    PUBLICATION = "publication"
    DATA_REPORT = "data_report"
    RETURN_OF_MATERIAL = "return_of_material"
    RETURN_ACCOUNTING = "return_accounting"
    OTHER = "other"


KINDS = tuple(kind.value for kind in DeliverableKind)


def kind_label(kind: str) -> str:
    labels: dict[str, str] = {
        DeliverableKind.PUBLICATION: _domain_deliverables.said("publication"),
        DeliverableKind.DATA_REPORT: _domain_deliverables.said("data report"),
        DeliverableKind.RETURN_OF_MATERIAL: _domain_deliverables.said("return of material"),
        DeliverableKind.RETURN_ACCOUNTING: _domain_deliverables.said("return accounting"),
        DeliverableKind.OTHER: _domain_deliverables.said("other"),
    }
    return labels.get(kind) or kind


class DeliverableStatus(StrEnum):
    OPEN = "open"
    OVERDUE = "overdue"
    DELIVERED = "delivered"
    WAIVED = "waived"


def status_label(status: str) -> str:
    labels: dict[str, str] = {
        DeliverableStatus.OPEN: _domain_deliverables.said("open"),
        DeliverableStatus.OVERDUE: _domain_deliverables.said("overdue"),
        DeliverableStatus.DELIVERED: _domain_deliverables.said("delivered"),
        DeliverableStatus.WAIVED: _domain_deliverables.said("waived"),
    }
    return labels.get(status) or status


# ------------------------------------------------------------------ the standard list

_TEMPLATE_FILE = re.compile(r"deliverables-v(\d+)\.json")


@dataclass(frozen=True, slots=True)
class StandardDeliverable:
    kind: str
    title: str
    days_after_due: int


@dataclass(frozen=True, slots=True)
class DeliverablesTemplate:
    id: str
    version: int
    items: tuple[StandardDeliverable, ...]


@cache
def standard_template() -> DeliverablesTemplate:
    """The newest ``resources/templates/deliverables-vN.json``."""
    folder = resources_dir() / "templates"
    found = sorted(
        (int(m.group(1)), path)
        for path in folder.iterdir()
        if (m := _TEMPLATE_FILE.fullmatch(path.name))
    )
    if not found:
        return DeliverablesTemplate("", 0, ())
    data: dict[str, Any] = json.loads(found[-1][1].read_text(encoding="utf-8"))
    items = tuple(
        StandardDeliverable(str(i["kind"]), str(i["title"]), int(i["days_after_due"]))
        for i in data["items"]
    )
    for item in items:
        if item.kind not in KINDS:
            raise ValueError(f"{found[-1][1].name}: unknown deliverable kind {item.kind!r}")
    return DeliverablesTemplate(str(data["id"]), int(data["version"]), items)


def owe_standard_deliverables(ctx: Context, loan: Loan) -> None:
    """Give a newly drafted loan the standard list (inside the drafting operation)."""
    template = standard_template()
    for item in template.items:
        ctx.session.add(
            Deliverable(
                loan_id=loan.id,
                kind=item.kind,
                title=item.title,
                due_on=loan.due_on + timedelta(days=item.days_after_due),
                template=template.id,
                created_at=ctx.now,
                created_by_id=ctx.person.id,
            )
        )


def follow_due_date(
    session: Session, loan: Loan, due_on_before: date, due_on_after: date | None = None
) -> None:
    """Move the open standard deliverables with the loan's due date (an edit of the draft,
    an extension): they are owed a time after it, not on a fixed day."""
    shift = (due_on_after or loan.due_on) - due_on_before
    if not shift:
        return
    for row in session.scalars(
        select(Deliverable).where(
            Deliverable.loan_id == loan.id,
            Deliverable.template != "",
            Deliverable.delivered_at.is_(None),
            Deliverable.waived_at.is_(None),
        )
    ):
        row.due_on = row.due_on + shift


# ---------------------------------------------------------------------- read model


@dataclass(frozen=True, slots=True)
class DeliverableRow:
    id: int
    loan_number: str
    kind: str
    title: str
    description: str
    due_on: date
    status: str  # DeliverableStatus
    delivered_at: datetime | None
    delivered_by: str | None
    reference: str
    file_sha256: str | None
    waived_at: datetime | None
    waived_by: str | None
    waiver_reason: str

    @property
    def is_open(self) -> bool:
        return self.status in (DeliverableStatus.OPEN, DeliverableStatus.OVERDUE)

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "loan": self.loan_number,
            "kind": self.kind,
            "title": self.title,
            "description": self.description,
            "due_on": self.due_on.isoformat(),
            "status": self.status,
            "delivered_at": self.delivered_at.isoformat() if self.delivered_at else None,
            "delivered_by": self.delivered_by,
            "reference": self.reference,
            "file_sha256": self.file_sha256,
            "waived_at": self.waived_at.isoformat() if self.waived_at else None,
            "waived_by": self.waived_by,
            "waiver_reason": self.waiver_reason,
        }


def _status(row: Deliverable, today: date) -> DeliverableStatus:
    if row.delivered_at is not None:
        return DeliverableStatus.DELIVERED
    if row.waived_at is not None:
        return DeliverableStatus.WAIVED
    return DeliverableStatus.OVERDUE if row.due_on < today else DeliverableStatus.OPEN


def _rows(session: Session, statement: Any, today: date) -> list[DeliverableRow]:
    delivered_by, waived_by = aliased(Person), aliased(Person)
    statement = (
        statement.add_columns(Loan.number, delivered_by.full_name, waived_by.full_name)
        .join(Loan, Loan.id == Deliverable.loan_id)
        .outerjoin(delivered_by, delivered_by.id == Deliverable.delivered_by_id)
        .outerjoin(waived_by, waived_by.id == Deliverable.waived_by_id)
        .order_by(Deliverable.due_on, Deliverable.id)
    )
    return [
        DeliverableRow(
            id=row.id,
            loan_number=number,
            kind=row.kind,
            title=row.title,
            description=row.description,
            due_on=row.due_on,
            status=_status(row, today),
            delivered_at=row.delivered_at,
            delivered_by=deliverer,
            reference=row.reference,
            file_sha256=row.file_sha256,
            waived_at=row.waived_at,
            waived_by=waiver,
            waiver_reason=row.waiver_reason,
        )
        for row, number, deliverer, waiver in session.execute(statement)
    ]


def deliverables_of(session: Session, loan_id: int, today: date) -> list[DeliverableRow]:
    """A loan's deliverables, by due date."""
    return _rows(session, select(Deliverable).where(Deliverable.loan_id == loan_id), today)


def _open() -> Any:
    return Deliverable.delivered_at.is_(None) & Deliverable.waived_at.is_(None)


def overdue_deliverables(session: Session, person_id: int, today: date) -> list[DeliverableRow]:
    """The open deliverables past their due date of the loans ``person_id`` is the principal
    investigator of (cancelled loans owe nothing)."""
    return _rows(
        session,
        select(Deliverable).where(
            _open(),
            Deliverable.due_on < today,
            Deliverable.loan_id.in_(
                select(Loan.id).where(
                    Loan.principal_investigator_id == person_id,
                    Loan.status != LoanStatus.CANCELLED,
                )
            ),
        ),
        today,
    )


def why_not_deliverables_overdue(session: Session, person_id: int, today: date) -> Said | None:
    """Why ``person_id`` is flagged, like a PI with an overdue inventory: a deliverable of
    one of their loans is overdue (None: nothing is). Blocks new loans and shipments to
    them where standing.py asks it."""
    overdue = overdue_deliverables(session, person_id, today)
    if not overdue:
        return None
    first = overdue[0]
    name = session.scalar(select(Person.full_name).where(Person.id == person_id)) or ""
    if len(overdue) == 1:
        return _domain_deliverables.said(
            "{person} owes an overdue deliverable: {title} (loan {loan}, due {due_on}).",
            person=name,
            title=first.title,
            loan=first.loan_number,
            due_on=first.due_on.isoformat(),
        )
    return _domain_deliverables.said(
        "{person} owes {count} overdue deliverables, the first {title} (loan {loan}, due "
        "{due_on}).",
        person=name,
        count=f"{len(overdue):,}",
        title=first.title,
        loan=first.loan_number,
        due_on=first.due_on.isoformat(),
    )


def deliverables_owed(session: Session, today: date, last_day: date) -> Iterable[DueItem]:
    """Reminders source: open deliverables of open loans due by ``last_day``; the PI
    answers."""
    borrower, pi = aliased(Institution), aliased(Person)
    rows = session.execute(
        select(Loan.number, Deliverable.title, Deliverable.due_on, borrower.name)
        .add_columns(pi.full_name, pi.email)
        .join(Loan, Loan.id == Deliverable.loan_id)
        .join(borrower, borrower.id == Loan.borrower_institution_id)
        .join(pi, pi.id == Loan.principal_investigator_id)
        .where(_open(), Deliverable.due_on <= last_day, Loan.status.in_(OPEN_LOAN_STATES))
        .order_by(Deliverable.due_on, Deliverable.id)
    )
    for number, title, due_on, who, name, email in rows:
        yield DueItem(
            kind=ReminderKind.DELIVERABLE_OWED,
            loan_number=number,
            subject=_domain_deliverables.said(
                "Deliver {title} for loan {number}.", title=title, number=number
            ),
            due_on=due_on,
            institution=who,
            contact_name=name,
            contact_email=email,
        )


# --------------------------------------------------------------------- the rules


def why_not_add_deliverable(actor: Actor, loan_status: str) -> str | None:
    """Why ``actor`` may not add a deliverable to a loan in ``loan_status`` (None: may)."""
    return why_not(actor.roles, "draft_loan") or _loan_finished(loan_status)


def why_not_settle_deliverable(
    actor: Actor, loan_status: str, deliverable_status: str, *, waive: bool = False
) -> str | None:
    """Why ``actor`` may not record a deliverable delivered (or, ``waive``, waive it)."""
    return (
        why_not(actor.roles, "close_loan" if waive else "draft_loan")
        or _loan_finished(loan_status)
        or _settled(deliverable_status)
    )


def _loan_finished(loan_status: str) -> str | None:
    if loan_status in OPEN_LOAN_STATES:
        return None
    return _domain_deliverables.said(
        "The loan is closed or cancelled; its deliverables can no longer change."
    )


def _settled(deliverable_status: str) -> str | None:
    if deliverable_status == DeliverableStatus.DELIVERED:
        return _domain_deliverables.said("This deliverable is delivered already.")
    if deliverable_status == DeliverableStatus.WAIVED:
        return _domain_deliverables.said("This deliverable is waived already.")
    return None


# ---------------------------------------------------------------------- services


def _lender_loan(ctx: Context, number: str) -> Loan:
    loan = op.loan(ctx.session, number, lock=True)
    if loan.lender_institution_id != ctx.person.institution_id:
        raise PermissionDenied(
            _domain_deliverables.said(
                "Loan {number} is managed by {institution}.",
                number=loan.number,
                institution=loan.lender.name,
            )
        )
    return loan


def _deliverable(ctx: Context, loan: Loan, deliverable_id: int) -> Deliverable:
    row = ctx.session.get(Deliverable, deliverable_id)
    if row is None or row.loan_id != loan.id:
        raise NotFoundError(
            _domain_deliverables.said(
                "Loan {number} has no deliverable {id}.", number=loan.number, id=deliverable_id
            )
        )
    return row


def _refuse(why: str | None) -> None:
    if why is not None:
        raise RuleViolation(why)


def add_deliverable(
    store: Store,
    actor: Actor,
    number: str,
    *,
    kind: str,
    title: str,
    due_on: date,
    description: str = "",
) -> int:
    """Write down something more the loan owes; returns the deliverable's id."""
    with operation(store, actor, "draft_loan") as ctx:
        loan = _lender_loan(ctx, number)
        _refuse(_loan_finished(loan.status))
        if kind not in KINDS:
            raise ValidationError(
                _domain_deliverables.said(
                    "A deliverable is one of: {kinds}.", kinds=", ".join(KINDS)
                )
            )
        row = Deliverable(
            loan_id=loan.id,
            kind=kind,
            title=clean_text(title, _domain_deliverables.said("title"), required=True),
            description=clean_text(
                description, _domain_deliverables.said("description"), limit=MAX_TEXT
            ),
            due_on=due_on,
            created_at=ctx.now,
            created_by_id=ctx.person.id,
        )
        ctx.session.add(row)
        ctx.session.flush()
        return row.id


_SHA256 = re.compile(r"[0-9a-f]{64}")


def clean_reference(reference: str) -> str:
    """What a delivery is known by (a DOI, a file name, a report number): required."""
    return clean_text(
        reference, _domain_deliverables.said("reference"), required=True, limit=MAX_TEXT
    )


def deliver(
    store: Store,
    actor: Actor,
    number: str,
    deliverable_id: int,
    *,
    reference: str,
    file_sha256: str | None = None,
) -> None:
    """Record a deliverable delivered: a reference (DOI, file name...) and, for an attached
    file, its SHA-256."""
    with operation(store, actor, "draft_loan") as ctx:
        loan = _lender_loan(ctx, number)
        row = _deliverable(ctx, loan, deliverable_id)
        _refuse(_loan_finished(loan.status) or _settled(_status(row, ctx.now.date())))
        if file_sha256 is not None and not _SHA256.fullmatch(file_sha256):
            raise ValidationError(
                _domain_deliverables.said("A file's SHA-256 is 64 hexadecimal digits.")
            )
        row.reference = clean_reference(reference)
        row.file_sha256 = file_sha256
        row.delivered_at, row.delivered_by_id = ctx.now, ctx.person.id


def waive(store: Store, actor: Actor, number: str, deliverable_id: int, *, reason: str) -> None:
    """A curator releases the borrower from a deliverable, with a reason."""
    with operation(store, actor, "close_loan") as ctx:
        loan = _lender_loan(ctx, number)
        row = _deliverable(ctx, loan, deliverable_id)
        _refuse(_loan_finished(loan.status) or _settled(_status(row, ctx.now.date())))
        row.waiver_reason = clean_reason(reason, _domain_deliverables.said("reason for the waiver"))
        row.waived_at, row.waived_by_id = ctx.now, ctx.person.id
