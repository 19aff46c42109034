"""Shapes read from later-line and single-arm trial reports, notices and pharmacology texts (invented sentences,
packaged vocabulary and lexicon): a single-arm study's registry number naming the trial a title opened; a class
noun hyphened to its target inside a regimen; a joining word glued to the number after it; endpoints listed with
their short forms; another drug's value in a bracket; a registry number before the count; "these agents" after a
list of drugs; an aside or an adult's age that sets no subgroup apart; a maintenance phase given alone; a stray
comma between a trial's name and its registry number; a consequence that does not hedge; an outcome compared for two
agents; labelled results after an announced subgroup; a drug-first table with cells between the drug and its targets;
a count assigned to a dosed drug; a registry card's title and Intervention field."""

from __future__ import annotations

from decimal import Decimal

import pytest

from trial_facts import arm_agents, read, sizes, values
from hcc_kg.extract.normalize import normalize
from hcc_kg.extract.prose_subgroups import is_subgroup


def trial_names(facts) -> dict[str, dict]:
    return {f.subject: dict(f.attributes) for f in facts if f.predicate == "isClinicalTrial"}


SINGLE_ARM = ("Sorafenib plus erlotinib in erlotinib-naive liver cancer: a single-arm exploratory trial\n\n"
              "Earlier work suggested the pairing could help. We report a single-arm, open-label study of "
              "sorafenib plus the EGFR-TKI erlotinib in patients with liver cancer (NCT01234567; n = 40). The estimated median "
              "progression free survival (PFS) and overall survival (OS) were 3.9 months (95% CI: 2.2 to 5.1) and11.8 "
              "months (95% CI: 8.0 to NA), respectively. This compares well with the agents approved after first-line "
              "therapy (cabozantinib ORR of 4%; ramucirumab ORR of 5%).")


def test_a_single_arm_studys_registry_number_names_the_trial_the_title_opened(vocabulary, finder):
    facts = read(SINGLE_ARM, vocabulary, finder)
    assert set(trial_names(facts)) == {"trial__nct01234567"}
    assert arm_agents(facts) == {"regimen__erlotinib__sorafenib"}
    assert sizes(facts) == {("regimen__erlotinib__sorafenib", 40)}


def test_endpoints_listed_with_short_forms_take_their_values_not_another_drugs(vocabulary, finder):
    facts = read(SINGLE_ARM, vocabulary, finder)
    # "and11.8": the joining word glued to the number; "(cabozantinib ORR of 4%; ramucirumab ORR of 5%)": theirs
    assert values(facts) == {("regimen__erlotinib__sorafenib", "pfs", Decimal("3.9")),
                             ("regimen__erlotinib__sorafenib", "os", Decimal("11.8"))}


@pytest.mark.parametrize("glued, spaced", [("3.9 and11.8 months", "3.9 and 11.8 months"),
                                           ("12.1 vs9.8 months", "12.1 vs 9.8 months"),
                                           ("from 2.5 to5.9", "from 2.5 to 5.9")])
def test_a_joining_word_glued_to_the_number_after_it_gets_its_space(glued, spaced):
    assert normalize(glued).text == spaced


def test_a_joining_word_inside_a_name_or_code_is_left_alone():
    assert normalize("Study mentor2 and LAND3 and Tor1").text == "Study mentor2 and LAND3 and Tor1"


def test_a_list_of_drugs_then_these_agents_makes_each_the_subject(vocabulary, finder):
    text = ("Checkpoint monotherapy was tested with several agents, including tislelizumab (Tevimbra) and camrelizumab "
            "(AiRuiKa). These agents interfere with programmed death 1 (PD-1) signalling, restoring T-cell activity.")
    facts = read(text, vocabulary, finder)
    assert {(f.subject, f.object) for f in facts if f.predicate == "isAntibodyAgainst" and f.is_fact} == \
        {("tislelizumab", "pdcd1"), ("camrelizumab", "pdcd1")}


def test_these_antibodies_after_small_molecules_stand_for_none(vocabulary, finder):
    text = "Patients received lenvatinib or sorafenib before. These antibodies block PD-1."
    facts = read(text, vocabulary, finder)
    assert not {f.subject for f in facts if f.predicate in ("isAntibodyAgainst", "inhibits")}


def test_an_aside_closed_before_an_arm_sets_no_subgroup_apart():
    text = "assigned to cisplatin 60 mg/m2 (30 mg/m2 in those with high bilirubin) plus lenvatinib or lenvatinib alone"
    assert not is_subgroup(text, text.rindex("lenvatinib alone"))
    assert is_subgroup("in those with high bilirubin, lenvatinib alone", 30)


@pytest.mark.parametrize("ages, subgroup", [("aged >20 years", False), ("aged 21 or older", False),
                                            ("aged 65 years or older", True)])
def test_an_adults_age_is_eligibility_an_older_age_a_subgroup(ages, subgroup):
    text = f"The trial included 150 patients {ages} who were randomly assigned to TACE plus lenvatinib"
    assert is_subgroup(text, text.rindex("TACE")) is subgroup


def test_arm_counts_after_an_aside_and_after_an_adults_age_are_read(vocabulary, finder):
    text = ("In the phase 2 ZEPHYR-4 trial, 156 patients aged >20 years with unresectable liver cancer were randomly "
            "assigned to TACE plus lenvatinib (n = 80) or TACE alone (n = 76). In the phase 3 ZEPHYR-5 trial, 350 "
            "patients were randomly assigned to receive the combination (n = 178) of cisplatin 60 mg/m2 (30 mg/m2 in those with "
            "high bilirubin) every 21 days plus lenvatinib 12 mg daily or lenvatinib alone (n = 172).")
    assert sizes(read(text, vocabulary, finder)) == {("regimen__lenvatinib__tace", 80), ("tace", 76),
                                                     ("regimen__cisplatin__lenvatinib", 178), ("lenvatinib", 172)}


def test_a_maintenance_phase_given_alone_and_a_stray_comma_before_the_registry_number(vocabulary, finder):
    text = ("Efficacy was investigated in Cohort 2 of ORCHID-7, (NCT07654321) a multicentre, open-label trial in "
            "patients whose disease progressed on lenvatinib.\n\nA total of 52 patients received tislelizumab 200 mg in "
            "combination with tremelimumab 300 mg for four doses, followed by single-agent tislelizumab 200 mg every 3 "
            "weeks until progression. The ORR was 31%.")
    facts = read(text, vocabulary, finder)
    assert set(trial_names(facts)) == {"trial__orchid7"}
    assert trial_names(facts)["trial__orchid7"]["nct_id"] == "NCT07654321"
    assert sizes(facts) == {("regimen__tislelizumab__tremelimumab", 52)}
    assert values(facts) == {("regimen__tislelizumab__tremelimumab", "orr", Decimal("31"))}


def test_a_consequence_drawn_after_the_statement_does_not_hedge_it(vocabulary, finder):
    text = "Dovitinib is a kinase inhibitor of VEGF and FGF receptors and thus a natural candidate agent in second-line care."
    facts = read(text, vocabulary, finder)
    assert {(f.subject, f.object) for f in facts if f.predicate == "inhibits" and f.is_fact} == \
        {("dovitinib", "vegfr_family"), ("dovitinib", "fgfr_family")}


@pytest.mark.parametrize("sentence", [
    "The ZETA-PS study compared overall survival rates for dovitinib or placebo on top of supportive care in 410 patients.",
    "In the phase 3 ZETA-PS study, investigators compared PFS between dovitinib and placebo in 410 patients."])
def test_an_outcome_compared_for_two_agents_names_the_arms(sentence, vocabulary, finder):
    assert arm_agents(read(sentence, vocabulary, finder)) == {"dovitinib", "placebo"}


def test_labelled_results_after_an_announced_subgroup_analysis_are_the_subgroups(vocabulary, finder):
    text = ("In a randomized phase 2 trial, 90 patients were randomly assigned to dovitinib (n = 60) or placebo (n = 30). "
            "Median OS was 5.1 and 4.2 months, respectively (HR, 0.80; 95% CI, 0.50-1.30). A planned analysis of "
            "patients with grade 1 liver function (40 and 20 patients) showed longer survival. OS: 7.9 vs 4.4 months; "
            "HR, 0.71; 95% CI: 0.40-1.20. PFS: 3.6 vs 1.8 months; HR, 0.85; 95% CI: 0.50-1.50.")
    facts = read(text, vocabulary, finder)
    assert values(facts) == {("dovitinib", "os", Decimal("5.1")), ("placebo", "os", Decimal("4.2"))}
    assert {f.attribute_values("hazard_ratio")[0] for f in facts if f.predicate == "hasEffectEstimate"} == {Decimal("0.80")}


def test_labelled_results_after_the_whole_trials_report_are_read(vocabulary, finder):
    text = ("In a randomized phase 2 trial, 90 patients were randomly assigned to dovitinib (n = 60) or placebo (n = 30). "
            "The trial met its primary endpoint. OS: 7.9 vs 4.4 months; HR, 0.71; 95% CI: 0.40-1.20.")
    assert values(read(text, vocabulary, finder)) == {("dovitinib", "os", Decimal("7.9")), ("placebo", "os", Decimal("4.4"))}


@pytest.mark.parametrize("header", ["DrugDailydoseClassMain targetsRef", "Drug Daily dose Class Main targets Ref"])
def test_a_drug_first_tables_targets_cell_after_other_cells_is_the_rows_drugs(header, vocabulary, finder):
    text = (f"Table 3\n\nInvented traits of systemic agents.\n\n{header}\n\nFirst line\n"
            "Cabozantinib60 mg/dayBlockers of receptor tyrosine kinases (RTKs)MET, AXL and RET[12, 13]\n"
            "Later lines\nRamucirumab8 mg/kgHuman antibody (IgG1)VEGFR-2[14]\n")
    facts = read(text, vocabulary, finder)
    # the class cell's kinases ("Blockers of receptor tyrosine kinases") are no target of the row's drug
    assert {(f.subject, f.object) for f in facts if f.predicate in ("inhibits", "isAntibodyAgainst") and f.is_fact} == \
        {("cabozantinib", "c_met"), ("cabozantinib", "axl"), ("cabozantinib", "ret"), ("ramucirumab", "kdr")}


def test_a_count_assigned_to_a_dosed_drug_is_its_arms(vocabulary, finder):
    text = ("In the phase 3 ZEUS-1 trial, investigators randomly assigned 362 patients to 7.5 mg daily everolimus and 184 "
            "to placebo. Median OS was 7.6 and 7.3 months.")
    assert sizes(read(text, vocabulary, finder)) == {("everolimus", 362), ("placebo", 184)}


REGISTRY_CARD = ("Study of Brivanib in Subjects With Unresectable Liver Cancer (HCC) Who Have Failed One Prior Therapy "
                 "(BRISK-9)\n\nStatus\nCompleted\nPhase\nPhase 3\nIntervention\nBrivanib\nPlacebo\nSponsored by\n"
                 "An invented sponsor\n")


def test_a_registry_cards_title_names_its_trial_and_its_intervention_field_lists_the_arms(vocabulary, finder):
    facts = read(REGISTRY_CARD, vocabulary, finder)
    assert set(trial_names(facts)) == {"trial__brisk9"}
    assert arm_agents(facts) == {"brivanib", "placebo"}


def test_an_intervention_field_ends_at_a_line_that_is_no_agent(vocabulary, finder):
    text = REGISTRY_CARD.replace("Placebo\n", "Best supportive care and more\nPlacebo\n")
    assert arm_agents(read(text, vocabulary, finder)) == {"brivanib"}
