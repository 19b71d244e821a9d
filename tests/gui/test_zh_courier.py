"""Courier mode, institutions and people, and the ledger in Simplified Chinese: with the
zh_CN translation loaded, every screen's own words are Chinese (names, numbers and the
domain's sentences are data), in the glossary's terms, and no label or button is cut short,
at courier mode's usual 1280x800 with its large type. Screenshots go to
tests.conftest.screenshot_path (zh_*.png)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from lunar_custody.domain.listings import INSTITUTIONS
from lunar_custody.domain.listings import PEOPLE as PEOPLE_LISTING
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.courier.check import CheckScreen
from lunar_custody.gui.courier.delivery import MassScreen, SealScreen
from lunar_custody.gui.courier.screens import (
    CourierChoiceScreen,
    DoneScreen,
    HomeScreen,
    PackageScreen,
)
from lunar_custody.gui.courier.sign import SignScreen
from lunar_custody.gui.courier.widgets import Screen
from lunar_custody.gui.ledger import LedgerView
from lunar_custody.gui.people import AdminView, PersonDialog
from tests.conftest import screenshot_path
from tests.gui.test_courier import (
    SEAL,
    current,
    open_courier_window,
    prepared_package,
    scan,
    sign,
    sign_in,
    tap,
)
from tests.gui.test_translations import english_left
from tests.worlds import A1, A2, A3, PEOPLE, World

# Record data the screens show beside their own words: names, institutions, a container.
DATA = (
    *(full_name for _username, full_name, *_rest in PEOPLE),
    "CNSA Lunar Sample Laboratory",
    "Brown University",
    "Sino-Euro Secure Logistics",
    "dry shipper DS-3",
    "Lunar Custody",
)


def english_words(widget: QWidget, data: Iterable[str] = DATA) -> list[str]:
    """The widget's own words still in English, once the record data is taken out."""
    left = []
    for text in english_left(widget):
        for value in data:
            text = text.replace(value, "")
        if re.search(r"[A-Za-z]{2,}\W+[A-Za-z]{2,}", text):
            left.append(text)
    return left


def clipped(widget: QWidget) -> list[str]:
    """Visible labels and buttons too small for their text: narrower than their size hint
    (a wrapping label: lower than its text needs at its width)."""
    short = []
    for child in [*widget.findChildren(QLabel), *widget.findChildren(QAbstractButton)]:
        if not child.isVisibleTo(widget) or not child.text():
            continue
        if isinstance(child, QLabel) and child.wordWrap():
            if child.height() < child.heightForWidth(child.width()):
                short.append(f"{child.text()!r}: {child.height()} < text height")
        elif child.width() < child.sizeHint().width():
            short.append(f"{child.text()!r}: {child.width()} < {child.sizeHint().width()}")
    return short


def looked_at(
    window: QWidget, screen: Screen | QWidget, name: str, data: Iterable[str] = ()
) -> None:
    """The screen as shown: saved for people to look at, checked for English and clipping."""
    QApplication.processEvents()
    assert window.grab().toImage().save(str(screenshot_path(f"zh_{name}.png")))
    assert english_words(screen, [*DATA, *data]) == [], name
    assert clipped(screen) == [], name


def test_courier_mode_speaks_chinese_at_the_loading_dock(
    qtbot: QtBot, world: World, chinese: None
) -> None:
    number = prepared_package(world, [A1, A2, A3])
    window = open_courier_window(qtbot, world)
    assert window.windowTitle() == "Lunar Custody — 押运模式"
    assert window.signin.title_label.text() == "押运员登录"
    assert window.signin.primary.text() == "登录"
    looked_at(window, window, "courier_signin")

    sign_in(qtbot, window, "courier1", World.PINS["courier1"])
    home = current(window, HomeScreen)
    assert isinstance(home, HomeScreen)
    assert home.collect_title.text() == "待取件（1）"
    assert window.sign_out_button.text() == "退出登录"
    assert "1 个" not in home.buttons[number].text() and "3 个分样" in home.buttons[number].text()
    looked_at(window, window, "courier_home")

    scan(qtbot, home.scan, number)
    check = current(window, CheckScreen)
    assert isinstance(check, CheckScreen)
    assert check.primary.text() == "继续签名"
    for aliquot in (A1, A2, A3):
        scan(qtbot, check.scan, aliquot)
    assert check.message.text() == f"✓ {A3} 已核对：全部 3 个均在。"
    scan(qtbot, check.seal_edit, SEAL)
    assert check.seal_state.text() == "✓ 相符"
    looked_at(window, check, "courier_pickup_check")
    tap(qtbot, check.primary)

    sender = current(window, SignScreen)
    assert sender.title_label.text() == "发件方签名：移交保管"  # the vocabulary's meaning
    looked_at(window, sender, "courier_sign_sender")
    sign(qtbot, window, World.PASSWORD)
    courier = current(window, SignScreen)
    assert courier.pin_pad.isVisible()
    looked_at(window, courier, "courier_sign_courier")
    sign(qtbot, window, World.PINS["courier1"], pin=True)
    done = current(window, DoneScreen)
    assert done.title_label.text() == "✓ 已取件"
    looked_at(window, done, "courier_pickup_done")

    tap(qtbot, done.primary)
    home = current(window, HomeScreen)
    assert isinstance(home, HomeScreen)
    tap(qtbot, home.buttons[number])
    package = current(window, PackageScreen)
    assert isinstance(package, PackageScreen)
    assert package.hand_button.text() == "交接给另一位押运员"
    looked_at(window, package, "courier_package")
    tap(qtbot, package.hand_button)
    choice = current(window, CourierChoiceScreen)
    looked_at(window, choice, "courier_choice")

    window.go_home()
    tap(qtbot, window.home.buttons[number])  # type: ignore[union-attr]
    tap(qtbot, current(window, PackageScreen).primary)  # deliver
    seal = current(window, SealScreen)
    assert isinstance(seal, SealScreen)
    assert seal.title_label.text() == "检查封签"
    tap(qtbot, seal.broken_button)  # the note and the photo appear
    looked_at(window, seal, "courier_seal_broken")
    scan(qtbot, seal.seal_edit, SEAL)
    tap(qtbot, seal.intact_button)
    tap(qtbot, seal.primary)
    masses = current(window, MassScreen)
    assert isinstance(masses, MassScreen)
    looked_at(window, masses, "courier_masses")
    tap(qtbot, masses.primary)
    handing = current(window, SignScreen)
    assert "封签 SEAL-0001：完好" in handing.hint_label.text()
    looked_at(window, handing, "courier_sign_delivery")


def test_institutions_people_and_ledger_speak_chinese(
    qtbot: QtBot,
    world: World,
    ctx_for: Callable[[str], AppContext],
    chinese: None,
) -> None:
    ctx = ctx_for("admin")
    admin = AdminView(ctx)
    qtbot.addWidget(admin)
    admin.resize(1280, 800)
    admin.show()
    admin.refresh()
    assert admin.new_person_action.text() == "新建人员(&P)…"
    assert admin.people.select_value("username", "courier1")
    assert "押运员" in admin.person_label.text()  # the role, from the vocabulary
    # the lists' column titles are the domain's listings, translated by the main area's
    # table model (tablemodel.py), not here
    listed = [
        column.title for listing in (INSTITUTIONS, PEOPLE_LISTING) for column in listing.columns
    ]
    looked_at(admin, admin, "people_view", listed)

    dialog = PersonDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "新建人员"
    assert dialog.role_boxes["courier"].text() == "押运员"
    # beside each field, the registry's own check of it: the domain's sentences, in English
    checks = [m.text() for m in dialog.findChildren(QLabel) if m.objectName().endswith("Message")]
    looked_at(dialog, dialog, "people_new_person", checks)

    ledger = LedgerView(ctx)
    qtbot.addWidget(ledger)
    ledger.resize(1280, 800)
    ledger.show()
    ledger.refresh()
    assert ledger.tabs.tabText(0) == "保管事件" and ledger.verify_button.text() == "核验保管台账…"
    assert ledger.verify() is not None
    assert ledger.verify_result.text().startswith("通过：")
    findings = ledger.findings
    assert findings is not None and findings.windowTitle() == "保管台账已核验"
    # what verify says it checked, and the database's own answer: the domain's sentences
    verified = [findings.checked_label.text(), findings.integrity_label.text()]
    listed = [
        column.title for pane in (ledger.events, ledger.audit) for column in pane.model.columns
    ]
    looked_at(ledger, ledger, "ledger_view", [*listed, *verified])
    looked_at(findings, findings, "ledger_verified", verified)
