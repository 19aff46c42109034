"""Whether a document as a whole reports a subgroup of a trial: its frame, read from where a report says what it is.

A sentence-level subgroup ("among the Korean patients, median OS was ...") is read by :mod:`.prose_subgroups`.  A
report that is wholly a subgroup or post hoc analysis says so once, in its title, its opening sentence or a sentence
about itself, and its results then carry no subgroup word of their own.  The frame is one of these shapes:

- an analysis of a part: "a subgroup (subset, responder, sub-) analysis", a "subanalysis", "an analysis of the
  Korean subset";
- a post hoc / exploratory / retrospective analysis restricted to some patients ("of patients with ...", "in
  participants who ...", "by baseline AFP", "outcomes by X") or of a named trial in the opening ("an exploratory
  analysis of NAME"), but not an updated, final or long-term analysis of the whole trial;
- a regional or other part named as a subgroup ("the Korean cohort of NAME", "the subset of patients from Korea",
  "the Korea extension cohort");
- a region's patients analysed, or their results taken from a named trial ("an analysis of Korean patients",
  "outcomes in Korean patients from the phase 3 NAME trial"), not a trial run in one region naming itself;
- outcomes analysed by a characteristic ("efficacy was compared by prior therapy");
- the patients enrolled in a region as the analysed population ("the analysis kept participants enrolled in Korea",
  a statement of what the report analysed wherever it stands);
- the subgroup's census early in a news item ("The Korean subset of NAME comprised 80 patients").

Where each shape counts (:data:`SHAPES`): the title and the opening sentence frame the document; any other sentence
only when it speaks of the report itself ("Our exploratory analysis kept ...", "findings are presented for ...",
"Here, ..."), so that a review mentioning "a subgroup analysis of NAME" in passing frames nothing.  A trial run only
in one region ("all its centres were in Korea") is no subgroup of anything.

>>> frames("Survival among the Korean subgroup of the phase 3 ZETA-4 trial", TITLE)
True
>>> frames("ZETA-4 after three more years: an updated exploratory survival analysis of ZETA-4", TITLE)
False
>>> frames("In this post hoc analysis we looked at ZETA-4 participants without viral hepatitis.", BODY)
True
>>> frames("Benefit looked larger for Korean patients in a subgroup analysis of ZETA-4.", BODY)
False
>>> frames("All 40 centres of this randomised phase 3 trial were in Korea.", LEAD)
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

TITLE, LEAD, EARLY, BODY = "title", "lead", "early", "body"
#: Sentences read as early in a document, where a news item states whose results it gives.
EARLY_SENTENCES = 8

# Regions and peoples a multinational trial's subgroup is named by ("the Korean cohort", "enrolled in Korea").
REGION = (r"(?:(?:non-|East\s+|South-?east\s+)?Asian?|Asia-Pacific|Japan(?:ese)?|Chin(?:a|ese)|Korea(?:n)?|South\s+Korea|"
          r"Taiwan(?:ese)?|Hong\s+Kong|Thai(?:land)?|Vietnam(?:ese)?|India(?:n)?|Europe(?:an)?|Western|non-Western|"
          r"North\s+America(?:n)?|Latin\s+America(?:n)?|the\s+United\s+States|the\s+US)")
PART_NOUN = r"(?:sub-?groups?|subsets?|sub-?populations?|sub-?cohorts?)"
# A subgroup named as such, or a region's cohort: "the Korean cohort of NAME", "the subset of patients from Korea"
# ("a Korean cohort" is whom a study enrolled, not a part of it).
PART_RE = re.compile(rf"(?<!\ban\s)(?<!\ba\s)\b{REGION}\s+(?:extension\s+)?(?:{PART_NOUN}|cohorts?)\b|"
                     rf"\b{PART_NOUN}\s+of\s+(?:the\s+)?(?:patients|participants|pts|subjects)\s+(?:from|in|enrolled\s+in)\s+{REGION}\b", re.IGNORECASE)
# An analysis of a part by its name: "subgroup analysis", "a subanalysis", "an analysis of (the) Korean subset".
PART_ANALYSIS_RE = re.compile(rf"\b(?:sub-?group|subset|sub-?population|responder|sub-?study)\s+analys[ie]s\b|"
                              rf"\bsub-?analys[ie]s\b|\banalys[ie]s\s+of\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?{PART_NOUN}\b",
                              re.IGNORECASE)
# A trial's name as written: letters and a number ("ZETA-12", "CheckMate 459", "IMbrave150") or capitals ("ORCHID"),
# not a disease's or an endpoint's abbreviation.
TRIAL_NAME = (r"(?-i:(?!(?:HCC|AFP|ORR|PFS|DCR|TTP|DOR|HBV|HCV|BCLC|ECOG)\b)"
              r"(?:[A-Z][A-Za-z]*[- ]?\d+[A-Za-z]?|[A-Z]{3,}[\w-]*))")
# A region's patients analysed, or their results taken from a named trial: "an analysis of Korean patients", "in Korean
# patients from the phase 3 NAME trial" (a trial run in one region names itself otherwise: "in Korean patients (NAME)").
REGIONAL_RE = re.compile(rf"\banalys[ie]s\s+(?:of|in|among)\s+(?:the\s+)?(?:\d+\s+)?{REGION}\s+(?:patients|participants|pts|"
                         rf"subjects)\b|\b{REGION}\s+(?:patients|participants|pts|subjects|population)\b[^.;:()]{{0,60}}?"
                         rf"\b(?:from|of)\s+(?:the\s+)?(?:(?:global|international|multinational|randomi[sz]ed|pivotal|"
                         rf"phase\s*\w+),?\s+)*{TRIAL_NAME}", re.IGNORECASE)
# A post hoc kind of analysis, which frames only a part: restricted to some patients, or of a trial a title names.
# The kinds of analysis done after the fact: one list for a single analysis and for several.
POST_HOC_KIND = r"post[- ]?hoc|exploratory|retrospective|ad[- ]hoc"
POST_HOC_RE = re.compile(rf"\b(?:{POST_HOC_KIND})\s+(?:[\w-]+\s+){{0,2}}?analys[ie]s\b", re.IGNORECASE)
# Who the analysis keeps: "of patients with", "in participants who", "patients (pts) without", "by baseline AFP".
CHARACTERISTIC = (r"(?:baseline|prior|previous|pre-?treatment|on-treatment|age|sex|gender|region|race|ethnicity|"
                  r"a?etiology|AFP|alpha-fetoprotein|PD-L1|BCLC|Child-Pugh|ECOG|liver\s+function|tumou?r|viral|"
                  r"hepatitis|HBV|HCV)")
RESTRICTION_RE = re.compile(rf"\b(?:outcomes?|efficacy|survival|results?)\s+(?:by|according\s+to)\s+\w|"
                            rf"\b(?:patients|participants|pts|subjects|those)\s+(?:\([^()]*\)\s+)?"
                            rf"(?:with(?:out)?|who|aged|from|enrolled\s+in|treated\s+in)\b|"
                            rf"\b(?:by|according\s+to)\s+{CHARACTERISTIC}\b|"
                            rf"\b(?:with|in)\s+(?:baseline\s+)?(?:stage\s+\w+|[\w-]+-(?:related|associated|positive|negative))"
                            rf"\s+(?:disease|HCC|tumou?rs?)\b", re.IGNORECASE)
# An analysis that names its trial: "an exploratory analysis of the phase 3 NAME trial", "... from NAME".
OF_TRIAL_RE = re.compile(rf"\banalys[ie]s\s+(?:of|from|in)\s+(?:the\s+)?(?:(?:randomi[sz]ed|global|pivotal|phase\s*\w+)\s+)*"
                         rf"{TRIAL_NAME}", re.IGNORECASE)
# The whole trial analysed again: "updated", "final", "long-term", "4-year", "after 5 years of follow-up".
WHOLE_AGAIN_RE = re.compile(r"\b(?:updated?|final|long(?:er)?[- ]term|extended|\d+-year|(?:one|two|three|four|five)-year|"
                            r"years?\s+of\s+follow-up|follow-up\s+(?:analysis|results|data))\b", re.IGNORECASE)
# Outcomes analysed by a characteristic: "efficacy was compared by prior therapy".
ANALYSED_BY_RE = re.compile(rf"\b(?:analy[sz]ed|assessed|evaluated|examined|compared|stratified)\s+(?:[\w-]+\s+){{0,4}}?"
                            rf"(?:by|according\s+to)\s+{CHARACTERISTIC}\b", re.IGNORECASE)
# The patients of one region as the analysed population: "participants enrolled in Korea".
ENROLLED_IN_RE = re.compile(rf"\b(?:patients|participants|pts|subjects|population)\s+(?:enrolled|recruited|treated|"
                            rf"randomi[sz]ed)\s+(?:in|from|at\s+sites\s+in)\s+{REGION}\b", re.IGNORECASE)
PLURAL_POST_HOC_RE = re.compile(rf"\b(?:{POST_HOC_KIND}|sub-?group|subset)\s+(?:[\w-]+\s+){{0,2}}?analyses\b", re.IGNORECASE)
ANALYSED_RE = re.compile(r"\banaly[sz]ed\b|\banalys[ie]s\b", re.IGNORECASE)
# The subgroup counted as a news item introduces it: "The Korean subset of NAME comprised 80 patients".
CENSUS_RE = re.compile(rf"^(?:here,?\s+)?(?:the|this)\s+{REGION}\s+{PART_NOUN}\b[^.;]*?\b(?:consisted|comprised|"
                       rf"included|was\s+made\s+up)\b", re.IGNORECASE)
# A sentence about the report itself: "this (post hoc) analysis", "here we report", "findings ... are presented" ("this
# study" may be the whole trial that also ran an exploratory analysis).
SELF_RE = re.compile(r"\b(?:this|the\s+present|the\s+current|our)\s+(?:[\w-]+\s+){0,3}?(?:analys[ie]s|sub-?analys[ie]s|"
                     r"report)\b|\bhere(?:in)?\b|\bwe\s+(?:\w+\s+)?(?:report|present|describe|"
                     r"analy[sz]ed|assessed|evaluated|examined|investigated)\b|\b(?:are|is|were)\s+(?:reported|described|"
                     r"presented)\b", re.IGNORECASE)
# A part named in a sentence that also speaks of the whole population ("of the 900 in the overall population, 120 were
# Korean (A, n = 60; B, n = 60)") gives the part's counts, not the trial's.
NAMES_A_PART_RE = re.compile(rf"\b{REGION}\b|\b{PART_NOUN}\b", re.IGNORECASE)


@dataclass(frozen=True)
class Shape:
    """One shape of a frame and the positions where it frames the document (else only a sentence about the report)."""

    name: str
    matches: Callable[[str], bool]
    framing: frozenset[str]


def _part_analysis(text: str) -> bool:
    return PART_ANALYSIS_RE.search(text) is not None


def _post_hoc(text: str) -> bool:
    return bool(POST_HOC_RE.search(text)) and not WHOLE_AGAIN_RE.search(text) and bool(RESTRICTION_RE.search(text))


def _post_hoc_of_trial(text: str) -> bool:
    m = POST_HOC_RE.search(text)
    return m is not None and not WHOLE_AGAIN_RE.search(text) and bool(OF_TRIAL_RE.search(text, m.start()))


def _region_part(text: str) -> bool:
    return PART_RE.search(text) is not None


def _regional(text: str) -> bool:
    return REGIONAL_RE.search(text) is not None and not WHOLE_AGAIN_RE.search(text)


def _analysed_by(text: str) -> bool:
    return ANALYSED_BY_RE.search(text) is not None and not WHOLE_AGAIN_RE.search(text)


def _enrolled_in(text: str) -> bool:
    return ENROLLED_IN_RE.search(text) is not None and ANALYSED_RE.search(text) is not None


def _census(text: str) -> bool:
    return CENSUS_RE.search(text.strip()) is not None


_OPENING = frozenset({TITLE, LEAD})
_ANYWHERE = frozenset({TITLE, LEAD, EARLY, BODY})
#: The frame's shapes, each with the positions where it frames the document without speaking of the report itself.
SHAPES = (Shape("part-analysis", _part_analysis, _OPENING),
          Shape("post-hoc-restricted", _post_hoc, _OPENING),
          Shape("post-hoc-of-trial", _post_hoc_of_trial, _OPENING),
          Shape("regional-part", _region_part, _OPENING),
          Shape("regional-patients", _regional, _OPENING),
          Shape("analysed-by", _analysed_by, frozenset()),
          Shape("enrolled-in-region", _enrolled_in, _ANYWHERE),
          Shape("census", _census, _OPENING | {EARLY}))


def frame_shape(text: str, position: str) -> str | None:
    """The name of the shape by which this sentence, at this position (TITLE, LEAD, EARLY or BODY), frames its
    document as a subgroup's report; None when it does not."""
    about_itself = SELF_RE.search(text) is not None
    for shape in SHAPES:
        if position in shape.framing or (about_itself and not _among_others(text, position)):
            if shape.matches(text):
                return shape.name
    return None


def _among_others(text: str, position: str) -> bool:
    """Does a sentence past the opening list post hoc analyses among a report's others ("exploratory analyses by
    baseline AFP are also reported")?  Then they are the report's parts, not what it is."""
    return position in (EARLY, BODY) and PLURAL_POST_HOC_RE.search(text) is not None


def frames(text: str, position: str) -> bool:
    """Does this sentence, at this position, frame its document as a subgroup's report?"""
    return frame_shape(text, position) is not None


def names_a_part(text: str) -> bool:
    """Does the sentence name a region's patients or a subgroup ("120 Korean patients", "the Korean cohort")?

    >>> names_a_part("Of the 900 in the overall population, 120 were Korean"), \
names_a_part("In the overall population, median OS was 14.1 months")
    (True, False)
    """
    return NAMES_A_PART_RE.search(text) is not None


def position_of(index: int, title_sentence: bool, first_body: int) -> str:
    """A sentence's position: the title, the opening sentence of the body, early in the document, or later."""
    if index == 0 and title_sentence:
        return TITLE
    if index == first_body:
        return LEAD
    return EARLY if index < EARLY_SENTENCES else BODY
