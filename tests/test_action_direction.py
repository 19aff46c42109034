"""Tests for hcc_kg.extract.action_direction: an agonist activates its target, on invented sentences.

The drugs are invented (foonib, barfenib, zelumab, quxumab); the targets are real names.
"""

from __future__ import annotations

import pytest

from hcc_kg.extract.action_direction import neutral, up
from test_mechanisms import readings


@pytest.mark.parametrize("body, expected", [
    # the shapes an inhibitor is read in, with an agonist's noun or verb
    ("Foonib, a made-up A3AR agonist, was given twice a day.", ("foonib", "activates", "adora3")),
    ("Foonib is a pretend selective agonist of A3AR in this note.", ("foonib", "activates", "adora3")),
    ("The A3AR agonist foonib was dosed in an imaginary cohort.", ("foonib", "activates", "adora3")),
    ("Agonists of A3AR, such as foonib, were imagined for this test.", ("foonib", "activates", "adora3")),
    ("In this invented note foonib activates A3AR on toy cells.", ("foonib", "activates", "adora3")),
    ("Foonib binds to and activates A3AR in a made-up assay.", ("foonib", "activates", "adora3")),
    # an antibody that turns its antigen on: the adjective, not the modality, decides
    ("Zelumab, an agonistic anti-TIGIT antibody, was invented for this test.", ("zelumab", "activates", "tigit")),
    # an antagonist is no agonist (its last letters are)
    ("Foonib, an invented A3AR antagonist, was studied.", ("foonib", "inhibits", "adora3")),
])
def test_an_agonist_statement_reads_as_activation(body, expected):
    found = readings(body)
    assert expected in found and found[expected][1:] == ("positive", "asserted")
    assert not {(s, o) for s, p, o in found if p != expected[1]} & {(expected[0], expected[2])}


def test_each_target_takes_the_direction_of_its_own_cue():
    found = readings("Foonib is a pretend inhibitor of MET and an agonist of A3AR. Barfenib inhibits KIT and "
                     "activates A3AR in this invented note.")
    assert {("foonib", "inhibits", "met"), ("barfenib", "inhibits", "kit"), ("barfenib", "activates", "adora3")} <= set(found)
    assert ("foonib", "activates", "met") not in found and ("barfenib", "activates", "kit") not in found


def test_a_neutral_verb_takes_the_direction_the_document_states_for_the_same_pair():
    agreed = readings("Foonib is an invented A3AR agonist. In a made-up trial foonib, which targets A3AR, was given.")
    assert ("foonib", "inhibits", "adora3") not in agreed
    alone = readings("In a made-up trial foonib, which targets A3AR, was given.")
    assert ("foonib", "inhibits", "adora3") in alone  # no direction stated: the modality's relation, as before


def test_a_denied_activation_is_kept_but_not_asserted():
    found = readings("In this invented assay foonib did not activate A3AR.")
    assert found[("foonib", "activates", "adora3")][1] == "negative"


def test_activating_mutations_are_a_state_of_the_target_not_an_activation():
    found = readings("Foonib targets activating mutations of MET in this invented note.")
    assert ("foonib", "activates", "met") not in found


@pytest.mark.parametrize("text, cue_start, target, expected", [
    ("Foo, a KIT agonist.", 3, "KIT", True),
    ("Foo, a KIT and MET agonist.", 3, "KIT", True),
    ("Foo, a KIT inhibitor and MET agonist.", 3, "KIT", False),
    ("Foo, a KIT inhibitor and MET agonist.", 3, "MET", True),
    ("Foo is an inhibitor of KIT and an agonist of MET.", 3, "KIT", False),
    ("Foo is an agonist of KIT.", 3, "KIT", True),
    ("Foo is an antagonist of KIT.", 3, "KIT", False),
    ("Foo, an anti-KIT antibody.", 3, "KIT", False),
    ("Foo, an agonistic anti-KIT antibody.", 3, "KIT", True),
])
def test_up_reads_the_cue_nearest_the_target(text, cue_start, target, expected):
    start = text.index(target)
    assert up(text, cue_start, start, start + len(target)) is expected


def test_neutral_cues_give_no_direction():
    text = "Foo targets KIT; Bar inhibits MET; Baz, a RET agonist."
    assert neutral(text, 3, text.index("KIT"), text.index("KIT") + 3)
    assert not neutral(text, 20, text.index("MET"), text.index("MET") + 3)
    assert not neutral(text, 38, text.index("RET"), text.index("RET") + 3)
