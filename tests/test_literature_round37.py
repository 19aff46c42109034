"""Shapes read from reviews and interviews (invented sentences, packaged vocabulary and lexicon): a median printed
before the endpoint it is ("11.2 months median OS for A"), two trials each named with its own design in one sentence,
a reference number glued after a year's full stop, a list after "plus" that goes on with "and", approved agents listed
by semicolons after "including", "That was based on NAME" after an approval, and a
bulleted list of target families after a colon."""

from __future__ import annotations

from decimal import Decimal

import pytest

from trial_facts import arms, read, values
from hcc_kg.extract import extract_document
from hcc_kg.extract.normalize import normalize
from hcc_kg.model import Document


def approvals(facts) -> set[tuple]:
    return {(f.subject, f.context_value("agency"), f.context_value("line")) for f in facts
            if f.predicate == "approvedFor" and f.is_fact}


@pytest.mark.parametrize("result", [
    "11.2 months median OS for cabozantinib versus 10.4 months median OS for sorafenib",
    "11.2 months median OS for cabozantinib and 10.4 months for sorafenib",
    "11.2 months of median OS with cabozantinib versus 10.4 months with sorafenib",
])
def test_a_median_printed_before_its_endpoint_is_the_value_of_the_arm_named_after_it(result, vocabulary, finder):
    text = f"The invented ZENITH-5 study randomised patients to cabozantinib or sorafenib. Results showed {result}."
    assert values(read(text, vocabulary, finder)) == {("cabozantinib", "os", Decimal("11.2")),
                                                      ("sorafenib", "os", Decimal("10.4"))}


@pytest.mark.parametrize("text, second", [
    ("Dr Smith reviewed the invented ZENITH-5 trial of cabozantinib versus sorafenib and the ORBIT-7 trial of "
     "cabozantinib/nivolumab versus cabozantinib in liver cancer.", {"cabozantinib", "regimen__cabozantinib__nivolumab"}),
    ("The talk covered the invented ZENITH-5 study comparing cabozantinib with sorafenib and the ORBIT-7 study "
     "comparing regorafenib to placebo.", {"regorafenib", "placebo"}),
])
def test_two_trials_each_named_with_its_own_design_get_their_own_arms(text, second, vocabulary, finder):
    assert arms(read(text, vocabulary, finder)) == {
        ("trial__zenith5", "arm__zenith5__cabozantinib"), ("trial__zenith5", "arm__zenith5__sorafenib"),
        *(("trial__orbit7", f"arm__orbit7__{agent}") for agent in second)}


def test_a_reference_glued_after_a_years_full_stop_ends_the_sentence():
    assert normalize("It was approved in 2019.6,7 In later years, more came.").text \
        == "It was approved in 2019. In later years, more came."
    assert normalize("The median was 2019.5 in one arm.").text == "The median was 2019.5 in one arm."


def test_the_approval_before_a_glued_reference_is_not_lent_to_a_drug_named_after_it(vocabulary, finder):
    text = ("Back then sorafenib, a multikinase inhibitor, stood alone in advanced HCC; it won approval from the "
            "US Food and Drug Administration in 2007.4,5 Lenvatinib is another multikinase inhibitor.")
    assert approvals(read(text, vocabulary, finder)) == {("sorafenib", "fda", None)}


@pytest.mark.parametrize("listed", [
    "regorafenib, nivolumab plus ipilimumab and ramucirumab",  # "and" after a "plus" regimen: the next item
    # items parted by semicolons, each a described drug
    "another kinase inhibitor, regorafenib; a combination of two checkpoint inhibitors, nivolumab plus ipilimumab; "
    "and an anti-VEGFR2 antibody, ramucirumab",
])
def test_each_agent_of_a_list_after_including_is_approved(listed, vocabulary, finder):
    text = f"Recently several agents have been approved for HCC in the second-line setting, including {listed}."
    assert approvals(read(text, vocabulary, finder)) == {
        ("regorafenib", None, "second_line"), ("regimen__ipilimumab__nivolumab", None, "second_line"),
        ("ramucirumab", None, "second_line")}


def test_a_clause_with_its_own_verb_after_a_semicolon_is_not_an_item_of_the_list(vocabulary, finder):
    text = ("Several agents have been approved for HCC, including regorafenib; ramucirumab was studied in a trial of its "
            "own.")
    assert {a[0] for a in approvals(read(text, vocabulary, finder))} == {"regorafenib"}


def test_a_bulleted_list_of_target_families_after_a_colon_gives_every_member(vocabulary, finder):
    text = ("Cabozantinib is a small-molecule kinase inhibitor that mainly blocks:\n"
            "- Hepatocyte growth factor receptor (MET)\n"
            "- Vascular endothelial growth factor receptors (VEGFR1, VEGFR2, VEGFR3)\n"
            "- Fibroblast growth factor receptors (FGFR1, FGFR2)\n"
            "- AXL and RET proto-oncogenes\n"
            "This wide profile blocks tumour growth.")
    targets = {f.object for f in read(text, vocabulary, finder) if f.predicate == "inhibits" and f.is_fact}
    assert targets == {"c_met", "flt1", "kdr", "flt4", "fgfr1", "fgfr2", "axl", "ret"}


TABLE = ("Table 1. Systemic agents for advanced hepatocellular carcinoma\n"
         "Drug | Class | FDA approval | Setting | Trial | Efficacy |\n"
         "---|---|---|---|---|---|\n"
         "Cabozantinib | TKI | 2019 | Second line | NCT01908426 | OS: 10.2 VS 8 months (placebo) |\n"
         "Regorafenib + nivolumab | Combination | Not approved | First line | NCT04170556 | ORR: 31% |\n"
         "Ramucirumab | Antibody | 2019 | Second line | NCT02435433 | OS: 8.5 vs 7.3 months (placebo). "
         "In a subgroup, OS: 9.1 vs 5.0 months |\n")


def test_a_comparator_named_in_brackets_after_a_rows_values_is_the_rows_second_arm(vocabulary, finder):
    facts = read(TABLE, vocabulary, finder)
    assert values(facts) == {("cabozantinib", "os", Decimal("10.2")), ("placebo", "os", Decimal("8")),
                             ("ramucirumab", "os", Decimal("8.5")), ("placebo", "os", Decimal("7.3"))}
    assert ("trial__nct01908426", "arm__nct01908426__placebo") in arms(facts)
    assert not any("vs8" in f.subject for f in facts)  # "VS 8" is a comparison, no trial's name


def test_a_column_of_approval_years_lists_each_rows_approval(vocabulary, finder):
    assert approvals(read(TABLE, vocabulary, finder)) == {("cabozantinib", "fda", "second_line"),
                                                           ("ramucirumab", "fda", "second_line")}


@pytest.mark.parametrize("text", [
    "Cabozantinib and nivolumab are approved first- and second-line options in liver cancer (HCC), respectively.",
    # each described on its own, and the pair named as one combination elsewhere in the document
    "Cabozantinib, an oral TKI, and nivolumab, an anti-PD-1 antibody, are approved first- and "
    "second-line options in liver cancer (HCC), respectively. An invented trial now tests cabozantinib plus nivolumab.",
])
def test_lines_named_in_order_go_to_the_agents_respectively(text, vocabulary, finder):
    assert approvals(read(text, vocabulary, finder)) == {("cabozantinib", None, "first_line"),
                                                         ("nivolumab", None, "second_line")}


@pytest.mark.parametrize("text, trial, drug", [
    # "That was based on NAME" after an approval: the trial tested the drug the sentence before approved
    ("Liver cancer had few drugs for years, and doxorubicin did not work. Regorafenib came first and was "
     "approved in 2011. That was supported by data from the invented placebo-controlled KESTREL study.", "kestrel",
     "regorafenib"),
    # a trial's acronym spelled out after its phase: the phase's numeral is no initial of the name
    ("Since 2015, when the phase III Zorbanib Hepatic Assessment Randomized Protocol (ZHARP) trial demonstrated "
     "longer overall survival for patients given cabozantinib compared with placebo, guidelines changed.", "zharp",
     "cabozantinib"),
])
def test_a_trial_named_so_gets_its_drug_and_placebo_arms(text, trial, drug, vocabulary, finder):
    assert arms(read(text, vocabulary, finder)) == {(f"trial__{trial}", f"arm__{trial}__{drug}"),
                                                    (f"trial__{trial}", f"arm__{trial}__placebo")}


def test_a_phase_abbreviated_in_a_glued_table_row_is_no_trial(vocabulary, finder):
    text = ("Table 1 Invented agents and their development status\n"
            "AgentsPositioningDevelopment status\n"
            "Sunitinib1st linePIII terminated\n"
            "Linifanib1st linePIII ongoing\n"
            "Axitinib2nd linePIII ongoing\n")
    assert not any(f.predicate == "isClinicalTrial" for f in read(text, vocabulary, finder))


GLUED_TABLE = ("Table 2 Invented summary of agents approved for hepatocellular carcinoma\n"
               "Drug\nPharmacological target\nTrial (NCT)\nTreatment arm\nControl arm\n"
               "First-line\n"
               "CabozantinibVEGFR 1-3, MET and AXLZENITH (NCT01234567)Cabozantinib (60 mg daily)Placebo\n"
               "Second-line\n"
               "RegorafenibVEGFR 1-3, KIT, RETORBIT (NCT07654321)Regorafenib (160 mg daily)Placebo\n")


def test_a_table_with_glued_cells_under_a_header_of_one_column_per_line_gives_each_drugs_targets(vocabulary, finder):
    facts = read(GLUED_TABLE, vocabulary, finder)
    assert {(f.subject, f.object) for f in facts if f.predicate == "inhibits"} == {
        *(("cabozantinib", t) for t in ("flt1", "kdr", "flt4", "c_met", "axl")),
        *(("regorafenib", t) for t in ("flt1", "kdr", "flt4", "c_kit", "ret"))}
    assert approvals(facts) == {("cabozantinib", None, "first_line"), ("regorafenib", None, "second_line")}
    # the trial's acronym glued to the last target ("AXLZENITH", "RETORBIT") is the trial's name
    assert arms(facts) == {("trial__zenith", "arm__zenith__cabozantinib"), ("trial__orbit", "arm__orbit__regorafenib")}


def test_a_combinations_target_cell_parted_like_its_drugs_gives_each_drug_its_own_targets(vocabulary, finder):
    text = ("Table 1. Invented agents\n"
            "Drug | Class | Target | Approval |\n"
            "---|---|---|---|\n"
            "Atezolizumab + Bevacizumab | ICI plus anti-VEGF | PD-L1 + VEGF | 2020 |\n"
            "Nivolumab plus ipilimumab | ICI plus ICI | PD-1 + CTLA-4 | 2020 |\n"
            "Durvalumab + tremelimumab | ICI plus ICI | PD-L1, CTLA-4 | 2022 |\n")  # not parted alike: whose is whose?
    assert {(f.subject, f.object) for f in read(text, vocabulary, finder) if f.predicate == "isAntibodyAgainst"} == {
        ("atezolizumab", "cd274"), ("bevacizumab", "vegfa"), ("nivolumab", "pdcd1"), ("ipilimumab", "ctla4")}


def test_a_combination_the_headline_names_joins_its_drugs_approved_with_and(vocabulary, finder):
    text = ("Cabozantinib Plus Nivolumab Approved for Liver Cancer\n\n"
            "On June 2, the FDA approved cabozantinib (Cabometyx) and nivolumab (Opdivo) as an initial treatment "
            "for people with hepatocellular carcinoma.\n")
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    assert approvals(facts) == {("regimen__cabozantinib__nivolumab", "fda", "first_line")}
