"""Shapes read from trial reports (invented sentences, packaged vocabulary and lexicon): a placebo offered in place
of the drug given with a procedure ("TACE plus A or placebo"), and the procedure's material written into its name
("chemoembolization with drug-eluting beads")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from trial_facts import arm_agents, read, values


@pytest.mark.parametrize("regimen", ["TACE plus sorafenib", "TACE plus sorafenib 400 mg twice daily",
                                     "TACE combined with sorafenib"])
def test_a_placebo_after_a_procedure_and_a_drug_stands_for_the_drug(regimen, vocabulary, finder):
    text = (f"In the invented phase 3 QUILLON trial, 300 patients were randomized 1:1 to {regimen} or placebo. "
            "Median overall survival was 20.1 months with sorafenib and 18.2 months with placebo.")
    facts = read(text, vocabulary, finder)
    assert arm_agents(facts) == {"regimen__sorafenib__tace", "tace"}
    assert values(facts) == {("regimen__sorafenib__tace", "os", Decimal("20.1")), ("tace", "os", Decimal("18.2"))}


def test_a_placebo_after_two_drugs_is_not_read_as_standing_for_one_of_them(vocabulary, finder):
    # "A plus B or placebo" may give placebo for both drugs: the placebo arm gets no part of the regimen
    text = ("In the invented phase 3 QUILLON trial, 300 patients were randomized 1:1 to lenvatinib plus "
            "pembrolizumab or placebo.")
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__lenvatinib__pembrolizumab", "placebo"}


@pytest.mark.parametrize("procedure", ["transarterial chemoembolization with drug-eluting beads",
                                       "drug-eluting bead TACE"])
def test_the_procedure_named_with_its_beads_is_the_backbone_of_either_arm(procedure, vocabulary, finder):
    text = (f"In the invented phase 3 QUILLON trial, 300 patients were randomized to receive {procedure} and either "
            "sorafenib at 400 mg twice daily (n = 150) or placebo (n = 150).")
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__sorafenib__tace", "tace"}
