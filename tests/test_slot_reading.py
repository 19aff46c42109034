"""What one sentence says about the trial in context (invented trials, drugs and numbers)."""

from __future__ import annotations

from decimal import Decimal

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
