"""Sample and aliquot numbers of both schemes, child numbering, and exact mass text."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from lunar_custody.domain import queries, registry
from lunar_custody.domain.errors import DuplicateError, RuleViolation, ValidationError
from lunar_custody.domain.masses import MAX_MASS_UG, check_mass, format_mass, parse_mass
from lunar_custody.domain.models import Aliquot, Sample
from lunar_custody.domain.numbering import (
    CHANGE,
    NASA,
    aliquot_sample_number,
    child_number,
    nasa_split,
    normalize,
    sample_scheme,
)

if TYPE_CHECKING:
    from .conftest import World

SAMPLE = "CE5C0400"  # the world's sample and two of its aliquots
A1 = "CE5C0400YJFM00501"
A2 = "CE5C0400YJFM00502"

# ------------------------------------------------------------------ numbering (pure)


@pytest.mark.parametrize(
    ("number", "scheme"),
    [
        ("CE5C0400", CHANGE),
        ("CE5Z0001", CHANGE),
        ("CE6C0123", CHANGE),
        ("70017", NASA),
        ("10003", NASA),
        ("00001", NASA),
    ],
)
def test_valid_sample_numbers(number: str, scheme: str) -> None:
    assert sample_scheme(number) == scheme


@pytest.mark.parametrize(
    "number",
    [
        "CE4C0400",
        "CE5X0400",
        "CE5C040",
        "CE5C04000",
        "7001",
        "700170",
        "70017a",
        "",
        "CE5C0400YJFM00505",
    ],
)
def test_invalid_sample_numbers_say_what_is_expected(number: str) -> None:
    with pytest.raises(ValidationError) as info:
        sample_scheme(number)
    assert "is not a sample number" in str(info.value)
    assert "CE5C0400" in str(info.value) and "70017" in str(info.value)


@pytest.mark.parametrize(
    ("number", "sample"),
    [
        ("CE5C0400YJFM00505", "CE5C0400"),
        ("CE5C0400YJFM00505-G1", "CE5C0400"),
        ("CE5C0400YJFM00505-G1-G2", "CE5C0400"),
        ("CE6Z0042ABCD00001-G12", "CE6Z0042"),
        ("70017,125", "70017"),
        ("70017,0", "70017"),
        ("10003,999999", "10003"),
    ],
)
def test_valid_aliquot_numbers(number: str, sample: str) -> None:
    assert aliquot_sample_number(number) == sample


@pytest.mark.parametrize(
    "number",
    [
        "CE5C0400YJFM0050",  # four digits
        "CE5C0400YJF00505",  # three letters
        "CE5C0400YJFM00505-G0",  # children count from 1
        "CE5C0400YJFM00505-G01",
        "CE5C0400YJFM00505G1",
        "70017,0125",  # no leading zero
        "70017,1234567",  # six digits at most
        "70017,",
        "70017",
        "7001,1",
        "70017;1",
    ],
)
def test_invalid_aliquot_numbers_say_what_is_expected(number: str) -> None:
    with pytest.raises(ValidationError) as info:
        aliquot_sample_number(number)
    message = str(info.value)
    assert "is not an aliquot number" in message
    assert "CE5C0400YJFM00505" in message and "-G1" in message and "70017,125" in message


def test_child_numbers_of_both_schemes() -> None:
    assert child_number(CHANGE, "CE5C0400YJFM00505", next_child=1, next_split=99) == (
        "CE5C0400YJFM00505-G1"
    )
    assert child_number(CHANGE, "CE5C0400YJFM00505-G3", next_child=2, next_split=99) == (
        "CE5C0400YJFM00505-G3-G2"
    )
    assert child_number(NASA, "70017,3", next_child=7, next_split=126) == "70017,126"
    assert nasa_split("70017,126") == 126


def test_numbers_are_read_case_insensitively_without_blanks() -> None:
    assert normalize("  ce5c0400yjfm00505-g1\n") == "CE5C0400YJFM00505-G1"


@settings(max_examples=60, deadline=None)
@given(st.from_regex(r"CE[5-9][CZ]\d{4}[A-Z]{4}\d{5}(-G[1-9]\d{0,2}){0,3}", fullmatch=True))
def test_every_well_formed_change_aliquot_number_is_accepted(number: str) -> None:
    assert aliquot_sample_number(number) == number[:8]
    assert sample_scheme(number[:8]) == CHANGE


@settings(max_examples=60, deadline=None)
@given(st.from_regex(r"\d{5}", fullmatch=True), st.integers(0, 999_999))
def test_every_well_formed_nasa_aliquot_number_is_accepted(generic: str, split: int) -> None:
    number = f"{generic},{split}"
    assert aliquot_sample_number(number) == generic
    assert nasa_split(number) == split


# ------------------------------------------------------------------ numbering in the database


def test_child_numbers_in_the_database(world: World) -> None:
    _change_splits_append_g_numbers_per_parent(world)
    _nasa_split_takes_the_samples_next_free_number_and_records_its_parent(world)


def _change_splits_append_g_numbers_per_parent(world: World) -> None:
    db, zhang = world.db, world["zhang"]
    first = registry.split_aliquot(db, zhang, A1, [10_000, 20_000])
    assert [c.number for c in first] == [f"{A1}-G1", f"{A1}-G2"]
    again = registry.split_aliquot(db, zhang, A1, [5_000])
    assert [c.number for c in again] == [f"{A1}-G3"]
    grandchildren = registry.split_aliquot(db, zhang, f"{A1}-G2", [1_000, 1_000])
    assert [c.number for c in grandchildren] == [f"{A1}-G2-G1", f"{A1}-G2-G2"]
    other = registry.split_aliquot(db, zhang, A2.lower(), [7_000])  # scanned in lower case
    assert other[0].number == f"{A2}-G1"
    status = queries.aliquot_status(db, f"{A1}-G2")
    assert status.parent_number == A1
    assert status.children == [f"{A1}-G2-G1", f"{A1}-G2-G2"]
    assert queries.aliquot_status(db, A1).children == [f"{A1}-G1", f"{A1}-G2", f"{A1}-G3"]


def _nasa_split_takes_the_samples_next_free_number_and_records_its_parent(
    world: World,
) -> None:
    db, zhang = world.db, world["zhang"]
    registry.register_sample(
        db,
        zhang,
        registry.NewSample(
            "70017",
            3_000_000,
            mission="Apollo 17",
            aliquots=[
                registry.NewAliquot("70017,125", 400_000),
                registry.NewAliquot("70017,3", 50_000),
            ],
        ),
    )
    with db.read() as session:
        sample = session.scalars(select(Sample).where(Sample.number == "70017")).one()
        assert sample.scheme == NASA
        assert sample.next_split_number == 126  # above the highest registered split
    child = registry.split_aliquot(db, zhang, "70017,3", [10_000])
    assert [c.number for c in child] == ["70017,126"]
    more = registry.split_aliquot(db, zhang, "70017,125", [1_000, 2_000])
    assert [c.number for c in more] == ["70017,127", "70017,128"]
    nested = registry.split_aliquot(db, zhang, "70017,126", [500])
    assert [c.number for c in nested] == ["70017,129"]
    with db.read() as session:
        parents = dict(
            session.execute(
                select(Aliquot.number, Aliquot.parent_id).where(Aliquot.number.like("70017,%"))
            ).all()
        )
        ids = dict(session.execute(select(Aliquot.number, Aliquot.id)).all())
        assert parents["70017,126"] == ids["70017,3"]
        assert parents["70017,127"] == parents["70017,128"] == ids["70017,125"]
        assert parents["70017,129"] == ids["70017,126"]
        assert (
            session.scalars(select(Sample.next_split_number).where(Sample.number == "70017")).one()
            == 130
        )
    registry.register_aliquot(db, zhang, "70017", registry.NewAliquot("70017,500", 1_000))
    assert [c.number for c in registry.split_aliquot(db, zhang, "70017,500", [10])] == ["70017,501"]


def test_registration_normalizes_and_refuses_bad_numbers(world: World) -> None:
    db, zhang = world.db, world["zhang"]
    sample = registry.register_sample(
        db,
        zhang,
        registry.NewSample(
            " ce6z0002 ", None, aliquots=[registry.NewAliquot("ce6z0002abcd00001", 1_000)]
        ),
    )
    assert sample.number == "CE6Z0002"
    assert queries.aliquot_status(db, "CE6Z0002ABCD00001").current_mass_ug == 1_000
    with world.refused(ValidationError, "'CE4C0001' is not a sample number"):
        registry.register_sample(db, zhang, registry.NewSample("CE4C0001", None))
    with world.refused(ValidationError, "is not an aliquot number"):
        registry.register_sample(
            db,
            zhang,
            registry.NewSample("CE5C0500", None, aliquots=[registry.NewAliquot("CE5C0500XX1", 5)]),
        )
    with world.refused(ValidationError, "does not belong to sample CE5C0501"):
        registry.register_sample(
            db,
            zhang,
            registry.NewSample(
                "CE5C0501", None, aliquots=[registry.NewAliquot("CE5C0502ABCD00001", 5)]
            ),
        )
    with world.refused(DuplicateError, f"Sample {SAMPLE} is registered already"):
        registry.register_sample(db, zhang, registry.NewSample(SAMPLE.lower(), None))
    with world.refused(DuplicateError, f"Aliquot {A1} is registered already"):
        registry.register_aliquot(db, zhang, SAMPLE, registry.NewAliquot(A1, 5))


def test_a_child_number_longer_than_the_column_is_refused_cleanly(world: World) -> None:
    """Fourteen generations of Chang'e splits make a number longer than aliquots.number (60)."""
    db, zhang = world.db, world["zhang"]
    number = A1
    while len(number) + 3 <= 60:
        (child,) = registry.split_aliquot(db, zhang, number, [10])
        number = child.number
    assert len(number) == 59
    with world.refused(ValidationError, number, "longer than 60 characters"):
        registry.split_aliquot(db, zhang, number, [1])


# ------------------------------------------------------------------ masses


@pytest.mark.parametrize(
    ("text", "micrograms"),
    [
        ("12.5mg", 12_500),
        ("12.5 mg", 12_500),
        ("12.5 MG", 12_500),
        ("0.25 g", 250_000),
        ("0.25g", 250_000),
        ("1500ug", 1_500),
        ("1500 µg", 1_500),
        (" 3.000001 g ", 3_000_001),
        ("2", 2_000),  # bare numbers are milligrams by default
        ("0.001", 1),
        ("1e3 mg", 1_000_000),
        ("100000 g", MAX_MASS_UG),
        ("12,510.935 g", 12_510_935_000),  # as format_mass writes grams
        ("1,000 mg", 1_000_000),
    ],
)
def test_parse_mass_is_exact(text: str, micrograms: int) -> None:
    assert parse_mass(text) == micrograms
    assert isinstance(parse_mass(text), int)


def test_parse_mass_default_unit() -> None:
    assert parse_mass("1.5", default_unit="g") == 1_500_000
    assert parse_mass("15", default_unit="ug") == 15


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1.0005 mg", "more precise than one microgram"),
        ("0.4 ug", "more precise than one microgram"),
        ("0.0000001 g", "more precise than one microgram"),
        ("-5 mg", "must be more than zero"),
        ("0 mg", "must be more than zero"),
        ("0", "must be more than zero"),
        ("100000.000001 g", "is not plausible"),
        ("5 kg", "is not a mass"),
        ("1,5 mg", "is not a mass"),
        ("12,34.5 g", "is not a mass"),
        ("abc", "is not a mass"),
        ("", "is not a mass"),
        ("mg", "is not a mass"),
        ("nan", "is not a mass"),
        ("inf g", "is not a mass"),
    ],
)
def test_parse_mass_refuses_with_a_reason(text: str, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_mass(text)
    assert words in str(info.value)


def test_parse_mass_rounds_only_when_asked() -> None:
    with pytest.raises(ValidationError):
        parse_mass("4.3839999999999995 g")
    assert parse_mass("4.3839999999999995 g", round_to_ug=True) == 4_384_000
    with pytest.raises(ValidationError) as info:
        parse_mass("0.0000005 g", round_to_ug=True)  # rounds to nothing
    assert "must be more than zero" in str(info.value)


@pytest.mark.parametrize(
    ("micrograms", "text"),
    [
        (125_000, "125.000 mg"),
        (1_250_000, "1.250 g"),
        (1_250_001, "1.250001 g"),
        (328_510_935_000, "328,510.935 g"),
        (1_000_000, "1.000 g"),
        (999_999, "999.999 mg"),
        (1_000, "1.000 mg"),
        (999, "999 µg"),
        (35, "35 µg"),
        (0, "0 µg"),
        (-1_000, "-1.000 mg"),
        (None, "—"),
    ],
)
def test_format_mass(micrograms: int | None, text: str) -> None:
    assert format_mass(micrograms) == text


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=MAX_MASS_UG))
def test_format_and_parse_round_trip_exactly(micrograms: int) -> None:
    assert parse_mass(format_mass(micrograms)) == micrograms


def test_check_mass() -> None:
    assert check_mass(1) == 1
    assert check_mass(0, allow_zero=True) == 0
    assert check_mass(MAX_MASS_UG) == MAX_MASS_UG
    for bad, words in [
        (0, "more than zero"),
        (-1, "more than zero (got -1 µg)"),
        (MAX_MASS_UG + 1, "is not plausible"),
        (1.5, "whole number of micrograms"),
        (True, "whole number of micrograms"),
    ]:
        with pytest.raises(ValidationError) as info:
            check_mass(bad)  # type: ignore[arg-type]
        assert words in str(info.value)


def test_services_refuse_bad_masses_and_change_nothing(world: World) -> None:
    db, zhang = world.db, world["zhang"]
    with world.refused(ValidationError, "mass of a child aliquot must be more than zero"):
        registry.split_aliquot(db, zhang, A1, [10, 0])
    with world.refused(ValidationError, "mass of a child aliquot must be more than zero"):
        registry.split_aliquot(db, zhang, A1, [-10])
    with world.refused(ValidationError, "whole number of micrograms"):
        registry.split_aliquot(db, zhang, A1, [1.5])  # type: ignore[list-item]
    with world.refused(ValidationError, "is not plausible"):
        registry.register_sample(db, zhang, registry.NewSample("CE5C0999", MAX_MASS_UG + 1))
    with world.refused(ValidationError, "must be more than zero"):
        registry.register_aliquot(db, zhang, SAMPLE, registry.NewAliquot(f"{SAMPLE}YJFM00999", 0))
    with world.refused(RuleViolation, "more than the sample's"):
        registry.register_sample(
            db,
            zhang,
            registry.NewSample(
                "CE5C0998",
                1_000,
                aliquots=[
                    registry.NewAliquot("CE5C0998YJFM00001", 600),
                    registry.NewAliquot("CE5C0998YJFM00002", 600),
                ],
            ),
        )
    with world.refused(RuleViolation, "already registered in aliquots"):
        registry.register_aliquot(
            db, zhang, SAMPLE, registry.NewAliquot(f"{SAMPLE}YJFM00999", 900_001)
        )
