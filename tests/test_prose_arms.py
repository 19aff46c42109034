"""Arms, arm sizes and comparisons in invented sentences."""

from __future__ import annotations

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.prose_arms import agents, arm_sizes, compared_arms, randomised_arms
from hcc_kg.keys import agent_key
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",)), Entity("felotinib", "felotinib", ("SmallMolecule",)),
                    Entity("quorimab", "quorimab", ("MonoclonalAntibody",)), Entity("placebo", "placebo", ("Placebo",)),
                    Entity("tace", "TACE", ("Procedure",))])
FINDER = MentionFinder(VOCAB)


def sentence(text: str):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    return doc, doc.sentences[0]


def keys(found) -> list[str]:
    return [a.key for a in found]


def test_glued_combinations_are_one_agent():
    doc, sent = sentence("We gave quorimab-felotinib, quorimab/zorbanib, quorimab plus TACE and zorbanib.")
    assert keys(agents(doc, sent)) == [agent_key(["quorimab", "felotinib"]), agent_key(["quorimab", "zorbanib"]),
                                       agent_key(["quorimab", "tace"]), "zorbanib"]


def test_placebo_added_to_a_drug_is_the_drug_arm():
    doc, sent = sentence("Patients were randomized 1:1 to quorimab/zorbanib or zorbanib/placebo.")
    assert keys(randomised_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "zorbanib"]


def test_doses_between_combined_drugs_stay_one_arm():
    doc, sent = sentence("Patients were randomly assigned (1:1) to receive either quorimab 200 mg every 2 weeks plus "
                         "felotinib 250 mg once daily or zorbanib 400 mg twice daily (8 mg or 12 mg by weight).")
    assert keys(randomised_arms(doc, sent)) == [agent_key(["quorimab", "felotinib"]), "zorbanib"]


def test_sizes_in_each_shape():
    doc, sent = sentence("We randomized 700 patients (zorbanib arm, n = 350; felotinib arm, n = 1,350).")
    assert arm_sizes(doc, sent) == {"zorbanib": 350, "felotinib": 1350}
    doc, sent = sentence("Patients received zorbanib at 10 mg (n = 301) or placebo (n = 150).")
    assert arm_sizes(doc, sent) == {"zorbanib": 301, "placebo": 150}
    doc, sent = sentence("The population included 320 patients in the zorbanib group and 160 in the placebo group.")
    assert arm_sizes(doc, sent) == {"zorbanib": 320}


def test_a_responder_fraction_is_not_an_arm_size():
    doc, sent = sentence("With zorbanib the response rate was 12% (n = 30/250).")
    assert arm_sizes(doc, sent) == {}


def test_comparisons():
    doc, sent = sentence("Quorimab plus felotinib versus zorbanib in advanced disease.")
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "felotinib"]), "zorbanib"]
    doc, sent = sentence("Zorbanib improved survival (13.1 months) compared to felotinib (12.0 months).")
    assert keys(compared_arms(doc, sent)) == ["zorbanib", "felotinib"]
    doc, sent = sentence("Zorbanib was given; felotinib was compared with nothing.")
    assert compared_arms(doc, sent) == []
