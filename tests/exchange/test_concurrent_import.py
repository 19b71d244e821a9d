"""Two workstations of the borrower (one PostgreSQL database) import the same file at the
same moment: one imports it, the other finds it imported; nothing is written twice."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path

import pytest

from lunar_custody.domain import clearance, loans, registry
from lunar_custody.exchange import journey
from lunar_custody.exchange.export import export_exchange
from lunar_custody.exchange.importer import ImportReport, import_exchange
from lunar_custody.storage import Database
from tests.worlds import fast_secrets

from .conftest import received

pytestmark = pytest.mark.postgres


def test_the_same_file_imported_at_once_on_two_workstations(
    tmp_path: Path, pg_db: Database
) -> None:
    cnsa = Database.open(str(tmp_path / "cnsa.db"), create=True)
    sll = Database.open(str(tmp_path / "sll.db"), create=True)
    second = Database.open(pg_db.url)  # the other workstation: its own connections
    try:
        with fast_secrets():
            places = journey.set_up_installations(cnsa, pg_db, sll)
            journey.introduce(places)
            zhang = places[0]["zhang.wei"]
            registry.register_sample(
                cnsa,
                zhang,
                registry.NewSample(
                    journey.SAMPLE, 900_000, aliquots=[registry.NewAliquot(journey.SECOND, 300_000)]
                ),
            )
            loan = loans.create_loan(
                cnsa,
                zhang,
                borrower_code="BROWN",
                principal_investigator="james.head",
                purpose="TEM",
                starts_on=date.today(),
                due_on=date.today() + timedelta(days=90),
            )
            loans.add_loan_items(cnsa, zhang, loan.number, [journey.SECOND])
            clearance.attest_open_items(cnsa, zhang, loan.number, note="cleared")
            loans.approve_loan(cnsa, zhang, loan.number, journey._password("zhang.wei"))
            offer = export_exchange(cnsa, zhang, partner="BROWN", loan=loan.number).content
        carla, head = places[1]["carla.pieters"], places[1]["james.head"]
        reports: list[ImportReport] = []
        errors: list[BaseException] = []
        start = threading.Barrier(2)

        def workstation(db: Database, who: object) -> None:
            start.wait()
            try:
                reports.append(import_exchange(db, who, offer))  # type: ignore[arg-type]
            except BaseException as error:  # reported below
                errors.append(error)

        threads = [
            threading.Thread(target=workstation, args=(pg_db, carla)),
            threading.Thread(target=workstation, args=(second, head)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert errors == []
        assert sorted(r.already_imported for r in reports) == [False, True]
        assert received(pg_db) == 1
    finally:
        second.dispose()
        cnsa.dispose()
        sll.dispose()
