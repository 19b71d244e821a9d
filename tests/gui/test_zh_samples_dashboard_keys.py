"""The samples view, the dashboard and the keys window in Simplified Chinese: their own
words translated per the glossary, no English left but the records' data, and no label or
button cut short by the longer (or shorter) Chinese text (issue 16)."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from lunar_custody.domain.queries import FlowBand
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.dashboard import DashboardView
from lunar_custody.gui.keys import KeysWindow
from lunar_custody.gui.keys.window import grouped
from lunar_custody.gui.samples import SamplesView
from lunar_custody.gui.samples.pictures import band_name, seal_text, signature_text
from tests.gui.test_translations import english_left
from tests.worlds import A1, World

Ctx = Callable[[str], AppContext]


def shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    # the detail pane replaces its fields with deleteLater: gone before anything is measured
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    return widget


def cut_short(window: QWidget) -> list[str]:
    """Labels and buttons on screen narrower than their text needs (a wrapping label may
    be: it breaks its lines)."""
    found = []
    for widget in [*window.findChildren(QLabel), *window.findChildren(QAbstractButton)]:
        if not widget.isVisible() or (isinstance(widget, QLabel) and widget.wordWrap()):
            continue
        if widget.width() < widget.sizeHint().width():
            found.append(f"{widget.objectName() or type(widget).__name__}: {widget.text()!r}")
    return found


def english_of_its_own(window: QWidget, *data: str) -> list[str]:
    """``english_left``, less rich-text markup and the records' ``data`` (names, numbers,
    fingerprints) shown in the window's labels."""
    left = []
    for text in english_left(window):
        words = re.sub(r"<[^>]+>", "", text)
        for value in sorted(data, key=len, reverse=True):  # 'A — B' before '—'
            words = words.replace(value, "")
        if re.search(r"[A-Za-z]{2,}\W+[A-Za-z]{2,}", words):
            left.append(text)
    return left


def test_the_samples_view_in_chinese(
    qtbot: QtBot, world: World, ctx_for: Ctx, chinese: None
) -> None:
    view = shown(qtbot, SamplesView(ctx_for("zhang")))
    assert view.select_number(A1)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    tabs = view.pictures.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["保管链", "保管时间线", "质量流向"]
    assert view.named_actions["split"].text() == "分装(&S)…"
    assert view.model.headerData(2, view.tree.header().orientation()) == "质量"
    assert view.detail.balance_box.title() == "质量平衡"
    assert view.detail.timeline_label.text().startswith("保管链（")
    # the selected aliquot's own values (its form, container, custodian) are data
    values = [label.text() for label in view.detail.values.values()]
    assert english_of_its_own(view, *values) == []
    tabs.setCurrentWidget(view.pictures.flow)
    assert view.pictures.flow.caption.text() == f"分样 {A1} 的质量流向"
    assert cut_short(view) == []


def test_the_dashboard_in_chinese(qtbot: QtBot, world: World, ctx_for: Ctx, chinese: None) -> None:
    view = shown(qtbot, DashboardView(ctx_for("zhang")))
    assert view.overdue_card.findChildren(QLabel)[0].text() == "已逾期借样"
    assert view.due.horizontalHeaderItem(4).text() == "项目负责人"
    assert english_of_its_own(view) == []
    assert cut_short(view) == []


def test_the_keys_window_in_chinese(
    qtbot: QtBot, world: World, ctx_for: Ctx, chinese: None
) -> None:
    window = shown(qtbot, KeysWindow(ctx_for("admin")))
    assert window.windowTitle() == "机构密钥"
    assert window.revoke_action.text() == "吊销人员的密钥(&R)…"
    home = window.home
    assert home is not None
    data = (home.institution_name, grouped(home.fingerprint), home.short_fingerprint)
    assert english_of_its_own(window, *data) == []
    assert cut_short(window) == []


def test_the_mass_flow_says_the_domains_bands_in_chinese(chinese: None) -> None:
    """The domain names a band in English; the window says it from the band's key."""
    names = {
        FlowBand("consumed", "consumed", 1): "已消耗",
        FlowBand("in_transit", "in transit", 1): "运输中",
        FlowBand("held:3", "held by Brown University", 1): "保管于 Brown University",
        FlowBand("part:more", "12 more parts", 1): "另外 12 个部分",
        FlowBand(f"part:{A1}", f"kept in {A1}", 1): f"留在 {A1}",
        FlowBand(f"part:{A1}", A1, 1): A1,
    }
    assert {band.name: band_name(band) for band in names} == {
        band.name: chinese_name for band, chinese_name in names.items()
    }
    assert signature_text(("a", "b")) == "✓✓ 双方已签名"
    assert seal_text("S-1", False) == "封签 S-1 破损"
