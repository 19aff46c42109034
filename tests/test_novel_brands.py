"""Brand names in apposition to a drug (extract/novel.py), on invented sentences and invented brands."""

from __future__ import annotations

import pytest

from hcc_kg.extract import extract_document
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.novel import SYNONYM, recognise_text
from hcc_kg.model import Document
from hcc_kg.vocab import Vocabulary, load_vocabulary


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_vocabulary()


def synonyms(text: str, vocabulary: Vocabulary) -> dict[str, tuple[str, ...]]:
    return {r.key: r.synonyms for r in recognise_text(text, vocabulary) if r.synonyms}


@pytest.mark.parametrize("text, drug, brand", [
    ("The agency approved ZORVEX (sorafenib) tablets for adults.", "sorafenib", "ZORVEX"),
    ("Sorafenib (ZORVEX) was approved in 2031.", "sorafenib", "ZORVEX"),
    ("Sorafenib (Zorvex®) was approved in 2031.", "sorafenib", "Zorvex"),
    ("Zorvex™ (sorafenib) was approved in 2031.", "sorafenib", "Zorvex"),
    ("Regulators cleared Zorvex (atezolizumab-qwer) for adults.", "atezolizumab", "Zorvex"),
    ("Regulators cleared ZORVEX® (atezolizumab-qwer) for adults.", "atezolizumab", "ZORVEX"),
    ("Atezolizumab-qwer (LUNAVO VELO) is given under the skin.", "atezolizumab", "LUNAVO VELO"),
])
def test_a_brand_beside_a_drug_is_its_synonym(vocabulary, text, drug, brand):
    assert synonyms(text, vocabulary) == {drug: (brand,)}


@pytest.mark.parametrize("text", [
    "Control (sorafenib) patients had more rash.",          # a capitalised word, neither capitals nor mark
    "Patients in Arm (sorafenib) were followed.",
    "Sorafenib (Bayer) was the comparator.",                 # a company, not a brand
    "ZENITH (sorafenib) was compared with placebo in the ZENITH trial.",  # the document's trial
    "Sorafenib (ECOG 0-1 only) was given.",                  # not the brand alone in the parentheses
    "Sorafenib (TACE) was given.",                           # a clinical abbreviation (the stoplist)
    "Sorafenib (HCC) was given.",                            # a name the vocabulary holds
    "Sorafenib (SORA) was given.",                           # its letters in order: an abbreviation, read there
    "FDA APPROVES ZORVEX (SORAFENIB PLUS PLACEBO)",         # a headline in capitals, no apposition
    "Sorafenib, regorafenib and lenvatinib (SORELEN) were infused.",  # the short form of the list, not its last drug
    "Arterial infusion of regorafenib and lenvatinib (PAIC-RL) was given.",
])
def test_what_is_no_brand(vocabulary, text):
    assert synonyms(text, vocabulary) == {}


def test_the_brand_names_the_drug_elsewhere_in_the_document(vocabulary):
    text = ("Zorvex approved for liver cancer\n\n"
            "The agency approved ZORVEX (sorafenib) for adults with hepatocellular carcinoma. "
            "ZORVEX is a kinase inhibitor that blocks VEGFR2.\n")
    out = extract_document(Document.from_text("inv", text), vocabulary, MentionFinder(vocabulary))
    facts = {(a.subject, a.predicate, a.object) for a in out}
    assert ("sorafenib", SYNONYM, "ZORVEX") in facts
    blocked = [a for a in out if a.predicate == "inhibits" and a.object == "kdr"]
    assert blocked and all(a.subject == "sorafenib" for a in blocked)
    brand_sentence = text.index("ZORVEX is")
    assert all(e.start >= brand_sentence for a in blocked for e in a.evidence)  # read where only the brand is named
