"""One clause of results aligned as a whole: endpoints, arms and values each in order (invented sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.prose_aligner import aligned_ratio_endpoint, aligned_values
from hcc_kg.extract.effects import parse_hazard_ratios
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",)), Entity("felotinib", "felotinib", ("SmallMolecule",)),
                    Entity("quavimab", "quavimab", ("Antibody",)), Entity("placebo", "placebo", ("Placebo",)),
                    Entity("os", "overall survival", ("EndpointType",), ("OS",)),
                    Entity("pfs", "progression-free survival", ("EndpointType",), ("PFS",)),
                    Entity("ttp", "time to progression", ("EndpointType",), ("TTP",)),
                    Entity("orr", "objective response rate", ("EndpointType",), ("ORR",)),
                    Entity("dcr", "disease control rate", ("EndpointType",), ("DCR",))])
FINDER = MentionFinder(VOCAB)
ARMS = ["zorbanib", "placebo"]


def _doc(text: str) -> AnalysedDocument:
    return AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)


def aligned(text: str, arms=ARMS) -> dict:
    doc = _doc(text)
    return {(v.agent, v.endpoint, v.timepoint): v.value for v in aligned_values(doc, doc.sentences[0], arms)}


def test_medians_after_a_hazard_ratio_whose_label_names_the_endpoint():
    got = aligned("The hazard ratio for OS was 0.80 (95% CI 0.60-1.07) for zorbanib (n=120) versus placebo (n=60), "
                  "with median (95% CI) of 12.7 (10.2-14.9) versus 9.7 (5.9-11.8) months, respectively.")
    assert got == {("zorbanib", "os", ""): Decimal("12.7"), ("placebo", "os", ""): Decimal("9.7")}


def test_paraphrases_other_endpoint_and_unit_and_comparison_words():
    got = aligned("The HR for progression-free survival was 0.61 (95% CI, 0.44 to 0.85) with zorbanib compared with "
                  "placebo, and the medians were 20.1 and 11.4 weeks, respectively.")
    assert got == {("zorbanib", "pfs", ""): Decimal("20.1"), ("placebo", "pfs", ""): Decimal("11.4")}
    got = aligned("Time to progression favoured zorbanib over placebo (HR 0.70; p=0.01), with medians of 5.5 months "
                  "(4.1-6.0) and 2.8 months (2.6-3.9).")
    assert got == {("zorbanib", "ttp", ""): Decimal("5.5"), ("placebo", "ttp", ""): Decimal("2.8")}


def test_endpoints_listed_together_then_one_pair_each_with_the_unit_printed_once():
    got = aligned("The median PFS and OS in the zorbanib vs. placebo groups in months were: 2.6 vs. 1.5 (HR 0.97, "
                  "p = 0.87), and 8.7 vs. 7.0 (HR 0.96).")
    assert got == {("zorbanib", "pfs", ""): Decimal("2.6"), ("placebo", "pfs", ""): Decimal("1.5"),
                   ("zorbanib", "os", ""): Decimal("8.7"), ("placebo", "os", ""): Decimal("7.0")}
    got = aligned("Response and disease control rates with zorbanib versus placebo were 21% vs 4% and 60% vs 38%.",)
    assert got == {}  # "response and disease control rates" names no endpoint the vocabulary has twice: nothing
    got = aligned("The ORR and DCR for zorbanib versus placebo were 21% versus 4% (p<0.001) and 60% versus 38% (p=0.02).")
    assert got == {("zorbanib", "orr", ""): Decimal("21"), ("placebo", "orr", ""): Decimal("4"),
                   ("zorbanib", "dcr", ""): Decimal("60"), ("placebo", "dcr", ""): Decimal("38")}


def test_each_bracketed_ratio_goes_to_the_endpoint_of_the_pair_before_it():
    text = "The median PFS and OS in the zorbanib vs. placebo groups in months were: 2.6 vs. 1.5 (HR 0.97, p = 0.87), and 8.7 vs. 7.0 (HR 0.96)."
    doc = _doc(text)
    got = [aligned_ratio_endpoint(doc, doc.sentences[0], ARMS, hr.start) for hr in parse_hazard_ratios(text)]
    assert got == ["pfs", "os"]


def test_a_rate_takes_the_time_point_stated_right_after_its_values():
    got = aligned("Survival at 6- and 12- months was higher with zorbanib versus placebo (67.2% (95% CI, 61.3 to 73.1) "
                  "versus 54.6% (95% CI, 45.2 to 64.0) at 12 months).")
    assert got == {("zorbanib", "os", "12-month"): Decimal("67.2"), ("placebo", "os", "12-month"): Decimal("54.6")}
    got = aligned("The 24-month overall survival was better with zorbanib than with placebo (41.0% vs 30.2%).")
    assert got == {("zorbanib", "os", "24-month"): Decimal("41.0"), ("placebo", "os", "24-month"): Decimal("30.2")}


def test_three_arms_named_in_order_and_the_trials_arms_meant_by_the_two_groups():
    arms = ["zorbanib", "felotinib", "placebo"]
    got = aligned("OS was compared for zorbanib, felotinib and placebo (log-rank p=0.04), with medians of 14.1, "
                  "12.0 and 9.9 months.", arms)
    assert got == {("zorbanib", "os", ""): Decimal("14.1"), ("felotinib", "os", ""): Decimal("12.0"),
                   ("placebo", "os", ""): Decimal("9.9")}
    got = aligned("The hazard ratio for death was 0.75 (95% CI 0.6-0.9) and the median OS in the two groups was "
                  "13.3 and 10.0 months.")
    assert got == {("zorbanib", "os", ""): Decimal("13.3"), ("placebo", "os", ""): Decimal("10.0")}


def test_nothing_when_in_doubt():
    # a subgroup
    assert aligned("Among patients with vascular invasion, OS with zorbanib versus placebo was 10.1 vs 7.2 months.") == {}
    # the counts disagree: three values, two arms
    assert aligned("OS with zorbanib versus placebo was 10.1 vs 7.2 months (8.8 months overall).") == {}
    # patient counts are no values
    assert aligned("OS with zorbanib versus placebo was 12.7 vs 9.7 months in 120 vs 60 patients.") == {}
    assert aligned("With zorbanib versus placebo, OS events occurred in 120 vs 60 patients.") == {}
    # a fronted comparator reverses the order
    assert aligned("Compared with placebo, zorbanib prolonged OS (12.7 vs 9.7 months).") == {}
    # a percentage of survival at no time point, and at two
    assert aligned("OS with zorbanib versus placebo was 67% versus 55%.") == {}
    assert aligned("OS at 6 and 12 months with zorbanib versus placebo was 67% versus 55%.") == {}
    # a duration for a proportion
    assert aligned("The ORR with zorbanib versus placebo was 6.1 vs 3.2 months.") == {}
    # one arm named only
    assert aligned("OS was longer with zorbanib (12.7 vs 9.7 months).") == {}
    # a qualifier after the values makes them a part's or another study's
    assert aligned("Median OS in the zorbanib versus placebo arms was 12.7 vs 9.7 months in Asia.") == {}
    assert aligned("OS with zorbanib versus placebo was 12.7 vs 9.7 months, respectively, in an earlier study.") == {}
    # an arm named after the values is the shape readers' to read
    assert aligned("OS was 12.7 vs 9.7 months for zorbanib and placebo.") == {}


def test_a_ratio_after_the_first_run_of_a_text_cut_short_is_the_first_endpoints():
    text = "The median PFS and OS in the zorbanib vs. placebo groups in months were: 2.6 vs. 1.5 (HR 0.97, p = 0.87), and [...]"
    doc = _doc(text)
    got = [aligned_ratio_endpoint(doc, doc.sentences[0], ARMS, hr.start) for hr in parse_hazard_ratios(text)]
    assert got == ["pfs"]
    assert aligned(text) == {}  # the values themselves only when the counts agree


def test_runs_of_several_endpoints_must_be_told_apart():
    got = aligned("Median PFS and OS in the zorbanib and placebo arms were 3.6 and 1.9 months and 10.4 and 7.9 months.")
    assert got == {("zorbanib", "pfs", ""): Decimal("3.6"), ("placebo", "pfs", ""): Decimal("1.9"),
                   ("zorbanib", "os", ""): Decimal("10.4"), ("placebo", "os", ""): Decimal("7.9")}
    assert aligned("Median PFS and OS in the zorbanib and placebo arms were 3.6 and 1.9 and 10.4 and 7.9 months.") == {}


@pytest.mark.parametrize("text", [
    "Median OS was 12.7 (10.2-14.9), 9.7 (5.9-11.8), 8.1 (6.0-9.9) mo, respectively.",
    "Median (95% CI) overall survival reached 12.7 (10.2-14.9), 9.7 (5.9-11.8), 8.1 (6.0-9.9) months, respectively.",
])
def test_a_list_of_values_each_with_its_interval_and_the_unit_printed_once_after_the_last(text):
    assert aligned(text, ["zorbanib", "placebo", "felotinib"]) == {
        ("zorbanib", "os", ""): Decimal("12.7"), ("placebo", "os", ""): Decimal("9.7"), ("felotinib", "os", ""): Decimal("8.1")}
