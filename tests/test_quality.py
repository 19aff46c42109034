"""The ontology quality report: each check on a graph made here, levels, files, and the build gate."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, Literal, URIRef

from hcc_kg.store import quality
from hcc_kg.errors import OntologyQualityError, exit_code_for
from hcc_kg.store.rdf import HCC, HCCR, new_graph

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "hcc_kg.ttl"
ONTO = URIRef("https://w3id.org/hcc-kg/ontology")


def clean_graph() -> rdflib.Graph:
    """An ontology with licence and version, one defined class and one labelled individual."""
    g = new_graph()
    g.add((ONTO, RDF.type, OWL.Ontology))
    g.add((ONTO, quality.LICENSE, URIRef("https://spdx.org/licenses/MIT")))
    g.add((ONTO, OWL.versionIRI, URIRef(str(ONTO) + "/1")))
    g.add((HCC.Widget, RDF.type, OWL.Class))
    g.add((HCC.Widget, RDFS.label, Literal("Widget", lang="en")))
    g.add((HCC.Widget, quality.DEFINITION, Literal("A thing made up for a test.")))
    g.add((HCCR.w1, RDF.type, OWL.NamedIndividual))
    g.add((HCCR.w1, RDF.type, HCC.Widget))
    g.add((HCCR.w1, RDFS.label, Literal("widget one")))
    return g


def rules(findings) -> set[tuple[str, str, str]]:
    return {(f.level, f.rule, f.subject) for f in findings}


def test_a_clean_graph_has_no_finding():
    assert quality.report(clean_graph()) == []


@pytest.mark.parametrize("change, expected", [
    (lambda g: g.remove((HCCR.w1, RDFS.label, None)), ("ERROR", "missing_label", "hccr:w1")),
    (lambda g: g.set((HCCR.w1, RDFS.label, Literal(" WIDGET"))), ("ERROR", "duplicate_label", "hccr:w1")),
    (lambda g: g.add((HCCR.w1, RDFS.label, Literal("widget 1"))), ("ERROR", "multiple_labels", "hccr:w1")),
    (lambda g: g.add((HCC.Widget, OWL.deprecated, Literal(True))), ("ERROR", "deprecated_reference", "hccr:w1")),
    (lambda g: g.remove((HCC.Widget, quality.DEFINITION, None)), ("WARN", "missing_definition", "hcc:Widget")),
    (lambda g: g.remove((ONTO, quality.LICENSE, None)), ("ERROR", "missing_ontology_license", str(ONTO))),
    (lambda g: g.remove((ONTO, OWL.versionIRI, None)), ("WARN", "missing_version_iri", str(ONTO))),
])
def test_each_check_finds_what_it_names(change, expected):
    graph = clean_graph()
    change(graph)
    assert expected in rules(quality.report(graph))


def test_evidence_records_need_no_label():
    graph = clean_graph()
    graph.add((HCCR.ev1, RDF.type, OWL.NamedIndividual))
    graph.add((HCCR.ev1, RDF.type, HCC.Evidence))
    assert quality.report(graph) == []


def test_enforce_writes_the_report_and_fails_with_its_own_exit_code(tmp_path):
    graph = clean_graph()
    graph.set((HCCR.w1, RDFS.label, Literal("widget")))
    with pytest.raises(OntologyQualityError, match="duplicate_label") as caught:
        quality.enforce(graph, tmp_path)
    assert exit_code_for(caught.value) == 11 and caught.value.findings
    tsv = (tmp_path / "quality_report.tsv").read_text().splitlines()
    assert tsv[0] == "Level\tRule Name\tSubject\tProperty\tValue"
    assert {tuple(line.split("\t")[:3]) for line in tsv[1:]} == rules(caught.value.findings)
    body = json.loads((tmp_path / "quality_report.json").read_text())
    assert body["counts"]["ERROR"] == len(caught.value.findings)


def test_warnings_alone_pass():
    graph = clean_graph()
    graph.remove((HCC.Widget, quality.DEFINITION, None))
    assert [f.level for f in quality.enforce(graph)] == ["WARN"]


def test_the_shipped_ontology_has_no_error_and_no_warning():
    graph = rdflib.Graph().parse(ONTOLOGY, format="turtle")
    assert quality.report(graph) == []


@pytest.mark.slow
def test_the_corpus_build_passes_and_writes_its_report(built):
    assert not [f for f in quality.report(built.store) if f.level == "ERROR"]
    out = Path(built.outputs[0]).parent
    assert (out / "quality_report.tsv").exists() and (out / "quality_report.json").exists()


def test_a_build_with_an_error_in_its_ontology_stops_with_the_report(tmp_path):
    from hcc_kg.pipeline import Settings, build

    text = ONTOLOGY.read_text(encoding="utf-8")
    licence = " ;\n    dcterms:license <https://spdx.org/licenses/MIT> ."
    assert licence in text
    ontology = tmp_path / "no_licence.ttl"
    ontology.write_text(text.replace(licence, " ."), encoding="utf-8")
    out = tmp_path / "out"
    corpus = Path(__file__).parent / "fixtures" / "tiny"
    build(Settings(corpus=corpus, out=out, lexicon=False))  # a previous, passing build

    def snapshot() -> dict:
        return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}

    before = snapshot()
    with pytest.raises(OntologyQualityError, match="missing_ontology_license") as caught:
        build(Settings(corpus=corpus, out=out, ontology=ontology, lexicon=False))
    assert snapshot() == before  # the failed build left the output folder exactly as it was
    report = Path(str(caught.value).rsplit("every row: ", 1)[1].strip())  # the message names the report
    assert out not in report.parents and "missing_ontology_license" in report.read_text()
    shutil.rmtree(report.parent)


def test_the_store_and_its_canonical_graph_give_the_findings_of_the_rdflib_graph():
    from hcc_kg.store.canonical import canonical
    from hcc_kg.store.oxigraph import GraphStore

    graph = clean_graph()
    graph.set((HCCR.w1, RDFS.label, Literal(" WIDGET")))  # duplicate_label, read in one pass
    graph.add((HCCR.w2, RDF.type, OWL.NamedIndividual))  # missing_label
    graph.add((HCC.Gadget, RDF.type, OWL.Class))  # missing_label and missing_definition
    graph.add((HCC.Gadget, OWL.deprecated, Literal(True)))  # deprecated_reference: a second pass
    graph.add((HCCR.w2, RDF.type, HCC.Gadget))
    graph.add((HCCR.w1, RDFS.label, Literal("tab\tand \"quote\"", lang="de")))
    graph.add((HCCR.w1, RDFS.label, Literal("zweites", lang="de")))  # multiple_labels, escaped text
    store = GraphStore.in_memory()
    store.add_triples(graph)
    expected = quality.report(graph)
    assert {f.rule for f in expected} >= {"duplicate_label", "missing_label", "missing_definition",
                                          "deprecated_reference", "multiple_labels"}
    assert quality.report(store) == quality.report(canonical(graph)) == expected
    assert 'tab\tand "quote" | zweites' in {f.value for f in expected}


def test_a_build_reads_the_graph_for_its_checks_once_and_writes_what_it_checked(tmp_path, monkeypatch):
    from hcc_kg.pipeline import Settings, build

    gathered = []
    gather = quality.QualityFacts.__init__

    def counting(self, canon):
        gathered.append(len(canon))
        gather(self, canon)

    monkeypatch.setattr(quality.QualityFacts, "__init__", counting)
    result = build(Settings(corpus=Path(__file__).parent / "fixtures" / "tiny", out=tmp_path / "out", lexicon=False))
    assert gathered == [result.counts["triples"]]  # one pass over every triple, for the gate and the file
    body = json.loads((tmp_path / "out" / "quality_report.json").read_text())
    assert body["findings"] == [dataclasses.asdict(f) for f in result.findings]


def test_the_checks_run_with_the_cyclic_collector_held_off(monkeypatch):
    """Sets and maps of every entity of a large graph: no cycles, nothing for the collector."""
    import gc

    seen = []
    monkeypatch.setitem(quality.CHECKS, "probe", lambda facts: seen.append(gc.isenabled()) or [])
    assert quality.report(clean_graph()) == [] and seen == [False] and gc.isenabled()


def test_labelled_entities_are_gathered_once_for_every_check_that_reads_them(monkeypatch):
    calls = []
    original = quality._labelled_entities
    monkeypatch.setattr(quality, "_labelled_entities", lambda facts: calls.append(1) or original(facts))
    graph = clean_graph()
    graph.set((HCCR.w1, RDFS.label, Literal(" WIDGET")))
    assert ("ERROR", "duplicate_label", "hccr:w1") in rules(quality.report(graph)) and calls == [1]


def test_evidence_records_and_axioms_are_judged_and_let_go_not_kept():
    """A graph of millions of evidence records and axioms: none of them is kept for the checks."""
    from hcc_kg.store.canonical import canonical

    graph = clean_graph()
    records = [HCCR.ev1, HCCR.ax1]
    graph.add((HCCR.ev1, RDF.type, HCC.Evidence))
    graph.add((HCCR.ax1, RDF.type, OWL.Axiom))
    for record in records:
        graph.add((record, RDF.type, OWL.NamedIndividual))
        graph.add((record, RDFS.label, Literal(f"{record} label")))
    facts = quality.QualityFacts(canonical(graph))
    kept = set(facts.entities) | {s for s, _ in facts.labels} | {s for found in facts.typed.values() for s in found}
    assert kept and not kept & {r.n3() for r in records}
    assert HCCR.w1.n3() in facts.entities and quality.report(graph) == []


def test_two_labels_in_one_language_on_a_record_that_needs_none_are_still_reported():
    graph = clean_graph()
    graph.add((HCCR.ev1, RDF.type, HCC.Evidence))
    graph.add((HCCR.ev1, RDFS.label, Literal("span a")))
    graph.add((HCCR.ev1, RDFS.label, Literal("span b")))
    assert ("ERROR", "multiple_labels", "hccr:ev1") in rules(quality.report(graph))
