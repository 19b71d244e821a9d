"""The domain's sentences in the window's language: a refusal or a why-not reason the
domain says (``Words.said``) is English everywhere a string goes (CLI, logs, JSON) and
Chinese where the window shows it under zh_CN (issue 16)."""

from __future__ import annotations

import pickle

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from lunar_custody.domain import rules
from lunar_custody.domain.errors import ValidationError
from lunar_custody.domain.permissions import Actor
from lunar_custody.domain.wording import Said, Words
from lunar_custody.gui.actions import allow
from lunar_custody.gui.errors import error_text
from lunar_custody.gui.translation import (
    translated,
)
from lunar_custody.gui.widgets import problem_of

ADMIN = Actor(
    person_id=1,
    username="li",
    full_name="Li Na",
    institution_id=1,
    institution_code="CNSA",
    roles=frozenset({"admin"}),
)


def test_a_said_sentence_is_plain_english_wherever_a_string_goes() -> None:
    reason = rules.on_open_loan("CE5C0400YJFM00501", "L2026-0003")

    assert isinstance(reason, Said)
    assert reason == "Aliquot CE5C0400YJFM00501 is already on open loan L2026-0003."
    assert f"Refused: {reason}" == f"Refused: {reason!s}"  # joined, it is English text
    again = pickle.loads(pickle.dumps(ValidationError(reason))).args[0]  # to a worker and back
    assert (again, again.template, again.values) == (reason, reason.template, reason.values)


@pytest.mark.usefixtures("chinese")
def test_the_window_says_the_domains_sentences_in_chinese(qapp: QApplication) -> None:
    reason = rules.why_not_deactivate(ADMIN, "li")
    assert reason == "You cannot deactivate your own account."  # still English as a str

    action = QAction("Deactivate")
    allow(action, reason, "Deactivate the account")
    assert not action.isEnabled()
    assert "不能停用自己的账户" in action.toolTip()

    refused = ValidationError(rules.on_open_loan("CE5C0400YJFM00501", "L2026-0003"))
    assert error_text(refused) == "分样 CE5C0400YJFM00501 已在未结束的借样 L2026-0003 中。"

    def check() -> None:
        raise refused

    assert translated(problem_of(check) or "") == error_text(refused)  # a field's message


@pytest.mark.usefixtures("chinese")
def test_a_sentence_inside_a_sentence_is_translated_and_an_unknown_one_stays_english() -> None:
    words = Words("_domain_rules")
    outer = words.said("Refused: {why}", why=rules.why_not_deactivate(ADMIN, "li"))

    assert translated(outer) == "Refused: 不能停用自己的账户。"  # the outer one has no entry
    assert translated(words.said("Nothing known {x}.", x=1)) == "Nothing known 1."
