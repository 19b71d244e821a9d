"""``lunar-custody partners`` and ``exchange`` between installations of their own (SQLite
files in the test's folder), and ``demo --installations``: run in-process as people would,
output read back, every database checked by ``verify``; and README.md's snippet that checks
an exchange file with nothing but zipfile, json, rfc8785 and cryptography, run on a real file."""

from __future__ import annotations

import ast
import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.exceptions import InvalidSignature

from lunar_custody.domain.origins import REF_NAMES
from lunar_custody.exchange import journey
from lunar_custody.exchange.format import KINDS
from lunar_custody.exchange.records import LATE_SECTIONS, SECTIONS, SPECS
from tests.cli.test_cli import Run, run
from tests.worlds import fast_secrets

README = Path(__file__).resolve().parents[2] / "README.md"
PASSWORD = "moon-dust-2025"
OFFER_ALIQUOTS = ("CE5C0400YJFM00501", "CE5C0400YJFM00502")


@pytest.fixture(autouse=True)
def _quick_secrets() -> Iterator[None]:
    """argon2 once per distinct secret, not once per command."""
    with fast_secrets():
        yield


class Installation:
    """One institution's own database file, and its commands run by its people."""

    def __init__(self, folder: Path, code: str) -> None:
        self.db = folder / f"{code.lower()}.db"
        self.secret = folder / "password.secret"
        self.secret.write_text(PASSWORD + "\n", encoding="utf-8")

    def run(self, *argv: str, user: str | None = None) -> Run:
        signer = ["--user", user, "--password-file", str(self.secret)] if user else []
        return run(*argv, "--db", str(self.db), *signer)

    def ok(self, *argv: str, user: str | None = None) -> Run:
        done = self.run(*argv, user=user)
        assert done.code == 0, f"{argv}: {done.err}"
        return done

    def data(self, *argv: str, user: str | None = None) -> Any:
        return self.ok(*argv, "--json", user=user).json()


def _init(
    folder: Path, code: str, name: str, kind: str, people: list[tuple[str, str]]
) -> Installation:
    place = Installation(folder, code)
    admin = f"{code.lower()}.admin"
    place.ok(
        "init", "--kind", kind, "--code", code, "--name", name, "--admin", admin,
        "--admin-name", "Admin", "--password-file", str(place.secret),
    )  # fmt: skip
    for username, roles in people:
        place.ok(
            "user-add", username, username.replace(".", " ").title(), "--institution", code,
            "--roles", roles, "--new-password-file", str(place.secret), user=admin,
        )  # fmt: skip
    return place


def _fingerprint(place: Installation) -> str:
    shown = place.data("keys", "show")
    assert isinstance(shown, dict)
    return str(shown["short_fingerprint"])


def _introduce(sender: Installation, receiver: Installation, folder: Path, code: str) -> None:
    intro = folder / f"{code}-introduction.lcx"
    if not intro.exists():
        sender.ok("partners", "introduce", "-o", str(intro), user=f"{code.lower()}.admin")
    receiver_admin = f"{receiver.db.stem}.admin"
    receiver.ok(
        "partners", "add", str(intro), "--fingerprint", _fingerprint(sender), user=receiver_admin
    )


@pytest.fixture
def two(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Installation, Installation]:
    monkeypatch.chdir(tmp_path)  # where files go without -o
    cnsa = _init(
        tmp_path, "CNSA", "CNSA Lunar Sample Laboratory", "lender", [("zhang.wei", "curator")]
    )
    brown = _init(
        tmp_path, "BROWN", "Brown University", "borrower",
        [("carla.pieters", "lab_manager"), ("james.head", "lab_manager")],
    )  # fmt: skip
    return cnsa, brown


def _approved_loan(cnsa: Installation) -> str:
    cnsa.ok(
        "register", "CE5C0400", "--mass", "1.5g",
        *(f"--aliquot={n}=200mg" for n in OFFER_ALIQUOTS), user="zhang.wei",
    )  # fmt: skip
    created = cnsa.data(
        "loan-create", "--borrower", "BROWN", "--pi", "james.head", "--purpose", "TEM",
        "--starts", "2026-01-01", "--due", "2027-01-01", "--destructive",
        "--items", *OFFER_ALIQUOTS, user="zhang.wei",
    )  # fmt: skip
    number = str(created["number"])
    for item in cnsa.data("clearance", "list", number)["items"]:
        cnsa.ok("clearance", "attest", number, item["key"], user="zhang.wei")
    cnsa.ok("loan-approve", number, user="zhang.wei")
    return number


def test_partners_are_trusted_only_on_a_confirmed_fingerprint(
    two: tuple[Installation, Installation], tmp_path: Path
) -> None:
    cnsa, brown = two
    written = cnsa.ok("partners", "introduce", user="cnsa.admin")
    intro = tmp_path / "CNSA-introduction.lcx"
    assert f"Wrote {intro.name}" in written.out and intro.exists()
    fingerprint = _fingerprint(cnsa)
    assert fingerprint in written.out
    # never replaced silently
    again = cnsa.run("partners", "introduce", user="cnsa.admin")
    assert again.code == 1 and "exists already" in again.err
    assert cnsa.run("partners", "introduce", "--force", user="cnsa.admin").code == 0

    unconfirmed = brown.run("partners", "add", str(intro), user="brown.admin")
    assert unconfirmed.code == 1
    assert f"Its key's fingerprint: {fingerprint}" in unconfirmed.out
    assert "Nothing was added" in unconfirmed.err and "another way" in unconfirmed.err
    assert brown.data("partners") == []

    wrong = brown.run("partners", "add", str(intro), "--fingerprint", "0" * 32, user="brown.admin")
    assert wrong.code == 1 and "not the one confirmed" in wrong.err
    # a lab manager does not decide whom the installation trusts
    assert (
        brown.run(
            "partners", "add", str(intro), "--fingerprint", fingerprint, user="carla.pieters"
        ).code
        == 1
    )

    added = brown.ok(
        "partners", "add", str(intro), "--fingerprint", fingerprint, user="brown.admin"
    )
    assert f"Trusted CNSA Lunar Sample Laboratory (CNSA) with the key {fingerprint}" in added.out
    listed = brown.data("partners", "list")
    assert [(p["code"], p["state"], p["short_fingerprint"], p["people"]) for p in listed] == [
        ("CNSA", "trusted", fingerprint, 1)
    ]
    shown = brown.ok("exchange", "show", str(intro))  # an introduction needs nobody signed in
    assert "a trusted partner here" in shown.out

    revoked = brown.ok("partners", "revoke", "CNSA", "--reason", "key lost", user="brown.admin")
    assert "Revoked 1 key of CNSA" in revoked.out
    assert brown.data("partners")[0]["state"] == "revoked"


def test_a_loan_offered_shown_imported_refused_and_answered(
    two: tuple[Installation, Installation], tmp_path: Path
) -> None:
    cnsa, brown = two
    for sender, receiver, code in ((cnsa, brown, "CNSA"), (brown, cnsa, "BROWN")):
        _introduce(sender, receiver, tmp_path, code)
    loan = _approved_loan(cnsa)

    exported = cnsa.data("exchange", "export", "--to", "BROWN", "--loan", loan, user="zhang.wei")
    offer = tmp_path / exported["file"]  # the name it suggests, in the current folder
    assert offer.name == f"CNSA-to-BROWN-0001-offer-loan-{loan}.lcx" and offer.exists()
    assert (exported["kind"], exported["sequence"], exported["events"]) == ("offer", 1, 2)
    # an existing file is never replaced, and then nothing is recorded as sent
    taken = cnsa.run(
        "exchange", "export", "--to", "BROWN", "--loan", loan, "-o", str(offer), user="zhang.wei"
    )
    assert taken.code == 1 and "exists already" in taken.err
    assert len(cnsa.data("exchange", "list")) == 1

    anyone = brown.ok("exchange", "show", str(offer))  # what the file says, nobody signed in
    assert "Kind:       offer no. 1" in anyone.out and "Give --user" in anyone.out
    shown = brown.ok("exchange", "show", str(offer), user="carla.pieters")
    assert "Kind:       offer no. 1: loan " + loan in shown.out
    assert "From:       CNSA Lunar Sample Laboratory (CNSA)" in shown.out
    assert f"Signed by:  the key {_fingerprint(cnsa)}" in shown.out
    assert "Importing it would record: offer no. 1" in shown.out
    preview = brown.data("exchange", "show", str(offer), user="carla.pieters")
    assert preview["refused"] == [] and preview["would_import"]["events_added"] == 2
    assert preview["envelope"]["sender"]["code"] == "CNSA"
    assert brown.data("exchange", "list") == [], "show wrote nothing"

    # a PIN set here signs too (a visiting courier's, at our dock)
    pin = tmp_path / "pin.secret"
    pin.write_text("97531\n", encoding="utf-8")
    brown.ok("user-pin", "carla.pieters", "--new-pin-file", str(pin), user="brown.admin")
    with_pin = run(
        "exchange", "show", str(offer), "--db", str(brown.db),
        "--user", "carla.pieters", "--pin", "--password-file", str(pin),
    )  # fmt: skip
    assert with_pin.code == 0, with_pin.err
    imported = brown.data("exchange", "import", str(offer), user="carla.pieters")
    assert imported["written"] and imported["events_added"] == 2 and imported["changed"]
    again = brown.ok("exchange", "import", str(offer), user="carla.pieters")
    assert "was imported before: nothing changed" in again.out
    assert not brown.data("exchange", "import", str(offer), user="carla.pieters")["changed"]
    assert brown.data("status", OFFER_ALIQUOTS[0])["custodian_institution"] == (
        "CNSA Lunar Sample Laboratory"
    )

    # files are imported in the order they were made: no. 3 before no. 2 is refused whole
    second = tmp_path / "second.lcx"
    third = tmp_path / "third.lcx"
    for path in (second, third):
        cnsa.ok(
            "exchange", "export", "--to", "BROWN", "--loan", loan, "-o", str(path), user="zhang.wei"
        )
    refused = brown.run("exchange", "import", str(third), user="carla.pieters")
    assert refused.code == 1 and refused.out == ""
    assert "nothing was imported" in refused.err
    assert "files no. 2 must be imported first" in refused.err
    would = brown.run("exchange", "show", str(third), "--json", user="carla.pieters")
    assert would.code == 1
    reasons = json.loads(would.out)["refused"]
    assert any("must be imported first" in r["message"] for r in reasons)
    assert len(brown.data("exchange", "list")) == 1

    # a byte changed after signing: named as such, nothing read
    tampered = tmp_path / "tampered.lcx"
    tampered.write_bytes(_rewritten(second, lambda c: {**c, "subject": "something else"}))
    broken = brown.run("exchange", "import", str(tampered), user="carla.pieters")
    assert broken.code == 1 and "signature does not hold" in broken.err
    assert str(tampered) in broken.err and "Traceback" not in broken.err
    junk = tmp_path / "junk.lcx"
    junk.write_text("not a zip")
    assert (
        "not an exchange file" in brown.run("exchange", "show", str(junk), user="carla.pieters").err
    )

    for path in (second, third):
        brown.ok("exchange", "import", str(path), user="carla.pieters")
    brown.ok("loan-countersign", loan, user="james.head")
    answer = brown.data("exchange", "export", "--to", "CNSA", "--loan", loan, user="james.head")
    assert answer["kind"] == "answer"
    done = cnsa.ok("exchange", "import", answer["file"], user="zhang.wei")
    assert "answer no. 1 from Brown University" in done.out
    assert cnsa.data("loan", loan)["summary"]["status"] == "active"

    # a kept file is written again byte for byte
    sent = [
        f for f in cnsa.data("exchange", "list", "--partner", "BROWN") if f["direction"] == "sent"
    ]
    first = min(sent, key=lambda f: f["sequence"])
    copy = tmp_path / "copy.lcx"
    cnsa.ok("exchange", "resend", str(first["id"]), "-o", str(copy))
    assert copy.read_bytes() == offer.read_bytes()
    assert cnsa.run("exchange", "resend", str(first["id"]), "-o", str(copy)).code == 1

    # a partner no longer trusted: its files are refused
    cnsa.ok("partners", "revoke", "BROWN", "--reason", "key stolen", user="cnsa.admin")
    later = brown.data("exchange", "export", "--to", "CNSA", "--loan", loan, user="james.head")
    after = cnsa.run("exchange", "import", later["file"], user="zhang.wei")
    assert after.code == 1 and "revoked" in after.err

    for place in (cnsa, brown):
        assert place.run("verify").code == 0, place.run("verify").out


def _rewritten(path: Path, change: Any) -> bytes:
    """The file with its content changed and its old signature kept."""
    with zipfile.ZipFile(path) as archive:
        content = json.loads(archive.read("exchange.json"))
        signature = archive.read("signature.json")
    import rfc8785

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("exchange.json", rfc8785.dumps(change(content)))
        archive.writestr("signature.json", signature)
    return buffer.getvalue()


def test_exchange_and_partners_need_an_action_or_list(tmp_path: Path) -> None:
    place = _init(tmp_path, "CNSA", "CNSA Lunar Sample Laboratory", "lender", [])
    bare = place.run("exchange")
    assert bare.code == 2 and "say which action" in bare.err
    assert place.data("partners") == [] and place.data("exchange", "list") == []


# ---------------------------------------------------------------------- demo --installations


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """``demo --installations`` built once for the tests that read it."""
    folder = tmp_path_factory.mktemp("demo") / "journey"
    with fast_secrets():
        built = run("demo", "--installations", str(folder), "--json")
    assert built.code == 0, built.err
    made = built.json()
    assert isinstance(made, dict)
    return folder, made


def test_demo_installations_builds_three_databases_that_verify(
    demo: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    folder, made = demo
    assert [(i["code"], Path(i["database"]).name) for i in made["installations"]] == [
        ("CNSA", "cnsa.db"), ("BROWN", "brown.db"), ("SLL", "sll.db"),
    ]  # fmt: skip
    assert made["password"] == journey.PASSWORD and made["pins"] == journey.PINS
    brown = made["installations"][1]
    assert brown["open"] == f"lunar-custody --db {folder / 'brown.db'}"
    assert {p["username"] for p in brown["people"]} == {
        "brown.admin",
        "carla.pieters",
        "james.head",
    }
    steps = [f["step"] for f in made["files"]]
    assert steps[0] == "offer" and steps[-1] == "report"
    assert {"answer", "shipment", "legs", "receipt", "return"} <= set(steps)
    carried = sorted(p.name for p in (folder / "exchange").iterdir())
    assert carried[:3] == [
        "00-BROWN-introduction.lcx",
        "00-CNSA-introduction.lcx",
        "00-SLL-introduction.lcx",
    ]
    assert [Path(f["file"]).name for f in made["files"]] == carried[3:]
    assert carried[3].startswith("01-CNSA-to-BROWN-0001-offer-")

    for name in ("cnsa.db", "brown.db", "sll.db"):
        checked = run("verify", "--db", str(folder / name))
        assert checked.code == 0, checked.out
    # the lender's history says where each event was first recorded
    history = run("history", journey.SECOND, "--db", str(folder / "cnsa.db"))
    assert "recorded at" in history.out and re.search(
        r"split \(child made\).*BROWN #\d+", history.out
    )
    assert "here (transcribed)" in history.out
    # the borrower's database tells the loan's story from its side
    loans = run("loans", "--db", str(folder / "brown.db"), "--json").json()
    assert isinstance(loans, list) and [loan["status"] for loan in loans] == ["closed"]

    again = run("demo", "--installations", str(folder))
    assert again.code == 1 and "cnsa.db, brown.db, sll.db, exchange already" in again.err
    opened = run("demo", "--installations", str(tmp_path / "other"), "--open")
    assert opened.code == 1 and not (tmp_path / "other").exists()


def test_demo_installations_prints_how_to_open_each(tmp_path: Path) -> None:
    built = run("demo", "--installations", str(tmp_path))
    assert built.code == 0, built.err
    for name in ("cnsa.db", "brown.db", "sll.db"):
        assert f"open it:  lunar-custody --db {tmp_path / name}" in built.out
    assert f"password is {journey.PASSWORD!r}" in built.out
    assert "chen.courier 2468" in built.out
    assert re.search(r"offer\s+CNSA\s+BROWN\s+01-CNSA-to-BROWN-0001-offer-", built.out)


# ---------------------------------------------------------------------- README's snippet


def _readme_snippet() -> str:
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    found = [b for b in blocks if "def check_exchange_file" in b]
    assert len(found) == 1, "README.md holds the snippet that checks an exchange file"
    return found[0]


def test_the_readme_snippet_checks_a_real_file_with_the_sender_certificate(
    demo: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    snippet = _readme_snippet()
    imported = {
        (node.module if isinstance(node, ast.ImportFrom) else alias.name).split(".")[0]
        for node in ast.walk(ast.parse(snippet))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported <= {"base64", "json", "zipfile", "rfc8785", "cryptography"}, imported
    namespace: dict[str, Any] = {}
    exec(compile(snippet, "README.md", "exec"), namespace)
    check = namespace["check_exchange_file"]

    folder, made = demo
    files = {Path(f["file"]).name: Path(f["file"]) for f in made["files"]}
    receipt = next(p for name, p in files.items() if "-CNSA-to-SLL-" in name and "receipt" in name)
    cnsa_pem = tmp_path / "CNSA.pem"
    assert run("keys", "export", "-o", str(cnsa_pem), "--db", str(folder / "cnsa.db")).code == 0
    brown_pem = tmp_path / "BROWN.pem"
    assert run("keys", "export", "-o", str(brown_pem), "--db", str(folder / "brown.db")).code == 0

    content = check(str(receipt), cnsa_pem.read_bytes())
    assert content["kind"] == "receipt" and content["sender"]["code"] == "CNSA"
    # events recorded at Brown travel with Brown's signature, checked with Brown's key
    origins = {e["statement"]["origin"]["code"] for e in content["events"]}
    assert origins == {"CNSA", "BROWN"}

    with pytest.raises(AssertionError, match="signed by another key"):
        check(str(receipt), brown_pem.read_bytes())
    forged = tmp_path / "forged.lcx"
    forged.write_bytes(_rewritten(receipt, lambda c: {**c, "subject": "forged"}))
    with pytest.raises(InvalidSignature):
        check(str(forged), cnsa_pem.read_bytes())


def test_the_readme_documents_every_field_a_file_carries() -> None:
    text = README.read_text(encoding="utf-8")
    documented = text[text.index("### Exchange files") :]
    for section, model in {**SECTIONS, **LATE_SECTIONS}.items():
        line = next(
            (row for row in documented.splitlines() if row.startswith(f"| `{section}` |")), ""
        )
        assert line, f"README.md names no section {section}"
        missing = [f.name for f in SPECS[model] if f"`{f.name}`" not in line]
        assert not missing, f"{section}: {missing}"
    for name in (*REF_NAMES, "origin", "seq", "hash", "occurred_at", "mass_ug", "transcribed"):
        assert f'"{name}"' in documented, name
    for kind in KINDS:
        assert f"| `{kind}` |" in documented, kind
