"""``lunar-custody keys``: the institution certificate, partners', people's keys, and the
institution key carried to another workstation. Run in-process as a user would; output read
back, and what a command wrote checked by ``verify``."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from lunar_custody.cli.keys import PASSPHRASE_ENVIRONMENT
from lunar_custody.domain import keys, loans
from lunar_custody.domain.wording import moment_text
from lunar_custody.trust import keyring
from lunar_custody.trust import keys as trust_keys
from tests.cli.test_cli import as_user, run, secrets, url
from tests.worlds import A1, A2, PASSWORD, World

__all__ = ["secrets"]

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _another_computer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "another-computer"
    monkeypatch.setenv(keyring.ENVIRONMENT, str(folder))
    return folder


def test_show_list_export_and_a_partner(
    world: World, secrets: dict[str, str], tmp_path: Path
) -> None:
    world.active_loan([A1])
    home = world.read(keys.home_certificate)
    short = trust_keys.short_fingerprint(home.fingerprint)

    shown = run("keys", "show", "--db", url(world))
    assert shown.code == 0, shown.err
    assert f"Fingerprint:  {short}" in shown.out and home.fingerprint in shown.out
    assert "Key:          on this computer" in shown.out
    listed = run("keys", "list", "--json", "--db", url(world)).json()
    assert isinstance(listed, list)
    assert [(c["kind"], c["holder"], c["state"]) for c in listed] == [
        ("institution", "CNSA Lunar Sample Laboratory", "current"),
        ("person", "Zhang Wei", "current"),
        ("person", "Carla Pieters", "current"),
    ]

    exported = tmp_path / "cnsa.pem"
    assert run("keys", "export", "-o", str(exported), "--db", url(world)).code == 0
    assert trust_keys.fingerprint(trust_keys.load_certificate(exported.read_bytes())) == (
        home.fingerprint
    )

    # Brown's own installation made this certificate; its fingerprint is read aloud
    brown_key = trust_keys.new_private_key()
    brown = trust_keys.institution_certificate(
        brown_key,
        trust_keys.Holder("brown-uuid", "Brown University", "Brown University"),
        datetime.now(UTC),
    )
    partner = tmp_path / "brown.pem"
    partner.write_text(trust_keys.certificate_pem(brown))
    confirmed = trust_keys.fingerprint(brown)
    wrong = as_user(
        world, secrets, "admin", "keys", "import-partner", "BROWN", str(partner),
        "--fingerprint", "0" * 32,
    )  # fmt: skip
    assert wrong.code == 1 and "not the one confirmed" in wrong.err
    done = as_user(
        world, secrets, "admin", "keys", "import-partner", "BROWN", str(partner),
        "--fingerprint", trust_keys.short_fingerprint(confirmed),
    )  # fmt: skip
    assert done.code == 0, done.err
    listed = run("keys", "list", "--db", url(world))
    assert "partner      Brown University" in listed.out
    assert trust_keys.short_fingerprint(confirmed) in listed.out
    # an institution key exists already
    again = as_user(world, secrets, "admin", "keys", "init")
    assert again.code == 1 and "has an institution key already" in again.err


def test_revoke_from_a_past_moment_and_rotate(
    world: World, secrets: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    world.active_loan([A1])
    before = (datetime.now(UTC) - timedelta(minutes=10)).strftime("%Y-%m-%d %H:%M")
    assert run("verify", "--db", url(world)).code == 0
    # revoked from before her approval: verify now refuses it
    revoked = as_user(
        world, secrets, "admin", "keys", "revoke", "zhang", "--reason", "key card lost",
        "--from", before,
    )  # fmt: skip
    assert revoked.code == 0, revoked.err
    revoked_from = datetime.strptime(before, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)
    assert f"from {moment_text(revoked_from)}" in revoked.out
    checked = run("verify", "--db", url(world))
    assert checked.code == 1
    assert "The signature of Zhang Wei (approved)" in checked.out
    assert "was revoked on" in checked.out
    draft = loans.create_loan(
        world.db,
        world["zhang"],
        borrower_code="BROWN",
        principal_investigator="brown_lm",
        purpose="After the revocation",
        starts_on=world.today,
        due_on=world.today + timedelta(days=30),
    )
    loans.add_loan_items(world.db, world["zhang"], draft.number, [A2])
    world.clear(draft.number)
    refused = as_user(world, secrets, "zhang", "loan-approve", draft.number)
    assert refused.code == 1 and "was revoked on" in refused.err
    listed = run("keys", "list", "--json", "--db", url(world)).json()
    assert isinstance(listed, list)
    assert [c["state"] for c in listed if c["username"] == "zhang"] == ["revoked"]
    assert as_user(world, secrets, "admin", "keys", "revoke", "nobody", "--reason", "x").code == 1
    with pytest.raises(SystemExit) as usage:
        run("keys", "revoke", "zhang", "--reason", "x", "--from", "yesterday")
    assert usage.value.code == 2
    assert "is not a moment like" in capsys.readouterr().err

    old = world.read(keys.home_certificate).fingerprint
    rotated = as_user(world, secrets, "admin", "keys", "rotate")
    assert rotated.code == 0, rotated.err
    new = world.read(keys.home_certificate).fingerprint
    assert new != old and trust_keys.short_fingerprint(new) in rotated.out
    shown = run("keys", "show", "--db", url(world))
    assert trust_keys.short_fingerprint(new) in shown.out
    refused_rotation = as_user(world, secrets, "zhang", "keys", "rotate")
    assert refused_rotation.code == 1


def test_the_institution_key_goes_to_another_workstation(
    world: World, secrets: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exported = tmp_path / "institution-key.pem"
    monkeypatch.setenv(PASSPHRASE_ENVIRONMENT, "short")
    weak = as_user(world, secrets, "admin", "keys", "export-institution-key", "-o", str(exported))
    assert weak.code == 1 and "at least 10 characters" in weak.err and not exported.exists()
    monkeypatch.setenv(PASSPHRASE_ENVIRONMENT, "correct horse battery")
    done = as_user(world, secrets, "admin", "keys", "export-institution-key", "-o", str(exported))
    assert done.code == 0, done.err
    assert b"ENCRYPTED PRIVATE KEY" in exported.read_bytes()
    assert exported.stat().st_mode & 0o077 == 0

    # the other workstation: same database, no key file yet
    _another_computer(tmp_path, monkeypatch)
    shown = run("keys", "show", "--db", url(world))
    assert "NOT on this computer" in shown.out
    monkeypatch.setenv(PASSPHRASE_ENVIRONMENT, "wrong horse battery")
    wrong = as_user(world, secrets, "admin", "keys", "import-institution-key", str(exported))
    assert wrong.code == 1 and "Wrong passphrase" in wrong.err
    # a key of another institution is not taken
    stranger = tmp_path / "stranger.pem"
    stranger.write_bytes(keyring.export_key(trust_keys.new_private_key(), "wrong horse battery"))
    foreign = as_user(world, secrets, "admin", "keys", "import-institution-key", str(stranger))
    assert foreign.code == 1 and "not the institution key of this database" in foreign.err
    monkeypatch.setenv(PASSPHRASE_ENVIRONMENT, "correct horse battery")
    imported = as_user(world, secrets, "admin", "keys", "import-institution-key", str(exported))
    assert imported.code == 0, imported.err
    assert "on this computer" in run("keys", "show", "--db", url(world)).out
    # and it signs here: courier PIN confirmations are attested again
    loan = world.active_loan([A1])
    world.release([A1], loan=loan)
    assert run("verify", "--db", url(world)).code == 0


def test_keys_init_on_a_database_from_before_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stored database of schema 0001 (the test world, before keys), upgraded."""
    _another_computer(tmp_path, monkeypatch)
    old = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "schema-0001.db", old)
    password = tmp_path / "password"
    password.write_text(PASSWORD + "\n")
    before = run("verify", "--db", str(old))
    assert before.code == 0, before.out + before.err
    assert "18 made before keys" in before.out
    missing = run("keys", "show", "--db", str(old))
    assert missing.code == 1 and "keys init" in missing.err
    made = run(
        "keys", "init", "--db", str(old), "--user", "admin", "--password-file", str(password)
    )
    assert made.code == 0, made.err
    assert "fingerprint" in made.out and "key file" in made.out
    after = run("verify", "--db", str(old))
    assert after.code == 0 and "18 made before keys" in after.out
