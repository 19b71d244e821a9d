"""The fast chain check agrees with the reference encoding (rule 4 at two million events).

SQLite builds each event's canonical content itself (``ledger_scan.SQLITE_HASHED_TEXT``) and
worker processes check ranges of a large ledger; these tests hold both to the reference
``canonical_content`` that ``Ledger.append`` hashes.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, insert, update
from sqlalchemy.engine import Engine

from lunar_custody.domain import chain, ledger
from lunar_custody.domain.chain import (
    HASHED_COLUMNS,
    OCCURRED_AT,
    canonical_content,
    epoch_microseconds,
)
from lunar_custody.domain.ledger import EVENT_KINDS
from lunar_custody.domain.models import Base, CustodyEvent
from lunar_custody.storage import ledger_scan, verify_workers
from lunar_custody.storage.database import Database
from lunar_custody.storage.ledger_scan import check_sqlite_range

if TYPE_CHECKING:
    from .conftest import World

BIGINT = st.integers(-(2**63), 2**63 - 1)
ID = st.integers(1, 2**62)
TEXT = st.text()  # every code point but surrogates: quotes, backslashes, NUL, controls, CJK


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    """The real table in memory (no foreign keys enforced): rows stored as the program does."""
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@st.composite
def events(draw: st.DrawFn) -> dict[str, Any]:
    def maybe(values: st.SearchStrategy[Any]) -> Any:
        return draw(st.none() | values)

    return {
        "id": draw(ID),
        "uuid": draw(TEXT),
        "aliquot_id": draw(ID),
        "kind": draw(st.sampled_from(sorted(EVENT_KINDS))),
        "occurred_at": draw(
            st.datetimes(
                min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59)
            ).map(lambda moment: moment.replace(tzinfo=UTC))
        ),
        "actor_id": draw(ID),
        "institution_id": maybe(ID),
        "custodian_person_id": maybe(ID),
        "courier_id": maybe(ID),
        "transfer_id": maybe(ID),
        "loan_id": maybe(ID),
        "mass_ug": maybe(BIGINT),
        "related_aliquot_id": maybe(ID),
        "corrects_event_id": maybe(ID),
        "seal_number": maybe(TEXT),
        "seal_intact": maybe(st.booleans()),
        "note": draw(TEXT),
    }


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event=events(), prev_hash=st.sampled_from(["0" * 64, "a" * 64, "9f" * 32]))
def test_sqlite_builds_the_reference_content_of_every_event(
    engine: Engine, event: dict[str, Any], prev_hash: str
) -> None:
    values = [event[c] for c in HASHED_COLUMNS]
    plain = list(values)
    plain[OCCURRED_AT] = epoch_microseconds(plain[OCCURRED_AT])
    reference = canonical_content(prev_hash, plain)
    digest = hashlib.sha256(reference).hexdigest()
    assert digest == ledger.chain_hash(prev_hash, values)
    with engine.begin() as connection:
        connection.execute(insert(CustodyEvent).values(**event, prev_hash=prev_hash, hash=digest))
        raw = connection.connection.driver_connection
        assert raw is not None
        (built,) = raw.execute(
            f"SELECT {ledger_scan.SQLITE_HASHED_TEXT} FROM custody_events"
        ).fetchone()
        assert built == reference
        check = check_sqlite_range(raw, event["id"], event["id"] + 1)
        assert (check.count, check.suspect, check.first_prev, check.last_hash) == (
            1,
            [],
            prev_hash,
            digest,
        )
        connection.execute(update(CustodyEvent).values(note=event["note"] + "!"))
        assert check_sqlite_range(raw, 1, 2**62 + 1).suspect == [event["id"]]
        connection.rollback()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_range_names_events_that_do_not_follow_the_one_before(world: World) -> None:
    """SQLite builds the content (PostgreSQL verifies with the reference encoding)."""
    world.rich_scenario()
    with world.db.read() as session:
        raw = session.connection().connection.driver_connection
        whole = check_sqlite_range(raw, 1, 1000)
        halves = [check_sqlite_range(raw, 1, 9), check_sqlite_range(raw, 9, 1000)]
    assert whole.suspect == whole.unlinked == [] and whole.first_prev == ledger.GENESIS_HASH
    assert halves[0].last_hash == halves[1].first_prev  # the link between ranges is kept
    assert ledger._joined(halves) == ([], set())
    broken = [halves[0], chain.RangeCheck(**{**halves[1].__dict__, "first_prev": "e" * 64})]
    assert ledger._joined(broken) == ([], {9})


def test_a_disagreeing_sqlite_never_reports_a_sound_event(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever SQLite builds, only the reference encoding decides that an event is bad."""
    world.rich_scenario()
    if world.db.dialect == "sqlite":
        monkeypatch.setattr(
            ledger_scan, "RANGE_SQL", ledger_scan.RANGE_SQL.replace("char(10)", "char(32)")
        )
    report = ledger.verify_ledger(world.db)
    assert report.ok, report.summary()


def _problems(report: ledger.VerifyReport) -> list[tuple[str, int | None, str]]:
    return [(p.kind, p.event_id, p.message) for p in report.problems]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("workers", [1, 3])
def test_worker_processes_find_what_one_process_finds(world: World, workers: int) -> None:
    world.rich_scenario()
    alone = ledger.verify_ledger(world.db, workers=0)
    assert alone.ok
    assert _problems(ledger.verify_ledger(world.db, workers=workers)) == []
    assert isinstance(world.db, Database) and world.db.path is not None
    with sqlite3.connect(world.db.path) as raw:
        raw.execute("DROP TRIGGER custody_events_no_update")
        raw.execute("UPDATE custody_events SET note = 'edited' WHERE id IN (5, 11)")
    alone = ledger.verify_ledger(world.db, workers=0)
    parallel = ledger.verify_ledger(world.db, workers=workers)
    assert alone.first_bad_event == 5
    assert _problems(parallel) == _problems(alone)
    assert (parallel.events, parallel.last_hash) == (alone.events, alone.last_hash)


@settings(max_examples=200, deadline=None)
@given(
    moment=st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59))
)
def test_both_ways_of_reading_seconds_agree(moment: datetime) -> None:
    """unixepoch() where SQLite has it (3.38), strftime('%s') before: the same number."""
    text = moment.isoformat(sep=" ", timespec="microseconds")  # as SQLAlchemy stores it
    expected = epoch_microseconds(moment.replace(tzinfo=UTC))
    with sqlite3.connect(":memory:") as raw:
        raw.execute("CREATE TABLE t (occurred_at TEXT)")
        raw.execute("INSERT INTO t VALUES (?)", (text,))
        old = "CAST(strftime('%s', substr(occurred_at, 1, 19)) AS INTEGER)"
        (by_strftime,) = raw.execute(
            f"SELECT {old} * 1000000 + CAST(substr(occurred_at, 21) AS INTEGER) FROM t"
        ).fetchone()
        (used,) = raw.execute(f"SELECT {ledger_scan.SQLITE_MICROSECONDS} FROM t").fetchone()
    assert by_strftime == used == expected


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_range_whose_worker_fails_is_checked_here(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.rich_scenario()
    monkeypatch.setattr(verify_workers.sys, "executable", "/bin/false")  # every worker exits 1
    report = ledger.verify_ledger(world.db, workers=2)
    assert report.ok and report.events == world.count(CustodyEvent)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_cancelling_stops_the_workers(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    world.rich_scenario()
    started: list[verify_workers.Workers] = []
    real = verify_workers.Workers

    def recorded(*args: Any) -> verify_workers.Workers:
        started.append(real(*args))
        return started[-1]

    monkeypatch.setattr(verify_workers, "Workers", recorded)
    report = ledger.verify_ledger(world.db, lambda done, total: True, workers=2)
    assert [p.kind for p in report.problems] == ["cancelled"]
    (pool,) = started
    assert all(process.returncode is not None for process in pool.processes)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_workers_start_as_new_programs_from_a_threaded_process(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The GUI verifies on a QThread beside Qt's threads. A worker is a fresh interpreter
    (fork and exec: nothing of this process runs in it), so a lock another thread holds while
    it starts cannot hang it, as it could a forked copy of this process."""
    world.rich_scenario()
    started: list[verify_workers.Workers] = []
    real = verify_workers.Workers

    def recorded(*args: Any) -> verify_workers.Workers:
        started.append(real(*args))
        return started[-1]

    monkeypatch.setattr(verify_workers, "Workers", recorded)
    held, done = threading.Lock(), threading.Event()

    def holder() -> None:
        with held:
            done.wait(60)

    reports: list[ledger.VerifyReport] = []
    other = threading.Thread(target=holder)
    other.start()
    try:
        verifier = threading.Thread(
            target=lambda: reports.append(ledger.verify_ledger(world.db, workers=2))
        )
        verifier.start()
        verifier.join(60)
    finally:
        done.set()
        other.join()
    (report,) = reports
    assert report.ok and report.events == world.count(CustodyEvent)
    (pool,) = started
    for process in pool.processes:
        assert process.args[:2] == [sys.executable, "-I"]
        assert Path(process.args[2]).resolve() == Path(verify_workers.__file__).resolve()
        assert process.returncode == 0
