"""The main window: title, sidebar and menus, shortcuts, links between views, layout memory."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from lunar_custody.gui.context import AppContext
from lunar_custody.gui.main_window import VIEW_CLASSES
from tests.conftest import screenshot_path
from tests.gui.conftest import Messages, open_window
from tests.worlds import A2, World


def test_title_views_and_shortcuts(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext], messages: Messages
) -> None:
    world.rich_scenario()
    window = open_window(qtbot, ctx_for("zhang"))
    assert window.windowTitle() == f"Lunar Custody — {window.ctx.db.name} — Zhang Wei"
    assert window.sidebar.count() == len(VIEW_CLASSES)
    for position, (key, _, _) in enumerate(VIEW_CLASSES, start=1):
        qtbot.keyClick(
            window.sidebar, getattr(Qt.Key, f"Key_{position}"), Qt.KeyboardModifier.ControlModifier
        )
        assert window.current_view is window.views[key]
        assert window.sidebar.currentRow() == position - 1
    window.show_view("samples")
    assert window.actions_menu.isEnabled()
    assert any("Split" in a.text() for a in window.actions_menu.actions())
    window.about()
    assert "Lunar Custody 0." in messages.texts[-1]
    assert messages.errors == []


def test_an_operation_refreshes_the_other_views_when_shown(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext]
) -> None:
    window = open_window(qtbot, ctx_for("zhang"))
    ledger = window.show_view("ledger")
    window.show_view("samples")
    world.active_loan([A2])  # another workstation changes the records
    window.ctx.changed.emit()
    assert ledger.stale and not window.current_view.stale
    window.show_view("ledger")
    assert not ledger.stale


def test_views_are_built_and_read_when_first_shown(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext]
) -> None:
    """Opening the window reads the first view's records only; the others read when shown,
    and what changed before they were first shown is there."""
    window = open_window(qtbot, ctx_for("zhang"))
    assert list(window.views) == ["dashboard"] and window.current_view.objectName() == (
        "dashboardView"
    )
    loan = world.active_loan([A2])
    window.ctx.changed.emit()
    loans = window.show_view("loans")
    assert list(window.views) == ["dashboard", "loans"] and not loans.stale
    table = loans.findChild(QTableView, "loansTable")
    assert table is not None
    shown = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
    assert loan in shown
    window.refresh()  # F5 with two views built: the other reads when shown again
    assert window.views["dashboard"].stale and not loans.stale


def test_dashboard_link_opens_the_loan(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext]
) -> None:
    loan = world.active_loan([A2])
    window = open_window(qtbot, ctx_for("zhang"))
    window.open_record("loan", loan)
    assert window.current_view is window.views["loans"]
    window.open_record("aliquot", A2)
    assert window.current_view is window.views["samples"]


def test_geometry_and_last_view_are_remembered(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext]
) -> None:
    window = open_window(qtbot, ctx_for("auditor"))
    window.resize(1100, 700)
    window.show_view("ledger")
    window.close()
    assert QSettings().value("main/view") == "ledger"
    again = open_window(qtbot, ctx_for("auditor"))
    assert again.current_view is again.views["ledger"]
    # The offscreen screen is 800 pixels wide, so only the height survives unclamped.
    assert QSettings().value("main/geometry") is not None and again.height() == 700


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)], ids=["1280x800", "1920x1080"])
def test_screenshot_of_every_view(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext], size: tuple[int, int]
) -> None:
    """Each view renders with data at both sizes (the PNGs are for people: screenshot_path)."""
    world.rich_scenario()
    window = open_window(qtbot, ctx_for("zhang"))
    window.resize(*size)
    for key, _, _ in VIEW_CLASSES:
        window.show_view(key)
        QApplication.processEvents()
        image = window.grab().toImage()
        assert (image.width(), image.height()) == size
        assert image.save(str(screenshot_path(f"main_{key}_{size[0]}x{size[1]}.png")))
    assert QKeySequence(QKeySequence.StandardKey.Refresh).toString() == "F5"


def test_go_to_an_unknown_number_says_why_in_chinese(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext], chinese: None
) -> None:
    window = open_window(qtbot, ctx_for("zhang"))
    problem = window.open_number("ZZ-NOTHING-9")
    assert problem is not None and problem.startswith("编码有误：")
    assert "ZZ-NOTHING-9" in problem and "Wrong code" not in problem
    assert window.open_number(A2) is None  # a number it knows opens its record
