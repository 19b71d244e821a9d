"""Samples in and out as files: import a CSV (all or nothing), export the inventory. Both
run through the operation runner, with progress and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...domain import export, importer
from ...domain.errors import CustodyError, ImportRejected
from ...domain.store import ProgressCallback
from ...whole_files import writing_whole
from .. import errors
from ..context import AppContext
from ..locale_format import count_text, mass_text
from ..translation import Translator, translated

_samples_io = Translator("_samples_io")


def ask_import_path(parent: QWidget) -> str:
    """The CSV file to import ('' if cancelled)."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        _samples_io.tr("Import samples from CSV"),
        "",
        _samples_io.tr("CSV files (*.csv);;All files (*)"),
    )
    return path


def ask_export_path(parent: QWidget) -> str:
    """Where to write the inventory ('' if cancelled)."""
    path, chosen = QFileDialog.getSaveFileName(
        parent,
        _samples_io.tr("Export inventory"),
        "inventory.csv",
        _samples_io.tr("CSV (*.csv);;JSON (*.json)"),
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
        _samples_io.tr("Import samples"),
        lambda progress: importer.import_samples(store, actor, source, progress=progress),
        done=imported,
        refused=refused,
        label=_samples_io.tr("Registering the samples of {file}").format(file=source.name),
        unit=_samples_io.tr("rows"),
    )


def _tell_imported(parent: QWidget, result: importer.ImportResult) -> None:
    total = mass_text(result.total_mass_ug)
    details = [
        _samples_io.tr("Samples registered: {count}").format(count=count_text(result.samples)),
        _samples_io.tr("Aliquots registered: {count}").format(count=count_text(result.aliquots)),
        _samples_io.tr("Total aliquot mass: {mass}").format(mass=total),
    ]
    if result.without_mass:
        details.append(
            _samples_io.tr("Catalogued without an aliquot (no mass): {count}").format(
                count=count_text(result.without_mass)
            )
        )
    if result.skipped_blank:
        details.append(
            _samples_io.tr("Blank lines skipped: {count}").format(
                count=count_text(result.skipped_blank)
            )
        )
    if result.layout:
        details.append(_samples_io.tr("File layout: {layout}").format(layout=result.layout))
    samples = _samples_io.tr("{count} sample(s)", "", result.samples).format(
        count=count_text(result.samples)
    )
    aliquots = _samples_io.tr("{count} aliquot(s)", "", result.aliquots).format(
        count=count_text(result.aliquots)
    )
    errors.inform(
        parent,
        _samples_io.tr("Import finished"),
        _samples_io.tr("Registered {counted_samples} with {counted_aliquots} ({mass}).").format(
            counted_samples=samples, counted_aliquots=aliquots, mass=total
        ),
        "\n".join(details),
    )


def _show_rejected(parent: QWidget, rejected: ImportRejected) -> None:
    """Every refused line, not only the first fifty the message itself lists."""
    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_samples_io.tr("Import refused"))
    box.setText(errors.error_text(rejected).splitlines()[0])
    box.setInformativeText(_samples_io.tr("Correct these lines in the file and import it again."))
    box.setDetailedText(
        "\n".join(
            _samples_io.tr("line {line}: {reason}").format(line=line, reason=translated(reason))
            for line, reason in rejected.problems
        )
    )
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
        _samples_io.tr("Export inventory"),
        work,
        label=_samples_io.tr("Writing the inventory"),
        unit=_samples_io.tr("aliquots"),
        changes=False,
    )
    if written is not None:
        errors.inform(
            parent,
            _samples_io.tr("Inventory exported"),
            _samples_io.tr("{count} aliquot(s) written to {file} ({format}).", "", written).format(
                count=count_text(written), file=target.name, format=fmt.upper()
            ),
            str(target),
        )
