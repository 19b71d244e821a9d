"""Authorised receivers (issue 17 point 3): any of a loan's authorised receivers confirms the
receipt of its packages; the list is changed by the borrower or the lender's curators, the PI
stays, every change is recorded."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from lunar_custody.domain import loans, queries, receivers
from lunar_custody.domain.errors import ConflictError, PermissionDenied, ValidationError
from lunar_custody.domain.models import Signature
from lunar_custody.domain.queries.audit import audit_trail

if TYPE_CHECKING:
    from .conftest import World

A1, A2 = (f"CE5C0400YJFM0050{n}" for n in (1, 2))


def test_a_co_official_receives_and_the_list_keeps_its_history(world: World) -> None:
    db = world.db
    loan = world.active_loan([A1, A2])  # PI Carla Pieters (brown_lm)
    listed = queries.loan_receivers(db, loan)
    assert [(r.full_name, r.function) for r in listed.current] == [
        ("Carla Pieters", "principal investigator")
    ]

    # Brown's lab manager names James Head co-official; he receives while Carla travels.
    receivers.add_receiver(db, world["brown_lm"], loan, "brown_pi", "co-official")
    number = world.release([A1], loan=loan)  # named receiver: Carla
    assert world.receive(number, receiver="brown_pi").transfer.received_by_id == (
        world["brown_pi"].person_id
    )
    assert world.status(A1).custodian_person == "James Head"
    (received,) = world.read(
        lambda s: [
            (x.printed_name, x.meaning)
            for x in s.query(Signature).where(Signature.meaning == "received")
        ]
    )
    assert received == ("James Head", "received")

    # Who may change the list, and whom.
    with world.refused(PermissionDenied, "Only the curators, lab managers or administrators"):
        receivers.add_receiver(db, world["koln_lm"], loan, "brown_pi", "co-official")
    world.add_person("brown_viewer", "BROWN", "viewer")
    with world.refused(ValidationError, "has no role that confirms receipts"):
        receivers.add_receiver(db, world["brown_lm"], loan, "brown_viewer", "observer")
    with world.refused(ValidationError, "does not work at Brown University"):
        receivers.add_receiver(db, world["zhang"], loan, "koln_lm", "co-official")
    with world.refused(ValidationError, "is already an authorised receiver"):
        receivers.add_receiver(db, world["zhang"], loan, "brown_pi", "lab manager")
    with world.refused(ValidationError, "The function is required."):
        receivers.add_receiver(db, world["brown_lm"], loan, "brown_pi", "  ")
    with world.refused(ValidationError, "is the principal investigator of loan"):
        receivers.remove_receiver(db, world["zhang"], loan, "brown_lm")

    # The lender's curator takes James off; he is refused the next package in the new words.
    receivers.remove_receiver(db, world["zhang"], loan, "brown_pi")
    second = world.release([A2], loan=loan, seal="SEAL-0002")
    with world.refused(
        PermissionDenied,
        f"Only an authorised receiver of loan {loan} (Carla Pieters) may confirm this receipt.",
    ):
        world.receive(second, receiver="brown_pi")
    world.receive(second)

    listed = queries.loan_receivers(db, loan)
    assert listed.usernames == ["brown_lm"]
    assert [(r.full_name, r.added_by, r.removed_by) for r in listed.history] == [
        ("Carla Pieters", "Zhang Wei", None),
        ("James Head", "Carla Pieters", "Zhang Wei"),
    ]
    trail = audit_trail(db, table="loan_receivers")
    assert {line.action for line in trail} == {"created", "changed"}
    world.check_rules()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # no dialect matters here
def test_returns_keep_their_named_receiver_and_closed_loans_their_list(world: World) -> None:
    db = world.db
    loan = world.active_loan([A1])
    receivers.add_receiver(db, world["zhang"], loan, "brown_pi", "lab manager")
    world.ship([A1], loan=loan)
    back = world.release([A1], sender="brown_lm", receiver="zhang", seal="SEAL-RET")
    detail = queries.transfer_detail(db, back)
    assert detail.authorised_receivers == ()  # a return: the lender's named receiver
    with world.refused(PermissionDenied, "Only the named receiver, Zhang Wei"):
        world.receive(back, receiver="li")
    world.receive(back, receiver="zhang")

    loans.close_loan(db, world["zhang"], loan, world.cred("zhang"))
    with world.refused(ConflictError, "its authorised receivers can no longer change"):
        receivers.remove_receiver(db, world["zhang"], loan, "brown_pi")
