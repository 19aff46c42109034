"""A table row's mechanism cell beside its treatment cell: "anti-A plus anti-B  X 10 mg + Y 5 mg/kg".

Review tables of trials often give each regimen a column for how its drugs act, written as the targets each
named with "anti-", in the order of the drugs in the treatment column next to it.  Table blocks are not
prose, so the sentence rules never see them; this reader takes each line of a table as one statement and
reads only the gloss-before-regimen shape (:func:`.combination_glosses.gloss_before_regimen`) on it: the
i-th target is the i-th drug's, and nothing is read when the counts differ.  A cell glossing its drug in brackets
("Nivolumab (anti-PD1)", two such drugs in one cell too) is read on its own with the drug-appositive shape
(:func:`.mechanisms.drug_appositive`).

>>> from hcc_kg.vocab import Vocabulary
>>> from hcc_kg.model import Document
>>> doc = AnalysedDocument(Document.from_text("d", "Table 1. Trials\\n\\nStudy | Regimen\\n"), Vocabulary([]), None)
>>> list(table_lines(doc))
[(0, 'Table 1. Trials'), (17, 'Study | Regimen')]
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..model import Assertion
from .analysis import AnalysedDocument, AnalysedSentence
from .combination_glosses import gloss_before_regimen
from .mechanisms import drug_appositive, reading_assertion
from .expansion import expand
from .normalize import normalize
from .registry import EXTRACTORS
from .segment import Sentence, text_lines
from .target_lists import target_lists
from .targets import units

NAME = "table-line-gloss"


def table_lines(doc: AnalysedDocument) -> Iterator[tuple[int, str]]:
    """Each line with text of the document's table blocks, with its offset."""
    text = doc.document.text
    for block in doc.blocks:
        if block.kind == "table":
            for offset, line in text_lines(text[block.start:block.end]):
                if line.strip():
                    yield block.start + offset, line.rstrip("\r\n")


@EXTRACTORS.register(NAME)
def table_line_glosses(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Drug → target from table lines whose targets, each after "anti-", stand right before a regimen of as many
    drugs, and from cells glossing a drug in brackets ("Nivolumab (anti-PD1)", "Foonib (KDR inhibitor)")."""
    for offset, line in table_lines(doc):
        if "anti" not in line.lower() and "inhibitor" not in line.lower():
            continue
        sent = _read(doc, line, offset)
        found = units(doc, sent)
        for reading in gloss_before_regimen(sent.text, found, target_lists(sent.text, found)):
            yield reading_assertion(doc, sent, reading)
        for start, end in _glossing_cells(line):
            cell = _read(doc, line[start:end], offset + start)
            found = units(doc, cell)
            for reading in drug_appositive(cell.text, found, target_lists(cell.text, found)):
                yield reading_assertion(doc, cell, reading)


# A cell glossing a drug in brackets with what it acts on: "Nivolumab (anti-PD1)", "Foonib (a KDR inhibitor)".
BRACKET_GLOSS_RE = re.compile(r"\(\s*(?:an?\s+)?(?:anti-|[^()]{1,40}\binhibitor\s*\))", re.IGNORECASE)


def _glossing_cells(line: str) -> list[tuple[int, int]]:
    """The spans of the line's cells (between pipes or tabs) that gloss a drug in brackets."""
    bounds = [-1, *(m.start() for m in re.finditer(r"[|\t]", line)), len(line)]
    return [(a + 1, b) for a, b in zip(bounds, bounds[1:]) if BRACKET_GLOSS_RE.search(line, a + 1, b)] \
        if len(bounds) > 3 else []


def _read(doc: AnalysedDocument, text: str, offset: int) -> AnalysedSentence:
    """A stretch of a table line read as one statement, with its mentions."""
    mapped = expand(normalize(text, base=offset), doc.expansions)
    return AnalysedSentence(Sentence(mapped, "", -1), tuple(doc.finder.find(mapped)))
