"""Per-arm values and hazard-ratio endpoints in invented sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.prose_endpoints import hazard_ratio_endpoint, names_other_survival
from hcc_kg.extract.prose_subgroups import is_subgroup
from hcc_kg.extract.prose_values import arm_values, valued_agents
from hcc_kg.keys import agent_key
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",)), Entity("felotinib", "felotinib", ("SmallMolecule",)),
                    Entity("os", "overall survival", ("EndpointType",), ("OS",)),
                    Entity("pfs", "progression-free survival", ("EndpointType",), ("PFS",)),
                    Entity("orr", "objective response rate", ("EndpointType",), ("ORR",))])
FINDER = MentionFinder(VOCAB)
ARMS = ["zorbanib", "felotinib"]


def read(text: str, arms=ARMS):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    return {(v.agent, v.endpoint, v.timepoint): (v.value, v.unit) for v in arm_values(doc, doc.sentences[0], arms)}


def test_arm_named_after_each_value():
    got = read("Median OS was 11.0 months (95% CI 9.0-12.5) in the felotinib group vs 13.5 months (95% CI "
               "12.0-15.0) in the zorbanib group.")
    assert got == {("felotinib", "os", ""): (Decimal("11.0"), "months"), ("zorbanib", "os", ""): (Decimal("13.5"), "months")}


@pytest.mark.parametrize("text", [
    "Objective responses occurred in 20 of 80 patients (25.0%) given felotinib and in 8 of 80 (10.0%) given zorbanib.",
    "The ORR was 25.0% (20 of 80) in those receiving felotinib and 10.0% (8 of 80) in those receiving zorbanib.",
    "An ORR of 25.0% was seen among patients treated with felotinib, and one of 10.0% among patients treated with zorbanib.",
])
def test_arm_named_after_each_value_by_a_participle_of_treatment(text):
    assert read(text) == {("felotinib", "orr", ""): (Decimal("25.0"), "%"), ("zorbanib", "orr", ""): (Decimal("10.0"), "%")}


@pytest.mark.parametrize("text", [
    "The median OS reached 13.5 months in the 201 participants who had been randomly allocated to the oral KIT inhibitor "
    "zorbanib, against 11.0 months in the 99 participants treated with felotinib.",
    "Median OS was 13.5 months for the 201 patients who were randomised to zorbanib and 11.0 months for the 99 patients "
    "given felotinib.",
])
def test_arm_named_after_each_value_behind_its_count_and_allocation(text):
    assert read(text) == {("zorbanib", "os", ""): (Decimal("13.5"), "months"), ("felotinib", "os", ""): (Decimal("11.0"), "months")}


@pytest.mark.parametrize("text, expected", [
    # the value's clause names another agent as its owner: not the one arm's
    ("Quorimab plus zorbanib gave a median OS of 37.9 months in this invented trial.", {}),
    ("Median OS was 37.9 months with quorimab plus zorbanib in this invented trial.", {}),
    # what the patients had before is who they are, not the value's owner
    ("In patients previously treated with quorimab, median OS was 12.1 months.", {("zorbanib", "os"): Decimal("12.1")}),
    ("Zorbanib gave a median OS of 12.1 months.", {("zorbanib", "os"): Decimal("12.1")}),
])
def test_a_single_arm_trials_value_named_as_another_agents_is_not_the_arms(text, expected):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB_MORE, FINDER_MORE)
    assert {(v.agent, v.endpoint): v.value for v in arm_values(doc, doc.sentences[0], ["zorbanib"])} == expected


def test_a_value_named_for_a_part_of_a_regimen_given_alone_is_no_other_arms():
    regimen = agent_key(["quorimab", "zorbanib"])
    doc = AnalysedDocument(Document.from_text("d", "The ORR for quorimab plus zorbanib was 20.0% compared to 16.0% "
                                                   "for those who received zorbanib alone."), VOCAB_MORE, FINDER_MORE)
    got = {(v.agent, v.endpoint): v.value for v in arm_values(doc, doc.sentences[0], [regimen, "felotinib"])}
    assert got == {(regimen, "orr"): Decimal("20.0")}


@pytest.mark.parametrize("text", [
    "Zorbanib and felotinib gave 31.5% and 12.0% objective response rates, respectively.",
    "Zorbanib and felotinib delivered a respective 31.5% and 12.0% ORR.",
])
def test_shares_printed_before_the_rate_they_are_one_per_arm(text):
    assert read(text) == {("zorbanib", "orr", ""): (Decimal("31.5"), "%"), ("felotinib", "orr", ""): (Decimal("12.0"), "%")}


@pytest.mark.parametrize("text", [
    "Zorbanib and felotinib delivered a respective 41.2% and 22.7% 2-year survival rate.",
    "Zorbanib and felotinib gave 41.2% and 22.7% two-year overall survival rates, respectively.",
])
def test_survival_rates_printed_after_their_shares_and_time_point(text):
    assert read(text) == {("zorbanib", "os", "2-year"): (Decimal("41.2"), "%"), ("felotinib", "os", "2-year"): (Decimal("22.7"), "%")}


def test_one_arms_survival_rate_after_its_share_and_several_shares_none_of_one_arm():
    assert read("Zorbanib gave a 41% 2-year overall survival rate.", ["zorbanib"]) == \
        {("zorbanib", "os", "2-year"): (Decimal("41"), "%")}
    assert read("Zorbanib gave 30% and 12% objective response rates by two sets of criteria.", ["zorbanib"]) == {}


@pytest.mark.parametrize("text", [
    "Zorbanib prolonged median OS by nearly 2 months over felotinib in this invented trial.",
    "In this pretend study zorbanib extended median OS by 2.5 months compared with felotinib.",
])
def test_a_time_gained_by_is_no_arms_value(text):
    assert read(text) == {}


def test_arm_named_before_the_value():
    got = read("The PFS rate for felotinib was 8.0% (5.1-11.2%) and 2% for zorbanib at 24 months.")
    assert got == {("felotinib", "pfs", "24-month"): (Decimal("8.0"), "%"), ("zorbanib", "pfs", "24-month"): (Decimal("2"), "%")}


def test_paired_values_follow_the_order_the_arms_were_named():
    got = read("Patients given felotinib lived longer than those given zorbanib (OS 9.9 months versus 7.7 months).")
    assert got[("felotinib", "os", "")][0] == Decimal("9.9") and got[("zorbanib", "os", "")][0] == Decimal("7.7")


def test_respectively_and_unit_printed_once():
    got = read("For felotinib and zorbanib, respectively, median OS was 6.6 versus 8.8 months.")
    assert got == {("felotinib", "os", ""): (Decimal("6.6"), "months"), ("zorbanib", "os", ""): (Decimal("8.8"), "months")}


def test_unnamed_pair_is_in_trial_order_and_middle_dot_is_a_point():
    got = read("Objective response rate was 21\u00b75% vs 6\u00b70%.")
    assert got == {("zorbanib", "orr", ""): (Decimal("21.5"), "%"), ("felotinib", "orr", ""): (Decimal("6.0"), "%")}


def test_follow_up_and_subgroups_are_not_results():
    assert read("Median follow-up for overall survival was 20.1 months.") == {}
    assert read("Median OS was similar among older patients (8.0 v 8.1 months).") == {}


def test_hazard_ratio_endpoints():
    doc = AnalysedDocument(Document.from_text("d", "The hazard ratio for disease progression or death was 0.70, and OS "
                                               "was longer (HR 0.80)."), VOCAB, FINDER)
    sent = doc.sentences[0]
    assert hazard_ratio_endpoint(doc, sent, "for disease progression or death", 0) == "pfs"
    assert hazard_ratio_endpoint(doc, sent, "", sent.text.index("HR 0.80")) == "os"


def test_is_subgroup():
    text = "OS HRs ranged from 0.8 to 1.1 in prespecified subgroups"
    assert is_subgroup(text, len(text)) and not is_subgroup("Median OS (HR 0.8)", 10)


def test_endpoint_named_in_the_ratio_label_wins():
    text = "Median OS was 9.0 vs 8.0 months, and the HR for PFS was 0.70."
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    start = text.index("HR for")
    assert hazard_ratio_endpoint(doc, doc.sentences[0], "for PFS", start, text.index("0.70")) == "pfs"


def test_a_time_point_before_the_endpoint():
    got = read("The 33-month OS rates for zorbanib and felotinib were 29% (95% CI, 25-34) and 21% (95% CI, 17-25), "
               "respectively.")
    assert got == {("zorbanib", "os", "33-month"): (Decimal("29"), "%"), ("felotinib", "os", "33-month"): (Decimal("21"), "%")}
    got = read("The 1-year progression-free survival (PFS) rate was 22% in the zorbanib arm and 14% in the felotinib arm.")
    assert got == {("zorbanib", "pfs", "1-year"): (Decimal("22"), "%"), ("felotinib", "pfs", "1-year"): (Decimal("14"), "%")}


def test_a_list_of_time_points_with_units_is_no_value():
    assert read("More patients in the zorbanib arm were alive on the OS curves at 12 months, 24 months, and 33 months.") == {}


def test_a_window_of_time_is_no_value():
    assert read("The risk of death was higher with zorbanib vs with felotinib within the first 4 months (HR, 1.40).",
                ["zorbanib"]) == {}
    assert read("There was an increased risk of death with zorbanib within the first 6 months of randomization (HR, 1.65).") == {}


def test_a_pair_of_values_is_not_one_arms_value():
    assert read("ORR was 20% and 14% in the naive and pretreated groups, respectively.", ["zorbanib"]) == {}
    assert read("ORR was 20% (95% CI 12% to 30%).", ["zorbanib"]) == {("zorbanib", "orr", ""): (Decimal("20"), "%")}


VOCAB_MORE = Vocabulary([*VOCAB, Entity("placebo", "placebo", ("Placebo",)), Entity("quorimab", "quorimab", ("MonoclonalAntibody",)),
                         Entity("dor", "duration of response", ("EndpointType",), ("DOR",))])
FINDER_MORE = MentionFinder(VOCAB_MORE)


def read_more(text: str, arms):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB_MORE, FINDER_MORE)
    return {(v.agent, v.endpoint, v.timepoint): (v.value, v.unit) for v in arm_values(doc, doc.sentences[0], arms)}


def test_a_response_rate_takes_no_duration_and_a_lone_value_takes_its_named_arm():
    got = read_more("The ORR in the quorimab arm was 24.5%, and the median DOR was 15.2 months.",
                    ["regimen__quorimab__zorbanib", "zorbanib"])
    assert got == {("regimen__quorimab__zorbanib", "orr", ""): (Decimal("24.5"), "%"),
                   ("regimen__quorimab__zorbanib", "dor", ""): (Decimal("15.2"), "months")}


def test_the_placebo_arm_of_an_add_on_design_is_the_backbone_alone():
    got = read_more("In the placebo arm, the ORR was 12.5%.", ["regimen__quorimab__zorbanib", "zorbanib"])
    assert got == {("zorbanib", "orr", ""): (Decimal("12.5"), "%")}


def test_a_count_percentage_belongs_to_its_own_outcome():
    got = read_more("Of 40 patients, 6 (15%) achieved an objective response, 20 (50%) had stable disease.", ["zorbanib"])
    assert got == {}


def test_an_interval_open_at_the_top_and_a_relative_difference_are_no_values():
    got = read("Median OS was 30.1 months (95% CI 20.2 months to not evaluable) vs 12.0 months (95% CI 9.9-14.0 months) "
               "for zorbanib and felotinib, respectively.")
    assert got == {("zorbanib", "os", ""): (Decimal("30.1"), "months"), ("felotinib", "os", ""): (Decimal("12.0"), "months")}
    got = read("OS was 40% longer with zorbanib, with 61.0% of patients alive at 12 months versus 50.0% with felotinib.")
    assert ("zorbanib", "os", "12-month") in got and got[("zorbanib", "os", "12-month")][0] == Decimal("61.0")


def test_a_unit_after_the_last_interval_covers_the_pair():
    got = read("Median PFS was 3.1 (95% CI: 2.2-3.9) and 2.0 (1.4-2.6) mo in the zorbanib and felotinib groups, respectively.")
    assert got == {("zorbanib", "pfs", ""): (Decimal("3.1"), "months"), ("felotinib", "pfs", ""): (Decimal("2.0"), "months")}


def test_an_opening_time_point_dates_the_rates():
    got = read("At 18 months, the overall survival rate was 55.5% in the zorbanib group versus 41.0% in the felotinib group.")
    assert got == {("zorbanib", "os", "18-month"): (Decimal("55.5"), "%"), ("felotinib", "os", "18-month"): (Decimal("41.0"), "%")}


def test_rate_pairs_each_with_its_own_time_point_and_single_arm_rate_lists():
    from hcc_kg.extract.prose_rates import timepoint_rates
    doc = AnalysedDocument(Document.from_text("d", "The OS rates were 40.0% versus 30.0% at 12 months and 20.0% versus "
                                                   "11.0% at 24 months."), VOCAB, FINDER)
    got = {(v.agent, v.timepoint): v.value for v in timepoint_rates(doc, doc.sentences[0], ARMS, None)}
    assert got == {("zorbanib", "12-month"): Decimal("40.0"), ("felotinib", "12-month"): Decimal("30.0"),
                   ("zorbanib", "24-month"): Decimal("20.0"), ("felotinib", "24-month"): Decimal("11.0")}
    doc = AnalysedDocument(Document.from_text("d", "Median PFS was 9.0 months, with 1- and 2-year PFS rates of 41% "
                                                   "(95% CI, 30%-52%) and 22% (95% CI, 12%-33%)."), VOCAB, FINDER)
    got = {(v.agent, v.timepoint): v.value for v in timepoint_rates(doc, doc.sentences[0], ["zorbanib"], None)}
    assert got == {("zorbanib", "1-year"): Decimal("41"), ("zorbanib", "2-year"): Decimal("22")}


def test_an_add_on_design_names_each_arm_by_what_sets_it_apart():
    arms = ["regimen__felotinib__quorimab__zorbanib", "regimen__felotinib__zorbanib"]
    got = read_more("Objective response rates were 26.5% with quorimab and 17.0% with placebo.", arms)
    assert got == {(arms[0], "orr", ""): (Decimal("26.5"), "%"), (arms[1], "orr", ""): (Decimal("17.0"), "%")}


def test_a_biomarker_positive_clause_is_a_subgroup():
    got = read("In PD-L1-positive patients, median PFS was 14.0 months for zorbanib and 9.0 months for felotinib.")
    assert got == {}


def test_a_time_point_printed_without_a_space():
    got = read("At 3years, the OS rates were 58% and 34% for zorbanib and felotinib, respectively.")
    assert got == {("zorbanib", "os", "3-year"): (Decimal("58"), "%"), ("felotinib", "os", "3-year"): (Decimal("34"), "%")}


def test_months_printed_mos_and_mo_with_a_point():
    got = read("Median OS was 16.1 mos vs. 12.3 mos.")
    assert got == {("zorbanib", "os", ""): (Decimal("16.1"), "months"), ("felotinib", "os", ""): (Decimal("12.3"), "months")}
    got = read("Median OS was 16.1 mo. vs. 12.3 mo. in this population.")
    assert got == {("zorbanib", "os", ""): (Decimal("16.1"), "months"), ("felotinib", "os", ""): (Decimal("12.3"), "months")}


def test_a_unit_printed_on_the_first_of_two_parallel_values():
    got = read("Median OS was 9.4 months for felotinib versus 7.1 for zorbanib.")
    assert got == {("felotinib", "os", ""): (Decimal("9.4"), "months"), ("zorbanib", "os", ""): (Decimal("7.1"), "months")}
    assert read("Median OS was 9.4 months, and 7 patients received zorbanib.") == {}  # a count is no value


def test_percentages_of_patients_receiving_each_arm():
    got = read("An objective response was seen in 31% of patients receiving felotinib and 12% of those receiving zorbanib.")
    assert got == {("felotinib", "orr", ""): (Decimal("31"), "%"), ("zorbanib", "orr", ""): (Decimal("12"), "%")}
    got = read("Objective responses occurred in 25 of 80 patients (31%) in the felotinib group and 10 of 81 (12%) in "
               "the zorbanib group.")
    assert got == {("felotinib", "orr", ""): (Decimal("31"), "%"), ("zorbanib", "orr", ""): (Decimal("12"), "%")}


def test_joined_values_then_the_arms_listed_in_the_same_order():
    got = read("Median PFS was 5.5 versus 3.9 months in the felotinib versus zorbanib arms.")
    assert got == {("felotinib", "pfs", ""): (Decimal("5.5"), "months"), ("zorbanib", "pfs", ""): (Decimal("3.9"), "months")}


def test_the_other_arms_value_in_the_next_clause():
    got = read("Median OS was 9.4 months with felotinib; with zorbanib, it was 7.1 months.")
    assert got == {("felotinib", "os", ""): (Decimal("9.4"), "months"), ("zorbanib", "os", ""): (Decimal("7.1"), "months")}
    got = read("Median OS was felotinib, 9.4 months; zorbanib, 7.1 months.")
    assert got == {("felotinib", "os", ""): (Decimal("9.4"), "months"), ("zorbanib", "os", ""): (Decimal("7.1"), "months")}
    # the next clause about another outcome, in another unit, is not the other arm's OS
    got = read("Median OS was 9.4 months with felotinib; in the zorbanib arm, 40% of patients had rash.")
    assert got == {("felotinib", "os", ""): (Decimal("9.4"), "months")}


def test_agents_each_named_after_its_own_value():
    def valued(text):
        doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
        return valued_agents(doc, doc.sentences[0])
    assert valued("Median OS was 16.6 months for felotinib and 15.0 months for zorbanib.") == ["felotinib", "zorbanib"]
    assert valued("Median OS was 16.6 versus 15.0 months for felotinib.") == []  # one agent named
    assert valued("Median OS was 16.6 months for felotinib and 15% for zorbanib.") == []  # not one unit


def test_a_unit_named_once_by_the_label_before_the_values():
    got = read("Median OS in months (95% CI) was 13.6 (12.1, 14.9) for felotinib and 12.3 (10.4, 13.9) for zorbanib.")
    assert got == {("felotinib", "os", ""): (Decimal("13.6"), "months"), ("zorbanib", "os", ""): (Decimal("12.3"), "months")}
    got = read("ORR, % (95% CI): 24 (20, 28) vs 9 (6, 12).")
    assert got == {("zorbanib", "orr", ""): (Decimal("24"), "%"), ("felotinib", "orr", ""): (Decimal("9"), "%")}
    # without a unit named, bare numbers are no values
    assert read("Median OS was 13.6 (12.1, 14.9) for felotinib and 12.3 (10.4, 13.9) for zorbanib.") == {}


def test_a_subgroup_named_after_the_values_is_not_the_trials_result():
    assert read("Median OS was 13.6 months with felotinib vs 12.3 months with zorbanib among patients with cirrhosis.") == {}
    assert len(read("Median OS was 13.6 months with felotinib vs 12.3 months with zorbanib in all patients.")) == 2


@pytest.mark.parametrize("clause", [
    "The benefit was consistent in patients with hepatitis C-related disease (HR 0.66)",
    "but less evident in those with non-viral disease (HR 0.97)",
    "In an exploratory analysis restricted to patients with portal vein invasion, the HR was 0.79",
    "In pts with microvascular invasion, the HR was 0.61",
    "Patients with HBV (n = 200) had an HR of 0.7",
    "In an exploratory analysis by baseline AFP, the HR was 0.78",
])
def test_a_clause_about_patients_with_a_characteristic_is_a_subgroup(clause):
    assert is_subgroup(clause, clause.index("HR"))


def test_patients_with_the_disease_itself_are_the_whole_population():
    for clause in ("In patients with advanced liver cancer, zorbanib prolonged OS (HR 0.71)",
                   "In patients with liver cancer and portal vein invasion, zorbanib prolonged OS (HR 0.71)",
                   "In this exploratory phase 2 trial, zorbanib prolonged OS (HR 0.71)"):
        assert not is_subgroup(clause, clause.index("HR")), clause


def test_a_duration_of_response_among_responders_is_the_arms():
    vocab = Vocabulary([*VOCAB, Entity("dor", "duration of response", ("EndpointType",), ("DoR",))])
    doc = AnalysedDocument(Document.from_text("d", "Among responders to zorbanib, median duration of response was "
                                              "17.9 months."), vocab, MentionFinder(vocab))
    assert [(v.agent, v.endpoint, v.value) for v in arm_values(doc, doc.sentences[0], ARMS)] == \
        [("zorbanib", "dor", Decimal("17.9"))]
    # ... while another endpoint among responders is a subgroup's
    doc = AnalysedDocument(Document.from_text("d", "Among responders to zorbanib, median OS was 27.9 months."),
                           vocab, MentionFinder(vocab))
    assert arm_values(doc, doc.sentences[0], ARMS) == []


def test_a_time_point_printed_in_mo():
    got = read("Median PFS was 9.7 mo with zorbanib and the 12-mo OS rate was 79.4% with zorbanib.", ["zorbanib"])
    assert got == {("zorbanib", "pfs", ""): (Decimal("9.7"), "months"), ("zorbanib", "os", "12-month"): (Decimal("79.4"), "%")}


def test_three_arms_listed_values_go_in_arm_order_only_when_each_has_one():
    arms = ["zorbanib", "felotinib", "quorimab"]
    vocab = Vocabulary([*VOCAB, Entity("quorimab", "quorimab", ("MonoclonalAntibody",))])
    doc = AnalysedDocument(Document.from_text("d", "The ORRs were 22.6%, 15.8% and 6.3%."), vocab, MentionFinder(vocab))
    got = {v.agent: v.value for v in arm_values(doc, doc.sentences[0], arms)}
    assert got == {"zorbanib": Decimal("22.6"), "felotinib": Decimal("15.8"), "quorimab": Decimal("6.3")}
    doc = AnalysedDocument(Document.from_text("d", "The ORRs were 22.6% and 15.8%."), vocab, MentionFinder(vocab))
    assert arm_values(doc, doc.sentences[0], arms) == []


def test_half_still_alive_after_is_the_median_survival():
    got = read("Half of the people in the zorbanib group were still alive after 18.7 months, compared with 13.1 months "
               "in the felotinib group.")
    assert got == {("zorbanib", "os", ""): (Decimal("18.7"), "months"), ("felotinib", "os", ""): (Decimal("13.1"), "months")}


def test_a_reduction_in_the_risk_of_death_is_no_arms_value():
    assert read("Zorbanib was associated with a reduction in the risk of death, at 22% versus felotinib.") == {}


def test_the_times_given_with_a_reduced_risk_are_the_outcomes_medians():
    assert read("Zorbanib cut the risk of death by 25% (median 15.2 versus 12.9 months) against felotinib.") == \
        {("zorbanib", "os", ""): (Decimal("15.2"), "months"), ("felotinib", "os", ""): (Decimal("12.9"), "months")}
    assert read("Zorbanib lowered the risk of disease progression or death by 38% (median, 5.9 vs 3.1 months).") == \
        {("zorbanib", "pfs", ""): (Decimal("5.9"), "months"), ("felotinib", "pfs", ""): (Decimal("3.1"), "months")}
    assert read("Zorbanib lowered the risk of death by 25% (31% vs 24% alive at 3 years).") == {}


# --- three arms; endpoints listed together; survivals the vocabulary does not name -------------------

THREE = [agent_key(["zorbanib", "felotinib"]), "felotinib", "quorimab"]
VOCAB_Q = Vocabulary([*VOCAB, Entity("quorimab", "quorimab", ("MonoclonalAntibody",)),
                      Entity("dcr", "disease control rate", ("EndpointType",), ("DCR",))])


def read_q(text: str, arms, sentence: int = 0):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB_Q, MentionFinder(VOCAB_Q))
    return {(v.agent, v.endpoint): v.value for v in arm_values(doc, doc.sentences[sentence], arms)}


@pytest.mark.parametrize("text", [
    "Median PFS was 4.4 months and 3.1 months for the zorbanib plus felotinib and quorimab arms, respectively.",
    "Median PFS was 4.4 months (95% CI 3.9, 5.0) and 3.1 months (95% CI 2.8, 3.6) in the zorbanib plus felotinib "
    "and quorimab groups, respectively.",
])
def test_a_list_of_arms_read_as_one_regimen_is_parted_into_the_trials_arms(text):
    assert read_q(text, THREE) == {(THREE[0], "pfs"): Decimal("4.4"), ("quorimab", "pfs"): Decimal("3.1")}


def test_a_list_that_parts_into_no_arms_gives_no_values():
    # zorbanib alone is no arm of this trial: the list cannot be parted, nothing is guessed
    assert read_q("Median PFS was 4.4 and 3.1 months for the zorbanib and felotinib plus quorimab arms, respectively.",
                  THREE) == {}


def test_paired_values_after_a_comparison_of_two_of_three_arms():
    got = read_q("Zorbanib plus felotinib improved OS compared to quorimab (HR 0.80, 95% CI 0.70, 0.93); median OS was "
                 "15.5 months (95% CI 13.1, 18.0) versus 12.9 months (95% CI 11.0, 14.2).", THREE)
    assert got == {(THREE[0], "os"): Decimal("15.5"), ("quorimab", "os"): Decimal("12.9")}
    # with no two arms compared before them, three arms leave two values unassigned
    assert read_q("Median OS was 15.5 months versus 12.9 months.", THREE) == {}


@pytest.mark.parametrize("first, expected_first", [
    ("Zorbanib plus felotinib improved OS compared with quorimab (HR 0.80) in the pretend trial.", THREE[0]),
    ("Compared with quorimab, zorbanib plus felotinib improved OS (HR 0.80) in the pretend trial.", THREE[0]),
])
def test_paired_values_after_the_sentence_before_compared_two_of_three_arms(first, expected_first):
    got = read_q(first + " The median OS was 15.5 months (95% CI 13.1, 18.0) versus 12.9 months (95% CI "
                 "11.0, 14.2), respectively.", THREE, sentence=1)
    assert got == {(expected_first, "os"): Decimal("15.5"), ("quorimab", "os"): Decimal("12.9")}


def test_paired_values_after_a_sentence_naming_two_arms_without_comparing_them_stay_unassigned():
    assert read_q("Zorbanib plus felotinib and quorimab were both given every third week in the pretend trial. "
                  "The median OS was 15.5 months versus 12.9 months, respectively.", THREE, sentence=1) == {}


@pytest.mark.parametrize("text, expected", [
    ("The median PFS and OS were 5.2 months and 14.8 months, respectively.", {"pfs": "5.2", "os": "14.8"}),
    ("Median PFS, median OS and ORR were 5.2 months, 14.8 months and 21%, respectively.",
     {"pfs": "5.2", "os": "14.8", "orr": "21"}),
    ("The ORR and DCR were 21% and 63%, respectively.", {"orr": "21", "dcr": "63"}),
    # without "respectively" when the clause holds exactly one value per endpoint, in the order listed
    ("The median PFS and OS were 5.2 months and 14.8 months.", {"pfs": "5.2", "os": "14.8"}),
    # an article before the next endpoint, whose short form follows it in brackets
    ("The ORR and the overall survival (OS) were 21% (95% CI: 12-33) and 14.8 (95% CI: 11.1-17.9) months "
     "respectively.", {"orr": "21", "os": "14.8"}),
])
def test_endpoints_listed_together_take_their_values_in_order(text, expected):
    assert read_q(text, ["zorbanib"]) == {("zorbanib", k): Decimal(v) for k, v in expected.items()}


@pytest.mark.parametrize("text", [
    "The ORR and OS were 21 months and 63%, respectively.",  # the units contradict the endpoints
    "The median PFS and OS were 5.2 vs 4.1 months and 14.8 vs 12.0 months.",  # more values than endpoints, no "respectively"
    "Among patients with HBV, the median PFS and OS were 5.2 months and 14.8 months, respectively.",
])
def test_endpoints_listed_together_need_fitting_units_and_the_whole_population(text):
    assert read_q(text, ["zorbanib"]) == {}


@pytest.mark.parametrize("text", [
    "Zorbanib improved disease-free survival versus felotinib (HR 0.76).",
    "Event free survival favoured zorbanib (HR 0.76).",
    "Cancer-specific survival was longer with zorbanib (HR 0.76).",
])
def test_a_survival_the_vocabulary_does_not_name_is_not_overall_survival(text):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    sent = doc.sentences[0]
    assert hazard_ratio_endpoint(doc, sent, "", sent.text.index("(HR")) is None
    assert names_other_survival(sent.text, sent.text.index("(HR"))


def test_survival_alone_is_still_overall_survival():
    doc = AnalysedDocument(Document.from_text("d", "Median survival favoured zorbanib (HR 0.76)."), VOCAB, FINDER)
    sent = doc.sentences[0]
    assert hazard_ratio_endpoint(doc, sent, "", sent.text.index("(HR")) == "os"
    assert not names_other_survival(sent.text, sent.text.index("(HR"))


@pytest.mark.parametrize("text", ["The PFS at 6M was 35.7% with zorbanib.", "OS with zorbanib was 62%.",
                                  "The progression-free survival rate was 36% with zorbanib."])
def test_a_survival_percentage_without_a_time_point_read_is_no_value(text):
    assert read(text, ["zorbanib"]) == {}


def test_a_survival_percentage_with_its_time_point_is_a_rate():
    assert read("The 6-month PFS rate was 35.7% with zorbanib.", ["zorbanib"]) == \
        {("zorbanib", "pfs", "6-month"): (Decimal("35.7"), "%")}


@pytest.mark.parametrize("text, arms", [
    ("Zorbanib extended median OS from 9.1 months to 12.6 months.", ARMS),
    ("Zorbanib extended median OS from 9.1 months to 12.6 months.", ["felotinib", "zorbanib"]),
    ("With zorbanib, median OS improved from 9.1 months to 12.6 months.", ARMS),
    # the new value first: "to X from Y"; the arm compared against is not the one the change is said of
    ("Zorbanib extended median OS to 12.6 months from 9.1 months.", ARMS),
    ("Zorbanib cut the risk of death versus felotinib (HR 0.70) and extended median OS to 12.6 months from 9.1 months.",
     ARMS),
])
def test_a_change_from_one_value_to_another_goes_from_the_other_arm_to_the_named_one(text, arms):
    assert read(text, arms) == {("felotinib", "os", ""): (Decimal("9.1"), "months"),
                                ("zorbanib", "os", ""): (Decimal("12.6"), "months")}



def test_a_landmark_rate_whose_time_point_opens_the_sentence_without_a_hyphen():
    assert read("1 year overall survival was 71.3% in the zorbanib arm vs 58.4% in the felotinib arm.") == {
        ("zorbanib", "os", "1-year"): (Decimal("71.3"), "%"), ("felotinib", "os", "1-year"): (Decimal("58.4"), "%")}


def test_a_response_rates_parts_in_parentheses_are_no_values():
    parts = Vocabulary([*VOCAB, Entity("partial_response", "partial response", ("EndpointType",)),
                        Entity("complete_response", "complete response", ("EndpointType",))])
    doc = AnalysedDocument(Document.from_text("d", "ORR was 9.7% (6% complete response, 3.7% partial response) in "
                                                   "the zorbanib arm vs 1.4% in the felotinib arm."), parts, MentionFinder(parts))
    found = {(v.agent, v.endpoint): v.value for v in arm_values(doc, doc.sentences[0], ARMS)}
    assert found == {("zorbanib", "orr"): Decimal("9.7"), ("felotinib", "orr"): Decimal("1.4")}


def test_a_time_point_spelled_out_is_read_as_one_written_in_digits():
    spelled = read("Twelve-month OS rates were 44.0% with zorbanib and 31.5% with felotinib.")
    digits = read("12-month OS rates were 44.0% with zorbanib and 31.5% with felotinib.")
    assert spelled == digits == {("zorbanib", "os", "12-month"): (Decimal("44.0"), "%"),
                                 ("felotinib", "os", "12-month"): (Decimal("31.5"), "%")}


@pytest.mark.parametrize("text", [
    "Among those treated with zorbanib, the median PFS was 18.3 months vs 3.6 months for those treated with felotinib.",
    "Among patients randomised to zorbanib, median PFS was 18.3 months, compared with 3.6 months for felotinib.",
    "Among participants receiving zorbanib the median PFS was 18.3 months versus 3.6 months with felotinib.",
])
def test_among_those_given_an_arm_names_the_arm_not_a_subgroup(text):
    assert read(text) == {("zorbanib", "pfs", ""): (Decimal("18.3"), "months"),
                          ("felotinib", "pfs", ""): (Decimal("3.6"), "months")}


@pytest.mark.parametrize("text", [
    "Among patients who received prior zorbanib, median PFS was 18.3 months vs 3.6 months with felotinib.",
    "Among patients treated with prior felotinib, the median PFS was 18.3 vs 3.6 months.",
    "Among Asian patients, median PFS was 18.3 months with zorbanib vs 3.6 months with felotinib.",
])
def test_among_a_population_is_still_a_subgroup(text):
    assert read(text) == {}


def test_a_ratio_among_those_given_an_arm_is_no_subgroups():
    text = "Among those treated with zorbanib, the median PFS was 18.3 months vs 3.6 months (HR, 0.21)."
    assert not is_subgroup(text, text.index("HR"))
    assert is_subgroup("Among patients with cirrhosis, the HR was 0.8", 40)


def test_medians_in_weeks_keep_their_unit():
    got = read("Median OS was 72.7 weeks in patients receiving zorbanib and 64.9 weeks in those on felotinib.")
    assert got == {("zorbanib", "os", ""): (Decimal("72.7"), "weeks"), ("felotinib", "os", ""): (Decimal("64.9"), "weeks")}
    # a response rate is never a duration, and tumour assessments on a schedule are no value
    assert read("The ORR, assessed every 6 weeks, was 30% with zorbanib and 20% with felotinib.") == {
        ("zorbanib", "orr", ""): (Decimal("30"), "%"), ("felotinib", "orr", ""): (Decimal("20"), "%")}
    assert read("PFS was assessed every 6 weeks with zorbanib and every 8 weeks with felotinib.") == {}


@pytest.mark.parametrize("text, expected", [
    ("Confirmed ORRs were 46.0% (95% CI, 36.0% to 56.3%) per mRECIST and 36.0% (95% CI, 26.6% to 46.2%) per RECIST v1.1.",
     {("orr", Decimal("46.0"), "%"), ("orr", Decimal("36.0"), "%")}),
    ("Median PFS was 9.3 months by investigator assessment and 8.6 months by central review.",
     {("pfs", Decimal("9.3"), "months"), ("pfs", Decimal("8.6"), "months")}),
    ("The ORR was 30% according to RECIST 1.1 and 41% according to mRECIST.",
     {("orr", Decimal("30"), "%"), ("orr", Decimal("41"), "%")}),
])
def test_one_arms_readings_by_two_criteria_are_both_its_values(text, expected):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    got = {(v.endpoint, v.value, v.unit) for v in arm_values(doc, doc.sentences[0], ["zorbanib"])}
    assert got == expected


def test_two_values_without_criteria_are_still_no_one_arms():
    doc = AnalysedDocument(Document.from_text("d", "The ORR was 30% and 41% in the two subgroups."), VOCAB, FINDER)
    assert arm_values(doc, doc.sentences[0], ["zorbanib"]) == []
    # in a trial of two arms, two readings by two criteria are the arm's the clause names, no one's else
    doc = AnalysedDocument(Document.from_text("d", "With zorbanib, the ORR was 30% per RECIST and 41% per mRECIST."), VOCAB, FINDER)
    assert {(v.agent, v.value) for v in arm_values(doc, doc.sentences[0], ARMS)} == {("zorbanib", Decimal("30")),
                                                                                    ("zorbanib", Decimal("41"))}
    assert read("The ORR was 30% per RECIST and 41% per mRECIST overall.") == {}


def test_a_single_arms_value_in_another_group_is_no_arm_value():
    arm = ["zorbanib"]
    assert read("The median OS was 16.9 months (95% CI 13.3-22.6) in the retreated group.", arm) == {}
    assert read("The median OS was 16.9 months in the overall population.", arm) == {
        ("zorbanib", "os", ""): (Decimal("16.9"), "months")}
    assert read("The median OS was 16.9 months in the zorbanib group.", arm) == {
        ("zorbanib", "os", ""): (Decimal("16.9"), "months")}


@pytest.mark.parametrize("text", [
    "Zorbanib showed activity (objective response rate, 14.7% [95% CI 10.3-20.2]; 6-month overall survival [OS] rate, 74.4%).",
    "Zorbanib showed activity (ORR, 14.7%; 6-month OS rate, 74.4%).",
])
def test_a_time_point_leading_the_next_endpoint_is_its_own(text):
    assert read(text, ["zorbanib"]) == {("zorbanib", "orr", ""): (Decimal("14.7"), "%"),
                                        ("zorbanib", "os", "6-month"): (Decimal("74.4"), "%")}


@pytest.mark.parametrize("text, expected", [
    ("Among 104 enrolled patients, the ORR was 36%.", {("zorbanib", "orr", ""): (Decimal("36"), "%")}),
    ("Among all 60 treated patients, the ORR was 36%.", {("zorbanib", "orr", ""): (Decimal("36"), "%")}),
    ("Among 30 patients with cirrhosis, the ORR was 36%.", {}),
    ("Among 30 patients who had received prior felotinib, the ORR was 36%.", {}),
    ("Among the 21 patients previously treated with felotinib, the response rate was 28.6%.", {}),
    ("Among 80 patients treated, the ORR was 36%.", {("zorbanib", "orr", ""): (Decimal("36"), "%")}),
])
def test_among_a_count_of_all_patients_is_the_whole_trial(text, expected):
    assert read(text, ["zorbanib"]) == expected


@pytest.mark.parametrize("text", [
    "Patients receiving zorbanib lived a median of 16.4 months, compared with 13.8 months for those on felotinib.",
    "Patients given zorbanib survived for a median 16.4 months, versus 13.8 months for those given felotinib.",
    "People who took zorbanib lived for an average of 16.4 months, compared with 13.8 months for those on felotinib.",
])
def test_lived_a_median_of_is_overall_survival(text):
    assert read(text) == {("zorbanib", "os", ""): (Decimal("16.4"), "months"),
                          ("felotinib", "os", ""): (Decimal("13.8"), "months")}


def test_a_ratio_with_no_endpoint_before_it_measures_the_one_its_clause_names_next():
    text = "The trial was halted early (hazard ratio 0.30, 95% CI 0.22-0.40; median PFS 4.0 vs 1.9 months)."
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    start = text.index("hazard")
    assert hazard_ratio_endpoint(doc, doc.sentences[0], "", start) == "pfs"
    # an endpoint named before the ratio still wins; none named in the clause gives none
    text2 = "Median OS was longer (HR 0.7); PFS did not differ."
    doc2 = AnalysedDocument(Document.from_text("d", text2), VOCAB, FINDER)
    assert hazard_ratio_endpoint(doc2, doc2.sentences[0], "", text2.index("HR")) == "os"
    text3 = "The trial was halted early (HR 0.30)."
    doc3 = AnalysedDocument(Document.from_text("d", text3), VOCAB, FINDER)
    assert hazard_ratio_endpoint(doc3, doc3.sentences[0], "", text3.index("HR")) is None


@pytest.mark.parametrize("text", ["The 3-year OS rates were 30.7% and 20.2% for zorbanib and felotinib.",
                                  "Median OS was 30.7 and 20.2 months with zorbanib and felotinib; PFS did not differ."])
def test_values_then_the_arms_listed_to_the_clauses_end_go_in_order(text):
    got = read(text)
    assert [(k[0], v[0]) for k, v in sorted(got.items())] == [("felotinib", Decimal("20.2")), ("zorbanib", Decimal("30.7"))]


def test_a_mean_is_no_median():
    got = read("Patients had a mean PFS of 4.4 months with zorbanib and 2.1 months with felotinib, while median OS "
               "was 12.5 months with zorbanib and 9.5 months with felotinib.")
    assert got == {("zorbanib", "os", ""): (Decimal("12.5"), "months"), ("felotinib", "os", ""): (Decimal("9.5"), "months")}
    assert read("The average overall survival was 15 months with zorbanib and 10 months with felotinib.") == {}


def test_values_paired_by_a_slash():
    got = read("Median OS was 14.4/10.2 months with zorbanib and felotinib, respectively.")
    assert got == {("zorbanib", "os", ""): (Decimal("14.4"), "months"), ("felotinib", "os", ""): (Decimal("10.2"), "months")}


def test_an_abbreviated_unreached_median_holds_the_first_arms_place():
    got = read("Median OS was NR vs. 11.2 months (HR 0.61).")
    assert got == {("felotinib", "os", ""): (Decimal("11.2"), "months")}


def test_a_share_of_the_arms_group_named_right_after_it():
    got = read("An objective response occurred in 14.5% of the felotinib group and 3.5% of the zorbanib group.")
    assert got == {("felotinib", "orr", ""): (Decimal("14.5"), "%"), ("zorbanib", "orr", ""): (Decimal("3.5"), "%")}


def test_responses_named_by_their_parts():
    got = read("A complete or partial response was seen in 14.5% with zorbanib and 3.5% with felotinib; complete "
               "or partial response or stable disease in 61.0% with zorbanib and 40.5% with felotinib.")
    assert got == {("zorbanib", "orr", ""): (Decimal("14.5"), "%"), ("felotinib", "orr", ""): (Decimal("3.5"), "%"),
                   ("zorbanib", "dcr", ""): (Decimal("61.0"), "%"), ("felotinib", "dcr", ""): (Decimal("40.5"), "%")}


def test_a_short_form_the_document_defines_for_an_endpoint_names_it():
    text = ("Secondary end points included the response rate (RR) by RECIST. RR was 9.10% with zorbanib "
            "and 3.20% with felotinib (P = .03).")
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    got = {(v.agent, v.endpoint): v.value for v in arm_values(doc, doc.sentences[1], ARMS)}
    assert got == {("zorbanib", "orr"): Decimal("9.10"), ("felotinib", "orr"): Decimal("3.20")}
    # undefined, the letters name nothing
    doc = AnalysedDocument(Document.from_text("d", text.replace(" (RR)", "")), VOCAB, FINDER)
    assert arm_values(doc, doc.sentences[1], ARMS) == []


def test_a_share_achieved_by_patients_is_a_value_and_a_change_by_a_percentage_is_not():
    got = read("An objective response was achieved by 21.0% of patients in the zorbanib group and 9.0% in the felotinib group.")
    assert got == {("zorbanib", "orr", ""): (Decimal("21.0"), "%"), ("felotinib", "orr", ""): (Decimal("9.0"), "%")}
    assert read("Zorbanib reduced the risk of progression by 21% versus felotinib (median PFS 6.0 vs 4.0 months).") == {
        ("zorbanib", "pfs", ""): (Decimal("6.0"), "months"), ("felotinib", "pfs", ""): (Decimal("4.0"), "months")}


@pytest.mark.parametrize("text", [
    "ORR was 24.0% vs 8.5% per RECIST 1.1 and 33.5% vs 11.0% per mRECIST.",
    "ORR per RECIST 1.1 was 24.0% vs 8.5% and per mRECIST 33.5% vs 11.0%.",  # the criterion's version is no value
    "The ORR with zorbanib and felotinib was 24.0% and 8.5% by RECIST 1.1, and 33.5% and 11.0% by mRECIST, respectively.",
])
def test_two_arms_values_by_two_criteria_are_all_values(text):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    got = [(v.agent, v.value) for v in arm_values(doc, doc.sentences[0], ARMS)]
    assert len(got) == 4 and set(got) == {("felotinib", Decimal("11.0")), ("felotinib", Decimal("8.5")),
                                          ("zorbanib", Decimal("24.0")), ("zorbanib", Decimal("33.5"))}
    # a second pair with no criterion named is not read as one
    doc = AnalysedDocument(Document.from_text("d", "ORR was 24.0% vs 8.5% and 33.5% vs 11.0% at weeks 12 and 24."), VOCAB, FINDER)
    assert sorted(v.value for v in arm_values(doc, doc.sentences[0], ARMS)) == [Decimal("8.5"), Decimal("24.0")]


def test_the_point_of_an_abbreviated_unit_does_not_part_a_value_from_its_arm():
    assert read("The median OS was 15.1 mo. with zorbanib and 12.2 mo. with felotinib.") == {
        ("zorbanib", "os", ""): (Decimal("15.1"), "months"), ("felotinib", "os", ""): (Decimal("12.2"), "months")}
    assert read("The median PFS was 6.1 mo. in the felotinib arm and 4.0 mo. in the zorbanib arm.") == {
        ("felotinib", "pfs", ""): (Decimal("6.1"), "months"), ("zorbanib", "pfs", ""): (Decimal("4.0"), "months")}


def test_a_subgroup_qualifying_later_values_leaves_the_whole_populations_values_before_it():
    assert read("Median OS was 15.1 vs 12.2 months, and among patients with vascular invasion, 10.0 vs 7.0 months.") == {
        ("zorbanib", "os", ""): (Decimal("15.1"), "months"), ("felotinib", "os", ""): (Decimal("12.2"), "months")}
    assert read("Median OS was 15.1 vs 12.2 months among patients with vascular invasion.") == {}


def test_an_age_group_is_a_subgroup_but_adults_eligibility_is_everyone():
    assert read("In patients aged 65 years or older, median OS was 14.0 vs 12.0 months.") == {}
    assert read("In patients aged ≥75 years, median OS was 14.0 vs 12.0 months.") == {}
    assert read("In the trial, patients aged 18 years or older had a median OS of 14.0 vs 12.0 months.") == {
        ("zorbanib", "os", ""): (Decimal("14.0"), "months"), ("felotinib", "os", ""): (Decimal("12.0"), "months")}


@pytest.mark.parametrize("text", [
    "Median OS was 15.1 months with zorbanib, compared with 10.7 months reported for felotinib in an earlier trial.",
    "Median OS was 15.1 months with zorbanib, compared with a historical 10.7 months with felotinib.",
])
def test_another_trials_value_quoted_for_comparison_is_no_arms_value(text):
    assert read(text) == {("zorbanib", "os", ""): (Decimal("15.1"), "months")}
    # a value observed or reported in this trial is its own
    assert len(read(text.replace("compared with 10.7 months reported for felotinib in an earlier trial", "versus 10.7 "
                                 "months observed with felotinib").replace("a historical ", ""))) == 2
    assert len(read("A median OS of 15.1 months was reported for zorbanib in the ITT population and 10.7 months for "
                    "felotinib.")) == 2


@pytest.mark.parametrize("sentence", [
    "Median OS was 11.0 vs 13.5 months for felotinib vs zorbanib (HR 1.21; 95% CI 0.9-1.6).",
    "Median OS was 11.0 and 13.5 months for felotinib and zorbanib (hazard ratio [HR], 1.21; p = 0.3).",
    "Median OS was 11.0/13.5 months for felotinib/zorbanib.",
    "Median OS was 11.0/13.5 months for felotinib/zorbanib (HR 1.21).",
])
def test_values_then_their_arms_in_the_same_order_before_an_aside(sentence):
    """"X vs Y months for A vs B (HR ...)": the arms listed after the values take them in order, whatever
    aside closes the clause (the values used to go to the first arm named after each, B then A)."""
    assert read(sentence) == {("felotinib", "os", ""): (Decimal("11.0"), "months"),
                              ("zorbanib", "os", ""): (Decimal("13.5"), "months")}


@pytest.mark.parametrize("tail", ["", " (hazard ratio [HR], 0.95; 95% CI 0.5-1.4)"])
def test_a_drug_and_placebo_parted_by_a_slash_are_two_arms(tail):
    """"4.1/4.3 months for A/placebo" in a placebo-controlled trial: the values go in order (they went the
    other way round, the slash read as the add-on "A with placebo")."""
    got = read_more(f"Median OS was 4.1/4.3 months for zorbanib/placebo{tail}.", ["zorbanib", "placebo"])
    assert got == {("zorbanib", "os", ""): (Decimal("4.1"), "months"), ("placebo", "os", ""): (Decimal("4.3"), "months")}


def test_an_endpoint_named_after_its_values_labels_them():
    """"6.9 vs 2.8 months for PFS and 16.5 vs 13.2 months for OS": each endpoint takes the values before it
    (PFS used to take OS's, and OS none)."""
    assert read("Medians were 6.9 vs 2.8 months for PFS and 16.5 vs 13.2 months for OS.") == {
        ("zorbanib", "pfs", ""): (Decimal("6.9"), "months"), ("felotinib", "pfs", ""): (Decimal("2.8"), "months"),
        ("zorbanib", "os", ""): (Decimal("16.5"), "months"), ("felotinib", "os", ""): (Decimal("13.2"), "months")}


def test_follow_up_labelled_by_endpoint_is_no_value():
    """Follow-up durations given per endpoint are not the endpoints' medians (they became PFS values)."""
    assert read("The median follow-up was 6.2 months with zorbanib and 4.2 months with felotinib for PFS, and 15.3 "
                "and 14.5 months, respectively, for OS.") == {}


def test_a_comparison_put_first_names_the_comparator():
    """"Compared with B, A gave longer PFS (6.9 vs 2.8 months)": A's is the first value (B took it)."""
    assert read("Compared with felotinib, zorbanib resulted in longer PFS (median, 6.9 vs 2.8 months; HR 0.52).") == {
        ("zorbanib", "pfs", ""): (Decimal("6.9"), "months"), ("felotinib", "pfs", ""): (Decimal("2.8"), "months")}


@pytest.mark.parametrize("text", [
    "Compared with felotinib, zorbanib gave a median OS of 14.6 months in this invented trial.",
    "Compared with felotinib, zorbanib produced a 14.6-month overall survival in this made-up study.",
])
def test_the_one_value_after_a_fronted_comparison_is_its_subjects(text):
    assert read(text) == {("zorbanib", "os", ""): (Decimal("14.6"), "months")}


def test_a_whole_month_count_before_an_endpoint_is_a_landmark_not_a_median():
    assert read("Compared with felotinib, zorbanib gave a 12-month overall survival of 60%.") != {
        ("zorbanib", "os", ""): (Decimal("12"), "months")}


def test_arms_parted_by_versus_take_the_values_in_order_before_a_new_clause():
    assert read("Median OS was 16.5 vs 13.2 months for zorbanib vs felotinib, and the HR for PFS was 0.52.") == {
        ("zorbanib", "os", ""): (Decimal("16.5"), "months"), ("felotinib", "os", ""): (Decimal("13.2"), "months")}



def _cohort_values(text: str) -> set:
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    return {(v.agent, v.endpoint, v.value) for v in arm_values(doc, doc.sentences[0], ["zorbanib"])}


def test_a_single_arms_cohorts_each_give_the_arm_a_value():
    assert _cohort_values("The ORR was 31% (95% CI 20-44) and 27% (95% CI 15-40) in the low-dose and high-dose cohorts, "
                          "respectively.") == {("zorbanib", "orr", Decimal("31")), ("zorbanib", "orr", Decimal("27"))}
    assert _cohort_values("The ORR was 38.1% [16/42; 95% CI, 23.6-54.4] in the weekly and 24.0% (12/50; 95% CI, "
                          "13.1-38.2) in the biweekly cohort.") == {("zorbanib", "orr", Decimal("38.1")),
                                                                    ("zorbanib", "orr", Decimal("24.0"))}
    assert _cohort_values("Median PFS in both cohorts was 6.2 months and 4.9 months, respectively.") == {
        ("zorbanib", "pfs", Decimal("6.2")), ("zorbanib", "pfs", Decimal("4.9"))}
    # cohorts chosen by a characteristic are subgroups; cohorts named by the arms are the arms
    assert _cohort_values("ORR was 22% and 9% in the PD-L1-positive and PD-L1-negative cohorts, respectively.") == set()
    assert _cohort_values("ORR was 22% and 9% in the first-line and second-line cohorts, respectively.") == set()
    got = read("The ORR was 31% and 12% in the zorbanib and felotinib cohorts, respectively.")
    assert got == {("zorbanib", "orr", ""): (Decimal("31"), "%"), ("felotinib", "orr", ""): (Decimal("12"), "%")}


def test_the_unit_printed_after_the_interval_still_leads_to_the_arm_named_after_it():
    got = read("The median OS (95% CI) was 7.0 (5.6-8.1) months for felotinib and 9.4 (6.4-12.3) months for zorbanib.")
    assert got == {("felotinib", "os", ""): (Decimal("7.0"), "months"), ("zorbanib", "os", ""): (Decimal("9.4"), "months")}
    got = read("Median PFS was 3.1 [2.2-4.0] mo. in the zorbanib arm versus 2.6 [1.9-3.3] mo. in the felotinib arm.")
    assert got == {("zorbanib", "pfs", ""): (Decimal("3.1"), "months"), ("felotinib", "pfs", ""): (Decimal("2.6"), "months")}


def test_respectively_after_a_later_endpoint_leaves_a_single_arms_median_alone():
    got = read("The median PFS was 11.2 months, with PFS rates of 61% and 38% at 12 and 24 months, respectively.", ["zorbanib"])
    assert got[("zorbanib", "pfs", "")] == (Decimal("11.2"), "months")
    assert read("ORR was 20% and 14% in the naive and pretreated groups, respectively.", ["zorbanib"]) == {}


def test_the_response_evaluable_population_is_no_subgroup():
    got = read("Among pts with evaluable tumour assessment at baseline, the ORR was 18.2% (61/335) in the zorbanib arm and "
               "5.0% (8/160) in the felotinib arm.")
    assert got == {("zorbanib", "orr", ""): (Decimal("18.2"), "%"), ("felotinib", "orr", ""): (Decimal("5.0"), "%")}
    assert read("Among patients with vascular invasion, the ORR was 18.2% in the zorbanib arm and 5.0% in the felotinib arm.") == {}


@pytest.mark.parametrize("text, expected", [
    # the arm after a pair in its own parenthesis qualifies the pair as a whole: it is the first value's
    ("Compared with felotinib, investigators saw longer OS (9.4 vs. 6.1 months) in patients treated with zorbanib.",
     {"zorbanib": Decimal("9.4"), "felotinib": Decimal("6.1")}),
    ("The ORR was higher (37% vs 21%) with zorbanib vs FB-2.",  # the second arm a code the vocabulary lacks
     {"zorbanib": Decimal("37"), "felotinib": Decimal("21")}),
    ("The ORR was lower (21% vs 37%) with felotinib.", {"felotinib": Decimal("21"), "zorbanib": Decimal("37")}),
])
def test_an_arm_named_after_a_parenthesised_pair_is_the_first_values(text, expected):
    assert {agent: value for (agent, _, _), (value, _) in read(text).items()} == expected


def test_a_value_in_its_counts_bracket_goes_to_the_arm_after_the_bracket():
    got = read("ORR: responses in 12 patients (31%, 95% confidence interval [CI] = 18%-47%) in the felotinib group vs 5 patients "
               "(13%, 95% CI = 4%-27%) in the zorbanib group.")
    assert got == {("felotinib", "orr", ""): (Decimal("31"), "%"), ("zorbanib", "orr", ""): (Decimal("13"), "%")}


def test_endpoints_listed_together_in_a_two_arm_trial_naming_no_arm_are_no_arms_values():
    # "PFS and OS were A and B, respectively": one value per endpoint, for everyone; neither is one arm's
    assert read("Median PFS and OS from the first dose in all patients were 4.4 and 10.9 months, respectively.") == {}
    assert read("Median PFS and OS were 4.4 and 10.9 months, respectively.", ["zorbanib"]) == {
        ("zorbanib", "pfs", ""): (Decimal("4.4"), "months"), ("zorbanib", "os", ""): (Decimal("10.9"), "months")}


def test_a_share_after_other_patients_counted_is_theirs_not_the_outcomes():
    vocab = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",)),
                        Entity("pr", "partial response", ("EndpointType",), ("PR",))])
    text = ("Two patients had a partial response (PR), 3 patients had a minor response, and 12 patients had "
            "stable disease (40%; 95% CI, 25-57%).")
    doc = AnalysedDocument(Document.from_text("d", text), vocab, MentionFinder(vocab))
    assert arm_values(doc, doc.sentences[0], ["zorbanib"]) == []
    # ... while the outcome's own share is read
    doc = AnalysedDocument(Document.from_text("d", "A partial response (PR) was seen in 12% of patients."), vocab,
                           MentionFinder(vocab))
    assert [v.value for v in arm_values(doc, doc.sentences[0], ["zorbanib"])] == [Decimal("12")]


@pytest.mark.parametrize("text, first", [
    ("Median OS was longer with felotinib (6.4 vs. 5.0 months; HR, 0.80; P = 0.07).", "felotinib"),
    ("A trend toward longer OS was seen with felotinib (6.4 vs. 5.0 months).", "felotinib"),
    ("Compared with zorbanib, median OS was longer (6.4 vs. 5.0 months).", "felotinib"),
])
def test_a_pair_after_one_named_arm_gives_it_the_first_value(text, first):
    got = read(text)
    other = next(a for a in ARMS if a != first)
    assert got[(first, "os", "")][0] == Decimal("6.4") and got[(other, "os", "")][0] == Decimal("5.0")


@pytest.mark.parametrize("text", [
    "The treated group showed a longer median OS than that in the felotinib group (6.4 vs. 5.0 months; HR 0.71).",
    "Median OS was prolonged significantly with the new regimen compared to the felotinib group (6.4 vs. 5.0 months).",
    "Median OS was significantly longer than among patients given felotinib (6.4 versus 5.0 months).",
    "The new combination extended median OS over felotinib (6.4 vs 5.0 months, HR 0.70).",
    "Median OS was better when compared with felotinib (6.4 vs. 5.0 months).",
])
def test_one_named_arm_as_the_comparisons_object_gives_it_the_second_value(text):
    """"X had a longer OS than (that in) the B group (x vs y)": B, the one arm named, is the comparator (it took x)."""
    got = read(text)
    assert got[("zorbanib", "os", "")][0] == Decimal("6.4") and got[("felotinib", "os", "")][0] == Decimal("5.0")


@pytest.mark.parametrize("text, arms", [
    ("Confirmed ORRs (95% CI) were 24.0% (14.9-35.3), 10.6% (5.4-18.1), 7.2% (2.4-16.1), 9.5% (4.2-17.9).",
     ARMS + ["quelvumab"]),
    ("Median OS reached 18.7, 13.6, 15.1 and 11.3 months.", ARMS + ["quelvumab"]),
    ("Median OS was 12.1 months vs 10.2 months vs 8.0 months.", ARMS),
])
def test_a_list_of_more_values_than_arms_places_none_by_order(text, arms):
    """Four values listed for three arms: a group the arms do not hold is among them (the first three were given
    the arms in order)."""
    assert read(text, arms) == {}


@pytest.mark.parametrize("follow_up", ["after a median follow-up of 20.5 months", "(median follow-up, 20.5 months)",
                                       "when the median follow-up time was 20.5 months"])
def test_a_follow_ups_own_duration_between_the_endpoint_and_its_values_is_no_value(follow_up):
    got = read(f"Median OS with zorbanib exceeded that with felotinib {follow_up} (16.1 v 12.4 months; HR 0.61).")
    assert got == {("zorbanib", "os", ""): (Decimal("16.1"), "months"), ("felotinib", "os", ""): (Decimal("12.4"), "months")}


def test_a_follow_up_without_its_own_duration_still_hides_the_values_after_it():
    assert read("Median OS was reached in the zorbanib group at a median follow-up of 16.1 and 12.4 months.") == {}


def test_values_for_both_cohorts_of_a_trial_parted_by_its_earlier_treatment_are_subgroups():
    text = ("This single-arm study gave zorbanib to 50 untreated patients, its first-line cohort, and to 80 pretreated "
            "ones, its second-line cohort. The ORR reached 30.0% [15/50; 95% CI, 18.0-44.0] in the first-line and "
            "20.0% (16/80) in the second-line cohort. For both cohorts, median PFS came to 6.1 and 4.2 months, respectively.")
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    assert [v for sent in doc.sentences[1:] for v in arm_values(doc, sent, ["zorbanib"])] == []
    # cohorts by dose or schedule are the arm's (test_a_single_arms_cohorts_each_give_the_arm_a_value)
    dosed = text.replace("untreated patients, its first-line cohort", "patients at 10 mg").replace(
        "pretreated ones, its second-line cohort", "at 20 mg")
    doc = AnalysedDocument(Document.from_text("d", dosed), VOCAB, FINDER)
    assert {v.value for v in arm_values(doc, doc.sentences[-1], ["zorbanib"])} == {Decimal("6.1"), Decimal("4.2")}


def test_the_time_from_which_something_holds_is_no_value():
    assert read("Zorbanib looked active, and because the PFS curves of the two arms parted from 9 mo onwards, an update is "
                "planned.", ["zorbanib"]) == {}


def test_the_last_value_before_a_list_of_arms_is_not_the_first_arms_alone():
    # a text cut short after the arms ("... in the A and B gr"): no reading rather than the values swapped
    got = read("Median OS reached 15.0 (95% CI 12.1-17.7) and 11.2 (9.0-13.1) mo in the zorbanib and felotinib gr")
    assert got.get(("zorbanib", "os", "")) != (Decimal("11.2"), "months") and got == {}


@pytest.mark.parametrize("text", [
    "The ORR was 31% in cohort A and 27% in cohort B. The median PFS was 8.1 months and 7.4 months, respectively.",
    "Cohort 1 took 10 mg and cohort 2 took 20 mg of zorbanib. Median PFS came to 8.1 and 7.4 months, respectively.",
])
def test_respectively_after_a_sentence_naming_the_cohorts_gives_the_single_arm_each_cohorts_value(text):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    got = {(v.agent, v.endpoint, v.value) for v in arm_values(doc, doc.sentences[1], ["zorbanib"])}
    assert got == {("zorbanib", "pfs", Decimal("8.1")), ("zorbanib", "pfs", Decimal("7.4"))}
    # cohorts by the therapy before are subgroups, whose values are no arm's
    other = text.replace("cohort A", "the first-line cohort").replace("cohort B", "the second-line cohort") \
        .replace("Cohort 1", "The pretreated cohort").replace("cohort 2", "the treatment-naive cohort")
    doc = AnalysedDocument(Document.from_text("d", other), VOCAB, FINDER)
    assert arm_values(doc, doc.sentences[1], ["zorbanib"]) == []


@pytest.mark.parametrize("name", ["time-to-tumor progression", "time-to-radiologic progression", "time to-tumour progression"])
def test_time_to_tumor_progression_hyphenated_is_the_time_to_progression(name):
    assert read(f"Median {name} was 4.1 months with zorbanib and 2.8 months with felotinib.") == {
        ("zorbanib", "ttp", ""): (Decimal("4.1"), "months"), ("felotinib", "ttp", ""): (Decimal("2.8"), "months")}


@pytest.mark.parametrize("text", [
    "Zorbanib gave a 31% objective response rate and a median OS of 9.5 months.",
    "In the expansion part, zorbanib monotherapy achieved 31% ORR, with a median OS of 9.5 months.",
    'Zorbanib gave a 31% objective response rate ("ORR") (11/35) and a median OS of 9.5 months.',
])
def test_a_share_printed_right_before_a_rates_name_is_its_value(text):
    assert read(text, ["zorbanib"]) == {("zorbanib", "orr", ""): (Decimal("31"), "%"),
                                        ("zorbanib", "os", ""): (Decimal("9.5"), "months")}
    # a share with values after the rate's name is theirs to place ("a 31% ORR in X patients and 20% in Y")
    assert read("Zorbanib gave a 31% ORR in the invented subgroup and 20% in the other.", ["zorbanib"]) == {}


@pytest.mark.parametrize("text", [
    "The median PFS was 10.7 months, the median OS was not reached, and the median TTR was 1.4 months.",
    "Median OS had not been reached; the median time to response was 1.4 months.",
])
def test_a_value_after_an_unreached_median_is_another_endpoints(text):
    got = read(text, arms=("zorbanib",))
    assert not [v for k, v in got.items() if k[1] == "os"]


def test_an_arm_listed_beside_a_regimen_that_holds_it_is_an_arm_of_its_own():
    regimen = agent_key(["felotinib", "zorbanib"])
    got = read("Median OS in the felotinib and zorbanib plus felotinib groups was 6.1 months and 8.4 months, "
               "respectively.", arms=["felotinib", regimen])
    assert got == {("felotinib", "os", ""): (Decimal("6.1"), "months"), (regimen, "os", ""): (Decimal("8.4"), "months")}


def test_values_of_responders_and_non_responders_are_no_arms():
    got = read("In the felotinib group, median OS was 25.1 months for responders and 7.9 months for non-responders.")
    assert got == {}


@pytest.mark.parametrize("follow_up", ["median follow-up was 6.0 months in the felotinib group and 4.0 months in the "
                                       "zorbanib group", "median follow-up was 6.0 and 4.0 months, respectively"])
def test_follow_up_per_group_after_an_endpoint_is_no_value_of_it(follow_up):
    assert read(f"In the final PFS analysis, {follow_up}.") == {}


@pytest.mark.parametrize("text, endpoint, first, second", [
    ("With half of the patients in the felotinib arm living at least 23.7 months compared with 20.6 months in the "
     "zorbanib arm, the trial met its goal.", "os", "23.7", "20.6"),
    ("A higher proportion of cancers responded to felotinib (36.1%) compared with zorbanib (13.2%).", "orr", "36.1", "13.2"),
])
def test_a_public_texts_words_for_the_median_survival_and_the_response_rate(text, endpoint, first, second):
    got = read(text)
    assert got[("felotinib", endpoint, "")][0] == Decimal(first) and got[("zorbanib", endpoint, "")][0] == Decimal(second)


def test_a_medians_time_printed_before_it_is_its_value_and_a_rates_time_point_is_not():
    got = read("Zorbanib produced a 31.5% ORR and a 6.2-month median PFS in this made-up cohort.", ["zorbanib"])
    assert got == {("zorbanib", "orr", ""): (Decimal("31.5"), "%"), ("zorbanib", "pfs", ""): (Decimal("6.2"), "months")}
    assert read("Zorbanib gave a 12-month OS rate of 55% here.", ["zorbanib"]) == \
        {("zorbanib", "os", "12-month"): (Decimal("55"), "%")}


@pytest.mark.parametrize("text", [
    "In both arms, the median PFS was 2.8 months in this made-up trial.",
    "The median PFS was 2.8 months in each group of this made-up trial.",
    "Median PFS was 2.8 months in both treatment groups of this made-up trial.",
])
def test_one_value_said_of_both_arms_is_each_arm_s(text):
    value = (Decimal("2.8"), "months")
    assert read(text) == {("zorbanib", "pfs", ""): value, ("felotinib", "pfs", ""): value}


def test_one_value_said_of_both_arms_of_a_three_arm_trial_is_no_arm_s():
    assert read_q("In both arms, the median PFS was 2.8 months in this made-up trial.", THREE) == {}


def test_a_median_not_reached_for_an_arm_named_at_length_holds_the_first_place():
    got = read("Median OS was not reached in the invented patients who received zorbanib at the higher dose and was "
               "13.2 months in the patients who received felotinib.")
    assert got == {("felotinib", "os", ""): (Decimal("13.2"), "months")}


@pytest.mark.parametrize("text", [
    "In this trial, objective response rate (complete response [CR] plus partial response [PR]) reached 6.5% for zorbanib and 2.0% for felotinib.",
    "ORR (PR + CR) was 6.5% with zorbanib vs 2.0% with felotinib.",
])
def test_endpoints_inside_a_definition_of_the_endpoint_are_its_parts(text):
    vocab = Vocabulary([*VOCAB.entities.values(), Entity("complete_response", "complete response", ("EndpointType",), ("CR",)),
                        Entity("partial_response", "partial response", ("EndpointType",), ("PR",))])
    doc = AnalysedDocument(Document.from_text("d", text), vocab, MentionFinder(vocab))
    got = {(v.agent, v.endpoint): v.value for v in arm_values(doc, doc.sentences[0], ARMS)}
    assert got == {("zorbanib", "orr"): Decimal("6.5"), ("felotinib", "orr"): Decimal("2.0")}


def test_a_guides_median_said_as_living_at_least_is_a_value():
    assert read("Half of the patients given zorbanib were living at least 23.7 months.", ["zorbanib"]) == \
        {("zorbanib", "os", ""): (Decimal("23.7"), "months")}


def test_a_complete_response_rate_is_not_the_objective_response_rate():
    assert read("The ORR with zorbanib was 17%, with a complete response rate of 1%.", ["zorbanib"]) == \
        {("zorbanib", "orr", ""): (Decimal("17"), "%")}
