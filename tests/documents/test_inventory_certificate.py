"""The inventory certificate read back: loan, PI, lines with outcomes and masses, the
signature; in English and Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from lunar_custody.domain import inventory
from tests.documents.conftest import text_of
from tests.domain.test_inventory import overdue_loan
from tests.worlds import World


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_certificate_prints_every_line_and_the_signature(world: World, tmp_path: Path) -> None:
    from lunar_custody.documents.service import write_inventory_certificate

    a1, a2, a3, _ = world.aliquots
    loan = overdue_loan(world)
    number = inventory.start_inventory(world.db, world["brown_lm"], loan).number
    inventory.scan(world.db, world["brown_lm"], number, a1)
    inventory.weigh(world.db, world["brown_lm"], number, a2, 299_500)
    inventory.mark_missing(world.db, world["brown_lm"], number, a3, note="not in the vault")
    inventory.certify(world.db, world["brown_lm"], number, world.cred("brown_lm"))

    pdf = tmp_path / "inventory.pdf"
    written = write_inventory_certificate(
        world.db, world["brown_lm"], number, pdf, languages=("en", "zh")
    )
    assert written.kind == "inventory_certificate"
    text = text_of(pdf)
    for expected in (
        "Inventory certificate",
        "盘点证明",
        number,
        loan,
        "Carla Pieters",
        "Expected 3: found 2, missing 1; unexpected 0",
        f"{a3} yes / 是 missing / 缺失",
        "reported lost",
        "299.500 mg",
        "inventory certified",
    ):
        assert expected in text, expected
