"""What every drug→target shape rule shares: the :class:`Reading` it yields and the small readers of
the words around a target list (the head noun after it, a parenthesis of drugs, a combination).

Shapes live in :mod:`.mechanisms` (the drug named first) and :mod:`.target_first` (the target first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..model import Mention
from .mechanism_cues import HEAD, STRONG_HEAD, TARGET_SUFFIX
from .subjects import MODIFIER
from .target_lists import TargetList
from .targets import Unit

# read from a phrase the clause presupposes: "may"/"not" in the clause ("By binding to T, X may ...") say nothing of it
NOUN_PHRASE_SHAPES = ("drug-appositive", "target-head-drug", "target-such-as-drug", "fronted-means",
                      "target-parenthesised-drug", "combination-gloss", "drug-possessed-targets", "epithet",
                      "cells-named-by-target")


@dataclass(frozen=True)
class Reading:
    """One drug→target statement: which shape read it, and the local span it covers."""

    drug: Unit
    target: Unit
    key: str
    shape: str
    start: int
    end: int
    #: one of every drug × every target of "X and Y target A and B" (as many drugs as targets, no
    #: "respectively" or "both"): the text may mean the i-th drug's i-th target only
    crossed: bool = False

    @property
    def is_noun_phrase(self) -> bool:
        """Read from a noun phrase ("X, a T inhibitor,"): the clause around it says nothing of it."""
        return self.shape in NOUN_PHRASE_SHAPES


def readings(drug: Unit, unit: Unit, shape: str, start: int, end: int) -> Iterator[Reading]:
    """One reading per key of the target unit (a family expanded into members gives one each)."""
    for key in unit.keys:
        yield Reading(drug, unit, key, shape, start, max(end, start))


def phrase_readings(sent, drug_key: str, tlist: TargetList, start: int, end: int, shape: str) -> Iterator[Reading]:
    """A drug the sentence names only by a phrase (``sent.text[start:end]``: "the T inhibitor" naming a titled drug
    back, "an antibody against" naming one introduced): the phrase as the drug's mention, a reading per target, each
    up to the later of the phrase's end and the target's."""
    s, e = sent.sentence.mapped.original_span(start, end)
    subject = Unit("drug", (drug_key,), start, start, Mention(s, e, drug_key, sent.text[start:end]))
    for unit in tlist.units:
        yield from readings(subject, unit, shape, start, max(end, unit.end))


def head_after(text: str, tlist: TargetList, limit: int, tail: str) -> re.Match | None:
    """The head noun after a target list ("T bispecific antibody", "T-targeted TKI") and ``tail``."""
    pattern = (rf"^[\s)]*(?P<suffix>{TARGET_SUFFIX})(?:[\s-]+{MODIFIER}){{0,3}}?[\s-]+(?P<head>{HEAD})"
               rf"(?:\s*\([A-Za-z0-9-]{{2,14}}\))?{tail}")  # "inhibitors (TKIs), such as X"
    found = re.match(pattern, text[tlist.end:limit], re.IGNORECASE)
    if found is None:
        return None
    names_action = STRONG_HEAD.match(found.group("head")) or tlist.anti_start is not None \
        or found.group("suffix").strip()
    return found if names_action else None


def parenthesised_drugs(text: str, found: list[Unit], first: Unit) -> list[Unit]:
    """The drugs of a parenthesis that holds nothing but a list of drugs: "(X, Y and Z)"."""
    close = text.find(")", first.end)
    if close < 0:
        return []
    drugs = [u for u in found if first.start <= u.start and u.end <= close + 1]
    if any(u.kind != "drug" for u in drugs):
        return []
    gaps = [text[a.end:b.start] for a, b in zip(drugs, drugs[1:])] + [text[drugs[-1].end:close]]
    return drugs if all(re.fullmatch(r"[\s,]*(?:(?:and|or)\s+)?", gap) for gap in gaps) else []


COMBINED_GLUE = re.compile(r"[\s)]*(?:\+|plus|in combination with|combined with|together with|and)\s*(?:\(\s*)?", re.IGNORECASE)


def combination_ending(text: str, found: list[Unit], last: Unit) -> list[Unit]:
    """The drugs of a combination that ends with ``last`` ("X plus Y", "X + Y"), in the order written."""
    drugs = [u for u in found if u.kind == "drug" and u.end <= last.start]
    group = [last]
    while drugs and COMBINED_GLUE.fullmatch(text[drugs[-1].end:group[0].start]):
        group.insert(0, drugs.pop())
    return group


def combined_next(text: str, following: list[Unit]) -> bool:
    """The drug after "blockade with" is one of a combination ("with X plus Y", "with X + Y")."""
    return len(following) > 1 and following[1].kind == "drug" \
        and bool(COMBINED_GLUE.fullmatch(text[following[0].end:following[1].start]))
