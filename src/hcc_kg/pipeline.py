"""The only module that calls every stage, in order, and collects their reports.

documents → assertions → merged assertions → OWL individuals → HermiT → RDF → exports.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import rdflib

from . import corpus, export, kgx
from .assemble import Conflict, assemble, split_readings, withhold
from .errors import ExportError
from .extract import extract
from .naming import document_sections, extend_vocabulary, split_naming
from .model import Assertion, Document
from .owl.load import default_ontology_path, load_ontology
from .owl.populate import populate
from .owl.reason import reason
from .graph import local
from .rdf import HCC, build_graph, ontology_graph
from .report import Report
from .validate import ValidationReport, validate
from .views import write_build_views
from .lexicon import load_lexicon_vocabulary
from .vocab import Vocabulary, load_vocabulary

EXPORT_STEM = "hcc_kg"


@dataclass(frozen=True)
class Settings:
    """Everything a build depends on; paths are explicit, nothing is read from globals."""

    corpus: Path
    out: Path | None = Path("exports")
    ontology: Path | None = None
    vocabulary: Path | None = None
    extra_vocabulary: tuple[Path, ...] = ()
    lexicon: bool = True  # merge the generated lexicon (data/lexicon/) under the hand vocabulary
    formats: tuple[str, ...] = ("turtle", "ntriples", "json-ld")
    view_max_triples: int = 200_000  # above this the build writes no whole-graph view


@dataclass
class Reading:
    """What the text says, before any OWL: facts, withheld statements and conflicts."""

    documents: list[Document]
    facts: list[Assertion]
    withheld: list[Assertion]
    conflicts: list[Conflict]
    recognised: list[Assertion] = field(default_factory=list)  # names no vocabulary held (extract.novel)


@dataclass
class BuildResult:
    documents: list[Document]
    assertions: list[Assertion]
    conflicts: list[Conflict]
    graph: rdflib.Graph
    report: Report
    withheld: list[Assertion] = field(default_factory=list)
    recognised: list[Assertion] = field(default_factory=list)
    validation: ValidationReport | None = None
    counts: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    outputs: list[Path] = field(default_factory=list)


def load_settings_vocabulary(settings: Settings) -> Vocabulary:
    vocabulary = load_vocabulary(settings.vocabulary)
    for extra in settings.extra_vocabulary:
        vocabulary = vocabulary.extended(load_vocabulary(extra))
    if settings.lexicon:  # after the extras: every curated file wins over the generated names
        vocabulary = load_lexicon_vocabulary(vocabulary)
    return vocabulary


class _Clock:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    def run(self, stage: str, func, *args):
        started = time.perf_counter()
        result = func(*args)
        self.timings[stage] = round(time.perf_counter() - started, 3)
        return result


def read(settings: Settings, vocabulary: Vocabulary, report: Report, clock: "_Clock | None" = None) -> Reading:
    """Documents → merged assertions, split into facts and withheld (negated or hedged) statements."""
    clock = clock or _Clock()
    documents = clock.run("read", corpus.read_corpus, settings.corpus, report)
    raw = clock.run("extract", extract, documents, vocabulary, report)
    assertive, others = split_readings(raw)  # before merging: a hedged reading's attributes stay apart
    merged, conflicts = clock.run("assemble", assemble, assertive)
    recognised, facts = split_naming(merged)  # names, not facts: they extend the vocabulary
    withheld, polarity = withhold(facts, others)
    conflicts = conflicts + polarity
    for conflict in conflicts:
        report.add("warning", "conflict", f"{conflict.subject} {conflict.predicate} {conflict.object}: "
                   f"{conflict.attribute} has {len(conflict.values)} values")
    for statement in withheld:
        kinds = sorted({f"{e.polarity}/{e.certainty}" for e in statement.evidence})
        report.add("info", "withheld", f"{statement.subject} {statement.predicate} {statement.object}: "
                   f"not asserted ({', '.join(kinds)})")
    return Reading(documents, facts, withheld, conflicts, recognised)


def build(settings: Settings) -> BuildResult:
    """Build the graph from ``settings.corpus``; write exports when ``settings.out`` is set."""
    report, clock = Report(), _Clock()
    ontology_path = settings.ontology or default_ontology_path()
    vocabulary = clock.run("vocabulary", load_settings_vocabulary, settings)
    reading = read(settings, vocabulary, report, clock)
    documents, assertions, conflicts = reading.documents, reading.facts, reading.conflicts
    vocabulary = extend_vocabulary(vocabulary, reading.recognised, report)
    world, onto = clock.run("load-ontology", load_ontology, ontology_path)
    populated = clock.run("populate", populate, world, onto, assertions, vocabulary, documents, report)
    reasoned = clock.run("reason", reason, populated)
    graph = clock.run("rdf", build_graph, reasoned, ontology_path)
    world.close()  # everything later reads the rdflib graph; at scale the quadstore is gigabytes
    validation = clock.run("validate", validate, graph)
    for violation in validation.violations:
        severity = {"Violation": "error", "Warning": "warning"}.get(violation.severity, "info")
        report.add(severity, "shape-violation", str(violation))
    result = BuildResult(documents, assertions, conflicts, graph, report, reading.withheld, reading.recognised,
                         validation, timings=clock.timings)
    result.counts = count_by_type(graph)
    if settings.out is not None:
        result.outputs = clock.run("export", write_exports, result, settings, ontology_path)
    return result


def count_by_type(graph: rdflib.Graph) -> dict[str, int]:
    """Individuals per ontology class (asserted and inferred), plus fact totals."""
    counts: Counter[str] = Counter()
    for s, o in graph.subject_objects(rdflib.RDF.type):
        if str(o).startswith(str(HCC)) and isinstance(s, rdflib.URIRef) and "axiom__" not in str(s):
            counts[local(o)] += 1
    counts["triples"] = len(graph)
    return dict(sorted(counts.items()))


def write_exports(result: BuildResult, settings: Settings, ontology_path: Path) -> list[Path]:
    """Render every export into a staging folder first, then move them into place.

    A failure while rendering (a full disk, a serializer error) leaves the previous
    exports untouched and no temporary file behind; each move is an atomic rename.
    """
    out = Path(settings.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".tmp-build-", dir=out))
    except OSError as exc:
        raise ExportError(f"cannot write to {out}: {exc}") from exc
    try:
        staged = _render_exports(result, settings, ontology_path, staging)
        return [export.commit(path, out / path.relative_to(staging)) for path in staged]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _render_exports(result: BuildResult, settings: Settings, ontology_path: Path, out: Path) -> list[Path]:
    graph = export.canonical(result.graph)
    written = [export.write_rdf(graph, out / f"{EXPORT_STEM}{export.FORMATS.get(f).suffix}", f)
               for f in settings.formats]
    written.append(export.write_rdf(ontology_graph(ontology_path), out / f"{EXPORT_STEM}_ontology.ttl",
                                     "turtle-readable"))
    written.append(export.write_jsonl([a.to_json() for a in result.assertions], out / "assertions.jsonl"))
    written.append(export.write_jsonl([a.to_json() for a in result.withheld], out / "withheld.jsonl"))
    written.append(export.write_json([c.to_json() for c in result.conflicts], out / "conflicts.json"))
    written.append(export.write_json(json.loads(result.validation.to_json()), out / "validation.json"))
    if len(result.graph) <= settings.view_max_triples:  # a page of tens of thousands of nodes helps no one
        written += write_build_views(result.graph, out)
    else:
        result.report.add("warning", "views-skipped", f"{len(result.graph)} triples is more than view_max_triples="
                          f"{settings.view_max_triples}; draw parts with `hcc-kg view --around/--chain/--query`")
    sections = document_sections(result.documents, result.assertions, result.recognised)
    summary = {"documents": [{"id": d.doc_id, "name": d.name, "sha256": d.sha256, **sections[d.doc_id]}
                             for d in result.documents],
               "counts": result.counts, "problems": [p.to_json() for p in result.report.problems]}
    written.append(export.write_json(summary, out / "build_report.json"))
    written += kgx.write_kgx(graph, out / "kgx")  # nodes.tsv / edges.tsv for Biolink consumers
    return written
