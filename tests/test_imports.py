"""The modules of egov_repro import each other in one direction only: no import circle,
and no import of a package module hidden inside a function, except in the command line,
which defers its imports to start fast."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import NamedTuple

import egov_repro

PACKAGE_DIR = Path(egov_repro.__file__).parent
PACKAGE = "egov_repro"
# Only the command line may import package modules inside functions (to start fast).
DEFERRING = {"egov_repro.cli"}


class Edge(NamedTuple):
    source: str
    target: str
    line: int
    function: str | None  # the enclosing function, None at module level


def _modules(folder: Path, package: str) -> dict[str, Path]:
    """Every module of the package and its subpackages by dotted name (a subpackage's
    ``__init__.py`` under the subpackage's own name)."""
    found = {}
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(folder).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join((package, *parts))] = path
    return found


def _targets(node: ast.AST, source: str, package: str, modules) -> list[str]:
    """The package modules one import statement (or import_module("...") call) loads."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom):
        if node.level:  # relative: counted from the folder the importing module sits in
            is_folder = modules[source].name == "__init__.py"
            parts = source.split(".")[: None if is_folder else -1]
            parts = parts[: len(parts) - node.level + 1]
            base = ".".join([*parts, *([node.module] if node.module else [])])
        else:
            base = node.module or ""
        # `from egov_repro import x`: a submodule, or a name of the package itself
        subs = [f"{base}.{alias.name}" for alias in node.names]
        return [
            sub if sub in modules else base for sub in subs if sub in modules or base in modules
        ]
    elif isinstance(node, ast.Call):
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if called not in ("import_module", "__import__") or not node.args:
            return []
        arg = node.args[0]
        names = [arg.value] if isinstance(arg, ast.Constant) else []
    elif isinstance(node, ast.Constant) and source == package:
        # The package's lazy table of public names: "load_egdi": "egov_repro.data.datasets".
        names = [node.value] if node.value in modules else []
    else:
        return []
    return [n for n in names if isinstance(n, str) and (n == package or n in modules)]


def import_edges(folder: Path = PACKAGE_DIR, package: str = PACKAGE) -> list[Edge]:
    """Every import of a package module by a package module, with where it happens."""
    modules = _modules(folder, package)
    edges = []
    for source, path in sorted(modules.items()):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))

        def visit(node, function, source=source):
            for target in _targets(node, source, package, modules):
                if target != source:
                    edges.append(Edge(source, target, getattr(node, "lineno", 0), function))
            inner = function
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                inner = getattr(node, "name", "<lambda>")
            for child in ast.iter_child_nodes(node):
                visit(child, inner)

        visit(tree, None)
    return edges


def find_cycle(edges: list[Edge]) -> list[str] | None:
    """One import circle as [a, b, ..., a], or None."""
    graph: dict[str, list[str]] = {}
    for edge in edges:
        graph.setdefault(edge.source, []).append(edge.target)
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def walk(node):
        state[node] = 1
        path.append(node)
        for nxt in sorted(set(graph.get(node, []))):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := walk(nxt)):
                return cycle
        state[node] = 2
        path.pop()
        return None

    for start in sorted(graph):
        if start not in state and (cycle := walk(start)):
            return cycle
    return None


def depends_on(edges: list[Edge], module: str) -> set[str]:
    """Every package module that importing ``module`` may load, directly or not."""
    seen, todo = set(), [module]
    while todo:
        current = todo.pop()
        for edge in edges:
            if edge.source == current and edge.target not in seen:
                seen.add(edge.target)
                todo.append(edge.target)
    return seen


EDGES = import_edges()


def test_the_package_modules_import_each_other_without_a_circle():
    cycle = find_cycle(EDGES)
    assert cycle is None, "import circle: " + " -> ".join(cycle)


def test_only_the_command_line_imports_package_modules_inside_functions():
    hidden = [
        f"{e.source.replace('.', '/')}.py:{e.line} imports {e.target} inside {e.function}()"
        for e in EDGES
        if e.function is not None and e.source not in DEFERRING
    ]
    assert hidden == []


def test_name_to_code_mapping_needs_no_dataset_and_display_names_sit_above_the_datasets():
    data = {"egov_repro.data.datasets", "egov_repro.words.names", "egov_repro.data.maintain"}
    assert "egov_repro.data.paths" in depends_on(EDGES, "egov_repro.data.countries")
    assert not depends_on(EDGES, "egov_repro.data.countries") & data
    assert "egov_repro.data.datasets" in depends_on(EDGES, "egov_repro.words.names")
    reading = depends_on(EDGES, "egov_repro.data.datasets")
    assert not reading & {
        "egov_repro.words.names",
        "egov_repro.data.maintain",
        "egov_repro.data.atomic",
    }
    assert "egov_repro.data.datasets" not in depends_on(EDGES, "egov_repro.plots.plotting")


def test_the_graph_sees_every_form_of_import():
    """The checks above are only as good as the graph: it holds the imports we know of,
    in each form (from-import of a submodule, of a name, deferred, lazy by name)."""
    found = {(e.source, e.target, e.function is None) for e in EDGES}
    assert ("egov_repro.data.datasets", "egov_repro.data.countries", True) in found
    assert (
        "egov_repro.plots.figures",
        "egov_repro.plots.plotting",
        True,
    ) in found  # from egov_repro import
    assert ("egov_repro.cli", "egov_repro.data.maintain", False) in found  # deferred
    assert ("egov_repro.cli", "egov_repro.plots.figures", False) in found
    assert ("egov_repro", "egov_repro.data.datasets", True) in found  # __init__'s lazy names
    assert ("egov_repro.__main__", "egov_repro.cli", True) in found


def _write_package(root: Path, files: dict[str, str]) -> Path:
    folder = root / "pkg"
    folder.mkdir()
    for name, text in {"__init__": "", **files}.items():
        (folder / f"{name}.py").write_text(text, encoding="utf-8")
    return folder


def test_a_circle_through_a_deferred_import_is_found(tmp_path):
    """The shape this package had: countries imported datasets inside a function,
    datasets imported countries inside another."""
    folder = _write_package(
        tmp_path,
        {
            "paths": "import os\n",
            "countries": "from pkg import paths\n\n"
            "def display_names():\n    from pkg.datasets import load\n    return load()\n",
            "datasets": "def validate():\n    from pkg.countries import names_to_iso3\n",
            "sources": "def read():\n    from .countries import names_to_iso3\n",
        },
    )
    edges = import_edges(folder, "pkg")
    assert find_cycle(edges) == ["pkg.countries", "pkg.datasets", "pkg.countries"]
    hidden = sorted((e.source, e.line, e.function) for e in edges if e.function)
    assert hidden == [
        ("pkg.countries", 4, "display_names"),
        ("pkg.datasets", 2, "validate"),
        ("pkg.sources", 2, "read"),
    ]


def test_a_circle_through_the_packages_lazy_names_is_found(tmp_path):
    folder = _write_package(
        tmp_path,
        {
            "__init__": '_PUBLIC = {"load": "pkg.data"}\n',
            "data": "from pkg import helpers\n",
            "helpers": "from pkg import load\n",  # a name of the package, not a module
        },
    )
    assert find_cycle(import_edges(folder, "pkg")) == ["pkg", "pkg.data", "pkg.helpers", "pkg"]


def test_imports_within_and_between_subpackages_are_seen(tmp_path):
    folder = _write_package(tmp_path, {"top": "from pkg.stage import low\n"})
    (folder / "stage").mkdir()
    (folder / "stage" / "__init__.py").write_text("from . import low\n", encoding="utf-8")
    (folder / "stage" / "low.py").write_text("from .. import top\n", encoding="utf-8")
    (folder / "stage" / "high.py").write_text("from .low import x\n", encoding="utf-8")
    found = sorted((e.source, e.target) for e in import_edges(folder, "pkg"))
    assert found == [
        ("pkg.stage", "pkg.stage.low"),
        ("pkg.stage.high", "pkg.stage.low"),
        ("pkg.stage.low", "pkg.top"),
        ("pkg.top", "pkg.stage.low"),
    ]
