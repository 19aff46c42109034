"""Drug acts on the members of a category the sentence before named as its object.

Reviews and drug profiles name a category first and its members in the next sentence:
"X blocks several kinases of tumour growth. These kinases are A, B and C."; or the members first and the category
named back after them: "A and B drive tumour vessels. X inhibits these kinases."
The sentence opening with the anaphor ("These kinases are", "Such targets include") gives the members;
the sentence before gives the drug (one drug, or "both drugs" after two) and the cue whose object is the
category, unlisted there.  How the cue is put (negated, hedged) travels with each member, as does how the
member sentence is put.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Iterator

from ..model import Assertion
from .analysis import AnalysedDocument, AnalysedSentence
from .epistemics import reading
from .mechanism_cues import CUE
from .mechanisms import reading_assertion
from .registry import EXTRACTORS
from .shape_reading import Reading, readings
from .discourse_drugs import defined_drug
from .subjects import SUBJECTLESS_START
from .target_lists import TargetList, target_lists
from .targets import Unit, units

CATEGORY = r"(?:kinases|targets|receptors|RTKs|TKs|enzymes|proteins)"
# "These kinases are", "Such targets include", "The kinases inhibited are": the anaphor and its verb of listing.
ANAPHOR = re.compile(rf"^\s*(?:These|Those|Such|The\s+(?:latter|same))\s+(?:[\w-]+\s+){{0,2}}?{CATEGORY}\s+"
                     r"(?:are|were|include|included|comprise|comprised)\s+", re.IGNORECASE)
# Between the anaphor's verb and the members: "isoforms of", "members of the", a name the vocabulary lacks before
# its abbreviation ("members of the zeta kinase (ZK) family ...").
MEMBERS_OF = r"(?:the\s+)?(?:isoforms|members|subtypes|forms)\s+of\s+(?:the\s+)?"
BEFORE_MEMBERS = re.compile(rf"^(?:the\s+)?(?:{MEMBERS_OF})?(?:[\w-]+\s+){{0,4}}?\(?\s*$", re.IGNORECASE)
# The category as the cue's object in the sentence before: "blocks (several) receptor kinases (of ...)".
CATEGORY_OBJECT = re.compile(rf"^\s+(?:(?:the|several|multiple|many|various|numerous|a\s+number\s+of|some)\s+)?"
                             rf"(?:[\w-]+\s+){{0,3}}?{CATEGORY}\b", re.IGNORECASE)
# ... listed right after it: "kinases (A, B)", "kinases such as A", "kinases: A and B", "kinases, including A".
LISTING_LEAD = re.compile(r"\s*(?:[(:,\u2014]|(?:such\s+as|including|e\.g\.|namely|like|notably)\b)", re.IGNORECASE)
# "X and Y ..., both drugs block": the two drugs named before, together.
SHARED_SUBJECT = re.compile(r"\b(?:both|the\s+two|these\s+two)\s+(?:drugs|agents|compounds|inhibitors|TKIs|MKIs)\b",
                            re.IGNORECASE)


def _category_cue(doc: AnalysedDocument, index: int) -> tuple[re.Match, list[Unit]] | None:
    """The cue whose object is an unlisted category, and the drugs it speaks of, in sentence ``index``; else None.
    A sentence of a drug's entry with no subject ("Targets kinases of ...") speaks of its heading's drug."""
    sent = doc.sentences[index]
    found = units(doc, sent)
    for cue in CUE.finditer(sent.text):
        category = CATEGORY_OBJECT.match(sent.text[cue.end():])
        if not cue.group("verb") or category is None:
            continue
        listed_at = cue.end() + category.end()
        if any(u.kind == "object" and not u.pathway and u.start >= cue.end()
               and (u.start < listed_at or LISTING_LEAD.match(sent.text, listed_at)) for u in found):
            return None  # the sentence lists what it acts on itself (not what a clause after says of the category:
            # "kinases believed to be involved in angiogenesis")
        drugs = [u for u in found if u.kind == "drug" and u.end <= cue.start()]
        if not drugs and SUBJECTLESS_START.match(sent.text) and (entry := defined_drug(doc, index)) is not None:
            drugs = [Unit("drug", (entry.key,), 0, 0, entry)]
        keys = list(dict.fromkeys(u.keys[0] for u in drugs))
        if len(keys) == 1:
            return cue, [drugs[-1]]
        shared = SHARED_SUBJECT.search(sent.text, drugs[-1].end if drugs else 0, cue.start())
        if len(keys) == 2 and shared is not None:
            return cue, [next(u for u in drugs if u.keys[0] == key) for key in keys]
        return None
    return None


def _members(doc: AnalysedDocument, text: str, found: list[Unit], after: int) -> TargetList | None:
    """The list the anaphor's verb introduces; a family named before its own members ("isoforms of RAF: RAF1,
    BRAF") is only the members' heading."""
    first = next((t for t in target_lists(text, found) if t.start >= after), None)
    if first is None or not BEFORE_MEMBERS.match(text[after:first.start]):
        return None
    heading, rest = first.units[0], first.units[1:]
    members = doc.vocabulary[heading.keys[0]].members or () if len(heading.keys) == 1 else ()
    if rest and re.match(MEMBERS_OF, text[after:first.start], re.IGNORECASE) and set(rest[0].keys) <= set(members):
        return TargetList(rest)
    return first


def _anaphora_readings(doc: AnalysedDocument, index: int) -> Iterator[tuple[Reading, tuple[str, str]]]:
    sent = doc.sentences[index]
    anaphor = ANAPHOR.match(sent.text)
    if anaphor is None or index == 0:
        return
    before = doc.sentences[index - 1]
    found = _category_cue(doc, index - 1)
    if found is None:
        return
    cue, drugs = found
    members = _members(doc, sent.text, units(doc, sent), anaphor.end())
    if members is None:
        return
    # how the cue is put in its own sentence: "X does not inhibit kinases", "X may inhibit kinases"
    told = reading(before.text, drugs[0].start, cue.end(), of_mechanism=True)
    for drug in drugs:
        subject = Unit("drug", drug.keys, 0, 0, drug.mention)  # it stands where the anaphor does
        for unit in members.units:
            for found_reading in readings(subject, unit, "category-anaphora", 0, members.end):
                yield found_reading, told


# ... or the other way round: "A and B play roles in tumour vessels. X potently inhibits these endothelial cell
# kinases": the category named again with a demonstrative is what the sentence before listed (and named no drug in).
BACK_OBJECT = re.compile(rf"\s+(?:(?:all|both)\s+(?:of\s+)?)?(?:these|those)\s+(?:[\w-]+\s+){{0,3}}?{CATEGORY}\b",
                         re.IGNORECASE)
# A name followed by "homology domain" names a part of another protein's name, no target of its own.
HOMOLOGY_DOMAIN_AFTER = re.compile(r"\s+(?:homology\s+)?domains?\b", re.IGNORECASE)


def _back_readings(doc: AnalysedDocument, index: int) -> Iterator[Reading]:
    """The drug's readings on each target of the sentence before, which the sentence's object names back."""
    if index == 0:
        return
    sent = doc.sentences[index]
    found = units(doc, sent)
    for cue in CUE.finditer(sent.text):
        back = BACK_OBJECT.match(sent.text, cue.end())
        if not cue.group("verb") or back is None:
            continue
        drugs = [u for u in found if u.kind == "drug" and u.end <= cue.start()]
        previous = doc.sentences[index - 1]
        before = units(doc, previous)
        # (a ligand is no kinase nor receptor)
        listed = [u for u in before if u.kind == "object" and not u.pathway
                  and not any(doc.vocabulary[key].has_type("GrowthFactor") for key in u.keys)
                  and not HOMOLOGY_DOMAIN_AFTER.match(previous.text, u.end)]
        if len({u.keys[0] for u in drugs}) != 1 or not listed or any(u.kind == "drug" for u in before):
            return
        for unit in listed:  # each stands where the category is named back
            target = Unit("object", unit.keys, back.start(), back.end(), unit.mention)
            yield from readings(drugs[-1], target, "category-anaphora", drugs[-1].start, back.end())
        return


@EXTRACTORS.register("category-anaphora-mechanism")
def category_anaphora_statements(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Drug acts on each member of the category its cue governed in the sentence before, or on each target the sentence
    before listed when its cue's object names them back."""
    for index, sent in enumerate(doc.sentences):
        yield from (reading_assertion(doc, sent, found) for found in _back_readings(doc, index))
        for found, (polarity, certainty) in _anaphora_readings(doc, index):
            assertion = reading_assertion(doc, sent, found)
            [evidence] = assertion.evidence
            polarity = "negative" if "negative" in (polarity, evidence.polarity) else evidence.polarity
            certainty = "hedged" if "hedged" in (certainty, evidence.certainty) else evidence.certainty
            yield replace(assertion, evidence=(replace(evidence, polarity=polarity, certainty=certainty),))
