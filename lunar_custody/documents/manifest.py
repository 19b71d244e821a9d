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

WIDTH = A4[0] - 36 * mm
KIND_LABELS = {
    "outbound": "outbound (lender to borrower)",
    "return": "return to the lender",
    "internal": "internal",
}


def _address(role: str, party: Party, person: str) -> list[Flowable]:
    out: list[Flowable] = [para(role, "label"), para(party.name, "body", bold=True)]
    if party.local_name:
        out.append(para(party.local_name, "body"))
    if party.address:
        out.append(para(party.address, "small"))
    out.append(
        rich(("m", "Attention: " if role == "To" else "Sender: "), ("t", person), style="small")
    )
    return out


def story(data: ManifestData) -> list[Flowable]:
    out: list[Flowable] = [
        para("Manifest (packing list)", "title"),
        rich(
            ("t", "Package "),
            ("b", data.transfer_number),
            ("m", f"   {data.status.replace('_', ' ')}"),
            style="subtitle",
        ),
    ]
    half = WIDTH / 2 - 4 * mm
    addresses = Table(
        [
            [
                _address("From", data.origin, data.sender),
                "",
                _address("To", data.destination, data.receiver),
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
    fields: list[tuple[str, object]] = [
        ("Kind", KIND_LABELS.get(data.kind, data.kind)),
        ("Loan", data.loan_number or "none (not under a loan)"),
        ("Courier", data.courier),
        ("Container", data.container or "—"),
        ("Seal number", data.seal or "—"),
        ("Prepared", when(data.prepared_at)),
    ]
    if data.released_at:
        fields.append(("Released to the courier", when(data.released_at)))
    if data.notes:
        fields.append(("Notes", data.notes))
    out.append(field_table(fields, [42 * mm, WIDTH - 42 * mm]))

    total = sum(i.mass_ug or 0 for i in data.items)
    out.append(para(f"Contents: {counted(len(data.items), 'item')}, {format_mass(total)}", "h2"))
    headers = ("No.", "Aliquot", "Sample", "Form", "Container and seal", "Mass")
    rows: list[list[object]] = [[para(h, "head") for h in (*headers, "Packed", "Arrived")]]
    for index, item in enumerate(data.items, start=1):
        container = item.container + (f"; seal {item.seal}" if item.seal else "")
        sample = item.sample + (f" (from {item.parent})" if item.parent else "")
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
        ["", para("Total", "cellbold"), "", "", "", para(format_mass(total), "cellbold"), "", ""]
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
                para("Packed and checked", "h2"),
                signature_row(
                    [
                        SignatureSlot("Packed and sealed by", data.sender, data.origin.name),
                        SignatureSlot(
                            "Contents checked on arrival by", data.receiver, data.destination.name
                        ),
                    ],
                    WIDTH,
                ),
            ]
        )
    )
    return out


def render_manifest(data: ManifestData, info: DocumentInfo) -> tuple[bytes, int]:
    return render(info, story(data), pagesize=A4)
