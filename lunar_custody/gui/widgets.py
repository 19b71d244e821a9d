"""Widgets every view uses: the scan field, the searchable list, small helpers."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import CustodyError, ValidationError
from ..domain.identity import check_password
from ..domain.listings import Listing
from ..domain.store import Store
from ..whole_files import write_whole
from .columns import RowTableView, fit_columns
from .locale_format import count_text
from .tablemodel import ListingModel
from .translation import Translator, translated

_widgets = Translator("_widgets")

SEARCH_DELAY_MS = 250
FIELD_PROBLEM_STYLE = "color: #b00020;"  # typed, and wrong
FIELD_HINT_STYLE = "color: #5f6368;"  # not typed in yet: what it needs


def problem_of(check: Callable[[], object]) -> str | None:
    """What the domain says is wrong (its ValidationError or other refusal, in its words)
    when ``check`` runs a parse or clean function on a field's text; None when it passes."""
    try:
        check()
    except CustodyError as error:
        said = error.args[0] if len(error.args) == 1 else None
        return said if isinstance(said, str) else str(error)  # a Said: translated when shown
    return None


class FieldChecks(QObject):
    """Validation at the field, as the person types.

    Each check asks the domain (``masses.parse_mass``, ``registry.clean_text``, a rule) and
    answers the problem in the domain's words, or None. The message shows under its field:
    grey while the field is untouched (what it needs), red once the person has typed there.
    A problem marked with ``noop`` (PASSWORDS_DIFFER) is shown in the window's language.
    The dialog's OK button is enabled only when every check passes; its tooltip names the
    first problem. The service checks everything again when OK runs.
    """

    def __init__(self, ok_button: QAbstractButton, ok_tip: str = "") -> None:
        super().__init__(ok_button)
        self.ok_button = ok_button
        self.ok_tip = ok_tip or ok_button.toolTip()
        self._checks: list[tuple[Callable[[], str | None], QLabel]] = []
        self._touched: set[QLabel] = set()

    def watch(
        self,
        field: QWidget,
        check: Callable[[], str | None],
        form: QFormLayout | None,
        *,
        row_of: QWidget | None = None,
    ) -> QLabel:
        """Check ``field`` as it changes, its message in a row of ``form`` just below the
        field's own (or below ``row_of``, when the field sits inside a row of several); the
        caller places the message returned when ``form`` is None (a field in a table)."""
        message = QLabel()
        message.setObjectName(f"{field.objectName() or 'field'}Message")
        message.setWordWrap(True)
        message.hide()
        if form is not None:
            # (row, role); PySide6's stubs type it as a plain object
            row, _role = cast(tuple[int, object], form.getWidgetPosition(row_of or field))
            form.insertRow(row + 1 if row >= 0 else form.rowCount(), "", message)
        self._checks.append((check, message))

        def touched(*_changed: object) -> None:
            self.touch(message)

        if isinstance(field, QLineEdit):
            field.textEdited.connect(touched)
            field.textChanged.connect(lambda _text: self.update())
        elif isinstance(field, QPlainTextEdit):
            field.textChanged.connect(touched)
        elif isinstance(field, QComboBox):
            field.activated.connect(touched)
            field.currentIndexChanged.connect(lambda _index: self.update())
        elif isinstance(field, QDateEdit):
            field.dateChanged.connect(touched)
        self.update()
        return message

    def touch(self, message: QLabel) -> None:
        """The person changed the field of ``message``: its problem shows in red."""
        self._touched.add(message)
        self.update()

    def update(self) -> None:
        """Every field's message as its check answers now; OK only when all pass."""
        first: str | None = None
        for check, message in self._checks:
            found = check()
            problem = None if found is None else translated(found)
            first = first or problem
            message.setText(problem or "")
            message.setVisible(problem is not None)
            touched = message in self._touched
            message.setStyleSheet(FIELD_PROBLEM_STYLE if touched else FIELD_HINT_STYLE)
        self.ok_button.setEnabled(first is None)
        self.ok_button.setToolTip(first or self.ok_tip)


def text_problem(
    field: QLineEdit | QPlainTextEdit, check: Callable[[str], object]
) -> Callable[[], str | None]:
    """The problem a domain ``check`` (a clean function) finds in ``field``'s text now."""

    def problem() -> str | None:
        text = field.text() if isinstance(field, QLineEdit) else field.toPlainText()
        return problem_of(lambda: check(text))

    return problem


PASSWORDS_DIFFER = _widgets.noop("The two passwords differ; type them again.")


def watch_passwords(
    checks: FieldChecks, form: QFormLayout, password: QLineEdit, repeat: QLineEdit
) -> None:
    """A new password as identity.check_password takes it, and typed the same twice."""
    checks.watch(password, lambda: problem_of(lambda: check_password(password.text())), form)

    def repeated() -> str | None:
        if repeat.text() == password.text():
            return None
        return PASSWORDS_DIFFER if repeat.text() else _widgets.tr("Type the password again.")

    checks.watch(repeat, repeated, form)
    password.textChanged.connect(lambda _text: checks.update())


class ScanField(QLineEdit):
    """Where a keyboard-wedge scanner types: the code, then Enter, emits ``scanned``.

    Typing by hand and pressing Enter does the same, so the field works without a scanner.
    The field clears itself after each code, ready for the next one.
    """

    scanned = Signal(str)

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanField")
        self.setPlaceholderText(placeholder or _widgets.tr("Scan or type a number, then Enter"))
        self.setClearButtonEnabled(True)
        self.returnPressed.connect(self._emit)

    def _emit(self) -> None:
        code = self.text().strip()
        self.clear()
        if code:
            self.scanned.emit(code)


class SearchField(QLineEdit):
    """A search box that waits until typing pauses, so every keystroke is not a query."""

    search = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchField")
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(lambda: self.search.emit(self.text()))
        self.textChanged.connect(lambda _: self._timer.start())
        self.returnPressed.connect(self.flush)

    def flush(self) -> None:
        """Search now (Enter, or a test that does not want to wait)."""
        self._timer.stop()
        self.search.emit(self.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            self.flush()
            return
        super().keyPressEvent(event)


class ListPane(QWidget):
    """A search box, optional filter choices, a lazily filled sortable table and a count.

    The columns are sized by a ``ColumnFitter``; the sort column, and the widths once the
    person drags a column, are remembered per listing in QSettings.
    """

    currentChanged = Signal(int)  # the selected row, -1 for none
    activated = Signal(int)  # double click or Enter on a row

    def __init__(
        self,
        store: Store,
        listing: Listing,
        *,
        search_hint: str,
        hidden: tuple[str, ...] = ("id",),
        filters: Mapping[str, list[tuple[str, Any]]] | None = None,
        fixed_filters: Mapping[str, Any] | None = None,
        noun: str = "rows",
        parent: QWidget | None = None,
        model_type: type[ListingModel] = ListingModel,  # one that shows its rows otherwise
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{listing.name}List")
        self.noun = noun
        self.model = model_type(store, listing, hidden=hidden)
        self.search_field = SearchField(search_hint)
        self.search_field.search.connect(self.model.set_search)
        self.fixed_filters = dict(fixed_filters or {})
        self.filter_boxes: dict[str, QComboBox] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.search_field, 1)
        for name, choices in (filters or {}).items():
            box = QComboBox()
            box.setObjectName(f"{name}Filter")
            for label, value in choices:
                box.addItem(label, value)
            box.currentIndexChanged.connect(lambda _=0: self.apply_filters())
            self.filter_boxes[name] = box
            bar.addWidget(box)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        bar.addWidget(self.count_label)

        self.table = RowTableView()
        self.table.setObjectName(f"{listing.name}Table")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(*self.model.default_sort_indicator())
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        self.columns = fit_columns(self.table)
        self.table.doubleClicked.connect(lambda index: self.activated.emit(index.row()))
        self.model.totalChanged.connect(self._show_count)
        self.model.modelReset.connect(lambda: self.currentChanged.emit(-1))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._restore_header()
        header.sectionResized.connect(lambda *_: self._save_header(only_hand_sized=True))
        header.sortIndicatorChanged.connect(lambda *_: self._save_header())
        self.apply_filters()
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.currentChanged.emit(current.row())
        )

    # ------------------------------------------------------------------ state

    def apply_filters(self) -> None:
        chosen = {name: box.currentData() for name, box in self.filter_boxes.items()}
        self.model.set_filters({**self.fixed_filters, **chosen})

    def refresh(self) -> None:
        """Read again from the database, keeping the selected record selected."""
        key = self.current_value(self._key())
        self.model.refresh()
        if key is not None:
            self.select_value(self._key(), key)

    def _key(self) -> str:
        keys = self.model.listing.keys
        return "number" if "number" in keys else keys[0]

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def current_value(self, key: str) -> Any:
        row = self.current_row()
        return None if row < 0 else self.model.value(row, key)

    def select_value(self, key: str, value: Any) -> bool:
        """Select the row whose ``key`` is ``value`` (fetching further pages if needed)."""
        while True:
            row = self.model.find(key, value)
            if row is not None:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return True
            if not self.model.canFetchMore():
                return False
            self.model.fetchMore()

    def _show_count(self, total: int) -> None:
        noun = self.noun
        if total == 1:  # the English singular; a translated noun has no plural ending
            noun = noun[:-3] + "y" if noun.endswith("ies") else noun.removesuffix("s")
        self.count_label.setText(list_count(total, noun))

    def _settings_key(self) -> str:
        # "columns", not the former "header": a header saved before the fitter kept the
        # widths that clipped the key column
        return f"lists/{self.model.listing.name}/columns"

    def _save_header(self, *, only_hand_sized: bool = False) -> None:
        """Remember the sort, and the widths once the person has dragged a column (a width
        the fitter chose is chosen again next time, for the rows and the window then)."""
        if only_hand_sized and not self.columns.hand_sized:
            return
        header = self.table.horizontalHeader()
        state: dict[str, int | list[int]] = {
            "sort": header.sortIndicatorSection(),
            "order": header.sortIndicatorOrder().value,
        }
        if self.columns.hand_sized:
            state["widths"] = [header.sectionSize(c) for c in range(header.count())]
        QSettings().setValue(self._settings_key(), json.dumps(state))

    def _restore_header(self) -> None:
        try:
            state = json.loads(str(QSettings().value(self._settings_key(), "{}")))
        except ValueError:
            return
        header = self.table.horizontalHeader()
        if isinstance(state.get("sort"), int) and state.get("order") in (0, 1):
            header.setSortIndicator(state["sort"], Qt.SortOrder(state["order"]))
        widths = state.get("widths")
        if isinstance(widths, list) and len(widths) == header.count():
            self.columns.hand_sized = True  # the person's widths, as they left them
            for column, width in enumerate(widths):
                header.resizeSection(column, int(width))


def list_count(total: int, noun: str) -> str:
    """A list's count with its noun, as the window's language puts them: "1,234 loans"."""
    return _widgets.tr("{count} {noun}", "a list's count").format(
        count=count_text(total), noun=noun
    )


# A photo travels inside the database with its discrepancy: keep it to a phone's picture.
MAX_PHOTO_BYTES = 10 * 1024 * 1024


def choose_photo_file(parent: QWidget) -> str:
    """The photo of a package the person picks, or "" if they cancel."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        _widgets.tr("Photo of the package"),
        "",
        _widgets.tr("Images (*.png *.jpg *.jpeg *.heic *.webp)"),
    )
    return path


def read_photo(path: str) -> bytes:
    """The photo's bytes; ValidationError, in plain words, when unreadable or too large."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise ValidationError(
                _widgets.tr("The photo is {size} MB; attach one of at most {most} MB.").format(
                    size=size // (1024 * 1024), most=MAX_PHOTO_BYTES // (1024 * 1024)
                )
            )
        return file.read_bytes()
    except OSError as error:
        raise ValidationError(
            _widgets.tr("Cannot read {file}: {reason}").format(
                file=file.name, reason=error.strerror or error
            )
        ) from error


def write_text_file(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` as UTF-8, whole or not at all (see ``write_bytes_file``)."""
    return write_bytes_file(path, text.encode("utf-8"))


def write_bytes_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` whole or not at all (a sibling file first); a write that
    fails is a ValidationError in plain words, not a crash."""
    try:
        write_whole(path, data)
    except OSError as error:
        raise ValidationError(
            _widgets.tr("Cannot write {file}: {reason}").format(
                file=path, reason=error.strerror or error
            )
        ) from error

    return path
