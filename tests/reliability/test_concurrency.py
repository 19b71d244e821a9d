"""Two workstations doing the same thing at the same moment, as two separate programs.

Both programs open the database and sign in first, then wait at a barrier (a ``go`` line
that the test writes to both once both are ready), so their transactions overlap. On SQLite
the second writer waits for the first on BEGIN IMMEDIATE and the busy timeout; on
PostgreSQL the rows are locked FOR UPDATE. Either way exactly one wins, the other gets a
plain domain error, and the ledger verifies.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select

from lunar_custody.domain import registry
from lunar_custody.domain.models import Aliquot, CustodyEvent
from lunar_custody.storage import Database
from lunar_custody.storage.integrity import verify_database
from tests.reliability import workers
from tests.worlds import A1, World


def race(*commands: list[str]) -> list[str]:
    """Start one program per command, let them go together; what each one printed last."""
    started = [workers.start(*command) for command in commands]
    try:
        for worker in started:
            workers.wait_ready(worker)
        for worker in started:  # the barrier: both are signed in and waiting
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        results = []
        for worker in started:
            out, err = worker.communicate(timeout=60)
            assert worker.returncode == 0, err
            results.append(out.strip().splitlines()[-1])
        return results
    finally:
        for worker in started:
            if worker.poll() is None:
                worker.kill()
                worker.communicate()


def _verified(url: str) -> None:
    with Database.open(url, create=False) as db:
        report = verify_database(db)
        assert report.ok, report.summary()


def _count(world: World, *where: object) -> int:
    return world.read(
        lambda session: session.scalar(select(func.count()).select_from(CustodyEvent).where(*where))
    )


def test_two_workstations_confirm_the_same_receipt(world: World, database_url: str) -> None:
    loan = world.active_loan([A1])
    number = world.release([A1], loan=loan)
    first, second = race(
        ["receive", database_url, number, "brown_lm"],
        ["receive", database_url, number, "brown_lm"],
    )
    outcomes = sorted([first, second])
    assert outcomes[0] == f"ok received {number}", outcomes
    assert re.fullmatch(
        rf"refused ConflictError: Transfer {number} was already received by Carla Pieters "
        r"at \d{4}-\d\d-\d\d \d\d:\d\d \S+\.",  # the moment in the local zone
        outcomes[1],
    ), outcomes
    assert _count(world, CustodyEvent.kind == "received") == 1
    assert world.status(A1).custodian_institution == "Brown University"
    _verified(database_url)


def test_two_curators_split_the_same_aliquot_beyond_its_mass(
    world: World, database_url: str
) -> None:
    # A1 holds 500 mg; each curator wants 300 mg of it: only one can have it.
    first, second = race(
        ["split", database_url, A1, "zhang", "300000"],
        ["split", database_url, A1, "li", "300000"],
    )
    outcomes = sorted([first, second])
    assert outcomes[0] == f"ok split {A1}-G1", outcomes
    assert outcomes[1] == (
        f"refused RuleViolation: Aliquot {A1} holds 200.000 mg; the children would take 300.000 mg."
    ), outcomes
    assert world.status(A1).current_mass_ug == 200_000
    assert _count(world, CustodyEvent.kind == "split") == 1
    _verified(database_url)


def test_two_small_splits_of_one_aliquot_both_go_through_in_turn(
    world: World, database_url: str
) -> None:
    results = race(
        ["split", database_url, A1, "zhang", "100000"],
        ["split", database_url, A1, "li", "100000"],
    )
    assert sorted(results) == [f"ok split {A1}-G1", f"ok split {A1}-G2"]
    assert world.status(A1).current_mass_ug == 300_000
    _verified(database_url)


def test_splits_of_two_aliquots_of_one_nasa_sample_get_different_numbers(
    world: World, database_url: str
) -> None:
    # NASA numbers every split of a sample from one counter on the sample: the two programs
    # lock different aliquots, so the sample's counter must be taken in turn too.
    registry.register_sample(
        world.db,
        world["zhang"],
        registry.NewSample(
            "70017",
            None,
            aliquots=[
                registry.NewAliquot("70017,1", 1_000_000),
                registry.NewAliquot("70017,2", 1_000_000),
            ],
        ),
    )
    results = race(
        ["split", database_url, "70017,1", "zhang", "1000"],
        ["split", database_url, "70017,2", "li", "1000"],
    )
    assert sorted(r.split()[-1] for r in results) == ["70017,3", "70017,4"], results
    assert all(r.startswith("ok split") for r in results), results
    numbers = world.read(lambda s: set(s.scalars(select(Aliquot.number))))
    assert {"70017,3", "70017,4"} <= numbers
    _verified(database_url)
