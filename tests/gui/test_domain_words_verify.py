"""Verify's findings in the window's language: the Ledger view and its findings read a
tampered database's findings in Chinese under zh_CN, while the report itself stays English
(the command line, CSV of the CLI and the tamper tests read that) (issue 16)."""

from __future__ import annotations

import json
import pickle
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from lunar_custody.domain.anchors import AnchorError, read_anchor
from lunar_custody.domain.ledger import Problem
from lunar_custody.domain.wording import Said
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.errors import error_text
from lunar_custody.gui.ledger import LedgerView
from lunar_custody.gui.translation import translated
from lunar_custody.storage import Database
from tests.gui.conftest import Messages
from tests.worlds import World

Ctx = Callable[[str], AppContext]


@pytest.fixture
def ledger_view(qtbot: QtBot, world: World, ctx_for: Ctx) -> Iterator[Callable[[], LedgerView]]:
    views: list[LedgerView] = []

    def make() -> LedgerView:
        view = LedgerView(ctx_for("auditor"))
        qtbot.addWidget(view)
        view.show()
        views.append(view)
        return view

    yield make
    for view in views:
        view.close()
    qtbot.wait(20)  # pending fetch timers fire while the database is still there


def tamper(world: World) -> None:
    """Behind the program's back: a guard dropped, a signature's value damaged, a person's
    e-mail changed — none of it a custody event, so the first finding heads the result."""
    assert isinstance(world.db, Database) and world.db.path is not None
    world.db.dispose()
    with sqlite3.connect(world.db.path) as raw:
        raw.execute("DROP TRIGGER signatures_no_update")
        raw.execute(
            "UPDATE signatures SET crypto_signature = '!!' "
            "WHERE id = (SELECT min(id) FROM signatures WHERE crypto_signature IS NOT NULL)"
        )
        raw.execute("UPDATE people SET email = 'nobody@example.org' WHERE username = 'auditor'")
    raw.close()


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_storage_integrity_record_check_and_signature_check_findings_read_in_chinese(
    qtbot: QtBot, world: World, ledger_view: Callable[[], LedgerView], messages: Messages
) -> None:
    world.rich_scenario()
    tamper(world)
    view = ledger_view()
    view.verify_action.trigger()
    report = view.last_report
    assert report is not None and not report.ok and not messages.shown
    english = [(p.kind, p.message) for p in report.problems]
    assert (  # the report stays English (CLI, JSON, tamper tests)
        "guard",
        "The append-only guard signatures_no_update has been removed: the database no longer "
        "refuses to change signatures in place.",
    ) in english
    assert any(
        kind == "signature" and text.endswith("is refused: its cryptographic signature is damaged.")
        for kind, text in english
    )

    first = translated(report.problems[0].message)
    assert first != report.problems[0].message
    assert view.verify_result.text() == f"未通过：{first}"
    findings = view.findings
    assert findings is not None
    assert findings.integrity_label.text().startswith("发现问题（sqlite，")
    assert findings.integrity_label.text().endswith("；快速检查）")
    model = findings.findings.proxy
    shown = [
        (model.index(row, 0).data(), model.index(row, 5).data()) for row in range(model.rowCount())
    ]
    assert (
        "guard",
        "只追加保护 signatures_no_update 已被删除：数据库不再拒绝就地修改 signatures。",
    ) in shown
    assert any(
        kind == "signature" and text.endswith("被拒绝：其密码学签名已损坏。")
        for kind, text in shown
    )
    line, email = next(
        (row, text) for row, (_, text) in enumerate(shown) if "nobody@example.org" in text
    )
    # the record's noun and field label are the audit trail's English words (domain/audit.py)
    assert email.startswith("person auditor 中，E-mail 为 'nobody@example.org'，但审计记录为 ''")
    assert "（审计条目 #" in email and email.endswith(" 创建）：在程序之外被修改。")

    findings.findings.table.setCurrentIndex(model.index(line, 0))
    assert findings.selected_label.text() == email  # the finding picked, in full


@pytest.mark.usefixtures("chinese")
def test_an_anchor_files_refusal_reads_in_chinese() -> None:
    with pytest.raises(AnchorError) as refused:
        read_anchor(b"{not json", "x.json")
    assert str(refused.value) == "x.json is not an anchor file: it is not JSON (damaged?)."
    assert error_text(refused.value) == "x.json 不是锚点文件：它不是 JSON（已损坏？）。"

    with pytest.raises(AnchorError) as unnamed:
        read_anchor(b'{"statement": {"type": "lunar-custody/anchor", "v": 1}}')
    assert str(unnamed.value) == "The file is damaged: it names no institution."
    assert error_text(unnamed.value) == "该文件 已损坏：其中未写明机构。"


@pytest.mark.usefixtures("chinese")
def test_a_finding_made_in_a_worker_process_still_reads_in_chinese(tmp_path: Path) -> None:
    read = pickle.loads(pickle.dumps(_damaged_anchor_problem(tmp_path)))  # and back
    assert isinstance(read.message, Said)
    assert read.message == "w.json is not signed: it has no signature, so it proves nothing."
    assert translated(read.message) == "w.json 未签名：它没有签名，因此不能证明任何事。"


def _damaged_anchor_problem(tmp_path: Path) -> Problem:
    """A finding as a worker hands it back: the refusal of an unsigned anchor file."""
    statement = {
        "type": "lunar-custody/anchor",
        "v": 1,
        "institution": {"code": "CNSA", "uuid": "u"},
        "certificate": "0" * 64,
        "made_at": "2026-12-05T09:00:00Z",
        "ledger": {"seq": 1, "hash": "0" * 64},
        "audit": {"seq": 1, "hash": "0" * 64},
    }
    unsigned = tmp_path / "w.json"
    unsigned.write_text(json.dumps({"statement": statement}), encoding="utf-8")
    try:
        read_anchor(unsigned.read_bytes(), unsigned.name)
    except AnchorError as error:
        return Problem("anchor", error.args[0])
    raise AssertionError("an unsigned anchor file was read")


@pytest.mark.usefixtures("chinese")
def test_what_a_passed_verify_checked_reads_in_chinese(
    world: World, ledger_view: Callable[[], LedgerView], messages: Messages
) -> None:
    world.rich_scenario()
    view = ledger_view()
    view.verify_action.trigger()
    report = view.last_report
    assert report is not None and report.ok and not messages.shown
    assert any(line.startswith("OK: hash chain intact") for line in report.summary_lines())
    findings = view.findings
    assert findings is not None
    checked = findings.checked_label.text()
    assert checked.startswith("审计记录：") and "签名：已核验" in checked
    assert "通过：哈希链完整，质量平衡成立，每个分样只有一个保管方" in checked
    assert not re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", checked), checked  # no English left
