"""The loan lifecycle: draft, approve, countersign, ship, extend, partial returns, close."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from lunar_custody.domain import custody, loans, queries, registry
from lunar_custody.domain.errors import (
    AuthenticationError,
    NotFoundError,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from lunar_custody.domain.masses import format_mass
from lunar_custody.domain.models import AuditEntry, Loan, LoanItem, Signature

if TYPE_CHECKING:
    from .conftest import World

A1, A2, A3, A4 = (f"CE5C0400YJFM0050{n}" for n in (1, 2, 3, 4))


def _draft(world: World, **changes: object) -> str:
    fields: dict[str, object] = {
        "borrower_code": "BROWN",
        "principal_investigator": "brown_lm",
        "purpose": "Space weathering",
        "starts_on": world.today,
        "due_on": world.today + timedelta(days=180),
    } | changes
    return loans.create_loan(world.db, world["zhang"], **fields).number  # type: ignore[arg-type]


def _loan(world: World, number: str) -> Loan:
    return world.read(lambda s: s.scalars(select(Loan).where(Loan.number == number)).one())


def _items(world: World, number: str) -> dict[str, loans.ItemReconciliation]:
    return {i.aliquot_number: i for i in queries.loan_detail(world.db, number).items}


# ------------------------------------------------------------------ drafting


def test_drafting(world: World) -> None:
    _draft_a_loan(world)
    _draft_refusals(world)


def _draft_a_loan(world: World) -> None:
    loan = loans.create_loan(
        world.db,
        world["zhang"],
        borrower_code="brown",
        principal_investigator="brown_lm",
        purpose="  Noble gases  ",
        starts_on=world.today,
        due_on=world.today + timedelta(days=365),
        destructive_analysis_allowed=True,
        co_investigators="James Head\nCarle Pieters",
        notes="NASA SSERVI funding",
    )
    year = loan.created_at.year
    assert loan.number == f"L{year}-0001"
    assert _draft(world) == f"L{year}-0002"
    stored = _loan(world, loan.number)
    assert (stored.status, stored.purpose, stored.destructive_analysis_allowed) == (
        "draft",
        "Noble gases",
        True,
    )
    assert stored.created_by_id == world["zhang"].person_id
    assert stored.extension_count == 0 and stored.approved_at is None


def _draft_refusals(world: World) -> None:
    db, zhang, today = world.db, world["zhang"], world.today
    cases: list[tuple[dict[str, object], type, str]] = [
        ({"borrower_code": "MIT"}, NotFoundError, "no institution with the code 'MIT'"),
        ({"borrower_code": "SECURE"}, ValidationError, "is not an active borrowing institution"),
        ({"borrower_code": "CNSA"}, ValidationError, "is not an active borrowing institution"),
        ({"principal_investigator": "ghost"}, NotFoundError, "no person with the user name"),
        ({"principal_investigator": "koln_lm"}, ValidationError, "Klaus Mezger does not work at"),
        ({"due_on": today}, ValidationError, "must end after it starts"),
        ({"due_on": today - timedelta(days=1)}, ValidationError, "must end after it starts"),
        ({"due_on": today + timedelta(days=5 * 366 + 1)}, ValidationError, "five years at most"),
        ({"purpose": "  "}, ValidationError, "purpose is required"),
        ({"notes": "bad\x00byte"}, ValidationError, "notes contains control characters"),
    ]
    for changes, error, words in cases:
        with world.refused(error, words):
            _draft(world, **changes)
    with world.refused(PermissionDenied, "Only a curator may prepare loans."):
        loans.create_loan(
            db,
            world["brown_lm"],
            borrower_code="BROWN",
            principal_investigator="brown_lm",
            purpose="x",
            starts_on=today,
            due_on=today + timedelta(days=5),
        )
    brown_curator = world.add_person("brown_curator", "BROWN", "curator")
    with world.refused(PermissionDenied, "Loans are prepared by the lending institution."):
        loans.create_loan(
            db,
            brown_curator,
            borrower_code="BROWN",
            principal_investigator="brown_lm",
            purpose="x",
            starts_on=today,
            due_on=today + timedelta(days=5),
        )
    registry.update_institution(db, world["admin"], "KOLN", active=False)
    with world.refused(ValidationError, "University of Cologne is not an active borrowing"):
        _draft(world, borrower_code="KOLN", principal_investigator="koln_lm")
    assert zhang.may("draft_loan")


def test_edit_items_of_a_draft(world: World) -> None:
    db, zhang = world.db, world["zhang"]
    loan = _draft(world)
    loans.add_loan_items(db, zhang, loan, [A1, " " + A2.lower()])
    loans.update_loan(
        db, zhang, loan, purpose="Changed", due_on=world.today + timedelta(days=30), notes="n"
    )
    with world.refused(ValidationError, "Name at least one aliquot"):
        loans.add_loan_items(db, zhang, loan, [])
    with world.refused(RuleViolation, f"Aliquot {A1} is on loan {loan} already"):
        loans.add_loan_items(db, zhang, loan, [A3, A1])  # all or none: A3 is not added
    with world.refused(NotFoundError, "There is no aliquot 'CE5C0400YJFM00599'"):
        loans.add_loan_items(db, zhang, loan, [A3, "CE5C0400YJFM00599"])
    other = _draft(world, borrower_code="KOLN", principal_investigator="koln_lm")
    with world.refused(RuleViolation, f"Aliquot {A2} is already on open loan {loan}"):
        loans.add_loan_items(db, zhang, other, [A2])
    with world.refused(ValidationError, "no editable field 'status'"):
        loans.update_loan(db, zhang, loan, status="active")
    with world.refused(ValidationError, "must end after it starts"):
        loans.update_loan(db, zhang, loan, due_on=world.today - timedelta(days=3))
    with world.refused(ValidationError, "purpose is required"):
        loans.update_loan(db, zhang, loan, purpose="")
    loans.remove_loan_item(db, zhang, loan, A2)
    with world.refused(RuleViolation, f"Aliquot {A2} is not on loan {loan}"):
        loans.remove_loan_item(db, zhang, loan, A2)
    stored = _loan(world, loan)
    assert (stored.purpose, stored.due_on, stored.notes) == (
        "Changed",
        world.today + timedelta(days=30),
        "n",
    )
    with world.db.read() as session:
        items = session.scalars(select(LoanItem).join(Loan).where(Loan.number == loan)).all()
        assert [(i.aliquot.number, i.mass_at_loan_ug) for i in items] == [(A1, 500_000)]
    loans.add_loan_items(db, zhang, other, [A2])  # free again
    # material that is not in the lender's storage cannot be lent
    third = world.active_loan([A3])
    world.ship([A3], loan=third)
    with world.refused(RuleViolation, f"Aliquot {A3} is not in the lender's storage"):
        loans.add_loan_items(db, zhang, loan, [A3])


def test_approve_and_countersign(world: World) -> None:
    db = world.db
    loan = _draft(world)
    with world.refused(RuleViolation, f"Loan {loan} cannot be approved: it has no items"):
        loans.approve_loan(db, world["zhang"], loan, world.cred("zhang"))
    loans.add_loan_items(db, world["zhang"], loan, [A1])
    with world.refused(RuleViolation, f"Loan {loan} is draft;", "can be countersigned"):
        loans.countersign_loan(db, world["brown_lm"], loan, world.cred("brown_lm"))
    with world.refused(PermissionDenied, "Only a curator may approve loans."):
        loans.approve_loan(db, world["brown_lm"], loan, world.cred("brown_lm"))
    with world.refused(RuleViolation, "Clearance is not complete: 6 items open: Security plan"):
        loans.approve_loan(db, world["zhang"], loan, world.cred("zhang"))
    world.clear(loan)
    with world.refused(
        AuthenticationError, "Wrong password for Zhang Wei", ignore=world.SECRET_COUNTERS
    ):
        loans.approve_loan(db, world["zhang"], loan, world.cred("zhang", "nope-nope"))
    approved = loans.approve_loan(db, world["li"], loan, world.cred("li"))
    assert approved.status == "approved"
    with world.refused(
        RuleViolation, f"Loan {loan} is approved; only a draft loan can be approved"
    ):
        loans.approve_loan(db, world["zhang"], loan, world.cred("zhang"))
    with world.refused(RuleViolation, "only a draft loan can be changed"):
        loans.add_loan_items(db, world["zhang"], loan, [A2])
    with world.refused(RuleViolation, "only a draft loan can be edited"):
        loans.update_loan(db, world["zhang"], loan, purpose="Other")
    with world.refused(
        PermissionDenied, f"Only Brown University, the borrower, countersigns loan {loan}"
    ):
        loans.countersign_loan(db, world["koln_lm"], loan, world.cred("koln_lm"))
    with world.refused(
        PermissionDenied, f"Only Brown University, the borrower, countersigns loan {loan}"
    ):
        loans.countersign_loan(db, world["zhang"], loan, world.cred("zhang"))
    with world.refused(PermissionDenied, "You sign with your own password"):
        loans.countersign_loan(db, world["brown_pi"], loan, world.cred("brown_lm"))
    active = loans.countersign_loan(db, world["brown_pi"], loan, world.cred("brown_pi"))
    assert active.status == "active"
    stored = _loan(world, loan)
    assert stored.approved_at is not None and stored.countersigned_at is not None
    assert stored.countersigned_at >= stored.approved_at
    detail = queries.loan_detail(db, loan)
    assert [(s.printed_name, s.meaning) for s in detail.signatures] == [
        ("Li Na", "approved"),
        ("James Head", "countersigned"),
    ]
    assert detail.summary.status == "active" and detail.lender == "CNSA Lunar Sample Laboratory"


def test_extend(world: World) -> None:
    db, zhang = world.db, world["zhang"]
    draft = _draft(world)
    with world.refused(RuleViolation, f"Loan {draft} is draft; it cannot be extended"):
        loans.extend_loan(
            db,
            zhang,
            draft,
            world.today + timedelta(days=999),
            reason="r",
            credential=world.cred("zhang"),
        )
    loan = world.active_loan([A1], due_on=world.today + timedelta(days=100))
    old_due = world.today + timedelta(days=100)
    new_due = world.today + timedelta(days=400)
    cases: list[tuple[date, str, type, str]] = [
        (old_due, "r", ValidationError, f"after the current one ({old_due.isoformat()})"),
        (new_due, " ", ValidationError, "reason for the extension is required"),
        (world.today + timedelta(days=5 * 366 + 1), "r", ValidationError, "five years at most"),
    ]
    for due, reason, error, words in cases:
        with world.refused(error, words):
            loans.extend_loan(db, zhang, loan, due, reason=reason, credential=world.cred("zhang"))
    with world.refused(PermissionDenied, "Only a curator may extend loans."):
        loans.extend_loan(
            db, world["brown_lm"], loan, new_due, reason="r", credential=world.cred("brown_lm")
        )
    extended = loans.extend_loan(
        db, zhang, loan, new_due, reason="Instrument down", credential=world.cred("zhang")
    )
    assert extended.due_on == new_due and extended.extension_count == 1
    stored = _loan(world, loan)
    assert f"Extended to {new_due.isoformat()} on " in stored.notes
    assert stored.notes.endswith(": Instrument down")
    # the audit trail keeps the old date
    with world.db.read() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "loans", AuditEntry.field == "due_on")
        ).one()
        assert (entry.old_value, entry.new_value) == (old_due.isoformat(), new_due.isoformat())
        assert entry.actor_id == zhang.person_id
        meanings = session.scalars(
            select(Signature.meaning).where(Signature.record_number == loan).order_by(Signature.id)
        ).all()
    assert meanings == ["approved", "countersigned", "extended"]


# ------------------------------------------------------------------ shipping and returning


def test_full_lifecycle_with_partial_returns_and_reconciliation(world: World) -> None:
    db = world.db
    loan = world.active_loan([A1, A2, A3], destructive=True)
    assert {i.status for i in _items(world, loan).values()} == {"not shipped"}
    world.ship([A1, A2], loan=loan)
    items = _items(world, loan)
    assert (items[A1].issued_ug, items[A1].outstanding_ug, items[A1].status) == (
        500_000,
        500_000,
        "at borrower",
    )
    assert items[A3].status == "not shipped" and items[A3].issued_ug == 0
    # at the borrower: a split, some consumption, then a first partial return
    (child,) = registry.split_aliquot(db, world["brown_lm"], A1, [120_000])
    assert child.number == f"{A1}-G1"
    registry.consume(db, world["brown_lm"], A1, 30_000, note="laser ablation")
    registry.consume(db, world["brown_lm"], child.number, 20_000)
    first_return = world.send_back([A2])
    assert queries.transfers(db, status="received")[-1].number == first_return
    items = _items(world, loan)
    assert (items[A2].returned_ug, items[A2].outstanding_ug, items[A2].status) == (
        300_000,
        0,
        "returned",
    )
    assert world.status(A2).custodian_institution == "CNSA Lunar Sample Laboratory"
    assert world.status(A2).loan_number is None
    # the third item ships later, under the same loan
    world.ship([A3], loan=loan)
    with world.refused(RuleViolation, f"Loan {loan} cannot be closed: 3 items are still out"):
        loans.close_loan(db, world["zhang"], loan, world.cred("zhang"))
    world.send_back([child.number, A3], sender="brown_pi")
    with world.refused(RuleViolation, f"1 item is still out ({A1})"):
        loans.close_loan(db, world["zhang"], loan, world.cred("zhang"))
    summary = queries.loans(db, today=world.today)[0]
    assert (summary.items, summary.outstanding_items, summary.overdue) == (4, 1, False)
    world.send_back([A1])
    items = _items(world, loan)
    assert items == {
        A1: loans.ItemReconciliation(A1, None, 500_000, 120_000, 30_000, 0, 350_000, 0, "returned"),
        A2: loans.ItemReconciliation(A2, None, 300_000, 0, 0, 0, 300_000, 0, "returned"),
        A3: loans.ItemReconciliation(A3, None, 200_000, 0, 0, 0, 200_000, 0, "returned"),
        child.number: loans.ItemReconciliation(
            child.number, A1, 0, 0, 20_000, 0, 100_000, 0, "returned"
        ),
    }
    # every microgram issued is accounted for
    issued = sum(i.issued_ug for i in items.values())
    accounted = sum(i.consumed_ug + i.lost_ug + i.returned_ug for i in items.values())
    assert issued == accounted == 1_000_000
    closed = loans.close_loan(db, world["zhang"], loan, world.cred("zhang"))
    assert closed.status == "closed" and closed.closed_at is not None
    with world.refused(RuleViolation, f"Loan {loan} is closed;", "can be closed"):
        loans.close_loan(db, world["zhang"], loan, world.cred("zhang"))
    with world.refused(RuleViolation, f"Loan {loan} is closed; it cannot be extended"):
        loans.extend_loan(
            db,
            world["zhang"],
            loan,
            world.today + timedelta(days=999),
            reason="r",
            credential=world.cred("zhang"),
        )
    assert queries.loan_detail(db, loan).signatures[-1].meaning == "closed"
    world.check_rules()


def test_reconciliation_masses_are_integers_on_every_database(world: World) -> None:
    loan = world.active_loan([A1])
    world.ship([A1], loan=loan)
    registry.consume(world.db, world["brown_lm"], A1, 1_500)
    registry.split_aliquot(world.db, world["brown_lm"], A1, [2_000])
    (item, _child) = queries.loan_detail(world.db, loan).items
    for value in (
        item.issued_ug,
        item.split_off_ug,
        item.consumed_ug,
        item.lost_ug,
        item.outstanding_ug,
    ):
        assert type(value) is int
    assert format_mass(item.consumed_ug) == "1.500 mg"
    assert format_mass(item.split_off_ug) == "2.000 mg"


def test_state_refusals_read_well(world: World) -> None:
    """'only an approved loan', not 'only a approved loan'."""
    loan = _draft(world)
    loans.add_loan_items(world.db, world["zhang"], loan, [A1])
    with world.refused(RuleViolation, "only an approved loan can be countersigned."):
        loans.countersign_loan(world.db, world["brown_lm"], loan, world.cred("brown_lm"))
    with world.refused(RuleViolation, "only an active loan can be closed."):
        loans.close_loan(world.db, world["zhang"], loan, world.cred("zhang"))


def test_consumption_only_on_an_active_loan_that_allows_destructive_analysis(world: World) -> None:
    db = world.db
    gentle = world.active_loan([A1], destructive=False)
    world.ship([A1], loan=gentle)
    with world.refused(RuleViolation, f"Loan {gentle} does not allow destructive analysis of {A1}"):
        registry.consume(db, world["brown_lm"], A1, 1_000)
    destructive = world.active_loan([A2], destructive=True)
    world.ship([A2], loan=destructive)
    for mass, error, words in [
        (0, ValidationError, "consumed mass must be more than zero"),
        (-5, ValidationError, "consumed mass must be more than zero"),
        (300_001, RuleViolation, "holds only 300.000 mg; 300.001 mg cannot be consumed"),
    ]:
        with world.refused(error, words):
            registry.consume(db, world["brown_lm"], A2, mass)
    with world.refused(PermissionDenied, "Only a curator or lab manager may record consumption."):
        registry.consume(db, world["courier1"], A2, 1_000)
    with world.refused(PermissionDenied, "is not held by University of Cologne"):
        registry.consume(db, world["koln_lm"], A2, 1_000)
    # in transit nothing can be consumed: the courier holds it
    back = world.release([A2], sender="brown_lm", receiver="zhang", seal="R")
    with world.refused(PermissionDenied, f"Aliquot {A2} is not held by Brown University"):
        registry.consume(db, world["brown_lm"], A2, 1_000)
    with world.refused(PermissionDenied, "Only a curator or lab manager may record consumption."):
        registry.consume(db, world["courier1"], A2, 1_000)
    world.receive(back, receiver="zhang")
    # nor can an aliquot that was fully split
    registry.split_aliquot(db, world["zhang"], A4, [100_000])
    with world.refused(RuleViolation, f"Aliquot {A4} is fully split; only an aliquot in storage"):
        registry.consume(db, world["zhang"], A4, 1_000)
    registry.consume(db, world["zhang"], A2, 1_000)  # the lender consumes its own material
    assert world.status(A2).consumed_mass_ug == 1_000


def test_cancel(world: World) -> None:
    db, zhang = world.db, world["zhang"]
    draft = _draft(world)
    with world.refused(ValidationError, "reason is required"):
        loans.cancel_loan(db, zhang, draft, reason=" ")
    cancelled = loans.cancel_loan(db, zhang, draft, reason="PI moved")
    assert cancelled.status == "cancelled" and cancelled.notes.endswith("Cancelled: PI moved")
    with world.refused(RuleViolation, f"Loan {draft} is cancelled already"):
        loans.cancel_loan(db, zhang, draft, reason="again")
    loan = world.active_loan([A1, A2])
    custody.prepare_transfer(
        db,
        zhang,
        aliquot_numbers=[A1],
        receiver="brown_lm",
        courier="courier1",
        seal_number="S",
        loan_number=loan,
    )
    with world.refused(RuleViolation, f"Loan {loan} has a package under way; cancel that first"):
        loans.cancel_loan(db, zhang, loan, reason="x")
    world.ship([A2], loan=loan)
    with world.refused(
        RuleViolation, f"Loan {loan} cannot be cancelled: it has shipped items (close it instead)"
    ):
        loans.cancel_loan(db, zhang, loan, reason="x")
    never = world.active_loan([A3])
    with world.refused(RuleViolation, f"Loan {never} never shipped anything; cancel it instead"):
        loans.close_loan(db, zhang, never, world.cred("zhang"))
    assert loans.cancel_loan(db, zhang, never, reason="cancelled by PI").status == "cancelled"
    # the aliquot is free for another loan once its loan is cancelled
    again = _draft(world, borrower_code="KOLN", principal_investigator="koln_lm")
    loans.add_loan_items(db, zhang, again, [A3])


def test_a_closed_loan_ships_nothing_more(world: World) -> None:
    """A package prepared under a loan must not leave once the loan is closed."""
    db, zhang = world.db, world["zhang"]
    loan = world.active_loan([A1, A2])
    world.ship([A1], loan=loan)
    late = custody.prepare_transfer(
        db,
        zhang,
        aliquot_numbers=[A2],
        receiver="brown_lm",
        courier="courier1",
        seal_number="S-2",
        loan_number=loan,
    )
    world.send_back([A1])
    with world.refused(RuleViolation, f"Loan {loan} has a package under way"):
        loans.close_loan(db, zhang, loan, world.cred("zhang"))
    custody.cancel_transfer(db, zhang, late.number, reason="not needed after all")
    assert loans.close_loan(db, zhang, loan, world.cred("zhang")).status == "closed"
    assert world.status(A2).status == "in_storage"


def test_overdue(world: World) -> None:
    db = world.db
    due = world.today + timedelta(days=30)
    loan = world.active_loan([A1, A2], due_on=due)
    other = world.active_loan([A3], borrower="KOLN", pi="koln_lm", due_on=due)
    after_due = due + timedelta(days=1)
    # approved and active loans with nothing out are not overdue
    assert queries.overdue_loans(db, today=after_due) == []
    world.ship([A1], loan=loan)
    world.ship([A3], loan=other, receiver="koln_lm")
    assert queries.overdue_loans(db, today=due) == []  # due today is not late
    late = queries.overdue_loans(db, today=after_due)
    assert [(s.number, s.borrower_code, s.outstanding_items) for s in late] == [
        (loan, "BROWN", 1),
        (other, "KOLN", 1),
    ]
    with world.db.read() as session:
        stored = session.scalars(select(Loan).where(Loan.number == loan)).one()
        assert loans.is_overdue(stored, after_due) and not loans.is_overdue(stored, due)
    assert [s.number for s in queries.loans(db, search="cologne", today=after_due)] == [other]
    assert [s.number for s in queries.loans(db, status="active", search="Pieters")] == [loan]
    # returning everything ends the overdue state, before the loan is closed
    world.send_back([A1])
    assert [s.number for s in queries.overdue_loans(db, today=after_due)] == [other]
    loans.extend_loan(
        db,
        world["zhang"],
        other,
        due + timedelta(days=60),
        reason="r",
        credential=world.cred("zhang"),
    )
    assert queries.overdue_loans(db, today=after_due) == []
    assert [s.number for s in queries.overdue_loans(db, today=due + timedelta(days=61))] == [other]


def test_an_emptied_parent_is_not_outstanding(world: World) -> None:
    """A loaned aliquot fully split at the borrower holds nothing: once its children are back,
    nothing is out and the loan is neither overdue nor blocked."""
    due = world.today + timedelta(days=10)
    loan = world.active_loan([A3], due_on=due)
    world.ship([A3], loan=loan)
    (child,) = registry.split_aliquot(world.db, world["brown_lm"], A3, [200_000])
    assert world.status(A3).status == "depleted"
    world.send_back([child.number])
    after_due = due + timedelta(days=20)
    (summary,) = queries.loans(world.db, today=after_due)
    assert (summary.outstanding_items, summary.overdue) == (0, False)
    assert queries.overdue_loans(world.db, today=after_due) == []
    assert _items(world, loan)[A3].outstanding_ug == 0
    assert loans.close_loan(world.db, world["zhang"], loan, world.cred("zhang")).status == "closed"


def test_is_overdue_agrees_with_the_loan_list(world: World) -> None:
    """An active loan past its date whose material is all back is not overdue, in both places."""
    due = world.today + timedelta(days=30)
    loan = world.active_loan([A1], due_on=due)
    world.ship([A1], loan=loan)
    after_due = due + timedelta(days=1)
    with world.db.read() as session:
        stored = session.scalars(select(Loan).where(Loan.number == loan)).one()
        assert loans.is_overdue(stored, after_due)
    world.send_back([A1])
    assert queries.overdue_loans(world.db, today=after_due) == []
    with world.db.read() as session:
        stored = session.scalars(select(Loan).where(Loan.number == loan)).one()
        assert not loans.is_overdue(stored, after_due)
