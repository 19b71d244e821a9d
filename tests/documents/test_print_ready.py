"""What a print shop's preflight checks, read back from the files: every font embedded
(pdffonts), the receiver named on a blank form (pdftotext), as many label pages as labels
(pdfinfo), and the ink lines clear of the words printed under them (rendered pixels)."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

from PIL import Image

from lunar_custody.documents import service
from lunar_custody.documents.layout import DocumentInfo, render, signature_block
from lunar_custody.domain.anchors import GENESIS
from lunar_custody.domain.queries import SignatureSlot
from tests.documents.conftest import MARKUP_NAME, PI_NAME, Papers, pages_of, qr_codes, text_of
from tests.worlds import A1, A2, A4


def fonts_of(pdf: Path) -> list[tuple[str, str]]:
    """(font name, emb column) for every font ``pdffonts`` lists."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True, text=True)
    lines = out.stdout.splitlines()
    assert lines[1].startswith("-----"), out.stdout
    # the columns are fixed width: the dashes under each heading show where each one is
    spans, start = [], 0
    for dashes in lines[1].split(" "):
        spans.append((start, start + len(dashes)))
        start += len(dashes) + 1
    emb = lines[0][spans[3][0] :].split()[0]
    assert emb == "emb", out.stdout
    return [(line[slice(*spans[0])].strip(), line[slice(*spans[3])].strip()) for line in lines[2:]]


def every_document(papers: Papers, folder: Path) -> dict[str, Path]:
    """One file of every kind the program writes."""
    zhang = papers.world["zhang"]
    paths = {
        name: folder / f"{name}.pdf"
        for name in (
            "agreement",
            "draft",
            "form",
            "travelling",
            "blank",
            "aliquot",
            "manifest",
            "roll",
            "sheet",
        )
    }
    service.write_agreement(papers.db, zhang, papers.loan, paths["agreement"])
    service.write_agreement(papers.db, zhang, papers.draft, paths["draft"])
    service.write_custody_form(papers.db, None, paths["form"], transfer=papers.delivered)
    service.write_custody_form(papers.db, None, paths["travelling"], transfer=papers.travelling)
    service.write_custody_form(
        papers.db, None, paths["blank"], transfer=papers.delivered, blank=True
    )
    service.write_custody_form(papers.db, None, paths["aliquot"], aliquot=A1)
    service.write_manifest(papers.db, zhang, papers.delivered, paths["manifest"])
    service.write_labels(papers.db, None, [A1, A2], paths["roll"])
    service.write_labels(papers.db, None, [A1, A2, A4], paths["sheet"], layout="a4")
    return paths


def test_every_font_in_every_document_is_embedded(papers: Papers, tmp_path: Path) -> None:
    for kind, path in every_document(papers, tmp_path).items():
        listed = fonts_of(path)
        assert listed, kind
        assert all(emb == "yes" for _, emb in listed), (kind, listed)
        # only the fonts the program ships: no standard font chosen as a default
        assert all("DejaVu" in name or "Droid" in name for name, _ in listed), (kind, listed)
        # readable as any file the person makes (their umask), not only by them; nothing
        # half-written left beside it
        expected = 0o666 & ~_umask()
        assert stat.S_IMODE(path.stat().st_mode) == expected, (kind, oct(path.stat().st_mode))
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_blank_custody_form_names_who_receives_the_package(
    papers: Papers, tmp_path: Path
) -> None:
    path = tmp_path / "blank.pdf"
    service.write_custody_form(papers.db, None, path, transfer=papers.delivered, blank=True)
    text = text_of(path)
    assert f"Attention: {PI_NAME}" in text
    # the delivery row names the receiver and the institution; the other rows stay blank
    assert text.count(f"Printed name: {PI_NAME}, {MARKUP_NAME}") == 1
    assert text.count("Write the date, the time and the time zone") == 2 * 5


def test_a_blank_form_of_a_lent_aliquot_names_the_principal_investigator(
    papers: Papers, tmp_path: Path
) -> None:
    path = tmp_path / "aliquot.pdf"
    service.write_custody_form(papers.db, None, path, aliquot=A1, blank=True)
    assert f"Lent to {PI_NAME}, {MARKUP_NAME}" in text_of(path)


def test_a_roll_has_one_page_a_label_and_a_job_label_only_when_asked(
    papers: Papers, tmp_path: Path
) -> None:
    plain, with_job = tmp_path / "roll.pdf", tmp_path / "job.pdf"
    doc = service.write_labels(papers.db, None, [A1, A2], plain)
    assert pages_of(plain) == doc.pages == 2
    assert qr_codes(plain, dpi=300) == [[A1], [A2]]
    job = service.write_labels(papers.db, None, [A1, A2], with_job, job_label=True)
    assert pages_of(with_job) == job.pages == 3
    assert qr_codes(with_job, dpi=300)[0] == [
        f"LCDOC:{job.number}:SHA256:{job.content_hash.upper()}"
        f":HEAD:{job.heads.ledger_seq}:{job.heads.ledger_hash.upper()}"
    ]


def test_the_date_line_is_clear_of_its_hint(tmp_path: Path) -> None:
    """One blank signature block drawn alone: between the ink line under "Date and time" and
    the hint below it there is a row of white paper."""
    info = DocumentInfo("T-1", "test", "Test", "Test", "0" * 64, GENESIS)
    width = 200.0
    pdf, _ = render(
        info,
        signature_block(SignatureSlot("Received by", "", ""), width),
        pagesize=(width + 20, 400),
        margins=(10, 10, 10, 10),
        decorate=lambda *_: None,
    )
    path = tmp_path / "block.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "300", str(path), str(tmp_path / "p")], check=True)
    with Image.open(tmp_path / "p-1.png") as page:
        gray = page.convert("L")
    # the date line: the last row whose right half is dark across (the hint is shorter)
    w, h = gray.size
    right = range(w * 60 // 100, w * 90 // 100)

    def inked(y: int, xs: range) -> int:
        return sum(1 for x in xs if gray.getpixel((x, y)) < 128)  # type: ignore[operator]

    lines = [y for y in range(h) if inked(y, right) > len(right) * 0.9]
    assert lines, "no ink line found"
    date_line = max(lines)
    everywhere = range(0, w)
    below = [y for y in range(date_line + 1, h) if inked(y, everywhere)]
    assert below, "no hint under the date line"
    hint_top = min(below)
    # at least 1 mm (300 dpi: about 12 pixels) of white between the line and the hint
    assert hint_top - date_line >= 12, (date_line, hint_top)
