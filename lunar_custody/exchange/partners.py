"""Partners: the institutions whose installations we exchange files with.

Trust is set up by an **introduction**: a signed file with the institution, its key's
certificate and its people (names, roles and certificates: never a secret). It is
imported only with the fingerprint the partner confirmed by another way (read aloud on the
telephone, printed on a signed agreement). Later introductions from a trusted partner
bring its new people and revocations.

``partner_status`` is what the dashboard shows: exchanges waiting for an answer and
partner chain heads that do not agree with what they said before.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import key_admin
from ..domain import operation as op
from ..domain.errors import NotFoundError, RuleViolation, ValidationError
from ..domain.installation import home_institution
from ..domain.keys import PARTNER, PERSON, institution_key
from ..domain.models import (
    Certificate,
    CustodyEvent,
    ExchangeFile,
    Institution,
    Person,
    Transfer,
    new_uuid,
)
from ..domain.operation import operation
from ..domain.permissions import Actor
from ..domain.states import TransferStatus
from ..domain.store import Store
from ..domain.wording import Words
from ..trust import keys as trust_keys
from ..trust.statements import utc_text
from .export import RECEIVED, SENT, Exported, _safe
from .format import FORMAT, SUFFIX, VERSION, Envelope, kind_word, pack, unpack
from .importer import ExchangeRefused, ImportReport, Reason, _Importer
from .records import as_list, as_object, to_dict

_domain_exchange_partners = Words("_domain_exchange_partners")

# A shipment sent this long ago with no receipt back is shown as waiting.
WAITING_AFTER = timedelta(days=7)


def export_introduction(store: Store, actor: Actor) -> Exported:
    """This installation's introduction: our institution, key and people."""
    with operation(store, actor, "manage_institutions") as ctx:
        session = ctx.session
        home = home_institution(session)
        assert home is not None
        key = institution_key(session)
        # who acts across institutions: administrators and viewers never do
        people = [
            p
            for p in session.scalars(
                select(Person).where(Person.institution_id == home.id).order_by(Person.id)
            )
            if p.role_set - {"admin", "viewer"}
        ]
        certificates = session.scalars(
            select(Certificate)
            .where(Certificate.kind == PERSON, Certificate.institution_id == home.id)
            .order_by(Certificate.id)
        ).all()

        def ref(model: type, row_id: int) -> str:
            row = session.get(model, row_id)
            assert row is not None
            return str(row.uuid)

        records = {
            "institutions": [to_dict(Institution, home, ref)],
            "people": [to_dict(Person, p, ref) for p in people],
            "certificates": [to_dict(Certificate, c, ref) for c in certificates],
        }
        content = {
            "format": FORMAT,
            "version": VERSION,
            "kind": "introduction",
            "id": new_uuid(),
            "made_at": utc_text(ctx.now),
            "made_by": {"uuid": ctx.person.uuid, "name": ctx.person.full_name},
            "sequence": 0,
            "subject": f"introduction of {home.name}",
            "sender": {
                "uuid": home.uuid,
                "code": home.code,
                "name": home.name,
                "fingerprint": key.fingerprint,
            },
            "receiver": None,
            "sender_head": None,
            "seen_head": None,
            "records": records,
            "events": [],
        }
        data = pack(content, key.private_key, key.pem)
        return Exported(
            filename=f"{_safe(home.code)}-introduction{SUFFIX}",
            content=data,
            kind="introduction",
            sequence=0,
            partner="",
            subject=f"introduction of {home.name}",
            counts={section: len(rows) for section, rows in records.items()},
            events=0,
        )


@dataclass(frozen=True)
class Introduction:
    """What an introduction file says, before it is trusted."""

    code: str
    name: str
    fingerprint: str
    people: int

    @property
    def short_fingerprint(self) -> str:
        return trust_keys.short_fingerprint(self.fingerprint)


def read_introduction(data: bytes) -> Introduction:
    return _introduction(unpack(data))


def _introduction(envelope: Envelope) -> Introduction:
    content = envelope.content
    if content.get("kind") != "introduction":
        raise ValidationError(
            _domain_exchange_partners.said(
                "This is a {kind} file, not an introduction: import it with Import exchange file.",
                kind=kind_word(str(content.get("kind"))),
            )
        )
    sender = as_object(content.get("sender"))
    if sender.get("fingerprint") != envelope.fingerprint:
        raise ValidationError(
            _domain_exchange_partners.said(
                "The introduction names another key than the one that signed it."
            )
        )
    records = as_object(content.get("records"))
    people = as_list(records.get("people"))
    return Introduction(
        str(sender.get("code", "?")),
        str(sender.get("name", "?")),
        envelope.fingerprint,
        len(people),
    )


@dataclass
class PartnerAdded:
    code: str
    name: str
    fingerprint: str
    new: bool  # False: a known partner's later introduction
    people_added: int
    people_changed: int


def add_partner(store: Store, actor: Actor, data: bytes, confirmed: str | None) -> PartnerAdded:
    """Import an introduction. A new partner needs ``confirmed``: the fingerprint (at least
    its first 32 hex digits) the partner confirmed; a trusted partner's later introduction
    needs none, its signature is checked against the key trusted before."""
    envelope = unpack(data)
    intro = _introduction(envelope)
    content = envelope.content
    sender = content["sender"]
    records = as_object(content.get("records"))
    institutions = records.get("institutions") or []
    if (
        not isinstance(institutions, list)
        or len(institutions) != 1
        or not isinstance(institutions[0], dict)
        or institutions[0].get("uuid") != sender.get("uuid")
    ):
        raise ValidationError(
            _domain_exchange_partners.said(
                "An introduction names exactly one institution: its sender."
            )
        )
    with operation(store, actor, "manage_institutions") as ctx:
        session = ctx.session
        home = home_institution(session)
        if home is not None and sender.get("uuid") == home.uuid:
            raise RuleViolation(_domain_exchange_partners.said("This is our own introduction."))
        known = session.scalars(
            select(Certificate).where(
                Certificate.fingerprint == envelope.fingerprint, Certificate.kind == PARTNER
            )
        ).first()
        if known is not None and known.revoked_at is not None:
            raise RuleViolation(
                _domain_exchange_partners.said(
                    "The key {key} of {partner} was revoked here on {date}: its introduction "
                    "is not accepted.",
                    key=intro.short_fingerprint,
                    partner=intro.name,
                    date=f"{known.revoked_at:%Y-%m-%d}",
                )
            )
        importer = _Importer(ctx, envelope, data)
        importer.new_aliquots, importer.origins = [], []
        importer.report = _report(intro)
        institution = session.scalars(
            select(Institution).where(Institution.uuid == sender.get("uuid"))
        ).first()
        if institution is not None:
            importer.sender = institution
        if known is None:
            if not confirmed:
                raise ValidationError(
                    _domain_exchange_partners.said(
                        "Confirm {partner}'s fingerprint ({key}) with them by another way "
                        "before you trust it.",
                        partner=intro.name,
                        key=intro.short_fingerprint,
                    )
                )
            wanted = "".join(confirmed.split()).replace(":", "").lower()
            if len(wanted) < 32 or not envelope.fingerprint.startswith(wanted):
                raise ValidationError(
                    _domain_exchange_partners.said(
                        "The introduction's key has the fingerprint {key}, not the one "
                        "confirmed: do not trust it until the partner confirms it.",
                        key=intro.short_fingerprint,
                    )
                )
            importer.apply_record("institutions", Institution, institutions[0])
            institution = importer.lookup(Institution, str(sender.get("uuid")))
            if institution is None or importer.reasons:
                raise ExchangeRefused(
                    importer.reasons
                    or [Reason("", _domain_exchange_partners.said("no institution"))]
                )
            importer.sender = institution
            session.flush()
            pem = trust_keys.certificate_pem(envelope.certificate)
            if not trust_keys.issued_by(envelope.certificate, envelope.certificate):
                raise ValidationError(
                    _domain_exchange_partners.said(
                        "The introduction's key is not an institution key."
                    )
                )
            row = key_admin.certificate_row(PARTNER, envelope.certificate, institution)
            row.certificate_pem = pem
            session.add(row)
            session.flush()
        elif institution is None or known.institution_id != institution.id:
            raise ValidationError(
                _domain_exchange_partners.said(
                    "The introduction's key belongs to another institution here."
                )
            )
        else:
            importer.apply_record("institutions", Institution, institutions[0])
        for section, model in (("people", Person), ("certificates", Certificate)):
            rows = records.get(section) or []
            for data_row in rows if isinstance(rows, list) else []:
                if isinstance(data_row, dict):
                    importer.apply_record(section, model, data_row)
        if importer.reasons:
            raise ExchangeRefused(
                importer.reasons, _domain_exchange_partners.said("Introduction refused")
            )
        report = importer.report
        return PartnerAdded(
            intro.code,
            intro.name,
            envelope.fingerprint,
            known is None,
            report.added.get("people", 0),
            report.updated.get("people", 0),
        )


def _report(intro: Introduction) -> ImportReport:
    return ImportReport(
        kind="introduction",
        sender=intro.name,
        sender_code=intro.code,
        sequence=0,
        subject="",
        made_at="",
        made_by="",
        fingerprint=intro.fingerprint,
    )


@dataclass(frozen=True)
class PartnerInfo:
    code: str
    name: str
    kind: str
    fingerprint: str
    trusted_since: datetime
    revoked_at: datetime | None
    people: int
    files_sent: int
    files_received: int
    last_received: datetime | None
    their_head: int | None  # the partner's ledger head as its last file said

    @property
    def short_fingerprint(self) -> str:
        return trust_keys.short_fingerprint(self.fingerprint)

    @property
    def state(self) -> str:
        return "revoked" if self.revoked_at else "trusted"


def list_partners(store: Store) -> list[PartnerInfo]:
    with store.read() as session:
        found: list[PartnerInfo] = []
        rows = session.scalars(
            select(Certificate).where(Certificate.kind == PARTNER).order_by(Certificate.id)
        ).all()
        for row in rows:
            institution = row.institution
            counts = dict(
                session.execute(
                    select(ExchangeFile.direction, func.count())
                    .where(ExchangeFile.partner_institution_id == institution.id)
                    .group_by(ExchangeFile.direction)
                ).all()
            )
            last = session.scalars(
                select(ExchangeFile)
                .where(
                    ExchangeFile.partner_institution_id == institution.id,
                    ExchangeFile.direction == RECEIVED,
                )
                .order_by(ExchangeFile.sequence.desc())
            ).first()
            people = session.scalar(
                select(func.count())
                .select_from(Person)
                .where(Person.institution_id == institution.id)
            )
            found.append(
                PartnerInfo(
                    institution.code,
                    institution.name,
                    institution.kind,
                    row.fingerprint,
                    row.created_at,
                    row.revoked_at,
                    people or 0,
                    counts.get(SENT, 0),
                    counts.get(RECEIVED, 0),
                    last.recorded_at if last else None,
                    last.sender_seq if last else None,
                )
            )
        return found


def check_revocation_reason(reason: str) -> str:
    """Why a partner's key is no longer trusted: required (a form asks as it is typed)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            _domain_exchange_partners.said("Say why the partner's key is no longer trusted.")
        )
    return reason


def revoke_partner(store: Store, actor: Actor, code: str, *, reason: str) -> int:
    """Stop trusting a partner's key: its files are refused from now on (what was imported
    stays, signed as it was). The number of keys revoked."""
    reason = check_revocation_reason(reason)
    with operation(store, actor, "manage_institutions") as ctx:
        institution = op.institution(ctx.session, code)
        rows = ctx.session.scalars(
            select(Certificate).where(
                Certificate.kind == PARTNER,
                Certificate.institution_id == institution.id,
                Certificate.revoked_at.is_(None),
            )
        ).all()
        if not rows:
            raise NotFoundError(
                _domain_exchange_partners.said(
                    "{partner} has no trusted key here.", partner=institution.name
                )
            )
        for row in rows:
            row.revoked_at, row.revocation_reason = ctx.now, reason
        return len(rows)


@dataclass(frozen=True)
class Waiting:
    """An exchange that is waiting for the partner's answer."""

    partner: str
    what: str
    since: datetime
    transfer: str = ""  # the transfer's number, to open it


@dataclass
class PartnerStatus:
    waiting: list[Waiting] = field(default_factory=list)
    head_problems: list[str] = field(default_factory=list)


def partner_status(store: Store, now: datetime) -> PartnerStatus:
    """For the dashboard: shipments sent to a partner with no receipt back after
    WAITING_AFTER, and partners whose chain heads disagree with what they said before."""
    status = PartnerStatus()
    with store.read() as session:
        home = home_institution(session)
        if home is None:
            return status
        transfers = session.scalars(
            select(Transfer).where(
                Transfer.from_institution_id == home.id,
                Transfer.to_institution_id != home.id,
                Transfer.status == TransferStatus.IN_TRANSIT,
                Transfer.released_at.is_not(None),
            )
        ).all()
        partner_ids = set(
            session.scalars(select(Certificate.institution_id).where(Certificate.kind == PARTNER))
        )
        for transfer in transfers:
            released = transfer.released_at
            assert released is not None
            if transfer.to_institution_id in partner_ids and now - released > WAITING_AFTER:
                status.waiting.append(
                    Waiting(
                        transfer.to_institution.name,
                        f"transfer {transfer.number}: shipped {released:%Y-%m-%d}, no receipt back",
                        released,
                        transfer.number,
                    )
                )
        for partner_id in sorted(partner_ids):
            status.head_problems.extend(_head_disagreements(session, partner_id))
    status.waiting.sort(key=lambda w: w.since)
    return status


def _head_disagreements(session: Session, partner_id: int) -> Sequence[str]:
    files = session.scalars(
        select(ExchangeFile)
        .where(
            ExchangeFile.partner_institution_id == partner_id, ExchangeFile.direction == RECEIVED
        )
        .order_by(ExchangeFile.sequence)
    ).all()
    found: list[str] = []
    for earlier, later in itertools.pairwise(files):
        if later.sender_seq < earlier.sender_seq or (
            later.sender_seq == earlier.sender_seq and later.sender_hash != earlier.sender_hash
        ):
            found.append(
                _domain_exchange_partners.said(
                    "{partner}'s file no. {file} gives its ledger head as #{head}, after "
                    "#{before} in file no. {earlier_file}",
                    partner=later.partner.name,
                    file=later.sequence,
                    head=later.sender_seq,
                    before=earlier.sender_seq,
                    earlier_file=earlier.sequence,
                )
            )
    # our head as the partner last saw it must still be in our ledger
    last = files[-1] if files else None
    if last is not None and last.seen_seq:
        held = session.scalar(select(CustodyEvent.hash).where(CustodyEvent.id == last.seen_seq))
        if held != last.seen_hash:
            found.append(
                _domain_exchange_partners.said(
                    "{partner} last saw our ledger at #{head} with another hash than ours now: "
                    "our ledger was rewritten since",
                    partner=last.partner.name,
                    head=last.seen_seq,
                )
            )
    return found


@dataclass(frozen=True)
class FileRow:
    """An exchange file sent or received, as the history of exchanges lists it."""

    id: int
    direction: str  # sent | received
    partner: str  # institution name
    partner_code: str
    kind: str
    sequence: int
    subject: str
    summary: str
    made_at: datetime
    recorded_at: datetime
    sha256: str
    size: int


def list_files(store: Store, partner: str | None = None) -> list[FileRow]:
    """Every exchange file this installation sent or received, newest first."""
    with store.read() as session:
        statement = (
            select(
                ExchangeFile, Institution.name, Institution.code, func.length(ExchangeFile.content)
            )
            .join(Institution, Institution.id == ExchangeFile.partner_institution_id)
            .order_by(ExchangeFile.recorded_at.desc(), ExchangeFile.id.desc())
        )
        if partner:
            statement = statement.where(Institution.code == partner.strip().upper())
        return [
            FileRow(
                row.id,
                row.direction,
                name,
                code,
                row.kind,
                row.sequence,
                row.subject,
                row.summary,
                row.made_at,
                row.recorded_at,
                row.sha256,
                size or 0,
            )
            for row, name, code, size in session.execute(statement)
        ]


def file_content(store: Store, file_id: int) -> tuple[str, bytes]:
    """A kept file's name and bytes, to send it again (a file lost on the way is sent
    again as it was: the receiver imports it, or recognises it as imported)."""
    with store.read() as session:
        row = session.get(ExchangeFile, file_id)
        if row is None:
            raise NotFoundError(
                _domain_exchange_partners.said(
                    "There is no exchange file #{number}.", number=file_id
                )
            )
        home = home_institution(session)
        sender, receiver = (
            (home.code if home else "HOME", row.partner.code)
            if row.direction == SENT
            else (row.partner.code, home.code if home else "HOME")
        )
        name = f"{_safe(sender)}-to-{_safe(receiver)}-{row.sequence:04d}-{row.kind}{SUFFIX}"
        return name, row.content
