"""The two numbering schemes, validated on input, and how child numbers are made.

Chang'e: sample ``CE5C0400`` (mission CE5/CE6, C scooped or Z drilled, four digits);
aliquot ``CE5C0400YJFM00505`` (sample, four letters of use and form, five digits); a split
of an aliquot appends ``-G<n>`` with the parent's next free n (``...00505-G1``, ``...-G1-G2``).

NASA: sample ``70017`` (the generic); aliquot ``70017,125`` (generic, split). A split of any
aliquot takes the sample's next free split number and records its parent.

A split made at an installation other than the sample's registering one carries that
installation's code, so two installations never make the same number: ``...00505-BROWN-G1``
and ``70017,BROWN-3`` (DESIGN.md "Between installations").
"""

from __future__ import annotations

import re

from .errors import ValidationError
from .wording import Words

_domain_numbering = Words("_domain_numbering")

CHANGE = "change"
NASA = "nasa"

_CHANGE_SAMPLE = re.compile(r"CE[5-9][CZ]\d{4}")
_CODE = r"[A-Z][A-Z0-9_]{0,31}"
_CHANGE_ALIQUOT = re.compile(
    rf"(?P<sample>CE[5-9][CZ]\d{{4}})[A-Z]{{4}}\d{{5}}(?:-(?:{_CODE}-)?G[1-9]\d*)*"
)
_NASA_SAMPLE = re.compile(r"\d{5}")
_NASA_ALIQUOT = re.compile(rf"(?P<sample>\d{{5}}),(?:{_CODE}-)?(?P<split>0|[1-9]\d{{0,5}})")


def normalize(number: str) -> str:
    """Numbers are read case-insensitively and without surrounding blanks (scanners add them)."""
    return number.strip().upper()


def sample_scheme(number: str) -> str:
    """The scheme of a valid sample number, or a ValidationError saying what is expected."""
    if _CHANGE_SAMPLE.fullmatch(number):
        return CHANGE
    if _NASA_SAMPLE.fullmatch(number):
        return NASA
    raise ValidationError(
        _domain_numbering.said(
            "'{number}' is not a sample number: expected Chang'e style such as CE5C0400 "
            "or a NASA generic such as 70017.",
            number=number,
        )
    )


def aliquot_sample_number(number: str) -> str:
    """The sample an aliquot number belongs to; refuses a number of neither scheme."""
    match = _CHANGE_ALIQUOT.fullmatch(number) or _NASA_ALIQUOT.fullmatch(number)
    if not match:
        raise ValidationError(
            _domain_numbering.said(
                "'{number}' is not an aliquot number: expected Chang'e style such as "
                "CE5C0400YJFM00505 (a split adds -G1) or NASA style such as 70017,125.",
                number=number,
            )
        )
    return match.group("sample")


def child_number(
    scheme: str, parent_number: str, *, next_child: int, next_split: int, code: str | None = None
) -> str:
    """The number of the next child of ``parent_number`` under its scheme; ``code`` is the
    installation's when it is not the sample's registering one."""
    made_at = f"{code}-" if code else ""
    if scheme == CHANGE:
        return f"{parent_number}-{made_at}G{next_child}"
    generic = parent_number.split(",", 1)[0]
    return f"{generic},{made_at}{next_split}"


def nasa_split(number: str) -> int:
    """The split number of a NASA aliquot number."""
    return int(number.split(",", 1)[1].rsplit("-", 1)[-1])
