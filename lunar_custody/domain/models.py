"""ORM models: the tables of DESIGN.md.

Columns marked ``info={"derived": True}`` are a cache of what the custody ledger says
(``ledger.apply_event`` is the only code that sets them); ``verify`` replays the ledger and
checks the cache against it. Audit entries skip them because the ledger already records
every change to them.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from . import clock

# schema: ready


def utc_now() -> datetime:
    """The services' clock (clock.py), so defaults and audit entries agree with the ledger."""
    return clock.now()


def new_uuid() -> str:
    return str(uuid_module.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them as naive UTC text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC time is required")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

DERIVED: dict[str, Any] = {"derived": True}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        date: Date(),
        bytes: LargeBinary(),
    }


def _uuid_column() -> Mapped[str]:
    return mapped_column(String(36), unique=True, default=new_uuid)


class Institution(Base):
    __tablename__ = "institutions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    local_name: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16))  # lender | borrower | courier
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    # "en", "zh" or "en,zh": the languages its documents print in (document_languages.py);
    # this installation's own choice, not exchanged
    document_languages: Mapped[str] = mapped_column(String(16), default="en", server_default="en")

    people: Mapped[list[Person]] = relationship(back_populates="institution")


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    institution_id: Mapped[int] = mapped_column(ForeignKey("institutions.id"), index=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    local_name: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(200), default="")
    roles: Mapped[str] = mapped_column(String(100))  # comma-separated, see states.Role
    password_hash: Mapped[str] = mapped_column(String(200))
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    institution: Mapped[Institution] = relationship(back_populates="people")

    @property
    def role_set(self) -> frozenset[str]:
        return frozenset(r for r in self.roles.split(",") if r)


class Sample(Base):
    """An original returned sample: the root of a lineage of aliquots."""

    __tablename__ = "samples"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    number: Mapped[str] = mapped_column(String(40), unique=True)
    scheme: Mapped[str] = mapped_column(String(8))  # change | nasa
    owner_institution_id: Mapped[int] = mapped_column(ForeignKey("institutions.id"))
    mission: Mapped[str] = mapped_column(String(40), default="")
    station: Mapped[str] = mapped_column(String(40), default="")
    landmark: Mapped[str] = mapped_column(String(80), default="")
    collection_container: Mapped[str] = mapped_column(String(80), default="")
    sample_type: Mapped[str] = mapped_column(String(80), default="")
    sample_subtype: Mapped[str] = mapped_column(String(80), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    # None: the collection records no mass (catalogued without a custody aliquot).
    original_mass_ug: Mapped[int | None] = mapped_column(BigInteger)
    next_split_number: Mapped[int] = mapped_column(Integer, default=1)
    registered_at: Mapped[datetime] = mapped_column(default=utc_now)
    registered_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))

    owner: Mapped[Institution] = relationship()


class Aliquot(Base):
    """A physically separate portion of a sample; ``parent_id`` builds the lineage tree."""

    __tablename__ = "aliquots"
    __table_args__ = (Index("ix_aliquots_custodian_status", "custodian_institution_id", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    number: Mapped[str] = mapped_column(String(60), unique=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("samples.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("aliquots.id"), index=True)
    form: Mapped[str] = mapped_column(String(40), default="")
    container: Mapped[str] = mapped_column(String(100), default="")
    seal_number: Mapped[str] = mapped_column(String(64), default="")
    next_child_number: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    # The ledger's current view of this aliquot (see ledger.apply_event).
    status: Mapped[str] = mapped_column(String(16), info=DERIVED)
    initial_mass_ug: Mapped[int] = mapped_column(BigInteger, info=DERIVED)
    current_mass_ug: Mapped[int] = mapped_column(BigInteger, info=DERIVED)
    children_mass_ug: Mapped[int] = mapped_column(BigInteger, default=0, info=DERIVED)
    consumed_mass_ug: Mapped[int] = mapped_column(BigInteger, default=0, info=DERIVED)
    lost_mass_ug: Mapped[int] = mapped_column(BigInteger, default=0, info=DERIVED)
    custodian_institution_id: Mapped[int | None] = mapped_column(
        ForeignKey("institutions.id"), info=DERIVED
    )
    custodian_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), info=DERIVED)
    courier_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), info=DERIVED)
    transfer_id: Mapped[int | None] = mapped_column(
        ForeignKey("transfers.id"), index=True, info=DERIVED
    )
    loan_id: Mapped[int | None] = mapped_column(ForeignKey("loans.id"), index=True, info=DERIVED)
    last_event_id: Mapped[int | None] = mapped_column(Integer, info=DERIVED)

    sample: Mapped[Sample] = relationship()
    parent: Mapped[Aliquot | None] = relationship(remote_side=[id])


class Loan(Base):
    __tablename__ = "loans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    number: Mapped[str] = mapped_column(String(32), unique=True)
    lender_institution_id: Mapped[int] = mapped_column(ForeignKey("institutions.id"))
    borrower_institution_id: Mapped[int] = mapped_column(ForeignKey("institutions.id"), index=True)
    principal_investigator_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    co_investigators: Mapped[str] = mapped_column(Text, default="")  # one name a line
    purpose: Mapped[str] = mapped_column(Text, default="")
    starts_on: Mapped[date]
    due_on: Mapped[date] = mapped_column(Date, index=True)
    destructive_analysis_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")  # funding, legal clearance
    status: Mapped[str] = mapped_column(String(16), index=True)  # see states.LoanStatus
    extension_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    approved_at: Mapped[datetime | None]
    countersigned_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]

    lender: Mapped[Institution] = relationship(foreign_keys=[lender_institution_id])
    borrower: Mapped[Institution] = relationship(foreign_keys=[borrower_institution_id])
    principal_investigator: Mapped[Person] = relationship(foreign_keys=[principal_investigator_id])
    items: Mapped[list[LoanItem]] = relationship(
        back_populates="loan", order_by="LoanItem.id", cascade="all, delete-orphan"
    )


class LoanItem(Base):
    __tablename__ = "loan_items"
    __table_args__ = (UniqueConstraint("loan_id", "aliquot_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"), index=True)
    aliquot_id: Mapped[int] = mapped_column(ForeignKey("aliquots.id"), index=True)
    # Set for a child split off a loaned aliquot at the borrower: it belongs to the loan too.
    parent_item_id: Mapped[int | None] = mapped_column(ForeignKey("loan_items.id"))
    mass_at_loan_ug: Mapped[int] = mapped_column(BigInteger)
    added_at: Mapped[datetime] = mapped_column(default=utc_now)
    # Set when the item leaves the lender and when it comes back (partial returns).
    shipped_mass_ug: Mapped[int | None] = mapped_column(BigInteger)
    shipped_at: Mapped[datetime | None]
    returned_mass_ug: Mapped[int | None] = mapped_column(BigInteger)
    returned_at: Mapped[datetime | None]

    loan: Mapped[Loan] = relationship(back_populates="items")
    aliquot: Mapped[Aliquot] = relationship()


class Transfer(Base):
    """One package travelling from a custodian to a named receiver, through couriers."""

    __tablename__ = "transfers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    number: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # outbound | return | internal
    loan_id: Mapped[int | None] = mapped_column(ForeignKey("loans.id"), index=True)
    from_institution_id: Mapped[int] = mapped_column(ForeignKey("institutions.id"))
    to_institution_id: Mapped[int] = mapped_column(ForeignKey("institutions.id"))
    sender_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    receiver_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    courier_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    container: Mapped[str] = mapped_column(String(100), default="")
    seal_number: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(16), index=True)  # see states.TransferStatus
    notes: Mapped[str] = mapped_column(Text, default="")
    prepared_at: Mapped[datetime] = mapped_column(default=utc_now)
    released_at: Mapped[datetime | None]
    received_at: Mapped[datetime | None]
    received_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))

    from_institution: Mapped[Institution] = relationship(foreign_keys=[from_institution_id])
    to_institution: Mapped[Institution] = relationship(foreign_keys=[to_institution_id])
    sender: Mapped[Person] = relationship(foreign_keys=[sender_id])
    receiver: Mapped[Person] = relationship(foreign_keys=[receiver_id])
    courier: Mapped[Person] = relationship(foreign_keys=[courier_id])
    loan: Mapped[Loan | None] = relationship()
    items: Mapped[list[TransferItem]] = relationship(
        back_populates="transfer", order_by="TransferItem.id", cascade="all, delete-orphan"
    )
    legs: Mapped[list[TransferLeg]] = relationship(
        back_populates="transfer", order_by="TransferLeg.seq", cascade="all, delete-orphan"
    )


class TransferItem(Base):
    __tablename__ = "transfer_items"
    __table_args__ = (UniqueConstraint("transfer_id", "aliquot_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    transfer_id: Mapped[int] = mapped_column(ForeignKey("transfers.id"), index=True)
    aliquot_id: Mapped[int] = mapped_column(ForeignKey("aliquots.id"), index=True)
    expected_mass_ug: Mapped[int] = mapped_column(BigInteger)
    measured_mass_ug: Mapped[int | None] = mapped_column(BigInteger)

    transfer: Mapped[Transfer] = relationship(back_populates="items")
    aliquot: Mapped[Aliquot] = relationship()


class TransferLeg(Base):
    """One courier's stretch of a journey; ``seq`` 1 starts at the sender."""

    __tablename__ = "transfer_legs"
    __table_args__ = (UniqueConstraint("transfer_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    transfer_id: Mapped[int] = mapped_column(ForeignKey("transfers.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    courier_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    handed_over_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]

    transfer: Mapped[Transfer] = relationship(back_populates="legs")
    courier: Mapped[Person] = relationship(foreign_keys=[courier_id])
    handed_over_by: Mapped[Person] = relationship(foreign_keys=[handed_over_by_id])


class Discrepancy(Base):
    """A receipt that did not match: broken seal or a mass outside the tolerance."""

    __tablename__ = "discrepancies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    transfer_id: Mapped[int] = mapped_column(ForeignKey("transfers.id"), index=True)
    aliquot_id: Mapped[int | None] = mapped_column(ForeignKey("aliquots.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # seal_broken | mass
    expected_mass_ug: Mapped[int | None] = mapped_column(BigInteger)
    measured_mass_ug: Mapped[int | None] = mapped_column(BigInteger)
    note: Mapped[str] = mapped_column(Text, default="")
    photo: Mapped[bytes | None]
    raised_at: Mapped[datetime] = mapped_column(default=utc_now)
    raised_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    resolved_at: Mapped[datetime | None] = mapped_column(index=True)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    resolution: Mapped[str | None] = mapped_column(String(24))
    resolution_note: Mapped[str] = mapped_column(Text, default="")
    resolution_event_id: Mapped[int | None] = mapped_column(ForeignKey("custody_events.id"))

    transfer: Mapped[Transfer] = relationship()
    aliquot: Mapped[Aliquot | None] = relationship()


class LedgerHead(Base):
    """The single row naming the last event and the last audit entry; locked while either is
    appended (one row, so the two chains are always locked in the same order)."""

    __tablename__ = "ledger_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
    audit_seq: Mapped[int] = mapped_column(Integer, default=0)
    audit_hash: Mapped[str] = mapped_column(String(64), default="0" * 64)


class CustodyEvent(Base):
    """One entry of the append-only, hash-chained custody ledger.

    ``id`` is the ledger sequence number, assigned contiguously by ``ledger.append``.
    The holder columns (institution_id, custodian_person_id, courier_id) say who holds the
    aliquot after the event.
    """

    __tablename__ = "custody_events"
    __table_args__ = (Index("ix_custody_events_aliquot_seq", "aliquot_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    uuid: Mapped[str] = _uuid_column()
    aliquot_id: Mapped[int] = mapped_column(ForeignKey("aliquots.id"))
    kind: Mapped[str] = mapped_column(String(24))
    occurred_at: Mapped[datetime]
    actor_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    institution_id: Mapped[int | None] = mapped_column(ForeignKey("institutions.id"))
    custodian_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    courier_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    transfer_id: Mapped[int | None] = mapped_column(ForeignKey("transfers.id"), index=True)
    loan_id: Mapped[int | None] = mapped_column(ForeignKey("loans.id"), index=True)
    mass_ug: Mapped[int | None] = mapped_column(BigInteger)
    related_aliquot_id: Mapped[int | None] = mapped_column(ForeignKey("aliquots.id"))
    corrects_event_id: Mapped[int | None] = mapped_column(ForeignKey("custody_events.id"))
    seal_number: Mapped[str | None] = mapped_column(String(64))
    seal_intact: Mapped[bool | None] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class Signature(Base):
    """A person's confirmation of a record (21 CFR Part 11: printed name, time, meaning)."""

    __tablename__ = "signatures"
    __table_args__ = (Index("ix_signatures_record", "record_type", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    printed_name: Mapped[str] = mapped_column(String(200))
    institution_name: Mapped[str] = mapped_column(String(200))
    meaning: Mapped[str] = mapped_column(String(24))
    signed_at: Mapped[datetime]
    method: Mapped[str] = mapped_column(String(16))  # password | pin
    record_type: Mapped[str] = mapped_column(String(24))  # loan | transfer | discrepancy
    record_id: Mapped[int] = mapped_column(Integer)
    record_number: Mapped[str] = mapped_column(String(60))
    content_hash: Mapped[str] = mapped_column(String(64))
    drawing_png: Mapped[bytes | None]
    # The signer's key's ECDSA signature (base64) over keys.signature_statement; for a
    # courier's PIN, the institution's key attests it. None only before the keys existed.
    certificate_id: Mapped[int | None] = mapped_column(ForeignKey("certificates.id"))
    crypto_signature: Mapped[str | None] = mapped_column(Text)


class AuditEntry(Base):
    """One change to a non-ledger record: who, when, what, old and new value.

    Hash-chained like the ledger (``chain.audit_hash``): ``id`` is assigned under the lock
    of the ledger head's row, whose ``audit_seq`` and ``audit_hash`` name the last entry.
    """

    __tablename__ = "audit_entries"
    __table_args__ = (
        Index("ix_audit_entries_record", "table_name", "record_id"),
        # an index, not a constraint: SQLite adds it without copying the guarded table
        Index("uq_audit_entries_hash", "hash", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(default=utc_now)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(8))  # create | update | delete
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Document(Base):
    """A generated PDF, recorded so ``verify-pdf`` can recognise it later."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    number: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    record_type: Mapped[str] = mapped_column(String(24))
    record_id: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(260), default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))


class Certificate(Base):
    """An X.509 certificate: this installation's institution certificate (``kind``
    institution), a partner institution's imported one (partner), or a signing person's
    (person), issued by the institution certificate.

    A person's private key is sealed under their password (trust/sealing.py); the
    institution's private key is never in the database (trust/keyring.py). A retired
    certificate signs nothing new (a password reset, a new institution key); a revoked one
    neither, and what claims to be signed by it from ``revoked_at`` on is refused.
    """

    __tablename__ = "certificates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    kind: Mapped[str] = mapped_column(String(16))  # institution | partner | person
    institution_id: Mapped[int] = mapped_column(ForeignKey("institutions.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    certificate_pem: Mapped[str] = mapped_column(Text)
    sealed_key: Mapped[str | None] = mapped_column(Text)
    valid_from: Mapped[datetime]
    valid_until: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    # a new institution key's certificate, signed by the key it replaces (base64)
    endorsement: Mapped[str | None] = mapped_column(Text)
    retired_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    revocation_reason: Mapped[str] = mapped_column(Text, default="")
    # the institution key's signature over keys.revocation_statement (base64)
    revocation_signature: Mapped[str | None] = mapped_column(Text)

    institution: Mapped[Institution] = relationship()
    person: Mapped[Person | None] = relationship()


class EventOrigin(Base):
    """Where a custody event was first recorded, when not simply here.

    An event imported from an exchange file keeps the origin installation's number, hash
    and signature (the origin institution key's ECDSA over ``exchange.events.statement``);
    an event transcribed from a paper custody form is marked so, wherever it was typed in.
    A local event that is neither has no row.
    """

    __tablename__ = "event_origins"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("custody_events.id"), unique=True)
    # the institution whose installation recorded it first (this one for a transcription)
    institution_id: Mapped[int] = mapped_column(ForeignKey("institutions.id"), index=True)
    origin_seq: Mapped[int] = mapped_column(Integer)
    origin_hash: Mapped[str] = mapped_column(String(64))
    origin_signature: Mapped[str | None] = mapped_column(Text)
    transcribed: Mapped[bool] = mapped_column(Boolean, default=False)
    # the aliquot the event names (a split's parent or child) when it is not held here
    related_uuid: Mapped[str | None] = mapped_column(String(36))
    related_number: Mapped[str | None] = mapped_column(String(60))
    exchange_file_id: Mapped[int | None] = mapped_column(ForeignKey("exchange_files.id"))

    institution: Mapped[Institution] = relationship()


class ExchangeFile(Base):
    """An exchange file sent to or received from a partner installation, kept whole.

    ``sequence`` counts the files from one installation to another, so a file imported out
    of order, or a different file under a number already imported, is refused. The heads
    are anchors: ours as we sent it, the partner's as it sent it, and the last head of the
    receiver the sender had seen.
    """

    __tablename__ = "exchange_files"
    __table_args__ = (UniqueConstraint("direction", "partner_institution_id", "sequence"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    kind: Mapped[str] = mapped_column(String(16))  # see exchange.format.KINDS
    direction: Mapped[str] = mapped_column(String(8))  # sent | received
    partner_institution_id: Mapped[int] = mapped_column(ForeignKey("institutions.id"), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    made_at: Mapped[datetime]
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    subject: Mapped[str] = mapped_column(String(200), default="")  # "loan L2026-0003"
    summary: Mapped[str] = mapped_column(Text, default="")
    sender_seq: Mapped[int] = mapped_column(Integer)
    sender_hash: Mapped[str] = mapped_column(String(64))
    sender_audit_seq: Mapped[int] = mapped_column(Integer)
    sender_audit_hash: Mapped[str] = mapped_column(String(64))
    seen_seq: Mapped[int | None] = mapped_column(Integer)
    seen_hash: Mapped[str | None] = mapped_column(String(64))
    content: Mapped[bytes]

    partner: Mapped[Institution] = relationship()


class ClearanceItem(Base):
    """One item of a loan's clearance checklist (domain/clearance.py): made from the
    clearance template when the loan is drafted, attested (with an optional file kept with
    its SHA-256) or waived by the lender's curator; the loan is approved only when none is
    pending."""

    __tablename__ = "clearance_items"
    __table_args__ = (UniqueConstraint("loan_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"), index=True)
    key: Mapped[str] = mapped_column(String(64))  # stable across template versions
    title: Mapped[str] = mapped_column(String(200))  # English, as the template said it
    template_version: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)  # the template's order
    can_expire: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16))  # pending | attested | waived
    attested_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    attested_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")
    file_name: Mapped[str | None] = mapped_column(String(255))
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    file_content: Mapped[bytes | None] = mapped_column(LargeBinary)
    expires_on: Mapped[date | None]
    waived_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    waived_at: Mapped[datetime | None]
    waiver_reason: Mapped[str | None] = mapped_column(Text)

    loan: Mapped[Loan] = relationship()
    attested_by: Mapped[Person | None] = relationship(foreign_keys=[attested_by_id])
    waived_by: Mapped[Person | None] = relationship(foreign_keys=[waived_by_id])


class LoanReceiver(Base):
    """A person of the borrowing institution authorised to receive and open the loan's
    packages (the PI, a co-official, the lab manager...). Removal is recorded on the row,
    never a delete, so who could receive on which day stays readable."""

    __tablename__ = "loan_receivers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    function: Mapped[str] = mapped_column(String(200), default="")  # "co-official"
    added_at: Mapped[datetime] = mapped_column(default=utc_now)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    removed_at: Mapped[datetime | None]
    removed_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))

    loan: Mapped[Loan] = relationship()
    person: Mapped[Person] = relationship(foreign_keys=[person_id])


class InstallationSetting(Base):
    """One setting of this installation (a key and its text value), e.g. the grace period of
    an annual inventory; read with a default by the feature that owns the key."""

    __tablename__ = "installation_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Inventory(Base):
    """An inventory of what a loan's borrower holds (domain/inventory.py): due on an
    anniversary of the loan's start (``due_on``), or taken on demand (``due_on`` None)."""

    __tablename__ = "inventories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    number: Mapped[str] = mapped_column(String(40), unique=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"), index=True)
    due_on: Mapped[date | None] = mapped_column(Date)
    started_at: Mapped[datetime] = mapped_column(default=utc_now)
    started_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    status: Mapped[str] = mapped_column(String(16), index=True)  # open | certified | cancelled
    certified_at: Mapped[datetime | None]
    certified_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    note: Mapped[str] = mapped_column(Text, default="")

    loan: Mapped[Loan] = relationship()
    started_by: Mapped[Person] = relationship(foreign_keys=[started_by_id])
    certified_by: Mapped[Person | None] = relationship(foreign_keys=[certified_by_id])
    lines: Mapped[list[InventoryLine]] = relationship(
        back_populates="inventory", order_by="InventoryLine.id", cascade="all, delete-orphan"
    )


class InventoryLine(Base):
    """One aliquot of an inventory: expected (held under the loan) or scanned unexpectedly.

    ``outcome``: pending | found | missing | unexpected. A missing aliquot is resolved by a
    loss report (``resolution`` 'lost', ``resolution_event_id`` its ``lost`` event); a found
    one is written to the ledger as an ``inventoried`` event at certification (``event_id``).
    """

    __tablename__ = "inventory_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    inventory_id: Mapped[int] = mapped_column(ForeignKey("inventories.id"), index=True)
    aliquot_id: Mapped[int | None] = mapped_column(ForeignKey("aliquots.id"), index=True)
    scanned_number: Mapped[str] = mapped_column(String(60))
    expected: Mapped[bool] = mapped_column(Boolean, default=True)
    outcome: Mapped[str] = mapped_column(String(16))
    measured_mass_ug: Mapped[int | None] = mapped_column(BigInteger)
    checked_at: Mapped[datetime | None]
    checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[str | None] = mapped_column(String(16))
    resolution_event_id: Mapped[int | None] = mapped_column(ForeignKey("custody_events.id"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("custody_events.id"))

    inventory: Mapped[Inventory] = relationship(back_populates="lines")
    aliquot: Mapped[Aliquot | None] = relationship()


class Deliverable(Base):
    """Something a loan owes the lender besides custody (domain/deliverables.py): a
    publication, a data report, the return of unused material, the return accounting (NASA
    form F-75). Open until delivered (who, when, a reference and an optional file's SHA-256)
    or waived by a curator with a reason."""

    __tablename__ = "deliverables"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"), index=True)
    # publication | data_report | return_of_material | return_accounting | other
    kind: Mapped[str] = mapped_column(String(24))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date] = mapped_column(Date, index=True)
    # the template that owed it ("deliverables-v1"), "" when a curator added it by hand
    template: Mapped[str] = mapped_column(String(40), default="")
    delivered_at: Mapped[datetime | None]
    delivered_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    reference: Mapped[str] = mapped_column(Text, default="")  # a DOI, a file name...
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    waived_at: Mapped[datetime | None]
    waived_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    waiver_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))

    loan: Mapped[Loan] = relationship()
    delivered_by: Mapped[Person | None] = relationship(foreign_keys=[delivered_by_id])
    waived_by: Mapped[Person | None] = relationship(foreign_keys=[waived_by_id])
