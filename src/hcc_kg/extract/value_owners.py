"""Whose values a results clause gives: the arm named right after each value ("14.6 months in the A group",
"9.2 months for the 210 patients who were randomly assigned to receive A"), else the one named before it, else,
with "respectively", the arms in the order the clause names them, else the trial's arms in order.  Split from
:mod:`.prose_values`, which finds the values and their endpoints.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .analysis import AnalysedDocument, AnalysedSentence
from .effects import decimal_text
from .prose_arm_mentions import ARM_LABEL_AFTER_RE, arm_mentions, listed_arms_gap
from .prose_arms import Agent
from .prose_labels import arms_end_their_list, closed_pair_end, compared_object, compares_labels, fronted_comparator
from .prose_numbers import JOINER_RE, fronted_order, unparenthesised

RESPECTIVE_RE = re.compile(r"\brespective(?:ly)?\b", re.IGNORECASE)
# What lies between a value and the arm it belongs to: "... in the", "... with", and the shapes that
# count patients, "30% of patients receiving", "(30%) in the" (a count's own percentage closing); "15.1 mo. with A":
# the unit's abbreviation point; "8.0 (6.6-9.1) months for A": the unit printed after the value's interval
# (the interval itself is blanked by ``unparenthesised``).
# ... also after a participle of treatment: "7 of 59 (11.9%) given A", "(29%) treated with A", "in 40% receiving A".
_UNIT_THEN = r"^\.?\)?[\s,]*(?:(?:months?|mo|weeks?|wk|years?|days?)\.?[\s,]+)?"  # what may close the value first
# ... and the median the time is, named after it: "11.2 months (of) median OS for A", "... median overall survival with A"
_MEDIAN_NAMED = r"(?:(?:of\s+)?(?:the\s+)?median\s+[\w-]+(?:\s+[\w-]+)?\s+)?"
AFTER_GAP_RE = re.compile(rf"{_UNIT_THEN}{_MEDIAN_NAMED}"
                          r"(?:in|for|with|on|among|of\s+(?:the\s+)?(?:patients|participants|those)|"
                          r"given|receiving|treated\s+with|who\s+received|"
                          r"of(?=\s+(?:the\s+)?$))\b[^\d;]{0,45}$",  # ... "12% of the A group": the arm right after
                          re.IGNORECASE)
# The rest of the bracket a value stands in, up to its close: ", 95% CI 27%-59%)".
OWN_BRACKET_RE = re.compile(r"^[,;][^()\[\]]*(?:\[[^\[\]]*\][^()\[\]]*)*[)\]]")
FROM_RE = re.compile(r"\bfrom\s*$", re.IGNORECASE)  # "from 9.0 months to 12.9 months": a change between the arms
TO_RE = re.compile(r"\bto\s*$", re.IGNORECASE)  # ... "to 12.9 months from 9.0 months"
CHANGE_GAP_RE = re.compile(r"\s*(?:(?:months?|mo|weeks?|years?|%)\.?\s+)?(?:up\s+)?(?P<word>to|from)\s*", re.IGNORECASE)
COMPARISON_WORD_RE = re.compile(r"\b(?:vs|versus|compared|and|or|to|than)\b", re.IGNORECASE)
# ... or the arm's patients counted and allocated: "9.2 months for the 210 patients who were randomly assigned to receive
# the X inhibitor A", "in the 104 given B", "for the 198 who instead received B" (the count and "assigned to" are no
# comparison).
ALLOCATED = (r"(?:for|in|among)\s+(?:the\s+|those\s+|all\s+)?(?:(?P<n>\d[\d,]*)\s+)?"
             r"(?:patients\s+|participants\s+|subjects\s+|people\s+)?(?:who\s+(?:were\s+|had\s+been\s+)?)?(?:instead\s+)?"
             r"(?:(?:randomly\s+)?(?:randomi[sz]ed|assigned|allocated)\s+to(?:\s+receive)?|given|receiving|treated\s+with|"
             r"received|got)\b")
ALLOCATED_GAP_RE = re.compile(rf"{_UNIT_THEN}{ALLOCATED}(?:(?!\b(?:vs|versus|compared|and|or|than)\b)[^\d;]){{0,45}}$",
                              re.IGNORECASE)


def criteria_owner(text: str, tokens, named: list[Agent], arms: list[str], c_start: int) -> list[str] | None:
    """Whose readings by two criteria these are: the one arm's, or the arm the clause names (None if none)."""
    owner = list(arms) if len(arms) == 1 else _named_owner(text, tokens[-1], named, c_start)
    return owner * len(tokens) if owner else None


# A rate's or a median's name printed right after its value, before the arm: "a 29% overall response rate with A",
# "a 9.1-month median PFS in the A arm" (the value is the arm's as if the name were not there).
ENDPOINT_NAMED_AFTER_RE = re.compile(r"^\s*(?:(?:median|overall|objective|tumou?r|response|responses|rates?|survival|"
                                     r"progression-free|disease|control|(?-i:ORR|DCR|PFS|OS|TTP))\s+)+(?=with|in|for|among)",
                                     re.IGNORECASE)


def _owner_gap_past_name(gap: str) -> bool:
    """:func:`owner_gap`, the endpoint's name printed right after the value passed over ("29% ORR with A")."""
    return owner_gap(gap) or owner_gap(ENDPOINT_NAMED_AFTER_RE.sub("", gap, count=1))


def owner_gap(gap: str) -> bool:
    """Does the text between a value and an arm make the arm the value's ("16.6 months for A", "9.2 months for the 210
    patients who were randomly assigned to receive A"), no comparison between them ("12 months versus A")?"""
    bare = unparenthesised(gap)
    return (AFTER_GAP_RE.match(bare) is not None and not COMPARISON_WORD_RE.search(gap)) \
        or ALLOCATED_GAP_RE.match(bare) is not None


# A pair of values, then the arm they favour: "75% versus 41%, favoring the A combination", "14.1 vs 10.2 months in
# favour of A" (the arm named right after the cue).
FAVOURING_AFTER_RE = re.compile(r"[^\d;]{0,40}?,?\s*(?:favou?r(?:ing|s)|in\s+favou?r\s+of)\s+(?:the\s+)?$", re.IGNORECASE)


def _favoured_after(text: str, end: int, first: str, second: str, named: list[Agent], arms: list[str]) -> list[str] | None:
    """The owners of two values of two arms (``first``, ``second``, the pair ending at ``end``) followed by the arm they
    favour: the better (larger: every endpoint here is better higher) is the favoured arm's, the other the other
    arm's; None unless the text says so."""
    if len(set(arms)) != 2 or decimal_text(first) == decimal_text(second):
        return None
    after = [a for a in named if a.start >= end and FAVOURING_AFTER_RE.fullmatch(text, end, a.start)]
    if not after or after[0].key not in arms:
        return None
    other = next(a for a in arms if a != after[0].key)
    return [after[0].key, other] if Decimal(decimal_text(first)) > Decimal(decimal_text(second)) else [other, after[0].key]


def favoured_pair(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str], end: int, first: str,
                  second: str) -> list[str] | None:
    """:func:`_favoured_after` for a pair a rate reader found ("12-month rates of 61% versus 35% favoring the A
    combination"), the sentence's arm mentions looked up."""
    return _favoured_after(sent.text, end, first, second, arm_mentions(doc, sent, arms), arms)


def value_owners(text: str, tokens, named: list[Agent], arms: list[str], c_start: int) -> list[str] | None:
    """Whose each value is, in the order of ``tokens`` (None when it cannot be told)."""
    if len(arms) == 1:
        return list(arms) if len(tokens) == 1 else None
    if len(tokens) == 1:  # "the ORR in the B arm was 26%": one value, its arm named beside it
        return _named_owner(text, tokens[0], named, c_start)
    if (len(tokens) != len(arms) and len(tokens) != 2) or compares_labels(text, c_start, tokens[0][0], named):
        return None
    if (changed := _changed(text, tokens, named, arms, c_start)) is not None:
        return changed
    if len(tokens) == 2 and (favoured := _favoured_after(text, tokens[1][1], tokens[0][2], tokens[1][2], named, arms)):
        return favoured
    if RESPECTIVE_RE.search(text):  # "..., respectively", "a respective 34% and 25% rate"
        order = list(dict.fromkeys(a.key for a in named))
        if len(order) == len(tokens):
            return order
    if listed := _listed_after(text, tokens, named) or _named_after_pair(text, tokens, named, arms):
        return listed  # "5.6 versus 3.7 months in the A versus B arms", "(8.5 vs 7.3 months) in patients given A"
    if _paired(text, tokens, named):  # "(6.5 months versus 4.2 months)" after "A ... compared with B"
        order = list(dict.fromkeys(a.key for a in named if c_start <= a.start and a.end <= tokens[0][0]))
        if len(order) == 2 and fronted_comparator(text, c_start, min(a.start for a in named if a.key == order[0])):
            order.reverse()  # "Compared with B, A gave longer PFS (6.9 vs 2.8 months)": A's value first
        if len(order) != len(tokens) and len(arms) > 2:  # "A improved OS over C (HR ...); median OS was X versus Y"
            order = list(dict.fromkeys(a.key for a in named if a.end <= tokens[0][0]))
        if len(order) == 1 and len(tokens) == 2 and len(arms) == 2 and order[0] in arms:
            return _one_named_first(text, order[0], arms, named, c_start)
        order = order or fronted_order(text, named)  # "For A and B, ...; median TTP, 5.3 vs. 3.5 months"
        return order if len(order) == len(tokens) else _complete([None] * len(tokens), arms)
    owners: list[str | None] = []
    floor = c_start
    for i, (s, e, _, _) in enumerate(tokens):
        nxt = tokens[i + 1][0] if i + 1 < len(tokens) else len(text)
        # a value inside its own bracket ("17 patients (43%, 95% CI 27%-59%) in the A group"): the gap opens at its close
        gaps = [(a, unparenthesised(OWN_BRACKET_RE.sub(")", text[e:a.start], count=1))) for a in named if e <= a.start < nxt]
        after = next((a for a, gap in gaps if _owner_gap_past_name(gap)), None)
        if after is not None and len(tokens) > 1 and _opens_arm_list(text, after, named):
            return None  # "2.8 and 2.3 mo in the A and B g[roups]": the arms listed after are the values', not the last one's
        before = [a for a in named if floor <= a.start and a.end <= s]
        chosen = after or (before[-1] if before else None)
        owners.append(chosen.key if chosen else None)
        floor = chosen.end if chosen and chosen is after else e
    return _complete(owners, arms)


# "lived a median of 9.9 months, against 7.7 months for those on B": two values set against each other.
AGAINST_GAP_RE = re.compile(r"^[^\d;]{0,25}?\b(?:against|versus|vs\.?|compared\s+(?:with|to))\s*$", re.IGNORECASE)


def compared_second(text: str, fitting: list, named: list[Agent], arm: str, c_start: int) -> list | None:
    """In a trial with one arm known, a clause that sets two values against each other and names that arm only after
    the second: the second value is the arm's, the first another group's (None: the clause is not so).

    >>> text = "lived 9.9 months, against 7.7 months for those on B"
    >>> compared_second(text, [(6, 9, "9.9", "months"), (26, 29, "7.7", "months")], [Agent("b", 50, 51, ("b",))], "b", 0)
    [(26, 29, '7.7', 'months')]
    """
    if len(fitting) < 2 or not AGAINST_GAP_RE.match(text[fitting[0][1]:fitting[1][0]]):
        return None
    before = [a for a in named if c_start <= a.start < fitting[1][0]]
    after = [a for a in named if a.start >= fitting[1][1]]
    return [fitting[1]] if not before and after and after[0].key == arm else None


def strangers_values(text: str, tokens: list, strangers: tuple[Agent, ...]) -> list:
    """The values of ``tokens`` named right before an agent that is none of the trial's arms, as its value ("17% for
    those who received A alone" when A alone is no arm read): no other arm's."""
    out = []
    for token in tokens:
        nxt = min([t[0] for t in tokens if t[0] > token[0]] + [len(text)])
        if any(token[1] <= a.start < nxt and owner_gap(text[token[1]:a.start]) for a in strangers):
            out.append(token)
    return out


def _opens_arm_list(text: str, agent: Agent, named: list[Agent]) -> bool:
    """Is ``agent`` the first of arms listed as one phrase ("in the A and B groups")?"""
    nxt = next((a for a in named if a.start >= agent.end), None)
    return nxt is not None and nxt.key != agent.key and listed_arms_gap(text[agent.end:nxt.start])


def _one_named_first(text: str, key: str, arms: list[str], named: list[Agent], c_start: int) -> list[str]:
    """ "OS was longer with A (6.4 vs 5.0 months)": the one arm the clause names gives the first value, the other arm
    the second; named as the comparison's object ("Compared with B, OS was longer (...)", "longer than B"), the second."""
    other = next(a for a in arms if a != key)
    return [other, key] if compared_object(text, c_start, min(a.start for a in named if a.key == key)) else [key, other]


def _changed(text: str, tokens, named: list[Agent], arms: list[str], c_start: int) -> list[str] | None:
    """"A extended median OS from 9.0 to 12.9 months": the value before is the other arm's, the one after the
    named arm's; "A extended it to 12.9 months from 9.0 months": the other way round (None unless two arms and such a
    change, with one of them named in the clause before it)."""
    if len(tokens) != 2 or len(arms) != 2:
        return None
    gap = CHANGE_GAP_RE.fullmatch(text[tokens[0][1]:tokens[1][0]])
    word = gap.group("word").lower() if gap else ""
    if word == "to" and FROM_RE.search(text, max(0, tokens[0][0] - 6), tokens[0][0]):
        new_first = False  # "from Y to X"
    elif word == "from" and TO_RE.search(text, max(0, tokens[0][0] - 4), tokens[0][0]):
        new_first = True  # "to X from Y"
    else:
        return None
    # the arm the change is said of: named before it, not as what another is compared with ("A ... versus B ... and
    # extended OS to X from Y" is A's change)
    subject = {a.key for a in named if c_start <= a.start and a.end <= tokens[0][0] and a.key in arms
               and not compared_object(text, c_start, a.start)}
    if len(subject) != 1:
        return None
    changed = subject.pop()
    other = next(a for a in arms if a != changed)
    return [changed, other] if new_first else [other, changed]


def changed_agents(text: str, tokens, named: list[Agent], c_start: int, c_end: int) -> list[str]:
    """The two agents of a change stated with both its values, in a trial whose arms were not listed: "A extended
    median OS to 12.9 months from 9.0 months with B" (the subject changed, the other named right after the old
    value); [] otherwise."""
    if len(tokens) != 2:
        return []
    gap = CHANGE_GAP_RE.fullmatch(text, tokens[0][1], tokens[1][0])
    if gap is None or gap.group("word").lower() != "from" or not TO_RE.search(text, max(0, tokens[0][0] - 4), tokens[0][0]):
        return []
    subject = {a.key for a in named if c_start <= a.start and a.end <= tokens[0][0] and not compared_object(text, c_start, a.start)}
    other = {a.key for a in named if tokens[1][1] <= a.start < c_end and owner_gap(text[tokens[1][1]:a.start])}
    if len(subject) != 1 or len(other) != 1 or subject == other:
        return []
    return [subject.pop(), other.pop()]


def other_agents_value(text: str, token, arm: str, others: list[Agent], named: list[Agent], c_start: int) -> bool:
    """Is a single-arm trial's lone value named as another agent's ("B plus A gave a median OS of 37.9 months" in a
    trial read with A alone): the agent right after it, else the one agent its clause names before it, else the one
    agent of the bracket's or list's item the value closes, is not the arm?"""
    owner = _named_owner(text, token, sorted([*others, *named], key=lambda a: a.start), c_start)
    if owner is None:  # "(A ORR of 4%; B ORR of 11%)": the item of a bracket or a list the value closes is B's
        item = max(text.rfind(";", c_start, token[0]), text.rfind("(", c_start, token[0])) + 1
        heads = {a.key for a in [*others, *named] if item <= a.start and a.end <= token[0]}
        owner = list(heads) if item and len(heads) == 1 else None
    return owner is not None and owner[0] != arm


def _named_owner(text: str, token, named: list[Agent], c_start: int) -> list[str] | None:
    """The arm named right after a lone value, else the one named before it in its clause (None if none)."""
    s, e = token[0], token[1]
    after = next((a for a in named if e <= a.start and _owner_gap_past_name(text[e:a.start])), None)
    before = [a for a in named if c_start <= a.start and a.end <= s]
    if len({a.key for a in before}) == 2 and fronted_comparator(text, c_start, before[0].start):
        before = [a for a in before if a.key != before[0].key]  # "Compared with B, A gave a median OS of 14 months"
    chosen = after or (before[-1] if len({a.key for a in before}) == 1 else None)
    return [chosen.key] if chosen else None


def _paired(text: str, tokens, named: list[Agent]) -> bool:
    """Values joined only by "vs"/"and", with no arm named among or right after them."""
    joined = all(JOINER_RE.match(unparenthesised(text[a[1]:b[0]])) for a, b in zip(tokens, tokens[1:]))
    end = tokens[-1][1]
    named_after = any(end <= a.start <= end + 60 and AFTER_GAP_RE.match(unparenthesised(text[end:a.start]))
                      for a in named)
    return len(tokens) > 1 and joined and not named_after


def _listed_after(text: str, tokens, named: list[Agent]) -> list[str] | None:
    """Joined values followed by the arms listed in the same order, as arms ("5.6 versus 3.7 months in
    the A versus B arms") or respectively ("30% and 11% with A and B, respectively"); None otherwise."""
    joined = all(JOINER_RE.match(unparenthesised(text[a[1]:b[0]])) for a, b in zip(tokens, tokens[1:]))
    after = [a for a in named if a.start >= tokens[-1][1]][:len(tokens)]
    if not joined or len(after) != len(tokens) or len({a.key for a in after}) != len(after) \
            or not AFTER_GAP_RE.match(unparenthesised(text[tokens[-1][1]:after[0].start])) \
            or COMPARISON_WORD_RE.search(text[tokens[-1][1]:after[0].start]):
        return None
    listed = all(listed_arms_gap(text[a.end:b.start]) for a, b in zip(after, after[1:]))
    labelled = ARM_LABEL_AFTER_RE.match(text[after[-1].end:after[-1].end + 40]) or _respectively(text, after[-1].end) \
        or arms_end_their_list(text, [(a.start, a.end) for a in after])  # "30.7% and 20.2% for A and B (HR ...)."
    return [a.key for a in after] if listed and labelled else None


def _named_after_pair(text: str, tokens, named: list[Agent], arms: list[str]) -> list[str] | None:
    """A two-arm trial's pair in its own parenthesis, an arm named right after it: that arm's first, the other's second."""
    end = closed_pair_end(text, tokens) if len(arms) == 2 else None
    first = next((a for a in named if end is not None and a.start >= end), None)
    if first is None or not AFTER_GAP_RE.match(text[end:first.start]) or COMPARISON_WORD_RE.search(text[end:first.start]):
        return None
    return [first.key, next(a for a in arms if a != first.key)] if first.key in arms else None


def _respectively(text: str, pos: int) -> bool:
    return re.match(r"^[^;.]{0,20}\brespectively\b", text[pos:], re.IGNORECASE) is not None


def _complete(owners: list[str | None], arms: list[str]) -> list[str] | None:
    """Fill unassigned values with the arms left over, in trial order; None if ambiguous."""
    known = [o for o in owners if o is not None]
    if len(set(known)) != len(known):
        return None
    left = [a for a in arms if a not in known]
    # with three arms or more, values go by trial order only when none is named and each arm has one
    every = not known and len(owners) == len(arms)
    if len(left) < owners.count(None) or (owners.count(None) and len(arms) > 2 and not every):
        return None
    filled = iter(left)
    return [o if o is not None else next(filled) for o in owners]
