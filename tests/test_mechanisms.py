"""Tests for hcc_kg.extract.mechanisms (and targets): drug→target shapes, on invented sentences.

The drugs are invented (foonib, barfenib, zelumab, quxumab, bizumab); the targets are real names.
"""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mechanisms import mechanism_statements
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",), ("Foonix",)),
    Entity("barfenib", "barfenib", ("SmallMolecule",)),
    Entity("zelumab", "zelumab", ("MonoclonalAntibody",), ("Zelumax",)),
    Entity("quxumab", "quxumab", ("MonoclonalAntibody",)),
    Entity("bizumab", "bizumab", ("BispecificAntibody",)),
    Entity("vegfa", "VEGFA", ("Protein", "GrowthFactor"), ("VEGF", "vascular endothelial growth factor")),
    Entity("vegfr_family", "VEGFR family", ("ProteinFamily",),
           ("VEGFR", "VEGF receptor", "vascular endothelial growth factor receptor"), ("flt1", "kdr", "flt4")),
    Entity("flt1", "FLT1", ("Protein",), ("VEGFR1", "VEGF receptor 1")),
    Entity("kdr", "KDR", ("Protein",), ("VEGFR2", "VEGF receptor 2")),
    Entity("flt4", "FLT4", ("Protein",), ("VEGFR3", "VEGF receptor 3")),
    Entity("fgf_family", "FGF family", ("ProteinFamily", "GrowthFactor"), ("FGF", "fibroblast growth factor")),
    Entity("fgfr_family", "FGFR family", ("ProteinFamily",), ("FGFR", "FGF receptor"),
           ("fgfr1", "fgfr2", "fgfr3", "fgfr4")),
    Entity("fgfr1", "FGFR1", ("Protein",)),
    Entity("fgfr2", "FGFR2", ("Protein",)),
    Entity("fgfr3", "FGFR3", ("Protein",)),
    Entity("fgfr4", "FGFR4", ("Protein",)),
    Entity("pdgfr_family", "PDGFR family", ("ProteinFamily",), ("PDGFR", "PDGF receptor"), ("pdgfra", "pdgfrb")),
    Entity("pdgfra", "PDGFRA", ("Protein",), ("PDGFRα", "PDGFR-alpha")),
    Entity("pdgfrb", "PDGFRB", ("Protein",), ("PDGFRβ", "PDGFR-beta")),
    Entity("rtk_family", "receptor tyrosine kinase", ("ProteinFamily",), ("RTK",)),
    Entity("tki", "tyrosine kinase inhibitor", ("DrugClassTerm",), ("TKI",)),
    Entity("met", "MET", ("Protein",), ("c-MET",)),
    Entity("ret", "RET", ("Protein",)),
    Entity("kit", "KIT", ("Protein",), ("c-Kit",)),
    Entity("axl", "AXL", ("Protein",)),
    Entity("flt3", "FLT3", ("Protein",)),
    Entity("tek", "TEK", ("Protein",), ("TIE2",)),
    Entity("raf_family", "RAF family", ("ProteinFamily",), ("RAF", "Raf kinase")),
    Entity("raf1", "RAF1", ("Protein",), ("RAF-1", "c-Raf")),
    Entity("braf", "BRAF", ("Protein",)),
    Entity("top_family", "TOP", ("ProteinFamily",), ("topoisomerase",), ("top1", "top2")),
    Entity("top1", "TOP1", ("Protein",)),
    Entity("top2", "TOP2", ("Protein",)),
    Entity("pdgf_family", "PDGF family", ("ProteinFamily", "GrowthFactor"), ("PDGF", "platelet-derived growth factor")),
    Entity("pd1", "PD-1", ("Protein",), ("PDCD1", "programmed cell death protein 1")),
    Entity("pdl1", "PD-L1", ("Protein",), ("CD274",)),
    Entity("pdl2", "PD-L2", ("Protein",), ("PDCD1LG2",)),
    Entity("ctla4", "CTLA-4", ("Protein",)),
    Entity("tigit", "TIGIT", ("Protein",)),
    Entity("pvr", "PVR", ("Protein",), ("CD155",)),
    Entity("nectin2", "NECTIN2", ("Protein",), ("CD112",)),
    Entity("mapk", "MAPK pathway", ("Pathway",)),
    Entity("dll3", "DLL3", ("Protein",), ("delta-like ligand 3",)),
    Entity("dll4", "DLL4", ("Protein",)),
    Entity("cd3", "CD3", ("ProteinFamily",)),
    Entity("bcma", "TNFRSF17", ("Protein",), ("BCMA", "B cell maturation antigen")),
    Entity("her2", "ERBB2", ("Protein",), ("HER2",)),
    Entity("adc", "antibody-drug conjugate", ("DrugClassTerm",), ("ADC",)),
    Entity("alk", "ALK", ("Protein", "Kinase")),
    Entity("ros1", "ROS1", ("Protein", "Kinase")),
    Entity("atp", "ATP", ("SmallMolecule",), ("adenosine triphosphate",)),
    Entity("hgs", "HGS", ("Protein",)),
    Entity("mecr", "MECR", ("Protein",), ("ETR1",)),
    Entity("degralutide", "degralutide", ("SmallMolecule",)),
    Entity("btk", "BTK", ("Protein", "Kinase")),
    Entity("esr1", "ESR1", ("Protein",), ("estrogen receptor",)),
    Entity("ubiquitin", "ubiquitin", ("ProteinFamily",)),
    Entity("proteasome", "proteasome", ("ProteinFamily",)),
    Entity("crbn", "CRBN", ("Protein",), ("cereblon",)),
    Entity("mcl1", "MCL1", ("Protein",)),
    Entity("ms4a1", "MS4A1", ("Protein",), ("CD20",)),
    Entity("pmel", "PMEL", ("Protein",), ("gp100",)),
    Entity("adora3", "ADORA3", ("Protein",), ("A3AR",)),
])
FINDER = MentionFinder(VOCAB)


def readings(body: str, heading: str = "Invented notes") -> dict[tuple[str, str, str], tuple[str, str, str]]:
    """(drug, predicate, target) -> (extractor, polarity, certainty) for one invented paragraph."""
    doc = AnalysedDocument(Document.from_text("d1", f"{heading}\n{body}\n"), VOCAB, FINDER)
    out = {}
    for a in mechanism_statements(doc):
        [ev] = a.evidence
        out.setdefault((a.subject, a.predicate, a.object), (ev.extractor, ev.polarity, ev.certainty))
    return out


def facts(body: str, heading: str = "Invented notes") -> set[tuple[str, str]]:
    """(drug, target) pairs read as positive, asserted facts."""
    return {(s, o) for (s, _, o), (_, pol, cert) in readings(body, heading).items()
            if (pol, cert) == ("positive", "asserted")}


# --- target named before the drug ---------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("In this made-up note the PD-L1 antibody zelumab was given every third week.", {("zelumab", "pdl1")}),
    ("We gave the VEGFR2 inhibitor foonib to every invented patient.", {("foonib", "kdr")}),
    ("We gave the VEGFR2-targeted TKI foonib to every invented patient.", {("foonib", "kdr")}),
    ("An anti-PD-1 antibody zelumab was added in the second made-up cohort.", {("zelumab", "pd1")}),
    ("Our invented cohort received the anti-PD-1 antibodies zelumab and quxumab.",
     {("zelumab", "pd1"), ("quxumab", "pd1")}),
    ("In our pretend trial, the PD-1/CTLA-4 bispecific antibody bizumab was safe.",
     {("bizumab", "pd1"), ("bizumab", "ctla4")}),
    # "anti-T" said of the drug with no head noun
    ("The invented arm gave the anti-PD-L1 zelumab plus the anti-VEGF quxumab.", {("zelumab", "pdl1"), ("quxumab", "vegfa")}),
])
def test_target_head_drug(body, expected):
    assert facts(body) == expected
    assert {r[0] for r in readings(body).values()} == {"target-head-drug"}


def test_a_kinase_named_by_its_catalytic_kind_is_a_class_not_a_target():
    body = "In a fictional review the multiple-receptor tyrosine kinase inhibitor foonib was approved."
    assert facts(body) == set()
    body = "Foonib is a made-up receptor tyrosine kinase (RTK) inhibitor which potently blocks MET and AXL."
    assert facts(body) == {("foonib", "met"), ("foonib", "axl")}


# --- drug first: appositives and copulas ---------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("Zelumab, an anti-PD-1 antibody, was tested in a made-up cohort.", {("zelumab", "pd1")}),
    ("Zelumab (anti-PD-1 antibody) was tested in a made-up cohort.", {("zelumab", "pd1")}),
    ("Zelumab (anti-programmed cell death protein 1 antibody) was tested here.", {("zelumab", "pd1")}),
    ("Foonib is a MET inhibitor in our invented series.", {("foonib", "met")}),
    ("Foonib, a MET inhibitor, was well tolerated by imaginary patients.", {("foonib", "met")}),
    ("Bizumab, a tetravalent PD-1/CTLA-4 bispecific antibody, was engineered in silico.",
     {("bizumab", "pd1"), ("bizumab", "ctla4")}),
    ("Zelumab, an Fc-silenced IgG1 anti-PD-1 antibody, was made for this example.", {("zelumab", "pd1")}),
    ("Zelumab and quxumab are anti-PD-L1 antibodies in this invented list.", {("zelumab", "pdl1"), ("quxumab", "pdl1")}),
    # each target with its own "anti-"; a combination of such antibodies in one molecule
    ("Bizumab, an anti-PD-1 and anti-CTLA-4 antibody, was engineered in silico.", {("bizumab", "pd1"), ("bizumab", "ctla4")}),
    ("Bizumab, a combination of anti-PD-1 IgG4 and anti-CTLA-4 IgG1 antibodies, was made up.",
     {("bizumab", "pd1"), ("bizumab", "ctla4")}),
    # after a pair compared, an indefinite class describes the second; a definite one may name either: none read
    ("The made-up trial compared zelumab versus foonib, a MET inhibitor.", {("foonib", "met")}),
    ("The made-up study of zelumab versus foonib, the PD-1 inhibitor, met its goal.", set()),
])
def test_drug_appositive(body, expected):
    assert facts(body) == expected


# --- drug, cue, target ---------------------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("In the invented assay, foonib binds to MET.", {("foonib", "met")}),
    ("In the invented assay, foonib binds MET.", {("foonib", "met")}),
    ("Foonib blocks MET in an imaginary cell line.", {("foonib", "met")}),
    ("Foonib targets MET in an imaginary cell line.", {("foonib", "met")}),
    ("Foonib, a small-molecule inhibitor of MET, was studied in silico.", {("foonib", "met")}),
    ("Foonib is an inhibitor of multiple kinases including MET, RET and AXL.",
     {("foonib", "met"), ("foonib", "ret"), ("foonib", "axl")}),
    ("Bizumab, a bispecific antibody against PD-1 and CTLA-4, was designed for this note.",
     {("bizumab", "pd1"), ("bizumab", "ctla4")}),
    ("MET inhibition by foonib was complete in the pretend assay.", {("foonib", "met")}),
    ("Inhibition of MET by foonib was complete in the pretend assay.", {("foonib", "met")}),
    ("Binding of zelumab to PD-1 was measured in the invented assay.", {("zelumab", "pd1")}),
    ("Foonib has broad effects in mock tumours by inhibiting MAPK pathway signalling.", {("foonib", "mapk")}),
])
def test_drug_cue_target(body, expected):
    assert facts(body) == expected


def test_a_derivative_named_in_an_aside_is_not_the_subject():
    body = "Barfenib, a made-up derivative of foonib, is an oral inhibitor of MET and RET."
    assert facts(body) == {("barfenib", "met"), ("barfenib", "ret")}


def test_this_compound_far_from_any_drug_named_is_the_drug_the_title_profiles():
    body = ("\nThe mechanism\n\nCells that overexpress the pump push invented agents out. Resistance follows in made-up "
            "models. This compound binds to MET and blocks the pump in the pretend assay.")
    assert facts(body, heading="Foonib: an invented profile") == {("foonib", "met")}


def test_pronoun_subject_is_the_drug_of_the_section():
    assert facts("It is an oral inhibitor of MET and AXL in this pretend summary.", heading="Foonib") \
        == {("foonib", "met"), ("foonib", "axl")}
    assert facts("Foonib is odd in one way: besides its other roles, it also blocks MET.") == {("foonib", "met")}


@pytest.mark.parametrize("subject", ["This medicine", "The medication"])
def test_a_leaflets_this_medicine_is_the_drug_named_before(subject):
    assert facts(f"Foonib is a pretend tablet for liver cancer. {subject} blocks proteins called MET and AXL.") \
        == {("foonib", "met"), ("foonib", "axl")}


# --- long lists, series, Greek letters, receptors of ligands --------------------------------

def test_a_long_list_runs_past_any_fixed_window():
    body = ("Foonib, which our invented chemists made last year in a long and winding synthesis, is an oral "
            "inhibitor of FGFR1, 2, 3 and 4; VEGF receptors 1-3; PDGFRα/β, RET, KIT, MET, AXL, FLT3 and TIE2.")
    expected = {"fgfr1", "fgfr2", "fgfr3", "fgfr4", "flt1", "kdr", "flt4", "pdgfra", "pdgfrb",
                "ret", "kit", "met", "axl", "flt3", "tek"}
    assert facts(body) == {("foonib", t) for t in expected}


@pytest.mark.parametrize("body, expected", [
    ("Foonib is an inhibitor of FGF receptors 1\u20134 in this made-up note.", {"fgfr1", "fgfr2", "fgfr3", "fgfr4"}),
    ("Foonib is an inhibitor of PDGF receptor \u03b1 in this made-up note.", {"pdgfra"}),
    ("Foonib is an inhibitor of vascular endothelial growth factor receptor-2 here.", {"kdr"}),
    ("Foonib is an inhibitor of VEGF receptors in this made-up note.", {"vegfr_family"}),
    ("Foonib is an inhibitor of the receptors for VEGF in this made-up note.", {"vegfr_family"}),
    ("Foonib is an inhibitor of FGF receptor in this made-up note.", {"fgfr_family"}),
    # a kinase inhibitor named by the ligand of the receptor kinase
    ("Foonib, an oral VEGF tyrosine kinase inhibitor, was given in this made-up note.", {"vegfr_family"}),
    ("In this made-up note foonib is an oral VEGF-TKI.", {"vegfr_family"}),
    ("In this made-up note foonib is a VEGF and FGF TKI.", {"vegfr_family", "fgfr_family"}),
])
def test_series_greek_letters_and_receptors_of_ligands(body, expected):
    assert facts(body) == {("foonib", t) for t in expected}


def test_a_family_with_a_dose_after_it_is_not_a_series():
    assert facts("Foonib blocked FGF receptor 2 weeks after dosing in the invented model.") == {("foonib", "fgfr_family")}


# --- ligands and partners are not targets --------------------------------------------------

def test_ligands_of_the_target_are_not_targets():
    body = "In our made-up account zelumab attaches to PD-1, thereby keeping PD-1 away from its ligands PD-L1 and PD-L2."
    assert facts(body.replace("attaches to", "binds to")) == {("zelumab", "pd1")}
    body = "Zelumab binds PD-1 and so blocks the binding of its ligands PD-L1 and PD-L2 to that receptor, we invented."
    assert facts(body) == {("zelumab", "pd1")}
    body = "Quxumab binds TIGIT and prevents the interaction of TIGIT with its ligands CD112 and CD155."
    assert facts(body) == {("quxumab", "tigit")}


# --- brands ---------------------------------------------------------------------------------

def test_a_brand_in_parentheses_is_the_same_drug():
    assert readings("Foonib (Foonix) is an oral inhibitor of MET in this invented label.") == \
        {("foonib", "inhibits", "met"): ("drug-is-cue-target", "positive", "asserted")}
    assert facts("Foonix (foonib) is an oral inhibitor of MET in this invented label.") == {("foonib", "met")}


# --- negation and hedging: kept, never facts ------------------------------------------------

@pytest.mark.parametrize("body, polarity, certainty", [
    ("Foonib does not inhibit MET in the invented assay.", "negative", "asserted"),
    ("Foonib did not bind MET in the invented assay.", "negative", "asserted"),
    ("Foonib lacks activity against MET in the invented assay.", "negative", "asserted"),
    ("Foonib may inhibit MET in the invented assay.", "positive", "hedged"),
    ("Foonib is being developed as a MET inhibitor by an imaginary company.", "positive", "hedged"),
    ("Foonib is not a MET inhibitor in our invented notes.", "negative", "asserted"),
])
def test_negated_and_hedged_statements_are_yielded_with_their_reading(body, polarity, certainty):
    [(key, (_, pol, cert))] = readings(body).items()
    assert key[0] == "foonib" and key[2] == "met"
    assert (pol, cert) == (polarity, certainty)


def test_but_not_keeps_the_first_target_and_negates_the_second():
    found = readings("Foonib inhibits MET but not RET in the invented panel.")
    assert found[("foonib", "inhibits", "met")][1:] == ("positive", "asserted")
    assert found[("foonib", "inhibits", "ret")][1] == "negative"


# --- no statement: precision --------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Patients treated with foonib showed lower MET expression in this invented study.",
    "Foonib was compared with anti-PD-1 therapy in a made-up trial.",
    "Foonib improved survival, whereas anti-PD-1 antibodies did not in the pretend trial.",
    "Foonib plus an anti-PD-1 antibody was given to imaginary patients.",
    "Foonib outperformed anti-PD-1 antibodies in this fictional comparison.",
    "Zelumab improved survival in PD-L1 positive invented patients.",
    "After the combination of CTLA-4 and PD-1 antibodies, zelumab was given to mock patients.",
])
def test_no_target_without_a_shape_that_says_so(body):
    assert readings(body) == {}


# --- such as ------------------------------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("Anti-CTLA-4 antibodies such as zelumab and quxumab were used in invented trials.",
     {("zelumab", "ctla4"), ("quxumab", "ctla4")}),
    ("Inhibitors of MET, such as foonib, were tried in a pretend trial.", {("foonib", "met")}),
    ("MET inhibitors (e.g., foonib and barfenib) were tried in a pretend trial.",
     {("foonib", "met"), ("barfenib", "met")}),
])
def test_target_such_as_drug(body, expected):
    assert facts(body) == expected


def test_the_clause_around_a_noun_phrase_does_not_hedge_or_negate_it():
    assert facts("Zelumab (an anti-PD-1 antibody) showed preliminary activity in made-up patients.") \
        == {("zelumab", "pd1")}
    assert facts("We did not give the MET inhibitor foonib to any imaginary patient.") == {("foonib", "met")}


@pytest.mark.parametrize("body", [
    "Foonib inhibited the growth of MET-amplified tumours in the invented model.",
    "Zelumab improved survival in patients with high PD-L1 expression in this made-up study.",
    "Zelumab blocks PD-L1 binding to PD-1 and CTLA-4 in the invented assay.",
    "Quxumab blocks the PD-1/PD-L1 axis in this made-up review.",
])
def test_targets_as_modifiers_partners_and_axes_are_not_targets(body):
    found = facts(body)
    assert not any(t in ("met", "pd1", "ctla4") for _, t in found) and ("quxumab", "pdl1") not in found


def test_a_slash_pair_is_two_targets_of_a_dual_drug():
    assert facts("Foonib, a dual MET/AXL inhibitor, was made for this note.") == {("foonib", "met"), ("foonib", "axl")}
    assert facts("Zelumab, a PD-1/PD-L1 inhibitor, was made for this note.") == set()


def test_a_relative_clause_speaks_of_the_drug_it_follows():
    assert facts("Foonib gave a higher response rate than barfenib, which inhibits MET.") == {("barfenib", "met")}


def test_a_target_described_by_a_participle_is_still_the_target():
    assert facts("Quxumab binds to TIGIT expressed on invented T cells.") == {("quxumab", "tigit")}


@pytest.mark.parametrize("body, expected", [
    ("Unlike barfenib, foonib inhibits MET in the invented panel.", {("foonib", "met")}),
    ("Foonib, like barfenib, targets MET in the invented panel.", {("foonib", "met")}),
    ("Combined MET and RET blockade with foonib and barfenib was tried in mice we imagined.", set()),
    ("Foonib is a potent and selective inhibitor of MET in our pretend assay.", {("foonib", "met")}),
    ("Zelumab is a selective, high-affinity IgG1 mAb that blocks PD-L1 in this made-up summary.",
     {("zelumab", "pdl1")}),
    ("Foonib blocks kinases involved in angiogenesis (VEGFR1-3), invasion (MET) and survival (RAF) here.",
     {("foonib", t) for t in ("flt1", "kdr", "flt4", "met", "raf_family")}),
])
def test_subjects_coordination_and_bracketed_sub_lists(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body", [
    "Bizumab, a PD-1/CTLA-4 BsAb, was given in this made-up note.",
    "In this made-up note bizumab is a tetravalent PD-1/CTLA-4 bsAb.",
])
def test_a_bispecific_antibody_by_its_short_form_names_its_two_targets(body):
    assert facts(body) == {("bizumab", "pd1"), ("bizumab", "ctla4")}


@pytest.mark.parametrize("body", [
    "Both zelumab and quxumab are invented antibodies that target PD-1 and CTLA-4 receptors (respectively).",
    "Zelumab and quxumab are made-up antibodies that target PD-1 and CTLA-4 (respectively).",
])
def test_respectively_in_parentheses_pairs_them_too(body):
    assert facts(body) == {("zelumab", "pd1"), ("quxumab", "ctla4")}


def test_respectively_pairs_drugs_and_targets_in_order():
    assert facts("Foonib and barfenib inhibit MET and RET, respectively, in the invented panel.") \
        == {("foonib", "met"), ("barfenib", "ret")}
    assert facts("Foonib and barfenib inhibit MET, RET and AXL, respectively, in the invented panel.") == set()
    # the drugs of an opening phrase are not listed with the subject after its comma
    assert facts("Upon administration of foonib/barfenib, foonib and barfenib bind to MET and RET, respectively.") \
        == {("foonib", "met"), ("barfenib", "ret")}


@pytest.mark.parametrize("body", [
    "After dosing, foonib and barfenib bind to MET and RET expressed on invented tumour cells (ITCs), respectively.",
    "Foonib and barfenib inhibit MET and RET found in the pretend xenografts, respectively.",
])
def test_respectively_after_a_phrase_placing_the_targets_still_pairs_them_in_order(body):
    assert facts(body) == {("foonib", "met"), ("barfenib", "ret")}


@pytest.mark.parametrize("body, expected", [
    ("Our invented patients had received barfenib, a multikinase inhibitor targeting MET.", {("barfenib", "met")}),
    ("Foonib inhibited VEGF-induced growth of made-up endothelial cells.", set()),
    ("Zelumab blocks the interaction between PD-L1 and PD-1 in this pretend model.", set()),
    ("Foonib inhibits MET more potently than barfenib in the invented panel.", {("foonib", "met")}),
])
def test_participles_induced_modifiers_and_interactions(body, expected):
    assert facts(body) == expected


# --- generalisation round: shapes met in drug profiles, labels and reviews ----------------

@pytest.mark.parametrize("body, expected", [
    # a name, its abbreviation, then "receptors" or a series
    ("Foonib potently inhibits vascular endothelial growth factor (VEGF) receptors in an invented assay.",
     {("foonib", "vegfr_family")}),
    ("Barfenib blocks Vascular Endothelial Growth Factor Receptor (VEGFR) 2-3 in made-up cells.",
     {("barfenib", "kdr"), ("barfenib", "flt4")}),
    # a family word only introducing its members
    ("Foonib inhibits the VEGF receptors VEGFR1, VEGFR2 and VEGFR3 in this invented note.",
     {("foonib", "flt1"), ("foonib", "kdr"), ("foonib", "flt4")}),
    ("Foonib inhibits the FGF receptor family (FGFR1-4) in a pretend panel.",
     {("foonib", "fgfr1"), ("foonib", "fgfr2"), ("foonib", "fgfr3"), ("foonib", "fgfr4")}),
    # series repeating the hyphen, or commas only
    ("Foonib blocks VEGFR-1, -2 and -3 in an invented screen.", {("foonib", "flt1"), ("foonib", "kdr"), ("foonib", "flt4")}),
    ("Barfenib inhibits VEGFR-1,2,3 in a made-up panel.", {("barfenib", "flt1"), ("barfenib", "kdr"), ("barfenib", "flt4")}),
    # "VEGF and FGF receptors": the receptor of each ligand
    ("Foonib targets both VEGF and FGF receptors.", {("foonib", "vegfr_family"), ("foonib", "fgfr_family")}),
    # list items after a state word, an unknown symbol, a semicolon and "the"
    ("Foonib acts as a direct blocker of wild-type BRAF, RAF-1 and the mutant G469A BRAF in a made-up assay.",
     {("foonib", "raf1"), ("foonib", "braf")}),
    ("Foonib inhibits RET, ZORK1, AXL and MET.", {("foonib", "ret"), ("foonib", "axl"), ("foonib", "met")}),
    ("Foonib inhibits FGFR2; the PDGF receptor PDGFRα; RET; and KIT.",
     {("foonib", "fgfr2"), ("foonib", "pdgfra"), ("foonib", "kit"), ("foonib", "ret")}),
    ("Foonib inhibits PDGFRα, tyrosine-kinase receptor (KIT) and invented transfection receptor (RET).",
     {("foonib", "pdgfra"), ("foonib", "kit"), ("foonib", "ret")}),
])
def test_target_units_and_lists_from_real_shapes(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib is an invented kinase inhibitor with activity against a wide panel of kinases, including MET, AXL and RET.",
     {("foonib", "met"), ("foonib", "axl"), ("foonib", "ret")}),
    ("Foonib, a made-up compound, has strong activity toward MET.", {("foonib", "met")}),
    ("In our made-up panel foonib showed a strong, selective inhibitory profile against VEGF receptors 2 and 3.",
     {("foonib", "kdr"), ("foonib", "flt4")}),
    ("Foonib targets three invented drivers of growth: MET, AXL and RET.",
     {("foonib", "met"), ("foonib", "axl"), ("foonib", "ret")}),
    ("Foonib inhibits MET and KDR, as well as several other kinases implicated in invented models, including RET and AXL.",
     {("foonib", "met"), ("foonib", "kdr"), ("foonib", "ret"), ("foonib", "axl")}),
    ("We summarise the story of barfenib, a multikinase inhibitor that targets RET.", {("barfenib", "ret")}),
    ("Zelumab and quxumab are invented antibodies engineered to bind CTLA-4.", {("zelumab", "ctla4"), ("quxumab", "ctla4")}),
    ("Zelumab (an invented code): a humanized antibody that targets TIGIT.", {("zelumab", "tigit")}),
    ("Treatment with foonib inhibited MET in the invented xenograft.", {("foonib", "met")}),
    ("Besides KDR and MET, foonib blocks RET in this made-up note.",
     {("foonib", "kdr"), ("foonib", "met"), ("foonib", "ret")}),
    ("Made-up anti-VEGFR agents (TKIs), such as foonib and barfenib, were tested.",
     {("foonib", "vegfr_family"), ("barfenib", "vegfr_family")}),
    ("When given with an anti-PD-L1 agent, zelumab helped in this made-up model.", set()),
])
def test_drug_shapes_from_real_texts(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, target, polarity, certainty", [
    ("Treatment with foonib did not inhibit MET in the invented xenograft.", "met", "negative", "asserted"),
    ("Barfenib, a multikinase inhibitor that does not target RET, was studied.", "ret", "negative", "asserted"),
    ("Foonib showed no activity against AXL in the invented panel.", "axl", "negative", "asserted"),
    ("Foonib may have activity against AXL.", "axl", "positive", "hedged"),
    ("In addition to KDR and MET, foonib may inhibit RET.", "kdr", "positive", "hedged"),
    ("Foonib selectively inhibits MET but spares KDR.", "kdr", "negative", "asserted"),
    ("Foonib is thought to inhibit MET in the invented model.", "met", "positive", "hedged"),
])
def test_new_shapes_keep_negation_and_hedging(body, target, polarity, certainty):
    found = {(s, o): (pol, cert) for (s, _, o), (_, pol, cert) in readings(body).items()}
    drug = "barfenib" if body.startswith("Barfenib") else "foonib"
    assert found[(drug, target)] == (polarity, certainty)


@pytest.mark.parametrize("body, expected", [
    # a member named in full, then its symbol: the member, not the family
    ("Foonib is an inhibitor of vascular endothelial growth factor receptor 2 (VEGFR2).", {("foonib", "kdr")}),
    ("Foonib inhibits KDR and VEGF-like factors in the invented assay.", {("foonib", "kdr")}),
    ("Foonib has activity against several kinases, including KDR, tyrosine kinase with invented domains 2 (TIE2), and RET.",
     {("foonib", "kdr"), ("foonib", "tek"), ("foonib", "ret")}),
    ("Foonib was invented for this note. Furthermore, the drug has the ability to block MET, KIT and mutant BRAF in made-up cells.",
     {("foonib", "met"), ("foonib", "kit"), ("foonib", "braf")}),
    ("Foonib was invented. This agent is a made-up inhibitor that is active against two vascular receptor tyrosine "
     "kinases (RTKs; VEGFR1, VEGFR2), two oncogenic RTKs (KIT, RET), and cytoplasmic kinases (RAF-1, BRAF).",
     {("foonib", "flt1"), ("foonib", "kdr"), ("foonib", "kit"), ("foonib", "ret"), ("foonib", "raf1"), ("foonib", "braf")}),
    ("Foonib is an inhibitor of PDGF receptors subunit beta (PDGFRβ) and FGFR1.", {("foonib", "pdgfrb"), ("foonib", "fgfr1")}),
    ("Foonib, an invented covalent pan-FGFR antagonist, was studied.", {("foonib", "fgfr_family")}),
    ("Foonib is a topoisomerase I inhibitor in this invented note.", {("foonib", "top1")}),
    # "(VEGF)R2": the ligand's abbreviation with "R2" glued on is the receptor
    ("Foonib is a made-up inhibitor targeting vascular endothelial growth factor (VEGF)R2.", {("foonib", "kdr")}),
    # a code name the vocabulary does not know keeps a list of drugs going
    ("Foonib, XY-1234 and barfenib are FGFR1/2 inhibitors.",
     {("foonib", "fgfr1"), ("foonib", "fgfr2"), ("barfenib", "fgfr1"), ("barfenib", "fgfr2")}),
    # a part of the drug acting for it; "specific for" after "comprised of"
    ("The antibody moiety of zelumab selectively binds to TIGIT.", {("zelumab", "tigit")}),
    ("Zelumab (ZB), a made-up conjugate comprised of a humanized antibody specific for TIGIT, was tested.",
     {("zelumab", "tigit")}),
    # "VEGF-9" is a name the vocabulary knows only in part: neither VEGF nor a list breaker
    ("Foonib inhibits VEGF-9, MET and AXL in the invented panel.", {("foonib", "met"), ("foonib", "axl")}),
    # a salt form before the alias parenthesis; a second "which is a" noun phrase
    ("Foonib hydrochloride (foonib; formerly XY-12) is a potent pan-VEGF receptor inhibitor.", {("foonib", "vegfr_family")}),
    ("Foonib is a novel TKI, which is a potent inhibitor of MET.", {("foonib", "met")}),
])
def test_second_round_shapes(body, expected):
    assert facts(body) == expected


def test_the_drug_as_subject_keeps_negation():
    body = "Foonib was invented for this note. Moreover, the drug lacks activity against KIT."
    found = {(s, o): (pol, cert) for (s, _, o), (_, pol, cert) in readings(body).items()}
    assert found[("foonib", "kit")] == ("negative", "asserted")


# --- blind-first round: shapes from review abstracts and drug pages --------------------------

@pytest.mark.parametrize("body, expected", [
    # the activity a drug inhibits is the activity of the targets it is associated with
    ("Foonib inhibits the tyrosine kinase activity associated with MET, RET and AXL in this invented screen.",
     {("foonib", "met"), ("foonib", "ret"), ("foonib", "axl")}),
    # an object relative clause: the list after "are" / "include" is what the drug inhibits
    ("The kinases that foonib inhibits are MET, RET and AXL in our made-up panel.",
     {("foonib", "met"), ("foonib", "ret"), ("foonib", "axl")}),
    ("Receptors targeted by foonib include MET and AXL in this fictional summary.", {("foonib", "met"), ("foonib", "axl")}),
    ("The doses that foonib needs are MET-dependent in this invented note.", set()),
    # members named in a parenthesis after the family
    ("Foonib is an inhibitor of FGF receptor (isoforms 1 2 and 3) in this pretend profile.",
     {("foonib", "fgfr1"), ("foonib", "fgfr2"), ("foonib", "fgfr3")}),
    # a ligand's name written with its receptor's symbol means the receptor, and its series follows
    ("Foonib inhibits platelet-derived growth factor (PDGFR) α and β and FLT3 in the made-up assay.",
     {("foonib", "pdgfra"), ("foonib", "pdgfrb"), ("foonib", "flt3")}),
    # "was found as a ... inhibitor"; "pan-A and pan-B inhibitor"
    ("In a fictional screen foonib was found as a pan-VEGFR and pan-PDGFR inhibitor.",
     {("foonib", "vegfr_family"), ("foonib", "pdgfr_family")}),
])
def test_review_abstract_shapes(body, expected):
    assert facts(body) == expected


def test_ligands_before_signalling_name_pathways_for_a_small_molecule_not_for_an_antibody():
    assert facts("Foonib is an inhibitor of VEGF, FGF and PDGF signalling in this invented model.") == set()
    assert facts("Foonib is an inhibitor of VEGF, FGF and PDGF receptors in this invented model.") == \
        {("foonib", "vegfr_family"), ("foonib", "fgfr_family"), ("foonib", "pdgfr_family")}
    assert facts("Zelumab neutralises VEGF signalling in an imaginary mouse.") == {("zelumab", "vegfa")}


@pytest.mark.parametrize("body, expected", [
    # a symbol's spelled-out name in parentheses stays with it; a weaker member is still a member
    ("Foonib is a TKI that works by blocking RET (rearranged during transfection), MET and to a lesser extent AXL.",
     {("foonib", "ret"), ("foonib", "met"), ("foonib", "axl")}),
    ("Foonib targets MET, RET, and at higher concentrations, the AXL kinase in this invented profile.",
     {("foonib", "met"), ("foonib", "ret"), ("foonib", "axl")}),
    # a full name the vocabulary lacks, then the symbol it knows
    ("Foonib targets the made-up during transfection receptor (RET) and MET in this toy text.",
     {("foonib", "ret"), ("foonib", "met")}),
    # the nearest cue ("binding") has no subject; the verb before it does
    ("Zelumab, a humanised antibody, blocks the binding site of PD-1 in this invented text.", {("zelumab", "pd1")}),
    ("Zelumab, a type of PD-1 antibodies made up for this test, was well tolerated.", {("zelumab", "pd1")}),
    # a class head with its members in parentheses; a parenthesis item has no appositive after ")"
    ("Practice centres on anti-CTLA-4 antibodies (zelumab, quxumab), anti-PD-1 antibodies (bizumab) in this pretend review.",
     {("zelumab", "ctla4"), ("quxumab", "ctla4"), ("bizumab", "pd1")}),
    # a fronted appositive
    ("A selective inhibitor of the RET kinase, foonib was approved in this fictional country.", {("foonib", "ret")}),
])
def test_review_abstract_shapes_second_batch(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a salt form is the drug; categories with their members in "(i.e., ...)" and "(e.g., ...)"
    ("Foonib malate is an oral TKI that targets both angiogenic pathways (i.e., VEGFR and PDGFR) and direct "
     "oncogenic pathways (e.g., KIT and FLT3) in this invented review.",
     {("foonib", "vegfr_family"), ("foonib", "pdgfr_family"), ("foonib", "kit"), ("foonib", "flt3")}),
    # "a TKI with a wide range of kinase inhibition, including ..."
    ("Foonib is a TKI with a wide range of kinase inhibition, including KIT, MET and FLT3.",
     {("foonib", "kit"), ("foonib", "met"), ("foonib", "flt3")}),
    # a small molecule does not act on a ligand, even when a loose list names one
    ("Foonib is a TKI with activity against KIT, VEGF and FLT3 in this made-up note.", {("foonib", "kit"), ("foonib", "flt3")}),
])
def test_review_abstract_shapes_third_batch(body, expected):
    assert facts(body) == expected


def test_a_definition_takes_its_subject_from_the_title_or_heading():
    body = "Definition: An inhibitor of multiple kinases (TK) such as: MET, RET and AXL."
    assert facts(body, heading="Foonib") == {("foonib", "met"), ("foonib", "ret"), ("foonib", "axl")}
    assert facts("An inhibitor of MET and AXL made up for this test.", heading="Foonib") == {("foonib", "met"), ("foonib", "axl")}
    # two drugs in the heading: whose definition is it?
    assert facts(body, heading="Foonib and barfenib") == set()


def test_a_target_named_as_another_ones_ligand_is_not_the_target():
    body = "A humanised monoclonal antibody directed against the PD-1 ligand 1 (PD-L1; B7-H1), made up here."
    assert facts(body, heading="Zelumab") == {("zelumab", "pdl1")}


def test_a_possessive_before_a_parenthesis_names_a_partner_not_a_spelled_out_target():
    body = "Zelumab binds PD-L1, thereby blocking its receptor (PD-1) in this invented text."
    assert facts(body) == {("zelumab", "pdl1")}


@pytest.mark.parametrize("body, expected", [
    # "work as" is a copula: "A and B work as inhibitors targeting T"
    ("Zelumab and quxumab work as checkpoint inhibitors targeting PD-1 in this invented note.",
     {("zelumab", "pd1"), ("quxumab", "pd1")}),
    # an appositive whose full name the vocabulary lacks, written with parentheses, then the known symbol
    ("Foonib, a poly(made-up) receptor kinase (MET) inhibitor, was tested in silico.", {("foonib", "met")}),
])
def test_review_abstract_shapes_fourth_batch(body, expected):
    assert facts(body) == expected


def test_a_parenthesis_crossing_two_targets_names_a_bispecifics_arms():
    assert facts("Bizumab (PD-1 × CTLA-4) is a made-up bispecific in this note.") == {("bizumab", "pd1"), ("bizumab", "ctla4")}
    assert facts("Bizumab (PD-1 x CTLA-4) is a made-up bispecific in this note.") == {("bizumab", "pd1"), ("bizumab", "ctla4")}
    # a parenthesis with one target and no head says nothing of the drug's action
    assert facts("Foonib (MET) was dosed in this invented note.") == set()


@pytest.mark.parametrize("body, expected", [
    # a cellular prefix is part of the symbol; an unknown variant after "/" is still a list item
    ("Foonib was shown to inhibit multiple intracellular (c-RAF-1, BRAF) and surface kinases (KIT, RET, RET/XYZ, FLT3).",
     {("foonib", "raf1"), ("foonib", "braf"), ("foonib", "kit"), ("foonib", "ret"), ("foonib", "flt3")}),
    # the same drug named again by its code inside an appositive is no second subject
    ("Foonib (Foonix), a novel urea foonib, is an oral inhibitor with activity against RAF and several receptor "
     "tyrosine kinases, including KIT and FLT3.",
     {("foonib", "raf_family"), ("foonib", "kit"), ("foonib", "flt3")}),
    # "the mechanism of action of X targets T"
    ("The mechanism of action of foonib targets KIT, RET and PDGFR in this toy text.",
     {("foonib", "kit"), ("foonib", "ret"), ("foonib", "pdgfr_family")}),
    # a second category of the same object, and a Greek letter the name did not take in
    ("Foonib inhibits RAF kinases and receptor tyrosine kinases (VEGF receptors 1, 2, 3 and PDGFR-beta, FLT3 and KIT).",
     {("foonib", "raf_family"), ("foonib", "flt1"), ("foonib", "kdr"), ("foonib", "flt4"), ("foonib", "pdgfrb"),
      ("foonib", "flt3"), ("foonib", "kit")}),
    # "X is among N inhibitors of T"
    ("Foonib is among 17 inhibitors of VEGFR2 in made-up clinical testing.", {("foonib", "kdr")}),
    # a possessive clause after "and" brings in the target's partner, not more targets
    ("Zelumab binds to PD-L1 and so prevents both its binding to and the activation of its receptor (PD-1) in this note.",
     {("zelumab", "pdl1")}),
])
def test_review_abstract_shapes_sixth_batch(body, expected):
    assert facts(body) == expected


# --- means phrases, "directed against", "acts on" --------------------------------------------

@pytest.mark.parametrize("body, expected", [
    # a nominal verb after a preposition of means keeps the clause's subject
    ("Foonib works in this invented note through inhibition of RAF-1, BRAF and VEGFR2.",
     {("foonib", "raf1"), ("foonib", "braf"), ("foonib", "kdr")}),
    ("Foonib slows made-up tumours via the blockade of MET.", {("foonib", "met")}),
    # a by-gerund after the object of the subject's own verb: the object does not end the statement
    ("Foonib dampens the MAPK pathway in mice by targeting FGFR4 and KIT.", {("foonib", "fgfr4"), ("foonib", "kit")}),
    ("Zelumab is directed against CTLA-4 in this toy example.", {("zelumab", "ctla4")}),
    ("Foonib acts on several kinases, including RET and AXL, in our invented assay.",
     {("foonib", "ret"), ("foonib", "axl")}),
])
def test_means_phrases_and_directed_verbs(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body", [
    # a nominal with no preposition of means is no statement about the drug
    "Foonib was given before the inhibition of MET was measured in the toy cohort.",
    # the means phrase belongs to another clause's subject
    "Foonib was compared with quxumab, which improves outcomes by targeting CTLA-4.",
])
def test_means_phrases_need_their_own_subject(body):
    assert ("foonib", "met") not in facts(body) and ("foonib", "ctla4") not in facts(body)


def test_a_means_phrase_keeps_negation():
    [(_, polarity, _)] = [v for k, v in readings("Foonib did not act through inhibition of MET here.").items()
                          if k[2] == "met"]
    assert polarity == "negative"


@pytest.mark.parametrize("body, expected", [
    # how it binds is no part of what it binds
    ("Zelumab binds with high affinity to the PD-1 receptor in this invented assay.", {("zelumab", "pd1")}),
    ("Zelumab is an antibody that blocks the interaction between PD-1 and its two ligands PD-L1 and PD-L2 here.",
     {("zelumab", "pd1")}),
    # an appositive before "with activity against"
    ("Foonib, a made-up kinase inhibitor with activity against RAF and VEGFR2, was dosed daily.",
     {("foonib", "raf_family"), ("foonib", "kdr")}),
    ("Foonib is an oral TKI highly selective for VEGFR2 in this toy text.", {("foonib", "kdr")}),
    # a class named by its target, then its members in parentheses
    ("Inhibitors targeting PD-1 (zelumab, quxumab) are invented here.", {("zelumab", "pd1"), ("quxumab", "pd1")}),
])
def test_how_it_acts_appositive_activity_and_listed_members(body, expected):
    assert facts(body) == expected


def test_a_parenthesis_after_a_class_needs_nothing_but_drugs():
    assert facts("Inhibitors targeting PD-1 (zelumab and 12 other agents) are invented here.") == set()


def test_an_interaction_between_two_targets_names_neither_without_a_possessive():
    assert facts("Zelumab blocks the interaction between PD-L1 and PD-1 in this pretend model.") == set()
    assert facts("Zelumab blocks the interaction of PD-1 with its ligands in this pretend model.") == {("zelumab", "pd1")}


@pytest.mark.parametrize("body, expected", [
    ("Upon dosing, foonib specifically binds to and inhibits FGFR4 in this invented note.", {("foonib", "fgfr4")}),
    ("Foonib selectively targets and inhibits VEGF receptor 2 in our toy model.", {("foonib", "kdr")}),
])
def test_two_coordinated_verbs_share_their_object(body, expected):
    assert facts(body) == expected


def test_coordinated_verbs_keep_negation():
    [(_, polarity, _)] = [v for k, v in readings("Foonib does not bind to and inhibit FGFR4 here.").items()
                          if k[2] == "fgfr4"]
    assert polarity == "negative"


@pytest.mark.parametrize("body, expected", [
    # a brand, then the one generic in parentheses: what follows speaks of that drug
    ("Foonix (foonib) is a MET inhibitor in this invented label.", {("foonib", "met")}),
    ("Zelumab is an antibody designed to bind with a protein called PD-L1 in this toy text.", {("zelumab", "pdl1")}),
    ("Zelumab injection is a PD-1 inhibitor made up for this test.", {("zelumab", "pd1")}),
])
def test_label_and_news_shapes(body, expected):
    assert facts(body) == expected


def test_a_parenthesis_listing_drugs_still_closes_the_class_it_follows():
    body = "Anti-PD-1 antibodies (zelumab, quxumab), anti-CTLA-4 antibodies and others were listed."
    assert ("quxumab", "ctla4") not in facts(body)


@pytest.mark.parametrize("body, expected", [
    ("Foonib's targets include MET, AXL and VEGFR2 in this invented profile.",
     {("foonib", "met"), ("foonib", "axl"), ("foonib", "kdr")}),
    ("The main targets of barfenib are VEGFR1 and TIE2 in this toy profile.", {("barfenib", "flt1"), ("barfenib", "tek")}),
    ("Zelumab's mechanism of action is blockade of PD-1 in this made-up label.", {("zelumab", "pd1")}),
    ("Foonib is a pretend small molecule that slows angiogenesis; its targets include RAF and VEGFR2.",
     {("foonib", "raf_family"), ("foonib", "kdr")}),
])
def test_a_drugs_targets_named_as_the_subject_of_include_or_are(body, expected):
    assert facts(body) == expected


def test_its_targets_need_one_drug_to_stand_for():
    assert facts("Foonib was compared with barfenib; its targets include FGFR4 in this toy text.") == set()


@pytest.mark.parametrize("body, expected", [
    ("Zelumab plus quxumab, which target PD-1 and CTLA-4, respectively, were invented.",
     {("zelumab", "pd1"), ("quxumab", "ctla4")}),
    ("Zelumab + quxumab, which block PD-L1 and CTLA-4 respectively, is a made-up regimen.",
     {("zelumab", "pdl1"), ("quxumab", "ctla4")}),
])
def test_respectively_pairs_the_drugs_of_a_combination_in_order(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib, which unlike barfenib inhibits FGFR4, was invented.", {("foonib", "fgfr4")}),
    ("Foonib, but not barfenib, inhibits RAF in this pretend assay.", {("foonib", "raf_family")}),
    ("The study drug, foonib, is an FGFR4 inhibitor in this made-up trial.", {("foonib", "fgfr4")}),
    ("Zelumab\u2014an anti-PD-1 antibody\u2014was compared with foonib in the toy trial.", {("zelumab", "pd1")}),
    ("Zelumab \u2013 an anti-PD-1 antibody \u2013 was compared with foonib in the toy trial.", {("zelumab", "pd1")}),
])
def test_asides_around_the_subject(body, expected):
    assert facts(body) == expected


def test_a_drug_set_off_after_a_preposition_is_not_the_subject_of_is():
    assert facts("A derivative of barfenib, is a VEGFR inhibitor in this invented text.") == set()


@pytest.mark.parametrize("body, expected", [
    ("Foonib, a multitargeted TKI against VEGFR2 and PDGFR, was invented.", {("foonib", "kdr"), ("foonib", "pdgfr_family")}),
    ("Zelumab is a blocker against PD-1 in this pretend label.", {("zelumab", "pd1")}),
])
def test_a_class_noun_against_a_target_names_the_drugs_action(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a chain of members before "pathway"/"signalling" names a pathway, not targets of the drug
    ("Foonib inhibits the MET/AXL/KIT pathway in this invented model.", set()),
    ("Foonib blocks MET/AXL signalling in this invented model.", set()),
    ("Foonib inhibits MET/AXL and KIT in this invented model.", {("foonib", "met"), ("foonib", "axl"), ("foonib", "kit")}),
])
def test_a_chain_of_members_before_pathway_names_the_pathway(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib inhibits the MAPK pathway and VEGFR2 in this invented model.", {("foonib", "mapk"), ("foonib", "kdr")}),
    ("Barfenib blocks VEGFR kinases and TIE2 in the pretend assay.", {("barfenib", "vegfr_family"), ("barfenib", "tek")}),
    ("Foonib inhibits the MAPK pathway as well as MET in the toy model.", {("foonib", "mapk"), ("foonib", "met")}),
])
def test_the_head_noun_of_one_object_then_and_the_next(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib potently and selectively inhibits VEGFR2 in this invented assay.", {("foonib", "kdr")}),
    ("Foonib treatment inhibited FGFR4 in the pretend tumours.", {("foonib", "fgfr4")}),
    ("Foonib targets MET, a receptor tyrosine kinase, and VEGFR2 in this toy model.", {("foonib", "met"), ("foonib", "kdr")}),
])
def test_words_between_the_subject_its_verb_and_its_objects(body, expected):
    assert facts(body) == expected


def test_an_alias_set_off_by_commas_is_the_same_drug():
    assert facts("Foonib, also known as Foonix, is a VEGFR2 inhibitor in this invented profile.") == {("foonib", "kdr")}


@pytest.mark.parametrize("body, expected", [
    ("Zelumab and quxumab, both anti-PD-L1 antibodies, were invented for this test.", {("zelumab", "pdl1"), ("quxumab", "pdl1")}),
    ("Foonib exhibits potent inhibition of RAF-1 and VEGFR2 in the toy assay.", {("foonib", "raf1"), ("foonib", "kdr")}),
    ("Foonib led to inhibition of VEGFR2 signalling in the toy assay.", set()),
    # how the inhibition is qualified does not matter
    ("Foonib shows balanced inhibition of MET, TIE2 (TEK) and VEGFR2 (KDR) kinases in a pretend screen.",
     {("foonib", "met"), ("foonib", "tek"), ("foonib", "kdr")}),
    ("Foonib is an invented agent with irreversible inhibition of FGFR4.", {("foonib", "fgfr4")}),
    ("There was direct inhibition of MET in the toy cells given foonib.", set()),
])
def test_a_plural_appositive_and_an_inhibition_the_subject_shows(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    # coordinated predicates share their subject
    ("In a made-up assay foonib reduced the phosphorylation of ERK and additionally inhibited KIT.", {("foonib", "kit")}),
    ("Foonib, which differs from barfenib by one atom, slowed growth and also blocked FLT3.", {("foonib", "flt3")}),
    ("Foonib inhibited KIT and was also potent against wild-type and V600E-mutant BRAF.",
     {("foonib", "kit"), ("foonib", "braf")}),
    # binding-assay verbs, and a second object introduced by "with ... activity on"
    ("In our invented panel foonib bound KIT and FLT3 with high affinity.", {("foonib", "kit"), ("foonib", "flt3")}),
    ("Foonib bound KIT with the highest affinity, with weaker activity on FLT3.", {("foonib", "kit"), ("foonib", "flt3")}),
    ("Zelumab and quxumab engage PD-L1 on invented tumour cells.", {("zelumab", "pdl1"), ("quxumab", "pdl1")}),
    # each item's measured value in brackets does not end the list
    ("In made-up assays foonib inhibited KIT (IC50 4 nM), FLT3 (12 nM) and RET (Kd 30 nM).",
     {("foonib", "kit"), ("foonib", "flt3"), ("foonib", "ret")}),
])
def test_coordinated_predicates_binding_verbs_and_measured_lists(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body", [
    "Foonib was given with barfenib and inhibited KIT.",              # the nearer drug is governed by "with"
    "Tumours exposed to foonib shrank and VEGFR2 was inhibited.",     # no verb of foonib's acts on VEGFR2
    "Foonib failed to improve survival and did not inhibit KIT.",     # the second predicate is negated
])
def test_coordinated_predicates_need_their_subject_alone_and_positive(body):
    assert facts(body) == set()


@pytest.mark.parametrize("body, expected", [
    # a glossary's "Term - definition" (a typed hyphen for a dash), and its plural
    ("Foonib - An oral inhibitor of KIT and RET.", {("foonib", "kit"), ("foonib", "ret")}),
    ("Zelumab and quxumab - Antibodies that block PD-1.", {("zelumab", "pd1"), ("quxumab", "pd1")}),
    # a postnominal adjective and a purpose clause inside the appositive
    ("Foonib, an oral TKI potent against MET and AXL, is invented.", {("foonib", "met"), ("foonib", "axl")}),
    ("Bizumab, a single antibody designed to block both PD-1 and VEGF, is made up.",
     {("bizumab", "pd1"), ("bizumab", "vegfa")}),
    # the nearer name stands in an aside: the subject is the drug before it
    ("Quxumab is a PD-1 antibody; foonib, known as barfenib in one invented country, is a KIT inhibitor.",
     {("quxumab", "pd1"), ("foonib", "kit")}),
    # plain language: "a protein called T", a relative clause's means
    ("It is given with zelumab, which slows growth by blocking a protein called PD-L1.", {("zelumab", "pdl1")}),
    # a category noun before the next item of a list; "instead" between subject and verb
    ("Bizumab binds PD-1 and the pro-angiogenic cytokine VEGF in this toy model.",
     {("bizumab", "pd1"), ("bizumab", "vegfa")}),
    ("Zelumab and quxumab instead engage PD-L1 on invented cells.", {("zelumab", "pdl1"), ("quxumab", "pdl1")}),
    ("Foonib inhibits the RAF kinases BRAF and RAF1 and the VEGF receptors VEGFR2 and VEGFR3.",
     {("foonib", "raf_family"), ("foonib", "braf"), ("foonib", "raf1"), ("foonib", "kdr"), ("foonib", "flt4")}),
])
def test_glossary_entries_appositives_and_plain_language(body, expected):
    assert facts(body) == expected


def test_negligible_activity_is_no_activity():
    assert facts("In contrast to barfenib, foonib showed negligible activity against KIT and FLT3.") == set()
    assert readings("Foonib showed negligible activity against KIT.")[("foonib", "inhibits", "kit")][1] == "negative"


@pytest.mark.parametrize("body, expected", [
    # a US biologic's four-letter suffix is still the drug's name
    ("Zelumab-actl is a CTLA-4 blocking antibody in this invented label.", {("zelumab", "ctla4")}),
    ("Zelumab-qxzt binds PD-1 in this invented label.", {("zelumab", "pd1")}),
    # the drug together with what the body makes of it
    ("In made-up assays, foonib or its active metabolites M-2 and M-5 inhibited the activity of RET and KIT.",
     {("foonib", "ret"), ("foonib", "kit")}),
])
def test_label_subjects_biologic_suffix_and_metabolites(body, expected):
    assert facts(body) == expected


# --- newer modalities, objects placed in a cell, shared receptor words, fronted participles ---

@pytest.mark.parametrize("body, expected", [
    ("Zelumab, a DLL3-targeting ADC, was tested in a made-up cohort.", {("zelumab", "dll3")}),
    ("Zelumab is a HER2-directed antibody-drug conjugate in this invented note.", {("zelumab", "her2")}),
    ("Bizumab is a bispecific T-cell engager targeting DLL3 and CD3 in this toy model.",
     {("bizumab", "dll3"), ("bizumab", "cd3")}),
    ("The DLL3-targeted TCE bizumab was given to imaginary patients.", {("bizumab", "dll3")}),
    ("Foonib is an invented PROTAC degrader of MET.", {("foonib", "met")}),
    # the class noun alone names no target
    ("Zelumab was given after an ADC in this invented cohort.", set()),
])
def test_conjugates_engagers_and_degraders_name_their_target(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("In the invented story, foonib and barfenib were aimed at the VEGF receptor.",
     {("foonib", "vegfr_family"), ("barfenib", "vegfr_family")}),
    ("Foonib, a pretend TKI aiming at RET, was safe.", {("foonib", "ret")}),
    ("Foonib was aimed at patients with MET-amplified tumours in this made-up trial.", set()),
    ("Foonib acts against RET with invented selectivity.", {("foonib", "ret")}),
])
def test_aiming_at_names_the_target(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib, an inhibitor of the receptors for FGF, PDGF and VEGF, was invented here.",
     {("foonib", "fgfr_family"), ("foonib", "pdgfr_family"), ("foonib", "vegfr_family")}),
    ("Foonib blocks the receptors of VEGF, FGF, and PDGF in this toy model.",
     {("foonib", "vegfr_family"), ("foonib", "fgfr_family"), ("foonib", "pdgfr_family")}),
    # no receptor word before the list: an antibody binds the ligands themselves
    ("Quxumab binds VEGF and FGF in this made-up assay.", {("quxumab", "vegfa"), ("quxumab", "fgf_family")}),
])
def test_receptors_for_a_list_of_ligands_names_each_receptor(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Bizumab binds to DLL3, which is found on the surface of invented tumour cells, and to CD3 on T cells.",
     {("bizumab", "dll3"), ("bizumab", "cd3")}),
    ("Bizumab targets the CD3 receptor expressed on T cells and B cell maturation antigen (BCMA) expressed on "
     "pretend myeloma cells.", {("bizumab", "cd3"), ("bizumab", "bcma")}),
    ("Foonib inhibits VEGFR2 in endothelial cells and PDGFRβ in pericytes of the pretend tumour.",
     {("foonib", "kdr"), ("foonib", "pdgfrb")}),
    # a partner after the aside is no second target; a clause with a verb of its own is another statement
    ("Zelumab binds PD-1 on T cells and its ligand PD-L1 on pretend tumour cells.", {("zelumab", "pd1")}),
    ("Zelumab binds PD-1, which is expressed on T cells and activated by PD-L1.", {("zelumab", "pd1")}),
    ("Zelumab binds PD-1 on T cells and in this invented model blocks PD-L1 signalling.", {("zelumab", "pd1")}),
])
def test_an_aside_on_where_a_target_sits_keeps_the_verb_for_the_next_object(body, expected):
    assert facts(body) == expected


def test_a_negated_verb_governs_the_object_after_the_aside():
    found = readings("Bizumab does not bind DLL4, which is found on normal invented cells, and DLL3.")
    assert found[("bizumab", "isAntibodyAgainst", "dll4")][1:] == ("negative", "asserted")
    assert found[("bizumab", "isAntibodyAgainst", "dll3")][1:] == ("negative", "asserted")


@pytest.mark.parametrize("body, expected", [
    ("Foonib was invented for this note. Developed by a pretend company, this small molecule inhibits MET.",
     {("foonib", "met")}),
    ("Zelumab was invented here. Approved for nothing, it binds PD-1.", {("zelumab", "pd1")}),
    ("Foonib was invented for this note. This molecule inhibits MET.", {("foonib", "met")}),
    # a drug inside the fronted clause leaves the subject unresolved
    ("Foonib was invented for this note. Developed as a successor to barfenib, this drug inhibits MET.", set()),
])
def test_a_pronoun_subject_after_a_fronted_participle(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a hyphen suspended before "and"; arms crossed without spaces
    ("Bizumab is a bispecific PD-1- and CTLA-4-directed antibody in this note.", {("bizumab", "pd1"), ("bizumab", "ctla4")}),
    ("Bizumab, a BCMA×CD3 bispecific antibody, was pretended.", {("bizumab", "bcma"), ("bizumab", "cd3")}),
    # an adverb between "by" and the gerund
    ("Foonib exerts its made-up effect by irreversibly inhibiting MET.", {("foonib", "met")}),
])
def test_suspended_hyphens_crossed_arms_and_adverbs_before_a_gerund(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    # an adverb inside "was developed as"
    ("Foonib was originally developed as a RAF inhibitor in this story.", {("foonib", "raf_family")}),
    # "and, to a lesser extent," between two items of one list
    ("Foonib inhibits VEGFR2 and, to a lesser extent, KIT and RET in this made-up panel.",
     {("foonib", "kdr"), ("foonib", "kit"), ("foonib", "ret")}),
])
def test_an_adverb_in_the_copula_and_a_degree_set_off_by_commas(body, expected):
    assert facts(body) == expected


def test_a_former_name_in_parentheses_is_the_same_drug_and_keeps_the_list_going():
    body = "Several PD-1-targeting agents, including zelumab (formerly known as Zelumax), quxumab and bizumab, were pretended."
    assert facts(body) == {("zelumab", "pd1"), ("quxumab", "pd1"), ("bizumab", "pd1")}


@pytest.mark.parametrize("body, expected", [
    ("Foonib's inhibition of MET was dose dependent in the pretend assay.", {("foonib", "met")}),
    ("Foonib’s potent inhibition of RET was measured in silico.", {("foonib", "ret")}),
])
def test_a_possessive_names_the_agent_of_the_nominal(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib is a third-generation ALK/ROS1 tyrosine kinase inhibitor in this invented note.",
     {("foonib", "alk"), ("foonib", "ros1")}),
    ("The ALK/ROS1 inhibitor foonib was given to pretend patients.", {("foonib", "alk"), ("foonib", "ros1")}),
    # a slash pair that is not two kinases stays an axis or a class; two kinases not heading a drug noun name an interplay
    ("Zelumab, a PD-1/PD-L1 inhibitor, was pretended.", set()),
    ("Foonib also interferes with the invented loop of ALK/ROS1 crosstalk.", set()),
])
def test_a_small_molecule_named_for_a_slash_pair_of_kinases_inhibits_both(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Bizumab targets activating and resistance PD-1 mutations and CTLA-4 amplifications in this toy text.",
     {("bizumab", "pd1"), ("bizumab", "ctla4")}),
    ("Foonib potently inhibits RET fusions and mutations in the pretend panel.", {("foonib", "ret")}),
    ("Foonib is active against ALK rearrangements and ROS1 fusions.", {("foonib", "alk"), ("foonib", "ros1")}),
    # the altered target names the patients or the tumours, not what the drug acts on
    ("Foonib targets invented tumours with RET fusions.", set()),
    ("Patients harbouring RET fusions received foonib in this made-up trial.", set()),
])
def test_an_altered_target_governed_by_a_cue_is_the_target(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    # "the interaction of T with U": T, named first, is what the drug binds
    ("Zelumab selectively blocks the interaction of PD-L1 with PD-1 in this invented label.", {("zelumab", "pdl1")}),
    # "between T and U" could be either
    ("Zelumab blocks the interaction between PD-1 and PD-L1 in this invented label.", set()),
])
def test_the_interaction_of_a_target_with_its_partner(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ('Zelumab blocks a different "brake" on invented immune cells, called CTLA-4, and is given once.', {("zelumab", "ctla4")}),
    ("Zelumab blocks a checkpoint on pretend T cells known as PD-1.", {("zelumab", "pd1")}),
])
def test_a_plain_language_description_then_called_and_the_name(body, expected):
    assert facts(body) == expected


# --- secondary activity, relative asides, downstream effects, profile fields (invented texts) ---------

WIDER = Vocabulary([e for e in VOCAB if e.key not in ("pdgfra", "pdgfrb", "btk")] + [
    # the spellings with Latin letters that web profiles use
    Entity("pdgfra", "PDGFRA", ("Protein",), ("PDGFRα", "PDGFR-alpha", "PDGFR-a")),
    Entity("pdgfrb", "PDGFRB", ("Protein",), ("PDGFRβ", "PDGFR-beta", "PDGFR-b")),
    Entity("egfr", "EGFR", ("Protein", "Kinase")),
    Entity("tec", "TEC", ("Protein", "Kinase")),
    Entity("jak3", "JAK3", ("Protein", "Kinase")),
    Entity("src", "SRC", ("Protein", "Kinase"), ("Src",)),
    Entity("btk", "BTK", ("Protein", "Kinase")),
    Entity("erbb3", "ERBB3", ("Protein", "Kinase"), ("HER3",)),
    Entity("abl1", "ABL1", ("Protein", "Kinase"), ("BCR-ABL",)),
    Entity("angiogenesis", "angiogenesis", ("Pathway",), ("tumour angiogenesis",)),
])
WIDER_FINDER = MentionFinder(WIDER)


def wider_facts(body: str, heading: str = "Invented notes") -> set[tuple[str, str]]:
    """(drug, target) pairs read as positive, asserted facts, with the wider vocabulary."""
    doc = AnalysedDocument(Document.from_text("d1", f"{heading}\n{body}\n"), WIDER, WIDER_FINDER)
    return {(a.subject, a.object) for a in mechanism_statements(doc)
            if (a.evidence[0].polarity, a.evidence[0].certainty) == ("positive", "asserted")}


@pytest.mark.parametrize("body, expected", [
    ("Foonib is a triple angiokinase inhibitor of VEGFR2 with lesser activity against RET, FLT3 and Src.",
     {("foonib", "kdr"), ("foonib", "ret"), ("foonib", "flt3"), ("foonib", "src")}),
    ("Foonib is a BTK inhibitor with off-target inhibition of kinases such as EGFR, TEC and JAK3.",
     {("foonib", "btk"), ("foonib", "egfr"), ("foonib", "tec"), ("foonib", "jak3")}),
    ("Foonib, a MET inhibitor with weaker inhibition of AXL, was pretended.", {("foonib", "met"), ("foonib", "axl")}),
    # the activity belongs to the drug named nearer to it
    ("Foonib inhibits MET, and barfenib with lesser activity against AXL.", {("foonib", "met"), ("barfenib", "axl")}),
    ("Foonib is a MET inhibitor, unlike barfenib with off-target inhibition of kinases such as KIT.",
     {("foonib", "met")}),
])
def test_a_secondary_activity_keeps_the_drug_as_its_subject(body, expected):
    assert wider_facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib inhibits VEGFR1-3, which both drive angiogenesis, and FGFR1.",
     {("foonib", "flt1"), ("foonib", "kdr"), ("foonib", "flt4"), ("foonib", "fgfr1")}),
    ("Foonib inhibits VEGFR1-3, which both inhibit angiogenesis, and RET in this invented note.",
     {("foonib", "flt1"), ("foonib", "kdr"), ("foonib", "flt4"), ("foonib", "ret")}),
    ("Foonib blocks MET, which is needed for invasion, as well as AXL.", {("foonib", "met"), ("foonib", "axl")}),
    # a protein or a drug inside the aside leaves the item after it unread
    ("Foonib inhibits MET, which activates RET, and AXL.", {("foonib", "met")}),
    ("Foonib inhibits MET, which barfenib spares, and AXL.", {("foonib", "met")}),
])
def test_a_list_interrupted_by_a_relative_clause_goes_on_after_it(body, expected):
    assert wider_facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib inhibited phosphorylation of HER2 and HER3 in pretend cell lines.", set()),
    ("Foonib blocks the activation of RAF in this invented model.", set()),
    ("Foonib reduced the expression of PD-L1 on made-up tumour cells.", set()),
    ("Foonib lowered levels of VEGFR2 in invented plasma.", set()),
    ("Foonib raised invented markers and inhibited the expression of the anti-apoptotic gene HER2.", set()),
    # the kinase's own activity is the target's
    ("Foonib inhibits autophosphorylation of KIT.", {("foonib", "kit")}),
    ("Foonib inhibits the kinase activity of RET.", {("foonib", "ret")}),
])
def test_an_effect_downstream_of_the_target_is_not_a_target(body, expected):
    assert wider_facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib, a selective TKI of KIT and PDGFRA activation loop mutants, was pretended.",
     {("foonib", "kit"), ("foonib", "pdgfra")}),
    ("Foonib inhibits KIT exon 11 mutations in the invented panel.", {("foonib", "kit")}),
    ("Patients with KIT exon 11 mutations received foonib.", set()),
])
def test_where_an_alteration_sits_may_stand_before_mutations(body, expected):
    assert wider_facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib is a potent inhibitor of all three VEGF receptors.", {("foonib", "flt1"), ("foonib", "kdr"), ("foonib", "flt4")}),
    ("Foonib inhibits both PDGF receptors.", {("foonib", "pdgfra"), ("foonib", "pdgfrb")}),
    # a count that is not the family's size keeps the family
    ("Foonib inhibits all four VEGF receptors.", {("foonib", "vegfr_family")}),
])
def test_a_count_that_is_the_familys_size_names_every_member(body, expected):
    assert wider_facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib is an inhibitor of VEGFR1, PDGFR-a/b, and c-Kit.",
     {("foonib", "flt1"), ("foonib", "pdgfra"), ("foonib", "pdgfrb"), ("foonib", "kit")}),
    ("Foonib is an inhibitor of VEGFR1, PDGFR-a/β and c-Kit.",
     {("foonib", "flt1"), ("foonib", "pdgfra"), ("foonib", "pdgfrb"), ("foonib", "kit")}),
    # "/bcr" is no second letter of the pair
    ("Foonib is an inhibitor of PDGFR-a/bcr in a pretend assay.", {("foonib", "pdgfra")}),
])
def test_latin_letters_may_stand_for_the_greek_ones_of_a_pair(body, expected):
    assert wider_facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib blocks the proteins made by the mutated ALK and ROS1 genes.", {("foonib", "alk"), ("foonib", "ros1")}),
    ("Foonib blocks the abnormal protein made by the BCR-ABL gene.", {("foonib", "abl1")}),
    ("Foonib blocks a protein encoded by the RET gene.", {("foonib", "ret")}),
    ("Foonib was given to invented patients whose tumours have a mutated form of the ALK gene.", set()),
    ("Foonib blocks certain proteins made by cancer cells.", set()),
])
def test_the_protein_made_by_a_gene_is_the_genes_product(body, expected):
    assert wider_facts(body) == expected


@pytest.mark.parametrize("heading, body", [
    ("Features and properties of foonib", "Route of administration Oral Pharmacodynamics Inhibits MET, RET and c-Kit"),
    ("Foonib profile", "Mode of action: Selectively inhibits ALK."),
])
def test_a_profile_field_is_left_to_the_record_reader(heading, body):
    # extract/record_fields reads every labelled field, so that its fact has one evidence record
    assert wider_facts(body, heading) == set()


@pytest.mark.parametrize("body, expected", [
    # the cue governs the target through its altered forms
    ("Foonib targets oncogenic rearrangements in RET and KDR in pretend cells.", {("foonib", "ret"), ("foonib", "kdr")}),
    ("Foonib inhibits fusions involving RET.", {("foonib", "ret")}),
    # cells or patients that carry the alteration are no target of the cue
    ("Foonib slowed growth of cells with mutations in RET.", set()),
    ("Foonib was tested in patients with mutations in RET.", set()),
])
def test_altered_forms_of_a_target_named_before_it(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib inhibits the receptor tyrosine kinases for PDGF and VEGF in pretend cells.",
     {("foonib", "pdgfr_family"), ("foonib", "vegfr_family")}),
    ("Foonib inhibits the receptor kinase for VEGF.", {("foonib", "vegfr_family")}),
    ("Foonib inhibits VEGF.", set()),  # a small molecule on the ligand itself: not read
])
def test_receptor_kinases_for_a_ligand_are_its_receptors(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a receptor named with the word "receptor" and its symbol again keeps the list going
    ("Foonib inhibits the RET receptor (RET), KDR and MET in pretend cells.",
     {("foonib", "ret"), ("foonib", "kdr"), ("foonib", "met")}),
    # the ligands after "receptors for" may have several words each
    ("Foonib inhibits receptors for fibroblast growth factor and vascular endothelial growth factor.",
     {("foonib", "fgfr_family"), ("foonib", "vegfr_family")}),
])
def test_receptor_words_around_a_target_list(body, expected):
    assert facts(body) == expected


# one list of effect nouns (targets.EFFECT) feeds both "T <noun>" (a modifier) and "<noun> of T" (downstream)
EFFECT_NOUNS = ["phosphorylation", "activation", "expression", "level", "levels", "secretion", "production",
                "release", "transcription", "upregulation", "up-regulation", "induction"]


@pytest.mark.parametrize("noun", EFFECT_NOUNS)
def test_an_effect_noun_before_or_after_a_target_names_no_target(noun):
    assert facts(f"Foonib reduced MET {noun} in pretend cells.") == set()
    assert facts(f"Foonib reduced the {noun} of MET in pretend cells.") == set()
    assert facts(f"Foonib inhibited MET in pretend cells, and {noun} fell.") == {("foonib", "met")}


@pytest.mark.parametrize("body, expected", [
    ("Foonib, Acme's investigational MET inhibitor, was given.", {("foonib", "met")}),
    ("Foonib, Acme Pharma's oral MET inhibitor, was given.", {("foonib", "met")}),
    ("Foonib, Novartis' MET inhibitor, was given.", {("foonib", "met")}),
    ("Foonib, the patient's MET inhibitor, was given.", set()),  # no owner's name
    ("Foonib, Acme's drug, was given with a MET inhibitor.", set()),
])
def test_an_owners_possessive_may_open_the_appositive(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Acme's MET inhibitor Quorix (foonib) was added.", {("foonib", "met")}),
    ("The anti-PD-1 antibody Zelvo (zelumab) was added.", {("zelumab", "pd1")}),
    ("The MET inhibitor arm (foonib) was closed.", set()),  # a lower-case word is no brand
])
def test_a_brand_before_the_drugs_name_in_brackets(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Zelumab is an antibody directed against the T cell immunoreceptor with immunoglobulin and ITIM domains "
     "protein (TIGIT).", {("zelumab", "tigit")}),
    ("Zelumab binds the T cell immunoreceptor with immunoglobulin and ITIM domains protein (TIGIT) on T cells.",
     {("zelumab", "tigit")}),
    # a comma ends the full name: the bracketed symbol is not the cue's object
    ("Zelumab binds the receptor on invented T cells, which carry immunoglobulin and ITIM domains (TIGIT).", set()),
])
def test_a_long_full_name_then_its_symbol(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Pretend plasma VEGF bound to zelumab was measured.", {("zelumab", "vegfa")}),
    ("Levels of PD-L1 blocked by zelumab were measured.", {("zelumab", "pdl1")}),
    ("VEGF not bound to zelumab was measured.", set()),
    ("VEGF bound to its receptor was low after zelumab.", set()),
])
def test_a_target_then_a_reduced_passive_relative(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib suppressed MET in pretend cells.", {("foonib", "met")}),
    ("Foonib potently suppresses MET signalling.", {("foonib", "met")}),
    ("Foonib abrogates MET in made-up cells.", {("foonib", "met")}),
    ("Foonib suppressed MET expression in pretend cells.", set()),
    ("Foonib suppressed growth of MET-amplified made-up tumours.", set()),
])
def test_suppress_and_abrogate_are_verbs_of_inhibition(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib is an ATP-competitive inhibitor of MET.", {("foonib", "met")}),
    ("Foonib is a potent, ATP-competitive inhibitor of MET and RET.", {("foonib", "met"), ("foonib", "ret")}),
    ("In barfenib-resistant cells, foonib inhibited MET.", {("foonib", "met")}),
    ("Barfenib-pretreated made-up cells were given an inhibitor of MET.", set()),
])
def test_a_drug_hyphenated_to_an_adjective_is_no_subject(body, expected):
    assert facts(body) == expected


def object_names(sentence: str) -> list[str]:
    """The target units of one invented sentence, as written."""
    from hcc_kg.extract.targets import units
    doc = AnalysedDocument(Document.from_text("d1", f"Invented notes\n{sentence}\n"), VOCAB, FINDER)
    sent = next(s for s in doc.sentences if sentence[:10] in s.text)
    return [sent.text[u.start:u.end] for u in units(doc, sent) if u.kind == "object"]


def test_a_bracket_of_code_names_after_a_drug_names_no_target():
    assert object_names("Zelumab (HGS-ETR1, QR-12), an antibody directed against TIGIT, was given.") == ["TIGIT"]
    assert facts("Zelumab (HGS-ETR1, QR-12), an antibody directed against TIGIT, was given.") == {("zelumab", "tigit")}
    # a bracket of whole target names is kept
    assert object_names("Bizumab (PD-1, CTLA-4) was given.") == ["PD-1", "CTLA-4"]


@pytest.mark.parametrize("body, expected", [
    ("Foonib showed IC50 values of 2, 3 and 5 nM against FGFR1, FGFR2 and FGFR3.",
     {("foonib", "fgfr1"), ("foonib", "fgfr2"), ("foonib", "fgfr3")}),
    ("Foonib has IC50s against MET and RET in the low nanomolar range.", {("foonib", "met"), ("foonib", "ret")}),
    ("Foonib showed IC50 values of >10 µM against MET.", set()),  # hardly an inhibitor
    ("Foonib showed IC50 values above 10 µM for MET.", set()),
    ("Foonib had an IC50 of 4 nM for growth of MET-amplified pretend cells.", set()),
])
def test_an_inhibitory_concentration_against_a_target(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, certainty", [
    # the participle inside the appositive describes the drug; the sentence's purpose or hedge is not on it
    ("To assess preliminary evidence of activity of zelumab (ZL-1), a human antibody directed to TIGIT.", "asserted"),
    ("It is unclear whether zelumab, an antibody directed against TIGIT, works in made-up tumours.", "asserted"),
    # a hedged statement of the mechanism itself stays hedged
    ("We asked whether zelumab may bind TIGIT.", "hedged"),
])
def test_a_participle_in_an_appositive_is_not_under_the_sentences_hedge(body, certainty):
    assert readings(body)[("zelumab", "isAntibodyAgainst", "tigit")][2] == certainty


@pytest.mark.parametrize("body, expected", [
    # a class noun phrase set off after a drug is that drug's appositive, not the next drug's
    ("Compared with foonib, a MET inhibitor, barfenib inhibits AXL.", {("foonib", "met"), ("barfenib", "axl")}),
    ("Unlike foonib, a MET inhibitor, barfenib was safe.", {("foonib", "met")}),
    # a class noun phrase with no drug before it still heads the drug after the comma
    ("In the invented study, the MET inhibitor, foonib, was safe.", {("foonib", "met")}),
])
def test_an_appositive_between_two_drugs_belongs_to_the_first(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Anti-TIGIT treatment with zelumab was studied in made-up patients.", {("zelumab", "tigit")}),
    ("MET-targeted therapy with foonib was studied.", {("foonib", "met")}),
    ("MET-directed therapies with foonib were studied.", {("foonib", "met")}),
    ("MET therapy with foonib was studied.", set()),  # no cue on the target
])
def test_a_targeted_therapy_with_a_drug(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib selectively degrades MET in pretend cells.", {("foonib", "met")}),
    ("Foonib degraded the matrix around MET-amplified pretend cells.", set()),
])
def test_degrade_is_a_verb_of_action_on_the_target(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib, unlike MET inhibitors, was active in made-up cells.", set()),
    ("Foonib, like other MET inhibitors, caused pretend oedema.", {("foonib", "met")}),  # one of them
])
def test_a_contrast_is_no_appositive(body, expected):
    assert facts(body) == expected


# --- a noun between the drug and its mechanism -------------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    # a copy of a drug is the drug as given; "X, a Y biosimilar (...)": the appositive speaks of X and of Y
    ("Made-up patients got quxumab plus a zelumab biosimilar (anti-PD-1 antibody) every third week.",
     {("zelumab", "pd1")}),
    ("Bizumab, a zelumab biosimilar (anti-PD-1 antibody), was given in a toy cohort.",
     {("bizumab", "pd1"), ("zelumab", "pd1")}),
    ("The zelumab biosimilar blocks PD-L1 in pretend cells.", {("zelumab", "pdl1")}),
    # the mechanism in brackets after a noun phrase, with its own article
    ("Foonib, an oral small molecule (a MET inhibitor), was given to invented mice.", {("foonib", "met")}),
    ("Foonib, an oral small molecule (an inhibitor of MET and AXL), was given.", {("foonib", "met"), ("foonib", "axl")}),
    # a drug named inside the noun phrase is what the subject derives from, not the inhibitor
    ("Foonib, a barfenib derivative (a MET inhibitor), was given to invented mice.", {("foonib", "met")}),
    # no noun phrase before the bracket: a clause of its own
    ("Foonib, given after failure of prior therapy (a MET inhibitor in most), was tested.", set()),
])
def test_a_noun_between_the_drug_and_its_bracketed_mechanism(body, expected):
    assert facts(body) == expected


# --- degraders: what they destroy is their target; the machinery they recruit is not ------------------------

@pytest.mark.parametrize("body, expected", [
    ("Degralutide, a PROTAC, induces degradation of BTK in invented lymphoma cells.", {("degralutide", "btk")}),
    ("Degralutide is an oral degrader. It caused rapid and sustained degradation of the estrogen receptor.",
     {("degralutide", "esr1")}),
    ("In this pretend degrader study, degralutide catalyzes ubiquitination and then proteasomal degradation of BTK.",
     {("degralutide", "btk")}),
    ("Degralutide, a degrader, blocks both the wild type as well as the mutated estrogen receptor in toy cells.",
     {("degralutide", "esr1")}),
])
def test_a_degrader_acts_on_what_it_degrades(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body", [
    # in a text that calls no drug a degrader, a protein degraded after treatment is downstream of the target
    "Foonib induced degradation of MCL1 in invented hepatoma cells.",
    "Barfenib triggered proteasomal degradation of MCL1 in made-up cells.",
])
def test_degradation_after_an_ordinary_drug_is_an_effect_not_a_target(body):
    assert facts(body) == set()


@pytest.mark.parametrize("body, expected", [
    # the ubiquitin-proteasome system is what the degrader engages, not what it acts on
    ("Degralutide, a BTK degrader, engages the ubiquitin-proteasome system in toy cells.", {("degralutide", "btk")}),
    ("Degralutide hijacks the proteasome machinery and degrades BTK.", {("degralutide", "btk")}),
    # the proteasome named by itself is a target ("X inhibits the proteasome")
    ("Degralutide inhibits the proteasome in pretend myeloma cells.", {("degralutide", "proteasome")}),
])
def test_the_machinery_a_degrader_recruits_is_not_a_target(body, expected):
    assert facts(body) == expected


# --- where on the target a drug binds ------------------------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("In toy assays quxumab binds three distinct regions on the HER2 extracellular portion.", {("quxumab", "her2")}),
    ("Foonib binds the ATP-binding pocket of BTK.", {("foonib", "btk")}),
    ("Zelumab binds an epitope within the extracellular domain of HER2.", {("zelumab", "her2")}),
    ("Quxumab binds to distinct sites on PD-1 in this invented note.", {("quxumab", "pd1")}),
])
def test_the_part_of_the_target_bound_names_the_target(body, expected):
    assert facts(body) == expected


# --- a drug's mechanism of action as a noun phrase -----------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("In toy models, the mechanism-of-action of foonib involves targeting a pretend adenosine receptor subtype (A3AR).",
     {("foonib", "adora3")}),
    ("Quxumab is an antibody. Its mechanism of action relies on selective targeting of HER2 on pretend tumour cells.",
     {("quxumab", "her2")}),
    ("The mode of action of foonib depends on blocking RET.", {("foonib", "ret")}),
    ("The mechanism of action of barfenib is based on inhibition of MET.", {("barfenib", "met")}),
    # what the mechanism leads to is no target of it
    ("The mechanism of action of foonib is unknown; MET was not measured.", set()),
])
def test_a_mechanism_of_action_named_as_a_noun(body, expected):
    assert facts(body) == expected


# --- T-cell engagers: the tumour target and the T-cell arm before one head -----------------------------------

@pytest.mark.parametrize("body, expected", [
    ("Bizumab is a bispecific CD20-directed CD3 T-cell engager.", {("bizumab", "ms4a1"), ("bizumab", "cd3")}),
    ("Bizumab, a bispecific BCMA-targeting CD3 T cell engager, was given.", {("bizumab", "bcma"), ("bizumab", "cd3")}),
    ("Our invented product is bizumab (Bizax), which acts as a bispecific gp100 peptide-HLA-directed CD3 T cell engager.",
     {("bizumab", "pmel"), ("bizumab", "cd3")}),
    ("The DLL3-directed CD3 T-cell engager bizumab was approved in the invented note.",
     {("bizumab", "dll3"), ("bizumab", "cd3")}),
])
def test_an_engager_acts_on_its_tumour_target_and_on_cd3(body, expected):
    assert facts(body) == expected


def test_two_targets_before_a_head_that_is_no_engager_are_not_joined():
    assert ("bizumab", "ms4a1") not in facts("Bizumab is a CD20-directed HER2 antibody.")


@pytest.mark.parametrize("body, expected", [
    ("The drug is foonib, which serves as a selective inhibitor of RET.", {("foonib", "ret")}),
    ("Our pretend agent is quxumab, which acts as an anti-PD-1 antibody.", {("quxumab", "pd1")}),
    ("We gave foonib, which was not a MET inhibitor, to toy mice.", set()),
])
def test_a_relative_clause_with_a_copula_is_an_appositive(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("In this invented study the quxumab antibody bound HER2 on toy cells.", {("quxumab", "her2")}),
    ("The degralutide molecule degrades BTK in made-up cells.", {("degralutide", "btk")}),
    # the class noun after a drug in a prepositional phrase does not make it a subject
    ("After the quxumab antibody was stopped, HER2 was measured again.", set()),
])
def test_a_drug_named_with_its_class_noun_is_the_subject(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    # an inhibitory activity "for" or a capacity "on" a list of targets
    ("In this pretend panel foonib had inhibitory activity for both MET and RET.",
     {("foonib", "met"), ("foonib", "ret")}),
    ("Foonib blocks VEGFR-1/2/3 in the toy assay, with weaker inhibiting capacity on TIE2 and FLT3.",
     {("foonib", "flt1"), ("foonib", "kdr"), ("foonib", "flt4"), ("foonib", "tek"), ("foonib", "flt3")}),
])
def test_an_inhibitory_activity_names_its_targets(body, expected):
    assert facts(body) == expected


def test_no_inhibiting_capacity_is_negated():
    assert readings("Barfenib showed no inhibiting capacity on MET in the invented assay.")[
        ("barfenib", "inhibits", "met")][1:] == ("negative", "asserted")


def test_aliases_in_one_parenthesis_are_the_same_drug():
    # "X (X-suffix; Brand®) is ...": both aliases in the parenthesis name the subject again
    assert facts("Zelumab (zelumab-abcd; Zelumax®) is a made-up monoclonal antibody that blocks CTLA-4.") \
        == {("zelumab", "ctla4")}


@pytest.mark.parametrize("body, expected", [
    # a code name the vocabulary lacks, set off by commas between the drug and its appositive
    ("The toy cohort took barfenib, XY-0012345, an oral selective inhibitor of FGFR4, each day.", {("barfenib", "fgfr4")}),
    # a known alias set off by commas: the merged alias holds the appositive's comma
    ("The toy cohort took foonib, Foonix, a selective inhibitor of AXL, each day.", {("foonib", "axl")}),
])
def test_a_code_or_alias_between_the_drug_and_its_appositive(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a trap for the ligand names the ligand as its target, not the ligand's receptor
    ("Quxumab is a made-up fusion protein that acts as a decoy receptor for VEGF.", {("quxumab", "vegfa")}),
    ("In the toy model quxumab, a soluble decoy receptor for VEGF, was given weekly.", {("quxumab", "vegfa")}),
])
def test_a_decoy_receptor_binds_the_ligand(body, expected):
    assert facts(body) == expected


def test_a_letter_glued_to_a_name_is_another_member():
    # "VEGF-E" is a member the vocabulary lacks, not VEGF (VEGF-A) itself
    assert facts("In the pretend assay zelumab binds VEGF-E.") == set()


def test_two_targets_glued_by_an_x_are_the_bispecifics_two_targets():
    # "AxB": a bispecific's targets written with a lower-case x for the sign ×
    assert facts("Bizumab is a made-up PD-1xCTLA-4 bispecific antibody.") == {("bizumab", "pd1"), ("bizumab", "ctla4")}


@pytest.mark.parametrize("body, expected", [
    # a ligand's full name may stand in the list that shares the word "receptors"
    ("Foonib is a dual inhibitor of VEGF and fibroblast growth factor receptors in toy cells.",
     {("foonib", "vegfr_family"), ("foonib", "fgfr_family")}),
    ("Foonib blocks vascular endothelial growth factor and fibroblast growth factor receptors in invented mice.",
     {("foonib", "vegfr_family"), ("foonib", "fgfr_family")}),
    ("Foonib inhibits VEGF, platelet-derived growth factor and FGF receptors in a pretend assay.",
     {("foonib", "vegfr_family"), ("foonib", "pdgfr_family"), ("foonib", "fgfr_family")}),
    # ... each with its abbreviation in brackets
    ("Foonib is a selective inhibitor of the vascular endothelial growth factor (VEGF) and fibroblast growth factor "
     "(FGF) receptor tyrosine kinase families in invented cells.", {("foonib", "vegfr_family"), ("foonib", "fgfr_family")}),
    # a determiner starts another phrase: the ligand stays a ligand
    ("Foonib blocks VEGF and its receptors in a made-up model.", set()),
])
def test_a_shared_receptor_word_after_ligands_with_full_names(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Upon dosing, zelumab binds to and blocks the activation of PD-1 by its ligands PD-L1 and PD-L2.", {("zelumab", "pd1")}),
    ("Foonib binds to and inhibits the activity of c-MET in invented cells.", {("foonib", "met")}),
    ("Zelumab attaches to and blocks the signalling of CTLA-4 in this note.", {("zelumab", "ctla4")}),
    # without a verb of binding first, the activation stopped is an effect downstream
    ("Foonib inhibits and blocks the activation of RAF in this invented model.", set()),
])
def test_a_binding_verb_coordinated_with_what_the_binding_stops(body, expected):
    assert wider_facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Acme was granted a made-up designation for foonib (AC-123), its selective RET inhibitor.", {("foonib", "ret")}),
    ("The pretend firm tested barfenib, their oral FGFR4 inhibitor, in toy mice.", {("barfenib", "fgfr4")}),
    # a short name the text defines, then what the drug is
    ("This invented study gave zelumab (Z; anti-PD-L1) and quxumab (Q; anti-CTLA-4) alone or together.",
     {("zelumab", "pdl1"), ("quxumab", "ctla4")}),
])
def test_an_appositive_after_a_possessive_or_a_defined_short_name(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body", [
    "Trials of invented kinase inhibitors with MET activity (foonib and barfenib) have ended.",
    "Inhibitors with MET inhibitory activity (foonib, barfenib) were imagined here.",
])
def test_members_in_brackets_after_the_activity_a_class_has(body):
    assert facts(body) == {("foonib", "met"), ("barfenib", "met")}


@pytest.mark.parametrize("body, expected", [
    # a category described at length before its members, the first of them with its article
    ("In toy assays foonib also blocks further RTKs that have been tied to blood vessel growth, tumour spread and "
     "invasion on top of the roles they play in healthy tissue, including the FGF receptors FGFR1, 2, 3 and 4; "
     "PDGFRα, KIT and RET.",
     {("foonib", "fgfr1"), ("foonib", "fgfr2"), ("foonib", "fgfr3"), ("foonib", "fgfr4"), ("foonib", "pdgfra"),
      ("foonib", "kit"), ("foonib", "ret")}),
    # a pathway the first item names, then the kinases' class before the next items, with or without its article
    ("In made-up cells foonib blocks RAF signaling and the receptor tyrosine kinases VEGFR and PDGFR.",
     {("foonib", "raf_family"), ("foonib", "vegfr_family"), ("foonib", "pdgfr_family")}),
    ("In made-up cells foonib blocks RAF and receptor tyrosine kinases VEGFR and PDGFR.",
     {("foonib", "raf_family"), ("foonib", "vegfr_family"), ("foonib", "pdgfr_family")}),
    # the next class of kinases with its modifiers and no article, after "and" or "as well as"
    ("In made-up cells foonib blocks cytoplasmic kinases BRAF and c-Raf and membrane kinases KIT and RET.",
     {("foonib", "braf"), ("foonib", "raf1"), ("foonib", "kit"), ("foonib", "ret")}),
    ("In made-up cells foonib blocks BRAF as well as receptor kinases KIT and RET.",
     {("foonib", "braf"), ("foonib", "kit"), ("foonib", "ret")}),
])
def test_label_style_lists_of_kinases(body, expected):
    assert facts(body) == expected


def test_a_class_named_by_a_ligands_pathway_gives_no_ligand_target_even_for_an_antibody():
    # "a VEGF pathway inhibitor" says what it blocks is the pathway: its ligand or its receptor
    assert facts("Zelumab, a VEGF pathway inhibitor, was studied in an imaginary cohort.") == set()
    assert facts("As a VEGF pathway inhibitor, zelumab slowed invented tumours.") == set()
    assert facts("Zelumab, an anti-VEGF antibody, was studied in an imaginary cohort.") == {("zelumab", "vegfa")}


@pytest.mark.parametrize("body, expected", [
    # a range whose last member repeats the stem, after "to", "through" or a dash
    ("In made-up cells foonib binds FGFR1 to FGFR4.",
     {("foonib", "fgfr1"), ("foonib", "fgfr2"), ("foonib", "fgfr3"), ("foonib", "fgfr4")}),
    ("In made-up cells foonib blocks VEGFR1 through VEGFR3.", {("foonib", "flt1"), ("foonib", "kdr"), ("foonib", "flt4")}),
    ("In made-up cells foonib blocks VEGF receptor 1 to VEGF receptor 3.",
     {("foonib", "flt1"), ("foonib", "kdr"), ("foonib", "flt4")}),
    ("In made-up cells foonib blocks FGFR2–FGFR4.", {("foonib", "fgfr2"), ("foonib", "fgfr3"), ("foonib", "fgfr4")}),
    ("In made-up cells foonib blocks VEGFR1 through 3.", {("foonib", "flt1"), ("foonib", "kdr"), ("foonib", "flt4")}),
    # two families are no range; a dose after "to" is no member
    ("In made-up cells foonib blocks FGFR1 to VEGFR3.", {("foonib", "fgfr1")}),
    ("In made-up cells foonib blocks VEGFR2 to 3 mg per kilogram.", {("foonib", "kdr")}),
])
def test_a_range_written_with_its_last_member_or_a_preposition(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a restrictive clause after "a derivative of Y" speaks of the derivative, which the copula says is X
    ("Foonib is a deuterated derivative of barfenib that inhibits VEGFR2 in toy cells.", {("foonib", "kdr")}),
    ("Foonib, an analogue of barfenib that potently blocks RET, was made up for this note.", {("foonib", "ret")}),
    # a clause set off by a comma is left to the nearer drug, as after any other preposition
    ("Foonib is a derivative of barfenib, which inhibits VEGFR2 in toy cells.", {("barfenib", "kdr")}),
    ("Foonib was compared with barfenib that inhibits VEGFR2 in toy cells.", {("barfenib", "kdr")}),
])
def test_a_clause_after_a_derivative_of_another_drug(body, expected):
    assert facts(body) == expected
