"""Counted nouns, and moments in the reader's own time zone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

from lunar_custody.domain.wording import counted, moment_text, plural, zone_name


def test_counted_nouns_read_as_written() -> None:
    assert counted(1, "aliquot") == "1 aliquot"
    assert counted(2, "aliquot") == "2 aliquots"
    assert counted(0, "item") == "0 items"
    assert counted(12_500, "custody event") == "12,500 custody events"
    assert counted(3, "discrepancy") == "3 discrepancies"
    assert counted(2, "box") == "2 boxes"
    assert counted(2, "person") == "2 people"
    assert counted(2, "loan item", "loan items") == "2 loan items"
    assert plural("entry") == "entries"


def test_a_moment_is_shown_in_local_time_with_its_zone(time_zone: Callable[[str], None]) -> None:
    winter = datetime(2026, 12, 5, 8, 14, tzinfo=UTC)
    summer = datetime(2026, 7, 5, 8, 14, tzinfo=UTC)
    time_zone("Asia/Shanghai")
    assert moment_text(winter) == "2026-12-05 16:14 CST"
    time_zone("Europe/Paris")
    assert moment_text(winter) == "2026-12-05 09:14 CET"
    assert moment_text(summer) == "2026-07-05 10:14 CEST"
    # the day changes with the zone
    assert moment_text(datetime(2026, 12, 5, 23, 30, tzinfo=UTC)) == "2026-12-06 00:30 CET"
    # a stored time that lost its zone is UTC, as every stored time is
    assert moment_text(winter.replace(tzinfo=None)) == "2026-12-05 09:14 CET"
    time_zone("UTC")
    assert moment_text(winter) == "2026-12-05 08:14 UTC"


def test_a_zone_without_an_abbreviation_shows_its_offset(
    time_zone: Callable[[str], None],
) -> None:
    moment = datetime(2026, 12, 5, 8, 14, tzinfo=UTC)
    time_zone("Asia/Dubai")  # tz data names it "+04"
    assert moment_text(moment) == "2026-12-05 12:14 UTC+04:00"
    time_zone("America/Caracas")  # "-04"
    assert moment_text(moment) == "2026-12-05 04:14 UTC-04:00"
    # a long name (Windows: "W. Europe Standard Time") is no abbreviation either
    long_name = timezone(timedelta(hours=5, minutes=30), "India Standard Time")
    assert zone_name(moment.astimezone(long_name)) == "UTC+05:30"
    assert zone_name(moment.astimezone(timezone(timedelta(hours=-3, minutes=-30), "x y"))) == (
        "UTC-03:30"
    )
