"""KGX TSV export (``nodes.tsv``, ``edges.tsv``) with Biolink categories and predicates.

Which ontology class or property becomes which Biolink term is data
(``data/kgx_mapping.yaml``, read and checked by :mod:`hcc_kg.store.kgx_mapping`); this module
applies it to the built graph:

* nodes: every resource of a mapped class (following ``rdfs:subClassOf`` in the graph),
  with its label, synonyms and standard identifiers (``xref``, Biolink prefixes);
* edges: one per (subject, predicate, object, qualifiers), merged from a property and its
  inverse; a super-property edge is dropped when a mapped sub-property links the same pair;
  property chains (drug ← trial → condition) give derived edges citing the middle node;
* provenance: ``publications`` lists each evidence span as ``doc:ID#start-end``;
  ``knowledge_level``/``agent_type`` say how the fact entered the graph.

The graph is read once, as N-Triples spellings, by :class:`hcc_kg.store.kgx_facts.GraphFacts`
(no rdflib term per triple); rows are tuples in column order until written, in chunks.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .. import ids
from ..errors import ExportError
from .canonical import lexical
from .export import atomic_write
from .kgx_facts import ALT_LABEL, LABEL, TYPE, GraphFacts, iri, spelling
from .kgx_neo4j import write_headers
from .kgx_mapping import QUALIFIER_COLUMNS, EdgeRule, KgxMapping, load_mapping
from ..gc_control import gc_paused

__all__ = ["EDGE_COLUMNS", "NODE_COLUMNS", "GraphFacts", "compact", "edge_rows", "kgx_tables", "node_columns",
           "node_rows", "standard_id", "write_kgx"]

NODE_COLUMNS = ("id", "category", "name", "synonym", "xref", "provided_by")
EDGE_COLUMNS = (
    "id", "subject", "predicate", "object", "category", "qualified_predicate",
    "object_aspect_qualifier", "object_direction_qualifier", "primary_knowledge_source",
    "knowledge_level", "agent_type", "publications", "has_supporting_studies", "original_predicate",
)
_ID, _CATEGORY = 0, 1  # of a node row (a tuple in node_columns() order)
_ROWS_PER_CHUNK = 8192  # TSV rows encoded and written at a time


def node_columns(mapping: KgxMapping) -> tuple[str, ...]:
    """The Biolink node columns, then the mapping's extra attribute columns (trial results)."""
    return NODE_COLUMNS + tuple(column for column, _ in mapping.node_attributes)


def compact(node) -> str:
    """The CURIE for an IRI (hcc_kg.ids, longest matching namespace), else the IRI itself."""
    return ids.compress_or_keep(str(node))


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


def _xrefs(facts: GraphFacts, node: str, mapping: KgxMapping) -> list[str]:
    prefixes = dict(mapping.xref_prefixes)
    found = []
    for prop, prefix in mapping.xref_properties:
        for value in map(lexical, facts.objects(node, spelling(prop))):
            found.append(_xref(f"{prefix}:{value}" if prefix else value, prefixes))
    return found


def standard_id(xrefs: Iterable[str], preferred: tuple[str, ...]) -> str | None:
    """The xref whose prefix comes first in ``preferred`` (then the smallest such xref), or None.

    >>> standard_id(["DRUGBANK:DB1", "CHEBI:9", "CHEBI:10"], ("CHEBI", "DRUGBANK"))
    'CHEBI:10'
    >>> standard_id(["fplx:X"], ("HGNC.FAMILY",)) is None
    True
    """
    rank = {prefix: i for i, prefix in enumerate(preferred)}
    usable = [x for x in xrefs if x.partition(":")[0] in rank]
    return min(usable, key=lambda x: (rank[x.partition(":")[0]], x)) if usable else None


def _categorised(facts: GraphFacts, mapping: KgxMapping) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(IRI spelling, categories) of every node of a mapped class, by IRI."""
    by_types, found = {}, []
    for node, types in facts.index[TYPE].items():
        if node[0] != "<":
            continue
        types = tuple(types)  # nodes share a few combinations of classes: asked once each
        categories = by_types.get(types)
        if categories is None:
            categories = by_types[types] = mapping.node_categories(facts.classes(node))
        if categories:
            found.append((node, categories))
    found.sort(key=lambda item: iri(item[0]))  # by the IRI, as rdflib sorts its terms
    return iter(found)


def node_rows(facts: GraphFacts, mapping: KgxMapping) -> dict[str, tuple[str, ...]]:
    """Every resource of a mapped class (its IRI spelling) → its nodes.tsv row (node_columns() order).

    The row's id is the node's standard CURIE (:func:`standard_id`) unless another node
    already took it (two of our nodes must not merge into one); the local ``hccr:`` id is
    always one of the xrefs, so the row can be traced back to the graph.
    """
    rows, taken = {}, set()
    attributes = [(column, spelling(prop)) for column, prop in mapping.node_attributes]
    for node, categories in _categorised(facts, mapping):
        local = compact(iri(node))
        xrefs = _xrefs(facts, node, mapping)
        standard = standard_id(xrefs, mapping.node_id_prefixes(categories))
        node_id = standard if standard and standard not in taken else local
        taken.add(node_id)
        labels = sorted(map(lexical, facts.objects(node, LABEL)))
        rows[node] = (
            node_id, "|".join(categories), _clean(labels[0]) if labels else "",
            _join(map(lexical, facts.objects(node, ALT_LABEL)), f"synonyms of {local}"),
            _join([*xrefs, local], f"xrefs of {local}"), mapping.knowledge_source,
            *(_join(map(lexical, facts.objects(node, prop)), f"{column} of {local}") for column, prop in attributes),
        )
    return rows


# ---------------------------------------------------------------- edges

@dataclass(frozen=True, slots=True)
class EdgeKey:
    """What makes one KGX edge: subject and object IRIs, Biolink predicate and category, qualifiers, original predicate."""

    subject: str  # IRI spellings
    predicate: str
    object: str
    category: str
    qualifiers: tuple[tuple[str, str], ...]
    original: str = ""  # the ontology property read subject -> object (original_predicate)


@dataclass(slots=True)
class _Support:
    """What one edge rests on; filled while walking the graph (local to one export).

    Most edges rest on one fact: its spans are kept as the fact's own (shared) tuple, and a
    set is made only when a second fact adds spans to them."""

    spans: tuple | set = ()
    studies: set | None = None
    rank: int | None = None  # the strongest (lowest) provenance rank of the facts

    def add(self, spans: tuple, rank: int | None = None) -> None:
        if spans:
            if not self.spans:
                self.spans = spans
            elif type(self.spans) is tuple:
                self.spans = {*self.spans, *spans}
            else:
                self.spans.update(spans)
        if rank is not None:
            self.rank = rank if self.rank is None else min(self.rank, rank)


def _rule_triples(facts: GraphFacts, rule: EdgeRule, mapped: set[str]) -> Iterator[tuple]:
    """(subject, object, original triple, original property CURIE) for a rule's properties.

    A triple of an inverse property is read as the rule's forward property when the rule
    has exactly one (``armOf`` as ``hasArm``), so both give one edge.
    """
    turned = rule.forward[0] if len(rule.forward) == 1 else ""
    for curie, turn in [(p, False) for p in rule.forward] + [(p, True) for p in rule.inverse]:
        prop = spelling(curie)
        narrower = facts.sub_properties(prop) & mapped
        for s, objects in facts.index[prop].items():
            for o in objects:
                if any(o in facts.objects(s, sub) for sub in narrower):
                    continue  # the more specific mapped property says it already
                yield (o, s, (s, prop, o), turned) if turn else (s, o, (s, prop, o), curie)


def _walk(facts: GraphFacts, start: str, path) -> Iterator[tuple[str, list[tuple], list[str]]]:
    """Every end node reachable from ``start`` along ``path``: (end, triples used, nodes passed)."""
    frontier = [(start, [], [])]
    for curie, backwards in path:
        prop = spelling(curie)
        step = []
        for node, used, via in frontier:
            nexts = facts.subjects(prop, node) if backwards else facts.objects(node, prop)
            for nxt in nexts:
                triple = (nxt, prop, node) if backwards else (node, prop, nxt)
                step.append((nxt, used + [triple], via + [nxt]))
        frontier = step
    for end, used, via in frontier:
        yield end, used, via[:-1]


def edge_support(facts: GraphFacts, mapping: KgxMapping, nodes: set[str]) -> dict[EdgeKey, _Support]:
    """Every KGX edge the mapping's rules and chains make between ``nodes``, with the evidence spans and ranks behind it."""
    support: dict[EdgeKey, _Support] = defaultdict(_Support)
    mapped = {spelling(p) for rule in mapping.edges for p in (*rule.forward, *rule.inverse)}
    for rule in mapping.edges:
        for s, o, triple, original in _rule_triples(facts, rule, mapped):
            if s in nodes and o in nodes:
                entry = support[EdgeKey(s, rule.predicate, o, rule.category, rule.qualifiers, original)]
                entry.add(facts.spans(triple), facts.rank(triple))
    for rule in mapping.chains:
        for start in nodes:  # no order needed: entries are keyed, rows sorted at the end
            for end, used, via in _walk(facts, start, rule.path):
                if end not in nodes or end == start:
                    continue
                entry = support[EdgeKey(start, rule.predicate, end, rule.category, ())]
                for triple in used:
                    entry.add(facts.spans(triple))
                entry.add((), max(facts.rank(t) for t in used))  # a chain is as strong as its weakest step
                entry.studies = entry.studies or set()
                entry.studies.update(via)
                for prop in rule.studies:  # an approval's supporting trials ("based on NAME")
                    entry.studies.update(o for v in via for o in facts.objects(v, spelling(prop)))
    return support


def _categories(row: tuple | None) -> list[str]:
    return row[_CATEGORY].split("|") if row else []


def edge_id(key: EdgeKey, prefix: str) -> str:
    """A stable edge id: ``prefix`` plus a hash of everything that makes the edge (same edge, same id on every build)."""
    text = "\t".join([iri(key.subject), key.predicate, iri(key.object), key.category, repr(key.qualifiers),
                      key.original])
    return f"{prefix}:{hashlib.sha1(text.encode('utf-8')).hexdigest()[:16]}"


def edge_rows(support: dict[EdgeKey, _Support], mapping: KgxMapping, nodes: dict[str, tuple]) -> list[tuple[str, ...]]:
    """Every edge's edges.tsv row (EDGE_COLUMNS order), sorted by subject, predicate, object, id.

    ``support`` (:func:`edge_support`) is emptied as its rows are made."""
    rows = []
    while support:
        key, entry = support.popitem()
        provenance = mapping.provenance[entry.rank]
        qualifiers = dict(key.qualifiers)
        studies = (nodes[s][_ID] for s in entry.studies or ()
                   if "biolink:ClinicalTrial" in _categories(nodes.get(s)))
        rows.append((
            edge_id(key, mapping.edge_id_prefix), nodes[key.subject][_ID], key.predicate, nodes[key.object][_ID],
            key.category, *(qualifiers.get(column, "") for column in QUALIFIER_COLUMNS), mapping.knowledge_source,
            provenance.knowledge_level, provenance.agent_type, "|".join(sorted(entry.spans)),
            "|".join(sorted(studies)), key.original,
        ))
    return sorted(rows, key=lambda row: (row[1], row[2], row[3], row[0]))


# ---------------------------------------------------------------- writing

def tsv(rows: Iterable[tuple[str, ...]], columns: tuple[str, ...]) -> Iterator[bytes]:
    """The TSV file (a header, then one line per row) in chunks of UTF-8."""
    yield ("\t".join(columns) + "\n").encode("utf-8")
    rows = iter(rows)
    while batch := list(itertools.islice(rows, _ROWS_PER_CHUNK)):
        yield "".join("\t".join(row) + "\n" for row in batch).encode("utf-8")


def _tables(graph: Iterable[tuple], mapping: KgxMapping) -> tuple[list[tuple], list[tuple]]:
    facts = GraphFacts(graph, mapping)
    nodes = node_rows(facts, mapping)
    support = edge_support(facts, mapping, set(nodes))
    del facts  # the graph's index (most of the memory): gone before the rows are made
    return sorted(nodes.values()), edge_rows(support, mapping, nodes)  # node ids are unique: sorted by id


def kgx_tables(graph: Iterable[tuple], mapping: KgxMapping | None = None) -> tuple[list[dict], list[dict]]:
    """(node rows, edge rows) as dicts for ``graph`` (a CanonicalGraph, the store, an rdflib Graph or
    any iterable of rdflib triples), sorted by id / subject."""
    mapping = mapping or load_mapping()
    nodes, edges = _tables(graph, mapping)
    columns = node_columns(mapping)
    return [dict(zip(columns, row)) for row in nodes], [dict(zip(EDGE_COLUMNS, row)) for row in edges]


def write_kgx(graph: Iterable[tuple], out_dir: Path | str, mapping: KgxMapping | None = None) -> list[Path]:
    """Write ``nodes.tsv`` and ``edges.tsv`` (KGX TSV) atomically into ``out_dir``, and the
    header files for ``neo4j-admin database import`` (:mod:`hcc_kg.store.kgx_neo4j`) under ``neo4j/``."""
    mapping = mapping or load_mapping()
    with gc_paused():  # an index of most of the graph: the collector would walk it again and again
        nodes, edges = _tables(graph, mapping)
    out_dir = Path(out_dir)
    written = []
    for name, rows, columns in (("nodes.tsv", nodes, node_columns(mapping)), ("edges.tsv", edges, EDGE_COLUMNS)):
        try:
            atomic_write(out_dir / name, tsv(rows, columns))
        except OSError as exc:
            raise ExportError(f"cannot write {out_dir / name}: {exc}") from exc
        written.append(out_dir / name)
    return written + write_headers(out_dir, node_columns(mapping), EDGE_COLUMNS)
