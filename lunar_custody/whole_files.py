"""Files that appear whole or not at all: written under a temporary name, then renamed.

Every command that writes a file (a backup, an export, a demo database) writes it as
``.<name>.<pid>.partial`` in the target's own folder and only then gives it its name, in one
atomic step (``os.replace``, or ``os.link`` where an existing file must not be replaced). A
run killed part-way leaves at most that hidden partial file; the next write to the same
name removes partial files whose program is no longer running, so nothing blocks it.

This module is below every layer (the standard library only), so each layer may use it.
"""

from __future__ import annotations

import errno
import glob
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PARTIAL_SUFFIX = ".partial"

# Where a process cannot be asked whether it still runs, a partial file this old is debris.
_STALE_AFTER_S = 24 * 3600


def partial_path(path: Path) -> Path:
    """The temporary name this process writes ``path`` under, in the same folder."""
    return path.with_name(f".{path.name}.{os.getpid()}{PARTIAL_SUFFIX}")


def remove_stale_partials(path: Path) -> list[Path]:
    """Remove what killed writers of ``path`` left (their partial files, SQLite's
    ``-journal``/``-wal``/``-shm`` beside them); the files removed. A partial file of a
    program still running is left alone."""
    removed: list[Path] = []
    prefix = f".{path.name}."
    for leftover in path.parent.glob(glob.escape(prefix) + "*" + PARTIAL_SUFFIX + "*"):
        pid_text = leftover.name[len(prefix) :].partition(PARTIAL_SUFFIX)[0]
        if not pid_text.isdigit() or _writer_alive(int(pid_text), leftover):
            continue
        try:
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover)
            else:
                leftover.unlink()
        except FileNotFoundError:
            continue
        removed.append(leftover)
    return removed


def _writer_alive(pid: int, leftover: Path) -> bool:
    if pid == os.getpid():
        return False  # this process is about to write it afresh
    if os.name != "posix":  # os.kill(pid, 0) would end the process on Windows
        try:
            return time.time() - leftover.stat().st_mtime < _STALE_AFTER_S
        except FileNotFoundError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def publish(partial: Path, path: Path, *, overwrite: bool) -> None:
    """Give the finished ``partial`` the name ``path`` in one step.

    Without ``overwrite`` an existing ``path`` stays untouched (FileExistsError) — a hard
    link makes the name appear only if it is free, with no moment between check and rename.
    """
    if overwrite:
        os.replace(partial, path)
        return
    try:
        os.link(partial, path)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # A file system without hard links (FAT, some network shares): check, then rename.
        if path.exists():
            raise FileExistsError(errno.EEXIST, "File exists", str(path)) from error
        os.replace(partial, path)
        return
    partial.unlink()


def _remove_with_siblings(partial: Path) -> None:
    for leftover in (partial, *partial.parent.glob(glob.escape(partial.name) + "-*")):
        leftover.unlink(missing_ok=True)


@contextmanager
def writing_whole(path: Path, *, overwrite: bool) -> Iterator[Path]:
    """Yield the temporary path to write ``path``'s content to; when the block ends
    normally it becomes ``path`` (see ``publish``), otherwise it is removed.

    Without ``overwrite`` an existing ``path`` is refused before anything is written
    (FileExistsError). The folder is made if missing.
    """
    path = Path(os.path.abspath(Path(path).expanduser()))
    path.parent.mkdir(parents=True, exist_ok=True)
    if not overwrite and path.exists():
        raise FileExistsError(errno.EEXIST, "File exists", str(path))
    remove_stale_partials(path)
    partial = partial_path(path)
    _remove_with_siblings(partial)
    try:
        yield partial
        publish(partial, path, overwrite=overwrite)
    finally:
        _remove_with_siblings(partial)


@contextmanager
def building_folder(folder: Path) -> Iterator[Path]:
    """Yield a temporary folder to build ``folder``'s content in; when the block ends
    normally the content takes its place, otherwise it is removed.

    A new ``folder`` is built beside and renamed into place in one step. An existing empty
    one is kept (a shell may stand in it): the content is built in a hidden folder inside and
    moved out entry by entry at the end. A folder with anything else in it is refused
    (FileExistsError) before anything is written.
    """
    folder = Path(os.path.abspath(Path(folder).expanduser()))
    in_place = folder.is_dir()
    home = folder if in_place else folder.parent
    # what a killed run left, beside the folder or inside it, goes first
    remove_stale_partials(home / folder.name)
    if folder.exists() and (not in_place or any(folder.iterdir())):
        raise FileExistsError(errno.EEXIST, "Not a new or empty folder", str(folder))
    home.mkdir(parents=True, exist_ok=True)
    staging = home / partial_path(folder).name
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        yield staging
        if in_place:
            for entry in sorted(staging.iterdir()):
                os.rename(entry, folder / entry.name)
        else:
            os.rename(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_whole(path: Path, data: bytes, *, overwrite: bool = True, mode: int = 0o644) -> Path:
    """Write ``data`` to ``path`` whole or not at all; ``mode`` as for ``os.open``."""
    with writing_whole(path, overwrite=overwrite) as partial:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    return path
