"""The return accounting form, laid out like NASA's form F-75: one row per sample as lent
(its split children folded in) with the mass issued, split, consumed, lost, returned and
still accountable, the totals, whether it balances to the microgram, and the lines where the
principal investigator certifies it and the lender's curator accepts it."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from ..domain.masses import format_mass
from ..domain.queries import ReturnAccountingData, SignatureSlot
from .layout import (
    STYLES,
    DocumentInfo,
    field_table,
    grid_table,
    para,
    render,
    rich,
    signature_row,
    table_style,
)
from .wording import Words

PAGE = A4  # portrait: the rows, the totals and both signatures on one page
WIDTH = PAGE[0] - 36 * mm
COLUMNS = ("Issued", "Split", "Consumed", "Lost", "Returned", "Accountable")


def story(data: ReturnAccountingData, w: Words | None = None) -> list[Flowable]:
    """The form's flowables in the languages of ``w`` (English by default)."""
    w = w or Words()
    accounting = data.accounting
    out: list[Flowable] = [
        para(w.stacked("Return accounting (form F-75)"), "title"),
        rich(
            ("t", w.inline("Loan") + " "),
            ("b", data.loan_number),
            ("m", f"   {w.term(data.status)}"),
            style="subtitle",
        ),
    ]
    lender = data.lender + (f"\n{data.lender_local_name}" if data.lender_local_name else "")
    borrower = data.borrower + (f"\n{data.borrower_local_name}" if data.borrower_local_name else "")
    # two columns of fields, so the form keeps to one page with its signatures
    half = WIDTH / 2 - 3 * mm
    fields = Table(
        [
            [
                field_table(
                    [(w.stacked("Lender"), lender), (w.stacked("Borrower"), borrower)],
                    [30 * mm, half - 30 * mm],
                ),
                "",
                field_table(
                    [
                        (w.stacked("Principal investigator"), data.principal_investigator),
                        (
                            w.stacked("Period"),
                            f"{data.starts_on.isoformat()} – {data.due_on.isoformat()}",
                        ),
                    ],
                    [30 * mm, half - 30 * mm],
                ),
            ]
        ],
        colWidths=[half, 6 * mm, half],
    )
    fields.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    out.append(fields)
    out.append(Spacer(1, 3 * mm))
    out.append(
        para(
            w.stacked(
                "For every sample issued under this loan: issued = consumed + lost + returned "
                "+ accountable. Split is mass moved to aliquots split from it under the loan; "
                "they are accounted for in its row. Masses from the custody ledger."
            ),
            "small",
        )
    )
    out.append(Spacer(1, 3 * mm))
    rows: list[list[object]] = [
        [para(w.stacked(h), "head") for h in ("Sample", *COLUMNS, "Balances")]
    ]
    yes, no = w.inline("yes"), w.inline("NO")
    split_from = w.inline("split from it")
    for line in accounting.lines:
        sample = para(line.aliquot_number, "cell")
        name: object = sample
        parts: list[Flowable] = [sample]
        if line.children:
            parts += [para(f"{split_from}:", "muted"), para(", ".join(line.children), "small")]
        if line.corrected_ug:
            sign = "+" if line.corrected_ug > 0 else "−"
            corrected = f"{sign}{format_mass(abs(line.corrected_ug))}"
            parts.append(para(w.inline("book mass corrected by {mass}", mass=corrected), "muted"))
        if len(parts) > 1:
            name = parts
        rows.append(
            [
                name,
                *(para(format_mass(v), "cell") for v in _masses(line)),
                para(yes if line.balances else no, "cell" if line.balances else "cellbold"),
            ]
        )
    total = accounting.total
    rows.append(
        [
            para(w.stacked("Total"), "cellbold"),
            *(para(format_mass(v), "cellbold") for v in _masses(total)),
            para(yes if accounting.balances else no, "cellbold"),
        ]
    )
    widths = [0.0, *(21 * mm for _ in COLUMNS), 16 * mm]
    widths[0] = WIDTH - sum(widths)
    out.append(
        grid_table(
            rows, widths, extra=[("LINEABOVE", (0, -1), (-1, -1), 0.8, STYLES["body"].textColor)]
        )
    )
    out.append(Spacer(1, 3 * mm))
    if not accounting.balances:
        verdict = "It does not balance: a difference must be resolved before the loan closes."
    elif total.accountable_ug:
        verdict = "It balances; material is still to be accounted for."
    else:
        verdict = "It balances to the microgram; nothing is left to account for."
    out.append(para(w.stacked(verdict), "body", bold=True))
    out.append(Spacer(1, 4 * mm))
    out.append(
        KeepTogether(
            [
                para(w.stacked("Certified and accepted"), "h2"),
                signature_row(
                    [
                        SignatureSlot(
                            "Principal investigator", data.principal_investigator, data.borrower
                        ),
                        SignatureSlot("Curator", "", data.lender),
                    ],
                    WIDTH,
                    w,
                ),
            ]
        )
    )
    return out


def _masses(line: object) -> tuple[int, ...]:
    return tuple(
        getattr(line, name)
        for name in (
            "issued_ug",
            "split_ug",
            "consumed_ug",
            "lost_ug",
            "returned_ug",
            "accountable_ug",
        )
    )


def render_return_accounting(data: ReturnAccountingData, info: DocumentInfo) -> tuple[bytes, int]:
    return render(info, story(data, info.words), pagesize=PAGE)
