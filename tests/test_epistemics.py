"""Tests for hcc_kg.extract.epistemics: negation and hedge cues, and their scope, on invented sentences."""

from __future__ import annotations

import pytest

from hcc_kg.extract.epistemics import ASSERTED, HEDGED, NEGATIVE, POSITIVE, is_hedged, is_negated, reading
from hcc_kg.model import CERTAINTIES, POLARITIES


def read(sentence: str, first: str, last: str) -> tuple[str, str]:
    """Reading of the statement running from the word ``first`` to the word ``last``."""
    start = sentence.index(first)
    end = sentence.index(last, start) + len(last)
    return reading(sentence, start, end)


def test_constants_are_the_model_values():
    assert (POSITIVE, NEGATIVE) == POLARITIES
    assert (ASSERTED, HEDGED) == CERTAINTIES


@pytest.mark.parametrize("sentence", [
    "Zorbanib is an oral inhibitor of KDR and MET.",
    "Zorbanib, a potent KDR inhibitor, was given daily.",
    "Zorbanib inhibits KDR without prior activation of the receptor.",
    "Patients without prior therapy received zorbanib, which inhibits KDR.",
    "Zorbanib not only inhibits KDR but also MET.",
])
def test_plain_statements_are_positive_and_asserted(sentence):
    assert read(sentence, "Zorbanib" if "Zorbanib" in sentence else "zorbanib", "KDR") == (POSITIVE, ASSERTED)


@pytest.mark.parametrize("sentence", [
    "Zorbanib does not inhibit KDR.",
    "Zorbanib did not bind KDR in the invented assay.",
    "Zorbanib doesn't block KDR.",
    "Zorbanib never inhibited KDR at tolerable doses.",
    "Zorbanib failed to inhibit KDR.",
    "Zorbanib fails against KDR in every made-up cell line.",
    "Neither zorbanib nor its metabolite inhibits KDR.",
    "Zorbanib showed no activity against KDR.",
    "Zorbanib lacks activity against KDR.",
    "A lack of binding of zorbanib to KDR was seen.",
    "Zorbanib blocks MET without affecting KDR.",
    "Zorbanib was unable to inhibit KDR.",
    "Zorbanib had no significant effect on KDR.",
    "Zorbanib was not approved for KDR-positive tumours.",
    "Zorbanib spares KDR at the invented doses.",
    "Zorbanib is inactive against KDR.",
    "Zorbanib is devoid of activity on KDR.",
])
def test_negation_cues_make_the_statement_negative(sentence):
    assert read(sentence, sentence.split()[0], "KDR")[0] == NEGATIVE


def test_primary_endpoint_not_met_and_declined():
    assert read("The made-up trial of zorbanib in HCC did not meet its primary endpoint.", "zorbanib", "endpoint")[0] \
        == NEGATIVE
    assert read("The agency declined to approve zorbanib for HCC.", "agency", "HCC")[0] == NEGATIVE
    assert read("For zorbanib in HCC the primary endpoint was not met.", "zorbanib", "HCC")[0] == NEGATIVE


@pytest.mark.parametrize("sentence", [
    "Zorbanib may inhibit KDR.",
    "Zorbanib might block KDR.",
    "Zorbanib could target KDR.",
    "Zorbanib is a potential KDR inhibitor.",
    "Zorbanib possibly binds KDR.",
    "Zorbanib is being evaluated as a KDR inhibitor.",
    "Zorbanib is being developed as a KDR inhibitor.",
    "Zorbanib, a KDR inhibitor under investigation, was well tolerated.",
    "Zorbanib is undergoing testing as a KDR blocker.",
    "Zorbanib will be tested against KDR.",
    "Zorbanib is expected to inhibit KDR.",
    "Our invented data suggest that zorbanib inhibits KDR.",
    "Zorbanib appears to inhibit KDR.",
    "It is unclear whether zorbanib inhibits KDR.",
    "Zorbanib is thought to inhibit KDR.",
    "Zorbanib is believed to bind KDR.",
    "Zorbanib reportedly blocks KDR.",
])
def test_hedge_cues_make_the_statement_hedged(sentence):
    first = "Zorbanib" if "Zorbanib" in sentence else ("data" if "data" in sentence else "It")
    assert read(sentence, first, "KDR") == (POSITIVE, HEDGED)


def test_a_reduced_relative_clause_after_the_statement_does_not_hedge_it():
    # "KDR thought to drive ..." describes KDR (its "which is" left out); "is thought to" still hedges
    assert read("Zorbanib inhibits KDR thought to drive invented tumours.", "Zorbanib", "KDR") == (POSITIVE, ASSERTED)
    assert read("Zorbanib inhibits KDR and is thought to act on nothing else.", "Zorbanib", "KDR") == (POSITIVE, ASSERTED)


def test_regulatory_hedges():
    s = "The application for zorbanib in HCC was accepted for priority review."
    assert read(s, "zorbanib", "HCC")[1] == HEDGED
    assert read("An application for zorbanib in HCC was accepted by the agency.", "application", "HCC")[1] == HEDGED
    assert read("Approval of zorbanib in HCC is planned for next year.", "zorbanib", "HCC")[1] == HEDGED
    assert read("Zorbanib is under review by the agency for HCC.", "Zorbanib", "HCC")[1] == HEDGED


def test_may_as_a_month_is_not_a_hedge():
    assert read("In May 2031 zorbanib was approved for HCC.", "zorbanib", "HCC") == (POSITIVE, ASSERTED)


def test_cannot_be_excluded_is_a_hedge_not_a_negation():
    assert read("Binding of zorbanib to KDR cannot be excluded.", "zorbanib", "KDR") == (POSITIVE, HEDGED)


def test_hedged_negation_is_both():
    assert read("Zorbanib may not inhibit KDR.", "Zorbanib", "KDR") == (NEGATIVE, HEDGED)


# --- scope: a cue in another clause does not govern the statement ---------------------------

@pytest.mark.parametrize("sentence, first", [
    ("Zorbanib inhibits KDR, but it did not improve survival.", "Zorbanib"),
    ("Zorbanib inhibits KDR; the made-up trial was not positive.", "Zorbanib"),
    ("Although the trial did not meet its endpoint, zorbanib inhibits KDR.", "zorbanib"),
    ("Zorbanib inhibits KDR, whereas barnib does not.", "Zorbanib"),
    ("Patients who did not respond to barnib received zorbanib, a KDR inhibitor.", "zorbanib"),
    ("Zorbanib, which was not approved in Europe, inhibits KDR.", "Zorbanib"),
    ("Zorbanib (not yet marketed) inhibits KDR.", "Zorbanib"),
    ("Zorbanib inhibits KDR in tumours that may resist other drugs.", "Zorbanib"),
    ("Zorbanib inhibits KDR and was not approved for HCC.", "Zorbanib"),
    ("However, zorbanib inhibits KDR.", "zorbanib"),
])
def test_cues_in_other_clauses_do_not_govern(sentence, first):
    assert read(sentence, first, "KDR") == (POSITIVE, ASSERTED)


def test_but_not_governs_only_what_follows_it():
    s = "Zorbanib inhibits KDR but not MET."
    assert read(s, "Zorbanib", "KDR") == (POSITIVE, ASSERTED)
    assert read(s, "Zorbanib", "MET")[0] == NEGATIVE


def test_negation_left_of_the_statement_in_its_clause_governs_it():
    assert read("We found no evidence that zorbanib binds KDR.", "zorbanib", "KDR")[0] == NEGATIVE
    assert read("Inhibition of KDR by zorbanib was not observed.", "KDR", "zorbanib")[0] == NEGATIVE


def test_but_not_sets_another_drug_aside_without_negating_the_statement():
    s = "Foonib, but not barfenib, blocks KDR in this invented assay."
    assert reading(s, 0, s.index("KDR") + 3) == (POSITIVE, ASSERTED)
    s = "Foonib does not block KDR, but not for lack of trying."
    assert reading(s, 0, s.index("KDR") + 3) == (NEGATIVE, ASSERTED)


@pytest.mark.parametrize("clause", ["foonib showed negligible activity against KIT",
                                    "its inhibition of FLT3 was minimal", "binding to KDR was undetectable"])
def test_an_amount_that_is_none_negates(clause):
    assert is_negated(clause)


@pytest.mark.parametrize("clause", [
    "foonib is an oral inhibitor of KDR with potential antineoplastic activity",
    "zelumab, an antibody against PD-1 with potential immune checkpoint inhibitory and antineoplastic activities",
    "foonib, a potential first-in-class KDR inhibitor",
    "barfenib is a potential best-in-class MET inhibitor",
])
def test_potential_that_grades_the_drug_does_not_hedge_what_it_acts_on(clause):
    assert not is_hedged(clause)


@pytest.mark.parametrize("clause", [
    "foonib has potential activity against KDR",
    "foonib could be a first-in-class KDR inhibitor",
    "foonib is potentially a KDR inhibitor",
    "foonib purportedly inhibits KDR",
])
def test_potential_that_qualifies_the_statement_still_hedges(clause):
    assert is_hedged(clause)


@pytest.mark.parametrize("sentence, target, expected", [
    # the relative clause that holds the target is the statement itself
    ("Foonib, which does not bind AXL, inhibits MET.", "AXL", ("negative", "asserted")),
    ("Foonib, which may bind AXL, inhibits MET.", "AXL", ("positive", "hedged")),
    # a relative clause closed before the target is an aside
    ("Foonib, which was not approved, blocks MET.", "MET", ("positive", "asserted")),
    ("Foonib, which may be withdrawn, blocks MET.", "MET", ("positive", "asserted")),
])
def test_a_drug_target_statement_inside_a_relative_clause_keeps_its_own_negation(sentence, target, expected):
    end = sentence.index(target) + len(target)
    assert reading(sentence, 0, end, of_mechanism=True) == expected


@pytest.mark.parametrize("sentence", [
    "Zorbanib was originally described as a KDR inhibitor, yet it acts on tubulin in this invented panel.",
    "Zorbanib, previously classified as a MET inhibitor, was retested in this made-up study.",
    "Zorbanib is claimed to inhibit KDR in a pretend brochure.",
])
def test_an_earlier_or_claimed_characterisation_is_hedged(sentence):
    last = "KDR" if "KDR" in sentence else "MET"
    assert read(sentence, "Zorbanib", last) == (POSITIVE, HEDGED)
