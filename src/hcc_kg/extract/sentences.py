"""Relations stated in prose: what a drug acts on, pathway participants, approvals.

Each rule reads one sentence at a time (plus its section heading for pronouns and
pathway sections) and cites the smallest span that holds the fact's mentions.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..keys import agent_key
from ..model import Assertion, Mention
from .analysis import AnalysedDocument, AnalysedSentence
from .registry import EXTRACTORS

DRUG = ("SmallMolecule", "MonoclonalAntibody", "BispecificAntibody", "CellTherapy", "Vaccine")
TARGET = ("Protein", "ProteinFamily")

# A verb or noun that says the drug acts on what follows.
ACTION_CUE = re.compile(
    r"\b(?:inhibit\w*|block\w*|target\w*|antagoni\w+|interfer\w* with|(?:MKI|TKI|inhibitor)s? of|"
    r"antibod(?:y|ies) against|mAbs? against)(?![\w])|\banti-?\s*$", re.IGNORECASE)
ANTIBODY_TYPES = ("MonoclonalAntibody", "BispecificAntibody")
# What may stand between a drug and its target when the cue follows the target: "X (a T inhibitor)".
APPOSITIVE_GAP = re.compile(r"^[\s,(/]*(?:an?\s+|the\s+)?[\s/]*$", re.IGNORECASE)
# A clause boundary or a second agent between drug and target: the cue belongs to something else.
CLAUSE_BREAK = re.compile(r";|\b(?:in combination with|combined with|together with|plus|added to)\b", re.IGNORECASE)
TRAILING_CUE = re.compile(r"^[\s/,-]*(?:bispecific\s+)?(?:inhibitor|antibod|mAb|blocker|antagonist)", re.IGNORECASE)
SUCH_AS = re.compile(r"^[\s-]*(?:antibod(?:y|ies)|inhibitors?|agents?|drugs?|blockers?)\s*,?\s*(?:such as|including)\s",
                     re.IGNORECASE)
LIST_GLUE = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
COMBINATION_GLUE = re.compile(r"^[\s)]*(?:\+|plus|combined with|in combination with)\s*$", re.IGNORECASE)
PRONOUN_START = re.compile(r"^(?:It|This (?:drug|agent|compound))\b")
MAX_GAP = 160


def _is(doc: AnalysedDocument, mention: Mention, types: tuple[str, ...]) -> bool:
    return doc.vocabulary[mention.key].has_type(*types)


def _between(sent: AnalysedSentence, left: Mention, right: Mention) -> str:
    return sent.text[sent.local(left)[1]:sent.local(right)[0]]


def _strip_mentions(doc: AnalysedDocument, sent: AnalysedSentence, text_start: int, text_end: int,
                    types: tuple[str, ...] = TARGET + ("Pathway",)) -> str:
    """Text of a local range with the mentions of ``types`` inside it removed."""
    out, pos = [], text_start
    for m in sent.mentions:
        s, e = sent.local(m)
        if s >= text_start and e <= text_end and s >= pos and _is(doc, m, types):
            out.append(sent.text[pos:s])
            pos = e
    out.append(sent.text[pos:text_end])
    return "".join(out)


def coordinated(doc: AnalysedDocument, sent: AnalysedSentence, index: int, types: tuple[str, ...],
                direction: int) -> list[Mention]:
    """Mentions of ``types`` coordinated with ``sent.mentions[index]`` ("A, B, and C")."""
    group = [sent.mentions[index]]
    i = index
    while 0 <= i + direction < len(sent.mentions):
        nxt = sent.mentions[i + direction]
        left, right = (nxt, sent.mentions[i]) if direction < 0 else (sent.mentions[i], nxt)
        if not _is(doc, nxt, types) or not LIST_GLUE.match(_between(sent, left, right)):
            break
        group.append(nxt)
        i += direction
    return group


def _discourse_drug(doc: AnalysedDocument, index: int) -> Mention | None:
    """For a sentence opening with "It": the drug its section is about, else the last one named."""
    sent = doc.sentences[index]
    heading_drugs = {m.key for m in doc.finder.find_text(sent.sentence.section) if _is(doc, m, DRUG)}
    if len(heading_drugs) == 1:
        key = heading_drugs.pop()
        return Mention(sent.sentence.section_start, sent.sentence.section_start + len(sent.sentence.section),
                       key, sent.sentence.section)
    for previous in reversed(doc.sentences[max(0, index - 2):index]):
        drugs = [m for m in previous.mentions if _is(doc, m, DRUG)]
        if drugs:
            return drugs[0]
    return None


def _mechanism_pairs(doc: AnalysedDocument, index: int) -> Iterator[tuple[Mention, Mention]]:
    """(drug, target-or-pathway) for each drug-acts-on statement in the sentence."""
    sent = doc.sentences[index]
    objects = TARGET + ("Pathway",)
    for ti, target in enumerate(sent.mentions):
        if not _is(doc, target, objects):
            continue
        t_start, t_end = sent.local(target)
        drug_index = next((i for i in range(ti - 1, -1, -1) if _is(doc, sent.mentions[i], DRUG)), None)
        if drug_index is None:
            yield from _pronoun_pair(doc, index, target, t_start)
            continue
        drug = sent.mentions[drug_index]
        d_end = sent.local(drug)[1]
        if t_start - d_end > MAX_GAP:
            continue
        gap = _strip_mentions(doc, sent, d_end, t_start)
        if CLAUSE_BREAK.search(gap):
            continue
        after = _strip_mentions(doc, sent, t_end, min(len(sent.text), t_end + 60))
        if not ACTION_CUE.search(gap) and not (APPOSITIVE_GAP.match(gap) and TRAILING_CUE.match(after)):
            continue
        drugs = [drug] if gap.lstrip().startswith("(") else coordinated(doc, sent, drug_index, DRUG, -1)
        for d in drugs:
            yield d, target


def _pronoun_pair(doc: AnalysedDocument, index: int, target: Mention, t_start: int):
    sent = doc.sentences[index]
    opening = PRONOUN_START.match(sent.text)
    if opening and t_start <= MAX_GAP * 2 and ACTION_CUE.search(_strip_mentions(doc, sent, opening.end(), t_start)) \
            and not CLAUSE_BREAK.search(sent.text[opening.end():t_start]):
        drug = _discourse_drug(doc, index)
        if drug is not None:
            yield drug, target


def _such_as_pairs(doc: AnalysedDocument, index: int) -> Iterator[tuple[Mention, Mention]]:
    """"anti-T antibodies such as A and B"."""
    sent = doc.sentences[index]
    for ti, target in enumerate(sent.mentions[:-1]):
        if not _is(doc, target, TARGET):
            continue
        t_end = sent.local(target)[1]
        nxt = sent.mentions[ti + 1]
        gap = sent.text[t_end:sent.local(nxt)[0]]
        if _is(doc, nxt, DRUG) and SUCH_AS.match(gap):
            for drug in coordinated(doc, sent, ti + 1, DRUG, +1):
                yield drug, target


def action_predicate(doc: AnalysedDocument, drug: str, target: str) -> str:
    """How a drug acts on what it names: by the drug's modality, not by the cue's wording."""
    if doc.vocabulary[target].has_type("Pathway"):
        return "modulatesPathway"
    return "isAntibodyAgainst" if doc.vocabulary[drug].has_type(*ANTIBODY_TYPES) else "inhibits"


def _mechanism_assertion(doc: AnalysedDocument, sent: AnalysedSentence, drug: Mention, target: Mention,
                         rule: str) -> Assertion:
    predicate = action_predicate(doc, drug.key, target.key)
    start, end = evidence_span(sent, drug, target)
    return Assertion(drug.key, predicate, target.key, evidence=(doc.evidence(start, end, rule),))


def evidence_span(sent: AnalysedSentence, *mentions: Mention) -> tuple[int, int]:
    """The sentence's own span when every mention lies in it, else the mentions' cover."""
    s0, e0 = sent.sentence.mapped.original_span(0, len(sent.text))
    starts = [m.start for m in mentions] + [s0]
    ends = [m.end for m in mentions] + [e0]
    return min(starts), max(ends)


@EXTRACTORS.register("sentence-mechanism")
def mechanism_statements(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Drug acts on target/pathway: "X is an MKI of A, B", "X (anti-T)", "anti-T agents such as X"."""
    for index, sent in enumerate(doc.sentences):
        for drug, target in _mechanism_pairs(doc, index):
            yield _mechanism_assertion(doc, sent, drug, target, "sentence-mechanism")
        for drug, target in _such_as_pairs(doc, index):
            yield _mechanism_assertion(doc, sent, drug, target, "sentence-such-as")


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
        while j + 1 < len(sent.mentions) and _is(doc, sent.mentions[j + 1], DRUG) \
                and COMBINATION_GLUE.match(_between(sent, sent.mentions[j], sent.mentions[j + 1])):
            group.append(sent.mentions[j + 1])
            used.add(j + 1)
            j += 1
        agents.append((agent_key(m.key for m in group), group))
    return agents


@EXTRACTORS.register("regimen-components")
def regimen_components_stated(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Every "A plus B" / "A + B" names a regimen with those components."""
    for sent in doc.sentences:
        for key, group in agents_in(doc, sent):
            if len(group) > 1:
                for m in group:
                    ev = doc.evidence(group[0].start, group[-1].end, "regimen-mention")
                    yield Assertion(key, "hasComponent", m.key, evidence=(ev,))
