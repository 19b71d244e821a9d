"""The sentences of registry, identity, key_admin and keys in the window's language: each
refusal is English as a string (CLI, logs, tests elsewhere) and Chinese where the window
shows it under zh_CN (issue 16)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from lunar_custody.domain import identity, key_admin, keys, registry
from lunar_custody.domain.errors import (
    AuthenticationError,
    CustodyError,
    RuleViolation,
    ValidationError,
)
from lunar_custody.domain.models import Certificate, Person, utc_now
from lunar_custody.gui.errors import error_text
from lunar_custody.gui.translation import translated
from lunar_custody.gui.widgets import problem_of
from lunar_custody.trust import keyring
from tests.worlds import A1, World


def refusal(error: type[CustodyError], attempt: Callable[[], object]) -> CustodyError:
    """The ``error`` that ``attempt`` raises (it fails the test if it raises none)."""
    with pytest.raises(error) as raised:
        attempt()
    return raised.value


@pytest.mark.usefixtures("chinese")
def test_registry_says_its_field_checks_and_refusals_in_chinese(world: World) -> None:
    # a field check as a form asks it, its field's name translated inside the sentence
    assert problem_of(lambda: registry.clean_institution_code("  ")) == (
        "The institution code is required."
    )
    assert translated(problem_of(lambda: registry.clean_institution_code("  ")) or "") == (
        "机构代码为必填项。"
    )
    spaced = refusal(ValidationError, lambda: registry.clean_username("li na"))
    assert error_text(spaced) == "用户名不能含空格。"

    # a split refused for giving three containers to two children: one sentence per number
    split = refusal(
        ValidationError,
        lambda: registry.split_aliquot(
            world.db, world["zhang"], A1, [1_000, 2_000], container=["a", "b", "c"]
        ),
    )
    assert str(split) == (
        "Give one container for all the children, or one for each child in the order of "
        "their masses: 2 containers, not 3."
    )
    assert error_text(split) == (
        "请为所有子分样给出一个容器，或按其质量的顺序为每个子分样各给出一个："
        "应为 2 个容器，而不是 3 个。"
    )

    too_much = refusal(
        RuleViolation, lambda: registry.consume(world.db, world["zhang"], A1, 600_000)
    )
    assert (
        str(too_much)
        == "Aliquot CE5C0400YJFM00501 holds only 500.000 mg; 600.000 mg cannot be consumed."
    )
    assert error_text(too_much) == "分样 CE5C0400YJFM00501 仅有 500.000 mg；不能消耗 600.000 mg。"


@pytest.mark.usefixtures("chinese")
def test_identity_says_why_a_secret_is_refused_in_chinese() -> None:
    short = refusal(ValidationError, lambda: identity.check_password("moon"))
    assert str(short) == "A password needs at least 8 characters."
    assert error_text(short) == "密码至少需要 8 个字符。"
    assert error_text(refusal(ValidationError, lambda: identity.check_pin("12"))) == (
        "PIN 码为 4 至 8 位数字。"
    )

    # a locked account: the minutes counted in English, one Chinese sentence either way
    locked = Person(full_name="Li Na", active=True)
    locked.locked_until = utc_now() + timedelta(minutes=1)
    one = refusal(AuthenticationError, lambda: identity.check_secret(locked, "x"))
    assert "try again in 1 minute or" in str(one)
    locked.locked_until = utc_now() + timedelta(minutes=10)
    many = refusal(AuthenticationError, lambda: identity.check_secret(locked, "x"))
    assert "try again in 10 minutes or" in str(many)
    assert error_text(one) == "Li Na 的账户因多次输入错误已被锁定；请 1 分钟后再试，或联系管理员。"
    assert (
        error_text(many) == "Li Na 的账户因多次输入错误已被锁定；请 10 分钟后再试，或联系管理员。"
    )

    deactivated = Person(full_name="Li Na", active=False)
    gone = refusal(AuthenticationError, lambda: identity.check_secret(deactivated, "x"))
    assert (str(gone), error_text(gone)) == (
        "The account of Li Na is deactivated.",
        "Li Na 的账户已停用。",
    )


@pytest.mark.usefixtures("chinese")
def test_key_admin_says_its_refusals_in_chinese(world: World) -> None:
    unsaid = refusal(
        ValidationError,
        lambda: key_admin.revoke_person(world.db, world["admin"], "zhang", reason="  "),
    )
    assert (str(unsaid), error_text(unsaid)) == (
        "Say why the key is revoked.",
        "请说明吊销密钥的原因。",
    )
    # zhang has signed nothing yet, so holds no key
    keyless = refusal(
        RuleViolation,
        lambda: key_admin.revoke_person(world.db, world["admin"], "zhang", reason="left"),
    )
    assert str(keyless) == "Zhang Wei has no signing key to revoke."
    assert error_text(keyless) == "Zhang Wei 没有可吊销的签名密钥。"

    weak = refusal(
        ValidationError,
        lambda: key_admin.export_institution_key(world.db, world["admin"], "short"),
    )
    assert error_text(weak).startswith("请选择至少 10 个字符的口令：")


@pytest.mark.usefixtures("chinese")
def test_keys_say_why_this_computer_cannot_sign_in_chinese(
    world: World, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # another workstation, without a copy of the institution key
    monkeypatch.setenv(keyring.ENVIRONMENT, str(tmp_path / "no-keys"))
    problem = keys.institution_key_problem(world.db)
    assert problem is not None
    assert problem.startswith(
        "This computer does not hold the institution key of CNSA Lunar Sample Laboratory"
    )
    assert translated(problem).startswith(
        "本计算机没有 CNSA Lunar Sample Laboratory 的机构密钥（证书 "
    )

    revoked = Certificate(revoked_at=datetime(2026, 12, 1, 9, 30))
    refused = refusal(
        RuleViolation, lambda: keys.refuse_if_revoked(Person(full_name="Li Na"), [revoked])
    )
    assert str(refused).startswith("The signing key of Li Na was revoked on 2026-12-01:")
    assert error_text(refused) == (
        "Li Na 的签名密钥已于 2026-12-01 吊销：须由管理员重置其密码后才能再次签名。"
    )
