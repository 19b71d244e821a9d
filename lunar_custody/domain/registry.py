"""Institutions, people, samples and aliquots: registration and what happens in storage
(split, consumption, loss, corrections).

Over 600 lines: its services are called as ``registry.<name>`` by the CLI, the GUI and the
importer; splitting it means a facade that re-exports them all, left for the move of the
CLI and GUI into packages.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import keys, rules
from . import operation as op
from .errors import (
    CustodyError,
    DuplicateError,
    NotFoundError,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from .identity import actor_of, hash_password, hash_pin
from .installation import split_code
from .ledger import Ledger
from .masses import check_mass, format_mass
from .models import Aliquot, CustodyEvent, Institution, Loan, LoanItem, Person, Sample
from .numbering import (
    NASA,
    aliquot_sample_number,
    child_number,
    nasa_split,
    normalize,
    sample_scheme,
)
from .operation import Context, operation
from .permissions import Actor, parse_roles
from .states import EventKind, InstitutionKind, Role
from .store import Store
from .wording import Said, Words

_domain_registry = Words("_domain_registry")

INSTITUTION_KINDS = tuple(kind.value for kind in InstitutionKind)
MAX_TEXT = 10_000


def clean_text(value: str, what: str, *, required: bool = False, limit: int = 200) -> str:
    """Trim; refuse control characters, over-long and (if required) empty text. ``what``
    names the field; given as a ``Said`` (``_domain_loans.said("purpose")``) it is
    translated inside the refusal too."""
    text = value.strip()
    if required and not text:
        raise ValidationError(_domain_registry.said("The {what} is required.", what=what))
    if len(text) > limit:
        raise ValidationError(
            _domain_registry.said(
                "The {what} is longer than {limit} characters.", what=what, limit=limit
            )
        )
    if any(ord(c) < 32 and c not in "\n\t" for c in text) or "\x7f" in text:
        raise ValidationError(
            _domain_registry.said("The {what} contains control characters.", what=what)
        )
    return text


# Each field's own check, which the services run and a form asks as the person types.


def clean_reason(reason: str, what: str = _domain_registry.said("reason")) -> str:
    """The reason for a change of state (a cancellation, an extension): required."""
    return clean_text(reason, what, required=True, limit=MAX_TEXT)


def clean_institution_code(code: str) -> str:
    return clean_text(
        code, _domain_registry.said("institution code"), required=True, limit=32
    ).upper()


def clean_institution_name(name: str) -> str:
    return clean_text(name, _domain_registry.said("institution name"), required=True)


def clean_local_name(name: str) -> str:
    """A name in its own script (optional)."""
    return clean_text(name, _domain_registry.said("local-script name"))


def clean_country(country: str) -> str:
    return clean_text(country, _domain_registry.said("country"), limit=100)


def clean_address(address: str) -> str:
    return clean_text(address, _domain_registry.said("address"), limit=1000)


# an institution's editable fields, each with its check (update_institution)
INSTITUTION_FIELD_CHECKS: dict[str, Callable[[str], str]] = {
    "name": clean_institution_name,
    "local_name": clean_local_name,
    "country": clean_country,
    "address": clean_address,
}


def clean_username(username: str) -> str:
    username = clean_text(username, _domain_registry.said("user name"), required=True, limit=64)
    if any(c.isspace() for c in username):
        raise ValidationError(_domain_registry.said("A user name has no spaces."))
    return username


def clean_full_name(name: str) -> str:
    return clean_text(name, _domain_registry.said("full name"), required=True)


# ---------------------------------------------------------------- institutions and people


def bootstrap(
    store: Store,
    *,
    lender_code: str,
    lender_name: str,
    admin_username: str,
    admin_full_name: str,
    admin_password: str,
    lender_local_name: str = "",
    country: str = "",
    address: str = "",
    kind: str = InstitutionKind.LENDER,
) -> Actor:
    """First run: create this installation's home institution (a lender unless ``kind``
    says it is a borrower's or a courier firm's installation) and its first administrator.

    Refused once anybody exists, so it cannot be used to take over a database.
    """
    with store.write() as session:
        if session.scalar(select(func.count()).select_from(Person)):
            raise RuleViolation(
                _domain_registry.said("This database already has users; sign in instead.")
            )
        if kind not in INSTITUTION_KINDS:
            raise ValidationError(
                _domain_registry.said(
                    "An institution is one of: {kinds}.", kinds=", ".join(INSTITUTION_KINDS)
                )
            )
        lender = _new_institution(
            session,
            lender_code,
            lender_name,
            InstitutionKind(kind),
            lender_local_name,
            country,
            address,
        )
        admin = _new_person(
            session, lender, admin_username, admin_full_name, Role.ADMIN, admin_password, None, ""
        )
        session.flush()
        keys.create_institution_key_in(session, lender)
        return actor_of(admin)


def create_institution(
    store: Store,
    actor: Actor,
    *,
    code: str,
    name: str,
    kind: str,
    local_name: str = "",
    country: str = "",
    address: str = "",
) -> Institution:
    with operation(store, actor, "manage_institutions") as ctx:
        row = _new_institution(ctx.session, code, name, kind, local_name, country, address)
        ctx.session.flush()
        return row


def _new_institution(
    session: Session, code: str, name: str, kind: str, local_name: str, country: str, address: str
) -> Institution:
    code = clean_institution_code(code)
    if kind not in INSTITUTION_KINDS:
        raise ValidationError(
            _domain_registry.said(
                "An institution is a {kinds}.", kinds=", ".join(INSTITUTION_KINDS)
            )
        )
    if session.scalars(select(Institution).where(Institution.code == code)).first():
        raise DuplicateError(
            _domain_registry.said("An institution with the code {code} exists already.", code=code)
        )
    row = Institution(
        code=code,
        name=clean_institution_name(name),
        kind=kind,
        local_name=clean_local_name(local_name) or None,
        country=clean_country(country),
        address=clean_address(address),
    )
    session.add(row)
    return row


def update_institution(store: Store, actor: Actor, code: str, **changes: str | bool) -> Institution:
    """Change name, local_name, country, address or active."""
    with operation(store, actor, "manage_institutions") as ctx:
        row = op.institution(ctx.session, code)
        for key, value in changes.items():
            if key == "active":
                row.active = bool(value)
            elif key in INSTITUTION_FIELD_CHECKS:
                text = INSTITUTION_FIELD_CHECKS[key](str(value))
                setattr(row, key, text or (None if key == "local_name" else ""))
            else:
                raise ValidationError(
                    _domain_registry.said("An institution has no field '{field}'.", field=key)
                )
        return row


def create_person(
    store: Store,
    actor: Actor,
    *,
    username: str,
    full_name: str,
    institution_code: str,
    roles: str | list[str],
    password: str | None,
    pin: str | None = None,
    email: str = "",
    local_name: str = "",
) -> Person:
    """A new person. Only a courier may come without a password, given a PIN: they sign in
    to courier mode and sign handoffs with it (an administrator can set a password later)."""
    with operation(store, actor, "manage_people") as ctx:
        inst = op.institution(ctx.session, institution_code)
        row = _new_person(ctx.session, inst, username, full_name, roles, password, pin, email)
        row.local_name = clean_local_name(local_name) or None
        ctx.session.flush()
        return row


def _new_person(
    session: Session,
    inst: Institution,
    username: str,
    full_name: str,
    roles: str | list[str],
    password: str | None,
    pin: str | None,
    email: str,
) -> Person:
    username = clean_username(username)
    if session.scalars(select(Person).where(Person.username == username)).first():
        raise DuplicateError(
            _domain_registry.said("The user name '{username}' is taken.", username=username)
        )
    stored_roles = parse_roles(roles)
    if password is None and not (pin and stored_roles == Role.COURIER):
        raise ValidationError(
            _domain_registry.said(
                "A password is needed: only a courier (and nothing else) may have just a PIN."
            )
        )
    row = Person(
        institution=inst,
        username=username,
        full_name=clean_full_name(full_name),
        roles=stored_roles,
        password_hash=hash_password(password if password is not None else _unknown_password()),
        pin_hash=hash_pin(pin) if pin else None,
        email=clean_text(email, _domain_registry.said("e-mail address")),
    )
    session.add(row)
    return row


def _unknown_password() -> str:
    """The password of a courier made with a PIN only: random and never shown, so that the
    password way in stays shut (the column holds a hash like any other)."""
    return secrets.token_urlsafe(32)


def update_person(store: Store, actor: Actor, username: str, **changes: object) -> Person:
    """Change full_name, local_name, email, roles, active, reset password / pin, or
    ``unlock=True`` a locked account (admin only). The audit hook records each change."""
    with operation(store, actor, "manage_people") as ctx:
        row = op.person(ctx.session, username)
        for key, value in changes.items():
            if key == "full_name":
                row.full_name = clean_full_name(str(value))
            elif key == "local_name":
                row.local_name = clean_local_name(str(value)) or None
            elif key == "email":
                row.email = clean_text(str(value), _domain_registry.said("e-mail address"))
            elif key == "roles":
                # changes are keywords of any type; roles come as a string or a list of them
                row.roles = parse_roles(value)  # type: ignore[arg-type]
            elif key == "active":
                if not value:
                    _refuse(RuleViolation, rules.why_not_deactivate(actor, row.username))
                row.active = bool(value)
            elif key == "password":
                row.password_hash = hash_password(str(value))
                row.failed_attempts, row.locked_until = 0, None
                keys.retire_person_keys(ctx.session, row)
            elif key == "pin":
                row.pin_hash = hash_pin(str(value)) if value else None
                row.failed_attempts, row.locked_until = 0, None
            elif key == "unlock":
                if value:
                    row.failed_attempts, row.locked_until = 0, None
            else:
                raise ValidationError(
                    _domain_registry.said("A person has no field '{field}'.", field=key)
                )
        _keep_an_administrator(ctx.session, row)
        return row


def _keep_an_administrator(session: Session, changed: Person) -> None:
    """Nobody could then create accounts or reset a forgotten password: refuse the change
    that leaves no active administrator (removing the role, or deactivating)."""
    if changed.active and Role.ADMIN in changed.role_set:
        return
    session.flush()
    others = session.scalars(
        select(Person.roles).where(Person.active.is_(True), Person.id != changed.id)
    )
    if not any(Role.ADMIN in roles.split(",") for roles in others):
        raise RuleViolation(
            _domain_registry.said(
                "{name} is the last active administrator: make someone else an "
                "administrator first.",
                name=changed.full_name,
            )
        )


# ---------------------------------------------------------------- samples and aliquots


@dataclass
class NewAliquot:
    number: str
    mass_ug: int
    form: str = ""
    container: str = ""
    seal_number: str = ""


@dataclass
class NewSample:
    number: str
    original_mass_ug: int | None
    mission: str = ""
    station: str = ""
    landmark: str = ""
    collection_container: str = ""
    sample_type: str = ""
    sample_subtype: str = ""
    description: str = ""
    aliquots: list[NewAliquot] = field(default_factory=list)


def register_sample(store: Store, actor: Actor, sample: NewSample) -> Sample:
    """Register a sample and its first aliquots at the actor's (lending) institution."""
    with operation(store, actor, "register_sample") as ctx:
        return register_sample_in(ctx, sample)


def register_sample_in(ctx: Context, new: NewSample) -> Sample:
    """The body of register_sample, for callers inside an operation."""
    return register_samples_in(ctx, [new])[0]


def register_samples_in(ctx: Context, batch: Sequence[NewSample]) -> list[Sample]:
    """Register many samples with their aliquots in the caller's transaction.

    Checked one by one, written together: a few flushes for the whole batch instead of a
    few per sample, which is what makes importing a catalogue of a thousand samples quick.
    """
    if ctx.institution.kind != InstitutionKind.LENDER:
        raise PermissionDenied(
            _domain_registry.said("Samples are registered by the lending curation facility.")
        )
    session = ctx.session
    numbers = [normalize(new.number) for new in batch]
    aliquot_numbers = [normalize(item.number) for new in batch for item in new.aliquots]
    taken = set(session.scalars(select(Sample.number).where(Sample.number.in_(numbers))))
    taken_aliquots = set(
        session.scalars(select(Aliquot.number).where(Aliquot.number.in_(aliquot_numbers)))
    )
    samples: list[Sample] = []
    for number, new in zip(numbers, batch, strict=True):
        if number in taken:
            raise DuplicateError(
                _domain_registry.said("Sample {number} is registered already.", number=number)
            )
        taken.add(number)
        samples.append(_new_sample(ctx, number, new))
    session.add_all(samples)
    session.flush()
    rows: list[tuple[Aliquot, int]] = []
    for sample, new in zip(samples, batch, strict=True):
        total = 0
        for item in new.aliquots:
            row = _new_aliquot(ctx, sample, item)
            if row.number in taken_aliquots:
                raise DuplicateError(
                    _domain_registry.said(
                        "Aliquot {number} is registered already.", number=row.number
                    )
                )
            taken_aliquots.add(row.number)
            rows.append((row, item.mass_ug))
            total += item.mass_ug
        if new.original_mass_ug is not None and total > new.original_mass_ug:
            raise RuleViolation(
                _domain_registry.said(
                    "The aliquots of {sample} add up to {total}, more than the sample's "
                    "{original}.",
                    sample=sample.number,
                    total=format_mass(total),
                    original=format_mass(new.original_mass_ug),
                )
            )
    session.add_all(row for row, _ in rows)
    session.flush()
    ledger = Ledger(session)
    for row, mass_ug in rows:
        _append_registered(ctx, ledger, row, mass_ug)
    return samples


def _new_sample(ctx: Context, number: str, new: NewSample) -> Sample:
    scheme = sample_scheme(number)
    if new.original_mass_ug is not None:
        # 0 is allowed: catalogues list samples weighed as 0 g (catalogued without aliquots).
        check_mass(
            new.original_mass_ug,
            what=_domain_registry.said("original mass of {number}", number=number),
            allow_zero=True,
        )
    return Sample(
        number=number,
        scheme=scheme,
        owner_institution_id=ctx.person.institution_id,
        mission=clean_text(new.mission, _domain_registry.said("mission"), limit=40),
        station=clean_text(new.station, _domain_registry.said("station"), limit=40),
        landmark=clean_text(new.landmark, _domain_registry.said("landmark"), limit=80),
        collection_container=clean_text(
            new.collection_container, _domain_registry.said("container"), limit=80
        ),
        sample_type=clean_text(new.sample_type, _domain_registry.said("sample type"), limit=80),
        sample_subtype=clean_text(
            new.sample_subtype, _domain_registry.said("sample subtype"), limit=80
        ),
        description=clean_text(
            new.description, _domain_registry.said("description"), limit=MAX_TEXT
        ),
        original_mass_ug=new.original_mass_ug,
        registered_at=ctx.now,
        registered_by_id=ctx.person.id,
    )


def register_aliquot(store: Store, actor: Actor, sample_number: str, item: NewAliquot) -> Aliquot:
    """Register one more aliquot of a registered sample (still held by the lender)."""
    with operation(store, actor, "register_sample") as ctx:
        sample = ctx.session.scalars(
            select(Sample).where(Sample.number == normalize(sample_number))
        ).first()
        if sample is None:
            raise NotFoundError(
                _domain_registry.said(
                    "There is no sample '{number}'.", number=sample_number.strip()
                )
            )
        if sample.owner_institution_id != ctx.person.institution_id:
            raise PermissionDenied(
                _domain_registry.said(
                    "Sample {number} belongs to another institution.", number=sample.number
                )
            )
        registered = int(
            ctx.session.scalar(
                select(func.coalesce(func.sum(Aliquot.initial_mass_ug), 0)).where(
                    Aliquot.sample_id == sample.id, Aliquot.parent_id.is_(None)
                )
            )
            or 0
        )
        if (
            sample.original_mass_ug is not None
            and registered + item.mass_ug > sample.original_mass_ug
        ):
            raise RuleViolation(
                _domain_registry.said(
                    "Sample {number} has {original}; {registered} is already registered in "
                    "aliquots.",
                    number=sample.number,
                    original=format_mass(sample.original_mass_ug),
                    registered=format_mass(registered),
                )
            )
        return _register_aliquot(ctx, sample, item)


def _register_aliquot(ctx: Context, sample: Sample, item: NewAliquot) -> Aliquot:
    row = _new_aliquot(ctx, sample, item)
    if ctx.session.scalars(select(Aliquot.id).where(Aliquot.number == row.number)).first():
        raise DuplicateError(
            _domain_registry.said("Aliquot {number} is registered already.", number=row.number)
        )
    ctx.session.add(row)
    ctx.session.flush()
    _append_registered(ctx, Ledger(ctx.session), row, item.mass_ug)
    return row


def _new_aliquot(ctx: Context, sample: Sample, item: NewAliquot) -> Aliquot:
    """A checked, unsaved aliquot of ``sample`` (its masses come from its first event)."""
    number = normalize(item.number)
    if aliquot_sample_number(number) != sample.number:
        raise ValidationError(
            _domain_registry.said(
                "Aliquot {number} does not belong to sample {sample}.",
                number=number,
                sample=sample.number,
            )
        )
    check_mass(item.mass_ug, what=_domain_registry.said("mass of {number}", number=number))
    if sample.scheme == NASA:
        sample.next_split_number = max(sample.next_split_number, nasa_split(number) + 1)
    return Aliquot(
        number=number,
        sample_id=sample.id,
        form=clean_text(item.form, _domain_registry.said("form"), limit=40),
        container=clean_text(item.container, _domain_registry.said("container"), limit=100),
        seal_number=clean_text(item.seal_number, _domain_registry.said("seal number"), limit=64),
        created_at=ctx.now,
        status="",
        initial_mass_ug=0,
        current_mass_ug=0,
    )


def _append_registered(ctx: Context, ledger: Ledger, row: Aliquot, mass_ug: int) -> None:
    ledger.append(
        row,
        EventKind.REGISTERED,
        actor_id=ctx.person.id,
        occurred_at=ctx.now,
        institution_id=ctx.person.institution_id,
        custodian_person_id=ctx.person.id,
        mass_ug=mass_ug,
    )


# what a split needs one of per child (_per_child), naming it in the refusal
CONTAINER, SEAL_NUMBER = "container", "seal number"


def _per_child(given: str | Sequence[str], children: int, what: str) -> list[str]:
    """One ``what`` (CONTAINER, SEAL_NUMBER) for each of ``children``: the one given for all,
    or one each, in order."""
    if isinstance(given, str):
        return [given] * children
    values = list(given)
    if len(values) <= 1:
        return (values or [""]) * children
    if len(values) != children:
        raise ValidationError(_not_one_per_child(what, children, len(values)))
    return values


def _not_one_per_child(what: str, children: int, given: int) -> Said:
    """The refusal of ``given`` containers or seal numbers for ``children`` children: one
    whole sentence for each noun and number, so that a translation has it whole."""
    count, got = f"{children:,}", f"{given:,}"
    if what == CONTAINER and children == 1:
        return _domain_registry.said(
            "Give one container for all the children, or one for each child in the order of "
            "their masses: {count} container, not {given}.",
            count=count,
            given=got,
        )
    if what == CONTAINER:
        return _domain_registry.said(
            "Give one container for all the children, or one for each child in the order of "
            "their masses: {count} containers, not {given}.",
            count=count,
            given=got,
        )
    if children == 1:
        return _domain_registry.said(
            "Give one seal number for all the children, or one for each child in the order "
            "of their masses: {count} seal number, not {given}.",
            count=count,
            given=got,
        )
    return _domain_registry.said(
        "Give one seal number for all the children, or one for each child in the order of "
        "their masses: {count} seal numbers, not {given}.",
        count=count,
        given=got,
    )


def split_aliquot(
    store: Store,
    actor: Actor,
    number: str,
    masses_ug: list[int],
    *,
    form: str = "",
    container: str | Sequence[str] = "",
    seal_number: str | Sequence[str] = "",
    note: str = "",
) -> list[Aliquot]:
    """Split children of the given masses off an aliquot in storage; returns the children.

    ``container`` and ``seal_number``: the vessel each child goes into and the seal on it,
    one for every child or a list of one per child, in the order of ``masses_ug``."""
    with operation(store, actor, "split") as ctx:
        parent = op.aliquot(ctx.session, number, lock=True)
        op.require_side(
            ctx,
            parent.custodian_institution_id,
            _domain_registry.said("Aliquot {number}", number=parent.number),
        )
        _refuse(RuleViolation, rules.not_in_storage(_facts(ctx.session, parent), "split"))
        if not masses_ug:
            raise ValidationError(
                _domain_registry.said("Give the mass of at least one child aliquot.")
            )
        for mass in masses_ug:
            check_mass(mass, what=_domain_registry.said("mass of a child aliquot"))
        containers = [
            clean_text(text, _domain_registry.said("container"), limit=100)
            for text in _per_child(container, len(masses_ug), CONTAINER)
        ]
        seals = [
            clean_text(text, _domain_registry.said("seal number"), limit=64)
            for text in _per_child(seal_number, len(masses_ug), SEAL_NUMBER)
        ]
        if sum(masses_ug) > parent.current_mass_ug:
            raise RuleViolation(
                _domain_registry.said(
                    "Aliquot {number} holds {held}; the children would take {wanted}.",
                    number=parent.number,
                    held=format_mass(parent.current_mass_ug),
                    wanted=format_mass(sum(masses_ug)),
                )
            )
        session = ctx.session
        # Locked and re-read: NASA numbers every split of a sample from the sample's counter,
        # so two workstations splitting different aliquots of it must take turns.
        sample = session.get(Sample, parent.sample_id, with_for_update=True, populate_existing=True)
        assert sample is not None
        ledger = Ledger(session)
        parent_item = _open_loan_item(session, parent)
        code = split_code(session, sample.owner_institution_id)
        children = []
        for mass, child_container, child_seal in zip(masses_ug, containers, seals, strict=True):
            child_no = child_number(
                sample.scheme,
                parent.number,
                next_child=parent.next_child_number,
                next_split=sample.next_split_number,
                code=code,
            )
            if len(child_no) > Aliquot.number.type.length:
                raise ValidationError(
                    _domain_registry.said(
                        "Aliquot {number} cannot be split further: the child number {child} "
                        "would be longer than {limit} characters.",
                        number=parent.number,
                        child=child_no,
                        limit=Aliquot.number.type.length,
                    )
                )
            parent.next_child_number += 1
            sample.next_split_number += 1
            if session.scalars(select(Aliquot.id).where(Aliquot.number == child_no)).first():
                raise DuplicateError(
                    _domain_registry.said("Aliquot {number} exists already.", number=child_no)
                )
            child = Aliquot(
                number=child_no,
                sample_id=sample.id,
                parent_id=parent.id,
                form=clean_text(form, _domain_registry.said("form"), limit=40) or parent.form,
                container=child_container,
                seal_number=child_seal,
                created_at=ctx.now,
                status="",
                initial_mass_ug=0,
                current_mass_ug=0,
            )
            session.add(child)
            session.flush()
            holder: dict[str, Any] = {
                "actor_id": ctx.person.id,
                "occurred_at": ctx.now,
                "institution_id": parent.custodian_institution_id,
                "custodian_person_id": ctx.person.id,
                "loan_id": parent.loan_id,
                "note": clean_text(note, _domain_registry.said("note"), limit=MAX_TEXT),
            }
            ledger.append(
                parent, EventKind.SPLIT, mass_ug=mass, related_aliquot_id=child.id, **holder
            )
            ledger.append(
                child, EventKind.DERIVED, mass_ug=mass, related_aliquot_id=parent.id, **holder
            )
            if parent_item is not None:
                session.add(
                    LoanItem(
                        loan_id=parent_item.loan_id,
                        aliquot_id=child.id,
                        parent_item_id=parent_item.id,
                        mass_at_loan_ug=mass,
                        added_at=ctx.now,
                    )
                )
            children.append(child)
        return children


def _open_loan_item(session: Session, row: Aliquot) -> LoanItem | None:
    if row.loan_id is None:
        return None
    return session.scalars(
        select(LoanItem).where(LoanItem.loan_id == row.loan_id, LoanItem.aliquot_id == row.id)
    ).first()


def _facts(session: Session, row: Aliquot) -> rules.AliquotFacts:
    """The aliquot as the rules read it (rules.py words the refusals the windows show)."""
    custodian = (
        session.get(Institution, row.custodian_institution_id)
        if row.custodian_institution_id is not None
        else None
    )
    loan = session.get(Loan, row.loan_id) if row.loan_id is not None else None
    return rules.AliquotFacts(
        number=row.number,
        status=row.status,
        custodian_id=row.custodian_institution_id,
        custodian=custodian.name if custodian is not None else None,
        courier_id=row.courier_id,
        owner_id=row.sample.owner_institution_id,
        loan_number=loan.number if loan is not None else None,
        loan_status=loan.status if loan is not None else None,
        destructive_analysis_allowed=loan is not None and loan.destructive_analysis_allowed,
    )


def _refuse(error: type[CustodyError], reason: str | None) -> None:
    """Raise ``error`` in the words of rules.py, if the rule says no."""
    if reason is not None:
        raise error(reason)


def consume(store: Store, actor: Actor, number: str, mass_ug: int, *, note: str = "") -> Aliquot:
    """Record mass used up by destructive analysis (only where the loan allows it)."""
    with operation(store, actor, "consume") as ctx:
        row = op.aliquot(ctx.session, number, lock=True)
        op.require_side(
            ctx,
            row.custodian_institution_id,
            _domain_registry.said("Aliquot {number}", number=row.number),
        )
        facts = _facts(ctx.session, row)
        _refuse(RuleViolation, rules.not_in_storage(facts, "consumed"))
        check_mass(mass_ug, what=_domain_registry.said("consumed mass"))
        _refuse(RuleViolation, rules.loan_forbids_consuming(facts))
        if mass_ug > row.current_mass_ug:
            raise RuleViolation(
                _domain_registry.said(
                    "Aliquot {number} holds only {held}; {mass} cannot be consumed.",
                    number=row.number,
                    held=format_mass(row.current_mass_ug),
                    mass=format_mass(mass_ug),
                )
            )
        Ledger(ctx.session).append(
            row,
            EventKind.CONSUMED,
            actor_id=ctx.person.id,
            occurred_at=ctx.now,
            institution_id=row.custodian_institution_id,
            custodian_person_id=ctx.person.id,
            loan_id=row.loan_id,
            mass_ug=mass_ug,
            note=clean_text(note, _domain_registry.said("note"), limit=MAX_TEXT),
        )
        return row


def report_lost(store: Store, actor: Actor, number: str, *, note: str) -> Aliquot:
    """Report a whole aliquot lost: by its custodian, its courier, or the lender's curator."""
    with operation(store, actor, "report_lost") as ctx:
        row = op.aliquot(ctx.session, number, lock=True)
        report_lost_in(ctx, row, note=note)
        return row


def report_lost_in(ctx: Context, row: Aliquot, *, note: str) -> CustodyEvent:
    """``report_lost`` inside an operation already running (an inventory's certification
    reports its missing aliquots in its own transaction); ``row`` is locked by the caller."""
    note = clean_text(note, _domain_registry.said("note"), required=True, limit=MAX_TEXT)
    facts = _facts(ctx.session, row)
    _refuse(RuleViolation, rules.nothing_to_lose(facts))
    # the role and the state have passed: what is left is who holds it
    _refuse(PermissionDenied, rules.why_not_report_lost(actor_of(ctx.person), facts))
    return Ledger(ctx.session).append(
        row,
        EventKind.LOST,
        actor_id=ctx.person.id,
        occurred_at=ctx.now,
        institution_id=row.custodian_institution_id,
        custodian_person_id=row.custodian_person_id,
        transfer_id=row.transfer_id,
        loan_id=row.loan_id,
        mass_ug=row.current_mass_ug,
        note=note,
    )


def correct_event(
    store: Store, actor: Actor, event_id: int, *, note: str, mass_delta_ug: int = 0
) -> CustodyEvent:
    """Record a correction of an earlier event; ``mass_delta_ug`` fixes the book mass.

    The old event stays as it was: the correction is a new event pointing at it.
    """
    with operation(store, actor, "correct") as ctx:
        return correct_event_in(ctx, event_id, note=note, mass_delta_ug=mass_delta_ug)


def correct_event_in(ctx: Context, event_id: int, *, note: str, mass_delta_ug: int) -> CustodyEvent:
    session = ctx.session
    target = session.get(CustodyEvent, event_id)
    if target is None:
        raise NotFoundError(
            _domain_registry.said("There is no custody event #{event}.", event=event_id)
        )
    note = clean_text(
        note, _domain_registry.said("reason for the correction"), required=True, limit=MAX_TEXT
    )
    if not isinstance(mass_delta_ug, int) or isinstance(mass_delta_ug, bool):
        raise ValidationError(
            _domain_registry.said("A mass correction is a whole number of micrograms.")
        )
    check_mass(abs(mass_delta_ug), what=_domain_registry.said("mass correction"), allow_zero=True)
    row = session.get(Aliquot, target.aliquot_id, with_for_update=True)
    assert row is not None
    _refuse(PermissionDenied, rules.not_the_lender(actor_of(ctx.person), _facts(session, row)))
    if row.current_mass_ug + mass_delta_ug < 0:
        raise RuleViolation(
            _domain_registry.said(
                "Aliquot {number} holds {held}; a correction of {delta} would make it negative.",
                number=row.number,
                held=format_mass(row.current_mass_ug),
                delta=format_mass(mass_delta_ug),
            )
        )
    return Ledger(session).append(
        row,
        EventKind.CORRECTED,
        actor_id=ctx.person.id,
        occurred_at=ctx.now,
        institution_id=row.custodian_institution_id,
        custodian_person_id=row.custodian_person_id,
        courier_id=row.courier_id,
        transfer_id=row.transfer_id,
        loan_id=row.loan_id,
        mass_ug=mass_delta_ug,
        corrects_event_id=target.id,
        note=note,
    )


__all__ = [
    "NewAliquot",
    "NewSample",
    "bootstrap",
    "consume",
    "correct_event",
    "create_institution",
    "create_person",
    "register_aliquot",
    "register_sample",
    "register_samples_in",
    "report_lost",
    "split_aliquot",
    "update_institution",
    "update_person",
]
