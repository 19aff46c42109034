"""What joins the parts of one regimen (hcc_kg.extract.regimen_glue), on invented gaps between two drug names."""

from __future__ import annotations

import pytest

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
