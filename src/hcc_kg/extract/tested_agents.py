"""What a trial tested, read from the sentence that introduces it: the agent evaluated ("a trial evaluating A", "A
was evaluated in ..."), the subject of what the trial showed ("a study that showed A resulted in ...") or of the
clause a trial phrase opens ("In a phase 2 trial, A gave ..."), or of its outcome ("A failed to meet its endpoint in a
phase 3 trial").

Split from :mod:`.abstract_cues`; :mod:`.unnamed_trials` asks :func:`agent_tested` of a design phrase's one agent.
"""

from __future__ import annotations

import re

# An agent tested: the object of a verb of testing, or the agent named right after the trial ...
# ... also while it goes on: "A is being evaluated in ...", "A is currently in phase I clinical trials (NCT...)".
# ... or a participle set off after it: "A (anti-T), evaluated in the NAME trial, ...".
TESTED_PASSIVE_RE = re.compile(r"(?:\s+(?:(?:was|were)\s+(?:evaluated|investigated|examined|assessed|tested|studied)|"
                               r"(?:is|are)\s+(?:currently\s+|now\s+)?(?:being\s+(?:evaluated|investigated|tested|studied)|"
                               r"in\s+(?:an?\s+)?phase\s+(?:[1-3]|I{1,3})[ab]?(?:/(?:[1-3]|I{1,3}))?\s+(?:clinical\s+)?"
                               r"(?:trials?|stud(?:y|ies))))|"
                               r"\s*,\s+(?:(?:currently|now)\s+)?(?:being\s+)?(?:evaluated|investigated|examined|assessed|tested|"
                               r"studied)\s+in)\b", re.IGNORECASE)
# ... or what of it was studied: "Safety and efficacy of A in patients with X: a phase II study".
# ... also with the trial's number in brackets before "of": "the phase 3 trial (CODE-301) of A".
TESTED_RE = re.compile(r"\b(?:evaluat|investigat(?!ors?\b)|examin|assess|test|determin)\w*\b|\b(?:trial|study)(?:\s*\([^()]*\))?\s+of\b|"
                       r"\b(?:efficacy|safety|tolerability)\s+of\b", re.IGNORECASE)
# ... or the subject of what it showed: "based on a phase 3 study that showed A plus B resulted in ..." (not what
# that was compared with: "a trial that demonstrated a benefit compared with B").
SHOWED_RE = re.compile(r"\b(?:trial|study)\s+(?:that|which)\s+(?:showed|demonstrated|found)\s+(?:that\s+)?", re.IGNORECASE)
# ... said without the pronoun, when the sentence reports the result in figures ("A phase 2 trial showed that A was
# active, with a median OS of 9.8 months"; a passing remark's "a trial demonstrated that A prolonged PFS" is no report)
SHOWED_BARE_RE = re.compile(r"\b(?:trial|study)\s+(?:showed|demonstrated|found)\s+(?:that\s+)?", re.IGNORECASE)
FIGURE_RE = re.compile(r"\d\s*(?:%|months?\b)", re.IGNORECASE)
# ... or the subject of the clause a trial phrase opens the sentence with, the result in figures: "In a phase 2 trial,
# A gave a median OS of 9.1 months".
IN_TRIAL_SUBJECT_RE = re.compile(r"^\W*in\s+(?:an?|the|this)\s+(?:[\w-]+,?\s+){0,5}?(?:trial|study)\s*(?:\([^()]*\))?,\s*$",
                                 re.IGNORECASE)
COMPARED_GAP_RE = re.compile(r"\b(?:compar\w*|versus|vs|than|over|against|relative)\b", re.IGNORECASE)
# ... or the subject of the trial's outcome: "A failed to meet the primary endpoint in a phase 3 trial", "A met its
# primary endpoint in the phase 3 study", "A did not improve OS in a phase 3 trial".
OUTCOME_IN_TRIAL_RE = re.compile(r"[^.;]{0,60}?\b(?:failed\s+to\s+(?:meet|improve|show|demonstrate|reach)|"
                                 r"did\s+not\s+(?:meet|improve|show|demonstrate|reach)|"
                                 r"(?:met|missed|reached)\s+(?:its|the)|"
                                 r"significantly\s+(?:improved|prolonged|extended))\b"
                                 r"[^.;]{0,60}?\bin\s+(?:an?|the|its)\s+(?:[\w-]+\s+){0,4}?(?:trial|study)\b",
                                 re.IGNORECASE)


ASIDE_AFTER_RE = re.compile(r"\s*\([^()]*\)|,\s+(?:an?|the)\s+[^,;]{1,80},")  # "(400 mg BID)", ", a TKI,"


def agent_tested(text: str, start: int, end: int) -> bool:
    """Is the agent at [start, end) what the trial tested: "a trial evaluating A", "A was evaluated in ...", "a study that
    showed A resulted in ..." (not "a study that showed a benefit compared with A"), "A failed to meet its endpoint
    in a phase 3 trial"?

    >>> agent_tested("a phase 2 trial evaluating zorbanib", 27, 35), agent_tested("a study that showed a benefit compared with zorbanib", 44, 52)
    (True, False)
    >>> agent_tested("zorbanib failed to meet the primary endpoint in a phase 3 trial", 0, 8)
    True
    >>> agent_tested("the investigator of the ZETA trial said: zorbanib is the first of its kind", 42, 50)  # a person
    False
    >>> agent_tested("ZB-7, a bispecific antibody, is currently in phase I clinical trials (NCT01234567)", 0, 4)
    True
    >>> agent_tested("In a phase 2 trial, zorbanib gave a median OS of 9.1 months", 20, 28)
    True
    """
    if any(0 <= start - found.end() < 60 for found in TESTED_RE.finditer(text, 0, start)):
        return True
    aside = ASIDE_AFTER_RE.match(text, end)  # "A and B (400 mg BID) was tested in ..."
    if any(TESTED_PASSIVE_RE.match(text, at) or OUTCOME_IN_TRIAL_RE.match(text, at)
           for at in {end, aside.end() if aside else end}):
        return True
    figures = FIGURE_RE.search(text, end) is not None  # (a remark in passing gives none: "In a phase 1b study, A was active")
    if figures and IN_TRIAL_SUBJECT_RE.match(text[:start]):
        return True
    showed = SHOWED_RE.search(text) or (SHOWED_BARE_RE.search(text) if figures else None)
    return showed is not None and 0 <= start - showed.end() < 60 and COMPARED_GAP_RE.search(text, showed.end(), start) is None
