"""Numbers spelled out, up to ninety-nine: "Forty-six patients", "Thirty-six percent", "and thirty-four with B".

Split from :mod:`.normalize`, which reads the spelled shares and counts as digits with :data:`SPELLED_PERCENT_RE` and
:data:`SPELLED_COUNT_RE`; :mod:`.enrolment` reads a count spelled out where it stands.

>>> SPELLED_COUNT_RE.sub(digits, "Nine patients were given A and eleven with B")
'9 patients were given A and 11 with B'
"""

from __future__ import annotations

import re

# Numbers spelled out, up to ninety-nine ("Forty-six patients", "Thirty-six percent"): each word's value, the pattern of
# one number (a tens word, perhaps with its unit after a hyphen or a space), and its value (read also by :mod:`.enrolment`).
SPELLED_VALUES = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                             "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
SPELLED_VALUES.update({w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)})
_TENS_WORDS = "|".join(w for w, n in SPELLED_VALUES.items() if n >= 20)
_UNIT_WORDS = "|".join(w for w, n in SPELLED_VALUES.items() if 0 < n < 10)
SPELLED_NUMBER = (rf"(?:(?:{_TENS_WORDS})(?:[- ](?:{_UNIT_WORDS}))?|"
                  rf"{'|'.join(w for w, n in SPELLED_VALUES.items() if 0 < n < 20)})(?![\w-])")


def spelled_value(printed: str) -> int | None:
    """The value of a number spelled out ("Forty-six" is 46); None for words that are no one number.

    >>> spelled_value("Forty-six"), spelled_value("nine"), spelled_value("six forty")
    (46, 9, None)
    """
    words = re.split(r"[- ]", printed.lower())
    if all(w in SPELLED_VALUES for w in words) and (len(words) == 1 or (len(words) == 2 and SPELLED_VALUES[words[0]] >= 20)):
        return sum(SPELLED_VALUES[w] for w in words)
    return None


# A share spelled out, as a sentence opens with one ("Thirty-six percent of patients responded"): its digits; so is a
# count of patients ("Forty-seven patients received A and fifty-seven received B"; "one patient" stays a word).
SPELLED_PERCENT_RE = re.compile(rf"\b{SPELLED_NUMBER}(?=\s?(?:percent|per\s+cent)\b)", re.IGNORECASE)
# ... and the second of two counts whose noun and verb are left out: "29 patients were treated with A and twenty-nine
# with B", "... and thirty-four to B".
SPELLED_COUNT_RE = re.compile(rf"\b(?!one\b){SPELLED_NUMBER}(?=\s+(?:(?:patients|participants|subjects|people|pts)\b|"
                               r"(?:were|had\s+been)\s+(?:randomly\s+)?(?:randomi[sz]ed|assigned|allocated|treated|enrolled|given)\b|"
                               r"(?:received|took)\b))|"
                               rf"(?<=\band\s)(?!one\b){SPELLED_NUMBER}(?=\s+(?:with|to)\s)", re.IGNORECASE)


def digits(m: re.Match) -> str:
    """The digits of the number a match spells out ("Forty-six" reads "46")."""
    return str(spelled_value(m.group()))
