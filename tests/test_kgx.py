"""KGX export: a golden tiny graph, mapping-file checks and read-back against the corpus."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
import rdflib
import yaml
from rdflib import OWL, RDF, RDFS, Literal
from rdflib.namespace import SKOS

from hcc_kg.store import kgx, kgx_mapping
from hcc_kg.errors import ConfigError, ExportError
from hcc_kg.store.export import canonical
from hcc_kg.store.rdf import HCC, HCCR, new_graph

MAPPING_FILE = Path(kgx.__file__).parents[1] / "data" / "kgx_mapping.yaml"
REPO = Path(__file__).resolve().parents[1]
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
    t.fact(approval, HCC.supportedByTrial, trial)     # "approved on the basis of TRIAL-1"
    return t.g


# Expected rows, worked out from the mapping file by hand for the graph above.
SOURCE = "infores:hcc-kg"
# Node ids: the standard CURIE by the mapping's id_prefixes (ChEBI has none here, so ChEMBL
# for the small molecule; UniProtKB before HGNC for the protein), else the local id.
STANDARD = {"hccr:drugx": "CHEMBL.COMPOUND:CHEMBL0001", "hccr:kin1": "UniProtKB:P00001",
            "hccr:path1": "GO:0000001", "hccr:dis": "MONDO:0000001", "hccr:trial": "CLINICALTRIALS:NCT00000001"}
EXPECTED_NODES = {
    ("MONDO:0000001", "biolink:Disease", "disease d", "", "MONDO:0000001|hccr:dis"),
    ("CHEMBL.COMPOUND:CHEMBL0001", "biolink:SmallMolecule|biolink:Drug", "drugx", "DX-1",
     "CHEMBL.COMPOUND:CHEMBL0001|DRUGBANK:DB0001|hccr:drugx"),
    ("hccr:fam1", "biolink:GeneFamily", "FAM1 family", "", "hccr:fam1"),
    ("UniProtKB:P00001", "biolink:Protein", "KIN1", "KIN-1|kinase one", "HGNC:1|UniProtKB:P00001|hccr:kin1"),
    ("hccr:mabby", "biolink:Drug", "mabby", "", "hccr:mabby"),
    ("GO:0000001", "biolink:Pathway", "path one", "", "GO:0000001|hccr:path1"),
    ("hccr:reg", "biolink:Treatment", "drugx + mabby", "", "hccr:reg"),
    ("CLINICALTRIALS:NCT00000001", "biolink:ClinicalTrial", "TRIAL-1", "", "CLINICALTRIALS:NCT00000001|hccr:trial"),
}
TEXT = ("knowledge_assertion", "text_mining_agent")
NONE = ("not_provided", "not_provided")
INHIBITS = ("biolink:causes", "activity", "decreased")
NO_QUALIFIERS = ("", "", "")
EXPECTED_EDGES_LOCAL = {
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
    # ... and the trial the approval rests on supports the approval's treats edge
    ("hccr:drugx", "biolink:treats", "hccr:dis",
     "biolink:ChemicalOrDrugOrTreatmentToDiseaseOrPhenotypicFeatureAssociation", NO_QUALIFIERS, NONE, "", "hccr:trial"),
}
EXPECTED_EDGES = {(STANDARD.get(s, s), p, STANDARD.get(o, o), *rest[:-1], STANDARD.get(rest[-1], rest[-1]))
                  for s, p, o, *rest in EXPECTED_EDGES_LOCAL}


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
    assert [p.name for p in paths] == ["nodes.tsv", "edges.tsv", "nodes.header.tsv", "edges.header.tsv"]
    nodes, edges = read_tsv(paths[0]), read_tsv(paths[1])
    assert {node_tuple(r) for r in nodes} == EXPECTED_NODES
    assert len(nodes) == len(EXPECTED_NODES)
    assert {edge_tuple(r) for r in edges} == EXPECTED_EDGES
    assert len(edges) == len(EXPECTED_EDGES)
    assert len({r["id"] for r in edges}) == len(edges)


def test_headers_are_the_kgx_columns(tmp_path):
    nodes_path, edges_path, *_ = kgx.write_kgx(tiny_graph(), tmp_path)
    columns = nodes_path.read_text().splitlines()[0].split("\t")
    assert columns[:len(kgx.NODE_COLUMNS)] == list(kgx.NODE_COLUMNS)
    assert columns == list(kgx.node_columns(kgx_mapping.load_mapping()))
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


def test_axioms_of_a_canonical_graph_are_kept_only_as_what_they_say_of_their_triple():
    """A graph of millions of axioms: read from the sorted lines, no axiom becomes a node;
    each annotated fact of a mapped property keeps the evidence records its axioms cite."""
    graph = tiny_graph()
    facts = kgx.GraphFacts(canonical(graph), kgx_mapping.load_mapping())
    axioms = {s.n3() for s in graph.subjects(RDF.type, OWL.Axiom)}
    assert axioms and not axioms & {s for by_subject in facts.index.values() for s in by_subject}
    cited = {(graph.value(a, OWL.annotatedSource).n3(), graph.value(a, OWL.annotatedProperty).n3(),
              graph.value(a, OWL.annotatedTarget).n3()): sorted(e.n3() for e in graph.objects(a, HCC.hasEvidence))
             for a in graph.subjects(RDF.type, OWL.Axiom) if (a, HCC.hasEvidence, None) in graph}
    assert cited and {fact: sorted(records) for fact, records in facts.supported.items() if records} == cited


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
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edges.tsv", "neo4j", "nodes.tsv"]
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
    ontology = rdflib.Graph().parse(Path(kgx.__file__).parents[1] / "data" / "hcc_kg.ttl", format="turtle")
    declared = {kgx.compact(s) for s in ontology.subjects(RDF.type, None)}
    used = set(re.findall(r"hcc:[A-Za-z]+", MAPPING_FILE.read_text(encoding="utf-8")))
    assert used and used <= declared


# ---------------------------------------------------------------- the corpus build

@pytest.fixture(scope="module")
def corpus_kgx_files(built, tmp_path_factory):
    return kgx.write_kgx(built.graph, tmp_path_factory.mktemp("kgx"))


@pytest.fixture(scope="module")
def corpus_kgx(corpus_kgx_files):
    nodes_path, edges_path, *_ = corpus_kgx_files
    return read_tsv(nodes_path), read_tsv(edges_path)


def node_id_of(nodes) -> dict[str, str]:
    """Local hccr: id (always among a row's xrefs) -> the row's id."""
    return {x: n["id"] for n in nodes for x in n["xref"].split("|") if x.startswith("hccr:")}


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
    ids = node_id_of(nodes)
    drugs = {ids[kgx.compact(row[0])] for row in built.graph.query(query, initNs={"hcc": HCC, "rdfs": RDFS})}
    exported = {n["id"] for n in nodes if "biolink:Drug" in n["category"].split("|")}
    assert drugs and drugs == exported


@pytest.mark.slow
def test_every_inhibition_is_an_affects_edge_with_qualifiers(built, corpus_kgx):
    nodes, edges = corpus_kgx
    ids = node_id_of(nodes)
    pairs = {(ids[kgx.compact(s)], ids[kgx.compact(o)]) for s, o in built.graph.subject_objects(HCC.inhibits)}
    qualified = {(e["subject"], e["object"]) for e in edges if e["predicate"] == "biolink:affects"
                 and (e["object_aspect_qualifier"], e["object_direction_qualifier"]) == ("activity", "decreased")}
    assert pairs and pairs == qualified


@pytest.mark.slow
def test_drug_target_evidence_states_the_drug_the_target_and_the_relation(built, corpus_kgx):
    """Read each cited span from the document text: it must name both ends of the edge (by
    the node's name or a synonym) and hold a cue of the relation."""
    from readback import missing

    nodes, edges = corpus_kgx
    texts = {doc.doc_id: doc.text for doc in built.documents}
    names = {n["id"]: [x for x in [n["name"], *n["synonym"].split("|")] if x] for n in nodes}
    relation = {"biolink:ChemicalAffectsGeneAssociation": "inhibits",  # kgx_mapping.yaml's two drug-target edges
                "biolink:ChemicalGeneInteractionAssociation": "isAntibodyAgainst"}
    cited = [e for e in edges if e["category"] in relation and e["publications"]]
    assert cited, "no drug-target edge cites evidence"
    for edge in cited:
        for span in edge["publications"].split("|"):
            match = SPAN.fullmatch(span)
            assert match, span
            text = texts[match["doc"]][int(match["start"]):int(match["end"])]
            assert not missing(text, names[edge["subject"]], names[edge["object"]], relation[edge["category"]]), \
                (edge["id"], span)


# ---------------------------------------------------------------- standard ids, trial results, original predicates

def test_a_node_keeps_its_local_id_when_another_node_took_the_standard_one(tmp_path):
    t = Tiny()
    t.node("first", HCC.SmallMolecule, "first", ids=("CHEBI:1",))
    t.node("second", HCC.SmallMolecule, "second", ids=("CHEBI:1",))
    nodes, _ = kgx.kgx_tables(t.g)
    assert sorted(n["id"] for n in nodes) == ["CHEBI:1", "hccr:second"]   # "first" sorts first and wins


def test_an_edge_names_the_ontology_property_it_came_from(tmp_path):
    _, edges = kgx.kgx_tables(tiny_graph())
    by_pair = {(e["subject"], e["predicate"], e["object"]): e["original_predicate"] for e in edges}
    # participatesIn and its inverse hasParticipant give one edge, read as participatesIn
    assert by_pair[("UniProtKB:P00001", "biolink:participates_in", "GO:0000001")] == "hcc:participatesIn"
    assert by_pair[("CHEMBL.COMPOUND:CHEMBL0001", "biolink:affects", "UniProtKB:P00001")] == "hcc:inhibits"
    assert by_pair[("hccr:reg", "biolink:in_clinical_trials_for", "MONDO:0000001")] == ""   # a chain


def results_graph() -> rdflib.Graph:
    """A trial with two arms, one outcome measurement and a hazard ratio with its CI."""
    t = Tiny()
    trial = t.node("t1", HCC.ClinicalTrial, "TRIAL-R")
    drug = t.node("dr", HCC.SmallMolecule, "drugr", ids=("CHEBI:7",))
    arms = [t.node(k, HCC.TrialArm, f"TRIAL-R: {k} arm") for k in ("a1", "a2")]
    endpoint = t.node("os", HCC.EndpointType, "overall survival")
    measure = t.node("m1", HCC.OutcomeMeasurement, "overall survival (TRIAL-R: a1 arm)")
    ratio = t.node("hr1", HCC.HazardRatio, "overall survival hazard ratio (TRIAL-R)")
    t.g.add((HCC.HazardRatio, RDFS.subClassOf, HCC.EffectEstimate))
    for arm in arms:
        t.fact(trial, HCC.hasArm, arm)
    t.fact(arms[0], HCC.armIntervention, drug)
    t.fact(arms[0], HCC.hasMeasurement, measure)
    t.fact(measure, HCC.measuresEndpoint, endpoint)
    t.g.add((arms[0], HCC.armSize, Literal(120)))
    t.g.add((measure, HCC.value, Literal("10.5", datatype=rdflib.XSD.decimal)))
    t.g.add((measure, HCC.unit, Literal("months")))
    t.fact(trial, HCC.hasEffectEstimate, ratio)
    t.fact(ratio, HCC.experimentalArm, arms[0])
    t.fact(ratio, HCC.comparatorArm, arms[1])
    for prop, value in ((HCC.value, "0.7"), (HCC.ciLower, "0.55"), (HCC.ciUpper, "0.9"), (HCC.ciLevel, "95")):
        t.g.add((ratio, prop, Literal(value, datatype=rdflib.XSD.decimal)))
    return t.g


def test_trial_results_are_study_populations_and_study_results_with_their_values():
    graph = results_graph()
    nodes, edges = kgx.kgx_tables(graph)
    rows = {n["xref"].split("|")[-1]: n for n in nodes}
    assert rows["hccr:a1"]["category"] == "biolink:StudyPopulation" and rows["hccr:a1"]["arm_size"] == "120"
    assert rows["hccr:m1"]["category"] == rows["hccr:hr1"]["category"] == "biolink:StudyResult"
    assert rows["hccr:os"]["category"] == "biolink:StudyVariable"
    for column, prop in (("endpoint_value", HCC.value), ("value_unit", HCC.unit)):
        assert rows["hccr:m1"][column] == str(graph.value(HCCR.m1, prop))
    for column, prop in (("endpoint_value", HCC.value), ("ci_lower", HCC.ciLower), ("ci_upper", HCC.ciUpper),
                         ("ci_level", HCC.ciLevel)):
        assert rows["hccr:hr1"][column] == str(graph.value(HCCR.hr1, prop))
    links = {(e["subject"], e["original_predicate"], e["object"]) for e in edges}
    assert {("hccr:t1", "hcc:hasArm", "hccr:a1"), ("hccr:a1", "hcc:armIntervention", "CHEBI:7"),
            ("hccr:a1", "hcc:hasMeasurement", "hccr:m1"), ("hccr:m1", "hcc:measuresEndpoint", "hccr:os"),
            ("hccr:t1", "hcc:hasEffectEstimate", "hccr:hr1"), ("hccr:hr1", "hcc:experimentalArm", "hccr:a1"),
            ("hccr:hr1", "hcc:comparatorArm", "hccr:a2")} <= links


# ---------------------------------------------------------------- kgx validate (tools venv)

def validate_kgx(nodes_path: Path, edges_path: Path) -> dict:
    """``kgx validate`` through scripts/kgx_offline.py; the JSON error report it prints."""
    from interop_tools import run_tool

    result = run_tool("python", str(REPO / "scripts" / "kgx_offline.py"), "validate", "-i", "tsv",
                      str(nodes_path), str(edges_path))
    text = result.stderr   # kgx prints its error report as JSON on stderr, its log on stdout
    found = re.search(r"^\{$", text, re.MULTILINE)
    if found is None:
        assert result.returncode == 0, text[-2000:]
        return {}
    assert result.returncode != 0
    return json.loads(text[found.start():text.rindex("}") + 1])


def standard_only_graph() -> rdflib.Graph:
    """The tiny graph's nodes that have a standard identifier, and the facts between them."""
    keep = {HCCR[k] for k in ("drugx", "kin1", "path1", "dis", "trial")}
    graph = tiny_graph()
    for s, p, o in list(graph):
        if (str(s).startswith(str(HCCR)) and s not in keep and not str(s).startswith(str(HCCR) + "ax")
                and not str(s).startswith(str(HCCR) + "ev") and not str(s).startswith(str(HCCR) + "doc")) \
                or (isinstance(o, rdflib.URIRef) and str(o).startswith(str(HCCR) + "reg")) \
                or o in (HCCR.fam1, HCCR.mabby, HCCR.placebo, HCCR.approval):
            graph.remove((s, p, o))
    return graph


@pytest.mark.slow
def test_kgx_validate_finds_no_error_when_every_node_has_a_standard_id(tmp_path):
    nodes_path, edges_path, *_ = kgx.write_kgx(standard_only_graph(), tmp_path)
    nodes = read_tsv(nodes_path)
    assert nodes and all(not n["id"].startswith("hccr:") for n in nodes)
    assert len(read_tsv(edges_path)) >= 3
    assert validate_kgx(nodes_path, edges_path) == {}


@pytest.mark.slow
def test_kgx_validate_on_the_corpus_objects_only_to_local_ids(corpus_kgx_files, corpus_kgx):
    """The only errors left: nodes with no standard identifier keep the project's own
    ``hccr:`` prefix, which Biolink's prefix map does not hold (README: "KGX")."""
    nodes, edges = corpus_kgx
    report = validate_kgx(*corpus_kgx_files[:2])
    errors = report.get("ERROR", {})
    assert set(errors) <= {"INVALID_NODE_PROPERTY_VALUE", "INVALID_EDGE_PROPERTY_VALUE"}
    messages = [m for kind in errors.values() for m in kind]
    assert all("CURIE prefix 'hccr'" in m for m in messages), [m for m in messages if "'hccr'" not in m][:5]
    local = {n["id"] for n in nodes if n["id"].startswith("hccr:")}
    flagged = {re.search(r"value '([^']+)'", m).group(1) for m in messages}
    assert flagged == local
    assert len(local) < len(nodes)


# ---------------------------------------------------------------- Neo4j import headers

def test_neo4j_headers_name_the_kgx_columns_in_order(tmp_path):
    nodes_path, edges_path, node_header, edge_header = kgx.write_kgx(tiny_graph(), tmp_path)
    for data, header in ((nodes_path, node_header), (edges_path, edge_header)):
        names = [h.split(":", 1)[0] for h in header.read_text().rstrip("\n").split("\t")]
        assert names == data.read_text().splitlines()[0].split("\t")
    roles = {h.split(":", 1)[1] for h in node_header.read_text().split() if ":" in h}
    assert {"ID", "LABEL"} <= roles
    edge_roles = [h.split(":", 1)[1] for h in edge_header.read_text().split() if ":" in h]
    assert {"START_ID", "TYPE", "END_ID"} <= set(edge_roles)


def test_readme_recipe_imports_the_files_the_export_writes(tmp_path):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = readme.index("neo4j-admin database import full")
    recipe = readme[readme.rindex("```", 0, command):readme.index("```", command)]   # its code block
    written = kgx.write_kgx(tiny_graph(), tmp_path)
    for path in written:
        assert str(path.relative_to(tmp_path)) in recipe, path.name
    assert "--array-delimiter='|'" in recipe and "--delimiter=TAB" in recipe


@pytest.mark.slow
def test_corpus_kgx_cells_hold_nothing_neo4j_would_read_as_a_quote(corpus_kgx):
    nodes, edges = corpus_kgx
    assert not [v for row in nodes + edges for v in row.values() if v.startswith('"')]


def test_a_table_is_written_in_chunks_that_join_to_one_tsv_file():
    rows = [(f"id{i}", f"name {i}") for i in range(2 * kgx._ROWS_PER_CHUNK + 5)]
    chunks = list(kgx.tsv(rows, ("id", "name")))
    assert len(chunks) > 2   # streamed: no copy of the whole file as one string
    expected = "\n".join(["id\tname"] + ["\t".join(row) for row in rows]) + "\n"
    assert b"".join(chunks) == expected.encode("utf-8")
