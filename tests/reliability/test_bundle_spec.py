"""What build_spec.py puts in the bundle, what a wheel ships, and the Linux desktop entry (the
bundle itself is built and smoke-tested by .ci/run: python build_spec.py)."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from lunar_custody import __version__
from lunar_custody.resources_path import RESOURCES_ENV, resource
from lunar_custody.selftest import SHIPPED

ROOT = Path(__file__).resolve().parents[2]


def _build_spec() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_spec", ROOT / "build_spec.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_spec", module)
    spec.loader.exec_module(module)
    return module


def test_name_and_version_come_from_pyproject() -> None:
    with (ROOT / "pyproject.toml").open("rb") as stream:
        meta = tomllib.load(stream)["project"]
    assert (
        _build_spec().project() == (meta["name"], meta["version"]) == ("lunar-custody", __version__)
    )


def test_the_bundle_carries_resources_and_migrations() -> None:
    build_spec = _build_spec()
    files = dict((target, source) for source, target in build_spec.data_files())
    assert files["resources"] == resource()
    migrations = files["lunar_custody/storage/migrations"]
    assert (migrations / "env.py").is_file()
    assert sorted(p.name for p in (migrations / "versions").glob("0*.py"))
    for needed in ("fonts/DejaVuSans.ttf", "icons/lunar-custody.svg", "templates/terms-v1.json"):
        assert (files["resources"] / needed).is_file(), needed


def test_unused_qt_is_left_out_and_the_program_is_lunar_custody(tmp_path: Path) -> None:
    build_spec = _build_spec()
    args = build_spec.pyinstaller_arguments("lunar-custody", tmp_path, tmp_path, tmp_path / "e.py")
    assert args[args.index("--name") + 1] == "lunar-custody"
    assert "--onedir" in args
    excluded = {args[i + 1] for i, a in enumerate(args) if a == "--exclude-module"}
    assert {"PySide6.QtWebEngineCore", "PySide6.QtQuick", "pytest"} <= excluded
    used = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtPdf"}
    assert not used & excluded


def test_the_desktop_entry_starts_the_program_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(resource("lunar-custody.desktop"), encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Name"] == "Lunar Custody"
    assert desktop["Exec"].split()[0] == "lunar-custody"
    assert resource("icons", f"{desktop['Icon']}.svg").is_file()
    assert desktop["Categories"].endswith(";")


@pytest.mark.slow
def test_a_wheel_ships_the_resources_and_passes_the_self_test(tmp_path: Path) -> None:
    """``pip wheel .`` carries resources/ as lunar_custody/resources, and the program
    installed from it (nothing of the checkout on the path) finds them and passes
    ``--self-test``. The dependencies come from this environment: only the wheel's own
    files are under test."""
    source, wheels = tmp_path / "source", tmp_path / "wheels"
    site, home = tmp_path / "site", tmp_path / "home"
    # A copy: setuptools builds in the source folder, and its build/ keeps deleted modules.
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("lunar_custody", "resources"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", str(source), "-w", str(wheels), "--no-deps"], check=True)
    (wheel,) = wheels.glob("lunar_custody-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for shipped in SHIPPED:
        assert f"lunar_custody/resources/{shipped}" in names, shipped
    assert "lunar_custody/storage/migrations/versions/0001_initial.py" in names
    subprocess.run([*pip, "install", "--no-deps", "--target", str(site), str(wheel)], check=True)
    home.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop(RESOURCES_ENV, None)
    done = subprocess.run(
        [sys.executable, "-m", "lunar_custody", "--self-test"],
        cwd=home,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"resources: {site / 'lunar_custody' / 'resources'}" in done.stdout


def test_the_bundle_compiles_the_translations_it_carries(tmp_path: Path) -> None:
    """build_spec.py compiles every language's .ts into one .qm that travels in resources/
    (the bundle has no lrelease to build it at run time): it loads and translates."""
    from PySide6.QtCore import QTranslator

    build_spec = _build_spec()
    english, chinese = build_spec.compile_translations(tmp_path)
    assert (english.name, chinese.name) == ("lunar_custody_en.qm", "lunar_custody_zh_CN.qm")
    files = dict((target, source) for source, target in build_spec.data_files())
    assert files["resources"] / "translations" == resource("translations")
    translator = QTranslator()
    assert translator.load(str(chinese))
    assert translator.translate("_main_window", "&File") == "文件(&F)"
    plurals = QTranslator()  # English carries only its plural forms
    assert plurals.load(str(english))
    counted = [plurals.translate("_samples_view", "{count} sample(s)", None, n) for n in (1, 2)]
    assert counted == ["{count} sample", "{count} samples"]
