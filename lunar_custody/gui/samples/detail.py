"""The selected sample or aliquot: where it is, its mass balance, and its chain of custody."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.queries import AliquotDetail, EventRow
from ...domain.queries.installation import HERE, recorded_at
from ...domain.states import AliquotStatus, EventKind
from ..locale_format import count_text, mass_text
from ..tablemodel import local_time
from ..tables import read_only_table
from ..translation import Translator, translated
from ..vocabulary import word
from .dialogs import signed_mass
from .lineage import Node

NARROW_PANE = 520  # px: below this the detail stacks its fields and breaks the balance line
TRANSCRIBED_COLOUR = QBrush(QColor("#8a4b00"))  # a typed-in handover stands out from signed ones

_samples_detail = Translator("_samples_detail")


class AliquotPane(QWidget):
    """The selected aliquot: where it is, its mass balance, and its chain of custody."""

    TIMELINE_COLUMNS = (
        "#",
        _samples_detail.noop("When"),
        _samples_detail.noop("Event"),
        _samples_detail.noop("Mass"),
        _samples_detail.noop("By"),
        _samples_detail.noop("Recorded at"),
        _samples_detail.noop("Custodian"),
        _samples_detail.noop("Courier"),
        _samples_detail.noop("Transfer"),
        _samples_detail.noop("Note"),
    )

    RIGHT_ALIGNED = (TIMELINE_COLUMNS.index("#"), TIMELINE_COLUMNS.index("Mass"))
    RECORDED_AT = TIMELINE_COLUMNS.index("Recorded at")
    NOTE = TIMELINE_COLUMNS.index("Note")

    def __init__(self, parent: QWidget | None = None, *, home: str = HERE) -> None:
        super().__init__(parent)
        self.setObjectName("aliquotDetail")
        self.home = home  # this installation's code: where an event without origin was made
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("detailSubtitle")
        self.subtitle.setWordWrap(True)

        self.fields_box = QWidget()
        self.fields = QGridLayout(self.fields_box)
        self.fields.setContentsMargins(0, 0, 0, 0)
        self.fields.setHorizontalSpacing(12)
        self.fields.setColumnStretch(1, 1)
        self.fields.setColumnStretch(3, 1)
        self.values: dict[str, QLabel] = {}
        self._captions: list[QLabel] = []

        self.balance_box = QGroupBox(_samples_detail.tr("Mass balance"))
        self.balance_box.setObjectName("massBalance")
        self.balance_grid = QGridLayout(self.balance_box)
        self.balance_terms: list[QWidget] = []  # in reading order, laid out by _reflow
        self.balance: dict[str, QLabel] = {}
        terms = [
            ("initial", _samples_detail.tr("Initial")),
            ("=", ""),
            ("current", _samples_detail.tr("Current")),
            ("+", ""),
            ("children", _samples_detail.tr("In children")),
            ("+", ""),
            ("consumed", _samples_detail.tr("Consumed")),
            ("+", ""),
            ("lost", _samples_detail.tr("Lost")),
        ]
        for key, caption in terms:
            if not caption:
                sign = QLabel(key)
                sign.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self.balance_terms.append(sign)
                continue
            term = QWidget()
            cell = QVBoxLayout(term)
            cell.setContentsMargins(0, 0, 0, 0)
            value = QLabel()
            value.setObjectName(f"balance_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            bold = QFont(value.font())
            bold.setBold(True)
            value.setFont(bold)
            name = QLabel(caption)
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            name.setStyleSheet("color: palette(mid);")
            cell.addWidget(value)
            cell.addWidget(name)
            self.balance_terms.append(term)
            self.balance[key] = value
        self.balance_check = QLabel()
        self.balance_check.setObjectName("balanceCheck")

        names = ("By", "Custodian", "Courier", "Note")  # times and numbers stay whole
        self.timeline = read_only_table(
            "timeline",
            [translated(column) for column in self.TIMELINE_COLUMNS],
            elide=[self.TIMELINE_COLUMNS.index(name) for name in names],
        )
        self.timeline.setWordWrap(False)
        self.timeline_label = QLabel(_samples_detail.tr("Chain of custody"))
        self.timeline_label.setObjectName("timelineLabel")
        heading = QFont(self.timeline_label.font())
        heading.setBold(True)
        self.timeline_label.setFont(heading)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.fields_box)
        layout.addWidget(self.balance_box)
        layout.addWidget(self.balance_check)
        layout.addStretch(1)
        # The chain of custody has many columns: the view lays it out across the full width.
        self.timeline_panel = QWidget()
        self.timeline_panel.setObjectName("timelinePanel")
        panel = QVBoxLayout(self.timeline_panel)
        panel.setContentsMargins(0, 4, 0, 0)
        panel.addWidget(self.timeline_label)
        panel.addWidget(self.timeline, 1)
        self.events: list[EventRow] = []
        self._rows: list[tuple[str, str, str]] = []
        self._narrow: bool | None = None  # laid out for a narrow pane (None: not yet)
        self._reflow(narrow=False)
        self.clear(
            _samples_detail.tr("Select an aliquot to see where it is and its chain of custody.")
        )

    # ------------------------------------------------------------------ filling

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW_PANE
        if narrow != self._narrow:
            self._reflow(narrow=narrow)

    def _reflow(self, *, narrow: bool) -> None:
        """Wide: the fields in two columns and the mass balance on one line; narrow (a
        1024-pixel screen): one column, and the balance on two lines, so nothing is cut."""
        self._narrow = narrow
        for widget in self.balance_terms:
            self.balance_grid.removeWidget(widget)
        per_line = 5 if narrow else len(self.balance_terms)  # "80 mg = 60 mg +" / the rest
        for position, widget in enumerate(self.balance_terms):
            self.balance_grid.addWidget(widget, position // per_line, position % per_line)
        self._place_fields()

    def _set_fields(self, rows: list[tuple[str, str, str]]) -> None:
        """(key, caption, value) rows of caption: value."""
        while self.fields.count():
            item = self.fields.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.values = {}
        self._captions = []
        for key, caption, value in rows:
            name = QLabel(_samples_detail.tr("{caption}:").format(caption=caption))
            name.setStyleSheet("color: palette(mid);")
            shown = QLabel(value or "—")
            shown.setObjectName(f"detail_{key}")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            self._captions.append(name)
            self.values[key] = shown
        self._place_fields()

    def _place_fields(self) -> None:
        """The fields in two columns of caption: value, or one in a narrow pane."""
        captions = self._captions
        values = list(self.values.values())
        self.fields.setColumnStretch(3, 0 if self._narrow else 1)
        half = len(values) if self._narrow else (len(values) + 1) // 2
        for position, (name, shown) in enumerate(zip(captions, values, strict=True)):
            row, column = (position, 0) if position < half else (position - half, 2)
            self.fields.removeWidget(name)
            self.fields.removeWidget(shown)
            self.fields.addWidget(name, row, column, Qt.AlignmentFlag.AlignTop)
            self.fields.addWidget(shown, row, column + 1, Qt.AlignmentFlag.AlignTop)

    def clear(self, message: str) -> None:
        self.title.setText("")
        self.subtitle.setText(message)
        self._set_fields([])
        self.balance_box.hide()
        self.balance_check.hide()
        self.timeline_label.setText(_samples_detail.tr("Chain of custody: select an aliquot"))
        self.events = []
        self.timeline.setRowCount(0)

    def show_sample(self, node: Node) -> None:
        v = node.values
        self.title.setText(_samples_detail.tr("Sample {number}").format(number=node.number))
        count = v["aliquots"]
        self.subtitle.setText(
            _samples_detail.tr(
                "{count} aliquot(s); expand it in the tree to see them.", "", count
            ).format(count=count_text(count))
        )
        original = v["original_mass_ug"]
        self._set_fields(
            [
                ("mission", _samples_detail.tr("Mission"), v["mission"]),
                ("type", _samples_detail.tr("Type"), v["sample_type"]),
                ("owner", _samples_detail.tr("Owner"), v["owner"]),
                (
                    "original",
                    _samples_detail.tr("Original mass"),
                    mass_text(original) if original else "",
                ),
                ("remaining", _samples_detail.tr("Held in aliquots"), mass_text(v["remaining_ug"])),
                ("container", _samples_detail.tr("Collection container"), v["container"]),
            ]
        )
        self.balance_box.hide()
        self.balance_check.hide()
        self.timeline_label.setText(_samples_detail.tr("Chain of custody: select an aliquot"))
        self.events = []
        self.timeline.setRowCount(0)

    def show_aliquot(self, status: AliquotDetail, events: list[EventRow]) -> None:
        self.title.setText(status.number)
        self.subtitle.setText(word("status", status.status_label))
        children = status.children
        shown_children = _samples_detail.tr(", ", "between numbers").join(children[:8])
        if len(children) > 8:
            shown_children = _samples_detail.tr(
                "{numbers} and %n more", "", len(children) - 8
            ).format(numbers=shown_children)
        holder = status.custodian_institution or ""
        if status.custodian_person and status.status != AliquotStatus.IN_TRANSIT:
            holder = f"{holder} — {status.custodian_person}"
        self._set_fields(
            [
                ("sample", _samples_detail.tr("Sample"), status.sample_number),
                ("parent", _samples_detail.tr("Parent"), status.parent_number or ""),
                ("children", _samples_detail.tr("Children"), shown_children),
                ("form", _samples_detail.tr("Form"), status.form),
                ("container", _samples_detail.tr("Container"), status.container),
                ("seal", _samples_detail.tr("Seal"), status.seal_number),
                ("custodian", _samples_detail.tr("Custodian"), holder),
                ("courier", _samples_detail.tr("Courier"), status.courier or ""),
                ("transfer", _samples_detail.tr("Transfer"), status.transfer_number or ""),
                ("loan", _samples_detail.tr("Loan"), status.loan_number or ""),
                ("last_event", _samples_detail.tr("Last event"), f"#{status.last_event_id}"),
            ]
        )
        amounts = {
            "initial": status.initial_mass_ug,
            "current": status.current_mass_ug,
            "children": status.children_mass_ug,
            "consumed": status.consumed_mass_ug,
            "lost": status.lost_mass_ug,
        }
        for key, amount in amounts.items():
            self.balance[key].setText(mass_text(amount))
        parts = sum(amounts[k] for k in ("current", "children", "consumed", "lost"))
        if parts == status.initial_mass_ug:
            self.balance_check.setText(_samples_detail.tr("✓ The mass balance holds."))
            self.balance_check.setStyleSheet("color: #26a269;")
        else:
            self.balance_check.setText(
                _samples_detail.tr(
                    "✗ The parts add up to {parts}, not {initial}: run Verify ledger."
                ).format(parts=mass_text(parts), initial=mass_text(status.initial_mass_ug))
            )
            self.balance_check.setStyleSheet("color: #c01c28;")
        self.balance_box.show()
        self.balance_check.show()
        self._fill_timeline(events)
        self.timeline_label.setText(
            _samples_detail.tr("Chain of custody ({count} event(s))", "", len(events)).format(
                count=count_text(len(events))
            )
        )

    def _fill_timeline(self, events: list[EventRow]) -> None:
        self.events = events
        table = self.timeline
        table.setRowCount(len(events))
        for row, event in enumerate(events):
            mass = ""
            if event.mass_ug is not None:
                corrected = event.kind == EventKind.CORRECTED
                mass = signed_mass(event.mass_ug) if corrected else mass_text(event.mass_ug)
            custodian = " · ".join(p for p in (event.institution, event.custodian) if p)
            cells = (
                str(event.id),
                local_time(event.occurred_at),
                word("event", event.label),
                mass,
                event.actor,
                self._recorded_at(event),
                custodian,
                event.courier or "",
                event.transfer_number or "",
                self._note(event),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in self.RIGHT_ALIGNED:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setData(Qt.ItemDataRole.UserRole, event.id)
                if column == self.NOTE:
                    item.setToolTip(text)
                elif column == self.RECORDED_AT:
                    item.setToolTip(self._origin_tip(event))
                    if event.transcribed:
                        item.setForeground(TRANSCRIBED_COLOUR)
                table.setItem(row, column, item)
        if events:
            table.scrollToBottom()

    def _recorded_at(self, event: EventRow) -> str:
        """Where the event was first recorded (the domain's place), and whether typed in."""
        place = recorded_at(self.home, event.origin, event.origin_seq, False)
        if not event.transcribed:
            return place
        return _samples_detail.tr("{place} · transcribed from paper").format(place=place)

    def _origin_tip(self, event: EventRow) -> str:
        if event.origin is None:
            where = _samples_detail.tr("Recorded on this installation ({code})").format(
                code=self.home
            )
        else:
            where = _samples_detail.tr(
                "Recorded first on {origin}'s installation, as its event #{seq}, and imported "
                "from its exchange file"
            ).format(origin=event.origin, seq=event.origin_seq)
        if event.transcribed:
            where = _samples_detail.tr(
                "{where}; transcribed from paper: typed in from the signed paper custody form"
            ).format(where=where)
        return _samples_detail.tr("{sentence}.").format(sentence=where)

    @staticmethod
    def _note(event: EventRow) -> str:
        parts = []
        if event.related_aliquot:
            related = (
                _samples_detail.tr("child {number}")
                if event.kind == EventKind.SPLIT
                else _samples_detail.tr("from {number}")
            )
            parts.append(related.format(number=event.related_aliquot))
        if event.corrects_event_id is not None:
            parts.append(
                _samples_detail.tr("corrects #{event}").format(event=event.corrects_event_id)
            )
        if event.seal_number:
            seal = {
                True: _samples_detail.tr("seal {seal} intact"),
                False: _samples_detail.tr("seal {seal} BROKEN"),
                None: _samples_detail.tr("seal {seal}"),
            }[event.seal_intact]
            parts.append(seal.format(seal=event.seal_number))
        if event.loan_number:
            parts.append(_samples_detail.tr("loan {number}").format(number=event.loan_number))
        if event.note:
            parts.append(event.note)
        return " · ".join(parts)

    def selected_event(self) -> int | None:
        row = self.timeline.currentRow()
        if row < 0 or row >= len(self.events):
            return None
        return self.events[row].id
