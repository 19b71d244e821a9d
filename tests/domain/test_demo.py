"""The demo database: built through the services, every rule holds, every situation shown.

The demo is built once per backend (module scope): the tests only read it, except the one
that checks a second build is refused and changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from lunar_custody.domain import identity, queries
from lunar_custody.domain.demo import (
    DEMO_MARKER,
    DEMO_PASSWORD,
    DEMO_PIN,
    DEMO_USERS,
    DemoSummary,
    build_demo,
    is_demo,
)
from lunar_custody.domain.errors import RuleViolation
from lunar_custody.domain.identity import PIN
from lunar_custody.domain.models import (
    Aliquot,
    AuditEntry,
    Base,
    CustodyEvent,
    Institution,
    Loan,
    Person,
    Signature,
)
from lunar_custody.domain.permissions import ROLES
from lunar_custody.storage import Database
from tests.conftest import DIALECTS, _new_pg_database, _new_sqlite_database
from tests.worlds import fast_secrets


@dataclass
class Demo:
    db: Database
    summary: DemoSummary
    messages: list[str]


@pytest.fixture(scope="module", params=DIALECTS)
def demo(request: pytest.FixtureRequest) -> Iterator[Demo]:
    """The demo database, built once per backend."""
    if request.param == "sqlite":
        urls = _new_sqlite_database(
            request.getfixturevalue("_scratch"), request.getfixturevalue("_sqlite_template")
        )
    else:
        urls = _new_pg_database(
            request.getfixturevalue("_pg_admin"),
            request.getfixturevalue("pg_server"),
            migrated=True,
        )
    for url in urls:
        database = Database.open(url)
        try:
            with fast_secrets():
                messages: list[str] = []
                summary = build_demo(database, progress=messages.append)
                yield Demo(database, summary, messages)
        finally:
            database.dispose()


def _count(db: Database, model: type[Base]) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _statuses(db: Database) -> list[queries.AliquotDetail]:
    with db.read() as session:
        numbers = session.scalars(select(Aliquot.number).order_by(Aliquot.id)).all()
    return [queries.aliquot_status(db, number) for number in numbers]


# ------------------------------------------------------------------ the whole


def test_the_demo_verifies_and_says_it_is_demo_data(demo: Demo) -> None:
    report = queries.verify(demo.db)
    assert report.ok, report.summary()
    assert is_demo(demo.db)
    lines = demo.summary.lines()
    assert lines[0] == "DEMO DATA — not real samples, people or agreements" == DEMO_MARKER
    assert any(DEMO_PASSWORD in line and DEMO_PIN in line for line in lines)
    assert demo.messages, "progress was never reported"
    totals = queries.totals(demo.db)
    summary = demo.summary
    assert (summary.institutions, summary.people, summary.samples) == (9, len(DEMO_USERS), 4)
    assert (summary.aliquots, summary.events) == (totals.aliquots, totals.events)
    assert summary.loans_by_status == totals.loans_by_status
    assert summary.transfers_by_status == totals.transfers_by_status
    assert (summary.open_discrepancies, summary.overdue_loans) == (1, 1)
    with demo.db.read() as session:
        purposes = session.scalars(select(Loan.purpose)).all()
        institutions = {i.code: i for i in session.scalars(select(Institution))}
    assert purposes and all("(demo)" in purpose for purpose in purposes)
    assert all("(demo)" in i.address for i in institutions.values())
    assert institutions["CNSA"].name.endswith("(demo)")
    assert institutions["CNSA"].local_name == "国家航天局探月与航天工程中心 月球样品实验室"
    assert institutions["OSAKA"].local_name == "大阪大学"
    assert institutions["KOELN"].name == "Universität zu Köln"
    assert institutions["SUPARCO"].local_name is None
    kinds = {i.kind for i in institutions.values()}
    assert kinds == {"lender", "borrower", "courier"}


def test_an_ordinary_database_is_not_a_demo(db: Database) -> None:
    assert not is_demo(db)


def test_history_runs_forward_in_time_and_ends_before_now(demo: Demo) -> None:
    now = datetime.now(UTC)
    with demo.db.read() as session:
        events = session.scalars(select(CustodyEvent.occurred_at).order_by(CustodyEvent.id)).all()
        signed = session.scalars(select(Signature.signed_at).order_by(Signature.id)).all()
        audited = session.scalars(select(AuditEntry.occurred_at).order_by(AuditEntry.id)).all()
    for times in (events, signed, audited):
        assert times == sorted(times)
        assert now - timedelta(days=600) < times[0] and times[-1] < now
    assert events[-1] - events[0] > timedelta(days=480)  # about eighteen months


# ------------------------------------------------------------------ loans


def test_every_loan_state_is_there(demo: Demo) -> None:
    summaries = queries.loans(demo.db)
    statuses = {loan.status for loan in summaries}
    assert statuses == {"draft", "approved", "active", "closed", "cancelled"}
    overdue = queries.overdue_loans(demo.db)
    assert [loan.borrower_code for loan in overdue] == ["STONYBROOK"]

    details = {s.number: queries.loan_detail(demo.db, s.number) for s in summaries}
    by_borrower = {d.summary.borrower_code: d for d in details.values()}
    closed = next(d for d in details.values() if d.summary.status == "closed")
    assert {item.status for item in closed.items} == {"returned"}
    assert sum(item.consumed_ug for item in closed.items) > 0
    assert [s.meaning for s in closed.signatures][-1] == "closed"

    partial = by_borrower["KOELN"]  # returned in part, extended
    assert partial.summary.status == "active" and not partial.summary.overdue
    assert {item.status for item in partial.items} == {"returned", "at borrower"}
    assert "extended" in [s.meaning for s in partial.signatures]

    approved = by_borrower["IPGP"]
    assert approved.summary.status == "approved"
    assert {item.status for item in approved.items} == {"not shipped"}
    assert by_borrower["SUPARCO"].summary.status == "draft"
    assert by_borrower["OSAKA"].summary.status == "active"
    assert by_borrower["OPENU"].summary.status == "active"


# ------------------------------------------------------------------ custody


def test_a_two_leg_transfer_is_in_transit(demo: Demo) -> None:
    (moving,) = queries.transfers(demo.db, status="in_transit")
    assert (moving.legs, moving.courier, moving.to_institution) == (
        2,
        "Kenji Mori",
        "Osaka University",
    )
    with demo.db.read() as session:
        handed = session.scalars(
            select(CustodyEvent.aliquot_id).where(CustodyEvent.kind == "handed_over")
        ).all()
    assert len(handed) == moving.items
    held = [s for s in _statuses(demo.db) if s.transfer_number == moving.number]
    assert len(held) == moving.items
    assert all((s.status, s.courier) == ("in_transit", "Kenji Mori") for s in held)


def test_discrepancies_one_open_broken_seal_and_one_resolved_mass(demo: Demo) -> None:
    (still_open,) = queries.discrepancies(demo.db)
    assert still_open.kind == "seal_broken" and not still_open.resolved
    everything = queries.discrepancies(demo.db, open_only=False)
    (mass,) = [d for d in everything if d.kind == "mass"]
    assert mass.resolved and mass.resolution == "record_loss"
    assert mass.expected_mass_ug is not None and mass.measured_mass_ug is not None
    lost = queries.events(demo.db, kind="mass_lost")
    assert [e.mass_ug for e in lost] == [mass.expected_mass_ug - mass.measured_mass_ug]


def test_a_co_official_received_the_open_university_package(demo: Demo) -> None:
    loan = next(s for s in queries.loans(demo.db) if s.borrower_code == "OPENU").number
    listed = queries.loan_receivers(demo.db, loan)
    assert [(r.username, r.function) for r in listed.current] == [
        ("macleod", "principal investigator"),
        ("okafor", "co-official"),
    ]
    (package,) = [t for t in queries.transfers(demo.db) if t.loan_number == loan]
    detail = queries.transfer_detail(demo.db, package.number)
    assert (detail.receiver, detail.received_by) == ("Fiona MacLeod", "Grace Okafor")
    assert [s.printed_name for s in detail.signatures if s.meaning == "received"] == [
        "Grace Okafor"
    ]


def test_a_borrower_split_consumption_loss_and_returns(demo: Demo) -> None:
    children = [s for s in _statuses(demo.db) if s.number.endswith("-G1")]
    at_borrower = [s for s in children if s.custodian_institution == "The Open University"]
    assert at_borrower and at_borrower[0].loan_number is not None
    consumed = queries.events(demo.db, kind="consumed")
    assert {e.institution for e in consumed} == {"BROWN", "OPENU"}
    assert at_borrower[0].consumed_mass_ug > 0
    for event in consumed:
        assert event.loan_number is not None
        assert queries.loan_detail(demo.db, event.loan_number).summary.destructive_analysis_allowed
    lost = [s for s in _statuses(demo.db) if s.status == "lost"]
    assert len(lost) == 1 and lost[0].lost_mass_ug == lost[0].initial_mass_ug
    returns = [t for t in queries.transfers(demo.db) if t.kind == "return"]
    assert len(returns) == 2 and {t.status for t in returns} == {"received"}


# ------------------------------------------------------------------ accounts


def test_every_demo_user_signs_in_with_the_demo_password(demo: Demo) -> None:
    assert {role for user in DEMO_USERS for role in user.roles} == set(ROLES)
    for user in DEMO_USERS:
        actor = identity.authenticate(demo.db, user.username, DEMO_PASSWORD)
        assert actor.full_name == user.full_name
        assert actor.institution_code == user.institution_code
        assert actor.roles == frozenset(user.roles)
    couriers = [user for user in DEMO_USERS if "courier" in user.roles]
    assert len(couriers) == 2
    for user in couriers:
        assert user.pin == DEMO_PIN
        identity.authenticate(demo.db, user.username, DEMO_PIN, PIN)


def test_building_twice_is_refused_and_changes_nothing(demo: Demo) -> None:
    def counts() -> list[int]:
        return [
            _count(demo.db, model)
            for model in (Person, Institution, CustodyEvent, Loan, AuditEntry)
        ]

    before = counts()
    with pytest.raises(RuleViolation, match="already has users"):
        build_demo(demo.db)
    assert counts() == before


def test_the_demo_has_a_certified_and_an_overdue_inventory(demo: Demo) -> None:
    from lunar_custody.domain import inventory

    (certified,) = inventory.list_inventories(demo.db)
    assert certified.status == "certified"
    (overdue,) = inventory.owed(demo.db, overdue_only=True)
    assert (
        overdue.borrower == "Universität zu Köln" and overdue.loan_number != certified.loan_number
    )
