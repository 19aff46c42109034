"""Statements about a drug and its target that were left unread or misread: hedged raising verbs, amounts that are
none, contrasts after a negation, an activity a drug is characterised by (hcc_kg.extract.subjects, mechanism_cues,
epistemics).

Invented sentences and invented drugs (the vocabulary of tests/test_mechanisms.py).
"""

from __future__ import annotations

import pytest
from test_mechanisms import readings


@pytest.mark.parametrize("body", [
    "Foonib is believed to inhibit RET in these pretend cells.",
    "Barfenib is hypothesised to block KIT, according to this toy note.",
    "Foonib has been suggested to target FGFR1 in invented mice.",
    "Foonib is presumed to inhibit RET in a made-up assay.",
])
def test_a_hedged_raising_verb_keeps_the_reading_hedged(body):
    [(_, polarity, certainty)] = readings(body).values()
    assert (polarity, certainty) == ("positive", "hedged")


@pytest.mark.parametrize("body", [
    "In a toy assay foonib showed no inhibition of RET.",
    "Foonib showed negligible inhibition of KIT in pretend cells.",
    "Barfenib exhibited no inhibitory effect on FGFR1 in invented mice.",
])
def test_an_amount_that_is_none_reads_negative(body):
    [(_, polarity, certainty)] = readings(body).values()
    assert (polarity, certainty) == ("negative", "asserted")


def test_an_inhibitory_effect_on_a_target_is_read():
    assert {(d, t): v[1:] for (d, _, t), v in readings("Foonib exhibited strong inhibitory effects on RET in pretend cells.").items()} \
        == {("foonib", "ret"): ("positive", "asserted")}


@pytest.mark.parametrize("body, expected", [
    ("Foonib did not inhibit RET but inhibited KIT in pretend cells.",
     {("foonib", "ret"): "negative", ("foonib", "kit"): "positive"}),
    ("In a toy assay barfenib does not target FGFR1, but targets KIT and RET.",
     {("barfenib", "fgfr1"): "negative", ("barfenib", "kit"): "positive", ("barfenib", "ret"): "positive"}),
    ("Foonib did not inhibit RET but not KIT either in invented mice.",
     {("foonib", "ret"): "negative", ("foonib", "kit"): "negative"}),
])
def test_a_contrast_turns_the_negation_away_from_what_follows(body, expected):
    assert {(d, t): v[1] for (d, _, t), v in readings(body).items()} == expected


def test_a_drug_characterised_by_an_activity_has_it():
    assert {(d, t): v[1:] for (d, _, t), v in
            readings("Foonib is characterized by its marked inhibitory potency against RET in toy assays.").items()} \
        == {("foonib", "ret"): ("positive", "asserted")}
