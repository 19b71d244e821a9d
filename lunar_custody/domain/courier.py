"""What courier mode reads: a courier's packages, what a scanned label names, and the
check of a package against its manifest at a handoff.

Read-only: every handoff is written by the services of custody.py (release_transfer,
hand_over, confirm_receipt), which enforce who may act. These functions only decide what the
courier's screen shows, and refuse early, in plain words, what the services would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from . import operation as op
from .custody import mass_tolerance_ug, wrong_seal
from .errors import (
    AuthenticationError,
    ConflictError,
    NotFoundError,
    PermissionDenied,
    RuleViolation,
)
from .identity import MAX_FAILED_ATTEMPTS, actor_of
from .masses import format_mass
from .models import Aliquot, Person, Transfer, TransferItem, utc_now
from .numbering import normalize
from .permissions import Actor
from .states import UNDER_WAY, TransferStatus
from .store import Store
from .wording import Words, moment_text

_domain_courier = Words("_domain_courier")

# What a courier does next with a package.
COLLECT, IN_HAND = "collect", "in_hand"


@dataclass(frozen=True)
class ManifestItem:
    """One aliquot of a package as the courier checks it."""

    number: str
    expected_mass_ug: int
    form: str
    container: str
    status: str  # the aliquot's status now


@dataclass(frozen=True)
class CourierPackage:
    """A package (transfer) with everything a handoff screen shows about it."""

    number: str
    status: str
    loan_number: str | None
    from_institution: str
    to_institution: str
    sender_username: str
    sender: str
    receiver_username: str
    receiver: str
    courier_username: str
    courier: str
    container: str
    seal_number: str
    items: tuple[ManifestItem, ...]
    prepared_at: datetime
    released_at: datetime | None
    received_at: datetime | None
    received_by: str | None
    legs: int

    @property
    def stage(self) -> str:
        """COLLECT (waiting at the sender), IN_HAND (with its courier), or the status."""
        stages: dict[str, str] = {
            TransferStatus.PREPARED: COLLECT,
            TransferStatus.IN_TRANSIT: IN_HAND,
        }
        return stages.get(self.status, self.status)

    @property
    def item_numbers(self) -> tuple[str, ...]:
        return tuple(i.number for i in self.items)

    @property
    def total_mass_ug(self) -> int:
        return sum(i.expected_mass_ug for i in self.items)

    def item(self, number: str) -> ManifestItem | None:
        wanted = normalize(number)
        return next((i for i in self.items if i.number == wanted), None)


@dataclass(frozen=True)
class CourierPackages:
    """The packages assigned to a courier, in the order of the work."""

    to_collect: list[CourierPackage]
    in_hand: list[CourierPackage]


def _package(session: Session, t: Transfer) -> CourierPackage:
    items = tuple(
        ManifestItem(number, expected, form, container, status)
        for number, expected, form, container, status in session.execute(
            select(
                Aliquot.number,
                TransferItem.expected_mass_ug,
                Aliquot.form,
                Aliquot.container,
                Aliquot.status,
            )
            .join(Aliquot, Aliquot.id == TransferItem.aliquot_id)
            .where(TransferItem.transfer_id == t.id)
            .order_by(TransferItem.id)
        )
    )
    received_by = session.get(Person, t.received_by_id) if t.received_by_id else None
    return CourierPackage(
        number=t.number,
        status=t.status,
        loan_number=t.loan.number if t.loan else None,
        from_institution=t.from_institution.name,
        to_institution=t.to_institution.name,
        sender_username=t.sender.username,
        sender=t.sender.full_name,
        receiver_username=t.receiver.username,
        receiver=t.receiver.full_name,
        courier_username=t.courier.username,
        courier=t.courier.full_name,
        container=t.container,
        seal_number=t.seal_number,
        items=items,
        prepared_at=t.prepared_at,
        released_at=t.released_at,
        received_at=t.received_at,
        received_by=received_by.full_name if received_by else None,
        legs=len(t.legs),
    )


def package(store: Store, number: str) -> CourierPackage:
    """One package by its number."""
    with store.read() as session:
        return _package(session, op.transfer(session, number))


def assigned_packages(store: Store, courier: str) -> CourierPackages:
    """The packages waiting for ``courier`` at a sender, and those they carry now."""
    with store.read() as session:
        person = op.person(session, courier)
        rows = session.scalars(
            select(Transfer)
            .where(
                Transfer.courier_id == person.id,
                Transfer.status.in_(UNDER_WAY),
            )
            .order_by(Transfer.prepared_at, Transfer.number)
        ).all()
        packages = [_package(session, t) for t in rows]
    return CourierPackages(
        to_collect=[p for p in packages if p.stage == COLLECT],
        in_hand=[p for p in packages if p.stage == IN_HAND],
    )


# ---------------------------------------------------------------------- scanned labels

PACKAGE, ALIQUOT, SEAL = "package", "aliquot", "seal"


@dataclass(frozen=True)
class Label:
    """What a scanned code names: a package number, an aliquot number or a package's seal."""

    kind: str  # PACKAGE | ALIQUOT | SEAL
    number: str  # the package or aliquot number; for a seal, the package it closes


def identify(store: Store, code: str) -> Label:
    """What ``code`` is; NotFoundError in plain words when no label carries it."""
    wanted = normalize(code)
    if not wanted:
        raise NotFoundError(_domain_courier.said("Nothing was scanned."))
    with store.read() as session:
        if session.scalar(select(Transfer.id).where(Transfer.number == wanted)):
            return Label(PACKAGE, wanted)
        if session.scalar(select(Aliquot.id).where(Aliquot.number == wanted)):
            return Label(ALIQUOT, wanted)
        sealed = session.scalar(
            select(Transfer.number)
            .where(
                or_(Transfer.seal_number == code.strip(), Transfer.seal_number == wanted),
                Transfer.status.in_(UNDER_WAY),
            )
            .order_by(Transfer.id.desc())
            .limit(1)
        )
        if sealed:
            return Label(SEAL, sealed)
    raise NotFoundError(
        _domain_courier.said(
            "Wrong code: nothing is labelled '{code}'. "
            "Check the label and scan it again, or type its number.",
            code=code.strip(),
        )
    )


def package_for_code(store: Store, courier: str, code: str) -> CourierPackage:
    """The package a scanned package, seal or aliquot label belongs to, if ``courier`` is to
    collect or deliver it now; otherwise the reason why not, in words for the loading dock."""
    label = identify(store, code)
    with store.read() as session:
        me = op.person(session, courier)
        if label.kind == ALIQUOT:
            t = _transfer_of_aliquot(session, label.number)
        else:
            t = op.transfer(session, label.number)
        if t.status == TransferStatus.RECEIVED:
            received_by = session.get(Person, t.received_by_id) if t.received_by_id else None
            receiver = received_by.full_name if received_by else t.to_institution.name
            when = moment_text(t.received_at) if t.received_at else "?"
            if label.kind == ALIQUOT:
                raise ConflictError(
                    _domain_courier.said(
                        "Already received: {aliquot} (package {package}) was received by "
                        "{receiver} on {when}. It is no longer in transit.",
                        aliquot=label.number,
                        package=t.number,
                        receiver=receiver,
                        when=when,
                    )
                )
            raise ConflictError(
                _domain_courier.said(
                    "Already received: {package} was received by {receiver} on {when}. "
                    "It is no longer in transit.",
                    package=t.number,
                    receiver=receiver,
                    when=when,
                )
            )
        if t.status == TransferStatus.CANCELLED:
            raise RuleViolation(
                _domain_courier.said(
                    "Package {package} was cancelled by the sender: do not take it.",
                    package=t.number,
                )
            )
        if t.courier_id != me.id:
            raise PermissionDenied(
                _domain_courier.said(
                    "Not your package: {package} is assigned to {courier}, not to {me}. "
                    "Do not take it.",
                    package=t.number,
                    courier=t.courier.full_name,
                    me=me.full_name,
                )
            )
        return _package(session, t)


def _transfer_of_aliquot(session: Session, number: str) -> Transfer:
    """The package an aliquot travels in now, else the last one it arrived in."""
    aliquot_id = session.scalar(select(Aliquot.id).where(Aliquot.number == number))
    statement = (
        select(Transfer)
        .join(TransferItem, TransferItem.transfer_id == Transfer.id)
        .where(TransferItem.aliquot_id == aliquot_id)
        .order_by(Transfer.id.desc())
    )
    active = session.scalars(statement.where(Transfer.status.in_(UNDER_WAY)).limit(1)).first()
    if active is not None:
        return active
    last = session.scalars(
        statement.where(Transfer.status == TransferStatus.RECEIVED).limit(1)
    ).first()
    if last is not None:
        return last
    raise NotFoundError(
        _domain_courier.said(
            "Aliquot {aliquot} is not packed in any package. Ask the sender which package to take.",
            aliquot=number,
        )
    )


# ---------------------------------------------------------------------- checking a package

TICKED, AGAIN, UNEXPECTED, THIS_PACKAGE, OTHER_PACKAGE, SEAL_OK, SEAL_WRONG = (
    "ticked",
    "again",
    "unexpected",
    "this_package",
    "other_package",
    "seal_ok",
    "seal_wrong",
)


@dataclass
class ManifestCheck:
    """The courier's check of a package against its manifest, scan by scan.

    Items on the manifest tick off; anything else scanned is unexpected until it is set
    aside; the seal is compared with the one recorded on the package. ``problems`` says in
    words what still stands between the courier and the signatures.
    """

    package: CourierPackage
    items_required: bool = True  # False once the package travels sealed (courier to courier)
    ticked: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    seal_seen: str | None = None

    def scan_item(self, label: Label) -> str:
        """Record a scanned label (identified by ``identify``); the outcome constant."""
        if label.kind == PACKAGE and label.number == self.package.number:
            return THIS_PACKAGE
        if label.kind == SEAL and label.number == self.package.number:
            return self.check_seal(self.package.seal_number)
        if label.kind != ALIQUOT:  # another package's label or seal: not an item
            return OTHER_PACKAGE
        if label.kind == ALIQUOT and label.number in self.package.item_numbers:
            if label.number in self.ticked:
                return AGAIN
            self.ticked.append(label.number)
            return TICKED
        if label.number not in self.unexpected:
            self.unexpected.append(label.number)
        return UNEXPECTED

    def check_seal(self, seen: str) -> str:
        self.seal_seen = seen.strip()
        return SEAL_OK if self.seal_ok else SEAL_WRONG

    def set_aside(self) -> None:
        """The courier put the unexpected items aside: they do not travel in this package."""
        self.unexpected.clear()

    @property
    def seal_ok(self) -> bool:
        return self.seal_seen is not None and self.seal_seen == self.package.seal_number

    @property
    def missing(self) -> list[str]:
        if not self.items_required:
            return []
        return [n for n in self.package.item_numbers if n not in self.ticked]

    def problems(self) -> list[str]:
        """Why the handoff cannot be confirmed yet (empty: it can)."""
        found: list[str] = []
        if self.missing:
            count, numbers = len(self.missing), ", ".join(self.missing)
            found.append(
                _domain_courier.said(
                    "{count} item missing: {numbers}. Scan each one; a package travels only "
                    "complete.",
                    count=count,
                    numbers=numbers,
                )
                if count == 1
                else _domain_courier.said(
                    "{count} items missing: {numbers}. Scan each one; a package travels only "
                    "complete.",
                    count=count,
                    numbers=numbers,
                )
            )
        if self.unexpected:
            found.append(
                _domain_courier.said(
                    "Not on this manifest: {numbers}. "
                    "Put it aside: it must not travel in this package.",
                    numbers=", ".join(self.unexpected),
                )
            )
        if self.seal_seen is None:
            found.append(_domain_courier.said("Scan or type the seal number on the package."))
        elif self.seal_problem:
            found.append(self.seal_problem)
        return found

    @property
    def seal_problem(self) -> str | None:
        """Why the seal read stops the handoff (None: it matches, or none was read yet)."""
        why_not = wrong_seal(self.package.seal_number, self.seal_seen)
        if why_not is None:
            return None
        return _domain_courier.said(
            "{why_not} Do not take the package; call the sender.", why_not=why_not
        )


def mass_outside_tolerance(expected_ug: int, measured_ug: int) -> bool:
    """True when a weighed mass will be recorded as a discrepancy at receipt."""
    return abs(measured_ug - expected_ug) > mass_tolerance_ug(expected_ug)


def describe_mass(expected_ug: int, measured_ug: int) -> str:
    difference = measured_ug - expected_ug
    sign = "+" if difference > 0 else "-" if difference < 0 else "±"
    return f"{sign}{format_mass(abs(difference))}"


# ---------------------------------------------------------------------- signers


@dataclass(frozen=True)
class Signer:
    """A person about to sign on the courier's screen."""

    person_id: int
    username: str
    full_name: str
    institution: str
    roles: frozenset[str]
    has_pin: bool


def signer(store: Store, username: str) -> Signer:
    """Who signs under ``username``; AuthenticationError for an unknown name."""
    with store.read() as session:
        person = session.scalars(select(Person).where(Person.username == username.strip())).first()
        if person is None or not person.active:
            raise AuthenticationError(
                _domain_courier.said(
                    "There is no active user '{username}'.", username=username.strip()
                )
            )
        return Signer(
            person.id,
            person.username,
            person.full_name,
            person.institution.name,
            person.role_set,
            person.pin_hash is not None,
        )


def acting_as(store: Store, username: str) -> Actor:
    """The actor of a handoff service whose signer types their name on the courier's screen
    (the sender at pick-up, the receiver at delivery). Who they are is proved by the secret
    their signature checks inside the same transaction; the service checks what they may do."""
    with store.read() as session:
        person = session.scalars(select(Person).where(Person.username == username.strip())).first()
        if person is None:
            raise AuthenticationError(
                _domain_courier.said("There is no user '{username}'.", username=username.strip())
            )
        return actor_of(person)


def tries_left(store: Store, person_id: int) -> int:
    """Wrong secrets a person may still type before their account locks."""
    with store.read() as session:
        person = session.get(Person, person_id)
        if person is None or (person.locked_until is not None and person.locked_until > utc_now()):
            return 0
        return max(0, MAX_FAILED_ATTEMPTS - person.failed_attempts)
