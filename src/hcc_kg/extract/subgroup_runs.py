"""Results that follow a sentence announcing a subgroup analysis belong to that subgroup.

"A pre-planned subgroup analysis of patients with X (34 on A, 22 on B) showed ... . OS: 6.9 versus 4.3
months; HR, 0.81 ... . The 12-month OS rate was 44% versus 18%.": the sentences after the announcement
state the subgroup's numbers without naming it again.  The run of such sentences ends at a sentence about
the whole trial population (intention-to-treat, "overall", "all patients"), at a new assignment to arms, or
at a new section.  Within the announcing sentence, :func:`.prose_subgroups.is_subgroup` already keeps the
numbers out; this module keeps the sentences after it out too (their values and ratios are not the arms').
Cue words only.

>>> bool(SUBGROUP_ANNOUNCED_RE.search("A pre-planned subgroup analysis of CPB7 patients showed a gain."))
True
>>> bool(SUBGROUP_ANNOUNCED_RE.search("OS was longer with A; subgroup analyses were consistent."))
False
"""

from __future__ import annotations

import re

from .prose_subgroups import TREATMENT_FRAME

# The subgroup analysis as what the sentence reports on: "a (pre-planned|post hoc) subgroup analysis of X",
# "in the subgroup of patients with X", "among the subgroup of X" (not "subgroup analyses were consistent":
# a remark on subgroups in general, after which the trial's own results may follow).
SUBGROUP_ANNOUNCED_RE = re.compile(r"\b(?:(?:a|the|an?\s+\w+|(?:pre-?planned|pre-?specified|post[- ]hoc|exploratory))\s+)*"
                                   r"(?:subgroup|subset)\s+(?:analysis\s+)?(?:of|in|among|with)\s+(?:the\s+)?(?:\w+\s+){0,3}?"
                                   r"(?:patients|participants|subjects|population|cohort)\b|"
                                   r"\b(?:in|among|within)\s+(?:the|this|that)\s+(?:subgroup|subset)\b", re.IGNORECASE)
# ... not a subset some other measure was taken in: "Circulating biomarkers were evaluated in a subset of patients",
# "samples were collected from a subset" (the correlative study's patients; the efficacy after it is everyone's).
CORRELATIVE_SUBSET_RE = re.compile(r"\b(?:biomarkers?|samples?|specimens?|biops(?:y|ies)|pharmacokinetics?|tissues?|serum|plasma|"
                                   r"sequencing|genotyp\w*|correlative|translational|imaging)\b[^.;]{0,100}?"
                                   r"\b(?:in|from|of|among)\s+a\s+(?:sub-?set|subgroup|sub-?sample)\b", re.IGNORECASE)
# ... or a sentence framed by the patients' earlier treatment: "In sorafenib-naive patients (n=80), the ORR was 23%.
# The DCR was 63%." (the frame holds until another, or the whole population, is named)
TREATMENT_FRAME_RE = re.compile(TREATMENT_FRAME, re.IGNORECASE)
# What returns to the whole trial: its whole population, or all its patients.
WHOLE_AGAIN_RE = re.compile(r"\bintention[- ]to[- ]treat\b|\bITT\b|\boverall\s+(?:study\s+|trial\s+)?population\b|"
                            r"\ball\s+(?:randomi[sz]ed\s+|enrolled\s+|treated\s+)?(?:patients|participants)\b|"
                            r"\bin\s+the\s+(?:whole|entire|overall)\b", re.IGNORECASE)


def subgroup_run(state: tuple[bool, int], text: str, section_start: int, assigns_arms: bool) -> tuple[bool, tuple[bool, int]]:
    """Whether the sentence states a subgroup's results because an earlier sentence announced the subgroup, and the
    state to keep for the next sentence (``state``: (in a run, the section it began in)).

    >>> first = subgroup_run((False, -1), "A subgroup analysis of patients with X showed a gain.", 0, False)
    >>> first
    (False, (True, 0))
    >>> subgroup_run(first[1], "OS: 6.9 versus 4.3 months.", 0, False)[0]
    True
    >>> subgroup_run(first[1], "In the ITT population, OS was 4.1 versus 4.3 months.", 0, False)[0]
    False
    >>> subgroup_run(first[1], "OS: 6.9 versus 4.3 months.", 40, False)[0]
    False
    >>> subgroup_run((False, -1), "Serum biomarkers were measured in a subset of patients.", 0, False)
    (False, (False, -1))
    """
    running, section = state
    if running and (section != section_start or assigns_arms or WHOLE_AGAIN_RE.search(text)):
        running = False
    announced = SUBGROUP_ANNOUNCED_RE.search(text) is not None and not CORRELATIVE_SUBSET_RE.search(text)
    if (announced or TREATMENT_FRAME_RE.match(text)) and not WHOLE_AGAIN_RE.search(text):
        return False, (True, section_start)  # its own numbers are kept out by is_subgroup
    return running, (running, section)
