"""A written PDF shown inside the program (QtPdf), printed through the system's print dialog,
opened in the system's viewer, or saved elsewhere as an exact copy (which still verifies).

``show_document`` is what the views call: it writes the document off the GUI thread into a
folder of its own under the temporary directory, then opens the preview.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSettings, QSize, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..documents.service import GeneratedDocument
from .dialogs import fit_to_screen
from .errors import inform, reported
from .operations import Operations
from .settings import LABEL_LAYOUTS, label_layout
from .translation import Translator, translated

_pdf_preview = Translator("_pdf_preview")

# Printing renders each page as an image: 300 dpi is what a laser printer resolves.
PRINT_DPI = 300
VERIFY_COMMAND = "lunar-custody verify-pdf"  # a command, the same in every language


def documents_dir() -> Path:
    """Where previews are written before someone saves a copy elsewhere."""
    folder = Path(tempfile.gettempdir()) / "lunar-custody-documents"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class PdfPreview(QDialog):
    """One generated document: pages to scroll through, and what can be done with it."""

    def __init__(self, doc: GeneratedDocument, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(
            _pdf_preview.tr("{title}: {file}").format(title=title, file=doc.path.name)
        )
        self.doc = doc
        self.pdf = QPdfDocument(self)
        self.pdf.load(str(doc.path))
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        pages = self.pdf.pageCount()
        self.info = QLabel(
            _pdf_preview.tr(
                "Document {number} · %n page(s) · recorded with SHA-256 {sha256}…; an exact "
                "copy verifies with {command}.",
                "",
                pages,
            ).format(number=doc.number, sha256=doc.sha256[:16], command=VERIFY_COMMAND)
        )
        self.info.setObjectName("pdfInfo")
        self.info.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = self._button(
            buttons, _pdf_preview.tr("&Print…"), "printButton", self.print_document
        )
        self.open_button = self._button(
            buttons, _pdf_preview.tr("&Open in viewer"), "openButton", self.open_in_viewer
        )
        self.save_button = self._button(
            buttons, _pdf_preview.tr("&Save as…"), "saveButton", self.save_as
        )
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        # The size the person left it at, on this screen, centred on the window (the place
        # is not kept: it opens where the person is working).
        size = QSettings().value("pdfPreview/size")
        if isinstance(size, QSize) and size.isValid():
            fit_to_screen(self, size.width(), size.height())
        else:
            fit_to_screen(self, 820, 900)

    def _button(
        self, box: QDialogButtonBox, text: str, name: str, slot: Callable[[], object]
    ) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def done(self, result: int) -> None:
        QSettings().setValue("pdfPreview/size", self.size())
        super().done(result)

    # ------------------------------------------------------------------ actions

    def print_document(self) -> bool:
        """The system's print dialog; True if the pages were sent to the printer."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.doc.path.name)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        dialog.setMinMax(1, self.pdf.pageCount())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        with reported(self):
            self.print_to(printer)
            return True
        return False

    def print_to(self, printer: QPrinter) -> int:
        """Draw the pages (or the range chosen) on ``printer``; the number of pages printed."""
        first, last = 1, self.pdf.pageCount()
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage(), min(last, printer.toPage() or last)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(_pdf_preview.tr("The printer could not be opened."))
        printed = 0
        try:
            for page in range(first - 1, last):
                if printed:
                    printer.newPage()
                points = self.pdf.pagePointSize(page)
                scale = PRINT_DPI / 72
                image = self.pdf.render(
                    page, QSize(round(points.width() * scale), round(points.height() * scale))
                )
                area = painter.viewport()
                fit = min(area.width() / image.width(), area.height() / image.height())
                target = QRectF(QPointF(0, 0), image.size().toSizeF() * fit)
                painter.drawImage(target, image)
                printed += 1
        finally:
            painter.end()
        return printed

    def open_in_viewer(self) -> bool:
        """The desktop's PDF viewer; says so when there is none."""
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.doc.path)))
        if not opened:
            inform(
                self,
                _pdf_preview.tr("No PDF viewer"),
                _pdf_preview.tr(
                    "No program to open PDF files was found. The file is {file}."
                ).format(file=self.doc.path),
            )
        return opened

    def save_as(self) -> Path | None:
        start = str(Path.home() / self.doc.path.name)
        name, _ = QFileDialog.getSaveFileName(
            self, _pdf_preview.tr("Save the PDF as"), start, _pdf_preview.tr("PDF files (*.pdf)")
        )
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        with reported(self):
            return self.save_to(target)
        return None

    def save_to(self, target: Path) -> Path:
        """An exact copy: the same bytes, so verify-pdf recognises it as the recorded file."""
        if target.resolve() != self.doc.path.resolve():
            shutil.copyfile(self.doc.path, target)
        return target


def ask_label_layout(parent: QWidget) -> str | None:
    """'roll' or 'a4', as the person chooses; None if they cancel."""
    names = {translated(name): code for name, code in LABEL_LAYOUTS.items()}
    choice, ok = QInputDialog.getItem(
        parent,
        _pdf_preview.tr("Labels"),
        _pdf_preview.tr("Print the labels on:"),
        list(names),
        list(names.values()).index(label_layout()),  # Edit ▸ Preferences…
        False,
    )
    return names[choice] if ok and choice in names else None


def show_document(
    ops: Operations,
    parent: QWidget,
    title: str,
    filename: str,
    write: Callable[[Path], GeneratedDocument],
    *,
    preview: bool = True,
) -> GeneratedDocument | None:
    """Write a document with ``write(path)`` through ``ops``, then preview it; None when it
    could not be written (the person has been told why)."""
    folder = Path(tempfile.mkdtemp(prefix="doc-", dir=documents_dir()))
    # The documents registry is shown in no view: nothing on screen needs reading again.
    doc = ops.value(
        parent, title, lambda _progress: write(folder / filename), label=filename, changes=False
    )
    if doc is not None and preview:
        dialog = PdfPreview(doc, title, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
    return doc
