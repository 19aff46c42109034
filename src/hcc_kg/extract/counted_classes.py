"""Drug→target shape: a counted class, then as many drugs listed after a colon.

====================  ==========================================================
target-head-drug      "four T drugs in 2019: A, B, C and D", "three anti-T agents: Maker Inc.'s A, B and C"
====================  ==========================================================

The count the list fills lets even a weak head noun ("drugs", "agents"), which alone names no action, hand the class
on to its members; business news writes each member after its maker's name.  Split from :mod:`.target_first`.
"""

from __future__ import annotations

import re
from typing import Iterator

from .mechanism_cues import NUMBER_WORDS
from .shape_reading import Reading, readings
from .target_lists import TargetList
from .targets import Unit

# A list item's maker, as business news writes it: "Maker & Co. Inc.'s A" (its words capitalised).
MAKER = r"(?-i:(?:(?:[A-Z][\w&.-]*|&)\s+){0,5}[A-Z][\w&.-]*)['’]s\s+"
# "four T drugs in 2019: A, B, C and D": a counted class, a few words, a colon, then exactly as many drugs listed; the
# count that the list fills lets even a weak head noun ("drugs", "agents") name its members' target.
COUNT_BEFORE_RE = re.compile(r"\b(?P<count>two|three|four|five|six|seven|eight|nine|ten|[2-9])\s+$", re.IGNORECASE)
COUNTED_HEAD_RE = re.compile(r"[\s-]*(?:drugs?|agents?|medicines?|therap(?:y|ies)|immunotherap(?:y|ies)|inhibitors?|"
                             rf"antibod(?:y|ies)|blockers?)\b[^:;.()]{{0,30}}:\s*(?:{MAKER})?$", re.IGNORECASE)


def counted_class_list(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"four T drugs in 2019: A, B, C and D", "three anti-T agents: A, B and C": each listed drug acts on T, when the
    list holds exactly as many drugs as the count says."""
    for tlist in lists:
        following = [u for u in found if u.start >= tlist.end]
        count = COUNT_BEFORE_RE.search(text, max(0, tlist.start - 12), tlist.start)
        if not following or following[0].kind != "drug" or count is None \
                or not COUNTED_HEAD_RE.match(text, tlist.end, following[0].start):
            continue
        drugs = _listed_items(text, found, following[0])
        number = count.group("count").lower()
        if len(drugs) != (int(number) if number.isdigit() else NUMBER_WORDS[number]):
            continue
        for drug in drugs:
            for unit in tlist.units:
                yield from readings(drug, unit, "target-head-drug", count.start(), drug.end)


_MAKER_RE = re.compile(MAKER + "$")
_ITEM_GLUE_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _listed_items(text: str, found: list[Unit], first: Unit) -> list[Unit]:
    """The drugs of the list the sentence (or its clause) closes with from ``first`` on: items parted by commas and
    "and", each one drug, perhaps after its maker's name ("Maker Inc.'s A"); [] when an item is anything else."""
    semicolon = text.find(";", first.start)
    stop = semicolon if semicolon >= 0 else len(text.rstrip().rstrip("."))  # (the list closes the sentence)
    lead = text.rfind(":", 0, first.start) + 1
    drugs = [u for u in found if u.kind == "drug" and lead <= u.start < stop]
    items, at = [], lead
    for glue in [*_ITEM_GLUE_RE.finditer(text, lead, stop), None]:
        item = (at, glue.start() if glue else stop)
        inside = [u for u in drugs if item[0] <= u.start < item[1]]
        before = text[item[0]:inside[0].start] if len(inside) == 1 else None
        if before is None or text[inside[0].end:item[1]].strip() or not (not before.strip() or _MAKER_RE.search(before)):
            return []
        items.append(inside[0])
        at = glue.end() if glue else stop
    return items
