"""A Qt table model over a domain listing: rows fetched a page at a time, sorted in SQL.

The view asks for more rows as it scrolls (canFetchMore/fetchMore), so a list of 200,000
aliquots shows its first screen after one small query. Sorting and the search box reset the
model and start again from the first page.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ..domain import listings
from ..domain.custody import RESOLUTIONS
from ..domain.ledger import EVENT_KINDS, STATUS_LABELS
from ..domain.listings import BOOL, DATE, DATETIME, EVENT, MASS, STATUS, Listing
from ..domain.permissions import ROLE_LABELS
from ..domain.states import LoanStatus, TransferStatus
from ..domain.store import Store
from .columns import ELIDABLE_ROLE
from .locale_format import date_text, mass_text, moment_local_text
from .translation import Translator, translated
from .vocabulary import word

_tablemodel = Translator("_tablemodel")

PAGE_SIZE = 200
# Text columns that hold the number of a record: shown whole, never elided.
RECORD_NUMBERS = frozenset(
    {"number", "aliquot", "sample", "parent", "loan", "transfer", "code", "username", "seal_number"}
)
Index = QModelIndex | QPersistentModelIndex

# The listings' column titles (lunar_custody/domain/listings holds them in English, as the
# CSV exports write them), marked here and shown through column_title().
# tests/gui/test_zh_main.py fails when a listing gains a title this table lacks.
COLUMN_TITLES = {
    str(title): title
    for title in (
        _tablemodel.noop("#"),
        _tablemodel.noop("Action"),
        _tablemodel.noop("Active"),
        _tablemodel.noop("Aliquot"),
        _tablemodel.noop("Aliquots"),
        _tablemodel.noop("Borrower"),
        _tablemodel.noop("By"),
        _tablemodel.noop("Code"),
        _tablemodel.noop("Collection container"),
        _tablemodel.noop("Container"),
        _tablemodel.noop("Country"),
        _tablemodel.noop("Courier"),
        _tablemodel.noop("Courier #"),
        _tablemodel.noop("Custodian"),
        _tablemodel.noop("Custodian #"),
        _tablemodel.noop("Destructive analysis"),
        _tablemodel.noop("Due"),
        _tablemodel.noop("E-mail"),
        _tablemodel.noop("Event"),
        _tablemodel.noop("Expected"),
        _tablemodel.noop("Field"),
        _tablemodel.noop("Form"),
        _tablemodel.noop("From"),
        _tablemodel.noop("Hash"),
        _tablemodel.noop("Held by"),
        _tablemodel.noop("Held in aliquots"),
        _tablemodel.noop("Id"),
        _tablemodel.noop("In children"),
        _tablemodel.noop("Initial"),
        _tablemodel.noop("Institution"),
        _tablemodel.noop("Items"),
        _tablemodel.noop("Kind"),
        _tablemodel.noop("Loan"),
        _tablemodel.noop("Loan status"),
        _tablemodel.noop("Local name"),
        _tablemodel.noop("Locked until"),
        _tablemodel.noop("Mass"),
        _tablemodel.noop("Measured"),
        _tablemodel.noop("Mission"),
        _tablemodel.noop("Name"),
        _tablemodel.noop("New value"),
        _tablemodel.noop("Note"),
        _tablemodel.noop("Old value"),
        _tablemodel.noop("Original mass"),
        _tablemodel.noop("Outstanding"),
        _tablemodel.noop("Owner"),
        _tablemodel.noop("Owner #"),
        _tablemodel.noop("Parent"),
        _tablemodel.noop("Principal investigator"),
        _tablemodel.noop("Purpose"),
        _tablemodel.noop("Raised"),
        _tablemodel.noop("Received"),
        _tablemodel.noop("Recorded at"),  # the installation (queries.events_listing)
        _tablemodel.noop("Receiver"),
        _tablemodel.noop("Record"),
        _tablemodel.noop("Released"),
        _tablemodel.noop("Resolution"),
        _tablemodel.noop("Roles"),
        _tablemodel.noop("Sample"),
        _tablemodel.noop("Seal"),
        _tablemodel.noop("Starts"),
        _tablemodel.noop("Status"),
        _tablemodel.noop("To"),
        _tablemodel.noop("Transfer"),
        _tablemodel.noop("Type"),
        _tablemodel.noop("User"),
        _tablemodel.noop("When"),
    )
}


def column_title(title: str) -> str:
    """A listing's column title in the window's language (itself if not marked above)."""
    return translated(COLUMN_TITLES.get(title, title))


# Labels for stored codes: aliquot statuses and resolutions as the domain names them (other
# statuses are their code in words); gui/vocabulary translates each.
_LABELS = {
    **STATUS_LABELS,
    **RESOLUTIONS,
    "open": "open",
    "seal_broken": "seal broken",
}


# Codes that are statuses although an event kind has the same (a package "received").
_STATUSES = frozenset({*_LABELS, *LoanStatus, *TransferStatus})


def status_label(value: str) -> str:
    """A stored status (or event kind) in the window's language."""
    if value in EVENT_KINDS and value not in _STATUSES:
        return word("event", EVENT_KINDS[value])
    return word("status", _LABELS.get(value, value.replace("_", " ")))


def local_time(moment: datetime) -> str:
    """UTC from the database, shown in the workstation's local time with its zone (rule 6),
    written as the window's locale writes dates and times (the command line keeps one
    fixed wording, the domain's moment_text)."""
    return moment_local_text(moment)


ROLES_COLUMN = "roles"  # the people's roles, stored as comma-separated codes


def role_labels(codes: str) -> str:
    """Stored role codes ("lab_manager,courier") as the vocabulary names them."""
    separator = _tablemodel.tr(", ", "between the roles of a person")
    return separator.join(
        word("role", ROLE_LABELS.get(code, code)) for code in codes.split(",") if code
    )


def display(kind: str, value: Any) -> str:

    if value is None:
        return ""
    if kind == MASS:
        return mass_text(int(value))
    if kind == DATETIME and isinstance(value, datetime):
        return local_time(value)
    if kind == DATE and isinstance(value, date):
        return date_text(value)
    if kind == BOOL:
        return word("answer", "yes" if value else "no")
    if kind == EVENT:
        return word("event", EVENT_KINDS.get(str(value), str(value)))
    if kind == STATUS:
        return status_label(str(value))
    return str(value)


class ListingModel(QAbstractTableModel):
    """Rows of one listing; ``search``, ``filters`` and the sort order are applied in SQL."""

    totalChanged = Signal(int)

    def __init__(self, store: Store, listing: Listing, *, hidden: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.store = store
        self.listing = listing
        self.columns = [c for c in listing.columns if c.key not in hidden]
        self._positions = [listing.keys.index(c.key) for c in self.columns]
        self._rows: list[tuple[Any, ...]] = []
        self._exhausted = False
        self._search = ""
        self._filters: dict[str, Any] = {}
        self._sort: str | None = None
        self._descending: bool | None = None
        self._total: int | None = None

    # ------------------------------------------------------------------ what to show

    def set_search(self, text: str) -> None:
        if text.strip() != self._search:
            self._search = text.strip()
            self.refresh()

    def set_filters(self, filters: Mapping[str, Any]) -> None:
        self._filters = {k: v for k, v in filters.items() if v is not None and v != ""}
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self._total = None
        self._rows = self._page(0)
        self.endResetModel()
        self.totalChanged.emit(self.total())

    def total(self) -> int:
        """How many rows match (counted once per refresh)."""
        if self._total is None:
            if self._exhausted:
                self._total = len(self._rows)
            else:
                self._total = listings.fetch_count(
                    self.store, self.listing, search=self._search, filters=self._filters
                )
        return self._total

    def value(self, row: int, key: str) -> Any:
        """The raw value of column ``key`` in ``row`` (hidden columns too)."""
        return self._rows[row][self.listing.keys.index(key)]

    def find(self, key: str, value: Any) -> int | None:
        """The row (among those fetched) whose ``key`` equals ``value``."""
        position = self.listing.keys.index(key)
        for number, row in enumerate(self._rows):
            if row[position] == value:
                return number
        return None

    def column_of(self, key: str) -> int:
        return [c.key for c in self.columns].index(key)

    # ------------------------------------------------------------------ fetching

    def _page(self, offset: int) -> list[tuple[Any, ...]]:
        rows = listings.fetch_page(
            self.store,
            self.listing,
            search=self._search,
            filters=self._filters,
            sort=self._sort,
            descending=self._descending,
            offset=offset,
            limit=PAGE_SIZE,
        )
        self._exhausted = len(rows) < PAGE_SIZE
        return rows

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        start = len(self._rows)
        rows = self._page(start)
        if rows:
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        value = self._rows[index.row()][self._positions[index.column()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(column.key, column.kind, value)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in (MASS, listings.INT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a cell its column elides
            return self._shown(column.key, column.kind, value) or None
        return None

    @staticmethod
    def _shown(key: str, kind: str, value: Any) -> str:
        if key == ROLES_COLUMN and isinstance(value, str):  # stored as codes: "lab_manager,..."
            return role_labels(value)
        return display(kind, value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == ELIDABLE_ROLE:
            column = self.columns[section]  # names and free text elide, numbers never
            return column.kind == listings.TEXT and column.key not in RECORD_NUMBERS
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,  # whole, when the heading is elided
        ):
            return column_title(self.columns[section].title)

        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns):
            self._sort = self.columns[column].key
            self._descending = order == Qt.SortOrder.DescendingOrder
        else:  # no sort indicator: the listing's own order
            self._sort = self._descending = None
        self.refresh()

    def default_sort_indicator(self) -> tuple[int, Qt.SortOrder]:
        """Where the header's sort arrow belongs before the person sorts (-1: hidden)."""
        keys = [c.key for c in self.columns]
        listing = self.listing
        order = (
            Qt.SortOrder.DescendingOrder
            if listing.default_descending
            else Qt.SortOrder.AscendingOrder
        )
        return (keys.index(listing.default_sort) if listing.default_sort in keys else -1), order
