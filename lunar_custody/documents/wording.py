"""The documents' own words, in English, Chinese or both: the one place they are chosen.

Every heading, field label, table header and fixed term a document prints goes through a
``Words``: the English text is the key, its Chinese is read from the catalogue
``resources/translations/documents-zh_CN.json`` (terms as the glossary,
``glossary-zh_CN.md``, gives them). Record data (names, numbers, masses, seals) is never
translated, and masses and dates print in one fixed format in every language
("328,510.935 g", "2026-03-14").

Parallel text (``("en", "zh")``) gives each label in both languages: ``inline`` as
"Lender / 出借方" where a line is short, ``stacked`` as the English line over the Chinese
where a column is narrow. The language is presentation only: what a signature is bound to
(domain/signed_content.py) does not depend on it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from ..domain.document_languages import BOTH, CHINESE, ENGLISH, Languages, parse_languages
from ..domain.wording import Said, counted
from ..resources_path import resource

__all__ = ["BOTH", "CHINESE", "ENGLISH", "Languages", "Words", "parse_languages"]

CATALOGUE = ("translations", "documents-zh_CN.json")


@lru_cache(maxsize=1)
def chinese() -> dict[str, str]:
    """English text -> Chinese text, as the catalogue holds them (its "_" notes left out)."""
    raw = json.loads(resource(*CATALOGUE).read_text(encoding="utf-8"))
    return {key: value for key, value in raw["entries"].items() if not key.startswith("_")}


class Words:
    """A document's words in its ``languages`` (English first when both)."""

    def __init__(self, languages: Languages = ENGLISH) -> None:
        self.languages = parse_languages(",".join(languages))

    @property
    def english(self) -> bool:
        return "en" in self.languages

    @property
    def chinese(self) -> bool:
        return "zh" in self.languages

    @property
    def both(self) -> bool:
        return len(self.languages) > 1

    @property
    def pdf_language(self) -> str:
        """The PDF's /Lang: the language it opens with."""
        return "en" if self.english else "zh-CN"

    def each(self, english: str, **values: Any) -> list[str]:
        """``english`` in each language, placeholders filled: ['Lender', '出借方'] (a value
        the domain said, like "aliquot {number}", in the line's language too)."""
        out = []
        for language in self.languages:
            if language == "en":
                out.append(english.format(**values) if values else english)
                continue
            chinese_values = {
                name: _chinese_of(value) or str(value) if isinstance(value, Said) else value
                for name, value in values.items()
            }
            text = translate(english)
            out.append(text.format(**chinese_values) if values else text)
        return out

    def inline(self, english: str, **values: Any) -> str:
        """'Lender / 出借方' (or the one language)."""
        return " / ".join(self.each(english, **values))

    def stacked(self, english: str, **values: Any) -> str:
        """The English line over the Chinese one (or the one language)."""
        return "\n".join(self.each(english, **values))

    def term(self, english: str) -> str:
        """A term that comes from the records or the domain (an event's kind, a signature's
        meaning, a status, a ``Said`` like "held by {holder}"): translated when the
        catalogue knows it (a ``Said`` by its template), else as it is."""
        return " / ".join(self.terms(english))

    def terms(self, english: str) -> list[str]:
        """``term``'s text in each language, once when the catalogue does not know it."""
        in_chinese = _chinese_of(english) if self.chinese else None
        if in_chinese is None:
            return [str(english)]
        return [str(english) if lang == "en" else in_chinese for lang in self.languages]

    def counted(self, count: int, noun: str) -> str:
        """'3 items / 3 项' (Chinese counts with the measure word the catalogue gives for
        '{count} <noun>')."""
        out = []
        for language in self.languages:
            if language == "en":
                out.append(counted(count, noun))
            else:
                out.append(translate("{count} " + noun).format(count=f"{count:,}"))
        return " / ".join(out)


def _chinese_of(text: str) -> str | None:
    """The catalogue's Chinese of ``text``, a ``Said`` filled in with its values (each
    translated where the catalogue knows it); None when the catalogue does not know it."""
    if not isinstance(text, Said):
        return chinese().get(text)
    template = chinese().get(text.template)
    if template is None:
        return None
    values = {
        name: (_chinese_of(value) or str(value)) if isinstance(value, str) else value
        for name, value in text.values.items()
    }
    return template.format(**values)


def translate(english: str) -> str:
    """The Chinese of a document's fixed ``english`` text; a text missing from the
    catalogue is a mistake of the program, refused loudly (a test prints every document in
    Chinese to find one)."""
    try:
        return chinese()[english]
    except KeyError:
        raise LookupError(
            f"No Chinese for {english!r}: add it to resources/{'/'.join(CATALOGUE)}."
        ) from None
