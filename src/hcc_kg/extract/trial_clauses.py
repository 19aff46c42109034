"""The clause of a sentence that speaks of one trial, when the sentence names two trials in clauses of their own.

"A was first tested in the phase 1b NAME-1 study, and it then proved superior to B in the phase 3 NAME-2 trial":
the comparison is NAME-2's, so NAME-1 is read from its own clause only (:func:`own_clause`).  Trials named side by
side in one clause ("the NAME-1 and NAME-2 trials showed ...") share the sentence as before.
"""

from __future__ import annotations

import re
from typing import Callable

from .analysis import AnalysedSentence
from .normalize import MappedText
from .segment import Sentence

# Where one clause ends and the next, about another trial perhaps, begins.
CLAUSE_CUT_RE = re.compile(r",\s+(?:and|but|while|whereas|after|before|then)\s+|;\s+", re.IGNORECASE)


def clause_spans(text: str) -> list[tuple[int, int]]:
    """The clauses of ``text`` as (start, end) spans.

    >>> text = "A was tested in NAME-1, and it beat B in NAME-2."
    >>> [text[s:e] for s, e in clause_spans(text)]
    ['A was tested in NAME-1', 'it beat B in NAME-2.']
    """
    spans, start = [], 0
    for cut in CLAUSE_CUT_RE.finditer(text):
        spans.append((start, cut.start()))
        start = cut.end()
    return spans + [(start, len(text))]


def own_clause(sent: AnalysedSentence, names: list, key_of: Callable[[str], str], key: str) -> AnalysedSentence:
    """The sentence cut to the clause naming the trial ``key``, when every trial it names stands in a clause of
    its own; else the sentence as it is.  ``names`` are the sentence's trial names (local offsets), ``key_of``
    gives a name's trial key."""
    if len({key_of(n.name) for n in names}) < 2:
        return sent
    spans = clause_spans(sent.text)
    clause_of = {}
    for name in names:
        clause = next(i for i, (s, e) in enumerate(spans) if s <= name.start < e or i == len(spans) - 1)
        clause_of.setdefault(clause, set()).add(key_of(name.name))
    own = [i for i, keys in clause_of.items() if key in keys]
    if len(own) != 1 or len(clause_of[own[0]]) != 1 or len(clause_of) < 2:
        return sent  # named beside another trial in one clause, or in several clauses: the sentence is shared
    start, end = spans[own[0]]
    mapped = sent.sentence.mapped
    cut = MappedText(mapped.text[start:end], mapped.offsets[start:end + 1])
    mentions = tuple(m for m in sent.mentions if start <= sent.local(m)[0] and sent.local(m)[1] <= end)
    return AnalysedSentence(Sentence(cut, sent.sentence.section, sent.sentence.section_start), mentions)
