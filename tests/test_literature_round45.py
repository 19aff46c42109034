"""Shapes of the forty-fifth round (invented sentences).  Drug -> target (invented drugs, the test vocabulary of
test_mechanisms): "its inhibition of T" after the one drug a sentence names is that drug's action, and a drug
profile's colon ("X: oral multikinase inhibitor (A, B)") glosses the drug as a comma does."""

from __future__ import annotations

import pytest

from test_mechanisms import facts, readings


@pytest.mark.parametrize("body, expected", [
    ("The value of foonib in liver tumours is credited to its inhibition of MET and AXL.",
     {("foonib", "met"), ("foonib", "axl")}),
    ("Foonib was picked for the invented study because of its selective inhibition of FGFR4.", {("foonib", "fgfr4")}),
    ("Whatever the model, the effect of foonib comes from its blockade of several kinases, among them RET and KIT.",
     {("foonib", "ret"), ("foonib", "kit")}),
])
def test_its_action_after_the_one_drug_named_is_that_drug_s(body, expected):
    # (before, "its" stood for no one: a drug after "of" or in a passive clause was no subject of the noun)
    assert expected <= facts(body)


@pytest.mark.parametrize("body", [
    "Foonib was weighed against barfenib, and its inhibition of MET was the weaker.",  # two drugs: whose?
    "Foonib was given first; its inhibition of MET was then measured in invented cells.",  # another clause
    "Foonib slowed growth, and MET and its inhibition of RET were studied.",  # a target stands between
])
def test_its_action_is_left_unread_when_its_owner_is_in_doubt(body):
    assert not any(target in ("met", "ret") for _, target in facts(body))


def test_its_action_keeps_the_hedge_before_it():
    found = readings("The benefit of foonib may reflect its inhibition of MET.")
    [(_, polarity, certainty)] = [v for (drug, _, target), v in found.items() if (drug, target) == ("foonib", "met")]
    assert (polarity, certainty) == ("positive", "hedged")


@pytest.mark.parametrize("body", [
    "Foonib: oral multikinase inhibitor (VEGFR1-3, TIE2, RET).",
    "Foonib: a multikinase inhibitor (VEGFR1-3, TIE2, RET).",
])
def test_a_profile_s_colon_glosses_the_drug_with_its_class_and_bracketed_targets(body):
    # (before, only a comma or a copula before the class noun let its bracket name the drug's targets)
    assert {("foonib", t) for t in ("flt1", "kdr", "flt4", "tek", "ret")} <= facts(body)
