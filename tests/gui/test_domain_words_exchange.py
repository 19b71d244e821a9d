"""The exchange modules' refusals in the window's language (issue 16): a tampered file, a
file for another partner, an introduction that is not one, an export about nothing and a
field of the wrong type are refused in English everywhere a string goes (CLI, logs) and in
Chinese where the window shows them under zh_CN.

The three installations (CNSA lends to Brown; SLL carries) and CNSA's offer to Brown come
from tests/exchange/conftest.py."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from lunar_custody.domain import clock
from lunar_custody.domain.errors import NotFoundError, ValidationError
from lunar_custody.domain.models import ExchangeFile
from lunar_custody.exchange.export import export_exchange
from lunar_custody.exchange.format import (
    CONTENT,
    MAX_FILE_BYTES,
    SIGNATURE,
    ExchangeFileError,
    unpack,
)
from lunar_custody.exchange.importer import ExchangeRefused, import_exchange
from lunar_custody.exchange.partners import (
    check_revocation_reason,
    file_content,
    partner_status,
    read_introduction,
)
from lunar_custody.exchange.records import Field, FieldError, decode
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.dashboard.partners import PartnerPanel
from lunar_custody.gui.errors import error_text
from lunar_custody.gui.exchange.importing import ImportPreviewDialog, RefusedDialog, import_file
from lunar_custody.gui.translation import translated
from tests.conftest import screenshot_path
from tests.documents.test_anchors import drop_guards, restore_guards
from tests.exchange.conftest import Installations, _template, installations
from tests.gui.conftest import Messages, when_modal
from tests.gui.test_exchange_gui import rows_of
from tests.gui.test_zh_loans_transfers_exchange import english_words

__all__ = ["_template", "installations"]


def _tampered(data: bytes) -> bytes:
    """The file with its content changed after it was signed, still canonical JSON: what a
    hand that edits a file on the way makes (the loan's purpose, one letter)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        signed = archive.read(CONTENT)
        signature = archive.read(SIGNATURE)
    changed = signed.replace(b'"Space weathering"', b'"Space weatherinG"')
    assert changed != signed
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(CONTENT, changed)
        archive.writestr(SIGNATURE, signature)
    return buffer.getvalue()


@pytest.mark.usefixtures("chinese")
def test_exchange_format_a_tampered_file_is_refused_in_chinese(
    installations: Installations,
) -> None:
    tampered = _tampered(installations.offer)

    with pytest.raises(ExchangeFileError) as refused:
        unpack(tampered)

    assert str(refused.value) == (
        "The file's signature does not hold: its content was changed after the sender signed "
        "it, or it was signed by another key. Nothing was imported."
    )
    assert error_text(refused.value) == (
        "文件的签名无效：其内容在发件方签名后被更改，或由其他密钥签名。未导入任何内容。"
    )

    with pytest.raises(ExchangeFileError) as truncated:
        unpack(installations.offer[:200])
    assert error_text(truncated.value).startswith("这不是交换文件，或文件不完整（")


@pytest.mark.usefixtures("chinese")
def test_exchange_importer_a_file_for_another_partner_is_refused_in_chinese(
    installations: Installations,
) -> None:
    # CNSA's offer is addressed to Brown; the courier firm SLL trusts CNSA but is not Brown
    with pytest.raises(ExchangeRefused) as refused:
        import_exchange(installations.sll, installations["chen.courier"], installations.offer)

    assert str(refused.value) == (
        "Exchange file refused; nothing was imported (1 reason):\n"
        "  - the file is addressed to Brown University, not to Secure Lunar Logistics"
    )
    assert error_text(refused.value) == (
        "交换文件被拒绝；未导入任何内容（1 条原因）：\n"
        "  - 文件发给 Brown University，而不是 Secure Lunar Logistics"
    )
    (reason,) = refused.value.reasons
    assert translated(reason.message) == "文件发给 Brown University，而不是 Secure Lunar Logistics"


@pytest.mark.usefixtures("chinese")
def test_exchange_importer_a_replayed_file_names_its_reasons_in_chinese(
    installations: Installations,
) -> None:
    brown, carla = installations.brown, installations["carla.pieters"]
    imported = import_exchange(brown, carla, installations.offer)
    english = imported.summary()
    assert english.startswith("offer no. 1 from China National Space Administration")
    assert ": 2 custody events added; new: " in english and "2 aliquots" in english
    summary = translated(english)  # the report, counted records and all, in Chinese
    assert summary.startswith("来自 China National Space Administration")
    assert "的借样要约第 1 号（" in summary and "：新增 2 个保管事件；新增：" in summary
    assert "2 个分样" in summary and "aliquot" not in summary
    replayed = _renumbered_again(installations)

    with pytest.raises(ExchangeRefused) as refused:
        import_exchange(brown, carla, replayed)

    text = error_text(refused.value)
    assert text.startswith("交换文件被拒绝；未导入任何内容（1 条原因）：\n  - 这是来自 ")
    assert "的第 1 号文件，而第 1 号文件已导入（另一个文件）：重放或冲突的文件" in text
    assert "file no. 1" in str(refused.value)  # English for the command line


def _renumbered_again(installations: Installations) -> bytes:
    """CNSA's second file about the loan given the first file's number: a conflicting file
    (signed by CNSA's own key, as a confused or hostile sender would)."""
    from tests.exchange.test_hostile_files import _forge

    def first_number(content: dict[str, object]) -> None:
        content["sequence"] = 1

    return _forge(installations.again, installations.cnsa, first_number)


@pytest.mark.usefixtures("chinese")
def test_exchange_partners_refusals_in_chinese(installations: Installations) -> None:
    with pytest.raises(ValidationError) as not_introduction:
        read_introduction(installations.offer)
    assert str(not_introduction.value) == (
        "This is a offer file, not an introduction: import it with Import exchange file."
    )
    assert error_text(not_introduction.value) == (
        "这是借样要约文件，不是引荐文件：请通过“导入交换文件”导入。"
    )

    with pytest.raises(ValidationError) as no_reason:
        check_revocation_reason("   ")
    assert error_text(no_reason.value) == "请说明为何不再信任该合作机构的密钥。"

    with pytest.raises(NotFoundError) as missing:
        file_content(installations.brown, 999)
    assert str(missing.value) == "There is no exchange file #999."
    assert error_text(missing.value) == "没有编号为 #999 的交换文件。"


@pytest.mark.usefixtures("chinese")
def test_exchange_export_refusals_in_chinese(installations: Installations) -> None:
    cnsa, zhang = installations.cnsa, installations["zhang.wei"]
    with pytest.raises(ValidationError) as about_nothing:
        export_exchange(cnsa, zhang, partner="BROWN")
    assert error_text(about_nothing.value) == "请说明文件涉及的内容：一项借样、一项转运或若干分样。"

    with pytest.raises(ValidationError) as to_ourselves:
        export_exchange(cnsa, zhang, partner="CNSA", loan=installations.loan)
    assert str(to_ourselves.value).endswith(" is this installation's own institution.")
    assert error_text(to_ourselves.value).endswith(" 是本站点自己的机构。")


@pytest.mark.usefixtures("chinese")
def test_exchange_records_a_field_of_the_wrong_type_in_chinese() -> None:
    with pytest.raises(FieldError) as wrong:
        decode(Field("mass_ug", "mass_ug", "int"), "12 mg")
    assert str(wrong.value) == "mass_ug must be a whole number"
    assert error_text(wrong.value) == "mass_ug 必须是整数"

    with pytest.raises(FieldError) as bad_time:
        decode(Field("made_at", "made_at", "time"), "yesterday")
    assert str(bad_time.value) == "made_at is not a valid time: 'yesterday'"
    assert error_text(bad_time.value) == "made_at 不是有效的时间：'yesterday'"


# ---------------------------------------------------------------------- in the window


def _file(tmp_path: Path, data: bytes, name: str = "CNSA-to-BROWN-0001-offer.lcx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.usefixtures("chinese")
def test_the_import_dialog_lists_a_wrong_partners_reason_in_chinese(
    qtbot: QtBot, installations: Installations, messages: Messages, tmp_path: Path
) -> None:
    # the courier firm SLL trusts CNSA, but CNSA's offer is addressed to Brown
    ctx = AppContext(installations.sll, installations["chen.courier"])
    path = _file(tmp_path, installations.offer)
    reason = "文件发给 Brown University，而不是 Secure Lunar Logistics"

    def read(dialog: RefusedDialog) -> None:
        assert dialog.windowTitle() == "已拒绝：未导入任何内容"
        assert rows_of(dialog.reasons) == [["整个文件", reason]]
        assert english_words(dialog, [path.name]) == []  # the file's name is data
        assert dialog.grab().save(str(screenshot_path("zh_refused_dialog.png")))
        dialog.copy_button.click()
        assert reason in QApplication.clipboard().text()
        dialog.reject()

    opened = when_modal(RefusedDialog, read)
    assert import_file(ctx, None, path) is None
    assert opened
    assert messages.shown == []  # the reasons were in the dialog, not in a message box


@pytest.mark.usefixtures("chinese")
def test_the_import_dialog_says_a_tampered_file_is_unreadable_in_chinese(
    qtbot: QtBot, installations: Installations, messages: Messages, tmp_path: Path
) -> None:
    ctx = AppContext(installations.brown, installations["carla.pieters"])
    path = _file(tmp_path, _tampered(installations.offer))

    assert import_file(ctx, None, path) is None

    (shown,) = messages.shown
    assert shown[:2] == ("errorDialog", "不是可读取的交换文件")
    assert (
        "文件的签名无效：其内容在发件方签名后被更改，或由其他密钥签名。未导入任何内容。" in shown[2]
    )
    assert path.name in shown[2] and "signature" not in shown[2]

    # a file larger than any exchange file is refused before it is read, in Chinese too
    huge = tmp_path / "huge.lcx"
    with huge.open("wb") as out:
        out.truncate(MAX_FILE_BYTES + 1)
    assert import_file(ctx, None, huge) is None
    assert messages.shown[-1][0] == "errorDialog"
    assert "huge.lcx 大小为" in messages.shown[-1][2] and "MB" in messages.shown[-1][2]
    assert "larger" not in messages.shown[-1][2]


@pytest.mark.usefixtures("chinese")
def test_a_good_file_is_previewed_and_imported_in_chinese(
    qtbot: QtBot, installations: Installations, messages: Messages, tmp_path: Path
) -> None:
    ctx = AppContext(installations.brown, installations["carla.pieters"])
    path = _file(tmp_path, installations.offer)

    def preview(dialog: ImportPreviewDialog) -> None:
        texts = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        assert "2 个分样" in texts["addedLabel"] and "aliquot" not in texts["addedLabel"]
        changes = {row[0] for row in rows_of(dialog.details)}
        assert changes and changes <= {"新增", "变更"}
        assert dialog.grab().save(str(screenshot_path("zh_import_preview.png")))
        dialog.import_button.click()

    opened = when_modal(ImportPreviewDialog, preview)
    report = import_file(ctx, None, path)
    assert opened and report is not None and report.written

    title, text = messages.shown[-1][1:]
    assert title == "交换文件已导入"
    assert text.startswith("来自 China National Space Administration")
    assert "：新增 2 个保管事件；新增：" in text and "2 个分样" in text
    assert "custody event" not in text and "aliquot" not in text
    assert report.summary().startswith("offer no. 1 from ")  # English below the window


@pytest.mark.usefixtures("chinese")
def test_the_dashboard_names_a_partner_head_that_went_back_in_chinese(
    qtbot: QtBot, installations: Installations
) -> None:
    brown, carla = installations.brown, installations["carla.pieters"]
    import_exchange(brown, carla, installations.offer)
    import_exchange(brown, carla, installations.again)
    # what only the database's owner can do: give CNSA's second file an older ledger head
    # than its first (a rewritten ledger at CNSA, or a forged row here)
    guards = drop_guards(brown, ("exchange_files",))
    with brown.write() as session:
        later = session.scalars(
            select(ExchangeFile).where(
                ExchangeFile.direction == "received", ExchangeFile.sequence == 2
            )
        ).one()
        later.sender_seq -= 1
    restore_guards(brown, guards)
    status = partner_status(brown, clock.now())
    (problem,) = status.head_problems
    assert "gives its ledger head as #" in problem  # English below the window

    panel = PartnerPanel()
    qtbot.addWidget(panel)
    panel.show_status(1, status, clock.now())
    text = panel.problems.text()
    assert not panel.problems.isHidden()
    assert text.startswith("与其先前所报不一致的合作机构保管台账")
    assert "• China National Space Administration" in text
    assert " 的第 2 号文件所报保管台账链头为 #" in text and "ledger" not in text
