"""Exchange files at the size of a large loan: a shipment of 500 aliquots, exported by the
lender and imported by the borrower, each timed several times on fresh copies.

    python benchmarks/exchange.py [--aliquots 500] [--repeat 5] [--folder /tmp/bench-exchange]

Three installations are set up on SQLite files (exchange/journey.py), the lender registers
the aliquots, lends them, the borrower countersigns, the lender releases the package to the
courier; then what is timed: ``export_exchange`` of the shipment (the whole story of every
aliquot, each event signed) and ``import_exchange`` at the borrower (every signature,
record and event checked, every event appended to its ledger). The import runs on a fresh
copy of the borrower's database each time. Prints min / median / max and the file's size.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

if TYPE_CHECKING:
    from lunar_custody.domain.permissions import Actor


@dataclass(frozen=True)
class Shipment:
    """A released package of ``aliquots`` aliquots at the lender, ready to be exported, and
    the borrower's installation that expects it (both SQLite files in ``folder``)."""

    folder: Path
    lender: Path
    borrower: Path
    sender: Actor  # the lender's curator, who exports
    receiver: Actor  # the borrower's lab manager, who imports
    transfer: str
    partner: str  # the borrower's code at the lender


def set_up_shipment(folder: Path, aliquots: int) -> Shipment:
    """Three installations on SQLite files in ``folder`` (exchange/journey.py's people and
    introductions); the lender registers ``aliquots`` aliquots, lends them, the borrower
    countersigns (through exchange files), the lender releases the package to the courier.
    The institution keys go where ``LUNAR_CUSTODY_KEYS`` points: the caller chooses."""
    from lunar_custody.domain import clearance, custody, loans, registry
    from lunar_custody.exchange import journey
    from lunar_custody.exchange.export import export_exchange
    from lunar_custody.exchange.importer import import_exchange
    from lunar_custody.storage import Database

    folder.mkdir(parents=True, exist_ok=True)
    names = ("cnsa", "brown", "sll")
    for name in names:
        (folder / f"{name}.db").unlink(missing_ok=True)
    stores = [Database.open(str(folder / f"{n}.db"), create=True) for n in names]
    places = journey.set_up_installations(*stores)
    journey.introduce(places)
    cnsa, brown, _ = places
    zhang, head = cnsa["zhang.wei"], brown["james.head"]
    numbers = [f"CE5C0400YJFM{n:05d}" for n in range(1, aliquots + 1)]
    registry.register_sample(
        cnsa.store,
        zhang,
        registry.NewSample(
            "CE5C0400",
            aliquots * 2_000,
            aliquots=[registry.NewAliquot(n, 1_000) for n in numbers],
        ),
    )
    loan = loans.create_loan(
        cnsa.store,
        zhang,
        borrower_code=journey.BORROWER,
        principal_investigator="james.head",
        purpose="benchmark",
        starts_on=date.today(),
        due_on=date.today() + timedelta(days=365),
    )
    loans.add_loan_items(cnsa.store, zhang, loan.number, numbers)
    clearance.attest_open_items(cnsa.store, zhang, loan.number, note="cleared")
    loans.approve_loan(cnsa.store, zhang, loan.number, journey._password("zhang.wei"))
    offer = export_exchange(cnsa.store, zhang, partner=journey.BORROWER, loan=loan.number)
    import_exchange(brown.store, brown["carla.pieters"], offer.content)
    loans.countersign_loan(brown.store, head, loan.number, journey._password("james.head"))
    answer = export_exchange(brown.store, head, partner=journey.LENDER, loan=loan.number)
    import_exchange(cnsa.store, zhang, answer.content)
    registry.update_person(
        cnsa.store, cnsa["cnsa.admin"], "chen.courier", pin=journey.PINS["chen.courier"]
    )
    package = custody.prepare_transfer(
        cnsa.store,
        zhang,
        aliquot_numbers=numbers,
        receiver="carla.pieters",
        courier="chen.courier",
        seal_number="SEAL-1",
        loan_number=loan.number,
    )
    custody.release_transfer(
        cnsa.store,
        zhang,
        package.number,
        sender=journey._password("zhang.wei"),
        courier=journey._pin("chen.courier"),
    )
    for db in stores:
        db.dispose()
    return Shipment(
        folder,
        folder / "cnsa.db",
        folder / "brown.db",
        zhang,
        brown["carla.pieters"],
        package.number,
        journey.BORROWER,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--aliquots", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--folder", type=Path, default=None)
    args = parser.parse_args(argv)
    folder = args.folder or Path(tempfile.mkdtemp(prefix="bench-exchange-"))
    os.environ.setdefault("LUNAR_CUSTODY_KEYS", str(folder / "keys"))

    from lunar_custody.exchange.export import export_exchange
    from lunar_custody.exchange.importer import import_exchange
    from lunar_custody.storage import Database

    started = time.perf_counter()
    shipment = set_up_shipment(folder, args.aliquots)
    zhang = shipment.sender
    print(f"set up {args.aliquots} aliquots on three installations in "
          f"{time.perf_counter() - started:.1f} s ({folder})")  # fmt: skip

    lender = Database.open(str(shipment.lender))
    exports: list[float] = []
    data = b""
    for _ in range(args.repeat):
        begin = time.perf_counter()
        shipped = export_exchange(
            lender, zhang, partner=shipment.partner, transfer=shipment.transfer
        )
        exports.append(time.perf_counter() - begin)
        # the first one made is file no. 2 to Brown: the one the borrower expects next
        data = data or shipped.content
    lender.dispose()

    imports: list[float] = []
    events = 0
    for attempt in range(args.repeat):
        copy = folder / f"brown-{attempt}.db"
        shutil.copyfile(shipment.borrower, copy)
        borrower = Database.open(str(copy))
        begin = time.perf_counter()
        report = import_exchange(borrower, shipment.receiver, data)
        imports.append(time.perf_counter() - begin)
        events = report.events_added
        borrower.dispose()
        copy.unlink()

    def line(what: str, times: list[float]) -> str:
        return (
            f"{what}: min {min(times) * 1000:.0f} ms, median "
            f"{statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms"
        )

    print(f"shipment of {args.aliquots} aliquots: {len(data) / 1024:.0f} KiB, "
          f"{events} custody events added at the borrower")  # fmt: skip
    print(line(f"export ({args.repeat} runs)", exports))
    print(line(f"import ({args.repeat} runs, fresh copy each)", imports))
    if not args.folder:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
