"""The ABox in memory: individuals, facts and their annotations, and the triples they make.

:mod:`hcc_kg.owl.populate` fills an :class:`ABox` from the merged assertions; the reasoner
(:mod:`hcc_kg.owl.reason`) summarises :meth:`ABox.logical_triples`; the store
(:mod:`hcc_kg.store.oxigraph`) bulk-loads :meth:`ABox.triples` plus the inferred ones
(:func:`inferred_triples`).  Terms are N-Triples strings (:mod:`hcc_kg.owl.terms`).

What a fact makes, as the graph has always held it:

* the fact ``s p o``, and ``o q s`` when ``q`` is the inverse of ``p`` (or ``p`` is symmetric);
* if annotated, one ``owl:Axiom`` named ``hccr:axiom__<hash of the fact>`` with its source,
  property, target and annotation values (evidence records, ``assertionStatus``);
* an individual has ``rdf:type owl:NamedIndividual``, its classes, one label, its synonyms
  (``skos:altLabel`` and ``oboInOwl:hasExactSynonym``), identifiers and ``skos:exactMatch`` IRIs.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Iterable, Iterator

import owlready2

from ..errors import VocabularyError
from ..ids import OBO_IN_OWL
from ..vocab import ONTOLOGY_NS, RESOURCE_NS
from .terms import NAMED_INDIVIDUAL, OWL, RDFS, SKOS, TYPE, Terms

Triple = tuple[str, str, str]

LABEL, THING = f"<{RDFS}label>", f"<{OWL}Thing>"
ALT_LABEL, EXACT_SYNONYM, EXACT_MATCH = f"<{SKOS}altLabel>", f"<{OBO_IN_OWL}hasExactSynonym>", f"<{SKOS}exactMatch>"
AXIOM_LINKS = tuple(f"<{OWL}{n}>" for n in ("annotatedSource", "annotatedProperty", "annotatedTarget"))
AXIOM = f"<{OWL}Axiom>"
#: Annotation properties the graph writes that the ontology need not declare.
WRITTEN_ANNOTATIONS = frozenset((LABEL, ALT_LABEL, EXACT_SYNONYM, EXACT_MATCH))


@dataclass(frozen=True)
class Schema:
    """What the ABox needs of the TBox: names to IRIs, inverses, annotation properties, classes."""

    onto: owlready2.Ontology
    terms: Terms
    inverse: dict[str, str]  # property term -> inverse term (owl:inverseOf both ways; symmetric: itself)
    annotations: frozenset[str]  # annotation property terms (their values are not logic)
    names: dict[str, str] = field(default_factory=dict)  # local name -> IRI term (a cache)

    @classmethod
    def of(cls, onto: owlready2.Ontology, tbox: Iterable[Triple], terms: Terms) -> "Schema":
        inverse: dict[str, str] = {}
        annotations = set(WRITTEN_ANNOTATIONS)
        for s, p, o in tbox:
            if p == f"<{OWL}inverseOf>" and s[0] == "<" and o[0] == "<":
                inverse.setdefault(terms.intern(s), terms.intern(o))
                inverse.setdefault(terms.intern(o), terms.intern(s))
            elif p == TYPE and o == f"<{OWL}SymmetricProperty>":
                inverse.setdefault(terms.intern(s), terms.intern(s))
            elif p == TYPE and o == f"<{OWL}AnnotationProperty>":
                annotations.add(terms.intern(s))
        return cls(onto, terms, inverse, frozenset(annotations))

    def term(self, name: str) -> str:
        """The IRI term of the ontology's class or property ``name`` (VocabularyError if none)."""
        found = self.names.get(name)
        if found is None:
            entity = self.onto[name]
            if entity is None:
                raise VocabularyError(f"ontology has no class or property {name!r}")
            found = self.names[name] = self.terms.iri(entity.iri)
        return found


@dataclass(slots=True)
class Individual:
    """One named individual: its key, classes (in the order given), label and annotations."""

    key: str
    iri: str
    types: list[str]  # ontology class names
    label: str | None
    synonyms: list[str] = field(default_factory=list)
    data: list[tuple[str, str]] = field(default_factory=list)  # (property, term) written outside facts


def axiom_iri(s: str, p: str, target_n3: str) -> str:
    """The IRI naming the axiom that annotates ``s p o`` (``o`` as rdflib's ``n3()`` writes it)."""
    digest = hashlib.sha1(f"{s} {p} {target_n3}".encode("utf-8")).hexdigest()[:16]
    return f"<{RESOURCE_NS}axiom__{digest}>"


class ABox:
    """Individuals and facts (a fact: ``(s, p, o)``, o as stated) with their annotations."""

    def __init__(self, schema: Schema) -> None:
        self.schema, self.terms = schema, schema.terms
        self.individuals: dict[str, Individual] = {}
        self.facts: dict[Triple, dict[str, list[str]] | None] = {}
        self.inverse_annotated: dict[Triple, dict[str, list[str]]] = {}  # facts held as their inverse

    # -- writing -----------------------------------------------------------------------
    def new(self, key: str, classes: list[str], label: str | None) -> Individual:
        for name in classes:
            self.schema.term(name)  # an unknown class fails here, as owlready2 would
        ind = self.individuals.get(key)
        if ind is None:
            ind = self.individuals[key] = Individual(key, self.terms.iri(RESOURCE_NS + key), [], label)
        for name in classes:
            if name not in ind.types:
                ind.types.append(name)
        ind.label = label
        return ind

    def fact(self, s: str, p: str, o: str) -> Triple:
        """Record ``s p o`` once (not again if stated through the inverse); its key."""
        key = (s, p, o)
        if key not in self.facts:
            q = self.schema.inverse.get(p)
            if q is None or (o, q, s) not in self.facts:
                self.facts[key] = None
        return key

    def annotate(self, fact: Triple, prop: str, values: list[str]) -> None:
        """Set one annotation property's values on ``fact`` (a later call replaces them)."""
        held = self.facts if fact in self.facts else self.inverse_annotated
        found = held.get(fact)
        if found is None:
            found = held[fact] = {}
        found[prop] = values

    # -- reading -----------------------------------------------------------------------
    def triples(self) -> Iterator[Triple]:
        """Every asserted triple the store holds about the individuals (duplicates possible)."""
        yield from self._individual_triples(with_annotations=True)
        canonical, inverse = self.terms.canonical, self.schema.inverse
        for (s, p, o), values in self.facts.items():
            yield s, p, canonical(o)
            q = inverse.get(p) if o[0] == "<" else None
            if q is not None:
                yield o, q, s
            if values:
                yield from self._axiom(s, p, o, values)
        for (s, p, o), values in self.inverse_annotated.items():
            yield from self._axiom(s, p, o, values)

    def _axiom(self, s: str, p: str, o: str, annotations: dict[str, list[str]]) -> Iterator[Triple]:
        target = self.terms.canonical(o)
        axiom = self.terms.intern(axiom_iri(s, p, self.terms.n3(target)))
        yield from axiom_triples(axiom, s, p, target)
        for prop, values in annotations.items():
            yield from ((axiom, prop, v) for v in values)

    def logical_triples(self) -> Iterator[Triple]:
        """The triples the reasoner reads: types and property values, as stated (no annotations)."""
        yield from self._individual_triples(with_annotations=False)
        annotation = self.schema.annotations
        canonical = self.terms.canonical
        for s, p, o in self.facts:
            if p not in annotation:
                yield s, p, canonical(o)

    def _individual_triples(self, with_annotations: bool) -> Iterator[Triple]:
        term, annotation = self.schema.term, self.schema.annotations
        literal = self.terms.literal
        for ind in self.individuals.values():
            s = ind.iri
            yield s, TYPE, NAMED_INDIVIDUAL
            yield from ((s, TYPE, term(c)) for c in ind.types)
            for p, o in ind.data:
                if with_annotations or p not in annotation:
                    yield s, p, o
            if with_annotations:
                if ind.label is not None:
                    yield s, LABEL, literal(ind.label)
                for synonym in ind.synonyms:
                    value = literal(synonym)
                    yield s, ALT_LABEL, value
                    yield s, EXACT_SYNONYM, value


def axiom_triples(axiom: str, s: str, p: str, o: str) -> list[Triple]:
    """The axiom's type and its links to the fact ``s p o`` it annotates."""
    return [(axiom, TYPE, AXIOM), (axiom, AXIOM_LINKS[0], s), (axiom, AXIOM_LINKS[1], p), (axiom, AXIOM_LINKS[2], o)]


def inferred_triples(inferred: Iterable[Triple], schema: Schema, status: str) -> Iterator[Triple]:
    """What the reasoner added, as the store holds it: each triple about an individual (and
    its inverse), and an axiom marking it ``assertionStatus status`` (class-level ones too)."""
    mark = (schema.term("assertionStatus"), schema.terms.literal(status))
    for s, p, o in inferred:
        if p == TYPE and o in (NAMED_INDIVIDUAL, THING):
            continue
        if s.startswith(f"<{RESOURCE_NS}"):
            yield s, p, o
            q = schema.inverse.get(p)
            if q is not None and o.startswith(f"<{RESOURCE_NS}"):
                yield o, q, s
        if s.startswith((f"<{RESOURCE_NS}", f"<{ONTOLOGY_NS}")) and o[0] == "<":
            axiom = axiom_iri(s, p, o)
            yield from axiom_triples(axiom, s, p, o)
            yield axiom, *mark
