"""Rule 8 against hostile input: random and nasty strings and numbers (hypothesis) in every
import column and in the arguments of the services that take free text, numbers or masses.

Each attempt either raises a typed domain error and changes nothing at all, or succeeds and
what was stored reads back exactly (trimmed of surrounding blanks, as documented); nothing
else may happen (no driver error, no crash). Runs on SQLite and PostgreSQL. Files that are
not databases, or damaged ones, given as --db get a plain message.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from lunar_custody import cli
from lunar_custody.domain import registry
from lunar_custody.domain.errors import CustodyError
from lunar_custody.domain.importer import CUSTODY_COLUMNS, NASA_COLUMNS, import_samples
from lunar_custody.domain.masses import MAX_MASS_UG, parse_mass
from lunar_custody.domain.models import Aliquot, Institution, Sample
from lunar_custody.storage import Database
from tests.worlds import A1, World

T = TypeVar("T")

HOSTILE = [
    "",
    " ",
    "\t\n",
    "\x00",
    "a\x00b",
    "\x1b[31mred\x1b[0m",
    "\x7f",
    "'; DROP TABLE custody_events; --",
    "Robert'); DELETE FROM aliquots WHERE ('1'='1",
    '" OR 1=1 --',
    "<script>alert('moon')</script>",
    "<b>bold</b> &amp; &lt;",
    "%s %d {0} {name}",
    "%_\\",
    "\u202etxt.exe",
    "🌕🚀" * 20,
    "国家航天局月球样品实验室",
    "NULL",
    "None",
    "CE5C0400",
    "CE5C0400YJFM00501",
    "70017,1",
    "ce5c0400yjfm00599",
    "CE9Z9999ABCD99999-G1-G2",
    "00000,0",
    "x" * 201,
    "y" * 10_001,
    "z" * 100_000,
]
MASSES = [
    -1,
    0,
    1,
    MAX_MASS_UG,
    MAX_MASS_UG + 1,
    -(2**63),
    2**63,
    2**64,
    10**30,
]
MASS_TEXTS = ["-5 mg", "1e400 g", "NaN", "inf", "-0", "0.0000001 g", "1,5 mg", "12 kg", "mg", "½ g"]

hostile_text = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=300))
hostile_mass = st.one_of(st.sampled_from(MASSES), st.integers())

# One world per test function: each example must leave it as it found it or as it says.
HYPOTHESIS = settings(
    max_examples=25,
    deadline=None,
    database=None,  # no .hypothesis directory in the work tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_numbers = itertools.count(1)


def attempt(world: World, call: Callable[[], T], read_back: Callable[[T], None]) -> str:
    """``call()``: a typed error that changed nothing, or a result that reads back exactly."""
    before = world.snapshot()
    try:
        result = call()
    except CustodyError:
        assert world.snapshot() == before, "a refused operation changed the database"
        return "refused"
    read_back(result)
    return "stored"


def _cleaned(text: str) -> str:
    return text.strip()


@HYPOTHESIS
@given(
    code=hostile_text,
    name=hostile_text,
    local_name=hostile_text,
    country=hostile_text,
    address=hostile_text,
)
def test_institutions(
    world: World, code: str, name: str, local_name: str, country: str, address: str
) -> None:
    def read_back(row: Institution) -> None:
        stored = world.read(
            lambda s: s.scalars(select(Institution).where(Institution.id == row.id)).one()
        )
        assert stored.code == _cleaned(code).upper()
        assert stored.name == _cleaned(name)
        assert (stored.local_name or "") == _cleaned(local_name)
        assert stored.country == _cleaned(country)
        assert stored.address == _cleaned(address)

    attempt(
        world,
        lambda: registry.create_institution(
            world.db,
            world["admin"],
            code=code,
            name=name,
            kind="borrower",
            local_name=local_name,
            country=country,
            address=address,
        ),
        read_back,
    )


@HYPOTHESIS
@given(
    number=hostile_text,
    aliquot=hostile_text,
    original=st.one_of(st.none(), hostile_mass),
    mass=hostile_mass,
    text=hostile_text,
)
def test_registering_samples(
    world: World, number: str, aliquot: str, original: int | None, mass: int, text: str
) -> None:
    new = registry.NewSample(
        number,
        original,
        mission=text,
        description=text,
        aliquots=[registry.NewAliquot(aliquot, mass, form=text[:40], container=text)],
    )

    def read_back(sample: Sample) -> None:
        stored = world.read(
            lambda s: (
                s.scalars(select(Sample).where(Sample.id == sample.id)).one(),
                s.scalars(select(Aliquot).where(Aliquot.sample_id == sample.id)).one(),
            )
        )
        assert stored[0].number == _cleaned(number).upper()
        assert stored[0].original_mass_ug == original
        assert stored[0].mission == _cleaned(text) and stored[0].description == _cleaned(text)
        assert stored[1].number == _cleaned(aliquot).upper()
        assert stored[1].initial_mass_ug == stored[1].current_mass_ug == mass
        assert stored[1].container == _cleaned(text)

    attempt(world, lambda: registry.register_sample(world.db, world["zhang"], new), read_back)
    world.check_rules()


@HYPOTHESIS
@given(
    masses=st.lists(hostile_mass, max_size=3),
    note=hostile_text,
    form=hostile_text,
    container=hostile_text,
)
def test_splitting(world: World, masses: list[int], note: str, form: str, container: str) -> None:
    def read_back(children: list[Aliquot]) -> None:
        stored = world.read(
            lambda s: [s.scalars(select(Aliquot).where(Aliquot.id == c.id)).one() for c in children]
        )
        assert [c.initial_mass_ug for c in stored] == masses
        assert all(c.container == _cleaned(container) for c in stored)

    attempt(
        world,
        lambda: registry.split_aliquot(
            world.db, world["zhang"], A1, masses, note=note, form=form, container=container
        ),
        read_back,
    )
    world.check_rules()


@settings(max_examples=200, deadline=None, database=None)
@given(st.one_of(st.sampled_from(MASS_TEXTS + HOSTILE), st.text(max_size=40)))
def test_mass_text_is_a_whole_number_of_micrograms_or_a_plain_error(text: str) -> None:
    try:
        value = parse_mass(text)
    except CustodyError as error:
        assert str(error)
    else:
        assert isinstance(value, int) and 0 < value <= MAX_MASS_UG


def _csv(columns: tuple[str, ...], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


@HYPOTHESIS
@given(
    cells=st.lists(hostile_text, min_size=10, max_size=10),
    layout=st.sampled_from(["nasa", "custody"]),
)
def test_every_import_column(
    world: World, tmp_path_factory: pytest.TempPathFactory, cells: list[str], layout: str
) -> None:
    if layout == "custody":
        columns: tuple[str, ...] = CUSTODY_COLUMNS
        # the first three (sample, aliquot, mass) are often left well-formed, so that the
        # hostile text reaches the other columns and gets stored
        serial = next(_numbers)
        row = list(cells[: len(columns)])
        if serial % 2:
            row[:3] = [f"{10000 + serial:05d}", f"{10000 + serial:05d},1", "1.5 mg"]
    else:
        columns = NASA_COLUMNS
        serial = next(_numbers)
        row = list(cells[: len(columns)])
        if serial % 2:
            row[0] = f"{20000 + serial:05d}"
            row[columns.index("originalweight")] = "0.25"
    path = tmp_path_factory.mktemp("import") / "hostile.csv"
    path.write_text(_csv(columns, [row]), encoding="utf-8")

    def read_back(result: Any) -> None:
        number = row[0].strip().upper()
        sample = world.read(
            lambda s: s.scalars(select(Sample).where(Sample.number == number)).one_or_none()
        )
        if sample is None:  # a blank row is skipped, and said so
            assert result.samples == 0 and result.skipped_blank == 1
            return
        texts = {
            "mission": sample.mission,
            "station": sample.station,
            "description": sample.description,
            "sample_type": sample.sample_type,
            "sampletype": sample.sample_type,
            "genericdescription": sample.description,
            "landmark": sample.landmark,
            "bagnumber": sample.collection_container,
            "samplesubtype": sample.sample_subtype,
        }
        for column, cell in zip(columns, row, strict=True):
            if column in texts:
                assert texts[column] == cell.strip(), column

    attempt(world, lambda: import_samples(world.db, world["zhang"], path), read_back)


# ---------------------------------------------------------------------- files given as --db


def _run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, err.getvalue()


def test_a_damaged_database_file_gets_a_plain_message(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # a crash log stays here
    assert sqlite_db.path is not None
    sqlite_db.dispose()
    damaged = tmp_path / "damaged.db"
    data = bytearray(sqlite_db.path.read_bytes())
    data[4096 * 2 : 4096 * 6] = b"\xde\xad\xbe\xef" * 4096  # pages 3 to 6 overwritten
    damaged.write_bytes(bytes(data))
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["verify", "--db", str(damaged)], out=out, err=err)
    said = out.getvalue() + err.getvalue()
    assert code in (1, 3), said  # verify names the damage (1) or the file is refused (3)
    assert "damaged" in said, said
    assert "unexpected error" not in said and "Traceback" not in said


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"%PDF-1.7 not a database", "agreement.pdf"),
        (b"SQLite format 3\x00" + b"\xff" * 200, "truncated.db"),
        (bytes(range(256)) * 64, "random.bin"),
    ],
)
def test_files_that_are_not_databases_get_a_plain_message(
    tmp_path: Path, content: bytes, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = tmp_path / name
    path.write_bytes(content)
    code, err = _run("verify", "--db", str(path))
    assert code == 3, err
    assert err.startswith("lunar-custody: ") and "Traceback" not in err
    assert str(path) in err or name in err, err
    assert path.read_bytes() == content  # left exactly as it was


def test_a_damaged_file_is_not_a_backup_either(tmp_path: Path) -> None:
    path = tmp_path / "half.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    code, err = _run("restore", str(path), "--db", str(tmp_path / "target.db"))
    assert code == 3, err
    assert "Traceback" not in err
    assert not (tmp_path / "target.db").exists()
