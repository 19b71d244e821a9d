"""Institutions, people, sign-in, lockout and signatures (rules 5, 6 and 8)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select, update

from lunar_custody.domain import custody, identity, loans, queries, registry
from lunar_custody.domain.errors import (
    AuthenticationError,
    CustodyError,
    DuplicateError,
    NotFoundError,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from lunar_custody.domain.identity import PIN, Credential
from lunar_custody.domain.models import (
    AuditEntry,
    CustodyEvent,
    Institution,
    Loan,
    Person,
    Signature,
    Transfer,
)

if TYPE_CHECKING:
    from lunar_custody.domain.store import Store

    from .conftest import World

A1 = "CE5C0400YJFM00501"
A2 = "CE5C0400YJFM00502"


# ------------------------------------------------------------------ institutions


def test_bootstrap_made_the_lender_and_its_admin_and_cannot_run_again(world: World) -> None:
    admin = world["admin"]
    assert admin.roles == frozenset({"admin"})
    assert admin.institution_code == "CNSA"
    with world.db.read() as session:
        lender = session.scalars(select(Institution).where(Institution.code == "CNSA")).one()
        assert (lender.kind, lender.local_name) == ("lender", "国家航天局月球样品实验室")
    with world.refused(RuleViolation, "already has users"):
        registry.bootstrap(
            world.db,
            lender_code="EVIL",
            lender_name="Takeover",
            admin_username="evil",
            admin_full_name="Evil",
            admin_password="evil-pass-123",
        )


def test_bootstrap_refuses_bad_input_and_writes_nothing(db: Store) -> None:
    fields = {
        "lender_code": "CNSA",
        "lender_name": "CNSA Lunar Sample Laboratory",
        "admin_username": "admin",
        "admin_full_name": "Ada Admin",
        "admin_password": "long-enough-pw",
    }
    cases: list[tuple[dict[str, str], type[CustodyError], str]] = [
        ({"admin_password": "short"}, ValidationError, "at least 8 characters"),
        ({"admin_username": "ada admin"}, ValidationError, "no spaces"),
        ({"lender_name": ""}, ValidationError, "institution name is required"),
    ]
    for changes, error, words in cases:
        with pytest.raises(error) as info:
            registry.bootstrap(db, **(fields | changes))
        assert words in str(info.value)
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(Person)) == 0
            assert session.scalar(select(func.count()).select_from(Institution)) == 0
    report = queries.verify(db)
    assert report.ok and report.events == 0 and report.aliquots == 0


def test_institutions(world: World) -> None:
    _create_and_update_institution(world)
    _create_institution_refusals(world)
    _institution_management_is_for_admins_only(world)


def _create_and_update_institution(world: World) -> None:
    admin = world["admin"]
    row = registry.create_institution(
        world.db,
        admin,
        code=" osaka ",
        name="Osaka University",
        kind="borrower",
        local_name="大阪大学",
        country="Japan",
        address="1-1 Yamadaoka\nSuita",
    )
    assert (row.code, row.kind, row.local_name, row.active) == (
        "OSAKA",
        "borrower",
        "大阪大学",
        True,
    )
    registry.update_institution(
        world.db, admin, "osaka", name="The University of Osaka", active=False
    )
    with world.db.read() as session:
        stored = session.scalars(select(Institution).where(Institution.code == "OSAKA")).one()
        assert (stored.name, stored.active, stored.address) == (
            "The University of Osaka",
            False,
            "1-1 Yamadaoka\nSuita",
        )
    registry.update_institution(world.db, admin, "OSAKA", local_name="  ")
    assert (
        world.read(
            lambda s: s.scalars(
                select(Institution.local_name).where(Institution.code == "OSAKA")
            ).one()
        )
        is None
    )


INSTITUTION_REFUSALS: list[tuple[dict[str, str], type[CustodyError], str]] = [
    (
        {"code": "brown", "name": "Brown again", "kind": "borrower"},
        DuplicateError,
        "BROWN exists already",
    ),
    ({"code": "X1", "name": "X", "kind": "museum"}, ValidationError, "lender, borrower, courier"),
    (
        {"code": "X1", "name": "  ", "kind": "borrower"},
        ValidationError,
        "institution name is required",
    ),
    (
        {"code": "", "name": "X", "kind": "borrower"},
        ValidationError,
        "institution code is required",
    ),
    ({"code": "X" * 33, "name": "X", "kind": "borrower"}, ValidationError, "longer than 32"),
    (
        {"code": "X1", "name": "Bad\x07Bell", "kind": "borrower"},
        ValidationError,
        "control characters",
    ),
]


def _create_institution_refusals(world: World) -> None:
    for changes, error, words in INSTITUTION_REFUSALS:
        with world.refused(error, words):
            registry.create_institution(world.db, world["admin"], **changes)  # type: ignore[arg-type]


def _institution_management_is_for_admins_only(world: World) -> None:
    with world.refused(PermissionDenied, "may manage institutions."):
        registry.create_institution(
            world.db, world["zhang"], code="IPGP", name="IPGP", kind="borrower"
        )
    with world.refused(PermissionDenied, "may manage institutions."):
        registry.update_institution(world.db, world["zhang"], "BROWN", name="Brown")
    with world.refused(ValidationError, "no field 'kind'"):
        registry.update_institution(world.db, world["admin"], "BROWN", kind="lender")
    with world.refused(ValidationError, "The institution name is required."):
        registry.update_institution(world.db, world["admin"], "BROWN", name="")
    with world.refused(NotFoundError, "no institution with the code 'NOPE'"):
        registry.update_institution(world.db, world["admin"], "NOPE", name="x")


# ------------------------------------------------------------------ people


def test_create_person_stores_argon2_hashes_never_the_secrets(world: World) -> None:
    person = registry.create_person(
        world.db,
        world["admin"],
        username="sbu_lm",
        full_name="Timothy Glotch",
        institution_code="brown",
        roles="viewer, lab_manager",
        password="long-enough-pw",
        pin="4321",
        email="tg@example.org",
        local_name="",
    )
    assert person.roles == "lab_manager,viewer"  # validated, in the canonical order
    stored = world.person("sbu_lm")
    assert stored.password_hash.startswith("$argon2id$")
    assert "long-enough-pw" not in stored.password_hash
    assert stored.pin_hash is not None and "4321" not in stored.pin_hash
    hasher = PasswordHasher()
    assert hasher.verify(stored.password_hash, "long-enough-pw")
    assert hasher.verify(stored.pin_hash, "4321")
    assert stored.local_name is None and stored.active and stored.failed_attempts == 0
    signed_in = identity.authenticate(world.db, "sbu_lm", "long-enough-pw")
    assert signed_in.roles == frozenset({"lab_manager", "viewer"})
    assert signed_in.institution_code == "BROWN"


def test_a_courier_may_be_made_with_a_pin_only(world: World) -> None:
    registry.create_person(
        world.db,
        world["admin"],
        username="pin_only",
        full_name="Pat Courier",
        institution_code="CNSA",
        roles="courier",
        password=None,
        pin="86420",
    )
    signed_in = identity.authenticate(world.db, "pin_only", "86420", PIN)
    assert signed_in.roles == frozenset({"courier"})
    stored = world.person("pin_only")
    assert stored.password_hash.startswith("$argon2id$")  # a hash of a secret nobody knows
    for guess in ("", "86420", "long-enough-pw"):
        with pytest.raises(AuthenticationError, match="Wrong user name or password"):
            identity.authenticate(world.db, "pin_only", guess)


PERSON_REFUSALS: list[tuple[dict[str, str | None], type[CustodyError], str]] = [
    ({"username": "zhang"}, DuplicateError, "'zhang' is taken"),
    ({"username": "two words"}, ValidationError, "no spaces"),
    ({"username": ""}, ValidationError, "user name is required"),
    ({"full_name": " "}, ValidationError, "full name is required"),
    ({"password": "short"}, ValidationError, "at least 8 characters"),
    ({"pin": "12"}, ValidationError, "4 to 8 digits"),
    ({"pin": "12ab"}, ValidationError, "4 to 8 digits"),
    ({"pin": "123456789"}, ValidationError, "4 to 8 digits"),
    ({"roles": "curator,astronaut"}, ValidationError, "Unknown role astronaut"),
    ({"roles": " , "}, ValidationError, "at least one role"),
    ({"institution_code": "NASA"}, NotFoundError, "no institution with the code 'NASA'"),
    # only a courier, and with a PIN, may come without a password
    ({"password": None}, ValidationError, "only a courier (and nothing else) may have just"),
    ({"password": None, "roles": "courier"}, ValidationError, "A password is needed"),
    ({"password": None, "roles": "courier,viewer", "pin": "1234"}, ValidationError, "needed"),
]


def test_people_refusals(world: World) -> None:
    _create_person_refusals(world)
    _people_are_managed_by_admins_only(world)


def _create_person_refusals(world: World) -> None:
    for changes, error, words in PERSON_REFUSALS:
        fields = {
            "username": "newbie",
            "full_name": "New Person",
            "institution_code": "CNSA",
            "roles": "curator",
            "password": "long-enough-pw",
            "pin": None,
        } | changes
        with world.refused(error, words):
            registry.create_person(world.db, world["admin"], **fields)  # type: ignore[arg-type]


def _people_are_managed_by_admins_only(world: World) -> None:
    with world.refused(PermissionDenied, "may manage people."):
        registry.create_person(
            world.db,
            world["zhang"],
            username="friend",
            full_name="Friend",
            institution_code="CNSA",
            roles="curator",
            password="long-enough-pw",
        )
    with world.refused(PermissionDenied, "may manage people."):
        registry.update_person(world.db, world["zhang"], "zhang", roles="admin,curator")
    with world.refused(RuleViolation, "cannot deactivate your own account"):
        registry.update_person(world.db, world["admin"], "admin", active=False)
    with world.refused(RuleViolation, "Ada Admin is the last active administrator"):
        registry.update_person(world.db, world["admin"], "admin", roles="curator")
    registry.update_person(world.db, world["admin"], "zhang", roles="admin,curator")
    registry.update_person(world.db, world["admin"], "admin", roles="curator")  # zhang now is
    with world.refused(RuleViolation, "is the last active administrator"):
        registry.update_person(world.db, world["zhang"], "zhang", roles="curator")
    registry.update_person(world.db, world["zhang"], "admin", roles="admin")
    with world.refused(ValidationError, "A person has no field 'nickname'."):
        registry.update_person(world.db, world["admin"], "zhang", nickname="zz")
    with world.refused(NotFoundError, "no person with the user name 'ghost'"):
        registry.update_person(world.db, world["admin"], "ghost", email="x")


def test_account_changes_take_effect_at_once(world: World) -> None:
    """A removed role or a deactivated account counts from the next operation on."""
    _a_removed_role_takes_effect_at_once(world)
    _a_deactivated_account_is_refused_at_once(world)


def _a_removed_role_takes_effect_at_once(world: World) -> None:
    zhang = world["zhang"]  # the Actor still says "curator"
    registry.update_person(world.db, world["admin"], "zhang", roles="viewer")
    with world.refused(PermissionDenied, "Only a curator or lab manager may split aliquots."):
        registry.split_aliquot(world.db, zhang, A1, [1_000])
    with world.refused(PermissionDenied, "Only a curator may prepare loans."):
        loans.create_loan(
            world.db,
            zhang,
            borrower_code="BROWN",
            principal_investigator="brown_lm",
            purpose="x",
            starts_on=world.today,
            due_on=world.today + timedelta(days=5),
        )
    registry.update_person(world.db, world["admin"], "zhang", roles="curator")
    assert len(registry.split_aliquot(world.db, zhang, A1, [1_000])) == 1


def _a_deactivated_account_is_refused_at_once(world: World) -> None:
    zhang = world["zhang"]
    registry.update_person(world.db, world["admin"], "zhang", active=False)
    with world.refused(AuthenticationError, "no longer active"):
        registry.split_aliquot(world.db, zhang, A1, [1_000])
    with world.refused(AuthenticationError, "The account of Zhang Wei is deactivated."):
        identity.authenticate(world.db, "zhang", world.PASSWORD)
    # a deactivated courier can no longer be named for a package, nor pick one up
    registry.update_person(world.db, world["admin"], "zhang", active=True)
    loan = world.active_loan([A1])
    transfer = custody.prepare_transfer(
        world.db,
        zhang,
        aliquot_numbers=[A1],
        receiver="brown_lm",
        courier="courier1",
        seal_number="S-77",
        loan_number=loan,
    )
    registry.update_person(world.db, world["admin"], "courier1", active=False)
    with world.refused(ValidationError, "Chen Courier is not an active courier"):
        custody.prepare_transfer(
            world.db,
            zhang,
            aliquot_numbers=[A2],
            receiver="koln_lm",
            courier="courier1",
            seal_number="S",
        )
    with world.refused(ValidationError, "Chen Courier is no longer an active courier"):
        custody.release_transfer(
            world.db,
            zhang,
            transfer.number,
            sender=world.cred("zhang"),
            courier=world.pin("courier1"),
        )


def _password_reset_changes_the_hash_and_unlocks(world: World) -> None:
    old_hash = world.person("brown_lm").password_hash
    with world.db.write() as session:
        session.execute(
            update(Person)
            .where(Person.username == "brown_lm")
            .values(locked_until=datetime.now(UTC) + timedelta(minutes=10), failed_attempts=3)
        )
    registry.update_person(world.db, world["admin"], "brown_lm", password="brand-new-secret")
    stored = world.person("brown_lm")
    assert stored.password_hash != old_hash
    assert (stored.failed_attempts, stored.locked_until) == (0, None)
    with pytest.raises(AuthenticationError):
        identity.authenticate(world.db, "brown_lm", world.PASSWORD)
    assert identity.authenticate(world.db, "brown_lm", "brand-new-secret").username == "brown_lm"
    registry.update_person(world.db, world["admin"], "courier1", pin=None)
    assert world.person("courier1").pin_hash is None
    with world.refused(AuthenticationError, "Chen Courier has no PIN; use the password."):
        identity.authenticate(world.db, "courier1", "2468", PIN)


# ------------------------------------------------------------------ sign-in and lockout


def test_sign_in_and_password_reset(world: World) -> None:
    _sign_in(world)
    _password_reset_changes_the_hash_and_unlocks(world)


def _sign_in(world: World) -> None:
    actor = identity.authenticate(world.db, " zhang ", world.PASSWORD)
    assert actor == world["zhang"]
    courier = identity.authenticate(world.db, "courier2", world.PINS["courier2"], PIN)
    assert courier.roles == frozenset({"courier"})
    with world.refused(AuthenticationError, "Wrong user name or password."):
        identity.authenticate(world.db, "nobody", world.PASSWORD)
    # The same words as for an unknown name: sign-in does not reveal who has an account.
    with world.refused(
        AuthenticationError, "Wrong user name or password.", ignore=world.SECRET_COUNTERS
    ):
        identity.authenticate(world.db, "zhang", "not-the-password")
    assert world.person("zhang").failed_attempts == 1
    with world.refused(ValidationError, "Unknown signing method 'retina'"):
        identity.authenticate(world.db, "zhang", world.PASSWORD, "retina")
    identity.authenticate(world.db, "zhang", world.PASSWORD)
    assert world.person("zhang").failed_attempts == 0  # a success clears the count


def test_five_wrong_pins_lock_the_courier_even_though_each_handoff_rolled_back(
    world: World,
) -> None:
    loan = world.active_loan([A1])
    transfer = custody.prepare_transfer(
        world.db,
        world["zhang"],
        aliquot_numbers=[A1],
        receiver="brown_lm",
        courier="courier1",
        seal_number="S-5",
        loan_number=loan,
    )

    def release(pin: str) -> None:
        custody.release_transfer(
            world.db,
            world["zhang"],
            transfer.number,
            sender=world.cred("zhang"),
            courier=world.pin("courier1", pin),
        )

    for attempt in range(1, 5):
        with world.refused(
            AuthenticationError, "Wrong PIN for Chen Courier.", ignore=world.SECRET_COUNTERS
        ):
            release("0000")
        assert world.person("courier1").failed_attempts == attempt
        assert world.person("courier1").locked_until is None
    audit_before = world.count(AuditEntry)
    with world.refused(
        AuthenticationError,
        "Wrong PIN for Chen Courier.",
        # the lock's audit entry moves the audit chain's head too
        ignore={
            "people.failed_attempts",
            "people.locked_until",
            "audit_entries",
            "ledger_head.audit_seq",
            "ledger_head.audit_hash",
        },
    ):
        release("9999")
    locked = world.person("courier1")
    assert locked.locked_until is not None
    assert timedelta(minutes=14) < locked.locked_until - datetime.now(UTC) <= timedelta(minutes=15)
    # the lock is audited (who: nobody signed in; what: locked_until)
    with world.db.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.id > 0)).all()[audit_before:]
    assert [(e.table_name, e.field, e.actor_id) for e in entries] == [
        ("people", "locked_until", None)
    ]
    # now even the right PIN is refused, with a message saying why and for how long
    with world.refused(
        AuthenticationError,
        "The account of Chen Courier is locked after repeated wrong entries; try again in 15 "
        "minutes or ask an administrator.",
    ):
        release(world.PINS["courier1"])
    with world.refused(AuthenticationError, "locked after repeated wrong entries"):
        identity.authenticate(world.db, "courier1", world.PINS["courier1"], PIN)
    assert world.count(CustodyEvent, CustodyEvent.kind == "released") == 0
    assert world.count(Signature) == 2  # the loan's approval and countersignature only
    # when the lock has run out the right PIN works and custody moves
    with world.db.write() as session:
        session.execute(
            update(Person)
            .where(Person.username == "courier1")
            .values(locked_until=datetime.now(UTC) - timedelta(seconds=1))
        )
    release(world.PINS["courier1"])
    assert world.status(A1).status == "in_transit"
    assert (world.person("courier1").failed_attempts, world.person("courier1").locked_until) == (
        0,
        None,
    )


def test_wrong_secrets_are_counted_against_the_signer_not_the_actor(world: World) -> None:
    loan = world.active_loan([A1])
    transfer = world.release([A1], loan=loan)
    with world.refused(
        AuthenticationError, "Wrong PIN for Dana Courier.", ignore=world.SECRET_COUNTERS
    ):
        custody.hand_over(
            world.db,
            world["courier1"],
            transfer,
            to_courier="courier2",
            from_credential=world.pin("courier1"),
            to_credential=world.pin("courier2", "000000"),
        )
    assert world.person("courier2").failed_attempts == 1
    assert world.person("courier1").failed_attempts == 0


# ------------------------------------------------------------------ signatures


def test_a_signature_records_who_what_when_how_and_the_signed_content(world: World) -> None:
    drawing = b"\x89PNG\r\n\x1a\n fake signature drawing"
    loan = loans.create_loan(
        world.db,
        world["zhang"],
        borrower_code="BROWN",
        principal_investigator="brown_lm",
        purpose="Noble gases",
        starts_on=world.today,
        due_on=world.today + timedelta(days=90),
    )
    loans.add_loan_items(world.db, world["zhang"], loan.number, [A1])
    world.clear(loan.number)
    approved = loans.approve_loan(
        world.db, world["zhang"], loan.number, world.cred("zhang", drawing=drawing)
    )
    assert approved.status == "approved"
    with world.db.read() as session:
        stored = session.scalars(select(Loan).where(Loan.number == loan.number)).one()
        (signature,) = session.scalars(select(Signature)).all()
        assert signature.person_id == world["zhang"].person_id
        assert signature.printed_name == "Zhang Wei"
        assert signature.institution_name == "CNSA Lunar Sample Laboratory"
        assert signature.meaning == "approved"
        assert signature.method == "password"
        assert (signature.record_type, signature.record_id, signature.record_number) == (
            "loan",
            stored.id,
            loan.number,
        )
        assert signature.signed_at.tzinfo is not None
        assert signature.signed_at.utcoffset() == timedelta(0)
        assert signature.signed_at == stored.approved_at
        assert abs(signature.signed_at - datetime.now(UTC)) < timedelta(minutes=1)
        assert signature.drawing_png == drawing
        content = loans.loan_content(session, stored).as_dict()
        assert content["items"] == [[A1, 500_000]]
        assert signature.content_hash == identity.content_hash(content)
        rows = queries.signatures(session, "loan", stored.id)
    assert [(r.printed_name, r.meaning, r.method, r.has_drawing) for r in rows] == [
        ("Zhang Wei", "approved", "password", True)
    ]


def test_a_signature_stays_bound_to_what_was_signed(world: World) -> None:
    loan = world.active_loan([A1])
    loans.extend_loan(
        world.db,
        world["zhang"],
        loan,
        world.today + timedelta(days=500),
        reason="Instrument repair",
        credential=world.cred("zhang"),
    )
    with world.db.read() as session:
        stored = session.scalars(select(Loan).where(Loan.number == loan)).one()
        now_hash = identity.content_hash(loans.loan_content(session, stored).as_dict())
        by_meaning = {
            s.meaning: s
            for s in session.scalars(select(Signature).where(Signature.record_id == stored.id))
        }
    assert set(by_meaning) == {"approved", "countersigned", "extended"}
    assert by_meaning["approved"].content_hash == by_meaning["countersigned"].content_hash
    # the agreement changed (new due date, note): the earlier signatures no longer match it
    assert by_meaning["approved"].content_hash != now_hash
    assert by_meaning["extended"].content_hash == now_hash


def test_transfer_signatures_use_password_and_pin_and_bind_the_package(world: World) -> None:
    loan = world.active_loan([A1, A2])
    number = world.release([A1, A2], loan=loan)
    with world.db.read() as session:
        transfer = session.scalars(select(Transfer).where(Transfer.number == number)).one()
        signatures = session.scalars(
            select(Signature).where(Signature.record_type == "transfer").order_by(Signature.id)
        ).all()
        assert [(s.printed_name, s.meaning, s.method) for s in signatures] == [
            ("Zhang Wei", "relinquished", "password"),
            ("Chen Courier", "accepted", "pin"),
        ]
        assert all(s.record_number == number and s.record_id == transfer.id for s in signatures)
        assert signatures[0].content_hash == signatures[1].content_hash
        assert signatures[0].institution_name == "CNSA Lunar Sample Laboratory"
        assert signatures[1].institution_name == "Sino-Euro Secure Logistics"


def test_signing_needs_ones_own_right_secret_and_a_known_meaning(world: World) -> None:
    _sign_refuses_an_unknown_meaning(world)
    _signing_needs_ones_own_right_secret(world)


def _signing_needs_ones_own_right_secret(world: World) -> None:
    loan = loans.create_loan(
        world.db,
        world["zhang"],
        borrower_code="BROWN",
        principal_investigator="brown_lm",
        purpose="Isotopes",
        starts_on=world.today,
        due_on=world.today + timedelta(days=90),
    )
    loans.add_loan_items(world.db, world["zhang"], loan.number, [A1])
    world.clear(loan.number)
    with world.refused(PermissionDenied, "You sign with your own password, not someone else's."):
        loans.approve_loan(world.db, world["zhang"], loan.number, world.cred("li"))
    with world.refused(
        AuthenticationError, "Wrong password for Zhang Wei.", ignore=world.SECRET_COUNTERS
    ):
        loans.approve_loan(
            world.db, world["zhang"], loan.number, world.cred("zhang", "guess-guess")
        )
    with world.refused(AuthenticationError, "Zhang Wei has no PIN; use the password."):
        loans.approve_loan(
            world.db, world["zhang"], loan.number, Credential("zhang", world.PASSWORD, PIN)
        )
    with world.refused(ValidationError, "Unknown signing method 'voice'"):
        loans.approve_loan(
            world.db, world["zhang"], loan.number, Credential("zhang", world.PASSWORD, "voice")
        )
    assert world.person("zhang").failed_attempts == 1
    loans.approve_loan(world.db, world["zhang"], loan.number, world.cred(" zhang "))
    # a package: the sender signs as themselves, the named courier as the courier
    loans.countersign_loan(world.db, world["brown_lm"], loan.number, world.cred("brown_lm"))
    transfer = custody.prepare_transfer(
        world.db,
        world["zhang"],
        aliquot_numbers=[A1],
        receiver="brown_lm",
        courier="courier1",
        seal_number="S-1",
        loan_number=loan.number,
    )
    with world.refused(PermissionDenied, "This signature must be given by Zhang Wei."):
        custody.release_transfer(
            world.db,
            world["zhang"],
            transfer.number,
            sender=world.cred("li"),
            courier=world.pin("courier1"),
        )
    with world.refused(PermissionDenied, "This signature must be given by Chen Courier."):
        custody.release_transfer(
            world.db,
            world["zhang"],
            transfer.number,
            sender=world.cred("zhang"),
            courier=world.pin("courier2"),
        )


def _sign_refuses_an_unknown_meaning(world: World) -> None:
    with world.db.write() as session, pytest.raises(ValidationError) as info:
        identity.sign(
            session,
            world.cred("zhang"),
            meaning="liked",
            record_type="loan",
            record_id=1,
            record_number="L1",
            content={},
        )
    assert "Unknown signature meaning 'liked'" in str(info.value)
    assert world.count(Signature) == 0


def test_content_hash_is_canonical() -> None:
    a = identity.content_hash({"b": 1, "a": ["x", 2], "name": "张伟"})
    b = identity.content_hash({"name": "张伟", "a": ["x", 2], "b": 1})
    assert a == b and len(a) == 64
    assert identity.content_hash({"b": 2, "a": ["x", 2], "name": "张伟"}) != a
