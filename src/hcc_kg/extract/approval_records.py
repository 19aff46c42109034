"""A regulator's decision record: assessment reports and decision summaries state the decision as a
field line ("Decision: Approved", "Outcome: Granted", "Regulatory decision: Positive") and the approved
use as label wording ("X in combination with Y is indicated for the treatment of ..."). In such a
record the label sentence is the approval, granted by the regulator the record's heading names (its
agency, or a place's adjective before "public assessment report"); elsewhere label wording stays no
approval (:mod:`.approval_indications` reads only its line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .analysis import AnalysedDocument
from .approval_agents import agent_roles
from .approval_clauses import Clause
from .approval_lines import line_words
from .approval_frame import Frame, heading_lines, line_regulators
from .approval_indications import clause_diseases
from .jurisdictions import Jurisdictions
from .sentences import evidence_span

DECISION_FIELD = re.compile(r"^[ \t]*(?:regulatory[ \t]+)?(?:decision|outcome|authori[sz]ation[ \t]+status)[ \t]*:[ \t]*"
                            r"(?:approved|granted|authori[sz]ed|positive|issued)\b", re.IGNORECASE | re.MULTILINE)
INDICATED = re.compile(r"\b(?:is|are)\s+indicated\s+(?:for|as|in|to\s+treat)\b", re.IGNORECASE)
# "Australian Public Assessment Report", "European public assessment report": the place's regulator's document.
ASSESSMENT_REPORT = re.compile(r"\s+(?:public\s+)?assessment\s+report\b", re.IGNORECASE)


@dataclass(frozen=True)
class RecordApproval:
    """One approval a decision record states: agent, regulator (None: not named), disease, line, span."""

    agent: str
    agency: str | None
    disease: str
    line: str | None
    span: tuple[int, int]


def decided(doc: AnalysedDocument) -> bool:
    """Does the document record a positive decision in a field line ("Decision: Approved")?

    >>> bool(DECISION_FIELD.search("Product: X\\nDecision: Approved\\n")), bool(DECISION_FIELD.search("Decision: Refused"))
    (True, False)
    """
    return DECISION_FIELD.search(doc.document.text) is not None


def record_regulator(doc: AnalysedDocument, places: Jurisdictions, frame: Frame) -> str | None:
    """The regulator the record's heading names: its agency, or the place before "public assessment report"."""
    if frame.regulator:
        return frame.regulator
    found = set()
    for line in heading_lines(doc.document.text):
        found |= line_regulators(doc, places, line)
        for name, regulator in places.adjectives:
            if re.search(rf"(?<![\w.]){re.escape(name)}{ASSESSMENT_REPORT.pattern}", line, re.IGNORECASE):
                found.add(regulator)
    found &= set(doc.vocabulary.entities)
    return found.pop() if len(found) == 1 else None


def record_approvals(doc: AnalysedDocument, places: Jurisdictions, frame: Frame) -> list[RecordApproval]:
    """The approvals a positive decision record states in its label sentences (none without the decision)."""
    if not decided(doc):
        return []
    regulator = record_regulator(doc, places, frame)
    out = []
    for sent in doc.sentences:
        cue = INDICATED.search(sent.text)
        if cue is None:
            continue
        agents = [(key, group) for key, group, role in agent_roles(doc, sent, frame.regimens)
                  if role == "agent" and sent.local(group[0])[0] < cue.start()]
        clause = Clause(cue.end(), len(sent.text), sent.text[cue.end():])
        diseases, _ = clause_diseases(doc, sent, clause)
        lines = line_words(sent.text[cue.end():])
        if len({key for key, _ in agents}) != 1 or not diseases or len(lines) > 1:
            continue  # whose indication, or which disease or line, is not said once
        key, group = agents[0]
        out.append(RecordApproval(key, regulator, diseases[0], next(iter(lines), None), evidence_span(sent, group[0])))
    return out


__all__ = ["DECISION_FIELD", "INDICATED", "RecordApproval", "decided", "record_approvals", "record_regulator"]
