"""Which endpoints a sentence of trial results names, and which one a hazard ratio measures.

An endpoint is named by the vocabulary ("median OS", "progression-free survival") or by the event
it counts ("hazard ratio for death" is OS, "progression or death" PFS, "survival" alone OS); a
survival the vocabulary does not name ("disease-free survival", "cancer-specific survival") is
none of them, and the object of a follow-up ("median follow-up for overall survival") is no
result.  Split from :mod:`prose_values`, which decides whose value each one is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .analysis import AnalysedDocument, AnalysedSentence
from .name_cues import fits

# Events and words that name an endpoint where no vocabulary name does (cue words).
# ("disease worsening or death", as press releases write progression)
ENDPOINT_CUES = ((r"(?:(?:disease|cancer)\s+)?(?:progression|worsening)\s+or\s+death", "pfs"), (r"\bdeath\b", "os"),
                 (r"\b(?:median\s+)?survival(?:\s+time)?\b", "os"), (r"\bobjective\s+responses?\b", "orr"),
                 (r"\btime[\s-]+to[\s-]+(?:radiolog\w*|tumou?r)[\s-]+progression\b", "ttp"),
                 # news for the public: "patients given A lived a median of 16.4 months", "survived for a median 9 months",
                 # "lived for an average of 13.6 months" (a public text's average is the trial's median)
                 (r"\b(?:lived|survived)\s+(?:for\s+)?(?:an?\s+)?(?:median|average)\s+(?:of\s+)?", "os"),
                 (r"\bresponse\s+rate\b", "orr"),
                 # how long responses last: "more durable responses (19.3 vs 8 months)", "responses lasted a median
                 # of 9 months" (a "durable response rate" is a share of patients: no months)
                 (r"\b(?:more\s+)?(?:durable|lasting)\s+responses?\b(?![\s-]+rates?\b)|\bresponses?\s+lasted\b", "dor"),
                 # the median in a guide for patients: "half of the people ... were still alive after 18.7 months"
                 # ... "half of the patients in the A arm living at least 23.7 months"
                 (r"\bhalf\s+of\s+(?:the\s+)?(?:people|patients|participants)\b[^.;\d]{0,60}?\b(?:(?:still\s+)?alive|"
                  r"living|lived|survived)\b", "os"),
                 # the share of patients alive at a time point, a landmark survival rate: "a higher percentage of
                 # patients still alive at 24 months (49% vs 39%)"
                 (r"\b(?:proportion|percentage|share)\s+of\s+(?:[\w-]+\s+){0,2}?(?:patients|people|participants)\s+"
                  r"(?:who\s+(?:were|are|remained)\s+)?(?:still\s+)?alive\b(?=\s+(?:at|after)\s+\d)", "os"),
                 # the share of patients (or of their cancers) that responded: "a higher proportion of cancers responded"
                 (r"\b(?:proportion|percentage|share)\s+of\s+(?:[\w-]+\s+){0,2}?(?:patients|people|participants|cancers|"
                  r"tumou?rs)\s+(?:who\s+)?responded\b", "orr"))
FOLLOW_UP_RE = re.compile(r"follow-?up|cut-?off|time from", re.IGNORECASE)
# ... given with its own duration: "a median follow-up of 17.0 months", "median follow-up time was 20 mo"; one per
# group: "follow-up was 6.0 months in the A group and 4.0 months in the B group", "was 6.0 and 4.0 months".
_DURATION = r"\d+(?:[.·]\d+)?\s*(?:months?|mos?|weeks?|years?)\b"
_IN_GROUP = r"\s+(?:in|for|with)\s+(?:the\s+)?[^,;.()]{1,40}?\s+(?:groups?|arms?|cohorts?)\b"
FOLLOW_UP_DURATION_RE = re.compile(r"\bfollow-?up(?:\s+(?:time|period|duration))?\s*(?:of\b|was\b|:|,|=)\s*"
                                   r"(?:about\s+|approximately\s+)?(?:\d+(?:[.·]\d+)?\s*(?:and|vs\.?|versus)\s*)?"
                                   rf"{_DURATION}(?:{_IN_GROUP}(?:\s*(?:,\s*(?:and\s+)?|and\s+|vs\.?\s*|versus\s+)"
                                   rf"{_DURATION}{_IN_GROUP})+)?", re.IGNORECASE)


def follow_up_between(text: str, start: int, end: int) -> bool:
    """Does a follow-up stand between an endpoint and its first value, its duration not given before the value
    ("OS ... at a median follow-up of 17.0 months (17.8 v 11.5 months)": the follow-up has its own)?

    >>> follow_up_between("OS at a median follow-up of 17.0 months (17.8", 0, 41), follow_up_between("OS at follow-up 17.8", 0, 16)
    (False, True)
    """
    return FOLLOW_UP_RE.search(FOLLOW_UP_DURATION_RE.sub(" ", text[start:end])) is not None


@dataclass(frozen=True)
class Anchor:
    """Where an endpoint is named in a sentence (its key and offsets)."""

    endpoint: str
    start: int
    end: int


def clause_of(text: str, pos: int) -> tuple[int, int]:
    """The top-level clause (";" outside parentheses) holding ``pos``."""
    depth, start = 0, 0
    for i, ch in enumerate(text):
        depth += ch in "(["
        depth -= ch in ")]" and depth > 0
        if ch == ";" and depth == 0:
            if i >= pos:
                return start, i
            start = i + 1
    return start, len(text)


# Responses named by their parts: "complete or partial response" is an objective response, and with "or stable
# disease" a disease control; the parts' own names ("partial response") inside are not the endpoint named.
COMPOUND_CUES = ((r"\b(?:(?:a\s+)?complete\s+(?:response\s+)?(?:or|and|/)\s+(?:a\s+)?partial\s+responses?|objective\s+responses?)"
                  r",?\s+(?:or|and|/)\s+(?:had\s+)?stable\s+disease\b", "dcr"),
                 (r"\b(?:a\s+)?complete\s+(?:response\s+)?(?:or|/)\s+(?:a\s+)?partial\s+responses?\b(?!,?\s+(?:or|and|/)\s+(?:had\s+)?stable)",
                  "orr"))


def anchors(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Anchor]:
    """Endpoints the sentence names, by vocabulary, by cue word or by a short form the document defined, in text order
    (read once per sentence: a dozen readers ask; each gets its own list)."""
    return list(doc.once(("endpoint anchors", sent), lambda: tuple(_anchors(doc, sent))))


def _anchors(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Anchor]:
    found = _named(doc, sent)
    for short, key in doc.once("endpoint short forms", lambda: _short_forms(doc)).items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", sent.text):
            if not any(a.start <= m.start() < a.end for a in found) and not _followed_up(sent.text, m.start()):
                found.append(Anchor(key, m.start(), m.end()))
    found.extend(_elided_rates(sent.text, found))
    return _with_short_forms(sent.text, sorted(found, key=lambda a: a.start))


# "The 24-month OS rates were A vs B, and the 36-month rates were C vs D": a later time point's rates with their
# endpoint left out, the one the sentence's rates before were of.
# (not "and 24-month rates of A vs B": a pair per time point, :func:`.prose_rates.timepoint_rates` reads it)
ELIDED_RATE_RE = re.compile(r"\bthe\s+\d+[\s-]*(?:months?|mo|years?)\s+(?P<rates>rates?)\s+(?=(?:were|was)\b)", re.IGNORECASE)
RATE_NAMED_RE = re.compile(r"^[\s-]*(?:\([^()]{1,12}\)\s*)?rates?\b", re.IGNORECASE)


def _elided_rates(text: str, found: list[Anchor]) -> list[Anchor]:
    """Anchors for the rates a sentence names without their endpoint, after rates of one it named."""
    out = []
    for m in ELIDED_RATE_RE.finditer(text):
        before = [a for a in found if a.end <= m.start()]
        if before and not any(m.start() <= a.start < m.end() for a in found) and RATE_NAMED_RE.match(text[before[-1].end:]):
            out.append(Anchor(before[-1].endpoint, m.start("rates"), m.end("rates")))
    return out


def _with_short_forms(text: str, found: list[Anchor]) -> list[Anchor]:
    """One anchor for an endpoint named with its short form in brackets ("overall survival (OS)"), so that endpoints
    listed with theirs ("PFS (PFS) and OS (OS) were X and Y") stay one list."""
    merged: list[Anchor] = []
    for anchor in found:
        last = merged[-1] if merged else None
        if last is not None and last.endpoint == anchor.endpoint and re.fullmatch(r"\s*\(\s*", text[last.end:anchor.start]) \
                and (close := re.match(r"\s*\)", text[anchor.end:])):
            merged[-1] = Anchor(last.endpoint, last.start, anchor.end + close.end())
        else:
            merged.append(anchor)
    return merged


# "response rate (RR)", "overall survival time (OST)": a short form in parentheses right after an endpoint's name.
SHORT_FORM_RE = re.compile(r"\s*\((?P<short>[A-Z][A-Za-z]{1,4})\)")


def _short_forms(doc: AnalysedDocument) -> dict[str, str]:
    """Short forms the document defines for endpoints no name of the vocabulary gives (matched in the case written):
    its letters in order in the endpoint's name, the first starting it; one endpoint each."""
    defined: dict[str, set[str]] = {}
    for sent in doc.sentences:
        for a in _named(doc, sent):
            m = SHORT_FORM_RE.match(sent.text, a.end)
            if m and fits(m["short"], sent.text[a.start:a.end]) and doc.finder.lookup(m["short"]) is None:
                defined.setdefault(m["short"], set()).add(a.endpoint)
    return {short: keys.pop() for short, keys in defined.items() if len(keys) == 1}


def _named(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Anchor]:
    """Endpoints the sentence names by vocabulary or by cue word (read once per sentence; a new list each call)."""
    return list(doc.once(("endpoints named", sent), lambda: tuple(_named_once(doc, sent))))


def _named_once(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Anchor]:
    compound = [Anchor(key, m.start(), m.end()) for pattern, key in COMPOUND_CUES
                for m in re.finditer(pattern, sent.text, re.IGNORECASE)]
    found = [Anchor(m.key, *sent.local(m)) for m in doc.keys_of_type(sent.mentions, "EndpointType")
             if not any(c.start <= sent.local(m)[0] < c.end for c in compound)] + compound
    for pattern, key in ENDPOINT_CUES:
        for m in re.finditer(pattern, sent.text, re.IGNORECASE):
            if not any(a.start <= m.start() < a.end or m.start() <= a.start < m.end() for a in found):
                found.append(Anchor(key, m.start(), m.end()))
    defining = _definitions(sent.text, found)
    return [a for a in found if not _followed_up(sent.text, a.start) and not _other_survival(sent.text, a)
            and not MEAN_BEFORE.search(sent.text, max(0, a.start - 16), a.start)
            and not NARROWED_BEFORE.search(sent.text, max(0, a.start - 24), a.start)
            and not (a.endpoint in RESPONSE_ENDPOINTS and LASTING_BEFORE.search(sent.text, max(0, a.start - 16), a.start))
            and not any(s < a.start and a.end <= e and key != a.endpoint for key, s, e in defining)]


def _definitions(text: str, found: list[Anchor]) -> list[tuple[str, int, int]]:
    """The brackets opened right after an endpoint's name, each with that endpoint: "objective response rate (complete
    plus partial responses)" defines it, and the endpoints named inside are its parts, not endpoints of their own.

    >>> _definitions("ORR (CR plus PR) was 5%", [Anchor("orr", 0, 3)])
    [('orr', 4, 15)]
    """
    out = []
    for a in found:
        opened = re.match(r"\s*\(", text[a.end:])
        if opened is None:
            continue
        depth, at = 0, a.end + opened.end() - 1
        for i in range(at, len(text)):
            depth += text[i] in "(["
            depth -= text[i] in ")]"
            if depth == 0:
                out.append((a.endpoint, at, i))
                break
    return out


# "a mean progression-free survival of 3.2 months", "the average OS": a mean is not the median every time-to-event
# value is read as.
MEAN_BEFORE = re.compile(r"\b(?:mean|average)\s+$", re.IGNORECASE)


# "the ongoing response rates at 12 and 24 months", "a durable response rate": how long responses last among the
# responders, not the share of patients who responded.
RESPONSE_ENDPOINTS = frozenset({"orr", "dcr"})
_LASTING = r"\b(?:ongoing|durable|sustained|continu(?:ed|ing)|maintained|lasting)\s+"
LASTING_BEFORE = re.compile(_LASTING + "$", re.IGNORECASE)
LASTING_RESPONSE_RE = re.compile(_LASTING + r"(?:objective\s+)?responses?\s+rates?\b", re.IGNORECASE)


# "symptomatic progression-free survival", "intrahepatic PFS", "local response rate": an endpoint narrowed to one
# kind of event or one site is not the endpoint itself.
NARROWED_BEFORE = re.compile(r"\b(?:symptomatic|intra-?hepatic|extra-?hepatic|hepatic|local|loco-?regional|in-field|"
                             r"out-of-field|liver-specific)[\s-]+$", re.IGNORECASE)


# "disease-free survival", "event free survival", "cancer-specific survival": a survival the vocabulary
# does not name is not overall survival (the cue word "survival" alone is).
OTHER_SURVIVAL_BEFORE = re.compile(r"(?:\bfree|\bspecific|\brelated)[\s-]+$", re.IGNORECASE)


def _other_survival(text: str, anchor: Anchor) -> bool:
    """Is a cue-word "survival" qualified as another kind ("disease-free survival")?"""
    return anchor.endpoint == "os" and text[anchor.start:anchor.end].lower().startswith("survival") \
        and OTHER_SURVIVAL_BEFORE.search(text, max(0, anchor.start - 12), anchor.start) is not None


def names_other_survival(text: str, end: int) -> bool:
    """Does the text before ``end`` name a survival the vocabulary does not ("improved disease-free
    survival (HR 0.76)")?  A bare ratio there measures it, not the endpoint a sentence before named.

    >>> names_other_survival("improved disease-free survival versus placebo (HR 0.76)", 47)
    True
    >>> names_other_survival("B was non-inferior to C (HR 0.89)", 25)
    False
    """
    return any(OTHER_SURVIVAL_BEFORE.search(text, max(0, m.start() - 12), m.start())
               for m in re.finditer(r"\bsurvival\b", text[:end], re.IGNORECASE))


def _followed_up(text: str, start: int) -> bool:
    """Is the endpoint the object of a follow-up ("median follow-up for overall survival")?"""
    before = text[max(0, start - 40):start]
    cue = list(FOLLOW_UP_RE.finditer(before))
    return bool(cue) and not re.search(r"[\d,]", before[cue[-1].end():])


# The event a risk is of, just before a ratio: death (or mortality) is OS's, progression (or death) PFS's.
RISK_OF = re.compile(r"\brisk\s+of\s+(?:(?:all-cause\s+)?(?:death|mortality|dying)\b|"
                     r"(?P<progression>(?:disease\s+|tumou?r\s+)?progression\b))", re.IGNORECASE)
RISK_REACH = 80  # characters before the ratio its risk may be named in


def hazard_ratio_endpoint(doc: AnalysedDocument, sent: AnalysedSentence, label: str, hr_start: int,
                          label_end: int = 0) -> str | None:
    """The endpoint a hazard ratio measures: the one its label names ("HR for OS", "for death"),
    else the nearest endpoint named before it."""
    for pattern, key in ENDPOINT_CUES[:2]:
        if re.search(pattern, label, re.IGNORECASE):
            return key
    named = anchors(doc, sent)
    inside = [a for a in named if hr_start <= a.start and a.end <= label_end]
    if inside:
        return inside[0].endpoint
    c_start, c_end = clause_of(sent.text, hr_start)
    risks = list(RISK_OF.finditer(sent.text, max(c_start, hr_start - RISK_REACH), hr_start))
    if risks:  # "a 43% lower risk of all-cause mortality (HR 0.57)", "reduced the risk of progression (HR 0.56)"
        return "pfs" if risks[-1].group("progression") else "os"
    before = [a for a in named if a.end <= hr_start]
    in_clause = [a for a in before if a.start >= c_start]
    # ... else the one its clause names right after it: "(HR 0.30, 95% CI 0.22-0.40; median PFS 4.0 vs 1.9 months)"
    after = [a for a in named if hr_start <= a.start < c_end][:1]
    chosen = (in_clause or before or after or [None])[-1]
    return chosen.endpoint if chosen else None


def of_unnamed_endpoint(doc: AnalysedDocument, sent: AnalysedSentence, hr_start: int) -> bool:
    """Is a hazard ratio that of a time-to outcome no endpoint of the vocabulary names, named after every endpoint
    the clause names before it ("Median time to EHS (HR 0.62) and OS (HR 0.90)", "TTUP was lower (HR 1.59)")?"""
    c_start, _ = clause_of(sent.text, hr_start)
    named = anchors(doc, sent)
    other = _other_time_to(doc, sent, c_start, hr_start, named)
    return other is not None and all(a.end <= other for a in named if c_start <= a.start < hr_start)


# A time-to-event outcome the vocabulary does not name ("time to MVI/EHS"), or the short form a document defines for
# one ("time to untreatable progression (TTUP)").
OTHER_TIME_TO = re.compile(r"\btime\s+to\s+[\w/-]+", re.IGNORECASE)
OTHER_TIME_TO_DEFINED = re.compile(r"\btime\s+to\s+[^().;]{1,40}?\s*\((?P<short>[A-Z]{2,6})\)")


def _other_time_to(doc: AnalysedDocument, sent: AnalysedSentence, start: int, end: int, named: list[Anchor]) -> int | None:
    """Where the last time-to outcome no endpoint of the vocabulary names ends before ``end`` in the clause."""
    shorts = doc.once("other time-to short forms", lambda: {m["short"] for m in OTHER_TIME_TO_DEFINED.finditer(
        doc.document.text) if doc.finder.lookup(m["short"]) is None})
    found = [m.end() for m in OTHER_TIME_TO.finditer(sent.text, start, end)
             if not any(a.start <= m.start() < a.end for a in named)]
    found += [m.end() for short in shorts for m in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", sent.text[:end])
              if m.start() >= start]
    return max(found, default=None)


# An analysis that re-estimates the result under another assumption (crossover adjusted away, a per-protocol or
# sensitivity analysis): "When adjusted for crossover, median OS with placebo was 5.1 months (HR 0.49)", "by the
# rank-preserving structural failure time method, adjusted median OS ...".  Its numbers are not the trial's result.
ADJUSTED_ANALYSIS_RE = re.compile(r"\b(?:adjust(?:ed|ing|ment)\s+for\s+(?:the\s+)?(?:effects?\s+of\s+)?cross-?over|"
                                  r"cross-?over[- ]adjusted|rank[- ]preserving|RPSFTM?|IPCW|inverse[- ]probability[- ]of[- ]"
                                  r"censoring|sensitivity\s+analys[ie]s|per[- ]protocol|adjusted\s+median|"
                                  # ... or for a covariate ("an analysis adjusting for baseline AFP"; a stratified
                                  # analysis's "adjusted for the stratification factors" is the trial's own)
                                  r"analys[ie]s\s+(?:adjusting|adjusted)\s+for\s+(?!(?:the\s+)?stratif)|"
                                  r"after\s+adjust(?:ing|ment)\s+for\s+(?!(?:the\s+)?stratif)|multivari(?:able|ate)\s+analys[ie]s|"
                                  # ... or checks a stopping rule ("the interim futility analysis showed an HR of 1.02")
                                  r"futility\s+analys[ie]s|"
                                  # ... or weighs the patients against others (an outside or historical cohort): "by IPW",
                                  # "after propensity-score matching"
                                  r"(?-i:IPT?W)|inverse[- ]probability\s+(?:of\s+treatment\s+)?weight\w*|"
                                  r"propensity[- ]score[- ]?(?:matched|matching|weighted|weighting|adjusted))\b", re.IGNORECASE)
# A randomised comparison's result is its intention-to-treat one: what a sentence states "in the treated population"
# (those who received what they were assigned, a subset of each arm) is another analysis.  A single-arm trial's
# treated population is its arm, so this is read only where the trial has two arms or more.
TREATED_POPULATION_RE = re.compile(r"\b(?:in|among|for)\s+(?:the\s+)?(?:as[- ])?treated\s+(?:population|patients|"
                                   r"(?:analysis\s+)?set)\b|\bas[- ]treated\s+(?:population|analysis)\b", re.IGNORECASE)
