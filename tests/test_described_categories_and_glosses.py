"""Target lists after a category described by what it takes part in, targets glossed before a regimen (prose and
table rows), "anti-A and anti-B antibodies X and Y", and a class written as one drug's synonym (invented sentences,
packaged vocabulary and lexicon)."""

from __future__ import annotations

import pytest
from mechanism_facts import asserted_pairs

from hcc_kg.extract import extract_document
from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.enrolment import enrolled
from hcc_kg.model import Document


def test_a_second_category_described_by_a_process_then_its_members(vocabulary, finder):
    body = ("In this made-up note, sorafenib chiefly targets RAF kinases and tyrosine kinases linked with "
            "angiogenesis (FGFR-2, PDGFR-α).")
    # (acting on the kinases of a process, it acts on the process: read as before for the category alone)
    assert asserted_pairs(body, vocabulary, finder) == {
        ("sorafenib", "raf_family"), ("sorafenib", "fgfr2"), ("sorafenib", "pdgfra"),
        ("sorafenib", "proangiogenic_signaling")}


def test_a_category_linked_with_a_process_then_its_members(vocabulary, finder):
    body = "In this made-up note, regorafenib targets kinases linked with stromal growth (KIT and FGFR-1)."
    assert asserted_pairs(body, vocabulary, finder) == {("regorafenib", "c_kit"), ("regorafenib", "fgfr1")}


def test_kit_written_in_capitals_with_its_prefix(vocabulary, finder):
    body = "In this made-up note, lenvatinib is aimed at inhibiting FGFR 2-3, C-KIT, RET protooncogene and TIE-2."
    assert {("lenvatinib", "c_kit"), ("lenvatinib", "ret")} <= asserted_pairs(body, vocabulary, finder)


PAIRED = {("nivolumab", "pdcd1"), ("ipilimumab", "ctla4")}


@pytest.mark.parametrize("body, expected", [
    # targets glossed right before a regimen of as many drugs go to its drugs in order
    ("Arm two of the invented study: anti-PD1 plus anti-CTLA4 nivolumab 2 mg/kg + ipilimumab 2 mg/kg Q6W.", PAIRED),
    # ... before a regimen of more drugs: whose is which is not said
    ("Arm three of the invented study: anti-PD1 plus anti-VEGF sintilimab + bevacizumab + capecitabine.", set()),
    # each "anti-" names one antibody of the pair after the class noun
    ("In this made-up note, anti-PD-1 and anti-CTLA-4 antibodies nivolumab and ipilimumab were both given.", PAIRED),
    # as many antibodies as targets without "anti-": not said pairwise, so hedged
    ("In this made-up note, PD-1 and CTLA-4 antibodies nivolumab and ipilimumab were both given.", set()),
    # a pair, then as many class phrases in apposition: each drug its own class, in order
    ("In this made-up note, nivolumab and ipilimumab, a PD-1 blocker and a CTLA-4 antibody, respectively, were given.",
     PAIRED),
    ("In this made-up note, nivolumab and ipilimumab, an anti-PD-1 antibody and an anti-CTLA-4 antibody, were given.",
     PAIRED),
])
def test_targets_paired_with_the_antibodies_of_a_pair(body, expected, vocabulary, finder):
    assert asserted_pairs(body, vocabulary, finder) == expected


def test_a_table_row_glossing_its_regimen(vocabulary, finder):
    text = ("Invented review\n\nTable 4.\n\nInvented trials of paired antibodies\n\n"
            "Study Mechanism Treatment (no. of subjects)\n"
            "Author, 2031 (ZEPHYR-9) Anti-PDL1 plus anti-VEGF Atezolizumab 900 mg + bevacizumab 7 mg/kg Q3W (77)\n")
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    pairs = {(a.subject, a.object) for a in facts if a.predicate == "isAntibodyAgainst"
             and a.evidence[0].polarity == "positive" and a.evidence[0].certainty == "asserted"}
    assert pairs == {("atezolizumab", "cd274"), ("bevacizumab", "vegfa")}


def test_an_antibody_class_is_not_the_drug_a_synonym_list_gives_it_to(vocabulary, finder):
    doc = AnalysedDocument(Document.from_text("d1", "Invented notes\nAn anti-PDL1 antibody was given with sorafenib.\n"),
                           vocabulary, finder)
    assert {m.key for s in doc.sentences for m in s.mentions} == {"cd274", "sorafenib"}


def test_everyone_counted_in_brackets_after_overall():
    assert enrolled("Results: Overall, pts (N=131) had a median follow-up of 8.8 mo.") == 131
    assert enrolled("Results: In total, the patients (n = 57) were followed for 2 years.") == 57
    assert enrolled("Results: Sorafenib-naive pts (n=44) had an ORR of 12%.") is None


def test_a_ligand_kept_from_binding_the_receptor_a_drug_binds_is_no_target(vocabulary, finder):
    body = "In this made-up note, ramucirumab binds VEGFR2 and prevents VEGF binding."
    assert asserted_pairs(body, vocabulary, finder) == {("ramucirumab", "kdr")}
    # (a ligand antibody said to bind its ligand still does)
    body = "In this made-up note, bevacizumab binds VEGF-A and keeps it from binding VEGFR."
    assert ("bevacizumab", "vegfa") in asserted_pairs(body, vocabulary, finder)


def test_attenuating_a_target_s_signalling_is_acting_on_it(vocabulary, finder):
    body = "In this made-up note, regorafenib attenuates TIE2 signalling in vessel cells."
    assert asserted_pairs(body, vocabulary, finder) == {("regorafenib", "tek")}


def test_members_of_categories_described_by_including_those_involved_in(vocabulary, finder):
    # "including those involved in P (A, B)": the pronoun stands for the category; processes in series, each with
    # its members in brackets (a symbol the vocabulary lacks may close a bracket)
    body = ("In this made-up note, regorafenib blocks many kinases, including those involved in vessel growth "
            "(TIE2, KIT), cell survival (RET, XYZ9) and spread (FGFR-1).")
    assert {("regorafenib", "tek"), ("regorafenib", "c_kit"), ("regorafenib", "ret"),
            ("regorafenib", "fgfr1")} <= asserted_pairs(body, vocabulary, finder)


def test_a_bracketed_series_after_a_clause_is_not_chained(vocabulary, finder):
    # the verb of a new clause breaks the series: RET is not said to be inhibited by the drug
    body = ("In this made-up note, regorafenib blocks many kinases, including those involved in vessel growth "
            "(TIE2), whereas tumours (RET) resisted.")
    assert ("regorafenib", "ret") not in asserted_pairs(body, vocabulary, finder)


def test_each_target_with_its_head_noun_then_the_next_and_a_greek_letter_left_outside_a_symbol(vocabulary, finder):
    body = ("In this made-up note, lenvatinib blocks KDR kinase, and PDGF receptor beta (PDGF-beta) kinase, as well as "
            "Raf-1 kinase, c-Kit protein, and RET receptor tyrosine kinases.")
    assert {("lenvatinib", "kdr"), ("lenvatinib", "pdgfrb"), ("lenvatinib", "raf1"), ("lenvatinib", "c_kit"),
            ("lenvatinib", "ret")} <= asserted_pairs(body, vocabulary, finder)
