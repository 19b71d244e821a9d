"""Dialogs that say what is wrong at the field as the person types (widgets.FieldChecks), in
the words of the domain's own checks: extend, cancel and close a loan, the shared reason
dialog, the first run; and the New person dialog's roles, whole at a laptop's size."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from lunar_custody.domain import loans, queries, rules
from lunar_custody.domain.errors import CustodyError, ValidationError
from lunar_custody.domain.identity import check_password
from lunar_custody.domain.registry import clean_country, clean_reason
from lunar_custody.exchange.partners import check_revocation_reason
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.dialogs import ReasonDialog
from lunar_custody.gui.loans.dialogs import CancelLoanDialog, CloseLoanDialog, ExtendLoanDialog
from lunar_custody.gui.operations import Work
from lunar_custody.gui.people.dialogs import InstitutionDialog, PersonDialog
from lunar_custody.gui.signin import FirstRunDialog
from lunar_custody.gui.widgets import FIELD_HINT_STYLE, FIELD_PROBLEM_STYLE, PASSWORDS_DIFFER
from lunar_custody.storage import Database
from tests.gui.conftest import open_window
from tests.worlds import A1, BROWN, World


def message(dialog: QWidget, name: str) -> str:
    """The message under a field ('' when none is shown)."""
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return "" if label.isHidden() else label.text()


def style(dialog: QWidget, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return label.styleSheet()


def said(check: Callable[[], object]) -> str:
    """What the domain's check says (the test asks it, not a copy of its words)."""
    with pytest.raises(CustodyError) as refused:
        check()
    return str(refused.value)


def test_extend_says_at_the_field_what_the_service_would_refuse(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext]
) -> None:
    number = world.active_loan([A1])
    detail = queries.loan_detail(world.db, number)
    summary = detail.summary
    dialog = ExtendLoanDialog(ctx_for("zhang"), detail)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.ok_button
    required = said(lambda: loans.clean_extension_reason(""))
    assert required == "The reason for the extension is required."
    # untouched: what the field needs, in grey; OK waits and says why
    assert message(dialog, "reasonEditMessage") == required
    assert style(dialog, "reasonEditMessage") == FIELD_HINT_STYLE
    assert not ok.isEnabled() and ok.toolTip() == required
    qtbot.keyClicks(dialog.reason_edit, "Beam time moved to autumn")
    assert message(dialog, "reasonEditMessage") == "" and ok.isEnabled()

    # beyond five years from the start: loans.check_extension's words, under the date
    too_late = summary.starts_on + timedelta(days=loans.MAX_LOAN_DAYS + 1)
    dialog.due_edit.setDate(QDate(too_late.year, too_late.month, too_late.day))
    five_years = said(lambda: loans.check_extension(summary.starts_on, summary.due_on, too_late))
    assert message(dialog, "newDueOnEditMessage") == five_years
    assert style(dialog, "newDueOnEditMessage") == FIELD_PROBLEM_STYLE
    assert not ok.isEnabled() and ok.toolTip() == five_years
    later = summary.due_on + timedelta(days=90)
    dialog.due_edit.setDate(QDate(later.year, later.month, later.day))
    assert message(dialog, "newDueOnEditMessage") == "" and ok.isEnabled()

    # a reason rubbed out is red, and OK waits again
    dialog.reason_edit.selectAll()
    qtbot.keyClicks(dialog.reason_edit, " ")
    assert message(dialog, "reasonEditMessage") == required
    assert style(dialog, "reasonEditMessage") == FIELD_PROBLEM_STYLE
    assert not ok.isEnabled()


def test_the_extension_check_is_the_services(world: World) -> None:
    number = world.active_loan([A1])
    due = queries.loan_detail(world.db, number).summary.due_on
    with world.refused(ValidationError, said(lambda: loans.check_extension(due, due, due))):
        loans.extend_loan(
            world.db, world["zhang"], number, due, reason="r", credential=world.cred("zhang")
        )
    with world.refused(ValidationError, said(lambda: loans.clean_extension_reason(" "))):
        loans.extend_loan(
            world.db,
            world["zhang"],
            number,
            due + timedelta(days=1),
            reason=" ",
            credential=world.cred("zhang"),
        )


def test_cancel_waits_for_the_reason_and_then_cancels(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext]
) -> None:
    number = loans.create_loan(
        world.db,
        world["zhang"],
        borrower_code=BROWN,
        principal_investigator="brown_lm",
        purpose="Noble gases",
        starts_on=world.today,
        due_on=world.today + timedelta(days=90),
    ).number
    ctx = ctx_for("zhang")  # kept: its operation runner outlives the dialog
    dialog = CancelLoanDialog(ctx, number)
    qtbot.addWidget(dialog)
    dialog.show()
    required = said(lambda: clean_reason(""))
    assert message(dialog, "reasonEditMessage") == required
    assert not dialog.cancel_button.isEnabled()
    assert dialog.cancel_button.toolTip() == required
    qtbot.keyClicks(dialog.reason_edit, "   ")  # blank is no reason
    assert message(dialog, "reasonEditMessage") == required
    assert style(dialog, "reasonEditMessage") == FIELD_PROBLEM_STYLE
    qtbot.keyClicks(dialog.reason_edit, "Borrower withdrew")
    assert message(dialog, "reasonEditMessage") == ""
    assert dialog.cancel_button.isEnabled()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted)
    assert queries.loan_detail(world.db, number).summary.status == "cancelled"


def test_the_reason_dialog_asks_the_check_it_is_given(
    qtbot: QtBot, ctx_for: Callable[[str], AppContext]
) -> None:
    ran: list[str] = []

    def work(reason: str) -> Work[None]:
        return lambda _progress: ran.append(reason)

    ctx = ctx_for("admin")
    dialog = ReasonDialog(
        ctx.ops,
        None,
        "Revoke",
        "Stop trusting the partner's key?",
        work,
        check=check_revocation_reason,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    why = said(lambda: check_revocation_reason(""))
    assert message(dialog, "reasonEditMessage") == why
    assert not dialog.ok_button.isEnabled() and dialog.ok_button.toolTip() == why
    qtbot.keyClicks(dialog.reason_edit, "Key reported stolen")
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: ran == ["Key reported stolen"])


def test_close_says_under_the_reconciliation_why_it_cannot_be_signed(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext]
) -> None:
    number = world.active_loan([A1])
    world.ship([A1], loan=number)
    detail = queries.loan_detail(world.db, number)
    dialog = CloseLoanDialog(ctx_for("zhang"), detail, {})
    qtbot.addWidget(dialog)
    dialog.show()
    why = rules.why_not_close_reconciled(number, detail.items)
    assert why and message(dialog, "closeProblem") == why
    assert not dialog.sign_button.isEnabled() and dialog.sign_button.toolTip() == why


def test_first_run_checks_each_field_as_typed(qtbot: QtBot, db: Database) -> None:
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.ok_button
    assert message(dialog, "lenderCodeMessage") == "The institution code is required."
    assert message(dialog, "lenderLocalNameMessage") == ""  # optional
    assert not ok.isEnabled() and ok.toolTip() == "The institution code is required."
    qtbot.keyClicks(dialog.code, "x" * 33)  # registry.clean_institution_code's limit
    assert "longer than 32 characters" in message(dialog, "lenderCodeMessage")
    assert style(dialog, "lenderCodeMessage") == FIELD_PROBLEM_STYLE
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, "CNSA")
    qtbot.keyClicks(dialog.name, "Lunar Sample Laboratory")
    qtbot.keyClicks(dialog.username, "wang jun")
    assert message(dialog, "adminUsernameMessage") == "A user name has no spaces."
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, "wang")
    qtbot.keyClicks(dialog.full_name, "Wang Jun")
    qtbot.keyClicks(dialog.password, "moon")
    assert message(dialog, "adminPasswordMessage") == said(lambda: check_password("moon"))
    qtbot.keyClicks(dialog.password, "-dust-2025")
    assert message(dialog, "adminPasswordMessage") == ""
    qtbot.keyClicks(dialog.repeat, "moon-dust-2024")
    assert message(dialog, "adminRepeatMessage") == PASSWORDS_DIFFER
    assert not ok.isEnabled() and ok.toolTip() == PASSWORDS_DIFFER
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, "moon-dust-2025")
    assert ok.isEnabled()
    ok.click()
    qtbot.waitUntil(lambda: dialog.actor is not None)
    assert queries.has_users(db)


@pytest.mark.parametrize("size", [(1024, 700), (1366, 768)], ids=["1024x700", "1366x768"])
def test_new_person_shows_every_role_whole(
    qtbot: QtBot, ctx_for: Callable[[str], AppContext], size: tuple[int, int]
) -> None:
    ctx = ctx_for("admin")
    window = open_window(qtbot, ctx)
    window.resize(*size)
    dialog = PersonDialog(ctx, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert dialog.width() <= size[0] and dialog.height() <= size[1]
    for role, box in dialog.role_boxes.items():
        assert box.width() >= box.sizeHint().width(), (role, box.width(), box.sizeHint())
        assert box.geometry().right() <= box.parentWidget().width(), role  # not cut at the edge
    dialog.reject()


def test_an_institutions_optional_fields_are_checked_as_the_registry_checks_them(
    qtbot: QtBot, ctx_for: Callable[[str], AppContext]
) -> None:
    ctx = ctx_for("admin")
    dialog = InstitutionDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.code_edit, "NAOC")
    qtbot.keyClicks(dialog.name_edit, "National Astronomical Observatories")
    assert message(dialog, "countryEditMessage") == "" and dialog.ok_button.isEnabled()
    long_country = "C" * 101
    qtbot.keyClicks(dialog.country_edit, long_country)
    too_long = said(lambda: clean_country(long_country))
    assert message(dialog, "countryEditMessage") == too_long
    assert not dialog.ok_button.isEnabled() and dialog.ok_button.toolTip() == too_long
    dialog.country_edit.setText("China")
    assert dialog.ok_button.isEnabled()
