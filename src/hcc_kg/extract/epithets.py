"""A drug named back by its class, an epithet: "the PD-1 inhibitor", "the anti-PD-L1 antibody".

News names its drug in the title and then, later, by what it is: "In 2017 the agency granted an accelerated
approval to the PD-1 inhibitor for ...".  Such a definite description with no drug name after it speaks of the
drug the document is about, and says what that drug acts on.  It is read only where that drug is certain: the
one drug the sentence's heading or the document's title names (:func:`.discourse_drugs.titled_drug`), no drug
named in the sentence before the epithet, and no other drug named anywhere in the document beside the same
target (then "the T inhibitor" could be either).  How the sentence puts it (negated, hedged) travels with it.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..model import Assertion
from .analysis import AnalysedDocument
from .discourse_drugs import CLASS_HEADS, SET_APART, titled_drug
from .mechanisms import reading_assertion
from .registry import EXTRACTORS
from .sentences import DRUG
from .shape_reading import head_after, phrase_readings
from .target_lists import TargetList, target_lists
from .targets import Unit, units

# The determiner that makes the class a reference back: "the", "this" (not "a": "a PD-1 inhibitor" is new).
# ... perhaps with words that describe it between: "the investigational PD-1 inhibitor", "the oral MET blocker".
# ... but not one set apart from the drug spoken of: "the first PD-1 inhibitor", "the other TKI" may be another drug.
_DEFINITE = rf"\b(?:the|this)\s+(?!{SET_APART}\b)(?-i:[a-z][\w-]*\s+){{0,2}}?"
DEFINITE_BEFORE = re.compile(rf"{_DEFINITE}(?:anti-?\s*)?$", re.IGNORECASE)
# A drug's name right after the head ("the PD-1 inhibitor nivolumab", "the PD-1 inhibitor (nivolumab)") is an
# apposition the other shapes read, no epithet.
NAME_NEXT_GAP = re.compile(r"^[\s,(]*$")
# Only heads that name an action by themselves: "the PD-1 inhibitor", not "the PD-1 pathway drug".
EPITHET_HEAD = re.compile(rf"{CLASS_HEADS}\b", re.IGNORECASE)
# ... or the head first, its targets after: "the inhibitor of A (ABBR) and multiple B is also approved for ...".
HEAD_FIRST_BEFORE = re.compile(rf"{_DEFINITE}{CLASS_HEADS}\s+(?:of|against|targeting)\s+(?:the\s+)?$", re.IGNORECASE)
# A quick look for an epithet before any sentence is analysed (most have none).
CANDIDATE = re.compile(rf"\b(?:the|this)\s+(?:[\w-]+\s+){{0,4}}?{CLASS_HEADS}\b", re.IGNORECASE)


def _epithet_lists(doc: AnalysedDocument, index: int) -> list[tuple[TargetList, int, int]]:
    """Each target list of sentence ``index`` that an epithet names: (list, start of "the", end of the head); read
    once."""
    sent = doc.sentences[index]

    def read() -> list[tuple[TargetList, int, int]]:
        found, out = units(doc, sent), []
        for tlist in target_lists(sent.text, found):
            start = tlist.front
            if (first := HEAD_FIRST_BEFORE.search(sent.text, max(0, start - 60), start)) and first.end() == start \
                    and not any(u.kind == "drug" and u.start < first.start() for u in found) \
                    and not _name_next(sent.text, found, tlist.end):
                out.append((tlist, first.start(), tlist.end))  # "the inhibitor of A": no head after the list
                continue
            lead = DEFINITE_BEFORE.search(sent.text, max(0, start - 40), start + (0 if tlist.anti_start is None else 5))
            head = head_after(sent.text, tlist, len(sent.text), "")
            if lead is None or head is None or not EPITHET_HEAD.match(head.group("head")) \
                    or any(u.kind == "drug" and u.start < lead.start() for u in found):
                continue
            head_end = tlist.end + head.end()
            if not _name_next(sent.text, found, head_end):  # "the PD-1 inhibitor nivolumab": an apposition, read elsewhere
                out.append((tlist, lead.start(), head_end))
        return out
    return doc.once(("epithets", index), read)


def _name_next(text: str, found: list[Unit], end: int) -> bool:
    """Does a drug's name follow ``end`` with nothing but a comma or a bracket between ("the PD-1 inhibitor, A")?"""
    return any(u.kind == "drug" and u.start >= end and NAME_NEXT_GAP.match(text[end:u.start]) for u in found)


def _ambiguous_targets(doc: AnalysedDocument, drug: str) -> frozenset[str]:
    """Targets named (not as an epithet) in some sentence beside a drug other than ``drug``: their epithets could
    be that drug's."""
    def read() -> frozenset[str]:
        out: set[str] = set()
        for index, sent in enumerate(doc.sentences):
            found = units(doc, sent)
            if any(u.kind == "drug" and drug not in u.keys for u in found):
                named_back = {(u.start, u.end) for tlist, _, _ in _epithet_lists(doc, index) for u in tlist.units}
                out |= {key for u in found if u.kind == "object" and (u.start, u.end) not in named_back for key in u.keys}
        return frozenset(out)
    return doc.once(("targets beside other drugs", drug), read)


def named_back(doc: AnalysedDocument, index: int) -> list[tuple[int, int, str]]:
    """Each epithet of sentence ``index`` that names the titled drug back: (start of "the", end of the head, drug key);
    none where its targets are named beside another drug elsewhere (then it could be that drug)."""
    if not CANDIDATE.search(doc.sentences[index].text):
        return []
    drug = titled_drug(doc, index)
    if drug is None or not doc.vocabulary[drug.key].has_type(*DRUG):
        return []
    shared = _ambiguous_targets(doc, drug.key)
    return [(start, end, drug.key) for tlist, start, end in _epithet_lists(doc, index)
            if not {key for unit in tlist.units for key in unit.keys} & shared]


@EXTRACTORS.register("epithet-mechanism")
def epithet_statements(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Drug acts on the target of each epithet naming it back ("the T inhibitor" in a document titled by the drug)."""
    for index, sent in enumerate(doc.sentences):
        if not CANDIDATE.search(sent.text):
            continue
        drug = titled_drug(doc, index)
        if drug is None or not doc.vocabulary[drug.key].has_type(*DRUG):
            continue
        shared = _ambiguous_targets(doc, drug.key)
        for tlist, start, end in _epithet_lists(doc, index):
            for found in phrase_readings(sent, drug.key, tlist, start, end, "epithet"):
                if not {found.key, *found.target.keys} & shared:
                    yield reading_assertion(doc, sent, found)
