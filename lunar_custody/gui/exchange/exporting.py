"""Export to partner…: a signed exchange file about a loan, a transfer or some aliquots for a
trusted partner installation, written where the person says.

The file is recorded here as sent the moment it is made (numbered for that partner, our
chain head kept as an anchor) and kept whole: a file not saved now, or lost on the way, is
written again from Partners ▸ Save a copy….
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QWidget

from ...domain.errors import ValidationError
from ...exchange.export import Exported, export_exchange
from ...exchange.partners import PartnerInfo, list_partners
from ..context import AppContext
from ..dialogs import FormDialog
from ..errors import inform
from ..operations import Work
from ..translation import Translator, translated
from ..widgets import write_bytes_file
from . import files

_exchange_exporting = Translator("_exchange_exporting")


class ExportDialog(FormDialog):
    """Which trusted partner the file is for; OK makes and records it (``result_value`` is
    the ``Exported``)."""

    def __init__(
        self,
        ctx: AppContext,
        partners: Sequence[PartnerInfo],
        subject: str,
        scope: dict[str, Any],
        parent: QWidget | None = None,
        *,
        suggested: Sequence[str] = (),
    ) -> None:
        super().__init__(
            parent,
            _exchange_exporting.tr("Export to a partner installation"),
            "exportExchangeDialog",
            ops=ctx.ops,
            ok_text=_exchange_exporting.tr("Export…"),
        )
        self.ctx = ctx
        self.scope = scope
        self.partner_combo = QComboBox()
        self.partner_combo.setObjectName("partnerCombo")
        for partner in partners:
            self.partner_combo.addItem(f"{partner.code} — {partner.name}", partner.code)
            self.partner_combo.setItemData(
                self.partner_combo.count() - 1,
                _exchange_exporting.tr(
                    "Key {fingerprint}; %n file(s) sent so far", "", partner.files_sent
                ).format(fingerprint=partner.short_fingerprint),
                Qt.ItemDataRole.ToolTipRole,
            )
        for code in suggested:  # the other party of the loan or transfer, when a partner
            found = self.partner_combo.findData(code)
            if found >= 0:
                self.partner_combo.setCurrentIndex(found)
                break
        what = QLabel(subject)
        what.setObjectName("exportSubject")
        what.setWordWrap(True)
        font = what.font()
        font.setBold(True)
        what.setFont(font)
        note = QLabel(
            _exchange_exporting.tr(
                "The file holds the records and every custody event the partner needs about "
                "this, signed with our institution key. It is numbered for that partner and "
                "kept here: Partners ▸ Save a copy… writes it again whenever needed."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        self.form.addRow(_exchange_exporting.tr("About:"), what)
        self.form.addRow(_exchange_exporting.tr("&Partner:"), self.partner_combo)
        self.form.addRow(note)
        self.setMinimumWidth(560)

    def prepare(self) -> Work[Exported]:
        code = self.partner_combo.currentData()
        if not code:
            raise ValidationError(_exchange_exporting.tr("Choose the partner the file is for."))
        db, actor, scope = self.ctx.db, self.ctx.actor, self.scope
        return lambda _progress: export_exchange(db, actor, partner=str(code), **scope)


def written_text(exported: Exported, path: Path) -> str:
    return _exchange_exporting.tr(
        "{kind} no. {sequence} for {partner} ({subject}): {summary}.\n\nWritten to {path}. "
        "Send it to {partner}; they import it with File ▸ Import exchange file…."
    ).format(
        kind=files.kind_text(exported.kind, capital=True),
        sequence=exported.sequence,
        partner=exported.partner,
        subject=exported.subject,
        summary=translated(exported.summary),
        path=path,
    )


def export_to_partner(
    ctx: AppContext,
    parent: QWidget | None,
    subject: str,
    *,
    loan: str | None = None,
    transfer: str | None = None,
    aliquots: Sequence[str] = (),
    suggested: Sequence[str] = (),
) -> Path | None:
    """Choose the partner, make the file and save it; the file written (None: none was)."""
    partners = [p for p in list_partners(ctx.db) if p.revoked_at is None]
    if not partners:
        inform(
            parent,
            _exchange_exporting.tr("No partner installation"),
            _exchange_exporting.tr(
                "This installation has no trusted partner yet. An administrator adds one from "
                "the introduction file the partner sends: File ▸ Partners… ▸ Add partner…."
            ),
        )
        return None
    scope: dict[str, Any] = (
        {"loan": loan} if loan else {"transfer": transfer} if transfer else {"aliquots": aliquots}
    )
    dialog = ExportDialog(ctx, partners, subject, scope, parent, suggested=suggested)
    try:
        made = dialog.exec() == QDialog.DialogCode.Accepted
        exported: Exported | None = dialog.result_value if made else None
    finally:
        dialog.deleteLater()
    if exported is None:
        return None
    path = files.ask_save_path(
        parent, _exchange_exporting.tr("Save the exchange file"), exported.filename
    )
    if path is None:
        inform(
            parent,
            _exchange_exporting.tr("Exchange file not saved"),
            _exchange_exporting.tr(
                "{kind} no. {sequence} for {partner} is recorded as sent and kept here: "
                "File ▸ Partners… ▸ Save a copy… writes it when you need it."
            ).format(
                kind=files.kind_text(exported.kind, capital=True),
                sequence=exported.sequence,
                partner=exported.partner,
            ),
        )
        return None
    data = exported.content
    written = ctx.ops.value(
        parent,
        _exchange_exporting.tr("Save the exchange file"),
        lambda _progress: write_bytes_file(path, data),
        changes=False,
    )
    if written is not None:
        inform(
            parent, _exchange_exporting.tr("Exchange file written"), written_text(exported, written)
        )
    return written
