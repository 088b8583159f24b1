"""The layout holds: layers without import cycles, extractors on the public API only, small modules,
and the jobs that must live in one place (results file names) living there."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

EVAL = ROOT / "eval"
EXTRACTORS = ROOT / "extractors"
MAX_LINES = 600
EXTRACTOR_PACKAGES = ("rules", "spacy_pipeline", "llm")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(folder: Path) -> dict[str, Path]:
    return {module_name(p): p for p in sorted(folder.rglob("*.py"))}


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imported(path: Path, known: set[str]) -> set[str]:
    """The modules of ``known`` that ``path`` imports at run time (lazy imports included, type-checking ones not)."""
    found: set[str] = set()
    skip: set[int] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if _type_checking_only(node):
            skip.update(id(n) for n in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


def import_graph(folder: Path) -> dict[str, set[str]]:
    mods = modules(folder)
    known = set(mods) | set(modules(EVAL)) | set(modules(EXTRACTORS))
    return {name: imported(path, known) - {name} for name, path in mods.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in graph:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _package_modules(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    # A package's __init__ that re-exports its modules is not a cycle with them.
    return {m: {d for d in deps if not m.startswith(d + ".")} for m, deps in graph.items()}


def test_eval_has_few_top_level_modules_and_several_subpackages() -> None:
    top = sorted(p.name for p in EVAL.glob("*.py"))
    subpackages = sorted(p.name for p in EVAL.iterdir() if (p / "__init__.py").exists())
    assert (len(top) <= 10, len(subpackages) >= 4) == (True, True), (top, subpackages)


@pytest.mark.parametrize("folder", [EVAL, EXTRACTORS], ids=["eval", "extractors"])
def test_no_import_cycle(folder: Path) -> None:
    assert cycles(_package_modules(import_graph(folder))) == []


@pytest.mark.parametrize("folder", [EVAL, EXTRACTORS], ids=["eval", "extractors"])
def test_no_module_over_the_line_limit(folder: Path) -> None:
    sizes = {name: len(p.read_text(encoding="utf-8").splitlines()) for name, p in modules(folder).items()}
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


def test_extractors_import_only_the_public_api_of_eval() -> None:
    uses = {m: sorted(d for d in deps if d.startswith("eval")) for m, deps in import_graph(EXTRACTORS).items()}
    assert {m: deps for m, deps in uses.items() if set(deps) - {"eval", "eval.api"}} == {}


def test_no_extractor_imports_another() -> None:
    def owner(module: str) -> str | None:
        parts = module.split(".")
        return parts[1] if len(parts) > 1 and parts[1] in EXTRACTOR_PACKAGES else None

    crossing = {
        m: sorted(d for d in deps if owner(d) not in (None, owner(m)))
        for m, deps in import_graph(EXTRACTORS).items()
    }
    assert {m: deps for m, deps in crossing.items() if deps} == {}


def _non_doc_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


@pytest.mark.parametrize("name", [".errors.jsonl", ".predictions.jsonl", "not_run.json", "leaderboard.md", "report.html"])
def test_results_file_names_are_defined_in_paths_only(name: str) -> None:
    holders = sorted(m for m, p in modules(EVAL).items() if any(name in s for s in _non_doc_strings(p)))
    assert holders == ["eval.paths"]


#: The layers of eval/, lowest first: a module may import from its own layer and those before it.
LAYERS = (
    ("eval", "eval.exceptions", "eval.paths"),
    ("eval.data",),
    ("eval.registry", "eval.schema", "eval.api"),
    ("eval.gold",),
    ("eval.extraction",),
    ("eval.formats",),
    ("eval.scoring",),
    ("eval.reporting",),
    ("eval.hub",),
    ("eval.runner",),
    ("eval.cli", "eval.__main__"),
)


def layer(module: str) -> int:
    best = max((p for i, names in enumerate(LAYERS) for p in [(len(n), i) for n in names if module == n or module.startswith(n + ".")]))
    return best[1]


def test_layers_import_only_downwards() -> None:
    upward = {
        m: sorted(d for d in deps if d.startswith("eval") and layer(d) > layer(m))
        for m, deps in import_graph(EVAL).items()
    }
    assert {m: deps for m, deps in upward.items() if deps} == {}
