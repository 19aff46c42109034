"""What one clause of an approval sentence names (:mod:`.approvals`): its agents with their roles, its
agencies, its indication and lines, and the attributes of the approval it states (kind, date, mode,
prior therapy, biomarker criterion).  Split from :mod:`.approvals`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Mention
from .analysis import AnalysedDocument, AnalysedSentence
from .approval_clauses import Clause
from .approval_conjuncts import partner_roles
from .approval_cues import COMBINATION, MONOTHERAPY, approval_kind
from .approval_lines import NO_PRIOR_SYSTEMIC, line_words
from .approval_frame import Frame
from .approval_indications import clause_diseases, in_clause, inside
from .jurisdictions import Jurisdictions
from .quantities import parse_threshold
from .stated_dates import dates_in


@dataclass(frozen=True)
class ClauseFacts:
    """Everything one clause names: agents (with their roles), agencies, indication, lines."""

    agents: tuple[tuple[str, tuple[Mention, ...], str], ...]
    agencies: tuple[str, ...]
    diseases: tuple[str, ...]
    unknown_disease: bool
    lines: frozenset[str]
    agency_at: tuple[tuple[str, int], ...] = ()  # each agency with its offset in the clause

    @property
    def has_agent(self) -> bool:
        return any(role == "agent" for _, _, role in self.agents)


def clause_facts(doc: AnalysedDocument, sent: AnalysedSentence, clause: Clause, places: Jurisdictions,
                 roles: list[tuple[str, tuple[Mention, ...], str]]) -> ClauseFacts:
    """The agents, agencies, diseases and lines one clause of a sentence names."""
    agents = partner_roles(sent, clause, tuple((k, g, r) for k, g, r in roles if inside(sent, g[0], clause)))
    owned = places.possessive_regulators(clause.text)  # "China's FDA": the place's regulator, not the FDA
    agencies = [m.key for m in in_clause(doc, sent, clause, "RegulatoryAgency")
                if not any(s <= sent.local(m)[0] - clause.start < e for s, e, _ in owned)]
    named = [(m.key, sent.local(m)[0] - clause.start) for m in in_clause(doc, sent, clause, "RegulatoryAgency")
             if m.key in agencies]
    placed = [(r, at) for at, _, r in owned + places.regulators_in(clause.text) if r in doc.vocabulary]
    agencies += [r for r, _ in placed]
    diseases, unknown = clause_diseases(doc, sent, clause)
    lines = line_words(clause.text, [sent.local(g[0])[0] - clause.start for _, g, r in agents if r == "prior"])
    return ClauseFacts(agents, tuple(dict.fromkeys(agencies)), tuple(diseases), unknown, frozenset(lines),
                       tuple(named + placed))


def attributes(doc, sent, clause, roles, cue_at: int, frame: Frame) -> tuple[tuple[str, object], ...]:
    """What the clause says of the approval besides who, for what and by whom: its kind, its date (the one
    nearest the approval word at ``cue_at``, else the dateline), the therapy mode, the prior therapy and a
    biomarker criterion."""
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
    out += [("prior_therapy", g[0].key) for _, g, r in roles if r == "prior" and len({m.key for m in g}) == 1]
    for m in in_clause(doc, sent, clause, "Biomarker"):
        end = sent.local(m)[1]
        threshold = parse_threshold(sent.text[end:min(clause.end, end + 40)])
        if threshold:
            out += [("biomarker", m.key), ("biomarker_comparator", threshold.comparator),
                    ("biomarker_threshold", threshold.value), ("biomarker_unit", threshold.unit)]
    return tuple(dict.fromkeys(out))
