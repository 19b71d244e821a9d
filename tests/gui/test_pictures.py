"""The samples view's custody pictures on the demo database: a demo aliquot's custody
timeline and a demo sample's mass flow, checked against the ledger, painted, and exported
as PNG and SVG through the Export… button."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from lunar_custody.domain import queries
from lunar_custody.domain.masses import format_mass
from lunar_custody.domain.models import Aliquot, Sample
from lunar_custody.domain.queries.pictures import HANDOFF_KINDS
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.samples.pictures import PicturePanel
from lunar_custody.gui.samples.view import SamplesView
from lunar_custody.storage import Database
from tests.worlds import actor

# A demo aliquot lent to Brown, partly consumed there and returned; a demo sample with
# aliquots lost in part, returned, held abroad and in transit.
ALIQUOT = "CE5C0400YJFM00503"
SAMPLE = "CE5C0600"


@pytest.fixture
def view(qtbot: QtBot, demo_db: Database) -> SamplesView:
    samples = SamplesView(AppContext(demo_db, actor(demo_db, "zhang")))
    qtbot.addWidget(samples)
    samples.resize(1400, 900)
    samples.show()
    qtbot.waitExposed(samples)
    return samples


def _painted(panel: PicturePanel) -> QImage:
    """The picture as the widget paints it on screen: its size, and not a blank page."""
    size = panel.picture.picture_size()
    assert panel.picture.size() == size and size.width() > 600 and size.height() > 200
    image = panel.picture.grab().toImage()
    assert (image.width(), image.height()) == (size.width(), size.height())
    colours = {image.pixelColor(x, y).rgb() for x in range(0, size.width(), 7)
               for y in range(0, size.height(), 7)}  # fmt: skip
    assert QColor("white").rgb() in colours and len(colours) > 20
    return image


def _export(qtbot: QtBot, panel: PicturePanel, path: Path) -> None:
    """Export through the button, the file dialog answered with ``path``."""
    panel.ask_export_path = lambda: str(path)  # type: ignore[method-assign]
    assert panel.export_button.isEnabled()
    panel.export_button.click()
    assert path.is_file()
    assert not list(path.parent.glob(f".{path.name}.*"))  # written whole, nothing left over


# the offscreen platform says this of every tooltip it shows: not our warning
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_custody_timeline_of_a_demo_aliquot(
    qtbot: QtBot, view: SamplesView, demo_db: Database, tmp_path: Path
) -> None:
    assert view.select_number(ALIQUOT)
    assert view.pictures.shown_timeline is None  # read only when its tab is opened
    view.pictures.tabs.setCurrentWidget(view.pictures.timeline)
    timeline = view.pictures.shown_timeline
    assert timeline is not None and timeline.aliquot_number == ALIQUOT
    assert view.pictures.timeline.caption.text() == f"Custody timeline of aliquot {ALIQUOT}"

    # what the ledger says: the holders in order, the changes of hands, the masses
    events = queries.history(demo_db, ALIQUOT)
    holders: list[str] = []
    for event in events:
        institution = queries.institution_detail(demo_db, event.institution or "")
        name = f"{event.courier} ({institution.code})" if event.courier else institution.name
        if name not in holders:
            holders.append(name)
    assert [lane.name for lane in timeline.lanes] == holders
    assert len(holders) == 3  # the lender, the courier, Brown University
    assert len(timeline.handoffs) == sum(e.kind in HANDOFF_KINDS for e in events) == 4
    assert [h.seal for h in timeline.handoffs] == [e.seal_number for e in events
                                                   if e.kind in HANDOFF_KINDS]  # fmt: skip
    assert all(h.signatures for h in timeline.handoffs)
    consumed = next(e for e in events if e.kind == "consumed")
    status = queries.aliquot_status(demo_db, ALIQUOT)
    assert [s.mass_label for s in timeline.steps] == [
        format_mass(status.initial_mass_ug if e.id < consumed.id else status.current_mass_ug)
        for e in events
    ]
    assert status.initial_mass_ug - status.current_mass_ug == consumed.mass_ug

    _painted(view.pictures.timeline)
    # resting the mouse on a handoff names who signed it, the seal and the mass
    picture = view.pictures.timeline.picture
    release = timeline.handoffs[0]
    place, tip = picture.tips[timeline.steps.index(release)]
    point = place.center().toPoint()
    QApplication.sendEvent(
        picture, QHelpEvent(QEvent.Type.ToolTip, point, picture.mapToGlobal(point))
    )
    qtbot.waitUntil(lambda: QToolTip.text() == tip)
    assert all(name in tip for name in release.signatures) and release.seal in tip
    assert f"Mass after it: {release.mass_label}" in tip
    png, svg = tmp_path / "timeline.png", tmp_path / "timeline.svg"
    _export(qtbot, view.pictures.timeline, png)
    image = QImage(str(png))
    assert image.width() == 2 * view.pictures.timeline.picture.width()  # sharp: 2 px a point
    _export(qtbot, view.pictures.timeline, svg)
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text
    for lane in ("Zhao Lei (MERIDIAN)", "Brown University"):
        assert lane in text
    for step in timeline.steps:
        assert step.mass_label in text
    for handoff in timeline.handoffs:
        assert f"seal {handoff.seal}" in text
    assert "both signed" in text


def test_the_mass_flow_of_a_demo_sample(
    qtbot: QtBot, view: SamplesView, demo_db: Database, tmp_path: Path
) -> None:
    view.pictures.tabs.setCurrentWidget(view.pictures.flow)
    assert view.select_number(SAMPLE)
    flow = view.pictures.shown_flow
    assert flow is not None and flow.subject == f"sample {SAMPLE}"

    with demo_db.read() as session:
        original = session.scalar(select(Sample.original_mass_ug).where(Sample.number == SAMPLE))
        numbers = session.scalars(
            select(Aliquot.number).join(Sample).where(Sample.number == SAMPLE)
        ).all()
    statuses = [queries.aliquot_status(demo_db, n) for n in numbers]
    tops = {s.number: s.initial_mass_ug for s in statuses if s.parent_number is None}
    assert flow.total_ug == original
    assert {p.name: p.mass_ug for p in flow.parts} == {
        **tops,
        "not split into aliquots": original - sum(tops.values()),
    }
    outcomes = {o.name: o.mass_ug for o in flow.outcomes}
    assert sum(outcomes.values()) == original  # to the microgram
    assert outcomes["lost"] == sum(s.lost_mass_ug for s in statuses) == 1_100
    assert outcomes["consumed"] == sum(s.consumed_mass_ug for s in statuses)
    assert outcomes["in transit"] == sum(
        s.current_mass_ug for s in statuses if s.status == "in_transit"
    )
    assert outcomes["returned"] == 100_000  # the aliquot Cologne sent back early

    _painted(view.pictures.flow)
    svg = tmp_path / "flow.svg"
    _export(qtbot, view.pictures.flow, svg)
    text = svg.read_text(encoding="utf-8")
    for band in (*flow.parts, *flow.outcomes):
        assert band.mass_label in text
    for part in flow.parts:
        assert part.name in text
    assert format_mass(original) in text

    # a sample has no custody timeline: its aliquots have
    view.pictures.tabs.setCurrentWidget(view.pictures.timeline)
    assert view.pictures.shown_timeline is None
    assert view.pictures.timeline.caption.text() == "Select an aliquot to see its custody timeline."
    assert not view.pictures.timeline.export_button.isEnabled()
