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

import marshal
import re
from dataclasses import dataclass
from typing import Iterable

from ..model import Mention
from ..gc_control import gc_paused
from ..vocab import DRUG_TYPES, TARGET_TYPES, Vocabulary, name_parts
from .gene_context import GUARDED, LIST_ONLY, confirmed
from .normalize import MappedText, normalize

_SEP = r"[\s\-/,'’]{0,2}"  # "Ministry of Health, Labour and Welfare": a comma inside a name too; "Bruton's"
#: marks the twin entry of a list-only name in the guarded set (no name's parts start with it)
LISTED = "\x00list:"
_RUN_RE = re.compile(r"[^\W_]+", re.UNICODE)  # where a name can start and end
_GAP_RE = re.compile(r"[\s\-/,'’]{1,2}")  # what may separate two runs inside one name
_RANGE_RE = re.compile(r"(?<![\w])([A-Za-z][A-Za-z]*?)[\s\-]?(\d)(?:\s?([-/])\s?(\d))+(?!\w|\.\d)")
# "cyclin-dependent kinase (CDK)4/6": the series' stem is the abbreviation a bracket defines before its numbers.
_BRACKETED_RANGE_RE = re.compile(r"(?<=\()([A-Za-z]{2,})\)\s?(\d)(?:\s?([-/])\s?(\d))+(?!\w|\.\d)")
# "anti" written together with the first word of a spelled-out target (no hyphen), lower case as journals print it
GLUED_ANTI = re.compile(r"anti(?=[a-z]{5,}$)")
CASE_SENSITIVE_MAX_LETTERS = 5
_FLAGS = {True: re.UNICODE, False: re.UNICODE | re.IGNORECASE}  # by case sensitivity


def _is_case_sensitive(name: str) -> bool:
    return len(name) <= CASE_SENSITIVE_MAX_LETTERS or sum(map(str.isalpha, name)) <= CASE_SENSITIVE_MAX_LETTERS


@dataclass(frozen=True)
class FinderTables:
    """What a :class:`MentionFinder` looks names up in, per case group: item 1 of each pair
    holds the names matched only in the case written, item 0 those matched in any case (its
    lookups casefolded).  Only dicts, sets, tuples, strings and ints, so that
    ``marshal`` can store them (:meth:`to_bytes`; the vocabulary cache does,
    :mod:`hcc_kg.execute.vocabulary_cache`).

    >>> from hcc_kg.vocab import Entity
    >>> t = FinderTables.build(Vocabulary([Entity("pdl1", "PD-L1", ("Protein",), ("programmed death ligand 1",))]))
    >>> t.by_name[1]["PDL1"], t.by_name[0]["programmeddeathligand1"], t.max_parts
    ('pdl1', 'pdl1', 4)
    >>> sorted(t.prefixes[1]), sorted(t.prefixes[0])
    (['PD', 'PDL'], ['programmed', 'programmeddeath', 'programmeddeathligand'])
    """

    #: joined name parts -> the key of the first entity (in key order) with a name of that form
    by_name: tuple[dict[str, str], dict[str, str]]
    #: joined name parts -> the distinct patterns (parts joined by optional separators) of names of that form
    index: tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]
    #: joined parts of a name cut where one of its parts ends (a text run can only end there)
    prefixes: tuple[set[str], set[str]]
    #: (joined name, key) of names that count only in a gene context
    guarded: set[tuple[str, str]]
    #: the most parts any name has
    max_parts: int

    @classmethod
    def build(cls, vocabulary: Vocabulary) -> "FinderTables":
        """The tables of every name of ``vocabulary``: one pass, a dictionary update or two per name."""
        by_name: tuple[dict[str, str], dict[str, str]] = ({}, {})
        index: tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]] = ({}, {})
        prefixes: tuple[set[str], set[str]] = (set(), set())
        guarded: set[tuple[str, str]] = set()
        seen: tuple[set[str], set[str]] = (set(), set())  # patterns indexed, per case group
        max_parts = 1
        with gc_paused():  # hundreds of thousands of small acyclic objects: nothing for the collector to find
            for entity in vocabulary:
                exact = entity.exact_case + entity.guarded + entity.listed
                for name in entity.names():
                    parts = name_parts(name)
                    if not parts:
                        continue
                    sensitive = name in exact or _is_case_sensitive(name)
                    joined = "".join(parts)
                    lookup = joined if sensitive else joined.casefold()
                    if name in entity.guarded or name in entity.listed:
                        guarded.add((joined, entity.key))
                    if name in entity.listed:  # a marked twin in the same set: the tables keep their shape
                        guarded.add((LISTED + joined, entity.key))
                    by_name[sensitive].setdefault(lookup, entity.key)
                    pattern = _SEP.join(parts)  # parts are letters or digits: nothing to escape
                    if pattern in seen[sensitive]:
                        continue
                    seen[sensitive].add(pattern)
                    max_parts = max(max_parts, len(parts))
                    group = index[sensitive]  # tuples, not lists: the collector stops tracking tuples of strings
                    group[lookup] = group.get(lookup, ()) + (pattern,)
                    if len(parts) > 1:
                        _add_prefixes(prefixes[sensitive], parts if sensitive else [p.casefold() for p in parts])
        return cls(by_name, index, prefixes, guarded, max_parts)

    def to_bytes(self) -> bytes:
        """The tables as ``marshal`` data (plain values, no code); :meth:`from_bytes` reads them back."""
        return marshal.dumps((self.by_name, self.index, self.prefixes, self.guarded, self.max_parts))

    @classmethod
    def from_bytes(cls, data: bytes) -> "FinderTables":
        """Tables from :meth:`to_bytes`; ValueError, EOFError or TypeError if ``data`` is not such."""
        with gc_paused():  # hundreds of thousands of strings and tuples: nothing for the collector to find
            by_name, index, prefixes, guarded, max_parts = marshal.loads(data)
        return cls(tuple(by_name), tuple(index), tuple(prefixes), guarded, max_parts)

    @classmethod
    def of(cls, vocabulary: Vocabulary) -> "FinderTables":
        """The tables ``vocabulary`` carries (a copy read from the vocabulary cache carries them as
        bytes, read only now: a build whose documents all come from the extraction cache never
        needs them), else built afresh."""
        carried = vocabulary.name_tables
        if isinstance(carried, FinderTables):
            return carried
        if isinstance(carried, bytes):
            try:
                return cls.from_bytes(carried)
            except (ValueError, EOFError, TypeError):  # unreadable: only costs the time to build them
                pass
        return cls.build(vocabulary)


def _add_prefixes(prefixes: set[str], parts: list[str]) -> None:
    """A text run ends only where a part of a name ends, so only those prefixes matter."""
    prefix = ""
    for part in parts[:-1]:
        prefix += part
        prefixes.add(prefix)


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

    def __init__(self, vocabulary: Vocabulary, tables: "FinderTables | None" = None):
        self.vocabulary = vocabulary
        self.tables = tables if tables is not None else FinderTables.of(vocabulary)
        self._by_name = self.tables.by_name
        self._index = self.tables.index
        self._prefixes = self.tables.prefixes
        self._guarded = self.tables.guarded
        self._max_parts = self.tables.max_parts
        self._text_cache: dict[str, list[Mention]] = {}
        self._compiled: dict[tuple[str, int], re.Pattern] = {}
        self._ascii_parts: dict[str, tuple[str, ...] | None] = {}  # pattern -> its parts, if all ASCII

    def lookup(self, surface: str) -> str | None:
        """The entity key a surface string names, or None."""
        parts = name_parts(surface)
        exact = "".join(parts)
        key = self._by_name[True].get(exact) or self._by_name[False].get(exact.casefold())
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
        candidates += self._after_glued_anti(text, runs)
        ranges = list(self._ranges(text))
        chosen = [c for c in _longest_first(candidates, ranges) if not _names_an_enzyme(text, c, self.vocabulary)]
        if self._guarded:
            chosen = self._in_gene_context(text, chosen)
        return [self._mention(mapped, s, e, k) for s, e, k in chosen]

    def _after_glued_anti(self, text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """Targets spelled out after an "anti" glued to their first word ("anticytotoxic T-lymphocyte-associated
        antigen-4 antibody", "antiprogrammed death ligand-1"): the name starts after the prefix.  Only names of
        several words that go on past the glued word, so that "antiangiogenic" or "antibody" stay single words."""
        found: list[tuple[int, int, str]] = []
        for i, (start, end) in enumerate(runs):
            if not GLUED_ANTI.match(text, start, end):
                continue
            shifted = runs[:i] + [(start + 4, end)] + runs[i + 1:]
            for sensitive in (True, False):
                # the one case group's match starting at run i, if any
                s, e = next(iter(self._matches(text, shifted[i:i + self._max_parts], sensitive)), (-1, -1))
                key = self.lookup(text[s:e]) if s == start + 4 and e > end else None
                if key is not None and self.vocabulary[key].has_type(*TARGET_TYPES):
                    found.append((s, e, key))
        return found

    def _is_guarded(self, surface: str, key: str) -> bool:
        joined = "".join(name_parts(surface))
        return (joined, key) in self._guarded or \
            any(joined.endswith(e) and (joined[: -len(e)], key) in self._guarded for e in ("s", "es"))

    def _guard(self, surface: str, key: str) -> int:
        """0: the name always counts; GUARDED: beside a gene context; LIST_ONLY: only as an item of a gene list."""
        if not self._is_guarded(surface, key):
            return 0
        return LIST_ONLY if (LISTED + "".join(name_parts(surface)), key) in self._guarded else GUARDED

    def _in_gene_context(self, text: str, chosen: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Drop guarded names (``MET``, two-letter symbols) that stand outside a gene context."""
        genes = [c for c in chosen if self.vocabulary[c[2]].has_type(*TARGET_TYPES)]
        flags = [self._guard(text[s:e], k) for s, e, k in genes]
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
        prefixes, entries, max_parts, count = self._prefixes[sensitive], self._entries, self._max_parts, len(runs)
        last_end = 0
        for i, (start, _) in enumerate(runs):  # the finder's inner loop: names looked up once, outside it
            if start < last_end:
                continue
            best: tuple[tuple[int, str], int] | None = None
            joined = ""
            for j in range(i, min(i + max_parts, count)):
                run_start, run_end = runs[j]
                if j > i and not _GAP_RE.fullmatch(text, runs[j - 1][1], run_start):
                    break
                piece = text[run_start:run_end]
                joined += piece if sensitive else piece.casefold()
                for pattern in entries(joined, sensitive):
                    entry_key = (-len(pattern), pattern)  # longest pattern first, as an alternation sorted so
                    if (best is None or entry_key < best[0]) and \
                            self._confirms(pattern, sensitive, text, start, run_end):
                        best = (entry_key, run_end)
                if joined not in prefixes:  # no name goes on from here
                    break
            if best is not None:
                last_end = best[1]
                yield start, best[1]

    def _confirms(self, pattern: str, sensitive: bool, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is the name of ``pattern``, as its regex would tell.

        Where name and text are ASCII the check needs no regex (compiling one costs more
        than most documents' matching): case folding is then ``str.lower`` for both."""
        if pattern not in self._ascii_parts:
            self._ascii_parts[pattern] = tuple(pattern.split(_SEP)) if pattern.isascii() else None
        parts, span = self._ascii_parts[pattern], text[start:end]
        if "," in span and _ends_a_list_item(span):
            return False
        if parts is None or not span.isascii():
            return self._regex(pattern, _FLAGS[sensitive]).fullmatch(text, start, end) is not None
        return _spells(parts, span if sensitive else span.lower(), sensitive)

    def _regex(self, pattern: str, flags: int) -> re.Pattern:
        regex = self._compiled.get((pattern, flags))
        if regex is None:
            regex = self._compiled[pattern, flags] = re.compile(rf"(?:{pattern})(?:s|es)?", flags)
        return regex

    def _entries(self, joined: str, sensitive: bool) -> tuple[str, ...]:
        """Patterns of names whose joined parts equal ``joined``, with or without a plural ending."""
        index = self._index[sensitive]
        found = index.get(joined, ())
        if joined.endswith("s") and len(joined) > 1:  # asked at every run of text: no list unless needed
            found += index.get(joined[:-1], ())
            if joined.endswith("es") and len(joined) > 2:
                found += index.get(joined[:-2], ())
        return found

    def find_text(self, text: str) -> list[Mention]:
        """Mentions in a short free-standing string (offsets relative to it); memoised."""
        if text not in self._text_cache:
            self._text_cache[text] = self.find(normalize(text))
        return self._text_cache[text]

    def _ranges(self, text: str) -> Iterable[tuple[int, int, str]]:
        for match in [*_RANGE_RE.finditer(text), *_BRACKETED_RANGE_RE.finditer(text)]:
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


# A metabolic enzyme is named after its substrate: "argininosuccinate synthetase", "glutamine synthase", "thymidylate
# synthase" (no kinase: "the X kinase inhibitor" is a drug's class).
_ENZYME_AFTER_RE = re.compile(r"[\s-]+(?:synthet|synth|ly|deamin|deimin|dehydrogen|reduct|transfer|hydrol|oxid|carboxyl|"
                              r"isomer|mut|phosphat|hydroxyl|polymer|lig)ases?\b", re.IGNORECASE)


def _names_an_enzyme(text: str, candidate: tuple[int, int, str], vocabulary: Vocabulary) -> bool:
    """Is a drug's name here the first word of an enzyme's ("argininosuccinate synthetase")?"""
    start, end, key = candidate
    return _ENZYME_AFTER_RE.match(text, end) is not None and vocabulary[key].has_type(*DRUG_TYPES) \
        and not vocabulary[key].has_type(*TARGET_TYPES)


def _spells(parts: tuple[str, ...], span: str, sensitive: bool) -> bool:
    """Whether an ASCII ``span`` (lowercased unless ``sensitive``) is ``parts`` with up to two
    spaces, hyphens, slashes, commas or apostrophes between any two, and an optional plural ``s`` or ``es``: the
    regex ``(?:p1[\\s\\-/,]{0,2}p2...)(?:s|es)?`` without compiling it.

    >>> _spells(("PD", "L", "1"), "PD-L1", True), _spells(("pd", "l", "1"), "pdl 1s", False)
    (True, True)
    >>> _spells(("PD", "L", "1"), "PD - - L1", True), _spells(("PD", "L", "1"), "pd-l1", True)
    (False, False)
    """
    position = 0
    for n, part in enumerate(parts):
        if n:  # a name part starts with a letter or digit: the separators before it are skipped greedily
            for _ in range(2):
                if position < len(span) and (span[position].isspace() or span[position] in "-/,'"):
                    position += 1
        if not span.startswith(part if sensitive else part.lower(), position):
            return False
        position += len(part)
    return span[position:] in ("", "s", "es")


# A comma and a space next to a number or a single letter: where one list item ends and the next begins.
_ITEM_BREAK_RE = re.compile(r"(?:(?<![^\W_])[^\W_]|(?<![^\W_])\d+),\s|,\s(?:[^\W_](?![^\W_])|\d+(?![^\W_]))")


def _ends_a_list_item(span: str) -> bool:
    """Whether ``span`` runs over the end of a list item: "RAF-1, B" is the end of RAF-1 and the start of B-RAF, not
    the name "RAF1B" ("Health, Labour" and "1,4,5-trisphosphate" stay one name).

    >>> _ends_a_list_item("RAF-1, B"), _ends_a_list_item("Health, Labour"), _ends_a_list_item("inositol 1,4,5")
    (True, False, False)
    """
    return _ITEM_BREAK_RE.search(span) is not None


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
