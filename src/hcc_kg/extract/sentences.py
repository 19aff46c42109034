"""Relations stated in prose: pathway participants, regimen components, and the helpers the
other prose readers share (what a drug acts on is read in :mod:`mechanisms`, approvals in
:mod:`approvals`).

Each rule reads one sentence at a time (plus its section heading for pronouns and
pathway sections) and cites the smallest span that holds the fact's mentions.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..keys import agent_key
from ..model import Assertion, Mention
from ..vocab import DRUG_TYPES
from .analysis import AnalysedDocument, AnalysedSentence
from .registry import EXTRACTORS

DRUG = DRUG_TYPES  # "Drug" included: a lexicon name, a -cept, "the inhibitor ABC-1"
TARGET = ("Protein", "ProteinFamily")
ANTIBODY_TYPES = ("MonoclonalAntibody", "BispecificAntibody")

#: How a drug is given, written before its name ("oral A", "intravenous B", "IV C"): the regimen and dose readers' one list.
ROUTE = r"(?:oral|intravenous|subcutaneous|IV|SC)"
MASS_UNIT = r"(?:mg|mcg|µg|g)(?:/(?:kg|m2|m²))?"  # a dose's unit: "mg", "mg/kg", "mg/m2"
#: One word of a dose or schedule written after a drug's name ("A 400 mg twice daily", "B 200 mg every 3 weeks",
#: "C 10 mg/kg Q2W"): the regimen, comparator and arm-size readers' one list (each may allow a few more words).
DOSE_WORD = (r"(?:\d[\d.,]*|mg(?:/[\w²]+)*|g|mcg|µg|orally|oral|intravenously|IV|once|twice|daily|every|per|a|day|days|"
             r"weeks?|doses?|BID|QD|Q[1-4]W)")
#: Nouns that name a combination of drugs as such ("the doublet", "a pairing of A and B").
COMBINATION_NOUN = r"(?:combination|doublet|triplet|pairing|combo|regimen)"
# "the combination (therapy) of A and B": what names the drugs after it one regimen.
COMBINATION_OF = re.compile(rf"\b{COMBINATION_NOUN}(?:\s+(?:therapy|treatment))? of\s+(?:the\s+)?$", re.IGNORECASE)
# ... "and/or" coordinates a list as "and" and "or" do ("prior A and/or B")
LIST_GLUE = re.compile(r"^(?:\s*,\s*(?:and\s*/\s*or\s+|and\s+|or\s+)?|\s+(?:and|or|and\s*/\s*or)\s+)$")
# "A plus B", "A for use in combination with B", "A plus a single priming dose of B".
COMBINATION_GLUE = re.compile(r"^[\s)]*(?:(?:for use|when used|used|given|administered)\s+)?"
                              r"(?:\+|plus|combined with|in combination with|in tandem with|together with)"
                              r"(?:\s+(?:an?|one)\s+(?:[\w-]+\s+){0,3}(?:dose|doses|infusion|course)\s+of)?\s*$", re.IGNORECASE)


def _is(doc: AnalysedDocument, mention: Mention, types: tuple[str, ...]) -> bool:
    return doc.vocabulary[mention.key].has_type(*types)


def _between(sent: AnalysedSentence, left: Mention, right: Mention) -> str:
    return sent.text[sent.local(left)[1]:sent.local(right)[0]]


def action_predicate(doc: AnalysedDocument, drug: str, target: str, activating: bool = False) -> str:
    """How a drug acts on what it names: by the drug's modality, unless the cue says it activates the
    target (an agonist, :mod:`.action_direction`); a pathway is modulated either way."""
    if doc.vocabulary[target].has_type("Pathway"):
        return "modulatesPathway"
    if activating:
        return "activates"
    return "isAntibodyAgainst" if doc.vocabulary[drug].has_type(*ANTIBODY_TYPES) else "inhibits"


def evidence_span(sent: AnalysedSentence, *mentions: Mention) -> tuple[int, int]:
    """The sentence's own span when every mention lies in it, else the mentions' cover."""
    s0, e0 = sent.sentence.mapped.original_span(0, len(sent.text))
    starts = [m.start for m in mentions] + [s0]
    ends = [m.end for m in mentions] + [e0]
    return min(starts), max(ends)


def pathway_parts(doc: AnalysedDocument, pathway: Mention) -> list[str]:
    """Target keys named inside a pathway's own name (Ras/Raf/MEK/ERK names RAS, RAF, MEK, ERK)."""
    parts = re.findall(r"[^\W_]+", pathway.surface.replace("-β", " β"))
    found, i = [], 0
    while i < len(parts):
        for j in range(len(parts), i, -1):
            if j - i == len(parts):
                continue
            key = doc.finder.lookup(" ".join(parts[i:j]))
            if key and doc.vocabulary.is_target(key):
                found.append(key)
                i = j
                break
        else:
            i += 1
    return found


@EXTRACTORS.register("pathway-participants")
def pathway_participants(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Targets named in a pathway's name, and in the section headed by that pathway."""
    for sent in doc.sentences:
        for mention in doc.keys_of_type(sent.mentions, "Pathway"):
            for key in pathway_parts(doc, mention):
                ev = doc.evidence(mention.start, mention.end, "pathway-name")
                yield Assertion(key, "participatesIn", mention.key, evidence=(ev,))
        heading = [m for m in doc.finder.find_text(sent.sentence.section) if _is(doc, m, ("Pathway",))]
        if len({m.key for m in heading}) != 1:
            continue
        for mention in doc.keys_of_type(sent.mentions, *TARGET):
            start, end = evidence_span(sent, mention)
            ev = doc.evidence(start, end, "pathway-section")
            yield Assertion(mention.key, "participatesIn", heading[0].key, evidence=(ev,))


def agents_in(doc: AnalysedDocument, sent: AnalysedSentence) -> list[tuple[str, list[Mention]]]:
    """Drugs and regimens named in a sentence: "A plus B" is one regimen agent."""
    drugs = [(i, m) for i, m in enumerate(sent.mentions) if _is(doc, m, DRUG)]
    agents: list[tuple[str, list[Mention]]] = []
    used: set[int] = set()
    for i, mention in drugs:
        if i in used:
            continue
        group = [mention]
        j = i
        while (k := _next_combined(doc, sent, j)) is not None:
            group.append(sent.mentions[k])
            used.add(k)
            j = k
        agents.append((agent_key(m.key for m in group), group))
    return agents


# "A (a T inhibitor) plus B": an aside in parentheses after a drug does not part it from its partner.
_ASIDE_AFTER = re.compile(r"^\s*\([^()]*\)")


def _next_combined(doc: AnalysedDocument, sent: AnalysedSentence, j: int) -> int | None:
    """The index of the drug combined with mention ``j`` ("A plus B", "A (...) + B"), if any."""
    end = sent.local(sent.mentions[j])[1]
    aside = _ASIDE_AFTER.match(sent.text[end:])
    skip_to = end + aside.end() if aside else end
    k = j + 1
    while k < len(sent.mentions) and sent.local(sent.mentions[k])[1] <= skip_to:
        k += 1  # names inside the aside ("PD-1" in "A (a PD-1 inhibitor)")
    if k >= len(sent.mentions) or not _is(doc, sent.mentions[k], DRUG):
        return None
    gap = sent.text[skip_to:sent.local(sent.mentions[k])[0]]
    return k if COMBINATION_GLUE.match(gap) else None


@EXTRACTORS.register("regimen-components")
def regimen_components_stated(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Every "A plus B" / "A + B" names a regimen with those components."""
    for sent in doc.sentences:
        for key, group in agents_in(doc, sent):
            if len(group) > 1:
                for m in group:
                    ev = doc.evidence(group[0].start, group[-1].end, "regimen-mention")
                    yield Assertion(key, "hasComponent", m.key, evidence=(ev,))
