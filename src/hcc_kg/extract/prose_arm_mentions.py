"""Which of a trial's arms one sentence of results names: by an agent ("the A group"), by a label
("the B and placebo arms"), by its parts listed ("the A plus B and C arms", "A, B, and C"), or by role
("the control arm").  Split from :mod:`prose_values`, which decides whose value each number is.
"""

from __future__ import annotations

import re

from ..keys import agent_components, is_regimen_key, regimen_components
from .analysis import AnalysedDocument, AnalysedSentence
from .prose_arms import Agent, agents
from .role_arms import role_arms
from .arm_comparisons import COMPARE_RE
from .prose_labels import fronted_comparator
from .sentences import LIST_GLUE

# "the B arm", "the B and placebo arms", "B-treated group": a label word right after the agent.
ARM_LABEL_AFTER_RE = re.compile(r"^(?:\s*(?:,|and|or|vs\.?|versus)\s*[\w+/-]+)*[\s-]*(?:treated\s+|containing\s+)?"
                                r"(?:arms?|groups?|cohorts?)\b", re.IGNORECASE)
# Between two arms listed as one phrase: "the A versus B arms", "the A and B groups".
LISTED_ARMS_GAP_RE = re.compile(r"^\s*(?:,\s*)?(?:vs\.?|versus|and|or)\s+(?:the\s+)?$", re.IGNORECASE)


def listed_arms_gap(gap: str) -> bool:
    """Between two arms listed as one phrase, a slash too: "11.0/13.5 months for A/B" where A and B are each
    an arm (a slash whose two sides make one arm is that arm: :func:`arm_mentions` looks for it first).

    >>> listed_arms_gap(" versus the "), listed_arms_gap("/"), listed_arms_gap(" plus ")
    (True, True, False)
    """
    return LISTED_ARMS_GAP_RE.match(gap) is not None or gap.strip() == "/"

def arm_mentions(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str]) -> list[Agent]:
    """The trial's arms named in the sentence, by an agent or by role (:func:`role_arms`); a list "A, B,
    and C" naming one arm's parts is that arm."""
    named = _agent_arms(doc, sent, arms)
    by_role = [r for r in role_arms(sent.text, arms) if not any(a.start < r.end and r.start < a.end for a in named)]
    return sorted(named + by_role, key=lambda a: a.start) if by_role else named


# "The addition of A (and B) to C led to ...", "adding A to C gave ...": the added drugs and their backbone name
# one arm, A (and B) plus C, not C alone (C is the arm of the comparison that follows).
ADDED_TO_BACKBONE_RE = re.compile(r"\b(?:addition\s+of|adding)\s+(?:the\s+)?$", re.IGNORECASE)
BACKBONE_TO_RE = re.compile(r"^\s+to\s+(?:the\s+|standard\s+)?$", re.IGNORECASE)


def _added(sent: AnalysedSentence, found: list[Agent], i: int, parts: dict) -> tuple[Agent, int] | None:
    """The arm "the addition of found[i] ... to B" names, and the index of its last agent (None if no such arm)."""
    if not ADDED_TO_BACKBONE_RE.search(sent.text[max(0, found[i].start - 20):found[i].start]):
        return None
    j = i
    while j + 1 < len(found) and LIST_GLUE.match(sent.text[found[j].end:found[j + 1].start]):
        j += 1
    if j + 1 >= len(found) or not BACKBONE_TO_RE.match(sent.text[found[j].end:found[j + 1].start]):
        return None
    whole = frozenset(p for a in found[i:j + 2] for p in a.components)
    if whole not in parts:
        return None
    return Agent(parts[whole], found[i].start, found[j + 1].end, tuple(sorted(whole))), j + 1


def _agent_arms(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str]) -> list[Agent]:
    found = agents(doc, sent)
    parts = {frozenset(regimen_components(arm) if is_regimen_key(arm) else [arm]): arm for arm in arms}
    out, i = [], 0
    while i < len(found):
        if (added := _added(sent, found, i, parts)) is not None:
            out.append(added[0])
            i = added[1] + 1
            continue
        j = i
        while j + 1 < len(found) and LIST_GLUE.match(sent.text[found[j].end:found[j + 1].start]):
            j += 1
        listed = frozenset(p for a in found[i:j + 1] for p in a.components)
        if j > i and listed in parts and not all(a.key in arms for a in found[i:j + 1]):  # not "the A and A-plus-B groups"
            out.append(Agent(parts[listed], found[i].start, found[j].end, tuple(sorted(listed))))
            i = j + 1
            continue
        if (lacking := _without(sent.text, found[i], arms)) is not None:
            out.append(lacking)  # "the SBRT and non-SBRT cohorts": the arm given no SBRT
        elif (split := _slash_placebo(sent, found[i], arms)) is not None:
            out.extend(split)
        elif found[i].key in arms:
            out.append(found[i])
        elif (arm := _labelled_arm(doc, sent.text, found[i], arms) or _alone_on_backbone(sent.text, found[i], arms)):
            out.append(Agent(arm, found[i].start, found[i].end, found[i].components))
        else:
            out.extend(_parted(sent, found[i], arms))
        i += 1
    return out


NON_BEFORE_RE = re.compile(r"\bnon-?\s?$", re.IGNORECASE)


def _without(text: str, agent: Agent, arms: list[str]) -> Agent | None:
    """ "the non-B cohort": the one arm given none of B's drugs, when another arm gets them all (None otherwise)."""
    if not NON_BEFORE_RE.search(text, max(0, agent.start - 4), agent.start):
        return None
    lacking = [arm for arm in arms if not set(agent.components) & _parts(arm)]
    if len(lacking) != 1 or not any(set(agent.components) <= _parts(arm) for arm in arms):
        return None
    return Agent(lacking[0], agent.start, agent.end, tuple(sorted(_parts(lacking[0]))))


def _slash_placebo(sent: AnalysedSentence, agent: Agent, arms: list[str]) -> list[Agent] | None:
    """ "4.1/4.3 months for A/placebo" when A and placebo are each an arm of the trial: the slash parts the two
    arms (an add-on design's "A/placebo" is A's arm only where the trial has no placebo arm of its own)."""
    if "placebo" not in arms or agent.key not in arms or agent.key == "placebo":
        return None
    located = sorted((sent.local(m), m.key) for m in sent.mentions
                     if agent.start <= sent.local(m)[0] and sent.local(m)[1] <= agent.end)
    keys = [key for _, key in located]
    if keys.count("placebo") != 1 or len(located) != 2 or sent.text[located[0][0][1]:located[1][0][0]].strip() != "/":
        return None
    return [Agent(agent.key if key != "placebo" else "placebo", start, end, (key,)) for (start, end), key in located]


def _parted(sent: AnalysedSentence, agent: Agent, arms: list[str]) -> list[Agent]:
    """ "the A plus B and C arms" read as one regimen: the trial's arms it lists, in order, each run of
    its drugs one arm's ([] unless the drugs part so into two arms or more)."""
    located = sorted({sent.local(m): m.key for m in sent.mentions if m.key in agent.components
                      and agent.start <= sent.local(m)[0] and sent.local(m)[1] <= agent.end}.items())
    out: list[Agent] = []
    while located:
        run = next((n for n in range(len(located), 0, -1) if _arm_of({k for _, k in located[:n]}, arms)), 0)
        if not run or (out and not listed_arms_gap(sent.text[out[-1].end:located[0][0][0]])):
            return []
        parts = tuple(sorted({k for _, k in located[:run]}))
        out.append(Agent(_arm_of(set(parts), arms), located[0][0][0], located[run - 1][0][1], parts))
        located = located[run:]
    return out if len(out) > 1 else []


def _arm_of(parts: set[str], arms: list[str]) -> str | None:
    return next((arm for arm in arms if _parts(arm) == parts), None)


def _labelled_arm(doc: AnalysedDocument, text: str, agent: Agent, arms: list[str]) -> str | None:
    """The arm a label names ("the B arm", "the B and placebo groups"): the only arm holding B, or,
    for placebo, the only arm whose drugs every other arm also gets (A plus placebo against A plus B)."""
    if not ARM_LABEL_AFTER_RE.match(text[agent.end:agent.end + 40]) and not add_on_design(arms) \
            and not placebo_names_the_base(doc, agent.components, arms):
        return None
    return arm_for(doc, agent.components, arms)


# "patients who received only A", "A alone", "A monotherapy": A without the other arms' drugs.
ONLY_BEFORE_RE = re.compile(r"\b(?:only|solely)\s+$", re.IGNORECASE)
ALONE_AFTER_RE = re.compile(r"^\s+(?:alone|only|monotherapy)\b", re.IGNORECASE)


def _alone_on_backbone(text: str, agent: Agent, arms: list[str]) -> str | None:
    """The arm "only A" names when every arm shares a backbone (TACE in "A plus TACE", "A plus B plus TACE",
    "placebo plus TACE"): A with the backbone, the only arm so made (None otherwise)."""
    if not (ONLY_BEFORE_RE.search(text[max(0, agent.start - 12):agent.start]) or ALONE_AFTER_RE.match(text[agent.end:])):
        return None
    shared = set.intersection(*(_parts(a) for a in arms)) if len(arms) > 1 else set()
    if not shared or shared & set(agent.components):
        return None
    return _arm_of(set(agent.components) | shared, arms)


def _parts(arm: str) -> set[str]:
    return set(regimen_components(arm) if is_regimen_key(arm) else [arm])


def add_on_design(arms: list[str]) -> bool:
    """Two arms, one the other's drugs plus more (A plus B against A): each arm is then named by what
    sets it apart ("26% with B and 18% with placebo")."""
    return len(arms) == 2 and (_parts(arms[0]) < _parts(arms[1]) or _parts(arms[1]) < _parts(arms[0]))


def placebo_names_the_base(doc: AnalysedDocument, components: tuple[str, ...], arms: list[str]) -> bool:
    """Is the agent placebo in a trial whose arms each add to one of them (TACE plus A, TACE plus A plus B against
    TACE): the placebo arm is that one ("8.2 months with placebo")."""
    return len(arms) > 2 and all(doc.vocabulary[c].has_type("Placebo") for c in components if c in doc.vocabulary) \
        and arm_for(doc, components, arms) is not None


def arm_for(doc: AnalysedDocument, components: tuple[str, ...], arms: list[str]) -> str | None:
    """The one arm the agent names: the only arm holding its drugs, or, for placebo, the only arm whose
    drugs every other arm also gets (A plus placebo against A plus B); None when not one."""
    parts = {arm: _parts(arm) for arm in arms}
    if all(doc.vocabulary[c].has_type("Placebo") for c in components if c in doc.vocabulary):
        held = [a for a, p in parts.items() if all(p < q for b, q in parts.items() if b != a)]
    else:
        held = [a for a, p in parts.items() if set(components) <= p]
    return held[0] if len(held) == 1 else None


def slot_arm(doc: AnalysedDocument, agent: str, arms: list[str]) -> str | None:
    """The trial arm an agent names: itself, or in an add-on design what sets its arm apart
    ("randomized to B (n=341) or placebo (n=344) with chemotherapy")."""
    if agent in arms:
        return agent
    if not add_on_design(arms) and not placebo_names_the_base(doc, agent_components(agent), arms):
        return None
    return arm_for(doc, agent_components(agent), arms)


def compared_before(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str]) -> list[str] | None:
    """The two arms the sentence right before compared, the one reported on first ("A improved OS compared with C
    (HR 0.78). Median OS was 16.4 versus 13.8 months, respectively" in a trial of three arms: A's, then C's); None
    unless it names exactly two of the trial's arms with a comparison between them."""
    if (before := doc.sentence_before(sent)) is None:
        return None
    named = arm_mentions(doc, before, arms)
    order = list(dict.fromkeys(a.key for a in named))
    if len(order) != 2:
        return None
    first = next(a for a in named if a.key == order[0])
    second = next(a for a in named if a.key == order[1])
    if fronted_comparator(before.text, 0, first.start):  # "Compared with C, A improved OS": A's value first
        return order[::-1]
    return order if COMPARE_RE.search(before.text, first.end, second.start) else None


# A sentence that gives the other side of the one before it: "A elicited a median OS of 23.7 months. In comparison,
# the median OS was 20.6 months for patients who received B."
COMPARED_BACK_RE = re.compile(r"(?:In|By)\s+comparison,|Comparatively,|In\s+contrast,", re.IGNORECASE)


def compared_back(doc: AnalysedDocument, sent: AnalysedSentence) -> list[str]:
    """The arms of a sentence opening "In comparison," that names one agent, when the sentence before it named one
    other: [the earlier, this one] ([] otherwise)."""
    if not COMPARED_BACK_RE.match(sent.text) or (sentence_before := doc.sentence_before(sent)) is None:
        return []
    this = {a.key for a in agents(doc, sent)}
    before = {a.key for a in agents(doc, sentence_before)}
    return [*before, *this] if len(this) == len(before) == 1 and this != before else []
