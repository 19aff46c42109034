"""Approvals a table's caption states of its rows: "Table 2. Systemic therapies approved for HCC", one row per line.

A review's table of the approved agents, copied as text with one row per line (invented rows)::

    Table 2. Systemic agents approved for an invented liver cancer
    Study Treatment Target Median OS
    First-line therapies
    ZETA-7 [12] Foonib VEGFR 10.7 mo
    Second-line therapies
    KESTREL-2 [14] Barmab + quxumab PD-1, CTLA-4 13.1 mo

says each row's agent is approved: the agent opening the row (after a label cell such as its trial's name, as
:mod:`.flat_tables` reads one; drugs joined by "+" or "plus" are one regimen), for the disease the caption names (else
the document's), by the agency the caption names (none when it names none), in the line of therapy of the group
heading above the row ("Second-line therapies"), else the one the row names.  A caption that speaks of trials, of
investigational or emerging agents, or negates or hedges the approval, heads no such list; the rows end at the first
line of prose.  A bordered table whose header has a column of approval years ("| Drug | FDA approval | Setting |")
says so of each row whose cell there holds a year, captioned so or not.  (:mod:`.tables` reads a table block here when
its own agent | mechanism | indication layout gives no approval.)
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..keys import agent_key
from ..model import Assertion, Mention
from .analysis import AnalysedDocument
from .approval_cues import APPROVAL_CUE
from .flat_tables import LABEL_RE, PROSE_LINE
from .segment import text_lines
from .table_cell_values import BORDER_RE, cells_of
from .sentences import DRUG

NAME = "table-approved-rows"
# A caption whose list is not (only) of approved agents, or whose approval is denied or uncertain.
NOT_A_LIST_OF_APPROVED = re.compile(r"\b(?:trials?|stud(?:y|ies)|investigational|emerging|ongoing|under\s+(?:investigation|"
                                    r"development|review)|pipeline|phase|candidates?|future|not\s+(?:yet\s+)?approved|"
                                    r"unapproved|pending|expected|potential|(?-i:may)|might)\b", re.IGNORECASE)  # (not the month "May")
JOIN = re.compile(r"\s*(?:\+|plus\b|and\b|with\b)\s*", re.IGNORECASE)
MAX_CAPTION_LINES = 4


def approved_rows(doc: AnalysedDocument, start: int, end: int) -> Iterable[Assertion]:
    """The approvals a table block of approved agents (``start``-``end``) lists, one per row."""
    text = doc.document.text
    lines = [(start + offset, line.rstrip()) for offset, line in text_lines(text[start:end]) if line.strip()]
    caption = _caption(doc, lines)
    if caption is None:
        yield from _year_column_rows(doc, lines)
        return
    agency, disease, rows_from = caption
    if disease is not None:
        yield from _rows(doc, lines[rows_from:], agency, disease)


def _caption(doc: AnalysedDocument, lines: list[tuple[int, str]]) -> tuple[str | None, str | None, int] | None:
    """(agency, disease, the number of its lines) of a caption saying its table's agents are approved (its first lines,
    up to the one with the approval, none of them naming an agent); None when the table has no such caption."""
    head = []
    for start, line in lines[:MAX_CAPTION_LINES]:
        if doc.keys_of_type(doc.mentions_in(start, start + len(line)), *DRUG):
            return None
        head.append((start, line))
        if APPROVAL_CUE.search(line):
            break
    words = " ".join(line for _, line in head)
    if not APPROVAL_CUE.search(words) or NOT_A_LIST_OF_APPROVED.search(words):
        return None
    mentions = [m for start, line in head for m in doc.mentions_in(start, start + len(line))]
    agencies = {m.key for m in doc.keys_of_type(mentions, "RegulatoryAgency")}
    diseases = [m.key for m in doc.keys_of_type(mentions, "Disease")]
    if len(agencies) > 1:
        return None  # whose approval each row is cannot be told
    return (agencies.pop() if agencies else None), (diseases[0] if diseases else doc.main_disease), len(head)


def _rows(doc: AnalysedDocument, lines: list[tuple[int, str]], agency: str | None, disease: str) -> Iterator[Assertion]:
    """Each row opening with an agent, in the line of therapy its group heading (or the row itself) names."""
    text = doc.document.text
    group, pending = None, []
    for start, line in lines:
        if PROSE_LINE.search(line.strip()):
            return
        mentions = doc.mentions_in(start, start + len(line))
        agents = pending + _opening_agents(doc, start, mentions)
        if not agents:
            group = _one_line(doc, mentions) or group  # "Second-line therapies"
            continue
        if JOIN.fullmatch(text, agents[-1].end, start + len(line)):
            pending = agents  # "A +" at the line's end: the agent cell goes on on the next line
            continue
        pending = []
        yield from _approval(doc, agents, agency, disease, group or _one_line(doc, mentions))


def _one_line(doc: AnalysedDocument, mentions: list[Mention]) -> str | None:
    """The one line of therapy the mentions name, None when they name none or several."""
    named = {m.key for m in doc.keys_of_type(mentions, "LineOfTherapy")}
    return named.pop() if len(named) == 1 else None


def _opening_agents(doc: AnalysedDocument, start: int, mentions: list[Mention]) -> list[Mention]:
    """The agents opening a row (after a label cell), drugs joined by "+"/"plus" taken together; none when the row opens
    with no agent."""
    text = doc.document.text
    if not mentions or not doc.vocabulary[mentions[0].key].has_type(*DRUG) or mentions[0].start < start:
        return []
    if text[start:mentions[0].start].strip() and not LABEL_RE.fullmatch(text, start, mentions[0].start):
        return []
    agents = [mentions[0]]
    for m in mentions[1:]:
        if not (doc.vocabulary[m.key].has_type(*DRUG) and JOIN.fullmatch(text, agents[-1].end, m.start)):
            break
        agents.append(m)
    return agents


# A bordered header's column of approval years: "Approval", "Year of approval", "FDA approval (year)", "Approved".
APPROVAL_COLUMN = re.compile(r"^(?:[A-Z]{2,5}\s+)?(?:year\s+of\s+)?approv(?:al|ed)(?:\s+(?:year|date))?(?:\s*\(\s*year\s*\))?$",
                             re.IGNORECASE)
YEAR_CELL = re.compile(r"^(?:[A-Z][a-z]{2,8}\.?\s+)?(?P<year>(?:19|20)\d\d)$")


def _year_column_rows(doc: AnalysedDocument, lines: list[tuple[int, str]]) -> Iterator[Assertion]:
    """Approvals a bordered table lists in a column of approval years ("| Drug | ... | Approval | Treatment |" over
    "| A | ... | 2007 | First line |"): each row opening with an agent whose cell in that column holds a year is that
    agent's approval, that year, for the disease the caption names (else the document's), by the agency the header
    cell names (else none), in the line of therapy the row names."""
    at = next((i for i, (_, line) in enumerate(lines) if len(BORDER_RE.findall(line)) >= 2), None)
    if at is None:
        return
    above = [m for start, line in lines[:at] for m in doc.mentions_in(start, start + len(line))]
    diseases = [m.key for m in doc.keys_of_type(above, "Disease")]  # the caption's, else the document's
    disease = diseases[0] if diseases else doc.main_disease
    if disease is None:
        return
    header = lines[at]
    heads = cells_of(header[1], header[0])
    columns = [i for i, (text, _, _) in enumerate(heads) if APPROVAL_COLUMN.match(text)]
    if len(columns) != 1:
        return
    head_agencies = {m.key for m in doc.keys_of_type(doc.mentions_in(*heads[columns[0]][1:]), "RegulatoryAgency")}
    agency = head_agencies.pop() if len(head_agencies) == 1 else None
    for start, line in lines:
        cells = cells_of(line, start)
        if len(cells) != len(heads) or not (year := YEAR_CELL.match(cells[columns[0]][0])):
            continue
        agents = _opening_agents(doc, cells[0][1], doc.mentions_in(cells[0][1], cells[0][2]))
        if agents:
            yield from _approval(doc, agents, agency, disease, _one_line(doc, doc.mentions_in(start, start + len(line))),
                                 (("approval_date", year["year"]), ("year", int(year["year"]))))


def _approval(doc: AnalysedDocument, agents: list[Mention], agency: str | None, disease: str,
              line_of_therapy: str | None, attributes: tuple = ()) -> Iterator[Assertion]:
    keys = list(dict.fromkeys(m.key for m in agents))
    agent = agent_key(keys)
    evidence = doc.evidence(agents[0].start, agents[-1].end, NAME)
    if agent != keys[0]:
        yield from (Assertion(agent, "hasComponent", key, evidence=(evidence,)) for key in keys)
    context = ((("agency", agency),) if agency else ()) + ((("line", line_of_therapy),) if line_of_therapy else ())
    yield Assertion(agent, "approvedFor", disease, context, attributes, (evidence,))
