"""The detail panes of the Transfers view as HTML: a package (its items, couriers,
signatures and discrepancies) and a discrepancy; and the sentence that names a discrepancy."""

from __future__ import annotations

import html
from datetime import datetime

from ...domain import custody
from ...domain.masses import format_mass
from ...domain.queries import DiscrepancyDetail, TransferDetail
from ..tablemodel import local_time, status_label

NO_TRANSFER = (
    "<p style='color:#5f6368'>Select a transfer to see its items, couriers, "
    "signatures and discrepancies.</p>"
)
NO_DISCREPANCY = (
    "<p style='color:#5f6368'>Select a discrepancy to see what was found at "
    "receipt and how it was resolved.</p>"
)


def mass(value: int | None) -> str:
    return "" if value is None else format_mass(value)


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
        ("From", f"{e(d.from_institution)} ({e(d.sender)})"),
        ("To", f"{e(d.to_institution)} ({e(d.receiver)})"),
        ("Courier now", e(d.courier)),
        ("Loan", link("loan", d.loan_number) if d.loan_number else "none"),
        ("Seal", e(d.seal_number)),
        ("Container", e(d.container) or "—"),
        ("Prepared", when(d.prepared_at)),
        ("Released", when(d.released_at) or "—"),
        (
            "Received",
            f"{when(d.received_at)} by {e(d.received_by)}" if d.received_at else "—",
        ),
    ]
    if d.notes:
        facts.append(("Notes", e(d.notes).replace("\n", "<br>")))
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
                format_mass(item.expected_mass_ug),
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
            when(leg.ended_at) or "carrying",
        ]
        for leg in d.legs
    ]
    signed = [
        [
            f"{e(s.printed_name)}<br><span style='color:#5f6368'>{e(s.institution_name)}</span>",
            e(s.meaning),
            when(s.signed_at),
            e(s.method),
        ]
        for s in d.signatures
    ]
    found = [
        [
            link("discrepancy", str(x.id)),
            e(status_label(x.kind)),
            e(x.aliquot_number or "package"),
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
        f"<h3>Items ({len(d.items)})</h3>",
        table(["Aliquot", "Expected", "Measured", "Now"], items, (0, 1, 2)),
        "<h3>Couriers</h3>",
        table(["Leg", "Courier", "Handed over by", "Started", "Ended"], legs, (0, 3, 4))
        if legs
        else "<p>Not picked up yet.</p>",
        "<h3>Signatures</h3>",
        table(["Signed by", "Meaning", "When", "Method"], signed, (2,))
        if signed
        else "<p>None yet.</p>",
    ]
    if found:
        parts += [
            f"<h3 style='color:#b00020'>Discrepancies ({len(found)})</h3>",
            table(["#", "Kind", "Aliquot", "Expected", "Measured", "Resolution"], found),
        ]
    return "".join(parts)


def discrepancy_html(found: DiscrepancyDetail) -> str:
    """A discrepancy: what was found at receipt, and how it was resolved (or that it is open)."""
    rows = [
        ("Transfer", link("transfer", found.transfer_number)),
        (
            "Aliquot",
            link("aliquot", found.aliquot_number) if found.aliquot_number else "the whole package",
        ),
        ("Expected", mass(found.expected_mass_ug) or "—"),
        ("Measured", mass(found.measured_mass_ug) or "—"),
        ("Raised", f"{when(found.raised_at)} by {e(found.raised_by)}"),
        ("Note", e(found.note) or "—"),
    ]
    if found.resolved_at is not None:
        rows += [
            ("Resolution", e(custody.RESOLUTIONS.get(found.resolution or "", ""))),
            ("Resolved", f"{when(found.resolved_at)} by {e(found.resolved_by)}"),
            ("Resolution note", e(found.resolution_note)),
        ]
    else:
        rows.append(("Resolution", "<b style='color:#b00020'>open</b>"))
    return (
        f"<h2>Discrepancy #{found.id}: {e(status_label(found.kind))}</h2>"
        f"<table cellspacing='0' cellpadding='2'>{_facts(rows)}</table>"
    )


def discrepancy_sentence(found: DiscrepancyDetail) -> str:
    """'#3 on transfer T2026-0001: A2 weighed 250.000 mg at receipt; its book mass was …'."""
    if found.kind == "mass":
        return (
            f"#{found.id} on transfer {found.transfer_number}: {found.aliquot_number} weighed "
            f"{mass(found.measured_mass_ug)} at receipt; its book mass was "
            f"{mass(found.expected_mass_ug)}."
        )
    what = status_label(found.kind)
    note = f" ({found.note})" if found.note else ""
    return f"#{found.id} on transfer {found.transfer_number}: {what}{note}."
