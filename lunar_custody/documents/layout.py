"""What every document shares: page header and footer, QR code, styles, signature blocks.

Every page carries the document number, a QR code (document number, content hash and the
ledger head when it was made, see verify.py), the reference of what the document is about
and "Page X of Y"; the total is known only once the whole story is laid out, so pages are
decorated when the PDF is saved.
"""

from __future__ import annotations

import hashlib
import io
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab import rl_config
from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .. import __version__
from ..domain.anchors import ChainHeads
from ..domain.masses import format_mass
from ..domain.queries import SignatureSlot
from . import fonts
from .wording import ENGLISH, Languages, Words

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5b5b5b")
RULE = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#ececec")

QR_PREFIX = "LCDOC"

# The page streams stay binary, deflated only: ASCII85 on top makes them a quarter larger,
# and reportlab's encoder (pure Python without its C accelerator) took ~5 % of a 500-item
# agreement. Every PDF reader, pdfsig and pyHanko read binary streams.
rl_config.useA85 = 0


@dataclass(frozen=True)
class DocumentInfo:
    """Who a PDF is: its number and what it is about, printed on every page."""

    number: str
    kind: str
    title: str  # "Loan agreement"
    reference: str  # "Agreement L2026-0007"
    content_hash: str
    heads: ChainHeads  # the ledger's and the audit trail's heads when it was made
    languages: Languages = ENGLISH  # what its headings and labels print in
    printed_reference: str = ""  # the reference in those languages (default: ``reference``)

    @property
    def words(self) -> Words:
        return Words(self.languages)

    @property
    def heading(self) -> str:
        return self.printed_reference or self.reference

    @property
    def qr_payload(self) -> str:
        return qr_payload(self.number, self.content_hash, self.heads)

    @property
    def keywords(self) -> list[str]:
        """The PDF's /Keywords: what the document claims to be, read back by verify.py
        (covered by the PAdES signature)."""
        heads = self.heads
        return [
            f"lunar-custody-document={self.number}",
            f"content-sha256={self.content_hash}",
            f"ledger-head={heads.ledger_seq}:{heads.ledger_hash}",
            f"audit-head={heads.audit_seq}:{heads.audit_hash}",
        ]


@dataclass(frozen=True)
class QrClaim:
    """What a document's QR code says: its number, its content hash and, from the
    documents that carry one, the ledger head when it was made."""

    number: str
    content_hash: str
    ledger_seq: int | None = None
    ledger_hash: str | None = None


def qr_payload(number: str, content_hash: str, heads: ChainHeads | None = None) -> str:
    """'LCDOC:AGR-260314-K7Q2MX:SHA256:9F2C…:HEAD:1234:0A7E…': upper case, so the QR
    code's compact alphanumeric mode holds it (a smaller code that scans more easily)."""
    payload = f"{QR_PREFIX}:{number}:SHA256:{content_hash.upper()}"
    if heads is not None:
        payload += f":HEAD:{heads.ledger_seq}:{heads.ledger_hash.upper()}"
    return payload


def parse_qr_payload(text: str) -> QrClaim | None:
    """What a scanned document QR code claims, else None (documents from before the ledger
    head was printed have the first four parts only)."""
    parts = text.strip().split(":")
    if len(parts) not in (4, 7) or parts[0] != QR_PREFIX or parts[2] != "SHA256":
        return None
    if len(parts) == 4:
        return QrClaim(parts[1], parts[3].lower())
    if parts[4] != "HEAD" or not parts[5].isdigit():
        return None
    return QrClaim(parts[1], parts[3].lower(), int(parts[5]), parts[6].lower())


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """A QR code with its quiet zone, ``size`` points square, lower-left corner at (x, y).

    The code is drawn once per PDF as a form (XObject) and placed on every page that needs
    it: a 500-item agreement repeats it on 28 pages, and encoding is the slow part."""
    name = "qr" + hashlib.sha1(f"{payload}|{size}".encode()).hexdigest()[:16]
    if not canvas.hasForm(name):
        canvas.beginForm(name, lowerx=0, lowery=0, upperx=size, uppery=size)
        _qr_path(canvas, payload, size)
        canvas.endForm()
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()


def _qr_path(canvas: Canvas, payload: str, size: float) -> None:
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    count = code.getModuleCount()
    border = 4  # the quiet zone a reader needs, in modules
    box = size / (count + 2 * border)
    path = canvas.beginPath()
    for r, row in enumerate(code.modules):
        c = 0
        for dark, run in itertools.groupby(bool(m) for m in row):
            length = len(list(run))
            if dark:
                path.rect((c + border) * box, size - (r + border + 1) * box, length * box, box)
            c += length
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)


# ---------------------------------------------------------------------- text


def _style(name: str, size: float, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=kw.pop("fontName", fonts.SANS),
        bulletFontName=fonts.SANS,  # reportlab's default is Helvetica, which is never embedded
        fontSize=size,
        leading=kw.pop("leading", size * 1.3),
        textColor=kw.pop("textColor", INK),
        alignment=kw.pop("alignment", TA_LEFT),
        **kw,
    )


_BASE_STYLES = {
    "title": _style("title", 17, leading=21, spaceAfter=2, fontName=fonts.SANS_BOLD),
    "subtitle": _style("subtitle", 10.5, textColor=MUTED, spaceAfter=8),
    "h2": _style("h2", 11, leading=14, spaceBefore=10, spaceAfter=4, fontName=fonts.SANS_BOLD),
    "body": _style("body", 9.2, leading=12.4),
    "clause": _style("clause", 9.2, leading=12.4, leftIndent=16, firstLineIndent=-16, spaceAfter=4),
    "small": _style("small", 7.6, leading=9.6),
    "muted": _style("muted", 7.6, leading=9.6, textColor=MUTED),
    "cell": _style("cell", 7.8, leading=9.6),
    "cellbold": _style("cellbold", 7.8, leading=9.6, fontName=fonts.SANS_BOLD),
    "head": _style("head", 7.6, leading=9.4, fontName=fonts.SANS_BOLD),
    "label": _style("label", 7.2, leading=9, textColor=MUTED),
}
# Chinese has no spaces to break a line at: a paragraph holding any wraps between its
# characters (reportlab's CJK wrap, which still keeps a Latin word whole), so it stays in
# its table cell. The styles stay separate: English text wraps as it always has.
STYLES = _BASE_STYLES
CJK_STYLES = {
    name: ParagraphStyle(f"{name}-cjk", parent=style, wordWrap="CJK")
    for name, style in _BASE_STYLES.items()
}


def _look(style: str, text: str) -> ParagraphStyle:
    """The style for ``text``: its CJK-wrapping twin when the fallback font draws any of it."""
    if any(face == fonts.FALLBACK for _, face in fonts.runs(text)):
        return CJK_STYLES[style]
    return STYLES[style]


ENGLISH_WORDS = Words(ENGLISH)


class WrapOnce(Paragraph):
    """A paragraph that keeps its lines while asked to wrap at the same width again.

    A table wraps each cell's paragraph to measure its row, again to split the table
    between pages and again to draw it, always at the column's width: the line breaking
    (reportlab's ``breakLines``) was a third of a 500-item agreement's time. A split that
    dropped the lines (``del blPara``) makes the next wrap break them afresh."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        done = self._wrapped
        if done is not None and done[0] == availWidth and hasattr(self, "blPara"):
            self.width, self.height = done[1]
            return done[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size


def para(text: str | None, style: str = "body", *, bold: bool = False) -> Paragraph:
    """A paragraph that prints ``text`` literally (markup characters escaped)."""
    return WrapOnce(fonts.markup(text or "", bold=bold), _look(style, text or ""))


def cell(text: str, style: str, width: float) -> str | Paragraph:
    """A table cell that prints ``text`` literally: the plain string when it fits on one
    line in the style's own font (drawn by the table itself, with ``cell_commands``), else a
    paragraph that wraps it and takes the fallback font where needed.

    A long table of paragraphs is mostly paragraph work: each one is parsed, then wrapped
    to measure its row, to split the table between pages and to draw it (Schedule A of a
    500-item agreement: 3,000 paragraphs, half the time of the document).
    """
    look = STYLES[style]
    room = width - 2 * CELL_PADDING
    one_font = (
        text == " ".join(text.split())  # a paragraph would fold runs of spaces
        and all(face == look.fontName for _, face in fonts.runs(text, look.fontName))
    )
    if one_font and stringWidth(text, look.fontName, look.fontSize) <= room:
        return text
    if one_font and all(face == fonts.SANS for _, face in fonts.runs(text)):
        # what reportlab's parser makes of the markup: one run of the style's font, the
        # text as it is (markup only escapes it); parsing was a fifth of Schedule A's time
        return WrapOnce(fonts.markup(text), look, frags=[_run_of(style).clone(text=text)])
    return para(text, style)


_RUNS: dict[str, Any] = {}


def _run_of(style: str) -> Any:
    """The fragment reportlab's parser makes for plain text in ``style``, to copy."""
    if style not in _RUNS:
        (_RUNS[style],) = Paragraph("x", STYLES[style]).frags
    return _RUNS[style]


def cell_commands(style: str, first: tuple[int, int], last: tuple[int, int]) -> list[Any]:
    """TableStyle commands that set the plain-string cells from ``first`` to ``last`` as a
    paragraph of ``style`` would be: same font, size, leading and colour, so the same place."""
    look = STYLES[style]
    return [
        ("FONTNAME", first, last, look.fontName),
        ("FONTSIZE", first, last, look.fontSize),
        ("LEADING", first, last, look.leading),
        ("TEXTCOLOR", first, last, look.textColor),
    ]


def rich(*parts: tuple[str, str | None], style: str = "body") -> Paragraph:
    """A paragraph of (kind, text) parts: kind 'b' bold, 't' plain, 'm' muted; all escaped."""
    chunks = []
    plain = "".join(text or "" for _, text in parts)
    for kind, text in parts:
        if not text:
            continue
        if kind == "b":
            chunks.append(fonts.markup(text, bold=True))
        elif kind == "m":
            chunks.append(f'<font color="#5b5b5b">{fonts.markup(text)}</font>')
        elif kind == "br":
            chunks.append("<br/>")
        else:
            chunks.append(fonts.markup(text))
    return WrapOnce("".join(chunks), _look(style, plain))


def mass(value: int | None) -> str:
    return "" if value is None else format_mass(value)


def when(moment: datetime | None, w: Words | None = None) -> str:
    """'2026-03-14 09:12 UTC (17:12 local, UTC+08:00)': stored UTC, shown local too (the
    note on local time in each of ``w``'s languages; the time itself in one format)."""
    if moment is None:
        return ""
    w = w or ENGLISH_WORDS
    utc = moment.strftime("%Y-%m-%d %H:%M:%S UTC")
    local = moment.astimezone()
    offset = local.strftime("%z")
    if offset in ("+0000", "-0000"):
        return f"{utc} ({w.inline('local time is UTC')})"
    sign, hours, minutes = offset[0], offset[1:3], offset[3:]
    day = "" if local.date() == moment.date() else local.strftime("%Y-%m-%d ")
    note = w.inline(
        "{time} local, UTC{offset}",
        time=day + local.strftime("%H:%M"),
        offset=f"{sign}{hours}:{minutes}",
    )
    return f"{utc} ({note})"


CELL_PADDING = 3  # left and right in a grid table


def table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A TableStyle whose cells start in the embedded sans font: reportlab's default is
    Helvetica, selected for every cell even when a paragraph draws it, and a standard font
    is never embedded (a print shop's preflight refuses the PDF)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.SANS), *commands])


def grid_table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    zebra: bool = True,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A ruled table whose header repeats on every page it runs over."""
    table = Table(list(rows), colWidths=list(widths), repeatRows=header_rows)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, INK),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    if zebra:
        commands.append(
            ("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [None, colors.HexColor("#f6f6f6")])
        )
    table.setStyle(table_style(commands + list(extra)))
    return table


def field_table(pairs: Sequence[tuple[str, Any]], widths: Sequence[float]) -> Table:
    """Label / value rows (label muted, value as given or as plain text)."""
    rows = [
        [para(label, "label"), value if isinstance(value, Flowable) else para(str(value))]
        for label, value in pairs
    ]
    table = Table(rows, colWidths=list(widths))
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


# ---------------------------------------------------------------------- signatures


class _SignatureArea(Flowable):
    """The space signed in: the drawn signature (if any) standing on the signature line.

    Always the same height, so the lines of blocks side by side are level."""

    def __init__(self, width: float, height: float, png: bytes | None, text: str = "") -> None:
        super().__init__()
        self.width, self.height = width, height
        self.text = text
        self.image: Any = None
        if png:
            try:
                from reportlab.lib.utils import ImageReader

                self.image = ImageReader(io.BytesIO(png))
            except Exception:  # a damaged drawing must not stop the document: the text says all
                self.image = None

    def draw(self) -> None:
        canvas = self.canv
        if self.image is not None:
            w, h = self.image.getSize()
            scale = min((self.width - 4) / w, (self.height - 4) / h)
            canvas.drawImage(self.image, 2, 2, w * scale, h * scale, mask="auto")
        elif self.text:
            # one line a language, the last standing on the line, each within the width
            canvas.setFillColor(MUTED)
            for row, line in enumerate(reversed(self.text.split("\n"))):
                size = fonts.fit(line, 7, self.width - 4, smallest=5)
                fonts.draw(canvas, 2, 5 + row * 8.5, line, size)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        canvas.line(0, 1, self.width, 1)


def _blank_line(label: str, width: float) -> Table:
    """'label ________' as a row: a line to write on."""
    # a label in two languages stands on two lines: the row grows to hold them
    height = max(6.5 * mm, (label.count("\n") + 1) * STYLES["muted"].leading + 3)
    table = Table(
        [[para(label, "muted"), ""]], colWidths=[width * 0.36, width * 0.64], rowHeights=[height]
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LINEBELOW", (1, 0), (1, 0), 0.5, INK),
            ]
        )
    )
    return table


def signature_block(
    slot: SignatureSlot, width: float, *, compact: bool = False, w: Words = ENGLISH_WORDS
) -> list[Flowable]:
    """A place to sign: the given signature in full, or lines to sign in ink."""
    height = 10 * mm if compact else 14 * mm
    # compact blocks sit in a table whose column header already names the role
    out: list[Flowable] = [] if compact else [para(w.inline(slot.role), "label")]
    mark = slot.mark
    if mark is None:
        out.append(_SignatureArea(width, height, None))
        out.append(para(w.inline("Signature"), "muted"))
        if slot.name:
            name = slot.name + (f", {slot.institution}" if slot.institution else "")
            out.append(rich(("m", w.inline("Printed name") + ": "), ("t", name), style="small"))
        else:
            out.append(_blank_line(w.stacked("Printed name"), width))
            if slot.institution:
                out.append(
                    rich(
                        ("m", w.inline("Institution") + ": "),
                        ("t", slot.institution),
                        style="small",
                    )
                )
        out.append(_blank_line(w.stacked("Date and time"), width))
        # the hint's capitals would touch the ink line right above them: leave white between
        out.append(Spacer(1, 1.5 * mm))
        out.append(para(w.stacked("Write the date, the time and the time zone (or UTC)."), "muted"))
        return out
    out.append(
        _SignatureArea(
            width, height, mark.drawing_png, w.stacked("(signed electronically, no drawing)")
        )
    )
    name = mark.printed_name + (f"  {mark.local_name}" if mark.local_name else "")
    out.append(rich(("b", name), style="small"))
    out.append(para(mark.institution, "small"))
    out.append(rich(("m", w.inline("Meaning") + ": "), ("t", w.term(mark.meaning)), style="small"))
    out.append(
        rich(("m", w.inline("Signed") + ": "), ("t", when(mark.signed_at, w)), style="small")
    )
    method = "PIN" if mark.method == "pin" else "password"
    out.append(
        para(
            w.inline(
                "Signed in Lunar Custody with the signer's " + method + "; bound to record hash "
                "{hash}…",
                hash=mark.content_hash[:16],
            ),
            "muted",
        )
    )
    if mark.certificate:
        # the person's own key (a password) or the institution's attesting a courier's PIN
        key = "Institution key" if mark.method == "pin" else "Key"
        verdict = "signature checked" if mark.checked else "signature does NOT check"
        out.append(
            rich(
                ("m", f"{w.inline(key)} "),
                ("t", mark.certificate),
                ("m", "; "),
                ("m" if mark.checked else "b", w.inline(verdict)),
                style="muted",
            )
        )
    else:
        out.append(para(w.inline("No cryptographic signature (recorded before keys)."), "muted"))
    return out


def signature_row(
    slots: Sequence[SignatureSlot], total_width: float, w: Words = ENGLISH_WORDS
) -> Table:
    """Signature blocks side by side."""
    gap = 6 * mm
    each = (total_width - gap * (len(slots) - 1)) / len(slots)
    cells: list[Any] = []
    widths: list[float] = []
    for index, slot in enumerate(slots):
        if index:
            cells.append("")
            widths.append(gap)
        cells.append(signature_block(slot, each, w=w))
        widths.append(each)
    table = Table([cells], colWidths=widths)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


# ---------------------------------------------------------------------- pages


Decorate = Callable[[Canvas, DocumentInfo, int, int], None]


def standard_page(canvas: Canvas, info: DocumentInfo, page: int, pages: int) -> None:
    """Header: title, reference, QR code and document number; footer: page X of Y."""
    width, height = canvas._pagesize
    left, right = 18 * mm, width - 18 * mm
    qr = 22 * mm
    top = height - 8 * mm
    w = info.words
    page_of = w.inline("Page {page} of {pages}", page=page, pages=pages)
    canvas.saveState()
    draw_qr(canvas, info.qr_payload, right - qr + 2.2 * mm, top - qr, qr)
    canvas.setFillColor(INK)
    title = "  ".join(t.upper() for t in w.each(info.title))
    fonts.draw(canvas, left, top - 7 * mm, title, 9, fonts.SANS_BOLD)
    room = right - qr - 2 * mm - fonts.width(page_of, 7.5) - 4 * mm - left
    fonts.draw(
        canvas,
        left,
        top - 12 * mm,
        info.heading,
        fonts.fit(info.heading, 11, room, fonts.SANS_BOLD),
        fonts.SANS_BOLD,
    )
    canvas.setFillColor(MUTED)
    fonts.draw(
        canvas, left, top - 16.5 * mm, w.inline("Document {number}", number=info.number), 7.5
    )
    fonts.draw(canvas, right - qr - 2 * mm, top - 7 * mm, info.number, 7.5, align="right")
    fonts.draw(canvas, right - qr - 2 * mm, top - 11 * mm, page_of, 7.5, align="right")
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(left, top - qr - 1.5 * mm, right, top - qr - 1.5 * mm)
    # footer
    canvas.line(left, 14 * mm, right, 14 * mm)
    document = w.inline("document {number}", number=info.number)
    fonts.draw(canvas, left, 10 * mm, f"{info.heading} · {document}", 7)
    fonts.draw(canvas, right, 10 * mm, page_of, 7, align="right")
    # two lines of 5.6 pt, each a left and a right part that fit A4's width side by side
    # two lines, each a left part and a right part; in two languages the left part gives way
    content = f"{w.inline('Content SHA-256')} {info.content_hash}"
    check = f"{w.inline('Check a file with')}: lunar-custody verify-pdf FILE"
    head = head_line(info.heads, w)
    signed = w.inline("Signed by the institution key (PAdES)")
    for y, left_part, right_part in ((7 * mm, content, check), (4.6 * mm, head, signed)):
        fonts.draw(canvas, right, y, right_part, 5.6, align="right")
        room = right - left - fonts.width(right_part, 5.6) - 3 * mm
        fonts.draw(canvas, left, y, left_part, fonts.fit(left_part, 5.6, room, smallest=4))
    canvas.restoreState()


def head_line(heads: ChainHeads, w: Words = ENGLISH_WORDS) -> str:
    """The ledger's head when the document was written, as its QR code carries it."""
    return (
        f"{w.inline('Ledger head')}: {w.inline('event')} #{heads.ledger_seq}, "
        f"SHA-256 {heads.ledger_hash}"
    )


def _canvas_class(info: DocumentInfo, decorate: Decorate, pages: list[int]) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Keeps each page until the end, then decorates it knowing the page count."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pending: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pending.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pending)
            pages.append(total)
            for state in self._pending:
                self.__dict__.update(state)
                decorate(self, info, self._pageNumber, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def render(
    info: DocumentInfo,
    story: list[Flowable],
    *,
    pagesize: tuple[float, float],
    margins: tuple[float, float, float, float] = (36 * mm, 18 * mm, 20 * mm, 18 * mm),
    decorate: Decorate = standard_page,
) -> tuple[bytes, int]:
    """Lay ``story`` out on pages: the PDF's bytes and its page count (margins: top, right,
    bottom, left). The metadata names the document so a changed copy can still say what it claims
    to be (verify.py)."""
    fonts.register()
    buffer = io.BytesIO()
    top, right, bottom, left = margins
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        topMargin=top,
        rightMargin=right,
        bottomMargin=bottom,
        leftMargin=left,
        title=f"{info.title}: {info.reference}",
        author="Lunar Custody",
        subject=f"Lunar Custody document {info.number}",
        keywords=info.keywords,
        creator=f"Lunar Custody {__version__}",
        lang=info.words.pdf_language,
        # every page starts in the embedded font, not reportlab's Helvetica (never embedded)
        initialFontName=fonts.SANS,
    )
    frame = Frame(
        left,
        bottom,
        pagesize[0] - left - right,
        pagesize[1] - top - bottom,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    pages: list[int] = []
    doc.build(story, canvasmaker=_canvas_class(info, decorate, pages))
    return buffer.getvalue(), pages[-1]
