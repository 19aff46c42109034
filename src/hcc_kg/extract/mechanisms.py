"""Drug acts on target: shape rules over the drugs and target lists of one sentence.

A sentence is read as a sequence of *units*: drugs (a brand in parentheses merged into
its drug) and targets (an abbreviation in parentheses merged, numbered or Greek series
expanded, "L receptor" read as the receptor).  Targets joined by list glue form a *target
list*.  Each rule reads one grammatical shape around a target list and is named after it
(the ``extractor`` on the evidence):

====================  ==========================================================
drug-verb-target      "X (does not) inhibit(s)/block(s)/bind(s) to/target(s) A, B", "the benefit of X is due to its inhibition of A"
drug-is-cue-target    "X, a small-molecule inhibitor of A", "X is an MKI of A and B", "X: multikinase inhibitor (A, B)"
drug-appositive       "X, an anti-T antibody", "X (a T inhibitor)", "X is a T/U bispecific antibody",
                      "A selective inhibitor of T, X ..." (a fronted appositive)
target-head-drug      "the T inhibitor X", "anti-T antibody X", "the T-targeted TKI X"
target-such-as-drug   "anti-T antibodies such as X and Y", "inhibitors of T, including X", "drugs that target T, such as X"
target-by-drug        "inhibition of T by X", "binding of X to T"
target-passive-drug   "MET is targeted by X", "T, which is inhibited by X", "T is the target of X"
drug-object-relative  "the kinases that X inhibits are A, B", "targets blocked by X include A"
drug-possessed-targets  "its targets, namely A and B", "X's targets (A, B)"
target-parenthesised-drug  "targets A (X) and B (Y)", "anti-A (X) or anti-B (Y)"
fronted-means         "By binding to T, X ...", "Through its inhibition of A and B, X ..."
drug-parenthesised-target  "inhibitors include X (A), Y (B) and Z (C)" (two drugs or more so glossed)
combination-gloss     "X plus Y (anti-A plus anti-B)", "a A and a B inhibitor (X plus Y)": the i-th drug, the i-th target
drug-activity-attributed  "the activity of X is (not) due to T inhibition", "X's effects are independent of T"
drug-has-target-activity  "X has potent T inhibitory activity", "X, an inhibitor with pan-T activity"
====================  ==========================================================

Every reading carries the polarity and certainty :func:`epistemics.reading` gives the
words from the drug to the target, so "X did not inhibit T" and "X may inhibit T" are kept
but never made facts.  A pair the document itself denies ("X, a T inhibitor, ...; the activity of X is
not due to T inhibition") is stated nowhere in it as a fact: its positive readings there are kept as hedged.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Iterator

from ..model import Assertion, Mention
from . import action_direction as direction, ligand_receptor
from .activity_attribution import contested_within, drug_activity_attributed, effect_denials
from .analysis import AnalysedDocument, AnalysedSentence
from .combination_glosses import (combination_gloss, crossed_coordination, gloss_before_regimen, glossed_run, regimen_gloss,
                                  regimen_subject,
                                  times_crossed_arms)
from .coordinated_descriptions import coordinated_readings
from .epistemics import HEDGED, presented_then_turned, reading
from .fusion_parts import drug_parts
from .mechanism_cues import (BINDING_VERB, BOUND_THEN_STOPPED, CATEGORY_DASH, CATEGORY_FILLER, CHAIN_GAP, COLON_FILLER, COORDINATED_VERB, COUNTED_CATEGORY, CUE,
                             DESCRIBED_CATEGORY_NEXT, DOWNSTREAM_OF, EFFECTS_OF, FILLER, FULL_NAME_FILLER, HEAD, INTERACTION_OF, KEPT_FROM, LIST_GOES_ON,
                             MORE_OF_THE_SAME, NUMBER_WORDS, OBJECT_HEAD_THEN_AND, OWN_BINDING, CATEGORY_PURPOSE, CATEGORY_MEMBERS_NEXT,
                             OWN_PARTNER_AFTER, PARTNER, PLURAL_HEAD, POSITIONED_THEN_AND, PREVENTED_VERB, PRODUCT_OF_GENE, RELATIVE_ASIDE_THEN_AND,
                             RESPECTIVELY, TARGET_SUFFIX, unbracketed)
from .mechanism_subjects import BOTH_START, THESE_START, sentence_subjects
from .object_relative import (drug_class_parenthesis, drug_object_relative, drug_parenthesised_targets,
                              drug_possessed_targets, without_class_abbreviations)
from .reading_filters import sentence_filter
from .registry import EXTRACTORS
from .sentences import action_predicate, evidence_span
from .shape_reading import Reading, combination_ending, head_after, readings
from .subjects import (PLURAL_APPOSITIVE, PRONOUN_START, coordinated_drugs, defining_start, is_appositive_gap,
                       subject_before, units_before)
from .counted_classes import counted_class_list
from .target_first import (fronted_appositive, fronted_means, target_by_drug, target_head_drug,
                           target_parenthesised_drug, target_passive_drug, target_such_as_drug)
from .target_activity import drug_has_target_activity
from .target_lists import TargetList, target_lists
from .targets import Unit, units


def _fills(text: str, cue: re.Match, tlist: TargetList) -> bool:
    """The words between a cue and a target list let the cue govern the list."""
    gap = text[cue.end():tlist.start]
    if cue.group("verb") and COORDINATED_VERB.match(gap):
        return True
    if cue.group("verb") and BINDING_VERB.match(cue.group("verb")) and BOUND_THEN_STOPPED.match(gap):
        return True  # "binds to and blocks the activation of T"
    if cue.group("verb") and PREVENTED_VERB.match(cue.group("verb")) and KEPT_FROM.match(text[tlist.end:]):
        return False  # "prevents A from binding B": A may be the target or its partner
    spelled_out = FULL_NAME_FILLER.match(gap) and re.match(r"\s*[);]", text[tlist.units[0].end:])
    if spelled_out:  # "against the PD-1 ligand 1 (PD-L1)": "ligand" is in the target's own name
        return True
    if PARTNER.search(gap) or OWN_BINDING.search(gap) or DOWNSTREAM_OF.match(gap) or EFFECTS_OF.match(gap):
        return False
    if INTERACTION_OF.match(gap):
        # "the interaction of T with its ligands" / "of T with A and B": T, named first, is the one bound
        return bool(OWN_PARTNER_AFTER.match(text[tlist.end:])
                    or (re.search(r"\bof\s+(?:the\s+)?$", gap) and re.match(r"[\s)]*with\b", text[tlist.end:])))
    return bool(FILLER.match(gap) or CATEGORY_FILLER.match(gap) or CATEGORY_DASH.match(gap)
                or (cue.group("verb") and COLON_FILLER.match(gap))
                or PRODUCT_OF_GENE.match(gap) or (cue.group("verb") and _counted_members(gap, tlist)))


def _counted_members(gap: str, tlist: TargetList) -> bool:
    """"targets three drivers of growth, A, B and C": a counted category, then exactly that many members."""
    counted = COUNTED_CATEGORY.match(gap)
    if counted is None:
        return False
    count = counted.group("count").lower()
    return len(tlist.units) == (int(count) if count.isdigit() else NUMBER_WORDS[count])


def drug_cue_target(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"X inhibits A, B and C", "X, an inhibitor of A", "X binds to T, thereby blocking T"."""
    subjects: dict[int, tuple[list[Unit], int]] = {}
    for number, tlist in enumerate(lists):
        previous = [u for u in units_before(found, tlist.start) if not _describes_a_category(text, u, tlist)]
        region_start = previous[-1].end if previous else 0
        cues = [c for c in CUE.finditer(text, region_start, tlist.start)
                if _fills(text, c, tlist)]
        chained = number - 1 in subjects and previous[-1] in lists[number - 1].units
        if cues:
            # "X blocks the binding site of T": the nearest cue ("binding") may have no subject; an earlier one does
            cue, drugs, start = next(((c, *subject_before(text, found, c)) for c in reversed(cues)
                                      if subject_before(text, found, c)[0]), (cues[-1], [], 0))
            if not drugs and chained and CHAIN_GAP.match(text[previous[-1].end:cue.start()]):
                drugs, start = subjects[number - 1]
            # "X inhibits A, which both inhibit angiogenesis, and B": the aside's own verb has "which" as subject
            if not drugs and (aside := _object_before_relative_aside(text, found, lists, number, subjects)) is not None:
                (drugs, start), tlist = aside
        elif chained and (MORE_OF_THE_SAME.match(text[previous[-1].end:tlist.start])
                          or OBJECT_HEAD_THEN_AND.match(text[previous[-1].end:tlist.start])
                          or (DESCRIBED_CATEGORY_NEXT.match(text[previous[-1].end:tlist.start]) and tlist.units[0].pathway)
                          or _positioned_then_and(text[previous[-1].end:tlist.start])):
            drugs, start = subjects[number - 1]  # "... A, as well as other kinases, including B"
        elif (aside := _object_before_relative_aside(text, found, lists, number, subjects)) is not None:
            (drugs, start), tlist = aside  # "X inhibits A, which both drive angiogenesis, and B"
        else:
            if (head := _appositive_head_subject(text, found, tlist)) is not None:
                subjects[number] = head  # "X is a T inhibitor with off-target inhibition of A": X goes on
            continue
        if not drugs:
            continue
        subjects[number] = (drugs, start)
        shape = "drug-verb-target" if not cues or cue.group("verb") else "drug-is-cue-target"
        if len(drugs) == 1 and RESPECTIVELY.match(text[tlist.end:]):  # "X plus Y, which target A and B, respectively"
            drugs = combination_ending(text, found, drugs[0])
        pairs = _pairs(text, sorted(drugs, key=lambda d: d.start), tlist)
        regimen = regimen_subject(text, found, sorted(drugs, key=lambda d: d.start))
        if regimen is not None and not RESPECTIVELY.match(text[tlist.end:]):
            # "X plus Y block A and B": a regimen's drugs and its targets in the same order, else not said
            pairs = list(zip(regimen, tlist.units)) if len(regimen) == len(tlist.units) else []
        crossed = regimen is None and crossed_coordination(text, sorted(drugs, key=lambda d: d.start), tlist)
        for drug, unit in pairs:
            for found_reading in readings(drug, unit, shape, start, unit.end):
                yield replace(found_reading, crossed=True) if crossed else found_reading
        yield from _fronted_addition(text, lists[:number], drugs, shape, tlist)


def _describes_a_category(text: str, unit: Unit, tlist: TargetList) -> bool:
    """A process named in the description of the category whose members the list gives: "inhibits kinases involved
    in tumour growth, angiogenesis and metastasis, including A and B" (the process is no object of the cue)."""
    return unit.pathway and bool(CATEGORY_PURPOSE.search(text, 0, unit.start)) \
        and bool(CATEGORY_MEMBERS_NEXT.match(text[unit.end:tlist.start]))


def _positioned_then_and(gap: str) -> bool:
    """"A, which is found on tumour cells, and B": an aside on where A sits, then the verb's next object."""
    return bool(POSITIONED_THEN_AND.match(gap)) and not CUE.search(gap) and not PARTNER.search(gap)


def _object_before_relative_aside(text: str, found: list[Unit], lists: list[TargetList], number: int,
                                  subjects: dict[int, tuple[list[Unit], int]]
                                  ) -> tuple[tuple[list[Unit], int], TargetList] | None:
    """"X inhibits A, which both drive angiogenesis, and B": the subject of the list before a relative clause
    set off by commas, and the objects after it, when they follow as the next objects of the same verb.  The
    clause may name processes and pathways (then taken into the list by its ", and"), but no drug, no protein
    and no partner ("A, which activates C, and B" is left unread).  None when the shape is not there."""
    tlist = lists[number]
    earlier = max((k for k in subjects if k < number), default=None)
    proteins = [i for i, u in enumerate(tlist.units) if not u.pathway]
    if earlier is None or not proteins:
        return None
    first = tlist.units[proteins[0]]
    gap = text[lists[earlier].end:first.start]
    between = [u for u in found if lists[earlier].end <= u.start and u.end <= first.start]
    if any(u.kind == "drug" or not u.pathway for u in between) or PARTNER.search(gap) \
            or not RELATIVE_ASIDE_THEN_AND.match(gap):
        return None
    return subjects[earlier], TargetList(tlist.units[proteins[0]:])


def _appositive_head_subject(text: str, found: list[Unit], tlist: TargetList) -> tuple[list[Unit], int] | None:
    """"X, a T inhibitor", "X is an anti-T antibody": the drug the noun phrase headed after the list speaks of,
    so that a later "with off-target inhibition of A" keeps it as its subject."""
    front = tlist.front
    previous = units_before(found, front)
    if not previous or previous[-1].kind != "drug":
        return None
    drug = previous[-1]
    following = [u for u in found if u.start >= tlist.end]
    limit = following[0].start if following else len(text)
    if not is_appositive_gap(text, drug, front) or head_after(text, tlist, limit, "") is None:
        return None
    return [drug], drug.start


# "In addition to A and B, X inhibits C": A and B are what X inhibits too.
IN_ADDITION = re.compile(r"^\s*(?:In addition to|Besides|As well as|Apart from)\s+(?:the\s+)?$", re.IGNORECASE)


def _fronted_addition(text: str, earlier: list[TargetList], drugs: list[Unit], shape: str,
                      tlist: TargetList) -> Iterator[Reading]:
    if not earlier or len(drugs) != 1 or not IN_ADDITION.match(text[:earlier[0].start]):
        return
    # "In addition to A it also inhibits C": before a pronoun subject the comma may be left out
    comma = r"[\s)]*,?\s+" if drugs[0].start == drugs[0].end else r"[\s)]*,\s*"
    if not re.fullmatch(comma, text[earlier[0].end:drugs[0].start]):
        return
    for unit in earlier[0].units:
        yield from readings(drugs[0], unit, shape, drugs[0].start, tlist.end)


def _pairs(text: str, drugs: list[Unit], tlist: TargetList) -> list[tuple[Unit, Unit]]:
    """Every drug with every target, or, after "respectively", the i-th drug with the i-th target."""
    if not RESPECTIVELY.match(text[tlist.end:]):
        return [(drug, unit) for drug in drugs for unit in tlist.units]
    return list(zip(drugs, tlist.units)) if len(drugs) == len(tlist.units) else []


def drug_appositive(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"X, an anti-T antibody", "X (a T inhibitor)", "X is a T/U bispecific antibody", "X (anti-T)"."""
    for tlist in lists:
        front = tlist.front
        previous = units_before(found, front)
        if not previous or previous[-1].kind != "drug":
            continue
        drug = previous[-1]
        if not is_appositive_gap(text, drug, front) and len(previous) > 1 and previous[-2].kind == "drug":
            drug = previous[-2]  # "X, known as Y in China, is a T inhibitor": the nearer name stands in an aside
        if not is_appositive_gap(text, drug, front) or _closes_a_parenthesis(text, drug) or glossed_run(text, found, drug) \
                or _definite_after_a_pair(text, previous, drug, front):
            continue
        following = [u for u in found if u.start >= tlist.end]
        limit = following[0].start if following else len(text)
        if tlist.anti_start is None and head_after(text, tlist, limit, "") is None and not times_crossed_arms(text, drug, tlist):
            continue
        if _respective_classes(text, found, lists, drug):
            continue  # "A and B, a T inhibitor and a U inhibitor(, respectively)": :func:`respective_appositive`
        gap = text[drug.end:front]
        if re.fullmatch(r"\s*,\s*", gap) and PLURAL_HEAD.match(text, tlist.end, limit) \
                and len(coordinated_drugs(text, found, drug, -1)) == 1:
            continue  # "the combinations of A, anti-T antibodies and TACE": a list's next item, no appositive of A
        if re.fullmatch(r"\s*,\s*", gap) and LIST_GOES_ON.match(text, tlist.end):
            continue  # "received A, anti-T, their combination, or placebo": the list's next arm, no appositive of A
        # "X, an anti-T antibody" speaks of X alone; "A and B are anti-T antibodies", "A and B, both anti-T
        # antibodies," of both.
        plural = PLURAL_APPOSITIVE.match(gap)
        drugs = [drug] if re.match(r"[\s)]*[,(—:]", gap) and not plural else coordinated_drugs(text, found, drug, -1)
        for subject in drugs + _copy_of(text, previous, drug, front):
            for unit in tlist.units:
                yield from readings(subject, unit, "drug-appositive", subject.start, max(unit.end, tlist.end))


# "A and B, a T inhibitor and a U antibody, respectively": one class phrase per drug of the pair before it.
CLASS_OPENS = re.compile(r"^[\s)]*,\s*(?:an?\s+|the\s+)?(?:anti-?\s*)?$", re.IGNORECASE)
CLASS_THEN_NEXT = re.compile(rf"^[\s)]*(?:{TARGET_SUFFIX}[\s-]+)?(?:[\w-]+\s+){{0,2}}?{HEAD}\s*,?\s*(?:and\s+)(?:an?\s+|the\s+)?"
                             r"(?:anti-?\s*)?$", re.IGNORECASE)
CLASS_THEN_END = re.compile(rf"^[\s)]*(?:{TARGET_SUFFIX}[\s-]+)?(?:[\w-]+\s+){{0,2}}?{HEAD}\s*(?:,\s*respectively\b|[,;.)]|$)",
                            re.IGNORECASE)


def _respective_classes(text: str, found: list[Unit], lists: list[TargetList], drug: Unit) -> list[tuple[Unit, TargetList]]:
    """(drug, its class's targets) for "A and B, a T inhibitor and a U inhibitor": as many class phrases, joined by
    "and", as drugs coordinated before them, in order; [] for any other shape."""
    drugs = sorted(coordinated_drugs(text, found, drug, -1), key=lambda u: u.start)
    after = [t for t in lists if t.start >= drug.end]
    if len(drugs) < 2 or len(after) < len(drugs) or not CLASS_OPENS.match(text[drug.end:after[0].front]):
        return []
    classes = after[:len(drugs)]
    joined = all(CLASS_THEN_NEXT.match(text[a.end:b.front]) for a, b in zip(classes, classes[1:]))
    if not joined or not CLASS_THEN_END.match(text[classes[-1].end:]):
        return []
    return list(zip(drugs, classes))


def respective_appositive(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"A and B, a T inhibitor and a U antibody, respectively": the i-th class is the i-th drug's."""
    for drug in (u for u in found if u.kind == "drug"):
        for subject, tlist in _respective_classes(text, found, lists, drug):
            for unit in tlist.units:
                yield from readings(subject, unit, "drug-appositive", subject.start, tlist.end)


# "A versus B, the T inhibitor, ...": a definite class after a pair compared may name either (a spoken "the study of A
# versus B, the T inhibitor, met ..." names A's); "compared with B, a T inhibitor" describes B.
DEFINITE_GAP = re.compile(r"\s*,\s*the\s", re.IGNORECASE)
PAIRED_BEFORE = re.compile(r"\b(?:versus|vs\.?)\s+$", re.IGNORECASE)


def _definite_after_a_pair(text: str, previous: list[Unit], drug: Unit, front: int) -> bool:
    """Is the appositive a definite class ("the T inhibitor") after the second drug of "A versus B"?"""
    return DEFINITE_GAP.match(text, drug.end) is not None and len(previous) > 1 and previous[-2].kind == "drug" \
        and PAIRED_BEFORE.search(text, previous[-2].end, drug.start) is not None


# "X, a Y biosimilar (anti-T antibody)": X is a copy of Y, and what the appositive says is said of both.
COPY_AFTER = re.compile(r"\s+biosimilars?\b", re.IGNORECASE)


def _copy_of(text: str, previous: list[Unit], drug: Unit, front: int) -> list[Unit]:
    """The drug whose appositive names ``drug`` as what it copies ("X, a Y biosimilar (...)"), else none."""
    if len(previous) < 2 or previous[-1] is not drug or previous[-2].kind != "drug" or not COPY_AFTER.match(text[drug.end:]):
        return []
    return [previous[-2]] if is_appositive_gap(text, previous[-2], front) else []


def _closes_a_parenthesis(text: str, drug: Unit) -> bool:
    """"anti-T antibodies (X, Y), anti-U antibodies": X and Y sit in a parenthesis; what follows it is no appositive of Y.

    A parenthesis holding one name after a name ("Brand (generic) is a T inhibitor") is the same drug:
    what follows speaks of it.
    """
    inside = bool(re.match(r"\s*\)", text[drug.end:])) and text.count("(", 0, drug.start) > text.count(")", 0, drug.start)
    if not inside:
        return False
    opened = text.rfind("(", 0, drug.start)
    alias = re.fullmatch(r"\s*", text[opened + 1:drug.start]) and re.search(r"(?:^|[.;:]\s+|\n)[A-Z][\w®™-]*\s*$", text[:opened])
    return not alias


SHAPES = (combination_gloss, regimen_gloss, gloss_before_regimen, respective_appositive, drug_appositive, drug_possessed_targets, target_head_drug, drug_cue_target,
          target_such_as_drug, counted_class_list, target_by_drug, drug_object_relative, fronted_appositive, fronted_means, target_parenthesised_drug, target_passive_drug,
          drug_class_parenthesis, drug_parenthesised_targets, drug_activity_attributed, drug_has_target_activity)


def sentence_readings(doc: AnalysedDocument, sent: AnalysedSentence,
                      discourse_drug: Mention | None = None) -> list[Reading]:
    """Every drug→target reading of one sentence, one per (drug, target), earlier shapes first.

    ``discourse_drug`` stands for a sentence-opening "It" / "This drug".  A profile's labelled fields
    ("Mechanism of action: ...", "Pharmacodynamics Inhibits T") are read by :mod:`.record_fields`.
    """
    found = without_class_abbreviations(sent.text, units(doc, sent))
    text = unbracketed(sent.text, found)
    definition = defining_start(text)
    pronoun = PRONOUN_START.match(text) or BOTH_START.match(text) or THESE_START.match(text)
    if discourse_drug is not None and (pronoun or definition):
        # a zero-width subject where it would stand ("It" read by the subject rules, "Both", "These agents" stood in for)
        at = (pronoun.start("np") if pronoun.re is PRONOUN_START else pronoun.end()) if pronoun else definition.end()
        # "Developed as a successor to Y, this drug ...": a drug in the fronted clause leaves the pronoun unresolved
        if not any(u.kind == "drug" and u.start < at for u in found):
            found = sorted([Unit("drug", (discourse_drug.key,), at, at, discourse_drug)] + found, key=lambda u: u.start)
    lists = target_lists(text, found)
    ligands = ligand_receptor.pairs(doc, text, found)
    proteins = frozenset(sent.local(m)[0] for m in doc.keys_of_type(sent.mentions, "Protein", "ProteinFamily"))
    kept = sentence_filter(doc, text, found, lists, ligands, proteins)
    seen: dict[tuple[str, str], Reading] = {}
    for shape in SHAPES:
        for found_reading in filter(kept, (ligand_receptor.on_receptor(doc, r, ligands) for r in shape(text, found, lists))):
            seen.setdefault((found_reading.drug.keys[0], found_reading.key), found_reading)
    for found_reading in filter(kept, coordinated_readings(text, lists, list(seen.values()))):
        seen.setdefault((found_reading.drug.keys[0], found_reading.key), found_reading)
    return list(seen.values())


# "evidence of activity of X, a monoclonal antibody directed to T": a participle inside the appositive
# describes X; the sentence's hedge or purpose ("to assess the evidence of") is not on it.
# So does a noun head with its object: "... suggested that X, an oral inhibitor of A and B, may be effective".
PARTICIPLE_APPOSITIVE = re.compile(r"^\s*(?:\([^()]*\)\s*)?,\s*(?:an?|the)\s[^;:.()]*?\b(?:directed|targeting|binding|"
                                   r"blocking|inhibiting|aimed|(?:inhibitor|(?:ant)?agonist|blocker)s?\s+(?:of|against))\b[^;:.]*$",
                                   re.IGNORECASE)


def _participle_appositive(text: str, found: Reading) -> bool:
    return found.shape in ("drug-verb-target", "drug-is-cue-target") and found.drug.end <= found.target.start \
        and PARTICIPLE_APPOSITIVE.match(text[found.drug.end:found.target.start]) is not None


def reading_assertion(doc: AnalysedDocument, sent: AnalysedSentence, found: Reading,
                      within: tuple[int, int] | None = None, activating: bool | None = None) -> Assertion:
    """The assertion one reading makes, with its evidence span, polarity and certainty.

    ``within``: the span of the sentence that is the statement's own clause (a line of a list), so that
    the words of the lines around it neither negate nor hedge it.  ``activating``: whether the drug turns the
    target on, when the caller knows (else read from the reading's own cue, :mod:`.action_direction`).
    """
    drug_key = found.drug.keys[0]
    start, end = evidence_span(sent, found.drug.mention, found.target.mention)
    first, last = within or (0, len(sent.text))
    # "X (anti-T antibody) showed preliminary activity": the hedge is on the activity, not on T.
    if found.is_noun_phrase or _participle_appositive(sent.text, found):
        polarity, certainty = reading(sent.text[found.start:found.end], 0, found.end - found.start, of_mechanism=True)
    else:
        polarity, certainty = reading(sent.text[first:last], found.start - first, found.end - first, of_mechanism=True)
    if presented_then_turned(sent.text[first:last], found.start - first, found.end - first):
        certainty = HEDGED  # "X was developed as a T inhibitor, but ...": read on the whole clause, not the phrase
    if found.crossed and _binds_one_antigen(doc, drug_key):
        certainty = HEDGED  # "X and Y target A and B": an antibody binds one antigen, and which is not said
    evidence = replace(doc.evidence(start, end, found.shape), polarity=polarity, certainty=certainty)
    if activating is None:
        activating = direction.reading_up(sent.text, found)
    return Assertion(drug_key, action_predicate(doc, drug_key, found.key, activating), found.key, evidence=(evidence,))


def _binds_one_antigen(doc: AnalysedDocument, drug_key: str) -> bool:
    """A monoclonal antibody that is not bispecific (a type from the vocabulary)."""
    entity = doc.vocabulary[drug_key]
    return entity.has_type("MonoclonalAntibody") and not entity.has_type("BispecificAntibody")


@EXTRACTORS.register("sentence-mechanism")
def mechanism_statements(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Drug acts on target or pathway, read by the shape rules above; negated or hedged kept as such."""
    parts = drug_parts(doc)  # a fusion protein's receptor domain is part of it, no target (:mod:`.fusion_parts`)
    found_all = [(sent, found) for index, sent in enumerate(doc.sentences) for subject in sentence_subjects(doc, index)
                 for found in sentence_readings(doc, sent, subject)
                 if found.key not in parts.get(found.drug.keys[0], frozenset())]
    ups = [direction.reading_up(sent.text, found) for sent, found in found_all]
    # a neutral cue ("X, which targets T") on a pair the document calls an agonist's reads as activating
    agonists = {(found.drug.keys[0], found.key) for (sent, found), up in zip(found_all, ups) if up}
    read = [reading_assertion(doc, sent, found, activating=up or ((found.drug.keys[0], found.key) in agonists
                                                                 and direction.reading_neutral(sent.text, found)))
            for (sent, found), up in zip(found_all, ups)]
    denied = [a for sent in doc.sentences for a in effect_denials(doc, sent)]  # "X did not inhibit T phosphorylation"
    yield from contested_within(read + denied)
