"""A sentence that goes on about the approval the sentence before states (:mod:`.approvals`).

News items often state an approval and only then say what it is for, without repeating the drug or
the regulator: "X won the agency's approval. The drug can now be used for pretreated HCC",
"... cleared X in liver cancer. The approval is for adults whose HCC is unresectable", "This
approval allows sales of X to adults with HCC". Such a sentence gives the indication (and any line it states) of
that approval; the agent and the regulator are those of the one approval the sentence before
states. A sentence about what the approval rests on ("The approval was based on a trial in patients
who ...") says nothing of the indication and is not read here. Also here, three other ways a statement
refers to an approval told before: "... for the same use" (its indication), an approval restated
without its regulator, and "The treatment is to be used alongside B" (its partner). Cue words only.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..keys import agent_components, agent_key
from .analysis import AnalysedDocument, AnalysedSentence
from .approval_agents import PRONOUN_WITH
from .approval_clauses import Clause
from .approval_conjuncts import PARTNER_BEFORE
from .approval_lines import line_words
from .approval_indications import GENERAL_NAME_OF, clause_diseases
from .sentences import DRUG

# "The approval is for ...", "This approval means/allows ...", "The drug can now be used ...", "This drug is
# aimed at patients with ...": the sentence restates what the approval told just before covers.
FOLLOW_UP = re.compile(
    r"^\s*(?:(?:The|This|That|Its|Their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:approvals?|authori[sz]ations?|decisions?|nods?|indications?)\s+"
    r"(?:(?:is|was|are|were)\s+(?:only\s+)?for|covers?|covered|appl(?:ies|ied)\s+to|means?|meant|allows?|allowed|"
    r"permits?|permitted|enables?|enabled)\b|"
    r"(?:The|This)\s+(?:drug|medicine|agent|product|combination|regimen|therapy)\s+"
    r"(?:can\s+now\s+be\s+(?:used|prescribed|marketed|given|sold)|is\s+(?:now\s+)?(?:aimed\s+at|intended\s+for)))\b",
    re.IGNORECASE)


def follows_up(sentences: list[AnalysedSentence], i: int) -> bool:
    """Does the sentence after the ``i``-th go on about the approval it states?"""
    return i + 1 < len(sentences) and FOLLOW_UP.match(sentences[i + 1].text) is not None


def _bounds(sent: AnalysedSentence) -> tuple[int, int]:
    return sent.sentence.mapped.original_span(0, len(sent.text))


def follow_up_readings(doc: AnalysedDocument, readings: list) -> list:
    """For each follow-up sentence, the approval the sentence before states (one agent, one regulator,
    asserted), with the follow-up's indication and line; the evidence runs over both sentences."""
    out = []
    sentences = doc.sentences
    for prev, sent in zip(sentences, sentences[1:]):
        if not FOLLOW_UP.match(sent.text):
            continue
        start, end = _bounds(prev)
        told = [r for r in readings if r.agent and r.agency and r.asserted and start <= r.span[0] < end]
        if len({(r.agent, r.agency) for r in told}) != 1:
            continue  # none, or several approvals: which one the sentence goes on about is not said
        diseases, _ = clause_diseases(doc, sent, Clause(0, len(sent.text), sent.text))
        own = _bounds(sent)  # the follow-up's own readings know its prior therapies ("stopped responding to X")
        lines = line_words(sent.text) | {r.line for r in readings if r.line and own[0] <= r.span[0] < own[1]}
        if not diseases or len(lines) > 1:
            continue
        line = next(iter(lines), None) or told[0].line
        agent = _with_partners(doc, sent, told[0].agent)  # "The new indication is for D in combination with B"
        out += [replace(told[0], agent=agent, disease=d, line=line, span=(told[0].span[0], own[1]), told_before=True)
                for d in diseases]
    return out


def _with_partners(doc: AnalysedDocument, sent: AnalysedSentence, agent: str) -> str:
    """The agent joined by the drugs a follow-up names as its partners ("in combination with B")."""
    partners = [m.key for m in doc.keys_of_type(sent.mentions, *DRUG)
                if m.key != agent and PARTNER_BEFORE.search(sent.text[:sent.local(m)[0]])]
    return agent_key([*agent_components(agent), *partners]) if partners else agent


def partners_told_after(doc: AnalysedDocument, readings: list, groups) -> list:
    """The readings, each approval the sentence after gives a partner ("The treatment is to be used alongside
    B", :data:`.approval_agents.PRONOUN_WITH`) made one of the agent with that partner; ``groups(sent)`` gives a
    sentence's agents as (key, mentions)."""
    out = list(readings)
    for prev, sent in zip(doc.sentences, doc.sentences[1:]):
        agents = groups(sent)
        if not agents or not PRONOUN_WITH.match(sent.text[:sent.local(agents[0][1][0])[0]]):
            continue
        start, end = _bounds(prev)
        told = [r for r in out if r.agent and r.agency and r.asserted and start <= r.span[0] < end]
        if len({(r.agent, r.agency) for r in told}) != 1:
            continue
        joined = agent_key([*agent_components(told[0].agent), *agent_components(agents[0][0])])
        own_end = _bounds(sent)[1]
        out = [replace(r, agent=joined, span=(r.span[0], max(r.span[1], own_end))) if r in told else r for r in out]
    return out


# "... was approved by the European Commission for the same use": the indication of the approval told just before.
SAME_USE_RE = re.compile(r"\bfor\s+(?:the\s+same|that|this)\s+(?:use|indications?|setting|population|patients)\b", re.IGNORECASE)


def same_use(doc: AnalysedDocument, reading, readings: list):
    """The approval of the same agent told last before this one, when this one is "for the same use"."""
    if not SAME_USE_RE.search(doc.document.text, reading.span[0], reading.span[1]):
        return None
    before = [r for r in readings if r.disease and r.asserted and r.agent == reading.agent and r.span[0] < reading.span[0]]
    return max(before, key=lambda r: r.span[0]) if before else None


def restated_without_agency(reading, readings: list) -> bool:
    """An approval the document also states with its agency is the same approval told twice (its disease named
    in general or in full: "approved ... for liver cancer", then "The approval was based on ... in HCC")."""
    return reading.agency is None and any(r.agency and r.asserted and _same_use(r, reading) for r in readings)


def restatements(reading, readings: list) -> list:
    """The readings that restate ``reading`` without its agency (:func:`restated_without_agency`): the trials
    they say the approval rests on are this approval's."""
    if not reading.agency or not reading.asserted:
        return []
    return [r for r in readings if r.agency is None and _same_use(r, reading)]


def _same_use(a, b) -> bool:
    """The same agent for the same disease, named in general or in full ("liver cancer" stands for HCC)."""
    return a.agent == b.agent and GENERAL_NAME_OF.get(a.disease, a.disease) == GENERAL_NAME_OF.get(b.disease, b.disease)
