"""Tests for hcc_kg.extract.object_relative: target lists given as an object named apart from the verb.

Invented sentences and invented drugs (the vocabulary of tests/test_mechanisms.py).
"""

from __future__ import annotations

import pytest
from test_mechanisms import facts, readings


@pytest.mark.parametrize("body, expected", [
    ("Foonib, an invented multikinase inhibitor whose targets include VEGFR2 and FGFR1, was dosed in toy mice.",
     {("foonib", "kdr"), ("foonib", "fgfr1")}),
    ("Barfenib, whose main targets are RET and KIT, slowed the pretend cells.", {("barfenib", "ret"), ("barfenib", "kit")}),
])
def test_a_relative_clause_on_the_drug_names_its_targets(body, expected):
    assert facts(body) == expected
    assert {r[0] for r in readings(body).values()} == {"drug-object-relative"}


def test_whose_targets_speaks_of_the_drug_it_follows_only():
    body = "Foonib was compared with barfenib, a made-up agent whose targets include AXL, in toy mice."
    assert facts(body) == {("barfenib", "axl")}


@pytest.mark.parametrize("body, expected", [
    ("Foonib is a made-up agent. Its main mode of action is blocking signalling kinases such as FGFR and VEGFR in "
     "pretend cells.", {("foonib", "fgfr_family"), ("foonib", "vegfr_family")}),
    ("Foonib is a made-up agent. Its mechanism of action involves blocking kinases, including MET and AXL.",
     {("foonib", "met"), ("foonib", "axl")}),
])
def test_its_mechanism_names_a_category_then_its_members(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib is a multikinase inhibitor (VEGFR1-3, PDGFRB and RET) made up for this note.",
     {("foonib", "flt1"), ("foonib", "kdr"), ("foonib", "flt4"), ("foonib", "pdgfrb"), ("foonib", "ret")}),
    ("Barfenib, an invented oral TKI (targets: MET, AXL), was given to toy mice.", {("barfenib", "met"), ("barfenib", "axl")}),
])
def test_a_class_noun_said_of_the_drug_then_its_targets_in_brackets(body, expected):
    assert facts(body) == expected
    assert {r[0] for r in readings(body).values()} == {"drug-is-cue-target"}


def test_the_bracket_must_hold_the_targets_of_a_class_said_of_the_drug():
    assert facts("Foonib, a pretend tyrosine kinase inhibitor (TKI), slowed the toy cells; barfenib is a made-up "
                 "inhibitor (KIT).") == {("barfenib", "kit")}
    assert facts("Foonib was given with a multikinase inhibitor (VEGFR2, RET); barfenib is an invented MKI (AXL).") == \
        {("barfenib", "axl")}


def test_a_hedged_or_negated_class_noun_keeps_its_bracketed_targets_hedged_or_negative():
    hedged = readings("Foonib may be a pan-kinase inhibitor (AXL, MET) in this toy note.")
    assert set(hedged) == {("foonib", "inhibits", "axl"), ("foonib", "inhibits", "met")}
    assert {c for _, _, c in hedged.values()} == {"hedged"}
    negated = readings("Barfenib is not a multikinase inhibitor (AXL, MET) in this toy note.")
    assert set(negated) == {("barfenib", "inhibits", "axl"), ("barfenib", "inhibits", "met")}
    assert {p for _, p, _ in negated.values()} == {"negative"}


@pytest.mark.parametrize("body, expected", [
    ("As a new FGFR4 tyrosine kinase inhibitor (FGFR4-TKI), foonib slowed the pretend cells.", {("foonib", "fgfr4")}),
    ("The VEGFR2 inhibitor (VEGFR2i) barfenib was given to toy mice.", {("barfenib", "kdr")}),
])
def test_a_target_inside_the_class_abbreviation_does_not_part_the_class_from_its_drug(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("The benefit of foonib is thought to come from its targets, namely VEGFR2, FLT3 and RAF kinases.",
     {("foonib", "kdr"), ("foonib", "flt3"), ("foonib", "raf_family")}),
    ("It was proposed that the effect of foonib owes much to its angiogenic targets—namely, MET and AXL.",
     {("foonib", "met"), ("foonib", "axl")}),
    ("Foonib's targets (RET and KIT) may matter in toy mice.", {("foonib", "ret"), ("foonib", "kit")}),
    ("We dosed barfenib; its targets: MET and AXL.", {("barfenib", "met"), ("barfenib", "axl")}),
    ("The multiple molecular targets of foonib (the receptor kinases MET and AXL) may explain toy results.",
     {("foonib", "met"), ("foonib", "axl")}),
    ("Molecular targets of foonib: RET, KIT and MET.", {("foonib", "ret"), ("foonib", "kit"), ("foonib", "met")}),
])
def test_targets_in_apposition_to_the_drugs_targets_are_presupposed(body, expected):
    assert facts(body) == expected
    assert {r[0] for r in readings(body).values()} == {"drug-possessed-targets"}


@pytest.mark.parametrize("body", [
    "Foonib was compared with barfenib, and its downstream targets, MET and AXL, were measured.",
    "Foonib was given, and its potential targets, MET and AXL, were listed in this note.",
    "Foonib binds its targets, and MET is among them in the invented data.",
    "The potential targets of foonib (MET and AXL) were listed in this note.",
])
def test_targets_that_are_not_the_drugs_own_are_not_read(body):
    assert facts(body) == set()


@pytest.mark.parametrize("body, expected", [
    ("Foonib has several targets, including RET and KIT, in this made-up note.", {("foonib", "ret"), ("foonib", "kit")}),
    ("Foonib was invented for this note. It has multiple targets, including AXL and MET.",
     {("foonib", "axl"), ("foonib", "met")}),
    ("Barfenib also possesses two known targets: TIE2 and FLT3.", {("barfenib", "tek"), ("barfenib", "flt3")}),
])
def test_a_drug_that_has_targets_owns_the_listed_ones(body, expected):
    assert facts(body) == expected
    assert {r[0] for r in readings(body).values()} == {"drug-object-relative"}


def test_having_targets_denied_or_hedged_is_no_fact():
    assert facts("Foonib does not have multiple targets such as RET in this toy note.") == set()
    assert facts("Foonib may have several targets, including RET, in this toy note.") == set()
