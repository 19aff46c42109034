"""The trial names a table line pasted as text writes, also those its glued cells hide (read by :mod:`.table_line_trials`
and :mod:`.arm_row_tables`): an acronym, perhaps with a number, that names no entity of the vocabulary, read whole
and again where a space goes back between two cells ("FelotinibZETA-7Negative"); a target's name glued before it is
cut off ("RAFZETA", "VEGFRZETA-2"), and a word with a name glued after a lower-case letter ("TKRsVEGFR"), an
antibody's isotype ("IgG1"), a phase's numeral or an item of a list of targets ("FGFR, PDGX, RET") is none.
Split from :mod:`.table_line_trials` to keep each module short.
"""

from __future__ import annotations

import re

from ..model import Mention
from .analysis import AnalysedDocument
from .glued_names import MIN_NAME, glued_inside, listed_before, named_prefix
from .prose_arms import ARM_TYPES
from .trial_name_shapes import ISOTYPE_RE, SECTION_LABELS, STRUCTURE_WORDS
from .trial_names import name_like

# A name shaped like a trial's: an acronym, perhaps with a number ("CALGB 80802", "REACH-2", "CheckMate 459").
CANDIDATE_RE = re.compile(r"(?<![\w-])(?P<word>[A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z]{2,}|[A-Z]-[A-Z]{3,}|(?P<titled>[A-Z][a-z]{3,})(?=-\d{3}(?!\d)))"
                          r"(?P<number>[- ]?(?!(?:19|20)\d\d\b)\d+(?![.,]\d)[A-Za-z]?)?(?:-[A-Z]{2,})?"
                          r"(?![\w-])(?!\s*(?:19|20)\d\d\b)")  # (no year: "ASCO 2019" is a meeting)

ROMAN_RE = re.compile(r"I{1,3}V?|VI{0,3}|IV")  # a phase glued to the next cell: "III10.7"
AFTER_PHASE_RE = re.compile(r"phase\s*$", re.IGNORECASE)  # ... or to the next cell's word: "Phase IIINE"
GLUED_PHASE_RE = re.compile(r"(?:I{1,3}V?|IV|VI{0,3})(?=[A-Z][a-z])")  # ... "IIIZorbanib": a phase, then a drug


# Where a page's cells were pasted with no space between them: a lower-case letter then a capitalised word
# ("placeboPhase", "ZorbanibPhase"; "IIIZorbanib", a numeral before it), a word then a name in capitals
# ("FelotinibZETA-7", "NegativeASCO"; not "mRECIST"), a closing bracket then a word ("(n = 410)Zorbanib"), a number
# then a capitalised abbreviation or word ("7.1HR 0.70", "ZETA-7Negative").
# A lower-case letter then a capitalised word is a cut only where the vocabulary names the word before or after it
# ("NivolumabCheckMate": after nivolumab; "CheckMate" itself is a name), and a word then a number only where the word
# is an agent's name or the word line ("Placebo2nd line", "line412": a name such as "VEGFR2" or "Huh7" stays whole).
GLUED_CELLS_RE = re.compile(r"(?P<camel>(?<=[a-z])(?=[A-Z][a-z]))|(?<=[a-z]{2})(?=[A-Z]-?[A-Z])|(?<=[A-Z])(?=[A-Z][a-z]{3,})|"
                            r"(?<=\))(?=[A-Za-z])|(?<=\d)(?=[A-Z]{2}|[A-Z][a-z]{2,})|(?P<digit>(?<=[a-z]{4})(?=\d))")
_WORD_BEFORE = re.compile(r"[A-Z]?[a-z]+$")
_WORD_AFTER = re.compile(r"[A-Z][a-z]*")


def unglued(doc: AnalysedDocument, line: str, start: int) -> tuple[str, list[int]]:
    """The line with a space put back where two cells met, and each of its characters' offset in the document (a
    space put back stands where the next cell starts)."""
    pieces, offsets, previous = [], [], 0
    cuts = [m.start() for m in GLUED_CELLS_RE.finditer(line)
            if m.group("digit") is not None and _agent_or_line_before(doc, line, m.start())
            or m.group("digit") is None and (m.group("camel") is None or _named_beside(doc, line, m.start()))]
    for cut in [*cuts, len(line)]:
        pieces.append(line[previous:cut])
        offsets.extend(range(start + previous, start + cut))
        if cut < len(line):
            pieces.append(" ")
            offsets.append(start + cut)
        previous = cut
    offsets.append(start + len(line))
    return "".join(pieces), offsets


def _named_beside(doc: AnalysedDocument, line: str, at: int) -> bool:
    """Does the vocabulary name an arm's agent by the word that ends, or the one that starts, at ``at``
    ("Nivolumab|Check")?"""
    before, after = _WORD_BEFORE.search(line, 0, at), _WORD_AFTER.match(line, at)
    keys = [doc.finder.lookup(w.group()) for w in (before, after) if w is not None]
    return any(key is not None and doc.vocabulary[key].has_type(*ARM_TYPES) for key in keys)


def _agent_or_line_before(doc: AnalysedDocument, line: str, at: int) -> bool:
    """Is the word ending at ``at`` an arm's agent's name, or the word line ("Sorafenib|1st line", "2nd line|412")?"""
    before = _WORD_BEFORE.search(line, 0, at)
    if before is None:
        return False
    key = doc.finder.lookup(before.group())
    return before.group().lower() == "line" or key is not None and doc.vocabulary[key].has_type(*ARM_TYPES)


def row_mentions(doc: AnalysedDocument, text: str, start: int, end: int) -> list[Mention]:
    """The line's mentions, also those its glued cells hide."""
    found = doc.mentions_in(start, end)
    spaced, offsets = unglued(doc, text[start:end], start)
    if len(spaced) == end - start:
        return found
    hidden = [Mention(offsets[m.start], offsets[m.end - 1] + 1, m.key, m.surface) for m in doc.finder.find_text(spaced)]
    taken = [(m.start, m.end) for m in found]
    extra = [m for m in hidden if not any(s < m.end and m.start < e for s, e in taken)]
    return sorted([*found, *extra], key=lambda m: (m.start, m.end))


REGISTERED_AFTER_RE = re.compile(r"\s*\(\s*NCT\d{8}\b")  # "ZENITH (NCT01234567)": the name its number follows


def line_names(doc: AnalysedDocument, text: str, start: int, end: int) -> list[tuple[str, int]]:
    """The line's trial-shaped names, each with its offset, also those its glued cells hide ("FelotinibZETA-7Negative"):
    a name read whole stays whole unless an agent's name is glued inside it ("LenvatinibREFLECTPositive"); the cuts
    may also cut a name ("IMbrave150" into "I Mbrave150", "SIRveNIB").  Those the cuts give are read where the whole
    line gave none, or where its registry number follows one in brackets ("PD-L1ZENITH (NCT...)LABEL: ...")."""
    found = _names(doc, text, start, end)
    spaced, offsets = unglued(doc, text[start:end], start)
    if len(spaced) == end - start:
        return found
    agents = [m.start for m in row_mentions(doc, text, start, end) if doc.vocabulary[m.key].has_type(*ARM_TYPES)]
    glued = [(at, at + len(name)) for name, at in found if any(at <= a < at + len(name) for a in agents)]
    kept = [(name, at) for name, at in found if (at, at + len(name)) not in glued]
    after_cut = {i + 1 for i in range(len(spaced) - 1) if offsets[i] == offsets[i + 1]}  # (where a space went back)
    cut = [(name, offsets[at]) for name, at in _names(doc, spaced, 0, len(spaced), after_cut)]
    spans = [(at, at + len(name)) for name, at in found]
    registered = [n for n in cut if REGISTERED_AFTER_RE.match(text, n[1] + len(n[0]))
                  and not any(s < n[1] + len(n[0]) and n[1] < e for s, e in spans)]
    return kept + [n for n in cut if any(s <= n[1] < e for s, e in glued)] + registered if found else cut


def _names(doc: AnalysedDocument, text: str, start: int, end: int, after_cut: set[int] = frozenset()) -> list[tuple[str, int]]:
    """Trial-shaped names in a line: an acronym (perhaps with a number) that names no entity of the vocabulary; one
    that opens with a target's name is cut after it where it ends a list or follows a cell it was glued to."""
    found = []
    for m in CANDIDATE_RE.finditer(text, start, end):
        word, name, at = m.group("word"), m.group().strip(), m.start()
        if doc.finder.lookup(word) is None and (listed_before(text, at) or at in after_cut) \
                and (cut := named_prefix(word, doc.finder.lookup, 3 if listed_before(text, at) else MIN_NAME)):
            word, name, at = word[cut:], name[cut:], at + cut  # "RAFZENITH": a target's cell glued to the trial's name
        # ("Keynote-240": a sponsor's name in title case, a hyphen and three digits, as a review may write it)
        if not (name_like(word) or name_like(name) or (m.group("number") and sum(c.isupper() for c in word) >= 2)
                or m.group("titled")):
            continue
        if word.upper() in STRUCTURE_WORDS or (word.upper() in SECTION_LABELS and not m.group("number")) \
                or ROMAN_RE.fullmatch(word) or _glued_phase(doc, word) \
                or AFTER_PHASE_RE.search(text, max(start, m.start() - 8), m.start()) \
                or doc.finder.lookup(name) is not None \
                or doc.finder.lookup(word) is not None or name.startswith("NCT") \
                or ISOTYPE_RE.fullmatch(name) or glued_inside(name, doc.finder.lookup):
            continue
        found.append((name, at))
    return found


LIST_GLUE_RE = re.compile(r"\s*(?:,|\band\b)\s*")  # between two items of a list


def listed_with_targets(doc: AnalysedDocument, text: str, name: tuple[str, int], mentions: list[Mention]) -> bool:
    """Is the name an item of a list of targets, a target named right after it ("FGFR, PDGR, RET": a misspelt one)?"""
    after = name[1] + len(name[0])
    return any(doc.vocabulary.is_target(m.key) and LIST_GLUE_RE.fullmatch(text, after, m.start) for m in mentions if m.start > after)


def _glued_phase(doc: AnalysedDocument, word: str) -> bool:
    """Is the word a phase's numeral glued to a name the vocabulary knows ("IIIZorbanib"; not "IMbrave")?"""
    numeral = GLUED_PHASE_RE.match(word)
    return numeral is not None and doc.finder.lookup(word[numeral.end():]) is not None
