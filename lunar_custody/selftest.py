"""``lunar-custody --self-test``: does this installation work? (The bundle's smoke test.)

On a temporary database, with nothing of the user's touched (the database, its backup, the
institution key the demo makes and the window's remembered settings all live in a temporary
folder): the shipped resources are
there, the migrations build the schema, the demo data goes in, ``verify`` passes, a backup
copy verifies, every kind of PDF is written (fonts embedded, QR codes drawn) and
``verify-pdf`` recognises each, a demo user signs in (argon2), and the main window opens
and closes offscreen. Each step prints one line; the exit status is 0 only if every step
passed.
"""

from __future__ import annotations

import os
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import __version__
from .domain.wording import counted
from .resources_path import resource
from .storage import Database
from .trust.keyring import ENVIRONMENT as KEYRING

if TYPE_CHECKING:
    from .documents.service import GeneratedDocument

OFFSCREEN = "offscreen"
SHIPPED = (
    "icons/lunar-custody.svg",
    "fonts/DejaVuSans.ttf",
    "fonts/DroidSansFallbackFull.ttf",
    "templates/terms-v1.json",
)


class SelfTestFailed(Exception):
    """A step found something wrong; the message says what."""


def self_test(out: TextIO, err: TextIO) -> int:
    """Run every step; print one line each; 0 when all passed, 1 otherwise."""
    os.environ.setdefault("QT_QPA_PLATFORM", OFFSCREEN)  # a bundle on a server has no display
    started = time.monotonic()
    print(f"Lunar Custody {__version__} self-test", file=out)
    with tempfile.TemporaryDirectory(prefix="lunar-custody-self-test-") as scratch:
        # The demo's institution key (which signs the documents) goes with the demo database,
        # never into the user's keyring.
        keyring = os.environ.get(KEYRING)
        os.environ[KEYRING] = str(Path(scratch) / "keys")
        state = _State(Path(scratch))
        try:
            for name, step in state.steps():
                try:
                    detail = step()
                except Exception as error:
                    print(f"  FAILED  {name}: {error}", file=out)
                    traceback.print_exc(file=err)
                    return 1
                print(f"  ok      {name}{': ' + detail if detail else ''}", file=out)
        finally:
            state.close()
            if keyring is None:
                del os.environ[KEYRING]
            else:
                os.environ[KEYRING] = keyring
    print(f"self-test passed in {time.monotonic() - started:.1f} s", file=out)
    return 0


class _State:
    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self._db: Database | None = None
        self._agreement: GeneratedDocument | None = None

    def steps(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("resources", self.resources),
            ("database", self.database),
            ("PostgreSQL driver", self.postgresql_driver),
            ("demo data", self.demo),
            ("verify", self.verify),
            ("backup", self.backup),
            ("documents", self.documents),
            ("main window", self.window),
        ]

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()

    @property
    def db(self) -> Database:
        if self._db is None:
            raise SelfTestFailed("the database did not open")
        return self._db

    def resources(self) -> str:
        missing = [name for name in SHIPPED if not resource(*name.split("/")).is_file()]
        if missing:
            raise SelfTestFailed(f"missing from {resource()}: {', '.join(missing)}")
        return str(resource())

    def database(self) -> str:
        from .storage import current_revision

        self._db = Database.open(str(self.scratch / "self-test.db"))
        return f"SQLite, schema {current_revision(self._db.engine)}"

    def postgresql_driver(self) -> str:
        import psycopg

        return (
            f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}, libpq {psycopg.pq.version()})"
        )

    def demo(self) -> str:
        from .domain.demo import build_demo

        build_demo(self.db)
        return ""

    def verify(self) -> str:
        from .storage.integrity import verify_database

        report = verify_database(self.db, checkpoint=False)  # a scratch database
        if not report.ok:
            raise SelfTestFailed(report.summary())
        return f"{counted(report.events, 'custody event')}, {counted(report.aliquots, 'aliquot')}"

    def backup(self) -> str:
        from .storage.backup import backup_database
        from .storage.integrity import verify_database

        copy = backup_database(self.db, self.scratch / "self-test-backup.db")
        with Database.open(str(copy), create=False) as opened:
            report = verify_database(opened, checkpoint=False)
        if not report.ok:
            raise SelfTestFailed(f"the backup copy does not verify: {report.summary()}")
        return "the copy verifies"

    def documents(self) -> str:
        from sqlalchemy import select

        from .documents import service
        from .documents.verify import verify_file
        from .domain.models import Aliquot, Inventory, Loan, Transfer

        with self.db.read() as session:
            loan = session.scalars(select(Loan.number).order_by(Loan.id)).first()
            certified = session.scalars(
                select(Inventory.number).where(Inventory.status == "certified")
            ).first()
            transfer = session.scalars(select(Transfer.number).order_by(Transfer.id)).first()
            aliquots = list(session.scalars(select(Aliquot.number).order_by(Aliquot.id).limit(2)))
        if not (loan and transfer and aliquots and certified):
            raise SelfTestFailed(
                "the demo data has no loan, transfer, aliquot or certified inventory to print"
            )
        folder = self.scratch / "documents"
        folder.mkdir()
        written = [
            service.write_agreement(self.db, None, loan, folder / "agreement.pdf"),
            service.write_custody_form(
                self.db, None, folder / "custody-transfer.pdf", transfer=transfer
            ),
            service.write_custody_form(
                self.db, None, folder / "custody-aliquot.pdf", aliquot=aliquots[0]
            ),
            service.write_custody_form(
                self.db, None, folder / "custody-blank.pdf", transfer=transfer, blank=True
            ),
            service.write_manifest(self.db, None, transfer, folder / "manifest.pdf"),
            service.write_labels(self.db, None, aliquots, folder / "labels-roll.pdf"),
            service.write_labels(self.db, None, aliquots, folder / "labels-a4.pdf", layout="a4"),
            service.write_return_accounting(self.db, None, loan, folder / "return-accounting.pdf"),
            service.write_inventory_certificate(self.db, None, certified, folder / "inventory.pdf"),
        ]
        self._agreement = written[0]
        for document in written:
            check = verify_file(self.db, document.path)
            if not check.ok:
                raise SelfTestFailed(check.message())
        return f"{len(written)} PDFs, {sum(d.pages for d in written)} pages, each verifies"

    def window(self) -> str:
        from PySide6.QtCore import QSettings

        from .domain.demo import DEMO_PASSWORD, DEMO_USERS
        from .domain.identity import authenticate
        from .gui.context import AppContext
        from .gui.main_window import MainWindow
        from .gui.startup import application

        # The window remembers its layout on close: here, in the temporary folder.
        settings = str(self.scratch / "settings")
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, settings)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
        app = application()
        curator = next(u for u in DEMO_USERS if "curator" in u.roles)
        actor = authenticate(self.db, curator.username, DEMO_PASSWORD)
        window = MainWindow(AppContext(self.db, actor))
        window.show()
        app.processEvents()
        title = window.windowTitle()
        if not window.isVisible():
            raise SelfTestFailed("the main window did not show")
        if self._agreement is not None:  # the preview's QtPdf is in the bundle and reads ours
            from PySide6.QtPdf import QPdfDocument

            preview = QPdfDocument(window)
            preview.load(str(self._agreement.path))
            if preview.pageCount() != self._agreement.pages:
                raise SelfTestFailed(f"QtPdf read {preview.pageCount()} pages of the agreement")
        window.close()
        app.processEvents()
        return f"{app.platformName()}: {title}"
