"""At delivery, before the receiver signs: the seal seen and the masses weighed. A broken
or other seal and a mass outside the tolerance are recorded as discrepancies, never refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QScrollArea, QWidget

from ...domain import courier as dc
from ...domain.errors import ValidationError
from ...domain.masses import parse_mass
from ..errors import error_text
from ..locale_format import mass_text
from ..translation import Translator
from ..widgets import choose_photo_file, read_photo
from .widgets import BUTTON_HEIGHT, RED, Screen, big_button, big_field, restyle

_courier_delivery = Translator("_courier_delivery")


class SealScreen(Screen):
    """At delivery: the seal number seen and whether the seal is intact. A broken or other
    seal is recorded as a discrepancy, with a note and an optional photo; never refused."""

    def __init__(self, package: dc.CourierPackage) -> None:
        super().__init__(
            "sealScreen",
            _courier_delivery.tr("Check the seal"),
            _courier_delivery.tr(
                "Compare the seal on the package with the one recorded at release: {seal}."
            ).format(seal=package.seal_number),
            primary=_courier_delivery.tr("Continue"),
        )
        self.package = package
        self.photo: bytes | None = None
        self.photo_name = ""
        self.intact: bool | None = None
        row = QHBoxLayout()
        row.addWidget(QLabel(_courier_delivery.tr("Seal number seen:")))
        self.seal_edit = big_field(
            "sealSeen", _courier_delivery.tr("scan or type the seal, then Enter")
        )
        self.seal_edit.returnPressed.connect(self._seal_entered)
        self.seal_edit.textChanged.connect(lambda _t: self.show_state())
        row.addWidget(self.seal_edit, 1)
        self.body.addLayout(row)
        choice = QHBoxLayout()
        choice.setSpacing(16)
        self.intact_button = big_button(_courier_delivery.tr("✓  Seal &intact"), "sealIntactButton")
        self.broken_button = big_button(
            _courier_delivery.tr("✗  Seal &broken or tampered"), "sealBrokenButton", role="danger"
        )
        for button, value in ((self.intact_button, True), (self.broken_button, False)):
            button.setCheckable(True)
            button.setMinimumHeight(BUTTON_HEIGHT + 24)
            button.clicked.connect(lambda _=False, v=value: self.choose(v))
            choice.addWidget(button, 1)
        self.body.addLayout(choice)
        self.note_label = QLabel(
            _courier_delivery.tr("What do you see? (required for a broken or different seal)")
        )
        self.note_label.setWordWrap(True)
        self.note_edit = big_field(
            "sealNote", _courier_delivery.tr("e.g. tape cut at one corner, seal number unreadable")
        )
        self.note_edit.textChanged.connect(lambda _t: self.show_state())
        self.note_edit.returnPressed.connect(self.go_on)
        self.body.addWidget(self.note_label)
        self.body.addWidget(self.note_edit)
        photo_row = QHBoxLayout()
        self.photo_button = big_button(_courier_delivery.tr("Add photo from file…"), "photoButton")
        self.photo_button.clicked.connect(self.choose_photo)
        self.photo_label = QLabel(_courier_delivery.tr("No photo (optional)"))
        self.photo_label.setObjectName("photoLabel")
        photo_row.addWidget(self.photo_button)
        photo_row.addWidget(self.photo_label, 1)
        self.body.addLayout(photo_row)
        self.body.addStretch(1)
        self.primary.clicked.connect(self.go_on)
        self.confirmed: Callable[[], None] = lambda: None
        self.show_state()

    def focus_first(self) -> None:
        self.seal_edit.setFocus()

    @property
    def seal_seen(self) -> str:
        return self.seal_edit.text().strip()

    @property
    def seal_differs(self) -> bool:
        return bool(self.seal_seen) and self.seal_seen != self.package.seal_number

    @property
    def is_discrepancy(self) -> bool:
        return self.intact is False or self.seal_differs

    def _seal_entered(self) -> None:
        if self.seal_differs:
            self.say(
                _courier_delivery.tr(
                    "Seal {seen} is not the seal recorded at release ({recorded}). "
                    "It will be recorded as a discrepancy."
                ).format(seen=self.seal_seen, recorded=self.package.seal_number),
                "error",
            )
        elif self.seal_seen:
            self.say(
                _courier_delivery.tr("✓ Seal {seal} is the one recorded at release.").format(
                    seal=self.seal_seen
                ),
                "ok",
            )
        self.intact_button.setFocus()

    def choose(self, intact: bool) -> None:
        self.intact = intact
        self.intact_button.setChecked(intact)
        self.broken_button.setChecked(not intact)
        self.intact_button.setProperty("chosen", intact)
        self.broken_button.setProperty("chosen", not intact)
        restyle(self.intact_button)
        restyle(self.broken_button)
        if not intact:
            self.say(
                _courier_delivery.tr(
                    "The broken seal will be recorded as a discrepancy for the lender's "
                    "curators. Describe what you see; a photo helps."
                ),
                "error",
            )
            self.note_edit.setFocus()
        elif self.seal_differs:
            self.note_edit.setFocus()
        else:
            self.hush()
            self.primary.setFocus()
        self.show_state()

    def choose_photo(self) -> None:
        path = choose_photo_file(self)
        if path:
            self.set_photo(path)

    def set_photo(self, path: str) -> None:
        """Attach the photo in ``path`` (refused, with the reason, when unreadable or huge)."""
        try:
            self.photo = read_photo(path)
        except ValidationError as error:
            self.say(error_text(error), "error")
            return
        self.photo_name = Path(path).name
        self.photo_label.setText(
            _courier_delivery.tr("Photo: {name} ({size} KB)").format(
                name=self.photo_name, size=len(self.photo) // 1024 or 1
            )
        )

    def problems(self) -> list[str]:
        found = []
        if not self.seal_seen:
            found.append(
                _courier_delivery.tr("Scan or type the seal number you see on the package.")
            )
        if self.intact is None:
            found.append(_courier_delivery.tr("Say whether the seal is intact or broken."))
        if self.is_discrepancy and not self.note_edit.text().strip():
            found.append(_courier_delivery.tr("Describe what you see in the note."))
        return found

    def show_state(self) -> None:
        needed = self.is_discrepancy
        self.note_label.setVisible(needed)
        self.note_edit.setVisible(needed)
        self.photo_button.setVisible(needed)
        self.photo_label.setVisible(needed)
        problems = self.problems()
        self.primary.setEnabled(not problems)
        self.primary.setToolTip("\n".join(problems))

    def go_on(self) -> None:
        problems = self.problems()
        if problems:
            self.say(" ".join(problems), "error")
            return
        self.confirmed()


class MassScreen(Screen):
    """At delivery: the balance readings, where weighed. A mass outside the tolerance is
    shown in red here and recorded as a discrepancy at receipt."""

    def __init__(self, package: dc.CourierPackage) -> None:
        super().__init__(
            "massScreen",
            _courier_delivery.tr("Weigh the aliquots (optional)"),
            _courier_delivery.tr(
                "Type the balance reading (mg) of each aliquot you weighed; leave the others "
                "empty. Enter moves to the next."
            ),
            primary=_courier_delivery.tr("Continue to signature"),
        )
        self.package = package
        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(8)
        headings = [
            _courier_delivery.tr("Aliquot"),
            _courier_delivery.tr("Book mass"),
            _courier_delivery.tr("Measured"),
            "",
        ]
        for column, heading in enumerate(headings):
            label = QLabel(heading)
            label.setStyleSheet("font-weight: bold;")
            grid.addWidget(label, 0, column)
        self.edits: dict[str, QLineEdit] = {}
        self.states: dict[str, QLabel] = {}
        for row, item in enumerate(package.items, start=1):
            grid.addWidget(QLabel(item.number), row, 0)
            grid.addWidget(QLabel(mass_text(item.expected_mass_ug)), row, 1)
            edit = big_field(f"measured:{item.number}", _courier_delivery.tr("e.g. 299.8 mg"))
            edit.setFixedWidth(240)
            edit.textChanged.connect(lambda _t, n=item.number: self.show_state(n))
            self.edits[item.number] = edit
            grid.addWidget(edit, row, 2)
            state = QLabel()
            state.setObjectName(f"massState:{item.number}")
            state.setWordWrap(True)
            self.states[item.number] = state
            grid.addWidget(state, row, 3)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(len(package.items) + 1, 1)  # rows stay together at the top
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        self.body.addWidget(scroll, 1)
        edits = list(self.edits.values())
        for edit, following in zip(edits, [*edits[1:], None], strict=True):
            edit.returnPressed.connect(
                (lambda f=following: f.setFocus()) if following else self.go_on
            )
        self.primary.clicked.connect(self.go_on)
        self.confirmed: Callable[[], None] = lambda: None

    def focus_first(self) -> None:
        first = next(iter(self.edits.values()), None)
        (first or self.primary).setFocus()

    def show_state(self, number: str) -> None:
        item = self.package.item(number)
        assert item is not None
        label = self.states[number]
        text = self.edits[number].text().strip()
        if not text:
            label.setText("")
            return
        try:
            measured = parse_mass(text, "mg")
        except ValidationError as error:
            label.setText(error_text(error))
            label.setStyleSheet(f"color: {RED}; font-weight: bold;")
            return
        difference = dc.describe_mass(item.expected_mass_ug, measured)
        if dc.mass_outside_tolerance(item.expected_mass_ug, measured):
            label.setText(
                _courier_delivery.tr("✗ {difference}: discrepancy").format(difference=difference)
            )
            label.setStyleSheet(f"color: {RED}; font-weight: bold;")
        else:
            label.setText(
                _courier_delivery.tr("✓ {difference}: in tolerance").format(difference=difference)
            )
            label.setStyleSheet("color: #0d652d;")

    def measured(self) -> dict[str, int]:
        """The masses typed; a ValidationError names the aliquot with an unreadable one."""
        masses: dict[str, int] = {}
        for number, edit in self.edits.items():
            text = edit.text().strip()
            if text:
                try:
                    masses[number] = parse_mass(text, "mg")
                except ValidationError as error:
                    edit.setFocus()
                    # the mass's problem as the screen says it, after the aliquot it is of
                    raise ValidationError(f"{number}: {error_text(error)}") from None
        return masses

    def go_on(self) -> None:
        try:
            self.measured()
        except ValidationError as error:
            self.say(error_text(error), "error")
            return
        self.hush()
        self.confirmed()
