"""What the KGX export keeps of a graph: spellings, never rdflib terms, and only what it reads."""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, Literal

from hcc_kg.store import kgx_facts, kgx_mapping
from hcc_kg.store.export import canonical
from hcc_kg.store.rdf import HCC, HCCR, new_graph


def annotated(graph, s, p, o, *records):
    """``s p o`` with an owl:Axiom citing evidence ``records`` ((name, document, start, end))."""
    graph.add((s, p, o))
    axiom = HCCR[f"axiom_{len(list(graph.subjects(RDF.type, OWL.Axiom)))}"]
    for link, node in ((RDF.type, OWL.Axiom), (OWL.annotatedSource, s), (OWL.annotatedProperty, p),
                       (OWL.annotatedTarget, o)):
        graph.add((axiom, link, node))
    for name, document, start, end in records:
        graph.add((axiom, HCC.hasEvidence, HCCR[name]))
        graph.add((HCCR[name], RDF.type, HCC.Evidence))
        graph.add((HCCR[name], HCC.fromDocument, HCCR[document]))
        graph.add((HCCR[document], HCC.documentId, Literal(document.upper())))
        graph.add((HCCR[name], HCC.startOffset, Literal(start)))
        graph.add((HCCR[name], HCC.endOffset, Literal(end)))


def small_graph():
    graph = new_graph()
    graph.add((HCC.SmallMolecule, RDFS.subClassOf, HCC.Drug))
    for key, cls in (("drug", HCC.SmallMolecule), ("kin", HCC.Protein), ("doc1", HCC.SourceDocument)):
        graph.add((HCCR[key], RDF.type, cls))
        graph.add((HCCR[key], RDFS.label, Literal(f"{key} label")))
    annotated(graph, HCCR.drug, HCC.inhibits, HCCR.kin, ("ev1", "doc1", 4, 9))
    annotated(graph, HCCR.drug, HCC.mentionedIn, HCCR.doc1, ("ev2", "doc1", 40, 49))  # no edge reads it
    return graph


def facts_of(graph):
    return kgx_facts.GraphFacts(canonical(graph), kgx_mapping.load_mapping())


def test_nodes_and_values_are_kept_as_their_ntriples_spellings():
    facts = facts_of(small_graph())
    drug, kin = HCCR.drug.n3(), HCCR.kin.n3()
    assert list(facts.objects(drug, kgx_facts.TYPE)) == [HCC.SmallMolecule.n3()]
    assert list(facts.objects(drug, kgx_facts.LABEL)) == ['"drug label"']
    assert list(facts.objects(drug, kgx_facts.spelling("hcc:inhibits"))) == [kin]
    assert facts.classes(drug) == {"hcc:SmallMolecule", "hcc:Drug"}


def test_an_axiom_is_kept_only_for_a_fact_an_edge_reads_and_only_as_its_evidence():
    graph = small_graph()
    facts = facts_of(graph)
    inhibits = (HCCR.drug.n3(), HCC.inhibits.n3(), HCCR.kin.n3())
    assert facts.supported == {inhibits: [HCCR.ev1.n3()]}  # mentionedIn is read by no edge or chain
    assert facts.spans(inhibits) == ("doc:DOC1#4-9",)
    assert facts.rank(inhibits) == kgx_mapping.load_mapping().status_rank("text")
    axioms = {a.n3() for a in graph.subjects(RDF.type, OWL.Axiom)}
    assert not axioms & {s for by_subject in facts.index.values() for s in by_subject}


def test_an_evidence_record_is_its_document_and_span_only():
    facts = facts_of(small_graph())
    assert facts.evidence == {HCCR.ev1.n3(): (HCCR.doc1.n3(), "4-9"), HCCR.ev2.n3(): (HCCR.doc1.n3(), "40-49")}
    offsets = {kgx_facts.spelling(f"hcc:{name}") for name in ("fromDocument", "startOffset", "endOffset")}
    assert not offsets & set(facts.index)


def test_an_rdflib_graph_is_read_as_its_canonical_lines():
    graph = small_graph()
    from_graph = kgx_facts.GraphFacts(graph, kgx_mapping.load_mapping())
    assert from_graph.index == facts_of(graph).index and from_graph.supported == facts_of(graph).supported


def test_values_are_a_tuple_until_a_subject_has_many_then_a_list():
    graph = small_graph()
    many = [HCCR[f"kin{i}"] for i in range(2 * kgx_facts._TUPLE_MAX)]
    for kin in many:
        graph.add((HCCR.drug, HCC.inhibits, kin))
    graph.add((HCCR.kin, RDF.type, HCC.Kinase))
    facts = facts_of(graph)
    assert sorted(facts.objects(HCCR.drug.n3(), kgx_facts.spelling("hcc:inhibits"))) == sorted(
        n.n3() for n in [HCCR.kin, *many])
    assert facts.objects(HCCR.kin.n3(), kgx_facts.TYPE) == (HCC.Kinase.n3(), HCC.Protein.n3())


def test_nodes_of_the_same_classes_share_one_tuple_of_them():
    graph = small_graph()
    graph.add((HCCR.drug2, RDF.type, HCC.SmallMolecule))
    facts = facts_of(graph)
    assert facts.objects(HCCR.drug.n3(), kgx_facts.TYPE) is facts.objects(HCCR.drug2.n3(), kgx_facts.TYPE)
