"""Pieces the views' dialogs and toolbars share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import Cancelled, CustodyError
from ..domain.identity import Credential
from ..domain.registry import clean_reason
from .actions import allow
from .errors import error_text, show_error
from .operations import Operations, Work
from .signature import ask_signature
from .translation import Translator
from .widgets import FieldChecks, problem_of

_dialogs = Translator("_dialogs")

ERROR_STYLE = "color: #b00020;"
SCREEN_MARGIN = 48  # px: a window's frame and title bar, and a little screen around it
OK_STYLE = "color: #1b5e20;"


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """Size ``dialog`` to ``width`` x ``height``, or smaller to fit the screen it opens on
    (a 1366x768 laptop), so its buttons are never below the screen's edge.

    Every dialog sizes itself with this. Qt centres a dialog on its parent window when it is
    first shown (and keeps it on that screen), so no dialog moves itself.
    """
    available = (dialog.parentWidget() or dialog).screen().availableGeometry()
    dialog.resize(
        max(min(width, available.width() - SCREEN_MARGIN), 1),
        max(min(height, available.height() - SCREEN_MARGIN), 1),
    )


def set_allowed(action: QAction, reason: str | None, tip: str) -> None:
    """Enable ``action``, or disable it with the reason as its tooltip (buttons show it)."""
    allow(action, reason, tip)


def action_button(action: QAction, name: str) -> QToolButton:
    button = QToolButton()
    button.setObjectName(name)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button


class Withdrawn(Cancelled):
    """Raised by ``prepare`` when the person withdrew (closed the signature dialog) or has
    been shown already what is missing: the form stays as it is and nothing more is said."""


class FormDialog(QDialog):
    """The one dialog base: a form whose OK runs one operation; a refusal is shown beside
    the fields and nothing typed is lost.

    New dialogs implement ``prepare``: it reads the fields on the GUI thread (bad input
    raises a ``CustodyError``) and returns the work, one service call that the operation
    runner (``ops``) runs off the GUI thread; ``succeeded(result)`` then keeps what the view
    needs (by default in ``result_value``) and the dialog closes. Older dialogs still
    implement ``submit`` (fields and service call together, on the GUI thread) until they
    are moved to ``prepare``.
    """

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        name: str,
        *,
        ops: Operations | None = None,
        ok_text: str = "",
    ) -> None:
        super().__init__(parent)
        # Dialogs before the main window (first run, sign-in) have no context yet.
        self.ops = ops if ops is not None else Operations(self)
        self.result_value: Any = None
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        if ok_text:
            self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.error_label)
        self.body.addWidget(self.buttons)

    def prepare(self) -> Work[Any] | None:
        """The fields read into one service call to run off the GUI thread (None: the
        dialog still uses ``submit``)."""
        return None

    def succeeded(self, result: Any) -> None:
        """After the work succeeded, on the GUI thread: keep what the view needs."""
        self.result_value = result

    def submit(self) -> None:
        raise NotImplementedError

    def signature(self, **asked: Any) -> Credential:
        """The signature ``prepare`` needs (see ``ask_signature``); Withdrawn when the person
        closes the signature dialog instead."""
        credential = ask_signature(self, **asked)
        if credential is None:
            raise Withdrawn(_dialogs.tr("Not signed."))
        return credential

    def refuse(self, error: CustodyError) -> None:
        """A refusal in its own words, beside the fields (the window's own words, marked
        with ``noop`` like PASSWORDS_DIFFER, in its language)."""
        if not isinstance(error, Withdrawn):
            self.error_label.setText(error_text(error))

    def _submit(self) -> None:
        self.error_label.clear()
        try:
            work = self.prepare()
            if work is None:
                self.submit()
        except CustodyError as error:
            self.refuse(error)
            return
        except Exception as error:  # a bug: the crash dialog, and the form stays open
            show_error(self, error)
            return
        if work is None:
            self.accept()
            return
        title = self.windowTitle()
        if self.ops.run(self, title, work, done=self.succeeded, refused=self.refuse):
            self.accept()


class ReasonDialog(FormDialog):
    """The one reason dialog: what is about to happen, the reason, then ``work(reason)``.

    ``check`` is the service's own check of the reason (``registry.clean_reason`` unless the
    service has another): its problem shows under the field as the person types, and OK
    waits until there is none.
    """

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None,
        title: str,
        prompt: str,
        work: Callable[[str], Work[Any]],
        *,
        name: str = "reasonDialog",
        ok_text: str = "",
        keep_text: str = "",
        placeholder: str = "",
        check: Callable[[str], object] = clean_reason,
    ) -> None:
        super().__init__(parent, title, name, ops=ops, ok_text=ok_text)
        self.work = work
        self.check = check
        text = QLabel(prompt)
        text.setWordWrap(True)
        self.reason_edit = reason_edit(placeholder)
        if keep_text:  # the Cancel button says what it keeps ("Keep loan")
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(keep_text)
        self.form.addRow(text)
        self.form.addRow(_dialogs.tr("&Reason:"), self.reason_edit)

        self.checks = FieldChecks(self.ok_button)
        self.checks.watch(self.reason_edit, self._reason_problem, self.form)
        fit_to_screen(self, 460, 260)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _reason_problem(self) -> str | None:
        reason = self.reason()
        return problem_of(lambda: self.check(reason))

    def prepare(self) -> Work[Any]:
        return self.work(self.reason())


def reason_edit(placeholder: str = "") -> QPlainTextEdit:
    """The field a reason is typed in (Tab leaves it: a reason has no tabs)."""
    edit = QPlainTextEdit()
    edit.setObjectName("reasonEdit")
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    return edit
