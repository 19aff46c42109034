"""Arms a randomisation names as one regimen given with or without an add-on.

Shapes read (invented examples): "randomly assigned to A and B with or without C" gives two arms,
A plus B plus C and A plus B alone ("with/without C", "± C" likewise).  Without this reading the
list splits at "or" and the add-on alone becomes an arm of its own, which no patient received.
"randomly assigned to A plus either B or C" gives A plus B and A plus C: what stands before "either"
is every arm's backbone, not the first arm's alone.  "randomized to A alone or in combination with C" gives A and
A plus C.  "TACE with A or A plus B against TACE alone" gives TACE plus A, TACE plus A plus B and TACE: the
backbone named with the first option is every option's, as the control given alone shows.
"""

from __future__ import annotations

import re

from ..keys import agent_key
from .analysis import AnalysedDocument, AnalysedSentence
from .comparators import arm_parts, is_care, is_procedure
from .sentences import DOSE_WORD, ROUTE

# The add-on's cue between the regimen (and its doses) and the add-on: "... with or without C".
OPTIONAL_RE = re.compile(r"\s*(?:\b(?:with\s+or\s+without|with\s*/\s*without|with\s+and\s+without)\b|±|\+/-)\s*",
                         re.IGNORECASE)


# ... or the regimen alone first: "A alone (Arm S, n = 169) or in combination with C (Arm C, n = 170)".
ALONE_OR_RE = re.compile(r"\s*\balone\b(?:\s*\([^()]*\))?\s*,?\s*or\s+(?:in\s+combination\s+with|combined\s+with|"
                         r"together\s+with|with|plus)\s+", re.IGNORECASE)


def optional_arms(doc: AnalysedDocument, sent: AnalysedSentence, named: list, start: int, end: int) -> list:
    """The two arms "A and B with or without C" (or "A alone or with C") names within ``sent.text[start:end]`` ([]
    when the list has no such cue).  ``named`` holds the agents found there, in order (prose_arms.Agent)."""
    for i, option in enumerate(named[1:], start=1):
        base = named[:i]
        cue = OPTIONAL_RE.search(sent.text, base[-1].end, option.start)
        alone = ALONE_OR_RE.match(sent.text, base[-1].end)
        if alone is not None and alone.end() == option.start:
            cue = alone
        elif cue is None or cue.end() != option.start or not _only_doses(sent.text[base[-1].end:cue.start()]):
            continue
        if any(c in option.components for a in base for c in a.components):
            return []
        parts = arm_parts(doc, {p for a in base for p in a.components})
        whole = arm_parts(doc, {*parts, *option.components})
        arms = [type(option)(agent_key(whole), base[0].start, option.end, whole),
                type(option)(agent_key(parts), base[0].start, base[-1].end, parts)]
        return arms[::-1] if cue is alone else arms
    return []


# "A plus either B or C", "to receive A and either B or C": the backbone, its glue, then "either" (the backbone's
# dose may come between).
# How an option is given, written before it: "either oral A or matched placebo", "either 200 mg of A or 400 mg of B".
ROUTE_WORDS = rf"(?:(?:{ROUTE}|matched|matching|dual)\s+){{0,2}}"
_OPTION_LEAD = rf"(?:\d[\d.,]*\s*(?:mg|g|mcg|µg)(?:/[\w²]+)*\s+(?:of\s+)?)?{ROUTE_WORDS}"
_DOSE_WORDS = rf"(?:{DOSE_WORD}|on|through|to)"  # "A 10 mg once daily on days 1 through 14 plus either B or C"
EITHER_SHARED_RE = re.compile(rf"(?:\s*\([^()]*\)|\s+{_DOSE_WORDS}\b)*\s*(?:\+|plus|and|with|combined\s+with|in\s+combination\s+with)"
                              rf"\s+either\s+{_OPTION_LEAD}", re.IGNORECASE)
# Between two alternatives after "either": a dose or a bracket (the first's size), then "or" or a comma.
EITHER_GAP_RE = re.compile(rf"(?:[^;:.,()]|\.\d|\([^()]*\)){{0,60}}?(?:,?\s+or\s+|\s*,\s*){_OPTION_LEAD}", re.IGNORECASE)


def either_arms(doc: AnalysedDocument, sent: AnalysedSentence, named: list, end: int) -> list:
    """The arms "A plus either B or C" names (A plus B, A plus C) among ``named`` (the agents of the list,
    in order, ending before ``end``); [] without such a cue.  Placebo with the backbone is the backbone's arm."""
    for i, option in enumerate(named[1:], start=1):
        if EITHER_SHARED_RE.fullmatch(sent.text, named[i - 1].end, option.start) is None:
            continue
        options = [a for a in named[i:] if a.end <= end]
        if len(options) < 2 or not all(EITHER_GAP_RE.fullmatch(sent.text, a.end, b.start)
                                       for a, b in zip(options, options[1:])):
            return []
        base = {p for a in named[:i] for p in a.components}
        arms = [arm_parts(doc, {*base, *o.components}) for o in options]
        return [type(o)(agent_key(parts), named[0].start, o.end, parts) for o, parts in zip(options, arms)]
    return []


def _only_doses(gap: str) -> bool:
    """Between the regimen and the cue only its doses and schedule ("(250 mg, every day)"), no other clause."""
    return re.fullmatch(r"(?:\s*\([^()]*\))*\s*", gap) is not None


def sequenced(doc: AnalysedDocument, found: list, maintenance: list[tuple[int, int]], text: str = "") -> list:
    """The agents of one segment of a randomisation list, without those a "followed by" phase names
    again ("A plus B for 4 doses, followed by A": A's maintenance), except a drug that follows a procedure
    ("SBRT followed by A", "TACE then A"): that arm is the procedure and the drug, given in turn; so too a
    drug the arm has not named yet ("A 10 mg/kg followed by B 5 mg/kg on the same day", "A followed by B"):
    one arm giving both in turn.  A new drug offered as a choice ("followed by B or placebo") is left out."""
    kept = []
    for agent in found:
        if not any(ms <= agent.start < me for ms, me in maintenance):
            kept.append(agent)
        elif kept and all(_procedure_only(doc, a) for a in kept) and not _procedure_only(doc, agent):
            kept.append(agent)
        elif kept and _new_drug(doc, agent, kept) and not _OFFERED_RE.match(text, agent.end):
            kept.append(agent)
    return kept


# What follows a drug offered as one of alternatives ("followed by B or placebo", "B 5 mg or C").
_OFFERED_RE = re.compile(r"(?:[^;:.,()]|\.\d|\([^()]*\)){0,40}?\s+or\b", re.IGNORECASE)


def _new_drug(doc: AnalysedDocument, agent, kept: list) -> bool:
    """Is the agent a drug (no procedure, placebo or care) none of whose parts the arm already gives?"""
    given = {p for a in kept for p in a.components}
    return not given & set(agent.components) and not any(
        doc.vocabulary[p].has_type("Procedure", "Placebo") or is_care(doc, p) for p in agent.components)


def _procedure_only(doc: AnalysedDocument, agent) -> bool:
    """Is every part of the agent a procedure other than care (TACE, radiotherapy), with no drug or placebo?"""
    return all(is_procedure(doc, p) for p in agent.components)


# Between the last option and the control given alone: "against", "versus", "compared with".
CONTROL_GAP_RE = re.compile(r"\s*(?:alone\s+)?(?:against|versus|vs\.?|compared\s+(?:with|to))\s+(?:the\s+)?", re.IGNORECASE)
OPTION_OR_RE = re.compile(r"\s*,?\s+or\s+", re.IGNORECASE)
# The backbone before the first option, when not glued to it: "compared TACE with A or ...".
BACKBONE_WITH_RE = re.compile(r"\s+(?:with|plus|combined\s+with|in\s+combination\s+with)\s+", re.IGNORECASE)
GIVEN_ALONE_RE = re.compile(r"\s+(?:alone|monotherapy)\b", re.IGNORECASE)  # "A alone", "A monotherapy"


def options_on_backbone(doc: AnalysedDocument, text: str, named: list) -> list:
    """ "B with A or A plus C against B alone": [B plus A, B plus A plus C, B] ([] when the sentence has no such
    list).  The control is the backbone alone; the backbone is named once, with (or glued to) the first option.

    ``named`` holds the sentence's agents in order (prose_arms.Agent)."""
    for k, control in enumerate(named):
        if k < 2 or not GIVEN_ALONE_RE.match(text, control.end) \
                or not CONTROL_GAP_RE.fullmatch(text, named[k - 1].end, control.start):
            continue
        first = k - 1
        while first > 0 and OPTION_OR_RE.fullmatch(text, named[first - 1].end, named[first].start):
            first -= 1
        options, backbone = named[first:k], set(control.components)
        named_before = first > 0 and named[first - 1].key == control.key \
            and BACKBONE_WITH_RE.fullmatch(text, named[first - 1].end, options[0].start) is not None
        if len(options) < 2 or not (named_before or backbone < set(options[0].components)) \
                or any(backbone & set(o.components) for o in options[1:]):
            continue
        start = named[first - 1].start if named_before else options[0].start
        arms = [arm_parts(doc, {*backbone, *o.components}) for o in options]
        return [*(type(o)(agent_key(parts), start if i == 0 else o.start, o.end, parts)
                  for i, (o, parts) in enumerate(zip(options, arms))), control]
    return []
