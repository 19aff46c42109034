"""Named regimens the vocabulary knows (extract/named_regimens.py), in invented sentences: the names are the
real regimens' (data/lexicon/regimens.tsv), the trials and most drugs invented."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hcc_kg.extract import extract_document
from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.arm_comparisons import compared_arms
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.named_regimens import expansions, read_regimens
from hcc_kg.keys import agent_key
from hcc_kg.lexicon import load_lexicon_vocabulary
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

GEMOX = agent_key(["gemcitabine", "oxaliplatin"])
FOLFOX = ["leucovorin", "fluorouracil", "oxaliplatin"]


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary([Entity("zorbatinib", "zorbatinib", ("SmallMolecule", "TyrosineKinaseInhibitor")),
                       Entity("gemcitabine", "gemcitabine", ("SmallMolecule",)),
                       Entity("oxaliplatin", "oxaliplatin", ("SmallMolecule",)),
                       Entity("cisplatin", "cisplatin", ("SmallMolecule",)),
                       Entity("fluorouracil", "fluorouracil", ("SmallMolecule",), ("5-FU",)),
                       Entity("leucovorin", "leucovorin", ("SmallMolecule",)),
                       Entity("glycoprotein_x", "glycoprotein x", ("Protein",)),
                       Entity("tace", "transarterial chemoembolization", ("Procedure",), ("TACE",)),
                       Entity("haic", "hepatic arterial infusion chemotherapy", ("Procedure",), ("HAIC",)),
                       Entity("os", "overall survival", ("EndpointType",), ("OS",)),
                       Entity("hcc", "hepatocellular carcinoma", ("Disease",), ("HCC",))])


def analysed(text: str, vocabulary: Vocabulary) -> AnalysedDocument:
    return AnalysedDocument(Document.from_text("inv1", text), vocabulary, MentionFinder(vocabulary))


def read(text: str, vocabulary: Vocabulary) -> dict[str, str]:
    """Each named regimen's spelling the document uses -> what it reads as."""
    return {e.short: e.reads_as for e in expansions(analysed(text, vocabulary))}


def measured(text: str, vocabulary: Vocabulary) -> dict[str, object]:
    """Arm intervention -> the value measured on it, read from the text."""
    facts = extract_document(Document.from_text("inv1", text), vocabulary, MentionFinder(vocabulary))
    agent_of = {a.subject: a.object for a in facts if a.predicate == "armIntervention"}
    return {agent_of.get(a.subject): a.attribute_values("value")[0] for a in facts if a.predicate == "hasMeasurement"}


def arms(text: str, vocabulary: Vocabulary) -> list[str]:
    doc = analysed(text, vocabulary)
    doc = doc.expanded(expansions(doc))
    return [a.key for a in compared_arms(doc, doc.sentences[0])]


def test_every_listed_component_is_a_vocabulary_name():
    """Each regimen's components are keys of the shipped vocabulary (with the lexicon), so the reading finds them."""
    from hcc_kg.vocab import load_vocabulary
    shipped = load_lexicon_vocabulary(load_vocabulary())
    missing = [(r.name, key) for r in read_regimens() for key in r.components if key not in shipped]
    assert missing == []


def test_values_given_for_a_named_regimen_are_read_for_its_components(vocabulary):
    text = ("Adults with HCC were randomly assigned to zorbatinib or GEMOX in an invented phase 3 trial. "
            "Median OS was 9.1 months with GEMOX and 7.4 months with zorbatinib.")
    assert measured(text, vocabulary) == {GEMOX: Decimal("9.1"), "zorbatinib": Decimal("7.4")}


def test_what_is_read_through_the_name_points_back_into_it(vocabulary):
    text = "Patients received mFOLFOX6 every two weeks."
    doc = analysed(text, vocabulary)
    doc = doc.expanded(expansions(doc))
    sent = doc.sentences[0]
    spans = {m.key: sent.sentence.mapped.original_span(*sent.local(m)) for m in sent.mentions}
    start = text.index("mFOLFOX6")
    assert set(spans) == set(FOLFOX)
    assert all(start <= s and e <= start + len("mFOLFOX6") for s, e in spans.values())


def test_the_documents_own_definition_wins(vocabulary):
    text = ("GEMOX (zorbatinib plus oxaliplatin) is an invented regimen. Adults with HCC were randomly assigned to "
            "GEMOX or cisplatin in an invented phase 3 trial. Median OS was 11.2 months with GEMOX and 8.0 months with cisplatin.")
    assert measured(text, vocabulary) == {agent_key(["zorbatinib", "oxaliplatin"]): Decimal("11.2"),
                                          "cisplatin": Decimal("8.0")}


def test_a_name_the_document_gives_to_something_else_is_not_the_regimen(vocabulary):
    text = "Glycoprotein x (GP) was measured before gemcitabine and cisplatin were given; GP fell."
    doc = analysed(text, vocabulary)
    from hcc_kg.extract import abbreviations
    doc = abbreviations.reread(doc, abbreviations.definitions(doc))
    assert "GP" not in {e.short for e in expansions(doc)}


@pytest.mark.parametrize("text, expected", [
    ("The GP regimen was given every three weeks.", True),
    ("Patients on GP received gemcitabine 1000 mg/m2 and cisplatin 25 mg/m2.", True),
    ("Each GP visit was recorded; zorbatinib was given.", False),
])
def test_a_short_shared_name_is_read_only_where_the_document_shows_the_regimen(text, expected, vocabulary):
    assert ("GP" in read(text, vocabulary)) is expected


def test_the_name_where_the_document_says_what_it_is_stays_as_written(vocabulary):
    text = "We added gemcitabine and oxaliplatin (GEMOX) to zorbatinib; GEMOX was given every two weeks."
    (expansion,) = expansions(analysed(text, vocabulary))
    assert expansion.skipped == frozenset({text.index("GEMOX")})


@pytest.mark.parametrize("text, expected", [
    ("Zorbatinib-GEMOX versus zorbatinib alone was tested.", [agent_key(["zorbatinib", "gemcitabine", "oxaliplatin"]),
                                                              "zorbatinib"]),
    ("FOLFOX-HAIC versus TACE was tested.", [agent_key(FOLFOX + ["haic"]), "tace"]),
    ("HAIC-FOLFOX versus TACE was tested.", [agent_key(FOLFOX + ["haic"]), "tace"]),
])
def test_a_name_joined_by_a_hyphen_to_a_drug_or_procedure_is_one_arm(text, expected, vocabulary):
    assert arms(text, vocabulary) == expected


def test_a_hyphen_to_another_word_joins_nothing(vocabulary):
    assert set(read("FOLFOX-based chemotherapy was given.", vocabulary)) == {"FOLFOX"}


@pytest.mark.parametrize("text", [
    "HAIC using FOLFOX versus TACE was tested.",
    "HAIC using the FOLFOX regimen versus TACE was tested.",
    "HAIC of FOLFOX versus TACE was tested.",
])
def test_the_regimen_a_procedure_delivers_is_part_of_its_arm(text, vocabulary):
    assert arms(text, vocabulary) == [agent_key(FOLFOX + ["haic"]), "tace"]


def test_a_component_written_with_the_greek_letter_is_still_named():
    """The shipped vocabulary names interferon alfa-2b as texts spell it ("interferon α-2b"), so the use where a
    document lists PIAF's drugs before the name is seen as the document saying what the name is."""
    from hcc_kg.vocab import load_vocabulary
    shipped = load_lexicon_vocabulary(load_vocabulary())
    text = "Cisplatin/Interferon α-2b/Doxorubicin/Fluorouracil (PIAF) was given; PIAF was repeated every 3 weeks."
    (expansion,) = [e for e in expansions(analysed(text, shipped)) if e.short == "PIAF"]
    assert expansion.skipped == frozenset({text.index("PIAF")})
