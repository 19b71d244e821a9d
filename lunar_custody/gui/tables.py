"""The one set of helpers for the small read-only tables of detail panes and dialogs (the
long lists are lazy models: tablemodel.py)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

ROW_HEIGHT = 24


def read_only_table(
    name: str, columns: Sequence[str], *, fit_to_contents: bool = False
) -> QTableWidget:
    """A table of whole rows, one selected at a time, nothing edited in place.

    ``fit_to_contents``: every column as wide as its widest cell (short tables of numbers),
    else the person sizes them; the last column takes what is left either way.
    """
    table = QTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(columns))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    header = table.horizontalHeader()
    if fit_to_contents:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def cell(text: str, *, number: bool = False, bold: bool = False) -> QTableWidgetItem:
    """A cell; ``number`` right-aligns it (masses), ``bold`` for totals."""
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item
