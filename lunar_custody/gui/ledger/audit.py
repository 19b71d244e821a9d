"""The audit trail in words: which record, which field, what it was and became, names for
ids and times in local time (the domain's audit lines); the entry as stored (table, record
id, field, ids, JSON, UTC) behind "Show raw values"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from ...domain import queries
from ...domain.listings import AUDIT, Listing
from ...domain.queries import AuditLine
from ...domain.store import Store
from ..tablemodel import Index, ListingModel
from ..translation import Translator, translated
from ..widgets import ListPane

_ledger_audit = Translator("_ledger_audit")

# Column titles in words and as stored, where they differ from the listing's own.
WORD_TITLES = {
    "table_name": _ledger_audit.noop("Record"),
    "old_value": _ledger_audit.noop("Before"),
    "new_value": _ledger_audit.noop("After"),
}
RAW_TITLES = {"table_name": _ledger_audit.noop("Table")}


def _in_words(line: AuditLine, key: str) -> str | None:
    return {
        "occurred_at": line.when,
        "actor": line.by,
        "table_name": line.record,
        "action": line.action,
        "field": line.field,
        "old_value": line.before,
        "new_value": line.after,
    }.get(key)


def _as_stored(line: AuditLine, key: str) -> str | None:
    return {"occurred_at": line.raw.occurred_at, "action": line.raw.action}.get(key)


class AuditModel(ListingModel):
    """The audit listing, paged in SQL as any other; each page is put in words by the
    domain (one read for the names of a page), and shown raw when asked."""

    def __init__(self, store: Store, listing: Listing, *, hidden: tuple[str, ...] = ()) -> None:
        super().__init__(store, listing, hidden=hidden)
        self._lines: dict[int, AuditLine] = {}
        self.raw = False

    def refresh(self) -> None:
        self._lines = {}
        super().refresh()

    def _page(self, offset: int) -> list[tuple[Any, ...]]:
        rows = super()._page(offset)
        position = self.listing.keys.index("id")
        for line in queries.audit_lines(self.store, [row[position] for row in rows]):
            self._lines[line.entry_id] = line
        return rows

    def line(self, row: int) -> AuditLine | None:
        """The entry of ``row`` in words (None for no row)."""
        if not 0 <= row < self.rowCount():
            return None
        return self._lines.get(self.value(row, "id"))

    def set_raw(self, raw: bool) -> None:
        """Show the entries as stored (True) or in words."""
        self.raw = raw
        last = self.columnCount() - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, last))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            line = self.line(index.row())
            key = self.columns[index.column()].key
            if line is not None:
                if role == Qt.ItemDataRole.ToolTipRole:
                    return line.text(raw=self.raw)
                text = _as_stored(line, key) if self.raw else _in_words(line, key)
                if text is not None:
                    return text
        return super().data(index, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            titles = RAW_TITLES if self.raw else WORD_TITLES
            key = self.columns[section].key
            if key in titles:
                return translated(titles[key])
        return super().headerData(section, orientation, role)


class AuditPane(ListPane):
    """The audit list in words, the selected entry in full below it, and the toggle that
    shows the stored values."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(
            store,
            AUDIT,
            search_hint=_ledger_audit.tr(
                "Search: loans, transfer items…, a number (L2026-0003), person, new value"
            ),
            hidden=(),
            noun=_ledger_audit.tr("entries"),
            parent=parent,
            model_type=AuditModel,
        )
        assert isinstance(self.model, AuditModel)
        self.entries: AuditModel = self.model
        self.raw_toggle = QCheckBox(_ledger_audit.tr("Show raw values"))
        self.raw_toggle.setObjectName("rawValuesToggle")
        self.raw_toggle.setToolTip(
            _ledger_audit.tr(
                "Show each entry as stored: table, record id, field, ids, JSON and UTC times"
            )
        )
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)  # ListPane's: its bar, then the table
        item = layout.itemAt(0)
        bar = item.layout() if item is not None else None
        assert isinstance(bar, QHBoxLayout)
        bar.insertWidget(bar.count() - 1, self.raw_toggle)  # before the count
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("auditDetail")
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(180)
        self.detail.setPlaceholderText(_ledger_audit.tr("Select an entry to read it in full."))
        layout.addWidget(self.detail)
        self.raw_toggle.toggled.connect(self.show_raw)
        self.currentChanged.connect(self._show_detail)
        self.show_raw(False)

    def show_raw(self, raw: bool) -> None:
        """The stored values (True) or the words; the record id is a column of its own
        only when raw (in words the record is named)."""
        self.entries.set_raw(raw)
        self.table.setColumnHidden(self.entries.column_of("record_id"), not raw)
        self._show_detail(self.current_row())

    def _show_detail(self, row: int) -> None:
        line = self.entries.line(row)
        self.detail.setPlainText(line.text(raw=self.raw_toggle.isChecked()) if line else "")
