"""Tables that lost their cell borders when copied as text: a header line, then one row per group of lines.

A review's table pasted from a page often keeps neither pipes nor tabs: a header line such as "Target cell
Molecule Code Drug name Brand Company" over rows like "T cell PD-1 XY-123 Foonib Brandix IgG4 Acme", each
row a group of lines between blank ones.  Where the header names a column of targets ("Target",
"Molecule", "Antigen") before a column of drugs ("Drug", "Agent", "Generic name"), a row naming exactly
one target, then exactly one drug, says that drug acts on that target; a row with a negation or a hedge
before its drug, or naming several of either, is left unread (whose target is then not plain).  A header that names
the drugs first ("Monoclonal antibody Ligand target Antibody class") has one row per line, each opening with its
drug (the header may stand one column per line: "Drug\nTarget\nTrial"; after a label cell when the header's first
column is the study's: "Study name Treatment Inhibited molecules" over
"ZETA-714 Foonib VEGFR (angiogenesis)"; a gloss in brackets is no target, and the target cell may go on over the
next lines), or holding its drug cell further on as a comparison with the targets' cell right after it ("... Foonib vs
placebo VEGFR, KIT OS ...", under "Drug Main target of experimental drug": the experimental drug's).  A header naming
other columns between the drugs' and the targets' ("Drug Dose Family Molecular target", its names perhaps glued:
"DrugDoseFamilyMolecular target") lets the targets' cell stand further on in the row, after any cell but another drug's
(a class the family's cell names, "Inhibitors of X", is none of them).  The rows end at
the first group that reads as prose (a sentence ending in a full stop, or a long line).

>>> bool(HEADER.search("Target cell Molecule Develop. code Drug name TM name Company"))
True
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..model import Assertion, Mention
from .analysis import AnalysedDocument
from .glued_names import CAMEL_RE
from .registry import EXTRACTORS
from .sentences import DRUG, action_predicate
from .target_tables import NOT_PLAIN

NAME = "table-flattened-rows"
#: A header line: a targets column named before a drugs column, no sentence (no full stop at its end).
#: ("Main target of experimental drug" names the targets' column only: whose targets they are)
HEADER = re.compile(r"^(?=[^\n.]*\b(?:targets?|molecules?|antigens?)\b(?!\s+of\b)[^\n]*\b(?:drugs?|agents?|generic)\b)[^\n]{10,200}$",
                    re.IGNORECASE | re.MULTILINE)
#: ... or a drugs column named before a targets column ("Monoclonal antibody Ligand target Antibody class"): then each
#: line is a row that opens with its drug ("Foomab PD-1 IgG4").
#: ... the drugs column may be called the treatment's, the targets' the inhibited molecules ("Treatment Inhibited molecules").
DRUG_FIRST_HEADER = re.compile(r"^(?=[^\n.]*\b(?:drugs?|agents?|antibod(?:y|ies)|inhibitors?|compounds?|generic|treatments?)\b"
                               r"[^\n]*\b(?:targets?|antigens?|(?:inhibited|targeted)\s+molecules)\b)[^\n]{10,300}$",
                               re.IGNORECASE | re.MULTILINE)
#: ... or stacked, one column's name per line, as a page's header cells copy ("Drug\nPharmacological target\nTrial"):
#: a drugs column's line, then up to four short lines with a targets column's among them.
STACKED_DRUG_FIRST_HEADER = re.compile(r"^(?:drugs?|agents?|treatments?|compounds?|generic\s+names?)(?:\s*\([^()\n]*\))?[ \t]*\n"
                                       r"(?:[^\n.\d]{1,40}\n){0,4}?[^\n.\d]{0,30}\b(?:targets?|antigens?)\b[^\n.\d]{0,30}\n"
                                       r"(?:[^\n.\d]{1,40}\n){0,8}", re.IGNORECASE | re.MULTILINE)
#: A group of lines that is prose, not a row: a long line, or words ending in a full stop.
PROSE = re.compile(r"[^\n]{201,}|\b\w+\s+\w+\s+\w+\s+\w+[^\n]*\.\s*$")
#: ... a line of a drug-first table may be long (a row of a dozen cells, a paper's title among them): prose ends in a stop.
PROSE_LINE = re.compile(r"[^\n]{1201,}|\b\w+\s+\w+\s+\w+\s+\w+[^\n]*\.\s*$")
MAX_ROWS = 40


@EXTRACTORS.register(NAME)
def flattened_rows(doc: AnalysedDocument) -> Iterable[Assertion]:
    """What each row of a table copied without its cell borders says its drug acts on."""
    text = doc.document.text
    for header in HEADER.finditer(text):
        if re.search(r"[|\t]", header.group()):
            continue  # cells still marked: the pipe-table reader's (target_tables)
        for start, end in _rows(text, header.end()):
            yield from _row_fact(doc, start, end)
    for header, line in [*((m, m.group()) for m in DRUG_FIRST_HEADER.finditer(text)),
                         *((m, m.group()) for m in STACKED_DRUG_FIRST_HEADER.finditer(text)), *_glued_headers(text)]:
        if HEADER.search(line) or re.search(r"[|\t]", line):
            continue
        labelled = re.match(r"\s*(?:study|trial)\b", line, re.IGNORECASE) is not None  # ("Study name Treatment ...")
        for start, end in _line_rows(text, header.end()):
            yield from _drug_first_row(doc, start, end, labelled, CELLS_BETWEEN.search(line) is not None)


# A header whose column names lost their spaces ("DrugDoseFamilyMolecular targetReference"): read with them put back.
GLUED_HEADER_LINE = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+[^\n.]{0,120}$", re.MULTILINE)
# ... and a header naming other columns between the drugs' and the targets' ("Drug Dose Family Molecular target"):
# the targets' cell need not follow the drug's.
CELLS_BETWEEN = re.compile(r"^\s*(?:drugs?|agents?|treatments?|compounds?)\s+(?:(?!targets?\b)\w+\s+){1,4}?"
                           r"(?:[\w-]+\s+)?targets?\b", re.IGNORECASE)


# What a row's class cell says before a target it names as a class: "Inhibitors of X" (glued too: "dayInhibitors of").
CLASS_OF = re.compile(r"(?:inhibitors?|antagonists?|blockers?|agonists?)\s+of\s+$", re.IGNORECASE)


def _glued_headers(text: str) -> Iterator[tuple[re.Match, str]]:
    """Each glued header line of a drug-first table, with its column names set apart."""
    for m in GLUED_HEADER_LINE.finditer(text):
        spaced = CAMEL_RE.sub(" ", m.group())
        if DRUG_FIRST_HEADER.match(spaced):
            yield m, spaced


def _rows(text: str, after: int) -> Iterator[tuple[int, int]]:
    """The row groups after a header: runs of non-blank lines, up to the first that reads as prose."""
    for count, group in enumerate(re.finditer(r"(?:[^\n]*\S[^\n]*\n?)+", text[after:])):
        if count >= MAX_ROWS or PROSE.search(group.group().strip()):
            return
        yield after + group.start(), after + group.start() + len(group.group().rstrip())


def _line_rows(text: str, after: int) -> Iterator[tuple[int, int]]:
    """The lines after a header, each a row, up to the first that reads as prose."""
    for count, line in enumerate(re.finditer(r"[^\n]*\S[^\n]*", text[after:])):
        if count >= MAX_ROWS or PROSE_LINE.search(line.group().strip()):
            return
        yield after + line.start(), after + line.end()


def _row_fact(doc: AnalysedDocument, start: int, end: int) -> Iterator[Assertion]:
    """The row's one drug acting on its one target, named before it."""
    mentions = doc.mentions_in(start, end)
    drugs = [m for m in mentions if doc.vocabulary[m.key].has_type(*DRUG)]
    targets = [m for m in mentions if doc.vocabulary.is_target(m.key)]
    if len({m.key for m in drugs}) != 1 or len({m.key for m in targets}) != 1 or targets[-1].end > drugs[0].start:
        return
    drug, target = drugs[0], targets[0]
    if NOT_PLAIN.search(doc.document.text, start, drug.end):
        return  # a hedge or negation up to the drug ("Not approved" in a later column speaks of its status)
    evidence = doc.evidence(target.start, drug.end, NAME)
    yield Assertion(drug.key, action_predicate(doc, drug.key, target.key), target.key, evidence=(evidence,))


# Between the targets of a drug-first row's target cell: "VEGFR & FGFR", "PD-1/PD-L1", "RET, KIT"; a gloss in brackets
# may close a part, and the cell may go on on the next line ("FGFR (angiogenesis)\nKIT, RET").
TARGET_GLUE = re.compile(r"\s*(?:\([^()\n]*\)\s*(?:[,&/+]|\band\b)?|[,&/+]|\band\b|\n)\s*")
# ... a list's item the vocabulary does not know may stand between two targets: a number range after a name that takes
# none ("VEGF 1-3, KIT"), a misspelt symbol ("FGFR, PDGR, RET"); it is skipped, not read.
UNREAD_ITEM = re.compile(r"\s*(?:\d+\s*[-\u2013]\s*\d+|,\s*[A-Z][A-Za-z\d-]{1,7})\s*(?:[,&/]|\band\b)\s*")
# ... and a gloss in brackets may stand between the drug and its targets: "Foomab (AFP>400 ng/dL) VEGFR2".
DRUG_GLOSS = re.compile(r"\s*(?:\([^()\n]*\)\s*)?")
# A label cell before the drug, where the header's first column is the study's: a trial's name with its reference glued
# on ("ZETA-714"), no words of its own.
LABEL_RE = re.compile(r"\s*[A-Z][A-Za-z]*(?:[- ]?[A-Z0-9][\w,]*)*(?:\s*\([^()\n]*\)|\s*\[[\d,\s\u2013-]+\])?\s*")
# ("NAME12 (OTHER, ...)", "ZETA-7 [12]": a reference in square brackets)


def _drug_first_row(doc: AnalysedDocument, start: int, end: int, labelled: bool = False,
                    cells_between: bool = False) -> Iterator[Assertion]:
    """A drug-first row: the drug opening the line and the targets named right after it ("Foonib VEGFR & FGFR
    inhibitor ..."), or after the cells the header names between them (``cells_between``: "Foonib 10 mg/day Inhibitors
    of kinases VEGFR, KIT", on the row's line, no other drug before them); a later column may name another drug (a
    population's "prior B") without making the row unplain."""
    text = doc.document.text
    limit = end  # (the target cell may go on over the next lines: read up to three)
    for _ in range(3):
        limit = len(text) if (nxt := text.find("\n", limit + 1)) < 0 else nxt
    glosses = [m.span() for m in re.finditer(r"\([^()\n]*\)", text[:limit]) if m.start() >= start]
    # (what a gloss in brackets names is read as part of the glue: "(angiogenesis)", "(AFP>400 ng/dL)")
    mentions = [m for m in doc.mentions_in(start, limit) if not any(s < m.start < e for s, e in glosses)]
    if not mentions or mentions[0].start >= end:
        return
    if doc.vocabulary[mentions[0].key].has_type(*DRUG) \
            and ((labelled and LABEL_RE.fullmatch(text, start, mentions[0].start)) or not text[start:mentions[0].start].strip()):
        drug, after = mentions[0], 1
    elif (compared := _compared_drug(doc, mentions, end)) is not None:
        drug, after = compared  # the drug cell holds the comparison: "Foonib vs placebo FGFR, VEGFR"
    else:
        return
    if cells_between:  # (not a class the family's cell names: "Inhibitors of tyrosine kinase receptors")
        after = next((i for i, m in enumerate(mentions[after:], after) if m.start >= end or doc.vocabulary[m.key].has_type(*DRUG)
                      or (doc.vocabulary.is_target(m.key) and not CLASS_OF.search(text, drug.end, m.start))), len(mentions))
        if after == len(mentions) or mentions[after].start >= end or not doc.vocabulary.is_target(mentions[after].key):
            return
    run = []
    for m in mentions[after:]:
        gap = text[(run[-1] if run else mentions[after - 1]).end:m.start]
        shared = bool(run) and m.start < run[-1].end  # "VEGFR 1-3": one span, each member a mention of its own
        glued = TARGET_GLUE.fullmatch(gap) or UNREAD_ITEM.fullmatch(gap) if run else (cells_between or DRUG_GLOSS.fullmatch(gap))
        if not doc.vocabulary.is_target(m.key) or not (shared or glued):
            break
        run.append(m)
    if not run or NOT_PLAIN.search(text, start, run[-1].end):
        return  # no target cell right after the drug, or a hedge or negation within it
    evidence = doc.evidence(drug.start, run[-1].end, NAME)
    for key in dict.fromkeys(m.key for m in run):
        yield Assertion(drug.key, action_predicate(doc, drug.key, key), key, evidence=(evidence,))


VERSUS = re.compile(r"\s+(?:vs\.?|versus)\s+", re.IGNORECASE)


def _compared_drug(doc: AnalysedDocument, mentions: list[Mention], end: int) -> tuple[Mention, int] | None:
    """The experimental drug of the row's one comparison "A vs B" that a target is named right after, and the index of
    the first mention after the comparator: the drug cell of a row that does not open with it ("2016 A title ...
    Foonib vs placebo VEGFR, KIT OS ..."); None when no comparison, or several, is followed so."""
    text = doc.document.text
    found = [(a, i + 2) for i, (a, b) in enumerate(zip(mentions, mentions[1:]))
             if a.start < end and doc.vocabulary[a.key].has_type(*DRUG) and VERSUS.fullmatch(text, a.end, b.start)
             and i + 2 < len(mentions) and doc.vocabulary.is_target(mentions[i + 2].key)
             and DRUG_GLOSS.fullmatch(text, b.end, mentions[i + 2].start)]
    return found[0] if len(found) == 1 else None
