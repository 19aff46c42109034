"""How many patients a single-arm trial enrolled, as prose states it: "Forty-six patients were enrolled", "65 pts were
treated", "a study of A in 94 patients", "Enrollment: 50", "the trial (N = 46)"; not the first few of them, nor one
group of several each counted where it was.

Split from :mod:`prose_sizes`, which reads the counts of each arm of a comparison.

>>> enrolled("Results: Forty-six patients were enrolled."), enrolled("Safety in the first 6 patients enrolled.")
(46, None)
>>> enrolled("This single-arm study recruited patients (N=21) with early HCC.")
21
>>> enrolled("Of those seen, 40 patients with X were screened and 33 patients with Y were enrolled.")
33
"""

from __future__ import annotations

import re

from .spelled_numbers import SPELLED_NUMBER, spelled_value

# ... spelled out, only as a number word: a heading before it ("Results Sixty-four patients were enrolled") is no
# count, and taking it for one would hide the count after it.
# Counts opening a sentence are spelled out ("Forty-six patients were enrolled").
_COUNT = rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|{SPELLED_NUMBER})"
# Who the patients are, between the count and the noun: "22 Japanese patients", "41 HCC patients", "46 eligible patients".
# (a capital read case-strictly: the pattern is case-blind, and "Number of Patients Enrolled 58" is no count)
_WHO = r"(?:(?:(?-i:[a-z]?[A-Z][\w-]*)|eligible|study|consecutive|adult)\s+){0,2}"
# "46 patients were enrolled", "65 pts were treated", "54 patients with X-positive disease had been treated",
# "38 patients were accrued"
# ... who they are may come between in brackets: "36 patients (30 men; median age 55) were enrolled"
ENROLLED_RE = re.compile(rf"\b{_COUNT}\s+{_WHO}(?:patients|participants|subjects|pts)\s+(?:\([^()]*\)\s+)?"
                         r"(?:(?:were\s+)?(?:enrolled|treated|included|received|given)|were\s+(?:accrued|recruited|registered))\b|"
                         rf"\b{_COUNT.replace('?P<n>', '?P<w>')}\s+(?:patients|participants|subjects|pts)\s+with\s+(?:[\w-]+\s+){{1,4}}?"
                         r"(?:were|had\s+been|have\s+been)\s+(?:enrolled|treated|included|accrued|recruited)\b|\benrol+(?:ed|s)?\s+(?:a\s+total\s+of\s+)?(?P<m>\d+)\s+(?:patients|participants|subjects)\b|"
                         # ... "a single-arm trial enrolling 104 patients" (not one still enrolling: "is enrolling 300")
                         r"(?<!\bis\s)(?<!\bare\s)(?<!\bcurrently\s)(?<!\bstill\s)(?<!\bnow\s)\benrol+ing\s+(?:a\s+total\s+of\s+)?"
                         r"(?P<y>\d+)\s+(?:patients|participants|subjects)\b|"
                         # ... the participle with no "were", closing its clause: "26 patients with HCC enrolled on this
                         # study", "Among the 41 HCC patients enrolled, ..." (not "20 patients enrolled in cohort 2 had ...")
                         rf"\b{_COUNT.replace('?P<n>', '?P<c>')}\s+{_WHO}(?:patients|participants|subjects|pts)\s+(?:with\s+(?:[\w-]+\s+){{1,4}}?)?"
                         r"(?:enrolled|accrued|recruited|registered)(?=\s+(?:on|in|into)\s+(?:this|the)\s+(?:study|trial)\b|\s*[,;.])|"
                         # ... who they are after the noun, up to the verb: "22 patients from one centre were enrolled",
                         # "51 patients with HCC who received A as first-line treatment were prospectively enrolled", "21 pts
                         # (18 M, 3 F) have been enrolled"; or the count in brackets after it: "Patients (n = 47) were enrolled"
                         rf"\b{_COUNT.replace('?P<n>', '?P<p>')}\s+{_WHO}(?:patients|participants|subjects|pts)\s+(?:\([^()]*\)\s+)?"
                         # (who they are holds no verb of its own: "40 patients with X were screened and 33 ... were enrolled")
                         r"(?:(?:from|with|who|at)\s+(?:(?!\b(?:were|was)\s)[^.;:,()]){1,100}?\s+)?(?:were|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
                         r"(?:enrolled|included|treated|accrued|recruited|registered)\b|"
                         r"\b(?:patients|participants|subjects|pts)\s*\(\s*n\s*=\s*(?P<q>\d+)\s*\)\s+(?:were|have\s+been)\s+(?:\w+ly\s+)?"
                         r"(?:enrolled|included|treated|accrued|recruited)\b|"
                         # everyone, said so, then counted in brackets: "Overall, patients (N = 62) had a median follow-up of"
                         r"\b(?:overall|in\s+total|altogether)\s*,?\s+(?:all\s+)?(?:the\s+)?(?:patients|participants|subjects|pts)"
                         r"\s*\(\s*n\s*=\s*(?P<v>\d+)\s*\)|"
                         # "A was given to 58 patients", "the phase 2 trial (N = 58)"
                         r"\b(?:given|administered)\s+to\s+(?P<g>\d+)\s+(?:patients|participants|subjects)\b|"
                         r"\b(?:trial|study)\s*\(\s*n\s*=\s*(?P<t>\d+)\s*\)|"
                         # "A was evaluated in 58 patients", "the study evaluated A in 262 patients"
                         # ... "a trial evaluating A in a group of 104 patients"
                         r"\b(?:evaluat|investigat|assess|test)(?:ed|ing)\s+(?:(?!in\b|and\b|or\b)[\w-]+\s+){0,4}?in\s+"
                         r"(?:an?\s+(?:group|cohort|population|total)\s+of\s+)?"
                         r"(?P<e>\d{1,3}(?:,\d{3})+|\d+)\s+(?:patients|participants|subjects)\b|"
                         r"\bstudied\s+(?:(?!in\b|and\b|or\b)[\w-]+\s+){0,4}?in\s+(?P<u>\d{1,3}(?:,\d{3})+|\d+)\s+"
                         r"(?:patients|participants|subjects)\b|"
                         r"\b(?:trial|study)\s+in\s+(?P<i>\d{1,3}(?:,\d{3})+|\d+)\s+(?:patients|participants|subjects|adults)\b|"
                         # "a phase 2 trial (NCT...) conducted in 249 patients from eight countries"
                         r"\b(?:trial|study)\b(?:\s*\([^()]*\))?,?\s+(?:conducted|carried\s+out|performed)\s+in\s+"
                         r"(?P<o>\d{1,3}(?:,\d{3})+|\d+)\s+(?:patients|participants|subjects|adults)\b|"
                         # "the NAME trial, which assessed 81 patients", "a single-arm trial with 124 adult patients"
                         r"\b(?:trial|study)\b(?:\s*\([^()]*\))?,?\s+(?:which|that)\s+(?:assessed|enrolled|evaluated|included|treated)\s+"
                         r"(?P<a>\d+)\s+(?:patients|participants|subjects|adults)\b|"
                         r"\b(?:trial|study)\s+(?:with|of)\s+(?P<x>\d+)\s+(?:(?!and\b|or\b|arms?\b|groups?\b|cohorts?\b|sites\b|cent(?:re|er)s\b)[A-Za-z-]+\s+){0,4}?(?:patients|participants|subjects|adults)\b|"
                         # "a single-arm study of A plus B in 94 patients whose disease progressed on C"
                         r"\b(?:trial|study)\s+(?:of|evaluating|testing)\s+[^.;()]{1,80}?\s+in\s+(?P<s>\d+)\s+"
                         r"(?:patients|participants|subjects|adults)\b|"
                         r"\benrol+ment(?:\s*\((?:actual|anticipated|estimated)\))?\s*:?\s*(?P<k>\d+)\b|"
                         # the participle before the noun, the count of everyone: "in all 36 enrolled patients", "of the 52
                         # enrolled HCC patients", "toxicities seen by the 30 treated patients" (not "20 patients enrolled in
                         # cohort 2")
                         rf"\b(?:all|of\s+the|among(?:\s+the)?|in\s+the|by\s+the|for\s+the)\s+(?P<l>\d{{1,3}}(?:,\d{{3}})+|\d+)\s+(?:enrolled|treated|included)\s+"
                         rf"{_WHO}(?:patients|participants|subjects)\b|"
                         # ... or said to be all of them, who they are then what they received: "All 40 patients with X who
                         # received A showed ..."
                         rf"\ball\s+(?P<r>\d{{1,3}}(?:,\d{{3}})+|\d+)\s+{_WHO}(?:patients|participants|subjects)\b[^.;]{{0,80}}?"
                         r"\bwho\s+(?:received|were\s+(?:treated|given|infused))\b"
                         r"(?![^.;,]{0,40}?\b(?:doses?|mg|levels?|cohorts?|arms?|groups?|part)\b)|"  # (not a dose's cohort)
                         # the patients the results are of: "interim data for 38 patients", "data from 58 patients"
                         rf"\bdata\s+(?:for|from|of|on)\s+(?P<d>\d{{1,3}}(?:,\d{{3}})+|\d+)\s+{_WHO}(?:patients|participants|subjects)\b|"
                         # a results card: "Number of Patients Enrolled 58"
                         r"\b(?:patients|participants|subjects)\s+enrolled\s*:?\s*(?P<j>\d+)\b|"
                         # the study's own verb, the count in brackets after its object: "the study recruited patients (N=21)"
                         r"\b(?:trial|study)\s+(?:enrolled|recruited|included|accrued)\s+(?:[\w-]+\s+){0,2}?(?:patients|participants|subjects)"
                         r"\s*\(\s*n\s*=\s*(?P<b>\d+)\s*\)", re.IGNORECASE)


# A count followed by another group's count, each with where they were: the first group's, not the trial's.
SPLIT_COUNT_RE = re.compile(r"[^.;]{0,60}?\b(?:in|into|to|on|with)\s+[^.;]{1,60}?(?:,|\band\b)\s+(?:another\s+)?"
                            r"\d[\d,]*\s+(?:(?:patients|participants|subjects|pts)\s+)?(?:were\s+\w+\s+)?(?:in|into|to|on|with)\b",
                            re.IGNORECASE)


# The first or last few of those enrolled: "safety in the first 6 patients enrolled", "the initial 10 patients".
FIRST_FEW_RE = re.compile(r"\b(?:first|initial|last|next|remaining)\s+$", re.IGNORECASE)
# A count of everyone, over a part counted before it ("First, six patients were enrolled ... A total of 34 ...").
TOTAL_RE = re.compile(r"\b(?:a\s+total\s+of|in\s+total|altogether)\b", re.IGNORECASE)


def enrolled(text: str) -> int | None:
    """The number of patients a single-arm trial enrolled: "46 patients were enrolled", "Forty-six patients
    were treated", "46 patients received A", "A was given to 46 patients", "the trial (N = 46)", "will
    enroll 50 participants", "Enrollment: 50", "the trial, which assessed 46 patients", "a trial with (of) 46
    adult patients", "Overall, patients (N = 46) had"."""
    for m in ENROLLED_RE.finditer(text):
        if SPLIT_COUNT_RE.match(text, m.end()):
            continue  # "62 were treated untreated and 80 pretreated", each group where it was: a part
        if FIRST_FEW_RE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "the first 6 patients enrolled": a run-in's part, not everyone
        printed = next(group for group in (m.group(name) for name in "nwcmykjgtseuioaxpqvldbr") if group)
        if printed[0].isdigit():
            return int(printed.replace(",", ""))
        if (value := spelled_value(printed)) is not None:
            return value
    return None
