"""Tests for the approval shapes of news items read by hcc_kg.extract.approvals and
hcc_kg.extract.approval_followups, on invented sentences.

Every drug, company and event below is made up (foonib, barmab, Acme ...); each test failed before
the rule it names was written.
"""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.approval_lines import line_words
from hcc_kg.extract.approvals import approval_statements
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.keys import regimen_key
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",), ("Foovia",)),
    Entity("sorafenib", "sorafenib", ("SmallMolecule",)),
    Entity("barmab", "barmab", ("MonoclonalAntibody",), ("Barvio",)),
    Entity("quxmab", "quxmab", ("MonoclonalAntibody",)),
    Entity("pdl1", "PD-L1", ("Protein",)),
    Entity("hcc", "hepatocellular carcinoma", ("Disease",), ("HCC",)),
    Entity("liver_cancer", "liver cancer", ("Disease",)),
    Entity("melanoma", "melanoma", ("Disease",)),
    Entity("fda", "FDA", ("RegulatoryAgency",), ("Food and Drug Administration",)),
    Entity("ema", "EMA", ("RegulatoryAgency",)),
    Entity("ec", "European Commission", ("RegulatoryAgency",), ("EC",)),
    Entity("nmpa", "NMPA", ("RegulatoryAgency",)),
    Entity("mhlw", "MHLW", ("RegulatoryAgency",)),
])
FINDER = MentionFinder(VOCAB)
REGIMEN = regimen_key(["barmab", "foonib"])


def facts(body: str, heading: str = "Invented notes") -> set[tuple]:
    """(agent, disease, agency, line) of the asserted approvals of a heading line and one paragraph."""
    doc = AnalysedDocument(Document.from_text("d1", f"{heading}\n{body}\n"), VOCAB, FINDER)
    return {(a.subject, a.object, a.context_value("agency"), a.context_value("line"))
            for a in approval_statements(doc) if a.is_fact}


# --- the line written with a digit -------------------------------------------------------------

@pytest.mark.parametrize("text, line", [
    ("for the 1st-line treatment of adults with HCC", "first_line"),
    ("as 1st line therapy", "first_line"),
    ("for 2nd-line use after sorafenib", "second_line"),
])
def test_an_ordinal_written_with_digits_names_the_line(text, line):
    assert line_words(text) == {line}


@pytest.mark.parametrize("text, line", [
    ("for adults with invented liver cancer that has not been previously treated", "first_line"),
    ("in patients who have not yet been treated", "first_line"),
    ("in patients who have not been previously treated with sorafenib", None),  # naive to one drug: no line said
])
def test_not_treated_with_no_object_is_the_first_line(text, line):
    if line is None:
        assert "first_line" not in line_words(text)
    else:
        assert line_words(text) == {line}


def test_an_approval_for_1st_line_use_has_its_line():
    body = "Pretend bulletin: foonib tablets were cleared by the FDA last week; the approval covers 1st-line use in HCC."
    assert facts(body) == {("foonib", "hcc", "fda", "first_line")}


# --- asking for an approval ---------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Pretend bulletin: two years ago Acme sought FDA approval of foonib in untreated HCC; the story ends there.",
    "Pretend bulletin: Acme has requested FDA approval for its foonib capsules in untreated HCC.",
])
def test_seeking_or_requesting_an_approval_is_no_approval(body):
    assert facts(body) == set()


# --- a combination set off by commas ------------------------------------------------------------

def test_a_drug_used_with_another_set_off_by_commas_is_one_regimen():
    body = ("Pretend bulletin: Acme has won NMPA approval for its pill foonib, given with barmab, in untreated "
            "unresectable HCC, the company said.")
    assert facts(body) == {(REGIMEN, "hcc", "nmpa", "first_line")}


def test_a_combination_whose_drugs_carry_square_bracketed_asides_is_one_regimen():
    body = ("Pretend review: in 2031 the FDA approved barmab [a made-up antibody (anti-PD-L1)] plus foonib "
            "[an oral kinase blocker] for untreated HCC.")
    assert facts(body) == {(REGIMEN, "hcc", "fda", "first_line")}


# --- a sentence that goes on about the approval told just before ---------------------------------

def test_the_drug_can_now_be_used_gives_the_indication_of_the_approval_before():
    body = ("Pretend bulletin: Acme said foonib picked up another approval from the NMPA on Tuesday. "
            "The drug can now be used for pretreated HCC patients whose disease progressed on sorafenib.")
    assert facts(body) == {("foonib", "hcc", "nmpa", "second_line")}


def test_the_approval_was_for_narrows_the_disease_of_the_approval_before():
    body = ("Pretend history: in 2031 the FDA approved foonib, a made-up pill, in liver cancer. "
            "The approval is for adults whose HCC is unresectable.")
    assert ("foonib", "hcc", "fda", None) in facts(body)


def test_the_approval_means_lends_the_regulator_of_the_approval_before():
    body = ("Pretend bulletin: Acme won Japanese regulatory approval for foonib in liver cancer, it said on Friday. "
            "This approval allows sales of foonib to adults with HCC.")
    assert ("foonib", "hcc", "mhlw", None) in facts(body)
    assert ("foonib", "hcc", None, None) not in facts(body)


def test_a_follow_up_does_not_borrow_the_line_of_another_drugs_approval():
    body = ("Pretend history: the FDA cleared barmab for HCC after sorafenib failure. Later, foonib was approved by "
            "the FDA in liver cancer. The approval is for adults whose HCC is unresectable.")
    assert ("foonib", "hcc", "fda", None) in facts(body)
    assert ("foonib", "hcc", "fda", "second_line") not in facts(body)


GUARDS = [
    # what the approval rests on is no indication of it
    "Pretend history: the FDA approved foonib in liver cancer. The approval rested on a made-up study of adults "
    "with HCC pretreated with sorafenib.",
    # two approvals before: which one the sentence goes on about is not said
    "Pretend history: the FDA approved foonib and the NMPA approved barmab, each in liver cancer. "
    "The approval is for adults with HCC.",
    # a step, not an approval, before
    "Pretend history: the FDA accepted Acme's filing for foonib in liver cancer. "
    "The drug can now be used for HCC in a made-up access scheme.",
]


def test_a_follow_up_needs_one_granted_approval_before_and_an_indication_of_its_own():
    body = ("Pretend bulletin: barmab got its first FDA approval this spring. The drug can now be used for HCC.")
    assert facts(body) == {("barmab", "hcc", "fda", None)}
    for body in GUARDS:
        assert not any(f[1] == "hcc" and f[2] is not None for f in facts(body)), body


# --- several regulators in one statement -----------------------------------------------------------

def test_a_regulator_named_between_two_agents_goes_with_the_agent_after_it():
    body = ("Pretend review: in 2029 the EMA approved foonib plus barmab for untreated HCC, and in 2031 (in China) "
            "quxmab as well, in the same untreated setting.")
    found = {(f[0], f[2]) for f in facts(body) if f[1] == "hcc"}
    assert found == {(REGIMEN, "ema"), ("quxmab", "nmpa")}
    # regulators named together before the agents go with every agent
    body = "Pretend review: the FDA and the EMA approved foonib and quxmab for untreated HCC in 2031."
    assert {(f[0], f[2]) for f in facts(body)} == {("foonib", "fda"), ("foonib", "ema"),
                                                   ("quxmab", "fda"), ("quxmab", "ema")}


# --- "previously received": the patients' earlier therapy, or the drug's earlier approval --------

@pytest.mark.parametrize("text, lines", [
    ("for patients who previously received foonib", {"second_line"}),
    ("the pair had previously received conditional approval in Ruritania as a first-line option", {"first_line"}),
    ("barnib previously received orphan drug designation", set()),
])
def test_previously_received_is_a_later_line_only_for_a_therapy(text, lines):
    assert line_words(text) == lines


def test_an_approval_the_drug_previously_received_keeps_the_line_it_names():
    body = ("Invented item: foonib earlier got a partner product. Foonib had previously received accelerated "
            "approval in the US as a first-line treatment for advanced HCC, in 2019.")
    assert facts(body) == {("foonib", "hcc", "fda", "first_line")}


# --- a line word states the line; the patients' history only implies one -------------------------

@pytest.mark.parametrize("text, lines", [
    # one stated line, the history beside it in the same indication: the stated line
    ("as a 2nd-line choice in previously untreated adults", {"second_line"}),
    ("for first-line use in adults whose disease progressed after embolisation", {"first_line"}),
    # two indications joined: each keeps its line
    ("for first-line use, and for adults who progressed after foonib", {"first_line", "second_line"}),
    ("as first-line therapy; adults pretreated with barmab are covered too", {"first_line", "second_line"}),
    # the line word describes the history ("previously treated with first-line X"): the patients had that line,
    # so the use is a later one
    ("for adults previously treated with first-line foonib", {"second_line"}),
])
def test_a_stated_line_outweighs_the_history_it_is_not_coordinated_with(text, lines):
    assert line_words(text) == lines


def test_a_therapy_given_before_gives_way_to_the_stated_line():
    # "after foonib failure" makes foonib an earlier therapy, which alone would imply a later line
    body = "Made-up bulletin: the FDA approved barmab as a first-line option, after foonib failure, in HCC."
    assert facts(body) == {("barmab", "hcc", "fda", "first_line")}
    body = "Made-up bulletin: the FDA approved barmab as a second-line option, after foonib failure, in HCC."
    assert facts(body) == {("barmab", "hcc", "fda", "second_line")}


def test_a_comparator_introduced_by_its_role_and_a_dash_is_no_agent():
    # the approvals rest on a first-line trial of barmab with quxmab against "standard care — foonib":
    # foonib is that trial's comparator, not an approved agent of the sentence
    body = ("Made-up bulletin: the EMA approved the barmab plus quxmab combination for HCC in 2031. All approvals "
            "were based on data from the FOO-1 trial, investigating if first-line treatment with the barmab-quxmab "
            "combination therapy is superior to standard care — Foovia (foonib) — at improving survival.")
    assert "foonib" not in {f[0] for f in facts(body)}


# --- a partner told after the approval ----------------------------------------------------------

@pytest.mark.parametrize("follow_up", [
    "The treatment is to be used alongside barmab.",
    "It is given together with barmab every three weeks.",
])
def test_a_partner_the_next_sentence_names_joins_the_approved_agent(follow_up):
    body = f"Pretend bulletin: Acme said its Foovia tablets for adults with HCC won FDA approval. {follow_up}"
    assert facts(body) == {(REGIMEN, "hcc", "fda", None)}


def test_a_drug_the_next_sentence_names_otherwise_is_no_partner():
    body = "Pretend bulletin: the FDA approved foonib for HCC. It worked better in a pilot with barmab."
    assert facts(body) == {("foonib", "hcc", "fda", None)}


# --- "X, the first approved TKI for D" ----------------------------------------------------------

@pytest.mark.parametrize("body", [
    "In a made-up trial foonib was non-inferior to sorafenib (SOR), the first approved TKI for HCC.",
    "Invented cohorts had progressed after sorafenib, the only approved drug for HCC at that time.",
])
def test_an_approved_class_in_apposition_is_said_of_the_name_before_it(body):
    assert facts(body) == {("sorafenib", "hcc", None, None)}


def test_an_approval_told_again_without_its_agency_in_full_disease_words_is_the_same_approval():
    body = ("The FDA has approved foonib plus barmab for advanced liver cancer. Doctors welcomed the news. The approval "
            "was based on the ZETA-9 trial, in which 600 patients with previously untreated hepatocellular carcinoma "
            "were randomly assigned to receive either foonib plus barmab or sorafenib.")
    doc = AnalysedDocument(Document.from_text("d1", f"Invented notes\n{body}\n"), VOCAB, FINDER)
    approvals = [a for a in approval_statements(doc) if a.is_fact and a.predicate == "approvedFor"]
    assert [(a.subject, a.context_value("agency")) for a in approvals] == [(REGIMEN, "fda")]
    assert approvals[0].attribute_values("supporting_trial") == ["trial__zeta9"]


def test_a_new_indication_told_after_the_approval_with_its_partner_and_a_restatement_for_one_drug():
    body = ("On 25 May, Acme received a drug registration certificate from the NMPA for the tenth indication of its "
            "drug foonib. The new indication is for the first-line treatment of HCC in combination with barmab. "
            "The marketing approval of foonib for first-line HCC is based on an invented trial.")
    assert facts(body) == {(REGIMEN, "hcc", "nmpa", "first_line")}


def test_one_drug_named_for_its_combination_is_the_combination_the_document_names_else_nothing():
    named = ("In a made-up trial, foonib plus barmab extended survival. The FDA approved the Foovia combo for "
             "first-line HCC.")
    assert facts(named) == {(REGIMEN, "hcc", "fda", "first_line")}
    unnamed = "In this invented note, the FDA approved the Foovia combo for first-line HCC."
    assert facts(unnamed) == set()


@pytest.mark.parametrize("between", [
    "After approval for melanoma, this brings hope to patients who had no options after being treated with sorafenib.",
    "Until now, patients previously treated with sorafenib had no options.",
])
def test_the_product_is_not_the_earlier_therapy_the_sentence_before_names(between):
    found = facts(f"The NMPA approved Foovia (foonib) for HCC. {between} The product has been approved for HCC "
                  "elsewhere too, in the US and in Japan.")
    assert {f for f in found if f[0] == "sorafenib"} == set()
    assert {("foonib", "hcc", "fda", None), ("foonib", "hcc", "mhlw", None)} <= found


def test_every_drug_of_a_list_closed_by_a_serial_comma_is_approved():
    found = facts("Foonib was approved as a first-line option in HCC. Over the years, barmab, quxmab, and foonib "
                  "have been approved one after another for second-line use after sorafenib.")
    assert {(a, line) for a, _, _, line in found} >= {("barmab", "second_line"), ("quxmab", "second_line"),
                                                      ("foonib", "second_line")}
