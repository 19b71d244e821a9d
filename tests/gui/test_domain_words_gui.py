"""The domain's sentences where courier mode, the samples' import and their dialogs show
them: Chinese under zh_CN, with the window's own field names Chinese inside them too, and
the English the domain says unchanged (issue 16)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from lunar_custody.domain import identity, queries
from lunar_custody.domain.errors import AuthenticationError, Cancelled
from lunar_custody.domain.masses import format_mass
from lunar_custody.domain.store import ProgressCallback
from lunar_custody.domain.wording import Words
from lunar_custody.gui import errors
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.courier.check import CheckScreen
from lunar_custody.gui.courier.signin import WRONG_NAME_OR_PIN
from lunar_custody.gui.operations import Operations
from lunar_custody.gui.samples.dialogs import ConsumeDialog, RegisterSampleDialog, ReportLostDialog
from lunar_custody.gui.samples.io import import_csv
from lunar_custody.gui.translation import Translator
from tests.gui.conftest import Messages
from tests.gui.test_actions import shown_message
from tests.gui.test_courier import (
    SEAL,
    current,
    open_courier_window,
    prepared_package,
    scan,
    sign_in,
)
from tests.worlds import A1, A2, A3, A4, World


@pytest.mark.usefixtures("chinese")
def test_the_courier_check_says_a_missing_item_and_a_wrong_seal_in_chinese(
    qtbot: QtBot, world: World
) -> None:
    number = prepared_package(world, [A1, A2, A3])
    window = open_courier_window(qtbot, world)
    sign_in(qtbot, window, "courier1", World.PINS["courier1"])
    assert window.home is not None
    scan(qtbot, window.home.scan, number)
    check = current(window, CheckScreen)
    assert isinstance(check, CheckScreen)
    scan(qtbot, check.scan, A1)
    scan(qtbot, check.scan, A2)

    scan(qtbot, check.seal_edit, "SEAL-9999")  # the wrong seal
    wrong = f"封签 SEAL-9999 不是本样品包的封签（{SEAL}）。请勿取走该样品包；请联系发件方。"
    assert (check.message_kind, check.message.text()) == ("error", wrong)
    assert check.check.seal_problem == (  # the domain still says it in English
        f"Seal SEAL-9999 is not the seal of this package ({SEAL}). "
        "Do not take the package; call the sender."
    )
    check.seal_edit.clear()
    scan(qtbot, check.seal_edit, SEAL)

    missing = f"缺少 1 件：{A3}。请逐一扫描；样品包须完整才能运送。"
    assert not check.primary.isEnabled() and check.primary.toolTip() == missing
    qtbot.keyClick(check.scan, Qt.Key.Key_Return)  # Enter on the empty field: "go on"
    assert window.current_screen is check
    assert (check.message_kind, check.message.text()) == ("error", missing)


@pytest.mark.usefixtures("chinese")
def test_a_wrong_courier_sign_in_is_said_in_chinese(qtbot: QtBot, world: World) -> None:
    with pytest.raises(AuthenticationError) as refused:
        identity.authenticate(world.db, "courier1", "0000", identity.PIN)
    # The screen recognises the domain's sentence by its English, whatever the language.
    assert str(refused.value) == identity.WRONG_SIGN_IN == "Wrong user name or password."
    assert errors.error_text(refused.value) == "用户名或密码错误。"

    window = open_courier_window(qtbot, world)
    screen = window.signin
    sign_in(qtbot, window, "courier1", "0000")
    assert screen.message_kind == "error"
    assert screen.message.text() == "用户名或 PIN 码错误。请检查后重试。"
    assert str(WRONG_NAME_OR_PIN) == "Wrong name or PIN. Check both and try again."
    screen.user_edit.clear()
    sign_in(qtbot, window, "nobody", "2468")  # an unknown name: the same words
    assert screen.message.text() == "用户名或 PIN 码错误。请检查后重试。"
    assert world.person("courier1").failed_attempts == 2  # the first try here, then the screen


@pytest.mark.usefixtures("chinese")
def test_a_refused_csv_import_is_said_in_chinese_line_by_line(
    qtbot: QtBot,
    world: World,
    ctx_for: Callable[[str], AppContext],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    shown: list[tuple[str, str, str, str, str]] = []

    def present(box: QMessageBox) -> QMessageBox.StandardButton:
        shown.append(
            (
                box.objectName(),
                box.windowTitle(),
                box.text(),
                box.informativeText(),
                box.detailedText(),
            )
        )
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(errors, "present", present)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "sample,aliquot,mass\nCE5C0412,CE5C0412YJFM00001,-3 mg\nCE5C0412,CE5C0412YJFM00002,x\n",
        encoding="utf-8",
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    before = world.snapshot()
    after: list[bool] = []

    import_csv(ctx_for("zhang"), parent, str(bad), lambda: after.append(True))

    assert shown == [
        (
            "errorDialog",
            "导入被拒绝",
            "导入被拒绝，未保存任何内容：2 行有问题。",
            "请在文件中改正这些行，然后重新导入。",
            "第 2 行：mass“-3 mg”不是有效的质量：它是负数\n第 3 行：mass“x”不是有效的质量",
        )
    ]
    assert after == [] and world.snapshot() == before


@pytest.mark.usefixtures("chinese")
def test_the_sample_dialogs_field_checks_say_the_field_in_chinese(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext]
) -> None:
    ctx = ctx_for("zhang")
    consume = ConsumeDialog(ctx, queries.aliquot_status(world.db, A4))
    qtbot.addWidget(consume)
    consume.show()
    qtbot.keyClicks(consume.mass_edit, "0 mg")
    # the field's own name for the mass, in Chinese, inside the domain's sentence
    zero = f"消耗质量必须大于零（所填为 {format_mass(0)}）。"
    assert shown_message(consume, "consumedMassMessage") == zero
    assert not consume.ok_button.isEnabled() and consume.ok_button.toolTip() == zero

    register = RegisterSampleDialog(ctx)
    qtbot.addWidget(register)
    register.show()
    assert shown_message(register, "sampleNumberMessage") == "样品编号为必填项。"
    qtbot.keyClicks(register.number_edit, "CE5C" + "0" * 200)
    assert shown_message(register, "sampleNumberMessage") == "样品编号超过了 200 个字符。"

    lost = ReportLostDialog(ctx, queries.aliquot_status(world.db, A4))
    qtbot.addWidget(lost)
    lost.show()
    assert shown_message(lost, "noteMessage") == "备注为必填项。"
    assert not lost.ok_button.isEnabled()
    lost.note_edit.setPlainText("dropped\x01")  # a control character pasted in
    assert shown_message(lost, "noteMessage") == "备注含有控制字符。"


@pytest.mark.usefixtures("chinese")
def test_work_cancelled_part_way_is_said_in_chinese_in_the_runners_words(
    qtbot: QtBot, messages: Messages
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    importing = Words("_domain_importer")

    def stopped(_progress: ProgressCallback) -> None:
        raise Cancelled(importing.said("Import cancelled; nothing was written."))

    title = Translator("_samples_io").tr("Import samples")
    assert title == "导入样品"
    assert not Operations().run(parent, title, stopped)
    assert messages.errors == ["导入样品已取消。"]  # the runner's sentence, not the domain's
