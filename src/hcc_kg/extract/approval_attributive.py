"""Who an approval said as an adjective or in apposition is said of (:mod:`.approvals`).

"X is an FDA-approved option", "the FDA-approved options of X", "Y beat X (ABBR), the first approved drug for D", "A
with X, a kinase inhibitor approved as first-line therapy", "the only approved drug for D was X": the agent the
approved class is predicated of, set in apposition to, or introduces; not an agent in a subordinate clause ("an
FDA-approved treatment that can be used if ... X").
"""

from __future__ import annotations

import re

from .analysis import AnalysedSentence
from .approval_clauses import Clause
from .approval_cues import (APPOSED_CLASS, APPOSED_NOUN_PHRASE, APPROVED_BEFORE_NOUN, COPULA, PREDICATE_AFTER, apposed,
                            apposed_participle)

# "X is an FDA-approved option": the attributive approval is predicated of the subject before it.
# ... or the adjective itself predicated: "X is FDA-approved for D", "X was EMA-approved in 2020".
COPULA_BEFORE = re.compile(rf"\b{COPULA}\s+(?:also\s+|now\s+|still\s+|currently\s+)?(?:(?:an?|the)\s+(?:[\w,-]+\s+){{0,2}})?$",
                           re.IGNORECASE)
AGENCY_PREFIX = re.compile(r"[\w.]+-$")
# From a name to its apposed "approved" class: an abbreviation in brackets, a comma, the article and "first".
# the class an apposition names is a combination's ("A plus B, the first approved regimen for D"): said of both
REGIMEN_CLASS = re.compile(r"\b(?:regimens?|combinations?|doublets?|triplets?)\b", re.IGNORECASE)
APPOSED_GAP = re.compile(rf"^[\s)]*(?:\([^()]*\)\s*)?(?:{APPOSED_CLASS}|{APPOSED_NOUN_PHRASE})", re.IGNORECASE)
# "an FDA-approved treatment that can be used if ... X": X in a subordinate clause is not the one approved.
SUBORDINATE = re.compile(r"\b(?:that|which|who|whose|if|when|because|but|after)\b", re.IGNORECASE)


# "we review the drugs approved for D, focusing on X": a participle after a plural class noun says the class is
# approved; a name after it is one of them only where the sentence lists or predicates its members ("the drugs
# approved for D include X", "agents approved for D (X and Y)", "... are X and Y").
CLASS_BEFORE_PARTICIPLE = re.compile(r"\b(?:drugs|agents|therapies|treatments|medications|medicines|options|TKIs|"
                                     r"inhibitors|regimens|antibodies)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
MEMBERS_NAMED = re.compile(r"\b(?:include[sd]?|including|are|were|comprise[sd]?|such\s+as|namely|e\.g\.|i\.e\.)\b|[:(]",
                           re.IGNORECASE)


def class_members(sent: AnalysedSentence, clause: Clause, cue: re.Match, agents: tuple) -> tuple:
    """The agents an approval of a class ("the drugs approved for D") is said of: those named before it, and those
    after it that the sentence lists or predicates as its members (:data:`MEMBERS_NAMED` between)."""
    after = clause.start + cue.end()
    return tuple((k, g, r) for k, g, r in agents if sent.local(g[0])[0] < after
                 or MEMBERS_NAMED.search(sent.text[after:sent.local(g[0])[0]]))


def apposed_to_agent(sent: AnalysedSentence, cue_at: int, agents: tuple) -> bool:
    """An approval in a phrase set off after a name: "X, the first approved TKI for D", or with the participle
    after the class noun, "A with X, a kinase inhibitor approved as first-line therapy", when X is an agent."""
    if apposed(sent.text, cue_at):
        return True
    if not apposed_participle(sent.text, cue_at):
        return False
    ends = [sent.local(group[-1])[1] for _, group, _ in agents if sent.local(group[-1])[1] <= cue_at]
    return bool(ends) and APPOSED_GAP.match(sent.text[max(ends):cue_at]) is not None


def attributive_agents(sent: AnalysedSentence, clause: Clause, cue: re.Match, agents: tuple) -> tuple:
    """The agents an attributive approval ("FDA-approved") is said of: the subject of "X is an
    FDA-approved option", else those it introduces ("the FDA-approved options of X"), not an agent
    inside a subordinate clause ("an FDA-approved treatment that can be used if ... X")."""
    cue_at, after = clause.start + cue.start(), clause.start + cue.end()
    if apposed_to_agent(sent, cue_at, agents):  # "Y beat X (ABBR), the first approved drug": X alone, the name before
        before = sorted(((k, g, r) for k, g, r in agents if sent.local(g[-1])[1] <= cue_at), key=lambda a: sent.local(a[1][-1])[1])
        if not before:  # no name before the comma ("Until recently, the only approved drug for D was X"): no apposition
            return _named_after_the_verb(sent, after, agents)
        # whatever X's role in its own clause ("non-inferior to X", "after X"), the apposition says X is approved
        if not APPOSED_GAP.match(sent.text[sent.local(before[-1][1][-1])[1]:cue_at]):
            return ()
        key, group, _ = before[-1]
        if len(group) > 1 and not REGIMEN_CLASS.search(sent.text[sent.local(group[-1])[1]:cue_at + 30]):
            return ((group[-1].key, group[-1:], "agent"),)  # "A with X, an inhibitor approved for D": X, not A with X
        return ((key, group, "agent"),)
    if COPULA_BEFORE.search(AGENCY_PREFIX.sub("", clause.text[:cue.start()])):
        return tuple((k, g, r) for k, g, r in agents if sent.local(g[-1])[1] <= cue_at)
    return tuple((k, g, r) for k, g, r in agents if sent.local(g[0])[0] >= after
                 and not SUBORDINATE.search(sent.text[after:sent.local(g[0])[0]]))


def _named_after_the_verb(sent: AnalysedSentence, after: int, agents: tuple) -> tuple:
    """The agent an approved class ending at ``after`` is predicated of after its verb ("the only approved drug for D
    was (the T inhibitor) X"), else none."""
    noun = APPROVED_BEFORE_NOUN.match(sent.text, after)
    later = sorted(((k, g, r) for k, g, r in agents if noun and sent.local(g[0])[0] >= noun.end()), key=lambda a: sent.local(a[1][0])[0])
    if not later or not PREDICATE_AFTER.fullmatch(sent.text, noun.end(), sent.local(later[0][1][0])[0]):
        return ()
    return (later[0],)
