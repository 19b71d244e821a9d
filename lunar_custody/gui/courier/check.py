"""Checking a package against its manifest at a handoff: its aliquots and its seal."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel

from ...domain import courier as dc
from ...domain.store import Store
from ..locale_format import mass_text
from ..operations import Operations
from ..translation import Translator, translated
from .widgets import RED, BigScanField, Screen, big_button, big_field, big_table, state_item

_courier_check = Translator("_courier_check")


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
        where = _courier_check.tr("To {institution} · seal {seal}").format(
            institution=package.to_institution, seal=package.seal_number
        )
        hint = (
            _courier_check.tr(
                "Scan each aliquot, then the seal. Missing or unexpected items show in red."
            )
            if items_required
            else _courier_check.tr("The package travels sealed: check the seal number on it.")
        )
        super().__init__(
            "checkScreen",
            title,
            f"{where}{container}\n{hint}",
            primary=_courier_check.tr("Continue to signatures"),
        )
        self.ops = ops
        self.store = store
        self.check = dc.ManifestCheck(package, items_required=items_required)
        self.scan = BigScanField(_courier_check.tr("Scan or type an aliquot, then Enter"))
        self.scan.setObjectName("itemScan")
        self.scan.scanned.connect(self.scan_code)
        self.scan.proceed.connect(self.go_on)
        self.seal_edit = big_field("sealEdit", _courier_check.tr("seal no."))
        self.seal_edit.returnPressed.connect(self.seal_entered)
        self.seal_state = QLabel()
        self.seal_state.setObjectName("sealState")
        self.seal_state.setMinimumWidth(190)
        inputs = QHBoxLayout()
        inputs.setSpacing(12)
        inputs.addWidget(self.scan, 3)
        inputs.addSpacing(12)
        inputs.addWidget(QLabel(_courier_check.tr("Seal:")))
        inputs.addWidget(self.seal_edit, 1)
        inputs.addWidget(self.seal_state)
        self.body.addLayout(inputs)
        self.table = big_table(
            [
                "",
                _courier_check.tr("Aliquot"),
                _courier_check.tr("Mass"),
                _courier_check.tr("Container"),
                _courier_check.tr("Check"),
            ],
            "manifestTable",
        )
        self.body.addWidget(self.table, 1)
        self.aside_button = big_button(
            _courier_check.tr("Put unexpected items aside"), "asideButton", role="danger"
        )
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
            _courier_check.tr("Scan"),
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
                self.say(
                    _courier_check.tr("✓ {number} ticked off: {done} of {total}.").format(
                        number=number, done=done, total=total
                    ),
                    "ok",
                )
            else:
                self.say(
                    _courier_check.tr("✓ {number} ticked off: all {total} are here.").format(
                        number=number, total=total
                    ),
                    "ok",
                )
                if not self.check.seal_ok:
                    self.seal_edit.setFocus()
        elif outcome == dc.AGAIN:
            self.say(
                _courier_check.tr("{number} is ticked off already.").format(number=number), "info"
            )
        elif outcome == dc.UNEXPECTED:
            self.say(
                _courier_check.tr(
                    "{number} is not on this manifest. Put it aside: it must not travel in "
                    "this package."
                ).format(number=number),
                "error",
            )
        elif outcome == dc.THIS_PACKAGE:
            self.say(
                _courier_check.tr("That is this package's own label. Now scan each aliquot in it."),
                "info",
            )
        elif outcome == dc.OTHER_PACKAGE:
            self.say(
                _courier_check.tr(
                    "That label belongs to package {number}, not to this one."
                ).format(number=number),
                "error",
            )
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
            self.say(
                _courier_check.tr("✓ Seal {seal} matches the package.").format(
                    seal=self.package.seal_number
                ),
                "ok",
            )
        else:
            self.say(translated(self.check.seal_problem or ""), "error")  # the domain's words

    def set_aside(self) -> None:
        put = ", ".join(self.check.unexpected)
        self.check.set_aside()
        self.say(
            _courier_check.tr("Put aside: {numbers}. It stays here.").format(numbers=put), "info"
        )
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
                mark, state, kind = "✓", _courier_check.tr("scanned"), "ok"
            elif check.items_required:
                mark, state, kind = "✗", _courier_check.tr("MISSING — scan it"), "error"
            else:
                mark, state, kind = "", _courier_check.tr("sealed inside"), ""
            self.table.setItem(row, 0, state_item(mark, kind))
            self.table.setItem(row, 1, state_item(item.number, kind))
            self.table.setItem(row, 2, state_item(mass_text(item.expected_mass_ug), kind))
            self.table.setItem(row, 3, state_item(item.container, kind))
            self.table.setItem(row, 4, state_item(state, kind))
        for number in check.unexpected:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, state_item("!", "error"))
            self.table.setItem(row, 1, state_item(number, "error"))
            self.table.setItem(row, 2, state_item("", "error"))
            self.table.setItem(row, 3, state_item("", "error"))
            self.table.setItem(row, 4, state_item(_courier_check.tr("NOT ON MANIFEST"), "error"))
        if check.seal_seen is None:
            self.seal_state.setText(_courier_check.tr("not checked"))
            self.seal_state.setStyleSheet("")
        elif check.seal_ok:
            self.seal_state.setText(_courier_check.tr("✓ matches"))
            self.seal_state.setStyleSheet("color: #0d652d; font-weight: bold;")
        else:
            self.seal_state.setText(_courier_check.tr("✗ WRONG SEAL"))
            self.seal_state.setStyleSheet(f"color: {RED}; font-weight: bold;")
        total = len(self.package.items)
        self.table.setHorizontalHeaderItem(
            4,
            state_item(
                _courier_check.tr("Check ({done} of {total} scanned)").format(
                    done=len(check.ticked), total=total
                ),
                "",
            ),
        )
        self.aside_button.setVisible(bool(check.unexpected))
        problems = check.problems()
        self.primary.setEnabled(not problems)
        self.primary.setToolTip("\n".join(translated(problem) for problem in problems))

    def go_on(self) -> None:
        """Continue when the check is complete; otherwise say what is still wrong, in red."""
        problems = self.check.problems()
        if problems:
            self.say(" ".join(translated(problem) for problem in problems), "error")
            return
        self.confirmed()
