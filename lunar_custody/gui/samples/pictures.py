"""Pictures of custody in the samples view, painted with QPainter: an aliquot's custody
timeline (one lane per holder, handoffs as arrows with their seal and signature marks, the
mass after each step) and a mass flow (a sample's or an aliquot's mass into its parts and on
to where it is now, each band labelled to the microgram).

The domain answers what they show (queries.custody_timeline, queries.sample_mass_flow,
queries.aliquot_mass_flow) and documents/picture_geometry.py where each part goes, the same
geometry the custody form's drawings use. Each picture paints on any QPaintDevice: the
widget on screen, a QImage for a PNG, a QSvgGenerator for an SVG.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...documents import picture_geometry as geo
from ...domain import queries
from ...domain.errors import CustodyError
from ...domain.queries import CustodyTimeline, MassFlow, TimelineStep
from ...domain.store import Store
from ...whole_files import write_whole
from .. import errors
from ..errors import error_text
from ..locale_format import date_text, mass_text
from ..tablemodel import local_time
from ..translation import Translator, translated
from ..vocabulary import word
from .lineage import ALIQUOT

_samples_pictures = Translator("_samples_pictures")

FONT_FAMILY = "DejaVu Sans"
Painter = Callable[[QPainter], None]

# The words the domain writes into a picture (queries/pictures.py), as the window says them:
# who signed a handoff, and where a mass flow's bands went (by the band's key).
SIGNATURE_ROLES = (
    _samples_pictures.noop("Relinquished by"),
    _samples_pictures.noop("Received by"),
)
OUTCOME_NAMES = {
    "consumed": _samples_pictures.noop("consumed", "mass flow"),
    "lost": _samples_pictures.noop("lost", "mass flow"),
    "returned": _samples_pictures.noop("returned", "mass flow"),
    "in_transit": _samples_pictures.noop("in transit", "mass flow"),
    "elsewhere": _samples_pictures.noop("in aliquots recorded elsewhere"),
    "unsplit": _samples_pictures.noop("not split into aliquots"),
    "part:unsplit": _samples_pictures.noop("not split into aliquots"),
    "part:elsewhere": _samples_pictures.noop("children recorded elsewhere"),
}
TIMELINE_TITLE = _samples_pictures.noop("Custody timeline")
FLOW_TITLE = _samples_pictures.noop("Mass flow")
TOTAL_NAMES = {
    "original mass": _samples_pictures.noop("original mass"),
    "initial mass": _samples_pictures.noop("initial mass"),
}


def _font(size: float, *, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(round(size))
    font.setBold(bold)
    return font


def _colour(hex_colour: str, alpha: int = 255) -> QColor:
    colour = QColor(hex_colour)
    colour.setAlpha(alpha)
    return colour


def _text(
    painter: QPainter,
    rect: QRectF,
    text: str,
    *,
    size: float,
    colour: str = geo.TEXT_COLOUR,
    bold: bool = False,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    wrap: bool = False,
) -> None:
    """``text`` in ``rect``; one line is shortened with '…' to fit, never cut off."""
    font = _font(size, bold=bold)
    painter.setFont(font)
    painter.setPen(_colour(colour))
    flags = int(align)
    if wrap:
        flags |= int(Qt.TextFlag.TextWordWrap)
    else:
        text = painter.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideRight, int(rect.width())
        )
    painter.drawText(rect, flags, text)


def seal_text(seal: str, intact: bool | None) -> str:
    """A handoff's seal and whether it was found intact ('' when none is named)."""
    if not seal:
        return ""
    if intact is None:
        return _samples_pictures.tr("seal {seal}").format(seal=seal)
    if intact:
        return _samples_pictures.tr("seal {seal} intact").format(seal=seal)
    return _samples_pictures.tr("seal {seal} BROKEN").format(seal=seal)


def signature_text(signatures: tuple[str, ...]) -> str:
    """A handoff's marks: ✓ for each signature."""
    if not signatures:
        return _samples_pictures.tr("not signed")
    if len(signatures) == 1:
        return _samples_pictures.tr("✓ signed")
    return _samples_pictures.tr("{marks} both signed").format(marks="✓" * len(signatures))


def signature_line(signature: str) -> str:
    """'Relinquished by Zhang Wei' with its role in the window's language."""
    for role in SIGNATURE_ROLES:
        if signature.startswith(f"{role} "):
            name = signature.removeprefix(f"{role} ")
            return _samples_pictures.tr("{role} {name}").format(role=translated(role), name=name)
    return signature


def lane_name(lane: queries.Lane) -> str:
    return _samples_pictures.tr("unknown holder") if not lane.key else lane.name


def band_name(band: queries.FlowBand) -> str:
    """A mass flow band's name: a number stays, the domain's words are translated."""
    if band.key in OUTCOME_NAMES:
        return translated(OUTCOME_NAMES[band.key])
    if band.key.startswith("held:"):
        holder = band.name.removeprefix("held by ")
        return _samples_pictures.tr("held by {holder}").format(holder=holder)
    if band.key == "part:more":
        count = int(band.name.split()[0].replace(",", ""))
        return _samples_pictures.tr("%n more part(s)", "", count)
    number = band.key.removeprefix("part:")
    if band.name == f"kept in {number}":
        return _samples_pictures.tr("kept in {number}").format(number=number)
    return band.name


def flow_subject(kind: str, number: str) -> str:
    if kind == ALIQUOT:
        return _samples_pictures.tr("aliquot {number}").format(number=number)
    return _samples_pictures.tr("sample {number}").format(number=number)


# ---------------------------------------------------------------------- timeline


def paint_timeline(
    painter: QPainter, timeline: CustodyTimeline, layout: geo.TimelineLayout
) -> None:
    m = layout.metrics
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(0, 0, layout.width, layout.height), QColor("white"))
    inner = layout.width - 2 * m.margin
    _text(
        painter,
        QRectF(m.margin + 4, m.margin, m.label_width - 8, m.header_height),
        _samples_pictures.tr("Custody of {number}").format(number=timeline.aliquot_number),
        size=m.font_size,
        bold=True,
        wrap=True,
    )
    for j, lane in enumerate(timeline.lanes):
        top = layout.lane_tops[j]
        if j % 2 == 0:
            painter.fillRect(QRectF(m.margin, top, inner, m.lane_height), QColor(geo.LANE_SHADE))
        kind = (
            _samples_pictures.tr("courier", "lane")
            if lane.courier
            else _samples_pictures.tr("custodian", "lane")
        )
        colour = geo.COURIER_COLOUR if lane.courier else geo.INSTITUTION_COLOUR
        _text(painter, QRectF(m.margin + 4, top + 4, m.label_width - 8, m.small_size + 4), kind,
              size=m.small_size, colour=colour)  # fmt: skip
        _text(
            painter,
            QRectF(
                m.margin + 4,
                top + m.small_size + 8,
                m.label_width - 8,
                m.lane_height - m.small_size - 12,
            ),
            lane_name(lane),
            size=m.font_size,
            bold=True,
            align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            wrap=True,
        )
    for bar in layout.bars:
        lane = timeline.lanes[bar.lane]
        colour = geo.COURIER_COLOUR if lane.courier else geo.INSTITUTION_COLOUR
        y = layout.lane_centres[bar.lane] - m.bar_height / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_colour(colour, 170))
        painter.drawRoundedRect(QRectF(bar.x0, y, bar.x1 - bar.x0, m.bar_height), 4, 4)
    steps = timeline.steps[: len(layout.step_xs)]
    for x, step in zip(layout.step_xs, steps, strict=True):
        _timeline_step(painter, timeline, layout, x, step)


def _timeline_step(
    painter: QPainter,
    timeline: CustodyTimeline,
    layout: geo.TimelineLayout,
    x: float,
    step: TimelineStep,
) -> None:
    m = layout.metrics
    half = m.step_width / 2 - 4
    day = QRectF(x - half, m.margin, 2 * half, m.small_size + 4)
    _text(painter, day, date_text(step.occurred_at.astimezone().date()), size=m.small_size,
          colour=geo.MUTED_COLOUR, align=Qt.AlignmentFlag.AlignCenter)  # fmt: skip
    _text(
        painter,
        QRectF(x - half, m.margin + m.small_size + 4, 2 * half, m.header_height - m.small_size - 4),
        word("event", step.label),
        size=m.small_size,
        align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
        wrap=True,
    )
    y_to = layout.lane_centres[step.to_lane]
    lane = timeline.lanes[step.to_lane]
    colour = geo.COURIER_COLOUR if lane.courier else geo.INSTITUTION_COLOUR
    radius = 6.0
    if step.from_lane is not None and step.from_lane != step.to_lane:
        y_from = layout.lane_centres[step.from_lane]
        direction = 1 if y_to > y_from else -1
        tip = y_to - direction * (radius + 1)
        painter.setPen(QPen(QColor(geo.TEXT_COLOUR), 2))
        painter.drawLine(QPointF(x, y_from + direction * radius), QPointF(x, tip))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(geo.TEXT_COLOUR))
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(x, tip),
                    QPointF(x - 5, tip - direction * 9),
                    QPointF(x + 5, tip - direction * 9),
                ]
            )
        )
        if step.handoff:
            # next to where it leaves from, not on a lane it passes over
            middle = y_from + direction * m.lane_height / 2
            line = m.small_size + 3
            block = QRectF(x - m.step_width + 12, middle - line, m.step_width - 18, line)
            seal = seal_text(step.seal, step.seal_intact)
            _text(painter, block, seal, size=m.small_size, colour=geo.SEAL_COLOUR,
                  align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # fmt: skip
            signed = geo.SIGNED_COLOUR if step.signatures else geo.UNSIGNED_COLOUR
            _text(painter, block.translated(0, line), signature_text(step.signatures),
                  size=m.small_size, colour=signed, bold=bool(step.signatures),
                  align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # fmt: skip
    painter.setPen(QPen(QColor(colour), 2.5))
    painter.setBrush(QColor("white"))
    painter.drawEllipse(QPointF(x, y_to), radius, radius)
    _text(
        painter,
        # beside the marker, clear of an arrow that arrives from below
        QRectF(x + radius + 4, y_to + m.bar_height / 2 + 2, m.step_width / 2, m.small_size + 5),
        mass_text(step.mass_ug),
        size=m.small_size,
        bold=True,
    )


def timeline_tips(
    timeline: CustodyTimeline, layout: geo.TimelineLayout
) -> list[tuple[QRectF, str]]:
    """Each step's column, from its header to its lanes, says the step in full: when, who
    signed, the seal, the mass after it."""
    m = layout.metrics
    tips = []
    for x, step in zip(layout.step_xs, timeline.steps, strict=True):
        lanes = [step.to_lane] if step.from_lane is None else [step.from_lane, step.to_lane]
        bottom = max(layout.lane_tops[j] for j in lanes) + m.lane_height
        seal = seal_text(step.seal, step.seal_intact)
        lines = [
            _samples_pictures.tr("#{event} {kind}, {when}").format(
                event=step.event_id,
                kind=word("event", step.label),
                when=local_time(step.occurred_at),
            ),
            _samples_pictures.tr("Held by {holder} after it").format(
                holder=lane_name(timeline.lanes[step.to_lane])
            ),
            *(signature_line(signature) for signature in step.signatures),
            seal[:1].upper() + seal[1:],
            _samples_pictures.tr("Mass after it: {mass}").format(mass=mass_text(step.mass_ug)),
        ]
        if step.transfer_number:
            lines.insert(
                1, _samples_pictures.tr("Transfer {number}").format(number=step.transfer_number)
            )
        rect = QRectF(x - m.step_width / 2, m.margin, m.step_width, bottom - m.margin)
        tips.append((rect, "\n".join(line for line in lines if line)))
    return tips


# ---------------------------------------------------------------------- mass flow


def paint_flow(
    painter: QPainter, flow: MassFlow, layout: geo.FlowLayout, subject: str | None = None
) -> None:
    """``subject``: the flow's subject as the window says it (default: the domain's)."""
    m = layout.metrics
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(0, 0, layout.width, layout.height), QColor("white"))
    painter.setPen(Qt.PenStyle.NoPen)
    for ribbon in layout.ribbons:
        middle = (ribbon.x0 + ribbon.x1) / 2
        path = QPainterPath(QPointF(ribbon.x0, ribbon.top0))
        path.cubicTo(middle, ribbon.top0, middle, ribbon.top1, ribbon.x1, ribbon.top1)
        path.lineTo(ribbon.x1, ribbon.bottom1)
        path.cubicTo(middle, ribbon.bottom1, middle, ribbon.bottom0, ribbon.x0, ribbon.bottom0)
        path.closeSubpath()
        painter.fillPath(path, _colour(ribbon.colour, 80))
    total = layout.total
    total_name = translated(TOTAL_NAMES.get(flow.total_name, flow.total_name))
    painter.fillRect(QRectF(total.x, total.y, total.w, total.h), QColor(geo.TOTAL_COLOUR))
    _text(
        painter,
        QRectF(total.x + 6, total.y + 6, total.w - 12, total.h - 12),
        f"{subject or flow.subject}\n{total_name}",
        size=m.font_size,
        colour="#ffffff",
        bold=True,
        align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
        wrap=True,
    )
    _text(
        painter,
        QRectF(total.x + 4, total.y + total.h / 2 - 10, total.w - 8, 20),
        mass_text(flow.total_ug),
        size=m.font_size + 1,
        colour="#ffffff",
        bold=True,
        align=Qt.AlignmentFlag.AlignCenter,
    )
    for band, box in zip(flow.parts, layout.parts, strict=True):
        _band(painter, m, box, band_name(band), mass_text(band.mass_ug), geo.PART_COLOUR)
    for band, box in zip(flow.outcomes, layout.outcomes, strict=True):
        colour = geo.outcome_colour(band.key)
        _band(painter, m, box, band_name(band), mass_text(band.mass_ug), colour)


def _band(
    painter: QPainter, m: geo.FlowMetrics, box: geo.Box, name: str, mass: str, colour: str
) -> None:
    rect = QRectF(box.x, box.y, box.w, box.h)
    painter.fillRect(rect, _colour(colour, 45))
    painter.fillRect(QRectF(box.x, box.y, 5, box.h), QColor(colour))
    line = m.font_size + 3
    top = box.y + (box.h - 2 * line) / 2
    _text(painter, QRectF(box.x + 10, top, box.w - 14, line), name, size=m.font_size)
    _text(painter, QRectF(box.x + 10, top + line, box.w - 14, line), mass, size=m.font_size,
          bold=True)  # fmt: skip


# ---------------------------------------------------------------------- widgets


class Picture(QWidget):
    """One picture at its natural size (the panel scrolls it); ``paint`` draws it anywhere."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._paint: Painter | None = None
        self._size = QSize(0, 0)
        self.tips: list[tuple[QRectF, str]] = []  # what a place says when the mouse rests on it

    def show_painter(
        self,
        paint: Painter | None,
        width: float = 0,
        height: float = 0,
        tips: list[tuple[QRectF, str]] | None = None,
    ) -> None:
        self._paint = paint
        self._size = QSize(int(width + 0.5), int(height + 0.5))
        self.tips = tips or []
        self.setFixedSize(self._size)
        self.update()

    def tip_at(self, point: QPointF) -> str:
        return next((text for rect, text in self.tips if rect.contains(point)), "")

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tip_at(QPointF(event.pos()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    @property
    def empty(self) -> bool:
        return self._paint is None

    def picture_size(self) -> QSize:
        return QSize(self._size)

    def paint(self, painter: QPainter) -> None:
        if self._paint is not None:
            self._paint(painter)

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        try:
            self.paint(painter)
        finally:
            painter.end()

    def image(self, scale: float = 2.0) -> QImage:
        """The picture as an image, ``scale`` pixels a point (sharp on paper and on a HiDPI
        screen)."""
        size = self._size * scale
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            painter.scale(scale, scale)
            self.paint(painter)
        finally:
            painter.end()
        return image

    def png_bytes(self) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.image().save(buffer, "PNG")  # type: ignore[call-overload]
        buffer.close()
        return bytes(data.data())

    def svg_bytes(self, title: str) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(self._size)
        generator.setViewBox(QRectF(0, 0, self._size.width(), self._size.height()))
        generator.setTitle(title)
        generator.setDescription("Lunar Custody")
        painter = QPainter(generator)
        try:
            self.paint(painter)
        finally:
            painter.end()
        buffer.close()
        return bytes(data.data())


class PicturePanel(QWidget):
    """A picture with its title and an Export… button (PNG or SVG, by the file's name)."""

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Panel")
        self.title = title
        self.picture = Picture(name)
        self.caption = QLabel()
        self.caption.setObjectName(f"{name}Caption")
        self.export_button = QPushButton(_samples_pictures.tr("Export…"))
        self.export_button.setObjectName(f"{name}Export")
        self.export_button.setToolTip(
            _samples_pictures.tr("Save this picture as a PNG image or an SVG drawing")
        )
        self.export_button.clicked.connect(self.ask_and_export)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.caption, 1)
        bar.addWidget(self.export_button)
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.picture)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroller, 1)
        self.subject = ""
        self.file_subject = ""
        self.clear("")

    def clear(self, message: str) -> None:
        self.subject = ""
        self.file_subject = ""
        self.caption.setText(message)
        self.picture.show_painter(None)
        self.export_button.setEnabled(False)

    def show_picture(
        self,
        subject: str,
        paint: Painter,
        width: float,
        height: float,
        tips: list[tuple[QRectF, str]] | None = None,
        file_subject: str = "",
    ) -> None:
        """``subject`` as the window says it; ``file_subject`` as a file name says it."""
        self.subject = subject
        self.file_subject = file_subject or subject
        self.caption.setText(self.heading())
        self.picture.show_painter(paint, width, height, tips)
        self.export_button.setEnabled(True)

    def heading(self) -> str:
        """'Custody timeline of aliquot CE5C0400YJFM00101', in the window's language."""
        return _samples_pictures.tr("{picture} of {subject}").format(
            picture=translated(self.title), subject=self.subject
        )

    def ask_export_path(self) -> str:
        """Where to save the picture ('' if cancelled); tests replace this."""
        # the file's name stays in English (the title's source text): any system reads it
        stem = f"{self.title} {self.file_subject}".lower().replace(" ", "-")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            _samples_pictures.tr("Export the picture: {picture}").format(
                picture=translated(self.title)
            ),
            f"{stem}.png",
            _samples_pictures.tr("PNG image (*.png);;SVG drawing (*.svg)"),
        )
        if path and not Path(path).suffix:
            path += ".svg" if "svg" in chosen.lower() else ".png"
        return path

    def ask_and_export(self) -> None:
        path = self.ask_export_path()
        if path:
            try:
                self.export(Path(path))
            except (CustodyError, OSError) as error:
                errors.show_error(self, error)

    def export(self, path: Path) -> Path:
        """Write the picture to ``path``: SVG for a .svg name, else PNG; whole or not at all."""
        if self.picture.empty:
            raise CustodyError(
                _samples_pictures.tr(
                    "There is no picture to export: select a sample or an aliquot."
                )
            )
        if path.suffix.lower() == ".svg":
            data = self.picture.svg_bytes(self.heading())
        else:
            data = self.picture.png_bytes()
        return write_whole(path, data)


class CustodyPictures:
    """The chain-of-custody table and, in tabs beside it, the selected record's custody
    timeline and mass flow. A picture is read from the domain only when its tab shows."""

    def __init__(self, store: Store, events: QWidget) -> None:
        self.store = store
        self.timeline = PicturePanel("custodyTimeline", TIMELINE_TITLE)
        self.flow = PicturePanel("massFlow", FLOW_TITLE)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("custodyTabs")
        self.tabs.addTab(events, _samples_pictures.tr("Chain of custody"))
        self.tabs.addTab(self.timeline, translated(TIMELINE_TITLE))
        self.tabs.addTab(self.flow, translated(FLOW_TITLE))
        self.tabs.currentChanged.connect(lambda _=0: self.draw_shown())
        self.shown_timeline: CustodyTimeline | None = None
        self.shown_flow: MassFlow | None = None
        self._subject: tuple[str, str] | None = None
        self._drawn: set[PicturePanel] = set()
        self.select(None, None)

    def select(self, kind: str | None, number: str | None) -> None:
        """The record the pictures are of (ALIQUOT or SAMPLE and its number, or nothing);
        read again now if a picture shows, else when its tab is opened."""
        self._subject = (kind, number) if kind is not None and number is not None else None
        self._drawn = set()
        self.draw_shown()

    def draw_shown(self) -> None:
        shown = self.tabs.currentWidget()
        if shown not in (self.timeline, self.flow) or shown in self._drawn:
            return
        assert isinstance(shown, PicturePanel)
        self._drawn.add(shown)
        if self._subject is None:
            shown.clear(
                _samples_pictures.tr(
                    "Select an aliquot to see its custody timeline, or a sample or an "
                    "aliquot to see its mass flow."
                )
            )
            return
        kind, number = self._subject
        try:
            if shown is self.timeline:
                if kind != ALIQUOT:
                    self.show_timeline(
                        None,
                        _samples_pictures.tr("Select an aliquot to see its custody timeline."),
                    )
                else:
                    self.show_timeline(queries.custody_timeline(self.store, number))
            elif kind == ALIQUOT:
                self.show_flow(queries.aliquot_mass_flow(self.store, number))
            else:
                self.show_flow(queries.sample_mass_flow(self.store, number))
        except CustodyError as error:  # removed since the tree was read, say
            shown.clear(error_text(error))

    def show_timeline(self, timeline: CustodyTimeline | None, message: str = "") -> None:
        self.shown_timeline = timeline
        if timeline is None:
            self.timeline.clear(message)
            return
        layout = geo.timeline_layout(timeline)
        self.timeline.show_picture(
            flow_subject(ALIQUOT, timeline.aliquot_number),
            lambda painter: paint_timeline(painter, timeline, layout),
            layout.width,
            layout.height,
            timeline_tips(timeline, layout),
            file_subject=f"aliquot {timeline.aliquot_number}",
        )

    def show_flow(self, flow: MassFlow) -> None:
        self.shown_flow = flow
        kind, number = self._subject or (ALIQUOT, "")
        subject = flow_subject(kind, number)
        if not flow.total_ug:
            self.flow.clear(
                _samples_pictures.tr("No mass is recorded for {subject}.").format(subject=subject)
            )
            return
        layout = geo.flow_layout(flow)
        self.flow.show_picture(
            subject,
            lambda painter: paint_flow(painter, flow, layout, subject),
            layout.width,
            layout.height,
            file_subject=flow.subject,
        )
