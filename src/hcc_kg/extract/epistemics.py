"""How a statement is put: negated or not (polarity), stated or hedged (certainty).

:func:`reading` looks at the clause that governs a statement — the words between its key
mentions, plus the clause around them up to the nearest clause limit — and reports the
negation and hedge cues it finds there. Cues in another clause ("..., but X did not improve
survival", "patients who did not respond") do not govern the statement and are ignored.

>>> s = "Foonib inhibits KDR, but it did not improve survival."
>>> reading(s, 0, s.index("KDR") + 3)
('positive', 'asserted')
>>> s = "Foonib did not inhibit KDR in the invented assay."
>>> reading(s, 0, s.index("KDR") + 3)
('negative', 'asserted')
>>> s = "Foonib may inhibit KDR."
>>> reading(s, 0, s.index("KDR") + 3)
('positive', 'hedged')
"""

from __future__ import annotations

import re

from ..model import CERTAINTIES, POLARITIES

POSITIVE, NEGATIVE = POLARITIES
ASSERTED, HEDGED = CERTAINTIES

# Where a clause ends, looking left from a statement (its subject may lie further left, but
# a cue there belongs to another clause).
# A bullet mark opens another item of a list run into one sentence.
LEFT_LIMIT = re.compile(
    r"[;:\u2022\u25aa\u25e6\u2023]|[.!?](?=\s)|,|\b(?:but|however|whereas|although|though|while|yet)\b", re.IGNORECASE)
# Where a clause ends, looking right; a relative clause ("who/which/that ...") or a second
# verb phrase ("and was ...") speaks of something else.
# A reduced relative clause has no verb of its own before it ("kinases believed to ...", not "X is believed to ...").
_NO_VERB_BEFORE = r"(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere)(?<!\bbe)(?<!\bbeen)"
RIGHT_LIMIT = re.compile(
    r"[;:,(\u2022\u25aa\u25e6\u2023]|[.!?](?=\s|$)|\b(?:but|however|whereas|although|though|while|yet|who|whom|whose|which|that)\b"
    r"|\band\s+(?=(?:was|were|is|are|has|have|had|did|does|do|may|might|could|will|showed|demonstrated)\b)"
    # ... or one whose own verb denies ("X inhibits A and spares B": the sparing is B's, not A's)
    r"|\band\s+(?=(?:\w+ly\s+)?(?:spar(?:es|ed)|lack(?:s|ed)|fail(?:s|ed))\b)"
    # ... or a consequence drawn ("X is a T inhibitor and thus a likely candidate": the hedge is the consequence's)
    r"|\band\s+(?=(?:therefore|thus|hence|consequently)\b)"
    # ... and a reduced relative clause, its pronoun and verb left out ("kinases believed to be involved in growth"
    # describes the kinases; it does not hedge what is said of them)
    rf"|{_NO_VERB_BEFORE}\s(?=(?:believed|thought|presumed|suspected)\s+to\b)"
    # ... or one of a drug's status ("an inhibitor of T being studied in D" is what is studied, not a hedge of it;
    # "that T is currently being studied" keeps its verb, so it still hedges)
    rf"|{_NO_VERB_BEFORE}(?<!\bcurrently)(?<!\bnow)(?<!\bstill)(?<!\balso)"
    r"\s(?=(?:(?:currently|now|still|also)\s+)?being\s+(?:studied|tested|evaluated|investigated|developed|explored|assessed)"
    r"\s+(?:in|for)\b)",
    re.IGNORECASE)
# A relative clause left of the statement ("Patients who did not respond ... received X").
LEFT_RELATIVE = re.compile(r"\b(?:who|whom|whose|which)\b", re.IGNORECASE)
# Asides inside the statement: "(not approved in Europe)", ", which did not ...,", ", but not Y,"
# (the "not" excludes Y from the statement; it does not negate it).
ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|,\s*(?:which|who|whom)\b[^,;]*(?:,|$)|,\s*(?:but|and)\s+not\s+[^,;]{1,60},",
                   re.IGNORECASE)
# For a drug-target statement the target ends the span: a relative clause still open there ("X, which does not
# bind T") is the statement itself, not an aside; only one closed by a comma is set aside.
CLOSED_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|,\s*(?:which|who|whom)\b[^,;]*,|,\s*(?:but|and)\s+not\s+[^,;]{1,60},",
                          re.IGNORECASE)

# Phrases that look negative but are not ("not only ... but also", "cannot be excluded" = hedge).
NOT_NEGATION = re.compile(
    r"\bnot\s+only\b|\bnot\s+limited\s+to\b|\b(?:whether|if)\s+or\s+not\b|\bwith\s+or\s+without\b"
    r"|\b(?:can\s*not|could\s+not|can't|couldn't|may\s+not|might\s+not)\s+be\s+(?:excluded|ruled\s+out)\b",
    re.IGNORECASE)
# "potential" that grades the drug, not the statement: "a potential first-in-class T inhibitor", "an inhibitor of T
# with potential antineoplastic activity" (a definition's boilerplate) say nothing hedged of what it acts on.
# Nor does the noun after a verb that reports a finding: "NAME demonstrated the potential of X, leading to its approval".
NOT_HEDGE = re.compile(r"\bpotential(?:ly)?\s+(?:first|best)[- ]in[- ]class\b"
                       r"|\b(?:demonstrated|showed|shown|confirmed|established)\s+the\s+(?:[\w-]+\s+)?potential\s+of\b"
                       r"|\bpotential\s+(?:[\w-]+\s+|and\s+|,\s*){0,6}?activit(?:y|ies)\b(?!\s+(?:against|on|towards?)\b)",
                       re.IGNORECASE)
# Where a class of drugs stands ("T-targeting agents that are in development, including X"): it hedges an
# approval, not what the drugs act on (see ``reading(..., of_mechanism=True)``).  "X is being developed as a
# T inhibitor" stays hedged: it speaks of X's own status as a T inhibitor.
DEVELOPMENT_STATUS = re.compile(r"\b(?:that|which)\s+(?:is|are|were)\s+(?:currently\s+|now\s+)?(?:in|under)\s+"
                                r"(?:clinical\s+)?development\b", re.IGNORECASE)
# Said of what a drug acts on only (elsewhere "candidate patients", "presumed HCC" hedge nothing): "X, a candidate
# T inhibitor", "a presumed T antagonist"; "a candidate for ..." is no hedge.
MECHANISM_HEDGE = re.compile(r"\b(?:candidate|presum(?:ed|ptive)|suspected|alleged|so-called)\s+(?!(?:for|to|in|of|with)\b)[\w/-]",
                             re.IGNORECASE)  # the adjective before what X is said to be (its noun may lie past the span)
# Between the drug and the target only (a weak activity on another target further on grades that one, not this):
# "X shows weak activity against T", "X weakly inhibits T" state too little to be a fact of what X acts on ("weaker",
# "lesser" rank a second target against a first and stay facts); "X has little activity against T", "X kills cells
# independently of T" say it does not act on T.
WEAK_ACTIVITY = re.compile(r"\bweak(?:ly)?\b", re.IGNORECASE)
NO_ACTIVITY = re.compile(r"\blittle\s+(?:or\s+no\s+|if\s+any\s+)?(?:[\w-]+\s+)?(?:activity|effect|inhibition|affinity|binding|potency)\b"
                         r"|\bindependent(?:ly)?\s+of\b", re.IGNORECASE)
# "X was developed as a T inhibitor, but ...", "X has been described as a T inhibitor; however ...": what X was made
# or said to be, turned by a contrast in the same sentence, is another's word, not the text's statement.
PRESENTED_AS = re.compile(r"\b(?:developed|designed|described|marketed|characteri[sz]ed|introduced|tested|investigated|studied|"
                          r"evaluated|classified|regarded|considered|promoted|labell?ed|billed|touted|advanced)\s+"
                          r"(?:\w+\s+){0,3}?as\s+(?:an?|the)\b"
                          # "X was initially reported to inhibit T, but ...": a report the sentence then turns
                          r"|\b(?:reported|described|claimed|said|believed|thought|presumed)\s+to\b", re.IGNORECASE)
CONTRAST_AFTER = re.compile(r"^[^.;]*?\b(?:but|however|yet|although|though|whereas)\b|^[^.]*;\s*(?:however|instead|rather)\b",
                            re.IGNORECASE)
HEDGING_DOUBLE_NEGATIVE = re.compile(r"(?:\bcannot|\bnot|n't)\s+be\s+(?:excluded|ruled\s+out)\b", re.IGNORECASE)

NEGATION = re.compile(
    r"\bnot\b|n't\b|\bnever\b|\bneither\b|\bnor\b|\bcannot\b|\bno\s+longer\b"
    r"|(?-i:\b[Nn]o\b)(?!\.\s*\d)"  # "no activity", "No significant"; not "NO" (nitric oxide), "No. 3"
    r"|\bfail(?:s|ed|ing)?\s+to\b|\bfail(?:s|ed)?\b(?!ure)"
    r"|\black(?:s|ed|ing)?\b|\babsence\s+of\b|\bdevoid\s+of\b|\binactive\s+(?:against|on|towards?)\b"
    # "negligible activity against T", "its inhibition of T was minimal": an amount that is none
    r"|\b(?:negligible|minimal|insignificant|undetectable)\b"
    # "spares KDR", "KDR-sparing": the drug leaves the target alone
    r"|\bspar(?:es|ed|ing)\b"
    r"|\bunable\s+to\b|\bdeclined\b|\brefused\b|\bwithdr[ae]wn?\b"
    # "without" negates the relation only when it governs an action or an activity noun,
    # not in "without prior therapy" or "patients without cirrhosis".
    r"|\bwithout\s+(?:any\s+|significant\s+|measurable\s+|appreciable\s+)?"
    r"(?:(?!having\b|receiving\b|undergoing\b|being\b)\w+ing\b|activity|effect|binding|affinity|inhibition)",
    re.IGNORECASE)

# "May" is the month after a day or a preposition ("on 29 May", "in May", "since early May") or before a
# year or day ("May 2021"); elsewhere (a sentence's first word) it is the modal. (:mod:`.approval_cues`
# masks "in May" with the same words.)
MONTH_PREPOSITIONS = ("in", "on", "of", "by", "to", "since", "until", "from", "early", "late", "mid-", "mid", "last",
                      "this", "next", "during", "before", "after")
_MONTH_MAY = r"(?<!\d )" + "".join(rf"(?<!{re.escape(w)}{'' if w.endswith('-') else ' '})" for w in MONTH_PREPOSITIONS)
HEDGE = re.compile(
    rf"(?-i:\bmay\b)|{_MONTH_MAY}\bMay\b(?!\s+\d)|\bmight\b|\bcould\b|\bwould\b"
    r"|\bpotential(?:ly)?\b|\bpossib(?:le|ly|ility)\b|\bputative(?:ly)?\b|\bpresumabl[ey]\b"
    r"|\b(?:un)?likely\b|\bwhether\b|\bunclear\b|\bunknown\b|\buncertain\b"
    r"|\bbeing\s+(?:evaluated|investigated|developed|studied|tested|explored|assessed|examined|reviewed)\b"
    r"|\bunder\s+(?:investigation|review|evaluation|development|study|consideration)\b"
    r"|\b(?:is|are)\s+(?:currently\s+)?(?:in\s+development|investigational)\b"
    r"|\bundergoing\b|\bplanned\b|\bwill\b|\bexpected\s+to\b|\bhypothesi[sz]ed\b|\bproposed\b"
    r"|\b(?:application|filing|submission)\b[^.;]{0,60}\baccepted\b|\baccepted\b[^.;]{0,40}\b(?:application|filing)\b"
    r"|\bpriority\s+review\b|\bdesignation\b"
    r"|\bsuggest(?:s|ed|ing)?\b|\b(?:appear|seem)(?:s|ed)?\s+to\b|\bpreliminary\b"
    r"|\b(?:thought|believed|presumed|speculated|predicted|postulated|claimed)\s+to\b|\breportedly\b|\bpurported(?:ly)?\b"
    r"|\bspeculat(?:ed|es|ion)\b"
    # "X was originally described as a T inhibitor (but ...)": an earlier report, not the text's own statement
    r"|\b(?:originally|initially|previously|once)\s+(?:described|reported|characteri[sz]ed|classified|considered|regarded|"
    r"labell?ed)\s+as\b",
    re.IGNORECASE)


def governing_text(text: str, start: int, end: int, aside: re.Pattern = ASIDE) -> str:
    """The words that govern the statement in ``text[start:end]``: its clause, asides removed.

    >>> s = "Patients who did not respond received foonib, a KDR inhibitor, in this made-up trial."
    >>> governing_text(s, s.index("foonib"), s.index("KDR") + 3)
    'Patients foonib, a KDR inhibitor'
    """
    left = text[:start]
    limits = list(LEFT_LIMIT.finditer(left))
    left = left[limits[-1].end():] if limits else left
    relative = LEFT_RELATIVE.search(left)
    if relative:
        left = left[:relative.start()]
    right = text[end:]
    limit = RIGHT_LIMIT.search(right)
    right = right[:limit.start()] if limit else right
    return left + aside.sub(" ", text[start:end]) + right


# "X did not inhibit A but inhibited B": a contrast inside the statement turns the negation before it away
# from what follows ("not only A but also B" and "but not B" keep theirs).
CONTRAST = re.compile(r"(?:,\s*|\s)(?:but|yet)\s+(?!(?:also|not|neither|nor|no|never)\b)|;\s*(?:instead|rather)\b",
                      re.IGNORECASE)


def _after_contrast(text: str, start: int, end: int) -> str:
    """The words after the last contrast between ``start`` and ``end`` when a negation comes before it, else "".

    >>> s = "Foonib did not inhibit KDR but inhibited MET in this pretend assay."
    >>> _after_contrast(s, 0, s.index("MET") + 3)
    'inhibited MET in this pretend assay'
    >>> _after_contrast(s, 0, s.index("KDR") + 3)
    ''
    """
    contrasts = list(CONTRAST.finditer(text, start, end))
    if not contrasts or not is_negated(text[start:contrasts[-1].start()]):
        return ""
    right = text[end:]
    limit = RIGHT_LIMIT.search(right)
    return text[contrasts[-1].end():end] + (right[:limit.start()] if limit else right)


def is_negated(clause: str) -> bool:
    """A negation cue governs the clause.

    >>> is_negated("foonib lacks activity against KDR"), is_negated("not only KDR but also MET")
    (True, False)
    >>> is_negated("foonib without prior therapy inhibits KDR")
    False
    """
    return bool(NEGATION.search(NOT_NEGATION.sub(" ", clause)))


def is_hedged(clause: str) -> bool:
    """A hedge cue (modal, prospective, speculative) governs the clause.

    >>> is_hedged("foonib is being evaluated as a KDR inhibitor"), is_hedged("foonib is a potent KDR inhibitor")
    (True, False)
    >>> is_hedged("foonib, a KDR inhibitor with potential antineoplastic activity"), is_hedged("potential activity against KDR")
    (False, True)
    >>> is_hedged("the agency approved foonib on 29 May, after review"), is_hedged("May foonib inhibit KDR?")
    (False, True)
    """
    return bool(HEDGE.search(NOT_HEDGE.sub(" ", clause)) or HEDGING_DOUBLE_NEGATIVE.search(clause))


def reading(text: str, start: int, end: int, of_mechanism: bool = False) -> tuple[str, str]:
    """(polarity, certainty) of the statement whose key words lie in ``text[start:end]``.

    ``of_mechanism``: the statement says what a drug acts on, which its development status does not hedge.

    >>> s = "In the invented assay foonib failed to bind KDR."
    >>> reading(s, s.index("foonib"), s.index("KDR") + 3)
    ('negative', 'asserted')
    >>> s = "Barnib, which was not approved, blocks KDR."
    >>> reading(s, 0, s.index("KDR") + 3)
    ('positive', 'asserted')
    >>> s = "KDR-targeting agents that are in development include barnib."
    >>> reading(s, 0, len(s)), reading(s, 0, len(s), of_mechanism=True)
    (('positive', 'hedged'), ('positive', 'asserted'))
    """
    clause = governing_text(text, start, end, CLOSED_ASIDE if of_mechanism else ASIDE)
    polarity = NEGATIVE if is_negated(_after_contrast(text, start, end) or clause) else POSITIVE
    if of_mechanism:
        clause = DEVELOPMENT_STATUS.sub(" ", clause)
        if NO_ACTIVITY.search(text, start, end):
            polarity = NEGATIVE
    hedged = is_hedged(clause) or (of_mechanism and (MECHANISM_HEDGE.search(clause) is not None
                                                     or _mechanism_hedged(text, start, end)))
    return polarity, HEDGED if hedged else ASSERTED


# "X inhibits T only weakly": the adverb after the target grades the same statement.
WEAK_AFTER = re.compile(r"^\s*(?:only\s+|very\s+|rather\s+)?weakly\b", re.IGNORECASE)


def _mechanism_hedged(text: str, start: int, end: int) -> bool:
    """A weak activity, or what the drug was presented as before a contrast, between the drug and the target.

    >>> s = "Foonib was developed as a KDR inhibitor, but its toxicity is off-target."
    >>> _mechanism_hedged(s, 0, s.index("KDR") + 3), _mechanism_hedged("Foonib weakly inhibits KDR.", 0, 26)
    (True, True)
    """
    weak = WEAK_ACTIVITY.search(text, start, end) or WEAK_AFTER.match(text[end:])
    return bool(weak) or presented_then_turned(text, start, end)


def presented_then_turned(text: str, start: int, end: int) -> bool:
    """What the drug was made or said to be ("developed as a T inhibitor"), then a contrast later in the sentence.

    >>> s = "Foonib was developed as a KDR inhibitor for invented tumours."
    >>> presented_then_turned(s, 0, s.index("KDR") + 3)
    False
    >>> s = "Foonib has been described as a KDR inhibitor, but it acts on tubulin."
    >>> presented_then_turned(s, 0, s.index("KDR") + 3)
    True
    """
    return bool(PRESENTED_AS.search(text, start, end)) and bool(CONTRAST_AFTER.search(text[end:]))
