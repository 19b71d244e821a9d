"""Institutions ▸ Keys: our certificate and fingerprint, export, a partner's certificate
imported only with its confirmed fingerprint, a person's key revoked (their next signature
refused), rotation; everyone but an administrator sees the actions disabled, saying why."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from lunar_custody.domain.errors import RuleViolation
from lunar_custody.domain.keys import home_certificate_info
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.keys import ImportCertificateDialog, KeysWindow, RevokeKeyDialog
from lunar_custody.gui.people import AdminView
from lunar_custody.trust import keyring
from lunar_custody.trust import keys as trust_keys
from tests.conftest import screenshot_path
from tests.gui.conftest import Messages, when_modal
from tests.worlds import A2, A3, BROWN, World

Ctx = Callable[[str], AppContext]


def keys_window(qtbot: QtBot, ctx: AppContext) -> KeysWindow:
    window = KeysWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def table_rows(window: KeysWindow) -> list[list[str]]:
    return [window.table.rows[row] for row in window.table.shown_rows()]


def partner_certificate(tmp_path: Path) -> tuple[Path, str]:
    """A partner's institution certificate, as Brown's installation would send it."""
    holder = trust_keys.Holder(str(uuid.uuid4()), "Brown University", "Brown University", BROWN)
    certificate = trust_keys.institution_certificate(
        trust_keys.new_private_key(), holder, datetime.now(UTC)
    )
    path = tmp_path / "brown.pem"
    path.write_text(trust_keys.certificate_pem(certificate))
    return path, trust_keys.fingerprint(certificate)


def test_keys_export_import_revoke_and_rotate(
    qtbot: QtBot, world: World, ctx_for: Ctx, messages: Messages, tmp_path: Path
) -> None:
    world.active_loan([A2])  # zhang and brown_lm sign: each gets a certificate
    window = keys_window(qtbot, ctx_for("admin"))
    home = home_certificate_info(world.db)
    assert home is not None
    assert window.short_label.text() == home.short_fingerprint
    assert window.full_label.text().replace(" ", "").lower() == home.fingerprint
    assert "holds the institution's private key" in window.key_label.text()
    assert "partner" not in {row[0] for row in table_rows(window)}
    holders = {row[1]: row for row in table_rows(window)}
    assert holders["Zhang Wei (zhang)"][6] == "current"

    # export: the PEM reads back as the same certificate
    exported = window.export(tmp_path / "ours.pem")
    assert exported is not None
    assert trust_keys.fingerprint(trust_keys.load_certificate(exported.read_bytes())) == (
        home.fingerprint
    )
    assert messages.shown[-1][1] == "Certificate exported"

    # import: a wrong fingerprint is refused beside the field, the right one is trusted
    pem_path, partner = partner_certificate(tmp_path)
    short = trust_keys.short_fingerprint(partner)

    def import_partner(dialog: ImportCertificateDialog) -> None:
        dialog.institution_combo.setCurrentIndex(dialog.institution_combo.findData(BROWN))
        dialog.load_file(pem_path)
        assert dialog.file_fingerprint.text() == short
        qtbot.keyClicks(dialog.confirmed_edit, home.short_fingerprint)  # not theirs
        dialog.ok_button.click()
        assert "not the one confirmed" in dialog.error_label.text() and dialog.isVisible()
        dialog.grab().save(str(screenshot_path("keys_import_refused.png")))
        dialog.confirmed_edit.setText(short.lower())
        dialog.ok_button.click()

    opened = when_modal(ImportCertificateDialog, import_partner, close_after=True)
    window.import_action.trigger()
    assert opened
    partners = [row for row in table_rows(window) if row[0] == "partner"]
    assert [(row[2], row[3], row[6]) for row in partners] == [(BROWN, short, "current")]

    # revoke zhang: the row says so, and zhang's next signature is refused
    window.table.search_field.setText("zhang")
    window.table.search_field.flush()
    window.table.table.selectRow(0)

    def revoke(dialog: RevokeKeyDialog) -> None:
        assert dialog.person_combo.currentData() == "zhang"  # the selected certificate's
        dialog.ok_button.click()
        assert "Say why" in dialog.error_label.text()
        dialog.grab().save(str(screenshot_path("keys_revoke.png")))
        qtbot.keyClicks(dialog.reason_edit, "Laptop stolen at the airport")
        dialog.ok_button.click()

    opened_revoke = when_modal(RevokeKeyDialog, revoke, close_after=True)
    window.revoke_action.trigger()
    assert opened_revoke and not opened_revoke[0].isVisible()
    (zhang,) = table_rows(window)
    assert (zhang[6], zhang[7]) == ("revoked", "Laptop stolen at the airport")
    with pytest.raises(RuleViolation, match="revoked"):
        world.active_loan([A3])

    window.table.search_field.clear()
    window.table.search_field.flush()
    window.grab().save(str(screenshot_path("keys.png")))

    # rotate: a new certificate, the old one retired
    window.rotate_action.trigger()
    assert messages.shown[-1][1] == "Rotate the institution key"  # asked first
    rotated = home_certificate_info(world.db)
    assert rotated is not None and rotated.fingerprint != home.fingerprint
    assert window.short_label.text() == rotated.short_fingerprint
    states = {row[3]: row[6] for row in table_rows(window) if row[0] == "our institution"}
    assert states == {home.short_fingerprint: "retired", rotated.short_fingerprint: "current"}


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_who_may_act_and_a_computer_without_the_key(
    qtbot: QtBot,
    world: World,
    ctx_for: Ctx,
    messages: Messages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    curator = ctx_for("zhang")
    view = AdminView(curator)
    qtbot.addWidget(view)
    view.show()
    view.keys_action.trigger()
    window = view.keys_window
    assert window is not None and window.isVisible()
    assert window.export_action.isEnabled()  # our certificate is public
    for action, operation in [
        (window.import_action, "manage_institutions"),
        (window.revoke_action, "manage_people"),
        (window.rotate_action, "manage_institutions"),
    ]:
        reason = curator.why_not(operation)
        assert reason and not action.isEnabled() and action.toolTip() == reason
    assert not window.action_buttons[window.create_action].isVisible()  # there is a key

    # another workstation, without a copy of the institution key
    monkeypatch.setenv(keyring.ENVIRONMENT, str(tmp_path / "no-keys"))
    admin = keys_window(qtbot, ctx_for("admin"))
    problem = admin.key_label.text()
    assert "does not hold the institution key" in problem
    assert not admin.rotate_action.isEnabled() and admin.rotate_action.toolTip() == problem
    assert admin.import_action.isEnabled() and admin.export_action.isEnabled()
    assert not messages.shown
