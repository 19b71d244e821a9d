"""How commands print: data as JSON with --json, else plain lines and aligned tables."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, TextIO

from ..domain.masses import format_mass
from ..domain.wording import moment_text


def plain(value: Any) -> Any:
    """``value`` as JSON can hold it: dataclasses as objects, dates in ISO 8601."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def write_json(value: Any, out: TextIO) -> None:
    json.dump(plain(value), out, ensure_ascii=False, indent=2)
    out.write("\n")


def cell(value: object) -> str:
    """One value as a table cell or a labelled line shows it."""
    if value is None:
        return "-"
    if isinstance(value, datetime):
        return moment_text(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).replace("\n", " ")


def mass(value: int | None) -> str:
    return "-" if value is None else format_mass(value)


def table_lines(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    """Columns aligned to their widest cell; "(none)" under the headers when empty."""
    cells = [[cell(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    lines = [line.format(*headers).rstrip()]
    lines.extend(line.format(*row).rstrip() for row in cells)
    if not cells:
        lines.append("(none)")
    return lines
