"""Every menu action is enabled exactly when the domain says the signed-in person may use it
(permissions.why_not, rules.why_not_*), with the domain's reason in its tooltip and status
tip otherwise; global actions work from every view; fields say what is wrong as one types.

The expected answer of each action is asked of the domain here, by the action's object
name: an action the table does not know fails the test, so a new menu entry gets its answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from lunar_custody.domain import loans, queries, rules
from lunar_custody.domain.identity import check_password
from lunar_custody.domain.masses import parse_mass
from lunar_custody.domain.permissions import why_not
from lunar_custody.gui.actions import (
    SELECT_ALIQUOT,
    SELECT_ALIQUOTS,
    SELECT_ARRIVED_PACKAGE,
    SELECT_DISCREPANCY,
    SELECT_INSTITUTION,
    SELECT_LOAN,
    SELECT_PACKAGE,
    SELECT_PERSON,
    SELECT_PREPARED_PACKAGE,
)
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.ledger import LedgerView
from lunar_custody.gui.loans import LoansView
from lunar_custody.gui.loans.detail import loan_facts
from lunar_custody.gui.main_window import VIEW_KEYS, GoToDialog, MainWindow
from lunar_custody.gui.people import AdminView
from lunar_custody.gui.people.dialogs import PASSWORDS_DIFFER, InstitutionDialog, PersonDialog
from lunar_custody.gui.samples import SamplesView
from lunar_custody.gui.samples.dialogs import ConsumeDialog, RegisterSampleDialog
from lunar_custody.gui.samples.lineage import ALIQUOT
from lunar_custody.gui.transfers import TransfersView
from lunar_custody.gui.transfers.dialogs import ReceiptDialog
from lunar_custody.gui.widgets import FIELD_PROBLEM_STYLE, problem_of
from tests.gui.conftest import Messages, activate, open_window, when_modal
from tests.worlds import A1, A2, A4, BROWN, World

# One person of the test world for each role.
ROLE_USERS = {
    "admin": "admin",
    "curator": "zhang",
    "lab_manager": "brown_lm",
    "courier": "courier1",
    "viewer": "auditor",
}

Expect = Callable[[MainWindow], str | None]


def anyone(_window: MainWindow) -> None:
    return None


def role(operation: str) -> Expect:
    return lambda window: why_not(window.ctx.actor.roles, operation)


def on_loan(operation: str | None, rule: Callable[..., str | None] | None) -> Expect:
    """The role first, then the selected loan as rules.py reads it (or: select one)."""

    def expect(window: MainWindow) -> str | None:
        view = window.current_view
        assert isinstance(view, LoansView)
        refusal = why_not(window.ctx.actor.roles, operation) if operation else None
        if view.detail is None:
            return refusal or SELECT_LOAN
        if rule is None:
            return refusal
        return rule(window.ctx.actor, loan_facts(view.detail))

    return expect


def loan_labels(window: MainWindow) -> str | None:
    view = window.current_view
    assert isinstance(view, LoansView)
    if view.detail is None:
        return SELECT_LOAN
    return None if view.detail.items else f"Loan {view.detail.summary.number} has no items"


def on_aliquot(operation: str, rule: Callable[..., str | None]) -> Expect:
    def expect(window: MainWindow) -> str | None:
        view = window.current_view
        assert isinstance(view, SamplesView)
        refusal = why_not(window.ctx.actor.roles, operation)
        node = view.current_node()
        if refusal is not None or node is None or node.kind != ALIQUOT:
            return refusal or SELECT_ALIQUOT
        return rule(window.ctx.actor, rules.AliquotFacts.from_listing(node.values))

    return expect


def aliquots_to_exchange(window: MainWindow) -> str | None:
    view = window.current_view
    assert isinstance(view, SamplesView)
    refusal = why_not(window.ctx.actor.roles, "exchange")
    return refusal or (None if view.selected_aliquots() else SELECT_ALIQUOTS)


def on_transfer(operation: str, rule: Callable[..., str | None] | None, select: str) -> Expect:
    def expect(window: MainWindow) -> str | None:
        view = window.current_view
        assert isinstance(view, TransfersView)
        refusal = why_not(window.ctx.actor.roles, operation) if operation else None
        if view.detail is None:
            return refusal or select
        return rule(window.ctx.actor, view.detail) if rule is not None else refusal

    return expect


def on_discrepancy(window: MainWindow) -> str | None:
    view = window.current_view
    assert isinstance(view, TransfersView)
    if view.discrepancy is None:
        return why_not(window.ctx.actor.roles, "resolve_discrepancy") or SELECT_DISCREPANCY
    return rules.why_not_resolve(window.ctx.actor, view.discrepancy)


def on_institution(window: MainWindow) -> str | None:
    view = window.current_view
    assert isinstance(view, AdminView)
    refusal = why_not(window.ctx.actor.roles, "manage_institutions")
    return refusal or (None if view.institution is not None else SELECT_INSTITUTION)


def on_person(window: MainWindow) -> str | None:
    view = window.current_view
    assert isinstance(view, AdminView)
    refusal = why_not(window.ctx.actor.roles, "manage_people")
    return refusal or (None if view.person is not None else SELECT_PERSON)


def person_to_toggle(window: MainWindow) -> str | None:
    view = window.current_view
    assert isinstance(view, AdminView)
    reason = on_person(window)
    if reason is None and view.person is not None and view.person.active:
        return rules.why_not_deactivate(window.ctx.actor, view.person.username)
    return reason


def person_to_unlock(window: MainWindow) -> str | None:
    view = window.current_view
    assert isinstance(view, AdminView)
    reason = on_person(window)
    if reason is None and view.person is not None and not view.person.locked():
        return "is not locked"
    return reason


EXPECTED: dict[str, Expect] = {
    # File
    "newLoanAction": role("draft_loan"),
    "importExchangeAction": role("exchange"),
    "partnersAction": anyone,
    "switchUserAction": anyone,
    "courierModeAction": anyone,
    "backupAction": role("manage_people"),
    "restoreAction": role("manage_people"),
    "quitAction": anyone,
    # Edit
    "preferencesAction": anyone,
    # View
    **{f"show_{key}": anyone for key in VIEW_KEYS},
    "refresh": anyone,
    "find": anyone,
    "goToAction": anyone,
    "verifyLedgerAction": anyone,
    # Help
    "guide": anyone,
    "shortcuts": anyone,
    "logAction": anyone,
    "about": anyone,
    # Actions, in the Loans view
    "loansNewAction": role("draft_loan"),
    "loansEditAction": on_loan("draft_loan", rules.why_not_edit_loan),
    "loansApproveAction": on_loan("approve_loan", rules.why_not_approve_loan),
    "loansCountersignAction": on_loan("countersign_loan", rules.why_not_countersign_loan),
    "loansExtendAction": on_loan("extend_loan", rules.why_not_extend_loan),
    "loansCloseAction": on_loan("close_loan", rules.why_not_close_loan),
    "loansCancelAction": on_loan("draft_loan", rules.why_not_cancel_loan),
    "loansExportAction": anyone,
    "loansAgreementAction": on_loan(None, None),
    "loansLabelsAction": loan_labels,
    "loansExchangeAction": on_loan("exchange", None),
    # ... in the Samples view
    "registerAction": role("register_sample"),
    "splitAction": on_aliquot("split", rules.why_not_split),
    "consumeAction": on_aliquot("consume", rules.why_not_consume),
    "lostAction": on_aliquot("report_lost", rules.why_not_report_lost),
    "correctAction": on_aliquot("correct", rules.why_not_correct),
    "importAction": role("import"),
    "exportAction": anyone,
    "exchangeAction": aliquots_to_exchange,
    # ... in the Transfers view
    "transfersNewAction": role("release"),
    "transfersReleaseAction": on_transfer(
        "release", rules.why_not_release, SELECT_PREPARED_PACKAGE
    ),
    "transfersCancelAction": on_transfer(
        "prepare_transfer", rules.why_not_cancel_transfer, SELECT_PREPARED_PACKAGE
    ),
    "transfersReceiveAction": on_transfer("receive", rules.why_not_receive, SELECT_ARRIVED_PACKAGE),
    "transcribeAction": on_transfer("receive", rules.why_not_transcribe, SELECT_ARRIVED_PACKAGE),
    "transfersCustodyFormAction": on_transfer("", None, SELECT_PACKAGE),
    "transfersManifestAction": on_transfer("", None, SELECT_PACKAGE),
    "transfersLabelsAction": on_transfer("", None, SELECT_PACKAGE),
    "transfersExchangeAction": on_transfer("exchange", None, SELECT_PACKAGE),
    "transfersResolveAction": on_discrepancy,
    # ... in the Institutions and people view
    "new_institutionAction": role("manage_institutions"),
    "edit_institutionAction": on_institution,
    "toggle_institutionAction": on_institution,
    "new_personAction": role("manage_people"),
    "edit_personAction": on_person,
    "toggle_personAction": person_to_toggle,
    "reset_passwordAction": on_person,
    "unlockAction": person_to_unlock,
    "open_keysAction": anyone,
    "open_partnersAction": anyone,
    # ... in the Ledger view
    "verifyAction": anyone,
    "fullVerifyAction": anyone,
}


def menu_actions(menu: QMenu) -> Iterator[QAction]:
    """Every action of ``menu`` and its submenus, separators left out."""
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from menu_actions(sub)
        elif not action.isSeparator():
            yield action


def check_every_action(window: MainWindow) -> int:
    """Each action of the menu bar against the domain's answer; how many were checked."""
    checked = 0
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        assert menu.toolTipsVisible(), menu.title()  # a greyed-out entry shows why
        for action in menu_actions(menu):
            name = action.objectName()
            assert name in EXPECTED, f"{action.text()!r} ({name!r}) has no expected answer"
            reason = EXPECTED[name](window)
            where = f"{window.ctx.actor.username}: {action.text()!r}"
            assert action.isEnabled() == (reason is None), f"{where}: {reason}"
            if reason is not None:
                assert reason in action.toolTip(), f"{where}: {action.toolTip()!r}"
                assert reason in action.statusTip(), where
            else:
                assert action.toolTip() and action.statusTip(), f"{where} has no help"
            checked += 1
    return checked


@pytest.fixture
def records(world: World) -> dict[str, str]:
    """A draft loan, and an active loan whose package is in transit to Brown."""
    draft = loans.create_loan(
        world.db,
        world["zhang"],
        borrower_code=BROWN,
        principal_investigator="brown_lm",
        purpose="Space weathering",
        starts_on=world.today,
        due_on=world.today.replace(year=world.today.year + 1),
    ).number
    loans.add_loan_items(world.db, world["zhang"], draft, [A2])
    active = world.active_loan([A1])
    package = world.release([A1], loan=active)
    return {"draft": draft, "active": active, "package": package}


@pytest.mark.parametrize("who", sorted(ROLE_USERS))
def test_every_menu_action_is_enabled_exactly_when_the_domain_allows_it(
    qtbot: QtBot,
    ctx_for: Callable[[str], AppContext],
    records: dict[str, str],
    who: str,
) -> None:
    window = open_window(qtbot, ctx_for(ROLE_USERS[who]))
    seen: set[str] = set()
    for key in VIEW_KEYS:  # nothing selected yet: the role, then "select ... first"
        view = window.show_view(key)
        assert window.actions_menu.actions() == view.menu_actions() or not view.menu_actions()
        check_every_action(window)
        for top in window.menuBar().actions():
            menu = top.menu()
            assert isinstance(menu, QMenu)
            seen |= {action.objectName() for action in menu_actions(menu)}

    loans_view = window.show_view("loans")
    assert isinstance(loans_view, LoansView)
    for number in (records["draft"], records["active"]):
        assert loans_view.select_loan(number)
        check_every_action(window)

    samples = window.show_view("samples")
    assert isinstance(samples, SamplesView)
    for number in (A1, A2):
        assert samples.select_number(number)
        check_every_action(window)

    transfers = window.show_view("transfers")
    assert isinstance(transfers, TransfersView)
    assert transfers.open_transfer(records["package"])
    check_every_action(window)

    admin = window.show_view("admin")
    assert isinstance(admin, AdminView)
    assert admin.select_institution(BROWN) and admin.select_person(ROLE_USERS[who])
    check_every_action(window)
    assert admin.select_person("brown_pi")
    check_every_action(window)
    # every action of the table was met in some view
    assert set(EXPECTED) - seen == set()


@pytest.mark.qt_log_ignore("This plugin does not support")  # a popup menu, offscreen
def test_a_disabled_action_says_why_in_the_status_bar(
    qtbot: QtBot, ctx_for: Callable[[str], AppContext]
) -> None:
    window = open_window(qtbot, ctx_for("auditor"))
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    file_menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(file_menu)
    entry = file_menu.actionGeometry(window.new_loan_action).center()
    qtbot.mouseMove(file_menu, QPoint(1, 1))  # from elsewhere (a repeated move is dropped)
    qtbot.mouseMove(file_menu, entry)  # pointing at the greyed-out entry
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == "Only a curator may prepare loans."
    )
    file_menu.hide()


def test_verify_new_loan_and_go_to_work_from_every_view(
    qtbot: QtBot,
    ctx_for: Callable[[str], AppContext],
    records: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(qtbot, ctx_for("zhang"))
    verified: list[str] = []
    monkeypatch.setattr(LedgerView, "verify", lambda view: verified.append("ran"))
    opened: list[str] = []
    monkeypatch.setattr(LoansView, "new_loan", lambda view: opened.append("editor"))
    for key in VIEW_KEYS:
        window.show_view(key)
        qtbot.keyClick(
            window,
            Qt.Key.Key_V,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        window.show_view(key)
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert verified == ["ran"] * len(VIEW_KEYS)
    assert opened == ["editor"] * len(VIEW_KEYS)

    # Go to number: a package by its seal, a loan, a sample, an aliquot; an unknown code
    goals = [
        ("SEAL-0001", "transfers"),
        (records["draft"], "loans"),
        ("CE5C0400", "samples"),
        (A1.lower(), "samples"),
    ]
    for code, key in goals:
        window.show_view("dashboard")
        activate(qtbot, window)  # the last dialog has closed; offscreen needs asking

        def scan(dialog: GoToDialog, code: str = code) -> None:
            qtbot.keyClicks(dialog.field, code)
            qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

        when_modal(GoToDialog, scan)
        qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
        assert window.current_view is window.views[key], code
    loans_view = window.views["loans"]
    assert isinstance(loans_view, LoansView)
    transfers = window.views["transfers"]
    assert isinstance(transfers, TransfersView)
    assert transfers.detail is not None and transfers.detail.number == records["package"]

    said: list[str] = []

    def unknown(dialog: GoToDialog) -> None:
        qtbot.keyClicks(dialog.field, "NO-SUCH-THING")
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
        said.append(dialog.message.text())
        dialog.reject()

    window.show_view("dashboard")
    activate(qtbot, window)
    when_modal(GoToDialog, unknown)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # no list here
    assert said and "NO-SUCH-THING" in said[0]
    assert window.current_view is window.views["dashboard"]


# ---------------------------------------------------------------------- fields, as one types


def shown_message(dialog: QWidget, name: str) -> str:
    """The message under a field ('' when it has none)."""
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return "" if label.isHidden() else label.text()


def in_red(dialog: QWidget, name: str) -> bool:
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return label.styleSheet() == FIELD_PROBLEM_STYLE


def test_a_new_loan_preselects_no_borrower_and_says_at_the_field_what_is_missing(
    qtbot: QtBot, ctx_for: Callable[[str], AppContext], messages: Messages
) -> None:
    view = LoansView(ctx_for("zhang"))
    qtbot.addWidget(view)
    editor = view.make_editor()
    qtbot.addWidget(editor)
    editor.show()
    save = editor.save_button
    # nobody is chosen for the curator
    assert editor.borrower_box.currentIndex() == -1 and editor.pi_box.count() == 0
    assert shown_message(editor, "borrowerBoxMessage") == "Choose the borrowing institution."
    assert not in_red(editor, "borrowerBoxMessage")  # a hint until the person acts there
    assert not save.isEnabled() and save.toolTip() == "Choose the borrowing institution."

    editor.borrower_box.setFocus()
    qtbot.keyClick(editor.borrower_box, Qt.Key.Key_Down)  # the first borrower: Brown
    assert editor.borrower_box.currentData() == BROWN
    assert shown_message(editor, "borrowerBoxMessage") == ""
    assert shown_message(editor, "piBoxMessage") == "Choose the principal investigator."
    qtbot.keyClick(editor.pi_box, Qt.Key.Key_Down)
    assert editor.pi_box.currentData() is not None
    assert shown_message(editor, "piBoxMessage") == ""

    # the purpose: the registry's own words, red once typed and rubbed out
    assert shown_message(editor, "purposeEditMessage") == "The purpose is required."
    qtbot.keyClicks(editor.purpose_edit, "N")
    assert shown_message(editor, "purposeEditMessage") == "" and save.isEnabled()
    qtbot.keyClick(editor.purpose_edit, Qt.Key.Key_Backspace)
    assert shown_message(editor, "purposeEditMessage") == "The purpose is required."
    assert in_red(editor, "purposeEditMessage") and not save.isEnabled()
    save.click()  # disabled: no modal "Cannot do that", nothing drafted
    assert messages.shown == [] and editor.number is None
    qtbot.keyClicks(editor.purpose_edit, "Noble gases")

    # the period, as loans.check_period says
    editor.due_edit.setDate(editor.starts_edit.date().addDays(-1))
    assert shown_message(editor, "dueOnEditMessage") == "A loan must end after it starts."
    assert not save.isEnabled()
    editor.due_edit.setDate(editor.starts_edit.date().addDays(90))
    assert shown_message(editor, "dueOnEditMessage") == ""
    assert save.isEnabled() and save.toolTip() == "Save the draft (Ctrl+S)"
    messages.answer = QMessageBox.StandardButton.Yes
    editor.reject()


def test_a_bad_mass_is_named_at_the_field_as_it_is_typed(
    qtbot: QtBot,
    world: World,
    ctx_for: Callable[[str], AppContext],
    records: dict[str, str],
) -> None:
    ctx = ctx_for("zhang")
    consume = ConsumeDialog(ctx, queries.aliquot_status(world.db, A4))
    qtbot.addWidget(consume)
    consume.show()
    assert shown_message(consume, "consumedMassMessage") == "Give the consumed mass."
    assert not consume.ok_button.isEnabled()
    qtbot.keyClicks(consume.mass_edit, "12x")
    problem = problem_of(lambda: parse_mass("12x", "mg"))
    assert problem and shown_message(consume, "consumedMassMessage") == problem
    assert in_red(consume, "consumedMassMessage") and consume.ok_button.toolTip() == problem
    qtbot.keyClick(consume.mass_edit, Qt.Key.Key_Backspace)
    assert shown_message(consume, "consumedMassMessage") == "" and consume.ok_button.isEnabled()

    register = RegisterSampleDialog(ctx)
    qtbot.addWidget(register)
    qtbot.keyClicks(register.number_edit, "CE5-1")
    assert "is not a sample number" in shown_message(register, "sampleNumberMessage")
    register.number_edit.clear()
    qtbot.keyClicks(register.number_edit, "ce5c0401")
    qtbot.keyClicks(register.mass_edit, "1.5 kg")
    assert "'1.5 kg' is not a mass" in shown_message(register, "originalMassMessage")
    assert not register.ok_button.isEnabled()
    register.mass_edit.clear()  # not recorded: allowed
    assert register.ok_button.isEnabled()

    # the receiver's measured masses, in the package's table
    receipt = ReceiptDialog(
        ctx_for("brown_lm"), queries.transfer_detail(world.db, records["package"])
    )
    qtbot.addWidget(receipt)
    qtbot.keyClicks(receipt.mass_edits[A1], "five mg")
    assert shown_message(receipt, f"measured:{A1}Message").startswith(f"{A1}: 'five mg'")
    assert not receipt.sign_button.isEnabled()
    receipt.mass_edits[A1].clear()
    qtbot.keyClicks(receipt.mass_edits[A1], "499.9 mg")
    assert receipt.sign_button.isEnabled()


def test_people_and_institutions_are_checked_as_typed(
    qtbot: QtBot, ctx_for: Callable[[str], AppContext]
) -> None:
    ctx = ctx_for("admin")
    person = PersonDialog(ctx, None)
    qtbot.addWidget(person)
    person.show()
    assert shown_message(person, "usernameEditMessage") == "The user name is required."
    qtbot.keyClicks(person.username_edit, "okafor")
    qtbot.keyClicks(person.full_name_edit, "Ada Okafor")
    assert shown_message(person, "usernameEditMessage") == ""
    # no role ticked: the domain's sentence, and OK waits
    assert not person.ok_button.isEnabled()
    assert shown_message(person, "rolesBoxMessage") == "A person needs at least one role."
    qtbot.mouseClick(person.role_boxes["curator"], Qt.MouseButton.LeftButton)
    assert shown_message(person, "rolesBoxMessage") == ""
    # the password as identity.check_password takes it, typed the same twice
    short = problem_of(lambda: check_password("moon"))
    qtbot.keyClicks(person.password_edit, "moon")
    assert short and shown_message(person, "passwordEditMessage") == short
    qtbot.keyClicks(person.password_edit, "-dust-2025")
    assert shown_message(person, "passwordEditMessage") == ""
    assert shown_message(person, "repeatEditMessage") == "Type the password again."
    qtbot.keyClicks(person.repeat_edit, "moon-dust-2024")
    assert shown_message(person, "repeatEditMessage") == PASSWORDS_DIFFER
    assert in_red(person, "repeatEditMessage") and not person.ok_button.isEnabled()
    person.repeat_edit.clear()
    qtbot.keyClicks(person.repeat_edit, "moon-dust-2025")
    assert person.ok_button.isEnabled()

    institution = InstitutionDialog(ctx, None)
    qtbot.addWidget(institution)
    qtbot.keyClicks(institution.code_edit, "NAOC")
    assert shown_message(institution, "nameEditMessage") == "The institution name is required."
    qtbot.keyClicks(institution.name_edit, "National Astronomical Observatories")
    assert institution.ok_button.isEnabled()
