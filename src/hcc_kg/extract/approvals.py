"""Approvals stated in prose: "X was approved by <agency> as <line> therapy".

Split from :mod:`sentences` so that approval reading (agency, date, line, status) can grow
on its own; drugs and regimens are found with :func:`sentences.agents_in`.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..model import Assertion, Mention
from .analysis import AnalysedDocument, AnalysedSentence
from .registry import EXTRACTORS
from .sentences import LIST_GLUE, _between, agents_in, evidence_span

APPROVAL_CUE = re.compile(r"\b(?:approv\w*|authori[sz]\w*)\b", re.IGNORECASE)
COMPARATOR_BEFORE = re.compile(r"(?:over|than|versus|vs\.?|compared (?:with|to)|superior to|inferior to)\s+$",
                               re.IGNORECASE)
PRIOR_THERAPY_BEFORE = re.compile(r"(?:received|treated with|after|following|progress\w* on|pretreated with)\s+$",
                                  re.IGNORECASE)
PRIOR_THERAPY_AFTER = re.compile(r"^-?(?:experienced|resistant|refractory|pretreated)", re.IGNORECASE)


def _role(sent: AnalysedSentence, group: list[Mention]) -> str:
    """"prior" (treated with X, X-experienced), "comparator" (versus X), or "agent"."""
    start, end = sent.local(group[0])[0], sent.local(group[-1])[1]
    before = sent.text[max(0, start - 30):start]
    if PRIOR_THERAPY_BEFORE.search(before) or PRIOR_THERAPY_AFTER.match(sent.text[end:end + 15]):
        return "prior"
    return "comparator" if COMPARATOR_BEFORE.search(before) else "agent"


def agent_roles(doc: AnalysedDocument, sent: AnalysedSentence) -> list[tuple[str, list[Mention], str]]:
    """Each agent with its role; a role carries along a coordinated list ("after A or B")."""
    out: list[tuple[str, list[Mention], str]] = []
    for key, group in agents_in(doc, sent):
        role = _role(sent, group)
        if role == "agent" and out and out[-1][2] != "agent" \
                and LIST_GLUE.match(_between(sent, out[-1][1][-1], group[0])):
            role = out[-1][2]
        out.append((key, group, role))
    return out


@EXTRACTORS.register("sentence-approval")
def approval_statements(doc: AnalysedDocument) -> Iterable[Assertion]:
    """"X was approved/authorized by <agency> as <line> therapy" (agency and line both required)."""
    for sent in doc.sentences:
        agencies = doc.keys_of_type(sent.mentions, "RegulatoryAgency")
        lines = {m.key for m in doc.keys_of_type(sent.mentions, "LineOfTherapy")}
        if not (APPROVAL_CUE.search(sent.text) and agencies and len(lines) == 1):
            continue
        diseases = doc.keys_of_type(sent.mentions, "Disease")
        disease = diseases[0].key if diseases else doc.main_disease
        if disease is None:
            continue
        roles = agent_roles(doc, sent)
        prior = tuple(sorted({("prior_therapy", g[0].key) for _, g, role in roles if role == "prior" and len(g) == 1}))
        for key, group, role in roles:
            if role != "agent":
                continue
            start, end = evidence_span(sent, *group, agencies[0])
            context = (("agency", agencies[0].key), ("line", next(iter(lines))))
            yield Assertion(key, "approvedFor", disease, context, prior,
                            (doc.evidence(start, end, "sentence-approval"),))


