"""Word orders that change whose values a results clause gives (read by :mod:`.prose_values`).

An endpoint named after its values labels them: "6.9 vs 2.8 months for PFS and 16.5 vs 13.2 months for
OS" gives PFS the values before it, not OS's after it (:func:`labelled_values`). A comparison put first
names the comparator first: "Compared with B, A gave longer PFS (6.9 vs 2.8 months)" gives A the first
value (:func:`fronted_comparator`). A pair in its own parenthesis with an arm named after it gives that arm the
first value: "longer OS (8.5 vs 7.3 months) in patients given A" (:func:`closed_pair_end`). Grammar only: which drug and which endpoint come from the text.
"""

from __future__ import annotations

import re

from .prose_numbers import JOINER_RE, value_tokens

# Between the last of the values and the endpoint that labels them: a unit, the arms, an aside ("months with A
# and 4.2 months with B for", "% (HR ####) for"), or ", respectively, for"; no new clause (no comma otherwise).
LABEL_GAP_RE = re.compile(r"^(?:[^\d.;,]{0,60}?|\s*[^\d\s.;,]*\s*,\s*respectively\s*,\s*)\bfor\s+(?:the\s+)?(?:median\s+)?$",
                          re.IGNORECASE)
# "Compared with B, A ...", "Versus B, ...", "Relative to B, ...", "Unlike B, ...": the comparator put first.
# The clause ends after the arms, perhaps behind asides: "... for A and B.", "... for A vs B (HR 0.8; 95% CI ...)."
CLAUSE_END_AFTER_ARMS_RE = re.compile(r"\s*(?:\([^()]*\)\s*)*(?:[.;]|$)")
VERSUS_GAP_RE = re.compile(r"^\s*(?:vs\.?|versus|/)\s*(?:the\s+)?$", re.IGNORECASE)  # two arms, never one regimen
# The parenthesis holding a pair of values closes behind the second value and its unit.
PAIR_CLOSE_RE = re.compile(r"\s*(?:months?|mos?\.?|weeks?|years?)?\s*\)")
# A comparison's object after its subject: "... than (that in) the B group", "... compared to the B group", "... versus
# patients given B", "... over B": the words a comparison word and its object may have between them, and no more.
COMPARED_OBJECT_RE = re.compile(r"\b(?:than|(?:as\s+|when\s+)?compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|relative\s+to|"
                                r"versus|vs\.?|over)\s+(?:(?:that|those|the|in|among|with|of|for|on|patients|participants|"
                                r"receiving|given|treated|who|received|taking)\s+)*$", re.IGNORECASE)
FRONTED_COMPARISON_RE = re.compile(r"\s*(?:(?:when\s+|as\s+)?compared\s+(?:with|to)|versus|vs\.?|relative\s+to|"
                                   r"in\s+comparison\s+(?:with|to)|unlike)\s+[^,;]{1,80}?,", re.IGNORECASE)

# Where a comparison put first may open inside a clause: after a comma or "that" ("The study showed that compared with
# B, A ...", "In the NAME study, compared with B, A ...").
CLAUSE_OPENING = r"(?:,|\bthat\b)"
CLAUSE_OPENING_RE = re.compile(CLAUSE_OPENING, re.IGNORECASE)

# A median's time printed before it as a modifier: "a 5.5-month median PFS" (not "the 12-month OS rate": no "median"),
# also without "median" when the time has a fraction, which no landmark has ("produced a 14.6-month overall survival").
MEDIAN_BEFORE_RE = re.compile(r"(?<![\d.])(?P<v>\d+\.\d+|\d+(?=[-\s](?:months?|mo)\s+median\s))[-\s](?:months?|mo)\s+(?:of\s+)?(?:median\s+)?$",
                              re.IGNORECASE)
# Between the shares of one run printed before the rate they are: "30.1% and 12.7%", "34% vs 25%", "40%, 31% and 22%".
SHARE_RUN_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|(?:vs\.?|versus)\s+)", re.IGNORECASE)
# A survival rate's time point between its shares and its name ("34.3% and 24.9% 2-year survival rates"; masked as
# a time point), and the name it must end with.
MASKED_TIMEPOINT_GAP_RE = re.compile(r"\s*#+\s*")
RATE_AFTER_RE = re.compile(r"\s*rates?\b", re.IGNORECASE)


def labelled_values(masked: str, starts: list[int], ends: list[int], i: int, c_start: int,
                    proportion: bool = False, text: str = "") -> list | None:
    """The values the ``i``-th endpoint (``starts``/``ends``: every endpoint of the sentence) is named after
    ("6.9 vs 2.8 months for PFS"): those since the clause's start or the endpoint before; None when it is
    not named after values.  A ``proportion`` (a rate) is also named right after its percentage: "a 46% ORR"; a median
    after its time, in the unmasked ``text``: "a 5.5-month median PFS".

    >>> text = "Medians were 6.9 vs 2.8 months for PFS and 16.5 vs 13.2 months for OS."
    >>> pfs, os = text.index("PFS"), text.index("OS.")
    >>> [t[2] for t in labelled_values(text, [pfs, os], [pfs + 3, os + 2], 1, 0)]
    ['16.5', '13.2']
    >>> labelled_values("The HR for OS was 0.7.", [11], [13], 0, 0) is None
    True
    >>> text = "ORR 30% DCR 60%; A gave a 46% ORR."
    >>> [labelled_values(text, [0, 8, 30], [3, 11, 33], i, 0, True) for i in (1, 2)]
    [None, [(26, 29, '46', '%')]]
    """
    floor = max([c_start] + [end for end in ends[:i] if end <= starts[i]])
    # (``text``, unmasked: the time is masked as a time point)
    if (median := MEDIAN_BEFORE_RE.search(text, floor, starts[i])) is not None:
        first = (median.start("v"), median.end("v"), median.group("v"), "months")  # "a 5.5-month median PFS"
        after = _own_values_after(masked, text, starts, ends, i)
        if all(t[3] == "months" for t in after):  # "... for A and 10.4 months for B": the other arms' after it
            return [first, *after]
    tokens = value_tokens(masked, floor, starts[i])
    none_after = not value_tokens(masked, ends[i], _range_end(masked, starts, ends, i))
    if tokens and none_after and (run := _shares_before(masked, text, tokens, starts[i], ends[i], proportion)):
        return run  # "gave 30% and 12% ORRs": the shares printed right before the rate they are (none after it)
    if tokens and proportion and _share_before(masked, floor, tokens[-1], starts[i], c_start):
        if none_after:
            return tokens[-1:]  # "produced a 46.7% ORR": the share printed right before the rate it is (none after it)
        after = _own_values_after(masked, text, starts, ends, i)
        if after and all(t[3] == "%" for t in after):
            return [tokens[-1], *after]  # "a 29% ORR with A, higher than the 11% with B": the other arms' after it
    if not tokens or not LABEL_GAP_RE.match(masked[tokens[-1][1]:starts[i]]):
        return None
    return tokens


def _own_values_after(masked: str, text: str, starts: list[int], ends: list[int], i: int) -> list:
    """The values after the ``i``-th endpoint that are not the next endpoint's own printed before it: in "11.2 months
    median OS for A versus 10.4 months median OS for B" the first OS has none after it (the 10.4 is the second's)."""
    after = value_tokens(masked, ends[i], _range_end(masked, starts, ends, i))
    later = [s for s in starts[i + 1:] if s >= ends[i]]
    if after and later and MEDIAN_BEFORE_RE.fullmatch(text, after[-1][0], later[0]):
        after = after[:-1]
    return after


def _range_end(masked: str, starts: list[int], ends: list[int], i: int) -> int:
    """Where the values after the ``i``-th endpoint may stand: up to the next endpoint (not its abbreviation right
    after it: 'objective response rate ("ORR")') or the clause's end."""
    semicolon = masked.find(";", ends[i])
    later = [s for s in starts[i + 1:] if s >= ends[i] and not re.fullmatch(r"\s*[(\[]\s*[\"“']?\s*", masked[ends[i]:s])]
    return min(later + [semicolon if semicolon >= 0 else len(masked)])


def _shares_before(masked: str, text: str, tokens: list, start: int, end: int, proportion: bool) -> list:
    """A run of two shares or more printed right before the rate they are, one per arm: "30.1% and 12.7% objective
    response rates", "a respective 34.3% and 24.9% 2-year survival rate"; a time-to-event endpoint is a rate only when
    so named, its time point between, and then one share is one too ("a 41% 2-year survival rate") ([] otherwise; one
    share of a proportion is :func:`_share_before`'s).

    >>> text = "A and B gave 30% and 12% ORRs, respectively."
    >>> [t[2] for t in _shares_before(text, text, value_tokens(text, 0, 25), 25, 29, True)]
    ['30', '12']
    >>> _shares_before(text, text, value_tokens(text, 0, 25), 25, 29, False)
    []
    """
    gap = masked[tokens[-1][1]:start]
    landmark = MASKED_TIMEPOINT_GAP_RE.fullmatch(gap) is not None and RATE_AFTER_RE.match(text, end) is not None
    if not (proportion and not gap.strip()) and not landmark:
        return []
    run = [tokens[-1]]
    for token in reversed(tokens[:-1]):
        if not SHARE_RUN_GAP_RE.fullmatch(masked[token[1]:run[0][0]]):
            break
        run.insert(0, token)
    return run if len(run) >= (1 if landmark else 2) and all(t[3] == "%" for t in run) else []


def _share_before(masked: str, floor: int, token, start: int, c_start: int) -> bool:
    """Is a percentage printed right before a proportion's name ("a 46.7% ORR", "achieved 30% DCR"), not as the value
    of an endpoint named just before it ("ORR 30% DCR 60%": the 30% is the ORR's)?"""
    lead = masked[floor:token[0]]
    return token[3] == "%" and not masked[token[1]:start].strip() \
        and (floor == c_start or re.search(r"[A-Za-z]{2}", lead) is not None)


def fronted_comparator(text: str, c_start: int, first_named_start: int) -> bool:
    """Does the clause open with a comparison ("Compared with B, ...") naming the agent at ``first_named_start``?

    >>> fronted_comparator("Compared with B, A gave longer PFS", 0, 14)
    True
    >>> fronted_comparator("A gave longer PFS compared with B", 0, 0)
    False
    >>> text = "OS was 9 months; compared with B, A gave longer PFS"  # a clause the sentence's second
    >>> fronted_comparator(text, text.index("compared"), text.index("B"))
    True
    >>> text = "The study showed that, compared with B, A gave longer PFS"  # first after "that", no agent before it
    >>> fronted_comparator(text, 0, text.index("B"))
    True
    """
    starts = [c_start, *(m.end() for m in CLAUSE_OPENING_RE.finditer(text, c_start, first_named_start))]
    return any((m := FRONTED_COMPARISON_RE.match(text, start)) is not None and first_named_start < m.end()
               for start in starts)


def compared_object(text: str, c_start: int, start: int) -> bool:
    """Is the agent starting at ``start`` the object of a comparison in its clause, the comparator, whose value
    comes second ("A had a longer OS than that in the B group (x vs y)", "PFS was prolonged in A compared to B")?

    >>> text = "OS was longer than that in the B group"
    >>> compared_object(text, 0, text.index("B")), compared_object("B had a longer OS", 0, 0)
    (True, False)
    """
    return COMPARED_OBJECT_RE.search(text, c_start, start) is not None or fronted_comparator(text, c_start, start)


def arms_end_their_list(text: str, arms: list[tuple[int, int]]) -> bool:
    """Do the arms named after a run of values ((start, end) each) list them in order: the clause ends
    after them ("... for A and B (HR 0.8)."), or "vs" parts them ("... for A vs B, and ...")?

    >>> arms_end_their_list("9 vs 7 months for A vs B, and more", [(18, 19), (23, 24)])
    True
    >>> arms_end_their_list("9 and 7 months for A and B in cohort 2", [(19, 20), (25, 26)])
    False
    """
    return CLAUSE_END_AFTER_ARMS_RE.match(text, arms[-1][1]) is not None \
        or all(VERSUS_GAP_RE.match(text[a[1]:b[0]]) for a, b in zip(arms, arms[1:]))


def closed_pair_end(text: str, tokens: list) -> int | None:
    """Where the parenthesis holding just a pair of values (``tokens``: start, end, number, unit each) closes, None
    when they are not such a pair.  The arm named right after it qualifies the pair as a whole, so it is the arm of
    the first value: "longer OS (8.5 vs 7.3 months) in patients given A", "higher DCR (43% vs 32%) with A vs B".

    >>> text = "longer OS (8.5 vs 7.3 months) in patients given A"
    >>> closed_pair_end(text, [(11, 14, "8.5", "months"), (18, 28, "7.3", "months")])
    29
    >>> closed_pair_end("OS was 8.5 vs 7.3 months in A", [(7, 10, "8.5", "months"), (14, 24, "7.3", "months")]) is None
    True
    """
    if len(tokens) != 2 or not re.search(r"\(\s*$", text[:tokens[0][0]]) \
            or not JOINER_RE.match(text[tokens[0][1]:tokens[1][0]]):
        return None
    close = PAIR_CLOSE_RE.match(text, tokens[1][1])
    return close.end() if close else None


# "Schedule D3 achieved a higher ORR than Schedule D14 (37.5% vs 31.3%)": groups compared by labels no arm was given
COMPARED_LABEL_RE = re.compile(r"\bthan\s+(?:(?:in|with|for|on)\s+)?(?:the\s+)?(?P<label>(?-i:[A-Z][a-z]+\s+(?:[A-Z]?\d+[a-z]?|[A-Z])))\b")


def compares_labels(text: str, start: int, end: int, named: list) -> bool:
    """Does ``text[start:end]`` compare with a group by a label no arm was given ("than Schedule D14", "than Cohort
    2"), not one of the ``named`` arms?  Its values are then no arm's by the trial's order.

    >>> compares_labels("Schedule D3 gave a higher ORR than Schedule D14 (", 0, 49, [])
    True
    >>> compares_labels("ORR was higher than with B (", 0, 28, [])
    False
    """
    label = COMPARED_LABEL_RE.search(text, start, end)
    return label is not None and not any(a.start <= label.start("label") < a.end for a in named)
