"""Transfers (packages) and the discrepancies found on receipt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import operation as op
from ..custody import transfer_content as signed_transfer_content
from ..errors import NotFoundError
from ..models import Aliquot, Discrepancy, Person, Transfer, TransferItem
from ..receivers import authorised_for_transfer
from ..signed_content import TransferContent
from ..store import Store
from ..wording import Words
from .records import SignatureRow, signatures

_domain_queries_shipping = Words("_domain_queries_shipping")


@dataclass(frozen=True, slots=True)
class TransferSummary:
    number: str
    kind: str
    status: str
    loan_number: str | None
    from_institution: str
    to_institution: str
    receiver: str
    courier: str
    seal_number: str
    items: int
    prepared_at: datetime
    released_at: datetime | None
    received_at: datetime | None
    legs: int


def transfers(
    store: Store, *, status: str | None = None, courier: str | None = None
) -> list[TransferSummary]:
    with store.read() as session:
        statement = select(Transfer).order_by(Transfer.number)
        if status:
            statement = statement.where(Transfer.status == status)
        if courier:
            statement = statement.join(Person, Person.id == Transfer.courier_id).where(
                Person.username == courier
            )
        return [
            TransferSummary(
                number=t.number,
                kind=t.kind,
                status=t.status,
                loan_number=t.loan.number if t.loan else None,
                from_institution=t.from_institution.name,
                to_institution=t.to_institution.name,
                receiver=t.receiver.full_name,
                courier=t.courier.full_name,
                seal_number=t.seal_number,
                items=len(t.items),
                prepared_at=t.prepared_at,
                released_at=t.released_at,
                received_at=t.received_at,
                legs=len(t.legs),
            )
            for t in session.scalars(statement)
        ]


@dataclass(frozen=True, slots=True)
class DiscrepancyRow:
    id: int
    transfer_number: str
    aliquot_number: str | None
    kind: str
    expected_mass_ug: int | None
    measured_mass_ug: int | None
    note: str
    raised_at: datetime
    resolved: bool
    resolution: str | None


def discrepancies(store: Store, *, open_only: bool = True) -> list[DiscrepancyRow]:
    with store.read() as session:
        statement = select(Discrepancy).order_by(Discrepancy.id)
        if open_only:
            statement = statement.where(Discrepancy.resolved_at.is_(None))
        return [
            DiscrepancyRow(
                id=d.id,
                transfer_number=d.transfer.number,
                aliquot_number=d.aliquot.number if d.aliquot else None,
                kind=d.kind,
                expected_mass_ug=d.expected_mass_ug,
                measured_mass_ug=d.measured_mass_ug,
                note=d.note,
                raised_at=d.raised_at,
                resolved=d.resolved_at is not None,
                resolution=d.resolution,
            )
            for d in session.scalars(statement)
        ]


@dataclass(frozen=True, slots=True)
class TransferItemRow:
    aliquot_number: str
    expected_mass_ug: int
    measured_mass_ug: int | None
    status: str  # the aliquot's status now


@dataclass(frozen=True, slots=True)
class LegRow:
    seq: int
    courier: str
    handed_over_by: str
    started_at: datetime
    ended_at: datetime | None


@dataclass(frozen=True, slots=True)
class DiscrepancyDetail:
    id: int
    transfer_number: str
    aliquot_number: str | None
    kind: str
    expected_mass_ug: int | None
    measured_mass_ug: int | None
    note: str
    raised_at: datetime
    raised_by: str
    resolved_at: datetime | None
    resolved_by: str | None
    resolution: str | None
    resolution_note: str
    lender_code: str  # the institution whose curators resolve it
    has_photo: bool


@dataclass(frozen=True, slots=True)
class TransferDetail:
    number: str
    kind: str
    status: str
    loan_number: str | None
    from_code: str
    from_institution: str
    to_code: str
    to_institution: str
    sender: str
    receiver: str
    receiver_username: str
    courier: str
    courier_username: str
    container: str
    seal_number: str
    notes: str
    prepared_at: datetime
    released_at: datetime | None
    received_at: datetime | None
    received_by: str | None
    items: list[TransferItemRow]
    legs: list[LegRow]
    signatures: list[SignatureRow]
    discrepancies: list[DiscrepancyDetail]
    # (username, full name) of whoever may receive it as an authorised receiver of its loan
    # (domain/receivers.py); empty: the named receiver alone
    authorised_receivers: tuple[tuple[str, str], ...] = ()


def _discrepancy_detail(session: Session, found: Discrepancy) -> DiscrepancyDetail:
    def name(person_id: int | None) -> str | None:
        person = session.get(Person, person_id) if person_id is not None else None
        return person.full_name if person else None

    transfer = found.transfer
    lender = transfer.loan.lender if transfer.loan else transfer.from_institution
    return DiscrepancyDetail(
        id=found.id,
        transfer_number=transfer.number,
        aliquot_number=found.aliquot.number if found.aliquot else None,
        kind=found.kind,
        expected_mass_ug=found.expected_mass_ug,
        measured_mass_ug=found.measured_mass_ug,
        note=found.note,
        raised_at=found.raised_at,
        raised_by=name(found.raised_by_id) or "",
        resolved_at=found.resolved_at,
        resolved_by=name(found.resolved_by_id),
        resolution=found.resolution,
        resolution_note=found.resolution_note,
        lender_code=lender.code,
        has_photo=found.photo is not None,
    )


def transfer_detail(store: Store, number: str) -> TransferDetail:
    """One package: its items and masses, the couriers' legs, signatures, discrepancies."""
    with store.read() as session:
        t = op.transfer(session, number)
        items = [
            TransferItemRow(aliquot, expected, measured, status)
            for aliquot, expected, measured, status in session.execute(
                select(
                    Aliquot.number,
                    TransferItem.expected_mass_ug,
                    TransferItem.measured_mass_ug,
                    Aliquot.status,
                )
                .join(Aliquot, Aliquot.id == TransferItem.aliquot_id)
                .where(TransferItem.transfer_id == t.id)
                .order_by(TransferItem.id)
            )
        ]
        legs = [
            LegRow(
                leg.seq,
                leg.courier.full_name,
                leg.handed_over_by.full_name,
                leg.started_at,
                leg.ended_at,
            )
            for leg in t.legs
        ]
        found = session.scalars(
            select(Discrepancy).where(Discrepancy.transfer_id == t.id).order_by(Discrepancy.id)
        ).all()
        received_by = session.get(Person, t.received_by_id) if t.received_by_id else None
        return TransferDetail(
            number=t.number,
            kind=t.kind,
            status=t.status,
            loan_number=t.loan.number if t.loan else None,
            from_code=t.from_institution.code,
            from_institution=t.from_institution.name,
            to_code=t.to_institution.code,
            to_institution=t.to_institution.name,
            sender=t.sender.full_name,
            receiver=t.receiver.full_name,
            receiver_username=t.receiver.username,
            courier=t.courier.full_name,
            courier_username=t.courier.username,
            container=t.container,
            seal_number=t.seal_number,
            notes=t.notes,
            prepared_at=t.prepared_at,
            released_at=t.released_at,
            received_at=t.received_at,
            received_by=received_by.full_name if received_by else None,
            items=items,
            legs=legs,
            signatures=signatures(session, "transfer", t.id),
            discrepancies=[_discrepancy_detail(session, d) for d in found],
            authorised_receivers=authorised_for_transfer(session, t),
        )


def discrepancy_detail(store: Store, discrepancy_id: int) -> DiscrepancyDetail:
    with store.read() as session:
        found = session.get(Discrepancy, discrepancy_id)
        if found is None:
            raise NotFoundError(
                _domain_queries_shipping.said("There is no discrepancy #{id}.", id=discrepancy_id)
            )
        return _discrepancy_detail(session, found)


def discrepancy_photo(store: Store, discrepancy_id: int) -> bytes | None:
    """The photo taken at receipt (loaded only when someone looks at it)."""
    with store.read() as session:
        return session.scalar(select(Discrepancy.photo).where(Discrepancy.id == discrepancy_id))


def transfer_content(store: Store, number: str) -> TransferContent:
    """The transfer's signed content as it stands now: the package and who holds it."""
    with store.read() as session:
        return signed_transfer_content(session, op.transfer(session, number))
