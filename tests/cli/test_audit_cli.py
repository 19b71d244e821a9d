"""The command line reads the audit trail in words and prints moments in the local zone;
--json keeps ISO 8601 with its offset."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta

from lunar_custody.domain import custody, queries
from tests.cli.test_cli import run, url
from tests.worlds import A1, World


def _handed_over(world: World) -> str:
    loan = world.active_loan([A1])
    number = world.release([A1], loan=loan)
    custody.hand_over(
        world.db,
        world["courier1"],
        number,
        to_courier="courier2",
        from_credential=world.pin("courier1"),
        to_credential=world.pin("courier2"),
    )
    return number


def test_the_audit_command_in_words_raw_and_json(
    world: World, time_zone: Callable[[str], None]
) -> None:
    time_zone("Asia/Shanghai")
    number = _handed_over(world)
    shown = run("audit", "--db", url(world), "--table", "transfers", "--limit", "20")
    assert shown.code == 0, shown.err
    (line,) = [text for text in shown.out.splitlines() if "Courier:" in text]
    assert f"Transfer {number}" in line and "Courier: Chen Courier → Dana Courier" in line
    assert " CST " in line and "courier_id" not in line
    raw = run("audit", "--db", url(world), "--table", "transfers", "--raw", "--limit", "20")
    one, two = world["courier1"].person_id, world["courier2"].person_id
    assert "Courier: Chen Courier → Dana Courier" in raw.out
    assert "field courier_id" in raw.out
    assert f"old value: {one}\nnew value: {two}" in raw.out
    data = run("--json", "audit", "--db", url(world), "--table", "transfers", "--limit", "20")
    (entry,) = [e for e in json.loads(data.out) if e["raw"]["field"] == "courier_id"]
    assert (entry["field"], entry["before"], entry["after"]) == (
        "Courier",
        "Chen Courier",
        "Dana Courier",
    )
    moment = datetime.fromisoformat(entry["occurred_at"])
    assert moment.utcoffset() == timedelta(0)  # JSON: ISO 8601 with its offset
    assert entry["when"] == f"{moment + timedelta(hours=8):%Y-%m-%d %H:%M} CST"
    assert entry["raw"]["old_value"] == str(one)


def test_printed_times_are_local_with_their_zone(
    world: World, time_zone: Callable[[str], None]
) -> None:
    time_zone("Europe/Paris")
    number = _handed_over(world)
    (released,) = [t for t in queries.transfers(world.db) if t.number == number]
    assert released.released_at is not None
    paris = released.released_at.astimezone()
    listed = run("transfers", "--db", url(world))
    assert f"{paris:%Y-%m-%d %H:%M} {paris.tzname()}" in listed.out
    as_json = json.loads(run("--json", "transfers", "--db", url(world)).out)
    (row,) = [r for r in as_json if r["number"] == number]
    assert datetime.fromisoformat(row["released_at"]) == released.released_at
