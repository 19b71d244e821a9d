"""Exchange files on disk: where to read one from and write one to (the file dialogs, which
tests replace), and reading one within the format's size limit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QFileDialog, QWidget

from ...domain.errors import ValidationError
from ...exchange.format import MAX_FILE_BYTES, SUFFIX
from ..translation import Translator, translated

_exchange_files = Translator("_exchange_files")

# An exchange file's kind (exchange.format.KINDS), as the window names it.
FILE_KINDS = {
    "introduction": _exchange_files.noop("introduction"),
    "offer": _exchange_files.noop("offer"),
    "answer": _exchange_files.noop("answer"),
    "shipment": _exchange_files.noop("shipment"),
    "legs": _exchange_files.noop("legs"),
    "receipt": _exchange_files.noop("receipt"),
    "report": _exchange_files.noop("report"),
    "return": _exchange_files.noop("return"),
}


def kind_text(kind: str, *, capital: bool = False) -> str:
    """An exchange file's kind in the window's language (capitalised to begin a sentence)."""
    text = translated(FILE_KINDS.get(kind, kind))
    return text[:1].upper() + text[1:] if capital else text


def file_filter() -> str:
    return _exchange_files.tr("Lunar Custody exchange files (*{suffix});;All files (*)").format(
        suffix=SUFFIX
    )


def is_exchange_path(path: Path) -> bool:
    return path.suffix.lower() == SUFFIX


def dropped_exchange_file(urls: list[QUrl]) -> Path | None:
    """The first local exchange file among dropped ``urls`` (None: nothing to import)."""
    for url in urls:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if is_exchange_path(path):
                return path
    return None


def read_exchange_file(path: Path) -> bytes:
    """The bytes of the file at ``path``; a ValidationError in plain words when it cannot be
    read or is larger than any exchange file may be (checked before it is read)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ValidationError(
                _exchange_files.tr(
                    "{name} is {size} MB: larger than any exchange file ({limit} MB)."
                ).format(name=path.name, size=size // 2**20, limit=MAX_FILE_BYTES // 2**20)
            )
        return path.read_bytes()
    except OSError as error:
        raise ValidationError(
            _exchange_files.tr("Cannot read {name}: {reason}").format(
                name=path.name, reason=error.strerror or error
            )
        ) from error


def ask_open_path(parent: QWidget | None, title: str) -> Path | None:
    """The exchange file the person picks (None: cancelled)."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), file_filter())
    return Path(name) if name else None


def ask_save_path(parent: QWidget | None, title: str, filename: str) -> Path | None:
    """Where to write an exchange file, ``filename`` suggested (None: cancelled)."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / filename), file_filter())
    if not name:
        return None
    path = Path(name)
    return path if is_exchange_path(path) else path.with_name(path.name + SUFFIX)
