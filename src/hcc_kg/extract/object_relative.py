"""Drug acts on target, shapes that give the target list as an object named apart from the verb.

====================  ==========================================================
drug-object-relative  "the kinases that X inhibits are A, B", "targets blocked by X include A", "X's targets are A",
                      "X has several targets, including A and B",
                      "X, a TKI whose targets include A", "its mode of action is blocking kinases such as A"
drug-is-cue-target    "X is a multikinase inhibitor (A, B, C)": a class noun said of X, then its targets in brackets
drug-possessed-targets "its targets, namely A and B", "X's targets (A, B)": read on the noun phrase alone
====================  ==========================================================

Split from :mod:`.mechanisms` (which runs every shape over a sentence's units and target lists); also
:func:`without_class_abbreviations`, which drops a target standing inside a class's own abbreviation.
"""

from __future__ import annotations

import re
from typing import Iterator

from .shape_reading import Reading, readings
from .subjects import units_before
from .target_lists import TargetList
from .targets import Unit


# "The kinases that X inhibits are A and B", "Targets blocked by X include A": the list is the object.
RELATIVE_VERB = r"(?:inhibit|target|block|bind|antagoni[sz]e)"
OBJECT_RELATIVE_BEFORE = re.compile(rf"(?:\b(?:that|which)\s+|\b{RELATIVE_VERB}e?d\s+(?P<by>by)\s+)$", re.IGNORECASE)
OBJECT_RELATIVE_AFTER = re.compile(rf"^[\s)]*(?:(?:also|directly|potently|mainly)\s+)?(?P<verb>{RELATIVE_VERB}s?(?:\s+to)?\s+)?"
                                   r"(?:are|include|includes|included|comprise|were)\s*:?\s*(?:the\s+)?$", re.IGNORECASE)


# "X's targets include A and B", "The targets of X are A", "X's mechanism of action is blockade of T".
# "the mechanism-of-action of X involves targeting the T", "its mechanism of action relies on precise targeting of T".
# Up to two modifiers of any kind ("its angiogenesis targets", "the multiple molecular targets of X"), except those
# that make the targets another's or uncertain.
TARGETS_NOUN = (r"(?:(?!(?:downstream|upstream|potential|possible|putative|candidate|proposed|hypothetical|new|novel|future|"
                r"other|further|therapeutic|drug|treatment)\b)[\w-]+\s+){0,2}(?:targets?|(?:mechanism|mode)[\s-]+of[\s-]+action)")
TARGETS_ARE = (r"\s+(?:include[sd]?|are|is|comprises?|were|was|involves?|(?:relies|rely|depends|depend|is\s+based)\s+on)\s*:?\s*"
               r"(?:the\s+)?(?:(?:(?:precise|selective|specific|direct|potent)\s+)?(?:inhibition|blockade|antagonism|targeting|degradation)"
               r"\s+of\s+(?:the\s+)?|(?:targeting|inhibiting|blocking|degrading)\s+(?:the\s+)?)?"
               # "is blocking kinases such as A and B": a category, then its members
               r"(?:(?:signal(?:l?ing)?\s+)?(?:pathways?|kinases?|receptors?)\s*,?\s*(?:such\s+as|including|e\.g\.,?)\s+)?"
               r"(?:[^,;:()]{3,60}\(\s*)?$")  # "... the A3 adenosine receptor (A3AR)": a full name, then the symbol
OWNED_TARGETS = re.compile(rf"^\s*['’]s\s+{TARGETS_NOUN}{TARGETS_ARE}", re.IGNORECASE)
TARGETS_OF = re.compile(rf"(?:^|[,;:]\s*|\b(?:The|the)\s+){TARGETS_NOUN}\s+of\s+$", re.IGNORECASE)
TARGETS_OF_AFTER = re.compile(rf"^[\s)]*{TARGETS_ARE}", re.IGNORECASE)
# ... or the list in apposition right after the drug, in brackets or after a colon, perhaps behind its category: "the
# molecular targets of X (the serine/threonine kinase A and B)", "Targets of X: A, B".
TARGETS_OF_APPOSED = re.compile(r"^\s*[:(]\s*(?:the\s+)?(?:[\w/-]+\s+){0,3}?$", re.IGNORECASE)


# "X, a multi-targeted TKI whose targets include A and B": the appositive's relative clause names X's targets.
# "X has multiple targets, including A and B", "It has several targets: A and B": the drug owns the listed targets.
# ("It has ...": the pronoun's stand-in is a zero-width drug before "It"; "X may also have ...": hedged by the clause)
HAS_TARGETS = re.compile(r"^[\s)]*(?:(?-i:It|They)\b)?(?:,[^,;]{1,90},)?(?:\s+(?:may|might|could|also|likely))*"
                         r"\s+(?:has|have|had|possess(?:es|ed)?)\s+(?:(?:multiple|several|many|numerous|"
                         r"various|two|three|four|five|a\s+(?:number|range|variety)\s+of)\s+)?(?:(?:kinase|molecular|known)\s+)?"
                         r"targets\s*(?:[,:(—–]\s*)?(?:(?:namely|including|such\s+as|e\.g\.,?|i\.e\.,?)\s*)?(?:the\s+)?$",
                         re.IGNORECASE)
WHOSE_TARGETS = re.compile(rf"^[\s)]*,\s*(?:(?:an?|the|another)\s+[^,;:()]{{1,80}}?\s+)?whose\s+{TARGETS_NOUN}{TARGETS_ARE}",
                           re.IGNORECASE)


# "X is a small molecule ...; its targets include A": "its" stands for the one drug named before it.
ITS_TARGETS = re.compile(rf"\b(?:its|Its)\s+{TARGETS_NOUN}{TARGETS_ARE}")
# "its targets, namely A and B", "X's targets (A, B)", "its targets: A and B": the list in apposition to a
# possessed noun.  The noun phrase presupposes that they are X's targets, whatever the clause says of them
# ("the effect is thought to come from its targets, namely A"): read on the phrase (NOUN_PHRASE_SHAPES).
APPOSED_LIST = r"\s*(?:[,:(—–]|\s-\s)\s*(?:(?:namely|i\.e\.|that\s+is|including|such\s+as|e\.g\.)\s*,?\s*)?(?:the\s+)?$"
POSSESSED_TARGETS = "drug-possessed-targets"
ITS_TARGETS_APPOSED = re.compile(rf"\b(?:its|Its)\s+{TARGETS_NOUN}{APPOSED_LIST}")
OWNED_TARGETS_APPOSED = re.compile(rf"^\s*['’]s\s+{TARGETS_NOUN}{APPOSED_LIST}", re.IGNORECASE)


def _owner_of_targets(text: str, found: list[Unit], tlist: TargetList) -> Unit | None:
    """The drug whose targets the list is: "X's targets include", "the targets of X are", "X ...; its targets are",
    "X, a TKI whose targets include", "X has multiple targets, including"."""
    previous = units_before(found, tlist.start)
    if previous and previous[-1].kind == "drug":
        drug, gap = previous[-1], text[previous[-1].end:tlist.start]
        if OWNED_TARGETS.match(gap) or WHOSE_TARGETS.match(gap) or HAS_TARGETS.match(gap) or (TARGETS_OF.search(text[:drug.start]) and TARGETS_OF_AFTER.match(gap)):
            return drug
    its = ITS_TARGETS.search(text, 0, tlist.start)
    drugs = [u for u in units_before(found, its.start()) if u.kind == "drug"] if its else []
    return drugs[-1] if drugs and len({u.keys for u in drugs}) == 1 and its.end() == tlist.start else None


def _possessor_of_apposed(text: str, found: list[Unit], tlist: TargetList) -> tuple[Unit, int] | None:
    """The drug and the start of "its targets, namely" / "X's targets (" / "the targets of X (" right before ``tlist``."""
    previous = units_before(found, tlist.start)
    if previous and previous[-1].kind == "drug" and OWNED_TARGETS_APPOSED.match(text[previous[-1].end:tlist.start]):
        return previous[-1], previous[-1].start
    if previous and previous[-1].kind == "drug" and TARGETS_OF_APPOSED.match(text[previous[-1].end:tlist.start]) \
            and (targets_of := TARGETS_OF.search(text, 0, previous[-1].start)) is not None:
        return previous[-1], targets_of.start()
    its = ITS_TARGETS_APPOSED.search(text, 0, tlist.start)
    drugs = [u for u in units_before(found, its.start()) if u.kind == "drug"] if its else []
    if drugs and len({u.keys for u in drugs}) == 1 and its.end() == tlist.start:
        return drugs[-1], its.start()
    return None


def drug_possessed_targets(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"... its targets, namely A, B and C", "X's targets (A, B)": the drug's targets, named in apposition."""
    for tlist in lists:
        possessor = _possessor_of_apposed(text, found, tlist)
        if possessor is not None:
            drug, start = possessor
            for unit in tlist.units:
                yield from readings(drug, unit, POSSESSED_TARGETS, start, unit.end)


def drug_object_relative(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"The RTKs that X inhibits are A, B and C", "Kinases targeted by X include A and B", "X's targets are A"."""
    for tlist in lists:
        owner = _owner_of_targets(text, found, tlist)
        if owner is not None:
            for unit in tlist.units:
                yield from readings(owner, unit, "drug-object-relative", owner.start, unit.end)
            continue
        previous = units_before(found, tlist.start)
        if not previous or previous[-1].kind != "drug":
            continue
        drug = previous[-1]
        before = OBJECT_RELATIVE_BEFORE.search(text[:drug.start])
        after = OBJECT_RELATIVE_AFTER.match(text[drug.end:tlist.start])
        if before is None or after is None or bool(before.group("by")) == bool(after.group("verb")):
            continue  # "that X inhibits are" needs the verb after X; "inhibited by X include" before it
        for unit in tlist.units:
            yield from readings(drug, unit, "drug-object-relative", before.start(), unit.end)


# "X is a multikinase inhibitor (VEGFR1-3, PDGFRB, RET)", "X, a TKI (targets: A, B)": a class noun said of X, then a
# parenthesis holding nothing but the targets it acts on.
CLASS_HEAD = r"(?:inhibitors?|TKIs?|MKIs?|(?:ant)?agonists?|blockers?)"
CLASS_THEN_PARENTHESIS = re.compile(
    # the copula may carry a hedge or a negation ("may be", "is not"): epistemics reads it on the span
    rf"^[\s)]*(?:(?:,\s*|\s+(?:(?:may|might|could)\s+be|is|was|acts\s+as|represents)(?:\s+(?:not|also))?\s+)"
    rf"(?:an?|the|another)\s+|\s*:\s*(?:an?\s+)?)"  # or a profile's colon: "X: oral multikinase inhibitor (A, B)"
    rf"(?:[\w-]+\s+){{0,4}}?{CLASS_HEAD}"
    r"\s*\(\s*(?:(?:targets?|targeting|against|of|e\.g\.,?|i\.e\.,?|including)\s*:?\s*)?$", re.IGNORECASE)


def drug_class_parenthesis(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"X, a multikinase inhibitor (A, B and C)": the bracketed list names what the class noun said of X acts on."""
    for tlist in lists:
        previous = units_before(found, tlist.start)
        if not previous or previous[-1].kind != "drug" or not re.match(r"\s*\)", text[tlist.end:]):
            continue
        drug = previous[-1]
        if CLASS_THEN_PARENTHESIS.match(text[drug.end:tlist.start]):
            for unit in tlist.units:
                yield from readings(drug, unit, "drug-is-cue-target", drug.start, tlist.end)


def drug_parenthesised_targets(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"inhibitors include X (A), Y (B) and Z (C, D)": each drug with a parenthesis holding nothing but targets,
    two drugs or more in a row, a list of what each acts on (one such parenthesis alone may gloss anything)."""
    pairs = []
    for tlist in lists:
        previous = units_before(found, tlist.start)
        if previous and previous[-1].kind == "drug" and re.fullmatch(r"\s*\(\s*", text[previous[-1].end:tlist.start]) \
                and re.match(r"\s*\)", text[tlist.end:]):
            pairs.append((previous[-1], tlist))
    if len({drug.keys for drug, _ in pairs}) < 2:
        return
    for drug, tlist in pairs:
        for unit in tlist.units:
            yield from readings(drug, unit, "drug-parenthesised-target", drug.start, text.find(")", tlist.end) + 1)


# "a VEGFR2 tyrosine kinase inhibitor (VEGFR2-TKI) X": the parenthesis abbreviates the class noun before it; the
# target inside it is no second object, and it would stand between the class noun and the drug the noun heads.
CLASS_ABBREVIATION = re.compile(r"\b(?:inhibitors?|TKIs?|MKIs?|antibod(?:y|ies)|mAbs?)\s*"
                                r"(?P<abbr>\(\s*[^()\s]{1,12}?[- ]?(?:TKIs?|MKIs?|mAbs?|inhibitors?)\s*\))", re.IGNORECASE)


def without_class_abbreviations(text: str, found: list[Unit]) -> list[Unit]:
    """The units, less the targets that sit inside a class noun's own abbreviation."""
    spans = [m.span("abbr") for m in CLASS_ABBREVIATION.finditer(text)]
    return [u for u in found if u.kind == "drug" or not any(a <= u.start and u.end <= b for a, b in spans)]
