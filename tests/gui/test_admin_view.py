"""Institutions and people: the administrator creates, edits, deactivates, resets passwords
and unlocks accounts; everyone else sees the actions disabled with the reason."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QLabel, QToolButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from lunar_custody.domain import identity, queries
from lunar_custody.domain.errors import AuthenticationError
from lunar_custody.domain.identity import PIN
from lunar_custody.domain.models import AuditEntry
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.people import (
    AdminView,
    InstitutionDialog,
    PasswordDialog,
    PersonDialog,
)
from lunar_custody.gui.people.dialogs import PASSWORDS_DIFFER
from tests.conftest import screenshot_path
from tests.gui.conftest import Messages, when_modal
from tests.worlds import World

NAOC_LOCAL = "中国科学院国家天文台"


def admin_view(qtbot: QtBot, ctx: AppContext) -> AdminView:
    view = AdminView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    return view


def test_admin_creates_edits_and_deactivates(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext], messages: Messages
) -> None:
    view = admin_view(qtbot, ctx_for("admin"))
    assert view.new_institution_action.isEnabled() and view.new_person_action.isEnabled()

    def institution(dialog: InstitutionDialog) -> None:
        qtbot.keyClicks(dialog.code_edit, "naoc")
        qtbot.keyClicks(dialog.name_edit, "National Astronomical Observatories, CAS")
        # Chinese arrives through an input method, committed as text (QTest cannot type it).
        dialog.local_edit.insert(NAOC_LOCAL)
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("borrower"))
        qtbot.keyClicks(dialog.country_edit, "China")
        dialog.address_edit.setPlainText("20A Datun Road, Chaoyang District, Beijing")
        dialog.ok_button.click()

    opened = when_modal(InstitutionDialog, institution)
    view.new_institution_action.trigger()
    assert opened  # the dialog opened and was acted on
    naoc = queries.institution_detail(world.db, "NAOC")
    assert (naoc.name, naoc.local_name, naoc.kind) == (
        "National Astronomical Observatories, CAS",
        NAOC_LOCAL,
        "borrower",
    )
    assert view.institutions.current_value("code") == "NAOC"
    assert view.people.filter_boxes["institution"].findData("NAOC") > 0

    def person(dialog: PersonDialog) -> None:
        assert dialog.institution_combo.currentData() == "NAOC"  # the selected institution
        assert not dialog.pin_edit.isEnabled()
        qtbot.keyClicks(dialog.username_edit, "wang_lm")
        qtbot.keyClicks(dialog.full_name_edit, "Wang Lei")
        dialog.local_edit.insert("王磊")
        qtbot.keyClicks(dialog.email_edit, "wang@nao.cas.cn")
        dialog.role_boxes["lab_manager"].click()
        dialog.role_boxes["courier"].click()
        assert dialog.pin_edit.isEnabled()
        qtbot.keyClicks(dialog.password_edit, "first-light-2025")
        qtbot.keyClicks(dialog.repeat_edit, "first-light-2024")
        qtbot.keyClicks(dialog.pin_edit, "4321")
        # said at the field as it is typed; OK waits
        assert dialog.findChild(QLabel, "repeatEditMessage").text() == PASSWORDS_DIFFER
        assert not dialog.ok_button.isEnabled()
        assert dialog.ok_button.toolTip() == PASSWORDS_DIFFER
        dialog.repeat_edit.clear()
        qtbot.keyClicks(dialog.repeat_edit, "first-light-2025")
        dialog.ok_button.click()

    opened = when_modal(PersonDialog, person)
    view.new_person_action.trigger()
    assert opened  # the dialog opened and was acted on
    wang = queries.person_detail(world.db, "wang_lm")
    assert (wang.full_name, wang.local_name, wang.institution_code) == ("Wang Lei", "王磊", "NAOC")
    assert wang.roles == {"lab_manager", "courier"} and wang.has_pin
    assert identity.authenticate(world.db, "wang_lm", "4321", PIN).username == "wang_lm"
    assert identity.authenticate(world.db, "wang_lm", "first-light-2025").roles == wang.roles
    assert view.people.current_value("username") == "wang_lm"
    assert "王磊" in view.person_label.text()

    def edit(dialog: PersonDialog) -> None:
        assert dialog.username_edit.isReadOnly() and not dialog.institution_combo.isEnabled()
        dialog.full_name_edit.setText("Wang Lei (NAOC)")
        dialog.role_boxes["courier"].click()  # no longer a courier
        dialog.ok_button.click()

    opened = when_modal(PersonDialog, edit)
    view.edit_person_action.trigger()
    assert opened  # the dialog opened and was acted on
    wang = queries.person_detail(world.db, "wang_lm")
    assert (wang.full_name, wang.roles) == ("Wang Lei (NAOC)", frozenset({"lab_manager"}))
    audited = world.read(
        lambda s: {
            (e.field, e.new_value)
            for e in s.scalars(select(AuditEntry).where(AuditEntry.table_name == "people"))
        }
    )
    assert ("full_name", "Wang Lei (NAOC)") in audited and ("roles", "lab_manager") in audited

    # A forgotten password, reset twice-typed; the old one stops working.
    assert view.select_person("koln_lm")

    def new_password(dialog: PasswordDialog) -> None:
        qtbot.keyClicks(dialog.password_edit, "rheinland-2026")
        qtbot.keyClicks(dialog.repeat_edit, "rheinland-2026")
        dialog.ok_button.click()

    opened = when_modal(PasswordDialog, new_password)
    view.password_action.trigger()
    assert opened  # the dialog opened and was acted on
    assert identity.authenticate(world.db, "koln_lm", "rheinland-2026").username == "koln_lm"
    with pytest.raises(AuthenticationError):
        identity.authenticate(world.db, "koln_lm", World.PASSWORD)
    # the audit trail names the new hash by its digest, never the hash itself
    stored = world.person("koln_lm").password_hash
    digest = hashlib.sha256(stored.encode()).hexdigest()[:32]
    written = world.read(lambda s: {(e.field, e.new_value) for e in s.scalars(select(AuditEntry))})
    assert ("password_hash", f"(set: argon2id$v=19$m=19456,t=2,p=1; sha256 {digest})") in written
    assert not any(stored in (value or "") for _, value in written)

    # Locked after repeated wrong entries; the administrator unlocks.
    for _ in range(identity.MAX_FAILED_ATTEMPTS):
        with pytest.raises(AuthenticationError):
            identity.authenticate(world.db, "courier2", "wrong-guess")
    view.refresh()
    assert view.select_person("courier2")
    assert view.person is not None and view.person.locked()
    assert view.unlock_action.isEnabled()
    view.unlock_action.trigger()
    assert world.person("courier2").locked_until is None
    assert not view.unlock_action.isEnabled()
    assert view.unlock_action.toolTip() == "The account of Dana Courier is not locked."

    view.toggle_person_action.trigger()  # confirmed with Yes
    assert not world.person("courier2").active
    assert view.toggle_person_action.text() == "Re&activate person"
    assert any("Deactivate Dana Courier?" in text for text in messages.texts)
    with pytest.raises(AuthenticationError, match="deactivated"):
        identity.authenticate(world.db, "courier2", World.PINS["courier2"], PIN)

    assert view.select_person("admin")
    assert not view.toggle_person_action.isEnabled()
    assert view.toggle_person_action.toolTip() == "You cannot deactivate your own account."

    assert view.select_institution("NAOC")
    view.toggle_institution_action.trigger()
    assert not queries.institution_detail(world.db, "NAOC").active
    view.toggle_institution_action.trigger()  # reactivating asks nothing
    assert queries.institution_detail(world.db, "NAOC").active
    assert messages.errors == []

    view.select_person("wang_lm")
    view.grab().save(str(screenshot_path("admin.png")))


def test_others_see_why_they_may_not(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext]
) -> None:
    view = admin_view(qtbot, ctx_for("zhang"))
    assert view.select_institution("BROWN") and view.select_person("brown_lm")
    assert view.people.model.total() == 9  # reading is allowed
    *actions, keys, partners = view.menu_actions()
    assert keys is view.keys_action and keys.isEnabled()  # reading the keys is allowed too
    assert partners is view.partners_action and partners.isEnabled()  # and the partners
    buttons = [b for b in view.findChildren(QToolButton) if b.defaultAction() in actions]
    assert len(buttons) == len(actions) == 8
    for button in buttons:
        assert not button.isEnabled(), button.objectName()
        assert button.toolTip() in (
            "Only an administrator may manage institutions.",
            "Only an administrator may manage people.",
        ), button.objectName()
