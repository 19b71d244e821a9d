"""The return accounting form (F-75) as a signed PDF, read back with pdftotext."""

from __future__ import annotations

from pathlib import Path

from lunar_custody.documents import service
from lunar_custody.domain import documents, registry
from tests.documents.conftest import pages_of, text_of
from tests.worlds import A1, A2, World


def test_the_form_lists_each_sample_with_its_six_columns_and_totals(
    world: World, tmp_path: Path
) -> None:
    loan = world.active_loan([A1, A2])
    world.ship([A1, A2], loan=loan)
    (child,) = registry.split_aliquot(world.db, world["brown_lm"], A1, [120_000])
    registry.consume(world.db, world["brown_lm"], child.number, 20_000)
    world.send_back([child.number, A2])
    path = tmp_path / "f75.pdf"
    doc = service.write_return_accounting(
        world.db, world["zhang"], loan, path, languages=("en", "zh")
    )
    text = " ".join(text_of(path).split())
    for expected in (
        "Return accounting (form F-75)",
        "归还核算表",
        f"Loan / 借样 {loan}",
        "Issued",
        "Accountable",
        # A1 with its child folded in: issued, split, consumed, lost, returned, accountable
        # (pdftotext drops the hyphen where the child's number wraps in its narrow cell)
        f"{A1} 500.000 mg split from it / 由其分装: {child.number.replace('-', '')} 120.000 mg "
        "20.000 mg 0 µg 100.000 mg 380.000 mg yes / 是",
        f"{A2} 300.000 mg 0 µg 0 µg 0 µg 300.000 mg 0 µg yes / 是",
        "Total 合计",  # the totals: issued, split, consumed; returned, accountable
        "800.000 mg 120.000 mg 20.000 mg",
        "400.000 mg 380.000 mg yes / 是",
        "It balances; material is still to be accounted for.",
        "Principal investigator",
        "Curator",
    ):
        assert expected in text, expected
    assert pages_of(path) == doc.pages == 1
    recorded = documents.find_by_number(world.db, doc.number)
    assert recorded is not None and recorded.sha256 == doc.sha256
    assert (recorded.kind, doc.number[:4]) == ("return_accounting", "RAF-")
