"""Pieces the views' dialogs and toolbars share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import CustodyError
from .errors import show_error

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"


def set_allowed(action: QAction, reason: str | None, tip: str) -> None:
    """Enable ``action``, or disable it with the reason as its tooltip (buttons show it)."""
    action.setEnabled(reason is None)
    action.setToolTip(reason or tip)


def action_button(action: QAction, name: str) -> QToolButton:
    button = QToolButton()
    button.setObjectName(name)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button


class FormDialog(QDialog):
    """A form whose OK runs ``submit``; a refusal is shown inside and nothing typed is lost."""

    def __init__(self, parent: QWidget | None, title: str, name: str) -> None:
        super().__init__(parent)
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
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.error_label)
        self.body.addWidget(self.buttons)

    def submit(self) -> None:
        raise NotImplementedError

    def _submit(self) -> None:
        try:
            self.submit()
        except CustodyError as error:
            self.error_label.setText(str(error))
            return
        except Exception as error:  # a bug: the crash dialog, and the form stays open
            show_error(self, error)
            return
        self.accept()
