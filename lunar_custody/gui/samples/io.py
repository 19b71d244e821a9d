"""Samples in and out as files: import a CSV (all or nothing), export the inventory. Both
run through the operation runner, with progress and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...domain import export, importer
from ...domain.errors import CustodyError, ImportRejected
from ...domain.masses import format_mass
from ...domain.store import ProgressCallback
from ...domain.wording import counted
from ...whole_files import writing_whole
from .. import errors
from ..context import AppContext


def ask_import_path(parent: QWidget) -> str:
    """The CSV file to import ('' if cancelled)."""
    path, _ = QFileDialog.getOpenFileName(
        parent, "Import samples from CSV", "", "CSV files (*.csv);;All files (*)"
    )
    return path


def ask_export_path(parent: QWidget) -> str:
    """Where to write the inventory ('' if cancelled)."""
    path, chosen = QFileDialog.getSaveFileName(
        parent, "Export inventory", "inventory.csv", "CSV (*.csv);;JSON (*.json)"
    )
    if path and not Path(path).suffix:
        path += ".json" if "json" in chosen.lower() else ".csv"
    return path


def import_csv(ctx: AppContext, parent: QWidget, path: str, after: Callable[[], None]) -> None:
    """Register the samples of the CSV file at ``path``; ``after()`` once they are in."""
    store, actor, source = ctx.db, ctx.actor, Path(path)

    def refused(error: CustodyError) -> None:
        if isinstance(error, ImportRejected):
            _show_rejected(parent, error)
        else:
            errors.show_error(parent, error)

    def imported(result: importer.ImportResult) -> None:
        _tell_imported(parent, result)
        after()

    ctx.ops.run(
        parent,
        "Import samples",
        lambda progress: importer.import_samples(store, actor, source, progress=progress),
        done=imported,
        refused=refused,
        label=f"Registering the samples of {source.name}",
        unit="rows",
    )


def _tell_imported(parent: QWidget, result: importer.ImportResult) -> None:
    details = [
        f"Samples registered: {result.samples:,}",
        f"Aliquots registered: {result.aliquots:,}",
        f"Total aliquot mass: {format_mass(result.total_mass_ug)}",
    ]
    if result.without_mass:
        details.append(f"Catalogued without an aliquot (no mass): {result.without_mass:,}")
    if result.skipped_blank:
        details.append(f"Blank lines skipped: {result.skipped_blank:,}")
    if result.layout:
        details.append(f"File layout: {result.layout}")
    errors.inform(
        parent,
        "Import finished",
        f"{counted(result.samples, 'sample')} with {counted(result.aliquots, 'aliquot')} "
        f"({format_mass(result.total_mass_ug)}) {'was' if result.samples == 1 else 'were'} "
        "registered.",
        "\n".join(details),
    )


def _show_rejected(parent: QWidget, rejected: ImportRejected) -> None:
    """Every refused line, not only the first fifty the message itself lists."""
    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Import refused")
    box.setText(str(rejected).splitlines()[0])
    box.setInformativeText("Correct these lines in the file and import it again.")
    box.setDetailedText("\n".join(f"line {line}: {reason}" for line, reason in rejected.problems))
    errors.present(box)


def export_inventory(ctx: AppContext, parent: QWidget, path: str) -> None:
    """Every aliquot's place and mass into ``path`` (CSV, or JSON by its suffix)."""
    target = Path(path)
    fmt = "json" if target.suffix.lower() == ".json" else "csv"
    store = ctx.db

    def work(progress: ProgressCallback) -> int:
        # Written whole or not at all (``whole_files``): a cancelled or failed export never
        # leaves a half-written file under the chosen name.
        with (
            writing_whole(target, overwrite=True) as partial,
            partial.open("w", encoding="utf-8", newline="") as out,
        ):
            return export.export_inventory(store, out, fmt, progress=progress)

    written = ctx.ops.value(
        parent,
        "Export inventory",
        work,
        label="Writing the inventory",
        unit="aliquots",
        changes=False,
    )
    if written is not None:
        errors.inform(
            parent,
            "Inventory exported",
            f"{counted(written, 'aliquot')} {'was' if written == 1 else 'were'} written to "
            f"{target.name} ({fmt.upper()}).",
            str(target),
        )
