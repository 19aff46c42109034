"""What one sentence says about the trial in context (invented trials, drugs and numbers)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hcc_kg.extract.abstracts import prose_trials
from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.slot_reading import assigned_arms, projects, stated_arms
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("zorbanib", "zorbanib", ("SmallMolecule",)),
    Entity("felotinib", "felotinib", ("SmallMolecule",)),
    Entity("os", "overall survival", ("EndpointType",), ("OS",)),
])
FINDER = MentionFinder(VOCAB)
RANDOMISED = "In the phase 3 LOTUS-41 trial, patients were randomized to zorbanib or felotinib. "


def analysed(text: str) -> AnalysedDocument:
    return AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)


def results(text: str) -> dict[tuple[str, str], tuple[Decimal, str]]:
    """(predicate, arm or endpoint) -> (value, certainty) for each result read."""
    found = {}
    for a in prose_trials(analysed(text)):
        if a.predicate == "hasMeasurement":
            found[(a.predicate, a.subject.split("__", 2)[-1])] = (a.attribute_values("value")[0], a.evidence[0].certainty)
        elif a.predicate == "hasEffectEstimate":
            found[(a.predicate, a.object)] = (a.attribute_values("hazard_ratio")[0], a.evidence[0].certainty)
    return found


def test_reported_results_are_asserted():
    got = results(RANDOMISED + "Median OS was 15.1 months with zorbanib and 11.2 months with felotinib (HR 0.71).")
    assert {certainty for _, certainty in got.values()} == {"asserted"}
    assert got[("hasEffectEstimate", "os")][0] == Decimal("0.71")


def test_a_designs_assumptions_are_hedged_not_results():
    for design in ("The study was designed to detect a hazard ratio for death of 0.71 with 90% power.",
                   "The sample size assumed a median OS of 15.1 months with zorbanib and 11.2 months with felotinib.",
                   "It was hypothesized that zorbanib would improve median OS (HR 0.71)."):
        got = results(RANDOMISED + design)
        assert got, design
        assert {certainty for _, certainty in got.values()} == {"hedged"}, design


def test_a_bare_will_does_not_hedge_reported_results():
    got = results(RANDOMISED + "Median OS was 15.1 months with zorbanib and 11.2 months with felotinib; full data will "
                  "be presented later.")
    assert {certainty for _, certainty in got.values()} == {"asserted"}


def test_projects():
    assert projects("Assuming a median OS of 9 months in the control arm, 400 patients were needed.")
    assert projects("Zorbanib will prolong survival, we expect.")
    assert not projects("Zorbanib prolonged survival; results will be presented at a meeting.")


def test_assigned_arms_come_before_compared_ones():
    doc = analysed("Patients were randomized to zorbanib or felotinib.")
    assert [a.key for a in assigned_arms(doc, doc.sentences[0])] == ["zorbanib", "felotinib"]
    doc = analysed("Zorbanib was compared with felotinib.")
    assert assigned_arms(doc, doc.sentences[0]) == []
    assert [a.key for a in stated_arms(doc, doc.sentences[0])] == ["zorbanib", "felotinib"]


def test_a_randomised_trial_not_listing_its_arms_takes_those_its_values_name():
    text = ("LOTUS-42 is a randomized phase 3 study. Median OS was 16.6 months for zorbanib and 15.0 months "
            "for felotinib.")
    got = results(text)
    assert got == {("hasMeasurement", "zorbanib"): (Decimal("16.6"), "asserted"),
                   ("hasMeasurement", "felotinib"): (Decimal("15.0"), "asserted")}
    # a single-arm study keeps its one arm: another agent's value is a comparison with other data
    single = results("LOTUS-43 is a single-arm phase 2 study. Median OS was 16.6 months for zorbanib and 15.0 months "
                     "for felotinib in a historical cohort.")
    assert ("hasMeasurement", "felotinib") not in single


def test_a_power_statement_projects():
    assert projects("With 90% power, a hazard ratio of 0.71 could be shown.")
    assert not projects("The anticipated benefit was seen: median OS was 15.1 versus 11.2 months.")


# ---------------------------------------------------------------- arms named by what they are, three arms, parts

VOCAB_FULL = Vocabulary([*VOCAB, Entity("quorimab", "quorimab", ("MonoclonalAntibody",)),
                         Entity("orr", "objective response rate", ("EndpointType",), ("ORR",)),
                         Entity("pfs", "progression-free survival", ("EndpointType",), ("PFS",))])
COMBO = "regimen__quorimab__zorbanib"


def trial_facts(text: str, vocabulary: Vocabulary | None = None) -> dict[tuple[str, str, str], object]:
    """(predicate, arm agent or trial, endpoint/timepoint) -> value, for what the prose reader asserts."""
    vocabulary = vocabulary or VOCAB_FULL
    doc = AnalysedDocument(Document.from_text("d", text), vocabulary, MentionFinder(vocabulary))
    found: dict[tuple[str, str, str], object] = {}
    for a in prose_trials(doc):
        if a.evidence[0].certainty != "asserted":
            continue
        if a.predicate == "armSize":
            found[("armSize", a.subject.split("__", 2)[-1], "")] = a.object
        elif a.predicate == "hasMeasurement":
            found[("value", a.subject.split("__", 2)[-1], f"{a.object}@{a.context_value('timepoint', '')}")] = \
                a.attribute_values("value")[0]
        elif a.predicate == "hasEffectEstimate":
            pair = f"{a.context_value('experimental').split('__', 2)[-1]}/{a.context_value('comparator').split('__', 2)[-1]}"
            found[("hr", pair, str(a.object))] = a.attribute_values("hazard_ratio")[0]
    return found


def test_the_combination_is_the_trials_one_arm_of_several_drugs():
    got = trial_facts("In the phase 2 LOTUS-44 trial, 121 adults were randomized to quorimab plus zorbanib or zorbanib "
                      "alone: 61 to the combination and 60 to zorbanib monotherapy. Median OS was 14.2 months with the "
                      "combination and 11.9 months with zorbanib.")
    assert got[("armSize", COMBO, "")] == 61 and got[("armSize", "zorbanib", "")] == 60
    assert got[("value", COMBO, "os@")] == Decimal("14.2") and got[("value", "zorbanib", "os@")] == Decimal("11.9")


def test_the_combination_named_earlier_in_the_sentence():
    got = trial_facts("No filing is planned for the combination of quorimab with zorbanib, after the phase 3 LOTUS-45 "
                      "study of the combination versus zorbanib alone missed its endpoint (HR for death 0.93).")
    assert got == {("hr", f"{COMBO}/zorbanib", "os"): Decimal("0.93")}


def test_a_success_threshold_is_no_result():
    got = results(RANDOMISED + "The primary endpoint was OS, zorbanib to be considered promising if its median OS "
                  "exceeded 20 months.")
    assert got == {("hasMeasurement", "zorbanib"): (Decimal("20"), "hedged")}


THREE_ARMS = ("In the phase 3 LOTUS-46 trial, 900 adults were randomized to quorimab plus zorbanib (n = 300), zorbanib "
              "(n = 300) or felotinib (n = 300). ")


def test_three_arms_values_in_arm_order_and_the_pair_each_hazard_ratio_compares():
    got = trial_facts(THREE_ARMS + "For the combination versus felotinib, the hazard ratio for death was 0.78. "
                      "Zorbanib was non-inferior to felotinib (HR 0.94). The ORRs were 24%, 17% and 8%.")
    assert got[("hr", f"{COMBO}/felotinib", "os")] == Decimal("0.78")
    assert got[("hr", "zorbanib/felotinib", "os")] == Decimal("0.94")  # no endpoint named: the one before
    assert [got[("value", arm, "orr@")] for arm in (COMBO, "zorbanib", "felotinib")] == [Decimal("24"), Decimal("17"),
                                                                                           Decimal("8")]


def test_a_randomisation_naming_one_agent_gives_the_trial_that_arm():
    got = trial_facts("In the phase 3 LOTUS-47 trial, adults were randomized 1:1 to zorbanib 40 mg daily or active "
                      "monitoring. Of 400 randomized (zorbanib n=201; monitoring n=199), 80% had cirrhosis.")
    assert got == {("armSize", "zorbanib", ""): 201}


def test_a_subgroup_analysis_keeps_what_it_states_of_the_whole_trial():
    text = ("Outcomes by tumour size: a subgroup analysis of the phase 3 LOTUS-48 trial. In LOTUS-48, zorbanib "
            "prolonged survival compared with felotinib. Of the 600 randomized patients "
            "(301 zorbanib, 299 felotinib), 200 had large tumours. In the intention-to-treat population, median OS "
            "was 15.0 vs 12.5 months (HR 0.80). In patients with large tumours, median OS was 12.0 vs 11.0 months.")
    got = trial_facts(text)
    assert got == {("armSize", "zorbanib", ""): 301, ("armSize", "felotinib", ""): 299,
                   ("value", "zorbanib", "os@"): Decimal("15.0"), ("value", "felotinib", "os@"): Decimal("12.5"),
                   ("hr", "zorbanib/felotinib", "os"): Decimal("0.80")}


def test_a_bare_ratio_continues_only_the_endpoint_the_sentence_just_before_named():
    follows = trial_facts(RANDOMISED + "Median OS was 15.0 vs 12.5 months. Zorbanib was superior to felotinib (HR 0.80).")
    assert follows[("hr", "zorbanib/felotinib", "os")] == Decimal("0.80")
    later = trial_facts(RANDOMISED + "Median OS was 15.0 vs 12.5 months. Rash was common. Zorbanib was superior to "
                        "felotinib (HR 0.80).")
    labelled = trial_facts(RANDOMISED + "Median OS was 15.0 vs 12.5 months. The HR for recurrence was 0.80.")
    assert not [k for k in {**later, **labelled} if k[0] == "hr"]


def test_a_ratio_labelled_by_its_arms_only_continues_the_endpoint_before():
    got = trial_facts(THREE_ARMS + "Median OS was 16.4, 16.6 and 13.8 months. The hazard ratio for the combination "
                      "versus felotinib was 0.78.")
    assert got[("hr", f"{COMBO}/felotinib", "os")] == Decimal("0.78")


def test_the_combination_the_document_named_before_a_trial_with_no_arms_yet():
    doc = AnalysedDocument(Document.from_text("d", "The agency approved quorimab plus zorbanib. Support came from the "
                                              "HERON and EGRET phase 3 trials. In HERON, the combination reduced the "
                                              "risk of death versus felotinib."), VOCAB_FULL, MentionFinder(VOCAB_FULL))
    arms = {a.object for a in prose_trials(doc) if a.predicate == "hasArm"}
    assert arms == {f"arm__heron__{COMBO}", "arm__heron__felotinib"}


def test_lettered_arm_labels_name_their_arms_afterwards():
    got = trial_facts("In this phase 3 trial (LOTUS-72), pts were randomized 1:1 to arm A (quorimab + zorbanib) or arm B "
                      "(zorbanib). Results: 402 pts were randomized (arm A, n=201; arm B, n=199). ORR was 41% in arm B "
                      "and 25% in arm A.")
    assert got == {("armSize", COMBO, ""): 201, ("armSize", "zorbanib", ""): 199,
                   ("value", "zorbanib", "orr@"): Decimal("41"), ("value", COMBO, "orr@"): Decimal("25")}


def test_a_cohort_described_by_its_pretreatment_is_no_arm_label():
    from hcc_kg.extract.arm_references import labels_defined
    doc = AnalysedDocument(Document.from_text("d", "Cohort 1 (zorbanib-pretreated) and cohort 2 (felotinib) enrolled."),
                           VOCAB_FULL, MentionFinder(VOCAB_FULL))
    assert labels_defined(doc, doc.sentences[0]) == {"cohort 2": "felotinib"}


def test_the_assignment_not_the_design_word_opens_the_alternatives():
    doc = AnalysedDocument(Document.from_text("d", "In the randomized phase 2 LOTUS-73 study, 90 patients were assigned "
                                              "to zorbanib plus an unnamed agent or zorbanib alone."),
                           VOCAB_FULL, MentionFinder(VOCAB_FULL))
    assert {a.object for a in prose_trials(doc) if a.predicate == "hasArm"} == {"arm__lotus73__zorbanib"}


@pytest.mark.parametrize("sentence", [
    "Zorbanib improved disease-free survival versus felotinib (HR 0.76).",
    "Event-free survival was longer with zorbanib than with felotinib (hazard ratio 0.76).",
    "Zorbanib prolonged metastasis free survival (HR 0.76) over felotinib.",
])
def test_a_bare_ratio_after_another_survival_does_not_continue_the_endpoint_before(sentence):
    got = results(RANDOMISED + "Median OS was 15.1 months with zorbanib and 11.2 months with felotinib. " + sentence)
    assert ("hasEffectEstimate", "os") not in got
    got = results(RANDOMISED + "Median OS was 15.1 months with zorbanib and 11.2 months with felotinib. "
                  "Zorbanib was non-inferior to felotinib (HR 0.76).")
    assert got[("hasEffectEstimate", "os")][0] == Decimal("0.76")  # a bare ratio still continues OS


def test_three_arms_values_listed_with_the_arms_they_belong_to():
    got = trial_facts("Efficacy was evaluated in LOTUS-47, a randomised (1:1:1) study. Patients were randomised to one "
                      "of three arms: quorimab plus zorbanib; zorbanib; or felotinib. Median OS was 16.1 months and "
                      "13.5 months for the quorimab plus zorbanib and felotinib arms, respectively.")
    assert got[("value", COMBO, "os@")] == Decimal("16.1") and got[("value", "felotinib", "os@")] == Decimal("13.5")
    assert ("value", "zorbanib", "os@") not in got


def test_a_capital_word_glued_to_digits_is_no_alias_of_the_trial():
    doc = analysed("SANDPIPER (KSQX1902): a single-arm phase II study of zorbanib\n\nPatients received zorbanib daily.")
    names = {str(v) for a in prose_trials(doc) if a.predicate == "isClinicalTrial" for v in a.attribute_values("trial_name")}
    keys = {a.subject for a in prose_trials(doc) if a.predicate == "isClinicalTrial"}
    assert "KSQX" not in names and keys == {"trial__ksqx1902"}


@pytest.mark.parametrize("text", [
    "Invented notice\n\nThe agency approved zorbanib for an invented lymphoma. Approval rested on the ORCA-9 trial, "
    "which assessed 81 patients in an open, single arm. The ORR was 55%.",
    "Invented notice\n\nThe agency approved zorbanib for an invented lymphoma. Approval rested on ORCA-9, a single-arm "
    "phase 2 study of 81 patients. The ORR was 55%.",
])
def test_a_single_arm_trial_takes_the_one_drug_the_document_names(text):
    got = trial_facts(text)
    assert got[("value", "zorbanib", "orr@")] == Decimal("55") and got[("armSize", "zorbanib", "")] == 81


def test_a_single_arm_trial_in_a_document_naming_two_drugs_gets_no_arm():
    got = trial_facts("Invented notice\n\nThe agency approved zorbanib after felotinib for an invented lymphoma. "
                      "Approval rested on the ORCA-9 trial, which assessed 81 patients in an open, single arm. "
                      "The ORR was 55%.")
    assert got == {}


def test_outperformed_compares_two_arms():
    got = trial_facts("In the randomised phase 3 trial ORCA-10, zorbanib outperformed felotinib: median OS was 12.1 "
                      "versus 10.3 months.")
    assert got[("value", "zorbanib", "os@")] == Decimal("12.1") and got[("value", "felotinib", "os@")] == Decimal("10.3")


def test_a_single_arm_study_neither_named_nor_counted_gets_no_arm():
    def arms(text: str) -> set[str]:
        doc = AnalysedDocument(Document.from_text("d", text), VOCAB_FULL, MentionFinder(VOCAB_FULL))
        return {str(a.object) for a in prose_trials(doc) if a.predicate == "hasArm"}
    lead = "Invented notice\n\nThe agency approved zorbanib for an invented lymphoma. The approval rested in part on "
    assert arms(lead + "results of a phase 2, single-arm study.") == set()
    assert arms(lead + "a phase 2, single-arm study of 81 patients.") == {"arm__mdzorbanib__zorbanib"}


NAMED = Vocabulary([*VOCAB, Entity("chemo", "chemotherapy", ("Procedure",)), Entity("placebo", "placebo", ("Placebo",))])


def named_trial_arms(text: str) -> dict[str, list[str]]:
    """Trial key -> its arm agents, for what the prose reader asserts."""
    doc = AnalysedDocument(Document.from_text("d", text), NAMED, MentionFinder(NAMED))
    found: dict[str, list[str]] = {}
    for a in prose_trials(doc):
        if a.predicate == "isClinicalTrial":
            found.setdefault(a.subject, [])
        elif a.predicate == "armIntervention":
            found.setdefault(a.subject.split("__")[1], []).append(a.object)
    return {k.removeprefix("trial__"): v for k, v in found.items()}


@pytest.mark.parametrize("text, expected", [
    # the approved drug, and what the trial compared it with, when the notice names the trial only as the basis
    ("The agency approved zorbanib for the invented disease. The approval is supported by data from the phase 3 "
     "LOTUS-50 trial that demonstrated an overall survival benefit compared with chemotherapy.", ["zorbanib", "chemo"]),
    ("The agency approved zorbanib. The decision was based on results from the LOTUS-50 study.", ["zorbanib"]),
    # the drug the sentence naming the trial gives its result to
    ("In the phase 3 LOTUS-50 trial, zorbanib showed longer survival.", ["zorbanib"]),
    ("Approval was based on LOTUS-50, a phase 3 study where zorbanib demonstrated a proven effect on survival by "
     "statistical confirmation of non-inferiority, as well as significant superiority and meaningful improvements in "
     "progression-free survival, response rate, disease control and quality of life across every invented region "
     "when compared with felotinib in untreated adults.", ["zorbanib", "felotinib"]),
])
def test_a_trial_named_with_a_result_takes_the_arm_the_text_says_it_tested(text, expected):
    assert named_trial_arms(text) == {"lotus50": expected}


@pytest.mark.parametrize("text", [
    # two drugs and no subject: which one the trial tested is not said
    "The agency approved zorbanib and felotinib. The approvals are based on results from the phase 3 LOTUS-50 trial.",
    # a name in a sentence with no trial word is no trial's
    "LOTUS-50 cells came from a phase 1 study. Zorbanib reduced the growth of LOTUS-50 cells.",
])
def test_a_trial_named_without_what_it_tested_gets_no_arms(text):
    assert named_trial_arms(text).get("lotus50", []) == []  # (kept by name when the text calls it a trial)


def test_a_trial_the_background_names_keeps_only_the_agent_named_with_it():
    # the trial before the one the abstract reports: what it tested, and nothing of the study reported
    text = "Background: Zorbanib improved survival in the LOTUS-50 trial. Methods: We gave felotinib to 40 adults."
    assert named_trial_arms(text).get("lotus50") == ["zorbanib"]


def test_a_comparator_patients_received_is_no_randomised_trials_first_arm():
    # the drug's brand is no vocabulary name here: the trial's one arm read would be chemotherapy
    text = ("The phase 3 LOTUS-51 trial compared Brandix with chemotherapy. Median OS was 19.3 months in patients "
            "treated with Brandix and 17.1 months in patients treated with chemotherapy.")
    assert all(arms != ["chemo"] for arms in named_trial_arms(text).values())


def test_a_count_after_a_combination_parted_by_doses_is_the_combination_s():
    got = trial_facts("In the phase 3 LOTUS-91 trial, 540 patients were randomly assigned to quorimab at 200 mg every "
                      "2 weeks plus zorbanib at 250 mg once daily (n = 272) or felotinib at 400 mg twice daily (n = 268).")
    assert got[("armSize", COMBO, "")] == 272 and got[("armSize", "felotinib", "")] == 268


def test_a_count_is_not_given_to_a_combination_two_of_whose_drugs_are_counted():
    got = trial_facts("In the phase 3 LOTUS-92 trial, patients were randomly assigned to quorimab plus zorbanib or "
                      "felotinib. Earlier, quorimab (n = 30) and zorbanib (n = 40) had been given alone.")
    assert ("armSize", COMBO, "") not in got


@pytest.mark.parametrize("design", [
    "In a randomized, parallel-group phase 2 study of two administration methods, zorbanib was given every 2 or 3 weeks.",
    "In this phase 2 study, patients were randomized to zorbanib 8 mg or 12 mg daily.",
    "Patients were randomly assigned to two dosing schedules of zorbanib in this phase 2 study.",
    # the randomisation and the schedules in two sentences
    "In a multicentre, parallel-group, randomised phase 2 study, zorbanib was active. Zorbanib was given every 3 or 4 weeks.",
])
def test_a_trial_randomising_one_agents_doses_is_that_agents_alone(design):
    found = results(f"{design} A total of 120 patients were treated with zorbanib. The median OS was 14.2 months.")
    assert found == {("hasMeasurement", "zorbanib"): (Decimal("14.2"), "asserted")}


def test_a_randomised_trial_naming_one_agent_but_no_doses_waits_for_its_other_arm():
    found = results("In this randomized phase 2 study, 120 patients were treated with zorbanib. The median OS was 14.2 months.")
    assert found == {}


def test_a_named_trials_result_given_to_the_combination_named_before():
    # news: the combination named in one sentence, then "the combo" as the subject of the named trial's result
    got = trial_facts("Regulators turned down the quorimab-zorbanib combination again. The phase 3 LOTUS-52 study showed "
                      "that the combo cut the risk of death by 30% compared with Acme's felotinib. Adults given that "
                      "combination lived for a median of 19.4 months, versus 13.1 months for the control group.")
    assert got[("value", COMBO, "os@")] == Decimal("19.4") and got[("value", "felotinib", "os@")] == Decimal("13.1")


def test_a_comparator_named_after_its_maker():
    got = trial_facts("In the phase 3 LOTUS-53 study, zorbanib improved overall survival versus Acme Pharma's felotinib "
                      "(median OS 16.2 vs 12.8 months).")
    assert got[("value", "zorbanib", "os@")] == Decimal("16.2") and got[("value", "felotinib", "os@")] == Decimal("12.8")


BRANDED = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",), ("Zorba",)),
                      Entity("felotinib", "felotinib", ("SmallMolecule",))])


def test_a_brand_with_its_trade_mark_sign_is_the_results_subject():
    doc = AnalysedDocument(Document.from_text("d", "The approval rests on data from the phase 3 LOTUS-54 study, in which "
                                                   "Zorba® (zorbanib) demonstrated longer survival."),
                           BRANDED, MentionFinder(BRANDED))
    assert {a.object for a in prose_trials(doc) if a.predicate == "armIntervention"} == {"zorbanib"}


def test_a_clause_no_shape_reader_reads_is_aligned_whole():
    got = trial_facts(RANDOMISED + "The hazard ratio for OS was 0.80 (95% CI 0.60-1.07) for zorbanib (n=120) versus "
                      "felotinib (n=60), with medians of 12.7 (10.2-14.9) versus 9.7 (5.9-11.8) months, respectively.")
    assert got[("value", "zorbanib", "os@")] == Decimal("12.7") and got[("value", "felotinib", "os@")] == Decimal("9.7")
    rates = trial_facts(RANDOMISED + "Survival at 6 and 12 months was higher with zorbanib versus felotinib (61.0% "
                        "(95% CI, 55.1 to 66.9) versus 48.2% (95% CI, 40.0 to 56.4) at 12 months).")
    assert rates == {("value", "zorbanib", "os@12-month"): Decimal("61.0"),
                     ("value", "felotinib", "os@12-month"): Decimal("48.2")}


def test_endpoints_listed_together_each_take_their_pair_and_the_ratio_after_it():
    got = trial_facts(RANDOMISED + "The median PFS and OS in the zorbanib vs. felotinib groups in months were: 3.1 vs. "
                      "2.0 (HR 0.91, p = 0.62), and 9.4 vs. 8.1 (HR 0.88).")
    assert got == {("value", "zorbanib", "pfs@"): Decimal("3.1"), ("value", "felotinib", "pfs@"): Decimal("2.0"),
                   ("value", "zorbanib", "os@"): Decimal("9.4"), ("value", "felotinib", "os@"): Decimal("8.1"),
                   ("hr", "zorbanib/felotinib", "pfs"): Decimal("0.91"), ("hr", "zorbanib/felotinib", "os"): Decimal("0.88")}


def test_endpoints_listed_together_with_pairs_override_the_one_endpoint_readers():
    got = trial_facts(RANDOMISED + "The objective response rate and median OS with zorbanib versus felotinib were 14% "
                      "versus 5% and 11.9 versus 9.3 months, respectively.")
    assert {k: v for k, v in got.items() if k[0] == "value"} == {
        ("value", "zorbanib", "orr@"): Decimal("14"), ("value", "felotinib", "orr@"): Decimal("5"),
        ("value", "zorbanib", "os@"): Decimal("11.9"), ("value", "felotinib", "os@"): Decimal("9.3")}
    got = trial_facts(RANDOMISED + "Median OS and PFS with zorbanib versus felotinib were 12.1 versus 9.0 months "
                      "(HR 0.77) and 4.0 versus 2.1 months (HR 0.60), respectively.")
    assert got == {("value", "zorbanib", "os@"): Decimal("12.1"), ("value", "felotinib", "os@"): Decimal("9.0"),
                   ("value", "zorbanib", "pfs@"): Decimal("4.0"), ("value", "felotinib", "pfs@"): Decimal("2.1"),
                   ("hr", "zorbanib/felotinib", "os"): Decimal("0.77"), ("hr", "zorbanib/felotinib", "pfs"): Decimal("0.60")}


def test_counts_of_one_phase_of_a_phase_1_2_trial_are_no_arm_size_and_one_arm_counted_is_that_arm():
    got = trial_facts("A phase 1/2 study of zorbanib alone and combined with quorimab in liver cancer. In the phase I "
                      "part, 70 patients took single-agent zorbanib. In phase 2, 40 patients received zorbanib. "
                      "Fifteen patients were given zorbanib plus quorimab.")
    assert {k: v for k, v in got.items() if k[0] == "armSize"} == {("armSize", COMBO, ""): 15}


def test_a_count_of_the_patients_given_one_arm_of_a_randomised_trial_is_its_size():
    got = trial_facts("In the phase 3 LOTUS-46 trial, adults were randomized to quorimab plus zorbanib or zorbanib alone. "
                      "A total of 150 patients received zorbanib.")
    assert got[("armSize", "zorbanib", "")] == 150


def test_a_count_of_the_patients_given_one_arm_or_placebo_is_the_trials_not_the_arms():
    with_placebo = Vocabulary([*VOCAB_FULL, Entity("placebo", "placebo", ("Placebo",))])
    got = trial_facts("In the GLADE-2 trial, 707 patients received zorbanib or placebo. Median OS was 10.1 months with "
                      "zorbanib and 8.2 months with placebo.", with_placebo)
    assert got[("value", "placebo", "os@")] == Decimal("8.2")
    assert not any(k[0] == "armSize" for k in got)
    got = trial_facts("In the GLADE-2 trial, patients were randomized to zorbanib or placebo. A total of 470 patients "
                      "received zorbanib.", with_placebo)
    assert got[("armSize", "zorbanib", "")] == 470


def test_the_sentences_after_an_announced_subgroup_analysis_state_its_numbers_not_the_arms():
    got = trial_facts("In the phase 2 ZETA-9 trial, patients were randomized to zorbanib or felotinib. Median OS was 4.1 "
                      "versus 4.3 months. A pre-planned subgroup analysis of patients with portal invasion (34 on zorbanib, "
                      "22 on felotinib) showed a gain. OS: 6.9 versus 3.8 months; HR, 0.81. The 12-month OS rate was 44% "
                      "versus 18%. In the ITT population, median PFS was 2.0 versus 1.9 months.")
    values = {k: v for k, v in got.items() if k[0] == "value"}
    assert values == {("value", "zorbanib", "os@"): Decimal("4.1"), ("value", "felotinib", "os@"): Decimal("4.3"),
                      ("value", "zorbanib", "pfs@"): Decimal("2.0"), ("value", "felotinib", "pfs@"): Decimal("1.9")}
    assert not any(k[0] == "hr" for k in got)


def test_a_sentence_of_the_diseases_statistics_is_no_arms_result():
    got = trial_facts("In the phase 2 ZETA-3 trial, 40 patients received zorbanib. New cases and deaths from liver cancer "
                      "in Freedonia account for 10% of the world's. The 5-year survival rate for patients with HCC in "
                      "Freedonia is only 14%. The ORR was 20%.")
    assert {k: v for k, v in got.items() if k[0] == "value"} == {("value", "zorbanib", "orr@"): Decimal("20")}


@pytest.mark.parametrize("title", [
    "Quorimab Combined with Zorbanib Regimen as First-Line Therapy for Advanced Liver Carcinomas: A Phase Ib/II Study",
    "Quorimab Plus Zorbanib in Advanced Hepatic Cancers: A Phase Ib/II Study",
])
def test_a_titles_subject_with_its_regimen_word_or_a_plural_disease_is_the_trials_arm(title):
    got = trial_facts(title + "\n\nThis open-label phase Ib/II study (NCT01234567) enrolled patients. First, six patients "
                      "were enrolled, then 24 more. A total of 30 patients were enrolled. The ORR was 30.0%.")
    assert got[("value", COMBO, "orr@")] == Decimal("30.0")
    assert got[("armSize", COMBO, "")] == 30


def test_the_one_drug_patients_were_treated_with_is_the_arm_of_the_documents_unrandomised_trial():
    text = ("Markers in patients with liver cancer treated with the invented inhibitor zorbanib\n\nThis phase 2 study "
            "(NCT07654321) enrolled adults into two parts by a made-up marker. In total, 90 patients were enrolled across "
            "both parts. Median OS: 7.1 months for Part A and 15.2 months for Part B.")
    got = trial_facts(text)
    assert got == {("armSize", "zorbanib", ""): 90}  # the parts' values are no arm's
    assert trial_facts(text.replace("enrolled adults", "randomly assigned adults")) == {}


@pytest.mark.parametrize("results", [
    "Median OS was 7.1 months for the pretreated cohort, 15.2 months for the untreated cohort, and 11.0 months overall.",
    "Median OS was 7.1 months [90% confidence interval (CI) 5.0-9.9] in cohort A, 15.2 months in cohort B and 11.0 "
    "months in all treated patients.",
])
def test_the_whole_trials_value_after_its_parts_values_is_the_arms(results):
    text = ("Markers in patients with liver cancer treated with the invented inhibitor zorbanib\n\nThis phase 2 study "
            "(NCT07654321) enrolled 90 patients (cohort A, n = 40; cohort B, n = 50). " + results)
    assert trial_facts(text) == {("armSize", "zorbanib", ""): 90, ("value", "zorbanib", "os@"): Decimal("11.0")}



@pytest.mark.parametrize("opener", ["In comparison,", "By comparison,", "In contrast,"])
def test_a_sentence_giving_the_other_side_of_the_one_before_names_the_second_arm(opener):
    text = (f"The invented phase 3 ZETA-4 trial (NCT01234567) was read out: quorimab (n = 300) gave a median OS of 21.7 "
            f"months. {opener} the median OS was 17.6 months for patients who received felotinib (n = 298).")
    assert trial_facts(text) == {("armSize", "quorimab", ""): 300, ("armSize", "felotinib", ""): 298,
                                 ("value", "quorimab", "os@"): Decimal("21.7"), ("value", "felotinib", "os@"): Decimal("17.6")}
    # without the opener, or with the same drug on both sides, no second arm
    assert ("value", "felotinib", "os@") not in trial_facts(text.replace(opener + " the", "The"))
