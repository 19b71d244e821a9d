"""The custody pictures on paper: an aliquot's custody timeline and mass flow drawn with
reportlab's graphics, from the same domain values (queries.pictures) and the same geometry
(picture_geometry.py) the samples view paints with Qt.

Every string is set in the embedded fonts (DejaVu Sans, and Droid Sans Fallback for Chinese
and Japanese), so the printed masses can be searched and copied like the form's text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Path, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether

from ..domain.masses import format_mass
from ..domain.queries import CustodyTimeline, MassFlow
from . import picture_geometry as geo
from .fonts import SANS, SANS_BOLD, runs, width
from .layout import para
from .wording import Words

# Smaller than the screen's: a landscape A4 page holds six steps of a timeline side by side.
PAPER_TIMELINE = geo.TimelineMetrics(
    margin=4,
    label_width=118,
    step_width=100,
    header_height=26,
    lane_height=46,
    bar_height=7,
    font_size=7.5,
    small_size=6.5,
)
PAPER_FLOW = geo.FlowMetrics(
    margin=4,
    total_width=110,
    part_width=180,
    outcome_width=250,
    gap=60,
    node_gap=5,
    min_node=22,
    min_height=170,
    font_size=7.5,
    small_size=6.5,
)


def _colour(hex_colour: str, alpha: float = 1.0) -> colors.Color:
    base = colors.HexColor(hex_colour)
    return colors.Color(base.red, base.green, base.blue, alpha=alpha)


def _fit(text: str, size: float, room: float, face: str) -> str:
    """``text`` shortened with '…' until it fits ``room`` points."""
    if width(text, size, face) <= room:
        return text
    while text and width(text + "…", size, face) > room:
        text = text[:-1]
    return text.rstrip() + "…"


# Where a line may break: after a word and its spaces, or between two Chinese characters.
_BREAKABLE = re.compile(
    r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*|\s+"
)


def _wrap(text: str, size: float, room: float, face: str, lines: int) -> list[str]:
    """At most ``lines`` lines of ``text`` within ``room`` points, the last one shortened;
    English breaks between words, Chinese between characters."""
    out: list[str] = []
    line = ""
    pieces = _BREAKABLE.findall(text.strip())
    while pieces:
        piece = pieces.pop(0)
        if line and width((line + piece).rstrip(), size, face) > room:
            out.append(line.rstrip())
            if len(out) == lines:
                out[-1] = _fit(out[-1] + " " + piece + "".join(pieces), size, room, face)
                return out
            line = piece.lstrip()
        else:
            line += piece
    if line.strip():
        out.append(line.rstrip())
    return [_fit(line, size, room, face) for line in out]


def seal_text(seal: str, intact: bool | None, w: Words) -> list[str]:
    """A handoff's seal and whether it was found intact, a line per language ([] when none
    is named)."""
    if not seal:
        return []
    template = {True: "seal {seal} intact", False: "seal {seal} BROKEN", None: "seal {seal}"}
    return w.each(template[intact], seal=seal)


def signature_text(signatures: tuple[str, ...], w: Words) -> list[str]:
    """A handoff's marks (✓ for each signature), a line per language."""
    if not signatures:
        return w.each("not signed")
    if len(signatures) == 1:
        return w.each("✓ signed")
    return w.each("{marks} both signed", marks="✓" * len(signatures))


class _Canvas:
    """Draws in the pictures' coordinates (y down) on a reportlab group (y up)."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.group = Group()

    def y(self, value: float) -> float:
        return self.height - value

    def text(
        self,
        x: float,
        baseline: float,
        text: str,
        *,
        size: float,
        colour: str = geo.TEXT_COLOUR,
        bold: bool = False,
        anchor: str = "start",
    ) -> None:
        """One line at ``baseline`` (y down), each run in a font that has its characters."""
        face = SANS_BOLD if bold else SANS
        pieces = runs(text, face)
        total = sum(width(run, size, font) for run, font in pieces)
        left = {"start": x, "middle": x - total / 2, "end": x - total}[anchor]
        for run, font in pieces:
            self.group.add(
                String(left, self.y(baseline), run, fontName=font, fontSize=size,
                       fillColor=_colour(colour))
            )  # fmt: skip
            left += width(run, size, font)

    def rect(
        self, x: float, top: float, w: float, h: float, fill: colors.Color, r: float = 0
    ) -> None:
        self.group.add(Rect(x, self.y(top + h), w, h, rx=r, ry=r, fillColor=fill, strokeColor=None))


def _drawing(canvas: _Canvas, width_: float) -> Drawing:
    # the drawing's starting font too, or reportlab names Helvetica, which is not embedded
    drawing = Drawing(width_, canvas.height, initialFontName=SANS, initialFontSize=7)
    drawing.add(canvas.group)
    return drawing


# ---------------------------------------------------------------------- timeline


def timeline_drawings(
    timeline: CustodyTimeline, room: float, w: Words | None = None
) -> list[Drawing]:
    """The timeline in ``room`` points of width: as many drawings as it needs, each with
    every lane and as many steps as fit; its words in ``w``'s languages."""
    w = w or Words()
    m = PAPER_TIMELINE
    if w.both:  # room for what happened, seals and signatures in two languages
        line = m.small_size + 2
        m = replace(
            m, header_height=m.header_height + line + 1, lane_height=m.lane_height + 2 * line
        )
    per_drawing = max(1, int((room - 2 * m.margin - m.label_width) // m.step_width))
    drawings = []
    for first in range(0, max(len(timeline.steps), 1), per_drawing):
        layout = geo.timeline_layout(timeline, m, first, per_drawing)
        drawings.append(_timeline_drawing(timeline, layout, first, w))
    return drawings


def _timeline_drawing(
    timeline: CustodyTimeline, layout: geo.TimelineLayout, first: int, w: Words
) -> Drawing:
    m = layout.metrics
    c = _Canvas(layout.height)
    inner = layout.width - 2 * m.margin
    lines_above = 3 if w.both else 2
    if w.both:  # "Custody / 保管" over the number: the two word orders differ
        what = w.inline("Custody, continued" if first else "Custody")
        heading_lines = [_fit(what, m.font_size, m.label_width - 6, SANS_BOLD)]
        heading_lines.append(timeline.aliquot_number)
    else:
        heading = w.each(
            "Custody, continued {aliquot}" if first else "Custody of {aliquot}",
            aliquot=timeline.aliquot_number,
        )[0]
        heading_lines = _wrap(heading, m.font_size, m.label_width - 6, SANS_BOLD, 2)
    for n, line in enumerate(heading_lines):
        c.text(m.margin + 3, m.margin + m.font_size + 2 + n * (m.font_size + 2), line,
               size=m.font_size, bold=True)  # fmt: skip
    for j, lane in enumerate(timeline.lanes):
        top = layout.lane_tops[j]
        if j % 2 == 0:
            c.rect(m.margin, top, inner, m.lane_height, _colour(geo.LANE_SHADE))
        colour = geo.COURIER_COLOUR if lane.courier else geo.INSTITUTION_COLOUR
        c.text(m.margin + 3, top + 3 + m.small_size,
               w.inline("courier" if lane.courier else "custodian"),
               size=m.small_size, colour=colour)  # fmt: skip
        name = lane.name if lane.key else w.term(lane.name)  # "unknown holder"
        lines = _wrap(name, m.font_size, m.label_width - 8, SANS_BOLD, 3)
        for n, line in enumerate(lines):
            c.text(m.margin + 3, top + 5 + m.small_size + (n + 1) * (m.font_size + 1.5), line,
                   size=m.font_size, bold=True)  # fmt: skip
    for bar in layout.bars:
        lane = timeline.lanes[bar.lane]
        colour = geo.COURIER_COLOUR if lane.courier else geo.INSTITUTION_COLOUR
        y = layout.lane_centres[bar.lane] - m.bar_height / 2
        c.rect(bar.x0, y, bar.x1 - bar.x0, m.bar_height, _colour(colour, 0.67), r=2.5)
    steps = timeline.steps[first : first + len(layout.step_xs)]
    half = m.step_width / 2 - 3
    for x, step in zip(layout.step_xs, steps, strict=True):
        c.text(x, m.margin + m.small_size, geo.day_of(step.occurred_at), size=m.small_size,
               colour=geo.MUTED_COLOUR, anchor="middle")  # fmt: skip
        label = w.term(step.label)
        for n, line in enumerate(_wrap(label, m.small_size, 2 * half, SANS, lines_above)):
            c.text(x, m.margin + 2 * m.small_size + 3 + n * (m.small_size + 1.5), line,
                   size=m.small_size, anchor="middle")  # fmt: skip
        y_to = layout.lane_centres[step.to_lane]
        lane = timeline.lanes[step.to_lane]
        colour = geo.COURIER_COLOUR if lane.courier else geo.INSTITUTION_COLOUR
        radius = 4.0
        if step.from_lane is not None and step.from_lane != step.to_lane:
            y_from = layout.lane_centres[step.from_lane]
            direction = 1 if y_to > y_from else -1
            tip = y_to - direction * (radius + 0.8)
            c.group.add(
                Line(x, c.y(y_from + direction * radius), x, c.y(tip),
                     strokeColor=_colour(geo.TEXT_COLOUR), strokeWidth=1.3)
            )  # fmt: skip
            back = tip - direction * 6
            c.group.add(
                Polygon([x, c.y(tip), x - 3.3, c.y(back), x + 3.3, c.y(back)],
                        fillColor=_colour(geo.TEXT_COLOUR), strokeColor=None)
            )  # fmt: skip
            if step.handoff:
                # next to where it leaves from, not on a lane it passes over
                middle = y_from + direction * m.lane_height / 2
                room = m.step_width - 12
                seals = seal_text(step.seal, step.seal_intact, w)
                marks = signature_text(step.signatures, w)
                leading = m.small_size + 2
                # the seal above the lanes' border, the signatures below it
                for n, text in enumerate(seals):
                    c.text(x - 4, middle - 1.5 - (len(seals) - 1 - n) * leading,
                           _fit(text, m.small_size, room, SANS), size=m.small_size,
                           colour=geo.SEAL_COLOUR, anchor="end")  # fmt: skip
                signed = geo.SIGNED_COLOUR if step.signatures else geo.UNSIGNED_COLOUR
                for n, text in enumerate(marks):
                    c.text(x - 4, middle + m.small_size + 0.5 + n * leading,
                           _fit(text, m.small_size, room, SANS), size=m.small_size,
                           colour=signed, bold=bool(step.signatures), anchor="end")  # fmt: skip
        c.group.add(
            Circle(x, c.y(y_to), radius, fillColor=colors.white, strokeColor=_colour(colour),
                   strokeWidth=1.6)
        )  # fmt: skip
        # beside the marker, clear of an arrow that arrives from below
        c.text(x + radius + 3, y_to + m.bar_height / 2 + m.small_size + 2, step.mass_label,
               size=m.small_size, bold=True)  # fmt: skip
    return _drawing(c, layout.width)


# ---------------------------------------------------------------------- mass flow


def flow_drawing(flow: MassFlow, w: Words | None = None) -> Drawing:
    """The mass flow, its words in ``w``'s languages (record numbers and masses as they are)."""
    w = w or Words()
    layout = geo.flow_layout(flow, PAPER_FLOW)
    m = layout.metrics
    c = _Canvas(layout.height)
    for ribbon in layout.ribbons:
        middle = (ribbon.x0 + ribbon.x1) / 2
        path = Path(fillColor=_colour(ribbon.colour, 0.32), strokeColor=None)
        path.moveTo(ribbon.x0, c.y(ribbon.top0))
        path.curveTo(
            middle, c.y(ribbon.top0), middle, c.y(ribbon.top1), ribbon.x1, c.y(ribbon.top1)
        )
        path.lineTo(ribbon.x1, c.y(ribbon.bottom1))
        path.curveTo(
            middle, c.y(ribbon.bottom1), middle, c.y(ribbon.bottom0), ribbon.x0, c.y(ribbon.bottom0)
        )
        path.closePath()
        c.group.add(path)
    total = layout.total
    c.rect(total.x, total.y, total.w, total.h, _colour(geo.TOTAL_COLOUR))
    lines = [  # the subject and what the total is, in each language
        line
        for subject, total_name in zip(
            w.terms(flow.subject), w.terms(flow.total_name), strict=False
        )
        for line in [*_wrap(subject, m.font_size, total.w - 8, SANS_BOLD, 2), total_name]
    ]
    for n, line in enumerate(lines):
        c.text(total.x + total.w / 2, total.y + 4 + (n + 1) * (m.font_size + 2), line,
               size=m.font_size, colour="#ffffff", bold=True, anchor="middle")  # fmt: skip
    c.text(total.x + total.w / 2, total.y + total.h / 2 + m.font_size / 2,
           format_mass(flow.total_ug), size=m.font_size + 1, colour="#ffffff", bold=True,
           anchor="middle")  # fmt: skip
    for band, box in zip(flow.parts, layout.parts, strict=True):
        _band(c, m, box, w.terms(band.name), band.mass_label, geo.PART_COLOUR)
    for band, box in zip(flow.outcomes, layout.outcomes, strict=True):
        _band(c, m, box, w.terms(band.name), band.mass_label, geo.outcome_colour(band.key))
    return _drawing(c, layout.width)


def _band(
    c: _Canvas, m: geo.FlowMetrics, box: geo.Box, names: list[str], mass: str, colour: str
) -> None:
    """A band: its name (a line per language where the band is tall enough, else one line
    "English / 中文") over its mass."""
    c.rect(box.x, box.y, box.w, box.h, _colour(colour, 0.18))
    c.rect(box.x, box.y, 3.5, box.h, _colour(colour))
    line = m.font_size + 2
    if len(names) > 1 and box.h < (len(names) + 1) * line + 2:
        names = [" / ".join(names)]
    top = box.y + (box.h - (len(names) + 1) * line) / 2
    for n, name in enumerate(names):
        c.text(box.x + 7, top + m.font_size + n * line, _fit(name, m.font_size, box.w - 10, SANS),
               size=m.font_size)  # fmt: skip
    c.text(box.x + 7, top + len(names) * line + m.font_size, mass, size=m.font_size, bold=True)


# ---------------------------------------------------------------------- on the form


def picture_story(
    timeline: CustodyTimeline | None,
    flow: MassFlow | None,
    room: float,
    w: Words | None = None,
) -> list[Flowable]:
    """The pictures with their headings (in the form's languages), each kept on one page.

    The drawings speak the form's languages too; the domain's words in the picture values
    (event kinds, "held by …") are translated where the documents' catalogue knows them."""
    w = w or Words()
    out: list[Flowable] = []
    if timeline is not None and timeline.steps:
        drawings = timeline_drawings(timeline, room, w)
        out.append(KeepTogether([para(w.stacked("Custody timeline"), "h2"), drawings[0]]))
        out += drawings[1:]
    if flow is not None and flow.total_ug:
        heading = w.stacked("Mass flow of {subject}", subject=flow.subject)
        out.append(KeepTogether([para(heading, "h2"), flow_drawing(flow, w)]))
    return out
