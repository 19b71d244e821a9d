"""Masses, dates and times as the window's locale writes them (QLocale): the GUI's one place.

The domain decides *what* is shown (the unit and the digits of a mass: ``format_mass``; the
local time and its zone: ``moment_text``); this module only writes it with the locale's
digit grouping, decimal point and date order: 1.250,500 g and 05.12.2026 09:14 CET for a
German reader, 2026/12/5 16:14 CST for a Chinese one. The time zone is always shown.
The command line, CSV and JSON keep the domain's one fixed format (README, "Languages"),
and so does the window under the C locale (no locale chosen: the tests' too).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QLocale, QTime

from ..domain.masses import format_mass
from ..domain.wording import moment_text, zone_name


def _is_plain(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.C


def number_text(figures: str, locale: QLocale | None = None) -> str:
    """Figures written the program's way (1,234.5 and -7) with the locale's separators."""
    locale = locale or QLocale()
    if _is_plain(locale):
        return figures
    zero = ord(locale.zeroDigit()[:1] or "0")
    table = {ord(str(d)): chr(zero + d) for d in range(10)} if zero != ord("0") else {}
    table |= {
        ord(","): locale.groupSeparator(),
        ord("."): locale.decimalPoint(),
        ord("-"): locale.negativeSign(),
    }
    return figures.translate(table)


def mass_text(micrograms: int | None, locale: QLocale | None = None) -> str:
    """A mass in the domain's unit and digits, always ending in its unit: 1.250 g."""
    text = format_mass(micrograms)
    figures, space, unit = text.partition(" ")
    return f"{number_text(figures, locale)}{space}{unit}" if space else text


def count_text(count: int, locale: QLocale | None = None) -> str:
    """A count with the locale's grouping: 12,500."""
    return number_text(f"{count:,}", locale)


def _date_pattern(locale: QLocale) -> str:
    """The locale's short date, with the year whole (5.12.26 could be 1926)."""
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def date_text(day: date, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    if _is_plain(locale):
        return day.isoformat()
    return locale.toString(QDate(day.year, day.month, day.day), _date_pattern(locale))


def moment_local_text(moment: datetime, locale: QLocale | None = None) -> str:
    """A stored (UTC) moment in this computer's local time, the locale's way, with the zone."""
    locale = locale or QLocale()
    if _is_plain(locale):
        return moment_text(moment)
    local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone()
    time = locale.toString(
        QTime(local.hour, local.minute), locale.timeFormat(QLocale.FormatType.ShortFormat)
    )
    return f"{date_text(local.date(), locale)} {time} {zone_name(local)}"
