"""The test world: a lender, two borrowers, couriers and a registered sample.

Everything is built through the services on top of the shared ``db`` store (tests/conftest.py,
SQLite and PostgreSQL). Password hashes are computed once per secret and reused while the
world is built (argon2 costs ~0.1 s per hash); every check of a secret is still real, and so
is every sealed signing key (its argon2id is derived for real once, then remembered).
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import pytest
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lunar_custody import cli
from lunar_custody.domain import (
    clearance,
    custody,
    deliverables,
    errors,
    identity,
    inventory,
    loans,
    queries,
    registry,
)
from lunar_custody.domain.errors import CustodyError
from lunar_custody.domain.identity import PIN, Credential
from lunar_custody.domain.ledger import CONSUMED, IN_TRANSIT, LOST
from lunar_custody.domain.models import Aliquot, Base, Person, Transfer
from lunar_custody.domain.permissions import Actor
from lunar_custody.domain.signature_check import signature_problems
from lunar_custody.domain.store import Store
from lunar_custody.storage import Database
from lunar_custody.trust import sealing

PASSWORD = "moon-dust-2025"
PINS = {"courier1": "2468", "courier2": "135790"}

LENDER = "CNSA"
BROWN = "BROWN"
KOLN = "KOLN"
COURIERS = "SECURE"

SAMPLE = "CE5C0400"
SAMPLE_MASS_UG = 2_000_000
A1, A2, A3, A4 = (f"CE5C0400YJFM0050{n}" for n in (1, 2, 3, 4))
ALIQUOT_MASSES_UG = {A1: 500_000, A2: 300_000, A3: 200_000, A4: 100_000}

# username, full name, institution, roles, pin
PEOPLE: list[tuple[str, str, str, str, str | None]] = [
    ("zhang", "Zhang Wei", LENDER, "curator", None),
    ("li", "Li Na", LENDER, "curator", None),
    ("auditor", "Olga Auditor", LENDER, "viewer", None),
    ("brown_lm", "Carla Pieters", BROWN, "lab_manager", None),
    ("brown_pi", "James Head", BROWN, "lab_manager", None),
    ("koln_lm", "Klaus Mezger", KOLN, "lab_manager", None),
    ("courier1", "Chen Courier", COURIERS, "courier", PINS["courier1"]),
    ("courier2", "Dana Courier", COURIERS, "courier", PINS["courier2"]),
]


@cache
def _cached_password_hash(secret: str) -> str:
    return identity.hash_password(secret)


@cache
def _cached_pin_hash(secret: str) -> str:
    return identity.hash_pin(secret)


class RememberingHasher:
    """argon2's verify, remembered per (stored hash, secret).

    Every distinct pair is verified once for real (a wrong secret raises exactly as argon2
    does); since the world reuses its hashes, repeating a signature then costs nothing.
    """

    def __init__(self, real: PasswordHasher) -> None:
        self.real = real
        self.outcomes: dict[tuple[str, str], bool | Exception] = {}

    def hash(self, secret: str) -> str:
        return self.real.hash(secret)

    def check_needs_rehash(self, stored: str) -> bool:
        return self.real.check_needs_rehash(stored)

    def verify(self, stored: str, secret: str) -> bool:
        key = (stored, secret)
        if key not in self.outcomes:
            try:
                self.outcomes[key] = self.real.verify(stored, secret)
            except (VerificationError, InvalidHashError) as error:
                self.outcomes[key] = error
        outcome = self.outcomes[key]
        if isinstance(outcome, Exception):
            raise type(outcome)(*outcome.args)
        return outcome


_remembering = RememberingHasher(identity.password_hasher())


_real_derive_key = sealing.derive_key


@cache
def _remembered_derive_key(secret: str, salt: bytes, parameters: sealing.KdfParameters) -> bytes:
    """argon2id for a sealed signing key, computed for real once per (secret, salt, cost):
    sealing a new key costs one, and each later signature that opens it none."""
    return _real_derive_key(secret, salt, parameters)


def remember_sealing_keys(patch: pytest.MonkeyPatch) -> None:
    patch.setattr(sealing, "derive_key", _remembered_derive_key)


@contextmanager
def reused_hashes() -> Iterator[None]:
    """While building fixtures, hash each distinct secret only once (still real argon2), and
    derive each sealed key's key once (``_remembered_derive_key``)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(registry, "hash_password", _cached_password_hash)
        patch.setattr(registry, "hash_pin", _cached_pin_hash)
        remember_sealing_keys(patch)
        yield


@contextmanager
def fast_secrets() -> Iterator[None]:
    """``reused_hashes``, and each (hash, secret) pair checked for real once: unpatched, the
    demo's ~50 hashes and signature checks take ~8 s per backend, nearly all of its build time."""
    with reused_hashes(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(identity, "_hasher", _remembering)
        yield


@dataclass
class World:
    """The people, institutions and sample every domain test starts from, with shortcuts.

    Test modules reach everything through the ``world`` fixture, re-exported by the
    conftest.py of each test folder that uses it.
    """

    SAMPLE: ClassVar[str] = SAMPLE
    SAMPLE_MASS_UG: ClassVar[int] = SAMPLE_MASS_UG
    MASSES: ClassVar[dict[str, int]] = ALIQUOT_MASSES_UG
    PASSWORD: ClassVar[str] = PASSWORD
    PINS: ClassVar[dict[str, str]] = PINS
    SECRET_COUNTERS: ClassVar[frozenset[str]] = frozenset({"people.failed_attempts"})

    db: Store
    actors: dict[str, Actor]
    today: date = field(default_factory=date.today)

    def __getitem__(self, username: str) -> Actor:
        return self.actors[username]

    def cred(
        self, username: str, secret: str = PASSWORD, drawing: bytes | None = None
    ) -> Credential:
        return Credential(username, secret, drawing_png=drawing)

    def pin(self, username: str, secret: str | None = None) -> Credential:
        return Credential(username, secret if secret is not None else PINS[username], PIN)

    def add_person(
        self,
        username: str,
        institution: str,
        roles: str,
        *,
        full_name: str = "",
        pin: str | None = None,
    ) -> Actor:
        """One more person (hash reused), returned as an Actor."""
        with reused_hashes():
            registry.create_person(
                self.db,
                self.actors["admin"],
                username=username,
                full_name=full_name or username.replace("_", " ").title(),
                institution_code=institution,
                roles=roles,
                password=PASSWORD,
                pin=pin,
            )
        self.actors[username] = actor(self.db, username)
        return self.actors[username]

    # -------------------------------------------------------- loan and custody shortcuts

    def active_loan(
        self,
        aliquots: list[str],
        *,
        borrower: str = BROWN,
        pi: str = "brown_lm",
        destructive: bool = True,
        starts_on: date | None = None,
        due_on: date | None = None,
    ) -> str:
        """A loan of ``aliquots`` approved by zhang and countersigned by ``pi``."""
        start = starts_on or self.today
        loan = loans.create_loan(
            self.db,
            self["zhang"],
            borrower_code=borrower,
            principal_investigator=pi,
            purpose="Space weathering of Chang'e-5 regolith",
            starts_on=start,
            due_on=due_on or start + timedelta(days=365),
            destructive_analysis_allowed=destructive,
        )
        loans.add_loan_items(self.db, self["zhang"], loan.number, aliquots)
        self.clear(loan.number)
        loans.approve_loan(self.db, self["zhang"], loan.number, self.cred("zhang"))
        loans.countersign_loan(self.db, self[pi], loan.number, self.cred(pi))
        return loan.number

    def clear(self, number: str) -> None:
        """Complete loan ``number``'s clearance checklist (zhang attests every item), so the
        lender may approve it."""
        clearance.attest_open_items(self.db, self["zhang"], number, note="cleared")

    def release(
        self,
        aliquots: list[str],
        *,
        sender: str = "zhang",
        receiver: str = "brown_lm",
        courier: str = "courier1",
        seal: str = "SEAL-0001",
        loan: str | None = None,
    ) -> str:
        transfer = custody.release_package(
            self.db,
            self[sender],
            aliquot_numbers=aliquots,
            receiver=receiver,
            courier=courier,
            seal_number=seal,
            sender_credential=self.cred(sender),
            courier_credential=self.pin(courier),
            loan_number=loan,
        )
        return transfer.number

    def receive(
        self,
        transfer: str,
        *,
        receiver: str = "brown_lm",
        seal_intact: bool = True,
        measured: dict[str, int] | None = None,
        seal_seen: str | None = None,
    ) -> custody.Receipt:
        return custody.confirm_receipt(
            self.db,
            self[receiver],
            transfer,
            credential=self.cred(receiver),
            seal_intact=seal_intact,
            seal_number_seen=seal_seen,
            measured_ug=measured,
        )

    def ship(
        self, aliquots: list[str], *, receiver: str = "brown_lm", loan: str | None = None
    ) -> str:
        """Release to courier1 and confirm receipt at the borrower; the transfer number."""
        number = self.release(aliquots, receiver=receiver, loan=loan)
        self.receive(number, receiver=receiver)
        return number

    def send_back(
        self, aliquots: list[str], *, sender: str = "brown_lm", receiver: str = "zhang"
    ) -> str:
        """Return material to the lender (released by ``sender``, received by ``receiver``)."""
        number = self.release(aliquots, sender=sender, receiver=receiver, seal="SEAL-RET")
        self.receive(number, receiver=receiver)
        return number

    def rich_scenario(self) -> dict[str, str]:
        """A history touching every kind of event (about 35 of them); returns the numbers."""
        db, zhang = self.db, self["zhang"]
        g1, _g2 = (c.number for c in registry.split_aliquot(db, zhang, A1, [50_000, 50_000]))
        brown_loan = self.active_loan([g1, A2])
        outbound = self.release([g1, A2], loan=brown_loan)
        custody.hand_over(
            db,
            self["courier1"],
            outbound,
            to_courier="courier2",
            from_credential=self.pin("courier1"),
            to_credential=self.pin("courier2"),
        )
        receipt = self.receive(outbound, seal_intact=False, measured={A2: 290_000})
        for found in receipt.discrepancies:
            custody.resolve_discrepancy(
                db,
                zhang,
                found.id,
                resolution="record_loss" if found.kind == "mass" else "accept",
                note="checked with the borrower",
                credential=self.cred("zhang"),
            )
        registry.consume(db, self["brown_lm"], A2, 10_000, note="noble gas extraction")
        (grandchild,) = registry.split_aliquot(db, self["brown_lm"], g1, [20_000])
        inbound = self.send_back([A2])
        registry.report_lost(db, self["brown_lm"], grandchild.number, note="vial cracked")
        koln_loan = self.active_loan([A3], borrower=KOLN, pi="koln_lm", destructive=False)
        koln = self.release([A3], receiver="koln_lm", loan=koln_loan, seal="SEAL-K")
        heavier = self.receive(koln, receiver="koln_lm", measured={A3: 201_500})
        (mass,) = heavier.discrepancies
        custody.resolve_discrepancy(
            db,
            self["li"],
            mass.id,
            resolution="correct_book_mass",
            note="balance recalibrated",
            credential=self.cred("li"),
        )
        first_a4 = queries.history(db, A4)[0].id
        registry.correct_event(db, zhang, first_a4, note="re-weighed", mass_delta_ug=500)
        # Brown's annual inventory finds what it still holds (the child g1)
        taken = inventory.start_inventory(db, self["brown_lm"], brown_loan)
        inventory.scan(db, self["brown_lm"], taken.number, g1)
        inventory.certify(db, self["brown_lm"], taken.number, self.cred("brown_lm"))
        return {
            "child": g1,
            "grandchild": grandchild.number,
            "brown_loan": brown_loan,
            "koln_loan": koln_loan,
            "outbound": outbound,
            "inbound": inbound,
            "koln": koln,
        }

    def status(self, number: str) -> queries.AliquotStatus:
        return queries.aliquot_status(self.db, number)

    # -------------------------------------------------------- checks

    @property
    def aliquots(self) -> tuple[str, str, str, str]:
        return (A1, A2, A3, A4)

    def snapshot(
        self, ignore: frozenset[str] | set[str] = frozenset()
    ) -> dict[str, list[tuple[Any, ...]]]:
        return snapshot(self.db, ignore)

    def refused(
        self,
        error: type[CustodyError],
        *words: str,
        ignore: frozenset[str] | set[str] = frozenset(),
    ) -> AbstractContextManager[pytest.ExceptionInfo[CustodyError]]:
        """``with world.refused(RuleViolation, "words"):`` exactly that error, nothing changed."""
        return refused(self.db, error, *words, ignore=ignore)

    def count(self, model: type[Base], *where: Any) -> int:
        return count(self.db, model, *where)

    def read(self, fn: Callable[[Session], Any]) -> Any:
        return read(self.db, fn)

    def person(self, username: str) -> Person:
        """The person's row as stored now (columns only; the session is closed)."""
        return self.read(
            lambda session: session.scalars(select(Person).where(Person.username == username)).one()
        )

    def check_rules(self) -> None:
        assert_rules_hold(self.db)


def actor(db: Store, username: str) -> Actor:
    with db.read() as session:
        person = session.scalars(select(Person).where(Person.username == username)).one()
        return identity.actor_of(person)


def build_world(db: Store) -> World:
    with reused_hashes():
        admin = registry.bootstrap(
            db,
            lender_code=LENDER,
            lender_name="CNSA Lunar Sample Laboratory",
            lender_local_name="国家航天局月球样品实验室",
            country="China",
            admin_username="admin",
            admin_full_name="Ada Admin",
            admin_password=PASSWORD,
        )
        registry.create_institution(
            db, admin, code=BROWN, name="Brown University", kind="borrower", country="USA"
        )
        registry.create_institution(
            db, admin, code=KOLN, name="University of Cologne", kind="borrower", country="Germany"
        )
        registry.create_institution(
            db, admin, code=COURIERS, name="Sino-Euro Secure Logistics", kind="courier"
        )
        for username, full_name, institution, roles, pin in PEOPLE:
            registry.create_person(
                db,
                admin,
                username=username,
                full_name=full_name,
                institution_code=institution,
                roles=roles,
                password=PASSWORD,
                pin=pin,
            )
    world = World(db=db, actors={"admin": admin})
    for username, *_ in PEOPLE:
        world.actors[username] = actor(db, username)
    registry.register_sample(
        db,
        world["zhang"],
        registry.NewSample(
            SAMPLE,
            SAMPLE_MASS_UG,
            mission="Chang'e-5",
            sample_type="regolith",
            sample_subtype="scooped",
            aliquots=[
                registry.NewAliquot(n, m, form="powder", container=f"vial {i}")
                for i, (n, m) in enumerate(ALIQUOT_MASSES_UG.items(), start=1)
            ],
        ),
    )
    return world


def patch_for_the_world(patch: pytest.MonkeyPatch) -> None:
    """What the ``world`` fixture changes for its test (and for building its template)."""
    patch.setattr(identity, "_hasher", _remembering)
    remember_sealing_keys(patch)
    # The world's loans predate the standard deliverables: they close once their material is
    # accounted for. Tests of deliverables ask for ``standard_deliverables`` to owe them.
    patch.setattr(deliverables, "standard_template", _no_standard_deliverables)


@contextmanager
def building_patches() -> Iterator[pytest.MonkeyPatch]:
    """``patch_for_the_world`` for a block (tests/conftest.py builds the world's template)."""
    with pytest.MonkeyPatch.context() as patch:
        patch_for_the_world(patch)
        yield patch


def today_stamp() -> tuple[date, date]:
    """The local and the UTC date: a prebuilt world is rebuilt when either has moved on."""
    return date.today(), datetime.now(UTC).date()


@pytest.fixture
def world(db: Store, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> World:
    """The populated world on the shared store (SQLite and PostgreSQL).

    ``database_url`` (tests/conftest.py) made the database as a copy of this worker's
    prebuilt world, the same rows ``build_world`` writes: this names its people, and points
    LUNAR_CUSTODY_KEYS at a copy of the institution key it made, for this test alone (a key
    another test rotates never meets this one). A ``db`` made otherwise gets the world built.
    """
    from tests.conftest import PREBUILT_WORLDS

    patch_for_the_world(monkeypatch)
    url = request.getfixturevalue("database_url") if "database_url" in request.fixturenames else ""
    template = PREBUILT_WORLDS.get(url)
    if template is None:
        return build_world(db)
    # beside the session's databases (not in the test's tmp_path, nor beside its database)
    keys = Path(tempfile.mkdtemp(prefix="keys-", dir=template.keys.parent.parent))
    request.addfinalizer(lambda: shutil.rmtree(keys, ignore_errors=True))
    shutil.copytree(template.keys, keys, dirs_exist_ok=True)
    monkeypatch.setenv("LUNAR_CUSTODY_KEYS", str(keys))
    return World(db=db, actors=dict(template.actors))


STANDARD_TEMPLATE = deliverables.standard_template


def _no_standard_deliverables() -> deliverables.DeliverablesTemplate:
    return deliverables.DeliverablesTemplate("", 0, ())


@pytest.fixture
def standard_deliverables(world: World, monkeypatch: pytest.MonkeyPatch) -> World:
    """The world, with new loans owing resources/templates/deliverables-vN as in real use."""
    monkeypatch.setattr(deliverables, "standard_template", STANDARD_TEMPLATE)
    return world


@pytest.fixture
def world_builder() -> Callable[[Store], World]:
    """For tests that build worlds themselves (the state machine)."""
    return build_world


# ------------------------------------------------------------------ "nothing changed"


def snapshot(
    db: Store, ignore: frozenset[str] | set[str] = frozenset()
) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, ordered by primary key (``ignore``: 'table' or 'table.column')."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with db.read() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in ignore:
                continue
            columns = [c for c in table.columns if f"{table.name}.{c.name}" not in ignore]
            order = list(table.primary_key.columns)
            rows = session.execute(select(*columns).order_by(*order)).all()
            tables[table.name] = [tuple(row) for row in rows]
    return tables


@contextmanager
def refused(
    db: Store,
    error: type[CustodyError],
    *words: str,
    ignore: frozenset[str] | set[str] = frozenset(),
) -> Iterator[pytest.ExceptionInfo[CustodyError]]:
    """Expect exactly ``error`` whose message contains ``words``, and no change at all."""
    before = snapshot(db, ignore)
    with pytest.raises(CustodyError) as info:
        yield info
    # the most specific public error class (identity.SignerRejected counts as the
    # AuthenticationError it is; a ConflictError does not pass for a plain RuleViolation)
    public = next(c for c in type(info.value).__mro__ if c.__module__ == errors.__name__)
    assert public is error, f"{type(info.value).__name__}: {info.value}"
    message = str(info.value)
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"
    after = snapshot(db, ignore)
    changed = [name for name in before if before[name] != after[name]]
    assert not changed, f"a refused operation changed {changed}"


def count(db: Store, model: type[Base], *where: Any) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def read(db: Store, fn: Callable[[Session], Any]) -> Any:
    with db.read() as session:
        return fn(session)


def assert_rules_hold(db: Store) -> None:
    """Rules 1, 2 and 4 on the whole database: verify plus a direct look at every aliquot."""
    report = queries.verify(db)
    assert report.ok, report.summary()
    bad_signatures = signature_problems(db)
    assert not bad_signatures, [p.message for p in bad_signatures]
    with db.read() as session:
        couriers = {t.id: t.courier_id for t in session.scalars(select(Transfer))}
        for row in session.scalars(select(Aliquot)):
            masses = (
                row.current_mass_ug,
                row.children_mass_ug,
                row.consumed_mass_ug,
                row.lost_mass_ug,
            )
            assert min(masses) >= 0, row.number
            assert row.initial_mass_ug == sum(masses), row.number
            if row.status in (CONSUMED, LOST):
                continue
            assert row.custodian_institution_id is not None, row.number
            if row.status == IN_TRANSIT:
                assert row.courier_id is not None and row.transfer_id is not None, row.number
                assert row.courier_id == couriers[row.transfer_id], row.number
                assert row.custodian_person_id == row.courier_id, row.number
            else:
                assert row.courier_id is None, row.number


def command_line(world: World, tmp_path: Path, user: str, *argv: str) -> str:
    """What ``lunar-custody`` prints when it refuses (its error line, without the prefix)."""
    assert isinstance(world.db, Database)
    secret = tmp_path / "password.secret"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(
        [*argv, "--db", world.db.url, "--user", user, "--password-file", str(secret)],
        out=out,
        err=err,
    )
    assert code != 0, out.getvalue()
    return err.getvalue().strip().removeprefix("lunar-custody: ")
