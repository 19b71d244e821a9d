"""The sentences of custody, courier, masses, operation, ledger and export in the window's
language: each test makes a real refusal or finding of its module and reads it in Chinese
through error_text / translated under zh_CN, while the English stays what the command line
prints (issue 16)."""

from __future__ import annotations

import io

import pytest
from pytestqt.qtbot import QtBot

from lunar_custody.domain import courier, custody, export, ledger
from lunar_custody.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from lunar_custody.domain.masses import check_mass, parse_mass
from lunar_custody.gui.courier.screens import HomeScreen
from lunar_custody.gui.errors import error_text
from lunar_custody.gui.translation import translated
from tests.gui.test_courier import SEAL, current, open_courier_window, prepared_package, scan
from tests.gui.test_courier import sign_in as courier_sign_in
from tests.worlds import A1, A2, A3, World


@pytest.mark.usefixtures("chinese")
def test_courier_refusals_at_the_loading_dock_are_chinese(qtbot: QtBot, world: World) -> None:
    dana = prepared_package(world, [A2], courier="courier2")
    window = open_courier_window(qtbot, world)
    courier_sign_in(qtbot, window, "courier1", World.PINS["courier1"])
    home = current(window, HomeScreen)
    assert isinstance(home, HomeScreen)

    scan(qtbot, home.scan, dana)  # Dana's package, scanned by Chen
    assert home.message_kind == "error"
    assert home.message.text() == (
        f"不是您的样品包：{dana} 指派给押运员 Dana Courier，而不是 Chen Courier。请勿取走。"
    )
    scan(qtbot, home.scan, "CE5C0400YJFM0099")
    assert home.message.text() == (
        "编码有误：没有任何标签为“CE5C0400YJFM0099”。请检查标签后重新扫描，或输入其编号。"
    )

    with pytest.raises(PermissionDenied) as refused:  # the same refusal, in English as a str
        courier.package_for_code(world.db, "courier1", dana)
    assert str(refused.value) == (
        f"Not your package: {dana} is assigned to Dana Courier, not to Chen Courier. "
        "Do not take it."
    )


@pytest.mark.usefixtures("chinese")
def test_courier_manifest_check_says_what_is_missing_in_chinese(world: World) -> None:
    number = prepared_package(world, [A1, A2])
    check = courier.ManifestCheck(courier.package(world.db, number))
    check.scan_item(courier.Label(courier.ALIQUOT, A1))
    check.check_seal("SEAL-9999")

    missing, seal = check.problems()
    assert missing == f"1 item missing: {A2}. Scan each one; a package travels only complete."
    assert translated(missing) == f"缺少 1 件：{A2}。请逐一扫描；样品包须完整才能运送。"
    assert translated(seal) == (  # custody's sentence inside courier's, both translated
        f"封签 SEAL-9999 不是本样品包的封签（{SEAL}）。请勿取走该样品包；请联系发件方。"
    )


@pytest.mark.usefixtures("chinese")
def test_custody_refusals_are_chinese(world: World) -> None:
    with pytest.raises(ValidationError) as empty:
        custody.prepare_transfer(
            world.db,
            world["zhang"],
            aliquot_numbers=[],
            receiver="brown_lm",
            courier="courier1",
            seal_number=SEAL,
        )
    assert str(empty.value) == "A package needs at least one aliquot."
    assert error_text(empty.value) == "样品包至少需要一个分样。"

    loan = world.active_loan([A3])
    with pytest.raises(PermissionDenied) as lender:  # only the borrower returns
        custody.return_package(
            world.db,
            world["zhang"],
            loan_number=loan,
            aliquot_numbers=[A3],
            receiver="zhang",
            courier="courier1",
            seal_number=SEAL,
            sender_credential=world.cred("zhang"),
            courier_credential=world.pin("courier1"),
        )
    assert str(lender.value) == (
        f"Only Brown University, the borrower, returns the material of loan {loan}."
    )
    assert error_text(lender.value) == f"只有借用方 Brown University 才能归还借样 {loan} 的样品。"

    number = prepared_package(world, [A1])
    with pytest.raises(ConflictError) as waiting:  # a state word: one sentence per state
        custody.hand_over(
            world.db,
            world["courier1"],
            number,
            to_courier="courier2",
            from_credential=world.pin("courier1"),
            to_credential=world.pin("courier2"),
        )
    assert str(waiting.value) == f"Transfer {number} is prepared, not in transit."
    assert error_text(waiting.value) == f"转运 {number} 已备妥，不在运输中。"

    with pytest.raises(ValidationError) as seal:  # registry's field check, custody's field
        custody.prepare_transfer(
            world.db,
            world["zhang"],
            aliquot_numbers=[A2],
            receiver="brown_lm",
            courier="courier1",
            seal_number="SEAL\x07",
        )
    assert str(seal.value) == "The seal number contains control characters."


@pytest.mark.usefixtures("chinese")
def test_masses_and_operation_refusals_are_chinese(world: World) -> None:
    with pytest.raises(ValidationError) as not_a_mass:
        parse_mass("heavy")
    assert error_text(not_a_mass.value) == "“heavy”不是质量（示例：12.5 mg、0.25 g）。"

    with pytest.raises(ValidationError) as zero:
        check_mass(0)
    assert str(zero.value) == "The mass must be more than zero (got 0 µg)."
    assert error_text(zero.value) == "质量必须大于零（所填为 0 µg）。"

    with pytest.raises(NotFoundError) as unknown:
        courier.package(world.db, "T2099-9999")
    assert str(unknown.value) == "There is no transfer 'T2099-9999'."
    assert error_text(unknown.value) == "不存在转运“T2099-9999”。"


@pytest.mark.usefixtures("chinese")
def test_ledger_and_export_refusals_are_chinese(world: World) -> None:
    state = ledger.ReplayState()
    with pytest.raises(RuleViolation) as impossible:  # nothing is released before it exists
        ledger.apply_event(state, 1, "released", None, 1, 1, 1, None, None)
    assert str(impossible.value) == "A 'released' event cannot follow status 'unregistered'."
    assert error_text(impossible.value) == "“released”事件不能发生在状态“unregistered”之后。"

    with pytest.raises(ValidationError) as fmt:
        export.export_inventory(world.db, io.StringIO(), "xlsx")
    assert str(fmt.value) == "'xlsx' is not an export format; choose csv or json."
    assert error_text(fmt.value) == "“xlsx”不是导出格式；请选择 csv 或 json。"
