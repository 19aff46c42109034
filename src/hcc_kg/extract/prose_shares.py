"""Each arm's share of patients with an outcome, two arms compared in one sentence, as news items word it.

"42% of patients who received A were still living four years later, compared to 27% of B-treated patients",
"35% of patients treated with A were alive at three years, while (whereas) only 22% of those treated with B were",
"58% of those in the A group showed stable disease or a complete or partial response, compared to 30% in
the B group", "14% of those on the drug saw their tumours shrink completely or partly, versus 3%
of those given placebo".  The share alive at the sentence's one time point is the arm's OS rate there; the
share with a complete or partial response (or tumour shrinkage) its objective response rate; with stable disease
added, its disease control rate.  Each share goes to the arm its own part of the sentence names; when only one
part names an arm of a two-arm trial ("the drug", "the combination"), the other part is the other arm.
Split from prose_rates, which reads the shares whose wording is fixed ("27.4% of patients on A responded").
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from .analysis import AnalysedDocument, AnalysedSentence
from .effects import NUMBER, decimal_text
from .normalize import NUMBER_WORDS
from .prose_arm_mentions import arm_mentions
from .prose_arms import agents
from .prose_subgroups import SUBGROUP_RE, is_subgroup
from .prose_values import ArmValue

_REACHED = r"(?:achieved|had|showed|experienced|attained)\s+(?:an?\s+)?(?:confirmed\s+)?"
_CR_OR_PR = r"complete\s+or\s+partial\s+(?:responses?|remissions?)"
# What the share had: alive at a time point, disease control (a response or stable disease), or a response
# (tumour shrinkage, in lay words).
OUTCOME = (r"(?:(?P<alive>(?:were|was|remained)\s+(?:still\s+)?(?:alive|living))|"
           rf"(?P<dcr>{_REACHED}(?:{_CR_OR_PR}\s+or\s+stable\s+disease|disease\s+control))|"
           rf"(?P<orr>{_REACHED}(?:{_CR_OR_PR}(?!\s+or\s+stable)|complete\s+or\s+partial\s+shrinkage|"
           r"(?:objective|overall)\s+(?:tumou?r\s+)?response|tumou?r\s+shrinkage)|"
           # ... in lay words: "had (saw) their tumors shrink"
           r"(?:had|saw)\s+(?:their\s+)?tumou?rs?\s+(?:shrink|shrunk|shrank)\b))")
SHARE_PAIR_RE = re.compile(rf"(?P<a>{NUMBER})\s*%\s+of\s+(?:the\s+)?(?:patients|participants|people|those)\b"
                           rf"(?P<first>[^;%]{{0,80}}?)\s*{OUTCOME}(?P<mid>[^;%]{{0,60}}?)\s*,?\s*"
                           # "..., as were 55% of those given B": the second share said by an elliptic clause
                           rf"(?:versus|vs\.?|compared\s+(?:with|to)|while|whereas|against|as\s+(?:were|was|did))\s+(?:only\s+)?"
                           rf"(?P<b>{NUMBER})\s*%(?P<second>[^;%]{{0,80}})", re.IGNORECASE)
# "68% of patients in the A arm and 55% in the B arm were alive": both shares, then the outcome they share.
SHARES_THEN_OUTCOME_RE = re.compile(rf"(?P<a>{NUMBER})\s*%\s+of\s+(?:the\s+)?(?:patients|participants|people|those)\b"
                                    rf"(?P<first>[^;%]{{0,80}}?)(?P<mid>)\s*,?\s*(?:and|versus|vs\.?|compared\s+(?:with|to))\s+"
                                    rf"(?P<b>{NUMBER})\s*%(?P<second>[^;%]{{0,80}}?)\s*{OUTCOME}", re.IGNORECASE)
_COUNT = r"\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))  # "four years later" too
# "at 3 years", "after 24 months", "three years later": the time point the share alive is read at.
TIME_POINT_RE = re.compile(rf"\b(?:(?:at|after)\s+(?P<n>{_COUNT})\s+(?P<u>month|week|year)s?\b|"
                           rf"(?P<n2>{_COUNT})\s+(?P<u2>month|week|year)s?\s+later\b)", re.IGNORECASE)


def _comparisons(text: str) -> Iterator[tuple[re.Match, str, str, list[tuple[int, int]]]]:
    """Each comparison of two shares the sentence makes: (match, endpoint, time point, the two parts' spans); a
    subgroup's shares ("... of patients with HBV were alive ...": the outcome itself chooses no group) are left out."""
    for m in [*SHARE_PAIR_RE.finditer(text), *SHARES_THEN_OUTCOME_RE.finditer(text)]:
        endpoint, timepoint = _endpoint(text, m)
        groups = ("patients" + m.group("first") + " " + m.group("mid"), m.group("second"))
        if endpoint is None or is_subgroup(text, m.start()) or any(SUBGROUP_RE.search(g) for g in groups):
            continue
        yield m, endpoint, timepoint, [(m.start("first"), m.end("mid")), (m.start("second"), m.end("second"))]


def shares_compared(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str]) -> list[ArmValue]:
    """The two arms' shares with an outcome, one pair per comparison the sentence makes."""
    out: list[ArmValue] = []
    named = arm_mentions(doc, sent, arms)
    for m, endpoint, timepoint, parts in _comparisons(sent.text):
        owners = _owners([{a.key for a in named if s <= a.start and a.end <= e} for s, e in parts], arms)
        if owners is not None:
            out += [ArmValue(owner, endpoint, timepoint, Decimal(decimal_text(m.group(g))), decimal_text(m.group(g)), "%")
                    for owner, g in zip(owners, ("a", "b"))]
    return out


def shared_agents(doc: AnalysedDocument, sent: AnalysedSentence) -> list[str]:
    """The two agents a comparison of shares names, one in each part ("31% of patients given A were alive at 3 years,
    while 20% of those given B were"): the arms of a trial that did not list them ([] otherwise)."""
    named = agents(doc, sent)
    for _, _, _, parts in _comparisons(sent.text):
        owners = [[a.key for a in named if s <= a.start and a.end <= e] for s, e in parts]
        if all(len(o) == 1 for o in owners) and owners[0] != owners[1]:
            return [owners[0][0], owners[1][0]]
    return []


def _endpoint(text: str, m: re.Match) -> tuple[str | None, str]:
    """The endpoint and time point the share stands for; an OS rate needs the sentence's one time point."""
    if not m.group("alive"):
        return ("dcr" if m.group("dcr") else "orr"), ""
    points = {(_number(p.group("n") or p.group("n2")), (p.group("u") or p.group("u2")).lower())
              for p in TIME_POINT_RE.finditer(text)}
    if len(points) != 1:
        return None, ""
    n, unit = next(iter(points))
    return "os", f"{n}-{unit}"


def _number(printed: str) -> int:
    return int(printed) if printed.isdigit() else NUMBER_WORDS[printed.lower()]


def _owners(named: list[set[str]], arms: list[str]) -> list[str] | None:
    """Whose each share is: the arm its part names; a two-arm trial's other arm for a part naming none."""
    if all(len(n) == 1 for n in named):
        first, second = (next(iter(n)) for n in named)
        return [first, second] if first != second else None
    if len(arms) != 2 or sorted(len(n) for n in named) != [0, 1]:
        return None
    known = next(iter(named[0] or named[1]))
    other = next(a for a in arms if a != known) if known in arms else None
    if other is None:
        return None
    return [known, other] if named[0] else [other, known]
