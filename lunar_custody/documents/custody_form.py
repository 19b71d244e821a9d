"""The chain-of-custody form: the items, then every handoff with both parties' signatures
(given in the program, or blank rows for ink), and for one aliquot its ledger entries.

Landscape A4: a handoff row holds two signature blocks side by side."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table

from ..domain.masses import format_mass
from ..domain.queries import (
    CustodyFormData,
    CustodyTimeline,
    Handoff,
    MassFlow,
    Party,
    SignatureSlot,
    StandIn,
)
from .layout import (
    INK,
    RULE,
    DocumentInfo,
    grid_table,
    mass,
    para,
    render,
    rich,
    signature_block,
    table_style,
    when,
)
from .pictures import picture_story
from .wording import Words

PAGE = landscape(A4)
WIDTH = PAGE[0] - 36 * mm


def _party(
    role: str,
    party: Party | None,
    w: Words,
    attention: str = "",
    stand_in: StandIn | None = None,
) -> list[Flowable]:
    if party is None:
        return []
    out: list[Flowable] = [para(w.inline(role), "label"), para(party.name, "small", bold=True)]
    if party.local_name:
        out.append(para(party.local_name, "small"))
    if attention:
        out.append(rich(("m", w.inline("Attention") + ": "), ("b", attention), style="small"))
    if stand_in is not None:
        # received by another of the loan's authorised receivers: the form says who
        line = [("m", w.inline("Received by") + ": "), ("b", stand_in.full_name)]
        if stand_in.local_name:
            line.append(("t", f" {stand_in.local_name}"))
        if stand_in.function:
            line.append(("t", f" ({w.term(stand_in.function)})"))
        out.append(rich(*line, style="small"))
    if party.address:
        out.append(para(party.address, "muted"))
    return out


def _subject(data: CustodyFormData, w: Words) -> str:
    """'transfer T2026-0003' in the form's languages (the number as recorded)."""
    kind, _, number = data.subject.partition(" ")
    return f"{w.inline(kind)} {number}" if number else data.subject


def _header(
    data: CustodyFormData,
    receiver: str,
    lent_to: tuple[str, str] | None,
    w: Words,
    stand_in: StandIn | None = None,
) -> list[Flowable]:
    title = "Chain-of-custody form"
    out: list[Flowable] = [para(w.stacked(title), "title")]
    line = [("t", w.inline("For") + " "), ("b", _subject(data, w))]
    if data.loan_number:
        line += [("t", f"   {w.inline('loan')} "), ("b", data.loan_number)]
    if data.seal:
        line += [("t", f"   {w.inline('seal')} "), ("b", data.seal)]
    if data.container:
        line += [("t", f"   {w.inline('container')} "), ("t", data.container)]
    out.append(rich(*line, style="subtitle"))
    if lent_to:
        person, institution = lent_to
        out.append(
            rich(
                ("m", w.inline("Lent to") + " "),
                ("b", person),
                ("t", ", "),
                ("t", institution),
                style="body",
            )
        )
    if data.origin or data.destination:
        third = WIDTH / 3
        table = Table(
            [
                [
                    _party("From", data.origin, w),
                    _party("To", data.destination, w, receiver, stand_in),
                    para(
                        w.stacked(
                            "Every person who takes or gives up custody signs below, with the "
                            "date, time and time zone. Check the seal number and that it is "
                            "intact at each handoff; weigh on receipt."
                        ),
                        "muted",
                    ),
                ]
            ],
            colWidths=[third, third, third],
        )
        table.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        out.append(table)
    return out


def _items(data: CustodyFormData, w: Words) -> list[Flowable]:
    sent = "Mass sent" if data.transfer_number else "Mass now"
    headers = ("No.", "Aliquot", "Sample", "Parent", "Form", "Container", "Seal", sent)
    rows: list[list[object]] = [
        [para(w.stacked(h), "head") for h in (*headers, "Measured on receipt")]
    ]
    for index, item in enumerate(data.items, start=1):
        rows.append(
            [
                para(str(index), "cell"),
                para(item.number, "cellbold"),
                para(item.sample, "cell"),
                para(item.parent or "", "cell"),
                para(item.form, "cell"),
                para(item.container, "cell"),
                para(item.seal, "cell"),
                para(mass(item.mass_ug), "cell"),
                para(mass(item.measured_ug), "cell"),
            ]
        )
    widths = [9 * mm, 52 * mm, 22 * mm, 40 * mm, 32 * mm, 40 * mm, 26 * mm, 20 * mm]
    widths.append(WIDTH - sum(widths))
    title = "Items" if len(data.items) != 1 else "Item"
    total = sum(i.mass_ug or 0 for i in data.items)
    summary = w.stacked(
        title + " ({count}, {mass})", count=len(data.items), mass=format_mass(total)
    )
    return [para(summary, "h2"), grid_table(rows, widths)]


HANDOFF_WIDTHS = [9 * mm, 34 * mm, 88 * mm, 88 * mm]
_PADDING = 3 + 8  # the signature columns' left and right cell padding, points


def _seal_cell(handoff: Handoff | None, w: Words) -> list[Flowable]:
    if handoff is None:
        # in two languages the boxes go on a line of their own, each with its answer whole
        gap = "\n" if w.both else "  "
        return [
            para(w.stacked("Seal number"), "label"),
            para("_" * 18, "small"),
            Spacer(1, 1.5 * mm),  # the tick boxes clear of the line written on above them
            para(
                f"{w.inline('Seal intact')}:{gap}☐ {w.inline('yes')}   ☐ {w.inline('no')}", "small"
            ),
            Spacer(1, 2 * mm),
            para(w.stacked("Condition, mass checked"), "label"),
            para("_" * 18, "small"),
            para("_" * 18, "small"),
        ]
    intact = {True: "yes", False: "NO (see discrepancies)", None: "not checked in the program"}
    out: list[Flowable] = [
        rich(("m", w.inline("Seal") + " "), ("b", handoff.seal or "—"), style="small"),
        rich(
            ("m", w.inline("Seal intact") + ": "),
            ("t", w.inline(intact[handoff.seal_intact])),
            style="small",
        ),
    ]
    if handoff.condition:
        out.append(
            rich(
                ("m", w.inline("Condition") + ": "), ("t", w.term(handoff.condition)), style="small"
            )
        )
    return out


def _handoff_title(title: str, w: Words) -> str:
    """'Release by CNSA' / 'Hand-over' / 'Delivery to BROWN' in the form's languages."""
    for kind in ("Release by", "Delivery to"):
        if title.startswith(kind + " "):
            return w.inline(kind + " {code}", code=title.removeprefix(kind + " "))
    return w.term(title)


def _handoff_row(
    index: int, handoff: Handoff | None, w: Words, receiver: SignatureSlot | None = None
) -> list[object]:
    """A recorded handoff, or a blank one for ink (``receiver``: the delivery's, named)."""
    if handoff is None:
        blank_in = SignatureSlot("Relinquished by", "", "")
        blank_out = receiver or SignatureSlot("Received by", "", "")
        title = "Delivery" if receiver else "Handoff"
        return [
            para(str(index), "cell"),
            [
                para(w.stacked(title), "cellbold"),
                para(w.inline("Place"), "label"),
                para("_" * 14, "small"),
            ],
            signature_block(blank_in, HANDOFF_WIDTHS[2] - _PADDING, compact=True, w=w),
            signature_block(blank_out, HANDOFF_WIDTHS[3] - _PADDING, compact=True, w=w),
            _seal_cell(None, w),
        ]
    return [
        para(str(index), "cell"),
        [
            para(_handoff_title(handoff.title, w), "cellbold"),
            para(handoff.transfer_number, "cell"),
            para(when(handoff.at, w), "muted"),
        ],
        signature_block(handoff.relinquished, HANDOFF_WIDTHS[2] - _PADDING, compact=True, w=w),
        signature_block(handoff.received, HANDOFF_WIDTHS[3] - _PADDING, compact=True, w=w),
        _seal_cell(handoff, w),
    ]


def _handoffs(data: CustodyFormData, receiver: str, w: Words) -> list[Flowable]:
    headers = ("No.", "Handoff", "Relinquished by", "Received by", "Seal and condition")
    rows: list[list[object]] = [[para(w.stacked(h), "head") for h in headers]]
    for index, handoff in enumerate(data.handoffs, start=1):
        rows.append(_handoff_row(index, handoff, w))
    # the last blank row is the delivery: it names the person the package is addressed to
    institution = data.destination.name if data.destination else ""
    delivery = SignatureSlot("Received by", receiver, institution) if receiver else None
    for extra in range(data.blank_handoffs):
        last = extra == data.blank_handoffs - 1
        rows.append(
            _handoff_row(len(data.handoffs) + extra + 1, None, w, delivery if last else None)
        )
    widths = [*HANDOFF_WIDTHS, WIDTH - sum(HANDOFF_WIDTHS)]
    table = grid_table(
        rows,
        widths,
        zebra=False,
        extra=[
            ("LINEBELOW", (0, 1), (-1, -1), 0.6, INK),
            ("LINEAFTER", (1, 1), (3, -1), 0.25, RULE),
            ("TOPPADDING", (0, 1), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 5),
            ("RIGHTPADDING", (2, 1), (3, -1), 8),
        ],
    )
    return [CondPageBreak(60 * mm), para(w.stacked("Handoffs"), "h2"), table]


def _events(data: CustodyFormData, w: Words) -> list[Flowable]:
    if not data.events:
        return []
    headers = ("Event", "Date and time (UTC)", "What happened", "By", "Held by after", "Mass")
    rows: list[list[object]] = [[para(w.stacked(h), "head") for h in (*headers, "Seal", "Note")]]
    for event in data.events:
        rows.append(
            [
                para(f"#{event.id}", "cell"),
                para(event.occurred_at.strftime("%Y-%m-%d %H:%M"), "cell"),
                para(w.term(event.label), "cell"),
                para(event.actor, "cell"),
                para(event.holder, "cell"),
                para(mass(event.mass_ug), "cell"),
                para(event.seal, "cell"),
                para(event.note, "cell"),
            ]
        )
    widths = [14 * mm, 28 * mm, 40 * mm, 34 * mm, 38 * mm, 22 * mm, 26 * mm]
    widths.append(WIDTH - sum(widths))
    return [
        CondPageBreak(40 * mm),
        para(w.stacked("Custody events recorded in the ledger"), "h2"),
        grid_table(rows, widths),
    ]


def story(
    data: CustodyFormData,
    receiver: str = "",
    lent_to: tuple[str, str] | None = None,
    pictures: tuple[CustodyTimeline | None, MassFlow | None] = (None, None),
    w: Words | None = None,
    stand_in: StandIn | None = None,
) -> list[Flowable]:
    """The form's flowables; ``receiver``: the person a package is addressed to ('' none);
    ``stand_in``: another authorised receiver who received it instead;
    ``lent_to``: an aliquot's loan, its principal investigator and borrower; ``pictures``:
    an aliquot's custody timeline and mass flow, drawn after its handoffs; ``w``: its
    languages (English by default)."""
    w = w or Words()
    return [
        *_header(data, receiver, lent_to, w, stand_in),
        *_items(data, w),
        *_handoffs(data, receiver, w),
        *picture_story(*pictures, WIDTH, w),
        *_events(data, w),
    ]


def render_custody_form(
    data: CustodyFormData,
    info: DocumentInfo,
    *,
    receiver: str = "",
    lent_to: tuple[str, str] | None = None,
    pictures: tuple[CustodyTimeline | None, MassFlow | None] = (None, None),
    stand_in: StandIn | None = None,
) -> tuple[bytes, int]:
    return render(
        info, story(data, receiver, lent_to, pictures, info.words, stand_in), pagesize=PAGE
    )
