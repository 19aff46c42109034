"""Shapes read from trial reports of the forty-third round (invented sentences, packaged vocabulary and lexicon): a
trial its report calls non-comparative gains no arm from a comparison with other patients; citation numbers printed
right after a stop end the sentence; a median not reached holds its endpoint's place in a list of values; a trial
named after an earlier one with one capital ("NAME-L") described as a study; "against" before the other arm's value
compares two arms; a median printed before "of" and its endpoint spelled out; a pair of values followed by the arm they
favour; a run of more than two labels sharing one plural noun ("in arms A, B and C, respectively")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from trial_facts import arm_agents, read, values
from hcc_kg.extract import extract_document
from hcc_kg.model import Document


@pytest.mark.parametrize("text", [
    "KESTREL-9 was an open-label, non-comparative phase 2 study of tislelizumab in advanced HCC. Median overall "
    "survival with tislelizumab relative to sorafenib was promising.",
    "KESTREL-9 was an open-label, noncomparative phase 2 study of tislelizumab in advanced HCC. Tislelizumab gave "
    "longer survival than sorafenib.",
])
def test_a_non_comparative_trial_gains_no_arm_from_a_comparison(text, vocabulary, finder):
    assert arm_agents(read(text, vocabulary, finder)) == {"tislelizumab"}


def test_citation_numbers_after_a_stop_keep_the_next_sentence_apart(vocabulary, finder):
    # (read as one sentence, "tislelizumab ... relative to sorafenib" compared two arms)
    text = ("Tislelizumab in patients with advanced HCC (KESTREL-9): an open-label phase 1/2 trial\n\n"
            "Tumours shrank in most adults given tislelizumab in this phase 1/2 study.6, 19 Median overall "
            "survival relative to sorafenib looked favourable.20, 21\n")
    assert arm_agents(extract_document(Document.from_text("d1", text), vocabulary, finder)) == {"tislelizumab"}


@pytest.mark.parametrize("listing", [
    "Median PFS and OS came to 19.4 months (90% CI 15.2-24.0) and not reached",
    "The medians of PFS and OS came to 19.4 months (90% Cl; 15.2, 24.0) and Not Reached (90% Cl; 30.1, -)",
    "Median PFS and OS came to 19.4 months and not reached, respectively",
])
def test_a_median_not_reached_holds_its_endpoint_s_place_in_a_list(listing, vocabulary, finder):
    text = f"In the single-arm phase 2 HERON-9 study, 60 patients received lenvatinib. {listing}."
    assert {(endpoint, value) for _, endpoint, value in values(read(text, vocabulary, finder))} == {("pfs", Decimal("19.4"))}


@pytest.mark.parametrize("text", [
    "HERONS-L is an open-label, single-centre phase II study of lenvatinib. Median PFS was 24.4 months.",
    "Lenvatinib was given daily. HERONS-L is open-label, single-centre phase II study. Median PFS was 24.4 months.",
])
def test_a_name_with_one_capital_after_its_hyphen_described_as_a_study_names_the_trial(text, vocabulary, finder):
    # (the second without the article before the description)
    names = {dict(a.attributes).get("trial_name") for a in read(text, vocabulary, finder) if a.predicate == "isClinicalTrial"}
    assert names == {"HERONS-L"}


def test_against_before_the_other_arm_s_value_compares_the_arms(vocabulary, finder):
    text = ("In the randomised phase 3 HERON-9 trial, lenvatinib gave a median OS of 21.5 months, against 17.9 months "
            "with sorafenib.")
    assert values(read(text, vocabulary, finder)) == {("lenvatinib", "os", Decimal("21.5")),
                                                      ("sorafenib", "os", Decimal("17.9"))}


def test_an_antibody_against_a_target_compares_no_arms(vocabulary, finder):
    text = ("In the single-arm phase 2 HERON-11 study, 40 patients with HCC received tislelizumab, an antibody against "
            "PD-1 given every 3 weeks, and the ORR was 20%.")
    assert arm_agents(read(text, vocabulary, finder)) == {"tislelizumab"}


def test_a_median_printed_before_of_and_its_endpoint_spelled_out(vocabulary, finder):
    text = ("In the randomised phase 3 HERON-12 trial, lenvatinib produced 13.6 months of median progression-free "
            "survival versus 12.3 months with sorafenib.")
    assert values(read(text, vocabulary, finder)) == {("lenvatinib", "pfs", Decimal("13.6")),
                                                      ("sorafenib", "pfs", Decimal("12.3"))}


TWO_ARMS = "In the randomised phase 2 HERON-16 trial of sorafenib versus lenvatinib, "


@pytest.mark.parametrize("pair, expected", [
    # the arm they favour has the better (larger) value, whichever the order
    ("median OS was 14.1 versus 10.2 months, favouring lenvatinib.", {("lenvatinib", "14.1"), ("sorafenib", "10.2")}),
    ("median OS was 10.2 versus 14.1 months, in favour of lenvatinib.", {("lenvatinib", "14.1"), ("sorafenib", "10.2")}),
    ("6-month PFS rates were 61% with lenvatinib and 52% with sorafenib, and 12-month rates of 30% versus 18% favoring "
     "lenvatinib.", {("lenvatinib", "61"), ("sorafenib", "52"), ("lenvatinib", "30"), ("sorafenib", "18")}),
])
def test_a_pair_of_values_followed_by_the_arm_they_favour(pair, expected, vocabulary, finder):
    found = {(agent, str(value)) for agent, _, value in values(read(TWO_ARMS + pair, vocabulary, finder))}
    assert expected <= found and not {(a, v) for a, v in found if (("sorafenib" if a == "lenvatinib" else "lenvatinib"), v) in expected}


def test_values_listed_for_a_run_of_three_labelled_arms(vocabulary, finder):
    text = ("In the randomised phase 2 KITE-4 trial, patients were assigned to sorafenib (Arm A), lenvatinib (Arm B) or "
            "regorafenib (Arm C). The median TTP came to 3.5, 2.8 and 2.0 months in arms A, B and C, respectively.")
    assert values(read(text, vocabulary, finder)) == {("sorafenib", "ttp", Decimal("3.5")),
                                                      ("lenvatinib", "ttp", Decimal("2.8")),
                                                      ("regorafenib", "ttp", Decimal("2.0"))}
