"""The clearance command: list a loan's checklist, attest with a file, waive; approval
refused in the same words while items are open."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from pathlib import Path

from tests.cli.test_cli import as_user, run, secrets, url  # noqa: F401  (the fixture)
from tests.domain.test_clearance import PERMIT, SQLITE, _draft
from tests.worlds import World


@SQLITE
def test_the_clearance_command(
    world: World,
    secrets: dict[str, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    number = _draft(world, borrower="KOLN", pi="koln_lm")
    permit = tmp_path / "permit.pdf"
    permit.write_bytes(PERMIT)
    expires = str(world.today + timedelta(days=90))
    done = as_user(
        world, secrets, "koln_lm", "clearance", "attest", number, "import_permit",
        "--file", str(permit), "--expires", expires, "--note", "Permit 17",
    )  # fmt: skip
    assert done.code == 0, done.err
    assert hashlib.sha256(PERMIT).hexdigest() in done.out
    refused = as_user(world, secrets, "koln_lm", "clearance", "waive", number, "insurance",
                      "--reason", "not needed")  # fmt: skip
    assert (refused.code, refused.err.strip()) == (
        1,
        "lunar-custody: Only a curator may waive clearance items.",
    )
    waived = as_user(world, secrets, "zhang", "clearance", "waive", number, "insurance",
                     "--reason", "lender's policy")  # fmt: skip
    assert waived.code == 0, waived.err
    listed = as_user(world, secrets, "zhang", "clearance", "list", number, "--json")
    data = json.loads(listed.out)
    assert data["complete"] is False
    assert {i["key"]: i["status"] for i in data["items"]} == {
        "security_plan": "pending",
        "co_investigator_signatures": "pending",
        "export_licence": "pending",
        "import_permit": "attested",
        "insurance": "waived",
    }
    approve = as_user(world, secrets, "zhang", "loan-approve", number)
    assert approve.code == 1
    assert approve.err.strip() == (
        "lunar-custody: Clearance is not complete: 3 items open: Security plan, "
        "Co-investigators' signatures under the security plan, Export licence "
        "(or 'not required')."
    )
    text = as_user(world, secrets, "zhang", "clearance", "list", number).out
    assert "Clearance of loan" in text and "3 open" in text and "lender's policy" in text
    # the file kept with the permit, written back as it was attested
    copy = tmp_path / "out" / "permit-copy.pdf"
    copy.parent.mkdir()
    written = run("clearance", "file", number, "import_permit", "-o", str(copy), "--db", url(world))
    assert written.code == 0, written.err
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == hashlib.sha256(PERMIT).hexdigest()
    assert data["items"][3]["file_sha256"] in written.out
    none = run("clearance", "file", number, "insurance", "-o", str(copy), "--db", url(world))
    assert (none.code, none.err.strip()) == (
        1,
        f"lunar-custody: Item 'insurance' of loan {number} has no file.",
    )
