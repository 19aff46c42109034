"""The package layout shows the build's stages, and data flows one way through them.

Each stage is a subpackage of ``hcc_kg``; the shared base is the handful of top-level modules
every stage may use.  A module may import from its own stage, from earlier stages and from the
base, never from a later stage (imports inside functions count too: a lazy import is still a
dependency).  ``pipeline`` runs every stage, so it may import them all; only the command line
comes after it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "hcc_kg"

#: The order a build runs in.  "base" is the top-level modules in BASE.
STAGES = ("base", "read", "extract", "execute", "assemble", "owl", "store", "query", "views", "pipeline", "cli")
#: Top-level modules: the shared vocabulary of every stage (and the one module that calls them all).
BASE = frozenset({"__init__", "cache_entries", "errors", "gc_control", "model", "keys", "ids", "vocab", "lexicon", "safe_text", "signals", "report",
                  "progress", "pipeline"})


def module_name(path: Path, root: Path) -> str:
    """``hcc_kg.a.b`` for ``root/a/b.py`` (a package's ``__init__`` is the package)."""
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage_of(module: str) -> str:
    """The stage a module of the package belongs to.

    >>> stage_of("hcc_kg.store.rdf"), stage_of("hcc_kg.vocab"), stage_of("hcc_kg.pipeline")
    ('store', 'base', 'pipeline')
    """
    parts = module.split(".")
    if len(parts) == 1 or (len(parts) == 2 and parts[1] in BASE - {"pipeline"}):
        return "base"
    return parts[1]


def imported_modules(path: Path, root: Path) -> set[str]:
    """Package modules ``path`` imports, relative imports resolved; ``from a import b`` names a.b too."""
    module = module_name(path, root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names
                         if (root.parent / Path(*f"{base}.{alias.name}".split("."))).with_suffix(".py").exists()
                         or (root.parent / Path(*f"{base}.{alias.name}".split(".")) / "__init__.py").exists())
    return {name for name in found if name == root.name or name.startswith(root.name + ".")}


def upward_imports(root: Path) -> list[str]:
    """Every import from a later stage into an earlier one, as ``importer -> imported``."""
    rank = {stage: i for i, stage in enumerate(STAGES)}
    found = []
    for path in sorted(root.rglob("*.py")):
        importer = module_name(path, root)
        for imported in sorted(imported_modules(path, root)):
            if stage_of(imported) == "base":  # every stage may use the base (``from hcc_kg import x`` names x too)
                continue
            if rank[stage_of(imported)] > rank[stage_of(importer)]:
                found.append(f"{importer} ({stage_of(importer)}) -> {imported} ({stage_of(imported)})")
    return found


def test_no_module_imports_from_a_later_stage():
    assert upward_imports(PACKAGE) == []


def test_every_module_belongs_to_a_stage_or_the_base():
    top_level = {p.stem for p in PACKAGE.glob("*.py")}
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert top_level == BASE
    assert packages == set(STAGES) - {"base", "pipeline"}


def test_each_stage_says_what_it_does():
    for stage in set(STAGES) - {"base", "pipeline"}:
        assert ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text(encoding="utf-8"))), stage


def undocumented(root: Path) -> list[str]:
    """``module:name`` of each public top-level function or class under ``root`` without a docstring."""
    missing = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            public = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and not node.name.startswith("_")
            if public and not ast.get_docstring(node):
                missing.append(f"{module_name(path, root)}:{node.name}")
    return missing


def test_every_public_function_and_class_says_what_it_is():
    assert undocumented(PACKAGE) == []


def test_an_undocumented_public_function_is_found(tmp_path):
    _write(tmp_path / "pkg", "a.py", 'def said():\n    """Said."""\n\n\ndef unsaid():\n    pass\n\n\ndef _private():\n    pass\n')
    assert undocumented(tmp_path / "pkg") == ["pkg.a:unsaid"]


def _write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("source, expected", [
    ("from ..cli.text import x\n", ["hcc_kg.read.corpus (read) -> hcc_kg.cli.text (cli)"]),
    ("def f():\n    from ..store import rdf\n", ["hcc_kg.read.corpus (read) -> hcc_kg.store (store)",
                                                  "hcc_kg.read.corpus (read) -> hcc_kg.store.rdf (store)"]),
    ("import hcc_kg.pipeline\n", ["hcc_kg.read.corpus (read) -> hcc_kg.pipeline (pipeline)"]),
    ("from ..errors import E\nfrom .. import vocab\n", []),
])
def test_an_upward_import_is_caught_even_inside_a_function(tmp_path, source, expected):
    """The checker itself, on an invented package: an earlier stage importing a later one is reported."""
    root = tmp_path / "hcc_kg"
    for relative in ("__init__.py", "errors.py", "vocab.py", "pipeline.py", "read/__init__.py",
                     "store/__init__.py", "store/rdf.py", "cli/__init__.py", "cli/text.py"):
        _write(root, relative, "")
    _write(root, "read/corpus.py", source)
    _write(root, "cli/main.py", "from ..read import corpus\nfrom .. import pipeline\n")  # later -> earlier: fine
    assert upward_imports(root) == expected
