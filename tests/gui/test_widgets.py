"""The shared widgets: signature pad and dialog, scan field, searchable lazy list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lunar_custody.domain.errors import ValidationError
from lunar_custody.domain.listings import ALIQUOTS, EVENTS
from lunar_custody.gui import tablemodel
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.signature import SignaturePad, ask_signature
from lunar_custody.gui.widgets import MAX_PHOTO_BYTES, ListPane, ScanField, read_photo
from tests.gui.conftest import Signer, draw_on
from tests.worlds import A1, A2, World


def test_signature_pad_draws_undoes_and_exports_png(qtbot: QtBot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 160)
    pad.show()
    assert pad.is_empty() and pad.to_png() is None
    draw_on(qtbot, pad)
    draw_on(qtbot, pad)
    assert len(pad.strokes) == 2
    pad.undo()
    assert len(pad.strokes) == 1
    png = pad.to_png()
    assert png is not None and png.startswith(b"\x89PNG")
    image = QImage.fromData(png)
    assert 100 < image.width() < 400 and image.height() > 20
    pad.clear()
    assert pad.is_empty()


def test_signature_dialog_returns_the_credential(qtbot: QtBot, signer: Signer) -> None:
    signer.next("moon-dust-2025")
    credential = ask_signature(
        None, meaning="approved", summary="Loan L2026-0001", username="zhang"
    )
    assert credential is not None
    assert (credential.username, credential.secret) == ("zhang", "moon-dust-2025")
    assert credential.drawing_png is not None and credential.drawing_png.startswith(b"\x89PNG")
    assert signer.seen == [("approved", "Loan L2026-0001")]
    signer.cancel_next()
    assert ask_signature(None, meaning="received", summary="x", username="zhang") is None
    assert QApplication.activeModalWidget() is None


def test_scan_field_emits_each_code(qtbot: QtBot) -> None:
    field = ScanField()
    qtbot.addWidget(field)
    codes: list[str] = []
    field.scanned.connect(codes.append)
    qtbot.keyClicks(field, " CE5C0400YJFM00501 ")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(field, "70017,125")
    qtbot.keyClick(field, Qt.Key.Key_Enter)
    qtbot.keyClick(field, Qt.Key.Key_Return)  # nothing typed: nothing emitted
    assert codes == ["CE5C0400YJFM00501", "70017,125"]
    assert field.text() == ""


def test_list_pane_pages_sorts_and_searches(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext], monkeypatch
) -> None:
    world.rich_scenario()
    monkeypatch.setattr(tablemodel, "PAGE_SIZE", 5)
    pane = ListPane(ctx_for("zhang").db, EVENTS, search_hint="search", hidden=(), noun="events")
    qtbot.addWidget(pane)
    pane.show()
    model = pane.model
    total = model.total()
    assert total > 20 and model.rowCount() == 5
    assert pane.count_label.text() == f"{total:,} events"
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == total
    ids = [model.value(r, "id") for r in range(total)]
    assert ids == sorted(ids, reverse=True)
    pane.table.sortByColumn(model.column_of("id"), Qt.SortOrder.AscendingOrder)
    assert model.value(0, "id") == 1
    pane.search_field.setText(A2)
    pane.search_field.flush()
    assert {model.value(r, "aliquot") for r in range(model.rowCount())} == {A2}
    aliquots = ListPane(ctx_for("zhang").db, ALIQUOTS, search_hint="search", noun="aliquots")
    qtbot.addWidget(aliquots)
    assert aliquots.select_value("number", A1)
    assert aliquots.current_value("number") == A1


def test_a_photo_is_read_or_refused_in_plain_words(tmp_path: Path) -> None:
    photo = tmp_path / "seal.jpg"
    photo.write_bytes(b"\xff\xd8 a jpeg")
    assert read_photo(str(photo)) == b"\xff\xd8 a jpeg"
    with pytest.raises(ValidationError, match=r"^Cannot read gone.jpg: No such file"):
        read_photo(str(tmp_path / "gone.jpg"))
    huge = tmp_path / "huge.png"
    with huge.open("wb") as out:
        out.truncate(MAX_PHOTO_BYTES + 3 * 1024 * 1024)
    with pytest.raises(ValidationError, match=r"^The photo is 13 MB; attach one of at most 10 MB"):
        read_photo(str(huge))
