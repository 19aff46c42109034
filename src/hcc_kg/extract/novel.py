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
  "zorbatinib, also known as ABC-123": the code becomes a synonym of the drug; so does a brand
  name in capitals or with a trademark sign ("ZORVEX (zorbatinib)", "zorbatinib (Zorvex®)").

The stems, class nouns and name shapes are in :mod:`.name_cues`.

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
from typing import Iterable, Iterator

from ..model import Assertion, Document
from ..vocab import DRUG_TYPES, Entity, Vocabulary, name_key, slug
from .analysis import AnalysedDocument, AnalysedSentence
from .misspellings import misspelled_drug, misspelled_words
from .normalize import normalize
from .segment import Sentence
from .name_cues import (ADC_SHORT_RE, BRAND_AFTER, BRAND_BEFORE, BRAND_CLOSE, CELL, CELL_PRODUCT_LABEL, CELLS_AFTER, CODE,
                        CODE_AFTER, CODE_BEFORE, COORDINATED_BEFORE, CUED_AFTER, CUED_BEFORE, CUED_COUNTED, CUED_HEAD,
                        CUED_PLURAL, CUED_SYSTEMATIC, CELL_PRODUCT_KEY, DOSE_STRUCTURE, DOSED, DRUG, LISTED, MAB, MARK, MEANS, MODALITIES,
                        NAMES_OF_ONE, NOT_DRUG_CODE, PAYLOAD, RECEPTOR_BEFORE, RECEPTOR_CELLS_AFTER, STEM_RE, VARIANT,
                        class_types, drug_like, fits, initials_before, names_a_trial, stem_types, stoplisted, trial_codes)

#: What joins listed drugs: ", ", " and ", ", and ", " or ", " plus ", "+", "/".
_JOINING = re.compile(r"\s*(?:,\s*(?:(?:and|or|plus)\s+)?|(?:and|or|plus)\s+|[+/]\s*)", re.IGNORECASE)

EXTRACTOR = "novel"
#: Predicates that describe names rather than facts: they extend the vocabulary, never the graph.
RECOGNISED, SYNONYM = "recognisedAs", "recognisedSynonym"
#: A short form a document defines for itself (extract/abbreviations.py): read in that document only.
ABBREVIATION = "definedAbbreviation"
NAMING_PREDICATES = (RECOGNISED, SYNONYM, ABBREVIATION)

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
    label: str = ""  # the name the drug is known by, where the text spells it otherwise (cells named by their target)


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
        yield from self._dosed()
        yield from self._means()
        yield from self._codes()
        yield from self._listed()
        yield from self._cell_products()

    def _cell_products(self) -> Iterator[Sighting]:
        """T cells named by their receptor and the target it binds ("CAR-GPC3 T cells", "GPC3-specific CAR-T cells"):
        one product per receptor and target, whichever way the text writes it."""
        for start, end, key in self.known:
            if not self.vocabulary[key].has_type("Protein", "Gene"):
                continue
            before = RECEPTOR_BEFORE.search(self.text, max(0, start - 5), start)
            cells = CELLS_AFTER.match(self.text, end) if before else RECEPTOR_CELLS_AFTER.match(self.text, end)
            if cells is None:
                continue
            receptor = (before or cells).group("receptor")
            first, last = (before.start() if before else start), cells.end()
            name = self.text[first:last]
            label = CELL_PRODUCT_LABEL.format(receptor=receptor, target=self.vocabulary[key].label)
            product = CELL_PRODUCT_KEY.format(receptor=receptor.lower(), target=key)
            if self.is_new(name, first, last):
                yield Sighting(name, CELL, f"{receptor} T cells named by their target", first, last, True, product, label)

    def stems(self) -> Iterator[Sighting]:
        conjugate_end = -1
        for match in STEM_RE.finditer(self.text):
            found = stem_types(match.group())
            if not found or match.start() < conjugate_end:  # "deruxtecan" inside "zorbituzumab deruxtecan"
                continue
            label, end = found[0], match.end()
            payload = PAYLOAD.match(self.text, end) if found[2] == MAB else None
            if payload:  # "zorbituzumab vedotin": the conjugate, not the bare antibody
                label, end = f"{label} {payload.group(1).lower()}", payload.end()
            if self.is_new(self.text[match.start():end], match.start(), end):
                conjugate_end = end if payload else conjugate_end
                yield Sighting(label, found[2], f"stem -{found[1]}", match.start(), end, False)

    def _cued(self) -> Iterator[Sighting]:
        for regex in (CUED_AFTER, CUED_BEFORE, CUED_HEAD, CUED_COUNTED, CUED_PLURAL, CUED_SYSTEMATIC):
            for match in regex.finditer(self.text):
                name = match.group("name")
                if (drug_like(name, self.trials) or (regex is CUED_SYSTEMATIC and not NOT_DRUG_CODE.match(name))) \
                        and not VARIANT.fullmatch(name) \
                        and self.is_new(name, match.start("name"), match.end("name")):
                    label = stem_types(name)[0] if stem_types(name) else name
                    cue = re.sub(r"\s+", " ", match.group("cue")).strip(" ,")
                    yield Sighting(label, class_types(match), _with_article(match, cue), match.start("name"),
                                   match.end("name"), True)
                    if regex is CUED_COUNTED:
                        yield from self._counted_before(match, class_types(match), cue)
                    if regex is CUED_PLURAL:
                        yield from self._members_after(match.end("name"), class_types(match), cue)

    def _dosed(self) -> Iterator[Sighting]:
        """A code name right before a dose: "received ABC-123 200 mg", "randomized to ZX-PEG 20 18 mg/m2"."""
        for match in DOSED.finditer(self.text):
            name, start, end = match.group("name"), match.start("name"), match.end("name")
            if NOT_DRUG_CODE.match(name) or VARIANT.fullmatch(name) or DOSE_STRUCTURE.match(name) or name in self.trials \
                    or name_key(name) in stoplisted() or not self.is_new(name, start, end):
                continue
            yield Sighting(name, DRUG, "dose after the name", start, end, True)

    def _means(self) -> Iterator[Sighting]:
        """A code named as the means of an inhibition: "inhibition of T using ABC-123"."""
        for match in MEANS.finditer(self.text):
            name, start, end = match.group("name"), match.start("name"), match.end("name")
            if drug_like(name, self.trials) and not VARIANT.fullmatch(name) and name_key(name) not in stoplisted() \
                    and self.is_new(name, start, end):
                yield Sighting(name, DRUG, "the means of an inhibition", start, end, True)

    def _members_after(self, end: int, types: tuple[str, ...], cue: str) -> Iterator[Sighting]:
        """The codes listed after a plural cue's first member: "T inhibitors such as ABC-123, XYZ-45 and KL-90"."""
        while (match := LISTED.match(self.text, end)) is not None:
            code, start, end = match.group("name"), match.start("name"), match.end("name")
            if stem_types(code) or not drug_like(code, self.trials) or VARIANT.fullmatch(code) or not self.is_new(code, start, end):
                break
            yield Sighting(code, types, cue, start, end, True)

    def _counted_before(self, match: re.Match, types: tuple[str, ...], cue: str) -> Iterator[Sighting]:
        """"ABC-123 and XYZ-45, two T inhibitors": the count's cue also types the codes coordinated before."""
        before = COORDINATED_BEFORE.search(self.text, 0, match.start("name"))
        for code in re.finditer(CODE, before.group("names")) if before else ():
            start = before.start("names") + code.start()
            if drug_like(code.group(), self.trials) and not VARIANT.fullmatch(code.group()) \
                    and self.is_new(code.group(), start, start + len(code.group())):
                yield Sighting(code.group(), types, cue, start, start + len(code.group()), True)

    def _codes(self) -> Iterator[Sighting]:
        """Code names in apposition to a drug, known or bearing a stem."""
        for start, end, key in self._drugs():
            after = CODE_AFTER.match(self.text[end:])
            before = CODE_BEFORE.search(self.text[:start])
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
            aliases = NAMES_OF_ONE.search(self.text[:start]) is not None
            while (match := LISTED.match(self.text, end)) is not None:
                code, start, end = match.group("name"), match.start("name"), match.end("name")
                if stem_types(code) or not drug_like(code, self.trials) or not self.is_new(code, start, end):
                    break
                if aliases:
                    yield Sighting(code, (), f"code name, also called {key}", start, end, True, key)
                else:
                    yield Sighting(code, DRUG, f"listed after {key}", start, end, True)

    def _brand(self, start: int, end: int, drug_key: str) -> Iterator[Sighting]:
        """A brand name in apposition to the drug spanning [start, end), before or after it."""
        after = BRAND_AFTER.match(self.text, end)
        if after and not self._coordinated(start):  # "A, B and C (ABC)": the list's short form, no brand of C
            brand = after.group("brand")
            # "nivolumab (NIVO)": an abbreviation; "single A regular interval B (SARIB)": the words' initials, no brand
            if not fits(re.sub(rf"{MARK}$", "", brand), self.text[start:end]) \
                    and initials_before(self.text, after.start("brand"), brand) is None:
                yield from self._named_brand(brand, after.start("brand"), drug_key, "apposition after")
        before, close = BRAND_BEFORE.search(self.text, 0, start), BRAND_CLOSE.match(self.text, end)
        if before and close and (before.group("brand") or close.group("suffix")):
            brand = before.group("brand") or before.group("titled")
            yield from self._named_brand(brand, before.start(), drug_key, "apposition before")

    def _coordinated(self, start: int) -> bool:
        """Is the drug starting at ``start`` the last of drugs listed together ("A, B and C", "A plus C"), or given
        with a procedure ("TACE plus C (C-TACE)": the regimen's short form, no brand of C)?"""
        procedures = [(s, e, k) for s, e, k in self.known if self.vocabulary[k].has_type("Procedure")]
        return any(_JOINING.fullmatch(self.text, e, start) for s, e, _ in self._drugs() + procedures if e < start)

    def _named_brand(self, written: str, start: int, drug_key: str, how: str) -> Iterator[Sighting]:
        brand = re.sub(rf"{MARK}$", "", written)
        if name_key(brand) in stoplisted() or brand in self.trials or names_a_trial(brand, self.document) \
                or drug_like(brand, set()) or not self.is_new(brand, start, start + len(brand)):
            return  # a clinical abbreviation, a trial, a code name (read above) or a name already known
        yield Sighting(brand, (), f"brand name, {how} {drug_key}", start, start + len(brand), True, drug_key)

    def _code(self, code: str, start: int, drug_key: str, how: str) -> Iterator[Sighting]:
        conjugate_short = ADC_SHORT_RE.fullmatch(code) is not None  # "zorbituzumab deruxtecan (HER3-DXd)"
        if (drug_like(code, self.trials) or conjugate_short) and not stem_types(code) \
                and self.is_new(code, start, start + len(code)):
            yield Sighting(code, (), f"code name, {how} {drug_key}", start, start + len(code), True, drug_key)

    def _drugs(self) -> list[tuple[int, int, str]]:
        drugs = [(s, e, k) for s, e, k in self.known if self.vocabulary[k].has_type(*DRUG_TYPES)]
        # a conjugate is one drug: "zorbituzumab deruxtecan (ZB-DXd)" names the conjugate, not its payload
        drugs += [(found.start, found.end, slug(found.name)) for found in self.stems()]
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
    named = _named_drugs(doc)
    for sent, prose in [(s, True) for s in doc.sentences] + [(t, False) for t in tables]:
        known = [(*sent.local(m), m.key) for m in sent.mentions]
        reader = _SentenceReader(sent.text, known, doc.vocabulary, doc.finder.lookup, trials, doc.document.text)
        found = [*reader.sightings(), *_misspelled(sent.text, known, named, doc.finder.lookup)] if prose \
            else reader.stems()
        for sighting in found:
            start, end = sent.sentence.mapped.original_span(sighting.start, sighting.end)
            if _spelled(doc.document.text[start:end], sighting.name):
                sightings.append((sighting, (start, end)))
    return _gather(sightings, doc.vocabulary, named)


def _misspelled(text: str, known: list, named: dict[str, str], lookup) -> Iterator[Sighting]:
    """A word one letter from a drug the document names, its stem broken ("regorafinib"): that drug, misspelled."""
    for word, start, end, key in misspelled_words(text, named):
        if lookup(word) is None and not any(s < end and start < e for s, e, _ in known):
            yield Sighting(word, (), f"one letter from {key}", start, end, True, key)


def _named_drugs(doc: AnalysedDocument) -> dict[str, str]:
    """The names (lower case) of the vocabulary drugs the document mentions, to their keys."""
    keys = {m.key for sent in doc.sentences for m in sent.mentions
            if m.key in doc.vocabulary and doc.vocabulary[m.key].has_type(*DRUG_TYPES)}
    return {name.casefold(): key for key in sorted(keys) for name in doc.vocabulary[key].names()}


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


def _gather(sightings: list[tuple[Sighting, tuple[int, int]]], vocabulary: Vocabulary,
            named: dict[str, str] | None = None) -> list[Recognised]:
    """One :class:`Recognised` per key; a code in apposition to a drug folds into it, and so does a
    misspelling of a drug the document names (:mod:`.misspellings`)."""
    codes = {slug(s.name): s.synonym_of for s, _ in sightings if s.synonym_of}
    groups: dict[str, list[tuple[Sighting, tuple[int, int]]]] = {}
    for sighting, span in sightings:
        owner = sighting.synonym_of or codes.get(slug(sighting.name), "") \
            or misspelled_drug(sighting.name, named or {}) or slug(sighting.name)
        groups.setdefault(owner, []).append((sighting, span))
    out = []
    for key, group in sorted(groups.items()):
        synonyms = _unique(s.name for s, _ in group if slug(s.name) != key)
        spans = tuple(sorted({span for _, span in group}))
        cues = tuple(sorted({s.cue for s, _ in group}))
        if key in vocabulary:
            out.append(Recognised(key, vocabulary[key].label, vocabulary[key].types, cues, synonyms, spans, True))
            continue
        label = next((s.name for s, _ in group if slug(s.name) == key), None) \
            or next((s.label for s, _ in group if s.label), group[0][0].name)
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
