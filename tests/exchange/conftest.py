"""Three installations set up once per module (SQLite files), copied for every test.

``installations`` gives the lender CNSA, the borrower Brown and the courier firm SLL after
their introductions, with a loan approved at CNSA and two files it made for Brown and has
not sent yet: ``offer`` (no. 1) and ``again`` (no. 2, the same loan exported once more).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from lunar_custody.domain import clearance, loans, registry
from lunar_custody.domain.anchors import chain_heads
from lunar_custody.domain.models import Base, ExchangeFile
from lunar_custody.domain.permissions import Actor
from lunar_custody.exchange import journey
from lunar_custody.exchange.export import export_exchange
from lunar_custody.storage import Database
from tests.worlds import fast_secrets

NAMES = ("cnsa", "brown", "sll")


@dataclass
class Installations:
    folder: Path
    cnsa: Database
    brown: Database
    sll: Database
    actors: dict[str, Actor] = field(repr=False)
    offer: bytes = field(repr=False)
    again: bytes = field(repr=False)
    loan: str = ""

    def __getitem__(self, username: str) -> Actor:
        return self.actors[username]

    def close(self) -> None:
        for db in (self.cnsa, self.brown, self.sll):
            db.dispose()


def snapshot(db: Database) -> tuple[object, ...]:
    """What an import would change: both chain heads and the row count of every table."""
    with db.read() as session:
        counts = tuple(
            session.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables
        )
        return (chain_heads(session), counts)


def received(db: Database) -> int:
    with db.read() as session:
        return (
            session.scalar(
                select(func.count())
                .select_from(ExchangeFile)
                .where(ExchangeFile.direction == "received")
            )
            or 0
        )


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, object]]]:
    folder = tmp_path_factory.mktemp("installations")
    stores = [Database.open(str(folder / f"{name}.db"), create=True) for name in NAMES]
    try:
        with fast_secrets():
            places = journey.set_up_installations(*stores)
            journey.introduce(places)
            cnsa = places[0]
            zhang = cnsa["zhang.wei"]
            registry.register_sample(
                cnsa.store,
                zhang,
                registry.NewSample(
                    journey.SAMPLE,
                    1_500_000,
                    aliquots=[
                        registry.NewAliquot(journey.PARENT, 600_000),
                        registry.NewAliquot(journey.SECOND, 300_000),
                    ],
                ),
            )
            registry.split_aliquot(cnsa.store, zhang, journey.PARENT, [200_000])
            loan = loans.create_loan(
                cnsa.store,
                zhang,
                borrower_code=journey.BORROWER,
                principal_investigator="james.head",
                purpose="Space weathering",
                starts_on=date.today(),
                due_on=date.today() + timedelta(days=365),
                destructive_analysis_allowed=True,
            )
            loans.add_loan_items(cnsa.store, zhang, loan.number, [journey.LENT, journey.SECOND])
            clearance.attest_open_items(cnsa.store, zhang, loan.number, note="cleared")
            loans.approve_loan(cnsa.store, zhang, loan.number, journey._password("zhang.wei"))
            offer = export_exchange(cnsa.store, zhang, partner="BROWN", loan=loan.number)
            again = export_exchange(cnsa.store, zhang, partner="BROWN", loan=loan.number)
        actors = {u: a for place in places for u, a in place.people.items()}
    finally:
        for db in stores:
            db.dispose()
    yield (
        folder,
        {
            "actors": actors,
            "offer": offer.content,
            "again": again.content,
            "loan": loan.number,
        },
    )


@pytest.fixture
def installations(
    _template: tuple[Path, dict[str, object]], tmp_path: Path
) -> Iterator[Installations]:
    source, made = _template
    for name in NAMES:
        shutil.copyfile(source / f"{name}.db", tmp_path / f"{name}.db")
    opened = Installations(
        tmp_path,
        *(Database.open(str(tmp_path / f"{name}.db")) for name in NAMES),
        actors=made["actors"],  # type: ignore[arg-type]
        offer=made["offer"],  # type: ignore[arg-type]
        again=made["again"],  # type: ignore[arg-type]
        loan=made["loan"],  # type: ignore[arg-type]
    )
    try:
        with fast_secrets():
            yield opened
    finally:
        opened.close()
