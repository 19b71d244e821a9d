"""Checkpoints and the routine verify: what a verify that found nothing leaves on this
computer, and what the next verify does with it (domain/checkpoints.py, routine_verify.py)."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from lunar_custody import cli
from lunar_custody.domain import checkpoints, registry
from lunar_custody.domain.chain import AUDIT_HASHED_COLUMNS, audit_hash
from lunar_custody.domain.ledger import HASHED_COLUMNS, chain_hash
from lunar_custody.domain.models import Aliquot, AuditEntry, CustodyEvent
from lunar_custody.domain.record_check import check_records
from lunar_custody.domain.routine_verify import verify_ledger_since
from lunar_custody.storage import Database, ledger_scan
from lunar_custody.storage.integrity import (
    _ledger,
    database_location,
    guard_stamp,
    verify_database,
)
from lunar_custody.trust import keys as trust_keys
from lunar_custody.trust.keys import Holder
from lunar_custody.trust.statements import sign_statement
from tests.domain.test_tamper import _drop_append_only_triggers
from tests.worlds import A1, A2, A3, World, world

__all__ = ["world"]  # the shared world fixture (tests/worlds.py)


def _file(world: World) -> Path:
    assert isinstance(world.db, Database)
    return checkpoints.checkpoint_path(database_location(world.db))


def _verify_json(world: World) -> dict[str, object]:
    assert isinstance(world.db, Database)
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["verify", "--db", world.db.url, "--json"], out=out, err=err)
    assert code == 0, err.getvalue()
    data: dict[str, object] = json.loads(out.getvalue())
    return data


def test_a_verify_leaves_a_checkpoint_and_the_next_replays_only_what_changed(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # histories read an id at a time: a parent and its child come in different reads
    monkeypatch.setattr(ledger_scan, "_IDS_PER_QUERY", 1)
    first = _verify_json(world)
    assert first["mode"] == "full" and first["mode_said"] == "full (every event replayed)."
    statement = json.loads(_file(world).read_text())["statement"]
    assert statement["ledger"] == {"seq": first["events"], "hash": first["last_hash"]}
    assert statement["aliquots"]["count"] == first["aliquots"]

    (child,) = registry.split_aliquot(world.db, world["zhang"], A1, [50_000])
    registry.split_aliquot(world.db, world["zhang"], A3, [1_000])
    report = verify_database(world.db)
    assert report.ok, report.summary()
    assert report.mode == "routine" and report.replayed_aliquots == 4  # A1, A3, two children
    assert report.events == int(str(first["events"])) + 4
    assert "Mode: routine, since the checkpoint of " in report.summary()
    assert "4 aliquots touched since, replayed." in report.summary()
    again = _verify_json(world)  # nothing new: nothing replayed, the counts as before
    assert (again["mode"], again["replayed_aliquots"]) == ("routine", 0)
    assert again["aliquots"] == report.aliquots and again["last_hash"] == report.last_hash
    assert verify_database(world.db, full=True).mode == "full"
    assert child.number.startswith(A1)


def test_an_edited_or_foreign_checkpoint_is_ignored_and_said(world: World) -> None:
    assert verify_database(world.db).ok
    path = _file(world)
    document = json.loads(path.read_text())
    document["statement"]["aliquots"]["count"] += 1  # edited after it was signed
    path.write_text(json.dumps(document))
    report = verify_database(world.db)
    assert report.ok and report.mode == "full"
    assert f"The checkpoint {path.name} was ignored: its signature does not hold" in (
        report.mode_said
    )

    # signed as it should be, but by a key this computer does not hold (made elsewhere)
    key = trust_keys.new_private_key()
    holder = Holder("Elsewhere", "Elsewhere", "00000000-0000-4000-8000-000000000000")
    certificate = trust_keys.institution_certificate(key, holder, datetime.now(UTC))
    statement = json.loads(path.read_text())["statement"]  # the fresh one of this verify
    foreign = {
        "statement": statement,
        "signature": sign_statement(key, statement),
        "certificate": trust_keys.certificate_pem(certificate),
    }
    path.write_text(json.dumps(foreign))
    report = verify_database(world.db)
    assert report.ok and report.mode == "full"
    assert "whose private key this computer does not hold" in report.mode_said
    assert verify_database(world.db).mode == "routine"  # the last verify wrote its own


def test_what_changed_under_the_checkpoint_is_named_as_by_a_full_verify(world: World) -> None:
    """Changes the guard stamp does not show (an aliquot's row has no append-only guard;
    an event changed with its hash recomputed and the guards as they were) make the routine
    check replay everything, which names the first bad record exactly."""
    db = world.db
    assert isinstance(db, Database)
    assert verify_database(db).ok
    found = checkpoints.trusted_checkpoint(database_location(db), guard_stamp(db))
    assert found.checkpoint is not None
    held = found.checkpoint

    # an untouched aliquot's derived columns: the digest no longer holds
    with db.write() as session:
        mass = session.scalar(select(Aliquot.current_mass_ug).where(Aliquot.number == A2))
        session.execute(update(Aliquot).where(Aliquot.number == A2).values(current_mass_ug=1))
    report = verify_database(db)
    assert report.mode == "full" and "did not check out" in report.mode_said
    assert [p.aliquot_number for p in report.problems if p.kind == "state"] == [A2]

    # an event under the head, changed and rehashed: its link to the next one breaks
    with db.write() as session:
        session.execute(update(Aliquot).where(Aliquot.number == A2).values(current_mass_ug=mass))
    _drop_append_only_triggers(db)
    target = 3
    with db.write() as session:
        event = session.get(CustodyEvent, target)
        assert event is not None
        event.note = "nothing happened here"
        event.hash = chain_hash(event.prev_hash, [getattr(event, c) for c in HASHED_COLUMNS])
    heads = held.heads
    assert verify_ledger_since(db, heads.ledger_seq, heads.ledger_hash, 0, "") is None
    routine, still_held = _ledger(db, held, None, None)  # as verify_database under it
    assert still_held and routine.mode == "full"
    assert routine.first_bad_event == target

    # an audit entry under the checkpoint's audit head, changed and rehashed: the same
    entry = heads.audit_seq // 2
    with db.write() as session:
        row = session.get(AuditEntry, entry)
        assert row is not None
        row.new_value = "changed outside the program"
        row.hash = audit_hash(row.prev_hash, [getattr(row, c) for c in AUDIT_HASHED_COLUMNS])
    with db.scan_records(workers=0) as scan:
        since = check_records(scan, since=(heads.audit_seq, heads.audit_hash))
        whole = check_records(scan)
    assert since.first_bad_audit_entry == whole.first_bad_audit_entry == entry


def test_a_restore_sets_the_checkpoint_aside(world: World, tmp_path: Path) -> None:
    from lunar_custody.storage.backup import backup_database
    from lunar_custody.storage.restore import restore_database

    db = world.db
    assert isinstance(db, Database)
    copy = backup_database(db, tmp_path / "copy.db")
    assert verify_database(db).ok and _file(world).exists()
    result = restore_database(copy, db.url, replace=True)
    assert result.report.ok and result.report.mode == "full"
    (aside,) = _file(world).parent.glob(f"{_file(world).stem}.set-aside-*.json")
    assert aside.exists() and _file(world).exists()  # the restore's verify wrote a new one
