"""The trials an approval rests on, as the text says: "approved ... based on results from the NAME
trial", "The approval is based on data from NAME and OTHER", "supported by the phase 3 NAME study".

The basis is read after a cue ("based on", "on the basis of", "supported by", "rests on") in the
approval's own sentence, or in the next sentence when that one opens by speaking of the approval
("The approval was based on ...", "This decision is supported by ..."). Only names the trial
reader (:mod:`.trial_names`) takes for trials count, keyed as the document's other trial facts
are (:func:`.abstracts.name_index`), so the approval and the trial meet in one node.
"""

from __future__ import annotations

import bisect
import re

from ..model import Assertion, Evidence
from .abstracts import name_index, sentence_trial_names
from .analysis import AnalysedDocument, AnalysedSentence

BASIS_RE = re.compile(r"\b(?:based\s+(?:up)?on|on\s+the\s+basis\s+of|supported\s+by|rest(?:s|ed)?\s+on|relie[sd]\s+on)\b",
                      re.IGNORECASE)
# A sentence after the approval's that opens by speaking of it: "The approval is based on ...".
NEXT_BASIS_RE = re.compile(r"^\W*(?:(?:the|this|these|its|their)\s+(?:[\w-]+\s+){0,3}?(?:approvals?|decisions?|"
                           r"authori[sz]ations?|indications?|recommendations?|opinions?)|it|they)\s+"
                           r"(?:is|was|are|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:based|supported)\b", re.IGNORECASE)
BASIS_REACH = 160  # characters after the cue the trials are named in ("based on results from the phase 3 NAME")


def basis_sentences(doc: AnalysedDocument, start: int) -> list[AnalysedSentence]:
    """The approval's sentence (holding ``start``) and the next one when it speaks of the approval's basis."""
    index = bisect.bisect_right(doc.sentence_ends, start)
    if index >= len(doc.sentences):
        return []
    found = [doc.sentences[index]]
    if index + 1 < len(doc.sentences) and NEXT_BASIS_RE.match(doc.sentences[index + 1].text):
        found.append(doc.sentences[index + 1])
    return found


def supporting_trials(doc: AnalysedDocument, start: int) -> list[tuple[str, str, tuple[int, int]]]:
    """(trial key, name as written, sentence span) for each trial the approval at ``start`` is said to rest on."""
    index = name_index(doc)
    out: dict[str, tuple[str, str, tuple[int, int]]] = {}
    for sent in basis_sentences(doc, start):
        cue = BASIS_RE.search(sent.text)
        if cue is None:
            continue
        span = sent.sentence.mapped.original_span(0, len(sent.text))
        for name in sentence_trial_names(doc, sent, index):
            if cue.end() <= name.start <= cue.end() + BASIS_REACH:
                out.setdefault(index.key(name.name), (index.key(name.name), name.name, span))
    return list(out.values())


def basis_facts(doc: AnalysedDocument, found: list[tuple[str, str, tuple[int, int]]], rule: str) -> list[Assertion]:
    """Each supporting trial as a trial fact of its own (its name, where it was read)."""
    facts = []
    for key, name, (start, end) in found:
        attribute = "nct_id" if re.fullmatch(r"NCT\d{8}", name) else "trial_name"
        evidence: Evidence = doc.evidence(start, end, rule)
        facts.append(Assertion(key, "isClinicalTrial", "ClinicalTrial", (), ((attribute, name),), (evidence,)))
    return facts


__all__ = ["basis_facts", "basis_sentences", "supporting_trials"]
