"""A loan's lifecycle rules asked once (domain/rules.py, the loans section): the Loans
view's tooltips, the close dialog, the service and so the command line refuse in the same
words.

The first tests are pure (the rules over plain facts); the last ones put the workstation and
the command line side by side on the same loan.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from lunar_custody.domain import loans, queries, rules
from lunar_custody.domain.errors import CustodyError, PermissionDenied, RuleViolation
from lunar_custody.domain.models import Loan
from lunar_custody.domain.permissions import Actor
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.loans import LoansView
from lunar_custody.gui.loans.detail import loan_facts
from tests.gui.conftest import _isolated_settings, ctx_for, messages
from tests.worlds import A1, A2, World, command_line

__all__ = ["_isolated_settings", "ctx_for", "messages"]  # the GUI tests' fixtures


def person(username: str, institution: str, *roles: str) -> Actor:
    return Actor(1, username, username.title(), 1, institution, frozenset(roles))


def loan(status: str = "draft", *, items: int = 1, shipped: bool = False) -> rules.LoanFacts:
    return rules.LoanFacts(
        number="L2026-0001",
        status=status,
        borrower_code="BROWN",
        borrower="Brown University",
        items=items,
        shipped=shipped,
    )


@dataclass(frozen=True)
class Row:
    aliquot_number: str
    issued_ug: int
    outstanding_ug: int
    derived_from: str | None = None


ZHANG = person("zhang", "CNSA", "curator")
CARLA = person("brown_lm", "BROWN", "lab_manager")
KOLN = person("koln_lm", "KOLN", "lab_manager")
AUDITOR = person("auditor", "CNSA", "viewer")


# ---------------------------------------------------------------------- the rules alone


def test_approve_and_countersign() -> None:
    assert rules.why_not_approve_loan(ZHANG, loan()) is None
    assert rules.why_not_approve_loan(CARLA, loan()) == "Only a curator may approve loans."
    assert rules.why_not_approve_loan(ZHANG, loan(items=0)) == (
        "Loan L2026-0001 cannot be approved: it has no items yet."
    )
    assert rules.why_not_approve_loan(ZHANG, loan("approved")) == (
        "Loan L2026-0001 is approved; only a draft loan can be approved."
    )
    assert rules.why_not_countersign_loan(CARLA, loan("approved")) is None
    assert rules.why_not_countersign_loan(AUDITOR, loan("approved")) == (
        "Only a curator or lab manager may countersign loans."
    )
    # The state first, then the side.
    assert rules.why_not_countersign_loan(KOLN, loan("draft")) == (
        "Loan L2026-0001 is draft; only an approved loan can be countersigned."
    )
    assert rules.why_not_countersign_loan(KOLN, loan("approved")) == (
        "Only Brown University, the borrower, countersigns loan L2026-0001."
    )


def test_edit_extend_close_and_cancel() -> None:
    assert rules.why_not_edit_loan(ZHANG, loan()) is None
    assert rules.why_not_edit_loan(ZHANG, loan("active")) == (
        "Loan L2026-0001 is active; only a draft loan can be edited."
    )
    assert rules.why_not_extend_loan(ZHANG, loan("active")) is None
    assert rules.why_not_extend_loan(ZHANG, loan("closed")) == (
        "Loan L2026-0001 is closed; it cannot be extended."
    )
    assert rules.why_not_close_loan(ZHANG, loan("active")) is None
    assert rules.why_not_close_loan(AUDITOR, loan("active")) == "Only a curator may close loans."
    assert rules.why_not_cancel_loan(ZHANG, loan("active")) is None
    assert rules.why_not_cancel_loan(ZHANG, loan("active", shipped=True)) == (
        "Loan L2026-0001 cannot be cancelled: it has shipped items (close it instead)."
    )
    assert rules.why_not_cancel_loan(ZHANG, loan("closed")) == (
        "Loan L2026-0001 is closed; only a draft, approved or active loan can be cancelled."
    )


def test_close_only_what_is_reconciled() -> None:
    back = Row("A", issued_ug=500, outstanding_ug=0)
    out = Row("B", issued_ug=300, outstanding_ug=300)
    assert rules.why_not_close_reconciled("L1", [back]) is None
    assert rules.why_not_close_reconciled("L1", [back, out]) == (
        "Loan L1 cannot be closed: 1 item is still out (B). "
        "Return them, or record consumption or loss first."
    )
    assert rules.why_not_close_reconciled("L1", [Row("A", 0, 0), Row("C", 10, 0, "A")]) == (
        "Loan L1 never shipped anything; cancel it instead."
    )


def test_lending_an_aliquot() -> None:
    @dataclass(frozen=True)
    class Aliquot:
        number: str = "A1"
        status: str = "in_storage"
        status_label: str = "in storage"
        custodian_institution: str | None = "CNSA"
        open_loan_number: str | None = None

    assert rules.why_not_lend(Aliquot(), in_lenders_storage=True, lendable=True) is None
    assert rules.why_not_lend(
        Aliquot(status="in_transit", status_label="in transit"),
        in_lenders_storage=False,
        lendable=False,
    ) == ("Aliquot A1 is in transit; only an aliquot in storage can be lent.")
    assert rules.why_not_lend(
        Aliquot(custodian_institution="Brown University"),
        in_lenders_storage=False,
        lendable=False,
    ) == ("Aliquot A1 is held by Brown University; only an aliquot in your storage can be lent.")
    assert rules.why_not_lend(Aliquot(), in_lenders_storage=True, lendable=False) == (
        "Aliquot A1 is already on another open loan."
    )
    assert rules.why_not_lend(
        Aliquot(open_loan_number="L2026-0003"), in_lenders_storage=True, lendable=False
    ) == ("Aliquot A1 is already on open loan L2026-0003.")
    assert rules.on_open_loan("A1", "L7") == "Aliquot A1 is already on open loan L7."


def test_the_read_model_is_what_the_rules_read(world: World) -> None:
    """The view asks with queries.LoanDetail; the service with its row: the same facts."""
    number = world.active_loan([A1])
    world.ship([A1], loan=number)
    facts = loan_facts(queries.loan_detail(world.db, number))
    from_row = world.read(
        lambda session: loans.loan_facts(
            session.scalars(select(Loan).where(Loan.number == number)).one()
        )
    )
    assert facts == from_row
    assert facts.shipped and facts.items == 1 and facts.status == "active"


# ---------------------------------------------------------------------- side by side


def refusal(error: type[CustodyError], act: Callable[[], object]) -> str:
    with pytest.raises(error) as raised:
        act()
    return str(raised.value)


def view_for(qtbot: QtBot, ctx: AppContext, number: str) -> LoansView:
    view = LoansView(ctx)
    qtbot.addWidget(view)
    assert view.select_loan(number)
    return view


def draft(world: World, aliquots: list[str]) -> str:
    number = loans.create_loan(
        world.db,
        world["zhang"],
        borrower_code="BROWN",
        principal_investigator="brown_lm",
        purpose="Noble gases",
        starts_on=world.today,
        due_on=world.today + timedelta(days=200),
    ).number
    if aliquots:
        loans.add_loan_items(world.db, world["zhang"], number, aliquots)
    return number


def test_countersign_by_the_wrong_borrower_in_the_same_words_everywhere(
    qtbot: QtBot,
    world: World,
    tmp_path: Path,
    ctx_for: Callable[[str], AppContext],
    messages: object,
) -> None:
    number = draft(world, [A1])
    world.clear(number)
    loans.approve_loan(world.db, world["zhang"], number, world.cred("zhang"))
    answer = f"Only Brown University, the borrower, countersigns loan {number}."

    # The workstation: Köln's lab manager sees Countersign disabled, the answer its tooltip.
    view = view_for(qtbot, ctx_for("koln_lm"), number)
    assert not view.countersign_action.isEnabled()
    assert view.countersign_action.toolTip() == answer

    # The service and the command line refuse in the same words.
    assert (
        refusal(
            PermissionDenied,
            lambda: loans.countersign_loan(
                world.db, world["koln_lm"], number, world.cred("koln_lm")
            ),
        )
        == answer
    )
    assert command_line(world, tmp_path, "koln_lm", "loan-countersign", number) == answer
    assert queries.loan_detail(world.db, number).summary.status == "approved"


def test_cancel_and_close_in_the_same_words_everywhere(
    qtbot: QtBot,
    world: World,
    tmp_path: Path,
    ctx_for: Callable[[str], AppContext],
    messages: object,
) -> None:
    number = world.active_loan([A1, A2])
    world.ship([A1, A2], loan=number)
    world.send_back([A2])
    view = view_for(qtbot, ctx_for("zhang"), number)

    # Cancel once something shipped: the tooltip, the service and the command line.
    answer = f"Loan {number} cannot be cancelled: it has shipped items (close it instead)."
    assert not view.cancel_action.isEnabled()
    assert view.cancel_action.toolTip() == answer
    assert (
        refusal(
            RuleViolation,
            lambda: loans.cancel_loan(world.db, world["zhang"], number, reason="withdrawn"),
        )
        == answer
    )
    assert (
        command_line(world, tmp_path, "zhang", "loan-cancel", number, "--reason", "withdrawn")
        == answer
    )

    # Close with A1 still out: the close dialog's problem, the service and the command line.
    detail = queries.loan_detail(world.db, number)
    dialog = view.make_close_dialog(detail)
    qtbot.addWidget(dialog)
    problem = dialog.problem.text()
    assert problem == (
        f"Loan {number} cannot be closed: 1 item is still out ({A1}). "
        "Return them, or record consumption or loss first."
    )
    assert not dialog.sign_button.isEnabled()
    assert (
        refusal(
            RuleViolation,
            lambda: loans.close_loan(world.db, world["zhang"], number, world.cred("zhang")),
        )
        == problem
    )
    assert command_line(world, tmp_path, "zhang", "loan-close", number) == problem
