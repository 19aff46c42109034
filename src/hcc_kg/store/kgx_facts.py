"""The triples the KGX export reads, gathered from a graph's sorted N-Triples lines.

:mod:`hcc_kg.store.kgx` turns these facts into ``nodes.tsv`` and ``edges.tsv``.  Every
node, property and value is kept as its N-Triples spelling (``<iri>``, ``"text"``), never
as an rdflib term: a graph of ten million triples is read in one pass over the lines of its
:class:`~hcc_kg.store.canonical.CanonicalGraph`, and only what the mapping can use is kept:

* the mapped properties, types, labels, synonyms, identifiers and node values, subject →
  objects;
* of each ``owl:Axiom`` (millions of them), only the evidence records and statuses it gives
  a fact of a mapped property, merged per fact: no node, type or link of the axiom;
* of each evidence record, its document and ``start-end`` span, nothing else.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Iterable

from rdflib import OWL, RDF, RDFS
from rdflib.namespace import SKOS

from .. import ids
from ..errors import ConfigError
from .canonical import canonical_of, lexical
from .kgx_mapping import KgxMapping
from .rdf import HCC

Triple = tuple[str, str, str]  # N-Triples spellings


def _spelt(iri) -> str:
    return f"<{iri}>"


TYPE, LABEL, ALT_LABEL = _spelt(RDF.type), _spelt(RDFS.label), _spelt(SKOS.altLabel)
SUBCLASS, SUBPROPERTY = _spelt(RDFS.subClassOf), _spelt(RDFS.subPropertyOf)
DOCUMENT_ID = _spelt(HCC.documentId)
_AXIOM = _spelt(OWL.Axiom)
_LINKS = tuple(_spelt(link) for link in (OWL.annotatedSource, OWL.annotatedProperty, OWL.annotatedTarget))
_EVIDENCE, _STATUS = _spelt(HCC.hasEvidence), _spelt(HCC.assertionStatus)
_AXIOM_ROWS = frozenset((*_LINKS, _EVIDENCE, _STATUS))  # held by the fact the axiom annotates
_SPAN_ROWS = (_spelt(HCC.fromDocument), _spelt(HCC.startOffset), _spelt(HCC.endOffset))  # an evidence record
_INDEXED = (TYPE, SUBCLASS, SUBPROPERTY, LABEL, ALT_LABEL, DOCUMENT_ID)
_TUPLE_MAX = 8  # a subject's values are a tuple up to this many, then a list (appending to a tuple copies it)


@lru_cache(maxsize=None)  # a handful of CURIEs, asked for at every node, edge and chain step
def spelling(curie: str) -> str:
    """The N-Triples spelling ``<iri>`` of a CURIE of the mapping file (through hcc_kg.ids)."""
    try:
        return f"<{ids.expand(curie)}>"
    except ConfigError as exc:
        raise ConfigError(f"KGX mapping: {exc}") from exc


def iri(node: str) -> str:
    """The IRI of an IRI spelling (``<iri>`` → ``iri``)."""
    return node[1:-1]


def _first(values: list[str]) -> str:
    """The first value in N-Triples order (a property read as single-valued that has several)."""
    return values[0] if len(values) == 1 else min(values)


def mapped_properties(mapping: KgxMapping) -> set[str]:
    """Spellings of every property an edge rule or a chain reads (its path and its studies)."""
    names = {p for rule in mapping.edges for p in (*rule.forward, *rule.inverse)}
    names |= {p for rule in mapping.chains for p, _ in rule.path}
    names |= {p for rule in mapping.chains for p in rule.studies}
    return {spelling(name) for name in names}


class GraphFacts:
    """What the mapping reads of a graph, in one pass over its sorted lines (see the module)."""

    def __init__(self, graph: Iterable[tuple], mapping: KgxMapping) -> None:
        self.mapping = mapping
        self._annotated = frozenset(mapped_properties(mapping))  # facts whose axioms are read
        names = {p for p, _ in mapping.xref_properties} | {p for _, p in mapping.node_attributes}
        self.index: dict[str, dict[str, tuple[str, ...] | list[str]]] = {
            p: {} for p in (*_INDEXED, *self._annotated, *sorted(map(spelling, names)))}
        self.evidence: dict[str, tuple[str, str]] = {}  # evidence record -> (document node, "start-end")
        self.supported: dict[Triple, list[str]] = {}  # fact -> evidence records of its axioms
        self.statuses: dict[Triple, set[str]] = {}  # fact -> assertionStatus values of its axioms
        self._reverse, self._superclasses, self._spans, self._ranks = {}, {}, {}, {}
        self._read(canonical_of(graph).lines())

    # -- reading ---------------------------------------------------------------------------
    def _read(self, lines: Iterable[str]) -> None:
        """Indexed rows are kept as they come; an axiom's or an evidence record's rows (its
        triples are consecutive) are gathered, then read as one when its subject ends."""
        index, intern = self.index, sys.intern
        grouped = frozenset((*_AXIOM_ROWS, *_SPAN_ROWS))
        axiom_type = f"{_AXIOM} .\n"  # an object as split from a line: the axiom's own type is grouped
        subject, rows = None, []
        for line in lines:
            s, p, o = line.split(" ", 2)
            by_subject = index.get(p)
            if by_subject is not None and o != axiom_type:
                value = intern(o[:-3]) if o[0] == "<" else o[:-3]
                found = by_subject.get(s)
                if found is None:
                    by_subject[intern(s)] = (value,)
                elif type(found) is tuple:  # most subjects have one or two values: a tuple is the smallest
                    by_subject[s] = found + (value,) if len(found) < _TUPLE_MAX else [*found, value]
                else:
                    found.append(value)
            elif by_subject is not None or p in grouped:
                if s != subject:
                    if rows:
                        self._read_group(subject, rows)
                    subject, rows = s, []
                rows.append((p, o[:-3]))
        if rows:
            self._read_group(subject, rows)
        combinations: dict[tuple, tuple] = {}  # nodes share a few combinations of classes: one tuple each
        types = index[TYPE]
        for node, classes in types.items():
            types[node] = combinations.setdefault(tuple(classes), tuple(classes))

    def _read_group(self, subject: str, rows: list[tuple[str, str]]) -> None:
        if (TYPE, _AXIOM) in rows:
            self._read_axiom(rows)
        self._read_evidence(subject, rows)

    def _read_axiom(self, rows: list[tuple[str, str]]) -> None:
        links = [[o for p, o in rows if p == link] for link in _LINKS]
        if not all(links):
            return
        fact = tuple(sys.intern(_first(found)) for found in links)
        if fact[1] not in self._annotated:
            return  # no edge reads this fact: its evidence is never asked for
        evidence = [sys.intern(o) for p, o in rows if p == _EVIDENCE]
        statuses = {lexical(o) for p, o in rows if p == _STATUS}
        self.supported.setdefault(fact, []).extend(evidence)
        if statuses:
            self.statuses.setdefault(fact, set()).update(statuses)

    def _read_evidence(self, subject: str, rows: list[tuple[str, str]]) -> None:
        found = [[o for p, o in rows if p == name] for name in _SPAN_ROWS]
        if all(found):
            document, start, end = map(_first, found)
            self.evidence[sys.intern(subject)] = (sys.intern(document),
                                                  f"{int(lexical(start))}-{int(lexical(end))}")

    # -- looking up ------------------------------------------------------------------------
    def objects(self, node: str, prop: str) -> tuple[str, ...] | list[str]:
        return self.index[prop].get(node, ())

    def subjects(self, prop: str, node: str) -> tuple[str, ...] | list[str]:
        if prop not in self._reverse:
            reverse = self._reverse[prop] = {}
            for s, objects in self.index[prop].items():
                for o in objects:
                    reverse.setdefault(o, []).append(s)
        return self._reverse[prop].get(node, ())

    def value(self, node: str, prop: str) -> str | None:
        """The object of ``node prop`` (the first in N-Triples order if several), or None."""
        found = self.index[prop].get(node)
        return _first(found) if found else None

    def spans(self, fact: Triple) -> tuple[str, ...]:
        """``doc:ID#start-end`` of every evidence record the fact's axioms cite, sorted, each once
        (a tuple: hundreds of thousands are kept, and a set costs four times the memory)."""
        found = self._spans.get(fact)
        if found is None:
            spans = set()
            for record in self.supported.get(fact, ()):
                document, span = self.evidence.get(record, (None, None))
                doc = self.value(document, DOCUMENT_ID) if document is not None else None
                if doc is not None:
                    spans.add(f"{self.mapping.document_prefix}:{lexical(doc)}#{span}")
            found = self._spans[fact] = tuple(sorted(spans))
        return found

    def rank(self, fact: Triple) -> int:
        """Position of the fact's status in the mapping's provenance list (lower is stronger)."""
        found = self._ranks.get(fact)
        if found is None:
            marks = self.statuses.get(fact, ())
            known = [p.status for p in self.mapping.provenance if p.status in marks]
            status = "text" if self.spans(fact) else known[0] if known else "asserted"
            found = self._ranks[fact] = self.mapping.status_rank(status)
        return found

    def classes(self, node: str) -> frozenset[str]:
        """CURIEs of the node's classes and all their named superclasses."""
        found: frozenset[str] = frozenset()
        for cls in self.objects(node, TYPE):
            if cls not in self._superclasses:
                above = _closure(cls, lambda c: self.objects(c, SUBCLASS))
                self._superclasses[cls] = frozenset(ids.compress_or_keep(iri(c)) for c in above if c[0] == "<")
            found |= self._superclasses[cls]
        return found

    def sub_properties(self, prop: str) -> set[str]:
        return _closure(prop, lambda p: self.subjects(SUBPROPERTY, p)) - {prop}


def _closure(start, step) -> set:
    """``start`` and everything reachable from it by ``step`` (cycles are fine)."""
    seen, todo = {start}, [start]
    while todo:
        for nxt in step(todo.pop()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen
