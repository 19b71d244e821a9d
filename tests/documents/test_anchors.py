"""Anchors: an insider rewrites an event and recomputes every hash; the anchors remember.

The insider drops the guards (triggers), halves a consumption, recomputes the chain from the
published definition (``chain.chain_hash`` over HASHED_COLUMNS), the ledger head and the
aliquot cache, so the ledger replays and checks: ``verify`` alone finds nothing wrong with
the chain. An anchor file made before the rewrite and a custody form printed before it both
name the rewrite. Anchor files that are damaged, unsigned or foreign are refused in words.
"""

from __future__ import annotations

import base64
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select, text

from lunar_custody import cli
from lunar_custody.documents import service
from lunar_custody.documents.bench import throwaway_key
from lunar_custody.domain import anchors, registry
from lunar_custody.domain.anchors import AnchorError, make_anchor, read_anchor
from lunar_custody.domain.chain import HASHED_COLUMNS, chain_hash
from lunar_custody.domain.models import CustodyEvent
from lunar_custody.domain.store import Store
from lunar_custody.domain.wording import moment_text
from lunar_custody.storage import Database
from lunar_custody.trust.statements import sign_statement
from tests.worlds import A2, World

# kinds of problem that say the chain itself is broken (ledger.verify_ledger's)
CHAIN_KINDS = {"changed", "missing", "inserted", "reordered", "state", "balance", "custodian"}


@dataclass
class Run:
    code: int
    out: str
    err: str


def run(db: Store, *argv: str) -> Run:
    assert isinstance(db, Database)
    out, err = io.StringIO(), io.StringIO()
    code = cli.main([*argv, "--db", db.url], out=out, err=err)
    return Run(code, out.getvalue(), err.getvalue())


def drop_guards(db: Store, tables: tuple[str, ...]) -> list[str]:
    """What only a database owner can do: drop every trigger on ``tables``; the statements
    that make them again."""
    names = ", ".join(f"'{t}'" for t in tables)
    with db.write() as session:
        if db.dialect == "sqlite":
            rows = session.execute(
                text(
                    "SELECT name, tbl_name, sql FROM sqlite_master "
                    f"WHERE type = 'trigger' AND tbl_name IN ({names})"
                )
            ).all()
            drops = [f'DROP TRIGGER "{name}"' for name, _, _ in rows]
        else:
            rows = session.execute(
                text(
                    "SELECT t.tgname, c.relname, pg_get_triggerdef(t.oid) FROM pg_trigger t "
                    "JOIN pg_class c ON c.oid = t.tgrelid "
                    f"WHERE NOT t.tgisinternal AND c.relname IN ({names})"
                )
            ).all()
            drops = [f'DROP TRIGGER "{name}" ON "{table}"' for name, table, _ in rows]
        for statement in drops:
            session.execute(text(statement))
    assert rows  # the guards were there
    return [make for _, _, make in rows]


def restore_guards(db: Store, statements: list[str]) -> None:
    with db.write() as session:
        for statement in statements:
            session.execute(text(statement))


def halve_consumption(db: Store, event_id: int) -> None:
    """Rewrite a consumption as half of it and recompute every hash after it, the ledger
    head and the aliquot's cached masses, as the README's hash definition allows; then put
    the guards back, so nothing shows they were ever gone."""
    guards = drop_guards(db, ("custody_events", "aliquots", "ledger_head"))
    with db.write() as session:
        events = session.scalars(
            select(CustodyEvent).where(CustodyEvent.id >= event_id).order_by(CustodyEvent.id)
        ).all()
        consumed = events[0]
        assert consumed.kind == "consumed" and consumed.mass_ug
        halved = consumed.mass_ug // 2
        restored = consumed.mass_ug - halved
        previous = consumed.prev_hash
        rewritten = []
        for event in events:
            values = [getattr(event, column) for column in HASHED_COLUMNS]
            mass = halved if event.id == event_id else event.mass_ug
            values[HASHED_COLUMNS.index("mass_ug")] = mass
            digest = chain_hash(previous, values)
            rewritten.append({"id": event.id, "mass": mass, "prev": previous, "hash": digest})
            previous = digest
        aliquot_id = consumed.aliquot_id
        session.expunge_all()
        for row in rewritten:
            session.execute(
                text(
                    "UPDATE custody_events SET mass_ug = :mass, prev_hash = :prev, hash = :hash "
                    "WHERE id = :id"
                ),
                row,
            )
        session.execute(
            text(
                "UPDATE aliquots SET current_mass_ug = current_mass_ug + :restored, "
                "consumed_mass_ug = consumed_mass_ug - :restored WHERE id = :id"
            ),
            {"restored": restored, "id": aliquot_id},
        )
        session.execute(text("UPDATE ledger_head SET last_hash = :hash"), {"hash": previous})
    restore_guards(db, guards)


def test_an_insider_rewrite_is_named_by_the_anchors_and_the_earlier_document(
    world: World, tmp_path: Path
) -> None:
    db = world.db
    loan = world.active_loan([A2])
    world.ship([A2], loan=loan)
    before = tmp_path / "before.json"  # an anchor from before the consumption: it still holds
    assert run(db, "anchor", "-o", str(before)).code == 0
    registry.consume(db, world["brown_lm"], A2, 100_000)
    with db.read() as session:
        consumption = session.scalar(select(CustodyEvent.id).where(CustodyEvent.kind == "consumed"))
    assert consumption is not None
    after = tmp_path / "after.json"
    made = run(db, "anchor", "-o", str(after), "--json")
    assert made.code == 0, made.err
    head = json.loads(made.out)["ledger"]
    assert head["seq"] == consumption
    form = tmp_path / "form.pdf"
    doc = service.write_custody_form(db, None, form, aliquot=A2)
    assert doc.heads.ledger_seq == consumption
    registry.split_aliquot(db, world["brown_lm"], A2, [20_000])  # the ledger goes on
    assert run(db, "verify", "--anchor", str(before), "--anchor", str(after)).code == 0
    assert run(db, "verify-pdf", str(form)).code == 0

    halve_consumption(db, consumption)

    # the chain checks and replays: verify alone finds nothing wrong with the ledger
    alone = run(db, "verify", "--json")
    found = json.loads(alone.out)["problems"]
    assert not [p for p in found if p["kind"] in CHAIN_KINDS | {"anchor", "storage"}], found
    checked = run(db, "verify", "--anchor", str(before), "--anchor", str(after))
    assert checked.code == 1
    assert (
        f"The ledger was rewritten at or before event #{consumption} since the anchor "
        "after.json of "
    ) in checked.out
    assert (
        f"The anchor before.json of {moment_text(read_anchor(before.read_bytes()).made_at)} "
        f"still holds event #{consumption - 1}: the rewritten event is #{consumption}."
    ) in checked.out
    assert checked.out.count("The ledger was rewritten") == 1  # the older anchor holds
    as_json = json.loads(run(db, "verify", "--anchor", str(after), "--json").out)
    (problem,) = [p for p in as_json["problems"] if p["kind"] == "anchor"]
    assert (problem["table"], problem["record"], problem["field"]) == (
        "custody_events",
        str(consumption),
        "hash",
    )
    assert not as_json["ok"] and as_json["anchors"][0]["ledger"] == head

    printed = run(db, "verify-pdf", str(form))
    assert printed.code == 1
    assert "the file is unchanged and signed by CNSA Lunar Sample Laboratory" in printed.out
    assert (
        f"The ledger was rewritten at or before event #{consumption} since document "
        f"{doc.number} of "
    ) in printed.out

    # the audit trail's head is anchored too: the entry it saw, rewritten since, is named
    audit_seq = read_anchor(after.read_bytes()).heads.audit_seq
    drop_guards(db, ("audit_entries",))
    with db.write() as session:
        session.execute(
            text("UPDATE audit_entries SET new_value = 'forged', hash = :h WHERE id = :id"),
            {"h": "f" * 64, "id": audit_seq},
        )
    trail = run(db, "verify", "--anchor", str(after))
    assert trail.code == 1
    assert f"The audit trail was rewritten at or before entry #{audit_seq} since" in trail.out


def test_anchor_files_damaged_unsigned_or_foreign_are_refused(world: World, tmp_path: Path) -> None:
    db = world.db
    good = make_anchor(db)
    read = read_anchor(good.to_json(), "a.json")
    assert read.heads == good.heads and read.source == "a.json"
    with db.read() as session:
        assert good.heads == anchors.chain_heads(session) and good.heads.audit_seq > 0
    assert anchors.anchor_problems(db, [read]) == []

    def refused(document: object, *expected: str, raw: bytes | None = None) -> None:
        data = raw if raw is not None else json.dumps(document).encode()
        with pytest.raises(AnchorError) as error:
            read_anchor(data, "x.json")
        for part in expected:
            assert part in str(error.value)

    document = json.loads(good.to_json())
    refused(None, "x.json is not an anchor file: it is not JSON", raw=good.to_json()[:-40])
    refused({"statement": 1}, "x.json is not an anchor file: it holds no statement")
    unsigned = dict(document, signature="")
    refused(unsigned, "x.json is not signed")
    changed = json.loads(good.to_json())
    changed["statement"]["ledger"]["seq"] += 1
    refused(changed, "x.json is not validly signed", "changed after it was signed")
    broken = json.loads(good.to_json())
    broken["statement"]["audit"]["hash"] = "xyz"
    refused(broken, "x.json is damaged: its audit head is not a number and a SHA-256")
    wrong_kind = json.loads(good.to_json())
    wrong_kind["statement"]["type"] = "lunar-custody/signature"
    refused(wrong_kind, "is of type 'lunar-custody/signature', not 'lunar-custody/anchor'")
    bad_certificate = dict(document, certificate="-----BEGIN CERTIFICATE-----\nAAAA\n")
    refused(bad_certificate, "x.json is damaged: its certificate cannot be read")

    # another institution's key, signing a statement in its own name: a well-formed anchor,
    # but not one of this database
    other = throwaway_key()
    statement = anchors.anchor_statement(other, "bench", good.heads, good.made_at)
    foreign = anchors.Anchor(statement, sign_statement(other.private_key, statement), other.pem)
    foreign = read_anchor(foreign.to_json(), "foreign.json")
    (problem,) = anchors.anchor_problems(db, [foreign])
    assert problem.kind == "anchor" and problem.table == "certificates"
    assert problem.message.startswith("The anchor foreign.json of ")
    assert "is not an anchor of this database: it is signed by certificate " in problem.message
    assert "neither this installation's nor a trusted partner's" in problem.message
    # ... and our statement with the other key's certificate swapped in
    swapped = dict(document, certificate=other.pem)
    refused(swapped, "the certificate it carries is not the one its statement names")
    mine_resigned = dict(
        document, signature=base64.b64encode(b"\x30\x06\x02\x01\x01\x02\x01\x01").decode()
    )
    refused(mine_resigned, "x.json is not validly signed")

    # on the command line: the refusal is the message, before the long check starts
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(changed))
    result = run(db, "verify", "--anchor", str(path))
    assert result.code == 1 and result.out == ""
    assert "lunar-custody: changed.json is not validly signed" in result.err
    missing = run(db, "verify", "--anchor", str(tmp_path / "nowhere.json"))
    assert missing.code == 1 and "Cannot read the anchor" in missing.err
    written = tmp_path / "anchor.json"
    assert run(db, "anchor", "-o", str(written)).code == 0
    again = run(db, "anchor", "-o", str(written))
    assert again.code == 1 and "exists already" in again.err
