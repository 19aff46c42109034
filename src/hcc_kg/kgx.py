"""KGX TSV export (``nodes.tsv``, ``edges.tsv``) with Biolink categories and predicates.

Which ontology class or property becomes which Biolink term is data
(``data/kgx_mapping.yaml``); this module applies it to the built graph:

* nodes: every resource of a mapped class (following ``rdfs:subClassOf`` in the graph),
  with its label, synonyms and standard identifiers (``xref``, Biolink prefixes);
* edges: one per (subject, predicate, object, qualifiers), merged from a property and its
  inverse; a super-property edge is dropped when a mapped sub-property links the same pair;
  property chains (drug ← trial → condition) give derived edges citing the middle node;
* provenance: ``publications`` lists each evidence span as ``doc:ID#start-end``;
  ``knowledge_level``/``agent_type`` say how the fact entered the graph.

>>> mapping = load_mapping()
>>> mapping.node_categories(["hcc:SmallMolecule", "hcc:Drug"])
('biolink:SmallMolecule', 'biolink:Drug')
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

import rdflib
import yaml
from rdflib import OWL, RDF, RDFS, URIRef
from rdflib.namespace import SKOS

from .errors import ConfigError, ExportError
from .export import atomic_write
from .rdf import HCC, PREFIXES

NODE_COLUMNS = ("id", "category", "name", "synonym", "xref", "provided_by")
EDGE_COLUMNS = (
    "id", "subject", "predicate", "object", "category", "qualified_predicate",
    "object_aspect_qualifier", "object_direction_qualifier", "primary_knowledge_source",
    "knowledge_level", "agent_type", "publications", "has_supporting_studies",
)
QUALIFIER_COLUMNS = ("qualified_predicate", "object_aspect_qualifier", "object_direction_qualifier")
_BIOLINK = re.compile(r"biolink:[A-Za-z_]+")


# ---------------------------------------------------------------- mapping (data file)

@dataclass(frozen=True)
class EdgeRule:
    predicate: str
    category: str
    forward: tuple[str, ...] = ()
    inverse: tuple[str, ...] = ()
    qualifiers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ChainRule:
    predicate: str
    category: str
    path: tuple[tuple[str, bool], ...]  # (property CURIE, walked backwards?)


@dataclass(frozen=True)
class Provenance:
    status: str
    knowledge_level: str
    agent_type: str


@dataclass(frozen=True)
class KgxMapping:
    knowledge_source: str
    document_prefix: str
    edge_id_prefix: str
    categories: tuple[tuple[str, str], ...]
    xref_properties: tuple[tuple[str, str | None], ...]
    xref_prefixes: tuple[tuple[str, str], ...]
    edges: tuple[EdgeRule, ...]
    chains: tuple[ChainRule, ...]
    provenance: tuple[Provenance, ...]

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
    return ChainRule(_require(item, "predicate", where), _require(item, "category", where), steps)


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


# ---------------------------------------------------------------- reading the graph

def expand(curie: str) -> URIRef:
    prefix, _, local = curie.partition(":")
    if prefix not in PREFIXES:
        raise ConfigError(f"KGX mapping: unknown prefix in {curie!r}; known: {', '.join(sorted(PREFIXES))}")
    return PREFIXES[prefix][local]


def compact(iri: URIRef) -> str:
    """The graph's CURIE for ``iri`` (longest matching namespace), else the IRI itself."""
    matches = [(len(str(ns)), prefix) for prefix, ns in PREFIXES.items() if str(iri).startswith(str(ns))]
    if not matches:
        return str(iri)
    length, prefix = max(matches)
    return f"{prefix}:{str(iri)[length:]}"


@dataclass(frozen=True)
class GraphFacts:
    """Look-ups over the graph that every node and edge needs."""

    graph: rdflib.Graph
    axioms: dict = field(default_factory=dict)   # (s, p, o) -> [axiom nodes]

    @classmethod
    def of(cls, graph: rdflib.Graph) -> "GraphFacts":
        axioms = defaultdict(list)
        for axiom in graph.subjects(RDF.type, OWL.Axiom):
            key = tuple(graph.value(axiom, link) for link in
                        (OWL.annotatedSource, OWL.annotatedProperty, OWL.annotatedTarget))
            axioms[key].append(axiom)
        return cls(graph, dict(axioms))

    def spans(self, triple, mapping: KgxMapping) -> set[str]:
        found = set()
        for axiom in self.axioms.get(triple, ()):
            for evidence in self.graph.objects(axiom, HCC.hasEvidence):
                doc = self.graph.value(self.graph.value(evidence, HCC.fromDocument), HCC.documentId)
                start = self.graph.value(evidence, HCC.startOffset)
                end = self.graph.value(evidence, HCC.endOffset)
                if None not in (doc, start, end):
                    found.add(f"{mapping.document_prefix}:{doc}#{int(start)}-{int(end)}")
        return found

    def status(self, triple, mapping: KgxMapping) -> str:
        if self.spans(triple, mapping):
            return "text"
        marks = {str(v) for a in self.axioms.get(triple, ()) for v in self.graph.objects(a, HCC.assertionStatus)}
        known = [p.status for p in mapping.provenance if p.status in marks]
        return known[0] if known else "asserted"

    def classes(self, node: URIRef) -> set[str]:
        """CURIEs of the node's classes and all their named superclasses."""
        return {compact(c) for t in self.graph.objects(node, RDF.type)
                for c in self.graph.transitive_objects(t, RDFS.subClassOf) if isinstance(c, URIRef)}

    def sub_properties(self, prop: URIRef) -> set[URIRef]:
        return {p for p in self.graph.transitive_subjects(RDFS.subPropertyOf, prop) if p != prop}


# ---------------------------------------------------------------- nodes

def _clean(value: str) -> str:
    """One TSV cell: tabs and line breaks would break the row."""
    return " ".join(str(value).split())


def _join(values: Iterable[str], what: str) -> str:
    items = sorted({_clean(v) for v in values if str(v).strip()})
    for item in items:
        if "|" in item:
            raise ExportError(f"KGX: '|' separates list items and cannot appear in {what}: {item!r}")
    return "|".join(items)


def _xref(curie: str, prefixes: dict[str, str]) -> str:
    prefix, sep, local = curie.partition(":")
    return f"{prefixes.get(prefix, prefix)}:{local}" if sep else curie


def _xrefs(facts: GraphFacts, node: URIRef, mapping: KgxMapping) -> list[str]:
    prefixes = dict(mapping.xref_prefixes)
    found = []
    for prop, prefix in mapping.xref_properties:
        for value in facts.graph.objects(node, expand(prop)):
            found.append(_xref(f"{prefix}:{value}" if prefix else str(value), prefixes))
    return found


def node_rows(facts: GraphFacts, mapping: KgxMapping) -> dict[URIRef, dict[str, str]]:
    """Every resource of a mapped class → its nodes.tsv row."""
    rows = {}
    for node in sorted({s for s in facts.graph.subjects(RDF.type, None) if isinstance(s, URIRef)}):
        categories = mapping.node_categories(facts.classes(node))
        if not categories:
            continue
        labels = sorted(str(label) for label in facts.graph.objects(node, RDFS.label))
        rows[node] = {
            "id": compact(node), "category": "|".join(categories),
            "name": _clean(labels[0]) if labels else "",
            "synonym": _join(facts.graph.objects(node, SKOS.altLabel), f"synonyms of {compact(node)}"),
            "xref": _join(_xrefs(facts, node, mapping), f"xrefs of {compact(node)}"),
            "provided_by": mapping.knowledge_source,
        }
    return rows


# ---------------------------------------------------------------- edges

@dataclass(frozen=True)
class EdgeKey:
    subject: URIRef
    predicate: str
    object: URIRef
    category: str
    qualifiers: tuple[tuple[str, str], ...]


@dataclass
class _Support:
    """What one edge rests on; filled while walking the graph (local to one export)."""

    spans: set = field(default_factory=set)
    studies: set = field(default_factory=set)
    ranks: list = field(default_factory=list)


def _rule_triples(facts: GraphFacts, rule: EdgeRule, mapped: set[URIRef]) -> Iterator[tuple]:
    """(subject, object, original triple) for a rule, forward and inverse properties."""
    for curie, turn in [(p, False) for p in rule.forward] + [(p, True) for p in rule.inverse]:
        prop = expand(curie)
        narrower = facts.sub_properties(prop) & mapped
        for s, o in facts.graph.subject_objects(prop):
            if any((s, sub, o) in facts.graph for sub in narrower):
                continue  # the more specific mapped property says it already
            yield (o, s, (s, prop, o)) if turn else (s, o, (s, prop, o))


def _walk(facts: GraphFacts, start: URIRef, path) -> Iterator[tuple[URIRef, list[tuple], list[URIRef]]]:
    """Every end node reachable from ``start`` along ``path``: (end, triples used, nodes passed)."""
    frontier = [(start, [], [])]
    for curie, backwards in path:
        prop = expand(curie)
        step = []
        for node, used, via in frontier:
            nexts = facts.graph.subjects(prop, node) if backwards else facts.graph.objects(node, prop)
            for nxt in nexts:
                triple = (nxt, prop, node) if backwards else (node, prop, nxt)
                step.append((nxt, used + [triple], via + [nxt]))
        frontier = step
    for end, used, via in frontier:
        yield end, used, via[:-1]


def edge_support(facts: GraphFacts, mapping: KgxMapping, nodes: set[URIRef]) -> dict[EdgeKey, _Support]:
    support: dict[EdgeKey, _Support] = defaultdict(_Support)
    mapped = {expand(p) for rule in mapping.edges for p in (*rule.forward, *rule.inverse)}
    for rule in mapping.edges:
        for s, o, triple in _rule_triples(facts, rule, mapped):
            if s in nodes and o in nodes:
                entry = support[EdgeKey(s, rule.predicate, o, rule.category, rule.qualifiers)]
                entry.spans |= facts.spans(triple, mapping)
                entry.ranks.append(mapping.status_rank(facts.status(triple, mapping)))
    for rule in mapping.chains:
        for start in sorted(nodes):
            for end, used, via in _walk(facts, start, rule.path):
                if end not in nodes or end == start:
                    continue
                entry = support[EdgeKey(start, rule.predicate, end, rule.category, ())]
                for triple in used:
                    entry.spans |= facts.spans(triple, mapping)
                entry.studies |= set(via)
                entry.ranks.append(max(mapping.status_rank(facts.status(t, mapping)) for t in used))
    return support


def _categories(row: dict | None) -> list[str]:
    return row["category"].split("|") if row else []


def edge_id(key: EdgeKey, prefix: str) -> str:
    text = "\t".join([str(key.subject), key.predicate, str(key.object), key.category, repr(key.qualifiers)])
    return f"{prefix}:{hashlib.sha1(text.encode('utf-8')).hexdigest()[:16]}"


def edge_rows(facts: GraphFacts, mapping: KgxMapping, nodes: dict[URIRef, dict]) -> list[dict[str, str]]:
    rows = []
    for key, entry in edge_support(facts, mapping, set(nodes)).items():
        provenance = mapping.provenance[min(entry.ranks)]
        qualifiers = dict(key.qualifiers)
        rows.append({
            "id": edge_id(key, mapping.edge_id_prefix), "subject": compact(key.subject),
            "predicate": key.predicate, "object": compact(key.object), "category": key.category,
            **{column: qualifiers.get(column, "") for column in QUALIFIER_COLUMNS},
            "primary_knowledge_source": mapping.knowledge_source,
            "knowledge_level": provenance.knowledge_level, "agent_type": provenance.agent_type,
            "publications": "|".join(sorted(entry.spans)),
            "has_supporting_studies": "|".join(sorted(
                compact(s) for s in entry.studies if "biolink:ClinicalTrial" in _categories(nodes.get(s)))),
        })
    return sorted(rows, key=lambda row: (row["subject"], row["predicate"], row["object"], row["id"]))


# ---------------------------------------------------------------- writing

def tsv(rows: list[dict[str, str]], columns: tuple[str, ...]) -> bytes:
    lines = ["\t".join(columns)] + ["\t".join(row.get(c, "") for c in columns) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def kgx_tables(graph: rdflib.Graph, mapping: KgxMapping | None = None) -> tuple[list[dict], list[dict]]:
    """(node rows, edge rows) for ``graph``, sorted by id / subject."""
    mapping = mapping or load_mapping()
    facts = GraphFacts.of(graph)
    nodes = node_rows(facts, mapping)
    return sorted(nodes.values(), key=lambda row: row["id"]), edge_rows(facts, mapping, nodes)


def write_kgx(graph: rdflib.Graph, out_dir: Path | str, mapping: KgxMapping | None = None) -> list[Path]:
    """Write ``nodes.tsv`` and ``edges.tsv`` (KGX TSV) atomically into ``out_dir``."""
    nodes, edges = kgx_tables(graph, mapping)
    out_dir = Path(out_dir)
    written = []
    for name, rows, columns in (("nodes.tsv", nodes, NODE_COLUMNS), ("edges.tsv", edges, EDGE_COLUMNS)):
        try:
            atomic_write(out_dir / name, tsv(rows, columns))
        except OSError as exc:
            raise ExportError(f"cannot write {out_dir / name}: {exc}") from exc
        written.append(out_dir / name)
    return written
