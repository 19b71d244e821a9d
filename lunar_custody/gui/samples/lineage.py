"""The lineage tree of the Samples view: samples, their root aliquots, then child aliquots.

Every level is fetched a page at a time and only when it is shown: the top level as the
view scrolls (canFetchMore/fetchMore on the root), the children of a node when it is
expanded. A collection of 200,000 aliquots therefore opens after one small query, and
finding a scanned aliquot loads only the rows above it on its path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain import listings
from ...domain.listings import LINEAGE_ALIQUOTS, LINEAGE_SAMPLES, LineagePath, Listing
from ...domain.states import AliquotStatus
from ...domain.store import Store
from ..columns import ELIDABLE_ROLE
from ..locale_format import count_text, mass_text
from ..tablemodel import status_label
from ..translation import Translator, translated

_samples_lineage = Translator("_samples_lineage")

PAGE_SIZE = 200
Index = QModelIndex | QPersistentModelIndex

ROOT, SAMPLE, ALIQUOT = "root", "sample", "aliquot"
COLUMNS = (
    _samples_lineage.noop("Number"),
    _samples_lineage.noop("Status"),
    _samples_lineage.noop("Mass"),
    _samples_lineage.noop("Custodian"),
    _samples_lineage.noop("Loan"),
    _samples_lineage.noop("Container / seal"),
)
NUMBER, STATUS, MASS, CUSTODIAN, LOAN, CONTAINER = range(len(COLUMNS))

_STATUS_COLORS = {
    AliquotStatus.IN_TRANSIT: QColor("#1a5fb4"),
    AliquotStatus.LOST: QColor("#c01c28"),
    AliquotStatus.CONSUMED: QColor("#77767b"),
    AliquotStatus.DEPLETED: QColor("#77767b"),
}


@dataclass(eq=False)
class Node:
    """One row of the tree; ``children`` holds the rows fetched so far."""

    kind: str
    id: int
    number: str
    row: int
    parent: Node | None
    values: dict[str, Any]
    children: list[Node] = field(default_factory=list)
    exhausted: bool = False  # every child has been fetched

    @property
    def has_children(self) -> bool:
        if self.kind == ROOT:
            return True
        if self.kind == SAMPLE:
            return bool(self.values["aliquots"])
        return bool(self.values["children_mass_ug"])  # a split gives each child some mass

    def text(self, column: int) -> str:
        v = self.values
        if self.kind == SAMPLE:
            count = v["aliquots"]
            return (
                self.number,
                _samples_lineage.tr("{count} aliquot(s)", "", count).format(
                    count=count_text(count)
                ),
                mass_text(v["remaining_ug"]),
                v["owner"] or "",
                "",
                v["container"] or "",
            )[column]
        seal = " · ".join(part for part in (v["container"], v["seal_number"]) if part)
        return (
            self.number,
            status_label(v["status"]),
            mass_text(v["current_mass_ug"]),
            v["custodian"] or "",
            v["loan"] or "",
            seal,
        )[column]

    def tooltip(self, column: int) -> str | None:
        v = self.values
        if self.kind == SAMPLE and column in (CUSTODIAN, CONTAINER):
            return self.text(column) or None  # whole, when the column elides it
        if self.kind == SAMPLE:
            details = " · ".join(p for p in (v["mission"], v["sample_type"]) if p)
            original = (
                mass_text(v["original_mass_ug"])
                if v["original_mass_ug"]
                else _samples_lineage.tr("none", "mass")
            )
            title = (
                _samples_lineage.tr("Sample {number} ({details})")
                if details
                else _samples_lineage.tr("Sample {number}")
            ).format(number=self.number, details=details)
            held = _samples_lineage.tr(
                "Original mass: {original}; held in its aliquots now: {held}"
            ).format(original=original, held=mass_text(v["remaining_ug"]))
            return f"{title}\n{held}"
        if column == CUSTODIAN and v["holder"]:
            custodian = v["custodian"] or _samples_lineage.tr("No custodian")
            sentence = (
                _samples_lineage.tr("{custodian}, carried by {holder}")
                if v["status"] == AliquotStatus.IN_TRANSIT
                else _samples_lineage.tr("{custodian}, held by {holder}")
            )
            return sentence.format(custodian=custodian, holder=v["holder"])
        if column == MASS:
            return _samples_lineage.tr("Initial mass {mass}").format(
                mass=mass_text(v["initial_mass_ug"])
            )
        return None


class LineageModel(QAbstractItemModel):
    """Samples → root aliquots → child aliquots, fetched lazily; searched like the listing
    ``LINEAGE_SAMPLES`` (sample number prefix, custodian institution, PI, mission)."""

    totalChanged = Signal(int)

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self._search = ""
        self._root = self._new_root()
        self._total: int | None = None

    @staticmethod
    def _new_root() -> Node:
        return Node(ROOT, 0, "", -1, None, {})

    # ------------------------------------------------------------------ what to show

    @property
    def search(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        if text.strip() != self._search:
            self._search = text.strip()
            self.reload(keep_rows=False)

    def reload(self, *, keep_rows: bool = True) -> None:
        """Read again from the database; ``keep_rows``: as many samples as were fetched."""
        loaded = len(self._root.children) if keep_rows else 0
        self.beginResetModel()
        self._root = self._new_root()
        self._total = None
        if loaded:  # inside the reset: no row signals
            self._root.children = self._query(self._root, loaded)
        self.endResetModel()
        self.totalChanged.emit(self.total())

    def total(self) -> int:
        """How many samples match the search (counted once per reload)."""
        if self._total is None:
            self._total = listings.fetch_count(self.store, LINEAGE_SAMPLES, search=self._search)
        return self._total

    def node(self, index: Index) -> Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, Node) else None

    def index_of(self, node: Node, column: int = 0) -> QModelIndex:
        if node.kind == ROOT:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    def loaded_nodes(self) -> list[Node]:
        """Every node fetched so far, parents before their children."""
        found: list[Node] = []
        pending = list(reversed(self._root.children))
        while pending:
            node = pending.pop()
            found.append(node)
            pending.extend(reversed(node.children))
        return found

    # ------------------------------------------------------------------ fetching

    def _listing(self, parent: Node) -> tuple[Listing, str, dict[str, Any]]:
        if parent.kind == ROOT:
            return LINEAGE_SAMPLES, self._search, {}
        if parent.kind == SAMPLE:
            return LINEAGE_ALIQUOTS, "", {"roots_of_sample": parent.id}
        return LINEAGE_ALIQUOTS, "", {"parent_id": parent.id}

    def _query(self, parent: Node, limit: int) -> list[Node]:
        """The next ``limit`` children of ``parent`` after those fetched (not yet attached)."""
        listing, search, filters = self._listing(parent)
        start = len(parent.children)
        rows = listings.fetch_page(
            self.store, listing, search=search, filters=filters, offset=start, limit=limit
        )
        parent.exhausted = len(rows) < limit
        kind = SAMPLE if parent.kind == ROOT else ALIQUOT
        nodes = []
        for offset, row in enumerate(rows):
            values = dict(zip(listing.keys, row, strict=True))
            nodes.append(Node(kind, values["id"], values["number"], start + offset, parent, values))
        return nodes

    def _fetch(self, parent: Node, limit: int) -> None:
        """Fetch and announce up to ``limit`` more children of ``parent``."""
        if parent.exhausted or limit <= 0:
            return
        added = self._query(parent, limit)
        if added:
            start = len(parent.children)
            self.beginInsertRows(self.index_of(parent), start, start + len(added) - 1)
            parent.children.extend(added)
            self.endInsertRows()

    def canFetchMore(self, parent: Index) -> bool:
        node = self._root if not parent.isValid() else self.node(parent)
        return node is not None and node.has_children and not node.exhausted

    def fetchMore(self, parent: Index) -> None:
        node = self._root if not parent.isValid() else self.node(parent)
        if node is not None and node.has_children:
            self._fetch(node, PAGE_SIZE)

    def fetch_all_children(self, node: Node) -> None:
        """Fetch the rest of a node's children (small lists: a split's children)."""
        while not node.exhausted and node.has_children:
            self._fetch(node, PAGE_SIZE)

    # ------------------------------------------------------------------ finding

    def path_of(self, number: str) -> LineagePath | None:
        """Where aliquot or sample ``number`` is (None: there is no such record)."""
        return listings.fetch_lineage_path(self.store, number)

    def _child(self, parent: Node, key_id: int, key_number: str) -> Node | None:
        """The child of ``parent`` with this id, fetching the rows above it if needed.

        Its position is counted in SQL, so the rows in between are fetched in one query
        rather than page by page. None: it is not among the children (the search hides it).
        """
        for node in parent.children:
            if node.id == key_id:
                return node
        if parent.exhausted:
            return None
        listing, search, filters = self._listing(parent)
        below = {"number_below": key_number} if parent.kind == ROOT else {"id_below": key_id}
        position = listings.fetch_count(
            self.store, listing, search=search, filters={**filters, **below}
        )
        needed = position + 1 - len(parent.children)
        if needed > 0:
            self._fetch(parent, max(needed, PAGE_SIZE))
        if position < len(parent.children) and parent.children[position].id == key_id:
            return parent.children[position]
        return None

    def locate(self, path: LineagePath) -> QModelIndex:
        """The index of the last record on ``path``, fetching what leads to it.

        Invalid when the search box hides the sample.
        """
        node = self._child(self._root, path.sample_id, path.sample_number)
        for aliquot_id, number in path.aliquots:
            if node is None:
                break
            node = self._child(node, aliquot_id, number)
        return QModelIndex() if node is None else self.index_of(node)

    # ------------------------------------------------------------------ Qt model

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._root if not parent.isValid() else self.node(parent)
        if node is None or not (0 <= row < len(node.children) and 0 <= column < len(COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(child)
        if node is None or node.parent is None or node.parent.kind == ROOT:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._root if not parent.isValid() else self.node(parent)
        return 0 if node is None else len(node.children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return False
        node = self._root if not parent.isValid() else self.node(parent)
        if node is None:
            return False
        return bool(node.children) or (node.has_children and not node.exhausted)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return node.text(column)
        if role == Qt.ItemDataRole.UserRole:
            return node.number
        if role == Qt.ItemDataRole.ToolTipRole:  # else the whole text of an elided cell
            return node.tooltip(column) or node.text(column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == MASS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and node.kind == SAMPLE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and node.kind == ALIQUOT and column == STATUS:
            color = _STATUS_COLORS.get(node.values["status"])
            return QBrush(color) if color is not None else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translated(COLUMNS[section])
        if role == ELIDABLE_ROLE:  # names elide; numbers, statuses and masses never
            return section in (CUSTODIAN, CONTAINER)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
