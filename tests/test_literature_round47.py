"""Shapes of the forty-seventh round (invented sentences and trials, the packaged vocabulary and lexicon).  Approvals:
leave to start a study ("approval from the agency to commence a phase 2 study of A", "the clinical trial application")
approves no drug; a drug the patients were "treated before with" is no approved one.  Trials: "trial NAME" followed
by any verb or a preposition names the trial; "A was tested in the NAME trial against B" and "A was compared against
B" compare two arms; an approval's basis told paragraphs later ("This approval rests on findings of the NAME study")
is the approval's supporting trial, and a trial no reader gave an arm had one of the approved drug; a hazard ratio
written as a significance boundary ("did not meet the prespecified criteria (HR, 0.75)") is no estimate; a trial
randomising two doses in units per body surface ("160 or 320 IU/m2") is one agent's single arm.  Mentions: a
substrate's name heading an enzyme's ("argininosuccinate synthetase") is no drug."""

from __future__ import annotations

from decimal import Decimal

import pytest

from trial_facts import arm_agents, read, values
from hcc_kg.extract import extract_document
from hcc_kg.extract.effects import parse_hazard_ratios
from hcc_kg.extract.normalize import normalize
from hcc_kg.model import Document


def _approvals(text: str, vocabulary, finder) -> dict[str, bool]:
    """Approved agent -> whether a reading asserts it."""
    found = extract_document(Document.from_text("d1", f"Company news\n\n{text}\n"), vocabulary, finder)
    out: dict[str, bool] = {}
    for a in found:
        if a.predicate == "approvedFor":
            out[a.subject] = out.get(a.subject, False) or a.is_fact
    return out


@pytest.mark.parametrize("sentence, agent", [
    ("Orbis Pharma obtained the NMPA's approval to commence a phase 2 study of tislelizumab with lenvatinib for "
     "untreated hepatocellular carcinoma.",
     "regimen__lenvatinib__tislelizumab"),
    ("The firm won authorisation from the FDA to initiate a phase 1 trial of donafenib for advanced HCC.", "donafenib"),
    ("Sintilimab received clinical trial approval from the NMPA for unresectable hepatocellular carcinoma.",
     "sintilimab"),
    ("The NMPA approved the phase 2 clinical trial application for donafenib in HCC.", "donafenib"),
])
def test_leave_to_run_a_study_approves_no_drug(sentence, agent, vocabulary, finder):
    # (before, each was read as the drug's approval for HCC)
    assert _approvals(sentence, vocabulary, finder).get(agent) is not True


def test_an_approved_licence_application_is_still_an_approval(vocabulary, finder):
    # guard: an approved marketing application is the approval itself
    text = "The FDA approved the supplemental Biologics License Application for atezolizumab in HCC."
    assert _approvals(text, vocabulary, finder).get("atezolizumab") is True


def test_a_drug_the_patients_were_treated_before_with_is_not_approved(vocabulary, finder):
    # (before, "who were treated before with B" made B approved too)
    text = "The agency has cleared cabozantinib for people with liver cancer who were treated before with sorafenib."
    assert set(_approvals(text, vocabulary, finder)) == {"cabozantinib"}


def test_earlier_treatment_told_in_a_clause_of_its_own_is_no_arm(vocabulary, finder):
    # (before, "a trial of N people whose tumours grew after they were treated with B" was a trial of B)
    text = ("The decision rested on a clinical trial of 640 people with liver cancer whose tumours grew after they were "
            "treated with sorafenib.")
    assert "sorafenib" not in arm_agents(read(text, vocabulary, finder))


@pytest.mark.parametrize("sentence", [
    "Pivotal trial CORONA-9 defines a new plan for second-line HCC with regorafenib.",
    "The phase 3 trial CORONA-9 of regorafenib enrolled patients in 20 countries.",
])
def test_trial_then_its_name_before_any_verb_or_preposition(sentence, vocabulary, finder):
    # (before, only a short list of verbs after the name made it one: "shows", "met", ...)
    facts = read(sentence, vocabulary, finder)
    assert {a.subject for a in facts if a.predicate == "isClinicalTrial"} == {"trial__corona9"}


@pytest.mark.parametrize("sentence", [
    "Lenvatinib was tested in the CORONA-9 trial against sorafenib.",
    "Lenvatinib was tested in the phase 3 trial CORONA-9 against sorafenib.",
    "In the CORONA-9 trial, lenvatinib was compared against sorafenib.",
])
def test_tested_in_a_trial_against_compares_two_arms(sentence, vocabulary, finder):
    # (before, the trial's phrase between the verb and "against" hid the second arm; "compared against" was no cue)
    assert arm_agents(read(sentence, vocabulary, finder)) == {"lenvatinib", "sorafenib"}


BASIS_LATER = ("Agency approves ramucirumab\n\nThe FDA has approved ramucirumab as a single agent for patients with "
               "hepatocellular carcinoma who have been treated with sorafenib.\n\nLiver cancer is common worldwide. Its "
               "incidence is rising in many countries. Doctors welcome another option.\n\nThis approval rests on "
               "findings of the CORONA-9 study, a phase 3 trial in a biomarker-selected population.\n")


def test_an_approval_s_basis_told_paragraphs_later_is_its_supporting_trial(vocabulary, finder):
    # (before, only the approval's own sentence and the two after it could give its basis)
    found = extract_document(Document.from_text("d1", BASIS_LATER), vocabulary, finder)
    approval = next(a for a in found if a.predicate == "approvedFor" and a.subject == "ramucirumab")
    assert approval.attribute_values("supporting_trial") == ["trial__corona9"]
    assert arm_agents(found) == {"ramucirumab"}  # no reader gave the trial an arm: the approved drug's


def test_a_supporting_trial_with_arms_read_gets_none_from_the_approval(vocabulary, finder):
    # guard: the arms the text gives are the trial's, no approved drug's arm is added
    text = BASIS_LATER.replace("a phase 3 trial in a biomarker-selected population",
                               "in which patients were randomly assigned to ramucirumab plus sorafenib or sorafenib")
    found = extract_document(Document.from_text("d1", text), vocabulary, finder)
    assert arm_agents(found) == {"regimen__ramucirumab__sorafenib", "sorafenib"}


@pytest.mark.parametrize("text, expected", [
    ("The difference fell short of the prespecified criteria (HR, 0.79; P = .031).", []),
    ("The threshold for significance was not reached (HR 0.72; P = .004).", []),
    ("The efficacy boundary of HR 0.81 was not crossed.", []),
    # guards: an estimate with its interval, though beside a boundary, and a plain estimate
    ("Survival crossed the boundary (HR 0.66; 95% CI 0.51-0.85).", ["0.66"]),
    ("Median OS was 14.0 vs 10.9 months (HR 0.77; P = .02).", ["0.77"]),
])
def test_a_boundary_written_as_a_hazard_ratio_is_no_estimate(text, expected):
    assert [str(hr.value) for hr in parse_hazard_ratios(normalize(text).text)] == expected


def test_two_doses_per_body_surface_randomised_are_one_agent_s_trial(vocabulary, finder):
    # (before, a dose in IU per square metre with its unit printed once was no randomised dose: the one agent's
    # whole-population values were nobody's)
    text = ("In this phase 2 trial, patients were randomly assigned to weekly injections of lenvatinib at doses of 150 "
            "or 300 IU/m2. The DCR and median OS in the intent-to-treat population came to 38.0% and 8.4 "
            "months.")
    assert values(read(text, vocabulary, finder)) == {("lenvatinib", "dcr", Decimal("38.0")),
                                                      ("lenvatinib", "os", Decimal("8.4"))}


def test_a_substrate_heading_an_enzyme_s_name_is_no_drug(finder):
    # (before, "argininosuccinate", a compound in the lexicon, was a drug here: the trial's one agent was no longer
    # the document's sole drug)
    mentions = finder.find(normalize("Tumour cells lack argininosuccinate synthetase and need arginine."))
    assert "argininosuccinate" not in {m.key for m in mentions}


SCHEDULES = ("In this randomised phase 2 trial, 190 patients were assigned to receive tislelizumab every 2 weeks (n = 96) or "
             "every 3 weeks (n = 94). Objective responses were seen in 9 (9.4%) in the every-2-week group and 14 (14.9%) "
             "in the every-3-week group. Median OS was 12.6 months in the every-2-week group and 13.5 months in the Q3W "
             "arm.")


def test_schedules_randomised_with_their_counts_are_cohorts_of_one_agent(vocabulary, finder):
    # (before, the schedules were no cohorts: one arm of the agent, the first count its size, the values nobody's)
    found = read(SCHEDULES, vocabulary, finder)
    cohorts = {a.subject: a.object for a in found if a.predicate == "armCohort"}
    assert sorted(cohorts.values()) == ["every 2 weeks", "every 3 weeks"]
    by_label = {cohorts[a.subject]: int(a.object) for a in found if a.predicate == "armSize" and a.subject in cohorts}
    assert by_label == {"every 2 weeks": 96, "every 3 weeks": 94}
    assert not [a for a in found if a.predicate == "armSize" and a.subject not in cohorts]  # no whole-arm count
    read_values = {(cohorts[a.subject], a.object, a.attribute_values("value")[0]) for a in found
                   if a.predicate == "hasMeasurement" and a.subject in cohorts}
    assert read_values == {("every 2 weeks", "orr", Decimal("9.4")), ("every 3 weeks", "orr", Decimal("14.9")),
                           ("every 2 weeks", "os", Decimal("12.6")), ("every 3 weeks", "os", Decimal("13.5"))}


def test_doses_randomised_with_their_counts_give_the_cohorts_their_sizes(vocabulary, finder):
    # (before, the dose cohorts were read from the values' sentences but their counts in the list were lost)
    text = ("In this randomised phase 2 trial, patients were assigned to donafenib 150 mg (n = 64) or 200 mg (n = 61). "
            "Median PFS was 3.9 months in the 150 mg group and 4.4 months in the 200 mg group.")
    found = read(text, vocabulary, finder)
    cohorts = {a.subject: a.object for a in found if a.predicate == "armCohort"}
    assert {cohorts[a.subject]: int(a.object) for a in found if a.predicate == "armSize"} == {"150 mg": 64, "200 mg": 61}


def _approval_context(text: str, vocabulary, finder) -> dict[str, tuple[dict, dict]]:
    found = extract_document(Document.from_text("d1", f"Company news\n\n{text}\n"), vocabulary, finder)
    out: dict[str, tuple[dict, dict]] = {}
    for a in found:  # (the readings of one approval, their attributes pooled as the build merges them)
        if a.predicate == "approvedFor" and a.is_fact:
            context, attributes = out.setdefault(a.subject, (dict(a.context), {}))
            attributes.update(a.attributes)
    return out


def test_one_prior_line_of_therapy_is_a_second_line_approval(vocabulary, finder):
    # (before, only "prior therapy", "previously treated" and their kind told the line; "one prior line" told none)
    text = "The FDA granted approval to tislelizumab for adults with unresectable HCC who had one prior line of therapy."
    assert _approval_context(text, vocabulary, finder)["tislelizumab"][0] == {"agency": "fda", "line": "second_line"}


@pytest.mark.parametrize("text, kind", [
    ("The agency granted full approval to pembrolizumab for HCC, converting its earlier accelerated approval.", "full"),
    ("The NMPA granted full approval to donafenib for HCC; its conditional approval was converted.", "full"),
    # guard: an accelerated approval said so
    ("The FDA granted accelerated approval to pembrolizumab for HCC after sorafenib.", "accelerated"),
])
def test_the_kind_of_an_approval_the_drug_had_before_is_not_this_one_s(text, kind, vocabulary, finder):
    # (before, "accelerated" anywhere in the sentence made the approval accelerated)
    agent = "pembrolizumab" if "pembrolizumab" in text else "donafenib"
    assert _approval_context(text, vocabulary, finder)[agent][1].get("approval_type") == kind


@pytest.mark.parametrize("joint", ["\u2014", " \u2013 ", ": "])
def test_a_dash_after_a_trial_s_name_introduces_what_it_tested(joint, vocabulary, finder):
    # (before, a trial named with no design and followed by its regimen after a dash had no arm)
    text = (f"The filing rests on early data from an open-label, randomised phase 3 study (CORONA-12){joint}"
            "lenvatinib in combination with toripalimab as first-line therapy for unresectable HCC.")
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__lenvatinib__toripalimab"}


FAMILY = ("ORCHID-310 randomly assigned 400 patients to lenvatinib or placebo; survival was longer with lenvatinib. "
          "These findings, with the responses to lenvatinib seen in ORCHID-118, support its use after sorafenib.")


def test_a_numbered_sibling_of_a_named_trial_is_a_trial_too(vocabulary, finder):
    # (before, "ORCHID-118", with no trial word beside it, was no trial: its family's other member made no difference)
    found = read(FAMILY, vocabulary, finder)
    assert {a.subject for a in found if a.predicate == "isClinicalTrial"} == {"trial__orchid310", "trial__orchid118"}
    assert ("trial__orchid118", "arm__orchid118__lenvatinib") in {(a.subject, a.object) for a in found
                                                                 if a.predicate == "hasArm"}


def test_a_name_with_no_named_sibling_stays_no_trial(vocabulary, finder):
    # guard: the same sentence without the family's framed member names no trial
    found = read(FAMILY.split("; ")[1].replace("These findings, with", "With"), vocabulary, finder)
    assert not [a for a in found if a.predicate == "isClinicalTrial"]


def test_a_code_written_twice_keeps_digits_a_gene_like_prefix_would_lose(vocabulary, finder):
    # (before, "HLX77" was read as the gene HLX with a reference mark 77, so the drug was never read)
    text = ("Maker doses first patient with HLX77\n\nThe trial will test HLX77, an antibody targeting TIGIT, with serplulimab. "
            "HLX77 was well tolerated in animals.\n")
    found = extract_document(Document.from_text("d1", text), vocabulary, finder)
    assert ("hlx77", "tigit") in {(a.subject, a.object) for a in found if a.predicate == "isAntibodyAgainst"}


def test_a_reference_mark_glued_once_is_still_dropped(vocabulary, finder):
    # guard: a citation glued once to a name is no code: the name is read
    def targets(text: str) -> set[tuple[str, str]]:
        return {(a.subject, a.object) for a in read(text, vocabulary, finder) if a.predicate == "inhibits"}
    assert targets("Sorafenib inhibits VEGFR and PDGFR12, as shown before.") \
        == targets("Sorafenib inhibits VEGFR and PDGFR, as shown before.") != set()
