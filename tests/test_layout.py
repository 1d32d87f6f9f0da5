"""The package is laid out as its pipeline, and its layers import one way (../shared/STYLE.md).

Imports are read with ``ast`` from the source, including those inside functions: a lazy import is
still a dependency.  A new top-level module or folder has to be given a layer below.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "spinlint"

# Lowest first.  A module may import its own unit and the layers before it; units that share a
# layer (sources, markup and text) are independent of each other.
LAYERS = (
    ("warmstart",),                  # the patterns spinlint compiles, handed to re's cache ahead (imports nothing)
    ("document", "resources"),       # the values every stage passes on; where shipped data lives
    ("sources", "markup", "text"),   # bytes -> Source; markup -> prose blocks; sentences, syllables, word lists
    ("model",),                      # the sentence classifier and the document model, at run time
    ("rules",),                      # rule files -> kinds -> the engine -> findings
    ("report",),                     # suppression, scores, fingerprints, baselines, the report values
    ("config",),                     # settings: which rules, their options, vocabulary changes
    ("lint",),                       # the pipeline for one document
    ("formats",),                    # text, json, sarif, github, html over the same report
    ("scan",),                       # many files: check's runner, scan's archive workers
    ("cli",),                        # the only place that prints or exits
    ("__main__",),                   # python -m spinlint
)
LAYER_OF = {unit: index for index, units in enumerate(LAYERS) for unit in units}
# The model package also holds its training and evaluation tools, which read corpora and run the
# linter itself; they may use any layer but the CLI.  The part a lint run loads is held to "model".


def _module_name(path: Path) -> str:
    parts = ("spinlint", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@lru_cache(maxsize=1)
def modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


@lru_cache(maxsize=None)
def imports_of(module: str) -> frozenset[str]:
    """The spinlint modules ``module`` imports (anywhere in its file), by absolute name."""
    path = modules()[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # "from . import markup" imports the module spinlint.markup; "from .x import name" imports x
            submodules = [f"{target}.{alias.name}" for alias in node.names
                          if f"{target}.{alias.name}" in modules()]
            found.update(submodules or [target])
    return frozenset(name for name in found if name in modules())


def unit_of(module: str) -> str | None:
    """The top-level module or folder of spinlint a module belongs to; None for the package itself."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def closure(module: str) -> set[str]:
    seen, todo = set(), [module]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(imports_of(name))
    return seen


def _model_tools() -> set[str]:
    """Modules of spinlint.model that no other stage reaches (the CLI's ``spinlint model`` commands aside)."""
    stages = [module for module in modules() if unit_of(module) not in (None, "model", "cli", "__main__")]
    run_time = set().union(*(closure(module) for module in stages))
    return {module for module in modules() if unit_of(module) == "model"} - run_time


def test_every_module_has_a_layer():
    units = {unit_of(module) for module in modules()} - {None}
    assert units <= set(LAYER_OF), f"give these a layer in tests/test_layout.py: {sorted(units - set(LAYER_OF))}"


def test_layers_import_one_way():
    model_tools = _model_tools()
    wrong = []
    for module in modules():
        unit = unit_of(module)
        if unit is None:  # spinlint/__init__.py: the Python API, importing what it serves inside functions
            continue
        model_tool = module in model_tools
        for imported in imports_of(module):
            other = unit_of(imported)
            if other is None or other == unit:  # spinlint.__version__; the module's own stage
                continue
            if model_tool:
                allowed = LAYER_OF[other] < LAYER_OF["cli"]
            else:
                allowed = LAYER_OF[other] < LAYER_OF[unit]
            if not allowed:
                wrong.append(f"{module} ({unit}) imports {imported} ({other})")
    assert not wrong, "imports against the layer order:\n" + "\n".join(sorted(wrong))


def test_no_module_imports_itself_back():
    """No import cycle among the modules of the pipeline (the package's __init__ and the model's tools aside)."""
    left_out = _model_tools()
    graph = {module: sorted(name for name in imports_of(module) if unit_of(name) is not None and name not in left_out)
             for module in modules() if unit_of(module) is not None and module not in left_out}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for imported in graph[module]:
            if state.get(imported) == 1:
                return path[path.index(imported):] + [imported]
            if imported not in state:
                cycle = visit(imported)
                if cycle:
                    return cycle
        state[module] = 2
        path.pop()
        return None

    for module in graph:
        if module not in state:
            cycle = visit(module)
            assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_rule_machinery_sits_below_the_engine():
    # The old circle: engine -> prefilter/regexcache -> engine (their table writers needed the compiled
    # rules) and kinds -> regexcache -> engine.  The writers live in rules/tables.py, above the engine.
    engine = "spinlint.rules.engine"
    for name in ("ruleset", "findings", "features", "kinds", "logic", "prefilter", "regexcache"):
        module = f"spinlint.rules.{name}"
        assert engine not in closure(module), f"{module} imports the engine it serves"
    assert engine in imports_of("spinlint.rules.tables")
