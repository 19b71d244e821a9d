"""Signatures given on a record (a loan or a transfer), as shown beside it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Signature


@dataclass(frozen=True, slots=True)
class SignatureRow:
    printed_name: str
    institution_name: str
    meaning: str
    signed_at: datetime
    method: str
    content_hash: str
    has_drawing: bool
    # whether the record still holds what was signed (loans.SignedTerms.verdict); None: not
    # checked here
    verdict: str | None = None


def signatures(
    session: Session,
    record_type: str,
    record_id: int,
    verdicts: Mapping[int, str | None] | None = None,
) -> list[SignatureRow]:
    """The record's signatures in the order given; ``verdicts`` by signature id."""
    verdicts = verdicts or {}
    return [
        SignatureRow(
            s.printed_name,
            s.institution_name,
            s.meaning,
            s.signed_at,
            s.method,
            s.content_hash,
            s.drawing_png is not None,
            verdicts.get(s.id),
        )
        for s in session.scalars(
            select(Signature)
            .where(Signature.record_type == record_type, Signature.record_id == record_id)
            .order_by(Signature.id)
        )
    ]
