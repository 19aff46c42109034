"""Abbreviations a document defines for itself (in the manner of Schwartz and Hearst, 2003).

"zorbatinib (ZRB)", "nivolumab (Nivo)": a short form in parentheses right after a name the
vocabulary resolves to a drug or a protein (or family), whose letters and digits appear in
order in that name, the first of them starting it.  From its definition on, the short form,
in the case written, names the same entity in that document only: the document is reread
with a finder that knows it (:func:`reread`), and a ``definedAbbreviation`` naming
assertion records the reading.  Naming assertions never reach the graph or the vocabulary
of other documents (:mod:`.novel`).

A short form is not defined when the vocabulary already names something by it (unless that
name is only a generated symbol of another entity, matched in the case written: "tissue
factor (TF)" overrides the lexicon's TF for transferrin in that document), when it is
a clinical abbreviation (the lexicon's stoplist: OS, PFS, HR, ...), a unit, a number, all
lower case (a word: "sorafenib (oral)"; but a drug's name cut short is one: "nivolumab (nivo)", found
capitalised too), the name of a trial in the document, or when the
document defines it for two entities.

>>> fits("ZRB", "zorbatinib"), fits("Nivo", "nivolumab"), fits("BZR", "zorbatinib"), fits("ZRX", "zorbatinib")
(True, True, False, False)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Iterator

from ..model import Assertion, Mention
from ..vocab import DRUG_TYPES, TARGET_TYPES, Entity, Vocabulary, name_key
from .analysis import AnalysedDocument, LayeredFinder
from .mentions import MentionFinder
from .normalize import MappedText
from .name_cues import fits, names_a_trial, stoplist_meanings, stoplisted
from .novel import ABBREVIATION as DEFINED

EXTRACTOR = "abbreviations"
#: A drug, a placebo ("placebo (PBO)") or a protein/family can be abbreviated; classes, diseases,
#: endpoints are not read here.
ABBREVIABLE = DRUG_TYPES + ("Placebo", "Procedure") + TARGET_TYPES  # ("radioembolization (RE)": a procedure too)
#: "(ZRB)" right after the name: 2-8 letters, digits or hyphens, nothing else in the parentheses; or one capital
#: letter, as an abstract names its arms ("zorbatinib (Z) or placebo (P)"), but not the words "A" and "I".
#: After the short form, a gloss of what the drug is against may follow a semicolon: "durvalumab (D; anti-PD-L1)"
#: ("(ZRB; oral)" is no definition: more than a short form and such a gloss in the parentheses).
#: The drug's code may come first: "zorbatinib (XY-123; Zor)", "zorbatinib (XY 12-345, ZRB)".
_DEFINITION = re.compile(r"\s?\(\s?(?:[A-Z]{1,5}[- ]?\d{2,6}(?:-\d{1,6})?[A-Za-z]?\s?[;,]\s?)?"
                         r"(?P<short>[B-HJ-Z]|[A-Za-z][A-Za-z0-9-]{0,6}[A-Za-z0-9])"
                         r"(?:\s?;\s?anti-?[A-Za-z0-9][\w-]*(?:\s+(?:monoclonal\s+)?antibody)?)?\s?\)")
#: A one-letter short form is read only where it stands alone as a name: not in a p-value ("P = 0.81", "P<0.001"),
#: a cell or a protein ("T cells", "E-cadherin"), an abbreviation ("U.S."), nor after a word that labels with
#: letters ("hepatitis B", "Child-Pugh class B", "group C", "stage B or C").
_NOT_ALONE_AFTER = re.compile(r"\s*[=<>≤≥:]|[-\w]|\.\w|\s+cells?\b", re.IGNORECASE)
_LETTER_LABEL_BEFORE = re.compile(r"(?:\b(?:hepatitis|stage|class|grade|group|part|arm|cohort|type|phase|vitamin|"
                                  r"level|BCLC|Child-Pugh)\s+(?:[A-Z]\s*(?:,|or|and|/|-)\s*)?|[-.\w])$", re.IGNORECASE)
#: Units that follow a name in parentheses ("(mg)", "(Gy)"): never abbreviations.
UNIT_SPELLINGS = "mg g kg ml mL L h hr d wk mo Gy IU U nM uM mM pM mCi MBq GBq cm mm".split()
UNITS = frozenset(name_key(u) for u in UNIT_SPELLINGS)


@dataclass(frozen=True)
class Definition:
    """``short`` abbreviates entity ``key``, defined at document offsets [start, end); ``throughout``: read in the
    whole document (a table's footnote defines what the table above it used)."""

    key: str
    short: str
    long_form: str
    start: int
    end: int
    throughout: bool = False


def _acceptable(short: str, long_form: str, key: str, doc: AnalysedDocument) -> bool:
    shaped = any(c.isupper() for c in short) or _clipped(short, long_form, key, doc)
    return shaped and fits(short, long_form) and free_short_form(short, doc, key)


def _modified(short: str, before: str, key: str, doc: AnalysedDocument) -> bool:
    """"oral metronomic capecitabine (MC)": capitals that are the initials of the words ending in the drug's name,
    a way of giving it (a schedule, a route) before it, the drug's own short form in that document."""
    words = re.findall(r"[A-Za-z][\w-]*", before)[-len(short):]
    return short.isupper() and 2 <= len(short) == len(words) and "".join(w[0] for w in words).upper() == short \
        and any(doc.vocabulary[key].has_type(t) for t in DRUG_TYPES) and free_short_form(short, doc, key)


def _clipped(short: str, long_form: str, key: str, doc: AnalysedDocument) -> bool:
    """"nivolumab (nivo)", "sorafenib (sor)": a drug's name cut to its first three letters or more, in lower
    case, is a short form as abstracts use them; another lower-case word in brackets is not ("sorafenib (oral)")."""
    return short.isalpha() and short.islower() and len(short) >= 3 and long_form.lower().startswith(short) \
        and any(doc.vocabulary[key].has_type(t) for t in DRUG_TYPES)


def spellings(short: str) -> tuple[str, ...]:
    """The short form as written, and capitalised when it is written in lower case ("Nivo" opening a sentence)."""
    return (short, short.capitalize()) if short.islower() else (short,)


def free_short_form(short: str, doc: AnalysedDocument, defining: str | None = None) -> bool:
    """May the document define ``short`` (for entity ``defining``, when given)?  Not when the
    vocabulary already names something by it, it is a clinical abbreviation (the stoplist) or a
    unit, or it names a trial of the document.  A generated symbol of another entity gives way
    to the document's own definition of an entity it names."""
    key = name_key(short)
    owner = doc.finder.lookup(short)
    taken = owner is not None and not (defining is not None and owner != defining
                                       and _generated_symbol(doc, owner, key))
    # one letter is a unit only as the unit is written: "d" (days) and "L" are, "D" (durvalumab (D)) is not
    unit = short in UNIT_SPELLINGS if len(short) == 1 else key in UNITS
    # a clinical abbreviation is the document's to define only as what it abbreviates ("radiotherapy (RT)")
    stopped = key in stoplisted() and not (defining is not None and _abbreviates(doc, key, defining))
    return not stopped and not unit and not taken and not _names_trial(short, doc)


def _abbreviates(doc: AnalysedDocument, key: str, defining: str) -> bool:
    """Does the stoplist say the clinical abbreviation stands for the entity a document defines it for?"""
    meaning = stoplist_meanings().get(key)
    return meaning is not None and doc.finder.lookup(meaning) == defining


def _generated_symbol(doc: AnalysedDocument, owner: str, key: str) -> bool:
    """Does ``owner`` take the name only as a generated symbol, matched in the case written?"""
    return any(name_key(symbol) == key for symbol in doc.vocabulary[owner].exact_case)


def _names_trial(short: str, doc: AnalysedDocument) -> bool:
    """Is the short form a trial's name in this document ("the ZRB trial", "study ZRB")?"""
    return names_a_trial(short, doc.document.text)


def definitions(doc: AnalysedDocument) -> list[Definition]:
    """The abbreviations the document's prose defines, the first definition of each short form;
    a short form defined for two entities is ambiguous and dropped."""
    found: dict[str, list[Definition]] = {}
    for sent in doc.sentences:
        for mention in doc.keys_of_type(sent.mentions, *ABBREVIABLE):
            start, end = sent.local(mention)
            match = _DEFINITION.match(sent.text, end)
            if not match or not (_acceptable(match.group("short"), sent.text[start:end], mention.key, doc)
                                 or _modified(match.group("short"), sent.text[:end], mention.key, doc)):
                continue
            span = sent.sentence.mapped.original_span(start, match.end())
            short = match.group("short")
            found.setdefault(short, []).append(Definition(mention.key, short, sent.text[start:end], *span))
    for d in glossary_definitions(doc):
        found.setdefault(d.short, []).append(d)
    return [group[0] for _, group in sorted(found.items()) if len({d.key for d in group}) == 1]


# A table's footnote listing its abbreviations: "Sor, sorafenib; Plb, placebo; TACE, transarterial chemoembolization"
# (or "Sor: sorafenib", "Sor = sorafenib"), three items or more on one line.
GLOSSARY_ITEM_RE = re.compile(r"(?:^|;)\s*(?P<short>[A-Za-z][A-Za-z0-9-]{0,9})\s*[,:=]\s*(?P<long>[^;,:=\n]{2,80}?)\s*(?=;|\.?\s*$)")


def glossary_items(line: str) -> list[re.Match]:
    """The items of a line that is a list of abbreviations, three or more making up most of it ([] for any other line:
    prose with semicolons).

    >>> len(glossary_items("Zrb, zorbanib; Plb, placebo; OS, overall survival")), glossary_items("A; B, and C; D")
    (3, [])
    """
    items = list(GLOSSARY_ITEM_RE.finditer(line))
    return items if len(items) >= 3 and sum(len(m.group()) for m in items) >= 0.8 * len(line.strip()) else []


def glossary_definitions(doc: AnalysedDocument) -> list[Definition]:
    """The drugs, placebo and procedures a footnote's list of abbreviations defines ("Sor, sorafenib; ..."): each a
    short form that fits its entity's name, used elsewhere in the document, and read throughout it."""
    text = doc.document.text
    out = []
    for line in re.finditer(r"[^\n]+", text):
        items = glossary_items(line.group())
        if not items:
            continue
        for m in items:
            short, long_form = m.group("short"), m.group("long").strip()
            key = doc.finder.lookup(long_form)
            if key is None or not doc.vocabulary[key].has_type(*ABBREVIABLE) or not fits(short, long_form) \
                    or not free_short_form(short, doc, key) \
                    or not re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text[:line.start()] + text[line.end():]):
                continue
            out.append(Definition(key, short, long_form, line.start() + m.start("short"), line.start() + m.end("long"), True))
    return out


class AbbreviationFinder:
    """Mentions of the defined short forms, in the case written, from each definition on.

    Same interface as :class:`MentionFinder`, to be layered over the document's finder.
    ``find_text`` reads a free-standing string (a heading) with no place in the document,
    so there every short form counts.
    """

    def __init__(self, defined: list[Definition], vocabulary: Vocabulary):
        by_key: dict[str, list[str]] = {}
        for d in defined:
            by_key.setdefault(d.key, []).extend(spellings(d.short))
        entities = [Entity(key, shorts[0], vocabulary[key].types, tuple(shorts[1:]), exact_case=tuple(shorts))
                    for key, shorts in sorted(by_key.items())]
        self.finder = MentionFinder(Vocabulary(entities, source="abbreviations"))
        self.vocabulary = self.finder.vocabulary
        self.since = {name_key(d.short): 0 if d.throughout else d.start for d in defined}

    def lookup(self, surface: str) -> str | None:
        return self.finder.lookup(surface)

    def find(self, mapped: MappedText) -> list[Mention]:
        return [m for m in self.finder.find(mapped) if m.start >= self._defined_at(m.surface) and _alone(mapped, m)]

    def find_text(self, text: str) -> list[Mention]:
        return self.finder.find_text(text)

    def _defined_at(self, surface: str) -> int:
        key = name_key(surface)
        for ending in ("", "s", "es"):  # a plural ("ZRBs") is a use of the short form
            stem = key[: len(key) - len(ending)] if ending and key.endswith(ending) else key
            if stem in self.since:
                return self.since[stem]
        return 0


def _alone(mapped: MappedText, mention: Mention) -> bool:
    """Does a one-letter short form stand alone as a name here (see ``_NOT_ALONE_AFTER``)?  Longer ones always do."""
    if len(mention.surface) != 1:
        return True
    at = bisect_left(mapped.offsets, mention.start)  # the offsets run in text order: no scan of the whole text
    if at >= len(mapped.text) or mapped.offsets[at] != mention.start:
        return False
    return not (_NOT_ALONE_AFTER.match(mapped.text, at + 1) or _LETTER_LABEL_BEFORE.search(mapped.text[:at]))


def reread(doc: AnalysedDocument, defined: list[Definition]) -> AnalysedDocument:
    """The document read with its own abbreviations: each entity gains its short forms (exact
    case) in this document's vocabulary, and its finder finds them after their definition."""
    vocabulary = doc.vocabulary
    entities = {}
    for d in defined:
        base = entities.get(d.key, vocabulary[d.key])
        entities[d.key] = replace(base, synonyms=base.synonyms + spellings(d.short),
                                  exact_case=base.exact_case + spellings(d.short))
    # copies of checked entities with more names: a family's members are in the whole vocabulary, not in these
    extended = vocabulary.extended(Vocabulary.checked(entities.values(), source=f"abbreviations in {doc.document.name}"))
    # the document's own short forms win where a generated symbol spells the same characters
    return doc.reread(extended, LayeredFinder(doc.finder, AbbreviationFinder(defined, vocabulary), added_wins_ties=True))


def assertions(defined: list[Definition], doc: AnalysedDocument, extractor: str = EXTRACTOR) -> Iterator[Assertion]:
    """One ``definedAbbreviation`` naming assertion per definition, scoped to its document."""
    for d in defined:
        details = (("label", doc.vocabulary[d.key].label), ("long_form", d.long_form), ("synonym", d.short))
        yield Assertion(d.key, DEFINED, d.short, (("document", doc.document.doc_id),), details,
                        (doc.evidence(d.start, d.end, extractor),))
