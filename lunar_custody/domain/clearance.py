"""Clearance before approval: each loan's checklist (security plan, permits, insurance, the
borrower authorities' certification...) must be complete before the lender signs it.

The checklist comes from the clearance template, ``resources/clearance/clearance-vN.json``
(the newest N; versioned like the terms of loan): rules, each naming the lender and borrower
countries it applies to (an empty list: every country) and its items (``key``, English
``title`` and ``help``, whether it ``expires``). A loan's checklist is the items of every
rule that matches its lender's and borrower's countries, made when the loan is drafted
(``create_checklist``, called by ``loans.create_loan``). Chinese titles and help live in a
translation beside it, ``clearance-vN.zh_CN.json`` (as the terms' translation does), looked up
by key: ``item_text``.

An item is attested by a curator or lab manager of the lender or of the borrower (the
borrower attests its own documents), with an optional file kept with its SHA-256, or waived
by a curator of the lender with a reason. Attesting again replaces the attestation (the
audit trail keeps the old one). ``rules.why_not_approve_loan`` refuses while any item is
pending. Loans drafted before migration 0005 get their checklist on first use.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from ..resources_path import resource
from . import operation as op
from . import rules
from .errors import NotFoundError, PermissionDenied, RuleViolation, ValidationError
from .identity import actor_of
from .models import ClearanceItem, Loan
from .operation import Context, operation
from .permissions import Actor
from .registry import MAX_TEXT, clean_reason, clean_text
from .states import LoanStatus
from .store import Store
from .wording import Named, Words

_domain_clearance = Words("_domain_clearance")

PENDING, ATTESTED, WAIVED = "pending", "attested", "waived"
CLEARANCE_STATES = (PENDING, ATTESTED, WAIVED)
MAX_FILE_BYTES = 20 * 1024 * 1024  # a scanned permit or policy, not a data set
TRANSLATION_LANGUAGES = {"zh": "zh_CN"}

_FILE = re.compile(r"clearance-v(\d+)\.json")


@dataclass(frozen=True, slots=True)
class TemplateItem:
    key: str
    title: str
    help: str
    can_expire: bool


@dataclass(frozen=True, slots=True)
class Checklist:
    """The items a template gives one loan's pair of countries."""

    template_id: str  # "clearance-v1"
    version: int
    items: tuple[TemplateItem, ...]


def template_folder() -> Path:
    return resource("clearance")


def template_path(folder: Path | None = None, version: int | None = None) -> Path:
    """The newest clearance-vN.json in ``folder`` (or version ``version``)."""
    folder = folder or template_folder()
    found = {
        int(m.group(1)): p
        for p in folder.glob("clearance-v*.json")
        if (m := _FILE.fullmatch(p.name))
    }
    if not found or (version is not None and version not in found):
        raise ValidationError(
            _domain_clearance.said(
                "There is no clearance template ({name}) in {folder}.",
                name=f"clearance-v{version or 1}.json",
                folder=str(folder),
            )
        )
    return found[version if version is not None else max(found)]


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        int(raw["version"]), str(raw["id"])
        if not isinstance(raw["rules"], list):
            raise TypeError("its rules are not a list")
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ValidationError(
            _domain_clearance.said(
                "The clearance template {name} cannot be read: {error}.",
                name=path.name,
                error=str(error),
            )
        ) from None
    return dict(raw)


def _country(raw: dict[str, Any], given: str) -> str:
    """The template's name for a country as an institution spells it ("US" -> "USA")."""
    wanted = given.strip().casefold()
    for name, spellings in raw.get("countries", {}).items():
        if wanted in {s.casefold() for s in [name, *spellings]}:
            return str(name)
    return given.strip()


def checklist_for(
    lender_country: str, borrower_country: str, path: Path | None = None
) -> Checklist:
    """The checklist the template gives a loan from ``lender_country`` to
    ``borrower_country``: every matching rule's items, in the template's order."""
    path = path or template_path()
    raw = _read(path)
    lender, borrower = _country(raw, lender_country), _country(raw, borrower_country)
    items: dict[str, TemplateItem] = {}
    for rule in raw["rules"]:
        if rule.get("lender") and lender not in rule["lender"]:
            continue
        if rule.get("borrower") and borrower not in rule["borrower"]:
            continue
        for item in rule["items"]:
            items.setdefault(
                str(item["key"]),
                TemplateItem(
                    key=str(item["key"]),
                    title=str(item["title"]),
                    help=str(item.get("help", "")),
                    can_expire=bool(item.get("expires", False)),
                ),
            )
    return Checklist(
        template_id=str(raw["id"]), version=int(raw["version"]), items=tuple(items.values())
    )


def item_text(version: int, key: str, language: str) -> tuple[str, str] | None:
    """(title, help) of template item ``key`` of version ``version`` in ``language``
    ("en", "zh"), from the template or its translation; None when it has none."""
    try:
        english = template_path(version=version)
    except ValidationError:
        return None
    if language == "en":
        raw = _read(english)
        for rule in raw["rules"]:
            for item in rule["items"]:
                if item["key"] == key:
                    return str(item["title"]), str(item.get("help", ""))
        return None
    suffix = TRANSLATION_LANGUAGES.get(language, language)
    translation = english.with_name(f"{english.stem}.{suffix}.json")
    try:
        found = json.loads(translation.read_text(encoding="utf-8"))["items"].get(key)
    except (OSError, ValueError, KeyError, AttributeError):
        return None
    if not found:
        return None
    return str(found.get("title", "")), str(found.get("help", ""))


def named_title(version: int, key: str, english: str) -> Named:
    """An item's title as sentences carry it: English, with its translations by language
    (the template's translation files), so a window names it in its own language."""
    names = {}
    for language in TRANSLATION_LANGUAGES:
        found = _translated_items(version, language).get(key)
        if isinstance(found, dict) and found.get("title"):
            names[language] = str(found["title"])
    return Named(english, names)


@lru_cache(maxsize=8)
def _translated_items(version: int, language: str) -> dict[str, Any]:
    """The items of template version ``version``'s translation into ``language`` ({}: none);
    read once, as the template files ship with the program."""
    try:
        english = template_path(version=version)
        suffix = TRANSLATION_LANGUAGES.get(language, language)
        raw = json.loads(english.with_name(f"{english.stem}.{suffix}.json").read_text("utf-8"))
        items = raw["items"]
    except (ValidationError, OSError, ValueError, KeyError, TypeError):
        return {}
    return dict(items) if isinstance(items, dict) else {}


def create_checklist(session: Session, loan: Loan) -> list[ClearanceItem]:
    """Give ``loan`` (just drafted, flushed) its checklist from the current template."""
    checklist = checklist_for(loan.lender.country, loan.borrower.country)
    rows = [
        ClearanceItem(
            loan_id=loan.id,
            key=item.key,
            title=item.title,
            template_version=checklist.version,
            position=position,
            can_expire=item.can_expire,
            status=PENDING,
            note="",
        )
        for position, item in enumerate(checklist.items)
    ]
    session.add_all(rows)
    session.flush()
    return rows


def loan_items(session: Session, loan_id: int) -> list[ClearanceItem]:
    return list(
        session.scalars(
            select(ClearanceItem)
            .where(ClearanceItem.loan_id == loan_id)
            .order_by(ClearanceItem.position, ClearanceItem.id)
        )
    )


def open_titles(loan: Loan) -> tuple[str, ...]:
    """The titles of ``loan``'s items still pending (a draft made before migration 0005,
    with no checklist yet: every item the template would give it)."""
    session = object_session(loan)
    rows = loan_items(session, loan.id) if session is not None else []
    if not rows and loan.status == LoanStatus.DRAFT:
        checklist = checklist_for(loan.lender.country, loan.borrower.country)
        return tuple(
            named_title(checklist.version, item.key, item.title) for item in checklist.items
        )
    return tuple(
        named_title(row.template_version, row.key, row.title)
        for row in rows
        if row.status == PENDING
    )


def loan_facts(loan: Loan) -> rules.ClearanceFacts:
    return rules.ClearanceFacts(
        number=loan.number,
        status=loan.status,
        lender_code=loan.lender.code,
        lender=loan.lender.name,
        borrower_code=loan.borrower.code,
        borrower=loan.borrower.name,
    )


def _item(ctx: Context, loan: Loan, key: str) -> ClearanceItem:
    rows = loan_items(ctx.session, loan.id)
    if not rows and loan.status == LoanStatus.DRAFT:
        rows = create_checklist(ctx.session, loan)  # drafted before migration 0005
    wanted = key.strip()
    found = next((row for row in rows if row.key == wanted), None)
    if found is None:
        raise NotFoundError(
            _domain_clearance.said(
                "Loan {number} has no clearance item '{key}' (its items: {keys}).",
                number=loan.number,
                key=wanted,
                keys=", ".join(row.key for row in rows) or "—",
            )
        )
    return found


def _require(ctx: Context, loan: Loan, *, waiving: bool) -> None:
    """The loan's state refuses as a rule, the actor's side as a permission (the role was
    checked by ``operation``), in the words of rules.py."""
    facts = loan_facts(loan)
    state = rules.clearance_state(facts)
    if state is not None:
        raise RuleViolation(state)
    side = rules.clearance_side(actor_of(ctx.person), facts, lender_only=waiving)
    if side is not None:
        raise PermissionDenied(side)


def attest_item(
    store: Store,
    actor: Actor,
    number: str,
    key: str,
    *,
    note: str = "",
    file_name: str | None = None,
    file_content: bytes | None = None,
    expires_on: date | None = None,
) -> ClearanceItem:
    """``actor`` attests item ``key`` of loan ``number``: who and when are theirs and the
    clock's; a file (its bytes read by the caller) is kept with its SHA-256. Attesting an
    attested or waived item again replaces that record (the audit trail keeps it)."""
    with operation(store, actor, "attest_clearance") as ctx:
        loan = op.loan(ctx.session, number, lock=True)
        _require(ctx, loan, waiving=False)
        item = _item(ctx, loan, key)
        cleaned_note = clean_text(note, _domain_clearance.said("note"), limit=MAX_TEXT)
        if (file_name is None) != (file_content is None):
            raise ValidationError(
                _domain_clearance.said("An attached file needs both its name and its content.")
            )
        if file_name is not None and file_content is not None:
            name = clean_text(
                Path(file_name).name, _domain_clearance.said("file name"), required=True, limit=255
            )
            if not file_content:
                raise ValidationError(
                    _domain_clearance.said("The file {name} is empty.", name=name)
                )
            if len(file_content) > MAX_FILE_BYTES:
                raise ValidationError(
                    _domain_clearance.said(
                        "The file {name} is larger than {limit} MB.",
                        name=name,
                        limit=MAX_FILE_BYTES // (1024 * 1024),
                    )
                )
        if expires_on is not None:
            if not item.can_expire:
                raise ValidationError(
                    _domain_clearance.said(
                        "The clearance item '{title}' has no expiry date.",
                        title=named_title(item.template_version, item.key, item.title),
                    )
                )
            if expires_on <= ctx.now.date():
                raise ValidationError(
                    _domain_clearance.said(
                        "The expiry date {date} has passed already.", date=expires_on.isoformat()
                    )
                )
        item.status = ATTESTED
        item.attested_by_id, item.attested_at = ctx.person.id, ctx.now
        item.note = cleaned_note
        if file_name is not None and file_content is not None:
            item.file_name = Path(file_name).name.strip()
            item.file_sha256 = hashlib.sha256(file_content).hexdigest()
            item.file_content = file_content
        item.expires_on = expires_on
        item.waived_by_id = item.waived_at = item.waiver_reason = None
        ctx.session.flush()
        return item


def waive_item(store: Store, actor: Actor, number: str, key: str, *, reason: str) -> ClearanceItem:
    """A curator of the lender waives item ``key`` of loan ``number``, with a reason."""
    with operation(store, actor, "waive_clearance") as ctx:
        loan = op.loan(ctx.session, number, lock=True)
        _require(ctx, loan, waiving=True)
        item = _item(ctx, loan, key)
        item.waiver_reason = clean_reason(reason, _domain_clearance.said("reason for the waiver"))
        item.status = WAIVED
        item.waived_by_id, item.waived_at = ctx.person.id, ctx.now
        ctx.session.flush()
        return item


def attest_open_items(store: Store, actor: Actor, number: str, *, note: str) -> int:
    """Attest every pending item of loan ``number`` at once, with one note (the demo data,
    scripted journeys and imports of clearances recorded on paper); how many it attested."""
    with operation(store, actor, "attest_clearance") as ctx:
        loan = op.loan(ctx.session, number, lock=True)
        _require(ctx, loan, waiving=False)
        rows = loan_items(ctx.session, loan.id)
        if not rows and loan.status == LoanStatus.DRAFT:
            rows = create_checklist(ctx.session, loan)
        cleaned = clean_text(note, _domain_clearance.said("note"), limit=MAX_TEXT)
        pending = [row for row in rows if row.status == PENDING]
        for row in pending:
            row.status, row.note = ATTESTED, cleaned
            row.attested_by_id, row.attested_at = ctx.person.id, ctx.now
        return len(pending)
