"""`lunar-custody receivers`: list a loan's authorised receivers, add and remove one, and
the refusals in the domain's words (SQLite: the domain tests cover the dialects)."""

from __future__ import annotations

import pytest

from tests.cli.test_cli import as_user, run, secrets, url
from tests.worlds import A1, World

__all__ = ["secrets"]  # the fixture, shared with test_cli.py


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_receivers_listed_added_and_removed(world: World, secrets: dict[str, str]) -> None:
    loan = world.active_loan([A1])
    added = as_user(world, secrets, "brown_lm", "receivers", "add", loan, "brown_pi",
                    "--as", "co-official")  # fmt: skip
    assert added.code == 0, added.err
    assert (
        added.out.strip() == f"brown_pi is now an authorised receiver of loan {loan} (co-official)."
    )

    listed = run("receivers", loan, "--db", url(world), "--json")
    assert listed.code == 0, listed.err
    current = listed.json()["current"]  # type: ignore[index]
    assert [(r["username"], r["function"]) for r in current] == [
        ("brown_lm", "principal investigator"),
        ("brown_pi", "co-official"),
    ]
    text = run("receivers", loan, "--db", url(world)).out
    assert "James Head" in text and "co-official" in text

    refused = as_user(world, secrets, "brown_lm", "receivers", "remove", loan, "brown_lm")
    assert refused.code == 1
    assert "Carla Pieters is the principal investigator of loan" in refused.err
    removed = as_user(world, secrets, "zhang", "receivers", "remove", loan, "brown_pi")
    assert removed.code == 0, removed.err
    text = run("receivers", loan, "--db", url(world)).out
    assert "Removed:" in text and "Zhang Wei" in text
    assert run("receivers", "add", loan, "--db", url(world)).code == 1  # the usage in words
