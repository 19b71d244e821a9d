"""The hash-chained, append-only custody ledger (rules 3 and 4) and corrections."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

import psycopg
import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from lunar_custody.domain import clock, ledger, queries, registry
from lunar_custody.domain.errors import (
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from lunar_custody.domain.ledger import (
    GENESIS_HASH,
    HASHED_COLUMNS,
    Ledger,
    ReplayState,
    apply_event,
)
from lunar_custody.domain.models import (
    Aliquot,
    AuditEntry,
    CustodyEvent,
    LedgerHead,
    Signature,
)
from lunar_custody.storage import ledger_scan

if TYPE_CHECKING:
    from .conftest import World

A1, A2, A3, A4 = (f"CE5C0400YJFM0050{n}" for n in (1, 2, 3, 4))


def _all_events(world: World) -> list[CustodyEvent]:
    return world.read(lambda s: s.scalars(select(CustodyEvent).order_by(CustodyEvent.id)).all())


# ------------------------------------------------------------------ the chain


def test_a_rich_history(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """One history touching every kind of event, looked at from every side."""
    names = world.rich_scenario()
    _every_event_is_chained_to_the_one_before(world)
    _verify_is_ok(world, names)
    _verify_reports_progress(world, monkeypatch)
    _history_and_event_pages(world, names)
    _verify_notices_a_table_that_disagrees_with_its_ledger(world)  # last: it edits a table


def _every_event_is_chained_to_the_one_before(world: World) -> None:
    events = _all_events(world)
    assert len(events) == 26
    assert [e.id for e in events] == list(range(1, len(events) + 1))
    previous = GENESIS_HASH
    for event in events:
        assert event.prev_hash == previous
        assert event.hash == ledger.chain_hash(
            previous, [getattr(event, c) for c in HASHED_COLUMNS]
        )
        assert event.occurred_at.tzinfo is not None
        previous = event.hash
    head = world.read(lambda s: s.get(LedgerHead, 1))
    assert (head.last_seq, head.last_hash) == (events[-1].id, events[-1].hash)
    assert len({e.uuid for e in events}) == len(events)
    kinds = {e.kind for e in events}
    assert kinds == set(ledger.EVENT_KINDS)  # the scenario touches every kind of event


def test_chain_hash_is_reproducible_from_plain_json() -> None:
    """Anyone can recompute a hash: JSON array, occurred_at in epoch microseconds."""
    moment = datetime(2025, 3, 1, 8, 30, 0, 123456, tzinfo=UTC)
    values: list[Any] = [
        7,
        "u-u-i-d",
        3,
        "received",
        moment,
        2,
        1,
        2,
        None,
        4,
        5,
        1000,
        None,
        None,
        "S-1",
        True,
        "Fine — 好",
    ]
    assert len(values) == len(HASHED_COLUMNS)
    plain = list(values)
    plain[4] = 1_740_817_800_123_456
    canonical = json.dumps(plain, ensure_ascii=False, separators=(",", ":"))
    expected = hashlib.sha256(f"{'a' * 64}\n{canonical}".encode()).hexdigest()
    assert ledger.chain_hash("a" * 64, values) == expected
    # the same moment in another time zone is the same content
    shifted = list(values)
    shifted[4] = moment.astimezone(timezone(timedelta(hours=8)))
    assert ledger.chain_hash("a" * 64, shifted) == expected
    changed = list(values)
    changed[11] = 1001
    assert ledger.chain_hash("a" * 64, changed) != expected


def _verify_is_ok(world: World, names: dict[str, str]) -> None:
    report = queries.verify(world.db)
    assert report.ok, report.summary()
    assert report.events == world.count(CustodyEvent)
    assert report.aliquots == world.count(Aliquot) == 7
    assert report.last_hash == _all_events(world)[-1].hash
    assert report.first_bad_event is None
    summary = report.summary()
    assert f"Ledger: {report.events:,} custody events, 7 aliquots." in summary
    assert "OK: hash chain intact, mass balance holds, one custodian per aliquot." in summary
    world.check_rules()
    totals = queries.totals(world.db)
    assert totals.events == report.events and totals.open_discrepancies == 0
    assert totals.aliquots_by_status == {"in_storage": 6, "lost": 1}
    assert world.status(names["grandchild"]).status == "lost"


def _verify_reports_progress(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    total = world.count(CustodyEvent)
    calls: list[tuple[int, int]] = []
    monkeypatch.setattr(ledger_scan, "_BATCH", 10)
    report = queries.verify(world.db, lambda done, of: calls.append((done, of)) and None)
    assert report.ok
    # at once (the dialog shows its counts before the first batch), every batch, the end
    assert calls[:3] == [(0, total), (10, total), (20, total)] and calls[-1] == (total, total)
    monkeypatch.undo()


def test_verify_can_be_cancelled_cleanly(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cancelling stops reading (on PostgreSQL without leaving a server-side cursor open)."""
    world.rich_scenario()
    monkeypatch.setattr(ledger_scan, "_BATCH", 10)
    cancelled = queries.verify(world.db, lambda done, of: done >= 20)
    assert not cancelled.ok and cancelled.events == 20
    assert [p.kind for p in cancelled.problems] == ["cancelled"]


def _verify_notices_a_table_that_disagrees_with_its_ledger(world: World) -> None:
    last = world.status(A4).last_event_id
    with world.db.write() as session:  # aliquots are not append-only: the cache can be edited
        session.execute(update(Aliquot).where(Aliquot.number == A4).values(current_mass_ug=1))
    report = queries.verify(world.db)
    assert not report.ok
    (problem,) = report.problems
    assert problem.kind == "state" and problem.aliquot_number == A4
    assert "current_mass_ug: ledger 100500, table 1" in problem.message
    assert report.first_bad_event == last
    assert f"FAILED: first bad event is #{last}." in report.summary()


# ------------------------------------------------------------------ rule 3: append-only


def _database_refuses(world: World, change: Any) -> None:
    before = world.snapshot()
    with pytest.raises(DBAPIError) as info, world.db.write() as session:
        change(session)
        session.flush()
    assert isinstance(info.value.orig, sqlite3.Error | psycopg.Error), info.value.orig
    assert "is append-only" in str(info.value.orig)
    assert world.snapshot() == before


def test_the_database_refuses_to_change_or_delete_ledger_rows(world: World) -> None:
    world.active_loan([A1])  # custody events, signatures and audit entries exist now
    columns = {CustodyEvent: "note", AuditEntry: "new_value", Signature: "printed_name"}
    for model, column in columns.items():
        table = model.__tablename__

        def orm_update(session: Session, model: Any = model, column: str = column) -> None:
            row = session.scalars(select(model).order_by(model.id)).first()
            setattr(row, column, "rewritten")

        def orm_delete(session: Session, model: Any = model) -> None:
            session.delete(session.scalars(select(model).order_by(model.id)).first())

        changes: list[Callable[[Session], object]] = [
            orm_update,
            orm_delete,
            lambda s, m=model, c=column: s.execute(update(m).values({c: "rewritten"})),
            lambda s, m=model: s.execute(delete(m)),
            lambda s, t=table, c=column: s.execute(text(f"UPDATE {t} SET {c} = 'x' WHERE id = 1")),
            lambda s, t=table: s.execute(
                text(f"DELETE FROM {t} WHERE id = (SELECT MAX(id) FROM {t})")
            ),
        ]
        if world.db.dialect == "postgresql":
            changes.append(lambda s, t=table: s.execute(text(f"TRUNCATE {t} CASCADE")))
        for change in changes:
            _database_refuses(world, change)
    # appending is still possible
    registry.split_aliquot(world.db, world["zhang"], A2, [1_000])
    assert queries.verify(world.db).ok


def test_apply_event_refuses_what_cannot_happen() -> None:
    state = ReplayState()
    cases: list[tuple[str, int | None, str]] = [
        ("released", None, "A 'released' event cannot follow status 'unregistered'"),
        ("teleported", None, "Unknown custody event kind 'teleported'"),
    ]
    for kind, mass, words in cases:
        with pytest.raises(RuleViolation) as info:
            apply_event(state, 1, kind, mass, 1, 1, None, None, None)
        assert words in str(info.value)
    apply_event(state, 1, "registered", 1_000, 1, 1, None, None, None)
    assert (state.status, state.initial_mass_ug, state.current_mass_ug) == (
        "in_storage",
        1_000,
        1_000,
    )
    for kind, mass, words in [
        ("registered", 5, "A 'registered' event cannot follow status 'in_storage'"),
        ("received", None, "A 'received' event cannot follow status 'in_storage'"),
        ("handed_over", None, "cannot follow status 'in_storage'"),
        ("consumed", 1_001, "That would leave a negative mass."),
        ("split", 2_000, "That would leave a negative mass."),
        ("corrected", -1_001, "That would leave a negative mass."),
    ]:
        attempt = ReplayState(**{f: getattr(state, f) for f in ReplayState.__slots__})
        with pytest.raises(RuleViolation) as info:
            apply_event(attempt, 2, kind, mass, 1, 1, None, None, None)
        assert words in str(info.value)
    apply_event(state, 2, "split", 1_000, 1, 1, None, None, None)
    assert (state.status, state.children_mass_ug) == ("depleted", 1_000)
    with pytest.raises(RuleViolation, match="cannot follow status 'depleted'"):
        apply_event(state, 3, "consumed", 1, 1, 1, None, None, None)


def test_a_missing_ledger_head_is_explained(world: World) -> None:
    with pytest.raises(RuleViolation) as info, world.db.write() as session:
        session.execute(delete(LedgerHead))
        Ledger(session).head()
    assert "The ledger head is missing: the database was not migrated." in str(info.value)
    assert world.read(lambda s: s.get(LedgerHead, 1)) is not None


def test_order_is_the_sequence_not_the_clock(world: World) -> None:
    """Workstations sharing a database may disagree on the time by a few seconds: the ledger's
    order is its sequence number, and a slow clock must not block a handoff."""
    last = _all_events(world)[-1]
    with clock.using(lambda: last.occurred_at - timedelta(seconds=5)):
        registry.split_aliquot(world.db, world["zhang"], A2, [1_000])
    newest = _all_events(world)[-1]
    assert newest.id > last.id and newest.occurred_at < last.occurred_at
    assert queries.verify(world.db).ok


def _services_stamp_the_clocks_time(world: World) -> None:
    later = datetime.now(UTC) + timedelta(days=3)
    with clock.using(lambda: later):
        (child,) = registry.split_aliquot(world.db, world["zhang"], A1, [1_000])
    rows = queries.history(world.db, child.number)
    assert [r.occurred_at for r in rows] == [later]


# ------------------------------------------------------------------ corrections


def test_clock_and_corrections(world: World) -> None:
    _a_correction_is_a_new_event_pointing_at_the_old_one(world)
    _services_stamp_the_clocks_time(world)  # last: it moves the clock ahead


def _a_correction_is_a_new_event_pointing_at_the_old_one(world: World) -> None:
    original = queries.history(world.db, A4)[0]
    correction = registry.correct_event(
        world.db, world["zhang"], original.id, note="vial tare was wrong", mass_delta_ug=-2_500
    )
    assert (correction.kind, correction.corrects_event_id, correction.mass_ug) == (
        "corrected",
        original.id,
        -2_500,
    )
    assert queries.history(world.db, A4)[0] == original  # the old event is untouched
    status = world.status(A4)
    assert (status.initial_mass_ug, status.current_mass_ug) == (97_500, 97_500)
    # a note-only correction changes no mass
    registry.correct_event(world.db, world["li"], original.id, note="PI name misspelt in note")
    assert world.status(A4).current_mass_ug == 97_500
    assert [r.kind for r in queries.history(world.db, A4)] == [
        "registered",
        "corrected",
        "corrected",
    ]
    world.check_rules()


def test_correction_refusals(world: World) -> None:
    event = queries.history(world.db, A4)[0].id
    cases: list[tuple[str, int, str, object, type, str]] = [
        ("zhang", event, "  ", 0, ValidationError, "The reason for the correction is required."),
        (
            "zhang",
            event,
            "x",
            1.5,
            ValidationError,
            "A mass correction is a whole number of micrograms.",
        ),
        (
            "zhang",
            event,
            "x",
            True,
            ValidationError,
            "A mass correction is a whole number of micrograms.",
        ),
        ("zhang", event, "x", -100_001, RuleViolation, "would make it negative"),
        ("brown_lm", event, "x", 0, PermissionDenied, "Only a curator may record corrections."),
    ]
    for username, target, note, delta, error, words in cases:
        with world.refused(error, words):
            registry.correct_event(
                world.db, world[username], target, note=note, mass_delta_ug=delta
            )  # type: ignore[arg-type]
    brown_curator = world.add_person("brown_cur", "BROWN", "curator")
    with world.refused(PermissionDenied, "Only the lender's curators may correct the ledger."):
        registry.correct_event(world.db, brown_curator, event, note="x", mass_delta_ug=1)


def test_an_absurd_correction_is_refused_with_a_clear_message(world: World) -> None:
    event = queries.history(world.db, A4)[0].id
    with world.refused(ValidationError, "not plausible"):
        registry.correct_event(world.db, world["zhang"], event, note="typo", mass_delta_ug=10**19)
    with world.refused(ValidationError, "not plausible"):
        registry.correct_event(world.db, world["zhang"], event, note="typo", mass_delta_ug=10**12)


# ------------------------------------------------------------------ reading the ledger


def _history_and_event_pages(world: World, names: dict[str, str]) -> None:
    own = queries.history(world.db, names["grandchild"])
    assert [r.kind for r in own] == ["derived", "lost"]
    assert own[0].related_aliquot == names["child"]
    lineage = queries.history(world.db, names["grandchild"], with_ancestors=True)
    assert {r.aliquot_number for r in lineage} == {names["grandchild"], names["child"], A1}
    assert [r.id for r in lineage] == sorted(r.id for r in lineage)
    assert lineage[0].kind == "registered" and lineage[0].aliquot_number == A1
    first = queries.events(world.db, limit=5)
    assert [r.id for r in first] == [1, 2, 3, 4, 5]
    following = queries.events(world.db, after_id=5, limit=5)
    assert [r.id for r in following] == [6, 7, 8, 9, 10]
    lost = queries.events(world.db, kind="lost")
    assert [r.aliquot_number for r in lost] == [names["grandchild"]]
    assert lost[0].label == "reported lost"
    prefixed = queries.events(world.db, aliquot_prefix=names["child"].lower())
    assert {r.aliquot_number for r in prefixed} == {names["child"], names["grandchild"]}
    assert queries.events(world.db, aliquot_prefix="CE5C0400YJFM0050_") == []  # no wildcards
