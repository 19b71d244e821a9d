"""No import cycle in the package, not even one hidden by an import inside a function.

import-linter (in .ci/run) keeps the layers pointing one way; within a layer a deferred
import could still close a loop (gui.app -> main_window -> courier.window -> gui.app did,
and storage.database -> migrate -> backup -> database). This reads every module's imports,
deferred ones included (only ``if TYPE_CHECKING:`` blocks are left out), and asks for an
order in which every module comes after what it imports.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "lunar_custody"


def modules() -> dict[str, tuple[Path, bool]]:
    """Dotted name -> (file, is a package's __init__)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


def imported(name: str, path: Path, is_package: bool, known: set[str]) -> set[str]:
    """The package's modules that ``name`` imports (and so runs), deferred ones included."""
    here = name.split(".") if is_package else name.split(".")[:-1]
    targets: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue  # for the type checker only: never runs
            if isinstance(child, ast.ImportFrom):
                base = here[: len(here) - child.level + 1] if child.level else []
                prefix = ".".join([*base, *([child.module] if child.module else [])])
                targets.update({prefix} | {f"{prefix}.{alias.name}" for alias in child.names})
            elif isinstance(child, ast.Import):
                targets.update(alias.name for alias in child.names)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    # Importing a.b.c runs a and a.b first; a package running its own __init__ is no loop.
    running = {
        ".".join(target.split(".")[:depth])
        for target in targets
        for depth in range(1, target.count(".") + 2)
    }
    return {m for m in running & known if m != name and not name.startswith(m + ".")}


def test_no_module_imports_itself_round_a_loop() -> None:
    found = modules()
    graph = {
        name: imported(name, path, is_package, set(found))
        for name, (path, is_package) in found.items()
    }
    assert len(graph) > 50  # the package was found
    try:
        TopologicalSorter(graph).prepare()
    except CycleError as error:
        raise AssertionError(f"import cycle: {' -> '.join(error.args[1])}") from None
