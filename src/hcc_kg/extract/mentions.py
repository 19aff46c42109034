"""Find vocabulary entities in text: longest match wins, spans in original offsets.

Names match with hyphens, spaces, slashes and dashes interchangeable and optional between
their parts (``PD-L1`` = ``PD L1`` = ``PDL1``), an optional plural ``s``, case-insensitively
except for short names (five letters or fewer: ``MET`` is not ``met``).  Numbered ranges
expand to each member: ``VEGFR1-3`` names VEGFR1, VEGFR2 and VEGFR3, ``VEGFR-2/3`` names
VEGFR2 and VEGFR3.

>>> from hcc_kg.vocab import Entity, Vocabulary
>>> voc = Vocabulary([Entity("kdr", "KDR", ("Protein",), ("VEGFR2",)),
...                   Entity("flt1", "FLT1", ("Protein",), ("VEGFR1",)),
...                   Entity("flt4", "FLT4", ("Protein",), ("VEGFR3",))])
>>> m = MentionFinder(voc)
>>> from hcc_kg.extract.normalize import normalize
>>> [x.key for x in m.find(normalize("blocks VEGFR1\\u20133 and VEGFR-2"))]
['flt1', 'kdr', 'flt4', 'kdr']
"""

from __future__ import annotations

import re
from typing import Iterable

from ..model import Mention
from ..vocab import Vocabulary
from .normalize import MappedText, normalize

_PART_RE = re.compile(r"[^\W_]+", re.UNICODE)
_SEP = r"[\s\-/]{0,2}"
_RANGE_RE = re.compile(r"(?<![\w])([A-Za-z][A-Za-z]*?)[\s\-]?(\d)(?:\s?([-/])\s?(\d))+(?!\w|\.\d)")
CASE_SENSITIVE_MAX_LETTERS = 5


def _parts(name: str) -> list[str]:
    """Alphanumeric parts, split also where letters meet digits (VEGFR2 -> VEGFR, 2)."""
    parts = []
    for chunk in _PART_RE.findall(name):
        parts.extend(p for p in re.split(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])", chunk) if p)
    return parts


def name_key(name: str) -> str:
    """A separator- and case-free form of a name, for exact lookups.

    >>> name_key("PD-L1") == name_key("pdl1")
    True
    """
    return "".join(_parts(name)).casefold()


def _pattern(name: str) -> str | None:
    parts = _parts(name)
    if not parts:
        return None
    return _SEP.join(re.escape(p) for p in parts)


def _is_case_sensitive(name: str) -> bool:
    return sum(ch.isalpha() for ch in name) <= CASE_SENSITIVE_MAX_LETTERS


class MentionFinder:
    """Compiled matcher for one vocabulary."""

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self._by_name: dict[tuple[bool, str], str] = {}
        self._text_cache: dict[str, list[Mention]] = {}
        groups: dict[bool, list[str]] = {True: [], False: []}
        for entity in vocabulary:
            for name in entity.names():
                pattern = _pattern(name)
                if pattern is None:
                    continue
                sensitive = _is_case_sensitive(name)
                lookup = "".join(_parts(name)) if sensitive else name_key(name)
                self._by_name.setdefault((sensitive, lookup), entity.key)
                groups[sensitive].append(pattern)
        self._regexes = [
            self._compile(groups[True], 0),
            self._compile(groups[False], re.IGNORECASE),
        ]

    @staticmethod
    def _compile(patterns: list[str], flags: int) -> re.Pattern | None:
        if not patterns:
            return None
        alternation = "|".join(sorted(set(patterns), key=lambda p: (-len(p), p)))
        return re.compile(rf"(?<![^\W_])(?:{alternation})(?:s|es)?(?![^\W_])", flags | re.UNICODE)

    def lookup(self, surface: str) -> str | None:
        """The entity key a surface string names, or None."""
        parts = _parts(surface)
        exact = "".join(parts)
        key = self._by_name.get((True, exact)) or self._by_name.get((False, exact.casefold()))
        if key is None and exact.endswith("s"):
            return self.lookup(surface[:-1]) if len(surface) > 1 else None
        return key

    def find(self, mapped: MappedText) -> list[Mention]:
        """All non-overlapping mentions in ``mapped``, in text order."""
        candidates: list[tuple[int, int, str]] = []
        for regex in self._regexes:
            if regex is None:
                continue
            for match in regex.finditer(mapped.text):
                key = self.lookup(match.group(0))
                if key is not None:
                    candidates.append((match.start(), match.end(), key))
        ranges = list(self._ranges(mapped.text))
        chosen = _longest_first(candidates, ranges)
        return [self._mention(mapped, s, e, k) for s, e, k in chosen]

    def find_text(self, text: str) -> list[Mention]:
        """Mentions in a short free-standing string (offsets relative to it); memoised."""
        if text not in self._text_cache:
            self._text_cache[text] = self.find(normalize(text))
        return self._text_cache[text]

    def _ranges(self, text: str) -> Iterable[tuple[int, int, str]]:
        for match in _RANGE_RE.finditer(text):
            stem = match.group(1)
            numbers = [int(n) for n in re.findall(r"\d", match.group(0)[len(stem):])]
            if "-" in match.group(0)[len(stem) + 1:] and len(numbers) == 2 and numbers[0] < numbers[1]:
                numbers = list(range(numbers[0], numbers[1] + 1))
            keys = [self.lookup(f"{stem}{n}") for n in numbers]
            if len(keys) > 1 and all(keys):
                for key in keys:
                    yield match.start(), match.end(), key

    def _mention(self, mapped: MappedText, start: int, end: int, key: str) -> Mention:
        s, e = mapped.original_span(start, end)
        return Mention(s, e, key, mapped.text[start:end])


def _longest_first(candidates: list[tuple[int, int, str]],
                   ranges: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Greedy selection: range expansions first, then longer matches, then earlier ones."""
    taken: list[tuple[int, int]] = []
    chosen: list[tuple[int, int, str]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    range_spans = sorted({(s, e) for s, e, _ in ranges})
    for s, e in range_spans:
        if free(s, e):
            taken.append((s, e))
            chosen.extend(r for r in ranges if (r[0], r[1]) == (s, e))
    for s, e, k in sorted(set(candidates), key=lambda c: (-(c[1] - c[0]), c[0])):
        if free(s, e):
            taken.append((s, e))
            chosen.append((s, e, k))
    return sorted(chosen, key=lambda c: (c[0], c[1]))
