"""Which way a drug acts on a target, as the words of its reading say: an agonist activates.

A drug→target reading is made by a cue ("inhibitor of", "X, a T agonist", "activates"); the
predicate of the fact is the drug's modality's ("inhibits", "isAntibodyAgainst") unless the cue
nearest the target says the drug turns the target on.  Nearest means: the head noun that
follows the target inside its noun phrase ("a T agonist", "a T inhibitor"), else the last cue
word between the drug and the target ("an agonist of T", "binds to and activates T").

Neutral cues ("targets", "binds") give no direction (:func:`neutral`); a document's own agonist statement
about the same pair decides them (:func:`hcc_kg.extract.mechanisms.mechanism_statements`).

>>> up("Foo, an ADORA3 agonist, was given.", 0, 8, 12)
True
>>> up("Foo, an ADORA3 inhibitor and KDR agonist.", 0, 8, 14)
False
>>> up("Foo inhibits KDR and activates ADORA3.", 0, 31, 37), up("Foo inhibits KDR and activates ADORA3.", 0, 13, 16)
(True, False)
>>> up("Foo binds to and activates ADORA3.", 3, 27, 33), up("Foo, which targets ADORA3, ...", 3, 19, 25)
(True, False)
>>> up("Agonists of ADORA3 such as foo", 0, 12, 18), up("the ADORA3 agonist foo", 4, 4, 10)
(True, True)
"""

from __future__ import annotations

import re

from .shape_reading import Reading
from .target_modifiers import ALTERATION

# A word that says the drug turns its target on, or off.  "antagonist" is matched first, so
# that its tail is not read as "agonist".
# "activating mutations of T" names a state of T, not what the drug does.
DIRECTION_WORD = re.compile(r"\b(?:(?P<down>antagonis\w*|inhibit\w*|block\w*|suppress\w*|blockade|degrad\w*)"
                            rf"|(?P<up>agonis(?:ts?|tic|m)|activat(?:es|ed|ing|e|ors?)(?![\s-]+(?:[\w-]+[\s-]+)?{ALTERATION}\b)))\b",
                            re.IGNORECASE)
# The head noun after a target inside its noun phrase ("T agonist", "T and U inhibitors", "T-selective
# agonist"); the phrase ends at a clause's punctuation, a relative pronoun, a verb, a preposition or an article
# ("an inhibitor of T and an agonist of U": U's agonist is not T's head).
HEAD = re.compile(r"\b(?P<head>(?:ant)?agonists?|agonistic|inhibitors?|blockers?|antibod(?:y|ies)|TKIs?|mAbs?)\b", re.IGNORECASE)
PHRASE_END = re.compile(r"[,;:.]|\b(?:that|which|who|whose|inhibits|blocks|activates|targets|binds|is|are|was|were|has|have|"
                        r"with|in|for|on|by|to|at|of|a|an|the|its|their)\b", re.IGNORECASE)
NEUTRAL_HEADS = ("antibod", "mab")  # an antibody may block or stimulate its antigen: the noun does not say


def _head_after(text: str, target_end: int) -> str | None:
    """The head noun of the target's phrase, lower case, if one follows within a few words."""
    end = PHRASE_END.search(text, target_end)
    limit = min(end.start() if end else len(text), target_end + 60)
    found = HEAD.search(text, target_end, limit)
    return found.group("head").lower() if found else None


def up(text: str, cue_start: int, target_start: int, target_end: int) -> bool:
    """True when the cue nearest a target, in ``text``, says the drug activates it (see the module).

    ``cue_start``: where the words that may govern the target begin (the drug's end, or the reading's
    start when the target comes first: "agonists of T such as X").
    """
    head = _head_after(text, target_end)
    if head and head.startswith("agonis"):
        return True
    if head and not head.startswith(NEUTRAL_HEADS):
        return False  # "a T inhibitor": the noun decides
    words = list(DIRECTION_WORD.finditer(text, cue_start, target_start)) if cue_start < target_start else []
    return bool(words) and words[-1].group("up") is not None


def neutral(text: str, cue_start: int, target_start: int, target_end: int) -> bool:
    """True when no direction word lies between the drug and the target, nor heads the target.

    >>> neutral("Foo, which targets ADORA3, ...", 0, 19, 25), neutral("Foo inhibits ADORA3.", 0, 13, 19)
    (True, False)
    """
    head = _head_after(text, target_end)
    if head and not head.startswith(NEUTRAL_HEADS):
        return False
    return cue_start >= target_start or DIRECTION_WORD.search(text, cue_start, target_start) is None


def cue_positions(text: str, found: Reading) -> tuple[int, int, int]:
    """Where the words that may govern a reading's target begin (after the drug; when the target comes
    first, after the last punctuation before it: "agonists of T, such as X"), and the target's span."""
    if found.drug.end <= found.target.start:
        return found.drug.end, found.target.start, found.target.end
    before = text[max(0, found.target.start - 80):found.target.start]
    cut = max(before.rfind(mark) for mark in ",;:.")
    return found.target.start - len(before) + cut + 1, found.target.start, found.target.end


def reading_up(text: str, found: Reading) -> bool:
    """:func:`up` for one drug→target reading of ``text``."""
    return up(text, *cue_positions(text, found))


def reading_neutral(text: str, found: Reading) -> bool:
    """:func:`neutral` for one drug→target reading of ``text``."""
    return neutral(text, *cue_positions(text, found))
