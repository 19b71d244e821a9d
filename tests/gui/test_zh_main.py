"""The main area in Simplified Chinese: the main window's menus and status bar, the dialogs
of gui/*.py (go to number, sign in, first run, signature, reason, shortcuts, log, guide), the
listings' column headings and the user guide, each in Chinese per the glossary with no word
of its own left in English, and no label or button narrower than its text."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot
from reportlab.pdfgen import canvas

from lunar_custody.documents.service import GeneratedDocument
from lunar_custody.domain import listings
from lunar_custody.domain.listings import Listing
from lunar_custody.domain.queries.installation import events_listing
from lunar_custody.gui.actions import SELECT_LOAN, plain_text
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.dialogs import ReasonDialog
from lunar_custody.gui.help import GuideWindow, LogDialog, ShortcutsDialog, guide_text
from lunar_custody.gui.main_window import GoToDialog, MainWindow
from lunar_custody.gui.pdf_preview import LABEL_LAYOUTS, VERIFY_COMMAND, PdfPreview
from lunar_custody.gui.signature import SignatureDialog
from lunar_custody.gui.signin import FirstRunDialog, SignInDialog
from lunar_custody.gui.tablemodel import COLUMN_TITLES, ListingModel, column_title, role_labels
from lunar_custody.gui.translation import translated
from lunar_custody.gui.widgets import PASSWORDS_DIFFER
from lunar_custody.logfile import log_path
from tests.gui.conftest import open_window
from tests.gui.test_translations import english_left, language  # noqa: F401 (a fixture)

LATIN_WORDS = re.compile(r"[A-Za-z]{2,}\W+[A-Za-z]{2,}")
# The views' own titles are their areas' strings, not this one's: the View menu's first
# entries (and the sidebar) show them.
OTHER_AREAS_ACTIONS = {f"show_{key}" for key in ("dashboard", "samples", "loans",
                       "transfers", "admin", "ledger")}  # fmt: skip


def every_listing() -> list[Listing]:
    found = [events_listing("CNSA")]  # the ledger's, with the installation that recorded each
    for module in (listings.collection, listings.ledger, listings.lending, listings.people):
        found += [value for value in vars(module).values() if isinstance(value, Listing)]
    return found


def clipped(widget: QWidget) -> list[str]:
    """The visible labels and buttons of ``widget`` narrower than their text (a word-wrapped
    label takes its lines' width: it is never clipped sideways)."""
    narrow = []
    for child in [*widget.findChildren(QLabel), *widget.findChildren(QAbstractButton)]:
        if not child.isVisibleTo(widget) or (isinstance(child, QLabel) and child.wordWrap()):
            continue
        if child.width() < child.sizeHint().width():
            narrow.append(f"{child.objectName() or type(child).__name__} {child.text()!r}")
    return narrow


def a_document(folder: Path) -> GeneratedDocument:
    """A written PDF of two pages, as the documents service returns one."""
    path = folder / "L2026-0001-agreement.pdf"
    page = canvas.Canvas(str(path))
    for number in (1, 2):
        page.drawString(72, 720, f"page {number}")
        page.showPage()
    page.save()
    heads = cast(Any, None)  # what the preview never reads
    return GeneratedDocument("D2026-0001", "agreement", path, "ab" * 32, "cd" * 32, 2, heads, "")


def main_dialogs(window: MainWindow, folder: Path) -> list[QWidget]:
    """Every dialog of the main area, built on ``window`` (a PDF written in ``folder``)."""
    db = window.ctx.db
    menus = [action.menu() for action in window.menuBar().actions()]
    return [
        PdfPreview(a_document(folder), "样品借用协议", window),
        GoToDialog(window),
        SignInDialog(db, db.name, window, username="zhang"),
        FirstRunDialog(db, window),
        SignatureDialog(window, meaning="approved", summary="L2026-0001", username="zhang"),
        ReasonDialog(window.ctx.ops, window, "取消借样", "L2026-0001", lambda _r: lambda _p: 0),
        ShortcutsDialog([m for m in menus if isinstance(m, QMenu)], [], window),
        LogDialog(window),
        GuideWindow(window),
    ]


def _drop(text: str, data: str) -> str:
    return text.replace(data, "")


def test_every_listing_title_is_marked_for_translation() -> None:
    titles = {column.title for listing in every_listing() for column in listing.columns}
    assert len(every_listing()) >= 11
    assert titles - set(COLUMN_TITLES) == set(), "mark them in gui/tablemodel.COLUMN_TITLES"


def test_the_main_area_speaks_chinese(
    qtbot: QtBot,
    ctx_for: Callable[[str], AppContext],
    language: Callable[[str], str],  # noqa: F811 (the fixture imported above)
    tmp_path: Path,
) -> None:
    assert language("zh_CN") == "zh_CN"
    window = open_window(qtbot, ctx_for("zhang"))
    window.resize(1280, 800)

    # the menus: File, Edit, View (but the views' names) and Help in Chinese, per the glossary
    assert window.import_exchange_action.text() == "导入交换文件(&I)…"
    assert window.verify_action.text() == "核验保管台账(&V)…"
    assert window.courier_action.text() == "押运员模式(&C)…"
    menus = [window.menuBar().actions()[i].menu() for i in (0, 1, 2, 4)]  # not Actions
    own = [
        action
        for menu in menus
        if isinstance(menu, QMenu)
        for action in menu.actions()
        if action.objectName() not in OTHER_AREAS_ACTIONS and action.text()
    ]
    assert len(own) == 17
    english = [a.text() for a in own if LATIN_WORDS.search(a.text().replace("Lunar Custody", ""))]
    assert english == []
    assert plain_text(window.import_exchange_action.text()) == "导入交换文件"
    assert window.import_exchange_action.toolTip().startswith("预览并导入")
    # the status bar: the person's roles in the vocabulary's words
    status = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert any("样品管理员" in text for text in status), status
    assert clipped(window.statusBar()) == []

    # the column headings of every list, and the label formats
    model = ListingModel(window.ctx.db, listings.ALIQUOTS)
    horizontal = Qt.Orientation.Horizontal
    headings = [model.headerData(c, horizontal) for c in range(model.columnCount())]
    assert "分样" in headings and "保管方" in headings and "封签号" in headings
    people = ListingModel(window.ctx.db, listings.PEOPLE)
    people.refresh()
    roles = people.index(people.find("username", "zhang") or 0, people.column_of("roles"))
    assert people.data(roles) == "样品管理员"  # stored as the code "curator"
    assert role_labels("lab_manager,courier") == "实验室主管、押运员"
    for title in COLUMN_TITLES:
        assert title == "#" or column_title(title) != title, title
    assert [translated(name) for name in LABEL_LAYOUTS] == [
        "卷装 2 × 1 英寸标签",
        "A4 纸，每张 4 × 10 个标签",
    ]
    # the window's own reasons, shown where they are used
    assert translated(SELECT_LOAN) == "请先选择一项借样。"
    assert translated(PASSWORDS_DIFFER) == "两次输入的密码不一致，请重新输入。"

    # every dialog of the main area: Chinese, and each label and button whole
    # what dialogs show as it is: the database's and files' names, a command; and the
    # domain's own words, what its checks say under a field
    data = [window.ctx.db.name, str(log_path()), VERIFY_COMMAND, "L2026-0001-agreement.pdf"]
    for dialog in main_dialogs(window, tmp_path):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        domain = {
            m.text() for m in dialog.findChildren(QLabel) if m.objectName().endswith("Message")
        }
        left = [
            text
            for text in english_left(dialog)
            if text not in domain and LATIN_WORDS.search(functools.reduce(_drop, data, text))
        ]
        assert left == [], type(dialog).__name__
        assert clipped(dialog) == [], type(dialog).__name__
        dialog.close()

    # the user guide in Chinese when the window is
    guide = window.show_guide()
    assert guide.windowTitle() == "Lunar Custody：用户指南"
    assert "保管台账" in guide.browser.toPlainText()


def test_the_guide_follows_the_language() -> None:
    chinese = guide_text(QLocale("zh_CN"))
    assert chinese.startswith("# Lunar Custody：工作站简要指南")
    assert guide_text(QLocale("zh_SG")) == chinese  # it reads the zh_CN translation
    english = guide_text(QLocale("en_GB"))
    assert english.startswith("# Lunar Custody: a short guide")
    assert guide_text(QLocale("zh_TW")) == english
    # the Chinese guide covers every section of the English one
    sections = [line for line in english.splitlines() if line.startswith("## ")]
    assert len([line for line in chinese.splitlines() if line.startswith("## ")]) == len(sections)
