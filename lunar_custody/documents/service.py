"""Write a document: read its content, number it, draw it, sign it, record its SHA-256.

The GUI and the command line call these functions; each returns what was written. What a
document prints is read by the domain (queries: typed read models); this package lays it out.

Each prints in the ``languages`` asked for (English, Chinese or both, wording.py), else in
those remembered for the partner it is for (domain/document_languages.py); a GUI asks
``document_languages.languages_for`` with the ``*_partner`` functions there to preselect its
choice. The language is presentation only: it is part of the printed content the QR code's
hash covers, never of what a signature on the loan or transfer is bound to.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain import anchors, queries
from ..domain import document_languages as chosen_languages
from ..domain import documents as register
from ..domain.anchors import ChainHeads
from ..domain.errors import ValidationError
from ..domain.identity import content_hash
from ..domain.permissions import Actor
from ..domain.queries.inventories import inventory_certificate_data
from ..domain.store import Store
from ..whole_files import writing_whole
from .content import content_dict
from .layout import DocumentInfo
from .signing import sign_document
from .wording import ENGLISH, Languages, Words, parse_languages


@dataclass(frozen=True)
class GeneratedDocument:
    number: str
    kind: str
    path: Path
    sha256: str  # of the signed file, as recorded
    content_hash: str  # of the printed content, as in the QR code
    pages: int
    heads: ChainHeads  # the ledger head it carries (QR code and metadata)
    signer_fingerprint: str  # the institution certificate that signed it
    languages: Languages = ENGLISH  # what its headings, labels and terms print in


def _languages(store: Store, asked: Languages | None, partner: str) -> Languages:
    """``asked``, else what is remembered for ``partner`` (English when nothing is)."""
    if asked is not None:
        return parse_languages(",".join(asked))
    return chosen_languages.languages_for(store, partner)


def _write(
    store: Store,
    actor: Actor | None,
    *,
    kind: str,
    record_type: str,
    record_number: str | None,
    title: str,
    reference: str,
    data: Any,
    printed: dict[str, Any] | None = None,
    draw: Callable[[Any, DocumentInfo], tuple[bytes, int]],
    path: Path,
    languages: Languages = ENGLISH,
    printed_reference: str = "",
) -> GeneratedDocument:
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise ValidationError(f"{path.name} does not end in .pdf.")
    if not path.parent.is_dir():
        raise ValidationError(f"There is no folder {path.parent} to write {path.name} in.")
    # Refused before anything is drawn if this computer cannot sign (KeyUnavailable).
    seal = anchors.document_seal(store)
    number = register.new_number(kind)
    if languages != ENGLISH:
        # what it prints in is printed content; an English document's content (and so its
        # hash) is as it was before documents had a language
        printed = (printed or {}) | {"languages": list(languages)}
    digest = content_hash(content_dict(kind, number, data, printed))
    info = DocumentInfo(
        number, kind, title, reference, digest, seal.heads, languages, printed_reference
    )
    drawn, pages = draw(data, info)
    pdf = sign_document(drawn, seal.key, reason=f"{title} {number}, {reference}")
    sha256 = hashlib.sha256(pdf).hexdigest()
    # The file appears complete or not at all; it is recorded before it appears, so a file
    # that exists is always one verify-pdf knows.
    # (whole_files: a partial file, readable like any document, renamed into place; what a
    # killed run left is removed by the next one)
    with writing_whole(path, overwrite=True) as partial:
        partial.write_bytes(pdf)
        register.record_document(
            store,
            actor,
            number=number,
            kind=kind,
            record_type=record_type,
            record_number=record_number,
            sha256=sha256,
            filename=path.name,
        )
    return GeneratedDocument(
        number, kind, path, sha256, digest, pages, seal.heads, seal.key.fingerprint, languages
    )


def write_agreement(
    store: Store,
    actor: Actor | None,
    loan: str,
    path: Path,
    *,
    languages: Languages | None = None,
) -> GeneratedDocument:
    """The loan agreement of ``loan``, written to ``path`` and recorded; in ``languages``,
    else those remembered for its borrower. In Chinese it prints the terms' translation
    (terms.py) and says that the English text governs."""
    from .agreement import render_agreement
    from .terms import agreement_terms, translated_terms

    data = queries.agreement_data(store, loan)
    languages = _languages(store, languages, data.borrower.code)
    terms = agreement_terms(data)
    translation = translated_terms(data, "zh") if "zh" in languages else None
    printed: dict[str, Any] = {"terms": terms}
    if translation is not None:
        printed["terms_translation"] = translation
    return _write(
        store,
        actor,
        kind="agreement",
        record_type="loan",
        record_number=data.loan_number,
        title="Loan agreement",
        reference=f"Agreement {data.loan_number}",
        data=data,
        printed=printed,
        draw=lambda d, info: render_agreement(d, terms, info, translation),
        path=path,
        languages=languages,
        printed_reference=f"{Words(languages).inline('Agreement')} {data.loan_number}",
    )


def write_custody_form(
    store: Store,
    actor: Actor | None,
    path: Path,
    *,
    transfer: str | None = None,
    aliquot: str | None = None,
    blank: bool = False,
    languages: Languages | None = None,
) -> GeneratedDocument:
    """The chain-of-custody form of a transfer or of one aliquot's whole history; in
    ``languages``, else those remembered for the partner it is for."""
    from .custody_form import render_custody_form

    if (transfer is None) == (aliquot is None):
        raise ValidationError("A custody form is for one transfer or for one aliquot.")
    receiver = ""
    stand_in: queries.StandIn | None = None
    lent_to: tuple[str, str] | None = None
    timeline: queries.CustodyTimeline | None = None
    flow: queries.MassFlow | None = None
    if transfer is not None:
        data = queries.transfer_form_data(store, transfer, blank=blank)
        record_type, number = "transfer", data.transfer_number
        reference = f"Transfer {number}"
        # the person the package is addressed to, as the manifest names them
        receiver = queries.manifest_data(store, transfer).receiver
        # a co-official who received it while the addressee was away is named beside them
        stand_in = queries.received_instead(store, transfer)
        partner = chosen_languages.transfer_partner(store, transfer)
    else:
        assert aliquot is not None
        data = queries.aliquot_form_data(store, aliquot, blank=blank)
        record_type, number = "aliquot", data.items[0].number
        reference = f"Aliquot {number}"
        partner = chosen_languages.aliquots_partner(store, [number])
        if data.loan_number:
            # who the aliquot is lent to: the loan's principal investigator and borrower
            (loan,) = queries.loans(store, number=data.loan_number)
            lent_to = (loan.principal_investigator, loan.borrower)
        if not blank:  # its custody as pictures; a blank form is for ink
            timeline = queries.custody_timeline(store, aliquot)
            flow = queries.aliquot_mass_flow(store, aliquot)
    pictures = (timeline, flow)
    languages = _languages(store, languages, partner)
    kind_word, _, _ = reference.partition(" ")
    return _write(
        store,
        actor,
        kind="custody_form",
        record_type=record_type,
        record_number=number,
        title="Chain-of-custody form",
        reference=reference,
        data=data,
        printed={"receiver": receiver, "lent_to": lent_to, "timeline": timeline, "mass_flow": flow}
        | ({"received_by": stand_in} if stand_in else {}),
        draw=lambda d, info: render_custody_form(
            d, info, receiver=receiver, lent_to=lent_to, pictures=pictures, stand_in=stand_in
        ),
        path=path,
        languages=languages,
        printed_reference=f"{Words(languages).inline(kind_word)} {number}",
    )


def write_manifest(
    store: Store,
    actor: Actor | None,
    transfer: str,
    path: Path,
    *,
    languages: Languages | None = None,
) -> GeneratedDocument:
    """The packing list of a package; in ``languages``, else those remembered for the
    partner at its other end."""
    from .manifest import render_manifest

    data = queries.manifest_data(store, transfer)
    languages = _languages(store, languages, chosen_languages.transfer_partner(store, transfer))
    return _write(
        store,
        actor,
        kind="manifest",
        record_type="transfer",
        record_number=data.transfer_number,
        title="Manifest (packing list)",
        reference=f"Transfer {data.transfer_number}",
        data=data,
        draw=render_manifest,
        path=path,
        languages=languages,
        printed_reference=f"{Words(languages).inline('Transfer')} {data.transfer_number}",
    )


def write_return_accounting(
    store: Store,
    actor: Actor | None,
    loan: str,
    path: Path,
    *,
    languages: Languages | None = None,
) -> GeneratedDocument:
    """A loan's return accounting (form F-75) from the ledger; in ``languages``, else the
    borrower's remembered ones."""
    from .return_accounting import render_return_accounting

    data = queries.loan_return_accounting(store, loan)
    languages = _languages(store, languages, chosen_languages.loan_partner(store, loan))
    return _write(
        store,
        actor,
        kind="return_accounting",
        record_type="loan",
        record_number=data.loan_number,
        title="Return accounting (form F-75)",
        reference=f"Loan {data.loan_number}",
        data=data,
        draw=render_return_accounting,
        path=path,
        languages=languages,
        printed_reference=f"{Words(languages).inline('Loan')} {data.loan_number}",
    )


def write_inventory_certificate(
    store: Store,
    actor: Actor | None,
    number: str,
    path: Path,
    *,
    languages: Languages | None = None,
) -> GeneratedDocument:
    """The certificate of inventory ``number``, written to ``path``, signed and recorded; in
    ``languages``, else those remembered for the loan's borrower."""
    from .inventory import render_certificate

    data = inventory_certificate_data(store, number)
    languages = _languages(
        store, languages, chosen_languages.loan_partner(store, data.inventory.loan_number)
    )
    return _write(
        store,
        actor,
        kind="inventory_certificate",
        record_type="inventory",
        record_number=data.inventory.number,
        title="Inventory certificate",
        reference=f"Inventory {data.inventory.number}",
        data=data,
        draw=render_certificate,
        path=path,
        languages=languages,
        printed_reference=f"{Words(languages).inline('Inventory')} {data.inventory.number}",
    )


def write_labels(
    store: Store,
    actor: Actor | None,
    numbers: list[str],
    path: Path,
    *,
    layout: str = "roll",
    job_label: bool = False,
    languages: Languages | None = None,
) -> GeneratedDocument:
    """Labels for aliquots: ``layout`` 'roll' (2 x 1 inch, one a page) or 'a4' (a sheet);
    ``job_label`` starts a roll with a label naming the document (its QR code); in
    ``languages``, else those remembered for the partner the aliquots are lent to."""
    from .labels import LAYOUTS, render_labels

    if layout not in LAYOUTS:
        raise ValidationError(f"Labels come as {' or '.join(LAYOUTS)}, not '{layout}'.")
    data = queries.label_data(store, numbers)
    count = len(data)
    languages = _languages(
        store, languages, chosen_languages.aliquots_partner(store, [d.number for d in data])
    )
    return _write(
        store,
        actor,
        kind="labels",
        record_type="aliquots",
        record_number=None,
        title="Aliquot labels",
        reference=f"{count} label{'s' if count != 1 else ''}",
        data=data,
        draw=lambda d, info: render_labels(d, info, layout, job_label=job_label),
        path=path,
        languages=languages,
        printed_reference=Words(languages).counted(count, "label"),
    )
