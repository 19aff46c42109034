"""Ontology quality report, in the manner of ROBOT ``report``: named checks with a level each.

Each check (:data:`CHECKS`, a registry) reads the built graph (ontology + individuals) and
yields :class:`Finding` rows.  Levels follow ROBOT: ERROR fails the build
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
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib import OWL, RDF, RDFS, Literal, URIRef

from .. import ids
from ..errors import OntologyQualityError
from .export import atomic_write

LEVELS = ("ERROR", "WARN", "INFO")
DEFINITION = URIRef("http://purl.obolibrary.org/obo/IAO_0000115")
LICENSE = URIRef("http://purl.org/dc/terms/license")
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
#: Individuals that are records about the graph (evidence spans, documents, reifications),
#: not entities a reader looks up by name: they need no label.
UNLABELLED_TYPES = (URIRef(ids.ONTOLOGY_NS + "Evidence"), OWL.Axiom)


@dataclass(frozen=True, order=True)
class Finding:
    level: str
    rule: str
    subject: str
    property: str = ""
    value: str = ""


Check = Callable[[object], Iterable[Finding]]
CHECKS: dict[str, Check] = {}


def check(name: str) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        CHECKS[name] = function
        return function
    return register


def _ours(node) -> bool:
    return isinstance(node, URIRef) and str(node).startswith((ids.ONTOLOGY_NS, ids.RESOURCE_NS))


def _curie(node) -> str:
    return ids.compress_or_keep(str(node))


def _terms(graph) -> set[URIRef]:
    return {s for t in TERM_TYPES for s in graph.subjects(RDF.type, t) if _ours(s)}


def _labelled_entities(graph) -> set[URIRef]:
    """Ontology terms and individuals that readers name (not evidence or axiom records)."""
    skipped = {s for t in UNLABELLED_TYPES for s in graph.subjects(RDF.type, t)}
    individuals = {s for s in graph.subjects(RDF.type, OWL.NamedIndividual) if _ours(s)}
    return (_terms(graph) | individuals) - skipped


@check("missing_label")
def missing_label(graph) -> Iterator[Finding]:
    labelled = {s for s, _ in graph.subject_objects(RDFS.label)}
    for entity in sorted(_labelled_entities(graph) - labelled):
        yield Finding("ERROR", "missing_label", _curie(entity), "rdfs:label")


@check("multiple_labels")
def multiple_labels(graph) -> Iterator[Finding]:
    by_language: dict[tuple, list[str]] = defaultdict(list)
    for s, label in graph.subject_objects(RDFS.label):
        if _ours(s):
            by_language[(s, getattr(label, "language", None))].append(str(label))
    for (s, _), labels in sorted(by_language.items(), key=lambda item: str(item[0][0])):
        if len(labels) > 1:
            yield Finding("ERROR", "multiple_labels", _curie(s), "rdfs:label", " | ".join(sorted(labels)))


def label_key(label: str) -> str:
    """Labels that differ only in case or spacing are the same label to a reader.

    >>> label_key(" Monoclonal  antibody") == label_key("monoclonal antibody")
    True
    """
    return " ".join(str(label).split()).casefold()


@check("duplicate_label")
def duplicate_label(graph) -> Iterator[Finding]:
    entities = _labelled_entities(graph)
    owners: dict[str, set[URIRef]] = defaultdict(set)
    for s, label in graph.subject_objects(RDFS.label):
        if s in entities:
            owners[label_key(label)].add(s)
    for key in sorted(owners):
        if len(owners[key]) > 1:
            for s in sorted(owners[key]):
                yield Finding("ERROR", "duplicate_label", _curie(s), "rdfs:label", key)


@check("deprecated_reference")
def deprecated_reference(graph) -> Iterator[Finding]:
    deprecated = {s for s, v in graph.subject_objects(OWL.deprecated) if isinstance(v, Literal) and v.toPython() is True}
    for term in sorted(deprecated):
        users = {s for s, _ in graph.subject_objects(term)} | set(graph.subjects(None, term))
        for user in sorted(u for u in users if u != term and _ours(u)):
            yield Finding("ERROR", "deprecated_reference", _curie(user), "", _curie(term))


@check("missing_definition")
def missing_definition(graph) -> Iterator[Finding]:
    defined = {s for s, _ in graph.subject_objects(DEFINITION)}
    for term in sorted(t for t in _terms(graph) if str(t).startswith(ids.ONTOLOGY_NS)):
        if term not in defined:
            yield Finding("WARN", "missing_definition", _curie(term), "obo:IAO_0000115")


@check("ontology_metadata")
def ontology_metadata(graph) -> Iterator[Finding]:
    for onto in sorted(s for s in graph.subjects(RDF.type, OWL.Ontology) if isinstance(s, URIRef)):
        if graph.value(onto, LICENSE) is None:
            yield Finding("ERROR", "missing_ontology_license", str(onto), "dcterms:license")
        if graph.value(onto, OWL.versionIRI) is None:
            yield Finding("WARN", "missing_version_iri", str(onto), "owl:versionIRI")


def report(graph, checks: Iterable[str] | None = None) -> list[Finding]:
    """Every finding of the named checks (all by default), sorted by level, rule, subject."""
    names = list(CHECKS) if checks is None else list(checks)
    found = [f for name in names for f in CHECKS[name](graph)]
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
