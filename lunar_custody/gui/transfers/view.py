"""Transfers: packages built by scanning, released with the sender's and the courier's
signatures, received by an authorised receiver (rules.why_not_receive); and the
discrepancies receipts raise, which the lender's curators resolve."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain import custody, document_languages, queries, rules
from ...domain.document_languages import Languages
from ...domain.errors import NotFoundError
from ...domain.identity import PIN
from ...domain.listings import DISCREPANCIES, TRANSFERS
from ...domain.numbering import normalize
from ...domain.queries import DiscrepancyDetail, TransferDetail
from ..actions import (
    SELECT_ARRIVED_PACKAGE,
    SELECT_DISCREPANCY,
    SELECT_PACKAGE,
    SELECT_PREPARED_PACKAGE,
)
from ..context import AppContext
from ..dialogs import ReasonDialog, action_button, set_allowed
from ..errors import inform
from ..exchange import export_to_partner
from ..exchange.languages import offer_languages, remember_choice
from ..locale_format import mass_text
from ..operations import Work
from ..signature import ask_signature
from ..tablemodel import status_label
from ..translation import Translator
from ..view import View
from ..widgets import ListPane
from .detail import (
    discrepancy_html,
    discrepancy_sentence,
    no_discrepancy,
    no_transfer,
    transfer_html,
)
from .dialogs import ReceiptDialog, ResolveDialog, TranscribeDialog
from .package import PackageDialog

if TYPE_CHECKING:
    from ...documents.service import GeneratedDocument

_transfers_view = Translator("_transfers_view")


class TransfersView(View):
    """The list of transfers with the selected package in detail, and the discrepancies.

    ``open_record(kind, number)`` asks the main window to show an aliquot or a loan (links
    in the detail); ``show_record(kind, number)`` shows a transfer or a discrepancy here.
    """

    title = _transfers_view.noop("Transfers")
    open_record = Signal(str, str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("transfersView")
        self.detail: TransferDetail | None = None
        self.discrepancy: DiscrepancyDetail | None = None

        self.new_action = QAction(_transfers_view.tr("&New package…"), self)
        self.new_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_action.setObjectName("transfersNewAction")
        self.new_action.triggered.connect(self.new_package)
        self.release_action = QAction(_transfers_view.tr("&Release…"), self)
        self.release_action.setObjectName("transfersReleaseAction")
        self.release_action.triggered.connect(self.release_prepared)
        self.receive_action = QAction(_transfers_view.tr("Confirm &receipt…"), self)
        self.receive_action.setObjectName("transfersReceiveAction")
        self.receive_action.triggered.connect(self.confirm_receipt)
        self.transcribe_action = QAction(_transfers_view.tr("&Transcribe handover…"), self)
        self.transcribe_action.setObjectName("transcribeAction")
        self.transcribe_action.triggered.connect(lambda _=False: self.transcribe_handover())
        self.cancel_action = QAction(_transfers_view.tr("&Cancel package…"), self)
        self.cancel_action.setObjectName("transfersCancelAction")
        self.cancel_action.triggered.connect(self.cancel_package)
        self.resolve_action = QAction(_transfers_view.tr("Re&solve…"), self)
        self.resolve_action.setObjectName("transfersResolveAction")
        self.resolve_action.triggered.connect(self.resolve)
        self.custody_form_action = QAction(_transfers_view.tr("Custody &form…"), self)
        self.custody_form_action.setObjectName("transfersCustodyFormAction")
        self.custody_form_action.triggered.connect(lambda _=False: self.custody_form())
        self.manifest_action = QAction(_transfers_view.tr("&Manifest…"), self)
        self.manifest_action.setObjectName("transfersManifestAction")
        self.manifest_action.triggered.connect(lambda _=False: self.manifest())
        self.labels_action = QAction(_transfers_view.tr("La&bels…"), self)
        self.labels_action.setObjectName("transfersLabelsAction")
        self.labels_action.triggered.connect(self.package_labels)
        self.exchange_action = QAction(_transfers_view.tr("Export to &partner…"), self)
        self.exchange_action.setObjectName("transfersExchangeAction")
        self.exchange_action.triggered.connect(lambda _=False: self.export_to_partner())

        self.tabs = QTabWidget()
        self.tabs.setObjectName("transferTabs")
        self.tabs.addTab(self._transfers_tab(), _transfers_view.tr("Transfers"))
        self.tabs.addTab(self._discrepancies_tab(), _transfers_view.tr("Discrepancies"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)
        self._show_transfer(-1)
        self._show_discrepancy(-1)

    def _transfers_tab(self) -> QWidget:
        statuses = [(_transfers_view.tr("All statuses"), None)] + [
            (status_label(s).capitalize(), s) for s in custody.TRANSFER_STATES
        ]
        self.transfers = ListPane(
            self.ctx.db,
            TRANSFERS,
            search_hint=_transfers_view.tr(
                "Search transfer number, loan, seal, institution, courier"
            ),
            filters={"status": statuses},
            noun=_transfers_view.tr("transfers"),
        )
        self.transfers.currentChanged.connect(self._show_transfer)
        self.transfer_view = QTextBrowser()
        self.transfer_view.setObjectName("transferDetail")
        self.transfer_view.setOpenLinks(False)
        self.transfer_view.anchorClicked.connect(self._follow)
        bar = QHBoxLayout()
        for action, name in (
            (self.new_action, "newPackageButton"),
            (self.release_action, "releaseButton"),
            (self.receive_action, "confirmReceiptButton"),
            (self.cancel_action, "cancelPackageButton"),
        ):
            bar.addWidget(action_button(action, name))
        bar.addSpacing(16)
        papers = {
            self.custody_form_action: ("custodyFormButton", self.custody_form),
            self.manifest_action: ("manifestButton", self.manifest),
        }
        self.paper_languages: dict[QAction, QMenu] = {}
        for action, (name, write) in papers.items():
            # the package's papers in its partner's languages; the arrow beside chooses
            button = action_button(action, name)
            self.paper_languages[action] = offer_languages(button, self._partner_languages, write)
            bar.addWidget(button)
        bar.addWidget(action_button(self.labels_action, "packageLabelsButton"))
        bar.addSpacing(16)
        bar.addWidget(action_button(self.exchange_action, "exchangeButton"))
        bar.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.transfers)
        splitter.addWidget(self.transfer_view)
        # Shares, not pixels: the detail's tables of legs and signatures need half the width.
        # the detail's tables (items, couriers' legs with their times) need the more room
        splitter.setSizes([500, 550])
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        return page

    def _discrepancies_tab(self) -> QWidget:
        self.discrepancies = ListPane(
            self.ctx.db,
            DISCREPANCIES,
            search_hint=_transfers_view.tr("Search transfer or aliquot number"),
            hidden=(),
            filters={
                "open": [
                    (_transfers_view.tr("Open", "discrepancies"), True),
                    (_transfers_view.tr("Resolved", "discrepancies"), False),
                    (_transfers_view.tr("All", "discrepancies"), None),
                ]
            },
            noun=_transfers_view.tr("discrepancies"),
        )
        self.discrepancies.currentChanged.connect(self._show_discrepancy)
        self.discrepancy_view = QTextBrowser()
        self.discrepancy_view.setObjectName("discrepancyDetail")
        self.discrepancy_view.setOpenLinks(False)
        self.discrepancy_view.anchorClicked.connect(self._follow)
        self.photo = QLabel()
        self.photo.setObjectName("discrepancyPhoto")
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setVisible(False)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.discrepancy_view, 1)
        side_layout.addWidget(self.photo)
        bar = QHBoxLayout()
        bar.addWidget(action_button(self.resolve_action, "resolveButton"))
        bar.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.discrepancies)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        return page

    # ------------------------------------------------------------------ View

    def refresh(self) -> None:
        self.transfers.refresh()
        self.discrepancies.refresh()
        self._show_transfer(self.transfers.current_row())
        self._show_discrepancy(self.discrepancies.current_row())

    def focus_search(self) -> None:
        pane = self.transfers if self.tabs.currentIndex() == 0 else self.discrepancies
        pane.search_field.setFocus()
        pane.search_field.selectAll()

    def menu_actions(self) -> list[QAction]:
        return [
            self.new_action,
            self.release_action,
            self.receive_action,
            self.transcribe_action,
            self.cancel_action,
            self.resolve_action,
            self.custody_form_action,
            self.manifest_action,
            self.labels_action,
            self.exchange_action,
        ]

    def show_record(self, kind: str, number: str) -> bool:
        """The main window's way in: ``kind`` "transfer" or "discrepancy" (its id)."""
        if kind == "transfer":
            return self.open_transfer(number)
        if kind == "discrepancy" and number.strip().lstrip("#").isdigit():
            return self.open_discrepancy(int(number.strip().lstrip("#")))
        return False

    def open_transfer(self, number: str) -> bool:
        """Select transfer ``number``: among the rows shown, else with every status, else by
        searching for it (an old transfer would otherwise take many pages to reach)."""
        self.tabs.setCurrentIndex(0)
        number = normalize(number)
        pane = self.transfers
        if pane.model.find("number", number) is None:
            pane.filter_boxes["status"].setCurrentIndex(0)
            if pane.model.find("number", number) is None:
                pane.search_field.setText(number)
                pane.search_field.flush()
        return pane.select_value("number", number)

    def open_discrepancy(self, discrepancy_id: int) -> bool:
        self.tabs.setCurrentIndex(1)
        try:
            found = queries.discrepancy_detail(self.ctx.db, discrepancy_id)
        except NotFoundError:
            return False
        self.discrepancies.filter_boxes["open"].setCurrentIndex(2)  # All
        self.discrepancies.search_field.setText(found.transfer_number)
        self.discrepancies.search_field.flush()
        return self.discrepancies.select_value("id", discrepancy_id)

    # ------------------------------------------------------------------ detail panes

    def _show_transfer(self, row: int) -> None:
        number = self.transfers.model.value(row, "number") if row >= 0 else None
        self.detail = None
        if number is not None:
            try:
                self.detail = queries.transfer_detail(self.ctx.db, number)
            except NotFoundError:
                self.detail = None
        self.transfer_view.setHtml(
            no_transfer() if self.detail is None else transfer_html(self.detail)
        )
        self._update_actions()

    def _show_discrepancy(self, row: int) -> None:
        key = self.discrepancies.model.value(row, "id") if row >= 0 else None
        self.discrepancy = None
        if key is not None:
            try:
                self.discrepancy = queries.discrepancy_detail(self.ctx.db, int(key))
            except NotFoundError:
                self.discrepancy = None
        self.photo.clear()
        self.photo.setVisible(False)
        found = self.discrepancy
        if found is None:
            self.discrepancy_view.setHtml(no_discrepancy())
        else:
            self.discrepancy_view.setHtml(discrepancy_html(found))
            if found.has_photo:
                self._show_photo(found.id)
        self._update_actions()

    def _show_photo(self, discrepancy_id: int) -> None:
        data = queries.discrepancy_photo(self.ctx.db, discrepancy_id)
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.photo.setPixmap(
                pixmap.scaled(
                    360,
                    240,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.photo.setText(
                _transfers_view.tr("A photo is attached (not an image this computer can show).")
            )
        self.photo.setVisible(True)

    def _follow(self, url: QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "discrepancy" and value.isdigit():
            self.open_discrepancy(int(value))
        elif kind == "transfer":
            self.open_transfer(value)
        elif kind in ("aliquot", "loan"):
            self.open_record.emit(kind, value)

    # ------------------------------------------------------------------ what may be done

    def _update_actions(self) -> None:
        """Each action enabled, or disabled with the domain's answer why not (rules.py)."""
        ctx, actor, d, found = self.ctx, self.ctx.actor, self.detail, self.discrepancy
        set_allowed(
            self.new_action,
            ctx.why_not("release"),
            _transfers_view.tr("Scan aliquots into a package and release it to a courier"),
        )
        prepared = SELECT_PREPARED_PACKAGE
        set_allowed(
            self.release_action,
            rules.why_not_release(actor, d) if d else ctx.why_not("release") or prepared,
            _transfers_view.tr(
                "The sender and the courier sign the hand-over of the selected package"
            ),
        )
        set_allowed(
            self.cancel_action,
            rules.why_not_cancel_transfer(actor, d)
            if d
            else ctx.why_not("prepare_transfer") or prepared,
            _transfers_view.tr("Unpack the selected package, which was never picked up"),
        )
        set_allowed(
            self.receive_action,
            rules.why_not_receive(actor, d)
            if d
            else ctx.why_not("receive") or SELECT_ARRIVED_PACKAGE,
            _transfers_view.tr("Check the seal and masses of the selected package and sign for it"),
        )
        set_allowed(
            self.transcribe_action,
            rules.why_not_transcribe(actor, d)
            if d
            else ctx.why_not("receive") or SELECT_ARRIVED_PACKAGE,
            _transfers_view.tr(
                "Type in a handover between couriers made where no installation was, from the "
                "paper custody form they signed (marked as transcribed)"
            ),
        )
        pick = None if d is not None else SELECT_PACKAGE
        for action, tip in (
            (
                self.custody_form_action,
                _transfers_view.tr("The package's chain-of-custody form to print and sign"),
            ),
            (
                self.manifest_action,
                _transfers_view.tr("The packing list that travels inside the package"),
            ),
            (
                self.labels_action,
                _transfers_view.tr("Labels (QR code, number, sample, mass) for the package"),
            ),
        ):
            set_allowed(action, pick, tip)
        set_allowed(
            self.exchange_action,
            ctx.why_not("exchange") or pick,
            _transfers_view.tr(
                "Write a signed exchange file about the selected package (items, legs, "
                "signatures, custody events) for a partner installation"
            ),
        )
        set_allowed(
            self.resolve_action,
            rules.why_not_resolve(actor, found)
            if found
            else ctx.why_not("resolve_discrepancy") or SELECT_DISCREPANCY,
            _transfers_view.tr(
                "Record a loss, correct the book mass or accept, with your signature"
            ),
        )

    # ------------------------------------------------------------------ actions

    def _done(self, select: str | None = None) -> None:
        """After an operation here: read again and select what it made. (The runner's
        ``changed`` has made the main window read its visible view; a view on its own, in a
        test, reads again itself.)"""
        self.refresh()
        if select:
            self.open_transfer(select)

    def package_dialog(self) -> PackageDialog:
        return PackageDialog(self.ctx, self)

    def new_package(self) -> None:
        if not self.new_action.isEnabled():
            return
        dialog = self.package_dialog()
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.transfer_number:
                self._done(dialog.transfer_number)
        finally:
            dialog.deleteLater()

    def release_prepared(self) -> None:
        d = self.detail
        if d is None or not self.release_action.isEnabled():
            return
        summary = "\n".join(
            [
                _transfers_view.tr("Package {number} for {receiver} ({institution})").format(
                    number=d.number, receiver=d.receiver, institution=d.to_institution
                ),
                _transfers_view.tr("Seal: {seal}").format(seal=d.seal_number),
                _transfers_view.tr("Courier: {courier}").format(courier=d.courier),
                "",
                *(f"{i.aliquot_number}    {mass_text(i.expected_mass_ug)}" for i in d.items),
            ]
        )
        sender = ask_signature(
            self, meaning="relinquished", summary=summary, username=self.ctx.actor.username
        )
        if sender is None:
            return
        courier = ask_signature(
            self, meaning="accepted", summary=summary, username=d.courier_username, method=PIN
        )
        if courier is None:
            return
        db, actor, number = self.ctx.db, self.ctx.actor, d.number
        self.ctx.ops.run(
            self,
            _transfers_view.tr("Release package"),
            lambda _progress: custody.release_transfer(
                db, actor, number, sender=sender, courier=courier
            ),
            done=lambda _transfer: self._done(number),
        )

    def receipt_dialog(self) -> ReceiptDialog | None:
        return ReceiptDialog(self.ctx, self.detail, self) if self.detail else None

    def confirm_receipt(self) -> None:
        if not self.receive_action.isEnabled():
            return
        dialog = self.receipt_dialog()
        if dialog is None:
            return
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.receipt is None:
                return
            number = dialog.detail.number
            raised = {found.id for found in dialog.receipt.discrepancies}
        finally:
            dialog.deleteLater()
        self._done(number)
        if raised:
            detail = queries.transfer_detail(self.ctx.db, number)
            lines = [discrepancy_sentence(x) for x in detail.discrepancies if x.id in raised]
            inform(
                self,
                _transfers_view.tr("Received, with discrepancies"),
                _transfers_view.tr(
                    "{number} is received and in your custody. %n discrepancy(ies) recorded "
                    "for the lender's curators to resolve:",
                    "",
                    len(raised),
                ).format(number=number)
                + "\n\n"
                + "\n".join(lines),
            )

    def transcribe_handover(self) -> None:
        d = self.detail
        if d is None or not self.transcribe_action.isEnabled():
            return
        dialog = TranscribeDialog(self.ctx, d, self)
        try:
            done = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        if done:
            self._done(d.number)

    def cancel_package(self) -> None:
        d = self.detail
        if d is None or not self.cancel_action.isEnabled():
            return
        db, actor, number = self.ctx.db, self.ctx.actor, d.number

        def cancel(reason: str) -> Work[object]:
            return lambda _progress: custody.cancel_transfer(db, actor, number, reason=reason)

        dialog = ReasonDialog(
            self.ctx.ops,
            self,
            _transfers_view.tr("Cancel package {number}").format(number=number),
            _transfers_view.tr(
                "Why is {number} cancelled? Its aliquots stay in your storage."
            ).format(number=number),
            cancel,
        )
        try:
            cancelled = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        if cancelled:
            self._done(number)

    def resolve(self) -> None:
        found = self.discrepancy
        if found is None or not self.resolve_action.isEnabled():
            return
        dialog = ResolveDialog(self.ctx, found, self)
        try:
            resolved = dialog.exec() == QDialog.DialogCode.Accepted and dialog.resolved
        finally:
            dialog.deleteLater()
        if resolved:
            self.refresh()

    def export_to_partner(self) -> None:
        """The selected transfer in an exchange file for a partner (its receiver, at the
        sender; its sender, at the receiver)."""
        d = self.detail
        if d is None or not self.exchange_action.isEnabled():
            return
        export_to_partner(
            self.ctx,
            self,
            _transfers_view.tr(
                "Transfer {number} from {sender} to {receiver}: its items, "
                "courier legs, signatures and the custody events of its aliquots"
            ).format(number=d.number, sender=d.from_institution, receiver=d.to_institution),
            transfer=d.number,
            suggested=[d.to_code, d.from_code],
        )

    # ------------------------------------------------------------------ documents

    def _document(
        self, title: str, filename: str, write: Callable[[Path], GeneratedDocument]
    ) -> None:
        # The PDF side (reportlab, QtPdf) loads with the first document, not at start-up.
        from ..pdf_preview import show_document

        show_document(self.ctx.ops, self, title, filename, write)

    def _partner_languages(self) -> Languages:
        """What the selected package's papers print in unless chosen: its partner's."""
        db = self.ctx.db
        partner = document_languages.transfer_partner(db, self.detail.number) if self.detail else ""
        return document_languages.languages_for(db, partner)

    def custody_form(self, languages: Languages | None = None) -> None:
        """The selected package's chain-of-custody form, previewed: in ``languages`` (then
        remembered for the package's partner), else in the partner's remembered ones."""
        if self.detail is None:
            return
        from ...documents import service

        ctx, number, db, actor = self.ctx, self.detail.number, self.ctx.db, self.ctx.actor
        partner = document_languages.transfer_partner(db, number)

        def write(path: Path) -> GeneratedDocument:
            doc = service.write_custody_form(db, actor, path, transfer=number, languages=languages)
            remember_choice(ctx, partner, languages)
            return doc

        self._document(
            _transfers_view.tr("Chain-of-custody form"), f"custody-form-{number}.pdf", write
        )

    def manifest(self, languages: Languages | None = None) -> None:
        """The selected package's manifest (packing list), previewed: in ``languages``
        (then remembered for the package's partner), else in the partner's remembered ones."""
        if self.detail is None:
            return
        from ...documents import service

        ctx, number, db, actor = self.ctx, self.detail.number, self.ctx.db, self.ctx.actor
        partner = document_languages.transfer_partner(db, number)

        def write(path: Path) -> GeneratedDocument:
            doc = service.write_manifest(db, actor, number, path, languages=languages)
            remember_choice(ctx, partner, languages)
            return doc

        self._document(_transfers_view.tr("Manifest"), f"manifest-{number}.pdf", write)

    def package_labels(self) -> None:
        """Labels for the selected package's aliquots, on a roll or an A4 sheet."""
        if self.detail is None:
            return
        from ...documents import service
        from ..pdf_preview import ask_label_layout

        layout = ask_label_layout(self)
        if layout is None:
            return
        number, db, actor = self.detail.number, self.ctx.db, self.ctx.actor
        numbers = [item.aliquot_number for item in self.detail.items]
        self._document(
            _transfers_view.tr("Labels"),
            f"labels-{number}-{layout}.pdf",
            lambda path: service.write_labels(db, actor, numbers, path, layout=layout),
        )
