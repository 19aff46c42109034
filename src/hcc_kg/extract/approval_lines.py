"""Cue words of the line of therapy an approval is for: the patients' history ("previously treated with X", "after
first-line X", "who had one prior line of therapy") and line words ("first-line", "second-line"), read into the lines a
text names by :func:`line_words`.  Split from :mod:`.approval_cues`.
"""

from __future__ import annotations

import re
from typing import Iterable


FIRST_LINE = re.compile(
    # ... "who have not received", "who haven't received" (a contraction of the news)
    r"(?:\bnot|n[’']t)\s+(?:been\s+)?(?:previously\s+)?(?:received|had|been treated with|treated with)\s+(?:any\s+)?"
    r"(?:prior\s+|previous\s+)?(?:systemic\s+|cancer\s+|anti-?cancer\s+)?(?:therapy|treatment|chemotherapy)|"
    r"\b(?:no|without(?:\s+any)?)\s+(?:prior|previous)\s+(?:systemic\s+)?(?:therapy|treatment)|"
    # "liver cancer that has not been previously treated" (no object: no treatment at all)
    r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:previously\s+)?treated\b(?!\s+(?:with|by|for)\b)|"
    r"\b(?:previously\s+)?untreated|\btreatment-?na[iï]ve|\bfirst[- ]line|\b1st[- ]line|\bfront[- ]?line|"
    r"\b(?-i:1L)\b|"  # an abstract's short form: "as 1L therapy"
    r"\bfirst-(?=\s+(?:and|or|to)\s+(?:second|2nd)[- ]line)|"  # "first- and second-line": the hyphen suspended
    r"\binitial\s+(?:systemic\s+)?(?:therapy|treatment)|"
    r"\bnewly[- ]diagnosed\b", re.IGNORECASE)  # "for people newly diagnosed with advanced D": none treated yet
NO_PRIOR_SYSTEMIC = re.compile(
    r"\b(?:not|no|without)\b[\w\s]{0,40}?\b(?:prior|previous(?:ly)?)\b[\w\s]{0,12}?systemic", re.IGNORECASE)
# "after first-line sorafenib", "refractory to first-line X": the first line named is the one already given
# (not "extended to first-line HCC", where "to" names the new indication); so also "unresponsive to or
# intolerant of first-line or later therapy" (the patients' state before the word, "of" as well as "to").
# ... and "who failed first-line therapy", "progressed during first-line X", "previously treated with a first-line Y",
# "who cannot tolerate first-line therapy".
AFTER_LINE = re.compile(r"\b(?:after|following|on|(?:progress\w*|relaps\w*|recurr\w*|worsen\w*)\s+(?:\w+\s+)?(?:during|despite)|failed|failing|(?:previously|already)\s+treated\s+with|"
                        r"pre-?treated\s+with|(?:cannot|can't|could\s+not|unable\s+to)\s+tolerate|"
                        r"(?:refractory|resistant|intolera\w*|\w*respon\w*|exposed|exposure)\s+(?:to|of)|"
                        r"failure of|beyond)\s+(?:\w+\s+)?$", re.IGNORECASE)
# "patients who previously received X" is a later line; "the drug previously received approval" is its history.
#: Patients intolerant of an earlier therapy, said with a verb: "who cannot tolerate X", "could not tolerate X".
CANNOT_TOLERATE = r"(?:cannot|can't|could\s+not|couldn't|unable\s+to|did\s+not|do\s+not)\s+tolerate"
SECOND_LINE = re.compile(
    r"\bpreviously treated\b|\bpreviously received\b(?!\s+(?:[\w-]+\s+){0,2}?"
    r"(?:approvals?|authori[sz]ations?|designations?|status|clearance|licen[cs]es?)\b)|\bprior (?:systemic )?(?:therapy|treatment) with\b|"
    r"\b(?:have |had |has )?failed\b(?!\s+to)|\bpre-?treated\b|"
    r"\b(?:after|following)\s+(?:(?:one|a|a\s+single|1)\s+(?=prior|previous))?(?:prior|previous|failure|progression|treatment with)\b|"
    r"\b(?:have|had|has)\s+progressed\b|\bprogress\w*\s+(?:on|after|following)\b|"
    r"\brefractory to\b|\bintoleran\w+\s+(?:to|of)\b|-experienced\b|\bsecond[- ]line|\b2nd[- ]line|\b(?-i:2L)\b|"
    # "who cannot (could not) tolerate X": intolerant of an earlier therapy (no hedge in "could not")
    rf"\b{CANNOT_TOLERATE}\b|"
    r"\bat least (?:one|two|three|[1-3])\s+(?:prior|previous|lines?|systemic|regimens?)\b|"
    r"\b(?:one|two|three|[1-3]) or more (?:prior|previous|lines?|systemic|regimens?)\b|"
    r"\b(?:received|had)\s+(?:a\s+|one\s+|1\s+|a\s+single\s+)?prior\s+(?:systemic\s+)?(?:therapy|treatment|line)|"
    # "who received one prior line of therapy", "after a single previous line"
    r"\b(?:one|1|a\s+single)\s+(?:prior|previous)\s+(?:systemic\s+)?lines?\b", re.IGNORECASE)
# "the confirmatory trial (NAME) later failed": a study failed, not the patients' earlier therapy.
STUDY_FAILED = re.compile(r"\b(?:trials?|stud(?:y|ies))\b(?:\s+[\w-]+){0,2}?\s+(?:\w+ly\s+|later\s+)?(?:had\s+|has\s+)?failed\b",
                          re.IGNORECASE)


def masked(text: str, *patterns: re.Pattern) -> str:
    """``text`` with the matches of ``patterns`` blanked (same length), so that a line phrase's
    "not" ("not received prior therapy") or a date's "May" is not read as a status cue.

    >>> masked("not received prior systemic therapy, it may", NO_PRIOR_SYSTEMIC)
    '                            therapy, it may'
    """
    for pattern in patterns:
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def line_words(text: str, earlier: Iterable[int] = ()) -> set[str]:
    """The lines of therapy a text names ("first-line", "previously untreated", "previously
    treated with X", ...); "after first-line X" names a later line.  A line word ("first-line",
    "second-line") states the line; the patients' history ("after sorafenib", "untreated")
    only implies one, and gives way to a stated line it is not coordinated with.  ``earlier``:
    offsets of therapies the patients had before ("after X", read by the caller), later-line cues.

    >>> sorted(line_words("for patients who haven’t received previous systemic therapy"))
    ['first_line']
    >>> sorted(line_words("for patients who have not been previously treated with systemic therapy"))
    ['first_line']
    >>> sorted(line_words("for adults with liver cancer that has not been previously treated"))
    ['first_line']
    >>> sorted(line_words("for adults who have not received any anticancer therapy"))
    ['first_line']
    >>> sorted(line_words("for patients who progressed after first-line sorafenib"))
    ['second_line']
    >>> sorted(line_words("as first-line and second-line therapy"))
    ['first_line', 'second_line']
    >>> sorted(line_words("extended to first-line HCC")), sorted(line_words("refractory to first-line X"))
    (['first_line'], ['second_line'])
    >>> sorted(line_words("as a first-line option after failure of TACE"))
    ['first_line']
    >>> sorted(line_words("as first-line therapy, and for patients previously treated with X"))
    ['first_line', 'second_line']
    >>> sorted(line_words("in patients unresponsive to or intolerant of first-line or later systemic therapy"))
    ['second_line']
    """
    cues = _line_cues(text) + [(at, "second_line", False) for at in earlier]
    lines = {line for _, line, _ in cues}
    stated = {line for _, line, said in cues if said}
    if len(lines) > 1 and len(stated) == 1 and not _coordinated(text, cues):
        return stated
    return lines


# a line word proper, as against the patients' history it is read from
_LINE_WORD = re.compile(r"(?:first|1st|front|second|2nd)[- ]?line", re.IGNORECASE)
# "treated with first-line X", "prior first-line therapy": the line word describes the history too
_HISTORY_BEFORE = re.compile(r"\b(?:with|received|had|prior|previous|post)[- ](?:\w+\s+)?$", re.IGNORECASE)
# what joins two indications ("first-line A, and B after X"; "first-line A; B after X"; "while")
_COORDINATOR = re.compile(r"\b(?:and|while|whereas|but|however)\b|;", re.IGNORECASE)


def _line_cues(text: str) -> list[tuple[int, str, bool]]:
    """(offset, line, stated by a line word) of each line cue of ``text``."""
    cues, rest = [], text
    for m in FIRST_LINE.finditer(text):
        after = AFTER_LINE.search(text[:m.start()])  # "after first-line X": the patients' history
        history = after or _HISTORY_BEFORE.search(text[:m.start()])
        cues.append((m.start(), "second_line" if after else "first_line",
                     not history and bool(_LINE_WORD.fullmatch(m.group()))))
        rest = rest[:m.start()] + " " * (m.end() - m.start()) + rest[m.end():]
    cues += [(m.start(), "first_line", False) for m in NO_PRIOR_SYSTEMIC.finditer(text)]
    cues += [(m.start(), "second_line", bool(_LINE_WORD.fullmatch(m.group()))
              and not _HISTORY_BEFORE.search(text[:m.start()]))
             for m in SECOND_LINE.finditer(masked(rest, NO_PRIOR_SYSTEMIC, STUDY_FAILED))]
    return cues


def _coordinated(text: str, cues: list[tuple[int, str, bool]]) -> bool:
    """Does a coordinator stand between the first and the last cue (two indications, not one)?"""
    offsets = [at for at, _, _ in cues]
    return bool(_COORDINATOR.search(text, min(offsets), max(offsets)))


# The patients a disease's indication names after it: "... and B in patients who failed X", "B whose tumours ...".
_PATIENTS_AFTER = re.compile(r"\b(?:in|for)\s+(?:\w+\s+)?(?:patients|adults|people)\b|\bwho\b|\bwhose\b", re.IGNORECASE)
_JOINED_LAST = re.compile(r"\b(?:and|or)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)  # "... and (advanced) D2"


def trailing_line(text: str, diseases: list[tuple[str, int]]) -> dict[str, str | None]:
    """Disease -> its line, where ``text`` coordinates two diseases or more (offsets into ``text``) and its line cues
    all qualify patients named after the last of them ("approved for A and B in patients who failed prior therapy":
    the patients and their line are B's, not A's); else empty.

    >>> trailing_line("approved for A and B in patients who failed prior therapy", [("a", 13), ("b", 19)])
    {'a': None, 'b': 'second_line'}
    >>> trailing_line("approved for first-line A and B", [("a", 24), ("b", 30)])
    {}
    """
    keys = list(dict.fromkeys(key for key, _ in diseases))
    cues = _line_cues(text)
    if len(keys) < 2 or not cues or len({line for _, line, _ in cues}) != 1:
        return {}
    first_at = {key: min(at for k, at in diseases if k == key) for key in keys}  # (not its abbreviation after it)
    last_key = max(keys, key=first_at.get)
    last, first_cue = max(at for _, at in diseases), min(at for at, _, _ in cues)
    if first_cue < last or not _PATIENTS_AFTER.search(text, last, first_cue) \
            or not _JOINED_LAST.search(text[:first_at[last_key]]):
        return {}  # (a disease set beside the first, "D1, the most common type of D2, ...", is no second indication)
    line = cues[0][1]
    return {key: line if key == last_key else None for key in keys}
