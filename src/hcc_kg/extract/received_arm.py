"""The one arm of "patients received A": a single-arm trial's arm, read from the sentence that gives it.

"Patients received A", "A 20 mg/kg was given every 3 weeks", "received A (12 mg) orally daily and B 200 mg on day
1" (one regimen), "36 received A, B plus C", "received A followed 3 weeks later by B" (one sequenced regimen).
Split from :mod:`.prose_arms`, whose agent reader it uses.
"""

from __future__ import annotations

import re

from ..keys import agent_key, is_regimen_key
from .analysis import AnalysedDocument, AnalysedSentence
from .comparators import arm_parts
from .prose_arms import FOLLOWED_BY_RE, SENTENCE_OPENING_RE, Agent, agents, unbracketed
from .received_cues import EARLIER_THERAPY_RE, RECEIVED_REACH, RECEIVED_RE
from .sentences import ROUTE

# The agent as the subject of a passive: "A 20 mg/kg was given IV every 3 weeks" (its dose between).
GIVEN_PASSIVE_RE = re.compile(r"(?:[^;:.,()]|\.\d|\([^()]*\)){0,40}?\b(?:was|were)\s+(?:\w+\s+)?"
                              r"(?:given|administered|dosed|infused|tested|evaluated|investigated|studied)\b", re.IGNORECASE)
# ... "The combination of A and B (400 mg BID) was tested in patients with X": the regimen as the subject
COMBINATION_OPENING_RE = re.compile(r"\W*(?:[A-Za-z]+:\s*)?(?:the\s+)?combination\s+of\s+", re.IGNORECASE)
# Dosing text between the parts of one regimen ending in "and"/"plus"/"in addition to"/"followed (3 weeks later) by":
# no "or", "versus" or clause break;
# the second part's route may stand before it ("intravenous A every 3 weeks plus oral B"), and the phase it is given
# alone in ("A plus B for four doses, followed by single-agent A").
# ... but a share of the patients, or a verb of its own, before the next drug starts another group of them:
# "85% were treated with A and 15% were treated with B" is a mixed arm, no combination.
DOSED_AND_RE = re.compile(r"(?:(?!\d\s*%|\b(?:were|was)\s+(?:treated|given)\b)[^;:.]){0,80}?"
                          r"(?:\band\b|\bplus\b|\+|\bwith\b|\bin\s+addition\s+to\b|\bfollowed\s+(?:[\w-]+\s+){0,4}?by\b)\s*"
                          rf"(?:{ROUTE}\s+)?(?:(?:single[- ]agent|maintenance)\s+)?", re.IGNORECASE)
LIST_COMMA_RE = re.compile(r"\s*,\s*")


def received_agent(doc: AnalysedDocument, sent: AnalysedSentence) -> str | None:
    """The one agent in "patients received A" (None when the sentence names another agent too)."""
    later = [(m.start(), m.end()) for m in FOLLOWED_BY_RE.finditer(sent.text)]
    named = [a for a in agents(doc, sent) if not doc.vocabulary[a.components[0]].has_type("Placebo")
             # "patients who progressed on B received A": B is who the patients are
             and not EARLIER_THERAPY_RE.search(sent.text, max(0, a.start - 60), a.start)
             # "received A plus B for 8 weeks, followed by surgical resection": the operation after is no part of it
             and not (any(s <= a.start < e for s, e in later) and all(doc.vocabulary[c].has_type("Procedure") for c in a.components))]
    named = [_without_operation_after(doc, sent, a, later) for a in named]
    if named and len({a.key for a in named}) == 1 and _given_passive(sent.text, named[0]):
        return named[0].key  # "A 20 mg/kg was given every 3 weeks"
    if not named or not RECEIVED_RE.search(sent.text[max(0, named[0].start - RECEIVED_REACH):named[0].start]):
        return None
    given, commas = [named[0]], []
    for agent in named[1:]:  # "received A (12 mg) orally daily and B 200 mg on day 1", "A, B plus C": one regimen
        gap = unbracketed(sent.text[given[-1].end:agent.start])
        if not (DOSED_AND_RE.fullmatch(gap) or LIST_COMMA_RE.fullmatch(gap)):
            break
        given.append(agent)
        commas.append(LIST_COMMA_RE.fullmatch(gap) is not None)
    while commas and commas[-1] and not is_regimen_key(given[-1].key):  # ("A, B plus C": B plus C read glued)
        commas.pop()
        given.pop()  # a list only commas join says no regimen: up to its last "and" / "plus"
    keys = {a.key for a in named}
    # (a drug named again after, "followed by maintenance A", is no other agent)
    if len(keys) != 1 and not (len(given) > 1 and keys <= {a.key for a in given}):
        return None
    # care given besides the drugs ("A in addition to best supportive care") is no part of the arm
    return named[0].key if len(keys) == 1 else agent_key(arm_parts(doc, {p for a in given for p in a.components}))


def _without_operation_after(doc: AnalysedDocument, sent: AnalysedSentence, agent: Agent,
                             later: list[tuple[int, int]]) -> Agent:
    """"received two cycles of A followed by surgical resection", read as one glued regimen: the procedure after
    "followed by" is what the patients went on to, not a part of what they received (the drugs are kept)."""
    after = {m.key for m in sent.mentions if doc.vocabulary[m.key].has_type("Procedure")
             and any(s <= sent.local(m)[0] < e for s, e in later) and agent.start <= sent.local(m)[0] < agent.end}
    kept = tuple(c for c in agent.components if c not in after)
    if not after or len(kept) == len(agent.components) or not kept \
            or all(doc.vocabulary[c].has_type("Procedure") for c in kept):
        return agent
    return Agent(agent_key(kept), agent.start, agent.end, kept)


def _given_passive(text: str, agent: Agent) -> bool:
    """Is the sentence's subject the agent, given to the patients: "A 20 mg/kg was given IV every 3 weeks"?"""
    opening = SENTENCE_OPENING_RE.fullmatch(text[:agent.start]) \
        or (len(agent.components) > 1 and COMBINATION_OPENING_RE.fullmatch(text[:agent.start]))
    return bool(opening and GIVEN_PASSIVE_RE.match(text, agent.end))
