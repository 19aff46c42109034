"""Trial arms stated in prose: who was randomised to what, how many, and who was compared.

Shapes read (invented examples):

- "randomly assigned (2:1) to receive zorbanib 10 mg daily (n = 300) or placebo (n = 150)",
  "randomized 1:1 to A/B or A/placebo", three arms "to A plus B and C, A plus C, or C alone";
- "A versus B", "A plus B vs C", "A as compared with B", "A (...) compared to B";
- sizes: "A (n=478)", "(A arm, n = 530; B arm, n = 544)", "336 patients in the A group".

An agent is a drug, a procedure or placebo; drugs glued by "plus", "+", "combined with",
"/" or "-" ("A-B", "A/B") form one regimen (keys.agent_key), and placebo added to a drug
("A plus placebo", "A/placebo") is that drug's arm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..keys import agent_key
from ..model import Mention
from .analysis import AnalysedDocument, AnalysedSentence
from .sentences import DRUG

ARM_TYPES = (*DRUG, "Procedure", "Placebo")
GLUE_RE = re.compile(r"^\)?\s*(?:\+|plus|combined with|in combination with)\s*$|^[/-]$", re.IGNORECASE)
RANDOMISED_RE = re.compile(r"\b(?:randomi[sz]ed|randomi[sz]ation|randomly\s+assigned|randomi[sz]e)\b", re.IGNORECASE)
TO_RE = re.compile(r"\bto\s+(?:receive\s+)?(?:either\s+)?(?:treatment\s+with\s+)?", re.IGNORECASE)
SEPARATOR_RE = re.compile(r",\s*(?:or\s+|and\s+)?|;\s*|\s+or\s+|\s+versus\s+|\s+vs\.?\s+", re.IGNORECASE)
COMPARE_RE = re.compile(r"\b(?:versus|vs\.?|v\.?|(?:as\s+)?compared\s+(?:with|to))(?=\s)", re.IGNORECASE)
RIGHT_GAP_RE = re.compile(r"^\s*(?:the\s+|an?\s+)?(?:(?:standard[- ]of[- ]care|patients\s+(?:treated\s+with|receiving|"
                          r"who\s+received)|those\s+(?:treated\s+with|receiving))\s+)?$", re.IGNORECASE)
SIZE_RE = re.compile(r"\bn\s*=\s*(?P<n>\d{1,3}(?:,\d{3})*|\d+)(?![\d/])", re.IGNORECASE)
IN_GROUP_RE = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s+(?:patients|participants)\s+(?:in|on)\s+the\s+$", re.IGNORECASE)
SIZE_GAP_BREAK = re.compile(r";|\bor\b|\bversus\b|\bvs\b", re.IGNORECASE)
MAX_LEFT_GAP = 120


@dataclass(frozen=True)
class Agent:
    """An arm's intervention as named in one sentence (local offsets)."""

    key: str
    start: int
    end: int
    components: tuple[str, ...]


def _is_arm_type(doc: AnalysedDocument, mention: Mention) -> bool:
    return doc.vocabulary[mention.key].has_type(*ARM_TYPES)


def _agent(doc: AnalysedDocument, group: list[tuple[Mention, int, int]]) -> Agent:
    keys = [m.key for m, _, _ in group]
    drugs = [k for k in keys if not doc.vocabulary[k].has_type("Placebo")]
    parts = tuple(sorted(set(drugs or keys)))
    return Agent(agent_key(parts), group[0][1], group[-1][2], parts)


def agents(doc: AnalysedDocument, sent: AnalysedSentence, start: int = 0, end: int | None = None) -> list[Agent]:
    """Arm agents named in ``sent.text[start:end]``, glued combinations as one."""
    end = len(sent.text) if end is None else end
    located = [(m, *sent.local(m)) for m in sent.mentions if _is_arm_type(doc, m)]
    located = [x for x in located if x[1] >= start and x[2] <= end]
    out: list[Agent] = []
    group: list[tuple[Mention, int, int]] = []
    for item in located:
        if group and (item[1] == group[-1][1] or GLUE_RE.match(sent.text[group[-1][2]:item[1]])):
            if item[1] != group[-1][1]:
                group.append(item)
            continue
        if group:
            out.append(_agent(doc, group))
        group = [item]
    if group:
        out.append(_agent(doc, group))
    return out


def _top_level_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of ``text[start:end]`` between separators that lie outside parentheses."""
    depth, cuts, pos = 0, [], start
    for i in range(start, end):
        ch = text[i]
        depth += ch in "([" 
        depth -= ch in ")]" and depth > 0
        if depth == 0 and i >= pos and (m := SEPARATOR_RE.match(text, i)) and m.end() <= end:
            cuts.append((pos, i))
            pos = m.end()
    cuts.append((pos, end))
    return [c for c in cuts if c[1] > c[0]]


def randomised_arms(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """The arms a randomisation statement lists, in order ([] when the sentence has none)."""
    cue = RANDOMISED_RE.search(sent.text)
    if cue is None:
        return []
    start = cue.end()
    if (to := TO_RE.search(sent.text, start)) and agents(doc, sent, to.end(), to.end() + 40):
        start = to.end()
    arms: list[Agent] = []
    for s, e in _top_level_segments(sent.text, start, len(sent.text)):
        found = agents(doc, sent, s, e)
        inner = re.match(r"\s*\(([^()]*;[^()]*)\)", sent.text[s:e])
        if len(found) > 1 and inner:  # "(A arm, n = 5; B arm, n = 6)"
            base = s + inner.start(1)
            for a, b in _top_level_segments(sent.text, base, base + len(inner.group(1))):
                arms.extend(_merge(agents(doc, sent, a, b)))
        else:
            arms.extend(_merge(found))
    return _distinct(arms)


def _merge(found: list[Agent]) -> list[Agent]:
    """One segment of a randomisation list names one arm ("A 10 mg daily plus B 5 mg")."""
    if not found:
        return []
    parts = tuple(sorted({p for a in found for p in a.components}))
    return [Agent(agent_key(parts), found[0].start, found[-1].end, parts)]


def _distinct(arms: list[Agent]) -> list[Agent]:
    seen: set[str] = set()
    out = []
    for arm in arms:
        if arm.key not in seen:
            seen.add(arm.key)
            out.append(arm)
    return out if len(out) >= 2 else []


def compared_arms(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """The first "A versus B" / "A compared with B" pair in the sentence ([] when none)."""
    named = agents(doc, sent)
    for cue in COMPARE_RE.finditer(sent.text):
        left = [a for a in named if a.end <= cue.start()]
        right = [a for a in named if a.start >= cue.end()]
        if not left or not right:
            continue
        gap = sent.text[left[-1].end:cue.start()]
        if ";" in gap or len(gap) > MAX_LEFT_GAP or not RIGHT_GAP_RE.match(sent.text[cue.end():right[0].start]):
            continue
        if left[-1].key != right[0].key:
            return [left[-1], right[0]]
    return []


def arm_sizes(doc: AnalysedDocument, sent: AnalysedSentence) -> dict[str, int]:
    """Patients per arm agent: "A (n = 300)", "(A arm, n = 530; ...)", "336 patients in the A group"."""
    named = agents(doc, sent)
    sizes: dict[str, int] = {}
    for m in SIZE_RE.finditer(sent.text):
        before = [a for a in named if a.end <= m.start()]
        if before and not SIZE_GAP_BREAK.search(sent.text[before[-1].end:m.start()]) \
                and m.start() - before[-1].end <= 60:
            sizes.setdefault(before[-1].key, int(m.group("n").replace(",", "")))
    for agent in named:
        if m := IN_GROUP_RE.search(sent.text[max(0, agent.start - 40):agent.start]):
            sizes.setdefault(agent.key, int(m.group("n").replace(",", "")))
    return sizes
