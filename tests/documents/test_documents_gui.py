"""Documents from the windows: the Loans and Transfers views' actions write a recorded PDF
and open the preview (QtPdf), which prints, opens the system viewer and saves exact copies."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from lunar_custody.documents.verify import verify_file
from lunar_custody.domain import documents as register
from lunar_custody.domain.models import Document
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.dialogs import SCREEN_MARGIN
from lunar_custody.gui.loans import LoansView
from lunar_custody.gui.pdf_preview import PdfPreview
from lunar_custody.gui.transfers import TransfersView
from tests.conftest import screenshot_path
from tests.documents.conftest import MARKUP_NAME, Papers, text_of
from tests.gui.conftest import _isolated_settings, ctx_for, messages, when_modal
from tests.worlds import A1, A2

__all__ = ["_isolated_settings", "ctx_for", "messages"]  # the GUI tests' fixtures


class UrlCatcher(QObject):
    """Stands in for the desktop's viewer: records the files it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def previewing(check: Callable[[PdfPreview], None]) -> list[PdfPreview]:
    """Run ``check`` on the preview once it opens, then close it."""

    def act(dialog: PdfPreview) -> None:
        try:
            check(dialog)
        finally:
            dialog.reject()

    return when_modal(PdfPreview, act)


def test_agreement_from_the_loans_view(
    qtbot: QtBot, papers: Papers, ctx_for: Callable[[str], AppContext], tmp_path: Path
) -> None:
    view = LoansView(ctx_for("zhang"))
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    view.refresh()
    assert view.select_loan(papers.loan)
    assert view.agreement_action.isEnabled() and view.labels_action.isEnabled()
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    printed = tmp_path / "printed.pdf"
    copy = tmp_path / "copy.pdf"
    seen: dict[str, object] = {}

    def check(dialog: PdfPreview) -> None:
        qtbot.waitUntil(lambda: dialog.pdf.status() == QPdfDocument.Status.Ready)
        seen["pages"] = dialog.pdf.pageCount()
        seen["doc"] = dialog.doc
        assert dialog.doc.path.name == f"agreement-{papers.loan}.pdf"
        assert dialog.doc.number in dialog.info.text()
        dialog.grab().save(str(screenshot_path("pdf_preview_agreement.png")))
        # asks for 820x900, gets what the screen has room for (a 768-pixel laptop's too)
        screen = dialog.screen().availableGeometry()
        assert dialog.frameGeometry().height() <= screen.height()
        assert dialog.width() == min(820, screen.width() - SCREEN_MARGIN)
        # print through a PDF printer, as the print dialog would hand it over
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        seen["printed"] = dialog.print_to(printer)
        assert dialog.open_in_viewer()
        dialog.save_to(copy)

    try:
        previewing(check)
        view.agreement_action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    doc = seen["doc"]
    assert seen["pages"] == seen["printed"] == doc.pages  # type: ignore[attr-defined]
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True, check=True)
    assert f"Pages:           {doc.pages}" in info.stdout  # type: ignore[attr-defined]
    assert [u.toLocalFile() for u in catcher.urls] == [str(doc.path)]  # type: ignore[attr-defined]
    assert verify_file(papers.db, copy).ok  # the saved copy is the recorded file
    assert MARKUP_NAME in text_of(copy)
    record = register.find_by_hash(papers.db, doc.sha256)  # type: ignore[attr-defined]
    assert record is not None and record.created_by == "Zhang Wei"


def test_print_opens_the_system_print_dialog(
    qtbot: QtBot, papers: Papers, ctx_for: Callable[[str], AppContext]
) -> None:
    view = LoansView(ctx_for("auditor"))  # a viewer may print
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    assert view.select_loan(papers.loan)
    asked: list[bool] = []

    def check(dialog: PdfPreview) -> None:
        when_modal(QPrintDialog, lambda box: box.reject())
        asked.append(dialog.print_document())

    previewing(check)
    view.agreement_action.trigger()
    assert asked == [False]  # cancelled in the print dialog: nothing printed


def test_custody_form_manifest_and_labels_from_the_transfers_view(
    qtbot: QtBot, papers: Papers, ctx_for: Callable[[str], AppContext]
) -> None:
    view = TransfersView(ctx_for("zhang"))
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    view.refresh()
    assert not view.manifest_action.isEnabled()  # nothing selected yet
    assert view.open_transfer(papers.delivered)
    assert view.custody_form_action.isEnabled() and view.manifest_action.isEnabled()
    written: list[str] = []

    def keep(dialog: PdfPreview) -> None:
        qtbot.waitUntil(lambda: dialog.pdf.status() == QPdfDocument.Status.Ready)
        assert dialog.pdf.pageCount() == dialog.doc.pages
        written.append(dialog.doc.path.name)

    previewing(keep)
    view.custody_form_action.trigger()
    previewing(keep)
    view.manifest_action.trigger()

    def choose_a4(dialog: QInputDialog) -> None:
        dialog.setTextValue(dialog.comboBoxItems()[1])
        dialog.accept()

    when_modal(QInputDialog, choose_a4)
    previewing(keep)
    view.labels_action.trigger()
    when_modal(QInputDialog, lambda dialog: dialog.reject())  # cancelled: nothing written
    view.labels_action.trigger()
    assert written == [
        f"custody-form-{papers.delivered}.pdf",
        f"manifest-{papers.delivered}.pdf",
        f"labels-{papers.delivered}-a4.pdf",
    ]
    kinds = papers.world.read(lambda session: sorted(session.scalars(select(Document.kind))))
    assert kinds == ["custody_form", "labels", "manifest"]
    assert tuple(i.aliquot_number for i in view.detail.items) == (A1, A2)  # type: ignore[union-attr]
