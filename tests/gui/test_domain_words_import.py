"""The importer's row problems and the storage modules' refusals in the window's language:
English as a string (CLI, logs), Chinese where the window shows them under zh_CN (issue 16)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from lunar_custody.domain import importer
from lunar_custody.domain.errors import CustodyError, ImportRejected
from lunar_custody.gui import errors
from lunar_custody.gui.errors import error_text
from lunar_custody.storage import Database
from lunar_custody.storage.backup import backup_sqlite
from lunar_custody.storage.export_format import export_header
from lunar_custody.storage.location import check_workable_file
from lunar_custody.storage.restore import backup_kind
from tests.gui.conftest import Messages
from tests.worlds import World, actor


def _refusal(act: Callable[[], object]) -> CustodyError:
    with pytest.raises(CustodyError) as refused:
        act()
    return refused.value


@pytest.mark.usefixtures("chinese")
def test_importer_a_refused_import_is_said_in_chinese_row_by_row(
    qapp: QApplication, world: World, messages: Messages, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    rows = [f"CE5C0412,CE5C0412YJFM{n:05d},x" for n in range(2, 53)]  # 51 rows with "x"
    bad.write_text(
        "sample,aliquot,mass\nCE5C0412,CE5C0412YJFM00001,-3 mg\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    before = world.snapshot()

    refused = _refusal(lambda: importer.import_samples(world.db, actor(world.db, "zhang"), bad))

    assert isinstance(refused, ImportRejected)
    english = str(refused).splitlines()  # the command line's text, unchanged
    assert english[:3] == [
        "Import refused, nothing was stored: 52 rows have problems.",
        "  line 2: mass '-3 mg' is not a mass: it is negative",
        "  line 3: mass 'x' is not a mass",
    ]
    assert english[-1] == "  ... and 2 more"
    chinese = error_text(refused).splitlines()
    assert chinese[:3] == [
        "导入被拒绝，未保存任何内容：52 行有问题。",
        "  第 2 行：mass“-3 mg”不是有效的质量：它是负数",
        "  第 3 行：mass“x”不是有效的质量",
    ]
    assert chinese[-1] == "  …… 另有 2 行"
    assert len(chinese) == len(english) == 1 + 50 + 1

    errors.show_error(None, refused)
    assert messages.shown[-1] == ("errorDialog", "导入被拒绝", chinese[0])
    assert world.snapshot() == before


@pytest.mark.usefixtures("chinese")
def test_importer_a_bad_header_is_said_in_chinese(
    qapp: QApplication, world: World, tmp_path: Path
) -> None:
    doubled = tmp_path / "doubled.csv"
    doubled.write_text("sample,aliquot,mass,mass\n", encoding="utf-8")

    refused = _refusal(lambda: importer.import_samples(world.db, actor(world.db, "zhang"), doubled))

    assert str(refused).splitlines()[1] == "  line 1: the column mass appears twice"
    assert error_text(refused).splitlines() == [
        "导入被拒绝，未保存任何内容：1 行有问题。",
        "  第 1 行：列 mass 出现了两次",
    ]


def _not_a_backup(tmp_path: Path) -> CustodyError:
    text = tmp_path / "notes.txt"
    text.write_text("not a backup", encoding="utf-8")
    return _refusal(lambda: backup_kind(text))


def _copy_over_a_file(tmp_path: Path) -> CustodyError:
    taken = tmp_path / "taken.db"
    taken.write_bytes(b"")
    with Database.open(str(tmp_path / "records.db")) as db:
        return _refusal(lambda: backup_sqlite(db, taken))


def _missing_database(tmp_path: Path) -> CustodyError:
    return _refusal(lambda: Database.open(str(tmp_path / "absent.db"), create=False))


def _unsupported_database(tmp_path: Path) -> CustodyError:
    return _refusal(lambda: Database.open("mysql://someone@host/records"))


def _missing_folder(tmp_path: Path) -> CustodyError:
    return _refusal(lambda: check_workable_file(f"sqlite:///{tmp_path}/gone/records.db"))


def _not_an_export(tmp_path: Path) -> CustodyError:
    fake = tmp_path / "fake.lcexport"
    fake.write_bytes(b"\x1f\x8b not gzip at all")
    return _refusal(lambda: export_header(fake))


def _another_programs_tables(tmp_path: Path) -> CustodyError:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()
    return _refusal(lambda: Database.open(str(other), create=False))


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize(
    ("refusal", "english", "said_in_chinese"),
    [
        (
            _not_a_backup,
            "notes.txt is not a Lunar Custody backup (a SQLite copy, a pg_dump file or an export).",
            "notes.txt 不是 Lunar Custody 备份（SQLite 副本、pg_dump 文件或导出文件）。",
        ),
        (
            _copy_over_a_file,
            "taken.db: a file of that name exists already.",
            "taken.db：同名文件已存在。",
        ),
        (_missing_database, "absent.db.", "absent.db 处没有数据库。"),
        (
            _unsupported_database,
            "'mysql' (records@host) is not supported.",
            "不支持“mysql”（records@host）。",
        ),
        (_missing_folder, "/gone does not exist.", "/gone 不存在。"),
        (
            _not_an_export,
            "fake.lcexport is not a Lunar Custody export.",
            "fake.lcexport 不是 Lunar Custody 导出文件。",
        ),
        (
            _another_programs_tables,
            "other.db holds tables of another program; it is not a Lunar Custody database.",
            "other.db 中有其他程序的表；它不是 Lunar Custody 数据库。",
        ),
    ],
    ids=["restore", "backup", "engine", "database", "location", "export_format", "migrate"],
)
def test_storage_refusals_are_said_in_chinese(
    qapp: QApplication,
    tmp_path: Path,
    refusal: Callable[[Path], CustodyError],
    english: str,
    said_in_chinese: str,
) -> None:
    refused = refusal(tmp_path)

    assert english in str(refused)  # the command line's text, unchanged
    assert said_in_chinese in error_text(refused)  # with its values filled in
