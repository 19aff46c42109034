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
RANDOMISED_RE = re.compile(r"\b(?:randomi[sz]ed|randomi[sz]ation|randomly\s+assigned|randomi[sz]e|"
                           r"(?:assigned|allocated)(?=\s+(?:\([^)]*\)\s+)?(?:in\s+a\s+[\d:]+\s+ratio\s+)?to\b))\b", re.IGNORECASE)
TO_RE = re.compile(r"\bto\s+(?:receive\s+)?(?:either\s+)?(?:treatment\s+with\s+)?", re.IGNORECASE)
SEPARATOR_RE = re.compile(r",\s*(?:or\s+|and\s+)?|;\s*|\s+or\s+|\s+versus\s+|\s+vs\.?\s+", re.IGNORECASE)
COMPARE_RE = re.compile(r"\b(?:versus|vs\.?|v\.?|(?:as\s+)?compared\s+(?:with|to))(?=\s)", re.IGNORECASE)
RIGHT_GAP_RE = re.compile(r"^\s*(?:the\s+|an?\s+)?(?:(?:standard[- ]of[- ]care|patients\s+(?:treated\s+with|receiving|"
                          r"who\s+received)|those\s+(?:treated\s+with|receiving))\s+)?(?:only\s+)?$", re.IGNORECASE)
# "a randomised, double-blind, phase 3 trial": the word describes the design, it lists no arms.
ADJECTIVAL_RE = re.compile(r"^(?:[\s,]+(?:[\w/-]+|\(\w+\)))*?[\s,]+(?:clinical\s+)?(?:trials?|stud(?:y|ies))\b", re.IGNORECASE)
SIZE_RE = re.compile(r"\bn\s*=\s*(?P<n>\d{1,3}(?:,\d{3})*|\d+)(?![\d/])", re.IGNORECASE)
IN_GROUP_RE = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s+(?:patients|participants)\s+(?:in|on)\s+the\s+$", re.IGNORECASE)
# "(379 to A and 194 to B)": read only when the sentence gives two arms so.
TO_GROUP_RE = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s+(?:patients\s+|participants\s+)?(?:were\s+)?(?:assigned\s+)?to\s+$",
                         re.IGNORECASE)
# "(A, 334; B, 334)", "(A 240 mg every 2 weeks; 371 participants)": a count closing the arm's own parenthesis.
COMMA_COUNT_RE = re.compile(r"^\s*,\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*(?=[;)])")
BARE_COUNT_RE = re.compile(r"^\s*\(\s*(?P<n>\d{2,5})\s*\)")  # "allocated to A (150) or B (148)"
PAREN_COUNT_RE = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s+(?:patients|participants|pts)\s*\)", re.IGNORECASE)
SIZE_GAP_BREAK = re.compile(r";|\bor\b|\bversus\b|\bvs\b", re.IGNORECASE)
MAX_LEFT_GAP = 120
_COUNT = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+|[A-Za-z]+(?:-[a-z]+)?)"
ENROLLED_RE = re.compile(rf"\b{_COUNT}\s+(?:eligible\s+)?(?:patients|participants|subjects)\s+(?:were\s+)?"
                         r"(?:enrolled|treated|included)\b|\benrol+(?:ed|s)?\s+(?P<m>\d+)\s+(?:patients|participants|subjects)\b|"
                         r"\benrol+ment(?:\s*\((?:actual|anticipated|estimated)\))?\s*:?\s*(?P<k>\d+)\b", re.IGNORECASE)
# Counts opening a sentence are spelled out ("Forty-six patients were enrolled").
NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                           "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
NUMBER_WORDS.update({w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)})
# Given one agent, "patients received A": the trial's arm (the only one when nothing was randomised).
RECEIVED_RE = re.compile(r"\b(?:patients|participants|subjects)\s+(?:were\s+|will\s+(?:be\s+)?)?"
                         r"(?:receive[sd]?|given|treated\s+with)\s+$",
                         re.IGNORECASE)
# Registry arm labels ("Arms: Experimental: A; Placebo Comparator: B", a card's "Experimental A Control B").
ARM_LABEL_RE = re.compile(r"\b(?-i:Experimental|Active\s+Comparator|Placebo\s+Comparator|Sham\s+Comparator|Control|"
                          r"Comparator)\b\s*(?:arm|group)?\s*[:\-]?\s*", re.IGNORECASE)
COMPARED_VERB_RE = re.compile(r"\b(?:compared|comparing|compares)\s+(?:the\s+)?", re.IGNORECASE)
VERB_GAP_RE = re.compile(r"^\s*(?:with|to|versus|vs\.?|and)\s+(?:the\s+)?$", re.IGNORECASE)
LIST_GAP_RE = re.compile(r"^\s*(?:alone|monotherapy)?\s*(?:,\s*(?:or\s+)?|\bor\s+)$", re.IGNORECASE)


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
    cue = next((c for c in RANDOMISED_RE.finditer(sent.text) if not _adjectival(sent.text, c.end())), None)
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


def _adjectival(text: str, end: int) -> bool:
    """Does "randomised" at ``end`` describe a trial ("randomised, open-label phase 3 trial") without a "to"?"""
    design = ADJECTIVAL_RE.match(text[end:end + 100])
    return bool(design) and not re.search(r"\bto\b", design.group())


def labelled_arms(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """Arms a registry entry labels: "Experimental: A ... Placebo Comparator: B" ([] unless two are labelled)."""
    labels = list(ARM_LABEL_RE.finditer(sent.text))
    ends = [m.start() for m in labels[1:]] + [len(sent.text)]
    arms = [arm for m, end in zip(labels, ends) for arm in agents(doc, sent, m.end(), end)[:1]]
    return _distinct(arms) if len(arms) == len(labels) else []


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
    if verb := _compared_verb(sent.text, named):
        return verb
    for cue in COMPARE_RE.finditer(sent.text):
        left = [a for a in named if a.end <= cue.start()]
        left = [a for a in left if not _glossed(sent.text, a, left)] or left
        right = [a for a in named if a.start >= cue.end()]
        if not left or not right:
            continue
        gap = sent.text[left[-1].end:cue.start()]
        if ";" in gap or len(gap) > MAX_LEFT_GAP or not RIGHT_GAP_RE.match(sent.text[cue.end():right[0].start]):
            continue
        if left[-1].key != right[0].key:
            return [*_listed_before(sent.text, left), right[0]]
    return []


def _compared_verb(text: str, named: list[Agent]) -> list[Agent]:
    """"The study compared A with B" ([] when the sentence has no such verb)."""
    for cue in COMPARED_VERB_RE.finditer(text):
        after = [a for a in named if a.start >= cue.end()]
        if len(after) >= 2 and after[0].start - cue.end() <= 12 and after[0].key != after[1].key \
                and VERB_GAP_RE.match(_unbracketed(text[after[0].end:after[1].start])):
            return after[:2]
    return []


def _unbracketed(text: str) -> str:
    return re.sub(r"\([^()]*\)", " ", text)


def _glossed(text: str, agent: Agent, named: list[Agent]) -> bool:
    """Is the agent a parenthetical gloss of what precedes it ("A + IBI305 (a B biosimilar)")?"""
    opened = text.rfind("(", 0, agent.start)
    inside = opened >= 0 and ")" not in text[opened:agent.start]
    return inside and any(a.end <= opened for a in named)


def _listed_before(text: str, left: list[Agent]) -> list[Agent]:
    """The agents listed before "versus": "A plus B or A alone vs C" compares three arms."""
    out = [left[-1]]
    for agent in reversed(left[:-1]):
        if not LIST_GAP_RE.match(text[agent.end:out[0].start]) or agent.key in {a.key for a in out}:
            break
        out.insert(0, agent)
    return out


def arm_sizes(doc: AnalysedDocument, sent: AnalysedSentence) -> dict[str, int]:
    """Patients per arm agent: "A (n = 300)", "(A arm, n = 530; ...)", "336 patients in the A group"."""
    named = agents(doc, sent)
    sizes: dict[str, int] = {}
    for m in [*SIZE_RE.finditer(sent.text), *PAREN_COUNT_RE.finditer(sent.text)]:
        before = [a for a in named if a.end <= m.start()]
        if before and _size_gap(sent.text[before[-1].end:m.start()], m.re is SIZE_RE) and m.start() - before[-1].end <= 60:
            sizes.setdefault(before[-1].key, _count(m))
    for agent in named:
        if m := IN_GROUP_RE.search(sent.text[max(0, agent.start - 40):agent.start]):
            sizes.setdefault(agent.key, _count(m))
        if m := COMMA_COUNT_RE.match(sent.text[agent.end:]) or BARE_COUNT_RE.match(sent.text[agent.end:]):
            sizes.setdefault(agent.key, _count(m))
    to_groups = [(a, m) for a in named if (m := TO_GROUP_RE.search(sent.text[max(0, a.start - 40):a.start]))]
    if len({a.key for a, _ in to_groups}) >= 2:
        for agent, m in to_groups:
            sizes.setdefault(agent.key, _count(m))
    return sizes


def _count(m: re.Match) -> int:
    return int(m.group("n").replace(",", ""))


def _size_gap(gap: str, bare_n: bool) -> bool:
    """May a count after this gap belong to the arm before it?  Inside the arm's own parenthesis
    ("A (240 mg every 2 weeks; n = 371)", "the A group (299 patients)") a semicolon separates details."""
    own = bool(re.match(r"\s*(?:group|arm|cohort)?\s*\(", gap)) and ")" not in gap
    if own:
        return not re.search(r"\bor\b|\bversus\b|\bvs\b", gap, re.IGNORECASE)
    return bare_n and not SIZE_GAP_BREAK.search(gap)

def received_agent(doc: AnalysedDocument, sent: AnalysedSentence) -> str | None:
    """The one agent in "patients received A" (None when the sentence names another agent too)."""
    named = [a for a in agents(doc, sent) if not doc.vocabulary[a.components[0]].has_type("Placebo")]
    if len({a.key for a in named}) != 1 or not RECEIVED_RE.search(sent.text[max(0, named[0].start - 60):named[0].start]):
        return None
    return named[0].key


def enrolled(text: str) -> int | None:
    """The number of patients a single-arm trial enrolled: "46 patients were enrolled", "Forty-six patients
    were treated", "will enroll 50 participants", "Enrollment: 50"."""
    for m in ENROLLED_RE.finditer(text):
        printed = m.group("n") or m.group("m") or m.group("k")
        if printed[0].isdigit():
            return int(printed.replace(",", ""))
        words = printed.lower().split("-")
        if all(w in NUMBER_WORDS for w in words) and (len(words) == 1 or NUMBER_WORDS[words[0]] >= 20):
            return sum(NUMBER_WORDS[w] for w in words)
    return None
