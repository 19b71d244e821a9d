"""Masses are integer micrograms everywhere; these turn them into text and back, exactly."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from .errors import ValidationError
from .wording import Words

_domain_masses = Words("_domain_masses")

UG_PER_UNIT = {"ug": 1, "µg": 1, "mg": 1_000, "g": 1_000_000}

# 100 kg: larger than any returned lunar sample (Apollo 15's 15555 is 9.6 kg).
# thousands grouped by commas, as format_mass writes grams: '1,234.5'
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
MAX_MASS_UG = 100_000_000_000


def parse_mass(
    text: str,
    default_unit: str = "mg",
    *,
    round_to_ug: bool = False,
    what: str | None = None,
    allow_zero: bool = False,
) -> int:
    """Parse '12.5 mg', '0.25g', '1500 ug' or a bare number in ``default_unit``, checked
    as ``check_mass`` checks the mass ``what`` (default: "mass").

    More digits than a microgram is refused unless ``round_to_ug`` (used for source data
    whose grams carry binary floating-point noise, e.g. 4.3839999999999995 g).
    """
    raw = text.strip()
    unit = default_unit
    lowered = raw.lower()
    for suffix in sorted(UG_PER_UNIT, key=len, reverse=True):
        if lowered.endswith(suffix):
            unit = suffix
            raw = raw[: len(raw) - len(suffix)].strip()
            break
    if _GROUPED.fullmatch(raw):
        raw = raw.replace(",", "")  # '328,510.935' as format_mass writes it
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValidationError(
            _domain_masses.said("'{text}' is not a mass (examples: 12.5 mg, 0.25 g).", text=text)
        ) from None
    if not value.is_finite():
        raise ValidationError(_domain_masses.said("'{text}' is not a mass.", text=text))
    micrograms = value * UG_PER_UNIT[unit]
    if micrograms.adjusted() > len(str(MAX_MASS_UG)):  # 1e400 g: too many digits to round
        raise ValidationError(_domain_masses.said("'{text}' is not a plausible mass.", text=text))
    whole = micrograms.quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
    if whole != micrograms and not round_to_ug:
        raise ValidationError(
            _domain_masses.said("'{text}' is more precise than one microgram.", text=text)
        )
    return check_mass(int(whole), what=what or MASS, allow_zero=allow_zero)


# What a mass is called when the caller names it no better (a said phrase is translated in
# the sentence it goes into, like the callers' own "measured mass of ...").
MASS = _domain_masses.said("mass")


def check_mass(mass_ug: int, *, what: str = MASS, allow_zero: bool = False) -> int:
    """Refuse negative, zero (unless allowed) and absurd masses."""
    if not isinstance(mass_ug, int) or isinstance(mass_ug, bool):
        raise ValidationError(
            _domain_masses.said("The {what} must be a whole number of micrograms.", what=what)
        )
    if mass_ug < 0 or (mass_ug == 0 and not allow_zero):
        raise ValidationError(
            _domain_masses.said(
                "The {what} must be more than zero (got {mass}).",
                what=what,
                mass=format_mass(mass_ug),
            )
        )
    if mass_ug > MAX_MASS_UG:
        raise ValidationError(
            _domain_masses.said(
                "The {what} of {mass} is not plausible.", what=what, mass=format_mass(mass_ug)
            )
        )
    return mass_ug


def format_mass(mass_ug: int | None) -> str:
    """'125.000 mg', '1.250 g', '328,510.935 g', '1.250001 g', '35 µg': exact, in the unit a
    curator reads (grams grouped by thousands, with the digits a microgram needs and at
    least three)."""
    if mass_ug is None:
        return "—"
    sign = "-" if mass_ug < 0 else ""
    m = abs(mass_ug)
    if m >= 1_000_000:
        grams, micrograms = divmod(m, 1_000_000)
        fraction = f"{micrograms:06d}".rstrip("0").ljust(3, "0")
        return f"{sign}{grams:,}.{fraction} g"
    if m >= 1_000:
        return f"{sign}{m // 1_000}.{m % 1_000:03d} mg"
    return f"{sign}{m} µg"
