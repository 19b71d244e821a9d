"""Keys and the signatures ``verify`` checks (T2: a copy of the database cannot sign; T4: a
person who leaves), on SQLite and PostgreSQL.

Tampering is done as the threats would: with raw SQL after dropping every trigger (only a
database owner can), with keys the attacker made, and with the one secret an attacker may
know in T4 (their own password).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import insert, select, text, update

from lunar_custody.domain import (
    custody,
    identity,
    key_admin,
    keys,
    loans,
    registry,
    signature_check,
)
from lunar_custody.domain.errors import CustodyError, RuleViolation
from lunar_custody.domain.models import Certificate, Institution, Person, Signature, new_uuid
from lunar_custody.domain.signature_check import check_signatures
from lunar_custody.domain.store import Store
from lunar_custody.storage import Database, verify_database
from lunar_custody.trust import keyring, sealing
from lunar_custody.trust import keys as trust_keys
from lunar_custody.trust.statements import sign_statement
from tests.worlds import A1, A2, A3

if TYPE_CHECKING:
    from tests.worlds import World


# ---------------------------------------------------------------------- helpers


def _drop_every_trigger(db: Store) -> None:
    """What a database owner can do: no append-only guard is left."""
    with db.write() as session:
        if db.dialect == "sqlite":
            names = session.scalars(
                text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            ).all()
            statements = [f'DROP TRIGGER "{name}"' for name in names]
        else:
            rows = session.execute(
                text(
                    "SELECT t.tgname, c.relname FROM pg_trigger t "
                    "JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal"
                )
            ).all()
            statements = [f'DROP TRIGGER "{name}" ON "{table}"' for name, table in rows]
        for statement in statements:
            session.execute(text(statement))


def _signed_history(world: World) -> tuple[str, str]:
    """zhang approves, brown_lm countersigns (password keys), zhang releases and courier1
    confirms with a PIN (attested by the institution key); the loan and transfer numbers."""
    loan = world.active_loan([A1])
    return loan, world.release([A1], loan=loan)


def _refused(world: World) -> list[tuple[str | None, str | None, str]]:
    """(table, record, message) of every problem the signature check finds."""
    return [(p.table, p.record, p.message) for p in check_signatures(world.db).problems]


def _row(world: World, *where: Any) -> Signature:
    return world.read(lambda s: s.scalars(select(Signature).where(*where)).one())


def _person_uuid(world: World, username: str) -> str:
    return world.person(username).uuid


def _certificate(world: World, certificate_id: int) -> Certificate:
    return world.read(lambda s: s.get(Certificate, certificate_id))


def _zhang_key(world: World) -> tuple[Certificate, trust_keys.PrivateKey]:
    """What zhang herself can do: open her sealed key with her password."""
    row = world.read(
        lambda s: s.scalars(
            select(Certificate)
            .join(Person, Certificate.person_id == Person.id)
            .where(Person.username == "zhang")
            .order_by(Certificate.id)
        ).first()
    )
    assert row is not None and row.sealed_key is not None
    return row, sealing.unseal(row.sealed_key, world.PASSWORD)


def _forge(model: Signature, **changes: Any) -> dict[str, Any]:
    """A copy of the signature ``model`` with ``changes`` (and a new uuid), to insert."""
    values = {c.name: getattr(model, c.name) for c in Signature.__table__.columns}
    del values["id"]
    values.update(uuid=new_uuid(), **changes)
    return values


def _resigned(values: dict[str, Any], signer_uuid: str, fingerprint: str, key: Any) -> None:
    fields = Signature(**values)
    values["crypto_signature"] = sign_statement(
        key, keys.signature_statement(fields, signer_uuid, fingerprint)
    )


def _insert(world: World, values: dict[str, Any]) -> None:
    with world.db.write() as session:
        session.execute(insert(Signature).values(**values))


# ---------------------------------------------------------------------- T2


def test_a_copy_of_the_database_cannot_sign_for_anyone(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loan, transfer = _signed_history(world)
    assert _refused(world) == []
    approval = _row(world, Signature.meaning == "approved")
    accepted = _row(world, Signature.method == identity.PIN)
    zhang_row = _certificate(world, approval.certificate_id or 0)
    assert zhang_row.kind == keys.PERSON and zhang_row.sealed_key
    assert _certificate(world, accepted.certificate_id or 0).kind == keys.INSTITUTION

    # (a) the sealed key opens with the password only: not with a wrong one, nor a PIN
    assert sealing.unseal(zhang_row.sealed_key, world.PASSWORD)  # really sealed under it
    for guess in ("moon-dust-2024", "Moon-dust-2025", "2468", "0000", "135790", "20250625"):
        with pytest.raises(sealing.WrongSecret):
            sealing.unseal(zhang_row.sealed_key, guess)

    # (d) no key file, no PIN attestation: the release is refused whole, with a clear reason
    monkeypatch.setenv(keyring.ENVIRONMENT, str(tmp_path / "another-computer"))
    with world.refused(CustodyError, "does not hold the institution key") as refusal:
        custody.hand_over(
            world.db,
            world["courier1"],
            transfer,
            to_courier="courier2",
            from_credential=world.pin("courier1"),
            to_credential=world.pin("courier2"),
        )
    assert isinstance(refusal.value, keys.KeyUnavailable)
    assert "import-institution-key" in str(refusal.value)
    monkeypatch.undo()

    # (b) forged rows: the attacker's own keys, the triggers dropped
    _drop_every_trigger(world.db)
    attacker = trust_keys.new_private_key()
    now = approval.signed_at
    zhang = _person_uuid(world, "zhang")
    lender = world.read(lambda s: s.get(Institution, zhang_row.institution_id))
    fake_home = trust_keys.institution_certificate(
        attacker, trust_keys.Holder(lender.uuid, lender.name, lender.name, lender.code), now
    )
    fake_zhang = trust_keys.person_certificate(
        attacker,
        fake_home,
        attacker.public_key(),
        trust_keys.Holder(zhang, "Zhang Wei", lender.name),
        now,
    )
    with world.db.write() as session:
        ids = []
        for kind, certificate, person in (
            (keys.PERSON, fake_zhang, zhang_row.person_id),
            (keys.INSTITUTION, fake_home, None),
        ):
            row = keys.certificate_row(
                kind,
                certificate,
                session.get(Institution, zhang_row.institution_id),
                session.get(Person, person) if person else None,
            )
            session.add(row)
            session.flush()
            ids.append((row.id, row.fingerprint))
    (person_id, person_fp), (home_id, home_fp) = ids
    # zhang "approves" another loan with the self-made certificate
    forged = _forge(approval, record_number="L2099-0001", certificate_id=person_id)
    _resigned(forged, zhang, person_fp, attacker)
    _insert(world, forged)
    # a courier's PIN confirmation "attested" by an institution certificate of their own
    courier = _person_uuid(world, "courier1")
    pinned = _forge(accepted, record_number="T2099-0001", certificate_id=home_id)
    _resigned(pinned, courier, home_fp, attacker)
    _insert(world, pinned)
    # a signature whose cryptographic half was simply removed, one whose content changed
    with world.db.write() as session:
        session.execute(
            update(Signature)
            .where(Signature.meaning == "countersigned")
            .values(crypto_signature=None, certificate_id=None)
        )
        session.execute(
            update(Signature)
            .where(Signature.meaning == "relinquished")
            .values(content_hash="0" * 64)
        )

    found = _refused(world)
    records = {record for table, record, _ in found if table == "signatures"}
    assert records == {
        "loan L2099-0001 / approved / Zhang Wei",
        "transfer T2099-0001 / accepted / Chen Courier",
        f"loan {loan} / countersigned / Carla Pieters",
        f"transfer {transfer} / relinquished / Zhang Wei",
    }, found
    messages = "\n".join(message for *_, message in found)
    assert "not issued by its institution's key" in messages
    assert "not endorsed by the key of the certificate it replaced" in messages
    assert "has no cryptographic signature" in messages
    assert "does not hold over what it signs" in messages
    # the same findings when the ECDSA values are checked by threads, batch by batch
    monkeypatch.setattr(signature_check, "THREADED_FROM", 1)
    monkeypatch.setattr(signature_check, "BATCH", 2)
    assert sorted(_refused(world), key=str) == sorted(found, key=str)
    monkeypatch.undo()
    assert isinstance(world.db, Database)
    report = verify_database(world.db)  # what the command and the window show
    assert {p.record for p in report.problems} >= records
    assert "Signatures: 6 checked, 2 hold, 4 refused" in report.summary()


def _replace_every_key(world: World) -> None:
    """The attacker's institution key in place of ours, every person certificate re-issued
    by it and every signature signed again: the database agrees with itself."""
    _drop_every_trigger(world.db)
    attacker = trust_keys.new_private_key()
    with world.db.write() as session:
        home = session.scalars(
            select(Certificate).where(Certificate.kind == keys.INSTITUTION)
        ).one()
        old = trust_keys.load_certificate(home.certificate_pem)
        institution = home.institution
        fake = trust_keys.institution_certificate(
            attacker,
            trust_keys.Holder(institution.uuid, institution.name, institution.name),
            old.not_valid_before_utc + trust_keys.CLOCK_SKEW,
        )
        home.certificate_pem = trust_keys.certificate_pem(fake)
        home.fingerprint = trust_keys.fingerprint(fake)
        made = {home.id: (home.fingerprint, attacker)}
        for row in session.scalars(select(Certificate).where(Certificate.kind == keys.PERSON)):
            assert row.person is not None
            key = trust_keys.new_private_key()
            certificate = trust_keys.person_certificate(
                attacker,
                fake,
                key.public_key(),
                trust_keys.Holder(row.person.uuid, row.person.full_name, institution.name),
                row.valid_from + trust_keys.CLOCK_SKEW,
            )
            row.certificate_pem = trust_keys.certificate_pem(certificate)
            row.fingerprint = trust_keys.fingerprint(certificate)
            row.sealed_key = sealing.seal(key, "attacker")
            made[row.id] = (row.fingerprint, key)
        people = {pid: uuid for pid, uuid in session.execute(select(Person.id, Person.uuid))}
        for signature in session.scalars(select(Signature)):
            fingerprint, key = made[signature.certificate_id or 0]
            signature.crypto_signature = sign_statement(
                key,
                keys.signature_statement(signature, people[signature.person_id], fingerprint),
            )


def test_a_replaced_institution_certificate_is_named_where_its_key_is(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _signed_history(world)
    real = world.read(keys.home_certificate).fingerprint
    _replace_every_key(world)

    # a computer without the key file cannot tell, and says so (not a failure)
    monkeypatch.setenv(keyring.ENVIRONMENT, str(tmp_path / "another-computer"))
    elsewhere = check_signatures(world.db)
    assert elsewhere.problems == [] and elsewhere.total == 4
    assert "could not be confirmed on this computer" in elsewhere.note
    monkeypatch.undo()

    # the computer holding the real key file names the replaced certificate
    found = _refused(world)
    table, record, message = found[0]
    assert table == "certificates" and record is not None
    assert record.startswith("institution certificate ")
    assert trust_keys.short_fingerprint(real) in message
    assert "its institution certificate was replaced" in message
    # and every signature resting on it
    assert len([f for f in found if f[0] == "signatures"]) == 4, found


# ---------------------------------------------------------------------- T4


def test_a_revoked_person_signs_nothing_more_and_a_reset_gives_a_new_key(world: World) -> None:
    loan = world.active_loan([A1])
    approval = _row(world, Signature.meaning == "approved")
    (revoked,) = key_admin.revoke_person(world.db, world["admin"], "zhang", reason="left")
    assert revoked.revoked_at is not None and revoked.revocation_signature
    assert _refused(world) == []  # what she signed before stays valid

    draft = loans.create_loan(
        world.db,
        world["zhang"],
        borrower_code="BROWN",
        principal_investigator="brown_lm",
        purpose="After the revocation",
        starts_on=world.today,
        due_on=world.today + timedelta(days=30),
    )
    loans.add_loan_items(world.db, world["zhang"], draft.number, [A3])
    world.clear(draft.number)

    def approve_another() -> None:
        loans.approve_loan(world.db, world["zhang"], draft.number, world.cred("zhang"))

    with world.refused(RuleViolation, "was revoked on", "reset their password"):
        approve_another()
    with world.refused(RuleViolation, "was revoked on"):
        custody.release_package(
            world.db,
            world["zhang"],
            aliquot_numbers=[A1],
            receiver="brown_lm",
            courier="courier1",
            seal_number="S-T4",
            sender_credential=world.cred("zhang"),
            courier_credential=world.pin("courier1"),
            loan_number=loan,
        )

    # she knows her password: a signature made with her own key, dated after the revocation
    row, key = _zhang_key(world)
    assert row.id == revoked.id
    zhang = _person_uuid(world, "zhang")
    assert revoked.revoked_at is not None
    forged = _forge(
        approval, record_number="L2099-0002", signed_at=revoked.revoked_at + timedelta(minutes=1)
    )
    _resigned(forged, zhang, row.fingerprint, key)
    _insert(world, forged)
    (problem,) = _refused(world)
    assert problem[1] == "loan L2099-0002 / approved / Zhang Wei"
    assert "was revoked on" in problem[2]

    # a password reset: a new certificate at the next signature, old ones still valid
    registry.update_person(world.db, world["admin"], "zhang", password=world.PASSWORD)
    approve_another()
    rows = world.read(lambda s: keys.person_certificates(s, s.get(Person, row.person_id)))
    assert [(r.revoked_at is not None, r.retired_at is not None) for r in rows] == [
        (True, True),
        (False, False),
    ]
    (problem,) = _refused(world)  # only the forged one
    assert problem[1] == "loan L2099-0002 / approved / Zhang Wei"


def test_rotation_keeps_old_signatures_and_a_reset_retires_a_key(world: World) -> None:
    _, transfer = _signed_history(world)
    first = world.read(keys.home_certificate)
    before = world.read(lambda s: s.execute(select(Signature.id, Signature.certificate_id)).all())

    new = key_admin.rotate_institution_key(world.db, world["admin"])
    assert new.endorsement and new.fingerprint != first.fingerprint
    world.receive(transfer)  # brown_lm: a new key, issued by the new institution key
    number = world.active_loan([A2])  # zhang: likewise
    registry.update_person(world.db, world["admin"], "zhang", password=world.PASSWORD)
    world.release(
        [A2], loan=number
    )  # zhang's third key since the reset; courier1 attested by the new key

    home = trust_keys.load_certificate(world.read(keys.home_certificate).certificate_pem)
    after = world.read(
        lambda s: s.scalars(select(Signature).where(Signature.id > before[-1].id)).all()
    )
    assert len(after) == 5
    for signature in after:
        used = _certificate(world, signature.certificate_id or 0)
        parsed = trust_keys.load_certificate(used.certificate_pem)
        assert parsed == home or trust_keys.issued_by(parsed, home)
    zhang = world.read(
        lambda s: keys.person_certificates(s, s.get(Person, world["zhang"].person_id))
    )
    assert [r.retired_at is not None for r in zhang] == [True, True, False]
    # the earlier signatures keep their certificates and still hold
    assert (
        world.read(lambda s: s.execute(select(Signature.id, Signature.certificate_id)).all())[
            : len(before)
        ]
        == before
    )
    check = check_signatures(world.db)
    assert check.problems == [] and check.total == len(before) + len(after)

    # the old institution key signing after its retirement (someone kept its key file)
    old_key = keyring.load_key(first.fingerprint)
    assert old_key is not None and new.created_at is not None
    pinned = _row(world, Signature.method == identity.PIN, Signature.id <= before[-1].id)
    courier = _person_uuid(world, "courier1")
    late = _forge(
        pinned, record_number="T2099-0003", signed_at=new.created_at + timedelta(seconds=1)
    )
    _resigned(late, courier, first.fingerprint, old_key)
    _insert(world, late)
    (problem,) = _refused(world)
    assert problem[1] == "transfer T2099-0003 / accepted / Chen Courier"
    assert "was retired on" in problem[2]


def test_a_changed_revocation_is_named(world: World) -> None:
    world.active_loan([A1])
    key_admin.revoke_person(world.db, world["admin"], "zhang", reason="left")
    _drop_every_trigger(world.db)
    with world.db.write() as session:
        row = session.scalars(select(Certificate).where(Certificate.revoked_at.is_not(None))).one()
        assert row.revoked_at is not None
        row.revoked_at += timedelta(days=30)  # to let later forgeries pass
    (problem,) = _refused(world)
    assert problem[0] == "certificates"
    assert "revocation" in problem[2] and "not signed by the institution key" in problem[2]


def test_a_revoked_courier_confirms_nothing_with_a_pin(world: World) -> None:
    def sign(secret: str, method: str) -> None:
        with world.db.write() as session:
            identity.sign(
                session,
                identity.Credential("courier1", secret, method),
                meaning="accepted",
                record_type="transfer",
                record_id=1,
                record_number="T-TEST",
                content={"number": "T-TEST"},
            )

    sign(world.PASSWORD, identity.PASSWORD)  # a certificate of their own, issued now
    key_admin.revoke_person(world.db, world["admin"], "courier1", reason="left the firm")
    with world.refused(RuleViolation, "was revoked on"):
        sign(world.PINS["courier1"], identity.PIN)
    assert _refused(world) == []
