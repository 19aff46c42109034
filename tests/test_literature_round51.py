"""Shapes of the fifty-first round (invented sentences, the packaged vocabulary and lexicon).  Mechanisms: a drug's
status told by a reduced relative clause after its target ("an inhibitor of T being studied in D") describes what
is studied, and hedges nothing (with its verb, "whether X inhibits T is being studied", it still does).  Trials: a
structured abstract's background naming the document's own trial in the authors' words ("We assessed A versus B in
NAME") or with the arms and phase the methods then give ("Background: The phase 3 NAME trial compared A with B.
Methods: In this phase 3 study, ...") names the trial the methods and results report; a background trial of other
arms or another phase stays an earlier one."""

from __future__ import annotations

import pytest

from decimal import Decimal

from trial_facts import action_pairs, arms, read, sizes, values
from hcc_kg.extract import extract_document
from hcc_kg.model import Document

METHODS = ("Methods: In this randomised, open-label phase 3 study, 300 invented patients were assigned to "
           "the combination (n = 150) or tivozanib alone (n = 150).\n"
           "Results: Median overall survival was 19.5 months with the combination and 15.1 months with tivozanib "
           "alone (hazard ratio 0.81, 95% CI 0.66-0.99).")
OWN_ARMS = {("trial__lumen4", "arm__lumen4__tivozanib"), ("trial__lumen4", "arm__lumen4__regimen__durvalumab__tivozanib")}


@pytest.mark.parametrize("text, pair", [
    ("Ivosidenib is an oral inhibitor of mutant IDH1 being studied in pretend tumours.", ("ivosidenib", "idh1")),
    ("Ivosidenib, an inhibitor of IDH1 currently being tested in made-up glioma, was tolerated.", ("ivosidenib", "idh1")),
])
def test_a_status_after_the_target_hedges_nothing(text, pair, vocabulary, finder):
    facts, withheld = action_pairs(text, vocabulary, finder)
    assert pair in facts and pair not in withheld


@pytest.mark.parametrize("text", [
    "Whether regorafenib inhibits KDR is being studied in an imagined phase 1 trial.",
    "The ability of regorafenib to inhibit KDR is currently being studied in pretend mice.",
    "Regorafenib is being studied in made-up models as a KDR inhibitor.",
])
def test_a_status_that_governs_the_statement_still_hedges_it(text, vocabulary, finder):
    facts, _ = action_pairs(text, vocabulary, finder)
    assert ("regorafenib", "kdr") not in facts


@pytest.mark.parametrize("background", [
    "Background: We assessed durvalumab plus tivozanib against tivozanib alone in an invented disease (LUMEN-4; "
    "NCT09999990).",
    "Background: We aimed to compare durvalumab plus tivozanib with tivozanib alone in the pretend LUMEN-4 trial.",
    "Background: The phase 3 LUMEN-4 trial compared durvalumab plus tivozanib with tivozanib alone in made-up "
    "patients.",
])
def test_a_background_naming_the_own_trial_names_the_methods_trial(background, vocabulary, finder):
    facts = read(f"{background}\n{METHODS}", vocabulary, finder)
    assert OWN_ARMS <= arms(facts)
    assert {a.subject for a in facts if a.predicate == "hasEffectEstimate"} == {"trial__lumen4"}
    assert {a.subject for a in facts if a.predicate == "isClinicalTrial"} == {"trial__lumen4"}


@pytest.mark.parametrize("background", [
    "Background: Tivozanib improved survival over placebo in the phase 3 LUMEN-4 trial.",
    # (before, a background trial with the same arms but another phase was taken for the methods' trial)
    "Background: The phase 2 LUMEN-4 trial compared durvalumab plus tivozanib with tivozanib alone.",
    "Background: We previously showed activity of tivozanib in the phase 3 LUMEN-4 trial.",
])
def test_a_background_trial_of_other_arms_or_phase_stays_an_earlier_one(background, vocabulary, finder):
    facts = read(f"{background}\n{METHODS.replace('the combination (', 'durvalumab plus tivozanib (')}", vocabulary, finder)
    assert not any(a.subject.startswith("arm__lumen4__") for a in facts if a.predicate in ("armSize", "hasMeasurement"))
    estimated = {a.subject for a in facts if a.predicate == "hasEffectEstimate"}
    assert len(estimated) == 1 and "trial__lumen4" not in estimated  # (the methods' trial, unnamed)
    assert ("tivozanib", 150) in sizes(facts)


@pytest.mark.parametrize("text", [
    "In the pretend cells, lenvatinib enhanced the degradation of PD-L1 by blocking FGFR4.",
    "In made-up cells, lenvatinib reinforced the degradation of the ligand by blocking the FGFR4 axis.",
    "In the invented model, cell growth was slowed by lenvatinib through targeting FGFR4.",
])
def test_a_means_after_a_degradation_or_a_passive_names_the_target(text, vocabulary, finder):
    facts, _ = action_pairs(text, vocabulary, finder)
    assert ("lenvatinib", "fgfr4") in facts and ("lenvatinib", "cd274") not in facts


def test_a_degradation_without_a_means_is_still_an_effect(vocabulary, finder):
    facts, _ = action_pairs("In the pretend cells, lenvatinib induced degradation of FGFR4.", vocabulary, finder)
    assert ("lenvatinib", "fgfr4") not in facts


@pytest.mark.parametrize("text, pair", [
    ("In the pretend screen we identified an IKKβ inhibitor Bay 11-7082.", ("bay_11_7082", "ikbkb")),
    ("JQ1, a commonly used BET bromodomain inhibitor, killed the invented cells.", ("jq1", "bet_family")),
    ("TSR-022, an anti-TIM-3 antibody, was dosed in pretend mice.", ("cobolimab", "havcr2")),
    ("The anti-PD-1 antibody TSR-042 was added in the imagined study.", ("dostarlimab", "pdcd1")),
])
def test_tool_compounds_and_codes_are_drugs(text, pair, vocabulary, finder):
    facts, _ = action_pairs(text, vocabulary, finder)
    assert pair in facts


GROUPS = ("Methods: In this open-label phase 2 study, the combination group (n = 40) received 3 mg tivozanib plus "
          "1500 mg durvalumab, and the monotherapy group (n = 20) received 1.5 mg tivozanib.\n")
RESULTS = ("Results: The progression-free survival rate after 4 cycles (16 weeks, primary endpoint) was 15.0% for "
           "tivozanib and 55.0% for tivozanib plus durvalumab. Median TTP and OS reached 2.1 "
           "and 5.3 months for tivozanib and 6.9 and 9.4 months for the combination, respectively.")


def test_groups_named_by_role_and_sized_are_the_arms(vocabulary, finder):
    facts = read(GROUPS + RESULTS, vocabulary, finder)
    assert sizes(facts) == {("regimen__durvalumab__tivozanib", 40), ("tivozanib", 20)}


def test_the_time_treatment_cycles_took_is_a_time_point_no_value(vocabulary, finder):
    facts = read(GROUPS + RESULTS, vocabulary, finder)
    pfs = {(agent, value) for agent, endpoint, value in values(facts) if endpoint == "pfs"}
    assert pfs == {("tivozanib", Decimal("15.0")), ("regimen__durvalumab__tivozanib", Decimal("55.0"))}
    assert {dict(a.context).get("timepoint") for a in facts if a.predicate == "hasMeasurement" and a.object == "pfs"} \
        == {"16-week"}


def test_a_second_group_after_the_titles_combination(vocabulary, finder):
    # (before, "non-randomised" made the trial single-arm and the monotherapy group was no arm)
    text = ("Methods: Patients were treated in an open-label, non-randomised phase 2 study. In the combination group "
            "(n = 40) three dose levels ranged from 1 to 3 mg tivozanib plus 750 to 1500 mg durvalumab. The monotherapy "
            "group (n = 20) received 1.5 mg tivozanib.\n" + RESULTS)
    facts = extract_document(Document.from_text("d1", f"Pretend study of tivozanib plus durvalumab in a made-up disease\n{text}\n"),
                             vocabulary, finder)
    assert ("tivozanib", 20) in sizes(facts)
    assert ("tivozanib", "ttp", Decimal("2.1")) in values(facts)


@pytest.mark.parametrize("dosing", ["1 to 3 mg tivozanib plus 750 to 1500 mg durvalumab",
                                    "1-3 mg tivozanib plus 750-1500 mg durvalumab"])
def test_a_dose_range_counts_no_patients(dosing, vocabulary, finder):
    text = (f"Methods: Patients were treated in an open-label, non-randomised phase 2 study. In the combination group "
            f"(n = 40), patients received {dosing}. The monotherapy group (n = 20) received 1.5 mg tivozanib.")
    counted = {n for _, n in sizes(read(text, vocabulary, finder))}
    assert not counted & {1, 750}


@pytest.mark.parametrize("second", [", compared with 20% of patients treated with sorafenib.",
                                    ", while only 20% of those treated with sorafenib were still alive."])
def test_shares_compared_name_the_arms(second, vocabulary, finder):
    # (before, the arms of a trial named only by its result were none, and so were its values)
    text = ("The invented approval rests on the phase 3 ZETA-1 trial. In ZETA-1, 31% of patients treated with "
            f"tremelimumab plus durvalumab were alive at three years{second}")
    facts = read(text, vocabulary, finder)
    assert {("trial__zeta1", "arm__zeta1__regimen__durvalumab__tremelimumab"),
            ("trial__zeta1", "arm__zeta1__sorafenib")} <= arms(facts)
    assert ("sorafenib", "os", Decimal("20")) in values(facts)


def test_follow_up_without_adjuvant_treatment_is_the_control_arm(vocabulary, finder):
    text = ("Methods: In this randomised phase 3 trial (NCT09999992), invented patients were randomly assigned to "
            "adjuvant tivozanib (TZ group) or to follow-up without adjuvant therapy (OB group). Results: of 120 patients, "
            "the TZ group had 61 (n = 61) and the OB group 59 (n = 59).")
    assert ("active_surveillance", 59) in sizes(read(text, vocabulary, finder))


def test_a_heading_giving_a_drug_its_class_is_read(vocabulary, finder):
    # (before, a heading line was a section's name only)
    text = "Invented overview\n\nTremelimumab (anti–CTLA-4 antibody)\n\nIt was given in a pretend schedule.\n"
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    assert ("tremelimumab", "ctla4") in {(a.subject, a.object) for a in facts if a.predicate == "isAntibodyAgainst"}


def test_a_plain_heading_is_still_no_statement(vocabulary, finder):
    text = "Invented overview\n\nTremelimumab and CTLA-4 biology\n\nIt was given in a pretend schedule.\n"
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    assert not [a for a in facts if a.predicate == "isAntibodyAgainst"]


def test_groups_in_sentences_of_their_own_are_the_arms(vocabulary, finder):
    text = ("Methods: Patients were treated in an open-label, non-randomised phase 2 study. The combination group "
            "(n = 40) received 3 mg tivozanib plus 1500 mg durvalumab. The monotherapy group (n = 20) received 1.5 mg "
            "tivozanib.\nResults: Median time to progression was 2.1 months for tivozanib and 6.9 months for the "
            "combination.")
    facts = read(text, vocabulary, finder)
    assert sizes(facts) == {("regimen__durvalumab__tivozanib", 40), ("tivozanib", 20)}
    assert ("tivozanib", "ttp", Decimal("2.1")) in values(facts)


def test_an_editors_words_in_square_brackets_are_read_as_text(vocabulary, finder):
    # (before, "[progression-free]" was an aside: the survival read was overall survival)
    text = ("Results: In the pretend ZETA-9 trial, tivozanib was compared with placebo. The investigator said "
            "[median] [progression-free] survival was 5.2 months for tivozanib compared with 3.1 months for placebo.")
    found = values(read(text, vocabulary, finder))
    assert ("tivozanib", "pfs", Decimal("5.2")) in found and ("tivozanib", "os", Decimal("5.2")) not in found


def test_a_plain_language_gloss_in_brackets_before_called(vocabulary, finder):
    # (before, "(target)" between the noun and "called" hid the target's name)
    text = "Nivolumab is an antibody built to bind a receptor (target) called PD-1 in this invented leaflet."
    facts, _ = action_pairs(text, vocabulary, finder)
    assert ("nivolumab", "pdcd1") in facts


def test_durations_of_a_threshold_or_longer_are_no_values(vocabulary, finder):
    text = ("Results: In the pretend single-arm ZETA-5 trial enrolling 64 patients, patients received tivozanib. The "
            "objective response rate was 21%; 80% of responders had responses of 6 months or longer and 40% had "
            "responses of 12 months or longer.")
    facts = read(text, vocabulary, finder)
    assert not [v for v in values(facts) if v[1] == "dor"]
    assert ("tivozanib", 64) in sizes(facts)


def test_sizes_given_respectively_in_a_sentence_naming_no_agent(vocabulary, finder):
    # (before, the counts named no agent and gave no arm its size)
    text = ("Results: In the pretend phase 3 trial, 660 patients were randomly assigned to the tivozanib or sorafenib "
            "treatment groups. The per-protocol set included 301 and 297 patients, respectively. Median OS was 12.1 "
            "months with tivozanib and 10.3 months with sorafenib.")
    assert sizes(read(text, vocabulary, finder)) == {("tivozanib", 301), ("sorafenib", 297)}


def test_counts_of_a_subgroup_given_respectively_are_no_sizes(vocabulary, finder):
    text = ("Results: In the pretend phase 3 trial, 660 patients were randomly assigned to the tivozanib or sorafenib "
            "treatment groups. Of these, 120 and 118 patients had hepatitis B, respectively.")
    assert not sizes(read(text, vocabulary, finder))


def test_a_domain_of_the_target_before_the_bracketed_drug(vocabulary, finder):
    # (before, "SH2 domain" between the target and the bracket hid the drug; S3I-201 is vocabulary now)
    facts, _ = action_pairs("In the pretend cells, inhibitors of the STAT3 SH2 domain (S3i-201) enhanced killing.",
                            vocabulary, finder)
    assert ("s3i_201", "stat3") in facts
