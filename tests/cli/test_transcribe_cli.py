"""A courier handover made where no installation was present, typed in at delivery from
the paper custody form: recorded, marked as transcribed, and shown so in the history."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from lunar_custody.domain import clock, queries
from tests.cli.test_cli import run, secrets, url
from tests.worlds import A1, World

__all__ = ["secrets"]  # the fixture, shared with test_cli.py


def test_the_receiver_transcribes_a_handover_from_the_paper_form(
    world: World, tmp_path: Path, secrets: dict[str, str]
) -> None:
    number = world.release([A1], loan=world.active_loan([A1]))
    # delivered two hours later; the couriers met at the airport an hour after the release
    when = (clock.now() + timedelta(hours=1)).astimezone()
    later = clock.now() + timedelta(hours=2)
    with clock.using(lambda: later):
        done = run(
            "transcribe-handover", number, "--to-courier", "courier2",
            "--at", when.isoformat(timespec="seconds"), "--form", "CF-0042",
            "--db", url(world), "--user", "brown_lm", "--password-file", secrets["password"],
        )  # fmt: skip
    assert done.code == 0, done.err
    assert "marked as transcribed" in done.out
    (handover,) = [e for e in queries.history(world.db, A1) if e.kind == "handed_over"]
    assert handover.transcribed and handover.origin is None
    assert handover.courier == "Dana Courier" and "CF-0042" in handover.note
    shown = run("history", A1, "--db", url(world))
    assert "here (transcribed)" in shown.out

    # only the named receiver's side transcribes; a time before the release is refused
    refused = run(
        "transcribe-handover", number, "--to-courier", "courier1",
        "--at", "2001-01-01 10:00", "--form", "CF-0043",
        "--db", url(world), "--user", "brown_lm", "--password-file", secrets["password"],
    )  # fmt: skip
    assert refused.code == 1 and "between the release and now" in refused.err
    other = run(
        "transcribe-handover", number, "--to-courier", "courier1",
        "--at", when.isoformat(timespec="seconds"), "--form", "CF-0043",
        "--db", url(world), "--user", "zhang", "--password-file", secrets["password"],
    )  # fmt: skip
    assert other.code == 1 and "Only Brown University, the receiver" in other.err
