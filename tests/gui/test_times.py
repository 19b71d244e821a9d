"""Every moment a window shows is the domain's wording: local time with its zone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from lunar_custody.domain.listings import DATE, DATETIME
from lunar_custody.gui.exchange.importing import shown_time
from lunar_custody.gui.tablemodel import display, local_time


def test_tables_and_dialogs_show_local_time_with_the_zone(
    time_zone: Callable[[str], None],
) -> None:
    moment = datetime(2026, 12, 5, 8, 14, 30, tzinfo=UTC)
    time_zone("Asia/Shanghai")
    assert local_time(moment) == "2026-12-05 16:14 CST"
    assert display(DATETIME, moment) == "2026-12-05 16:14 CST"
    # an exchange file's UTC stamp, as the import dialog shows it
    assert shown_time("2026-12-05T08:14:30.000000Z") == "2026-12-05 16:14 CST"
    assert shown_time("not a time") == "not a time"
    time_zone("Europe/Paris")
    assert display(DATETIME, moment) == "2026-12-05 09:14 CET"
    assert shown_time("2026-07-05T08:14:30.000000Z") == "2026-07-05 10:14 CEST"
    # a due date stays a date
    assert display(DATE, date(2027, 1, 31)) == "2027-01-31"
