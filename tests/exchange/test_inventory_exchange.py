"""An annual inventory travels from the borrower's installation to the lender's: the
certified inventory, its lines and signature, with its ``inventoried`` and ``lost`` events;
the lender sees the loan's inventory no longer overdue and the missing aliquot lost."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from lunar_custody.domain import clearance, clock, custody, inventory, loans, queries, registry
from lunar_custody.exchange import journey
from lunar_custody.exchange.journey import LENT, SECOND, _carry, _password, _pin
from lunar_custody.storage import Database
from tests.worlds import fast_secrets


def test_a_certified_inventory_reaches_the_lender(tmp_path: Path) -> None:
    stores = [Database.open(str(tmp_path / f"{n}.db"), create=True) for n in ("c", "b", "s")]
    try:
        with fast_secrets():
            cnsa, brown, _sll = places = journey.set_up_installations(*stores)
            journey.introduce(places)
            lender, borrower = cnsa.store, brown.store
            # at the dock the visiting courier gets a PIN of the lender's installation
            registry.update_person(
                lender, cnsa["cnsa.admin"], "chen.courier", pin=journey.PINS["chen.courier"]
            )
            zhang, head = cnsa["zhang.wei"], brown["james.head"]
            registry.register_sample(
                lender,
                zhang,
                registry.NewSample(
                    journey.SAMPLE,
                    1_500_000,
                    aliquots=[
                        registry.NewAliquot(journey.PARENT, 600_000),
                        registry.NewAliquot(SECOND, 300_000),
                    ],
                ),
            )
            registry.split_aliquot(lender, zhang, journey.PARENT, [200_000])
            start = clock.now().date() - timedelta(days=400)
            loan = loans.create_loan(
                lender,
                zhang,
                borrower_code="BROWN",
                principal_investigator="james.head",
                purpose="inventory",
                starts_on=start,
                due_on=start + timedelta(days=700),
            ).number
            loans.add_loan_items(lender, zhang, loan, [LENT, SECOND])
            clearance.attest_open_items(lender, zhang, loan, note="cleared")
            loans.approve_loan(lender, zhang, loan, _password("zhang.wei"))
            _carry("offer", cnsa, "zhang.wei", [brown], None, loan=loan)
            loans.countersign_loan(borrower, head, loan, _password("james.head"))
            _carry("answer", brown, "james.head", [cnsa], None, loan=loan)
            shipment = custody.release_package(
                lender,
                zhang,
                aliquot_numbers=[LENT, SECOND],
                receiver="carla.pieters",
                courier="chen.courier",
                seal_number="SEAL-1",
                sender_credential=_password("zhang.wei"),
                courier_credential=_pin("chen.courier"),
                loan_number=loan,
            ).number
            _carry("shipment", cnsa, "zhang.wei", [brown], None, transfer=shipment)
            custody.confirm_receipt(
                borrower,
                brown["carla.pieters"],
                shipment,
                credential=_password("carla.pieters"),
                seal_intact=True,
                seal_number_seen="SEAL-1",
            )
            _carry("receipt", brown, "carla.pieters", [cnsa], None, transfer=shipment)
            assert [d.loan_number for d in inventory.owed(lender, overdue_only=True)] == [loan]

            number = inventory.start_inventory(borrower, head, loan).number
            inventory.scan(borrower, head, number, LENT)
            inventory.mark_missing(borrower, head, number, SECOND, note="not in the safe")
            inventory.certify(borrower, head, number, _password("james.head"))
            _carry("report", brown, "james.head", [cnsa], None, loan=loan)

        seen = inventory.show(lender, number)
        assert (seen.status, seen.count("found"), seen.count("missing")) == ("certified", 1, 1)
        assert inventory.owed(lender, overdue_only=True) == []
        assert queries.aliquot_status(lender, SECOND).status == "lost"
        history = [e.kind for e in queries.history(lender, LENT)]
        assert history[-1] == "inventoried"
        assert queries.verify(lender).ok
    finally:
        for store in stores:
            store.dispose()
