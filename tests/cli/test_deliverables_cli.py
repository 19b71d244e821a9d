"""The deliverables and return-accounting commands on a loan whose material came back."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.cli.test_cli import as_user, run, secrets, url
from tests.worlds import A1, World

__all__ = ["secrets"]  # the fixture, shared with test_cli.py


def test_deliverables_from_the_command_line(
    world: World, secrets: dict[str, str], tmp_path: Path
) -> None:
    loan = world.active_loan([A1])
    world.ship([A1], loan=loan)
    world.send_back([A1])
    added = as_user(
        world, secrets, "zhang", "deliverables", "add", loan, "--kind", "publication",
        "--title", "Paper in JGR Planets", "--due", "2030-01-31", "--json",
    )  # fmt: skip
    assert added.code == 0, added.err
    made = added.json()["id"]  # type: ignore[index]
    listed = run("--db", url(world), "loans")
    assert f"{loan}  awaiting deliverables" in listed.out
    accounting = run("--db", url(world), "return-accounting", loan)
    assert "TOTAL" in accounting.out
    assert "It balances to the microgram; nothing is left to account for." in accounting.out

    closing = as_user(world, secrets, "zhang", "loan-close", loan)
    assert closing.code != 0 and "deliverables still open (Paper in JGR Planets)" in closing.err
    paper = tmp_path / "paper.pdf"
    paper.write_bytes(b"%PDF-1.4 the paper")
    delivered = as_user(
        world, secrets, "zhang", "deliverables", "deliver", loan, str(made), "--file", str(paper)
    )
    assert delivered.code == 0, delivered.err
    (row,) = run("--db", url(world), "deliverables", "list", loan, "--json").json()  # type: ignore[misc]
    assert (row["status"], row["reference"], row["file_sha256"]) == (
        "delivered",
        "paper.pdf",
        hashlib.sha256(paper.read_bytes()).hexdigest(),
    )
    assert as_user(world, secrets, "zhang", "loan-close", loan).code == 0
