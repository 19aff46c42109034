"""Competency questions as ``.rq`` files, each opening with a header that states it in words.

A header is the run of ``#`` lines before the query; each line is ``# key: value``, and an
indented comment line continues the previous key::

    # title: Approved agents hitting two target families
    # question: Which agents with a regulatory approval act on a member of family A
    #   and of family B?
    # param: family_a iri = "VEGFR"  a protein family or protein (name, synonym or IRI)

A parameter line gives the SPARQL variable it binds, its type (see
:data:`PARAM_TYPES`), a quoted default, and a description.  Selecting an entity parameter
shows in every row what the name resolved to; numbers are better left unselected (Virtuoso
fails on a sorted result that selects a decimal constant).

>>> q = parse_query("demo", '# title: T\\n# question: Q?\\n# param: x decimal = "0.8"  a cut-off\\n'
...                 'SELECT ?x ?y WHERE { ?y <urn:p> ?v FILTER(?v < ?x) }')
>>> q.title, q.params[0].name, q.params[0].type, q.params[0].default
('T', 'x', 'decimal', '0.8')
>>> q.defaults()
{'x': '0.8'}
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import QueryError

PARAM_TYPES = ("iri", "class", "property", "string", "decimal", "integer")
_HEADER_LINE = re.compile(r"#\s?(?P<key>[a-z_]+):\s*(?P<value>.*)")
_CONTINUATION = re.compile(r"#\s{2,}(?P<value>\S.*)")
_PARAM = re.compile(r'(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>[a-z]+)\s*=\s*"(?P<default>[^"]*)"\s*(?P<doc>.*)')
_PROJECTION = re.compile(r"^\s*SELECT\b(?P<vars>.*?)(\bWHERE\b|\{)", re.IGNORECASE | re.MULTILINE | re.DOTALL)


REQUIRED_KEYS = ("title", "question")


def _body(text: str) -> str:
    """The query without its comment lines (the header among them)."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def selected_variables(text: str) -> set[str] | None:
    """The variables a SELECT query's first projection names (``None`` for ``SELECT *``).

    >>> sorted(selected_variables("# c\\nSELECT DISTINCT ?a (COUNT(?b) AS ?n) WHERE { ?a ?p ?b }"))
    ['a', 'b', 'n']
    """
    match = _PROJECTION.search(_body(text))
    if not match:
        return set()
    if match["vars"].strip().upper().endswith("*"):
        return None
    return set(re.findall(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", match["vars"]))


@dataclass(frozen=True)
class Param:
    """One parameter: the variable it binds, its type, its default (as user text) and what it means."""

    name: str
    type: str
    default: str
    doc: str = ""


@dataclass(frozen=True)
class CompetencyQuery:
    """A parsed ``.rq`` file: header fields, parameters and the SPARQL text (header included)."""

    name: str
    title: str
    question: str
    params: tuple[Param, ...]
    text: str
    path: Path | None = None

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(f"query {self.name!r} has no parameter {name!r} (parameters: {known})")

    def defaults(self) -> dict[str, str]:
        return {p.name: p.default for p in self.params}


def _header(text: str) -> list[tuple[str, str]]:
    """The ``(key, value)`` pairs of the leading comment block, continuations joined."""
    fields: list[tuple[str, str]] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        continuation = _CONTINUATION.fullmatch(stripped)
        field = _HEADER_LINE.fullmatch(stripped)
        if continuation and fields and not field:
            key, value = fields[-1]
            fields[-1] = (key, f"{value} {continuation['value'].strip()}")
        elif field:
            fields.append((field["key"], field["value"].strip()))
    return fields


def _parse_param(name: str, value: str) -> Param:
    match = _PARAM.fullmatch(value)
    if not match:
        raise QueryError(f'{name}: bad param line {value!r}; expected: NAME TYPE = "DEFAULT"  description')
    if match["type"] not in PARAM_TYPES:
        raise QueryError(f"{name}: param {match['name']!r} has unknown type {match['type']!r} "
                         f"(known: {', '.join(PARAM_TYPES)})")
    return Param(match["name"], match["type"], match["default"], match["doc"].strip())


def parse_query(name: str, text: str, path: Path | None = None) -> CompetencyQuery:
    """Parse a query file's header; raise :class:`QueryError` if it is incomplete or inconsistent."""
    fields = _header(text)
    values = {k: v for k, v in fields if k != "param"}
    missing = [k for k in REQUIRED_KEYS if not values.get(k)]
    if missing:
        raise QueryError(f"{name}: header lacks {', '.join(missing)}")
    params = tuple(_parse_param(name, v) for k, v in fields if k == "param")
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise QueryError(f"{name}: a parameter is declared twice ({', '.join(names)})")
    body = _body(text)
    if not _PROJECTION.search(body):
        raise QueryError(f"{name}: only SELECT queries are supported")
    for p in params:
        if not re.search(rf"[?$]{p.name}\b", body):
            raise QueryError(f"{name}: parameter {p.name!r} is not a variable of the query")
    return CompetencyQuery(name, values["title"], values["question"], params, text, path)


def default_folder() -> Path:
    """The packaged copy of ``ontology/queries``."""
    return Path(str(resources.files("hcc_kg") / "data" / "queries"))


@dataclass(frozen=True)
class QueryLibrary:
    """The ``.rq`` files of one folder, by name (the file stem)."""

    folder: Path

    @classmethod
    def load(cls, folder: Path | str | None = None) -> "QueryLibrary":
        path = Path(folder) if folder else default_folder()
        if not path.is_dir():
            raise QueryError(f"no query folder at {path}")
        return cls(path)

    def names(self) -> list[str]:
        return sorted(p.stem for p in self.folder.glob("*.rq"))

    def get(self, name_or_file: str) -> CompetencyQuery:
        """A query by name, or from a ``.rq`` file path."""
        candidate = Path(name_or_file)
        if candidate.suffix == ".rq" and candidate.is_file():
            return read_query(candidate)
        path = self.folder / f"{name_or_file}.rq"
        if not path.is_file():
            close = difflib.get_close_matches(name_or_file, self.names(), n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else "; `hcc-kg sparql --list` shows them"
            raise QueryError(f"no query named {name_or_file!r} in {self.folder}{hint}")
        return read_query(path)

    def all(self) -> list[CompetencyQuery]:
        return [self.get(name) for name in self.names()]


def read_query(path: Path) -> CompetencyQuery:
    """Read one ``.rq`` file as a competency question (its header gives title and parameters)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read query file {path}: {exc}") from exc
    return parse_query(path.stem, text, path)
