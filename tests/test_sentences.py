"""Tests for hcc_kg.extract.sentences: relations read from prose, on small invented fixtures."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.mechanisms import mechanism_statements
from hcc_kg.extract.sentences import (
    agents_in,
    regimen_components_stated,
)
from hcc_kg.keys import regimen_key
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",)),
    Entity("sorafenib", "sorafenib", ("SmallMolecule",)),
    Entity("lenvatinib", "lenvatinib", ("SmallMolecule",)),
    Entity("regorafenib", "regorafenib", ("SmallMolecule",)),
    Entity("atezolizumab", "atezolizumab", ("MonoclonalAntibody",)),
    Entity("bevacizumab", "bevacizumab", ("MonoclonalAntibody",)),
    Entity("nivolumab", "nivolumab", ("MonoclonalAntibody",)),
    Entity("ipilimumab", "ipilimumab", ("MonoclonalAntibody",)),
    Entity("ramucirumab", "ramucirumab", ("MonoclonalAntibody",)),
    Entity("flt1", "FLT1", ("Protein",), ("VEGFR1",)),
    Entity("kdr", "KDR", ("Protein",), ("VEGFR2",)),
    Entity("flt4", "FLT4", ("Protein",), ("VEGFR3",)),
    Entity("met", "MET", ("Protein", "Kinase"), ("c-MET",)),
    Entity("raf", "RAF", ("ProteinFamily",)),
    Entity("pdl1", "PD-L1", ("Protein",), ("CD274",)),
    Entity("pd1", "PD-1", ("Protein",), ("PDCD1",)),
    Entity("ctla4", "CTLA-4", ("Protein",)),
    Entity("vegfa", "VEGF-A", ("Protein",), ("VEGF",)),
    Entity("mapk_pathway", "MAPK pathway", ("Pathway",)),
    Entity("hcc", "hepatocellular carcinoma", ("Disease",), ("HCC",)),
    Entity("fda", "FDA", ("RegulatoryAgency",), ("Food and Drug Administration",)),
    Entity("ema", "EMA", ("RegulatoryAgency",)),
    Entity("first_line", "first-line", ("LineOfTherapy",), ("first line",)),
    Entity("second_line", "second-line", ("LineOfTherapy",), ("second line",)),
])
FINDER = MentionFinder(VOCAB)


def analyse(body: str, heading: str = "Invented notes", doc_id: str = "d1") -> tuple[str, AnalysedDocument]:
    """A document: a heading line, then the body (one paragraph per line)."""
    text = f"{heading}\n{body}\n"
    doc = AnalysedDocument(Document.from_text(doc_id, text), VOCAB, FINDER)
    # Guard the fixture itself: the body must be read as prose under the heading.
    assert doc.sentences and all(s.sentence.section == heading for s in doc.sentences), \
        [(s.text, s.sentence.section) for s in doc.sentences]
    return text, doc


def triples(assertions) -> set[tuple]:
    return {(a.subject, a.predicate, a.object) for a in assertions}


def mechanisms(body: str, heading: str = "Invented notes") -> set[tuple]:
    _, doc = analyse(body, heading)
    return triples(mechanism_statements(doc))


# --- drug acts on target ------------------------------------------------------------------

def test_inhibitor_of_a_list_with_a_range():
    body = "In our made-up summary, foonib is an oral inhibitor of VEGFR1-3, MET and RAF, given daily."
    assert mechanisms(body) == {("foonib", "inhibits", k) for k in ("flt1", "kdr", "flt4", "met", "raf")}


def test_evidence_is_the_sentence_and_reads_back():
    sentence = "In our made-up summary, foonib is an oral inhibitor of MET and RAF, given daily."
    text, doc = analyse(sentence + " A second sentence follows it without any drug.")
    found = list(mechanism_statements(doc))
    assert found
    for a in found:
        [ev] = a.evidence
        assert ev.doc_id == "d1" and ev.extractor == "drug-is-cue-target"
        assert text[ev.start:ev.end] == sentence


def test_appositive_inhibitor():
    body = "During the invented trial we gave sorafenib (a RAF inhibitor) to every patient twice."
    assert mechanisms(body) == {("sorafenib", "inhibits", "raf")}


def test_such_as_list_of_antibodies():
    body = "Anti-PD-L1 antibodies such as atezolizumab and nivolumab were tried in the made-up cohort."
    assert mechanisms(body) == {("atezolizumab", "isAntibodyAgainst", "pdl1"),
                                ("nivolumab", "isAntibodyAgainst", "pdl1")}


def test_predicate_follows_the_drug_modality():
    body = ("In the imagined work, ramucirumab is an antibody against VEGFR2 and "
            "foonib blocks the MAPK pathway in tumour cells.")
    assert mechanisms(body) == {("ramucirumab", "isAntibodyAgainst", "kdr"),
                                ("foonib", "modulatesPathway", "mapk_pathway")}


def test_coordinated_drugs_share_the_target():
    body = "In the imagined work, both sorafenib and lenvatinib inhibit VEGFR2 in cultured cells."
    assert mechanisms(body) == {("sorafenib", "inhibits", "kdr"), ("lenvatinib", "inhibits", "kdr")}


def test_pronoun_resolves_to_the_section_heading_drug():
    body = ("This small molecule is taken by mouth once a day in our invented example. "
            "It inhibits KDR and MET in cell lines.")
    assert mechanisms(body, heading="Foonib") == {("foonib", "inhibits", "kdr"), ("foonib", "inhibits", "met")}


def test_pronoun_prefers_heading_drug_over_a_drug_named_before():
    body = ("Unlike sorafenib, this small molecule is taken once a day in our invented example. "
            "It blocks MET in cell lines.")
    assert mechanisms(body, heading="Foonib") == {("foonib", "inhibits", "met")}


def test_pronoun_without_heading_drug_falls_back_to_the_previous_sentence_drug():
    body = ("In the imagined work lenvatinib was given to a small group of mice. "
            "It inhibits MET in the tumours.")
    assert mechanisms(body) == {("lenvatinib", "inhibits", "met")}


def test_pronoun_with_no_drug_in_reach_gives_nothing():
    body = ("Nothing in this invented paragraph names any medicine at all, only cells. "
            "It inhibits MET in the tumours.")
    assert mechanisms(body) == set()


def test_combined_with_anti_target_agents_is_not_a_mechanism():
    body = "In one made-up arm, sorafenib combined with anti-PD-1 agents was given to the mice."
    assert mechanisms(body) == set()


def test_semicolon_clause_break_is_not_a_mechanism():
    body = "Patients first took sorafenib in this invented story; anti-PD-1 therapy came later on."
    assert mechanisms(body) == set()


def test_plus_anti_target_antibody_is_not_a_mechanism():
    body = "In one made-up arm, lenvatinib plus an anti-PD-1 antibody was tried in a few patients."
    assert mechanisms(body) == set()


def test_target_mentioned_without_an_action_cue_is_not_a_mechanism():
    body = "In our invented cohort, sorafenib was given to patients with high MET expression."
    assert mechanisms(body) == set()


# --- regimens -----------------------------------------------------------------------------

def test_plus_and_plus_sign_name_regimens_with_their_components():
    text, doc = analyse("In the made-up trial, atezolizumab plus bevacizumab did well, and "
                        "nivolumab + ipilimumab did too, unlike sorafenib and lenvatinib.")
    found = list(regimen_components_stated(doc))
    ab = regimen_key(["atezolizumab", "bevacizumab"])
    ni = regimen_key(["nivolumab", "ipilimumab"])
    assert triples(found) == {(ab, "hasComponent", "atezolizumab"), (ab, "hasComponent", "bevacizumab"),
                              (ni, "hasComponent", "nivolumab"), (ni, "hasComponent", "ipilimumab")}
    spans = {text[a.evidence[0].start:a.evidence[0].end] for a in found}
    assert spans == {"atezolizumab plus bevacizumab", "nivolumab + ipilimumab"}


def test_an_aside_in_parentheses_does_not_part_the_drugs_of_a_combination():
    _, doc = analyse("In the made-up trial, nivolumab (a PD-1 antibody) plus ipilimumab (anti-CTLA-4) was compared "
                     "with sorafenib (a RAF inhibitor) and foonib.")
    keys = [key for key, _ in agents_in(doc, doc.sentences[0])]
    assert keys[0].startswith("regimen__") and keys[1:] == ["sorafenib", "foonib"]
    assert {(s, o) for s, p, o in triples(regimen_components_stated(doc))} == {(keys[0], "nivolumab"), (keys[0], "ipilimumab")}


def test_agents_in_keeps_single_drugs_separate():
    _, doc = analyse("In the made-up trial, sorafenib and lenvatinib were compared with foonib alone.")
    assert [key for key, _ in agents_in(doc, doc.sentences[0])] == ["sorafenib", "lenvatinib", "foonib"]
