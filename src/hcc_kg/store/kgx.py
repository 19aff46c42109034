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
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import OWL, RDF, RDFS, URIRef
from rdflib.namespace import SKOS

from .. import ids
from ..errors import ConfigError, ExportError
from .canonical import CanonicalGraph, parse_term
from .export import atomic_write
from .kgx_neo4j import write_headers
from .kgx_mapping import QUALIFIER_COLUMNS, EdgeRule, KgxMapping, load_mapping
from ..gc_control import gc_paused
from .rdf import HCC

NODE_COLUMNS = ("id", "category", "name", "synonym", "xref", "provided_by")
EDGE_COLUMNS = (
    "id", "subject", "predicate", "object", "category", "qualified_predicate",
    "object_aspect_qualifier", "object_direction_qualifier", "primary_knowledge_source",
    "knowledge_level", "agent_type", "publications", "has_supporting_studies", "original_predicate",
)


def node_columns(mapping: KgxMapping) -> tuple[str, ...]:
    """The Biolink node columns, then the mapping's extra attribute columns (trial results)."""
    return NODE_COLUMNS + tuple(column for column, _ in mapping.node_attributes)

# ---------------------------------------------------------------- reading the graph

@lru_cache(maxsize=None)  # a handful of CURIEs, asked for at every node, edge and chain step
def expand(curie: str) -> URIRef:
    """The IRI of a CURIE of the mapping file (through hcc_kg.ids)."""
    try:
        return URIRef(ids.expand(curie))
    except ConfigError as exc:
        raise ConfigError(f"KGX mapping: {exc}") from exc


# rdflib makes a new URIRef at every attribute read of a Namespace: the terms read per node, once
_HAS_EVIDENCE, _FROM_DOCUMENT, _DOCUMENT_ID = HCC.hasEvidence, HCC.fromDocument, HCC.documentId
_START, _END, _STATUS = HCC.startOffset, HCC.endOffset, HCC.assertionStatus
_LINKS = (OWL.annotatedSource, OWL.annotatedProperty, OWL.annotatedTarget)
_TYPE, _LABEL, _ALT_LABEL = RDF.type, RDFS.label, SKOS.altLabel
_SUBCLASS, _SUBPROPERTY = RDFS.subClassOf, RDFS.subPropertyOf
_FIXED = (_TYPE, _SUBCLASS, _SUBPROPERTY, _LABEL, _ALT_LABEL, *_LINKS,
          _HAS_EVIDENCE, _FROM_DOCUMENT, _DOCUMENT_ID, _START, _END, _STATUS)


_AXIOM = OWL.Axiom
_TYPE_SPELLING, _AXIOM_SPELLING = f"<{_TYPE}>", f"<{_AXIOM}>"
_LINK_SPELLINGS = tuple(f"<{link}>" for link in _LINKS)
_EVIDENCE_SPELLING, _STATUS_SPELLING = f"<{_HAS_EVIDENCE}>", f"<{_STATUS}>"
_AXIOM_ROWS = frozenset((*_LINK_SPELLINGS, _EVIDENCE_SPELLING, _STATUS_SPELLING))  # held in its Axiom


def _n3(node) -> str:
    return node.n3()


@dataclass(frozen=True, slots=True)
class Axiom:
    """What an ``owl:Axiom`` says of the triple it annotates: its evidence records and statuses."""

    evidence: tuple
    status: tuple


def compact(iri: URIRef) -> str:
    """The CURIE for ``iri`` (hcc_kg.ids, longest matching namespace), else the IRI itself."""
    return ids.compress_or_keep(str(iri))


class GraphFacts:
    """The triples the mapping reads, indexed in one pass over any iterable of triples.

    Only predicates the mapping or this module name are kept (subject → objects), so no
    look-up scans the graph; superclasses, spans and ranks are worked out once each,
    not once per node, edge or chain path.
    """

    def __init__(self, triples: Iterable[tuple], mapping: KgxMapping) -> None:
        self.mapping = mapping
        names = {p for rule in mapping.edges for p in (*rule.forward, *rule.inverse)}
        names |= {p for rule in mapping.chains for p, _ in rule.path} | {p for p, _ in mapping.xref_properties}
        names |= {p for _, p in mapping.node_attributes}
        self.index: dict[URIRef, dict] = {p: {} for p in (*_FIXED, *map(expand, sorted(names)))}
        self._reverse, self._superclasses, self._spans, self._ranks = {}, {}, {}, {}
        self.axioms: dict[tuple, list[Axiom]] = defaultdict(list)  # (s, p, o) -> what annotates it
        if isinstance(triples, CanonicalGraph):
            self._read_rows(triples)
        else:
            by_name = {str(p): by_subject for p, by_subject in self.index.items()}  # plain str: C-level hash/eq
            for s, p, o in triples:
                by_subject = by_name.get(str(p))
                if by_subject is not None:
                    by_subject.setdefault(s, []).append(o)
            for node, types in self.index[_TYPE].items():
                if _AXIOM in types:
                    self.axioms[tuple(self.value(node, link) for link in _LINKS)].append(
                        Axiom(tuple(self.objects(node, _HAS_EVIDENCE)), tuple(self.objects(node, _STATUS))))

    def _read_rows(self, canon: CanonicalGraph) -> None:
        """Index a canonical graph from its spellings: a term is made only for a kept triple,
        once per distinct spelling.  A subject's triples are consecutive: each subject's kept
        rows are gathered, then indexed, or, for an ``owl:Axiom``, kept only as the
        :class:`Axiom` of the triple it annotates (millions of them: no node, type or links)."""
        by_spelling = {f"<{p}>": by_subject for p, by_subject in self.index.items()}
        terms: dict[str, object] = {}
        known = terms.get

        def term(spelling: str):
            found = known(spelling)
            return terms.setdefault(spelling, parse_term(spelling)) if found is None else found

        subject, rows = None, []
        for line in canon.lines():
            s, p, o = line.split(" ", 2)
            if p not in by_spelling:
                continue
            if s != subject:
                if rows:
                    self._index_subject(subject, rows, by_spelling, term)
                subject, rows = s, []
            rows.append((p, o[:-3]))
        if rows:
            self._index_subject(subject, rows, by_spelling, term)

    def _index_subject(self, subject: str, rows: list[tuple[str, str]], by_spelling: dict, term) -> None:
        if (_TYPE_SPELLING, _AXIOM_SPELLING) in rows:
            links = [sorted((term(o) for p, o in rows if p == link), key=_n3) for link in _LINK_SPELLINGS]
            if all(links):  # value(): the first in N-Triples order if several
                annotates = tuple(found[0] for found in links)
                self.axioms[annotates].append(Axiom(tuple(term(o) for p, o in rows if p == _EVIDENCE_SPELLING),
                                                    tuple(term(o) for p, o in rows if p == _STATUS_SPELLING)))
            rows = [(p, o) for p, o in rows if p not in _AXIOM_ROWS and (p, o) != (_TYPE_SPELLING, _AXIOM_SPELLING)]
            if not rows:
                return
        node = term(subject)
        for p, o in rows:
            by_spelling[p].setdefault(node, []).append(term(o))

    def objects(self, node, prop: URIRef):
        return self.index[prop].get(node, ())

    def subjects(self, prop: URIRef, node):
        if prop not in self._reverse:
            reverse = self._reverse[prop] = defaultdict(list)
            for s, objects in self.index[prop].items():
                for o in objects:
                    reverse[o].append(s)
        return self._reverse[prop].get(node, ())

    def value(self, node, prop: URIRef):
        """The object of ``node prop`` (the first in N-Triples order if several), or None."""
        found = self.index[prop].get(node)
        return (found[0] if len(found) == 1 else min(found, key=lambda n: n.n3())) if found else None

    def spans(self, triple) -> frozenset[str]:
        if triple not in self._spans:
            spans = set()
            for axiom in self.axioms.get(triple, ()):
                for evidence in axiom.evidence:
                    doc = self.value(self.value(evidence, _FROM_DOCUMENT), _DOCUMENT_ID)
                    start, end = self.value(evidence, _START), self.value(evidence, _END)
                    if doc is not None and start is not None and end is not None:
                        spans.add(f"{self.mapping.document_prefix}:{doc}#{int(start)}-{int(end)}")
            self._spans[triple] = frozenset(spans)
        return self._spans[triple]

    def rank(self, triple) -> int:
        """Position of the triple's status in the mapping's provenance list (lower is stronger)."""
        if triple not in self._ranks:
            marks = {str(v) for a in self.axioms.get(triple, ()) for v in a.status}
            known = [p.status for p in self.mapping.provenance if p.status in marks]
            status = "text" if self.spans(triple) else known[0] if known else "asserted"
            self._ranks[triple] = self.mapping.status_rank(status)
        return self._ranks[triple]

    def classes(self, node: URIRef) -> set[str]:
        """CURIEs of the node's classes and all their named superclasses."""
        found: set[str] = set()
        for cls in self.objects(node, _TYPE):
            if cls not in self._superclasses:
                above = _closure(cls, lambda c: self.objects(c, _SUBCLASS))
                self._superclasses[cls] = frozenset(compact(c) for c in above if isinstance(c, URIRef))
            found |= self._superclasses[cls]
        return found

    def sub_properties(self, prop: URIRef) -> set[URIRef]:
        return _closure(prop, lambda p: self.subjects(_SUBPROPERTY, p)) - {prop}


def _closure(start, step) -> set:
    """``start`` and everything reachable from it by ``step`` (cycles are fine)."""
    seen, todo = {start}, [start]
    while todo:
        for nxt in step(todo.pop()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


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
        for value in facts.objects(node, expand(prop)):
            found.append(_xref(f"{prefix}:{value}" if prefix else str(value), prefixes))
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


def node_rows(facts: GraphFacts, mapping: KgxMapping) -> dict[URIRef, dict[str, str]]:
    """Every resource of a mapped class → its nodes.tsv row.

    The row's id is the node's standard CURIE (:func:`standard_id`) unless another node
    already took it (two of our nodes must not merge into one); the local ``hccr:`` id is
    always one of the xrefs, so the row can be traced back to the graph.
    """
    rows, taken, by_types = {}, set(), {}
    for node in sorted(s for s in facts.index[_TYPE] if isinstance(s, URIRef)):
        types = tuple(facts.objects(node, _TYPE))  # nodes share a few combinations of classes: asked once each
        categories = by_types.get(types)
        if categories is None:
            categories = by_types[types] = mapping.node_categories(facts.classes(node))
        if not categories:
            continue
        local = compact(node)
        xrefs = _xrefs(facts, node, mapping)
        standard = standard_id(xrefs, mapping.node_id_prefixes(categories))
        node_id = standard if standard and standard not in taken else local
        taken.add(node_id)
        labels = sorted(str(label) for label in facts.objects(node, _LABEL))
        rows[node] = {
            "id": node_id, "category": "|".join(categories),
            "name": _clean(labels[0]) if labels else "",
            "synonym": _join(facts.objects(node, _ALT_LABEL), f"synonyms of {local}"),
            "xref": _join([*xrefs, local], f"xrefs of {local}"),
            "provided_by": mapping.knowledge_source,
            **{column: _join(map(str, facts.objects(node, expand(prop))), f"{column} of {local}")
               for column, prop in mapping.node_attributes},
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
    original: str = ""  # the ontology property read subject -> object (original_predicate)


@dataclass
class _Support:
    """What one edge rests on; filled while walking the graph (local to one export)."""

    spans: set = field(default_factory=set)
    studies: set = field(default_factory=set)
    ranks: list = field(default_factory=list)


def _rule_triples(facts: GraphFacts, rule: EdgeRule, mapped: set[URIRef]) -> Iterator[tuple]:
    """(subject, object, original triple, original property CURIE) for a rule's properties.

    A triple of an inverse property is read as the rule's forward property when the rule
    has exactly one (``armOf`` as ``hasArm``), so both give one edge.
    """
    turned = rule.forward[0] if len(rule.forward) == 1 else ""
    for curie, turn in [(p, False) for p in rule.forward] + [(p, True) for p in rule.inverse]:
        prop = expand(curie)
        narrower = facts.sub_properties(prop) & mapped
        for s, objects in facts.index[prop].items():
            for o in objects:
                if any(o in facts.objects(s, sub) for sub in narrower):
                    continue  # the more specific mapped property says it already
                yield (o, s, (s, prop, o), turned) if turn else (s, o, (s, prop, o), curie)


def _walk(facts: GraphFacts, start: URIRef, path) -> Iterator[tuple[URIRef, list[tuple], list[URIRef]]]:
    """Every end node reachable from ``start`` along ``path``: (end, triples used, nodes passed)."""
    frontier = [(start, [], [])]
    for curie, backwards in path:
        prop = expand(curie)
        step = []
        for node, used, via in frontier:
            nexts = facts.subjects(prop, node) if backwards else facts.objects(node, prop)
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
        for s, o, triple, original in _rule_triples(facts, rule, mapped):
            if s in nodes and o in nodes:
                entry = support[EdgeKey(s, rule.predicate, o, rule.category, rule.qualifiers, original)]
                entry.spans |= facts.spans(triple)
                entry.ranks.append(facts.rank(triple))
    for rule in mapping.chains:
        for start in nodes:  # no order needed: entries are keyed, rows sorted at the end
            for end, used, via in _walk(facts, start, rule.path):
                if end not in nodes or end == start:
                    continue
                entry = support[EdgeKey(start, rule.predicate, end, rule.category, ())]
                for triple in used:
                    entry.spans |= facts.spans(triple)
                entry.studies.update(via)
                entry.ranks.append(max(facts.rank(t) for t in used))
    return support


def _categories(row: dict | None) -> list[str]:
    return row["category"].split("|") if row else []


def edge_id(key: EdgeKey, prefix: str) -> str:
    text = "\t".join([str(key.subject), key.predicate, str(key.object), key.category, repr(key.qualifiers),
                      key.original])
    return f"{prefix}:{hashlib.sha1(text.encode('utf-8')).hexdigest()[:16]}"


def edge_rows(facts: GraphFacts, mapping: KgxMapping, nodes: dict[URIRef, dict]) -> list[dict[str, str]]:
    rows = []
    for key, entry in edge_support(facts, mapping, set(nodes)).items():
        provenance = mapping.provenance[min(entry.ranks)]
        qualifiers = dict(key.qualifiers)
        rows.append({
            "id": edge_id(key, mapping.edge_id_prefix), "subject": nodes[key.subject]["id"],
            "predicate": key.predicate, "object": nodes[key.object]["id"], "category": key.category,
            **{column: qualifiers.get(column, "") for column in QUALIFIER_COLUMNS},
            "primary_knowledge_source": mapping.knowledge_source,
            "knowledge_level": provenance.knowledge_level, "agent_type": provenance.agent_type,
            "publications": "|".join(sorted(entry.spans)),
            "has_supporting_studies": "|".join(sorted(
                nodes[s]["id"] for s in entry.studies if "biolink:ClinicalTrial" in _categories(nodes.get(s)))),
            "original_predicate": key.original,
        })
    return sorted(rows, key=lambda row: (row["subject"], row["predicate"], row["object"], row["id"]))


# ---------------------------------------------------------------- writing

def tsv(rows: list[dict[str, str]], columns: tuple[str, ...]) -> bytes:
    lines = ["\t".join(columns)] + ["\t".join(row.get(c, "") for c in columns) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def kgx_tables(graph: Iterable[tuple], mapping: KgxMapping | None = None) -> tuple[list[dict], list[dict]]:
    """(node rows, edge rows) for ``graph`` (an rdflib Graph or any iterable of triples), sorted by id / subject."""
    mapping = mapping or load_mapping()
    facts = GraphFacts(graph, mapping)
    nodes = node_rows(facts, mapping)
    return sorted(nodes.values(), key=lambda row: row["id"]), edge_rows(facts, mapping, nodes)


def write_kgx(graph: Iterable[tuple], out_dir: Path | str, mapping: KgxMapping | None = None) -> list[Path]:
    """Write ``nodes.tsv`` and ``edges.tsv`` (KGX TSV) atomically into ``out_dir``, and the
    header files for ``neo4j-admin database import`` (:mod:`hcc_kg.store.kgx_neo4j`) under ``neo4j/``."""
    mapping = mapping or load_mapping()
    with gc_paused():  # an index of most of the graph: the collector would walk it again and again
        nodes, edges = kgx_tables(graph, mapping)
    out_dir = Path(out_dir)
    written = []
    for name, rows, columns in (("nodes.tsv", nodes, node_columns(mapping)), ("edges.tsv", edges, EDGE_COLUMNS)):
        try:
            atomic_write(out_dir / name, tsv(rows, columns))
        except OSError as exc:
            raise ExportError(f"cannot write {out_dir / name}: {exc}") from exc
        written.append(out_dir / name)
    return written + write_headers(out_dir, node_columns(mapping), EDGE_COLUMNS)
