"""The inventory certificate: what the principal investigator certified was held under a
loan on the day of the inventory, aliquot by aliquot (found, missing and reported lost,
unexpected), with the masses weighed, and the signature."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain.masses import format_mass
from ..domain.queries.inventories import InventoryCertificateData
from .layout import DocumentInfo, field_table, grid_table, para, render, signature_row, when
from .wording import Words

WIDTH = A4[0] - 36 * mm
OUTCOMES = {
    "found": "found",
    "missing": "missing",
    "unexpected": "unexpected (not expected)",
    "pending": "not checked",
}


def story(data: InventoryCertificateData, w: Words | None = None) -> list[Flowable]:
    """The certificate's flowables in the languages of ``w`` (English by default)."""
    w = w or Words()
    inv = data.inventory
    out: list[Flowable] = [
        para(w.stacked("Inventory certificate"), "title"),
        para(f"{w.inline('Inventory')} {inv.number}", "subtitle"),
    ]
    answers = (
        w.inline("Annual inventory for the anniversary of {day}", day=inv.due_on.isoformat())
        if inv.due_on
        else w.inline("Inventory on demand")
    )
    fields: list[tuple[str, object]] = [
        (w.stacked("Loan"), inv.loan_number),
        (w.stacked("Lender"), data.lender),
        (w.stacked("Borrower"), data.borrower),
        (w.stacked("Principal investigator"), inv.principal_investigator),
        (w.stacked("Inventory"), answers),
        (w.stacked("Started"), f"{when(inv.started_at, w)} ({inv.started_by})"),
        (w.stacked("Status"), w.term(inv.status)),
    ]
    if inv.certified_at:
        fields.append((w.stacked("Certified"), when(inv.certified_at, w)))
    out.append(field_table(fields, [42 * mm, WIDTH - 42 * mm]))
    out.append(
        para(
            w.stacked(
                "Expected {expected}: found {found}, missing {missing}; unexpected {unexpected}",
                expected=inv.expected,
                found=inv.count("found"),
                missing=inv.count("missing"),
                unexpected=inv.count("unexpected"),
            ),
            "h2",
        )
    )
    headers = ("No.", "Aliquot", "Expected", "Outcome", "Book mass", "Weighed", "Resolution")
    rows: list[list[object]] = [[para(w.stacked(h), "head") for h in headers]]
    yes, no, lost = w.inline("yes"), w.inline("no"), w.inline("reported lost")
    for index, line in enumerate(inv.lines, start=1):
        rows.append(
            [
                para(str(index), "cell"),
                para(line.aliquot_number, "cellbold"),
                para(yes if line.expected else no, "cell"),
                para(w.inline(OUTCOMES.get(line.outcome, line.outcome)), "cell"),
                para(format_mass(line.book_mass_ug) if line.book_mass_ug else "—", "cell"),
                para(format_mass(line.measured_mass_ug) if line.measured_mass_ug else "—", "cell"),
                para(lost if line.resolution else "", "cell"),
            ]
        )
    widths = [9 * mm, 0.0, 18 * mm, 30 * mm, 26 * mm, 26 * mm, 28 * mm]
    widths[1] = WIDTH - sum(widths)
    out.append(grid_table(rows, widths))
    out.append(Spacer(1, 6 * mm))
    out.append(
        KeepTogether(
            [
                para(w.stacked("Certification"), "h2"),
                para(
                    w.stacked(
                        "I certify that this inventory lists every aliquot held under the "
                        "loan on the day it was taken, and that every aliquot not found was "
                        "reported lost."
                    ),
                    "body",
                ),
                Spacer(1, 3 * mm),
                signature_row([data.signature], WIDTH / 2, w),
            ]
        )
    )
    return out


def render_certificate(data: InventoryCertificateData, info: DocumentInfo) -> tuple[bytes, int]:
    return render(info, story(data, info.words), pagesize=A4)
