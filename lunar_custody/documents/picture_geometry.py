"""Where the parts of the custody pictures go: plain geometry, no Qt and no reportlab.

The samples view paints the custody timeline and the mass flow with QPainter
(gui/samples/pictures.py) and the custody form draws them with reportlab (pictures.py);
both place everything with these functions, so the screen and the paper show the same
picture. Coordinates are points with y growing downwards (as Qt's); reportlab flips them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..domain.queries.pictures import CustodyTimeline, MassFlow

# One colour per kind of holder and per outcome, the same on screen and on paper.
INSTITUTION_COLOUR = "#3465a4"
COURIER_COLOUR = "#c4700a"
SEAL_COLOUR = "#a51d2d"
SIGNED_COLOUR = "#26a269"
UNSIGNED_COLOUR = "#9a9a9a"
TEXT_COLOUR = "#1a1a1a"
MUTED_COLOUR = "#5b5b5b"
LANE_SHADE = "#f2f4f7"
TOTAL_COLOUR = "#5e5c64"
PART_COLOUR = "#62a0ea"
OUTCOME_COLOURS = {
    "consumed": "#e66100",
    "lost": "#c01c28",
    "returned": "#26a269",
    "held": "#1c71d8",
    "in_transit": "#9141ac",
    "elsewhere": "#77767b",
    "unsplit": "#9a9996",
}


def outcome_colour(key: str) -> str:
    return OUTCOME_COLOURS.get(key.split(":", 1)[0], "#77767b")


def day_of(moment: datetime) -> str:
    """The step's date as the tables show times: the workstation's local time."""
    return moment.astimezone().strftime("%Y-%m-%d")


# ---------------------------------------------------------------------- timeline


@dataclass(frozen=True, slots=True)
class TimelineMetrics:
    margin: float = 10
    label_width: float = 190  # the lane names on the left
    step_width: float = 150
    header_height: float = 40  # the date and what happened, above the lanes
    lane_height: float = 70
    bar_height: float = 10
    font_size: float = 11
    small_size: float = 10


SCREEN_TIMELINE = TimelineMetrics()


@dataclass(frozen=True, slots=True)
class Bar:
    """A stretch of custody: lane ``lane`` held the aliquot from x0 to x1."""

    lane: int
    x0: float
    x1: float


@dataclass(frozen=True, slots=True)
class TimelineLayout:
    metrics: TimelineMetrics
    width: float
    height: float
    lane_tops: tuple[float, ...]
    lane_centres: tuple[float, ...]
    step_xs: tuple[float, ...]
    bars: tuple[Bar, ...]

    @property
    def lanes_left(self) -> float:
        return self.metrics.margin + self.metrics.label_width


def timeline_layout(
    timeline: CustodyTimeline,
    metrics: TimelineMetrics = SCREEN_TIMELINE,
    first: int = 0,
    count: int | None = None,
) -> TimelineLayout:
    """The layout of steps ``first`` to ``first + count`` (all by default) on every lane."""
    m = metrics
    steps = timeline.steps[first : None if count is None else first + count]
    lanes = max(len(timeline.lanes), 1)
    left = m.margin + m.label_width
    xs = tuple(left + m.step_width * (i + 0.5) for i in range(len(steps)))
    width = left + m.step_width * max(len(steps), 1) + m.margin
    top = m.margin + m.header_height
    tops = tuple(top + m.lane_height * j for j in range(lanes))
    centres = tuple(t + m.lane_height / 2 for t in tops)
    bars: list[Bar] = []
    # who held it when this part begins: the lane of the step before it, from the left edge
    holder = timeline.steps[first - 1].to_lane if first > 0 and timeline.steps else None
    start = left
    for x, step in zip(xs, steps, strict=True):
        if holder is not None and step.to_lane != holder:
            bars.append(Bar(holder, start, x))
        if step.to_lane != holder:
            holder, start = step.to_lane, x
    if holder is not None:
        bars.append(Bar(holder, start, width - m.margin))
    height = top + m.lane_height * lanes + m.margin
    return TimelineLayout(m, width, height, tops, centres, xs, tuple(bars))


# ---------------------------------------------------------------------- mass flow


@dataclass(frozen=True, slots=True)
class FlowMetrics:
    margin: float = 10
    total_width: float = 150
    part_width: float = 230
    outcome_width: float = 330
    gap: float = 90  # the room the ribbons flow through
    node_gap: float = 8
    min_node: float = 30  # a name and a mass fit in the thinnest band
    min_height: float = 260
    font_size: float = 11
    small_size: float = 10


SCREEN_FLOW = FlowMetrics()


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class Ribbon:
    """A band of mass from the right edge of one box to the left edge of another."""

    x0: float
    top0: float
    bottom0: float
    x1: float
    top1: float
    bottom1: float
    colour: str


@dataclass(frozen=True, slots=True)
class FlowLayout:
    metrics: FlowMetrics
    width: float
    height: float
    total: Box
    parts: tuple[Box, ...]
    outcomes: tuple[Box, ...]
    ribbons: tuple[Ribbon, ...]


def _heights(masses: list[int], room: float, least: float) -> list[float]:
    """Heights in proportion to the masses within ``room``, none below ``least``: a band
    too small to see gets the least and the others share what is left."""
    fixed: set[int] = set()
    while True:
        free = room - least * len(fixed)
        weight = sum(m for i, m in enumerate(masses) if i not in fixed)
        heights = [
            least if i in fixed else (free * m / weight if weight else least)
            for i, m in enumerate(masses)
        ]
        small = {i for i, h in enumerate(heights) if h < least} - fixed
        if not small:
            return heights
        fixed |= small


def _stack(x: float, top: float, width: float, heights: list[float], gap: float) -> list[Box]:
    boxes, y = [], top
    for h in heights:
        boxes.append(Box(x, y, width, h))
        y += h + gap
    return boxes


def flow_layout(flow: MassFlow, metrics: FlowMetrics = SCREEN_FLOW) -> FlowLayout:
    m = metrics
    bands = max(len(flow.parts), len(flow.outcomes), 1)
    height_inside = max(m.min_height, bands * (m.min_node + m.node_gap) - m.node_gap)
    top = m.margin
    x_part = m.margin + m.total_width + m.gap
    x_outcome = x_part + m.part_width + m.gap
    width = x_outcome + m.outcome_width + m.margin
    total = Box(m.margin, top, m.total_width, height_inside)

    def column(x: float, w: float, masses: list[int]) -> list[Box]:
        gaps = m.node_gap * (len(masses) - 1)
        return _stack(x, top, w, _heights(masses, height_inside - gaps, m.min_node), m.node_gap)

    parts = column(x_part, m.part_width, [b.mass_ug for b in flow.parts])
    outcomes = column(x_outcome, m.outcome_width, [b.mass_ug for b in flow.outcomes])
    ribbons: list[Ribbon] = []
    # the total into its parts: each part's share of the total's height
    y = top
    for part, box in zip(flow.parts, parts, strict=True):
        share = total.h * part.mass_ug / flow.total_ug if flow.total_ug else 0
        ribbons.append(
            Ribbon(total.x + total.w, y, y + share, box.x, box.y, box.y + box.h, PART_COLOUR)
        )
        y += share
    # each part into its outcomes: a slice of the part's box and of the outcome's
    out_y = [box.y for box in parts]
    in_y = [box.y for box in outcomes]
    for link in sorted(flow.links, key=lambda k: (k.outcome, k.part)):
        part, outcome = flow.parts[link.part], flow.outcomes[link.outcome]
        source, target = parts[link.part], outcomes[link.outcome]
        out_h = source.h * link.mass_ug / part.mass_ug if part.mass_ug else 0
        in_h = target.h * link.mass_ug / outcome.mass_ug if outcome.mass_ug else 0
        ribbons.append(
            Ribbon(
                source.x + source.w,
                out_y[link.part],
                out_y[link.part] + out_h,
                target.x,
                in_y[link.outcome],
                in_y[link.outcome] + in_h,
                outcome_colour(outcome.key),
            )
        )
        out_y[link.part] += out_h
        in_y[link.outcome] += in_h
    return FlowLayout(
        m,
        width,
        top + height_inside + m.margin,
        total,
        tuple(parts),
        tuple(outcomes),
        tuple(ribbons),
    )
