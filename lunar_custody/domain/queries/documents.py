"""What each document prints, read in one read transaction: typed read models for documents/.

The agreement, the chain-of-custody forms, the manifest and the labels are drawn from these
frozen dataclasses and nothing else; documents/ turns them into the canonical JSON whose
SHA-256 the QR code carries, so a field here is a field of the printed content. The terms of
loan are not read here: they are a template of documents/ filled from the agreement.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from ...trust import keys as trust_keys
from ...trust.statements import signature_holds
from .. import keys
from .. import operation as op
from ..custody import transfer_content as signed_transfer_content
from ..errors import NotFoundError, ValidationError
from ..identity import SIGNATURE_MEANINGS
from ..loans import loan_content as signed_loan_content
from ..models import (
    Aliquot,
    Certificate,
    CustodyEvent,
    Institution,
    Loan,
    LoanItem,
    Person,
    Signature,
    Transfer,
    TransferItem,
)
from ..numbering import normalize
from ..signed_content import TransferContent
from ..states import AliquotStatus, EventKind
from ..store import Store
from ..wording import Words, counted
from .clearance import ClearanceLine, checklist_lines
from .ledger import history
from .receivers import ReceiverRow, receivers_of

_domain_queries_documents = Words("_domain_queries_documents")

# A journey of four courier legs: release, three courier-to-courier hand-overs, delivery.
BLANK_HANDOFFS = 5


@dataclass(frozen=True, slots=True)
class Party:
    """An institution as printed: name, name in its own script, address."""

    code: str
    name: str
    local_name: str
    address: str
    country: str


@dataclass(frozen=True, slots=True)
class Mark:
    """A signature given in the program (21 CFR Part 11: printed name, time, meaning)."""

    printed_name: str
    local_name: str
    institution: str
    meaning: str
    signed_at: datetime
    method: str
    content_hash: str
    drawing_png: bytes | None = field(default=None, repr=False)
    # the certificate of its cryptographic signature, short form ('' when it has none), and
    # whether that signature was checked and holds (``signature_checked``)
    certificate: str = ""
    checked: bool = False


@dataclass(frozen=True, slots=True)
class SignatureSlot:
    """One place to sign: who is expected, and the signature if it was given."""

    role: str  # "Lender", "Principal investigator", "Relinquished by"...
    name: str  # the expected signer ('' when unknown: a blank line)
    institution: str
    mark: Mark | None = None


@dataclass(frozen=True, slots=True)
class ItemLine:
    number: str
    sample: str
    parent: str | None
    form: str
    container: str
    seal: str
    mass_ug: int | None  # issued (agreement), expected (transfer), current (aliquot)
    measured_ug: int | None = None


@dataclass(frozen=True, slots=True)
class AgreementData:
    loan_number: str
    status: str
    lender: Party
    borrower: Party
    principal_investigator: str
    principal_investigator_local: str
    principal_investigator_email: str
    co_investigators: tuple[str, ...]
    purpose: str
    starts_on: date
    due_on: date
    destructive_analysis_allowed: bool
    notes: str
    items: tuple[ItemLine, ...]
    signatures: tuple[SignatureSlot, ...]
    # the institutions' certificate fingerprints, short form ('' when none is known: the
    # borrower's until its certificate is imported), for both parties to confirm
    lender_fingerprint: str = ""
    borrower_fingerprint: str = ""
    # the loan's clearance checklist, for the annex (queries/clearance.py)
    clearance: tuple[ClearanceLine, ...] = ()
    # who may receive and open the loan's packages now (queries/receivers.py), the PI first
    receivers: tuple[ReceiverRow, ...] = ()


@dataclass(frozen=True, slots=True)
class Handoff:
    """One change of hands: relinquished by one side, received by the other."""

    title: str  # "Release at CNSA", "Courier hand-over", "Delivery"
    transfer_number: str
    relinquished: SignatureSlot
    received: SignatureSlot
    at: datetime | None
    seal: str
    seal_intact: bool | None  # None: not checked in the program (ink)
    condition: str


@dataclass(frozen=True, slots=True)
class EventLine:
    id: int
    occurred_at: datetime
    label: str
    actor: str
    holder: str
    mass_ug: int | None
    seal: str
    note: str


@dataclass(frozen=True, slots=True)
class CustodyFormData:
    subject: str  # "transfer T2026-0003" or "aliquot CE5C0400YJFM00505"
    transfer_number: str | None
    loan_number: str | None
    origin: Party | None
    destination: Party | None
    container: str
    seal: str
    items: tuple[ItemLine, ...]
    handoffs: tuple[Handoff, ...]
    blank_handoffs: int  # rows left empty for ink
    events: tuple[EventLine, ...]


@dataclass(frozen=True, slots=True)
class ManifestData:
    transfer_number: str
    kind: str
    status: str
    loan_number: str | None
    origin: Party
    destination: Party
    sender: str
    receiver: str
    courier: str
    container: str
    seal: str
    notes: str
    prepared_at: datetime
    released_at: datetime | None
    items: tuple[ItemLine, ...]


@dataclass(frozen=True, slots=True)
class LabelData:
    number: str
    sample: str
    mass_ug: int
    form: str


# ---------------------------------------------------------------------- reading


def _party(institution: Institution) -> Party:
    return Party(
        code=institution.code,
        name=institution.name,
        local_name=institution.local_name or "",
        address=institution.address,
        country=institution.country,
    )


def signature_checked(session: Session, signature: Signature, signer_uuid: str) -> bool:
    """Whether a signature's cryptographic half holds: its ECDSA value over
    ``keys.signature_statement`` under its certificate, that certificate issued by one of
    this installation's institution certificates (or being one, for a courier's PIN), and
    the signature made before any revocation of it."""
    if signature.certificate_id is None or not signature.crypto_signature:
        return False
    row = session.get(Certificate, signature.certificate_id)
    if row is None or row.kind not in (keys.INSTITUTION, keys.PERSON):
        return False
    if row.revoked_at is not None and signature.signed_at >= row.revoked_at:
        return False
    try:
        certificate = trust_keys.load_certificate(row.certificate_pem)
    except trust_keys.CertificateError:
        return False
    if trust_keys.fingerprint(certificate) != row.fingerprint:
        return False
    if row.kind == keys.PERSON:
        issuers = [
            trust_keys.load_certificate(c.certificate_pem)
            for c in keys.institution_certificates(session)
        ]
        if not any(trust_keys.issued_by(certificate, issuer) for issuer in issuers):
            return False
    elif signature.method != keys.PIN_METHOD:  # the institution attests PINs only
        return False
    statement = keys.signature_statement(signature, signer_uuid, row.fingerprint)
    return signature_holds(certificate, statement, signature.crypto_signature)


class _Marks:
    """A record's signatures handed out in order: each one fills one slot only."""

    def __init__(self, session: Session, record_type: str, record_id: int) -> None:
        rows = session.execute(
            select(Signature, Person.local_name, Person.uuid, Certificate.fingerprint)
            .join(Person, Person.id == Signature.person_id)
            .outerjoin(Certificate, Certificate.id == Signature.certificate_id)
            .where(Signature.record_type == record_type, Signature.record_id == record_id)
            .order_by(Signature.id)
        ).all()
        self.rows: list[tuple[int, str, Mark]] = [
            (
                s.person_id,
                s.meaning,
                Mark(
                    printed_name=s.printed_name,
                    local_name=local or "",
                    institution=s.institution_name,
                    meaning=SIGNATURE_MEANINGS.get(s.meaning, s.meaning),
                    signed_at=s.signed_at,
                    method=s.method,
                    content_hash=s.content_hash,
                    drawing_png=s.drawing_png,
                    certificate=trust_keys.short_fingerprint(fingerprint) if fingerprint else "",
                    checked=signature_checked(session, s, uuid),
                ),
            )
            for s, local, uuid, fingerprint in rows
        ]

    def take(
        self, meaning: str, person_id: int | None = None, *, at: datetime | None = None
    ) -> Mark | None:
        """The first signature of ``meaning`` (by ``person_id``; made at the moment ``at``)."""
        for index, (pid, raw, mark) in enumerate(self.rows):
            if (
                raw == meaning
                and (person_id is None or pid == person_id)
                and (at is None or mark.signed_at == at)
            ):
                del self.rows[index]
                return mark
        return None

    def given(self, meaning: str) -> list[tuple[int, Mark]]:
        return [(pid, mark) for pid, raw, mark in self.rows if raw == meaning]


def _item_line(aliquot: Aliquot, mass_ug: int | None, measured_ug: int | None = None) -> ItemLine:
    return ItemLine(
        number=aliquot.number,
        sample=aliquot.sample.number,
        parent=aliquot.parent.number if aliquot.parent else None,
        form=aliquot.form,
        container=aliquot.container,
        seal=aliquot.seal_number,
        mass_ug=mass_ug,
        measured_ug=measured_ug,
    )


# An item line names the aliquot's sample and parent: loaded with the items in the same
# query, not one by one (500 items: 1,000 queries, 0.15 s of the agreement).
_ALIQUOT_LINE = (joinedload(Aliquot.sample), joinedload(Aliquot.parent))


def agreement_data(store: Store, loan_number: str) -> AgreementData:
    """The loan agreement: parties, items as lent and the three signatures.

    The terms it prints are the loan's signed content (``LoanContent``), the very values
    the lender's and the borrower's signatures are bound to.
    """
    with store.read() as session:
        loan = op.loan(session, loan_number)
        signed = signed_loan_content(session, loan)
        pi = loan.principal_investigator
        items = session.execute(
            select(LoanItem, Aliquot)
            .join(Aliquot, Aliquot.id == LoanItem.aliquot_id)
            .where(LoanItem.loan_id == loan.id, LoanItem.parent_item_id.is_(None))
            .order_by(Aliquot.number)
            .options(*_ALIQUOT_LINE)
        ).all()
        marks = _Marks(session, "loan", loan.id)
        approved = marks.take("approved")
        countersigned = marks.given("countersigned")
        by_pi = next((m for pid, m in countersigned if pid == pi.id), None)
        by_institution = next((m for pid, m in countersigned if pid != pi.id), None)
        return AgreementData(
            loan_number=signed.number,
            status=loan.status,
            lender=_party(loan.lender),
            borrower=_party(loan.borrower),
            principal_investigator=pi.full_name,
            principal_investigator_local=pi.local_name or "",
            principal_investigator_email=pi.email,
            co_investigators=tuple(
                line.strip() for line in signed.co_investigators.splitlines() if line.strip()
            ),
            purpose=signed.purpose,
            starts_on=signed.starts_on,
            due_on=signed.due_on,
            destructive_analysis_allowed=signed.destructive_analysis_allowed,
            notes=signed.notes,
            items=tuple(
                _item_line(aliquot, item.shipped_mass_ug or item.mass_at_loan_ug)
                for item, aliquot in items
            ),
            signatures=(
                SignatureSlot(
                    "For the Lender",
                    approved.printed_name if approved else "",
                    loan.lender.name,
                    approved,
                ),
                SignatureSlot("Principal investigator", pi.full_name, loan.borrower.name, by_pi),
                SignatureSlot(
                    "For the Borrower's institution",
                    by_institution.printed_name if by_institution else "",
                    loan.borrower.name,
                    by_institution,
                ),
            ),
            lender_fingerprint=_institution_fingerprint(session, loan.lender_institution_id),
            receivers=tuple(receivers_of(session, loan).current),
            borrower_fingerprint=_institution_fingerprint(session, loan.borrower_institution_id),
            clearance=checklist_lines(session, loan)[0],
        )


def _institution_fingerprint(session: Session, institution_id: int) -> str:
    full = keys.institution_fingerprint(session, institution_id)
    return trust_keys.short_fingerprint(full) if full else ""


def _package(session: Session, transfer: Transfer) -> tuple[tuple[ItemLine, ...], TransferContent]:
    """The package's item lines and its signed content, in three queries whatever its size."""
    rows = session.execute(
        select(TransferItem, Aliquot)
        .join(Aliquot, Aliquot.id == TransferItem.aliquot_id)
        .where(TransferItem.transfer_id == transfer.id)
        .order_by(TransferItem.id)
        .options(*_ALIQUOT_LINE)
    ).all()
    # While ``rows`` holds the aliquots, the signed content finds each item's aliquot in the
    # session (its identity map keeps only what is referenced) instead of one query per item.
    signed = signed_transfer_content(session, transfer)
    lines = tuple(
        _item_line(aliquot, item.expected_mass_ug, item.measured_mass_ug) for item, aliquot in rows
    )
    return lines, signed


def _side(role: str, person: Person | None, mark: Mark | None) -> SignatureSlot:
    return SignatureSlot(
        role,
        person.full_name if person else "",
        person.institution.name if person else "",
        mark,
    )


def _handoffs(session: Session, transfer: Transfer) -> list[Handoff]:
    """The changes of hands the program recorded, with their signatures."""
    marks = _Marks(session, "transfer", transfer.id)
    handoffs: list[Handoff] = []
    legs = list(transfer.legs)
    # the hand-overs whose seal the couriers checked (their events say so)
    seal_checked = {
        (at, courier_id)
        for at, courier_id in session.execute(
            select(CustodyEvent.occurred_at, CustodyEvent.courier_id).where(
                CustodyEvent.transfer_id == transfer.id,
                CustodyEvent.kind == EventKind.HANDED_OVER,
                CustodyEvent.seal_intact.is_(True),
            )
        )
    }
    for index, leg in enumerate(legs):
        giver = leg.handed_over_by
        first = index == 0
        handoffs.append(
            Handoff(
                title=f"Release by {transfer.from_institution.code}" if first else "Hand-over",
                transfer_number=transfer.number,
                relinquished=_side("Relinquished by", giver, marks.take("relinquished", giver.id)),
                received=_side("Received by", leg.courier, marks.take("accepted", leg.courier_id)),
                at=leg.started_at,
                seal=transfer.seal_number,
                seal_intact=True
                if first or (leg.started_at, leg.courier_id) in seal_checked
                else None,
                condition="Packed and sealed by the sender" if first else "",
            )
        )
    if transfer.received_at is not None:
        receiver = session.get(Person, transfer.received_by_id) if transfer.received_by_id else None
        last_courier = legs[-1].courier if legs else None
        arrival = session.execute(
            select(CustodyEvent.seal_number, CustodyEvent.seal_intact, CustodyEvent.note)
            .where(
                CustodyEvent.transfer_id == transfer.id,
                CustodyEvent.kind.in_((EventKind.RECEIVED, EventKind.RETURNED)),
            )
            .order_by(CustodyEvent.id)
            .limit(1)
        ).first()
        seal_seen, intact, note = arrival if arrival else (transfer.seal_number, None, "")
        weighed = [i for i in transfer.items if i.measured_mass_ug is not None]
        condition = "; ".join(
            part
            for part in (
                f"{len(weighed)} of {counted(len(transfer.items), 'item')} weighed"
                if weighed
                else "",
                note or "",
            )
            if part
        )
        handoffs.append(
            Handoff(
                title=f"Delivery to {transfer.to_institution.code}",
                transfer_number=transfer.number,
                # the courier's signature at delivery, made with the receipt (the same
                # courier's hand-overs before are other moments, never taken for it)
                relinquished=_side(
                    "Relinquished by",
                    last_courier,
                    marks.take("relinquished", last_courier.id, at=transfer.received_at)
                    if last_courier
                    else None,
                ),
                received=_side(
                    "Received by",
                    receiver,
                    marks.take("received", receiver.id if receiver else None),
                ),
                at=transfer.received_at,
                seal=seal_seen or "",
                seal_intact=intact,
                condition=condition,
            )
        )
    return handoffs


def transfer_form_data(
    store: Store, transfer_number: str, *, blank: bool = False
) -> CustodyFormData:
    """The chain-of-custody form of one package; ``blank`` leaves every handoff for ink.

    The package as printed (number, container, seal) is the transfer's signed content
    (``TransferContent``), what each handoff's signatures are bound to.
    """
    with store.read() as session:
        transfer = op.transfer(session, transfer_number)
        items, signed = _package(session, transfer)
        handoffs = () if blank else tuple(_handoffs(session, transfer))
        delivered = transfer.received_at is not None
        # Rows for the handoffs still to come, up to a journey of four courier legs.
        remaining = 0 if delivered and not blank else max(1, BLANK_HANDOFFS - len(handoffs))
        return CustodyFormData(
            subject=f"transfer {signed.number}",
            transfer_number=signed.number,
            loan_number=transfer.loan.number if transfer.loan else None,
            origin=_party(transfer.from_institution),
            destination=_party(transfer.to_institution),
            container=signed.container,
            seal=signed.seal_number,
            items=items,
            handoffs=handoffs,
            blank_handoffs=remaining,
            events=(),
        )


def aliquot_form_data(store: Store, number: str, *, blank: bool = False) -> CustodyFormData:
    """One aliquot's whole chain of custody: every handoff of every transfer and every event."""
    events = history(store, number)
    with store.read() as session:
        aliquot = op.aliquot(session, number)
        transfers = session.scalars(
            select(Transfer)
            .join(TransferItem, TransferItem.transfer_id == Transfer.id)
            .where(TransferItem.aliquot_id == aliquot.id, Transfer.released_at.is_not(None))
            .order_by(Transfer.released_at, Transfer.id)
        ).all()
        handoffs = () if blank else tuple(h for t in transfers for h in _handoffs(session, t))
        in_transit = aliquot.transfer_id is not None and aliquot.status == AliquotStatus.IN_TRANSIT
        loan = session.get(Loan, aliquot.loan_id) if aliquot.loan_id else None
        return CustodyFormData(
            subject=f"aliquot {aliquot.number}",
            transfer_number=None,
            loan_number=loan.number if loan else None,
            origin=None,
            destination=None,
            container=aliquot.container,
            seal=aliquot.seal_number,
            items=(_item_line(aliquot, aliquot.current_mass_ug),),
            handoffs=handoffs,
            blank_handoffs=BLANK_HANDOFFS if blank else (2 if in_transit else 1),
            events=tuple(
                EventLine(
                    id=e.id,
                    occurred_at=e.occurred_at,
                    label=e.label,
                    actor=e.actor,
                    holder=e.courier or e.custodian or e.institution or "",
                    mass_ug=e.mass_ug,
                    seal=e.seal_number or "",
                    note=e.note,
                )
                for e in events
            ),
        )


def manifest_data(store: Store, transfer_number: str) -> ManifestData:
    """The packing list of a package: its signed content with the parties' names."""
    with store.read() as session:
        transfer = op.transfer(session, transfer_number)
        items, signed = _package(session, transfer)
        return ManifestData(
            transfer_number=signed.number,
            kind=transfer.kind,
            status=signed.status,
            loan_number=transfer.loan.number if transfer.loan else None,
            origin=_party(transfer.from_institution),
            destination=_party(transfer.to_institution),
            sender=transfer.sender.full_name,
            receiver=transfer.receiver.full_name,
            courier=transfer.courier.full_name,
            container=signed.container,
            seal=signed.seal_number,
            notes=transfer.notes,
            prepared_at=transfer.prepared_at,
            released_at=transfer.released_at,
            items=items,
        )


def label_data(store: Store, numbers: list[str]) -> tuple[LabelData, ...]:
    """One label per aliquot number, in the order given (repeats print twice)."""
    if not numbers:
        raise ValidationError(
            _domain_queries_documents.said("Name at least one aliquot to print labels for.")
        )
    with store.read() as session:
        wanted = {normalize(n) for n in numbers}
        found = {
            a.number: a for a in session.scalars(select(Aliquot).where(Aliquot.number.in_(wanted)))
        }
        missing = [n.strip() for n in numbers if normalize(n) not in found]
        if missing:
            raise NotFoundError(
                _domain_queries_documents.said(
                    "There is no aliquot {aliquot}.", aliquot=", ".join(missing)
                )
            )
        return tuple(
            LabelData(
                number=found[normalize(n)].number,
                sample=found[normalize(n)].sample.number,
                mass_ug=found[normalize(n)].current_mass_ug,
                form=found[normalize(n)].form,
            )
            for n in numbers
        )
