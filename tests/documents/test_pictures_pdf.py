"""The aliquot's custody form draws its custody timeline and mass flow: the same lanes,
seals and masses the domain's picture values hold (and the samples view paints), as text a
reader can search, in embedded fonts only."""

from __future__ import annotations

import subprocess
from pathlib import Path

from lunar_custody.documents import service
from lunar_custody.domain import queries
from tests.documents.conftest import pages_of, text_of
from tests.documents.test_print_ready import fonts_of
from tests.worlds import A1, A2, World


def _pictures_text(pdf: Path) -> str:
    """The form's text from the custody timeline's heading to the ledger's events."""
    text = text_of(pdf)
    start = text.index("Custody timeline")
    return text[start : text.index("Custody events recorded in the ledger", start)]


def test_the_custody_form_shows_the_timeline_and_mass_flow(world: World, tmp_path: Path) -> None:
    world.rich_scenario()
    path = tmp_path / "aliquot.pdf"
    service.write_custody_form(world.db, world["zhang"], path, aliquot=A2)
    timeline = queries.custody_timeline(world.db, A2)
    flow = queries.aliquot_mass_flow(world.db, A2)

    page = _pictures_text(path)
    assert f"Custody of {A2}" in page and f"Custody, continued {A2}" in page  # 9 steps
    for lane in timeline.lanes:
        assert lane.name in page
    for step in timeline.steps:
        assert step.mass_label in page
        assert step.label in page
    # the broken seal on arrival, and a mark for each handoff's signatures
    assert "seal SEAL-0001 BROKEN" in page
    assert page.count("both signed") == 3  # release, courier hand-over, release back
    assert f"Mass flow of aliquot {A2}" in page
    for band in (*flow.parts, *flow.outcomes):
        assert band.name in page and band.mass_label in page
    assert {o.name: o.mass_label for o in flow.outcomes} == {
        "consumed": "10.000 mg",
        "lost": "10.000 mg",
        "returned": "280.000 mg",
    }
    assert all(emb == "yes" and ("DejaVu" in name or "Droid" in name)
               for name, emb in fonts_of(path))  # fmt: skip

    # look at it: the pictures' page rendered as a reader sees it (tests/documents' habit)
    pages = tmp_path / "pages"
    pages.mkdir()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(pages / "p")], check=True)
    assert len(list(pages.glob("p-*.png"))) == pages_of(path)


def test_a_blank_form_and_a_split_aliquot(world: World, tmp_path: Path) -> None:
    numbers = world.rich_scenario()
    blank = tmp_path / "blank.pdf"
    service.write_custody_form(world.db, None, blank, aliquot=A2, blank=True)
    assert "Custody timeline" not in text_of(blank)  # a blank form is for ink
    split = tmp_path / "split.pdf"
    service.write_custody_form(world.db, None, split, aliquot=A1)
    text = " ".join(text_of(split, page) for page in range(1, pages_of(split) + 1))
    flow = queries.aliquot_mass_flow(world.db, A1)
    assert numbers["child"] in {p.name for p in flow.parts}
    for band in (*flow.parts, *flow.outcomes):
        assert band.mass_label in text


def test_the_pictures_speak_the_forms_languages(world: World, tmp_path: Path) -> None:
    """In Chinese the drawings' own words, the event kinds and the domain's band names are
    Chinese; in both languages each is there in both, and the numbers and masses once."""
    world.rich_scenario()
    flow = queries.aliquot_mass_flow(world.db, A2)
    chinese = tmp_path / "zh.pdf"
    service.write_custody_form(world.db, world["zhang"], chinese, aliquot=A2, languages=("zh",))
    page = _pictures_text_in(chinese, "保管时间线", "保管台账中记录的保管事件")
    for words in ("保管方", "押运员", "发出给押运员", "封签 SEAL-0001 破损", "双方已签名",
                  f"分样 {A2} 的质量流向", f"留在 {A2}", "消耗", "丢失", "归还",
                  "初始质量"):  # fmt: skip
        assert words in page, words
    for english in ("custodian", "released to courier", "seal ", "signed", "kept in", "consumed"):
        assert english not in page, english
    for band in (*flow.parts, *flow.outcomes):
        assert band.mass_label in page

    both = tmp_path / "both.pdf"
    service.write_custody_form(world.db, world["zhang"], both, aliquot=A2, languages=("en", "zh"))
    page = _pictures_text_in(both, "Custody timeline", "Custody events recorded in the ledger")
    for words in ("custodian / 保管方", "released to courier / 发出给押运员",
                  "seal SEAL-0001 BROKEN", "封签 SEAL-0001 破损", f"kept in {A2}", f"留在 {A2}",
                  "consumed", "消耗", "initial mass", "初始质量"):  # fmt: skip
        assert words.replace(" ", "") in page.replace(" ", ""), words  # lines wrap anywhere


def _pictures_text_in(pdf: Path, start: str, end: str) -> str:
    text = " ".join(text_of(pdf, page) for page in range(1, pages_of(pdf) + 1))
    first = text.index(start)
    return text[first : text.index(end, first)]
