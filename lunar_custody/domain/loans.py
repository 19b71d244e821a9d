"""Loans: draft -> approved (lender signs) -> active (borrower countersigns) -> closed.

Everything a loan reports (issued, consumed, returned, outstanding) is derived from the
ledger and the items' shipment records, never kept as a counter that could drift.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from . import clearance, receivers, rules, standing
from . import operation as op
from .deliverables import follow_due_date, owe_standard_deliverables
from .errors import CustodyError, PermissionDenied, RuleViolation, ValidationError
from .identity import Credential, actor_of, content_hash, sign
from .installation import number_prefix
from .models import (
    Aliquot,
    CustodyEvent,
    Deliverable,
    Discrepancy,
    Institution,
    LedgerHead,
    Loan,
    LoanItem,
    Person,
    Signature,
    Transfer,
    TransferItem,
)
from .operation import Context, operation
from .permissions import Actor
from .registry import MAX_TEXT, clean_reason, clean_text
from .signed_content import LoanContent, LoanItemContent
from .states import (
    OPEN_LOAN_STATES,
    UNDER_WAY,
    AliquotStatus,
    EventKind,
    InstitutionKind,
    LoanStatus,
)
from .store import Store
from .wording import Words, moment_text

_domain_loans = Words("_domain_loans")

LOAN_STATES = tuple(status.value for status in LoanStatus)

MAX_LOAN_DAYS = 5 * 366


def next_number(
    session: Session, model: type[Loan] | type[Transfer], prefix: str, year: int
) -> str:
    """'L2026-0007': the year's next number ('BROWN-T2026-0002' at a borrower's or courier
    firm's installation: installation.number_prefix).

    SQLite's BEGIN IMMEDIATE already serialises writers; on PostgreSQL the ledger head's row
    lock does, so two workstations never hand out the same number.
    """
    session.execute(select(LedgerHead.id).where(LedgerHead.id == 1).with_for_update())
    stem = f"{number_prefix(session)}{prefix}{year}-"
    last = session.scalar(
        select(model.number)
        .where(model.number.like(f"{stem}%"))
        .order_by(func.length(model.number).desc(), model.number.desc())
        .limit(1)
    )
    n = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{stem}{n:04d}"


def check_period(starts_on: date, due_on: date) -> None:
    """A ValidationError in words when a loan cannot run from ``starts_on`` to ``due_on``."""
    if due_on <= starts_on:
        raise ValidationError(_domain_loans.said("A loan must end after it starts."))
    if (due_on - starts_on).days > MAX_LOAN_DAYS:
        raise ValidationError(
            _domain_loans.said("A loan runs five years at most; extend it later if needed.")
        )


def check_extension(starts_on: date, due_on: date, new_due_on: date) -> None:
    """A ValidationError in words when a loan running from ``starts_on`` to ``due_on`` cannot
    be extended to ``new_due_on``."""
    if new_due_on <= due_on:
        raise ValidationError(
            _domain_loans.said(
                "The new end date must be after the current one ({due_on}).",
                due_on=due_on.isoformat(),
            )
        )
    check_period(starts_on, new_due_on)


def clean_extension_reason(reason: str) -> str:
    """The reason for an extension (the borrower's written request): required."""
    return clean_reason(reason, _domain_loans.said("reason for the extension"))


def create_loan(
    store: Store,
    actor: Actor,
    *,
    borrower_code: str,
    principal_investigator: str,
    purpose: str,
    starts_on: date,
    due_on: date,
    destructive_analysis_allowed: bool = False,
    co_investigators: str = "",
    notes: str = "",
) -> Loan:
    """Draft a loan to a borrower institution and its principal investigator."""
    with operation(store, actor, "draft_loan") as ctx:
        if ctx.institution.kind != InstitutionKind.LENDER:
            raise PermissionDenied(
                _domain_loans.said("Loans are prepared by the lending institution.")
            )
        session = ctx.session
        borrower = op.institution(session, borrower_code)
        if borrower.kind != InstitutionKind.BORROWER or not borrower.active:
            raise ValidationError(
                _domain_loans.said(
                    "{institution} is not an active borrowing institution.",
                    institution=borrower.name,
                )
            )
        pi = op.person(session, principal_investigator)
        if pi.institution_id != borrower.id:
            raise ValidationError(
                _domain_loans.said(
                    "{person} does not work at {institution}.",
                    person=pi.full_name,
                    institution=borrower.name,
                )
            )
        check_period(starts_on, due_on)
        _refuse(RuleViolation, standing.why_not_new_loan_for_pi(session, pi.id, ctx.now.date()))
        loan = Loan(
            number=next_number(session, Loan, "L", ctx.now.year),
            lender_institution_id=ctx.person.institution_id,
            borrower_institution_id=borrower.id,
            principal_investigator_id=pi.id,
            co_investigators=clean_text(
                co_investigators, _domain_loans.said("co-investigators"), limit=MAX_TEXT
            ),
            purpose=clean_text(purpose, _FIELD_NAMES["purpose"], required=True, limit=MAX_TEXT),
            starts_on=starts_on,
            due_on=due_on,
            destructive_analysis_allowed=bool(destructive_analysis_allowed),
            notes=clean_text(notes, _FIELD_NAMES["notes"], limit=MAX_TEXT),
            status=LoanStatus.DRAFT,
            created_at=ctx.now,
            created_by_id=ctx.person.id,
        )
        session.add(loan)
        session.flush()
        clearance.create_checklist(session, loan)
        receivers.on_loan_created(session, loan, ctx.person, ctx.now)
        owe_standard_deliverables(ctx, loan)
        return loan


_EDITABLE = {
    "purpose",
    "co_investigators",
    "notes",
    "starts_on",
    "due_on",
    "destructive_analysis_allowed",
}
# the names of the text fields as a refusal says them ("The purpose is required.")
_FIELD_NAMES: dict[str, str] = {
    "purpose": _domain_loans.said("purpose"),
    "co_investigators": _domain_loans.said("co investigators"),
    "notes": _domain_loans.said("notes"),
}


def update_loan(store: Store, actor: Actor, number: str, **changes: Any) -> Loan:
    """Edit a draft (after approval the signed terms are fixed; use extend)."""
    with operation(store, actor, "draft_loan") as ctx:
        loan = op.loan(ctx.session, number, lock=True)
        _require_lender(ctx, loan)
        _require_state(loan, LoanStatus.DRAFT, "edited")
        due_on_before = loan.due_on
        for key, value in changes.items():
            if key not in _EDITABLE:
                raise ValidationError(
                    _domain_loans.said("A loan has no editable field '{field}'.", field=key)
                )
            if key in ("starts_on", "due_on"):
                setattr(loan, key, value)
            elif key == "destructive_analysis_allowed":
                loan.destructive_analysis_allowed = bool(value)
            else:
                setattr(
                    loan,
                    key,
                    clean_text(
                        str(value),
                        _FIELD_NAMES.get(key) or key.replace("_", " "),
                        required=key == "purpose",
                        limit=MAX_TEXT,
                    ),
                )
        check_period(loan.starts_on, loan.due_on)
        follow_due_date(ctx.session, loan, due_on_before)
        return loan


def _require_lender(ctx: Context, loan: Loan) -> None:
    if loan.lender_institution_id != ctx.person.institution_id:
        raise PermissionDenied(
            _domain_loans.said(
                "Loan {number} is managed by {institution}.",
                number=loan.number,
                institution=loan.lender.name,
            )
        )


def loan_facts(loan: Loan) -> rules.LoanFacts:
    """The loan as rules.py reads it (rules.py words the refusals the windows show too)."""
    return rules.LoanFacts(
        number=loan.number,
        status=loan.status,
        borrower_code=loan.borrower.code,
        borrower=loan.borrower.name,
        items=len(loan.items),
        shipped=any(item.shipped_at for item in loan.items),
        open_clearance=clearance.open_titles(loan),
    )


def _refuse(error: type[CustodyError], why_not: str | None) -> None:
    """Raise ``error`` in the words of rules.py, if it has any."""
    if why_not is not None:
        raise error(why_not)


def _require_state(loan: Loan, state: str, doing: str) -> None:
    _refuse(RuleViolation, rules.loan_state(loan_facts(loan), (state,), doing))


def add_loan_items(store: Store, actor: Actor, number: str, aliquot_numbers: list[str]) -> Loan:
    """Add aliquots held in the lender's storage to a draft loan (all or none)."""
    with operation(store, actor, "draft_loan") as ctx:
        session = ctx.session
        loan = op.loan(session, number, lock=True)
        _require_lender(ctx, loan)
        _require_state(loan, LoanStatus.DRAFT, "changed")
        if not aliquot_numbers:
            raise ValidationError(_domain_loans.said("Name at least one aliquot to add."))
        present = {item.aliquot_id for item in loan.items}
        for aliquot_number in aliquot_numbers:
            row = op.aliquot(session, aliquot_number)
            if row.id in present:
                raise RuleViolation(
                    _domain_loans.said(
                        "Aliquot {aliquot} is on loan {loan} already.",
                        aliquot=row.number,
                        loan=loan.number,
                    )
                )
            if (
                row.status != AliquotStatus.IN_STORAGE
                or row.custodian_institution_id != loan.lender_institution_id
            ):
                raise RuleViolation(
                    _domain_loans.said(
                        "Aliquot {aliquot} is not in the lender's storage.", aliquot=row.number
                    )
                )
            other = session.scalars(
                select(Loan.number)
                .join(LoanItem, LoanItem.loan_id == Loan.id)
                .where(LoanItem.aliquot_id == row.id, Loan.status.in_(OPEN_LOAN_STATES))
            ).first()
            if other:
                raise RuleViolation(rules.on_open_loan(row.number, other))
            loan.items.append(
                LoanItem(aliquot_id=row.id, mass_at_loan_ug=row.current_mass_ug, added_at=ctx.now)
            )
            present.add(row.id)
        return loan


def remove_loan_item(store: Store, actor: Actor, number: str, aliquot_number: str) -> Loan:
    with operation(store, actor, "draft_loan") as ctx:
        loan = op.loan(ctx.session, number, lock=True)
        _require_lender(ctx, loan)
        _require_state(loan, LoanStatus.DRAFT, "changed")
        row = op.aliquot(ctx.session, aliquot_number)
        item = next((i for i in loan.items if i.aliquot_id == row.id), None)
        if item is None:
            raise RuleViolation(
                _domain_loans.said(
                    "Aliquot {aliquot} is not on loan {loan}.", aliquot=row.number, loan=loan.number
                )
            )
        loan.items.remove(item)
        return loan


def _lent_items(loan_ids: Collection[int] | None = None) -> Any:
    """(loan id, aliquot number, mass at loan) of the items as lent (not the children split at
    the borrower), by loan and aliquot number in the database's own order."""
    statement = (
        select(LoanItem.loan_id, Aliquot.number, LoanItem.mass_at_loan_ug)
        .join(LoanItem, LoanItem.aliquot_id == Aliquot.id)
        .where(LoanItem.parent_item_id.is_(None))
        .order_by(LoanItem.loan_id, Aliquot.number)
    )
    return statement if loan_ids is None else statement.where(LoanItem.loan_id.in_(loan_ids))


def loan_content(session: Session, loan: Loan) -> LoanContent:
    """What a signature on the loan agreement is bound to."""
    items = session.execute(_lent_items([loan.id])).all()
    return LoanContent(
        number=loan.number,
        lender=loan.lender.code,
        borrower=loan.borrower.code,
        principal_investigator=loan.principal_investigator.username,
        co_investigators=loan.co_investigators,
        purpose=loan.purpose,
        starts_on=loan.starts_on,
        due_on=loan.due_on,
        destructive_analysis_allowed=loan.destructive_analysis_allowed,
        notes=loan.notes,
        items=tuple(LoanItemContent(n, m) for _, n, m in items),
    )


# ---------------------------------------------------------------- the signed terms

# The signatures bound to the loan's terms (loan_content) as they stood when given. Through
# the loan's life the terms are only changed by an extension, which signs the new terms;
# items split at the borrower are not part of them. A cancellation appends its reason to
# the notes without a signature, so a cancelled loan's terms are not checked (its status
# and notes are still checked against the audit trail).
TERMS_MEANINGS = ("approved", "countersigned", "extended", "closed")
# ... as a refusal names the signature ("signed by Li Na (approved)")
_MEANINGS: dict[str, str] = {
    "approved": _domain_loans.said("approved"),
    "countersigned": _domain_loans.said("countersigned"),
    "extended": _domain_loans.said("extended"),
    "closed": _domain_loans.said("closed"),
}
# What a loan's views say of each signature on its terms (TermsCheck.verdict)
TERMS_HOLD = _domain_loans.said("terms as signed")
TERMS_SUPERSEDED = _domain_loans.said("superseded by an extension")
TERMS_CHANGED = _domain_loans.said("INVALID: the terms were changed after it")
TERMS_NOT_CHECKED = _domain_loans.said("not checked: the loan was cancelled")


@dataclass(frozen=True, slots=True)
class TermsSignature:
    signature_id: int
    printed_name: str
    meaning: str
    signed_at: datetime
    content_hash: str


@dataclass(frozen=True, slots=True)
class SignedTerms:
    """A loan's terms as they are now against the signatures given on them."""

    loan_id: int
    number: str
    status: str
    terms_hash: str  # identity.content_hash(loan_content(...).as_dict()) of the loan now
    signatures: tuple[TermsSignature, ...]  # in the order they were given

    @property
    def checked(self) -> bool:
        return self.status != LoanStatus.CANCELLED and bool(self.signatures)

    @property
    def holds(self) -> bool:
        """The latest signature is bound to the terms as they are now."""
        return not self.checked or self.signatures[-1].content_hash == self.terms_hash

    def verdict(self, signature_id: int) -> str | None:
        """What the loan's views say of one of its signatures (None: not on the terms)."""
        order = [s.signature_id for s in self.signatures]
        if signature_id not in order:
            return None
        if not self.checked:
            return TERMS_NOT_CHECKED
        at = order.index(signature_id)
        if self.signatures[at].content_hash == self.terms_hash:
            return TERMS_HOLD
        if any(s.meaning == "extended" for s in self.signatures[at + 1 :]):
            return TERMS_SUPERSEDED
        return TERMS_CHANGED

    def problem(self) -> str | None:
        """Why verify refuses the loan, in plain words (None when it holds)."""
        if self.holds:
            return None
        latest = self.signatures[-1]
        return _domain_loans.said(
            "The terms of loan {number} are not those signed by {name} ({meaning}) on "
            "{moment}: the loan or its items were changed outside the program after that "
            "signature.",
            number=self.number,
            name=latest.printed_name,
            meaning=_MEANINGS.get(latest.meaning) or latest.meaning,
            moment=moment_text(latest.signed_at),
        )


def signed_terms(session: Session, loan_ids: Collection[int] | None = None) -> list[SignedTerms]:
    """Every loan with a signature on its terms (or those of ``loan_ids``), its terms now
    against those signatures: what ``verify`` checks and the loan's views show. Read in
    bulk, with the terms built exactly as ``loan_content`` builds them."""
    lender, borrower = aliased(Institution), aliased(Institution)
    connection = session.connection()  # plain rows: the ORM's loading costs a third here
    signed: dict[int, list[TermsSignature]] = defaultdict(list)
    statement = (
        select(
            Signature.record_id,
            Signature.id,
            Signature.printed_name,
            Signature.meaning,
            Signature.signed_at,
            Signature.content_hash,
        )
        .where(Signature.record_type == "loan", Signature.meaning.in_(TERMS_MEANINGS))
        .order_by(Signature.record_id, Signature.id)
    )
    if loan_ids is not None:
        statement = statement.where(Signature.record_id.in_(loan_ids))
    for loan_id, signature_id, name, meaning, signed_at, signed_hash in connection.execute(
        statement
    ):
        signed[loan_id].append(TermsSignature(signature_id, name, meaning, signed_at, signed_hash))
    if not signed:
        return []
    ids = list(signed) if loan_ids is None else [i for i in loan_ids if i in signed]
    items: dict[int, list[LoanItemContent]] = defaultdict(list)
    lent = connection.execute(_lent_items(None if loan_ids is None else ids)).all()
    for loan_id, number, mass in lent:
        items[loan_id].append(LoanItemContent(number, mass))
    terms = (
        select(
            Loan.id,
            Loan.status,
            Loan.number,
            lender.code,
            borrower.code,
            Person.username,
            Loan.co_investigators,
            Loan.purpose,
            Loan.starts_on,
            Loan.due_on,
            Loan.destructive_analysis_allowed,
            Loan.notes,
        )
        .join(lender, lender.id == Loan.lender_institution_id)
        .join(borrower, borrower.id == Loan.borrower_institution_id)
        .join(Person, Person.id == Loan.principal_investigator_id)
        .order_by(Loan.id)
    )
    if loan_ids is not None:
        terms = terms.where(Loan.id.in_(ids))
    found = []
    for row in connection.execute(terms):
        loan_id, status = row[0], row[1]
        if loan_id not in signed:
            continue
        content = LoanContent(
            number=row.number,
            lender=row[3],
            borrower=row[4],
            principal_investigator=row.username,
            co_investigators=row.co_investigators,
            purpose=row.purpose,
            starts_on=row.starts_on,
            due_on=row.due_on,
            destructive_analysis_allowed=row.destructive_analysis_allowed,
            notes=row.notes,
            items=tuple(items.get(loan_id, ())),
        )
        found.append(
            SignedTerms(
                loan_id,
                content.number,
                status,
                content_hash(content.as_dict()),
                tuple(signed[loan_id]),
            )
        )
    return found


def _sign_as_actor(ctx: Context, credential: Credential, meaning: str, loan: Loan) -> None:
    if credential.username.strip() != ctx.person.username:
        raise PermissionDenied(
            _domain_loans.said("You sign with your own password, not someone else's.")
        )
    sign(
        ctx.session,
        credential,
        meaning=meaning,
        record_type="loan",
        record_id=loan.id,
        record_number=loan.number,
        content=loan_content(ctx.session, loan).as_dict(),
        signed_at=ctx.now,
    )


def approve_loan(store: Store, actor: Actor, number: str, credential: Credential) -> Loan:
    """The lender's curator signs the agreement: draft -> approved."""
    with operation(store, actor, "approve_loan") as ctx:
        loan = op.loan(ctx.session, number, lock=True)
        _require_lender(ctx, loan)
        _require_state(loan, LoanStatus.DRAFT, "approved")
        _refuse(RuleViolation, rules.nothing_to_lend(loan_facts(loan)))
        _refuse(RuleViolation, rules.clearance_incomplete(loan_facts(loan)))
        _refuse(
            RuleViolation,
            standing.why_not_new_loan_for_pi(
                ctx.session, loan.principal_investigator_id, ctx.now.date()
            ),
        )
        _sign_as_actor(ctx, credential, "approved", loan)
        loan.status, loan.approved_at = LoanStatus.APPROVED, ctx.now
        return loan


def countersign_loan(store: Store, actor: Actor, number: str, credential: Credential) -> Loan:
    """The borrower (its principal investigator or lab manager) countersigns: -> active."""
    with operation(store, actor, "countersign_loan") as ctx:
        loan = op.loan(ctx.session, number, lock=True)
        # The state first, then the side, as the windows ask.
        _require_state(loan, LoanStatus.APPROVED, "countersigned")
        _refuse(PermissionDenied, rules.borrower_side(actor_of(ctx.person), loan_facts(loan)))
        _sign_as_actor(ctx, credential, "countersigned", loan)
        loan.status, loan.countersigned_at = LoanStatus.ACTIVE, ctx.now
        return loan


def extend_loan(
    store: Store,
    actor: Actor,
    number: str,
    new_due_on: date,
    *,
    reason: str,
    credential: Credential,
) -> Loan:
    """Grant a written request for more time (the audit trail keeps the old date)."""
    with operation(store, actor, "extend_loan") as ctx:
        loan = op.loan(ctx.session, number, lock=True)
        _require_lender(ctx, loan)
        _refuse(RuleViolation, rules.extend_state(loan_facts(loan)))
        check_extension(loan.starts_on, loan.due_on, new_due_on)
        clean_extension_reason(reason)
        follow_due_date(ctx.session, loan, loan.due_on, new_due_on)
        loan.due_on = new_due_on
        loan.extension_count += 1
        loan.notes = (loan.notes + "\n" if loan.notes else "") + (
            f"Extended to {new_due_on.isoformat()} on {ctx.now.date().isoformat()}: "
            f"{reason.strip()}"
        )
        ctx.session.flush()
        _sign_as_actor(ctx, credential, "extended", loan)
        return loan


@dataclass(frozen=True, slots=True)
class ItemReconciliation:
    aliquot_number: str
    derived_from: str | None  # the parent aliquot, for a child split at the borrower
    issued_ug: int
    split_off_ug: int
    consumed_ug: int
    lost_ug: int
    returned_ug: int
    outstanding_ug: int
    status: str
    # book-mass corrections made while on loan (signed): the return accounting counts them
    corrected_ug: int = 0


def reconciliation(session: Session, loan: Loan) -> list[ItemReconciliation]:
    """Issued, consumed, lost, returned and outstanding per item, from the ledger."""
    sums = dict(
        ((aliquot_id, kind), int(total or 0))  # these kinds always carry a mass
        for aliquot_id, kind, total in session.execute(
            select(CustodyEvent.aliquot_id, CustodyEvent.kind, func.sum(CustodyEvent.mass_ug))
            .where(
                CustodyEvent.loan_id == loan.id,
                CustodyEvent.kind.in_(
                    (
                        EventKind.CONSUMED,
                        EventKind.MASS_LOST,
                        EventKind.LOST,
                        EventKind.SPLIT,
                        EventKind.CORRECTED,
                    )
                ),
            )
            .group_by(CustodyEvent.aliquot_id, CustodyEvent.kind)
        )
    )
    # A return weighed light (or heavy) is settled once the aliquot is back with the lender:
    # the resolution's event is then no longer the loan's, yet it says what really came back.
    settled_after_return = dict(
        ((aliquot_id, kind), int(total or 0))
        for aliquot_id, kind, total in session.execute(
            select(CustodyEvent.aliquot_id, CustodyEvent.kind, func.sum(CustodyEvent.mass_ug))
            .join(Discrepancy, Discrepancy.resolution_event_id == CustodyEvent.id)
            .join(Transfer, Transfer.id == Discrepancy.transfer_id)
            .where(Transfer.loan_id == loan.id, CustodyEvent.loan_id.is_(None))
            .group_by(CustodyEvent.aliquot_id, CustodyEvent.kind)
        )
    )
    # one query for the items' aliquots (item.aliquot then reads the identity map)
    session.scalars(
        select(Aliquot)
        .join(LoanItem, LoanItem.aliquot_id == Aliquot.id)
        .where(LoanItem.loan_id == loan.id)
    ).all()
    parents = {item.id: item for item in loan.items}
    rows = []
    for item in loan.items:
        aliquot = item.aliquot
        out = aliquot.loan_id == loan.id and aliquot.status not in (
            AliquotStatus.CONSUMED,
            AliquotStatus.LOST,
        )
        parent = parents.get(item.parent_item_id) if item.parent_item_id else None
        if out:
            status = "in transit" if aliquot.transfer_id else "at borrower"
        elif item.returned_at is not None:
            status = "returned"
        elif aliquot.status in (AliquotStatus.CONSUMED, AliquotStatus.LOST):
            status = aliquot.status
        elif item.shipped_at is None and item.parent_item_id is None:
            status = "not shipped"
        else:
            status = "fully split"
        lost_coming_back = settled_after_return.get((aliquot.id, EventKind.MASS_LOST), 0)
        corrected_coming_back = settled_after_return.get((aliquot.id, EventKind.CORRECTED), 0)
        rows.append(
            ItemReconciliation(
                aliquot_number=aliquot.number,
                derived_from=parent.aliquot.number if parent else None,
                issued_ug=item.shipped_mass_ug or 0,
                split_off_ug=sums.get((aliquot.id, EventKind.SPLIT), 0),
                consumed_ug=sums.get((aliquot.id, EventKind.CONSUMED), 0),
                lost_ug=sums.get((aliquot.id, EventKind.MASS_LOST), 0)
                + sums.get((aliquot.id, EventKind.LOST), 0)
                + lost_coming_back,
                returned_ug=(item.returned_mass_ug or 0) - lost_coming_back + corrected_coming_back,
                outstanding_ug=aliquot.current_mass_ug if out else 0,
                status=status,
                corrected_ug=sums.get((aliquot.id, EventKind.CORRECTED), 0) + corrected_coming_back,
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class ReturnLine:
    """One line of the return accounting (NASA form F-75): an aliquot as lent, with the
    children split from it under the loan folded in. Split is internal to the loan (mass
    moved to children), so it is shown but not part of the balance."""

    aliquot_number: str
    issued_ug: int
    split_ug: int
    consumed_ug: int
    lost_ug: int
    returned_ug: int
    accountable_ug: int  # still to be accounted for (out at the borrower or on the way)
    children: tuple[str, ...] = ()
    # book-mass corrections recorded while on loan (signed): what was issued, as corrected
    corrected_ug: int = 0

    @property
    def expected_ug(self) -> int:
        """The mass issued, with the corrections of its book mass made since."""
        return self.issued_ug + self.corrected_ug

    @property
    def accounted_ug(self) -> int:
        return self.consumed_ug + self.lost_ug + self.returned_ug + self.accountable_ug

    @property
    def balances(self) -> bool:
        return self.expected_ug == self.accounted_ug


@dataclass(frozen=True, slots=True)
class ReturnAccounting:
    loan_number: str
    lines: tuple[ReturnLine, ...]
    total: ReturnLine  # aliquot_number "": the sums of the lines

    @property
    def balances(self) -> bool:
        """Every line and the total balance to the microgram."""
        return self.total.balances and all(line.balances for line in self.lines)

    @property
    def settled(self) -> bool:
        """It balances and nothing is left to account for: the loan may close."""
        return self.balances and self.total.accountable_ug == 0


def fold_return_accounting(number: str, items: Sequence[ItemReconciliation]) -> ReturnAccounting:
    """The reconciliation folded per aliquot as lent (children into their ancestor)."""
    parent_of = {item.aliquot_number: item.derived_from for item in items}

    def root(aliquot: str) -> str:
        seen = {aliquot}
        while (parent := parent_of.get(aliquot)) and parent not in seen:
            aliquot = parent
            seen.add(aliquot)
        return aliquot

    sums: dict[str, list[int]] = {}
    children: dict[str, list[str]] = defaultdict(list)
    for item in items:
        top = root(item.aliquot_number)
        row = sums.setdefault(top, [0] * 7)
        if item.aliquot_number == top:
            row[0] += item.issued_ug
        else:
            children[top].append(item.aliquot_number)
        row[1] += item.split_off_ug
        row[2] += item.consumed_ug
        row[3] += item.lost_ug
        row[4] += item.returned_ug
        row[5] += item.outstanding_ug
        row[6] += item.corrected_ug

    def line(aliquot: str, row: Sequence[int], kids: tuple[str, ...] = ()) -> ReturnLine:
        issued, split, consumed, lost, returned, accountable, corrected = row
        return ReturnLine(
            aliquot, issued, split, consumed, lost, returned, accountable, kids, corrected
        )

    lines = tuple(line(top, row, tuple(children[top])) for top, row in sums.items())
    total = line("", [sum(row[i] for row in sums.values()) for i in range(7)])
    return ReturnAccounting(number, lines, total)


def return_accounting(session: Session, loan: Loan) -> ReturnAccounting:
    """The loan's return accounting (form F-75), from its reconciliation."""
    return fold_return_accounting(loan.number, reconciliation(session, loan))


def unresolved_discrepancies(session: Session, loan_id: int) -> list[str]:
    """The aliquots (a broken seal: the transfer) of the loan's packages whose discrepancy
    a curator has not resolved yet: until then the books hold the mass as sent, not as
    found, and the return accounting would be signed on it."""
    rows = session.execute(
        select(Aliquot.number, Transfer.number)
        .select_from(Discrepancy)
        .join(Transfer, Transfer.id == Discrepancy.transfer_id)
        .outerjoin(Aliquot, Aliquot.id == Discrepancy.aliquot_id)
        .where(Transfer.loan_id == loan_id, Discrepancy.resolved_at.is_(None))
        .order_by(Discrepancy.id)
    )
    return list(dict.fromkeys(aliquot or transfer for aliquot, transfer in rows))


def open_deliverable_titles(session: Session, loan_id: int) -> list[str]:
    """The titles of the loan's deliverables neither delivered nor waived, by due date."""
    return list(
        session.scalars(
            select(Deliverable.title)
            .where(
                Deliverable.loan_id == loan_id,
                Deliverable.delivered_at.is_(None),
                Deliverable.waived_at.is_(None),
            )
            .order_by(Deliverable.due_on, Deliverable.id)
        )
    )


def close_loan(store: Store, actor: Actor, number: str, credential: Credential) -> Loan:
    """Close a reconciled loan: nothing outstanding, nothing in transit, the return
    accounting balanced to the microgram and every deliverable delivered or waived."""
    with operation(store, actor, "close_loan") as ctx:
        session = ctx.session
        loan = op.loan(session, number, lock=True)
        _require_lender(ctx, loan)
        _require_state(loan, LoanStatus.ACTIVE, "closed")
        # A package whose every item was reported lost on the way carries nothing to wait for.
        pending = session.scalar(
            select(func.count())
            .select_from(Transfer)
            .join(TransferItem, TransferItem.transfer_id == Transfer.id)
            .join(Aliquot, Aliquot.id == TransferItem.aliquot_id)
            .where(
                Transfer.loan_id == loan.id,
                Transfer.status.in_(UNDER_WAY),
                Aliquot.status.notin_((AliquotStatus.CONSUMED, AliquotStatus.LOST)),
            )
        )
        if pending:
            raise RuleViolation(
                _domain_loans.said(
                    "Loan {number} has a package under way; receive or cancel it first.",
                    number=loan.number,
                )
            )
        items = reconciliation(session, loan)
        _refuse(RuleViolation, rules.why_not_close_reconciled(loan.number, items))
        _refuse(
            RuleViolation,
            rules.why_not_close_unresolved(loan.number, unresolved_discrepancies(session, loan.id)),
        )
        _refuse(
            RuleViolation,
            rules.why_not_close_accounted(
                loan.number,
                fold_return_accounting(loan.number, items).lines,
                open_deliverable_titles(session, loan.id),
            ),
        )
        _sign_as_actor(ctx, credential, "closed", loan)
        loan.status, loan.closed_at = LoanStatus.CLOSED, ctx.now
        return loan


def cancel_loan(store: Store, actor: Actor, number: str, *, reason: str) -> Loan:
    """Withdraw a loan before anything was shipped."""
    with operation(store, actor, "draft_loan") as ctx:
        loan = op.loan(ctx.session, number, lock=True)
        _require_lender(ctx, loan)
        if loan.status not in OPEN_LOAN_STATES:
            raise RuleViolation(
                _domain_loans.said(
                    "Loan {number} is {status} already.",
                    number=loan.number,
                    status=rules.loan_status_word(loan.status),
                )
            )
        _refuse(RuleViolation, rules.shipped_already(loan_facts(loan)))
        pending = ctx.session.scalar(
            select(func.count())
            .select_from(Transfer)
            .where(Transfer.loan_id == loan.id, Transfer.status.in_(UNDER_WAY))
        )
        if pending:
            raise RuleViolation(
                _domain_loans.said(
                    "Loan {number} has a package under way; cancel that first.",
                    number=loan.number,
                )
            )
        reason = clean_reason(reason)
        loan.status = LoanStatus.CANCELLED
        loan.notes = (loan.notes + "\n" if loan.notes else "") + f"Cancelled: {reason}"
        return loan


def is_overdue(loan: Loan, today: date) -> bool:
    """Past its due date with material still out (approved loans have nothing out yet)."""
    return (
        loan.status == LoanStatus.ACTIVE
        and loan.due_on < today
        and any(
            item.aliquot.loan_id == loan.id
            and item.aliquot.status not in (AliquotStatus.CONSUMED, AliquotStatus.LOST)
            and item.aliquot.current_mass_ug > 0
            for item in loan.items
        )
    )
