"""Drug -> target shapes of drug-profile and mechanism pages (labels' mechanism sections, drug dictionaries,
pharmacology reviews), on invented sentences.  Drugs are invented (foonib, zelumab); targets are real names.
"""

from __future__ import annotations

import pytest

from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.vocab import Entity, Vocabulary
from mechanism_facts import asserted_pairs
from test_mechanisms import VOCAB, facts, readings

# the test vocabulary with a process a category of kinases may be said to take part in
WITH_PROCESS = Vocabulary([*VOCAB, Entity("angiogenesis", "angiogenesis", ("Pathway",), ("tumour angiogenesis",))])
PROCESS_FINDER = MentionFinder(WITH_PROCESS)


def test_a_process_describing_the_category_does_not_cut_the_verb_from_its_members():
    body = ("Foonib is an imaginary agent. It acts by blocking enzymes important for angiogenesis in made-up models, "
            "such as MET, KIT and RET.")
    assert {("foonib", t) for t in ("met", "kit", "ret")} <= asserted_pairs(body, WITH_PROCESS, PROCESS_FINDER)


def test_a_process_that_is_the_object_stays_a_list_of_its_own():
    # "kinases involved in angiogenesis, including MET": the category's members; with no category word before
    # the process, MET named after it is a second clause's object, not foonib's
    read = asserted_pairs("Foonib inhibits kinases involved in angiogenesis, including MET.", WITH_PROCESS, PROCESS_FINDER)
    assert ("foonib", "met") in read
    body = "Foonib suppresses angiogenesis in invented tumours, and zelumab binds MET."
    assert ("foonib", "met") not in asserted_pairs(body, WITH_PROCESS, PROCESS_FINDER)


@pytest.mark.parametrize("body, expected", [
    ("Through blocking receptors such as AXL and FLT3, foonib slows invented tumours.",
     {("foonib", "axl"), ("foonib", "flt3")}),
    ("By blocking several receptor kinases involved in tumour growth, such as MET and AXL, foonib acts here.",
     {("foonib", "met"), ("foonib", "axl")}),
])
def test_fronted_means_with_a_category_then_its_members(body, expected):
    assert facts(body) == expected


def test_fronted_interaction_still_leaves_both_partners_unread():
    assert facts("By blocking receptors such as PD-1, zelumab restores invented immunity.") == {("zelumab", "pd1")}
    assert facts("By blocking the binding between PD-L1 and PD-1, zelumab restores invented immunity.") == set()


@pytest.mark.parametrize("body, expected", [
    ("Foonib blocks RET & KIT in made-up cell lines.", {("foonib", "ret"), ("foonib", "kit")}),
    ("Foonib acts on three kinases that feed made-up tumours\u2014VEGFR1, AXL and MET.",
     {("foonib", "met"), ("foonib", "axl"), ("foonib", "flt1")}),
    ("Foonib inhibits two kinases, MET and AXL, in this pretend note.", {("foonib", "met"), ("foonib", "axl")}),
])
def test_ampersand_and_counted_category(body, expected):
    assert facts(body) == expected


def test_a_count_that_does_not_fit_the_list_is_no_apposition():
    # "two kinases" then three names: the names are not the counted kinases
    assert facts("Foonib inhibits three kinases, MET, AXL and RET, in this pretend note.") == \
        {("foonib", "met"), ("foonib", "axl"), ("foonib", "ret")}
    assert facts("Foonib inhibits two kinases, MET, AXL and RET, in this pretend note.") == set()


@pytest.mark.parametrize("body", [
    "Foonib may target three drivers of made-up tumour growth\u2014MET, AXL and RET.",
    "Foonib does not target MET, AXL & RET in these invented cells.",
])
def test_hedged_or_negated_new_shapes_are_never_asserted(body):
    found = readings(body)
    assert {target for _, _, target in found} == {"met", "axl", "ret"}  # read, every one ...
    assert not facts(body)  # ... and none asserted


@pytest.mark.parametrize("body, expected", [
    ("Foonib targets MET*, AXL and RET in this pretend list.", {("foonib", "met"), ("foonib", "axl"), ("foonib", "ret")}),
    ("Foonib blocks KIT, the angiopoietin receptor (TIE2)4,7, FLT3 and FGFR1 in pretend assays.",
     {("foonib", "kit"), ("foonib", "tek"), ("foonib", "flt3"), ("foonib", "fgfr1")}),
])
def test_a_note_mark_after_an_item_does_not_end_the_list(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib is an invented agent. It exerts inhibition of AXL and MET.", {("foonib", "met"), ("foonib", "axl")}),
    ("Foonib exerts inhibition of AXL, MET and several other enzymes that drive made-up tumours, such as FLT3 and KIT.",
     {("foonib", t) for t in ("met", "axl", "kit", "flt3")}),
])
def test_exerted_inhibition_and_many_other_members(body, expected):
    assert facts(body) == expected


def test_other_kinases_activated_by_ligands_are_not_more_objects():
    body = "Foonib inhibits MET and many other receptors implicated in made-up tumours, including AXL."
    assert facts(body) == {("foonib", "met"), ("foonib", "axl")}
    body = "Foonib inhibits MET and other receptors bound by their ligands, including PD-L1, in made-up cells."
    assert ("foonib", "pdl1") not in facts(body)


def test_the_effects_of_a_ligand_are_not_its_target():
    body = "Zelumab binds VEGFR2 and thereby blocks the angiogenic actions of VEGF in made-up vessels."
    assert facts(body) == {("zelumab", "kdr")}


def test_inhibitory_effects_on_a_target_are_still_read():
    assert facts("Zelumab binds VEGFR2 and blocks the effects of VEGF in made-up cells.") == {("zelumab", "kdr")}
    assert facts("Foonib has inhibitory effects on VEGFR2 in made-up assays.") == {("foonib", "kdr")}


def test_a_family_name_with_type_and_number_names_the_member():
    body = "Foonib exerts inhibition of MET, VEGF receptor type 2, and AXL in made-up assays."
    assert facts(body) == {("foonib", "met"), ("foonib", "kdr"), ("foonib", "axl")}


@pytest.mark.parametrize("body, expected", [
    ("Zelumab binds directly to VEGF in made-up serum.", {("zelumab", "vegfa")}),
    ("Foonib prevents the autophosphorylation of many tyrosine kinases (TKs) \u2014MET, AXL and KIT\u2014 in pretend cells.",
     {("foonib", "met"), ("foonib", "axl"), ("foonib", "kit")}),
    ("Foonib blocks MET and AXL, as well as inhibiting the RAF kinase in made-up cells.",
     {("foonib", "met"), ("foonib", "axl"), ("foonib", "raf_family")}),
    ("Foonib acts by blocking VEGF receptors, selectively targeting VEGFR2 and VEGFR3.",
     {("foonib", "vegfr_family"), ("foonib", "kdr"), ("foonib", "flt4")}),
])
def test_adverb_inside_the_verb_dash_opened_members_and_participles_after_the_object(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, unread", [
    # the receptors of the ligand bound are its partners
    ("Zelumab binds directly to VEGF and so blocks VEGF from engaging its receptors VEGFR1 and VEGFR2.", {"flt1", "kdr"}),
    # "as well as blocking the binding of its ligands": the ligands are the first target's partners
    ("Zelumab binds directly to PD-1, as well as blocking the binding of its ligands PD-L2 and PD-L1 in invented cells.",
     {"pdl1", "pdl2"}),
    # a participle that names where, not what
    ("Zelumab binds directly to VEGFR2, selectively acting in made-up vessels that express PD-L1.", {"pdl1"}),
])
def test_partners_after_the_new_shapes_stay_unread(body, unread):
    assert facts(body) and not {target for _, target in facts(body)} & unread


def test_a_hedge_in_the_next_bullet_does_not_reach_back_into_the_list():
    body = ("Invented profile\n\n  \u2022 Foonib was shown to inhibit MET, AXL and KIT\n\n"
            "  \u2022 Some of those enzymes are believed to drive made-up tumours\n")
    assert facts(body) == {("foonib", "met"), ("foonib", "axl"), ("foonib", "kit")}


def test_a_family_abbreviation_then_an_isoform_letter_names_the_isoform():
    body = "Foonib inhibits platelet-derived growth factor receptor (PDGFR) \u03b24,5 and KIT in made-up assays."
    assert facts(body) == {("foonib", "pdgfrb"), ("foonib", "kit")}


@pytest.mark.parametrize("body, expected", [
    ("Zelumab and quxumab were compared in a made-up study. Both show strong affinity binding to PD-1.",
     {("zelumab", "pd1"), ("quxumab", "pd1")}),
    ("Foonib and barfenib were given in invented models. Both drugs block MET and AXL.",
     {(d, t) for d in ("foonib", "barfenib") for t in ("met", "axl")}),
])
def test_both_after_two_drugs_is_each_of_them(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body", [
    "Foonib and barfenib were given in invented models. Both may block MET.",
    "Foonib and barfenib were given in invented models. Both drugs do not block MET.",
])
def test_both_hedged_or_negated_is_read_for_each_and_never_asserted(body):
    assert {(s, t) for s, _, t in readings(body)} == {("foonib", "met"), ("barfenib", "met")}
    assert facts(body) == set()


def test_both_arms_or_both_of_three_drugs_name_no_subject():
    assert facts("Foonib and barfenib were given in invented models. Both block MET.") == \
        {("foonib", "met"), ("barfenib", "met")}
    assert facts("Foonib and barfenib were given in invented models. Both arms block MET.") == set()
    assert facts("Foonib, barfenib and zelumab were given in invented models. Both block MET.") == set()


def test_a_symbol_the_vocabulary_lacks_may_end_the_first_bracketed_group():
    body = ("Foonib acts on kinases of invented growth (KIT, RAF-1, BRAF, BRAFX123Z), and of made-up stroma "
            "(PDGFR, FGFR).")
    assert {("foonib", "pdgfr_family"), ("foonib", "fgfr_family")} <= facts(body)
