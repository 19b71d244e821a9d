"""The pieces every courier screen is built from: large type, large buttons, one message line.

Read at arm's length at a loading dock, touched with gloves: body text 20 pt, titles 28 pt,
buttons at least 72 px high, and colour never the only signal (every red line also says
what is wrong in words).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import CustodyError
from ..errors import error_text
from ..tables import read_only_table
from ..translation import Translator
from ..widgets import ScanField

_courier_widgets = Translator("_courier_widgets")

BODY_PT = 20
TITLE_PT = 28
BUTTON_HEIGHT = 72
FIELD_HEIGHT = 60
ROW_HEIGHT = 52

RED = "#b3261e"
RED_BG = "#fce8e6"
GREEN = "#0d652d"
GREEN_BG = "#e6f4ea"
AMBER_BG = "#fef7e0"
BLUE = "#0b57d0"

STYLE = f"""
QWidget {{ font-size: {BODY_PT}pt; }}
QWidget#courierWindow {{ background: #f8f9fa; }}
QLabel#screenTitle {{ font-size: {TITLE_PT}pt; font-weight: bold; color: #202124; }}
QLabel#screenHint {{ color: #3c4043; }}
QLabel#topBar {{ color: #3c4043; font-weight: bold; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; }}
QLabel#screenMessage {{ padding: 10px 16px; border-radius: 8px; font-weight: bold; }}
QLabel#screenMessage[kind="error"] {{
    background: {RED_BG}; color: {RED}; border: 3px solid {RED};
}}
QLabel#screenMessage[kind="ok"] {{
    background: {GREEN_BG}; color: {GREEN}; border: 3px solid {GREEN};
}}
QLabel#screenMessage[kind="info"] {{ background: {AMBER_BG}; color: #3c4043; }}
QPushButton {{
    min-height: {BUTTON_HEIGHT - 8}px; padding: 4px 28px; border-radius: 10px;
    border: 2px solid #5f6368; background: white; color: #202124;
}}
QPushButton:focus {{ border: 4px solid {BLUE}; }}
QPushButton[role="primary"] {{ background: {BLUE}; color: white; border-color: {BLUE}; }}
QPushButton[role="primary"]:focus {{ border: 4px solid #041e49; }}
QPushButton[role="danger"] {{ background: {RED_BG}; color: {RED}; border-color: {RED}; }}
QPushButton[chosen="true"] {{ background: #d3e3fd; border: 4px solid {BLUE}; }}
QPushButton[role="danger"][chosen="true"] {{ background: #f9dedc; border: 4px solid {RED}; }}
QPushButton:disabled {{ background: #e8eaed; color: #80868b; border-color: #bdc1c6; }}
QLineEdit {{
    min-height: {FIELD_HEIGHT - 12}px; padding: 4px 12px; border: 2px solid #5f6368;
    border-radius: 8px; background: white;
}}
QLineEdit:focus {{ border: 4px solid {BLUE}; }}
QTableWidget {{ background: white; gridline-color: #dadce0; }}
QHeaderView::section {{
    background: #e8eaed; padding: 6px; border: none; font-weight: bold;
}}
"""


def big_font(points: int = BODY_PT, *, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    font.setPointSize(points)
    font.setBold(bold)
    return font


def restyle(widget: QWidget) -> None:
    """Apply the style sheet again after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def big_button(text: str, name: str, *, role: str = "") -> QPushButton:
    """A button a gloved finger hits; Enter presses it when it has the focus."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setMinimumHeight(BUTTON_HEIGHT)
    button.setAutoDefault(True)
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    if role:
        button.setProperty("role", role)
    return button


def big_field(name: str, placeholder: str = "", *, secret: bool = False) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(FIELD_HEIGHT)
    if secret:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class BigScanField(ScanField):
    """The scan field, large; Enter on an empty field asks to go on (``proceed``).

    A scanner never sends an empty code, so a bare Enter is the person's "done, next"
    without taking the focus away from where the next code will be typed.
    """

    proceed = Signal()

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(placeholder, parent)
        self.setMinimumHeight(FIELD_HEIGHT + 8)
        self.setClearButtonEnabled(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.text().strip():
            event.accept()
            self.proceed.emit()
            return
        super().keyPressEvent(event)


class PinPad(QWidget):
    """Digits for a PIN typed with a finger; the keyboard works in the field as well."""

    def __init__(
        self, target: QLineEdit, parent: QWidget | None = None, *, columns: int = 3
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self.target = target
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        digits = ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
        keys = [*digits, "⌫", "0", "Clear"] if columns == 3 else [*digits, "0", "⌫", "Clear"]
        for position, key in enumerate(keys):
            shown = _courier_widgets.tr("Clear", "PIN pad key") if key == "Clear" else key
            button = QPushButton(shown)
            button.setObjectName(f"pinKey{'Back' if key == '⌫' else key}")
            button.setMinimumSize(96, BUTTON_HEIGHT - 8)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the field
            button.clicked.connect(lambda _=False, key=key: self.press(key))
            grid.addWidget(button, position // columns, position % columns)

    def press(self, key: str) -> None:
        if key == "⌫":
            self.target.backspace()
        elif key == "Clear":
            self.target.clear()
        else:
            self.target.insert(key)
        self.target.setFocus()


class Screen(QWidget):
    """One task: a title, what to do, the work, a message line and the buttons below.

    ``primary`` goes on (disabled, with the reason shown, while something is missing);
    ``back`` returns to the previous screen. Escape is Back.
    """

    def __init__(
        self,
        name: str,
        title: str,
        hint: str = "",
        *,
        primary: str = "",
        back: str | None = None,
    ) -> None:
        """``back`` is the Back button's text (None: "Back"; "": no Back button)."""
        super().__init__()
        if back is None:
            back = _courier_widgets.tr("Back")
        self.setObjectName(name)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("screenTitle")
        self.title_label.setWordWrap(True)
        self.hint_label = QLabel(hint)
        self.hint_label.setObjectName("screenHint")
        self.hint_label.setWordWrap(True)
        self.body = QVBoxLayout()
        self.body.setSpacing(12)
        self.message = QLabel()
        self.message.setObjectName("screenMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.back_button = big_button(f"‹  {back}", "backButton")
        self.primary = big_button(primary, "primaryButton", role="primary")
        self.footer = QHBoxLayout()
        self.footer.setSpacing(16)
        self.footer.addWidget(self.back_button)
        self.footer.addStretch(1)
        self.footer.addWidget(self.primary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.title_label)
        layout.addWidget(self.hint_label)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.message)
        layout.addLayout(self.footer)
        # Only once they are in the layout: a widget without a parent shown is a window of
        # its own, which flashes up and takes the activation from the courier window.
        self.hint_label.setVisible(bool(hint))
        self.back_button.setVisible(bool(back))
        self.primary.setVisible(bool(primary))

    def say(self, text: str, kind: str = "info") -> None:
        """Show ``text`` on the message line; "error" is red (and beeps), "ok" green."""
        self.message.setText(text)
        self.message.setProperty("kind", kind)
        self.message.setVisible(bool(text))
        restyle(self.message)
        if kind == "error" and text:
            QApplication.beep()  # someone at a loading dock may not be looking at the screen

    def hush(self) -> None:
        self.say("")

    def refused(self, error: CustodyError) -> None:
        """The domain's refusal, in its own words, in red (the runner's ``refused``)."""
        self.say(error_text(error), "error")

    @property
    def message_kind(self) -> str:
        return str(self.message.property("kind") or "")

    def focus_first(self) -> None:
        """Put the focus where this screen's first input goes (the scan field...)."""
        self.primary.setFocus()


def state_item(text: str, kind: str) -> QTableWidgetItem:
    """A table cell coloured by ``kind``: "error" red and bold, "ok" green, "" plain."""
    item = QTableWidgetItem(text)
    if kind == "error":
        item.setBackground(QColor(RED_BG))
        item.setForeground(QColor(RED))
        item.setFont(big_font(bold=True))
    elif kind == "ok":
        item.setBackground(QColor(GREEN_BG))
        item.setForeground(QColor(GREEN))
    return item


def big_table(columns: list[str], name: str) -> QTableWidget:
    """A read-only table with large rows that never takes the focus from the scan field."""
    table = read_only_table(name, columns)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setAlternatingRowColors(False)  # the rows' own colours say scanned or missing
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    return table
