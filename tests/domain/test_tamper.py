"""Rule 4: someone with raw database access edits the ledger; verify names the first bad event.

Each test first drops the append-only triggers (rule 3), which only a database owner can do,
then tampers with raw SQL and checks ``verify_ledger`` / ``queries.verify``.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.orm import Session

from lunar_custody.domain import checkpoints, ledger, queries, registry
from lunar_custody.domain.anchors import chain_heads
from lunar_custody.domain.ledger import HASHED_COLUMNS, VerifyReport, chain_hash
from lunar_custody.domain.models import CustodyEvent, LedgerHead, new_uuid
from lunar_custody.domain.routine_verify import verify_ledger_since
from lunar_custody.domain.signature_check import certificates_stamp
from lunar_custody.domain.store import Store
from lunar_custody.storage.integrity import database_location, guard_stamp

if TYPE_CHECKING:
    from .conftest import World

A1, A2, A3, A4 = (f"CE5C0400YJFM0050{n}" for n in (1, 2, 3, 4))
LEDGER_TABLES = ("custody_events", "audit_entries", "signatures")


def _history(world: World) -> int:
    """A custody history without corrections (nothing points at another event); its length.

    The whole verify that proves it sound leaves this computer's checkpoint of it, so every
    tampering below happens under a checkpoint and ``_tamper`` checks the routine verify too.
    """
    db = world.db
    (child,) = registry.split_aliquot(db, world["zhang"], A1, [50_000])
    loan = world.active_loan([child.number, A2])
    world.ship([child.number, A2], loan=loan)
    registry.consume(db, world["brown_lm"], A2, 10_000)
    registry.split_aliquot(db, world["brown_lm"], child.number, [5_000])
    world.send_back([A2])
    registry.report_lost(db, world["brown_lm"], f"{child.number}-G1", note="cracked")
    registry.split_aliquot(db, world["zhang"], A3, [1_000, 2_000])
    count = world.count(CustodyEvent)
    sound = queries.verify(db)
    assert count == 20 and sound.ok
    # what a whole verify that found nothing leaves (storage.integrity.verify_database)
    with db.read() as session:
        heads = chain_heads(session)
        certificates = certificates_stamp(session)
    sound.audit_last_id, sound.audit_hash = heads.audit_seq, heads.audit_hash
    location, stamp = database_location(db), guard_stamp(db)
    assert checkpoints.write_checkpoint(db, location, stamp, sound, certificates)
    _checkpoints[db] = sound
    return count


_checkpoints: weakref.WeakKeyDictionary[Store, VerifyReport] = weakref.WeakKeyDictionary()


def _drop_append_only_triggers(db: Store) -> list[str]:
    """Drop every trigger on the ledger tables (their names come from the migration)."""
    with db.write() as session:
        if db.dialect == "sqlite":
            rows = session.execute(
                text(
                    "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' "
                    "AND tbl_name IN ('custody_events', 'audit_entries', 'signatures')"
                )
            ).all()
            statements = [f'DROP TRIGGER "{name}"' for name, _table in rows]
        else:
            rows = session.execute(
                text(
                    "SELECT t.tgname, c.relname FROM pg_trigger t "
                    "JOIN pg_class c ON c.oid = t.tgrelid "
                    "WHERE NOT t.tgisinternal "
                    "AND c.relname IN ('custody_events', 'audit_entries', 'signatures')"
                )
            ).all()
            statements = [f'DROP TRIGGER "{name}" ON "{table}"' for name, table in rows]
        for statement in statements:
            session.execute(text(statement))
    assert {table for _name, table in rows} == set(LEDGER_TABLES), rows
    return [name for name, _table in rows]


def _tamper(world: World, change: Any, *, routine_sees: bool = True) -> VerifyReport:
    """Tamper, then check that verify names the first bad event: replaying everything (in
    one process and with workers), and routinely since the checkpoint ``_history`` left.

    The routine verify replays everything when the guards changed (they were dropped here),
    and so names the same (tests/storage/test_checkpoints.py runs it whole); its own check
    since the checkpoint refuses the tampered ledger too, except where ``routine_sees`` is
    False (routine_verify.py says what it cannot see).
    """
    sound = _checkpoints[world.db]
    _drop_append_only_triggers(world.db)
    with world.db.write() as session:
        change(session)
    since = verify_ledger_since(
        world.db, sound.events, sound.last_hash, sound.aliquots, sound.derived_digest or ""
    )
    assert (since is None) == routine_sees
    direct = ledger.verify_ledger(world.db)
    if world.db.dialect == "sqlite":
        # worker processes checking the hashes (a large ledger) report the very same
        parallel = ledger.verify_ledger(world.db, workers=2)
        assert [(p.kind, p.event_id, p.message) for p in parallel.problems] == [
            (p.kind, p.event_id, p.message) for p in direct.problems
        ]
    report = queries.verify(world.db)
    assert (direct.ok, direct.first_bad_event) == (report.ok, report.first_bad_event)
    assert not report.ok
    # the routine verify does not use the checkpoint (it replays everything: ``direct``)
    found = checkpoints.trusted_checkpoint(database_location(world.db), guard_stamp(world.db))
    assert found.checkpoint is None and "append-only guards changed" in (found.why_not or "")
    return report


def _event(session: Session, event_id: int) -> CustodyEvent:
    row = session.get(CustodyEvent, event_id)
    assert row is not None
    return row


def _values(event: CustodyEvent) -> dict[str, Any]:
    return {c.name: getattr(event, c.key) for c in CustodyEvent.__table__.columns}


def _kinds(report: VerifyReport) -> list[str]:
    return [p.kind for p in report.problems]


def test_the_triggers_can_only_be_bypassed_by_dropping_them(world: World) -> None:
    _history(world)
    names = _drop_append_only_triggers(world.db)
    assert names
    with world.db.write() as session:
        session.execute(update(CustodyEvent).where(CustodyEvent.id == 3).values(note="edited"))
    report = queries.verify(world.db)
    assert report.first_bad_event == 3 and _kinds(report)[0] == "changed"


def test_a_changed_mass_is_found(world: World) -> None:
    _history(world)
    with world.db.read() as session:
        target = session.scalars(
            select(CustodyEvent.id).where(CustodyEvent.kind == "consumed")
        ).one()
    # edited in place, its hash left as it was: the links still hold and the aliquot's row
    # still says what the original event said, so only re-hashing it shows the edit (the
    # routine verify does, because the guard had to go first)
    report = _tamper(
        world,
        lambda s: s.execute(
            update(CustodyEvent).where(CustodyEvent.id == target).values(mass_ug=1_000)
        ),
        routine_sees=False,
    )
    assert report.first_bad_event == target
    first = report.problems[0]
    assert (first.kind, first.event_id) == ("changed", target)
    assert f"Event #{target} was changed or forged" in first.message
    assert f"FAILED: first bad event is #{target}." in report.summary()


def test_a_changed_and_rehashed_event_is_still_named(world: World) -> None:
    """A forger who also recomputes the edited event's own hash is caught at that event."""
    _history(world)
    target = 10

    def change(session: Session) -> None:
        event = _event(session, target)
        event.note = "nothing happened here"
        event.hash = chain_hash(event.prev_hash, [getattr(event, c) for c in HASHED_COLUMNS])

    report = _tamper(world, change)
    assert report.first_bad_event == target


def test_a_deleted_event_in_the_middle_is_found(world: World) -> None:
    count = _history(world)
    middle = count // 2
    report = _tamper(
        world, lambda s: s.execute(delete(CustodyEvent).where(CustodyEvent.id == middle))
    )
    assert report.first_bad_event == middle
    assert report.problems[0].kind == "missing"
    assert f"Event #{middle} is missing (deleted)" in report.problems[0].message
    assert report.events == count - 1


def test_a_deleted_last_event_is_found(world: World) -> None:
    count = _history(world)
    report = _tamper(
        world, lambda s: s.execute(delete(CustodyEvent).where(CustodyEvent.id == count))
    )
    assert report.first_bad_event == count
    assert "events at the end were removed" in " ".join(p.message for p in report.problems)


def test_a_deleted_last_event_is_found_even_with_the_head_rewound(world: World) -> None:
    count = _history(world)

    def change(session: Session) -> None:
        previous = _event(session, count - 1)
        session.execute(delete(CustodyEvent).where(CustodyEvent.id == count))
        session.execute(update(LedgerHead).values(last_seq=count - 1, last_hash=previous.hash))

    report = _tamper(world, change)
    assert report.first_bad_event == count


def _forged(session: Session, event_id: int, prev_hash: str, *, chained: bool) -> dict[str, Any]:
    """A 'received' event that hands A4 to Brown, as a forger would write it."""
    template = session.scalars(
        select(CustodyEvent).where(CustodyEvent.kind == "received").order_by(CustodyEvent.id)
    ).first()
    assert template is not None
    a4 = session.scalars(
        select(CustodyEvent).where(CustodyEvent.kind == "registered").order_by(CustodyEvent.id)
    ).all()[-1]
    values = _values(template) | {
        "id": event_id,
        "uuid": new_uuid(),
        "aliquot_id": a4.aliquot_id,
        "mass_ug": 100_000,
        "note": "forged",
        "prev_hash": prev_hash,
    }
    content = [values[c] for c in HASHED_COLUMNS]
    values["hash"] = chain_hash(prev_hash, content) if chained else "f" * 64
    return values


def test_a_forged_event_appended_at_the_end_is_found(world: World) -> None:
    count = _history(world)

    def change(session: Session) -> None:
        last = _event(session, count)
        session.execute(
            insert(CustodyEvent), [_forged(session, count + 1, last.hash, chained=True)]
        )

    report = _tamper(world, change)
    assert report.first_bad_event == count + 1
    (inserted,) = [p for p in report.problems if p.kind == "inserted"]
    assert inserted.event_id == count + 1
    assert f"Event #{count + 1} was inserted after the last event the program wrote" in (
        inserted.message
    )


def test_a_forged_event_inserted_in_the_middle_is_found(world: World) -> None:
    count = _history(world)
    place = 8

    def change(session: Session) -> None:
        # make room: move events place.. up by one (through a free range, for the primary key)
        session.execute(
            update(CustodyEvent).where(CustodyEvent.id >= place).values(id=CustodyEvent.id + 1000)
        )
        session.execute(
            update(CustodyEvent).where(CustodyEvent.id >= 1000).values(id=CustodyEvent.id - 999)
        )
        session.execute(insert(CustodyEvent), [_forged(session, place, "e" * 64, chained=False)])

    report = _tamper(world, change)
    assert report.first_bad_event == place
    assert report.events == count + 1


def test_two_swapped_events_are_found(world: World) -> None:
    count = _history(world)
    first, second = 6, 9

    def change(session: Session) -> None:
        a, b = _values(_event(session, first)), _values(_event(session, second))
        # swap everything but the position: exchange the rows' ids through a free id
        session.execute(update(CustodyEvent).where(CustodyEvent.id == first).values(id=10_000))
        session.execute(update(CustodyEvent).where(CustodyEvent.id == second).values(id=first))
        session.execute(update(CustodyEvent).where(CustodyEvent.id == 10_000).values(id=second))
        assert (a["hash"], b["hash"]) == (_event(session, second).hash, _event(session, first).hash)

    report = _tamper(world, change)
    assert report.first_bad_event == first
    assert report.events == count


def test_two_adjacent_events_swapped_by_content_are_found(world: World) -> None:
    _history(world)
    first = 12

    def change(session: Session) -> None:
        a, b = _values(_event(session, first)), _values(_event(session, first + 1))
        keep = ("id",)
        # uuid and hash are unique: park one row's values first
        session.execute(
            update(CustodyEvent)
            .where(CustodyEvent.id == first)
            .values(uuid=new_uuid(), hash="0" * 63 + "1")
        )
        session.execute(
            update(CustodyEvent)
            .where(CustodyEvent.id == first + 1)
            .values({k: v for k, v in a.items() if k not in keep})
        )
        session.execute(
            update(CustodyEvent)
            .where(CustodyEvent.id == first)
            .values({k: v for k, v in b.items() if k not in keep})
        )

    report = _tamper(world, change)
    assert report.first_bad_event == first
