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
from .clearance_annex import clearance_annex
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
from .terms import Terms, TranslatedTerms
from .wording import Words, translate

WIDTH = A4[0] - 36 * mm

STATUS_NOTES = {
    "draft": "DRAFT: prepared for review; not valid until signed by the Lender.",
    "approved": "Approved by the Lender; takes effect when countersigned by the Borrower.",
    "cancelled": "CANCELLED: this agreement was cancelled and is not in force.",
}


def _party(role: str, party: Party, w: Words) -> list[Flowable]:
    out: list[Flowable] = [para(w.inline(role), "label"), para(party.name, "body", bold=True)]
    if party.local_name:
        out.append(para(party.local_name, "body"))
    if party.address:
        out.append(para(party.address, "small"))
    if party.country and party.country not in party.address:
        out.append(para(party.country, "small"))
    return out


def _day(value: date) -> str:
    return f"{value.isoformat()} ({value.strftime('%d %B %Y').lstrip('0')})"


def _period(data: AgreementData, w: Words) -> str:
    """'from 2026-03-14 (14 March 2026) to …', in Chinese with the ISO dates alone."""
    parts = []
    for language in w.languages:
        if language == "en":
            parts.append(f"from {_day(data.starts_on)} to {_day(data.due_on)}")
        else:
            parts.append(
                translate("from {start} to {due}").format(
                    start=data.starts_on.isoformat(), due=data.due_on.isoformat()
                )
            )
    return "\n".join(parts)


def story(
    data: AgreementData,
    terms: Terms,
    translation: TranslatedTerms | None = None,
    w: Words | None = None,
) -> list[Flowable]:
    """The agreement's flowables in the languages of ``w`` (English by default);
    ``translation``: the terms in Chinese, needed when ``w`` prints Chinese."""
    w = w or Words()
    out: list[Flowable] = [
        para(w.stacked("Loan agreement for lunar samples"), "title"),
        rich(
            ("t", w.inline("Agreement No.") + " "),
            ("b", data.loan_number),
            ("m", f"   {w.inline('status')}: {w.term(data.status)}"),
            style="subtitle",
        ),
    ]
    if data.status in STATUS_NOTES:
        out.append(para(w.stacked(STATUS_NOTES[data.status]), "body", bold=True))
        out.append(Spacer(1, 3 * mm))
    parties = Table(
        [[_party("Lender", data.lender, w), "", _party("Borrower", data.borrower, w)]],
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
        (w.stacked("Principal investigator"), pi),
        (w.stacked("Co-investigators"), "; ".join(data.co_investigators) or w.inline("none named")),
        (w.stacked("Purpose"), data.purpose),
        (w.stacked("Loan period"), _period(data, w)),
        (
            w.stacked("Destructive analysis"),
            w.inline("allowed as described in the purpose")
            if data.destructive_analysis_allowed
            else w.inline("not allowed"),
        ),
    ]
    if data.notes:
        fields.append((w.stacked("Notes"), data.notes))
    out.append(field_table(fields, [38 * mm, WIDTH - 38 * mm]))

    total = sum(i.mass_ug or 0 for i in data.items)
    out.append(
        para(
            w.stacked(
                "Schedule A: samples lent ({items}, {mass})",
                items=counted(len(data.items), "item"),
                count=f"{len(data.items):,}",
                mass=format_mass(total),
            ),
            "h2",
        )
    )
    headers = ("No.", "Aliquot", "Parent sample", "Form", "Mass issued", "Container and seal")
    widths = [10 * mm, 46 * mm, 30 * mm, 28 * mm, 22 * mm]
    widths.append(WIDTH - sum(widths))
    no, aliquot, parent, form, issued, container = widths
    rows: list[list[object]] = [
        [cell(w.stacked(h), "head", width) for h, width in zip(headers, widths, strict=True)]
    ]
    came_from, seal = w.inline("from"), w.inline("seal")
    for index, item in enumerate(data.items, start=1):
        rows.append(
            [
                cell(str(index), "cell", no),
                cell(item.number, "cellbold", aliquot),
                cell(
                    item.sample + (f" ({came_from} {item.parent})" if item.parent else ""),
                    "cell",
                    parent,
                ),
                cell(item.form, "cell", form),
                cell(format_mass(item.mass_ug or 0), "cell", issued),
                cell(
                    item.container + (f"; {seal} {item.seal}" if item.seal else ""),
                    "cell",
                    container,
                ),
            ]
        )
    rows.append(
        ["", para(w.stacked("Total"), "cellbold"), "", "", para(format_mass(total), "cellbold"), ""]
    )
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

    if w.chinese:
        if translation is None:
            raise ValueError("an agreement in Chinese needs the terms' translation")
        out.extend(_governing(data, terms, translation, w))
    if w.english:
        out.extend(_terms_block(data, terms, w, "en"))
    if translation is not None and w.chinese:
        out.extend(_terms_block(data, translation.terms, w, "zh", translation))

    signatures = [
        para(w.stacked("Signatures"), "h2"),
        para(
            w.stacked(
                "Each signature states the signer's printed name, institution, the date and time "
                "and the meaning of the signature. Where a block is blank, sign in ink."
            ),
            "small",
        ),
        Spacer(1, 3 * mm),
        signature_row(data.signatures, WIDTH, w),
        Spacer(1, 3 * mm),
        *_keys(data, w),
    ]
    out.append(KeepTogether(signatures))
    out.extend(clearance_annex(data, w, WIDTH))
    out.extend(receivers_annex(data, w))
    return out


def receivers_annex(data: AgreementData, w: Words) -> list[Flowable]:
    """The annex naming the loan's authorised receivers: who may receive and open its
    packages, each signing a receipt in their own name (issue 17)."""
    if not data.receivers:
        return []
    headers = ("Name", "Function", "Institution")
    widths = [60 * mm, 50 * mm]
    widths.append(WIDTH - sum(widths))
    rows: list[list[object]] = [
        [cell(w.stacked(h), "head", width) for h, width in zip(headers, widths, strict=True)]
    ]
    for receiver in data.receivers:
        name = receiver.full_name + (f"  {receiver.local_name}" if receiver.local_name else "")
        institution = receiver.institution + (
            f"\n{receiver.institution_local}" if receiver.institution_local else ""
        )
        rows.append(
            [
                cell(name, "cellbold", widths[0]),
                cell(w.term(receiver.function), "cell", widths[1]),
                cell(institution, "cell", widths[2]),
            ]
        )
    return [
        CondPageBreak(40 * mm),
        para(w.stacked("Annex: authorised receivers"), "h2"),
        para(
            w.stacked(
                "Any of the people below may receive and open a package sent under this loan; "
                "the receipt is signed in the name of whoever received it. The list is kept by "
                "the Borrower and the Lender and may change after signing; every change is "
                "recorded."
            ),
            "small",
        ),
        Spacer(1, 2 * mm),
        grid_table(
            rows,
            widths,
            extra=[
                *cell_commands("head", (0, 0), (-1, 0)),
                *cell_commands("cell", (0, 1), (-1, -1)),
                *cell_commands("cellbold", (0, 1), (0, -1)),
            ],
        ),
    ]


def _governing(
    data: AgreementData, terms: Terms, translation: TranslatedTerms, w: Words
) -> list[Flowable]:
    """Which text governs, and that the Chinese one is a translation still to be reviewed:
    printed before the terms, in each language the agreement prints."""
    sentence = (
        "Languages. The terms of loan are printed in {languages}. The English text "
        "(template {id}) governs unless the Lender states otherwise in writing. The Chinese "
        "text (template {translation}) is a translation, {status}."
    )
    printed_in = "English and Chinese" if w.both else "Chinese"
    text = []
    for language in w.languages:
        local = (lambda english: english) if language == "en" else translate
        text.append(
            local(sentence).format(
                languages=local(printed_in),
                id=terms.id,
                translation=translation.id,
                status=local(translation.status),
            )
        )
    box = Table([[[para(line, "small") for line in text]]], colWidths=[WIDTH])
    box.setStyle(
        table_style(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, STYLES["body"].textColor),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return [CondPageBreak(40 * mm), Spacer(1, 5 * mm), box]


def _terms_block(
    data: AgreementData,
    terms: Terms,
    w: Words,
    language: str,
    translation: TranslatedTerms | None = None,
) -> list[Flowable]:
    """The terms in one language: the English text as the template gives it, or its
    translation; each names the agreement and what Schedule A holds when the agreement
    prints Chinese too, so each language's block stands on its own."""
    out: list[Flowable] = [CondPageBreak(40 * mm), para(terms.title, "h2")]
    if translation is None:
        out.append(
            rich(
                (
                    "m",
                    f"Template {terms.id} (version {terms.version}, effective {terms.effective})",
                ),
                style="small",
            )
        )
    else:
        out.append(
            para(
                translate(
                    "Template {id}, translation of {source} (version {version}, effective "
                    "{effective}): {status}"
                ).format(
                    id=translation.id,
                    source=translation.translation_of,
                    version=terms.version,
                    effective=terms.effective,
                    status=translate(translation.status),
                ),
                "muted",
            )
        )
    if w.chinese:
        total = format_mass(sum(i.mass_ug or 0 for i in data.items))
        recital = (
            "These terms apply to agreement {number} and to the {items} of Schedule A, "
            "{mass} in all."
        )
        values = {
            "number": data.loan_number,
            "items": counted(len(data.items), "item"),
            "count": f"{len(data.items):,}",
            "mass": total,
        }
        text = recital.format(**values) if language == "en" else translate(recital).format(**values)
        out.append(para(text, "small"))
    out.append(Spacer(1, 2 * mm))
    if terms.preamble:
        out.append(para(terms.preamble, "body"))
        out.append(Spacer(1, 2 * mm))
    for number, clause in enumerate(terms.clauses, start=1):
        mark = ". " if language == "en" else "。"
        out.append(
            rich(
                ("b", f"{number}.\u2002{clause.heading}{mark}"), ("t", clause.text), style="clause"
            )
        )
    return out


def _keys(data: AgreementData, w: Words) -> list[Flowable]:
    """Both institutions' key fingerprints, for the parties to confirm with each other."""
    rows = [
        (w.stacked("Lender's key ({code})", code=data.lender.code), data.lender_fingerprint),
        (
            w.stacked("Borrower's key ({code})", code=data.borrower.code),
            data.borrower_fingerprint,
        ),
    ]
    return [
        field_table(
            [
                (
                    label,
                    para(fingerprint, "body", bold=True)
                    if fingerprint
                    else para(w.inline("not yet exchanged"), "body"),
                )
                for label, fingerprint in rows
            ],
            [46 * mm, WIDTH - 46 * mm],
        ),
        para(
            w.stacked(
                "Both parties confirm these fingerprints with each other before signing (read "
                "them aloud by telephone, or compare them with the certificate received): the "
                "documents and exchange files of each institution are signed with its key."
            ),
            "small",
        ),
    ]


def render_agreement(
    data: AgreementData,
    terms: Terms,
    info: DocumentInfo,
    translation: TranslatedTerms | None = None,
) -> tuple[bytes, int]:
    return render(info, story(data, terms, translation, info.words), pagesize=A4)
