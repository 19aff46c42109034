"""Which clauses of results speak of a subgroup, not of everyone an arm treated.

"among Asian patients", "in hepatitis C-infected patients", "in those with non-viral disease", "in patients
with vascular invasion", "in PD-L1-positive patients": values so qualified are no arm's values
(:mod:`.prose_values`), nor are the ratios and verdicts of such a clause.  "among responders" restricts no
duration of response, "among those treated with A" ("who took A") names A's arm and "among 104 enrolled patients" everyone.
Split from :mod:`.prose_values`.
"""

from __future__ import annotations

import re

from .analysis import AnalysedDocument, AnalysedSentence
from .effects import HazardRatio
from .prose_endpoints import clause_of
from .prose_numbers import value_tokens

# ("For sorafenib-naive patients, ...", "In the sorafenib-experienced group, ...": a cohort by earlier treatment, put
# first as the frame of the results; inside a sentence such words restate who the trial enrolled)
TREATMENT_FRAME = (r"^(?:For|In|Among)\s+(?:the\s+)?[\w-]+-(?:na[iï]ve|experienced|pretreated)\s+"
                   r"(?:patients|pts|group|cohort|subgroup|population)\b")
# A best response, as abstracts abbreviate it ("PR/SD", "CR or PR"), in the case written.
BEST_RESPONSE = r"(?-i:(?:CR|PR|SD)(?:\s*(?:/|or|and)\s*(?:CR|PR|SD))*)"
SUBGROUP_RE = re.compile(rf"{TREATMENT_FRAME}|"
                         r"\b(?:among(?!\s+(?:the\s+)?(?:\d[\d,]*\s+(?:of\s+)?)?(?:patients|participants|subjects|those|people)\s+(?:who\s+(?:were\s+)?)?"
                         # "among those treated with A", "among (the 300) patients randomised to A": the arm, not a
                         # subgroup ("among patients who received prior A" is one); so is "among 81 of those who received A"
                         r"(?:treated\s+with|receiving|received|given|took|taking|randomi[sz]ed\s+to|assigned\s+to|allocated\s+to)\s+"
                         r"(?!prior\b|previous\b|earlier\b)"
                         # ... and "among (all) 104 enrolled patients" counts everyone ("among 30 patients with X" does not)
                         r"|\s+(?:the\s+|all\s+(?:the\s+)?)?\d[\d,]*\s+(?:(?:enrolled|treated|evaluable|randomi[sz]ed)\s+)?"
                         r"(?:patients|participants|subjects)(?:\s+(?:enrolled|treated|included|randomi[sz]ed))?\s*[,;(]"
                         # ... and "among the 22 patients (with stable disease) who were randomly assigned to A or B": whoever
                         # was randomised to the arms is everyone they hold (a discontinuation design randomises the stable)
                         r"|\s+(?:the\s+)?(?:\d[\d,]*\s+)?(?:patients|participants|subjects)\s+(?:(?:with|who\s+had)\s+stable\s+"
                         r"disease\s+(?:[^,;()]{0,30}?\s+)?)?who\s+were\s+(?:randomi[sz]ed|randomly\s+assigned|assigned|allocated)\s+"
                         r"to\s+[^,;()]{1,40}?\bor\b"
                         # ... and "among all (enrolled) patients" is everyone
                         r"|\s+all\s+(?:the\s+)?(?:(?:enrolled|treated|evaluable|randomi[sz]ed)\s+)?"
                         r"(?:patients|participants|subjects|pts)\b"
                         # ... and "among pts with evaluable tumour assessment" is the population a response is read in
                         r"|\s+(?:the\s+)?(?:pts|patients|participants|subjects)\s+with\s+(?:\w+\s+)?(?:evaluable|measurable)\b"
                         # ... and "among patients with progression on or intolerance to A" restates a later-line
                         # trial's eligibility: everyone it enrolled
                         r"|\s+(?:the\s+)?(?:pts|patients|participants|subjects|those)\s+(?:with|who)\s+[^,;()]{0,30}?"
                         r"(?:progression\s+on\s+or\s+intolerance|progressed\s+on\s+or\s+were\s+intolerant)\s+to\b)|subgroups?|subsets?|subpopulations?|ranged?\s+from|stratification|\w+-infected|"
                         # the per-protocol population: "for patients who received A or B according to the protocol"
                         r"per[- ]protocol|according\s+to\s+the\s+(?:[\w-]+\s+)?protocol|"
                         # "in patients aged 65 years or older" (an adult's eligibility, "aged 18 or older", "aged >20 years"
                         # where adulthood starts at 20 or 21, is everyone)
                         r"aged\s+(?:[<>≥≤]=?\s*|(?:over|under|above|below|at\s+least)\s+)?(?!(?:18|19|20|21)\b)\d+|"
                         # "In PD-L1-positive patients", "in BRAF-mutant tumours", "in high-risk patients"
                         # ... "in the PD-L1-positive population"
                         # ... also with the sign: "in FGF19+ patients", "in PD-L1+ tumours"
                         r"(?:[\w-]+-(?:positive|negative|high|low|mutant|mutated|wild-type|risk)|(?-i:[A-Z][\w-]*\d?)\+)\s+"
                         r"(?:patients|participants|tumou?rs|disease|"
                         r"population|subgroup|subset|cohort)|"
                         r"with\s+[^,;()]{0,30}\b(?:expression|positive|negative)|"
                         # "in patients with a CP score of 7": a value of a score sets a subgroup apart
                         r"with\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}score\s+(?:of\s+)?\d|"
                         # "in those with non-viral disease", "restricted to patients with X" (a landmark analysis is everyone)
                         r"those\s+with(?:out)?|(?:restricted|limited|confined)\s+to|"
                         # the patients with samples, a biomarker analysis's: "In tumor tissue biomarker analysis, ...",
                         # "included in the serum analysis set (A n = 279, ...)" (not the full analysis set: everyone)
                         r"(?:biomarker|serum|plasma|tissue|gene[- ]expression|translational|pharmacokinetic)\s+"
                         r"(?:[\w-]+\s+)?analys[ie]s\b|"
                         # a biomarker's baseline level: "with higher baseline FGF21", "in patients with low baseline AFP"
                         r"(?:high|higher|low|lower|elevated|raised)\s+baseline\b|"
                         # an exploratory analysis, but not the report's own ("this updated exploratory analysis showed")
                         r"(?<!this\s)(?<!latest\s)(?<!updated\s)(?:exploratory|post[- ]hoc)\s+(?:(?!landmark\b)\w+\s+)?analys[ie]s|"
                         # "in patients with microvascular invasion", "Patients with HBV (n = 200) had": a characteristic
                         r"(?:patients|pts|participants|subjects)\s+with\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:[\w-]+-(?:related|associated|induced)|invasion|infection|a?etiology|hepatitis|HBV|HCV|"
                         r"metastas[ie]s|thrombus|cirrhosis|Child[- ]Pugh|"
                         # ... or its abbreviation, as a stratification factor is written: "pts with VI (HR 1.19)", "with EHS"
                         r"(?-i:M?VI|EH[SM]|ES|PVTT|MVI))|"
                         # a group chosen by its outcome: "in patients who achieved disease control", "pts achieving a
                         # response" (the proportion of patients achieving one is a rate of everyone)
                         r"(?<!proportion\sof\s)(?<!percentage\sof\s)(?<!number\sof\s)"
                         r"(?:patients|pts|participants|subjects|those)\s+(?:who\s+)?(?:achieved|achieving|attained|attaining)|"
                         # ... or by its best response, as abstracts abbreviate it: "in PR/SD patients", "pts with CR or PR"
                         rf"\b{BEST_RESPONSE}\s+(?:patients|pts)|(?:patients|pts)\s+with\s+(?:a\s+)?{BEST_RESPONSE}\b|"
                         # ... or by what happened to it on treatment: "in participants who did and did not experience
                         # imAEs", "(those) who experienced imAEs versus those who did not"
                         r"(?:patients|pts|participants|subjects|those)\s+who\s+(?:did|had)\s+(?:and|or)\s+(?:did|had)\s+not|"
                         r"(?:versus|vs\.?|compared\s+with)\s+those\s+who\s+did\s+not|"
                         # a biomarker's level labelling the statistic after it: "(PD-L1 >= 1% HR 0.80; PD-L1 < 1% HR
                         # 0.84)" (not an endpoint's or a statistic's bound, "ORR >= 20%", "P < 0.001"; nor a whole trial's
                         # eligibility, "in patients with AFP >= 400 ng/mL")
                         r"(?-i:(?!(?:HR|OR|CI|ORR|DCR|CRR|OS|PFS|TTP|DOR)\b)[A-Z][A-Za-z0-9-]*[A-Z0-9])\s*(?:≥|≤|>=|<=|[<>])\s*"
                         r"\d+(?:\.\d+)?(?=\s*%\s*(?:HR\b|hazard\b|median\b|:|$)))\b",
                         re.IGNORECASE)
# A duration of response is measured among responders by definition: "among responders" restricts nothing.
RESPONDER_ENDPOINTS = frozenset({"dor"})
RESPONDERS_RE = re.compile(r"\b(?:among|in)\s+(?:the\s+)?(?:confirmed\s+)?responders\b|\b(?:patients|pts|participants|those)\s+"
                           r"(?:who\s+)?(?:achieved|achieving|attained)\s+(?:an?\s+)?(?:confirmed\s+)?(?:objective\s+)?response\b",
                           re.IGNORECASE)

# Values "for responders and non-responders" are of groups chosen by their response (no arm's), except a duration
# of response, measured among responders by definition.
RESPONDER_GROUP_RE = re.compile(r"\b(?:non-?)?responders\b", re.IGNORECASE)


def responder_groups(text: str, start: int, stop: int, endpoint: str) -> bool:
    """Does the clause between ``start`` and ``stop`` give an endpoint other than a duration of response for
    responders or non-responders?"""
    return endpoint not in RESPONDER_ENDPOINTS and RESPONDER_GROUP_RE.search(text, start, stop) is not None


# The outcome that chooses such a group names no endpoint of its own: "in patients who achieved disease control
# (28% vs 12%)" gives no disease control rates.
OUTCOME_CHOSEN_RE = re.compile(r"\b(?:patients|pts|participants|subjects|those)\s+(?:who\s+)?"
                               r"(?:achieved|achieving|attained|attaining)\s+(?:an?\s+)?(?:confirmed\s+)?$", re.IGNORECASE)


def chooses_a_group(text: str, start: int) -> bool:
    """Is the endpoint named at ``start`` the outcome a subgroup is chosen by ("patients who achieved disease control")?"""
    return OUTCOME_CHOSEN_RE.search(text, max(0, start - 60), start) is not None


# Between values and the group right after them that they are of: a unit and a preposition, no "and" or comma.
QUALIFIES_RE = re.compile(r"\s*(?:months?|weeks?|days?|years?|%)?\s*(?:(?:for|in|among)\s+(?:the\s+)?)?", re.IGNORECASE)


def subgroup_after(text: str, masked: str, end: int, stop: int) -> bool:
    """Does a subgroup follow the values ("15.1 vs 12.2 months among patients with X") other than as the qualifier
    of values of its own after it ("15.1 vs 12.2 months, and among patients with X, 10.0 vs 7.0 months")?"""
    after = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", lambda m: " " * len(m.group()), text[end:stop])  # asides blanked in place
    m = SUBGROUP_RE.search(after)
    return m is not None and not value_tokens(masked, end + m.end(), stop)


def subgroup_start(text: str, masked: str, start: int, stop: int) -> int | None:
    """Where a subgroup with values of its own begins after values given for everyone ("19.6% vs 9.4%, and higher in
    patients who achieved X (28.7% vs 12.7%)"): the values from there on are the subgroup's; None when there is none."""
    after = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", lambda m: " " * len(m.group()), text[start:stop])
    m = SUBGROUP_RE.search(after)
    before = value_tokens(masked, start, start + m.start()) if m is not None else []
    if m is None or not before or not value_tokens(masked, start + m.end(), stop):
        return None
    outside = [t for t in before if not after[t[0] - start].isspace()]  # (not a bracket's CI, blanked in ``after``)
    if len(outside) == 1 and QUALIFIES_RE.fullmatch(after[outside[0][1] - start:m.start()]):
        return start  # "4.4 months for patients with X versus 18.0 months for those with Y": one group's value, then another's
    return start + m.start()


# A test of interaction in a statistic's bracket compares subgroups: "[HR 0.53; 95% CI ...; P-interaction = 0.04]".
INTERACTION_RE = re.compile(r"\bP[- ]?(?:value\s+)?(?:for\s+)?interaction\b|\binteraction\s+P\b|\bP\s*int\b", re.IGNORECASE)
# What may stand between a bracket's close and the subgroup the bracket's statistics are of: "] with higher ...".
AFTER_BRACKET_RE = re.compile(r"\s*,?\s*(?:(?:in|among|for|with)\s+(?:the\s+)?(?:(?:patients|pts|those)\s+(?:with\s+)?)?)?",
                              re.IGNORECASE)


# ... or the noun that coordinated groups close with, after their brackets: "in both X grade 1 (HR 0.63 ...) and X
# grade 2 (HR 0.84 ...) subgroups" (words and brackets only up to it: no verb, no clause's end).  Each word is read
# whole, hyphens and all ("PD-L1-positive"; "HCC-subgroups" ends at its hyphen), "and"/"or" only as a joiner and
# a dash only standing alone: with words the pattern could cut anywhere, a failing match tried every cut (0.4 s
# on one 200-character sentence of the literature, a third of its extraction time; minutes on a longer clause).
_GROUP_NOUN = r"(?:subgroups|subsets|strata)\b"
SUBGROUPS_CLOSE_RE = re.compile(rf"(?:\s*(?:(?:,|\b(?:and|or)\b)\s*)?(?:(?!(?:was|were|is|are|had|has|showed|shows|in|and|or)\b)"
                                rf"(?:\w+(?:-\w+)*(?!\w)(?:-(?={_GROUP_NOUN}))?|(?<![\w-])-+(?![\w-]))|"
                                rf"\([^()]*\)|\[[^\[\]]*\])){{0,8}}?\s*\b{_GROUP_NOUN}", re.IGNORECASE)


def bracket_of_subgroup(text: str, start: int) -> bool:
    """Is the statistic at ``start`` inside a bracket that tests an interaction, or that a subgroup follows ("OS was
    longer with A [median 10.9 vs 6.8 months; HR 0.53] with higher baseline X")?"""
    opened = max(text.rfind("(", 0, start), text.rfind("[", 0, start))
    if opened < 0:
        return False
    close = {"(": ")", "[": "]"}[text[opened]]
    end = text.find(close, start)
    if end < 0 or text.rfind(close, opened, start) >= 0:
        return False  # not inside: the bracket before it closed already
    if INTERACTION_RE.search(text, opened, end):
        return True
    after = AFTER_BRACKET_RE.match(text, end + 1)
    return SUBGROUP_RE.match(text, after.end()) is not None or SUBGROUPS_CLOSE_RE.match(text, end + 1) is not None


def statistic_of_subgroup(text: str, start: int) -> bool:
    """Is the statistic at ``start`` a subgroup's, by its clause before it or by its bracket (:func:`bracket_of_subgroup`)?"""
    return is_subgroup(text, start) or bracket_of_subgroup(text, start)


def ratio_of_subgroup(text: str, hr: HazardRatio) -> bool:
    """Is a hazard ratio a subgroup's, by the clause before it, its bracket, or its own label ("HRs in participants
    who had rash versus those who did not were ...")?"""
    return statistic_of_subgroup(text, hr.start) or bool(hr.label) and is_subgroup(text, hr.label_end)


def is_subgroup(text: str, start: int) -> bool:
    """Does the clause before ``start`` restrict the statement to a subgroup?  Not by an aside closed before it: "A
    50 mg/m2 (25 mg/m2 in those with high bilirubin) plus B, or B alone (n = 150)" speaks of all patients; nor by the
    patients the trial randomised or enrolled ("Patients with PVTT were randomized to A or B": who it was for)."""
    c_start, _ = clause_of(text, start)
    before = _CLOSED_ASIDE_RE.sub(lambda m: " " * len(m.group()), text[c_start:start])
    return any(not ELIGIBLE_AFTER_RE.match(before, m.end()) for m in SUBGROUP_RE.finditer(before))


# What makes the patients a characteristic names those the trial took: "Patients with X were randomized", "were enrolled".
# (the patients the verb's subject: not "150 patients aged 65 or older who were randomly assigned", some of them)
ELIGIBLE_AFTER_RE = re.compile(r"(?:(?!\bwho\b)[^,;()]){0,40}?\b(?:were|was)\s+(?:\w+ly\s+)?(?:randomi[sz]ed|randomly\s+assigned|"
                               r"allocated|enrolled)\b", re.IGNORECASE)


_CLOSED_ASIDE_RE = re.compile(r"\([^()]*\)")


# A sentence that only lists results under endpoint labels ("OS: 6.9 vs 4.3 months; HR, 0.81. PFS: ..."), right after one
# announcing an analysis of some of the patients ("A planned analysis of patients with X (34 and 22) showed ..."):
# those patients' results, the subgroup's.
LABELLED_RESULTS_RE = re.compile(r"^\s*(?:median\s+)?[A-Za-z]{2,4}\s*:\s*\d")
ANALYSED_SUBGROUP_RE = re.compile(r"\b(?:pre-?planned|pre-?specified|planned|post[- ]hoc|exploratory)\s+analys[ie]s\s+(?:of|in|among)\s+"
                                  r"(?:the\s+)?(?:patients|participants|subjects|those)\s+(?:with|who)\b", re.IGNORECASE)


def continues_subgroup(doc: AnalysedDocument, sent: AnalysedSentence) -> bool:
    """Is the sentence a run of labelled results continuing the subgroup the sentences before it announced (each a
    labelled run back to the announcement)?"""
    opening = _run_opening(doc, sent, LABELLED_RESULTS_RE)
    return opening is not None and (ANALYSED_SUBGROUP_RE.search(opening) is not None or SUBGROUP_RE.search(opening) is not None)


def _run_opening(doc: AnalysedDocument, sent: AnalysedSentence, item: re.Pattern) -> str | None:
    """The text of the sentence that opens the run of sentences of one shape (``item``) the sentence belongs to: the
    last one before it not of that shape (None when the sentence is not of it, or nothing comes before the run)."""
    if not item.match(sent.text):
        return None
    back = next((i for i, s in enumerate(doc.sentences) if s is sent), 0) - 1
    while back >= 0 and item.match(doc.sentences[back].text):
        back -= 1
    return doc.sentences[back].text if back >= 0 else None


# A list's item: a bullet mark, then the item.
LIST_ITEM_RE = re.compile(r"^\s*[-–•*·]\s+\S")


def subgroup_list_item(doc: AnalysedDocument, sent: AnalysedSentence) -> bool:
    """Is the sentence an item of a list that a subgroup's sentence opens with a colon ("In the X-high cohort, every
    endpoint improved:" then "- OS: a median of ... with A, ... with B"), the items before it included?"""
    opening = _run_opening(doc, sent, LIST_ITEM_RE)
    if opening is None or (colon := _opening_colon(opening)) is None:
        return False
    return is_subgroup(opening, colon)


def _opening_colon(text: str) -> int | None:
    """Where a sentence opens a list with a colon: at its end, or before its first item read into it (its bullet
    mark dropped: "... improved: OS: a median of ...")."""
    m = re.search(r":(?:\s|$)", text)
    return m.start() if m else None


# A value's part of a single-arm trial named right after it: "7.3 months in Part A", "20% (95% CI ...) in cohort 2".
# ... or named by who its patients are: "5.6 months for the prior-A cohort", "16.7% in the A-naive cohort".
_VALUE_TAIL = r"\s*(?:months?|weeks?|%)?\s*(?:\([^()]*\)\s*|\[[^\[\]]*\]\s*)?"
PART_LABEL = r"(?:part|cohort|group|stratum)\s+[A-Z0-9]{1,2}\b"  # "Part A", "cohort 2" (also read by prose_sizes)
PART_AFTER_RE = re.compile(rf"{_VALUE_TAIL}(?:in|for)\s+(?:the\s+)?(?:{PART_LABEL}|"
                           # (a cohort by dose is the arm's: "29% in the low-dose cohort and 17% in the high-dose cohort")
                           r"(?!(?:overall|whole|entire|total|full)\b)(?:(?![\w-]*dose\b)[\w-]+\s+){1,3}cohort\b)",
                           re.IGNORECASE)
# ... and, after the parts' values, the whole trial's: "..., and 5.6 months overall", "20% in all patients".
OVERALL_AFTER_RE = re.compile(rf"{_VALUE_TAIL}(?:overall\b|in\s+(?:all|the\s+(?:overall|whole|entire|total))\s+"
                              r"(?:[\w-]+\s+)?(?:patients|population|cohort)\b)", re.IGNORECASE)
