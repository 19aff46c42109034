"""Patients per arm in invented sentences (more shapes in test_prose_arms, read with the arms)."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.enrolment import enrolled
from hcc_kg.extract.prose_sizes import arm_sizes, counted_groups
from hcc_kg.keys import agent_key
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",)), Entity("felotinib", "felotinib", ("SmallMolecule",))])
FINDER = MentionFinder(VOCAB)


def sizes(text: str) -> dict[str, int]:
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    return arm_sizes(doc, doc.sentences[0])


def test_sizes_given_respectively_without_brackets():
    a, b = 412, 409
    assert sizes(f"Patients were randomized to zorbanib or felotinib: n = {a} and n = {b}, respectively.") == \
        {"zorbanib": a, "felotinib": b}


def test_a_count_with_its_patients_closing_each_arms_part_of_a_list():
    a, b = 338, 336
    assert sizes(f"In all, {a + b} patients were randomized (zorbanib: {a} patients; felotinib: {b} patients).") == \
        {"zorbanib": a, "felotinib": b}


def test_enrolled_spelled_out_or_printed():
    assert enrolled("Forty-six patients were enrolled.") == 46
    assert enrolled("The trial will enroll 120 participants.") == 120


def test_enrolled_as_patients_given_the_drug_or_a_trials_n():
    for text in ("58 patients received quorimab.", "Quorimab was administered to 58 patients.",
                 "In the phase 2 trial (N = 58), patients received quorimab."):
        assert enrolled(text) == 58, text
    assert enrolled("Patients received quorimab for a median of 58 days.") is None


def test_counts_of_patients_with_an_event_are_no_arm_sizes():
    assert sizes("By the cutoff, 351 patients in the zorbanib group and 350 in the felotinib group had died.") == {}
    assert sizes("By the cutoff, 351 patients in the zorbanib group and 350 in the felotinib group were analysed.") == \
        {"zorbanib": 351, "felotinib": 350}


def test_sizes_in_the_order_of_the_arms_joined_by_versus_or_counted_as_patients():
    a, b = 338, 336
    for given in (f"(n = {a} vs {b})", f"({a} and {b} patients, respectively)"):
        assert sizes(f"Patients were randomized to zorbanib or felotinib {given}.") == {"zorbanib": a, "felotinib": b}, given


@pytest.mark.parametrize("text, expected", [
    ("The zorbanib arm included 342 patients and the felotinib arm 332; both were invented.",
     {"zorbanib": 342, "felotinib": 332}),
    ("The zorbanib group comprised 342 patients, and the felotinib group, 332.", {"zorbanib": 342, "felotinib": 332}),
    ("The felotinib arm 12 months later was closed in this invented trial.", {}),
    # ... or with its verb again
    ("In this invented trial, the zorbanib arm had 342 patients and the felotinib arm had 332.",
     {"zorbanib": 342, "felotinib": 332}),
])
def test_an_arm_that_included_n_patients_and_the_next_arm_with_its_verb_left_out(text, expected):
    assert sizes(text) == expected


@pytest.mark.parametrize("text", [
    "In this invented trial, the zorbanib arm had 342 patients and the felotinib arm had 332.",
    "In this invented trial, zorbanib was given to 342 patients and felotinib to 332.",
])
def test_arms_each_counted_after_their_naming_are_the_arms(text):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    assert [a.key for a in counted_groups(doc, doc.sentences[0])] == ["zorbanib", "felotinib"]


def test_one_arm_counted_so_is_no_list_of_arms():
    doc = AnalysedDocument(Document.from_text("d", "After progression, felotinib was given to 120 patients."), VOCAB, FINDER)
    assert counted_groups(doc, doc.sentences[0]) == []


def test_a_size_after_the_maintenance_schedule_is_the_arms_it_continues():
    regimen = agent_key(["zorbanib", "felotinib"])
    got = sizes("Adults were assigned to zorbanib plus felotinib every 3 weeks for four doses followed by zorbanib "
                "480 mg every 4 weeks (n=71), or to zorbanib 480 mg every 4 weeks (n=70).")
    assert got == {regimen: 71, "zorbanib": 70}


def test_counts_opening_each_part_of_a_parenthesised_list():
    assert sizes("Of the 512 randomised patients (257 zorbanib, 255 felotinib), 62% had cirrhosis.") == \
        {"zorbanib": 257, "felotinib": 255}


@pytest.mark.parametrize("text, n", [
    ("Results: 65 pts were treated (median age 63 y).", 65),
    ("As of the cut-off, 54 patients with FGF19-positive tumours had been treated at the chosen dose.", 54),
    ("PRISM-9, a single-arm phase 2 study of zorbanib plus felotinib in 94 patients whose disease progressed.", 94),
    ("Efficacy was evaluated in a single-arm, open-label trial in 104 patients.", 104),
    ("In ZETA-1, zorbanib was evaluated in 60 patients.", 60),
])
def test_enrolled_in_abstract_and_news_shapes(text, n):
    assert enrolled(text) == n


@pytest.mark.parametrize("text", [
    "Eight of them, 8 patients with hepatitis B received antiviral prophylaxis.",
    # the first few of those enrolled: a run-in's part
    "Safety will be assessed in the first 6 patients enrolled before the invented expansion opens.",
    "The initial 10 patients were treated at a made-up dose.",
])
def test_patients_with_a_feature_given_something_or_the_first_few_are_no_enrolment(text):
    assert enrolled(text) is None


@pytest.mark.parametrize("text, n", [
    ("Approval rested on the pivotal ORCA-9 (NCT01234567) trial, which assessed 81 patients in an open, single arm.", 81),
    ("Data came from a single-arm trial with 124 invented lymphoma patients who had one prior therapy.", 124),
    ("The phase 2 study, which enrolled 58 adults, was completed.", 58),
    ("It rests on a single-arm phase 2 trial (NCT07654321) conducted in 212 patients from six countries.", 212),
])
def test_a_trial_counted_by_its_relative_clause_or_with(text, n):
    assert enrolled(text) == n


@pytest.mark.parametrize("text", ["A trial with 3 arms and 400 patients.", "A study with 40 centres of patients."])
def test_a_trial_with_a_count_of_something_else_enrolled_no_one(text):
    assert enrolled(text) is None


def test_counts_opening_each_part_of_a_slashed_list():
    assert sizes("Overall, 431 patients were randomized (287 zorbanib/144 felotinib).") == {"zorbanib": 287, "felotinib": 144}


@pytest.mark.parametrize("printed", ["(n {})", "(n: {})", "(N: {})", "( n {} )"])
def test_a_size_whose_equals_sign_was_lost_or_printed_as_a_colon(printed):
    a, b = 135, 69
    text = f"A total of {a + b} patients received zorbanib {printed.format(a)} or felotinib {printed.format(b)}."
    assert sizes(text) == {"zorbanib": a, "felotinib": b}


@pytest.mark.parametrize("template", [
    "A total of {total} patients ({n} per arm) were randomly assigned to zorbanib or felotinib.",
    "Patients were randomised to zorbanib or felotinib (n = {n} each).",
    "In all, {total} participants, {n} per treatment group, were assigned to zorbanib or felotinib.",
    "{n} patients in each arm received zorbanib or felotinib in this invented trial.",
    "Invented trial: {n} patients each were assigned to zorbanib and to felotinib.",
])
def test_one_count_stated_for_every_arm(template):
    n = 240
    assert sizes(template.format(n=n, total=2 * n)) == {"zorbanib": n, "felotinib": n}


@pytest.mark.parametrize("text", [
    "A sample of 240 patients per arm would give 90% power to compare zorbanib with felotinib.",
    "The planned enrolment is 240 patients per group, to zorbanib or felotinib.",
    "Bleeding occurred at 5 per 100 patient-years with zorbanib and at 7 with felotinib.",
    "Zorbanib 40 mg each day or felotinib 80 mg each day was given to the invented cohorts.",
])
def test_a_planned_sample_size_or_a_rate_is_no_arms_count(text):
    assert sizes(text) == {}


@pytest.mark.parametrize("text", [
    "Zorbanib was given to 478 patients and felotinib to 476 patients.",
    "In this invented trial zorbanib was administered to 478 participants and felotinib to 476.",
    "In total 954 patients were enrolled; 478 were assigned zorbanib and 476 felotinib.",
    "Of 954 patients, 478 were randomly allocated zorbanib and 476 felotinib.",
])
def test_counts_after_each_arm_or_before_it_without_to(text):
    assert sizes(text) == {"zorbanib": 478, "felotinib": 476}


@pytest.mark.parametrize("text", [
    "The median OS reached 9.1 months in the 478 participants who had been randomly allocated to the oral KIT inhibitor "
    "zorbanib twice daily and 7.0 months in the 476 participants treated with felotinib.",
    "Of the 478 patients who were assigned to the oral agent zorbanib and the 476 who received felotinib, most were men.",
])
def test_counts_by_a_relative_clause_naming_the_agents_class(text):
    assert sizes(text) == {"zorbanib": 478, "felotinib": 476}


def test_counts_before_an_agent_given_by_its_route():
    assert sizes("After 2:1 random assignment, 478 patients were treated with intravenous zorbanib every 3 weeks; "
                 "476 patients were treated with oral felotinib daily.") == {"zorbanib": 478, "felotinib": 476}


def test_one_drug_given_to_a_count_of_patients_is_no_arm_size():
    assert sizes("After progression, felotinib was given to 120 patients who had received zorbanib.") == {}


@pytest.mark.parametrize("text", [
    "The zorbanib and felotinib groups included 478 and 476 patients, respectively.",
    "The zorbanib and felotinib arms comprised 478 and 476 patients.",
    "Patients were randomly assigned to zorbanib or felotinib, with 478 and 476 patients in the two arms, respectively.",
    "478 and 476 patients were randomly assigned to zorbanib and felotinib, respectively.",
    "The numbers randomised were 478 (zorbanib) and 476 (felotinib).",
    "Zorbanib: 478 patients; felotinib: 476 patients.",
])
def test_counts_listed_in_the_order_of_the_arms_or_next_to_each(text):
    assert sizes(text) == {"zorbanib": 478, "felotinib": 476}


@pytest.mark.parametrize("text", [
    "Grade 3 events occurred in 120 and 98 patients in the zorbanib and felotinib groups, respectively.",
    "Median survival was 13.6 and 12.3 months with zorbanib and felotinib, respectively.",
    "Treatment was discontinued by 40 and 31 patients in the zorbanib and felotinib arms.",
    "The safety analysis included 470 and 468 patients given zorbanib and felotinib, respectively.",
])
def test_listed_counts_of_events_values_or_analyses_are_no_arm_sizes(text):
    assert sizes(text) == {}


@pytest.mark.parametrize("text, expected", [
    ("Patients were randomly assigned 2:1 to receive 24 mg of zorbanib daily (261 patients) or felotinib (131 patients).",
     {"zorbanib": 261, "felotinib": 131}),
    ("Adults were randomized to zorbanib 400 mg twice daily (299 patients) or felotinib 50 mg once daily (303 patients).",
     {"zorbanib": 299, "felotinib": 303}),
    # a count after another clause is not the arm's
    ("Patients received zorbanib and were followed for toxicity (12 patients).", {}),
])
def test_a_count_after_the_arms_dose_is_its_size(text, expected):
    assert sizes(text) == expected


def test_enrolled_as_the_patients_a_study_evaluated_its_agent_in():
    assert enrolled("The phase 1/2 study evaluated zorbanib in 262 patients.") == 262
    assert enrolled("The trial investigated oral zorbanib once daily in 1,074 participants.") == 1074
    assert enrolled("The study evaluated zorbanib and felotinib in 90 patients.") is None  # two agents: no one arm's count


def test_a_count_opening_the_arms_own_parenthesis_before_its_dose():
    assert sizes("Overall, 88 patients received zorbanib (57 patients, 300 mg, daily) or felotinib (31 patients; "
                 "200 mg twice daily).") == {"zorbanib": 57, "felotinib": 31}
    assert sizes("Patients on zorbanib (57 patients, 21%) had grade 3 rash.") == {}  # a count with its share is no arm


def test_enrolled_with_who_they_are_before_the_noun_or_a_bare_participle_closing_its_clause():
    for text, n in [
        ("Findings: Thirty-four Korean patients were enrolled and given zorbanib plus felotinib.", 34),
        ("Outcomes: Nineteen patients with cirrhosis enrolled on this study.", 19),
        ("Of the 57 HCC patients enrolled, most had cirrhosis.", 57),
        ("Overall, 73 participants were accrued over two years.", 73),
        ("By March, 61 patients were recruited at nine sites.", 61),
        # a participle going on to what the patients did says nothing of how many were enrolled
        ("Of them, 57 HCC patients recruited in Asia responded.", None),
    ]:
        assert enrolled(text) == n, text


def test_a_count_further_back_than_the_window_is_read_whole():
    # "83 patients were randomly assigned to receive " is longer than a short look-back: no "3" or "1"
    got = sizes("83 patients were randomly assigned to receive zorbanib (50 at one dose and 33 at another); "
                "41 patients were randomly assigned to receive felotinib.")
    assert got == {"zorbanib": 83, "felotinib": 41}


@pytest.mark.parametrize("text, n", [
    # a heading word before a spelled-out count is no count of its own, and must not hide the one after it
    ("Findings Thirty-eight patients were enrolled across nine sites.", 38),
    # who the patients are, said after the noun, before the verb
    ("Twenty-seven patients from two regional centres were enrolled for assessment.", 27),
    ("Fifty-three patients with unresectable disease who received zorbanib as first-line therapy were enrolled.", 53),
    ("Sixty-one consecutive patients who started zorbanib were prospectively enrolled.", 61),
    ("Overall, 19 pts (15 M, 4 F) have been enrolled to date.", 19),
    # a lower-case prefix on who they are ("aHCC"), and the count in brackets after the noun
    ("A total of 37 uHCC patients were enrolled and given zorbanib.", 37),
    ("Patients (n = 52) were enrolled from six countries.", 52),
])
def test_enrolled_counts_with_what_is_said_around_the_patients(text, n):
    assert enrolled(text) == n


def test_a_capitalised_word_before_patients_is_not_taken_for_a_spelled_count():
    assert enrolled("Methods Enrolled patients had no prior therapy.") is None


def test_a_count_opening_a_parenthesis_that_doses_two_drugs_is_their_regimens():
    vocab = Vocabulary([*VOCAB, Entity("quorimab", "quorimab", ("MonoclonalAntibody",))])
    text = ("We allocated ZIPR (n = 370; quorimab: one dose of 75 mg; zorbanib: 10 mg/kg every 3 weeks), zorbanib alone "
            "(n = 360; 10 mg/kg every 3 weeks) or felotinib (n = 365; 200 mg daily) to 1,095 adults.")
    doc = AnalysedDocument(Document.from_text("d", text), vocab, MentionFinder(vocab))
    assert arm_sizes(doc, doc.sentences[0]) == {agent_key(["quorimab", "zorbanib"]): 370, "zorbanib": 360, "felotinib": 365}
    # one drug dosed in the parenthesis names no regimen
    doc = AnalysedDocument(Document.from_text("d", text.replace("quorimab: one dose of 75 mg; ", "")), vocab, MentionFinder(vocab))
    assert agent_key(["quorimab", "zorbanib"]) not in arm_sizes(doc, doc.sentences[0])


@pytest.mark.parametrize("text, expected", [
    ("Treatment reached 200 patients in the zorbanib plus felotinib arm and 101 patients in the single-agent arm.",
     {"felotinib": 101}),
    ("Median OS was 20.1 months in the combination arm vs 15.2 months in the control arm (n = 165; HR, 0.78).", {"felotinib": 165}),
    ("Grade 3 events occurred in 40 patients in the control arm.", {}),   # patients with an event are no arm's size
])
def test_a_count_of_an_arm_named_by_its_role(text, expected):
    from hcc_kg.extract.prose_sizes import role_sizes
    assert role_sizes(text, [agent_key(["zorbanib", "felotinib"]), "felotinib"]) == expected


def test_the_single_agent_arms_count_reaches_the_trial():
    from test_abstracts import facts, sizes as trial_sizes
    found = facts("In the phase 3 ORCHID-7 trial, adults were randomly assigned to zorbanib plus quorimab or felotinib. "
                  "Treatment reached 200 patients in the zorbanib plus quorimab arm and 101 patients in the single-agent arm.")
    assert trial_sizes(found) == {agent_key(["quorimab", "zorbanib"]): 200, "felotinib": 101}


@pytest.mark.parametrize("text, expected", [
    ("No grade 4 events occurred in all 36 enrolled patients.", 36),
    ("Of the 52 enrolled HCC patients, 30 had a response.", 52),
    ("Among the 48 treated participants, the ORR was 9%.", 48),
    ("Among the 15 evaluable patients, 7 had a response.", None),  # those assessed, not everyone enrolled
    ("Interim data for 38 patients with HCC were reviewed.", 38),
    ("Pooled data from 120 patients were presented.", 120),
])
def test_a_count_of_everyone_enrolled_or_reported_on(text, expected):
    # the participle before the noun ("all 36 enrolled patients"), or the patients the data are of
    assert enrolled(text) == expected


@pytest.mark.parametrize("text", [
    "In a subgroup analysis of patients with portal invasion (34 treated with zorbanib, 22 with felotinib), OS was longer.",
    "A post hoc subgroup of 56 Asian patients (34 received zorbanib and 22 felotinib) was analysed.",
])
def test_a_subgroups_counts_are_no_arm_sizes(text):
    assert sizes(text) == {}
    # the same counts said of the trial's arms are their sizes
    assert sizes("Patients were randomised to zorbanib (n = 34) or felotinib (n = 22).") == {"zorbanib": 34, "felotinib": 22}


def test_a_count_spelled_with_a_space_between_tens_and_units():
    assert enrolled("Thirty six patients with HCC were included in this invented study.") == 36


def test_a_count_after_a_share_is_how_many_that_share_is_not_the_arms_size():
    assert sizes("In all, 40% (n = 20) of patients responded to zorbanib plus felotinib, including 6% (n = 3) with a "
                 "complete response.") == {}
    assert sizes("Patients given zorbanib plus felotinib (n = 50) responded in 40% of cases.") == \
        {agent_key(["felotinib", "zorbanib"]): 50}


def test_counts_before_each_agent_may_take_an_article():
    assert sizes("The adults were split into two groups, with 362 given zorbanib and 184 given a felotinib tablet.") == \
        {"zorbanib": 362, "felotinib": 184}


def test_a_count_of_a_value_a_clause_after_the_arm_states_is_not_the_arms():
    assert sizes("Forty adults were treated with zorbanib: baseline scores were 5 (n=31) or 6 (n=9).") == {}
    assert sizes("Adults were randomized to zorbanib (n = 30) or felotinib (n = 29).") == {"zorbanib": 30, "felotinib": 29}


@pytest.mark.parametrize("text, expected", [
    ("In the made-up trial, patients were randomised to zorbanib, 334; felotinib, 331.", {"zorbanib": 334, "felotinib": 331}),
    ("In the made-up trial, patients were randomised to zorbanib, 334 patients; felotinib, 331 patients.",
     {"zorbanib": 334, "felotinib": 331}),
])
def test_a_list_of_agent_comma_count_parts_closing_the_sentence_counts_its_last_part(text, expected):
    assert sizes(text) == expected


def test_a_number_after_a_lone_agent_and_comma_at_the_sentence_end_is_no_arm_size():
    # no list of "agent, count" parts before it: the number may be anything
    assert sizes("In the made-up trial, patients were randomised to zorbanib or felotinib, 331.") == {}


def test_counts_assigned_to_a_regimen_of_a_dose_of_each_agent():
    assert sizes("Investigators randomly assigned 120 patients to a regimen of 300 mg daily of zorbanib, and 118 patients "
                 "to a regimen of 400 mg twice daily of felotinib.") == {"zorbanib": 120, "felotinib": 118}


def test_one_count_on_each_of_the_arms_named():
    assert sizes("Enrolment of the trial of zorbanib versus felotinib stopped at 300 patients, 150 on each of the zorbanib "
                 "and felotinib arms.") == {"zorbanib": 150, "felotinib": 150}
    assert sizes("Enrolment of the trial of zorbanib versus felotinib stopped at 300 patients, 150 on each of the two "
                 "arms.") == {"zorbanib": 150, "felotinib": 150}


def test_a_single_arm_trial_evaluating_its_drug_in_a_group_of_patients():
    assert enrolled("The approval rests on ZETA-3, a single-arm trial evaluating zorbanib in a group of 104 patients.") == 104


def test_a_count_for_each_arm_is_not_planned_by_a_planned_analysis_later_in_the_sentence():
    assert sizes("Accrual of the trial of zorbanib versus felotinib stopped at 300 patients, 150 in each arm, when a "
                 "planned interim analysis crossed the futility boundary.") == {"zorbanib": 150, "felotinib": 150}


def test_a_count_after_a_copy_of_the_drug_named_as_its_biosimilar():
    a, b = 380, 191
    assert sizes(f"Patients were randomly assigned to a zorbanib biosimilar ({a} patients) or felotinib ({b} patients).") == \
        {"zorbanib": a, "felotinib": b}


def test_counts_spelled_out_as_a_sentence_opens_with_them():
    assert sizes("Forty-seven patients received zorbanib and fifty-seven received felotinib in the toy trial.") == \
        {"zorbanib": 47, "felotinib": 57}
    assert sizes("Twelve were randomly assigned to zorbanib and nine patients to felotinib in the toy trial.") == \
        {"zorbanib": 12, "felotinib": 9}
