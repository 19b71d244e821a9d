"""The courier's screens, one task each: the packages, a package, checking it against its
manifest, choosing the next courier, the seal and the masses at delivery, a signature, and
the result. Screens only show and collect; window.py runs the handoffs through custody.py.
What a screen reads (a scanned code, a signer's name) goes through the window's operation
runner, and a refusal is said in red on the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain import courier as dc
from ...domain import queries
from ...domain.errors import CustodyError, ValidationError
from ...domain.identity import PASSWORD, PIN, Credential
from ...domain.masses import format_mass, parse_mass
from ...domain.permissions import Actor
from ...domain.store import Store
from ..operations import Operations
from ..signature import SignaturePad
from ..widgets import choose_photo_file, read_photo
from .widgets import (
    BUTTON_HEIGHT,
    RED,
    BigScanField,
    PinPad,
    Screen,
    big_button,
    big_field,
    big_table,
    restyle,
    state_item,
)


def _items(count: int) -> str:
    return f"{count} aliquot{'s' if count != 1 else ''}"


def package_line(package: dc.CourierPackage) -> str:
    """'T2025-0001 · CNSA Lunar Sample Laboratory → Brown University'."""
    return f"{package.number} · {package.from_institution} → {package.to_institution}"


def package_facts(package: dc.CourierPackage) -> str:
    container = f" · container {package.container}" if package.container else ""
    return (
        f"{_items(len(package.items))}, {format_mass(package.total_mass_ug)} · "
        f"seal {package.seal_number}{container}"
    )


# ---------------------------------------------------------------------- the packages


class HomeScreen(Screen):
    """The courier's packages: to collect at a sender, and in hand to deliver or pass on."""

    package_chosen = Signal(object)  # a CourierPackage

    def __init__(self, ops: Operations, store: Store, me: Actor) -> None:
        super().__init__(
            "homeScreen",
            "My packages",
            "Scan a package, seal or aliquot label, or tap a package.",
            back="",
        )
        self.ops = ops
        self.store = store
        self.me = me
        self.scan = BigScanField("Scan a label, or type a package number and press Enter")
        self.scan.scanned.connect(self.open_code)
        self.body.addWidget(self.scan)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        self.collect_box, self.collect_title = self._column("To collect", "collectList")
        self.hand_box, self.hand_title = self._column("In hand — to deliver", "inHandList")
        self.body.addLayout(columns, 1)
        columns.addWidget(self._wrap(self.collect_title, self.collect_box), 1)
        columns.addWidget(self._wrap(self.hand_title, self.hand_box), 1)
        self.buttons: dict[str, QPushButton] = {}  # filled by refresh, once the screen is shown

    def _column(self, title: str, name: str) -> tuple[QVBoxLayout, QLabel]:
        heading = QLabel(title)
        heading.setObjectName(f"{name}Title")
        heading.setStyleSheet("font-weight: bold;")
        box = QVBoxLayout()
        box.setSpacing(12)
        return box, heading

    @staticmethod
    def _wrap(heading: QLabel, box: QVBoxLayout) -> QWidget:
        inner = QWidget()
        inner.setLayout(box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        return column

    def refresh(self) -> None:
        """Read the courier's packages again (after every handoff, and on demand)."""
        store, username = self.store, self.me.username
        packages = self.ops.value(
            self,
            "My packages",
            lambda _progress: dc.assigned_packages(store, username),
            changes=False,
        )
        if packages is None:  # the person has been told why
            return
        self.buttons = {}
        for box, title, rows, label, empty in (
            (
                self.collect_box,
                self.collect_title,
                packages.to_collect,
                "To collect",
                "Nothing to collect.",
            ),
            (
                self.hand_box,
                self.hand_title,
                packages.in_hand,
                "In hand — to deliver",
                "Nothing in hand.",
            ),
        ):
            while box.count():
                old = box.takeAt(0)
                widget = old.widget() if old is not None else None
                if widget is not None:
                    widget.hide()  # gone now, not when the deletion comes round
                    widget.deleteLater()
            title.setText(f"{label} ({len(rows)})")
            for package in rows:
                where = (
                    f"at {package.from_institution}"
                    if package.stage == dc.COLLECT
                    else f"to {package.to_institution}"
                )
                button = big_button(
                    f"{package.number} · {_items(len(package.items))}\n{where}",
                    f"package:{package.number}",
                )
                button.setMinimumHeight(BUTTON_HEIGHT + 40)
                button.setStyleSheet("text-align: left; padding-left: 20px;")
                button.clicked.connect(lambda _=False, p=package: self.package_chosen.emit(p))
                box.addWidget(button)
                button.show()  # at once, not at the layout's next pass (a tap may come first)
                self.buttons[package.number] = button
            if not rows:
                none = QLabel(empty)
                none.setStyleSheet("color: #5f6368;")
                box.addWidget(none)
            box.addStretch(1)

    def open_code(self, code: str) -> None:
        store, username = self.store, self.me.username
        package = self.ops.value(
            self,
            "Scan",
            lambda _progress: dc.package_for_code(store, username, code),
            refused=self.refused,
            changes=False,
        )
        if package is None:
            return
        self.hush()
        self.package_chosen.emit(package)

    def focus_first(self) -> None:
        self.scan.setFocus()


class PackageScreen(Screen):
    """A package in hand: deliver it to its receiver, or hand it to another courier."""

    deliver = Signal()
    hand_over = Signal()

    def __init__(self, package: dc.CourierPackage) -> None:
        super().__init__(
            "packageScreen",
            f"Package {package.number}",
            f"{package.from_institution} → {package.to_institution} · {package_facts(package)}",
            primary=f"Deliver to {package.receiver}",
            back="My packages",
        )
        self.package = package
        table = big_table(["Aliquot", "Mass", "Container"], "packageItems")
        for item in package.items:
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, state_item(item.number, ""))
            table.setItem(row, 1, state_item(format_mass(item.expected_mass_ug), ""))
            table.setItem(row, 2, state_item(item.container, ""))
        self.body.addWidget(table, 1)
        self.hand_button = big_button("Hand to another courier", "handOverButton")
        self.footer.insertWidget(2, self.hand_button)
        self.primary.clicked.connect(self.deliver)
        self.hand_button.clicked.connect(self.hand_over)


# ---------------------------------------------------------------------- checking a package


class CheckScreen(Screen):
    """Scan the package's aliquots and its seal against the manifest.

    Scanned items tick off; missing and unexpected ones are red and the screen does not go
    on until they are resolved (scanned, or put aside). At a courier-to-courier handoff the
    package travels sealed: the seal is checked and item scans are optional.
    """

    def __init__(
        self,
        ops: Operations,
        store: Store,
        package: dc.CourierPackage,
        *,
        title: str,
        items_required: bool,
    ) -> None:
        container = f" · {package.container}" if package.container else ""
        where = f"To {package.to_institution} · seal {package.seal_number}{container}"
        hint = (
            "Scan each aliquot, then the seal. Missing or unexpected items show in red."
            if items_required
            else "The package travels sealed: check the seal number on it."
        )
        super().__init__("checkScreen", title, f"{where}\n{hint}", primary="Continue to signatures")
        self.ops = ops
        self.store = store
        self.check = dc.ManifestCheck(package, items_required=items_required)
        self.scan = BigScanField("Scan or type an aliquot, then Enter")
        self.scan.setObjectName("itemScan")
        self.scan.scanned.connect(self.scan_code)
        self.scan.proceed.connect(self.go_on)
        self.seal_edit = big_field("sealEdit", "seal no.")
        self.seal_edit.returnPressed.connect(self.seal_entered)
        self.seal_state = QLabel()
        self.seal_state.setObjectName("sealState")
        self.seal_state.setMinimumWidth(190)
        inputs = QHBoxLayout()
        inputs.setSpacing(12)
        inputs.addWidget(self.scan, 3)
        inputs.addSpacing(12)
        inputs.addWidget(QLabel("Seal:"))
        inputs.addWidget(self.seal_edit, 1)
        inputs.addWidget(self.seal_state)
        self.body.addLayout(inputs)
        self.table = big_table(["", "Aliquot", "Mass", "Container", "Check"], "manifestTable")
        self.body.addWidget(self.table, 1)
        self.aside_button = big_button("Put unexpected items aside", "asideButton", role="danger")
        self.aside_button.clicked.connect(self.set_aside)
        self.footer.insertWidget(1, self.aside_button)
        self.primary.clicked.connect(self.go_on)
        self.confirmed: Callable[[], None] = lambda: None
        self.show_state()

    @property
    def package(self) -> dc.CourierPackage:
        return self.check.package

    def focus_first(self) -> None:
        self.scan.setFocus()

    def scan_code(self, code: str) -> None:
        store = self.store
        label = self.ops.value(
            self,
            "Scan",
            lambda _progress: dc.identify(store, code),
            refused=self.refused,
            changes=False,
        )
        if label is None:
            return
        outcome = self.check.scan_item(label)
        number = label.number
        total = len(self.package.items)
        if outcome == dc.TICKED:
            done = len(self.check.ticked)
            if self.check.missing:
                self.say(f"✓ {number} ticked off: {done} of {total}.", "ok")
            else:
                self.say(f"✓ {number} ticked off: all {total} are here.", "ok")
                if not self.check.seal_ok:
                    self.seal_edit.setFocus()
        elif outcome == dc.AGAIN:
            self.say(f"{number} is ticked off already.", "info")
        elif outcome == dc.UNEXPECTED:
            self.say(
                f"{number} is not on this manifest. Put it aside: it must not travel in "
                "this package.",
                "error",
            )
        elif outcome == dc.THIS_PACKAGE:
            self.say("That is this package's own label. Now scan each aliquot in it.", "info")
        elif outcome == dc.OTHER_PACKAGE:
            self.say(f"That label belongs to package {number}, not to this one.", "error")
        else:
            self._said_seal(outcome)
        self.show_state()

    def seal_entered(self) -> None:
        seen = self.seal_edit.text().strip()
        if not seen:
            self.go_on()
            return
        self._said_seal(self.check.check_seal(seen))
        self.show_state()
        if self.check.missing:
            self.scan.setFocus()
        else:
            self.primary.setFocus()

    def _said_seal(self, outcome: str) -> None:
        if outcome == dc.SEAL_OK:
            self.seal_edit.setText(self.package.seal_number)
            self.say(f"✓ Seal {self.package.seal_number} matches the package.", "ok")
        else:
            self.say(
                f"Seal {self.check.seal_seen} is not this package's seal "
                f"({self.package.seal_number}). Do not take the package; call the sender.",
                "error",
            )

    def set_aside(self) -> None:
        put = ", ".join(self.check.unexpected)
        self.check.set_aside()
        self.say(f"Put aside: {put}. It stays here.", "info")
        self.show_state()
        self.scan.setFocus()

    def show_state(self) -> None:
        """The manifest with each item's state, and whether the handoff may go on."""
        check = self.check
        self.table.setRowCount(0)
        for item in self.package.items:
            row = self.table.rowCount()
            self.table.insertRow(row)
            if item.number in check.ticked:
                mark, state, kind = "✓", "scanned", "ok"
            elif check.items_required:
                mark, state, kind = "✗", "MISSING — scan it", "error"
            else:
                mark, state, kind = "", "sealed inside", ""
            self.table.setItem(row, 0, state_item(mark, kind))
            self.table.setItem(row, 1, state_item(item.number, kind))
            self.table.setItem(row, 2, state_item(format_mass(item.expected_mass_ug), kind))
            self.table.setItem(row, 3, state_item(item.container, kind))
            self.table.setItem(row, 4, state_item(state, kind))
        for number in check.unexpected:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, state_item("!", "error"))
            self.table.setItem(row, 1, state_item(number, "error"))
            self.table.setItem(row, 2, state_item("", "error"))
            self.table.setItem(row, 3, state_item("", "error"))
            self.table.setItem(row, 4, state_item("NOT ON MANIFEST", "error"))
        if check.seal_seen is None:
            self.seal_state.setText("not checked")
            self.seal_state.setStyleSheet("")
        elif check.seal_ok:
            self.seal_state.setText("✓ matches")
            self.seal_state.setStyleSheet("color: #0d652d; font-weight: bold;")
        else:
            self.seal_state.setText("✗ WRONG SEAL")
            self.seal_state.setStyleSheet(f"color: {RED}; font-weight: bold;")
        total = len(self.package.items)
        self.table.setHorizontalHeaderItem(
            4, state_item(f"Check ({len(check.ticked)} of {total} scanned)", "")
        )
        self.aside_button.setVisible(bool(check.unexpected))
        problems = check.problems()
        self.primary.setEnabled(not problems)
        self.primary.setToolTip("\n".join(problems))

    def go_on(self) -> None:
        """Continue when the check is complete; otherwise say what is still wrong, in red."""
        problems = self.check.problems()
        if problems:
            self.say(" ".join(problems), "error")
            return
        self.confirmed()


# ---------------------------------------------------------------------- the next courier


class CourierChoiceScreen(Screen):
    """Who takes the package next: tap their name, or scan their badge (user name)."""

    chosen = Signal(str)  # user name

    def __init__(
        self, ops: Operations, store: Store, me: Actor, couriers: list[queries.PersonChoice]
    ) -> None:
        super().__init__(
            "courierChoiceScreen",
            "Hand to which courier?",
            "Tap the courier who takes the package, or scan their badge.",
        )
        self.ops = ops
        self.store = store
        self.me = me
        self.scan = BigScanField("Scan the courier's badge, or type their user name")
        self.scan.setObjectName("courierScan")
        self.scan.scanned.connect(self.choose)
        self.body.addWidget(self.scan)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.buttons: dict[str, QPushButton] = {}
        people = [p for p in couriers if p.username != me.username]
        for position, person in enumerate(people[:12]):
            button = big_button(
                f"{person.full_name}\n{person.institution}", f"courier:{person.username}"
            )
            button.setMinimumHeight(BUTTON_HEIGHT + 32)
            button.clicked.connect(lambda _=False, u=person.username: self.choose(u))
            grid.addWidget(button, position // 3, position % 3)
            self.buttons[person.username] = button
        for column in range(3):
            grid.setColumnStretch(column, 1)
        self.body.addLayout(grid)
        self.body.addStretch(1)

    def focus_first(self) -> None:
        self.scan.setFocus()

    def choose(self, username: str) -> None:
        store = self.store
        person = self.ops.value(
            self,
            "Next courier",
            lambda _progress: dc.signer(store, username),
            refused=self.refused,
            changes=False,
        )
        if person is None:
            return
        if "courier" not in person.roles:
            self.say(
                f"{person.full_name} is not a courier: a package passes only to a courier.", "error"
            )
            return
        if person.username == self.me.username:
            self.say("That is you: choose the courier who takes the package.", "error")
            return
        self.hush()
        self.chosen.emit(person.username)


# ---------------------------------------------------------------------- delivery


class SealScreen(Screen):
    """At delivery: the seal number seen and whether the seal is intact. A broken or other
    seal is recorded as a discrepancy, with a note and an optional photo; never refused."""

    def __init__(self, package: dc.CourierPackage) -> None:
        super().__init__(
            "sealScreen",
            "Check the seal",
            f"Compare the seal on the package with the one recorded at release: "
            f"{package.seal_number}.",
            primary="Continue",
        )
        self.package = package
        self.photo: bytes | None = None
        self.photo_name = ""
        self.intact: bool | None = None
        row = QHBoxLayout()
        row.addWidget(QLabel("Seal number seen:"))
        self.seal_edit = big_field("sealSeen", "scan or type the seal, then Enter")
        self.seal_edit.returnPressed.connect(self._seal_entered)
        self.seal_edit.textChanged.connect(lambda _t: self.show_state())
        row.addWidget(self.seal_edit, 1)
        self.body.addLayout(row)
        choice = QHBoxLayout()
        choice.setSpacing(16)
        self.intact_button = big_button("✓  Seal &intact", "sealIntactButton")
        self.broken_button = big_button(
            "✗  Seal &broken or tampered", "sealBrokenButton", role="danger"
        )
        for button, value in ((self.intact_button, True), (self.broken_button, False)):
            button.setCheckable(True)
            button.setMinimumHeight(BUTTON_HEIGHT + 24)
            button.clicked.connect(lambda _=False, v=value: self.choose(v))
            choice.addWidget(button, 1)
        self.body.addLayout(choice)
        self.note_label = QLabel("What do you see? (required for a broken or different seal)")
        self.note_edit = big_field(
            "sealNote", "e.g. tape cut at one corner, seal number unreadable"
        )
        self.note_edit.textChanged.connect(lambda _t: self.show_state())
        self.note_edit.returnPressed.connect(self.go_on)
        self.body.addWidget(self.note_label)
        self.body.addWidget(self.note_edit)
        photo_row = QHBoxLayout()
        self.photo_button = big_button("Add photo from file…", "photoButton")
        self.photo_button.clicked.connect(self.choose_photo)
        self.photo_label = QLabel("No photo (optional)")
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
                f"Seal {self.seal_seen} is not the seal recorded at release "
                f"({self.package.seal_number}). It will be recorded as a discrepancy.",
                "error",
            )
        elif self.seal_seen:
            self.say(f"✓ Seal {self.seal_seen} is the one recorded at release.", "ok")
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
                "The broken seal will be recorded as a discrepancy for the lender's curators. "
                "Describe what you see; a photo helps.",
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
            self.say(str(error), "error")
            return
        self.photo_name = Path(path).name
        self.photo_label.setText(f"Photo: {self.photo_name} ({len(self.photo) // 1024 or 1} KB)")

    def problems(self) -> list[str]:
        found = []
        if not self.seal_seen:
            found.append("Scan or type the seal number you see on the package.")
        if self.intact is None:
            found.append("Say whether the seal is intact or broken.")
        if self.is_discrepancy and not self.note_edit.text().strip():
            found.append("Describe what you see in the note.")
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
            "Weigh the aliquots (optional)",
            "Type the balance reading (mg) of each aliquot you weighed; leave the others "
            "empty. Enter moves to the next.",
            primary="Continue to signature",
        )
        self.package = package
        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(8)
        for column, heading in enumerate(["Aliquot", "Book mass", "Measured", ""]):
            label = QLabel(heading)
            label.setStyleSheet("font-weight: bold;")
            grid.addWidget(label, 0, column)
        self.edits: dict[str, QLineEdit] = {}
        self.states: dict[str, QLabel] = {}
        for row, item in enumerate(package.items, start=1):
            grid.addWidget(QLabel(item.number), row, 0)
            grid.addWidget(QLabel(format_mass(item.expected_mass_ug)), row, 1)
            edit = big_field(f"measured:{item.number}", "e.g. 299.8 mg")
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
            label.setText(str(error))
            label.setStyleSheet(f"color: {RED}; font-weight: bold;")
            return
        difference = dc.describe_mass(item.expected_mass_ug, measured)
        if dc.mass_outside_tolerance(item.expected_mass_ug, measured):
            label.setText(f"✗ {difference}: discrepancy")
            label.setStyleSheet(f"color: {RED}; font-weight: bold;")
        else:
            label.setText(f"✓ {difference}: in tolerance")
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
                    raise ValidationError(f"{number}: {error}") from None
        return masses

    def go_on(self) -> None:
        try:
            self.measured()
        except ValidationError as error:
            self.say(str(error), "error")
            return
        self.hush()
        self.confirmed()


# ---------------------------------------------------------------------- signatures


class SignScreen(Screen):
    """One person signs: their name, their PIN or password, and a drawn signature.

    ``check_signer`` refuses at once, in words, a name that cannot sign here (the domain's
    answer why not: a missing role, the wrong side, not the named receiver); it runs with the
    signer's lookup, off the GUI thread, and may read. The service checks the secret and
    writes the signature.
    """

    signed = Signal(object)  # a Credential

    def __init__(
        self,
        ops: Operations,
        store: Store,
        *,
        title: str,
        meaning: str,
        summary: str,
        username: str,
        fixed_user: bool,
        method: str,
        check_signer: Callable[[dc.Signer], str | None] = lambda _s: None,
    ) -> None:
        super().__init__(
            f"signScreen:{meaning}",
            title,
            summary,
            primary="Sign",
        )
        self.ops = ops
        self.store = store
        self.meaning = meaning
        self.check_signer = check_signer
        self.person: dc.Signer | None = None  # who signed here, once they have
        self._drawing_waived = False
        # Left: who signs and the pad; right: the PIN digits. Undo and Clear sit in the
        # footer, away from the Sign button.
        fields = QGridLayout()
        fields.setHorizontalSpacing(12)
        fields.setVerticalSpacing(10)
        fields.addWidget(QLabel("Name:"), 0, 0)
        self.user_edit = big_field("signerUser", "user name")
        self.user_edit.setText(username)
        self.user_edit.setReadOnly(fixed_user)
        self.user_edit.returnPressed.connect(lambda: self.secret_edit.setFocus())
        fields.addWidget(self.user_edit, 0, 1)
        self.secret_label = QLabel()
        fields.addWidget(self.secret_label, 1, 0)
        self.secret_edit = big_field("signerSecret", secret=True)
        self.secret_edit.returnPressed.connect(self.sign)
        fields.addWidget(self.secret_edit, 1, 1)
        self.pin_button = big_button("PIN", "usePinButton")
        self.password_button = big_button("Password", "usePasswordButton")
        switch = QHBoxLayout()
        for button, value in ((self.pin_button, PIN), (self.password_button, PASSWORD)):
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, v=value: self.set_method(v))
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            switch.addWidget(button)
        fields.addLayout(switch, 0, 2)
        fields.setColumnStretch(1, 1)
        self.pad = SignaturePad()
        self.pad.pen_width = 4.0
        self.pad.setMinimumHeight(150)
        self.pad.placeholder = "Sign here"
        self.pad.changed.connect(self._drawn)
        left = QVBoxLayout()
        left.setSpacing(12)
        left.addLayout(fields)
        left.addWidget(self.pad, 1)
        self.pin_pad = PinPad(self.secret_edit)
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addLayout(left, 1)
        row.addWidget(self.pin_pad, 0, Qt.AlignmentFlag.AlignBottom)
        self.body.addLayout(row, 1)
        self.undo_button = big_button("Undo stroke", "undoStrokeButton")
        self.clear_button = big_button("Clear signature", "clearPadButton")
        self.undo_button.clicked.connect(self.pad.undo)
        self.clear_button.clicked.connect(self.pad.clear)
        for button in (self.undo_button, self.clear_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.footer.insertWidget(1, self.undo_button)
        self.footer.insertWidget(2, self.clear_button)
        self.primary.clicked.connect(self.sign)
        self.set_method(method)

    def focus_first(self) -> None:
        (self.secret_edit if self.user_edit.text() else self.user_edit).setFocus()

    def set_method(self, method: str) -> None:
        self.method = method
        self.pin_button.setChecked(method == PIN)
        self.password_button.setChecked(method == PASSWORD)
        for button, value in ((self.pin_button, PIN), (self.password_button, PASSWORD)):
            button.setProperty("chosen", method == value)
            restyle(button)
        self.secret_label.setText("PIN:" if method == PIN else "Password:")
        self.secret_edit.setPlaceholderText("4 to 8 digits" if method == PIN else "password")
        self.pin_pad.setVisible(method == PIN)
        self.secret_edit.clear()
        self.secret_edit.setFocus()

    def _drawn(self) -> None:
        if not self.pad.is_empty() and self.message_kind == "error":
            self.hush()

    def credential(self) -> Credential:
        return Credential(
            self.user_edit.text().strip(), self.secret_edit.text(), self.method, self.pad.to_png()
        )

    def sign(self) -> None:
        username = self.user_edit.text().strip()
        if not username:
            self.say("Type the signer's user name.", "error")
            self.user_edit.setFocus()
            return
        store, check = self.store, self.check_signer

        def look_up(_progress: object) -> tuple[dc.Signer, str | None]:
            person = dc.signer(store, username)
            return person, check(person)

        found = self.ops.value(self, "Signer", look_up, refused=self._no_such_signer, changes=False)
        if found is None:
            return
        person, refusal = found
        if refusal:
            self.secret_edit.clear()  # whoever signs instead types their own
            self.say(refusal, "error")
            self.user_edit.setFocus()
            return
        if not self.secret_edit.text():
            what = "PIN" if self.method == PIN else "password"
            self.say(f"Type the {what} of {person.full_name}.", "error")
            self.secret_edit.setFocus()
            return
        if self.pad.is_empty() and not self._drawing_waived:
            # Drawing is expected; someone without a pointer (keyboard alone) confirms by
            # pressing Sign again, and the PIN or password alone signs.
            self._drawing_waived = True
            self.say(
                "Draw your signature in the box with a finger, a stylus or the mouse. "
                "Without one, press Sign again: the secret alone signs.",
                "error",
            )
            return
        self.hush()
        self.person = person
        self.signed.emit(self.credential())

    def _no_such_signer(self, error: CustodyError) -> None:
        self.say(str(error), "error")
        self.user_edit.setFocus()

    def rejected(self, text: str) -> None:
        """The service refused this signer's secret: clear it and say why."""
        self.secret_edit.clear()
        self.say(text, "error")
        self.secret_edit.setFocus()


# ---------------------------------------------------------------------- the result


class DoneScreen(Screen):
    """What was recorded; discrepancies in red. Enter returns to the packages."""

    def __init__(self, title: str, lines: list[str], problems: list[str]) -> None:
        super().__init__("doneScreen", title, back="", primary="Back to my packages")
        self.title_label.setStyleSheet("color: #0d652d;")
        for line in lines:
            label = QLabel(line)
            label.setWordWrap(True)
            self.body.addWidget(label)
        for problem in problems:
            label = QLabel(problem)
            label.setObjectName("doneProblem")
            label.setWordWrap(True)
            label.setStyleSheet(
                f"color: {RED}; background: #fce8e6; border: 3px solid {RED}; "
                "border-radius: 8px; padding: 10px; font-weight: bold;"
            )
            self.body.addWidget(label)
        self.body.addStretch(1)
