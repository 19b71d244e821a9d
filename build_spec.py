"""Build the Lunar Custody desktop bundle with PyInstaller, then smoke-test it.

    python build_spec.py [--distpath DIR] [--workpath DIR] [--no-smoke-test]

Needs the ``bundle`` extra (``pip install -e '.[bundle]'``). Writes a one-folder bundle
``DIR/lunar-custody/`` (default DIR: dist/) whose executable ``lunar-custody`` runs without
Python or the virtualenv: resources/ (icons, fonts, templates, and the translations
compiled from their .ts sources with PySide6's lrelease), the Alembic migrations and the
package metadata (for ``--version``) travel inside it. Qt modules the program never
imports (QtWebEngine, QtQuick, Qt3D, multimedia...) are left out.

Then the bundle's ``--self-test`` runs with a bare environment (``PATH=/usr/bin:/bin``, a
scratch HOME, offscreen Qt): the build fails unless it exits 0. The bundle's size is
printed at the end.

A file only counts as a PyInstaller spec if it ends in ``.spec``, so this script drives
PyInstaller's command-line API itself; name and version come from pyproject.toml.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PACKAGE = "lunar_custody"
EXECUTABLE = "lunar-custody"
SMOKE_TEST_TIMEOUT_S = 300

# Qt modules PySide6 ships that the program never imports; PyInstaller would otherwise
# follow some of them through plugins, and QtWebEngine alone is some 200 MB.
UNUSED_QT = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtBluetooth",
    "QtCharts",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtHelp",
    "QtHttpServer",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNfc",
    "QtOpenGLWidgets",
    "QtPositioning",
    "QtQml",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
)
# Development tools that must never end up in the bundle.
UNUSED_PYTHON = ("tkinter", "pytest", "hypothesis", "pytestqt", "ruff", "pyinstrument", "IPython")
# Imported by name at run time (SQLAlchemy dialects, the libpq wheel), invisible to analysis.
HIDDEN_IMPORTS = (
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    "psycopg_binary",  # libpq itself: pyinstaller-hooks-contrib collects its libraries
    "logging.handlers",
)


def project() -> tuple[str, str]:
    """The project's name and version, from pyproject.toml."""
    with (ROOT / "pyproject.toml").open("rb") as stream:
        meta = tomllib.load(stream)["project"]
    return str(meta["name"]), str(meta["version"])


def data_files() -> list[tuple[Path, str]]:
    """What the bundle carries besides code: (source, folder inside the bundle)."""
    return [
        (ROOT / "resources", "resources"),  # icons, fonts, templates: resources_path.resource
        # alembic reads env.py, script.py.mako and versions/*.py as files
        (ROOT / PACKAGE / "storage" / "migrations", f"{PACKAGE}/storage/migrations"),
    ]


def compile_translations(out: Path) -> list[Path]:
    """One lunar_custody_<language>.qm per language folder of resources/translations, all
    its areas' .ts in it, into ``out`` (never committed: always built from the sources)."""
    from lunar_custody.gui.translation import qm_name, release_files

    built = []
    for folder in sorted(p for p in (ROOT / "resources" / "translations").iterdir() if p.is_dir()):
        sources = sorted(folder.glob("*.ts"))
        if sources:
            out.mkdir(parents=True, exist_ok=True)
            release_files(sources, out / qm_name(folder.name))
            built.append(out / qm_name(folder.name))
    return built


def pyinstaller_arguments(name: str, distpath: Path, workpath: Path, entry: Path) -> list[str]:
    args = [
        str(entry),
        "--name",
        EXECUTABLE,
        "--onedir",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(distpath),
        "--workpath",
        str(workpath),
        "--specpath",
        str(workpath),
        "--copy-metadata",
        name,
        # reportlab imports its barcode modules from strings it executes
        "--collect-submodules",
        "reportlab.graphics.barcode",
    ]
    for source, target in data_files():
        args += ["--add-data", f"{source}{os.pathsep}{target}"]
    for module in HIDDEN_IMPORTS:
        args += ["--hidden-import", module]
    for module in UNUSED_QT:
        args += ["--exclude-module", f"PySide6.{module}"]
    for module in UNUSED_PYTHON:
        args += ["--exclude-module", module]
    return args


def build(distpath: Path, workpath: Path) -> Path:
    """Run PyInstaller; the bundle's folder."""
    import PyInstaller.__main__

    name, version = project()
    workpath.mkdir(parents=True, exist_ok=True)
    # PyInstaller runs its entry point as a script, so it cannot be the package's
    # __main__.py with its relative import.
    entry = workpath / "lunar_custody_main.py"
    entry.write_text(
        f'"""Entry point of the {name} {version} bundle."""\n\n'
        "import sys\n\n"
        "from lunar_custody.cli import main\n\n"
        "sys.exit(main())\n"
    )
    print(f"building {name} {version} into {distpath / EXECUTABLE}", flush=True)
    # beside the .ts (ignored by git), so that resources/ carries them into the bundle
    for qm in compile_translations(ROOT / "resources" / "translations"):
        print(f"compiled {qm.relative_to(ROOT)}", flush=True)
    PyInstaller.__main__.run(pyinstaller_arguments(name, distpath, workpath, entry))
    return distpath / EXECUTABLE


def smoke_test(bundle: Path) -> int:
    """Run the bundle's --self-test as on a machine without Python; its exit status."""
    program = bundle / EXECUTABLE
    with tempfile.TemporaryDirectory(prefix="lunar-custody-smoke-") as home:
        env = {"PATH": "/usr/bin:/bin", "HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run(
            [str(program), "--self-test"],
            env=env,
            cwd=home,  # resources are found inside the bundle, never by working directory
            capture_output=True,
            text=True,
            timeout=SMOKE_TEST_TIMEOUT_S,
            check=False,
        )
    print(done.stdout, end="")
    if done.returncode != 0:
        print(done.stderr, end="", file=sys.stderr)
        print(f"the bundle's self-test failed (exit status {done.returncode})", file=sys.stderr)
    return done.returncode


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--distpath", type=Path, default=ROOT / "dist", help="default: dist/")
    parser.add_argument(
        "--workpath", type=Path, default=ROOT / "build" / "pyinstaller", help="build files"
    )
    parser.add_argument("--no-smoke-test", action="store_true", help="build only")
    args = parser.parse_args(argv)
    started = time.monotonic()
    bundle = build(args.distpath.resolve(), args.workpath.resolve())
    print(f"built {bundle} in {time.monotonic() - started:.0f} s: {size(bundle) / 2**20:.0f} MiB")
    if args.no_smoke_test:
        return 0
    return smoke_test(bundle)


if __name__ == "__main__":
    raise SystemExit(main())
