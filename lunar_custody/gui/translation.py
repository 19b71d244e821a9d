"""The window's languages: Qt's own translation system (.ts sources, one .qm per language).

How a string is marked (resources/translations/README.md says it at length): each module of
lunar_custody/gui that shows words makes one ``Translator`` whose variable name *is* its
context, and wraps every string in it::

    _samples_view = Translator("_samples_view")
    _samples_view.tr("Register sample…")
    _samples_view.tr("%n aliquot(s) selected", "", count)   # a plural: the count third
    TITLE = _samples_view.noop("Samples")      # marked now; translated(TITLE) where shown

pyside6-lupdate's Python parser takes the context of ``name.tr(...)`` from the name before
``.tr``; the Translator takes it from its argument; ``check`` proves the two agree. This
one pattern works in QObjects and plain classes alike (``self.tr`` would look in the
runtime class, lupdate in the enclosing one), and plurals with any count expression
(lupdate reads a bare identifier as the count of ``translate()`` only as an old encoding
argument, and drops a call whose count is ``len(x)``).

The .ts sources are resources/translations/<language>/<area>.ts, one per subpackage of
lunar_custody/gui and ``main`` for the modules directly in it, so that translators of
different areas never edit the same file. The .qm (all areas of a language in one
``lunar_custody_<language>.qm``) is generated, never committed: build_spec.py builds it into
the bundle; a source or pip installation builds it on first use into the user cache folder
with the lrelease PySide6 ships. Commands::

    python -m lunar_custody.gui.translation update [AREA...]   # lupdate: new strings into .ts
    python -m lunar_custody.gui.translation check              # what the .ts lacks (tests)
    python -m lunar_custody.gui.translation build [--out DIR]  # lrelease: the .qm files
    python -m lunar_custody.gui.translation todo AREA > todo.tsv   # unfinished, as TSV
    python -m lunar_custody.gui.translation fill AREA < done.tsv   # translations into .ts
"""

from __future__ import annotations

import argparse
import ast
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import PySide6
from platformdirs import user_cache_dir
from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from ..domain.wording import Listed, Named, Said, Words
from ..resources_path import resource

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
LANGUAGE_ENV = "LUNAR_CUSTODY_LANG"
LANGUAGE_SETTING = "preferences/language"  # "" (the system's), "en" or a translation's code
QM_PREFIX = "lunar_custody_"
MAIN_AREA = "main"
GUI_PACKAGE = Path(__file__).resolve().parent
# The sentences made below the window (domain.wording.Words.said) by the domain and the
# packages over it that the window calls: one more area, translated where shown.
DOMAIN_AREA = "domain"
DOMAIN_PACKAGE = GUI_PACKAGE.parent / "domain"
BELOW_WINDOW_PACKAGES = [GUI_PACKAGE.parent / name for name in ("domain", "exchange", "storage")]
# What lupdate reads besides tr(): noop() marks a string that is translated where it is used.
LUPDATE_ALIASES = "QT_TR_NOOP+=noop,QT_TR_NOOP+=said"
TOOL_TIMEOUT_S = 120
# How a language lists names in a sentence (a Listed value); ", " where not said here.
LIST_SEPARATORS = {"zh": "、"}
# The language of the translation loaded into the window (install_translations).
_window_language = [SOURCE_LANGUAGE]


class Translator:
    """The strings of one module, in the context named like the variable that holds it."""

    def __init__(self, context: str) -> None:
        self.context = context

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """``text`` in the window's language; ``%n`` in it becomes ``n`` with its plural."""
        return QCoreApplication.translate(self.context, text, disambiguation, n)

    def noop(self, text: str, disambiguation: str | None = None) -> MarkedText:
        """Marks ``text`` for lupdate, untranslated: for a constant made before the language
        is known (at import). ``translated(CONSTANT)`` translates it where it is shown, in
        any module (the text carries its context and disambiguation)."""
        return MarkedText(text, self.context, disambiguation)


class MarkedText(str):
    """A string marked with ``noop``: itself (English) until shown through ``translated``."""

    context: str
    disambiguation: str | None

    def __new__(cls, text: str, context: str, disambiguation: str | None = None) -> MarkedText:
        made = super().__new__(cls, text)
        made.context = context
        made.disambiguation = disambiguation
        return made


def translated(text: str, n: int = -1) -> str:
    """A ``noop``-marked constant or a sentence the domain said (``Said``) in the window's
    language; any other string as it is."""
    if isinstance(text, MarkedText):
        return QCoreApplication.translate(text.context, str(text), text.disambiguation, n)
    if isinstance(text, Named):
        return text.in_language(_window_language[0])
    if isinstance(text, Listed):
        separator = LIST_SEPARATORS.get(_window_language[0].split("_")[0], ", ")
        return separator.join(translated(part) for part in text.parts)
    if isinstance(text, Said):
        template = QCoreApplication.translate(text.context, text.template)
        values = {k: translated(v) if isinstance(v, str) else v for k, v in text.values.items()}
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
            log.warning("the translation of %r does not fit its values", text.template)
            return str(text)
    return text


# ---------------------------------------------------------------------- areas and files


def translations_dir() -> Path:
    return resource("translations")


def areas() -> list[str]:
    """``main`` (the modules directly in gui/) and every subpackage of lunar_custody/gui."""
    packages = sorted(p.name for p in GUI_PACKAGE.iterdir() if (p / "__init__.py").is_file())
    return [MAIN_AREA, *packages, DOMAIN_AREA]


def area_sources(area: str) -> list[Path]:
    if area == MAIN_AREA:
        return sorted(GUI_PACKAGE.glob("*.py"))
    if area == DOMAIN_AREA:
        return sorted(path for package in BELOW_WINDOW_PACKAGES for path in package.rglob("*.py"))
    return sorted((GUI_PACKAGE / area).rglob("*.py"))


def context_name(module: Path) -> str:
    """The context (and Translator or Words variable) of a module: its path below gui/, e.g.
    gui/samples/view.py -> ``_samples_view``, gui/samples/__init__.py -> ``_samples``; below
    the window, ``_domain_`` and its path below lunar_custody/domain
    (domain/loans.py -> ``_domain_loans``) or below lunar_custody
    (exchange/partners.py -> ``_domain_exchange_partners``, apart from gui/exchange's)."""
    path = module.resolve()
    below = next((p for p in BELOW_WINDOW_PACKAGES if path.is_relative_to(p)), None)
    if below is None:
        parts = list(path.relative_to(GUI_PACKAGE).with_suffix("").parts)
    elif below == DOMAIN_PACKAGE:
        parts = ["domain", *path.relative_to(below).with_suffix("").parts]
    else:
        parts = ["domain", *path.relative_to(below.parent).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return "_" + "_".join(parts)


def ts_languages() -> list[str]:
    """Every folder of .ts files: the translations, and English's plural forms."""
    folder = translations_dir()
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and any(p.glob("*.ts")))


def languages() -> list[str]:
    """The languages the window can be translated into, besides English."""
    return [lang for lang in ts_languages() if lang != SOURCE_LANGUAGE]


# English is the source, but "%n sample(s)" still needs its two forms: the en .ts holds only
# the plurals (lupdate -pluralonly), and update() writes their forms from the source text.
_ENGLISH_PLURAL = re.compile(r"(\w*?)(y\(ies\)|\(es\)|\(s\))")


def english_forms(source: str) -> tuple[str, str] | None:
    """("%n sample", "%n samples") for "%n sample(s)"; None when the source has no
    "(s)", "(es)" or "y(ies)" to resolve."""
    if not _ENGLISH_PLURAL.search(source):
        return None
    endings = {"y(ies)": ("y", "ies"), "(es)": ("", "es"), "(s)": ("", "s")}

    def form(which: int) -> str:
        return _ENGLISH_PLURAL.sub(lambda m: m[1] + endings[m[2]][which], source)

    return form(0), form(1)


def ts_file(language: str, area: str) -> Path:
    return translations_dir() / language / f"{area}.ts"


def qm_name(language: str) -> str:
    return f"{QM_PREFIX}{language}.qm"


def qt_tool(name: str) -> Path | None:
    """lupdate or lrelease as PySide6 ships them (next to its package), if present."""
    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "bin" / name):
        if candidate.is_file():
            return candidate
    return None


def _run_tool(name: str, args: Sequence[str]) -> None:
    tool = qt_tool(name)
    if tool is None:
        raise RuntimeError(f"{name} is not in this PySide6 installation ({PySide6.__file__})")
    done = subprocess.run(
        [str(tool), *args], capture_output=True, text=True, timeout=TOOL_TIMEOUT_S, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{name} failed ({done.returncode}): {done.stderr or done.stdout}")


# ---------------------------------------------------------------------- lupdate: the .ts


def lupdate(area: str, ts: Path, language: str) -> None:
    """Merge the area's strings into ``ts``: new ones unfinished, vanished ones dropped."""
    lupdate_files(area_sources(area), ts, language)


def lupdate_files(sources: Iterable[Path], ts: Path, language: str) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    _run_tool(
        "lupdate",
        [
            *(str(p) for p in sources),
            "-ts",
            str(ts),
            "-no-obsolete",
            "-locations",
            "none",  # no line numbers: moving code never changes a .ts
            "-sort-messages",
            "-silent",
            "-source-language",
            SOURCE_LANGUAGE,
            "-target-language",
            language,
            "-tr-function-alias",
            LUPDATE_ALIASES,
            *(["-pluralonly"] if language == SOURCE_LANGUAGE else []),
        ],
    )


def update(selected: Iterable[str] = (), language: str | None = None) -> list[Path]:
    """``update``: lupdate every (or each selected) area of every (or one) language."""
    chosen = list(selected) or areas()
    unknown = sorted(set(chosen) - set(areas()))
    if unknown:
        raise ValueError(f"no such area: {', '.join(unknown)} (areas: {', '.join(areas())})")
    written = []
    for lang in [language] if language else ts_languages():
        for area in chosen:
            path = ts_file(lang, area)
            lupdate(area, path, lang)
            if lang == SOURCE_LANGUAGE:
                _write_english_forms(path)
            written.append(path)
    return written


def _write_english_forms(path: Path) -> None:
    """Fill each unfinished plural of an en .ts with the forms its source spells."""
    tree = ElementTree.parse(path)
    changed = False
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        source = message.findtext("source") or ""
        # no "(s)" to resolve: the source reads right for any count ("at least %n characters")
        forms = english_forms(source) or (source, source)
        numerus = list(translation.iter("numerusform"))
        if len(numerus) != len(forms):
            continue
        for element, text in zip(numerus, forms, strict=True):
            element.text = text
        translation.attrib.pop("type")
        changed = True
    if changed:
        tree.write(path, encoding="utf-8", xml_declaration=True)


# ---------------------------------------------------------------------- check: what is missing


@dataclass(frozen=True, order=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool


@dataclass(frozen=True)
class TsEntry:
    message: Message
    finished: bool


def read_ts(path: Path) -> list[TsEntry]:
    entries = []
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else list(translation.iter("numerusform"))
            texts = [f.text or "" for f in forms] if forms else [_text(translation)]
            kind = None if translation is None else translation.get("type")
            entries.append(
                TsEntry(
                    Message(
                        name,
                        message.findtext("source") or "",
                        message.findtext("comment") or "",
                        message.get("numerus") == "yes",
                    ),
                    finished=kind is None and all(t.strip() for t in texts),
                )
            )
    return entries


def _text(element: ElementTree.Element | None) -> str:
    return "" if element is None else element.text or ""


@dataclass(frozen=True)
class Marked:
    """A string marked in the code, as our own reading of the module finds it."""

    module: Path
    line: int
    message: Message


def marked_strings(module: Path, context: str | None = None) -> tuple[list[Marked], list[str]]:
    """The strings marked with the module's Translator (its context: ``context``, else by
    its place in gui/), and every way the module breaks the convention, which lupdate would
    silently get wrong."""
    tree = ast.parse(module.read_text(encoding="utf-8"), str(module))
    expected = context or context_name(module)
    where = module.name if context else module.relative_to(GUI_PACKAGE.parent.parent)
    found: list[Marked] = []
    problems: list[str] = []
    deferred = {  # calls inside a function or lambda: run after the language is loaded
        id(inner)
        for outer in ast.walk(tree)
        if isinstance(outer, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        for inner in ast.walk(outer)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _is_translator_call(node.value):
            assert isinstance(node.value, ast.Call)
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            argument = node.value.args[0] if node.value.args else None
            given = argument.value if isinstance(argument, ast.Constant) else None
            if names != [expected] or given != expected:
                problems.append(
                    f"{where}:{node.lineno}: the module's Translator must be "
                    f'{expected} = Translator("{expected}")'
                )
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        first = node.args[0] if node.args else None
        literal = isinstance(first, ast.JoinedStr) or (
            isinstance(first, ast.Constant) and isinstance(first.value, str)
        )
        name = function.id if isinstance(function, ast.Name) else None
        if isinstance(function, ast.Attribute):
            name = function.attr
        if name not in {"tr", "noop", "said", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}:
            continue
        owner = function.value if isinstance(function, ast.Attribute) else None
        if not (isinstance(owner, ast.Name) and owner.id == expected and name != "translate"):
            if literal:  # lupdate would file it under another context than the program's
                problems.append(
                    f"{where}:{node.lineno}: mark it {expected}.tr(...) or {expected}.noop(...)"
                )
            continue
        if isinstance(first, ast.JoinedStr):
            problems.append(
                f"{where}:{node.lineno}: no f-string in tr(): "
                f'{expected}.tr("... {{name}} ...").format(name=...)'
            )
            continue
        if node.keywords and name != "said":  # said()'s keywords are the sentence's values
            problems.append(
                f"{where}:{node.lineno}: give tr()'s disambiguation and count positionally"
            )
            continue
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            continue  # a constant marked with noop(), translated where it is shown
        comment = node.args[1] if len(node.args) > 1 else None
        numerus = name == "tr" and len(node.args) > 2
        if name == "tr" and id(node) not in deferred:
            problems.append(
                f"{where}:{node.lineno}: tr() at import stays English: "
                f"{expected}.noop(...) here, translated(...) where it is shown"
            )
        if "%n" in first.value and not numerus:
            problems.append(
                f"{where}:{node.lineno}: '%n' needs the count: "
                f'{expected}.tr("{first.value}", "", count)'
            )
        text = comment.value if isinstance(comment, ast.Constant) else None
        found.append(
            Marked(
                module,
                node.lineno,
                Message(expected, first.value, text if isinstance(text, str) else "", numerus),
            )
        )
    return found, problems


def _is_translator_call(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in (Translator.__name__, Words.__name__)
    )


def check(language: str | None = None) -> list[str]:
    """Every problem with the translations of the code as it is, each with how to fix it:
    a string the .ts lacks, or has but the code no longer does, an unfinished translation,
    or a marking lupdate cannot read as the program does."""
    problems: list[str] = []
    for lang in [language] if language else ts_languages():
        with tempfile.TemporaryDirectory(prefix="lunar-custody-lupdate-") as scratch:
            for area in areas():
                committed = ts_file(lang, area)
                fix = f"python -m lunar_custody.gui.translation update {area}"
                if not committed.is_file():
                    problems.append(f"{committed} is missing: run `{fix}`")
                    continue
                fresh = Path(scratch) / f"{area}.ts"
                shutil.copyfile(committed, fresh)
                lupdate(area, fresh, lang)
                if lang == SOURCE_LANGUAGE:
                    fix = f"python -m lunar_custody.gui.translation update {area} --language en"
                problems += _compare(committed, fresh, fix)
                problems += _compare_with_code(area, fresh, plurals_only=lang == SOURCE_LANGUAGE)
    return problems


def _compare(committed: Path, fresh: Path, fix: str) -> list[str]:
    have = {e.message: e for e in read_ts(committed)}
    want = {e.message for e in read_ts(fresh)}
    problems = []
    for message in sorted(want - set(have)):
        problems.append(f"{committed.name}: new string {_show(message)}: run `{fix}`, translate")
    for message in sorted(set(have) - want):
        problems.append(f"{committed.name}: {_show(message)} is no longer in the code: `{fix}`")
    for message in sorted(m for m, e in have.items() if m in want and not e.finished):
        problems.append(f"{committed.name}: {_show(message)} is not translated (unfinished)")
    return problems


def _compare_with_code(area: str, fresh: Path, *, plurals_only: bool = False) -> list[str]:
    """What our own reading of the code finds and lupdate does not (or reads otherwise)."""
    extracted = {e.message for e in read_ts(fresh)}
    problems: list[str] = []
    for module in area_sources(area):
        found, broken = marked_strings(module)
        problems += broken
        for marked in found:
            if plurals_only and not marked.message.numerus:
                continue
            if marked.message not in extracted:
                problems.append(
                    f"{marked.module.name}:{marked.line}: lupdate does not see "
                    f"{_show(marked.message)} as written: a plain string literal as the "
                    "first argument, disambiguation and count positional"
                )
    return problems


def _show(message: Message) -> str:
    extra = f" ({message.comment})" if message.comment else ""
    plural = " [plural]" if message.numerus else ""
    return f"[{message.context}] {message.source!r}{extra}{plural}"


# ---------------------------------------------------------------------- todo and fill: by hand


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _unescape(text: str) -> str:
    return re.sub(r"\\([nt\\])", lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), text)


def todo(area: str, language: str) -> list[str]:
    """The area's unfinished strings as lines ``context<TAB>source<TAB>disambiguation<TAB>``
    (tabs and newlines in a text written \\t and \\n): write the translation after the
    last tab and give the lines to ``fill``."""
    return [
        "\t".join(_escape(part) for part in (m.context, m.source, m.comment, ""))
        for m in (e.message for e in read_ts(ts_file(language, area)) if not e.finished)
    ]


def fill(area: str, language: str, lines: Iterable[str]) -> int:
    """Write ``context<TAB>source<TAB>disambiguation<TAB>translation`` lines into the area's
    .ts (every plural form gets the translation: Chinese has one), then let lupdate write the
    file its way. Returns how many were filled; a line whose string the .ts lacks is an
    error."""
    wanted: dict[tuple[str, str, str], str] = {}
    for line in lines:
        if not line.strip():
            continue
        parts = [_unescape(part) for part in line.rstrip("\n").split("\t")]
        if len(parts) != 4:
            raise ValueError(f"not context, source, disambiguation, translation: {line!r}")
        context, source, comment, target = parts
        if target.strip():
            wanted[(context, source, comment)] = target
    path = ts_file(language, area)
    tree = ElementTree.parse(path)
    done = set()
    for group in tree.getroot().iter("context"):
        name = group.findtext("name") or ""
        for message in group.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            translation = message.find("translation")
            if key not in wanted or translation is None:
                continue
            translation.attrib.pop("type", None)
            forms = list(translation.iter("numerusform"))
            for form in forms:
                form.text = wanted[key]
            if not forms:
                translation.text = wanted[key]
            done.add(key)
    unknown = sorted(set(wanted) - done)
    if unknown:
        raise ValueError(f"{path.name} has no string {unknown[0]!r} (and {len(unknown) - 1} more)")
    tree.write(path, encoding="utf-8", xml_declaration=True)
    lupdate(area, path, language)
    return len(done)


# ---------------------------------------------------------------------- lrelease: the .qm


def release(language: str, out: Path) -> Path:
    """lrelease every area of ``language`` into ``out``/lunar_custody_<language>.qm."""
    out.mkdir(parents=True, exist_ok=True)
    target = out / qm_name(language)
    release_files(sorted((translations_dir() / language).glob("*.ts")), target)
    return target


def release_files(sources: Iterable[Path], target: Path) -> None:
    # written beside, then renamed: a window starting meanwhile never loads half a file
    partial = target.with_suffix(f".{os.getpid()}.partial")
    _run_tool("lrelease", [*(str(p) for p in sources), "-qm", str(partial), "-silent"])
    partial.replace(target)


def build(out: Path | None = None) -> list[Path]:
    """``build``: the .qm of every language (default: beside the .ts, for a checkout)."""
    return [release(lang, out or translations_dir()) for lang in ts_languages()]


def cache_dir() -> Path:
    return Path(user_cache_dir("lunar-custody")) / "translations"


def _newest_source(language: str) -> float:
    return max((p.stat().st_mtime for p in (translations_dir() / language).glob("*.ts")), default=0)


def qm_file(language: str) -> Path | None:
    """The compiled translation of ``language``: one shipped (the bundle's) or built before,
    if it is at least as new as the .ts; else built now into the cache; else any old one."""
    candidates = [translations_dir() / qm_name(language), cache_dir() / qm_name(language)]
    existing = [p for p in candidates if p.is_file()]
    newest = _newest_source(language)
    for path in existing:
        if path.stat().st_mtime >= newest:
            return path
    if newest and qt_tool("lrelease") is not None:
        try:
            return release(language, cache_dir())
        except (OSError, RuntimeError, subprocess.TimeoutExpired) as error:
            log.warning("cannot build the %s translation: %s", language, error)
    return existing[0] if existing else None


# ---------------------------------------------------------------------- choosing and loading


def chosen_language() -> str:
    """What the person asked for: LUNAR_CUSTODY_LANG (or --lang, which sets it) first, then
    Preferences; "" means the system's language."""
    override = os.environ.get(LANGUAGE_ENV, "").strip()
    if override:
        return override
    stored = QSettings().value(LANGUAGE_SETTING, "")
    return stored if isinstance(stored, str) else ""


def ui_locale(choice: str) -> QLocale:
    """The locale of the window for a choice: the system's by default; for a chosen
    language, the system's own variant of it if it speaks it (en_GB stays en_GB)."""
    system = QLocale.system()
    if not choice:
        return system
    asked = QLocale(choice.replace("-", "_"))
    if asked.language() == system.language() and asked.script() == system.script():
        return system
    return asked


_installed: list[QTranslator] = []


def install_translations(app: QCoreApplication) -> str:
    """Load the window's language into ``app`` (once, before any window is built); the
    locale numbers and dates follow. Returns the language loaded ("en" when none is)."""
    _remove_all(app)
    locale = ui_locale(chosen_language())
    QLocale.setDefault(locale)
    for language in languages():
        if not _speaks(locale, language):
            continue
        path = qm_file(language)
        if path is None:
            log.warning("no compiled %s translation and no lrelease to build it", language)
            break
        ours = QTranslator(app)
        if not ours.load(str(path)):
            log.warning("cannot load the translation %s", path)
            break
        app.installTranslator(ours)
        _installed.append(ours)
        _window_language[0] = language
        # Qt's own words: the standard buttons (OK, Cancel), the file dialog, the context menus
        qt = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(locale, "qtbase", "_", qt_folder):
            app.installTranslator(qt)
            _installed.append(qt)
        return language
    _install_english_plurals(app)
    return SOURCE_LANGUAGE


def _install_english_plurals(app: QCoreApplication) -> None:
    """The window in English: only the plural forms ("1 sample", "2 samples") to load."""
    if SOURCE_LANGUAGE not in ts_languages():
        return
    path = qm_file(SOURCE_LANGUAGE)
    english = QTranslator(app)
    if path is None or not english.load(str(path)):
        log.warning("no English plural forms: counts read 'sample(s)'")
        return
    app.installTranslator(english)
    _installed.append(english)


def remove_translations(app: QCoreApplication) -> None:
    """Back to English (with its plural forms) and the system's locale (tests switch
    languages in one process)."""
    _remove_all(app)
    _install_english_plurals(app)


def _remove_all(app: QCoreApplication) -> None:
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _window_language[0] = SOURCE_LANGUAGE
    QLocale.setDefault(QLocale.system())


def _speaks(locale: QLocale, language: str) -> bool:
    """Does ``locale`` read the translation ``language`` (zh_CN serves zh_SG, not zh_TW)?"""
    target = QLocale(language)
    return locale.language() == target.language() and locale.script() == target.script()


# ---------------------------------------------------------------------- the command


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m lunar_custody.gui.translation",
        description="Maintain the window's translations (resources/translations).",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    updating = sub.add_parser("update", help="lupdate: the code's strings into the .ts files")
    updating.add_argument("areas", nargs="*", metavar="AREA", help=", ".join(areas()))
    updating.add_argument("--language", help="one language (default: all)")
    sub.add_parser("check", help="what the .ts files lack or have too much (exit 1 if any)")
    listing = sub.add_parser("todo", help="an area's unfinished strings, as TSV lines for fill")
    filling = sub.add_parser("fill", help="translations from TSV lines (stdin) into an area")
    for each in (listing, filling):
        each.add_argument("area", metavar="AREA", choices=areas())
        each.add_argument("--language", default="zh_CN")
    building = sub.add_parser("build", help="lrelease: one .qm per language")
    building.add_argument("--out", type=Path, help="folder (default: resources/translations)")
    args = parser.parse_args(argv)
    if args.command == "update":
        for path in update(args.areas, args.language):
            print(f"updated {path}")
        return 0
    if args.command == "check":
        problems = check()
        print("\n".join(problems) or "every string is translated")
        return 1 if problems else 0
    if args.command == "todo":
        print("\n".join(todo(args.area, args.language)))
        return 0
    if args.command == "fill":
        print(f"filled {fill(args.area, args.language, sys.stdin)} translations")
        return 0
    for path in build(args.out):
        print(f"built {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
