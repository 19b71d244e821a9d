"""The Lunar Custody export (``.lcexport``): the one file format ``backup`` writes and
``restore`` reads.

An export is gzip-compressed UTF-8 text, one JSON value a line:

1. a header object: ``{"format": "lunar-custody-export", "version": 1, "schema": "0001",
   "dialect": "postgresql", "exported_at": "2025-06-01T08:00:00+00:00", "program": "0.1.0"}``
   (``schema`` is the Alembic revision of the database it was taken from);
2. for every table, parents before children: ``{"table": NAME, "columns": [...], "rows": N}``
   followed by N lines, each a JSON array of one row's values in that column order. Times
   are ISO 8601 in UTC with their offset, dates ISO 8601, binary columns (photos, drawn
   signatures) base64; everything else is the JSON number, string, boolean or null.

It is read in one snapshot of the database (REPEATABLE READ on PostgreSQL, one read
transaction on SQLite), so it never holds half an operation. Anyone can read it with a
JSON library; ``storage.restore`` loads it into an empty database of the same schema.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Date, LargeBinary, Table, func, inspect, select
from sqlalchemy.engine import Connection

from .. import __version__
from ..domain.errors import DatabaseError
from ..domain.models import Base, UTCDateTime
from ..domain.store import ProgressCallback, report_progress
from ..domain.wording import Words

EXPORT_FORMAT = "lunar-custody-export"
EXPORT_VERSION = 1
EXPORT_SUFFIX = ".lcexport"
# Rows fetched and written at a time (progress is reported per batch).
_BATCH = 5_000

_domain_storage_export_format = Words("_domain_storage_export_format")


def write_export(
    connection: Connection,
    dest: Path,
    *,
    schema: str | None,
    progress: ProgressCallback | None = None,
) -> None:
    """Write every row ``connection`` sees (one snapshot: the caller's transaction) to
    ``dest`` as an export of a database at the revision ``schema``."""
    with gzip.open(dest, "wt", encoding="utf-8") as out:
        header = {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "schema": schema,
            "dialect": connection.dialect.name,
            "exported_at": datetime.now(UTC).isoformat(),
            "program": __version__,
        }
        _line(out, header)
        _write_tables(connection, out, progress)


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def export_tables() -> list[Table]:
    """The tables an export holds, parents before children (the models' metadata)."""
    return list(Base.metadata.sorted_tables)


def _line(out: IO[str], value: Any) -> None:
    out.write(json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_encode))
    out.write("\n")


def _write_tables(connection: Connection, out: IO[str], progress: ProgressCallback | None) -> None:
    # What the database holds, not what the models describe: the copy taken before an
    # upgrade is of the older schema, which lacks the newer tables and columns.
    schema = inspect(connection)
    stored = set(schema.get_table_names())
    tables = [t for t in export_tables() if t.name in stored]
    columns = {
        t.name: [t.c[c["name"]] for c in schema.get_columns(t.name) if c["name"] in t.c]
        for t in tables
    }
    counts = {
        t.name: int(connection.scalar(select(func.count()).select_from(t)) or 0) for t in tables
    }
    total, done = sum(counts.values()), 0
    for table in tables:
        _line(
            out,
            {
                "table": table.name,
                "columns": [c.name for c in columns[table.name]],
                "rows": counts[table.name],
            },
        )
        order = list(table.primary_key.columns)
        result = connection.execute(
            select(*columns[table.name]).order_by(*order).execution_options(yield_per=_BATCH)
        )
        written = 0
        for partition in result.partitions():
            for row in partition:
                _line(out, [_encode(v) for v in row])
            written += len(partition)
            done += len(partition)
            cancelled = _domain_storage_export_format.said("The export was cancelled.")
            report_progress(progress, done, total, cancelled=cancelled)
        if written != counts[table.name]:  # a snapshot cannot change under us
            raise DatabaseError(
                _domain_storage_export_format.said(
                    "{table} changed while it was exported.", table=table.name
                )
            )


def export_header(path: Path) -> dict[str, Any]:
    """The header of the export ``path``; DatabaseError if it is not one this program reads."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            header = json.loads(stream.readline())
    except (OSError, EOFError, ValueError) as error:
        raise DatabaseError(_not_an_export(path)) from error
    if not isinstance(header, dict) or header.get("format") != EXPORT_FORMAT:
        raise DatabaseError(_not_an_export(path))
    if header.get("version") != EXPORT_VERSION:
        raise DatabaseError(
            _domain_storage_export_format.said(
                "{path} is an export of format version {version}; this program "
                "reads version {known}.",
                path=path,
                version=header.get("version"),
                known=EXPORT_VERSION,
            )
        )
    return header


def _not_an_export(path: Path) -> str:
    return _domain_storage_export_format.said("{path} is not a Lunar Custody export.", path=path)


def export_rows(path: Path) -> Iterator[tuple[Table, list[dict[str, Any]]]]:
    """The rows of the export ``path``, table by table (parents first), in batches."""
    tables = {t.name: t for t in export_tables()}
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        stream.readline()  # the header: export_header
        for text in stream:
            meta = json.loads(text)
            table = tables.get(meta.get("table"))
            if table is None:
                raise DatabaseError(
                    _domain_storage_export_format.said(
                        "{path} holds a table {table} unknown here.",
                        path=path,
                        table=repr(meta.get("table")),
                    )
                )
            columns = [table.c[name] for name in meta["columns"]]
            decoders = [_decoder(c.type) for c in columns]
            rows: list[dict[str, Any]] = []
            for _ in range(int(meta["rows"])):
                values = json.loads(stream.readline())
                rows.append(
                    {
                        c.name: (decode(v) if v is not None else None)
                        for c, decode, v in zip(columns, decoders, values, strict=True)
                    }
                )
                if len(rows) == _BATCH:
                    yield table, rows
                    rows = []
            yield table, rows


def _decoder(kind: Any) -> Callable[[Any], Any]:
    if isinstance(kind, UTCDateTime):
        return datetime.fromisoformat
    if isinstance(kind, LargeBinary):
        return base64.b64decode
    if isinstance(kind, Date):
        return date.fromisoformat
    return _same


def _same(value: Any) -> Any:
    return value
