"""Inventory, loans and the chain of custody as CSV or JSON, streamed to a text stream.

Rows are read in batches (``yield_per``; a server-side cursor on PostgreSQL) and written as
they come, so a ledger of millions of events never sits in memory. Masses are integers
in micrograms (columns ending in ``_ug``), times are ISO 8601 in UTC with microseconds
(what the ledger hashes), people are named by user name and institutions by code.

- CSV: a header row, then one row per record (``csv.DictWriter``, RFC 4180 line ends:
  open files with ``newline=""``). Empty values are empty cells, booleans ``true``/``false``.
- JSON: one array of objects, written as ``[``, objects separated by ``,\\n``, ``]``;
  empty values are ``null``.

``progress(done, total)`` is called every ``BATCH`` rows and at the end; returning True
cancels (``errors.Cancelled``; what was written so far is incomplete and should be discarded).
Every function returns the number of rows written.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any, TextIO

from sqlalchemy import RowMapping, Select, func, select
from sqlalchemy.orm import aliased

from . import operation as op
from .errors import ValidationError
from .models import Aliquot, CustodyEvent, Institution, Loan, LoanItem, Person, Sample, Transfer
from .store import ProgressCallback, Store, report_progress
from .wording import Words

_domain_export = Words("_domain_export")

FORMATS = ("csv", "json")
BATCH = 1000


INVENTORY_FIELDS = (
    "number",
    "sample",
    "parent",
    "status",
    "form",
    "container",
    "seal_number",
    "initial_mass_ug",
    "current_mass_ug",
    "children_mass_ug",
    "consumed_mass_ug",
    "lost_mass_ug",
    "custodian_institution",
    "custodian_person",
    "courier",
    "transfer",
    "loan",
)

LOAN_FIELDS = (
    "loan",
    "loan_status",
    "borrower",
    "principal_investigator",
    "starts_on",
    "due_on",
    "destructive_analysis_allowed",
    "aliquot",
    "sample",
    "parent_aliquot",
    "added_at",
    "mass_at_loan_ug",
    "shipped_mass_ug",
    "shipped_at",
    "returned_mass_ug",
    "returned_at",
    "aliquot_status",
    "current_mass_ug",
    "custodian_institution",
)

CUSTODY_FIELDS = (
    "id",
    "uuid",
    "occurred_at",
    "kind",
    "aliquot",
    "mass_ug",
    "from_institution",
    "from_person",
    "to_institution",
    "to_person",
    "courier",
    "transfer",
    "loan",
    "related_aliquot",
    "corrects_event_id",
    "seal_number",
    "seal_intact",
    "actor",
    "note",
    "prev_hash",
    "hash",
)


def export_inventory(
    store: Store, out: TextIO, fmt: str, *, progress: ProgressCallback | None = None
) -> int:
    """One row per aliquot (INVENTORY_FIELDS): where it is, what it weighs, who holds it."""
    parent = aliased(Aliquot)
    custodian = aliased(Person)
    courier = aliased(Person)
    statement = (
        select(
            Aliquot.number.label("number"),
            Sample.number.label("sample"),
            parent.number.label("parent"),
            Aliquot.status.label("status"),
            Aliquot.form.label("form"),
            Aliquot.container.label("container"),
            Aliquot.seal_number.label("seal_number"),
            Aliquot.initial_mass_ug.label("initial_mass_ug"),
            Aliquot.current_mass_ug.label("current_mass_ug"),
            Aliquot.children_mass_ug.label("children_mass_ug"),
            Aliquot.consumed_mass_ug.label("consumed_mass_ug"),
            Aliquot.lost_mass_ug.label("lost_mass_ug"),
            Institution.code.label("custodian_institution"),
            custodian.username.label("custodian_person"),
            courier.username.label("courier"),
            Transfer.number.label("transfer"),
            Loan.number.label("loan"),
        )
        .join(Sample, Sample.id == Aliquot.sample_id)
        .outerjoin(parent, parent.id == Aliquot.parent_id)
        .outerjoin(Institution, Institution.id == Aliquot.custodian_institution_id)
        .outerjoin(custodian, custodian.id == Aliquot.custodian_person_id)
        .outerjoin(courier, courier.id == Aliquot.courier_id)
        .outerjoin(Transfer, Transfer.id == Aliquot.transfer_id)
        .outerjoin(Loan, Loan.id == Aliquot.loan_id)
        .order_by(Aliquot.id)
    )
    count = select(func.count()).select_from(Aliquot)
    return _export(store, out, fmt, INVENTORY_FIELDS, statement, count, progress)


def export_loans(
    store: Store, out: TextIO, fmt: str, *, progress: ProgressCallback | None = None
) -> int:
    """One row per loan item (LOAN_FIELDS); a loan without items has no row."""
    pi = aliased(Person)
    borrower = aliased(Institution)
    custodian = aliased(Institution)
    parent_item = aliased(LoanItem)
    parent = aliased(Aliquot)
    statement = (
        select(
            Loan.number.label("loan"),
            Loan.status.label("loan_status"),
            borrower.code.label("borrower"),
            pi.username.label("principal_investigator"),
            Loan.starts_on.label("starts_on"),
            Loan.due_on.label("due_on"),
            Loan.destructive_analysis_allowed.label("destructive_analysis_allowed"),
            Aliquot.number.label("aliquot"),
            Sample.number.label("sample"),
            parent.number.label("parent_aliquot"),
            LoanItem.added_at.label("added_at"),
            LoanItem.mass_at_loan_ug.label("mass_at_loan_ug"),
            LoanItem.shipped_mass_ug.label("shipped_mass_ug"),
            LoanItem.shipped_at.label("shipped_at"),
            LoanItem.returned_mass_ug.label("returned_mass_ug"),
            LoanItem.returned_at.label("returned_at"),
            Aliquot.status.label("aliquot_status"),
            Aliquot.current_mass_ug.label("current_mass_ug"),
            custodian.code.label("custodian_institution"),
        )
        .select_from(LoanItem)
        .join(Loan, Loan.id == LoanItem.loan_id)
        .join(borrower, borrower.id == Loan.borrower_institution_id)
        .join(pi, pi.id == Loan.principal_investigator_id)
        .join(Aliquot, Aliquot.id == LoanItem.aliquot_id)
        .join(Sample, Sample.id == Aliquot.sample_id)
        .outerjoin(parent_item, parent_item.id == LoanItem.parent_item_id)
        .outerjoin(parent, parent.id == parent_item.aliquot_id)
        .outerjoin(custodian, custodian.id == Aliquot.custodian_institution_id)
        .order_by(Loan.id, LoanItem.id)
    )
    count = select(func.count()).select_from(LoanItem)
    return _export(store, out, fmt, LOAN_FIELDS, statement, count, progress)


def export_custody(
    store: Store,
    out: TextIO,
    fmt: str,
    *,
    number: str | None = None,
    progress: ProgressCallback | None = None,
) -> int:
    """The chain of custody (CUSTODY_FIELDS), oldest first: the whole ledger or one aliquot's.

    ``to_*`` is who holds the aliquot after the event (what the event records), ``from_*``
    who held it before (the aliquot's previous event; empty for its first one).
    """
    _check_format(fmt)
    where: list[Any] = []
    if number is not None:
        with store.read() as session:
            where.append(CustodyEvent.aliquot_id == op.aliquot(session, number).id)
    ev = CustodyEvent
    before: dict[str, Any] = {"partition_by": ev.aliquot_id, "order_by": ev.id}
    events = (
        select(
            ev.id,
            ev.uuid,
            ev.occurred_at,
            ev.kind,
            ev.aliquot_id,
            ev.mass_ug,
            ev.institution_id,
            ev.custodian_person_id,
            ev.courier_id,
            ev.transfer_id,
            ev.loan_id,
            ev.related_aliquot_id,
            ev.corrects_event_id,
            ev.seal_number,
            ev.seal_intact,
            ev.actor_id,
            ev.note,
            ev.prev_hash,
            ev.hash,
            # The holder before an event is the holder after the aliquot's previous one.
            func.lag(ev.institution_id).over(**before).label("from_institution_id"),
            func.lag(ev.custodian_person_id).over(**before).label("from_person_id"),
        )
        .where(*where)
        .subquery()
    )
    aliquot = aliased(Aliquot)
    related = aliased(Aliquot)
    from_inst = aliased(Institution)
    to_inst = aliased(Institution)
    from_person = aliased(Person)
    to_person = aliased(Person)
    courier = aliased(Person)
    actor = aliased(Person)
    e = events.c
    statement = (
        select(
            e.id.label("id"),
            e.uuid.label("uuid"),
            e.occurred_at.label("occurred_at"),
            e.kind.label("kind"),
            aliquot.number.label("aliquot"),
            e.mass_ug.label("mass_ug"),
            from_inst.code.label("from_institution"),
            from_person.username.label("from_person"),
            to_inst.code.label("to_institution"),
            to_person.username.label("to_person"),
            courier.username.label("courier"),
            Transfer.number.label("transfer"),
            Loan.number.label("loan"),
            related.number.label("related_aliquot"),
            e.corrects_event_id.label("corrects_event_id"),
            e.seal_number.label("seal_number"),
            e.seal_intact.label("seal_intact"),
            actor.username.label("actor"),
            e.note.label("note"),
            e.prev_hash.label("prev_hash"),
            e.hash.label("hash"),
        )
        .select_from(events)
        .join(aliquot, aliquot.id == e.aliquot_id)
        .join(actor, actor.id == e.actor_id)
        .outerjoin(from_inst, from_inst.id == e.from_institution_id)
        .outerjoin(from_person, from_person.id == e.from_person_id)
        .outerjoin(to_inst, to_inst.id == e.institution_id)
        .outerjoin(to_person, to_person.id == e.custodian_person_id)
        .outerjoin(courier, courier.id == e.courier_id)
        .outerjoin(Transfer, Transfer.id == e.transfer_id)
        .outerjoin(Loan, Loan.id == e.loan_id)
        .outerjoin(related, related.id == e.related_aliquot_id)
        .order_by(e.id)
    )
    count = select(func.count()).select_from(CustodyEvent).where(*where)
    return _export(store, out, fmt, CUSTODY_FIELDS, statement, count, progress)


# ---------------------------------------------------------------- writing


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValidationError(
            _domain_export.said(
                "'{format}' is not an export format; choose csv or json.", format=fmt
            )
        )


def _export(
    store: Store,
    out: TextIO,
    fmt: str,
    fields: Sequence[str],
    statement: Select[*tuple[Any, ...]],
    count: Select[*tuple[Any, ...]],
    progress: ProgressCallback | None,
) -> int:
    _check_format(fmt)
    with store.read() as session:
        total = int(session.scalar(count) or 0) if progress else 0
        result = session.execute(statement.execution_options(yield_per=BATCH))
        try:
            written = _write(out, fmt, fields, result.mappings(), progress, total)
        finally:
            result.close()  # frees PostgreSQL's server-side cursor when cancelled
    return written


def _write(
    out: TextIO,
    fmt: str,
    fields: Sequence[str],
    rows: Iterable[RowMapping],
    progress: ProgressCallback | None,
    total: int,
) -> int:
    written = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(fields))
        writer.writeheader()
    else:
        out.write("[")
    for row in rows:
        if fmt == "csv":
            writer.writerow({name: _csv_value(row[name]) for name in fields})
        else:
            record = {name: _json_value(row[name]) for name in fields}
            out.write(("\n" if written == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
        written += 1
        if progress is not None and written % BATCH == 0:
            _report(progress, written, max(total, written))
    if fmt == "json":
        out.write("\n]\n" if written else "]\n")
    if progress is not None:
        _report(progress, written, max(total, written))
    return written


def _report(progress: ProgressCallback, done: int, total: int) -> None:
    report_progress(
        progress,
        done,
        total,
        cancelled=_domain_export.said("Export cancelled; the file written so far is incomplete."),
    )


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _json_value(value)


__all__ = [
    "CUSTODY_FIELDS",
    "FORMATS",
    "INVENTORY_FIELDS",
    "LOAN_FIELDS",
    "export_custody",
    "export_inventory",
    "export_loans",
]
