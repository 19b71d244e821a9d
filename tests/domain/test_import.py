"""CSV import: NASA's curation catalogue and our own layout, exact masses, all or nothing."""

from __future__ import annotations

import csv
import io
import json
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lunar_custody.domain import export, queries
from lunar_custody.domain.errors import Cancelled, ImportRejected, PermissionDenied
from lunar_custody.domain.importer import (
    CUSTODY_LAYOUT,
    NASA_LAYOUT,
    import_samples,
)
from lunar_custody.domain.models import Aliquot, Sample

if TYPE_CHECKING:
    from .conftest import World

APOLLO = Path(__file__).resolve().parents[1] / "fixtures" / "apollo_samples.csv"
NASA_HEADER = (
    "generic,mission,station,landmark,bagnumber,originalweight,sampletype,samplesubtype,"
    "pristinity,hasthinsection,hasdisplaysample,displaysamplenumber,genericdescription"
)
OWN_HEADER = (
    "sample,aliquot,mass,form,container,seal_number,mission,station,sample_type,description"
)


def _nasa(generic: str, weight: str, description: str = "basalt", bag: str = "ALSRC 1004") -> str:
    return f"{generic},Apollo 11,,,{bag},{weight},Basalt,Ilmenite,65.5,True,,,{description}"


def _file(tmp_path: Path, *lines: str, name: str = "in.csv", newline: str = "\n") -> Path:
    path = tmp_path / name
    path.write_bytes(newline.join(lines).encode() + newline.encode())
    return path


def _ug(grams: str) -> int:
    """Grams as text to micrograms, computed here independently of the importer."""
    exact = Decimal(grams) * 1_000_000
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def _rejected(world: World, path: Path, *words: str) -> list[tuple[int, str]]:
    with world.refused(ImportRejected, *words) as info:
        import_samples(world.db, world["zhang"], path)
    assert isinstance(info.value, ImportRejected)
    return info.value.problems


# ---------------------------------------------------------------- the real catalogue


def test_apollo_catalogue_imports_exactly_to_the_microgram(world: World) -> None:
    with APOLLO.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    real = [r for r in rows if any(v.strip() for v in r.values())]
    weighed = {r["generic"]: _ug(w) for r in real if (w := r["originalweight"]) and _ug(w)}
    assert (len(rows), len(real), len(real) - len(weighed)) == (948, 934, 16)
    before = world.count(Aliquot)

    result = import_samples(world.db, world["zhang"], APOLLO)

    assert result.layout == NASA_LAYOUT
    assert (result.samples, result.aliquots) == (934, len(weighed))
    assert (result.skipped_blank, result.without_mass) == (14, 16)
    assert result.total_mass_ug == sum(weighed.values())
    assert world.count(Sample) == 1 + 934
    assert world.count(Aliquot) == before + len(weighed)

    def nasa_aliquots(session: Session) -> dict[str, tuple[int, int, str, str]]:
        statement = select(
            Aliquot.number, Aliquot.initial_mass_ug, Aliquot.current_mass_ug, Aliquot.form,
            Aliquot.container,
        ).where(Aliquot.number.like("%,0"))  # fmt: skip
        return {n: (i, c, f, k) for n, i, c, f, k in session.execute(statement)}

    stored = world.read(nasa_aliquots)
    assert {n.removesuffix(",0"): v[0] for n, v in stored.items()} == weighed
    assert sum(v[1] for v in stored.values()) == sum(weighed.values())
    assert stored["10017,0"] == (973_000_000, 973_000_000, "as received", "ALSRC 1004")
    assert stored["66036,0"][0] == 4_384_000  # 4.3839999999999995 g in the file
    assert stored["10022,0"][0] == 95_590_000
    assert world.status("66036,0").custodian_institution == "CNSA Lunar Sample Laboratory"

    samples = world.read(
        lambda s: {
            row.number: row
            for row in s.scalars(select(Sample).where(Sample.number.in_(["10017", "61224"])))
        }
    )
    assert samples["10017"].original_mass_ug == 973_000_000
    assert samples["10017"].mission == "Apollo 11"
    assert samples["10017"].collection_container == "ALSRC 1004"
    assert samples["10017"].description.startswith("high K, fine-grained")
    assert samples["61224"].original_mass_ug == 0  # catalogued, weighed as 0 g: no aliquot
    assert "61224,0" not in stored
    world.check_rules()

    # The exported inventory agrees with what was imported, to the microgram.
    out = io.StringIO()
    assert export.export_inventory(world.db, out, "json") == before + len(weighed)
    exported = {r["number"]: r for r in json.loads(out.getvalue())}
    assert sum(exported[f"{g},0"]["current_mass_ug"] for g in weighed) == sum(weighed.values())


# ---------------------------------------------------------------- NASA layout, small files


def test_blank_rows_and_samples_without_mass(world: World, tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        NASA_HEADER,
        _nasa("10003", "213.0"),
        ",,,,,,,,,,,,",
        "",
        _nasa("10004", ""),
        _nasa("10005", "0.0"),
        _nasa("10006", "0.0000005"),  # half a microgram rounds to even: 0 µg, refused below
    )
    problems = _rejected(world, path, "line 7", "originalweight '0.0000005' rounds to 0 µg")
    assert [line for line, _ in problems] == [7]

    rows = [_nasa("10003", "213.0"), ",,,,,,,,,,,,", "", _nasa("10004", ""), _nasa("10005", "0")]
    path = _file(tmp_path, NASA_HEADER, *rows, _nasa("10006", "0.0000015"))
    result = import_samples(world.db, world["zhang"], path)
    assert (result.samples, result.aliquots, result.skipped_blank, result.without_mass) == (
        4, 2, 2, 2,
    )  # fmt: skip
    assert result.total_mass_ug == 213_000_000 + 2  # 1.5 µg rounds half to even: 2 µg
    masses = world.read(
        lambda s: dict(
            s.execute(
                select(Sample.number, Sample.original_mass_ug).where(Sample.scheme == "nasa")
            ).all()
        )
    )
    assert masses == {"10003": 213_000_000, "10004": None, "10005": 0, "10006": 2}
    assert world.count(Aliquot, Aliquot.number.in_(["10004,0", "10005,0"])) == 0
    world.check_rules()


def test_one_bad_row_among_good_ones_writes_nothing(world: World, tmp_path: Path) -> None:
    path = _file(
        tmp_path, NASA_HEADER, _nasa("10003", "213.0"), _nasa("10017", "-3"), _nasa("10020", "425")
    )
    samples = world.count(Sample)
    problems = _rejected(world, path, "line 3: originalweight '-3' is not a mass")
    assert problems == [(3, "originalweight '-3' is not a mass: it is negative")]
    assert world.count(Sample) == samples


def test_every_bad_row_is_named(world: World, tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        NASA_HEADER,
        _nasa("10003", "213.0"),
        _nasa("10017", "heavy"),
        _nasa("1234", "1.0"),
        _nasa("10020", "1.0", description='"multi\nline, fine"'),  # lines 5-6
        _nasa("10021", "1.0", description="bell\x07"),
        _nasa("10022", "1.0", description="x" * 10_001),
        _nasa("10003", "2.0"),
        _nasa("10024", "1e9"),
        "10025,Apollo 11,,,bag,1.0",
        _nasa("", "1.0"),
        _nasa("10026", "1.0", bag="B" * 81),
    )
    problems = _rejected(world, path)
    assert problems == [
        (3, "originalweight 'heavy' is not a mass"),
        (4, "generic '1234' is not a NASA generic number such as 70017"),
        (7, "The genericdescription contains control characters."),
        (8, "The genericdescription is longer than 10000 characters."),
        (9, "sample 10003 appears already on line 2"),
        (10, "originalweight '1e9' is more than 100,000.000 g: not plausible"),
        (11, "the row has 6 fields but the header has 13"),
        (12, "generic (the sample number) is empty"),
        (13, "The bagnumber is longer than 80 characters."),
    ]


def test_numbers_registered_already_are_refused(world: World, tmp_path: Path) -> None:
    first = _file(tmp_path, NASA_HEADER, _nasa("10003", "213.0"), name="first.csv")
    import_samples(world.db, world["zhang"], first)
    again = _file(
        tmp_path, NASA_HEADER, _nasa("10017", "973.0"), _nasa("10003", "213.0"), name="again.csv"
    )
    assert _rejected(world, again) == [(3, "sample 10003 is registered already")]
    own = _file(
        tmp_path,
        OWN_HEADER,
        "CE5C0400,CE5C0400YJFM00509,10mg,,,,,,,",
        "CE5C0500,CE5C0400YJFM00501,10mg,,,,,,,",
        name="own.csv",
    )
    assert _rejected(world, own) == [
        (2, "sample CE5C0400 is registered already"),
        (3, "aliquot CE5C0400YJFM00501 does not belong to sample CE5C0500"),
    ]
    rows = ["CE5C0500,CE5C0500YJFM00501,10mg,,,,,,,", "CE5C0500,CE5C0500YJFM00501,20mg,,,,,,,"]
    own = _file(tmp_path, OWN_HEADER, *rows, name="own2.csv")
    assert _rejected(world, own) == [(3, "aliquot CE5C0500YJFM00501 appears already on line 2")]


# ---------------------------------------------------------------- our own layout


def test_own_layout_registers_several_aliquots_per_sample(world: World, tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        OWN_HEADER,
        "CE5C0500,CE5C0500YJFM00501,250mg,powder,vial 1,S-1,Chang'e-5,,regolith,scooped soil",
        "ce5c0500,ce5c0500yjfm00502,0.25 g,powder,vial 2,S-2,,,,",
        "CE5Z0101,CE5Z0101YJFM00001,1500 ug,chip,vial 3,,Chang'e-5,drill,regolith,",
        '70017,"70017,125",12.5,chip,bag,,Apollo 17,LM,basalt,',
        ',"70017,126",1,chip,bag,,,,,',  # the sample follows from the aliquot number
    )
    result = import_samples(world.db, world["zhang"], path)
    assert result.layout == CUSTODY_LAYOUT
    assert (result.samples, result.aliquots, result.without_mass) == (3, 5, 0)
    assert result.total_mass_ug == 250_000 + 250_000 + 1_500 + 12_500 + 1_000
    two = world.status("CE5C0500YJFM00502")
    assert (two.sample_number, two.initial_mass_ug, two.form, two.container, two.seal_number) == (
        "CE5C0500", 250_000, "powder", "vial 2", "S-2",
    )  # fmt: skip
    assert world.status("70017,126").current_mass_ug == 1_000
    sample = world.read(
        lambda s: s.scalars(select(Sample).where(Sample.number == "CE5C0500")).one()
    )
    assert (sample.mission, sample.sample_type, sample.description) == (
        "Chang'e-5", "regolith", "scooped soil",
    )  # fmt: skip
    assert sample.original_mass_ug is None  # the file does not say; not guessed
    next_split = world.read(
        lambda s: s.scalar(select(Sample.next_split_number).where(Sample.number == "70017"))
    )
    assert next_split == 127
    world.check_rules()


def test_own_layout_problems(world: World, tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        OWN_HEADER,
        "CE5C0500,CE5C0500YJFM00501,250mg,,,,Chang'e-5,,,",
        "CE5C0500,CE5C0500YJFM00502,0.5 ug,,,,Chang'e-6,,,",
        "CE5C0500,CE5C0500YJFM00503,0 mg,,,,,,,",
        "CE5C0500,CE5C0500YJFM00504,,,,,,,,",
        "CE5C0500,CE5C0500-1,1mg,,,,,,,",
        "CE5C0500,,1mg,,,,,,,",
        "CE5C0500,CE5C0500YJFM00505,1mg,,," + "S" * 65 + ",,,,",
    )
    problems = _rejected(world, path)
    assert problems[:4] == [
        (3, "mass '0.5 ug' is more precise than one microgram"),
        (3, "mission 'Chang'e-6' of sample CE5C0500 differs from 'Chang'e-5' on line 2"),
        (4, "mass '0 mg' is zero; an aliquot must hold some material"),
        (5, "mass is empty"),
    ]
    assert problems[4][0] == 6
    assert problems[4][1].startswith("'CE5C0500-1' is not an aliquot number")
    assert problems[5:] == [
        (7, "aliquot (the aliquot number) is empty"),
        (8, "The seal_number is longer than 64 characters."),
    ]


def test_unknown_header_names_the_missing_columns(world: World, tmp_path: Path) -> None:
    path = _file(tmp_path, "generic,mission,weight", "10003,Apollo 11,213")
    (problem,) = _rejected(world, path, "line 1", "bagnumber, originalweight")
    assert problem[0] == 1
    path = _file(tmp_path, "sample,aliquot,weight", "CE5C0500,CE5C0500YJFM00501,1mg")
    _rejected(world, path, "the sample/aliquot layout needs the column mass")
    _rejected(world, _file(tmp_path, ""), "the file is empty")


def test_bom_and_crlf(world: World, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    lines = [OWN_HEADER.upper(), 'CE5C0500,CE5C0500YJFM00501,250mg,powder,"vial\r\n1",,,,,']
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode() + b"\r\n")
    result = import_samples(world.db, world["zhang"], path)
    assert (result.samples, result.aliquots) == (1, 1)
    assert world.status("CE5C0500YJFM00501").container == "vial\n1"  # CRLF in a cell: LF
    rows = [_nasa("10003", "1.0"), _nasa("10017", "x")]
    crlf = _file(tmp_path, NASA_HEADER, *rows, newline="\r\n", name="crlf.csv")
    assert _rejected(world, crlf) == [(3, "originalweight 'x' is not a mass")]


def test_line_numbers_count_physical_lines(world: World, tmp_path: Path) -> None:
    """Quoted fields spanning lines, malformed CSV and bad bytes are located by line."""
    path = _file(
        tmp_path,
        NASA_HEADER,
        _nasa("10003", "1.0", description='"one\ntwo\nthree"'),  # lines 2-4
        _nasa("10017", "1.0", description="y" * 200_000),  # beyond the csv module's limit
        _nasa("10020", "-1"),
        _nasa("10021", "1.0", bag='"bag" 7'),  # text after a closing quote
        _nasa("10022", "1.0", description='"never closed'),
    )
    problems = _rejected(world, path)
    assert [line for line, _ in problems] == [5, 6, 7, 8]
    assert "not valid CSV (field larger than field limit" in problems[0][1]
    assert problems[2][1] == "the row is not valid CSV (',' expected after '\"')"
    assert problems[3][1] == "the row is not valid CSV (unexpected end of data)"
    broken = tmp_path / "latin1.csv"
    broken.write_bytes(f"{NASA_HEADER}\n{_nasa('10003', '1.0')}\n".encode() + b"caf\xe9\n")
    _rejected(world, broken, "line 3", "not UTF-8")


# ---------------------------------------------------------------- who may, cancelling


def test_only_the_lenders_curators_may_import(world: World, tmp_path: Path) -> None:
    path = _file(tmp_path, NASA_HEADER, _nasa("10003", "213.0"))
    for username in ("auditor", "brown_lm", "admin"):
        with world.refused(PermissionDenied, "Only a curator may import samples."):
            import_samples(world.db, world[username], path)
    brown_curator = world.add_person("brown_cur", "BROWN", "curator")
    with world.refused(PermissionDenied, "lending curation facility"):
        import_samples(world.db, brown_curator, path)


def test_progress_and_cancelling(world: World, tmp_path: Path) -> None:
    rows = [_nasa(f"{10001 + n}", "1.5") for n in range(245)]
    path = _file(tmp_path, NASA_HEADER, *rows)
    calls: list[tuple[int, int]] = []

    def cancel_at_150(done: int, total: int) -> bool:
        calls.append((done, total))
        return done >= 150  # True: stop

    with world.refused(Cancelled, "Import cancelled; nothing was written") as info:
        import_samples(world.db, world["zhang"], path, progress=cancel_at_150)
    assert isinstance(info.value, Cancelled)
    # (0, 0) while the file is read, then a report after each batch written
    assert calls == [(0, 0), (0, 245), (100, 245), (200, 245)]

    calls.clear()
    result = import_samples(
        world.db, world["zhang"], path, progress=lambda d, t: calls.append((d, t))
    )
    assert calls == [(0, 0), (0, 245), (100, 245), (200, 245), (245, 245)]
    assert result.total_mass_ug == 245 * 1_500_000
    assert queries.verify(world.db).ok
    assert world.read(lambda s: s.scalar(select(func.count()).select_from(Sample))) == 246
