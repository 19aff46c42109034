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
from readback import approved_agents_hitting, key_named, missing

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
            drug, target = (vocabulary[str(x)[len(str(HCCR)):]].names() for x in (s, o))
            predicate = str(prop)[len(str(HCC)):]
            for doc, start, end in spans:  # the drug, the target and the relation's cue, all in the span
                assert not missing(texts[doc][start:end], drug, target, predicate), (s, o, doc, start, end)
                checked += 1
    assert checked > 20


def test_vegfr_and_fgfr_question(built, projected):
    texts = {d.doc_id: d.text for d in built.documents}
    expected = approved_agents_hitting(built.assertions, texts, load_vocabulary(), ["VEGFR", "FGFR"])
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
