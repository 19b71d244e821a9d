"""The typed signed content of a loan and of a transfer hashes to what the signatures hold."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from lunar_custody.domain import identity, queries
from lunar_custody.domain.models import Signature
from lunar_custody.domain.signed_content import (
    LegContent,
    LoanContent,
    LoanItemContent,
    TransferContent,
    TransferItemContent,
)

if TYPE_CHECKING:
    from .conftest import World

A1, A2 = "CE5C0400YJFM00501", "CE5C0400YJFM00502"


def _hashes(world: World, record_type: str, number: str) -> dict[str, str]:
    return world.read(
        lambda s: {
            sig.meaning: sig.content_hash
            for sig in s.scalars(
                select(Signature).where(
                    Signature.record_type == record_type, Signature.record_number == number
                )
            )
        }
    )


def test_a_loans_typed_content_hashes_to_its_signatures(world: World) -> None:
    number = world.active_loan([A2, A1])
    content = queries.loan_content(world.db, number)
    assert content == LoanContent(
        number=number,
        lender="CNSA",
        borrower="BROWN",
        principal_investigator="brown_lm",
        co_investigators="",
        purpose="Space weathering of Chang'e-5 regolith",
        starts_on=world.today,
        due_on=world.today + timedelta(days=365),
        destructive_analysis_allowed=True,
        notes="",
        items=(
            LoanItemContent(A1, world.MASSES[A1]),
            LoanItemContent(A2, world.MASSES[A2]),
        ),
    )
    # The canonical form is exactly the dict every stored signature was computed over.
    assert content.as_dict() == {
        "number": number,
        "lender": "CNSA",
        "borrower": "BROWN",
        "principal_investigator": "brown_lm",
        "co_investigators": "",
        "purpose": "Space weathering of Chang'e-5 regolith",
        "starts_on": world.today.isoformat(),
        "due_on": (world.today + timedelta(days=365)).isoformat(),
        "destructive_analysis_allowed": True,
        "notes": "",
        "items": [[A1, world.MASSES[A1]], [A2, world.MASSES[A2]]],
    }
    expected = identity.content_hash(content.as_dict())
    assert _hashes(world, "loan", number) == {"approved": expected, "countersigned": expected}


def test_a_transfers_typed_content_hashes_to_its_signatures(world: World) -> None:
    loan = world.active_loan([A1, A2])
    number = world.release([A1, A2], loan=loan)
    content = queries.transfer_content(world.db, number)
    assert content == TransferContent(
        number=number,
        from_institution="CNSA",
        to_institution="BROWN",
        receiver="brown_lm",
        courier="courier1",
        container=content.container,
        seal_number="SEAL-0001",
        status="in_transit",
        items=(
            TransferItemContent(A1, world.MASSES[A1], None),
            TransferItemContent(A2, world.MASSES[A2], None),
        ),
        legs=(LegContent(1, "courier1"),),
    )
    assert content.as_dict() == {
        "number": number,
        "from": "CNSA",
        "to": "BROWN",
        "receiver": "brown_lm",
        "courier": "courier1",
        "container": content.container,
        "seal_number": "SEAL-0001",
        "status": "in_transit",
        "items": [[A1, world.MASSES[A1], None], [A2, world.MASSES[A2], None]],
        "legs": [[1, "courier1"]],
    }
    expected = identity.content_hash(content.as_dict())
    assert _hashes(world, "transfer", number) == {"relinquished": expected, "accepted": expected}
