"""Drug names cut short without a definition: "NIVO + IPI", "atezo/bev", "9.1 months for pembro vs 7.0 for placebo".

Tables and congress abstracts clip a drug's name to its first letters once the name has been given in full,
and do not always define the clipped form in parentheses (that case is :mod:`.abbreviations`'s).  A word is
read as such a clipped name, in the case written and from its first such use on, when

- it is the first three letters or more of a drug's name as the document writes it in full earlier on, with
  at least three letters cut, and the start of no other drug's name there;
- it is no name in the vocabulary, no clinical abbreviation (the stoplist), no unit, no trial of the document;
- three letters are read only in capitals or capitalised ("IPI", "Bev"), as a word of three is too short to
  tell from an English one otherwise;
- it stands where an arm's name stands: beside "vs"/"versus", or joined by "+", "/", a hyphen or "plus" to
  a drug, a placebo or another clipped name.

>>> [m.group(0) for m in _WORD.finditer("NIVO+IPI; atezo-bev, 3.1 vs 2.0")]
['NIVO', 'IPI', 'atezo', 'bev']
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from ..vocab import DRUG_TYPES
from .abbreviations import Definition, free_short_form
from .analysis import AnalysedDocument

EXTRACTOR = "clipped-names"
_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{3,12}(?![A-Za-z0-9])")
#: The glue between a clipped name and the drug (or clipped name) it is joined to.
_JOIN = r"\s*(?:[+/\-–]|\bplus\b)\s*"
_COMPARED_BEFORE = re.compile(r"\b(?:vs\.?|versus)\s*$", re.IGNORECASE)
_COMPARED_AFTER = re.compile(r"^\s*(?:vs\b\.?|versus\b)", re.IGNORECASE)
_JOINED_BEFORE = re.compile(rf"(?P<word>[A-Za-z][\w-]*?){_JOIN}$")
_JOINED_AFTER = re.compile(rf"^{_JOIN}(?P<word>[A-Za-z][\w]*)")
_LEAST_CUT = 3


# A word where an arm's name stands: before "vs", "+", "/", a hyphen or "plus", or after one of them.
_ARM_WORD = re.compile(r"(?<![A-Za-z0-9])(?P<before>[A-Za-z]{3,12})(?=\s*(?:vs\b|versus\b|[+/\-–]|plus\b))|"
                       r"(?:\bvs\.?|\bversus|[+/\-–]|\bplus)\s*(?P<after>[A-Za-z]{3,12})(?![A-Za-z0-9])", re.IGNORECASE)


def _drug_words(doc: AnalysedDocument) -> list[tuple[str, int, str]]:
    """Each drug's name as the document writes it in one word (lower case), where first written, and its key."""
    first: dict[str, int] = {}
    for m in re.finditer(rf"(?<![A-Za-z0-9])[A-Za-z]{{{3 + _LEAST_CUT},}}(?![A-Za-z0-9])", doc.document.text):
        first.setdefault(m.group(0).lower(), m.start())
    out = []
    for name, at in first.items():
        key = doc.finder.lookup(name)
        if key is not None and doc.vocabulary[key].has_type(*DRUG_TYPES):
            out.append((name, at, key))
    return out


def _owner(drug_words: list[tuple[str, int, str]], word: str, at: int) -> str | None:
    """The one drug whose name, written in full before ``at``, the word starts with three letters or more cut."""
    if len(word) == 3 and word.islower():
        return None
    if not (word.islower() or word.isupper() or word.istitle()):
        return None
    low = word.lower()
    owners = {key for name, first, key in drug_words if first < at and name.startswith(low) and len(name) - len(low) >= _LEAST_CUT}
    return owners.pop() if len(owners) == 1 else None


def _stands_as_arm(text: str, match: re.Match, is_drug: Callable[[str], bool]) -> bool:
    """Beside "vs", or joined by "+", "/", a hyphen or "plus" to a drug or another clipped name."""
    before, after = text[max(0, match.start() - 40):match.start()], text[match.end():match.end() + 40]
    if _COMPARED_BEFORE.search(before) or _COMPARED_AFTER.match(after):
        return True
    joined = [m.group("word") for m in (_JOINED_BEFORE.search(before), _JOINED_AFTER.match(after)) if m]
    return any(is_drug(word) for word in joined)


def definitions(doc: AnalysedDocument, defined: list[Definition], regimen_shorts: Iterable[str] = ()) -> list[Definition]:
    """The clipped names the document uses for drugs it names in full, one per spelling, at its first use;
    not a short form the document defines itself (``defined``), nor a part of a regimen's short form it defines
    (``regimen_shorts``: "(Atezo/Bev)" names the combination, its uses are read as such)."""
    text = doc.document.text
    taken = {d.short for d in defined} | {part.lower() for short in regimen_shorts for part in _WORD.findall(short)}
    lookup = doc.finder.lookup
    drug_words = _drug_words(doc)
    if not drug_words:
        return []

    def is_drug(word: str, at: int) -> bool:
        key = lookup(word)
        return (key is not None and doc.vocabulary[key].has_type(*DRUG_TYPES, "Placebo")) \
            or (key is None and _owner(drug_words, word, at) is not None)

    found: dict[str, Definition] = {}
    for candidate in _ARM_WORD.finditer(text):
        group = "before" if candidate.group("before") else "after"
        word, start = candidate.group(group), candidate.start(group)
        if word in found or word in taken or word.lower() in taken or lookup(word) is not None:
            continue
        key = _owner(drug_words, word, start)
        match = _WORD.match(text, start)
        if key is None or match is None or not _stands_as_arm(text, match, lambda other: is_drug(other, len(text))) \
                or not free_short_form(word, doc, key):  # (the costly check last: it searches the text for a trial)
            continue
        found[word] = Definition(key, word, doc.vocabulary[key].label, start, start + len(word))
    return sorted(found.values(), key=lambda d: d.start)
