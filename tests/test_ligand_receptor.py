"""A ligand and its receptor written as one signalling pair (hcc_kg.extract.ligand_receptor), on invented
sentences: a small molecule acts on the receptor kinase, never on the growth factor; an antibody's reading of
the pair is left as it was (it might bind either)."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mechanisms import mechanism_statements
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",)),
    Entity("zelumab", "zelumab", ("MonoclonalAntibody",)),
    Entity("fgf19", "FGF19", ("Protein", "GrowthFactor"), ("FGF-19",)),
    Entity("fgfr4", "FGFR4", ("Protein", "Kinase"), ("FGFR-4",)),
    Entity("vegfc", "VEGFC", ("Protein", "GrowthFactor"), ("VEGF-C",)),
    Entity("flt4", "FLT4", ("Protein", "Kinase"), ("VEGFR3",)),
    Entity("mek", "MEK", ("ProteinFamily", "Kinase")),
    Entity("erk", "ERK", ("ProteinFamily", "Kinase")),
])
FINDER = MentionFinder(VOCAB)


def facts(body: str) -> set[tuple[str, str, str, str]]:
    """(drug, target, polarity, certainty) read from one invented paragraph."""
    doc = AnalysedDocument(Document.from_text("d1", f"Invented notes\n{body}\n"), VOCAB, FINDER)
    return {(a.subject, a.object, ev.polarity, ev.certainty) for a in mechanism_statements(doc) for ev in a.evidence}


@pytest.mark.parametrize("body", [
    "In the toy model foonib is an oral inhibitor of FGF19-FGFR4 signalling.",
    "In the toy model foonib is an oral inhibitor of FGF19/FGFR4 signaling.",
    "Foonib, an inhibitor of the FGF19–FGFR4 pathway, slowed the invented tumours.",
    "Foonib blocks the FGF19-FGFR4 axis in these pretend cells.",
    "Foonib blocks the FGFR4/FGF19 axis in these pretend cells.",
])
def test_a_small_molecule_on_a_ligand_receptor_pair_acts_on_the_receptor(body):
    assert facts(body) == {("foonib", "fgfr4", "positive", "asserted")}


def test_the_pair_s_receptor_is_found_for_another_ligand_and_kinase():
    assert facts("Foonib inhibits the VEGF-C/VEGFR3 axis in the invented line.") == \
        {("foonib", "flt4", "positive", "asserted")}


def test_a_pair_of_two_kinases_is_no_ligand_receptor_pair():
    # "MEK/ERK signalling" names a pathway's chain: neither member is read as the drug's, as before
    assert facts("Foonib inhibits MEK/ERK signalling in the invented line.") == set()


def test_an_antibody_s_reading_of_a_slash_pair_is_unchanged():
    # an antibody may bind the ligand or the receptor: the pair names the axis only
    assert facts("Zelumab blocks FGF19/FGFR4 signalling in the invented line.") == set()


def test_a_growth_factor_before_signalling_is_no_small_molecule_s_target():
    assert facts("Foonib blocks FGFR4 and FGF19 signalling in the invented line.") == \
        {("foonib", "fgfr4", "positive", "asserted")}
