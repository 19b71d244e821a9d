"""Edit ▸ Preferences…: this workstation's choices, kept in QSettings (per user).

The language of the window (the system's by default; LUNAR_CUSTODY_LANG and --lang choose
it for one run, over this) applies the next time the program starts: every window is built
in one language. The label format is what the print dialogs offer first.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from .locale_format import mass_text, moment_local_text
from .translation import (
    LANGUAGE_ENV,
    LANGUAGE_SETTING,
    Translator,
    languages,
    translated,
    ui_locale,
)

_settings = Translator("_settings")

LABEL_LAYOUT_SETTING = "preferences/label_layout"
DEFAULT_LABEL_LAYOUT = "roll"
# The label formats as the print dialogs and Preferences name them.
LABEL_LAYOUTS = {
    _settings.noop("2 x 1 inch labels on a roll"): "roll",
    _settings.noop("A4 sheet of 4 x 10 labels"): "a4",
}
# Each language named in itself, never translated: a person finds their own.
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}
# What the example line of the dialog shows, in the locale of the language chosen.
EXAMPLE_MASS_UG = 1_250_500_250
EXAMPLE_MOMENT = datetime(2026, 12, 5, 8, 14, tzinfo=UTC)


def label_layout() -> str:
    """'roll' or 'a4': the labels format the print dialogs offer first."""
    from ..documents.labels import LAYOUTS  # reportlab: loaded when printing, not at start

    stored = QSettings().value(LABEL_LAYOUT_SETTING, DEFAULT_LABEL_LAYOUT)
    return stored if stored in LAYOUTS else DEFAULT_LABEL_LAYOUT


def stored_language() -> str:
    """The language chosen in Preferences: "" (the system's) or a language code."""
    stored = QSettings().value(LANGUAGE_SETTING, "")
    return stored if isinstance(stored, str) else ""


def language_choices() -> list[tuple[str, str]]:
    """(code, name) for the language list: the system's first, then English and each
    translation there is."""
    system = QLocale.system()
    native = system.nativeLanguageName() or QLocale.languageToString(system.language())
    if system.language() == QLocale.Language.C:  # no locale set: the source language
        native = LANGUAGE_NAMES["en"]
    choices = [("", _settings.tr("System default ({language})").format(language=native))]
    for code in ["en", *languages()]:
        choices.append((code, LANGUAGE_NAMES.get(code, QLocale(code).nativeLanguageName())))
    return choices


class PreferencesDialog(QDialog):
    """The language (after a restart) and the default label format; OK keeps them."""

    def __init__(self, parent: QWidget | None = None) -> None:

        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(_settings.tr("Preferences"))
        self.setMinimumWidth(480)
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        for code, name in language_choices():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(stored_language())))
        self.restart_note = QLabel(
            _settings.tr("A new language applies the next time Lunar Custody starts.")
        )
        self.restart_note.setObjectName("restartNote")
        self.restart_note.setWordWrap(True)
        override = os.environ.get(LANGUAGE_ENV, "").strip()
        self.override_note = QLabel(
            _settings.tr(
                "This run is in the language {language}, set by {variable} (or --lang), "
                "which wins over this choice."
            ).format(language=override, variable=LANGUAGE_ENV)
        )
        self.override_note.setObjectName("overrideNote")
        self.override_note.setWordWrap(True)
        self.override_note.setVisible(bool(override))
        self.example = QLabel()
        self.example.setObjectName("localeExample")
        self.labels = QComboBox()
        self.labels.setObjectName("labelLayoutChoice")
        for name, code in LABEL_LAYOUTS.items():
            self.labels.addItem(translated(name), code)
        self.labels.setCurrentIndex(max(0, self.labels.findData(label_layout())))
        form = QFormLayout()
        form.addRow(_settings.tr("&Language:"), self.language)
        form.addRow("", self.restart_note)
        form.addRow("", self.override_note)
        form.addRow(_settings.tr("Numbers and dates:"), self.example)
        form.addRow(_settings.tr("Label &format:"), self.labels)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.language.currentIndexChanged.connect(self._show_example)
        self._show_example()

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def _show_example(self) -> None:
        locale = ui_locale(self.chosen_language())
        self.example.setText(
            f"{mass_text(EXAMPLE_MASS_UG, locale)} · {moment_local_text(EXAMPLE_MOMENT, locale)}"
        )
        changed = self.chosen_language() != stored_language()
        self.restart_note.setStyleSheet("font-weight: bold;" if changed else "")

    def accept(self) -> None:
        settings = QSettings()
        settings.setValue(LANGUAGE_SETTING, self.chosen_language())
        settings.setValue(LABEL_LAYOUT_SETTING, str(self.labels.currentData()))
        super().accept()
