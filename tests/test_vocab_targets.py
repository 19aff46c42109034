"""Drug-target spellings of the packaged vocabulary, read in invented sentences with the generated
lexicon merged in (as a build reads them): full names, variants, and the ligand/receptor traps."""

from __future__ import annotations

import pytest

from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.lexicon import load_lexicon_vocabulary
from hcc_kg.vocab import load_vocabulary


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    return MentionFinder(load_lexicon_vocabulary(load_vocabulary()))


def mentions(finder: MentionFinder, written: str) -> list[tuple[str, str]]:
    """(key, surface) of each mention of ``written`` inside an invented sentence."""
    text = f"The invented compound zq-17 was designed to block {written} in cell lines."
    return [(m.key, text[m.start:m.end]) for m in finder.find_text(text)]


@pytest.mark.parametrize("written, key", [
    # full names in common use
    ("rearranged during transfection", "ret"),
    ("mesenchymal-epithelial transition factor", "c_met"),
    ("spleen tyrosine kinase", "syk"),
    ("B-cell lymphoma 2", "bcl2"),
    ("isocitrate dehydrogenase 1", "idh1"),
    ("enhancer of zeste homolog 2", "ezh2"),
    ("Aurora kinase A", "aurka"),
    ("Kirsten rat sarcoma viral oncogene homolog", "kras"),
    ("prostate-specific membrane antigen", "folh1"),
    ("carcinoembryonic antigen-related cell adhesion molecule 5", "ceacam5"),
    ("signaling lymphocytic activation molecule family member 7", "slamf7"),
    ("C-C chemokine receptor type 4", "ccr4"),
    ("RANK ligand", "tnfsf11"),
    ("delta-like ligand 4", "dll4"),
    ("topoisomerase I", "top1"),
    ("programmed death-ligand 2", "pdcd1lg2"),
    ("T-cell immunoglobulin and mucin-domain containing-3", "havcr2"),
    ("Fc receptor-homolog 5", "fcrl5"),
    ("mast/stem cell growth factor receptor", "c_kit"),
    ("fms-related tyrosine kinase 3", "flt3"),
    ("menin", "men1"),
    # numbered receptors spelt out: the member, not the family the shorter name names
    ("vascular endothelial growth factor receptor 2", "kdr"),
    ("vascular endothelial growth factor receptor-3", "flt4"),
    ("FGF receptor 4", "fgfr4"),
    ("human epidermal growth factor receptor 3", "erbb3"),
    ("human epidermal growth factor receptor 1", "egfr"),
    ("insulin-like growth factor I receptor", "igf1r"),
    # hyphen, space and case variants; c- prefixes; Greek letters
    ("Tie-1", "tie1"),
    ("Flt-1", "flt1"),
    ("Tyro3", "tyro3"),
    ("MerTK", "mertk"),
    ("c-Mer", "mertk"),
    ("c-ROS1", "ros1"),
    ("EGF-R", "egfr"),
    ("CD202b", "tek"),
    ("FGFR2b", "fgfr2"),
    ("HIF-2α", "epas1"),
    ("HIF2α", "epas1"),
    ("hypoxia-inducible factor-2 alpha", "epas1"),
    ("PI3Kα", "pik3ca"),
    ("PI3K-delta", "pik3cd"),
    ("PI3Kγ", "pik3cg"),
    ("PDGF receptor α", "pdgfra"),
    ("platelet-derived growth factor receptor β", "pdgfrb"),
    # a Greek letter that a copied page turned into its Latin look-alike, and a variant of the family's name
    ("platelet-derived growth factor receptor a", "pdgfra"),
    ("platelet-derived growth factor receptor b", "pdgfrb"),
    ("vascular endothelial-derived growth factor receptor", "vegfr_family"),
    ("folate receptor α", "folr1"),
    ("estrogen receptor alpha", "esr1"),
    ("Smoothened", "smo"),
    ("TGFβRI", "tgfbr1"),
    ("activin receptor-like kinase 5", "tgfbr1"),
    ("TGF-β1 receptor type I", "tgfbr1"),  # the receptor of TGF-β1, not the family
    ("Dickkopf-1", "dkk1"),
    ("mouse double minute 2", "mdm2"),
    ("C-X-C chemokine receptor type 4", "cxcr4"),
    # common names abstracts use that the HGNC names lack
    ("focal adhesion kinase", "ptk2"),
    ("TRAIL-R1", "tnfrsf10a"),
    ("TRAIL receptor 2", "tnfrsf10b"),
    ("death receptor 5", "tnfrsf10b"),
    ("endosialin", "cd248"),
])
def test_target_spellings_of_drug_texts_resolve_to_their_protein(finder, written, key):
    assert mentions(finder, written) == [(key, written)]


@pytest.mark.parametrize("ligand, ligand_key, receptor, receptor_key", [
    ("stem cell factor", "kitlg", "stem cell factor receptor", "c_kit"),
    ("SCF", "kitlg", "SCF receptor", "c_kit"),
    ("hepatocyte growth factor", "hgf", "hepatocyte growth factor receptor", "c_met"),
    ("HGF", "hgf", "HGF receptor", "c_met"),
    ("angiopoietin-1", "angpt1", "angiopoietin-1 receptor", "tek"),
    ("IGF-1", "igf1", "IGF-1 receptor", "igf1r"),
    ("IGF-I", "igf1", "IGF-I receptor", "igf1r"),
    ("somatostatin", "somatostatin", "somatostatin receptor type 2", "sstr2"),
    ("VEGF", "vegfa", "VEGF receptor 2", "kdr"),
    ("transforming growth factor-β", "tgfb1", "transforming growth factor-β receptor I", "tgfbr1"),
    ("TGF-β", "tgfb1", "TGF-β receptor II", "tgfbr2"),
    ("IL-6", "il6", "IL-6 receptor", "il6r"),
])
def test_a_ligand_is_not_its_receptor(finder, ligand, ligand_key, receptor, receptor_key):
    assert mentions(finder, ligand) == [(ligand_key, ligand)]
    assert mentions(finder, receptor) == [(receptor_key, receptor)]


def test_smoothened_as_a_verb_is_no_target(finder):
    text = "The invented gel smoothened the surface, and the invented compound zq-17 blocks Smoothened."
    assert [(m.key, text[m.start:m.end]) for m in finder.find_text(text)] == [("smo", "Smoothened")]


def _targets(vocabulary, text: str) -> set[tuple[str, str]]:
    from hcc_kg.extract import extract
    from hcc_kg.model import Document
    from hcc_kg.report import Report
    found = extract([Document.from_text("invented", text)], vocabulary, Report())
    return {(a.subject, a.object) for a in found if a.predicate == "inhibits"}


def test_the_ligand_named_after_receptor_kinases_for_reads_as_its_receptor():
    """KITLG is a growth factor: in "receptor kinases for stem cell factor (SCF)/c-kit" the
    receptor (KIT) is the target, never the ligand."""
    vocabulary = load_lexicon_vocabulary(load_vocabulary())
    text = ("Zorbatinib also blocks the receptor tyrosine kinases for fibroblast growth factor (FGF) "
            "and stem cell factor (SCF)/c-kit in invented models.")
    targets = _targets(vocabulary, text)
    assert ("zorbatinib", "c_kit") in targets and ("zorbatinib", "kitlg") not in targets


def test_ret_in_mixed_case_is_the_kinase(finder):
    assert ("ret", "Ret") in mentions(finder, "VEGFR2, Ret and KIT")


@pytest.mark.parametrize("written", ["an ATP competitive", "a non-ATP competitive", "an ATP-competitive"])
def test_what_an_inhibitor_competes_with_is_no_drug(finder, written):
    # ATP is a chemical the inhibitor competes with, not a therapy: "X is an ATP competitive inhibitor of MET"
    text = f"The invented compound zq-17 is {written} inhibitor of c-MET."
    assert [m.key for m in finder.find_text(text)] == ["c_met"]


def test_ros_names_ros1_only_as_an_item_of_a_kinase_list(finder):
    listed = "The invented compound zq-17 blocks MET, ROS, RON and AXL in cell lines."
    assert "ros1" in [m.key for m in finder.find_text(listed)]
    for text in ("The invented compound zq-17 raised ROS production in cell lines.",
                 "The invented compound zq-17 acts on the ROS/JNK pathway in cell lines."):
        assert "ros1" not in [m.key for m in finder.find_text(text)]


def test_mer_names_mertk_only_as_an_item_of_a_kinase_list(finder):
    listed = "The invented compound zq-17 blocks AXL, TYRO3, MER and KIT in cell lines."
    assert "mertk" in [m.key for m in finder.find_text(listed)]
    for text in ("The invented MER study enrolled made-up patients.", "Its MER was low in this pretend note."):
        assert "mertk" not in [m.key for m in finder.find_text(text)]


def test_a_comma_and_a_space_after_a_number_end_a_list_item(finder):
    # "RAF-1, B-RAF" is two kinases, not the alias "RAF1B" of another gene spelled across the comma
    text = "The invented compound zq-17 blocks RAF-1, B-RAF and KIT in cell lines."
    assert [m.key for m in finder.find_text(text)][:2] == ["raf1", "braf"]
