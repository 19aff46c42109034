"""The trials an approval rests on, as the text says: "approved ... based on results from the NAME
trial", "The approval is based on data from NAME and OTHER", "supported by the phase 3 NAME study".

The basis is read after a cue ("based on", "on the basis of", "supported by", "rests on") in the
approval's own sentence, or in one of the next two when it opens by speaking of the approval ("The
approval was based on ...", "This decision is supported by ...", "The approval rests on ...") and
only a restatement of the approval ("It is the first nod for X") stands between. Only names the trial
reader (:mod:`.trial_names`) takes for trials count, keyed as the document's other trial facts
are (:func:`.trial_name_index.name_index`), so the approval and the trial meet in one node.
"""

from __future__ import annotations

import re

from ..keys import agent_components, is_regimen_key
from ..model import Assertion, Evidence
from ..vocab import DRUG_TYPES
from .arm_facts import arm_facts
from .trial_name_index import name_index, sentence_trial_names
from .trials import name_attribute
from .analysis import AnalysedDocument, AnalysedSentence

BASIS_RE = re.compile(r"\b(?:based\s+(?:up)?on|on\s+the\s+basis\s+of|supported\s+by|rest(?:s|ed)?\s+on|relie[sd]\s+on)\b",
                      re.IGNORECASE)
# A sentence after the approval's that opens by speaking of it: "The approval is based on ...".
NEXT_BASIS_RE = re.compile(r"^\W*(?:(?:the|this|these|its|their)\s+(?:[\w-]+\s+){0,3}?(?:approvals?|decisions?|"
                           r"authori[sz]ations?|indications?|recommendations?|opinions?)|it|they)\s+"
                           r"(?:(?:is|was|are|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:based|supported)|rest(?:s|ed)?\s+on|"
                           r"relie[sd]\s+on)\b", re.IGNORECASE)
# "It is the first HCC nod for X", "This marks the first approval of X": the approval just told, said again.
RESTATING = re.compile(r"^\W*(?:It|This|That)\s+(?:is|was|marks|marked|represents|represented|becomes|became)\b")
# what puts an agent in a basis's trial arm: "randomised to receive either A or B", "regimens of A with B"
ARM_GIVEN = re.compile(r"\b(?:receive[sd]?|receiving|randomi[sz]ed\s+to|assigned\s+to|allocated\s+to|regimens?\s+of)"
                       r"\s+(?:[\w-]+\s+){0,5}?$", re.IGNORECASE)
# A subject that counts drugs by their class, named in a list after the clause: "two TKIs and one antibody", "three
# agents".
COUNTED_SUBJECT = re.compile(r"\b(?:two|three|four|five|six|\d)\s+(?:[\w-]+\s+){0,3}?(?:drugs|agents|inhibitors|TKIs|"
                             r"antibodies|therapies|treatments|medicines)\b", re.IGNORECASE)
FOLLOWING = 2  # sentences after the approval's that may give its basis ("It is the first nod for X. The approval rests on NAME.")
BASIS_REACH = 160  # characters after the cue the trials are named in ("based on results from the phase 3 NAME")


def basis_sentences(doc: AnalysedDocument, start: int) -> list[AnalysedSentence]:
    """The approval's sentence (holding ``start``) and the sentences after it, up to ``FOLLOWING``, that
    open by speaking of an approval's basis, with only restatements of the approval between ("It is
    the first nod for X. The approval rests on NAME.")."""
    index = doc.sentence_at(start)
    if index >= len(doc.sentences):
        return []
    found = [doc.sentences[index]]
    for later in range(index + 1, min(index + 1 + FOLLOWING, len(doc.sentences))):
        text = doc.sentences[later].text
        if NEXT_BASIS_RE.match(text):
            found.append(doc.sentences[later])
        elif not RESTATING.match(text):
            break  # another subject: a basis after it is not this approval's
    return found


def supporting_trials(doc: AnalysedDocument, start: int) -> list[tuple[str, str, tuple[int, int]]]:
    """(trial key, name as written, sentence span) for each trial the approval at ``start`` is said to rest on."""
    index = name_index(doc)
    out: dict[str, tuple[str, str, tuple[int, int]]] = {}
    for sent in basis_sentences(doc, start):
        cue = BASIS_RE.search(sent.text)
        if cue is None:
            continue
        _named_after(doc, sent, cue, index, out)
    return list(out.values())


def _named_after(doc: AnalysedDocument, sent: AnalysedSentence, cue: re.Match, index, out: dict) -> None:
    """Add to ``out`` the trials the sentence names within reach after its basis cue, keyed as the document keys them."""
    span = sent.sentence.mapped.original_span(0, len(sent.text))
    for name in sentence_trial_names(doc, sent, index):
        if cue.end() <= name.start <= cue.end() + BASIS_REACH:
            out.setdefault(index.key(name.name), (index.key(name.name), name.name, span))


def told_apart(doc: AnalysedDocument, start: int, own: set[str]) -> list[tuple[str, str, tuple[int, int]]]:
    """The trials named in a later sentence that opens by speaking of an approval's basis ("This approval rests on findings
    of NAME"), paragraphs after the approval at ``start`` perhaps, so long as no sentence between names a drug other than
    the approval's (``own``): another drug's sentence makes "this decision" another's."""
    index = name_index(doc)
    out: dict[str, tuple[str, str, tuple[int, int]]] = {}
    for sent in doc.sentences[doc.sentence_at(start) + 1:]:
        if NEXT_BASIS_RE.match(sent.text) and (cue := BASIS_RE.search(sent.text)):
            _named_after(doc, sent, cue, index, out)
        elif any(m.key not in own and doc.vocabulary[m.key].has_type(*DRUG_TYPES) for m in sent.mentions):
            break
    return list(out.values())


def basis_arms(facts: list[Assertion]) -> list[Assertion]:
    """An approval's supporting trial that no reader gave an arm tested the approved agent: that agent's arm ("FDA
    approved A ... The approval is based on NAME": NAME had an arm of A), read where the approval was read."""
    armed = {a.subject for a in facts if a.predicate == "hasArm"}
    out: dict[tuple[str, str], Assertion] = {}
    for fact in facts:
        if fact.predicate != "approvedFor" or not fact.is_fact:
            continue
        for trial in fact.attribute_values("supporting_trial"):
            if trial not in armed:
                parts = agent_components(fact.subject) if is_regimen_key(fact.subject) else ()
                for arm in arm_facts(trial, fact.subject, fact.evidence, parts):
                    out.setdefault((arm.key, arm.predicate), arm)
    return list(out.values())


def basis_facts(doc: AnalysedDocument, found: list[tuple[str, str, tuple[int, int]]], rule: str) -> list[Assertion]:
    """Each supporting trial as a trial fact of its own (its name, where it was read)."""
    facts = []
    for key, name, (start, end) in found:
        evidence: Evidence = doc.evidence(start, end, rule)
        facts.append(Assertion(key, "isClinicalTrial", "ClinicalTrial", (), (name_attribute(name),), (evidence,)))
    return facts


def basis_agents(sent: AnalysedSentence, agents: tuple, basis_at: int) -> tuple:
    """The agents an approval is of when a basis follows its cue ("approved X based on a trial of X versus B"): those
    named before the basis; else, the approval named by a noun alone ("The approval was based on NAME, in which
    patients received A plus B or C"), the basis's first arm (A with its partners), never its comparators."""
    at = [(sent.local(group[0])[0], (key, group, role)) for key, group, role in agents]
    before = tuple(a for start, a in at if start < basis_at)
    if any(role == "agent" for _, _, role in before):
        return before
    colon = sent.text.find(":", basis_at)
    if colon >= 0 and COUNTED_SUBJECT.search(sent.text, 0, basis_at):
        # "two TKIs and one antibody have been approved ... based on phase 3 trials: A, B and C": the list the colon
        # opens names the counted drugs
        listed = tuple(a for start, a in at if start > colon and a[2] == "agent")
        if listed:
            return before + listed
    after = [a for start, a in sorted(at, key=lambda x: x[0]) if start >= basis_at]
    first = next((i for i, a in enumerate(after) if a[2] == "agent"), None)
    if first is None or not ARM_GIVEN.search(sent.text[:sent.local(after[first][1][0])[0]]):
        return before  # (an agent the basis names otherwise, "patients intolerant to B", is no arm)
    rest = after[first + 1:]
    end = next((i for i, a in enumerate(rest) if a[2] == "agent"), len(rest))
    return before + (after[first],) + tuple(a for a in rest[:end] if a[2] == "partner")


__all__ = ["ARM_GIVEN", "RESTATING", "basis_agents", "basis_arms", "basis_facts", "basis_sentences", "supporting_trials",
           "told_apart"]
