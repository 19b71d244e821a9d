"""The courier's screens for finding a package and ending a handoff: the packages, a
package, choosing the next courier, and the result. The other screens of a handoff are in
check.py (the manifest), delivery.py (seal and masses) and sign.py (a signature). Screens
only show and collect; window.py runs the handoffs through custody.py. What a screen reads (a
scanned code, a signer's name) goes through the window's operation runner, and a refusal is
said in red on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain import courier as dc
from ...domain import queries
from ...domain.permissions import Actor
from ...domain.store import Store
from ..locale_format import mass_text
from ..operations import Operations
from ..translation import Translator
from .widgets import BUTTON_HEIGHT, RED, BigScanField, Screen, big_button, big_table, state_item

_courier_screens = Translator("_courier_screens")


def aliquots_text(count: int) -> str:
    """'1 aliquot', '3 aliquots' (English keeps its singular: two sources, one plural)."""
    if count == 1:
        return _courier_screens.tr("%n aliquot", "", count)
    return _courier_screens.tr("%n aliquots", "", count)


def package_line(package: dc.CourierPackage) -> str:
    """'T2025-0001 · CNSA Lunar Sample Laboratory → Brown University'."""
    return f"{package.number} · {package.from_institution} → {package.to_institution}"


def package_facts(package: dc.CourierPackage) -> str:
    items = aliquots_text(len(package.items))
    mass = mass_text(package.total_mass_ug)
    if package.container:
        return _courier_screens.tr("{items}, {mass} · seal {seal} · container {container}").format(
            items=items, mass=mass, seal=package.seal_number, container=package.container
        )
    return _courier_screens.tr("{items}, {mass} · seal {seal}").format(
        items=items, mass=mass, seal=package.seal_number
    )


# ---------------------------------------------------------------------- the packages


class HomeScreen(Screen):
    """The courier's packages: to collect at a sender, and in hand to deliver or pass on."""

    package_chosen = Signal(object)  # a CourierPackage

    def __init__(self, ops: Operations, store: Store, me: Actor) -> None:
        super().__init__(
            "homeScreen",
            _courier_screens.tr("My packages"),
            _courier_screens.tr("Scan a package, seal or aliquot label, or tap a package."),
            back="",
        )
        self.ops = ops
        self.store = store
        self.me = me
        self.scan = BigScanField(
            _courier_screens.tr("Scan a label, or type a package number and press Enter")
        )
        self.scan.scanned.connect(self.open_code)
        self.body.addWidget(self.scan)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        self.collect_box, self.collect_title = self._column(
            _courier_screens.tr("To collect"), "collectList"
        )
        self.hand_box, self.hand_title = self._column(
            _courier_screens.tr("In hand — to deliver"), "inHandList"
        )
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
            _courier_screens.tr("My packages"),
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
                _courier_screens.tr("To collect ({count})"),
                _courier_screens.tr("Nothing to collect."),
            ),
            (
                self.hand_box,
                self.hand_title,
                packages.in_hand,
                _courier_screens.tr("In hand — to deliver ({count})"),
                _courier_screens.tr("Nothing in hand."),
            ),
        ):
            while box.count():
                old = box.takeAt(0)
                widget = old.widget() if old is not None else None
                if widget is not None:
                    widget.hide()  # gone now, not when the deletion comes round
                    widget.deleteLater()
            title.setText(label.format(count=len(rows)))
            for package in rows:
                where = (
                    _courier_screens.tr("at {institution}").format(
                        institution=package.from_institution
                    )
                    if package.stage == dc.COLLECT
                    else _courier_screens.tr("to {institution}").format(
                        institution=package.to_institution
                    )
                )
                button = big_button(
                    f"{package.number} · {aliquots_text(len(package.items))}\n{where}",
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
            _courier_screens.tr("Scan"),
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
            _courier_screens.tr("Package {number}").format(number=package.number),
            f"{package.from_institution} → {package.to_institution} · {package_facts(package)}",
            primary=_courier_screens.tr("Deliver to {receiver}").format(receiver=package.receiver),
            back=_courier_screens.tr("My packages"),
        )
        self.package = package
        table = big_table(
            [
                _courier_screens.tr("Aliquot"),
                _courier_screens.tr("Mass"),
                _courier_screens.tr("Container"),
            ],
            "packageItems",
        )
        for item in package.items:
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, state_item(item.number, ""))
            table.setItem(row, 1, state_item(mass_text(item.expected_mass_ug), ""))
            table.setItem(row, 2, state_item(item.container, ""))
        self.body.addWidget(table, 1)
        self.hand_button = big_button(
            _courier_screens.tr("Hand to another courier"), "handOverButton"
        )
        self.footer.insertWidget(2, self.hand_button)
        self.primary.clicked.connect(self.deliver)
        self.hand_button.clicked.connect(self.hand_over)


# ---------------------------------------------------------------------- the next courier


class CourierChoiceScreen(Screen):
    """Who takes the package next: tap their name, or scan their badge (user name)."""

    chosen = Signal(str)  # user name

    def __init__(
        self, ops: Operations, store: Store, me: Actor, couriers: list[queries.PersonChoice]
    ) -> None:
        super().__init__(
            "courierChoiceScreen",
            _courier_screens.tr("Hand to which courier?"),
            _courier_screens.tr("Tap the courier who takes the package, or scan their badge."),
        )
        self.ops = ops
        self.store = store
        self.me = me
        self.scan = BigScanField(
            _courier_screens.tr("Scan the courier's badge, or type their user name")
        )
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
            _courier_screens.tr("Next courier"),
            lambda _progress: dc.signer(store, username),
            refused=self.refused,
            changes=False,
        )
        if person is None:
            return
        if "courier" not in person.roles:
            self.say(
                _courier_screens.tr(
                    "{name} is not a courier: a package passes only to a courier."
                ).format(name=person.full_name),
                "error",
            )
            return
        if person.username == self.me.username:
            self.say(
                _courier_screens.tr("That is you: choose the courier who takes the package."),
                "error",
            )
            return
        self.hush()
        self.chosen.emit(person.username)


# ---------------------------------------------------------------------- the result


class DoneScreen(Screen):
    """What was recorded; discrepancies in red. Enter returns to the packages."""

    def __init__(self, title: str, lines: list[str], problems: list[str]) -> None:
        super().__init__(
            "doneScreen", title, back="", primary=_courier_screens.tr("Back to my packages")
        )
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
