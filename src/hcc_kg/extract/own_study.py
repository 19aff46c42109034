"""The document's own study when it names no trial and no design phrase opens one.

A structured abstract may report its own study without calling it a "phase 2 trial" or naming it:
"Aim: to study A ... Adults were given A ... The primary endpoint was PFS ... Results: Thirty
patients received A.  Median PFS was ...".  Its declared primary endpoint (or primary
objective, or its patients counted as randomised) says the document reports a study of its own,
and what its sentences say of patients given an agent is that study's one unnamed trial (read by :mod:`.slot_reading`, as the trials
:mod:`.abstracts` opens are).  A study that compares arms only in passing (subgroups "4.4 versus 18.0
months") is still single-arm: only a randomisation or two agents compared make it a comparison.
Reviews and pooled analyses report other studies, and observational ones are no trials at all
(:func:`.abstract_cues.is_observational`, applied where the trials are emitted).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..keys import agent_key
from ..vocab import DRUG_TYPES
from .abstract_cues import RANDOMI_SED
from .analysis import AnalysedDocument, AnalysedSentence
from .named_trial_arms import sole_new_drug
from .prose_arms import Agent, agents, with_parts
from .sentences import evidence_span
from .slot_reading import SINGLE_ARM_RE, read_pending, read_sentence, stated_arms
from .trial_slots import Slot
from .trial_name_index import document_title

# "The primary endpoint was PFS", "primary end points were ...", "The primary objective is to ...", "Primary
# outcome measure: ..." : the design of a study whose results follow.
# ... or its endpoints without ranking them: "Clinical endpoints were TTP, OS and safety", "Study end points included ...".
OWN_PRIMARY_RE = re.compile(r"\b(?:primary\s+(?:efficacy\s+)?|(?:clinical|study)\s+)(?:end\s*-?\s*points?|outcomes?(?:\s+measures?)?|objectives?)"
                            r"\s*(?:(?:was|were|is|are|included)\b|:)", re.IGNORECASE)
# ... or its aim, or patients entering it: "This study aimed to ...", "The purpose of the present study was ...",
# "Patients ... were enrolled onto the study" (the document's own: "this", "the present", "our"; "the study" only
# for patients enrolled in it).
OWN_AIM_RE = re.compile(r"\b(?:this|the\s+(?:present|current)|our)\s+(?:[\w-]+\s+){0,3}?(?:study|trial)\s+(?:aimed|aims|"
                        r"(?:was|is)\s+(?:designed|conducted|undertaken)|sought)\s+to\b|"
                        r"\b(?:aim|purpose|objective|goal)\s+of\s+(?:this|the\s+(?:present|current)|our)\s+(?:[\w-]+\s+){0,3}?"
                        r"(?:study|trial)\s+(?:was|is)\b|"
                        r"\b(?:enrolled|entered|accrued)\s+(?:on\s*to|into|in)\s+(?:this|the)\s+(?:study|trial)\b", re.IGNORECASE)
# ... or its patients randomised, counted: "A total of 177 eligible patients were randomly assigned to treatment groups".
OWN_RANDOMISATION_RE = re.compile(r"\b(?:a\s+total\s+of\s+)?\d[\d,]*\s+(?:eligible\s+)?(?:patients|participants)\s+(?:were|had\s+been)\s+"
                                  r"(?:randomly\s+(?:assigned|allocated)|randomi[sz]ed)\b", re.IGNORECASE)
# Documents about other studies: a review or pooled analysis of trials reads them, it runs none of its own.
OTHER_STUDIES_RE = re.compile(r"\bmeta-?analys[ie]s\b|\bsystematic(?:al)?\s+review\b|\bpooled\s+analys[ie]s\b|"
                              r"\bliterature\s+(?:search|review)\b|\bwe\s+searched\b", re.IGNORECASE)
RANDOMISED_WORD_RE = re.compile(rf"{RANDOMI_SED}|\brandomly\b|\bplacebo\b", re.IGNORECASE)


def declares_own_study(texts: list[str]) -> bool:
    """Does the document declare a study of its own (a primary endpoint, its aim, patients enrolled in it), not a
    review's?

    >>> declares_own_study(["Patients received zorbatinib.", "The primary endpoint was PFS."])
    True
    >>> declares_own_study(["Patients received zorbatinib.", "Clinical endpoints were TTP and OS."])
    True
    >>> declares_own_study(["We searched databases for trials.", "The primary endpoint was PFS."])
    False
    >>> declares_own_study(["This study aimed to test zorbatinib.", "Patients were given zorbatinib."])
    True
    >>> declares_own_study(["Adults were enrolled onto the study and given zorbatinib."])
    True
    >>> declares_own_study(["Zorbatinib is approved for HCC."])
    False
    >>> declares_own_study(["A total of 90 eligible patients were randomly assigned."])
    True
    """
    declared = any(OWN_PRIMARY_RE.search(t) or OWN_AIM_RE.search(t) or OWN_RANDOMISATION_RE.search(t) for t in texts)
    return declared and not any(OTHER_STUDIES_RE.search(t) for t in texts)


def compares_agents(doc: AnalysedDocument) -> bool:
    """Does the document randomise, or compare two agents, anywhere (not only values of subgroups)?"""
    return any(RANDOMISED_WORD_RE.search(s.text) or len(stated_arms(doc, s)) >= 2 for s in doc.sentences)


# "A combination study with B is underway", "the combination trial of B": a news item's study of its drug with B.
COMBINATION_STUDY_RE = re.compile(r"\b(?:an?|the|its)\s+(?:[\w-]+\s+){0,2}?combination\s+(?:study|trial)\s+(?:with|of)\s+"
                                  r"(?:the\s+)?", re.IGNORECASE)


def combination_study(doc: AnalysedDocument, sent: AnalysedSentence) -> str | None:
    """The arm of "a combination study with B" in a document whose title names one drug, A: A plus B (None when the
    sentence has no such phrase, or the title names no drug or several)."""
    m = COMBINATION_STUDY_RE.search(sent.text)
    partner = next((a for a in agents(doc, sent) if m is not None and a.start == m.end()), None)
    title = document_title(doc)
    subjects = {m.key for m in doc.finder.find_text(title[0]) if m.key in doc.vocabulary
                and any(doc.vocabulary[m.key].has_type(t) for t in DRUG_TYPES)} if title else set()
    if partner is None or len(subjects) != 1 or subjects & set(partner.components):
        return None
    return with_parts(doc, partner, tuple(subjects)).key


def own_study(doc: AnalysedDocument, sentences: list[AnalysedSentence]) -> Slot | None:
    """The unnamed trial of a document naming none that declares its own design, read from ``sentences``
    (those outside its background and remarks on other studies); None when it declares none or reports no result."""
    if not sentences or not declares_own_study([s.text for s in doc.sentences]):
        return None
    slot = Slot(named_at=[evidence_span(sentences[0])])
    randomised = compares_agents(doc)
    for sent in sentences:
        read_sentence(doc, sent, slot, randomised)
    read_pending(doc, slot, randomised)
    # a study announced or planned ("patients will receive A ... the study will enroll 300") reports nothing yet
    reported = [span for _, span in slot.values] + [ratio[3] for ratio in slot.ratios]
    return slot if any(span not in slot.projected for span in reported) else None


RANDOM_RE = re.compile(rf"{RANDOMI_SED}|\brandomly\b", re.IGNORECASE)
# "patients ... treated with (the T inhibitor) A", "during treatment of patients with HCC with A": what they were given.
TREATED_WITH_RE = re.compile(r"\b(?:treated|treatment\s+of\s+[^.;]{0,60}?)\s+with\s+(?:(?:the|an?)\s+)?(?:[\w/-]+\s+){0,4}$",
                             re.IGNORECASE)


def treated_sole_drug(doc: AnalysedDocument) -> str | None:
    """The one drug a document names (besides what the patients had before), when it says patients were treated with
    it: the single arm of the document's own trial whose arms no sentence stated ("This phase 2 study (NCT...)
    enrolled ..." under a title on patients "treated with A")."""
    drug = sole_new_drug(doc)
    if drug is None or any(RANDOM_RE.search(sent.text) for sent in doc.sentences):
        return None  # (a randomised trial has another arm)
    return drug if any(a.key == drug and TREATED_WITH_RE.search(sent.text, max(0, a.start - 90), a.start)
                       for sent in doc.sentences for a in agents(doc, sent)) else None


# "Two phase II studies evaluated A monotherapy and A plus B": the document reports as many single-arm studies as
# it counts, one per agent, no comparison between them.
STUDIES_COUNTED_RE = re.compile(r"\b(?P<count>two|three|2|3)\s+(?:(?:parallel|separate|single-arm|open-label|"
                                r"phase\s+(?:[1-3]|I{1,3})[ab]?|non-?randomi[sz]ed),?\s+){0,3}(?:studies|trials)\b",
                                re.IGNORECASE)
_COUNTS = {"two": 2, "three": 3, "2": 2, "3": 3}


def studies_counted(texts: list[str]) -> set[int]:
    """How many studies the document counts ("Two phase II studies ..."); none when it randomises."""
    if any(RANDOMISED_WORD_RE.search(text) for text in texts):
        return set()
    return {_COUNTS[m.group("count").lower()] for text in texts for m in STUDIES_COUNTED_RE.finditer(text)}


def separate_studies(counted: set[int], slot: Slot) -> list[Slot]:
    """The unnamed slot as the single-arm studies the document counts (:func:`studies_counted`), one per arm ([slot]
    when it counts none or other numbers, names its trial, or compares its arms)."""
    if slot.names or len(slot.arms) < 2 or counted != {len(slot.arms)} or slot.ratios:
        return [slot]
    return [replace(slot, arms=[arm], listed=[], single_arm=True, ratios=[],
                    sizes={k: v for k, v in slot.sizes.items() if k == arm},
                    sizes_at={k: v for k, v in slot.sizes_at.items() if k == arm},
                    values=[(v, span) for v, span in slot.values if v.agent == arm]) for arm in slot.arms]


# "a single-arm phase 1b study ... of A and B": one arm, so the drugs joined are given together.
SINGLE_ARM_NOUN_RE = re.compile(r"\bsingle[- ]arm\b", re.IGNORECASE)


def single_arm_pair(doc: AnalysedDocument, sent: AnalysedSentence, named: list) -> list:
    """The one arm of a study the sentence calls single-arm, two drugs joined by "and" in it ("in a single-arm
    study, we evaluated neoadjuvant A and B in patients outside resection criteria"): both, one regimen ([] otherwise:
    another count of drugs, a "single-agent" study, drugs listed apart).  Procedures named beside them are no drugs."""
    named = [a for a in named if all(doc.vocabulary[c].has_type(*DRUG_TYPES) for c in a.components)]
    if len(named) != 2 or named[0].key == named[1].key or not SINGLE_ARM_NOUN_RE.search(sent.text) \
            or not re.fullmatch(r"\s+and\s+", sent.text[named[0].end:named[1].start]):
        return []
    parts = tuple(sorted({*named[0].components, *named[1].components}))
    return [Agent(agent_key(parts), named[0].start, named[1].end, parts)]


# What follows a design phrase before the drug it tested: "a single-arm study of A plus B", "... with A".
_TESTED_GAP_RE = re.compile(r"\s+(?:of|with|evaluating|testing)\s+(?:the\s+combination\s+of\s+)?")


def single_arm_tested(doc: AnalysedDocument, sent: AnalysedSentence, phrase: re.Match) -> set[str]:
    """The one arm of a trial a design phrase calls single-arm, named right after it ("a single-arm, open-label
    study of A plus B (NCT...)"): {its key}, else an empty set."""
    if not SINGLE_ARM_RE.search(sent.text, phrase.start(), phrase.end()):
        return set()
    after = [a for a in agents(doc, sent) if a.start >= phrase.end()]
    return {after[0].key} if after and _TESTED_GAP_RE.fullmatch(sent.text, phrase.end(), after[0].start) else set()
