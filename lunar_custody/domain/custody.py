"""Transfers: a package is prepared, released to a courier, handed between couriers and
received by an authorised receiver. Every step writes one event per aliquot in one transaction,
with the signatures of both parties.

Over 600 lines: the journey of a package is one story whose steps share their checks
(``_loan_for``, ``_locked_aliquots``, ``_sign``); reading it in one place keeps rule 5
(who may act) visible as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from . import operation as op
from . import receivers, rules, standing
from .errors import (
    ConflictError,
    CustodyError,
    NotFoundError,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from .identity import Credential, actor_of, sign
from .installation import home_institution
from .ledger import Ledger
from .loans import next_number
from .masses import check_mass, format_mass
from .models import (
    Aliquot,
    CustodyEvent,
    Discrepancy,
    EventOrigin,
    Loan,
    LoanItem,
    Person,
    Transfer,
    TransferItem,
    TransferLeg,
)
from .numbering import normalize
from .operation import Context, operation
from .permissions import Actor
from .registry import MAX_TEXT, clean_reason, clean_text, correct_event_in
from .signed_content import (
    LegContent,
    ResolutionContent,
    TransferContent,
    TransferItemContent,
)
from .states import (
    AliquotStatus,
    EventKind,
    InstitutionKind,
    LoanStatus,
    Role,
    TransferKind,
    TransferStatus,
)
from .store import Store
from .wording import Said, Words, moment_text

_domain_custody = Words("_domain_custody")

TRANSFER_STATES = tuple(status.value for status in TransferStatus)

# A balance reading differs from the book mass by handling and weighing error; beyond
# 0.5 % (and at least 50 µg for tiny aliquots) a curator must look at it.
TOLERANCE_FRACTION_PER_MILLE = 5
TOLERANCE_MIN_UG = 50

RESOLUTIONS = {
    "record_loss": "record the missing mass as lost",
    "correct_book_mass": "correct the book mass to the measured mass",
    "accept": "accept as is (no change to the masses)",
}


def mass_tolerance_ug(expected_ug: int) -> int:
    return max(TOLERANCE_MIN_UG, expected_ug * TOLERANCE_FRACTION_PER_MILLE // 1000)


def _courier(ctx: Context, username: str) -> Person:
    person = op.person(ctx.session, username)
    if not person.active or Role.COURIER not in person.role_set:
        raise ValidationError(
            _domain_custody.said("{courier} is not an active courier.", courier=person.full_name)
        )
    return person


def _locked_aliquots(ctx: Context, transfer: Transfer) -> dict[int, Aliquot]:
    """The package's aliquots by id, read fresh and locked in one query.

    One query per item would also flush the session (and run the audit hook) each time;
    locking in id order keeps two operations on overlapping packages from deadlocking.
    """
    ids = [item.aliquot_id for item in transfer.items]
    rows = ctx.session.scalars(
        select(Aliquot)
        .where(Aliquot.id.in_(ids))
        .order_by(Aliquot.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return {row.id: row for row in rows}


def transfer_content(session: Session, transfer: Transfer) -> TransferContent:
    """What the signatures on a handoff are bound to: the package and who holds it."""
    if any(inspect(part).pending for part in (*transfer.items, *transfer.legs)):
        session.flush()  # a new item's aliquot, a new leg's courier: loaded once written
    return TransferContent(
        number=transfer.number,
        from_institution=transfer.from_institution.code,
        to_institution=transfer.to_institution.code,
        receiver=transfer.receiver.username,
        courier=transfer.courier.username,
        container=transfer.container,
        seal_number=transfer.seal_number,
        status=transfer.status,
        items=tuple(
            TransferItemContent(i.aliquot.number, i.expected_mass_ug, i.measured_mass_ug)
            for i in transfer.items
        ),
        legs=tuple(LegContent(leg.seq, leg.courier.username) for leg in transfer.legs),
    )


def _facts(session: Session, transfer: Transfer) -> rules.TransferFacts:
    """The package as the rules read it (rules.py words every refusal of rule 5)."""
    return rules.TransferFacts(
        number=transfer.number,
        status=transfer.status,
        from_code=transfer.from_institution.code,
        from_institution=transfer.from_institution.name,
        receiver_username=transfer.receiver.username,
        receiver=transfer.receiver.full_name,
        loan_number=transfer.loan.number if transfer.loan else None,
        authorised_receivers=receivers.authorised_for_transfer(session, transfer),
    )


def _refuse(error: type[CustodyError], why_not: str | None) -> CustodyError:
    """``error`` in the words of rules.py, which the windows show for the same rule."""
    assert why_not is not None, "the service and rules.py disagree"
    return error(why_not)


def _sign(
    ctx: Context, credential: Credential, meaning: str, transfer: Transfer, expected: Person
) -> None:
    if credential.username.strip() != expected.username:
        raise PermissionDenied(
            _domain_custody.said(
                "This signature must be given by {signer}.", signer=expected.full_name
            )
        )
    sign(
        ctx.session,
        credential,
        meaning=meaning,
        record_type="transfer",
        record_id=transfer.id,
        record_number=transfer.number,
        content=transfer_content(ctx.session, transfer).as_dict(),
        signed_at=ctx.now,
    )


def wrong_seal(seal_number: str, seal_number_checked: str | None) -> str | None:
    """Why a package under seal ``seal_number`` is not taken with the seal read on it
    (None: it is its own seal, or no seal was read); the courier screen's words too."""
    if seal_number_checked is None or seal_number_checked.strip() == seal_number:
        return None
    return _domain_custody.said(
        "Seal {seen} is not the seal of this package ({seal}).",
        seen=seal_number_checked.strip(),
        seal=seal_number,
    )


def _not_active(loan: Loan) -> Said:
    """Why a loan in any state but active moves no material: one sentence per state."""
    sentences = {
        LoanStatus.DRAFT: _domain_custody.said(
            "Loan {loan} is draft; material moves only under an active loan.", loan=loan.number
        ),
        LoanStatus.APPROVED: _domain_custody.said(
            "Loan {loan} is approved; material moves only under an active loan.",
            loan=loan.number,
        ),
        LoanStatus.CLOSED: _domain_custody.said(
            "Loan {loan} is closed; material moves only under an active loan.", loan=loan.number
        ),
        LoanStatus.CANCELLED: _domain_custody.said(
            "Loan {loan} is cancelled; material moves only under an active loan.",
            loan=loan.number,
        ),
    }
    return sentences[LoanStatus(loan.status)]


def _not_waiting(transfer: Transfer) -> Said:
    """Why a package already under way, received or cancelled is not picked up."""
    sentences = {
        TransferStatus.IN_TRANSIT: _domain_custody.said(
            "Transfer {transfer} is in_transit, not waiting for pick-up.",
            transfer=transfer.number,
        ),
        TransferStatus.RECEIVED: _domain_custody.said(
            "Transfer {transfer} is received, not waiting for pick-up.", transfer=transfer.number
        ),
        TransferStatus.CANCELLED: _domain_custody.said(
            "Transfer {transfer} is cancelled, not waiting for pick-up.",
            transfer=transfer.number,
        ),
    }
    return sentences[TransferStatus(transfer.status)]


def _not_in_transit(transfer: Transfer) -> Said:
    """Why a package not with a courier is not handed to the next one."""
    sentences = {
        TransferStatus.PREPARED: _domain_custody.said(
            "Transfer {transfer} is prepared, not in transit.", transfer=transfer.number
        ),
        TransferStatus.RECEIVED: _domain_custody.said(
            "Transfer {transfer} is received, not in transit.", transfer=transfer.number
        ),
        TransferStatus.CANCELLED: _domain_custody.said(
            "Transfer {transfer} is cancelled, not in transit.", transfer=transfer.number
        ),
    }
    return sentences[TransferStatus(transfer.status)]


def _check_seal(transfer: Transfer, seal_number_checked: str | None) -> None:
    """A courier takes a package only under its own seal: the number read on it (courier
    mode's seal check, ``--seal-seen``) must be the one recorded. None: not checked here."""
    why_not = wrong_seal(transfer.seal_number, seal_number_checked)
    if why_not:
        raise RuleViolation(why_not)


# ---------------------------------------------------------------- prepare and release


def prepare_transfer(
    store: Store,
    actor: Actor,
    *,
    aliquot_numbers: list[str],
    receiver: str,
    courier: str,
    seal_number: str,
    loan_number: str | None = None,
    container: str = "",
    notes: str = "",
) -> Transfer:
    """Assemble a package for a named receiver and courier; custody does not move yet."""
    with operation(store, actor, "prepare_transfer") as ctx:
        return _prepare(
            ctx, aliquot_numbers, receiver, courier, seal_number, loan_number, container, notes
        )


def _prepare(
    ctx: Context,
    aliquot_numbers: list[str],
    receiver_name: str,
    courier_name: str,
    seal_number: str,
    loan_number: str | None,
    container: str,
    notes: str,
) -> Transfer:
    session = ctx.session
    if not aliquot_numbers:
        raise ValidationError(_domain_custody.said("A package needs at least one aliquot."))
    wanted = [normalize(n) for n in aliquot_numbers]
    if len(set(wanted)) != len(wanted):
        raise ValidationError(_domain_custody.said("An aliquot is listed twice in the package."))
    receiver = op.person(session, receiver_name)
    if not receiver.active or not receiver.role_set & {Role.CURATOR, Role.LAB_MANAGER}:
        raise ValidationError(
            _domain_custody.said("{receiver} cannot receive samples.", receiver=receiver.full_name)
        )
    if receiver.institution_id == ctx.person.institution_id:
        raise ValidationError(
            _domain_custody.said("The receiver works at the sending institution.")
        )
    courier = _courier(ctx, courier_name)
    seal = clean_text(seal_number, _domain_custody.said("seal number"), required=True, limit=64)
    aliquots = [op.aliquot(session, n, lock=True) for n in wanted]
    for row in aliquots:
        op.require_side(
            ctx,
            row.custodian_institution_id,
            _domain_custody.said("Aliquot {aliquot}", aliquot=row.number),
        )
        if row.status != AliquotStatus.IN_STORAGE:
            raise RuleViolation(
                _domain_custody.said("Aliquot {aliquot} is not in storage.", aliquot=row.number)
            )
        pending = session.scalars(
            select(Transfer.number)
            .join(TransferItem, TransferItem.transfer_id == Transfer.id)
            .where(TransferItem.aliquot_id == row.id, Transfer.status == TransferStatus.PREPARED)
        ).first()
        if pending:
            raise RuleViolation(
                _domain_custody.said(
                    "Aliquot {aliquot} is already packed in transfer {transfer}.",
                    aliquot=row.number,
                    transfer=pending,
                )
            )
    loan = _loan_for(ctx, aliquots, receiver, loan_number)
    to_lender = receiver.institution.kind == InstitutionKind.LENDER
    if loan is None:
        kind = TransferKind.INTERNAL
    else:
        kind = TransferKind.RETURN if to_lender else TransferKind.OUTBOUND
    transfer = Transfer(
        number=next_number(session, Transfer, "T", ctx.now.year),
        kind=kind,
        loan_id=loan.id if loan else None,
        from_institution_id=ctx.person.institution_id,
        to_institution_id=receiver.institution_id,
        sender_id=ctx.person.id,
        receiver_id=receiver.id,
        courier_id=courier.id,
        container=clean_text(container, _domain_custody.said("container"), limit=100),
        seal_number=seal,
        status=TransferStatus.PREPARED,
        notes=clean_text(notes, _domain_custody.said("notes"), limit=MAX_TEXT),
        prepared_at=ctx.now,
    )
    transfer.items = [
        TransferItem(aliquot_id=row.id, expected_mass_ug=row.current_mass_ug) for row in aliquots
    ]
    session.add(transfer)
    session.flush()
    return transfer


def _loan_for(
    ctx: Context, aliquots: list[Aliquot], receiver: Person, loan_number: str | None
) -> Loan | None:
    """The loan a package travels under, checked against its direction and items."""
    session = ctx.session
    on_loan = {row.loan_id for row in aliquots}
    loan: Loan | None
    if loan_number:
        loan = op.loan(session, loan_number)
    elif on_loan != {None}:
        if len(on_loan) != 1:
            raise RuleViolation(
                _domain_custody.said("The package mixes aliquots of different loans.")
            )
        loan = session.get(Loan, on_loan.pop())
    else:
        loan = None
    sending_institution = ctx.person.institution
    if loan is None:
        if (
            receiver.institution.kind == InstitutionKind.BORROWER
            or sending_institution.kind == InstitutionKind.BORROWER
        ):
            raise RuleViolation(
                _domain_custody.said(
                    "Material goes to or from a borrower only under an active loan."
                )
            )
        return None
    if loan.status != LoanStatus.ACTIVE:
        raise RuleViolation(_not_active(loan))
    if sending_institution.id == loan.lender_institution_id:
        if receiver.institution_id != loan.borrower_institution_id:
            raise ValidationError(
                _domain_custody.said(
                    "The receiver must work at {institution}.", institution=loan.borrower.name
                )
            )
        _refuse_new_shipment(ctx, loan)
        items = {i.aliquot_id: i for i in loan.items}
        for row in aliquots:
            item = items.get(row.id)
            if item is None:
                raise RuleViolation(
                    _domain_custody.said(
                        "Aliquot {aliquot} is not an item of loan {loan}.",
                        aliquot=row.number,
                        loan=loan.number,
                    )
                )
            if item.shipped_at is not None:
                raise RuleViolation(
                    _domain_custody.said(
                        "Aliquot {aliquot} was shipped under this loan already.",
                        aliquot=row.number,
                    )
                )
    else:
        if receiver.institution_id != loan.lender_institution_id:
            raise ValidationError(
                _domain_custody.said(
                    "Loaned material is returned to {institution}.", institution=loan.lender.name
                )
            )
        for row in aliquots:
            if row.loan_id != loan.id:
                raise RuleViolation(
                    _domain_custody.said(
                        "Aliquot {aliquot} is not out on loan {loan}.",
                        aliquot=row.number,
                        loan=loan.number,
                    )
                )
    return loan


def _refuse_new_shipment(ctx: Context, loan: Loan) -> None:
    """The lender ships nothing more to a PI held by standing.py (an overdue inventory)."""
    why_not = standing.why_not_ship_to(ctx.session, loan, ctx.now.date())
    if why_not is not None:
        raise RuleViolation(why_not)


def release_transfer(
    store: Store,
    actor: Actor,
    number: str,
    *,
    sender: Credential,
    courier: Credential,
    seal_number_checked: str | None = None,
) -> Transfer:
    """Pick-up: the sender relinquishes and the courier accepts the whole package at once."""
    with operation(store, actor, "release") as ctx:
        transfer = op.transfer(ctx.session, number, lock=True)
        return _release(ctx, transfer, sender, courier, seal_number_checked)


def release_package(
    store: Store,
    actor: Actor,
    *,
    aliquot_numbers: list[str],
    receiver: str,
    courier: str,
    seal_number: str,
    sender_credential: Credential,
    courier_credential: Credential,
    loan_number: str | None = None,
    container: str = "",
    notes: str = "",
) -> Transfer:
    """Prepare and release in one transaction (a courier collecting at the counter)."""
    with operation(store, actor, "release") as ctx:
        transfer = _prepare(
            ctx, aliquot_numbers, receiver, courier, seal_number, loan_number, container, notes
        )
        return _release(ctx, transfer, sender_credential, courier_credential, seal_number)


def return_package(
    store: Store,
    actor: Actor,
    *,
    loan_number: str,
    aliquot_numbers: list[str],
    receiver: str,
    courier: str,
    seal_number: str,
    sender_credential: Credential,
    courier_credential: Credential,
    container: str = "",
    notes: str = "",
) -> Transfer:
    """The borrower returns aliquots of a loan to the lender: a release (prepared and
    released in one transaction, ``release_package``) that goes back to the lender."""
    with operation(store, actor, "release") as ctx:
        loan = op.loan(ctx.session, loan_number)
        if ctx.person.institution_id != loan.borrower_institution_id:
            raise PermissionDenied(
                _domain_custody.said(
                    "Only {borrower}, the borrower, returns the material of loan {loan}.",
                    borrower=loan.borrower.name,
                    loan=loan.number,
                )
            )
        transfer = _prepare(
            ctx, aliquot_numbers, receiver, courier, seal_number, loan.number, container, notes
        )
        return _release(ctx, transfer, sender_credential, courier_credential, seal_number)


def _release(
    ctx: Context,
    transfer: Transfer,
    sender: Credential,
    courier_credential: Credential,
    seal_number_checked: str | None,
) -> Transfer:
    session = ctx.session
    if transfer.status != TransferStatus.PREPARED:
        raise ConflictError(_not_waiting(transfer))
    if transfer.from_institution_id != ctx.person.institution_id:
        why_not = rules.why_not_release(actor_of(ctx.person), _facts(ctx.session, transfer))
        raise _refuse(PermissionDenied, why_not)
    if (
        transfer.loan is not None
        and transfer.from_institution_id == transfer.loan.lender_institution_id
    ):
        _refuse_new_shipment(ctx, transfer.loan)
    _check_seal(transfer, seal_number_checked)
    courier = transfer.courier
    if not courier.active or Role.COURIER not in courier.role_set:
        raise ValidationError(
            _domain_custody.said(
                "{courier} is no longer an active courier.", courier=courier.full_name
            )
        )
    ledger = Ledger(session)
    items_by_aliquot = {i.aliquot_id: i for i in transfer.loan.items} if transfer.loan else {}
    rows = _locked_aliquots(ctx, transfer)
    for item in transfer.items:
        row = rows[item.aliquot_id]
        if (
            row.status != AliquotStatus.IN_STORAGE
            or row.custodian_institution_id != transfer.from_institution_id
        ):
            raise ConflictError(
                _domain_custody.said(
                    "Aliquot {aliquot} is no longer in the sender's storage.", aliquot=row.number
                )
            )
        if row.current_mass_ug != item.expected_mass_ug:
            item.expected_mass_ug = row.current_mass_ug
        ledger.append(
            row,
            "released",
            actor_id=ctx.person.id,
            occurred_at=ctx.now,
            institution_id=courier.institution_id,
            custodian_person_id=courier.id,
            courier_id=courier.id,
            transfer_id=transfer.id,
            loan_id=transfer.loan_id if transfer.kind != TransferKind.INTERNAL else row.loan_id,
            seal_number=transfer.seal_number,
        )
        if transfer.kind == TransferKind.OUTBOUND:
            loan_item: LoanItem = items_by_aliquot[row.id]
            loan_item.shipped_mass_ug, loan_item.shipped_at = row.current_mass_ug, ctx.now
    transfer.status, transfer.released_at = TransferStatus.IN_TRANSIT, ctx.now
    transfer.legs.append(
        TransferLeg(
            seq=1, courier_id=courier.id, handed_over_by_id=ctx.person.id, started_at=ctx.now
        )
    )
    _sign(ctx, sender, "relinquished", transfer, ctx.person)
    _sign(ctx, courier_credential, "accepted", transfer, courier)
    return transfer


def cancel_transfer(store: Store, actor: Actor, number: str, *, reason: str) -> Transfer:
    """Unpack a prepared package that was never picked up."""
    with operation(store, actor, "prepare_transfer") as ctx:
        transfer = op.transfer(ctx.session, number, lock=True)
        why_not = rules.why_not_cancel_transfer(actor_of(ctx.person), _facts(ctx.session, transfer))
        if transfer.status != TransferStatus.PREPARED:
            raise _refuse(RuleViolation, why_not)
        if transfer.from_institution_id != ctx.person.institution_id:
            raise _refuse(PermissionDenied, why_not)
        reason = clean_reason(reason)
        transfer.status = TransferStatus.CANCELLED
        transfer.notes = (transfer.notes + "\n" if transfer.notes else "") + f"Cancelled: {reason}"
        return transfer


# ---------------------------------------------------------------- courier to courier


def hand_over(
    store: Store,
    actor: Actor,
    number: str,
    *,
    to_courier: str,
    from_credential: Credential,
    to_credential: Credential,
    seal_number_checked: str | None = None,
) -> Transfer:
    """The courier holding the package hands it to the next courier; both sign.
    ``seal_number_checked``: the seal read on the package, refused if not its own."""
    with operation(store, actor, "accept_as_courier") as ctx:
        session = ctx.session
        transfer = op.transfer(session, number, lock=True)
        if transfer.status != TransferStatus.IN_TRANSIT:
            raise ConflictError(_not_in_transit(transfer))
        if transfer.courier_id != ctx.person.id:
            raise PermissionDenied(
                _domain_custody.said(
                    "Transfer {transfer} is carried by {courier}, not by you.",
                    transfer=transfer.number,
                    courier=transfer.courier.full_name,
                )
            )
        nxt = _courier(ctx, to_courier)
        if nxt.id == ctx.person.id:
            raise ValidationError(
                _domain_custody.said("A courier cannot hand a package to themselves.")
            )
        _check_seal(transfer, seal_number_checked)
        ledger = Ledger(session)
        rows = _locked_aliquots(ctx, transfer)
        for item in transfer.items:
            row = rows[item.aliquot_id]
            if row.status != AliquotStatus.IN_TRANSIT:  # reported lost on the way
                continue
            ledger.append(
                row,
                "handed_over",
                actor_id=ctx.person.id,
                occurred_at=ctx.now,
                institution_id=nxt.institution_id,
                custodian_person_id=nxt.id,
                courier_id=nxt.id,
                transfer_id=transfer.id,
                loan_id=row.loan_id,
                seal_number=transfer.seal_number,
                seal_intact=True if seal_number_checked is not None else None,
            )
        transfer.legs[-1].ended_at = ctx.now
        transfer.legs.append(
            TransferLeg(
                seq=len(transfer.legs) + 1,
                courier_id=nxt.id,
                handed_over_by_id=ctx.person.id,
                started_at=ctx.now,
            )
        )
        previous = ctx.person
        transfer.courier = nxt
        _sign(ctx, from_credential, "relinquished", transfer, previous)
        _sign(ctx, to_credential, "accepted", transfer, nxt)
        return transfer


def transcribe_handover(
    store: Store,
    actor: Actor,
    number: str,
    *,
    to_courier: str,
    occurred_at: datetime,
    form_reference: str,
) -> Transfer:
    """At delivery, the receiver types in a courier-to-courier handover made where no
    installation was present, from the paper custody form the couriers signed. The events
    are marked as transcribed (``EventOrigin.transcribed``), here and wherever they travel."""
    with operation(store, actor, "receive") as ctx:
        session = ctx.session
        transfer = op.transfer(session, number, lock=True)
        why_not = rules.why_not_transcribe(
            actor_of(ctx.person),
            rules.ArrivingFacts(
                transfer.number,
                transfer.status,
                transfer.to_institution.code,
                transfer.to_institution.name,
            ),
        )
        if transfer.status != TransferStatus.IN_TRANSIT:
            raise _refuse(ConflictError, why_not)
        if why_not:
            raise _refuse(PermissionDenied, why_not)
        form = clean_text(
            form_reference, _domain_custody.said("custody form"), required=True, limit=100
        )
        when = occurred_at.astimezone(UTC)
        if when > ctx.now or (transfer.released_at and when < transfer.released_at):
            raise ValidationError(
                _domain_custody.said(
                    "The handover must be dated between the release and now (in UTC)."
                )
            )
        nxt = _courier(ctx, to_courier)
        previous = transfer.courier
        if nxt.id == previous.id:
            raise ValidationError(
                _domain_custody.said(
                    "{courier} already carries the package.", courier=nxt.full_name
                )
            )
        ledger = Ledger(session)
        rows = _locked_aliquots(ctx, transfer)
        here = home_institution(session) or ctx.institution  # where it is typed in
        note = (
            f"Transcribed from the paper custody form {form}: "
            f"{previous.full_name} to {nxt.full_name}."
        )
        for item in transfer.items:
            row = rows[item.aliquot_id]
            if row.status != AliquotStatus.IN_TRANSIT:
                continue
            event = ledger.append(
                row,
                EventKind.HANDED_OVER,
                actor_id=ctx.person.id,
                occurred_at=when,
                institution_id=nxt.institution_id,
                custodian_person_id=nxt.id,
                courier_id=nxt.id,
                transfer_id=transfer.id,
                loan_id=row.loan_id,
                seal_number=transfer.seal_number,
                note=note,
            )
            session.flush()
            session.add(
                EventOrigin(
                    event_id=event.id,
                    institution_id=here.id,
                    origin_seq=event.id,
                    origin_hash=event.hash,
                    transcribed=True,
                )
            )
        if transfer.legs:
            transfer.legs[-1].ended_at = when
        transfer.legs.append(
            TransferLeg(
                seq=len(transfer.legs) + 1,
                courier_id=nxt.id,
                handed_over_by_id=previous.id,
                started_at=when,
            )
        )
        transfer.courier = nxt
        return transfer


# ---------------------------------------------------------------- receipt


@dataclass
class Receipt:
    transfer: Transfer
    discrepancies: list[Discrepancy]


def confirm_receipt(
    store: Store,
    actor: Actor,
    number: str,
    *,
    credential: Credential,
    seal_intact: bool,
    seal_number_seen: str | None = None,
    measured_ug: dict[str, int] | None = None,
    note: str = "",
    photo: bytes | None = None,
    courier_credential: Credential | None = None,
) -> Receipt:
    """An authorised receiver takes custody. A broken or wrong seal, or a mass outside the
    tolerance, is recorded and flagged as a discrepancy; the receipt is never refused.
    ``courier_credential``: the courier who delivers signs that they relinquished the
    package (else the custody form leaves their signature to ink)."""
    with operation(store, actor, "receive") as ctx:
        session = ctx.session
        transfer = op.transfer(session, number, lock=True)
        if transfer.status == TransferStatus.RECEIVED:
            who = transfer.received_by_id and session.get(Person, transfer.received_by_id)
            when = moment_text(transfer.received_at) if transfer.received_at else "?"
            if who:
                raise ConflictError(
                    _domain_custody.said(
                        "Transfer {transfer} was already received by {receiver} at {when}.",
                        transfer=transfer.number,
                        receiver=who.full_name,
                        when=when,
                    )
                )
            raise ConflictError(
                _domain_custody.said(
                    "Transfer {transfer} was already received by someone at {when}.",
                    transfer=transfer.number,
                    when=when,
                )
            )
        why_not = rules.why_not_receive(actor_of(ctx.person), _facts(ctx.session, transfer))
        if transfer.status != TransferStatus.IN_TRANSIT:
            raise _refuse(RuleViolation, why_not)
        if why_not is not None:  # not an authorised receiver (rules.py)
            raise _refuse(PermissionDenied, why_not)
        note = clean_text(note, _domain_custody.said("note"), limit=MAX_TEXT)
        measured = {normalize(k): v for k, v in (measured_ug or {}).items()}
        rows = _locked_aliquots(ctx, transfer)
        numbers = {row.number for row in rows.values()}
        unknown = sorted(set(measured) - numbers)
        if unknown:
            raise ValidationError(
                _domain_custody.said(
                    "{aliquots} is not in transfer {transfer}.",
                    aliquots=", ".join(unknown),
                    transfer=transfer.number,
                )
            )
        for key, value in measured.items():
            what = _domain_custody.said("measured mass of {aliquot}", aliquot=key)
            check_mass(value, what=what, allow_zero=True)
        seen = seal_number_seen.strip() if seal_number_seen is not None else transfer.seal_number
        seal_ok = bool(seal_intact) and seen == transfer.seal_number
        discrepancies: list[Discrepancy] = []
        if not seal_ok:
            why = (
                "seal broken"
                if not seal_intact
                else f"seal {seen} instead of {transfer.seal_number}"
            )
            discrepancies.append(
                Discrepancy(
                    transfer_id=transfer.id,
                    aliquot_id=None,
                    kind="seal_broken",
                    note=f"{why}. {note}".strip(),
                    photo=photo,
                    raised_at=ctx.now,
                    raised_by_id=ctx.person.id,
                )
            )
        # Every read below (the ledger head, the legs, the signer's person and key) would
        # flush what is changed so far, each flush with its audit entries: the commit's
        # one flush writes it all.
        with session.no_autoflush:
            ledger = Ledger(session)
            returning = transfer.kind == TransferKind.RETURN
            # only a return books masses back onto its loan's items (a loan may list hundreds)
            loan_items = (
                {i.aliquot_id: i for i in transfer.loan.items}
                if returning and transfer.loan
                else {}
            )
            for item in transfer.items:
                row = rows[item.aliquot_id]
                if row.status != AliquotStatus.IN_TRANSIT:  # lost on the way: nothing arrives
                    continue
                weighed = measured.get(row.number)
                item.measured_mass_ug = weighed
                ledger.append(
                    row,
                    EventKind.RETURNED if returning else EventKind.RECEIVED,
                    actor_id=ctx.person.id,
                    occurred_at=ctx.now,
                    institution_id=transfer.to_institution_id,
                    custodian_person_id=ctx.person.id,
                    transfer_id=transfer.id,
                    loan_id=None
                    if returning
                    else transfer.loan_id
                    if transfer.kind == TransferKind.OUTBOUND
                    else row.loan_id,
                    mass_ug=weighed,
                    seal_number=seen,
                    seal_intact=seal_ok,
                    note=note,
                )
                if weighed is not None and abs(weighed - row.current_mass_ug) > mass_tolerance_ug(
                    row.current_mass_ug
                ):
                    discrepancies.append(
                        Discrepancy(
                            transfer_id=transfer.id,
                            aliquot_id=row.id,
                            kind="mass",
                            expected_mass_ug=row.current_mass_ug,
                            measured_mass_ug=weighed,
                            note=note,
                            photo=photo,
                            raised_at=ctx.now,
                            raised_by_id=ctx.person.id,
                        )
                    )
                if returning and row.id in loan_items:
                    loan_items[row.id].returned_mass_ug = row.current_mass_ug
                    loan_items[row.id].returned_at = ctx.now
            transfer.status, transfer.received_at, transfer.received_by_id = (
                TransferStatus.RECEIVED,
                ctx.now,
                ctx.person.id,
            )
            if transfer.legs:
                transfer.legs[-1].ended_at = ctx.now
            session.add_all(discrepancies)
            if courier_credential is not None:
                _sign(ctx, courier_credential, "relinquished", transfer, transfer.courier)
            _sign(ctx, credential, "received", transfer, ctx.person)
            return Receipt(transfer=transfer, discrepancies=discrepancies)


def resolve_discrepancy(
    store: Store,
    actor: Actor,
    discrepancy_id: int,
    *,
    resolution: str,
    note: str,
    credential: Credential,
) -> Discrepancy:
    """A lender's curator settles a discrepancy; mass changes become new ledger events."""
    with operation(store, actor, "resolve_discrepancy") as ctx:
        session = ctx.session
        found = session.get(Discrepancy, discrepancy_id, with_for_update=True)
        if found is None:
            raise NotFoundError(
                _domain_custody.said(
                    "There is no discrepancy #{discrepancy}.", discrepancy=discrepancy_id
                )
            )
        transfer = found.transfer
        lender = transfer.loan.lender if transfer.loan else transfer.from_institution
        why_not = rules.why_not_resolve(
            actor_of(ctx.person), rules.DiscrepancyFacts(found.id, found.resolved_at, lender.code)
        )
        if found.resolved_at is not None:
            raise _refuse(ConflictError, why_not)
        if resolution not in RESOLUTIONS:
            raise ValidationError(
                _domain_custody.said(
                    "A resolution is one of: {choices}.", choices=", ".join(RESOLUTIONS)
                )
            )
        note = clean_text(note, _domain_custody.said("note"), required=True, limit=MAX_TEXT)
        if ctx.person.institution_id != lender.id:
            raise _refuse(PermissionDenied, why_not)
        event = None
        if resolution != "accept":
            if found.kind != "mass" or found.aliquot is None:
                raise RuleViolation(
                    _domain_custody.said(
                        "Only a mass discrepancy changes masses; accept a seal report."
                    )
                )
            event = _mass_resolution(ctx, found, resolution, note)
        found.resolution, found.resolution_note = resolution, note
        found.resolved_at, found.resolved_by_id = ctx.now, ctx.person.id
        found.resolution_event_id = event.id if event else None
        session.flush()
        if credential.username.strip() != ctx.person.username:
            raise PermissionDenied(
                _domain_custody.said("You sign with your own password, not someone else's.")
            )
        sign(
            session,
            credential,
            meaning="resolved",
            record_type="discrepancy",
            record_id=found.id,
            record_number=f"{transfer.number}/{found.id}",
            content=ResolutionContent(
                transfer=transfer.number,
                aliquot=found.aliquot.number if found.aliquot else None,
                kind=found.kind,
                expected=found.expected_mass_ug,
                measured=found.measured_mass_ug,
                resolution=resolution,
                note=note,
            ).as_dict(),
            signed_at=ctx.now,
        )
        return found


def _mass_resolution(ctx: Context, found: Discrepancy, resolution: str, note: str) -> CustodyEvent:
    session = ctx.session
    row = session.get(Aliquot, found.aliquot_id, with_for_update=True)
    assert row is not None and found.expected_mass_ug is not None
    assert found.measured_mass_ug is not None
    receipt = session.scalars(
        select(CustodyEvent)
        .where(
            CustodyEvent.aliquot_id == row.id,
            CustodyEvent.transfer_id == found.transfer_id,
            CustodyEvent.kind.in_((EventKind.RECEIVED, EventKind.RETURNED)),
            CustodyEvent.occurred_at <= found.raised_at,
        )
        .order_by(CustodyEvent.id.desc())
    ).first()
    difference = found.measured_mass_ug - found.expected_mass_ug
    if resolution == "correct_book_mass":
        return correct_event_in(
            ctx,
            receipt.id if receipt else row.last_event_id or 0,
            note=f"Book mass corrected to the measured mass: {note}",
            mass_delta_ug=difference,
        )
    if difference >= 0:
        raise RuleViolation(
            _domain_custody.said(
                "{aliquot} weighed more than its book mass ({difference}); "
                "correct the book mass instead of recording a loss.",
                aliquot=row.number,
                difference=format_mass(difference),
            )
        )
    if (
        row.status not in (AliquotStatus.IN_STORAGE, AliquotStatus.IN_TRANSIT)
        or -difference > row.current_mass_ug
    ):
        raise RuleViolation(
            _domain_custody.said(
                "Aliquot {aliquot} no longer holds the mass to write off.", aliquot=row.number
            )
        )
    return Ledger(session).append(
        row,
        "mass_lost",
        actor_id=ctx.person.id,
        occurred_at=ctx.now,
        institution_id=row.custodian_institution_id,
        custodian_person_id=row.custodian_person_id,
        courier_id=row.courier_id,
        transfer_id=row.transfer_id,
        loan_id=row.loan_id,
        mass_ug=-difference,
        corrects_event_id=receipt.id if receipt else None,
        note=note,
    )
