"""Courier sign-in: a name and a PIN, with digits large enough for a gloved finger."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout

from ...domain import identity
from ...domain.errors import CustodyError
from ...domain.identity import PIN
from ...domain.store import Store
from ..errors import error_text
from ..operations import Operations
from ..translation import Translator, translated
from .widgets import PinPad, Screen, big_field

_courier_signin = Translator("_courier_signin")

WRONG_NAME_OR_PIN = _courier_signin.noop("Wrong name or PIN. Check both and try again.")


class SignInScreen(Screen):
    """Name, then PIN, then Enter (or Sign in). Wrong PINs count towards the lockout the
    domain applies to every account; a non-courier is sent to the workstation."""

    signed_in = Signal(object)  # an Actor

    def __init__(self, ops: Operations, store: Store) -> None:
        super().__init__(
            "signInScreen",
            _courier_signin.tr("Courier sign-in"),
            _courier_signin.tr("Type or scan your user name, then your PIN."),
            primary=_courier_signin.tr("Sign in"),
            back=_courier_signin.tr("Close"),
        )
        self.ops = ops
        self.store = store
        fields = QGridLayout()
        fields.setHorizontalSpacing(16)
        fields.setVerticalSpacing(16)
        self.user_edit = big_field("courierUser", _courier_signin.tr("user name"))
        self.pin_edit = big_field("courierPin", _courier_signin.tr("4 to 8 digits"), secret=True)
        fields.addWidget(QLabel(_courier_signin.tr("Name:")), 0, 0)
        fields.addWidget(self.user_edit, 0, 1)
        fields.addWidget(QLabel(_courier_signin.tr("PIN:")), 1, 0)
        fields.addWidget(self.pin_edit, 1, 1)
        left = QVBoxLayout()
        left.addLayout(fields)
        left.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(48)
        row.addLayout(left, 1)
        self.pin_pad = PinPad(self.pin_edit)
        row.addWidget(self.pin_pad)
        self.body.addLayout(row, 1)
        self.user_edit.returnPressed.connect(self._name_entered)
        self.pin_edit.returnPressed.connect(self.sign_in)
        self.primary.clicked.connect(self.sign_in)

    def focus_first(self) -> None:
        (self.pin_edit if self.user_edit.text().strip() else self.user_edit).setFocus()

    def _name_entered(self) -> None:
        if self.user_edit.text().strip():
            self.pin_edit.setFocus()

    def sign_in(self) -> None:
        username = self.user_edit.text().strip()
        pin = self.pin_edit.text()
        if not username:
            self.say(_courier_signin.tr("Type your user name first."), "error")
            self.user_edit.setFocus()
            return
        if not pin:
            self.say(_courier_signin.tr("Type your PIN."), "error")
            self.pin_edit.setFocus()
            return
        store = self.store
        actor = self.ops.value(
            self,
            _courier_signin.tr("Sign in"),
            lambda _progress: identity.authenticate(store, username, pin, PIN),
            refused=self._refused,
            changes=False,
        )
        if actor is None:
            return
        if "courier" not in actor.roles:
            self.pin_edit.clear()
            self.say(
                _courier_signin.tr(
                    "Courier mode is for couriers. {name} works at the workstation."
                ).format(name=actor.full_name),
                "error",
            )
            return
        self.pin_edit.clear()
        self.hush()
        self.signed_in.emit(actor)

    def _refused(self, error: CustodyError) -> None:
        self.pin_edit.clear()
        self.pin_edit.setFocus()
        # compared in English (str): the domain's words, whatever the window's language
        wrong = str(error) == identity.WRONG_SIGN_IN
        self.say(translated(WRONG_NAME_OR_PIN) if wrong else error_text(error), "error")

    def reset(self) -> None:
        """Ready for the next person: empty fields, no message."""
        self.user_edit.clear()
        self.pin_edit.clear()
        self.hush()
