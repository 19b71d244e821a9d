"""Listings in general: a ``Listing`` spec, and ``page`` and ``count`` that run one in SQL."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnClause,
    ColumnElement,
    FromClause,
    Select,
    SQLColumnExpression,
    and_,
    false,
    func,
    select,
    text,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import visitors
from sqlalchemy.sql.selectable import Join

from ..numbering import normalize
from ..store import Store

# Column kinds tell a view how to show a value (masses in µg become mg or g, and so on).
TEXT, MASS, DATETIME, DATE, INT, BOOL, STATUS, EVENT = (
    "text",
    "mass",
    "datetime",
    "date",
    "int",
    "bool",
    "status",
    "event",
)
# The highest code point: "prefix <= x < prefix + TOP" is a prefix match that uses the index.
_TOP = "\U0010ffff"
_NUMBER_LIKE = re.compile(r"^(CE\d|\d)[0-9A-Z,\-]*$")


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    # a column expression or a mapped attribute (Aliquot.number)
    expr: SQLColumnExpression[Any]
    kind: str = TEXT


@dataclass(frozen=True)
class Listing:
    name: str
    columns: tuple[Column, ...]
    # FROM and JOINs; the columns are added by page()
    source: Callable[[], Select[*tuple[Any, ...]]]
    search: Callable[[str], ColumnElement[bool] | None]
    default_sort: str
    default_descending: bool = False
    tiebreak: SQLColumnExpression[Any] | None = None
    filters: Mapping[str, Callable[[Any], ColumnElement[bool]]] = field(default_factory=dict)

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]


def like_escaped(text: str) -> str:
    """``%text%`` for LIKE with the user's own % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains(expr: SQLColumnExpression[Any], text: str) -> ColumnElement[bool]:
    return func.lower(expr).like(like_escaped(text.lower()), escape="\\")


def prefix(expr: SQLColumnExpression[Any], text: str) -> ColumnElement[bool]:
    return and_(expr >= text, expr < text + _TOP)


def looks_like_number(text: str) -> bool:
    return bool(_NUMBER_LIKE.match(normalize(text)))


def _where(
    listing: Listing, search: str, filters: Mapping[str, Any] | None
) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    text = search.strip()
    if text:
        clause = listing.search(text)
        clauses.append(clause if clause is not None else false())
    for name, value in (filters or {}).items():
        if value is None or value == "":
            continue
        if name not in listing.filters:
            raise KeyError(f"{listing.name} has no filter {name!r}")
        clauses.append(listing.filters[name](value))
    return clauses


@contextmanager
def joins_as_written(session: Session) -> Iterator[None]:
    """Within the block, PostgreSQL joins the tables in the order the statement writes them.

    A listing's statement (and the ledger's event rows) starts from the table searched and
    looks every other table up by its key: that order is the plan. Left to weigh every order
    of seven to ten joins, PostgreSQL spent 4-19 ms planning what then ran in about 1 ms
    (a page of the aliquots for a short prefix, one aliquot's history). SQLite plans them in
    microseconds and needs nothing.
    """
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    session.execute(text("SET LOCAL join_collapse_limit = 1"))
    yield
    # Not on an error: the transaction is rolled back then, and its SET LOCAL with it.
    session.execute(text("SET LOCAL join_collapse_limit = DEFAULT"))


def _base_table(statement: Select[*tuple[Any, ...]]) -> FromClause:
    base = statement.get_final_froms()[0]
    while isinstance(base, Join):
        base = base.left
    return base


def _only_on(clauses: list[ColumnElement[bool]], table: FromClause) -> bool:
    """Whether ``clauses`` name no column but ``table``'s (a subquery's own are looked into
    too, so a correlated EXISTS over other tables answers no)."""
    return all(
        element.table is table
        for clause in clauses
        for element in visitors.iterate(clause)
        if isinstance(element, ColumnClause) and element.table is not None
    )


def page(
    session: Session,
    listing: Listing,
    *,
    search: str = "",
    filters: Mapping[str, Any] | None = None,
    sort: str | None = None,
    descending: bool | None = None,
    offset: int = 0,
    limit: int = 200,
) -> list[tuple[Any, ...]]:
    """One slice of the listing: tuples in the order of ``listing.columns``."""
    sort_column = listing.column(sort or listing.default_sort)
    if descending is None:
        descending = listing.default_descending if sort is None else False
    order = [sort_column.expr.desc() if descending else sort_column.expr.asc()]
    if listing.tiebreak is not None:
        order.append(listing.tiebreak.desc() if descending else listing.tiebreak.asc())
    statement = (
        listing.source()
        .add_columns(*(c.expr for c in listing.columns))
        .where(*_where(listing, search, filters))
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    with joins_as_written(session):
        return [tuple(row) for row in session.execute(statement)]


def count(
    session: Session,
    listing: Listing,
    *,
    search: str = "",
    filters: Mapping[str, Any] | None = None,
) -> int:
    where = _where(listing, search, filters)
    source = listing.source().add_columns(func.count())
    base = _base_table(source)
    if _only_on(where, base):
        # A listing's joins keep one row per row of its base table (inner joins follow
        # non-null foreign keys, the others are outer joins), so a count filtered on the base
        # table alone (or not at all) is the base table's: two million custody events are
        # counted without joining them, an aliquot number prefix from the number's index.
        return int(session.scalar(select(func.count()).select_from(base).where(*where)) or 0)
    with joins_as_written(session):
        return int(session.scalar(source.where(*where)) or 0)


def fetch_page(
    store: Store,
    listing: Listing,
    *,
    search: str = "",
    filters: Mapping[str, Any] | None = None,
    sort: str | None = None,
    descending: bool | None = None,
    offset: int = 0,
    limit: int = 200,
) -> list[tuple[Any, ...]]:
    """``page`` in its own read transaction: what the GUI's lazy models call."""
    with store.read() as session:
        return page(
            session,
            listing,
            search=search,
            filters=filters,
            sort=sort,
            descending=descending,
            offset=offset,
            limit=limit,
        )


def fetch_count(
    store: Store,
    listing: Listing,
    *,
    search: str = "",
    filters: Mapping[str, Any] | None = None,
) -> int:
    """``count`` in its own read transaction."""
    with store.read() as session:
        return count(session, listing, search=search, filters=filters)
