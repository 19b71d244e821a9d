"""Edit ▸ Preferences…: the language (after a restart, the variable over it), the label
format the print dialogs offer first; and masses, dates and times the locale's way."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from lunar_custody.domain.listings import DATE, DATETIME, MASS
from lunar_custody.domain.masses import format_mass
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.locale_format import date_text, mass_text, moment_local_text
from lunar_custody.gui.pdf_preview import ask_label_layout
from lunar_custody.gui.settings import LABEL_LAYOUT_SETTING, PreferencesDialog, label_layout
from lunar_custody.gui.tablemodel import display
from lunar_custody.gui.translation import (
    LANGUAGE_ENV,
    LANGUAGE_SETTING,
    install_translations,
    remove_translations,
)
from tests.gui.conftest import open_window, when_modal
from tests.worlds import World


@pytest.fixture
def clean(qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No language variable, nothing stored, English and the C locale afterwards."""
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for key in (LANGUAGE_SETTING, LABEL_LAYOUT_SETTING):
        QSettings().remove(key)
    yield
    for key in (LANGUAGE_SETTING, LABEL_LAYOUT_SETTING):
        QSettings().remove(key)
    remove_translations(qapp)


def test_preferences_choose_the_language_for_the_next_start_and_the_label_format(
    qtbot: QtBot,
    world: World,
    ctx_for: Callable[[str], AppContext],
    clean: None,
    qapp: QApplication,
) -> None:
    window = open_window(qtbot, ctx_for("zhang"))

    def choose(dialog: PreferencesDialog) -> None:
        assert dialog.language.currentData() == ""  # the system's, by default
        names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
        assert names[1:] == ["English", "简体中文"] and names[0].startswith("System default")
        assert "next time Lunar Custody starts" in dialog.restart_note.text()
        assert dialog.restart_note.isVisible() and not dialog.override_note.isVisible()
        dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
        assert "2026/12/5" in dialog.example.text()  # the example follows the choice
        assert dialog.labels.currentData() == "roll"
        dialog.labels.setCurrentIndex(dialog.labels.findData("a4"))
        dialog.accept()

    seen = when_modal(PreferencesDialog, choose)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1
    assert QSettings().value(LANGUAGE_SETTING) == "zh_CN"
    assert label_layout() == "a4"
    # the open window keeps its language; the next start speaks Chinese
    assert window.menuBar().actions()[0].text() == "&File"
    assert install_translations(qapp) == "zh_CN"

    # the print dialogs offer the preferred format first, named in the language now loaded
    offered: list[str] = []

    def read(dialog: QInputDialog) -> None:
        offered.append(dialog.textValue())
        dialog.reject()

    when_modal(QInputDialog, read)
    assert ask_label_layout(window) is None
    assert offered == ["A4 纸，每张 4 × 10 个标签"]


def test_cancel_keeps_the_old_choices_and_the_variable_is_said_to_win(
    qtbot: QtBot, clean: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(LANGUAGE_ENV, "zh_CN")
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.override_note.isVisible()
    assert "LUNAR_CUSTODY_LANG" in dialog.override_note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.labels.setCurrentIndex(dialog.labels.findData("a4"))
    dialog.reject()
    assert QSettings().value(LANGUAGE_SETTING) is None
    assert label_layout() == "roll"


@pytest.fixture
def locale() -> Iterator[Callable[[str], None]]:
    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(QLocale.system())


MOMENT = datetime(2026, 12, 5, 8, 14, 30, tzinfo=UTC)


def test_masses_dates_and_times_the_locales_way_with_unit_and_zone(
    locale: Callable[[str], None], time_zone: Callable[[str], None]
) -> None:
    time_zone("Europe/Paris")
    locale("de_DE")
    assert display(MASS, 1_328_510_935_000) == "1.328.510,935 g"
    assert display(MASS, 125_000) == "125,000 mg"
    assert display(DATE, date(2026, 12, 5)) == "05.12.2026"  # the year whole
    assert display(DATETIME, MOMENT) == "05.12.2026 09:14 CET"
    locale("zh_CN")
    assert display(DATETIME, MOMENT) == "2026/12/5 09:14 CET"
    assert display(MASS, 1_328_510_935_000) == "1,328,510.935 g"
    locale("fr_FR")
    assert mass_text(-1_328_510_935_000) == "-1\u202f328\u202f510,935 g"
    locale("en_US")
    assert moment_local_text(MOMENT) == "12/5/2026 9:14\u202fAM CET"
    # the C locale (no locale chosen) and the command line: the fixed, documented format
    locale("C")
    assert mass_text(1_328_510_935_000) == format_mass(1_328_510_935_000) == "1,328,510.935 g"
    assert date_text(date(2026, 12, 5)) == "2026-12-05"
    assert moment_local_text(MOMENT) == "2026-12-05 09:14 CET"
