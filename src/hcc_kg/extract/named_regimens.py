"""Named chemotherapy regimens the vocabulary knows: "GEMOX", "FOLFOX4", "PIAF" read as their drugs.

``data/lexicon/regimens.tsv`` lists each regimen's spellings and component drugs (naming vocabulary, like a
family's members).  Each use of a spelling in a document reads, through the same mechanism as a short form
the document defines (:mod:`.expansion`), as its components joined by "plus", so the arm, value, hazard-ratio
and approval readers see the combination; every component's evidence points back into the name as written.

* A document's own definition wins: a name it defines for a regimen (:mod:`.regimen_abbreviations`) or for
  anything else (:mod:`.abbreviations`: "glycoprotein (GP)"), or a trial's name, is left to the document.
* A use standing in parentheses right after the drugs it names ("gemcitabine and oxaliplatin (GEMOX)"), or
  right before parentheses naming them, is the document saying what the name is: it is left as written,
  so the combination is not read twice.
* A name joined by a hyphen to a drug or a procedure ("sorafenib-GEMOX", "FOLFOX-HAIC", "HAIC-FOLFOX") is one
  arm: the hyphen reads as "plus" too, so "FOLFOX-HAIC" is the procedure with the drugs it delivers.
* A short name other words share ("GP", "FP"; reading ``cued``) is read only in a document that names every
  component or writes it before a regimen word ("GP regimen").

>>> parts_for("GEMOX", ["gemcitabine", "oxaliplatin"])
(('G', 'gemcitabine plus '), ('EMOX', 'oxaliplatin'))
>>> "".join(new for _, new in parts_for("GP", ["gemcitabine", "cisplatin"]))
'gemcitabine plus cisplatin'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..lexicon import lexicon_folder
from .analysis import AnalysedDocument
from .expansion import Expansion
from .name_cues import names_a_trial
from .sentences import DRUG

GLUE = " plus "
READINGS = ("alone", "cued")
#: "GP regimen", "FP chemotherapy", "the GP arm": a regimen word right after the name.
_REGIMEN_WORD = r"\s+(?:regimens?|chemotherapy|combination|protocol|therapy|treatment)\b"
#: A name's edges: no letter, digit or joining sign beside it ("GPx", "NFP", "A+GP" are other words).
_BEFORE, _AFTER = r"(?<![\w+/&])", r"(?![\w+/&])"
#: What stands beside a hyphen: one word (a drug, a procedure, a defined short form).
_WORD = r"[A-Za-z][\w.]*[A-Za-z0-9]"


@dataclass(frozen=True)
class NamedRegimen:
    """A regimen's ``name``, the ``spellings`` it is written with (in case) and its ``components``
    (vocabulary keys, in the order the name spells them)."""

    name: str
    spellings: tuple[str, ...]
    components: tuple[str, ...]
    reading: str = "alone"


def default_regimens_path() -> Path:
    """The packaged list of named regimens."""
    return lexicon_folder() / "regimens.tsv"


@lru_cache(maxsize=4)
def read_regimens(path: Path | str | None = None) -> tuple[NamedRegimen, ...]:
    """The named regimens of a regimen TSV (name, spellings, components, reading)."""
    path = Path(path) if path else default_regimens_path()
    out: list[NamedRegimen] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 4 or cells[3] not in READINGS:
            raise ValueError(f"{path}:{number}: expected 'name<TAB>spellings<TAB>components<TAB>alone|cued'")
        out.append(NamedRegimen(cells[0], _items(cells[1]), _items(cells[2]), cells[3]))
    return tuple(out)


def _items(cell: str) -> tuple[str, ...]:
    return tuple(filter(None, (part.strip() for part in cell.split("|"))))


def parts_for(written: str, names: list[str]) -> tuple[tuple[str, str], ...]:
    """``written`` read as ``names`` joined by "plus": each name but the last takes one character of what was
    written (the glue after it with it), the last the rest, so each component points back into the name."""
    parts = [(written[i], name + GLUE) for i, name in enumerate(names[:-1])]
    return tuple(parts) + ((written[len(names) - 1:], names[-1]),)


def expansions(doc: AnalysedDocument, defined: set[str] | frozenset[str] = frozenset(),
               regimens: tuple[NamedRegimen, ...] | None = None) -> tuple[Expansion, ...]:
    """How each named regimen the document writes (and does not define itself, ``defined`` being the short
    forms it defines for regimens) reads: the name alone, and joined by a hyphen to a drug or procedure."""
    text = doc.document.text
    out: list[Expansion] = []
    for regimen in regimens if regimens is not None else read_regimens():
        written = {s: list(re.finditer(_BEFORE + re.escape(s) + _AFTER, text)) for s in regimen.spellings}
        names = _component_names(doc, regimen)
        if names is None or not any(written.values()) or (regimen.reading == "cued" and not _cued(doc, regimen)):
            continue  # the cheap test first: most documents write no regimen's name
        for spelling, uses in written.items():
            if not uses or spelling in defined or len(spelling) < len(names) or not _free(doc, spelling):
                continue
            parts = parts_for(spelling, names)
            skipped = frozenset(m.start() for m in uses if _defined_here(doc, text, m, regimen))
            out.append(Expansion(spelling, parts, 0, skipped))
            out.extend(hyphened(doc, spelling, parts, skipped))
    return tuple(out)


def _component_names(doc: AnalysedDocument, regimen: NamedRegimen) -> list[str] | None:
    """The label each component is written with, or None when the vocabulary lacks one (no lexicon)."""
    if not all(key in doc.vocabulary for key in regimen.components):
        return None
    return [_written(doc.vocabulary[key].label) for key in regimen.components]


def _written(label: str) -> str:
    """A component as the reading writes it: lower case where the finder matches regardless of case ("Fluorouracil")."""
    return label.lower() if len(label) > 5 else label


def _free(doc: AnalysedDocument, spelling: str) -> bool:
    """Is the name the vocabulary's to read here: no entity or document abbreviation takes it, no trial has it?"""
    return doc.finder.lookup(spelling) is None and not names_a_trial(spelling, doc.document.text)


def _cued(doc: AnalysedDocument, regimen: NamedRegimen) -> bool:
    """Does the document show a short shared name as the regimen: every component named, or a regimen word after it?"""
    text = doc.document.text
    if any(re.search(_BEFORE + re.escape(s) + _REGIMEN_WORD, text) for s in regimen.spellings):
        return True
    found = {m.key for m in doc.mentions_in(0, len(text))}
    return set(regimen.components) <= found


def _defined_here(doc: AnalysedDocument, text: str, use: re.Match, regimen: NamedRegimen) -> bool:
    """Is this use the document saying what the name is: in parentheses right after its drugs, or right
    before parentheses naming them?"""
    origin = max(0, use.start() - 160)
    before = text[origin:use.start()]
    if re.search(r"\(\s*$", before):
        paren = origin + before.rfind("(")
        spelled = re.search("(?:" + "|".join(map(re.escape, regimen.spellings)) + r")\s*$", text[:paren])
        return spelled is not None or _names_all(doc, _clause_before(text, paren), regimen)
    after = re.match(r"\s?\(([^()]{0,200})\)", text[use.end():])
    if after:
        offset = use.end() + after.start(1)
        return _names_all(doc, (offset, offset + len(after.group(1))), regimen)
    return False


#: "(GEMOX)" right after the drugs it names.
_NAME_AFTER = re.compile(r"\s*\(\s*([^()]{2,15}?)\s*\)")


def named_after(text: str, components: set[str] | frozenset[str]) -> bool:
    """Does a parenthesis at the start of ``text`` hold a regimen name the lexicon knows for exactly these
    drugs ("gemcitabine and oxaliplatin (GEMOX)": the two are one regimen)?"""
    after = _NAME_AFTER.match(text)
    return after is not None and any(after.group(1) in r.spellings and set(r.components) == set(components)
                                     for r in read_regimens())


def _clause_before(text: str, start: int) -> tuple[int, int]:
    """The span of the sentence before ``start`` (back to the last full stop or line break, at most 160 characters)."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - 160)
    return max(0, left), start


def _names_all(doc: AnalysedDocument, span: tuple[int, int], regimen: NamedRegimen) -> bool:
    found = {m.key for m in doc.mentions_in(*span)}
    return set(regimen.components) <= found


def hyphened(doc: AnalysedDocument, spelling: str, parts: tuple[tuple[str, str], ...],
             skipped: frozenset[int] = frozenset(), since: int = 0) -> list[Expansion]:
    """ "sorafenib-GEMOX", "FOLFOX-HAIC": the name and a drug or procedure joined by a hyphen, read as one
    combination (each such compound written in the document from ``since`` on is read as a whole); also for a
    name the document defines itself (``parts`` its definition's reading)."""
    text = doc.document.text
    name = re.escape(spelling)
    shapes = (rf"(?<![\w+/&-])(?P<word>{_WORD})-{name}{_AFTER}", rf"{_BEFORE}{name}-(?P<word>{_WORD})(?![\w+/&-])")
    out: dict[str, Expansion] = {}
    for left_word, shape in zip((True, False), shapes):
        for match in re.finditer(shape, text):
            word = match.group("word")
            if match.group(0) in out or not _agent_word(doc, word):
                continue
            joined = ((word, word), ("-", GLUE)) + parts if left_word else parts + (("-", GLUE), (word, word))
            out[match.group(0)] = Expansion(match.group(0), joined, since, skipped)
    return list(out.values())


def _agent_word(doc: AnalysedDocument, word: str) -> bool:
    """Does the word name a drug or a procedure (in the vocabulary or as the document's abbreviation)?"""
    key = doc.finder.lookup(word)
    return key is not None and key in doc.vocabulary and doc.vocabulary[key].has_type(*DRUG, "Procedure")
