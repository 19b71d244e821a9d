"""A whole loan across three installations, through exchange files only: the lender (CNSA),
the borrower (Brown University) and a courier firm (Secure Lunar Logistics).

``lunar-custody demo --installations DIR`` builds it so a person can open each database and
see the same aliquots from both sides; the tests run it with a check after every exchange.
Every step is a service a person would use at that installation, and every file is written
and imported as the command line and the workstation do.

The demo's people sign with the password ``moon-dust-2025``; couriers' PINs are in
``PINS``. They are demo data, printed by the command that builds it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select

from ..domain import clearance, clock, custody, deliverables, loans, queries, registry
from ..domain.identity import PIN, Credential, actor_of
from ..domain.installation import home_institution
from ..domain.models import Person, Transfer
from ..domain.permissions import Actor
from ..domain.store import Store
from .export import Exported, export_exchange
from .importer import ImportReport, import_exchange
from .partners import add_partner, export_introduction, read_introduction

PASSWORD = "moon-dust-2025"
PINS = {"chen.courier": "2468", "dana.courier": "135790"}
LENDER, BORROWER, COURIERS = "CNSA", "BROWN", "SLL"
SAMPLE = "CE5C0400"
PARENT = "CE5C0400YJFM00501"
LENT = f"{PARENT}-G1"  # split off at the lender before the loan: its parent stays there
SECOND = "CE5C0400YJFM00502"
SEAL_OUT, SEAL_BACK = "SEAL-CNSA-0041", "SEAL-BROWN-0007"


@dataclass
class Installation:
    """One institution's own database, and the people who work there."""

    code: str
    name: str
    kind: str
    store: Store
    people: dict[str, Actor] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)  # the files it wrote, in order

    def __getitem__(self, username: str) -> Actor:
        return self.people[username]


@dataclass(frozen=True)
class Exchange:
    """One file carried from one installation to another, and what its import added."""

    step: str
    sender: Installation
    receiver: Installation
    file: Exported
    report: ImportReport


Observer = Callable[[Exchange], None]


def _password(username: str) -> Credential:
    return Credential(username, PASSWORD)


def _pin(username: str) -> Credential:
    return Credential(username, PINS[username], PIN)


def _actor(store: Store, username: str) -> Actor:
    with store.read() as session:
        person = session.scalars(select(Person).where(Person.username == username)).one()
        return actor_of(person)


def _set_up(
    store: Store, code: str, name: str, kind: str, country: str, admin: tuple[str, str],
    people: list[tuple[str, str, str, str | None]],
) -> Installation:  # fmt: skip
    registry.bootstrap(
        store,
        lender_code=code,
        lender_name=name,
        admin_username=admin[0],
        admin_full_name=admin[1],
        admin_password=PASSWORD,
        country=country,
        kind=kind,
    )
    place = Installation(code, name, kind, store)
    place.people[admin[0]] = _actor(store, admin[0])
    for username, full_name, roles, pin in people:
        registry.create_person(
            store,
            place.people[admin[0]],
            username=username,
            full_name=full_name,
            institution_code=code,
            roles=roles,
            password=PASSWORD,
            pin=pin,
        )
        place.people[username] = _actor(store, username)
    return place


def set_up_installations(lender: Store, borrower: Store, couriers: Store) -> list[Installation]:
    """Three new installations, each with its administrator and people."""
    return [
        _set_up(
            lender,
            LENDER,
            "China National Space Administration Lunar Sample Laboratory",
            "lender",
            "China",
            ("cnsa.admin", "Wang Admin"),
            [("zhang.wei", "Zhang Wei", "curator", None), ("li.na", "Li Na", "curator", None)],
        ),
        _set_up(
            borrower,
            BORROWER,
            "Brown University",
            "borrower",
            "United States",
            ("brown.admin", "Pat Admin"),
            [
                ("carla.pieters", "Carla Pieters", "lab_manager", None),
                ("james.head", "James Head", "lab_manager", None),
            ],
        ),
        _set_up(
            couriers,
            COURIERS,
            "Secure Lunar Logistics",
            "courier",
            "Switzerland",
            ("sll.admin", "Sam Admin"),
            [
                ("chen.courier", "Chen Courier", "courier", PINS["chen.courier"]),
                ("dana.courier", "Dana Courier", "courier", PINS["dana.courier"]),
            ],
        ),
    ]


def _admin(place: Installation) -> Actor:
    return next(a for u, a in place.people.items() if u.endswith(".admin"))


def introduce(places: list[Installation]) -> None:
    """Each administrator sends the introduction; the others confirm its fingerprint (read
    from the file here; in life, on the telephone) and add it."""
    for sender in places:
        intro = export_introduction(sender.store, _admin(sender))
        sender.files.append(intro.filename)
        for receiver in places:
            if receiver is not sender:
                fingerprint = read_introduction(intro.content).fingerprint
                add_partner(receiver.store, _admin(receiver), intro.content, fingerprint)


def _carry(
    step: str,
    sender: Installation,
    user: str,
    receivers: list[Installation],
    observe: Observer | None,
    **scope: str,
) -> None:
    for receiver in receivers:
        exported = export_exchange(sender.store, sender[user], partner=receiver.code, **scope)
        sender.files.append(exported.filename)
        importer = next(u for u in receiver.people if not u.endswith(".admin"))
        report = import_exchange(receiver.store, receiver[importer], exported.content)
        if observe is not None:
            observe(Exchange(step, sender, receiver, exported, report))


def run_journey(
    lender: Store,
    borrower: Store,
    couriers: Store,
    observe: Observer | None = None,
    today: date | None = None,
) -> list[Installation]:
    """Set up the three installations and take a loan through them, from the offer to the
    close. ``observe`` sees every exchange file after its import."""
    cnsa, brown, sll = places = set_up_installations(lender, borrower, couriers)
    introduce(places)
    zhang, carla, head = cnsa["zhang.wei"], brown["carla.pieters"], brown["james.head"]
    # at each dock, the visiting courier gets a PIN of that installation to sign with
    registry.update_person(lender, cnsa["cnsa.admin"], "chen.courier", pin=PINS["chen.courier"])
    registry.update_person(borrower, brown["brown.admin"], "dana.courier", pin=PINS["dana.courier"])

    # the lender registers the sample and splits off the aliquot it will lend
    registry.register_sample(
        lender,
        zhang,
        registry.NewSample(
            SAMPLE,
            1_500_000,
            mission="Chang'e-5",
            station="CE5 landing site",
            sample_type="regolith",
            description="Scooped lunar regolith, Chang'e-5",
            aliquots=[
                registry.NewAliquot(PARENT, 600_000, form="powder", container="N2 vial A"),
                registry.NewAliquot(SECOND, 300_000, form="powder", container="N2 vial B"),
            ],
        ),
    )
    registry.split_aliquot(lender, zhang, PARENT, [200_000], container="N2 vial A1")
    start = today or date.today()
    loan = loans.create_loan(
        lender,
        zhang,
        borrower_code=BORROWER,
        principal_investigator="james.head",
        purpose="Space weathering of Chang'e-5 regolith: TEM and isotope analysis",
        starts_on=start,
        due_on=start + timedelta(days=365),
        destructive_analysis_allowed=True,
    )
    loans.add_loan_items(lender, zhang, loan.number, [LENT, SECOND])
    clearance.attest_open_items(lender, zhang, loan.number, note="cleared for the journey")
    loans.approve_loan(lender, zhang, loan.number, _password("zhang.wei"))
    _carry("offer", cnsa, "zhang.wei", [brown], observe, loan=loan.number)

    loans.countersign_loan(borrower, head, loan.number, _password("james.head"))
    _carry("answer", brown, "james.head", [cnsa], observe, loan=loan.number)

    outbound = custody.prepare_transfer(
        lender,
        zhang,
        aliquot_numbers=[LENT, SECOND],
        receiver="carla.pieters",
        courier="chen.courier",
        seal_number=SEAL_OUT,
        loan_number=loan.number,
        container="Pelican case 7",
    )
    custody.release_transfer(
        lender,
        zhang,
        outbound.number,
        sender=_password("zhang.wei"),
        courier=_pin("chen.courier"),
    )
    _carry("shipment", cnsa, "zhang.wei", [sll, brown], observe, transfer=outbound.number)

    custody.hand_over(
        couriers,
        sll["chen.courier"],
        outbound.number,
        to_courier="dana.courier",
        from_credential=_pin("chen.courier"),
        to_credential=_pin("dana.courier"),
    )
    _carry("legs", sll, "dana.courier", [brown, cnsa], observe, transfer=outbound.number)

    receipt = custody.confirm_receipt(
        borrower,
        carla,
        outbound.number,
        credential=_password("carla.pieters"),
        seal_intact=False,
        measured_ug={LENT: 200_000, SECOND: 290_000},
        note="Seal torn at one corner; the vials were intact.",
    )
    _carry("receipt", brown, "carla.pieters", [cnsa, sll], observe, transfer=outbound.number)

    # the lender settles the mass discrepancy: 10 mg written off as lost in transit
    del receipt
    _settle(lender, zhang, outbound.number)
    _carry("report", cnsa, "zhang.wei", [brown], observe, loan=loan.number)

    children = registry.split_aliquot(borrower, carla, SECOND, [100_000, 50_000])
    first, second = (c.number for c in children)
    registry.consume(borrower, carla, second, 40_000, note="TEM lamella preparation")
    registry.report_lost(borrower, carla, LENT, note="Vial dropped in the glove box")
    _carry("report", brown, "carla.pieters", [cnsa], observe, loan=loan.number)

    back = custody.prepare_transfer(
        borrower,
        carla,
        aliquot_numbers=[SECOND, first, second],
        receiver="zhang.wei",
        courier="dana.courier",
        seal_number=SEAL_BACK,
        loan_number=loan.number,
        container="Pelican case 7",
    )
    custody.release_transfer(
        borrower,
        carla,
        back.number,
        sender=_password("carla.pieters"),
        courier=_pin("dana.courier"),
    )
    _carry("return", brown, "carla.pieters", [cnsa, sll], observe, transfer=back.number)

    # Dana handed the case to Chen at the airport, where no installation was: CNSA types
    # the handover in from the paper custody form at delivery, then confirms the receipt
    released = _released_at(lender, back.number)
    custody.transcribe_handover(
        lender,
        zhang,
        back.number,
        to_courier="chen.courier",
        occurred_at=released + (clock.now() - released) / 2,
        form_reference=f"paper custody form of {back.number}",
    )
    custody.confirm_receipt(
        lender,
        zhang,
        back.number,
        credential=_password("zhang.wei"),
        seal_intact=True,
        seal_number_seen=SEAL_BACK,
    )
    _carry("receipt", cnsa, "zhang.wei", [brown, sll], observe, transfer=back.number)

    # what the borrower owed came in by e-mail: recorded at the lender before closing
    for owed in queries.loan_deliverables(lender, loan.number):
        deliverables.deliver(
            lender, zhang, loan.number, owed.id, reference=f"(journey) {owed.kind} received"
        )
    loans.close_loan(lender, zhang, loan.number, _password("zhang.wei"))
    _carry("report", cnsa, "zhang.wei", [brown], observe, loan=loan.number)
    return places


def _settle(store: Store, curator: Actor, transfer_number: str) -> None:
    for found in queries.discrepancies(store, open_only=True):
        if found.transfer_number == transfer_number and found.kind == "mass":
            custody.resolve_discrepancy(
                store,
                curator,
                found.id,
                resolution="record_loss",
                note="10 mg lost in transit (fines on the vial cap)",
                credential=_password(curator.username),
            )
        elif found.transfer_number == transfer_number:
            custody.resolve_discrepancy(
                store,
                curator,
                found.id,
                resolution="accept",
                note="Seal torn by handling; contents verified",
                credential=_password(curator.username),
            )


def _released_at(store: Store, number: str) -> datetime:
    with store.read() as session:
        released = session.scalar(select(Transfer.released_at).where(Transfer.number == number))
        assert released is not None
        return released


def home_name(store: Store) -> str:
    with store.read() as session:
        home = home_institution(session)
        return home.name if home else "?"
