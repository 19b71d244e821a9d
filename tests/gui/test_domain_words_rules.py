"""The refusals of the rules, loans, permissions, numbering, documents and queries modules,
said in Chinese where the window shows them under zh_CN and English everywhere else
(issue 16). Each refusal is a real one: the domain function called with what it refuses."""

from __future__ import annotations

import re
from datetime import date

import pytest

from lunar_custody.domain import document_languages, documents, loans, numbering, queries, rules
from lunar_custody.domain.errors import (
    CustodyError,
    NotFoundError,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from lunar_custody.domain.permissions import OPERATIONS, Actor, parse_roles, require, why_not
from lunar_custody.gui.errors import error_text
from lunar_custody.gui.translation import translated
from tests.worlds import World

# a Chinese sentence keeps record numbers, names and codes, never an English word of its own
ENGLISH_WORD = re.compile(r"\b(?:is|are|the|an?|only|may|can|loan|aliquot|transfer)\b", re.I)

CURATOR = Actor(
    person_id=1,
    username="zhang",
    full_name="Zhang Wei",
    institution_id=1,
    institution_code="CNSA",
    roles=frozenset({"curator"}),
)
COURIER = Actor(
    person_id=9,
    username="wang",
    full_name="Wang Fang",
    institution_id=1,
    institution_code="CNSA",
    roles=frozenset({"courier"}),
)


def refusal(error: type[CustodyError], act: object, *args: object) -> CustodyError:
    """The error ``act(*args)`` raises, which must be of kind ``error``."""
    assert callable(act)
    with pytest.raises(error) as raised:
        act(*args)
    return raised.value


@pytest.mark.usefixtures("chinese")
def test_rules_reasons_in_chinese_with_the_state_and_count_inside() -> None:
    package = rules.TransferFacts("T2026-0004", "in_transit", "CNSA", "CNSA", "brown_lm", "Ann")
    reason = rules.why_not_release(CURATOR, package)
    assert reason == "Transfer T2026-0004 is in transit; only a prepared one can be released."
    assert (
        translated(reason or "") == "转运 T2026-0004 当前状态为运输中；只有已备妥的转运才能发出。"
    )

    class Item:  # a reconciliation row (loans.ItemReconciliation) with its mass still out
        def __init__(self, number: str) -> None:
            self.aliquot_number, self.derived_from = number, None
            self.issued_ug = self.outstanding_ug = 5

    one = rules.why_not_close_reconciled("L2026-0003", [Item("CE5C0400YJFM00501")])
    two = rules.why_not_close_reconciled("L2026-0003", [Item("A-1"), Item("A-2")])
    assert one is not None and two is not None
    assert "1 item is still out (CE5C0400YJFM00501)" in one  # English as before
    assert "2 items are still out (A-1, A-2)" in two
    assert translated(one).startswith("借样 L2026-0003 不能结束：仍有 1 个借样项未了结")
    assert "仍有 2 个借样项未了结（A-1, A-2）" in translated(two)


@pytest.mark.usefixtures("chinese")
def test_loans_refusals_in_chinese(world: World) -> None:
    too_short = refusal(ValidationError, loans.check_period, date(2027, 3, 1), date(2027, 2, 1))
    assert str(too_short) == "A loan must end after it starts."
    assert error_text(too_short) == "借样的到期日必须晚于开始日期。"

    earlier = refusal(
        ValidationError,
        loans.check_extension,
        date(2027, 1, 1),
        date(2027, 6, 30),
        date(2027, 6, 1),
    )
    assert error_text(earlier) == "新的到期日必须晚于当前到期日（2027-06-30）。"

    # a service's refusal: an active loan's terms are fixed (the state word is Chinese too)
    number = world.active_loan([world.aliquots[0]])
    fixed = refusal(RuleViolation, loans.update_loan, world.db, world["zhang"], number)
    assert str(fixed) == f"Loan {number} is active; only a draft loan can be edited."
    assert error_text(fixed) == f"借样 {number} 当前状态为生效中；只有草稿状态的借样才能编辑。"


@pytest.mark.usefixtures("chinese")
def test_permissions_refusals_in_chinese_for_every_operation() -> None:
    denied = refusal(PermissionDenied, require, COURIER.roles, "approve_loan")
    assert str(denied) == "Only a curator may approve loans."
    assert error_text(denied) == "只有样品管理员可以批准借样。"

    for operation in OPERATIONS:  # each group of roles and each operation has its words
        reason = why_not(frozenset(), operation)
        assert reason is not None
        assert not ENGLISH_WORD.search(translated(reason)), (operation, translated(reason))

    unknown = refusal(ValidationError, parse_roles, "curator,pilot")
    assert (
        str(unknown)
        == "Unknown role pilot; roles are admin, curator, lab_manager, courier, viewer."
    )
    assert error_text(unknown).startswith("未知角色 pilot；可用的角色为 admin")


@pytest.mark.usefixtures("chinese")
def test_numbering_and_document_languages_refusals_in_chinese() -> None:
    sample = refusal(ValidationError, numbering.sample_scheme, "XYZ")
    assert str(sample).startswith("'XYZ' is not a sample number: expected Chang'e style")
    assert error_text(sample) == (
        "“XYZ”不是样品编号：应为嫦娥样式（如 CE5C0400）或 NASA 通用编号（如 70017）。"
    )
    aliquot = refusal(ValidationError, numbering.aliquot_sample_number, "70017/1")
    assert error_text(aliquot).startswith("“70017/1”不是分样编号")

    languages = refusal(ValidationError, document_languages.parse_languages, "fr")
    assert error_text(languages) == "“fr”不是有效的文件语言选项：请使用 en、zh 或 en,zh。"


@pytest.mark.usefixtures("chinese")
def test_documents_refusals_in_chinese() -> None:
    kind = refusal(ValidationError, documents.new_number, "poster")
    assert str(kind) == "Unknown document kind 'poster'."
    assert error_text(kind) == "未知的文件类型“poster”。"


@pytest.mark.usefixtures("chinese")
def test_queries_refusals_in_chinese(world: World) -> None:
    nothing = refusal(ValidationError, queries.label_data, world.db, [])
    assert error_text(nothing) == "请至少指定一个要打印标签的分样。"

    missing = refusal(NotFoundError, queries.label_data, world.db, ["CE5C0400YJFM09999"])
    assert str(missing) == "There is no aliquot CE5C0400YJFM09999."
    assert error_text(missing) == "没有分样 CE5C0400YJFM09999。"

    no_sample = refusal(NotFoundError, queries.sample_mass_flow, world.db, "CE5C0499")
    assert error_text(no_sample) == "没有样品 CE5C0499。"
    no_discrepancy = refusal(NotFoundError, queries.discrepancy_detail, world.db, 99999)
    assert error_text(no_discrepancy) == "没有差异 #99999。"
