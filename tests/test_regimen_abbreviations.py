"""Short forms a document defines for a regimen (extract/regimen_abbreviations.py), on invented
drugs and trials."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hcc_kg.extract import extract_document
from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.regimen_abbreviations import definitions
from hcc_kg.keys import agent_key
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

REGIMEN = agent_key(["zorbatinib", "quelvumab"])


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary([Entity("zorbatinib", "zorbatinib", ("SmallMolecule", "TyrosineKinaseInhibitor")),
                       Entity("quelvumab", "quelvumab", ("MonoclonalAntibody",), ("Quelvia",)),
                       Entity("sorafenib", "sorafenib", ("SmallMolecule", "TyrosineKinaseInhibitor")),
                       Entity("os", "overall survival", ("EndpointType",), ("OS",)),
                       Entity("orr", "objective response rate", ("EndpointType",), ("ORR",)),
                       Entity("hcc", "hepatocellular carcinoma", ("Disease",), ("HCC",)),
                       Entity("tace", "transarterial chemoembolization", ("Procedure",), ("TACE",))])


def defined(text: str, vocabulary: Vocabulary) -> list[tuple[str, tuple[str, ...]]]:
    doc = AnalysedDocument(Document.from_text("inv1", text), vocabulary, MentionFinder(vocabulary))
    return [(d.short, tuple(m.key for m in d.mentions)) for d in definitions(doc)]


def measured(text: str, vocabulary: Vocabulary) -> dict[str, object]:
    """Arm intervention -> the value measured on it, read from the text."""
    facts = extract_document(Document.from_text("inv1", text), vocabulary, MentionFinder(vocabulary))
    agent_of = {a.subject: a.object for a in facts if a.predicate == "armIntervention"}
    return {agent_of.get(a.subject): a.attribute_values("value")[0] for a in facts if a.predicate == "hasMeasurement"}


@pytest.mark.parametrize("short", ["Z+Q", "zorb/quel", "ZOR + QUEL", "Z-Q", "ZOR1/Q3", "Z+Quelvia"])
def test_a_short_form_after_a_combination_is_defined_for_it(short, vocabulary):
    text = f"Patients received zorbatinib plus quelvumab ({short}) until progression."
    assert defined(text, vocabulary) == [(short, ("zorbatinib", "quelvumab"))]


@pytest.mark.parametrize("text", [
    "The maker's drug, a combination of quelvumab and zorbatinib (branded as \u201cZOR-QUEL\u201d), was added.",
    "Zorbatinib and quelvumab (dubbed 'ZOR-QUEL') were given together.",
])
def test_a_brand_a_combination_is_introduced_as_is_defined_for_it_in_its_own_order(text, vocabulary):
    assert defined(text, vocabulary) == [("ZOR-QUEL", ("zorbatinib", "quelvumab"))]


def test_two_drugs_joined_by_and_can_define_one(vocabulary):
    assert defined("Zorbatinib and quelvumab (Z/Q) were given together.", vocabulary) == \
        [("Z/Q", ("zorbatinib", "quelvumab"))]


@pytest.mark.parametrize("text", [
    "Patients received zorbatinib plus quelvumab (Q+Z) until progression.",  # order does not fit
    "Patients received zorbatinib plus quelvumab (ZQ) until progression.",    # unsplit: no room to point back
    "Patients received zorbatinib plus quelvumab (OS+ORR) until progression.",  # letters of other names
    "Patients received zorbatinib plus quelvumab (n = 40) until progression.",
    "Patients received zorbatinib (Z+Q) until progression.",                   # one drug is no regimen
])
def test_a_short_form_that_does_not_fit_is_not_defined(text, vocabulary):
    assert defined(text, vocabulary) == []


def test_a_short_form_defined_for_two_regimens_is_dropped(vocabulary):
    text = ("Zorbatinib plus quelvumab (Z+Q) was the first arm. "
            "Zorbatinib plus sorafenib (Z+S) was the second. Later, zorbatinib plus quelvumab (Z/Q) was reported.")
    assert [s for s, _ in defined(text, vocabulary)] == ["Z+Q", "Z+S", "Z/Q"]
    clash = "Zorbatinib plus quelvumab (Z+Q) was given. In a second cohort zorbatinib plus quelvumab (Z+Q) again."
    assert defined(clash, vocabulary) == [("Z+Q", ("zorbatinib", "quelvumab"))]


TRIAL = ("In the invented ZEPHYR-7 trial, 400 patients with HCC were randomised to zorbatinib plus "
         "quelvumab{defined} or sorafenib. The ORR with Z+Q was 31%.")


def test_values_given_for_the_short_form_are_read_for_the_regimen(vocabulary):
    values = measured(TRIAL.format(defined=" (Z+Q)"), vocabulary)
    assert str(values.get(REGIMEN)) == "31"


def test_without_the_definition_the_short_form_names_nothing(vocabulary):
    assert REGIMEN not in measured(TRIAL.format(defined=""), vocabulary)


def test_evidence_of_what_is_read_through_the_short_form_quotes_it(vocabulary):
    text = "Zorbatinib plus quelvumab (Z+Q) was studied. Median OS was 20.1 months with Z+Q."
    facts = extract_document(Document.from_text("inv1", text), vocabulary, MentionFinder(vocabulary))
    later = text.index("with Z+Q") + len("with ")
    regimen_mentions = [e for a in facts if a.predicate == "hasComponent" for e in a.evidence
                        if e.extractor == "regimen-mention" and e.start >= later]
    assert regimen_mentions and {text[e.start:e.end] for e in regimen_mentions} == {"Z+Q"}


def test_two_drugs_joined_by_a_slash_can_define_one(vocabulary):
    assert defined("Zorbatinib/quelvumab (Z/Q) was given every three weeks.", vocabulary) == \
        [("Z/Q", ("zorbatinib", "quelvumab"))]


@pytest.mark.parametrize("short", ["ZTX/Q", "ZTX/QUEL", "Z/QTX"])
def test_one_piece_may_be_a_chemical_short_name_in_capitals(short, vocabulary):
    """"Trifluridine/tipiracil (FTD/TPI)": a piece spelling no letters of its component's name from the start."""
    text = f"Zorbatinib/quelvumab ({short}) was compared with sorafenib."
    assert defined(text, vocabulary) == [(short, ("zorbatinib", "quelvumab"))]


@pytest.mark.parametrize("short", [
    "ZTX/QTX",   # no piece fits: nothing points back
    "ztx/Q",     # not a chemical short name in capitals
    "ZOR/ORR",   # the piece that does not fit is a clinical abbreviation (the vocabulary's)
    "Z/Q/ZTX",   # three pieces for two drugs
])
def test_a_piece_that_fits_nothing_is_taken_only_alone_and_free(short, vocabulary):
    assert defined(f"Zorbatinib/quelvumab ({short}) was compared with sorafenib.", vocabulary) == []


def test_a_slash_short_form_reads_as_the_regimen_in_the_arms(vocabulary):
    text = ("Zorbatinib/quelvumab (ZTX/QUEL) was tested in advanced HCC. Patients were randomised to ZTX/QUEL or "
            "sorafenib. Median OS was 14.2 months in the ZTX/QUEL group and 10.1 months in the sorafenib group.")
    assert measured(text, vocabulary) == {REGIMEN: Decimal("14.2"), "sorafenib": Decimal("10.1")}


# --- a regimen's name first, its drugs in the parentheses after it ----------------------------

@pytest.mark.parametrize("inside", [
    "zorbatinib plus quelvumab",
    "Zorbatinib Induction Plus Periodic quElvumab Regimen",           # the name spelled out, drugs among its words
    "zorbatinib 8 mg daily plus quelvumab 200 mg every 3 weeks",      # doses
])
def test_a_name_in_capitals_before_its_drugs_defines_the_regimen(inside, vocabulary):
    text = f"Patients were randomised to ZIPPER ({inside}) or sorafenib."
    assert defined(text, vocabulary) == [("ZIPPER", ("zorbatinib", "quelvumab"))]


@pytest.mark.parametrize("text", [
    "Patients were randomised to ZIPPER (zorbatinib vs quelvumab).",       # a comparison
    "Patients received ZIPPER (zorbatinib or quelvumab) at the investigator's choice.",  # a choice
    "Patients received ZIPPER (zorbatinib) daily.",                        # one drug is no regimen
    "The ZIPPER trial enrolled 90 patients. ZIPPER (zorbatinib plus quelvumab) was open-label.",  # a trial's name
    "The ZIPPER (zorbatinib plus quelvumab) study enrolled 90 patients.",   # ... named so before its trial word
    "Patients were randomised to Zipper (zorbatinib plus quelvumab) or sorafenib.",  # no name in capitals
    "The PFS (zorbatinib plus quelvumab) was longer than with sorafenib.",  # a clinical abbreviation (stoplist)
    "Patients were randomised to REFLECT (zorbatinib plus quelvumab).",    # a stoplisted trial acronym
])
def test_parentheses_that_name_no_one_regimen_define_nothing(text, vocabulary):
    assert defined(text, vocabulary) == []


def test_a_regimen_acronym_the_stoplist_marks_may_be_defined(vocabulary):
    """The stoplist keeps "STRIDE" from every lexicon name and marks it a regimen's acronym: a document may
    still say which drugs it stands for."""
    assert defined("Patients received STRIDE (zorbatinib plus quelvumab) once.", vocabulary) == \
        [("STRIDE", ("zorbatinib", "quelvumab"))]


def test_values_given_for_a_name_first_regimen_are_read_for_the_regimen(vocabulary):
    text = ("In the invented ZEPHYR-9 trial, 300 patients with HCC were randomised to ZIPPER (zorbatinib plus "
            "quelvumab) or sorafenib. The 24-month OS rate was 40.2% with ZIPPER versus 20.1% with sorafenib.")
    assert measured(text, vocabulary) == {REGIMEN: Decimal("40.2"), "sorafenib": Decimal("20.1")}


@pytest.mark.parametrize("text", [
    "Patients received single zorbatinib regular interval quelvumab (SZRIQ) or sorafenib.",      # the words' initials
    "Patients received single zorbatinib regular interval quelvumab exposure (SZRIQE) or sorafenib.",
    "Patients received single zorbatinib regular interval quelvumab (SZRIQE) or sorafenib.",     # ... the last letter over
])
def test_a_name_in_capitals_spelling_the_words_before_it_defines_their_regimen(text, vocabulary):
    assert [(short, keys) for short, keys in defined(text, vocabulary)] == [(text.split("(")[1].split(")")[0],
                                                                           ("zorbatinib", "quelvumab"))]


@pytest.mark.parametrize("text", [
    "Patients received single regular interval zorbatinib (SRIZ) or sorafenib.",           # one drug is no regimen
    "Patients received zorbatinib or quelvumab at interval (ZOQAI).",                       # a choice
    "Patients received zorbatinib plus quelvumab (ZQX) or sorafenib.",                       # no initials, not stoplisted
])
def test_initials_of_no_one_regimen_define_nothing(text, vocabulary):
    assert defined(text, vocabulary) == []


def test_a_regimen_acronym_the_stoplist_marks_may_follow_its_drugs(vocabulary):
    assert defined("Patients received one priming dose of zorbatinib plus quelvumab (STRIDE).", vocabulary) == \
        [("STRIDE", ("zorbatinib", "quelvumab"))]



def arms(text: str, vocabulary: Vocabulary) -> dict[str, int | None]:
    """Arm intervention -> its size, read from the text."""
    facts = extract_document(Document.from_text("inv1", text), vocabulary, MentionFinder(vocabulary))
    sizes = {a.subject: a.object for a in facts if a.predicate == "armSize"}
    return {a.object: sizes.get(a.subject) for a in facts if a.predicate == "armIntervention"}


@pytest.mark.parametrize("text", [
    "An invented phase 2 study of zorbatinib (Z) and quelvumab (Q) in HCC. Patients were randomized to Z10+Q (n=40), "
    "quelvumab (n=38) or zorbatinib (n=36).",
    "An invented phase 2 study of zorbatinib (Z; anti-KDR) and quelvumab (Q; anti-PD-1 antibody) in HCC. Patients "
    "were randomized to Z10+Q (n=40), quelvumab (n=38) or zorbatinib (n=36).",
])
def test_short_forms_the_document_defined_joined_with_a_dose_glued_on_read_as_the_regimen(text, vocabulary):
    """ "T300+D" after "tremelimumab (T)" and "durvalumab (D)": the two drugs, the dose no part of a name."""
    assert arms(text, vocabulary) == {REGIMEN: 40, "quelvumab": 38, "zorbatinib": 36}



def test_values_follow_a_listing_of_the_arms_that_gives_one_regimen_twice_at_two_doses(vocabulary):
    """ "randomized to T300+D (n), D (n), T (n), T75+D (n)", then "X, Y, Z and W months, respectively": the values
    go to the arms in that listing, the regimen taking two."""
    text = ("An invented phase 2 study of zorbatinib (Z) and quelvumab (Q) in HCC. Patients were randomized to Z10+Q "
            "(n=40), quelvumab (n=38), zorbatinib (n=36) or Z3+Q (n=41). Median OS was 18.7 (10.8-27.3), 13.6 "
            "(8.7-17.6), 15.1 (11.3-20.5) and 11.3 (8.4-15.0) months, respectively.")
    facts = extract_document(Document.from_text("inv1", text), vocabulary, MentionFinder(vocabulary))
    agent_of = {a.subject: a.object for a in facts if a.predicate == "armIntervention"}
    got = sorted((agent_of[a.subject], a.attribute_values("value")[0]) for a in facts if a.predicate == "hasMeasurement")
    assert got == [("quelvumab", Decimal("13.6")), (REGIMEN, Decimal("11.3")), (REGIMEN, Decimal("18.7")),
                   ("zorbatinib", Decimal("15.1"))]


@pytest.mark.parametrize("inside", ["LARKSPUR regimen", "the LARKSPUR combination"])
def test_a_name_the_parentheses_call_a_regimen_is_defined_for_the_drugs_before_it(inside, vocabulary):
    text = (f"The phase 3 ZETA trial compared zorbatinib plus quelvumab ({inside}) with sorafenib. The ORR was 24% "
            "with LARKSPUR.")
    assert defined(text, vocabulary) == [("LARKSPUR", ("zorbatinib", "quelvumab"))]
    assert measured(text, vocabulary)[REGIMEN] == Decimal("24")


def test_a_bare_name_in_capitals_after_two_drugs_stays_undefined(vocabulary):
    # without "regimen" the name could be the trial's or a group's: it must fit the drugs' names
    assert defined("The trial compared zorbatinib plus quelvumab (LARKSPUR) with sorafenib.", vocabulary) == []


def test_a_drug_with_a_procedure_defines_a_short_form_written_in_either_order(vocabulary):
    text = ("An invented cohort suggested that TACE plus zorbatinib (ZOR-TACE) beat TACE alone. In this "
            "randomised phase 3 trial, patients were assigned to ZOR-TACE or TACE alone. The ORR was 41% with "
            "ZOR-TACE and 22% with TACE alone.")
    assert defined(text, vocabulary) == [("ZOR-TACE", ("zorbatinib", "tace"))]
    assert measured(text, vocabulary) == {agent_key(["tace", "zorbatinib"]): Decimal("41"), "tace": Decimal("22")}
