"""Importing an exchange file: checked, all or nothing, idempotent.

The file's signature must be a trusted partner's institution key, addressed to us, next in
the order the partner numbers its files to us. Then every record and event is checked for
the sender's authority (DESIGN.md "Between installations": a borrower reports the receipt
of a package addressed to it and what happens to what it holds; only the lender changes a
loan's terms), and applied as the same act recorded here would be: events are appended to
our ledger by ``Ledger.append`` (so ``apply_event``, the one definition of an event, judges
each), carrying their origin. Anything refused refuses the whole file, with every reason
and the record it concerns; nothing is written.

``check_exchange`` does all of it and rolls back: the preview of what an import would add.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.anchors import ChainHeads, head_problems
from ..domain.audit import audit_text
from ..domain.custody import RESOLUTIONS
from ..domain.errors import CustodyError, RuleViolation, ValidationError
from ..domain.identity import PASSWORD, PIN, SIGNATURE_MEANINGS
from ..domain.installation import home_institution
from ..domain.keys import INSTITUTION, PARTNER, PERSON, revocation_statement, signature_statement
from ..domain.ledger import Ledger
from ..domain.models import (
    Aliquot,
    AuditEntry,
    Base,
    Certificate,
    CustodyEvent,
    Discrepancy,
    EventOrigin,
    ExchangeFile,
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
from ..domain.operation import Context, operation
from ..domain.origins import (
    REF_NAMES,
    RefReader,
    event_statement,
    origin_signature_holds,
)
from ..domain.permissions import Actor, parse_roles
from ..domain.receivers import may_have_received
from ..domain.states import EventKind, InstitutionKind, LoanStatus, TransferKind, TransferStatus
from ..domain.store import Store
from ..domain.wording import Said, Words
from ..trust import keys as trust_keys
from ..trust.statements import signature_holds
from .export import RECEIVED
from .format import KINDS, Envelope, kind_word, unpack
from .records import (
    LATE_SECTIONS,
    NATURAL_KEYS,
    SECTIONS,
    SIGNED_RECORD_TYPES,
    SPECS,
    Field,
    FieldError,
    as_object,
    counted_records,
    decode,
    key_of,
)

MAX_REASONS_SHOWN = 40

_domain_exchange_importer = Words("_domain_exchange_importer")


def _message(error: BaseException) -> str:
    """An error's sentence as it was said (a ``Said`` stays one, to be translated)."""
    said = error.args[0] if len(error.args) == 1 else None
    return said if isinstance(said, Said) else str(error)


@dataclass(frozen=True)
class Reason:
    """Why a file is refused, and the record it concerns."""

    record: str
    message: str

    def __str__(self) -> str:
        return f"{self.record}: {self.message}" if self.record else self.message

    @property
    def said(self) -> str:
        """The reason as ``str()`` gives it, its message translatable (the record's label
        stays as the file names it)."""
        if not self.record:
            return self.message
        return _domain_exchange_importer.said(
            "{record}: {message}", record=self.record, message=self.message
        )


class ExchangeRefused(ValidationError):
    """The file was refused as a whole; nothing was written."""

    def __init__(self, reasons: list[Reason], title: str = "") -> None:
        self.reasons = reasons
        shown: str = ""
        for number, reason in enumerate(reasons[:MAX_REASONS_SHOWN]):
            # one line per reason, each translated in the window
            shown = (
                _domain_exchange_importer.said("  - {reason}", reason=reason.said)
                if number == 0
                else _domain_exchange_importer.said(
                    "{reasons}\n  - {reason}", reasons=shown, reason=reason.said
                )
            )
        more = (
            _domain_exchange_importer.said(
                "\n  ... and {count} more", count=len(reasons) - MAX_REASONS_SHOWN
            )
            if len(reasons) > MAX_REASONS_SHOWN
            else ""
        )
        heading = title or _domain_exchange_importer.said("Exchange file refused")
        count = f"{len(reasons):,}"
        super().__init__(
            _domain_exchange_importer.said(
                "{title}; nothing was imported ({count} reason):\n{reasons}{more}",
                title=heading,
                count=count,
                reasons=shown,
                more=more,
            )
            if len(reasons) == 1
            else _domain_exchange_importer.said(
                "{title}; nothing was imported ({count} reasons):\n{reasons}{more}",
                title=heading,
                count=count,
                reasons=shown,
                more=more,
            )
        )

    @property
    def tampering(self) -> list[Reason]:
        """The reasons that are evidence of a rewritten ledger at the origin."""
        return [r for r in self.reasons if "evidence of tampering" in r.message]


@dataclass
class ImportReport:
    """What an import added (or, for a preview, would add)."""

    kind: str
    sender: str  # institution name
    sender_code: str
    sequence: int
    subject: str
    made_at: str
    made_by: str
    fingerprint: str
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    events_added: int = 0
    events_known: int = 0
    already_imported: bool = False
    details: list[str] = field(default_factory=list)  # one line per record or event added
    warnings: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.events_added or any(self.added.values()) or any(self.updated.values()))

    def summary(self) -> str:
        """What the import did, in one sentence built of translatable parts."""
        kind = kind_word(self.kind)
        if self.already_imported:
            return _domain_exchange_importer.said(
                "{kind} no. {number} from {sender} was imported before: nothing changed.",
                kind=kind,
                number=self.sequence,
                sender=self.sender,
            )
        parts = counted_records(self.added)
        changes = counted_records(self.updated)
        text: str = (
            _domain_exchange_importer.said(
                "{kind} no. {number} from {sender} ({subject}): {count} custody event added",
                kind=kind,
                number=self.sequence,
                sender=self.sender,
                subject=self.subject,
                count=f"{self.events_added:,}",
            )
            if self.events_added == 1
            else _domain_exchange_importer.said(
                "{kind} no. {number} from {sender} ({subject}): {count} custody events added",
                kind=kind,
                number=self.sequence,
                sender=self.sender,
                subject=self.subject,
                count=f"{self.events_added:,}",
            )
        )
        if self.events_known:
            text = _domain_exchange_importer.said(
                "{summary}, {count} already held", summary=text, count=self.events_known
            )
        if parts:
            text = _domain_exchange_importer.said(
                "{summary}; new: {records}", summary=text, records=parts
            )
        if changes:
            text = _domain_exchange_importer.said(
                "{summary}; changed: {records}", summary=text, records=changes
            )
        return _domain_exchange_importer.said("{summary}.", summary=text)


class _Rollback(Exception):
    """Ends a preview: everything it did is rolled back, the report goes out."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report


def _label(model: type[Base], data: dict[str, Any]) -> str:
    name = {
        Institution: "institution",
        Person: "person",
        Certificate: "certificate",
        Sample: "sample",
        Aliquot: "aliquot",
        Loan: "loan",
        LoanItem: "loan item",
        LoanReceiver: "authorised receiver",
        Transfer: "transfer",
        TransferItem: "transfer item",
        TransferLeg: "courier leg",
        Discrepancy: "discrepancy",
        Inventory: "inventory",
        InventoryLine: "inventory line",
        Signature: "signature",
    }[model]
    for key in ("number", "code", "username", "record_number", "seq", "fingerprint", "uuid"):
        value = data.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool):
            if model is Signature:
                return f"signature of {data.get('printed_name')} ({data.get('meaning')}) on {value}"
            return f"{name} {str(value)[:40]}"
    return name


# The column two records may not share: a new record's number taken by another record here
# is a collision of numbers made at two installations.
UNIQUE: dict[type[Base], str] = {
    Sample: "number",
    Aliquot: "number",
    Loan: "number",
    Transfer: "number",
    Institution: "code",
    Person: "username",
}

# The order a record's status moves in; a file with an earlier status than ours is stale.
_STATUS_ORDER: dict[type[Base], tuple[str, ...]] = {
    Loan: (LoanStatus.DRAFT, LoanStatus.APPROVED, LoanStatus.ACTIVE, LoanStatus.CLOSED),
    Transfer: (TransferStatus.PREPARED, TransferStatus.IN_TRANSIT, TransferStatus.RECEIVED),
}
_FINAL = (
    LoanStatus.CLOSED,
    LoanStatus.CANCELLED,
    TransferStatus.RECEIVED,
    TransferStatus.CANCELLED,
)


# The values a field may take (what the services write); anything else is refused.
CHOICES: dict[tuple[type[Base], str], frozenset[str]] = {
    (Institution, "kind"): frozenset(InstitutionKind),
    (Loan, "status"): frozenset(LoanStatus),
    (Transfer, "status"): frozenset(TransferStatus),
    (Transfer, "kind"): frozenset(TransferKind),
    (Discrepancy, "kind"): frozenset({"seal_broken", "mass"}),
    (Discrepancy, "resolution"): frozenset(RESOLUTIONS),
    (Inventory, "status"): frozenset({"open", "certified", "cancelled"}),
    (InventoryLine, "outcome"): frozenset({"pending", "found", "missing", "unexpected"}),
    (Signature, "meaning"): frozenset(SIGNATURE_MEANINGS),
    (Signature, "method"): frozenset({PASSWORD, PIN}),
    (Signature, "record_type"): frozenset(SIGNED_RECORD_TYPES),
    (Certificate, "kind"): frozenset({PERSON, INSTITUTION}),
}


def _fits(model: type[Base], spec: Field, value: Any) -> None:
    """A value the column can hold and the program writes, or FieldError."""
    column = model.__table__.columns[spec.column]
    if value is None:
        if not column.nullable:
            raise FieldError(_domain_exchange_importer.said("{field} is missing", field=spec.name))
        return
    if isinstance(value, str):
        limit = getattr(column.type, "length", None)
        if limit is not None and len(value) > limit:
            raise FieldError(
                _domain_exchange_importer.said(
                    "{field} is longer than {limit} characters", field=spec.name, limit=limit
                )
            )
        choices = CHOICES.get((model, spec.column))
        if choices is not None and value not in choices:
            raise FieldError(
                _domain_exchange_importer.said(
                    "{field} {value} is none of {choices}",
                    field=spec.name,
                    value=repr(value[:40]),
                    choices=", ".join(sorted(choices)),
                )
            )
        if model is Person and spec.column == "roles":
            try:
                parse_roles(value)
            except CustodyError as error:
                raise FieldError(_message(error)) from None
    if isinstance(value, int) and spec.name.endswith("_ug") and value < 0:
        raise FieldError(_domain_exchange_importer.said("{field} is negative", field=spec.name))


def _backwards(model: type[Base], ours: str, theirs: str) -> bool:
    if ours in _FINAL:
        return True  # nothing follows a closed, received or cancelled record
    order = _STATUS_ORDER.get(model, ())
    return ours in order and theirs in order and order.index(theirs) < order.index(ours)


def _shown(value: Any) -> str:
    text = repr(value.isoformat() if hasattr(value, "isoformat") else value)
    return text if len(text) < 60 else text[:57] + "...'"


def _natural_columns(model: type[Base]) -> tuple[str, str]:
    """The columns of a record named by its parent and a second key (NATURAL_KEYS)."""
    parent, other = NATURAL_KEYS[model]
    spec = {s.name: s for s in SPECS[model]}
    return spec[parent].column, spec[other].column


def _collision(model: type[Base], number: object) -> Said:
    """A new record's number (code, user name) that another record here has already."""
    if model is Sample:
        return _domain_exchange_importer.said(
            "this installation already has another sample with the number {number} (a "
            "different record): numbers made at two installations collide",
            number=number,
        )
    if model is Aliquot:
        return _domain_exchange_importer.said(
            "this installation already has another aliquot with the number {number} (a "
            "different record): numbers made at two installations collide",
            number=number,
        )
    if model is Loan:
        return _domain_exchange_importer.said(
            "this installation already has another loan with the number {number} (a "
            "different record): numbers made at two installations collide",
            number=number,
        )
    if model is Transfer:
        return _domain_exchange_importer.said(
            "this installation already has another transfer with the number {number} (a "
            "different record): numbers made at two installations collide",
            number=number,
        )
    if model is Institution:
        return _domain_exchange_importer.said(
            "this installation already has another institution with the code {number} (a "
            "different record): numbers made at two installations collide",
            number=number,
        )
    return _domain_exchange_importer.said(
        "this installation already has another person with the user name {number} (a "
        "different record): numbers made at two installations collide",
        number=number,
    )


class _Importer:
    def __init__(self, ctx: Context, envelope: Envelope, data: bytes) -> None:
        self.ctx = ctx
        self.envelope_bytes = data
        self.legs_changed: set[int] = set()
        # records with news not taken from this sender: their signatures wait too
        self.untaken: set[tuple[type[Base], int]] = set()
        self.reader = RefReader(ctx.session)
        self.absent: set[tuple[type[Base], str]] = set()
        self.taken: dict[type[Base], set[Any]] = {}  # unique numbers in use here
        self.session: Session = ctx.session
        self.content = envelope.content
        self.envelope = envelope
        self.reasons: list[Reason] = []
        self.home = home_institution(self.session)
        # key -> local row, for what this file creates or names
        self.found: dict[tuple[type[Base], str], Any] = {}
        # (model, parent id) -> {other key: row}: a record named by its parent and a second
        # column (NATURAL_KEYS), read once a parent and kept with what this file adds
        self.by_parent: dict[tuple[type[Base], Any], dict[Any, Any]] = {}
        # event id -> where it came from (None: recorded here), for the events this
        # installation held before the file's events were applied: read in a few queries
        self.held_origins: dict[int, EventOrigin | None] = {}
        self.report: ImportReport

    # ------------------------------------------------------------ helpers

    def refuse(self, record: str, message: str) -> None:
        self.reasons.append(Reason(record, message))

    def lookup(self, model: type[Base], key: str | None) -> Any:
        if key is None:
            return None
        cached = self.found.get((model, key))
        if cached is not None or (model, key) in self.absent:
            return cached
        column = Certificate.fingerprint if model is Certificate else model.uuid  # type: ignore[attr-defined]
        row = self.session.scalars(select(model).where(column == key)).first()
        if row is not None:
            self.found[(model, key)] = row
        return row

    def prefetch(self, model: type[Base], keys: list[Any]) -> None:
        """Look up many records in a few queries, remembering which are not here."""
        wanted = {k for k in keys if isinstance(k, str) and (model, k) not in self.found}
        column = Certificate.fingerprint if model is Certificate else model.uuid  # type: ignore[attr-defined]
        ordered = sorted(wanted)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            for row in self.session.scalars(select(model).where(column.in_(chunk))):
                self.found[(model, key_of(model, row))] = row
        self.absent.update((model, k) for k in wanted if (model, k) not in self.found)

    def _list(self, container: Any, name: str) -> list[Any]:
        value = container.get(name) if isinstance(container, dict) else None
        if value is None:
            return []
        if not isinstance(value, list):
            self.refuse("", _domain_exchange_importer.said("'{name}' is not a list", name=name))
            return []
        return value

    # ------------------------------------------------------------ the envelope

    def check_envelope(self) -> Institution | None:
        content = self.content
        kind = content.get("kind")
        sender = as_object(content.get("sender"))
        receiver = as_object(content.get("receiver"))
        sequence = content.get("sequence")
        if kind not in KINDS:
            self.refuse(
                "",
                _domain_exchange_importer.said(
                    "unknown kind of exchange file {kind}", kind=repr(kind)
                ),
            )
        if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 0:
            self.refuse("", _domain_exchange_importer.said("the file has no sequence number"))
            sequence = 0
        self.report = ImportReport(
            kind=str(kind),
            sender=str(sender.get("name", "?")),
            sender_code=str(sender.get("code", "?")),
            sequence=sequence,
            subject=str(content.get("subject", "")),
            made_at=str(content.get("made_at", "")),
            made_by=str((content.get("made_by") or {}).get("name", ""))
            if isinstance(content.get("made_by"), dict)
            else "",
            fingerprint=self.envelope.fingerprint,
        )
        if self.reasons:
            return None
        institution: Institution | None = self.lookup(Institution, sender.get("uuid"))
        short = trust_keys.short_fingerprint(self.envelope.fingerprint)
        trusted = self.session.scalars(
            select(Certificate).where(
                Certificate.fingerprint == self.envelope.fingerprint, Certificate.kind == PARTNER
            )
        ).first()
        if institution is None or trusted is None or trusted.institution_id != institution.id:
            self.refuse(
                "",
                _domain_exchange_importer.said(
                    "the file is signed by the key {key}, which is not a trusted partner's "
                    "key for {sender}: import the partner's introduction and confirm its "
                    "fingerprint first",
                    key=short,
                    sender=sender["name"],
                )
                if "name" in sender
                else _domain_exchange_importer.said(
                    "the file is signed by the key {key}, which is not a trusted partner's "
                    "key for its sender: import the partner's introduction and confirm its "
                    "fingerprint first",
                    key=short,
                ),
            )
            return None
        if trusted.revoked_at is not None:
            self.refuse(
                "",
                _domain_exchange_importer.said(
                    "the file is signed by {sender}'s key {key}, revoked on {date}: it is no "
                    "longer trusted",
                    sender=institution.name,
                    key=short,
                    date=f"{trusted.revoked_at:%Y-%m-%d}",
                ),
            )
            return None
        if self.home is None or receiver.get("uuid") != self.home.uuid:
            self.refuse(
                "",
                _domain_exchange_importer.said(
                    "the file is addressed to {receiver}, not to {us}",
                    receiver=receiver["name"]
                    if "name" in receiver
                    else _domain_exchange_importer.said("nobody"),
                    us=self.home.name
                    if self.home
                    else _domain_exchange_importer.said("this installation"),
                ),
            )
            return None
        self.sender: Institution = institution
        return self.sender

    def check_order(self) -> bool:
        """False when the file was imported before (nothing to do)."""
        sequence = self.report.sequence
        same_id = self.session.scalars(
            select(ExchangeFile).where(ExchangeFile.uuid == str(self.content.get("id")))
        ).first()
        if same_id is not None:
            if same_id.sha256 == self.envelope.sha256:
                self.report.already_imported = True
                return False
            self.refuse(
                "",
                _domain_exchange_importer.said(
                    "a different file with the same id was imported before"
                ),
            )
            return False
        previous = self.session.scalars(
            select(ExchangeFile)
            .where(
                ExchangeFile.direction == RECEIVED,
                ExchangeFile.partner_institution_id == self.sender.id,
            )
            .order_by(ExchangeFile.sequence.desc())
        ).first()
        last = previous.sequence if previous else 0
        if sequence <= last:
            self.refuse(
                "",
                _domain_exchange_importer.said(
                    "this is file no. {number} from {sender}, and file no. {number} was "
                    "imported already (a different file): a replayed or conflicting file",
                    number=sequence,
                    sender=self.sender.name,
                ),
            )
            return False
        if sequence != last + 1:
            self.refuse(
                "",
                _domain_exchange_importer.said(
                    "this is file no. {number} from {sender}; files no. {first} must be "
                    "imported first (files are imported in the order they were made)",
                    number=sequence,
                    sender=self.sender.name,
                    first=last + 1,
                )
                if sequence == last + 2
                else _domain_exchange_importer.said(
                    "this is file no. {number} from {sender}; files no. {first} to {last} "
                    "must be imported first (files are imported in the order they were made)",
                    number=sequence,
                    sender=self.sender.name,
                    first=last + 1,
                    last=sequence - 1,
                ),
            )
            return False
        heads: Any = self.content.get("sender_head")
        try:
            ledger = heads["ledger"]
            self.sender_heads = ChainHeads(
                int(ledger["seq"]),
                str(ledger["hash"]),
                int(heads["audit"]["seq"]),
                str(heads["audit"]["hash"]),
            )
        except (KeyError, TypeError, ValueError):
            self.refuse(
                "",
                _domain_exchange_importer.said("the file does not carry the sender's chain head"),
            )
            return False
        if previous is not None and (
            self.sender_heads.ledger_seq < previous.sender_seq
            or (
                self.sender_heads.ledger_seq == previous.sender_seq
                and self.sender_heads.ledger_hash != previous.sender_hash
            )
        ):
            self.refuse(
                "",
                _domain_exchange_importer.said(
                    "{sender}'s ledger head went from #{before} ({before_hash}…) to #{now} "
                    "({now_hash}…): evidence of tampering at the origin (its ledger was "
                    "rewritten)",
                    sender=self.sender.name,
                    before=previous.sender_seq,
                    before_hash=previous.sender_hash[:12],
                    now=self.sender_heads.ledger_seq,
                    now_hash=self.sender_heads.ledger_hash[:12],
                ),
            )
        return True

    # ------------------------------------------------------------ records

    def values(self, model: type[Base], data: dict[str, Any], label: str) -> dict[str, Any] | None:
        """The record's fields as the model holds them, references resolved (None: refused)."""
        values: dict[str, Any] = {}
        for spec in SPECS[model]:
            raw = data.get(spec.name)
            try:
                value = decode(spec, raw)
                _fits(model, spec, value)
            except FieldError as error:
                self.refuse(label, _message(error))
                return None
            if spec.kind == "ref" and value is not None:
                assert spec.target is not None
                target = self.lookup(spec.target, value)
                if target is None:
                    if spec.target is Aliquot and spec.name == "parent":
                        values[spec.column] = None  # held at another installation
                        continue
                    self.refuse(
                        label,
                        _domain_exchange_importer.said(
                            "{field} names a record that is neither here nor in the file",
                            field=spec.name,
                        ),
                    )
                    return None
                if target.id is None:
                    self.session.flush()  # created from this file a moment ago
                value = target.id
            values[spec.column] = value
        return values

    def sides(
        self, model: type[Base], row: Any, values: dict[str, Any]
    ) -> dict[str, set[int | None]]:
        """Which institution may set which field of this record (field -> institution ids)."""
        get = lambda name: values.get(name, getattr(row, name, None) if row else None)  # noqa: E731
        if model in (Inventory, InventoryLine):
            return self.inventory_sides(model, row, values)
        if model is Loan:
            lender, borrower = get("lender_institution_id"), get("borrower_institution_id")
            fields = {s.column: {lender} for s in SPECS[Loan]}
            fields["countersigned_at"] = {borrower}
            return fields
        if model is LoanItem:
            loan = self.session.get(Loan, get("loan_id"))
            lender = loan.lender_institution_id if loan else None
            return {s.column: {lender} for s in SPECS[LoanItem]}
        if model is LoanReceiver:
            return self.receiver_sides(get("loan_id"))
        if model in (Transfer, TransferItem, TransferLeg, Discrepancy):
            transfer = row if model is Transfer and row is not None else None
            if transfer is None:
                transfer_id = get("transfer_id")
                transfer = self.session.get(Transfer, transfer_id) if transfer_id else None
            if transfer is None:  # a new transfer
                return {s.column: {get("from_institution_id")} for s in SPECS[model]}
            source, target = transfer.from_institution_id, transfer.to_institution_id
            couriers = {transfer.courier.institution_id}
            if model is TransferLeg:
                courier = self.session.get(Person, get("courier_id"))
                if courier is not None:
                    couriers.add(courier.institution_id)
                # leg 1 starts at the sender; a later one is the couriers' (or transcribed
                # by the receiver from the paper custody form)
                return {s.column: {source} | couriers | {target} for s in SPECS[model]}
            if model is Transfer:
                fields = {s.column: {source} for s in SPECS[Transfer]}
                fields["courier_id"] = {source, target} | couriers
                for name in ("received_at", "received_by_id"):
                    fields[name] = {target}
                return fields
            if model is TransferItem:
                return {
                    "transfer_id": {source},
                    "aliquot_id": {source},
                    "expected_mass_ug": {source},
                    "measured_mass_ug": {target},
                }
            loan = transfer.loan
            lender = loan.lender_institution_id if loan else source
            fields = {s.column: {target} for s in SPECS[Discrepancy]}
            for name in ("resolved_at", "resolved_by_id", "resolution", "resolution_note",
                         "resolution_event_id"):  # fmt: skip
                fields[name] = {lender}
            return fields
        raise AssertionError(model)

    def receiver_sides(self, loan_id: int | None) -> dict[str, set[int | None]]:
        """A loan's authorised receivers are kept by its lender and its borrower alike."""
        loan = self.session.get(Loan, loan_id) if loan_id is not None else None
        both = {loan.lender_institution_id, loan.borrower_institution_id} if loan else set()
        return {s.column: set(both) for s in SPECS[LoanReceiver]}

    def receiver_refusal(self, values: dict[str, Any]) -> Said | None:
        """Why a new authorised receiver from the file is refused (None: it is taken): only
        the loan's lender or borrower names one, and only a person of the borrower."""
        loan = self.session.get(Loan, values.get("loan_id"))
        person = self.session.get(Person, values.get("person_id"))
        if loan is None or person is None:
            return _domain_exchange_importer.said("names no loan or no person")
        if self.sender.id not in (loan.lender_institution_id, loan.borrower_institution_id):
            return _domain_exchange_importer.said(
                "only the lender or the borrower names the authorised receivers of loan {loan}",
                loan=loan.number,
            )
        if person.institution_id != loan.borrower_institution_id:
            return _domain_exchange_importer.said(
                "{person} does not work at {borrower}: only its people receive its packages",
                person=person.full_name,
                borrower=loan.borrower.name,
            )
        return None

    def inventory_sides(
        self, model: type[Base], row: Any, values: dict[str, Any]
    ) -> dict[str, set[int | None]]:
        """An annual inventory and its lines are the borrower's to report, every field."""
        inventory_id = values.get("inventory_id", getattr(row, "inventory_id", None))
        inventory = (
            row
            if model is Inventory and row is not None
            else self.session.get(Inventory, inventory_id)
            if model is InventoryLine and inventory_id is not None
            else None
        )
        loan_id = inventory.loan_id if inventory is not None else values.get("loan_id")
        loan = self.session.get(Loan, loan_id) if loan_id is not None else None
        borrower = loan.borrower_institution_id if loan is not None else None
        return {s.column: {borrower} for s in SPECS[model]}

    def status_side(self, model: type[Base], row: Any, new_status: str) -> set[int | None]:
        if model is Inventory:
            return self.inventory_sides(model, row, {})["status"]
        if model is Loan:
            if new_status == LoanStatus.ACTIVE and row.status == LoanStatus.APPROVED:
                return {row.borrower_institution_id}
            return {row.lender_institution_id}
        if new_status == TransferStatus.RECEIVED:
            return {row.to_institution_id}
        return {row.from_institution_id}

    def apply_records(self, sections: dict[str, type[Base]]) -> None:
        records = self.content.get("records")
        if not isinstance(records, dict):
            self.refuse("", _domain_exchange_importer.said("the file has no records"))
            return
        for section, model in sections.items():
            rows = self._list(records, section)
            if model not in NATURAL_KEYS:
                name = "fingerprint" if model is Certificate else "uuid"
                self.prefetch(model, [d.get(name) for d in rows if isinstance(d, dict)])
            unique = UNIQUE.get(model)
            if unique is not None:
                # the numbers (codes, user names) the file's new records would take
                wanted = sorted(
                    {
                        d[unique]
                        for d in rows
                        if isinstance(d, dict) and isinstance(d.get(unique), str)
                    }
                )
                column = getattr(model, unique)
                taken = self.taken.setdefault(model, set())
                for start in range(0, len(wanted), 500):
                    taken.update(
                        self.session.scalars(
                            select(column).where(column.in_(wanted[start : start + 500]))
                        )
                    )
            for data in rows:
                if not isinstance(data, dict):
                    self.refuse(
                        section, _domain_exchange_importer.said("a record is not a JSON object")
                    )
                    continue
                self.apply_record(section, model, data)

    def _item_label(self, model: type[Base], values: dict[str, Any]) -> str:
        """'loan item CE5C0400YJFM00501 of L2026-0001': an item named as people name it."""
        if model is TransferLeg:
            transfer = self.session.get(Transfer, values.get("transfer_id"))
            return f"courier leg {values.get('seq')} of {transfer.number}" if transfer else ""
        aliquot = self.session.get(Aliquot, values.get("aliquot_id"))
        parent = (
            self.session.get(Loan, values.get("loan_id"))
            if model is LoanItem
            else self.session.get(Transfer, values.get("transfer_id"))
        )
        if aliquot is None or parent is None:
            return ""
        what = "loan item" if model is LoanItem else "transfer item"
        return f"{what} {aliquot.number} of {parent.number}"

    def existing(self, model: type[Base], data: dict[str, Any], values: dict[str, Any]) -> Any:
        if model in NATURAL_KEYS:
            column_a, column_b = _natural_columns(model)
            return self._siblings(model, values[column_a]).get(values[column_b])
        key = data.get("fingerprint" if model is Certificate else "uuid")
        if not isinstance(key, str):
            return False
        return self.lookup(model, key)

    def _siblings(self, model: type[Base], parent: Any) -> dict[Any, Any]:
        """The rows of ``model`` under ``parent`` by their second key: one query a parent.

        Read without flushing what this import added before (a flush a record, with its
        audit entries, was most of an import's time): what it adds is kept here instead."""
        rows = self.by_parent.get((model, parent))
        if rows is None:
            column_a, column_b = _natural_columns(model)
            with self.session.no_autoflush:
                found = self.session.scalars(
                    select(model).where(getattr(model, column_a) == parent)
                )
                rows = {getattr(row, column_b): row for row in found}
            self.by_parent[(model, parent)] = rows
        return rows

    def apply_record(self, section: str, model: type[Base], data: dict[str, Any]) -> None:
        label = _label(model, data)
        values = self.values(model, data, label)
        if values is None:
            return
        if model in (LoanItem, TransferItem, TransferLeg):
            label = self._item_label(model, values) or label
        row = self.existing(model, data, values)
        if row is False:
            self.refuse(label, _domain_exchange_importer.said("the record has no UUID"))
            return
        if model is Certificate:
            self.certificate(row, data, values, label)
            return
        if model is Signature:
            self.signature(row, data, values, label)
            return
        if row is None:
            self.create(section, model, data, values, label)
        else:
            self.update(section, model, row, values, label)

    def _owner(self, model: type[Base], values: dict[str, Any], row: Any) -> int | None:
        """The institution whose own record this is (descriptive records)."""
        if model is Institution:
            return row.id if row is not None else None
        if model is Person:
            return values.get("institution_id")
        if model is Sample:
            return values.get("owner_institution_id")
        if model is Aliquot:
            sample = self.session.get(Sample, values.get("sample_id"))
            return sample.owner_institution_id if sample else None
        return None

    def create(
        self, section: str, model: type[Base], data: dict[str, Any], values: dict[str, Any],
        label: str,
    ) -> None:  # fmt: skip
        home = self.home
        assert home is not None
        if model is Person and values.get("institution_id") == home.id:
            self.refuse(
                label,
                _domain_exchange_importer.said(
                    "names a person of {institution} this installation does not know",
                    institution=home.name,
                ),
            )
            return
        unique = UNIQUE.get(model)
        if unique is not None:
            taken = self.taken.setdefault(model, set())
            if values[unique] in taken:
                self.refuse(label, _collision(model, values[unique]))
                return
            taken.add(values[unique])
        if model is Loan and values.get("lender_institution_id") != self.sender.id:
            self.refuse(
                label,
                _domain_exchange_importer.said(
                    "only the lender offers a loan, not {sender}", sender=self.sender.name
                ),
            )
            return
        if model is LoanItem:
            loan = self.session.get(Loan, values["loan_id"])
            assert loan is not None
            borrower_split = (
                values.get("parent_item_id") is not None
                and loan.borrower_institution_id == self.sender.id
            )
            if loan.lender_institution_id != self.sender.id and not borrower_split:
                self.refuse(
                    label,
                    _domain_exchange_importer.said(
                        "only the lender adds items to loan {loan}", loan=loan.number
                    ),
                )
                return
        if model in (Transfer, TransferItem, TransferLeg, Discrepancy, Inventory, InventoryLine):
            allowed = self.sides(model, None, values)
            side = next(iter(allowed.values()))
            if self.sender.id not in side:
                self.refuse(
                    label,
                    _domain_exchange_importer.said(
                        "{sender} may not record this", sender=self.sender.name
                    ),
                )
                return
        if model is LoanReceiver:
            refusal = self.receiver_refusal(values)
            if refusal is not None:
                self.refuse(label, refusal)
                return
        row: Any = model(**self._with_uuid(model, data, values))
        if model is Person:
            row.password_hash = ""  # a partner's person never signs in here
            row.failed_attempts = 0
        if model is Aliquot:
            row.status, row.initial_mass_ug, row.current_mass_ug = "", 0, 0
            self.new_aliquots.append(row)
        self.session.add(row)  # flushed with the next query, or when its id is needed
        if model in NATURAL_KEYS:
            column_a, column_b = _natural_columns(model)
            self._siblings(model, values[column_a])[values[column_b]] = row
        if model is TransferLeg:
            self.legs_changed.add(row.transfer_id)
        key = data.get("uuid")
        if isinstance(key, str):
            self.found[(model, key)] = row
        self.report.added[section] = self.report.added.get(section, 0) + 1
        self.report.details.append(f"new {label}")

    def _with_uuid(
        self, model: type[Base], data: dict[str, Any], values: dict[str, Any]
    ) -> dict[str, Any]:
        if model in NATURAL_KEYS:
            return dict(values)
        return {"uuid": data["uuid"], **values}

    def update(
        self, section: str, model: type[Base], row: Any, values: dict[str, Any], label: str
    ) -> None:
        changed = {k: v for k, v in values.items() if getattr(row, k) != v}
        if model is Aliquot and "parent_id" in changed and changed["parent_id"] is None:
            del changed["parent_id"]  # the sender does not hold the parent; we do
        if model is Transfer:
            changed.pop("courier_id", None)  # follows the legs (see _carriers)
        if not changed:
            return
        if model in (Institution, Person, Sample, Aliquot):
            owner = self._owner(model, values, row)
            if owner != self.sender.id or (self.home is not None and owner == self.home.id):
                return  # a description of someone else's record: ours stands
            allowed_fields = set(changed) - {"institution_id", "owner_institution_id", "sample_id"}
            if model is Person and "username" in changed:
                self.refuse(
                    label, _domain_exchange_importer.said("a person's user name never changes")
                )
                return
            for name in allowed_fields:
                setattr(row, name, changed[name])
            self._count(section, label, allowed_fields)
            return
        sides = self.sides(model, row, values)
        applied: list[str] = []
        for name, value in changed.items():
            if name == "status" and _backwards(model, getattr(row, name), value):
                continue  # the sender had not seen our later step yet
            who = (
                self.status_side(model, row, value) if name == "status" else sides.get(name, set())
            )
            if self.sender.id in who:
                applied.append(name)
            elif getattr(row, name) in (None, ""):
                # relayed news that is not the sender's to give: wait for its author's file
                self.untaken.add((model, row.id))
                self.report.warnings.append(
                    _domain_exchange_importer.said(
                        "{record}: {field} not taken from {sender} (it is not theirs to set)",
                        record=label,
                        field=name.removesuffix("_id").replace("_", " "),
                        sender=self.sender.name,
                    )
                )
            elif not self._stale(model, row, name, value):
                self.refuse(
                    label,
                    _domain_exchange_importer.said(
                        "{sender} may not change {field} (here {ours}, in the file {theirs})",
                        sender=self.sender.name,
                        field=name.removesuffix("_id").replace("_", " "),
                        ours=_shown(getattr(row, name)),
                        theirs=_shown(value),
                    ),
                )
        if self.reasons:
            return
        for name in applied:
            setattr(row, name, changed[name])
        self._count(section, label, applied)
        if model is TransferLeg:
            self.legs_changed.add(row.transfer_id)

    def _stale(self, model: type[Base], row: Any, name: str, value: Any) -> bool:
        """Whether the file's value is one this field had before here (or none yet): the
        sender had not seen our later change, which is no claim of authority."""
        if value is None:
            return True
        return (
            self.session.scalar(
                select(AuditEntry.id)
                .where(
                    AuditEntry.table_name == model.__tablename__,
                    AuditEntry.record_id == row.id,
                    AuditEntry.field == name,
                    AuditEntry.old_value == audit_text(name, value),
                )
                .limit(1)
            )
            is not None
        )

    def carriers(self) -> None:
        """A transfer's courier is the courier of its latest leg, wherever it was recorded."""
        for transfer_id in self.legs_changed:
            transfer = self.session.get(Transfer, transfer_id)
            last = self.session.scalars(
                select(TransferLeg)
                .where(TransferLeg.transfer_id == transfer_id)
                .order_by(TransferLeg.seq.desc())
            ).first()
            if transfer is not None and last is not None and transfer.courier_id != last.courier_id:
                transfer.courier_id = last.courier_id

    def _count(self, section: str, label: str, names: Iterable[str]) -> None:
        names = sorted(names)
        if names:
            self.report.updated[section] = self.report.updated.get(section, 0) + 1
            self.report.details.append(f"changed {label}: {', '.join(names)}")

    def certificate(
        self, row: Certificate | None, data: dict[str, Any], values: dict[str, Any], label: str
    ) -> None:
        if row is not None and self.home is not None and row.institution_id == self.home.id:
            return  # one of ours, sent back: ours stands
        pem = values.get("certificate_pem") or ""
        try:
            certificate = trust_keys.load_certificate(pem)
        except trust_keys.CertificateError as error:
            self.refuse(
                label,
                _domain_exchange_importer.said("the certificate is {problem}", problem=str(error)),
            )
            return
        if trust_keys.fingerprint(certificate) != data.get("fingerprint"):
            self.refuse(
                label, _domain_exchange_importer.said("its fingerprint is not its certificate's")
            )
            return
        if values.get("kind") != PERSON:
            self.refuse(
                label,
                _domain_exchange_importer.said(
                    "an institution's key is trusted only by confirming its fingerprint"
                ),
            )
            return
        institution_id = values.get("institution_id")
        person = self.session.get(Person, values.get("person_id"))
        issuers = [
            trust_keys.load_certificate(c.certificate_pem)
            for c in self.session.scalars(
                select(Certificate).where(
                    Certificate.kind == PARTNER, Certificate.institution_id == institution_id
                )
            )
        ]
        issuer = next((i for i in issuers if trust_keys.issued_by(certificate, i)), None)
        if issuer is None or person is None or person.institution_id != institution_id:
            self.refuse(
                label,
                _domain_exchange_importer.said(
                    "it was not issued by its institution's trusted key"
                ),
            )
            return
        if trust_keys.holder_uuid(certificate) != person.uuid:
            self.refuse(label, _domain_exchange_importer.said("it names another person"))
            return
        if row is None:
            row = Certificate(
                kind=PERSON,
                institution_id=institution_id,
                person_id=person.id,
                fingerprint=data["fingerprint"],
                certificate_pem=pem,
                valid_from=certificate.not_valid_before_utc,
                valid_until=certificate.not_valid_after_utc,
                created_at=self.ctx.now,
            )
            self.session.add(row)
            self.session.flush()
            self.found[(Certificate, data["fingerprint"])] = row
            self.report.added["certificates"] = self.report.added.get("certificates", 0) + 1
            self.report.details.append(f"new certificate of {person.full_name}")
        if values.get("revoked_at") and row.revoked_at is None:
            row.revoked_at = values["revoked_at"]
            row.revocation_reason = values.get("revocation_reason") or ""
            row.revocation_signature = values.get("revocation_signature")
            if not row.revocation_signature or not signature_holds(
                issuer, revocation_statement(row), row.revocation_signature
            ):
                self.refuse(
                    label,
                    _domain_exchange_importer.said(
                        "its revocation is not signed by its institution's key"
                    ),
                )
                return
            self._count("certificates", label, ["revoked_at"])
        if values.get("retired_at") and row.retired_at is None:
            row.retired_at = values["retired_at"]

    def signature(
        self, row: Signature | None, data: dict[str, Any], values: dict[str, Any], label: str
    ) -> None:
        record_type = values.get("record_type")
        target_model = SIGNED_RECORD_TYPES.get(str(record_type))
        record = self.lookup(target_model, data.get("record")) if target_model else None
        if record is None:
            self.refuse(
                label,
                _domain_exchange_importer.said(
                    "it signs a record that is neither here nor in the file"
                ),
            )
            return
        if row is None and target_model is not None and (target_model, record.id) in self.untaken:
            self.report.warnings.append(
                _domain_exchange_importer.said(
                    "{record}: not taken, like what it signs", record=label
                )
            )
            return
        if row is not None:
            if (row.content_hash, row.crypto_signature, row.signed_at) != (
                values.get("content_hash"),
                values.get("crypto_signature"),
                values.get("signed_at"),
            ):
                self.refuse(
                    label,
                    _domain_exchange_importer.said(
                        "this signature is held here with other content: evidence of tampering"
                    ),
                )
            return
        person = self.session.get(Person, values.get("person_id"))
        certificate_row = self.session.get(Certificate, values.get("certificate_id") or 0)
        if person is None or certificate_row is None or not values.get("crypto_signature"):
            self.refuse(label, _domain_exchange_importer.said("it names no certificate known here"))
            return
        signed_by = certificate_row.institution_id
        if signed_by == (self.home.id if self.home else None):
            self.refuse(
                label,
                _domain_exchange_importer.said(
                    "it claims to be made with our own key, and we do not hold it"
                ),
            )
            return
        draft = Signature(uuid=data["uuid"], **values)
        draft.record_id = record.id
        statement = signature_statement(draft, person.uuid, certificate_row.fingerprint)
        certificate = trust_keys.load_certificate(certificate_row.certificate_pem)
        if not signature_holds(certificate, statement, str(values["crypto_signature"])):
            self.refuse(
                label, _domain_exchange_importer.said("its cryptographic signature does not hold")
            )
            return
        if certificate_row.revoked_at is not None and draft.signed_at >= certificate_row.revoked_at:
            self.refuse(
                label,
                _domain_exchange_importer.said("it is dated after its certificate was revoked"),
            )
            return
        if certificate_row.kind in (INSTITUTION,):
            self.refuse(label, _domain_exchange_importer.said("it claims our institution's key"))
            return
        self.session.add(draft)
        self.session.flush()
        self.found[(Signature, data["uuid"])] = draft
        self.report.added["signatures"] = self.report.added.get("signatures", 0) + 1
        self.report.details.append(f"new {label}")

    # ------------------------------------------------------------ events

    def apply_events(self) -> None:
        entries = self._list(self.content, "events")
        parsed: list[tuple[dict[str, Any], str]] = []
        for index, entry in enumerate(entries, 1):
            if (
                not isinstance(entry, dict)
                or not isinstance(entry.get("statement"), dict)
                or not isinstance(entry.get("signature"), str)
            ):
                self.refuse(
                    f"event {index}",
                    _domain_exchange_importer.said("not a signed event statement"),
                )
                continue
            parsed.append((entry["statement"], entry["signature"]))
        if self.reasons:
            return
        self.prefetch(CustodyEvent, [statement.get("uuid") for statement, _ in parsed])
        self._prefetch_origins()
        new_pairs = self._new_split_pairs(parsed)
        ledger = Ledger(self.session)
        certificates: dict[int, list[Certificate]] = {}
        for statement, signature in parsed:
            self.apply_event(ledger, statement, signature, certificates, new_pairs)

    def _prefetch_origins(self) -> None:
        """The origins of the file's events that are here already, in a few queries (one a
        known event was most of an import's queries: a file repeats what was sent before)."""
        known = sorted(row.id for (model, _), row in self.found.items() if model is CustodyEvent)
        self.held_origins = dict.fromkeys(known)
        for start in range(0, len(known), 500):
            for row in self.session.scalars(
                select(EventOrigin).where(EventOrigin.event_id.in_(known[start : start + 500]))
            ):
                self.held_origins[row.event_id] = row

    def _held_origin(self, event: CustodyEvent) -> EventOrigin | None:
        """Where an event held here came from (None: recorded here)."""
        if event.id in self.held_origins:
            return self.held_origins[event.id]
        return self.session.scalars(
            select(EventOrigin).where(EventOrigin.event_id == event.id)
        ).first()

    def _new_split_pairs(self, parsed: list[tuple[dict[str, Any], str]]) -> set[tuple[str, str]]:
        """(parent, child) UUIDs whose split and derived events both come new in this file."""
        halves: dict[str, set[tuple[str, str]]] = {EventKind.SPLIT: set(), EventKind.DERIVED: set()}
        for statement, _ in parsed:
            kind = statement.get("kind")
            if kind not in halves or self.lookup(CustodyEvent, statement.get("uuid")) is not None:
                continue
            mine = (statement.get("aliquot") or {}).get("uuid")
            other = (statement.get("related_aliquot") or {}).get("uuid")
            if mine and other:
                halves[kind].add((mine, other) if kind == EventKind.SPLIT else (other, mine))
        return halves[EventKind.SPLIT] & halves[EventKind.DERIVED]

    def _ref(self, statement: dict[str, Any], name: str, model: type[Base]) -> Any:
        value = statement.get(name)
        if value is None:
            return None
        if not isinstance(value, dict) or not isinstance(value.get("uuid"), str):
            raise FieldError(
                _domain_exchange_importer.said("{field} is not a record reference", field=name)
            )
        row = self.lookup(model, value["uuid"])
        if row is None and name != "related_aliquot":
            raise FieldError(
                _domain_exchange_importer.said(
                    "{field} {record} is neither here nor in the file",
                    field=name,
                    record=value.get("label", ""),
                )
            )
        return row

    def apply_event(
        self,
        ledger: Ledger,
        statement: dict[str, Any],
        signature: str,
        certificates: dict[int, list[Certificate]],
        new_pairs: set[tuple[str, str]],
    ) -> None:
        aliquot_ref = as_object(statement.get("aliquot"))
        label = f"event {statement.get('kind')} of {aliquot_ref.get('label', '?')}"
        origin_ref = as_object(statement.get("origin"))
        origin = self.lookup(Institution, origin_ref.get("uuid"))
        if origin is None:
            self.refuse(
                label,
                _domain_exchange_importer.said(
                    "recorded by an installation this one does not know"
                ),
            )
            return
        label += f" (#{statement.get('seq')} at {origin.code})"
        known = self.lookup(CustodyEvent, statement.get("uuid"))
        if self.home is not None and origin.id == self.home.id:
            ours = known is not None and known.hash == statement.get("hash")
            if not ours or self._differs(statement, origin, known, None):
                self.refuse(
                    label,
                    _domain_exchange_importer.said(
                        "claims to be our own event, and our ledger holds no such event: "
                        "evidence of tampering"
                    ),
                )
            return
        if origin.id not in certificates:
            certificates[origin.id] = list(
                self.session.scalars(
                    select(Certificate).where(
                        Certificate.kind == PARTNER,
                        Certificate.institution_id == origin.id,
                        Certificate.revoked_at.is_(None),
                    )
                )
            )
        if not certificates[origin.id]:
            self.refuse(
                label,
                _domain_exchange_importer.said(
                    "{origin} is not a trusted partner here", origin=origin.name
                ),
            )
            return
        if known is not None:
            held = self._held_origin(known)
            if held is None or held.origin_hash != statement.get("hash"):
                self.refuse(
                    label,
                    _domain_exchange_importer.said(
                        "this installation holds the same event of {origin} with another hash: "
                        "evidence of tampering at the origin",
                        origin=origin.code,
                    ),
                )
            elif differs := self._differs(statement, origin, known, held):
                self.refuse(
                    label,
                    _domain_exchange_importer.said(
                        "this installation holds the same event of {origin} with other content "
                        "({fields}): evidence of tampering at the origin",
                        origin=origin.code,
                        fields=", ".join(differs),
                    ),
                )
            else:
                self.report.events_known += 1
            return
        if not origin_signature_holds(certificates[origin.id], statement, signature):
            self.refuse(
                label,
                _domain_exchange_importer.said(
                    "{origin}'s signature does not hold for it", origin=origin.code
                ),
            )
            return
        try:
            self._append(ledger, statement, signature, origin, label, new_pairs)
        except FieldError as error:
            self.refuse(label, _message(error))
        except RuleViolation as error:
            self.refuse(label, _message(error))

    def _differs(
        self,
        statement: dict[str, Any],
        origin: Institution,
        known: CustodyEvent,
        held: EventOrigin | None,
    ) -> list[str]:
        """The fields in which ``statement`` says otherwise than the event we hold."""
        ours = event_statement(
            origin=origin,
            origin_seq=held.origin_seq if held else known.id,
            origin_hash=held.origin_hash if held else known.hash,
            event=known,
            refs=self.reader.refs(known, held),
            transcribed=bool(held and held.transcribed),
        )
        if held is None:
            transcribed = self.session.scalar(
                select(EventOrigin.transcribed).where(EventOrigin.event_id == known.id)
            )
            ours["transcribed"] = bool(transcribed)
        return sorted(k for k in set(ours) | set(statement) if ours.get(k) != statement.get(k))

    def _append(
        self,
        ledger: Ledger,
        statement: dict[str, Any],
        signature: str,
        origin: Institution,
        label: str,
        new_pairs: set[tuple[str, str]],
    ) -> None:
        for name in REF_NAMES:
            if name not in statement:
                raise FieldError(
                    _domain_exchange_importer.said("the statement has no '{name}'", name=name)
                )
        aliquot: Aliquot | None = self._ref(statement, "aliquot", Aliquot)
        if aliquot is None:
            raise FieldError(_domain_exchange_importer.said("it names no aliquot"))
        actor = self._ref(statement, "actor", Person)
        holder = self._ref(statement, "holder_institution", Institution)
        custodian = self._ref(statement, "custodian_person", Person)
        courier = self._ref(statement, "courier", Person)
        transfer: Transfer | None = self._ref(statement, "transfer", Transfer)
        loan = self._ref(statement, "loan", Loan)
        related: Aliquot | None = self._ref(statement, "related_aliquot", Aliquot)
        corrects = self._ref(statement, "corrects", CustodyEvent)
        kind = statement.get("kind")
        mass = statement.get("mass_ug")
        transcribed = statement.get("transcribed")
        seq, origin_hash = statement.get("seq"), statement.get("hash")
        if not isinstance(kind, str) or not isinstance(transcribed, bool):
            raise FieldError(_domain_exchange_importer.said("kind or transcribed is missing"))
        if mass is not None and (not isinstance(mass, int) or isinstance(mass, bool)):
            raise FieldError(
                _domain_exchange_importer.said("mass_ug is not a whole number of micrograms")
            )
        if mass is not None and ((mass < 0 and kind != EventKind.CORRECTED) or abs(mass) >= 2**62):
            raise FieldError(
                _domain_exchange_importer.said("mass_ug {mass} is out of range", mass=mass)
            )
        if not isinstance(seq, int) or not isinstance(origin_hash, str) or len(origin_hash) != 64:
            raise FieldError(
                _domain_exchange_importer.said("its origin number or hash is malformed")
            )
        if actor is None:
            raise FieldError(_domain_exchange_importer.said("it names no actor"))
        when = decode(Field("occurred_at", "occurred_at", "time"), statement.get("occurred_at"))
        why_not = self._authority(kind, aliquot, origin, holder, transfer, transcribed) or (
            self._receiver_authority(kind, transfer, actor, when)
        )
        if why_not:
            self.refuse(label, why_not)
            return
        mine = aliquot.uuid
        related_uuid = related.uuid if related is not None else None
        if related is not None:
            pair = (mine, related_uuid) if kind == EventKind.SPLIT else (related_uuid, mine)
            if pair not in new_pairs and not self._linked(kind, aliquot, related):
                related = None
        related_ref = statement.get("related_aliquot")
        event = ledger.append(
            aliquot,
            kind,
            actor_id=actor.id,
            occurred_at=when,
            institution_id=holder.id if holder else None,
            custodian_person_id=custodian.id if custodian else None,
            courier_id=courier.id if courier else None,
            transfer_id=transfer.id if transfer else None,
            loan_id=loan.id if loan else None,
            mass_ug=mass,
            related_aliquot_id=related.id if related else None,
            corrects_event_id=corrects.id if corrects else None,
            seal_number=statement.get("seal_number"),
            seal_intact=statement.get("seal_intact"),
            note=str(statement.get("note") or ""),
            uuid=str(statement.get("uuid")),
        )
        self.found[(CustodyEvent, event.uuid)] = event
        unlinked = related is None and isinstance(related_ref, dict)
        origin_row = EventOrigin(
            event_id=event.id,
            institution_id=origin.id,
            origin_seq=seq,
            origin_hash=origin_hash,
            origin_signature=signature,
            transcribed=transcribed,
            related_uuid=related_ref.get("uuid") if unlinked and related_ref else None,
            related_number=related_ref.get("label") if unlinked and related_ref else None,
        )
        self.origins.append(origin_row)
        self.report.events_added += 1
        # rebuilt from our rows, the statement must be the one signed: it is what verify
        # will check the origin's signature against from now on
        rebuilt = event_statement(
            origin=origin,
            origin_seq=seq,
            origin_hash=origin_hash,
            event=event,
            refs=self.reader.refs(event, origin_row),
            transcribed=transcribed,
        )
        if rebuilt != statement:
            differ = sorted(
                k for k in set(rebuilt) | set(statement) if rebuilt.get(k) != statement.get(k)
            )
            self.refuse(
                label,
                _domain_exchange_importer.said(
                    "it does not read the same here ({fields})", fields=", ".join(differ)
                ),
            )

    def _linked(self, kind: str, aliquot: Aliquot, related: Aliquot) -> bool:
        """Whether the other half of a split is held here, linked to this aliquot."""
        other_kind = EventKind.DERIVED if kind == EventKind.SPLIT else EventKind.SPLIT
        return (
            self.session.scalar(
                select(CustodyEvent.id).where(
                    CustodyEvent.aliquot_id == related.id,
                    CustodyEvent.kind == other_kind,
                    CustodyEvent.related_aliquot_id == aliquot.id,
                )
            )
            is not None
        )

    def _authority(
        self,
        kind: str,
        aliquot: Aliquot,
        origin: Institution,
        holder: Institution | None,
        transfer: Transfer | None,
        transcribed: bool,
    ) -> str:
        """Why ``origin`` may not record this event ('' when it may)."""
        owner = aliquot.sample.owner_institution_id
        custodian = aliquot.custodian_institution_id
        name = origin.name
        if kind == EventKind.REGISTERED:
            ok = aliquot.status == "" and owner == origin.id
            return (
                ""
                if ok
                else _domain_exchange_importer.said(
                    "only the sample's registering institution registers it, not {origin}",
                    origin=name,
                )
            )
        if kind == EventKind.DERIVED:
            ok = aliquot.status == "" and holder is not None and holder.id == origin.id
            return (
                ""
                if ok
                else _domain_exchange_importer.said(
                    "{origin} did not hold the aliquot it split this from", origin=name
                )
            )
        if kind in (EventKind.RECEIVED, EventKind.RETURNED):
            if transfer is None or transfer.to_institution_id != origin.id:
                return _domain_exchange_importer.said(
                    "only an authorised receiver of the receiving institution confirms a "
                    "receipt, not {origin}",
                    origin=name,
                )
            return ""
        if kind == EventKind.HANDED_OVER:
            if custodian == origin.id:
                return ""
            if transcribed and transfer is not None and transfer.to_institution_id == origin.id:
                return ""
            return _domain_exchange_importer.said(
                "{origin} did not hold the package (a handover is the carrying courier's)",
                origin=name,
            )
        if kind == EventKind.CORRECTED:
            return (
                ""
                if owner == origin.id
                else _domain_exchange_importer.said(
                    "only the sample's owner corrects its book mass, not {origin}", origin=name
                )
            )
        if kind in (EventKind.MASS_LOST, EventKind.LOST) and owner == origin.id:
            return ""  # the lender settles a discrepancy or writes off what it lent
        if custodian != origin.id:
            return _domain_exchange_importer.said(
                "{origin} does not hold aliquot {aliquot} here",
                origin=name,
                aliquot=aliquot.number,
            )
        if kind == EventKind.CONSUMED and aliquot.loan_id is not None:
            loan = self.session.get(Loan, aliquot.loan_id)
            if loan is not None and not loan.destructive_analysis_allowed:
                return _domain_exchange_importer.said(
                    "loan {loan} does not allow destructive analysis", loan=loan.number
                )
        return ""

    def _receiver_authority(
        self, kind: str, transfer: Transfer | None, actor: Person, when: datetime
    ) -> str:
        """Why ``actor`` may not have confirmed this receipt ('' when they may): DESIGN rule
        5, only an authorised receiver of the receiving institution (domain/receivers.py)."""
        if kind not in (EventKind.RECEIVED, EventKind.RETURNED) or transfer is None:
            return ""
        if may_have_received(self.session, transfer, actor, when):
            return ""
        return _domain_exchange_importer.said(
            "only an authorised receiver of the receiving institution confirms a receipt, "
            "not {person}",
            person=actor.full_name,
        )

    # ------------------------------------------------------------ the whole file

    def run(self) -> ImportReport:
        sender = self.check_envelope()
        if sender is None or self.reasons:
            raise ExchangeRefused(self.reasons)
        if self.report.kind == "introduction":
            raise ExchangeRefused(
                [
                    Reason(
                        "",
                        _domain_exchange_importer.said(
                            "this is an introduction: add it with File ▸ Partners… ▸ Add "
                            "partner (or {command})",
                            command="lunar-custody partners add",
                        ),
                    )
                ]
            )
        # two workstations importing the same file: the second waits here, then finds it
        # imported (the ledger head's row lock; SQLite's BEGIN IMMEDIATE already queues)
        Ledger(self.session).head()
        if not self.check_order():
            if self.reasons:
                raise ExchangeRefused(self.reasons)
            return self.report
        self.new_aliquots: list[Aliquot] = []
        self.origins: list[EventOrigin] = []
        self.apply_records(SECTIONS)
        self.carriers()
        if not self.reasons:
            self.apply_events()
        if not self.reasons:
            self.apply_records(LATE_SECTIONS)
        for row in self.new_aliquots:
            if not row.status:
                self.refuse(
                    f"aliquot {row.number}",
                    _domain_exchange_importer.said("it comes without the events that made it"),
                )
        if self.reasons:
            raise ExchangeRefused(self.reasons)
        self.finish()
        return self.report

    def finish(self) -> None:
        content = self.content
        seen = content.get("seen_head")
        seen_seq = seen_hash = None
        if isinstance(seen, dict) and isinstance(seen.get("ledger"), dict):
            seen_seq, seen_hash = seen["ledger"].get("seq"), seen["ledger"].get("hash")
            if isinstance(seen_seq, int) and isinstance(seen_hash, str):
                for problem in head_problems(
                    self.session,
                    ChainHeads(seen_seq, seen_hash, 0, ""),
                    _domain_exchange_importer.said(
                        "{partner} last saw it", partner=self.sender.name
                    ),
                ):
                    self.report.warnings.append(problem.message)
            else:
                seen_seq = seen_hash = None
        row = ExchangeFile(
            uuid=str(content.get("id")),
            kind=self.report.kind,
            direction=RECEIVED,
            partner_institution_id=self.sender.id,
            sequence=self.report.sequence,
            sha256=self.envelope.sha256,
            made_at=decode(Field("made_at", "made_at", "time"), content.get("made_at")),
            recorded_at=self.ctx.now,
            recorded_by_id=self.ctx.person.id,
            subject=self.report.subject[:200],
            summary=str(self.report.summary()),  # kept as plain English
            sender_seq=self.sender_heads.ledger_seq,
            sender_hash=self.sender_heads.ledger_hash,
            sender_audit_seq=self.sender_heads.audit_seq,
            sender_audit_hash=self.sender_heads.audit_hash,
            seen_seq=seen_seq,
            seen_hash=seen_hash,
            content=self.envelope_bytes,
        )
        self.session.add(row)
        self.session.flush()
        for origin in self.origins:
            origin.exchange_file_id = row.id
        self.session.add_all(self.origins)
        self.session.flush()
        self.report.written = True


def _run(store: Store, actor: Actor, data: bytes, *, preview: bool) -> ImportReport:
    envelope = unpack(data)
    try:
        with operation(store, actor, "exchange") as ctx:
            importer = _Importer(ctx, envelope, data)
            report = importer.run()
            if preview:
                report.written = False
                raise _Rollback(report)
            return report
    except _Rollback as done:
        return done.report
    except FieldError as error:
        raise ExchangeRefused([Reason("", _message(error))]) from None
    except CustodyError:
        raise


def check_exchange(store: Store, actor: Actor, data: bytes) -> ImportReport:
    """Everything an import does, rolled back: what it would add, or every reason it would
    be refused (ExchangeRefused)."""
    return _run(store, actor, data, preview=True)


def import_exchange(store: Store, actor: Actor, data: bytes) -> ImportReport:
    """Import the file in one transaction, or refuse it whole (ExchangeRefused)."""
    return _run(store, actor, data, preview=False)
