"""This installation: its home institution, and how what it numbers stays unique among
installations (DESIGN.md "Between installations")."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Certificate, Institution
from .states import InstitutionKind


def home_institution(session: Session) -> Institution | None:
    """The institution ``init`` created: the holder of the institution certificate (in a
    database from before keys, the first institution)."""
    institution_id = session.scalar(
        select(Certificate.institution_id)
        .where(Certificate.kind == "institution")
        .order_by(Certificate.id.desc())
        .limit(1)
    )
    if institution_id is None:
        institution_id = session.scalar(select(Institution.id).order_by(Institution.id).limit(1))
    return session.get(Institution, institution_id) if institution_id is not None else None


def number_prefix(session: Session) -> str:
    """'BROWN-' at an installation whose home is not a lender, so its loan, transfer and
    split numbers never collide with the lender's; '' at a lender's."""
    home = home_institution(session)
    if home is None or home.kind == InstitutionKind.LENDER:
        return ""
    return f"{home.code}-"


def split_code(session: Session, sample_owner_id: int) -> str | None:
    """The code a split's number carries when it is made at an installation other than the
    sample's registering one (None at the registering installation)."""
    home = home_institution(session)
    if home is None or home.id == sample_owner_id:
        return None
    return home.code
