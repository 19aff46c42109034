"""The shared analysis of a document (extract/analysis.py) and the readings memoised on it per sentence."""

from __future__ import annotations

import pickle

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.prose_endpoints import anchors
from hcc_kg.model import Document
from hcc_kg.vocab import Vocabulary


def _analysed(text: str) -> AnalysedDocument:
    vocabulary = Vocabulary([])
    return AnalysedDocument(Document.from_text("invented", text), vocabulary, MentionFinder(vocabulary))


def test_a_sentence_hashes_as_its_parts_and_a_copy_in_another_process_hashes_anew():
    sent = _analysed("Zorbanib gave a median overall survival of 11.2 months. It was safe.").sentences[0]
    assert hash(sent) == hash((sent.sentence, sent.mentions)) == hash(sent)
    state = sent.__getstate__()
    assert "_hash" in sent.__dict__ and "_hash" not in state  # remembered here, not sent along
    copy = pickle.loads(pickle.dumps(sent))
    assert copy == sent and hash(copy) == hash(sent)


def test_each_reader_of_a_sentences_endpoints_gets_its_own_list():
    doc = _analysed("Zorbanib gave a median overall survival of 11.2 months and an objective response rate of 21%.")
    sent = doc.sentences[0]
    first = anchors(doc, sent)
    assert [a.endpoint for a in first] == ["os", "orr"]
    first.clear()  # a reader that edits its list
    assert [a.endpoint for a in anchors(doc, sent)] == ["os", "orr"]


def test_the_words_of_a_web_address_in_a_sentence_are_no_mentions(vocabulary, finder):
    text = ("Details of the sorafenib label were posted (https://example.org/news/agency-approves-lenvatinib-for-hcc) "
            "and at www.example.org/regorafenib.")
    doc = AnalysedDocument(Document.from_text("invented", text), vocabulary, finder)
    assert [m.surface for m in doc.sentences[0].mentions] == ["sorafenib"]


def test_the_words_of_a_web_address_in_a_table_cell_are_no_mentions(vocabulary, finder):
    text = "| Drug | Source |\n| sorafenib | https://example.org/lenvatinib-label |\n"
    doc = AnalysedDocument(Document.from_text("invented", text), vocabulary, finder)
    assert [m.surface for m in doc.mentions_in(0, len(text))] == ["sorafenib"]
