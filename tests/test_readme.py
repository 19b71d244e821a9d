"""README.md's command blocks run as written, in order, on a fresh folder and a fresh user.

Every fenced ``sh`` / ``bash`` / ``shell`` block (and the ``$ `` lines of a ``console``
block) becomes one bash script, run with ``set -e`` in an empty temporary folder, as a new
user would type them: later blocks use the files, databases and shell variables of earlier
ones. No venv is active: the README's own ``source .venv/bin/activate`` puts this
checkout's ``lunar-custody`` (the venv the tests run in) on PATH. HOME and the XDG folders
are temporary, and windows open offscreen.

The few README lines that cannot run in a test are listed in NOT_AS_WRITTEN with the reason
and what runs instead; the test fails if one of them is no longer in the README, so a
changed set-up line is looked at again rather than silently skipped.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from lunar_custody.gui.display import XCB_PLUGIN_LIBRARIES
from lunar_custody.resources_path import RESOURCES_ENV

README = Path(__file__).resolve().parents[1] / "README.md"
CHECKOUT_RESOURCES = README.parent / "resources"
FENCE = re.compile(r"^(```+|~~~+)\s*([\w+-]*)")
SHELL_LANGUAGES = {"sh", "bash", "shell"}
CONSOLE_LANGUAGES = {"console", "shell-session"}
CONSOLE_PROMPT = "$ "
TIME_LIMIT_SECONDS = 600  # a hung command fails the test instead of the whole run

# README command lines the test does not run as written: the line, what runs instead
# (None: nothing), and why.
NOT_AS_WRITTEN: dict[str, tuple[str | None, str]] = {
    "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/lunar-custody demo "
    "--db demo.db --open": (
        ".venv/bin/lunar-custody demo --db demo.db --open",
        "the venv and the installation are the ones this test runs in (pip would download); "
        "the demo and its window run as written: .venv/bin/lunar-custody here opens the "
        "window offscreen and closes it once it is shown",
    ),
    "bash .ci/run": (
        None,
        "runs the whole suite this test belongs to, and installs system packages with apt-get",
    ),
    # the packages of the libraries the display check looks for, in its order
    "sudo apt-get install " + " ".join(XCB_PLUGIN_LIBRARIES.values()): (
        None,
        "installs system packages (as root, from the network)",
    ),
}

# The .venv/bin/lunar-custody of the first block: the real program, whose dialogs and
# windows are shown offscreen and closed (a test cannot sign in at a window and close it).
WINDOW_CLOSING_PROGRAM = """\
#!{python}
import sys

from PySide6.QtWidgets import QApplication, QDialog


def show_and_close(dialog):
    dialog.show()
    QApplication.processEvents()
    print(f"window shown: {{dialog.windowTitle()}}", file=sys.stderr)
    dialog.reject()
    return QDialog.DialogCode.Rejected.value


def show_and_quit(app):
    QApplication.processEvents()
    for window in QApplication.topLevelWidgets():
        if window.isVisible():
            print(f"window shown: {{window.windowTitle()}}", file=sys.stderr)
    return 0


QDialog.exec = show_and_close
QApplication.exec = show_and_quit

from lunar_custody.cli.main import main

sys.exit(main())
"""


@dataclass(frozen=True)
class CommandLine:
    number: int  # in README.md, from 1
    text: str


def readme_command_lines(text: str) -> list[CommandLine]:
    """The command lines of README's shell blocks, in order, with their line numbers."""
    found: list[CommandLine] = []
    fence: str | None = None
    language = ""
    for number, line in enumerate(text.splitlines(), start=1):
        match = FENCE.match(line)
        if fence is None:
            if match:
                fence, language = match.group(1), match.group(2).lower()
            continue
        if line.strip() == fence:
            fence = None
            continue
        if language in SHELL_LANGUAGES:
            found.append(CommandLine(number, line))
        elif language in CONSOLE_LANGUAGES and line.startswith(CONSOLE_PROMPT):
            found.append(CommandLine(number, line.removeprefix(CONSOLE_PROMPT)))
    assert fence is None, "README.md has a code block that is never closed"
    return found


def readme_script(text: str) -> str:
    """One bash script whose line N is README.md's line N where that line is a command (other
    lines are blank), so that bash's $LINENO in a failure message is the README's line."""
    lines = [""] * len(text.splitlines())
    for command in readme_command_lines(text):
        if command.text in NOT_AS_WRITTEN:
            instead, _why = NOT_AS_WRITTEN[command.text]
            lines[command.number - 1] = instead or ":"
        else:
            lines[command.number - 1] = command.text
    # README's first line is its title, never a command: the script's settings go there.
    assert not lines[0], "README.md starts with a command block"
    lines[0] = (
        "set -eE -o pipefail; "
        "trap 'echo \"README.md line $LINENO failed (exit $?): $BASH_COMMAND\" >&2' ERR"
    )
    return "\n".join(lines) + "\n"


def readme_verifications(text: str) -> int:
    """How many times README's commands run ``verify`` (each prints its OK line)."""
    return sum(
        len(re.findall(r"\bverify\b(?!-)", command.text.split("#")[0]))
        for command in readme_command_lines(text)
    )


def a_new_users_environment(home: Path) -> dict[str, str]:
    """This environment as a new user's: a fresh HOME and XDG folders, no LUNAR_CUSTODY_*
    settings, no venv active (README's own `source .venv/bin/activate` puts lunar-custody on
    PATH), windows offscreen."""
    venv_bin = str(Path(sys.prefix) / "bin")
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("LUNAR_CUSTODY_", "XDG_", "PYTEST_", "QT_", "VIRTUAL_ENV"))
        and name not in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHONHOME", "PYTHONPATH")
    }
    environment["HOME"] = str(home)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        environment[name] = str(home / name.lower())
    environment["XDG_RUNTIME_DIR"] = str(home / "runtime")
    (home / "runtime").mkdir(parents=True, mode=0o700)
    path = os.environ.get("PATH", os.defpath).split(os.pathsep)
    environment["PATH"] = os.pathsep.join(folder for folder in path if folder != venv_bin)
    environment["QT_QPA_PLATFORM"] = "offscreen"
    return environment


def a_fresh_clone(folder: Path) -> None:
    """The folder after README's set-up line: a .venv whose activate is this test's venv's,
    and whose lunar-custody closes the windows it opens."""
    assert sys.prefix != sys.base_prefix, "the tests run in a venv (.ci/run makes .venv)"
    venv_bin = Path(sys.prefix) / "bin"
    assert shutil.which("lunar-custody", path=str(venv_bin)), (
        f"{venv_bin} has no lunar-custody: install this checkout (pip install -e .)"
    )
    # The clone's own resources/: what README's commands write there (translations built
    # or updated) lands in this copy, never in the checkout the tests run from.
    shutil.copytree(CHECKOUT_RESOURCES, folder / "resources", ignore=shutil.ignore_patterns("*.qm"))
    bin_folder = folder / ".venv" / "bin"
    bin_folder.mkdir(parents=True)
    (bin_folder / "activate").symlink_to(venv_bin / "activate")
    program = bin_folder / "lunar-custody"
    program.write_text(WINDOW_CLOSING_PROGRAM.format(python=sys.executable), encoding="utf-8")
    program.chmod(0o755)


def test_every_line_the_test_does_not_run_as_written_is_in_the_readme() -> None:
    lines = {command.text for command in readme_command_lines(README.read_text("utf-8"))}
    for line, (_instead, why) in NOT_AS_WRITTEN.items():
        assert line in lines, f"README.md no longer holds {line!r} ({why}): update NOT_AS_WRITTEN"


def test_the_readme_has_command_blocks() -> None:
    commands = readme_command_lines(README.read_text("utf-8"))
    assert len(commands) > 50, "README.md's shell blocks were not found (a changed fence?)"
    assert any("lunar-custody" in command.text for command in commands)


@pytest.mark.slow
def test_every_readme_command_block_runs_as_written(tmp_path: Path) -> None:
    folder = tmp_path / "clone"
    a_fresh_clone(folder)
    environment = a_new_users_environment(tmp_path / "home")
    environment[RESOURCES_ENV] = str(folder / "resources")
    assert not shutil.which("lunar-custody", path=environment["PATH"]), "installed elsewhere too"
    checkout_before = files_of(CHECKOUT_RESOURCES)
    script = tmp_path / "readme.sh"
    script.write_text(readme_script(README.read_text("utf-8")), encoding="utf-8")

    done = subprocess.run(
        ["bash", str(script)],
        cwd=folder,
        env=environment,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT_SECONDS,
        check=False,
    )

    assert done.returncode == 0, textwrap.shorten(done.stdout, 4000) + "\n" + done.stderr[-6000:]
    # The first block's window was shown: the demo database asks who signs in.
    assert "window shown: Sign in — demo.db" in done.stderr, done.stderr[-3000:]
    # Every `verify` of the README found the books in order.
    verified = done.stdout.count("OK: hash chain intact")
    assert verified == readme_verifications(README.read_text("utf-8")), done.stdout[-3000:]
    assert files_of(CHECKOUT_RESOURCES) == checkout_before, "README wrote into the checkout"


def files_of(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file below ``folder`` with its size and modification time."""
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


def test_a_failing_readme_line_is_named_by_its_readme_line_number(tmp_path: Path) -> None:
    text = (
        "# Title\n\n```sh\nx=1\n```\n\nText.\n\n```bash\ntest $x = 1\nfalse  # here\necho no\n```\n"
    )
    script = tmp_path / "readme.sh"
    script.write_text(readme_script(text), encoding="utf-8")

    done = subprocess.run(["bash", str(script)], capture_output=True, text=True, check=False)

    assert done.returncode == 1
    assert "README.md line 11 failed (exit 1): false" in done.stderr
    assert "no" not in done.stdout


def test_console_blocks_run_their_prompt_lines_only() -> None:
    text = "# Title\n\n```console\n$ lunar-custody --version\nlunar-custody 0.1.0\n```\n"

    assert readme_command_lines(text) == [CommandLine(4, "lunar-custody --version")]
