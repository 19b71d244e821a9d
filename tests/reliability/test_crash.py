"""Rule 7: a crash loses nothing that was confirmed and leaves nothing half written.

A courier's program hands a package of twenty aliquots back and forth between two couriers
as fast as it can, printing each hand-over once it has committed; the test kills it with
SIGKILL at a random moment, many times, and after each kill reopens the database: the
integrity check and ``verify`` pass, every hand-over reported confirmed is there, and every
hand-over in the database is whole (twenty events, one leg, two signatures).

The programs are forked from a server that has the package imported (tests/reliability/
workers.py), so each kill costs the hand-overs and the checks, not a new interpreter.
"""

from __future__ import annotations

import random
import signal
import time

import pytest
from sqlalchemy import func, select

from lunar_custody.domain import registry
from lunar_custody.domain.models import Aliquot, CustodyEvent, Signature, Transfer, TransferLeg
from lunar_custody.domain.states import AliquotStatus
from lunar_custody.storage import Database
from lunar_custody.storage.integrity import verify_database
from tests.reliability import workers
from tests.worlds import A1, A2, A3, A4, World

KILLS = {"sqlite": 20, "postgresql": 10}
PACKAGE_SIZE = 20
# How long the courier's program goes on after its first hand-over before it is killed, at
# most (a hand-over takes some 20-100 ms here, so the kills fall at different steps of it).
MAX_RUN_S = 0.5

pytestmark = pytest.mark.slow


def _package(world: World) -> str:
    """A package of twenty aliquots on loan to Brown, with courier1."""
    children = registry.split_aliquot(world.db, world["zhang"], A1, [10_000] * 17)
    numbers = [c.number for c in children] + [A2, A3, A4]
    assert len(numbers) == PACKAGE_SIZE
    loan = world.active_loan(numbers)
    return world.release(numbers, loan=loan)


def _handovers_in(db: Database, number: str) -> int:
    """The hand-overs stored for the package, after checking that each one is whole."""
    with db.read() as session:
        transfer = session.scalars(select(Transfer).where(Transfer.number == number)).one()
        legs = session.scalar(
            select(func.count())
            .select_from(TransferLeg)
            .where(TransferLeg.transfer_id == transfer.id)
        )
        events = session.scalar(
            select(func.count())
            .select_from(CustodyEvent)
            .where(CustodyEvent.transfer_id == transfer.id, CustodyEvent.kind == "handed_over")
        )
        signatures = session.scalar(
            select(func.count())
            .select_from(Signature)
            .where(Signature.record_type == "transfer", Signature.record_id == transfer.id)
        )
        holders = set(
            session.execute(
                select(Aliquot.status, Aliquot.courier_id).where(Aliquot.transfer_id == transfer.id)
            )
        )
        last_leg = session.scalars(
            select(TransferLeg)
            .where(TransferLeg.transfer_id == transfer.id)
            .order_by(TransferLeg.seq.desc())
        ).first()
        assert legs is not None and last_leg is not None
        handovers = legs - 1
        # whole: twenty events, one more leg and two more signatures per hand-over
        assert events == PACKAGE_SIZE * handovers, (events, handovers)
        assert signatures == 2 + 2 * handovers, (signatures, handovers)
        assert last_leg.seq == legs and last_leg.courier_id == transfer.courier_id
        assert holders == {(AliquotStatus.IN_TRANSIT, transfer.courier_id)}
        return handovers


@pytest.mark.parametrize("seed", [7])
def test_a_killed_courier_program_loses_no_confirmed_handover(
    world: World, database_url: str, seed: int
) -> None:
    dialect = "postgresql" if database_url.startswith("postgresql") else "sqlite"
    number = _package(world)
    world.db.dispose()  # type: ignore[attr-defined]  # the test holds no connection meanwhile
    chance = random.Random(seed)
    confirmed = 0  # hand-overs the killed programs said had committed, in all
    stored = 0
    for kill in range(1, KILLS[dialect] + 1):
        worker = workers.start("hand-over", database_url, number)
        try:
            workers.wait_ready(worker)
            assert worker.stdout is not None
            first = worker.stdout.readline()  # the first hand-over has committed
            if first.startswith("confirmed"):
                time.sleep(chance.uniform(0.0, MAX_RUN_S))
        finally:
            worker.kill()  # SIGKILL: no clean-up, no rollback from the program itself
            out, err = worker.communicate()
        assert worker.returncode == -signal.SIGKILL and first.startswith("confirmed"), err
        said = [int(first.split()[1])]
        said += [int(line.split()[1]) for line in out.splitlines() if line.startswith("confirmed")]
        with Database.open(database_url, create=False) as reopened:
            report = verify_database(reopened)
            assert report.ok, f"after kill {kill}:\n{report.summary()}"
            assert report.storage_checked.startswith("ok")
            now = _handovers_in(reopened, number)
        # every hand-over reported is there; at most one more (committed, not yet printed)
        last_said = said[-1] - 1
        assert last_said <= now <= last_said + 1, (kill, said, stored, now)
        confirmed += len(said)
        stored = now
    print(
        f"{dialect}: survived {KILLS[dialect]} kills, {stored} hand-overs stored, "
        f"{confirmed} reported confirmed"
    )
