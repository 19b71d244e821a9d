"""Authorised receivers in the workstation: the PI names a co-official in the loan's
"Authorised receivers" section, the co-official (not the package's named receiver) confirms
its receipt in the Transfers view, and a colleague not on the list is refused in the
domain's words."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from lunar_custody.domain import queries
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.transfers.dialogs import ReceiptDialog
from tests.conftest import screenshot_path
from tests.gui.conftest import Messages, Signer, when_modal
from tests.gui.test_loans_view import view_for as loans_view_for
from tests.gui.test_transfers_view import view_for as transfers_view_for
from tests.worlds import A1, World


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_co_official_receives_and_a_colleague_not_on_the_list_is_refused(
    qtbot: QtBot,
    world: World,
    ctx_for: Callable[[str], AppContext],
    signer: Signer,
    messages: Messages,
) -> None:
    loan = world.active_loan([A1])  # PI Carla Pieters
    world.add_person("brown_tech", "BROWN", "lab_manager", full_name="Tom Tech")

    view = loans_view_for(qtbot, ctx_for("brown_lm"))
    assert view.select_loan(loan)
    section = view.detail_pane.receivers_section
    assert section is not None and section.table.rowCount() == 1
    section.table.selectRow(0)  # the PI stays
    assert not section.remove_button.isEnabled()
    assert section.remove_button.toolTip() == (
        f"Carla Pieters is the principal investigator of loan {loan} and stays an authorised "
        "receiver."
    )
    section.person_box.setCurrentIndex(section.person_box.findData("brown_pi"))
    assert section.add_button.toolTip() == "Say what they are for the loan, e.g. co-official."
    qtbot.keyClicks(section.function_edit, "co-official")
    assert section.add_button.isEnabled()
    section.add_button.click()
    assert messages.errors == []
    assert [section.table.item(r, 0).text() for r in range(2)] == ["Carla Pieters", "James Head"]
    assert not section.removed_label.isVisibleTo(section)
    view.grab().save(str(screenshot_path("loans_receivers.png")))

    number = world.release([A1], loan=loan)  # addressed to Carla
    tech = transfers_view_for(qtbot, ctx_for("brown_tech"))
    assert tech.open_transfer(number)
    assert not tech.receive_action.isEnabled()
    assert tech.receive_action.toolTip() == (
        f"Only an authorised receiver of loan {loan} (Carla Pieters, James Head) may confirm "
        "this receipt."
    )

    james = transfers_view_for(qtbot, ctx_for("brown_pi"))
    assert james.open_transfer(number)
    assert james.receive_action.isEnabled()

    def receive(dialog: ReceiptDialog) -> None:
        signer.next(World.PASSWORD)
        dialog.sign_button.click()

    when_modal(ReceiptDialog, receive)
    james.receive_action.trigger()
    assert messages.errors == []
    detail = queries.transfer_detail(world.db, number)
    assert (detail.receiver, detail.received_by) == ("Carla Pieters", "James Head")
    assert world.status(A1).custodian_person == "James Head"

    # Carla takes James off the list again; the section says who was removed, by whom.
    view.refresh()
    section.table.selectRow(1)
    assert section.remove_button.isEnabled()
    section.remove_button.click()
    assert messages.errors == []
    assert section.table.rowCount() == 1
    assert section.removed_label.text().startswith(
        "Removed: James Head (co-official), by Carla Pieters on "
    )
    section.grab().save(str(screenshot_path("receivers_removed.png")))
