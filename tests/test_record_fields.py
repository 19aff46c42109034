"""Tests for hcc_kg.extract.record_fields: a drug record's labelled fields, on invented records."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.record_fields import fields, record_statements, subjectless_line, verb_fields
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",), ("Foonix",)),
    Entity("zelumab", "zelumab", ("MonoclonalAntibody",)),
    Entity("kdr", "KDR", ("Protein",), ("VEGFR2",)),
    Entity("met", "MET", ("Protein",), ("c-MET",)),
    Entity("axl", "AXL", ("Protein",)),
    Entity("ret", "RET", ("Protein",)),
    Entity("kit", "KIT", ("Protein",), ("c-Kit",)),
    Entity("alk", "ALK", ("Protein", "Kinase")),
    Entity("pd1", "PD-1", ("Protein",)),
    Entity("hcc", "hepatocellular carcinoma", ("Disease",), ("HCC",)),
])
FINDER = MentionFinder(VOCAB)


def read(text: str) -> dict[tuple[str, str], tuple[str, str, str]]:
    doc = AnalysedDocument(Document.from_text("d1", text), VOCAB, FINDER)
    return {(a.subject, a.object): (a.evidence[0].extractor, a.evidence[0].polarity, a.evidence[0].certainty)
            for a in record_statements(doc)}


def facts(text: str) -> set[tuple[str, str]]:
    return {k for k, (_, pol, cert) in read(text).items() if (pol, cert) == ("positive", "asserted")}


@pytest.mark.parametrize("text, expected", [
    ("Foonib\nClass: kinase inhibitor\nTargets: VEGFR2, MET and AXL\nStatus: invented\n",
     {("foonib", "kdr"), ("foonib", "met"), ("foonib", "axl")}),
    ("Foonib\nMechanism of action: selective MET inhibitor\n", {("foonib", "met")}),
    ("Zelumab\nMechanism: binds PD-1 on made-up T cells\n", {("zelumab", "pd1")}),
    ("Drug: foonib. Molecular target: AXL. Phase: preclinical.", {("foonib", "axl")}),
    ("Invented card\nDrug name: zelumab\nTarget: PD-1\n", {("zelumab", "pd1")}),
])
def test_target_and_mechanism_fields_name_what_the_record_drug_acts_on(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize("text", [
    "Foonib\nTarget population: adults with HCC\n",  # not a target field
    "Foonib\nTargets: MET-amplified tumours in a toy cohort\n",  # the value is no list of targets
    "Invented notes on two drugs\nTarget: MET\n",  # no record drug: the heading names none
    "Foonib and zelumab\nTarget: MET\n",  # two drugs in the heading: whose record?
])
def test_no_reading_without_a_record_drug_and_a_plain_target_list(text):
    assert facts(text) == set()


def test_a_mechanism_field_keeps_negation():
    assert read("Foonib\nMechanism of action: does not inhibit MET\n")[("foonib", "met")][1] == "negative"


def test_fields_split_where_the_next_label_starts():
    text = "Targets: KDR, MET Indication: none"
    assert [(label, text[s:e].strip()) for label, s, e in fields(text)] == [("Targets", "KDR, MET"), ("Indication", "none")]


def test_a_record_drug_named_several_field_lines_above_the_target_field():
    # each field line is a statement of its own (extract/segment.py); the record's name field is above
    text = "Invented record\n\nDrug: foonib\nClass: small molecule\nRoute: oral\nTarget: KDR, AXL\n"
    assert facts(text) == {("foonib", "kdr"), ("foonib", "axl")}


@pytest.mark.parametrize("text, expected", [
    # a table row flattened into prose keeps no colon
    ("Features and properties of foonib\nRoute of administration Oral Pharmacodynamics Inhibits MET, RET and "
     "c-Kit; depletes pretend macrophages\n", {("foonib", "met"), ("foonib", "ret"), ("foonib", "kit")}),
    ("Foonib profile\nMode of action: Selectively inhibits ALK.\n", {("foonib", "alk")}),
    ("Foonib card\nPharmacology: Blocks AXL in made-up cells.\n", {("foonib", "axl")}),
    # no one drug in the title: the field's verb has no subject
    ("Features and properties of two pretend drugs\nPharmacodynamics Inhibits MET and RET\n", set()),
    ("Foonib and zelumab compared\nPharmacodynamics Inhibits MET and RET\n", set()),
    # a label with no verb after it is no verb field
    ("Foonib card\nPharmacodynamics of MET in pretend cells\n", set()),
])
def test_a_field_opening_with_a_verb_speaks_of_the_profiles_drug(text, expected):
    assert facts(text) == expected


def test_a_labelled_field_opening_with_a_verb_gives_one_evidence_record():
    doc = AnalysedDocument(Document.from_text("d1", "Foonib profile\nMode of action: Selectively inhibits ALK.\n"),
                           VOCAB, FINDER)
    assert [(a.subject, a.object) for a in record_statements(doc)] == [("foonib", "alk")]


def test_verb_fields_run_to_the_next_verb_field():
    text = "Action Inhibits MET Pharmacodynamics Blocks AXL"
    assert [text[at:end].strip() for at, end in verb_fields(text)] == ["Inhibits MET", "Blocks AXL"]


# --- lines with no subject under a lead that names the drug (key-points boxes, bulleted profiles) -----

@pytest.mark.parametrize("text, expected", [
    # the lead and its lines run on into one statement: no stop between them
    ("Invented review\n\nFoonib: key points\nInhibits several RTKs, including AXL, MET and VEGFR2\nApproved in a made-up land\n",
     {("foonib", "axl"), ("foonib", "met"), ("foonib", "kdr")}),
    # bullet marks, a noun phrase with no article, the lead set off by a blank line
    ("Foonib at a glance\n\n• Approved in a made-up land\n• Selective inhibitor of MET and RET\n",
     {("foonib", "met"), ("foonib", "ret")}),
    ("Zelumab: key points\n- Anti-PD-1 monoclonal antibody\n- Given every third pretend week\n", {("zelumab", "pd1")}),
    # each line a sentence of its own, an adverb before the verb
    ("Foonib: key points\n\nSelectively inhibits ALK.\nBlocks AXL in toy cells.\n", {("foonib", "alk"), ("foonib", "axl")}),
    ("Foonib\nRoute: oral\nInhibitor of MET and c-Kit\n", {("foonib", "met"), ("foonib", "kit")}),
])
def test_a_line_with_no_subject_speaks_of_the_drug_its_lead_names(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize("text", [
    "Foonib and zelumab: key points\nInhibits MET and AXL\n",  # two drugs in the lead: whose line?
    "Invented review\n\nKey points\nInhibits MET and AXL\n",  # the lead names no drug
    "Foonib was given in a toy trial. Later we saw\nInhibits of MET in pretend mice.\n",  # the lead is prose
    "Foonib was given in a toy trial.\n\nInhibits MET.\n",  # a finished sentence above is no lead
    "Foonib: key points\nInhibits MET more than zelumab does\n",  # the line names a drug of its own
    "Foonib: key points\ninhibits MET\n",  # lower case with no bullet mark: a wrapped line, not an item
    "Foonib: key points\nMay inhibit MET\n",  # no verb the line opens with
])
def test_no_line_reading_without_one_drug_in_a_lead_and_a_line_that_opens_with_its_cue(text):
    assert facts(text) == set()


@pytest.mark.parametrize("text, expected", [
    # the profile's title names the drug; the bullets sit under headings of their own, which name none
    ("Foonib hydrochloride\n\nOverview\n  • Small molecule, taken by mouth\nUses\n  • Inhibits the kinases MET and AXL\n",
     {("foonib", "met"), ("foonib", "axl")}),
    ("Foonib\n\nPharmacology\n\n- Blocks c-Kit in toy cells\n", {("foonib", "kit")}),
    # a heading naming another drug is that drug's lead; two drugs in one: whose line cannot be told
    ("Foonib\n\nZelumab\n- Inhibits PD-1 in a pretend assay\n", {("zelumab", "pd1")}),
    ("Foonib\n\nFoonib and zelumab\n- Inhibits MET\n", set()),
])
def test_a_bullet_under_a_heading_that_names_no_drug_speaks_of_the_drug_the_title_names(text, expected):
    assert facts(text) == expected


def test_the_lines_around_a_line_neither_negate_nor_hedge_it():
    found = read("Foonib: key points\n- Does not inhibit MET\n- Potently blocks AXL\n- Inhibits neither RET nor ALK\n")
    assert found[("foonib", "axl")][1:] == ("positive", "asserted")
    assert {found[("foonib", key)][1] for key in ("ret", "alk")} == {"negative"}
    assert ("foonib", "met") not in found  # "Does not" opens no line this shape reads


def test_a_field_value_may_open_with_a_capitalised_noun_phrase():
    assert facts("Foonib card\nMechanism of action: Selective inhibitor of AXL\n") == {("foonib", "axl")}


@pytest.mark.parametrize("line, opens", [
    ("Inhibits A and B", True), ("• inhibits A", True), ("Selective inhibitor of A", True), ("- Anti-A antibody", True),
    ("inhibits A", False), ("It inhibits A", False), ("The inhibitor of A", False), ("Approved in 2020", False),
])
def test_subjectless_line(line, opens):
    assert (subjectless_line(line) is not None) == opens


def test_a_drugless_mechanism_field_after_a_sentence_naming_one_drug_speaks_of_it():
    text = ("Invented highlights\n\n  \u2022 Foonib is an imaginary oral agent.\n\n"
            "  \u2022 Mode of action: potently targeting AXL and MET in pretend cells.\n")
    assert facts(text) == {("foonib", "met"), ("foonib", "axl")}
    # two drugs named just before: whose mechanism the field gives is not said
    text = ("Invented highlights\n\n  \u2022 Foonib and zelumab are made-up agents.\n\n"
            "  \u2022 Mode of action: potently targeting AXL and MET in pretend cells.\n")
    assert facts(text) == set()
