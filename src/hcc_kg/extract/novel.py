"""Drugs no vocabulary holds, recognised from their form and from how the text types them.

Runs on a document before the other extractors; what it finds extends that document's
vocabulary, so every extractor sees the new names as ordinary mentions.  Three signals:

* an INN stem: ``-tinib``, ``-anib``, ``-rafenib`` (kinase inhibitors), ``-ciclib``,
  ``-lisib``, ``-parib``, ``-degib``, ``-zomib``, cytotoxic ``-platin``, ``-rubicin``,
  ``-citabine``, ``-taxel``, ``-tecan`` (small molecules), ``-mab`` and its
  sub-stems (antibodies), ``-leucel`` (cell therapies), ``-cept`` (fusion proteins);
* a typing cue around a name that has the form of a drug (a stem, or a code name such as
  ``ABC-123``): "the anti-PD-1 antibody ABC-123", "ABC-123, a multikinase inhibitor",
  "ABC-123 is a bispecific antibody";
* a code name in apposition to a drug: "zorbatinib (ABC-123)", "ABC-123 (zorbatinib)",
  "zorbatinib, also known as ABC-123": the code becomes a synonym of the drug.

A code name alone, with neither cue nor apposition, is not a drug (it may be a trial, a
gene, an abstract number).  Names the vocabulary already knows are left to it.

>>> from hcc_kg.vocab import Vocabulary
>>> found = recognise_text("Patients received zorbatinib, an oral multikinase inhibitor.", Vocabulary([]))
>>> [(r.key, r.types, r.cues) for r in found]
[('zorbatinib', ('SmallMolecule', 'TyrosineKinaseInhibitor'), ('an oral multikinase inhibitor', 'stem -tinib'))]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Iterator

from ..lexicon import read_stoplist
from ..model import Assertion, Document
from ..vocab import DRUG_TYPES, Entity, Vocabulary, name_key, slug
from .analysis import AnalysedDocument, AnalysedSentence
from .normalize import normalize
from .segment import Sentence

EXTRACTOR = "novel"
#: Predicates that describe names rather than facts: they extend the vocabulary, never the graph.
RECOGNISED, SYNONYM = "recognisedAs", "recognisedSynonym"
#: A short form a document defines for itself (extract/abbreviations.py): read in that document only.
ABBREVIATION = "definedAbbreviation"
NAMING_PREDICATES = (RECOGNISED, SYNONYM, ABBREVIATION)

SMALL = ("SmallMolecule",)
TKI = ("SmallMolecule", "TyrosineKinaseInhibitor")
MAB = ("MonoclonalAntibody",)
BISPECIFIC = ("BispecificAntibody", "MonoclonalAntibody")
CELL = ("CellTherapy",)
VACCINE = ("Vaccine",)
DRUG = ("Drug",)  # a drug whose modality the text does not tell
#: Disjoint modalities (ontology section 9): a name gets at most one.
MODALITIES = ("SmallMolecule", "MonoclonalAntibody", "CellTherapy", "Vaccine")

#: INN stems (WHO stem book; 2021 antibody scheme -tug/-bart/-mig) and the types they
#: imply, most specific first.  The -mab sub-stems only name the cue more precisely.
STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("rafenib", TKI), ("tinib", TKI), ("anib", TKI),
    ("ciclib", SMALL), ("lisib", SMALL), ("parib", SMALL), ("degib", SMALL), ("zomib", SMALL),
    # serine/threonine kinase (-sertib), RAS (-rasib), IDH (-sidenib), BCL-2 (-clax), EZH2 (-metostat),
    # IDO (-dostat) inhibitors and androgen receptor antagonists (-lutamide)
    ("sertib", SMALL), ("rasib", SMALL), ("sidenib", SMALL), ("clax", SMALL), ("metostat", SMALL),
    ("dostat", SMALL), ("lutamide", SMALL), ("inostat", SMALL),  # HDAC inhibitors (-inostat)
    ("platin", SMALL), ("rubicin", SMALL), ("citabine", SMALL), ("taxel", SMALL), ("tecan", SMALL),  # cytotoxics
    ("ciximab", MAB), ("ximab", MAB), ("zumab", MAB), ("limab", MAB), ("tamab", MAB), ("umab", MAB),
    ("mab", MAB), ("tug", MAB), ("bart", MAB), ("mig", BISPECIFIC),
    ("leucel", CELL), ("cept", DRUG),
    # fusion proteins (-fusp), siRNAs (-siran), antisense oligonucleotides (-nersen), herpes-virus vectors (-repvec)
    ("fusp", DRUG), ("siran", DRUG), ("nersen", DRUG), ("repvec", DRUG),
)
#: Shortest stem-bearing name taken: shorter ones are fragments ("zumab") or words.
MIN_STEM_NAME = 8
#: English words that end in a stem ("intercept", "concept"): never drug names.
STEM_WORDS = ("concept", "precept", "percept", "intercept", "except", "accept", "incept")
#: A stem word; not the tail of a word broken at a hyphen the normaliser left ("treme- limumab").
_STEM_RE = re.compile(r"(?<![\w])(?<![a-z]- )[A-Za-z][a-z]{2,}(?:" + "|".join(s for s, _ in STEMS) + r")(?![\w])")

#: An antibody-drug conjugate's INN is the antibody's name and its payload's ("zorbituzumab vedotin"):
#: the payload word after an antibody stem belongs to the name.
_PAYLOAD = re.compile(r"[ \t]+([a-z]*(?:dotin|tecan|tansine|tesirine|ozogamicin))(?![\w-])")

#: A company code name: 1-5 capitals, optional hyphen and up to three letters, digits ("SHR-1210",
#: "BGB-A317", "NVP-AUY922", "E7080", "CP-675,206", "BAY 43-9006", "PF-02341066"); a prefix with a
#: lower-case letter or a digit inside it ("MORAb-004", "G1T28-1").
_CODE = (r"[A-Z]{1,5}-?[A-Z]{0,3}\d{2,8}(?:,\d{3}|-\d{2,6})?[A-Z]?|[A-Z]{2,5} \d{2}-\d{3,5}"
         r"|[A-Z]{3,5}[a-z]-\d{3,6}|[A-Z]\d[A-Z]{1,2}\d{2,5}(?:-\d)?"
         r"|[A-Z]{2,5} (?!(?:19|20)\d\d(?!\d))\d{3,7}")  # "AMG 757", "BI 764532"; not "ESMO 2022"
_CODE_RE = re.compile(rf"(?<![\w-])(?:{_CODE})(?![\w-])")
#: Code-shaped identifiers of other things: CD markers, registry numbers, interleukins, HLA.
NOT_DRUG_CODE = re.compile(r"^(?:CD|NCT|IL|HLA|ISRCTN|EudraCT)[\s-]?\d")
#: Where a code is a trial's name ("the ABC-301 trial"): never a drug.
_TRIAL_WORD = r"(?:trial|study|studies|cohort|phase|programme|program)"

#: Drug-class nouns that type the name they stand next to, most specific first.
CLASSES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"bispecific(?: monoclonal)? antibody|bispecific|BsAb|(?:bispecific )?T[- ]cell engager|BiTE|TCE", BISPECIFIC),
    (r"antibody[- ]drug conjugate|ADC", MAB),  # an antibody carrying a payload
    (r"(?:monoclonal )?antibody|mAb|IgG\d? antibody", MAB),
    (r"(?:tyrosine kinase|multi-?kinase|multi-?targeted(?: tyrosine)? kinase) inhibitor|TKI|MKI", TKI),
    (r"kinase inhibitor|small[- ]molecule(?: inhibitor| drug| agent| compound)?", SMALL),
    (r"CAR[- ]?T(?:[- ]cells?)?(?: therapy| product)?|cell therapy", CELL),
    (r"vaccine", VACCINE),
    (r"inhibitor|blocker|antagonist|agent|drug|compound", DRUG),
)
_CLASS = "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(CLASSES))
#: Words a run of modifiers cannot cross: a clause or a second noun phrase starts there, or
#: the statement is negated ("ABC-123 is not an antibody").
_STOP = (r"(?:a|an|the|and|or|with|plus|versus|vs|but|which|that|is|was|were|in|to|for|by|than|as|"
         r"not|no|nor|neither|never)")
#: Up to five modifiers before the class noun ("an oral, selective anti-PD-1 ...", "a potent and selective ...").
_MODIFIERS = rf"(?:(?!(?i:{_STOP})\b)[\w/-]+,?\s+(?:(?:and|or)\s+)?){{0,5}}?"
#: A determiner: an article or the owner's name ("Acme's investigational T inhibitor").
_DETERMINER = r"(?:(?:a|an|the)\s+|(?:[A-Z][\w&.-]*\s+){0,2}[A-Z][\w&.-]*(?:'s?|’s?)\s+)"
_CUE = rf"(?P<cue>{_MODIFIERS}(?:{_CLASS}))(?![\w-])"
_NAME_FORM = rf"(?:{_CODE}|[A-Za-z][a-z]{{2,}}(?:{'|'.join(s for s, _ in STEMS)}))(?![\w-])"
_NAME = rf"(?P<name>{_NAME_FORM})"
#: "ABC-123, a PD-1 inhibitor", "ABC-123 (a PD-1 inhibitor)", "ABC-123 is an antibody".
_AFTER = re.compile(rf"(?<![\w-]){_NAME}(?:\s*\([^()]{{1,30}}\))?(?:\s*[,(]\s*|\s+(?:is|was)\s+)"
                    rf"{_DETERMINER}?{_CUE}")
#: "the anti-PD-1 antibody ABC-123"; "its KRAS inhibitor, ABC-123," (the name set off by commas).
_BEFORE = re.compile(rf"(?<![\w-])(?P<cue>(?:(?!(?i:{_STOP})\b)[\w/-]+\s+){{0,3}}?(?:{_CLASS}))(?:\s+|,\s+(?={_NAME_FORM},)){_NAME}")
#: What joins a code to a drug: "(ABC-123)", "(also known as ABC-123)", ", formerly ABC-123".
_ALIAS = r"(?:also known as|formerly(?: known as)?|previously(?: known as)?|aka|a\.k\.a\.)"
_CODE_AFTER = re.compile(rf"^\s*(?:\(\s*(?:{_ALIAS}\s+)?(?P<p>{_CODE})\s*\)|,\s*{_ALIAS}\s+(?P<c>{_CODE})(?![\w-]))")
#: "Also called X, ABC-123, and Brand": a dictionary entry's list of one drug's other names.
_NAMES_OF_ONE = re.compile(r"\b(?:[Aa]lso called|[Aa]lso known as|[Oo]ther names?:?)\s+$")
_CODE_BEFORE = re.compile(rf"(?<![\w-])(?P<code>{_CODE})\s*\(\s*$")
#: A brand name beside a drug, in the forms a label, notice or press release prints it: in capitals
#: ("ZORVEX") or marked as a trademark ("Zorvex®"); inside parentheses two words ("LUNAVO VELO").
_MARK = r"\s?[®™]"
_CAPITALS = r"[A-Z][A-Z-]{3,}(?![\w-])"  # no digits: "ABC-123" is a code, "STUDY-301" a trial
_BRAND_WORD = rf"(?:{_CAPITALS}(?:{_MARK})?|[A-Z][a-z]{{3,}}{_MARK})"
_BRAND_WORDS = rf"(?:{_CAPITALS}(?:\s{_CAPITALS})?(?:{_MARK})?|[A-Z][a-z]{{3,}}(?:\s[A-Z][a-z]{{2,}})?{_MARK})"
#: The suffix of a US biologic's proper name, after its INN: "zorbamab-abcd".
_BIOLOGIC_SUFFIX = r"(?:-[a-z]{4})?"
#: "zorbamab (ZORVEX)", "zorbamab (Zorvex®)": the parentheses hold the brand and nothing else.
_BRAND_AFTER = re.compile(rf"{_BIOLOGIC_SUFFIX}\s*(?:{_MARK})?\s*\(\s*(?P<brand>{_BRAND_WORDS})\s*\)")
#: "ZORVEX (zorbamab-abcd)", "Zorvex® (zorbamab)"; a capitalised word with neither capitals nor mark
#: only before a biologic's proper name ("Zorvex (zorbamab-abcd)"): "Control (zorbamab)" names an arm.
#: One word: in a headline set in capitals the word before is no part of the name.
_BRAND_BEFORE = re.compile(rf"(?<![\w-])(?:(?P<brand>{_BRAND_WORD})|(?P<titled>[A-Z][a-z]{{3,}}))\s*\(\s*$")
_BRAND_CLOSE = re.compile(rf"(?P<suffix>{_BIOLOGIC_SUFFIX})\s*\)")
#: A code listed right after a drug is one more drug: "tarlatamab (formerly AMG 757), BI 764532, and HPN328";
#: not a cell line, a model or a trial ("sorafenib and MHCC97H cells").
_LISTED = re.compile(rf"(?:\s*\([^()]{{1,40}}\))?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?P<name>{_CODE})(?![\w-])"
                     r"(?!\s+(?:cells?|cell\s+lines?|xenografts?|tumou?rs?|mice|models?|trials?|study|studies|cohorts?)\b)")


@dataclass(frozen=True)
class Sighting:
    """One place a name was recognised: local span in its sentence, types and the cue."""

    name: str
    types: tuple[str, ...]
    cue: str
    start: int
    end: int
    strong: bool  # a typing cue from the text, not only the name's form
    synonym_of: str = ""  # key of the drug this name is a code for


@dataclass(frozen=True)
class Recognised:
    """A name recognised in one document, with everything the report needs."""

    key: str
    label: str
    types: tuple[str, ...]
    cues: tuple[str, ...]
    synonyms: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]  # document offsets
    known: bool = False  # a vocabulary drug that only gained synonyms

    def entity(self, vocabulary: Vocabulary) -> Entity:
        if self.known:
            base = vocabulary[self.key]
            return replace(base, synonyms=_unique(base.synonyms + self.synonyms))
        return Entity(self.key, self.label, self.types, self.synonyms)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def stem_types(word: str) -> tuple[str, str, tuple[str, ...]] | None:
    """(label, stem, types) for a word bearing an INN stem, or None.

    >>> stem_types("Quelimab")
    ('quelimab', 'limab', ('MonoclonalAntibody',))
    >>> stem_types("intercept"), stem_types("zumab"), stem_types("mAbs")
    (None, None, None)
    """
    label = word.lower()
    if len(word) < MIN_STEM_NAME or not re.fullmatch(r"[A-Za-z][a-z]+", word) or label.endswith(STEM_WORDS):
        return None
    for stem, types in STEMS:
        if label.endswith(stem):
            return label, stem, types
    return None


def _class_types(match: re.Match) -> tuple[str, ...]:
    return next(CLASSES[i][1] for i in range(len(CLASSES)) if match.group(f"c{i}"))


def _drug_like(name: str, trial_codes: set[str]) -> bool:
    """Has ``name`` the form of a drug name (a stem or a code that is no trial or marker)?"""
    if stem_types(name):
        return True
    return bool(_CODE_RE.fullmatch(name)) and not NOT_DRUG_CODE.match(name) and name not in trial_codes


def trial_codes(text: str) -> set[str]:
    """Code-shaped names the document uses as trial names ("the ABC-301 trial").

    >>> sorted(trial_codes("In the ZX-301 trial and study QR-12, ABC-123 was given."))
    ['QR-12', 'ZX-301']
    """
    after = re.finditer(rf"(?<![\w-])({_CODE})\s+{_TRIAL_WORD}\b", text, re.IGNORECASE)
    before = re.finditer(rf"\b{_TRIAL_WORD}\s+({_CODE})(?![\w-])", text, re.IGNORECASE)
    return {m.group(1) for m in after} | {m.group(1) for m in before}


def fits(short: str, long_form: str) -> bool:
    """Do the short form's letters and digits appear in order in the long form, the first
    one being the long form's first letter (case-insensitive)?"""
    chars = [c.casefold() for c in short if c.isalnum()]
    text = long_form.casefold()
    if not chars or chars[0] != text[:1] or len(chars) >= len(text):
        return False
    position = 1
    for char in chars[1:]:
        position = text.find(char, position) + 1
        if position == 0:
            return False
    return True


@lru_cache(maxsize=1)
def stoplisted() -> frozenset[str]:
    """The clinical abbreviations (OS, PFS, HR, ...) and words no name may take (the lexicon's stoplist)."""
    return frozenset(read_stoplist())


def names_a_trial(name: str, text: str) -> bool:
    """Is ``name`` a trial's name in ``text`` ("the ZRB trial", "study ZRB")?

    >>> names_a_trial("ZENITH", "In the ZENITH trial, ..."), names_a_trial("ZORVEX", "ZORVEX (zorbamab) ...")
    (True, False)
    """
    name = re.escape(name)
    return bool(re.search(rf"(?<![\w-]){name}\s+{_TRIAL_WORD}\b|\b{_TRIAL_WORD}\s+{name}(?![\w-])", text, re.IGNORECASE))


class _SentenceReader:
    """Sightings in one sentence, given the vocabulary's mentions of it."""

    def __init__(self, text: str, known: list[tuple[int, int, str]], vocabulary: Vocabulary,
                 lookup, trials: set[str], document: str = ""):
        self.text, self.known, self.vocabulary, self.lookup, self.trials = text, known, vocabulary, lookup, trials
        self.document = document or text  # where a name's use as a trial's is looked for

    def is_new(self, name: str, start: int, end: int) -> bool:
        """Not a vocabulary name (the vocabulary wins) and not inside one of its mentions."""
        if self.lookup(name) is not None or slug(name) in self.vocabulary:
            return False
        return not any(s <= start and end <= e for s, e, _ in self.known)

    def sightings(self) -> Iterator[Sighting]:
        yield from self.stems()
        yield from self._cued()
        yield from self._codes()
        yield from self._listed()

    def stems(self) -> Iterator[Sighting]:
        conjugate_end = -1
        for match in _STEM_RE.finditer(self.text):
            found = stem_types(match.group())
            if not found or match.start() < conjugate_end:  # "deruxtecan" inside "zorbituzumab deruxtecan"
                continue
            label, end = found[0], match.end()
            payload = _PAYLOAD.match(self.text, end) if found[2] == MAB else None
            if payload:  # "zorbituzumab vedotin": the conjugate, not the bare antibody
                label, end = f"{label} {payload.group(1)}", payload.end()
            if self.is_new(self.text[match.start():end], match.start(), end):
                conjugate_end = end if payload else conjugate_end
                yield Sighting(label, found[2], f"stem -{found[1]}", match.start(), end, False)

    def _cued(self) -> Iterator[Sighting]:
        for regex in (_AFTER, _BEFORE):
            for match in regex.finditer(self.text):
                name = match.group("name")
                if _drug_like(name, self.trials) and self.is_new(name, match.start("name"), match.end("name")):
                    label = stem_types(name)[0] if stem_types(name) else name
                    cue = re.sub(r"\s+", " ", match.group("cue")).strip(" ,")
                    yield Sighting(label, _class_types(match), _with_article(match, cue), match.start("name"),
                                   match.end("name"), True)

    def _codes(self) -> Iterator[Sighting]:
        """Code names in apposition to a drug, known or bearing a stem."""
        for start, end, key in self._drugs():
            after = _CODE_AFTER.match(self.text[end:])
            before = _CODE_BEFORE.search(self.text[:start])
            if after:
                group = "p" if after.group("p") else "c"
                yield from self._code(after.group(group), end + after.start(group), key, "apposition after")
            if before and self.text[end:].lstrip().startswith(")"):
                yield from self._code(before.group("code"), before.start("code"), key, "apposition before")
            yield from self._brand(start, end, key)

    def _listed(self) -> Iterator[Sighting]:
        """Codes in a list that a drug opens: each is a drug of its own, unless the list gives the names one
        drug is "also called" ("Also called X, ABC-123, and Brand": the code is X's)."""
        for start, end, key in self._drugs():
            aliases = _NAMES_OF_ONE.search(self.text[:start]) is not None
            while (match := _LISTED.match(self.text, end)) is not None:
                code, start, end = match.group("name"), match.start("name"), match.end("name")
                if stem_types(code) or not _drug_like(code, self.trials) or not self.is_new(code, start, end):
                    break
                if aliases:
                    yield Sighting(code, (), f"code name, also called {key}", start, end, True, key)
                else:
                    yield Sighting(code, DRUG, f"listed after {key}", start, end, True)

    def _brand(self, start: int, end: int, drug_key: str) -> Iterator[Sighting]:
        """A brand name in apposition to the drug spanning [start, end), before or after it."""
        after = _BRAND_AFTER.match(self.text, end)
        if after:
            brand = after.group("brand")
            if not fits(re.sub(rf"{_MARK}$", "", brand), self.text[start:end]):  # "nivolumab (NIVO)": an abbreviation
                yield from self._named_brand(brand, after.start("brand"), drug_key, "apposition after")
        before, close = _BRAND_BEFORE.search(self.text, 0, start), _BRAND_CLOSE.match(self.text, end)
        if before and close and (before.group("brand") or close.group("suffix")):
            brand = before.group("brand") or before.group("titled")
            yield from self._named_brand(brand, before.start(), drug_key, "apposition before")

    def _named_brand(self, written: str, start: int, drug_key: str, how: str) -> Iterator[Sighting]:
        brand = re.sub(rf"{_MARK}$", "", written)
        if name_key(brand) in stoplisted() or brand in self.trials or names_a_trial(brand, self.document) \
                or _drug_like(brand, set()) or not self.is_new(brand, start, start + len(brand)):
            return  # a clinical abbreviation, a trial, a code name (read above) or a name already known
        yield Sighting(brand, (), f"brand name, {how} {drug_key}", start, start + len(brand), True, drug_key)

    def _code(self, code: str, start: int, drug_key: str, how: str) -> Iterator[Sighting]:
        if _drug_like(code, self.trials) and not stem_types(code) and self.is_new(code, start, start + len(code)):
            yield Sighting(code, (), f"code name, {how} {drug_key}", start, start + len(code), True, drug_key)

    def _drugs(self) -> list[tuple[int, int, str]]:
        drugs = [(s, e, k) for s, e, k in self.known if self.vocabulary[k].has_type(*DRUG_TYPES)]
        for match in _STEM_RE.finditer(self.text):
            found = stem_types(match.group())
            if found and self.is_new(match.group(), match.start(), match.end()):
                drugs.append((match.start(), match.end(), slug(found[0])))
        return sorted(drugs)


def _with_article(match: re.Match, cue: str) -> str:
    """The cue as the text gives it, with "a"/"an"/"the" when the text has one."""
    before = match.string[:match.start("cue")]
    article = re.search(r"\b(a|an|the)\s+$", before, re.IGNORECASE)
    return f"{article.group(1).lower()} {cue}" if article else cue


def recognise(doc: AnalysedDocument) -> list[Recognised]:
    """Every drug name in the document that its vocabulary does not hold: in prose from
    stems, cues and appositions; in tables, whose cells are not phrases, from stems only."""
    trials = trial_codes(doc.document.text)
    sightings: list[tuple[Sighting, tuple[int, int]]] = []
    tables = [_table_text(doc, b.start, b.end) for b in doc.blocks if b.kind == "table"]
    for sent, prose in [(s, True) for s in doc.sentences] + [(t, False) for t in tables]:
        known = [(*sent.local(m), m.key) for m in sent.mentions]
        reader = _SentenceReader(sent.text, known, doc.vocabulary, doc.finder.lookup, trials, doc.document.text)
        for sighting in reader.sightings() if prose else reader.stems():
            start, end = sent.sentence.mapped.original_span(sighting.start, sighting.end)
            if _spelled(doc.document.text[start:end], sighting.name):
                sightings.append((sighting, (start, end)))
    return _gather(sightings, doc.vocabulary)


def _spelled(original: str, name: str) -> bool:
    """Do the document's own characters spell the name?  Not so when the normaliser joined a
    word broken before a table to the first word after it.

    >>> _spelled("zorba-\\n  tinib", "zorbatinib"), _spelled("infec-\\n| a | b |\\nlotinib", "infeclotinib")
    (True, False)
    """
    return re.sub(r"[\s-]+", "", original).casefold() == re.sub(r"[\s-]+", "", name).casefold()


def _table_text(doc: AnalysedDocument, start: int, end: int) -> AnalysedSentence:
    mapped = normalize(doc.document.text[start:end], base=start)
    return AnalysedSentence(Sentence(mapped, "", -1), tuple(doc.finder.find(mapped)))


def recognise_text(text: str, vocabulary: Vocabulary) -> list[Recognised]:
    """:func:`recognise` on a free-standing text (for tests and the doctest above)."""
    from .mentions import MentionFinder
    doc = Document.from_text("text", text)
    return recognise(AnalysedDocument(doc, vocabulary, MentionFinder(vocabulary)))


def _gather(sightings: list[tuple[Sighting, tuple[int, int]]], vocabulary: Vocabulary) -> list[Recognised]:
    """One :class:`Recognised` per key; a code in apposition to a drug folds into it."""
    codes = {slug(s.name): s.synonym_of for s, _ in sightings if s.synonym_of}
    groups: dict[str, list[tuple[Sighting, tuple[int, int]]]] = {}
    for sighting, span in sightings:
        owner = sighting.synonym_of or codes.get(slug(sighting.name), "") or slug(sighting.name)
        groups.setdefault(owner, []).append((sighting, span))
    out = []
    for key, group in sorted(groups.items()):
        synonyms = _unique(s.name for s, _ in group if slug(s.name) != key)
        spans = tuple(sorted({span for _, span in group}))
        cues = tuple(sorted({s.cue for s, _ in group}))
        if key in vocabulary:
            out.append(Recognised(key, vocabulary[key].label, vocabulary[key].types, cues, synonyms, spans, True))
            continue
        label = next(s.name for s, _ in group if slug(s.name) == key)
        out.append(Recognised(key, label, reconcile([(s.types, s.strong) for s, _ in group]), cues, synonyms, spans))
    return out


def reconcile(readings: list[tuple[tuple[str, ...], bool]]) -> tuple[str, ...]:
    """The types of one name from all its readings: the text's cues decide the modality
    over the name's form; a specific modality replaces the bare "Drug".

    >>> reconcile([(("MonoclonalAntibody",), False), (("Drug",), True)])
    ('MonoclonalAntibody',)
    >>> reconcile([(("MonoclonalAntibody",), False), (("SmallMolecule", "TyrosineKinaseInhibitor"), True)])
    ('SmallMolecule', 'TyrosineKinaseInhibitor')
    """
    types = {t for found, _ in readings for t in found}
    modalities = [m for m in MODALITIES if m in types]
    if len(modalities) > 1:
        counts = {m: (sum(m in found for found, strong in readings if strong), sum(m in found for found, _ in readings))
                  for m in modalities}
        keep = max(modalities, key=lambda m: (counts[m], -MODALITIES.index(m)))
        types = {t for found, _ in readings if keep in found for t in found}
    if types - {"Drug"}:
        types.discard("Drug")
    if "SmallMolecule" not in types:
        types.discard("TyrosineKinaseInhibitor")
    return tuple(sorted(types))


def assertions(found: list[Recognised], doc: AnalysedDocument) -> Iterator[Assertion]:
    """``recognisedAs`` (new names, one per type) and ``recognisedSynonym`` (codes of known drugs)."""
    context = (("document", doc.document.doc_id),)
    for item in found:
        evidence = tuple(doc.evidence(s, e, EXTRACTOR) for s, e in item.spans)
        details = (("label", item.label),) + tuple(("cue", c) for c in item.cues) + \
            tuple(("synonym", s) for s in item.synonyms)
        if item.known:
            for synonym in item.synonyms:
                yield Assertion(item.key, SYNONYM, synonym, context, details, evidence)
            continue
        for type_name in item.types:
            yield Assertion(item.key, RECOGNISED, type_name, context, details, evidence)
