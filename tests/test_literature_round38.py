"""Shapes read from review tables, registry pages, news and drug profiles (invented sentences, packaged vocabulary and
lexicon): a glued table's target cell with an item the vocabulary does not know, its trial's name glued after a target
and chosen by the registry number after it; a misprint that looks like a gene's alias; a trial a heading names with
its trial word; care every arm receives named with each arm; the combination recalled as what a trial compares; a
registry page's own study; the class a drug belongs to."""

from __future__ import annotations

import pytest

from trial_facts import arm_agents, arms, read, sizes
from hcc_kg.extract import extract_document
from hcc_kg.model import Document


def targets(facts, predicate: str = "inhibits") -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in facts if f.predicate == predicate and f.is_fact}


def trials(facts) -> set[str]:
    return {f.subject for f in facts if f.predicate == "isClinicalTrial"}


GLUED_TABLE = ("Table 3 Invented summary of agents for hepatocellular carcinoma\n"
               "Drug\nPharmacological target\nTrial (NCT)\nTreatment arm\nControl arm\n"
               "First-line\n"
               "CabozantinibKIT 1-2, MET, AXLZENITH (NCT01234567)Cabozantinib (60 mg daily)Placebo\n"
               "RegorafenibFGFR 1-2, PDGX, RET and KITORBIT (NCT07654321)Regorafenib (160 mg daily)Placebo\n"
               "Second-line\n"
               "RamucirumabVEGFRKESTREL-2 (NCT01112222)Ramucirumab 8 mg/kgPlacebo\n"
               "NivolumabPD-1CheckMate-777 (NCT03334444)Nivolumab (240 mg)Sorafenib\n"
               "Durvalumab plus tremelimumabPD-L1, CTLA-4HARRIER (NCT05556666)COMBO: Tremelimumab plus durvalumabSorafenib\n")


def test_a_glued_rows_target_cell_reads_past_an_item_the_vocabulary_does_not_know(vocabulary, finder):
    facts = read(GLUED_TABLE, vocabulary, finder)
    # "KIT 1-2": a range after a name that takes none is skipped; "PDGX": a misspelt symbol, skipped, not read
    assert targets(facts) == {("cabozantinib", "c_kit"), ("cabozantinib", "c_met"), ("cabozantinib", "axl"),
                              ("regorafenib", "fgfr1"), ("regorafenib", "fgfr2"), ("regorafenib", "ret"),
                              ("regorafenib", "c_kit")}
    assert targets(facts, "isAntibodyAgainst") == {("ramucirumab", "vegfr_family"), ("nivolumab", "pdcd1")}


def test_a_glued_rows_trial_is_the_name_after_the_targets_and_before_its_registry_number(vocabulary, finder):
    facts = read(GLUED_TABLE, vocabulary, finder)
    # "VEGFRKESTREL-2": the target's name glued to the trial's, which carries a number; "PDGX, RET": an item of the
    # target list, no trial; "HARRIER (NCT...)" over the arm's label "COMBO:"
    assert trials(facts) == {"trial__zenith", "trial__orbit", "trial__kestrel2", "trial__checkmate777",
                             "trial__harrier"}


def test_a_name_glued_after_a_words_plural_or_an_isotype_is_no_trial(vocabulary, finder):
    text = ("Table 2 Invented characteristics of systemic drugs\n"
            "DrugDoseFamilyMolecular targetReference\n"
            "First-line drugs\n"
            "Lenvatinib12 mg/dayInhibitors of TKRsVEGFR, FGFR 1-4[12]\n"
            "Second-line drugs\n"
            "Ramucirumab8 mg/kgHuman monoclonal antibody (IgG1)VEGFR-2[14]\n")
    assert not trials(read(text, vocabulary, finder))


def test_a_misprinted_checkpoint_name_is_not_a_transporters_alias(vocabulary, finder):
    text = ("Table 1. Invented agents\n"
            "Drug | Class | Target | Approval |\n"
            "---|---|---|---|\n"
            "Ipilimumab | ICI | CTL1-4 | 2020 |\n")
    assert not targets(read(text, vocabulary, finder), "isAntibodyAgainst")


def test_a_heading_naming_a_trial_with_its_trial_word_makes_the_name_a_trials(vocabulary, finder):
    text = ("Biomarker notes\n\n"
            "Patients entering ZENITH-4 had to show an AFP level above 400 ng/mL. They were randomly "
            "assigned (2:1) to receive cabozantinib (n=120) or placebo (n=60).\n\n"
            "Alpha-Fetoprotein and the ZENITH-4 Study\n")
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    assert arms(facts) == {("trial__zenith4", "arm__zenith4__cabozantinib"), ("trial__zenith4", "arm__zenith4__placebo")}


@pytest.mark.parametrize("joined", ["and", "with"])
def test_care_named_with_each_arm_leaves_two_arms(joined, vocabulary, finder):
    text = f"An invented randomised trial compared ramucirumab plus BSC {joined} placebo plus BSC in liver cancer."
    assert arm_agents(read(text, vocabulary, finder)) == {"ramucirumab", "placebo"}


@pytest.mark.parametrize("compared", [
    "comparing the combination against standard sorafenib",
    "and the combination was compared with sorafenib",
])
def test_the_combination_recalled_as_what_a_trial_compares_is_its_arm(compared, vocabulary, finder):
    text = f"The invented ZENITH study tests nivolumab combined with lenvatinib in liver cancer, {compared}."
    assert arms(read(text, vocabulary, finder)) == {("trial__zenith", "arm__zenith__regimen__lenvatinib__nivolumab"),
                                                    ("trial__zenith", "arm__zenith__sorafenib")}


def test_a_registry_pages_own_study_is_the_trial_its_number_names(vocabulary, finder):
    text = ("Trial NCT01234567\n\n"
            "The investigators designed a phase II study of donafenib combined with TACE after resection of liver "
            "cancer.\n")
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    assert arms(facts) == {("trial__nct01234567", "arm__nct01234567__regimen__donafenib__tace")}


@pytest.mark.parametrize("sentence", [
    "Tislelizumab belongs to the family of immunotherapy agents called PD-1 inhibitors.",
    "Tislelizumab is part of a group of medicines called PD-1 inhibitors.",
    "Tislelizumab belongs to the class of PD-1 inhibitors.",
])
def test_the_class_a_drug_belongs_to_names_its_target(sentence, vocabulary, finder):
    assert targets(read(sentence, vocabulary, finder), "isAntibodyAgainst") == {("tislelizumab", "pdcd1")}


def test_a_drug_said_not_to_belong_to_a_class_is_not_asserted_to_act_so(vocabulary, finder):
    facts = read("Tislelizumab does not belong to the class of PD-1 inhibitors.", vocabulary, finder)
    assert not targets(facts, "isAntibodyAgainst")


def test_a_rows_total_split_in_brackets_gives_each_compared_arm_its_patients(vocabulary, finder):
    text = ("Table 4. Invented second-line trials\n\n"
            "Year Trial Design Patients Drug Target Status\n"
            "2019 The invented ZENITH-9 trial Phase 3, randomized 300 (200 vs 100) Cabozantinib vs placebo MET Completed\n"
            "2020 The invented ORBIT-3 trial Phase 3, randomized 250 (150 vs 90) Regorafenib vs placebo KIT Completed\n")
    # ORBIT-3's split does not add up to its total: whose is whose cannot be trusted
    assert sizes(read(text, vocabulary, finder)) == {("cabozantinib", 200), ("placebo", 100)}


def approvals(facts) -> set[tuple]:
    return {(f.subject, f.object, f.context_value("agency"), f.context_value("line")) for f in facts
            if f.predicate == "approvedFor" and f.is_fact}


@pytest.mark.parametrize("listed", [
    "FDA-approved indications include: 1. Renal cell carcinoma (RCC): in combination with nivolumab as first-line "
    "therapy 2. Hepatocellular carcinoma (HCC): second-line therapy after sorafenib 3. Breast cancer: not approved",
    "FDA-approved indications include:\n- Renal cell carcinoma (RCC): in combination with nivolumab for patients not "
    "treated before\n- Hepatocellular carcinoma (HCC): second-line therapy after sorafenib\n",
])
def test_a_drug_pages_list_of_approved_indications_gives_each_its_approval(listed, vocabulary, finder):
    text = f"Invented drug profile\n\nCabozantinib is an oral kinase inhibitor sold by an invented company.\n\n{listed}\n"
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    assert approvals(facts) == {("cabozantinib", "hcc", "fda", "second_line"),
                                ("regimen__cabozantinib__nivolumab", "renal_cell_carcinoma", "fda", "first_line")}


def test_a_list_of_approved_indications_on_a_page_of_two_drugs_is_left_unread(vocabulary, finder):
    text = ("Invented comparison\n\nCabozantinib and regorafenib are oral kinase inhibitors.\n\n"
            "Approved indications: 1. Hepatocellular carcinoma (HCC): second-line therapy\n")
    assert not approvals(extract_document(Document.from_text("d1", text), vocabulary, finder))


@pytest.mark.parametrize("design, combined, alone", [
    ("an invented randomised phase III study to evaluate TACE + nivolumab or TACE alone in HCC",
     "regimen__nivolumab__tace", "tace"),
    ("an invented randomised phase III study of lenvatinib plus nivolumab, or lenvatinib alone, in HCC",
     "regimen__lenvatinib__nivolumab", "lenvatinib"),
])
def test_a_backbone_given_alone_as_the_other_choice_is_the_control_arm(design, combined, alone, vocabulary, finder):
    facts = read(f"ZENITH-8 is {design}.", vocabulary, finder)
    assert arms(facts) == {("trial__zenith8", f"arm__zenith8__{combined}"), ("trial__zenith8", f"arm__zenith8__{alone}")}


def test_two_drugs_offered_as_choices_are_no_backbone_and_its_add_on(vocabulary, finder):
    facts = read("ZENITH-8 is an invented randomised phase III study of lenvatinib or sorafenib alone in HCC.",
                 vocabulary, finder)
    assert "arm__zenith8__regimen__lenvatinib__sorafenib" not in {a for _, a in arms(facts)}


@pytest.mark.parametrize("sentence", [
    "The newest option is tislelizumab (an anti-PD-1 antibody), evaluated in the invented ZENITH-301 trial by a group.",
    "Tislelizumab, tested in the invented ZENITH-301 trial, prolonged survival.",
])
def test_a_drug_with_a_participle_set_off_after_it_is_what_the_named_trial_tested(sentence, vocabulary, finder):
    assert arms(read(sentence, vocabulary, finder)) == {("trial__zenith301", "arm__zenith301__tislelizumab")}
