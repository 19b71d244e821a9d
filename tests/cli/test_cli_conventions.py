"""What every command keeps to: --json where it prints, a help text for every option, the
documented exit codes."""

from __future__ import annotations

import argparse
import ast
import inspect
import io
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from lunar_custody.cli.main import build_parser
from lunar_custody.domain import identity
from lunar_custody.domain.identity import PIN
from tests.cli.test_cli import as_user, run, secrets, url
from tests.worlds import A1, World

__all__ = ["secrets"]  # the fixture, shared with test_cli.py


def _commands(
    parser: argparse.ArgumentParser, prefix: str = ""
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every command and sub-command's parser, named as typed (e.g. "keys show")."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield f"{prefix}{name}", sub
                yield from _commands(sub, f"{prefix}{name} ")


def _prints_outside_render(handler: object) -> list[str]:
    """Lines of ``handler`` that print for people directly instead of through s.data's
    render (a lambda or a nested function), so that --json would not replace them."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(handler)))  # type: ignore[arg-type]
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    found: list[str] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.Lambda | ast.FunctionDef | ast.AsyncFunctionDef):
            return  # a render callback: s.data calls it only without --json
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in ("say", "table"):
                found.append(ast.unparse(node))
            if isinstance(func, ast.Name) and func.id.startswith(("_print", "_say")):
                found.append(ast.unparse(node))
        for child in ast.iter_child_nodes(node):
            visit(child)

    for statement in function.body:
        visit(statement)
    return found


def test_every_command_accepts_json_and_prints_through_it() -> None:
    checked = 0
    for name, sub in _commands(build_parser()):
        handler = sub.get_default("handler")
        options = {o for action in sub._actions for o in action.option_strings}
        assert "--json" in options, name
        if handler.__name__ == "<lambda>":
            continue  # a group such as "keys" without its action: usage on stderr
        assert _prints_outside_render(handler) == [], name
        checked += 1
    assert checked > 45


def test_setting_up_prints_one_json_object(
    world: World, secrets: dict[str, str], tmp_path: Path
) -> None:
    password = tmp_path / "pw"
    password.write_text("first-admin-pass\n")
    made = run(
        "init",
        "--db",
        str(tmp_path / "new.db"),
        "--code",
        "cnsa",
        "--name",
        "Lunar Sample Laboratory",
        "--admin",
        "root",
        "--admin-name",
        "Wang Fang",
        "--password-file",
        str(password),
        "--json",
    )
    assert made.code == 0, made.err
    made_data = made.json()
    assert isinstance(made_data, dict)
    assert (made_data["institution"], made_data["administrator"]) == ("CNSA", "root")
    assert Path(made_data["key_file"]).exists() and len(made_data["fingerprint"]) == 64
    institution = as_user(
        world, secrets, "admin", "institution-add", "osaka", "Osaka University",
        "--kind", "borrower", "--json",
    )  # fmt: skip
    assert institution.code == 0, institution.err
    assert institution.json() == {
        "message": "Institution OSAKA created.",
        "code": "OSAKA",
        "kind": "borrower",
    }
    user = as_user(
        world, secrets, "admin", "user-add", "osaka_lm", "Tanaka Hana", "--institution", "OSAKA",
        "--roles", "lab_manager", "--new-password-file", secrets["password"], "--json",
    )  # fmt: skip
    assert user.code == 0, user.err
    assert user.json() == {
        "message": "User osaka_lm created.",
        "username": "osaka_lm",
        "roles": ["lab_manager"],
    }
    pin = tmp_path / "pin"
    pin.write_text("97531\n")
    pin_set = as_user(
        world, secrets, "admin", "user-pin", "osaka_lm", "--new-pin-file", str(pin), "--json"
    )
    assert pin_set.code == 0, pin_set.err
    assert pin_set.json() == {
        "message": "osaka_lm signs with the new PIN here from now on.",
        "username": "osaka_lm",
    }


def test_every_option_has_a_help_text() -> None:
    missing = [
        f"{name} {action.option_strings[0]}"
        for name, sub in _commands(build_parser())
        for action in sub._actions
        if action.option_strings
        and not isinstance(action, argparse._HelpAction)
        and not (action.help or "").strip()
    ]
    assert missing == []
    for name, sub in _commands(build_parser()):
        assert sub.format_help(), name  # every help text formats (no stray %)


def test_a_courier_is_made_with_a_pin_only_and_errors_name_the_option(
    world: World, secrets: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin = tmp_path / "pin"
    pin.write_text("86420\n")
    add = ["user-add", "--institution", "CNSA", "--new-pin-file", str(pin)]
    made = as_user(
        world, secrets, "admin", *add, "pin_courier", "Pat Courier", "--roles", "courier"
    )
    assert made.code == 0, made.err
    assert identity.authenticate(world.db, "pin_courier", "86420", PIN).roles == {"courier"}
    curator = as_user(world, secrets, "admin", *add, "pin_curator", "Pat Curator", "--roles",
                      "curator")  # fmt: skip
    assert curator.code == 1 and "A password is needed" in curator.err
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # a script that pipes nothing in
    no_password = as_user(world, secrets, "admin", "user-add", "nobody", "No Body",
                          "--institution", "CNSA", "--roles", "curator")  # fmt: skip
    assert no_password.code == 1
    assert "use --new-password-file FILE" in no_password.err, no_password.err
    no_pin = as_user(world, secrets, "admin", "user-pin", "zhang")
    assert no_pin.code == 1 and "use --new-pin-file FILE" in no_pin.err, no_pin.err


def test_exit_codes_as_documented(world: World, secrets: dict[str, str], tmp_path: Path) -> None:
    """0 done, 1 refused, 2 wrong usage, 3 the database cannot be used (README); restoring
    over records without --replace is a refusal too (tests/reliability/test_restore.py)."""
    assert run("status", A1, "--db", url(world)).code == 0
    unreadable = as_user(world, secrets, "zhang", "receive", "T2026-0001", "--photo",
                         str(tmp_path / "no-such.jpg"))  # fmt: skip
    assert unreadable.code == 1, unreadable.err  # not 70: a missing photo is no bug
    assert f"Cannot read the photo {tmp_path / 'no-such.jpg'}" in unreadable.err
    with pytest.raises(SystemExit) as usage:
        run("status", "--db", url(world))  # the aliquot is missing
    assert usage.value.code == 2
    missing = run("status", A1, "--db", str(tmp_path / "no-such.db"))
    assert missing.code == 3, missing.err
