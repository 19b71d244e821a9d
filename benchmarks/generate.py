"""A synthetic collection at NASA's scale, for the benchmarks.

    python benchmarks/generate.py --db /tmp/bench/big.db
    python benchmarks/generate.py --aliquots 20000 --events 200000 --loans 500 --db /tmp/s.db
    python benchmarks/generate.py --scale 10 --db /tmp/x10.db --checkpoint-every 5000000
    python benchmarks/generate.py --db /tmp/x10.db --resume     # after a stop

Chang'e-5 and Chang'e-6 samples split into lineages of aliquots, about fifty borrowing
institutions with their lab managers, three courier firms, loans in every state (draft,
approved, active, overdue, extended, closed, cancelled), packages carried over one to three
courier legs, consumption by destructive analysis, splits at the borrower, receipts with
mass and seal discrepancies (resolved or open), losses, corrections, and internal transfers
to the backup repository. Default size: 200,000 aliquots, 2,000,000 custody events, 5,000
loans, about five and a half years of history ending yesterday.

How it is written: the schema comes from the program's own migrations and the lender with
its administrator from ``registry.bootstrap``; the history is then simulated in time order
(a queue of future actions) and bulk-inserted with sqlite3, because two million events
through the ORM would take hours. Every event goes through ``ledger.apply_event`` (the
rules an event must obey) and ``ledger.chain_hash`` (the hash chain) exactly as
``Ledger.append`` does, and the fields of each kind of event are those the services write.
Signatures are bound to the same content the services sign, and signed as the services
sign them: every person who signs with a password has a certificate issued by the lender's
institution key (``registry.bootstrap`` makes it; its key file goes to ``LUNAR_CUSTODY_KEYS``
or the user data folder, and verify on another computer says it cannot confirm it), their
key sealed under the demo password, and a courier's PIN confirmation is attested by the
institution key. The audit trail then records every bulk row as it stands (a ``baseline``
entry each, as ``audit.write_baseline`` writes it; the rows written out by SQLite).
Finally a short loan journey (draft to receipt) runs through the real services on top,
which proves the bulk-written database is one the program can carry on with.
``lunar-custody verify --db PATH`` passes.

Not written in bulk: signature drawings. SQLite only.
"""

from __future__ import annotations

import argparse
import hashlib
import heapq
import itertools
import pickle
import queue
import random
import sqlite3
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Table, select
from sqlalchemy.dialects import sqlite as sqlite_dialect

try:  # ten times faster than json for the hash chain's canonical content (same bytes)
    import orjson
except ImportError:  # pragma: no cover - the tests run without the bench extra
    orjson = None

from benchmarks import reference
from lunar_custody.domain import (
    audit,
    clearance,
    clock,
    custody,
    identity,
    keys,
    loans,
    registry,
    standing,
)
from lunar_custody.domain.chain import audit_hash, canonical_content
from lunar_custody.domain.custody import mass_tolerance_ug
from lunar_custody.domain.demo import DEMO_PASSWORD, DEMO_PIN
from lunar_custody.domain.identity import PIN, Credential, actor_of
from lunar_custody.domain.ledger import (
    CONSUMED,
    DEPLETED,
    GENESIS_HASH,
    HASHED_COLUMNS,
    IN_STORAGE,
    IN_TRANSIT,
    LOST,
    ReplayState,
    apply_event,
    chain_hash,
)
from lunar_custody.domain.models import (
    Aliquot,
    AuditEntry,
    Certificate,
    CustodyEvent,
    Discrepancy,
    Institution,
    Loan,
    LoanItem,
    Person,
    Sample,
    Signature,
    Transfer,
    TransferItem,
    TransferLeg,
)
from lunar_custody.domain.signed_content import (
    LegContent,
    LoanContent,
    LoanItemContent,
    ResolutionContent,
    TransferContent,
    TransferItemContent,
)
from lunar_custody.storage import record_scan
from lunar_custody.storage.database import Database
from lunar_custody.trust import keyring, sealing
from lunar_custody.trust import keys as trust_keys
from lunar_custody.trust.statements import sign_statement

PASSWORD = DEMO_PASSWORD  # every generated account's password
COURIER_PIN = DEMO_PIN
# Accounts the benchmarks sign in with.
CURATOR = "curator"
ADMIN = "admin"


def internal_transfer_people(db: Database) -> tuple[str, str]:
    """A curator of the lender's backup repository and a courier: the receiver and the
    carrier of the internal packages the benchmarks record through the services."""
    with db.read() as session:
        receiver = session.scalars(
            select(Person.username)
            .join(Institution, Institution.id == Person.institution_id)
            .where(Institution.code == reference.BACKUP.code, Person.roles.like("%curator%"))
            .order_by(Person.id)
        ).first()
        courier = session.scalars(
            select(Person.username).where(Person.roles == "courier").order_by(Person.id)
        ).first()
    assert receiver and courier, "not a generated benchmark database"
    return receiver, courier


DEFAULT_ALIQUOTS = 200_000
DEFAULT_EVENTS = 2_000_000
DEFAULT_LOANS = 5_000
AGREEMENT_ITEMS = 500  # one loan this large, for the loan-agreement PDF benchmark

US = 1_000_000  # microseconds in a second
DAY = 86_400 * US
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
CE5_START = datetime(2021, 1, 10, tzinfo=UTC)
CE6_START = datetime(2024, 7, 10, tzinfo=UTC)
NOTES = (
    "Funding: NSFC. Export clearance granted.",
    "Funding: national programme.",
    "Export licence issued after review.",
    "",
)
CONTAINER = "Pelican 1120 case, double-bagged in N2"
LOST_NOTE = "Vial dropped in the glovebox antechamber; fines not recoverable."
VIAL = "N2-purged borosilicate vial, 2 mL"
_DIALECT = sqlite_dialect.dialect()


def to_us(moment: datetime) -> int:
    return (moment - EPOCH) // timedelta(microseconds=1)


def from_us(value: int) -> datetime:
    return EPOCH + timedelta(microseconds=value)


# ---------------------------------------------------------------------- records


class SignedFields(NamedTuple):
    """A bulk signature's columns as ``keys.signature_statement`` reads them."""

    uuid: str
    printed_name: str
    institution_name: str
    meaning: str
    signed_at: datetime
    method: str
    record_type: str
    record_number: str
    content_hash: str
    drawing_png: bytes | None


@dataclass(slots=True)
class PersonRec:
    id: int
    username: str
    full_name: str
    institution_id: int
    roles: str
    local_name: str | None = None
    pin: bool = False


@dataclass(slots=True)
class SampleRec:
    id: int
    number: str
    mission: str
    kind: str  # C scooped, Z drilled
    registered_at: int
    original_mass_ug: int = 0
    next_split: int = 1


@dataclass(slots=True)
class AliquotRec:
    id: int
    number: str
    sample: SampleRec
    parent_id: int | None
    form: str
    container: str
    seal: str
    created_at: int
    state: ReplayState
    next_child: int = 1
    reserved: bool = False  # on an open loan, or packed for the backup repository
    first_event: int = 0  # its registration (or derivation): what a correction points at
    packed: bool = False  # in a prepared package: nobody works on it until it is released


@dataclass(slots=True)
class LoanRec:
    id: int
    number: str
    borrower_id: int
    pi: PersonRec
    purpose: str
    starts_on: date
    due_on: date
    destructive: bool
    notes: str
    created_at: int
    created_by: int
    status: str = "draft"
    extension_count: int = 0
    approved_at: int | None = None
    countersigned_at: int | None = None
    closed_at: int | None = None
    # aliquot id -> [item id, mass at loan, shipped mass, shipped at, returned mass,
    #                returned at, parent item id, added at]
    items: dict[int, list[Any]] = field(default_factory=dict)
    packages_out: int = 0  # outbound packages not yet received


@dataclass(slots=True)
class TransferRec:
    id: int
    number: str
    kind: str
    loan: LoanRec | None
    from_id: int
    to_id: int
    sender: PersonRec
    receiver: PersonRec
    courier: PersonRec
    seal: str
    prepared_at: int
    items: list[list[Any]]  # [item id, aliquot, expected, measured]
    status: str = "prepared"
    released_at: int | None = None
    received_at: int | None = None
    received_by: int | None = None
    legs: list[list[Any]] = field(default_factory=list)  # [id, seq, courier, by, start, end]
    promise: int = 0  # internal transfers: the events counted in Collection.promised


class Pool:
    """Aliquots in the lender's storage and free to lend: O(1) add, remove, random pick."""

    def __init__(self) -> None:
        self.items: list[AliquotRec] = []
        self.where: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self.items)

    def add(self, row: AliquotRec) -> None:
        if row.id not in self.where:
            self.where[row.id] = len(self.items)
            self.items.append(row)

    def remove(self, row: AliquotRec) -> None:
        index = self.where.pop(row.id, None)
        if index is None:
            return
        last = self.items.pop()
        if last.id != row.id:
            self.items[index] = last
            self.where[last.id] = index

    def pick(self, rng: random.Random) -> AliquotRec:
        return self.items[rng.randrange(len(self.items))]


# ---------------------------------------------------------------------- bulk writing


class Inserts:
    """``executemany`` batches on a thread of their own: SQLite inserts (and keeps its
    indexes) without Python's lock while the simulation goes on. Only this thread uses the
    connection until ``wait()``; an error in a batch is raised there."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.queue: queue.Queue[tuple[str, list[tuple[Any, ...]]] | None] = queue.Queue(3)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="inserts", daemon=True)
        self.thread.start()

    def put(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put((sql, rows))

    def wait(self) -> sqlite3.Connection:
        """Every batch written; the connection, for this thread's own statements."""
        self.queue.join()
        if self.error is not None:
            raise self.error
        return self.connection

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error

    def _run(self) -> None:
        while (item := self.queue.get()) is not None:
            if self.error is None:
                try:
                    self.connection.executemany(*item)
                except BaseException as error:  # raised in the simulation's thread
                    self.error = error
            self.queue.task_done()
        self.queue.task_done()


class Writer:
    """Rows into a table, each value converted as SQLAlchemy would bind it."""

    def __init__(self, inserts: Inserts, table: Table, columns: Sequence[str]):
        self.inserts = inserts
        self.columns = list(columns)
        missing = [
            c.name
            for c in table.columns
            if c.name not in self.columns and not c.nullable and c.default is None
        ]
        if missing:  # a schema change the generator has not caught up with
            raise RuntimeError(f"{table.name}: no value for {', '.join(missing)}")
        processors = [
            table.c[name].type.dialect_impl(_DIALECT).bind_processor(_DIALECT)
            for name in self.columns
        ]
        self.convert = [(i, p) for i, p in enumerate(processors) if p is not None]
        marks = ", ".join("?" for _ in self.columns)
        self.sql = f"INSERT INTO {table.name} ({', '.join(self.columns)}) VALUES ({marks})"
        self.rows: list[tuple[Any, ...]] = []
        self.count = 0

    def add(self, values: Sequence[Any]) -> None:
        if len(values) != len(self.columns):
            raise ValueError(f"{len(values)} values for {len(self.columns)} columns")
        if self.convert:
            row = list(values)
            for index, process in self.convert:
                if row[index] is not None:
                    row[index] = process(row[index])
            values = row
        self.rows.append(tuple(values))
        if len(self.rows) >= 20_000:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.inserts.put(self.sql, self.rows)
            self.count += len(self.rows)
            self.rows = []


def random_uuid4(rng: random.Random) -> str:
    """``str(uuid.UUID(int=rng.getrandbits(128), version=4))``, five times faster."""
    n = (rng.getrandbits(128) & ~(0xF000 << 64) & ~(0xC000 << 48)) | (0x4000 << 64) | (0x8000 << 48)
    h = f"{n:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _orjson_hash(prev_hash: str, values: list[Any]) -> str:
    # chain.canonical_content's bytes: orjson writes what json writes for ints, str, bool
    # and None (non-ASCII as UTF-8); the first events are checked against the reference
    assert orjson is not None
    return hashlib.sha256(prev_hash.encode() + b"\n" + orjson.dumps(values)).hexdigest()


def content_hash(prev_hash: str, values: list[Any]) -> str:
    """``chain.chain_hash`` of ``values`` whose time is integer microseconds already."""
    if orjson is None:
        return hashlib.sha256(canonical_content(prev_hash, values)).hexdigest()
    return _orjson_hash(prev_hash, values)


def _occurred_processor() -> Callable[[datetime], str]:
    """How SQLAlchemy stores a custody event's time in SQLite."""
    process = CustodyEvent.__table__.c.occurred_at.type.dialect_impl(_DIALECT).bind_processor(
        _DIALECT
    )
    assert process is not None
    return process


EVENT_COLUMNS = (*HASHED_COLUMNS, "prev_hash", "hash")


# ---------------------------------------------------------------------- the simulation


@dataclass
class Size:
    aliquots: int
    events: int
    loans: int

    def check(self) -> None:
        if self.aliquots < 100:
            raise SystemExit("--aliquots must be at least 100")
        if self.events < 2 * self.aliquots:
            raise SystemExit("--events must be at least twice --aliquots")
        if self.loans < 1:
            raise SystemExit("--loans must be at least 1")


class Collection:
    """The simulated history: actions run in time order, events stream to the database."""

    def __init__(self, connection: sqlite3.Connection, size: Size, seed: int, end: datetime):
        self.db = connection
        self.inserts = Inserts(connection)
        self.issuer: keys.InstitutionKey | None = None
        self.size = size
        self.rng = random.Random(seed)
        self.t0 = to_us(CE5_START)
        self.end = to_us(end)
        self.ce6 = to_us(CE6_START)
        self.queue: list[tuple[int, int, Callable[..., None], tuple[Any, ...]]] = []
        self.sequence = itertools.count()
        # the ledger
        self.seq = 0
        self.last_hash = GENESIS_HASH
        self.events = Writer(self.inserts, CustodyEvent.__table__, EVENT_COLUMNS)
        self._when: tuple[int, str] = (-1, "")
        self._occurred = _occurred_processor()
        # records
        self.institutions: list[tuple[Any, ...]] = []
        self.people: list[PersonRec] = []
        self.curators: list[PersonRec] = []
        self.backup_curators: list[PersonRec] = []
        self.lab_managers: dict[int, list[PersonRec]] = {}
        self.couriers: list[PersonRec] = []
        self.inst_name: dict[int, str] = {}
        self.inst_code: dict[int, str] = {}
        self.person: dict[int, PersonRec] = {}
        self.samples: list[SampleRec] = []
        self.aliquots: list[AliquotRec] = []
        self.loans: list[LoanRec] = []
        self.transfers: list[TransferRec] = []
        self.discrepancies: list[tuple[Any, ...]] = []
        self.signatures: list[tuple[Any, ...]] = []
        self.pool = Pool()
        self.ids = {name: itertools.count(1) for name in ("item", "titem", "leg", "disc")}
        self.numbers: dict[str, int] = {}
        self.children_left = 0
        self.promised = 0  # internal-transfer events planned before the end, not yet written
        self.short_loans = 0
        self.lender_id = 1
        self.backup_id = 0
        # keys: the lender's institution key (made by bootstrap) issues the signers' keys
        self.keys_made = EPOCH
        self.person_uuid: dict[int, str] = {}

    # ------------------------------------------------------------------ helpers

    def uuid(self) -> str:
        return random_uuid4(self.rng)

    def at(self, when: int, action: Callable[..., None], *args: Any) -> None:
        if when <= self.end:
            heapq.heappush(self.queue, (when, next(self.sequence), action, args))

    def days(self, low: float, high: float) -> int:
        return int(self.rng.uniform(low, high) * DAY)

    def number(self, prefix: str, when: int) -> str:
        stem = f"{prefix}{from_us(when).year}-"
        n = self.numbers[stem] = self.numbers.get(stem, 0) + 1
        return f"{stem}{n:04d}"

    def stored_time(self, when: int) -> str:
        """``occurred_at`` as SQLAlchemy stores it (a package's events share the moment)."""
        if self._when[0] != when:
            self._when = (when, self._occurred(from_us(when)))
        return self._when[1]

    def event(
        self,
        row: AliquotRec,
        kind: str,
        when: int,
        actor: int,
        institution: int | None,
        custodian: int | None,
        *,
        courier: int | None = None,
        transfer: int | None = None,
        loan: int | None = None,
        mass: int | None = None,
        related: int | None = None,
        corrects: int | None = None,
        seal: str | None = None,
        seal_intact: bool | None = None,
        note: str = "",
    ) -> int:
        """Append one event as ``Ledger.append`` does: chain hash, then apply_event."""
        self.seq += 1
        values = [
            self.seq,
            self.uuid(),
            row.id,
            kind,
            when,
            actor,
            institution,
            custodian,
            courier,
            transfer,
            loan,
            mass,
            related,
            corrects,
            seal,
            seal_intact,
            note,
        ]
        digest = content_hash(self.last_hash, values)
        if self.seq <= 2_000:  # the fast encoding against the reference
            reference_values = [*values]
            reference_values[4] = from_us(when)
            if digest != chain_hash(self.last_hash, reference_values):
                raise RuntimeError(f"event {self.seq}: the fast hash is not chain_hash's")
        apply_event(
            row.state, self.seq, kind, mass, institution, custodian, courier, transfer, loan
        )
        values[4] = self.stored_time(when)
        if seal_intact is not None:
            values[15] = int(seal_intact)
        values.append(self.last_hash)
        values.append(digest)
        events = self.events
        events.rows.append(tuple(values))
        if len(events.rows) >= 20_000:
            events.flush()
        self.last_hash = digest
        return self.seq

    def content_hash(self, content: dict[str, Any]) -> str:
        """``identity.content_hash``: by orjson (its sorted compact JSON is json's for the
        strings, integers, booleans and None of signed content), the first ones checked."""
        if orjson is None:
            return identity.content_hash(content)
        digest = hashlib.sha256(orjson.dumps(content, option=orjson.OPT_SORT_KEYS)).hexdigest()
        if len(self.signatures) < 2_000 and digest != identity.content_hash(content):
            raise RuntimeError("the fast content hash is not identity.content_hash's")
        return digest

    def sign(
        self,
        who: PersonRec,
        meaning: str,
        when: int,
        record_type: str,
        record_id: int,
        record_number: str,
        content: LoanContent | TransferContent | ResolutionContent,
    ) -> None:
        self.signatures.append(
            (
                len(self.signatures) + 1,
                self.uuid(),
                who.id,
                who.full_name,
                self.inst_name[who.institution_id],
                meaning,
                from_us(when),
                PIN if who.pin else "password",
                record_type,
                record_id,
                record_number,
                self.content_hash(content.as_dict()),
                None,
            )
        )

    # ------------------------------------------------------------------ people

    def build_people(self, admin_id: int) -> None:
        rng = self.rng
        created = from_us(self.t0 - 20 * DAY)
        self.inst_name[self.lender_id] = reference.LENDER.name
        self.inst_code[self.lender_id] = reference.LENDER.code
        self.person[admin_id] = PersonRec(admin_id, ADMIN, "Wang Jun", self.lender_id, "admin")
        next_id = itertools.count(2)
        next_person = itertools.count(admin_id + 1)
        taken = {ADMIN}

        def institution(place: reference.Place, kind: str) -> int:
            key = next(next_id)
            address = f"(synthetic) {place.name}, {place.country}"
            self.institutions.append(
                (key, self.uuid(), place.code, place.name, place.local_name or None,
                 place.country, address, kind, True, created)
            )  # fmt: skip
            self.inst_name[key] = place.name
            self.inst_code[key] = place.code
            return key

        def person(inst: int, country: str, roles: str, username: str = "") -> PersonRec:
            families, givens = reference.name_pool(country)
            family, given = rng.choice(families), rng.choice(givens)
            full = f"{family} {given}" if country in reference.FAMILY_FIRST else f"{given} {family}"
            base = username or f"{given}.{family}".lower().replace(" ", "")
            name, n = base, 1
            while name in taken:
                n += 1
                name = f"{base}{n}"
            taken.add(name)
            row = PersonRec(next(next_person), name, full, inst, roles, pin="courier" in roles)
            self.people.append(row)
            self.person[row.id] = row
            return row

        self.curators.append(person(self.lender_id, "China", "curator", CURATOR))
        self.curators += [person(self.lender_id, "China", "curator") for _ in range(11)]
        person(self.lender_id, "China", "viewer", "auditor")
        self.backup_id = institution(reference.BACKUP, "lender")
        self.backup_curators = [person(self.backup_id, "China", "curator") for _ in range(3)]
        # as many loans per lab manager at every size: a PI whose annual inventory or
        # deliverable is overdue may not borrow more (standing), and the service tail needs
        # one in good standing
        per_loans = max(1, round(self.size.loans / DEFAULT_LOANS))
        for place in reference.BORROWERS:
            inst = institution(place, "borrower")
            self.lab_managers[inst] = [
                person(inst, place.country, "lab_manager")
                for _ in range(rng.randint(2, 6) * per_loans)
            ]
        for place in reference.COURIER_FIRMS:
            inst = institution(place, "courier")
            self.couriers += [person(inst, place.country, "courier") for _ in range(8)]

    # ------------------------------------------------------------------ samples

    def plan(self) -> None:
        """Schedule registrations, splits, loans and the internal-transfer controller."""
        size, rng = self.size, self.rng
        children = min(int(0.3 * size.aliquots), max(0, (size.events - size.aliquots) // 4))
        self.children_left = children
        roots = size.aliquots - children
        samples = max(2, size.aliquots // 50)
        ce6_open = self.ce6 < self.end - 120 * DAY
        ce6 = int(samples * 0.4) if ce6_open else 0
        ce5 = samples - ce6
        per_sample = self._spread(roots, samples)
        serial = {"CE5C": 0, "CE5Z": 0, "CE6C": 0, "CE6Z": 0}
        for index in range(samples):
            mission = "CE5" if index < ce5 else "CE6"
            kind = "C" if rng.random() < 0.8 else "Z"
            serial[mission + kind] += 1
            if serial[mission + kind] > 9999:
                kind = "Z" if kind == "C" else "C"
                serial[mission + kind] += 1
            number = f"{mission}{kind}{serial[mission + kind]:04d}"
            start = self.t0 if mission == "CE5" else self.ce6
            span = 170 * DAY if mission == "CE5" else min(170 * DAY, self.end - start - 60 * DAY)
            when = start + int(rng.random() * span) + index  # distinct moments
            sample = SampleRec(len(self.samples) + 1, number, mission, kind, when)
            self.samples.append(sample)
            self.at(when, self.register, sample, per_sample[index])
        # lender-side splits, most of them in the first years; borrowers split some more
        lender_children = int(children * 0.9)
        made = 0
        while made < lender_children:
            k = min(rng.choice((1, 1, 2, 2, 3, 4)), lender_children - made)
            made += k
            self.at(self._after_registrations(), self.split_at_lender, k)
        self.at(self.end - DAY, self.finish_children)
        # loans: lending grows year by year (density rising linearly)
        self.items_per_loan = self._items_per_loan(children)
        first = self.t0 + 200 * DAY
        for index in range(size.loans):
            when = first + int((self.end - first) * rng.random() ** 0.5)
            items, approve_after = self._loan_size(), None
            if index == 0:
                items = AGREEMENT_ITEMS
                when = first + int((self.end - first) * 0.55)
            elif index == 1:  # a request drafted yesterday
                when = self.end - DAY // 2
            elif index == 2:  # approved, waiting for the borrower's countersignature
                when, approve_after = self.end - 4 * DAY, 1.0
            self.at(when, self.draft_loan, items, approve_after)
        day = self.t0 + 30 * DAY
        while day < self.end:
            self.at(day + 3 * 3600 * US, self.internal_controller)
            day += DAY

    def _spread(self, total: int, parts: int) -> list[int]:
        weights = [self.rng.uniform(0.3, 1.7) for _ in range(parts)]
        scale = total / sum(weights)
        counts = [max(1, int(w * scale)) for w in weights]
        diff = total - sum(counts)
        index = 0
        while diff != 0:
            if diff > 0:
                counts[index % parts] += 1
                diff -= 1
            elif counts[index % parts] > 1:
                counts[index % parts] -= 1
                diff += 1
            index += 1
        return counts

    def _after_registrations(self) -> int:
        # a split happens some time after the first registrations, spread over the years
        start = self.t0 + 200 * DAY
        return start + int((self.end - start) * self.rng.random() ** 1.5)

    def _items_per_loan(self, children: int) -> float:
        """Items per loan so that loans write about 60% of the events left after
        registrations and splits; internal transfers fill the rest."""
        left = self.size.events - self.size.aliquots - children
        per_item = 5.2  # released, legs, received, consumption, the way back (measured)
        shipped = 0.8  # share of loans that get to ship (the rest are recent or cancelled)
        return max(1.0, min(200.0, 0.6 * left / (self.size.loans * per_item * shipped)))

    def _loan_size(self) -> int:
        mean = self.items_per_loan
        value = int(self.rng.lognormvariate(0, 0.8) * mean / 1.377)  # E[lognormal] = 1.377
        return max(1, min(value, 300))

    def register(self, when: int, sample: SampleRec, count: int) -> None:
        rng = self.rng
        curator = rng.choice(self.curators)
        total = 0
        for serial in range(1, count + 1):
            rock = rng.random() < 0.15
            use = "YJYX" if rock else "YJFM"
            mass = int(10 ** rng.uniform(4.0, 5.7))  # 10 mg to 500 mg
            row = AliquotRec(
                len(self.aliquots) + 1,
                f"{sample.number}{use}{serial:05d}",
                sample,
                None,
                "basalt rock fragments" if rock else "powder (<1 mm fines)",
                VIAL,
                f"CNSA-S-{len(self.aliquots) + 1:07d}",
                when,
                ReplayState(),
            )
            self.aliquots.append(row)
            row.first_event = self.event(
                row, "registered", when, curator.id, self.lender_id, curator.id, mass=mass
            )
            total += mass
            self.pool.add(row)
            if rng.random() < 0.004:  # re-weighed on the calibrated balance a few days later
                self.at(when + self.days(1, 20), self.correct, row)
        sample.original_mass_ug = int(total * rng.uniform(1.05, 1.6))

    def correct(self, when: int, row: AliquotRec) -> None:
        state = row.state
        delta = self.rng.randint(-200, 300)
        if state.current_mass_ug + delta < 1 or state.status in (LOST, CONSUMED, DEPLETED):
            return
        curator = self.rng.choice(self.curators)
        self.event(
            row,
            "corrected",
            when,
            curator.id,
            state.custodian_institution_id,
            state.custodian_person_id,
            courier=state.courier_id,
            transfer=state.transfer_id,
            loan=state.loan_id,
            mass=delta,
            corrects=row.first_event,
            note="Re-weighed on the calibrated balance: the vial tare was off.",
        )

    # ------------------------------------------------------------------ splits

    def _children(
        self, when: int, parent: AliquotRec, k: int, actor: PersonRec, note: str
    ) -> list[AliquotRec]:
        state = parent.state
        rng = self.rng
        whole = rng.random() < 0.1
        shares = [rng.uniform(0.05, 0.3) for _ in range(k)]
        if whole:
            total = sum(shares)
            shares = [s / total for s in shares]
        masses = [max(1, int(state.current_mass_ug * s)) for s in shares]
        if whole:
            masses[-1] += state.current_mass_ug - sum(masses)
        if sum(masses) > state.current_mass_ug or min(masses) < 1:
            return []
        made = []
        for mass in masses:
            child = AliquotRec(
                len(self.aliquots) + 1,
                f"{parent.number}-G{parent.next_child}",
                parent.sample,
                parent.id,
                parent.form,
                VIAL,
                "",
                when,
                ReplayState(),
            )
            if len(child.number) > 60:
                return made
            parent.next_child += 1
            parent.sample.next_split += 1
            self.aliquots.append(child)
            holder = {
                "institution": state.custodian_institution_id,
                "custodian": actor.id,
                "loan": state.loan_id,
                "note": note,
            }
            self.event(parent, "split", when, actor.id, mass=mass, related=child.id, **holder)
            child.first_event = self.event(
                child, "derived", when, actor.id, mass=mass, related=parent.id, **holder
            )
            self.children_left -= 1
            made.append(child)
        return made

    def split_at_lender(self, when: int, k: int) -> None:
        for _ in range(5):  # a parent with enough mass
            if not self.pool or self.children_left <= 0:
                return
            parent = self.pool.pick(self.rng)
            if parent.state.current_mass_ug >= 1_000 * k:
                break
        else:
            return
        curator = self.rng.choice(self.curators)
        children = self._children(
            when, parent, min(k, self.children_left), curator, "Portions for loan requests."
        )
        for child in children:
            self.pool.add(child)
        if parent.state.status != IN_STORAGE:
            self.pool.remove(parent)

    def finish_children(self, when: int) -> None:
        """Whatever the splits left of the aliquot budget, split now at the lender."""
        tries = 0
        while self.children_left > 0 and self.pool and tries < 10 * self.size.aliquots:
            tries += 1
            self.split_at_lender(when, min(4, self.children_left))
            when += US

    # ------------------------------------------------------------------ loans

    def draft_loan(self, when: int, wanted: int, approve_after: float | None) -> None:
        rng = self.rng
        borrower = rng.choice(list(self.lab_managers))
        pi = rng.choice(self.lab_managers[borrower])
        curator = rng.choice(self.curators)
        approve = when + (int(approve_after * DAY) if approve_after else self.days(1, 10))
        countersign = approve + (30 * DAY if approve_after else self.days(2, 30))
        ship = countersign + self.days(3, 20)
        starts_on = from_us(ship).date()
        years = rng.choice((1, 1, 1, 2, 2, 3))
        due_on = starts_on + timedelta(days=365 * years)
        loan = LoanRec(
            id=len(self.loans) + 1,
            number=self.number("L", when),
            borrower_id=borrower,
            pi=pi,
            purpose=rng.choice(reference.PURPOSES) + ".",
            starts_on=starts_on,
            due_on=due_on,
            destructive=rng.random() < 0.5,
            notes=rng.choice(NOTES),
            created_at=when,
            created_by=curator.id,
        )
        self.loans.append(loan)
        taken = 0
        while taken < wanted and self.pool:
            row = self.pool.pick(rng)
            self.pool.remove(row)
            row.reserved = True
            mass = row.state.current_mass_ug
            loan.items[row.id] = [next(self.ids["item"]), mass, None, None, None, None, None, when]
            taken += 1
        if taken < wanted:
            self.short_loans += 1
        if not loan.items:
            loan.status = "cancelled"
            loan.notes = "Cancelled: nothing left to lend."
            return
        fate = rng.random()
        if fate < 0.01:
            return  # stays a draft: the request was never approved
        self.at(approve, self.approve_loan, loan, fate < 0.04, countersign, ship)

    def loan_content(self, loan: LoanRec) -> LoanContent:
        items = sorted(
            (self.aliquots[aliquot_id - 1].number, item[1])
            for aliquot_id, item in loan.items.items()
            if item[6] is None
        )
        return LoanContent(
            number=loan.number,
            lender=self.inst_code[self.lender_id],
            borrower=self.inst_code[loan.borrower_id],
            principal_investigator=loan.pi.username,
            co_investigators="",
            purpose=loan.purpose,
            starts_on=loan.starts_on,
            due_on=loan.due_on,
            destructive_analysis_allowed=loan.destructive,
            notes=loan.notes,
            items=tuple(LoanItemContent(n, m) for n, m in items),
        )

    def _release_items(self, loan: LoanRec) -> None:
        for aliquot_id in loan.items:
            row = self.aliquots[aliquot_id - 1]
            row.reserved = False
            if row.state.status == IN_STORAGE and row.state.custodian_institution_id == (
                self.lender_id
            ):
                self.pool.add(row)

    def approve_loan(
        self, when: int, loan: LoanRec, cancel: bool, countersign: int, ship: int
    ) -> None:
        curator = self.rng.choice(self.curators)
        if cancel:  # withdrawn before anything was shipped
            loan.status = "cancelled"
            loan.notes = (loan.notes + "\n" if loan.notes else "") + (
                "Cancelled: replaced by a new request."
            )
            self._release_items(loan)
            return
        self.sign(curator, "approved", when, "loan", loan.id, loan.number, self.loan_content(loan))
        loan.status, loan.approved_at = "approved", when
        self.at(countersign, self.countersign_loan, loan, ship)

    def countersign_loan(self, when: int, loan: LoanRec, ship: int) -> None:
        self.sign(loan.pi, "countersigned", when, "loan", loan.id, loan.number,
                  self.loan_content(loan))  # fmt: skip
        loan.status, loan.countersigned_at = "active", when
        numbers = list(loan.items)
        packages = [numbers[i : i + 60] for i in range(0, len(numbers), 60)]
        for index, ids in enumerate(packages):
            self.at(ship + index * DAY, self.prepare_outbound, loan, ids)
        if self.rng.random() < 0.1:  # extended once, a few weeks before the due date
            due = to_us(datetime.combine(loan.due_on, datetime.min.time(), UTC))
            self.at(due - self.days(15, 60), self.extend_loan, loan)

    def extend_loan(self, when: int, loan: LoanRec) -> None:
        if loan.status != "active":
            return
        curator = self.rng.choice(self.curators)
        loan.due_on += timedelta(days=self.rng.choice((90, 180, 365)))
        loan.extension_count += 1
        loan.notes = (loan.notes + "\n" if loan.notes else "") + (
            f"Extended to {loan.due_on.isoformat()} on {from_us(when).date().isoformat()}: "
            "written request for a second measurement campaign."
        )
        self.sign(curator, "extended", when, "loan", loan.id, loan.number,
                  self.loan_content(loan))  # fmt: skip

    def prepare_outbound(self, when: int, loan: LoanRec, ids: list[int]) -> None:
        sender = self.rng.choice(self.curators)
        rows = [self.aliquots[i - 1] for i in ids]
        transfer = self._prepare(
            when, "outbound", loan, self.lender_id, loan.borrower_id, sender, loan.pi, rows,
            f"CNSA-TS-{len(self.transfers) + 1:06d}",
        )  # fmt: skip
        loan.packages_out += 1
        self.at(when + self.days(0.05, 3), self.release, transfer)

    def _prepare(
        self,
        when: int,
        kind: str,
        loan: LoanRec | None,
        from_id: int,
        to_id: int,
        sender: PersonRec,
        receiver: PersonRec,
        rows: list[AliquotRec],
        seal: str,
    ) -> TransferRec:
        transfer = TransferRec(
            id=len(self.transfers) + 1,
            number=self.number("T", when),
            kind=kind,
            loan=loan,
            from_id=from_id,
            to_id=to_id,
            sender=sender,
            receiver=receiver,
            courier=self.rng.choice(self.couriers),
            seal=seal,
            prepared_at=when,
            items=[[next(self.ids["titem"]), row, row.state.current_mass_ug, None] for row in rows],
        )
        for row in rows:
            row.packed = True
        self.transfers.append(transfer)
        return transfer

    def transfer_content(self, transfer: TransferRec) -> TransferContent:
        return TransferContent(
            number=transfer.number,
            from_institution=self.inst_code[transfer.from_id],
            to_institution=self.inst_code[transfer.to_id],
            receiver=transfer.receiver.username,
            courier=transfer.courier.username,
            container=CONTAINER,
            seal_number=transfer.seal,
            status=transfer.status,
            items=tuple(
                TransferItemContent(row.number, expected, measured)
                for _, row, expected, measured in transfer.items
            ),
            legs=tuple(LegContent(leg[1], self.person[leg[2]].username) for leg in transfer.legs),
        )

    def release(self, when: int, transfer: TransferRec) -> None:
        courier, loan = transfer.courier, transfer.loan
        for item in transfer.items:
            row = item[1]
            row.packed = False
            if row.state.status != IN_STORAGE:  # a planning mistake: the rules say no
                raise RuntimeError(f"{row.number} is {row.state.status}, not in storage")
            item[2] = row.state.current_mass_ug
            self.event(
                row,
                "released",
                when,
                transfer.sender.id,
                courier.institution_id,
                courier.id,
                courier=courier.id,
                transfer=transfer.id,
                loan=loan.id if transfer.kind != "internal" and loan else row.state.loan_id,
                seal=transfer.seal,
            )
            if transfer.kind == "outbound" and loan is not None:
                loan_item = loan.items[row.id]
                loan_item[2], loan_item[3] = row.state.current_mass_ug, when
        transfer.status, transfer.released_at = "in_transit", when
        transfer.legs.append([next(self.ids["leg"]), 1, courier.id, transfer.sender.id, when, None])
        content = self.transfer_content(transfer)
        record = ("transfer", transfer.id, transfer.number, content)
        self.sign(transfer.sender, "relinquished", when, *record)
        self.sign(courier, "accepted", when, *record)
        legs = self.rng.choice((0, 0, 0, 1, 1, 2))
        moment = when
        for _ in range(legs):
            moment += self.days(0.3, 2)
            self.at(moment, self.hand_over, transfer)
        self.at(moment + self.days(0.5, 3), self.receive, transfer)

    def hand_over(self, when: int, transfer: TransferRec) -> None:
        previous = transfer.courier
        nxt = self.rng.choice(self.couriers)
        while nxt.id == previous.id:
            nxt = self.rng.choice(self.couriers)
        for _, row, _, _ in transfer.items:
            if row.state.status != IN_TRANSIT:
                continue
            self.event(
                row,
                "handed_over",
                when,
                previous.id,
                nxt.institution_id,
                nxt.id,
                courier=nxt.id,
                transfer=transfer.id,
                loan=row.state.loan_id,
                seal=transfer.seal,
            )
        transfer.legs[-1][5] = when
        transfer.legs.append(
            [next(self.ids["leg"]), len(transfer.legs) + 1, nxt.id, previous.id, when, None]
        )
        transfer.courier = nxt
        record = ("transfer", transfer.id, transfer.number, self.transfer_content(transfer))
        self.sign(previous, "relinquished", when, *record)
        self.sign(nxt, "accepted", when, *record)

    def receive(self, when: int, transfer: TransferRec) -> None:
        rng = self.rng
        receiver, loan = transfer.receiver, transfer.loan
        returning = transfer.kind == "return"
        seal_ok = rng.random() > 0.01
        weigh = rng.random() < 0.5
        off = rng.randrange(len(transfer.items)) if rng.random() < 0.03 else -1
        note = "" if seal_ok else "Outer tamper-evident seal torn on arrival; inner vials closed."
        if not seal_ok:
            self.discrepancies.append(
                self._discrepancy(transfer, None, "seal_broken", None, None, note, when, receiver)
            )
            self._resolve_later(when, len(self.discrepancies) - 1, None, 0)
        for index, item in enumerate(transfer.items):
            row: AliquotRec = item[1]
            state = row.state
            if state.status != IN_TRANSIT:
                continue
            expected = state.current_mass_ug
            weighed: int | None = None
            tolerance = mass_tolerance_ug(expected)
            if index == off:
                miss = tolerance + rng.randint(1, max(2, expected // 50))
                weighed = max(0, expected - miss) if rng.random() < 0.8 else expected + miss
            elif weigh:
                weighed = max(0, expected + rng.randint(-tolerance, tolerance))
            item[3] = weighed
            loan_id = (
                None
                if returning
                else (loan.id if transfer.kind == "outbound" and loan else state.loan_id)
            )
            receipt = self.event(
                row,
                "returned" if returning else "received",
                when,
                receiver.id,
                transfer.to_id,
                receiver.id,
                transfer=transfer.id,
                loan=loan_id,
                mass=weighed,
                seal=transfer.seal,
                seal_intact=seal_ok,
                note=note,
            )
            if weighed is not None and abs(weighed - expected) > tolerance:
                self.discrepancies.append(
                    self._discrepancy(transfer, row, "mass", expected, weighed, note, when,
                                      receiver)
                )  # fmt: skip
                self._resolve_later(when, len(self.discrepancies) - 1, row, receipt)
            if returning and loan is not None and row.id in loan.items:
                loan.items[row.id][4], loan.items[row.id][5] = state.current_mass_ug, when
        transfer.status, transfer.received_at, transfer.received_by = "received", when, receiver.id
        transfer.legs[-1][5] = when
        self.sign(receiver, "received", when, "transfer", transfer.id, transfer.number,
                  self.transfer_content(transfer))  # fmt: skip
        self.promised -= transfer.promise
        self._after_receipt(when, transfer)

    def _discrepancy(
        self,
        transfer: TransferRec,
        row: AliquotRec | None,
        kind: str,
        expected: int | None,
        measured: int | None,
        note: str,
        when: int,
        by: PersonRec,
    ) -> list[Any]:
        # id, uuid, transfer, aliquot, kind, expected, measured, note, photo, raised_at,
        # raised_by, resolved_at, resolved_by, resolution, resolution_note, resolution_event
        return [
            len(self.discrepancies) + 1, self.uuid(), transfer.id, row.id if row else None,
            kind, expected, measured, note, None, from_us(when), by.id, None, None, None, "",
            None, transfer,
        ]  # fmt: skip

    def _resolve_later(self, when: int, index: int, row: AliquotRec | None, receipt: int) -> None:
        if self.rng.random() < 0.85:
            self.at(when + self.days(1, 30), self.resolve, index, row, receipt)

    def resolve(self, when: int, index: int, row: AliquotRec | None, receipt: int) -> None:
        found = self.discrepancies[index]
        transfer: TransferRec = found[16]
        curator = self.rng.choice(self.curators)
        resolution, note, event = "accept", "Accepted after review of the photos.", None
        if row is not None and not row.packed:
            state = row.state
            difference = found[6] - found[5]
            if (
                difference < 0
                and state.status in (IN_STORAGE, IN_TRANSIT)
                and (-difference <= state.current_mass_ug)
            ):
                resolution, note = "record_loss", "Fines stuck to the inner bag."
                event = self.event(
                    row, "mass_lost", when, curator.id, state.custodian_institution_id,
                    state.custodian_person_id, courier=state.courier_id,
                    transfer=state.transfer_id, loan=state.loan_id, mass=-difference,
                    corrects=receipt, note=note,
                )  # fmt: skip
            elif state.current_mass_ug + difference >= 0 and state.status != LOST:
                resolution, note = "correct_book_mass", "The balance was recalibrated."
                event = self.event(
                    row, "corrected", when, curator.id, state.custodian_institution_id,
                    state.custodian_person_id, courier=state.courier_id,
                    transfer=state.transfer_id, loan=state.loan_id, mass=difference,
                    corrects=receipt,
                    note=f"Book mass corrected to the measured mass: {note}",
                )  # fmt: skip
            if state.status == IN_STORAGE and state.custodian_institution_id == self.lender_id:
                if not row.reserved:
                    self.pool.add(row)
            elif row.id in self.pool.where:
                self.pool.remove(row)
        found[11], found[12], found[13], found[14], found[15] = (
            from_us(when), curator.id, resolution, note, event,
        )  # fmt: skip
        content = ResolutionContent(
            transfer=transfer.number,
            aliquot=row.number if row else None,
            kind=found[4],
            expected=found[5],
            measured=found[6],
            resolution=resolution,
            note=note,
        )
        self.sign(curator, "resolved", when, "discrepancy", found[0],
                  f"{transfer.number}/{found[0]}", content)  # fmt: skip

    def _after_receipt(self, when: int, transfer: TransferRec) -> None:
        loan, rng = transfer.loan, self.rng
        if transfer.kind == "internal":
            if transfer.to_id == self.backup_id:
                return  # the return trip was scheduled with the package
            for _, row, _, _ in transfer.items:
                row.reserved = False
                if row.state.status == IN_STORAGE:
                    self.pool.add(row)
            return
        assert loan is not None
        if transfer.kind == "return":
            self._maybe_close(when, loan)
            return
        loan.packages_out -= 1
        for _, row, _, _ in transfer.items:  # work at the borrower
            if row.state.status != IN_STORAGE:
                continue
            if loan.destructive and rng.random() < 0.35:
                self.at(when + self.days(5, 200), self.consume, loan, row)
            elif rng.random() < 0.03 and self.children_left > 0:
                self.at(when + self.days(5, 200), self.split_at_borrower, loan, row)
            elif rng.random() < 0.002:
                self.at(when + self.days(5, 300), self.lose, loan, row)
        if loan.packages_out:
            return
        fate = rng.random()
        due = to_us(datetime.combine(loan.due_on, datetime.min.time(), UTC))
        if fate < 0.05:
            return  # never comes back: overdue once the due date passes
        if fate < 0.2:
            back = due + self.days(5, 90)  # late
        else:
            back = max(when + self.days(30, 60), due - self.days(0, 60))
        if rng.random() < 0.2:  # a partial return first
            early = when + int((back - when) * rng.uniform(0.3, 0.8))
            self.at(early, self.send_back, loan, 0.5)
        self.at(back, self.send_back, loan, 1.0)

    def consume(self, when: int, loan: LoanRec, row: AliquotRec) -> None:
        state = row.state
        if state.status != IN_STORAGE or state.loan_id != loan.id or loan.status != "active":
            return
        if row.packed:
            return
        current = state.current_mass_ug
        mass = current if self.rng.random() < 0.15 else max(1, int(current * self.rng.uniform(
            0.05, 0.6)))  # fmt: skip
        who = self.rng.choice(self.lab_managers[loan.borrower_id])
        self.event(row, "consumed", when, who.id, state.custodian_institution_id, who.id,
                   loan=state.loan_id, mass=mass,
                   note="Destructive analysis as the agreement allows.")  # fmt: skip

    def split_at_borrower(self, when: int, loan: LoanRec, row: AliquotRec) -> None:
        state = row.state
        if state.status != IN_STORAGE or state.loan_id != loan.id or self.children_left <= 0:
            return
        if row.packed:
            return
        if state.current_mass_ug < 2_000:
            return
        who = self.rng.choice(self.lab_managers[loan.borrower_id])
        parent_item = loan.items[row.id]
        for child in self._children(when, row, 1, who, "Subsample for SIMS mounts."):
            child.reserved = True
            loan.items[child.id] = [
                next(self.ids["item"]), child.state.initial_mass_ug, None, None, None, None,
                parent_item[0], when,
            ]  # fmt: skip

    def lose(self, when: int, loan: LoanRec, row: AliquotRec) -> None:
        state = row.state
        if state.status != IN_STORAGE or state.loan_id != loan.id or row.packed:
            return
        who = self.rng.choice(self.lab_managers[loan.borrower_id])
        self.event(row, "lost", when, who.id, state.custodian_institution_id,
                   state.custodian_person_id, transfer=state.transfer_id, loan=state.loan_id,
                   mass=state.current_mass_ug, note=LOST_NOTE)  # fmt: skip

    def _held(self, loan: LoanRec) -> list[AliquotRec]:
        rows = []
        for aliquot_id in loan.items:
            row = self.aliquots[aliquot_id - 1]
            state = row.state
            if (
                state.loan_id == loan.id
                and state.status == IN_STORAGE
                and state.custodian_institution_id == loan.borrower_id
            ):
                rows.append(row)
        return rows

    def send_back(self, when: int, loan: LoanRec, share: float) -> None:
        held = self._held(loan)
        if share < 1:
            held = held[: max(1, int(len(held) * share))] if len(held) > 1 else []
        if not held:
            if share >= 1:
                self._maybe_close(when, loan)
            return
        sender = self.rng.choice(self.lab_managers[loan.borrower_id])
        receiver = self.rng.choice(self.curators)
        code = self.inst_code[loan.borrower_id]
        for start in range(0, len(held), 60):
            transfer = self._prepare(
                when, "return", loan, loan.borrower_id, self.lender_id, sender, receiver,
                held[start : start + 60], f"{code}-RT-{len(self.transfers) + 1:06d}",
            )  # fmt: skip
            self.at(when + self.days(0.05, 2), self.release, transfer)
            when += US

    def _maybe_close(self, when: int, loan: LoanRec) -> None:
        """Close once nothing is out and no package is under way."""
        if loan.status != "active":
            return
        for aliquot_id in loan.items:
            state = self.aliquots[aliquot_id - 1].state
            if (
                state.loan_id == loan.id
                and state.status not in (CONSUMED, LOST)
                and (state.current_mass_ug > 0 or state.status == IN_TRANSIT)
            ):
                return
        self.at(when + self.days(5, 40), self.close_loan, loan)

    def close_loan(self, when: int, loan: LoanRec) -> None:
        if loan.status != "active":
            return
        curator = self.rng.choice(self.curators)
        self.sign(curator, "closed", when, "loan", loan.id, loan.number, self.loan_content(loan))
        loan.status, loan.closed_at = "closed", when
        for aliquot_id in loan.items:
            row = self.aliquots[aliquot_id - 1]
            row.reserved = False
            state = row.state
            if state.status == IN_STORAGE and state.custodian_institution_id == self.lender_id:
                self.pool.add(row)

    # ------------------------------------------------------------------ internal transfers

    def internal_controller(self, when: int) -> None:
        """Move material to the backup repository and back when the ledger runs behind the
        size asked for: keeps the total near --events whatever the loans wrote."""
        target = self.size.events * (when - self.t0) / (self.end - self.t0)
        for _ in range(20):
            if self.seq + self.promised >= target or len(self.pool) < 200:
                return
            self.internal_move(when + self.rng.randrange(3600 * US))

    def internal_move(self, when: int) -> None:
        rng = self.rng
        rows = []
        for _ in range(rng.randint(10, 60)):
            row = self.pool.pick(rng)
            self.pool.remove(row)
            row.reserved = True
            rows.append(row)
        sender, receiver = rng.choice(self.curators), rng.choice(self.backup_curators)
        transfer = self._prepare(
            when, "internal", None, self.lender_id, self.backup_id, sender, receiver, rows,
            f"CNSA-IT-{len(self.transfers) + 1:06d}",
        )  # fmt: skip
        back = when + self.days(20, 300)
        # each trip's events (legs: about 0.67 a package), counted until its receipt
        count = int(len(rows) * (2 + 0.67))
        transfer.promise = count
        self.promised += count * (1 + (back <= self.end))
        self.at(when + self.days(0.05, 1), self.release, transfer)
        self.at(back, self.return_internal, rows, count)

    def return_internal(self, when: int, rows: list[AliquotRec], count: int) -> None:
        rows = [r for r in rows if r.state.status == IN_STORAGE]
        if not rows:
            self.promised -= count
            return
        sender = self.rng.choice(self.backup_curators)
        receiver = self.rng.choice(self.curators)
        transfer = self._prepare(
            when, "internal", None, self.backup_id, self.lender_id, sender, receiver, rows,
            f"CNSA-IT-{len(self.transfers) + 1:06d}",
        )  # fmt: skip
        transfer.promise = count
        self.at(when + self.days(0.05, 1), self.release, transfer)

    # ------------------------------------------------------------------ running

    def run(
        self,
        report: Callable[[str], None],
        checkpoint: Callable[[Collection], None] | None = None,
        every: int = 0,
    ) -> None:
        """Run the queued actions in time order; ``checkpoint(self)`` after the action that
        takes the ledger past each multiple of ``every`` events."""
        started = time.perf_counter()
        step = max(1, self.size.events // 10)
        next_report = (self.seq // step + 1) * step
        next_checkpoint = (self.seq // every + 1) * every if checkpoint and every else 0
        while self.queue:
            when, _, action, args = heapq.heappop(self.queue)
            action(when, *args)
            if self.seq >= next_report:
                report(
                    f"  {self.seq:>10,} events, {len(self.aliquots):,} aliquots, "
                    f"{from_us(when).date()} ({time.perf_counter() - started:.0f} s)"
                )
                next_report += step
            if next_checkpoint and self.seq >= next_checkpoint and checkpoint is not None:
                checkpoint(self)
                next_checkpoint += every
        self.events.flush()

    # the connection and what holds it, and the institution key: not in a checkpoint
    _TRANSIENT = ("db", "inserts", "events", "issuer", "_occurred")

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in self._TRANSIENT}

    def attach(self, connection: sqlite3.Connection, issuer: keys.InstitutionKey) -> None:
        """Back to work on ``connection`` after a checkpoint was read."""
        self.db = connection
        self.inserts = Inserts(connection)
        self.events = Writer(self.inserts, CustodyEvent.__table__, EVENT_COLUMNS)
        self._occurred = _occurred_processor()
        self.issuer = issuer

    def write_records(self) -> None:
        """Everything but the events, which were streamed while the history ran."""
        t = Writer(
            self.inserts,
            Institution.__table__,
            (
                "id",
                "uuid",
                "code",
                "name",
                "local_name",
                "country",
                "address",
                "kind",
                "active",
                "created_at",
            ),
        )
        for row in self.institutions:
            t.add(row)
        t.flush()
        hashes = (identity.hash_password(PASSWORD), identity.hash_pin(COURIER_PIN))
        created = from_us(self.t0 - 20 * DAY)
        t = Writer(
            self.inserts,
            Person.__table__,
            (
                "id",
                "uuid",
                "institution_id",
                "username",
                "full_name",
                "local_name",
                "email",
                "roles",
                "password_hash",
                "pin_hash",
                "active",
                "failed_attempts",
                "created_at",
            ),
        )
        for p in self.people:
            t.add((p.id, self.uuid(), p.institution_id, p.username, p.full_name, p.local_name,
                   f"{p.username}@{self.inst_code[p.institution_id].lower()}.example",
                   p.roles, hashes[0], hashes[1] if p.pin else None, True, 0, created))  # fmt: skip
        t.flush()
        self.person_uuid = dict(
            self.inserts.wait().execute("SELECT id, uuid FROM people").fetchall()
        )
        t = Writer(
            self.inserts,
            Sample.__table__,
            (
                "id",
                "uuid",
                "number",
                "scheme",
                "owner_institution_id",
                "mission",
                "station",
                "landmark",
                "collection_container",
                "sample_type",
                "sample_subtype",
                "description",
                "original_mass_ug",
                "next_split_number",
                "registered_at",
                "registered_by_id",
            ),
        )
        site = {"CE5": "Mons Rümker region, northern Oceanus Procellarum",
                "CE6": "Apollo basin, South Pole-Aitken basin (far side)"}  # fmt: skip
        for s in self.samples:
            scooped = s.kind == "C"
            t.add((s.id, self.uuid(), s.number, "change", self.lender_id,
                   "Chang'e-5" if s.mission == "CE5" else "Chang'e-6", "", site[s.mission],
                   "surface scoop container" if scooped else "drill core sampling bag",
                   "regolith", "scooped surface soil" if scooped else "drilled core",
                   "(synthetic) Regolith for the benchmarks.", s.original_mass_ug, s.next_split,
                   from_us(s.registered_at), self.curators[0].id))  # fmt: skip
        t.flush()
        t = Writer(
            self.inserts,
            Aliquot.__table__,
            (
                "id",
                "uuid",
                "number",
                "sample_id",
                "parent_id",
                "form",
                "container",
                "seal_number",
                "next_child_number",
                "created_at",
                "status",
                "initial_mass_ug",
                "current_mass_ug",
                "children_mass_ug",
                "consumed_mass_ug",
                "lost_mass_ug",
                "custodian_institution_id",
                "custodian_person_id",
                "courier_id",
                "transfer_id",
                "loan_id",
                "last_event_id",
            ),
        )
        for a in self.aliquots:
            s = a.state
            t.add((a.id, self.uuid(), a.number, a.sample.id, a.parent_id, a.form, a.container,
                   a.seal, a.next_child, from_us(a.created_at), s.status, s.initial_mass_ug,
                   s.current_mass_ug, s.children_mass_ug, s.consumed_mass_ug, s.lost_mass_ug,
                   s.custodian_institution_id, s.custodian_person_id, s.courier_id,
                   s.transfer_id, s.loan_id, s.last_event_id))  # fmt: skip
        t.flush()
        self._write_loans()
        self._write_transfers()
        t = Writer(
            self.inserts,
            Discrepancy.__table__,
            (
                "id",
                "uuid",
                "transfer_id",
                "aliquot_id",
                "kind",
                "expected_mass_ug",
                "measured_mass_ug",
                "note",
                "photo",
                "raised_at",
                "raised_by_id",
                "resolved_at",
                "resolved_by_id",
                "resolution",
                "resolution_note",
                "resolution_event_id",
            ),
        )
        for d in self.discrepancies:
            t.add(d[:16])
        t.flush()
        t = Writer(
            self.inserts,
            Signature.__table__,
            (
                "id",
                "uuid",
                "person_id",
                "printed_name",
                "institution_name",
                "meaning",
                "signed_at",
                "method",
                "record_type",
                "record_id",
                "record_number",
                "content_hash",
                "drawing_png",
                "certificate_id",
                "crypto_signature",
            ),
        )
        for row in self._signed():
            t.add(row)
        t.flush()
        self.inserts.wait().execute(
            "UPDATE ledger_head SET last_seq = ?, last_hash = ? WHERE id = 1",
            (self.seq, self.last_hash),
        )

    def _issue_keys(self) -> dict[int, tuple[int, str, trust_keys.PrivateKey]]:
        """A certificate for every person who signs with a password, issued by the
        institution key before the history began, each key sealed under the demo password
        (one argon2id for them all: one salt, a nonce each). Person id -> (certificate id,
        fingerprint, key)."""
        issuer = self.issuer
        assert issuer is not None
        signers = sorted({row[2] for row in self.signatures if row[7] != PIN})
        seal = sealing.sealer(PASSWORD)
        next_id = (
            self.inserts.wait()
            .execute("SELECT COALESCE(MAX(id), 0) FROM certificates")
            .fetchone()[0]
        )
        t = Writer(
            self.inserts,
            Certificate.__table__,
            ("id", "uuid", "kind", "institution_id", "person_id", "fingerprint",
             "certificate_pem", "sealed_key", "valid_from", "valid_until", "created_at",
             "revocation_reason"),
        )  # fmt: skip
        issued = {}
        for person_id in signers:
            person = self.person[person_id]
            key = trust_keys.new_private_key()
            organisation = self.inst_name[person.institution_id]
            holder = trust_keys.Holder(self.person_uuid[person_id], person.full_name, organisation)
            certificate = trust_keys.person_certificate(
                issuer.private_key, issuer.certificate, key.public_key(), holder, self.keys_made
            )
            next_id += 1
            fingerprint = trust_keys.fingerprint(certificate)
            t.add((next_id, str(uuid.uuid4()), keys.PERSON, person.institution_id, person_id,
                   fingerprint, trust_keys.certificate_pem(certificate), seal(key),
                   certificate.not_valid_before_utc, certificate.not_valid_after_utc,
                   self.keys_made, ""))  # fmt: skip
            issued[person_id] = (next_id, fingerprint, key)
        t.flush()
        return issued

    def _signed(self) -> Iterable[tuple[Any, ...]]:
        """Every signature with its certificate and ECDSA value, as ``keys.seal_signature``
        makes them: by the signer's key, or for a courier's PIN attested by the institution
        key. Signed by threads in batches (ECDSA runs without Python's lock)."""
        issuer = self.issuer
        assert issuer is not None
        issued = self._issue_keys()
        attest = (issuer.certificate_id, issuer.fingerprint, issuer.private_key)

        def sign(batch: list[tuple[trust_keys.PrivateKey, dict[str, Any]]]) -> list[str]:
            return [sign_statement(key, statement) for key, statement in batch]

        with ThreadPoolExecutor(2) as pool:
            for start in range(0, len(self.signatures), 5_000):
                rows = self.signatures[start : start + 5_000]
                made, work = [], []
                for row in rows:
                    certificate_id, fingerprint, key = attest if row[7] == PIN else issued[row[2]]
                    (_, uuid_, person_id, name, institution, meaning, signed_at, method,
                     record_type, _, number, content_hash, drawing) = row  # fmt: skip
                    fields = SignedFields(uuid_, name, institution, meaning, signed_at, method,
                                          record_type, number, content_hash, drawing)  # fmt: skip
                    statement = keys.signature_statement(
                        fields, self.person_uuid[person_id], fingerprint
                    )
                    made.append(certificate_id)
                    work.append((key, statement))
                half = len(work) // 2
                parts = [pool.submit(sign, work[:half]), pool.submit(sign, work[half:])]
                values = parts[0].result() + parts[1].result()
                for row, certificate_id, value in zip(rows, made, values, strict=True):
                    yield (*row, certificate_id, value)

    def _write_loans(self) -> None:
        def moment(value: int | None) -> datetime | None:
            return None if value is None else from_us(value)

        t = Writer(
            self.inserts,
            Loan.__table__,
            (
                "id",
                "uuid",
                "number",
                "lender_institution_id",
                "borrower_institution_id",
                "principal_investigator_id",
                "co_investigators",
                "purpose",
                "starts_on",
                "due_on",
                "destructive_analysis_allowed",
                "notes",
                "status",
                "extension_count",
                "created_at",
                "created_by_id",
                "approved_at",
                "countersigned_at",
                "closed_at",
            ),
        )
        items = Writer(
            self.inserts,
            LoanItem.__table__,
            (
                "id",
                "uuid",
                "loan_id",
                "aliquot_id",
                "parent_item_id",
                "mass_at_loan_ug",
                "added_at",
                "shipped_mass_ug",
                "shipped_at",
                "returned_mass_ug",
                "returned_at",
            ),
        )
        for loan in self.loans:
            t.add((loan.id, self.uuid(), loan.number, self.lender_id, loan.borrower_id,
                   loan.pi.id, "", loan.purpose, loan.starts_on, loan.due_on, loan.destructive,
                   loan.notes, loan.status, loan.extension_count, from_us(loan.created_at),
                   loan.created_by, moment(loan.approved_at), moment(loan.countersigned_at),
                   moment(loan.closed_at)))  # fmt: skip
            for aliquot_id, i in loan.items.items():
                items.add((i[0], self.uuid(), loan.id, aliquot_id, i[6], i[1], from_us(i[7]),
                           i[2], moment(i[3]), i[4], moment(i[5])))  # fmt: skip
        t.flush()
        items.flush()

    def _write_transfers(self) -> None:
        def moment(value: int | None) -> datetime | None:
            return None if value is None else from_us(value)

        t = Writer(
            self.inserts,
            Transfer.__table__,
            (
                "id",
                "uuid",
                "number",
                "kind",
                "loan_id",
                "from_institution_id",
                "to_institution_id",
                "sender_id",
                "receiver_id",
                "courier_id",
                "container",
                "seal_number",
                "status",
                "notes",
                "prepared_at",
                "released_at",
                "received_at",
                "received_by_id",
            ),
        )
        items = Writer(
            self.inserts,
            TransferItem.__table__,
            ("id", "transfer_id", "aliquot_id", "expected_mass_ug", "measured_mass_ug"),
        )
        legs = Writer(
            self.inserts,
            TransferLeg.__table__,
            (
                "id",
                "transfer_id",
                "seq",
                "courier_id",
                "handed_over_by_id",
                "started_at",
                "ended_at",
            ),
        )
        for x in self.transfers:
            t.add((x.id, self.uuid(), x.number, x.kind, x.loan.id if x.loan else None, x.from_id,
                   x.to_id, x.sender.id, x.receiver.id, x.courier.id, CONTAINER, x.seal,
                   x.status, "", from_us(x.prepared_at), moment(x.released_at),
                   moment(x.received_at), x.received_by))  # fmt: skip
            for item_id, row, expected, measured in x.items:
                items.add((item_id, x.id, row.id, expected, measured))
            for leg in x.legs:
                legs.add((leg[0], x.id, leg[1], leg[2], leg[3], from_us(leg[4]), moment(leg[5])))
        for writer in (t, items, legs):
            writer.flush()


# ---------------------------------------------------------------------- audit baseline


def write_baseline(inserts: Inserts, now: datetime) -> tuple[int, dict[str, list[int]]]:
    """``audit.write_baseline``'s entries for the bulk rows, in the bulk transaction: SQLite
    writes each row out as the audit trail does (``record_scan.row_text_sql``, the very text
    verify compares the row with) and Python only chains the hashes. A row holding a secret
    or bytes cannot be written out in SQL: its table and id are returned, for
    ``audit.write_baseline(only=...)`` once the rows are committed. Returns (entries written,
    the rows left)."""
    connection = inserts.wait()
    seq, prev = connection.execute(
        "SELECT audit_seq, audit_hash FROM ledger_head WHERE id = 1"
    ).fetchone()
    stored = AuditEntry.__table__.c.occurred_at.type.dialect_impl(_DIALECT).bind_processor(
        _DIALECT
    )(now)
    moment = to_us(now)
    sql = (
        "INSERT INTO audit_entries (id, occurred_at, table_name, record_id, action, "
        "new_value, prev_hash, hash) VALUES (?, ?, ?, ?, 'baseline', ?, ?, ?)"
    )
    reader = connection.cursor()  # reads while the insert thread writes (SQLite serialises)
    left: dict[str, list[int]] = {}
    written = 0
    quote = _DIALECT.identifier_preparer.quote
    for model in audit.audited_models():
        name = model.__tablename__
        reader.execute(
            f"SELECT t.id, {record_scan.row_text_sql(model, 'sqlite', quote)} "
            f"FROM {quote(name)} AS t ORDER BY t.id"
        )
        while batch := reader.fetchmany(20_000):
            rows = []
            for record_id, value in batch:
                if record_scan.NOT_WRITTEN_HERE in value:
                    left.setdefault(name, []).append(record_id)
                    continue
                seq += 1
                digest = content_hash(
                    prev, [seq, moment, None, name, record_id, "baseline", None, None, value]
                )
                rows.append((seq, stored, name, record_id, value, prev, digest))
                prev = digest
            if rows:
                if written == 0:  # the fast encoding against the reference, once
                    first = rows[0]
                    values = [first[0], now, None, name, first[3], "baseline", None, None,
                              first[4]]  # fmt: skip
                    if audit_hash(first[5], values) != first[6]:
                        raise RuntimeError("the fast audit hash is not chain.audit_hash's")
                inserts.put(sql, rows)
                written += len(rows)
    inserts.wait().execute(
        "UPDATE ledger_head SET audit_seq = ?, audit_hash = ? WHERE id = 1", (seq, prev)
    )
    return written, left


def checkpoint_path(path: Path) -> Path:
    return path.with_name(path.name + ".checkpoint")


def _bulk_connection(path: Path, *, wal: bool) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    for pragma in (
        # a failed generation is thrown away, not recovered; a checkpointed one needs its
        # last commit whole (WAL: nothing of a later transaction reaches the file)
        f"journal_mode = {'WAL' if wal else 'OFF'}",
        "synchronous = OFF",
        "foreign_keys = OFF",  # checked at the end by verify's foreign_key_check
        "cache_size = -1000000",
        "temp_store = MEMORY",
    ):
        connection.execute(f"PRAGMA {pragma}")
    return connection


def _drop_events_after(connection: sqlite3.Connection, seq: int) -> None:
    """Events written after the checkpoint was (committed but stopped before its state
    was saved): gone, past the ledger's own no-delete trigger."""
    (last,) = connection.execute("SELECT COALESCE(MAX(id), 0) FROM custody_events").fetchone()
    if last <= seq:
        return
    (trigger,) = connection.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'custody_events_no_delete'"
    ).fetchone()
    connection.execute("DROP TRIGGER custody_events_no_delete")
    connection.execute("DELETE FROM custody_events WHERE id > ?", (seq,))
    connection.execute(trigger)


def drop_indexes(connection: sqlite3.Connection) -> list[str]:
    """Drop the secondary indexes (rebuilt at the end by ``create_indexes``: sorting once is
    far cheaper than keeping them through millions of inserts); their CREATE statements.
    The UNIQUE constraints' own indexes stay, SQLite cannot drop them."""
    found = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ).fetchall()
    for name, _ in found:
        connection.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in found]


# ---------------------------------------------------------------------- the service tail


def service_tail(db: Database, collection: Collection) -> str:
    """One loan from draft to receipt through the real services, on top of the bulk history."""
    store = db
    with store.read() as session:
        curator = actor_of(identity.find_person(session, CURATOR))
        courier_ids = [c.id for c in collection.couriers[:2]]
        couriers = [session.get(Person, i) for i in courier_ids]
        assert couriers[0] is not None and couriers[1] is not None
        first, second = couriers[0].username, couriers[1].username
        today = date.today()
        # a PI in good standing today: the history's annual inventories and deliverables fall
        # due as the calendar moves on, and an overdue one holds the PI's new loans
        borrower, pi = next(
            (borrower, pi)
            for borrower, managers in collection.lab_managers.items()
            for pi in managers
            if standing.why_not_new_loan_for_pi(session, pi.id, today) is None
        )
    lendable = [
        r.number for r in collection.pool.items if not r.reserved and r.state.status == IN_STORAGE
    ][:3]
    loan = loans.create_loan(
        store,
        curator,
        borrower_code=collection.inst_code[borrower],
        principal_investigator=pi.username,
        purpose="(synthetic) Written through the services after the bulk history.",
        starts_on=today,
        due_on=today + timedelta(days=365),
    )
    loans.add_loan_items(store, curator, loan.number, lendable)
    clearance.attest_open_items(store, curator, loan.number, note="cleared")
    loans.approve_loan(store, curator, loan.number, Credential(CURATOR, PASSWORD))
    with store.read() as session:
        pi_actor = actor_of(identity.find_person(session, pi.username))
        first_actor = actor_of(identity.find_person(session, first))
    loans.countersign_loan(store, pi_actor, loan.number, Credential(pi.username, PASSWORD))
    transfer = custody.release_package(
        store,
        curator,
        aliquot_numbers=lendable,
        receiver=pi.username,
        courier=first,
        seal_number="CNSA-TS-TAIL-0001",
        sender_credential=Credential(CURATOR, PASSWORD),
        courier_credential=Credential(first, COURIER_PIN, PIN),
        loan_number=loan.number,
        container=CONTAINER,
    )
    custody.hand_over(
        store,
        first_actor,
        transfer.number,
        to_courier=second,
        from_credential=Credential(first, COURIER_PIN, PIN),
        to_credential=Credential(second, COURIER_PIN, PIN),
    )
    custody.confirm_receipt(
        store,
        pi_actor,
        transfer.number,
        credential=Credential(pi.username, PASSWORD),
        seal_intact=True,
    )
    return f"loan {loan.number}, transfer {transfer.number} ({len(lendable)} aliquots)"


# ---------------------------------------------------------------------- main


def generate(
    path: Path,
    size: Size,
    *,
    seed: int = 20250625,
    end: datetime | None = None,
    report: Callable[[str], None] = print,
    checkpoint_every: int = 0,
    resume: bool = False,
) -> dict[str, Any]:
    """Write the synthetic collection to a new SQLite file at ``path``; a summary.

    ``checkpoint_every``: every that many events, commit and write the simulation's state
    beside the file (``PATH.checkpoint``; the file is in WAL mode meanwhile, so a stopped
    run leaves its last commit whole), and once more when the history is simulated; with
    ``resume`` a stopped run carries on from its last checkpoint (``size``, ``seed`` and
    ``end`` are then the checkpoint's)."""
    started = time.perf_counter()
    saved = checkpoint_path(path)
    if resume:
        if not saved.exists():
            raise SystemExit(f"There is no checkpoint {saved} to resume from.")
        with saved.open("rb") as file:
            state = pickle.load(file)
        collection: Collection = state["collection"]
        indexes: list[str] = state["indexes"]
        simulated: bool = state["simulated"]
        checkpoint_every = checkpoint_every or state["every"]
        db = Database.open(str(path), create=False)
        with db.read() as session:
            issuer = keys.institution_key(session)
        db.dispose()
        connection = _bulk_connection(path, wal=True)
        connection.execute("BEGIN")
        _drop_events_after(connection, collection.seq)
        collection.attach(connection, issuer)
        report(
            f"Resuming {path} at event {collection.seq:,}"
            + (" (history simulated)" if simulated else "")
        )
    else:
        size.check()
        end = end or (datetime.now(UTC) - timedelta(days=1)).replace(microsecond=0)
        if path.exists():
            raise SystemExit(f"{path} exists already; remove it or give another --db.")
        path.parent.mkdir(parents=True, exist_ok=True)
        saved.unlink(missing_ok=True)
        report(f"Generating {size.aliquots:,} aliquots, ~{size.events:,} events, "
               f"{size.loans:,} loans into {path}")  # fmt: skip
        db = Database.open(str(path))
        before = datetime.combine(CE5_START.date() - timedelta(days=30), datetime.min.time(), UTC)
        with clock.using(lambda: before):
            admin = registry.bootstrap(
                db,
                lender_code=reference.LENDER.code,
                lender_name=reference.LENDER.name,
                lender_local_name=reference.LENDER.local_name,
                country=reference.LENDER.country,
                address="(synthetic) Haidian District, Beijing, China",
                admin_username=ADMIN,
                admin_full_name="Wang Jun",
                admin_password=PASSWORD,
            )
        with db.read() as session:
            issuer = keys.institution_key(session)
        db.dispose()
        report(
            f"  institution key {trust_keys.short_fingerprint(issuer.fingerprint)}: "
            f"{keyring.key_path(issuer.fingerprint)} "
            f"(set {keyring.ENVIRONMENT} to choose the folder)"
        )
        connection = _bulk_connection(path, wal=bool(checkpoint_every))
        connection.execute("BEGIN")
        indexes = drop_indexes(connection)
        collection = Collection(connection, size, seed, end)
        collection.issuer, collection.keys_made = issuer, before
        collection.build_people(admin.person_id)
        collection.plan()
        simulated = False

    def checkpoint(collection: Collection, simulated: bool = False) -> None:
        collection.events.flush()
        collection.inserts.wait()
        partial = saved.with_suffix(".partial")
        with partial.open("wb") as file:
            state = {"collection": collection, "indexes": indexes, "simulated": simulated,
                     "every": checkpoint_every}  # fmt: skip
            pickle.dump(state, file, protocol=pickle.HIGHEST_PROTOCOL)
        connection.execute("COMMIT")  # a stop before the rename: the extra events are dropped
        partial.replace(saved)
        connection.execute("BEGIN")
        report(f"  checkpoint at event {collection.seq:,} ({time.perf_counter() - started:.0f} s)")

    if not simulated:
        collection.run(report, checkpoint, checkpoint_every)
        elapsed = time.perf_counter() - started
        report(f"  history simulated: {collection.seq:,} events ({elapsed:.0f} s)")
        if checkpoint_every:
            checkpoint(collection, simulated=True)
    collection.write_records()
    report(f"  records written ({time.perf_counter() - started:.0f} s)")
    # what the bulk rows are now is what the audit trail starts from (as migration 0002 did
    # for the rows of its day); the services audit what changes after
    baseline, left = write_baseline(collection.inserts, clock.now())
    collection.inserts.close()
    report(f"  audit baseline: {baseline:,} entries ({time.perf_counter() - started:.0f} s)")
    for sql in indexes:
        connection.execute(sql)
    connection.execute("COMMIT")
    saved.unlink(missing_ok=True)
    report(f"  indexes built ({time.perf_counter() - started:.0f} s)")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.close()

    db = Database.open(str(path), create=False)
    try:
        with db.write() as session:  # rows with secrets: their digests are Python's
            baseline += audit.write_baseline(session, only=left)
        tail = service_tail(db, collection)
    finally:
        db.dispose()
    seconds = time.perf_counter() - started
    by_status: dict[str, int] = {}
    for loan in collection.loans:
        by_status[loan.status] = by_status.get(loan.status, 0) + 1
    summary = {
        "aliquots": len(collection.aliquots),
        "samples": len(collection.samples),
        "events": collection.seq,
        "loans": len(collection.loans) + 1,
        "loans_by_status": by_status,
        "transfers": len(collection.transfers) + 1,
        "signatures": len(collection.signatures),
        "discrepancies": len(collection.discrepancies),
        "people": len(collection.people) + 1,
        "short_loans": collection.short_loans,
        "service_tail": tail,
        "seconds": seconds,
        "bytes": path.stat().st_size,
    }
    report(
        f"Done in {seconds:.0f} s: {summary['aliquots']:,} aliquots in "
        f"{summary['samples']:,} samples, {summary['events']:,} bulk events, "
        f"{summary['loans']:,} loans "
        f"({', '.join(f'{n} {s}' for s, n in sorted(by_status.items()))}), "
        f"{summary['transfers']:,} transfers, {summary['discrepancies']:,} discrepancies; "
        f"then through the services: {tail}. File: {summary['bytes'] / 1e6:,.0f} MB."
    )
    if collection.short_loans:
        report(f"  note: {collection.short_loans} loans got fewer items than planned")
    report(f"Sign in as '{CURATOR}' (curator) or '{ADMIN}' with the password '{PASSWORD}'.")
    return summary


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scale",
        type=int,
        default=1,
        help="N times the default size (10: 2,000,000 aliquots, 20,000,000 events, 50,000 "
        "loans); --aliquots, --events and --loans override it",
    )
    parser.add_argument("--aliquots", type=int)
    parser.add_argument("--events", type=int)
    parser.add_argument("--loans", type=int)
    parser.add_argument("--db", required=True, help="the new SQLite file to write")
    parser.add_argument("--seed", type=int, default=20250625)
    parser.add_argument(
        "--checkpoint-every",
        type=int,
        default=0,
        metavar="EVENTS",
        help="commit and save the simulation every EVENTS events (PATH.checkpoint), so that "
        "--resume can carry on after the run was stopped",
    )
    parser.add_argument(
        "--resume", action="store_true", help="carry on from PATH.checkpoint (see above)"
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    size = Size(
        args.aliquots or DEFAULT_ALIQUOTS * args.scale,
        args.events or DEFAULT_EVENTS * args.scale,
        args.loans or DEFAULT_LOANS * args.scale,
    )
    generate(
        Path(args.db),
        size,
        seed=args.seed,
        checkpoint_every=args.checkpoint_every,
        resume=args.resume,
    )


if __name__ == "__main__":
    main()
