"""Other studies a trial report speaks of, as cue patterns: a separate or earlier trial, what a study already showed,
a trial recalled as what the one in context rested on or is held to ("after an analysis of NAME", "the same population
as in NAME"), and remarks on other studies.  Read by :mod:`.abstracts` and :mod:`.earlier_arms`, which decide which
trial a sentence speaks of; split from :mod:`.abstract_cues` to keep each module short.
"""

from __future__ import annotations

import re

# "A separate randomised phase 3 study in Asian patients ...": a trial of its own, never the one in context (not even
# with the same arms)
SEPARATE_RE = re.compile(r"\b(?:separate|second|additional|independent)\s+(?:[\w-]+,?\s+){0,2}?$", re.IGNORECASE)
EARLIER_RE = re.compile(r"\b(?:previous(?:ly)?|prior|earlier|another|other)\s+(?:\w+\s+)?$", re.IGNORECASE)  # "previously described trials"
# ... or what a study already showed, in the perfect: "A plus B has demonstrated encouraging activity in a phase 2 study"
_SHOWN = r"(?:has|have)\s+(?:already\s+|previously\s+)?(?:been\s+)?(?:shown|demonstrated|yielded|produced|displayed|exhibited|proven|proved)\b"
SHOWN_BEFORE_RE = re.compile(rf"\b{_SHOWN}[^.;]{{0,80}}?\b(?:in|from|by)\s+(?:an?\s+)?$", re.IGNORECASE)
# ... or conceded at a sentence's opening: "Although A has been shown to improve survival (median OS, 6.5 months),
# better therapy is needed": earlier evidence, not the trial in context's result.
# ... or recalled as what was known before: "Previously, A has shown better outcomes than B", "To date, A has ...".
CONCEDED_EVIDENCE_RE = re.compile(r"^\W*(?:(?:although|though|while|whereas|even\s+though)\b|(?:previously|earlier|to\s+date|"
                                  r"so\s+far|in\s+(?:previous|prior|earlier)\s+(?:studies|trials))\s*,)"
                                  rf"[^;]{{0,120}}?\b{_SHOWN}", re.IGNORECASE)
# A trial named as what an action of the trial in context rested on: "Recruitment to one arm ceased after a planned
# analysis of Study 22 showed ...", "based on data from NAME".
RECALLED_TRIAL_RE = re.compile(r"\b(?:after|following|based\s+on|in\s+light\s+of)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
                               r"(?:analys[ie]s|results?|data|findings)\s+(?:of|from)\s+(?:the\s+)?$|"
                               # ... or as the yardstick of the trial in context: "the same population (as) in NAME",
                               # "consistent with what we saw with A in NAME", "as seen in NAME"
                               r"\bsame\s+(?:[\w-]+\s+){0,2}?(?:population|patients|setting)\b[^.;]{0,40}?\bin\s+(?:the\s+)?$|"
                               r"\b(?:consistent|similar|comparable|in\s+line)\s+(?:with|to)\s+what\s+(?:we\s+|was\s+|were\s+)?"
                               r"(?:saw|seen|observed|reported|found)\b[^.;]{0,50}?\bin\s+(?:the\s+)?$|"
                               r"\bas\s+(?:was\s+|we\s+)?(?:seen|observed|reported|shown|saw)\s+in\s+(?:the\s+)?$", re.IGNORECASE)
# ... "study" or "trial" as the noun, not as a word before one ("Other study endpoints included safety": this study's).
OTHER_STUDY_RE = re.compile(r"\b(?:previous(?:ly)?|prior|earlier|other|another|several|many)\s+(?:\w+\s+)?"
                            r"(?:stud(?:y|ies)|trials?)\b(?!\s+(?:end[- ]?points?|objectives?|outcomes?|drugs?|medications?|"
                            r"treatments?|arms?|groups?|populations?|protocols?|periods?|visits?|designs?|sites?|"
                            r"cent(?:er|re)s?|participants|patients|procedures?)\b)|\b(?:studies|trials)\b", re.IGNORECASE)
# Other studies as the standard the trial in context is held to: "(its toxicity was) similar to that noted in prior
# reports on A" speaks of the trial in context, not of those studies.
STANDARD_BEFORE_RE = re.compile(r"\b(?:consistent|similar|comparable|in\s+line|in\s+keeping|in\s+agreement|concordant)\s+"
                                r"(?:with|to)\s+(?:th(?:at|ose)\s+(?:observed|seen|reported|found|noted)\s+in\s+)?(?:the\s+)?$",
                                re.IGNORECASE)


def remarks_on_other_studies(text: str) -> bool:
    """Does the sentence speak of other studies, not only hold the trial in context to them?

    >>> remarks_on_other_studies("Earlier trials of A failed.")
    True
    >>> remarks_on_other_studies("Its toxicity was in line with earlier studies of A.")
    False
    >>> remarks_on_other_studies("Other study endpoints included safety.")
    False
    """
    return any(not STANDARD_BEFORE_RE.search(text, max(0, m.start() - 60), m.start()) for m in OTHER_STUDY_RE.finditer(text))


def concedes_earlier_evidence(text: str) -> bool:
    """Does the sentence open by conceding (or recalling) what earlier studies showed?

    >>> concedes_earlier_evidence("Although A has shown to improve OS (median OS, 6.5 months), needs remain.")
    True
    >>> concedes_earlier_evidence("A improved OS (median OS, 9.5 months), although toxicity was higher.")
    False
    >>> concedes_earlier_evidence("Previously, A has shown better outcomes than B.")
    True
    """
    return CONCEDED_EVIDENCE_RE.search(text) is not None
