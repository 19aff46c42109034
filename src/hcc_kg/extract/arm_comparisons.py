"""Which arms a sentence compares: "A versus B", "A compared with B", "the study compared A with B",
"A with or without B", "A plus either B or C", comparatives ("longer OS than B", "non-inferiority to B").

Split from :mod:`.prose_arms`, which finds the agents (drugs glued into regimens, procedures,
placebo) these readers pair up.
"""

from __future__ import annotations

import re

from ..keys import agent_components, is_regimen_key
from .analysis import AnalysedDocument, AnalysedSentence
from .alone_arms import alone_and_combined, with_or_without
from .arm_lists import CONTROL_ARM_OF, compared_after
from .arm_options import GIVEN_ALONE_RE, OPTION_OR_RE, either_arms, options_on_backbone
from .named_regimens import named_after
from .comparators import CHOICE_OF, VERDICT_IN_TO, is_procedure
from .prose_arms import Agent, agents, unbracketed, with_parts
from .prose_labels import CLAUSE_OPENING
from .received_cues import had_before
from .value_arms import plural_arms

# What joins two compared arms: "versus", "compared with", "as opposed to", "over", "superior to", "against" before the
# other arm's value ("13.6 months, against 12.3 months with B"; "an antibody against PD-1" compares nothing), and a comparative:
# "A was associated with longer OS than B", "a higher response rate than B", "A improved
# OS over B", or a noun: "confirmation of A's non-inferiority to B"; or an equality: "A was as effective as B".
COMPARE_RE = re.compile(r"\b(?:versus|vs\.?|v\.?|(?:as\s+)?compared\s+(?:with|to|against)|in\s+comparison\s+(?:with|to)|relative\s+to|"
                        r"as\s+opposed\s+to|over|outperform(?:s|ed|ing)?|against(?=\s+\d)|"
                        # (a gloss may stand before "to": "non-inferiority (that is, not worse) to B")
                        r"(?:(?:non-?)?inferior|superior|equivalent)[\"”’']?\s+to|(?:non-?)?inferiority(?:\s*\([^()]{1,30}\))?\s+to|"
                        r"superiority\s+(?:to|over|against|versus|vs\.?)|"
                        r"(?:longer|shorter|higher|lower|better|greater|fewer)\s+(?:[\w-]+\s+){0,4}?than|"
                        rf"{VERDICT_IN_TO}|"  # ... "superior OS and PFS to B": what it was superior in between
                        # ... or a comparison of equals: "A was as effective as B", "A proved as active as B", "comparable to B", "no worse than B"
                        r"as\s+(?:effective|efficacious|active|good|safe)\s+as|(?:comparable|equal)\s+to|no\s+worse\s+than)(?=\s)",
                        re.IGNORECASE)
# "... 13.6 months compared with 12.3 months for those receiving B": the other arm's value comes first.
_VALUE_FOR = (r"(?:\d+(?:\.\d+)?\s*(?:%|months?|mos?|weeks?|days?|years?)\s*(?:\([^()]*\)\s*)?"
              r"(?:for|with|in|among)\s+(?:the\s+)?)?")
# The patients of the other arm may be named by what they were given ("for those given B", "vs pts on B",
# "compared with patients who were treated with B", "those in the B arm").
_GIVEN = r"(?:who\s+(?:were\s+)?)?(?:treated\s+with|receiving|received|given|taking|took|on|assigned\s+to|randomi[sz]ed\s+to|in\s+the)"
# Words that say which placebo: "versus dual placebo", "versus matching placebo" (each stands for the drugs it matches).
PLACEBO_KIND = r"(?:dual|double|two|matching|matched|identical)"
# A drug's maker before its name, as news writes it: "Company's B", "Maker AG's B".
MAKER_BEFORE = r"(?:(?-i:[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})['’]s\s+)?"
# Words describing the compared drug before its name: "standard-of-care B", "the standard of care, B", "standard B" (which
# standard perhaps said: "the prior standard of care, B"), and its maker.
_DESCRIBED = r"(?:(?:(?:prior|previous|former|current|established|existing)\s+)?(?:standard[- ]of[- ]care|standard\s+(?:of\s+)?care\s*[,:—–]?|standard)\s+)?" + MAKER_BEFORE
RIGHT_GAP_RE = re.compile(rf"^\s*{_VALUE_FOR}(?:the\s+|an?\s+)?(?:(?:the\s+)?(?:patients|pts|those|people|participants)\s+{_GIVEN}\s+"
                          rf"(?:the\s+|an?\s+)?)?(?:only\s+)?(?:{CHOICE_OF})?"  # "versus a choice of A or B"
                          # ... "versus dual placebo plus B", "versus matching placebo": words that say which placebo
                          rf"(?:{PLACEBO_KIND}\s+)?{CONTROL_ARM_OF}{_DESCRIBED}$", re.IGNORECASE)
# How far before the cue the compared arm may end (characters): with other agents before it, and alone.
MAX_LEFT_GAP = 120
MAX_LONE_LEFT_GAP = 260
# ... "Comparison of efficacy between A and B", "comparing the outcomes between A and B"
COMPARED_VERB_RE = re.compile(r"\b(?:(?:comparisons?|compar(?:e|es|ed|ing))\s+(?:of\s+)?(?:the\s+)?(?:(?:clinical|overall|therapeutic)\s+)?"
                              r"(?:efficacy|safety|outcomes?|effectiveness)(?:\s+and\s+(?:safety|efficacy|tolerability))?\s+between|"
                              # (not "compared with B": the cue of a comparison whose first arm stands before it)
                              r"compared?(?!\s+(?:with|to|against)\b)|comparing|compares|comparisons?\s+(?:of|between))\s+(?:the\s+)?",
                              re.IGNORECASE)
# ... or a verb of testing whose second arm follows "against": "a trial to test A plus B against C", "pitted A against
# B" ("against" alone says nothing of arms: "an antibody against T", "active against HCC cells").
AGAINST_VERB_RE = re.compile(r"\b(?:test(?:s|ed|ing)?|evaluat(?:e|es|ed|ing)|assess(?:es|ed|ing)?|pit(?:s|ted|ting)?|"
                             r"investigat(?:e|es|ed|ing)|stud(?:y|ies|ied|ying))\s+(?:the\s+)?", re.IGNORECASE)
# ... or passive, the first arm its subject: "A was being tested against B", "A is pitted head-to-head against B",
# "A was tested in the phase 3 NAME trial against B", "A was studied head-to-head with B".
PASSIVE_AGAINST_RE = re.compile(r"(?:\s*\([^()]*\))?\s+(?:was|were|is|are|has\s+been|had\s+been)\s+(?:being\s+)?"
                                r"(?:tested|evaluated|assessed|pitted|studied)\s+"
                                r"(?:in\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:trial|study)(?:\s+(?-i:[A-Z][\w-]*))?\s+)?"
                                r"(?:head[- ]to[- ]head\s+(?:against|versus|vs\.?|with)|against|versus|vs\.?)\s+(?:the\s+|an?\s+)?",
                                re.IGNORECASE)
# "compare the efficacy and safety of A against B": what is compared may be named before the arms.
COMPARED_OBJECT_RE = re.compile(r"^(?:(?:clinical|overall|therapeutic)\s+)?(?:(?:efficacy|safety|activity|outcomes?|tolerability|benefit)(?:,?\s+(?:and\s+)?)?){1,3}"
                                r"\s*of\s+$|^(?:the\s+|an?\s+)?combination\s+(?:therapy\s+)?(?:of|with)\s+$", re.IGNORECASE)
# ... or the first arm's class: "comparing the oncolytic virus A followed by B with B alone".
CLASS_LEAD_RE = re.compile(r"^(?:(?!(?:in|of|for|with|to|and|or|patients|those|who|between)\b)[\w-]+\s+){1,3}$", re.IGNORECASE)


def _arm_gap(joiners: str) -> re.Pattern:
    """The gap between two arms a verb compares: the first's word for a therapy (or for the copy it is: "A plus a B
    biosimilar with C") and "alone" perhaps, one of ``joiners``, then how the second is described ("A alone versus
    standard B")."""
    return re.compile(rf"^\s*(?:(?:therapy|treatment|regimen|biosimilar)\s+)?(?:alone\s+|monotherapy\s+)?(?:{joiners})\s+(?:the\s+)?{_DESCRIBED}$",
                      re.IGNORECASE)


VERB_GAP_RE = _arm_gap(r"with|to|versus|vs\.?|and|against")
AGAINST_GAP_RE = _arm_gap("against")
# ... or an outcome as the verb's object, the arms after it: "compared overall survival rates for A or B", "compared
# PFS between A and B" (an "or" between them is a choice of two arms here).
ENDPOINT_COMPARED_RE = re.compile(r"\bcompar(?:e|es|ed|ing)\s+(?:the\s+)?(?:median\s+)?(?:(?:overall|progression[- ]free|"
                                  r"recurrence[- ]free|event[- ]free)\s+survival|survival|OS|PFS|RFS|(?:objective\s+)?response|"
                                  r"time\s+to\s+progression)(?:\s+(?:rates?|times?))?\s+(?:for|with|between|of)\s+(?:the\s+)?",
                                  re.IGNORECASE)
ENDPOINT_GAP_RE = _arm_gap(r"with|to|versus|vs\.?|and|or")
LIST_GAP_RE = re.compile(r"^\s*(?:alone|monotherapy)?\s*(?:,\s*(?:or\s+)?|\bor\s+)$", re.IGNORECASE)
# "PFS was longer with A than with B", "higher in the A group than in the B group": both arms inside the comparative.
THAN_RE = re.compile(r"\b(?:longer|shorter|higher|lower|better|greater|improved)\s+(?:with|in|for|among)\s+(?:the\s+)?$", re.IGNORECASE)
THAN_GAP_RE = re.compile(r"^\s*(?:(?:arm|group)\s+)?than\s+(?:(?:with|in|for|among)\s+)?(?:the\s+)?$", re.IGNORECASE)
# "the addition of A to B and C", "adding A to standard B": two arms, A with the backbone and the backbone alone.
ADDED_RE = re.compile(r"\b(?:addition\s+of|adding|added)\s+", re.IGNORECASE)
ADDED_LEAD_RE = re.compile(r"^(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,3}?$")  # "the PD-L1 inhibitor" before A
ADDED_TO_RE = re.compile(r"^(?:\s*\([^()]*\))?\s+to\s+(?:(?:the\s+)?(?:standard|first-line|backbone)\s+(?:of\s+care\s+)?)?$",
                         re.IGNORECASE)
# between the backbone's drugs, each perhaps with its brand in brackets: "B (Brand) and C (Brand)"
BACKBONE_GLUE_RE = re.compile(r"^(?:\s*\([^()]*\))?\s*(?:,\s*(?:and\s+)?|and\s+|plus\s+|\+\s*)$", re.IGNORECASE)


def compared_arms(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """The first "A versus B" / "A compared with B" pair in the sentence ([] when none); a placebo compared with a
    regimen of drugs and a procedure is given the procedure (:func:`placebo_with_procedures`)."""
    return placebo_with_procedures(doc, sent.text, _compared_pair(doc, sent))


WITH_OPTION_RE = re.compile(r"\s+with\s+(?:either\s+)?$", re.IGNORECASE)
BACKBONE_AND_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+plus\s+|\s*\+\s*)$", re.IGNORECASE)


def _with_drug_or_placebo(doc: AnalysedDocument, text: str, named: list[Agent]) -> list[Agent]:
    """ "comparing A and B with X or placebo", "a study of A and B with either X or placebo": the drugs before "with"
    are every arm's backbone, given with X in one arm and with placebo in the other: [A+B+X, A+B] ([] else)."""
    for i in range(2, len(named)):
        option, control = named[i - 1], named[i]
        first = i - 2
        if control.components != ("placebo",) or not OPTION_OR_RE.fullmatch(text, option.end, control.start) \
                or not WITH_OPTION_RE.fullmatch(text, named[first].end, option.start):
            continue
        while first > 0 and BACKBONE_AND_RE.fullmatch(text[named[first - 1].end:named[first].start]):
            first -= 1
        backbone = tuple(c for a in named[first:i - 1] for c in a.components)
        if set(backbone) & set(option.components):
            continue
        return [with_parts(doc, option, backbone), with_parts(doc, Agent(control.key, named[first].start, control.end,
                                                                        control.components), backbone)]
    return []


# A placebo said to stand for the drugs: "dual placebo", "double placebo", "matching placebos".
DRUGS_PLACEBO_RE = re.compile(rf"\b{PLACEBO_KIND}\s+$", re.IGNORECASE)


def placebo_with_procedures(doc: AnalysedDocument, text: str, arms: list[Agent]) -> list[Agent]:
    """ "TACE combined with A plus B versus dual placebo": a placebo said to stand for the drugs, never for a
    procedure, leaves the procedures every other arm gives with its drugs to the placebo arm too (written, as
    "placebo plus TACE" is, by :func:`with_parts`).  A plain "versus placebo" is left as written: texts also say so
    where the placebo arm is written without the procedure elsewhere ("or placebo alone")."""
    others = [a for a in arms if a.components != ("placebo",)]
    if len(others) == len(arms) or not others \
            or not any(DRUGS_PLACEBO_RE.search(text[max(0, a.start - 20):a.start]) for a in arms if a not in others):
        return arms
    drugs = [{c for c in a.components if not is_procedure(doc, c)} for a in others]
    shared = set.intersection(*({c for c in a.components if is_procedure(doc, c)} for a in others))
    if not shared or not all(drugs):
        return arms
    return [with_parts(doc, a, tuple(sorted(shared))) if a.components == ("placebo",) else a for a in arms]


def _compared_pair(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """The first "A versus B" / "A compared with B" pair in the sentence, as written ([] when none)."""
    named = agents(doc, sent)
    if backbone := options_on_backbone(doc, sent.text, named):
        return backbone  # "B with A or A plus C against B alone"
    if add_on := _with_drug_or_placebo(doc, sent.text, named):
        return add_on
    if verb := _compared_verb(sent.text, named):
        return verb
    if recalled := _combination_compared(sent.text, named):
        return recalled
    for left, right in zip(named, named[1:]):  # "A was being tested against B"
        if left.key != right.key and PASSIVE_AGAINST_RE.fullmatch(sent.text, left.end, right.start):
            return [left, right]
    if added := _added_to(doc, sent.text, named):
        return added
    if pairs := than_pairs(sent.text, named):
        return pairs[0][1]
    if optional := with_or_without(doc, sent.text, named):
        return optional
    if alone := alone_and_combined(doc, sent.text, named):
        return alone
    if (shared := either_arms(doc, sent, named, len(sent.text))) and not _prior(sent.text, named[0]):
        return shared  # "outcomes of A plus either B or C": A plus B, and A plus C
    for cue in COMPARE_RE.finditer(sent.text):
        # what the patients had before is no compared arm: "A after platinum-based chemotherapy improved DFS compared to B"
        left = [a for a in named if a.end <= cue.start() and not _prior(sent.text, a)]
        left = [a for a in left if not _glossed(sent.text, a, left)] or left
        right = [a for a in named if a.start >= cue.end()]
        if not left or not right:
            continue
        gap = unbracketed(sent.text[left[-1].end:cue.start()])  # "A improved PFS (5.6 vs 3.7 months; ...) compared with B"
        # a far subject is still the compared one when the sentence names no other agent before the cue
        reach = MAX_LEFT_GAP if len({a.key for a in left}) > 1 else MAX_LONE_LEFT_GAP
        if ";" in gap or len(gap) > reach or not RIGHT_GAP_RE.match(sent.text[cue.end():right[0].start]):
            continue
        alone = right[0].key if GIVEN_ALONE_RE.match(sent.text, right[0].end) else None
        left = and_list_joined(doc, sent.text, left, alone)
        if left[-1].key != right[0].key:
            return [*_listed_before(sent.text, left), *compared_after(sent.text, right)]
    # last: "the A and B arms"
    return _fronted(sent.text, named) or _or_backbone_alone(sent.text, named) or plural_arms(sent.text, named)


# The comparison put first, its subject after the comma: "Compared with B in this study, A prolonged OS",
# "Relative to B, treatment with A ...", also first in a clause that names no agent before it: "In the NAME study,
# compared with B, A prolonged OS", "The study showed that compared with B, A ...".
FRONTED_RE = re.compile(rf"^(?:[^;]*?{CLAUSE_OPENING}\s*|\W*(?:\w+:\s*)?)"
                        r"(?:(?:as\s+)?compared\s+(?:with|to)|relative\s+to|in\s+comparison\s+(?:with|to)|"
                        r"versus|vs\.?)\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)
FRONTED_GAP_RE = re.compile(r"^(?:\s*\([^()]*\))?(?:\s+(?:in|among|at|across|after)\b[^,;()]{0,40})?,\s*"
                            r"(?:(?:treatment|therapy)\s+with\s+)?(?:the\s+)?$", re.IGNORECASE)


def _fronted(text: str, named: list[Agent]) -> list[Agent]:
    """ "Compared with B in this study, A prolonged OS": [A, B] ([] when the sentence does not open so).

    The comparator opens the sentence; its subject, the first agent after the comma, is the other arm."""
    if len(named) < 2 or not FRONTED_RE.match(text[:named[0].start]):
        return []
    comparator, subject = named[0], named[1]
    if comparator.key == subject.key or not FRONTED_GAP_RE.match(text[comparator.end:subject.start]):
        return []
    return [subject, comparator]


def _prior(text: str, agent: Agent) -> bool:
    """Is the agent a therapy the patients had before ("progressed on A", "following A")?"""
    return had_before(text, agent.start)


def _compared_verb(text: str, named: list[Agent]) -> list[Agent]:
    """"The study compared A with B", "a trial to test A against B", "the study compared OS for A or B" ([] when the
    sentence has no such verb)."""
    for verb, gap in ((COMPARED_VERB_RE, VERB_GAP_RE), (AGAINST_VERB_RE, AGAINST_GAP_RE),
                      (ENDPOINT_COMPARED_RE, ENDPOINT_GAP_RE)):
        for cue in verb.finditer(text):
            after = [a for a in named if a.start >= cue.end()]
            lead = text[cue.end():after[0].start] if after else ""
            if len(after) >= 2 and (len(lead) <= 12 or COMPARED_OBJECT_RE.match(lead) or CLASS_LEAD_RE.match(lead)) \
                    and after[0].key != after[1].key and gap.match(unbracketed(text[after[0].end:after[1].start])):
                return [after[0], *compared_after(text, after[1:])]  # "... with B alone and with C"
    return []


# The combination named before, recalled as what is compared: "a study of A combined with B ..., comparing the combination
# to standard C", "the combination versus C", "the regimen was compared with C".
COMBINATION_RECALLED_RE = re.compile(r"\b(?:compar(?:e|es|ed|ing)\s+(?:the|this)\s+(?:combination|regimen)(?:\s+(?:therapy|treatment))?"
                                     r"\s+(?:with|to|against|versus|vs\.?)|(?:the|this)\s+(?:combination|regimen)(?:\s+(?:therapy|treatment))?"
                                     r"\s+(?:(?:was|were|is|will\s+be)\s+compared\s+(?:with|to)|versus|vs\.?|against))(?=\s)", re.IGNORECASE)


OR_GAP_RE = re.compile(r"\s*,?\s+or\s+(?:with\s+)?", re.IGNORECASE)  # "A + B, or (with) A alone"


def _or_backbone_alone(text: str, named: list[Agent]) -> list[Agent]:
    """ "a randomised study of A + B or A alone": [A plus B, A], when the arm given alone is part of the other ([] else;
    read after every other shape, so "A + B or A alone vs C" stays a comparison of three)."""
    for left, right in zip(named, named[1:]):
        if OR_GAP_RE.fullmatch(text, left.end, right.start) and GIVEN_ALONE_RE.match(text, right.end) \
                and set(agent_components(right.key)) < set(agent_components(left.key)):
            return [left, right]
    return []


def _combination_compared(text: str, named: list[Agent]) -> list[Agent]:
    """ "A combined with B ..., comparing the combination to C": [A plus B, C], when the sentence names one combination
    before the cue ([] else)."""
    for cue in COMBINATION_RECALLED_RE.finditer(text):
        combined = [a for a in named if a.end <= cue.start() and is_regimen_key(a.key)]
        right = [a for a in named if a.start >= cue.end()]
        if len({a.key for a in combined}) == 1 and right and right[0].key != combined[0].key \
                and RIGHT_GAP_RE.match(text[cue.end():right[0].start]):
            return [combined[-1], right[0]]
    return []


def than_pairs(text: str, named: list[Agent]) -> list[tuple[int, list[Agent]]]:
    """Each "longer with A than with B" in the sentence: (where it ends, [A, B]), in order."""
    out = []
    for left, right in zip(named, named[1:]):
        if left.key != right.key and THAN_RE.search(text[max(0, left.start - 40):left.start]) \
                and THAN_GAP_RE.match(text[left.end:right.start]):
            out.append((right.end, [left, right]))
    return out


def _added_to(doc: AnalysedDocument, text: str, named: list[Agent]) -> list[Agent]:
    """ "The addition of A to B and C": A plus B plus C, and B plus C ([] when the sentence has no such phrase)."""
    for cue in ADDED_RE.finditer(text):
        added = next((a for a in named if a.start >= cue.end()), None)
        if added is None or not ADDED_LEAD_RE.match(text[cue.end():added.start]):
            continue
        backbone = [a for a in named if a.start >= added.end]
        if not backbone or not ADDED_TO_RE.match(text[added.end:backbone[0].start]):
            continue
        parts = list(backbone[:1])
        for agent in backbone[1:]:
            if not BACKBONE_GLUE_RE.match(text[parts[-1].end:agent.start]):
                break
            parts.append(agent)
        base = with_parts(doc, parts[0], tuple(c for a in parts[1:] for c in a.components))
        if set(added.components) <= set(base.components):
            continue
        return [with_parts(doc, added, base.components), base]
    return []


# An appositive right after an agent: "A plus CODE, a B biosimilar, versus C" (B names what CODE copies).
APPOSITIVE_OPEN_RE = re.compile(r"^\s*,\s*(?:an?|the)\s+[^,;()]{0,40}$", re.IGNORECASE)


def _glossed(text: str, agent: Agent, named: list[Agent]) -> bool:
    """Is the agent a gloss of what precedes it, in parentheses ("A + CODE (a B biosimilar)") or an appositive
    ("A plus CODE, a B biosimilar, versus C")?"""
    opened = text.rfind("(", 0, agent.start)
    inside = opened >= 0 and ")" not in text[opened:agent.start]
    before = [a for a in named if a.end <= agent.start and a is not agent]
    appositive = bool(before) and APPOSITIVE_OPEN_RE.match(text[before[-1].end:agent.start]) is not None
    return (inside and any(a.end <= opened for a in named)) or appositive


# Inside one arm before "versus": "B, C, and D" (the list closed by "and"), and what delivers the list
# ("A plus arterial infusion of B, C and D").
_LIST_COMMA_RE = re.compile(r"\s*,\s*")
# (a brand in brackets first; the last drug's maker perhaps before it, "A plus B and Company's C")
_LIST_CLOSE_RE = re.compile(r"(?:\s*\([^()]*\))?\s*,?\s+and\s+" + MAKER_BEFORE,
                            re.IGNORECASE)
# Two drugs given to the same patients: "treated with A and B", "receiving A and B", "the combination of A and B"
GIVEN_PAIR_RE = re.compile(r"\b(?:with|receiving|received|given|combination\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
_DELIVERED_RE = re.compile(r"\s+(?:plus|with|combined\s+with)\s+(?:[\w-]+\s+){1,4}of\s+", re.IGNORECASE)


def and_list_joined(doc: AnalysedDocument, text: str, left: list[Agent], alone: str | None = None) -> list[Agent]:
    """``left`` with a list "B, C(,) and D" just before the comparison made one arm of B, C and D (with
    the agent that list is given with: "A plus infusion of B, C and D versus E" compares A+B+C+D with E).
    Two joined by "and" only when given to the same patients ("patients treated with A and B lived longer than
    those treated with C": A plus B, not B alone)."""
    if len(left) < 2 or not _LIST_CLOSE_RE.fullmatch(text[left[-2].end:left[-1].start]):
        return left
    first = len(left) - 2
    while first > 0 and _LIST_COMMA_RE.fullmatch(text[left[first - 1].end:left[first].start]):
        first -= 1
    if first == len(left) - 2 and not GIVEN_PAIR_RE.search(text, max(0, left[first].start - 40), left[first].start) \
            and alone not in {left[-1].key, left[-2].key} \
            and not named_after(text[left[-1].end:], {*left[-2].components, *left[-1].components}) \
            and not _combination_goes_on(text, left):
        # "A and B" alone: not said to be one arm (unless compared with one of them alone, "A and B versus B alone",
        # or named as one, "A and B (GEMOX)", or a combination goes on, "A plus B and C versus D")
        return left
    if first > 0 and _DELIVERED_RE.fullmatch(text[left[first - 1].end:left[first].start]):
        first -= 1
    parts = tuple(p for a in left[first:] for p in a.components)
    whole = with_parts(doc, left[first], parts)
    return [*left[:first], Agent(whole.key, left[first].start, left[-1].end, whole.components)]


def _combination_goes_on(text: str, left: list[Agent]) -> bool:
    """ "A plus B and C versus D": the agent before "and" is a combination already, so "and" adds a part to it (not
    "A plus B and C alone versus D", two arms)."""
    return len(left[-2].components) > 1 and not GIVEN_ALONE_RE.match(text, left[-1].end)


# "A plus B (NAME) and A monotherapy compared with C": "and" parts two arms when the one after it is given alone.
AND_GAP_RE = re.compile(r"^\s*(?:\([^()]*\)\s*)?,?\s*and\s+$", re.IGNORECASE)


def _listed_before(text: str, left: list[Agent]) -> list[Agent]:
    """The agents listed before "versus": "A plus B or A alone vs C", "A plus B and A monotherapy vs C" compare
    three arms."""
    out = [left[-1]]
    for agent in reversed(left[:-1]):
        gap = text[agent.end:out[0].start]
        parted = LIST_GAP_RE.match(gap) or (AND_GAP_RE.match(gap) and GIVEN_ALONE_RE.match(text, out[0].end))
        if not parted or agent.key in {a.key for a in out}:
            break
        out.insert(0, agent)
    return out
