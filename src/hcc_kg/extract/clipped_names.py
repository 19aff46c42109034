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
from dataclasses import dataclass

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


@dataclass(frozen=True)
class _FullName:
    key: str
    name: str  # lower case, as first written
    end: int   # where the document first writes it


def _full_names(doc: AnalysedDocument) -> list[_FullName]:
    """Each drug's names as the document writes them, with where each is first written."""
    first: dict[tuple[str, str], int] = {}
    for mention in doc.keys_of_type(doc.mentions_in(0, len(doc.document.text)), *DRUG_TYPES):  # tables too
        name = mention.surface.lower()
        if name.isalpha() and len(name) >= 3 + _LEAST_CUT:
            first[(mention.key, name)] = min(first.get((mention.key, name), mention.end), mention.end)
    return [_FullName(key, name, end) for (key, name), end in sorted(first.items())]


def _owner(word: str, at: int, names: list[_FullName]) -> str | None:
    """The one drug whose name, written before ``at``, the word starts with three letters or more cut."""
    if len(word) == 3 and word.islower():
        return None
    if not (word.islower() or word.isupper() or word.istitle()):
        return None
    owners = {n.key for n in names if n.end <= at and n.name.startswith(word.lower())
              and len(n.name) - len(word) >= _LEAST_CUT}
    return owners.pop() if len(owners) == 1 else None


def _stands_as_arm(text: str, match: re.Match, is_drug) -> bool:
    """Beside "vs", or joined by "+", "/", a hyphen or "plus" to a drug or another clipped name."""
    before, after = text[max(0, match.start() - 40):match.start()], text[match.end():match.end() + 40]
    if _COMPARED_BEFORE.search(before) or _COMPARED_AFTER.match(after):
        return True
    joined = [m.group("word") for m in (_JOINED_BEFORE.search(before), _JOINED_AFTER.match(after)) if m]
    return any(is_drug(word) for word in joined)


def definitions(doc: AnalysedDocument, defined: list[Definition], regimen_shorts: list[str] = ()) -> list[Definition]:
    """The clipped names the document uses for drugs it names in full, one per spelling, at its first use;
    not a short form the document defines itself (``defined``), nor a part of a regimen's short form it defines
    (``regimen_shorts``: "(Atezo/Bev)" names the combination, its uses are read as such)."""
    names = _full_names(doc)
    if not names:
        return []
    text = doc.document.text
    taken = {d.short for d in defined} | {part.lower() for short in regimen_shorts for part in _WORD.findall(short)}
    lookup = doc.finder.lookup

    def is_drug(word: str) -> bool:
        key = lookup(word)
        return (key is not None and doc.vocabulary[key].has_type(*DRUG_TYPES, "Placebo")) \
            or any(n.name.startswith(word.lower()) for n in names)

    found: dict[str, Definition] = {}
    for match in _WORD.finditer(text):
        word = match.group(0)
        if word in found or word in taken or word.lower() in taken:
            continue
        key = _owner(word, match.start(), names)
        if key is None or not free_short_form(word, doc, key) or not _stands_as_arm(text, match, is_drug):
            continue
        long_form = next(n.name for n in names if n.key == key and n.name.startswith(word.lower()))
        found[word] = Definition(key, word, long_form, match.start(), match.end())
    return sorted(found.values(), key=lambda d: d.start)
