"""A drug introduced by its class and its target, and named only afterwards.

Laboratory papers make a compound or an antibody first and name it after: "we obtained a monoclonal antibody
against T, designated X, ..." (named in the same sentence), or "We raised an antibody against the C-terminal part of
T. The antibody, termed X, ..." (named at the start of the next).  The indefinite phrase ("a ... antibody against
T") says what the drug acts on; the naming says which drug it is.  The evidence is the phrase, read in its sentence
(negated or hedged there, the reading is too), with the drug's key; its naming is only the link.

>>> INTRODUCED_BEFORE.search("they raised a chimeric antibody (cAb) against the N-terminal domain of ") is not None
True
>>> NAMED_BACK_START.match("The mAb, designated ") is not None, NAMED_BACK_START.match("The mAb was ") is None
(True, True)
"""

from __future__ import annotations

import re
from typing import Iterable

from ..model import Assertion
from .analysis import AnalysedDocument
from .mechanisms import reading_assertion
from .registry import EXTRACTORS
from .shape_reading import phrase_readings
from .target_lists import TargetList, target_lists
from .targets import Unit, units

# The class nouns a new drug is introduced by.
_HEAD = r"(?:antibod(?:y|ies)|mAbs?|nanobod(?:y|ies)|inhibitors?|compounds?|molecules?|agents?)"
#: "a (novel, humanized, monoclonal) antibody (mAb) against (the C-terminal part of) T", "a small molecule that
#: binds (to) T": an indefinite class phrase and how it acts, the target next.
INTRODUCED_BEFORE = re.compile(
    rf"\b(?:an?)\s+(?:[\w-]+\s+){{0,3}}?{_HEAD}(?:\s*\([^()]{{1,12}}\))?\s+"
    r"(?:against|targeting|directed\s+(?:against|at|to)|specific\s+(?:for|to)|(?:that|which)\s+(?:binds?|targets?|"
    r"inhibits?|recogni[sz]es|blocks?)(?:\s+to)?)\s+"
    r"(?:(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:part|portion|domain|region|epitope|fragment|terminus)\s+of\s+)?(?:the\s+)?$",
    re.IGNORECASE)
#: After the target, in the same sentence: ", designated X", "(named X)".
NAMED_AFTER_GAP = re.compile(r"^[^.;()]{0,60}?(?:,\s*|\s+|\(\s*)(?:designated|named|termed|called|dubbed)\s+$", re.IGNORECASE)
#: The next sentence naming it back: "The mAb, designated X, ...", "This antibody, termed X".
NAMED_BACK_START = re.compile(rf"^\s*(?:The|This)\s+(?:[\w-]+\s+)?{_HEAD}\s*,?\s+(?:designated|named|termed|called|dubbed)\s+$",
                              re.IGNORECASE)
# A quick look before a sentence is analysed.
CANDIDATE = re.compile(rf"\ban?\s+(?:[\w-]+\s+){{0,3}}?{_HEAD}\b", re.IGNORECASE)


def _introduced(text: str, tlist: TargetList) -> re.Match | None:
    """The indefinite class phrase right before the target list, if it introduces a drug acting on it."""
    return INTRODUCED_BEFORE.search(text, max(0, tlist.front - 160), tlist.front)


def _named_in(text: str, found: list[Unit], start: int, gap: re.Pattern) -> Unit | None:
    """The drug whose name follows ``start`` across a gap ``gap`` matches (no other drug before it)."""
    drugs = [u for u in found if u.kind == "drug" and u.start >= start]
    return drugs[0] if drugs and gap.match(text[start:drugs[0].start]) else None


def _named_drug(doc: AnalysedDocument, index: int, found: list[Unit], tlist: TargetList) -> Unit | None:
    """The drug the introduced phrase is named as: in its sentence after the target, else opening the next."""
    text = doc.sentences[index].text
    if (drug := _named_in(text, found, tlist.end, NAMED_AFTER_GAP)) is not None:
        return drug
    if index + 1 < len(doc.sentences):
        following = doc.sentences[index + 1]
        return _named_in(following.text, units(doc, following), 0, NAMED_BACK_START)
    return None


@EXTRACTORS.register("named-afterwards-mechanism")
def named_afterwards_statements(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Drug acts on the target of the class phrase that introduced it before it was named."""
    for index, sent in enumerate(doc.sentences):
        if not CANDIDATE.search(sent.text):
            continue
        found = units(doc, sent)
        for tlist in target_lists(sent.text, found):
            intro = _introduced(sent.text, tlist)
            if intro is None or any(u.kind == "drug" and intro.start() <= u.start < tlist.front for u in found):
                continue
            drug = _named_drug(doc, index, found, tlist)
            if drug is not None:
                # the class phrase is the drug's mention in this sentence
                for reading in phrase_readings(sent, drug.keys[0], tlist, intro.start(), tlist.front, "named-afterwards"):
                    yield reading_assertion(doc, sent, reading)
