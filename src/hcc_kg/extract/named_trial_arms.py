"""The arms of a trial a notice or news item names with a result but not its design.

Split from :mod:`slot_reading`.  "The approval is based on NAME, in which A showed ...", "data from NAME
demonstrated an OS benefit compared with B": the trial tested the agent the text gives the result to (or
the one drug the document names, when the sentence bases a decision on the trial), against the comparator
named after it.  "The combination" (the combo, the doublet) in such a sentence is the combination named
before it ("... the A-B combination. The phase 3 NAME trial showed that the combo cut the risk of death
versus B"), and a brand may carry its trade mark sign ("Brand® (A) demonstrated").  A sentence opening by
basing the decision or filing the sentence before told on the trial ("... accepted the BLA for A combined with B.
The filing is supported by NAME") gives the trial that sentence's one agent.
"""

from __future__ import annotations

import re

from ..keys import is_regimen_key, regimen_components
from .abstract_cues import PLACEBO_CONTROLLED_RE
from .approval_cues import APPROVAL_CUE
from .analysis import AnalysedDocument, AnalysedSentence
from .arm_comparisons import COMPARE_RE, RIGHT_GAP_RE, and_list_joined
from .arm_references import combination_read
from .prose_arms import Agent, agents
from .received_cues import had_before
from .sentences import evidence_span
from .trial_clauses import own_clause
from .trial_name_index import name_index, names_in
from .trial_slots import Slot, in_named_family
from .trials import trial_key

TRIAL_WORD_RE = re.compile(r"\b(?:trial|study|phase)\b", re.IGNORECASE)
# A sentence basing a decision or a result on a trial: "the approval is based on results from NAME", "supported by
# data from NAME", "on the basis of NAME".
BASIS_RE = re.compile(r"\b(?:based\s+on|supported\s+by|on\s+the\s+basis\s+of)\b", re.IGNORECASE)
# What follows the agent a trial tested when the agent is its result's subject: "A demonstrated", "A (Brand) showed",
# "A was shown to prolong", "A significantly improved", "A in the recent NAME study was shown to be effective", "A was
# effective", "A provided an ORR of 36% in NAME".
RESULT_SUBJECT_RE = re.compile(r"\s+(?:observed|seen|noted|reported)\s+in\s+(?:the\s+)?(?=[A-Z])|"  # "activity of A seen in NAME"
                               r"[®™]?(?:\s*\([^()]*\))?(?:\s+in\s+the\s+(?:[\w-]+\s+){0,4}?(?:trial|study))?"
                               r"\s+(?:(?:was|were|has|have|had|also|significantly|statistically)\s+){0,2}"
                               r"(?:demonstrated|showed|shown|improved|prolonged|extended|reduced|achieved|produced|"
                               r"outperformed|decreased|increased|lowered|cut|effective|provided|yielded|gave|induced|elicited|"
                               r"delivered|attained)\b", re.IGNORECASE)


# ... or the trial the subject and the agent its result's object: "NAME demonstrated A as an effective second-line
# treatment", "the NAME trial established (the benefit of) A".
# (a name may end in its number: "CheckMate 040 demonstrated the potential of A")
TRIAL_SHOWED_RE = re.compile(r"\b(?:trials?|stud(?:y|ies)|[A-Z][A-Z0-9-]{2,}|\d{2,}[A-Z]*)\s+(?:(?:has|had|also|clearly)\s+)?"
                             r"(?:demonstrated|showed|established|confirmed)\s+(?:that\s+)?"
                             r"(?:the\s+(?:efficacy|benefit|activity|superiority|value|role|potential|promise)\s+of\s+)?$")


# ... or the treatment with it: "Treatment with A (, an autologous T-cell therapy,) led to ... in NAME".
TREATMENT_WITH_BEFORE_RE = re.compile(r"\b(?:treatment|therapy|monotherapy)\s+with\s+$", re.IGNORECASE)
TREATMENT_RESULT_AFTER_RE = re.compile(r"(?:,[^,;()]{1,80}(?:\([^()]{1,20}\)[^,;()]{0,40})?,)?\s+(?:led\s+to|resulted\s+in|produced|"
                                       r"induced|improved|prolonged|yielded|achieved)\b", re.IGNORECASE)


def _treatment_subject(text: str, agent: Agent) -> bool:
    """Is the agent named as the treatment a result follows from ("Treatment with A led to ...")?"""
    return bool(TREATMENT_WITH_BEFORE_RE.search(text, max(0, agent.start - 30), agent.start)
                and TREATMENT_RESULT_AFTER_RE.match(text, agent.end))


def named_arms(doc: AnalysedDocument, slot: Slot) -> tuple[list[str], tuple[int, int]] | None:
    """The arms of a trial named with a result but no design: the agent a sentence naming the trial gives the
    result to ("In NAME, A showed a PFS benefit", "NAME, where A demonstrated ..."), else, when the sentence
    bases a decision on the trial or compares with one side only ("the approval is supported by data from NAME
    that demonstrated an OS benefit compared with B"), the one drug the document names; and the comparator
    named after it ("compared with B").  None when no sentence naming the trial states what it tested."""
    by_span = doc.once("sentences by evidence span", lambda: {evidence_span(s): s for s in doc.sentences})
    family = any(in_named_family(trial_key(n.name), name_index(doc).confirmed) for n in slot.names)
    index = name_index(doc)
    key = index.key(slot.names[0].name)
    for span in sorted(set(slot.named_at) & by_span.keys()):  # in text order, as the sentences come
        # (a sentence naming another trial in a clause of its own speaks of this one in its own clause)
        sent = own_clause(by_span[span], names_in(doc, by_span[span], index.confirmed), index.key, key)
        sent = combination_read(doc, sent, [])  # "NAME showed that the combo cut ...": the combination named before
        if not TRIAL_WORD_RE.search(sent.text) and not family:
            continue  # a name in a sentence with no trial word may be no trial's ("HuH-7 cells"), unless of a family
        named = [a for a in agents(doc, sent) if not doc.vocabulary[a.components[0]].has_type("Placebo")
                 and not had_before(sent.text, a.start)]
        own = [m.span() for n in {t.name for t in slot.names} for m in re.finditer(re.escape(n), sent.text)]
        subject = next((a for a in named if (RESULT_SUBJECT_RE.match(sent.text, a.end)
                                             or TRIAL_SHOWED_RE.search(sent.text, 0, a.start)
                                             or _treatment_subject(sent.text, a))
                        and not _another_trial_between(sent.text, own, a)), None)
        comparator = _compared_after(doc, sent, subject.end if subject else 0)
        if subject is not None:  # ... the last of "treatment with A and B": both, given together
            joined = and_list_joined(doc, sent.text, named[:named.index(subject) + 1])[-1]
            if joined is subject and _after_and(sent.text, named, subject):
                continue  # "A and B showed ...": each, or both given together, is not said
            tested = joined.key
        elif (BASIS_RE.search(sent.text) or comparator is not None) and (sole := sole_drug(doc)) is not None \
                and not any(a.key == sole and not _grounded_on(sent.text, a.end) for a in named
                            if comparator is None or a.start < comparator.start):
            # named in the sentence, the drug would be the subject or a comparison's left side, or what a decision
            # the sentence bases on the trial is about ("The approval of A is based on results from NAME")
            tested = sole
        elif BASIS_RE.search(sent.text) and comparator is None and (controlled := _placebo_trial(doc, sent)):
            return controlled, span
        elif BASIS_RE.search(sent.text) and APPROVAL_CUE.search(sent.text) and len({a.key for a in named}) == 1:
            tested = named[0].key  # "Based on data from NAME, the agency approved A for patients previously given B"
        elif (dashed := _after_name_dash(sent.text, own, named)) is not None:
            tested = dashed.key  # "a phase 3 trial (NAME)—A in combination with B as first-line therapy"
        elif (told := _decided_before(doc, by_span[span])) is not None and all(a.key == told for a in named):
            # "... accepted the BLA for A combined with B. The filing is supported by NAME" (naming, if anything,
            # that agent again: "... for the combination therapy")
            tested = told
        else:
            continue
        arms = [tested] + ([comparator.key] if comparator is not None and comparator.key != tested else [])
        if comparator is None and PLACEBO_CONTROLLED_RE.search(sent.text) and (placebo := placebo_key(doc)) is not None:
            arms.append(placebo)  # "based on the randomized, placebo-controlled NAME trial": A against placebo
        return arms, span
    return None


# A dash or colon right after a trial's name (or the bracket it stands in), then what it tested: "the phase 3 trial
# (NAME)—A in combination with B as first-line therapy", "NAME: A versus B".
# (the normaliser writes a dash between clauses as a comma, a spaced one as a hyphen)
NAME_DASH_RE = re.compile(r"\s*\)?(?:\s*(?:—|–|--|:|,)\s*|\s+-\s+)")


def _after_name_dash(text: str, own: list[tuple[int, int]], named: list[Agent]) -> Agent | None:
    """The agent a dash or colon right after the trial's name introduces."""
    for _, end in own:
        dash = NAME_DASH_RE.match(text, end)
        if dash is not None:
            return next((a for a in named if a.start == dash.end()), None)
    return None


# How near its own name a trial word may stand ("in the phase Ib NAME trial"): further off, it is another trial's.
OWN_NAME_REACH = 30


def _another_trial_between(text: str, own: list[tuple[int, int]], agent: Agent) -> bool:
    """Does a trial word stand between the agent and the trial's nearest name, other than beside that name ("A showed
    ... in the NAME1 trial, while ... in NAME2": A is not NAME2's)?"""
    if not own:
        return False
    start, end = min(own, key=lambda span: abs(span[0] - agent.start))
    if agent.end <= start:  # the agent first: the words up to the name's own reach
        return TRIAL_WORD_RE.search(text, agent.end, max(agent.end, start - OWN_NAME_REACH)) is not None
    return TRIAL_WORD_RE.search(text, min(end + OWN_NAME_REACH, agent.start), agent.start) is not None


AND_BEFORE_RE = re.compile(r"(?:\s*\([^()]*\))?\s*,?\s+and\s+", re.IGNORECASE)


def _after_and(text: str, named: list[Agent], subject: Agent) -> bool:
    """Is the subject the second of "A and B"?"""
    at = named.index(subject)
    return at > 0 and AND_BEFORE_RE.fullmatch(text, named[at - 1].end, subject.start) is not None


# "The filing is supported by NAME", "The approval was based on NAME": the decision or filing the sentence before told.
DECISION_BASED_RE = re.compile(r"^\W*(?:The|This|That|Its)\s+(?:[\w-]+\s+){0,2}?(?:filing|approval|application|submission|"
                               r"s?BLA|s?NDA|MAA|decision|acceptance|authori[sz]ation)\s+(?:(?:is|was|has\s+been|were)\s+)?"
                               r"(?:based\s+on|supported\s+by)\b", re.IGNORECASE)
# ... or a bare pronoun for the approval the sentence before told ("... approved in 2007. That was based on NAME").
PRONOUN_BASED_RE = re.compile(r"^\W*(?:That|This|It)\s+(?:is|was|has\s+been)\s+(?:\w+\s+)?(?:based\s+on|supported\s+by)\b")


def _decided_before(doc: AnalysedDocument, sent: AnalysedSentence) -> str | None:
    """The one agent (a drug or one regimen) the sentence before names, when this one opens by basing that
    sentence's decision or filing on the trial ("The filing is supported by NAME"); None otherwise."""
    decision = DECISION_BASED_RE.match(sent.text) is not None
    if not (decision or PRONOUN_BASED_RE.match(sent.text)) or sent not in doc.sentences:
        return None
    index = doc.sentences.index(sent)
    if not decision and not (index and APPROVAL_CUE.search(doc.sentences[index - 1].text)):
        return None  # "That was based on NAME" after no approval: what "that" is, is not known
    before = {a.key for a in agents(doc, doc.sentences[index - 1])} if index else set()
    return before.pop() if len(before) == 1 else None


def _grounded_on(text: str, end: int) -> bool:
    """Does what follows a drug's mention go on to base something on the trial ("A (Brand) is based on NAME",
    "the approval of A was supported by data from NAME")?"""
    basis = BASIS_RE.search(text, end)
    return basis is not None and re.fullmatch(r"(?:\s*\([^()]*\))?\s+(?:\w+\s+){0,3}?", text[end:basis.start()]) is not None


def _compared_after(doc: AnalysedDocument, sent: AnalysedSentence, start: int) -> Agent | None:
    """The agent a comparison from ``start`` on names ("compared with B", "versus B"), None when none."""
    for cue in COMPARE_RE.finditer(sent.text, start):
        right = [a for a in agents(doc, sent, cue.end()) if RIGHT_GAP_RE.match(sent.text[cue.end():a.start])]
        if right:
            return right[0]
    return None


def sole_drug(doc: AnalysedDocument) -> str | None:
    """The one drug or regimen the whole document names (None when it names none or several);
    read once per document."""
    return doc.once("sole drug", lambda: _only_drug(doc))


def sole_new_drug(doc: AnalysedDocument) -> str | None:
    """The one drug or regimen the document names besides what its patients had before ("previously treated with
    B"); read once per document."""
    return doc.once("sole new drug", lambda: _only_drug(doc, new_only=True))


def drug_so_far(doc: AnalysedDocument, sent: AnalysedSentence) -> str | None:
    """The one drug or regimen the document has named before ``sent`` besides what its patients had before (None
    when none or several): what "the drug" of a sentence naming none stands for in a news item that names others
    only later ("... approved A for D. The approval rests on a phase 3 study showing that the treatment ...")."""
    start = sent.sentence.mapped.original_span(0, max(1, len(sent.text)))[0]
    named: set[str] = set()
    for earlier in doc.sentences:
        if earlier.sentence.mapped.original_span(0, max(1, len(earlier.text)))[0] >= start:
            break
        found = agents(doc, earlier)
        prior = {a.key for a in found if had_before(earlier.text, a.start)}  # ("... treated with B, sold as Brand")
        named |= {a.key for a in found if a.key not in prior
                  and not doc.vocabulary[a.components[0]].has_type("Placebo", "Procedure")}
    return named.pop() if len(named) == 1 else None


def _named_drugs(doc: AnalysedDocument, new_only: bool) -> set[str]:
    """The drugs and regimens the document names (no placebo, no procedure alone); ``new_only``: not a drug the
    patients had before ("previously treated with B" says who they are, not a second drug)."""
    return {a.key for sent in doc.sentences for a in agents(doc, sent)
            if not doc.vocabulary[a.components[0]].has_type("Placebo", "Procedure")
            and not (new_only and had_before(sent.text, a.start))}


def _only_drug(doc: AnalysedDocument, new_only: bool = False) -> str | None:
    named = _named_drugs(doc, new_only)
    # "A plus B ... A is an antibody ... B binds ...": the one regimen, its drugs also named alone
    regimens = [key for key in named if is_regimen_key(key)]
    if len(regimens) == 1 and named <= {regimens[0], *regimen_components(regimens[0])}:
        return regimens[0]
    return named.pop() if len(named) == 1 else None


def whole_regimen(doc: AnalysedDocument) -> str | None:
    """The one regimen holding every drug and regimen the document names, its parts also named in twos ("HAIC with A
    plus B and C ... HAIC with A ... C was given from day 3"): what a trial the text calls single-arm gave (None when
    the document names a drug outside it).  Only for a single-arm trial: a comparison of the whole with a part of it
    (an add-on trial) names the same."""
    named = _named_drugs(doc, new_only=True)
    regimens = [key for key in named if is_regimen_key(key)]
    if not regimens:
        return None
    whole = max(regimens, key=lambda key: len(regimen_components(key)))
    parts = set(regimen_components(whole))
    return whole if all(set(regimen_components(key) if is_regimen_key(key) else (key,)) <= parts for key in named) \
        else None


def placebo_key(doc: AnalysedDocument) -> str | None:
    """The vocabulary's placebo (None when it has none); looked up once per document, not per sentence (the merged
    vocabulary holds tens of thousands of entries)."""
    return doc.once("placebo key", lambda: next((e.key for e in doc.vocabulary if e.has_type("Placebo")), None))


def _placebo_trial(doc: AnalysedDocument, sent: AnalysedSentence) -> list[str]:
    """"based on NAME, a placebo-controlled trial" in a text naming one new drug (and what the patients had
    before): that drug against placebo ([] otherwise).  Two arms, so nothing is read as a single arm's."""
    placebo = placebo_key(doc)
    drug = sole_new_drug(doc)
    return [drug, placebo] if PLACEBO_CONTROLLED_RE.search(sent.text) and drug and placebo else []
