"""One person signs on the courier's screen: name, PIN or password, and a drawn signature."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from ...domain import courier as dc
from ...domain.errors import CustodyError
from ...domain.identity import PASSWORD, PIN, Credential
from ...domain.store import Store
from ..errors import error_text
from ..operations import Operations
from ..signature import SignaturePad
from ..translation import Translator
from .widgets import PinPad, Screen, big_button, big_field, restyle

_courier_sign = Translator("_courier_sign")


class SignScreen(Screen):
    """One person signs: their name, their PIN or password, and a drawn signature.

    ``check_signer`` refuses at once, in words, a name that cannot sign here (the domain's
    answer why not: a missing role, the wrong side, not an authorised receiver); it runs with the
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
            primary=_courier_sign.tr("Sign"),
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
        fields.addWidget(QLabel(_courier_sign.tr("Name:")), 0, 0)
        self.user_edit = big_field("signerUser", _courier_sign.tr("user name"))
        self.user_edit.setText(username)
        self.user_edit.setReadOnly(fixed_user)
        self.secret_edit: QLineEdit = big_field("signerSecret", secret=True)
        self.user_edit.returnPressed.connect(self.secret_edit.setFocus)
        fields.addWidget(self.user_edit, 0, 1)
        self.secret_label = QLabel()
        fields.addWidget(self.secret_label, 1, 0)
        self.secret_edit.returnPressed.connect(self.sign)
        fields.addWidget(self.secret_edit, 1, 1)
        self.pin_button = big_button(_courier_sign.tr("PIN"), "usePinButton")
        self.password_button = big_button(_courier_sign.tr("Password"), "usePasswordButton")
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
        self.pad.placeholder = _courier_sign.tr("Sign here")
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
        self.undo_button = big_button(_courier_sign.tr("Undo stroke"), "undoStrokeButton")
        self.clear_button = big_button(_courier_sign.tr("Clear signature"), "clearPadButton")
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
        self.secret_label.setText(
            _courier_sign.tr("PIN:") if method == PIN else _courier_sign.tr("Password:")
        )
        self.secret_edit.setPlaceholderText(
            _courier_sign.tr("4 to 8 digits") if method == PIN else _courier_sign.tr("password")
        )
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
            self.say(_courier_sign.tr("Type the signer's user name."), "error")
            self.user_edit.setFocus()
            return
        store, check = self.store, self.check_signer

        def look_up(_progress: object) -> tuple[dc.Signer, str | None]:
            person = dc.signer(store, username)
            return person, check(person)

        found = self.ops.value(
            self,
            _courier_sign.tr("Signer"),
            look_up,
            refused=self._no_such_signer,
            changes=False,
        )
        if found is None:
            return
        person, refusal = found
        if refusal:
            self.secret_edit.clear()  # whoever signs instead types their own
            self.say(refusal, "error")
            self.user_edit.setFocus()
            return
        if not self.secret_edit.text():
            ask = (
                _courier_sign.tr("Type the PIN of {name}.")
                if self.method == PIN
                else _courier_sign.tr("Type the password of {name}.")
            )
            self.say(ask.format(name=person.full_name), "error")
            self.secret_edit.setFocus()
            return
        if self.pad.is_empty() and not self._drawing_waived:
            # Drawing is expected; someone without a pointer (keyboard alone) confirms by
            # pressing Sign again, and the PIN or password alone signs.
            self._drawing_waived = True
            self.say(
                _courier_sign.tr(
                    "Draw your signature in the box with a finger, a stylus or the mouse. "
                    "Without one, press Sign again: the secret alone signs."
                ),
                "error",
            )
            return
        self.hush()
        self.person = person
        self.signed.emit(self.credential())

    def _no_such_signer(self, error: CustodyError) -> None:
        self.say(error_text(error), "error")
        self.user_edit.setFocus()

    def rejected(self, text: str) -> None:
        """The service refused this signer's secret: clear it and say why."""
        self.secret_edit.clear()
        self.say(text, "error")
        self.secret_edit.setFocus()
