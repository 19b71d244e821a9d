"""Lists of records, paged, sorted and searched in SQL.

A collection of 200,000 aliquots and 2,000,000 custody events must open at once: views
never load every row. Each ``Listing`` says which columns a list shows and how its search
box and filters translate into SQL; ``page`` fetches one slice in the requested order and
``count`` says how many rows match. The GUI's table models and the benchmarks use these;
the rules live elsewhere (listings only read).

One module per part of the program, behind this facade: ``listings.page(session, ALIQUOTS)``.
"""

from __future__ import annotations

from collections.abc import Sequence

from .collection import (
    ALIQUOTS,
    LINEAGE_ALIQUOTS,
    LINEAGE_SAMPLES,
    SAMPLES,
    LineagePath,
    fetch_lineage_path,
    lineage_path,
)
from .core import (
    BOOL,
    DATE,
    DATETIME,
    EVENT,
    INT,
    MASS,
    STATUS,
    TEXT,
    Column,
    Listing,
    contains,
    count,
    fetch_count,
    fetch_page,
    joins_as_written,
    like_escaped,
    looks_like_number,
    page,
    prefix,
)
from .ledger import AUDIT, EVENTS
from .lending import DISCREPANCIES, LOANS, TRANSFERS, outstanding_items, overdue_clause
from .people import INSTITUTIONS, PEOPLE

ALL: Sequence[Listing] = (
    ALIQUOTS,
    SAMPLES,
    LOANS,
    TRANSFERS,
    EVENTS,
    PEOPLE,
    INSTITUTIONS,
    DISCREPANCIES,
    AUDIT,
)

__all__ = [
    "ALIQUOTS",
    "ALL",
    "AUDIT",
    "BOOL",
    "DATE",
    "DATETIME",
    "DISCREPANCIES",
    "EVENT",
    "EVENTS",
    "INSTITUTIONS",
    "INT",
    "LINEAGE_ALIQUOTS",
    "LINEAGE_SAMPLES",
    "LOANS",
    "MASS",
    "PEOPLE",
    "SAMPLES",
    "STATUS",
    "TEXT",
    "TRANSFERS",
    "Column",
    "LineagePath",
    "Listing",
    "contains",
    "count",
    "fetch_count",
    "fetch_lineage_path",
    "fetch_page",
    "joins_as_written",
    "like_escaped",
    "lineage_path",
    "looks_like_number",
    "outstanding_items",
    "overdue_clause",
    "page",
    "prefix",
]
