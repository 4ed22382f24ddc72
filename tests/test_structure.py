"""The code stays small and layered: no module in generator/ over 300 lines, no import cycle
between its modules (module-level imports; a function may import lazily), and imports point
down the stages only: ingest < organise < render < publish, with the shared modules (FLOOR)
below them all and the drivers (DRIVERS) above. Here every import counts, lazy ones too."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "generator"
MAX_LINES = 300
STAGES = ("ingest", "organise", "render", "publish")
# Shared by every stage: the data model, content/ and its settings, errors, the check report.
FLOOR = {"model", "errors", "config", "settings", "schemas", "yamlcheck", "report", "workers"}
# Run the stages; nothing below imports them.
DRIVERS = {"__main__", "cli", "pipeline", "explain", "add", "preview", "watch"}


def modules() -> dict[str, Path]:
    """Dotted name -> file, for every module of the package (a package is its __init__)."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def imports(path: Path, known: set[str], lazy: bool = False) -> set[str]:
    """The package's modules this file imports at module level (with `lazy`, anywhere)."""
    out = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree) if lazy else tree.body:
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names if alias.name in known}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "generator":
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                out.add(sub if sub in known else node.module)
    return out & known


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_module_is_over_300_lines():
    long = {
        name: n
        for name, path in modules().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, f"split these modules (lines): {long}"


def test_no_import_cycle_between_modules():
    mods = modules()
    graph = {name: imports(path, set(mods)) - {name} for name, path in mods.items()}
    # A package's __init__ importing its own submodules is how a package exposes them.
    for name in graph:
        graph[name] = {m for m in graph[name] if not m.startswith(name + ".")}
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph) or [])


def test_the_cycle_finder_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def rank(module: str) -> int:
    """0 the shared floor, 1-4 the stages in order, 5 the drivers; -1 a module in no layer."""
    parts = module.split(".")
    layer = parts[1] if len(parts) > 1 else "__init__"
    if layer in STAGES:
        return 1 + STAGES.index(layer)
    if layer in FLOOR or layer == "__init__":
        return 0
    return 5 if layer in DRIVERS else -1


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    return sorted(
        f"{name} imports {dep}" for name, deps in graph.items() for dep in deps if rank(dep) > rank(name)
    )


def test_every_module_is_in_a_layer():
    loose = sorted(name for name in modules() if rank(name) < 0)
    assert loose == [], f"put these in a stage folder, or name them in FLOOR or DRIVERS: {loose}"


def test_imports_point_down_the_stages():
    mods = modules()
    graph = {name: imports(path, set(mods), lazy=True) - {name} for name, path in mods.items()}
    assert upward_imports(graph) == []


def test_an_upward_import_is_found():
    assert upward_imports({"generator.render.pages": {"generator.publish.export"}}) == [
        "generator.render.pages imports generator.publish.export"
    ]
    assert upward_imports({"generator.publish.site": {"generator.render.pages", "generator.model"}}) == []
    assert upward_imports({"generator.config": {"generator.ingest.segment"}}) != []
    assert upward_imports({"generator.organise.classify": {"generator.explain"}}) != []
    assert upward_imports({"generator.cli": {"generator.pipeline"}}) == []
