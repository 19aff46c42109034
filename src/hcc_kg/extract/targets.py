"""A sentence as a sequence of drug and target units, for the mechanism shape rules.

What a reader does before reading a shape: a brand in parentheses is the same drug
("lenvatinib (Lenvima)"); an abbreviation in parentheses is the same target ("vascular
endothelial growth factor receptor (VEGFR)"); a numbered or Greek series names members
("VEGF receptors 1-3", "FGFR1, 2, 3 and 4", "PDGF receptor α", "PDGFRα/β"; :mod:`.target_series`); "L receptor"
and "receptors of L" name the receptor, not the ligand L; a drug-class term such as
"tyrosine kinase inhibitor" may hide a target it is named after ("receptor tyrosine
kinase inhibitor"); a target used as a modifier ("MET-amplified", "PD-L1 expression") is no
target.  Targets joined by list glue form a :class:`.target_lists.TargetList`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Mention
from ..vocab import Vocabulary
from .analysis import AnalysedDocument, AnalysedSentence
from .sentences import DRUG
from .target_modifiers import AS_MODIFIER, governed_altered_form
from .target_series import every_member, expand_series, glued_member, plural_series, typed_member

OBJECT = ("Protein", "ProteinFamily", "Pathway")
CLASS_TERM = ("DrugClassTerm",)

# "X hydrochloride monohydrate (X; formerly ...)", "X tosilate": a salt form is the same drug.
SALT = (r"(?:\s+(?:(?:di)?hydrochloride|hydrobromide|(?:di)?mesylate|mesilate|tosylate|tosilate|besylate|besilate|esylate|esilate|"
        r"malate|citrate|maleate|succinate|tartrate|fumarate|sulfate|phosphate|sodium|potassium|(?:mono|di|hemi)hydrate|free base))*")
# ("receptor 4 ("R4")": a press release quotes the symbol it defines)
SAME_THING_GAP = re.compile(rf"^{SALT}\s*(?:\(\s*[\"“‘]?|,\s*)\s*(?:also known as\s+|(?:formerly|previously)(?:\s+known\s+as)?\s+|aka\s+|"
                            r"also called\s+)?$", re.IGNORECASE)
CLOSING = re.compile(r"^[\s®™]*\)")
# "X, also known as Y, is ...": the comma closing the alias belongs to it.
COMMA_CLOSING = re.compile(r"^[\s®™]*,(?=\s)")
# The rest of a same-thing parenthesis after the alias: "(Zepsun®, another brand®)", "(Brand, CODE-12, a maker's full name)".
REST_OF_PARENTHESIS = re.compile(r"^[^()]{0,80}?\)")
ANTI_BEFORE = re.compile(r"\banti-?\s*$", re.IGNORECASE)
# A ligand's receptor: "VEGF receptor(s)", or the kinase a ligand's name stands for before the words for a kinase
# inhibitor, "a VEGF tyrosine kinase inhibitor", "a VEGF-TKI" (the kinase is the receptor's; the words are left for
# the cue).
_KINASE_INHIBITOR_AFTER = r"(?=[\s-]+(?:tyrosine[\s-]+kinase[\s-]+inhibitors?|TKIs?)\b)"
RECEPTOR_AFTER = re.compile(rf"^[\s-]*receptors?\b|^{_KINASE_INHIBITOR_AFTER}", re.IGNORECASE)
# "VEGF and PDGF receptors", "VEGF, FGF and PDGF receptors": the receptor of each ligand; an item may be a
# ligand's full name ("VEGF and fibroblast growth factor receptors"), but no determiner or preposition, which
# would start a phrase of its own ("VEGF and its receptors": the ligand and the receptors).
_LIST_WORD = r"(?!(?:the|its|their|a|an|of|to|for|with|by|in|on|other|both)\b)[\w-]+"
# ... each item perhaps with its abbreviation: "fibroblast growth factor (FGF) and stem cell factor (SCF) receptors"
_ITEM_ALIAS = r"(?:\s*\([A-Za-z][\w-]{0,11}\))?"
SHARED_RECEPTOR = re.compile(rf"^{_ITEM_ALIAS}(?:\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|/)\s*{_LIST_WORD}(?:\s+{_LIST_WORD}){{0,3}}"
                             rf"{_ITEM_ALIAS}){{1,4}}(?:\s+receptors?\b|{_KINASE_INHIBITOR_AFTER})", re.IGNORECASE)
# "receptors for VEGF", "the receptor tyrosine kinases for PDGF": the receptor of the ligand named after.
# Not "a decoy receptor for VEGF": a trap that binds the ligand is no receptor of it in the cell.
_RECEPTOR_WORD = r"\b(?<!decoy )(?<!soluble )receptor(?:\s+(?:tyrosine\s+)?kinase)?s?"
RECEPTOR_BEFORE = re.compile(rf"{_RECEPTOR_WORD}\s+(?:of|for)\s+(?:the\s+)?$", re.IGNORECASE)
# "the receptors for FGF, PDGF and VEGF": the later ligands of the list share the receptor word.
# An item may have a few words: "receptors for fibroblast growth factor and stem cell factor".
RECEPTOR_BEFORE_LIST = re.compile(rf"{_RECEPTOR_WORD}\s+(?:of|for)\s+(?:the\s+)?"
                                  r"(?:[\w-]+(?:\s+[\w-]+){0,3}?(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)){1,4}$",
                                  re.IGNORECASE)
# Kinases named by their catalytic kind ("receptor tyrosine kinase (RTK) inhibitor", "other RTKs
# including ...") name a class of drugs or a category of targets, not a target of one drug.
CATALYTIC_CLASS = re.compile(r"(?:(?:receptor|non-?receptor|protein|multiple)[\s-]+)?(?:tyrosine|serine/threonine|"
                             r"serine-threonine)?[\s-]*kinases?(?:[\s-]+receptors?)?|RTKs?|TKs?", re.IGNORECASE)
HEAD_WORD = re.compile(r"\s*(?:inhibitors?|antibod(?:y|ies)|blockers?|(?:ant)?agonists?|TKIs?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Unit:
    """A drug or a target in a sentence: its keys, local span, first mention, "anti-" start."""

    kind: str
    keys: tuple[str, ...]
    start: int
    end: int
    mention: Mention
    anti_start: int | None = None
    pathway: bool = False  # a pathway or process ("angiogenesis"), not a protein

    @property
    def front(self) -> int:
        """Where the unit's words begin: its "anti-", if written, else its name."""
        return self.anti_start if self.anti_start is not None else self.start

    def has_type(self, vocabulary: Vocabulary, kind: str) -> bool:
        """Is any entity the unit names of this type ("GrowthFactor", "Kinase")?"""
        return any(vocabulary[key].has_type(kind) for key in self.keys)


def _receptor_of_ligand(doc: AnalysedDocument, text: str, mention: Mention, start: int, end: int):
    """"VEGF receptor(s)" / "receptors for VEGF" name the receptor: (keys, start, end), or None to drop."""
    after = RECEPTOR_AFTER.match(text[end:])
    before = RECEPTOR_BEFORE.search(text[:start])
    if SHARED_RECEPTOR.match(text[end:]):  # "VEGF and PDGF receptors": the receptor of each ligand
        after = re.match(r"", text[end:])
    shared_before = before is None and RECEPTOR_BEFORE_LIST.search(text[:start]) is not None
    if not after and not before and not shared_before:
        return (mention.key,), start, end
    entity = doc.vocabulary[mention.key]
    for name in entity.names():
        key = doc.finder.lookup(f"{name} receptor")
        if key and key != mention.key and doc.vocabulary.is_target(key):
            return (key,), (before.start() if before else start), end + (after.end() if after else 0)
    if entity.has_type("GrowthFactor"):
        return None
    # "the RET receptor (RET)": a receptor named with the word after it is still itself, word included
    return (mention.key,), start, end + (after.end() if after and after.group(0).strip() else 0)


def _class_term_target(doc: AnalysedDocument, text: str, mention: Mention, start: int, end: int) -> Unit | None:
    """"receptor tyrosine kinase inhibitor": the target a class term's words name with the word before."""
    head = HEAD_WORD.search(text[start:end])
    if head is None:
        return None
    words = list(re.finditer(r"[\w-]+", text[max(0, start - 40):start + head.start()]))
    base = max(0, start - 40)
    for first in words[-4:-1] if len(words) > 1 else []:
        words = text[base + first.start():start + head.start()]
        key = doc.finder.lookup(words)
        if key and doc.vocabulary.is_target(key) and not CATALYTIC_CLASS.fullmatch(words.strip()):
            return Unit("object", (key,), base + first.start(), start + head.start(), mention)
    return None


def _read_after_alias(doc: AnalysedDocument, text: str, unit: Unit) -> Unit:
    """"vascular endothelial growth factor (VEGF) receptors", "... Receptor (VEGFR) 1-3": what
    follows a name and its abbreviation reads as it would after the name alone."""
    if unit.kind != "object" or len(unit.keys) != 1 or not doc.vocabulary.is_target(unit.keys[0]):
        return unit
    read = _receptor_of_ligand(doc, text, unit.mention, unit.start, unit.end) if unit.keys == (unit.mention.key,) else None
    keys, start, end = read if read is not None else (unit.keys, unit.start, unit.end)
    glued = glued_member(doc, text, unit.keys[0], unit.end)
    if glued is not None:
        return Unit(unit.kind, (glued[0],), unit.start, glued[1], unit.mention, unit.anti_start)
    keys, end = expand_series(doc, text, unit.mention, keys, end)
    return Unit(unit.kind, keys, start, end, unit.mention, unit.anti_start)


# What opens a bracket that says what the name before it means: "receptors (ie, A, B)", "(namely A)".
MEANING_LEAD = r"(?:i\.?\s?e\.?|namely)[,:]?\s+"
# "VEGF receptors VEGFR1 ...", "receptor family (VEGFR1-3)", "receptors (ie, VEGFR1, ...)": a family word before
# its members.
FAMILY_THEN_MEMBERS = re.compile(r"^\s*(?:(?:family|families|members?|subunits?|isoforms?|types?)(?:\s+[\w-]{1,8})?\s*)?"
                                 rf"(?:\(\s*(?:{MEANING_LEAD})?)?$", re.IGNORECASE)


GLUED_NUMBER = re.compile(r"^-(?:\d+(?![\w.])|[A-Z](?![\w-]))")  # "VEGF-1", "VEGF-E": a member the vocabulary lacks
def _heads_its_members(doc: AnalysedDocument, text: str, family: Unit, unit: Unit) -> bool:
    if family.kind != "object" or unit.kind != "object" or len(family.keys) != 1:
        return False
    members = doc.vocabulary[family.keys[0]].members or ()
    if bool(members) and set(unit.keys) <= set(members) and bool(FAMILY_THEN_MEMBERS.match(text[family.end:unit.start])):
        return True
    # "the chemokine receptor CXCR4": a family word right before one protein describes it (the generated families
    # do not list the hand vocabulary's proteins as members)
    return text[family.end:unit.start] == " " and doc.vocabulary[family.keys[0]].has_type("ProteinFamily") \
        and len(unit.keys) == 1 and doc.vocabulary[unit.keys[0]].has_type("Protein") and bool(members)


def _receptor_abbreviated(doc: AnalysedDocument, ligand: Unit, unit: Unit) -> bool:
    """"platelet-derived growth factor (PDGFR)": a ligand's name with its receptor's symbol means the receptor."""
    if len(ligand.keys) != 1 or len(unit.keys) != 1 or not doc.vocabulary[ligand.keys[0]].has_type("GrowthFactor"):
        return False
    return any(doc.finder.lookup(f"{name} receptor") == unit.keys[0] for name in doc.vocabulary[ligand.keys[0]].names())


def _anti(text: str, start: int) -> int | None:
    match = ANTI_BEFORE.search(text[:start])
    return match.start() if match else None


PREFIX_BEFORE = re.compile(r"(?:(?<![\w-])[chv]-)?$")
SAME_DRUG_APPOSITIVE = re.compile(r"^[\s)]*,\s*(?:an?|the)\s+[^,;()]{0,50}$", re.IGNORECASE)

# "RET (REarranged during Transfection)": the spelled-out name after a symbol belongs to the symbol (not a word
# about the list: "A and B (respectively)", "(both)").
EXPANSION = re.compile(r"^\s*\((?!\s*(?:respectively|both|each|all|alike)\s*\))[A-Za-z][A-Za-z\s-]{2,60}\)", re.IGNORECASE)


def _with_expansion(sent: AnalysedSentence, unit: Unit) -> Unit:
    """A unit with its spelled-out name in parentheses, when no other mention lies inside them."""
    match = EXPANSION.match(sent.text[unit.end:])
    if match is None or any(unit.end <= sent.local(m)[0] < unit.end + match.end() for m in sent.mentions):
        return unit
    return Unit(unit.kind, unit.keys, unit.start, unit.end + match.end(), unit.mention, unit.anti_start)


# A drug's name hyphenated to an adjective is a modifier of something else ("an ATP-competitive inhibitor",
# "sorafenib-resistant cells"), not a drug that acts in the sentence.
DRUG_AS_MODIFIER = re.compile(r"^-(?:competitive|binding|mimetic|site|pocket|analog(?:ue)?s?|derived|based|resistant|"
                              r"refractory|(?:pre)?treated|na[iï]ve|exposed|induced|(?:in)?sensitive|(?:in)?tolerant)\b",
                              re.IGNORECASE)


# "mapatumumab (HGS-ETR1, TRM-1)": a bracket of the drug's code names names the drug again, even where a code
# holds a gene's symbol; not "(PD-1, CTLA-4)", a bracket of whole target names.
CODE_ITEM = r"[A-Z][A-Za-z]{1,5}-?[A-Za-z]{0,4}\d+[A-Za-z]?"
CODE_BRACKET = re.compile(rf"^\s*\(\s*({CODE_ITEM}(?:\s*[,;]\s*{CODE_ITEM})*)\s*\)")


def _code_bracket_end(sent: AnalysedSentence, end: int) -> int:
    """Where a bracket of code names right after a drug ends (``end`` when there is none)."""
    match = CODE_BRACKET.match(sent.text[end:])
    if match is None:
        return end
    surfaces = {mention.surface for mention in sent.mentions}
    if all(item in surfaces for item in re.split(r"\s*[,;]\s*", match.group(1))):
        return end
    return end + match.end()


def units(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Unit]:
    """Drugs and targets of a sentence, in order, with same-thing parentheses merged."""
    text = sent.text
    out: list[Unit] = []
    codes_end = -1
    plural = _plural_series_units(doc, sent)
    for mention in sent.mentions:
        start, end = sent.local(mention)
        entity = doc.vocabulary[mention.key]
        while plural and plural[0].start <= start:
            out.append(plural.pop(0))
        if start < codes_end or (out and out[-1].mention.key == "" and start < out[-1].end):
            continue  # in a bracketed code list, or a word of a plural series ("cyclin" in "cyclin-dependent kinases 4 and 6")
        if entity.has_type(*DRUG):
            if out and out[-1].kind == "drug" and start < out[-1].end and mention.key in out[-1].keys:
                continue  # "X (X-suffix; Brand®)": a second alias inside the parenthesis already merged into X
            codes_end = _code_bracket_end(sent, end)
            if DRUG_AS_MODIFIER.match(text[end:]):
                continue  # "an ATP-competitive inhibitor of T", "sorafenib-resistant cells": no drug acting here
            if out and out[-1].keys == (mention.key,) and SAME_DRUG_APPOSITIVE.match(text[out[-1].end:start]):
                continue  # "X (Brand), a novel urea X-code, is ...": the code names X again
            salt = re.match(SALT, text[end:], re.IGNORECASE)  # "X malate is an inhibitor of": the salt is X
            unit = Unit("drug", (mention.key,), start, end + salt.end(), mention)
        elif entity.has_type(*OBJECT) and ((AS_MODIFIER.match(text[end:]) and not governed_altered_form(text, start, end))
                                           or CATALYTIC_CLASS.fullmatch(mention.surface)):
            continue
        elif entity.has_type(*OBJECT):
            read = _receptor_of_ligand(doc, text, mention, start, end)
            if read is None:
                continue
            keys, start, end = read
            start -= len(PREFIX_BEFORE.search(text[:start]).group(0))  # "c-CRAF", "c-Kit": the cellular prefix
            keys, end = typed_member(doc, text, keys, start, end)
            keys, end = expand_series(doc, text, mention, keys, end)
            keys = every_member(doc, text, keys, start)
            if GLUED_NUMBER.match(text[end:]):
                continue  # "VEGF-1": a name the vocabulary knows only in part is not that entity
            unit = Unit("object", keys, start, end, mention, _anti(text, start), entity.has_type("Pathway"))
        elif entity.has_type(*CLASS_TERM):
            unit = _class_term_target(doc, text, mention, start, end)
            if unit is None:
                continue
            unit = Unit(unit.kind, unit.keys, unit.start, unit.end, unit.mention, _anti(text, unit.start))
        else:
            continue
        if out and out[-1].kind == unit.kind and (set(unit.keys) <= set(out[-1].keys) or _receptor_abbreviated(doc, out[-1], unit)) \
                and (SAME_THING_GAP.match(text[out[-1].end:unit.start]) or _slashed_synonym(text, out[-1], unit)):
            gap = text[out[-1].end:unit.start]
            closing = None if gap == "/" else \
                (REST_OF_PARENTHESIS if "(" in gap else CLOSING if "," not in gap else COMMA_CLOSING).match(text[unit.end:])
            if closing and any(unit.end <= sent.local(m)[0] < unit.end + closing.end() and m.key in doc.vocabulary
                               and doc.vocabulary[m.key].has_type(*OBJECT) for m in sent.mentions):
                closing = None  # "X (Z; anti-T)": the rest of the bracket names a target, it is not X's name
            last = out.pop()
            keys = unit.keys if _receptor_abbreviated(doc, last, unit) else last.keys
            unit = Unit(last.kind, keys, last.start, unit.end + (closing.end() if closing else 0),
                        unit.mention if keys != last.keys else last.mention, last.anti_start)
            unit = _read_after_alias(doc, text, unit)
        if out and _heads_its_members(doc, text, out[-1], unit):
            # "VEGF receptors VEGFR1, VEGFR2 and VEGFR3": the family only introduces its members
            family = out.pop()
            unit = Unit(unit.kind, unit.keys, family.start, unit.end, unit.mention, family.anti_start)
        out.append(_with_expansion(sent, unit) if unit.kind == "object" else unit)
    return out + plural


def _slashed_synonym(text: str, last: Unit, unit: Unit) -> bool:
    """"EGFR/HER1", "KDR/VEGFR2": two names of the same target joined by a slash are one target, not a list."""
    return text[last.end:unit.start] == "/" and set(unit.keys) == set(last.keys)


def _plural_series_units(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Unit]:
    """Targets read from a plural name and its numbers where no mention is that name ("VEGF receptors 1-3" is
    the family's series, read by :func:`expand_series`).  Their mention has an empty key so that the words inside
    them are skipped."""
    offsets = sent.sentence.mapped.offsets
    named = {sent.local(m)[1] for m in sent.mentions}
    return [Unit("object", keys, start, end, Mention(offsets[start], offsets[end - 1] + 1, "", sent.text[start:end]))
            for start, name_end, end, keys in plural_series(doc, sent.text) if name_end not in named]
