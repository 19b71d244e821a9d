"""The workstation starts without the modules it needs only later: Alembic (a migration),
the PDF side (reportlab, QtPdf) and the courier screens; and it builds only the view it shows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from lunar_custody.storage import Database
from tests.worlds import PASSWORD, build_world, fast_secrets

ROOT = Path(__file__).resolve().parents[2]
# Imported when first used, never to open the main window.
LATER = (
    "alembic",
    "reportlab",
    "lunar_custody.documents.service",
    "lunar_custody.gui.pdf_preview",
    "lunar_custody.gui.courier",
)


def test_the_workstation_opens_without_what_it_needs_later(db: Database, tmp_path: Path) -> None:
    """A fresh process: open the database, build and show the main window signed in."""
    with fast_secrets():
        build_world(db)
    database_url = db.url
    script = f"""
import json, sys
from lunar_custody.domain import identity
from lunar_custody.gui.startup import application
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.main_window import MainWindow
from lunar_custody.storage.database import Database

app = application()
db = Database.open({database_url!r}, create=False)
window = MainWindow(AppContext(db, identity.authenticate(db, "zhang", {PASSWORD!r})))
window.show()
app.processEvents()
print(json.dumps({{"views": list(window.views), "loaded": sorted(
    name for name in {LATER!r} if name in sys.modules)}}))
window.close()
db.dispose()
"""
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # the window's settings stay here
    }
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"views": ["dashboard"], "loaded": []}
