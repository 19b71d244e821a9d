"""Which languages a partner institution's documents print in, remembered per institution.

A document (agreement, custody form, manifest, labels) prints in English, in Chinese, or in
both as parallel text. The choice is made per document and remembered for the partner it is
addressed to (``institutions.document_languages``: "en", "zh" or "en,zh"), so the next
document for that partner comes in the same languages without being asked again. The
choice is presentation only: a signature is bound to a loan's or a transfer's content
(signed_content.py), never to the language its document was printed in.

The value is local to this installation: it is not part of the institution's exchanged
record (exchange/records.py), as each installation prints for its own readers.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from .errors import ValidationError
from .installation import home_institution
from .models import Aliquot, Institution, Loan
from .numbering import normalize
from .operation import institution, operation, transfer
from .permissions import Actor
from .store import Store
from .wording import Words

_domain_document_languages = Words("_domain_document_languages")

# A language as the documents name it, and how a person reads its name.
LANGUAGE_NAMES = {"en": "English", "zh": "Chinese (简体中文)"}
Languages = tuple[str, ...]
ENGLISH: Languages = ("en",)
CHINESE: Languages = ("zh",)
BOTH: Languages = ("en", "zh")
# the three choices, in the order a menu offers them
CHOICES: tuple[Languages, ...] = (ENGLISH, CHINESE, BOTH)
DEFAULT = ENGLISH


def parse_languages(text: str) -> Languages:
    """'en', 'zh' or 'en,zh' (spaces and case ignored; 'zh,en' is the same choice as
    'en,zh': parallel text always sets English first) as a ``Languages`` value."""
    codes = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [code for code in codes if code not in LANGUAGE_NAMES]
    if not codes or unknown or len(set(codes)) != len(codes):
        raise ValidationError(
            _domain_document_languages.said(
                "'{text}' is not a choice of document languages: use en, zh or en,zh.",
                text=text,
            )
        )
    return tuple(code for code in LANGUAGE_NAMES if code in codes)


def languages_text(languages: Languages) -> str:
    """The stored and printed form: 'en', 'zh' or 'en,zh'."""
    return ",".join(parse_languages(",".join(languages)))


def document_languages(store: Store, code: str) -> Languages:
    """The languages remembered for the institution ``code`` (English when none was set)."""
    with store.read() as session:
        return _remembered(institution(session, code).document_languages)


def languages_by_institution(store: Store) -> dict[str, Languages]:
    """Every institution's remembered languages, by code (for a list or a menu)."""
    with store.read() as session:
        rows = session.execute(select(Institution.code, Institution.document_languages))
        return {code: _remembered(text) for code, text in rows}


def set_document_languages(
    store: Store, actor: Actor, code: str, languages: Languages
) -> Languages:
    """Remember ``languages`` for the institution ``code``; an administrator or a curator
    may (the audit trail records the change like any other)."""
    chosen = parse_languages(",".join(languages))
    with operation(store, actor, "choose_document_languages") as ctx:
        row = institution(ctx.session, code)
        row.document_languages = languages_text(chosen)
    return chosen


# ---------------------------------------------------------------- whose choice a document follows


def loan_partner(store: Store, loan_number: str) -> str:
    """An agreement is for its borrower."""
    with store.read() as session:
        row = session.scalars(select(Loan).where(Loan.number == normalize(loan_number))).first()
        return row.borrower.code if row is not None else ""


def transfer_partner(store: Store, number: str) -> str:
    """A package's papers are for the partner at its other end: the receiver, or the sender
    of a package coming home ('' for a move within this installation)."""
    with store.read() as session:
        row = transfer(session, number)
        home = home_institution(session)
        home_id = home.id if home is not None else None
        for side in (row.to_institution, row.from_institution):
            if side.id != home_id:
                return side.code
        return ""


def aliquots_partner(store: Store, numbers: Iterable[str]) -> str:
    """Labels or an aliquot's form are for the borrower of the loan the aliquots are on, or
    for the partner holding them; '' when they are for several partners or none."""
    with store.read() as session:
        rows = session.scalars(
            select(Aliquot).where(Aliquot.number.in_({normalize(n) for n in numbers}))
        ).all()
        borrowers = {row.loan_id for row in rows}
        if len(borrowers) == 1 and None not in borrowers:
            loan = session.get(Loan, borrowers.pop())
            return loan.borrower.code if loan is not None else ""
        return _one_partner(session, {row.custodian_institution_id for row in rows})


def _one_partner(session: Session, institution_ids: set[int | None]) -> str:
    home = home_institution(session)
    others = institution_ids - {None, home.id if home is not None else None}
    if len(others) != 1:
        return ""
    row = session.get(Institution, others.pop())
    return row.code if row is not None else ""


def languages_for(store: Store, partner: str) -> Languages:
    """What a document for ``partner`` prints in when nobody chose: that partner's
    remembered languages, or English ('' no partner)."""
    return document_languages(store, partner) if partner else DEFAULT


def _remembered(text: str | None) -> Languages:
    try:
        return parse_languages(text or "")
    except ValidationError:  # never set, or set outside the program to nonsense
        return DEFAULT
