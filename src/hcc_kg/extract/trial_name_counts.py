"""Counts that look like trial names: "HCC 10 years ago", "Among 150 study patients", "CPB7 patients".

A name-shaped word and a number (:mod:`.trial_names`) is no trial when what follows counts something, when its
word is a preposition or quantifier opening a count, or when a short code glued to its digit classes patients;
a name the document confirms elsewhere is kept by the caller.

>>> counted("RCC 12 patients had it", "RCC 12", 6), counted("the CPB7 patients", "CPB7", 8), counted("ZETA-7 trial", "ZETA-7", 6)
(True, True, False)
"""

from __future__ import annotations

import re

# A word, a space and a number counting something is no name: "HCC 10 years ago", "RCC 12 patients"
# ("KEYNOTE-240 patients", "IMbrave150 patients", a name confirmed elsewhere, are the trial's patients).
COUNTED_AFTER = re.compile(r"^\s+(?:[a-z]+\s+)?(?:years?|months?|weeks?|days?|hours?|mg|patients|participants|cases|sites|"
                           r"centres|centers)\b", re.IGNORECASE)  # ("Among 150 study patients", "of 120 evaluable patients")
# A capitalised plain word is a name with its number ("Checkmate 040"), not a preposition or quantifier opening a
# sentence with a count ("Among 150 ...", "Overall 120 ..."): closed classes of English, no names.
COUNT_OPENERS = frozenset({"Among", "Amongst", "Overall", "Total", "About", "Around", "Approximately", "Nearly", "Almost",
                           "Over", "Under", "Between", "After", "Before", "During", "Within", "From", "With", "Without",
                           "Only", "Some", "Each", "Every", "Both", "These", "Those", "There", "Here", "Since", "Until",
                           "Median", "Mean", "Including", "Excluding", "Following"})


def counted(text: str, name: str, end: int) -> bool:
    """Is "WORD 12" a count ("HCC 10 years ago", "RCC 12 patients"), or "CODE7 patients" a class of patients,
    rather than a name never confirmed as one elsewhere in the document ("the CheckMate 040 trial ... CheckMate
    040 patients")?"""
    if re.fullmatch(r"[A-Z]{2,4}\d{1,2}", name) and re.match(r"\s+(?:patients|participants|subjects|cases)\b",
                                                                  text[end:], re.IGNORECASE):
        return True  # "a subgroup of CPB7 patients" (Child-Pugh B7): a class of patients, unless confirmed a trial
    return bool(re.search(r" \d", name)) and COUNTED_AFTER.match(text[end:]) is not None
