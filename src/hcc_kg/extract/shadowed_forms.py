"""Short forms a document defines for a phrase of its own, which the vocabulary gives to an entity.

"multi-targeted agents (MTAs)": from there on the document's "MTA" is its class of agents,
not the drug the lexicon also calls MTA.  A short form in brackets whose letters are the initials
of the words right before it (hyphenated parts count as words), the vocabulary's name of a drug, defined where the sentence names
neither that entity nor any other right before the bracket ("pemetrexed (MTA)" is the
vocabulary's own alias, "pemetrexed, a multitargeted antifolate (MTA)" names the drug), is
read as no entity in that document: the finder drops those mentions (:class:`ShadowingFinder`).

>>> initials_fit("MTA", "the use of multi-targeted agents"), initials_fit("MTA", "the use of many agents")
(True, False)
"""

from __future__ import annotations

import re

from ..model import Mention
from ..vocab import DRUG_TYPES, name_key
from .analysis import AnalysedDocument, LayeredFinder
from .mentions import MentionFinder
from .normalize import MappedText

# "(MTAs)", "(MTA)": two to six capitals and digits, a plural "s" allowed.
_BRACKETED = re.compile(r"\((?P<short>[A-Z][A-Z0-9]{1,5})s?\)")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")


def initials_fit(short: str, before: str) -> bool:
    """Are the short form's letters the initials of the last words (and hyphenated parts) of ``before``?"""
    words = _WORD.findall(before)
    n = len(short)
    return len(words) >= n and "".join(w[0] for w in words[-n:]).casefold() == short.casefold()


def shadowed(doc: AnalysedDocument) -> frozenset[str]:
    """The name keys of short forms the document defines for a phrase of its own, which the vocabulary names an
    entity by (none the sentence names)."""
    found = set()
    for sent in doc.sentences:
        for m in _BRACKETED.finditer(sent.text):
            short = m.group("short")
            owner = doc.finder.lookup(short)
            before = sent.text[max(0, m.start() - 80):m.start()]
            named = {mention.key for mention in sent.mentions if sent.local(mention)[1] <= m.start()}
            right_before = any(m.start() - sent.local(mention)[1] <= 2 for mention in sent.mentions
                               if sent.local(mention)[1] <= m.start())
            if owner is not None and _is_drug(doc, owner) and owner not in named and not right_before \
                    and initials_fit(short, before.rstrip()):
                found.add(name_key(short))
    return frozenset(found)


def _is_drug(doc: AnalysedDocument, key: str) -> bool:
    """Only a drug's lexicon alias is shadowed: a target's, an endpoint's or an agency's short form spelled out
    ("rapidly accelerated fibrosarcoma (RAF)", "time to progression (TTP)") is that entity's own long form."""
    return key in doc.vocabulary and any(doc.vocabulary[key].has_type(t) for t in DRUG_TYPES)


class ShadowingFinder:
    """A finder that finds no mention of the shadowed short forms (or their plurals); same interface as
    :class:`MentionFinder`."""

    def __init__(self, base: MentionFinder | LayeredFinder, keys: frozenset[str]):
        self.base, self.keys = base, keys
        self.vocabulary = base.vocabulary

    def _shadowed(self, surface: str) -> bool:
        key = name_key(surface)
        return key in self.keys or (key.endswith("s") and key[:-1] in self.keys)

    def lookup(self, surface: str) -> str | None:
        return None if self._shadowed(surface) else self.base.lookup(surface)

    def find(self, mapped: MappedText) -> list[Mention]:
        return [m for m in self.base.find(mapped) if not self._shadowed(m.surface)]

    def find_text(self, text: str) -> list[Mention]:
        return [m for m in self.base.find_text(text) if not self._shadowed(m.surface)]


def reread(doc: AnalysedDocument) -> AnalysedDocument:
    """The document read without the short forms it defines for phrases of its own (itself when it defines none)."""
    keys = shadowed(doc)
    return doc.reread(doc.vocabulary, ShadowingFinder(doc.finder, keys)) if keys else doc  # type: ignore[arg-type]
