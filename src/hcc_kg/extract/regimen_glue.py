"""What joins the parts of one regimen in prose, as patterns: "A plus B", "A 400 mg twice daily plus 1200 mg B", "A, a
multikinase agent, plus the anti-PD-L1 agent B", "the combination of A and B" (read by :mod:`.prose_arms`, whose
agents are these regimens). Split from :mod:`.prose_arms` to keep each module short.
"""

from __future__ import annotations

import re

from ..model import Mention
from .arm_options import ROUTE_WORDS
from .sentences import DOSE_WORD

# The first part's dose and schedule before the glue: "A at 200 mg every 3 weeks plus B", "A 8 mg/kg plus B".
DOSE_GAP = rf"(?:\s+(?:at\s+)?{DOSE_WORD}|\s+weekly)*"  # "A 400 mg twice daily plus B", "A twice a day plus B"
# ... and the second part's own dose before it: "A plus 1200 mg (of) B".
DOSE_BEFORE = r"\d[\d.,]*\s*(?:mg|mcg|µg|g)(?:/[\w²]+)*\s+"  # a dose written before its drug ("1200 mg B"; read by prose_sizes too)
SECOND_DOSE = rf"(?:{DOSE_BEFORE}(?:of\s+)?)?"
# A drug named by its class before its name, in the glue of a regimen or in a count of its arm: "plus the experimental
# drug B", "the combination of the PD-1 inhibitor A and ...", "the 210 patients randomised to the T inhibitor A".
DRUG_CLASS_NOUN = r"(?:inhibitor|antagonist|agonist|antibody|agent|drug|TKI|ICI|compound|medicine)"
# How a part is given with the other: "A (given) in combination with B", "A, administered combined with B".
COMBINED_WITH = r"(?:(?:given|administered|used|delivered)\s+)?(?:combined with|in combination with)"
# How the next part of a regimen may be described before its name, after the combining word: "plus intravenous B",
# "plus the experimental drug B", "plus the anti-PD-1 agent B", "with the engineered fully human antibody B" (up to
# four words before the class noun), "plus the T-TKI B" (the class noun hyphened to
# its target), "plus 1200 mg (of) B".
# ... or how long it is given first: "plus up to 18 months of the ICI B", "plus 30 cycles of B".
# ... or once: "plus a single (priming) dose of B".
NEXT_PART = (rf"\s*(?:(?:up\s+to\s+)?\d+\s+(?:years?|months?|weeks?|cycles?|doses?)\s+of\s+|"
             r"(?:an?|one)\s+(?:single\s+|one-time\s+)?(?:priming\s+|loading\s+)?(?:dose|infusion)\s+of\s+)?(?:(?:the|an?)\s+)?"
             rf"{SECOND_DOSE}{ROUTE_WORDS}(?:anti-?[\w-]+\s+)?"
             rf"(?:(?:[\w-]+\s+){{0,4}}?(?:\w+-)?{DRUG_CLASS_NOUN}\s+)?")
# The glue between parts of one regimen ("A plus B", "A/B"); an aside in parentheses ("A (a T inhibitor) plus B") does not part them.
# ... nor a description of the next part: "A plus the anti-VEGF B", "A along with B", nor its salt written first
# ("A + mesylate B"), nor the first part's dosage form ("CODE Injection combined with B Tablets"), nor how the first is
# given ("A given in combination with B"); "A-plus-B" hyphenated as one modifier ("the A-plus-B arm").
# ... nor a press release's brands with their generic names in brackets: "BRAND® (A injection) in combination with
# BRAND2® (B)"; a part added to another is given with it ("a priming dose of A added to B").
GLUE_RE = re.compile(r"^(?:\s*(?:\([^()]*\)|\[[^\[\]]*\]))?[)\]]?(?:\s+(?:for\s+)?(?:injection|tablets?|capsules?)[)\]]?)?"
                     rf"{DOSE_GAP}"
                     rf"\s*(?:\+|plus|{COMBINED_WITH}|"
                     r"along with|together with|in tandem with|followed by|(?:given\s+)?before\s+and\s+after|"
                     r"(?:(?:was|were|is|are|being)\s+)?added\s+(?:on\s+)?to)"
                     rf"{NEXT_PART}"
                     r"(?:(?:mesylate|besylate|tosylate|hydrochloride|malate|maleate)\s+)?(?:[A-Z][\w-]*[®™]\s*\(\s*)?$|^[/-]$|^-(?:plus|and|with)-$",
                     re.IGNORECASE)
# ... nor a comma before the combining words, the next part perhaps described first: "A, combined with the
# small-molecule targeted therapy B, as first-line treatment".
COMMA_COMBINED_RE = re.compile(r"^,\s+(?:(?:given|administered|used|delivered)\s+)?(?:combined|in\s+combination|together)\s+with\s+(?:(?:the|an?|its)\s+"
                               rf"(?:[\w-]+\s+){{0,4}}?(?:therapy|{DRUG_CLASS_NOUN})\s+)?$",
                               re.IGNORECASE)
# What opens an aside right after an agent: "A (", "A (Brand, Company": a name in it repeating A is A.
# ("BRAND® (A": the brand, then A; "A (INN; code)"; "A injection (Brand": its form, then its brand)
REPEAT_ASIDE_RE = re.compile(r"[®™]?(?:\s+(?:for\s+)?(?:injection|tablets?|capsules?))?\s*[(\[][^()\[\]]*", re.IGNORECASE)
# ... or set off by commas after "or": "Brand, or generic, and ..." names the same drug again.
REPEAT_OR_RE = re.compile(r",\s+(?:or|also\s+known\s+as)\s+")
# ... or the drug named as a copy of itself before its code: "the B biosimilar CODE" (CODE a name of B).
REPEAT_COPY_RE = re.compile(r"\s+(?:biosimilar|generic)\s+", re.IGNORECASE)
GLUE_AFTER_RE = re.compile(r"\s*(?:\+|plus\b|combined\s+with\b|in\s+combination\s+with\b)", re.IGNORECASE)
# "the combination of A and B", "combination therapy with A and B", "the combination of A with B": here "and"
# or "with" joins one regimen's parts ...
# ... also "dual immunotherapy treatment with A and B", "doublet therapy of A and B"
# ... the first part perhaps described first: "the combination of the PD-1 inhibitor A and the B biosimilar C"
COMBINATION_LEAD_RE = re.compile(r"\bcombination\s+(?:\w+\s+)?(?:of|with|using)\s+"  # "combination treatment using A and B"
                                 rf"(?:(?:the|an?)\s+(?:[\w-]+\s+){{0,2}}?{DRUG_CLASS_NOUN}\s+)?$|"
                                 r"\b(?:dual|doublet|triplet)\s+(?:[\w-]+\s+){0,2}?(?:treatment|therapy|regimen|blockade)\s+"
                                 r"(?:of|with)\s+$|"
                                 # "concurrent (conventional) TACE and B": given together
                                 r"\b(?:concurrent|concomitant|simultaneous)\s+(?:(?:conventional|standard|oral|"
                                 r"systemic|metronomic|low-dose)\s+)?$", re.IGNORECASE)
# ... whatever aside follows a part ("the combination of A (Brand) and B (Brand)")
ASIDE_RE = re.compile(r"^\s*(?:\([^()]*\)|\[[^\[\]]*\])")
# ... or a list of three closed by "and": "the combination of A, B, and C"
LIST_CLOSE_RE = re.compile(r",?\s+and\s+")
# ... the second part may carry a few describing words: "the combination of A and standard first-line B", or its
# maker, as news names it: "the combination of A and Maker AG's B"
COMBINED_PART_GAP_RE = re.compile(r"\s+(?:and|with)\s+(?:(?:an?|one)\s+(?:single\s+|one-time\s+)?(?:priming\s+|loading\s+)?"
                                  r"(?:dose|infusion)\s+of\s+)?(?:(?!(?:or|versus|vs|to|than|alone|was|were|is|are|in|for|of)\b)"
                                  r"[\w-]+\s+){0,3}(?:(?-i:[A-Z][\w&-]*)['’]s\s+)?", re.IGNORECASE)
# ... and an apposition between the parts does not split it: "A, a PD-L1 inhibitor, plus B" ("A (CODE), a ..."), also one of coordinated
# adjectives whose closing comma is left out before the glue ("A, a humanized, bispecific antibody plus B").
APPOSITION_GLUE_RE = re.compile(r"^(?:\s*\([^()]*\))?,\s+(?:an?|the)\s+(?:(?:[^,;]{1,60},\s*){1,4}|(?:[^,;]{1,60},\s*){0,3}[^,;]{0,60}?\b"
                                r"(?:antibod(?:y|ies)|mAb|inhibitor|TKI|blocker|agent|drug|molecule|compound|conjugate)\s+)"
                                rf"(?:\+|plus|{COMBINED_WITH}){NEXT_PART}$",
                                re.IGNORECASE)

# ... or the pair named first, the combination after it: "A (anti-T) and B (anti-U) combination therapy", "the A-and-B
# combination".
COMBINATION_AFTER_RE = re.compile(r"(?:\s*\([^()]*\))?[\s-]+(?:combination|combined)\s+(?:therapy|treatment|regimen|immunotherapy)\b",
                                  re.IGNORECASE)

# What patients took, right before the first part: "patients taking A with B", "those receiving A with B".
# ... or what a study gave: "a phase 1b study of A with B" (one regimen studied)
RECEIVING_BEFORE_RE = re.compile(r"\b(?:taking|took|receiving|received|given|treated\s+with|on|"
                                 r"(?:stud(?:y|ies)|trials?)\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
# ... unless a verb that pairs its object "with" another governs the first part: "comparing A with B", "compared the
# activity of A with B", "replacing A with B" (a comma ends its reach: "Compared with C, A with B improved OS").
PAIRING_VERB_BEFORE_RE = re.compile(r"\b(?:compar|contrast|replac|substitut|switch|swapp)\w*\b[^,;:.()]*$", re.IGNORECASE)


def _with_joins(text: str, first: int, end: int | None) -> bool:
    """Does "with" join two drugs into one regimen ("A with B improved OS")?  Not when a pairing verb governs the first
    ("comparing A with B") nor when the second only modifies what follows ("A with B-refractory disease").

    >>> _with_joins("Drug-a with drug-b lowered the risk.", 0, 19)
    True
    >>> _with_joins("We compared drug-a with drug-b.", 12, 30)
    False
    """
    if end is not None and re.match(r"-\w", text[end:end + 2]):
        return False
    return PAIRING_VERB_BEFORE_RE.search(text, max(0, first - 80), first) is None


def glued(text: str, group: list[tuple[Mention, int, int]], start: int, end: int | None = None) -> bool:
    """Does the agent at ``start:end`` belong to the regimen ``group`` names?"""
    gap = text[group[-1][2]:start]
    if GLUE_RE.match(gap) or APPOSITION_GLUE_RE.match(gap) or COMMA_COMBINED_RE.match(gap):
        return True
    if re.fullmatch(r"\s+with\s+", gap) and (RECEIVING_BEFORE_RE.search(text, max(0, group[0][1] - 40), group[0][1])
                                              or _with_joins(text, group[0][1], end)):
        return True  # "patients taking A with B", "A with B reduced the risk": one regimen ("comparing A with B": two)
    if len(group) >= 2 and re.fullmatch(r"\s+and\s+", gap) and not (end and GLUE_AFTER_RE.match(text, end)) \
            and not re.search(r",\s*$", text[:group[0][1]]):
        return True  # "placebo plus A and B": the regimen goes on ("A plus B and C plus D", "X, A plus B and C" list)
    if len(group) == 1 and end is not None and re.fullmatch(r"[\s-]+and[\s-]+", ASIDE_RE.sub("", gap, count=1)) \
            and COMBINATION_AFTER_RE.match(text, end):
        return True  # "A (anti-T) and B combination therapy": one regimen
    lead = COMBINATION_LEAD_RE.search(text, max(0, group[0][1] - 70), group[0][1])
    if not lead or lead.end() != group[0][1]:
        return False
    gap = ASIDE_RE.sub("", gap, count=1)  # "the combination of A (Brand) and B": the part's aside parts nothing
    if len(group) == 1 and re.fullmatch(r",\s*", gap):
        return end is not None and LIST_CLOSE_RE.match(text, end) is not None  # "the combination of A, B(,) and C"
    if len(group) == 2 and re.fullmatch(r",\s*", text[group[0][2]:group[1][1]]):
        return LIST_CLOSE_RE.fullmatch(gap) is not None  # ... its last part
    return len(group) == 1 and COMBINED_PART_GAP_RE.fullmatch(gap) is not None
