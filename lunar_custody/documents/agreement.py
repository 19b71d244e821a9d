"""The loan agreement: parties, investigators, purpose and period, Schedule A (the items),
the terms of loan from the versioned template, and the three signatures."""

from __future__ import annotations

from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from ..domain.masses import format_mass
from ..domain.queries import AgreementData, Party
from ..domain.wording import counted
from .layout import (
    STYLES,
    DocumentInfo,
    cell,
    cell_commands,
    field_table,
    grid_table,
    para,
    render,
    rich,
    signature_row,
    table_style,
)
from .terms import Terms

WIDTH = A4[0] - 36 * mm

STATUS_NOTES = {
    "draft": "DRAFT: prepared for review; not valid until signed by the Lender.",
    "approved": "Approved by the Lender; takes effect when countersigned by the Borrower.",
    "cancelled": "CANCELLED: this agreement was cancelled and is not in force.",
}


def _party(role: str, party: Party) -> list[Flowable]:
    out: list[Flowable] = [para(role, "label"), para(party.name, "body", bold=True)]
    if party.local_name:
        out.append(para(party.local_name, "body"))
    if party.address:
        out.append(para(party.address, "small"))
    if party.country and party.country not in party.address:
        out.append(para(party.country, "small"))
    return out


def _day(value: date) -> str:
    return f"{value.isoformat()} ({value.strftime('%d %B %Y').lstrip('0')})"


def story(data: AgreementData, terms: Terms) -> list[Flowable]:
    out: list[Flowable] = [
        para("Loan agreement for lunar samples", "title"),
        rich(
            ("t", "Agreement No. "),
            ("b", data.loan_number),
            ("m", f"   status: {data.status}"),
            style="subtitle",
        ),
    ]
    if data.status in STATUS_NOTES:
        out.append(para(STATUS_NOTES[data.status], "body", bold=True))
        out.append(Spacer(1, 3 * mm))
    parties = Table(
        [[_party("Lender", data.lender), "", _party("Borrower", data.borrower)]],
        colWidths=[WIDTH / 2 - 4 * mm, 8 * mm, WIDTH / 2 - 4 * mm],
    )
    parties.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEABOVE", (0, 0), (0, 0), 0.8, STYLES["body"].textColor),
                ("LINEABOVE", (2, 0), (2, 0), 0.8, STYLES["body"].textColor),
            ]
        )
    )
    out.append(parties)
    out.append(Spacer(1, 4 * mm))
    pi = data.principal_investigator + (
        f"  {data.principal_investigator_local}" if data.principal_investigator_local else ""
    )
    if data.principal_investigator_email:
        pi += f" <{data.principal_investigator_email}>"
    fields: list[tuple[str, object]] = [
        ("Principal investigator", pi),
        ("Co-investigators", "; ".join(data.co_investigators) or "none named"),
        ("Purpose", data.purpose),
        ("Loan period", f"from {_day(data.starts_on)} to {_day(data.due_on)}"),
        (
            "Destructive analysis",
            "allowed as described in the purpose"
            if data.destructive_analysis_allowed
            else "not allowed",
        ),
    ]
    if data.notes:
        fields.append(("Notes", data.notes))
    out.append(field_table(fields, [38 * mm, WIDTH - 38 * mm]))

    total = sum(i.mass_ug or 0 for i in data.items)
    out.append(
        para(
            f"Schedule A: samples lent ({counted(len(data.items), 'item')}, {format_mass(total)})",
            "h2",
        )
    )
    headers = ("No.", "Aliquot", "Parent sample", "Form", "Mass issued", "Container and seal")
    widths = [10 * mm, 46 * mm, 30 * mm, 28 * mm, 22 * mm]
    widths.append(WIDTH - sum(widths))
    no, aliquot, parent, form, issued, container = widths
    rows: list[list[object]] = [[cell(h, "head", w) for h, w in zip(headers, widths, strict=True)]]
    for index, item in enumerate(data.items, start=1):
        rows.append(
            [
                cell(str(index), "cell", no),
                cell(item.number, "cellbold", aliquot),
                cell(
                    item.sample + (f" (from {item.parent})" if item.parent else ""), "cell", parent
                ),
                cell(item.form, "cell", form),
                cell(format_mass(item.mass_ug or 0), "cell", issued),
                cell(
                    item.container + (f"; seal {item.seal}" if item.seal else ""), "cell", container
                ),
            ]
        )
    rows.append(["", para("Total", "cellbold"), "", "", para(format_mass(total), "cellbold"), ""])
    items_end = len(rows) - 2
    out.append(
        grid_table(
            rows,
            widths,
            extra=[
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, STYLES["body"].textColor),
                *cell_commands("head", (0, 0), (-1, 0)),
                *cell_commands("cell", (0, 1), (-1, items_end)),
                *cell_commands("cellbold", (1, 1), (1, items_end)),
            ],
        )
    )

    out.append(CondPageBreak(40 * mm))
    out.append(para(terms.title, "h2"))
    out.append(
        rich(
            ("m", f"Template {terms.id} (version {terms.version}, effective {terms.effective})"),
            style="small",
        )
    )
    out.append(Spacer(1, 2 * mm))
    if terms.preamble:
        out.append(para(terms.preamble, "body"))
        out.append(Spacer(1, 2 * mm))
    for number, clause in enumerate(terms.clauses, start=1):
        out.append(
            rich(("b", f"{number}.\u2002{clause.heading}. "), ("t", clause.text), style="clause")
        )

    signatures = [
        para("Signatures", "h2"),
        para(
            "Each signature states the signer's printed name, institution, the date and time "
            "and the meaning of the signature. Where a block is blank, sign in ink.",
            "small",
        ),
        Spacer(1, 3 * mm),
        signature_row(data.signatures, WIDTH),
        Spacer(1, 3 * mm),
        *_keys(data),
    ]
    out.append(KeepTogether(signatures))
    return out


def _keys(data: AgreementData) -> list[Flowable]:
    """Both institutions' key fingerprints, for the parties to confirm with each other."""
    rows = [
        (f"Lender's key ({data.lender.code})", data.lender_fingerprint),
        (f"Borrower's key ({data.borrower.code})", data.borrower_fingerprint),
    ]
    return [
        field_table(
            [
                (
                    label,
                    para(fingerprint, "body", bold=True)
                    if fingerprint
                    else para("not yet exchanged", "body"),
                )
                for label, fingerprint in rows
            ],
            [46 * mm, WIDTH - 46 * mm],
        ),
        para(
            "Both parties confirm these fingerprints with each other before signing (read "
            "them aloud by telephone, or compare them with the certificate received): the "
            "documents and exchange files of each institution are signed with its key.",
            "small",
        ),
    ]


def render_agreement(data: AgreementData, terms: Terms, info: DocumentInfo) -> tuple[bytes, int]:
    return render(info, story(data, terms), pagesize=A4)
