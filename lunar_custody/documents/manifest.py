"""The manifest (packing list) that travels inside a package: where from, where to, who
carries it, the seal, and every item with a box to tick when packed and on arrival."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from ..domain.masses import format_mass
from ..domain.queries import ManifestData, Party, SignatureSlot
from ..domain.wording import counted
from .layout import (
    INK,
    STYLES,
    DocumentInfo,
    field_table,
    grid_table,
    para,
    render,
    rich,
    signature_row,
    table_style,
    when,
)
from .wording import Words

WIDTH = A4[0] - 36 * mm
KIND_LABELS = {
    "outbound": "outbound (lender to borrower)",
    "return": "return to the lender",
    "internal": "internal",
}


def _address(role: str, party: Party, person: str, w: Words) -> list[Flowable]:
    out: list[Flowable] = [para(w.inline(role), "label"), para(party.name, "body", bold=True)]
    if party.local_name:
        out.append(para(party.local_name, "body"))
    if party.address:
        out.append(para(party.address, "small"))
    who = w.inline("Attention" if role == "To" else "Sender") + ": "
    out.append(rich(("m", who), ("t", person), style="small"))
    return out


def story(data: ManifestData, w: Words | None = None) -> list[Flowable]:
    """The manifest's flowables in the languages of ``w`` (English by default)."""
    w = w or Words()
    out: list[Flowable] = [
        para(w.stacked("Manifest (packing list)"), "title"),
        rich(
            ("t", w.inline("Package") + " "),
            ("b", data.transfer_number),
            ("m", f"   {w.term(data.status.replace('_', ' '))}"),
            style="subtitle",
        ),
    ]
    half = WIDTH / 2 - 4 * mm
    addresses = Table(
        [
            [
                _address("From", data.origin, data.sender, w),
                "",
                _address("To", data.destination, data.receiver, w),
            ]
        ],
        colWidths=[half, 8 * mm, half],
    )
    addresses.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEABOVE", (0, 0), (0, 0), 0.8, INK),
                ("LINEABOVE", (2, 0), (2, 0), 0.8, INK),
            ]
        )
    )
    out.append(addresses)
    out.append(Spacer(1, 4 * mm))
    kind = KIND_LABELS.get(data.kind)
    fields: list[tuple[str, object]] = [
        (w.stacked("Kind"), w.inline(kind) if kind else data.kind),
        (w.stacked("Loan"), data.loan_number or w.inline("none (not under a loan)")),
        (w.stacked("Courier"), data.courier),
        (w.stacked("Container"), data.container or "—"),
        (w.stacked("Seal number"), data.seal or "—"),
        (w.stacked("Prepared"), when(data.prepared_at, w)),
    ]
    if data.released_at:
        fields.append((w.stacked("Released to the courier"), when(data.released_at, w)))
    if data.notes:
        fields.append((w.stacked("Notes"), data.notes))
    out.append(field_table(fields, [42 * mm, WIDTH - 42 * mm]))

    total = sum(i.mass_ug or 0 for i in data.items)
    contents = w.stacked(
        "Contents: {items}, {mass}",
        items=counted(len(data.items), "item"),
        count=f"{len(data.items):,}",
        mass=format_mass(total),
    )
    out.append(para(contents, "h2"))
    headers = ("No.", "Aliquot", "Sample", "Form", "Container and seal", "Mass")
    rows: list[list[object]] = [
        [para(w.stacked(h), "head") for h in (*headers, "Packed", "Arrived")]
    ]
    came_from, seal = w.inline("from"), w.inline("seal")
    for index, item in enumerate(data.items, start=1):
        container = item.container + (f"; {seal} {item.seal}" if item.seal else "")
        sample = item.sample + (f" ({came_from} {item.parent})" if item.parent else "")
        rows.append(
            [
                para(str(index), "cell"),
                para(item.number, "cellbold"),
                para(sample, "cell"),
                para(item.form, "cell"),
                para(container, "cell"),
                para(format_mass(item.mass_ug or 0), "cell"),
                para("☐", "body"),
                para("☐", "body"),
            ]
        )
    rows.append(
        [
            "",
            para(w.stacked("Total"), "cellbold"),
            "",
            "",
            "",
            para(format_mass(total), "cellbold"),
            "",
            "",
        ]
    )
    widths = [9 * mm, 42 * mm, 22 * mm, 25 * mm, 0.0, 21 * mm, 15 * mm, 15 * mm]
    widths[4] = WIDTH - sum(widths)
    out.append(
        grid_table(
            rows, widths, extra=[("LINEABOVE", (0, -1), (-1, -1), 0.8, STYLES["body"].textColor)]
        )
    )
    out.append(Spacer(1, 8 * mm))
    out.append(
        KeepTogether(
            [
                para(w.stacked("Packed and checked"), "h2"),
                signature_row(
                    [
                        SignatureSlot("Packed and sealed by", data.sender, data.origin.name),
                        SignatureSlot(
                            "Contents checked on arrival by", data.receiver, data.destination.name
                        ),
                    ],
                    WIDTH,
                    w,
                ),
            ]
        )
    )
    return out


def render_manifest(data: ManifestData, info: DocumentInfo) -> tuple[bytes, int]:
    return render(info, story(data, info.words), pagesize=A4)
