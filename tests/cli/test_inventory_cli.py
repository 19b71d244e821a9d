"""``lunar-custody inventory``: start, scan from stdin, a missing aliquot reported lost,
certify, show as JSON; an overdue inventory refuses a new loan for the PI with the reason."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest

from tests.cli.test_cli import as_user, run, secrets, url
from tests.documents.conftest import text_of
from tests.domain.test_inventory import overdue_loan
from tests.worlds import World

__all__ = ["secrets"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_an_inventory_from_the_command_line(
    world: World, secrets: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    a1, a2, a3, _ = world.aliquots
    loan = overdue_loan(world)
    listed = run("inventory", "list", "--overdue", "--json", "--db", url(world))
    assert [row["loan_number"] for row in listed.json()] == [loan]  # type: ignore[union-attr,index]

    refused = as_user(
        world, secrets, "zhang", "loan-create", "--borrower", "BROWN", "--pi", "brown_lm",
        "--purpose", "more", "--starts", str(world.today),
        "--due", str(world.today + timedelta(days=30)),
    )  # fmt: skip
    assert refused.code != 0 and f"annual inventory of loan {loan} (" in refused.err

    started = as_user(world, secrets, "brown_lm", "inventory", "start", loan, "--json")
    number = started.json()["number"]  # type: ignore[index]
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{a1}\n{a2}\n\n"))
    scanned = as_user(world, secrets, "brown_lm", "inventory", "scan", number)
    assert scanned.out.splitlines() == [f"{a1}: found", f"{a2}: found"]
    missing = as_user(
        world, secrets, "brown_lm", "inventory", "missing", number, a3, "--note", "not in the vault"
    )
    assert missing.code == 0, missing.err
    certified = as_user(world, secrets, "brown_lm", "inventory", "certify", number)
    assert certified.code == 0, certified.err

    shown = run("inventory", "show", number, "--json", "--db", url(world)).json()
    assert shown["status"] == "certified"  # type: ignore[index]
    assert shown["counts"]["found"] == 2 and shown["counts"]["missing"] == 1  # type: ignore[index]
    assert run("inventory", "list", "--overdue", "--json", "--db", url(world)).json() == []

    # the certificate and the loan's return accounting print as the other documents do
    certificate, form = tmp_path / "certificate.pdf", tmp_path / "f75.pdf"
    for args, path, title in (
        (("inventory", "show", number), certificate, "Inventory certificate"),
        (("return-accounting", loan), form, "Return accounting"),
    ):
        written = run(*args, "-o", str(path), "--db", url(world))
        assert written.code == 0, written.err
        assert written.out.startswith(f"Wrote {path} (1 page): document ")
        assert ", signed, SHA-256 " in written.out and written.out.rstrip().endswith("; in en.")
        assert title in text_of(path)
        refused = run(*args, "-o", str(tmp_path / "other.pdf"), "--lang", "fr", "--db", url(world))
        assert refused.code == 1 and "'fr' is not a choice of document languages" in refused.err
        assert not (tmp_path / "other.pdf").exists()
