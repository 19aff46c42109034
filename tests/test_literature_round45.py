"""Shapes of the forty-fifth round (invented sentences).  Drug -> target (invented drugs, the test vocabulary of
test_mechanisms): "its inhibition of T" after the one drug a sentence names is that drug's action, and a drug
profile's colon ("X: oral multikinase inhibitor (A, B)") glosses the drug as a comma does, and a plural class after
one drug's comma ("A, anti-T antibodies and TACE") is a list's next item, no gloss of A.  Trials (packaged
vocabulary and lexicon): a trial named after a heading and a sentence that introduced it unnamed is that trial, and
arms named again for short ("A plus TACE, n = 104" after "to A plus TACE (B 10 mg and lipiodol)") are its arms; the
report's own exploratory analysis ("this updated exploratory analysis") is of every patient; care set before a drug
by a comma describes it ("to the standard of care, B", not after a fronted "versus"), "the Brand (experimental)
combination" and "the \"A+B\" combination therapy" are the combination holding that drug or so labelled, and a gloss
between "non-inferiority" and "to B" keeps the comparison, as "a B biosimilar" does; a hazard ratio whose sentence
compares another drug's arm is not the trial in context's; the drug a trial phrase reports on in figures ("In a phase
2 trial, A gave ...") is what the trial tested, and cohorts named by dose ("in the 200 mg cohort") are its arms;
patients "consecutively treated with A or B" name the arms, and a dose's alternative by weight ("A 100 mg below 60 kg
or 200 mg otherwise plus B") stays on A's arm."""

from __future__ import annotations

from decimal import Decimal

import pytest

from test_mechanisms import facts, readings
from trial_facts import arm_agents, read, sizes, values
from hcc_kg.extract import extract_document
from hcc_kg.model import Document


@pytest.mark.parametrize("body, expected", [
    ("The value of foonib in liver tumours is credited to its inhibition of MET and AXL.",
     {("foonib", "met"), ("foonib", "axl")}),
    ("Foonib was picked for the invented study because of its selective inhibition of FGFR4.", {("foonib", "fgfr4")}),
    ("Whatever the model, the effect of foonib comes from its blockade of several kinases, among them RET and KIT.",
     {("foonib", "ret"), ("foonib", "kit")}),
])
def test_its_action_after_the_one_drug_named_is_that_drug_s(body, expected):
    # (before, "its" stood for no one: a drug after "of" or in a passive clause was no subject of the noun)
    assert expected <= facts(body)


@pytest.mark.parametrize("body", [
    "Foonib was weighed against barfenib, and its inhibition of MET was the weaker.",  # two drugs: whose?
    "Foonib was given first; its inhibition of MET was then measured in invented cells.",  # another clause
    "Foonib slowed growth, and MET and its inhibition of RET were studied.",  # a target stands between
])
def test_its_action_is_left_unread_when_its_owner_is_in_doubt(body):
    assert not any(target in ("met", "ret") for _, target in facts(body))


def test_its_action_keeps_the_hedge_before_it():
    found = readings("The benefit of foonib may reflect its inhibition of MET.")
    [(_, polarity, certainty)] = [v for (drug, _, target), v in found.items() if (drug, target) == ("foonib", "met")]
    assert (polarity, certainty) == ("positive", "hedged")


@pytest.mark.parametrize("body", [
    "Foonib: oral multikinase inhibitor (VEGFR1-3, TIE2, RET).",
    "Foonib: a multikinase inhibitor (VEGFR1-3, TIE2, RET).",
])
def test_a_profile_s_colon_glosses_the_drug_with_its_class_and_bracketed_targets(body):
    # (before, only a comma or a copula before the class noun let its bracket name the drug's targets)
    assert {("foonib", t) for t in ("flt1", "kdr", "flt4", "tek", "ret")} <= facts(body)


@pytest.mark.parametrize("body", [
    "Triplets of foonib, anti-MET antibodies and radiotherapy were tried in invented mice.",
    "Foonib, RET inhibitors and radiotherapy were given in turn.",
])
def test_a_plural_class_after_one_drug_s_comma_is_the_list_s_next_item(body):
    # (before, "foonib, anti-MET antibodies" was read as foonib glossed: an antibody against MET)
    assert facts(body) == set()


def test_a_plural_class_after_two_drugs_still_glosses_them():
    # (a guard: "A and B, anti-T antibodies," is an appositive of the pair)
    assert ("zelumab", "met") in facts("Quxumab and zelumab, anti-MET antibodies, were compared in invented mice.")


@pytest.mark.parametrize("naming", ["In the PLOVER-5 trial, 366", "The PLOVER-5 phase 3 study randomly assigned 366"])
def test_a_trial_named_after_its_unnamed_introduction_is_one_trial(naming, vocabulary, finder):
    # (before, under a heading reporting the drug's result, the named sentence opened a second trial: the verdict and
    # phase stayed with an unnamed one)
    text = ("Apatinib fails to extend survival after first-line immunotherapy\n\n"
            "A phase 3 study of apatinib as second-line therapy for hepatocellular carcinoma failed to meet its "
            f"primary endpoint of survival, its sponsor said. {naming} patients were randomized to apatinib or placebo. Median "
            "overall survival was 9.2 months with apatinib and 8.4 months with placebo.\n")
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    trials = {a.subject: dict(a.attributes) for a in facts if a.predicate == "isClinicalTrial"}
    assert len(trials) == 1
    [(key, attributes)] = trials.items()
    assert (attributes.get("trial_name"), attributes.get("phase"), attributes.get("primary_endpoint_met")) == (
        "PLOVER-5", "III", False)
    assert arm_agents(facts) == {"rivoceranib", "placebo"}
    assert {(agent, value) for agent, _, value in values(facts)} == {("rivoceranib", Decimal("9.2")),
                                                                  ("placebo", Decimal("8.4"))}


def test_a_trial_named_after_another_study_of_its_drug_stays_its_own(vocabulary, finder):
    # (a guard: two trials already read, the name opens a third)
    text = ("A phase 2 study of apatinib in gastric cancer was positive. A phase 3 study of apatinib in liver cancer "
            "then failed. In the PLOVER-5 trial, 366 patients were randomized to apatinib or placebo.")
    facts = read(text, vocabulary, finder)
    names = {dict(a.attributes).get("trial_name") for a in facts if a.predicate == "isClinicalTrial"}
    assert "PLOVER-5" in names and len(names) > 1


def test_arms_named_again_for_short_are_the_trial_s_arms(vocabulary, finder):
    # (before, the bracket of what TACE was given with stayed in the arm, the arm named again without it aside)
    text = ("Lenvatinib with or without TACE for large liver tumours: a randomized phase III trial\n\n"
            "Methods: In this multicentre, randomized trial, patients with large tumours were assigned 1:1 to "
            "lenvatinib plus TACE (idarubicin 10 mg, raltitrexed 4 mg and lipiodol) or to lenvatinib alone.\n"
            "Results: In all, 210 were randomly assigned (lenvatinib plus TACE, n = 104; lenvatinib alone, n = 106). "
            "Median OS was 17.8 months and 11.5 months, respectively.\n")
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    assert len({a.subject for a in facts if a.predicate == "isClinicalTrial"}) == 1
    assert arm_agents(facts) == {"regimen__lenvatinib__tace", "lenvatinib"}
    assert sizes(facts) == {("regimen__lenvatinib__tace", 104), ("lenvatinib", 106)}


def _hazard_ratios(text: str, vocabulary, finder) -> set[Decimal]:
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    return {a.attribute_values("hazard_ratio")[0] for a in facts if a.predicate == "hasEffectEstimate"}


@pytest.mark.parametrize("text, expected", [
    # the report's own exploratory analysis is of everyone (before, an exploratory analysis anywhere marked a subgroup)
    ("Four-year survival update for ramucirumab\n\nIn the phase 3 OSPREY-9 trial, ramucirumab was compared "
     "with placebo. Survival still favoured ramucirumab in this updated exploratory analysis of four-year data "
     "(hazard ratio 0.79; 95% CI 0.66-0.95).\n",
     {Decimal("0.79")}),
    # an exploratory analysis of some patients is a subgroup's (guard)
    ("Four-year survival update for ramucirumab\n\nIn the phase 3 OSPREY-9 trial, ramucirumab was compared "
     "with placebo. In an exploratory analysis of patients with hepatitis B, the hazard ratio for death was "
     "0.70 (95% CI 0.52-0.94).\n",
     set()),
    # a review's ratio of another trial's arms is not the trial in context's (before, it went to the trial named before)
    ("First-line options reviewed\n\nIn HERON-312, cabozantinib plus atezolizumab prolonged progression-free "
     "survival versus sorafenib (HR 0.61; 99% CI 0.42-0.88). Finally, nivolumab plus ipilimumab cut the risk "
     "of death by 19% compared with sorafenib (HR 0.81; 95% CI 0.66-0.98).\n",
     {Decimal("0.61")}),
    # a ratio of the trial's own arm against a comparator it names otherwise stays (guard)
    ("Regorafenib update\n\nIn the phase 3 KITE-9 trial, patients were randomized to regorafenib or placebo. "
     "Overall survival was 11.2 months with regorafenib and 7.1 months with placebo versus best supportive "
     "care (HR 0.66; 95% CI 0.52-0.80).\n",
     {Decimal("0.66")}),
])
def test_hazard_ratios_of_the_trial_in_context(text, expected, vocabulary, finder):
    assert _hazard_ratios(text, vocabulary, finder) == expected


@pytest.mark.parametrize("control", ["the standard of care, sorafenib (n = 150)", "standard-of-care sorafenib (n = 150)"])
def test_care_set_before_a_drug_by_a_comma_describes_that_drug(control, vocabulary, finder):
    # (before, a comma parted the two and the standard of care became an arm of its own)
    text = f"Patients (n = 450) went by randomisation to {control}, or to donafenib plus tislelizumab (n = 300)."
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__donafenib__tislelizumab", "sorafenib"}


@pytest.mark.parametrize("text, expected", [
    # "the Brand experimental combination": the combination holding the drug the brand names
    ("Durvalumab plus tremelimumab after resection\n\nThe sponsor released first results of the phase 3 KITE-7 study, "
     "in which Imfinzi plus tremelimumab was given after surgery. The Imfinzi experimental combination cut recurrence "
     "by 25% versus active surveillance.\n",
     {"regimen__durvalumab__tremelimumab", "active_surveillance"}),
    # 'the "D+S" combination therapy': the combination the label in quotes was given to
    ('Approval in China\n\nThe agency cleared durvalumab plus sintilimab (the "D+S" combination therapy) for '
     'unresectable HCC. In the KESTREL-11 phase III trial, the "D+S" combination therapy lowered mortality versus '
     'sorafenib (HR 0.70).\n',
     {"regimen__durvalumab__sintilimab", "sorafenib"}),
])
def test_a_combination_named_by_a_brand_or_a_quoted_label_is_that_combination(text, expected, vocabulary, finder):
    # (before, the brand's combination was read as the brand's drug alone, and the quoted label as nothing)
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    assert arm_agents(facts) == expected


def test_care_before_a_fronted_comparison_s_comma_is_the_compared_arm(vocabulary, finder):
    # (before, "versus standard of care, A ..." read the care as describing A, and the control arm was lost)
    text = "Versus standard of care, durvalumab plus sintilimab lowered mortality in the KESTREL-11 study."
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__durvalumab__sintilimab", "standard_of_care"}


def test_a_gloss_between_non_inferiority_and_its_comparator_keeps_the_comparison(vocabulary, finder):
    # (before, "non-inferiority (a gloss) to B" compared nothing, and the trial was lost with its verdict)
    text = ("Donafenib holds its own\n\nIn first-line HCC, a phase 3 trial of donafenib reached its primary endpoint of "
            "non-inferiority (that is, not worse survival) to sorafenib.\n")
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    assert arm_agents(facts) == {"donafenib", "sorafenib"}
    assert [dict(a.attributes).get("primary_endpoint_met") for a in facts if a.predicate == "isClinicalTrial"] == [True]


def test_a_biosimilar_named_in_a_compared_regimen_keeps_the_comparison(vocabulary, finder):
    # (before, "compared A plus a B biosimilar with C" compared nothing: the word after B parted the arms)
    text = ("The phase 3 OSPREY-32 trial compared sintilimab plus a bevacizumab biosimilar with sorafenib and "
            "reported a hazard ratio for death of 0.59 (95% CI 0.44-0.78).")
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__bevacizumab__sintilimab", "sorafenib"}


@pytest.mark.parametrize("text, expected", [
    # the drug a trial phrase's clause opens on, the result in figures
    ("In a phase 2 trial, donafenib gave a median overall survival of 11.3 months.", {("donafenib", Decimal("11.3"))}),
    # what a trial showed, said without "that" or "which", in figures
    ("One phase 2 trial found that donafenib worked as first-line therapy, median overall survival reaching 11.3 "
     "months.", {("donafenib", Decimal("11.3"))}),
    # a remark in passing gives no figure: no trial of the drug's is read from it
    ("A randomised phase 2 trial showed that donafenib prolonged survival in sarcoma.", set()),
])
def test_the_agent_a_trial_phrase_reports_on_is_what_it_tested(text, expected, vocabulary, finder):
    # (before, "In a phase 2 trial, A gave ..." and "a trial showed that A ..." read no arm, and the values were lost)
    assert {(agent, value) for agent, _, value in values(read(text, vocabulary, finder))} == expected


def test_cohorts_named_by_their_dose_are_the_trial_s_arms(vocabulary, finder):
    # (before, "in the 200 mg cohort and 300 mg cohort" named no cohorts: their values went nowhere)
    text = ("In a multicentre phase 2 trial, patients received donafenib at 200 mg or 300 mg twice daily. Median "
            "overall survival was 11.3 months in the 200 mg cohort and 10.1 months in the 300 mg cohort.")
    facts = read(text, vocabulary, finder)
    cohorts = {a.subject: a.object for a in facts if a.predicate == "armCohort"}
    measured = {(cohorts.get(a.subject), a.attribute_values("value")[0]) for a in facts if a.predicate == "hasMeasurement"}
    assert measured == {("200 mg", Decimal("11.3")), ("300 mg", Decimal("10.1"))}


def test_patients_consecutively_treated_with_alternatives_are_the_arms(vocabulary, finder):
    # (before, an adverb between the patients and "treated with" hid the randomised alternatives)
    text = ("Ninety patients consecutively treated with donafenib plus metformin (group 1) or donafenib alone (group 2) "
            "were enrolled in this randomised study.")
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__donafenib__metformin", "donafenib"}


def test_a_dose_by_weight_alternative_stays_on_its_drug_s_arm(vocabulary, finder):
    # (before, "or 100 mg ... plus on-demand TACE" was read as an arm of TACE alone, and the combination was lost)
    text = ("In all, 300 patients were randomly assigned to donafenib 100 mg twice daily below 60 kg or 200 mg twice "
            "daily otherwise plus TACE on demand (n = 150), or to donafenib alone (n = 150).")
    assert sizes(read(text, vocabulary, finder)) == {("regimen__donafenib__tace", 150), ("donafenib", 150)}
