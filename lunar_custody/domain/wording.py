"""Words people read: counted nouns ("1 aliquot", "2 aliquots", "12,500 items") and
moments in the reader's own time zone ("2026-12-05 09:14 CET")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

# the few plurals that are not the noun and an s
_IRREGULAR = {"entry": "entries", "discrepancy": "discrepancies", "person": "people"}


def plural(noun: str) -> str:
    """The plural of ``noun`` (its last word)."""
    head, _, last = noun.rpartition(" ")
    many = _IRREGULAR.get(last) or (last + "es" if last.endswith(("s", "x")) else last + "s")
    return f"{head} {many}" if head else many


def counted(count: int, noun: str, nouns: str | None = None) -> str:
    """``count`` and the noun in the number it needs, with thousands grouped."""
    return f"{count:,} {noun if count == 1 else nouns or plural(noun)}"


def zone_name(local: datetime) -> str:
    """The zone of an aware local time as people write it: its abbreviation ("CET",
    "CST"), or its offset from UTC ("UTC+04:00") where the system knows no abbreviation
    (tz data writes "+04") or only a long name (Windows: "W. Europe Standard Time")."""
    name = local.tzname() or ""
    if name.isalpha() and len(name) <= 5:
        return name
    offset = local.utcoffset()
    if not offset:
        return "UTC"
    minutes = round(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def moment_text(moment: datetime) -> str:
    """A moment as everyone reads it, in the computer's local time with its zone:
    "2026-12-05 09:14 CET". Times are stored in UTC; a naive one is taken as UTC."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    local = aware.astimezone()
    return f"{local:%Y-%m-%d %H:%M} {zone_name(local)}"


class Said(str):
    """A sentence the domain says: English as a ``str`` everywhere (CLI, logs, JSON), with
    the template and values it was made from, so a window can say it in its own language
    (gui/translation.translated looks ``template`` up under ``context``, then fills in the
    values). Joined or formatted into another string, it is plain English again."""

    context: str
    template: str
    values: dict[str, object]

    def __new__(cls, context: str, template: str, values: Mapping[str, object]) -> Said:
        made = super().__new__(cls, template.format(**values))
        made.context, made.template, made.values = context, template, dict(values)
        return made

    def __reduce__(self) -> tuple[type[Said], tuple[str, str, dict[str, object]]]:
        return (Said, (self.context, self.template, self.values))  # across processes whole


class Named(str):
    """A name that comes from data kept in several languages (a clearance item's title: the
    template and its zh_CN translation): English as a ``str``, with its other names by
    language code ("zh"), so a window shows the one of its language
    (gui/translation.translated) while the CLI, logs and JSON keep the English."""

    names: dict[str, str]

    def __new__(cls, english: str, names: Mapping[str, str]) -> Named:
        made = super().__new__(cls, english)
        made.names = {language: name for language, name in names.items() if name}
        return made

    def __reduce__(self) -> tuple[type[Named], tuple[str, dict[str, str]]]:
        return (Named, (str(self), self.names))

    def in_language(self, language: str) -> str:
        """The name in ``language`` ("zh_CN" reads "zh" too); English when it has none."""
        return self.names.get(language) or self.names.get(language.split("_")[0]) or str(self)


class Listed(str):
    """Several values said as one value of a sentence, "a, b, c" in English: a window
    translates each part (a ``Named`` or a ``Said``) and joins them as its language lists
    things (gui/translation.translated)."""

    parts: tuple[str, ...]

    def __new__(cls, parts: Iterable[str]) -> Listed:
        kept = tuple(parts)
        made = super().__new__(cls, ", ".join(kept))
        made.parts = kept
        return made

    def __reduce__(self) -> tuple[type[Listed], tuple[tuple[str, ...]]]:
        return (Listed, (self.parts,))


class Words:
    """The sentences of one domain module, marked for translation: ``_domain_loans =
    Words("_domain_loans")``, then ``_domain_loans.said("Loan {number} is closed.",
    number=n)`` — a plain string literal with named placeholders, never an f-string (the
    same convention as the window's ``Translator``: resources/translations/README.md)."""

    def __init__(self, context: str) -> None:
        self.context = context

    def said(self, template: str, **values: object) -> Said:
        return Said(self.context, template, values)
