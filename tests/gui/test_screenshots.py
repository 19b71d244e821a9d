"""Every main view on the demo database, at a small laptop's, the default, a desktop
monitor's size and a scaled one (test_lists.py checks the lists in them).

The PNGs (``tests.conftest.screenshot_path``) are for people to look at; the test checks
that each view has the demo's records on screen, not an empty table.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from lunar_custody.domain.models import Aliquot, CustodyEvent, Loan, Transfer
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.main_window import VIEW_CLASSES
from lunar_custody.storage import Database
from tests.conftest import screenshot_path
from tests.gui.conftest import open_window
from tests.worlds import actor

# The smallest supported, the default, a desktop monitor; and 1920x1080 at 150 % scaling,
# 1280x720 logical pixels (run with QT_SCALE_FACTOR=1.5 to see its 1920x1080 pixels).
SIZES = [(1024, 700), (1280, 800), (1920, 1080), (1280, 720)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_view_on_the_demo_database(
    qtbot: QtBot, demo_db: Database, size: tuple[int, int]
) -> None:
    with demo_db.read() as session:
        in_transit = session.scalar(
            select(Transfer.number).where(Transfer.status == "in_transit").limit(1)
        )
        overdue_loan = session.scalar(select(Loan.number).where(Loan.status == "active").limit(1))
        travelled = session.scalar(  # the aliquot with the longest chain of custody
            select(Aliquot.number)
            .join(CustodyEvent, CustodyEvent.aliquot_id == Aliquot.id)
            .group_by(Aliquot.number)
            .order_by(func.count().desc(), Aliquot.number)
            .limit(1)
        )
    assert in_transit and overdue_loan and travelled
    window = open_window(qtbot, AppContext(demo_db, actor(demo_db, "zhang")))
    window.resize(*size)
    records = {"samples": ("aliquot", travelled), "loans": ("loan", overdue_loan),
               "transfers": ("transfer", in_transit)}  # fmt: skip
    for key, _, _ in VIEW_CLASSES:
        window.show_view(key)
        if key in records:
            window.open_record(*records[key])
        QApplication.processEvents()
        image = window.grab().toImage()
        ratio = window.devicePixelRatioF()
        assert (image.width(), image.height()) == (round(size[0] * ratio), round(size[1] * ratio))
        assert image.save(str(screenshot_path(f"demo_{key}_{size[0]}x{size[1]}.png")))
