"""What verify makes of exchanged custody: an imported event rewritten here, with every
hash recomputed, is named by its origin's signature and by the heads the exchange files
carried."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from lunar_custody.domain import clock
from lunar_custody.domain.models import CustodyEvent, EventOrigin
from lunar_custody.exchange import journey
from lunar_custody.exchange.partners import list_partners, partner_status
from lunar_custody.storage import Database
from lunar_custody.storage.integrity import verify_database
from tests.documents.test_anchors import halve_consumption
from tests.worlds import fast_secrets


def test_an_imported_event_rewritten_here_is_named(tmp_path: Path) -> None:
    stores = [Database.open(str(tmp_path / f"{n}.db"), create=True) for n in ("c", "b", "s")]
    try:
        with fast_secrets():
            journey.run_journey(*stores)
        cnsa = stores[0]
        assert verify_database(cnsa).ok
        status = partner_status(cnsa, clock.now())
        assert status.waiting == [] and status.head_problems == []
        assert {p.code for p in list_partners(cnsa)} == {"BROWN", "SLL"}
        with cnsa.read() as session:
            consumed, origin = session.execute(
                select(CustodyEvent.id, EventOrigin.origin_seq)
                .join(EventOrigin, EventOrigin.event_id == CustodyEvent.id)
                .where(CustodyEvent.kind == "consumed")
            ).one()
        # the insider works on the file alone, with the program closed
        cnsa.dispose()
        cnsa = stores[0] = Database.open(str(tmp_path / "c.db"))
        halve_consumption(cnsa, consumed)

        report = verify_database(cnsa)
        assert not report.ok
        messages = "\n".join(p.message for p in report.problems)
        # the chain and the replay hold (every hash was recomputed), the origin's does not
        assert {p.kind for p in report.problems} == {"signature", "anchor"}, messages
        assert (
            f"Event #{consumed} was imported from Brown University (their #{origin}), and "
            "BROWN's signature no longer holds for it" in messages
        )
        # the files CNSA sent after the event carried heads its ledger no longer holds
        assert "since the exchange file receipt no. " in messages
        assert "to Brown University was sent" in messages
    finally:
        for db in stores:
            db.dispose()


def test_a_shipment_without_a_receipt_back_waits_on_the_dashboard(tmp_path: Path) -> None:
    stores = [Database.open(str(tmp_path / f"{n}.db"), create=True) for n in ("c", "b", "s")]
    try:
        with fast_secrets():
            journey.run_journey(*stores)
        cnsa, brown = stores[0], stores[1]
        # Brown's return is received at CNSA: nothing waits there. Brown itself shipped it
        # and got CNSA's receipt back; a week on, still nothing waits anywhere.
        later = clock.now() + timedelta(days=30)
        assert partner_status(cnsa, later).waiting == []
        assert partner_status(brown, later).waiting == []
    finally:
        for db in stores:
            db.dispose()
