"""Tests for list-only names (Entity.listed): a symbol that is far more often an abbreviation of
something else counts as a gene only as an item of a comma list of genes (hcc_kg.extract.gene_context,
hcc_kg.extract.mentions).  Invented sentences, invented drugs and an invented vocabulary."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mechanisms import mechanism_statements
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",)),
    Entity("qrk1", "QRK1", ("Protein", "Kinase"), ("QRK",), listed=("QRK",)),
    Entity("alk", "ALK", ("Protein", "Kinase")),
    Entity("ret", "RET", ("Protein", "Kinase")),
    Entity("jnk", "JNK", ("ProteinFamily", "Kinase")),
])
FINDER = MentionFinder(VOCAB)


def keys(text: str) -> list[str]:
    return [m.key for m in FINDER.find_text(text)]


def facts(body: str) -> set[tuple[str, str]]:
    doc = AnalysedDocument(Document.from_text("d1", f"Invented notes\n{body}\n"), VOCAB, FINDER)
    return {(a.subject, a.object) for a in mechanism_statements(doc)
            if (a.evidence[0].polarity, a.evidence[0].certainty) == ("positive", "asserted")}


@pytest.mark.parametrize("text", [
    "pretend cells made more QRK after exposure",
    "QRK-mediated damage in made-up tissue",
    "the QRK/JNK pathway in toy cells",
    "QRK and RET levels in invented serum",
    "an inhibitor of QRK production",
])
def test_a_list_only_name_outside_a_comma_list_of_genes_is_no_gene(text):
    assert "qrk1" not in keys(text)


def test_a_list_only_name_inside_a_comma_list_of_genes_is_the_gene():
    assert keys("inhibits ALK, QRK and RET in pretend cells") == ["alk", "qrk1", "ret"]
    assert facts("Foonib, a multikinase inhibitor of RET, QRK, ALK, and JNK, was tried in toy mice.") == \
        {("foonib", "ret"), ("foonib", "qrk1"), ("foonib", "alk"), ("foonib", "jnk")}
