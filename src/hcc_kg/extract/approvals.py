"""Approvals stated in prose: notices, news items and drug profiles.

A sentence is cut into clauses; a clause that holds an approval verb phrase ("X was
approved", "granted accelerated approval for X", "received its first approval",
"authorised", "marketing authorization for X") or a regulatory step ("sBLA accepted",
"priority review", "recommended by the CHMP") is one approval *event*.  An event collects
from its clause (borrowing what is missing from the sentence's other clauses):

* the agent: a drug, or ONE regimen for a combination ("A/B", "A plus B", "the combination
  of A and B"); prior therapies ("previously treated with X") and comparators are not agents;
* the agency: named ("the FDA"), or by jurisdiction ("in Japan", data/jurisdictions.yaml),
  or, failing both, the one regulator the document's heading names;
* the indication: the first disease of the clause (and diseases coordinated with it); a
  disease the vocabulary does not know ("approved for Hodgkin lymphoma") blocks any default;
* the line: "first-line", "previously untreated", "no prior systemic therapy" -> first line;
  "second-line", "previously treated with X", "who progressed on X" -> second line.  A line
  not stated in the sentence is taken from the document's other readings of that approval;
* kind (accelerated / conditional / full), date as stated, biomarker criterion, mode.

Only a granted approval is asserted: regulatory steps and prospective wording give hedged
evidence, "not approved" / "rejected" / "withdrawn" negative evidence (both withheld).

Decisions: an approval whose line is stated nowhere in the document is still an approval,
with its agency as its only context (populate then writes no line; the SHACL line shape is
a warning).  A statement naming two lines at once is not read (which is whose is not said).
An agency named in the text is kept as named ("PMDA"); a place names its regulator by the
convention in data/jurisdictions.yaml (Japan: the MHLW, which grants on the PMDA's review).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable

from ..keys import agent_key
from ..model import Assertion, Mention
from .analysis import AnalysedDocument, AnalysedSentence
from .approval_cues import (APPROVAL_CUE, COMBINATION, MONOTHERAPY, NO_PRIOR_SYSTEMIC, STEP_CUE, approval_kind,
                            attributive, line_words, status)
from .jurisdictions import Jurisdictions, load_jurisdictions
from .quantities import parse_threshold
from .registry import EXTRACTORS
from .sentences import DRUG, LIST_GLUE, _between, agents_in, evidence_span
from .stated_dates import StatedDate, dates_in

__all__ = ["APPROVAL_CUE", "approval_statements"]  # tables.py reads captions with the same cue

# Where one statement ends and another begins inside a sentence.
CLAUSE_BREAK = re.compile(
    r";|,\s+(?:with|while|whereas|but|which)\s+|\s+(?:while|whereas|but)\s+|"
    r",\s+and\s+(?=(?:was|were|has|have|had|is|are|it|its|received|the|a|an)\b)", re.IGNORECASE)
# A disease head noun the vocabulary may not know: then the indication is not ours to default.
DISEASE_NOUN = re.compile(r"\b(?:cancers?|carcinomas?|lymphomas?|leuk(?:a)?emias?|myelomas?|melanomas?|"
                          r"sarcomas?|tumou?rs?|neoplasms?|malignanc\w+)\b", re.IGNORECASE)
DISEASE_CONTEXT_AFTER = re.compile(r"^[\s-]*(?:related|associated|induced|positive|infected|infection)\b",
                                   re.IGNORECASE)
COMPARATOR_BEFORE = re.compile(r"(?:over|than|versus|vs\.?|against|compar\w*(?:\s+[^\s,;]+){0,3}\s+(?:with|to)|"
                               r"superior to|inferior to)\s+$", re.IGNORECASE)
PRIOR_THERAPY_BEFORE = re.compile(r"(?:received|treated with|after|following|progress\w* on|pretreated with|"
                                  r"refractory to|resistant to|intolerant (?:to|of))"
                                  r"\s+(?:(?:first|second)[- ]line\s+|prior\s+|previous\s+)?(?:[A-Z][\w&.-]*'s\s+)?$",
                                  re.IGNORECASE)
PRIOR_THERAPY_AFTER = re.compile(r"^-?(?:experienced|resistant|refractory|pretreated)", re.IGNORECASE)
SLASH_GLUE = re.compile(r"^\s*/\s*$")
COMBINATION_OF = re.compile(r"\bcombination of\s+(?:the\s+)?$", re.IGNORECASE)
COMBINATION_AFTER = re.compile(r"^\s*(?:combination|regimen|doublet)\b", re.IGNORECASE)
WITH_GLUE = re.compile(r"^\s+(?:together\s+)?with\s+$", re.IGNORECASE)
COMPARED_BEFORE = re.compile(r"\bcompar\w*\s+(?:\w+\s+)?$", re.IGNORECASE)
PRONOUN_SUBJECT = re.compile(r"(?:It|This (?:drug|agent|antibody|inhibitor))\b")
RULE = "sentence-approval"


# --- clauses and agents ------------------------------------------------------------------

@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    text: str


def clauses(text: str) -> list[Clause]:
    """The sentence cut at clause boundaries ("; ", ", with ", ", while ", ", and was ").

    >>> [c.text for c in clauses("X was approved in Japan, with Y accepted for review in China")]
    ['X was approved in Japan', 'Y accepted for review in China']
    """
    out, pos = [], 0
    for cut in CLAUSE_BREAK.finditer(text):
        out.append(Clause(pos, cut.start(), text[pos:cut.start()]))
        pos = cut.end()
    out.append(Clause(pos, len(text), text[pos:]))
    return [c for c in out if c.text.strip()]


def _inside(sent: AnalysedSentence, mention: Mention, clause: Clause) -> bool:
    start, end = sent.local(mention)
    return clause.start <= start and end <= clause.end


def _role(sent: AnalysedSentence, group: tuple[Mention, ...]) -> str:
    """"prior" (treated with X, X-experienced), "comparator" (versus X), or "agent"."""
    start, end = sent.local(group[0])[0], sent.local(group[-1])[1]
    before = sent.text[max(0, start - 40):start]
    if PRIOR_THERAPY_BEFORE.search(before) or PRIOR_THERAPY_AFTER.match(sent.text[end:end + 15]):
        return "prior"
    return "comparator" if COMPARATOR_BEFORE.search(before) else "agent"


def _joined(sent: AnalysedSentence, left: tuple[Mention, ...], right: tuple[Mention, ...]) -> bool:
    """Do two adjacent agents name one combination: "A/B", "A with B", "the combination of A and B",
    "the A and B combination"?"""
    gap = _between(sent, left[-1], right[0])
    start, end = sent.local(left[0])[0], sent.local(right[-1])[1]
    before, after = sent.text[max(0, start - 30):start], sent.text[end:end + 20]
    if SLASH_GLUE.match(gap):
        return True
    if WITH_GLUE.match(gap):
        return not COMPARED_BEFORE.search(before)
    return gap.strip().lower() == "and" and bool(COMBINATION_OF.search(before) or COMBINATION_AFTER.match(after))


def _combined(doc: AnalysedDocument, sent: AnalysedSentence) -> list[tuple[str, tuple[Mention, ...]]]:
    """Agents of the sentence, a combination made one regimen (see :func:`_joined`)."""
    merged: list[tuple[Mention, ...]] = []
    for _, group in agents_in(doc, sent):
        if merged and _joined(sent, merged[-1], tuple(group)):
            merged[-1] = merged[-1] + tuple(group)
        else:
            merged.append(tuple(group))
    return [(agent_key(m.key for m in group), group) for group in merged]


def agent_roles(doc: AnalysedDocument, sent: AnalysedSentence) -> list[tuple[str, tuple[Mention, ...], str]]:
    """Each agent with its role; a role carries along a coordinated list ("after A or B") and to a
    repeat of the same agent in brackets ("Nexavar (sorafenib)")."""
    out: list[tuple[str, tuple[Mention, ...], str]] = []
    for key, group in _combined(doc, sent):
        role = _role(sent, group)
        if out and role == "agent" and out[-1][2] != "agent":
            gap = _between(sent, out[-1][1][-1], group[0])
            if LIST_GLUE.match(gap) or (key == out[-1][0] and gap.strip() in ("(", "")):
                role = out[-1][2]
        out.append((key, group, role))
    return out


# --- the document's heading --------------------------------------------------------------

@dataclass(frozen=True)
class Frame:
    """What a document says once for all its approvals: its heading's regulator, line and drug,
    and a dateline."""

    regulator: str | None
    lines: tuple[str, ...]
    subject: str | None
    dateline: StatedDate | None


def heading_lines(text: str) -> list[str]:
    """The document's leading short lines (title, dateline, subtitle), at most three."""
    out = []
    for line in text.lstrip().splitlines()[:4]:
        if len(line) > 200 or line.rstrip().endswith("."):
            break
        if line.strip():
            out.append(line.strip())
    return out[:3]


def document_frame(doc: AnalysedDocument, places: Jurisdictions) -> Frame:
    heading = heading_lines(doc.document.text)
    joined = " \n ".join(heading)
    mentions = [m for line in heading for m in doc.finder.find_text(line)]
    regulators = {m.key for m in doc.keys_of_type(mentions, "RegulatoryAgency")}
    regulators |= {r for _, _, r in places.regulators_in(joined) if r in doc.vocabulary}
    says_approval = APPROVAL_CUE.search(joined) or STEP_CUE.search(joined)
    drugs = {m.key for m in doc.keys_of_type(mentions, *DRUG)}
    first = dates_in(heading[0]) if heading and len(heading[0]) < 60 else []
    return Frame(regulators.pop() if says_approval and len(regulators) == 1 else None,
                 tuple(sorted(line_words(joined))), drugs.pop() if len(drugs) == 1 else None,
                 first[0] if first else None)


# --- reading a sentence --------------------------------------------------------------------

@dataclass(frozen=True)
class Reading:
    """One approval read from one clause (agent None: an approval of "the drug", kept only to
    tell the other readings their line)."""

    agent: str | None
    agency: str
    disease: str | None
    line: str | None
    polarity: str
    certainty: str
    attributes: tuple[tuple[str, object], ...]
    span: tuple[int, int]

    @property
    def asserted(self) -> bool:
        return self.polarity == "positive" and self.certainty == "asserted"


def _in_clause(doc, sent, clause, *types):
    return [m for m in doc.keys_of_type(sent.mentions, *types) if _inside(sent, m, clause)]


def _diseases(doc: AnalysedDocument, sent: AnalysedSentence, clause: Clause) -> tuple[list[str], bool]:
    """The clause's indication: its first disease (not "X-related") and those listed with it;
    and whether the clause names a disease the vocabulary does not know."""
    found = [m for m in _in_clause(doc, sent, clause, "Disease")
             if not DISEASE_CONTEXT_AFTER.match(sent.text[sent.local(m)[1]:])]
    if not found:
        return [], bool(DISEASE_NOUN.search(clause.text))
    keys = [found[0].key]
    for left, right in zip(found, found[1:]):
        if not LIST_GLUE.match(_between(sent, left, right)):
            break
        keys.append(right.key)
    return list(dict.fromkeys(keys)), False


@dataclass(frozen=True)
class ClauseFacts:
    """Everything one clause names: agents (with their roles), agencies, indication, lines."""

    agents: tuple[tuple[str, tuple[Mention, ...], str], ...]
    agencies: tuple[str, ...]
    diseases: tuple[str, ...]
    unknown_disease: bool
    lines: frozenset[str]

    @property
    def has_agent(self) -> bool:
        return any(role == "agent" for _, _, role in self.agents)


def clause_facts(doc: AnalysedDocument, sent: AnalysedSentence, clause: Clause, places: Jurisdictions,
                 roles: list[tuple[str, tuple[Mention, ...], str]]) -> ClauseFacts:
    agents = tuple((k, g, r) for k, g, r in roles if _inside(sent, g[0], clause))
    agencies = [m.key for m in _in_clause(doc, sent, clause, "RegulatoryAgency")]
    agencies += [r for _, _, r in places.regulators_in(clause.text) if r in doc.vocabulary]
    diseases, unknown = _diseases(doc, sent, clause)
    lines = line_words(clause.text) | ({"second_line"} if any(r == "prior" for _, _, r in agents) else set())
    return ClauseFacts(agents, tuple(dict.fromkeys(agencies)), tuple(diseases), unknown, frozenset(lines))


def _attributes(doc, sent, clause, roles, cue_at: int, frame: Frame) -> tuple[tuple[str, object], ...]:
    text = clause.text
    out: list[tuple[str, object]] = []
    kind = approval_kind(text)
    if kind:
        out.append(("approval_type", kind))
    stated = sorted(dates_in(text), key=lambda d: abs(d.start - cue_at))
    date = stated[0] if stated else frame.dateline
    if date:
        out.append(("approval_date", date.text))
        out += [("approval_year_month", date.year_month)] if date.year_month else []
        out += [("year", date.year)] if date.year else []
    if MONOTHERAPY.search(text):
        out.append(("therapy_mode", "monotherapy"))
    elif COMBINATION.search(text):
        out.append(("therapy_mode", "combination therapy"))
    if NO_PRIOR_SYSTEMIC.search(text):
        out.append(("prior_systemic_therapy", False))
    out += [("prior_therapy", g[0].key) for _, g, r in roles if r == "prior" and len(g) == 1]
    for m in _in_clause(doc, sent, clause, "Biomarker"):
        end = sent.local(m)[1]
        threshold = parse_threshold(sent.text[end:min(clause.end, end + 40)])
        if threshold:
            out += [("biomarker", m.key), ("biomarker_comparator", threshold.comparator),
                    ("biomarker_threshold", threshold.value), ("biomarker_unit", threshold.unit)]
    return tuple(dict.fromkeys(out))


def sentence_readings(doc: AnalysedDocument, sent: AnalysedSentence, places: Jurisdictions,
                      frame: Frame) -> Iterable[Reading]:
    """The approval readings of one sentence, one per clause that states an approval or a step;
    what a clause does not name it takes from the sentence's other clauses, nearest first."""
    parts = clauses(sent.text)
    roles = agent_roles(doc, sent)
    facts = [clause_facts(doc, sent, c, places, roles) for c in parts]
    for i, clause in enumerate(parts):
        cue = APPROVAL_CUE.search(clause.text) or STEP_CUE.search(clause.text)
        if cue:
            nearest = [facts[j] for j in sorted(range(len(parts)), key=lambda j: abs(j - i)) if j != i]
            yield from _clause_readings(doc, sent, clause, cue, facts[i], nearest, frame)


def _agents(sent: AnalysedSentence, clause: Clause, cue: re.Match, own: ClauseFacts, others: list[ClauseFacts],
            frame: Frame) -> tuple[tuple, list[str | None]]:
    """The clause's agents with their roles, and the keys of those approved (None: "the drug")."""
    if not own.has_agent:  # "X, which was approved ... after Y": X from the next clause, Y stays prior
        agents = own.agents + next((o.agents for o in others if o.has_agent), ())
    else:
        agents = own.agents
    if attributive(clause.text, cue.start()):  # "the FDA-approved options of X": X, not the subject
        agents = tuple((k, g, r) for k, g, r in agents if sent.local(g[0])[0] >= clause.start + cue.end())
    keys = list(dict.fromkeys(k for k, _, r in agents if r == "agent"))
    if not keys and frame.subject and PRONOUN_SUBJECT.match(sent.text):
        keys = [frame.subject]
    return agents, keys or [None]


def _agencies(clause: Clause, own: ClauseFacts, others: list[ClauseFacts], frame: Frame) -> tuple[str, ...]:
    agencies = own.agencies or next((o.agencies for o in others if o.agencies), ())
    if not agencies and APPROVAL_CUE.search(clause.text) and frame.regulator:
        return (frame.regulator,)
    return agencies


def _indication(doc: AnalysedDocument, own: ClauseFacts, others: list[ClauseFacts], line: str | None) -> tuple:
    """The clause's diseases, else the nearest clause's; the document's main disease only for a
    statement that names a line and no disease at all (an unknown disease blocks it)."""
    for facts in [own, *others]:
        if facts.diseases or facts.unknown_disease:
            return facts.diseases
    return (doc.main_disease,) if line and doc.main_disease else ()


def _clause_readings(doc: AnalysedDocument, sent: AnalysedSentence, clause: Clause, cue: re.Match,
                     own: ClauseFacts, others: list[ClauseFacts], frame: Frame) -> Iterable[Reading]:
    agents, keys = _agents(sent, clause, cue, own, others, frame)
    agencies = _agencies(clause, own, others, frame)
    lines = own.lines or next((o.lines for o in others if o.lines), frozenset())
    if not agencies or len(lines) > 1:  # two lines in one statement: which is whose is not said
        return
    line = next(iter(lines), None)
    diseases = _indication(doc, own, others, line)
    polarity, certainty = status(clause.text, (cue.start(), cue.end()))
    attributes = _attributes(doc, sent, clause, agents, clause.start + cue.start(), frame)
    span = evidence_span(sent, *[g[0] for _, g, _ in agents])
    for agent in keys:
        for agency in agencies:
            for disease in diseases or ((None,) if agent is None else ()):
                yield Reading(agent, agency, disease, line, polarity, certainty, attributes, span)


def _resolve_line(reading: Reading, readings: list[Reading], frame: Frame, main_disease: str | None) -> str | None:
    """A line the sentence did not state: from the document's other asserted readings of the same
    approval (same agency and disease; same agent, or "the drug"), else, for an approval in the
    document's own disease, from its heading; only when unambiguous."""
    if reading.line:
        return reading.line
    told = {r.line for r in readings if r.line and r.asserted and r.agency == reading.agency
            and r.agent in (reading.agent, None) and r.disease in (reading.disease, None)}
    if len(told) == 1:
        return told.pop()
    return frame.lines[0] if len(frame.lines) == 1 and reading.disease == main_disease else None


@EXTRACTORS.register(RULE)
def approval_statements(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Approvals (and withheld non-approvals) stated in prose; see the module docstring."""
    candidates = [sent for sent in doc.sentences if APPROVAL_CUE.search(sent.text) or STEP_CUE.search(sent.text)]
    if not candidates:
        return
    places = load_jurisdictions()
    frame = document_frame(doc, places)
    readings = [r for sent in candidates for r in sentence_readings(doc, sent, places, frame)]
    for r in readings:
        if r.agent is None or r.disease is None:
            continue
        line = _resolve_line(r, readings, frame, doc.main_disease)
        context = (("agency", r.agency),) + ((("line", line),) if line else ())
        evidence = replace(doc.evidence(*r.span, RULE), polarity=r.polarity, certainty=r.certainty)
        yield Assertion(r.agent, "approvedFor", r.disease, context, r.attributes, (evidence,))
