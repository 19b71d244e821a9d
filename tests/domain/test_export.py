"""Exports: inventory, loans and the chain of custody as CSV and JSON, read back and compared."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from lunar_custody.domain import export
from lunar_custody.domain.errors import Cancelled, NotFoundError, ValidationError
from lunar_custody.domain.models import (
    Aliquot,
    CustodyEvent,
    Institution,
    Loan,
    LoanItem,
    Person,
    Transfer,
)

if TYPE_CHECKING:
    from .conftest import World

A1, A2, A3, A4 = (f"CE5C0400YJFM0050{n}" for n in (1, 2, 3, 4))

Row = dict[str, Any]


def _run(fn: Callable[..., int], world: World, fmt: str, **options: Any) -> tuple[int, list[Row]]:
    out = io.StringIO(newline="")
    count = fn(world.db, out, fmt, **options)
    text = out.getvalue()
    if fmt == "json":
        return count, json.loads(text)
    return count, list(csv.DictReader(io.StringIO(text, newline="")))


def _as(fmt: str, row: Row) -> Row:
    """What the database's values look like once written as ``fmt`` and read back."""
    if fmt == "json":
        return row

    def text(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    return {key: text(value) for key, value in row.items()}


def _codes(session: Session) -> tuple[dict[int, str], dict[int, str]]:
    institutions = dict(session.execute(select(Institution.id, Institution.code)).all())
    people = dict(session.execute(select(Person.id, Person.username)).all())
    return institutions, people


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_inventory_matches_the_database(world: World, fmt: str) -> None:
    world.rich_scenario()

    def expected(session: Session) -> list[Row]:
        institutions, people = _codes(session)
        numbers = dict(session.execute(select(Aliquot.id, Aliquot.number)).all())
        transfers = dict(session.execute(select(Transfer.id, Transfer.number)).all())
        loans = dict(session.execute(select(Loan.id, Loan.number)).all())
        rows = []
        for a in session.scalars(select(Aliquot).order_by(Aliquot.id)):
            rows.append(
                {
                    "number": a.number,
                    "sample": a.sample.number,
                    "parent": numbers.get(a.parent_id),  # type: ignore[arg-type]
                    "status": a.status,
                    "form": a.form,
                    "container": a.container,
                    "seal_number": a.seal_number,
                    "initial_mass_ug": a.initial_mass_ug,
                    "current_mass_ug": a.current_mass_ug,
                    "children_mass_ug": a.children_mass_ug,
                    "consumed_mass_ug": a.consumed_mass_ug,
                    "lost_mass_ug": a.lost_mass_ug,
                    "custodian_institution": institutions.get(a.custodian_institution_id),  # type: ignore[arg-type]
                    "custodian_person": people.get(a.custodian_person_id),  # type: ignore[arg-type]
                    "courier": people.get(a.courier_id),  # type: ignore[arg-type]
                    "transfer": transfers.get(a.transfer_id),  # type: ignore[arg-type]
                    "loan": loans.get(a.loan_id),  # type: ignore[arg-type]
                }
            )
        return rows

    count, rows = _run(export.export_inventory, world, fmt)
    want = [_as(fmt, row) for row in world.read(expected)]
    assert count == len(rows) == world.count(Aliquot) >= 7
    assert rows == want
    assert list(rows[0]) == list(export.INVENTORY_FIELDS)
    by_number = {row["number"]: row for row in rows}
    assert by_number[A2]["custodian_institution"] == "CNSA"  # sent back to the lender
    assert by_number[A3]["custodian_institution"] == "KOLN"
    if fmt == "json":
        assert by_number[A1]["children_mass_ug"] == 100_000  # integers, not text
        assert by_number[A1]["parent"] is None


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_loans_one_row_per_item(world: World, fmt: str) -> None:
    numbers = world.rich_scenario()

    def expected(session: Session) -> list[Row]:
        institutions, people = _codes(session)
        rows = []
        statement = select(LoanItem).join(Loan).order_by(Loan.id, LoanItem.id)
        for item in session.scalars(statement):
            loan, aliquot = item.loan, item.aliquot
            parent = session.get(LoanItem, item.parent_item_id) if item.parent_item_id else None
            rows.append(
                {
                    "loan": loan.number,
                    "loan_status": loan.status,
                    "borrower": institutions[loan.borrower_institution_id],
                    "principal_investigator": people[loan.principal_investigator_id],
                    "starts_on": loan.starts_on.isoformat(),
                    "due_on": loan.due_on.isoformat(),
                    "destructive_analysis_allowed": loan.destructive_analysis_allowed,
                    "aliquot": aliquot.number,
                    "sample": aliquot.sample.number,
                    "parent_aliquot": parent.aliquot.number if parent else None,
                    "added_at": _iso(item.added_at),
                    "mass_at_loan_ug": item.mass_at_loan_ug,
                    "shipped_mass_ug": item.shipped_mass_ug,
                    "shipped_at": _iso(item.shipped_at),
                    "returned_mass_ug": item.returned_mass_ug,
                    "returned_at": _iso(item.returned_at),
                    "aliquot_status": aliquot.status,
                    "current_mass_ug": aliquot.current_mass_ug,
                    "custodian_institution": institutions.get(aliquot.custodian_institution_id),  # type: ignore[arg-type]
                }
            )
        return rows

    count, rows = _run(export.export_loans, world, fmt)
    assert count == len(rows) == world.count(LoanItem)
    assert rows == [_as(fmt, row) for row in world.read(expected)]
    grandchild = next(row for row in rows if row["aliquot"] == numbers["grandchild"])
    assert grandchild["parent_aliquot"] == numbers["child"]
    assert grandchild["loan"] == numbers["brown_loan"]


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="microseconds") if moment else None


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_custody_export_is_the_whole_ledger(world: World, fmt: str) -> None:
    numbers = world.rich_scenario()
    count, rows = _run(export.export_custody, world, fmt)
    events = world.read(lambda s: s.scalars(select(CustodyEvent).order_by(CustodyEvent.id)).all())
    assert count == len(rows) == len(events) >= 25
    assert list(rows[0]) == list(export.CUSTODY_FIELDS)
    for row, event in zip(rows, events, strict=True):
        got = (row["id"], row["kind"], row["mass_ug"], row["hash"], row["prev_hash"], row["uuid"])
        want = (event.id, event.kind, event.mass_ug, event.hash, event.prev_hash, event.uuid)
        assert got == tuple(_as(fmt, dict(enumerate(want))).values())
        assert datetime.fromisoformat(row["occurred_at"]) == event.occurred_at
        assert row["occurred_at"].endswith("+00:00")
    # Each event's "from" is the holder after the same aliquot's previous event.
    holder: dict[str, tuple[str, str]] = {}
    empty = None if fmt == "json" else ""
    for row in rows:
        before = holder.get(row["aliquot"], (empty, empty))
        assert (row["from_institution"], row["from_person"]) == before, row
        holder[row["aliquot"]] = (row["to_institution"], row["to_person"])
    released = next(r for r in rows if r["kind"] == "released" and r["aliquot"] == A2)
    assert (released["from_institution"], released["from_person"]) == ("CNSA", "zhang")
    assert (released["to_institution"], released["to_person"]) == ("SECURE", "courier1")
    assert (released["courier"], released["transfer"]) == ("courier1", numbers["outbound"])
    assert released["loan"] == numbers["brown_loan"]
    assert released["actor"] == "zhang"


def test_custody_export_of_one_aliquot(world: World) -> None:
    world.rich_scenario()
    count, rows = _run(export.export_custody, world, "json", number=f" {A2.lower()} ")
    ids = world.read(
        lambda s: s.scalars(
            select(CustodyEvent.id)
            .join(Aliquot, Aliquot.id == CustodyEvent.aliquot_id)
            .where(Aliquot.number == A2)
            .order_by(CustodyEvent.id)
        ).all()
    )
    assert count == len(ids) >= 6
    assert [row["id"] for row in rows] == ids
    assert {row["aliquot"] for row in rows} == {A2}
    assert [row["kind"] for row in rows][:2] == ["registered", "released"]
    assert (rows[0]["from_institution"], rows[0]["to_institution"]) == (None, "CNSA")
    consumed = next(row for row in rows if row["kind"] == "consumed")
    assert (consumed["mass_ug"], consumed["note"]) == (10_000, "noble gas extraction")
    with pytest.raises(NotFoundError, match="There is no aliquot 'CE5C9999YJFM00001'"):
        export.export_custody(world.db, io.StringIO(), "csv", number="CE5C9999YJFM00001")


def test_exports_stream_in_batches_with_progress(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.rich_scenario()
    monkeypatch.setattr(export, "BATCH", 2)  # several fetches of yield_per rows each
    total = world.count(Aliquot)
    calls: list[tuple[int, int]] = []
    out = io.StringIO()
    count = export.export_inventory(
        world.db, out, "json", progress=lambda done, of: calls.append((done, of))
    )
    assert count == total == len(json.loads(out.getvalue()))
    assert calls == [*((n, total) for n in range(2, total + 1, 2)), (total, total)]

    def stop_at_4(done: int, of: int) -> bool:
        return done >= 4  # True: stop

    with pytest.raises(Cancelled, match="Export cancelled"):
        export.export_custody(world.db, io.StringIO(), "csv", progress=stop_at_4)
    # the store is still usable: the cancelled export's cursor was closed
    assert export.export_custody(world.db, io.StringIO(), "csv", number=A4) == 2


def test_empty_exports_and_bad_format(world: World) -> None:
    assert _run(export.export_loans, world, "json") == (0, [])
    out = io.StringIO()
    assert export.export_loans(world.db, out, "csv") == 0
    assert out.getvalue().strip() == ",".join(export.LOAN_FIELDS)
    with pytest.raises(ValidationError, match="'xml' is not an export format"):
        export.export_inventory(world.db, io.StringIO(), "xml")
