"""Deliverables and the return accounting (form F-75): what a loan owes, and closing."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import TYPE_CHECKING

from lunar_custody.domain import custody, deliverables, loans, queries, registry, rules
from lunar_custody.domain.errors import PermissionDenied, RuleViolation, ValidationError
from lunar_custody.domain.reminders import ReminderKind

if TYPE_CHECKING:
    from tests.worlds import World

A1, A2, A3 = (f"CE5C0400YJFM0050{n}" for n in (1, 2, 3))


def test_a_loan_closes_when_its_accounting_balances_and_nothing_is_owed(
    standard_deliverables: World,
) -> None:
    world = standard_deliverables
    db, today = world.db, world.today
    loan = world.active_loan([A1, A2], due_on=today + timedelta(days=60))
    owed = queries.loan_deliverables(db, loan)
    assert [(d.kind, d.due_on - today) for d in owed] == [
        ("return_accounting", timedelta(days=90)),
        ("data_report", timedelta(days=243)),
        ("publication", timedelta(days=790)),
    ]
    # an extension moves what is owed after the due date with it
    loans.extend_loan(
        db,
        world["zhang"],
        loan,
        today + timedelta(days=70),
        reason="r",
        credential=world.cred("zhang"),
    )
    assert queries.loan_deliverables(db, loan)[0].due_on == today + timedelta(days=100)

    world.ship([A1, A2], loan=loan)
    (child,) = registry.split_aliquot(db, world["brown_lm"], A1, [120_000])
    registry.consume(db, world["brown_lm"], child.number, 20_000)
    world.send_back([A2, child.number])
    accounting = queries.loan_return_accounting(db, loan).accounting
    line = accounting.lines[0]
    assert (line.aliquot_number, line.children) == (A1, (child.number,))
    # issued, split (inside the loan), consumed, lost, returned, accountable
    assert (
        line.issued_ug,
        line.split_ug,
        line.consumed_ug,
        line.lost_ug,
        line.returned_ug,
        line.accountable_ug,
    ) == (500_000, 120_000, 20_000, 0, 100_000, 380_000)
    assert accounting.balances and not accounting.settled
    assert (accounting.total.issued_ug, accounting.total.returned_ug) == (800_000, 400_000)
    with world.refused(RuleViolation, f"1 item is still out ({A1})"):
        loans.close_loan(db, world["zhang"], loan, world.cred("zhang"))

    world.send_back([A1])
    assert queries.loan_return_accounting(db, loan).accounting.settled
    (summary,) = queries.loans(db, today=today, awaiting_deliverables_only=True)
    assert (summary.number, summary.display_state, summary.open_deliverables) == (
        loan,
        rules.AWAITING_DELIVERABLES,
        3,
    )
    with world.refused(RuleViolation, f"Loan {loan} cannot be closed: deliverables still open"):
        loans.close_loan(db, world["zhang"], loan, world.cred("zhang"))

    report, data, publication = (d.id for d in queries.loan_deliverables(db, loan))
    with world.refused(ValidationError, "The reference is required."):
        deliverables.deliver(db, world["zhang"], loan, report, reference="  ")
    sha = hashlib.sha256(b"F-75").hexdigest()
    deliverables.deliver(db, world["zhang"], loan, report, reference="F75.pdf", file_sha256=sha)
    deliverables.deliver(db, world["zhang"], loan, data, reference="doi:10.1000/xyz")
    with world.refused(RuleViolation, "This deliverable is delivered already."):
        deliverables.deliver(db, world["zhang"], loan, data, reference="again")
    with world.refused(PermissionDenied, "Only a curator may close loans."):
        deliverables.waive(db, world["brown_lm"], loan, publication, reason="no paper")
    deliverables.waive(db, world["zhang"], loan, publication, reason="Results were negative.")
    rows = queries.loan_deliverables(db, loan)
    assert [(r.status, r.delivered_by or r.waived_by) for r in rows] == [
        ("delivered", "Zhang Wei"),
        ("delivered", "Zhang Wei"),
        ("waived", "Zhang Wei"),
    ]
    assert rows[0].file_sha256 == sha
    assert loans.close_loan(db, world["zhang"], loan, world.cred("zhang")).status == "closed"
    world.check_rules()


def test_a_return_weighed_light_is_accounted_as_lost_not_as_returned(world: World) -> None:
    """The return's discrepancy is settled once the aliquot is back with the lender; the
    F-75 then says what came back, whether the difference is written off or the book mass
    corrected."""
    db = world.db
    loan = world.active_loan([A1, A2])
    world.ship([A1, A2], loan=loan)
    back = world.release([A1, A2], sender="brown_lm", receiver="zhang", seal="SEAL-RET")
    receipt = world.receive(back, receiver="zhang", measured={A1: 450_000, A2: 290_000})
    with world.refused(RuleViolation, "until the discrepancy found at receipt"):
        loans.close_loan(db, world["zhang"], loan, world.cred("zhang"))
    by_mass = {found.expected_mass_ug: found.id for found in receipt.discrepancies}
    for issued, resolution in ((500_000, "record_loss"), (300_000, "correct_book_mass")):
        custody.resolve_discrepancy(
            db,
            world["zhang"],
            by_mass[issued],
            resolution=resolution,
            note="weighed",
            credential=world.cred("zhang"),
        )
    accounting = queries.loan_return_accounting(db, loan).accounting
    lines = {line.aliquot_number: line for line in accounting.lines}
    # issued, corrected, lost, returned
    assert (lines[A1].issued_ug, lines[A1].lost_ug, lines[A1].returned_ug) == (
        500_000,
        50_000,
        450_000,
    )
    assert (lines[A2].issued_ug, lines[A2].corrected_ug, lines[A2].returned_ug) == (
        300_000,
        -10_000,
        290_000,
    )
    assert accounting.settled
    assert loans.close_loan(db, world["zhang"], loan, world.cred("zhang")).status == "closed"
    world.check_rules()


def test_overdue_deliverables_flag_the_pi_and_are_reminded(world: World) -> None:
    db, today = world.db, world.today
    loan = world.active_loan([A3])
    added = deliverables.add_deliverable(
        db,
        world["zhang"],
        loan,
        kind="data_report",
        title="Raman spectra",
        due_on=today - timedelta(days=8),
    )
    with world.refused(ValidationError, "A deliverable is one of:"):
        deliverables.add_deliverable(db, world["zhang"], loan, kind="poem", title="x", due_on=today)
    pi = world.person("brown_lm")
    with db.read() as session:
        (late,) = deliverables.overdue_deliverables(session, pi.id, today)
        why = deliverables.why_not_deliverables_overdue(session, pi.id, today)
        nobody = deliverables.why_not_deliverables_overdue(session, world.person("zhang").id, today)
    assert late.id == added and late.status == "overdue"
    assert why == (
        f"Carla Pieters owes an overdue deliverable: Raman spectra (loan {loan}, due "
        f"{(today - timedelta(days=8)).isoformat()})."
    )
    assert nobody is None
    (reminder,) = [
        r for r in queries.reminders(db, today) if r.item.kind == ReminderKind.DELIVERABLE_OWED
    ]
    assert (reminder.tier, reminder.item.contact_name, str(reminder.item.subject)) == (
        "late_7_days",
        "Carla Pieters",
        f"Deliver Raman spectra for loan {loan}.",
    )
    (summary,) = queries.loans(db, today=today, number=loan)
    assert (summary.overdue_deliverables, summary.display_state) == (1, "active")


def test_the_first_line_that_does_not_balance_is_named() -> None:
    lines = [
        loans.ReturnLine("X,1", 100, 0, 10, 0, 90, 0),
        loans.ReturnLine("X,2", 100, 0, 10, 0, 80, 0),
    ]
    assert rules.why_not_close_accounted("L1", lines, []) == (
        "Loan L1 cannot be closed: the return accounting of X,2 does not balance (issued "
        "100 µg, accounted for 90 µg). Resolve the difference with a recorded loss or "
        "correction first."
    )
    assert rules.why_not_close_accounted("L1", lines[:1], []) is None
