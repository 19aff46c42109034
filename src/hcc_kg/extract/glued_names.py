"""Names a page's table lost its cell borders between: "SorafenibVEGF 1-3, PDGF", "durvalumabCTLA-4", "PD-1NCT01234567",
"KITZENITH (NCT...)".  A space goes back where the vocabulary names the word on one side, so that the table readers
find both names (only in table rows and cells: :meth:`.analysis.AnalysedDocument.mentions_in`).

A cut is made where a lower-case letter meets a capital and the word before is a name of four letters or more
("Sorafenib|VEGF"), or the word after is one ("No|PD-1"); where a name ending in a digit meets a capital ("PD-1|NCT",
"PD-L1|ZENITH"); before a registry number glued to what precedes it; and inside a word of capitals the vocabulary
does not know and that ends a list (after a comma, "and", "plus", "+" or a glued word), after the longest name it
opens with, when five capitals or more follow ("RAF|SHARP", "KIT|ZENITH": a trial's acronym glued to the last
target).  A word the vocabulary knows whole ("mTOR", "VEGFR2") is left alone.

>>> names = {"sorafenib": "sorafenib", "vegf": "vegfa", "pd-1": "pdcd1", "raf": "raf", "kit": "kit"}
>>> lookup = lambda s: names.get(s.lower())
>>> with_glued_names_apart(MappedText.identity("SorafenibVEGF 1-3, RAFSHARP (x)"), lookup).text
'Sorafenib VEGF 1-3, RAF SHARP (x)'
>>> with_glued_names_apart(MappedText.identity("NoPD-1NCT01234567 and METHODS"), lookup).text
'No PD-1 NCT01234567 and METHODS'
"""

from __future__ import annotations

import re
from typing import Callable

from .normalize import MappedText

# A lower-case letter then a capital; a digit then a capital; a registry number glued to what precedes it.
CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")  # where a lower-case letter meets a capital
_DIGIT_CAPITAL_RE = re.compile(r"(?<=\d)(?=[A-Z])")
_REGISTRY_RE = re.compile(r"(?<=[\w)])(?=NCT\d{8}\b)")
# ... a word of capitals may follow a lower-case letter it is glued to, and carry a number ("RamucirumabVEGFRREACH-2")
_CAPITALS_RE = re.compile(r"(?:(?<![\w-])|(?<=[a-z]))[A-Z]{8,}(?=(?:-?\d{1,3})?(?![\w-]))")
_BEFORE_RE = re.compile(r"[A-Za-z][A-Za-z0-9-]*$")
_AFTER_RE = re.compile(r"[A-Z][A-Za-z]*(?:-?[A-Za-z]*\d+[a-z]?)?")  # "PD-1" of "PD-1NCT...", "PD-L1", "VEGFR1"
MIN_NAME = 4  # a name of fewer letters before a cut ("No", "Ab") is too likely a word's part


def with_glued_names_apart(mapped: MappedText, lookup: Callable[[str], str | None]) -> MappedText:
    """``mapped`` with a space where two names, or a name and a registry number, were glued (see the module)."""
    text = mapped.text
    cuts = {m.start() for m in _REGISTRY_RE.finditer(text)}
    cuts |= {m.start() for m in CAMEL_RE.finditer(text) if _glued_at(text, m.start(), lookup)}
    for m in _DIGIT_CAPITAL_RE.finditer(text):
        word = _word_before(text, m.start())  # (a name glued after another: "NivolumabPD-1|CheckMate")
        for before in [word, *(word[c.start():] for c in CAMEL_RE.finditer(word))]:
            if lookup(before) is not None and lookup(before + text[m.start():m.start() + 1]) is None:
                cuts.add(m.start())
    for m in _CAPITALS_RE.finditer(text):
        glued = m.start() > 0 and text[m.start() - 1].islower()  # (glued to a word: a short name is too likely a part)
        if lookup(m.group()) is None and listed_before(text, m.start()) \
                and (at := named_prefix(m.group(), lookup, MIN_NAME if glued else 3)):
            cuts.add(m.start() + at)
    return mapped.insert_at(sorted(cuts), " ") if cuts else mapped


def glued_inside(word: str, lookup: Callable[[str], str | None]) -> bool:
    """Were two names glued inside ``word`` where a lower-case letter meets a capital ("TKRsVEGFR-1", "SorafenibVEGF")?

    >>> lookup = lambda s: {"vegfr-1": "flt1", "mtor": "mtor"}.get(s.lower())
    >>> glued_inside("TKRsVEGFR-1", lookup), glued_inside("mTOR", lookup), glued_inside("CheckMate-459", lookup)
    (True, False, False)
    """
    return any(_glued_at(word, m.start(), lookup) for m in CAMEL_RE.finditer(word))


def _glued_at(text: str, at: int, lookup: Callable[[str], str | None]) -> bool:
    """Is the lower-case letter before ``at`` and the capital at it where two names meet: the word before is a name of
    MIN_NAME letters or more, or the one after is a name, and the two are no one name written in mixed case ("mTOR")?"""
    before, after = _word_before(text, at), _AFTER_RE.match(text, at)
    if lookup(before + (after.group() if after else "")) is not None:
        return False
    return (len(before) >= MIN_NAME and lookup(before) is not None) or (after is not None and lookup(after.group()) is not None)


def _word_before(text: str, at: int) -> str:
    found = _BEFORE_RE.search(text, max(0, at - 40), at)
    return found.group() if found else ""


# Before a word of capitals that ends a list of targets or agents: a comma, "and", "plus", "+", or a word glued to it
# ("..., RAFZENITH", "KIT and AXLZENITH", "A + TACEZENITH"); not "the CELESTIAL trial" (whatever "CEL" may name).
_LISTED_BEFORE_RE = re.compile(r"(?:,\s*|\b(?:and|plus)\s+|\+\s*|[a-z])$")


def listed_before(text: str, at: int) -> bool:
    """Does the word of capitals at ``at`` follow a list's comma, "and", "plus" or "+", or a word glued to it?"""
    return _LISTED_BEFORE_RE.search(text, max(0, at - 6), at) is not None


def named_prefix(word: str, lookup: Callable[[str], str | None], shortest: int = 3) -> int:
    """Where the longest name (of ``shortest`` letters or more) a word of eight capitals or more opens with ends, when
    five capitals or more follow it (0: none; "METHODS" is no "MET" glued to a name).

    >>> lookup = lambda s: {"raf": "raf"}.get(s.lower())
    >>> named_prefix("RAFZENITH", lookup), named_prefix("RAFZENITH".lower(), lookup), named_prefix("METHODS", lookup)
    (3, 0, 0)
    """
    if len(word) < 8 or not word.isupper():
        return 0
    return next((i for i in range(len(word) - 5, shortest - 1, -1) if lookup(word[:i]) is not None), 0)
