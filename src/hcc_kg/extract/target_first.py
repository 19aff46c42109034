"""Drug→target shapes that name the target before the drug.

====================  ==========================================================
target-head-drug      "the T inhibitor X", "anti-T antibody X", "the T-targeted TKI X", "one anti-T antibody: X",
                      "the T CAR-T product X", "the anti-T X"
target-such-as-drug   "anti-T antibodies such as X and Y", "inhibitors of T, including X", "T inhibitors include X"
target-parenthesised-drug  "targets A (X) and B (Y)", "anti-A (X) or anti-B (Y)"
target-by-drug        "inhibition of T by X", "binding of X to T", "inhibition of the T pathway by agents (i.e., X or Y)"
target-passive-drug   "MET is targeted by X", "T, which is inhibited by X", "T is the target of X"
drug-appositive       "A selective inhibitor of T, X ..." (a fronted appositive), "its inhibitor of T X"
fronted-means         "By binding to T, X ...", "Through its inhibition of A and B, X ..."
====================  ==========================================================
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from .combination_glosses import anti_joined
from .mechanism_cues import FRONTED_CLAUSE, HEAD, SUCH_AS
from .shape_reading import Reading, combined_next, head_after, parenthesised_drugs, readings
from .subjects import MODIFIER, coordinated_drugs, units_before
from .target_lists import TargetList
from .targets import Unit

# "the T inhibitor Brand (X)": a brand name the vocabulary lacks, then the drug's name in brackets.
BRAND_BEFORE_NAME = r"(?:\s+(?-i:[A-Z])[a-z]{2,}[®™]?\s*\()"


def target_head_drug(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"the T inhibitor X", "anti-T antibody X", "the T-targeted TKI X", "anti-T antibodies X and Y"."""
    for tlist in lists:
        following = [u for u in found if u.start >= tlist.end]
        if not following or following[0].kind != "drug":
            continue
        # "one anti-T antibody: X": a colon hands the class on to its member
        head = head_after(text, tlist, following[0].start, rf"(?:(?P<comma>\s*[,(])|\s*:)?{BRAND_BEFORE_NAME}?\s*$")
        if head is None and tlist.anti_start is not None and not text[tlist.end:following[0].start].strip():
            if _after_another_anti(text, found, tlist):
                continue  # "anti-A plus anti-B X + Y": each drug's own target (:func:`gloss_before_regimen`)
            for unit in tlist.units:  # "the anti-PD-L1 atezolizumab": "anti-T" said of the drug with no head noun
                yield from readings(following[0], unit, "target-head-drug", tlist.anti_start, following[0].end)
            continue
        if head is None or (head.group("comma") and _appositive_of_drug_before(text, found, tlist)):
            continue
        plural = head.group("head").lower().endswith(("s", "ies"))
        listed = parenthesised_drugs(text, found, following[0]) if plural and "(" in (head.group("comma") or "") else []
        if listed:  # "anti-T antibodies (X, Y and Z)": the parenthesis lists the class's members
            front = tlist.front
            for drug in listed:
                for unit in tlist.units:
                    yield from readings(drug, unit, "target-head-drug", front, drug.end)
            continue
        appositive = _appositive_members(text, found, tlist, following[0]) if plural and head.group("comma") else []
        if head.group("comma") and not appositive and (plural or FRONTED_CLAUSE.match(text[:tlist.start])):
            # "the combination of A and B antibodies, X ...", "When given with an anti-T agent, X ...":
            # the comma closes a phrase about other drugs; X is not that antibody
            continue
        drugs = appositive or (coordinated_drugs(text, found, following[0], +1) if plural else [following[0]])
        front = tlist.front
        if len(drugs) > 1 and len(drugs) == len(tlist.units) and all(u.anti_start is not None for u in tlist.units):
            # "anti-A and anti-B antibodies X and Y": each "anti-" names one antibody, in the order written
            for drug, unit in zip(drugs, tlist.units):
                yield from readings(drug, unit, "target-head-drug", front, drug.end)
            continue
        # "A and B antibodies X and Y": as many drugs as targets, which is whose not said (an antibody's is hedged)
        crossed = len(drugs) > 1 and len(drugs) == len(tlist.units)
        for drug in drugs:
            for unit in tlist.units:
                for found_reading in readings(drug, unit, "target-head-drug", front, drug.end):
                    yield replace(found_reading, crossed=True) if crossed else found_reading


def _after_another_anti(text: str, found: list[Unit], tlist: TargetList) -> bool:
    """"anti-A plus anti-B X": the "anti-T" right before a drug is the last of a coordinated gloss."""
    before = units_before(found, tlist.anti_start)
    return bool(before) and anti_joined(text, before[-1], tlist.units[0])


# "Compared with X, a T inhibitor, Y ...": a class noun phrase set off after a drug is that drug's appositive.
APPOSITIVE_OPENING = re.compile(r"^\s*(?:\([^()]*\)\s*)?,\s*(?:an?|the|another)\s+(?:[\w-]+,?\s+){0,4}(?:anti-?)?$",
                                re.IGNORECASE)


def _appositive_of_drug_before(text: str, found: list[Unit], tlist: TargetList) -> bool:
    before = units_before(found, tlist.start)
    front = tlist.front
    return bool(before) and before[-1].kind == "drug" and APPOSITIVE_OPENING.match(text[before[-1].end:front]) is not None


# After an appositive list of a class's members: its closing comma or stop, maybe a bracketed code first.
LIST_CLOSED = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:[,.;:)]|$)")


def _appositive_members(text: str, found: list[Unit], tlist: TargetList, first: Unit) -> list[Unit]:
    """"T-directed ADCs, X and Y, ...": a plural class, a comma, then a closed list of two or more of its
    members.  Not after a fronted clause, and not for targets joined by "and" (which drug is whose?)."""
    if FRONTED_CLAUSE.match(text[:tlist.start]):
        return []
    if any(re.search(r"\b(?:and|or)\b", text[a.end:b.start]) for a, b in zip(tlist.units, tlist.units[1:])):
        return []
    front = tlist.front
    before = units_before(found, front)
    if before and before[-1].kind == "object" and re.fullmatch(r"\s*,?\s*(?:and|or)\s+", text[before[-1].end:front]):
        return []  # "anti-A and anti-B antibodies, X and Y": which is whose?
    drugs = coordinated_drugs(text, found, first, +1)
    return drugs if len(drugs) > 1 and LIST_CLOSED.match(text[drugs[-1].end:]) else []


# "T-targeting agents that are currently in development, including X": a short aside on the class.
CLASS_ASIDE = r"(?:\s*,?\s+(?:(?:that|which)\s+(?:are|were|have\s+been)\s+|currently\s+|now\s+)(?!not\b)[^,;:()]{1,50}?)?"
# "T inhibitors include X and Y", "T antibodies, which include X", "Examples of T inhibitors are X": a verb that
# lists the class's members.
MEMBERS_VERB = r"(?:\s*,?\s+(?:which|that)\s+|\s+)(?:include[sd]?|are|were|comprise[sd]?)"
# "..., including the bispecific molecules X and Y": a narrower class named before its members.
SUBCLASS = (r"(?:the\s+(?:[\w-]+\s+){0,2}(?:molecules?|agents?|antibod(?:y|ies)|ADCs?|conjugates?|drugs?|inhibitors?|TCEs?|"
            r"engagers?|compounds?)\s+)?")


# "blockers of the T receptor (ABBR) family, such as X": the family named by one of its members.
FAMILY_WORD = r"(?:(?:super)?family\s*)?"
# "drugs that target T, such as X": the class noun's own relative clause names what its members act on.
HEAD_THAT_ACTS = r"(?:that|which)\s+(?:\w+ly\s+)?(?:target|inhibit|block|bind)s?(?:\s+to)?"


def target_such_as_drug(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"anti-T antibodies such as X and Y", "T inhibitors (e.g., X)", "inhibitors of T, including X", "T inhibitors
    include X"."""
    for tlist in lists:
        following = [u for u in found if u.start >= tlist.end]
        if not following or following[0].kind != "drug":
            continue
        gap = text[tlist.end:following[0].start]
        tail = rf"{CLASS_ASIDE}(?:\s*[,(]?\s*{SUCH_AS}|{MEMBERS_VERB})\s+{SUBCLASS}$"
        head_first = re.search(rf"\b{HEAD}\s+(?:of|against|targeting|{HEAD_THAT_ACTS})\s+(?:the\s+)?$", text[:tlist.start],
                               re.IGNORECASE)
        # "inhibitors targeting T (X, Y)": a parenthesis of nothing but drugs lists the class's members
        listed = parenthesised_drugs(text, found, following[0]) if head_first and re.fullmatch(r"\s*\(\s*", gap) else []
        if not listed and head_after(text, tlist, following[0].start, tail) is None \
                and not (head_first and re.match(rf"^[\s)]*{FAMILY_WORD}{tail}", gap, re.IGNORECASE)):
            continue
        front = tlist.front
        for drug in listed or coordinated_drugs(text, found, following[0], +1):
            for unit in tlist.units:
                yield from readings(drug, unit, "target-such-as-drug", front, drug.end)


# "MET is targeted by X", "the RET kinase, which is inhibited by X", "FGFR2 is the main target of X", "T is one of the
# binding protein targets of X", "identified T as the direct target of X": the target
# as the subject of a passive verb or of "the target of".
PASSIVE_VERB = r"(?:inhibited|targeted|blocked|bound|antagoni[sz]ed|neutrali[sz]ed|recogni[sz]ed)"
TARGET_AS_SUBJECT = re.compile(
    r"^[\s)]*(?:(?:kinases?|receptors?|proteins?)\s*)?(?:,\s*(?:which|that)\s+|\s+)"
    r"(?:(?:is|are|was|were|can\s+be|has\s+been|have\s+been)\s+(?:\w+ly\s+|not\s+)*"
    rf"{PASSIVE_VERB}\s+by|(?:is|are|was|were|remains?|as)\s+(?:not\s+)?(?:the|a|an|one(?:\s+of\s+the)?)\s+(?:[\w-]+\s+){{0,3}}?targets?\s+of"
    # a reduced relative: "plasma VEGF bound to X", "PD-L1 blocked by X"
    r"|bound\s+(?:to|by)|(?:targeted|blocked|inhibited|neutrali[sz]ed|recogni[sz]ed)\s+by"
    # ... after what the target is: "LAG-3 is an inhibitory receptor (a checkpoint) targeted by X"
    r"|(?:is|are)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:receptors?|proteins?|kinases?|checkpoints?|molecules?|antigens?)"
    rf"\s*(?:\([^()]*\)\s*)?(?:(?:that|which)\s+(?:is|are)\s+)?{PASSIVE_VERB}\s+by)"
    r"\s+(?:the\s+)?$", re.IGNORECASE)


def target_passive_drug(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"MET is targeted by X and Y", "RET, which is potently inhibited by X", "FGFR2 is the target of X",
    "VEGF bound to X"."""
    for tlist in lists:
        # (a unit inside an aside between them is neither: "T is a receptor (not a ligand of U) targeted by X")
        following = [u for u in found if u.start >= tlist.end and not _in_aside(text, tlist.end, u.start)]
        if not following or following[0].kind != "drug" \
                or not TARGET_AS_SUBJECT.match(text[tlist.end:following[0].start]):
            continue
        for drug in coordinated_drugs(text, found, following[0], +1):
            for unit in tlist.units:
                yield from readings(drug, unit, "target-passive-drug", tlist.start, drug.end)


def _in_aside(text: str, start: int, at: int) -> bool:
    """Does ``at`` lie inside a parenthesis opened after ``start``?"""
    return text.count("(", start, at) > text.count(")", start, at)


# "targets PD-L1 (X) and VEGF (Y)", "anti-A (X) or anti-B (Y)": each target names its drugs in parentheses.
PARENTHESIS_CUE = re.compile(r"\b(?:target(?:s|ing|ed)?|block(?:s|ing|ade\s+of)|inhibit(?:s|ing|ion\s+of|ors?\s+of)|"
                             r"against|(?:ant)?agonists?\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
CHAIN_GLUE = re.compile(r"\s*,?\s*(?:(?:and|or)\s+)?")
# "kinase inhibitors with c-Met activity (A, B and C)": the class's members, named after the activity they share
ACTIVITY_BRACKET = re.compile(r"\s+(?:inhibitory\s+)?activity\s*\(\s*", re.IGNORECASE)
WITH_BEFORE = re.compile(r"\bwith\s+$", re.IGNORECASE)
# ... a part of the target may be named before the bracket: "inhibitors of the T SH2 domain (X)"
DOMAIN_BRACKET = re.compile(r"(?:\s+[\w-]+\s+domains?)?\s*\(\s*", re.IGNORECASE)


def target_parenthesised_drug(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"The regimen targets A (X) and B (Y)", "anti-A (X) or anti-B (Y)", "inhibitors with A activity (X, Y)": a target,
    then its drugs in parentheses.

    A cue before the first target of the chain ("targets", "blockade of", "anti-") says the parentheses
    name agents acting on it; a list of several targets before one parenthesis says nothing of which is whose.
    """
    closed, cued = None, False  # where the last "T (X)" piece ended; whether its chain began after a cue
    for tlist in lists:
        front = tlist.front
        following = [u for u in found if u.start >= tlist.end]
        gap = text[tlist.end:following[0].start] if following else ""
        activity = ACTIVITY_BRACKET.fullmatch(gap) is not None and WITH_BEFORE.search(text[:front]) is not None
        drugs = parenthesised_drugs(text, found, following[0]) \
            if following and following[0].kind == "drug" and (DOMAIN_BRACKET.fullmatch(gap) or activity) else []
        if len(tlist.units) != 1 or not drugs:
            closed, cued = None, False
            continue
        chained = closed is not None and CHAIN_GLUE.fullmatch(text[closed:front]) is not None
        cued = tlist.anti_start is not None or PARENTHESIS_CUE.search(text[:front]) is not None or (chained and cued) \
            or activity
        closed = text.find(")", drugs[-1].end) + 1
        if cued:
            for drug in drugs:
                yield from readings(drug, tlist.units[0], "target-parenthesised-drug", front, closed)


NOMINAL_BEFORE = re.compile(r"\b(?:inhibition|blockade|targeting|neutrali[sz]ation)\s+of\s+(?:the\s+)?"
                            # "blockade of A (via X or Y) or B (via Z)": the nominal goes on to the next target
                            r"(?:[^;:.()]{1,40}?\(\s*(?:via|with|using|by)\s+[^;:.()]{1,120}\)\s*,?\s*(?:or|and)\s+"
                            r"(?:of\s+)?(?:the\s+)?)?"
                            # "inhibition of the stromal factor receptor (another name or T) using X": the target's
                            # symbol in brackets after a description the vocabulary does not know
                            r"(?:(?:[\w-]+\s+){1,5}\(\s*(?:[^;:.()]{1,40}?\s+or\s+)?)?$", re.IGNORECASE)
# ("T inhibition with siRNA and pharmacologically with X": a second means, the drug, after one that is none)
NOMINAL_AFTER = re.compile(r"^[\s)]*-?\s*(?:inhibition|blockade)\s+(?:(?:by|with|using)\s+[^;:.()]{1,40}?,?\s+(?:and|or)\s+"
                           r"(?:\w+ly\s+)?)?(?:by|with|using)\s+$", re.IGNORECASE)
# "anti-T therapy with X", "T-targeted treatment with X": a therapy noun needs the target's cue ("anti-", "-targeted").
THERAPY_AFTER = re.compile(r"^[\s)]*(?:-?\s*(?P<cue>targeted|directed)\s+|\s+)(?:therap(?:y|ies)|treatment)\s+with\s+$",
                           re.IGNORECASE)
# "inhibition of T by X"; "of the T pathway by compounds (i.e., X or Y)": the head of the target, then agents
# introduced by a generic noun and named in a parenthesis of examples.
BY_AGENT_GAP = re.compile(r"^[\s)]*(?:(?:pathway|signal(?:l)?ing|axis|cascade)\s+)?(?:by|with|using|via)\s+"
                          r"(?:[^;:.()]{1,60}?\(\s*(?:i\.e\.|e\.g\.|such as|namely|including),?\s*)?$"
                          # "blockade of T (via X or Y)": the means in a parenthesis
                          r"|^\s*\(\s*(?:via|with|using|by)\s+$", re.IGNORECASE)
BINDING_OF = re.compile(r"\bbinding\s+of\s+$", re.IGNORECASE)
# "Inhibiting T with X restored ...": a gerund subject whose means is the drug.
GERUND_BEFORE = re.compile(r"(?:^|[,;:]\s*)(?:Inhibiting|Blocking|Targeting|Neutrali[sz]ing|Antagoni[sz]ing)\s+(?:the\s+)?$")
# "X-mediated T inhibition": the drug named before the nominal.
AGENT_BEFORE_NOMINAL = re.compile(r"^-?\s*(?:mediated|induced|driven|dependent)\s+(?:the\s+)?$", re.IGNORECASE)
# "X-mediated inhibition of T", "X-mediated blockade of the T": the drug's nominal, its object after it ("X-induced"
# makes the drug a modifier: ``targets.DRUG_AS_MODIFIER``).
AGENT_NOMINAL_OF = re.compile(r"^-\s*mediated\s+(?:[a-z]+ly\s+|potent\s+|selective\s+|direct\s+)?"
                              r"(?:inhibition|blockade|targeting|suppression)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "X exerts its effects mainly via T inhibition": the subject's means, named as the target's nominal (not "resistance
# to X is overcome by T inhibition", where X is no subject, nor "X combined with T blockade", nor "X followed by T
# blockade", a sequence of two treatments).
MEANS_BEFORE_NOMINAL = re.compile(r"^(?![^;:.()]*\b(?:resist\w*|overcom\w*|combin\w*|plus|with|and|or|followed|preceded|"
                                  r"succeeded|replaced|then)\b)"
                                  r"[^;:.()]{0,80}?\b(?:via|through|by)\s+(?:the\s+)?$", re.IGNORECASE)
OBJECT_OF_PREPOSITION = re.compile(r"\b(?:to|of|with|on|after|by|for|from|than|plus|versus|vs\.?)\s+(?:the\s+)?$", re.IGNORECASE)
NOMINAL_NEXT = re.compile(r"^[\s)]*-?\s*(?:inhibition|blockade|targeting)\b", re.IGNORECASE)


def target_by_drug(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"inhibition of T by X", "blockade of T with X", "T inhibition by X", "binding of X to T", "Inhibiting T with X",
    "X-mediated T inhibition", "anti-T therapy with X"."""
    for tlist in lists:
        following = [u for u in found if u.start >= tlist.end]
        previous = units_before(found, tlist.start)
        if following and following[0].kind == "drug":
            gap = text[tlist.end:following[0].start]
            nominal_first = (NOMINAL_BEFORE.search(text[:tlist.start]) and BY_AGENT_GAP.match(gap)) \
                or (GERUND_BEFORE.search(text[:tlist.start]) and re.match(r"^[\s)]*with\s+$", gap))
            therapy = THERAPY_AFTER.match(gap)
            nominal_after = NOMINAL_AFTER.match(gap) or (therapy and (therapy.group("cue") or tlist.anti_start is not None))
            drugs = _drugs_acting_alike(text, found, following, tlist)
            if (nominal_first or nominal_after) and drugs:  # "A and B blockade with X plus Y": which is which?
                for drug in drugs:
                    for unit in tlist.units:
                        yield from readings(drug, unit, "target-by-drug", tlist.start, drug.end)
        if previous and previous[-1].kind == "drug" and _drug_before_names_it(text, previous[-1], tlist):
            for unit in tlist.units:
                yield from readings(previous[-1], unit, "target-by-drug", previous[-1].start, unit.end)


# "dual HER2 blockade with X and Y": two agents against the one target.
TWO_AGENTS_BEFORE = re.compile(r"\b(?:dual|double|combined)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def _drugs_acting_alike(text: str, found: list[Unit], following: list[Unit], tlist: TargetList) -> list[Unit]:
    """The drugs after "T blockade with" that each act on the target list: one drug, not part of a combination;
    or, for one target, drugs listed as two agents against it ("dual T blockade with X and Y"; not "X plus Y",
    which may add a partner acting otherwise) or offered as alternatives ("T blockade with X or Y").  []
    when the text does not say which acts on what."""
    listed = coordinated_drugs(text, found, following[0], +1)
    one_target = len(tlist.units) == 1
    if one_target and len(listed) > 1 and TWO_AGENTS_BEFORE.search(text[:tlist.start]):
        return listed
    if combined_next(text, following):
        return []
    if len(listed) == 1:
        return listed
    glues = [text[a.end:b.start] for a, b in zip(listed, listed[1:])]
    return listed if one_target and not any(re.search(r"\band\b", g) for g in glues) else []


def _drug_before_names_it(text: str, drug: Unit, tlist: TargetList) -> bool:
    """"binding of X to T", "X-mediated T inhibition": the drug named before the target acts on it."""
    gap = text[drug.end:tlist.start]
    binding = BINDING_OF.search(text[:drug.start]) and re.match(r"^[\s)]*to\s+(?:the\s+)?$", gap)
    means = MEANS_BEFORE_NOMINAL.match(gap) and not OBJECT_OF_PREPOSITION.search(text[:drug.start])
    return bool(binding or AGENT_NOMINAL_OF.match(gap)
                or ((AGENT_BEFORE_NOMINAL.match(gap) or means) and NOMINAL_NEXT.match(text[tlist.end:])))


# "A selective inhibitor of the T kinase, X received ...", "As an antagonist of T, X ...": a fronted appositive (or
# the role it is introduced in) names the subject's action.
FRONTED_NOUN_CUE = re.compile(rf"(?:^|[;:]\s*)(?:As\s+)?(?:An?|The)\s+(?:{MODIFIER},?\s+){{0,4}}"
                              r"(?:inhibitor|blocker|(?:ant)?agonist|antibody)\s+(?:of|against|targeting)\s+(?:the\s+)?$",
                              re.IGNORECASE)
FRONTED_TO_DRUG = re.compile(r"^[\s)]*(?:(?:kinases?|receptors?|proteins?|family)\s*)?,\s*$", re.IGNORECASE)


def _fronted(text: str, found: list[Unit], lists: list[TargetList], opening: re.Pattern,
             to_drug: re.Pattern) -> Iterator[tuple[re.Match, TargetList, Unit]]:
    """(opening phrase, target list, the drug right after it) for a phrase fronted before its subject."""
    for tlist in lists:
        following = [u for u in found if u.start >= tlist.end]
        fronted = opening.search(text[:tlist.start])
        if fronted is not None and following and following[0].kind == "drug" \
                and to_drug.match(text[tlist.end:following[0].start]):
            yield fronted, tlist, following[0]


# "... its selective small molecule inhibitor of T ("T") X, in ...": the same noun phrase inside a clause, its
# drug right after the target (a bracketed symbol of the target may come between); one head, not a class.
INLINE_NOUN_CUE = re.compile(rf"\b(?:an?|the|its|their|our)\s+(?:{MODIFIER},?\s+(?:and\s+)?){{0,6}}"
                             r"(?:inhibitor|blocker|(?:ant)?agonist|antibody)\s+(?:of|against|targeting)\s+(?:the\s+)?$",
                             re.IGNORECASE)
INLINE_TO_DRUG = re.compile(r"^\s*(?:\(\s*[\"“]?[\w-]+[\"”]?\s*\)\s*)?$")


def fronted_appositive(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"A selective inhibitor of the T kinase, X ...", "A novel antagonist of T and U, X ...", and inside a
    clause "its selective inhibitor of T X"."""
    for opening, tlist, drug in [*_fronted(text, found, lists, FRONTED_NOUN_CUE, FRONTED_TO_DRUG),
                                 *_fronted(text, found, lists, INLINE_NOUN_CUE, INLINE_TO_DRUG)]:
        for unit in tlist.units:
            yield from readings(drug, unit, "drug-appositive", opening.start(), tlist.end)


# "By binding to T, X ...", "Through its inhibition of T and U, X ...": a fronted means clause names how the subject acts.
# A sentence connective may come first ("In addition, by binding to T, X ..."); the means may be to block T's
# interaction with its own ligands ("By inhibiting the interaction between T and its ligands, X ...": T is bound).
CONNECTIVE = r"(?:(?:In addition|Additionally|Moreover|Furthermore|Also|Thus|Hence|Therefore|Specifically),?\s+)?"
FRONTED_MEANS = re.compile(rf"(?:^|[;:]\s*){CONNECTIVE}(?:By|Through|Via)\s+(?:\w+ly\s+)?(?:(?:binding|attaching)\s+(?:to\s+)?|"
                           r"(?:blocking|inhibiting|targeting|neutrali[sz]ing|antagoni[sz]ing|disrupting)\s+"
                           r"(?P<interaction>the\s+(?:interaction|binding)\s+(?:between|of)\s+)?|"
                           r"(?:its\s+)?(?:\w+\s+)?(?:inhibition|blockade|targeting)\s+of\s+)"
                           # "By inhibiting several kinases (involved in X), including A and B, X ...": a category, then its members
                           r"(?:(?<!the\s)(?:[\w-]+\s+){0,3}?(?:kinases?|receptors?|proteins?|targets?|RTKs?)\b[^;:.()]{0,80}?"
                           r",?\s*\(?\s*(?:including|such\s+as|e\.g\.,?|namely)\s+)?(?:the\s+)?$", re.IGNORECASE)
OWN_PARTNERS = r"[\s)]*\s(?:and|with)\s+(?:its|their)\s+(?:\w+\s+)?(?:ligands?|receptors?)"
MEANS_TO_DRUG = re.compile(rf"^[\s)]*(?:(?:kinases?|receptors?|proteins?|family)\s*)?(?:{OWN_PARTNERS})?"
                           r"(?:\s+(?:on|in|of|expressed by)\s+[^,;()]{1,40})?,\s*$", re.IGNORECASE)


def fronted_means(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"By binding to T, X ...", "By selectively blocking T and U, X ...", "Through inhibition of T, X ..."."""
    for opening, tlist, first in _fronted(text, found, lists, FRONTED_MEANS, MEANS_TO_DRUG):
        if opening.group("interaction") and (len(tlist.units) > 1 or not re.match(OWN_PARTNERS, text[tlist.end:])):
            continue  # "the interaction between A and B": which of the two the drug binds is not said
        for drug in coordinated_drugs(text, found, first, +1):  # "By blocking T, X and Y ..."
            for unit in tlist.units:
                yield from readings(drug, unit, "fronted-means", opening.start(), drug.end)
