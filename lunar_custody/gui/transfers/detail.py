"""The detail panes of the Transfers view as HTML: a package (its items, couriers,
signatures and discrepancies) and a discrepancy; and the sentence that names a discrepancy."""

from __future__ import annotations

import html
from datetime import datetime

from ...domain import custody
from ...domain.identity import PASSWORD, PIN, SIGNATURE_MEANINGS
from ...domain.queries import DiscrepancyDetail, TransferDetail
from ..locale_format import mass_text
from ..tablemodel import local_time, status_label
from ..translation import Translator, translated
from ..vocabulary import word

_transfers_detail = Translator("_transfers_detail")
# How a signature was given (identity.PASSWORD, identity.PIN), as the window names it.
SIGNATURE_METHODS = {
    PASSWORD: _transfers_detail.noop("password"),
    PIN: _transfers_detail.noop("PIN"),
}


def _hint(text: str) -> str:
    return f"<p style='color:#5f6368'>{html.escape(text)}</p>"


def no_transfer() -> str:
    """The detail pane with no transfer selected."""
    return _hint(
        _transfers_detail.tr(
            "Select a transfer to see its items, couriers, signatures and discrepancies."
        )
    )


def no_discrepancy() -> str:
    """The detail pane with no discrepancy selected."""
    return _hint(
        _transfers_detail.tr(
            "Select a discrepancy to see what was found at receipt and how it was resolved."
        )
    )


def mass(value: int | None) -> str:
    return "" if value is None else mass_text(value)


def when(value: object) -> str:
    return local_time(value) if isinstance(value, datetime) else ""


NOWRAP = " style='white-space:nowrap'"


def e(text: object) -> str:
    """``text`` escaped for HTML (None as nothing)."""
    return html.escape("" if text is None else str(text))


def table(headers: list[str], rows: list[list[str]], nowrap: tuple[int, ...] = ()) -> str:
    """An HTML table for the detail pane; ``nowrap`` columns (times) stay on one line, and
    a heading wraps between its words only ("Couri/er" in a narrow pane is no heading)."""
    head = "".join(f"<th align='left'{'' if ' ' in h else NOWRAP}>{h}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{NOWRAP}>{c}</td>" if i in nowrap else f"<td>{c}</td>" for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        "<table cellspacing='0' cellpadding='3' border='0' width='100%'>"
        f"<tr style='background:#e8eaed'>{head}</tr>{body}</table>"
    )


def by(moment: datetime | None, person: str | None) -> str:
    """When and by whom (HTML), or a dash when it has not happened."""
    if moment is None:
        return "—"
    return e(_transfers_detail.tr("{when} by {person}").format(when=when(moment), person=person))


def h3(text: str) -> str:
    return f"<h3>{e(text)}</h3>"


def paragraph(text: str) -> str:
    return f"<p>{e(text)}</p>"


def link(kind: str, value: str) -> str:
    """A link the view follows (``kind:value``: a transfer, an aliquot, a loan...)."""
    return f"<a href='{kind}:{html.escape(value, quote=True)}'>{html.escape(value)}</a>"


def _facts(rows: list[tuple[str, str]]) -> str:
    return "".join(
        f"<tr><td style='color:#5f6368;padding-right:12px'>{k}</td><td>{v}</td></tr>"
        for k, v in rows
    )


def transfer_html(d: TransferDetail) -> str:
    """A package: who sends it to whom, its items, couriers, signatures, discrepancies."""
    facts = [
        (_transfers_detail.tr("From"), f"{e(d.from_institution)} ({e(d.sender)})"),
        (_transfers_detail.tr("To"), f"{e(d.to_institution)} ({e(d.receiver)})"),
        (_transfers_detail.tr("Courier now"), e(d.courier)),
        (
            _transfers_detail.tr("Loan"),
            link("loan", d.loan_number) if d.loan_number else e(_transfers_detail.tr("none")),
        ),
        (_transfers_detail.tr("Seal"), e(d.seal_number)),
        (_transfers_detail.tr("Container"), e(d.container) or "—"),
        (_transfers_detail.tr("Prepared"), when(d.prepared_at)),
        (_transfers_detail.tr("Released"), when(d.released_at) or "—"),
        (_transfers_detail.tr("Received"), by(d.received_at, d.received_by)),
    ]
    if d.notes:
        facts.append((_transfers_detail.tr("Notes"), e(d.notes).replace("\n", "<br>")))
    items = []
    for item in d.items:
        measured = mass(item.measured_mass_ug)
        if item.measured_mass_ug is not None and abs(
            item.measured_mass_ug - item.expected_mass_ug
        ) > custody.mass_tolerance_ug(item.expected_mass_ug):
            measured = f"<span style='color:#b00020'><b>{measured}</b></span>"
        items.append(
            [
                link("aliquot", item.aliquot_number),
                mass_text(item.expected_mass_ug),
                measured,
                e(status_label(item.status)),
            ]
        )
    legs = [
        [
            str(leg.seq),
            e(leg.courier),
            e(leg.handed_over_by),
            when(leg.started_at),
            when(leg.ended_at) or e(_transfers_detail.tr("carrying")),
        ]
        for leg in d.legs
    ]
    signed = [
        [
            f"{e(s.printed_name)}<br><span style='color:#5f6368'>{e(s.institution_name)}</span>",
            e(word("signature", SIGNATURE_MEANINGS.get(s.meaning, s.meaning))),
            when(s.signed_at),
            e(translated(SIGNATURE_METHODS.get(s.method, s.method))),
        ]
        for s in d.signatures
    ]
    found = [
        [
            link("discrepancy", str(x.id)),
            e(status_label(x.kind)),
            e(x.aliquot_number or _transfers_detail.tr("package")),
            mass(x.expected_mass_ug),
            mass(x.measured_mass_ug),
            e(status_label(x.resolution or "open")),
        ]
        for x in d.discrepancies
    ]
    parts = [
        f"<h2>{e(d.number)} <span style='font-weight:normal;color:#5f6368'>"
        f"{e(status_label(d.kind))} · {e(status_label(d.status))}</span></h2>",
        f"<table cellspacing='0' cellpadding='2'>{_facts(facts)}</table>",
        h3(_transfers_detail.tr("Items ({count})").format(count=len(d.items))),
        table(
            [
                _transfers_detail.tr("Aliquot"),
                _transfers_detail.tr("Expected"),
                _transfers_detail.tr("Measured"),
                _transfers_detail.tr("Now"),
            ],
            items,
            (0, 1, 2),
        ),
        h3(_transfers_detail.tr("Couriers")),
        table(
            [
                _transfers_detail.tr("Leg"),
                _transfers_detail.tr("Courier"),
                _transfers_detail.tr("Handed over by"),
                _transfers_detail.tr("Started"),
                _transfers_detail.tr("Ended"),
            ],
            legs,
            (0, 3, 4),
        )
        if legs
        else paragraph(_transfers_detail.tr("Not picked up yet.")),
        h3(_transfers_detail.tr("Signatures")),
        table(
            [
                _transfers_detail.tr("Signed by"),
                _transfers_detail.tr("Meaning"),
                _transfers_detail.tr("When"),
                _transfers_detail.tr("Method"),
            ],
            signed,
            (2,),
        )
        if signed
        else paragraph(_transfers_detail.tr("None yet.")),
    ]
    if found:
        heading = _transfers_detail.tr("Discrepancies ({count})").format(count=len(found))
        parts += [
            f"<h3 style='color:#b00020'>{e(heading)}</h3>",
            table(
                [
                    "#",
                    _transfers_detail.tr("Kind"),
                    _transfers_detail.tr("Aliquot"),
                    _transfers_detail.tr("Expected"),
                    _transfers_detail.tr("Measured"),
                    _transfers_detail.tr("Resolution"),
                ],
                found,
            ),
        ]
    return "".join(parts)


def discrepancy_html(found: DiscrepancyDetail) -> str:
    """A discrepancy: what was found at receipt, and how it was resolved (or that it is open)."""
    rows = [
        (_transfers_detail.tr("Transfer"), link("transfer", found.transfer_number)),
        (
            _transfers_detail.tr("Aliquot"),
            link("aliquot", found.aliquot_number)
            if found.aliquot_number
            else e(_transfers_detail.tr("the whole package")),
        ),
        (_transfers_detail.tr("Expected"), mass(found.expected_mass_ug) or "—"),
        (_transfers_detail.tr("Measured"), mass(found.measured_mass_ug) or "—"),
        (_transfers_detail.tr("Raised"), by(found.raised_at, found.raised_by)),
        (_transfers_detail.tr("Note"), e(found.note) or "—"),
    ]
    resolution = _transfers_detail.tr("Resolution")
    if found.resolved_at is not None:
        rows += [
            (resolution, e(status_label(found.resolution or ""))),
            (_transfers_detail.tr("Resolved"), by(found.resolved_at, found.resolved_by)),
            (_transfers_detail.tr("Resolution note"), e(found.resolution_note)),
        ]
    else:
        rows.append((resolution, f"<b style='color:#b00020'>{e(status_label('open'))}</b>"))
    heading = _transfers_detail.tr("Discrepancy #{id}: {kind}").format(
        id=found.id, kind=status_label(found.kind)
    )
    return f"<h2>{e(heading)}</h2><table cellspacing='0' cellpadding='2'>{_facts(rows)}</table>"


def discrepancy_sentence(found: DiscrepancyDetail) -> str:
    """'#3 on transfer T2026-0001: A2 weighed 250.000 mg at receipt; its book mass was …'."""
    if found.kind == "mass":
        return _transfers_detail.tr(
            "#{id} on transfer {transfer}: {number} weighed {measured} at receipt; its book "
            "mass was {expected}."
        ).format(
            id=found.id,
            transfer=found.transfer_number,
            number=found.aliquot_number,
            measured=mass(found.measured_mass_ug),
            expected=mass(found.expected_mass_ug),
        )
    what = status_label(found.kind)
    if found.note:
        return _transfers_detail.tr("#{id} on transfer {transfer}: {what} ({note}).").format(
            id=found.id, transfer=found.transfer_number, what=what, note=found.note
        )
    return _transfers_detail.tr("#{id} on transfer {transfer}: {what}.").format(
        id=found.id, transfer=found.transfer_number, what=what
    )
