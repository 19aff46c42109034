"""One arm's components listed with commas inside a list of alternative arms.

Shape read (invented example): "randomly assigned to A plus infusion of B, C, and D or to A alone"
has two arms, A plus B, C and D, and A alone. The randomisation list is cut at commas as well as
at "or"/"versus" (so that "to A, B, or C" gives three arms); where the alternatives are joined by
"or" or "versus", a run of commas closed by "and" ("B, C, and D", "B, C and D") lists the parts of
one arm, not arms of their own. A list with no "or"/"versus" is left as it was cut: "to A, B, and
C" may name three arms.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .prose_arms import Agent

# What stood between two cut pieces: a bare comma, a comma closing a list with "and", an alternative.
_COMMA_RE = re.compile(r"\s*,\s*")
_COMMA_AND_RE = re.compile(r"\s*,\s*and\s+", re.IGNORECASE)
_ALTERNATIVE_RE = re.compile(r"\bor\b|\bversus\b|\bvs\b", re.IGNORECASE)
_AND_RE = re.compile(r"\band\b", re.IGNORECASE)
# An "and" in a later phase of one arm joins that phase's drugs, not the list: "A plus C followed by A and
# placebo, A plus C followed by A and B, or placebo plus C" lists three arms, each given in turn.
_PHASE_AND_RE = re.compile(r"\b(?:followed\s+by|then)\b[^,;]*\band\b", re.IGNORECASE)


def _closing_and(piece: str) -> bool:
    """Does the piece close a comma list with "and" (an "and" outside a "followed by" phase)?"""
    return _AND_RE.search(piece) is not None and _PHASE_AND_RE.search(piece) is None


def joined_and_lists(text: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``cuts`` (pieces of ``text`` between separators, in order) with each comma list closed by "and"
    made one piece, when the pieces are alternatives joined by "or"/"versus".

    >>> text = "A plus B, C, and D or E"
    >>> [text[s:e] for s, e in joined_and_lists(text, [(0, 8), (10, 11), (17, 18), (22, 23)])]
    ['A plus B, C, and D', 'E']
    >>> text = "A then A and P, A then A and B, or P"
    >>> [text[s:e] for s, e in joined_and_lists(text, [(0, 14), (16, 30), (35, 36)])]
    ['A then A and P', 'A then A and B', 'P']
    >>> text = "A, B, or C"
    >>> [text[s:e] for s, e in joined_and_lists(text, [(0, 1), (3, 4), (9, 10)])]
    ['A', 'B', 'C']
    """
    seps = [text[a[1]:b[0]] for a, b in zip(cuts, cuts[1:])]
    if not any(_ALTERNATIVE_RE.search(s) for s in seps):
        return cuts
    out, i = [], 0
    while i < len(cuts):
        j = i
        while j < len(seps) and _COMMA_RE.fullmatch(seps[j]):
            j += 1
        closes = j > i and (  # at least one bare comma, then "..., and D" or "... C and D" before an alternative
            (j < len(seps) and _COMMA_AND_RE.fullmatch(seps[j]))
            or ((j == len(seps) or _ALTERNATIVE_RE.search(seps[j])) and _closing_and(text[cuts[j][0]:cuts[j][1]])))
        if not closes:
            out.append(cuts[i])
            i += 1
            continue
        last = j + 1 if j < len(seps) and _COMMA_AND_RE.fullmatch(seps[j]) else j
        out.append((cuts[i][0], cuts[last][1]))
        i = last + 1
    return out


# "versus a control arm of B", "compared with the standard control arm of B": the arm named by its role first.
CONTROL_ARM_OF = r"(?:(?:the\s+|an?\s+)?(?:standard\s+)?(?:control|comparator)\s+(?:arm|group)\s+(?:of|receiving|given)\s+)?"
# After the first arm a comparison names, another one: "compared with A alone and (with) B", "versus A alone and the
# control arm of B"; a bare "A and B" may be one regimen, so the first is said alone, or "with" (a role) opens the next.
_NEXT_ARM_RE = re.compile(rf"^(?P<alone>\s+(?:alone|monotherapy))?\s*,?\s+(?:and|or)\s+(?P<with>with\s+)?(?P<role>{CONTROL_ARM_OF})"
                          r"(?:the\s+|an?\s+)?$", re.IGNORECASE)


def compared_after(text: str, right: list["Agent"]) -> list["Agent"]:
    """The arms a comparison names after its cue: the first, and each next one joined as :data:`_NEXT_ARM_RE` says.

    >>> from collections import namedtuple
    >>> A = namedtuple("A", "key start end")
    >>> text = "versus durvalumab alone and with sorafenib"
    >>> [a.key for a in compared_after(text, [A("d", 7, 17), A("s", 33, 42)])]
    ['d', 's']
    >>> [a.key for a in compared_after("versus durvalumab and sorafenib", [A("d", 7, 17), A("s", 22, 31)])]
    ['d']
    """
    out = [right[0]]
    for agent in right[1:]:
        gap = _NEXT_ARM_RE.match(text[out[-1].end:agent.start])
        if agent.key in {a.key for a in out} or gap is None or not (gap.group("alone") or gap.group("with") or gap.group("role")):
            break
        out.append(agent)
    return out
