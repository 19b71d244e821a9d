"""The loans, transfers and exchange windows under zh_CN: their own words Chinese (as the
glossary says them), English left only in record data, and no label or button cut short."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from lunar_custody.domain import clearance, queries, rules
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.exchange import PartnersWindow
from lunar_custody.gui.loans import LoanEditor, LoansView
from lunar_custody.gui.loans.detail import lent_masses, loan_facts
from lunar_custody.gui.loans.dialogs import CloseLoanDialog
from lunar_custody.gui.transfers import TransfersView
from lunar_custody.gui.transfers.dialogs import ReceiptDialog
from lunar_custody.gui.transfers.package import PackageDialog
from tests.domain.test_clearance import _draft
from tests.gui.test_translations import english_left
from tests.worlds import A1, A2, A3, World


def shown(qtbot: QtBot, widget: QWidget, width: int, height: int) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    QApplication.processEvents()
    return widget


def cut_short(widget: QWidget) -> list[str]:
    """Labels and buttons narrower than their text needs (a wrapping label wraps instead)."""
    return [
        f"{type(child).__name__} {child.text()!r}: {child.width()} < {child.sizeHint().width()}"
        for child in [*widget.findChildren(QLabel), *widget.findChildren(QAbstractButton)]
        if child.isVisible()
        and not (isinstance(child, QLabel) and child.wordWrap())
        and child.width() < child.sizeHint().width()
    ]


# A key's fingerprint as trust.keys.short_fingerprint writes it: eight groups of four
# upper-case hex digits. Record data, whose letters ("A2BE CA02") are no English words.
FINGERPRINT = re.compile(r"\b[0-9A-F]{4}(?: [0-9A-F]{4}){7}\b")
# two Latin words in a row, as english_left finds them
ENGLISH_PAIR = re.compile(r"[A-Za-z]{2,}\W+[A-Za-z]{2,}")


def english_words(widget: QWidget, data: list[str]) -> list[str]:
    """english_left, less the texts that show record ``data`` (names, purposes), each read
    without the key fingerprints it shows."""
    return [
        text
        for text in english_left(widget)
        if not any(value in text for value in data)
        and ENGLISH_PAIR.search(FINGERPRINT.sub("", text))
    ]


def test_english_words_skips_fingerprints_not_english_around_them(qtbot: QtBot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    texts = [
        "A2BE CA02 91C0 7B1D E004 55AA 12AE AB5F",  # a fingerprint only: data
        "密钥 3F2A 91C0 7B1D E004 55AA 1234 ABCD 9F00",
        "Key 3F2A 91C0 7B1D E004 55AA 1234 ABCD 9F00 is trusted",  # English around one
        "AE AB5F not trusted",  # no whole fingerprint: read as it is
    ]
    for text in texts:
        QLabel(text, box)
    assert english_words(box, []) == sorted(texts[2:])


def test_loans_in_chinese(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext], chinese: None
) -> None:
    number = world.active_loan([A1, A2])
    detail = queries.loan_detail(world.db, number)
    view = shown(qtbot, LoansView(ctx_for("zhang")), 1280, 800)
    assert isinstance(view, LoansView)
    view.refresh()
    assert view.select_loan(number)
    assert view.detail_pane.heading.text() == f"借样 {number}"
    signatures = view.detail_pane.signatures_table
    verdicts = [signatures.item(row, 6).text() for row in range(signatures.rowCount())]
    assert verdicts and set(verdicts) == {"条款与签名时一致"}  # the domain's verdict, said
    assert view.countersign_action.text() == "会签(&U)…"
    assert view.agreement_action.toolTip() == "样品借用协议 PDF，可预览、打印或保存"
    assert [view.status_filter.itemText(i) for i in range(3)] == ["全部状态", "草稿", "已批准"]
    data = [detail.lender, detail.summary.borrower, detail.summary.purpose]
    data += [detail.summary.principal_investigator, *(s.printed_name for s in detail.signatures)]
    # the list's column titles are the domain's (the main area translates tablemodel's)
    assert english_words(view.detail_pane, data) == []
    assert [a.text() for a in view.menu_actions() if not any(c >= "\u4e00" for c in a.text())] == []
    assert cut_short(view) == []

    # a draft held by its clearance: the items open are named by the template's Chinese
    # titles (clearance-v1.zh_CN.json), the same refusal English on the command line
    draft = _draft(world, borrower="KOLN", pi="koln_lm", aliquot=A3)
    for key in ("security_plan", "co_investigator_signatures", "export_licence"):
        clearance.attest_item(world.db, world["zhang"], draft, key, note="on file")
    view.refresh()
    assert view.select_loan(draft)
    assert not view.approve_action.isEnabled()
    assert view.approve_action.toolTip() == "审查未完成：2 项未办：进口许可、保险。"
    refusal = rules.why_not_approve_loan(
        world["zhang"], loan_facts(queries.loan_detail(world.db, draft))
    )
    assert refusal == "Clearance is not complete: 2 items open: Import permit, Insurance."

    editor = shown(qtbot, LoanEditor(ctx_for("zhang")), 1040, 760)
    assert editor.windowTitle() == "新建借样"
    assert editor.destructive_box.text() == "允许破坏性分析"
    editor.purpose_edit.setText("月壤的空间风化")  # the domain's "required" stays English
    assert english_words(editor.body.itemAt(0).widget(), data) == []  # the terms
    assert cut_short(editor) == []

    close = shown(
        qtbot, CloseLoanDialog(ctx_for("zhang"), detail, lent_masses(world.db, number)), 900, 420
    )
    assert close.windowTitle() == f"结束借样 {number}"
    assert [close.table.horizontalHeaderItem(c).text() for c in range(3)] == [
        "分样",
        "借出时",
        "已发出",
    ]
    assert cut_short(close) == []


def test_transfers_in_chinese(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext], chinese: None
) -> None:
    loan = world.active_loan([A1, A2])
    number = world.release([A1, A2], loan=loan)
    view = shown(qtbot, TransfersView(ctx_for("zhang")), 1280, 800)
    assert isinstance(view, TransfersView)
    view.refresh()
    assert view.open_transfer(number)
    assert [view.tabs.tabText(i) for i in range(2)] == ["转运", "差异"]
    assert view.custody_form_action.text() == "保管交接单(&F)…"
    page = view.transfer_view.toPlainText()
    assert "封签" in page and "押运员" in page and "分样（2）" in page
    assert cut_short(view) == []

    package = shown(qtbot, PackageDialog(ctx_for("zhang")), 820, 640)
    assert package.windowTitle() == "新建样品包"
    assert english_words(package, []) == []
    assert cut_short(package) == []

    detail = queries.transfer_detail(world.db, number)
    receipt = shown(qtbot, ReceiptDialog(ctx_for("brown_lm"), detail), 720, 600)
    assert receipt.seal_intact.text() == "封签完好(&I)"
    names = [detail.from_institution, detail.courier]
    assert english_words(receipt, names) == []
    assert cut_short(receipt) == []


def test_partners_in_chinese(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext], chinese: None
) -> None:
    ctx = ctx_for("zhang")
    window = shown(qtbot, PartnersWindow(ctx), 1200, 760)
    assert isinstance(window, PartnersWindow)
    assert window.windowTitle() == "合作机构站点"
    assert window.introduction_action.text() == "导出本站点引荐文件(&E)…"
    home = window.home
    data = [home.institution_name] if home else []
    assert english_words(window, data) == []
    assert cut_short(window) == []
