"""End-to-end: the completed-trials table of the shipped corpus, read back from its spans."""

from __future__ import annotations

import re
import shutil

import pytest
import rdflib
from rdflib.namespace import SKOS

from hcc_kg.read.corpus import read_corpus
from hcc_kg.pipeline import Settings, build
from hcc_kg.store.rdf import HCC
from hcc_kg.report import Report

pytestmark = pytest.mark.slow
ROW = re.compile(r"^(?:19|20)\d\d\s+\S", re.MULTILINE)

HAZARD_RATIOS = """
PREFIX hcc: <https://w3id.org/hcc-kg/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?trial ?name ?hr ?text ?low ?high ?doc ?start ?end ?extractor WHERE {
  ?trial hcc:hasEffectEstimate ?est ; rdfs:label ?name .
  ?est a hcc:HazardRatio ; hcc:value ?hr ; hcc:valueText ?text .
  OPTIONAL { ?est hcc:ciLower ?low ; hcc:ciUpper ?high }
  ?ax owl:annotatedSource ?est ; owl:annotatedProperty hcc:value ; owl:annotatedTarget ?hr ;
      hcc:hasEvidence [ hcc:fromDocument/hcc:documentId ?doc ; hcc:startOffset ?start ; hcc:endOffset ?end ;
                        hcc:extractor ?extractor ] .
}"""


def trial_table_rows(text: str) -> list[str]:
    """Rows of every table block that opens with a caption, found independently of the extractor."""
    rows = []
    for caption in re.finditer(r"^Table \d+\b.*$", text, re.MULTILINE):
        body = text[caption.end():]
        stop = re.search(r"^ \S|^Table \d+\b", body, re.MULTILINE)
        rows += ROW.findall(body[:stop.start() if stop else len(body)])
    return rows


def hazard_ratios(graph: rdflib.Graph) -> dict[str, tuple]:
    return {str(r.name): (str(r.hr), r.low and str(r.low), r.high and str(r.high))
            for r in graph.query(HAZARD_RATIOS)}


def test_every_completed_trial_row_is_a_trial(built, corpus_dir):
    expected = sum(len(trial_table_rows(p.read_text(encoding="utf-8"))) for p in corpus_dir.glob("*.txt"))
    trials = {a.subject for a in built.assertions if a.predicate == "isClinicalTrial"
              and any(e.extractor == "table-trial" for e in a.evidence)}
    assert expected > 0 and len(trials) == expected


def test_every_hazard_ratio_and_ci_reads_back_from_its_row(built, corpus_dir):
    texts = {d.doc_id: d.text for d in read_corpus(corpus_dir, Report())}  # evidence names documents by content id
    rows = list(built.graph.query(HAZARD_RATIOS))
    assert rows
    for r in rows:
        span = texts[str(r.doc)][int(r.start):int(r.end)]
        assert str(r.name) in span
        if str(r.extractor) != "table-trial":  # stated in prose: "HR: 0.58" or "HR of 0.58"
            assert re.search(rf"\bHR\b(?:\s*:|\s+of)?\s*{re.escape(str(r.text))}\b", span), (r.name, span)
            continue
        assert re.search(rf"\({re.escape(str(r.text))};", span), (r.name, span)
        if r.low is not None:
            printed = re.search(r"\(\S+;\s*(\S+?)\s*[\u2013-]\s*(\S+?)\)", span)
            assert printed and (float(printed.group(1)), float(printed.group(2))) == (float(r.low), float(r.high))


def test_changing_one_hazard_ratio_changes_exactly_that_value(built, corpus_dir, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    before = hazard_ratios(built.graph)
    name, (hr, _, _) = sorted(before.items())[0]
    doc = next(p for p in corpus.glob("*.txt") if re.search(rf"^\d{{4}} {re.escape(name)} ", p.read_text(), re.M))
    text = doc.read_text(encoding="utf-8")
    row = re.search(rf"^\d{{4}} {re.escape(name)} .*$", text, re.M)
    new_hr = f"{float(hr) + 0.01:.2f}"
    changed = row.group(0).replace(f"({hr};", f"({new_hr};")
    assert changed != row.group(0)
    doc.write_text(text[:row.start()] + changed + text[row.end():], encoding="utf-8")
    after = hazard_ratios(build(Settings(corpus=corpus, out=None)).graph)
    assert {k for k in before if before[k] != after.get(k)} == {name}
    assert after[name][0] == new_hr


def test_every_reported_conflict_reads_back_from_both_spans(built, corpus_dir):
    texts = {d.doc_id: d.text for d in read_corpus(corpus_dir, Report())}  # evidence names documents by content id
    for conflict in built.conflicts:
        assert len(conflict.values) >= 2
        for value, evidence in conflict.values:
            assert evidence
            for ev in evidence:
                assert str(value) in texts[ev.doc_id][ev.start:ev.end], (conflict.subject, value)


def test_trial_parts_are_labelled_with_their_trials_name(built):
    g = built.graph

    def names(trial):  # its label, or the name the text used when the label was made unique
        return {str(n) for n in [*g.objects(trial, rdflib.RDFS.label), *g.objects(trial, SKOS.altLabel)]}

    for trial, arm in g.subject_objects(HCC.hasArm):
        label = str(g.value(arm, rdflib.RDFS.label))
        assert any(label.startswith(f"{name}: ") for name in names(trial)), (label, names(trial))
    for trial, estimate in g.subject_objects(HCC.hasEffectEstimate):
        label = str(g.value(estimate, rdflib.RDFS.label))
        assert any(f"({name})" in label for name in names(trial)), (label, names(trial))


def test_measurements_of_one_arm_are_told_apart(built):
    g = built.graph
    for arm in set(g.subjects(HCC.hasMeasurement, None)):
        seen = set()
        for m in g.objects(arm, HCC.hasMeasurement):
            what = (g.value(m, HCC.measuresEndpoint), g.value(m, HCC.timepoint),
                    frozenset(g.objects(m, HCC.forLineOfTherapy)),  # e.g. first-line vs second-line subgroups
                    frozenset(g.objects(m, HCC.value)))  # two sources disagreeing: two readings, kept apart
            assert what not in seen, (arm, what)
            seen.add(what)


P_VALUES = """
PREFIX hcc: <https://w3id.org/hcc-kg/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?est ?p ?cmp ?doc ?start ?end WHERE {
  ?est hcc:pValue ?p ; hcc:pValueComparator ?cmp .
  ?ax owl:annotatedSource ?est ; owl:annotatedProperty hcc:pValue ; owl:annotatedTarget ?p ;
      hcc:hasEvidence [ hcc:fromDocument/hcc:documentId ?doc ; hcc:startOffset ?start ; hcc:endOffset ?end ] .
}"""


def test_every_p_value_reads_back_from_its_span(built, corpus_dir):
    texts = {d.doc_id: d.text for d in read_corpus(corpus_dir, Report())}  # evidence names documents by content id
    rows = list(built.graph.query(P_VALUES))
    assert rows, "the corpus states p-values beside hazard ratios"
    for row in rows:
        span = re.sub(r"\s+", " ", texts[str(row.doc)][int(row.start):int(row.end)])
        printed = [m.group(1) for m in re.finditer(rf"\bP\s*{re.escape(str(row.cmp))}\s*(\d*\.\d+)", span)]
        assert printed and any(rdflib.Literal(p, datatype=rdflib.XSD.decimal).eq(row.p) for p in printed), span


def test_prose_results_read_back_from_their_spans(built, corpus_dir):
    texts = {d.doc_id: d.text for d in read_corpus(corpus_dir, Report())}  # evidence names documents by content id
    prose = [a for a in built.assertions if a.predicate in ("hasMeasurement", "hasEffectEstimate")
             and any(e.extractor.startswith("sentence-comparison") for e in a.evidence)]
    assert prose
    for a in prose:
        attributes = dict(a.attributes)
        for ev in (e for e in a.evidence if e.extractor.startswith("sentence-comparison")):
            span = re.sub(r"\s+", " ", texts[ev.doc_id][ev.start:ev.end])
            for name in ("value_text", "hazard_ratio_text", "p_value_text"):
                if name in attributes:
                    assert attributes[name] in span, (a.subject, name)


def test_cross_document_disagreements_on_the_same_comparison_are_reported(built):
    across = [c for c in built.conflicts if c.kind == "same-comparison"]
    assert across
    for conflict in across:
        docs = [{e.doc_id for e in evidence} for _, evidence in conflict.values]
        assert len(docs) == 2 and docs[0] != docs[1]
