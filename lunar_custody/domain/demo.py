"""Demo data: CNSA's lunar sample laboratory lending Chang'e-5 aliquots to the seven
borrowing institutions of 2025, with about eighteen months of history.

Everything is written through the real service functions (sign-in checks, signatures, the
ledger), so every rule holds and ``queries.verify`` passes. The history is stamped with
``clock.using`` in chronological order, ending yesterday, so the timelines look real and
the ledger's times never go backwards. Nothing here is real: the people are invented, the
masses and agreements made up; institution addresses and loan purposes say "(demo)" and the
lender's address carries DEMO_MARKER (see ``is_demo``).

Over 600 lines: it is one story told in the order it happened (each loan's journey depends
on the ones before it), and split into modules it would have to pass that story's state
around for no reader's benefit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from time import perf_counter

from sqlalchemy import func, select

from . import (
    clearance,
    clock,
    custody,
    deliverables,
    inventory,
    loans,
    queries,
    receivers,
    registry,
)
from .errors import RuleViolation
from .identity import PIN, Credential, actor_of
from .ledger import STATUS_LABELS
from .models import Institution, Person
from .permissions import Actor
from .registry import NewAliquot, NewSample
from .store import Store
from .wording import counted

DEMO_MARKER = "DEMO DATA — not real samples, people or agreements"
DEMO_PASSWORD = "lunar-demo-2025"
DEMO_PIN = "2468"

LENDER = "CNSA"
BROWN, STONY_BROOK, KOELN, OSAKA = "BROWN", "STONYBROOK", "KOELN", "OSAKA"
OPEN_UNIVERSITY, IPGP, SUPARCO = "OPENU", "IPGP", "SUPARCO"
COURIERS = "MERIDIAN"

Progress = Callable[[str], None]


@dataclass(frozen=True)
class DemoUser:
    """One account of the demo database, for the CLI's and README's table of users."""

    username: str
    full_name: str
    institution_code: str
    roles: tuple[str, ...]
    does: str
    local_name: str = ""

    @property
    def pin(self) -> str | None:
        """Couriers sign with a PIN at the loading dock; everyone else with the password."""
        return DEMO_PIN if "courier" in self.roles else None

    @property
    def email(self) -> str:
        return f"{self.username}@{self.institution_code.lower()}.example"


# The administrator comes first: bootstrap creates it and it creates everyone else.
DEMO_USERS: list[DemoUser] = [
    DemoUser(
        "admin", "Wang Jun", LENDER, ("admin",),
        "Administrator: manages institutions and accounts, does no custody work",
    ),
    DemoUser(
        "zhang", "Zhang Min", LENDER, ("curator",),
        "Curator: registers samples, prepares and approves loans, ships and receives", "张敏",
    ),
    DemoUser(
        "liu", "Liu Yang", LENDER, ("curator",),
        "Curator: approves loans, resolves discrepancies (a broken seal is waiting)", "刘洋",
    ),
    DemoUser(
        "chen", "Chen Jing", LENDER, ("viewer",),
        "Auditor: reads everything, changes nothing, verifies the ledger", "陈静",
    ),
    DemoUser(
        "carter", "Emily Carter", BROWN, ("lab_manager",),
        "Lab manager and PI of the closed loan (consumed, returned, reconciled)",
    ),
    DemoUser(
        "reyes", "Daniel Reyes", STONY_BROOK, ("lab_manager",),
        "Lab manager and PI of the overdue loan; reported a lost aliquot",
    ),
    DemoUser(
        "weiss", "Jürgen Weiß", KOELN, ("lab_manager",),
        "Lab manager and PI of the extended, partially returned loan",
    ),
    DemoUser(
        "sato", "Haruka Sato", OSAKA, ("lab_manager",),
        "Lab manager and PI; a package is on its way to her (two courier legs)", "佐藤 遥",
    ),
    DemoUser(
        "macleod", "Fiona MacLeod", OPEN_UNIVERSITY, ("lab_manager",),
        "Lab manager and PI; named a co-official, split and analysed a subsample",
    ),
    DemoUser(
        "okafor", "Grace Okafor", OPEN_UNIVERSITY, ("lab_manager",),
        "Co-official of the Open University loan: received its package while the PI travelled",
    ),
    DemoUser(
        "lefevre", "Camille Lefèvre", IPGP, ("lab_manager",),
        "Lab manager and PI; an approved loan waits for her countersignature",
    ),
    DemoUser(
        "siddiqui", "Ayesha Siddiqui", SUPARCO, ("lab_manager",),
        "Lab manager and PI of a loan still in draft",
    ),
    DemoUser(
        "zhao", "Zhao Lei", COURIERS, ("courier",),
        "Courier (PIN): carries packages; handed the Osaka package on", "赵磊",
    ),
    DemoUser(
        "mori", "Kenji Mori", COURIERS, ("courier",),
        "Courier (PIN): carries the Osaka package now", "森 健二",
    ),
]  # fmt: skip


@dataclass(frozen=True)
class _DemoInstitution:
    code: str
    name: str
    kind: str
    country: str
    address: str
    local_name: str = ""


_LENDER_NAME = "Lunar Sample Laboratory, China National Space Administration (demo)"

_INSTITUTIONS: list[_DemoInstitution] = [
    _DemoInstitution(
        BROWN, "Brown University", "borrower", "USA",
        "(demo) Department of Earth, Environmental and Planetary Sciences, 324 Brook Street, "
        "Providence, RI 02912, USA",
    ),
    _DemoInstitution(
        STONY_BROOK, "Stony Brook University", "borrower", "USA",
        "(demo) Department of Geosciences, Stony Brook, NY 11794, USA",
    ),
    _DemoInstitution(
        KOELN, "Universität zu Köln", "borrower", "Germany",
        "(demo) Institut für Geologie und Mineralogie, Zülpicher Straße 49b, 50674 Köln, "
        "Germany",
    ),
    _DemoInstitution(
        OSAKA, "Osaka University", "borrower", "Japan",
        "(demo) Graduate School of Science, 1-1 Machikaneyama, Toyonaka, Osaka 560-0043, Japan",
        "大阪大学",
    ),
    _DemoInstitution(
        OPEN_UNIVERSITY, "The Open University", "borrower", "United Kingdom",
        "(demo) School of Physical Sciences, Walton Hall, Milton Keynes MK7 6AA, United Kingdom",
    ),
    _DemoInstitution(
        IPGP, "Institut de physique du globe de Paris / Université Paris Cité", "borrower",
        "France", "(demo) 1 rue Jussieu, 75238 Paris Cedex 05, France",
    ),
    _DemoInstitution(
        SUPARCO, "SUPARCO, Pakistan Space and Upper Atmosphere Research Commission",
        "borrower", "Pakistan", "(demo) SUPARCO Headquarters, Gulzar-e-Hijri, Karachi, Pakistan",
    ),
    _DemoInstitution(
        COURIERS, "Meridian Secure Logistics (demo)", "courier", "China",
        "(demo) Cargo Terminal, Beijing Capital International Airport, Beijing, China",
    ),
]  # fmt: skip

_LANDING_SITE = "Mons Rümker region, northern Oceanus Procellarum (43.06°N, 51.92°W)"
_VIAL = "N2-purged borosilicate vial, 2 mL"


def _scooped(number: str, grams_ug: int, description: str, aliquots: list[NewAliquot]) -> NewSample:
    return NewSample(
        number,
        grams_ug,
        mission="Chang'e-5",
        landmark=_LANDING_SITE,
        collection_container="surface scoop container",
        sample_type="regolith",
        sample_subtype="scooped surface soil",
        description=f"(demo) {description}",
        aliquots=aliquots,
    )


def _aliquot(
    number: str, mass_ug: int, seal: str, form: str = "powder (<1 mm fines)"
) -> NewAliquot:
    return NewAliquot(number, mass_ug, form=form, container=_VIAL, seal_number=seal)


# Masses are integer micrograms: tens to hundreds of milligrams per aliquot.
_SAMPLES: list[NewSample] = [
    _scooped(
        "CE5C0400",
        25_000_000,
        "Scooped regolith, bulk fines from the first scoop.",
        [
            _aliquot("CE5C0400YJFM00501", 500_000, "CNSA-S-04501"),
            _aliquot("CE5C0400YJFM00502", 120_000, "CNSA-S-04502"),
            _aliquot("CE5C0400YJFM00503", 80_000, "CNSA-S-04503"),
            _aliquot("CE5C0400YJFM00504", 150_000, "CNSA-S-04504"),
            _aliquot("CE5C0400YJFM00505", 100_000, "CNSA-S-04505"),
            _aliquot("CE5C0400YJFM00506", 60_000, "CNSA-S-04506"),
        ],
    ),
    _scooped(
        "CE5C0600",
        18_500_000,
        "Scooped regolith with basalt fragments.",
        [
            _aliquot("CE5C0600YJFM00301", 200_000, "CNSA-S-06301"),
            _aliquot("CE5C0600YJFM00302", 100_000, "CNSA-S-06302"),
            _aliquot("CE5C0600YJFM00303", 90_000, "CNSA-S-06303"),
            _aliquot("CE5C0600YJFM00304", 150_000, "CNSA-S-06304"),
            _aliquot("CE5C0600YJFM00305", 75_000, "CNSA-S-06305"),
            _aliquot("CE5C0600YJYX00306", 250_000, "CNSA-S-06306", "basalt rock fragments"),
        ],
    ),
    _scooped(
        "CE5C0800",
        12_000_000,
        "Scooped regolith, second scoop, fine fraction.",
        [
            _aliquot("CE5C0800YJFM00201", 180_000, "CNSA-S-08201"),
            _aliquot("CE5C0800YJFM00202", 60_000, "CNSA-S-08202"),
            _aliquot("CE5C0800YJFM00203", 120_000, "CNSA-S-08203"),
        ],
    ),
    NewSample(
        "CE5Z0109",
        4_200_000,
        mission="Chang'e-5",
        landmark=_LANDING_SITE,
        collection_container="drill core sampling bag",
        sample_type="regolith",
        sample_subtype="drilled core, lower section",
        description="(demo) Drilled regolith core, lower section, homogenised.",
        aliquots=[
            _aliquot("CE5Z0109YJFM00101", 40_000, "CNSA-S-09101"),
            _aliquot("CE5Z0109YJFM00102", 35_000, "CNSA-S-09102"),
            _aliquot("CE5Z0109YJFM00103", 50_000, "CNSA-S-09103"),
            _aliquot("CE5Z0109YJFM00104", 45_000, "CNSA-S-09104"),
        ],
    ),
]


@dataclass(frozen=True)
class DemoSummary:
    """What was built, as counts, and as lines for the CLI to print."""

    institutions: int
    people: int
    samples: int
    aliquots: int
    loans_by_status: dict[str, int]
    overdue_loans: int
    transfers_by_status: dict[str, int]
    aliquots_by_status: dict[str, int]
    open_discrepancies: int
    events: int
    seconds: float

    def lines(self) -> list[str]:
        def listing(counts: dict[str, int], labels: dict[str, str] | None = None) -> str:
            parts = [f"{n} {(labels or {}).get(k, k).replace('_', ' ')}" for k, n in counts.items()]
            return ", ".join(parts) or "none"

        loan_counts = {s: self.loans_by_status[s] for s in loans.LOAN_STATES
                       if self.loans_by_status.get(s)}  # fmt: skip
        transfer_counts = {s: self.transfers_by_status[s] for s in custody.TRANSFER_STATES
                           if self.transfers_by_status.get(s)}  # fmt: skip
        return [
            DEMO_MARKER,
            f"Institutions: {self.institutions} (the lender CNSA, 7 borrowers, 1 courier firm)",
            f"People: {self.people}; password for every demo user: {DEMO_PASSWORD}, "
            f"couriers' PIN: {DEMO_PIN}",
            f"Samples: {self.samples}; aliquots: {self.aliquots} "
            f"({listing(self.aliquots_by_status, STATUS_LABELS)})",
            f"Loans: {sum(self.loans_by_status.values())} ({listing(loan_counts)}); "
            f"overdue: {self.overdue_loans}",
            f"Transfers: {sum(self.transfers_by_status.values())} ({listing(transfer_counts)})",
            f"Open discrepancies: {self.open_discrepancies}",
            f"Custody events: {self.events}",
            f"Built in {self.seconds:.1f} s.",
        ]


def is_demo(store: Store) -> bool:
    """True for a database built by ``build_demo``: its lender's address carries the marker."""
    with store.read() as session:
        found = session.scalar(
            select(func.count())
            .select_from(Institution)
            .where(Institution.kind == "lender", Institution.address.contains(DEMO_MARKER))
        )
        return bool(found)


class _DemoClock:
    """The time the services stamp while the demo is built: set day by day, never backwards.

    Every reading moves on a little, so operations within one day get distinct, increasing
    times (an operation reads the clock once; row defaults and the audit trail read it too).
    """

    _TICK = timedelta(seconds=17)

    def __init__(self, today: date) -> None:
        self.today = today
        self.moment = datetime.combine(today - timedelta(days=600), time(0), UTC)

    def __call__(self) -> datetime:
        self.moment += self._TICK
        return self.moment

    def at(self, days_ago: int, hour: int, minute: int = 0) -> None:
        moment = datetime.combine(self.day(days_ago), time(hour, minute), UTC)
        if moment <= self.moment:  # a mistake in the script below, never the user's
            raise RuntimeError(f"The demo script goes back in time at {moment.isoformat()}.")
        self.moment = moment

    def day(self, days_ago: int) -> date:
        return self.today - timedelta(days=days_ago)


class _Builder:
    """The demo's story, told through the services in the order it happened."""

    def __init__(self, store: Store, progress: Progress | None) -> None:
        self.store = store
        self.progress = progress or (lambda _message: None)
        self.clock = _DemoClock(datetime.now(UTC).date())
        self.actors: dict[str, Actor] = {}
        # loan numbers, set as the story reaches them
        self.brown = self.stony_brook = self.koeln_loan = self.osaka = ""
        self.open_university = ""

    # ---------------------------------------------------------------- shortcuts

    def __getitem__(self, username: str) -> Actor:
        return self.actors[username]

    def at(self, days_ago: int, hour: int, minute: int = 0) -> None:
        self.clock.at(days_ago, hour, minute)

    def day(self, days_ago: int) -> date:
        return self.clock.day(days_ago)

    @staticmethod
    def password(username: str) -> Credential:
        return Credential(username, DEMO_PASSWORD)

    @staticmethod
    def pin(username: str) -> Credential:
        return Credential(username, DEMO_PIN, PIN)

    def loan(
        self,
        *,
        borrower: str,
        pi: str,
        purpose: str,
        starts_days_ago: int,
        days: int,
        items: list[str],
        destructive: bool,
        notes: str = "",
    ) -> str:
        """Draft a loan and add its items (the lender's curator zhang prepares every loan)."""
        starts_on = self.day(starts_days_ago)
        row = loans.create_loan(
            self.store,
            self["zhang"],
            borrower_code=borrower,
            principal_investigator=pi,
            purpose=f"(demo) {purpose}",
            starts_on=starts_on,
            due_on=starts_on + timedelta(days=days),
            destructive_analysis_allowed=destructive,
            notes=f"(demo) {notes}" if notes else "(demo)",
        )
        loans.add_loan_items(self.store, self["zhang"], row.number, items)
        self.progress(f"Loan {row.number} to {borrower} drafted.")
        return row.number

    def approve(self, number: str, curator: str = "zhang") -> None:
        self.clear(number, curator)
        loans.approve_loan(self.store, self[curator], number, self.password(curator))

    def countersign(self, number: str, pi: str) -> None:
        loans.countersign_loan(self.store, self[pi], number, self.password(pi))

    def release(
        self,
        aliquots: list[str],
        *,
        sender: str,
        receiver: str,
        loan: str,
        seal: str,
        courier: str = "zhao",
        container: str = "Pelican 1120 case, double-bagged in N2",
    ) -> str:
        transfer = custody.release_package(
            self.store,
            self[sender],
            aliquot_numbers=aliquots,
            receiver=receiver,
            courier=courier,
            seal_number=seal,
            sender_credential=self.password(sender),
            courier_credential=self.pin(courier),
            loan_number=loan,
            container=container,
        )
        self.progress(
            f"Transfer {transfer.number}: {counted(len(aliquots), 'aliquot')} to {receiver}."
        )
        return transfer.number

    def receive(
        self,
        transfer: str,
        receiver: str,
        *,
        seal_intact: bool = True,
        measured: dict[str, int] | None = None,
        note: str = "",
    ) -> custody.Receipt:
        return custody.confirm_receipt(
            self.store,
            self[receiver],
            transfer,
            credential=self.password(receiver),
            seal_intact=seal_intact,
            measured_ug=measured,
            note=note,
        )

    # ---------------------------------------------------------------- the story

    def build(self) -> None:
        self.people()
        self.samples()
        self.brown_and_stony_brook()
        self.koeln()
        self.closing_brown()
        self.annual_inventories()
        self.recent_loans()
        self.recent_movements()
        self.awaiting_deliverables()
        self.blocked_by_clearance()

    # ---------------------------------------------------------------- clearance

    def _borrowers_lab_manager(self, borrower_code: str) -> str:
        return next(
            u.username
            for u in DEMO_USERS
            if u.institution_code == borrower_code and "lab_manager" in u.roles
        )

    def clear(self, number: str, curator: str) -> None:
        """Complete loan ``number``'s clearance before it is approved: the borrower's lab
        manager attests its own documents (files kept with their SHA-256), the lender's
        curator the export licence; where the borrower's country needs no import permit the
        curator waives it. Every demo loan is approved cleared, as the rule wants."""
        checklist = queries.clearance_list(self.store, number)
        borrower = checklist.loan.borrower_code
        lab = self._borrowers_lab_manager(borrower)
        for line in checklist.lines:
            key = line.key
            if key == "import_permit" and borrower in (KOELN, IPGP):
                clearance.waive_item(
                    self.store,
                    self[curator],
                    number,
                    key,
                    reason="(demo) Within the EU no import permit is needed for research "
                    "samples; the customs declaration travels with the package.",
                )
                continue
            by = curator if key == "export_licence" else lab
            document = f"(demo) {line.title}, loan {number}, {borrower}.\n".encode()
            clearance.attest_item(
                self.store,
                self[by],
                number,
                key,
                note="(demo) Checked against the original.",
                file_name=f"{number}-{key.replace('_', '-')}.pdf",
                file_content=document,
                expires_on=self._expiry(borrower, key) if line.can_expire else None,
            )
        self.progress(f"Clearance of loan {number} complete.")

    def _expiry(self, borrower: str, key: str) -> date:
        """The Open University's insurance runs out in three weeks (a reminder shows it)."""
        return self.day(-21 if (borrower, key) == (OPEN_UNIVERSITY, "insurance") else -300)

    def blocked_by_clearance(self) -> None:
        """The SUPARCO draft cannot be approved yet: the security plan, the signatures under
        it and the export licence are in; the import permit and the insurance are not."""
        (draft,) = [
            loan
            for loan in queries.loans(self.store, status="draft")
            if loan.borrower_code == SUPARCO
        ]
        self.at(1, 17)
        for key, by in (
            ("security_plan", "siddiqui"),
            ("co_investigator_signatures", "siddiqui"),
            ("export_licence", "zhang"),
        ):
            clearance.attest_item(
                self.store,
                self[by],
                draft.number,
                key,
                note="(demo) Received and checked.",
                file_name=f"{draft.number}-{key.replace('_', '-')}.pdf",
                file_content=f"(demo) {key}, loan {draft.number}.\n".encode(),
                expires_on=self.day(-200) if key == "export_licence" else None,
            )
        self.progress(f"Loan {draft.number} waits for its clearance (2 items open).")

    def deliverables_story(self) -> None:
        """Brown delivered all it owed (closing needs it); a later loan, its material all
        consumed in the analyses, still owes a publication: "awaiting deliverables"."""
        self.settle_deliverables(self.brown, publication="doi:10.1029/2026JE008123")

    def settle_deliverables(self, number: str, *, publication: str | None) -> None:
        for row in queries.loan_deliverables(self.store, number):
            if row.kind == "publication" and publication is None:
                continue
            reference = {
                "return_accounting": f"(demo) Form F-75 for {number}, signed by the PI",
                "data_report": f"(demo) {number}-data-report.pdf",
                "publication": publication or "",
            }.get(row.kind, "(demo)")
            deliverables.deliver(self.store, self["zhang"], number, row.id, reference=reference)

    def awaiting_deliverables(self) -> None:
        self.at(2, 8)
        number = self.loan(
            borrower=BROWN,
            pi="carter",
            purpose="Follow-up FTIR maps of the space-weathered rims.",
            starts_days_ago=3,
            days=60,
            items=["CE5C0400YJFM00502"],
            destructive=True,
        )
        self.at(2, 9)
        self.approve(number)
        self.at(2, 10)
        self.countersign(number, "carter")
        self.at(2, 11)
        outbound = self.release(
            ["CE5C0400YJFM00502"],
            sender="zhang",
            receiver="carter",
            loan=number,
            seal="CNSA-TS-0198",
        )
        self.at(2, 16)
        self.receive(outbound, "carter")
        self.at(1, 9)
        # the whole aliquot goes into the analyses: nothing to send back, all accounted for
        registry.consume(
            self.store,
            self["carter"],
            "CE5C0400YJFM00502",
            120_000,
            note="(demo) Ablated entirely in the FTIR and NanoSIMS sessions.",
        )
        self.at(1, 16)
        self.settle_deliverables(number, publication=None)
        self.progress(f"Loan {number}: all material accounted for, a publication still owed.")

    def people(self) -> None:
        self.at(540, 1)
        admin_user, *others = DEMO_USERS
        admin = registry.bootstrap(
            self.store,
            lender_code=LENDER,
            lender_name=_LENDER_NAME,
            lender_local_name="国家航天局探月与航天工程中心 月球样品实验室",
            country="China",
            address=f"(demo) Haidian District, Beijing, China\n{DEMO_MARKER}",
            admin_username=admin_user.username,
            admin_full_name=admin_user.full_name,
            admin_password=DEMO_PASSWORD,
        )
        # bootstrap takes no e-mail address: the administrator adds it like anyone's.
        registry.update_person(self.store, admin, admin_user.username, email=admin_user.email)
        self.actors[admin_user.username] = admin
        for inst in _INSTITUTIONS:
            registry.create_institution(
                self.store,
                admin,
                code=inst.code,
                name=inst.name,
                kind=inst.kind,
                local_name=inst.local_name,
                country=inst.country,
                address=inst.address,
            )
        self.progress(f"{len(_INSTITUTIONS) + 1} institutions created.")
        for user in others:
            person = registry.create_person(
                self.store,
                admin,
                username=user.username,
                full_name=user.full_name,
                institution_code=user.institution_code,
                roles=list(user.roles),
                password=DEMO_PASSWORD,
                pin=user.pin,
                email=user.email,
                local_name=user.local_name,
            )
            self.actors[user.username] = actor_of(person)
        self.progress(f"{len(DEMO_USERS)} user accounts created.")

    def samples(self) -> None:
        self.at(538, 2)
        for sample in _SAMPLES:
            registry.register_sample(self.store, self["zhang"], sample)
        self.at(536, 3)
        first = queries.history(self.store, "CE5C0400YJFM00501")[0]
        registry.correct_event(
            self.store,
            self["zhang"],
            first.id,
            note="(demo) Re-weighed on the calibrated balance: the vial tare was 0.12 mg high.",
            mass_delta_ug=120,
        )
        self.progress(f"{len(_SAMPLES)} Chang'e-5 samples registered.")

    def brown_and_stony_brook(self) -> None:
        self.at(530, 2)
        brown = self.loan(
            borrower=BROWN,
            pi="carter",
            purpose="Space weathering and solar-wind water in Chang'e-5 regolith (FTIR, NanoSIMS).",
            starts_days_ago=520,
            days=365,
            items=["CE5C0400YJFM00502", "CE5C0400YJFM00503"],
            destructive=True,
            notes="Funding: NASA SSW. Export clearance granted.",
        )
        self.brown = brown
        self.at(528, 3)
        self.approve(brown)
        self.at(524, 15)
        self.countersign(brown, "carter")
        self.at(520, 2)
        outbound = self.release(
            ["CE5C0400YJFM00502", "CE5C0400YJFM00503"],
            sender="zhang",
            receiver="carter",
            loan=brown,
            seal="CNSA-TS-0117",
        )
        self.at(517, 19)
        self.receive(outbound, "carter")

        self.at(505, 2)
        withdrawn = self.loan(
            borrower=STONY_BROOK,
            pi="reyes",
            purpose="Thermal history and volatile loss of young mare basalt fines.",
            starts_days_ago=490,
            days=365,
            items=["CE5C0400YJFM00504", "CE5Z0109YJFM00101"],
            destructive=False,
        )
        self.at(500, 3)
        loans.cancel_loan(
            self.store,
            self["zhang"],
            withdrawn,
            reason="(demo) Replaced by a new request that adds a second scooped aliquot.",
        )
        self.at(498, 2)
        stony_brook = self.loan(
            borrower=STONY_BROOK,
            pi="reyes",
            purpose="Thermal history and volatile loss of young mare basalt fines.",
            starts_days_ago=480,
            days=435,
            items=["CE5C0400YJFM00504", "CE5C0400YJFM00505", "CE5Z0109YJFM00101"],
            destructive=False,
            notes="Replaces the withdrawn request.",
        )
        self.stony_brook = stony_brook
        self.at(496, 2)
        self.approve(stony_brook)
        self.at(490, 14)
        self.countersign(stony_brook, "reyes")
        self.at(480, 1)
        outbound = self.release(
            ["CE5C0400YJFM00504", "CE5C0400YJFM00505", "CE5Z0109YJFM00101"],
            sender="zhang",
            receiver="reyes",
            loan=stony_brook,
            seal="CNSA-TS-0131",
        )
        self.at(477, 18)
        self.receive(outbound, "reyes")

        self.at(470, 16)
        registry.consume(
            self.store,
            self["carter"],
            "CE5C0400YJFM00503",
            20_000,
            note="(demo) Step-heating noble-gas extraction; material used up.",
        )

    def koeln(self) -> None:
        self.at(420, 2)
        koeln = self.loan(
            borrower=KOELN,
            pi="weiss",
            purpose="Hf-W and Lu-Hf chronology of Chang'e-5 basalt fines.",
            starts_days_ago=400,
            days=365,
            items=["CE5C0600YJFM00301", "CE5C0600YJFM00302", "CE5C0600YJFM00303"],
            destructive=True,
            notes="Funding: DFG. Export clearance granted.",
        )
        self.koeln_loan = koeln
        self.at(415, 3)
        self.approve(koeln, "liu")
        self.at(410, 9)
        self.countersign(koeln, "weiss")
        self.at(400, 1)
        outbound = self.release(
            ["CE5C0600YJFM00301", "CE5C0600YJFM00302", "CE5C0600YJFM00303"],
            sender="zhang",
            receiver="weiss",
            loan=koeln,
            seal="CNSA-TS-0158",
        )
        self.at(397, 10)
        receipt = self.receive(
            outbound,
            "weiss",
            measured={
                "CE5C0600YJFM00301": 200_030,
                "CE5C0600YJFM00302": 99_960,
                "CE5C0600YJFM00303": 88_900,
            },
            note="(demo) Weighed on arrival in the clean lab.",
        )
        self.at(395, 3)
        for found in receipt.discrepancies:  # the 1.1 mg short vial
            custody.resolve_discrepancy(
                self.store,
                self["liu"],
                found.id,
                resolution="record_loss",
                note="(demo) Fines stuck to the inner bag, confirmed by the borrower's photos.",
                credential=self.password("liu"),
            )
        self.progress(f"Loan {koeln}: mass discrepancy recorded and resolved.")

        self.at(360, 15)
        registry.report_lost(
            self.store,
            self["reyes"],
            "CE5Z0109YJFM00101",
            note="(demo) Vial dropped in the glovebox antechamber; fines not recoverable.",
        )

    def closing_brown(self) -> None:
        self.at(320, 15)
        inbound = self.release(
            ["CE5C0400YJFM00502", "CE5C0400YJFM00503"],
            sender="carter",
            receiver="zhang",
            loan=self.brown,
            seal="BRN-RT-0042",
        )
        self.at(316, 2)
        self.receive(
            inbound,
            "zhang",
            measured={"CE5C0400YJFM00502": 119_980, "CE5C0400YJFM00503": 60_010},
        )
        self.at(312, 3)
        self.deliverables_story()
        loans.close_loan(self.store, self["zhang"], self.brown, self.password("zhang"))
        self.progress(f"Loan {self.brown} returned, reconciled and closed.")

        self.at(150, 10)
        partial = self.release(
            ["CE5C0600YJFM00302"],
            sender="weiss",
            receiver="zhang",
            loan=self.koeln_loan,
            seal="UZK-RT-0007",
        )
        self.at(146, 2)
        self.receive(partial, "zhang", measured={"CE5C0600YJFM00302": 99_950})
        self.progress(f"Loan {self.koeln_loan}: one aliquot returned early.")

    def annual_inventories(self) -> None:
        """Stony Brook takes its first annual inventory after the anniversary and Daniel
        Reyes certifies it; Köln's, due since its anniversary, is left overdue (the dashboard
        shows it, and no new loan or shipment goes to Jürgen Weiß until it is certified)."""
        self.at(112, 10)
        taken = inventory.start_inventory(
            self.store, self["reyes"], self.stony_brook, note="(demo) first annual inventory"
        )
        lines = inventory.show(self.store, taken.number).lines
        for line in lines:
            inventory.scan(self.store, self["reyes"], taken.number, line.aliquot_number)
        first = lines[0]
        if first.book_mass_ug:
            inventory.weigh(
                self.store, self["reyes"], taken.number, first.aliquot_number, first.book_mass_ug
            )
        self.at(112, 11)
        inventory.certify(self.store, self["reyes"], taken.number, self.password("reyes"))
        self.progress(f"Inventory {taken.number} of loan {self.stony_brook} certified.")

    def recent_loans(self) -> None:
        self.at(95, 2)
        self.osaka = self.loan(
            borrower=OSAKA,
            pi="sato",
            purpose="Noble-gas cosmic-ray exposure ages and solar-wind implantation.",
            starts_days_ago=10,
            days=365,
            items=["CE5C0600YJFM00304", "CE5C0600YJFM00305"],
            destructive=True,
            notes="Funding: JSPS KAKENHI. Export licence issued after review.",
        )
        self.at(92, 3)
        self.approve(self.osaka, "liu")
        self.at(88, 6)
        self.countersign(self.osaka, "sato")

        self.at(70, 2)
        self.open_university = self.loan(
            borrower=OPEN_UNIVERSITY,
            pi="macleod",
            purpose="Oxygen isotopes and water abundance by SIMS.",
            starts_days_ago=20,
            days=365,
            items=["CE5C0800YJFM00201", "CE5C0800YJFM00202", "CE5Z0109YJFM00102"],
            destructive=True,
            notes="Funding: STFC. Export clearance granted.",
        )
        self.at(66, 3)
        self.approve(self.open_university)
        self.at(60, 11)
        self.countersign(self.open_university, "macleod")
        self.co_official()

        self.at(58, 2)
        loans.extend_loan(
            self.store,
            self["zhang"],
            self.koeln_loan,
            self.day(-150),
            reason="(demo) Written request from J. Weiß: a second measurement campaign.",
            credential=self.password("zhang"),
        )
        self.progress(f"Loan {self.koeln_loan} extended.")

        self.at(40, 2)
        registry.split_aliquot(
            self.store,
            self["zhang"],
            "CE5C0600YJYX00306",
            [50_000, 50_000],
            form="basalt rock fragments",
            container=_VIAL,
            note="(demo) Two portions for the Paris request.",
        )
        self.at(38, 2)
        ipgp = self.loan(
            borrower=IPGP,
            pi="lefevre",
            purpose="Palaeomagnetism of Chang'e-5 basalt fragments.",
            starts_days_ago=-30,
            days=365,
            items=["CE5C0800YJFM00203", "CE5C0600YJYX00306-G1"],
            destructive=False,
            notes="Funding: CNES. Awaiting the borrower's countersignature.",
        )
        self.at(30, 3)
        self.approve(ipgp)

    def co_official(self) -> None:
        """The Open University names a co-official for its loan, as STFC's loans do; she
        receives its package while the PI is away (recent_movements)."""
        self.at(59, 9)
        receivers.add_receiver(
            self.store, self["macleod"], self.open_university, "okafor", "co-official"
        )
        self.progress(f"Loan {self.open_university}: Grace Okafor named co-official.")

    def recent_movements(self) -> None:
        self.at(14, 1)
        outbound = self.release(
            ["CE5C0800YJFM00201", "CE5C0800YJFM00202", "CE5Z0109YJFM00102"],
            sender="zhang",
            receiver="macleod",
            loan=self.open_university,
            seal="CNSA-TS-0233",
        )
        self.at(10, 11)
        self.receive(
            outbound,
            "okafor",  # the co-official: the package is addressed to MacLeod, who travels
            seal_intact=False,
            note="(demo) Outer tamper-evident seal torn on arrival; inner vials closed.",
        )
        self.progress(f"Transfer {outbound}: broken seal reported, left for a curator.")

        self.at(7, 2)
        self.loan(
            borrower=SUPARCO,
            pi="siddiqui",
            purpose="Geotechnical properties of regolith for in-situ resource utilisation.",
            starts_days_ago=-60,
            days=365,
            items=["CE5C0400YJFM00506", "CE5Z0109YJFM00103"],
            destructive=False,
        )
        self.at(6, 10)
        (child,) = registry.split_aliquot(
            self.store,
            self["macleod"],
            "CE5C0800YJFM00201",
            [30_000],
            note="(demo) Subsample for SIMS mounts.",
        )
        self.at(4, 1)
        osaka = self.release(
            ["CE5C0600YJFM00304", "CE5C0600YJFM00305"],
            sender="zhang",
            receiver="sato",
            loan=self.osaka,
            seal="CNSA-TS-0241",
        )
        self.at(3, 14)
        registry.consume(
            self.store,
            self["macleod"],
            child.number,
            8_000,
            note="(demo) Sputtered away in SIMS oxygen-isotope runs.",
        )
        self.at(2, 5)
        custody.hand_over(
            self.store,
            self["zhao"],
            osaka,
            to_courier="mori",
            from_credential=self.pin("zhao"),
            to_credential=self.pin("mori"),
        )
        self.progress(f"Transfer {osaka}: handed from courier zhao to mori at Kansai airport.")


def build_demo(store: Store, *, progress: Progress | None = None) -> DemoSummary:
    """Fill an empty database with the demo; refused where anybody has an account already.

    The build is a sequence of ordinary transactions: if it fails half-way, start again
    with a new database.
    """
    with store.read() as session:
        if session.scalar(select(func.count()).select_from(Person)):
            raise RuleViolation(
                "This database already has users: demo data goes only into a new, empty database."
            )
    started = perf_counter()
    builder = _Builder(store, progress)
    with clock.using(builder.clock):
        builder.build()
    totals = queries.totals(store)
    return DemoSummary(
        institutions=totals.institutions,
        people=totals.people,
        samples=totals.samples,
        aliquots=totals.aliquots,
        loans_by_status=totals.loans_by_status,
        overdue_loans=len(queries.overdue_loans(store)),
        transfers_by_status=totals.transfers_by_status,
        aliquots_by_status=totals.aliquots_by_status,
        open_discrepancies=totals.open_discrepancies,
        events=totals.events,
        seconds=perf_counter() - started,
    )


__all__ = [
    "DEMO_MARKER",
    "DEMO_PASSWORD",
    "DEMO_PIN",
    "DEMO_USERS",
    "DemoSummary",
    "DemoUser",
    "build_demo",
    "is_demo",
]
