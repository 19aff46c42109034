"""Trial results stated in prose: "an ORR of 20% and a DCR of 60%" about a named study.

The study is named in the sentence or the one before it ("the KEYNOTE-224 study"); the
arm's agent is the drug or regimen the section is about (its heading), because such
paragraphs sit under a heading per agent.  Trial names collapse to the same key as in
tables (CheckMate040 = Checkmate-040), so a value that disagrees with a table's is kept
beside it and reported as a conflict.

>>> [m.group("endpoint") for m in VALUE_RE.finditer("a mOS of 12.9 months and an ORR of 17%")]
['mOS', 'ORR']
"""

from __future__ import annotations

import re
from typing import Iterable

from ..model import Assertion
from .analysis import AnalysedDocument, AnalysedSentence
from .normalize import normalize
from .registry import EXTRACTORS
from .segment import Sentence
from .sentences import evidence_span, agents_in
from .arm_facts import arm_facts, arm_key, measurement
from .trials import trial_key

STUDY_RE = re.compile(r"\b(?P<name>[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)?[- ]?\d{2,3})\s+(?:study|trial)\b")
VALUE_RE = re.compile(r"\b(?:an?\s+)?(?P<endpoint>m?OS|m?PFS|ORR|DCR|TTP)s?\s+of\s+"
                      r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>%|months?\b)")


def _heading_agent(doc: AnalysedDocument, index: int) -> str | None:
    """The single drug or regimen a section heading names."""
    section = doc.sentences[index].sentence.section
    mapped = normalize(section)
    heading = AnalysedSentence(Sentence(mapped, "", -1), tuple(doc.finder.find(mapped)))
    agents = agents_in(doc, heading)
    return agents[0][0] if len(agents) == 1 else None


@EXTRACTORS.register("sentence-results")
def stated_results(doc: AnalysedDocument) -> Iterable[Assertion]:
    """"an ORR of 20%" about a study named in the sentence or the one before, for the agent the section heading names."""
    for index, sent in enumerate(doc.sentences):
        values = list(VALUE_RE.finditer(sent.text))
        if not values:
            continue
        named = [(i, m) for i in (index, index - 1) if i >= 0
                 and doc.sentences[i].sentence.section == sent.sentence.section
                 for m in STUDY_RE.finditer(doc.sentences[i].text)]
        agent = _heading_agent(doc, index)
        if not named or agent is None:
            continue
        study_index, study = named[0]
        start = min(evidence_span(doc.sentences[study_index])[0], evidence_span(sent)[0])
        end = evidence_span(sent)[1]
        ev = (doc.evidence(start, end, "sentence-result"),)
        trial = trial_key(study.group("name"))
        arm = arm_key(trial, agent)
        yield Assertion(trial, "isClinicalTrial", "ClinicalTrial", (), (("trial_name", study.group("name")),), ev)
        yield from arm_facts(trial, agent, ev)
        for value in values:
            endpoint = doc.finder.lookup(value.group("endpoint"))
            if endpoint is None:
                continue
            unit = "%" if value.group("unit") == "%" else "months"
            yield measurement(arm, endpoint, "", value.group("number"), unit, ev)
