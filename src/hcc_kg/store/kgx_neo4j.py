"""Header files that let ``neo4j-admin database import`` read the KGX TSV files as they are.

Neo4j's bulk importer takes each file group as ``header file,data files``; the header
names each column with a Neo4j type (``id:ID``, ``category:LABEL``, ``subject:START_ID``,
``predicate:TYPE``, ``object:END_ID``; list columns as ``string[]`` split on ``|``, the KGX
list separator).  The data files must then start with data, so the recipe in README.md
drops the KGX header line (``tail -n +2``) on the way in.

>>> node_header(("id", "category", "name", "synonym"))
['id:ID', 'category:LABEL', 'name', 'synonym:string[]']
>>> edge_header(("id", "subject", "predicate", "object", "publications"))
['id', 'subject:START_ID', 'predicate:TYPE', 'object:END_ID', 'publications:string[]']
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ExportError
from .export import atomic_write

#: KGX columns with a Neo4j role; every other column is a property of the same name.
NODE_ROLES = {"id": ":ID", "category": ":LABEL"}
EDGE_ROLES = {"subject": ":START_ID", "predicate": ":TYPE", "object": ":END_ID"}
#: KGX columns holding ``|``-separated lists (imported with --array-delimiter='|').
LIST_COLUMNS = frozenset(("synonym", "xref", "publications", "has_supporting_studies"))
HEADER_FOLDER = "neo4j"


def _header(columns: tuple[str, ...], roles: dict[str, str]) -> list[str]:
    return [f"{c}{roles.get(c, ':string[]' if c in LIST_COLUMNS else '')}" for c in columns]


def node_header(columns: tuple[str, ...]) -> list[str]:
    """The neo4j-admin import header for KGX node columns (id, labels, typed properties)."""
    return _header(columns, NODE_ROLES)


def edge_header(columns: tuple[str, ...]) -> list[str]:
    """The neo4j-admin import header for KGX edge columns (start, end, type, typed properties)."""
    return _header(columns, EDGE_ROLES)


def write_headers(out_dir: Path, node_columns: tuple[str, ...], edge_columns: tuple[str, ...]) -> list[Path]:
    """``neo4j/nodes.header.tsv`` and ``neo4j/edges.header.tsv`` under ``out_dir``."""
    written = []
    for name, header in (("nodes.header.tsv", node_header(node_columns)),
                         ("edges.header.tsv", edge_header(edge_columns))):
        path = out_dir / HEADER_FOLDER / name
        try:
            atomic_write(path, ("\t".join(header) + "\n").encode("utf-8"))
        except OSError as exc:
            raise ExportError(f"cannot write {path}: {exc}") from exc
        written.append(path)
    return written
