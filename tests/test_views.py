"""HTML views: offline pages, escaped document text, legend, counts, styles, determinism.

Most tests use a small hand-written graph (below) whose expected contents are worked out
by hand; the count tests also run on the committed export, counting its facts with SPARQL.
"""

from __future__ import annotations

import hashlib
import html
import json
import re

import pytest
import rdflib
import yaml

from hcc_kg import views
from hcc_kg.cli import main
from hcc_kg.read.corpus import document_id, read_corpus
from hcc_kg.errors import QueryError
from hcc_kg.store.rdf import new_graph
from hcc_kg.report import Report
from hcc_kg.views.render import make_offline

from conftest import REPO

#: A note written for these tests; the evidence span below covers its first sentence.
NOTE = "Drug X <b>blocks</b> KDR in this made-up note. Nothing else happens here.\n"
SPAN_END = NOTE.index(".") + 1
SCRIPT_LABEL = "<script>alert('boom')</script> & co"

TINY = """
@prefix hcc: <https://w3id.org/hcc-kg/ontology#> .
@prefix hccr: <https://w3id.org/hcc-kg/resource/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

hcc:isMemberOf owl:inverseOf hcc:hasMember .

hccr:drug_x a owl:NamedIndividual, hcc:SmallMolecule, hcc:ApprovedAgent ; rdfs:label "LABEL" ;
    hcc:identifier "drugbank:DB00001" ; hcc:inhibits hccr:kdr, hccr:vegfr .
hccr:kdr a owl:NamedIndividual, hcc:Protein ; rdfs:label "KDR" ; hcc:identifier "hgnc:6307" ;
    hcc:isMemberOf hccr:vegfr ; hcc:participatesIn hccr:angio .
hccr:vegfr a owl:NamedIndividual, hcc:ProteinFamily ; rdfs:label "VEGFR" ; hcc:hasMember hccr:kdr .
hccr:angio a owl:NamedIndividual, hcc:Pathway ; rdfs:label "angio pathway" .
hccr:trial_t a owl:NamedIndividual, hcc:ClinicalTrial ; rdfs:label "TRIAL-T" ; hcc:hasArm hccr:arm_t .
hccr:arm_t a owl:NamedIndividual, hcc:TrialArm ; rdfs:label "TRIAL-T: drug arm" ;
    hcc:armIntervention hccr:drug_x ; hcc:hasMeasurement hccr:m_t .
hccr:m_t a owl:NamedIndividual, hcc:OutcomeMeasurement ; rdfs:label "overall survival (TRIAL-T)" ;
    hcc:valueText "11.5" ; hcc:unit "months" ; hcc:measuresEndpoint hccr:os .
hccr:os a owl:NamedIndividual, hcc:EndpointType ; rdfs:label "overall survival" .
hccr:lonely a owl:NamedIndividual, hcc:Protein ; rdfs:label "LONELY" .

hccr:doc_d1 a owl:NamedIndividual, hcc:SourceDocument ; hcc:documentId "DOCID" ; hcc:sha256 "SHA" .
hccr:ev1 a owl:NamedIndividual, hcc:Evidence ; hcc:fromDocument hccr:doc_d1 ;
    hcc:startOffset 0 ; hcc:endOffset END ; hcc:extractor "test-rule" .
hccr:ax1 a owl:Axiom ; owl:annotatedSource hccr:drug_x ; owl:annotatedProperty hcc:inhibits ;
    owl:annotatedTarget hccr:kdr ; hcc:hasEvidence hccr:ev1 .
hccr:ax2 a owl:Axiom ; owl:annotatedSource hccr:drug_x ; owl:annotatedProperty hcc:inhibits ;
    owl:annotatedTarget hccr:vegfr ; hcc:assertionStatus "inferred" .
hccr:ax3 a owl:Axiom ; owl:annotatedSource hccr:kdr ; owl:annotatedProperty hcc:isMemberOf ;
    owl:annotatedTarget hccr:vegfr ; hcc:assertionStatus "vocabulary" .
hccr:ax4 a owl:Axiom ; owl:annotatedSource hccr:drug_x ; owl:annotatedProperty rdf:type ;
    owl:annotatedTarget hcc:ApprovedAgent ; hcc:assertionStatus "inferred" .
"""
#: Worked out by hand from TINY: every individual except the document and the evidence; the
#: facts between them, with isMemberOf / hasMember counted once.
TINY_NODES = {"drug_x", "kdr", "vegfr", "angio", "trial_t", "arm_t", "m_t", "os", "lonely"}
TINY_EDGES = 8
HCC = rdflib.Namespace("https://w3id.org/hcc-kg/ontology#")
_REMOTE_TAG = re.compile(r"<(script|link)\b[^>]*\b(src|href)\s*=\s*[\"']?\s*(https?:)?//", re.I)


def tiny_graph(label: str = SCRIPT_LABEL) -> rdflib.Graph:
    text = TINY.replace('"LABEL"', json.dumps(label)).replace("END", str(SPAN_END))
    text = text.replace('"SHA"', json.dumps(hashlib.sha256(NOTE.encode("utf-8")).hexdigest()))
    text = text.replace('"DOCID"', json.dumps(document_id(NOTE)))  # documents are named by their content
    graph = new_graph()
    graph.parse(data=text, format="turtle")
    return graph


def emitted(page: str) -> tuple[list[dict], list[dict]]:
    """The node and edge records the page hands to vis-network."""
    nodes = re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);\n", page, re.S).group(1)
    edges = re.search(r"edges = new vis\.DataSet\((\[.*?\])\);\n", page, re.S).group(1)
    return json.loads(nodes), json.loads(edges)


def by_id(records: list[dict]) -> dict[str, dict]:
    return {r["id"]: r for r in records}


@pytest.fixture(scope="module")
def tiny_page() -> str:
    return views.graph_view(tiny_graph())


def test_page_has_no_remote_script_or_stylesheet(tiny_page):
    assert _REMOTE_TAG.findall(tiny_page) == []
    assert views.remote_references(tiny_page) == []
    assert "vis.Network" in tiny_page  # the library is inlined, not fetched


def test_make_offline_drops_remote_tags_and_keeps_inline_code():
    page = ('<html><head><link href="https://cdn.example/b.css" rel="stylesheet" />'
            '<script src="//cdn.example/b.js" integrity="x"></script><script>var kept = 1;</script>'
            '<!-- <script src="https://cdn.example/c.js"></script> --></head><body></body></html>')
    cleaned = make_offline(page)
    assert _REMOTE_TAG.findall(page) and not _REMOTE_TAG.findall(cleaned)
    assert "var kept = 1;" in cleaned and "cdn.example" not in cleaned


def test_document_text_is_escaped_in_labels_and_tooltips(tiny_page):
    assert "<script>alert" not in tiny_page
    nodes, edges = emitted(tiny_page)
    drug = by_id(nodes)["drug_x"]
    assert drug["label"] == "&lt;script>alert('boom')&lt;/script> &amp; co"  # vis html mode decodes &lt; &amp;
    assert html.escape(SCRIPT_LABEL) in drug["info"] and SCRIPT_LABEL not in drug["info"]
    inhibits = next(e for e in edges if (e["from"], e["to"]) == ("drug_x", "kdr"))
    assert html.escape(SCRIPT_LABEL) in inhibits["info"] and "<script" not in inhibits["info"]
    titled = views.around_view(tiny_graph(), "drug_x", 1)  # the label is in the page's title and heading
    assert html.escape(SCRIPT_LABEL) in titled and "<script>alert" not in titled


def test_emitted_counts_equal_the_graph(tiny_page):
    nodes, edges = emitted(tiny_page)
    assert {n["id"] for n in nodes} == TINY_NODES
    assert len(edges) == TINY_EDGES
    assert len({e["id"] for e in edges}) == len(edges)


def test_legend_shows_each_type_and_status_present(tiny_page):
    kinds = set(re.findall(r'<li data-kind="([^"]*)"', tiny_page))
    assert kinds == {"SmallMolecule", "Protein", "ProteinFamily", "Pathway", "ClinicalTrial", "TrialArm",
                     "OutcomeMeasurement", "EndpointType"}
    assert set(re.findall(r'<li data-status="([^"]*)"', tiny_page)) == {"asserted", "inferred", "vocabulary"}
    predicates = set(re.findall(r'<li data-predicate="([^"]*)"', tiny_page))
    assert {"inhibits", "participatesIn", "hasArm", "armIntervention", "measuresEndpoint"} <= predicates
    assert len(predicates & {"isMemberOf", "hasMember"}) == 1  # an inverse pair is one edge


def test_asserted_inferred_and_vocabulary_edges_look_different(tiny_page):
    _, edges = emitted(tiny_page)
    edge = {(e["from"], e["to"]): e for e in edges}
    asserted, inferred = edge[("drug_x", "kdr")], edge[("drug_x", "vegfr")]
    vocabulary = edge.get(("kdr", "vegfr")) or edge[("vegfr", "kdr")]
    assert (asserted["status"], inferred["status"], vocabulary["status"]) == ("asserted", "inferred", "vocabulary")
    looks = {json.dumps([e["dashes"], e["width"], e["color"]["opacity"]]) for e in (asserted, inferred, vocabulary)}
    assert len(looks) == 3
    assert asserted["dashes"] is False and inferred["dashes"]


def test_shape_and_colour_follow_the_type(tiny_page):
    nodes = by_id(emitted(tiny_page)[0])
    assert nodes["kdr"]["shape"] == nodes["lonely"]["shape"]  # both proteins
    assert nodes["kdr"]["color"] == nodes["lonely"]["color"]
    assert nodes["kdr"]["shape"] != nodes["drug_x"]["shape"] or nodes["kdr"]["color"] != nodes["drug_x"]["color"]


def test_tooltips_link_identifiers_to_registry_pages_and_cite_spans(tiny_page):
    prefixes = yaml.safe_load((REPO / "src" / "hcc_kg" / "data" / "prefixes.yaml").read_text(encoding="utf-8"))
    nodes, edges = emitted(tiny_page)
    kdr = by_id(nodes)["kdr"]["info"]
    assert f'<a href="{html.escape(prefixes["hgnc"] + "6307")}"' in kdr
    drug = by_id(nodes)["drug_x"]["info"]
    assert f'<a href="{html.escape(prefixes["drugbank"] + "DB00001")}"' in drug
    assert "ApprovedAgent <i>(inferred)</i>" in drug
    inhibits = next(e for e in edges if (e["from"], e["to"]) == ("drug_x", "kdr"))["info"]
    assert f"{document_id(NOTE)} [0–{SPAN_END}]" in inhibits and "test-rule" in inhibits


def readable(page: str) -> str:
    """The page with its data decoded (the JSON in it escapes ``<``, ``>`` and ``&``)."""
    nodes, edges = emitted(page)
    return page + "".join(r["info"] + r["label"] for r in nodes + edges)


def test_sentences_only_with_a_corpus_and_only_if_unchanged(tmp_path, tiny_page):
    sentence = NOTE[:SPAN_END]
    assert "made-up note" not in readable(tiny_page)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "d1.txt").write_text(NOTE, encoding="utf-8")
    with_text = readable(views.graph_view(tiny_graph(), corpus=corpus))
    assert html.escape(sentence) in with_text and "<b>blocks</b>" not in with_text
    (corpus / "d1.txt").write_text(NOTE.replace("KDR", "FLT1"), encoding="utf-8")
    changed = readable(views.graph_view(tiny_graph(), corpus=corpus))
    assert "FLT1" not in changed and "made-up note" not in changed
    assert "(document not in this corpus, or changed)" in changed


def test_same_graph_gives_the_same_bytes():
    assert views.graph_view(tiny_graph()) == views.graph_view(tiny_graph())


def test_views_select_around_and_chain():
    graph = tiny_graph()
    around = {n["id"] for n in emitted(views.around_view(graph, "KDR", 1))[0]}
    assert around == {"kdr", "drug_x", "vegfr", "angio"}
    chain = {n["id"] for n in emitted(views.chain_view(graph, "angio pathway"))[0]}
    assert chain == {"angio", "kdr", "drug_x", "trial_t", "arm_t", "m_t", "os"}
    sub = emitted(views.subgraph_view(graph, ["https://w3id.org/hcc-kg/resource/kdr", "vegfr"], "two"))
    assert {n["id"] for n in sub[0]} == {"kdr", "vegfr"} and len(sub[1]) == 1
    with pytest.raises(QueryError):
        views.subgraph_view(graph, ["https://w3id.org/hcc-kg/resource/nothing"], "none")
    with pytest.raises(QueryError):
        views.around_view(graph, "no such thing")


def _committed_counts(graph: rdflib.Graph) -> tuple[int, int]:
    """Individuals and the facts between them (an owl:inverseOf pair once), by SPARQL."""
    individuals = {str(r.s) for r in graph.query(
        "SELECT ?s WHERE { ?s a owl:NamedIndividual ; a ?t . FILTER(STRSTARTS(STR(?t), STR(hcc:))) "
        "FILTER NOT EXISTS { ?s a hcc:Evidence } FILTER NOT EXISTS { ?s a hcc:SourceDocument } }")}
    inverse = {}
    for p, q in graph.subject_objects(rdflib.OWL.inverseOf):
        inverse[p], inverse[q] = q, p
    facts = set()
    for s, p, o in graph:
        if str(s) in individuals and str(o) in individuals and str(p).startswith(str(HCC)):
            facts.add(frozenset({(s, p, o), (o, inverse.get(p), s)}) if p in inverse else frozenset({(s, p, o)}))
    return len(individuals), len(facts)


@pytest.fixture(scope="module")
def committed() -> rdflib.Graph:
    graph = new_graph()
    graph.parse(REPO / "exports" / "hcc_kg.ttl", format="turtle")
    return graph


def test_whole_graph_view_of_the_committed_export_has_every_node_and_fact(committed):
    nodes, edges = emitted(views.graph_view(committed))
    assert (len(nodes), len(edges)) == _committed_counts(committed)


def test_query_view_shows_the_networkx_answer(committed):
    from hcc_kg.query.graph import project
    from hcc_kg.query.paths import agents_hitting

    expected = {a["key"] for a in agents_hitting(project(committed), ["VEGFR", "FGFR"], approved=True)}
    assert expected
    nodes = {n["id"] for n in emitted(views.query_view(committed, "approved_agents_hitting_two_families"))[0]}
    assert expected <= nodes and {"vegfr_family", "fgfr_family"} <= nodes


def test_cli_view(tmp_path, capsys):
    ttl = tmp_path / "tiny.ttl"
    ttl.write_text(tiny_graph().serialize(format="turtle"), encoding="utf-8")
    out = tmp_path / "v" / "kdr.html"
    assert main(["view", "--graph", str(ttl), "--around", "KDR", "--depth", "0", "--out", str(out)]) == 0
    assert [n["id"] for n in emitted(out.read_text(encoding="utf-8"))[0]] == ["kdr"]
    assert main(["view", "--graph", str(ttl), "--around", "nothing", "--out", str(out)]) == 9
    assert main(["view", "--graph", str(ttl), "--depth", "2", "--out", str(out)]) == 2
    assert main(["view", "--graph", str(tmp_path / "none.ttl"), "--out", str(out)]) == 9  # a missing --graph: exit 9 for every command (README)
    assert main(["view", "--graph", str(ttl), "--corpus", str(tmp_path / "nowhere"), "--out", str(out)]) == 3
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".tmp")]


@pytest.mark.slow
def test_build_writes_views_without_document_text(built, corpus_dir):
    pages = [p for p in built.outputs if p.suffix == ".html"]
    assert {p.name for p in pages} >= {"view_graph.html"} and any(p.name.startswith("view_chain_") for p in pages)
    texts = {d.doc_id: d.text for d in read_corpus(corpus_dir, Report())}
    spans = set()
    for ev in built.graph.subjects(rdflib.RDF.type, HCC.Evidence):
        doc = str(built.graph.value(built.graph.value(ev, HCC.fromDocument), HCC.documentId))
        start, end = int(built.graph.value(ev, HCC.startOffset)), int(built.graph.value(ev, HCC.endOffset))
        words = " ".join(texts[doc][start:end].split())
        if len(words) >= 40:
            spans.add(words)
    names = {str(o) for p in (rdflib.RDFS.label, rdflib.SKOS.altLabel) for o in built.graph.objects(None, p)}
    spans -= names  # a span that is just an entity's name may be drawn as its label
    assert spans
    for page in pages:
        body = readable(page.read_text(encoding="utf-8"))
        assert _REMOTE_TAG.findall(body) == []
        leaked = [s for s in spans if s in body or html.escape(s) in body]
        assert leaked == [], f"{page.name} quotes the corpus: {leaked[:1]}"



# Ranks, relation labels, layout ---------------------------------------------------------------------

def test_chain_view_places_each_node_in_its_rank_and_draws_without_physics():
    page = views.chain_view(tiny_graph(), "angio pathway")
    nodes, _ = emitted(page)
    level = {n["id"]: n["level"] for n in nodes}
    # worked out by hand from TINY: angio → kdr → drug_x → trial_t → arm_t → m_t → os
    assert [level[n] for n in ("angio", "kdr", "drug_x", "trial_t", "arm_t", "m_t", "os")] == list(range(7))
    options = json.loads(re.search(r"var options = (\{.*?\});\n", page).group(1))
    assert options["layout"]["hierarchical"]["enabled"] and options["layout"]["hierarchical"]["direction"] == "LR"
    assert options["physics"]["enabled"] is False
    assert '"layered": true' in page
    graph_nodes, _ = emitted(views.graph_view(tiny_graph()))
    assert all("level" not in n for n in graph_nodes)  # the whole graph keeps its force layout


def test_arm_label_names_its_trial_and_intervention_from_the_graph():
    nodes = by_id(emitted(views.graph_view(tiny_graph(label="Drugex")))[0])
    assert nodes["arm_t"]["label"] == "TRIAL-T · Drugex"  # TRIAL-T hasArm arm_t; arm_t armIntervention drug_x
    renamed = TINY.replace('"TRIAL-T" ;', '"OTHER-9" ;')
    graph = new_graph()
    graph.parse(data=renamed.replace('"LABEL"', '"Drugex"').replace("END", "1").replace('"SHA"', '"x"')
                .replace('"DOCID"', '"y"'), format="turtle")
    assert by_id(emitted(views.graph_view(graph))[0])["arm_t"]["label"] == "OTHER-9 · Drugex"


def test_approval_label_reads_agent_agency_and_line_labels():
    extra = """
hccr:fda_x a owl:NamedIndividual, hcc:RegulatoryAgency ; rdfs:label "Agency Q" .
hccr:line_x a owl:NamedIndividual, hcc:LineOfTherapy ; rdfs:label "third-line" .
hccr:appr a owl:NamedIndividual, hcc:RegulatoryApproval ; rdfs:label "drug_x approval (fda_x, line_x)" ;
    hcc:approvalOf hccr:drug_x ; hcc:grantedBy hccr:fda_x ; hcc:forLineOfTherapy hccr:line_x .
"""
    graph = tiny_graph(label="Drugex")
    graph.parse(data=TINY.split("\n\n")[0] + "\n" + extra, format="turtle")
    assert by_id(emitted(views.graph_view(graph))[0])["appr"]["label"] == "Drugex · Agency Q · third-line"


def test_details_panel_comes_before_the_legend():
    page = views.graph_view(tiny_graph())
    side = page[page.index('<div id="hcc-side">'):]
    assert side.index('id="hcc-details"') < side.index('id="hcc-legend"')
