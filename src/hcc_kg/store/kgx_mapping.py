"""The KGX mapping file: which ontology class or property becomes which Biolink term.

The mapping is data (``data/kgx_mapping.yaml``); this module reads and checks it, and
:mod:`hcc_kg.store.kgx` applies it to a built graph.

>>> mapping = load_mapping()
>>> mapping.node_categories(["hcc:SmallMolecule", "hcc:Drug"])
('biolink:SmallMolecule', 'biolink:Drug')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable

import yaml

from ..errors import ConfigError

QUALIFIER_COLUMNS = ("qualified_predicate", "object_aspect_qualifier", "object_direction_qualifier")
_BIOLINK = re.compile(r"biolink:[A-Za-z_]+")

@dataclass(frozen=True)
class EdgeRule:
    """A Biolink edge made from ontology properties read forwards or backwards, with its category and qualifiers."""

    predicate: str
    category: str
    forward: tuple[str, ...] = ()
    inverse: tuple[str, ...] = ()
    qualifiers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ChainRule:
    """A Biolink edge made by walking a path of ontology properties (each step forwards or backwards)."""

    predicate: str
    category: str
    path: tuple[tuple[str, bool], ...]  # (property CURIE, walked backwards?)
    studies: tuple[str, ...] = ()  # properties from a middle node to the trials that support the edge


@dataclass(frozen=True)
class Provenance:
    """The knowledge level and agent type KGX records for edges of one evidence status."""

    status: str
    knowledge_level: str
    agent_type: str


@dataclass(frozen=True)
class KgxMapping:
    """How the graph becomes KGX (``data/kgx_mapping.yaml``): categories, identifiers, edge and chain rules, provenance."""

    knowledge_source: str
    document_prefix: str
    edge_id_prefix: str
    categories: tuple[tuple[str, str], ...]
    xref_properties: tuple[tuple[str, str | None], ...]
    xref_prefixes: tuple[tuple[str, str], ...]
    edges: tuple[EdgeRule, ...]
    chains: tuple[ChainRule, ...]
    provenance: tuple[Provenance, ...]
    id_prefixes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    node_attributes: tuple[tuple[str, str], ...] = ()  # (extra node column, data property CURIE)

    def node_id_prefixes(self, categories: Iterable[str]) -> tuple[str, ...]:
        """Biolink prefixes a node of ``categories`` may take its id from, best first.

        >>> load_mapping().node_id_prefixes(["biolink:SmallMolecule", "biolink:Drug"])[:2]
        ('CHEBI', 'CHEMBL.COMPOUND')
        """
        lists = dict(self.id_prefixes)
        return next((lists[c] for c in categories if c in lists), ())

    def node_categories(self, classes: Iterable[str]) -> tuple[str, ...]:
        """Biolink categories for a node of ``classes`` (CURIEs), in the file's order."""
        wanted = set(classes)
        found = [category for cls, category in self.categories if cls in wanted]
        return tuple(dict.fromkeys(found))

    def biolink_terms(self) -> set[str]:
        """Every Biolink CURIE the mapping can emit (categories, predicates, qualifiers)."""
        terms = {c for _, c in self.categories}
        for rule in (*self.edges, *self.chains):
            terms |= {rule.predicate, rule.category}
        for rule in self.edges:
            terms |= {v for _, v in rule.qualifiers if v.startswith("biolink:")}
        return terms

    def status_rank(self, status: str) -> int:
        return [p.status for p in self.provenance].index(status)


def _require(data: dict, key: str, where: str):
    if key not in data:
        raise ConfigError(f"KGX mapping: {where} lacks '{key}'")
    return data[key]


def _edge_rule(item: dict) -> EdgeRule:
    where = f"edge rule {item.get('predicate', '?')}"
    rule = EdgeRule(_require(item, "predicate", where), _require(item, "category", where),
                    tuple(item.get("forward", ())), tuple(item.get("inverse", ())),
                    tuple(sorted((item.get("qualifiers") or {}).items())))
    if not rule.forward and not rule.inverse:
        raise ConfigError(f"KGX mapping: {where} names no property")
    if set(dict(rule.qualifiers)) - set(QUALIFIER_COLUMNS):
        raise ConfigError(f"KGX mapping: {where} has an unknown qualifier; known: {QUALIFIER_COLUMNS}")
    return rule


def _chain_rule(item: dict) -> ChainRule:
    where = f"chain {item.get('predicate', '?')}"
    steps = tuple((step.lstrip("^"), step.startswith("^")) for step in _require(item, "path", where))
    if len(steps) < 2:
        raise ConfigError(f"KGX mapping: {where} needs a path of two or more properties")
    return ChainRule(_require(item, "predicate", where), _require(item, "category", where), steps,
                     tuple(item.get("studies") or ()))


def parse_mapping(data: dict) -> KgxMapping:
    """A :class:`KgxMapping` from the YAML structure; raises ConfigError when malformed."""
    try:
        mapping = KgxMapping(
            knowledge_source=_require(data, "knowledge_source", "top level"),
            document_prefix=_require(data, "document_prefix", "top level"),
            edge_id_prefix=_require(data, "edge_id_prefix", "top level"),
            categories=tuple((c["class"], c["category"]) for c in _require(data, "categories", "top level")),
            xref_properties=tuple((data.get("xref_properties") or {}).items()),
            xref_prefixes=tuple((data.get("xref_prefixes") or {}).items()),
            edges=tuple(_edge_rule(item) for item in _require(data, "edges", "top level")),
            chains=tuple(_chain_rule(item) for item in data.get("chains") or ()),
            provenance=tuple(Provenance(**p) for p in _require(data, "provenance", "top level")),
            id_prefixes=tuple((c, tuple(p)) for c, p in (data.get("id_prefixes") or {}).items()),
            node_attributes=tuple((data.get("node_attributes") or {}).items()),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"KGX mapping is malformed: {exc!r}") from exc
    bad = sorted(t for t in mapping.biolink_terms() if not _BIOLINK.fullmatch(t))
    if bad:
        raise ConfigError(f"KGX mapping: not Biolink CURIEs: {', '.join(bad)}")
    missing = {"text", "vocabulary", "asserted", "inferred"} - {p.status for p in mapping.provenance}
    if missing:
        raise ConfigError(f"KGX mapping: provenance lacks statuses {sorted(missing)}")
    return mapping


def load_mapping(path: Path | str | None = None) -> KgxMapping:
    """The mapping file (default: the packaged ``data/kgx_mapping.yaml``)."""
    try:
        text = (Path(path).read_text(encoding="utf-8") if path is not None
                else resources.files("hcc_kg").joinpath("data/kgx_mapping.yaml").read_text(encoding="utf-8"))
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read KGX mapping {path or 'data/kgx_mapping.yaml'}: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError("KGX mapping must be a YAML mapping")
    return parse_mapping(data)
