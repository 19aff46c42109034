"""KGX export: a golden tiny graph, mapping-file checks and read-back against the corpus."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import rdflib
import yaml
from rdflib import OWL, RDF, RDFS, Literal
from rdflib.namespace import SKOS

from hcc_kg import kgx, kgx_mapping
from hcc_kg.errors import ConfigError, ExportError
from hcc_kg.export import canonical
from hcc_kg.rdf import HCC, HCCR, new_graph

MAPPING_FILE = Path(kgx.__file__).parent / "data" / "kgx_mapping.yaml"
SPAN = re.compile(r"doc:(?P<doc>[^#|]+)#(?P<start>\d+)-(?P<end>\d+)")


def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def mapping_terms() -> set[str]:
    """Every biolink: CURIE written in the mapping file, read independently of kgx.py."""
    return set(re.findall(r"biolink:[A-Za-z_]+", MAPPING_FILE.read_text(encoding="utf-8")))


# ---------------------------------------------------------------- a tiny graph written here

class Tiny:
    """Builds a small graph: TBox subclass/subproperty links plus facts with evidence."""

    def __init__(self) -> None:
        self.g = new_graph()
        self.n = 0
        for sub, sup in ((HCC.SmallMolecule, HCC.Drug), (HCC.MonoclonalAntibody, HCC.Drug),
                         (HCC.CombinationRegimen, HCC.Regimen)):
            self.g.add((sub, RDFS.subClassOf, sup))
        for sub in (HCC.inhibits, HCC.isAntibodyAgainst):
            self.g.add((sub, RDFS.subPropertyOf, HCC.actsOn))

    def node(self, key, cls, label, *synonyms, ids=()):
        iri = HCCR[key]
        self.g.add((iri, RDF.type, cls))
        self.g.add((iri, RDFS.label, Literal(label)))
        for s in synonyms:
            self.g.add((iri, SKOS.altLabel, Literal(s)))
        for i in ids:
            self.g.add((iri, HCC.identifier, Literal(i)))
        return iri

    def fact(self, s, p, o, spans=(), status=None):
        self.g.add((s, p, o))
        if not spans and status is None:
            return
        self.n += 1
        axiom = HCCR[f"ax{self.n}"]
        for link, node in ((RDF.type, OWL.Axiom), (OWL.annotatedSource, s),
                           (OWL.annotatedProperty, p), (OWL.annotatedTarget, o)):
            self.g.add((axiom, link, node))
        if status:
            self.g.add((axiom, HCC.assertionStatus, Literal(status)))
        for k, (doc, start, end) in enumerate(spans):
            ev = HCCR[f"ev{self.n}_{k}"]
            self.g.add((axiom, HCC.hasEvidence, ev))
            self.g.add((ev, HCC.fromDocument, HCCR[f"doc_{doc}"]))
            self.g.add((HCCR[f"doc_{doc}"], HCC.documentId, Literal(doc)))
            self.g.add((ev, HCC.startOffset, Literal(start)))
            self.g.add((ev, HCC.endOffset, Literal(end)))


def tiny_graph() -> rdflib.Graph:
    t = Tiny()
    drug = t.node("drugx", HCC.SmallMolecule, "drugx", "DX-1",
                  ids=("chembl.compound:CHEMBL0001", "drugbank:DB0001"))
    mab = t.node("mabby", HCC.MonoclonalAntibody, "mabby")
    kin = t.node("kin1", HCC.Protein, "KIN1", "KIN-1", "kinase\tone", ids=("uniprot:P00001", "hgnc:1"))
    t.g.add((kin, RDF.type, HCC.Kinase))
    fam = t.node("fam1", HCC.ProteinFamily, "FAM1 family")
    path = t.node("path1", HCC.Pathway, "path one", ids=("GO:0000001",))
    dis = t.node("dis", HCC.Disease, "disease d", ids=("MONDO:0000001",))
    reg = t.node("reg", HCC.CombinationRegimen, "drugx + mabby")
    trial = t.node("trial", HCC.ClinicalTrial, "TRIAL-1")
    t.g.add((trial, HCC.nctId, Literal("NCT00000001")))
    placebo = t.node("placebo", HCC.Placebo, "placebo")
    approval = t.node("approval", HCC.RegulatoryApproval, "approval of drugx")

    t.fact(drug, HCC.inhibits, kin, spans=(("docA", 10, 20), ("docB", 5, 9)))
    t.fact(drug, HCC.actsOn, kin)                      # said more precisely by inhibits
    t.fact(drug, HCC.actsOn, fam)
    t.fact(mab, HCC.isAntibodyAgainst, kin)
    t.fact(kin, HCC.participatesIn, path, spans=(("docA", 30, 40),))
    t.fact(path, HCC.hasParticipant, kin, spans=(("docA", 50, 60),))
    t.fact(kin, HCC.isMemberOf, fam, status="vocabulary")
    t.fact(drug, HCC.modulatesPathway, path, status="inferred")
    t.fact(reg, HCC.hasComponent, drug)
    t.fact(reg, HCC.hasComponent, mab)
    t.fact(drug, HCC.isComponentOf, reg)
    t.fact(trial, HCC.testsIntervention, reg)
    t.fact(reg, HCC.testedIn, trial)
    t.fact(trial, HCC.testsIntervention, placebo)     # placebo has no Biolink category: no edge
    t.fact(trial, HCC.studiesCondition, dis, spans=(("docB", 100, 110),))
    t.fact(approval, HCC.approvalOf, drug)
    t.fact(approval, HCC.approvedFor, dis)
    return t.g


# Expected rows, worked out from the mapping file by hand for the graph above.
SOURCE = "infores:hcc-kg"
EXPECTED_NODES = {
    ("hccr:dis", "biolink:Disease", "disease d", "", "MONDO:0000001"),
    ("hccr:drugx", "biolink:SmallMolecule|biolink:Drug", "drugx", "DX-1", "CHEMBL.COMPOUND:CHEMBL0001|DRUGBANK:DB0001"),
    ("hccr:fam1", "biolink:GeneFamily", "FAM1 family", "", ""),
    ("hccr:kin1", "biolink:Protein", "KIN1", "KIN-1|kinase one", "HGNC:1|UniProtKB:P00001"),
    ("hccr:mabby", "biolink:Drug", "mabby", "", ""),
    ("hccr:path1", "biolink:Pathway", "path one", "", "GO:0000001"),
    ("hccr:reg", "biolink:Treatment", "drugx + mabby", "", ""),
    ("hccr:trial", "biolink:ClinicalTrial", "TRIAL-1", "", "clinicaltrials:NCT00000001"),
}
TEXT = ("knowledge_assertion", "text_mining_agent")
NONE = ("not_provided", "not_provided")
INHIBITS = ("biolink:causes", "activity", "decreased")
NO_QUALIFIERS = ("", "", "")
EXPECTED_EDGES = {
    ("hccr:drugx", "biolink:affects", "hccr:kin1", "biolink:ChemicalAffectsGeneAssociation", INHIBITS, TEXT,
     "doc:docA#10-20|doc:docB#5-9", ""),
    ("hccr:drugx", "biolink:affects", "hccr:fam1", "biolink:ChemicalAffectsGeneAssociation", NO_QUALIFIERS, NONE, "", ""),
    ("hccr:mabby", "biolink:directly_physically_interacts_with", "hccr:kin1",
     "biolink:ChemicalGeneInteractionAssociation", NO_QUALIFIERS, NONE, "", ""),
    ("hccr:kin1", "biolink:participates_in", "hccr:path1", "biolink:GeneToPathwayAssociation", NO_QUALIFIERS, TEXT,
     "doc:docA#30-40|doc:docA#50-60", ""),
    ("hccr:kin1", "biolink:member_of", "hccr:fam1", "biolink:GeneToGeneFamilyAssociation", NO_QUALIFIERS,
     ("knowledge_assertion", "manual_agent"), "", ""),
    ("hccr:drugx", "biolink:affects", "hccr:path1", "biolink:ChemicalToPathwayAssociation", NO_QUALIFIERS,
     ("logical_entailment", "automated_agent"), "", ""),
    ("hccr:reg", "biolink:has_part", "hccr:drugx", "biolink:Association", NO_QUALIFIERS, NONE, "", ""),
    ("hccr:reg", "biolink:has_part", "hccr:mabby", "biolink:Association", NO_QUALIFIERS, NONE, "", ""),
    ("hccr:trial", "biolink:related_to_at_instance_level", "hccr:reg", "biolink:Association", NO_QUALIFIERS, NONE, "", ""),
    ("hccr:trial", "biolink:related_to_at_instance_level", "hccr:dis", "biolink:Association", NO_QUALIFIERS, TEXT,
     "doc:docB#100-110", ""),
    # chains: the weakest step decides the level; the trial is the supporting study
    ("hccr:reg", "biolink:in_clinical_trials_for", "hccr:dis",
     "biolink:ChemicalOrDrugOrTreatmentToDiseaseOrPhenotypicFeatureAssociation", NO_QUALIFIERS, NONE,
     "doc:docB#100-110", "hccr:trial"),
    ("hccr:drugx", "biolink:treats", "hccr:dis",
     "biolink:ChemicalOrDrugOrTreatmentToDiseaseOrPhenotypicFeatureAssociation", NO_QUALIFIERS, NONE, "", ""),
}


def node_tuple(row):
    assert row["provided_by"] == SOURCE
    return row["id"], row["category"], row["name"], row["synonym"], row["xref"]


def edge_tuple(row):
    assert row["primary_knowledge_source"] == SOURCE
    return (row["subject"], row["predicate"], row["object"], row["category"],
            tuple(row[c] for c in kgx.QUALIFIER_COLUMNS), (row["knowledge_level"], row["agent_type"]),
            row["publications"], row["has_supporting_studies"])


def test_tiny_graph_golden(tmp_path):
    paths = kgx.write_kgx(tiny_graph(), tmp_path)
    assert [p.name for p in paths] == ["nodes.tsv", "edges.tsv"]
    nodes, edges = read_tsv(paths[0]), read_tsv(paths[1])
    assert {node_tuple(r) for r in nodes} == EXPECTED_NODES
    assert len(nodes) == len(EXPECTED_NODES)
    assert {edge_tuple(r) for r in edges} == EXPECTED_EDGES
    assert len(edges) == len(EXPECTED_EDGES)
    assert len({r["id"] for r in edges}) == len(edges)


def test_headers_are_the_kgx_columns(tmp_path):
    nodes_path, edges_path = kgx.write_kgx(tiny_graph(), tmp_path)
    assert nodes_path.read_text().splitlines()[0].split("\t") == list(kgx.NODE_COLUMNS)
    assert edges_path.read_text().splitlines()[0].split("\t") == list(kgx.EDGE_COLUMNS)


def test_output_does_not_depend_on_triple_order(tmp_path):
    graph = tiny_graph()
    shuffled = rdflib.Graph()
    for triple in sorted(graph, reverse=True):
        shuffled.add(triple)
    first = [p.read_bytes() for p in kgx.write_kgx(graph, tmp_path / "a")]
    second = [p.read_bytes() for p in kgx.write_kgx(shuffled, tmp_path / "b")]
    assert first == second


def test_canonical_export_graph_gives_the_same_files(tmp_path):
    """The build passes the export's sorted triple list, not an rdflib Graph."""
    graph = tiny_graph()
    first = [p.read_bytes() for p in kgx.write_kgx(graph, tmp_path / "a")]
    second = [p.read_bytes() for p in kgx.write_kgx(canonical(graph), tmp_path / "b")]
    assert first == second


def test_a_repeated_single_value_is_chosen_independently_of_triple_order(tmp_path):
    graph = tiny_graph()
    graph.add((HCCR.ev1_0, HCC.startOffset, Literal(2)))   # a second start for one evidence span
    shuffled = rdflib.Graph()
    for triple in sorted(graph, reverse=True):
        shuffled.add(triple)
    first = [p.read_bytes() for p in kgx.write_kgx(graph, tmp_path / "a")]
    assert first == [p.read_bytes() for p in kgx.write_kgx(shuffled, tmp_path / "b")]
    assert b"doc:docA#10-20" in first[1]   # the first value in N-Triples order ("10" < "2")


def test_files_are_written_atomically(tmp_path):
    kgx.write_kgx(tiny_graph(), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edges.tsv", "nodes.tsv"]
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x")
    with pytest.raises(ExportError):
        kgx.write_kgx(tiny_graph(), blocker)


def test_a_pipe_inside_a_list_item_is_refused(tmp_path):
    graph = tiny_graph()
    graph.add((HCCR.kin1, SKOS.altLabel, Literal("KIN|1")))
    with pytest.raises(ExportError, match="KIN"):
        kgx.write_kgx(graph, tmp_path)


@pytest.mark.parametrize("change, message", [
    (lambda d: d.pop("edges"), "edges"),
    (lambda d: d["edges"][0].pop("predicate"), "predicate"),
    (lambda d: d["edges"][0].update(qualifiers={"made_up_qualifier": "x"}), "qualifier"),
    (lambda d: d["categories"].append({"class": "hcc:Vaccine", "category": "Vaccine"}), "Biolink"),
    (lambda d: d["chains"][0].update(path=["hcc:approvedFor"]), "path"),
    (lambda d: d["provenance"].pop(), "provenance"),
])
def test_malformed_mapping_is_a_clear_error(change, message):
    data = yaml.safe_load(MAPPING_FILE.read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(ConfigError, match=message):
        kgx_mapping.parse_mapping(data)


def test_missing_mapping_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="KGX mapping"):
        kgx_mapping.load_mapping(tmp_path / "absent.yaml")


def test_mapping_names_only_ontology_terms_that_exist():
    """Every hcc: class/property in the mapping is declared in the packaged ontology."""
    ontology = rdflib.Graph().parse(Path(kgx.__file__).parent / "data" / "hcc_kg.ttl", format="turtle")
    declared = {kgx.compact(s) for s in ontology.subjects(RDF.type, None)}
    used = set(re.findall(r"hcc:[A-Za-z]+", MAPPING_FILE.read_text(encoding="utf-8")))
    assert used and used <= declared


# ---------------------------------------------------------------- the corpus build

@pytest.fixture(scope="module")
def corpus_kgx(built, tmp_path_factory):
    nodes_path, edges_path = kgx.write_kgx(built.graph, tmp_path_factory.mktemp("kgx"))
    return read_tsv(nodes_path), read_tsv(edges_path)


@pytest.mark.slow
def test_every_edge_joins_two_nodes(corpus_kgx):
    nodes, edges = corpus_kgx
    ids = {n["id"] for n in nodes}
    assert edges
    assert {e["subject"] for e in edges} | {e["object"] for e in edges} <= ids


@pytest.mark.slow
def test_categories_and_predicates_come_from_the_mapping(corpus_kgx):
    nodes, edges = corpus_kgx
    terms = mapping_terms()
    categories = {c for n in nodes for c in n["category"].split("|")} | {e["category"] for e in edges}
    predicates = {e["predicate"] for e in edges} | {e["qualified_predicate"] for e in edges if e["qualified_predicate"]}
    assert categories <= terms and predicates <= terms
    assert all(re.fullmatch(r"biolink:[A-Z][A-Za-z]+", c) for c in categories)
    assert all(re.fullmatch(r"biolink:[a-z_]+", p) for p in predicates)


@pytest.mark.slow
def test_every_drug_in_the_graph_is_a_drug_node(built, corpus_kgx):
    nodes, _ = corpus_kgx
    query = ("SELECT DISTINCT ?d WHERE { ?d a/rdfs:subClassOf* hcc:Drug }")
    drugs = {kgx.compact(row[0]) for row in built.graph.query(query, initNs={"hcc": HCC, "rdfs": RDFS})}
    exported = {n["id"] for n in nodes if "biolink:Drug" in n["category"].split("|")}
    assert drugs and drugs == exported


@pytest.mark.slow
def test_every_inhibition_is_an_affects_edge_with_qualifiers(built, corpus_kgx):
    _, edges = corpus_kgx
    pairs = {(kgx.compact(s), kgx.compact(o)) for s, o in built.graph.subject_objects(HCC.inhibits)}
    qualified = {(e["subject"], e["object"]) for e in edges if e["predicate"] == "biolink:affects"
                 and (e["object_aspect_qualifier"], e["object_direction_qualifier"]) == ("activity", "decreased")}
    assert pairs and pairs == qualified


@pytest.mark.slow
def test_drug_target_evidence_names_the_drug_or_the_target(built, corpus_kgx):
    """Read each cited span from the document text: it must mention one end of the edge."""
    nodes, edges = corpus_kgx
    texts = {doc.doc_id: doc.text for doc in built.documents}
    names = {n["id"]: {x.lower() for x in [n["name"], *n["synonym"].split("|")] if x} for n in nodes}
    drug_target = [e for e in edges if e["category"] in (
        "biolink:ChemicalAffectsGeneAssociation", "biolink:ChemicalGeneInteractionAssociation")]
    cited = [e for e in drug_target if e["publications"]]
    assert cited, "no drug-target edge cites evidence"
    for edge in cited:
        for span in edge["publications"].split("|"):
            match = SPAN.fullmatch(span)
            assert match, span
            text = texts[match["doc"]][int(match["start"]):int(match["end"])].lower()
            assert any(name in text for name in names[edge["subject"]] | names[edge["object"]]), (edge["id"], span)
