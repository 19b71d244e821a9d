"""Password and PIN hashes made with older argon2 parameters keep working and are rehashed
with the program's parameters at the next correct entry."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

import pytest
from argon2 import PasswordHasher, extract_parameters
from sqlalchemy import select, update

from lunar_custody.domain import identity
from lunar_custody.domain.errors import AuthenticationError
from lunar_custody.domain.identity import PIN, Credential
from lunar_custody.domain.models import AuditEntry, Person

if TYPE_CHECKING:
    from .conftest import World

# argon2-cffi's defaults, which the program used before (RFC 9106 low-memory profile).
OLD = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4)


def _store_old_hashes(world: World, username: str, password: str, pin: str | None) -> None:
    with world.db.write() as session:
        session.execute(
            update(Person)
            .where(Person.username == username)
            .values(password_hash=OLD.hash(password), pin_hash=OLD.hash(pin) if pin else None)
        )


def _parameters(stored: str | None) -> tuple[int, int, int]:
    assert stored is not None
    found = extract_parameters(stored)
    return found.memory_cost, found.time_cost, found.parallelism


def _digest(stored: str) -> str:
    return hashlib.sha256(stored.encode()).hexdigest()[:32]


NEW = (identity.ARGON2_MEMORY_KIB, identity.ARGON2_TIME_COST, identity.ARGON2_PARALLELISM)


def test_the_program_hashes_with_the_owasp_parameters() -> None:
    stored = identity.hash_password("lunar-demo-2025")
    assert stored.startswith("$argon2id$")
    assert _parameters(stored) == (19 * 1024, 2, 1) == NEW
    assert _parameters(identity.hash_pin("2468")) == NEW


def test_an_old_password_hash_signs_in_and_is_rehashed(world: World) -> None:
    _store_old_hashes(world, "zhang", world.PASSWORD, None)
    before = world.person("zhang").password_hash
    assert _parameters(before) == (64 * 1024, 3, 4)

    # A wrong password changes nothing but the failure count.
    with pytest.raises(AuthenticationError):
        identity.authenticate(world.db, "zhang", "not-the-password")
    assert world.person("zhang").password_hash == before

    actor = identity.authenticate(world.db, "zhang", world.PASSWORD)
    assert actor.username == "zhang"
    after = world.person("zhang").password_hash
    assert after != before and _parameters(after) == NEW
    assert PasswordHasher().verify(after, world.PASSWORD)

    # The audit trail says what happened: the same secret under the new parameters.
    (rehash,) = world.read(
        lambda s: s.execute(
            select(AuditEntry.old_value, AuditEntry.new_value).where(
                AuditEntry.field == "password_hash", AuditEntry.record_id == actor.person_id
            )
        ).all()
    )
    # (a secret's digest only, never the hash itself)
    assert tuple(rehash) == (
        f"(set: argon2id$v=19$m=65536,t=3,p=4; sha256 {_digest(before)})",
        f"(set: argon2id$v=19$m=19456,t=2,p=1; sha256 {_digest(after)})",
    )

    # Rehashed once: the next sign-in keeps the hash.
    identity.authenticate(world.db, "zhang", world.PASSWORD)
    assert world.person("zhang").password_hash == after


def test_an_old_pin_hash_signs_a_handoff_and_is_rehashed(world: World) -> None:
    pin = world.PINS["courier1"]
    _store_old_hashes(world, "courier1", world.PASSWORD, pin)
    old_password = world.person("courier1").password_hash

    identity.authenticate(world.db, "courier1", pin, PIN)
    stored = world.person("courier1")
    assert _parameters(stored.pin_hash) == NEW
    assert PasswordHasher().verify(stored.pin_hash or "", pin)
    assert stored.password_hash == old_password  # only the secret typed is rehashed

    # A signature checks the secret the same way: the password is rehashed when signing.
    with world.db.write() as session:
        person, _ = identity.sign(
            session,
            Credential("courier1", world.PASSWORD),
            meaning="accepted",
            record_type="transfer",
            record_id=1,
            record_number="T-TEST",
            content={"number": "T-TEST"},
        )
        assert person.username == "courier1"
    assert _parameters(world.person("courier1").password_hash) == NEW
