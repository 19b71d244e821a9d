"""The window's translations: every marked string is in the zh_CN .ts and translated, the
marking convention is one lupdate reads as the program does, and the window speaks Chinese
under LUNAR_CUSTODY_LANG=zh_CN (resources/translations/README.md)."""

from __future__ import annotations

import os
import re
import shutil
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)
from pytestqt.qtbot import QtBot

from lunar_custody.gui import translation
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.settings import PreferencesDialog
from lunar_custody.gui.translation import (
    LANGUAGE_ENV,
    LANGUAGE_SETTING,
    install_translations,
    remove_translations,
    translated,
)
from tests.gui.conftest import open_window
from tests.worlds import World

FIX = "python -m lunar_custody.gui.translation update"


@pytest.fixture
def language(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[Callable[[str], str]]:
    """``language("zh_CN")`` loads that language as LUNAR_CUSTODY_LANG would at start (the
    .qm built into this test's cache folder); English again afterwards."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    def load(code: str) -> str:
        monkeypatch.setenv(LANGUAGE_ENV, code)
        return install_translations(qapp)

    yield load
    remove_translations(qapp)


def test_every_marked_string_is_in_the_zh_cn_ts_and_translated() -> None:
    """lupdate on the code as it is, into a copy of each committed .ts: nothing new, nothing
    vanished, nothing unfinished, and no marking lupdate reads otherwise than the program."""
    assert "zh_CN" in translation.languages()
    assert {p.stem for p in (translation.translations_dir() / "zh_CN").glob("*.ts")} == set(
        translation.areas()
    ), f"one .ts per area: {FIX}"
    problems = translation.check("zh_CN")
    assert problems == [], "\n".join(problems)


def test_the_convention_round_trip_with_plurals(tmp_path: Path, qapp: QApplication) -> None:
    """The pattern of the README, through lupdate, a translation, lrelease and QTranslator:
    a string, one with a disambiguation, a plural with a computed count, a constant marked
    at import and translated where shown (from another context than its own)."""
    module = tmp_path / "example.py"
    module.write_text(
        "from lunar_custody.gui.translation import Translator, translated\n"
        '_example = Translator("_example")\n'
        'TITLE = _example.noop("Samples")\n'
        "class View:\n"
        "    def words(self, items: list[int]) -> list[str]:\n"
        "        return [\n"
        '            _example.tr("&File"),\n'
        '            _example.tr("Open", "verb"),\n'
        '            _example.tr("%n aliquot(s) selected", "", len(items)),\n'
        "            translated(TITLE),\n"
        "        ]\n"
    )
    found, problems = translation.marked_strings(module, "_example")
    assert problems == []
    ts = tmp_path / "example.ts"
    translation.lupdate_files([module], ts, "zh_CN")
    extracted = {e.message for e in translation.read_ts(ts)}
    assert {m.message for m in found} == extracted
    assert any(m.numerus and m.source.startswith("%n") for m in extracted)
    fill(ts, {"&File": "文件(&F)", "Open": "打开", "Samples": "样品", "%n": "已选 %n 个分样"})
    assert all(e.finished for e in translation.read_ts(ts))
    qm = tmp_path / "example.qm"
    translation.release_files([ts], qm)
    from PySide6.QtCore import QTranslator

    loaded = QTranslator()
    assert loaded.load(str(qm))
    qapp.installTranslator(loaded)
    try:
        namespace: dict[str, object] = {}
        exec(compile(module.read_text(), str(module), "exec"), namespace)
        view = namespace["View"]()  # type: ignore[operator]
        assert view.words([1, 2, 3]) == ["文件(&F)", "打开", "已选 3 个分样", "样品"]
    finally:
        qapp.removeTranslator(loaded)
    assert translated(namespace["TITLE"]) == "Samples"  # type: ignore[arg-type]


def fill(ts: Path, chinese: dict[str, str]) -> None:
    """Translate a .ts as a translator would: each source starting with a key."""
    tree = ElementTree.parse(ts)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        target = next(zh for en, zh in chinese.items() if source.startswith(en))
        element = message.find("translation")
        assert element is not None
        element.attrib.pop("type", None)
        forms = list(element.iter("numerusform"))
        for form in forms:
            form.text = target
        if not forms:
            element.text = target
    tree.write(ts, encoding="utf-8", xml_declaration=True)


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ('self.tr("Samples")', "mark it _example.tr"),
        ('_example.tr(f"Loan {number}")', "no f-string"),
        ('_example.tr("%n aliquot(s)")', "'%n' needs the count"),
        ('_example.tr("%n aliquot(s)", "", n=count)', "positionally"),
        ('QCoreApplication.translate("Ctx", "Samples")', "mark it _example.tr"),
        ('_other.tr("Samples")', "mark it _example.tr"),
        ('_other = Translator("_other")', 'must be _example = Translator("_example")'),
        ('title = _example.tr("Samples")', "tr() at import stays English"),
    ],
)
def test_markings_lupdate_would_misread_are_refused(tmp_path: Path, line: str, says: str) -> None:
    module = tmp_path / "example.py"
    # in a method (run once the language is loaded), or a class attribute (run at import)
    where = "class View:" if line.startswith("title") else "def f(self, number, count):"
    module.write_text(f"{where}\n    {line}\n")
    _, problems = translation.marked_strings(module, "_example")
    assert len(problems) == 1 and says in problems[0], problems


def test_a_string_the_ts_lacks_is_named_with_the_fix(tmp_path: Path) -> None:
    committed = tmp_path / "main.ts"
    committed.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="zh_CN" sourcelanguage="en">\n'
        "<context><name>_x</name>"
        "<message><source>Gone</source><translation>没了</translation></message>"
        '<message><source>Kept</source><translation type="unfinished"></translation></message>'
        "</context></TS>\n"
    )
    fresh = tmp_path / "fresh.ts"
    fresh.write_text(
        committed.read_text()
        .replace("<source>Gone</source>", "<source>New</source>")
        .replace("没了", "")
    )
    problems = translation._compare(committed, fresh, f"{FIX} main")
    assert any("new string [_x] 'New'" in p and f"{FIX} main" in p for p in problems)
    assert any("'Gone' is no longer in the code" in p for p in problems)
    assert any("'Kept' is not translated" in p for p in problems)


# Glossary terms whose translation is never in doubt (glossary-zh_CN.md): a source with the
# English word has the Chinese one. Words that must never appear in a translation.
GLOSSARY_ALWAYS = {"aliquot": "分样", "custody": "保管", "ledger": "台账", "courier": "押运"}
GLOSSARY_NEVER = {"重量": "mass is 质量, never 重量 (weight)"}


def test_translations_follow_the_glossary() -> None:
    glossary = (translation.translations_dir() / "glossary-zh_CN.md").read_text()
    for english, chinese in GLOSSARY_ALWAYS.items():
        assert f"| {chinese}" in glossary or chinese in glossary, english
    problems = []
    for ts in sorted((translation.translations_dir() / "zh_CN").glob("*.ts")):
        tree = ElementTree.parse(ts)
        for message in tree.getroot().iter("message"):
            # the program's name stays as it is; a {placeholder} is a value, not a word
            source = (message.findtext("source") or "").lower().replace("lunar custody", "")
            source = re.sub(r"\{\w*\}", "", source)
            element = message.find("translation")
            texts = [] if element is None else [t for t in element.itertext() if t.strip()]
            target = " ".join(texts)
            if not target:
                continue  # unfinished: the other test says so
            for english, chinese in GLOSSARY_ALWAYS.items():
                if re.search(rf"\b{english}", source) and chinese not in target:
                    problems.append(f"{ts.name}: {source!r} -> {target!r} lacks {chinese}")
            for word, why in GLOSSARY_NEVER.items():
                if word in target:
                    problems.append(f"{ts.name}: {target!r}: {why}")
    assert problems == [], "\n".join(problems)


def english_left(window: QWidget) -> list[str]:
    """Words of the window's own (menus, buttons, labels, column headings, placeholders)
    still in English: two Latin words in a row. Data (names, numbers in cells) is not
    looked at; a caller drops what is data in a label."""
    texts: list[str] = [window.windowTitle()]
    for action in window.findChildren(QAction):
        texts.append(action.text())
    for menu in window.findChildren(QMenu):
        texts.append(menu.title())
    for widget in window.findChildren(QAbstractButton):
        texts.append(widget.text())
    for label in window.findChildren(QLabel):
        texts.append(label.text())
    for field in window.findChildren(QLineEdit):
        texts.append(field.placeholderText())
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None:
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount())
            ]
    texts = [t.replace("Lunar Custody", "") for t in texts]  # the program's name stays
    return sorted({t for t in texts if re.search(r"[A-Za-z]{2,}\W+[A-Za-z]{2,}", t)})


def test_the_window_speaks_chinese_under_lunar_custody_lang(
    qtbot: QtBot,
    world: World,
    ctx_for: Callable[[str], AppContext],
    language: Callable[[str], str],
    tmp_path: Path,
) -> None:
    assert language("zh_CN") == "zh_CN"
    # built on first use into the user's cache folder, from the .ts, with PySide6's lrelease
    assert (
        tmp_path / "cache" / "lunar-custody" / "translations" / "lunar_custody_zh_CN.qm"
    ).is_file()
    assert QLocale().name() == "zh_CN"
    window = open_window(qtbot, ctx_for("zhang"))
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "视图(&V)", "操作(&A)", "帮助(&H)"]
    # a window of the main area translated whole: every word of its own is Chinese
    preferences = PreferencesDialog(window)
    qtbot.addWidget(preferences)
    assert preferences.windowTitle() == "首选项"
    assert english_left(preferences) == []
    # Qt's own words too: the standard buttons of every dialog
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_english_unless_asked_and_the_variable_over_preferences(
    language: Callable[[str], str],
) -> None:
    assert language("en") == "en"
    assert QCoreApplication.translate("_main_window", "&File") == "&File"
    os.environ.pop(LANGUAGE_ENV)
    QSettings().setValue(LANGUAGE_SETTING, "zh_CN")
    try:
        assert translation.chosen_language() == "zh_CN"
        os.environ[LANGUAGE_ENV] = "en"
        assert translation.chosen_language() == "en"
    finally:
        QSettings().remove(LANGUAGE_SETTING)


def test_a_language_without_translation_keeps_english_and_its_locale(
    language: Callable[[str], str],
) -> None:
    assert language("de_DE") == "en"
    assert QLocale().name() == "de_DE"  # numbers and dates as a German reader expects
    assert language("zh_TW") == "en"  # Simplified Chinese is not served to Traditional


def test_todo_and_fill_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An area's unfinished strings out as TSV and their translations back, in lupdate's
    own layout: a second update changes nothing."""
    folder = tmp_path / "translations"
    shutil.copytree(translation.translations_dir(), folder)
    monkeypatch.setattr(translation, "translations_dir", lambda: folder)
    ts = folder / "zh_CN" / "main.ts"
    ts.write_text(
        ts.read_text().replace(
            "<translation>文件(&amp;F)</translation>",
            '<translation type="unfinished"></translation>',
        )
    )
    assert translation.todo("main", "zh_CN") == ["_main_window\t&File\t\t"]
    assert translation.fill("main", "zh_CN", ["_main_window\t&File\t\t文件(&F)\n"]) == 1
    assert translation.todo("main", "zh_CN") == []
    filled = ts.read_text()
    assert "<translation>文件(&amp;F)</translation>" in filled
    translation.update(["main"], "zh_CN")
    assert ts.read_text() == filled
    with pytest.raises(ValueError, match="no string"):
        translation.fill("main", "zh_CN", ["_main_window\tNot in the code\t\t不在\n"])


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "zh_CN", "--db", "{db}"],
        ["gui", "--lang", "zh_CN", "--db", "{db}"],
        ["--lang", "zh_CN", "courier", "--db", "{db}"],
    ],
)
def test_lang_option_chooses_the_language_of_the_run(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lunar_custody.cli import main
    from lunar_custody.gui import app, courier

    monkeypatch.delenv(LANGUAGE_ENV, raising=False)  # and put back as it was afterwards
    asked: list[str | None] = []

    def run(url: str) -> int:
        asked.append(os.environ.get(LANGUAGE_ENV))
        return 0

    monkeypatch.setattr(app, "run_workstation", run)
    monkeypatch.setattr(courier, "run_courier", run)
    db = tmp_path / "demo.db"
    assert main([part.format(db=db) for part in argv]) == 0
    assert asked == ["zh_CN"]


def test_every_label_of_the_domains_tables_is_in_the_vocabulary() -> None:
    """The domain (no Qt) names statuses, event kinds, roles... in English; each label is
    marked in gui/vocabulary with its group, so that a new one cannot go untranslated."""
    from lunar_custody.domain.custody import RESOLUTIONS
    from lunar_custody.domain.documents import KIND_LABELS
    from lunar_custody.domain.identity import SIGNATURE_MEANINGS
    from lunar_custody.domain.ledger import EVENT_KINDS, STATUS_LABELS
    from lunar_custody.domain.permissions import ROLE_LABELS
    from lunar_custody.domain.states import (
        InstitutionKind,
        LoanStatus,
        TransferKind,
        TransferStatus,
    )
    from lunar_custody.gui import vocabulary

    def names(kinds: Iterable[str]) -> list[str]:
        return [kind.replace("_", " ") for kind in kinds]

    expected = {
        "status": [
            *STATUS_LABELS.values(),
            *RESOLUTIONS.values(),
            *names(LoanStatus),
            *names(TransferStatus),
        ],
        "event": list(EVENT_KINDS.values()),
        "role": list(ROLE_LABELS.values()),
        "signature": list(SIGNATURE_MEANINGS.values()),
        "document": list(KIND_LABELS.values()),
        "kind": names(TransferKind) + names(InstitutionKind),
    }
    marked = {(w.disambiguation, str(w)) for w in vocabulary.WORDS}
    missing = [(g, label) for g, labels in expected.items() for label in labels]
    missing = [pair for pair in missing if pair not in marked]
    assert missing == [], f"mark them in lunar_custody/gui/vocabulary, then `{FIX} vocabulary`"


def test_tables_show_the_domains_words_in_chinese(language: Callable[[str], str]) -> None:
    from lunar_custody.domain.listings import BOOL, EVENT, STATUS
    from lunar_custody.gui.tablemodel import display, status_label

    language("zh_CN")
    assert display(STATUS, "in_storage") == "在库"
    assert display(STATUS, "received") == "已接收"  # a package
    assert display(EVENT, "received") == "接收"  # an event: the same English, another word
    assert status_label("registered") == "登记"
    assert display(BOOL, True) == "是"
    language("en")
    assert display(STATUS, "in_storage") == "in storage"
