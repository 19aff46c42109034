"""One pass of segmentation and mention finding per document, shared by every extractor."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Callable, Hashable, TypeVar

from ..model import Document, Evidence, Mention
from ..vocab import Vocabulary
from .expansion import Expansion, expand
from .mentions import MentionFinder
from .glued_names import with_glued_names_apart
from .normalize import MappedText, normalize, repeated_codes, with_glued_crosses, without_glued_footnotes
from .segment import Block, Sentence, blocks, sentences

T = TypeVar("T")


@dataclass(frozen=True)
class AnalysedSentence:
    """A sentence with the vocabulary mentions inside it (offsets in the document)."""

    sentence: Sentence
    mentions: tuple[Mention, ...]

    def __hash__(self) -> int:
        """Worked out once: a sentence keys the readings memoised per sentence (:meth:`AnalysedDocument.once`),
        and hashing it again hashes every character's offset."""
        known = self.__dict__.get("_hash")
        if known is None:
            known = hash((self.sentence, self.mentions))
            object.__setattr__(self, "_hash", known)
        return known

    def __getstate__(self) -> dict:
        """A copy in another process hashes its strings anew: the remembered hash stays behind."""
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}

    @property
    def text(self) -> str:
        return self.sentence.text

    def local(self, mention: Mention) -> tuple[int, int]:
        """A mention's span in the flattened sentence text.  Where a name read through a short form shares
        its original character with the glue after it ("PIAF" read as "cisplatin plus ..."), the span is
        narrowed to the mention's own text (its surface, as found)."""
        offsets = self.sentence.mapped.offsets
        start = bisect_left(offsets, mention.start)  # offsets never decrease
        end = bisect_left(offsets, mention.end, 0, len(offsets) - 1)
        if self.text[start:end] != mention.surface:
            found = self.text.find(mention.surface, start, end)
            if found >= 0:
                return found, found + len(mention.surface)
        return start, end


class LayeredFinder:
    """A vocabulary's finder plus a small one for names a document adds (:mod:`.novel`).

    The base finder's mentions win, except where an added name covers one of them whole
    (longest match, as within one finder), or, with ``added_wins_ties``, covers exactly the
    same characters (a document's own abbreviation over a generated symbol).  Same interface
    as :class:`MentionFinder`.
    """

    def __init__(self, base: MentionFinder, added: MentionFinder, added_wins_ties: bool = False):
        self.base, self.added = base, added
        self.added_wins_ties = added_wins_ties
        self.vocabulary = added.vocabulary
        self._text_cache: dict[str, list[Mention]] = {}

    def lookup(self, surface: str) -> str | None:
        if self.added_wins_ties:
            return self.added.lookup(surface) or self.base.lookup(surface)
        return self.base.lookup(surface) or self.added.lookup(surface)

    def find(self, mapped: MappedText) -> list[Mention]:
        base, added = self.base.find(mapped), self.added.find(mapped)
        tie = 0 if self.added_wins_ties else 1
        kept = [m for m in base if not any(a.start <= m.start and m.end <= a.end
                                           and (a.end - a.start) - (m.end - m.start) >= tie for a in added)]
        extra = [a for a in added if all(a.end <= m.start or a.start >= m.end for m in kept)]
        return sorted(kept + extra)

    def find_text(self, text: str) -> list[Mention]:
        if text not in self._text_cache:
            self._text_cache[text] = self.find(normalize(text))
        return self._text_cache[text]


# A web address inside prose ("see https://example.org/a-plus-b-approved"): the words of its slug name nothing.
ADDRESS_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def outside_addresses(text: MappedText, mentions: list[Mention]) -> tuple[Mention, ...]:
    """The mentions that do not lie inside a web address of the text."""
    addresses = [text.original_span(*m.span()) for m in ADDRESS_RE.finditer(text.text)]
    return tuple(m for m in mentions if not any(start <= m.start and m.end <= end for start, end in addresses))


_FIRST_LINE = re.compile(r"[^\r\n]*\S[^\r\n]*")  # the first line with something on it


@dataclass
class AnalysedDocument:
    """A document as the extractors read it: its blocks and sentences, mentions, vocabulary and finder (computed once each)."""

    document: Document
    vocabulary: Vocabulary
    finder: MentionFinder | LayeredFinder
    #: Short forms the document defines for phrases (:mod:`.regimen_abbreviations`), read as those phrases.
    expansions: tuple[Expansion, ...] = ()

    @cached_property
    def blocks(self) -> list[Block]:
        return blocks(self.document.text)

    @cached_property
    def title(self) -> tuple[str, int, int] | None:
        """The document's first line with text on it, stripped, and its span (found with one search: a document may
        be millions of characters long); None for a blank document.

        >>> from hcc_kg.vocab import Vocabulary
        >>> doc = AnalysedDocument(Document.from_text("d", "\\n  Foonib: a profile \\r\\nBody."), Vocabulary([]), None)
        >>> doc.title
        ('Foonib: a profile', 3, 20)
        """
        line = _FIRST_LINE.search(self.document.text)
        if line is None:
            return None
        start = line.start() + len(line.group()) - len(line.group().lstrip())
        text = line.group().strip()
        return text, start, start + len(text)

    def reread(self, vocabulary: Vocabulary, finder: MentionFinder | LayeredFinder) -> "AnalysedDocument":
        """The same document read with another vocabulary (its segmentation into blocks reused)."""
        other = AnalysedDocument(self.document, vocabulary, finder, self.expansions)
        if "blocks" in self.__dict__:
            other.__dict__["blocks"] = self.blocks
        return other

    def expanded(self, expansions: tuple[Expansion, ...]) -> "AnalysedDocument":
        """The same document with more short forms read as what they stand for."""
        other = AnalysedDocument(self.document, self.vocabulary, self.finder, self.expansions + expansions)
        if "blocks" in self.__dict__:
            other.__dict__["blocks"] = self.blocks
        return other

    @cached_property
    def sentences(self) -> list[AnalysedSentence]:
        prose = [b for b in self.blocks if b.kind == "prose"]
        lookup, codes = self.finder.lookup, repeated_codes(self.document.text)
        read = [replace(s, mapped=expand(with_glued_crosses(without_glued_footnotes(s.mapped, lookup, codes), lookup),
                                         self.expansions))
                for s in sentences(self.document.text, prose)]
        return [AnalysedSentence(sentence, outside_addresses(sentence.mapped, self.finder.find(sentence.mapped)))
                for sentence in read]

    @cached_property
    def sentence_ends(self) -> list[int]:
        """Where each sentence ends in the document (original offsets, in order: for bisecting)."""
        return [s.sentence.mapped.original_span(0, len(s.text))[1] for s in self.sentences]

    def sentence_at(self, offset: int) -> int:
        """The index of the sentence holding the document offset (the number of sentences that end at or before it;
        ``len(self.sentences)`` past the last)."""
        return bisect_right(self.sentence_ends, offset)

    def sentence_before(self, sent: "AnalysedSentence") -> "AnalysedSentence | None":
        """The document's sentence right before ``sent`` (which may be a reading of it with words replaced); None
        for the first."""
        index = self.sentence_at(sent.sentence.mapped.original_span(0, len(sent.text))[0])
        return self.sentences[index - 1] if 0 < index <= len(self.sentences) else None

    def once(self, name: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, made on the first call with ``name`` and remembered for this reading of the
        document: whole-document facts an extractor asks for once per trial or per sentence, or a
        sentence's reading many readers ask for (``name`` then holds the sentence: ``("agents", sent, ...)``).

        >>> doc = AnalysedDocument(Document.from_text("d", "text"), Vocabulary([]), None)
        >>> calls = []
        >>> [doc.once("n", lambda: calls.append(1) or len(calls)) for _ in range(3)], calls
        ([1, 1, 1], [1])
        """
        memo = self.__dict__.setdefault("_once", {})
        if name not in memo:
            memo[name] = compute()
        return memo[name]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions inside one span of the document (a table cell, a row), at original offsets."""
        text = expand(with_glued_names_apart(normalize(self.document.text[start:end], base=start), self.finder.lookup),
                      self.expansions)
        return list(outside_addresses(text, self.finder.find(text)))

    def evidence(self, start: int, end: int, extractor: str) -> Evidence:
        return Evidence(self.document.doc_id, start, end, extractor)

    def keys_of_type(self, mentions: tuple[Mention, ...] | list[Mention], *types: str) -> list[Mention]:
        return [m for m in mentions if self.vocabulary[m.key].has_type(*types)]

    @cached_property
    def main_disease(self) -> str | None:
        """The disease the document names most often (ties: first named)."""
        counts: dict[str, int] = {}
        for sent in self.sentences:
            for m in self.keys_of_type(sent.mentions, "Disease"):
                counts[m.key] = counts.get(m.key, 0) + 1
        return max(counts, key=lambda k: counts[k]) if counts else None
