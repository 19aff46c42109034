"""Approvals stated in prose: notices, news items and drug profiles.

A sentence is cut into clauses; a clause that holds an approval verb phrase ("X was
approved", "granted accelerated approval for X", "received its first approval",
"authorised", "marketing authorization for X") or a regulatory step ("sBLA accepted",
"priority review", "recommended by the CHMP") is one approval *event*.  An event collects
from its clause (borrowing what is missing from the sentence's other clauses):

* the agent: a drug, or ONE regimen for a combination ("A/B", "A plus B", "the combination
  of A and B"); prior therapies ("previously treated with X") and comparators are not agents;
* the agency: named ("the FDA"), or by jurisdiction ("in Japan", data/jurisdictions.yaml),
  or the one regulator the document's heading names (or whose decision it reports: "Health
  Canada's decision"); failing all three, none ("X was approved in 2018 for HCC": populate
  writes no ``grantedBy``, the SHACL agency shape is a warning), unless the document states the
  same approval with its agency.  An attributive
  "approved" ("FDA-approved options", "approved agents such as X") names a class, no event,
  unless the class is predicated of a subject ("X is the only approved first-line therapy"), of
  the name after its verb ("the only approved drug for D was X") or of those it includes
  ("approved first-line agents for D include A and B"; :mod:`.approval_attributive`);
* the indication: the first disease of the clause (and diseases coordinated with it); a
  disease the vocabulary does not know ("approved for Hodgkin lymphoma", "... for
  mesothelioma") blocks any default, and a known one named after it ("X, approved for thyroid
  cancer, entered HCC trials") unless a second indication is coordinated ("..., and for HCC")
  (:mod:`.approval_indications`); coordinated indications each take their own regimen and line
  ("X is approved for D1 and, in combination with Y, for D2": :mod:`.approval_conjuncts`);
* the line: "first-line", "previously untreated", "no prior systemic therapy" -> first line;
  "second-line", "previously treated with X", "who progressed on X" -> second line.  A line
  not stated in the sentence is taken from the document's other readings of that approval;
* kind (accelerated / conditional / full), date as stated, biomarker criterion, mode.

A sentence that goes on about the approval the sentence before states ("The drug can now be used for
pretreated HCC", "The approval is for adults whose HCC is unresectable") gives that approval's indication
(:mod:`.approval_followups`).

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

from ..keys import agent_components, is_regimen_key, regimen_components
from ..model import Assertion
from .approval_agencies import lines_by_agency, lines_by_agent, lines_by_premodifier, lines_respectively, paired
from .approval_basis import BASIS_RE, basis_agents, basis_facts, supporting_trials, told_apart
from .approval_records import decided, record_approvals
from .approval_resolution import (WITHDRAWN_LATER, decision_maker, resolve_line, restated_for_a_component,
                                  without_notice_date)
from .analysis import AnalysedDocument, AnalysedSentence
from .discourse_drugs import CLASS_HEADS, SET_APART
from .approval_agents import agent_roles, combined
from .approval_clauses import Clause, clauses, fronted
from .approval_conjuncts import contrast_use, is_conjunct, other_indication, with_partners
from .approval_facts import ClauseFacts, attributes, clause_facts
from .approval_followups import (SAME_USE_RE, follow_up_readings, follows_up, partners_told_after,
                                 restated_without_agency, restatements, same_use)
from .approval_frame import (BOTH_ANAPHOR, Frame, document_frame, heading_cut, headline_line, summary_agency,
                             with_antecedents)
from .approval_items import document_drug, is_item, lead_agency, proposed_indication, told_indications
from .approval_indications import coordinated_diseases, in_clause, line_of_this_indication, specific_disease
from .approval_attributive import CLASS_BEFORE_PARTICIPLE, apposed_to_agent, attributive_agents, class_members
from .approval_cues import APPROVAL_CUE, STEP_CUE, appositive_span, attributive, predicated, status, unstated_agency
from .approval_lines import line_words, trailing_line
from .jurisdictions import Jurisdictions, load_jurisdictions
from .registry import EXTRACTORS
from .sentences import COMBINATION_NOUN, evidence_span

__all__ = ["APPROVAL_CUE", "approval_statements"]  # tables.py reads captions with the same cue

# "It was approved ...", also after a fronted place or time ("In the EU, it is approved ...", "In 2021, this drug ...").
PRONOUN_SUBJECT = re.compile(r"(?:(?:In|On|Since|As of|By|From|Outside|Across)\b[^,;()]{1,60},\s+|"
                             # ... or a discourse adverb: "Likewise, it was approved by ..."
                             r"(?:Likewise|Similarly|Also|Additionally|In addition|Moreover|Furthermore|Subsequently|"
                             r"Later|Meanwhile),\s+|"
                             # ... or a fronted time without a comma: "The following year it was approved ..."
                             r"(?:The\s+)?(?:following|next|same)\s+(?:year|month)\s+|(?:In|By)\s+(?:\w+\s+)?\d{4}\s+)?"
                             r"(?:[Ii]t|[Tt]his (?:drug|agent|antibody|inhibitor))\b")
# "the drug", "the combination": an approval of an agent named before (see :func:`_anaphor`).
# ... or by its class, an epithet: "the FDA granted an accelerated approval to the PD-1 inhibitor for ..." (not "the
# first PD-1 inhibitor": a class set apart, :data:`.discourse_drugs.SET_APART`).
DRUG_ANAPHOR = re.compile(r"\b(?:the|this) (?:(?:drug|agent|medicine|medication|product)\b|"
                          r"therapy\b(?!\s+(?:of|with|for|in|to)\b)|"
                          rf"(?!{SET_APART}\b)(?:anti-)?[\w-]+(?:\s+[\w-]+)?\s+(?:{CLASS_HEADS}|immunotherapy)\b)",
                          re.IGNORECASE)
# "the agency also granted ...": the regulator named last before.
AGENCY_ANAPHOR = re.compile(r"\b[Tt]he (?:agency|ministry|regulator|administration|commission)\b")
REGIMEN_ANAPHOR = re.compile(rf"\b(?:the|this|their) {COMBINATION_NOUN}\b(?!\s+(?:of|with)\b)", re.IGNORECASE)
RULE = "sentence-approval"


# --- reading a sentence --------------------------------------------------------------------

@dataclass(frozen=True)
class Reading:
    """One approval read from one clause (agent None: an approval of "the drug", kept only to
    tell the other readings their line)."""

    agent: str | None
    agency: str | None  # None: the text names no agency
    disease: str | None
    line: str | None
    polarity: str
    certainty: str
    attributes: tuple[tuple[str, object], ...]
    span: tuple[int, int]
    told_before: bool = False  # a follow-up of the approval the sentence before states: its line is that approval's

    @property
    def asserted(self) -> bool:
        return self.polarity == "positive" and self.certainty == "asserted"


def sentence_readings(doc: AnalysedDocument, sent: AnalysedSentence, places: Jurisdictions,
                      frame: Frame) -> Iterable[Reading]:
    """The approval readings of one sentence, one per clause that states an approval or a step;
    what a clause does not name it takes from the sentence's other clauses, nearest first."""
    parts = clauses(sent.text)
    cut = heading_cut(sent.text, frame.heading)
    if cut and parts and parts[0].start < cut < parts[0].end:  # the heading is a statement of its own
        head, rest = parts[0], parts[1:]
        parts = [Clause(head.start, cut, sent.text[head.start:cut]), Clause(cut, head.end, sent.text[cut:head.end])] + rest
    roles = agent_roles(doc, sent, frame.regimens)
    facts = [clause_facts(doc, sent, c, places, roles) for c in parts]
    listing: tuple[Clause, re.Match] | None = None
    apart = fronted(sent.text, parts) if not cut else None
    shared = _coordinated(sent.text, parts, facts)  # "... for D1 and, with Y, for D2": the clause whose approval D2 shares
    for i, clause in enumerate(parts):
        cue, holder = APPROVAL_CUE.search(clause.text) or STEP_CUE.search(clause.text), clause
        if cue:  # "X was approved for: A in 2018; B in 2021": each listed item is one statement
            listing = (clause, cue) if ":" in clause.text[cue.end():] else None
        elif listing and sent.text[:clause.start].rstrip().endswith(";"):
            holder, cue = listing  # (an item of the list, not a clause within an item: "..., and has progressed")
        elif i in shared:
            holder = parts[shared[i]]
            cue = APPROVAL_CUE.search(holder.text) or STEP_CUE.search(holder.text)
        if cue:
            # across a fronted clause a line is lent only by a clause naming a drug ("Since its approval, X has
            # been the first-line standard"), not by one about a class ("..., many TKIs have shown ... first-line");
            # coordinated indications each state their own line
            # ... nor by one that says there was none ("..., but no second-line treatment was available")
            nearest = [facts[j] if (apart not in (i, j) or facts[j].has_agent) and not _one_coordination(shared, i, j)
                       and not NO_LINE.search(parts[j].text)
                       else replace(facts[j], lines=frozenset())
                       for j in sorted(range(len(parts)), key=lambda j: abs(j - i)) if j != i]
            undone = any(WITHDRAWN_LATER.search(parts[j].text) and not facts[j].has_agent for j in range(i + 1, len(parts)))
            for r in _clause_readings(doc, sent, clause, cue, facts[i], nearest, frame, holder):
                yield replace(r, polarity="negative") if undone else r


# A clause saying a line had no treatment: "no second-line treatment was available", "no first-line option existed".
NO_LINE = re.compile(r"\b(?:no|without\s+(?:any|an?))\s+(?:[\w-]+\s+)?(?:first|second|third|later)[- ]line\b", re.IGNORECASE)


def _coordinated(text: str, parts: list[Clause], facts: list[ClauseFacts]) -> dict[int, int]:
    """Each clause that coordinates an indication of its own ("and for D2", "and, with Y, for D2") with
    the clause before stating an approval, mapped to that clause's index; so is a contrast naming agents
    of their own with their line ("..., while C and D are reserved for patients who progressed on A"),
    when it states that use plainly (no hedge, no negation)."""
    out: dict[int, int] = {}
    stated: int | None = None
    for i, clause in enumerate(parts):
        if APPROVAL_CUE.search(clause.text) or STEP_CUE.search(clause.text):
            stated = i
        elif stated is not None and is_conjunct(clause) and facts[i].diseases:
            out[i] = stated
        elif stated is not None and facts[i].has_agent and facts[i].lines \
                and (use := contrast_use(text, clause)) and status(clause.text, use.span()) == ("positive", "asserted"):
            out[i] = stated
        else:
            stated = None
    return out


def _one_coordination(shared: dict[int, int], i: int, j: int) -> bool:
    """Are clauses ``i`` and ``j`` indications of one coordination (the approval clause or its conjuncts)?"""
    return shared.get(i, i) == shared.get(j, j) and (i in shared or j in shared)


def _agents(sent: AnalysedSentence, clause: Clause, cue: re.Match, own: ClauseFacts, others: list[ClauseFacts],
            frame: Frame) -> tuple[tuple, list[str | None], bool]:
    """The clause's agents with their roles, the keys of those approved (None: "the drug"), and
    whether they were reached by an anaphor ("the combination", "it")."""
    if not own.has_agent:  # "X, which was approved ... after Y": X from the next clause, Y stays prior
        agents = own.agents + next((o.agents for o in others if o.has_agent), ())
    else:
        agents = own.agents
    if basis := BASIS_RE.search(clause.text, cue.end()):
        agents = basis_agents(sent, agents, clause.start + basis.start())
    every = tuple(a for f in [own, *others] for a in f.agents)
    if apposed_to_agent(sent, clause.start + cue.start(), every):  # (the clause may begin after the comma)
        agents = attributive_agents(sent, clause, cue, every)
    elif attributive(clause.text, cue.start()) or predicated(clause.text, cue.start()):
        agents = attributive_agents(sent, clause, cue, agents)
    elif CLASS_BEFORE_PARTICIPLE.search(clause.text[:cue.start()]):
        agents = class_members(sent, clause, cue, agents)
    keys = list(dict.fromkeys(k for k, _, r in agents if r == "agent"))
    if keys:
        return agents, keys, False
    keys = _anaphor(sent, clause, frame)
    return agents, keys or [None], bool(keys)


def _regimens(sent: AnalysedSentence, clause: Clause, holder: Clause, cue: re.Match, own: ClauseFacts,
              others: list[ClauseFacts], frame: Frame) -> tuple[tuple, list[str | None], bool]:
    """:func:`_agents`, each joined by the partners the clause itself names ("it was approved in combination
    with Y", "and, in combination with Y, for D2"; :mod:`.approval_conjuncts`), or else by those of the clause
    its indication is read from."""
    agents, keys, anaphoric = _agents(sent, holder, cue, own, others, frame)
    if apposed_to_agent(sent, holder.start + cue.start(), agents):
        return agents, keys, anaphoric  # "A with X, an inhibitor approved for D": the phrase is said of X alone
    keys = with_partners(keys, agents, own.agents, clause, clause is not holder)
    lender = next((f for f in [own, *others] if f.diseases or f.unknown_disease), own)
    if lender is not own and not any(r == "partner" for _, _, r in own.agents) \
            and any(r == "partner" for _, _, r in lender.agents):
        # "A, alone for D1 and with B for D2, is approved": the indication read from another clause brings its partner
        keys = with_partners(keys, agents, lender.agents, clause, False)
    return agents, keys, anaphoric


def _anaphor(sent: AnalysedSentence, clause: Clause, frame: Frame) -> list[str]:
    """An approval of "both regimens" (the two combinations named last before), of "the combination"
    (the one named last before) or of "the drug" / "it" (the one
    the heading names, else, for "the drug", the one agent the sentence before names)."""
    if frame.item_drug:  # "- Approved in combination with Y for D": the profile's drug (Y its partner)
        return [frame.item_drug]
    if len(frame.earlier) >= 2 and BOTH_ANAPHOR.search(clause.text):
        return list(frame.earlier[-2:])
    if frame.regimen and (REGIMEN_ANAPHOR.search(clause.text) or _subject_before(sent, clause, REGIMEN_ANAPHOR)):
        return [frame.regimen]
    if frame.subject and (PRONOUN_SUBJECT.match(sent.text) or DRUG_ANAPHOR.search(clause.text)):
        return [frame.subject]
    if frame.subject is None and frame.drug and (DRUG_ANAPHOR.search(clause.text) or PRONOUN_SUBJECT.match(sent.text)):
        return [frame.drug]  # a heading naming no drug: "the drug" / "it" is the one the sentence before named
    return []


# A clause opening with its verb: its subject stood before an aside ("Their combination, known as A+B, has been approved").
VERB_FIRST = re.compile(r"\s*(?:has|have|had|was|were|is|are)\s+(?:been\s+|also\s+|now\s+)*(?:approved|authori[sz]ed|cleared)\b",
                        re.IGNORECASE)


def _subject_before(sent: AnalysedSentence, clause: Clause, anaphor: re.Pattern) -> bool:
    """Does a clause that opens with its verb have the anaphor as its subject, before an aside set off by commas?"""
    before = sent.text[:clause.start]
    return VERB_FIRST.match(clause.text) is not None and before.rstrip().endswith(",") \
        and (subject := anaphor.search(before)) is not None and "," in before[subject.end():]


def _agencies(clause: Clause, own: ClauseFacts, others: list[ClauseFacts], frame: Frame,
              keys: list[str | None], asserted: bool = False) -> tuple[str, ...]:
    """The clause's agencies, else its sentence's; the heading's regulator for the heading's own drug,
    alone or in a combination ("since B was approved ..." in news of A's approval in Japan is no Japanese
    approval of B), but not for a granted approval when the heading names it for a filing only."""
    if not own.agencies and frame.agency and AGENCY_ANAPHOR.search(clause.text):
        return (frame.agency,)
    if not own.agencies and frame.item_agency:  # an item under "Agency approval status:"
        return (frame.item_agency,)
    agencies = own.agencies or next((o.agencies for o in others if o.agencies), ())
    heading_drug = frame.subject is None or any(k is None or k == frame.subject or _has_component(k, frame.subject)
                                                for k in keys)
    if not agencies and APPROVAL_CUE.search(clause.text) and frame.regulator and heading_drug \
            and not (asserted and frame.step_only):
        return (frame.regulator,)
    return agencies


def _has_component(key: str, drug: str) -> bool:
    """Is ``drug`` one of the regimen ``key``'s drugs ("A in combination with B" in a notice headed A)?"""
    return is_regimen_key(key) and drug in regimen_components(key)


def _indication(doc: AnalysedDocument, own: ClauseFacts, others: list[ClauseFacts], line: str | None,
                anaphoric: bool = False) -> tuple:
    """The clause's diseases, else the nearest clause's; the document's main disease only for a
    statement that names a line, or goes on about an agent named before ("approved the
    combination on Monday"), and no disease at all (an unknown disease blocks it)."""
    for facts in [own, *others]:
        if facts.diseases or facts.unknown_disease:
            return facts.diseases
    return (doc.main_disease,) if (line or anaphoric) and doc.main_disease else ()


def _reports_an_approval(frame: Frame, clause: str) -> bool:
    """Does the document's heading report a regulatory decision (its regulator, or an approval word), or does the
    clause approve "the combination" the document treats?  Only then is "the drug is approved" without a disease the
    document's own disease: in a trial's news, "the drug is approved in X" gives the drug's standing, for
    whatever disease."""
    return frame.regulator is not None or any(APPROVAL_CUE.search(line) for line in frame.heading) \
        or REGIMEN_ANAPHOR.search(clause) is not None


def _clause_readings(doc: AnalysedDocument, sent: AnalysedSentence, clause: Clause, cue: re.Match,
                     own: ClauseFacts, others: list[ClauseFacts], frame: Frame,
                     holder: Clause | None = None) -> Iterable[Reading]:
    """The readings of one clause; ``holder`` is the clause whose cue it lies under (itself, or the
    clause that opens a list of indications)."""
    holder = holder or clause
    agents, keys, anaphoric = _regimens(sent, clause, holder, cue, own, others, frame)
    polarity, certainty = status(holder.text, (cue.start(), cue.end()))
    in_apposition = apposed_to_agent(sent, holder.start + cue.start(), agents)
    agencies = _agencies(holder, own, others, frame, keys, polarity == "positive" and certainty == "asserted") \
        or unstated_agency(holder.text, cue, [sent.local(g[0])[0] - holder.start for _, g, r in agents if r == "agent"],
                           in_apposition)
    lines = own.lines or next((o.lines for o in others
                               if o.lines and not other_indication(own.diseases, o.diseases, o.unknown_disease)),
                              frozenset())
    if in_apposition:  # "after X, the only approved drug for D": the line is the phrase's own
        # ... up to a second predicate of the phrase ("X, an inhibitor approved as second-line therapy and now
        # under study as first-line therapy")
        lines = frozenset(line_words(holder.text[cue.start():appositive_span(holder.text, (cue.start(), cue.end()))[1]]))
    # "approved for A in the USA and for first-line B in Europe": each regulator's own indication gives its line
    own_line = lines_by_agency(holder.text, list(own.agency_at), line_words) \
        if holder is clause and own.lines and own.lines == line_words(clause.text) \
        and set(agencies) <= {k for k, _ in own.agency_at} else {}  # (not a line read from a prior therapy's role)
    # "granted X approval for first-line A and conditional approval for pretreated B": each disease its line
    disease_line = lines_by_agency(holder.text, _disease_at(doc, sent, clause), line_words, spread=False) \
        if holder is clause and own.lines and not own_line else {}
    if holder is clause and own.lines and not own_line and not disease_line:  # "for A and B in patients who failed X"
        disease_line = trailing_line(clause.text, _disease_at(doc, sent, clause))
    # "A is the only approved first-line therapy and B the only approved second-line one": each agent its line
    # ... or "approved, including first-line A and B, and second-line C": each agent the line word before it
    agent_line = _lines_by_agent(sent, clause, own, agents) if holder is clause and len(lines) > 1 and not own_line else {}
    keys = list(agent_line) or keys  # each part says its agent is approved ("the only approved ... therapy")
    if not agencies or (len(lines) > 1 and not own_line and not disease_line and not agent_line):  # whose line is unsaid
        return
    line = next(iter(lines), None) if len(lines) == 1 else None
    diseases = coordinated_diseases(doc, sent, clause, own.diseases, disease_line) if disease_line \
        else _indication(doc, own, others, line, anaphoric and _reports_an_approval(frame, holder.text))
    stated = attributes(doc, sent, clause, agents, holder.start + cue.start(), frame)
    if in_apposition and not any(k and is_regimen_key(k) for k in keys):
        stated = tuple(a for a in stated if a != ("therapy_mode", "combination therapy"))  # the clause's, not X's
    span = evidence_span(sent, *[g[0] for _, g, _ in agents])
    # "the EMA approved A and in 2023 (in Europe) B": a regulator between two agents goes with those after it
    pairs = paired([(k, sent.local(g[0])[0] - holder.start) for k, g, r in agents if r == "agent"],
                   list(own.agency_at)) if agencies == own.agencies and holder is clause else {}
    for agent in keys:
        for agency in pairs.get(agent, agencies):
            # no disease: kept for "the drug" (it tells the others their line) and "for the same use" (it takes one)
            # ... and for an approval whose indication the next sentence gives ("The drug can now be used for D")
            for disease in diseases or ((None,) if agent is None or frame.followed or SAME_USE_RE.search(holder.text) else ()):
                told = own_line.get(agency, line) if own_line else agent_line.get(agent) or disease_line.get(disease, line)
                yield Reading(agent, agency, disease, told, polarity, certainty, stated, span)


def _lines_by_agent(sent: AnalysedSentence, clause: Clause, own: ClauseFacts, approved: tuple) -> dict[str, str]:
    """Each approved agent's own line, where a clause naming two lines says whose is which (else empty); ``approved``:
    the agents the clause approves, perhaps named in the clause before ("A, a TKI, and B, an antibody, are approved
    first- and second-line options, respectively")."""
    located = [(k, sent.local(g[0])[0] - clause.start, sent.local(g[-1])[1] - clause.start) for k, g, r in own.agents
               if r == "agent"]
    return lines_by_agent(clause.text, [(k, s) for k, s, _ in located], line_words, APPROVAL_CUE) \
        or lines_by_premodifier(clause.text, located, line_words) \
        or lines_respectively(sent.text, [(k, sent.local(g[0])[0]) for k, g, r in approved if r == "agent"], line_words)


def _disease_at(doc: AnalysedDocument, sent: AnalysedSentence, clause: Clause) -> list[tuple[str, int]]:
    """Each disease the clause names, with its offset in the clause."""
    return [(m.key, sent.local(m)[0] - clause.start) for m in in_clause(doc, sent, clause, "Disease")]


@EXTRACTORS.register(RULE)
def approval_statements(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Approvals (and withheld non-approvals) stated in prose; see the module docstring."""
    sentences = doc.sentences
    cued = [i for i, sent in enumerate(sentences) if APPROVAL_CUE.search(sent.text) or STEP_CUE.search(sent.text)]
    cued = told_indications(sentences, cued)
    if not cued and not decided(doc):
        return
    places = load_jurisdictions()
    frame = document_frame(doc, places)
    if frame.regulator is None and (decider := decision_maker(doc)):
        frame = replace(frame, regulator=decider)  # the regulator of a decision summary stands for its heading's
    frames = with_antecedents(doc, frame, sentences)
    frames = {i: replace(f, followed=follows_up(sentences, i)) for i, f in frames.items()}
    for i in cued:  # "- Approved as monotherapy for D": an item of a profile's status list
        if is_item(sentences[i].text):
            frames[i] = replace(frames[i], item_drug=document_drug(doc, i), item_agency=lead_agency(doc, i, places))
    readings = [r for i in cued for r in sentence_readings(doc, sentences[i], places, frames[i])]
    # "the new indication will be: X is indicated for D", in a committee's opinion: the wording proposed
    readings = [replace(r, certainty="hedged") if r.asserted and proposed_indication(doc, r.span)
                else r for r in readings]
    readings += follow_up_readings(doc, readings)  # "... approved X. The drug can now be used to treat D."
    readings = partners_told_after(doc, readings, lambda sent: combined(doc, sent))  # "... It is given with B."
    readings += [Reading(a.agent, a.agency, a.disease, a.line, "positive", "asserted", (), a.span)
                 for a in record_approvals(doc, places, frame)]  # "Decision: Approved" and its label sentence
    # "This approval rests on NAME", paragraphs later: the document's one approved agent's
    approved = {r.agent for r in readings if r.asserted and r.polarity == "positive" and r.agent}
    for r in readings:
        same = same_use(doc, r, readings)  # "approved by the EC for the same use": the indication told before
        if same is not None and r.disease is None:
            r = replace(r, disease=same.disease)
        r = replace(r, disease=specific_disease(r.agent, r.agency, r.disease, readings))  # "also approved for liver cancer"
        if r.asserted and (told := summary_agency(doc, r, readings)):  # "the approvals by the ministry ..."
            r = replace(r, agency=told)
        if r.agent is None or r.disease is None or restated_without_agency(r, readings) \
                or restated_for_a_component(doc, r, readings):
            continue
        line = resolve_line(r, readings, frame, doc.main_disease) or (same.line if same else None) \
            or headline_line(doc, r, readings, frame.heading) or line_of_this_indication(doc, r.agent, r.span, frame)
        context = ((("agency", r.agency),) if r.agency else ()) + ((("line", line),) if line else ())
        evidence = replace(doc.evidence(*r.span, RULE), polarity=r.polarity, certainty=r.certainty)
        # "approved ... based on the NAME trial", or said so where the approval is told again without its agency
        told = [r, *restatements(r, readings)]
        trials = list({t[0]: t for x in told for t in supporting_trials(doc, x.span[0])}.values()) \
            or (told_apart(doc, r.span[0], set(agent_components(r.agent))) if r.asserted and approved == {r.agent} else [])
        yield Assertion(r.agent, "approvedFor", r.disease, context, without_notice_date(r, readings, frame)
                        + tuple(("supporting_trial", key) for key, _, _ in trials), (evidence,))
        if evidence.is_assertive:
            yield from basis_facts(doc, trials, RULE)
