"""The terms of loan printed in every agreement, from a versioned template in resources/.

A template is ``resources/templates/terms-vN.json``: ``id``, ``version``, ``effective``,
``title``, ``preamble`` and ``clauses`` (``heading``, ``text``, optional ``when``:
``destructive`` or ``not_destructive``). The newest version is used; its id is printed in the
agreement and is part of the content its QR code's hash covers. Placeholders in braces are
filled from the loan: {lender}, {borrower}, {principal_investigator}, {loan_number},
{starts_on}, {due_on}. An administrator replaces the terms by adding terms-v2.json (old
versions stay, so it remains clear which text an older agreement printed).

A translation is a template of its own beside the English one, ``terms-vN.zh_CN.json``,
whose metadata says what it translates (``translation_of``), its ``language`` and its
``status`` (a translation to be reviewed by the lender's legal office before real use). It
has the same clauses, in the same order and with the same ``when``, so the two texts say
the same thing clause by clause. The English text governs; an agreement that prints the
translation says so. What a signature covers does not change with the language: it is bound
to the loan's content (domain/signed_content.py), as the English terms were printed for.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from ..domain.errors import ValidationError
from ..domain.queries import AgreementData
from ..resources_path import resource

PLACEHOLDERS = (
    "lender",
    "borrower",
    "principal_investigator",
    "loan_number",
    "starts_on",
    "due_on",
)
_FILE = re.compile(r"terms-v(\d+)\.json")
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


@dataclass(frozen=True, slots=True)
class Clause:
    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class Terms:
    id: str
    version: int
    effective: str
    title: str
    preamble: str
    clauses: list[Clause]


@dataclass(frozen=True, slots=True)
class TranslatedTerms:
    """The terms in another language, from their translation template."""

    id: str  # "terms-v1.zh_CN"
    translation_of: str  # "terms-v1"
    language: str  # "zh_CN"
    status: str  # "to be reviewed by the lender's legal office before real use"
    terms: Terms


# the file suffix of each document language's translation of the terms
TRANSLATION_LANGUAGES = {"zh": "zh_CN"}


def template_path(folder: Path | None = None) -> Path:
    """The newest terms-vN.json in ``folder`` (default resources/templates)."""
    folder = folder or resource("templates")
    found = [
        (int(m.group(1)), p) for p in folder.glob("terms-v*.json") if (m := _FILE.fullmatch(p.name))
    ]
    if not found:
        raise ValidationError(f"There is no terms-of-loan template (terms-v1.json) in {folder}.")
    return max(found)[1]


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw["clauses"], list):
            raise TypeError("its clauses are not a list")
        str(raw["id"]), int(raw["version"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ValidationError(f"The terms template {path.name} cannot be read: {error}.") from None
    return cast(dict[str, Any], raw)


def load_terms(values: dict[str, str], *, destructive: bool, path: Path | None = None) -> Terms:
    """The terms with the loan's ``values`` filled in; clauses chosen by ``destructive``."""
    path = path or template_path()
    return _build(_read(path), values, destructive, path)


def _build(raw: dict[str, Any], values: dict[str, str], destructive: bool, path: Path) -> Terms:
    clauses = raw["clauses"]
    ident, version = str(raw["id"]), int(raw["version"])

    def fill(text: str) -> str:
        def value(match: re.Match[str]) -> str:
            key = match.group(1)
            if key not in values:
                raise ValidationError(
                    f"The terms template {path.name} uses an unknown placeholder {{{key}}}; "
                    f"known ones are {', '.join('{' + p + '}' for p in PLACEHOLDERS)}."
                )
            return values[key]

        return _PLACEHOLDER.sub(value, text)

    wanted = {None, "destructive" if destructive else "not_destructive"}
    return Terms(
        id=ident,
        version=version,
        effective=str(raw.get("effective", "")),
        title=str(raw.get("title", "Terms of loan")),
        preamble=fill(str(raw.get("preamble", ""))),
        clauses=[
            Clause(fill(str(c.get("heading", ""))), fill(str(c["text"])))
            for c in clauses
            if c.get("when") in wanted
        ],
    )


def _values(agreement: AgreementData, *, local: bool = False) -> dict[str, str]:
    """The placeholders' values; ``local``: names in their own script where one is recorded
    (a Chinese text names 国家航天局月球样品实验室 rather than its English name)."""

    def name(english: str, own: str) -> str:
        return own if local and own else english

    return {
        "lender": name(agreement.lender.name, agreement.lender.local_name),
        "borrower": name(agreement.borrower.name, agreement.borrower.local_name),
        "principal_investigator": name(
            agreement.principal_investigator, agreement.principal_investigator_local
        ),
        "loan_number": agreement.loan_number,
        "starts_on": agreement.starts_on.isoformat(),
        "due_on": agreement.due_on.isoformat(),
    }


def agreement_terms(agreement: AgreementData, path: Path | None = None) -> Terms:
    """The terms an agreement prints, filled from its read model."""
    return load_terms(
        _values(agreement), destructive=agreement.destructive_analysis_allowed, path=path
    )


def translation_path(english: Path, language: str) -> Path:
    """Where the ``language`` ('zh') translation of the template ``english`` lives."""
    suffix = TRANSLATION_LANGUAGES.get(language)
    if suffix is None:
        raise ValidationError(f"The terms of loan have no translation into '{language}'.")
    return english.with_name(f"{english.stem}.{suffix}.json")


def translated_terms(
    agreement: AgreementData, language: str, path: Path | None = None
) -> TranslatedTerms:
    """The translation of the terms ``agreement_terms`` prints, filled from the loan.

    Refused when the newest template has no translation, or one that does not follow it
    clause by clause: a translation of other terms must never print beside them."""
    english = path or template_path()
    source = _read(english)
    where = translation_path(english, language)
    if not where.is_file():
        raise ValidationError(
            f"The terms template {english.name} has no translation into "
            f"{TRANSLATION_LANGUAGES[language]} ({where.name}); print the agreement in "
            "English or add the translation."
        )
    raw = _read(where)
    if raw.get("translation_of") != source["id"]:
        raise ValidationError(
            f"{where.name} is not a translation of {source['id']} "
            f"(it says translation_of {raw.get('translation_of')!r})."
        )
    if [c.get("when") for c in raw["clauses"]] != [c.get("when") for c in source["clauses"]]:
        raise ValidationError(
            f"{where.name} does not follow {english.name} clause by clause (same clauses, "
            "same order, same 'when')."
        )
    terms = _build(
        raw, _values(agreement, local=True), agreement.destructive_analysis_allowed, where
    )
    return TranslatedTerms(
        id=str(raw["id"]),
        translation_of=str(raw["translation_of"]),
        language=str(raw.get("language", TRANSLATION_LANGUAGES[language])),
        status=str(raw.get("status", "")),
        terms=terms,
    )
