"""What joins the parts of one regimen (hcc_kg.extract.regimen_glue), on invented gaps between two drug names."""

from __future__ import annotations

import pytest

from trial_facts import arm_agents, read

from hcc_kg.extract.regimen_glue import APPOSITION_GLUE_RE, GLUE_RE


@pytest.mark.parametrize("gap", [
    " plus ",
    " 400 mg twice daily plus ",
    " twice a day plus 1200 mg ",
    " (Brand) plus intravenous ",
    " in combination with the experimental drug ",
    "/",
])
def test_a_gap_that_joins_two_parts_of_one_regimen(gap):
    assert GLUE_RE.match(gap) is not None


@pytest.mark.parametrize("gap", [" or ", " versus ", ", ", " and then patients with "])
def test_a_gap_that_parts_two_arms_joins_nothing(gap):
    assert GLUE_RE.match(gap) is None


@pytest.mark.parametrize("gap", [
    ", a multikinase inhibitor, plus ",
    " (Brand, Maker), an oral multikinase agent, plus the anti-PD-L1 agent ",
])
def test_an_apposition_between_the_parts_does_not_part_them(gap):
    assert APPOSITION_GLUE_RE.match(gap) is not None


@pytest.mark.parametrize("verb", ["taking", "receiving", "treated with"])
def test_what_patients_took_with_another_drug_is_one_regimen(verb, vocabulary, finder):
    text = (f"In the invented QUILLON study, patients {verb} foretinib with bevacizumab lived longer than those treated "
            "with sorafenib (median OS 14.1 vs 12.0 months).")
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__bevacizumab__foretinib", "sorafenib"}


def test_a_comparison_of_one_drug_with_another_stays_two_arms(vocabulary, finder):
    text = "The invented QUILLON study compared foretinib with sorafenib (median OS 14.1 vs 12.0 months)."
    assert arm_agents(read(text, vocabulary, finder)) == {"foretinib", "sorafenib"}
