"""How each record travels in an exchange file: its fields, named by UUID, never by a local
id; times as RFC 3339 UTC text with microseconds, dates as ISO dates, bytes as base64.

One table (``SPECS``) says it for every kind of record, so writing a record and reading it
back are the same definition read both ways.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from ..domain.models import (
    Aliquot,
    Base,
    Certificate,
    CustodyEvent,
    Discrepancy,
    Institution,
    Inventory,
    InventoryLine,
    Loan,
    LoanItem,
    LoanReceiver,
    Person,
    Sample,
    Signature,
    Transfer,
    TransferItem,
    TransferLeg,
)
from ..domain.wording import Said, Words, counted
from ..trust.statements import utc_text

_domain_exchange_records = Words("_domain_exchange_records")


class FieldError(ValueError):
    """A field of the wrong type or form."""


@dataclass(frozen=True)
class Field:
    name: str  # in the file
    column: str  # on the model
    kind: str  # text | int | bool | time | date | bytes | ref
    target: type[Base] | None = None  # what a ref points at
    optional: bool = True


def _f(name: str, kind: str = "text", column: str = "", target: type[Base] | None = None) -> Field:
    return Field(name, column or name, kind, target)


def _ref(name: str, column: str, target: type[Base]) -> Field:
    return Field(name, column, "ref", target)


# The section of the file each kind of record travels in, in the order they are applied
# (a record only points at records of earlier sections, or of its own).
SECTIONS: dict[str, type[Base]] = {
    "institutions": Institution,
    "people": Person,
    "certificates": Certificate,
    "samples": Sample,
    "aliquots": Aliquot,
    "loans": Loan,
    "loan_items": LoanItem,
    "loan_receivers": LoanReceiver,  # the loan's authorised receivers (domain/receivers.py)
    "transfers": Transfer,
    "transfer_items": TransferItem,
    "transfer_legs": TransferLeg,
}
# after the events, which they may point at
LATE_SECTIONS: dict[str, type[Base]] = {
    "discrepancies": Discrepancy,
    # a borrower's annual inventories (domain/inventory.py): their lines name its events
    "inventories": Inventory,
    "inventory_lines": InventoryLine,
    "signatures": Signature,
}

# One record of each section, as people count them ("1 loan item", "2 courier legs").
SECTION_NOUNS: dict[str, str] = {
    "institutions": "institution",
    "people": "person",
    "certificates": "certificate",
    "samples": "sample",
    "aliquots": "aliquot",
    "loans": "loan",
    "loan_items": "loan item",
    "loan_receivers": "authorised receiver",
    "transfers": "transfer",
    "transfer_items": "transfer item",
    "transfer_legs": "courier leg",
    "discrepancies": "discrepancy",
    "inventories": "inventory",
    "inventory_lines": "inventory line",
    "signatures": "signature",
}


def counted_records(counts: dict[str, int]) -> str:
    """'2 aliquots, 1 loan, 3 signatures' (sections counted none are left out): a ``Said``
    the window translates, each count with its noun ('' when nothing was counted)."""
    listed: str = ""
    for section, number in counts.items():
        if not number:
            continue
        item = counted_section(section, number)
        listed = (
            _domain_exchange_records.said("{records}, {record}", records=listed, record=item)
            if listed
            else item
        )
    return listed


def counted_section(section: str, number: int) -> str:
    """'1 loan item', '2 courier legs': one sentence per section and number, as
    ``counted`` writes them (a section this program does not know stays English)."""
    count = f"{number:,}"
    if section == "institutions":
        return (
            _domain_exchange_records.said("{count} institution", count=count)
            if number == 1
            else _domain_exchange_records.said("{count} institutions", count=count)
        )
    if section == "people":
        return (
            _domain_exchange_records.said("{count} person", count=count)
            if number == 1
            else _domain_exchange_records.said("{count} people", count=count)
        )
    if section == "certificates":
        return (
            _domain_exchange_records.said("{count} certificate", count=count)
            if number == 1
            else _domain_exchange_records.said("{count} certificates", count=count)
        )
    if section == "samples":
        return (
            _domain_exchange_records.said("{count} sample", count=count)
            if number == 1
            else _domain_exchange_records.said("{count} samples", count=count)
        )
    if section == "aliquots":
        return (
            _domain_exchange_records.said("{count} aliquot", count=count)
            if number == 1
            else _domain_exchange_records.said("{count} aliquots", count=count)
        )
    if section == "loans":
        return (
            _domain_exchange_records.said("{count} loan", count=count)
            if number == 1
            else _domain_exchange_records.said("{count} loans", count=count)
        )
    if section == "loan_items":
        return (
            _domain_exchange_records.said("{count} loan item", count=count)
            if number == 1
            else _domain_exchange_records.said("{count} loan items", count=count)
        )
    if section == "transfers":
        return (
            _domain_exchange_records.said("{count} transfer", count=count)
            if number == 1
            else _domain_exchange_records.said("{count} transfers", count=count)
        )
    if section == "transfer_items":
        return (
            _domain_exchange_records.said("{count} transfer item", count=count)
            if number == 1
            else _domain_exchange_records.said("{count} transfer items", count=count)
        )
    if section == "transfer_legs":
        return (
            _domain_exchange_records.said("{count} courier leg", count=count)
            if number == 1
            else _domain_exchange_records.said("{count} courier legs", count=count)
        )
    if section == "discrepancies":
        return (
            _domain_exchange_records.said("{count} discrepancy", count=count)
            if number == 1
            else _domain_exchange_records.said("{count} discrepancies", count=count)
        )
    if section == "signatures":
        return (
            _domain_exchange_records.said("{count} signature", count=count)
            if number == 1
            else _domain_exchange_records.said("{count} signatures", count=count)
        )
    if section == "loan_receivers":
        return (
            _domain_exchange_records.said("{count} authorised receiver", count=count)
            if number == 1
            else _domain_exchange_records.said("{count} authorised receivers", count=count)
        )
    return counted(number, SECTION_NOUNS.get(section, section.replace("_", " ")))


SPECS: dict[type[Base], tuple[Field, ...]] = {
    Institution: (
        _f("code"),
        _f("name"),
        _f("local_name"),
        _f("country"),
        _f("address"),
        _f("kind"),
        _f("active", "bool"),
    ),
    Person: (
        _ref("institution", "institution_id", Institution),
        _f("username"),
        _f("full_name"),
        _f("local_name"),
        _f("email"),
        _f("roles"),
        _f("active", "bool"),
    ),
    Certificate: (
        _f("kind"),
        _ref("institution", "institution_id", Institution),
        _ref("person", "person_id", Person),
        _f("certificate_pem"),
        _f("endorsement"),
        _f("retired_at", "time"),
        _f("revoked_at", "time"),
        _f("revocation_reason"),
        _f("revocation_signature"),
    ),
    Sample: (
        _f("number"),
        _f("scheme"),
        _ref("owner", "owner_institution_id", Institution),
        _f("mission"),
        _f("station"),
        _f("landmark"),
        _f("collection_container"),
        _f("sample_type"),
        _f("sample_subtype"),
        _f("description"),
        _f("original_mass_ug", "int"),
        _f("registered_at", "time"),
        _ref("registered_by", "registered_by_id", Person),
    ),
    Aliquot: (
        _f("number"),
        _ref("sample", "sample_id", Sample),
        _ref("parent", "parent_id", Aliquot),
        _f("form"),
        _f("container"),
        _f("seal_number"),
        _f("created_at", "time"),
    ),
    Loan: (
        _f("number"),
        _ref("lender", "lender_institution_id", Institution),
        _ref("borrower", "borrower_institution_id", Institution),
        _ref("principal_investigator", "principal_investigator_id", Person),
        _f("co_investigators"),
        _f("purpose"),
        _f("starts_on", "date"),
        _f("due_on", "date"),
        _f("destructive_analysis_allowed", "bool"),
        _f("notes"),
        _f("status"),
        _f("extension_count", "int"),
        _f("created_at", "time"),
        _ref("created_by", "created_by_id", Person),
        _f("approved_at", "time"),
        _f("countersigned_at", "time"),
        _f("closed_at", "time"),
    ),
    LoanItem: (
        _ref("loan", "loan_id", Loan),
        _ref("aliquot", "aliquot_id", Aliquot),
        _ref("parent_item", "parent_item_id", LoanItem),
        _f("mass_at_loan_ug", "int"),
        _f("added_at", "time"),
        _f("shipped_mass_ug", "int"),
        _f("shipped_at", "time"),
        _f("returned_mass_ug", "int"),
        _f("returned_at", "time"),
    ),
    LoanReceiver: (
        _ref("loan", "loan_id", Loan),
        _ref("person", "person_id", Person),
        _f("function"),
        _f("added_at", "time"),
        _ref("added_by", "added_by_id", Person),
        _f("removed_at", "time"),
        _ref("removed_by", "removed_by_id", Person),
    ),
    Transfer: (
        _f("number"),
        _f("kind"),
        _ref("loan", "loan_id", Loan),
        _ref("from_institution", "from_institution_id", Institution),
        _ref("to_institution", "to_institution_id", Institution),
        _ref("sender", "sender_id", Person),
        _ref("receiver", "receiver_id", Person),
        _ref("courier", "courier_id", Person),
        _f("container"),
        _f("seal_number"),
        _f("status"),
        _f("notes"),
        _f("prepared_at", "time"),
        _f("released_at", "time"),
        _f("received_at", "time"),
        _ref("received_by", "received_by_id", Person),
    ),
    TransferItem: (
        _ref("transfer", "transfer_id", Transfer),
        _ref("aliquot", "aliquot_id", Aliquot),
        _f("expected_mass_ug", "int"),
        _f("measured_mass_ug", "int"),
    ),
    TransferLeg: (
        _ref("transfer", "transfer_id", Transfer),
        _f("seq", "int"),
        _ref("courier", "courier_id", Person),
        _ref("handed_over_by", "handed_over_by_id", Person),
        _f("started_at", "time"),
        _f("ended_at", "time"),
    ),
    Discrepancy: (
        _ref("transfer", "transfer_id", Transfer),
        _ref("aliquot", "aliquot_id", Aliquot),
        _f("kind"),
        _f("expected_mass_ug", "int"),
        _f("measured_mass_ug", "int"),
        _f("note"),
        _f("photo", "bytes"),
        _f("raised_at", "time"),
        _ref("raised_by", "raised_by_id", Person),
        _f("resolved_at", "time"),
        _ref("resolved_by", "resolved_by_id", Person),
        _f("resolution"),
        _f("resolution_note"),
        _ref("resolution_event", "resolution_event_id", CustodyEvent),
    ),
    Inventory: (
        _f("number"),
        _ref("loan", "loan_id", Loan),
        _f("due_on", "date"),
        _f("started_at", "time"),
        _ref("started_by", "started_by_id", Person),
        _f("status"),
        _f("certified_at", "time"),
        _ref("certified_by", "certified_by_id", Person),
        _f("note"),
    ),
    InventoryLine: (
        _ref("inventory", "inventory_id", Inventory),
        _ref("aliquot", "aliquot_id", Aliquot),
        _f("scanned_number"),
        _f("expected", "bool"),
        _f("outcome"),
        _f("measured_mass_ug", "int"),
        _f("checked_at", "time"),
        _ref("checked_by", "checked_by_id", Person),
        _f("note"),
        _f("resolution"),
        _ref("resolution_event", "resolution_event_id", CustodyEvent),
        _ref("event", "event_id", CustodyEvent),
    ),
    Signature: (
        _ref("person", "person_id", Person),
        _f("printed_name"),
        _f("institution_name"),
        _f("meaning"),
        _f("signed_at", "time"),
        _f("method"),
        _f("record_type"),
        _f("record_number"),
        _f("content_hash"),
        _f("drawing_png", "bytes"),
        _ref("certificate", "certificate_id", Certificate),
        _f("crypto_signature"),
    ),
}

# Records without a UUID of their own are named by their parent and a field.
NATURAL_KEYS: dict[type[Base], tuple[str, str]] = {
    TransferItem: ("transfer", "aliquot"),
    TransferLeg: ("transfer", "seq"),
}
# Certificates are named by fingerprint (a partner's certificate is stored under a UUID of
# our own); every other record by its UUID.
SIGNED_RECORD_TYPES: dict[str, type[Base]] = {
    "loan": Loan,
    "transfer": Transfer,
    "discrepancy": Discrepancy,
    "inventory": Inventory,
}

RefName = Callable[[type[Base], int], str]


def as_object(value: Any) -> dict[str, Any]:
    """A JSON object of the file, or an empty one where the file holds something else."""
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def key_of(model: type[Base], row: Any) -> str:
    """How a record is named across installations."""
    if model is Certificate:
        return str(row.fingerprint)
    return str(row.uuid)


def encode(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "time":
        return utc_text(value)
    if kind == "date":
        return value.isoformat()
    if kind == "bytes":
        return base64.b64encode(value).decode("ascii")
    if kind == "bool":
        return bool(value)
    return value


# A time as trust.statements.utc_text writes it; any other form strptime reads as before.
_PLAIN_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z")


def decode(field: Field, value: Any) -> Any:
    """A field's value as the model holds it, or FieldError saying what is wrong."""
    if value is None:
        return None
    kind = field.kind
    if kind in ("text", "ref"):
        if not isinstance(value, str):
            raise FieldError(
                _domain_exchange_records.said("{field} must be text", field=field.name)
            )
        if len(value) > 100_000:
            raise FieldError(_domain_exchange_records.said("{field} is too long", field=field.name))
        return value
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            raise FieldError(
                _domain_exchange_records.said("{field} must be a whole number", field=field.name)
            )
        if not -(2**62) < value < 2**62:
            raise FieldError(
                _domain_exchange_records.said("{field} is out of range", field=field.name)
            )
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise FieldError(
                _domain_exchange_records.said("{field} must be true or false", field=field.name)
            )
        return value
    if not isinstance(value, str):
        raise FieldError(_domain_exchange_records.said("{field} must be text", field=field.name))
    try:
        if kind == "time":
            if not value.endswith("Z"):
                raise ValueError
            if _PLAIN_TIME.fullmatch(value):  # what we write: fromisoformat, ten times faster
                return datetime.fromisoformat(value[:-1]).replace(tzinfo=UTC)
            return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
        if kind == "date":
            return date.fromisoformat(value)
        if kind == "bytes":
            return base64.b64decode(value, validate=True)
    except (ValueError, binascii.Error):
        raise FieldError(_not_valid(field.name, kind, repr(value[:40]))) from None
    raise FieldError(
        _domain_exchange_records.said("{field}: unknown kind {kind}", field=field.name, kind=kind)
    )


def _not_valid(name: str, kind: str, shown: str) -> Said:
    """A time, date or bytes field that does not read as one: one sentence per kind."""
    if kind == "time":
        return _domain_exchange_records.said(
            "{field} is not a valid time: {value}", field=name, value=shown
        )
    if kind == "date":
        return _domain_exchange_records.said(
            "{field} is not a valid date: {value}", field=name, value=shown
        )
    return _domain_exchange_records.said(
        "{field} is not a valid bytes: {value}", field=name, value=shown
    )


def to_dict(model: type[Base], row: Any, ref: RefName) -> dict[str, Any]:
    """A record as it travels: ``ref(model, id)`` names what it points at."""
    data: dict[str, Any] = {}
    if model not in NATURAL_KEYS:
        data["uuid" if model is not Certificate else "fingerprint"] = key_of(model, row)
    for field in SPECS[model]:
        value = getattr(row, field.column)
        if field.kind == "ref":
            assert field.target is not None
            data[field.name] = None if value is None else ref(field.target, value)
        else:
            data[field.name] = encode(field.kind, value)
    if model is Signature:
        target = SIGNED_RECORD_TYPES.get(row.record_type)
        data["record"] = ref(target, row.record_id) if target else None
    return data
