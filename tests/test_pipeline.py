"""End-to-end: the shipped corpus builds, reasons consistently, and its facts read back."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF

from hcc_kg.read.corpus import read_corpus
from hcc_kg.errors import InconsistentGraphError, QueryError
from hcc_kg.query.graph import project
from hcc_kg.query.paths import agents_hitting
from hcc_kg.pipeline import Settings, build
from hcc_kg.store.rdf import HCC, HCCR
from hcc_kg.report import Report
from hcc_kg.vocab import load_vocabulary

from conftest import FIXTURES
from readback import approved_agents_hitting, entity_names, key_named, missing, recognised_names
from fresh_builds import exported_files, run_script

pytestmark = pytest.mark.slow
ACTS_ON = (HCC.inhibits, HCC.isAntibodyAgainst)


def _evidence_spans(graph: rdflib.Graph, s, p, o) -> list[tuple[str, int, int]]:
    spans = []
    for axiom in graph.subjects(OWL.annotatedSource, s):
        if (axiom, OWL.annotatedProperty, p) in graph and (axiom, OWL.annotatedTarget, o) in graph:
            for ev in graph.objects(axiom, HCC.hasEvidence):
                doc = str(graph.value(graph.value(ev, HCC.fromDocument), HCC.documentId))
                spans.append((doc, int(graph.value(ev, HCC.startOffset)), int(graph.value(ev, HCC.endOffset))))
    return spans


def test_shipped_corpus_is_consistent_and_classified(built):
    assert not built.report.errors()
    graph = built.graph
    # Defined classes were classified by HermiT, and marked as inferred.
    for defined in ("MultikinaseInhibitor", "ApprovedAgent", "AntiAngiogenicAgent", "ImmuneCheckpointInhibitor"):
        members = set(graph.subjects(RDF.type, HCC[defined]))
        assert members, defined
        for member in members:
            inferred = [a for a in graph.subjects(OWL.annotatedSource, member)
                        if (a, OWL.annotatedTarget, HCC[defined]) in graph
                        and (a, HCC.assertionStatus, rdflib.Literal("inferred")) in graph]
            assert inferred, f"{member} in {defined} is not marked inferred"


def test_every_drug_target_fact_reads_back_from_its_document(built, corpus_dir):
    vocabulary = load_vocabulary()
    named = recognised_names(built.recognised)  # drugs the documents named that no vocabulary holds
    texts = {d.doc_id: d.text for d in read_corpus(corpus_dir, Report())}  # evidence names documents by content id
    checked = 0
    for prop in ACTS_ON:
        for s, o in built.graph.subject_objects(prop):
            spans = _evidence_spans(built.graph, s, prop, o)
            inferred = any((a, HCC.assertionStatus, rdflib.Literal("inferred")) in built.graph
                           for a in built.graph.subjects(OWL.annotatedSource, s)
                           if (a, OWL.annotatedTarget, o) in built.graph)
            if inferred:
                continue
            assert spans, f"asserted {s} {prop} {o} has no evidence"
            drug, target = (entity_names(vocabulary, named, str(x)[len(str(HCCR)):]) for x in (s, o))
            predicate = str(prop)[len(str(HCC)):]
            for doc, start, end in spans:  # the drug, the target and the relation's cue, all in the span
                assert not missing(texts[doc][start:end], drug, target, predicate), (s, o, doc, start, end)
                checked += 1
    assert checked > 20


def test_vegfr_and_fgfr_question(built, projected):
    texts = {d.doc_id: d.text for d in built.documents}
    expected = approved_agents_hitting(built.assertions, texts, load_vocabulary(), ["VEGFR", "FGFR"],
                                       recognised_names(built.recognised))
    answer = [a["key"] for a in agents_hitting(projected, ["VEGFR", "FGFR"], approved=True)]
    assert answer == expected and expected


def _copy_corpus(corpus_dir: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy)
    return copy


def _table_row_span(text: str, agent: str, next_agent: str) -> tuple[int, int]:
    """The span of an approvals-table row, found from the text's own caption."""
    caption = re.search(r"^Table 4\b", text, re.MULTILINE).start()
    start = text.index(agent, caption)
    return start, text.index(next_agent, start)


def test_changing_fgfr_in_one_table_row_changes_exactly_that_answer(projected, corpus_dir, tmp_path):
    before = [a["key"] for a in agents_hitting(projected, ["VEGFR", "FGFR"], approved=True)]
    corpus = _copy_corpus(corpus_dir, tmp_path)
    doc = next(p for p in sorted(corpus.glob("*.txt")) if "Table 4" in p.read_text(encoding="utf-8"))
    text = doc.read_text(encoding="utf-8")
    start, end = _table_row_span(text, "Regorafenib", "Cabozantinib")
    assert "FGFR" in text[start:end]
    doc.write_text(text[:start] + text[start:end].replace("FGFR", "EGFR") + text[end:], encoding="utf-8")
    result = build(Settings(corpus=corpus, out=None))
    G = project(result.graph)
    texts, vocabulary = {d.doc_id: d.text for d in result.documents}, load_vocabulary()
    after = [a["key"] for a in agents_hitting(G, ["VEGFR", "FGFR"], approved=True)]
    assert after == approved_agents_hitting(result.assertions, texts, vocabulary, ["VEGFR", "FGFR"])
    row_agent = key_named(vocabulary, text[start:end].split()[0])  # the agent the changed row names
    assert set(before) - set(after) == {row_agent} and set(after) < set(before)
    assert row_agent in [a["key"] for a in agents_hitting(G, ["VEGFR", "EGFR"], approved=True)]


def test_replacing_fgfr_everywhere_empties_the_answer(corpus_dir, tmp_path):
    corpus = _copy_corpus(corpus_dir, tmp_path)
    for doc in corpus.glob("*.txt"):
        doc.write_text(doc.read_text(encoding="utf-8").replace("FGFR", "EGFR"), encoding="utf-8")
    G = project(build(Settings(corpus=corpus, out=None)).graph)
    with pytest.raises(QueryError, match="no entity named 'FGFR'"):
        agents_hitting(G, ["VEGFR", "FGFR"], approved=True)  # FGFR is no longer in the graph at all


def test_contradiction_fails_the_build_naming_the_culprit(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "contradiction" / "doc.txt", corpus / "doc.txt")
    settings = Settings(corpus=corpus, out=tmp_path / "out",
                        extra_vocabulary=(FIXTURES / "contradiction" / "extra_vocabulary.yaml",))
    with pytest.raises(InconsistentGraphError) as caught:
        build(settings)
    culprits = "\n".join(caught.value.culprits)
    assert "sorafenib" in culprits and "Drug" in culprits and "Target" in culprits
    assert not (tmp_path / "out").exists(), "an inconsistent build must not write exports"


def test_exported_turtle_reparses_isomorphic(built):
    from rdflib.compare import isomorphic

    ttl = next(p for p in built.outputs if p.name == "hcc_kg.ttl")
    reparsed = rdflib.Graph().parse(ttl, format="turtle")
    assert isomorphic(reparsed, built.graph)


def test_committed_exports_match_a_fresh_build(built):
    from rdflib.compare import isomorphic

    from conftest import REPO

    committed = REPO / "exports" / "hcc_kg.ttl"
    assert committed.is_file(), "exports/hcc_kg.ttl must be committed (run `make run`)"
    assert isomorphic(rdflib.Graph().parse(committed, format="turtle"), built.graph)


def test_two_builds_write_identical_files(built, corpus_dir, tmp_path):
    again = build(Settings(corpus=corpus_dir, out=tmp_path))
    root = built.outputs[0].parent  # the Turtle export sits at the top of the export folder
    for first in built.outputs:
        second = tmp_path / first.relative_to(root)
        assert first.read_bytes() == second.read_bytes(), first.name
    assert len(again.outputs) == len(built.outputs)


def test_the_build_freezes_its_vocabulary_out_of_collection_and_thaws_it_after(tmp_path, monkeypatch):
    import gc

    from hcc_kg import pipeline
    seen = []
    original = pipeline.read
    monkeypatch.setattr(pipeline, "read", lambda *args, **kw: (seen.append(gc.get_freeze_count()), original(*args, **kw))[1])
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.txt").write_text("Invented notes\nZorbanib is not in any vocabulary.\n", encoding="utf-8")
    with pytest.raises(Exception):  # whatever the build makes of it, the heap is thawed afterwards
        pipeline.build(pipeline.Settings(corpus=corpus, out=None, ontology=tmp_path / "missing.ttl"))
    assert seen and seen[0] > 0 and gc.get_freeze_count() == 0


# --- the second core: HermiT on a thread, the side exports in a forked child (issue 12) ---------

#: One build in a fresh process: a build forks only while its process has a single thread, and
#: RocksDB's thread pool, started by the first store on disk, stays for the life of a process.
#: Prints whether the build forked its child, and after a failure the error and whether the child is gone.
FRESH_BUILD = """
import sys
from pathlib import Path
from hcc_kg.execute import forked
from hcc_kg.pipeline import Settings, build
corpus, out, mode, *extra = sys.argv[1:]
started, real = [], forked.ForkedTask.start.__func__
forked.ForkedTask.start = classmethod(lambda cls, *args, **kw: started.append(real(cls, *args, **kw)) or started[-1])
if mode == "no-fork":
    forked.start_method = lambda: "spawn"  # as in a process with threads
if mode == "broken-child":
    from hcc_kg.errors import ExportError
    from hcc_kg.views import forked as drawing
    def broken(*args):
        raise ExportError("invented failure while drawing")
    drawing.draw_build_views = broken  # the child inherits it
if mode == "dying-child":
    import os
    from hcc_kg.views import forked as drawing
    drawing.draw_build_views = lambda *args: os._exit(9)  # killed, as if by the OOM killer
try:
    build(Settings(corpus=Path(corpus), out=Path(out), extra_vocabulary=tuple(Path(e) for e in extra)))
    print("forked" if started[0] is not None else "not forked")
except Exception as exc:
    print(type(exc).__name__, exc)
    print("child gone" if started[0] is not None and not started[0]._process.is_alive() else "child left")
"""


def _fresh_build(corpus: Path, out: Path, mode: str = "", *extra: Path) -> list[str]:
    return run_script(FRESH_BUILD, corpus, out, mode or "-", *extra)


def test_the_forked_child_makes_the_exports_the_build_would_make_itself(tmp_path):
    assert _fresh_build(FIXTURES / "tiny", tmp_path / "forked") == ["forked"]
    assert _fresh_build(FIXTURES / "tiny", tmp_path / "here", "no-fork") == ["not forked"]
    assert _fresh_build(FIXTURES / "tiny", tmp_path / "lost", "dying-child") == ["forked"]  # made here after all
    forked, here = exported_files(tmp_path / "forked"), exported_files(tmp_path / "here")
    assert forked == here == exported_files(tmp_path / "lost")
    assert "view_graph.html" in here and "hcc_kg_ontology.ttl" in here


def test_an_error_in_the_forked_child_fails_the_build_as_itself_and_leaves_nothing(tmp_path):
    said = _fresh_build(FIXTURES / "tiny", tmp_path / "out", "broken-child")
    assert said == ["ExportError invented failure while drawing", "child gone"]
    assert not (tmp_path / "out").exists(), "a failed build leaves no output folder behind"


def test_a_reasoner_failure_kills_the_forked_child_and_discards_the_early_store(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "contradiction" / "doc.txt", corpus / "doc.txt")
    said = _fresh_build(corpus, tmp_path / "out", "", FIXTURES / "contradiction" / "extra_vocabulary.yaml")
    assert said[0].startswith("InconsistentGraphError") and said[-1] == "child gone"
    assert not (tmp_path / "out").exists(), "the store loaded while HermiT ran is gone too"


# --- HermiT's JVM started before extraction (hcc_kg.owl.hermit.WarmHermit) ------------------------

def _started_warm_jvms(monkeypatch) -> list:
    from hcc_kg.owl import hermit
    started, real = [], hermit.WarmHermit.start
    monkeypatch.setattr(hermit.WarmHermit, "start", classmethod(lambda cls, *a: started.append(real(*a)) or started[-1]))
    return started


def _invented_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.txt").write_text("Invented notes\nSorafenib, a multikinase inhibitor, inhibits VEGFR2 and PDGFR-beta.\n",
                                     encoding="utf-8")
    return corpus


def test_the_build_reasons_on_the_jvm_it_started_before_extraction(tmp_path, monkeypatch):
    from hcc_kg.owl import hermit
    started = _started_warm_jvms(monkeypatch)
    monkeypatch.setattr(hermit, "_cold_run", lambda *a: pytest.fail("HermiT ran cold: the warm JVM was not used"))
    result = build(Settings(corpus=_invented_corpus(tmp_path), out=None))
    assert len(started) == 1 and started[0].process.poll() is not None
    assert any("sorafenib" in str(s) for s in result.graph.subjects())


def test_a_build_that_fails_before_reasoning_kills_the_jvm_it_started(tmp_path, monkeypatch):
    from hcc_kg import pipeline
    started = _started_warm_jvms(monkeypatch)
    monkeypatch.setattr(pipeline, "read", lambda *a, **kw: (_ for _ in ()).throw(RuntimeError("invented failure")))
    with pytest.raises(RuntimeError, match="invented failure"):
        build(Settings(corpus=_invented_corpus(tmp_path), out=None))
    assert len(started) == 1 and started[0].process.poll() is not None


def test_the_forked_side_exports_yield_the_cores_to_hermit_and_the_build(monkeypatch):
    from hcc_kg import pipeline
    from hcc_kg.owl.load import default_ontology_path
    asked = []
    monkeypatch.setattr(pipeline.os, "nice", asked.append)  # not this test process's priority
    made = pipeline._side_exports(None, default_ontology_path(), None, lambda: frozenset())
    assert asked == [pipeline.SIDE_EXPORTS_NICENESS] and pipeline.SIDE_EXPORTS_NICENESS > 0
    assert made.views is None and made.ontology.startswith(b"@prefix")
