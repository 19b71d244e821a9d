"""Aliquot labels: a QR code holding the aliquot number (what a scanner types into the
program's scan fields) beside the number, parent sample and mass in print.

Two layouts: a roll of 2 x 1 inch labels (one label a page, as label printers take it) and
an A4 sheet of 4 x 10 labels of the same size. The document's own QR code (document number
and content hash) goes where it cannot be mistaken for an aliquot's: in the sheet's top
margin, and, when asked for, on a job label at the start of the roll (a roll of N labels is
otherwise N pages: no label is wasted; the file's metadata and signature still name it).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import inch, mm
from reportlab.pdfgen.canvas import Canvas

from .. import __version__
from ..domain.masses import format_mass
from ..domain.queries import LabelData
from . import fonts
from .layout import ENGLISH_WORDS, INK, MUTED, DocumentInfo, draw_qr, head_line
from .wording import Words

LAYOUTS = ("roll", "a4")
LABEL = (2 * inch, 1 * inch)
COLUMNS, ROWS = 4, 10
_GUIDE = colors.HexColor("#c8c8c8")


def _split_number(number: str, size: float, room: float) -> list[str]:
    """The number on one line, or two when it does not fit: after the sample part of a
    Chang'e number, or at the last '-' or ','."""
    if fonts.width(number, size, fonts.SANS_BOLD) <= room:
        return [number]
    for cut in (8, number.rfind("-"), number.rfind(",") + 1):
        if 0 < cut < len(number):
            return [number[:cut], number[cut:]]
    return [number]


def draw_label(
    canvas: Canvas, label: LabelData, x: float, y: float, w: Words = ENGLISH_WORDS
) -> None:
    """One 2 x 1 inch label with its lower-left corner at (x, y); ``w``: its languages."""
    width, height = LABEL
    qr = height - 2 * mm
    draw_qr(canvas, label.number, x + 1 * mm, y + 1 * mm, qr)
    left = x + qr + 1.5 * mm
    room = x + width - 2 * mm - left
    canvas.setFillColor(INK)
    size = 8.0
    lines = _split_number(label.number, size, room)
    size = min(fonts.fit(line, size, room, fonts.SANS_BOLD, smallest=5) for line in lines)
    top = y + height - 4.2 * mm
    for line in lines:
        fonts.draw(canvas, left, top, line, size, fonts.SANS_BOLD)
        top -= size * 1.15
    top -= 1.2 * mm
    sample = f"{w.inline('Sample')} {label.sample}"
    fonts.draw(canvas, left, top, sample, fonts.fit(sample, 6.5, room))
    top -= 3.2 * mm
    fonts.draw(canvas, left, top, format_mass(label.mass_ug), 7.5, fonts.SANS_BOLD)
    if label.form:
        top -= 3.0 * mm
        canvas.setFillColor(MUTED)
        fonts.draw(canvas, left, top, label.form, fonts.fit(label.form, 5.5, room, smallest=3.5))
        canvas.setFillColor(INK)


def _metadata(canvas: Canvas, info: DocumentInfo) -> None:
    canvas.setTitle(f"{info.title}: {info.reference}")
    canvas.setAuthor("Lunar Custody")
    canvas.setSubject(f"Lunar Custody document {info.number}")
    canvas.setKeywords(info.keywords)
    canvas.setCreator(f"Lunar Custody {__version__}")


def _roll(
    canvas: Canvas, labels: Sequence[LabelData], info: DocumentInfo, *, job_label: bool
) -> int:
    if job_label:
        _job_label(canvas, info)
    for label in labels:
        draw_label(canvas, label, 0, 0, info.words)
        canvas.showPage()
    return len(labels) + (1 if job_label else 0)


def _job_label(canvas: Canvas, info: DocumentInfo) -> None:
    width, height = LABEL
    # the job label: which document this roll is, for verify-pdf and the archive
    qr = height - 2 * mm
    draw_qr(canvas, info.qr_payload, 1 * mm, 1 * mm, qr)
    left = qr + 1.5 * mm
    room = width - 2 * mm - left
    w = info.words
    lines = [
        (w.inline("Lunar Custody labels"), 6.5, fonts.SANS_BOLD, INK),
        (info.number, 7.0, fonts.SANS_BOLD, INK),
        (info.heading, 6.5, fonts.SANS, INK),
        *[(text, 5.0, fonts.SANS, MUTED) for text in w.each("Job label: keep it with")],
        *[(text, 5.0, fonts.SANS, MUTED) for text in w.each("the archive copy.")],
    ]
    top = height - 5 * mm
    for text, size, font, colour in lines:
        canvas.setFillColor(colour)
        fonts.draw(canvas, left, top, text, fonts.fit(text, size, room, font), font)
        top -= size * (1.3 if w.both else 1.5)  # two languages: seven lines in the height
    canvas.setFillColor(INK)
    canvas.showPage()


def _sheet(canvas: Canvas, labels: Sequence[LabelData], info: DocumentInfo) -> int:
    page_w, page_h = A4
    width, height = LABEL
    left = (page_w - COLUMNS * width) / 2
    bottom = (page_h - ROWS * height) / 2
    per_page = COLUMNS * ROWS
    pages = max(1, -(-len(labels) // per_page))
    w = info.words
    for page in range(pages):
        qr = 16 * mm
        top = page_h - 3 * mm
        draw_qr(canvas, info.qr_payload, page_w - left - qr + 1.5 * mm, top - qr, qr)
        canvas.setFillColor(INK)
        # three lines beside the document's QR code, each shrunk to stay clear of it
        room = page_w - 2 * left - qr - 4 * mm
        lines = [
            (
                f"{'  '.join(t.upper() for t in w.each('Aliquot labels'))} · {info.heading}",
                8.0,
                fonts.SANS_BOLD,
                INK,
            ),
            (
                w.inline(
                    "Document {number} · page {page} of {pages}",
                    number=info.number,
                    page=page + 1,
                    pages=pages,
                ),
                7.0,
                fonts.SANS,
                MUTED,
            ),
            (
                w.inline("2 x 1 inch labels, 4 x 10 a sheet; print at actual size (100 %)."),
                6.0,
                fonts.SANS,
                MUTED,
            ),
        ]
        for (text, size, font, colour), down in zip(lines, (6, 10, 13.5), strict=True):
            canvas.setFillColor(colour)
            fonts.draw(
                canvas,
                left + 2 * mm,
                top - down * mm,
                text,
                fonts.fit(text, size, room, font),
                font,
            )
        content = f"{w.inline('Content SHA-256')} {info.content_hash}"
        fonts.draw(canvas, left + 2 * mm, 9 * mm, content, 5.5)
        fonts.draw(canvas, left + 2 * mm, 6 * mm, head_line(info.heads, w), 5.5)
        canvas.setFillColor(INK)
        for slot, label in enumerate(labels[page * per_page : (page + 1) * per_page]):
            row, column = divmod(slot, COLUMNS)
            x = left + column * width
            y = bottom + (ROWS - 1 - row) * height
            canvas.setStrokeColor(_GUIDE)
            canvas.setLineWidth(0.3)
            canvas.rect(x, y, width, height)
            draw_label(canvas, label, x, y, w)
        canvas.showPage()
    return pages


def render_labels(
    labels: Sequence[LabelData], info: DocumentInfo, layout: str, *, job_label: bool = False
) -> tuple[bytes, int]:
    """The labels' PDF and its page count; ``job_label`` starts a roll with a label naming
    the document (the A4 sheet names it in its margin anyway)."""
    fonts.register()
    buffer = io.BytesIO()
    # every page starts in the embedded font, not reportlab's Helvetica (never embedded)
    canvas = Canvas(buffer, pagesize=LABEL if layout == "roll" else A4, initialFontName=fonts.SANS)
    _metadata(canvas, info)
    if layout == "roll":
        pages = _roll(canvas, labels, info, job_label=job_label)
    else:
        pages = _sheet(canvas, labels, info)
    canvas.save()
    return buffer.getvalue(), pages
