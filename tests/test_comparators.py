"""Arms that are no one drug, in invented sentences: care given alongside, care alone, the
investigator's choice and the options it lists (extract/comparators.py, read through prose_arms)."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.comparators import CHOICE_NAME, arm_parts
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.arm_comparisons import compared_arms
from hcc_kg.extract.prose_arms import agents, randomised_arms
from hcc_kg.keys import agent_key
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

DRUGS = [Entity("zorbanib", "zorbanib", ("SmallMolecule",), ("Zorbix",)),
         Entity("felotinib", "felotinib", ("SmallMolecule",), ("Felotix",)),
         Entity("quorimab", "quorimab", ("MonoclonalAntibody",)), Entity("placebo", "placebo", ("Placebo",))]
COMPARATORS = [Entity("chemo", "chemotherapy", ("Procedure",)),
               Entity("bsc", "best supportive care", ("Procedure",), ("BSC",)),
               Entity("soc", "standard of care", ("Procedure",)),
               Entity("tpc", "treatment of physician's choice", ("Procedure",), (CHOICE_NAME, "investigator choice"))]
VOCAB = Vocabulary([*DRUGS, *COMPARATORS])
FINDER = MentionFinder(VOCAB)
WITHOUT_CHOICE = Vocabulary([*DRUGS, *COMPARATORS[:3]])


def sentence(text: str, vocabulary: Vocabulary = VOCAB):
    doc = AnalysedDocument(Document.from_text("d", text), vocabulary, MentionFinder(vocabulary))
    return doc, doc.sentences[0]


def keys(found) -> list[str]:
    return [a.key for a in found]


@pytest.mark.parametrize("text, expected", [
    ("Patients were randomized 2:1 to zorbanib plus best supportive care or placebo plus best supportive care.",
     ["zorbanib", "placebo"]),
    ("Patients were randomized to zorbanib or placebo, each given with BSC.", ["zorbanib", "placebo"]),
    ("Patients were randomized to BSC and maintenance zorbanib or to BSC alone.", ["zorbanib", "bsc"]),
    ("Patients were randomized to quorimab plus felotinib plus best supportive care or BSC alone.",
     [agent_key(["felotinib", "quorimab"]), "bsc"]),
])
def test_care_beside_an_arms_agent_is_no_part_of_it_and_care_alone_is_an_arm(text, expected):
    doc, sent = sentence(text)
    assert keys(randomised_arms(doc, sent)) == expected


def test_arm_parts():
    doc, _ = sentence("No arms here.")
    assert arm_parts(doc, ["zorbanib", "bsc"]) == ("zorbanib",)
    assert arm_parts(doc, ["placebo", "bsc"]) == ("placebo",)
    assert arm_parts(doc, ["bsc"]) == ("bsc",)
    assert arm_parts(doc, ["quorimab", "chemo"]) == ("chemo", "quorimab")  # chemotherapy is a part, not care


@pytest.mark.parametrize("text", [
    "Zorbanib improved OS compared with standard-of-care felotinib.",
    "Zorbanib improved OS compared with the standard of care, felotinib.",
])
def test_care_right_before_a_drug_describes_it(text):
    doc, sent = sentence(text)
    assert keys(compared_arms(doc, sent)) == ["zorbanib", "felotinib"]


def test_standard_of_care_alone_is_the_comparator():
    doc, sent = sentence("Zorbanib plus standard of care improved OS compared with standard of care alone.")
    assert keys(compared_arms(doc, sent)) == ["zorbanib", "soc"]


@pytest.mark.parametrize("text", [
    "Patients were randomized to zorbanib or investigator's choice of chemotherapy.",
    "Patients were randomized to zorbanib or the physician\u2019s choice of chemotherapy.",
    "Patients were randomized to zorbanib or chemotherapy of the investigator's choice.",
    "Patients were randomized to zorbanib or physician's choice chemotherapy (felotinib, quorimab, or placebo).",
    "Patients were randomized to zorbanib or chemotherapy (investigator's choice of felotinib or quorimab).",
    "Patients were randomized to zorbanib or investigator choice of chemotherapy (felotinib or quorimab).",
])
def test_a_choice_of_chemotherapy_is_the_chemotherapy_arm(text):
    doc, sent = sentence(text)
    assert keys(randomised_arms(doc, sent)) == ["zorbanib", "chemo"]


@pytest.mark.parametrize("text", [
    "Zorbanib improved PFS compared with physician's choice of therapy (felotinib, quorimab, or placebo).",
    "Zorbanib improved PFS compared with the investigator's choice of felotinib or quorimab.",
    "Zorbanib improved PFS compared with treatment of physician's choice.",
])
def test_a_choice_not_said_to_be_chemotherapy_is_the_physicians_choice_arm(text):
    doc, sent = sentence(text)
    assert keys(compared_arms(doc, sent)) == ["zorbanib", "tpc"]


SLASHED = ("Adults were randomized to zorbanib 12 mg daily or investigator's choice of felotinib 8 mg or 12 mg QD or "
           "quorimab 400 mg BID until progression. Median OS was 20.1 months with zorbanib vs 15.2 months with "
           "felotinib/quorimab.")


@pytest.mark.parametrize("text, first, second", [
    # the options' doses stand between them; "A/B" later names the choice
    (SLASHED, ["zorbanib", "tpc"], ["zorbanib", "tpc"]),
    # where no choice offers them, "A/B" is not read as one
    (SLASHED.replace("investigator's choice of felotinib 8 mg or 12 mg QD or quorimab 400 mg BID", "placebo"),
     ["zorbanib", "placebo"], None),
])
def test_a_choices_options_with_their_doses_and_joined_by_a_slash_later(text, first, second):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    assert keys(randomised_arms(doc, doc.sentences[0])) == first
    later = keys(agents(doc, doc.sentences[1]))
    assert later == second if second else "tpc" not in later


def test_a_choice_reads_no_arm_when_the_vocabulary_has_none_for_it():
    doc, sent = sentence("Zorbanib improved PFS compared with the investigator's choice of felotinib or quorimab.",
                         WITHOUT_CHOICE)
    assert "tpc" not in keys(agents(doc, sent))


def test_a_parenthesis_without_alternatives_is_no_list_of_options():
    doc, sent = sentence("Patients were randomized to zorbanib or chemotherapy (felotinib plus quorimab).")
    assert keys(randomised_arms(doc, sent)) == ["zorbanib", agent_key(["chemo", "felotinib", "quorimab"])]
    doc, sent = sentence("The drug of choice was zorbanib, compared with felotinib.")
    assert keys(agents(doc, sent)) == ["zorbanib", "felotinib"]


@pytest.mark.parametrize("text", [
    "Zorbanib plus felotinib chemotherapy improved OS compared with felotinib chemotherapy alone.",
    "Zorbanib plus felotinib-based chemotherapy improved OS compared with felotinib-based chemotherapy alone.",
])
def test_chemotherapy_right_after_a_drug_is_that_drugs_kind(text):
    doc, sent = sentence(text)
    assert keys(compared_arms(doc, sent)) == [agent_key(["felotinib", "zorbanib"]), "felotinib"]


def test_chemotherapy_after_a_drug_with_words_between_is_its_own_arm():
    doc, sent = sentence("Zorbanib given alone improved OS compared with chemotherapy.")
    assert keys(compared_arms(doc, sent)) == ["zorbanib", "chemo"]


@pytest.mark.parametrize("text", [
    "Patients were randomly assigned (2:1) to receive oral zorbanib at 600 mg once daily plus best supportive care (n = 258) "
    "or matching placebo plus best supportive care (n = 129).",
    "Patients were randomized to zorbanib 10 mg twice daily with BSC (n = 258) or placebo with BSC (n = 129).",
])
def test_care_after_a_drugs_dose_is_the_drugs_arm(text):
    from hcc_kg.extract.prose_sizes import arm_sizes
    doc, sent = sentence(text)
    assert keys(randomised_arms(doc, sent)) == ["zorbanib", "placebo"]
    assert arm_sizes(doc, sent) == {"zorbanib": 258, "placebo": 129}


def test_a_dose_then_and_a_second_drug_is_no_care():
    doc, sent = sentence("Patients received zorbanib 10 mg daily and felotinib.")
    assert keys(agents(doc, sent)) == ["zorbanib", "felotinib"]


@pytest.mark.parametrize("text", [
    "Zorbanib gave a response rate of 31% compared with 12% of patients treated with felotinib or quorimab.",
    "Median OS was 14.2 months with zorbanib vs 11.0 months for those treated with either felotinib or quorimab.",
    "Zorbanib improved OS compared to felotinib or quorimab monotherapy.",
    "Zorbanib improved OS compared to a choice of felotinib or quorimab in this invented trial.",
    "ORR was 28% (95% CI: 22-35) for zorbanib compared to 9% (95% CI: 5-14; P<0.001) of patients receiving "
    "felotinib or quorimab and a longer response with zorbanib.",
    # the compared side's value right before its options
    "Median OS was 21.4 months with zorbanib compared with 17.3 months with felotinib or quorimab.",
    "The response rate was 33.1 percent with zorbanib, compared with 10.2 percent for felotinib or quorimab monotherapy.",
    "Median OS was 21.4 months (95% CI, 18.0-25.1) with zorbanib vs 17.3 months (95% CI, 15.2-19.9) with felotinib or quorimab.",
    # a verdict on the comparison before the options
    "In this invented trial zorbanib was superior to felotinib or quorimab in overall survival.",
    "Zorbanib proved non-inferior to felotinib or quorimab.",
    # the options the control arm is said to hold
    "The experimental arm received zorbanib and the control arm received felotinib or quorimab.",
    "Patients were randomized to receive zorbanib as an infusion, or single agent felotinib or quorimab as oral "
    "capsules in the control arm.",
    "After zorbanib, median OS was 17.6 months for patients who received control therapy with felotinib or quorimab.",
])
def test_drugs_offered_as_or_on_the_compared_side_are_one_choice_arm(text):
    # the choice is not called one (or not the physician's): the options are no arms of their own, no regimen
    doc, sent = sentence(text)
    assert set(keys(agents(doc, sent))) == {"zorbanib", "tpc"}


def test_a_randomised_list_keeps_the_control_arms_options_together():
    doc, sent = sentence("Patients were randomized to receive zorbanib (zorbanib 1 mg/kg every 3 weeks) infusion, or "
                         "single agent felotinib or quorimab as oral capsules in the control arm.")
    assert keys(randomised_arms(doc, sent)) == ["zorbanib", "tpc"]


@pytest.mark.parametrize("text", [
    "Median OS was 21.4 months with zorbanib and 17.3 months with felotinib or quorimab.",  # no comparison cue
    "Patients were randomized to receive zorbanib, felotinib or quorimab.",  # no control arm said to hold them
])
def test_options_neither_compared_nor_held_by_the_control_arm_stay_arms(text):
    doc, sent = sentence(text)
    assert "tpc" not in keys(agents(doc, sent))


def test_a_choice_of_drugs_on_the_compared_side_is_the_compared_arm():
    doc, sent = sentence("Zorbanib improved OS compared to a choice of felotinib or quorimab in this invented trial.")
    assert keys(compared_arms(doc, sent)) == ["zorbanib", "tpc"]
    assert randomised_arms(doc, sent) == []


@pytest.mark.parametrize("text, expected", [
    ("Patients were randomized to zorbanib or felotinib.", ["zorbanib", "felotinib"]),
    # the alternatives are the patients' earlier treatment, no comparator
    ("Zorbanib was compared with placebo in patients previously treated with felotinib or quorimab.",
     ["zorbanib", "placebo", "felotinib", "quorimab"]),
    # regimens listed as alternatives are left to the arm readers
    ("Zorbanib was compared with felotinib or quorimab plus felotinib.",
     ["zorbanib", "felotinib", agent_key(["felotinib", "quorimab"])]),
])
def test_or_without_a_comparison_right_before_it_keeps_its_drugs(text, expected):
    doc, sent = sentence(text)
    assert keys(agents(doc, sent)) == expected


def test_an_unnamed_choice_carries_its_own_values_not_its_options():
    from hcc_kg.extract.abstracts import prose_trials
    vocab = Vocabulary([*DRUGS, *COMPARATORS, Entity("orr", "objective response rate", ("EndpointType",), ("ORR",))])
    text = ("ZETA-9 was a randomised phase 3 trial of zorbanib versus the investigator's choice of felotinib or quorimab. "
            "The ORR was 31% with zorbanib compared with 12% of patients treated with felotinib or quorimab.")
    found = list(prose_trials(AnalysedDocument(Document.from_text("d", text), vocab, MentionFinder(vocab))))
    arm_of = {a.subject: a.object for a in found if a.predicate == "armIntervention"}
    measured = {(arm_of[a.subject], str(a.attribute_values("value")[0])) for a in found if a.predicate == "hasMeasurement"}
    assert set(arm_of.values()) == {"zorbanib", "tpc"}
    assert measured == {("zorbanib", "31"), ("tpc", "12")}


@pytest.mark.parametrize("text, expected", [
    # both arms' values, then both arms as alternatives: no choice
    ("Median OS was 10.7 versus 7.9 months for patients receiving zorbanib or felotinib.", ["zorbanib", "felotinib"]),
    # a part of the experimental regimen alone is an arm of its own, no one's choice
    ("Quorimab plus zorbanib vs felotinib or quorimab alone.", [agent_key(["quorimab", "zorbanib"]), "felotinib", "quorimab"]),
])
def test_alternatives_that_are_the_compared_arms_are_no_choice(text, expected):
    doc, sent = sentence(text)
    assert keys(agents(doc, sent)) == expected


BRANDED = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",), ("Zorbix",)),
                      Entity("felotinib", "felotinib", ("SmallMolecule",), ("Felomax", "FEL")),
                      Entity("quorimab", "quorimab", ("MonoclonalAntibody",), ("Quorimax", "QUO")), *COMPARATORS])


@pytest.mark.parametrize("text", [
    "Zorbanib gave longer survival compared with felotinib (Felomax) or quorimab (Quorimax) in adults.",
    "Zorbanib (Zorbix) gave longer survival compared with felotinib (Felomax) or quorimab in adults.",
])
def test_options_named_again_by_their_brands_are_one_choice_arm(text):
    doc, sent = sentence(text, BRANDED)
    assert set(keys(agents(doc, sent))) == {"zorbanib", "tpc"}


@pytest.mark.parametrize("text", [
    "Zorbanib gave longer survival compared with felotinib or felotinib plus quorimab in adults.",
    # short forms the vocabulary knows, defined for the rest of the text, are left to the arm readers, as before
    "Zorbanib gave longer survival compared with felotinib (FEL) or quorimab (QUO) in adults.",
])
def test_a_drug_named_again_outside_brackets_or_by_a_short_form_is_no_choice(text):
    doc = AnalysedDocument(Document.from_text("d", text), BRANDED, MentionFinder(BRANDED))
    assert "tpc" not in keys(agents(doc, doc.sentences[0]))


@pytest.mark.parametrize("text", [
    "Adults were randomized to quorimab or investigator's choice of a kinase inhibitor (zorbanib or felotinib).",
    "Adults were randomized to quorimab or investigator's choice of kinase inhibitor (KI) between zorbanib "
    "(Zorbix) or felotinib (Felotix).",
    "Adults were randomized to receive either quorimab or investigator's choice of zorbanib or felotinib.",
])
def test_a_choice_of_a_class_or_of_drugs_is_one_arm_its_options_no_arms(text):
    doc, sent = sentence(text)
    assert keys(randomised_arms(doc, sent)) == ["quorimab", "tpc"]


def test_care_a_therapy_aims_to_better_or_become_is_no_arm():
    read = {text: keys(agents(*sentence(text))) for text in (
        "A trial of zorbanib intended to improve the standard of care was stopped.",
        "Zorbanib could become the new standard of care.",
        "Adults were randomized to zorbanib or the current standard of care.")}
    assert list(read.values()) == [["zorbanib"], ["zorbanib"], ["zorbanib", "soc"]]


def test_two_agents_compared_with_one_of_them_alone_are_one_arm():
    doc, sent = sentence("The trial was testing Zorbix (zorbanib) and Felotix (felotinib) as first-line therapy versus "
                         "Felotix alone.")
    assert keys(compared_arms(doc, sent)) == [agent_key(["zorbanib", "felotinib"]), "felotinib"]
