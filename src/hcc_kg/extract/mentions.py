"""Find vocabulary entities in text: longest match wins, spans in original offsets.

Names match with hyphens, spaces, slashes and dashes interchangeable and optional between
their parts (``PD-L1`` = ``PD L1`` = ``PDL1``), an optional plural ``s``, case-insensitively
except for short names (five letters or fewer: ``MET`` is not ``met``).  Numbered ranges
expand to each member: ``VEGFR1-3`` names VEGFR1, VEGFR2 and VEGFR3, ``VEGFR-2/3`` names
VEGFR2 and VEGFR3.  Names an entity lists in ``exact_case`` match only in the case written;
names it lists in ``guarded`` (generated symbols that are also words: ``MET``) count only in
a gene context (see :mod:`hcc_kg.extract.gene_context`).

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
from ..vocab import TARGET_TYPES, Vocabulary, name_parts
from .gene_context import confirmed
from .normalize import MappedText, normalize

_SEP = r"[\s\-/]{0,2}"
_RUN_RE = re.compile(r"[^\W_]+", re.UNICODE)  # where a name can start and end
_GAP_RE = re.compile(r"[\s\-/]{1,2}")  # what may separate two runs inside one name
_RANGE_RE = re.compile(r"(?<![\w])([A-Za-z][A-Za-z]*?)[\s\-]?(\d)(?:\s?([-/])\s?(\d))+(?!\w|\.\d)")
CASE_SENSITIVE_MAX_LETTERS = 5
_FLAGS = {True: re.UNICODE, False: re.UNICODE | re.IGNORECASE}  # by case sensitivity


def _pattern(name: str) -> str | None:
    parts = name_parts(name)
    if not parts:
        return None
    return _SEP.join(re.escape(p) for p in parts)


def _is_case_sensitive(name: str) -> bool:
    return len(name) <= CASE_SENSITIVE_MAX_LETTERS or sum(map(str.isalpha, name)) <= CASE_SENSITIVE_MAX_LETTERS


class MentionFinder:
    """Compiled matcher for one vocabulary.

    A match can only start where a run of letters and digits starts and end where one
    ends, and it spans at most as many such runs as its name has parts.  So instead of
    one alternation of every name (whose cost grows with the vocabulary at every text
    position), the finder walks the runs, looks their joined form up in a dictionary
    and confirms the few hits with the name's own pattern: cost linear in the text,
    near constant in the vocabulary.  Per case group it keeps the leftmost-first,
    non-overlapping choice an alternation sorted longest-pattern-first would make.
    """

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self._by_name: dict[tuple[bool, str], str] = {}
        self._text_cache: dict[str, list[Mention]] = {}
        self._index: dict[tuple[bool, str], list[tuple[tuple[int, str], int]]] = {}
        self._max_parts = 1
        self._compiled: dict[tuple[str, int], re.Pattern] = {}
        self._prefixes: dict[bool, set[str]] = {True: set(), False: set()}  # joined names cut where a part ends
        self._guarded: set[tuple[str, str]] = set()  # (joined name, key) that need a gene context
        seen: set[tuple[bool, str]] = set()
        for entity in vocabulary:
            exact = set(entity.exact_case) | set(entity.guarded)
            for name in entity.names():
                parts = name_parts(name)
                if not parts:
                    continue
                pattern = _SEP.join(parts)  # parts are letters or digits: nothing to escape
                sensitive = name in exact or _is_case_sensitive(name)
                joined = "".join(parts)
                lookup = joined if sensitive else joined.casefold()
                if name in entity.guarded:
                    self._guarded.add((joined, entity.key))
                self._by_name.setdefault((sensitive, lookup), entity.key)
                if (sensitive, pattern) in seen:
                    continue
                seen.add((sensitive, pattern))
                if len(parts) > self._max_parts:
                    self._max_parts = len(parts)
                entry = ((-len(pattern), pattern), _FLAGS[sensitive])  # compiled on first use: most names never occur
                self._index.setdefault((sensitive, lookup), []).append(entry)
                # a text run ends only where a part of the name ends, so only those prefixes matter
                prefix = ""
                for part in parts[:-1]:
                    prefix += part if sensitive else part.casefold()
                    self._prefixes[sensitive].add(prefix)

    def lookup(self, surface: str) -> str | None:
        """The entity key a surface string names, or None."""
        parts = name_parts(surface)
        exact = "".join(parts)
        key = self._by_name.get((True, exact)) or self._by_name.get((False, exact.casefold()))
        if key is None and exact.endswith("s"):
            return self.lookup(surface[:-1]) if len(surface) > 1 else None
        return key

    def find(self, mapped: MappedText) -> list[Mention]:
        """All non-overlapping mentions in ``mapped``, in text order."""
        text = mapped.text
        runs = self._runs(text)
        candidates: list[tuple[int, int, str]] = []
        for sensitive in (True, False):
            for start, end in self._matches(text, runs, sensitive):
                key = self.lookup(text[start:end])
                if key is not None:
                    candidates.append((start, end, key))
        ranges = list(self._ranges(text))
        chosen = _longest_first(candidates, ranges)
        if self._guarded:
            chosen = self._in_gene_context(text, chosen)
        return [self._mention(mapped, s, e, k) for s, e, k in chosen]

    def _is_guarded(self, surface: str, key: str) -> bool:
        joined = "".join(name_parts(surface))
        return (joined, key) in self._guarded or \
            any(joined.endswith(e) and (joined[: -len(e)], key) in self._guarded for e in ("s", "es"))

    def _in_gene_context(self, text: str, chosen: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Drop guarded names (``MET``, two-letter symbols) that stand outside a gene context."""
        genes = [c for c in chosen if self.vocabulary[c[2]].has_type(*TARGET_TYPES)]
        flags = [self._is_guarded(text[s:e], k) for s, e, k in genes]
        if not any(flags):
            return chosen
        same = [i > 0 and genes[i - 1][2] == genes[i][2] for i in range(len(genes))]
        ok = confirmed(text, [(s, e, f) for (s, e, _), f in zip(genes, flags)], same)
        dropped = {g for g, keep in zip(genes, ok) if not keep}
        return [c for c in chosen if c not in dropped]

    @staticmethod
    def _runs(text: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _RUN_RE.finditer(text)]

    def _matches(self, text: str, runs: list[tuple[int, int]], sensitive: bool) -> Iterable[tuple[int, int]]:
        """Leftmost-first, non-overlapping matches of one case group's names."""
        prefixes = self._prefixes[sensitive]
        last_end = 0
        for i, (start, _) in enumerate(runs):
            if start < last_end:
                continue
            best: tuple[tuple[int, str], int] | None = None
            joined = ""
            for j in range(i, min(i + self._max_parts, len(runs))):
                if j > i and not _GAP_RE.fullmatch(text, runs[j - 1][1], runs[j][0]):
                    break
                piece = text[runs[j][0]:runs[j][1]]
                joined += piece if sensitive else piece.casefold()
                for entry_key, flags in self._entries(joined, sensitive):
                    if (best is None or entry_key < best[0]) and \
                            self._regex(entry_key[1], flags).fullmatch(text, start, runs[j][1]):
                        best = (entry_key, runs[j][1])
                if joined not in prefixes:  # no name goes on from here
                    break
            if best is not None:
                last_end = best[1]
                yield start, best[1]

    def _regex(self, pattern: str, flags: int) -> re.Pattern:
        regex = self._compiled.get((pattern, flags))
        if regex is None:
            regex = self._compiled[pattern, flags] = re.compile(rf"(?:{pattern})(?:s|es)?", flags)
        return regex

    def _entries(self, joined: str, sensitive: bool) -> list[tuple[tuple[int, str], int]]:
        """Names whose joined parts equal ``joined``, with or without a plural ending."""
        found = list(self._index.get((sensitive, joined), ()))
        for ending in ("s", "es"):
            if joined.endswith(ending) and len(joined) > len(ending):
                found += self._index.get((sensitive, joined[: -len(ending)]), ())
        return found

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
