"""An unnamed trial introduced as running ("X is conducting a phase 3 trial of A and B") reports nothing:
no trial and no arm of the graph's, unless the text goes on to report of it (hcc_kg.extract.abstracts;
invented companies, drugs and numbers)."""

from __future__ import annotations

import pytest

from test_abstracts import facts


@pytest.mark.parametrize("sentence", [
    "Acme is conducting a global phase 3 clinical trial of combination therapy of zorbanib and quorimab, "
    "targeting first-line liver cancer.",
    "A randomized phase 3 trial of zorbanib plus quorimab in first-line HCC is currently underway.",
    "Acme is also enrolling patients in a phase 2 study of zorbanib in HCC.",
])
def test_an_unnamed_trial_under_way_is_no_trial(sentence):
    text = f"Acme gains an invented approval\n\nThe agency approved zorbanib for pretreated HCC on Monday. {sentence}\n"
    assert not [a for a in facts(text) if a.predicate in ("isClinicalTrial", "hasArm")]


def test_an_unnamed_trial_reported_of_is_kept():
    text = ("Acme news\n\nA phase 2 study of zorbanib in HCC was conducted at 12 invented sites. "
            "The objective response rate was 21% with zorbanib.\n")
    assert [a for a in facts(text) if a.predicate == "isClinicalTrial"]
