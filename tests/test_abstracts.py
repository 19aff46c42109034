"""Trial results from abstracts and news without tables (invented trials, drugs and numbers)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hcc_kg.extract.abstracts import prose_trials
from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.keys import agent_key, comparison_trial_key
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("zorbanib", "zorbanib", ("SmallMolecule",)),
    Entity("felotinib", "felotinib", ("SmallMolecule",)),
    Entity("quorimab", "quorimab", ("MonoclonalAntibody",)),
    Entity("placebo", "placebo", ("Placebo",)),
    Entity("tace", "transarterial chemoembolization", ("Procedure",), ("TACE",)),
    Entity("best_supportive_care", "best supportive care", ("Procedure",), ("BSC",)),
    Entity("pdcd1", "PD-1", ("Protein",)),
    Entity("first_line", "first-line", ("LineOfTherapy",)),
    Entity("os", "overall survival", ("EndpointType",), ("OS", "mOS", "median overall survival")),
    Entity("pfs", "progression-free survival", ("EndpointType",), ("PFS", "mPFS")),
    Entity("ttp", "time to progression", ("EndpointType",), ("TTP",)),
    Entity("orr", "objective response rate", ("EndpointType",), ("ORR",)),
    Entity("dcr", "disease control rate", ("EndpointType",), ("DCR",)),
])
FINDER = MentionFinder(VOCAB)
D = Decimal
REGIMEN_QF = agent_key(["quorimab", "felotinib"])
REGIMEN_QZ = agent_key(["quorimab", "zorbanib"])


def facts(text: str) -> list:
    return list(prose_trials(AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)))


def trial(found, key):
    return next(a for a in found if a.predicate == "isClinicalTrial" and a.subject == key)


def arms(found, key):
    arm_of = {a.subject: a.object for a in found if a.predicate == "armIntervention"}
    return [arm_of[a.object] for a in found if a.predicate == "hasArm" and a.subject == key]


def sizes(found):
    arm_of = {a.subject: a.object for a in found if a.predicate == "armIntervention"}
    return {arm_of[a.subject]: a.object for a in found if a.predicate == "armSize"}


def values(found):
    return {(a.subject.split("__", 2)[-1], a.object, a.context_value("timepoint")): a.attribute_values("value")[0]
            for a in found if a.predicate == "hasMeasurement"}


def ratios(found):
    return {a.object: a for a in found if a.predicate == "hasEffectEstimate"}


NAMED = (
    "Zorbanib versus placebo in previously treated liver cancer (ORCHID-7): a randomised phase 3 study\n"
    "Methods: In ORCHID-7, adults were randomly assigned (2:1) to zorbanib 100 mg daily or placebo. "
    "The primary endpoint was overall survival.\n"
    "Findings: 450 patients were randomized (zorbanib, n = 300; placebo, n = 150). Median overall survival "
    "was 12.4 months (95% CI 10.9-13.8) in the zorbanib group vs 9.6 months (95% CI 8.1-11.0) in the placebo "
    "group (hazard ratio [HR] = 0.74, 95% CI = 0.60\u20130.91, P = .004), meeting the prespecified significance "
    "criterion. Median progression-free survival was 4.4 vs 2.9 months (HR, 0.66; 95% CI, 0.54 to 0.81). "
    "Among patients older than 65 years, the HR for death was 0.95 (95% CI 0.70-1.29). "
    "The objective response rate was 17% for zorbanib and 3% for placebo.\n"
)


def test_named_trial_arms_sizes_values_and_ratios():
    found = facts(NAMED)
    key = "trial__orchid7"
    assert dict(trial(found, key).attributes) == {"trial_name": "ORCHID-7", "phase": "III",
                                                  "primary_endpoint_met": True}
    assert arms(found, key) == ["zorbanib", "placebo"]
    assert sizes(found) == {"zorbanib": 300, "placebo": 150}
    assert values(found) == {("zorbanib", "os", ""): D("12.4"), ("placebo", "os", ""): D("9.6"),
                             ("zorbanib", "pfs", ""): D("4.4"), ("placebo", "pfs", ""): D("2.9"),
                             ("zorbanib", "orr", ""): D("17"), ("placebo", "orr", ""): D("3")}
    os_hr = dict(ratios(found)["os"].attributes)
    assert (os_hr["hazard_ratio"], os_hr["ci_lower"], os_hr["ci_upper"], os_hr["ci_level"], os_hr["p_value"]) == \
        (D("0.74"), D("0.60"), D("0.91"), D("95"), D("0.004"))
    assert ratios(found)["os"].context_value("experimental") == "arm__orchid7__zorbanib"
    assert ratios(found)["os"].context_value("comparator") == "arm__orchid7__placebo"
    assert ratios(found)["pfs"].attribute_values("hazard_ratio") == [D("0.66")]


def test_subgroup_ratio_is_skipped():
    found = facts(NAMED)
    assert all(a.attribute_values("hazard_ratio") != [D("0.95")] for a in found)
    assert set(ratios(found)) == {"os", "pfs"}


UNNAMED = (
    "Quorimab plus felotinib versus zorbanib for unresectable liver cancer: results of an open-label "
    "randomized phase III trial\n"
    "Patients were randomly assigned in a 1:1 ratio to receive either quorimab plus felotinib or zorbanib. "
    "The primary end point was overall survival. The study included 210 patients in the quorimab-felotinib "
    "group and 205 patients in the zorbanib group. For quorimab-felotinib and zorbanib, respectively, median "
    "OS was 11\u00b72 versus 10\u00b78 months (hazard ratio [HR], 0.97; one-sided P = .38; two-sided P = .76); "
    "median time to progression (TTP; 5.1 v 3.9 months; HR, 0.81; 95% CI, 0.66 to 0.99) favoured the "
    "combination. Median OS was similar in hepatitis C-infected patients (12.0 v 11.1 months; HR, 0.91). "
    "The trial did not meet its primary endpoint.\n"
)


def test_unnamed_trial_is_keyed_by_its_comparison_and_keeps_negative_numbers():
    found = facts(UNNAMED)
    key = comparison_trial_key([REGIMEN_QF, "zorbanib"])
    attributes = dict(trial(found, key).attributes)
    assert attributes["primary_endpoint_met"] is False
    assert attributes["trial_name"] == "felotinib + quorimab vs zorbanib"
    assert arms(found, key) == [REGIMEN_QF, "zorbanib"]
    assert sizes(found) == {REGIMEN_QF: 210, "zorbanib": 205}
    assert values(found) == {(REGIMEN_QF, "os", ""): D("11.2"), ("zorbanib", "os", ""): D("10.8"),
                             (REGIMEN_QF, "ttp", ""): D("5.1"), ("zorbanib", "ttp", ""): D("3.9")}
    os_hr = ratios(found)["os"]
    assert os_hr.attribute_values("p_value") == [D("0.76")]  # the two-sided one
    assert os_hr.attribute_values("hazard_ratio") == [D("0.97")]
    assert ratios(found)["ttp"].attribute_values("ci_upper") == [D("0.99")]
    assert not any(a.attribute_values("hazard_ratio") == [D("0.91")] for a in found)  # hepatitis C subgroup


def test_all_negative_result_evidence_stays_positive():
    assert all(ev.is_assertive for a in facts(UNNAMED) for ev in a.evidence)


def test_same_comparison_merges_across_documents():
    other = ("In a randomized phase 3 trial, quorimab plus felotinib was compared with zorbanib. "
             "Patients were randomized 1:1 to quorimab plus felotinib or zorbanib. Median OS was 11.2 vs "
             "10.8 months (HR 0.97).")
    keys = {a.subject for a in facts(other) if a.predicate == "isClinicalTrial"}
    assert keys == {comparison_trial_key([REGIMEN_QF, "zorbanib"])}


NEWS = (
    "A phase 3 trial, KESTREL-305, testing quorimab plus zorbanib against zorbanib alone failed to meet its "
    "primary endpoint of progression-free survival. In the trial, 540 patients were randomized 1:1 to "
    "quorimab/zorbanib or zorbanib/placebo. Median PFS in patients treated with quorimab/zorbanib was 8.1 "
    "months versus 7.4 months in patients given zorbanib alone (HR 0.880; P=0.0412). The difference was not "
    "statistically significant.\n"
)


def test_news_failed_trial_combination_arm_and_placebo_added_arm():
    found = facts(NEWS)
    key = "trial__kestrel305"
    assert trial(found, key).attribute_values("primary_endpoint_met") == [False]
    assert arms(found, key) == [REGIMEN_QZ, "zorbanib"]
    assert values(found) == {(REGIMEN_QZ, "pfs", ""): D("8.1"), ("zorbanib", "pfs", ""): D("7.4")}
    pfs = ratios(found)["pfs"]
    assert (pfs.attribute_values("hazard_ratio_text"), pfs.attribute_values("p_value")) == (["0.880"], [D("0.0412")])
    assert pfs.context_value("experimental") == f"arm__kestrel305__{REGIMEN_QZ}"


def test_three_arms():
    found = facts("In the three-arm phase 3 HARBOR-2 study, 600 patients were randomly assigned to quorimab "
                  "plus felotinib and TACE, quorimab plus TACE, or TACE alone.")
    assert arms(found, "trial__harbor2") == [agent_key(["quorimab", "felotinib", "tace"]),
                                             agent_key(["quorimab", "tace"]), "tace"]


def test_single_arm_trial_values():
    found = facts("Felotinib in previously treated liver cancer (LUMEN-12): a single-arm, open-label, phase 2 "
                  "trial. The objective response rate was 14% and the disease control rate was 51%, and median "
                  "overall survival was 12.9 months.")
    assert arms(found, "trial__lumen12") == ["felotinib"]
    assert values(found) == {("felotinib", "orr", ""): D("14"), ("felotinib", "dcr", ""): D("51"),
                             ("felotinib", "os", ""): D("12.9")}


REGISTERED = (
    "Zorbanib versus felotinib as first-line treatment: a randomised phase 3 non-inferiority trial\n"
    "This was an open-label, phase 3, multicentre, non-inferiority trial. Patients were randomly assigned "
    "(1:1) to zorbanib (n=410) or felotinib (n=405). The trial is registered with ClinicalTrials.gov, number "
    "NCT09876543. Median survival for zorbanib of 13\u00b71 months (95% CI 11\u00b79-14\u00b76) was "
    "non-inferior to felotinib (12\u00b70 months, 10\u00b72-13\u00b75; hazard ratio 0\u00b791, 95% CI "
    "0\u00b778-1\u00b705).\n"
)


def test_registration_number_names_the_unnamed_trial():
    found = facts(REGISTERED)
    key = "trial__nct09876543"
    assert trial(found, key).attribute_values("nct_id") == ["NCT09876543"]
    assert sizes(found) == {"zorbanib": 410, "felotinib": 405}
    assert values(found) == {("zorbanib", "os", ""): D("13.1"), ("felotinib", "os", ""): D("12.0")}
    assert ratios(found)["os"].attribute_values("ci_text") == ["0.78-1.05"]
    assert any(a.predicate == "forLineOfTherapy" and a.object == "first_line" for a in found)


BACKGROUND = (
    "In a phase 1b study, zorbanib plus quorimab was active. In a global, open-label, phase 3 trial, patients "
    "were randomly assigned (2:1) to receive either zorbanib plus quorimab or felotinib. At the "
    "primary analysis, the hazard ratio for death with zorbanib-quorimab as compared with felotinib was 0.60 "
    "(95% CI, 0.44 to 0.81; P<0.001). Overall survival at 12 months was 66.0% (95% CI, 60.1 to 71.9) with "
    "zorbanib-quorimab and 55.1% (95% CI, 46.0 to 64.2) with felotinib.\n"
)


def test_hazard_ratio_for_death_and_rates_at_a_time_point():
    found = facts(BACKGROUND)
    key = comparison_trial_key([REGIMEN_QZ, "felotinib"])
    assert {a.subject for a in found if a.predicate == "isClinicalTrial"} == {key}  # the phase 1b study has no arms
    os_hr = ratios(found)["os"]
    assert (os_hr.attribute_values("hazard_ratio"), os_hr.attribute_values("p_value_comparator")) == ([D("0.60")], ["<"])
    assert values(found) == {(REGIMEN_QZ, "os", "12-month"): D("66.0"), ("felotinib", "os", "12-month"): D("55.1")}


def test_gene_names_do_not_become_trials():
    found = facts("Antibodies against PD-1 were studied in a phase 2 trial of zorbanib versus placebo. "
                  "Median OS was 9.0 vs 7.0 months (HR 0.80, 95% CI 0.66-0.97).")
    assert all("pd" not in a.subject for a in found if a.predicate == "isClinicalTrial")


def test_documents_with_result_tables_are_left_to_the_table_readers():
    # (the table's line column is read with the line's short name)
    vocabulary = Vocabulary([e for e in VOCAB if e.key != "first_line"]
                            + [Entity("first_line", "first-line", ("LineOfTherapy",), ("First",))])
    text = NAMED + ("\nTable 1 Trials\nYear Trial Line Drug Control Outcome\n"
                    "2019 ORCHID-7 First Zorbanib Placebo OS: 12.4 vs. 9.6 (0.80; 0.64-0.99)\n\n")
    doc = AnalysedDocument(Document.from_text("d", text), vocabulary, MentionFinder(vocabulary))
    assert list(prose_trials(doc)) == []


def test_a_table_that_gives_no_trial_leaves_the_prose_to_be_read():
    # a paper's table of baseline characteristics: its results are in its prose
    text = NAMED + ("\nTable 1 Baseline characteristics of the invented patients\n"
                    "Characteristic\tZorbanib (n = 300)\tPlacebo (n = 150)\nAge, years\t62\t61\nMale sex, %\t80\t82\n")
    assert arms(facts(text), "trial__orchid7") == ["zorbanib", "placebo"]
    assert arms(facts(text), "trial__orchid7") == arms(facts(NAMED), "trial__orchid7")


def test_rates_at_several_time_points_take_the_previous_endpoint():
    found = facts("In the phase 3 ORCHID-7 trial, patients were randomized to zorbanib or placebo. Median overall "
                  "survival was 12.4 vs 9.6 months. Rates at 6, 12, and 18 months were 80.1% vs 71.0%, 51.2% vs "
                  "40.3%, and 30.5% vs 21.9%, respectively. Median PFS was 4.4 vs 2.9 months, with 6- and 12-month "
                  "rates of 38% vs 20% and 15% vs 7%.")
    got = values(found)
    assert got[("zorbanib", "os", "18-month")] == D("30.5") and got[("placebo", "os", "6-month")] == D("71.0")
    assert got[("zorbanib", "pfs", "12-month")] == D("15") and got[("placebo", "pfs", "6-month")] == D("20")
    assert got[("zorbanib", "pfs", "")] == D("4.4") and len(got) == 14


def test_single_arm_trial_enrolment_is_its_arm_size():
    found = facts("The phase 2 study LUMEN-12 examined single-agent felotinib. In all, 187 eligible patients "
                  "were enrolled and treated. The objective response rate was 14%.")
    assert sizes(found) == {"felotinib": 187}


def test_other_studies_end_the_context():
    found = facts("In the phase 3 ORCHID-7 trial, patients were randomized to zorbanib or placebo. "
                  "Previous studies of felotinib versus placebo reported a median OS of 5.0 vs 4.0 months.")
    assert values(found) == {}


def test_three_arm_values_name_an_arm_by_listing_its_parts():
    found = facts("In the three-arm phase 3 HARBOR-2 study, 600 patients were randomly assigned to quorimab "
                  "plus felotinib and TACE, quorimab plus TACE, or TACE alone. Those given quorimab, felotinib, "
                  "and TACE had longer PFS than those given TACE alone (median PFS = 14.0 vs 8.0 months).")
    assert values(found) == {(agent_key(["quorimab", "felotinib", "tace"]), "pfs", ""): D("14.0"),
                             ("tace", "pfs", ""): D("8.0")}


# --- generalisation round: shapes met in fresh abstracts, news and registry entries ----------

def test_results_stated_before_the_randomisation_are_read_once_the_arms_are_known():
    found = facts("Topline data from the phase 3 ORCHID-7 trial showed that median overall survival was 12.4 months "
                  "with zorbanib and 9.6 months with placebo (HR, 0.70; 95% CI, 0.55-0.89). The study randomized "
                  "400 patients to zorbanib (n = 267) or placebo (n = 133).")
    assert values(found) == {("zorbanib", "os", ""): D("12.4"), ("placebo", "os", ""): D("9.6")}
    assert ratios(found)["os"].attribute_values("hazard_ratio") == [D("0.70")]


def test_a_name_given_later_names_the_unnamed_trial_with_the_same_arms():
    found = facts("Zorbanib versus placebo in advanced disease: a randomized, open-label phase 2/3 study.\n\n"
                  "Background: Zorbanib showed activity in a previous phase 1b study. Methods: In this open-label "
                  "phase 2/3 trial (PELICAN), patients were randomized (1:1) to zorbanib or placebo.")
    trials = [a for a in found if a.predicate == "isClinicalTrial"]
    assert [t.subject for t in trials] == ["trial__pelican"] and trial(found, "trial__pelican").attribute_values("phase") == ["II/III"]


def test_a_design_phrase_spanning_a_clause_is_not_a_new_trial():
    found = facts("In the phase 3 ORCHID-7 trial, patients were randomized to zorbanib or placebo. Efficacy boundaries "
                  "for noninferiority were not met for zorbanib and the study did not meet its primary endpoint.")
    assert [a.subject for a in found if a.predicate == "isClinicalTrial"] == ["trial__orchid7"]
    assert trial(found, "trial__orchid7").attribute_values("primary_endpoint_met") == [False]


def test_a_primary_endpoint_that_was_met_in_the_passive():
    found = facts("In the phase 3 ORCHID-7 trial, patients were randomized to zorbanib or placebo. While the primary "
                  "endpoint was met, progression-free survival did not differ.")
    assert trial(found, "trial__orchid7").attribute_values("primary_endpoint_met") == [True]


def test_patients_received_one_agent_in_a_study_without_randomisation_is_single_arm():
    found = facts("Long-term results of the LUMEN-12 study are reported. Patients received felotinib every 2 weeks "
                  "until progression. Thirty-eight patients were treated. The objective response rate was 21%.")
    assert arms(found, "trial__lumen12") == ["felotinib"] and sizes(found) == {"felotinib": 38}
    assert values(found) == {("felotinib", "orr", ""): D("21")}


def test_one_agent_received_in_a_randomised_trial_is_not_single_arm():
    found = facts("The ORCHID-7 study is randomised. Patients received felotinib every 2 weeks. "
                  "The objective response rate was 21%.")
    assert values(found) == {}


def test_registry_entry_single_arm_enrolment():
    found = facts("A Study of Felotinib in Participants With Liver Cancer\n\nNCT ID: NCT09876543\n\n"
                  "This is an open-label, single-arm, phase 4 study. This study will enroll 60 participants. "
                  "Participants will receive felotinib for 24 weeks.")
    assert arms(found, "trial__nct09876543") == ["felotinib"] and sizes(found) == {"felotinib": 60}
    assert trial(found, "trial__nct09876543").attribute_values("phase") == ["IV"]


def test_cohort_values_of_a_single_arm_trial_are_not_the_arms():
    found = facts("The phase 2 study LUMEN-12 examined single-agent felotinib. The objective response rate was 20% "
                  "and 14% in the treatment-naive and pretreated cohorts, respectively.")
    assert values(found) == {}


def test_a_subgroup_analysis_of_a_trial_gives_no_trial_results():
    found = facts("Outcomes by liver function: a retrospective analysis of the ORCHID-7 randomised trial. Patients "
                  "were randomised 2:1 to zorbanib or placebo. Median overall survival was 8.5 versus 3.8 months "
                  "(HR 0.32, 95% CI 0.18-0.58).")
    assert arms(found, "trial__orchid7") == ["zorbanib", "placebo"]
    assert values(found) == {} and ratios(found) == {}


def test_a_registry_page_with_pipe_rows_is_still_read():
    found = facts("A randomized, double-blind, phase 3 trial of zorbanib. Patients will be randomized to zorbanib "
                  "or placebo.\nStatus | Completed |\nEnrollment | 300 |\n")
    assert arms(found, comparison_trial_key(["zorbanib", "placebo"])) == ["zorbanib", "placebo"]


def test_a_later_list_of_three_arms_completes_a_comparison():
    found = facts("Results from the phase 3 ORCHID-7 trial compared quorimab plus zorbanib with felotinib. Treatment "
                  "tested: quorimab plus zorbanib or zorbanib alone vs felotinib.")
    assert arms(found, "trial__orchid7") == [REGIMEN_QZ, "zorbanib", "felotinib"]


def test_a_trial_card_titled_by_its_name_with_registry_labels():
    found = facts("ORCHID-7\n\nNCT01234567\n\nRegimen\nExperimental\nzorbanib + best care\nControl\nplacebo + best care\n\n"
                  "Key finding\nmOS 13.9 vs 10.6 mo (HR 0.78, 95% CI 0.61-0.99, p=0.02); did not meet the prespecified "
                  "threshold.")
    assert arms(found, "trial__orchid7") == ["zorbanib", "placebo"]
    assert trial(found, "trial__orchid7").attribute_values("nct_id") == ["NCT01234567"]
    assert values(found) == {("zorbanib", "os", ""): D("13.9"), ("placebo", "os", ""): D("10.6")}


def test_a_trial_spelled_out_before_its_acronym_and_the_ratio_in_the_arms_group():
    found = facts("The evidence comes from a randomised phase III trial by the Zorbanib Liver Assessment Randomised "
                  "Protocol (ZLARP) group. In all, 600 patients were randomised to either the zorbanib group "
                  "(299 patients) or the placebo group (301 patients). The median overall survival was 10.7 months in "
                  "the zorbanib group and 7.9 months in the placebo group (hazard ratio in the zorbanib group, 0.69; "
                  "p<0.001). The median time to radiologic progression was 5.5 months in the zorbanib group and "
                  "2.8 months in the placebo group.")
    assert sizes(found) == {"zorbanib": 299, "placebo": 301}
    assert ratios(found)["os"].attribute_values("hazard_ratio") == [D("0.69")]
    assert values(found)[("zorbanib", "ttp", "")] == D("5.5")
    assert trial(found, "trial__zlarp")


def test_a_trial_of_one_agent_in_a_document_that_compares_nothing_is_single_arm():
    found = facts("The phase 2 ORCHID-9 study assessed quorimab plus zorbanib in 100 patients. The objective response "
                  "rate was 36% and median PFS was 8.6 months.")
    assert values(found) == {(REGIMEN_QZ, "orr", ""): D("36"), (REGIMEN_QZ, "pfs", ""): D("8.6")}
    compared = facts("The phase 2 ORCHID-9 study assessed quorimab plus zorbanib in 100 patients, compared with "
                     "historical controls. The objective response rate was 36%.")
    assert values(compared) == {}


def test_a_phase_2_study_mentioned_in_passing_does_not_take_the_named_trials_randomisation():
    found = facts("Zorbanib for pretreated liver cancer (ZENITH-9): a final analysis of a phase 3, randomised study. "
                  "Zorbanib improved OS compared with placebo in a randomised phase 2 study. "
                  "The aim of this phase 3 study was to confirm those results. "
                  "300 patients were randomly assigned to receive zorbanib (n=200) or placebo (n=100). "
                  "Median OS was 8.0 months in the zorbanib group and 8.5 months in the placebo group (HR 0.96; 95% CI 0.70-1.30).")
    assert trial(found, "trial__zenith9").attribute_values("phase") == ["III"]
    assert arms(found, "trial__zenith9") == ["zorbanib", "placebo"]
    assert sizes(found) == {"zorbanib": 200, "placebo": 100}


def test_a_subgroup_analysis_gives_no_arm_sizes():
    found = facts("Zorbanib versus placebo in stage B disease: an exploratory analysis of ZENITH-9. "
                  "Patients were randomized 2:1 to zorbanib or placebo. "
                  "Of 500 enrolled patients, 70 had stage B disease (zorbanib, n = 47; placebo, n = 23).")
    assert arms(found, "trial__zenith9") == ["zorbanib", "placebo"]
    assert sizes(found) == {}


def test_a_phase_far_from_the_name_in_a_long_sentence_is_another_trials():
    found = facts("Quorimab plus zorbanib in liver cancer AU - ZENITH-9 Investigators N2 - BACKGROUND The combination of "
                  "quorimab and zorbanib showed encouraging antitumor activity and safety in an earlier phase 1b trial involving "
                  "patients with unresectable liver cancer. METHODS In a global, open-label, phase 3 trial, patients were "
                  "randomly assigned (2:1) to receive either quorimab plus zorbanib or felotinib.")
    assert trial(found, "trial__zenith9").attribute_values("phase") == ["III"]
    assert arms(found, "trial__zenith9") == [REGIMEN_QZ, "felotinib"]


def test_an_add_on_trials_counts_and_values_name_arms_by_what_sets_them_apart():
    found = facts("ZENITH-4 evaluated quorimab plus chemotherapy in biliary cancer. "
                  "In this phase 3 study, patients were randomized 1:1 to receive quorimab or placebo in combination with "
                  "zorbanib plus felotinib. "
                  "Overall, 600 patients were randomized to quorimab (n=301) or placebo (n=299) with chemotherapy. "
                  "Objective response rates were 26.5% with quorimab and 17.0% with placebo.")
    full, backbone = agent_key(["quorimab", "zorbanib", "felotinib"]), agent_key(["zorbanib", "felotinib"])
    assert arms(found, "trial__zenith4") == [full, backbone]
    assert sizes(found) == {full: 301, backbone: 299}
    assert values(found)[(full, "orr", "")] == D("26.5")


def test_a_retrospective_comparison_of_treated_patients_is_no_trial():
    found = facts("This retrospective single-center study compared the effects of zorbanib and felotinib. "
                  "After matching, 40 patients were treated with zorbanib and 80 with felotinib. "
                  "The OS (7.0 vs 9.1 months, p = 0.07) was comparable between the two drugs.")
    assert not [a for a in found if a.predicate == "isClinicalTrial"]


@pytest.mark.parametrize("methods", [
    "All adults with HCC who took zorbanib or felotinib in 2019 at an invented centre were retrospectively reviewed.",
    "Invented records of adults given zorbanib or felotinib were analysed retrospectively.",
    "We retrospectively examined the outcomes of zorbanib or felotinib given at two invented institutions.",
    "Outcomes of zorbanib or felotinib in real-world practice at two invented institutions were collected.",
])
def test_patients_reviewed_retrospectively_are_no_trial(methods):
    found = facts(f"Zorbanib versus felotinib in HCC: a preliminary study\n\nMethods: {methods} Sixty adults received "
                  "zorbanib (20 patients) or felotinib (40 patients). Results: Median PFS was 4.1 versus 3.9 months.\n")
    assert not [a for a in found if a.predicate in ("isClinicalTrial", "hasArm", "hasMeasurement")]


def test_a_prospective_trial_compared_with_retrospective_data_stays_a_trial():
    # observational data the trial is set against (an exploratory comparison) do not make the document observational
    found = facts("Methods: This open-label, phase 2, single-arm study enrolled patients from 20 centres. "
                  "Patients received zorbanib 200 mg daily. An exploratory analysis weighed the results against "
                  "retrospective historical data of felotinib-treated patients. Results: In total, 52 patients "
                  "were enrolled. The objective response rate was 31.0%.")
    trials = [a.subject for a in found if a.predicate == "isClinicalTrial"]
    assert len(trials) == 1
    assert values(found)[("zorbanib", "orr", "")] == D("31.0")


def test_a_single_arm_trial_gains_no_arm_from_a_comparison_with_outside_patients():
    found = facts("This phase 2, single-arm trial enrolled 60 patients. Patients received zorbanib 200 mg daily. "
                  "The median PFS was 7.1 months. After weighting, PFS was 7.1 months with zorbanib versus "
                  "4.0 months with TACE in a historical cohort (HR 0.70).")
    trial_key = next(a.subject for a in found if a.predicate == "isClinicalTrial")
    assert arms(found, trial_key) == ["zorbanib"]
    assert all(a.attribute_values("hazard_ratio") != [D("0.70")] for a in found)


def test_care_every_arm_receives_read_first_as_the_comparator_becomes_the_arm_the_assignment_names():
    found = facts("In the phase 3 KESTREL trial, zorbanib cut the risk of death by 30% compared with best supportive "
                  "care. Median OS was 10.1 months with zorbanib and 7.0 months with BSC (HR 0.70; 95% CI 0.55-0.85). "
                  "KESTREL randomised 300 patients 2:1 to BSC plus either zorbanib (n = 200) or placebo (n = 100).")
    assert arms(found, "trial__kestrel") == ["zorbanib", "placebo"]
    assert sizes(found) == {"zorbanib": 200, "placebo": 100}
    assert values(found)[("placebo", "os", "")] == D("7.0")


def test_a_trial_named_in_apposition_is_a_trial_even_before_its_arms():
    found = facts("The approval rested on the findings of KESTREL, a phase 3 trial in adults with advanced HCC.")
    assert trial(found, "trial__kestrel").attribute_values("trial_name") == ["KESTREL"]


def test_a_comparison_put_first_names_its_subject_after_the_comma():
    found = facts("The approval rested on the findings of KESTREL, a phase 3 trial in adults with advanced HCC. "
                  "Compared with placebo in this study, zorbanib prolonged overall survival.")
    assert arms(found, "trial__kestrel") == ["zorbanib", "placebo"]


def test_an_earlier_study_the_documents_own_confirms_is_no_trial_of_the_document():
    found = facts("Zorbanib for advanced HCC (KESTREL-7): a final analysis of a phase 3, randomised study\n\n"
                  "Zorbanib improved OS compared with placebo in a randomised phase 2 study in pretreated patients. "
                  "The aim of this phase 3 study was to confirm the findings of the earlier phase 2 trial. 340 patients were "
                  "randomly assigned to receive zorbanib (n=226) or placebo (n=114).")
    assert [a.subject for a in found if a.predicate == "isClinicalTrial"] == ["trial__kestrel7"]


def test_estimates_bracketed_each_after_what_it_measures_go_to_their_own_endpoints():
    found = facts("In the phase 3 KESTREL trial, patients were randomised to zorbanib or placebo. Zorbanib improved "
                  "time to vascular invasion (HR, 0.64 [95% CI: 0.45-0.90]), TTP (0.61 [0.48-0.77]), and rate of "
                  "retreatment (0.72 [0.61-0.86]), but not OS (0.94 [0.72-1.22]) versus placebo.")
    assert {endpoint: r.attribute_values("hazard_ratio") for endpoint, r in ratios(found).items()} == \
        {"ttp": [D("0.61")], "os": [D("0.94")]}


def test_a_single_arm_trials_values_per_group_sharing_one_head_noun_are_no_arm_values():
    found = facts("In the phase 2 KESTREL-4 study, 72 sorafenib-naive and 131 sorafenib-experienced patients were "
                  "given zorbanib. The 2-year OS rates reached 31% in the sorafenib-naive and 22% in the "
                  "sorafenib-experienced cohorts.")
    assert arms(found, "trial__kestrel4") == ["zorbanib"]
    assert not values(found)


@pytest.mark.parametrize("weighted", ["PFS by IPW was", "After propensity-score matching, PFS was",
                                      "PFS with inverse probability weighting was"])
def test_a_result_weighed_against_outside_patients_is_no_result_of_the_trial(weighted):
    found = facts("This phase 2, single-arm trial enrolled 60 patients. Patients received zorbanib 200 mg daily. "
                  f"The median PFS was 7.1 months. {weighted} 9.2 months with zorbanib versus 5.7 months with TACE.")
    assert values(found) == {("zorbanib", "pfs", ""): D("7.1")}


def test_a_trial_named_after_its_randomisation_is_the_unnamed_trial_read_so_far():
    # the unnamed trial comes after other named trials: the look-up keeps only trials with no name
    found = facts("The KESTREL-3 trial compared quorimab with placebo (HR 0.90; 95% CI 0.70-1.10). "
                  "The WREN-8 trial compared felotinib with placebo (HR 0.95; 95% CI 0.75-1.15). "
                  "In a randomised phase 3 trial, patients were randomised to zorbanib or felotinib. "
                  "In the phase 3 HERON-5 trial, patients were randomised to zorbanib or felotinib; overall "
                  "survival favoured zorbanib (HR 0.71; 95% CI 0.60-0.84).")
    trials = [a.subject for a in found if a.predicate == "isClinicalTrial"]
    assert trials == ["trial__kestrel3", "trial__wren8", "trial__heron5"]  # one trial, not an unnamed one as well
    assert arms(found, "trial__heron5") == ["zorbanib", "felotinib"]


class _CountedSlot:
    """A slot that counts how often its names are asked for."""

    asked = 0

    def __init__(self, named: bool):
        self._names = ["a name"] if named else []

    @property
    def names(self):
        _CountedSlot.asked += 1
        return self._names


def test_unnamed_slots_come_in_the_dicts_order_without_asking_every_named_slot():
    from hcc_kg.extract.abstracts import Slots

    slots = Slots()
    for i in range(200):
        slots[f"named{i}"] = _CountedSlot(named=True)
        if i % 50 == 0:
            slots[f"unnamed#{i}"] = _CountedSlot(named=False)
    slots["late"] = slots.pop("unnamed#50")  # named later: moved to the end, as the reader does
    slots["late"]._names.append("its name")
    slots.setdefault("another", _CountedSlot(named=False))
    scan = [(k, s) for k, s in slots.items() if not s._names]
    assert slots.unnamed() == scan == [(k, slots[k]) for k in ("unnamed#0", "unnamed#100", "unnamed#150", "another")]
    _CountedSlot.asked = 0
    assert slots.unnamed() == scan
    assert _CountedSlot.asked == len(scan)  # not one per trial: a sentence naming a new trial would be quadratic


def test_counts_before_each_agent_name_the_arms_and_their_sizes():
    found = facts("In the LOTUS-4 study, 210 patients were randomised to zorbanib and 105 to placebo. "
                  "Median overall survival was 11.0 months in the zorbanib group and 8.2 months in the placebo group.")
    assert arms(found, "trial__lotus4") == ["zorbanib", "placebo"]
    assert sizes(found) == {"zorbanib": 210, "placebo": 105}
    found = facts("A total of 96 patients joined the LOTUS-5 study; 64 received felotinib and 32 received placebo.")
    assert arms(found, "trial__lotus5") == ["felotinib", "placebo"]
    assert sizes(found) == {"felotinib": 64, "placebo": 32}


def test_one_counted_agent_is_no_list_of_arms():
    found = facts("In the LOTUS-6 study, 40 patients received zorbanib, and felotinib was given at progression.")
    assert sizes(found).get("felotinib") is None


def test_the_other_arm_named_after_its_value_in_a_comparison():
    found = facts("In the LOTUS-8 trial, patients receiving zorbanib had a median overall survival of 14.0 months "
                  "compared with 11.5 months for those receiving felotinib (HR 0.81, 95% CI 0.70-0.94).")
    assert arms(found, "trial__lotus8") == ["zorbanib", "felotinib"]
    assert values(found) == {("zorbanib", "os", ""): D("14.0"), ("felotinib", "os", ""): D("11.5")}
    assert ratios(found)["os"].attribute_values("hazard_ratio") == [D("0.81")]


@pytest.mark.parametrize("other", ["those given", "patients who were given", "pts on", "those who were treated with",
                                   "patients taking", "those in the"])
def test_the_other_arm_named_by_what_its_patients_were_given(other):
    found = facts("Results of the LOTUS-9 trial showed that patients treated with zorbanib plus quorimab (n = 212) had a "
                  f"median overall survival of 20.1 months (95% CI, 18.0-22.3) compared with 14.6 months for {other} "
                  "felotinib (n = 209; HR, 0.70).")
    assert arms(found, "trial__lotus9") == [REGIMEN_QZ, "felotinib"]
    assert sizes(found) == {REGIMEN_QZ: 212, "felotinib": 209}


@pytest.mark.parametrize("listed", ["to zorbanib or felotinib (zorbanib, n = 182; felotinib, n = 178)",
                                    "to zorbanib or felotinib (zorbanib, 182; felotinib, 178)",
                                    "(zorbanib: 182, felotinib: 178)"])
def test_arms_restated_with_their_counts_after_the_randomisation(listed):
    found = facts(f"In the phase 3 LOTUS-71 trial, 360 patients were randomly assigned {listed}. Median OS was 8.8 "
                  "versus 10.0 months.")
    assert arms(found, "trial__lotus71") == ["zorbanib", "felotinib"]  # not a zorbanib-felotinib regimen
    assert sizes(found) == {"zorbanib": 182, "felotinib": 178}
    # "(X plus A: 234, A: 225)" with X unknown: the first count is not A's
    found = facts("In the phase 3 LOTUS-71 trial, 459 patients were randomly assigned (virotherapy plus felotinib: 234, "
                  "felotinib: 225).")
    assert sizes(found).get("felotinib") != 234


@pytest.mark.parametrize("prior", ["who were previously treated with felotinib", "after felotinib"])
def test_a_notice_basing_its_approval_on_a_placebo_controlled_trial(prior):
    # the drug the patients had before is no second drug: the approved one was tested against placebo
    found = facts(f"The agency approved zorbanib for adults with liver cancer {prior}. The approval was based on "
                  "LOTUS-73, a randomized, double-blind, placebo-controlled trial.")
    assert arms(found, "trial__lotus73") == ["zorbanib", "placebo"]
    assert sizes(found) == {}


def test_a_count_in_the_arms_own_parenthesis_after_what_it_is_given_as():
    found = facts("In the phase 3 LOTUS-74 trial, adults were randomized 1:1:1 to receive zorbanib plus quorimab combination "
                  "therapy (Z+Q; n = 301), zorbanib monotherapy (Z; n = 298), or felotinib (F; n = 297).")
    assert arms(found, "trial__lotus74") == [REGIMEN_QZ, "zorbanib", "felotinib"]
    assert sizes(found) == {REGIMEN_QZ: 301, "zorbanib": 298, "felotinib": 297}


def test_superior_or_non_inferior_to_compares_two_arms():
    found = facts("Zorbanib was non-inferior to felotinib for overall survival (13.0 vs 12.1 months; HR 0.90, "
                  "95% CI 0.78-1.04) in the LOTUS-9 trial.")
    assert arms(found, "trial__lotus9") == ["zorbanib", "felotinib"]
    assert values(found) == {("zorbanib", "os", ""): D("13.0"), ("felotinib", "os", ""): D("12.1")}


def test_a_comparator_named_after_long_bracketed_results():
    found = facts("In the LOTUS-10 trial, quorimab plus felotinib improved median progression-free survival "
                  "(6.1 vs 4.0 months; HR 0.55, 95% CI 0.44-0.69; p<0.0001) and median overall survival "
                  "(21.0 vs 16.3 months; HR 0.66, 95% CI 0.52-0.83; p<0.001) compared with zorbanib.")
    assert arms(found, "trial__lotus10") == [REGIMEN_QF, "zorbanib"]
    assert values(found)[(REGIMEN_QF, "os", "")] == D("21.0")
    assert ratios(found)["pfs"].attribute_values("hazard_ratio") == [D("0.55")]


def test_alternatives_each_with_its_own_size_are_the_arms():
    found = facts("In the open-label, phase 3 LOTUS-11 trial, patients received zorbanib (n = 120) or felotinib "
                  "(n = 118). Median overall survival was 14.2 vs 11.9 months.")
    assert arms(found, "trial__lotus11") == ["zorbanib", "felotinib"]
    assert sizes(found) == {"zorbanib": 120, "felotinib": 118}


def test_alternatives_without_sizes_are_no_arms():
    found = facts("In the phase 3 LOTUS-12 trial, patients previously treated with zorbanib or felotinib were "
                  "given quorimab.")
    assert arms(found, "trial__lotus12") != ["zorbanib", "felotinib"]


def test_reference_numbers_glued_to_names_do_not_hide_them():
    found = facts("In the randomized, phase 3 LOTUS-13 trial,4 patients were randomized to zorbanib1 (n = 120) or "
                  "felotinib (n = 118).5 Median OS2 was 14.2 vs 11.9 months.")
    assert arms(found, "trial__lotus13") == ["zorbanib", "felotinib"]
    assert values(found) == {("zorbanib", "os", ""): D("14.2"), ("felotinib", "os", ""): D("11.9")}


def test_a_single_arm_study_of_a_drug_in_patients_pretreated_with_another():
    found = facts("LOTUS-51 was a single-arm, phase 2 study of quorimab in 90 patients previously treated with "
                  "zorbanib. The ORR was 18%.")
    assert arms(found, "trial__lotus51") == ["quorimab"]
    assert values(found) == {("quorimab", "orr", ""): D("18")}


def test_a_trial_of_one_drug_with_its_enrolment():
    found = facts("A total of 47 patients were enrolled in the phase 2 LOTUS-52 trial of felotinib. Median OS was "
                  "13.1 months.")
    assert arms(found, "trial__lotus52") == ["felotinib"]
    assert sizes(found) == {"felotinib": 47}
    assert values(found) == {("felotinib", "os", ""): D("13.1")}


def test_a_trial_named_only_in_the_background_is_not_the_one_reported():
    text = ("Background: Felotinib improved survival in the LOTUS-61 trial (HR 0.69). Methods: In this "
            "phase 3 trial, we randomly assigned patients to zorbanib or felotinib. Results: Median OS was 13.6 versus "
            "12.3 months (HR 0.92).")
    found = facts(text)
    trials = {a.subject for a in found if a.predicate == "isClinicalTrial"}
    # the earlier trial keeps the agent its background names with it, and nothing of the report's
    assert trials == {comparison_trial_key(["zorbanib", "felotinib"]), "trial__lotus61"}
    assert arms(found, "trial__lotus61") == ["felotinib"]
    assert {r.attribute_values("hazard_ratio")[0] for r in ratios(found).values()} == {D("0.92")}
    # named again after the background, it is the trial reported
    found = facts(text.replace("In this phase 3 trial, we", "In the phase 3 LOTUS-61 trial, we"))
    assert arms(found, "trial__lotus61") == ["zorbanib", "felotinib"]
    # ... but the result its background stated before the arms were known is an earlier one, not read
    assert {r.attribute_values("hazard_ratio")[0] for r in ratios(found).values()} == {D("0.92")}


def test_a_trial_the_background_names_with_its_agent_takes_none_of_the_study_reported():
    # the study reported is an observational one: its patients and values are not the earlier trial's
    found = facts("Background: Quorimab was shown to be effective in the phase 3 LOTUS-66 trial. We aimed to assess it in "
                  "frail patients. Methods: This prospective observational study gave quorimab to frail patients. "
                  "Results: Thirty-one patients were enrolled. The 1-year survival rate was 71.0%.")
    assert arms(found, "trial__lotus66") == ["quorimab"]
    assert sizes(found) == {} and values(found) == {}


def test_a_randomised_trial_still_to_come_leaves_the_reported_trial_single_arm():
    text = ("The phase 2 ORCHID-10 study assessed quorimab in 60 patients. The objective response rate was 30%. "
            "A randomised phase 3 trial versus zorbanib {}.")
    for planned in ("is planned", "will be initiated"):
        assert values(facts(text.format(planned))) == {("quorimab", "orr", ""): D("30")}, planned
    assert values(facts(text.format("was completed"))) == {}  # a randomised trial did happen: not a one-arm document


def test_a_single_arm_trial_whose_agent_is_the_subject_of_a_passive():
    found = facts("LOTUS-53 (NCT01234567) is a single-arm phase 2 trial. Quorimab 20 mg/kg was given every 3 weeks. "
                  "Results: 65 pts were treated. The ORR was 38.5%.")
    assert arms(found, "trial__lotus53") == ["quorimab"]
    assert sizes(found) == {"quorimab": 65}
    assert values(found) == {("quorimab", "orr", ""): D("38.5")}


def test_a_drug_after_progression_on_a_first_line_regimen_is_prior_therapy():
    found = facts("ORCHID-11, a single-arm phase 2 study of quorimab plus zorbanib in 94 patients whose cancer "
                  "progressed on first-line felotinib plus TACE. The ORR was 18.1%.")
    assert arms(found, "trial__orchid11") == [REGIMEN_QZ]
    assert sizes(found) == {REGIMEN_QZ: 94}


def test_an_agent_evaluated_in_a_named_trial_is_its_arm():
    found = facts("In the phase 2 LOTUS-60 trial, quorimab was evaluated in 60 patients. The ORR was 10%.")
    assert arms(found, "trial__lotus60") == ["quorimab"]
    assert sizes(found) == {"quorimab": 60}
    assert values(found) == {("quorimab", "orr", ""): D("10")}


def test_single_agent_or_single_arm_data_said_of_something_else_is_no_design():
    found = facts("The maker withdrew the indication of quorimab as a single agent after the ORCHID-12 study failed. "
                  "In ORCHID-12, a phase 3 trial in 531 patients, quorimab was compared with the investigator's choice "
                  "of zorbanib or felotinib. Other approvals granted on single-arm data were also withdrawn.")
    assert arms(found, "trial__orchid12") == ["quorimab"]  # the one agent compared with a choice of others
    assert sizes(found) == {}  # no single-arm trial: the 531 patients are the whole trial's


def test_a_background_trial_stating_its_own_comparison_keeps_it():
    found = facts("Background: Felotinib improved survival over placebo in the LOTUS-62 trial (HR 0.69). Methods: In "
                  "this phase 3 trial, we randomly assigned patients to zorbanib or felotinib. Results: Median OS was "
                  "13.6 versus 12.3 months (HR 0.92).")
    assert arms(found, "trial__lotus62") == ["felotinib", "placebo"]
    assert arms(found, comparison_trial_key(["zorbanib", "felotinib"])) == ["zorbanib", "felotinib"]


def test_a_registry_number_in_brackets_after_the_named_trials_randomisation_is_its_own():
    found = facts("Zorbanib versus felotinib: final results of the phase 3 ORCHID-13 trial. Methods: Adults were "
                  "randomly assigned to zorbanib or felotinib (NCT01234567). Results: Median OS was 13.6 versus 12.3 months.")
    trials = [a for a in found if a.predicate == "isClinicalTrial"]
    assert [t.subject for t in trials] == ["trial__orchid13"]
    assert list(trials[0].attribute_values("nct_id")) == ["NCT01234567"]


def test_after_the_background_the_title_trial_is_the_context_again():
    text = ("HERON-5 (KXQ2201): a single-arm phase 2 study of zorbanib in an invented cancer\n\n"
            "Background: Zorbanib prolonged OS in the LOTUS-63 trial, but few patients responded. "
            "Methods: Patients received 240 mg zorbanib daily. Results: 40 patients were enrolled. "
            "The median PFS and OS were 4.1 months and 11.0 months, respectively.")
    found = facts(text)
    key = next(a.subject for a in found if a.predicate == "isClinicalTrial" and a.subject != "trial__lotus63")
    assert key in {"trial__heron5", "trial__kxq2201"}
    assert arms(found, key) == ["zorbanib"] and sizes(found) == {"zorbanib": 40}
    assert values(found) == {("zorbanib", "pfs", ""): D("4.1"), ("zorbanib", "os", ""): D("11.0")}
    # a document whose title names no trial keeps no context after its background (a title naming the design,
    # "A single-arm phase 2 study of zorbanib", is read as a sentence: it names the study, test_abstract_designs)
    untitled = facts(text.replace("HERON-5 (KXQ2201): a single-arm phase 2 study of zorbanib", "Zorbanib"))
    assert [a.subject for a in untitled if a.predicate == "hasArm"] == ["trial__lotus63"]  # the background's own
    assert sizes(untitled) == {} and values(untitled) == {}


# ---- shapes from fresh real texts (helper H22), with invented trials, drugs and numbers

def estimates(found):
    return sorted((a.object, a.attribute_values("hazard_ratio")[0], a.context_value("experimental"),
                   a.context_value("comparator")) for a in found if a.predicate == "hasEffectEstimate")


ADJUSTED = ("Zorbanib versus placebo in an invented cancer: the phase 3 HALCYON trial. 300 patients were randomized "
            "2:1 to zorbanib (n=200) or placebo (n=100). Median OS was 10.3 months with zorbanib vs 7.5 months with "
            "placebo (HR 0.79, 95% CI 0.56-1.12). ")


@pytest.mark.parametrize("adjusted", [
    "When adjusted for crossover, median OS with placebo was 5.1 months (HR 0.49, 95% CI 0.34-0.70).",
    "According to the rank-preserving structural failure time method, adjusted median OS for placebo was 5.1 "
    "months, a significant improvement for zorbanib (HR 0.49; 95% CI 0.34-0.70).",
    "In a sensitivity analysis, median OS with placebo was 5.1 months (HR 0.49).",
])
def test_an_analysis_adjusting_the_result_away_is_not_the_trials_result(adjusted):
    found = facts(ADJUSTED + adjusted)
    assert values(found) == {("zorbanib", "os", ""): D("10.3"), ("placebo", "os", ""): D("7.5")}
    assert [e[1] for e in estimates(found)] == [D("0.79")]


def test_an_adjusted_ratio_after_the_trials_own_keeps_the_trials():
    found = facts(ADJUSTED.replace("(HR 0.79, 95% CI 0.56-1.12). ", "(HR 0.79, 95% CI 0.56-1.12; after adjustment "
                                   "for crossover, HR 0.49, 95% CI 0.34-0.70)."))
    assert [e[1] for e in estimates(found)] == [D("0.79")]
    assert [e[1] for e in estimates(facts(ADJUSTED))] == [D("0.79")]  # and a plain one is read as before


def test_what_a_randomised_trial_states_in_its_treated_population_is_not_its_result():
    found = facts(ADJUSTED + "In the treated population, median OS was 12.2 vs 7.0 months (HR = 0.66, P = .04).")
    assert values(found) == {("zorbanib", "os", ""): D("10.3"), ("placebo", "os", ""): D("7.5")}
    assert [e[1] for e in estimates(found)] == [D("0.79")]
    # a single-arm trial's treated population is its arm
    found = facts("In the phase 2 single-arm HERON-2 study, 60 patients received zorbanib. In the treated "
                  "population, the median OS was 12.2 months.")
    assert values(found) == {("zorbanib", "os", ""): D("12.2")}


LEAD = ("Major finding: Adding quorimab to zorbanib improved overall survival (HR for death, 0.73; P = .004) compared "
        "with zorbanib alone. Study details: final outcomes from the phase 2 KESTREL-9 study of 612 patients randomly "
        "assigned to quorimab or placebo, each in combination with zorbanib.")


def test_results_a_news_item_states_before_it_names_its_one_trial_are_that_trials():
    found = facts(LEAD)
    assert arms(found, "trial__kestrel9") == [REGIMEN_QZ, "zorbanib"]
    assert estimates(found) == [("os", D("0.73"), f"arm__kestrel9__{REGIMEN_QZ}", "arm__kestrel9__zorbanib")]


def test_a_lead_is_not_given_to_one_of_several_trials():
    found = facts(LEAD + " The earlier LOTUS-4 trial randomly assigned patients to felotinib or placebo.")
    assert estimates(found) == []


def test_the_drug_an_approval_is_based_on_a_named_trial_for_is_its_single_arm():
    text = ("The FDA has approved Zorbanib for adults with an invented cancer. The FDA approval of zorbanib is based "
            "on results from KESTREL-12, the largest clinical trial conducted to date. In the trial, zorbanib "
            "demonstrated an ORR of 36%. The median PFS was 6.8 months.")
    found = facts(text)
    assert arms(found, "trial__kestrel12") == ["zorbanib"]
    assert values(found) == {("zorbanib", "orr", ""): D("36"), ("zorbanib", "pfs", ""): D("6.8")}
    # a drug named far from what the sentence bases on the trial is not what the trial tested
    far = facts(text.replace("The FDA approval of zorbanib is based on", "Zorbanib was discussed at a meeting "
                                                                       "where the label was said to be based on"))
    assert arms(far, "trial__kestrel12") == []


def test_arms_named_by_role_and_by_their_number_of_drugs():
    text = ("In the phase 3 KESTREL-20 trial, the addition of zorbanib to quorimab and felotinib improved PFS. "
            "The median PFS was not reached in the study arm vs 11.3 months in the control arm (HR 0.73). "
            "In the triplet arm, the median OS was 41.9 months vs 42.0 months in the doublet arm.")
    found = facts(text)
    triplet, doublet = agent_key(["zorbanib", "quorimab", "felotinib"]), REGIMEN_QF
    assert arms(found, "trial__kestrel20") == [triplet, doublet]
    assert values(found) == {(doublet, "pfs", ""): D("11.3"), (triplet, "os", ""): D("41.9"),
                             (doublet, "os", ""): D("42.0")}


def test_each_ratio_of_a_three_arm_trial_goes_to_the_comparison_stated_before_it():
    text = ("In this phase 3 trial, we randomly assigned patients to zorbanib plus quorimab, zorbanib plus "
            "felotinib, or placebo. Progression-free survival was longer with zorbanib plus quorimab than with "
            "placebo (median, 23.9 vs. 9.2 months; hazard ratio, 0.39; 95% CI, 0.32 to 0.49) and was longer with "
            "zorbanib plus felotinib than with placebo (median, 14.7 vs. 9.2 months; hazard ratio, 0.65; 95% CI, "
            "0.53 to 0.80).")
    found = facts(text)
    key = next(a.subject for a in found if a.predicate == "isClinicalTrial")
    zq, zf = agent_key(["zorbanib", "quorimab"]), agent_key(["zorbanib", "felotinib"])
    assert values(found) == {(zq, "pfs", ""): D("23.9"), ("placebo", "pfs", ""): D("9.2")}
    arm = lambda agent: f"arm__{key.removeprefix('trial__')}__{agent}"  # noqa: E731
    assert estimates(found) == [("pfs", D("0.39"), arm(zq), arm("placebo")), ("pfs", D("0.65"), arm(zf), arm("placebo"))]


def test_one_count_for_each_group_goes_to_every_arm_of_the_trial_in_context():
    text = ("In the phase 3 KESTREL-30 trial, adults were randomly assigned to zorbanib or placebo. In total, "
            "150 patients were assigned to each group. Median OS was 12.0 versus 9.0 months.")
    assert sizes(facts(text)) == {"zorbanib": 150, "placebo": 150}
    planned = text.replace("In total, 150 patients were assigned to each group.",
                           "A total of 150 patients per group would give 80% power.")
    assert sizes(facts(planned)) == {}


def test_values_for_a_biomarker_population_are_not_the_trials():
    text = ("In the phase 3 KESTREL-40 trial, patients were randomly assigned to zorbanib or placebo. The 5-year PFS "
            "rates were 13.4% vs 3.6% in the PD-L1-positive population (HR[95% CI]: 0.57[0.47-0.70]). The ORR in the "
            "overall population was 59.7% with zorbanib vs 32.0% with placebo.")
    found = facts(text)
    assert values(found) == {("zorbanib", "orr", ""): D("59.7"), ("placebo", "orr", ""): D("32.0")}
    assert estimates(found) == []


@pytest.mark.parametrize("sentence", [
    "Median PFS times for zorbanib and placebo were not estimable (NE) and 9.3 months (95% CI 7.6-11.1), respectively.",
    "The median PFS was not reached (NR; 95% CI, 64.3 months to NR) vs 9.1 months (95% CI, 7.4-10.9), respectively, "
    "with zorbanib and placebo.",
    "Median PFS was not reached in the adults who received zorbanib and was 9.3 months (95% CI 7.6, NE) in those who "
    "received placebo.",
])
def test_a_median_not_reached_holds_its_arms_place(sentence):
    found = facts("In the phase 3 KESTREL-50 trial, adults were randomly assigned to zorbanib or placebo. " + sentence)
    assert [k for k in values(found)] == [("placebo", "pfs", "")]


@pytest.mark.parametrize("background", [
    "Background: Efficacy and safety outcomes were assessed in LOTUS-64 with a minimum follow-up of 5 years.",
    "Background: Here we report the final overall survival analysis of LOTUS-64.",
    "Background: Long-term outcomes of the LOTUS-64 trial are reported.",
    "Background: This analysis of LOTUS-64 describes 5-year survival.",
])
def test_a_background_saying_what_this_report_gives_names_the_trial_reported(background):
    found = facts(f"{background} Methods: Patients were randomized to zorbanib or felotinib (N = 300 vs 298). "
                  "Results: Median OS was 13.6 versus 12.3 months (hazard ratio, 0.72).")
    assert arms(found, "trial__lotus64") == ["zorbanib", "felotinib"]
    assert sizes(found) == {"zorbanib": 300, "felotinib": 298}
    assert values(found) == {("zorbanib", "os", ""): D("13.6"), ("felotinib", "os", ""): D("12.3")}


@pytest.mark.parametrize("background", [
    "Background: Felotinib improved survival in LOTUS-65.",
    "Background: Primary results of LOTUS-65 were reported previously.",
])
def test_a_background_naming_an_earlier_trial_still_gives_it_no_later_arms(background):
    found = facts(f"{background} Methods: Patients were randomized to zorbanib or felotinib. "
                  "Results: Median OS was 13.6 versus 12.3 months.")
    assert arms(found, "trial__lotus65") == []
    assert arms(found, comparison_trial_key(["zorbanib", "felotinib"])) == ["zorbanib", "felotinib"]


def test_a_comparison_said_of_another_named_trial_leaves_the_first_single_arm():
    text = ("Quorimab earned a designation based on findings from the phase 2 LOTUS-1 trial. Patients in the "
            "intent-to-treat arm who received a 600 mg dose of quorimab had an objective response rate of 43% and a "
            "disease control rate of 80%. The ongoing phase 3 LOTUS-12 trial is evaluating quorimab compared with felotinib.")
    found = facts(text)
    assert arms(found, "trial__lotus1") == ["quorimab"]
    assert values(found) == {("quorimab", "orr", ""): D("43"), ("quorimab", "dcr", ""): D("80")}
    assert arms(found, "trial__lotus12") == ["quorimab", "felotinib"]
    # a comparison said while the first trial is in context is that trial's
    found = facts(text.replace("The ongoing phase 3 LOTUS-12 trial is evaluating", "Later,"))
    assert arms(found, "trial__lotus1") == ["quorimab", "felotinib"]


def test_the_trial_known_as_a_name_names_the_trial_in_context():
    found = facts("The maker reported data from the phase 3 trial of zorbanib versus placebo in thyroid cancer. The trial, "
                  "known as HALCYON, met its primary endpoint, with a median PFS of 11.2 months in the zorbanib arm compared "
                  "with 4.0 months in the placebo arm.")
    assert [a.subject for a in found if a.predicate == "isClinicalTrial"] == ["trial__halcyon"]
    assert values(found) == {("zorbanib", "pfs", ""): D("11.2"), ("placebo", "pfs", ""): D("4.0")}


@pytest.mark.parametrize("design", ["The double-blind, randomized, placebo-controlled phase 3 trial of zorbanib (LOTUS-70)",
                                    "The placebo-controlled LOTUS-70 study of zorbanib"])
def test_a_placebo_controlled_trial_of_an_agent_is_that_agent_against_placebo(design):
    found = facts(f"{design} in patients after progression on felotinib demonstrated a progression-free survival benefit "
                  "favoring the study drug (4.9 months vs 1.9 months, HR 0.33, 95% CI 0.25 to 0.43).")
    assert arms(found, "trial__lotus70") == ["zorbanib", "placebo"]
    assert values(found) == {("zorbanib", "pfs", ""): D("4.9"), ("placebo", "pfs", ""): D("1.9")}


def test_the_design_adjective_names_no_arm():
    from hcc_kg.extract.prose_arms import agents
    doc = AnalysedDocument(Document.from_text("d", "A placebo-controlled trial compared zorbanib with felotinib."), VOCAB, FINDER)
    assert [a.key for a in agents(doc, doc.sentences[0])] == ["zorbanib", "felotinib"]


SUMMARY_AFTER_A_REMARK = (
    "Zorbanib plus TACE for liver cancer (ORBITAL)\n\n"
    "This is a summary of the report of a randomised clinical trial (ORBITAL) published in an invented journal. "
    "Zorbanib is a standard first-line option. However, studies have found only small gains in survival. "
    "The phase 3 study was a multicentre, open-label trial. "
    "A total of 300 patients were randomly assigned to zorbanib plus TACE (n = 150) or zorbanib alone (n = 150). "
    "Median overall survival was 17.0 months with zorbanib plus TACE and 12.0 months with zorbanib alone.\n")


def test_the_study_after_a_remark_on_other_studies_is_the_documents_named_trial():
    found = facts(SUMMARY_AFTER_A_REMARK)
    assert {a.subject for a in found if a.predicate == "isClinicalTrial"} == {"trial__orbital"}
    assert sizes(found) == {agent_key(["zorbanib", "tace"]): 150, "zorbanib": 150}


def test_with_two_named_trials_the_study_is_not_guessed():
    text = SUMMARY_AFTER_A_REMARK.replace("Zorbanib is a standard", "The earlier HELIOS-2 trial made zorbanib a standard")
    found = facts(text)
    assert arms(found, "trial__orbital") == [] and arms(found, "trial__helios2") == []  # named, their arms not stated
    assert sizes(found) == {agent_key(["zorbanib", "tace"]): 150, "zorbanib": 150}  # an unnamed trial's


@pytest.mark.parametrize("design", ["open label, phase 2", "double blind, placebo controlled, phase 3",
                                    "open-label, phase 2"])
def test_the_design_written_with_spaces_refers_to_the_trial_in_context(design):
    text = (f"Final results of a phase {design[-1]} study of zorbanib plus felotinib in liver cancer\n\n"
            f"The company reported the final results of the {design} study (NCT01234567) of zorbanib plus "
            "felotinib. The objective response rate was 30% and the median overall survival was 15.0 months.\n")
    found = facts(text)
    assert {a.subject for a in found if a.predicate == "isClinicalTrial"} == {"trial__nct01234567"}


def test_a_trial_named_without_its_arms_is_kept_by_name_and_phase():
    found = facts("The agency approved zorbanib and felotinib on the basis of the phase 3 HELIOS-2 trial.")
    assert trial(found, "trial__helios2").attributes == (("trial_name", "HELIOS-2"), ("phase", "III"))
    assert arms(found, "trial__helios2") == []


@pytest.mark.parametrize("text", [
    "Zorbanib slowed growth of HuH-7 cells in a preclinical study, and more trials are planned.",  # never called a trial
    "Background: survival improved in the phase 3 HELIOS-2 trial. Methods: In this phase 2 trial, "
    "adults were randomly assigned to zorbanib or placebo.",  # a background's earlier trial, its agent unnamed
])
def test_what_is_not_kept_without_arms(text):
    assert "trial__helios2" not in {a.subject for a in facts(text) if a.predicate == "isClinicalTrial"}
    assert "trial__huh7" not in {a.subject for a in facts(text) if a.predicate == "isClinicalTrial"}


def test_two_trials_named_side_by_side_are_each_kept_with_the_sentences_arms():
    text = ("Two randomised, placebo-controlled phase 3 trials (AXON-HCC [NCT01234567] and JET-LIV [NCT07654321]) "
            "are evaluating zorbanib in adults with liver cancer.")
    found = facts(text)
    # placebo-controlled: each compares zorbanib with placebo
    assert arms(found, "trial__axonhcc") == ["zorbanib", "placebo"] == arms(found, "trial__jetliv")
    assert ("nct_id", "NCT07654321") in trial(found, "trial__jetliv").attributes


def test_a_second_trial_named_in_passing_is_kept_by_name_without_the_sentences_arms():
    text = ("In the phase 3 AXON-HCC trial, adults were randomly assigned to zorbanib or placebo, unlike the earlier "
            "phase 2 OMEGA-2 study. Median overall survival was 12.0 months versus 9.0 months.")
    found = facts(text)
    assert arms(found, "trial__axonhcc") == ["zorbanib", "placebo"]
    assert arms(found, "trial__omega2") == [] and ("phase", "II") in trial(found, "trial__omega2").attributes


def test_endpoints_listed_together_then_one_run_per_arm():
    found = facts("In the randomised phase 2 TULIP-4 trial, 90 patients were assigned to zorbanib or felotinib. "
                  "The ORR and DCR were 35.6% and 71.1% in the zorbanib group, and 15.6% and 48.9% in the felotinib group.")
    assert values(found) == {("zorbanib", "orr", ""): D("35.6"), ("zorbanib", "dcr", ""): D("71.1"),
                             ("felotinib", "orr", ""): D("15.6"), ("felotinib", "dcr", ""): D("48.9")}


@pytest.mark.parametrize("between", ["; ", " and "])
def test_endpoints_listed_together_then_one_pair_of_arm_values_per_endpoint(between):
    found = facts("In the randomised phase 2 TULIP-4 trial, 90 patients were assigned to zorbanib or felotinib. "
                  "The median overall survival (OS) and TTP were longer in the zorbanib group than in the felotinib "
                  f"group (13.1 vs. 8.2 months, p = 0.02{between}5.4 vs. 3.0 months, p = 0.01).")
    assert values(found) == {("zorbanib", "os", ""): D("13.1"), ("felotinib", "os", ""): D("8.2"),
                             ("zorbanib", "ttp", ""): D("5.4"), ("felotinib", "ttp", ""): D("3.0")}


def test_ratios_listed_for_endpoints_listed_together():
    found = facts("In the randomised phase 3 TULIP-5 trial, patients were assigned to zorbanib or placebo. "
                  "Zorbanib prolonged OS and PFS (HR 0.81 [95% CI 0.69-0.95] and 0.58 [0.47-0.71], respectively).")
    got = {e: (a.attribute_values("hazard_ratio")[0], a.attribute_values("ci_lower")[0]) for e, a in ratios(found).items()}
    assert got == {"os": (D("0.81"), D("0.69")), "pfs": (D("0.58"), D("0.47"))}


def test_this_trial_s_randomisation_restates_the_title_s_arms_in_full():
    found = facts("TACE vs Felotinib Alone in Liver Cancer: The LOTUS-44 Phase 3 Randomized Clinical Trial\n\n"
                  "Design: This multicenter phase 3 randomized clinical trial randomized patients 1:1 to felotinib or "
                  "TACE followed by felotinib, stratified by stage.\n")
    trials = {a.subject for a in found if a.predicate == "isClinicalTrial"}
    assert trials == {"trial__lotus44"}
    assert sorted(arms(found, "trial__lotus44")) == sorted(["felotinib", agent_key(["tace", "felotinib"])])


def test_this_study_s_bracketed_registry_number_names_the_trial_in_context():
    found = facts("A phase II/III study of quorimab plus felotinib as perioperative treatment of made-up tumours.\n\n"
                  "Background: Resection is standard. This study aimed to assess the efficacy of quorimab plus "
                  "felotinib (Q+F) as a perioperative regimen (Clinical trial: NCT01234567).\n")
    assert {a.subject for a in found if a.predicate == "isClinicalTrial"} == {"trial__nct01234567"}
    assert arms(found, "trial__nct01234567") == [REGIMEN_QF]


def test_a_route_before_each_part_keeps_a_single_arm_regimen_whole():
    found = facts("In this phase 2 study, patients received intravenous quorimab every 3 weeks plus oral felotinib "
                  "daily. The median overall survival was 20.1 months.")
    assert arms(found, comparison_trial_key([REGIMEN_QF])) == [REGIMEN_QF]
    assert values(found) == {(REGIMEN_QF, "os", ""): D("20.1")}


@pytest.mark.parametrize("text", [
    "In this single-arm phase 2 study, 45 study participants received quorimab plus felotinib.",
    "This phase 2 study enrolled a total of 45 patients, who received quorimab plus felotinib.",
    "This phase 2 study enrolled 45 patients who received quorimab plus felotinib.",
])
def test_a_single_arm_trial_s_enrolment_is_its_arm_s_size(text):
    found = facts(text + " The median overall survival was 20.1 months.")
    assert sizes(found) == {REGIMEN_QF: 45}
    assert values(found) == {(REGIMEN_QF, "os", ""): D("20.1")}


@pytest.mark.parametrize("text", [
    "Of the 45 patients, 30.0% achieved an objective response.",
    "30.0% of patients showed an objective response.",
])
def test_a_single_arm_trial_s_response_given_as_a_share(text):
    found = facts("In this single-arm phase 2 study, 45 patients received quorimab plus felotinib. " + text)
    assert values(found) == {(REGIMEN_QF, "orr", ""): D("30.0")}


def test_endpoints_listed_together_take_as_many_values_in_order_without_respectively():
    found = facts("In this single-arm phase 2 study, 45 patients received quorimab plus felotinib. "
                  "Median PFS and OS were 7.2 months and 20.1 months.")
    assert values(found) == {(REGIMEN_QF, "pfs", ""): D("7.2"), (REGIMEN_QF, "os", ""): D("20.1")}


def test_ongoing_response_rates_at_time_points_are_not_response_rates():
    found = facts("In the phase 2 single-arm HERON-3 study, 60 patients received zorbanib. The ongoing response rate "
                  "at 12, 18, and 24 months was 61.0% (95% CI 40.1-75.2), 50.2% (95% CI 31.0-66.1), and 44.4% (95% CI "
                  "25.0-60.2), respectively. A durable response rate of 30.5% was seen. The objective response rate was 20.0%.")
    assert values(found) == {("zorbanib", "orr", ""): D("20.0")}
    found = facts("In the phase 2 single-arm HERON-4 study, 60 patients received zorbanib. Responses were durable; "
                  "OS rates at 12 and 24 months were 61.0% and 44.4%, respectively.")
    assert values(found) == {("zorbanib", "os", "12-month"): D("61.0"), ("zorbanib", "os", "24-month"): D("44.4")}


def test_results_go_to_the_trial_in_context_not_an_earlier_study_with_the_same_arms():
    # (the earlier study stands in no labelled background: a congress abstract's number may hide the label)
    found = facts("Zorbanib, an invented kinase inhibitor, lengthened overall survival (OS) versus placebo in a phase II "
                  "study in invented pts. Methods: This randomized, placebo-controlled phase III trial (NCT01234567) "
                  "enrolled pts with: invented disease; no prior zorbanib. Pts were randomly assigned 2:1 to oral zorbanib "
                  "or placebo, stratified by site. Results: Between 2001 and 2003, 400 pts were randomized at 90 mg daily: "
                  "260 to zorbanib, 140 to placebo (all randomized).")
    arm_of = {a.subject: a.object for a in found if a.predicate == "armIntervention"}
    trial_of = {a.object: a.subject for a in found if a.predicate == "hasArm"}
    sized = {(trial_of[a.subject], arm_of[a.subject]): a.object for a in found if a.predicate == "armSize"}
    assert sized == {("trial__nct01234567", "zorbanib"): 260, ("trial__nct01234567", "placebo"): 140}


def test_this_study_returns_to_the_documents_one_trial_after_other_studies():
    found = facts("Zorbanib in patients with advanced liver cancer: a phase II trial\n\nAbstract\n"
                  "Objectives: The kinase is overexpressed in several studies of liver cancer. We assessed zorbanib. "
                  "Methods: Thirty-one patients with advanced disease were enrolled in this study. Patients received "
                  "zorbanib 100 mg daily. Results: The median OS was 7.7 months.")
    assert sizes(found) == {"zorbanib": 31}


@pytest.mark.parametrize("title", [
    "Zorbanib for advanced liver cancer: a phase II study",
    "Zorbanib in unresectable liver cancer: a phase II study",
    "Zorbanib as second-line therapy for advanced liver cancer: a phase II study",
])
def test_a_title_naming_the_agent_and_its_disease_before_the_design_gives_the_arm(title):
    # no "in patients with": the title's subject is still what the single-arm study tested
    found = facts(f"{title}\n\nAbstract\nThirty-seven patients were accrued. The median survival was 6.8 months.")
    assert sizes(found) == {"zorbanib": 37}


def test_sorting_patients_into_cohorts_names_no_arm_and_a_cohorts_randomisation_gives_the_named_trials_arms():
    found = facts("Methods: ZETA-5 is a randomised trial made of staging, TACE and systemic cohorts. "
                  "By their staging scans, patients were assigned to TACE or systemic cohorts. "
                  "In the systemic cohort, patients were randomised 1:1 to zorbanib plus felotinib or felotinib alone. "
                  "Median OS was 12.0 months with zorbanib plus felotinib and 10.1 months with felotinib alone.")
    assert [a.subject for a in found if a.predicate == "isClinicalTrial"] == ["trial__zeta5"]
    assert arms(found, "trial__zeta5") == [agent_key(["zorbanib", "felotinib"]), "felotinib"]
    assert values(found)[("felotinib", "os", "")] == D("10.1")


def test_a_title_whose_design_sits_on_the_next_line_gives_the_studys_arm():
    found = facts("Zorbanib in the management of patients with hepatocellular carcinoma\nA Phase II trial\n\n"
                  "Treating liver cancer in cirrhosis is hard. Forty-one patients were enrolled in 2001. "
                  "The overall median survival was 7.3 months.")
    key = next(a.subject for a in found if a.predicate == "isClinicalTrial")
    assert arms(found, key) == ["zorbanib"]
    assert values(found)[("zorbanib", "os", "")] == D("7.3")
    # ... but a randomised design on that line names its other arm later
    found = facts("Zorbanib in the management of patients with hepatocellular carcinoma\nA randomized phase II trial\n\n"
                  "Treating liver cancer in cirrhosis is hard. The overall median survival was 7.3 months.")
    assert not any(a.predicate == "hasArm" for a in found)


def test_a_single_arm_study_adding_a_drug_has_one_arm_the_combination():
    found = facts("We began a phase II study to assess adding felotinib to zorbanib as first-line therapy. "
                  "Methods: This open-label, single-arm, multicentre study enrolled untreated adults. "
                  "Results: The objective response rate was 9%, and the disease control rate was 33%.")
    key = next(a.subject for a in found if a.predicate == "isClinicalTrial")
    both = agent_key(["felotinib", "zorbanib"])
    assert arms(found, key) == [both]
    assert values(found) == {(both, "orr", ""): D("9"), (both, "dcr", ""): D("33")}


@pytest.mark.parametrize("opening", ["Background:", "4012 Background:", "LBA7 Background:"])
def test_an_unnamed_earlier_study_a_background_recalls_is_no_trial_of_the_document(opening):
    found = facts(f"{opening} Zorbanib, an oral kinase inhibitor, improved OS versus placebo in a phase II study. "
                  "Methods: This randomized phase III trial (NCT01234567) enrolled adults after one earlier therapy. "
                  "Patients were randomly assigned 2:1 to zorbanib or placebo. "
                  "Results: Median OS was 8.1 months with zorbanib and 8.3 months with placebo.")
    assert [a.subject for a in found if a.predicate == "isClinicalTrial"] == ["trial__nct01234567"]
    assert trial(found, "trial__nct01234567").attribute_values("phase") == ["III"]  # not the recalled phase II's
    # ... while a background stating this report's own study keeps it
    found = facts("Background: Better treatments are needed. This phase 2 study was designed to assess zorbanib "
                  "plus felotinib. Methods: Patients were treated with zorbanib and felotinib. "
                  "Results: Thirty patients were enrolled. The median overall survival was 9.8 months.")
    assert [a.predicate for a in found].count("isClinicalTrial") == 1


def test_a_meeting_abstracts_number_before_its_first_label():
    from hcc_kg.extract.abstract_cues import SECTION_RE
    assert SECTION_RE.match("4012 Background: Zorbanib improved OS.").group("label") == "Background"
    assert SECTION_RE.match("LBA7 Methods: Adults were enrolled.").group("label") == "Methods"
    assert SECTION_RE.match("2019 patients were enrolled: all had HCC.") is None  # a count, no label


def test_a_ratio_of_a_time_to_outcome_no_endpoint_names_is_no_endpoints_ratio():
    found = facts("In the randomised phase 2 TULIP-8 trial, patients were assigned to zorbanib or placebo. The primary "
                  "end point was time to untreatable progression (TTUP). Median time to vascular invasion (HR 0.62, "
                  "p=0.08) and OS (HR 0.90, p=0.29) had not been reached. The DCRs were 89% and 76%, respectively. "
                  "TTUP was longer with zorbanib than with placebo (HR 1.59; 95% CI, 1.20-2.10).")
    assert {e: a.attribute_values("hazard_ratio")[0] for e, a in ratios(found).items()} == {"os": D("0.90")}


def test_arms_labelled_in_brackets_then_named_together_by_their_labels_order_every_clause():
    found = facts("In the phase 3 TULIP-9 trial, adults were randomly assigned to zorbanib alone (Arm S, n = 169) or "
                  "in combination with TACE when needed (Arm C, n = 170). For Arms C and S, median OS came to 12.8 "
                  "versus 10.8 months (HR 0.91); median PFS, 5.2 versus 3.6 months (HR 0.73).")
    combined = agent_key(["zorbanib", "tace"])
    assert values(found) == {(combined, "os", ""): D("12.8"), ("zorbanib", "os", ""): D("10.8"),
                             (combined, "pfs", ""): D("5.2"), ("zorbanib", "pfs", ""): D("3.6")}


def test_registry_numbers_listed_beside_other_names_are_trials_of_their_own():
    found = facts("An invented review\n\nThe studies reviewed include NCT01234567, NCT07654321 and the LOTUS-3 trial.\n")
    assert {a.subject for a in found if a.predicate == "isClinicalTrial"} == \
        {"trial__nct01234567", "trial__nct07654321", "trial__lotus3"}


@pytest.mark.parametrize("earlier", ["progressed during treatment with", "progressed while on", "progressed on"])
def test_a_drug_the_patients_progressed_on_is_no_arm_of_a_placebo_controlled_trial(earlier):
    found = facts("The filing rests on the invented, placebo-controlled phase 3 ZETA-11 trial, which investigated zorbanib in "
                  f"adults whose liver cancer had {earlier} felotinib.")
    assert sorted(arms(found, "trial__zeta11")) == ["placebo", "zorbanib"]


def test_doses_of_one_regimen_randomised_and_other_studies_as_a_standard_leave_one_arm_with_its_values():
    text = ("A maker reported the invented phase Ib study (NCT09999991) of quorimab plus zorbanib.\n\n"
            "Patients were randomly assigned to receive quorimab 100 mg plus zorbanib 5 mg/kg (low-dose group) or "
            "10 mg/kg (high-dose group). A total of forty patients were enrolled.\n\n"
            "Toxicity was similar to that noted in prior studies of quorimab and zorbanib.\n\n"
            "The disease control rate (DCR) was 70% (28/40). Median PFS was 8.5 months.\n")
    found = facts(text)
    assert arms(found, "trial__nct09999991") == [REGIMEN_QZ]
    assert values(found) == {(REGIMEN_QZ, "dcr", ""): D("70"), (REGIMEN_QZ, "pfs", ""): D("8.5")}
