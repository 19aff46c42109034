"""Undo PDF-conversion artefacts while keeping a map back to original offsets.

Every rewrite goes through :meth:`MappedText.sub`, which records, for each character of
the new text, the offset of the original character it came from.  Extractors match on
clean text and report spans in the original document, so evidence always reads back.

>>> m = normalize("pembrolizu-\\nmab and PD-\\nL1 at 0.55\\u20130.87")
>>> m.text
'pembrolizumab and PD-L1 at 0.55-0.87'
>>> s, e = m.original_span(0, 13)
>>> (s, e)
(0, 15)
>>> normalize("Thirty-six percent and nine per cent").text
'36% and 9%'
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Iterable, Union

from .spelled_numbers import SPELLED_COUNT_RE, SPELLED_PERCENT_RE, digits

Replacement = Union[str, Callable[[re.Match], str]]

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_DASH_RE = re.compile(f"[{DASHES}]")
# A dash that sets off an aside ("X\u2014a T inhibitor\u2014was", "X \u2013 a T inhibitor \u2013 was") reads as a
# comma: an em dash between letters (or after a closing bracket: "X (CODE)\u2014a T inhibitor\u2014"), or an
# en/em dash (or a hyphen typed for one: "X - an inhibitor of T") with a space each side, an em dash so also after a
# closing bracket ("X (brand: Y) \u2014 an inhibitor of T").  At a digit a dash is a
# range ("VEGFR1\u20133", "0.52 \u2013 0.85") and unspaced en dashes join words ("anti\u2013PD-1"): those stay dashes.
# ... and a dash whose spaces a copy lost before a word that opens an aside ("its targets-namely, A and B", "its
# targets—namely A"): a comma and a space.
_GLUED_ASIDE_DASH_RE = re.compile(r"(?<=[a-z])[-–—](?=(?:namely|including|notably|especially|particularly)\b)")
_ASIDE_DASH_RE = re.compile(r"(?:(?<=[^\W\d_])|(?<=[)\]]))[\u2014\u2015](?=[^\W\d_])|(?<=[^\W\d_)\]] )[\u2013\u2014\u2015-](?= [^\W\d_(])|(?<=[)\]] )[\u2014\u2015](?= [^\W\d_(])")
# A word broken across a line end: lower-case letters both sides -> join without the hyphen.
# Common second halves of hyphenated compounds ("sorafenib-experienced") keep the hyphen.
_COMPOUND_TAILS = r"(?:experienced|resistant|refractory|related|based|naive|free|induced|mediated|associated|targeted)\b"
_SOFT_HYPHEN_RE = re.compile(r"(?<=[a-z])-[ \t]*(?:\r?\n[ \t]*)+(?=[a-z])(?!" + _COMPOUND_TAILS + ")")
# A text copied from a PDF whose line ends became spaces keeps the breaks' hyphens before a space ("the kinase ac-
# tivities of"): where a paragraph (what is normalised at once) has several, each lower-case one is joined the same
# way.  Suspended compounds ("first- and second-line", "low- to intermediate-risk") are not breaks.
_SPACED_BREAK_RE = re.compile(r"(?<=[a-z])- (?=[a-z])(?!(?:and|or|nor|to|versus|vs|than|through|but|as|then)\b)(?!"
                              + _COMPOUND_TAILS + ")")
MIN_SPACED_BREAKS = 3  # one or two may be a compound written with a stray space
# Any other hyphen at a line end (PD-\nL1, anti-\nVEGF): keep the hyphen, drop the break.
_HARD_HYPHEN_RE = re.compile(r"(?<=\S)-[ \t]*(?:\r?\n[ \t]*)+(?=\S)")
# every space a web page or a typesetter prints (no-break, thin, narrow no-break, ideographic) is a space
_SPACES_RE = re.compile(r"[ \t\r\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Inline formatting tags left in plain text by a page copied as its source ("(<i>n</i> = 38)", "<b>Methods:</b>"):
# read as the words they format (a line break as a space).  Other markup is not read here.
_INLINE_TAG_RE = re.compile(r"</?(?:i|b|em|strong|u|sup|sub|span|small|font|br)\b[^<>]{0,200}>", re.IGNORECASE)
# Characters that print nothing, left inside words by web pages and typesetters (a soft hyphen, a zero-width space or
# joiner, a word joiner, a byte order mark mid-text): "sora\u00adfenib" is sorafenib.
_INVISIBLE_RE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]+")
# An apostrophe a copy could not encode, printed as a question mark or the replacement character ("investigator?s
# choice", "don\ufffdt"): only between a word's letters and a contraction's or possessive's ending.
_LOST_APOSTROPHE_RE = re.compile(r"(?<=[A-Za-z])[?\ufffd](?=(?:s|t|re|ll|ve|d|m)\b)")
# HTML character references left in plain text by a page saved or scraped as text ("A &amp; B", "&#8805;65 years"):
# read as the characters they stand for (an unknown name stays as written).
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# A reference number glued after a word's punctuation ("antibody,5 was", "(HCC).1 The"): pages
# copied from the web keep their footnote numbers; a value never follows a letter that way.
# (A count a comma is glued to, as Chinese journals print it, stays: "In total,96 patients were enrolled".)
# ... or after a year's full stop before the next sentence ("approved in 2007.6,7 In the last"): no value reads so.
_FOOTNOTE_AFTER_STOP_RE = re.compile(r"(?:(?<=[A-Za-z)\]])[.,;:]|(?<=\b(?:19|20)\d\d)\.(?=[\d,\u2013-]+\s+[A-Z][a-z]))(?P<ref>\d{1,2}(?:[,\u2013-]\d{1,2})*)(?=\s+[A-Za-z(]|\s*$)"
                                     r"(?!\s+(?:patients|participants|subjects|cases|pts|people|months?|weeks?|years?|days?)\b)")
# ... or glued to a lower-case word that ends a line (a news page's headline or bullet: "... with the comparator arm1"):
# a count or a name never ends a line so.
_FOOTNOTE_AT_LINE_END_RE = re.compile(r"\b[a-z]{3,}(?P<ref>\d{1,2})(?=[ \t]*$)", re.MULTILINE)
# A number glued to a word ("lenvatinib1", "OS1"): a reference when the word is a name and the
# whole is not ("VEGFR1", "PD1" are names).  Needs the vocabulary: see :func:`without_glued_footnotes`.
_GLUED_NUMBER_RE = re.compile(r"\b(?P<word>[A-Za-z][A-Za-z-]*[A-Za-z])(?P<ref>\d{1,2})\b")
# A time point spelled out ("Twelve-month OS", "at two years") reads as its digits ("12-month", "at 2 years"),
# the form every reader of values and time points matches.
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18, "twenty-four": 24,
                "thirty": 30, "thirty-six": 36, "forty-eight": 48, "sixty": 60}
# Chinese journals' English abstracts print ASCII punctuation in its full-width forms ("\uff08", "\uff1a", "\uff1b",
# "\uff1c") and ranges with a tilde ("0.61~0.83", "5\u301c10"): read as the ASCII forms every reader matches (a
# full-width comma, colon or semicolon is followed by no space, so one is added).
_FULLWIDTH_RE = re.compile("[\uff01-\uff5e]")
_RANGE_TILDE_RE = re.compile(r"(?<=\d)\s*[~\u301c]\s*(?=[.\u00b7]?\d)")
# ... and glue sentences and brackets to the words beside them ("with TACE.Methods In", "the A group(n=60)or the B
# group(n=58)"): a space goes back where the sentence reader and the arm readers expect one.  Only a point between
# two words of letters (not "p.Val600Glu" or "U.S."), only a bracket opening a count, ratio or statistic, only a
# bracket closed before a joining word.
_GLUED_STOP_RE = re.compile(r"(?:(?<=[A-Za-z]{2})|(?<=[)\]%]))(?<!www)\.(?=[A-Z][a-z]{2})")
# ... and a structured abstract's section label glued to the sentence it heads, as a journal page copied as text
# runs them ("Background & aimsA is ...", "patients.MethodsA was given"): the label gets its colon and space back,
# the form the section readers match.  Only a label opening the text, a line or a sentence, before a capital.
_GLUED_LABEL_RE = re.compile(r"(?:^|(?<=[.!?] ))(?:Background(?:\s*(?:&|and)\s*[Aa]ims?)?|Aims?|Purpose|Objectives?|"
                             r"Introduction|Context|Methods|(?:Patients|Materials)\s+and\s+[Mm]ethods|Results|Findings|"
                             r"Conclusions?|Interpretation)(?=[A-Z](?:[a-z]|\s))", re.MULTILINE)
# ... and a dose glued to its drug's name ("regorafenib160 mg"): a space goes between the name and the dose.
_GLUED_DOSE_RE = re.compile(r"(?<=[a-z]{5})\d(?=\d*(?:\.\d+)?\s?(?:mg|mcg|µg|g)\b)")
_GLUED_OPEN_RE = re.compile(r"(?<=[a-z]{2})\((?=\s*(?:n\s*=|\d|HR\b|(?-i:P)\s*[<=>]|95\s*%))", re.IGNORECASE)
# ... also a joining word glued to the number after it ("4.4 months and13.7 months", "12.1 vs9.8 months")
_GLUED_CLOSE_RE = re.compile(r"(?<=[)\]])(?=(?:or|and|vs|versus|respectively|were|was|with|in)\b)|"
                             r"(?-i:(?:(?<=\band)|(?<=\bor)|(?<=\bvs)|(?<=\bversus)|(?<=\bto))(?=\d))", re.IGNORECASE)
# ... also the first of two time points sharing their unit ("Six- and 12-month PFS rates", "one or two years")
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_SPELLED_TIME_RE = re.compile(rf"\b(?P<n>{_NUMBER_WORD})(?=[- ](?:months?|years?|weeks?|days?)\b|"
                              rf"-?\s+(?:and|or|to)\s+(?:\d+|{_NUMBER_WORD})[- ](?:months?|years?|weeks?|days?)\b)",
                              re.IGNORECASE)


@dataclass(frozen=True)
class MappedText:
    """Text plus, for each character, its offset in the original document.

    ``offsets`` has one more entry than ``text``: the original offset just past the end.
    """

    text: str
    offsets: tuple[int, ...]

    @classmethod
    def identity(cls, text: str, base: int = 0) -> "MappedText":
        return cls(text, tuple(range(base, base + len(text) + 1)))

    def sub(self, pattern: re.Pattern, repl: Replacement) -> "MappedText":
        """Like ``pattern.sub``; same-length replacements map 1:1, others to the match start."""
        if pattern.search(self.text) is None:  # most of normalize's patterns find nothing: skip the splice's set-up
            return self

        def edit(match: re.Match) -> tuple[int, int, str]:
            new = repl(match) if callable(repl) else match.expand(repl) if "\\" in repl else repl
            return match.start(), match.end(), new
        return self._splice(edit(m) for m in pattern.finditer(self.text))

    def drop(self, pattern: re.Pattern, group: str, keep: Callable[[re.Match], bool] = lambda m: False) -> "MappedText":
        """Delete the named group of every match (unless ``keep`` says otherwise); the rest keeps its offsets."""
        return self._splice((m.start(group), m.end(group), "") for m in pattern.finditer(self.text) if not keep(m))

    def insert_after(self, pattern: re.Pattern, new: str) -> "MappedText":
        """``new`` put after every match; it maps to the character that follows, the rest keeps its offsets."""
        return self._splice((m.end(), m.end(), new) for m in pattern.finditer(self.text))

    def insert_at(self, positions: Iterable[int], new: str) -> "MappedText":
        """``new`` put before each position (in order); it maps to the character that follows."""
        return self._splice((at, at, new) for at in positions)

    def _splice(self, edits: Iterable[tuple[int, int, str]]) -> "MappedText":
        """The text with each (start, end, new) span replaced, in order and not overlapping."""
        edits = list(edits)
        if not edits:
            return self
        parts: list[str] = []
        last = 0
        for start, end, new in edits:
            parts += (self.text[last:start], new)
            last = end
        parts.append(self.text[last:])
        if all(len(new) == end - start for start, end, new in edits):  # each character keeps its offset
            return MappedText("".join(parts), self.offsets)
        offsets: list[int] = []
        last = 0
        for start, end, new in edits:
            offsets.extend(self.offsets[last:start])
            offsets.extend(self.offsets[start:end] if len(new) == end - start else [self.offsets[start]] * len(new))
            last = end
        offsets.extend(self.offsets[last:])
        return MappedText("".join(parts), tuple(offsets))

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original half-open span covering normalized characters ``[start, end)``."""
        if start >= end:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1

    def slice(self, start: int, end: int) -> "MappedText":
        """A sub-text that still maps to the original document."""
        return MappedText(self.text[start:end], self.offsets[start:end] + (self._end_offset(end),))

    def _end_offset(self, end: int) -> int:
        return self.offsets[end - 1] + 1 if end > 0 else self.offsets[0]


def from_pieces(pieces: list[tuple[int, str]]) -> MappedText:
    """Join non-contiguous pieces of a document (offset, text) into one mapped text."""
    text = "".join(piece for _, piece in pieces)
    offsets = [o + i for o, piece in pieces for i in range(len(piece))]
    end = pieces[-1][0] + len(pieces[-1][1]) if pieces else 0
    return MappedText(text, tuple(offsets) + (end,))


# A PDF's "=" extracted as "5" ("n 5 82", "P 5 .03", "HR 5 0.72"): a count or a statistic can follow no "5" so.
_EQUALS_AS_FIVE_RE = re.compile(r"\b(?P<k>[nN](?= 5 \d)|(?:[pP]|HR)(?= 5 0?\.\d)) 5 ")
# Statistics written out for screen readers ("the A arm (n equals 197)", "the P-value equaled 0.020"): the symbol
# every reader matches.
_SPOKEN_EQUALS_RE = re.compile(r"(?<=\b[nNpP])\s+equal(?:s|ed)?\s+(?=[<>]?\s*\d|\.\d)|(?<=\b[pP]-value)\s+equal(?:s|ed)?\s+(?=\d|\.\d)")
# ... "36.8 percent" is 36.8%, and "0.71 with a 95 percent confidence interval of 0.53 to 0.95" is "0.71 (95% CI
# 0.53-0.95)", the interval bracketed as the readers of values expect it.
_PERCENT_WORD = r"(?:%|\s?percent\b|\s?per\s+cent\b)"
_SPOKEN_INTERVAL_RE = re.compile(rf"\bwith\s+an?\s+(?P<level>\d{{2}}(?:\.\d+)?){_PERCENT_WORD}\s+confidence\s+interval\s+(?:of|from)\s+"
                                 rf"(?P<a>-?\d+(?:\.\d+)?)(?:{_PERCENT_WORD})?\s+to\s+(?P<b>-?\d+(?:\.\d+)?)"
                                 rf"(?P<unit>{_PERCENT_WORD}|\s+months?\b)?", re.IGNORECASE)
# A family's abbreviation in brackets with the member's number after them: "vascular endothelial growth factor
# receptor (VEGFR)-2", "programmed death [PD]-1" name VEGFR-2 and PD-1.
_BRACKETED_ABBREVIATION_NUMBER_RE = re.compile(r"[(\[](?P<abbr>[A-Z][A-Za-z]{1,8})[)\]]-(?=\d\b)")
_SPOKEN_PERCENT_RE = re.compile(r"(?<=\d)\s?(?:percent|per\s+cent)\b", re.IGNORECASE)


# Words an editor put in square brackets into a quotation ("improved [median overall] survival", "the [follow-up]
# analysis"): read as the text's own words (lower-case words only: "X [anti-T]", "[HCC]", "[12]" keep theirs).
_EDITORIAL_INSERTION_RE = re.compile(r"\[(?!anti\b|anti-)(?P<words>[a-z][a-z-]*(?: [a-z][a-z-]*){0,4})\]")


def _bracketed_interval(m: re.Match) -> str:
    unit = m.group("unit") or ""
    unit = "%" if unit and not unit.strip().lower().startswith("month") else unit
    return f"({m.group('level')}% CI {m.group('a')}-{m.group('b')}{unit})"


def normalize(text: str | MappedText, base: int = 0) -> MappedText:
    """Join hyphenated line breaks (also those a PDF copy left as "ac- tivities", when the text has several),
    read an aside's dashes as commas and unify the others, fold
    runs of spaces (newlines are kept), drop reference numbers after a word's punctuation
    ("antibody,5 was" -> "antibody, was"), read a time point spelled out as digits.

    >>> normalize("Twelve-month and two-year OS rates; one patient").text
    '12-month and 2-year OS rates; one patient'
    >>> normalize("Forty-seven patients received A and fifty-seven received B").text
    '47 patients received A and 57 received B'
    >>> normalize("Nine patients were given A and eleven with B").text
    '9 patients were given A and 11 with B'
    >>> normalize("its targets-namely, A and B; anti-PD-1").text
    'its targets, namely, A and B; anti-PD-1'
    >>> normalize("Six- and 12-month rates; one or two years; one and all").text
    '6- and 12-month rates; 1 or 2 years; one and all'
    >>> normalize("the A arm (n equals 197); the P-value equaled 0.020").text
    'the A arm (n = 197); the P-value = 0.020'
    >>> normalize("A (n 5 61) or B (n 5 59); HR 5 0.72, P 5 .03; 5 patients, n 5 mg").text
    'A (n = 61) or B (n = 59); HR = 0.72, P = .03; 5 patients, n 5 mg'
    >>> normalize("Background & aimsA is new.MethodsA was given.ResultsA third responded.").text
    'Background & aims: A is new. Methods: A was given. Results: A third responded.'
    >>> normalize("<b><i>Methods:</i></b> A (<i>n</i> = 38)<br/>B").text
    'Methods: A (n = 38) B'
    >>> normalize("vs 24% with the comparator arm1\\nIn HCC1\\nlenvatinib 4 mg in cohort 2\\nthe p53").text
    'vs 24% with the comparator arm\\nIn HCC1\\nlenvatinib 4 mg in cohort 2\\nthe p53'
    >>> normalize("growth factor receptor (VEGFR)-2 and death[PD]-1; (n)-3 and (VEGFR) 2").text
    'growth factor receptor VEGFR-2 and death PD-1; (n)-3 and (VEGFR) 2'
    >>> normalize("improved [median overall] survival for A [at a] dose; A [anti-KDR] in [HCC] [12]").text
    'improved median overall survival for A at a dose; A [anti-KDR] in [HCC] [12]'
    >>> normalize("investigator?s choice; don\ufffdt stop; is it A? Surely it?").text
    "investigator's choice; don't stop; is it A? Surely it?"
    >>> m = normalize("sora\u00adfenib &amp; lenvatinib\u202f(n\u2009=\u200930)")
    >>> m.text, m.original_span(0, 9), m.original_span(12, 22)
    ('sorafenib & lenvatinib (n = 30)', (0, 10), (17, 27))
    """
    mapped = text if isinstance(text, MappedText) else MappedText.identity(text, base)
    mapped = mapped.sub(_INLINE_TAG_RE, lambda m: " " if m.group().lower().startswith("<br") else "")
    mapped = mapped.sub(_ENTITY_RE, _character)
    mapped = mapped.sub(_INVISIBLE_RE, "")
    mapped = mapped.sub(_LOST_APOSTROPHE_RE, "'")
    mapped = mapped.sub(_FULLWIDTH_RE, _ascii)
    mapped = mapped.sub(_RANGE_TILDE_RE, "-")
    mapped = mapped.sub(_GLUED_STOP_RE, ". ")
    mapped = mapped.insert_after(_GLUED_LABEL_RE, ": ")
    mapped = mapped.sub(_GLUED_OPEN_RE, " (")
    mapped = mapped.sub(_GLUED_DOSE_RE, lambda m: " " + m.group())
    mapped = mapped.sub(_GLUED_CLOSE_RE, " ")
    mapped = mapped.sub(_ASIDE_DASH_RE, ",")
    mapped = mapped.sub(_GLUED_ASIDE_DASH_RE, ", ")
    mapped = mapped.sub(_DASH_RE, "-")
    mapped = mapped.sub(_SOFT_HYPHEN_RE, "")
    if len(_SPACED_BREAK_RE.findall(mapped.text)) >= MIN_SPACED_BREAKS:
        mapped = mapped.sub(_SPACED_BREAK_RE, "")
    mapped = mapped.sub(_HARD_HYPHEN_RE, "-")
    mapped = mapped.sub(_SPACES_RE, " ")
    mapped = mapped.sub(_EDITORIAL_INSERTION_RE, lambda m: m.group("words"))
    mapped = mapped.drop(_FOOTNOTE_AFTER_STOP_RE, "ref")
    mapped = mapped.drop(_FOOTNOTE_AT_LINE_END_RE, "ref")
    mapped = mapped.sub(_SPELLED_TIME_RE, lambda m: str(NUMBER_WORDS[m.group("n").lower()]))
    mapped = mapped.sub(_SPOKEN_EQUALS_RE, " = ")
    mapped = mapped.sub(_EQUALS_AS_FIVE_RE, lambda m: m.group("k") + " = ")
    mapped = mapped.sub(_SPOKEN_INTERVAL_RE, _bracketed_interval)
    mapped = mapped.sub(SPELLED_PERCENT_RE, digits)
    mapped = mapped.sub(SPELLED_COUNT_RE, digits)
    mapped = mapped.sub(_SPOKEN_PERCENT_RE, "%")
    mapped = mapped.sub(_BRACKETED_ABBREVIATION_NUMBER_RE, _unbracketed_abbreviation)
    mapped = mapped.insert_at(_unopened_abbreviations(mapped.text), "(")
    return mapped


# An abbreviation after its spelled-out name, closed by a bracket that was never opened ("growth factor VEGF)
# receptors", a typo real abstracts print): its opening bracket goes back before it.
_ABBREVIATION_CLOSED_RE = re.compile(r"(?<=[a-z] )[A-Z][A-Za-z0-9-]{1,9}$")  # (searched up to the bracket)


def _unopened_abbreviations(text: str) -> list[int]:
    """Where an opening bracket is missing before an abbreviation whose closing bracket has none to match.

    >>> text = "growth factor VEGF) receptors (KDR) and B) two"
    >>> [text[at:at + 4] for at in _unopened_abbreviations(text)]
    ['VEGF']
    """
    depth, missing = 0, []
    for m in re.finditer(r"[()]", text):
        if m.group() == "(":
            depth += 1
        elif depth:
            depth -= 1
        elif (abbreviation := _ABBREVIATION_CLOSED_RE.search(text, max(0, m.start() - 12), m.start())) is not None:
            missing.append(abbreviation.start())
    return missing


def _unbracketed_abbreviation(match: re.Match) -> str:
    """ "(VEGFR)-" as "VEGFR-", a space kept before it ("factor(VEGFR)-2" reads "factor VEGFR-2")."""
    glued = match.start() > 0 and not match.string[match.start() - 1].isspace()
    return (" " if glued else "") + match.group("abbr") + "-"


def _character(match: re.Match) -> str:
    """What an HTML character reference stands for; an unknown or invalid one, or one naming a control character,
    as written."""
    char = html.unescape(match.group())
    unreadable = char == match.group() or "\ufffd" in char or any(unicodedata.category(c) == "Cc" for c in char)
    return match.group() if unreadable else char


def _ascii(match: re.Match) -> str:
    """A full-width character's ASCII form; a comma, colon or semicolon gets the space it was printed without."""
    char = chr(ord(match.group()) - 0xFEE0)
    return char + " " if char in ",:;" else char


# ... and to the word trial or study ("the phase 3 NAME trial2 researched ..."): no name is written so.
_STUDY_WORD_RE = re.compile(r"(?:trials?|stud(?:y|ies))", re.IGNORECASE)


def repeated_codes(text: str) -> frozenset[str]:
    """Capitals glued to two digits that a document writes twice or more ("HLX77" in its title and its text): a code's
    name, not a name with a reference number, which a citation would not repeat so.

    >>> sorted(repeated_codes("HLX77 with B. We gave HLX77. VEGF12 once."))
    ['HLX77']
    """
    counts: dict[str, int] = {}
    for m in _REPEATED_CODE_RE.finditer(text):
        counts[m.group()] = counts.get(m.group(), 0) + 1
    return frozenset(code for code, n in counts.items() if n >= 2)


_REPEATED_CODE_RE = re.compile(r"\b[A-Z]{2,5}\d{2}\b")


def without_glued_footnotes(mapped: MappedText, lookup: Callable[[str], str | None],
                            codes: frozenset[str] = frozenset()) -> MappedText:
    """Drop reference numbers glued to names and to the word trial or study: "lenvatinib1" is lenvatinib,
    "trial2" the word trial, "VEGFR1" stays, and so does a code the document repeats (``codes``, :func:`repeated_codes`).

    ``lookup`` maps a surface string to an entity key (None for no name).

    >>> names = {"sorafenib": "sorafenib", "os": "os", "vegfr1": "flt1"}
    >>> without_glued_footnotes(MappedText.identity("sorafenib2 and VEGFR1; OS1 trial3 was"), lambda s: names.get(s.lower())).text
    'sorafenib and VEGFR1; OS trial was'
    """
    def is_a_name(match: re.Match) -> bool:
        if _STUDY_WORD_RE.fullmatch(match.group("word")):
            return False
        return match.group(0) in codes or lookup(match.group(0)) is not None or lookup(match.group("word")) is None
    return mapped.drop(_GLUED_NUMBER_RE, "ref", keep=is_a_name)


# A bispecific's two targets glued by a lower-case "x" ("GPC3xCD3", "PD-1xVEGF"): read as the sign "×".
_GLUED_CROSS_RE = re.compile(r"\b(?P<a>[A-Z][A-Za-z0-9-]*[A-Z0-9])x(?P<b>[A-Z][A-Za-z0-9-]*[A-Za-z0-9])\b")


def with_glued_crosses(mapped: MappedText, lookup: Callable[[str], str | None]) -> MappedText:
    """Split "AxB" at its "x" when A and B are both names ("GPC3xCD3" -> "GPC3×CD3"); the same length, so
    offsets map one to one.

    >>> names = {"gpc3": "gpc3", "cd3": "cd3"}
    >>> with_glued_crosses(MappedText.identity("a GPC3xCD3 antibody; FOXP3xB"), lambda s: names.get(s.lower())).text
    'a GPC3×CD3 antibody; FOXP3xB'
    """
    def cross(match: re.Match) -> str:
        both = lookup(match.group("a")) is not None and lookup(match.group("b")) is not None
        return f"{match.group('a')}×{match.group('b')}" if both else match.group(0)
    return mapped.sub(_GLUED_CROSS_RE, cross)


def flatten(mapped: MappedText) -> MappedText:
    """Newlines (and the spaces around them) become one space: for sentence-level matching; in a bulleted list a line
    ending in a colon opens, each item's newline ends the item before it, as a semicolon would ("X is approved for:\\n-
    D1: ...\\n- D2: ..." reads "X is approved for: D1: ...; D2: ..."); other bulleted lines keep their marks.

    >>> flatten(MappedText.identity("Approved for:\\n- D1, first line\\n- D2\\nnext\\n- other")).text
    'Approved for: D1, first line; D2 next - other'
    """
    mapped = mapped.sub(_LIST_ITEM_RE, _ListItems().read)
    return mapped.sub(re.compile(r" ?\n[ \n]*"), " ")


# A bulleted item's newline and mark; "colon": the line before it ends in a colon.
_LIST_ITEM_RE = re.compile(r"(?P<colon>(?<=:))?[ \t]*\n[ \t\n]*[•·▪◦‣*–—-][ \t]+(?=\S)")


class _ListItems:
    """Reads the list items of one text in order: a colon's list runs while each line is an item."""

    def __init__(self) -> None:
        self.run, self.last = False, 0

    def read(self, match: re.Match) -> str:
        if match.group("colon") is not None:
            self.run, out = True, " "  # the first item after the colon
        elif self.run and "\n" not in match.string[self.last:match.start()]:
            out = "; "  # the next item, right after the one before
        else:
            self.run, out = False, match.group()  # no list opened by a colon: left as written
        self.last = match.end()
        return out
