"""Arms a text names as groups: a division into groups named by their agents, and lettered groups
defined by what their patients were given.

Shapes read (invented examples):

- "patients were randomly divided into the A group and the B group", "randomly assigned into the A
  plus TACE group (n = 40) and the TACE group (n = 41)": each group word closes one arm (its size, in
  brackets after the word, is read by prose_sizes);
- "patients in group A were treated with B, patients in group B were given C and those in group C
  received B plus C": each lettered group is an arm, and the letter is a label the text may use later
  ("the survival rate of group A, group B and group C was ...", read by arm_references); its size may
  follow the label ("cohort A (n = 28) received B");
- "patients were enrolled into two cohorts: B monotherapy (n = 30) and B plus C (n = 32)".

Split from :mod:`.prose_arms`, whose randomisation lists are cut at "or"/"versus" and so would take
"the A group and the B group" for one regimen.
"""

from __future__ import annotations

import re

from ..keys import agent_key
from .analysis import AnalysedDocument, AnalysedSentence
from .comparators import arm_parts
from .prose_arms import Agent, agents

# What opens a division into groups: "randomly divided into", "randomised into", "assigned into".
# A division that says nothing of chance ("divided into") is read too: a retrospective comparison is
# left out by its document (abstract_cues.is_observational), and the list must name every group by its agent.
DIVIDED_RE = re.compile(r"\b(?:randomi[sz]ed|(?:randomly\s+)?(?:divided|assigned|allocated|grouped|split|stratified))\s+"
                        r"into\s+(?:the\s+)?", re.IGNORECASE)
# The word closing a group's name, and its bracket (its size or dose): "the A group (n = 40)".
GROUP_WORD_RE = re.compile(r"\s*(?:group|arm|cohort)\b(?:\s*\([^()]*\))?", re.IGNORECASE)
# Between two groups of the list: "and the", ", the", "or".
GROUP_SEP_RE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?", re.IGNORECASE)
# "patients in group A were treated with", "those in arm 2 received", "group B was given": a lettered group
# defined by what its patients got.
# ... its size may stand in brackets after the label: "cohort A (n = 28) received A".
# ... or named by their role, as trials of one sponsor's design write them: "patients in the study group received A, and
# patients in the control group received B", "the observation group will receive A".
LETTERED_RE = re.compile(r"\b(?P<label>(?i:group|arm|cohort)\s+(?:[A-Z]|\d{1,2})|"
                         r"(?i:(?:study|experimental|observation|intervention|research|treatment|combination|monotherapy|single-agent|control)"
                         r"\s+(?:group|arm)))"
                         r"(?:\s*\(\s*n\s*=\s*(?P<n>\d[\d,]*)\s*\))?\s+"
                         r"(?:(?:patients\s+)?(?:were|was|will\s+be)\s+|will\s+)?(?:treated\s+with|given|administered|"
                         r"received?|receiving|underwent|undergo(?:ing)?)\s+(?:an?\s+)?",
                         re.IGNORECASE)
# "patients were enrolled into two cohorts: A monotherapy (n = 30) and A plus B (n = 32)": the cohorts listed
# after a colon, each sized.
COHORT_LIST_RE = re.compile(r"\binto\s+(?:\w+\s+)?(?:cohorts|groups|arms)\s*:\s*", re.IGNORECASE)
LISTED_SIZE_RE = re.compile(r"(?:\s+(?:monotherapy|alone))?\s*\(\s*n\s*=\s*\d[\d,]*\s*\)", re.IGNORECASE)
LETTER_REACH = 80  # how far after its verb a lettered group's agent may start (a dose or route first)


def grouped_arms(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """The arms of "divided into the A group and the B group" ([] unless two or more distinct groups are
    each named by their agent)."""
    cue = DIVIDED_RE.search(sent.text)
    if cue is None:
        return []
    arms, pos = [], cue.end()
    while (word := GROUP_WORD_RE.search(sent.text, pos)) is not None:
        found = agents(doc, sent, pos, word.start())
        if not found or sent.text[pos:found[0].start].strip() or sent.text[found[-1].end:word.start()].strip():
            break  # the group is not named by its agent alone ("the high-dose group")
        parts = arm_parts(doc, {p for a in found for p in a.components})
        arms.append(Agent(agent_key(parts), found[0].start, found[-1].end, parts))
        if (sep := GROUP_SEP_RE.match(sent.text, word.end())) is None:
            break
        pos = sep.end()
    return arms if len({a.key for a in arms}) == len(arms) >= 2 else []


SIZED_RE = re.compile(r"\(\s*n\s*=\s*\d", re.IGNORECASE)


def sized_groups(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """The arms of "the A arm (n = 40) and the B arm (n = 38)": two or more groups in a row, each named by
    its agent alone and sized in its bracket ([] otherwise)."""
    run: list[Agent] = []
    last_end = None
    for agent in agents(doc, sent):
        word = GROUP_WORD_RE.match(sent.text, agent.end)
        if word is None or not SIZED_RE.search(word.group()):
            if len(run) >= 2:
                break
            run, last_end = [], None
            continue
        if last_end is not None and GROUP_SEP_RE.fullmatch(sent.text, last_end, agent.start) is None:
            if len(run) >= 2:
                break
            run = []
        run.append(agent)
        last_end = word.end()
    return run if len({a.key for a in run}) == len(run) >= 2 else []


def listed_cohorts(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """The arms of "into two cohorts: A monotherapy (n = 30) and A plus B (n = 32)" ([] otherwise)."""
    cue = COHORT_LIST_RE.search(sent.text)
    if cue is None:
        return []
    arms, pos = [], cue.end()
    for agent in agents(doc, sent, cue.end()):
        size = LISTED_SIZE_RE.match(sent.text, agent.end)
        if size is None or (sent.text[pos:agent.start].strip() and GROUP_SEP_RE.fullmatch(sent.text, pos, agent.start) is None):
            break
        arms.append(agent)
        pos = size.end()
    return arms if len({a.key for a in arms}) == len(arms) >= 2 else []


def lettered_sizes(doc: AnalysedDocument, sent: AnalysedSentence) -> dict[str, int]:
    """Sizes lettered groups give in brackets after their label: "cohort A (n = 28) received A"."""
    sizes = {}
    for cue in LETTERED_RE.finditer(sent.text):
        found = agents(doc, sent, cue.end(), cue.end() + LETTER_REACH)
        if cue.group("n") and found:
            sizes[found[0].key] = int(cue.group("n").replace(",", ""))
    return sizes


def lettered_groups(doc: AnalysedDocument, sent: AnalysedSentence) -> dict[str, Agent]:
    """Lettered groups the sentence defines by what they were given: {"group a": A, ...}."""
    cues = list(LETTERED_RE.finditer(sent.text))
    out = {}
    for cue, end in zip(cues, [c.start() for c in cues[1:]] + [len(sent.text)]):
        found = _listed_together(sent.text, agents(doc, sent, cue.end(), end))
        if found and found[0].start - cue.end() <= LETTER_REACH:
            parts = arm_parts(doc, {p for a in found for p in a.components})
            out[" ".join(cue.group("label").lower().split())] = Agent(agent_key(parts), found[0].start, found[-1].end, parts)
    return out


# Between the agents one group received, each perhaps with its dose in brackets: "A (200 mg), B, and C".
GIVEN_TOGETHER_RE = re.compile(r"(?:\s*\([^()]*\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)", re.IGNORECASE)


def _listed_together(text: str, found: list[Agent]) -> list[Agent]:
    """The first agent a group received and those listed with it ("received A (200 mg), B, and C"): all given to it."""
    run = found[:1]
    for agent in found[1:]:
        if not GIVEN_TOGETHER_RE.fullmatch(text, run[-1].end, agent.start):
            break
        run.append(agent)
    return run


def another_group(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str]) -> Agent | None:
    """The one group a sentence defines by what it was given, when that is no arm of a trial that has one at most ("The
    monotherapy group (n = 19) received A" after a title's "A plus B", or before "The combination group received A plus
    B" in a sentence of its own): the trial's next arm; None otherwise."""
    groups = list(lettered_groups(doc, sent).values())
    if len(arms) > 1 or len(groups) != 1 or groups[0].key in arms:
        return None
    return groups[0]


def lettered_arms(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """The arms two or more lettered groups in the sentence are ([] otherwise)."""
    arms = list(lettered_groups(doc, sent).values())
    return arms if len({a.key for a in arms}) == len(arms) >= 2 else []


# "comparing two arms, the A arm (TACE plus A) and the placebo arm (TACE plus placebo)": arms counted, then each
# named by a label with what it gives in brackets after the group word.
COUNTED_ARMS_RE = re.compile(r"\b(?:two|three|four|[234])\s+(?:treatment\s+)?(?:arms|groups|cohorts)\b", re.IGNORECASE)
CONTENTS_OPEN_RE = re.compile(r"\b(?:arm|group|cohort)\s*\(", re.IGNORECASE)


def labelled_contents(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """The arms of "comparing two arms, the A arm (B plus A) and the placebo arm (B plus placebo)": what each label's
    brackets give, one agent each (two or more, each different), when the sentence counts its arms."""
    if not COUNTED_ARMS_RE.search(sent.text):
        return []
    named, found = agents(doc, sent), []
    for m in CONTENTS_OPEN_RE.finditer(sent.text):
        close = sent.text.find(")", m.end())
        inside = [a for a in named if m.end() <= a.start and a.end <= close]
        if close > 0 and len(inside) == 1 and not sent.text[m.end():inside[0].start].strip() \
                and not sent.text[inside[0].end:close].strip():
            found.append(inside[0])
    return found if len(found) >= 2 and len({a.key for a in found}) == len(found) else []
