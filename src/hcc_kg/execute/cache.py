"""A content-addressed cache of each document's extraction, for incremental builds.

An entry is one JSON file (:class:`~.outputs.DocumentExtraction`) whose name is a hash of
everything the document's extraction depends on:

* the document itself: its id, name, the sha256 of its text and the identifiers its file
  gave it (the id and name are in the evidence and in the problems, so a renamed file is a
  new entry);
* the extractor code's version, :func:`extractor_version`: a hash of the source of every
  module in ``hcc_kg/extract/``, of every package module they import (transitively), and
  of the packaged data files those modules name (the jurisdictions, the lexicon's
  stoplist).  It is computed from the files, never typed, so editing an extractor
  invalidates every entry (and remembered in the cache folder against the size and
  modification time of every package file, so a build need not parse the sources each time);
* the vocabulary the extractors match, :func:`vocabulary_digest`: a hash of the loaded
  vocabulary's content (hand vocabulary, extra vocabularies and generated lexicon, merged);
* the cap on readings per document (``--max-readings``): an entry made under another cap
  holds other readings.

Entries are written atomically (a temporary file, then a rename), so a reader never sees
half an entry; an entry that cannot be read or does not describe its document is treated
as missing (logged as a warning, counted, re-extracted), never fatal.

The default folder is ``.hcc-kg-cache/extraction`` beside the output folder, not inside it:
a build that fails must leave its output folder exactly as it was, and the exports that get
committed must never carry cache files (``.gitignore`` lists ``.hcc-kg-cache/``).
"""

from __future__ import annotations

import ast
import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from ..cache_entries import write_atomically
from ..model import Document
from ..vocab import Vocabulary
from .outputs import DocumentExtraction

LOG = logging.getLogger(__name__)

#: Folder name of the cache, created beside the output folder.
CACHE_FOLDER = ".hcc-kg-cache"
PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # src/hcc_kg
PACKAGE = PACKAGE_ROOT.name


def default_cache_dir(out: Path) -> Path:
    """Where a build writing to ``out`` keeps its extraction cache.

    >>> default_cache_dir(Path("/data/exports")).as_posix()
    '/data/.hcc-kg-cache/extraction'
    """
    return Path(out).absolute().parent / CACHE_FOLDER / "extraction"


def _module_file(module: str, root: Path) -> Path | None:
    """The source file of package module ``hcc_kg.a.b`` (None outside the package)."""
    parts = module.split(".")
    if parts[0] != PACKAGE:
        return None
    base = root.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _module_name(path: Path, root: Path) -> str:
    relative = path.relative_to(root).with_suffix("")
    parts = [PACKAGE, *relative.parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, tree: ast.Module, root: Path) -> set[Path]:
    """Package modules that ``path`` (parsed as ``tree``) imports (absolute or relative, submodules included)."""
    module = _module_name(path, root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[Path] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            for prefix in _prefixes(name):  # importing a.b.c runs a/__init__ and a/b/__init__ too
                source = _module_file(prefix, root)
                if source is not None:
                    found.add(source)
    return found


def _prefixes(dotted: str) -> list[str]:
    parts = dotted.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts) + 1)]


def extractor_sources(root: Path = PACKAGE_ROOT) -> list[Path]:
    """Every source and data file extraction depends on: ``extract/`` and what it imports, transitively."""
    pending = sorted((root / "extract").glob("*.py"))
    modules: dict[Path, ast.Module] = {}
    while pending:
        path = pending.pop()
        if path not in modules:
            modules[path] = ast.parse(path.read_text(encoding="utf-8"))
            pending.extend(_imports(path, modules[path], root) - set(modules))
    names = {node.value for tree in modules.values() for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    data = {p for p in (root / "data").rglob("*") if p.is_file() and p.name in names}
    return sorted(set(modules) | data)


def extractor_version(root: Path = PACKAGE_ROOT) -> str:
    """A hash of :func:`extractor_sources` (paths and contents)."""
    digest = hashlib.sha256()
    for path in extractor_sources(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def package_signature(root: Path = PACKAGE_ROOT) -> str:
    """A hash of the path, size and modification time of every file in the package: cheap to
    compute, and it changes whenever a file that could be an extractor source changes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        stat = path.stat()
        digest.update(f"{path.relative_to(root).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def remembered_extractor_version(memo: Path, root: Path = PACKAGE_ROOT) -> str:
    """:func:`extractor_version`, kept in ``memo`` against :func:`package_signature`: parsing
    every source takes a few hundred milliseconds, a signature a few."""
    signature = package_signature(root)
    try:
        stored = json.loads(memo.read_text(encoding="utf-8"))
        if stored.get("signature") == signature and isinstance(stored.get("version"), str):
            return stored["version"]
    except (OSError, ValueError, AttributeError):
        pass  # missing or unreadable: compute it again
    version = extractor_version(root)
    _write_atomically(memo, json.dumps({"signature": signature, "version": version}))
    return version


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename; failures are logged, not raised."""
    write_atomically(path, text.encode("utf-8"))


def vocabulary_digest(vocabulary: Vocabulary) -> str:
    """A hash of every entity the extractors can match (order-independent: entities by key).

    >>> from hcc_kg.vocab import Entity
    >>> a = Vocabulary([Entity("x", "X", ("Drug",)), Entity("y", "Y", ("Drug",))])
    >>> b = Vocabulary([Entity("y", "Y", ("Drug",)), Entity("x", "X", ("Drug",))])
    >>> vocabulary_digest(a) == vocabulary_digest(b) != vocabulary_digest(Vocabulary([Entity("x", "X", ("Drug",))]))
    True
    """
    if vocabulary.content_digest is not None:  # a cached vocabulary carries the digest computed on writing it
        return vocabulary.content_digest
    # an entity's repr names every field, and its fields are strings and tuples of strings
    return hashlib.sha256("\n".join(map(repr, vocabulary)).encode("utf-8")).hexdigest()


@dataclass
class CacheStats:
    """What a build reused: documents read from the cache, extracted, and entries found corrupt."""

    reused: int = 0
    extracted: int = 0
    corrupt: int = 0


@dataclass
class ExtractionCache:
    """Entries under ``folder``, keyed by document, extractor version, vocabulary digest and reading cap."""

    folder: Path
    version: str
    vocabulary: str
    stats: CacheStats = field(default_factory=CacheStats)
    max_readings: int | None = None

    def key(self, document: Document) -> str:
        ident = "\n".join((self.version, self.vocabulary, document.doc_id, document.name, document.sha256,
                           json.dumps(document.source_ids),  # unused by extraction today; cheap to be safe
                           f"max_readings={self.max_readings}"))
        return hashlib.sha256(ident.encode("utf-8")).hexdigest()

    def path(self, document: Document) -> Path:
        key = self.key(document)
        return self.folder / key[:2] / f"{key}.json"

    def get(self, document: Document) -> DocumentExtraction | None:
        """The cached extraction of ``document``; None when missing or unreadable."""
        path = self.path(document)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            return self._corrupt(path, exc)
        try:
            found = DocumentExtraction.from_json(json.loads(text))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            return self._corrupt(path, exc)
        if not found.is_of(document):
            return self._corrupt(path, ValueError(f"entry describes {found.name}, not {document.name}"))
        self.stats.reused += 1
        return found

    def _corrupt(self, path: Path, exc: Exception) -> None:
        LOG.warning("ignoring unreadable extraction cache entry %s (%s); the document is extracted again",
                    path, exc)
        self.stats.corrupt += 1
        return None

    def put(self, found: DocumentExtraction, document: Document) -> None:
        """Store an entry atomically; a cache that cannot be written only costs speed (logged)."""
        _write_atomically(self.path(document), json.dumps(found.to_json(), ensure_ascii=False, separators=(",", ":")))
