"""Import samples and aliquots from a CSV file, all or nothing.

Two layouts, recognised by the header (column names are matched case-insensitively, in any
order; columns we do not use, such as NASA's ``pristinity``, are ignored):

- ``nasa``: NASA's curation catalogue (``generic, mission, station, landmark, bagnumber,
  originalweight, sampletype, samplesubtype, ..., genericdescription``; see
  ``tests/fixtures/apollo_samples.csv``). Each row is one sample, numbered by its
  generic, with ONE aliquot ``<generic>,0`` holding the whole original mass ("as
  received", in the return bag). ``originalweight`` is in grams and often carries binary
  floating-point noise (``4.3839999999999995``): it is read as a decimal and rounded half
  to even to whole micrograms, so it imports exactly (4 384 000 µg), never through a float.
- ``custody``: our own layout, ``sample, aliquot, mass, form, container, seal_number,
  mission, station, sample_type, description`` (only the first three are required). One
  row per aliquot; rows naming the same sample register several aliquots of it. ``mass``
  takes a unit (``250mg``, ``0.25 g``, ``1500 ug``; a bare number is mg) and must be exact
  to the microgram. The file does not state the sample's own original mass, so it is left
  unrecorded (None) rather than guessed from the aliquots, which would forbid registering
  further aliquots of the sample later. A sample's mission, station, type and description
  are taken from its rows; two rows that disagree are refused.

Decisions about odd rows (real catalogues have them):

- A completely blank row (``,,,,`` or an empty line) is skipped and counted in
  ``ImportResult.skipped_blank``.
- A NASA row whose ``originalweight`` is empty or 0 is catalogued as a sample with an
  original mass of None (empty) or 0 and NO aliquot: there is no material to hold custody
  of. Such rows are counted in ``ImportResult.without_mass``.
- A negative, non-numeric or implausible mass, a mass that rounds to 0 µg, a malformed
  number, text with control characters or longer than its column, a number that appears
  twice in the file or is registered already: each is a problem, and the import is refused.

The file is read and checked completely first, so ``ImportRejected`` lists every problem
at once, each with the line number as a text editor shows it (the header is line 1).
Only a clean file is written, in ONE transaction: any failure leaves the database as it was.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from .errors import CustodyError, ImportRejected, NotFoundError, PermissionDenied, ValidationError
from .masses import MAX_MASS_UG, UG_PER_UNIT, format_mass, parse_mass
from .models import Aliquot, Sample
from .numbering import NASA, aliquot_sample_number, normalize, sample_scheme
from .operation import operation
from .permissions import Actor, require
from .registry import MAX_TEXT, NewAliquot, NewSample, clean_text, register_samples_in
from .store import ProgressCallback, Store, report_progress
from .wording import Words

NASA_LAYOUT = "nasa"
CUSTODY_LAYOUT = "custody"

_domain_importer = Words("_domain_importer")

# NASA's columns that we store; the rest of the catalogue's columns are ignored.
NASA_COLUMNS = (
    "generic",
    "mission",
    "station",
    "landmark",
    "bagnumber",
    "originalweight",
    "sampletype",
    "samplesubtype",
    "genericdescription",
)
CUSTODY_COLUMNS = (
    "sample",
    "aliquot",
    "mass",
    "form",
    "container",
    "seal_number",
    "mission",
    "station",
    "sample_type",
    "description",
)
CUSTODY_REQUIRED = ("sample", "aliquot", "mass")

AS_RECEIVED = "as received"

# Samples written together (one flush each for samples, aliquots, events); progress follows,
# and with it a look at Cancel: a batch ends at 100 samples or 400 aliquots, whichever first,
# so a file of samples with many aliquots each still answers Cancel within a fraction of a
# second.
BATCH = 100
BATCH_ALIQUOTS = 400
# Keeps IN (...) lists well below SQLite's limit on bound parameters.
_CHUNK = 500


@dataclass
class ImportResult:
    samples: int = 0
    aliquots: int = 0
    skipped_blank: int = 0
    without_mass: int = 0  # NASA rows catalogued without an aliquot (weight empty or 0)
    total_mass_ug: int = 0  # the mass of all aliquots registered
    layout: str = ""


@dataclass
class _Planned:
    """One sample to register, with the file lines it came from."""

    line: int
    sample: NewSample


def _limit(model: type[Sample] | type[Aliquot], column: str) -> int:
    """The same limits the registry enforces: the column's length (Text: MAX_TEXT)."""
    length = getattr(model.__table__.c[column].type, "length", None)
    return int(length) if length else MAX_TEXT


# file column -> model column (for its length): checked while parsing, so that every
# problem is reported at once rather than the first one register_samples_in meets.
_NASA_TEXT = {
    "mission": "mission",
    "station": "station",
    "landmark": "landmark",
    "bagnumber": "collection_container",
    "sampletype": "sample_type",
    "samplesubtype": "sample_subtype",
    "genericdescription": "description",
}
_CUSTODY_SAMPLE_TEXT = {
    "mission": "mission",
    "station": "station",
    "sample_type": "sample_type",
    "description": "description",
}
_CUSTODY_ALIQUOT_TEXT = ("form", "container", "seal_number")


def import_samples(
    store: Store, actor: Actor, path: Path, *, progress: ProgressCallback | None = None
) -> ImportResult:
    """Register every sample and aliquot of the CSV file at ``path``, or nothing.

    ``progress(done, total)`` is called with the number of samples written so far (every
    few samples and at the end, before the commit), and with (0, 0) while the file is read,
    before its number of samples is known; returning True cancels the import
    (``errors.Cancelled``, nothing written). Raises ``ImportRejected`` listing every problem
    of a file that cannot be imported as a whole.
    """
    # Refuse a viewer before reading the file; operation() checks again in the transaction.
    require(actor.roles, "import")
    _report(progress, 0, 0)
    planned, result, problems = _parse(_read_text(path), reading=lambda: _report(progress, 0, 0))
    with operation(store, actor, "import") as ctx:
        if ctx.institution.kind != "lender":
            raise PermissionDenied(
                _domain_importer.said("Samples are imported by the lending curation facility.")
            )
        problems += _registered_already(ctx.session, planned)
        if problems:
            raise ImportRejected(sorted(problems))
        total = len(planned)
        _report(progress, 0, total)
        for start, chunk in _batches(planned):
            try:
                register_samples_in(ctx, [plan.sample for plan in chunk])
            except PermissionDenied:
                raise
            except CustodyError as error:  # checked above, so only a race or a missed rule
                named = [p.line for p in chunk if normalize(p.sample.number) in str(error)]
                problems.append(((named or [chunk[0].line])[0], _reason(error)))
                break
            for plan in chunk:
                result.samples += 1
                result.aliquots += len(plan.sample.aliquots)
                result.total_mass_ug += sum(a.mass_ug for a in plan.sample.aliquots)
            _report(progress, start + len(chunk), total)
        if problems:
            raise ImportRejected(sorted(problems))  # rolls back what was written
    return result


def _batches(planned: list[_Planned]) -> Iterator[tuple[int, list[_Planned]]]:
    """The planned samples in write batches (see BATCH), each with its first index."""
    start, aliquots = 0, 0
    chunk: list[_Planned] = []
    for index, plan in enumerate(planned):
        chunk.append(plan)
        aliquots += len(plan.sample.aliquots)
        if len(chunk) >= BATCH or aliquots >= BATCH_ALIQUOTS:
            yield start, chunk
            start, chunk, aliquots = index + 1, [], 0
    if chunk:
        yield start, chunk


def _report(progress: ProgressCallback | None, done: int, total: int) -> None:
    cancelled = _domain_importer.said("Import cancelled; nothing was written.")
    report_progress(progress, done, total, cancelled=cancelled)


def _reason(error: CustodyError) -> str:
    """The sentence of a refusal, kept whole (a ``Said``) so that a window can translate it."""
    said = error.args[0] if len(error.args) == 1 else None
    return said if isinstance(said, str) else str(error)


# ---------------------------------------------------------------- reading and parsing


def _read_text(path: Path) -> str:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise NotFoundError(
            _domain_importer.said("There is no file '{path}'.", path=path)
        ) from None
    except OSError as error:
        raise ValidationError(
            _domain_importer.said(
                "'{path}' cannot be read: {reason}.", path=path, reason=error.strerror or error
            )
        ) from None
    try:
        return data.decode("utf-8-sig")  # a BOM (Excel's "CSV UTF-8") is dropped
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportRejected(
            [
                (
                    line,
                    _domain_importer.said(
                        "the file is not UTF-8 text; save it as CSV UTF-8 and try again"
                    ),
                )
            ]
        ) from None


def _rows(text: str, problems: list[tuple[int, str]]) -> Iterator[tuple[int, list[str]]]:
    """(first line of the row, fields); CSV syntax errors become problems and are skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    last_line = 0
    while True:
        start = last_line + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems.append(
                (start, _domain_importer.said("the row is not valid CSV ({error})", error=error))
            )
            if reader.line_num == last_line:  # no progress: stop rather than loop
                return
            last_line = reader.line_num
            continue
        last_line = reader.line_num
        yield start, fields


# While the file is read, a look at Cancel every so many lines.
READ_BATCH = 2_000


def _parse(
    text: str, reading: Callable[[], None] = lambda: None
) -> tuple[list[_Planned], ImportResult, list[tuple[int, str]]]:
    problems: list[tuple[int, str]] = []
    rows = _rows(text, problems)
    header = [name.strip().lower() for name in next(rows, (1, []))[1]]
    if problems:  # the first line is not valid CSV: nothing below it can be trusted
        raise ImportRejected(problems)
    if not any(header):
        raise ImportRejected(
            [(1, _domain_importer.said("the file is empty; the first line must name the columns"))]
        )
    layout = _layout(header)
    index = {name: i for i, name in enumerate(header) if name}
    doubled = sorted({name for name in header if name and header.count(name) > 1})
    if doubled:
        columns = ", ".join(doubled)
        twice = (
            _domain_importer.said("the column {columns} appears twice", columns=columns)
            if len(doubled) == 1
            else _domain_importer.said("the columns {columns} appear twice", columns=columns)
        )
        raise ImportRejected([(1, twice)])
    result = ImportResult(layout=layout)
    parse_row = _nasa_row if layout == NASA_LAYOUT else _custody_row
    planned: dict[str, _Planned] = {}
    aliquot_lines: dict[str, int] = {}
    for line, fields in rows:
        if line % READ_BATCH == 0:
            reading()
        if not any(value.strip() for value in fields):
            result.skipped_blank += 1
            continue
        if len(fields) != len(header):
            problems.append(
                (
                    line,
                    _domain_importer.said(
                        "the row has {fields} fields but the header has {columns}",
                        fields=len(fields),
                        columns=len(header),
                    ),
                )
            )
            continue
        # Windows tools may write CRLF inside quoted cells; clean_text refuses CR.
        values = {name: fields[i].replace("\r\n", "\n") for name, i in index.items()}
        reasons = parse_row(line, values, planned, aliquot_lines, result)
        problems.extend((line, reason) for reason in reasons)
    return list(planned.values()), result, problems


def _layout(header: Sequence[str]) -> str:
    """The layout the header names, or ImportRejected naming the columns it lacks."""
    present = set(header)
    nasa_missing = [c for c in NASA_COLUMNS if c not in present]
    custody_missing = [c for c in CUSTODY_REQUIRED if c not in present]
    if not nasa_missing:
        return NASA_LAYOUT
    if not custody_missing:
        return CUSTODY_LAYOUT
    # Name what is missing for the layout the file most resembles.
    nasa = len(present & set(NASA_COLUMNS)) > len(present & set(CUSTODY_COLUMNS))
    missing = nasa_missing if nasa else custody_missing
    names = {"columns": ", ".join(missing), "found": ", ".join(header)}
    if nasa and len(missing) == 1:
        reason = _domain_importer.said(
            "the header is not one we can read: NASA's curation layout needs the column "
            "{columns} (found: {found})",
            **names,
        )
    elif nasa:
        reason = _domain_importer.said(
            "the header is not one we can read: NASA's curation layout needs the columns "
            "{columns} (found: {found})",
            **names,
        )
    elif len(missing) == 1:
        reason = _domain_importer.said(
            "the header is not one we can read: the sample/aliquot layout needs the column "
            "{columns} (found: {found})",
            **names,
        )
    else:
        reason = _domain_importer.said(
            "the header is not one we can read: the sample/aliquot layout needs the columns "
            "{columns} (found: {found})",
            **names,
        )
    raise ImportRejected([(1, reason)])


def _text(values: dict[str, str], column: str, limit: int, reasons: list[str]) -> str:
    try:
        return clean_text(values.get(column, ""), column, limit=limit)
    except ValidationError as error:
        reasons.append(_reason(error))
        return ""


def _mass_reason(column: str, raw: str, default_unit: str, *, rounded: bool) -> str:
    """Why parse_mass refused ``raw``, in the words of the file's column."""
    value, unit = _number_and_unit(raw, default_unit)
    if value is None:
        return _domain_importer.said("{column} '{raw}' is not a mass", column=column, raw=raw)
    if value < 0:
        return _domain_importer.said(
            "{column} '{raw}' is not a mass: it is negative", column=column, raw=raw
        )
    if value == 0:
        return _domain_importer.said(
            "{column} '{raw}' is zero; an aliquot must hold some material", column=column, raw=raw
        )
    micrograms = value * UG_PER_UNIT[unit]
    whole = micrograms.quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
    if micrograms > MAX_MASS_UG:
        return _domain_importer.said(
            "{column} '{raw}' is more than {most}: not plausible",
            column=column,
            raw=raw,
            most=format_mass(MAX_MASS_UG),
        )
    if whole != micrograms and not rounded:
        return _domain_importer.said(
            "{column} '{raw}' is more precise than one microgram", column=column, raw=raw
        )
    return _domain_importer.said("{column} '{raw}' rounds to 0 µg", column=column, raw=raw)


def _nasa_row(
    line: int,
    values: dict[str, str],
    planned: dict[str, _Planned],
    aliquot_lines: dict[str, int],
    result: ImportResult,
) -> list[str]:
    reasons: list[str] = []
    number = normalize(values["generic"])
    if not number:
        reasons.append(_domain_importer.said("generic (the sample number) is empty"))
    elif not _is_nasa(number):
        reasons.append(
            _domain_importer.said(
                "generic '{number}' is not a NASA generic number such as 70017", number=number
            )
        )
    elif number in planned:
        reasons.append(
            _domain_importer.said(
                "sample {number} appears already on line {line}",
                number=number,
                line=planned[number].line,
            )
        )
    text = {
        column: _text(values, column, _limit(Sample, target), reasons)
        for column, target in _NASA_TEXT.items()
    }
    raw = values["originalweight"].strip()
    mass: int | None = None
    if raw:
        try:
            mass = 0 if _is_zero(raw) else parse_mass(raw, "g", round_to_ug=True)
        except ValidationError:
            reasons.append(_mass_reason("originalweight", raw, "g", rounded=True))
    if reasons:
        return reasons
    aliquots = []
    if mass:
        aliquots.append(
            NewAliquot(f"{number},0", mass, form=AS_RECEIVED, container=text["bagnumber"])
        )
        aliquot_lines[f"{number},0"] = line
    else:
        result.without_mass += 1
    planned[number] = _Planned(
        line,
        NewSample(
            number,
            mass,
            mission=text["mission"],
            station=text["station"],
            landmark=text["landmark"],
            collection_container=text["bagnumber"],
            sample_type=text["sampletype"],
            sample_subtype=text["samplesubtype"],
            description=text["genericdescription"],
            aliquots=aliquots,
        ),
    )
    return []


def _custody_row(
    line: int,
    values: dict[str, str],
    planned: dict[str, _Planned],
    aliquot_lines: dict[str, int],
    result: ImportResult,
) -> list[str]:
    reasons: list[str] = []
    number = normalize(values["aliquot"])
    sample_number = normalize(values["sample"])
    if not number:
        reasons.append(_domain_importer.said("aliquot (the aliquot number) is empty"))
    else:
        try:
            belongs_to = aliquot_sample_number(number)
        except ValidationError as error:
            reasons.append(_reason(error))
        else:
            sample_number = sample_number or belongs_to
            if belongs_to != sample_number:
                reasons.append(
                    _domain_importer.said(
                        "aliquot {aliquot} does not belong to sample {sample}",
                        aliquot=number,
                        sample=sample_number,
                    )
                )
            elif number in aliquot_lines:
                reasons.append(
                    _domain_importer.said(
                        "aliquot {number} appears already on line {line}",
                        number=number,
                        line=aliquot_lines[number],
                    )
                )
    if sample_number:
        try:
            sample_scheme(sample_number)
        except ValidationError as error:
            reasons.append(_reason(error))
    sample_text = {
        column: _text(values, column, _limit(Sample, target), reasons)
        for column, target in _CUSTODY_SAMPLE_TEXT.items()
    }
    aliquot_text = {
        column: _text(values, column, _limit(Aliquot, column), reasons)
        for column in _CUSTODY_ALIQUOT_TEXT
    }
    raw = values["mass"].strip()
    mass = 0
    if not raw:
        reasons.append(_domain_importer.said("mass is empty"))
    else:
        try:
            mass = parse_mass(raw, "mg")
        except ValidationError:
            reasons.append(_mass_reason("mass", raw, "mg", rounded=False))
    plan = planned.get(sample_number)
    if plan is not None:
        reasons += _merge_sample_text(plan, sample_text)
    if reasons:
        return reasons
    if plan is None:
        plan = planned[sample_number] = _Planned(
            line,
            NewSample(
                sample_number,
                None,
                mission=sample_text["mission"],
                station=sample_text["station"],
                sample_type=sample_text["sample_type"],
                description=sample_text["description"],
            ),
        )
    plan.sample.aliquots.append(
        NewAliquot(
            number,
            mass,
            form=aliquot_text["form"],
            container=aliquot_text["container"],
            seal_number=aliquot_text["seal_number"],
        )
    )
    aliquot_lines[number] = line
    return []


def _merge_sample_text(plan: _Planned, text: dict[str, str]) -> list[str]:
    """A later row of a sample may leave its fields empty, but not contradict the first."""
    reasons: list[str] = []
    for column, value in text.items():
        known = getattr(plan.sample, column)
        if value and known and value != known:
            reasons.append(
                _domain_importer.said(
                    "{column} '{value}' of sample {sample} differs from '{known}' on line {line}",
                    column=column,
                    value=value,
                    sample=plan.sample.number,
                    known=known,
                    line=plan.line,
                )
            )
        elif value and not known:
            setattr(plan.sample, column, value)
    return reasons


def _is_nasa(number: str) -> bool:
    try:
        return sample_scheme(number) == NASA
    except ValidationError:
        return False


def _number_and_unit(raw: str, default_unit: str) -> tuple[Decimal | None, str]:
    """The number and unit of a mass as parse_mass reads them (None: not a finite number)."""
    number, unit = raw.strip().lower(), default_unit
    for suffix in sorted(UG_PER_UNIT, key=len, reverse=True):
        if number.endswith(suffix):
            number, unit = number[: -len(suffix)].strip(), suffix
            break
    try:
        value = Decimal(number)
    except InvalidOperation:
        return None, unit
    return (value if value.is_finite() else None), unit


def _is_zero(raw: str) -> bool:
    return _number_and_unit(raw, "g")[0] == 0


def _registered_already(session: Session, planned: list[_Planned]) -> list[tuple[int, str]]:
    """Numbers in the file that the database holds already: two queries, not one per row."""
    # Aliquots need no query: an aliquot's number names its sample, which would exist too.
    lines = {plan.sample.number: plan.line for plan in planned}
    numbers = list(lines)
    problems: list[tuple[int, str]] = []
    for start in range(0, len(numbers), _CHUNK):
        chunk = numbers[start : start + _CHUNK]
        for found in session.scalars(select(Sample.number).where(Sample.number.in_(chunk))):
            problems.append(
                (
                    lines[found],
                    _domain_importer.said("sample {number} is registered already", number=found),
                )
            )
    return problems


__all__ = [
    "CUSTODY_LAYOUT",
    "NASA_LAYOUT",
    "ImportResult",
    "import_samples",
]
