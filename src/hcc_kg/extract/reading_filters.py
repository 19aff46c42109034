"""Readings a shape makes that the rest of its sentence undoes: a slash pair that names an axis or a class
("PD-1/PD-L1 inhibitor": two targets only of a bispecific or dual drug), a chain of members that names a
pathway ("the A/B/C pathway"), a ligand named for its signalling, a degradation the text never calls a
drug's, and a class noun's target inside a regimen's parenthesis.  Split from :mod:`.mechanisms`.
"""

from __future__ import annotations

import re
from typing import Callable

from .analysis import AnalysedDocument
from .combination_glosses import in_regimen_parenthesis
from .ligand_receptor import kept_receptor
from .mechanism_cues import DEGRADATION_NOMINAL, DEGRADER_TEXT, MACHINERY_AFTER, TWO_TARGET_WORD, counts_members
from .sentences import action_predicate
from .shape_reading import NOUN_PHRASE_SHAPES, Reading, head_after
from .target_lists import TargetList, ligands_naming_signalling, small_molecule_on_ligand
from .targets import Unit


def sentence_filter(doc: AnalysedDocument, text: str, found: list[Unit], lists: list[TargetList],
                    ligands: dict[Unit, Unit], proteins: frozenset[int] = frozenset()) -> Callable[[Reading], bool]:
    """Whether each reading of the sentence ``text`` (its units ``found``, target lists ``lists``, ligand-receptor
    pairs ``ligands``, ``proteins`` where each protein's name starts) is kept."""
    pairs = {unit for tlist in lists if tlist.is_slash_pair(text) and not _names_a_kinase_class(doc, text, tlist)
             and not counts_members(text, tlist.start, tlist.end) for unit in tlist.units}
    kinase_pairs = {unit for tlist in lists if tlist.is_slash_pair(text) and _names_a_kinase_class(doc, text, tlist)
                    for unit in tlist.units}
    chains = {unit for tlist in lists if _names_a_pathway(text, tlist) for unit in tlist.units}
    chains |= {unit for tlist in lists for unit in tlist.units if MACHINERY_AFTER.match(text[unit.end:])}
    signalling = ligands_naming_signalling(doc, text, lists)
    binders = _ligands_kept_from_binding(doc, text, found, lists)
    downstream = _acted_on_by_means_of_another(text, found, proteins)

    def kept(found_reading: Reading) -> bool:
        if found_reading.shape in TARGET_FIRST and in_regimen_parenthesis(text, found, found_reading.drug):
            return False  # "a A inhibitor and a B inhibitor (X plus Y)": read by regimen_gloss, or not at all
        as_axis = not kept_receptor(doc, found_reading, ligands)  # "an inhibitor of FGF19/FGFR4 signalling": FGFR4
        if as_axis and (found_reading.target in chains or
                        (found_reading.target in pairs and not _names_two_targets(doc, text, found_reading)) or
                        (found_reading.target in kinase_pairs and not _acts_on_both_kinases(doc, text, found_reading))):
            return False
        if found_reading.target in binders or found_reading.target in downstream:
            return False
        return not ((found_reading.target in signalling and not _binds_the_ligand(doc, found_reading))
                    or small_molecule_on_ligand(doc, found_reading.drug.keys[0], found_reading.key)
                    or _downstream_degradation(doc, text, found_reading))
    return kept


# "X binds VEGFR2 and prevents VEGF (from) binding": the ligand is kept from binding the receptor X binds, no target.
LIGAND_BINDING_AFTER = re.compile(r"^\s+(?:from\s+)?(?:binding|to\s+bind)\b", re.IGNORECASE)


def _ligands_kept_from_binding(doc: AnalysedDocument, text: str, found: list[Unit], lists: list[TargetList]) -> set[Unit]:
    """Ligands named as the binders a drug keeps from binding, in a sentence where a receptor is named before them."""
    out: set[Unit] = set()
    for tlist in lists:
        ligands = [u for u in tlist.units if u.has_type(doc.vocabulary, "GrowthFactor")]
        receptor_before = any(u.kind == "object" and u.end <= tlist.start and not u.pathway
                              and not u.has_type(doc.vocabulary, "GrowthFactor") for u in found)
        if ligands and receptor_before and LIGAND_BINDING_AFTER.match(text[tlist.end:]):
            out.update(ligands)
    return out


# "X inhibited the A signalling pathway by blocking B": the means names what X acts on; A is what follows from it.
BY_MEANS_AFTER = re.compile(r"[\s)-]*(?:signal(?:l)?ing\s+)?(?:pathways?|signal(?:l)?ing|cascades?|axis|activation|activity)"
                            r"\s*,?\s+(?:by|through|via)\s+(?:directly\s+)?(?:blocking|inhibiting|targeting|suppressing|"
                            r"binding(?:\s+to)?|interfering\s+with)\s+(?:the\s+)?", re.IGNORECASE)


def _acted_on_by_means_of_another(text: str, found: list[Unit], proteins: frozenset[int]) -> set[Unit]:
    """Proteins whose pathway the sentence says a drug acts on by way of another protein named right after the means
    (``proteins``: where each protein's name starts, a target of its own or not: "by blocking T complex formation")."""
    return {unit for unit in found if unit.kind == "object" and not unit.pathway
            and (means := BY_MEANS_AFTER.match(text, unit.end)) and means.end() in proteins}


TARGET_FIRST = ("target-head-drug", "target-such-as-drug", "target-parenthesised-drug")


# "the A/B/C pathway", "A/B signalling": a chain of members names a pathway the drug acts on, not each member.
PATHWAY_AFTER = re.compile(r"^[\s-]*(?:signal(?:l)?ing\s+)?(?:pathways?|signal(?:l)?ing|cascades?|axis|axes)\b",
                           re.IGNORECASE)


def _names_a_pathway(text: str, tlist: TargetList) -> bool:
    chained = all(text[a.end:b.start].strip() in ("/", "-") for a, b in zip(tlist.units, tlist.units[1:]))
    return len(tlist.units) > 1 and chained and bool(PATHWAY_AFTER.match(text[tlist.end:]))


# "X enhanced the degradation of A by blocking T": the means after the degradation names what X acts on.
MEANS_AFTER_DEGRADATION = re.compile(r"\b(?:by|through|via)\s+(?:\w+ly\s+)?(?:blocking|inhibiting|targeting|suppressing|"
                                     r"binding(?:\s+to)?|antagoni[sz]ing)\b", re.IGNORECASE)


def _downstream_degradation(doc: AnalysedDocument, text: str, found: Reading) -> bool:
    """"X induced degradation of T" in a text that calls no drug a degrader: an effect, not X's target (but "X
    enhanced degradation of A by blocking T" acts on T)."""
    start = min(found.drug.end, found.target.start)
    degradations = list(DEGRADATION_NOMINAL.finditer(text, start, found.target.start))
    if not degradations or DEGRADER_TEXT.search(doc.document.text):
        return False
    return MEANS_AFTER_DEGRADATION.search(text, degradations[-1].end(), found.target.start) is None


def _binds_the_ligand(doc: AnalysedDocument, found: Reading) -> bool:
    """An antibody may bind the ligand itself where a verb says so ("X neutralises VEGF signalling"); a class it is
    called by names the pathway only ("X, a VEGF pathway inhibitor": the ligand or its receptor)."""
    return action_predicate(doc, found.drug.keys[0], found.key) == "isAntibodyAgainst" \
        and found.shape not in NOUN_PHRASE_SHAPES


def _names_two_targets(doc: AnalysedDocument, text: str, found: Reading) -> bool:
    """"A/B" is two targets of a bispecific or dual drug, else an axis or a class ("PD-1/PD-L1")."""
    if doc.vocabulary[found.drug.keys[0]].has_type("BispecificAntibody"):
        return True
    return bool(TWO_TARGET_WORD.search(text, max(0, found.start - 60), min(len(text), found.end + 60)))


def _names_a_kinase_class(doc: AnalysedDocument, text: str, tlist: TargetList) -> bool:
    """"an ALK/ROS1 inhibitor", "MET/VEGFR2-targeted TKI": a slash pair of kinases heading a drug noun
    (not "the MET/AXL loop", which names an interplay)."""
    return all(doc.vocabulary[key].has_type("Kinase") for unit in tlist.units for key in unit.keys) \
        and head_after(text, tlist, len(text), "") is not None


def _acts_on_both_kinases(doc: AnalysedDocument, text: str, found: Reading) -> bool:
    """"an ALK/ROS1 inhibitor": a small molecule inhibits both kinases of a slash pair; for other drugs the
    pair is read as any other ("PD-1/PD-L1": two targets only of a bispecific or dual drug)."""
    return doc.vocabulary[found.drug.keys[0]].has_type("SmallMolecule") or _names_two_targets(doc, text, found)
