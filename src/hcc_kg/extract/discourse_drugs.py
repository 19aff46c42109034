"""The drug a sentence speaks of from beyond itself: the one its section's heading or the document's
title names, the lead line of its block (a drug record's fields under the drug's name), or the one the
sentences just before it name (for "It ..."). Used where a sentence names no drug of its own.
"""

from __future__ import annotations

import re
from itertools import islice, takewhile
from typing import Callable, Iterator

from ..model import Mention
from .analysis import AnalysedDocument
from .received_cues import had_before
from .sentences import DRUG


def discourse_drug(doc: AnalysedDocument, index: int) -> Mention | None:
    """For a sentence opening with "It": the drug its section is about, else the last one named, else the one the
    document's title names."""
    sent = doc.sentences[index]
    heading_drugs = {m.key for m in doc.keys_of_type(doc.finder.find_text(sent.sentence.section), *DRUG)}
    if len(heading_drugs) == 1:
        key = heading_drugs.pop()
        return Mention(sent.sentence.section_start, sent.sentence.section_start + len(sent.sentence.section),
                       key, sent.sentence.section)
    for previous in reversed(doc.sentences[max(0, index - 2):index]):
        drugs = doc.keys_of_type(previous.mentions, *DRUG)
        if drugs:
            return drugs[0]
    return titled_drug(doc, index)  # "This compound binds T" on a page titled by the one drug it profiles


def defined_drug(doc: AnalysedDocument, index: int) -> Mention | None:
    """For a drugless sentence opening "A ..." / "Definition: An ...": the one drug its heading or the title names."""
    sent = doc.sentences[index]
    if doc.keys_of_type(sent.mentions, *DRUG):
        return None
    return titled_drug(doc, index)


# Words that set a class apart from the drug a text speaks of ("the first PD-1 inhibitor", "the other TKI"): such a
# description may name another drug, so it refers back to none (read by :mod:`.epithets` and the approvals' anaphor).
SET_APART = r"(?:first|second|third|only|other|another|latest|newest|next|same)"
# The head nouns that name a drug by what it does, when a text names it back by its class ("the PD-1 inhibitor",
# "the anti-PD-L1 antibody"): read by :mod:`.epithets` and the approvals' anaphor.
CLASS_HEADS = r"(?:inhibitors?|antibod(?:y|ies)|blockers?|antagonists?|agonists?|TKIs?|mAbs?)"


def titled_drug(doc: AnalysedDocument, index: int) -> Mention | None:
    """The one drug the heading of a sentence's section, else the document's title, names (None when not one; the
    patients' earlier therapy, "... in Post-B Liver Cancer", is no drug the heading is about)."""
    sent = doc.sentences[index]
    title, title_start, _ = doc.title or ("", -1, -1)
    for surface, start in ((sent.sentence.section, sent.sentence.section_start), (title, title_start)):
        drugs = {m.key for m in doc.keys_of_type(doc.finder.find_text(surface), *DRUG) if not had_before(surface, m.start)}
        if len(drugs) == 1 and start >= 0:
            return Mention(start, start + len(surface), drugs.pop(), surface)
    return None


# A lead says what the lines below it are about: a heading, no sentence in it and no stop at its end
# ("Zorbatinib: key points").
NO_LEAD = re.compile(r"[.!?;,]\s*$|[.!?]\s+[A-Z]")
MAX_LINES_UNDER_LEAD = 10


def lead_drug(doc: AnalysedDocument, offset: int, is_item: Callable[[str], bool]) -> Mention | None:
    """The one drug the lead of the line at ``offset`` names (None when it names none or several).

    The lead is the first line of the line's block (the lines with no blank line between), or, when that
    line is an item itself (``is_item``) or the block starts at the line, the line above the blank before it.
    """
    lead = _lead(doc, offset, is_item)
    if lead is None:
        return None
    start, surface = lead
    drugs = _drugs_in(doc, surface)
    return Mention(start, start + len(surface), drugs.pop(), surface) if len(drugs) == 1 else None


def lead_names_no_drug(doc: AnalysedDocument, offset: int, is_item: Callable[[str], bool]) -> bool:
    """Does the line at ``offset`` have no lead, or one naming no drug (a section's heading: "Uses", "Pharmacology")?"""
    lead = _lead(doc, offset, is_item)
    return lead is None or not _drugs_in(doc, lead[1])


def _lead(doc: AnalysedDocument, offset: int, is_item: Callable[[str], bool]) -> tuple[int, str] | None:
    """The (start, line) of the lead of the line at ``offset`` (see :func:`lead_drug`), or None."""
    text = doc.document.text
    above = list(islice(lines_above(text, text.rfind("\n", 0, offset) + 1), MAX_LINES_UNDER_LEAD + 2))
    block = list(takewhile(lambda line: line[1].strip(), above))  # the lines up to a blank one
    if len(block) > MAX_LINES_UNDER_LEAD:
        return None
    lead = block[-1] if block and not is_item(block[-1][1]) else next(
        (line for line in above[len(block):] if line[1].strip()), None)
    return None if lead is None or NO_LEAD.search(lead[1]) else lead


def _drugs_in(doc: AnalysedDocument, surface: str) -> set[str]:
    return {m.key for m in doc.keys_of_type(doc.finder.find_text(surface), *DRUG)}


def lines_above(text: str, line_start: int) -> Iterator[tuple[int, str]]:
    """The (start, line) pairs above the line that starts at ``line_start``, nearest first, read as asked for.

    >>> list(lines_above("a\\n\\nb\\nc", 5))
    [(3, 'b'), (2, ''), (0, 'a')]
    """
    end = line_start - 1
    while end >= 0:
        start = text.rfind("\n", 0, end) + 1
        yield start, text[start:end]
        end = start - 1

