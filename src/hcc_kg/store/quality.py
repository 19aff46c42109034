"""Ontology quality report, in the manner of ROBOT ``report``: named checks with a level each.

Each check (:data:`CHECKS`, a registry) reads what one pass over the built graph (ontology +
individuals) gathered (:class:`QualityFacts`) and yields :class:`Finding` rows.  Levels
follow ROBOT: ERROR fails the build
(:class:`~hcc_kg.errors.OntologyQualityError`), WARN and INFO are only reported.  The report
is written as TSV (ROBOT's columns) and JSON beside the other exports.

Checks: ``missing_label`` (ERROR: an ontology term or a typed individual without
rdfs:label), ``multiple_labels`` (ERROR: two labels in one language), ``duplicate_label``
(ERROR: one label, compared case- and space-insensitively, on two entities),
``deprecated_reference`` (ERROR: a term marked ``owl:deprecated`` is used),
``missing_definition`` (WARN: an ontology class or property without IAO:0000115),
``missing_ontology_license`` / ``missing_version_iri`` (ERROR / WARN).
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib import OWL, RDF, RDFS, URIRef

from .. import ids
from ..errors import OntologyQualityError
from .canonical import CanonicalGraph, canonical_of, lexical, literal_parts
from .export import atomic_write
from ..gc_control import gc_paused

LEVELS = ("ERROR", "WARN", "INFO")
DEFINITION = URIRef("http://purl.obolibrary.org/obo/IAO_0000115")
LICENSE = URIRef("http://purl.org/dc/terms/license")
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
#: Individuals that are records about the graph (evidence spans, documents, reifications),
#: not entities a reader looks up by name: they need no label.
UNLABELLED_TYPES = (URIRef(ids.ONTOLOGY_NS + "Evidence"), OWL.Axiom)


@dataclass(frozen=True, order=True)
class Finding:
    """One quality finding: level, rule, the subject and, where it applies, the property and value."""

    level: str
    rule: str
    subject: str
    property: str = ""
    value: str = ""


_XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


class QualityFacts:
    """The few triples the checks read, gathered in one pass over a graph's N-Triples rows.

    Nodes are kept as their N-Triples spellings (``<iri>``), so no rdflib term is made per
    triple; the build gathers them once from the canonical graph the exports are written
    from, and the findings serve both the gate (:func:`enforce`) and the report file.

    A subject's triples are consecutive in canonical order, so each subject is judged when
    its rows end, from its own types and labels: millions of evidence records and axioms
    are looked at and let go.  What is kept: ontology terms and ontologies by type, the
    entities readers name (our terms and named individuals, neither evidence nor axiom) with
    their labels, and each of our subjects' labels that clash in one language.
    """

    _KEPT_TYPES = frozenset(f"<{t}>" for t in (*TERM_TYPES, OWL.Ontology))
    _TERM_TYPES = frozenset(f"<{t}>" for t in TERM_TYPES)
    _UNLABELLED = frozenset(f"<{t}>" for t in UNLABELLED_TYPES)
    _INDIVIDUAL = f"<{OWL.NamedIndividual}>"

    def __init__(self, canon: CanonicalGraph) -> None:
        self._canon = canon
        self.typed: dict[str, list[str]] = {t: [] for t in self._KEPT_TYPES}  # class -> subjects
        self.entities: list[str] = []  # what readers name: every one needs a label (_labelled_entities)
        self.labels: list[tuple[str, str]] = []  # (entity, label spelling)
        self.label_clashes: list[tuple[str, list[str]]] = []  # (our subject, its labels in one language)
        self.defined: set[str] = set()
        self.deprecated: set[str] = set()
        self.licensed: set[str] = set()
        self.versioned: set[str] = set()
        type_, label = f"<{RDF.type}>", f"<{RDFS.label}>"
        readers = {type_: None, label: None,
                   f"<{DEFINITION}>": _subject_into(self.defined), f"<{LICENSE}>": _subject_into(self.licensed),
                   f"<{OWL.versionIRI}>": _subject_into(self.versioned), f"<{OWL.deprecated}>": self._deprecated}
        subject, types, labels = None, [], []
        for line in canon.lines():  # one split and one look-up per triple; most triples are skipped
            s, p, o = line.split(" ", 2)
            if p not in readers:
                continue
            if s != subject:
                if subject is not None:
                    self._judge(subject, types, labels)
                subject, types, labels = s, [], []
            if p == type_:
                types.append(o[:-3])
            elif p == label:
                labels.append(o[:-3])
            else:
                readers[p](s, o[:-3])
        if subject is not None:
            self._judge(subject, types, labels)

    def _judge(self, s: str, types: list[str], labels: list[str]) -> None:
        """Keep what the checks need of one subject, from its types and labels."""
        for t in types:
            found = self.typed.get(t)
            if found is not None:
                found.append(s)
        if not _ours(s):
            return
        if len(labels) > 1:
            self.label_clashes += _clashes(s, labels)
        named = self._INDIVIDUAL in types or not self._TERM_TYPES.isdisjoint(types)
        if named and self._UNLABELLED.isdisjoint(types):
            self.entities.append(s)
            self.labels += [(s, label) for label in labels]

    def _deprecated(self, s: str, o: str) -> None:
        if o[0] == '"':
            text, _, datatype = literal_parts(o)
            if datatype == _XSD_BOOLEAN and text.lower() in ("1", "true"):  # rdflib's reading of true
                self.deprecated.add(s)

    def subjects(self, cls: URIRef) -> list[str]:
        """Subjects typed ``cls``, one of the ontology's term types or ``owl:Ontology``."""
        return self.typed[f"<{cls}>"]

    @cached_property
    def labelled_entities(self) -> set[str]:
        """:func:`_labelled_entities`, worked out once for the checks that read it."""
        return _labelled_entities(self)

    def users(self, node: str) -> set[str]:
        """Subjects of triples that use ``node`` as predicate or object (a second pass: rare)."""
        return {s for s, p, o in self._canon.rows() if p == node or o == node}


def _clashes(s: str, labels: list[str]) -> list[tuple[str, list[str]]]:
    """(s, texts) for each language in which ``s`` has more than one label."""
    by_language: dict[str | None, list[str]] = defaultdict(list)
    for label in labels:
        text, language, _ = literal_parts(label) if label[0] == '"' else (lexical(label), None, None)
        by_language[language].append(text)
    return [(s, texts) for texts in by_language.values() if len(texts) > 1]


def _subject_into(found: set[str]) -> Callable[[str, str], None]:
    return lambda s, o: found.add(s)


Check = Callable[[QualityFacts], Iterable[Finding]]
CHECKS: dict[str, Check] = {}


def check(name: str) -> Callable[[Check], Check]:
    """Register a quality check under ``name`` (``CHECKS``)."""
    def register(function: Check) -> Check:
        CHECKS[name] = function
        return function
    return register


def _ours(node: str) -> bool:
    return node[0] == "<" and node.startswith(_OUR_SPELLINGS)


_OUR_SPELLINGS = (f"<{ids.ONTOLOGY_NS}", f"<{ids.RESOURCE_NS}")


def _iri(node: str) -> str:
    return node[1:-1]


def _curie(node: str) -> str:
    return ids.compress_or_keep(_iri(node))


def _by_iri(nodes: Iterable[str]) -> list[str]:
    """IRIs in the order rdflib sorts URIRefs (by the IRI, not by its ``<…>`` spelling)."""
    return sorted(nodes, key=_iri)


def _terms(facts: QualityFacts) -> set[str]:
    return {s for t in TERM_TYPES for s in facts.subjects(t) if _ours(s)}


def _labelled_entities(facts: QualityFacts) -> set[str]:
    """Ontology terms and individuals that readers name (not evidence or axiom records)."""
    return set(facts.entities)


@check("missing_label")
def missing_label(facts: QualityFacts) -> Iterator[Finding]:
    """Entities of ours that have no rdfs:label."""
    labelled = {s for s, _ in facts.labels}
    for entity in _by_iri(facts.labelled_entities - labelled):
        yield Finding("ERROR", "missing_label", _curie(entity), "rdfs:label")


@check("multiple_labels")
def multiple_labels(facts: QualityFacts) -> Iterator[Finding]:
    """Subjects with more than one rdfs:label."""
    for s, labels in sorted(facts.label_clashes, key=lambda item: _iri(item[0])):  # few: sorted alone
        yield Finding("ERROR", "multiple_labels", _curie(s), "rdfs:label", " | ".join(sorted(labels)))


def label_key(label: str) -> str:
    """Labels that differ only in case or spacing are the same label to a reader.

    >>> label_key(" Monoclonal  antibody") == label_key("monoclonal antibody")
    True
    """
    return " ".join(str(label).split()).casefold()


@check("duplicate_label")
def duplicate_label(facts: QualityFacts) -> Iterator[Finding]:
    """Entities that share a label (compared case- and space-insensitively)."""
    entities = facts.labelled_entities
    owners: dict[str, set[str]] = defaultdict(set)
    for s, label in facts.labels:
        if s in entities:
            owners[label_key(lexical(label))].add(s)
    for key in sorted(key for key, subjects in owners.items() if len(subjects) > 1):  # few: sorted alone
        for s in _by_iri(owners[key]):
            yield Finding("ERROR", "duplicate_label", _curie(s), "rdfs:label", key)


@check("deprecated_reference")
def deprecated_reference(facts: QualityFacts) -> Iterator[Finding]:
    """Our terms that use a deprecated term."""
    for term in _by_iri(facts.deprecated):
        for user in _by_iri(u for u in facts.users(term) if u != term and _ours(u)):
            yield Finding("ERROR", "deprecated_reference", _curie(user), "", _curie(term))


@check("missing_definition")
def missing_definition(facts: QualityFacts) -> Iterator[Finding]:
    """Ontology terms without a definition (IAO_0000115)."""
    for term in _by_iri(t for t in _terms(facts) if _iri(t).startswith(ids.ONTOLOGY_NS)):
        if term not in facts.defined:
            yield Finding("WARN", "missing_definition", _curie(term), "obo:IAO_0000115")


@check("ontology_metadata")
def ontology_metadata(facts: QualityFacts) -> Iterator[Finding]:
    """Ontology headers without a licence or a version IRI."""
    for onto in _by_iri(s for s in facts.subjects(OWL.Ontology) if s[0] == "<"):
        if onto not in facts.licensed:
            yield Finding("ERROR", "missing_ontology_license", _iri(onto), "dcterms:license")
        if onto not in facts.versioned:
            yield Finding("WARN", "missing_version_iri", _iri(onto), "owl:versionIRI")


def report(graph, checks: Iterable[str] | None = None) -> list[Finding]:
    """Every finding of the named checks (all by default), sorted by level, rule, subject.

    ``graph`` is an rdflib Graph, the build's store or a :class:`CanonicalGraph` (what the
    build passes: read once for the exports and the checks alike).
    """
    names = list(CHECKS) if checks is None else list(checks)
    # one pass over every triple, then sets and maps of every entity: no cycles among them, and
    # the collector would walk them all again at each full collection
    with gc_paused():
        facts = QualityFacts(canonical_of(graph))
        found = [f for name in names for f in CHECKS[name](facts)]
    return sorted(found, key=lambda f: (LEVELS.index(f.level), f.rule, f.subject, f.value))


def report_tsv(findings: list[Finding]) -> str:
    """ROBOT's report columns: Level, Rule Name, Subject, Property, Value."""
    lines = ["Level\tRule Name\tSubject\tProperty\tValue"]
    lines += ["\t".join(" ".join(str(v).split()) for v in (f.level, f.rule, f.subject, f.property, f.value))
              for f in findings]
    return "\n".join(lines) + "\n"


def write_report(findings: list[Finding], out: Path) -> list[Path]:
    """``quality_report.tsv`` and ``quality_report.json`` in ``out``."""
    counts = {level: sum(f.level == level for f in findings) for level in LEVELS}
    body = {"counts": counts, "findings": [asdict(f) for f in findings]}
    paths = [out / "quality_report.tsv", out / "quality_report.json"]
    atomic_write(paths[0], report_tsv(findings).encode("utf-8"))
    atomic_write(paths[1], (json.dumps(body, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8"))
    return paths


def enforce(graph, out: Path | str | None = None) -> list[Finding]:
    """The build stage: fail on any ERROR, leaving the whole report to read.

    On failure the report (every row, all levels) is written into ``out`` when given, else
    into a new temporary folder (``hcc-kg-quality-report-*`` in the system's temporary
    directory), never into the build's output folder: a failed build publishes nothing and
    leaves that folder as it was.  The error message names the folder and shows the first
    ERROR rows.  A passing report is written with the other exports (pipeline's export
    stage), so that it is published with them.
    """
    findings = report(graph)
    errors = [f for f in findings if f.level == "ERROR"]
    if errors:
        folder = Path(out) if out is not None else Path(tempfile.mkdtemp(prefix="hcc-kg-quality-report-"))
        paths = write_report(findings, folder)
        shown = "\n".join(f"  {f.rule}: {f.subject} {f.value}".rstrip() for f in errors[:20])
        more = f"\n  … and {len(errors) - 20} more" if len(errors) > 20 else ""
        raise OntologyQualityError(f"ontology quality report: {len(errors)} error(s)\n{shown}{more}\n"
                                   f"every row: {paths[0]}", errors)
    return findings
