"""Fonts for the PDFs, and text that prints exactly as stored.

DejaVu Sans draws Latin (with every accent: Universität zu Köln, Université Paris Cité),
Greek and Cyrillic; Droid Sans Fallback draws Chinese and Japanese (国家航天局). A string is
cut into runs by which font has its characters, so one name can mix both. Both fonts are
embedded (subset) with their Unicode maps, so the text can be searched and copied.

Paragraphs read a little markup language: ``markup`` escapes every run first, so a name such
as ``<b>Lab & Co</b>`` prints literally instead of turning bold or failing to parse.
"""

from __future__ import annotations

import threading
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from ..resources_path import resource

SANS = "LCSans"
SANS_BOLD = "LCSans-Bold"
FALLBACK = "LCFallback"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    FALLBACK: "DroidSansFallbackFull.ttf",
}
_lock = threading.Lock()
_covered: dict[str, frozenset[int]] = {}
# the characters each font draws, and every whitespace character: a string made of them
# alone is one run in that font, found without a loop in Python (most of a PDF's text)
_whole: dict[str, frozenset[str]] = {}
_SPACES = frozenset(chr(code) for code in range(0x3001) if chr(code).isspace())


def register() -> None:
    """Register the fonts with reportlab once per process (the documents call this)."""
    if _covered:
        return
    with _lock:
        if _covered:
            return
        fonts = {name: TTFont(name, str(resource("fonts", file))) for name, file in _FILES.items()}
        for font in fonts.values():
            pdfmetrics.registerFont(font)
        # <b> inside a paragraph picks the family's bold; the fallback has no bold face.
        for bold, italic, face in [
            (0, 0, SANS),
            (1, 0, SANS_BOLD),
            (0, 1, SANS),
            (1, 1, SANS_BOLD),
        ]:
            addMapping(SANS, bold, italic, face)
            addMapping(FALLBACK, bold, italic, FALLBACK)
        covered = {name: frozenset(f.face.charToGlyph) for name, f in fonts.items()}
        _whole.update(
            {name: frozenset(map(chr, codes)) | _SPACES for name, codes in covered.items()}
        )
        _covered.update(covered)


def runs(text: str, font: str = SANS) -> list[tuple[str, str]]:
    """``text`` cut into (run, font name) pieces: ``font`` where it has the glyphs, else the
    fallback. Spaces and line breaks stay with the run they are in."""
    register()
    if _whole[font].issuperset(text):
        return [(text, font)] if text else []
    mine = _covered[font]
    pieces: list[tuple[str, str]] = []
    for char in text:
        code = ord(char)
        face = font if code in mine or char.isspace() else FALLBACK
        if pieces and pieces[-1][1] == face:
            pieces[-1] = (pieces[-1][0] + char, face)
        else:
            pieces.append((char, face))
    return pieces


def markup(text: str | None, *, bold: bool = False) -> str:
    """Paragraph markup that prints ``text`` literally, each run in a font that has it."""
    if not text:
        return ""
    parts = []
    for run, face in runs(text):
        safe = escape(run).replace("\n", "<br/>")
        parts.append(safe if face == SANS else f'<font name="{FALLBACK}">{safe}</font>')
    joined = "".join(parts)
    return f"<b>{joined}</b>" if bold else joined


def width(text: str, size: float, font: str = SANS) -> float:
    """The printed width of ``text`` set with the fallback where needed."""
    return float(sum(stringWidth(run, face, size) for run, face in runs(text, font)))


def draw(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    font: str = SANS,
    *,
    align: str = "left",
) -> None:
    """Draw one line on the canvas (headers, footers, labels) with the fallback where needed."""
    if align == "right":
        x -= width(text, size, font)
    elif align == "centre":
        x -= width(text, size, font) / 2
    for run, face in runs(text, font):
        canvas.setFont(face, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, face, size)


def fit(text: str, size: float, room: float, font: str = SANS, *, smallest: float = 4.0) -> float:
    """The largest size up to ``size`` at which ``text`` fits in ``room`` points."""
    while size > smallest and width(text, size, font) > room:
        size -= 0.25
    return size
