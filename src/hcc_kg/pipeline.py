"""The only module that calls every stage, in order, and collects their reports.

documents → assertions → merged assertions → OWL individuals → HermiT → RDF → exports.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import rdflib

from .gc_control import freeze_survivors, frozen_heap
from .model import Assertion, Document
from .progress import Progress
from .report import Report
from .vocab import Vocabulary
# the stages, in the order a build runs them (views are imported where they are drawn)
from .read import corpus
from .execute import DEFAULT_MAX_READINGS, ExecutionPlan, extract_corpus
from .execute.forked import ChildLost, ForkedTask
from .execute.vocabulary_cache import (FOLDER as VOCABULARY_CACHE, VocabularySources, cached_vocabulary,
                                      indexed_vocabulary, merge_sources)
from .assemble.merge import Conflict, assemble, split_readings, withhold
from .assemble.trial_identity import rename_trials, trial_renames
from .assemble.naming import document_sections, extend_vocabulary, split_naming
from .owl.load import default_ontology_path, load_ontology
from .owl.populate import populate
from .owl.hermit import WarmHermit
from .owl.java import DEFAULT_REASONER_TIMEOUT, ReasonerCache
from .owl.reason import Reasoning
from .store import export, kgx, parallel_exports, quality
from .store import publish as publication
from .store.loading import begin_store, discard, finish_store, store_location
from .store.oxigraph import STORE_DIRNAME, GraphStore
from .store.rdf import HCC, ontology_graph
# store.validate (pyshacl, rdflib's SPARQL: 0.1-0.2 s to import) is imported while HermiT runs (_build_graph)

if TYPE_CHECKING:
    from .store.validate import ValidationReport

EXPORT_STEM = "hcc_kg"
REASONER_CACHE = "reasoner"  # HermiT's outputs, in the build's cache folder (hcc_kg.owl.java.ReasonerCache)
#: how much lower the forked side exports' CPU priority is than the build's and HermiT's (``nice``)
SIDE_EXPORTS_NICENESS = 10
log = logging.getLogger(__name__)  # stage timings; the CLI decides where they go


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
    views: bool = True  # the interactive HTML views (pyvis); off, none is drawn (hcc-kg build --no-views)
    kgx: bool = True  # KGX nodes/edges TSV for Biolink consumers (hcc-kg build --no-kgx)
    view_max_triples: int = 200_000  # above this the build writes no whole-graph view
    progress: Progress | None = field(default=None, compare=False)  # (stage, done, total) per document
    jobs: int | None = None  # extraction worker processes; None: the cores available (execute/local.py)
    executor: str = "local"  # "local" or "dask" (hcc_kg.execute.EXECUTORS)
    scheduler: str | None = None  # the Dask scheduler's address (tcp://host:8786); None: a local cluster
    cache_dir: Path | None = None  # extraction cache, with vocabulary/ and reasoner/ inside; None: none (the CLI passes one beside --out)
    # the index set-up wrote of the packaged vocabulary, read only (the CLI passes execute/vocabulary_cache.INDEX_FOLDER)
    vocabulary_index: Path | None = None
    reasoner_timeout: float = DEFAULT_REASONER_TIMEOUT  # seconds HermiT may take in all (ReasonerTimeoutError)
    max_readings: int | None = DEFAULT_MAX_READINGS  # per document; beyond, its first in text order, a warning


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
    """What one build made: documents, assertions, the store, the report, counts, timings and the files written."""

    documents: list[Document]
    assertions: list[Assertion]
    conflicts: list[Conflict]
    store: GraphStore  # the graph, held once (hcc_kg.store.oxigraph); ``graph`` is an rdflib copy of it
    report: Report
    withheld: list[Assertion] = field(default_factory=list)
    recognised: list[Assertion] = field(default_factory=list)
    validation: ValidationReport | None = None
    counts: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    outputs: list[Path] = field(default_factory=list)
    # the store in canonical order (read once for the checks and every export) and the quality findings
    canonical: "export.CanonicalGraph | None" = field(default=None, repr=False)
    findings: list | None = None
    side: ForkedTask | None = field(default=None, repr=False)  # the forked child making SideExports
    exporter: ForkedTask | None = field(default=None, repr=False)  # the forked child writing exports (store/parallel_exports.py)

    @cached_property
    def graph(self) -> rdflib.Graph:
        """An rdflib copy of :attr:`store`, made on first use: for small graphs, views and tests."""
        return self.store.to_rdflib()


def load_settings_vocabulary(settings: Settings, clock: "_Clock | None" = None) -> Vocabulary:
    """The merged vocabulary of ``settings``: from the set-up index or the build's cache when
    either holds one merged from the same files by the same code (``vocabulary.indexed`` and
    ``vocabulary.reused`` in the timings), else merged now."""
    sources = VocabularySources(settings.vocabulary, settings.extra_vocabulary, settings.lexicon)
    vocabulary = indexed_vocabulary(settings.vocabulary_index, sources)
    indexed = reused = vocabulary is not None
    if vocabulary is None:
        folder = settings.cache_dir / VOCABULARY_CACHE if settings.cache_dir else None
        vocabulary, reused = cached_vocabulary(folder, sources, lambda: merge_sources(sources))
    if clock is not None:
        clock.timings["vocabulary.reused"] = int(reused)
        clock.timings["vocabulary.indexed"] = int(indexed)
    return vocabulary


class _Clock:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    def run(self, stage: str, func, *args):
        log.info("%s …", stage)
        started = time.perf_counter()
        result = func(*args)
        self.timings[stage] = round(time.perf_counter() - started, 3)
        log.info("%s done in %.2f s", stage, self.timings[stage])
        return result


def read(settings: Settings, vocabulary: Vocabulary, report: Report, clock: "_Clock | None" = None) -> Reading:
    """Documents → merged assertions, split into facts and withheld (negated or hedged) statements."""
    clock = clock or _Clock()
    documents = clock.run("read", corpus.read_corpus, settings.corpus, report)
    plan = ExecutionPlan(settings.executor, settings.jobs, settings.scheduler, settings.cache_dir,
                         max_readings=settings.max_readings)
    extraction = clock.run("extract", extract_corpus, documents, vocabulary, report, plan, settings.progress)
    raw = extraction.assertions
    # what the cache saved: in the timings (printed by the CLI), never in the exports
    clock.timings.update({"extract.reused": extraction.stats.reused, "extract.extracted": extraction.stats.extracted,
                          "extract.corrupt": extraction.stats.corrupt})
    raw = _join_registered_trials(raw, report)
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


def _join_registered_trials(raw: list[Assertion], report: Report) -> list[Assertion]:
    """A trial one document cites by its registry number only, joined to the trial another names
    with that number (:mod:`hcc_kg.assemble.trial_identity`); each join and each doubt in the report."""
    renames, doubts = trial_renames(raw)
    for old, new in sorted(renames.items()):
        report.add("info", "trial-joined", f"{old} is {new}: a document names it with that registry number")
    for doubt in doubts:
        report.add("warning", "trial-identity", doubt)
    return rename_trials(raw, renames)


def build(settings: Settings) -> BuildResult:
    """Build the graph from ``settings.corpus``; write exports when ``settings.out`` is set.

    The whole build holds ``<out>/.lock`` (a second build into the same folder waits) and
    first finishes any publish a killed build left (:mod:`hcc_kg.store.publish`).
    """
    with publication.exclusive(settings.out):
        return _build(settings)


def _build(settings: Settings) -> BuildResult:
    report, clock = Report(), _Clock()
    vocabulary = clock.run("vocabulary", load_settings_vocabulary, settings, clock)
    # the vocabulary (about 90,000 tracked objects) and the modules live to the end of the build:
    # out of every later full collection (load-ontology 0.12 -> 0.03 s, export 0.2 s or more less)
    with frozen_heap(), contextlib.ExitStack() as children:  # forked children are killed on every way out
        return _build_graph(settings, vocabulary, report, clock, children)


def _build_graph(settings: Settings, vocabulary: Vocabulary, report: Report, clock: "_Clock",
                 children: contextlib.ExitStack) -> BuildResult:
    ontology_path = settings.ontology or default_ontology_path()
    hermit_cache = ReasonerCache(settings.cache_dir / REASONER_CACHE) if settings.cache_dir else None
    # HermiT's JVM starts now, on the second core, and waits for its input (a third of its time on the shipped
    # corpus); not when the reasoner cache holds outputs: a hit must start no JVM
    warm = None if hermit_cache is not None and hermit_cache.holds_entries() else WarmHermit.start()
    if warm is not None:
        children.enter_context(warm)  # killed on every way out if the reasoner never gets to it
    reading = read(settings, vocabulary, report, clock)
    documents, assertions, conflicts = reading.documents, reading.facts, reading.conflicts
    # the documents and the merged assertions live to the end of the build too: out of later full
    # collections (at 10,000 abstracts they cost 4.8 s in reason-start and 1 s in populate)
    freeze_survivors()
    vocabulary = extend_vocabulary(vocabulary, reading.recognised, report)
    world, onto = clock.run("load-ontology", load_ontology, ontology_path)
    populated = clock.run("populate", populate, world, onto, assertions, vocabulary, documents, report)
    side = _start_side_exports(settings, populated, ontology_path, children)  # on the second core
    # forked before the store opens (its threads would forbid a fork), to write the heaviest exports later
    exporter = parallel_exports.start(len(populated.individuals), children.push) if settings.out is not None else None
    # on a thread; registered before it starts, so a SIGTERM while it starts still cancels it (and kills java)
    reasoning = Reasoning(populated, settings.reasoner_timeout, hermit_cache, warm)
    children.push(reasoning)
    reasoning.start()
    clock.run("reason-start", reasoning.wait_started)  # its input is made in Python: the JVM first, then the store
    location = store_location(settings.out)
    store = clock.run("rdf", begin_store, populated, ontology_path, location)  # the asserted triples, while HermiT runs
    try:
        from .store import validate as shapes  # HermiT still runs: its import (see above) costs no time here
        reasoned = clock.run("reason", reasoning.result)  # (the time left to wait for HermiT)
        if side is not None:
            side.send(reasoned.inferred)
        if hermit_cache is not None:  # what the cache saved: in the timings (printed by the CLI), never in the exports
            stats = hermit_cache.stats
            clock.timings.update({"reason.reused": stats.reused, "reason.computed": stats.computed,
                                  "reason.corrupt": stats.corrupt})
        clock.run("rdf-inferred", finish_store, store, reasoned)
        world.close()  # it holds the TBox only (the ABox went to the store as triples); all later reads the store
        del populated, reasoned  # the ABox in memory (gigabytes at a million facts): the store holds it now
        validation = clock.run("validate", shapes.validate, store)  # reads only what the shapes name
        # the store read once, in canonical order, for the quality checks and every export
        # its sort spills beside the store (a graph of millions of triples needs gigabytes), not in /tmp
        scratch = store.path.parent if store.path is not None else None
        canonical = clock.run("canonical", lambda: export.from_store(store, workdir=scratch))
        # ROBOT-style report; ERROR fails the build, its report goes to a temporary folder (named
        # on stderr), never into --out: a failed build leaves the output folder as it was
        findings = clock.run("quality", quality.enforce, canonical)
        for violation in validation.violations:
            severity = {"Violation": "error", "Warning": "warning"}.get(violation.severity, "info")
            report.add(severity, "shape-violation", str(violation))
        result = BuildResult(documents, assertions, conflicts, store, report, reading.withheld,
                             reading.recognised, validation, timings=clock.timings,
                             canonical=canonical, findings=findings, side=side, exporter=exporter)
        del canonical  # held by the result until the exports are written
        result.counts = count_by_type(result.canonical)  # from the rows already read, not the store again
        if location is not None:
            result.outputs = clock.run("export", write_exports, result, settings, ontology_path)
            result.store = store.reopened_at(location)  # published with the exports, in one journal
    except BaseException:
        if store.path is None or not publication.journaled(settings.out, store.path):
            discard(store)  # a failed build leaves the previous store as it was
        raise  # (a journaled store is moved into place by the next build's recovery)
    return result


@dataclass(frozen=True)
class SideExports:
    """The exports a forked child makes while the build reasons and writes the rest (none needs
    the canonical graph): the readable ontology, and the views (None: over ``view_max_triples``)."""

    ontology: bytes
    views: tuple[tuple[str, str], ...] | None


def _start_side_exports(settings: Settings, populated, ontology_path: Path,
                        children: contextlib.ExitStack) -> ForkedTask | None:
    """A forked child making :class:`SideExports` (:mod:`hcc_kg.execute.forked`) when exports will
    be written and this process may fork; None: :func:`_write_side_exports` makes them here."""
    if settings.out is None:
        return None
    # registered before the fork: a SIGTERM right after it still kills the child
    return ForkedTask.start(_side_exports, populated, ontology_path,
                            settings.view_max_triples if settings.views else None, register=children.push)


def _side_exports(populated, ontology_path: Path, max_triples: int | None, receive) -> SideExports:
    """In the forked child: the ontology first, then the views (:mod:`hcc_kg.views.forked`: the
    renderers are imported and the asserted graph loaded while HermiT runs, then it waits for the
    inferences); ``max_triples`` None: no views are wanted."""
    os.nice(SIDE_EXPORTS_NICENESS)  # HermiT's JVM and the build wait on no view: they get the cores first
    ontology = ontology_graph(ontology_path)  # parsed once: rendered, then drawn with the ABox
    readable = export.render_rdf(ontology, "turtle-readable")
    if max_triples is None:
        receive()  # the parent sends the inferences either way: taken, so that neither side waits on the other
        return SideExports(readable, None)
    from .views.forked import draw_build_views

    drawn = draw_build_views(populated, ontology, max_triples, receive)
    return SideExports(readable, None if drawn.over_limit else drawn.pages)


def _write_side_exports(result: BuildResult, ontology_path: Path, out: Path, views: bool) -> list[Path]:
    """The readable ontology and (if ``views``) the views: as the forked child made them, or made here
    without one (or if it was lost)."""
    made = None
    if result.side is not None:
        try:
            made = result.side.result()  # the child's exception, if it raised, is raised here
        except ChildLost as exc:
            log.warning("%s; making its exports here", exc)
    ontology = made.ontology if made is not None else export.render_rdf(ontology_graph(ontology_path),
                                                                         "turtle-readable")
    written = export.write_files([(f"{EXPORT_STEM}_ontology.ttl", ontology)], out)
    if views:
        pages = made.views if made is not None else None
        if pages is None:
            from .views import render_build_views  # the last stage: loaded (pyvis and all) only to draw views

            pages = render_build_views(result.store)  # the store reads as an rdflib graph does: no copy
        written += export.write_files(pages, out)
    return written


def count_by_type(graph: "rdflib.Graph | GraphStore | export.CanonicalGraph") -> dict[str, int]:
    """Individuals per ontology class (asserted and inferred), plus fact totals."""
    counts: Counter[str] = Counter()
    ontology = str(HCC)  # the class's local name is what follows it (query.graph.local, without importing networkx)
    for s, o in graph.subject_objects(rdflib.RDF.type):
        if str(o).startswith(ontology) and isinstance(s, rdflib.URIRef) and "axiom__" not in str(s):
            counts[str(o)[len(ontology):]] += 1
    counts["triples"] = len(graph)
    return dict(sorted(counts.items()))


def write_exports(result: BuildResult, settings: Settings, ontology_path: Path) -> list[Path]:
    """Render every export into a staging folder, then publish them and the store as one unit.

    A failure or a kill while rendering leaves the previous exports and store untouched (the
    staging folders are removed, or swept by the next build); once committed, the new set
    and the new store (``result.store``, staged beside ``<out>/store``, closed here) replace
    the old ones whole, in one journal, with ``manifest.json`` listing every file and its
    sha256 and, under ``folders.store`` (and in the store's stamp), its triple count; files of the
    previous build that this one did not write are removed (:mod:`hcc_kg.store.publish`).
    """
    out = Path(settings.out)
    staging = publication.stage(out)
    try:
        _render_exports(result, settings, ontology_path, staging)
        result.canonical = None  # written: its memory (or its sorted file on disk) can go
        store, folders, details = result.store, {}, {}
        if store.path is not None:  # a staged store on disk: it moves with the exports
            details[STORE_DIRNAME] = {"triples": len(store)}
            store.close()  # its files are final now: digested into the manifest, moved by the journal
            folders[STORE_DIRNAME] = store.path
        return publication.commit(out, staging, folders, details) + [out / publication.MANIFEST]
    finally:
        if result.exporter is not None:
            result.exporter.cancel()  # it writes into staging: killed (or reaped, if done) before staging goes
        publication.discard(out, staging)


def _render_exports(result: BuildResult, settings: Settings, ontology_path: Path, out: Path) -> list[Path]:
    graph = result.canonical if result.canonical is not None else export.from_store(result.store)
    targets = {f: out / f"{EXPORT_STEM}{export.FORMATS.get(f).suffix}" for f in settings.formats}
    views = settings.views and len(result.store) <= settings.view_max_triples  # a page of tens of thousands of nodes helps no one
    # the sorted N-Triples first: they are the canonical lines, which the forked child reads to write JSON-LD and KGX
    ntriples = targets.pop("ntriples", None)
    written = [export.write_rdf(graph, ntriples, "ntriples")] if ntriples is not None else []
    forked = parallel_exports.hand_over(result.exporter, graph, ntriples, targets, out / "kgx" if settings.kgx else None)
    written += [export.write_rdf(graph, path, f) for f, path in targets.items() if forked is None or f not in forked.formats]
    written += _render_the_rest(result, settings, graph, out, views, settings.kgx and (forked is None or not forked.kgx))
    if forked is not None:
        written += forked.result()
    written += _write_side_exports(result, ontology_path, out, views)  # last: made meanwhile by the child
    return written


def _render_the_rest(result: BuildResult, settings: Settings, graph: "export.CanonicalGraph", out: Path,
                     views: bool, with_kgx: bool) -> list[Path]:
    """The assertions, the reports, the KGX tables (``with_kgx``: not written by a forked child) and the quality report."""
    written = [export.write_jsonl([a.to_json() for a in result.assertions], out / "assertions.jsonl"),
               export.write_jsonl([a.to_json() for a in result.withheld], out / "withheld.jsonl"),
               export.write_json([c.to_json() for c in result.conflicts], out / "conflicts.json"),
               export.write_json(json.loads(result.validation.to_json()), out / "validation.json")]
    if settings.views and not views:
        result.report.add("warning", "views-skipped", f"{len(result.store)} triples is more than view_max_triples="
                          f"{settings.view_max_triples}; draw parts with `hcc-kg view --around/--chain/--query`")
    sections = document_sections(result.documents, result.assertions, result.recognised)
    summary = {"documents": [{"id": d.doc_id, "name": d.name, "sha256": d.sha256, **sections[d.doc_id],
                              **({"source_ids": dict(d.source_ids)} if d.source_ids else {})}  # PMID, PMCID, DOI
                             for d in result.documents],
               "counts": result.counts, "problems": [p.to_json() for p in result.report.problems]}
    written.append(export.write_json(summary, out / "build_report.json"))
    if with_kgx:
        written += kgx.write_kgx(graph, out / "kgx")  # nodes.tsv / edges.tsv for Biolink consumers
    findings = result.findings if result.findings is not None else quality.report(graph)
    written += quality.write_report(findings, out)  # quality_report.tsv/.json (ROBOT columns)
    return written
