"""A loan's authorised receivers travel in exchange files: the borrower learns the PI from
the offer, the lender learns the co-official named since with the receipt she signs for a
package addressed to the PI, and accepts it; the same receipt in a file that hides her
appointment is refused (DESIGN rule 5: only an authorised receiver of the receiving
institution)."""

from __future__ import annotations

from typing import Any

import pytest

from lunar_custody.domain import custody, loans, queries, receivers, registry
from lunar_custody.exchange import journey
from lunar_custody.exchange.export import export_exchange
from lunar_custody.exchange.importer import ExchangeRefused, import_exchange
from lunar_custody.storage.integrity import verify_database

from .conftest import Installations
from .test_hostile_files import _forge


def _send(place: Installations, sender: str, receiver: str, user: str, **scope: str) -> None:
    stores = {"CNSA": place.cnsa, "BROWN": place.brown}
    importer = {"CNSA": "zhang.wei", "BROWN": "carla.pieters"}[receiver]
    exported = export_exchange(stores[sender], place[user], partner=receiver, **scope)
    import_exchange(stores[receiver], place[importer], exported.content)


def test_the_receivers_travel_and_a_co_officials_receipt_is_accepted(
    installations: Installations,
) -> None:
    place, loan = installations, installations.loan
    for offer in (place.offer, place.again):  # the fixture's offer was written twice
        import_exchange(place.brown, place["carla.pieters"], offer)
    assert queries.loan_receivers(place.brown, loan).usernames == ["james.head"]

    loans.countersign_loan(place.brown, place["james.head"], loan, journey._password("james.head"))
    _send(place, "BROWN", "CNSA", "james.head", loan=loan)  # the countersignature
    receivers.add_receiver(place.brown, place["james.head"], loan, "carla.pieters", "co-official")

    # addressed to the PI, received by the co-official while he travels
    registry.update_person(
        place.cnsa, place["cnsa.admin"], "chen.courier", pin=journey.PINS["chen.courier"]
    )
    outbound = custody.release_package(
        place.cnsa,
        place["zhang.wei"],
        aliquot_numbers=[journey.LENT, journey.SECOND],
        receiver="james.head",
        courier="chen.courier",
        seal_number=journey.SEAL_OUT,
        sender_credential=journey._password("zhang.wei"),
        courier_credential=journey._pin("chen.courier"),
        loan_number=loan,
    )
    _send(place, "CNSA", "BROWN", "zhang.wei", transfer=outbound.number)
    custody.confirm_receipt(
        place.brown,
        place["carla.pieters"],
        outbound.number,
        credential=journey._password("carla.pieters"),
        seal_intact=True,
    )
    receipt = export_exchange(
        place.brown, place["carla.pieters"], partner="CNSA", transfer=outbound.number
    ).content

    def hide_appointment(content: dict[str, Any]) -> None:
        content["records"]["loan_receivers"] = [
            row for row in content["records"]["loan_receivers"] if row["function"] != "co-official"
        ]

    # Brown's own key signs it, but the lender has no word that Carla may receive
    forged = _forge(receipt, place.brown, hide_appointment)
    with pytest.raises(ExchangeRefused) as refused:
        import_exchange(place.cnsa, place["zhang.wei"], forged)
    assert (
        "only an authorised receiver of the receiving institution confirms a receipt, "
        "not Carla Pieters"
    ) in str(refused.value)
    assert queries.transfer_detail(place.cnsa, outbound.number).status == "in_transit"

    import_exchange(place.cnsa, place["zhang.wei"], receipt)
    at_lender = queries.loan_receivers(place.cnsa, loan)
    assert [(r.username, r.function) for r in at_lender.current] == [
        ("james.head", "principal investigator"),
        ("carla.pieters", "co-official"),
    ]
    detail = queries.transfer_detail(place.cnsa, outbound.number)
    assert (detail.status, detail.receiver, detail.received_by) == (
        "received",
        "James Head",
        "Carla Pieters",
    )
    for db in (place.cnsa, place.brown):
        report = verify_database(db)
        assert report.ok, report.summary()
