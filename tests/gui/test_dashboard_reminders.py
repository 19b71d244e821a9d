"""The dashboard's reminders panel: by tier, searched and sorted, a double click or Enter
opens the loan, the addresses copy as one e-mail list and the rows save as CSV."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lunar_custody.domain import registry
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.dashboard import DashboardView
from tests.conftest import screenshot_path
from tests.worlds import A1, A2, KOLN, World


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_reminders_panel_lists_by_tier_and_opens_the_loan(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext], tmp_path: Path
) -> None:
    today = world.today
    admin = world["admin"]
    registry.update_person(world.db, admin, "brown_lm", email="pieters@brown.example")
    registry.update_person(world.db, admin, "koln_lm", email="mezger@uni-koeln.example")
    late = world.active_loan(
        [A1], starts_on=today - timedelta(days=120), due_on=today - timedelta(days=35)
    )
    world.ship([A1], loan=late)
    soon = world.active_loan([A2], borrower=KOLN, pi="koln_lm", due_on=today + timedelta(days=5))
    world.ship([A2], receiver="koln_lm", loan=soon)

    view = DashboardView(ctx_for("zhang"), today=lambda: today)
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    panel = view.reminders_panel
    table = panel.table
    assert panel.title() == "Reminders: 30 days late: 1 · Due within 7 days: 1"
    assert table.count_label.text() == "2 reminders"
    assert table.rows == [
        [
            "30 days late",
            "Loan due back",
            late,
            (today - timedelta(days=35)).isoformat(),
            "35 days overdue",
            "Brown University",
            "Carla Pieters <pieters@brown.example>",
            f"Return the material of loan {late} or ask for an extension.",
        ],
        [
            "Due within 7 days",
            "Loan due back",
            soon,
            (today + timedelta(days=5)).isoformat(),
            "in 5 days",
            "University of Cologne",
            "Klaus Mezger <mezger@uni-koeln.example>",
            f"Return the material of loan {soon} or ask for an extension.",
        ],
    ]
    # nothing scrolls sideways at this size
    QApplication.processEvents()
    assert table.table.horizontalScrollBar().maximum() == 0
    view.grab().save(str(screenshot_path("dashboard-reminders.png")))

    # a click on the Tier heading sorts by escalation, mildest first
    qtbot.mouseClick(
        table.table.horizontalHeader().viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.table.visualRect(table.proxy.index(0, 0)).center(),
    )
    assert [table.rows[row][2] for row in table.shown_rows()] == [soon, late]

    # double click opens the loan
    opened: list[tuple[str, str]] = []
    view.open_record.connect(lambda kind, number: opened.append((kind, number)))
    index = table.proxy.index(1, 3)
    centre = table.table.visualRect(index).center()
    qtbot.mouseClick(table.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert opened == [("loan", late)]
    # Enter on a row opens it as well: up to the first row (the loan due soon), then Enter
    qtbot.keyClick(table.table, Qt.Key.Key_Up)
    qtbot.keyClick(table.table, Qt.Key.Key_Return)
    assert opened == [("loan", late), ("loan", soon)]

    # the e-mail list of what is shown; the search narrows it
    assert panel.copy_emails() == (
        "Klaus Mezger <mezger@uni-koeln.example>, Carla Pieters <pieters@brown.example>"
    )
    assert QApplication.clipboard().text() == panel.emails()
    qtbot.keyClicks(table.search_field, "Brown")
    table.search_field.flush()
    assert table.count_label.text() == "1 of 2 reminders"
    assert panel.emails() == "Carla Pieters <pieters@brown.example>"
    saved = panel.save(tmp_path / "reminders.csv")
    assert saved == tmp_path / "reminders.csv"
    with saved.open(encoding="utf-8") as file:
        rows = list(csv.reader(file))
    assert rows[0][:3] == ["Tier", "Kind", "Loan"] and [r[2] for r in rows[1:]] == [late]
