"""Trial designs in abstracts the first reading missed (invented trials, drugs and numbers)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hcc_kg.extract.abstracts import prose_trials
from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.keys import agent_key
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("zorbanib", "zorbanib", ("SmallMolecule",)),
    Entity("felotinib", "felotinib", ("SmallMolecule",)),
    Entity("quorimab", "quorimab", ("MonoclonalAntibody",)),
    Entity("placebo", "placebo", ("Placebo",)),
    Entity("surgical_resection", "surgical resection", ("Procedure",), ("resection",)),
    Entity("ablation", "local ablation", ("Procedure",), ("ablation",)),
    Entity("os", "overall survival", ("EndpointType",), ("OS", "median overall survival")),
    Entity("pfs", "progression-free survival", ("EndpointType",), ("PFS",)),
    Entity("orr", "objective response rate", ("EndpointType",), ("ORR", "objective responses")),
])
FINDER = MentionFinder(VOCAB)
D = Decimal
REGIMEN_QF = agent_key(["quorimab", "felotinib"])


def facts(text: str) -> list:
    return list(prose_trials(AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)))


def trials(found) -> set[str]:
    return {a.subject for a in found if a.predicate == "isClinicalTrial"}


def values(found) -> dict:
    return {(a.subject.split("__", 2)[-1], a.object): a.attribute_values("value")[0]
            for a in found if a.predicate == "hasMeasurement"}


def test_patients_assigned_to_two_of_three_arms_stay_in_the_three_arm_trial():
    found = facts(
        "We report a randomized phase 3 trial of quorimab plus felotinib versus zorbanib. "
        "In all, 640 patients were randomized 2:1:1 to quorimab plus felotinib (N=320), zorbanib (N=160) "
        "or felotinib alone (N=160). The primary endpoint was overall survival in all patients assigned to "
        "quorimab plus felotinib or zorbanib. Median overall survival was 14.1 months in the combination "
        "group versus 12.0 months in the zorbanib group (HR 0.80, 95% CI 0.65-0.98).")
    assert len(trials(found)) == 1
    assert values(found) == {(REGIMEN_QF, "os"): D("14.1"), ("zorbanib", "os"): D("12.0")}
    ratio = next(a for a in found if a.predicate == "hasEffectEstimate")
    assert ratio.subject in trials(found)


def test_a_time_point_after_another_share_is_not_the_response_rates():
    found = facts(
        "In this phase 2 study, patients received zorbanib 300 mg daily. Of the 40 patients enrolled, eight "
        "had objective responses (20%; 95% CI, 9% to 36%), and 55% were free of progression at 6 months.")
    rates = {(a.object, a.context_value("timepoint")): a.attribute_values("value")[0]
             for a in found if a.predicate == "hasMeasurement"}
    assert rates.get(("orr", "")) == D("20")
    assert ("orr", "6-month") not in rates


def test_a_study_to_determine_the_efficacy_of_a_combination_of_three_drugs_is_single_arm():
    found = facts(
        "Background: New treatments are needed. This phase 2 study was designed to determine the efficacy and "
        "safety of the combination of quorimab, felotinib, and zorbanib in patients with advanced liver cancer.\n"
        "Results: Forty patients were enrolled. The median overall survival was 11.2 months (95% CI, 8.0-14.1 months).")
    triple = agent_key(["quorimab", "felotinib", "zorbanib"])
    assert len(trials(found)) == 1
    assert [a.object for a in found if a.predicate == "armIntervention"] == [triple]
    assert values(found) == {(triple, "os"): D("11.2")}


def test_a_short_title_naming_the_design_gives_the_study_and_its_drug():
    found = facts(
        "Phase II study of zorbanib in advanced liver cancer\n\n"
        "Purpose: Zorbanib blocks a kinase. Methods: The primary objective of this study was the rate of "
        "patients free of progression at 6 months. Results: Thirty patients were enrolled. Median overall "
        "survival time was 9.5 months.")
    assert len(trials(found)) == 1
    assert [a.object for a in found if a.predicate == "armIntervention"] == ["zorbanib"]
    assert values(found) == {("zorbanib", "os"): D("9.5")}


def test_this_study_of_patients_after_one_procedure_or_another_is_the_trial_in_context():
    found = facts(
        "Adjuvant zorbanib after resection or ablation (ORCA-5): a phase 3, randomised, placebo-controlled trial\n\n"
        "This trial was designed to assess the efficacy of zorbanib versus placebo as adjuvant therapy. We undertook "
        "this phase 3, double-blind study of patients with liver cancer after surgical resection (n=610) or local "
        "ablation (n=150) in 90 sites. Patients were randomly assigned (1:1) to zorbanib or placebo.")
    assert trials(found) == {"trial__orca5"}
    assert sorted(a.object for a in found if a.predicate == "armIntervention") == ["placebo", "zorbanib"]
    assert not any(a.predicate == "armSize" for a in found)


def test_a_count_of_the_population_after_the_arms_is_no_arms_size():
    found = facts(
        "Zorbanib vs felotinib in liver cancer: a phase 3 randomized trial\n\n"
        "Patients were randomized 1:1 to receive zorbanib or felotinib. Zorbanib vs felotinib reached its "
        "noninferiority goal for OS, the main end point, in the intention-to-treat population (n = 530); median "
        "overall survival was 15.1 months with zorbanib.")
    assert not any(a.predicate == "armSize" for a in found)


def test_results_stated_before_an_exploratory_analysis_of_the_trial_are_the_trials():
    found = facts(
        "Data from the phase III ORCA study showed that zorbanib improved overall survival versus placebo; the "
        "median OS was 10.6 vs 7.8 months (HR 0.62, 95% CI 0.50-0.78). Exploratory analyses of the ORCA trial "
        "showed that the median time to death was 26 months in patients receiving zorbanib.")
    assert values(found) == {("zorbanib", "os"): D("10.6"), ("placebo", "os"): D("7.8")}
    assert [a.attribute_values("hazard_ratio") for a in found if a.predicate == "hasEffectEstimate"] == [[D("0.62")]]


def test_the_efficacy_of_one_drug_in_a_phase_2_title_and_an_expected_rate_that_is_no_result():
    found = facts(
        "Safety and efficacy of zorbanib in patients with advanced liver cancer: an open-label, multicentre, "
        "phase II study\n\n"
        "Methods: The primary endpoint was objective response rate, with an expected response rate of 25%. "
        "Findings: Of 41 patients enrolled, two had a partial response, giving an objective response rate of 4.9%.")
    assert len(trials(found)) == 1
    assert [a.object for a in found if a.predicate == "armIntervention"] == ["zorbanib"]
    assert values(found) == {("zorbanib", "orr"): D("4.9")}


def test_values_for_the_per_protocol_population_are_not_the_arms():
    found = facts(
        "In the phase 3 ORCA trial, patients were randomised to zorbanib or felotinib. Median overall survival was "
        "8.1 vs. 9.4 months (HR 1.12, 95% CI 0.91-1.38) for zorbanib vs felotinib. Moreover, for patients who "
        "received zorbanib or felotinib according to the ORCA protocol, median overall survival was 9.8 vs. 9.6 months "
        "(HR 0.97, 95% CI 0.80-1.18).")
    assert values(found) == {("zorbanib", "os"): D("8.1"), ("felotinib", "os"): D("9.4")}
    assert [a.attribute_values("hazard_ratio") for a in found if a.predicate == "hasEffectEstimate"] == [[D("1.12")]]


def test_selective_internal_radiotherapy_and_its_abbreviation_name_radioembolisation():
    from hcc_kg.vocab import load_vocabulary
    vocabulary = load_vocabulary()
    finder = MentionFinder(vocabulary)
    text = "Patients received SIRT or selective internal radiotherapy."
    doc = AnalysedDocument(Document.from_text("d", text), vocabulary, finder)
    assert [m.key for s in doc.sentences for m in s.mentions] == ["radioembolization", "radioembolization"]


def test_a_title_opening_with_the_drug_in_patients_names_the_single_arm():
    found = facts(
        "Zorbanib (XY-12) in patients with advanced liver cancer: a phase II cooperative group clinical trial\n\n"
        "Results: The median overall survival was 6.1 months (95% CI, 4.0-7.9 months).")
    assert len(trials(found)) == 1
    assert values(found) == {("zorbanib", "os"): D("6.1")}


def test_this_phase_2_study_after_a_journal_named_for_trials_is_the_documents_one_trial():
    found = facts(
        "Zorbanib (XY-12) in patients with advanced liver cancer: a phase II cooperative group clinical trial\n\n"
        "Published in the Invented Journal of Clinical Trials, volume 3. The primary objective of this phase II study "
        "was survival at 6 months. The median overall survival was 6.1 months (95% CI, 4.0-7.9 months).")
    assert len(trials(found)) == 1
    assert values(found) == {("zorbanib", "os"): D("6.1")}


def test_a_randomisation_after_other_studies_completes_the_title_trial_s_one_arm():
    found = facts(
        "Efficacy and safety of zorbanib in patients with advanced liver cancer: a phase III randomised, "
        "double-blind, placebo-controlled trial\n\n"
        "Previous studies have shown that zorbanib is well tolerated. Patients were randomly assigned to receive "
        "either zorbanib or placebo. The median overall survival was 6.5 months versus 4.2 months.")
    assert len(trials(found)) == 1
    assert sorted(a.object for a in found if a.predicate == "armIntervention") == ["placebo", "zorbanib"]


@pytest.mark.parametrize("text", [
    "About NCT01234567\n\nNCT01234567 is a phase I study of zorbanib in two parts, dose finding (phase Ia) and dose "
    "expansion (phase Ib). Doses up to 300 mg were explored in the phase Ia trial. The main aim of "
    "phase Ib trial is to assess the activity of zorbanib. Forty patients received zorbanib.\n",
    "About NCT01234567\n\nNCT01234567 is a phase 1 study of zorbanib in two parts. Phase 1b study cohorts enrolled "
    "patients with liver cancer. Forty patients received zorbanib.\n",
    "About NCT01234567\n\nNCT01234567 is a phase 1 study of zorbanib. Enrolment into its phase Ia study has ended. "
    "Forty patients received zorbanib.\n",
])
def test_a_part_of_the_trials_phase_is_the_same_trial(text):
    assert trials(facts(text)) == {"trial__nct01234567"}


def test_a_coarser_phase_restating_part_of_the_titles_trial_is_that_trial():
    from test_abstracts import arms, facts
    found = facts("Phase Ib study of zorbanib in combination with felotinib in invented HCC\n\nPurpose: A phase I study "
                  "evaluated the combination with felotinib. Results: 41 patients were enrolled across five dose levels.\n")
    trials = [a.subject for a in found if a.predicate == "isClinicalTrial"]
    assert len(trials) == 1  # not a second, phase I trial of felotinib alone
    assert [a.object for a in found if a.predicate == "armIntervention"] == ["regimen__felotinib__zorbanib"]


@pytest.mark.parametrize("methods", [
    "Methods: ZETA-HCC is a single-arm, multicentre, open-label, phase 2 trial of invented sites.",
    "ZETA-HCC was an open-label, single-arm phase II study at invented centres.",
])
def test_a_named_trial_defined_after_a_titles_unnamed_study_of_its_phase_is_that_study(methods):
    from test_abstracts import facts
    found = facts("Felotinib after TACE for invented HCC: a phase 2, single-arm study\n\n" + methods +
                  " Patients received TACE followed 3 weeks later by felotinib. Results: 42 patients received TACE. "
                  "The ORR was 41.5%. Median OS was 20.9 months.\n")
    assert [a.subject for a in found if a.predicate == "isClinicalTrial"] == ["trial__zetahcc"]
    assert [a.object for a in found if a.predicate == "armIntervention"] == ["regimen__felotinib__tace"]
    assert {a.object for a in found if a.predicate == "hasMeasurement"} == {"orr", "os"}
    assert [a.object for a in found if a.predicate == "armSize"] == [42]


def test_a_regimen_given_in_sequence_is_one_arm():
    from test_abstracts import facts
    found = facts("Methods: In this phase 2 single-arm study, patients received zorbanib followed two weeks later by "
                  "felotinib. Results: The ORR was 30%.\n")
    assert [a.object for a in found if a.predicate == "armIntervention"] == ["regimen__felotinib__zorbanib"]


@pytest.mark.parametrize("given", [
    "Of 51 screened adults, 36 received zorbanib, felotinib plus quorimab.",
    "Patients received 21-day treatment cycles of zorbanib, felotinib, and quorimab.",
])
def test_a_comma_list_ending_in_and_or_plus_is_one_regimen(given):
    from test_abstracts import facts
    found = facts(f"Methods: This phase II, single-centre, single-arm trial enrolled adults with HCC. {given} "
                  "Results: The ORR was 63.9%.\n")
    assert [a.object for a in found if a.predicate == "armIntervention"] == ["regimen__felotinib__quorimab__zorbanib"]


def test_a_list_only_commas_join_is_no_regimen():
    from hcc_kg.extract.received_arm import received_agent
    from test_abstracts import FINDER, VOCAB
    doc = AnalysedDocument(Document.from_text("d", "Patients received zorbanib, felotinib, quorimab."), VOCAB, FINDER)
    assert received_agent(doc, doc.sentences[0]) is None


def test_an_agent_named_in_a_time_is_no_arm_and_labelled_groups_take_no_values_by_order():
    from test_abstracts import facts, values
    found = facts("Methods: In this randomized phase 2 trial, adults were randomly assigned to receive felotinib alone, "
                  "TACE followed by felotinib from post-TACE day 3 (Schedule D3), or from post-TACE day 14 "
                  "(Schedule D14). Results: Schedule D3 gave a higher ORR than Schedule D14 (37.5% vs. 31.3%). "
                  "Schedule D3 gave a higher ORR than felotinib alone (33.8% vs. 16.9%).\n")
    assert sorted({a.object for a in found if a.predicate == "armIntervention"}) == ["felotinib", "regimen__felotinib__tace"]
    assert values(found) == {("regimen__felotinib__tace", "orr", ""): D("33.8"), ("felotinib", "orr", ""): D("16.9")}


def test_drugs_given_concurrently_with_a_maintenance_repeat_are_one_arm():
    from test_abstracts import facts, values
    found = facts("Methods: In this phase II multicentre trial, adults with invented HCC were concurrently treated with "
                  "intravenous felotinib (3 mg/kg every 2 weeks) and TACE, followed by maintenance felotinib until "
                  "progression. Results: Fifty adults were enrolled. Median PFS was 5.6 months.\n")
    assert [a.object for a in found if a.predicate == "armIntervention"] == ["regimen__felotinib__tace"]
    assert values(found) == {("regimen__felotinib__tace", "pfs", ""): D("5.6")}


def test_a_registry_identifier_field_names_the_title_trial():
    found = facts("Phase 1 study of felotinib in adults with advanced liver cancer\n\nSponsor: Zorba Biosciences Ltd.\n\n"
                  "EudraCT number: 2019-004411-27 ClinicalTrials.gov Identifier: NCT09876543\n\n"
                  "Felotinib blocks a growth receptor. This open-label study gives felotinib to 30 adults.")
    assert trials(found) == {"trial__nct09876543"}


def test_arms_restated_with_more_components_stay_the_trial_of_the_title():
    found = facts("Felotinib plus local ablation versus felotinib alone in advanced liver cancer: a randomized trial\n\n"
                  "This phase II trial enrolled untreated adults. Patients were randomly assigned to receive felotinib "
                  "plus local ablation with zorbanib or felotinib alone. The median OS was 15.2 months with the "
                  "combination and 7.1 months with felotinib alone.")
    assert len(trials(found)) == 1


def test_this_trial_after_a_remark_on_an_earlier_one_is_the_title_trial():
    found = facts("Quorimab Versus Felotinib in Advanced Liver Cancer: A Randomized Phase III Trial (ZETA-7)\n\n"
                  "Purpose: Zorbanib showed activity in a previous phase II trial. Methods: In this open-label, phase "
                  "III trial, patients were randomly assigned to zorbanib or felotinib. Results: Median OS was 14.0 "
                  "months for zorbanib and 9.0 months for felotinib.")
    assert trials(found) == {"trial__zeta7"}


def test_the_multicenter_open_label_trial_is_the_named_trial_in_context():
    found = facts("In a phase II/III trial (ORCHID-9), adding zorbanib to resection prolonged survival. In the "
                  "multicenter open-label trial, 200 patients were randomly assigned to perioperative therapy or none. "
                  "Median OS was 30.1 months with zorbanib plus resection vs 20.5 months with resection alone.")
    assert trials(found) == {"trial__orchid9"}


def test_the_drug_that_failed_in_a_phase_3_trial_is_its_arm():
    found = facts("Zorba Inc. said its drug zorbanib (ZB 101) failed to meet the primary endpoint in a Phase 3 trial. "
                  "Zorbanib did not improve overall survival.")
    arms_of = {a.subject: a.object for a in found if a.predicate == "armIntervention"}
    assert [arms_of[a.object] for a in found if a.predicate == "hasArm"] == ["zorbanib"]


def test_the_agent_a_trial_was_designed_to_assess_after_a_mention_in_passing():
    found = facts("Following the results of the ORCA trial, which found a subgroup that could benefit from zorbanib "
                  "treatment, the ORCA-2 trial was a randomized, placebo-controlled trial, designed to assess zorbanib "
                  "in patients with high AFP.")
    arms_of = {a.subject: a.object for a in found if a.predicate == "armIntervention"}
    assert sorted(arms_of[a.object] for a in found if a.predicate == "hasArm" and a.subject == "trial__orca2") \
        == ["placebo", "zorbanib"]


def test_they_received_a_in_tandem_with_b_is_the_single_arm_of_the_study():
    found = facts("A prospective, single-arm, phase II trial in liver cancer (ZEBRA)\n\n"
                  "Methods: Participants in this single-arm phase II study (NCT01234567) had stage B disease. They "
                  "received zorbanib in tandem with felotinib for 6 cycles. The confirmed ORR was 60.1%.")
    assert values(found) == {(agent_key(["zorbanib", "felotinib"]), "orr"): D("60.1")}


def test_our_earlier_retrospective_study_leaves_this_single_arm_trial_a_trial():
    found = facts("Zorbanib plus felotinib in liver cancer\n\nIntroduction: The combination was active in our retrospective "
                  "study. Methods: This phase II, single-centre, single-arm trial enrolled 36 participants, who received "
                  "zorbanib plus felotinib. Results: The ORR was 63.9%.")
    assert values(found) == {(agent_key(["zorbanib", "felotinib"]), "orr"): D("63.9")}


@pytest.mark.parametrize("remark", [
    '"These data, now from a double-blind, placebo-controlled study of 600 patients, confirm the activity of '
    'zorbanib," he said.',
    "Zorbanib is well known. The study is a double-blind, placebo-controlled, randomized global trial of zorbanib.",
])
def test_a_remark_on_the_study_just_reported_is_no_new_trial(remark):
    found = facts("Adding quorimab to zorbanib missed its goal in a phase 3 trial. Patients treated with quorimab plus "
                  "zorbanib had a median PFS of 8.3 months, versus 8.2 months with placebo plus zorbanib. " + remark)
    assert len(trials(found)) == 1


def test_the_combination_tested_names_the_single_arm_in_full():
    found = facts("A Phase 2 Study of Zorbanib in Liver Cancer\n\nMethods: The combination of zorbanib and felotinib "
                  "(400 mg BID) was tested in patients with liver cancer. Zorbanib was administered 80 mg orally. "
                  "Results: The ORR was 20.5%.")
    assert values(found) == {(agent_key(["zorbanib", "felotinib"]), "orr"): D("20.5")}


def test_a_named_study_called_observational_is_no_trial_while_a_trial_it_cites_stays_one():
    found = facts("Zorbanib in everyday care\n"
                  "An interim analysis of the ZORBA study showed that, in real-world practice, most patients received "
                  "zorbanib after felotinib. The invented FELO-3 trial had shown zorbanib to be effective after felotinib. "
                  "The ZORBA study was designed to assess zorbanib in routine care. This prospective, observational study "
                  "enrolled 500 patients.\n")
    assert trials(found) == {"trial__felo3"}


def test_a_named_trial_that_real_world_data_are_compared_with_stays_a_trial():
    found = facts("Zorbanib in the ZORBA-2 trial\n"
                  "In the phase 3 ZORBA-2 trial, zorbanib improved median overall survival versus placebo (10.1 vs 8.0 "
                  "months). These results were consistent with real-world data from routine practice.\n")
    assert trials(found) == {"trial__zorba2"}


def _arms(found) -> set[str]:
    return {a.object for a in found if a.predicate == "armIntervention"}


def test_a_pilot_trial_with_its_headings_glued_to_the_text_gives_its_single_arm():
    found = facts("Background & aimsQuorimab is an antibody. The purpose of this pilot clinical trial was to test quorimab "
                  "in adults with HCC.MethodsQuorimab at a dose of 5 mg/kg was administered every 6 weeks.ResultsThe "
                  "objective response rate was 21.4%.")
    assert _arms(found) == {"quorimab"}
    assert values(found) == {("quorimab", "orr"): D("21.4")}


@pytest.mark.parametrize("text", [
    "This study aimed to test whether zorbanib could be given after ablation. Methods Twenty-six patients with HCC "
    "were enrolled. Patients were given zorbanib at two dose levels (100 and 200 mg) daily. Results Median overall "
    "survival was 13.2 months.",
    "Adults with HCC were enrolled onto the study. Patients were treated with zorbanib 100 mg daily. Results: "
    "Twenty-six patients were enrolled. Median overall survival was 13.2 months.",
])
def test_a_study_declared_by_its_aim_or_by_patients_enrolled_in_it_is_the_documents_own_trial(text):
    found = facts(text)
    assert _arms(found) == {"zorbanib"}
    assert values(found) == {("zorbanib", "os"): D("13.2")}


def test_patients_treated_with_dose_levels_of_two_drugs_are_the_one_arm_of_a_phase_1_study():
    found = facts("This was a phase I study with a 3+3 design in adults with HCC. A total of 18 patients were treated "
                  "with three dose levels of zorbanib and felotinib. The median PFS and OS were 2.9 and 8.1 months, "
                  "respectively.")
    pair = agent_key(["zorbanib", "felotinib"])
    assert _arms(found) == {pair}
    assert {a.object for a in found if a.predicate == "armSize"} == {18}
    assert values(found) == {(pair, "pfs"): D("2.9"), (pair, "os"): D("8.1")}


def test_a_value_after_the_respectively_of_other_endpoints_is_the_single_arms():
    found = facts("This phase 2 study enrolled adults with HCC. Thirty patients received zorbanib. The ORR and PFS "
                  "rate at 6 months were 11.2% and 48.2%, respectively, with a median OS of 10.3 months.")
    assert values(found)[("zorbanib", "os")] == D("10.3")


@pytest.mark.parametrize("label", ["Background:", "Background and aims:", "Background & Aims:"])
def test_an_earlier_randomised_trial_a_background_recalls_leaves_the_study_reported_single_arm(label):
    found = facts(f"{label} In the phase 3 ZETA-1 trial, zorbanib improved OS over placebo. Methods: In this phase 2 "
                  "study, 40 patients received felotinib. Results: The objective response rate was 12.5%.")
    assert values(found) == {("felotinib", "orr"): D("12.5")}
    assert {(a.subject, a.object) for a in found if a.predicate == "armSize"} == {("arm__mdfelotinib__felotinib", 40)}


def test_we_conducted_a_trial_describes_the_titles_unnamed_trial_in_full():
    found = facts("Randomized dose-finding clinical trial of zorbanib in liver cancer\nAbstract\n"
                  "Zorbanib is an invented drug. To find its best dose in adults with HCC, we conducted a randomized "
                  "phase 2 dose-finding trial (n=36). Median OS was 12.1 months compared to 5.2 months on the high "
                  "and low dose, respectively. Trial registration: ClinicalTrials.gov NCT01234567.")
    assert trials(found) == {"trial__nct01234567"}  # one trial, not the title's and a second one
