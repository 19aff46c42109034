"""A drug's name misspelled in a document: one letter added, dropped or changed in a long name.

News items and abstracts misspell international nonproprietary names ("nofazilimab" beside
"nofazinlimab"); read as new drugs, such a spelling splits a trial's arm and its values.  A name
the vocabulary lacks that is one edit from a drug the same document names, with the same stem
ending and at least :data:`MIN_LENGTH` letters, is that drug written wrongly (:mod:`.novel` folds it
in as a synonym, with its evidence).  Distinct names of drugs in use differ by more than one letter
at this length; shorter names (codes, brands) are never folded.

>>> one_edit("nofazilimab", "nofazinlimab"), one_edit("zorbatinib", "zorbatinib"), one_edit("zorbatinib", "zarbotinib")
(True, False, False)
>>> misspelled_drug("nofazilimab", {"nofazinlimab": "nofazinlimab"})
'nofazinlimab'

A misspelling that breaks the name's stem ("regorafinib" for "regorafenib") has no drug's form, so no other reader
sees it: :func:`misspelled_words` finds it in the prose by the document's own drug names.

>>> list(misspelled_words("Patients took regorafinib daily.", {"regorafenib": "regorafenib"}))
[('regorafinib', 14, 25, 'regorafenib')]
"""

from __future__ import annotations

import re
from typing import Iterator

#: The shortest name folded: "tiragolumab" (11) yes, a six-letter brand or code never.
MIN_LENGTH = 9


def one_edit(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one insertion, deletion or substitution apart (and not equal)?"""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    i = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[i:] == long_[i + 1:]


def misspelled_drug(name: str, named: dict[str, str]) -> str | None:
    """The key of the one drug the document names (``named``: its names, lower case, to keys) that
    ``name`` misspells, or None (none, or several)."""
    word = name.casefold()
    if len(word) < MIN_LENGTH or not word.isalpha():
        return None
    keys = {key for other, key in named.items()
            if len(other) >= MIN_LENGTH and _same_stem(word, other) and one_edit(word, other)}
    return keys.pop() if len(keys) == 1 else None


#: A name as long as this may lose (or double) a letter of its ending ("rivoceranb") when its first letters are the drug's.
LONG_NAME = 10
STEM_START = 6


def _same_stem(word: str, other: str) -> bool:
    """Do two names share the stem ending ("-tinib", "-lizumab"), or, for a long name, its first letters with a letter
    of the ending dropped or doubled ("rivoceranb")?  A letter of the ending changed may make another stem ("-mib" for
    "-mab"): no.

    >>> _same_stem("riboceranib", "rivoceranib"), _same_stem("rivoceranb", "rivoceranib"), _same_stem("quorvalimib", "quorvalimab")
    (True, True, False)
    """
    return other[-3:] == word[-3:] or (min(len(word), len(other)) >= LONG_NAME and len(word) != len(other)
                                       and word[:STEM_START] == other[:STEM_START])


WORD_RE = re.compile(r"\b[A-Za-z]{%d,}\b" % MIN_LENGTH)


def misspelled_words(text: str, named: dict[str, str]) -> Iterator[tuple[str, int, int, str]]:
    """Each word of ``text`` that misspells one drug the document names: (word, start, end, the drug's key)."""
    endings = {name[-3:] for name in named if len(name) >= MIN_LENGTH}
    starts = {name[:STEM_START] for name in named if len(name) >= LONG_NAME}
    for word in WORD_RE.finditer(text):
        folded = word.group().casefold()
        if (folded[-3:] in endings or folded[:STEM_START] in starts) and folded not in named \
                and (key := misspelled_drug(folded, named)):
            yield word.group(), word.start(), word.end(), key
