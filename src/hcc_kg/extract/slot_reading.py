"""What one sentence says about the trial in context: its arms, their sizes, per-arm values,
hazard ratios and the verdict on the primary endpoint, added to the trial's :class:`Slot`.

Split from :mod:`abstracts`, which decides which trial each sentence is about.  Results
are read only once the trial's arms are known: sentences read before are kept and read
when the document ends (:func:`read_pending`).

A sentence that projects rather than reports ("is designed to detect a hazard ratio of
0.75", "assuming a median OS of 12 months", "will improve OS from 12 to 16 months") states
no result: its numbers are kept as hedged readings (withheld from the graph), not facts.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..keys import is_regimen_key, regimen_components
from .analysis import AnalysedDocument, AnalysedSentence
from .effects import HazardRatio, parse_hazard_ratios
from .prose_arms import (Agent, compared_arms, counted_arms, counted_list, labelled_arms, randomised_arms, received_agent,
                         received_alternatives, sized_alternatives)
from .prose_sizes import arm_sizes, enrolled
from .prose_values import add_on_design, anchors, arm_for, arm_mentions, arm_values, hazard_ratio_endpoint, is_subgroup, \
    primary_verdicts, valued_agents
from .prose_rates import timepoint_rates
from .sentences import evidence_span
from .trial_slots import Slot

SINGLE_ARM_RE = re.compile(r"\bsingle[- ](?:arm|agent)\b|\bnon-?randomi[sz]ed\b", re.IGNORECASE)
PRIMARY_ENDPOINTS_RE = re.compile(r"\bprimary\s+end\s*-?\s*points?\b[^.;]*", re.IGNORECASE)
# A sentence about the design's assumptions or what a trial will show, not about what it showed
# (cue words of a projection: a power calculation, an assumption, a hypothesis, an effect in the
# future tense).  A bare "will" is no cue: "results will be presented" follows reported results.
PROJECTION_RE = re.compile(r"\b(?:designed\s+to|powered\s+to|to\s+detect|assum(?:e|es|ed|ing|ptions?)|hypothesi[sz](?:e|es|ed|is)|"
                           r"sample\s+size|expected\s+to|\d+\s*%\s+power|(?:will|would)\s+(?:\w+\s+){0,2}?(?:improve|prolong|"
                           r"reduce|extend|increase|show|demonstrate|achieve)\w*)\b", re.IGNORECASE)

#: Readers of the arms patients were assigned to, first that finds any wins: counted one by one
#: ("300 received A and 150 received B"), randomised ("randomly assigned to A or B"), labelled (a
#: registry's "Experimental: A"), alternatives each with its size ("A (n = 9) or B (n = 8)"), or a
#: parenthesis listing each arm with its count ("494 patients (A, 247; B, 247)"), or the alternatives
#: patients received ("Patients received A or B").
ASSIGNED_ARMS = (counted_arms, randomised_arms, labelled_arms, sized_alternatives, counted_list, received_alternatives)


def assigned_arms(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """Arms the sentence assigns patients to (:data:`ASSIGNED_ARMS`), [] when none."""
    return next((arms for read in ASSIGNED_ARMS if (arms := read(doc, sent))), [])


def stated_arms(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """Arms a sentence assigns patients to (:data:`ASSIGNED_ARMS`), else compares ("A versus B")."""
    return assigned_arms(doc, sent) or compared_arms(doc, sent)


def slot_arm(doc: AnalysedDocument, agent: str, arms: list[str]) -> str | None:
    """The trial arm an agent names: itself, or in an add-on design what sets its arm apart
    ("randomized to B (n=341) or placebo (n=344) with chemotherapy")."""
    if agent in arms:
        return agent
    if not add_on_design(arms):
        return None
    return arm_for(doc, tuple(regimen_components(agent)) if is_regimen_key(agent) else (agent,), arms)


def projects(text: str) -> bool:
    """Does the sentence project a result rather than report one?

    >>> projects("The trial was designed to detect a hazard ratio of 0.75 with 90% power.")
    True
    >>> projects("Median OS was 12.1 versus 9.8 months (HR 0.75).")
    False
    """
    return PROJECTION_RE.search(text) is not None


def read_sentence(doc: AnalysedDocument, sent: AnalysedSentence, slot: Slot, randomised: bool = True,
                  background: bool = False) -> None:
    """Add what the sentence says about the trial to its slot (results wait until its arms are known;
    those a structured abstract's background states before then are earlier results, not read)."""
    span = evidence_span(sent)
    if not slot.arms and (given := received_agent(doc, sent)):
        slot.arms, slot.single_arm = [given], not randomised
        slot.arms_at.append(span)
    stated = [a.key for a in stated_arms(doc, sent)]
    if not stated and randomised and len(slot.arms) < 2 and not slot.said_single:
        # "median OS was 16.6 months for A and 15.0 months for B" in a trial whose arms were not listed
        stated = valued_agents(doc, sent)
    adds = (len(slot.arms) < 2 and (not slot.arms or slot.arms[0] in stated)) or set(slot.arms) < set(stated)
    if stated and adds:  # a first or fuller statement of the arms ("A plus B or A alone vs C")
        slot.arms = list(dict.fromkeys([*slot.arms, *stated])) if len(slot.arms) < 2 else stated
        slot.arms_at.append(span)
    for agent, size in arm_sizes(doc, sent).items():
        if (arm := slot_arm(doc, agent, slot.arms)) is not None:
            slot.sizes.setdefault(arm, size)
    slot.enrolled = slot.enrolled or enrolled(sent.text)
    slot.said_single = slot.said_single or bool(SINGLE_ARM_RE.search(sent.text))
    slot.single_arm = slot.single_arm or (slot.said_single and len(slot.arms) == 1)
    if m := PRIMARY_ENDPOINTS_RE.search(sent.text):
        slot.primary |= {a.key for a in doc.keys_of_type(sent.mentions, "EndpointType")
                         if m.start() <= sent.local(a)[0] < m.end()}
    _verdict(doc, sent, slot)
    named = anchors(doc, sent)
    if len(slot.arms) >= 2 or slot.single_arm:
        _results(doc, sent, slot)
    elif not background:
        slot.pending.append(sent)
    slot.last_endpoint = named[-1].endpoint if named else slot.last_endpoint


def read_pending(doc: AnalysedDocument, slot: Slot, randomised: bool) -> None:
    """Results stated before the arms were ("A cut the risk of death ...; 573 patients were randomised to ...")."""
    if len(slot.arms) == 1 and not randomised:
        slot.single_arm = True  # one agent, and nothing in the document is randomised or compared
    if len(slot.arms) >= 2 or slot.single_arm:
        for sent in slot.pending:
            _results(doc, sent, slot)
    slot.pending.clear()


def _results(doc: AnalysedDocument, sent: AnalysedSentence, slot: Slot) -> None:
    span = evidence_span(sent)
    if projects(sent.text):
        slot.projected.add(span)
    slot.values.extend((v, span) for v in arm_values(doc, sent, slot.arms))
    slot.values.extend((v, span) for v in timepoint_rates(doc, sent, slot.arms, slot.last_endpoint))
    slot.ratios.extend((hr, endpoint, pair, span) for hr, endpoint, pair in _ratios(doc, sent, slot))


def _verdict(doc: AnalysedDocument, sent: AnalysedSentence, slot: Slot) -> None:
    endpoints = frozenset(m.key for m in doc.keys_of_type(sent.mentions, "EndpointType"))
    slot.verdicts.extend((met, endpoints, explicit) for met, explicit in primary_verdicts(sent.text))


def _ratios(doc: AnalysedDocument, sent: AnalysedSentence, slot: Slot) -> Iterator[tuple[HazardRatio, str, tuple[str, str]]]:
    for hr in parse_hazard_ratios(sent.text):
        if is_subgroup(sent.text, hr.start):
            continue
        endpoint = hazard_ratio_endpoint(doc, sent, hr.label, hr.start, hr.label_end)
        pair = _pair(doc, sent, hr, slot)
        if endpoint is not None and pair is not None:
            yield hr, endpoint, pair


def _pair(doc: AnalysedDocument, sent: AnalysedSentence, hr: HazardRatio, slot: Slot) -> tuple[str, str] | None:
    """(experimental, comparator): as the label orders them, else the trial's first two arms."""
    start = hr.start + sent.text[hr.start:hr.end].find(hr.label) if hr.label else hr.end
    in_label = [a.key for a in arm_mentions(doc, sent, slot.arms) if start <= a.start and a.end <= start + len(hr.label)]
    if len(set(in_label)) == 2:
        return in_label[0], in_label[1]
    return (slot.arms[0], slot.arms[1]) if len(slot.arms) == 2 else None
