"""Table cells as plain strings where a paragraph would print exactly the same."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4 as PAGE
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate
from sqlalchemy import event

from lunar_custody.documents import fonts
from lunar_custody.documents.layout import cell, cell_commands, grid_table, para
from lunar_custody.domain import registry
from lunar_custody.domain.queries import agreement_data, manifest_data, transfer_form_data
from lunar_custody.storage.database import Database
from tests.documents.conftest import text_of
from tests.worlds import A1, A2, A3, A4, World

WIDTHS = [10 * mm, 46 * mm, 30 * mm, 60 * mm]
ROWS = [
    ("1", "CE5C0400YJFM00505", "CE5C0400", "N2-purged borosilicate vial, 2 mL; seal CNSA-S-1"),
    ("2", "CE5C0400YJFM00505-G1", "CE5C0400 (from CE5C0400YJFM00505)", "vial"),
    ("3", "70017,125", "国家航天局", "<b>not bold</b> & <unclosed"),
    ("4", "CE6 two  spaces", "Universität zu Köln", "x" * 80),
]


@contextmanager
def captured_selects(db: Any) -> Iterator[list[str]]:
    assert isinstance(db, Database)
    statements: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", before)


def test_a_cell_is_plain_only_on_one_line_in_its_own_font() -> None:
    fonts.register()
    assert cell("CE5C0400YJFM00505", "cellbold", 46 * mm) == "CE5C0400YJFM00505"
    assert cell("<b>x</b> & y", "cell", 60 * mm) == "<b>x</b> & y"  # drawn, never parsed
    assert isinstance(cell("国家航天局", "cell", 60 * mm), Paragraph)  # needs the fallback
    assert isinstance(cell("two  spaces", "cell", 60 * mm), Paragraph)
    assert isinstance(cell("x" * 80, "cell", 60 * mm), Paragraph)  # wraps
    assert isinstance(cell("a\nb", "cell", 60 * mm), Paragraph)


def _render(path: Path, plain: bool) -> bytes:
    header = ["No.", "Aliquot", "Parent sample", "Container and seal"]
    if plain:
        rows = [[cell(h, "head", w) for h, w in zip(header, WIDTHS, strict=True)]]
        for row in ROWS:
            styles = ["cell", "cellbold", "cell", "cell"]
            rows.append([cell(t, s, w) for t, s, w in zip(row, styles, WIDTHS, strict=True)])
        extra = [
            *cell_commands("head", (0, 0), (-1, 0)),
            *cell_commands("cell", (0, 1), (-1, -1)),
            *cell_commands("cellbold", (1, 1), (1, -1)),
        ]
    else:
        rows = [[para(h, "head") for h in header]]
        rows += [
            [para(a, "cell"), para(b, "cellbold"), para(c, "cell"), para(d, "cell")]
            for a, b, c, d in ROWS
        ]
        extra = []
    SimpleDocTemplate(str(path), pagesize=PAGE).build([grid_table(rows, WIDTHS, extra=extra)])
    return subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", str(path)], capture_output=True, check=True
    ).stdout


def test_plain_cells_print_exactly_as_paragraphs_do(tmp_path: Path) -> None:
    fonts.register()
    plain = _render(tmp_path / "plain.pdf", plain=True)
    paragraphs = _render(tmp_path / "paragraphs.pdf", plain=False)
    assert plain == paragraphs  # the same pixels at 150 dpi
    text = text_of(tmp_path / "plain.pdf")
    assert text == text_of(tmp_path / "paragraphs.pdf")
    assert "<b>not bold</b> & <unclosed" in text and "国家航天局" in text
    assert "CE5C0400YJFM00505-G1" in text and "CE6 two spaces" in text


def test_an_agreement_loads_its_items_with_their_samples_and_parents(world: World) -> None:
    """As many queries for four items as for one: never one per item (500 in the benchmark)."""
    (child,) = registry.split_aliquot(world.db, world["zhang"], A1, [50_000])
    counts = []
    for items in ([A2], [A3, A4, child.number]):
        loan = world.active_loan(items)
        with captured_selects(world.db) as selects:
            data = agreement_data(world.db, loan)
        assert [i.number for i in data.items] == sorted(items)
        counts.append(len(selects))
    assert counts[0] == counts[1]
    assert [i.parent for i in data.items if i.number == child.number] == [A1]


def test_a_package_form_reads_its_signed_content_without_a_query_per_item(world: World) -> None:
    """The form and the manifest print the signed content (TransferContent), which names
    every item's aliquot: found among the item lines' aliquots, never fetched one by one."""
    counts = []
    for items in ([A1], [A2, A3, A4]):
        loan = world.active_loan(items)
        number = world.release(items, seal=f"SEAL-{len(items)}", loan=loan)
        with captured_selects(world.db) as selects:
            form = transfer_form_data(world.db, number)
            manifest = manifest_data(world.db, number)
        assert [i.number for i in form.items] == [i.number for i in manifest.items] == items
        assert form.seal == manifest.seal == f"SEAL-{len(items)}"
        counts.append(len(selects))
    assert counts[0] == counts[1]
