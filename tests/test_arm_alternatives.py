"""Arms a sentence states with a shared part or by a label, and the trial they belong to (invented
trials, drugs and numbers; written for the fresh trial-abstract set of the twelfth round)."""

from __future__ import annotations

import pytest
from trial_facts import arm_of as agents_of_arms

from hcc_kg.extract.abstracts import prose_trials
from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.arm_comparisons import compared_arms
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.prose_arms import randomised_arms
from hcc_kg.extract.prose_sizes import arm_sizes
from hcc_kg.keys import agent_key
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("zorbanib", "zorbanib", ("SmallMolecule",)),
    Entity("felotinib", "felotinib", ("SmallMolecule",)),
    Entity("quorimab", "quorimab", ("MonoclonalAntibody",)),
    Entity("placebo", "placebo", ("Placebo",)),
    Entity("tace", "transarterial chemoembolization", ("Procedure",), ("TACE",)),
    Entity("os", "overall survival", ("EndpointType",), ("OS",)),
    Entity("surgical_resection", "surgical resection", ("Procedure",)),
])
FINDER = MentionFinder(VOCAB)
QZ = agent_key(["quorimab", "zorbanib"])
FZ = agent_key(["felotinib", "zorbanib"])


def analysed(text: str) -> AnalysedDocument:
    return AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)


def keys(found) -> list[str]:
    return [a.key for a in found]


def trial_arms(found) -> dict[str, set[str]]:
    arm_of = agents_of_arms(found)
    out: dict[str, set[str]] = {}
    for a in found:
        if a.predicate == "hasArm":
            out.setdefault(a.subject, set()).add(arm_of[a.object])
    return out


def test_a_backbone_before_either_is_in_every_arm():
    doc = analysed("Patients were randomly assigned to zorbanib plus either quorimab (n = 120) or placebo (n = 118).")
    sent = doc.sentences[0]
    assert keys(randomised_arms(doc, sent)) == [QZ, "zorbanib"]  # placebo with the backbone is the backbone's arm
    doc = analysed("The aim was to compare zorbanib 400 mg twice daily plus either quorimab, felotinib or placebo.")
    assert keys(compared_arms(doc, doc.sentences[0])) == [QZ, FZ, "zorbanib"]
    # ... but not the therapy patients had before
    doc = analysed("Patients who progressed after zorbanib plus either quorimab or felotinib were enrolled.")
    assert compared_arms(doc, doc.sentences[0]) == []
    # ... and "either" opening the list lists whole arms
    doc = analysed("Patients were randomly assigned to either quorimab plus zorbanib or felotinib.")
    assert keys(randomised_arms(doc, doc.sentences[0])) == [QZ, "felotinib"]



def test_a_backbone_joined_by_and_before_either_is_in_every_arm_however_each_option_is_given():
    doc = analysed("Patients were randomly assigned to receive TACE and either oral zorbanib (8 mg; daily) plus "
                   "intravenous quorimab (200 mg) or matched placebo.")
    assert keys(randomised_arms(doc, doc.sentences[0])) == [agent_key(["quorimab", "tace", "zorbanib"]), "tace"]

def test_a_randomisation_restates_the_named_trials_arms():
    found = list(prose_trials(analysed(
        "KORBEL: a phase III, randomized, placebo-controlled trial of zorbanib plus quorimab in liver cancer\n"
        "Purpose: To compare outcomes of zorbanib plus either quorimab or placebo in a randomized, phase III trial.\n"
        "Methods: Patients (N = 600) were randomly assigned to zorbanib plus either quorimab (n = 301) or placebo "
        "(n = 299). Median OS was 10.5 v 9.9 months, respectively.")))
    assert trial_arms(found) == {"trial__korbel": {QZ, "zorbanib"}}


def test_counts_with_the_verb_left_out_after_with():
    doc = analysed("Accrual stopped at 356 patients (180 patients treated with zorbanib plus quorimab and 176 with "
                   "zorbanib alone).")
    assert arm_sizes(doc, doc.sentences[0]) == {QZ: 180, "zorbanib": 176}


def test_a_five_digit_protocol_number_names_a_trial():
    from hcc_kg.extract.trial_names import trial_names
    found = trial_names("Zorbanib plus felotinib vs felotinib alone: the phase 3 KALGO 40311 randomized clinical trial",
                        lambda s: False)
    assert [n.name for n in found] == ["KALGO 40311"]
    # ... glued to its word, five digits stay a code
    assert trial_names("The phase 2 trial of ZRB40311 in liver cancer", lambda s: False) == []


def test_a_division_into_groups_named_by_their_agents():
    from hcc_kg.extract.arm_groups import grouped_arms
    doc = analysed("Eighty patients were randomly divided into the zorbanib group and the felotinib group.")
    assert keys(grouped_arms(doc, doc.sentences[0])) == ["zorbanib", "felotinib"]
    doc = analysed("Patients were randomly assigned into the zorbanib plus TACE group (n = 40) and the TACE group (n = 41).")
    sent = doc.sentences[0]
    assert keys(grouped_arms(doc, sent)) == [agent_key(["zorbanib", "tace"]), "tace"]
    assert arm_sizes(doc, sent) == {agent_key(["zorbanib", "tace"]): 40, "tace": 41}
    # ... a group not named by its agent alone is no arm list
    doc = analysed("Patients were divided into the high-dose group and the zorbanib group.")
    assert grouped_arms(doc, doc.sentences[0]) == []


def test_lettered_groups_defined_by_what_they_were_given():
    found = list(prose_trials(analysed(
        "In this phase 2 trial, patients were divided into three groups by a random number table. Patients in group A "
        "were treated with TACE, patients in group B were treated with zorbanib and patients in group C were treated "
        "with TACE + mesylate zorbanib. Median OS was 9.1, 8.4 and 14.2 months in group A, group B and group C, "
        "respectively.")))
    assert list(trial_arms(found).values()) == [{"tace", "zorbanib", agent_key(["tace", "zorbanib"])}]
    arm_of = agents_of_arms(found)
    medians = {arm_of[a.subject]: a.attribute_values("value")[0] for a in found if a.predicate == "hasMeasurement"}
    assert {k: str(v) for k, v in medians.items()} == {"tace": "9.1", "zorbanib": "8.4", agent_key(["tace", "zorbanib"]): "14.2"}


def test_groups_named_by_their_role_are_defined_by_all_they_were_given():
    found = list(prose_trials(analysed(
        "This randomized trial assigned 120 patients to study and control groups. Patients in the study group will "
        "receive TACE (once), zorbanib (8 mg daily), and felotinib, and patients in the control group will receive "
        "felotinib. Median OS was 19.1 months in the study group and 12.4 months in the control group.")))
    combination = agent_key(["felotinib", "tace", "zorbanib"])
    assert list(trial_arms(found).values()) == [{combination, "felotinib"}]
    arm_of = agents_of_arms(found)
    medians = {arm_of[a.subject]: str(a.attribute_values("value")[0]) for a in found if a.predicate == "hasMeasurement"}
    assert medians == {combination: "19.1", "felotinib": "12.4"}


def test_a_treatment_group_is_a_role_and_a_count_assigned_to_the_group_is_its_arms():
    found = list(prose_trials(analysed(
        "In this randomized trial, patients in the treatment group received zorbanib plus TACE and patients in the "
        "control group received TACE alone. Overall, 61 patients were randomly assigned to the treatment group and "
        "58 to the control group.")))
    arm_of = agents_of_arms(found)
    sizes = {arm_of[a.subject]: a.object for a in found if a.predicate == "armSize"}
    assert sizes == {agent_key(["tace", "zorbanib"]): 61, "tace": 58}


def test_a_title_trial_returns_after_a_background_that_ended_it():
    found = list(prose_trials(analysed(
        "Zorbanib combined with TACE in recurrent liver cancer: a phase II clinical trial.\n"
        "Background: TACE and kinase inhibitors have shown promise in retrospective studies.\n"
        "Methods: This trial involved patients with recurrent or oligometastatic liver cancer orally treated with "
        "zorbanib plus TACE every 3 weeks.\n"
        "Results: Thirty patients (25 men; median age, 60 years) were enrolled.")))
    assert list(trial_arms(found).values()) == [{agent_key(["zorbanib", "tace"])}]
    assert [a.object for a in found if a.predicate == "armSize"] == [30]
    # ... while a therapy patients had before is not what they received
    from hcc_kg.extract.received_arm import received_agent
    doc = analysed("Patients with advanced liver cancer previously treated with felotinib were enrolled.")
    assert received_agent(doc, doc.sentences[0]) is None


def test_the_drug_a_procedure_delivers_is_part_of_its_arm():
    doc = analysed("A randomised trial of zorbanib plus TACE with felotinib versus zorbanib alone in liver cancer")
    assert keys(compared_arms(doc, doc.sentences[0])) == [agent_key(["zorbanib", "tace", "felotinib"]), "zorbanib"]
    # ... but a comparison of the procedure with the drug keeps them apart
    doc = analysed("This trial is comparing TACE with felotinib in liver cancer.")
    assert keys(compared_arms(doc, doc.sentences[0])) == ["tace", "felotinib"]


def test_a_single_arm_given_for_weeks_before_an_operation():
    from hcc_kg.extract.received_arm import received_agent
    doc = analysed("Patients received 8 weeks of neoadjuvant therapy with zorbanib 40 mg daily plus quorimab 240 mg every "
                   "2 weeks, followed by restaging and surgical resection.")
    assert received_agent(doc, doc.sentences[0]) == QZ


def test_groups_each_sized_in_a_row_are_the_arms():
    from hcc_kg.extract.arm_groups import sized_groups
    doc = analysed("In this randomized phase 2 trial, the zorbanib arm (n = 40) and the felotinib arm (n = 38) were compared.")
    sent = doc.sentences[0]
    assert keys(sized_groups(doc, sent)) == ["zorbanib", "felotinib"]
    assert arm_sizes(doc, sent) == {"zorbanib": 40, "felotinib": 38}
    # ... one sized group alone lists no arms
    doc = analysed("Grade 3 events were more frequent in the zorbanib arm (n = 12) than with felotinib.")
    assert sized_groups(doc, doc.sentences[0]) == []


def test_a_count_in_each_group_before_the_groups_are_listed():
    found = list(prose_trials(analysed(
        "A total of 90 patients were divided into 3 groups by random number table, 30 cases in each group. "
        "Patients in group A were treated with TACE, patients in group B were given zorbanib and patients in "
        "group C received TACE plus zorbanib.")))
    arm_of = agents_of_arms(found)
    assert {arm_of[a.subject]: a.object for a in found if a.predicate == "armSize"} == \
        {"tace": 30, "zorbanib": 30, agent_key(["tace", "zorbanib"]): 30}


def test_cohorts_sized_by_their_label_or_listed_after_a_colon():
    found = list(prose_trials(analysed(
        "In this phase 2 study, cohort A (n = 28) received zorbanib plus quorimab, and cohort B (n = 30) received "
        "zorbanib alone.")))
    arm_of = agents_of_arms(found)
    assert {arm_of[a.subject]: a.object for a in found if a.predicate == "armSize"} == {QZ: 28, "zorbanib": 30}
    from hcc_kg.extract.arm_groups import listed_cohorts
    doc = analysed("Patients were enrolled into two cohorts: zorbanib monotherapy (n = 30) and zorbanib plus quorimab (n = 32).")
    assert keys(listed_cohorts(doc, doc.sentences[0])) == ["zorbanib", QZ]


def test_a_dosage_form_after_the_first_part_keeps_one_regimen():
    doc = analysed("A Phase 3 Study of Quorimab Injection Combined With Zorbanib Tablets Versus Felotinib Tablets in Liver Cancer")
    assert keys(compared_arms(doc, doc.sentences[0])) == [QZ, "felotinib"]


@pytest.mark.parametrize("sentence", [
    "The study tested zorbanib alone and combined with an anti-PD-1 drug, quorimab.",
    "Zorbanib was given as monotherapy and in combination with quorimab.",
    "A first-in-human study of zorbanib and combination of zorbanib with quorimab in liver cancer.",
    "We tested zorbanib as a single agent and in combination with quorimab.",
])
def test_an_agent_alone_and_combined_with_another_is_two_arms(sentence):
    doc = analysed(sentence)
    assert keys(compared_arms(doc, doc.sentences[0])) == ["zorbanib", QZ]


def test_an_agent_and_another_agent_combined_is_no_pair_of_arms():
    doc = analysed("Zorbanib and quorimab combined were tested.")
    assert compared_arms(doc, doc.sentences[0]) == []


@pytest.mark.parametrize("sentence, expected", [
    ("It rests on the phase III comparison of quorimab + zorbanib to felotinib (HR 0.6).", [QZ, "felotinib"]),
    ("A comparison between zorbanib and felotinib was reported.", ["zorbanib", "felotinib"]),
    ("Zorbanib did better than standard care — felotinib — in the trial.", ["zorbanib", "felotinib"]),
    ("OS was longer with zorbanib versus standard care: felotinib.", ["zorbanib", "felotinib"]),
])
def test_a_comparison_named_by_its_noun_or_a_standard_care_gloss_gives_the_arms(sentence, expected):
    doc = analysed(sentence)
    assert keys(compared_arms(doc, doc.sentences[0])) == expected


def test_arms_counted_then_each_named_by_a_label_with_its_contents_in_brackets():
    text = ("The ZETA-12 trial was a randomized, double-blind study comparing two arms, the Z arm (TACE plus zorbanib) "
            "and the control arm (TACE plus felotinib).")
    assert trial_arms(list(prose_trials(analysed(text)))) == {"trial__zeta12": {agent_key(["tace", "zorbanib"]),
                                                                          agent_key(["felotinib", "tace"])}}
    # without the count of arms, a bracket after a group word is no arm's contents
    from hcc_kg.extract.arm_groups import labelled_contents
    doc = analysed(text.replace("two arms, ", ""))
    assert labelled_contents(doc, doc.sentences[0]) == []


@pytest.mark.parametrize("sentence", [
    "Median OS was 14.0 months and 11.0 months for the TACE and non-TACE groups, respectively.",
    "Median OS was 14.0 months in the TACE group and 11.0 months in the non-TACE group.",
])
def test_the_non_x_group_is_the_arm_given_no_x(sentence):
    found = list(prose_trials(analysed("In the ZETA-13 trial, patients were randomly assigned to zorbanib with or without "
                                       "TACE. " + sentence)))
    values = {a.subject.split("__", 2)[-1]: a.attribute_values("value")[0] for a in found if a.predicate == "hasMeasurement"}
    assert {k: str(v) for k, v in values.items()} == {agent_key(["tace", "zorbanib"]): "14.0", "zorbanib": "11.0"}
