"""The trial names a document writes, grouped by the aliases it gives: one index per document.

Read once per document (:func:`name_index`) by the abstract reader and by the approval basis,
so a trial named in a result sentence and in an approval's basis meet in one node. A title
that is only a name ("ZETA-7" heading a trial card) is a name too.
"""

from __future__ import annotations

import re
from typing import Callable

from .analysis import AnalysedDocument, AnalysedSentence
from .normalize import normalize
from .trial_names import TrialName, aliases, footnoted, title_name, trial_names
from .trial_slots import NameIndex, Span
from .trials import trial_key


# A capitalised word the vocabulary knows only as another name of a generated protein entry (an HGNC alias
# symbol that is also a word: "APOLLO" for DCLRE1B; merging the lexicon lists such symbols as exact-case
# names) is free to name a trial; a protein's own symbol ("EGFR"), a drug, a curated target or a curated
# synonym ("RANKL") is not.
ALIAS_WORD_RE = re.compile(r"[A-Z]{5,}")


def _is_entity(doc: AnalysedDocument, sent: AnalysedSentence):
    spans = [sent.local(m) for m in sent.mentions]

    def check(name: str) -> bool:
        if _alias_word(doc, name):
            return False
        at = sent.text.find(name)
        # an entity covering the whole word ("PD-L1"); a name only containing one is still a name ("METIV-HCC")
        overlaps = at >= 0 and any(s <= at and at + len(name) <= e for s, e in spans)
        return overlaps or doc.finder.lookup(name) is not None
    return check


def _alias_word(doc: AnalysedDocument, name: str) -> bool:
    """Is ``name`` a word-like alias of a generated protein entry, not its symbol (see ALIAS_WORD_RE)?"""
    key = ALIAS_WORD_RE.fullmatch(name) and doc.finder.lookup(name)
    entity = doc.vocabulary[key] if key else None
    return (entity is not None and tuple(entity.types) == ("Protein",) and entity.label != name
            and name in entity.exact_case)


def names_in(doc: AnalysedDocument, sent: AnalysedSentence, confirmed: frozenset[str]) -> list[TrialName]:
    """The trial names in one sentence (``confirmed``: keys the document elsewhere writes as names), read once."""
    return list(doc.once(("trial-names", sent, confirmed),
                         lambda: tuple(trial_names(sent.text, _is_entity(doc, sent), confirmed, trial_key))))


def name_index(doc: AnalysedDocument) -> NameIndex:
    """Every spelling of each trial the document names, grouped by the aliases it gives (made once per document)."""
    return doc.once("trial-name-index", lambda: _name_index(doc))


def sentence_trial_names(doc: AnalysedDocument, sent: AnalysedSentence, index: NameIndex) -> list[TrialName]:
    """The trial names in one sentence, the document's confirmed names among them."""
    return names_in(doc, sent, index.confirmed)


def _name_index(doc: AnalysedDocument) -> NameIndex:
    confirmed = frozenset(trial_key(n.name) for s in doc.sentences for n in names_in(doc, s, frozenset()))
    confirmed |= title_trial_key(doc) | _heading_names(doc)
    confirmed = frozenset(k for k in confirmed if footnoted(k, confirmed) is None)  # "LEAP-0025": "LEAP-002" [5]
    groups: dict[str, set[str]] = {}
    spelled: dict[str, TrialName] = {}
    for sent in doc.sentences:
        names = names_in(doc, sent, confirmed)
        for n in names:
            spelled.setdefault(trial_key(n.name), n)
            groups.setdefault(trial_key(n.name), {trial_key(n.name)})
        for a, b in aliases(sent.text, names):
            _same_trial(groups, trial_key(a.name), trial_key(b.name))
    if (card := _card_alias(doc, confirmed)) is not None:
        titled, registered = card
        spelled.setdefault(trial_key(titled.name), titled)
        groups.setdefault(trial_key(titled.name), {trial_key(titled.name)})
        _same_trial(groups, trial_key(titled.name), trial_key(registered))
    preferred = {key: trial_key(_preferred([spelled[k] for k in group]).name) for key, group in groups.items()}
    return NameIndex(preferred)


HEADING_LENGTH = 150  # characters: a line this short, ending in no stop, may head a section


def _heading_names(doc: AnalysedDocument) -> frozenset[str]:
    """The keys of names a heading writes with its trial word ("Safety and the ZETA-7 Study"): a heading is no
    sentence, yet it shows a name is a trial's as a sentence would."""
    lines = [line.strip() for line in doc.document.text.splitlines()]
    heads = [line for line in lines if 0 < len(line) <= HEADING_LENGTH and line[-1] not in ".!?:;,"]
    return frozenset(trial_key(n.name) for line in heads
                     for n in trial_names(normalize(line).text, _in_vocabulary(doc), frozenset(), trial_key))


def _same_trial(groups: dict[str, set[str]], a: str, b: str) -> None:
    """Merge the groups of spellings of ``a`` and ``b``: two names of one trial."""
    merged = groups[a] | groups[b]
    for key in merged:
        groups[key] = merged


CARD_REACH = 3  # sentences after a trial card's title that may register its trial ("Type: Phase III trial (NCT...)")


def _card_alias(doc: AnalysedDocument, confirmed: frozenset[str]) -> tuple[TrialName, str] | None:
    """A trial card: a title naming one trial ("NAME Trial Summary"), then, in the first sentences and before any
    other name, the document's only registry number, in a sentence naming no other trial: one trial's two names."""
    title = document_title(doc)
    if title is None or not doc.sentences:
        return None
    # (the title's dashes unified, as a sentence's are)
    titled = trial_names(normalize(title[0]).text, _in_vocabulary(doc), confirmed, trial_key)
    if len(titled) != 1 or titled[0].kind == "nct":
        return None
    registered = {n.name for s in doc.sentences for n in names_in(doc, s, confirmed) if n.kind == "nct"}
    if len(registered) != 1:
        return None
    for sent in doc.sentences[:CARD_REACH]:
        names = names_in(doc, sent, confirmed)
        if any(n.kind != "nct" and trial_key(n.name) != trial_key(titled[0].name) for n in names):
            return None
        if any(n.kind == "nct" for n in names):
            return titled[0], next(iter(registered))
    return None


def title_trial_key(doc: AnalysedDocument) -> frozenset[str]:
    """The key of the trial the document's title alone names ("ZETA-7" heading a trial card)."""
    title = document_title(doc)
    name = title and title_name(title[0], [s.text for s in doc.sentences], _in_vocabulary(doc), trial_key)
    return frozenset({trial_key(name)}) if name else frozenset()


def _in_vocabulary(doc: AnalysedDocument) -> Callable[[str], bool]:
    """Is a name one the vocabulary knows (so no trial's), as a title, outside any sentence, is checked?"""
    return lambda name: doc.finder.lookup(name) is not None


def document_title(doc: AnalysedDocument) -> tuple[str, Span] | None:
    """The document's first line (a heading or a sentence) and its span."""
    if doc.title is None:
        return None
    text, start, end = doc.title
    return text, (start, end)


def _preferred(names: list[TrialName]) -> TrialName:
    """An acronym over a sponsor's study number ("Study 309", "ALTN-AK105-III-02": two numbers or more), a study
    number over a registry number.

    >>> _preferred([TrialName("ALTN-AK105-III-02", 0, 17), TrialName("APOLLO", 18, 24)]).name
    'APOLLO'
    """
    return min(names, key=lambda n: (n.kind == "nct", n.name.startswith("Study"), len(re.findall(r"\d+", n.name)) > 1,
                                     n.name))
