"""A Chinese window names the clearance items that hold a loan's approval by the template's
Chinese titles (clearance-v1.zh_CN.json); the English sentence (CLI, logs) keeps them English."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from lunar_custody.domain import clearance, queries, rules
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.loans.detail import loan_facts
from tests.domain.test_clearance import _draft
from tests.gui.test_loans_view import view_for
from tests.worlds import World


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_chinese_window_names_open_clearance_items_in_chinese(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext], chinese: None
) -> None:
    number = _draft(world, borrower="KOLN", pi="koln_lm")
    for key in ("security_plan", "co_investigator_signatures", "export_licence"):
        clearance.attest_item(world.db, world["zhang"], number, key, note="on file")
    view = view_for(qtbot, ctx_for("zhang"))
    assert view.select_loan(number)
    assert not view.approve_action.isEnabled()
    assert view.approve_action.toolTip() == "审查未完成：2 项未办：进口许可、保险。"

    # the same refusal as the CLI prints it: English
    refusal = rules.why_not_approve_loan(
        world["zhang"], loan_facts(queries.loan_detail(world.db, number))
    )
    assert refusal == "Clearance is not complete: 2 items open: Import permit, Insurance."
