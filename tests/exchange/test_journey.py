"""A whole loan across three installations, through exchange files only (issue 14).

CNSA (the lender) and Secure Lunar Logistics (the courier firm) each have a SQLite file,
Brown University (the borrower) a PostgreSQL database. The journey (exchange/journey.py):
offer, countersignature, shipment, a courier handover on the courier firm's installation,
a receipt with a broken seal and a mass discrepancy, the lender's settlement, a split, a
consumption and a loss at the borrower, a partial return with a handover transcribed from
the paper custody form, and the close. After every exchange, both sides tell the same story
about the aliquots the file concerned, and verify passes on both; at the end each
installation holds the other two's chain heads.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from lunar_custody.domain import queries
from lunar_custody.domain.keys import institution_key
from lunar_custody.domain.models import (
    Aliquot,
    CustodyEvent,
    EventOrigin,
    ExchangeFile,
    Institution,
    Person,
)
from lunar_custody.domain.store import Store
from lunar_custody.exchange import journey
from lunar_custody.exchange.format import pack, unpack
from lunar_custody.exchange.importer import ExchangeRefused, import_exchange
from lunar_custody.exchange.journey import Exchange
from lunar_custody.storage import Database
from lunar_custody.storage.integrity import verify_database
from lunar_custody.trust.statements import sign_statement
from tests.worlds import fast_secrets

from .conftest import snapshot

pytestmark = pytest.mark.postgres


def _state(store: Store, uuids: set[str]) -> dict[str, tuple[Any, ...]]:
    """Custody and masses of these aliquots, every reference named by UUID."""
    with store.read() as session:
        people = dict(session.execute(select(Person.id, Person.uuid)).all())
        institutions = dict(session.execute(select(Institution.id, Institution.uuid)).all())
        found = {}
        for row in session.scalars(select(Aliquot).where(Aliquot.uuid.in_(uuids))):
            masses = (
                row.initial_mass_ug,
                row.current_mass_ug,
                row.children_mass_ug,
                row.consumed_mass_ug,
                row.lost_mass_ug,
            )
            assert masses[0] == sum(masses[1:]), f"mass balance of {row.number}"
            found[row.uuid] = (
                row.number,
                row.status,
                *masses,
                institutions.get(row.custodian_institution_id),
                people.get(row.custodian_person_id),
                people.get(row.courier_id),
            )
        return found


def _event_uuids(store: Store) -> dict[str, str]:
    """Every event: its UUID and the hash at its origin installation."""
    with store.read() as session:
        origins = dict(session.execute(select(EventOrigin.event_id, EventOrigin.origin_hash)).all())
        return {
            uuid: origins.get(event_id, own_hash)
            for event_id, uuid, own_hash in session.execute(
                select(CustodyEvent.id, CustodyEvent.uuid, CustodyEvent.hash)
            )
        }


@pytest.fixture
def three(tmp_path: Path, pg_db: Database) -> Iterator[tuple[Database, Database, Database]]:
    cnsa = Database.open(str(tmp_path / "cnsa.db"), create=True)
    sll = Database.open(str(tmp_path / "sll.db"), create=True)
    try:
        yield cnsa, pg_db, sll
    finally:
        cnsa.dispose()
        sll.dispose()


def test_a_loan_across_three_installations(three: tuple[Database, Database, Database]) -> None:
    cnsa, brown, sll = three
    steps: list[str] = []
    files: list[Exchange] = []

    def after(exchange: Exchange) -> None:
        sender, receiver = exchange.sender.store, exchange.receiver.store
        report = exchange.report
        assert (report.written and not report.warnings) or exchange.step == "return", report
        steps.append(f"{exchange.step} {exchange.sender.code}->{exchange.receiver.code}")
        files.append(exchange)
        # the aliquots this file concerned: custody and masses equal on both sides
        with receiver.read() as session:
            file = session.scalars(
                select(ExchangeFile)
                .where(ExchangeFile.direction == "received")
                .order_by(ExchangeFile.id.desc())
            ).first()
            assert file is not None and file.kind == exchange.file.kind
        both = _all_aliquots(sender) & _all_aliquots(receiver)
        mine, theirs = _state(sender, both), _state(receiver, both)
        assert mine and mine == theirs, exchange.step
        # every event the receiver got from the sender's ledger has the same origin hash
        held = _event_uuids(receiver)
        for event_uuid, origin_hash in _event_uuids(sender).items():
            if event_uuid in held:
                assert held[event_uuid] == origin_hash, (exchange.step, event_uuid)
        for store in (sender, receiver):
            checked = verify_database(store)  # type: ignore[arg-type]
            assert checked.ok, (exchange.step, [p.message for p in checked.problems])

    with fast_secrets():
        places = journey.run_journey(cnsa, brown, sll, observe=after)
    assert steps == [
        "offer CNSA->BROWN",
        "answer BROWN->CNSA",
        "shipment CNSA->SLL",
        "shipment CNSA->BROWN",
        "legs SLL->BROWN",
        "legs SLL->CNSA",
        "receipt BROWN->CNSA",
        "receipt BROWN->SLL",
        "report CNSA->BROWN",
        "report BROWN->CNSA",
        "return BROWN->CNSA",
        "return BROWN->SLL",
        "receipt CNSA->BROWN",
        "receipt CNSA->SLL",
        "report CNSA->BROWN",
    ]
    # each installation holds the other two's chain heads, as their last files said
    codes = {p.code: p for p in places}
    for place in places:
        with place.store.read() as session:
            held = {
                code: seq
                for code, seq in session.execute(
                    select(Institution.code, ExchangeFile.sender_seq)
                    .join(Institution, Institution.id == ExchangeFile.partner_institution_id)
                    .where(ExchangeFile.direction == "received")
                )
            }
        assert set(held) == set(codes) - {place.code}, place.code

    # the same aliquots, seen from both sides, at the end
    everything = _all_aliquots(brown)
    assert _state(cnsa, everything) == _state(brown, everything)
    # the borrower's split carries its code; the handover typed in from paper is marked so
    with brown.read() as session:
        numbers = set(session.scalars(select(Aliquot.number)))
    assert {f"{journey.SECOND}-BROWN-G1", f"{journey.SECOND}-BROWN-G2"} <= numbers
    history = queries.history(brown, journey.SECOND)
    transcribed = [e for e in history if e.transcribed]
    assert transcribed and all(e.origin == "CNSA" for e in transcribed)
    assert all("paper custody form" in e.note for e in transcribed)
    lender_view = queries.history(cnsa, journey.SECOND)
    assert {e.origin for e in lender_view} == {None, "BROWN", "SLL"}
    _hostile_after_the_journey(files, brown, cnsa)


def _all_aliquots(store: Store) -> set[str]:
    with store.read() as session:
        return set(session.scalars(select(Aliquot.uuid)))


def _hostile_after_the_journey(files: list[Exchange], brown: Database, cnsa: Database) -> None:
    """On PostgreSQL too: a file again changes nothing; a rewritten one is refused whole."""
    offer = files[0]
    carla = offer.receiver["carla.pieters"]
    before = snapshot(brown)
    again = import_exchange(brown, carla, offer.file.content)
    assert again.already_imported and snapshot(brown) == before
    last = [f for f in files if f.receiver.code == "BROWN" and f.sender.code == "CNSA"][-1]
    content = copy.deepcopy(unpack(last.file.content).content)
    content["id"], content["sequence"] = str(uuid.uuid4()), content["sequence"] + 1
    with cnsa.read() as session:
        key = institution_key(session)
    for entry in content["events"]:
        if entry["statement"]["kind"] == "mass_lost":
            entry["statement"]["mass_ug"] = 1_000
            entry["signature"] = sign_statement(key.private_key, entry["statement"])
    with pytest.raises(ExchangeRefused, match="evidence of tampering"):
        import_exchange(brown, carla, pack(content, key.private_key, key.pem))
    assert snapshot(brown) == before
