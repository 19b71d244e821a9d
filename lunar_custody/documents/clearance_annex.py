"""The agreement's annex on clearance before approval: each item of the loan's checklist,
its status, who attested or waived it and when, the waiver's reason, and the file kept with
it by name and SHA-256 (so a partner can check the copy it holds against it)."""

from __future__ import annotations

from datetime import UTC, datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from ..domain.clearance import WAIVED, item_text
from ..domain.queries import AgreementData, ClearanceLine
from .layout import cell, cell_commands, grid_table, para
from .wording import Words

STATUS_WORDS = {"pending": "not yet attested", "attested": "attested", "waived": "waived"}


def _moment(value: datetime | None) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if value else ""


def _title(line: ClearanceLine, w: Words) -> str:
    """The item's title in the document's languages: the template's translation by key."""
    titles = []
    for language in w.languages:
        found = item_text(line.template_version, line.key, language)
        titles.append(found[0] if found and found[0] else line.title)
    return "\n".join(dict.fromkeys(titles))


def clearance_annex(data: AgreementData, w: Words, width: float) -> list[Flowable]:
    """The annex's heading, note and table; nothing for a loan without a checklist."""
    if not data.clearance:
        return []
    headers = ("No.", "Clearance item", "Status", "By, when", "File (SHA-256)", "Note or reason")
    widths = [9 * mm, 36 * mm, 29 * mm, 28 * mm, 44 * mm]
    widths.append(width - sum(widths))
    no = widths[0]
    rows: list[list[object]] = [
        [cell(w.stacked(h), "head", wide) for h, wide in zip(headers, widths, strict=True)]
    ]
    for index, line in enumerate(data.clearance, start=1):
        waived = line.status == WAIVED
        who = line.waived_by if waived else line.attested_by
        when = line.waived_at if waived else line.attested_at
        detail = (line.waiver_reason if waived else line.note) or ""
        if line.expires_on:
            detail = "\n".join(
                filter(None, [w.inline("expires {date}", date=line.expires_on.isoformat()), detail])
            )
        rows.append(
            [
                cell(str(index), "cell", no),
                para(_title(line, w), "cell"),
                para(w.stacked(STATUS_WORDS.get(line.status, line.status)), "cellbold"),
                para("\n".join(filter(None, [who, _moment(when)])), "cell"),
                para(f"{line.file_name}\n{line.file_sha256}" if line.file_name else "—", "small"),
                para(detail, "cell"),
            ]
        )
    table = grid_table(
        rows,
        widths,
        extra=[*cell_commands("head", (0, 0), (-1, 0)), *cell_commands("cell", (0, 1), (0, -1))],
    )
    heading = [
        para(w.stacked("Annex: clearance before approval"), "h2"),
        para(
            w.stacked(
                "Each item was attested by the person named, with the file kept under its "
                "SHA-256, or waived by the Lender's curator for the reason given. The Lender "
                "approves the loan only when no item is open."
            ),
            "small",
        ),
    ]
    return [KeepTogether([*heading, table])]
