"""The terms of loan printed in every agreement, from a versioned template in resources/.

A template is ``resources/templates/terms-vN.json``: ``id``, ``version``, ``effective``,
``title``, ``preamble`` and ``clauses`` (``heading``, ``text``, optional ``when``:
``destructive`` or ``not_destructive``). The newest version is used; its id is printed in the
agreement and is part of the content its QR code's hash covers. Placeholders in braces are
filled from the loan: {lender}, {borrower}, {principal_investigator}, {loan_number},
{starts_on}, {due_on}. An administrator replaces the terms by adding terms-v2.json (old
versions stay, so it remains clear which text an older agreement printed).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

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


def template_path(folder: Path | None = None) -> Path:
    """The newest terms-vN.json in ``folder`` (default resources/templates)."""
    folder = folder or resource("templates")
    found = [
        (int(m.group(1)), p) for p in folder.glob("terms-v*.json") if (m := _FILE.fullmatch(p.name))
    ]
    if not found:
        raise ValidationError(f"There is no terms-of-loan template (terms-v1.json) in {folder}.")
    return max(found)[1]


def load_terms(values: dict[str, str], *, destructive: bool, path: Path | None = None) -> Terms:
    """The terms with the loan's ``values`` filled in; clauses chosen by ``destructive``."""
    path = path or template_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        clauses = raw["clauses"]
        ident, version = str(raw["id"]), int(raw["version"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ValidationError(f"The terms template {path.name} cannot be read: {error}.") from None

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


def agreement_terms(agreement: AgreementData, path: Path | None = None) -> Terms:
    """The terms an agreement prints, filled from its read model."""
    return load_terms(
        {
            "lender": agreement.lender.name,
            "borrower": agreement.borrower.name,
            "principal_investigator": agreement.principal_investigator,
            "loan_number": agreement.loan_number,
            "starts_on": agreement.starts_on.isoformat(),
            "due_on": agreement.due_on.isoformat(),
        },
        destructive=agreement.destructive_analysis_allowed,
        path=path,
    )
