"""Signing: the signature pad (drawn strokes) and the dialog that asks for the password.

The pad keeps vector strokes (no pressure), with Undo and Clear, and renders them to a PNG
that is stored with the signature and printed on custody forms. The dialog shows what is
being signed and what the signature means (21 CFR Part 11: printed name, date and time,
meaning), then returns a ``Credential`` for the service that checks and records it.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.identity import PASSWORD, PIN, SIGNATURE_MEANINGS, Credential
from .translation import Translator
from .vocabulary import word

_signature = Translator("_signature")

Stroke = list[QPointF]


class SignaturePad(QWidget):
    """Draw with a finger, a stylus or a mouse; strokes are kept as points in pad space."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, pen_width: float = 3.0) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self.pen_width = pen_width
        # Shown in grey while the pad is empty (e.g. "Sign here"); never part of the PNG.
        self.placeholder = ""
        self.setMinimumSize(360, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(_signature.tr("Sign here with the mouse, a stylus or a finger"))

    def sizeHint(self) -> QSize:
        return QSize(480, 180)

    def is_empty(self) -> bool:
        return not any(len(stroke) > 0 for stroke in self.strokes)

    def clear(self) -> None:
        self.strokes.clear()
        self._current = None
        self.update()
        self.changed.emit()

    def undo(self) -> None:
        if self.strokes:
            self.strokes.pop()
            self.update()
            self.changed.emit()

    # ------------------------------------------------------------------ input

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._current = [event.position()]
            self.strokes.append(self._current)
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._current is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._current.append(event.position())
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._current is not None and event.button() == Qt.MouseButton.LeftButton:
            self._current.append(event.position())
            self._current = None
            self.update()
            self.changed.emit()

    # ------------------------------------------------------------------ output

    def _path(self) -> QPainterPath:
        path = QPainterPath()
        for stroke in self.strokes:
            if not stroke:
                continue
            path.moveTo(stroke[0])
            if len(stroke) == 1:
                path.lineTo(stroke[0] + QPointF(0.5, 0.5))  # a dot
            for point in stroke[1:]:
                path.lineTo(point)
        return path

    def _paint_strokes(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor("#10205a"), self.pen_width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPath(self._path())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#9aa0a6"), 1, Qt.PenStyle.DashLine))
        baseline = self.height() * 0.75
        painter.drawLine(QPointF(16, baseline), QPointF(self.width() - 16, baseline))
        painter.drawText(QRectF(16, baseline + 4, 40, 24), "×")
        if self.placeholder and self.is_empty():
            painter.drawText(
                QRectF(0, 0, self.width(), baseline),
                Qt.AlignmentFlag.AlignCenter,
                self.placeholder,
            )
        painter.setPen(QPen(QColor("#5f6368"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        self._paint_strokes(painter)
        painter.end()

    def to_png(self) -> bytes | None:
        """The drawing cropped to its strokes on a transparent background, or None if empty."""
        if self.is_empty():
            return None
        margin = self.pen_width * 2
        bounds = self._path().boundingRect().adjusted(-margin, -margin, margin, margin)
        image = QImage(
            max(1, int(bounds.width())),
            max(1, int(bounds.height())),
            QImage.Format.Format_ARGB32,
        )
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.translate(-bounds.topLeft())
        self._paint_strokes(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # PySide6 takes the format as str at run time; its stubs ask for bytes.
        image.save(buffer, "PNG")  # type: ignore[call-overload]
        buffer.close()
        return bytes(data.data())


class SignaturePadBox(QWidget):
    """The pad with its Undo and Clear buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pad = SignaturePad(self)
        self.undo_button = QPushButton(_signature.tr("&Undo stroke"))
        self.clear_button = QPushButton(_signature.tr("C&lear"))
        self.undo_button.clicked.connect(self.pad.undo)
        self.clear_button.clicked.connect(self.pad.clear)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pad, 1)
        layout.addLayout(buttons)


class SignatureDialog(QDialog):
    """Shows what is signed and its meaning; asks for the signer's password (or PIN)."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        meaning: str,
        summary: str,
        username: str = "",
        fixed_user: bool = True,
        method: str = PASSWORD,
        allow_drawing: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signatureDialog")
        label = word("signature", SIGNATURE_MEANINGS.get(meaning, meaning))
        self.setWindowTitle(_signature.tr("Sign: {meaning}").format(meaning=label))
        self.method = method
        self.meaning = meaning

        heading = QLabel(
            _signature.tr("<b>Meaning of this signature:</b> {meaning}").format(meaning=label)
        )
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setObjectName("meaningLabel")
        self.summary = QPlainTextEdit(summary)
        self.summary.setObjectName("signedContent")
        self.summary.setReadOnly(True)
        self.summary.setMaximumHeight(160)

        self.user_edit = QLineEdit(username)
        self.user_edit.setObjectName("signerUser")
        self.user_edit.setReadOnly(fixed_user and bool(username))
        self.secret_edit = QLineEdit()
        self.secret_edit.setObjectName("signerSecret")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if method == PIN:
            self.secret_edit.setInputMask("")
            self.secret_edit.setPlaceholderText(_signature.tr("4 to 8 digits"))
        form = QFormLayout()
        form.addRow(_signature.tr("Signer (user name):"), self.user_edit)
        form.addRow(
            _signature.tr("PIN:") if method == PIN else _signature.tr("Password:"),
            self.secret_edit,
        )

        self.pad_box: SignaturePadBox | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(QLabel(_signature.tr("What you are signing:")))
        layout.addWidget(self.summary)
        layout.addLayout(form)
        if allow_drawing:
            self.pad_box = SignaturePadBox(self)
            layout.addWidget(QLabel(_signature.tr("Drawn signature (optional):")))
            layout.addWidget(self.pad_box, 1)
        notice = QLabel(
            _signature.tr(
                "Signing records your printed name, the date and time (UTC) and this meaning, "
                "bound to the content shown above."
            )
        )
        notice.setWordWrap(True)
        layout.addWidget(notice)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        sign = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        sign.setText(_signature.tr("&Sign"))

        sign.setObjectName("signButton")
        self.buttons.accepted.connect(self._accept_if_complete)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.secret_edit if self.user_edit.text() else self.user_edit).setFocus()

    def _accept_if_complete(self) -> None:
        if not self.user_edit.text().strip():
            self.user_edit.setFocus()
            return
        if not self.secret_edit.text():
            self.secret_edit.setFocus()
            return
        self.accept()

    def credential(self) -> Credential:
        drawing = self.pad_box.pad.to_png() if self.pad_box is not None else None
        return Credential(
            self.user_edit.text().strip(), self.secret_edit.text(), self.method, drawing
        )


def ask_signature(
    parent: QWidget | None,
    *,
    meaning: str,
    summary: str,
    username: str = "",
    fixed_user: bool = True,
    method: str = PASSWORD,
) -> Credential | None:
    """The signer's credential, or None if they cancelled."""
    dialog = SignatureDialog(
        parent,
        meaning=meaning,
        summary=summary,
        username=username,
        fixed_user=fixed_user,
        method=method,
    )
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.credential()
        return None
    finally:
        dialog.deleteLater()
