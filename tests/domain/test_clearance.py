"""Clearance before approval: the checklist from the template, attested by either side with
a file kept with its SHA-256, waived by the lender's curator with a reason; approval refused
while items are open; reminders of what expires; verify replays it all."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest

from lunar_custody.domain import clearance, loans, queries
from lunar_custody.domain.errors import (
    NotFoundError,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from lunar_custody.domain.reminders import ReminderKind
from tests.worlds import A1, World

SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
PERMIT = b"%PDF-1.4 import permit no. 2026-17\n"


def _draft(world: World, borrower: str = "BROWN", pi: str = "brown_lm", aliquot: str = A1) -> str:
    number = loans.create_loan(
        world.db,
        world["zhang"],
        borrower_code=borrower,
        principal_investigator=pi,
        purpose="Noble gases",
        starts_on=world.today,
        due_on=world.today + timedelta(days=200),
    ).number
    loans.add_loan_items(world.db, world["zhang"], number, [aliquot])
    return number


def test_the_template_gives_each_pair_of_countries_its_checklist() -> None:
    us = clearance.checklist_for("China", "United States")
    german = clearance.checklist_for("CN", "Germany")
    assert us.template_id == "clearance-v1" and us.version == 1
    assert [i.key for i in german.items] == [
        "security_plan",
        "co_investigator_signatures",
        "export_licence",
        "import_permit",
        "insurance",
    ]
    assert [i.key for i in us.items] == [*(i.key for i in german.items), "borrower_authorities"]
    assert "Wolf Amendment" in us.items[-1].help
    assert [i.key for i in german.items if i.can_expire] == [
        "export_licence",
        "import_permit",
        "insurance",
    ]
    assert clearance.item_text(1, "insurance", "zh") == (
        "保险",
        "覆盖样品运输途中及存放于借用方期间的保险。",
    )
    assert clearance.item_text(1, "insurance", "en") == (
        "Insurance",
        "Insurance covering the samples in transit and at the borrower.",
    )


def test_approval_waits_for_a_complete_clearance(world: World) -> None:
    """On both databases: the whole path, and verify replays what it wrote."""
    db = world.db
    number = _draft(world)  # Brown: a US borrower, six items
    listed = queries.clearance_list(db, number)
    assert listed.recorded and len(listed.lines) == 6
    assert all(line.status == "pending" for line in listed.lines)

    # the borrower's lab manager attests its import permit, with the file
    attested = clearance.attest_item(
        db,
        world["brown_lm"],
        number,
        "import_permit",
        note="Permit 2026-17",
        file_name="/scans/permit.pdf",
        file_content=PERMIT,
        expires_on=world.today + timedelta(days=20),
    )
    assert attested.file_sha256 == hashlib.sha256(PERMIT).hexdigest()
    with world.refused(PermissionDenied, "Only a curator may waive clearance items."):
        clearance.waive_item(db, world["brown_lm"], number, "insurance", reason="none")
    clearance.waive_item(
        db, world["li"], number, "insurance", reason="Covered by the lender's policy"
    )
    for key in ("security_plan", "co_investigator_signatures", "export_licence"):
        clearance.attest_item(db, world["zhang"], number, key)

    with world.refused(
        RuleViolation,
        "Clearance is not complete: 1 item open: "
        "Certification required by the borrower's authorities.",
    ):
        loans.approve_loan(db, world["zhang"], number, world.cred("zhang"))
    clearance.attest_item(db, world["brown_pi"], number, "borrower_authorities")
    assert loans.approve_loan(db, world["zhang"], number, world.cred("zhang")).status == (
        "approved"
    )

    lines = {line.key: line for line in queries.clearance_list(db, number).lines}
    permit, insurance = lines["import_permit"], lines["insurance"]
    assert (permit.status, permit.attested_by, permit.file_name) == (
        "attested",
        "Carla Pieters",
        "permit.pdf",
    )
    assert permit.file_size == len(PERMIT)
    assert queries.clearance_file(db, number, "import_permit") == ("permit.pdf", PERMIT)
    assert (insurance.status, insurance.waived_by, insurance.waiver_reason) == (
        "waived",
        "Li Na",
        "Covered by the lender's policy",
    )
    (due,) = [r for r in queries.reminders(db) if r.item.kind == ReminderKind.CLEARANCE_EXPIRING]
    assert (due.item.loan_number, due.item.contact_name, due.item.due_on) == (
        number,
        "Carla Pieters",
        world.today + timedelta(days=20),
    )
    assert due.item.subject == f"Renew 'Import permit' of loan {number} before it expires."
    agreement = queries.agreement_data(db, number)
    assert [line.key for line in agreement.clearance] == list(lines)
    world.check_rules()  # verify: the checklist's rows replay from the audit trail


@SQLITE
def test_bad_input_and_the_wrong_people_change_nothing(world: World) -> None:
    db = world.db
    number = _draft(world, borrower="KOLN", pi="koln_lm")
    with world.refused(NotFoundError, f"Loan {number} has no clearance item 'visa'"):
        clearance.attest_item(db, world["zhang"], number, "visa")
    with world.refused(PermissionDenied, "Only a curator or lab manager may attest"):
        clearance.attest_item(db, world["auditor"], number, "insurance")
    with world.refused(PermissionDenied, "Only CNSA Lunar Sample Laboratory or University of"):
        clearance.attest_item(db, world["brown_lm"], number, "insurance")
    with world.refused(ValidationError, "The reason for the waiver is required."):
        clearance.waive_item(db, world["zhang"], number, "insurance", reason="  ")
    with world.refused(ValidationError, "'Security plan' has no expiry date"):
        clearance.attest_item(
            db, world["zhang"], number, "security_plan", expires_on=world.today + timedelta(1)
        )
    with world.refused(ValidationError, "has passed already"):
        clearance.attest_item(db, world["zhang"], number, "insurance", expires_on=world.today)
    with world.refused(ValidationError, "The file empty.pdf is empty."):
        clearance.attest_item(
            db, world["zhang"], number, "insurance", file_name="empty.pdf", file_content=b""
        )
    loans.cancel_loan(db, world["zhang"], number, reason="withdrawn")
    with world.refused(RuleViolation, f"Loan {number} is cancelled; its clearance can no"):
        clearance.attest_item(db, world["zhang"], number, "insurance")
