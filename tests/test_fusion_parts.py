"""Receptors a fusion protein is built from (hcc_kg.extract.fusion_parts), on invented sentences."""

from __future__ import annotations

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.fusion_parts import drug_parts
from hcc_kg.extract.mechanisms import mechanism_statements
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("trapumab", "trapumab", ("Drug",)),
    Entity("zorbanib", "zorbanib", ("SmallMolecule",)),
    Entity("cd274", "PD-L1", ("Protein",)),
    Entity("tgfbr2", "TGFBR2", ("Protein",), ("TGF-beta receptor II", "TGF-betaRII")),
    Entity("tgfb1", "TGF-beta", ("Protein",)),
])
FINDER = MentionFinder(VOCAB)
TEXT = ("Bifunctional anti-PD-L1/TGF-betaRII agent trapumab in made-up tumours\n\n"
        "Trapumab is an invented fusion protein of an antibody against PD-L1 fused with the extracellular domain of "
        "TGF-beta receptor II. Zorbanib blocks TGF-beta receptor II in pretend cells.\n")


def test_the_receptor_domain_a_fusion_protein_is_built_from_is_no_target_of_it():
    doc = AnalysedDocument(Document.from_text("d", TEXT), VOCAB, FINDER)
    assert drug_parts(doc) == {"trapumab": frozenset({"tgfbr2"})}
    facts = {(a.subject, a.object) for a in mechanism_statements(doc) if a.is_fact}
    assert ("trapumab", "cd274") in facts and ("trapumab", "tgfbr2") not in facts
    assert ("zorbanib", "tgfbr2") in facts  # another drug acting on that receptor is still read


def test_without_a_fusion_the_title_s_targets_stand():
    text = TEXT.replace(" fusion protein of an antibody against PD-L1 fused with the extracellular domain of TGF-beta "
                        "receptor II", " antibody")
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    assert drug_parts(doc) == {}


def test_a_receptor_named_before_its_domain_is_a_part_too():
    doc = AnalysedDocument(Document.from_text("d", "Trapumab is an invented fusion protein made of a PD-L1 antibody and "
                                                   "the TGF-betaRII extracellular domain.\n"), VOCAB, FINDER)
    assert drug_parts(doc) == {"trapumab": frozenset({"tgfbr2"})}


def test_a_trap_fused_to_the_antibody_names_the_ligand_it_acts_on_no_part():
    doc = AnalysedDocument(Document.from_text("d", "Trapumab, an invented PD-L1 antibody fused to a TGF-beta trap, was "
                                                   "given to pretend patients.\n"), VOCAB, FINDER)
    assert drug_parts(doc) == {}
    facts = {(a.subject, a.object) for a in mechanism_statements(doc) if a.is_fact}
    assert facts == {("trapumab", "cd274"), ("trapumab", "tgfb1")}
