"""Reading a short form as what it stands for, without losing where it was written.

A document may define a short form for a phrase the readers understand ("A+B" for "A plus
B", see :mod:`.regimen_abbreviations`).  :func:`expand` rewrites each later use of it into
that phrase in the mapped text the extractors match on; the phrase's characters map back to
the short form's, part to part, so evidence quotes what the document wrote.

>>> from hcc_kg.extract.normalize import MappedText
>>> ab = Expansion("A+B", (("A", "alpha"), ("+", " plus "), ("B", "beta")), since=5)
>>> m = expand(MappedText.identity("(A+B) A+B was given; A+Bx"), (ab,))
>>> m.text
'(A+B) alpha plus beta was given; A+Bx'
>>> m.original_span(6, 11), m.original_span(6, 21)
((6, 7), (6, 9))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .normalize import MappedText


@dataclass(frozen=True)
class Expansion:
    """``short`` (matched in the case written, as a whole word) reads as the concatenated
    replacements of its ``parts``: (the part as written, what it reads as).  Uses before
    original offset ``since`` (the definition itself), and uses starting at an original offset in
    ``skipped`` (where the document says what the name is), are left as written."""

    short: str
    parts: tuple[tuple[str, str], ...]
    since: int
    skipped: frozenset[int] = frozenset()

    @cached_property
    def pattern(self) -> re.Pattern:
        return re.compile(rf"(?<![\w+/&-]){re.escape(self.short)}(?![\w+/&])")

    @property
    def reads_as(self) -> str:
        return "".join(new for _, new in self.parts)


def expand(mapped: MappedText, expansions: tuple[Expansion, ...]) -> MappedText:
    """``mapped`` with every use of each short form (at or after its ``since``) read as its phrase."""
    edits: list[tuple[int, int, tuple[tuple[str, str], ...]]] = []
    for expansion in expansions:
        for match in expansion.pattern.finditer(mapped.text):
            start = mapped.offsets[match.start()]
            if start >= expansion.since and start not in expansion.skipped:
                edits.append((match.start(), match.end(), expansion.parts))
    return rewritten(mapped, _without_overlaps(edits)) if edits else mapped


def read_as(written: str, names: list[str], glue: str = " plus ") -> tuple[tuple[str, str], ...]:
    """Parts that read a phrase ("the combination", "arm A") as ``names`` joined by ``glue``, each
    name and each glue standing for characters of its own (one each, the last name the rest), so
    every name points back into what was written.  ``written`` needs two characters per name.

    >>> read_as("the combination", ["alpha", "beta"])
    (('t', 'alpha'), ('h', ' plus '), ('e combination', 'beta'))
    """
    parts: list[tuple[str, str]] = []
    for i, name in enumerate(names):
        if i:
            parts.append((written[2 * i - 1], glue))
        parts.append((written[2 * i:] if i == len(names) - 1 else written[2 * i], name))
    return tuple(parts)


def rewritten(mapped: MappedText, edits: list[tuple[int, int, tuple[tuple[str, str], ...]]]) -> MappedText:
    """``mapped`` with each span [start, end) read as its parts (in text order, not overlapping):
    each part's new text maps back to the characters it stands for."""
    text: list[str] = []
    offsets: list[int] = []
    last = 0
    for start, end, parts in edits:
        text.append(mapped.text[last:start])
        offsets.extend(mapped.offsets[last:start])
        position = start
        for written, new in parts:
            text.append(new)
            offsets.extend(_stretched(mapped.offsets[position], mapped.offsets[position + len(written) - 1], len(new)))
            position += len(written)
        last = end
    text.append(mapped.text[last:])
    offsets.extend(mapped.offsets[last:])
    return MappedText("".join(text), tuple(offsets))


def _without_overlaps(edits: list[tuple[int, int, tuple]]) -> list[tuple[int, int, tuple]]:
    """Edits in text order; where two overlap, the longer (then the earlier) one wins."""
    kept: list[tuple[int, int, tuple]] = []
    for edit in sorted(edits, key=lambda e: (-(e[1] - e[0]), e[0])):
        if all(edit[1] <= k[0] or edit[0] >= k[1] for k in kept):
            kept.append(edit)
    return sorted(kept, key=lambda e: e[0])


def _stretched(first: int, last: int, length: int) -> list[int]:
    """Offsets for ``length`` new characters standing for the original ones [first, last]:
    the first maps to ``first``, the last to ``last``, so the whole maps to the whole."""
    if length == 1:
        return [first]
    return [first] * (length - 1) + [last]
