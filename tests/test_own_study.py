"""A document that names no trial but declares a design of its own reports one unnamed trial (invented texts;
extract/own_study.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hcc_kg.extract.abstracts import prose_trials
from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.own_study import declares_own_study
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("zorbanib", "zorbanib", ("SmallMolecule",)),
    Entity("felotinib", "felotinib", ("SmallMolecule",)),
    Entity("os", "overall survival", ("EndpointType",), ("OS",)),
    Entity("pfs", "progression-free survival", ("EndpointType",), ("PFS",)),
    Entity("orr", "objective response rate", ("EndpointType",), ("ORR",)),
])
FINDER = MentionFinder(VOCAB)


def facts(text: str) -> list:
    return list(prose_trials(AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)))


def read(text: str) -> tuple[set[str], dict, dict]:
    """(arm agents, arm sizes, (agent, endpoint) -> value) of what was read."""
    found = facts(text)
    arms = {a.object for a in found if a.predicate == "armIntervention"}
    sizes = {a.subject.split("__", 2)[-1]: a.object for a in found if a.predicate == "armSize"}
    values = {(a.subject.split("__", 2)[-1], a.object): a.attribute_values("value")[0]
              for a in found if a.predicate == "hasMeasurement"}
    return arms, sizes, values


@pytest.mark.parametrize("text", [
    "Zorbanib as first-line therapy in liver cancer\n\nPURPOSE: To assess zorbanib in advanced liver cancer. "
    "DESIGN: Treatment-naive adults were given zorbanib 10 mg/kg on day 1 of each 21-day cycle. The primary endpoint was PFS. "
    "RESULTS: Thirty-six patients received zorbanib. Median PFS was 5.1 months and median OS was 11.2 months.\n",
    "Zorbanib in liver cancer\n\nWe treated adults with advanced liver cancer with zorbanib until progression; "
    "the primary end point was progression-free survival (PFS). Thirty-six patients received zorbanib. "
    "Median PFS was 5.1 months, and median OS was 11.2 months.\n",
    "Oral zorbanib for unresectable liver cancer\n\nObjective: to evaluate zorbanib. Methods: 36 patients were "
    "enrolled and received zorbanib 200 mg daily. Primary outcome: PFS. Results: Median PFS was 5.1 months; "
    "median OS was 11.2 months.\n",
])
def test_a_declared_design_of_its_own_is_one_unnamed_trial(text):
    arms, sizes, values = read(text)
    assert arms == {"zorbanib"}
    assert sizes == {"zorbanib": 36}
    assert values == {("zorbanib", "pfs"): Decimal("5.1"), ("zorbanib", "os"): Decimal("11.2")}


def test_endpoints_declared_without_a_primary_one_also_declare_a_study():
    arms, sizes, values = read("Zorbanib in liver cancer\n\nWe assessed how well oral zorbanib worked in adults with "
                               "advanced liver cancer. Thirty-six patients at one invented centre were enrolled. Zorbanib was given "
                               "at 10 mg daily. Clinical "
                               "endpoints were PFS and OS. The median PFS of treated adults was 5.1 months.\n")
    assert (arms, sizes, values) == ({"zorbanib"}, {"zorbanib": 36}, {("zorbanib", "pfs"): Decimal("5.1")})


def test_values_of_groups_compared_in_passing_leave_the_study_single_arm():
    # "3.1 months in patients with X versus 14.2 months in patients with Y" compares groups, not agents
    _, _, values = read("Zorbanib in liver cancer\n\nThe primary endpoint was PFS. Thirty patients received zorbanib. "
                        "Median PFS was 5.1 months. Median OS was 3.1 months in patients with Child-Pugh B cirrhosis "
                        "versus 14.2 months in patients with Child-Pugh A cirrhosis.\n")
    assert values == {("zorbanib", "pfs"): Decimal("5.1")}


@pytest.mark.parametrize("text", [
    # no design declared: a news item on the drug
    "Zorbanib news\n\nThirty patients received zorbanib. Median PFS was 5.1 months.\n",
    # a review of others' trials declares their endpoints, not its own
    "Zorbanib: a systematic review\n\nWe searched three databases. The primary endpoint was PFS. "
    "Thirty patients received zorbanib. Median PFS was 5.1 months.\n",
])
def test_no_declared_design_or_a_review_is_no_trial_of_its_own(text):
    assert read(text) == (set(), {}, {})


def test_declares_own_study():
    assert declares_own_study(["The primary objective was safety."])
    assert declares_own_study(["Primary outcome: PFS."])
    assert not declares_own_study(["A pooled analysis of two trials.", "The primary endpoint was OS."])


VOCAB_NEWS = Vocabulary([*VOCAB, Entity("quorimab", "quorimab", ("MonoclonalAntibody",)),
                         Entity("usual_care", "usual care", ("Procedure",))])


def news(text: str) -> tuple[set[str], dict]:
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB_NEWS, MentionFinder(VOCAB_NEWS))
    found = list(prose_trials(doc))
    return ({a.object for a in found if a.predicate == "armIntervention"},
            {a.object: a.attribute_values("value")[0] for a in found if a.predicate == "hasMeasurement"})


@pytest.mark.parametrize("sentence", [
    "A combination study with quorimab is underway.",
    "The company also runs a combination trial of quorimab.",
    "Its phase 2 combination study with quorimab is ongoing.",
])
def test_a_news_items_combination_study_with_another_drug_is_the_title_drugs_arm_with_it(sentence):
    text = f"Zorbanib gets a designation\n\nThe agency granted zorbanib a designation. {sentence} The ORR was 40%.\n"
    arms, values = news(text)
    assert arms == {"regimen__quorimab__zorbanib"} and values == {"orr": Decimal("40")}


def test_a_combination_study_with_nothing_reported_is_no_trial():
    assert news("Zorbanib gets a designation\n\nThe agency granted zorbanib a designation. A combination study with "
                "quorimab is underway.\n") == (set(), {})


@pytest.mark.parametrize("text", [
    "Zorbanib study starts\n\nThe company has begun testing zorbanib in liver cancer. Patients will receive zorbanib "
    "12 mg daily. The primary endpoint is PFS. Up to 300 patients will take part.\n",
    "Zorbanib study design\n\nAdults will receive zorbanib. The primary endpoint is PFS; an expected median PFS of 6 "
    "months is assumed.\n",
])
def test_a_study_announced_or_planned_with_no_result_is_no_trial(text):
    assert read(text) == (set(), {}, {})


@pytest.mark.parametrize("sentence, arms", [
    ("Its phase 3 ORBIT-7 study combining its MET agent, zorbanib, with quorimab was stopped.",
     {"regimen__quorimab__zorbanib"}),
    ("The ORBIT-7 trial pairing zorbanib and quorimab was stopped.", {"regimen__quorimab__zorbanib"}),
    # the first part not named there ("the other agent"): not the trial's arm
    ("The ORBIT-7 study combining the other agent with quorimab was stopped.", set()),
    ("The ORBIT-7 study combining the other agent with quorimab and felotinib was stopped.", set()),
])
def test_a_study_combining_two_named_agents_has_them_together_as_its_arm(sentence, arms):
    assert news(f"Pipeline update\n\n{sentence}\n")[0] == arms


@pytest.mark.parametrize("sentences, arms", [
    ("The study evaluated zorbanib with quorimab in liver cancer.", {"regimen__quorimab__zorbanib"}),
    ("This phase 3 trial tested the triplet therapy of Acme's agent zorbanib with quorimab and felotinib.",
     {"regimen__felotinib__quorimab__zorbanib"}),
    ("The study evaluated zorbanib with quorimab. The control arm received felotinib.",
     {"regimen__quorimab__zorbanib", "felotinib"}),
    ("The study evaluated zorbanib with quorimab. The comparator group consisted of the usual care, the combination "
     "of quorimab with felotinib, and a placebo.", {"regimen__quorimab__zorbanib", "regimen__felotinib__quorimab"}),
    # after a plain testing verb "and" may join two arms: no combination read
    ("The study evaluated zorbanib and quorimab in liver cancer.", set()),
])
def test_what_the_named_study_evaluated_and_its_control_arm_received_are_its_arms(sentences, arms):
    assert news(f"Pipeline update\n\nResults of the phase 3 ORBIT-7 study were shown. {sentences}\n")[0] == arms


COUNTED_STUDIES = ("Zorbanib alone or with felotinib in HCC (invented)\n\nPurpose: Two phase II studies evaluated zorbanib "
                   "monotherapy and zorbanib plus felotinib in adults with HCC. Results: Of 300 adults screened, 20 "
                   "received zorbanib and 18 received zorbanib plus felotinib. With zorbanib monotherapy, the ORR was 5% "
                   "and OS was 6.1 months. With zorbanib plus felotinib, the ORR was 11% and OS was 10.2 months.\n")


def test_studies_the_document_counts_are_one_single_arm_trial_each():
    found = facts(COUNTED_STUDIES)
    trials = {a.subject for a in found if a.predicate == "isClinicalTrial"}
    arms_of = {t: {a.object for a in found if a.predicate == "hasArm" and a.subject == t} for t in trials}
    assert len(trials) == 2 and all(len(arms) == 1 for arms in arms_of.values())
    arms, sizes, values = read(COUNTED_STUDIES)
    assert sizes == {"zorbanib": 20, "regimen__felotinib__zorbanib": 18}
    assert values[("zorbanib", "os")] == Decimal("6.1") and values[("regimen__felotinib__zorbanib", "os")] == Decimal("10.2")


def test_a_randomised_comparison_stays_one_trial_whatever_it_counts():
    text = COUNTED_STUDIES.replace("Two phase II studies evaluated", "Two phase II studies preceded this randomised "
                                   "trial of")
    assert len({a.subject for a in facts(text) if a.predicate == "isClinicalTrial"}) == 1


@pytest.mark.parametrize("text, expected", [
    ("Zorbanib and felotinib before surgery\n\nIn a single-arm phase 1b study (NCT09999999), we assessed neoadjuvant "
     "zorbanib and felotinib in adults outside usual resection criteria. Of 18 patients enrolled, 14 had surgery.\n",
     {"regimen__felotinib__zorbanib"}),
    # a single-agent study of one of them, the other named as what came before: that one alone
    ("Zorbanib after felotinib\n\nIn a single-agent phase 2 study (NCT09999998), we gave zorbanib to adults whose "
     "disease progressed on felotinib. Of 18 patients enrolled, 14 responded.\n", {"zorbanib"}),
])
def test_two_drugs_of_a_single_arm_study_are_given_together(text, expected):
    arms, _, _ = read(text)
    assert arms == expected
