"""Targets joined by list glue into one list ("VEGFR1, 2 and 3", "KIT, PDGFR and RET", "A and, to a lesser extent, B"),
the units of :mod:`.targets` read as runs; and the ligands a list names where it names their signalling ("an inhibitor
of VEGF and FGF signalling"), on whose receptors a small molecule acts.  Split from :mod:`.targets`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .analysis import AnalysedDocument
from .targets import MEANING_LEAD, Unit


@dataclass(frozen=True)
class TargetList:
    """Targets joined by list glue; ``anti`` when the list is written "anti-T"."""

    units: tuple[Unit, ...]

    @property
    def start(self) -> int:
        return self.units[0].start

    @property
    def end(self) -> int:
        return self.units[-1].end

    @property
    def anti_start(self) -> int | None:
        return self.units[0].anti_start

    @property
    def front(self) -> int:
        """Where the list's words begin: its "anti-", if written, else its first target."""
        return self.units[0].front

    def is_slash_pair(self, text: str) -> bool:
        """Two targets written "A/B"."""
        return len(self.units) == 2 and text[self.units[0].end:self.units[1].start].strip() == "/"


# A list goes on over commas, "and/or", "as well as", "but not", brackets (also "(ie, ...)"), and a short
# category introducing a bracketed sub-list: "kinases (A, B), pathway kinases (C), and other targets (D)".
# "B and to a lesser extent C", "B, and at higher concentrations, the C": a weaker member is still one.
DEGREE = (r"(?:(?:to\s+a\s+(?:lesser|smaller|greater|minor)\s+(?:extent|degree)|at\s+(?:higher|lower)\s+"
          r"(?:concentrations?|doses?)|(?:more\s+)?weakly|less\s+potently)\s*,?\s*(?:the\s+)?)?")
# Words that open a clause of their own, or a phrase about the item before, not the next item of a list: "PD-L1,
# thereby blocking its receptor (PD-1)", "A), whereas tumours (B".
_NEW_CLAUSE = "its|their|thereby|thus|which|that|blocking|inhibiting|binding|targeting|preventing|whereas|while|although|but"
# "platelet-derived growth factor-beta, FLT3": a Greek letter the name did not take in;
# "EGFR- and MET-directed": a hyphen suspended before "and"
LIST_GLUE = re.compile(r"^(?:-(?:alpha|beta|gamma|α|β|γ)\b|-(?=\s+(?:and|or)\s))?[\s,/()\[\]]*"
                       # "receptors (ie, A, B)", "(e.g., A)": a bracket that names what the item before it means
                       rf"(?:(?<=\()(?:{MEANING_LEAD}|e\.?\s?g\.?[,:]?\s+))?"
                       # ("A and several B kinases": a count of the family's members, still the list's item)
                       r"(?:(?:and|or|and/or|as well as|but not|and not|not|nor|but also|&),?\s+"
                       r"(?:the\s+|(?:several|various|multiple)\s+)?"
                       # "inhibitor of the A receptor, the B receptor, and C": an article after a bare comma
                       r"|(?<=,\s)the\s+)?"
                       + DEGREE + r"[\s(]*"
                       # "A, wild-type B and the mutant V600E B": a state or a variant before an item
                       r"(?:(?:the\s+)?(?:wild[- ]type|mutant|mutated|activated|oncogenic|[A-Z]\d+[A-Z]?)\s+){0,3}(?:pan-)?$"
                       # "A and the pro-angiogenic cytokine B": a category noun before the next item, also after a
                       # pathway the item names ("the RAF pathway and the receptor tyrosine kinases B and C"), and
                       # the kinases' class without its article ("A and receptor tyrosine kinases B and C")
                       # ("A and B and cell surface kinases C and D", "A as well as receptor kinases C": the class
                       # without its article, after modifiers that are no verb)
                       r"|^(?:\s+(?:signal(?:l)?ing|pathways?|axis|cascade)(?:\s+pathway)?)?[\s,)]*(?:,\s*|\s(?:and|or|as\s+well\s+as)\s+)"
                       r"(?:(?:the|an?)\s+(?!(?:its|their)\b)(?:[\w-]+\s+){0,2}"
                       r"(?:cytokines?|receptors?|kinases?|checkpoints?|proteins?|enzymes?)|(?:receptor\s+)?tyrosine\s+kinases|RTKs"
                       r"|(?:(?![\w/-]*(?:ed|ing|[^s]s)\s)[\w/-]+\s+){1,2}kinases)\s+$"
                       # "VEGFR2, tyrosine kinase with Ig-like domains 2 (TIE-2)": an unknown full name, then its symbol
                       # (not "PD-L1, thereby blocking its receptor (PD-1)": a new clause, not a name)
                       # (nor "A), whereas tumours (B": a subordinate clause)
                       rf"|^\s*\)?\s*,\s*(?:(?:and|or)\s+)?(?![^,;()]*\b(?:{_NEW_CLAUSE})\b)[^,;()]{{1,80}}\(\s*$"
                       # "(PD-1 × CTLA-4)", "BCMA×CD3": the two arms of a bispecific
                       r"|^\s+[×x]\s+$|^×$"
                       # "anti-PD-1 and anti-CTLA-4 (antibodies)", "anti-A IgG4 and anti-B IgG1": each item with its "anti-"
                       r"|^(?:\s+IgG\d)?\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)anti-\s*$"
                       # "A (IC50 18 nM), B (34 nM) and C": each item's measured value in brackets
                       r"|^\s*\((?=[^()]*\d)[^();]{1,40}\)\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)$"
                       # "TYRO3, MER, KIT": a symbol the vocabulary does not know is still a list item
                       r"|^\s*[,/]\s*(?:[A-Z][A-Z0-9-]{1,9}\s*,\s*){1,2}(?:(?:and|or)\s+)?$"
                       # "A (B), oncogenesis (C)": a category's members in brackets, then the next category's (a symbol the
                       # vocabulary lacks, or a glued mutation, may close the first: "(B, XYZ9), C (", "(BV600E), C (")
                       r"|^(?:(?-i:[A-Z]\d+[A-Z])?(?-i:\s*,\s*[A-Z][A-Z0-9-]{1,11})?\s*\))?\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)"
                       rf"(?![^,;()]*\b(?:{_NEW_CLAUSE})\b)(?:[\w-]+\s+){{0,7}}[\w-]+\s*\(\s*$",
                       re.IGNORECASE)


# A semicolon joins list items only when the item after it goes on as a list item does.
# ... also after the item's members in brackets, and before the next item's ("A (A1, A2); B (B1, B2); C and D", a
# bulleted list a colon opened, flattened).
SEMICOLON_GLUE = re.compile(r"^\s*\)?\s*;\s*(?:and\s+)?(?:the\s+)?$")
ITEM_END = re.compile(r"^\s*(?:[,;.()/]|and\b|or\b|$)", re.IGNORECASE)


# "a bispecific CD20-directed CD3 T-cell engager", "a gp100 peptide-HLA-directed CD3 T cell engager": the
# tumour target, then the T-cell arm, both before one engager head (the label wording of T-cell engagers).
DIRECTED_ARM = re.compile(r"^(?:\s+peptide[\s-]+HLA)?[\s-]*(?:directed|targeting|targeted)\s+$", re.IGNORECASE)
ENGAGER_AFTER = re.compile(r"^[\s-]+(?:bispecific\s+)?(?:T[\s-]*cell[\s-]+)?(?:engagers?|redirect(?:ing|or)s?\b|TCEs?\b|BiTEs?\b)",
                           re.IGNORECASE)


# A mark glued after an item that refers to a note: "VEGFR1*", "(TIE2)2,6,9, PDGFRA", "PDGFR β6,7 and KIT" (citation
# numbers fused to a closing bracket or a Greek letter, as pages copied from articles print them); the list goes on.
NOTE_MARK = re.compile(r"(?:[*†‡§]+|\)?(?<=[)αβγ])\d{1,3}(?:[,–-]\d{1,3})*(?=\s*(?:,|and\b|or\b)))")


def _joined(text: str, previous: Unit, unit: Unit) -> bool:
    gap = text[previous.end:unit.start]
    if (mark := NOTE_MARK.match(text, previous.end)) is not None:
        gap = text[mark.end():unit.start]
    if DIRECTED_ARM.match(gap) and ENGAGER_AFTER.match(text[unit.end:]):
        return True
    return bool(LIST_GLUE.match(gap) or (SEMICOLON_GLUE.match(gap) and ITEM_END.match(text[unit.end:])))


def target_lists(text: str, found: list[Unit]) -> list[TargetList]:
    """Runs of targets joined by list glue, in order."""
    lists: list[list[Unit]] = []
    previous: Unit | None = None
    for unit in found:
        if unit.kind != "object":
            previous = unit
            continue
        if previous is not None and previous.kind == "object" and lists and _joined(text, previous, unit):
            lists[-1].append(unit)
        else:
            lists.append([unit])
        previous = unit
    return [TargetList(tuple(group)) for group in lists]


# "an inhibitor of VEGF, FGF and PDGF signalling": ligands before "signalling" name pathways.
SIGNALLING_AFTER = re.compile(r"^[\s)-]*(?:signal(?:l)?ing|pathways?|axis|axes|cascades?)\b", re.IGNORECASE)


def ligands_naming_signalling(doc: AnalysedDocument, text: str, lists: list[TargetList]) -> set[Unit]:
    """Ligands of a list that ends in "signalling": a small molecule acts on their receptors, not on them."""
    return {unit for tlist in lists if SIGNALLING_AFTER.match(text[tlist.end:]) for unit in tlist.units
            if unit.has_type(doc.vocabulary, "GrowthFactor")}


def small_molecule_on_ligand(doc: AnalysedDocument, drug: str, target: str) -> bool:
    """"X, a TKI with activity against KIT, PDGFR and VEGF": a small molecule acts on the ligand's receptor, not on it."""
    return doc.vocabulary[drug].has_type("SmallMolecule") and doc.vocabulary[target].has_type("GrowthFactor")
