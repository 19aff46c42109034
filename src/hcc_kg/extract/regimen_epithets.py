"""A two-drug regimen named by the classes of its drugs: "the T inhibitor and U inhibitor combination".

News items name a regimen once ("X plus Y") and then by what its drugs act on ("the second rejection for the
PD-1 inhibitor and VEGFR inhibitor combination"), or give both at once ("the anti-T and anti-U combination of X
and Y").  Each class is one drug's:

* the regimen right after the phrase ("... combination of X and Y", "... (X plus Y)"): in the order written, as
  :mod:`.combination_glosses` reads a gloss;
* a regimen named before it (in the sentence, or in one of the two before): only by what each drug can be, so that
  the text's order is not guessed.  A checkpoint or a growth factor is bound by an antibody, a kinase by a small
  molecule or an antibody; the classes are read only when exactly one pairing fits (an antibody with a kinase
  inhibitor is told apart; two antibodies are not).

The phrase is a noun phrase: what the sentence says of the regimen (rejected, delayed) does not hedge what its
drugs act on.
"""

from __future__ import annotations

import re
from itertools import permutations
from typing import Iterable, Iterator

from ..model import Assertion
from .analysis import AnalysedDocument
from .approval_agents import combined
from .combination_glosses import DRUG_GLUE
from .mechanism_cues import HEAD, TARGET_SUFFIX
from .mechanisms import reading_assertion
from .registry import EXTRACTORS
from .shape_reading import Reading, readings
from .target_lists import TargetList, target_lists
from .targets import Unit, units

NAME = "regimen-epithet"
# The phrase opens with an article, perhaps "anti-" before the first class: "the (anti-)T ..."
OPENS = re.compile(r"\b(?:the|this|that|a|an)\s+(?:anti-?\s*)?$", re.IGNORECASE)
# ... its two classes joined: "T inhibitor and U", "anti-T plus anti-U", "T and U" (one head noun for both)
CLASS_JOIN = re.compile(rf"^[\s)]*(?:{TARGET_SUFFIX}[\s-]+)?(?:{HEAD}\s*)?(?:and|plus|\+|with)\s+(?:an?\s+|the\s+)?(?:anti-?\s*)?$",
                        re.IGNORECASE)
# ... and it ends in a noun for a regimen: "... inhibitor combination", "... -based regimen", "... doublet"
REGIMEN_NOUN = re.compile(rf"^[\s)]*(?:{TARGET_SUFFIX}[\s-]+)?(?:{HEAD}[\s-]+)?(?:-?based\s+)?"
                          r"(?:combination|regimen|doublet|pairing|combo)\b", re.IGNORECASE)
# The regimen right after: "... combination of X and Y", "... combination, X plus Y,", "... combination (X + Y)"
REGIMEN_AFTER = re.compile(r"^\s*(?:therapy\s+|treatment\s+)?(?:of\s+|,\s*|\(\s*|:\s*)$", re.IGNORECASE)
ANTIBODY_ONLY = ("ImmuneCheckpoint", "GrowthFactor")  # what a small molecule does not bind


def _class_pairs(text: str, lists: list[TargetList]) -> Iterator[tuple[Unit, Unit, int, int]]:
    """(first class, second class, where the phrase opens, where its noun ends) for each "the T inhibitor and U
    inhibitor combination" (two lists of one target) or "the anti-T and anti-U combination" (one list of two) of
    the sentence."""
    candidates = [(t, t, t.units[0], t.units[1]) for t in lists if len(t.units) == 2] + \
        [(a, b, a.units[0], b.units[0]) for a, b in zip(lists, lists[1:]) if len(a.units) == len(b.units) == 1]
    for first_list, last_list, first, second in candidates:
        opened = OPENS.search(text[:first_list.front])
        noun = REGIMEN_NOUN.match(text[last_list.end:])
        if opened and noun and CLASS_JOIN.match(text[first.end:second.front]):
            yield first, second, opened.start(), last_list.end + noun.end()


def _pair_after(text: str, found: list[Unit], end: int) -> list[Unit]:
    """The two drugs of a regimen named right after the phrase, in order; [] when none."""
    drugs = [u for u in found if u.start >= end and u.kind == "drug"][:2]
    if len(drugs) == 2 and REGIMEN_AFTER.match(text[end:drugs[0].start]) \
            and DRUG_GLUE.fullmatch(text[drugs[0].end:drugs[1].start]) and drugs[0].keys != drugs[1].keys:
        return drugs
    return []


def _pair_before(doc: AnalysedDocument, index: int, start: int) -> list[Unit]:
    """The last two-drug regimen (as :func:`.approval_agents.combined` reads one: "X plus Y", "X in combination with
    Y", "the combination of X and Y", not two drugs compared) named before ``start`` in the sentence, else in the two
    sentences before it; [] when none."""
    for back in range(index, max(-1, index - 3), -1):
        sent = doc.sentences[back]
        pairs = [group for _, group in combined(doc, sent) if len({m.key for m in group}) == 2 == len(group)
                 and (back < index or sent.local(group[-1])[1] <= start)]
        if pairs:
            return [Unit("drug", (m.key,), *sent.local(m), m) for m in pairs[-1]]
    return []


def _fits(doc: AnalysedDocument, drug: Unit, target: Unit) -> bool:
    """Can this drug be the one acting on this target, by what it is (an antibody, a small molecule)?"""
    entity = doc.vocabulary[drug.keys[0]]
    needs_antibody = any(doc.vocabulary[key].has_type(*ANTIBODY_ONLY) for key in target.keys)
    return entity.has_type("MonoclonalAntibody") or (entity.has_type("SmallMolecule") and not needs_antibody)


def _by_kind(doc: AnalysedDocument, drugs: list[Unit], classes: list[Unit]) -> list[tuple[Unit, Unit]]:
    """The one pairing of drugs with classes each drug's kind allows; [] when none or several do."""
    fitting = [list(zip(order, classes)) for order in permutations(drugs)
               if all(_fits(doc, drug, target) for drug, target in zip(order, classes))]
    return fitting[0] if len(fitting) == 1 else []


def _readings(doc: AnalysedDocument, index: int) -> Iterator[Reading]:
    sent = doc.sentences[index]
    found = units(doc, sent)
    for first, second, start, end in _class_pairs(sent.text, target_lists(sent.text, found)):
        classes = [first, second]
        after = _pair_after(sent.text, found, end)
        pairs = list(zip(after, classes)) if after else _by_kind(doc, _pair_before(doc, index, start), classes)
        for drug, target in pairs:
            subject = drug if after else Unit("drug", drug.keys, start, start, drug.mention)  # it stands at the phrase
            yield from readings(subject, target, NAME, start, end)


@EXTRACTORS.register(NAME)
def regimen_epithet_statements(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Drug → target from a regimen named by the classes of its two drugs."""
    for index, sent in enumerate(doc.sentences):
        for found in _readings(doc, index):
            yield reading_assertion(doc, sent, found)
