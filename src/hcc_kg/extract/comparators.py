"""Arms that are no one drug: chemotherapy, best supportive care, standard of care, active
surveillance, the treatment of physician's choice (the vocabulary's procedures), as arm
readers meet them in a sentence.

- care given alongside what an arm tests is no part of its agent: "A plus best supportive care"
  is A's arm, "placebo plus BSC" placebo's; care is an arm's agent only when it is all the arm
  gets ("BSC alone") (:func:`arm_parts`), and care right before a drug describes that drug
  ("versus standard-of-care B"), as chemotherapy right after one does ("B chemotherapy alone");
- a choice left to the investigator ("investigator's choice", "the physician's choice of therapy",
  "treatment of physician's choice") is one arm: the chemotherapy it qualifies ("investigator's
  choice of chemotherapy", "chemotherapy of physician's choice"), else the physician's-choice arm;
  the drugs it lists are options to choose from, no regimen ("investigator's choice of A, B, or C",
  "chemotherapy (A, B, or C)").  Choices are read here by their pattern (CHOICE_RE): listing every
  spelling ("investigator choice", "the physicians' choice of treatment") as a name would not end.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..model import Mention
from .analysis import AnalysedDocument, AnalysedSentence
from .sentences import DOSE_WORD, DRUG, MASS_UNIT

#: A mention located in a sentence: (mention, local start, local end).
Located = tuple[Mention, int, int]

# Care given alongside what an arm tests (best supportive care, standard of care): a procedure named so ...
CARE_RE = re.compile(r"\bcare\b", re.IGNORECASE)
# ... describing the drug it is right before: "versus standard-of-care B", "the standard of care, B" ...
CARE_BEFORE_DRUG_RE = re.compile(r"(?:\s*\([^()]*\))?\s*[-,]?\s*")
# ... and given with what follows it, "and" between: "best supportive care (BSC) and maintenance A" is one arm.
CARE_AND_RE = re.compile(r"^(?:\s*\([^()]*\))?\s+(?:and|with)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# ... and after the drug's dose: "A at 800 mg once daily plus best supportive care" is A's arm.
DOSED_CARE_RE = re.compile(rf"(?:\s+(?:at|{DOSE_WORD}))+\s+(?:plus|with|and)\s+", re.IGNORECASE)
# Chemotherapy right after a drug is that drug's kind: "paclitaxel chemotherapy", "A-based chemotherapy".
CHEMOTHERAPY_RE = re.compile(r"\bchemotherap", re.IGNORECASE)
DRUG_BEFORE_CHEMOTHERAPY_RE = re.compile(r"[\s-]*(?:(?:based|containing)[\s-]+)?")
# A control arm whose treatment each patient's doctor chose.
CHOICE_RE = re.compile(r"\b(?:(?:the\s+)?treatment\s+of\s+)?(?:the\s+)?(?:investigator|physician|doctor|clinician)s?(?:['’]s?)?"
                       r"[\s-]+(?:choice|chosen)\b(?:\s+of\s+(?:therapy|treatment)\b)?", re.IGNORECASE)
CHOICE_NAME = "treatment of physician choice"  # the vocabulary's name for such an arm
# What the choice is of, right after it ("investigator's choice of chemotherapy", "physician's choice chemotherapy",
# "investigator's choice of A, B, or C"), or what it qualifies right before it ("chemotherapy of physician's choice").
CHOSEN_AFTER_RE = re.compile(r"\s+(?:of|from|between|among)\s+|\s*")
CHOSEN_BEFORE_RE = re.compile(r"\s+(?:of|per|by)\s+")
# The options of a choice listed after it: "A, B, or C", "A or B" ...
# (an option's dose may stand between: "A 8 mg or 12 mg QD or B 400 mg BID")
_AMOUNT = rf"\d[\d.,]*\s*{MASS_UNIT}"
OPTION_DOSE = (rf"(?:\s+{_AMOUNT}(?:\s+or\s+{_AMOUNT})?"
               r"(?:\s+(?:QD|BID|TID|Q\dW|once|twice|daily|weekly|orally|intravenously|IV|every|a|day|\d+|weeks?))*)?")
OPTION_GAP_RE = re.compile(OPTION_DOSE + r"\s*,?\s*(?:(?:or|and|and/or)\s+)?")
# ... or in a parenthesis right after the arm: "chemotherapy (A, B, or C)", "physician's choice (A or B)".
OPTIONS_RE = re.compile(r"\s*\((?=[^()]*\bor\b)[^()]*\)")
# A choice the text does not call one: drugs joined by "or" on the compared side of a comparison, right after its
# cue, after the patients it speaks of or after its value ("versus A or B", "compared with 13% of patients treated
# with A or B", "vs 9.1 months for those treated with either A or B", "compared with 9.1 months with A or B"), are
# one arm's options.  "randomised to A or B" lists
# two arms: no comparison cue stands right before it.
# ... also after a verdict of the comparison ("A was superior to B or C", "non-inferior to", "better than").
UNNAMED_CHOICE_CUE_RE = re.compile(r"\b(?:versus|vs\.?|v\.|compared\s+(?:with|to)|relative\s+to|(?:superior|(?:non-?)?inferior)\s+to|"
                                   r"better\s+than)\s+", re.IGNORECASE)
# A verdict with what it was given in between: "A was superior in OS and PFS to B", "superior overall survival to B"
# (read by arm_comparisons, where it compares two arms, and approval_agents, where B is no approved drug).
VERDICT_IN_TO = r"(?:superior|inferior)\s+(?:[\w()/-]+\s+){1,8}?to"
# "a choice of A or B", "the choice between A and B": the options named as one arm's (also read by arm_comparisons)
CHOICE_OF = r"choice\s+(?:of|between)\s+"
UNNAMED_CHOICE_LEAD_RE = re.compile(r"(?:(?:[^;:()]|\([^()]*\)){0,100}?(?:\b(?:of|for|in|among)\s+(?:the\s+)?(?:patients|those|participants)\s+"
                                    r"(?:who\s+)?(?:were\s+)?(?:treated\s+with|receiv(?:ed|ing)|given|on)\s+"
                                    r"|(?<=\d)(?:\s*(?:%|months?|weeks?|years?|percent))?(?:\s*\([^()]*\))?\s+(?:with|for|on)\s+))?"
                                    rf"(?:(?:an?|the)\s+{CHOICE_OF})?(?:either\s+)?",  # "versus a choice of A or B"
                                    re.IGNORECASE)
# ... or the options the control arm is said to hold: "the control arm received A or B", "or A or B in the control arm".
CONTROL_ARM = r"(?:control|comparator|reference)\s+(?:arm|group)\b"
# ... or the control therapy patients received: "for patients who received control therapy with A or B".
CONTROL_LEAD_RE = re.compile(rf"(?:\b{CONTROL_ARM}\s+(?:(?:was|were)\s+(?:treated\s+with|given)|received|receiving)|"
                             r"\b(?:received|receiving|given)\s+(?:the\s+)?control\s+(?:therapy|treatment)\s+(?:with|of))"
                             r"\s+(?:either\s+)?$", re.IGNORECASE)
CONTROL_AFTER_RE = re.compile(rf"(?:\s+[\w-]+){{0,4}}?\s+in\s+the\s+{CONTROL_ARM}", re.IGNORECASE)
# ... what it is compared with named before, or referred to: "in patients receiving this dual therapy".
THIS_THERAPY_RE = re.compile(r"\b(?:this|the)\s+(?:\w+\s+)?(?:combination|regimen|doublet|(?:immuno)?therapy)\b", re.IGNORECASE)
# Between two options: "or" or a comma, after an aside naming no drug ("A (n = 333) or B").
OR_GAP_RE = re.compile(r"(?:\s*\([^()]*\))?(?:\s*,\s*(?:or\s+)?|\s+or\s+)", re.IGNORECASE)
# An option named again in brackets right after it: "A (Brand)", "A [Brand®]".
BRAND_ASIDE_RE = re.compile(r"\s*[(\[]\s*")
# ... unless the last option is glued to the next drug ("versus A or B plus C": regimens, left to the arm readers).
OPTION_GLUED_RE = re.compile(r"\s*(?:\+|plus|combined\s+with|in\s+combination\s+with|with|and|or|/|-)\s*",
                             re.IGNORECASE)


def is_care(doc: AnalysedDocument, key: str) -> bool:
    """Is the entity care given alongside treatment (a procedure named "... care")?"""
    entity = doc.vocabulary[key]
    return entity.has_type("Procedure") and CARE_RE.search(entity.label) is not None


def is_procedure(doc: AnalysedDocument, key: str) -> bool:
    """Is the entity a procedure other than care (TACE, radiotherapy)?"""
    return doc.vocabulary[key].has_type("Procedure") and not is_care(doc, key)


def arm_parts(doc: AnalysedDocument, keys: Iterable[str]) -> tuple[str, ...]:
    """What sets an arm apart, from what it is given: placebo or care given with a drug is the drug's arm,
    care given with placebo is placebo's; care alone ("best supportive care alone") is an arm's agent."""
    given = set(keys)
    tested = {k for k in given if not is_care(doc, k)} or given
    drugs = {k for k in tested if not doc.vocabulary[k].has_type("Placebo")}
    return tuple(sorted(drugs or tested))


# A comparison still waiting for its "with": "compared A plus BSC with B" (no "with" between the cue and A).
COMPARING_RE = re.compile(r"\bcompar(?:e|es|ed|ing)\b(?![^;]*\bwith\b)", re.IGNORECASE)
WITH_RE = re.compile(r"\bwith\b", re.IGNORECASE)
CARE_ADDED_RE = re.compile(r"(?:\+|\bplus|\bwith|\bcombined\s+with|\bin\s+combination\s+with)\s*$", re.IGNORECASE)


def glued_to_care(doc: AnalysedDocument, text: str, before: Located, after: Located) -> bool:
    """Are two neighbours one arm because one is care given with the other ("BSC and A", "A with BSC")?"""
    gap = text[before[2]:after[1]]
    if WITH_RE.search(gap) and COMPARING_RE.search(text, 0, before[1]):
        return False  # "compared A plus BSC with placebo": the comparison's "with", not care's
    if is_care(doc, before[0].key) and CARE_ADDED_RE.search(text, 0, before[1]):
        return False  # "compared A plus BSC and placebo plus BSC": the care is A's already; "and" opens the next arm
    return ((is_care(doc, before[0].key) or is_care(doc, after[0].key)) and CARE_AND_RE.match(gap) is not None) \
        or (is_care(doc, after[0].key) and DOSED_CARE_RE.fullmatch(gap) is not None)


def comparator_mentions(doc: AnalysedDocument, sent: AnalysedSentence, located: list[Located], start: int = 0,
                        end: int | None = None) -> list[Located]:
    """The arm mentions of ``sent.text[start:end]`` read for comparators: care describing the drug after it
    dropped, each choice read as one arm, the options a choice lists dropped."""
    located = [x for x, after in zip(located, [*located[1:], None]) if not _describes(doc, sent.text, x, after)]
    located = [x for before, x in zip([None, *located[:-1]], located) if not _described(doc, sent.text, before, x)]
    located = _without_options(doc, sent.text, _choices(doc, sent, located, start, end))
    return _slashed_choices(doc, sent, _unnamed_choices(doc, sent, located))


# The options of a choice named together by a slash ("A/B", after "investigator's choice of A 8 mg or B 400 mg") are
# that choice's arm, no regimen of both; a choice's options are read up to the end of its clause, doses between.
SLASH_RE = re.compile(r"\s*/\s*")
CLAUSE_END_RE = re.compile(r"[;:.]|\buntil\b|\bfor\s+up\s+to\b", re.IGNORECASE)


def document_choices(doc: AnalysedDocument) -> frozenset[frozenset[str]]:
    """The sets of drugs each choice in the document offers ("investigator's choice of A or B"), read once."""
    def read() -> frozenset[frozenset[str]]:
        found = set()
        for sent in doc.sentences:
            for phrase in CHOICE_RE.finditer(sent.text):
                close = CLAUSE_END_RE.search(sent.text, phrase.end())
                end = close.start() if close else len(sent.text)
                offered = [m for m in sent.mentions if phrase.end() <= sent.local(m)[0] < end
                           and doc.vocabulary[m.key].has_type(*DRUG)]
                if len({m.key for m in offered}) >= 2 and re.search(r"\bor\b", sent.text[phrase.end():end]):
                    found.add(frozenset(m.key for m in offered))
        return frozenset(found)
    return doc.once("choices offered", read)


def _slashed_choices(doc: AnalysedDocument, sent: AnalysedSentence, located: list[Located]) -> list[Located]:
    """The mentions with "A/B" read as the physician's-choice arm where the document offers A or B as a choice."""
    chosen_arm = doc.finder.lookup(CHOICE_NAME)
    if chosen_arm is None or "/" not in sent.text or not (offered := document_choices(doc)):
        return located
    out: list[Located] = []
    for item in located:
        if out and SLASH_RE.fullmatch(sent.text, out[-1][2], item[1]) \
                and frozenset({out[-1][0].key, item[0].key}) in offered:
            s, e = out[-1][1], item[2]
            out[-1] = (Mention(*sent.sentence.mapped.original_span(s, e), chosen_arm, sent.text[s:e]), s, e)
        else:
            out.append(item)
    return out


def _describes(doc: AnalysedDocument, text: str, item: Located, after: Located | None) -> bool:
    """Is the care named at ``item`` a description of the drug right after it ("standard-of-care B")?"""
    return after is not None and _care_describes(doc, text, item[0].key, item[1], item[2], after[0].key, after[1])


def without_describing_care(doc: AnalysedDocument, text: str, arms: list) -> list:
    """Arms (with ``key``, ``start``, ``end``) without the care that describes the drug arm right after it, read apart
    from it at a comma ("to A (n = 300) or the standard of care, B (n = 150)": two arms, A and B)."""
    return [arm for arm, after in zip(arms, [*arms[1:], None])
            if not (after is not None and _care_describes(doc, text, arm.key, arm.start, arm.end, after.key, after.start))]


# A comparison fronted before its clause: "Compared with the standard of care, A reduced ..." (care is no description
# of the A after its comma).
FRONTED_COMPARISON_RE = re.compile(r"(?:^|[,:;]\s*|\bthat,?\s+)\W*(?:when\s+)?(?:compared\s+(?:with|to)|versus|vs\.?|"
                                   r"relative\s+to|against)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)


def _care_describes(doc: AnalysedDocument, text: str, care: str, start: int, end: int, drug: str, drug_start: int) -> bool:
    """Is the care named at ``start:end`` a description of the drug named right after it ("standard-of-care B",
    "the standard of care, B")?"""
    return care in doc.vocabulary and drug in doc.vocabulary and is_care(doc, care) \
        and doc.vocabulary[drug].has_type(*DRUG) and CARE_BEFORE_DRUG_RE.fullmatch(text[end:drug_start]) is not None \
        and not (text[end:drug_start].strip() == "," and FRONTED_COMPARISON_RE.search(text, 0, start))


def _described(doc: AnalysedDocument, text: str, before: Located | None, item: Located) -> bool:
    """Is the chemotherapy named at ``item`` the kind of the drug right before it ("paclitaxel chemotherapy")?"""
    return before is not None and CHEMOTHERAPY_RE.search(doc.vocabulary[item[0].key].label) is not None \
        and doc.vocabulary[item[0].key].has_type("Procedure") and doc.vocabulary[before[0].key].has_type(*DRUG) \
        and DRUG_BEFORE_CHEMOTHERAPY_RE.fullmatch(text[before[2]:item[1]]) is not None


def _choices(doc: AnalysedDocument, sent: AnalysedSentence, located: list[Located], start: int,
             end: int | None) -> list[Located]:
    """The mentions with each choice read as one arm: the chemotherapy it qualifies ("investigator's choice of
    chemotherapy"), else the physician's-choice arm, the options it lists after it ("of A, B, or C") dropped."""
    chosen_arm = doc.finder.lookup(CHOICE_NAME)
    for phrase in CHOICE_RE.finditer(sent.text, start, len(sent.text) if end is None else end):
        s, e = phrase.span()
        located = [x for x in located if x[2] <= s or x[1] >= e]  # a name inside it: "investigator choice"
        before = [x for x in located if x[2] <= s]
        after = [x for x in located if x[1] >= e]
        of = CHOSEN_AFTER_RE.match(sent.text, e)
        if after and after[0][1] == of.end() and doc.vocabulary[after[0][0].key].has_type("Procedure"):
            # "investigator's choice of chemotherapy": the chemotherapy is the arm, named from the choice on
            located = [(x[0], s, x[2]) if x is after[0] else x for x in located]
            continue
        if before and CHOSEN_BEFORE_RE.fullmatch(sent.text, before[-1][2], s) \
                and doc.vocabulary[before[-1][0].key].has_type("Procedure"):
            located = [(x[0], x[1], e) if x is before[-1] else x for x in located]  # "chemotherapy of investigator's choice"
            continue
        if chosen_arm is None:
            continue
        options = _options(doc, sent.text, after, e)
        located = [x for x in located if x not in options]
        arm = (Mention(*sent.sentence.mapped.original_span(s, e), chosen_arm, phrase.group()), s, e)
        located = sorted([*located, arm], key=lambda x: (x[1], x[2]))
    return located


def _unnamed_choices(doc: AnalysedDocument, sent: AnalysedSentence, located: list[Located]) -> list[Located]:
    """The mentions with each unnamed choice ("compared with 13% of patients treated with A or B") read as
    the physician's-choice arm: its options are no arms of their own, and no regimen."""
    chosen_arm = doc.finder.lookup(CHOICE_NAME)
    if chosen_arm is None:
        return located
    text, i = sent.text, 0
    while i < len(located):
        options = _or_options(doc, text, located[i:])
        taken = len(options)
        after = located[i + taken] if options and i + taken < len(located) else None  # what follows the last option
        if not options or not _one_arms_options(text, located[i - 1][2] if i else 0, options) \
                or (after is not None and OPTION_GLUED_RE.fullmatch(text, options[-1][2], after[1])) \
                or not (_counterpart(doc, text, [*located[:i], *located[i + taken:]], options)
                        or _held_by_control(text, located[i - 1][2] if i else 0, options)):
            i += 1
            continue
        s, e = options[0][1], options[-1][2]
        arm = (Mention(*sent.sentence.mapped.original_span(s, e), chosen_arm, text[s:e]), s, e)
        located = [*located[:i], arm, *located[i + taken:]]
        i += 1
    return located


def _one_arms_options(text: str, start: int, options: list[Located]) -> bool:
    """Are the alternatives ``options`` one arm's, by a comparison's cue before them (no drug between, which starts at
    or after ``start``) or by the control arm they are said to be given in ("the control arm received A or B", "or A
    or B as capsules in the control arm")?"""
    return led_by_comparison(text, start, options[0][1]) or _held_by_control(text, start, options)


def _held_by_control(text: str, start: int, options: list[Located]) -> bool:
    """Are the alternatives said to be the control arm's (then one arm's, whether or not the sentence names the arm
    they are compared with: "20.6 months for patients who received control therapy with A or B")?"""
    return CONTROL_LEAD_RE.search(text[start:options[0][1]]) is not None or CONTROL_AFTER_RE.match(text, options[-1][2]) is not None


def _counterpart(doc: AnalysedDocument, text: str, others: list[Located], options: list[Located]) -> bool:
    """Is what the choice is compared with named in the sentence (``others``: its mentions but the options'),
    and none of the options a part of it?  "10.7 versus 7.9 months for patients receiving A or B" gives both
    arms' values (the alternatives are the arms); "A plus B vs C or B alone" compares A plus B with two arms
    (a part alone is no one's choice)."""
    named = {x[0].key for x in others if doc.vocabulary[x[0].key].has_type(*DRUG)}
    if named & {o[0].key for o in options}:
        return False
    return bool(named) or THIS_THERAPY_RE.search(text, 0, options[0][1]) is not None


def compared_choice(text: str, end: int) -> bool:
    """Is "treated with" ending at ``end`` and followed by "either A or B" the compared side of a comparison ("vs 9
    months for those treated with either A or B"): one arm's options, no list of arms as after "received either"?"""
    either = re.match(r"\s+either\s+", text[end:])
    return either is not None and led_by_comparison(text, 0, end + either.end())


def led_by_comparison(text: str, start: int, end: int) -> bool:
    """Does a comparison's cue, and at most the value and the patients it speaks of, come right before ``end``
    (no drug between, which starts at or after ``start``)?"""
    cues = [m for m in UNNAMED_CHOICE_CUE_RE.finditer(text, start, end)]
    return bool(cues) and UNNAMED_CHOICE_LEAD_RE.fullmatch(text, cues[-1].end(), end) is not None


def _or_options(doc: AnalysedDocument, text: str, after: list[Located]) -> list[Located]:
    """The drugs listed from ``after[0]`` on as alternatives ("A or B", "A, B, or C"): [] unless "or" closes them.
    An option's brand in brackets right after it ("A (Brand) or B (Brand)") names it again, no option of its own
    (it is returned with its option, so that the caller takes both); a drug named twice otherwise ("A or A plus
    B"), or with the short form the text goes on to use ("A (ABBR) or B (ABBR)": abstracts then compare "X vs
    ABBR/ABBR", which the arm readers read as its drugs), is no list of alternatives here."""
    listed: list[Located] = []
    again: dict[int, list[Located]] = {}  # each option's brand asides, by the option's place in ``listed``
    for item in after:
        if listed and item[0].key == listed[-1][0].key and BRAND_ASIDE_RE.fullmatch(text, _end(listed, again), item[1]) \
                and not text[item[1]:item[2]].isupper():  # ("A (ABBR) or B (ABBR)" defines short forms, left alone)
            again.setdefault(len(listed) - 1, []).append(item)
            continue
        if listed and item[0].key == listed[-1][0].key:
            return []
        if not doc.vocabulary[item[0].key].has_type(*DRUG) or (listed and not OR_GAP_RE.fullmatch(text, listed[-1][2], item[1])):
            break
        listed.append(item)
    while len(listed) >= 2 and not re.search(r"\bor\s+$", text[listed[-2][2]:listed[-1][1]], re.IGNORECASE):
        listed.pop()  # "A, B" with no "or" is no choice
    return [x for i, option in enumerate(listed) for x in (option, *again.get(i, []))] if len(listed) >= 2 else []


def _end(listed: list[Located], again: dict[int, list[Located]]) -> int:
    """Where the last option ends, a brand naming it again counted out ("A (Brand": the bracket opens after A)."""
    return listed[-1][2] if len(listed) - 1 not in again else again[len(listed) - 1][-1][2]


def _listed_from(doc: AnalysedDocument, text: str, after: list[Located], start: int) -> list[Located]:
    """The drugs listed from ``start`` on ("A, B, or C"), each glued to the one before by a comma, "or" or "and"."""
    listed: list[Located] = []
    for item in after:
        if item[1] != (OPTION_GAP_RE.match(text, listed[-1][2]).end() if listed else start) \
                or not doc.vocabulary[item[0].key].has_type(*DRUG):
            break
        listed.append(item)
    return listed


# "investigator's choice of tyrosine kinase inhibitor (TKI) between A or B", "... of a TKI (A or B)": the class chosen
# from, then its options
CHOICE_CLASS_RE = re.compile(r"\s+(?:of|from|between|among)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:inhibitors?|TKIs?|"
                             r"agents?|drugs?|therap(?:y|ies)|treatments?|regimens?)(?:\s*\([^()]*\))?"
                             r"(?:\s*[(:]\s*|\s+(?:between|among|from|of|such\s+as|including)\s+)(?:either\s+)?", re.IGNORECASE)


def _options_after_class(doc: AnalysedDocument, text: str, after: list[Located], end: int) -> list[Located]:
    """The drugs a choice of a class lists ("... choice of TKI (A or B)", "... between A (Brand) or B (Brand)"), each
    brand naming one again with it; [] unless two drugs or more are joined by "or"."""
    cls = CHOICE_CLASS_RE.match(text, end)
    listed: list[Located] = []
    last: Located | None = None  # the last option (a brand after it names it again)
    for item in (x for x in after if cls is not None and x[1] >= cls.end()):
        if last is not None and item[0].key == last[0].key and BRAND_ASIDE_RE.fullmatch(text, last[2], item[1]):
            listed.append(item)  # "A (Brand)": A named again
        elif doc.vocabulary[item[0].key].has_type(*DRUG) and (
                item[1] == cls.end() if last is None else OR_GAP_RE.fullmatch(text, last[2], item[1]) is not None):
            listed.append(item)
            last = item
        else:
            break
    keys = {x[0].key for x in listed}
    return listed if len(keys) >= 2 and re.search(r"\bor\b", text[listed[0][1]:listed[-1][2]]) else []


def choice_spans(doc: AnalysedDocument, sent: AnalysedSentence) -> list[tuple[int, int]]:
    """Where each choice with the options it lists lies in the sentence ("investigator's choice of A or B"): a list
    of arms is not to be cut at its "or"."""
    spans: list[tuple[int, int]] = []
    for phrase in CHOICE_RE.finditer(sent.text):  # (most sentences name no choice: the mentions only then)
        located = sorted(((m, *sent.local(m)) for m in sent.mentions), key=lambda x: (x[1], x[2]))
        if options := _options(doc, sent.text, [x for x in located if x[1] >= phrase.end()], phrase.end()):
            spans.append((phrase.start(), max(x[2] for x in options)))
    return spans


def _options(doc: AnalysedDocument, text: str, after: list[Located], end: int) -> list[Located]:
    """The options a choice ending at ``end`` lists: drugs right after it ("... choice of A, B, or C"), else after
    the class chosen from ("... choice of TKI (A or B)")."""
    of = CHOSEN_AFTER_RE.match(text, end)
    listed = _listed_from(doc, text, after, of.end()) if of.group().strip() else []
    return listed or _options_after_class(doc, text, after, end)


def _without_options(doc: AnalysedDocument, text: str, located: list[Located]) -> list[Located]:
    """The mentions without the options a parenthesis lists right after a procedure's arm: "chemotherapy
    (A, B, or C)", "chemotherapy (investigator's choice of A or B)" is chemotherapy, its drugs the ones to
    choose from, no regimen."""
    dropped: set[int] = set()
    for i, (mention, _, end) in enumerate(located):
        if i in dropped or not doc.vocabulary[mention.key].has_type("Procedure"):
            continue
        if options := OPTIONS_RE.match(text, end):
            dropped |= {j for j, x in enumerate(located) if end <= x[1] and x[2] <= options.end()}
    return [x for i, x in enumerate(located) if i not in dropped]
