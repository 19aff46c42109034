"""Split a document into table blocks and prose, prose into sections and sentences.

PDF-converted text interleaves tables with body text.  A table block starts at a caption
line (``Table N ...``) and runs until body text resumes, which the converter marks with a
line that starts with a single space, or until the next caption.  Markdown tables (lines
of ``|``-separated cells) are table blocks too.  Everything else is prose.

>>> text = "Intro text.\\nTable 1 Trials\\nrow a\\n continues here.\\nMore."
>>> [(b.kind, text[b.start:b.end].strip()) for b in blocks(text)][:2]
[('prose', 'Intro text.'), ('table', 'Table 1 Trials\\nrow a')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import MappedText, flatten, from_pieces, normalize

CAPTION_RE = re.compile(r"^Table (\d+)\b")
FIGURE_RE = re.compile(r"^\s*(?:Fig\.|Figure) ?\d+\b")
MARKDOWN_ROW_RE = re.compile(r"\|.*\|.*\|")
# A line that is only a web address (a saved page's source line above its title, or below it with a label: "- Source:
# https://...") is no prose: the words of its slug ("/a-plus-b-versus-c") are no statement, and the title is still
# the title.
ADDRESS_LINE_RE = re.compile(r"^\s*(?:[-*•]\s*)?(?:(?:source|url|link|retrieved\s+from|available\s+(?:at|from))\s*:?\s*)?"
                             r"(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
# Abbreviations whose period does not end a sentence ("the U.S. Food and Drug Administration").
_ABBREVIATION_RE = re.compile(r"(?<![\w.])(?:Fig|vs|e\.g|i\.e|al|No|approx|ca|Dr|ref|Ref|U\.S\.A|U\.S|U\.K|E\.U|Inc|Ltd|Co|Corp|"
                              r"Prof|Mrs?|Ms|Jr|(?i:approx|vs|e\.g|i\.e|cf|resp))$")
# A person's middle initial: "Richard S. Finn, MD, and colleagues" (a name, its initial, then a surname and its comma).
_INITIAL_BEFORE_RE = re.compile(r"(?<![\w.])[A-Z][a-z]+\s[A-Z]$")
_SURNAME_AFTER_RE = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?,")
# A month's abbreviation before a day or a year ("approved on Jan. 5, 2021", "in Nov. 2020").
_MONTH_BEFORE_NUMBER_RE = re.compile(r"(?<![\w.])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$")
# A sentence ends at . ! or ?, with any closing quote or bracket, before a capital, a digit, an
# opening bracket or an opening quote followed by one ('... said. "We are pleased," ...'), or before a
# result's abbreviation printed with a small letter first ("... 12.2 months. mPFS was ...", "iRECIST"; other words
# opening so, "mTOR", are left as they were read).
_SENTENCE_END_RE = re.compile(r"(?P<end>[.!?][”’\"')\]]*)(?:\s*\[[\d,\s\-–]+\])*"  # ("... iodine.[5][6] The": citations in a row)
                              # ... or printed bare right after a word's stop ("... shrinkage.6, 19 Median ...": no decimal)
                              r"(?:(?<=[A-Za-z)][.])\d{1,3}(?:,\s?\d{1,3}|[–-]\d{1,3})*)?\s+"
                              r"(?=[“‘\"']?(?:[A-Z0-9(\[]|m(?:OS|PFS|TTP|DoR|DOR|ORR|DCR)\b|[im]RECIST\b))")
# A parenthesis open at a period and closed soon after holds a citation or an aside, not a
# sentence end: "(Ann. Oncol. 2020)", "(approx. 300 patients)".
_ASIDE_CLOSES_WITHIN = 80


@dataclass(frozen=True)
class Block:
    """A stretch of a document that is prose or a table (with its caption label)."""

    kind: str  # "prose" | "table"
    start: int
    end: int
    label: str = ""  # "Table 4", "markdown", "" for prose


@dataclass(frozen=True)
class Sentence:
    """A sentence of prose, flattened to one line, with its section heading."""

    mapped: MappedText
    section: str
    section_start: int  # original offset of the section heading ("" section: -1)

    @property
    def text(self) -> str:
        return self.mapped.text


def text_lines(text: str) -> list[tuple[int, str]]:
    """Each line of ``text`` with its offset, its line break kept."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        out.append((pos, line))
        pos += len(line)
    return out


def blocks(text: str) -> list[Block]:
    """Prose and table blocks covering ``text`` in order."""
    found: list[Block] = []
    lines = text_lines(text)
    i = 0
    prose_start = 0
    while i < len(lines):
        start, line = lines[i]
        caption = CAPTION_RE.match(line)
        if caption or MARKDOWN_ROW_RE.search(line):
            j = i + 1
            if caption:
                while j < len(lines) and not _resumes_body(lines[j][1]) and not CAPTION_RE.match(lines[j][1]):
                    j += 1
                label = f"Table {caption.group(1)}"
            else:
                while j < len(lines) and MARKDOWN_ROW_RE.search(lines[j][1]):
                    j += 1
                label = "markdown"
            end = lines[j][0] if j < len(lines) else len(text)
            if start > prose_start:
                found.append(Block("prose", prose_start, start))
            found.append(Block("table", start, end, label))
            prose_start = end
            i = j
            continue
        i += 1
    if prose_start < len(text):
        found.append(Block("prose", prose_start, len(text)))
    return found


def _resumes_body(line: str) -> bool:
    return line.startswith(" ") and not line.startswith("  ") and len(line.strip()) > 0


# A line ending in an article, preposition or conjunction goes on below; a heading does not.
_UNFINISHED_RE = re.compile(r"\b(?:a|an|the|of|to|in|on|at|by|for|with|from|and|or|but|that|which|than|as|"
                            r"is|are|was|were)$", re.IGNORECASE)
# A clause with a finite verb after its subject ("Zorbatinib is an oral ...") is prose.
_FINITE_VERB_RE = re.compile(r"^\S+(?:\s+\S+){0,3}\s+(?:is|are|was|were|has|have|had)\s+\w", re.IGNORECASE)


# A news headline states something ("Agency Approves X for Y"): a heading with such a verb is read as
# a sentence too (and still names its section).
# A list item's mark at the start of a line: "- ", "• ", "* ", "– ".
_BULLET_RE = re.compile(r"^\s*[•·▪◦‣*–—-]\s+\S")
# (citations after a word, a bracket or a year: "... for first-line use 1, 2", "... in 2022 3")
_CITED_END_RE = re.compile(r"(?:[A-Za-z)%]|\b(?:19|20)\d\d)\s+\d{1,2}(?:,\s*\d{1,2})*\s*$")
_HEADLINE_VERB_RE = re.compile(r"\b(?:approves|grants|receives|gains|wins|authori[sz]es|recommends|extends|expands|"
                               r"improves|prolongs|meets|misses|fails|shows|demonstrates)\b", re.IGNORECASE)
# So is a document's title naming a study's design ("Phase II study of A in patients with B"): it says what
# was studied, as a longer title read as a sentence does.
_DESIGN_TITLE_RE = re.compile(r"\bphase\s*(?:III|II|I|IV|[1-4])[ab]?\b(?:[\s,/-]+[\w-]+){0,4}?\s+(?:study|trial)\s+of\b",
                              re.IGNORECASE)


# ... and so is a heading giving a drug its class in brackets ("Foonib (anti-KDR antibody)"): what the drug is.
_CLASS_HEADING_RE = re.compile(r"\s*[\w-]+(?:\s+[\w-]+)?\s*\(\s*(?:an?\s+)?anti\s*[-–‐]\s*\S[^()]*\)\s*$", re.IGNORECASE)


# A labelled field on its own line ("Target: A, B", "Mechanism of action: ..."), as drug profiles,
# registry cards and notices lay them out: after another field line it opens a statement of its
# own, and a blank line after it ends it even without a full stop. (The label's shape is
# record_fields.LABEL's.) A title run on into "Background: ..." is left as it was read.
_FIELD_LINE_RE = re.compile(r"^\s*[A-Z][A-Za-z()/-]*(?:\s+[a-z()/-][A-Za-z()/-]*){0,3}\s*:\s+\S")


def _is_heading(line: str, previous: str, following: str = "", after_blank: bool = False, lone: bool = False) -> bool:
    """A short capitalised line after a finished sentence, not continued in lower case below.
    After a blank line a few words in lower case head their paragraph too (a dictionary's
    headword: "apatinib mesylate"); a line standing alone between blank lines may be longer."""
    stripped = line.strip()
    if following.strip()[:1].islower():
        return False
    lower_headword = after_blank and stripped[:1].islower() and len(stripped.split()) <= 4
    longest = 100 if after_blank and lone else 60
    if not 1 <= len(stripped) <= longest or not (stripped[0].isupper() or stripped[0].isdigit() or lower_headword):
        return False
    if stripped[-1] in ",;:-(.!?" or FIGURE_RE.match(stripped) or re.fullmatch(r"[\d.]+", stripped):
        return False
    if re.search(r"\w:\s+\S|\bNCT\d{8}\b", stripped):
        return False  # "NCT ID: NCT01234567" is a field with its value, not a heading
    if _UNFINISHED_RE.search(stripped) or _FINITE_VERB_RE.search(stripped):
        return False  # "X is an inhibitor of" runs on into the next line: a sentence, not a heading
    prev = previous.strip()
    return not prev or prev[-1] in ".!?:" or prev.endswith(")") or re.fullmatch(r"[\d.]+", prev) is not None


def _next_nonblank(lines: list[str]) -> list[str]:
    """For each line, the next line below it that has text ("" at the end)."""
    out, upcoming = [""] * len(lines), ""
    for index in range(len(lines) - 1, -1, -1):
        out[index] = upcoming
        if lines[index].strip():
            upcoming = lines[index]
    return out


def sentences(text: str, prose: list[Block]) -> list[Sentence]:
    """The sentences of the prose blocks, read as one stream.

    A sentence interrupted by a table continues after it, as the converter interleaved
    them; headings become section boundaries.
    """
    sents: list[Sentence] = []
    section, section_start = "", -1
    paragraph: list[tuple[int, str]] = []
    previous = ""

    def flush() -> None:
        if paragraph:
            sents.extend(_split(normalize(from_pieces(paragraph)), section, section_start))
            paragraph.clear()

    prose_lines = [(offset + block.start, line) for block in prose
                   for offset, line in text_lines(text[block.start:block.end])]
    following = _next_nonblank([line for _, line in prose_lines])
    title = _title_index(prose_lines, text)
    after_blank = opened_after_blank = False
    for index, (offset, line) in enumerate(prose_lines):
        if FIGURE_RE.match(line):
            flush()
            continue
        if ADDRESS_LINE_RE.match(line):  # read as a blank line: it ends a paragraph and heads nothing
            flush()
            previous, after_blank = "", True
            continue
        if not line.strip() and paragraph and (paragraph[-1][1].rstrip()[-1:] in (".", "!", "?")
                                               or _FIELD_LINE_RE.match(paragraph[-1][1])
                                               or _BULLET_RE.match(paragraph[-1][1])  # a list ends at a blank line
                                               or (opened_after_blank and _stands_alone(paragraph, following[index]))):
            if paragraph[-1][1].rstrip()[-1:] not in (".", "!", "?") and not _FIELD_LINE_RE.match(paragraph[-1][1]):
                previous = ""  # a line standing alone is finished: a short line below it may head a section
            flush()  # a blank line after a finished sentence (a field, a line standing alone) ends the paragraph
        if _FIELD_LINE_RE.match(line) and paragraph and _FIELD_LINE_RE.match(paragraph[-1][1]):
            flush()  # a field line after a field line opens a statement of its own
        lone = index + 1 < len(prose_lines) and not prose_lines[index + 1][1].strip()
        if _is_heading(line, previous, following[index], after_blank, lone):
            flush()
            section, section_start = line.strip(), offset + (len(line) - len(line.lstrip()))
            if _HEADLINE_VERB_RE.search(line) or (index == title and _DESIGN_TITLE_RE.search(line)) \
                    or _CLASS_HEADING_RE.match(line):
                paragraph.append((offset, line))
                flush()
        elif line.strip():
            if paragraph and ((_BULLET_RE.match(line) and paragraph[-1][1].rstrip()[-1:] in (".", "!", "?"))
                              or (_BULLET_RE.match(paragraph[-1][1]) and _CITED_END_RE.search(paragraph[-1][1]))):
                # a bulleted line after a finished one is an item of its own ("- Approved for D1." / "- ..."); an item
                # of one line closed by its citations instead of a stop ("- Approved for D1 1, 2") is finished too
                flush()
            opened_after_blank = after_blank if not paragraph else opened_after_blank
            paragraph.append((offset, line))
        if line.strip():
            previous = "" if section_start == offset + (len(line) - len(line.lstrip())) else line
        if index == title:  # a title ends without a stop; what follows starts afresh
            flush()
            previous = ""
        after_blank = not line.strip()
    flush()
    return sents


def _stands_alone(paragraph: list[tuple[int, str]], following: str) -> bool:
    """A single line between blank lines, finished as a statement though without a stop, before a
    paragraph that opens afresh: a press release's subheading ("X is the only approved ... for D"),
    a summary line above a dateline. A line ending in an article or preposition runs on below."""
    line = paragraph[0][1].strip()
    opens = following.strip()[:1]
    return (len(paragraph) == 1 and len(line.split()) >= 6 and not _UNFINISHED_RE.search(line)
            and line[-1:] not in ",;:-(" and (opens.isupper() or opens.isdigit() or opens in "\"“‘'"))


# A structured abstract's first section label opening a line ("Background: ...", "INTRODUCTION ...").
_SECTION_OPENING_RE = re.compile(r"^\s*(?:(?:background|introduction|context|purpose|rationale|objectives?|aims?)"
                                 r"(?:\s*(?:&|and)\s*aims?)?\s*:|(?-i:BACKGROUND|INTRODUCTION|OBJECTIVES?|PURPOSE)\b)",
                                 re.IGNORECASE)


def _title_index(prose_lines: list[tuple[int, str]], text: str) -> int | None:
    """The document's first line when it stands alone (a blank line below it, or a structured abstract's first
    section label opening the next line): its title."""
    for index, (offset, line) in enumerate(prose_lines):
        if line.strip() and not ADDRESS_LINE_RE.match(line):
            lone = index + 1 < len(prose_lines) and (not prose_lines[index + 1][1].strip()
                                                     or _SECTION_OPENING_RE.match(prose_lines[index + 1][1]) is not None)
            starts_text = all(not above.strip() or ADDRESS_LINE_RE.match(above) for above in text[:offset].splitlines())
            return index if lone and starts_text and line.rstrip()[-1:] not in ".!?" else None
    return None


# A typographic bullet opening a sentence (the list was not run into the line before it: :func:`normalize.flatten`).
_OPENING_BULLET_RE = re.compile(r"[•·▪◦‣]\s+(?=\S)")


def _split(mapped: MappedText, section: str, section_start: int) -> list[Sentence]:
    flat = flatten(mapped)
    out, start = [], 0
    text = flat.text
    for match in _SENTENCE_END_RE.finditer(text):
        if _not_an_end(text, start, match):
            continue
        out.append((start, match.end("end")))
        start = match.end()
    out.append((start, len(flat.text)))
    result = []
    for s, e in _statistics_taken_back(text, out):
        while s < e and flat.text[s] == " ":
            s += 1
        if bullet := _OPENING_BULLET_RE.match(flat.text, s, e):  # "• At 24 months, ...": the item's mark is no word of it
            s = bullet.end()
        while e > s and flat.text[e - 1] == " ":
            e -= 1
        if e > s:
            result.append(Sentence(flat.slice(s, e), section, section_start))
    return result


# A bracket of statistics after a full stop, the next sentence opening right after it with no stop of its own
# ("... than with B (12.3 months). (HR 0.92, 95% CI 0.79-1.06) Additionally, ..."): the page lost the stop after the
# bracket; the statistics are the sentence's before it.
_STATISTICS_BRACKET_RE = re.compile(r"\s*\((?=[^()]*\b(?:HR|hazard\s+ratio|CI|confidence\s+interval)\b)(?:[^()]|\([^()]*\))*\)(?=\s+[A-Z])",
                                    re.IGNORECASE)


def _statistics_taken_back(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentence spans with a bracket of statistics that opens one moved to the end of the one before.

    >>> t = "A was longer (12 mo). (HR 0.9, 95% CI 0.7-1.1) Next, B."
    >>> [t[s:e].strip() for s, e in _statistics_taken_back(t, [(0, 21), (21, len(t))])]
    ['A was longer (12 mo). (HR 0.9, 95% CI 0.7-1.1)', 'Next, B.']
    """
    out = list(spans)
    for i in range(1, len(out)):
        bracket = _STATISTICS_BRACKET_RE.match(text, out[i][0])
        if bracket is not None and bracket.end() < out[i][1]:
            out[i - 1], out[i] = (out[i - 1][0], bracket.end()), (bracket.end(), out[i][1])
    return out


def _not_an_end(text: str, start: int, match: re.Match) -> bool:
    """The period of an abbreviation, of a month before its day, or inside a short parenthesis or square bracket."""
    before = text[max(0, match.start() - 8):match.start()]
    if _ABBREVIATION_RE.search(before):
        return True
    if _MONTH_BEFORE_NUMBER_RE.search(before) and text[match.end():match.end() + 1].isdigit():
        return True
    if _INITIAL_BEFORE_RE.search(before) and _SURNAME_AFTER_RE.match(text, match.end()):
        return True
    return any(_inside(text, start, match, opening, closing) for opening, closing in ("()", "[]"))


def _inside(text: str, start: int, match: re.Match, opening: str, closing: str) -> bool:
    """Is the period inside a bracket that closes shortly after it ("[200 mg (i.v.) Q3W]")?"""
    still_open = text.count(opening, start, match.start()) - text.count(closing, start, match.start())
    closes = text.find(closing, match.end(), match.end() + _ASIDE_CLOSES_WITHIN)
    return still_open > 0 and closes != -1 and opening not in text[match.end():closes]
